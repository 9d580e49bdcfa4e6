"""Strict construction: every model class checks the types of its fields when it is built.

A value of the wrong type is a typed error that names the field (and the index
of an item), never quoting the value; the conversions the model allows (a wire
value to its enum member, a list to a tuple, a plain string to a Finnish-only
text) give the very objects a document would. The property tests check that
the constructors and :func:`rekisteri.serialize.structure` accept exactly the
same input and build the same objects.
"""

from __future__ import annotations

import typing
from datetime import date, datetime
from types import NoneType, UnionType
from typing import TYPE_CHECKING, Any, get_args, get_origin

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekisteri import categories, model, sources
from rekisteri.errors import (
    InvalidDocumentError,
    InvalidRegisterError,
    InvalidValueError,
    ModelTypeError,
    RekisteriError,
)
from rekisteri.model import (
    Controller,
    DataCategory,
    LegalBasis,
    LocalizedText,
    NoneStated,
    Register,
    RetentionTrigger,
    Right,
    Source,
    SpecialCategory,
    TransferMechanism,
)
from rekisteri.serialize import structure, unstructure
from rekisteri.testing import make_hetu
from rekisteri.testing.strategies import registers

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

HETU = make_hetu(date(1985, 4, 12), 123)

#: The model, untyped: the tests pass values of other types on purpose, as a
#: caller without a type checker would.
M: Any = model


def controller() -> Controller:
    return Controller(name="Esimerkki Oy")


# ------------------------------------------------------------------ conversions


class TestConversions:
    def test_wire_value_becomes_the_member(self) -> None:
        """legal_basis="consent" is LegalBasis.CONSENT, the member itself."""
        purpose = M.Purpose(key="news", name="Uutiskirje", legal_basis="consent")
        assert purpose.legal_basis is LegalBasis.CONSENT

    def test_consent_rule_sees_the_member(self) -> None:
        """The register's consent rule fires for a wire value too (issue 16)."""
        purpose = M.Purpose(key="news", name="Uutiskirje", legal_basis="consent")
        with pytest.raises(InvalidRegisterError) as info:
            M.Register(controller=controller(), purposes=[purpose])
        assert info.value.problems == (
            "rights: a purpose is based on consent, so withdraw_consent applies",
        )

    def test_uses_takes_a_wire_value(self) -> None:
        """Register.uses() takes a member or its wire value."""
        purpose = M.Purpose(key="p", name="P", legal_basis="contract")
        register = M.Register(controller=controller(), purposes=[purpose])
        assert register.uses("contract")
        assert register.uses(LegalBasis.CONTRACT)
        assert not register.uses("consent")

    def test_plain_string_is_a_finnish_text(self) -> None:
        """A plain string where a text is expected is a Finnish-only LocalizedText."""
        purpose = M.Purpose(key="billing", name="Laskutus")
        assert purpose.name == M.LocalizedText(fi="Laskutus")
        assert type(purpose.name) is LocalizedText

    def test_lists_become_tuples(self) -> None:
        """Lists (and other sequences) become tuples, their items converted too."""
        register = M.Register(
            controller=controller(),
            rights=["access", Right.ERASURE],
            none_stated=["cookies"],
            data_categories=[categories.CONTACT_DETAILS],
        )
        assert register.rights == (Right.ACCESS, Right.ERASURE)
        assert register.none_stated == (NoneStated.COOKIES,)
        assert type(register.data_categories) is tuple

    def test_keys_in_a_list(self) -> None:
        """A purpose's references given as a list become a tuple of keys."""
        purpose = M.Purpose(key="p", name="P", data_categories=["a", "b"])
        assert purpose.data_categories == ("a", "b")

    def test_each_enum_field(self) -> None:
        """Every enum field takes its wire value."""
        assert M.DataCategory(key="h", name="T", special="health").special is SpecialCategory.HEALTH
        assert M.Processor(name="P", country="US", mechanism="adequacy_decision").mechanism is (
            TransferMechanism.ADEQUACY_DECISION
        )
        rule = M.RetentionRule(period=M.Duration(years=1), trigger="collection")
        assert rule.trigger is RetentionTrigger.COLLECTION

    def test_converted_equals_built_from_members(self) -> None:
        """A register built from wire values equals one built from members and tuples."""
        loose = M.Register(
            controller=controller(),
            name="Asiakasrekisteri",
            purposes=[M.Purpose(key="p", name="P", legal_basis="contract")],
            rights=["access", "complaint"],
        )
        exact = M.Register(
            controller=controller(),
            name=M.LocalizedText(fi="Asiakasrekisteri"),
            purposes=(
                M.Purpose(key="p", name=M.LocalizedText(fi="P"), legal_basis=LegalBasis.CONTRACT),
            ),
            rights=(Right.ACCESS, Right.COMPLAINT),
        )
        assert loose == exact


