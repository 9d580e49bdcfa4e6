"""Round 8 of the importer (issue 15): a guessed heading must agree with its section.

A heading the table of known headings does not hold is read by its words
(`_headings.guess`). Its section's text is heard before the guess is taken
(`_agree.settle`): a heading whose words name another field than its text
speaks of is read as that field, page chrome and intros are no sections, and
every field filled from a guessed heading's section says so in the draft
(`# importer unsure: heading '…' read as … by its words`), in the result's
`guessed`, finding I015 and the one-line summary.
"""

from __future__ import annotations

from datetime import date

import pytest

from rekisteri.importer import import_notice, to_toml
from rekisteri.importer._structure import split
from rekisteri.testing import make_hetu

_CONTROLLER = "1. Rekisterinpitäjä\nKylän Kauppa Oy\nKauppatie 1, 00100 Helsinki\n\n"


def _kinds(text: str) -> dict[str, str | None]:
    """Each heading of *text* (its first line, as written) and the kind it was read as."""
    return {
        text[s.heading.start : s.heading.end].strip(): (s.kind.value if s.kind else None)
        for s in split(text)
        if s.heading is not None
    }


@pytest.mark.parametrize(
    ("notice", "heading", "kind"),
    [
        # the heading names collection and protection; its text states the purposes
        (
            _CONTROLLER + "4. Tietojen kerääminen ja suojaaminen\n"
            "Henkilötietojen käsittelyn tarkoitus on asiakassuhteen hoitaminen.\n"
            "Tietoja käytetään myös laskutukseen.\n",
            "4. Tietojen kerääminen ja suojaaminen",
            "purposes",
        ),
        # the same heading over text about protection keeps its guess
        (
            _CONTROLLER + "4. Tietojen kerääminen ja suojaaminen\n"
            "Tietokanta on suojattu palomuurilla ja salasanoin.\n",
            "4. Tietojen kerääminen ja suojaaminen",
            "security",
        ),
        # a question heading over a sentence about the notice's own words: no recipients
        (
            _CONTROLLER + "Kuka, miksi ja kenelle?\n\n"
            'Tässä selosteessa "me" tarkoittaa Kylän Kauppa Oy:tä ja "sinä" asiakasta.\n',
            "Kuka, miksi ja kenelle?",
            None,
        ),
        # a guess whose text says nothing either way keeps it
        (
            _CONTROLLER + "Kenelle tietoja annetaan?\n\nKirjanpitäjälle ja pankille.\n",
            "Kenelle tietoja annetaan?",
            "recipients",
        ),
        # a label over e-mails and phones under the contact person: more of the contact
        (
            _CONTROLLER + "2. Yhteyshenkilö\nAila Esimerkki\n\nMuut yhteystiedot\n\n"
            "aila@example.fi\npuh. 040 123 4567\n",
            "Muut yhteystiedot",
            "contact_person",
        ),
        # an intro under a menu heading, the controller's heading of the table later
        (
            "Tietosuojaseloste\n\nKeitä olemme\n\n"
            "Rekisteri- ja tietosuojaseloste, Kylän Kauppa Oy:n asiakasrekisteri\n\n" + _CONTROLLER,
            "Keitä olemme",
            None,
        ),
        # a menu link above the notice's title, known headings after it
        (
            "Skip to content\n\nUutiset: kesän aukioloajat on julkaistu. Lue lisää.\n\n"
            "Tietosuojaseloste\n\n" + _CONTROLLER,
            "Skip to content",
            None,
        ),
    ],
)
def test_a_guess_is_heard_against_its_text(notice: str, heading: str, kind: str | None) -> None:
    assert _kinds(notice)[heading] == kind


@pytest.mark.parametrize(
    ("heading", "body", "kind"),
    [
        # one sentence is enough when it is the whole text
        ("Kenelle ja miksi?", "Tietoja käytetään laskutukseen.", "purposes"),
        # a lead-in that names the purposes outright, over a list
        (
            "Tietojen kerääminen ja suojaaminen",
            "Keräämme tietoja seuraaviin tarkoituksiin:\n- laskutus\n- ajanvaraus",
            "purposes",
        ),
        # a cookie guess is heard too
        (
            "Evästeet ja tietoturva",
            "Tietoja käytetään laskutukseen. Tietoja käytetään myös markkinointiin.",
            "purposes",
        ),
        # how to use one's rights, with an e-mail in the sentence: rights, not the controller
        (
            "Miten voit käyttää oikeuksiasi?",
            "Lähetä pyyntö osoitteeseen tietosuoja@example.com.",
            "other_rights",
        ),
        # Swedish and English: what the data are used for
        (
            "Insamling och skydd av uppgifter",
            (
                "Syftet med behandlingen är att sköta kundrelationen. "
                "Uppgifterna används för fakturering och marknadsföring."
            ),
            "purposes",
        ),
        (
            "Collection and protection of data",
            "The purpose is to manage the customer relationship. We use the data for invoicing.",
            "purposes",
        ),
        (
            "Hur skyddar vi uppgifterna?",
            "Uppgifterna används endast av personalen, och servern skyddas med brandvägg.",
            "security",
        ),
        # one sentence does not override a heading of one topic
        ("Miten suojaamme tietosi?", "Tietoja käytetään vain salatun yhteyden kautta.", "security"),
        # a list's entries never vote against their heading ('… vastaanottajat' is people here)
        (
            "Kenen henkilötietoja keräämme?",
            "Käsittelemme seuraavien tahojen tietoja:\n• asiakkaat\n• uutiskirjeen vastaanottajat",
            "data_subjects",
        ),
        # a sentence that names its own field keeps the guess ("siirretään": a transfer)
        (
            "Siirretäänkö tietoja EU:n ulkopuolelle?",
            "Tietoja siirretään EU:n ulkopuolelle vakiolausekkeiden perusteella.",
            "transfers",
        ),
    ],
)
def test_the_text_decides_a_guess(heading: str, body: str, kind: str) -> None:
    assert _kinds(f"{_CONTROLLER}{heading}\n\n{body}\n")[heading] == kind


