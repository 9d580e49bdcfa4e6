"""Mechanisms that fix A14's importer findings, second fixer (F7, session 15).

Each test writes its own small fictional notice (no text of the legacy fixtures).
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

import pytest

from rekisteri.importer import _cues, _decode, import_bytes, import_notice, to_toml

if TYPE_CHECKING:
    import re

_OWNER = "Rekisterinpitäjä\n\nSammalmäen Saippua Oy\nSammalmäentie 9, 40100 Jyväskylä\n\n"


def _firm_names(count: int) -> list[str]:
    """*count* distinct invented firm names with a legal form ("Kaaba Oy", "Kaabe Oy" …)."""
    syllables = ("ka", "lo", "mi", "ne", "su", "ty", "vä", "rö")
    names = []
    for index in range(count):
        word, rest = "", index
        for _ in range(4):
            word += syllables[rest % len(syllables)]
            rest //= len(syllables)
        names.append(word.capitalize() + " Oy")
    return names


# --- a firm's whole name is looked for right before it, not from the sentence's start (Q16) ---


class _Counting:
    """Stands in for a compiled pattern and counts the characters its searches may look at."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.looked = 0

    def search(self, text: str, pos: int = 0, endpos: int = 2**31) -> re.Match[str] | None:
        self.looked += min(endpos, len(text)) - pos
        return self.pattern.search(text, pos, endpos)


def _looked_at(monkeypatch: pytest.MonkeyPatch, count: int) -> tuple[int, int]:
    counting = _Counting(_cues._SUSPENDED_BEFORE)
    monkeypatch.setattr(_cues, "_SUSPENDED_BEFORE", counting)
    body = ", ".join(_firm_names(count)) + ".\n"
    text = _OWNER + "Tietojen säännönmukaiset luovutukset\n\n" + body
    import_notice(text, model=False)
    return counting.looked, len(text)


def test_a_paragraph_of_firms_is_read_in_linear_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    small, small_size = _looked_at(monkeypatch, 200)
    large, large_size = _looked_at(monkeypatch, 800)
    # four times the firms: about four times the characters looked at, not sixteen
    assert large / small < 1.5 * large_size / small_size
    assert large < 400 * 800


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Tietoja luovutetaan Etelä-Hämeen Kala- ja Riistakeskus ry:lle.",
            "Etelä-Hämeen Kala- ja Riistakeskus ry",
        ),
        ("Tietoja luovutetaan Asunto Oy Kuusikallio 4:lle.", "Asunto Oy Kuusikallio 4"),
    ],
)
def test_a_firms_whole_name_is_still_read(sentence: str, name: str) -> None:
    assert _cues.recipient_name(sentence, None) == name


# --- a length in two units is not cut to one of them (Q6) ---------------------------------------


@pytest.mark.parametrize(
    "length",
    ["4 v 3 kk", "4 v. 3 kk", "2 v ja 9 kk", "5 kk 10 pv", "1 kk, 3 vk", "8 kk 4 vrk", "3 kk 2 v."],
)
def test_a_length_in_two_units_gives_no_period(length: str) -> None:
    text = (
        _OWNER + f"Säilytysaika\n\nAsiakastiedot säilytetään {length} jäsenyyden päättymisestä.\n"
    )
    draft = import_notice(text, model=False).draft
    assert [rule.period for rule in draft.retention] == [None]
    assert length in (draft.retention[0].description.fi if draft.retention[0].description else "")


@pytest.mark.parametrize(
    ("length", "months"),
    [("9 kk", 9), ("18 kuukautta", 18), ("9 kk:n ajan", 9), ("9 kk, minkä jälkeen", 9)],
)
def test_a_length_in_one_unit_is_still_read(length: str, months: int) -> None:
    text = (
        _OWNER + f"Säilytysaika\n\nAsiakastiedot säilytetään {length} jäsenyyden päättymisestä.\n"
    )
    period = import_notice(text, model=False).draft.retention[0].period
    assert period is not None
    assert (period.years, period.months, period.days) == (0, months, 0)


# --- firms named together share no service; the sentence is kept once (Q16, Q17) ---------------


