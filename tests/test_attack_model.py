"""Outside attack on issue 16: the strict model, schema 2, lint/render agreement, HTML fragment.

Written by an independent tester against the public API only (rekisteri.model,
rekisteri.serialize, rekisteri.lint, rekisteri.render, rekisteri.categories,
rekisteri.identifiers, rekisteri.sources) and the promises of
docs/guides/model.md, docs/guides/lint.md and issue 16. Tests that expose a
bug are ``xfail(strict=True)`` with the bug in the reason, so that main stays
green and the test turns red the day the bug is fixed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import typing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekisteri import categories, jsonld, model, serialize
from rekisteri.errors import (
    InvalidRegisterError,
    InvalidValueError,
    ModelTypeError,
    RekisteriError,
)
from rekisteri.identifiers import association, iban, veronumero
from rekisteri.lint import lint
from rekisteri.model import (
    ContactPoint,
    Controller,
    LegalBasis,
    LocalizedText,
    Register,
    Right,
)
from rekisteri.render import render_notice, render_record
from rekisteri.serialize import structure, unstructure
from rekisteri.testing import make_hetu
from rekisteri.testing.strategies import registers

#: The model without types: the tests pass wrong types on purpose.
M: Any = model

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
LOCALES = ("fi", "sv", "en")
FORMATS = ("md", "html", "text")
MISSING = {"fi": "[puuttuu]", "sv": "[saknas]", "en": "[missing]"}

HETU = make_hetu(date(1985, 4, 12), 123)
HETU_DIGITS = re.sub(r"\D", "", HETU)
#: A henkilötunnus in the spellings a person might type it.
HETU_SPELLINGS = (
    HETU,
    HETU.lower(),
    HETU.replace("-", " "),
    HETU.replace("-", "_"),
    HETU.replace("-", ""),
    HETU.replace("-", "\u2010"),
    HETU.replace("-", "+"),
    f"  {HETU}  ",
    HETU.lower().replace("-", "_"),
)

MODEL_CLASSES = tuple(
    getattr(model, name)
    for name in model.__all__
    if isinstance(getattr(model, name), type) and attrs.has(getattr(model, name))
)
ENUMS = tuple(
    getattr(model, name)
    for name in model.__all__
    if isinstance(getattr(model, name), type)
    and issubclass(getattr(model, name), model.LegalBasis.__mro__[1])
    and not attrs.has(getattr(model, name))
)


def _contact() -> ContactPoint:
    return ContactPoint(email="tietosuoja@example.fi")


def _controller() -> Controller:
    return Controller(name="Esimerkki Oy", contact=_contact())


#: A minimal valid set of arguments for every public model class.
BASE: dict[str, dict[str, Any]] = {
    "Address": {},
    "Authority": {"name": "Valvoja", "contact": _contact()},
    "AutomatedDecision": {"description": "d", "logic": "l", "significance": "s"},
    "ContactPoint": {"email": "a@example.fi"},
    "Controller": {"name": "Esimerkki Oy"},
    "Cookie": {"name": "c", "purpose": "p"},
    "DataCategory": {"key": "k", "name": "n"},
    "DataSubjectCategory": {"key": "k", "name": "n"},
    "Duration": {"years": 1},
    "JointController": {"name": "Kumppani Oy"},
    "LocalizedText": {"fi": "teksti"},
    "Processor": {"name": "Palvelu Oy"},
    "Purpose": {"key": "k", "name": "n"},
    "Recipient": {"description": "d"},
    "Register": {"controller": Controller(name="Esimerkki Oy")},
    "Representative": {"name": "Edustaja", "contact": _contact()},
    "RetentionRule": {"description": "d"},
    "SecurityMeasure": {"description": "d"},
    "Source": {"key": "k", "name": "n"},
    "SubProcessor": {"name": "Ali Oy"},
    "Transfer": {},
}


def _type_of(cls: type, field: attrs.Attribute[Any]) -> str:
    hints = typing.get_type_hints(cls)
    return str(hints[field.name])


def _kind(cls: type, field: attrs.Attribute[Any]) -> str:
    """Classify a field by its declared type (from the outside: the annotation)."""
    text = _type_of(cls, field)
    if text.startswith("tuple["):
        return "tuple"
    if "LocalizedText" in text:
        return "ltext"
    if "Literal" in text:
        return "literal"
    if "datetime.date" in text:
        return "date"
    if text.startswith("<class 'bool'>") or text == "bool | None":
        return "bool"
    if text.startswith("<class 'int'>"):
        return "int"
    if "<enum" in text or any(e.__name__ in text for e in ENUMS):
        return "enum"
    if text.startswith("<class 'str'>") or text == "str | None":
        return "str"
    return "object"


def _optional(cls: type, field: attrs.Attribute[Any]) -> bool:
    return "None" in _type_of(cls, field)


#: Values of a wrong type for each kind of field.
WRONG: dict[str, tuple[Any, ...]] = {
    "ltext": (5, b"teksti", {"fi": "teksti"}, True, ["teksti"], 1.5),
    "str": (5, b"teksti", True, LocalizedText(fi="teksti"), {"a": 1}, ["x"], 1.5),
    "bool": (1, 0, "true", 1.0),
    "int": (True, False, 1.0, "1", None, 10**0 * 1.5),
    "date": (
        datetime(2024, 1, 1),  # noqa: DTZ001 - a naive datetime on purpose
        datetime(2024, 1, 1, tzinfo=UTC),
        "2024-01-01",
        20240101,
        None if False else 1.5,
    ),
    "enum": (5, True, b"consent", 1.5, object()),
    "tuple": ("abc", 5, {"a"}, {"a": 1}, True, b"ab"),
    "object": ({"a": 1}, "x", 5, ["x"], True),
}


def _field_cases() -> list[Any]:
    cases = []
    for cls in MODEL_CLASSES:
        for field in attrs.fields(cls):
            kind = _kind(cls, field)
            if kind == "literal":
                continue
            values = list(WRONG[kind])
            if not _optional(cls, field) and kind in ("ltext", "str", "object", "bool", "enum"):
                values.append(None)
            cases.extend(
                pytest.param(
                    cls, field.name, value, id=f"{cls.__name__}.{field.name}-{type(value).__name__}"
                )
                for value in values
            )
    return cases


def _is_typed(exc: BaseException) -> bool:
    return isinstance(exc, RekisteriError) and isinstance(exc, TypeError | ValueError)


def _raised(function: Any, argument: object) -> BaseException | None:
    """The exception that ``function(argument)`` raises, or None."""
    try:
        function(argument)
    except Exception as exc:  # noqa: BLE001 - the test inspects whatever is raised
        return exc
    return None


def _refused_or_serialized(build: Any) -> bool:
    """Build a register: a typed refusal is fine; if accepted, dumps and loads must work."""
    exc = _raised(lambda _: build(), None)
    if exc is not None:
        return _is_typed(exc)
    register = build()
    return bool(serialize.loads(serialize.dumps(register), Register) == register)


# ---------- 1. strict construction


class TestStrictConstruction:
    def test_every_public_class_has_a_base(self) -> None:
        """The enumeration covers every attrs class of rekisteri.model.__all__."""
        assert {cls.__name__ for cls in MODEL_CLASSES} == set(BASE)
        for cls in MODEL_CLASSES:
            cls(**BASE[cls.__name__])

    @pytest.mark.parametrize(("cls", "field", "value"), _field_cases())
    def test_wrong_type_fails_at_construction_naming_the_field(
        self, cls: type, field: str, value: object
    ) -> None:
        """Wrong type fails at construction naming the field."""
        with pytest.raises(RekisteriError) as info:
            cls(**{**BASE[cls.__name__], field: value})
        assert _is_typed(info.value), type(info.value).__mro__
        assert not isinstance(info.value, AttributeError)

    @pytest.mark.parametrize(
        ("build", "field"),
        [
            (lambda: M.Controller(name="x", business_id=5), "business_id"),
            (lambda: M.Controller(name="x", association_id=5), "association_id"),
            (lambda: M.JointController(name="x", business_id=5), "business_id"),
            (lambda: M.Recipient(description="x", business_id=True), "business_id"),
            (lambda: M.Processor(name="x", business_id=b"1234567-1"), "business_id"),
            (lambda: M.Source(key="k", name="x", business_id=1234567), "business_id"),
        ],
    )
    @pytest.mark.xfail(
        strict=True,
        reason="bug: a wrong type in an identifier field (business_id, association_id) raises "
        "IdentifierTypeError 'ytunnus: expected str, got int' / 'associationid: ...' that does "
        "not name the model field (its .field is None), unlike every other field",
    )
    def test_identifier_field_type_error_names_the_field(self, build: Any, field: str) -> None:
        """Identifier field type error names the field."""
        with pytest.raises(RekisteriError) as info:
            build()
        assert field in str(info.value)

    @pytest.mark.parametrize(("cls", "field", "value"), _field_cases())
    def test_wrong_type_message_names_the_field(self, cls: type, field: str, value: object) -> None:
        """Wrong type message names the field."""
        if field in ("business_id", "association_id"):
            pytest.skip("covered by test_identifier_field_type_error_names_the_field")
        with pytest.raises(RekisteriError) as info:
            cls(**{**BASE[cls.__name__], field: value})
        message = str(info.value)
        assert message.startswith(field) or f"{field}:" in message or f"{field}[" in message, (
            message
        )

    @pytest.mark.parametrize(
        ("cls", "field"),
        [
            pytest.param(cls, field.name, id=f"{cls.__name__}.{field.name}")
            for cls in MODEL_CLASSES
            for field in attrs.fields(cls)
            if _kind(cls, field) == "enum"
        ],
    )
    def test_enum_fields_take_wire_values_and_refuse_others(self, cls: type, field: str) -> None:
        """Enum fields take wire values and refuse others."""
        enum = next(e for e in ENUMS if e.__name__ in _type_of(cls, attrs.fields_dict(cls)[field]))
        extra = {"destination": "NO"} if cls.__name__ == "Transfer" else {}
        for member in enum:
            kwargs = {**BASE[cls.__name__], **extra, field: member.value}
            if enum is model.RetentionTrigger:
                kwargs["period"] = model.Duration(years=1)
                if member is model.RetentionTrigger.FIXED_DATE:
                    kwargs = {
                        **BASE[cls.__name__],
                        field: member.value,
                        "fixed_date": date(2030, 1, 1),
                    }
            if enum is model.LegalBasis and member is model.LegalBasis.LEGITIMATE_INTERESTS:
                kwargs["legitimate_interest"] = "etu"
            obj = cls(**kwargs)
            assert getattr(obj, field) is member
        for wrong in ("nope", member.value.upper(), f" {member.value}", member.name):
            with pytest.raises(InvalidValueError) as info:
                cls(**{**BASE[cls.__name__], **extra, field: wrong})
            assert str(info.value).startswith(field)

    @pytest.mark.parametrize(
        ("cls", "field"),
        [
            pytest.param(cls, field.name, id=f"{cls.__name__}.{field.name}")
            for cls in MODEL_CLASSES
            for field in attrs.fields(cls)
            if _kind(cls, field) == "tuple"
        ],
    )
    def test_tuple_fields_convert_lists_and_check_items(self, cls: type, field: str) -> None:
        """Tuple fields convert lists and check items."""
        obj = cls(**{**BASE[cls.__name__], field: []})
        assert getattr(obj, field) == ()
        assert type(getattr(obj, field)) is tuple
        for bad_item in (5, None, b"x", {"a": 1}, True, 1.5):
            with pytest.raises(RekisteriError) as info:
                cls(**{**BASE[cls.__name__], field: [bad_item]})
            assert _is_typed(info.value)
            assert f"{field}[0]" in str(info.value), str(info.value)

    def test_list_given_then_mutated_does_not_change_the_register(self) -> None:
        """List given then mutated does not change the register."""
        rights = ["access", "erasure"]
        register = Register(controller=_controller(), rights=rights)  # type: ignore[arg-type]
        rights.append("portability")
        assert register.rights == (Right.ACCESS, Right.ERASURE)

    @pytest.mark.parametrize("value", [True, False])
    def test_bool_is_not_a_number(self, *, value: bool) -> None:
        """Bool is not a number."""
        for field in ("years", "months", "days"):
            with pytest.raises(ModelTypeError, match=rf"^{field}"):
                M.Duration(**{field: value})

    @pytest.mark.parametrize(
        "value",
        [datetime(2024, 1, 1), datetime(2024, 1, 1, tzinfo=UTC)],  # noqa: DTZ001
        ids=["naive", "aware"],
    )
    def test_datetime_is_not_a_date(self, value: datetime) -> None:
        """Datetime is not a date."""
        with pytest.raises(ModelTypeError, match=r"^updated"):
            M.Register(controller=_controller(), updated=value)
        with pytest.raises(ModelTypeError, match=r"^fixed_date"):
            M.RetentionRule(trigger="fixed_date", fixed_date=value)
        assert M.Register(controller=_controller(), updated=date(2024, 1, 1)).updated == date(
            2024, 1, 1
        )

    def test_nested_wrong_types_deep_inside(self) -> None:
        """Nested wrong types deep inside."""
        with pytest.raises(ModelTypeError, match=r"^sub_processors\[1\]"):
            M.Processor(name="P", sub_processors=[M.SubProcessor(name="S"), {"name": "T"}])
        with pytest.raises(ModelTypeError, match=r"^service"):
            M.SubProcessor(name="S", service=["palvelu"])
        with pytest.raises(ModelTypeError, match=r"^processors\[0\]"):
            M.Register(controller=_controller(), processors=[[M.Processor(name="P")]])
        with pytest.raises(ModelTypeError, match=r"^address"):
            M.JointController(name="J", address=M.ContactPoint(email="a@example.fi"))
        with pytest.raises(ModelTypeError, match=r"^contact"):
            M.Controller(name="C", contact=M.Address(town="Espoo"))
        with pytest.raises(ModelTypeError, match=r"^period"):
            M.RetentionRule(period=(1, 0, 0), trigger="collection")

    def test_consent_wire_value_fires_the_withdraw_rule_at_construction(self) -> None:
        """Consent wire value fires the withdraw rule at construction."""
        news = M.Purpose(key="news", name="Uutiskirje", legal_basis="consent")
        assert news.legal_basis is LegalBasis.CONSENT
        with pytest.raises(InvalidRegisterError) as info:
            M.Register(controller=_controller(), purposes=[news], rights=["access", "object"])
        assert any("withdraw_consent" in p for p in info.value.problems)
        ok = M.Register(
            controller=_controller(), purposes=[news], rights=["access", "withdraw_consent"]
        )
        assert ok.uses(LegalBasis.CONSENT)
        assert Right.WITHDRAW_CONSENT in ok.rights

    def test_legitimate_interest_wire_value_needs_its_interest(self) -> None:
        """Legitimate interest wire value needs its interest."""
        with pytest.raises(InvalidValueError, match=r"^legitimate_interest"):
            M.Purpose(key="a", name="A", legal_basis="legitimate_interests")
        with pytest.raises(InvalidValueError, match=r"^legal_basis_law"):
            M.Purpose(key="a", name="A", legal_basis="contract", legal_basis_law="laki")

    def test_enum_of_another_kind_is_refused(self) -> None:
        """Enum of another kind is refused."""
        with pytest.raises(InvalidValueError, match=r"^legal_basis"):
            M.Purpose(key="a", name="A", legal_basis=Right.ACCESS)
        with pytest.raises(RekisteriError, match=r"^rights\[0\]"):
            M.Register(controller=_controller(), rights=[LegalBasis.CONSENT])

    @pytest.mark.xfail(
        strict=True,
        reason="bug: the model accepts a text with a lone surrogate (LocalizedText(fi='a\\ud800')) "
        "and serialize.dumps then raises a bare TypeError 'str is not valid UTF-8: surrogates "
        "not allowed' (not a RekisteriError); loads refuses such a document, so constructors "
        "accept what the documents cannot hold",
    )
    def test_lone_surrogate_is_refused_at_construction_or_serializes(self) -> None:
        """Lone surrogate is refused at construction or serializes."""
        assert _refused_or_serialized(
            lambda: M.Register(controller=M.Controller(name="Esimerkki \udc80 Oy"))
        )

    @pytest.mark.xfail(
        strict=True,
        reason="bug: Duration(years=10**30) is accepted (so is structure({'years': 10**30})) but "
        "serialize.dumps raises a bare TypeError 'Integer exceeds 64-bit range', and loads "
        "refuses the same number: no upper bound at construction",
    )
    def test_huge_duration_is_refused_at_construction_or_serializes(self) -> None:
        """Huge duration is refused at construction or serializes."""
        assert _refused_or_serialized(
            lambda: M.Register(
                controller=_controller(),
                retention=[M.RetentionRule(period=M.Duration(years=10**30), trigger="collection")],
            )
        )


def _walk_objects(obj: object) -> list[object]:
    found = []
    if attrs.has(type(obj)):
        found.append(obj)
        for field in attrs.fields(type(obj)):
            found.extend(_walk_objects(getattr(obj, field.name)))
    elif isinstance(obj, tuple):
        for item in obj:
            found.extend(_walk_objects(item))
    return found


SLOW = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


class TestRoundTrip:
    @SLOW
    @given(registers())
    def test_constructor_objects_round_trip(self, register: Register) -> None:
        """Constructor objects round trip."""
        assert structure(unstructure(register), Register) == register
        assert serialize.loads(serialize.dumps(register), Register) == register
        assert serialize.loads(serialize.dumps(register, indent=True), Register) == register

    @SLOW
    @given(registers())
    def test_constructors_accept_what_structure_built(self, register: Register) -> None:
        """Every object structure builds is rebuilt by its own constructor, unchanged."""
        built = structure(unstructure(register), Register)
        for obj in _walk_objects(built):
            kwargs = {f.name: getattr(obj, f.name) for f in attrs.fields(type(obj)) if f.init}
            assert type(obj)(**kwargs) == obj
            # And in the wire form a Python caller might use: lists and enum values.
            loose = {
                k: (
                    list(v)
                    if isinstance(v, tuple)
                    else v.value
                    if hasattr(v, "value") and isinstance(v, str)
                    else v
                )
                for k, v in kwargs.items()
            }
            assert type(obj)(**loose) == obj

    @SLOW
    @given(registers())
    def test_accepted_objects_never_fail_later(self, register: Register) -> None:
        """No AttributeError (or any untyped error) inside render, lint, jsonld or dumps."""
        serialize.dumps(register)
        jsonld.dumps(register)
        for locale in LOCALES:
            lint(register, locale=locale)
            render_record(register, locale=locale, format="md")
            for fmt in FORMATS:
                render_notice(register, locale=locale, format=fmt)
        render_notice(register, locale="sv", format="html", fragment=True)

    def test_loose_python_register_renders_everywhere(self) -> None:
        """A register written the loose way (wire values, lists, plain strings) works end to end."""
        register = M.Register(
            controller=M.Controller(
                name="Esimerkki Oy", contact=M.ContactPoint(email="a@example.fi")
            ),
            name="Asiakasrekisteri",
            data_categories=[M.DataCategory(key="c", name="Yhteystiedot", special="health")],
            purposes=[
                M.Purpose(
                    key="p",
                    name="Hoito",
                    legal_basis="legal_obligation",
                    legal_basis_law="laki",
                    data_categories=["c"],
                    special_category_condition="9(2)(h)",
                    special_category_law="tietosuojalaki 6 §",
                )
            ],
            security=[M.SecurityMeasure(description="Salaus", kind="technical")],
            transfers=[M.Transfer(destination="US", mechanism="standard_contractual_clauses")],
            retention=[
                M.RetentionRule(
                    period=M.Duration(years=1), trigger="collection", data_categories=["c"]
                )
            ],
            none_stated=["recipients", "processors"],
            rights=["access", "rectification", "erasure", "restriction", "object"],
        )
        assert register.none_stated == (model.NoneStated.RECIPIENTS, model.NoneStated.PROCESSORS)
        assert serialize.loads(serialize.dumps(register), Register) == register
        for locale in LOCALES:
            for fmt in FORMATS:
                assert render_notice(register, locale=locale, format=fmt)
            assert lint(register, locale=locale)
        assert jsonld.to_jsonld(register)["hasPurpose"]


# ---------- 2. no henkilötunnus in messages


def _leaks(text: str) -> bool:
    return HETU_DIGITS in re.sub(r"\D", "", text)


def _error_text(exc: BaseException) -> str:
    return " ".join([str(exc), repr(exc), repr(getattr(exc, "problems", ())), repr(exc.args)])


HETU_BUILDERS = {
    "purpose key": lambda s: M.Purpose(key=s, name="x"),
    "category key": lambda s: M.DataCategory(key=s, name="x"),
    "controller name ctrl": lambda s: M.Controller(name=s + "\x1b"),
    "text ctrl": lambda s: M.LocalizedText(fi=s + "\u202e"),
    "business_id": lambda s: M.Controller(name="x", business_id=s),
    "jc business_id": lambda s: M.JointController(name="x", business_id=s),
    "source business_id": lambda s: M.Source(key="k", name="x", business_id=s),
    "association_id": lambda s: M.Controller(name="x", association_id=s),
    "country": lambda s: M.Address(country=s),
    "processor country": lambda s: M.Processor(name="x", country=s),
    "transfer destination": lambda s: M.Transfer(destination=s),
    "email": lambda s: M.ContactPoint(email=s),
    "email with at": lambda s: M.ContactPoint(email=f"{s}@@example.fi"),
    "postal code": lambda s: M.Address(postal_code=s),
    "dpv": lambda s: M.DataCategory(key="k", name="x", dpv=s),
    "legal basis": lambda s: M.Purpose(key="k", name="x", legal_basis=s),
    "right": lambda s: M.Register(controller=_controller(), rights=[s]),
    "special": lambda s: M.DataCategory(key="k", name="x", special=s),
    "none_stated": lambda s: M.Register(controller=_controller(), none_stated=[s]),
    "duplicate category key": lambda s: M.Register(
        controller=_controller(),
        data_categories=[M.DataCategory(key=s, name="a"), M.DataCategory(key=s, name="b")],
    ),
    "duplicate purpose key": lambda s: M.Register(
        controller=_controller(), purposes=[M.Purpose(key=s, name="a"), M.Purpose(key=s, name="b")]
    ),
    "unknown category in purpose": lambda s: M.Register(
        controller=_controller(), purposes=[M.Purpose(key="p", name="a", data_categories=[s])]
    ),
    "unknown category in retention": lambda s: M.Register(
        controller=_controller(),
        retention=[M.RetentionRule(data_categories=[s], description="d")],
    ),
    "catalog get": categories.get,
    "iban": iban.validate,
    "veronumero": veronumero.validate,
    "association": association.validate,
}


class TestNoHetuInMessages:
    @pytest.mark.parametrize("spelling", HETU_SPELLINGS)
    @pytest.mark.parametrize("where", sorted(HETU_BUILDERS))
    def test_error_never_repeats_a_hetu(self, where: str, spelling: str) -> None:
        """Error never repeats a hetu."""
        exc = _raised(HETU_BUILDERS[where], spelling)
        if exc is None:
            # Accepted only where a lower-case hetu is a valid key (keys are free text).
            assert where in {"purpose key", "category key"}, where
            return
        assert isinstance(exc, RekisteriError), repr(exc)
        # The catalog's UnknownCategoryError is a KeyError; every other error a ValueError.
        assert _is_typed(exc) or isinstance(exc, LookupError)
        assert not _leaks(_error_text(exc)), _error_text(exc)

    @pytest.mark.parametrize("spelling", HETU_SPELLINGS)
    def test_structure_errors_never_repeat_a_hetu(self, spelling: str) -> None:
        """Structure errors never repeat a hetu."""
        document = {
            "controller": {
                "name": "x",
                "business_id": spelling,
                "association_id": spelling,
                "address": {"country": spelling, "postal_code": spelling},
                "contact": {"email": spelling},
            },
            "purposes": [
                {"key": spelling, "name": "x", "legal_basis": spelling},
                {"key": spelling, "name": "y"},
            ],
            "data_categories": [spelling, {"catalog": spelling}],
            "sources": [spelling],
            "rights": [spelling],
            "none_stated": [spelling],
            spelling: 1,
        }
        with pytest.raises(RekisteriError) as info:
            structure(document, Register)
        assert not _leaks(_error_text(info.value)), _error_text(info.value)

    def test_lint_messages_never_repeat_a_hetu_key(self) -> None:
        """A hetu typed as a key (lower case is a valid key) does not reach lint's messages."""
        key = HETU.lower()
        register = M.Register(
            controller=M.Controller(name="Esimerkki Oy"),
            data_categories=[M.DataCategory(key=key, name="Tiedot")],
            purposes=[M.Purpose(key=key, name="Tarkoitus", data_categories=[key])],
            sources=[M.Source(key=key, name="Lähde")],
        )
        for locale in LOCALES:
            for finding in lint(register, locale=locale):
                assert not _leaks(finding.message + finding.path), finding


