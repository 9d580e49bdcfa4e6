"""The importer reads around invisible characters and keeps its offsets into the text.

A notice copied from a web page or a word processor may hold soft hyphens,
zero-width spaces, word joiners or a byte order mark inside words. The notices
below are short fictional ones written for the tests.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from rekisteri.importer import import_notice
from rekisteri.importer._invisible import INVISIBLE, strip

DEV = Path(__file__).parent / "fixtures" / "legacy" / "dev"

NOTICE = (
    "\ufeffRekisterinpitäjä\n\n"
    "Esi\u00admerkki Oy\n"
    "Y-tunnus: 2077474-0\n"
    "Sähköposti: tieto\u200bsuoja@example.fi\u200b\n"
    "Puhelin 09 123\u2060 4567\n\n"
    "Rekisterin käyttö\u00adtarkoitus\n\n"
    "Tietoja käytetään laskutukseen.\n"
)


def test_values_have_no_invisible_character() -> None:
    result = import_notice(NOTICE)
    controller = result.draft.controller
    assert controller.name == "Esimerkki Oy"
    assert controller.contact is not None
    assert controller.contact.email == "tietosuoja@example.fi"
    assert controller.contact.phone == "09 123 4567"
    assert [purpose.name.fi for purpose in result.draft.purposes] == ["Laskutus"]


def test_offsets_count_the_characters_of_the_text() -> None:
    """Spans are into the text as given, invisible characters included."""
    result = import_notice(NOTICE)
    assert result.text == NOTICE
    fields = {NOTICE[m.start : m.end]: m.field for m in result.mapped}
    assert fields["tieto\u200bsuoja@example.fi\u200b"] == "controller"
    assert fields["\ufeffRekisterinpitäjä"] == "heading:controller"
    assert fields["Rekisterin käyttö\u00adtarkoitus"] == "heading:purposes"
    assert result.unmatched == ()
    assert result.coverage == 1.0
    assert [field for _, _, field in result.sections] == ["controller", "purposes"]
    assert result.sections[-1][1] == len(NOTICE)


def test_a_lone_invisible_character_is_blank() -> None:
    """A line holding only a zero-width space is not an unmatched passage."""
    result = import_notice(NOTICE.replace("Puhelin", "\u200b\n\nPuhelin"))
    assert result.unmatched == ()
    assert result.coverage == 1.0


def test_html_soft_hyphens_and_zero_width_spaces() -> None:
    page = (
        "<html><body><h2>Rekisterin&shy;pitäjä</h2><p>Esi&shy;merkki Oy<br>"
        "Y-tunnus: 2077474-0<br>Sähköposti: tieto&#8203;suoja@example.fi</p>"
        "<h2>Rekisterin käyttö&shy;tarkoitus</h2><p>Tietoja käytetään laskutukseen.</p>"
        "</body></html>"
    )
    result = import_notice(page)
    assert result.is_html
    assert result.draft.controller.name == "Esimerkki Oy"
    assert result.draft.controller.contact is not None
    assert result.draft.controller.contact.email == "tietosuoja@example.fi"
    assert [field for _, _, field in result.sections] == ["controller", "purposes"]
    assert result.coverage == 1.0


def test_an_outdated_reference_split_by_a_soft_hyphen_is_found() -> None:
    text = NOTICE + "\nSeloste on laadittu henkilö\u00adtietolain mukaisesti.\n"
    result = import_notice(text)
    placed = [f.path for f in result.findings if f.code == "R301"]
    assert len(placed) == 1
    start, end = (int(n) for n in placed[0].removeprefix("text[").removesuffix("]").split(":"))
    assert text[start:end] == "henkilö\u00adtietolain"


def test_strip_maps_offsets_back() -> None:
    text = "a\u200bb\u00ad\u00adc\ufeff"
    plain = strip(text)
    assert plain.text == "abc"
    assert [plain.start(i) for i in range(4)] == [0, 1, 3, 6]
    assert [plain.end(i) for i in range(4)] == [0, 2, 5, 7]
    assert [plain.forward(i) for i in range(len(text) + 1)] == [0, 1, 1, 2, 2, 2, 3, 3]


_INVISIBLES = st.sampled_from(
    ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e"]
)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(sorted(p.name for p in DEV.glob("*.txt"))),
    st.lists(st.tuples(st.floats(0, 1), _INVISIBLES), min_size=1, max_size=40),
)
def test_invisible_characters_change_nothing(name: str, inserts: list[tuple[float, str]]) -> None:
    """A dev notice with invisible characters anywhere gives the same draft and findings."""
    text = (DEV / name).read_text(encoding="utf-8")
    damaged = text
    for where, char in sorted(inserts, reverse=True):
        at = int(where * len(text))
        damaged = damaged[:at] + char + damaged[at:]
    clean, result = import_notice(text), import_notice(damaged)
    assert result.draft == clean.draft
    assert [f.code for f in result.findings] == [f.code for f in clean.findings]
    assert result.coverage == clean.coverage
    assert result.text == damaged
    for span in result.mapped:
        assert 0 <= span.start <= span.end <= len(damaged)
        assert INVISIBLE.sub("", damaged[span.start : span.end]) in INVISIBLE.sub("", damaged)
    for passage in result.unmatched:
        assert damaged[passage.start : passage.end] == passage.text
    assert [INVISIBLE.sub("", p.text) for p in result.unmatched] == [
        p.text for p in clean.unmatched
    ]
