"""The importer's structure, third round (issue 15): nothing lost silently, headings, sections.

* A check over every development fixture, the corpus notices and generated
  notices: each passage the importer maps to a field reaches the draft the
  user gets (a field's value, or a ``# importer unsure`` comment), so a
  future loss fails here (:func:`rekisteri.importer._evaluate.lost_passages`).
* Heading shapes found on real notices: "1a"/"2.1" numbering, a section
  number alone on its line, question headings, long Swedish headings, a
  numbered sentence that is no heading, a data bullet that is no heading.
* Sections no longer misfiled: a combined controller + contact heading, the
  contact details of the person handling register matters, a transfer denial
  that does not deny disclosures.

The notices here are fictional (invented organisations, reserved e-mail
domains, Y-tunnus from :func:`rekisteri.testing.make_ytunnus`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisteri.importer import ImportResult, import_bytes, import_notice, to_toml
from rekisteri.importer._evaluate import lost_passages
from rekisteri.importer._headings import SectionKind, normalise, recognise
from rekisteri.importer._structure import split
from rekisteri.model import NoneStated

LEGACY: Final = Path(__file__).resolve().parent / "fixtures" / "legacy"
NOTICES: Final = sorted(
    [
        *(p for p in (LEGACY / "dev").iterdir() if p.suffix in {".txt", ".html"}),
        *(p for p in LEGACY.iterdir() if p.suffix in {".txt", ".html"}),
    ]
)


def _draft_text(result: ImportResult) -> str:
    return to_toml(result.draft, notes=result.notes)


def _lost(result: ImportResult) -> list[str]:
    return [
        f"{field}: {result.text[start:end]!r}"
        for start, end, field in lost_passages(result, _draft_text(result))
    ]


# -- nothing lost silently -------------------------------------------------------------


def test_there_are_notices_to_check() -> None:
    assert len(NOTICES) >= 40


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.name)
def test_every_mapped_passage_reaches_the_draft(path: Path) -> None:
    result = import_bytes(path.read_bytes(), source_name=path.name)
    assert _lost(result) == []


def test_the_check_finds_a_passage_missing_from_the_draft() -> None:
    """The check is not vacuous: against an empty draft, the mapped content is lost."""
    result = import_notice(
        "Rekisterin nimi\n\nKuusiston Kanoottiseuran jäsenrekisteri\n\n"
        "Rekisterin käyttötarkoitus\n\nJäsenmaksujen perintä ja kilpailuihin ilmoittaminen.\n"
    )
    lost = lost_passages(result, "")
    assert {field.split("[")[0] for _, _, field in lost} >= {"name", "purposes"}
    # and the real draft holds them
    assert lost_passages(result, _draft_text(result)) == []


def test_a_contact_person_named_without_a_channel_stays_in_the_draft() -> None:
    """No contact person in the draft (the model needs a channel): name and role are a comment."""
    result = import_notice(
        "Rekisterinpitäjä\n\nKivikon Kirjansitomo Oy\nSidontakuja 4, 00950 Helsinki\n"
        "kirjansitomo@example.com\n\n"
        "Rekisteriasioista vastaava henkilö\n\nVeikko Paperinen, toimitusjohtaja\n\n"
        "Rekisterin nimi\n\nAsiakasrekisteri\n"
    )
    assert result.draft.contact_person is None
    text = _draft_text(result)
    assert "importer unsure: contact_person:" in text
    assert "Veikko Paperinen" in text
    assert "toimitusjohtaja" in text
    assert _lost(result) == []


def test_a_remark_on_a_field_the_draft_leaves_out_is_written() -> None:
    from rekisteri.model import Controller, Register

    draft = Register(controller=Controller(name="Esimerkki Oy"))
    text = to_toml(draft, notes={"transfers": ["from the section “X”: read it again"]})
    assert "# importer unsure: transfers: from the section “X”: read it again" in text
    text = to_toml(draft, notes={"sources": ["check the sources"]})
    assert "# importer unsure: sources: check the sources" in text


_HEADINGS: Final = {
    "controller": ("Rekisterinpitäjä", "Personuppgiftsansvarig"),
    "name": ("Rekisterin nimi", "Registrets namn"),
    "purposes": ("Rekisterin käyttötarkoitus", "Ändamålet med behandlingen"),
    "content": ("Rekisterin tietosisältö", "Registrets innehåll"),
    "recipients": ("Tietojen luovutukset", "Utlämnande av uppgifter"),
    "retention": ("Säilytysaika", "Lagringstid"),
    "security": ("Rekisterin suojauksen periaatteet", "Skydd av personuppgifter"),
}
_WORDS: Final = (
    *("kanootti", "melonta", "jäsenmaksu", "kilpailu", "lehti", "laskutus", "arkisto"),
    *("tallennus", "kirjasto", "ohjaaja", "paddling", "medlemsavgift", "tävling", "tidning"),
    *("fakturering", "arkiv", "bokning", "kurs", "ledare", "resa"),
)


@st.composite
def _notices(draw: st.DrawFn) -> str:
    """A notice of some of the usual sections, numbered or not, in Finnish or Swedish."""
    lang = draw(st.sampled_from((0, 1)))
    numbered = draw(st.sampled_from(("", "{}. ", "{} ", "{}a ")))
    kinds = draw(st.lists(st.sampled_from(sorted(_HEADINGS)), min_size=2, max_size=6, unique=True))
    parts = []
    for number, kind in enumerate(kinds, start=1):
        heading = numbered.format(number) + _HEADINGS[kind][lang]
        if kind == "controller":
            body = "Koskenniemen Melojat ry\nRantatie 5, 40100 Jyväskylä\nmelojat@example.com"
        else:
            sentences = draw(
                st.lists(
                    st.lists(st.sampled_from(_WORDS), min_size=2, max_size=6),
                    min_size=1,
                    max_size=3,
                )
            )
            bullets = draw(st.booleans())
            lines = [" ".join(words) for words in sentences]
            body = (
                "\n".join(f"- {line}" for line in lines)
                if bullets
                else " ".join(f"{line[:1].upper()}{line[1:]}." for line in lines)
            )
        parts.append(f"{heading}\n\n{body}\n")
    return "\n".join(parts)


@settings(max_examples=60, deadline=None)
@given(_notices())
def test_no_generated_notice_loses_a_passage(text: str) -> None:
    result = import_notice(text)
    assert _lost(result) == []


# -- headings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("1a Rekisterinpitäjä", SectionKind.CONTROLLER),
        ("1 a) Rekisterinpitäjä", SectionKind.CONTROLLER),
        ("2.1 Rekisterin nimi", SectionKind.NAME),
        ("2.1. Rekisterin nimi", SectionKind.NAME),
        ("4.2 Henkilötietojen käsittelyn tarkoitus", SectionKind.PURPOSES),
        ("2 Rekisterinpitäjä, ja rekisteriasioista vastaava henkilö", SectionKind.CONTROLLER),
    ],
)
def test_numbering_without_a_dot_is_a_heading_number(heading: str, kind: SectionKind) -> None:
    assert recognise(heading) is kind


def test_a_word_after_a_number_is_not_cut_as_a_letter() -> None:
    assert normalise("1 ateria") == "ateria"
    assert normalise("2 b) Sähköinen aineisto") == "sähköinen aineisto"


def _kinds(text: str) -> list[SectionKind | None]:
    return [section.kind for section in split(text) if section.heading is not None]


def test_a_first_heading_numbered_1a_starts_the_controller_section() -> None:
    text = (
        "TIETOSUOJASELOSTE\n\nLaatimispäivä: 3.4.2019\n\n1a Rekisterinpitäjä\n\n"
        "Esimerkkipaja Oy\nPajakatu 1, 33100 Tampere\n\n2 Rekisterin nimi\n\nAsiakasrekisteri\n"
    )
    result = import_notice(text)
    assert result.draft.controller.name == "Esimerkkipaja Oy"
    assert SectionKind.CONTROLLER in _kinds(text)


def test_a_section_number_alone_on_its_line_joins_the_heading_after_it() -> None:
    text = (
        "Laatimispäivä: 16.5.2018\n\n1\n\nRekisterinpitäjä\n\nLukusali ry\n"
        "Kirjastotie 2, 03600 Karkkila\n\n2\n\nRekisterin nimi\n\nLukusalin lainaajarekisteri\n"
    )
    sections = [s for s in split(text) if s.heading is not None]
    assert [s.kind for s in sections] == [SectionKind.CONTROLLER, SectionKind.NAME]
    heading = sections[0].heading
    assert heading is not None
    assert text[heading.start : heading.end].startswith("1")
    result = import_notice(text)
    assert result.draft.name is not None
    assert result.draft.name.fi == "Lukusalin lainaajarekisteri"
    # the number is part of the heading, not a paragraph of the section before
    assert all(result.text[p.start : p.end] != "1" for p in result.unmatched)


def test_a_lone_number_before_a_paragraph_stays_text() -> None:
    text = "Rekisterin tietosisältö\n\nNimi ja osoite.\n\n12\n\nTiedot säilytetään kaksi vuotta.\n"
    assert _kinds(text) == [SectionKind.CONTENT]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Mihin tietoja käytetään?", SectionKind.PURPOSES),
        ("Vart lämnas uppgifterna ut?", SectionKind.DISCLOSURES),
        ("Kenelle tietoja luovutetaan?", SectionKind.DISCLOSURES),
        ("Hur länge sparas uppgifterna?", SectionKind.RETENTION),
        ("Siirretäänkö tietoja EU:n ulkopuolelle?", SectionKind.TRANSFERS),
        ("Keneen voin ottaa yhteyttä?", SectionKind.CONTACT),
        ("Vem kan jag kontakta?", SectionKind.CONTACT),
        ("Vilka uppgifter samlar vi in?", SectionKind.CONTENT),
        ("Varifrån får vi uppgifterna?", SectionKind.SOURCES),
        ("How long do we keep the data?", SectionKind.RETENTION),
    ],
)
def test_question_headings(question: str, kind: SectionKind) -> None:
    text = f"Rekisterin nimi\n\nAsiakasrekisteri\n\n{question}\n\nEräs lause tässä.\n"
    assert _kinds(text) == [SectionKind.NAME, kind]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("De kategorier av registrerade som berörs av behandlingen", SectionKind.SUBJECTS),
        ("Åtgärder för att trygga säkerheten i behandlingen", SectionKind.SECURITY),
        ("Regelmässig överlåtelse av uppgifter", SectionKind.DISCLOSURES),
        ("Rekisteriasioita hoitavan henkilön yhteystiedot", SectionKind.CONTACT),
        ("Rekisteriasioita hoitavan henkilön nimi", SectionKind.CONTACT),
    ],
)
def test_longer_headings_outside_the_table(heading: str, kind: SectionKind) -> None:
    text = f"Registrets namn\n\nKundregister\n\n{heading}\n\nEn mening här.\n"
    assert _kinds(text) == [SectionKind.NAME, kind]


def test_a_numbered_sentence_is_not_a_heading() -> None:
    """A numbered line of two sentences under the security heading is security text."""
    text = (
        "7 Rekisterin suojauksen periaatteet\n\n"
        "  1. Henkilötiedot käsitellään luottamuksellisina. Paperiset lomakkeet säilytetään lu"
    )
    assert _kinds(text) == [SectionKind.SECURITY]
    result = import_notice(text)
    assert len(result.draft.security) == 1
    assert "luottamuksellisina" in result.draft.security[0].description.fi


def test_a_data_bullet_naming_contact_details_is_an_entry() -> None:
    text = (
        "5 Rekisterin tietosisältö\n\nRekisterissä käsitellään seuraavia tietoja:\n- nimi\n"
        "- yhteystiedot (postiosoite, puhelinnumero, sähköpostiosoite)\n- tilaushistoria\n"
    )
    assert _kinds(text) == [SectionKind.CONTENT]
    categories = import_notice(text).draft.data_categories
    assert [c.name.fi for c in categories] == ["Nimi", "Yhteystiedot", "Tilaushistoria"]
    assert categories[1].description is not None
    assert "postiosoite" in categories[1].description.fi.casefold()


def test_a_combined_controller_and_contact_heading_keeps_the_controller() -> None:
    text = (
        "2 Rekisterinpitäjä, ja rekisteriasioista vastaava henkilö\n\n"
        "Nimi:             Kuusiston Kanoottiseura ry\n"
        "Osoite:           Rantatie 5, 40100 Jyväskylä\n"
        "Sähköposti:       puheenjohtaja@example.com\n"
    )
    assert _kinds(text) == [SectionKind.CONTROLLER]
    assert import_notice(text).draft.controller.name == "Kuusiston Kanoottiseura ry"


# -- negatives -------------------------------------------------------------------------


def test_a_denial_of_transfers_outside_the_eu_leaves_recipients_open() -> None:
    text = (
        "Registrets namn\n\nKundregister\n\nÖverföring av uppgifter utanför EU\n\n"
        "Uppgifterna överförs eller överlämnas inte utanför EU eller EES.\n"
    )
    draft = import_notice(text).draft
    assert draft.none_stated == (NoneStated.TRANSFERS,)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tietoja ei luovuteta ulkopuolisille eikä siirretä EU:n tai ETA:n ulkopuolelle.",
        "Uppgifterna lämnas inte ut till utomstående och överförs inte utanför EU eller EES.",
    ],
)
def test_two_denials_deny_disclosures_too(sentence: str) -> None:
    text = f"Rekisterin nimi\n\nAsiakasrekisteri\n\nSiirrot EU:n ulkopuolelle\n\n{sentence}\n"
    draft = import_notice(text).draft
    assert set(draft.none_stated) == {NoneStated.TRANSFERS, NoneStated.RECIPIENTS}


# -- the round's fixtures --------------------------------------------------------------


def test_fixture_sections_are_what_their_headings_name() -> None:
    path = LEGACY / "dev" / "dev_s3_02-sv-long-headings-denial.txt"
    result = import_bytes(path.read_bytes())
    assert [field for _, _, field in result.sections] == [
        "none",
        "controller",
        "name",
        "purposes",
        "data_subjects",
        "data_categories",
        "recipients",
        "transfers",
        "security",
    ]
    assert len(result.draft.recipients) == 1
    assert NoneStated.RECIPIENTS not in result.draft.none_stated


# -- more headings and the unheaded introduction ----------------------------------------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("1. Kontaktperson för registeransvarig", SectionKind.CONTACT),
        ("Rekisterinpitäjän yhteyshenkilö", SectionKind.CONTACT),
        ("1. Registrerade", SectionKind.SUBJECTS),
        ("Rekisteröidyt", SectionKind.SUBJECTS),
        ("4. Rekisteröityjen ryhmät", SectionKind.SUBJECTS),
        ("Categories of data subjects", SectionKind.SUBJECTS),
    ],
)
def test_contact_person_and_data_subject_headings(heading: str, kind: SectionKind) -> None:
    text = f"Registrets namn\n\nKundregister\n\n{heading}\n\nEn mening här.\n"
    assert _kinds(text) == [SectionKind.NAME, kind]


def test_a_sentence_that_starts_like_a_heading_is_not_one() -> None:
    """A long line with a finite verb, cut by a blank line, stays the section's text."""
    text = (
        "1. Ändamål\n\nVi behandlar kundernas uppgifter.\n\n"
        "Syftet med behandlingen av personuppgifter är att hålla kontakt med kunder och\n\n"
        "kundrelationen.\n"
    )
    assert _kinds(text) == [SectionKind.PURPOSES]


