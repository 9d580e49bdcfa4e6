"""Lint of the model's newer parts: R124, R125, R126 and R214.

R124 is a 6(1)(c)/(e) basis without its law, R125 joint controllers without
their arrangement, R126 a processor without its contract, R214 an Art 9(2)
condition without its national provision.

Each code has a register that triggers it and a correct register that must not.
"""

from __future__ import annotations

import attrs
import pytest

from rekisteri.lint import CODES, Severity, lint
from rekisteri.model import (
    DataCategory,
    JointController,
    LegalBasis,
    LocalizedText,
    Purpose,
    Register,
    SpecialCategory,
)
from rekisteri.testing import a_register


def _findings(register: Register) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in lint(register)]


def _with_purpose(purpose: Purpose, *categories: DataCategory) -> Register:
    base = a_register()
    return attrs.evolve(
        base,
        purposes=(*base.purposes, purpose),
        data_categories=(*base.data_categories, *categories),
    )


_BOOKS = LocalizedText(
    fi="kirjanpitolaki (1336/1997)",
    sv="bokföringslagen (1336/1997)",
    en="Accounting Act (1336/1997)",
)


class TestLawOfTheBasis:
    @pytest.mark.parametrize("basis", [LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK])
    def test_basis_without_law(self, basis: LegalBasis) -> None:
        """6(1)(c) or (e) without legal_basis_law is R124, naming the purpose."""
        purpose = Purpose(key="books", name=LocalizedText(fi="Kirjanpito"), legal_basis=basis)
        [finding] = lint(_with_purpose(purpose))
        assert (finding.code, finding.path) == ("R124", "purposes[3].legal_basis_law")
        assert "”Kirjanpito”" in finding.message
        assert finding.severity is Severity.WARNING

    def test_basis_with_law_is_clean(self) -> None:
        """With its law named, the purpose gives no finding."""
        purpose = Purpose(
            key="books",
            name=LocalizedText(fi="Kirjanpito"),
            legal_basis=LegalBasis.LEGAL_OBLIGATION,
            legal_basis_law=_BOOKS,
        )
        assert _findings(_with_purpose(purpose)) == []

    @pytest.mark.parametrize("basis", [LegalBasis.CONTRACT, LegalBasis.CONSENT])
    def test_other_bases_need_no_law(self, basis: LegalBasis) -> None:
        """A contract or consent names no law: no R124 for the complete register's purposes."""
        assert all(p.legal_basis is not LegalBasis.LEGAL_OBLIGATION for p in a_register().purposes)
        assert "R124" not in {f.code for f in lint(a_register())}
        assert basis in {p.legal_basis for p in a_register().purposes}


_PARTNER = JointController(
    name="Kumppani Oy",
    business_id="0244683-1",
    responsibilities=LocalizedText(fi="Vastaa markkinointirekisterin teknisestä ylläpidosta."),
)


class TestJointControllers:
    def test_without_arrangement(self) -> None:
        """Joint controllers without the essence of the arrangement is an error (Art 26(2))."""
        register = a_register(joint_controllers=(_PARTNER,))
        [finding] = lint(register, locale="sv")
        assert (finding.code, finding.path, finding.severity) == (
            "R125",
            "joint_arrangement",
            Severity.ERROR,
        )
        assert "artikel 26.2" in finding.message

    def test_with_arrangement_is_clean(self) -> None:
        """With the arrangement, no finding."""
        register = a_register(
            joint_controllers=(_PARTNER,),
            joint_arrangement=LocalizedText(
                fi="Esimerkki Oy vastaa rekisteröityjen pyyntöihin; Kumppani Oy ylläpitää "
                "järjestelmää."
            ),
        )
        assert _findings(register) == []


class TestProcessorContract:
    def test_without_contract(self) -> None:
        """A processor without its Art 28(3) contract stated is info R126."""
        base = a_register()
        register = attrs.evolve(base, processors=(attrs.evolve(base.processors[0], contract=None),))
        [finding] = lint(register, locale="en")
        assert (finding.code, finding.path, finding.severity) == (
            "R126",
            "processors[0].contract",
            Severity.INFO,
        )
        assert "“Pilvi Oy”" in finding.message

    def test_with_contract_is_clean(self) -> None:
        """The complete register's processor states its contract: no finding."""
        assert a_register().processors[0].contract is not None
        assert _findings(a_register()) == []


_HEALTH = DataCategory(
    key="health", name=LocalizedText(fi="Terveystiedot"), special=SpecialCategory.HEALTH
)


