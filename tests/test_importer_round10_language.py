"""A notice's language: a Finnish notice with an English cookie table stays Finnish (R3-6)."""

from __future__ import annotations

from rekisteri.importer import import_notice

_COOKIE = (
    "- _sess_{n}: this cookie is set by the shop's platform to keep the contents of the "
    "basket and the state of the session while the visitor moves from page to page."
)

_FINNISH = (
    "Rekisterinpitäjä\n\nKoivulan Kirjakauppa Oy\nRantatie 4, 40100 Jyväskylä\n"
    "asiakaspalvelu@koivulan-kirjakauppa.example.fi\n\n"
    "Rekisterin nimi\n\nVerkkokaupan asiakasrekisteri\n\n"
    "Henkilötietojen käsittelyn tarkoitus\n\n"
    "Henkilötietoja käsitellään tilausten toimittamiseen ja asiakassuhteen hoitoon.\n\n"
    "Evästeet\n\nSivustomme käyttää seuraavia evästeitä:\n"
)


def _finnish_with_cookies(count: int) -> str:
    return _FINNISH + "\n".join(_COOKIE.format(n=n) for n in range(count)) + "\n"


def test_a_finnish_notice_with_a_long_english_cookie_table_stays_finnish() -> None:
    result = import_notice(_finnish_with_cookies(30))
    name = result.draft.name
    assert name is not None
    assert name.fi == "Verkkokaupan asiakasrekisteri"
    assert name.en is None
    assert "I016" not in [finding.code for finding in result.findings]


def test_an_english_notice_is_still_english() -> None:
    text = (
        "Data controller\n\nKoivula Books Ltd\nRantatie 4, 40100 Jyväskylä\n"
        "service@koivula-books.example.fi\n\nName of the register\n\nCustomer register\n\n"
        "Purpose of the processing\n\nThe data are used for the delivery of orders and for the "
        "care of the customer relationship. The data of the customers are kept for the time of "
        "the relationship and are not given to others.\n"
    )
    result = import_notice(text)
    name = result.draft.name
    assert name is not None
    assert name.en == "Customer register"
    assert "I016" in [finding.code for finding in result.findings]
