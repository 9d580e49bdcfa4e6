"""The wordings a lawyer flags first, and the notice's date: R211, R212, R213, R123.

R211 is a relationship given as the legal basis, R212 a change clause, R213
hedged disclosures and transfers, R123 a notice without a date.

Each code has a register that triggers it and a correct one that must not: the
correct wording of the same item gives no finding at all.
"""

from __future__ import annotations

import attrs
import pytest

from rekisteri.lint import CODES, Severity, lint
from rekisteri.lint._smells import bare_relationship, change_without_notice, hedge
from rekisteri.model import LocalizedText, Register, Transfer, TransferMechanism
from rekisteri.testing import a_register


def _findings(register: Register, locale: str = "fi") -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in lint(register, locale=locale)]


def _with_description(text: str) -> Register:
    return a_register(description=LocalizedText(fi=text))


class TestRelationshipAsBasis:
    @pytest.mark.parametrize(
        "text",
        [
            "Rekisterin pitämisen peruste on asiakassuhde.",
            "Henkilötietojen käsittelyn oikeusperusteena on asiakassuhde.",
            "Käsittelyperuste: sidosryhmäsuhde.",
            "Käsittelyn perusteena on jäsenyys yhdistyksessä.",
            "Tietoja käsitellään, koska rekisteröidyllä on asiallinen yhteys rekisterinpitäjään.",
        ],
    )
    def test_finnish_relationship_in_a_text(self, text: str) -> None:
        """A relationship stated as the ground of processing is R211, at the text's path."""
        assert _findings(_with_description(text)) == [("R211", "description.fi")]

    def test_swedish_and_english(self) -> None:
        """Swedish "kundförhållande" and English "customer relationship" are found too."""
        text = LocalizedText(
            fi="Käsittelyn peruste on sopimus.",
            sv="Den rättsliga grunden är kundförhållandet.",
            en="The legal basis is the customer relationship.",
        )
        assert _findings(a_register(description=text)) == [
            ("R211", "description.sv"),
            ("R211", "description.en"),
        ]

    def test_bare_relationship_as_the_interest(self) -> None:
        """A legitimate interest that only names a relationship is not an interest."""
        base = a_register()
        marketing = attrs.evolve(
            base.purposes[1],
            legitimate_interest=LocalizedText(fi="Asiakassuhde", sv="Kundförhållande"),
        )
        register = attrs.evolve(base, purposes=(base.purposes[0], marketing, base.purposes[2]))
        findings = lint(register, locale="en")
        assert [(f.code, f.path) for f in findings] == [
            ("R211", "purposes[1].legitimate_interest.fi"),
            ("R211", "purposes[1].legitimate_interest.sv"),
        ]
        assert findings[0].message.startswith("“Asiakassuhde”: a customer relationship")
        assert findings[0].severity is Severity.WARNING

    @pytest.mark.parametrize(
        "text",
        [
            "Asiakassuhteen ylläpito ja palvelun kehittäminen.",
            "Käsittelyn peruste on sopimus (6 artiklan 1 kohdan b alakohta).",
            "Rekisteröitynä ovat asiakassuhteessa olevat henkilöt.",
        ],
    )
    def test_correct_wording_is_clean(self, text: str) -> None:
        """An interest in the relationship, or a contract as the basis, is not flagged."""
        assert _findings(_with_description(text)) == []
        assert not bare_relationship(text)


class TestChangeClause:
    @pytest.mark.parametrize(
        ("text", "quoted"),
        [
            ("Pidätämme oikeuden muuttaa tätä selostetta.", "oikeuden muuttaa tätä selostetta"),
            (
                "Voimme päivittää tätä tietosuojaselostetta milloin tahansa.",
                "Voimme päivittää tätä tietosuojaselostetta",
            ),
        ],
    )
    def test_change_without_telling(self, text: str, quoted: str) -> None:
        """A change clause with no way of telling the data subject is R212, quoting it."""
        [finding] = lint(_with_description(text))
        assert (finding.code, finding.path) == ("R212", "description.fi")
        assert f"”{quoted}”" in finding.message

    def test_swedish_and_english(self) -> None:
        """The Swedish and English forms of the clause are found."""
        text = LocalizedText(
            fi="Seloste on päivitetty 15.1.2026.",
            sv="Vi förbehåller oss rätten att ändra denna beskrivning.",
            en="We may change this privacy notice at any time.",
        )
        assert _findings(a_register(description=text)) == [
            ("R212", "description.sv"),
            ("R212", "description.en"),
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "Voimme muuttaa tätä selostetta; ilmoitamme olennaisista muutoksista sähköpostitse.",
            "We may update this notice; we will notify you by e-mail before changes apply.",
            "Selosteen viimeisin muutos on tehty tammikuussa.",
        ],
    )
    def test_change_with_a_way_of_telling(self, text: str) -> None:
        """A clause that says how people are told, or no clause, gives no finding."""
        assert change_without_notice(text) is None
        assert _findings(_with_description(text)) == []