# ------------------------------------------------------------------ errors


class TestErrors:
    @pytest.mark.parametrize(
        ("build", "error", "message"),
        [
            (
                lambda: M.Purpose(key="p", name="P", legal_basis="consnt"),
                InvalidValueError,
                (
                    "legal_basis: expected one of consent, contract, legal_obligation, "
                    "vital_interests, public_task, legitimate_interests (got 'consnt')"
                ),
            ),
            (
                lambda: M.Purpose(key="p", name="P", legal_basis=1),
                ModelTypeError,
                (
                    "legal_basis: expected one of consent, contract, legal_obligation, "
                    "vital_interests, public_task, legitimate_interests (a LegalBasis or its "
                    "value), got int"
                ),
            ),
            (
                lambda: M.Purpose(key="p", name=5),
                ModelTypeError,
                "name: expected a text (a LocalizedText or a str), got int",
            ),
            (
                lambda: M.Purpose(key="p", name="P", description=["x"]),
                ModelTypeError,
                "description: expected a text (a LocalizedText or a str) or None, got list",
            ),
            (
                lambda: M.Purpose(key="p", name="P", direct_marketing="yes"),
                ModelTypeError,
                "direct_marketing: expected True or False, got str",
            ),
            (
                lambda: M.Purpose(key="p", name="P", data_categories="contact"),
                ModelTypeError,
                "data_categories: expected a list or tuple of keys, got str",
            ),
            (
                lambda: M.Register(controller=controller(), purposes=[{"key": "p"}]),
                ModelTypeError,
                "purposes[0]: expected a Purpose, got dict",
            ),
            (
                lambda: M.Register(controller=controller(), rights=["access", "acess"]),
                InvalidValueError,
                (
                    "rights[1]: expected one of access, rectification, erasure, restriction, "
                    "notification, portability, object, automated_decisions, withdraw_consent, "
                    "complaint (got 'acess')"
                ),
            ),
            (
                lambda: M.Register(controller="Esimerkki Oy"),
                ModelTypeError,
                "controller: expected a Controller, got str",
            ),
            (
                lambda: M.Register(controller=controller(), updated=datetime(2024, 1, 1)),  # noqa: DTZ001 - the type is the point
                ModelTypeError,
                "updated: expected a date (datetime.date) or None, got datetime",
            ),
            (
                lambda: M.Duration(years=True),
                ModelTypeError,
                "years: expected a whole number, 0 or more (int), got bool",
            ),
            (
                lambda: M.Address(street=12),
                ModelTypeError,
                "street: expected a text (str), got int",
            ),
            (
                lambda: M.ContactPoint(phone="+358 1", address="Katu 1"),
                ModelTypeError,
                "address: expected an Address or None, got str",
            ),
            (
                lambda: M.Source(key="s", name="S", publicly_accessible="no"),
                ModelTypeError,
                "publicly_accessible: expected True or False or None, got str",
            ),
            (
                lambda: M.DataCategory(key=5, name="C"),
                ModelTypeError,
                "key: expected a key (str), got int",
            ),
        ],
    )
    def test_typed_error_names_the_field(
        self, build: Any, error: type[Exception], message: str
    ) -> None:
        """A wrong type or value is a typed error whose message names the field."""
        with pytest.raises(error) as info:
            build()
        assert str(info.value) == message
        assert isinstance(info.value, RekisteriError)

    def test_model_type_error_is_a_type_error(self) -> None:
        """ModelTypeError is a RekisteriError and a TypeError."""
        assert issubclass(ModelTypeError, RekisteriError)
        assert issubclass(ModelTypeError, TypeError)

    @pytest.mark.parametrize(
        "build",
        [
            lambda v: M.Purpose(key="p", name="P", legal_basis=v),
            lambda v: M.Register(controller=controller(), rights=[v]),
            lambda v: M.DataCategory(key=v, name="C"),
            lambda v: M.Purpose(key="p", name="P", data_categories=[v]),
            lambda v: M.DataCategory(key="c", name="C", special=v),
            lambda v: M.Address(country=v),
            lambda v: M.Processor(name="P", country=v),
            lambda v: M.Source(key="s", name="S", business_id=v),
            lambda v: M.Controller(association_id=v),
            lambda v: M.DataCategory(key="c", name="C", dpv=v),
        ],
    )
    @pytest.mark.parametrize("spelling", [HETU, HETU.replace("-", " "), f" {HETU}"])
    def test_identity_code_is_never_quoted(self, build: Any, spelling: str) -> None:
        """A henkilötunnus given where it does not belong never appears in the error.

        (In lower case it is a valid key; that case is in test_duplicate_keys_are_not_quoted.)
        """
        with pytest.raises(RekisteriError) as info:
            build(spelling)
        assert HETU[:6] not in str(info.value)

    def test_duplicate_keys_are_not_quoted(self) -> None:
        """Two data categories with the same key (a henkilötunnus) are reported by position."""
        key = HETU.lower()
        with pytest.raises(InvalidRegisterError) as info:
            M.Register(
                controller=controller(),
                data_categories=(
                    M.DataCategory(key=key, name=M.LocalizedText(fi="A")),
                    M.DataCategory(key="other", name=M.LocalizedText(fi="B")),
                    M.DataCategory(key=key, name=M.LocalizedText(fi="C")),
                ),
                purposes=(
                    M.Purpose(key="p", name=M.LocalizedText(fi="P"), data_categories=(key[::-1],)),
                ),
            )
        assert info.value.problems == (
            "data_categories[2].key: the same as data_categories[0].key",
            "purposes[0].data_categories[0]: no data category with this key",
        )
        assert HETU[:6] not in str(info.value)


