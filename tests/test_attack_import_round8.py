"""Outside attack on the importer's round-8 promises (helper A5, session 9).

Written from the public documents only (docs/guides/migrating.md, the API
reference, ``rekisteri import --help``), not from the importer's source. The
promises under attack:

1. no section is misfiled wholesale: a heading that is unusual or names two
   things never sends its whole body to a field the body contradicts;
2. guessed means marked: a field filled from a heading guessed by its words
   carries an ``# importer unsure`` comment, and the report says how many
   headings were guessed;
3. nothing is lost silently: every non-blank character is mapped or listed in
   ``unmatched``, and what is mapped reaches the draft or its comments; the
   one-line summary is printed on every run, also with ``-o``;
4. processors are not recipients, people are data subjects, data items stay
   data categories;
5. no identity code reaches any output, in any spelling;
6. hostile shapes give a draft or a typed error, never a traceback.

A broken promise stays here as a strict xfail whose reason names the finding
in /work/coord/A5-FINDINGS.md (F1 ...). All notices, firms and people are
invented; identity codes come from :mod:`rekisteri.testing`.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from rekisteri.cli import cli
from rekisteri.errors import RekisteriError
from rekisteri.importer import ImportResult, import_bytes, import_notice, to_toml
from rekisteri.serialize import load_register
from rekisteri.testing import make_hetu

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

CONTROLLER = "Rekisterinpitäjä\n\nKuusimäen Puutarha Oy\nKuusitie 2, 33100 Tampere\n\n"
CONTROLLER_SV = (
    "Personuppgiftsansvarig\n\nGranskogs Trädgård Ab\nSkogsvägen 2, 00100 Helsingfors\n\n"
)
CONTROLLER_EN = "Controller\n\nSprucewood Gardens Ltd\nKuusitie 2, 33100 Tampere\n\n"

# An invisible or bidirectional character is read as nothing (the guide);
# full-width digits are folded to ASCII before an output is searched.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
_FULL_WIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)})


def _text(value: object) -> str:
    """The Finnish text of a LocalizedText, or the value itself as a string."""
    fi = getattr(value, "fi", None)
    return str(fi if fi is not None else value)


def names(entries: Iterable[object]) -> list[str]:
    """The (Finnish) names of a draft's entries."""
    return [_text(getattr(entry, "name", entry)) for entry in entries]


def descriptions(entries: Iterable[object]) -> list[str]:
    """The (Finnish) descriptions of a draft's entries ('' where none)."""
    result = []
    for entry in entries:
        description = getattr(entry, "description", None)
        result.append("" if description is None else _text(description))
    return result


def notes_for(result: ImportResult, field: str) -> list[str]:
    """Every note of *result* on *field* or on one of its entries."""
    return [
        note
        for path, field_notes in result.notes.items()
        if path == field or path.startswith((f"{field}[", f"{field}."))
        for note in field_notes
    ]


def unsure_comments(toml: str) -> list[str]:
    """The ``# importer unsure`` comments of a TOML draft."""
    return [line for line in toml.splitlines() if line.startswith("# importer unsure")]


def silent_gaps(result: ImportResult) -> str:
    """The non-blank characters of the text in neither ``mapped`` nor ``unmatched``."""
    covered = [False] * len(result.text)
    for span in result.mapped:
        covered[span.start : span.end] = [True] * (span.end - span.start)
    for passage in result.unmatched:
        assert result.text[passage.start : passage.end] == passage.text
        covered[passage.start : passage.end] = [True] * (passage.end - passage.start)
    return "".join(
        char
        for char, done in zip(result.text, covered, strict=True)
        if not done and not char.isspace() and not _INVISIBLE.match(char)
    )


