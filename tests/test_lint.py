"""Tests for :func:`rekisteri.lint.lint`: missing items, consistency and outdated text.

A complete register (every Art 13/14 item present) lints clean; removing one
item brings exactly that item's finding. Two items of the DOMAIN.md checklist
cannot be removed because the model refuses a register without them
(legitimate interests for Art 6(1)(f), and the right to withdraw consent for
Art 6(1)(a)); the tests show that refusal instead. Two more (OBLIG, Art
13(2)(e), and FURTHER, Art 13(3)/14(4)) have no field in the model yet, so the
linter cannot check them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri.errors import InvalidRegisterError, InvalidValueError, RekisteriError
from rekisteri.lint import CODES, Finding, Severity, UnknownLocaleError, lint, texts
from rekisteri.model import (
    AutomatedDecision,
    Cookie,
    DataCategory,
    Lang,
    LegalBasis,
    LocalizedText,
    NoneStated,
    Purpose,
    Register,
    RetentionRule,
    Right,
    SecurityMeasure,
    SpecialCategory,
    Transfer,
)
from rekisteri.sources import DATA_SUBJECT, YTJ
from rekisteri.testing import a_register
from rekisteri.testing.strategies import registers

if TYPE_CHECKING:
    from collections.abc import Callable

#: The complete register of these tests: every Art 13/14 item the model can hold.
complete_register = a_register


def _without_rights(*rights: Right) -> Callable[[Register], Register]:
    def remove(register: Register) -> Register:
        return attrs.evolve(register, rights=tuple(r for r in register.rights if r not in rights))

    return remove


def _controller(**changes: Any) -> Callable[[Register], Register]:
    def change(register: Register) -> Register:
        return attrs.evolve(register, controller=attrs.evolve(register.controller, **changes))

    return change


def _set(**changes: Any) -> Callable[[Register], Register]:
    def change(register: Register) -> Register:
        return attrs.evolve(register, **changes)

    return change


def _no_basis(register: Register) -> Register:
    billing = attrs.evolve(register.purposes[0], legal_basis=None)
    return attrs.evolve(register, purposes=(billing, *register.purposes[1:]))


def _no_copy(register: Register) -> Register:
    transfer = attrs.evolve(register.transfers[0], safeguard_copy=None)
    return attrs.evolve(register, transfers=(transfer,))


_STATED_EXCEPT_ADM = (NoneStated.COOKIES,)
_STATED_PROCESSORS = (NoneStated.AUTOMATED_DECISIONS, NoneStated.COOKIES, NoneStated.PROCESSORS)

#: (checklist item, how to remove it, the finding code, its path).
REMOVALS: list[tuple[str, Callable[[Register], Register], str, str]] = [
    ("CTRL name", _controller(name=None), "R101", "controller.name"),
    ("CTRL contact", _controller(address=None, contact=None), "R102", "controller.contact"),
    ("DPO", _controller(dpo=None), "R103", "controller.dpo"),
    ("PURPOSE", _set(purposes=()), "R104", "purposes"),
    ("PURPOSE basis", _no_basis, "R105", "purposes[0].legal_basis"),
    ("CATS", _set(data_categories=()), "R106", "data_categories"),
    (
        "RCPT",
        _set(recipients=(), processors=(), none_stated=_STATED_PROCESSORS),
        "R107",
        "recipients",
    ),
    ("XFER", _set(transfers=()), "R108", "transfers"),
    ("XFER copy", _no_copy, "R109", "transfers[0].safeguard_copy"),
    ("RET", _set(retention=()), "R110", "retention"),
    ("RIGHTS access", _without_rights(Right.ACCESS), "R112", "rights"),
    ("RIGHTS rectification", _without_rights(Right.RECTIFICATION), "R112", "rights"),
    ("RIGHTS erasure", _without_rights(Right.ERASURE), "R112", "rights"),
    ("RIGHTS restriction", _without_rights(Right.RESTRICTION), "R112", "rights"),
    ("RIGHTS objection", _without_rights(Right.OBJECT), "R113", "rights"),
    ("RIGHTS portability", _without_rights(Right.PORTABILITY), "R114", "rights"),
    ("SOURCE", _set(sources=()), "R117", "sources"),
    ("ADM", _set(none_stated=_STATED_EXCEPT_ADM), "R118", "automated_decisions"),
    ("processors", _set(processors=()), "R119", "processors"),
    ("Art 30 data subjects", _set(data_subjects=()), "R120", "data_subjects"),
    ("Art 30 security", _set(security=()), "R121", "security"),
    ("OBLIG", _set(provision_requirement=None), "R122", "provision_requirement"),
    ("date", _set(updated=None), "R123", "updated"),
    (
        "processor contract",
        lambda r: _set(processors=(attrs.evolve(r.processors[0], contract=None),))(r),
        "R126",
        "processors[0].contract",
    ),
]

#: R1xx codes that one removal cannot bring alone, each tested on its own below.
_TESTED_APART = {"R111", "R115", "R124", "R125"}  # R124, R125: tests/test_lint_parts.py


class TestCompleteRegister:
    def test_complete_register_is_clean(self) -> None:
        """A register with every item present has no findings."""
        assert lint(a_register()) == []

    @pytest.mark.parametrize(
        ("remove", "code", "path"),
        [pytest.param(remove, code, path, id=item) for item, remove, code, path in REMOVALS],
    )
    def test_removing_an_item_brings_its_finding(
        self, remove: Callable[[Register], Register], code: str, path: str
    ) -> None:
        """Removing one Art 13/14 item brings exactly that item's finding, at its path."""
        findings = lint(remove(a_register()))
        assert [(f.code, f.path) for f in findings] == [(code, path)]
        assert findings[0].severity is CODES[code].severity

    def test_every_missing_code_has_a_removal_test(self) -> None:
        """Each R1xx code of the catalog is exercised by a removal."""
        tested = {code for _, _, code, _ in REMOVALS} | _TESTED_APART
        assert tested == {code for code in CODES if code.startswith("R1")}

    def test_rights_exercise_defaults_to_the_contact_details(self) -> None:
        """Without rights_exercise the notice points to section 1: R115 only without contacts."""
        assert lint(_set(rights_exercise=None)(a_register())) == []
        unreachable = _controller(address=None, contact=None)(
            _set(rights_exercise=None)(a_register())
        )
        assert [(f.code, f.path) for f in lint(unreachable)] == [
            ("R102", "controller.contact"),
            ("R115", "rights_exercise"),
        ]

    def test_complaint_is_never_reported_missing(self) -> None:
        """The notice always states the right to complain, so R116 is retired."""
        assert "R116" not in CODES
        assert lint(_without_rights(Right.COMPLAINT)(a_register())) == []

    def test_legitimate_interest_cannot_be_removed(self) -> None:
        """The model refuses 6(1)(f) without the interest, so no finding is needed (13(1)(d))."""
        marketing = a_register().purposes[1]
        with pytest.raises(InvalidValueError):
            attrs.evolve(marketing, legitimate_interest=None)

    def test_withdrawal_cannot_be_removed_with_consent(self) -> None:
        """The model refuses 6(1)(a) without the right to withdraw (13(2)(c)); see R201."""
        with pytest.raises(InvalidRegisterError):
            _without_rights(Right.WITHDRAW_CONSENT)(a_register())

    def test_every_item_has_a_message_in_each_language(self) -> None:
        """The removal findings have a different, non-empty message in fi, sv and en."""
        register = _controller(name=None)(a_register())
        messages = {lang: lint(register, locale=lang)[0].message for lang in ("fi", "sv", "en")}
        assert len(set(messages.values())) == 3
        assert "rekisterinpitäjä" in messages["fi"].lower()
        assert "personuppgiftsansvarig" in messages["sv"]
        assert "controller" in messages["en"]


