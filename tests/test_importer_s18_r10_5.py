"""R10-5: a notice's own last text is not read as a page's footer or an e-mail's signature.

Session 18 (A14's Q5) reads the lines after a notice's last text as spaces when they
look like a web page's footer or an e-mail's signature (``_furniture.trailing_chrome``).
Two of its signs are ordinary notice text too: a line "--" (a form's empty value)
followed by the notice's last sections, which then left the draft whole; and the
words of a cookie banner's buttons in a cookie section's last sentence ("You can
accept all cookies or …"), which then was no longer the cookie policy's text.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._furniture import trailing_chrome

CTRL = (
    "Rekisterinpitäjä\nKoe Kukka Oy, Y-tunnus 3318435-2\nKukkatie 1, 00100 Helsinki\n\n"
    "Rekisterin nimi\nAsiakasrekisteri\n\n"
    "Käsittelyn tarkoitus\nTietoja käytetään asiakassuhteen hoitamiseen.\n\n"
)


def test_a_dash_value_before_the_last_sections_keeps_them() -> None:
    text = (
        CTRL + "Automaattinen päätöksenteko\n--\n\n"
        "Tietojen säilytysaika\nTiedot säilytetään kuusi vuotta.\n\n"
        "Tietojen siirto EU:n ulkopuolelle\nTietoja ei siirretä EU:n ulkopuolelle.\n"
    )
    result = import_notice(text)
    rules = [rule.description.fi for rule in result.draft.retention if rule.description]
    assert rules == ["Tiedot säilytetään kuusi vuotta."]
    assert "transfers" in [none.value for none in result.draft.none_stated]
    assert not any("säilytetään" in passage.text for passage in result.unmatched)


@pytest.mark.parametrize(
    ("heading", "sentence"),
    [
        (
            "Evästeet",
            "Evästeasetuksista voit valita vain välttämättömät evästeet.",
        ),
        (
            "Cookies",
            "You can accept all cookies or choose only the necessary ones in the settings.",
        ),
        (
            "Kakor",
            "Du kan godkänna alla kakor eller endast nödvändiga kakor i inställningarna.",
        ),
    ],
)
def test_a_cookie_sections_last_sentence_is_its_text(heading: str, sentence: str) -> None:
    text = CTRL + f"{heading}\nSivustomme käyttää evästeitä asetusten muistamiseen.\n{sentence}\n"
    assert trailing_chrome(text) == []
    policy = import_notice(text).draft.cookie_policy
    assert policy is not None
    assert sentence in (policy.fi or "")


@pytest.mark.parametrize(
    "tail",
    [
        "Hyväksy kaikki | Vain välttämättömät\n",
        "Godkänn alla kakor  Endast nödvändiga  Inställningar\n",
        "\n--\nAino Esimerkki\nKoe Kukka Oy\n",
        "\nYstävällisin terveisin\nAino Esimerkki\nTietosuojavastaava\n",
    ],
)
def test_a_banner_or_a_signature_is_still_read_apart(tail: str) -> None:
    text = CTRL + "Tietojen säilytysaika\nTiedot säilytetään kuusi vuotta.\n" + tail
    found = [text[s:e] for s, e in trailing_chrome(text)]
    assert found == [line.strip() for line in tail.splitlines() if line.strip()]