# ------------------------------------------------------------------ texts


CONTROLS = [
    "\x00",
    "\x07",
    "\r",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9b",
    "\u202a",
    "\u202e",
    "\u2066",
    "\u2069",
]


class TestControlCharacters:
    @pytest.mark.parametrize("char", CONTROLS)
    def test_refused_in_a_text(self, char: str) -> None:
        """Every text field refuses control and bidi characters, naming the field only."""
        secret = f"{HETU}{char}x"
        cases: list[tuple[Callable[[], object], str]] = [
            (lambda: M.LocalizedText(fi=secret), "fi"),
            (lambda: M.LocalizedText(fi="ok", sv=secret), "sv"),
            (lambda: M.Purpose(key="p", name=secret), "name"),
            (lambda: M.Address(street=secret), "street"),
            (lambda: M.ContactPoint(name=secret, phone="1"), "name"),
            (lambda: M.Controller(name=secret), "name"),
            (lambda: M.RetentionRule(statute=secret), "statute"),
            (lambda: M.SubProcessor(name=secret), "name"),
        ]
        for build, field in cases:
            with pytest.raises(InvalidValueError) as info:
                build()
            message = str(info.value)
            assert message.startswith(f"{field}: contains a control character (U+")
            assert HETU[:6] not in message
            assert char not in message

    @pytest.mark.parametrize(
        "text", ["rivi 1\nrivi 2", "sarake\tarvo", "PL\u00a0800", "Åbo – Turku"]
    )
    def test_line_feed_tab_and_other_text_allowed(self, text: str) -> None:
        """Line feeds, tabs, no-break spaces and dashes are ordinary text."""
        assert M.LocalizedText(fi=text).fi == text
        assert M.Address(street=text).street == text

    def test_document_with_control_character(self) -> None:
        """A document with a control character is refused with the field's path."""
        with pytest.raises(InvalidDocumentError) as info:
            structure({"controller": {"name": "Oy\u202e"}}, Register)
        assert info.value.problems == (
            (
                "controller: name: contains a control character (U+202E at index 2); "
                "only line feeds and tabs are allowed"
            ),
        )