def test_legal_basis_and_rights_in_an_unheaded_introduction_are_no_retention() -> None:
    text = (
        "Kuusiston Kanoottiseuran tietosuojaseloste\n\n"
        "Tietojen käsittelyperuste on jäsenyys ja kirjanpitolain velvoitteiden täyttäminen. "
        "Jäsenellä on oikeus tarkastaa itseään koskevat tiedot.\n\n"
        "Rekisterinpitäjä\n\nKuusiston Kanoottiseura ry\nRantatie 5, 40100 Jyväskylä\n"
        "melojat@example.com\n"
    )
    result = import_notice(text)
    assert result.draft.retention == ()
    text_out = _draft_text(result)
    assert "outside any known section" in text_out
    assert _lost(result) == []


# -- the importer's own share ----------------------------------------------------------


def test_text_in_its_field_and_another_is_not_counted_in_field() -> None:
    """A denial of disclosures and transfers under the disclosures heading is in two fields."""
    text = (
        "Rekisterin nimi\n\nAsiakasrekisteri\n\nTietojen luovutukset\n\n"
        "Tietoja ei luovuteta ulkopuolisille eikä siirretä EU:n tai ETA:n ulkopuolelle.\n"
    )
    result = import_notice(text)
    assert set(result.draft.none_stated) == {NoneStated.RECIPIENTS, NoneStated.TRANSFERS}
    shares = result.shares
    sentence = len("".join(text.rsplit("\n\n", maxsplit=1)[-1].split()))
    total = len("".join(text.split()))
    assert shares["elsewhere"] == pytest.approx(sentence / total)
    assert shares["in_field"] == pytest.approx(1 - sentence / total)