def _processors(body: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    text = _OWNER + "Henkilötietojen käsittelijät\n\n" + body + "\n"
    result = import_notice(text, model=False)
    found = [(p.name, p.service.fi if p.service else None) for p in result.draft.processors]
    return found, list(result.notes.get("processors", ()))


def test_firms_named_after_a_lead_in_get_no_shared_service() -> None:
    found, notes = _processors("Palveluitamme tuottavat Laskuri Oy, Pilvilinna Oy ja Postari Oy.")
    assert found == [("Laskuri Oy", None), ("Pilvilinna Oy", None), ("Postari Oy", None)]
    assert len(notes) == 1
    assert "Palveluitamme tuottavat" in notes[0]


def test_a_bracket_after_each_firm_is_its_service() -> None:
    found, _ = _processors(
        "Laskuri Oy (laskutus), Pilvilinna Oy (varmuuskopiot) sekä Postari Oy (jakelu)."
    )
    assert found == [
        ("Laskuri Oy", "laskutus"),
        ("Pilvilinna Oy", "varmuuskopiot"),
        ("Postari Oy", "jakelu"),
    ]


def test_a_case_ending_is_no_part_of_the_service() -> None:
    found, _ = _processors("Hyödynnämme Laskuri Oy:n laskutusohjelmaa.")
    assert found == [("Laskuri Oy", "laskutusohjelmaa")]


def test_a_bare_list_of_firms_needs_no_note() -> None:
    found, notes = _processors("Laskuri Oy, Pilvilinna Oy, Postari Oy.")
    assert [service for _, service in found] == [None, None, None]
    assert notes == []


def test_one_firm_after_a_lead_in_keeps_the_sentence() -> None:
    found, _ = _processors("Varmuuskopiot säilyttää Pilvilinna Oy Tampereella.")
    assert found == [("Pilvilinna Oy", "Varmuuskopiot säilyttää Pilvilinna Oy Tampereella")]


@pytest.mark.parametrize("lead_in", ["", "Käsittelijöinämme toimivat "])
def test_a_paragraph_of_firms_gives_a_draft_of_linear_size(lead_in: str) -> None:
    def size(count: int) -> tuple[int, int]:
        body = lead_in + ", ".join(_firm_names(count)) + "."
        text = _OWNER + "Henkilötietojen käsittelijät\n\n" + body + "\n"
        result = import_notice(text, model=False)
        return len(to_toml(result.draft, notes=result.notes)), len(text)

    small, small_text = size(100)
    large, large_text = size(400)
    assert large / small < 1.5 * large_text / small_text


# --- a heading, its lead-in and the entries with no blank line between them (Q9) ----------------


@pytest.mark.parametrize(
    ("heading", "lead_in"),
    [
        ("Rekisterin sisältämät tiedot", "Jäsenrekisteriin kirjataan seuraavat tiedot:"),
        ("Mitä tietoja jäsenistä kirjataan?", "Jäsenistä kirjataan seuraavat tiedot:"),
        ("3. Kerättävät tiedot", "Jäsenrekisteriin kirjataan seuraavat tiedot:"),
    ],
)
def test_a_heading_over_a_lead_in_and_entries_gives_one_entry_a_line(
    heading: str, lead_in: str
) -> None:
    text = _OWNER + f"{heading}\n{lead_in}\nSukunimi\nKotikunta\nLiittymispäivä\n"
    draft = import_notice(text, model=False).draft
    assert [c.name.fi for c in draft.data_categories] == ["Sukunimi", "Kotikunta", "Liittymispäivä"]


def test_a_sentence_over_a_lead_in_is_no_heading() -> None:
    # the first line is a sentence of the section before, not a heading
    text = (
        _OWNER
        + "Rekisterin tietosisältö\n\nJäsenrekisteri on seuran oma.\n"
        + "Jäsenrekisteriin kirjataan seuraavat tiedot:\nSukunimi\nKotikunta\nLiittymispäivä\n"
    )
    draft = import_notice(text, model=False).draft
    assert [c.name.fi for c in draft.data_categories][-3:] == [
        "Sukunimi",
        "Kotikunta",
        "Liittymispäivä",
    ]


# --- a subtitle after the title proper, and a bracket after a heading, are checked (Q14) --------

_CONTROLLER = "\n\nRekisterinpitäjä\n\nSammalmäen Saippua Oy\nSammalmäentie 9, 40100 Jyväskylä\n"


def _listed(text: str) -> str:
    return " ".join(p.text for p in import_notice(text, model=False).unmatched)


@pytest.mark.parametrize(
    ("title", "words"),
    [
        (
            "Tietosuojaseloste\nKoskee myös leirikoulun osallistujia",
            ["leirikoulun", "osallistujia"],
        ),
        ("Tietosuojaseloste – leirikoulun osallistujat", ["leirikoulun", "osallistujat"]),
        ("Tietosuojaseloste (leirikoulun osallistujat)", ["leirikoulun", "osallistujat"]),
        ("Privacy notice\nFor summer camp pupils", ["summer", "camp", "pupils"]),
    ],
)
def test_a_subtitle_is_listed_when_the_draft_lacks_it(title: str, words: list[str]) -> None:
    result = import_notice(title + _CONTROLLER, model=False)
    listed = " ".join(p.text for p in result.unmatched)
    kept = (to_toml(result.draft, notes=result.notes) + listed).casefold()
    assert all(word.casefold() in kept for word in words)
    assert "Tietosuojaseloste" not in listed  # the title proper stays the title


@pytest.mark.parametrize(
    "title",
    [
        "Tietosuojaseloste EU:n yleisen tietosuoja-asetuksen (2016/679) mukaisesti",
        "Tietosuojaseloste – EU:n yleinen tietosuoja-asetus (2016/679)",
        "Tietosuojaseloste, päivitetty 3.3.2023",
        "Dataskyddsbeskrivning\nenligt EU:s allmänna dataskyddsförordning (2016/679)",
        "Privacy notice under the General Data Protection Regulation (EU) 2016/679",
    ],
)
def test_a_legal_reference_or_a_date_after_the_title_is_not_listed(title: str) -> None:
    assert _listed(title + _CONTROLLER) == ""


def test_a_bracket_with_a_number_after_a_heading_is_checked() -> None:
    text = _OWNER + "Säilytysaika (kuitit 12 vuotta)\n\nAsiakastiedot säilytetään kaksi vuotta.\n"
    listed = _listed(text)
    assert "kuitit" in listed
    assert "12" in listed


def test_a_legal_reference_after_a_heading_is_not_listed() -> None:
    text = (
        _OWNER
        + "Käsittelyn oikeusperuste (EU 2016/679, 6 art.)\n\n"
        + "Käsittely perustuu asiakassuhteeseen.\n"
    )
    assert _listed(text) == ""


# --- a purposes sentence with "Käytämme / käyttää tietoja X:ään" is split (Q13) -----------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Käytämme asiakastietoja tilausten toimittamiseen ja laskutukseen.",
        "Saippuapaja käyttää henkilötietoja tilausten toimittamiseen ja laskutukseen.",
    ],
)
def test_a_purposes_sentence_with_kayttaa_is_split(sentence: str) -> None:
    text = _OWNER + "Henkilötietojen käsittelyn tarkoitus\n\n" + sentence + "\n"
    names = [p.name.fi for p in import_notice(text, model=False).draft.purposes]
    assert names == ["Tilausten toimittaminen", "Laskutus"]