# ---------- 3. control characters, e-mail, countries

FORBIDDEN = (
    [chr(c) for c in range(0x20) if chr(c) not in "\n\t"]
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)


def _text_fields() -> list[Any]:
    return [
        pytest.param(cls, field.name, id=f"{cls.__name__}.{field.name}")
        for cls in MODEL_CLASSES
        for field in attrs.fields(cls)
        if _kind(cls, field) in ("ltext", "str")
    ]


class TestControlCharacters:
    @pytest.mark.parametrize(("cls", "field"), _text_fields())
    def test_every_text_field_refuses_every_control(self, cls: type, field: str) -> None:
        """Every text field refuses every control."""
        for char in FORBIDDEN:
            for value in (f"Teksti{char}loppu", char, f"{char}a@example.fi"):
                with pytest.raises(RekisteriError) as info:
                    cls(**{**BASE[cls.__name__], field: value})
                assert _is_typed(info.value)
                if field not in ("business_id", "association_id"):
                    assert field in str(info.value), (repr(char), str(info.value))

    @pytest.mark.parametrize("lang", ["fi", "sv", "en"])
    def test_localized_text_refuses_controls_in_every_language(self, lang: str) -> None:
        """Localized text refuses controls in every language."""
        for char in FORBIDDEN:
            kwargs = {"fi": "a", lang: f"b{char}c"}
            with pytest.raises(InvalidValueError) as info:
                LocalizedText(**kwargs)
            assert str(info.value).startswith(lang)
            assert f"U+{ord(char):04X}" in str(info.value)

    def test_line_feed_and_tab_are_allowed(self) -> None:
        """Line feed and tab are allowed."""
        text = LocalizedText(fi="rivi 1\nrivi 2\tsarake", sv="a\nb", en="a\tb")
        assert "\n" in text.fi
        assert M.Address(street="Katu 1\nporras A").street == "Katu 1\nporras A"

    @pytest.mark.parametrize(
        "email",
        [
            "a@example.fi?bcc=b@example.com",
            "a@example.fi?cc=b@example.com",
            "a@example.fi&cc=b@example.com",
            "a@example.fi%3Fbcc%3Db@example.com",
            "a@example.fi%3fcc=b@example.com",
            "a@example.fi\r\nBcc: b@example.com",
            "a@example.fi\nBcc: b@example.com",
            "a@example.fi\rb",
            "a @example.fi",
            "a@example.fi ",
            "\u00a0a@example.fi",
            "a@example.fi,b@example.com",
            "a@example.fi;b@example.com",
            "Nimi <a@example.fi>",
            "a@example.fi?subject=x",
            "a@example.fi%0d%0abcc:b@example.com",
        ],
    )
    def test_email_with_headers_or_spaces_is_refused(self, email: str) -> None:
        """Email with headers or spaces is refused."""
        with pytest.raises(InvalidValueError, match=r"^email"):
            M.ContactPoint(email=email)

    @pytest.mark.parametrize(
        "code", ["UK", "EU", "XX", "fi", "FIN", "Fi", "ZZ", "001", "", " FI", "SU"]
    )
    def test_bad_country_codes_are_refused(self, code: str) -> None:
        """Bad country codes are refused."""
        for build in (
            lambda: M.Address(country=code),
            lambda: M.Processor(name="P", country=code, mechanism="adequacy_decision"),
            lambda: M.SubProcessor(name="S", country=code, mechanism="adequacy_decision"),
            lambda: M.Recipient(description="r", country=code),
            lambda: M.Cookie(name="c", purpose="p", country=code),
            lambda: M.Transfer(destination=code, mechanism="adequacy_decision"),
        ):
            with pytest.raises(InvalidValueError) as info:
                build()
            assert _is_typed(info.value)

    def test_uk_gets_the_gb_hint(self) -> None:
        """Uk gets the gb hint."""
        with pytest.raises(InvalidValueError, match="GB"):
            M.Address(country="UK")

    @pytest.mark.parametrize("code", ["GB", "AX", "SE", "NO", "US", "FI"])
    def test_good_country_codes_are_accepted(self, code: str) -> None:
        """Good country codes are accepted."""
        assert M.Address(country=code).country == code
        assert M.Recipient(description="r", country=code).country == code

    @pytest.mark.parametrize("code", ["AX", "GF", "GP", "MQ", "RE", "YT", "MF"])
    @pytest.mark.xfail(
        strict=True,
        reason="bug: the Åland Islands (AX, part of Finland and of the EU, Art 355(4) TFEU) and "
        "the EU's outermost regions with their own ISO codes (GF, GP, MQ, RE, YT, MF; Art "
        "355(1) TFEU) are treated as outside the EEA: Transfer(destination='AX') is refused "
        "without a Chapter V mechanism and 'AX' is not in model.EEA",
    )
    def test_eu_territories_with_own_codes_are_inside_the_eea(self, code: str) -> None:
        """Eu territories with own codes are inside the eea."""
        assert not M.Transfer(destination=code).outside_eea
        M.Processor(name="Palvelin Oy", country=code)