def test_text_under_an_unknown_heading_is_not_counted_in_field() -> None:
    text = (
        "Rekisterin nimi\n\nAsiakasrekisteri\n\nJäsenistön huomioiminen\n\n"
        "Tiedot säilytetään kaksi vuotta jäsenyyden päättymisestä.\n"
    )
    result = import_notice(text)
    assert len(result.draft.retention) == 1
    assert result.shares["in_field"] < 0.5


def test_a_sentence_taken_for_a_heading_is_reported_lost() -> None:
    """The check flags a heading whose text is a sentence, whatever words the draft holds."""
    import attrs

    from rekisteri.importer import MappedSpan

    text = (
        "Rekisterin suojaus\n\n"
        "1. Tiedot säilytetään luottamuksellisina. Paperit säilytetään lukitussa kaapissa.\n"
    )
    result = import_notice(text)
    assert _lost(result) == []
    start = text.index("1. Tiedot")
    wrong = MappedSpan(start, len(text) - 1, "heading:retention")
    broken = attrs.evolve(result, mapped=(*result.mapped, wrong))
    assert lost_passages(broken, _draft_text(result)) == [
        (start, len(text) - 1, "heading:retention")
    ]


# -- lists -----------------------------------------------------------------------------


def test_a_genitive_before_tai_shares_the_head_noun() -> None:
    from rekisteri.importer._lists import split_items

    assert split_items("Tiedot: yrityksen tai henkilön nimi, Y-tunnus ja puhelinnumero.") == (
        "Tiedot:",
        ["Yrityksen tai henkilön nimi", "Y-tunnus", "Puhelinnumero"],
    )
    # a word that is no genitive still ends an item
    assert split_items("Nimi, puhelin tai sähköposti.") == (
        None,
        ["Nimi", "Puhelin", "Sähköposti"],
    )


