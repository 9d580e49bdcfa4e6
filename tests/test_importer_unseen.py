"""Tests of the importer on kinds of notice that its first fixtures did not have.

Each test pins a defect found by importing notices written in review: HTML
lists, verbless purpose lists, contact tables with a header row, PDF text,
bilingual headings and e-mail/phone forms.
"""

from __future__ import annotations

from rekisteri.importer import ImportResult, import_notice
from rekisteri.importer._finnish import listed_purposes


def purposes(result: ImportResult) -> list[str]:
    return [purpose.name.fi for purpose in result.draft.purposes]


class TestHtmlLists:
    def test_each_li_is_its_own_item(self) -> None:
        """Items of an HTML list are separate purposes and categories, though lower case."""
        html = (
            "<h2>Henkilötietojen käsittelyn tarkoitus</h2>"
            "<ul><li>tilausten käsittely</li><li>laskutus</li><li>asiakasviestintä</li></ul>"
            "<h2>Rekisterin tietosisältö</h2>"
            "<ul><li>nimi</li><li>osoite</li><li>puhelinnumero</li></ul>"
        )
        result = import_notice(html)
        assert purposes(result) == ["Tilausten käsittely", "Laskutus", "Asiakasviestintä"]
        assert [c.name.fi for c in result.draft.data_categories] == [
            "Nimi",
            "Osoite",
            "Puhelinnumero",
        ]

    def test_plain_text_wrapped_item_still_joins(self) -> None:
        """In plain text, a lower-case line after an item still continues it."""
        text = (
            "Rekisterin tietosisältö\n\n- asiakkaan nimi ja osoite sekä\n"
            "  laskutukseen tarvittavat tiedot\n- puhelinnumero\n"
        )
        names = [c.name.fi for c in import_notice(text).draft.data_categories]
        assert names == [
            "Asiakkaan nimi ja osoite sekä laskutukseen tarvittavat tiedot",
            "Puhelinnumero",
        ]


class TestVerblessPurposeList:
    def test_nominative_list_in_purpose_section(self) -> None:
        """A verbless list under the purposes heading gives one purpose per item."""
        text = "Rekisterin käyttötarkoitus\n\nKuvausten ajanvaraus, laskutus ja markkinointi.\n"
        result = import_notice(text)
        assert purposes(result) == ["Kuvausten ajanvaraus", "Laskutus", "Markkinointi"]
        assert result.draft.description is None

    def test_sentence_with_a_verb_is_not_a_list(self) -> None:
        """A sentence with a finite verb is not read as a bare list of purposes."""
        assert listed_purposes("Henkilötietoja käsitellään lain sallimissa rajoissa.") is None
        assert listed_purposes("Tietoja kerätään asiakkailta.") is None

    def test_outside_purpose_section_it_stays_description(self) -> None:
        """A bare list elsewhere is not taken as purposes."""
        text = "Rekisterin nimi\n\nAsiakasrekisteri\n\nMuuta\n\nLaskutus ja markkinointi.\n"
        assert purposes(import_notice(text)) == []


class TestContactTable:
    HTML = (
        "<h3>1. Rekisterinpitäjä</h3><table>"
        "<tr><th>Nimi</th><th>Osoite</th><th>Puhelin</th></tr>"
        "<tr><td>Siivouspalvelu Sulka Oy</td><td>Rantatie 3, 20100 Turku</td>"
        "<td>02 234 5678</td></tr></table>"
        "<h3>2. Yhteyshenkilö</h3><table>"
        "<tr><th>Nimi</th><th>Sähköposti</th><th>Puhelin</th></tr>"
        "<tr><td>Sanna Sulka</td><td>sanna[at]example.com</td><td>040 765 4321</td></tr>"
        "</table>"
    )

    def test_header_row_labels_the_data_row(self) -> None:
        """A table's header row (Nimi | Osoite | Puhelin) labels the cells below it."""
        draft = import_notice(self.HTML).draft
        controller = draft.controller
        assert controller.name == "Siivouspalvelu Sulka Oy"
        assert controller.address is not None
        assert (controller.address.street, controller.address.postal_code) == (
            "Rantatie 3",
            "20100",
        )
        assert controller.address.town == "Turku"
        assert controller.contact is not None
        assert controller.contact.phone == "02 234 5678"
        person = draft.contact_person
        assert person is not None
        assert (person.name, person.email, person.phone) == (
            "Sanna Sulka",
            "sanna@example.com",
            "040 765 4321",
        )

    def test_label_on_its_own_line_still_applies(self) -> None:
        """A label alone on a line labels the next line."""
        text = "Rekisterinpitäjä\n\nNimi:\nEsimerkki Oy\nPuhelin:\n09 123 4567\n"
        controller = import_notice(text).draft.controller
        assert controller.name == "Esimerkki Oy"
        assert controller.contact is not None
        assert controller.contact.phone == "09 123 4567"