def round_trips(result: ImportResult, tmp_path: Path) -> bool:
    """Whether the TOML draft is UTF-8 and loads back to the draft."""
    path = tmp_path / "draft.toml"
    path.write_bytes(to_toml(result.draft, notes=result.notes).encode("utf-8"))
    return load_register(path) == result.draft


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run ``rekisteri`` in-process: exit code, standard output, standard error."""
    outcome = CliRunner().invoke(cli, list(args))
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit), outcome.exception
    return outcome.exit_code, outcome.stdout, outcome.stderr


# --- 1. No section misfiled wholesale ------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "Tietojen kerääminen ja suojaaminen",
        "TIETOJEN KERÄÄMINEN JA SUOJAAMINEN",
        "1. Tietojen kerääminen ja suojaaminen",
    ],
    ids=["plain", "capitals", "numbered"],
)
@pytest.mark.parametrize(
    "body",
    [
        (
            "Keräämme tietoja seuraaviin tarkoituksiin:\n- laskutus\n"
            "- asiakassuhteen hoitaminen\n- suoramarkkinointi"
        ),
        "Tietoja käytetään asiakassuhteen hoitamiseen ja laskutukseen.",
        pytest.param(
            "Tietoja käsitellään seuraaviin tarkoituksiin: asiakassuhteen hoitaminen, laskutus ja "
            "markkinointi.",
        ),
    ],
    ids=["lead-in-list", "sentence", "inline-list"],
)
def test_collecting_and_protecting_heading_over_purposes(heading: str, body: str) -> None:
    result = import_notice(CONTROLLER + f"{heading}\n\n{body}\n")
    assert "Laskutus" in names(result.draft.purposes)
    assert not any("lasku" in text.lower() for text in descriptions(result.draft.security))


@pytest.mark.parametrize(
    "heading", ["Kenelle ja miksi?", "Tietojen käyttö ja luovuttaminen"], ids=["question", "two"]
)
def test_two_thing_heading_splits_purpose_from_recipient(heading: str) -> None:
    result = import_notice(
        CONTROLLER + f"{heading}\n\nTietoja käytetään laskutukseen. "
        "Tietoja luovutetaan Verohallinnolle lain edellyttämällä tavalla.\n"
    )
    assert names(result.draft.purposes) == ["Laskutus"]
    recipients = descriptions(result.draft.recipients)
    assert recipients
    assert all("Verohallinnolle" in text for text in recipients)


@pytest.mark.parametrize(
    ("notice", "purpose_word", "recipient_word"),
    [
        (
            CONTROLLER_SV + "Vem får uppgifterna och varför?\n\n"
            "Uppgifterna används för fakturering. "
            "Uppgifterna lämnas ut till Skatteförvaltningen enligt lag.\n",
            "fakturering",
            "Skatteförvaltningen",
        ),
        (
            CONTROLLER_EN + "Who receives your data and why?\n\n"
            "We use the data for invoicing. "
            "We disclose data to the Tax Administration as required by law.\n",
            "invoicing",
            "Tax Administration",
        ),
    ],
    ids=["sv", "en"],
)
def test_two_thing_question_splits_in_swedish_and_english(
    notice: str, purpose_word: str, recipient_word: str
) -> None:
    result = import_notice(notice)
    purposes = " ".join(names(result.draft.purposes)).lower()
    recipients = descriptions(result.draft.recipients)
    assert purpose_word in purposes
    assert recipients
    assert all(recipient_word in text for text in recipients)
    assert all(purpose_word not in text for text in recipients)


@pytest.mark.parametrize(
    ("heading", "body", "field", "word"),
    [
        pytest.param(
            "Kenelle ja miksi?",
            "Tietoja käytetään laskutukseen ja asiakassuhteen hoitamiseen.",
            "purposes",
            "Laskutus",
            id="why-purposes",
        ),
        pytest.param(
            "Kenelle ja miksi?",
            "Tietoja käytetään laskutukseen.",
            "purposes",
            "Laskutus",
            id="why-one-purpose",
        ),
        (
            "Kenelle ja miksi?",
            "Tietoja luovutetaan Verohallinnolle lain edellyttämällä tavalla.",
            "recipients",
            "Verohallinnolle",
        ),
        (
            "Tietojen suojaus ja säilytys",
            "Tietoja säilytetään kuusi vuotta asiakassuhteen päättymisestä.",
            "retention",
            "kuusi vuotta",
        ),
    ],
    ids=["why-purposes", "why-one-purpose", "whom-recipients", "protect-keep"],
)
def test_two_thing_heading_follows_its_body_and_says_so(
    heading: str, body: str, field: str, word: str
) -> None:
    result = import_notice(CONTROLLER + f"{heading}\n\n{body}\n")
    entries = getattr(result.draft, field)
    assert any(word in text for text in names(entries) + descriptions(entries))
    toml = to_toml(result.draft, notes=result.notes)
    assert notes_for(result, field)
    assert any(heading in line for line in unsure_comments(toml))


TWO_PURPOSES = "Tietoja käytetään laskutukseen. Tietoja käytetään myös markkinointiin."


@pytest.mark.parametrize(
    "heading",
    [
        "Tietojen kerääminen ja suojaaminen",
        "TIETOJEN KERÄÄMINEN JA SUOJAAMINEN",
        "Kenelle ja miksi?",
        "Tietojen käyttö ja luovuttaminen",
        "Miten suojaamme tietosi?",
        pytest.param(
            "Evästeet ja tietoturva",
        ),
    ],
)
def test_guessed_heading_over_two_purpose_sentences_gives_purposes(heading: str) -> None:
    result = import_notice(CONTROLLER + f"{heading}\n\n{TWO_PURPOSES}\n")
    assert names(result.draft.purposes) == ["Laskutus", "Markkinointi"]
    assert result.draft.security == ()
    assert result.draft.recipients == ()
    assert result.draft.cookie_policy is None
    assert notes_for(result, "purposes")


@pytest.mark.parametrize(
    ("notice", "purpose_word"),
    [
        pytest.param(
            CONTROLLER_SV + "Insamling och skydd av uppgifter\n\nUppgifterna används för "
            "fakturering. Uppgifterna används också för marknadsföring.\n",
            "fakturering",
            id="sv-collect-protect",
        ),
        pytest.param(
            CONTROLLER_SV + "Cookies och datasäkerhet\n\nUppgifterna används för fakturering. "
            "Uppgifterna används också för marknadsföring.\n",
            "fakturering",
            id="sv-cookies-security",
        ),
        pytest.param(
            CONTROLLER_EN + "Collection and protection of data\n\nWe use the data for invoicing. "
            "We also use the data for marketing.\n",
            "invoicing",
            id="en-collect-protect",
        ),
        pytest.param(
            CONTROLLER_EN + "Cookies and security\n\nWe use the data for invoicing. "
            "We also use the data for marketing.\n",
            "invoicing",
            id="en-cookies-security",
        ),
    ],
)
def test_sv_en_two_thing_heading_over_purposes(notice: str, purpose_word: str) -> None:
    result = import_notice(notice)
    assert purpose_word in " ".join(names(result.draft.purposes)).lower()
    assert result.draft.security == ()
    assert result.draft.cookie_policy is None


@pytest.mark.parametrize(
    ("notice", "purpose_word"),
    [
        (
            CONTROLLER_SV + "Uppgifternas användning och utlämnande\n\nUppgifterna används för "
            "fakturering. Uppgifterna lämnas ut till Skatteförvaltningen enligt lag.\n",
            "fakturering",
        ),
        (
            CONTROLLER_EN + "Use and disclosure of data\n\nWe use the data for invoicing. "
            "We disclose data to the Tax Administration as required by law.\n",
            "invoicing",
        ),
    ],
    ids=["sv", "en"],
)
def test_sv_en_use_and_disclosure_heading_splits(notice: str, purpose_word: str) -> None:
    result = import_notice(notice)
    assert purpose_word in " ".join(names(result.draft.purposes)).lower()
    assert all(purpose_word not in text for text in descriptions(result.draft.recipients))


@pytest.mark.parametrize(
    "notice",
    [
        pytest.param(
            CONTROLLER + "Rekisterin käyttötarkoitus\n\nTiedot saadaan asiakkaalta itseltään. "
            "Tietoja käytetään laskutukseen.\n",
            id="purposes-heading",
        ),
        pytest.param(
            CONTROLLER + "Tietojen kerääminen ja suojaaminen\n\nTiedot saadaan asiakkaalta "
            "itseltään. Tiedot suojataan palomuurilla.\n",
            id="two-thing-heading",
        ),
    ],
)
def test_where_from_sentence_moves_to_sources(notice: str) -> None:
    result = import_notice(notice)
    assert [source.key for source in result.draft.sources] == ["data-subject"]
    assert notes_for(result, "sources")
    fields = names(result.draft.purposes) + descriptions(result.draft.security)
    assert not any("saadaan" in text for text in fields)


@pytest.mark.parametrize(
    ("heading", "body", "field"),
    [
        (
            "Miten suojaamme tietosi?",
            "Tietoja käytetään vain salatun yhteyden kautta.",
            "security",
        ),
        (
            "Tietojen kerääminen ja suojaaminen",
            "Tietojen käyttöoikeus on vain niillä, jotka tarvitsevat tietoja laskutukseen.",
            "security",
        ),
        (
            "Kuinka kauan tietoja säilytetään?",
            "Tietoja käytetään laskutukseen kuuden vuoden ajan.",
            "retention",
        ),
        (
            "How long do we keep your data?",
            "We use the data for invoicing for six years.",
            "retention",
        ),
    ],
    ids=["protect-encrypted", "collect-protect-access", "keep-six-years", "en-keep-six-years"],
)
def test_one_use_sentence_does_not_override_the_heading(
    heading: str, body: str, field: str
) -> None:
    result = import_notice(CONTROLLER + f"{heading}\n\n{body}\n")
    assert getattr(result.draft, field)
    assert result.draft.purposes == ()
    assert result.draft.rights == ()


@pytest.mark.parametrize(
    "notice",
    [
        pytest.param(
            "<h2>Rekisterinpitäjä</h2><p>Kuusimäen Puutarha Oy</p><h2>Mitä tietoja keräämme?</h2>"
            "<table><tr><th>Tieto</th><th>Säilytysaika</th></tr><tr><td>Nimi</td><td>6 vuotta</td>"
            "</tr><tr><td>Osoite</td><td>6 vuotta</td></tr></table>",
            id="table-retention-column",
        ),
        pytest.param(
            CONTROLLER + "Rekisterin tietosisältö\n\n- nimi (säilytetään 6 vuotta)\n"
            "- osoite (säilytetään 6 vuotta)\n",
            id="items-retention-remark",
        ),
    ],
)
def test_data_items_with_retention_stay_categories(notice: str) -> None:
    result = import_notice(notice)
    assert [name.lower() for name in names(result.draft.data_categories)] == ["nimi", "osoite"]
    assert not any(text.endswith(":") for text in descriptions(result.draft.retention))


def test_purpose_sentences_under_guessed_data_heading_are_no_categories() -> None:
    result = import_notice(
        CONTROLLER + f"Mitä tietoja keräämme?\n\nKeräämme nimen. {TWO_PURPOSES}\n"
    )
    assert not any("käytetään" in name for name in names(result.draft.data_categories))
    assert names(result.draft.purposes) == ["Laskutus", "Markkinointi"]


@pytest.mark.parametrize(
    ("heading", "lead_in"),
    [
        pytest.param(
            "Miten suojaamme tietosi?",
            "Keräämme tietoja seuraaviin tarkoituksiin:",
            id="protect-seuraaviin",
        ),
        pytest.param(
            "Mitä tietoja keräämme?",
            "Keräämme tietoja seuraaviin tarkoituksiin:",
            id="data-seuraaviin",
        ),
        pytest.param(
            "Kenelle tietoja annetaan?",
            "Keräämme tietoja seuraaviin tarkoituksiin:",
            id="recipients-seuraaviin",
        ),
        pytest.param(
            "Mitä tietoja keräämme?",
            "Seura käsittelee tietoja näihin tarkoituksiin:",
            id="data-naihin",
        ),
        pytest.param(
            "Kenelle tietoja annetaan?",
            "Seura käsittelee tietoja näihin tarkoituksiin:",
            id="recipients-naihin",
        ),
    ],
)
def test_purposes_lead_in_decides_under_guessed_heading(heading: str, lead_in: str) -> None:
    result = import_notice(
        CONTROLLER + f"{heading}\n\n{lead_in}\n- jäsenrekisterin ylläpito\n- tiedotus\n"
    )
    assert names(result.draft.purposes) == ["Jäsenrekisterin ylläpito", "Tiedotus"]
    assert result.draft.security == ()
    assert result.draft.data_categories == ()
    assert result.draft.recipients == ()


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        pytest.param(
            "Hur skyddar vi uppgifterna?",
            "Vi behandlar uppgifterna för följande ändamål:\n- medlemsregister\n- information",
            id="sv-protect",
        ),
        pytest.param(
            "Vilka uppgifter samlar vi in?",
            "Vi behandlar uppgifterna för följande ändamål:\n- medlemsregister\n- information",
            id="sv-data",
        ),
        pytest.param(
            "How do we protect your data?",
            "We process the data for the following purposes:\n- membership register\n- newsletters",
            id="en-protect",
        ),
        pytest.param(
            "Who receives your data?",
            "We process the data for the following purposes:\n- membership register\n- newsletters",
            id="en-recipients",
        ),
    ],
)
def test_sv_en_purposes_lead_in_decides_under_guessed_heading(heading: str, body: str) -> None:
    notice = (CONTROLLER_SV if heading.startswith(("Hur", "Vilka")) else CONTROLLER_EN) + heading
    result = import_notice(f"{notice}\n\n{body}\n")
    assert len(result.draft.purposes) == 2
    assert result.draft.security == ()
    assert result.draft.recipients == ()


def _data_table(heading: str, columns: tuple[str, str], rows: tuple[tuple[str, str], ...]) -> str:
    header = "".join(f"<th>{column}</th>" for column in columns)
    body = "".join(f"<tr><td>{first}</td><td>{second}</td></tr>" for first, second in rows)
    return (
        "<h2>Rekisterinpitäjä</h2><p>Kuusimäen Puutarha Oy</p>"
        f"<h2>{heading}</h2><table><tr>{header}</tr>{body}</table>"
    )


@pytest.mark.parametrize(
    ("columns", "rows"),
    [
        (("Tieto", "Lähde"), (("Nimi", "asiakas itse"), ("Osoite", "Postin osoitepalvelu"))),
        (("Tieto", "Käyttötarkoitus"), (("Nimi", "laskutus"), ("Osoite", "toimitus"))),
        (("Tieto", "Vastaanottaja"), (("Nimi", "Verohallinto"), ("Osoite", "Posti"))),
    ],
    ids=["source-column", "purpose-column", "recipient-column"],
)
def test_data_table_under_guessed_heading_stays_data(
    columns: tuple[str, str], rows: tuple[tuple[str, str], ...]
) -> None:
    result = import_notice(_data_table("Mitä tietoja keräämme?", columns, rows))
    assert [name.split(" (")[0] for name in names(result.draft.data_categories)] == [
        "Nimi",
        "Osoite",
    ]
    assert result.draft.purposes == ()
    assert result.draft.recipients == ()


def test_mixed_body_under_two_thing_heading_is_split() -> None:
    result = import_notice(
        CONTROLLER + "Tietojen kerääminen ja suojaaminen\n\n"
        f"{TWO_PURPOSES} Palvelin on lukitussa tilassa.\n"
    )
    assert names(result.draft.purposes) == ["Laskutus", "Markkinointi"]
    assert descriptions(result.draft.security) == ["Palvelin on lukitussa tilassa."]


def test_processors_question_gives_processors() -> None:
    result = import_notice(
        CONTROLLER + "Ketkä käsittelevät tietoja puolestamme?\n\n- Pilvipalvelu Oy (palvelintila)\n"
    )
    assert names(result.draft.processors) == ["Pilvipalvelu Oy"]
    assert result.draft.data_categories == ()


def test_transfer_question_with_bare_denial() -> None:
    result = import_notice(CONTROLLER + "Siirretäänkö tietoja ulkomaille?\n\nEi siirretä.\n")
    assert "transfers" in {item.value for item in result.draft.none_stated}
    assert result.draft.data_categories == ()


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        pytest.param(
            "Onko tietojen antaminen pakollista",
            "Tietojen antaminen on vapaaehtoista.",
            id="no-question-mark",
        ),
        pytest.param(
            "Onko tietojen antaminen pakollista?",
            "Tietojen antaminen on vapaaehtoista.",
            id="question-mark",
        ),
        pytest.param(
            "Voinko tarkastaa tietoni?",
            "Voit tarkastaa tietosi lähettämällä pyynnön.",
            id="rights-question",
        ),
    ],
)
def test_question_after_controller_block_is_no_other_name(heading: str, body: str) -> None:
    result = import_notice(CONTROLLER + f"{heading}\n\n{body}\n")
    word = heading.rsplit(maxsplit=1)[-1].rstrip("?")
    assert not any(word in note for note in notes_for(result, "controller"))
    assert "controller" not in {
        span.field for span in result.mapped if word in result.text[span.start : span.end]
    }


def test_how_to_use_rights_is_no_controller_section() -> None:
    result = import_notice(
        CONTROLLER + "Miten voit käyttää oikeuksiasi?\n\n"
        "Lähetä pyyntö osoitteeseen tietosuoja@example.com.\n"
    )
    assert result.draft.rights_exercise is not None
    assert not any("Lähetä" in note for note in notes_for(result, "controller"))


# --- 2. Guessed means marked ------------------------------------------------------

GUESSED = [
    ("Miten suojaamme tietosi?", "Palvelin on lukitussa tilassa.", "security"),
    (
        "Kuinka kauan tietojasi säilytetään?",
        "Tietoja säilytetään kuusi vuotta asiakassuhteen päättymisestä.",
        "retention",
    ),
    (
        "Kenelle tietoja annetaan?",
        "Tietoja luovutetaan Verohallinnolle lain edellyttämällä tavalla.",
        "recipients",
    ),
    ("Mitä tietoja keräämme?", "- nimi\n- osoite", "data_categories"),
    ("Keiden tietoja käsittelemme?", "- asiakkaat\n- jäsenet", "data_subjects"),
    (
        "Siirretäänkö tietoja EU:n ulkopuolelle?",
        "Kyllä: Yhdysvaltoihin ja Intiaan.",
        "transfers",
    ),
    ("Mistä saamme tietosi", "Tiedot saadaan asiakkaalta itseltään.", "sources"),
    ("Säilytämme tietoja", "Tietoja säilytetään kuusi vuotta.", "retention"),
    ("Hur skyddar vi uppgifterna?", "Servern finns i ett låst utrymme.", "security"),
    ("Hur länge sparas uppgifterna?", "Uppgifterna sparas i sex år.", "retention"),
    ("How do we protect your data?", "The server is in a locked room.", "security"),
    (
        "Who do we share your data with?",
        "We disclose data to the Tax Administration as required by law.",
        "recipients",
    ),
    ("**Miten suojaamme tietosi?**", "Palvelin on lukitussa tilassa.", "security"),
    ("3) Kuinka kauan tietoja pidetään", "Tietoja säilytetään kaksi vuotta.", "retention"),
]


@pytest.mark.parametrize(("heading", "body", "field"), GUESSED, ids=[g[0] for g in GUESSED])
def test_field_from_guessed_heading_is_marked(heading: str, body: str, field: str) -> None:
    result = import_notice(CONTROLLER + f"{heading}\n\n{body}\n")
    assert getattr(result.draft, field), f"{field} not filled"
    field_notes = notes_for(result, field)
    assert field_notes, f"no note on {field}"
    toml = to_toml(result.draft, notes=result.notes)
    comments = "\n".join(unsure_comments(toml))
    assert all(note[:40] in comments for note in field_notes)
    assert re.search(r"\b1 heading\(s\) guessed", result.summary_line("seloste.txt"))


def test_rights_from_guessed_heading_is_marked() -> None:
    result = import_notice(
        CONTROLLER + "Mitä oikeuksia sinulla on?\n\nSinulla on oikeus tarkastaa tietosi.\n"
    )
    assert result.draft.rights
    assert [key for key in result.notes if key == "rights" or key.startswith("rights[")]


def test_report_counts_guessed_headings() -> None:
    result = import_notice(
        CONTROLLER + "Miten suojaamme tietosi?\n\nPalvelin on lukitussa tilassa.\n\n"
        "Rekisterin käyttötarkoitus\n\nLaskutus.\n\n"
        "Kuinka kauan tietojasi säilytetään?\n\nTietoja säilytetään kaksi vuotta.\n"
    )
    assert re.search(r"\b2 heading\(s\) guessed", result.summary_line("seloste.txt"))
    guessed = [finding for finding in result.findings if finding.code == "I015"]
    assert len(guessed) == 2
    assert {result.text[int(f.path[5:].split(":")[0]) :].split("\n")[0] for f in guessed} == {
        "Miten suojaamme tietosi?",
        "Kuinka kauan tietojasi säilytetään?",
    }


KNOWN = (
    "1. Rekisterinpitäjä\n\nKuusimäen Puutarha Oy\nKuusitie 2, 33100 Tampere\n\n"
    "3. Rekisterin nimi\n\nAsiakasrekisteri\n\n"
    "4. Rekisterin käyttötarkoitus\n\nLaskutus.\n\n"
    "5. Rekisterin tietosisältö\n\n- nimi\n- osoite\n\n"
    "6. Säännönmukaiset tietolähteet\n\nAsiakkaalta itseltään.\n\n"
    "7. Tietojen säännönmukaiset luovutukset\n\n"
    "Tietoja luovutetaan Verohallinnolle lain edellyttämällä tavalla.\n\n"
    "8. Tietojen siirto EU:n tai ETA:n ulkopuolelle\n\n"
    "Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.\n\n"
    "9. Rekisterin suojauksen periaatteet\n\nPalvelin on lukitussa tilassa.\n"
)


def test_old_model_form_headings_are_not_reported_as_guessed() -> None:
    result = import_notice(KNOWN)
    assert not [finding for finding in result.findings if finding.code == "I015"]
    assert not re.search(r"\b[1-9]\d* heading\(s\) guessed", result.summary_line("seloste.txt"))
    assert names(result.draft.purposes) == ["Laskutus"]
    assert descriptions(result.draft.security) == ["Palvelin on lukitussa tilassa."]
    assert not [note for notes in result.notes.values() for note in notes if "by its words" in note]
    assert result.guessed == ()


def test_guessed_count_reaches_the_command_line(tmp_path: Path) -> None:
    notice = tmp_path / "seloste.txt"
    notice.write_text(
        CONTROLLER + "Miten suojaamme tietosi?\n\nPalvelin on lukitussa tilassa.\n",
        encoding="utf-8",
    )
    code, _, stderr = run_cli("import", str(notice), "-o", str(tmp_path / "draft.toml"))
    assert code == 1
    assert re.search(r"\b1 heading\(s\) guessed", stderr)
    toml = (tmp_path / "draft.toml").read_text(encoding="utf-8")
    assert any("Miten suojaamme tietosi?" in line for line in unsure_comments(toml))


# --- 3. Nothing lost silently -----------------------------------------------------


@pytest.mark.parametrize(
    ("notice", "people"),
    [
        (
            CONTROLLER + "Rekisterin tietosisältö\n\nKäsittelemme asiakkaiden, jäsenten ja "
            "työnhakijoiden tietoja: nimi, osoite ja puhelinnumero.\n",
            ("asiakka", "jäsen", "työnhakij"),
        ),
        (
            CONTROLLER_EN + "What data do we process?\n\nWe process data on customers, members "
            "and job applicants: name, address and phone number.\n",
            ("customer", "member", "applicant"),
        ),
    ],
    ids=["fi-known-heading", "en-guessed-heading"],
)
def test_people_before_a_colon_list_are_not_lost(notice: str, people: tuple[str, ...]) -> None:
    result = import_notice(notice)
    toml = to_toml(result.draft, notes=result.notes).lower()
    unmatched = " ".join(passage.text for passage in result.unmatched).lower()
    assert all(word in toml or word in unmatched for word in people)
    assert len(result.draft.data_categories) == 3


@pytest.mark.parametrize(
    "notice",
    [
        "Rekisterinpitäjä\n\nKuusimäen Puutarha Oy\n- nimi\n- osoite\n",
        CONTROLLER + "Yhteystiedot\n\n- nimi\n- osoite\n- puhelinnumero\n",
    ],
    ids=["in-block", "contact-heading"],
)
def test_data_item_list_under_contact_heading_is_not_lost(notice: str) -> None:
    result = import_notice(notice)
    toml = to_toml(result.draft, notes=result.notes).lower()
    unmatched = " ".join(passage.text for passage in result.unmatched).lower()
    assert all(word in toml or word in unmatched for word in ("nimi", "osoite"))


def test_people_label_lines_give_subjects() -> None:
    result = import_notice(
        CONTROLLER + "Rekisterin tietosisältö\n\nAsiakkaat: nimi, osoite.\nJäsenet: jäsennumero.\n"
    )
    assert names(result.draft.data_subjects) == ["Asiakkaat", "Jäsenet"]
    assert "Jäsenet" not in names(result.draft.data_categories)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("- Asiakkaat: nimi, osoite\n- Jäsenet: jäsennumero", id="bulleted"),
        pytest.param("Asiakkaista: nimi, osoite.\nJäsenistä: jäsennumero.", id="elative"),
    ],
)
def test_people_label_lines_in_other_shapes(body: str) -> None:
    result = import_notice(CONTROLLER + f"Rekisterin tietosisältö\n\n{body}\n")
    assert names(result.draft.data_subjects) == ["Asiakkaat", "Jäsenet"]
    assert "Nimi" in names(result.draft.data_categories)


@pytest.mark.parametrize(
    "items",
    ["Säilytysaika\nTietoturva\nNimi", "- Nimi\n- Osoite"],
    ids=["short-lines", "bulleted"],
)
def test_lead_in_list_after_controller_block_is_data(items: str) -> None:
    result = import_notice(CONTROLLER + f"Rekisteriin tallennetaan seuraavat tiedot:\n{items}\n")
    assert "Nimi" in names(result.draft.data_categories)
    assert not any("Tietoturva" in note for note in notes_for(result, "controller"))


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Data retention: 6 years after the customer relationship ends.", id="en"),
        pytest.param("Säilytysaika: 6 vuotta asiakassuhteen päättymisestä.", id="fi"),
    ],
)
def test_retention_label_line_after_controller_block(line: str) -> None:
    result = import_notice(CONTROLLER + f"{line}\n")
    assert len(result.draft.retention) == 1
    assert result.unmatched == ()


def test_glued_register_name_with_inner_capital() -> None:
    result = import_notice("Rekisterin nimiiPhone-sovelluksen käyttäjärekisteri\n")
    assert result.draft.name is not None
    assert _text(result.draft.name) == "iPhone-sovelluksen käyttäjärekisteri"


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("Muut tiedot", "Lisätietoja antaa asiakaspalvelumme arkisin."),
        ("Övriga uppgifter", "Mer information ger vår kundtjänst."),
        ("Other information", "Our customer service gives more information."),
        ("10. Muut tiedot", "Lisätietoja antaa asiakaspalvelumme arkisin."),
    ],
    ids=["fi", "sv", "en", "fi-numbered"],
)
def test_other_information_goes_to_the_description(heading: str, body: str) -> None:
    result = import_notice(
        CONTROLLER + f"Rekisterin käyttötarkoitus\n\nLaskutus.\n\n{heading}\n\n{body}\n"
    )
    assert result.draft.description is not None
    assert body in _text(result.draft.description)
    assert names(result.draft.purposes) == ["Laskutus"]


def test_processors_from_recipients_list_are_noted() -> None:
    result = import_notice(
        CONTROLLER + "Tietojen säännönmukaiset luovutukset\n\n"
        "Käytämme seuraavia palveluntarjoajia:\n- Pilvipalvelu Oy (palvelintila)\n"
        "- Tilitoimisto Luku Oy (kirjanpito)\n"
    )
    assert names(result.draft.processors) == ["Pilvipalvelu Oy", "Tilitoimisto Luku Oy"]
    assert notes_for(result, "processors")


POOL_HEADINGS = (
    "Rekisterin tietosisältö",
    "Mitä tietoja keräämme?",
    "Tietojen luovutukset",
    "Rekisteröidyt",
    "Henkilötietojen käsittelijät",
    "Miten suojaamme tietosi?",
    "Rekisterin käyttötarkoitus",
    "Mistä tiedot saadaan?",
    "Kuinka kauan tietoja säilytetään?",
    "Keiden tietoja käsittelemme?",
    "Asiakaspalaute",
    "Oikeutesi",
    "Muut tiedot",
    "Tietojen siirto EU:n ulkopuolelle",
    "Hur skyddar vi uppgifterna?",
    "Mottagare av personuppgifter",
    "How long do we keep your data?",
    "Recipients",
)
POOL_BODIES = (
    "Tietoja käytetään laskutukseen ja markkinointiin.",
    "- asiakkaat\n- jäsenet\n- työnhakijat",
    "- nimi\n- osoite\n- puhelinnumero",
    "Palveluntarjoajamme Pilvipalvelu Oy käsittelee tietoja puolestamme.",
    "Tietoja luovutetaan Verohallinnolle lain nojalla.",
    "Tietoja ei luovuteta ulkopuolisille.",
    "Palvelin on lukitussa tilassa.",
    "Tiedot saadaan asiakkaalta itseltään.",
    "Tietoja säilytetään kuusi vuotta asiakassuhteen päättymisestä.",
    "Sinulla on oikeus tarkastaa tietosi.",
    "Käytämme alihankkijana Tilitoimisto Luku Oy:tä kirjanpitoon.",
    "Tietoja siirretään Yhdysvaltoihin vakiolausekkeiden perusteella.",
    "Palautteet käydään läpi viikoittain.",
    "Vårt personuppgiftsbiträde Molntjänst Ab behandlar uppgifterna för vår räkning.",
    "We keep the data for six years.",
)


def _pool_notice(index: int) -> str:
    """A notice of three sections from the pools, different for each *index*."""
    parts = [CONTROLLER]
    for step in range(3):
        heading = POOL_HEADINGS[(index * 7 + step * 5) % len(POOL_HEADINGS)]
        body = POOL_BODIES[(index * 11 + step * 3) % len(POOL_BODIES)]
        parts.append(f"{heading}\n\n{body}\n\n")
    return "".join(parts)


@pytest.mark.parametrize("chunk", range(3))
def test_mapped_words_reach_the_draft(chunk: int) -> None:
    for index in range(chunk * 15, chunk * 15 + 15):
        result = import_notice(_pool_notice(index))
        toml = to_toml(result.draft, notes=result.notes).lower()
        assert silent_gaps(result) == ""
        for span in result.mapped:
            if span.field.startswith("heading:"):
                continue
            words = re.findall(r"[^\W\d_]{5,}", result.text[span.start : span.end].lower())
            lost = [word for word in words if word[:5] not in toml]
            assert not lost, (index, span.field, lost)


ATTACKS = {
    "two-thing": CONTROLLER + "Tietojen kerääminen ja suojaaminen\n\n"
    "Keräämme tietoja seuraaviin tarkoituksiin:\n- laskutus\n- ajanvaraus\n",
    "question-mixed": CONTROLLER + "Kenelle ja miksi?\n\nTietoja käytetään laskutukseen. "
    "Tietoja luovutetaan Verohallinnolle.\n",
    "unknown-and-guessed": CONTROLLER + "Asiakaspalaute\n\nPalautteet luetaan.\n\n"
    "Miten suojaamme tietosi?\n\nPalvelin on lukitussa tilassa.\n",
    "processor-and-denial": CONTROLLER + "Tietojen säännönmukaiset luovutukset\n\n"
    "Tietoja ei luovuteta ulkopuolisille. "
    "Palveluntarjoajamme Pilvipalvelu Oy käsittelee tietoja puolestamme.\n",
    "subjects-and-data": CONTROLLER + "Rekisterin tietosisältö\n\n"
    "Rekisteriin tallennetaan asiakkaiden ja jäsenten tiedot:\n- nimi\n- osoite\n",
    "heading-per-line": CONTROLLER + "\n".join(f"Mitä tietoja keräämme {i}?" for i in range(40)),
    "questions-only": "Mitä?\nMiksi?\nKenelle?\nMistä?\nKuinka kauan?\n",
    "bold-runs-html": "<h2>Rekisterinpitäjä</h2><p>Kuusimäen Puutarha Oy</p>"
    + "".join(f"<p><b>Miksi {i}?</b> Tietoja käytetään laskutukseen.</p>" for i in range(20)),
    "sv-processor": CONTROLLER_SV + "Mottagare av personuppgifter\n\n"
    "Våra personuppgiftsbiträden är Molntjänst Ab och Löneservice Ab.\n",
}


@pytest.mark.parametrize("notice", list(ATTACKS.values()), ids=list(ATTACKS))
def test_every_character_is_mapped_or_listed(notice: str, tmp_path: Path) -> None:
    result = import_notice(notice)
    assert silent_gaps(result) == ""
    assert round_trips(result, tmp_path)
    shares = result.shares
    assert abs(sum(shares.values()) - 1) < 1e-9
    assert f"({len(result.unmatched)} passage(s))" in result.summary_line("x")


@pytest.mark.parametrize(
    "options",
    [
        ("-o", "{tmp}/a.toml"),
        ("-o", "{tmp}/b.toml", "--report", "{tmp}/b.txt"),
        ("-o", "{tmp}/c.toml", "--format", "json", "--report", "{tmp}/c.json"),
        ("-o", "{tmp}/d.toml", "--format", "json"),
        ("-o", "{tmp}/e.toml", "--exit-zero"),
        ("--format", "json", "--report", "{tmp}/f.json"),
        (),
    ],
    ids=["o", "o-report", "o-json-report", "o-json", "exit-zero", "json-report", "plain"],
)
def test_summary_line_on_every_run(options: tuple[str, ...], tmp_path: Path) -> None:
    notice = tmp_path / "seloste.txt"
    notice.write_text(ATTACKS["unknown-and-guessed"], encoding="utf-8")
    args = [option.format(tmp=tmp_path) for option in options]
    code, _, stderr = run_cli("import", str(notice), *args)
    assert code == (0 if "--exit-zero" in args else 1)
    lines = [line for line in stderr.splitlines() if line.startswith(f"{notice}: ")]
    assert len(lines) == 1
    assert "not mapped (2 passage(s))" in lines[0]
    assert re.search(r"\b1 heading\(s\) guessed", lines[0])
    for written in tmp_path.glob("[a-f].*"):
        assert written.stat().st_size > 0


def test_summary_line_for_standard_input(tmp_path: Path) -> None:
    outcome = CliRunner().invoke(
        cli,
        ["import", "-", "-o", str(tmp_path / "draft.toml")],
        input=ATTACKS["unknown-and-guessed"].encode(),
    )
    assert outcome.exit_code == 1
    lines = [line for line in outcome.stderr.splitlines() if line.startswith("<stdin>: ")]
    assert len(lines) == 1
    assert "not mapped (2 passage(s))" in lines[0]
    assert (tmp_path / "draft.toml").read_text(encoding="utf-8").count("# importer unsure") >= 1


def test_json_report_lists_unmatched_with_offsets(tmp_path: Path) -> None:
    notice = tmp_path / "seloste.txt"
    notice.write_text(ATTACKS["unknown-and-guessed"], encoding="utf-8")
    report = tmp_path / "report.json"
    run_cli(
        "import", str(notice), "-o", str(tmp_path / "d.toml"), "-f", "json", "--report", str(report)
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    text = ATTACKS["unknown-and-guessed"]
    passages = data["unmatched"]
    assert [p["text"] for p in passages] == ["Asiakaspalaute", "Palautteet luetaan."]
    assert all(text[p["start"] : p["end"]] == p["text"] for p in passages)
    assert "I015" in {finding["code"] for finding in data["findings"]}


# --- 4. Processors vs recipients; data subjects vs categories --------------------

PROCESSORS = {
    "fi-sentence": (
        CONTROLLER + "Tietojen säännönmukaiset luovutukset\n\n"
        "Palveluntarjoajamme Pilvipalvelu Oy käsittelee tietoja puolestamme.\n",
        ["Pilvipalvelu Oy"],
    ),
    "fi-guessed-heading": (
        CONTROLLER + "Kenelle tietoja annetaan?\n\n"
        "Palveluntarjoajamme Pilvipalvelu Oy käsittelee tietoja puolestamme.\n",
        ["Pilvipalvelu Oy"],
    ),
    "fi-list": (
        CONTROLLER + "Tietojen säännönmukaiset luovutukset\n\n"
        "Käytämme seuraavia henkilötietojen käsittelijöitä:\n"
        "- Pilvipalvelu Oy (palvelintila)\n- Tilitoimisto Luku Oy (kirjanpito)\n",
        ["Pilvipalvelu Oy", "Tilitoimisto Luku Oy"],
    ),
    "sv-sentence": (
        CONTROLLER_SV + "Mottagare av personuppgifter\n\n"
        "Vårt personuppgiftsbiträde Molntjänst Ab behandlar uppgifterna för vår räkning.\n",
        ["Molntjänst Ab"],
    ),
    "sv-two": (
        CONTROLLER_SV + "Mottagare av personuppgifter\n\n"
        "Våra personuppgiftsbiträden är Molntjänst Ab och Löneservice Ab.\n",
        ["Molntjänst Ab", "Löneservice Ab"],
    ),
    "en-sentence": (
        CONTROLLER_EN + "Recipients of personal data\n\n"
        "Our service provider Cloudhost Ltd processes the data on our behalf.\n",
        ["Cloudhost Ltd"],
    ),
    "en-list": (
        CONTROLLER_EN + "Recipients\n\nThe following service providers process personal data "
        "on our behalf: Cloudhost Ltd and Mailer Ltd.\n",
        ["Cloudhost Ltd", "Mailer Ltd"],
    ),
}


def _processor_case(key: str) -> object:
    notice, expected = PROCESSORS[key]
    return pytest.param(notice, expected, id=key)


@pytest.mark.parametrize(("notice", "expected"), [_processor_case(key) for key in PROCESSORS])
def test_processor_under_recipients_heading_is_a_processor(
    notice: str, expected: list[str]
) -> None:
    result = import_notice(notice)
    assert names(result.draft.processors) == expected
    assert result.draft.recipients == ()


@pytest.mark.parametrize(
    ("notice", "service"),
    [
        (
            "<h2>Mottagare</h2><ul><li>Molntjänst Ab, personuppgiftsbiträde (server)</li></ul>",
            "(server)",
        ),
        (
            (
                "<h2>Recipients</h2><ul><li>Cloudhost Ltd – processes data on our behalf (hosting)"
                "</li></ul>"
            ),
            "(hosting)",
        ),
    ],
    ids=["sv", "en"],
)
def test_processor_service_keeps_its_brackets(notice: str, service: str) -> None:
    result = import_notice(notice)
    assert len(result.draft.processors) == 1
    processor = result.draft.processors[0]
    assert processor.service is not None
    assert service in _text(processor.service)


@pytest.mark.parametrize(
    "notice",
    [
        CONTROLLER + "Tietojen säännönmukaiset luovutukset\n\n"
        "Palveluntarjoajamme Pilvipalvelu Oy käsittelee tietoja puolestamme.\n",
        CONTROLLER_SV + "Mottagare av personuppgifter\n\n"
        "Vårt personuppgiftsbiträde Molntjänst Ab behandlar uppgifterna för vår räkning.\n",
        CONTROLLER_EN + "Recipients of personal data\n\n"
        "Our service provider Cloudhost Ltd processes the data on our behalf.\n",
    ],
    ids=["fi", "sv", "en"],
)
def test_processor_sentence_is_a_processor_and_noted(notice: str) -> None:
    result = import_notice(notice)
    assert len(result.draft.processors) == 1
    assert result.draft.recipients == ()
    assert notes_for(result, "processors")


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ("Tietoja luovutetaan Verohallinnolle lain edellyttämällä tavalla.", "Verohallinnolle"),
        (
            "Tietoja luovutetaan viranomaisille lakiin perustuvan velvoitteen nojalla.",
            "viranomaisille",
        ),
        ("Maksutiedot luovutetaan pankille maksun välittämiseksi.", "pankille"),
        ("Liiketoimintakaupan yhteydessä tiedot voidaan luovuttaa ostajalle.", "ostajalle"),
        ("Tietoja luovutetaan Kelalle sairausvakuutuslain nojalla.", "Kelalle"),
    ],
    ids=["tax-authority", "authorities-by-law", "bank", "buyer", "kela"],
)
def test_authority_bank_or_buyer_stays_a_recipient(body: str, word: str) -> None:
    result = import_notice(CONTROLLER + f"Tietojen säännönmukaiset luovutukset\n\n{body}\n")
    assert result.draft.processors == ()
    recipients = descriptions(result.draft.recipients) + names(result.draft.recipients)
    assert any(word in text for text in recipients)


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("Tietojen säännönmukaiset luovutukset", "Tietoja ei luovuteta ulkopuolisille."),
        ("Tietojen luovutukset", "Emme luovuta tietoja kenellekään."),
        ("Kenelle tietoja annetaan?", "Tietoja ei luovuteta ulkopuolisille."),
        ("Regelbundet utlämnande av uppgifter", "Uppgifterna lämnas inte ut till utomstående."),
        ("Recipients of personal data", "We do not disclose personal data to anyone."),
        (
            "Tietojen säännönmukaiset luovutukset",
            "Tietoja ei myydä eikä luovuteta ulkopuolisille.",
        ),
        ("Recipients of personal data", "We do not sell or disclose your data."),
        pytest.param(
            "Tietojen säännönmukaiset luovutukset",
            "Säännönmukaisia luovutuksia ei ole.",
            id="fi-none-exist",
        ),
    ],
    ids=["fi", "fi-we", "fi-guessed", "sv", "en", "fi-not-sold-nor", "en-sell-or", "fi-none-exist"],
)
def test_denial_still_sets_none_stated(heading: str, body: str) -> None:
    result = import_notice(CONTROLLER + f"{heading}\n\n{body}\n")
    assert "recipients" in {item.value for item in result.draft.none_stated}
    assert result.draft.recipients == ()
    assert result.draft.processors == ()


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "Tietoja ei luovuteta ulkopuolisille muutoin kuin lain edellyttämissä tapauksissa "
            "viranomaisille.",
            id="muutoin-kuin",
        ),
        pytest.param(
            "Tietoja ei luovuteta ulkopuolisille, lukuun ottamatta Verohallintoa.",
            id="lukuun-ottamatta",
        ),
        pytest.param("Tietoja ei luovuteta ulkopuolisille paitsi Verohallinnolle.", id="paitsi"),
        pytest.param("Vi lämnar inte ut uppgifter utom till Skatteförvaltningen.", id="sv-utom"),
        pytest.param("We do not disclose data except to the Tax Administration.", id="en-except"),
    ],
)
def test_denial_with_exception_is_no_none(body: str) -> None:
    result = import_notice(CONTROLLER + f"Tietojen säännönmukaiset luovutukset\n\n{body}\n")
    assert "recipients" not in {item.value for item in result.draft.none_stated}
    assert result.draft.recipients


@pytest.mark.parametrize(
    "body", ["Emme myy tietojasi.", "We do not sell your data."], ids=["fi", "en"]
)
def test_we_do_not_sell_is_no_recipient(body: str) -> None:
    result = import_notice(CONTROLLER + f"Tietojen säännönmukaiset luovutukset\n\n{body}\n")
    assert result.draft.recipients == ()


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        pytest.param(
            "Tietojen säännönmukaiset luovutukset",
            "Emme käytä alihankkijoita.",
            id="fi-subcontractors",
        ),
        pytest.param(
            "Tietojen säännönmukaiset luovutukset",
            "Emme käytä henkilötietojen käsittelijöitä.",
            id="fi-processors",
        ),
        pytest.param("Henkilötietojen käsittelijät", "Ei käytetä.", id="fi-bare"),
        pytest.param(
            "Personuppgiftsbiträden",
            "Vi använder inga personuppgiftsbiträden.",
            id="sv",
        ),
        pytest.param("Processors", "We do not use processors.", id="en"),
    ],
)
def test_processor_denial_sets_none_stated(heading: str, body: str) -> None:
    result = import_notice(CONTROLLER + f"{heading}\n\n{body}\n")
    assert "processors" in {item.value for item in result.draft.none_stated}
    assert result.draft.processors == ()
    assert result.draft.recipients == ()


def test_denial_and_processor_both_kept() -> None:
    result = import_notice(ATTACKS["processor-and-denial"])
    assert "recipients" in {item.value for item in result.draft.none_stated}
    assert len(result.draft.processors) == 1
    assert "Pilvipalvelu Oy" in names(result.draft.processors)[0]
    assert result.draft.recipients == ()


@pytest.mark.parametrize(
    ("notice", "subjects", "categories"),
    [
        (
            CONTROLLER + "Rekisterin tietosisältö\n\nRekisteriin tallennetaan asiakkaiden, "
            "jäsenten ja työnhakijoiden tiedot:\n- nimi\n- osoite\n- puhelinnumero\n",
            ["Asiakkaat", "Jäsenet", "Työnhakijat"],
            ["Nimi", "Osoite", "Puhelinnumero"],
        ),
        (
            CONTROLLER + "Rekisteröidyt\n\nAsiakkaat, jäsenet ja työnhakijat.\n\n"
            "Rekisterin tietosisältö\n\nNimi, osoite ja puhelinnumero.\n",
            ["Asiakkaat", "Jäsenet", "Työnhakijat"],
            ["Nimi", "Osoite", "Puhelinnumero"],
        ),
        (
            CONTROLLER_EN + "Data subjects\n\nCustomers, members and job applicants.\n\n"
            "Personal data\n\nName, address and phone number.\n",
            ["Customers", "Members", "Job applicants"],
            ["Name", "Address", "Phone number"],
        ),
        (
            CONTROLLER + "Rekisterin tietosisältö\n\n- jäsenet\n- asiakkaan nimi\n"
            "- työnhakijoiden hakemukset\n",
            ["Jäsenet"],
            ["Asiakkaan nimi", "Työnhakijoiden hakemukset"],
        ),
    ],
    ids=["fi-sentence", "fi-sections", "en-sections", "fi-mixed-list"],
)
def test_people_are_subjects_items_are_categories(
    notice: str, subjects: list[str], categories: list[str]
) -> None:
    result = import_notice(notice)
    found_subjects = names(result.draft.data_subjects)
    assert all(subject in found_subjects for subject in subjects)
    assert names(result.draft.data_categories) == categories
    assert not set(found_subjects) & set(categories)


@pytest.mark.parametrize(
    ("notice", "item", "people"),
    [
        pytest.param(CONTROLLER + "Rekisteröidyt\n\nNimi ja osoite.\n", "Nimi", (), id="fi-items"),
        pytest.param(
            CONTROLLER_EN + "Data subjects\n\nWe process data on customers and members: "
            "name and address.\n",
            "Name",
            ("customer", "member"),
            id="en-sentence",
        ),
        pytest.param(
            CONTROLLER_SV + "Kategorier av registrerade\n\nVi behandlar uppgifter om kunder och "
            "medlemmar: namn och adress.\n",
            "Namn",
            ("kunder", "medlemmar"),
            id="sv-sentence",
        ),
    ],
)
def test_data_items_under_subjects_heading_are_no_subjects(
    notice: str, item: str, people: tuple[str, ...]
) -> None:
    result = import_notice(notice)
    assert item not in names(result.draft.data_subjects)
    toml = to_toml(result.draft, notes=result.notes).lower()
    assert all(word in toml for word in people)


def test_firm_acting_on_our_behalf_is_a_processor() -> None:
    result = import_notice(
        CONTROLLER + "Tietojen säännönmukaiset luovutukset\n\n"
        "Perintätoimisto Perintä Oy perii saatavat puolestamme.\n"
    )
    assert names(result.draft.processors) == ["Perintätoimisto Perintä Oy"]
    assert result.draft.recipients == ()


@pytest.mark.parametrize("heading", ["Rekisterin tietosisältö", "Mitä tietoja keräämme?"])
def test_sentence_naming_people_in_register_gives_subjects(heading: str) -> None:
    result = import_notice(
        CONTROLLER + f"{heading}\n\n- nimi\n- osoite\n\nRekisterissä on jäsenet ja lahjoittajat.\n"
    )
    assert names(result.draft.data_subjects) == ["Jäsenet", "Lahjoittajat"]
    assert names(result.draft.data_categories) == ["Nimi", "Osoite"]


def test_people_lead_in_is_no_subject() -> None:
    result = import_notice(
        CONTROLLER + "Rekisterin tietosisältö\n\nRekisterissä on tietoja seuraavista henkilöistä:\n"
        "- asiakkaat\n- jäsenet\n"
    )
    assert names(result.draft.data_subjects) == ["Asiakkaat", "Jäsenet"]


def test_subjects_in_genitive_answer_are_named_in_nominative() -> None:
    result = import_notice(
        CONTROLLER + "Keiden tietoja käsittelemme?\n\nAsiakkaiden ja jäsenten.\n"
    )
    assert names(result.draft.data_subjects) == ["Asiakkaat", "Jäsenet"]


# --- 5. No identity code anywhere -------------------------------------------------

HETU = make_hetu(date(1994, 5, 1), 903, sign="Y")
HETU_2000 = make_hetu(date(2003, 2, 3), 944)
HETU_NEW_SIGN = make_hetu(date(2004, 2, 3), 955, sign="B")
SPELLINGS = {
    "standard": HETU,
    "lower": HETU.lower(),
    "dash": f"{HETU[:6]}-{HETU[7:]}",
    "space": f"{HETU[:6]} {HETU[7:]}",
    "spaced-sign": f"{HETU[:6]} y {HETU[7:]}",
    "no-sign": f"{HETU[:6]}{HETU[7:]}",
    "slash": f"{HETU[:6]}/{HETU[7:]}",
    "nbsp": f"{HETU[:6]}\u00a0{HETU[7:]}",
    "en-dash": f"{HETU[:6]}\u2013{HETU[7:]}",
    "soft-hyphen": f"{HETU[:7]}\u00ad{HETU[7:]}",
    "zero-width": f"{HETU[:4]}\u200b{HETU[4:]}",
    "line-break": f"{HETU[:6]}-\n{HETU[7:]}",
    "2000s-lower": HETU_2000.lower(),
    "new-sign": HETU_NEW_SIGN,
}


def leaks(output: str, code: str) -> bool:
    """Whether *output* shows *code*'s date and individual number together."""
    folded = _INVISIBLE.sub("", output).translate(_FULL_WIDTH)
    return re.search(re.escape(code[:6]) + r"\D{0,3}" + re.escape(code[7:10]), folded) is not None