def test_a_lead_in_with_a_colon_before_a_paragraph_is_no_entry() -> None:
    text = (
        "Rekisterin tietosisältö\n\nRekisteriin talletetaan asiakkaasta seuraavat tiedot:\n\n"
        "nimi, osoite ja puhelinnumero\n"
    )
    result = import_notice(text)
    assert [c.name.fi for c in result.draft.data_categories] == [
        "Nimi",
        "Osoite",
        "Puhelinnumero",
    ]
    assert _lost(result) == []


def test_the_rounds_fixture_with_an_introduction_has_no_retention_from_it() -> None:
    path = LEGACY / "dev" / "dev_s3_04-preamble-question-headings-lead-ins.txt"
    draft = import_bytes(path.read_bytes()).draft
    assert [r.description.fi if r.description else None for r in draft.retention] == [
        "Lahjoitustiedot säilytetään kuusi vuotta kirjanpitolain mukaisesti."
    ]
    assert draft.description is not None
    assert "käsittelyperuste" in draft.description.fi


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            (
                "Esimerkki Oy:s kundregister används, i enlighet med kundens samtycke, "
                "för att vårda kundrelationer, marknadsföra tjänster och utveckla verksamheten."
            ),
            "Vårda kundrelationer",
        ),
        (
            "Personregistrets ändamål är att säkra, upprätthålla och utveckla servicen.",
            "Säkra, upprätthålla och utveckla servicen",
        ),
        (
            "Rekisterin käyttötarkoitus on lahjoittajatoiminnan toteuttaminen, raportointi.",
            "Lahjoittajatoiminnan toteuttaminen",
        ),
        (
            "Yhdistyslain (503/89) 11 § mukaisen jäsenluettelon ylläpitäminen.",
            "Yhdistyslain 11 § mukaisen jäsenluettelon ylläpitäminen",
        ),
        ("Asiakassuhteen hoitaminen.", "Asiakassuhteen hoitaminen"),
    ],
)
def test_a_prose_purpose_is_named_after_what_it_is_for(sentence: str, name: str) -> None:
    """Not after the company's name before "Oy:s", nor a word cut off by a parenthesis."""
    from rekisteri.importer._cues import purpose_name_of

    assert purpose_name_of(sentence) == name