def test_rights_from_a_guessed_heading_are_marked() -> None:
    result = import_notice(
        _CONTROLLER + "Mitä oikeuksia sinulla on?\n\nSinulla on oikeus tarkastaa tietosi.\n"
    )
    assert (
        "heading 'Mitä oikeuksia sinulla on?' read as rights by its words" in result.notes["rights"]
    )


def test_a_lone_surrogate_in_a_guessed_heading_gives_a_writable_draft() -> None:
    result = import_notice("Tietoturva\ud800\n\nPalvelin on lukittu.\n")
    text = to_toml(result.draft, notes=result.notes)
    assert "Tietoturva\\ud800" in text
    text.encode("utf-8")  # raises if the surrogate got through


def test_collection_and_protection_over_purposes_gives_purposes_only() -> None:
    result = import_notice(
        _CONTROLLER + "4. Tietojen kerääminen ja suojaaminen\n"
        "Henkilötietojen käsittelyn tarkoitus on asiakassuhteen hoitaminen.\n"
        "Tietoja käytetään myös laskutukseen.\n"
    )
    assert [p.name.fi for p in result.draft.purposes] == ["Asiakassuhteen hoitaminen", "Laskutus"]
    assert result.draft.security == ()
    remark = (
        "heading '4. Tietojen kerääminen ja suojaaminen' names another field; "
        "read as purposes by the words of its text ('Henkilötietojen käsittelyn tarkoitus on "
        "asiakassuhteen hoitaminen. Tietoja käytetään myös …')"
    )
    assert remark in result.notes["purposes"]
    assert f"# importer unsure: {remark}" in to_toml(result.draft, notes=result.notes)


def test_chrome_and_intro_give_no_field() -> None:
    result = import_notice(
        "Skip to content\n\nAjankohtaista: kesäkauden varaukset avautuvat. Tilaa uutiskirje.\n\n"
        "Tietosuojaseloste\n\nKeitä olemme\n\n"
        "Rekisteri- ja tietosuojaseloste, Kylän Kauppa Oy:n asiakasrekisteri\n\n" + _CONTROLLER
    )
    assert result.draft.controller.name == "Kylän Kauppa Oy"
    assert result.draft.data_categories == ()
    assert "Skip to content" in [p.text for p in result.unmatched]


def test_an_empty_heading_after_a_bulleted_list_is_no_entry_of_it() -> None:
    result = import_notice(
        _CONTROLLER + "5. Rekisterin tietosisältö\n• nimi\n• osoite\n\n"
        "Rekisteriin liittyvät sivut\n\n6. Tietoturva\nTietokanta on suojattu.\n"
    )
    assert [c.name.fi for c in result.draft.data_categories] == ["Nimi", "Osoite"]
    assert "Rekisteriin liittyvät sivut" in [p.text for p in result.unmatched]


def test_an_unknown_line_alone_under_a_heading_is_still_its_text() -> None:
    """A4's F14 stays fixed: 'Laskutus' between two headings is a purpose."""
    result = import_notice(
        "Rekisterin käyttötarkoitus\n\nLaskutus\n\nTietoturva\n\nTietokanta on salattu.\n"
    )
    assert [p.name.fi for p in result.draft.purposes] == ["Laskutus"]


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Mitä tietoja keräämme?", "data_categories"),
        ("Mistä tiedot saadaan?", "sources"),
        ("Kuinka kauan tietoja säilytetään?", "retention"),
    ],
)
def test_every_guessed_heading_is_said(heading: str, field: str) -> None:
    body = {
        "data_categories": "Nimi ja osoite.",
        "sources": "Asiakkaalta itseltään.",
        "retention": "Tietoja säilytetään viisi vuotta.",
    }[field]
    result = import_notice(f"{_CONTROLLER}{heading}\n\n{body}\n")
    start = result.text.index(heading)
    assert result.guessed == ((start, start + len(heading), heading, field),)
    assert [f.code for f in result.findings].count("I015") == 1
    assert result.summary_line("x.txt").endswith("; 1 heading(s) guessed from their words")
    assert f"heading '{heading}' read as {field} by its words" in result.notes[field]