def test_a_kayttaa_sentence_without_an_illative_list_is_no_split() -> None:
    text = _OWNER + "Henkilötietojen käsittelyn tarkoitus\n\n" + "Käytämme tietoja vain Suomessa.\n"
    names = [p.name.fi for p in import_notice(text, model=False).draft.purposes]
    assert "Suomi" not in names


# --- a denial written as a list item is no entry (Q36) ------------------------------------------


@pytest.mark.parametrize(
    ("heading", "items", "field", "kept"),
    [
        (
            "Henkilötietojen käsittelyn tarkoitus",
            "- tilausten toimittaminen\n- tietoja ei käytetä mainontaan\n",
            "purposes",
            ["Tilausten toimittaminen"],
        ),
        (
            "Rekisterin tietosisältö",
            "- nimi\n- tilinumeroa ei kerätä\n",
            "data_categories",
            ["Nimi"],
        ),
        (
            "Rekisterin tietosisältö",
            "- nimi\n- ei terveystietoja\n",
            "data_categories",
            ["Nimi"],
        ),
    ],
)
def test_a_denied_list_item_is_a_note_not_an_entry(
    heading: str, items: str, field: str, kept: list[str]
) -> None:
    result = import_notice(_OWNER + heading + "\n\n" + items, model=False)
    assert [entry.name.fi for entry in getattr(result.draft, field)] == kept
    assert any("not done" in note for note in result.notes.get(field, []))


def test_an_item_with_a_negated_remark_stays_an_entry() -> None:
    items = "- nimi (ei pakollinen)\n- puhelinnumero, jos asiakas ei sitä kiellä\n"
    draft = import_notice(_OWNER + "Rekisterin tietosisältö\n\n" + items, model=False).draft
    assert draft.data_categories[0].name.fi == "Nimi"
    assert len(draft.data_categories) == 2


# --- the date line after the rights section dates the notice (Q12) -----------------------------


@pytest.mark.parametrize("tail", ["\n\nPäivitetty 3.3.2023\n", "\nSeloste päivitetty 3.3.2023\n"])
def test_a_date_line_under_the_rights_is_the_notices_date(tail: str) -> None:
    text = _OWNER + "Rekisteröidyn oikeudet\n\nVoit pyytää tietojesi korjaamista." + tail
    draft = import_notice(text, model=False).draft
    assert draft.updated is not None
    assert draft.updated.isoformat() == "2023-03-03"
    assert draft.rights_exercise is not None
    assert "2023" not in (draft.rights_exercise.fi or "")
    assert "korjaamista" in (draft.rights_exercise.fi or "")


