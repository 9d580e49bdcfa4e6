"""Heading recall, importer round 8 (issue 15): headings nobody wrote down.

A quarter of the held-out notices' text sat under headings the importer did
not read, most of them plain unnumbered lines alone between blank lines. Each
class here is a shape or a wording the importer now reads: a label heading
ending in a colon (a question with a passive verb too, and right after the
controller's block), a trailing legal reference, a question without its
question mark, a one-word heading numbered in the headings' own sequence, and
new key words in Finnish, Swedish and English. The guards say which lines stay
body text: a list's lead-in, a controller block's field labels, a numbered
list's items, a sentence. The date a notice was last updated is read in more
writings (the next line, month names, ISO dates). The ``dev_r8r_*``
development fixtures hold the layouts whole.
"""

from __future__ import annotations

from datetime import date
from typing import Final

import pytest

from rekisteri.importer import ImportResult, import_notice, to_toml
from rekisteri.importer._evaluate import lost_passages
from rekisteri.importer._headings import SectionKind, guess

CONTROLLER: Final = (
    "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Seura ry\nKatu 1, 00100 Helsinki\n\n"
)
PURPOSES: Final = "Käsittelyn tarkoitus\n\nJäsenyyden hoitaminen ja laskutus.\n\n"
BODY: Final = "Tässä kohdassa kerrotaan asiasta lyhyesti, ja teksti jatkuu\ntoisella rivillä.\n"


def headings(result: ImportResult) -> dict[str, str]:
    """The headings the importer read: heading text -> kind."""
    return {
        " ".join(result.text[m.start : m.end].split()): m.field.removeprefix("heading:")
        for m in result.mapped
        if m.field.startswith("heading:")
    }


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # a label heading ending in a colon, wordings outside the table
        ("Tietojen käyttötarkoitus:", "purposes"),
        ("Rekisteriin talletettavat tiedot:", "data_categories"),
        ("Informationskällor:", "sources"),
        ("Uppgifter som behandlas:", "data_categories"),  # a relative clause names the things
        ("Security measures:", "security"),  # an English plural is no Swedish passive
        ("Use of cookies:", "cookies"),
        ("Data we process:", "data_categories"),
        # a question ending in a colon, its verb passive, up to six words
        ("Mihin tietoja käytetään:", "purposes"),
        ("Kuinka kauan tietoja säilytetään:", "retention"),
        ("Hur länge sparas uppgifterna:", "retention"),
        ("What data do we collect:", "data_categories"),
        # a legal reference is no word of the label
        ("Rättslig grund för behandlingen (EU 2016/679, art. 6):", "purposes"),
    ],
)
def test_a_label_heading_alone_on_its_line(line: str, kind: str) -> None:
    result = import_notice(CONTROLLER + PURPOSES + line + "\n\n" + BODY)
    assert headings(result).get(line) == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Tietojen käyttötarkoitus:", "purposes"),
        ("Säilytysajat:", "retention"),
        ("Informationskällor:", "sources"),
    ],
)
def test_a_label_heading_ends_the_controllers_block(line: str, kind: str) -> None:
    """Right under the controller's block a label of another kind opens its section."""
    result = import_notice(CONTROLLER + line + "\n\n" + BODY)
    assert headings(result).get(line) == kind
    assert result.draft.controller.name == "Kylän Seura ry"


@pytest.mark.parametrize(
    "line",
    [
        "Osoite:",  # a field's label in the controller's block
        "Puhelin:",
        "Sähköposti:",
    ],
)
def test_a_field_label_in_the_controllers_block_is_no_heading(line: str) -> None:
    result = import_notice(CONTROLLER.rstrip() + "\n" + line + "\nKatu 2\n\n" + PURPOSES)
    assert line not in headings(result)


@pytest.mark.parametrize(
    "line",
    [
        # a lead-in: a verb, a 'following' word, or more than four words without a question
        "Rekisteriin tallennetaan seuraavat tiedot:",
        "Seura käsittelee jäsentensä tietoja näihin tarkoituksiin:",
        "Registret innehåller:",
        "I registret sparas:",
        "We collect the following data:",
        "Tietoja käytetään:",
    ],
)
def test_a_lead_in_is_no_heading(line: str) -> None:
    result = import_notice(CONTROLLER + PURPOSES + line + "\n- Nimi\n- Osoite\n")
    assert line not in headings(result)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Tietolähteet (EU 2016/679, 14 art.)", "sources"),
        ("Henkilötietojen käsittelyn lainmukaisuus (EU 2016/679, 6 art.)", "purposes"),
        ("Legal basis for processing (GDPR Art. 6)", "purposes"),
        ("Rättslig grund för behandlingen (EU 2016/679, art. 6)", "purposes"),
    ],
)
@pytest.mark.parametrize("blank", [True, False])
def test_a_heading_with_a_legal_reference(line: str, kind: str, *, blank: bool) -> None:
    """Alone between blank lines, or inside a block after a sentence's end."""
    glue = "\n\n" if blank else "\n"
    result = import_notice(CONTROLLER + PURPOSES.rstrip() + glue + line + glue + BODY)
    assert headings(result).get(line) == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Mistä tiedot saadaan", "sources"),
        ("Mihin tietoja käytetään", "purposes"),
        ("Kenelle tietoja luovutetaan", "recipients"),
        ("Kuinka kauan tietoja säilytetään", "retention"),
        ("Mitä tietoja kerätään", "data_categories"),
    ],
)
def test_a_question_without_its_mark_inside_a_block(line: str, kind: str) -> None:
    """A question word and a passive verb, between a sentence's end and the next sentence."""
    result = import_notice(CONTROLLER + PURPOSES.rstrip() + "\n" + line + "\n" + BODY)
    assert headings(result).get(line) == kind


