"""Fixes of A12's round-14 findings on the importer (session 14, helper F5).

Each test checks the mechanism with a small notice written for it (all firms and
texts invented).
"""

from __future__ import annotations

import os
import time

import pytest

from rekisteri.errors import RekisteriError
from rekisteri.importer import (
    ImportInputTypeError,
    UnusableInputError,
    _account,
    import_bytes,
    import_notice,
    to_toml,
)
from rekisteri.importer._builder import Mapping

OWNER = "Rekisterinpitäjä\n\nPajulan Puutarha Oy\nPajukuja 3, 33100 Tampere\n\n"


# --- P6: arguments of the wrong type are refused with a typed error ---------------------

_DRAFT = import_notice(OWNER).draft


@pytest.mark.parametrize(
    "arguments",
    [
        pytest.param({"draft": 3}, id="draft-int"),
        pytest.param({"draft": {"name": "x"}}, id="draft-dict"),
        pytest.param({"draft": _DRAFT, "header": "Luonnos"}, id="header-str"),
        pytest.param({"draft": _DRAFT, "header": ("a", None)}, id="header-none-entry"),
        pytest.param({"draft": _DRAFT, "notes": {"purposes": "yksi"}}, id="note-str"),
        pytest.param({"draft": _DRAFT, "notes": {1: ["x"]}}, id="note-int-key"),
        pytest.param({"draft": _DRAFT, "notes": [("purposes", ["x"])]}, id="notes-pairs"),
    ],
)
def test_to_toml_names_the_wrong_argument(arguments: dict[str, object]) -> None:
    with pytest.raises(ImportInputTypeError) as raised:
        to_toml(**arguments)  # type: ignore[arg-type]
    assert isinstance(raised.value, (RekisteriError, TypeError))
    assert "to_toml" in str(raised.value)


def test_to_toml_takes_tuples_and_a_notes_mapping() -> None:
    text = to_toml(_DRAFT, header=("Luonnos",), notes={"controller": ("tarkista",)})
    assert "# Luonnos" in text
    assert "tarkista" in text


@pytest.mark.parametrize(
    "options",
    [
        pytest.param({"model": 0}, id="model-int"),
        pytest.param({"model": None}, id="model-none"),
        pytest.param({"html": 1}, id="html-int"),
        pytest.param({"source_name": b"a.txt"}, id="source-bytes"),
    ],
)
def test_import_notice_options_of_the_wrong_type_are_refused(options: dict[str, object]) -> None:
    with pytest.raises(ImportInputTypeError):
        import_notice(OWNER, **options)  # type: ignore[arg-type]


def test_import_notice_options_of_the_right_type_are_taken() -> None:
    result = import_notice(OWNER, model=False, html=None, source_name="vanha.txt")
    assert result.source_name == "vanha.txt"


# --- P9: a file of characters that show nothing has no text ----------------------------


@pytest.mark.parametrize(
    "data",
    [
        "\u200c\u200d\n\u2060".encode(),
        "\ufeff\u00ad \n\u200b".encode(),
        "\u200e\t\u200f\r\n".encode("utf-16"),
    ],
)
def test_invisible_characters_alone_are_no_text(data: bytes) -> None:
    with pytest.raises(UnusableInputError, match="no text"):
        import_bytes(data)


def test_a_word_among_invisible_characters_is_text() -> None:
    result = import_bytes("\u200bRekisterinpitäjä\u200b\n\nPajulan Puutarha Oy\n".encode())
    assert result.draft.controller.name == "Pajulan Puutarha Oy"


# --- P1: a long passage kept for many entries is quoted once ---------------------------


class _Counted(str):
    """A text that counts the characters sliced out of it."""

    __slots__ = ()

    sliced = 0

    def __getitem__(self, key: object) -> str:
        part = str.__getitem__(self, key)  # type: ignore[index]
        _Counted.sliced += len(part)
        return part


def test_a_passage_kept_for_many_entries_is_read_once() -> None:
    """remarked() reads each distinct place once: linear, not entries times the passage."""
    sentence = "Tietoja käytetään " + "kirjanpitoon, " * 2000 + "ja tilastointiin."
    text = _Counted(sentence)
    lost = [Mapping(0, len(sentence), "purposes") for _ in range(2000)]
    _Counted.sliced = 0
    kept, remarks = _account.remarked(text, lost)
    assert len(kept) == 2000
    assert len(remarks) == 1
    assert _Counted.sliced <= 2 * len(sentence)