def _code_of(spelling: str) -> str:
    return {"2000s-lower": HETU_2000, "new-sign": HETU_NEW_SIGN}.get(spelling, HETU)


PLACES = {
    "guessed-heading": lambda s: (
        CONTROLLER + f"Miten suojaamme tietosi {s}?\n\nPalvelin on lukittu.\n"
    ),
    "two-thing-heading": lambda s: (
        CONTROLLER + f"Tietojen kerääminen ja suojaaminen {s}\n\n"
        f"Keräämme tietoja seuraaviin tarkoituksiin:\n- laskutus {s}\n"
    ),
    "processor-line": lambda s: (
        CONTROLLER + f"Henkilötietojen käsittelijät\n\nPilvi {s} Oy – palvelintila\n"
    ),
    "processor-sentence": lambda s: (
        CONTROLLER + "Tietojen luovutukset\n\n"
        f"Palveluntarjoajamme {s} Oy käsittelee tietoja puolestamme.\n"
    ),
    "subjects": lambda s: CONTROLLER + f"Rekisteröidyt\n\nAsiakkaat, jäsenet ja {s}.\n",
    "subject-sentence": lambda s: (
        CONTROLLER + "Rekisterin tietosisältö\n\n"
        f"Rekisteriin tallennetaan asiakkaiden ja henkilön {s} tiedot.\n"
    ),
    "moved-sentence": lambda s: (
        CONTROLLER + "Rekisterin käyttötarkoitus\n\n"
        f"Laskutus. Tietoja säilytetään kuusi vuotta, esim. asiakas {s}.\n"
    ),
    "unknown-heading": lambda s: CONTROLLER + f"Asiakaspalaute {s}\n\nPalautteet {s} luetaan.\n",
    "html-heading": lambda s: (
        "<h2>Rekisterinpitäjä</h2><p>Kuusimäen Puutarha Oy</p>"
        f"<h3>Kenelle ja miksi {s}?</h3><p>Tietoja käytetään laskutukseen {s}.</p>"
    ),
}