def test_a_sentence_with_a_passive_verb_stays_a_sentence() -> None:
    """Without a question word, a short line with a passive verb is no heading."""
    line = "Tiedot säilytetään lukitussa kaapissa"
    result = import_notice(CONTROLLER + PURPOSES.rstrip() + "\n" + line + "\n" + BODY)
    assert line not in headings(result)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("6. Informationskällor", "sources"),
        ("6. Datasäkerhet", "security"),
        ("6. Säilytysajat", "retention"),
        ("6. Registerupprätthållare", "controller"),
    ],
)
def test_a_one_word_heading_numbered_in_sequence(line: str, kind: str) -> None:
    notice = (
        "4. Rekisterinpitäjä\n\nKylän Seura ry\nKatu 1, 00100 Helsinki\n\n"
        "5. Käsittelyn tarkoitus\n\nJäsenyyden hoitaminen.\n\n" + line + "\n\n" + BODY
    )
    assert headings(import_notice(notice)).get(line) == kind


def test_a_numbered_list_under_a_heading_stays_a_list() -> None:
    """Items numbered 1, 2 under heading 1 are no headings, whatever their words."""
    notice = "1. Rekisterin tietosisältö\n\n1. Nimi\n2. Säilytysajat\n3. Osoite\n"
    found = headings(import_notice(notice))
    assert "2. Säilytysajat" not in found
    assert "1. Nimi" not in found


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Rekistereistä vastaava henkilö", SectionKind.CONTACT),
        ("Jäsenasioista vastaava henkilö", SectionKind.CONTACT),
        ("Registerärenden sköts av", SectionKind.CONTACT),
        ("Ärenden gällande registret", SectionKind.CONTACT),
        ("Whom to contact about the register", SectionKind.CONTACT),
        ("Contact for register enquiries", SectionKind.CONTACT),
        ("Registerupprätthållare", SectionKind.CONTROLLER),
        ("Innehavare av register", SectionKind.CONTROLLER),
        ("Den dataskyddsansvarigas kontaktuppgifter", SectionKind.DPO),
        ("Rekisterin tai käsittelytoimien kokonaisuuden nimi", SectionKind.NAME),
        ("Henkilötietojen käsittelyn lainmukaisuus", SectionKind.PURPOSES),
        ("Behandlingens laglighet", SectionKind.PURPOSES),
        ("How we use your data", SectionKind.PURPOSES),
        ("Use of personal data", SectionKind.PURPOSES),
        ("Käsiteltävien tietojen ryhmät", SectionKind.CONTENT),
        ("Rekisterin tietosuojasisältö", SectionKind.CONTENT),
        ("Rekisteriin talletettavat tiedot", SectionKind.CONTENT),
        ("Data we process", SectionKind.CONTENT),
        ("Personuppgifter som behandlas", SectionKind.CONTENT),
        ("Keitä rekisteri koskee", SectionKind.SUBJECTS),
        ("Sharing of data", SectionKind.DISCLOSURES),
        ("Tietojen jakaminen", SectionKind.DISCLOSURES),
        ("Tietojen käsittelyn kesto", SectionKind.RETENTION),
        ("Storage of personal data", SectionKind.RETENTION),
        ("Tietojen korjaaminen", SectionKind.OTHER_RIGHTS),
        ("Rättelse av uppgifterna", SectionKind.OTHER_RIGHTS),
        ("Complaints", SectionKind.OTHER_RIGHTS),
        ("Tietoryhmät", SectionKind.CONTENT),
        ("Vilken information samlar vi in", SectionKind.CONTENT),
        ("Data collected", SectionKind.CONTENT),
        ("Rekisteriasioista vastaa", SectionKind.CONTACT),
        ("Rekisterin hoitaja", SectionKind.CONTACT),
        ("Lisätietoja antaa", SectionKind.CONTACT),  # was the data categories
        ("Tietosuojakysymykset", SectionKind.CONTACT),
        ("Frågor om dataskydd", SectionKind.CONTACT),
        ("Kontakt i ärenden som gäller personuppgifter", SectionKind.CONTACT),
        ("Questions and contact", SectionKind.CONTACT),
        ("Tietojen käyttö", SectionKind.PURPOSES),
        ("Användning av personuppgifter", SectionKind.PURPOSES),
        ("Hur används uppgifterna", SectionKind.PURPOSES),
    ],
)
def test_new_key_words(line: str, kind: SectionKind) -> None:
    assert guess(line) is kind


