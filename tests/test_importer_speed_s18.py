"""Session 18's speed-ups of the contact readers read exactly as the plain forms (issue 15).

A role's word grouped by its first letter, a body's word read once then looked
back at, and the person test's mapped checks: each is compared with the plain
form it stands for, written out here as it was.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rekisteri.importer import _contact, _controller, _cues, _headings

#: The role words as one plain alternation, in the order they were written.
_PLAIN_ROLE = re.compile(
    r"(?i)(?:toimitus)?johtaja|päällikkö|vastaava|sihteeri|puheenjohtaja|yrittäjä|omistaja"
    r"|asiamies|koordinaattori|esimies|manager|director|officer|ansvarig|chef|vd|ceo"
    r"|suunnittelija|asiantuntija|hallinto\w*|tietosuojavastaava|dataskyddsombud|ylläpitäjä"
    r"|webmaster|admin\w*|sihteerare|sekreterare|ordförande|kassör|v?pj\.|rehtori|rektor"
    r"|hoitaja|tarkastaja|neuvoja|ohjaaja|opettaja|pastori|kirkkoherra|isännöitsijä"
    r"|handläggare|inspektör|bibliotekarie|kyrkoherde"
)
#: A body's word with its ending tried at each length of the word (the plain form).
_PLAIN_BODY = re.compile(
    r"(?<![\w-])(?:Oyj|Oy|Ab|Abp|Ky|Ay|Tmi|T:mi|ry|r\.y\.|rf|r\.f\.|sr|osk|Ltd|Inc|AB"
    r"|OYJ|OY|LTD|INC|LLC)(?![\w-])"
    r"|(?i:(?<!\w)\w*(?:säätiö|yhdistys|liitto|kunta|kaupunki|kuntayhtymä|hyvinvointialue|virasto"
    r"|seurakunta|stiftelse|förening|förbund|kommun|stad|samkommun|välfärdsområde"
    r"|foundation|association|municipality)(?![\w-]))"
)
_ROLE_PIECES = (
    "toimitusjohtaja", "johtaja", "Vastaava", "sihteeri", "sihteerare", "vpj.", "Pj.", "pj",
    "hallinto", "admin", "rehtori", "rektor", "VD", "ceo", "opettaja", "Maija", "ſihteeri",
    "tietosuojavastaava", "kassör", " ", "\t", ":", "-", "x", "2019", "ä",
)  # fmt: skip
_BODY_PIECES = (
    "Kylän", "kunta", "kuntayhtymä", "seurakunta", "Stad", "STIFTELSE", "säätiö", "Oy", "ry",
    "r.y.", "T:mi", "LTD", "-", " ", "_", "x", "1", "ä", "K",
)  # fmt: skip


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[object]:
    return [
        (found and found.span())
        for found in (
            pattern.search(text, start, end),
            pattern.match(text, start, end),
            pattern.fullmatch(text, start, end),
        )
    ] + [[m.span() for m in pattern.finditer(text, start, end)]]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ROLE_PIECES), max_size=8).map("".join), st.data())
def test_a_role_word_is_found_as_by_the_plain_alternation(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _spans(_contact.ROLE, text, start, end) == _spans(_PLAIN_ROLE, text, start, end)
    # the patterns that embed it, with the plain alternation in its place
    for embedding in (
        _controller._ROLE_FIRST,
        _controller._ROLE_FIRST_LONG,
        _controller._ROLE_LABEL,
    ):
        plain = re.compile(
            embedding.pattern.replace(
                _contact.ROLE.pattern.removeprefix("(?i)"),
                _PLAIN_ROLE.pattern.removeprefix("(?i)"),
            ),
            embedding.flags,
        )
        assert plain.pattern != embedding.pattern
        assert _spans(embedding, text, start, end) == _spans(plain, text, start, end)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_BODY_PIECES), max_size=8).map("".join), st.data())
def test_a_bodys_word_is_found_as_by_the_plain_pattern(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _spans(_cues.ORGANISATION, text, start, end) == _spans(_PLAIN_BODY, text, start, end)


def _plain_looks_like_person(value: str) -> bool:
    words = value.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(_contact._PLACE_WORD.search(w) for w in words)
        and _cues.COMPANY.search(value) is None
        and _cues.ORGANISATION.search(value) is None
        and not any(c.isdigit() or c in "@:" for c in value)
        and _headings.recognise(value) is None
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ("Maija", "Virtanen", "Oy", "Kauppakeskus", "Talo", "2", "²", "@", ":", "säätiö", "x")
        ),
        max_size=5,
    ).map(" ".join)
)
def test_a_person_is_told_as_by_the_plain_test(value: str) -> None:
    assert _contact.looks_like_person(value) == _plain_looks_like_person(value)