def _illative(items: int) -> str:
    return (
        OWNER
        + "Rekisterin käyttötarkoitus\n\nHenkilötietoja käytetään "
        + "tilastointiin, " * items
        + "ja kirjanpitoon.\n"
    )


@pytest.mark.skipif(
    os.environ.get("REKISTERI_TIMED_TESTS") != "1",
    reason="timed check: set REKISTERI_TIMED_TESTS=1 on a quiet machine",
)
def test_a_long_illative_list_grows_linearly() -> None:
    """Four times the items cost about four times the time (quadratic: sixteen)."""

    def best(text: str) -> float:
        times = []
        for _ in range(2):
            start = time.process_time()
            import_notice(text)
            times.append(time.process_time() - start)
        return min(times)

    small, large = best(_illative(2000)), best(_illative(8000))
    assert large < 7 * small + 0.1, (small, large)


# --- P7: footnote marks and their legends ------------------------------------------------


def _entries(body: str) -> list[tuple[str, str | None]]:
    draft = import_notice(OWNER + body).draft
    purposes = [(p.name.fi, p.description.fi if p.description else None) for p in draft.purposes]
    data = [(c.name.fi, c.description.fi if c.description else None) for c in draft.data_categories]
    return purposes + data


def test_a_marked_list_entry_loses_its_mark_and_gets_the_legend() -> None:
    body = (
        "Rekisterin tietosisältö\n\n- sukunimi*\n- kotiosoite\n- syntymävuosi*\n\n"
        "* tieto saadaan väestötietojärjestelmästä\n"
    )
    assert _entries(body) == [
        ("Sukunimi", "Tieto saadaan väestötietojärjestelmästä"),
        ("Kotiosoite", None),
        ("Syntymävuosi", "Tieto saadaan väestötietojärjestelmästä"),
    ]


def test_legends_of_marks_in_a_sentence_go_to_their_own_purposes() -> None:
    body = (
        "Rekisterin käyttötarkoitus\n\n"
        "Henkilötietoja käytetään jäsenmaksujen perintään² ja kerhon tiedottamiseen³.\n\n"
        "² yhdistyslain nojalla\n³ jäsenen suostumuksella\n"
    )
    assert _entries(body) == [
        ("Jäsenmaksujen perintä", "Yhdistyslain nojalla"),
        ("Kerhon tiedottaminen", "Jäsenen suostumuksella"),
    ]


def test_a_mark_before_a_stop_leaves_the_stop_by_its_word() -> None:
    result = import_notice(
        OWNER
        + "Tietojen säilytys\n\nTietoja säilytetään neljä vuotta†.\n\n"
        + "† tilintarkastuksen vuoksi\n"
    )
    texts = [rule.description.fi for rule in result.draft.retention if rule.description]
    assert any(text.startswith("Tietoja säilytetään neljä vuotta.") for text in texts)
    assert not [p.text for p in result.unmatched if p.text.strip("†.") == ""]


@pytest.mark.parametrize(
    "body",
    [
        "Rekisterin tietosisältö\n\n*Sukunimi* ja **kotiosoite**\n",  # emphasis, no mark
        "Rekisterin tietosisältö\n\n* sukunimi\n* kotiosoite\n",  # stars as bullets
    ],
)
def test_stars_of_emphasis_and_bullets_are_no_marks(body: str) -> None:
    from rekisteri.importer import _footnotes

    assert not _footnotes.find(OWNER + body).legends
    assert not [m for m in _footnotes.find(OWNER + body).marks if m.word == "kotiosoite"]


def test_a_legend_read_with_star_bullets_stays_an_entry_of_the_list() -> None:
    from rekisteri.importer import _footnotes

    text = OWNER + "Rekisterin tietosisältö\n\n* sukunimi*\n* kotiosoite\n* puhelin\n"
    assert not _footnotes.find(text).legends


def test_a_mark_that_goes_on_with_its_sentence_has_no_legend_taken() -> None:
    """A mark on a verb ("profiloimme* tiedot") is no entry's: its legend stays text."""
    from rekisteri.importer import _footnotes

    text = (
        OWNER + "Rekisterin käyttötarkoitus\n\nProfiloimme* tiedot palvelun kehittämiseksi.\n\n"
        "* profilointi tarkoittaa tietojen automaattista käsittelyä\n"
    )
    found = _footnotes.find(text)
    assert [(m.word, m.entry) for m in found.marks] == [("Profiloimme", False)]
    assert not found.legends


