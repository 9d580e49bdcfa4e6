"""R9-6: under the purposes, a sentence saying what the cookies are used for is a purpose.

"Käytämme evästeitä markkinoinnin kohdentamiseen" names a purpose of processing; a sentence
that only says the site stores cookies still goes to the cookie policy (fictional text).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import ImportResult, import_notice

_FI = (
    "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n"
    "Koivulan Kahvila Oy, Koivulantie 2, 41800 Korpilahti\n\n"
    "2. Käsittelyn tarkoitus\n\nKäytämme tietoja tilausten toimittamiseen. "
)
_EN = (
    "Privacy notice\n\n1. Controller\nBirch Bakery Ltd, Harbour Road 4, 00100 Helsinki\n\n"
    "2. Purposes\n\nWe use your data to deliver orders. "
)


def _fields(result: ImportResult, needle: str) -> set[str]:
    at = result.text.index(needle)
    return {m.field.split("[")[0] for m in result.mapped if m.start <= at < m.end}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            _FI
            + "Käytämme evästeitä kävijämäärien seuraamiseen ja markkinoinnin kohdentamiseen.\n",
            "markkinoinnin kohdentami",
        ),
        (_EN + "We use cookies and your order history to target our marketing.\n", "marketing"),
    ],
)
def test_a_purpose_said_with_cookies_stays_a_purpose(text: str, words: str) -> None:
    purposes = import_notice(text).draft.purposes
    said = " ".join(
        f"{p.name.fi} {p.description.fi if p.description is not None else ''}" for p in purposes
    )
    assert words in said.casefold()


def test_a_sentence_on_the_sites_cookies_still_goes_to_the_cookie_policy() -> None:
    text = _FI + "Sivustomme tallentaa laitteellesi evästeitä eli pieniä tekstitiedostoja.\n"
    assert "cookie_policy" in _fields(import_notice(text), "Sivustomme tallentaa")