def test_a_heading_of_the_table_is_no_guess() -> None:
    result = import_notice(_CONTROLLER + "2. Rekisterin käyttötarkoitus\nLaskutus.\n")
    assert result.guessed == ()
    assert "guessed" not in result.summary_line()
    assert not any("by its words" in note for notes in result.notes.values() for note in notes)


def test_a_remark_never_shows_an_identity_code() -> None:
    code = make_hetu(date(1985, 3, 14), 123)
    text = to_toml(import_notice(_CONTROLLER).draft, notes={"name": [f"heading '{code}'"]})
    assert code not in text
    assert code[7:] not in text  # the birth date may stay; the rest is masked


@pytest.mark.parametrize(
    ("notice", "heading", "kind"),
    [
        # a table copied without the space between a heading cell and its value
        ("1. Registrets namnBokhandelns kundregister\n", "1. Registrets namn", "name"),
        (
            (
                "1. Registrets namn\nBokhandelns kundregister\n"
                "2. Kontaktperson i registerärendenNamn: Kundtjänsten\n"
            ),
            "2. Kontaktperson i registerärenden",
            "contact_person",
        ),
        # a bracket number and a short label before a colon
        (
            "3) Data security\n\nThe database is protected by a firewall.\n",
            "3) Data security",
            None,
        ),
    ],
)
def test_glued_and_bracketed_headings(notice: str, heading: str, kind: str | None) -> None:
    kinds = _kinds(notice)
    if kind is None:  # the bracketed heading is read as the plain one
        assert kinds[heading] == "security"
    else:
        assert kinds[heading] == kind


def test_a_glued_heading_keeps_the_numbering_going() -> None:
    """After '3. HeadingValue', '4. Ändamålet …' is the next heading, not a list entry."""
    result = import_notice(
        "1. Registrets namnBokhandelns kundregister\n"
        "2. Personuppgiftsansvarig\nBokhandeln Ab\nStrandvägen 1, 65100 Vasa\n"
        "3. Kontaktperson i registerärendenNamn: Kundtjänsten\nE-post: kund@example.fi\n"
        "4. Ändamålet med behandlingen\nUppgifterna används för fakturering.\n"
    )
    assert result.draft.name is not None
    assert result.draft.name.fi == "Bokhandelns kundregister"
    assert any(
        "4. Ändamålet" in result.text[m.start : m.end]
        for m in result.mapped
        if m.field == "heading:purposes"
    )


def test_a_name_with_a_capital_inside_is_no_glued_heading() -> None:
    assert _kinds("Rekisterinpitäjä\n\nLinkedIn-palvelu Oy\nKatu 1, 00100 Helsinki\n") == {
        "Rekisterinpitäjä": "controller"
    }


def test_a_long_numbered_question_is_a_heading() -> None:
    """A numbered question of up to sixteen words is read by its words (was no heading)."""
    notice = (
        "1. Controller\nHarbour Books Ltd, Satamakatu 1, 00160 Helsinki\n"
        "2. What is the legal basis for and purpose of the processing of personal data?\n"
        "We process your data to deliver your orders and to send invoices.\n"
    )
    heading = "2. What is the legal basis for and purpose of the processing of personal data?"
    assert _kinds(notice)[heading] == "purposes"


def test_a_run_of_label_paragraphs_gives_each_label_its_own_text() -> None:
    """After 'Data label: …', an unknown 'Label: …' paragraph is no more of the data."""
    kinds = _kinds(
        "Kerättävät tiedot: nimi, osoite ja puhelinnumero.\n\n"
        "Käyttö: tietoja käytetään jäsenasioiden hoitamiseen.\n\n"
        "Tietojen siirto ETA:n ulkopuolelle: tietoja ei siirretä.\n"
    )
    assert kinds["Kerättävät tiedot:"] == "data_categories"
    assert kinds["Käyttö:"] is None  # an unknown heading of its own: its text is listed


def test_a_label_after_the_controllers_block_and_a_glued_lower_case_name() -> None:
    """A5's F36 and F38: 'Data retention: …' after a party's block; 'nimiiPhone-…'."""
    after_party = import_notice(
        _CONTROLLER + "Data retention: 6 years after the customer relationship ends.\n"
    )
    assert len(after_party.draft.retention) == 1
    channel = import_notice(_CONTROLLER + "Tietosuoja-asiat: tietosuoja@example.fi\n")
    assert channel.draft.controller.contact is not None
    assert channel.draft.controller.contact.email == "tietosuoja@example.fi"
    assert _kinds("Rekisterin nimiiPhone-sovelluksen käyttäjärekisteri\n") == {
        "Rekisterin nimi": "name"
    }