# --- P5: a terse value alone under its heading -------------------------------------------

_TERSE = (
    "1. Rekisterinpitäjä\n\nPajulan Puutarha Oy\nPajukuja 3, 33100 Tampere\n\n"
    "2. Rekisterin tietosisältö\n\n{data}\n\n3. Säännönmukaiset tietolähteet\n\n{sources}\n\n"
    "4. Rekisterin suojauksen periaatteet\n\n{security}\n"
)


def test_terse_values_under_their_headings_are_read_as_values() -> None:
    result = import_notice(
        _TERSE.format(
            data="Jäsenen yhteystiedot", sources="Väestötietojärjestelmä", security="Tietoturva"
        )
    )
    draft = result.draft
    assert [category.name.fi for category in draft.data_categories] == ["Jäsenen yhteystiedot"]
    assert draft.sources
    assert draft.security
    assert not result.guessed


def test_a_heading_with_its_own_text_under_a_heading_stays_a_heading() -> None:
    """A guessed heading with text under it heads that text, whatever is above it."""
    result = import_notice(
        OWNER
        + "Rekisterin tietosisältö\n\nJäsenen yhteystiedot\n\nNimi, osoite ja puhelinnumero.\n"
    )
    assert any(heading == "Jäsenen yhteystiedot" for _s, _e, heading, _f in result.guessed)


def test_a_list_of_contents_keeps_its_headings() -> None:
    """Table headings of other kinds, or questions, one under another: a list of contents."""
    from rekisteri.importer._structure import split

    text = (
        "Sisältö\n\nRekisterinpitäjä\n\nRekisterin käyttötarkoitus\n\nMihin tietoja käytetään?\n\n"
        "Mistä tiedot saadaan?\n\nRekisterinpitäjä\n\nPajulan Puutarha Oy\n"
    )
    headings = [text[s.heading.start : s.heading.end] for s in split(text) if s.heading is not None]
    assert "Rekisterin käyttötarkoitus" in headings
    assert "Mistä tiedot saadaan?" in headings


def test_an_empty_heading_under_an_empty_heading_is_remarked() -> None:
    """Two table headings of different fields, neither with text: a remark to check."""
    result = import_notice(
        OWNER + "Henkilötietojen säilytysaika\n\nTietoturva\n\nRekisteröidyn oikeudet\n\n"
        "Rekisteröidyllä on oikeus tarkastaa tietonsa.\n"
    )
    remarks = [note for note in result.notes.get("retention", ()) if "Tietoturva" in note]
    assert remarks
    assert "Tietoturva" in to_toml(result.draft, notes=result.notes)


def test_three_empty_headings_in_a_row_get_no_remark() -> None:
    """A list of contents: no heading is taken for another's value."""
    result = import_notice(
        OWNER + "Henkilötietojen säilytysaika\n\nTietoturva\n\nRekisteröidyn oikeudet\n\n"
        "Henkilötietojen säilytysaika\n\nTietoja säilytetään vuoden.\n"
    )
    assert not [
        note for notes in result.notes.values() for note in notes if "stands right under" in note
    ]


# --- P12: a denial qualified "as a rule" is no flat "none" ------------------------------

_QUALIFIED = {
    "recipients": (
        "Tietojen säännönmukaiset luovutukset",
        "Jäsentietoja ei tavallisesti luovuteta.",
    ),
    "transfers": (
        "Tietojen siirto EU:n tai ETA:n ulkopuolelle",
        "Tietoja ei periaatteessa siirretä EU:n ulkopuolelle.",
    ),
    "cookies": ("Evästeet", "Sivustolla ei yleensä käytetä evästeitä."),
}


@pytest.mark.parametrize("field", list(_QUALIFIED))
def test_a_denial_as_a_rule_is_kept_with_a_remark_not_as_none(field: str) -> None:
    heading, sentence = _QUALIFIED[field]
    result = import_notice(OWNER + heading + "\n\n" + sentence + "\n")
    assert field not in {none.value for none in result.draft.none_stated}
    assert any("only as a rule" in note for note in result.notes.get(field, ()))
    assert sentence in to_toml(result.draft, notes=result.notes)


def test_a_flat_denial_still_sets_none() -> None:
    result = import_notice(
        OWNER + "Tietojen säännönmukaiset luovutukset\n\nJäsentietoja ei luovuteta.\n"
    )
    assert "recipients" in {none.value for none in result.draft.none_stated}