def _purpose(key: str, basis: LegalBasis | None = None, **kw: object) -> Purpose:
    return Purpose(key=key, name=LocalizedText(fi=key), legal_basis=basis, **kw)  # type: ignore[arg-type] # kw are Purpose fields


def _codes(register: Register) -> list[str]:
    return [finding.code for finding in lint(register)]


class TestConsistency:
    def test_explicit_consent_without_withdrawal(self) -> None:
        """9(2)(a) explicit consent needs the right to withdraw, even on another 6(1) basis."""
        base = a_register()
        health = DataCategory(
            key="health", name=LocalizedText(fi="Terveys"), special=SpecialCategory.HEALTH
        )
        purpose = _purpose(
            "care",
            LegalBasis.CONTRACT,
            data_categories=("health",),
            special_category_condition="9(2)(a)",
        )
        register = attrs.evolve(
            base,
            purposes=(base.purposes[0], purpose),
            data_categories=(*base.data_categories, health),
            rights=tuple(r for r in base.rights if r is not Right.WITHDRAW_CONSENT),
        )
        assert _codes(register) == ["R201"]

    def test_third_party_source_not_said_public(self) -> None:
        """A third-party source must say whether it is publicly accessible (14(2)(f))."""
        base = a_register()
        register = attrs.evolve(
            base, sources=(DATA_SUBJECT, attrs.evolve(YTJ, publicly_accessible=None))
        )
        findings = lint(register)
        assert [(f.code, f.path) for f in findings] == [("R202", "sources[1].publicly_accessible")]
        assert "Yritys- ja yhteisötietojärjestelmä" in findings[0].message

    @pytest.mark.parametrize(("used", "expected"), [(False, ["R203"]), (True, [])])
    def test_identity_code_needs_a_purpose(self, *, used: bool, expected: list[str]) -> None:
        """A henkilötunnus category needs a purpose with a legal basis that uses it."""
        base = a_register()
        hetu = DataCategory(
            key="hetu", name=LocalizedText(fi="Henkilötunnus"), personal_identity_code=True
        )
        purposes = base.purposes
        if used:
            purposes = (attrs.evolve(purposes[0], data_categories=("hetu",)), *purposes[1:])
        register = attrs.evolve(
            base, data_categories=(*base.data_categories, hetu), purposes=purposes
        )
        assert _codes(register) == expected

    def test_transfer_without_mechanism(self) -> None:
        """A transfer to an unknown place without a mechanism is an error."""
        base = a_register()
        register = attrs.evolve(base, transfers=(*base.transfers, Transfer()))
        findings = lint(register)
        assert [(f.code, f.path, f.severity) for f in findings] == [
            ("R204", "transfers[1].mechanism", Severity.ERROR)
        ]
        assert "(kohdemaa ei tiedossa)" in findings[0].message
        assert "(destination unknown)" in lint(register, locale="en")[0].message

    def test_retention_description_only(self) -> None:
        """A retention rule with only a description cannot be computed."""
        rule = RetentionRule(description=LocalizedText(fi="Niin kauan kuin tarpeen"))
        register = attrs.evolve(a_register(), retention=(rule,))
        assert [(f.code, f.path) for f in lint(register)] == [("R205", "retention[0]")]

    def test_retention_statute_only(self) -> None:
        """A rule that only cites a statute is reported as info, naming the statute."""
        rule = RetentionRule(statute="kirjanpitolaki 1336/1997 2:10")
        register = attrs.evolve(a_register(), retention=(rule,))
        [finding] = lint(register)
        assert (finding.code, finding.severity) == ("R206", Severity.INFO)
        assert "kirjanpitolaki 1336/1997 2:10" in finding.message

    def test_category_without_retention_rule(self) -> None:
        """A data category that no retention rule covers is reported by name."""
        base = a_register()
        rule = attrs.evolve(base.retention[0], data_categories=("contact",))
        findings = lint(attrs.evolve(base, retention=(rule,)))
        assert [(f.code, f.path) for f in findings] == [("R111", "data_categories[1]")]
        assert "Tilaushistoria" in findings[0].message

    def test_automated_decisions_without_right(self) -> None:
        """Automated decisions need the Art 22 right listed."""
        text = LocalizedText(fi="Luottopäätös")
        decision = AutomatedDecision(description=text, logic=text, significance=text)
        base = a_register()
        register = attrs.evolve(
            base, automated_decisions=(decision,), none_stated=(NoneStated.COOKIES,)
        )
        assert _codes(register) == ["R207"]
        assert (
            _codes(attrs.evolve(register, rights=(*base.rights, Right.AUTOMATED_DECISIONS))) == []
        )

    def test_cookie_needs_consent(self) -> None:
        """A cookie that is not strictly necessary needs a purpose based on consent."""
        base = a_register()
        cookie = Cookie(name="_ga", purpose=LocalizedText(fi="Analytiikka"))
        without_consent = attrs.evolve(
            base,
            purposes=base.purposes[:2],
            rights=tuple(r for r in base.rights if r is not Right.WITHDRAW_CONSENT),
            cookies=(cookie,),
            none_stated=(NoneStated.AUTOMATED_DECISIONS,),
        )
        assert [(f.code, f.path) for f in lint(without_consent)] == [("R208", "cookies[0]")]
        with_consent = attrs.evolve(without_consent, purposes=base.purposes, rights=base.rights)
        assert _codes(with_consent) == []
        necessary = attrs.evolve(
            without_consent, cookies=(attrs.evolve(cookie, strictly_necessary=True),)
        )
        assert _codes(necessary) == []

    @pytest.mark.parametrize(("condition", "expected"), [(None, ["R209"]), ("9(2)(b)", [])])
    def test_special_category_needs_condition(
        self, condition: str | None, expected: list[str]
    ) -> None:
        """A special category needs a purpose that uses it with an Art 9(2) condition."""
        base = a_register()
        health = DataCategory(
            key="health", name=LocalizedText(fi="Terveystiedot"), special=SpecialCategory.HEALTH
        )
        purpose = _purpose(
            "occupational",
            LegalBasis.LEGAL_OBLIGATION,
            data_categories=("health",),
            special_category_condition=condition,
            legal_basis_law=LocalizedText(fi="työterveyshuoltolaki (1383/2001)"),
            special_category_law=(
                LocalizedText(fi="tietosuojalaki (1050/2018) 6 §") if condition else None
            ),
        )
        register = attrs.evolve(
            base,
            data_categories=(*base.data_categories, health),
            purposes=(*base.purposes, purpose),
        )
        assert _codes(register) == expected

    def test_criminal_data(self) -> None:
        """Art 10 data are always pointed out."""
        base = a_register()
        crime = DataCategory(key="crime", name=LocalizedText(fi="Rikostiedot"), criminal=True)
        register = attrs.evolve(base, data_categories=(*base.data_categories, crime))
        assert [(f.code, f.path) for f in lint(register)] == [("R210", "data_categories[2]")]

    def test_categories_under_art_13_only(self) -> None:
        """Without third-party sources, missing categories are a warning (Art 30), not an error."""
        register = attrs.evolve(a_register(), sources=(DATA_SUBJECT,), data_categories=())
        [finding] = lint(register)
        assert (finding.code, finding.severity) == ("R106", Severity.WARNING)

    def test_art_14_cited_when_it_applies(self) -> None:
        """Messages cite Art 14 for data from third parties, Art 13 for data from the person."""
        only_13 = attrs.evolve(a_register(), sources=(DATA_SUBJECT,), rights_exercise=None)
        only_14 = attrs.evolve(a_register(), sources=(YTJ,), rights_exercise=None)
        no_dpo = _controller(dpo=None)
        assert "13 artiklan" in lint(no_dpo(only_13))[0].message
        assert "14 artiklan" not in lint(no_dpo(only_13))[0].message
        assert "14 artiklan" in lint(no_dpo(only_14))[0].message
        assert "13 artiklan" not in lint(no_dpo(only_14))[0].message