@pytest.mark.parametrize(
    "line",
    ["Muut tiedot", "Lisätietoja", "Övriga uppgifter", "Other information", "Further information"],
)
def test_other_matters_name_no_field(line: str) -> None:
    """'Muut tiedot' holds the general word for data, yet names no field (were categories)."""
    assert guess(line) is None
    result = import_notice(CONTROLLER + PURPOSES + line + "\n\n" + BODY)
    assert result.draft.data_categories == ()
    # its heading names no field of its own: its text is the description (the guide)
    assert headings(result).get(line) in {None, "description"}


@pytest.mark.parametrize(
    "line",
    [
        "Storage media and locations",  # storage, but of the media: no retention heading
        "Kesto",  # a cookie table's column, not the duration of the processing
    ],
)
def test_storage_and_duration_words_need_their_context(line: str) -> None:
    assert guess(line) is not SectionKind.RETENTION


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("Päivitetty:\n1.3.2023", date(2023, 3, 1)),  # the date on the keyword's next line
        ("Tietosuojaseloste on päivitetty 1. maaliskuuta 2023.", date(2023, 3, 1)),
        ("Senast uppdaterad 5 mars 2021", date(2021, 3, 5)),
        ("Last updated: 12 October 2022", date(2022, 10, 12)),
        ("Last updated March 1st, 2023", date(2023, 3, 1)),
        ("Updated on 2023-03-01", date(2023, 3, 1)),
        ("Viimeksi muokattu 2.11.2020", date(2020, 11, 2)),
        # a creation date is the notice's date when it states no update (round 13)
        ("Laadittu 1.3.2023", date(2023, 3, 1)),
        # no date: an order of day and month unknown
        ("Updated 03/01/2023", None),
        ("Päivitetty 31.2.2020", None),  # no such day
    ],
)
def test_the_date_the_notice_was_updated(line: str, when: date | None) -> None:
    result = import_notice(CONTROLLER + PURPOSES + line + "\n")
    assert result.draft.updated == when
    draft = to_toml(result.draft, notes=result.notes)
    assert lost_passages(result, draft) == []  # "5 mars 2021" reaches the draft as a date


@pytest.mark.parametrize("line", ["**Tietojen käyttötarkoitus**", "## Tietojen käyttötarkoitus"])
def test_a_heading_marked_in_markdown_inside_a_block(line: str) -> None:
    """Between a sentence's end and the next sentence, marked like the plain heading."""
    result = import_notice(CONTROLLER + PURPOSES.rstrip() + "\n" + line + "\n" + BODY)
    assert headings(result).get(line) == "purposes"


@pytest.mark.parametrize("entry", ["Yhteystiedot: nimi ja puhelinnumero", "Kontaktuppgifter: namn"])
def test_a_bulleted_entry_with_a_label_is_no_heading(entry: str) -> None:
    """'• Yhteystiedot: …' under the data heading is a data category, not a controller heading."""
    result = import_notice(
        CONTROLLER
        + "1. Keräämämme tiedot\n\nKeräämme näitä tietoja:\n\n  • "
        + entry
        + "\n  • Maksutiedot: maksutapa\n\n2. Tietojen käyttötarkoitus\n\nTilausten käsittely.\n"
    )
    assert "controller" not in {kind for text, kind in headings(result).items() if "•" in text}
    assert len(result.draft.data_categories) == 2


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Whom To Contact About The Register", "contact_person"),
        ("Name And Contact Details Of The Controller", "controller"),
    ],
)
def test_a_title_case_party_heading(line: str, kind: str) -> None:
    """Its words join with 'for', 'of', 'the': no role followed by a person's name."""
    result = import_notice(CONTROLLER + PURPOSES + line + "\n\nMatti Example\nmatti@example.com\n")
    assert headings(result).get(line) == kind


def test_a_role_and_a_name_stay_a_line_of_the_block() -> None:
    line = "Tietosuojavastaava Kaisa Esimerkki"
    result = import_notice(CONTROLLER.rstrip() + "\n" + line + "\nkaisa@example.com\n\n" + PURPOSES)
    assert line not in headings(result)
