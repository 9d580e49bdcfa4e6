"""Importer, round 5 (structure): headings, sections, negatives, losses and speed.

Each test names the failure class it guards; the fixtures ``dev_r5s_*`` under
``tests/fixtures/legacy/dev/`` are fictional notices with the layout features.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekisteri.importer import _headings, import_notice
from rekisteri.importer._first import Dispatch, branches

# --------------------------------------------------------------------------
# Speed: the heading table tried only where a line's first character fits
# --------------------------------------------------------------------------

_BRANCHES = [
    (kind, text, first)
    for kind, pattern in _headings._PATTERNS
    for text, first in branches(pattern)
]
_WHOLE = re.compile(
    "|".join(f"(?P<{kind.name}>{pattern})" for kind, pattern in _headings._PATTERNS)
)


def test_the_table_splits_into_its_branches() -> None:
    for kind, pattern in _headings._PATTERNS:
        texts = [text for text, _ in branches(pattern)]
        assert "|".join(texts) == pattern, kind
        assert len(texts) > 1 or "|" not in pattern


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(rekisterin |tietojen )?nimi", {"r", "t", "n"}),
        (r"\w*rekisterin nimi", None),
        (r"(?:a|b)c", {"a", "b"}),
        (r"[a-c]x", {"a", "b", "c"}),
        (r"[^a]x", None),
        (r"(?!ei )kyllä", {"k"}),
        (r"x{0,3}y", {"x", "y"}),
        (r"x{2}y", {"x"}),
        (r"a?", None),  # matches the empty text: any character
    ],
)
def test_first_characters_of_a_pattern(pattern: str, expected: set[str] | None) -> None:
    [(text, first)] = branches(pattern)
    assert text == pattern
    assert first == (None if expected is None else frozenset(expected))


@settings(max_examples=300, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.data())
def test_every_text_a_branch_matches_starts_with_one_of_its_first_characters(
    data: st.DataObject,
) -> None:
    kind, text, first = data.draw(st.sampled_from(_BRANCHES))
    sample = data.draw(st.from_regex(re.compile(text), fullmatch=True))
    if first is not None:
        assert sample[:1] in first, (kind, text, sample)


@settings(max_examples=300, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.data())
def test_the_dispatch_finds_what_the_whole_alternation_finds(data: st.DataObject) -> None:
    _, text, _ = data.draw(st.sampled_from(_BRANCHES))
    key = data.draw(
        st.one_of(
            st.from_regex(re.compile(text), fullmatch=True),
            st.text(alphabet="aäeiklmnoprstuvy -:/()", max_size=30),
        )
    )
    whole = _WHOLE.fullmatch(key)
    split = _headings._ANY.fullmatch(key)
    assert (whole and whole.lastgroup) == (split and split.lastgroup), key


def test_a_dispatch_with_no_fitting_branch_matches_nothing() -> None:
    dispatch = Dispatch((("A", "abc"), ("B", "b+")))
    assert dispatch.fullmatch("xyz") is None
    assert dispatch.fullmatch("") is None
    found = dispatch.fullmatch("bbb")
    assert found is not None
    assert found.lastgroup == "B"


def test_lines_of_bullets_are_not_joined_into_a_heading() -> None:
    """A heading run over lines goes on with words: '- nimi' is no heading's second line."""
    result = import_notice(
        "1. Rekisterinpitäjä\nEsimerkki Oy\n\n2. Rekisterin tietosisältö\n\n"
        "Asiakkaat\n- nimi\n- osoite\n- puhelinnumero\n"
    )
    names = [category.name.fi for category in result.draft.data_categories]
    assert names[-3:] == ["Nimi", "Osoite", "Puhelinnumero"]
    assert [section for *_, section in result.sections][-1] == "data_categories"