class TestOutdatedInRegister:
    def test_every_text_field_is_scanned(self) -> None:
        """Outdated references are found in any text field, with the field's path."""
        old = "Viestintävirasto"
        base = a_register()
        register = attrs.evolve(
            base,
            controller=attrs.evolve(base.controller, name=f"{old} Oy"),
            description=LocalizedText(fi="Kuvaus", sv=f"{old}"),
            purposes=(
                attrs.evolve(base.purposes[0], description=LocalizedText(fi=old)),
                *base.purposes[1:],
            ),
            sources=(DATA_SUBJECT, attrs.evolve(YTJ, data=LocalizedText(fi="x", en=old))),
            transfers=(attrs.evolve(base.transfers[0], recipient=old),),
            security=(SecurityMeasure(description=LocalizedText(fi=f"{old}n ohje")),),
        )
        paths = [f.path for f in lint(register) if f.code == "R311"]
        assert paths == [
            "controller.name",
            "description.sv",
            "purposes[0].description.fi",
            "sources[1].data.en",
            "transfers[0].recipient",
            "security[0].description.fi",
        ]

    def test_each_match_is_a_finding(self) -> None:
        """Two references in one field are two findings, in text order."""
        text = "Tämä rekisteriseloste noudattaa henkilötietolakia."
        register = attrs.evolve(a_register(), description=LocalizedText(fi=text))
        findings = lint(register)
        assert [(f.code, f.path) for f in findings] == [
            ("R308", "description.fi"),
            ("R301", "description.fi"),
        ]
        assert findings[1].severity is Severity.ERROR
        assert "henkilötietolakia" in findings[1].message
        assert "1050/2018" in findings[1].message

    def test_message_is_one_line(self) -> None:
        """A match that spans lines is quoted on one line, so reports stay one line each."""
        text = "Epäämisestä annetaan kirjallinen\ntodistus."
        register = attrs.evolve(a_register(), description=LocalizedText(fi=text))
        [finding] = lint(register)
        assert finding.code == "R314"
        assert "”kirjallinen todistus”" in finding.message
        assert "\n" not in finding.message

    @given(registers())
    def test_texts_cover_every_localized_text(self, register: Register) -> None:
        """texts() yields every language of every LocalizedText in the register."""
        found = {text for _, text in texts(register)}

        def walk(value: object) -> None:
            if isinstance(value, LocalizedText):
                assert all(value.get(lang) in found for lang in value.languages)
            elif isinstance(value, tuple):
                for item in value:
                    walk(item)
            elif attrs.has(cls := type(value)):
                for field in attrs.fields(cls):
                    walk(getattr(value, field.name))

        walk(register)