class TestHedged:
    def test_hedged_recipient(self) -> None:
        """R213: "saatetaan luovuttaa" in a recipient's description."""
        base = a_register()
        recipient = attrs.evolve(
            base.recipients[0],
            description=LocalizedText(
                fi="Tietoja saatetaan luovuttaa perintätoimistolle.",
                sv="Uppgifter kan komma att lämnas ut till en inkassobyrå.",
                en="Data may be disclosed to a debt collection agency.",
            ),
        )
        findings = lint(attrs.evolve(base, recipients=(recipient,)), locale="sv")
        assert [(f.code, f.path) for f in findings] == [
            ("R213", "recipients[0].description.fi"),
            ("R213", "recipients[0].description.sv"),
            ("R213", "recipients[0].description.en"),
        ]
        assert findings[1].message.startswith("”kan komma att”: utlämnanden")

    @pytest.mark.parametrize("word", ["tarvittaessa", "esimerkiksi", "voidaan"])
    def test_hedged_transfer(self, word: str) -> None:
        """A transfer described with "tarvittaessa", "esimerkiksi" or "voidaan" is R213."""
        base = a_register()
        transfer = attrs.evolve(
            base.transfers[0],
            description=LocalizedText(fi=f"Tietoja siirretään {word} palveluntarjoajalle."),
        )
        assert _findings(attrs.evolve(base, transfers=(transfer,))) == [
            ("R213", "transfers[0].description.fi")
        ]

    def test_definite_statements_are_clean(self) -> None:
        """A disclosure and a transfer stated as facts give no finding."""
        base = a_register()
        recipient = attrs.evolve(
            base.recipients[0],
            description=LocalizedText(fi="Erääntyneet laskut luovutetaan perintään."),
        )
        transfer = Transfer(
            destination="US",
            mechanism=TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
            description=LocalizedText(fi="Varmuuskopiot siirretään palveluntarjoajalle."),
            safeguard_copy=base.transfers[0].safeguard_copy,
        )
        register = attrs.evolve(base, recipients=(recipient,), transfers=(transfer,))
        assert _findings(register) == []
        assert hedge("Erääntyneet laskut luovutetaan perintään.") is None

    def test_hedges_elsewhere_are_not_this_rule(self) -> None:
        """No R213: "voidaan" in the description of a right is not about disclosures."""
        text = LocalizedText(fi="Käsittelyä voidaan rajoittaa tietojen tarkistamisen ajaksi.")
        assert _findings(a_register(rights_exercise=text)) == []


class TestDate:
    def test_no_date(self) -> None:
        """A notice without `updated` is R123, a warning citing Art 12(1)."""
        [finding] = lint(a_register(updated=None), locale="en")
        assert (finding.code, finding.path, finding.severity) == (
            "R123",
            "updated",
            Severity.WARNING,
        )
        assert "Article 12(1)" in finding.message

    def test_dated_is_clean(self) -> None:
        """A dated notice gives no finding."""
        assert a_register().updated is not None
        assert lint(a_register()) == []


@pytest.mark.parametrize("code", ["R123", "R211", "R212", "R213"])
def test_new_codes_have_three_languages_and_a_source(code: str) -> None:
    """Each new code has a different message in fi, sv and en and names its provision."""
    info = CODES[code]
    messages = {info.message.fi, info.message.sv, info.message.en}
    assert len(messages) == 3
    assert all(messages)
    assert info.gdpr