class TestNationalProvision:
    @pytest.mark.parametrize("condition", ["9(2)(b)", "9(2)(h)", "9.2 g"])
    def test_condition_without_provision(self, condition: str) -> None:
        """A 9(2)(b), (g)-(j) condition without special_category_law is R214."""
        purpose = Purpose(
            key="occupational",
            name=LocalizedText(fi="Työterveyshuolto"),
            legal_basis=LegalBasis.LEGAL_OBLIGATION,
            legal_basis_law=LocalizedText(fi="työterveyshuoltolaki (1383/2001)"),
            data_categories=("health",),
            special_category_condition=condition,
        )
        [finding] = lint(_with_purpose(purpose, _HEALTH))
        assert (finding.code, finding.path) == ("R214", "purposes[3].special_category_law")
        assert condition in finding.message

    def test_with_provision_is_clean(self) -> None:
        """With the national provision named, no finding."""
        purpose = Purpose(
            key="occupational",
            name=LocalizedText(fi="Työterveyshuolto"),
            legal_basis=LegalBasis.LEGAL_OBLIGATION,
            legal_basis_law=LocalizedText(fi="työterveyshuoltolaki (1383/2001)"),
            data_categories=("health",),
            special_category_condition="9(2)(b)",
            special_category_law=LocalizedText(fi="tietosuojalaki (1050/2018) 6 § 1 mom. 2 k."),
        )
        assert _findings(_with_purpose(purpose, _HEALTH)) == []

    def test_explicit_consent_needs_no_provision(self) -> None:
        """9(2)(a) explicit consent rests on the consent itself: no R214."""
        purpose = Purpose(
            key="care",
            name=LocalizedText(fi="Hoito"),
            legal_basis=LegalBasis.CONSENT,
            data_categories=("health",),
            special_category_condition="9(2)(a)",
        )
        assert _findings(_with_purpose(purpose, _HEALTH)) == []


class TestPurposeCondition:
    def _register(self, *, condition: str | None) -> Register:
        with_condition = Purpose(
            key="occupational",
            name=LocalizedText(fi="Työterveyshuolto"),
            legal_basis=LegalBasis.CONSENT,
            data_categories=("health",),
            special_category_condition="9(2)(a)",
        )
        other = Purpose(
            key="sports",
            name=LocalizedText(fi="Urheilutulokset"),
            legal_basis=LegalBasis.CONTRACT,
            data_categories=("health",),
            special_category_condition=condition,
        )
        base = _with_purpose(with_condition, _HEALTH)
        return attrs.evolve(base, purposes=(*base.purposes, other))

    def test_purpose_without_its_own_condition(self) -> None:
        """A second purpose using health data without a 9(2) condition is R215 (an error)."""
        [finding] = lint(self._register(condition=None), locale="en")
        assert (finding.code, finding.path, finding.severity) == (
            "R215",
            "purposes[4].special_category_condition",
            Severity.ERROR,
        )
        assert "“Urheilutulokset”" in finding.message
        assert "“Terveystiedot”" in finding.message

    def test_each_purpose_with_a_condition_is_clean(self) -> None:
        """With its own condition, the purpose gives no finding."""
        assert _findings(self._register(condition="9(2)(a)")) == []


@pytest.mark.parametrize("code", ["R124", "R125", "R126", "R214", "R215"])
def test_codes_have_three_languages_and_a_source(code: str) -> None:
    """Each code has a different message in fi, sv and en and names its provision."""
    info = CODES[code]
    assert len({info.message.fi, info.message.sv, info.message.en}) == 3
    assert info.gdpr


class TestCriminalData:
    _CRIME = DataCategory(key="crime", name=LocalizedText(fi="Rikostiedot"), criminal=True)

    def test_without_a_law(self) -> None:
        """Art 10 data that no purpose backs with a law are R210."""
        base = a_register()
        register = attrs.evolve(base, data_categories=(*base.data_categories, self._CRIME))
        assert _findings(register) == [("R210", "data_categories[2]")]

    def test_with_the_law_in_the_purpose(self) -> None:
        """A purpose that uses them and names its law (Art 10: authorised by law): no R210."""
        purpose = Purpose(
            key="screening",
            name=LocalizedText(fi="Rikostaustan selvittäminen"),
            legal_basis=LegalBasis.LEGAL_OBLIGATION,
            legal_basis_law=LocalizedText(
                fi="laki lasten kanssa työskentelevien rikostaustan selvittämisestä (504/2002)"
            ),
            data_categories=("crime",),
        )
        assert _findings(_with_purpose(purpose, self._CRIME)) == []


@pytest.mark.parametrize("value", [None, {"controller": {"name": "X"}}, object()])
def test_entry_points_refuse_a_non_register(value: object) -> None:
    """lint, render_notice, render_record and to_jsonld: a typed error naming `register`."""
    from rekisteri.errors import ModelTypeError, RekisteriError
    from rekisteri.jsonld import to_jsonld
    from rekisteri.render import render_notice, render_record

    for entry in (lint, render_notice, render_record, to_jsonld):
        with pytest.raises(ModelTypeError, match=r"^register: expected a Register") as info:
            entry(value)  # type: ignore[arg-type] # deliberately wrong
        assert isinstance(info.value, RekisteriError)
        assert isinstance(info.value, TypeError)