def test_only_our_own_use_names_no_recipient() -> None:
    text = (
        "Rekisterin nimi\n\nAsiakasrekisteri\n\nTietojen luovutus\n\n"
        "Rekisterin tiedot ovat ainoastaan Kuusikon Taimiston käytössä. "
        "Tietoja ei luovuteta ulkopuolisille, paitsi perintään.\n"
    )
    draft = import_notice(text).draft
    assert [r.description.fi for r in draft.recipients] == [
        "Tietoja ei luovuteta ulkopuolisille, paitsi perintään."
    ]
    assert draft.description is not None
    assert "ainoastaan" in draft.description.fi


def test_data_given_to_the_controller_in_an_introduction_is_a_source() -> None:
    text = (
        "Lahjoittajarekisterin tietosuojaseloste\n\n"
        "Tehdessään lahjoituksen lahjoittaja luovuttaa säätiölle nimensä ja osoitteensa.\n\n"
        "Rekisterinpitäjä\n\nKuusikon Säätiö sr\nMetsätie 1, 40100 Jyväskylä\n"
        "saatio@example.com\n"
    )
    draft = import_notice(text).draft
    assert draft.recipients == ()
    assert len(draft.sources) == 1


def test_every_heading_numbered_1_without_blank_lines() -> None:
    """Word's lost numbering: each heading "1.", pasted without blank lines."""
    text = (
        "Tietosuojaseloste\n1. Rekisterinpitäjä\n"
        "Kuusikon Taimisto Oy, Taimitie 2, 40100 Jyväskylä\n"
        "1. Rekisterin nimi\nAsiakasrekisteri\n1. Rekisterin käyttötarkoitus\n"
        "Tietoja käytetään laskutukseen.\n1. Rekisterin tietosisältö\n"
        "Rekisteriin tallennetaan:\n1. Nimi\n1. Osoite\n"
    )
    assert _kinds(text) == [
        SectionKind.TITLE,
        SectionKind.CONTROLLER,
        SectionKind.NAME,
        SectionKind.PURPOSES,
        SectionKind.CONTENT,
    ]
    draft = import_notice(text).draft
    assert [c.name.fi for c in draft.data_categories] == ["Nimi", "Osoite"]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Grunder för upprätthållandet av registret", SectionKind.PURPOSES),
        ("Rekisterin ylläpidon perusteet", SectionKind.PURPOSES),
        ("Dataskydd vid Kuusikon Plantskola Ab", SectionKind.TITLE),
    ],
)
def test_more_headings_of_the_table(heading: str, kind: SectionKind) -> None:
    assert recognise(heading) is kind


