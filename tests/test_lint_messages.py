"""Review fixes of the linter's messages: terms, citations and grammar in fi/sv/en."""

from __future__ import annotations

import pytest

from rekisteri.lint import CODES
from rekisteri.model import Lang


def _message(code: str, lang: Lang) -> str:
    text = CODES[code].message.get(lang)
    assert text is not None
    return text


def test_security_measures_use_the_art_30_term() -> None:
    """R121 in Finnish says "turvatoimia" (Art 30(1)(g)); "suojatoimet" are Art 46 safeguards."""
    message = _message("R121", Lang.FI)
    assert "Teknisiä ja organisatorisia turvatoimia" in message
    assert "suojatoim" not in message


def test_r122_swedish_follows_the_gdpr_wording() -> None:
    """R122 in Swedish: "tillhandahållandet ... är ett krav", and "han eller hon" as elsewhere."""
    message = _message("R122", Lang.SV)
    assert "om tillhandahållandet av personuppgifterna är ett lagstadgat" in message
    assert "om han eller hon inte gör det" in message
    assert " hen " not in message


@pytest.mark.parametrize("code", ["R113", "R114"])
def test_swedish_although_is_written_out(code: str) -> None:
    """The concession is "trots att", not the colloquial conjunction "fast"."""
    message = _message(code, Lang.SV)
    assert "saknas, trots att behandlingen" in message
    assert " fast " not in message


def test_r202_english_says_the_notice_is_silent() -> None:
    """A source does not "say" anything; the notice does not say whether it is public."""
    message = _message("R202", Lang.EN)
    assert message.startswith("The notice does not say whether the source “{name}” is publicly")


@pytest.mark.parametrize(
    ("lang", "citation"),
    [
        (Lang.FI, "(sähköisen viestinnän palveluista annetun lain 205 §)"),
        (Lang.SV, "(205 § i lagen om tjänster inom elektronisk kommunikation)"),
    ],
)
def test_cookie_act_is_cited_by_its_section(lang: Lang, citation: str) -> None:
    """R208 cites the act in the form the notices use, section with the act in the genitive."""
    assert citation in _message("R208", lang)


def test_r210_swedish_uses_the_art_10_term() -> None:
    """Art 10 in Swedish: "fällande domar i brottmål och lagöverträdelser"."""
    assert "fällande domar i brottmål och lagöverträdelser" in _message("R210", Lang.SV)


def test_r316_english_is_a_whole_sentence() -> None:
    """A transfer does not meet "GDPR Chapter V" but the requirements of it."""
    assert "does not meet the requirements of GDPR Chapter V." in _message("R316", Lang.EN)