@pytest.mark.parametrize("place", list(PLACES))
def test_no_identity_code_in_any_output(place: str) -> None:
    for spelling, written in SPELLINGS.items():
        result = import_notice(PLACES[place](written))
        outputs = {
            "toml": to_toml(result.draft, notes=result.notes),
            "notes": repr(dict(result.notes)),
            "findings": "\n".join(f"{f.code} {f.path} {f.message}" for f in result.findings),
            "unmatched": repr(result.unmatched),
            "summary": result.summary_line(f"seloste {written}.txt"),
            "draft": repr(result.draft),
        }
        shown = [name for name, output in outputs.items() if leaks(output, _code_of(spelling))]
        assert not shown, (spelling, shown)


def test_no_identity_code_from_the_command_line(tmp_path: Path) -> None:
    for spelling in ("lower", "space", "no-sign", "2000s-lower"):
        written = SPELLINGS[spelling]
        code = _code_of(spelling)
        notice = tmp_path / f"seloste {written}.txt"
        notice.write_text(
            PLACES["guessed-heading"](written)
            + PLACES["processor-sentence"](written)[len(CONTROLLER) :],
            encoding="utf-8",
        )
        draft = tmp_path / f"{spelling}.toml"
        report = tmp_path / f"{spelling}.json"
        _, stdout, stderr = run_cli(
            "import", str(notice), "-o", str(draft), "-f", "json", "--report", str(report)
        )
        _, stdout_2, stderr_2 = run_cli("import", str(notice), "-f", "json")
        for output in (
            stdout,
            stderr,
            stdout_2,
            stderr_2,
            draft.read_text(encoding="utf-8"),
            report.read_text(encoding="utf-8"),
        ):
            assert not leaks(output, code), spelling