def test_a_legal_basis_heading_ends_the_controller_block() -> None:
    text = (
        "Registeransvarig:\nKuusikon Plantskola Ab\nSkogsvägen 3, 65100 Vasa\n"
        "info@kuusikko.example.com\n\n"
        "Grunder för upprätthållandet av registret\n"
        "Skötsel av kundrelationer och kundens samtycke.\n"
    )
    assert _kinds(text) == [SectionKind.CONTROLLER, SectionKind.PURPOSES]


def test_prose_after_a_contact_block_without_its_own_heading_is_read() -> None:
    """Prose after a contact block, with no heading of its own, is read from its words.

    Bullet 'label: value' lines, then prose: the prose is not left to the
    contact person (each sentence placed by its words gets a note).
    """
    text = (
        "Rekisteriseloste\n\n"
        "  • Rekisterin nimi: Kuusikon Taimiston asiakasrekisteri\n"
        "  • Rekisterinpitäjä: Kuusikon Taimisto Oy, Taimitie 2, 40100 Jyväskylä\n"
        "  • Vastuuhenkilö: Liisa Kuusela, 040 555 0101\n\n"
        "Rekisterin pääasiallinen käyttötarkoitus on asiakassuhteiden hallinta ja laskutus. "
        "Rekisteri voi sisältää esimerkiksi seuraavia tietoja: henkilön nimi, "
        "sähköpostiosoite ja ostohistoria.\n"
    )
    result = import_notice(text)
    draft = result.draft
    assert draft.contact_person is not None
    assert draft.contact_person.name == "Liisa Kuusela"
    assert [c.name.fi for c in draft.data_categories] == [
        "Henkilön nimi",
        "Sähköpostiosoite",
        "Ostohistoria",
    ]
    assert draft.purposes
    assert not any("käyttötarkoitus" in p.text for p in result.unmatched)
    assert _lost(result) == []