class TestLocale:
    @pytest.mark.parametrize("locale", ["de", "FI", "", "fi_FI"])
    def test_unknown_locale(self, locale: str) -> None:
        """An unknown locale is a typed error, before any checking."""
        with pytest.raises(UnknownLocaleError) as info:
            lint(a_register(), locale=locale)
        assert isinstance(info.value, RekisteriError)
        assert isinstance(info.value, ValueError)

    def test_lang_enum_accepted(self) -> None:
        """A Lang member works as a locale."""
        register = _controller(name=None)(a_register())
        assert lint(register, locale=Lang.SV) == lint(register, locale="sv")

    @pytest.mark.parametrize("lang", list(Lang))
    def test_every_template_formats(self, lang: Lang) -> None:
        """Every message template is written in each language and formats with its fields."""
        fields = {
            "name": "N",
            "right": "R",
            "destination": "US",
            "statute": "S",
            "text": "T",
            "replacement": "X",
            "condition": "9(2)(b)",
            "category": "C",
        }
        for code, info in CODES.items():
            template = info.message.get(lang)
            assert template, code
            message = template.format(article="A", **fields)
            assert "{" not in message, code
            assert message.endswith("."), code


GUIDE = Path(__file__).parent.parent / "docs" / "guides" / "lint.md"


