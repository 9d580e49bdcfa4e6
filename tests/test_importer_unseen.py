"""Tests of the importer on kinds of notice that its first fixtures did not have.

Each test pins a defect found by importing notices written in review: HTML
lists, verbless purpose lists, contact tables with a header row, PDF text,
bilingual headings and e-mail/phone forms.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rekisteri.cli import cli
from rekisteri.importer import ImportResult, import_bytes, import_notice
from rekisteri.importer._finnish import listed_purposes
from rekisteri.importer._headings import recognise
from rekisteri.model import NoneStated
from rekisteri.serialize import load_register

if TYPE_CHECKING:
    from click.testing import CliRunner


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


class TestBilingual:
    TEXT = (
        "1. Rekisterinpitäjä / Registeransvarig\n\n"
        "Kirjakauppa Kirja-Aitta Oy\n"
        "Y-tunnus / FO-nummer: 1234567-1\n"
        "Puh. / Tfn 06 321 4567\n\n"
        "2. Rekisterin nimi / Registrets namn\n\nAsiakasrekisteri\n\n"
        "3. Tietojen siirto EU:n tai ETA:n ulkopuolelle / "
        "Överföring av uppgifter utanför EU eller EES\n\n"
        "Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.\n"
    )

    def test_fi_sv_headings_are_recognised(self) -> None:
        """A heading given in Finnish and Swedish, split by " / ", is recognised."""
        result = import_notice(self.TEXT)
        assert not [f for f in result.findings if f.code in {"I001", "I004"}]
        assert result.draft.name is not None
        assert result.draft.name.fi == "Asiakasrekisteri"
        assert NoneStated.TRANSFERS in result.draft.none_stated
        assert not result.draft.transfers

    def test_fi_sv_labels(self) -> None:
        """Bilingual labels "Y-tunnus / FO-nummer:" and "Puh. / Tfn" label their values."""
        controller = import_notice(self.TEXT).draft.controller
        assert controller.business_id == "1234567-1"
        assert controller.contact is not None
        assert controller.contact.phone == "06 321 4567"

    def test_halves_of_different_kinds_are_not_a_heading(self) -> None:
        """Two halves naming different sections give no kind."""
        assert recognise("Rekisterin nimi / Tietolähteet") is None


class TestPhoneLabels:
    def test_p_and_vaihde(self) -> None:
        """Labels "p." and "Vaihde:" give phone numbers, not unmatched text."""
        text = "Rekisterinpitäjä\n\nVinssi Ky\np. 08 555 1234\nVaihde: 09-123 4567\n"
        result = import_notice(text)
        assert result.draft.controller.contact is not None
        assert result.draft.controller.contact.phone == "08 555 1234"
        assert result.unmatched == ()
        assert "09-123 4567" in " ".join(result.notes["controller"])


class TestHetuMasked:
    HTML = (
        "<h2>Rekisterinpitäjä</h2><p>Esimerkki Oy</p>"
        "<h2>Viite 010594Y9032 ja muuta</h2><p>Jotain muuta.</p>"
    )

    def test_finding_quotes_heading_masked(self) -> None:
        """A finding that quotes the notice does not show a henkilötunnus."""
        result = import_notice(self.HTML)
        messages = " ".join(f.message for f in result.findings)
        assert "I001" in {f.code for f in result.findings}
        assert "010594Y9032" not in messages
        assert "010594Y****" in messages

    def test_cli_reports_masked(self, runner: CliRunner, tmp_path: Path) -> None:
        """Neither the text nor the JSON report shows it, even glued to a word."""
        notice = tmp_path / "n.html"
        notice.write_text(self.HTML.replace("Viite 0", "Viite-x0"), encoding="utf-8")
        for fmt in ("text", "json"):
            report = tmp_path / f"r.{fmt}"
            result = runner.invoke(
                cli,
                [
                    *("import", str(notice), "-o", str(tmp_path / "d.toml"), "--force"),
                    *("--format", fmt, "--report", str(report)),
                ],
            )
            assert result.exit_code in {0, 1}, result.output
            shown = report.read_text(encoding="utf-8")
            assert "9032" not in shown
            assert "010594Y****" in shown

    def test_file_name_masked_in_report(self, runner: CliRunner, tmp_path: Path) -> None:
        """A file named after a henkilötunnus is shown masked in both report formats."""
        notice = tmp_path / "asiakas-010594Y9032.txt"
        notice.write_text("Rekisterinpitäjä\n\nEsimerkki Oy\n", encoding="utf-8")
        for fmt in ("text", "json"):
            report = tmp_path / f"r.{fmt}"
            args = [
                "import",
                str(notice),
                "-o",
                str(tmp_path / "d.toml"),
                "--force",
                "--format",
                fmt,
            ]
            result = runner.invoke(cli, [*args, "--report", str(report)])
            assert result.exit_code in {0, 1}, result.output
            shown = report.read_text(encoding="utf-8")
            assert "9032" not in shown
            assert "010594Y****" in shown


LEGACY = Path(__file__).resolve().parent / "fixtures" / "legacy"


class TestPdfPaste:
    def test_hyphen_broken_words_are_joined(self) -> None:
        """A hyphen-broken word is joined, but not before "ja" or between two same vowels."""
        text = (
            "Rekisterin tietosisältö\n\nRekisteriin tallennetaan asiakkaan nimi, yhteys-\n"
            "tiedot ja asiakas-\nja laskutushistoria sekä linja-\nautolippujen tiedot.\n"
        )
        # one entry an item of the list after its lead-in ("Rekisteriin tallennetaan asiakkaan")
        names = [c.name.fi for c in import_notice(text).draft.data_categories]
        assert names == [
            "Nimi",
            "Yhteystiedot",
            "Asiakas- ja laskutushistoria",
            "Linja-autolippujen tiedot",
        ]

    def test_numbered_headings_without_blank_lines(self) -> None:
        """Numbered headings inside one block start their sections, as in PDF text."""
        text = (
            "TIETOSUOJASELOSTE\n1. Rekisterinpitäjä\nLaskuri Oy\n2. Rekisterin nimi\n"
            "Asiakasrekisteri\n3. Rekisterin käyttötarkoitus\nLaskutus ja asiakasviestintä.\n"
        )
        result = import_notice(text)
        assert result.draft.controller.name == "Laskuri Oy"
        assert result.draft.name is not None
        assert result.draft.name.fi == "Asiakasrekisteri"
        assert purposes(result) == ["Laskutus", "Asiakasviestintä"]
        assert result.unmatched == ()

    def test_numbered_sentence_is_not_a_heading(self) -> None:
        """A numbered line that is not a known heading stays in its paragraph."""
        text = "Rekisterin tietosisältö\n\nRekisteri sisältää:\n1. Nimet ja osoitteet\n"
        result = import_notice(text)
        assert [c.name.fi for c in result.draft.data_categories] == ["Nimet ja osoitteet"]

    def test_numbered_list_item_is_not_a_heading(self) -> None:
        """A known heading word as an item of a numbered list is an item, not a heading."""
        text = (
            "Rekisterin tietosisältö\n\nRekisteri sisältää:\n1. Nimi\n2. Yhteystiedot\n"
            "3. Tilaushistoria\n"
        )
        result = import_notice(text)
        assert [c.name.fi for c in result.draft.data_categories] == [
            "Nimi",
            "Yhteystiedot",
            "Tilaushistoria",
        ]
        assert result.draft.controller.name is None

    def test_tarkoituksena_on_lists_purposes(self) -> None:
        """The phrase "tarkoituksena on" lists purposes as "tarkoitus on" does."""
        text = (
            "Käsittelyn tarkoitus\n\nHenkilötietojen käsittelyn tarkoituksena on "
            "asiakkaiden kirjanpitopalveluiden tuottaminen ja laskutus.\n"
        )
        assert purposes(import_notice(text)) == [
            "Asiakkaiden kirjanpitopalveluiden tuottaminen",
            "Laskutus",
        ]


class TestNewFixtures:
    """Fields that the corpus comparison does not look at, against the hand-written drafts."""

    NAMES = ("fixture-105-pdf-paste.txt", "fixture-106-html-lists-table.html")

    def test_contact_categories_security(self) -> None:
        """Contact person, data categories and security measures are as modelled."""
        for name in self.NAMES:
            result = import_bytes((LEGACY / name).read_bytes(), source_name=name)
            expected = load_register(LEGACY / "expected" / Path(name).with_suffix(".toml").name)
            assert result.draft.contact_person == expected.contact_person, name
            got = [(c.name.fi, c.personal_identity_code) for c in result.draft.data_categories]
            assert got == [(c.name.fi, c.personal_identity_code) for c in expected.data_categories]
            assert [(m.kind, m.description.fi) for m in result.draft.security] == [
                (m.kind, m.description.fi) for m in expected.security
            ], name
            assert result.unmatched == (), name


class TestBusinessIdForms:
    @staticmethod
    def controller_of(value: str) -> tuple[str | None, tuple[str, ...], list[str]]:
        """Import a controller block with *value* as its Y-tunnus."""
        result = import_notice(f"Rekisterinpitäjä\n\nEsimerkki Oy\nY-tunnus: {value}\n")
        codes = [f.code for f in result.findings if f.code.startswith("I")]
        return result.draft.controller.business_id, result.notes.get("controller", ()), codes

    def test_changed_form_is_noted(self) -> None:
        """A legacy 6+1, VAT or spaced form is kept in standard form, and the note says so."""
        for written in ("357502-9", "FI03575029", "0357502 9", "0357502\u20139"):
            business_id, notes, codes = self.controller_of(written)
            assert business_id == "0357502-9", written
            assert any(written in note for note in notes), written
            assert codes == [], written

    def test_standard_form_needs_no_note(self) -> None:
        """The standard form goes in as it is, without a note."""
        assert self.controller_of("0357502-9") == ("0357502-9", (), [])

    def test_wrong_check_digit_is_reported_not_fixed(self) -> None:
        """A wrong check digit, in any form, is reported (I002) and not put in the draft."""
        for written in ("1234567-8", "0357502 8"):
            business_id, _, codes = self.controller_of(written)
            assert business_id is None
            assert codes == ["I002"], written

    def test_name_and_id_on_one_line(self) -> None:
        """Controller and Y-tunnus on the heading's line: name kept, wrong id reported."""
        result = import_notice("Rekisterinpitäjä: Rakennus Hirsi Oy, Y-tunnus 1234567-8\n")
        assert result.draft.controller.name == "Rakennus Hirsi Oy"
        assert result.draft.controller.business_id is None
        [finding] = [f for f in result.findings if f.code == "I002"]
        assert "1234567-8" in finding.message


class TestParallelSwedish:
    def test_parallel_text_is_reported(self) -> None:
        """Finnish and Swedish side by side: I013 says both are in the Finnish fields."""
        text = (
            TestBilingual.TEXT
            + "\nTietoja käytetään tilausten käsittelyyn ja laskutukseen.\n"
            + "Uppgifterna används för att behandla beställningar och för fakturering.\n"
            + "Uppgifterna överförs inte utanför EU eller EES och lämnas inte ut till "
            + "tredje part som inte är personuppgiftsbiträden.\n"
        )
        codes = [f.code for f in import_notice(text).findings]
        assert "I013" in codes
        assert "I012" not in codes

    def test_one_language_is_not_parallel(self) -> None:
        """A Finnish notice has no I013; a Swedish one has I012 and no I013."""
        for name in sorted(p.name for p in LEGACY.glob("*.*")):
            if name.endswith(".md"):
                continue
            codes = [f.code for f in import_bytes((LEGACY / name).read_bytes()).findings]
            assert "I013" not in codes, name
            assert ("I012" in codes) == ("registerbeskrivning" in name), name