# --- 6. Never a traceback -----------------------------------------------------------

HOSTILE = {
    "long-heading": CONTROLLER + "Tietojen " * 3000 + "\n\nTeksti.\n",
    "long-question": CONTROLLER + "Mitä tietoja " * 500 + "?\n\nNimi ja osoite.\n",
    "heading-per-line": CONTROLLER + "\n".join(f"Tietoturva {i}" for i in range(1500)),
    "question-per-line": CONTROLLER + "\n".join(f"Kenelle ja miksi {i}?" for i in range(300)),
    "list-1000": CONTROLLER
    + "Rekisterin tietosisältö\n\n"
    + "\n".join(f"- tieto {i}" for i in range(1000)),
    "subjects-1000": CONTROLLER
    + "Rekisteröidyt\n\n"
    + "\n".join(f"- asiakkaat {i}" for i in range(1000)),
    "processors-500": CONTROLLER
    + "Henkilötietojen käsittelijät\n\n"
    + "\n".join(f"- Pilvi{i} Oy – palvelin" for i in range(500)),
    "nul": CONTROLLER
    + "Rekisterin\x00 nimi\n\nAsiakas\x00rekisteri\n\x00\x00Tietoturva\x00?\n\n\x00\n",
    "control": CONTROLLER + "Tietoturva\x1b[31m\n\nPalvelin\x07 lukittu\x0c.\n",
    "carriage-returns": CONTROLLER.replace("\n", "\r") + "Miten suojaamme tietosi?\r\rPalvelin.\r",
    "nested-tables": "<h2>Rekisterinpitäjä</h2>"
    + "<table><tr><th>Kenelle ja miksi?</th><td>" * 150
    + "Kuusimäen Puutarha Oy"
    + "</td></tr></table>" * 150,
    "unclosed-tables": "<h2>Rekisterin tietosisältö</h2>"
    + "<table><tr><td><table><tr><th>Mitä tietoja?</th><td>nimi" * 200,
    "nested-dl": "<dl>" + "<dt>Mitä tietoja keräämme?</dt><dd><dl><dt>Kenelle?</dt>"
    "<dd>Pilvi Oy käsittelee tietoja puolestamme</dd></dl></dd>" * 100 + "</dl>",
    "bold-questions": "".join(
        f"<p><b>Miksi {i}?</b> Tietoja käytetään laskutukseen.</p>" for i in range(300)
    ),
    "long-processor": CONTROLLER
    + "Tietojen luovutukset\n\nPalveluntarjoajamme "
    + "Pilvi " * 400
    + "Oy käsittelee tietoja puolestamme.\n",
    "long-subjects": CONTROLLER
    + "Rekisterin tietosisältö\n\nKäsittelemme "
    + ", ".join(f"asiakkaiden{i}" for i in range(300))
    + " ja jäsenten tietoja.\n",
}