# ---------- 4. python-stdnum identifiers


def _iban(country: str, bban: str) -> str:
    """An IBAN with correct check digits, computed here (ISO 13616 mod 97)."""
    moved = bban + country + "00"
    number = int("".join(str(int(ch, 36)) for ch in moved))
    return f"{country}{98 - number % 97:02d}{bban}"


ID_ALPHABET = "0123456789 .-FIGBDEXxa\u00a0\uff11\u0660"


class TestStdnum:
    @settings(max_examples=400, deadline=None)
    @given(
        st.one_of(
            st.text(ID_ALPHABET, max_size=24),
            st.from_regex(r"[0-9]{1,3}\.?[0-9]{1,3}", fullmatch=True),
        )
    )
    def test_association_agrees_with_stdnum(self, value: str) -> None:
        """Association agrees with stdnum."""
        from stdnum.fi import associationid

        assert association.is_valid(value) == associationid.is_valid(value)
        self._check(association, associationid, value)

    @settings(max_examples=400, deadline=None)
    @given(
        st.one_of(
            st.text(ID_ALPHABET, max_size=20),
            st.from_regex(r"[0-9]{12}", fullmatch=True),
            st.from_regex(r"[0-9]{4} [0-9]{4} [0-9]{4}", fullmatch=True),
        )
    )
    def test_veronumero_agrees_with_stdnum(self, value: str) -> None:
        """Veronumero agrees with stdnum."""
        from stdnum.fi import veronumero as stdnum_veronumero

        assert veronumero.is_valid(value) == stdnum_veronumero.is_valid(value)
        self._check(veronumero, stdnum_veronumero, value)

    @settings(max_examples=400, deadline=None)
    @given(
        st.one_of(
            st.text(ID_ALPHABET, max_size=34),
            st.from_regex(r"[0-9]{14}", fullmatch=True).map(lambda b: _iban("FI", b)),
            st.from_regex(r"[0-9]{18}", fullmatch=True).map(lambda b: _iban("DE", b)),
            st.from_regex(r"[0-9]{14}", fullmatch=True).map(lambda b: _iban("FI", b)[:-1] + "0"),
            st.from_regex(r"[0-9]{14}", fullmatch=True).map(lambda b: _iban("FI", b).lower()),
        )
    )
    def test_iban_agrees_with_stdnum(self, value: str) -> None:
        """Iban agrees with stdnum."""
        from stdnum import iban as stdnum_iban

        assert iban.is_valid(value) == stdnum_iban.is_valid(value)
        self._check(iban, stdnum_iban, value)
        if stdnum_iban.is_valid(value):
            assert iban.format(iban.validate(value)) == stdnum_iban.format(value)

    @staticmethod
    def _check(ours: Any, theirs: Any, value: str) -> None:
        if theirs.is_valid(value):
            assert ours.validate(value) in {
                theirs.validate(value),
                getattr(theirs, "format", str)(value),
            }
            return
        with pytest.raises(RekisteriError) as info:
            ours.validate(value)
        assert isinstance(info.value, ValueError)
        compact = re.sub(r"[\s.\-]", "", value)
        if len(compact) >= 4:
            assert compact not in re.sub(r"[\s.\-]", "", str(info.value))

    @pytest.mark.parametrize("module", [association, veronumero, iban])
    @pytest.mark.parametrize("value", [None, 5, b"123123", 1.5, ["FI21"]])
    def test_wrong_types_are_typed_errors(self, module: Any, value: object) -> None:
        """Wrong types are typed errors."""
        with pytest.raises(RekisteriError) as info:
            module.validate(value)
        assert isinstance(info.value, TypeError)
        assert module.is_valid(value) is False

    def test_known_values(self) -> None:
        """Known values."""
        assert iban.validate(_iban("FI", "12345600000785")) == "FI2112345600000785"
        assert association.validate("123123") == "123.123"
        assert M.Controller(name="Seura ry", association_id="1123").association_id == "1.123"
        with pytest.raises(RekisteriError) as info:
            M.Controller(name="Seura ry", association_id="123.1234")
        assert info.value.field == "association_id"  # type: ignore[attr-defined]
        assert "1234" not in str(info.value)

    def test_import_rekisteri_does_not_import_stdnum(self) -> None:
        """Import rekisteri does not import stdnum."""
        code = (
            "import sys, rekisteri, rekisteri.model, rekisteri.serialize, rekisteri.identifiers\n"
            "before = sorted(m for m in sys.modules if m == 'stdnum' or m.startswith('stdnum.'))\n"
            "from rekisteri.identifiers import iban\n"
            "iban.is_valid('FI2112345600000785')\n"
            "after = any(m.startswith('stdnum') for m in sys.modules)\n"
            "print(before, after)\n"
        )
        result = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
        )
        assert result.stdout.strip() == "[] True", result.stdout