class TestEmail:
    @pytest.mark.parametrize(
        "email",
        [
            "tietosuoja@example.fi?bcc=all@example.com",
            "mailto:tietosuoja@example.fi?cc=x@example.com",
            "tietosuoja@example.fi&subject=x",
            "tieto suoja@example.fi",
            "a@example.fi, b@example.fi",
            "a@example.fi;b@example.fi",
            "<a@example.fi>",
            "a@@example.fi",
            "tietosuoja@example.fi%3Fbcc%3Dx",
        ],
    )
    def test_smuggled_headers_are_refused(self, email: str) -> None:
        """An address with headers, spaces or several addresses is refused, unquoted."""
        with pytest.raises(InvalidValueError) as info:
            M.ContactPoint(email=email)
        assert email not in str(info.value)
        assert str(info.value).startswith("email: ")

    @pytest.mark.parametrize(
        "url", ["mailto:a@example.fi?bcc=b@example.com", "MAILTO:a@example.fi,b@example.fi"]
    )
    def test_mailto_url_follows_the_same_rules(self, url: str) -> None:
        """A mailto: link given as the url is one plain address too."""
        with pytest.raises(InvalidValueError) as info:
            M.ContactPoint(url=url)
        assert str(info.value).startswith("url: expected ")
        assert "a@example" not in str(info.value)
        assert "b@example" not in str(info.value)
        assert M.ContactPoint(url="mailto:a@example.fi").url == "mailto:a@example.fi"

    def test_control_character_in_email(self) -> None:
        """A control character is refused in an e-mail address like in any text."""
        with pytest.raises(InvalidValueError, match=r"^email: contains a control character"):
            M.ContactPoint(email="a@example.fi\x00")

    @pytest.mark.parametrize("hidden", ["\u200b", "\u200e", "\u2060", "\ufeff", "\u00ad"])
    @pytest.mark.parametrize("field", ["email", "url"])
    def test_invisible_characters_are_refused(self, hidden: str, field: str) -> None:
        """A zero-width space, bidi mark, word joiner, BOM or soft hyphen hides in no address."""
        value = f"tieto{hidden}suoja@example.fi"
        if field == "url":
            value = f"mailto:{value}"
        with pytest.raises(InvalidValueError) as info:
            M.ContactPoint(**{field: value})
        assert str(info.value).startswith(f"{field}: expected a plain address")
        assert f"U+{ord(hidden):04X}" in str(info.value)

    @pytest.mark.parametrize("email", ["tietosuoja@example.fi", "o'brien+gdpr@example.com"])
    def test_plain_addresses_are_fine(self, email: str) -> None:
        """Ordinary addresses, also with an apostrophe or a plus, are accepted."""
        assert M.ContactPoint(email=email).email == email


# ------------------------------------------------------------------ properties


def _args(tp: object) -> tuple[object, bool]:
    """The type inside ``X | None``, and whether None is allowed."""
    if get_origin(tp) in (typing.Union, UnionType):
        inner = [arg for arg in get_args(tp) if arg is not NoneType]
        return inner[0], True
    return tp, False


def _build_value(tp: object, value: object) -> object:
    """Turn document data into what a Python caller would pass for a field of type *tp*.

    Only the document's spellings are translated (a table to a class, a
    catalog key to the catalog's object, an ISO date string to a date); a
    wire value, a plain string for a text and a list for a tuple are passed
    as they are, for the constructors to convert.
    """
    tp, _optional = _args(tp)
    if value is None:
        return None
    if get_origin(tp) is tuple:
        (inner, _) = get_args(tp)
        if type(value) is list:
            return [_build_value(inner, item) for item in value]
        return value
    if tp is date and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    if tp is LocalizedText and type(value) is dict:
        return LocalizedText(**value)
    if tp is Source and isinstance(value, str):
        return sources.CATALOG[value]
    if tp is DataCategory and isinstance(value, str):
        return categories.get(value)
    if tp in (Source, DataCategory) and type(value) is dict and "catalog" in value:
        # A catalog entry with the fields that differ: attrs.evolve() in Python.
        overrides = {key: item for key, item in value.items() if key != "catalog"}
        base = _build_value(tp, value["catalog"])
        hints = typing.get_type_hints(tp)
        return attrs.evolve(
            base,  # type: ignore[misc] # a model object
            **{key: _build_value(hints.get(key, object), item) for key, item in overrides.items()},
        )
    if isinstance(tp, type) and attrs.has(tp) and type(value) is dict:
        return build(tp, value)
    return value


def build(cls: type[Any], data: dict[str, Any]) -> Any:
    """Build *cls* from document data through the constructors."""
    hints = typing.get_type_hints(cls)
    kwargs = {name: _build_value(hints.get(name, object), value) for name, value in data.items()}
    return cls(**kwargs)


_ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from(["", " ", "x", "FI", "UK", "consent", "access", "2024-01-01", "Ab\x00", HETU]),
    st.lists(st.sampled_from(["access", "x", "contact-details"]), max_size=2),
    st.just({"fi": "Teksti"}),
    st.just({}),
)


def _paths(data: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            if path == () and key == "schema_version":
                continue  # upgraded by structure(), a matter of documents only
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*path, index))
    return found