def test_a_disclosure_under_the_sources_heading_moves_with_a_note() -> None:
    text = (
        "Säännönmukaiset tietolähteet\n\nTiedot saadaan asiakkaalta itseltään. "
        "Palveluntarjoaja voi luovuttaa asiakastietoja viranomaisille lain niin vaatiessa.\n"
    )
    result = import_notice(text)
    assert len(result.draft.recipients) == 1
    assert len(result.draft.sources) == 1
    assert any("Säännönmukaiset tietolähteet" in note for note in result.notes["recipients"])


def test_a_data_subjects_section_gives_data_subjects() -> None:
    text = (
        "Registrets namn\n\nKundregister\n\n"
        "De kategorier av registrerade som berörs av behandlingen\n\n"
        "Registret omfattar kunder som har bokat en cykel.\n\n"
        "Rekisteröityjen ryhmät\n\n- asiakkaat\n- asiakkaiden yhteyshenkilöt\n"
    )
    draft = import_notice(text).draft
    assert [s.name.fi for s in draft.data_subjects] == [
        "Kunder som har bokat en cykel",
        "Asiakkaat",
        "Asiakkaiden yhteyshenkilöt",
    ]
    assert draft.data_categories == ()


def test_names_read_from_sentences_stop_at_the_main_clause() -> None:
    from rekisteri.importer._cues import purpose_name_of

    assert (
        purpose_name_of("För att leverera tjänster behandlar vi våra kunders personuppgifter.")
        == "Leverera tjänster"
    )
    text = (
        "Registrerade\n\n"
        "Kundregistret innehåller information om kunder och deras kontaktpersoner.\n"
    )
    subjects = import_notice(text).draft.data_subjects
    assert [s.name.fi for s in subjects] == ["Kunder", "Deras kontaktpersoner"]


def test_an_invisible_character_on_a_blank_line_still_parts_unmatched_passages() -> None:
    """A soft hyphen on the blank line between two unmapped paragraphs keeps them apart.

    Found by the invisible-characters property on a new dev fixture.
    """
    text = "Kuusilahden kunta\n\nSeloste henkilötietojen käsittelystä\n"
    damaged = "Kuusilahden kunta\n\u00ad\nSeloste henkilötietojen käsittelystä\n"
    clean, result = import_notice(text), import_notice(damaged)
    assert [p.text for p in clean.unmatched] == [
        "Kuusilahden kunta",
        "Seloste henkilötietojen käsittelystä",
    ]
    assert [p.text for p in result.unmatched] == [p.text for p in clean.unmatched]
