"""Identity codes in unusual spellings (A12's P3 and P10): found, masked, and nothing else.

Other digits (superscript, subscript, circled), a hyphen and a line break
inside the digits, a code spelt out one character at a time, and a code
without a sign glued to letters are read as a usual spelling of the same
length, so that every consumer masks them; a text without them is searched
as before.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri._spellings import holds_code, mask_codes, mask_spellings, shaped, spellings
from rekisteri.identifiers import hetu
from rekisteri.testing import make_hetu

CODE = make_hetu(date(1994, 5, 1), 903, sign="Y")  # a temporary number: nobody's
BARE = CODE[:6] + CODE[7:]  # the same without its sign


def _digits_as(alphabet: str, text: str) -> str:
    return "".join(alphabet[int(char)] if char.isdigit() else char for char in text)


UNUSUAL = [
    pytest.param(_digits_as("⁰¹²³⁴⁵⁶⁷⁸⁹", CODE), id="superscript"),
    pytest.param(_digits_as("₀₁₂₃₄₅₆₇₈₉", CODE), id="subscript"),
    pytest.param(_digits_as("⓪①②③④⑤⑥⑦⑧⑨", CODE), id="circled"),
    pytest.param(CODE[:9] + "-\n" + CODE[9:], id="hyphen-and-line-break"),
    pytest.param(CODE[:9] + "- \r\n  " + CODE[9:], id="hyphen-and-windows-line-break"),
    pytest.param(" ".join(CODE), id="spelt-out"),
    pytest.param("-".join(CODE), id="spelt-out-with-dashes"),
    pytest.param("_".join(CODE), id="spelt-out-with-underscores"),
    pytest.param(CODE[:6] + "-\n" + CODE[6:], id="line-break-after-the-date"),
    pytest.param(CODE[:6] + "/" + CODE[6:], id="slash-before-the-sign"),
    pytest.param(CODE[:6] + "_" + CODE[6:], id="underscore-before-the-sign"),
]


@pytest.mark.parametrize("spelled", UNUSUAL)
def test_an_unusual_spelling_is_masked_everywhere(spelled: str) -> None:
    text = f"Henkilötunnus {spelled} tallennetaan."
    assert shaped(text)
    assert holds_code(text)
    assert [s.canonical for s in spellings(text)] == [CODE]
    for masked in (mask_spellings(text), mask_codes(text), hetu.redact(text)):
        assert masked.startswith("Henkilötunnus ")
        assert masked.endswith(" tallennetaan.")
        assert "*" in masked
        assert CODE[7:10] not in masked.translate(str.maketrans("", "", " -\r\n"))


@pytest.mark.parametrize(
    "glued", [f"asiakasnro{BARE}", f"ID{BARE}", f"{BARE}b", f"x{BARE[:6]} {BARE[6:]}"]
)
def test_a_code_without_its_sign_glued_to_letters_is_masked_in_messages(glued: str) -> None:
    text = f"tallennetaan {glued}."
    assert len(spellings(text)) == 1
    assert BARE[6:] not in mask_spellings(text)


@pytest.mark.parametrize(
    "text",
    [
        "pinta-ala 120 m² ja 3 m³",
        "vuosina 2020-\n2021",
        "tuote ABC1234567890X",  # a check that does not fit
        f"tilaus 1{BARE}b",  # eleven digits: no code
        "puh0401234567",
        "1 2 3 4 5 6 7 8 9 0 1",
        "versio 1.2.3.4.5.6.7.8.9.0.1",
        "vuosina 2020-\nA1",
    ],
)
def test_what_only_looks_unusual_is_left_alone(text: str) -> None:
    assert spellings(text) == []
    assert mask_spellings(text) == text
    assert not holds_code(text)


@given(st.text(alphabet="abc ¹²³⁴⁵⁶⁷⁸⁹⁰-\n0123456789", max_size=60))
def test_masking_keeps_the_length_and_every_character_outside_the_spans(text: str) -> None:
    masked = mask_spellings(text)
    assert len(masked) == len(text)
    assert all(b in (a, "*") for a, b in zip(text, masked, strict=True))