def test_a_no_in_a_tables_column_is_no_denial() -> None:
    rows = "Tieto\tPakollinen\nSukunimi\tkyllä\nSähköposti\tei\n"
    draft = import_notice(_OWNER + "Rekisterin tietosisältö\n\n" + rows, model=False).draft
    assert any("Sähköposti" in (c.name.fi or "") for c in draft.data_categories)


# --- a Swedish disclosure verb with its object before the particle (Q42) ------------------------

_SV_OWNER = "Personuppgiftsansvarig\n\nMossbackens Tvål Ab\nMossvägen 9, 65100 Vasa\n\n"


@pytest.mark.parametrize(
    "sentence",
    ["Annars lämnas kunduppgifter inte ut.", "Vi lämnar kundernas uppgifter aldrig ut."],
)
def test_a_swedish_denial_with_the_object_inside_the_verb_is_read(sentence: str) -> None:
    text = _SV_OWNER + "Regelbundet utlämnande av uppgifter\n\n" + sentence + "\n"
    draft = import_notice(text, model=False).draft
    assert draft.recipients == ()
    assert [none.value for none in draft.none_stated] == ["recipients"]


# --- a sentence saying the old law was replaced, naming the new one, draws no R301 (Q18) ---------


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("Henkilötietolaki korvattiin vuonna 2019 tietosuojalailla (1050/2018).", []),
        ("Personuppgiftslagen upphävdes, och i dag gäller dataskyddslagen.", []),
        ("Henkilötietolaki on kumottu.", ["R301"]),
        ("Seloste on laadittu henkilötietolain mukaisesti.", ["R301"]),
    ],
)
def test_a_repeal_that_names_the_new_law_is_no_outdated_reference(
    sentence: str, codes: list[str]
) -> None:
    result = import_notice(_OWNER + "Muut tiedot\n\n" + sentence + "\n", model=False)
    assert [finding.code for finding in result.findings if finding.code == "R301"] == codes


# --- a phone number ends before a second number or a price in brackets (Q39) --------------------


@pytest.mark.parametrize(
    ("line", "phone"),
    [
        ("Puh. 050 987 6543 / 09 876 5432", "050 987 6543"),
        ("Puh. 0700 98765 (2,49 €/min + mpm)", "0700 98765"),
        ("Puh. +358 (0)50 987 6543", "+358 (0)50 987 6543"),
        ("Puh. (014) 987 654", "(014) 987 654"),
        ("Puh. 014 987 6543/4", "014 987 6543/4"),
    ],
)
def test_a_phone_is_one_whole_number(line: str, phone: str) -> None:
    draft = import_notice(_OWNER.rstrip("\n") + "\n" + line + "\n", model=False).draft
    assert draft.controller.contact is not None
    assert draft.controller.contact.phone == phone


# --- more stray Windows-1252 bytes in a longer UTF-8 notice, read in one pass (Q24) -------------


def _strays(count: int) -> bytes:
    owner = _OWNER.encode()
    line = "Asiakkaan tiedot käsitellään \x96 myös päätöksiä tehtäessä.\n"
    return owner + (line * count).encode().replace(b"\xc2\x96", b"\x96")


@pytest.mark.parametrize("count", [16, 25, 60])
def test_stray_bytes_in_a_long_utf8_notice_are_read_as_strays(count: int) -> None:
    result = import_bytes(_strays(count))
    assert result.encoding == "utf-8+cp1252"
    assert result.draft.controller.name == "Sammalmäen Saippua Oy"
    assert "–" in result.text


def test_a_windows_1252_notice_is_still_read_as_windows_1252() -> None:
    data = (_OWNER + "Säilytysaika\n\nTiedot säilytetään kaksi vuotta.\n").encode("cp1252")
    result = import_bytes(data)
    assert result.encoding != "utf-8+cp1252"
    assert result.draft.controller.name == "Sammalmäen Saippua Oy"


@pytest.mark.skipif(
    os.environ.get("REKISTERI_TIMED_TESTS") != "1",
    reason="timed check: set REKISTERI_TIMED_TESTS=1 on a quiet machine",
)
def test_many_stray_bytes_are_read_in_linear_time() -> None:
    def cost(count: int) -> float:
        data = ("Pääkäyttäjä äö ".encode() + b"\x96 ") * count
        start = time.process_time()
        _decode._utf8_with_strays(data)
        return time.process_time() - start

    small = min(cost(20_000) for _ in range(2))
    assert cost(80_000) < 8 * small + 0.05