@pytest.mark.parametrize("notice", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_shape_gives_a_draft(notice: str, tmp_path: Path) -> None:
    result = import_notice(notice)
    assert silent_gaps(result) == ""
    assert round_trips(result, tmp_path)


@pytest.mark.slow
def test_ten_thousand_list_items(tmp_path: Path) -> None:
    notice = (
        CONTROLLER
        + "Rekisterin tietosisältö\n\n"
        + "\n".join(f"- tieto {i}" for i in range(10_000))
    )
    result = import_notice(notice)
    assert len(result.draft.data_categories) == 10_000
    assert silent_gaps(result) == ""
    assert round_trips(result, tmp_path)


@pytest.mark.parametrize(
    "notice",
    [
        "Tietoturva\ud800\n\nPalvelin lukittu.\n",
        "Miten suojaamme tietosi\ud800?\n\nPalvelin lukittu.\n",
    ],
    ids=["heading", "question"],
)
def test_lone_surrogate_gives_a_writable_draft_or_a_typed_error(
    notice: str, tmp_path: Path
) -> None:
    try:
        result = import_notice(notice)
    except RekisteriError as error:
        caught: Exception | None = error
    else:
        caught = None
        assert round_trips(result, tmp_path)
    assert caught is None or isinstance(caught, ValueError)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ("Rekisterinpitäjä\x00\n\nKuusimäen Puutarha Oy\n".encode(), 1),
        ("Rekisterinpitäjä\n\n".encode() + "Kuusimäen Puutarha Oy\n".encode("cp1252"), 1),
        (
            b"\xff\xfe"
            + "Miten suojaamme tietosi?\n\nPalvelin.\n".encode("utf-16-le")
            + b"\x00\xd8",
            2,
        ),
        (b"R\x00e\x00k\x00", 2),
        (b"\x00" * 64, 2),
        (b"", 2),
        (b"\n\n  \n", 2),
        (b"<h2>Kenelle ja miksi?</h2>" * 50 + b"<p>\xe4\xe4</p>", 1),
    ],
    ids=[
        "nul-in-heading",
        "mixed",
        "utf16-surrogate",
        "utf16-no-bom",
        "nuls",
        "empty",
        "blank",
        "html-mixed",
    ],
)
def test_command_line_hostile_bytes_exit_codes(data: bytes, code: int, tmp_path: Path) -> None:
    notice = tmp_path / "seloste.txt"
    notice.write_bytes(data)
    exit_code, _, stderr = run_cli("import", str(notice), "-o", str(tmp_path / "draft.toml"))
    assert exit_code == code, stderr
    assert "Traceback" not in stderr
    if code == 2:
        assert len([line for line in stderr.splitlines() if line.strip()]) == 1
        assert not (tmp_path / "draft.toml").exists()
    else:
        assert "seloste.txt: " in stderr
        result = import_bytes(data)
        assert silent_gaps(result) == ""
        assert round_trips(result, tmp_path)


@pytest.mark.parametrize(
    ("function", "argument"),
    [
        (import_notice, b"Rekisterinpitaja"),
        (import_notice, None),
        (import_bytes, "Rekisterinpitäjä"),
    ],
    ids=["notice-bytes", "notice-none", "bytes-str"],
)
def test_wrong_argument_type_is_a_typed_error(function: object, argument: object) -> None:
    with pytest.raises(RekisteriError) as caught:
        function(argument)  # type: ignore[operator]
    assert isinstance(caught.value, TypeError)