def _replace(data: Any, path: tuple[object, ...], value: object) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    copy: Any = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _replace(data[head], rest, value)
    return copy


def _outcome(function: Any, *args: object) -> tuple[bool, object]:
    try:
        return True, function(*args)
    except (RekisteriError, TypeError, ValueError, KeyError):
        return False, None


CATALOG_DOCUMENTS = [
    {"data_categories": [{"catalog": "orders", "key": "web-orders"}]},
    {"data_categories": [{"catalog": "yhteystiedot", "name": "Yhteystiedot ja osoite"}]},
    {"data_categories": [{"catalog": "health", "special": "genetic"}]},
    {"data_categories": [{"catalog": "health", "special": "genes"}]},
    {"data_categories": [{"catalog": "no-such"}]},
    {"sources": [{"catalog": "fonecta", "key": "fonecta-b2b", "publicly_accessible": False}]},
    {"sources": [{"catalog": "ytj", "operator": {"fi": "PRH", "sv": "PRS"}}]},
    {"sources": [{"catalog": "ytj", "operator": 5}]},
]


class TestProperties:
    @pytest.mark.parametrize("fields", CATALOG_DOCUMENTS)
    def test_catalog_tables(self, fields: dict[str, object]) -> None:
        """A catalog table is attrs.evolve() of the catalog entry: both accept or refuse it."""
        document = {"controller": {"name": "Esimerkki Oy"}, **fields}
        by_structure = _outcome(structure, document, Register)
        by_constructors = _outcome(build, Register, document)
        assert by_structure == by_constructors

    @settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
    @given(register=registers(), data=st.data())
    def test_constructors_accept_what_structure_accepts(
        self, register: Register, data: st.DataObject
    ) -> None:
        """A document, valid or with one value changed, is accepted by both or by neither.

        When both accept it, they build equal registers.
        """
        document = unstructure(register)
        paths = _paths(document)
        change = data.draw(st.booleans(), label="change a value")
        if paths and change:
            path = data.draw(st.sampled_from(paths))
            document = _replace(document, path, data.draw(_ODD_VALUES))
        by_structure = _outcome(structure, document, Register)
        by_constructors = _outcome(build, Register, document)
        assert by_structure[0] == by_constructors[0], document
        assert by_structure[1] == by_constructors[1]

    @settings(max_examples=100)
    @given(registers())
    def test_structure_accepts_what_constructors_build(self, register: Register) -> None:
        """A register built by the constructors unstructures and structures back equal."""
        again = structure(unstructure(register), Register)
        assert again == register
        assert build(Register, unstructure(register)) == register


@pytest.mark.parametrize(
    "day", [date(1, 1, 1), date(1, 12, 31), date(9999, 1, 1), date(9999, 12, 31)]
)
def test_dates_outside_the_calendar_are_refused_with_the_field(day: date) -> None:
    """A register date outside 0002-01-01..9998-12-31 fails at construction, naming the field."""
    from rekisteri.calendar import CalendarRangeError
    from rekisteri.model import RetentionRule, RetentionTrigger

    with pytest.raises(CalendarRangeError, match=r"^updated: outside the calendar") as info:
        model.Register(controller=model.Controller(name="Esimerkki Oy"), updated=day)
    assert isinstance(info.value, ValueError)
    assert day.isoformat() not in str(info.value).split("(")[0]
    with pytest.raises(CalendarRangeError, match=r"^fixed_date: outside the calendar"):
        RetentionRule(trigger=RetentionTrigger.FIXED_DATE, fixed_date=day)


@pytest.mark.parametrize("day", [date(2, 1, 1), date(9998, 12, 31), date(2026, 12, 6)])
def test_dates_at_the_ends_of_the_calendar_are_accepted(day: date) -> None:
    """The range's own ends are inside it."""
    register = model.Register(controller=model.Controller(name="Esimerkki Oy"), updated=day)
    assert register.updated == day


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_document_with_a_date_outside_the_calendar_is_invalid(day: str, tmp_path: Path) -> None:
    """Loaded from TOML, the date is a problem of the document with its path."""
    from rekisteri.errors import InvalidDocumentError
    from rekisteri.serialize import load_register

    path = tmp_path / "r.toml"
    path.write_text(f'updated = {day}\n[controller]\nname = "Esimerkki Oy"\n', "utf-8")
    with pytest.raises(InvalidDocumentError, match="updated: outside the calendar"):
        load_register(path)