# --- P4: the data subject as a source, in other words ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Opiskelija itse ilmoittautuessaan.",
        # "Huoltaja itse." was here: a guardian speaks for another, no data subject (R6-14,
        # tests/test_importer_round15_sections.py)
        "Tiedot saadaan vuokralaisilta itseltään.",
        "Tiedot kerätään rekisteröidyiltä.",
    ],
)
def test_the_person_themselves_as_a_source_is_the_data_subject(sentence: str) -> None:
    draft = import_notice(OWNER + "Säännönmukaiset tietolähteet\n\n" + sentence + "\n").draft
    assert [source.key for source in draft.sources] == ["data-subject"]


def test_two_catalogued_sources_in_a_sentence_keep_its_words() -> None:
    result = import_notice(
        OWNER + "Säännönmukaiset tietolähteet\n\n"
        "Jäsen itse sekä väestötietojärjestelmä osoitteiden päivittämiseksi.\n"
    )
    assert [source.key for source in result.draft.sources] == ["data-subject", "dvv-vtj"]
    assert any("päivittämiseksi" in note for note in result.notes.get("sources[0]", ()))
    assert not result.unmatched


# --- P18: a list under a heading of no field is read once, not once an entry -------------


def test_a_list_under_an_unknown_heading_is_judged_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from rekisteri.importer import _extract

    calls: list[int] = []
    judged = _extract.Extractor._items_kind

    def counted(self: _extract.Extractor, pieces: list[object]) -> object:
        calls.append(len(pieces))
        return judged(self, pieces)  # type: ignore[arg-type]

    monkeypatch.setattr(_extract.Extractor, "_items_kind", counted)
    items = "".join(f"- lomakkeen kenttä {i}\n" for i in range(300))
    result = import_notice(OWNER + "Kahvion kanta-asiakkaat\n\n" + items)
    assert calls == [300]  # one judgement for the 300 entries (was one an entry)
    assert result.draft is not None


def test_a_people_list_under_an_unknown_heading_is_still_read_as_people() -> None:
    result = import_notice(
        OWNER + "Kahvion kanta-asiakkaat\n\n- asiakkaat\n- jäsenet\n- työntekijät\n"
    )
    assert [subject.name.fi for subject in result.draft.data_subjects] == [
        "Asiakkaat",
        "Jäsenet",
        "Työntekijät",
    ]


# --- P20: a sentence under a contact heading is no part of the heading -------------------


@pytest.mark.parametrize("heading", ["Yhteyshenkilö", "Tietosuojavastaava"])
def test_a_sentence_under_a_contact_heading_is_kept(heading: str) -> None:
    sentence = "Kahvion esimies vastaa rekisteriä koskeviin kysymyksiin"
    result = import_notice(OWNER + heading + "\n\n" + sentence + ".\n")
    shown = to_toml(result.draft, notes=result.notes) + " ".join(p.text for p in result.unmatched)
    assert sentence in shown
    assert not [
        m
        for m in result.mapped
        if m.field.startswith("heading:") and "esimies" in result.text[m.start : m.end]
    ]


# --- P24: lines of a list joined across blank lines are checked once ---------------------


def test_entries_joined_across_blank_lines_are_checked_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rekisteri.importer import _structure

    calls: list[tuple[int, int]] = []
    shaped = _structure._Splitter._entry_shaped

    def counted(self: _structure._Splitter, line: tuple[int, int]) -> bool:
        calls.append(line)
        return shaped(self, line)

    monkeypatch.setattr(_structure._Splitter, "_entry_shaped", counted)
    import_notice(OWNER + "Rekisterin tietosisältö\n\n" + "Jäsenen puhelinnumero\n\n" * 400)
    assert len(calls) < 4 * 400  # about one check a line (was one a line for each line)


def test_a_terse_line_under_other_matters_is_its_text() -> None:
    result = import_notice(OWNER + "Muut tiedot\n\nAsiakastapahtumien osallistujalistat\n")
    assert result.draft.description is not None
    assert "osallistujalistat" in result.draft.description.fi
    assert not result.guessed


@pytest.mark.parametrize("blank", ["\u034f\u034f\n", "\u2800 \u2800\n", "\u3164\u115f\n"])
def test_characters_that_show_as_blanks_are_no_text(blank: str) -> None:
    with pytest.raises(UnusableInputError, match="no text"):
        import_bytes(blank.encode())