class TestCodes:
    def test_guide_lists_every_code(self) -> None:
        """The guide's tables list every finding code once, with its severity."""
        rows = re.findall(
            r"^\| (R[0-9]{3}) \| (error|warning|info) \|", GUIDE.read_text("utf-8"), re.MULTILINE
        )
        assert sorted(rows) == sorted((code, info.severity.value) for code, info in CODES.items())

    def test_codes_are_grouped(self) -> None:
        """R1xx are missing items, R2xx consistency, R3xx outdated references; R320 a text."""
        groups = {"1": "missing", "2": "consistency", "3": "outdated"}
        for code, info in CODES.items():
            assert info.code == code
            assert info.group == ("text" if code == "R320" else groups[code[1]])

    @given(registers(), st.sampled_from(["fi", "sv", "en"]))
    def test_any_register(self, register: Register, locale: str) -> None:
        """Every valid register can be linted; findings use catalog codes and known paths."""
        findings = lint(register, locale=locale)
        for finding in findings:
            assert isinstance(finding, Finding)
            assert finding.code in CODES
            if finding.code != "R106":  # the one whose severity depends on Art 14
                assert finding.severity is CODES[finding.code].severity
            top = finding.path.split(".")[0].split("[")[0]
            assert top in attrs.fields_dict(Register)
