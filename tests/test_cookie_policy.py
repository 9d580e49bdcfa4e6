"""Register.cookie_policy: a notice's general cookie text, kept, rendered and exported."""

from __future__ import annotations

import pytest

from rekisteri.jsonld import to_jsonld
from rekisteri.model import Cookie, LocalizedText, NoneStated, Register
from rekisteri.render import render_notice
from rekisteri.serialize import dumps, loads
from rekisteri.testing import a_register

POLICY = LocalizedText(
    fi="Sivusto käyttää evästeitä kävijämäärien seurantaan. Voit estää ne selaimen asetuksista.",
    sv="Webbplatsen använder kakor för besöksstatistik. Du kan blockera dem i webbläsaren.",
    en="The site uses cookies for visitor statistics. You can block them in your browser.",
)
HEADINGS = {"fi": "Evästeet", "sv": "Kakor", "en": "Cookies"}


@pytest.mark.parametrize("locale", ["fi", "sv", "en"])
def test_a_cookie_text_alone_gets_the_cookies_section(locale: str) -> None:
    register = a_register(cookie_policy=POLICY, cookies=())
    notice = render_notice(register, locale=locale)
    heading = next(line for line in notice.splitlines() if HEADINGS[locale] in line)
    assert heading.startswith("#")
    body = notice.split(heading, 1)[1]
    assert getattr(POLICY, locale).split(".")[0] in body
    # the 205 § sentence speaks of listed cookies: not without any
    assert "205" not in body.split("\n#", 1)[0]


def test_the_text_comes_before_the_table_of_named_cookies() -> None:
    cookie = Cookie(name="_sid", purpose=LocalizedText(fi="Istunto"), strictly_necessary=True)
    notice = render_notice(
        a_register(cookie_policy=POLICY, cookies=(cookie,), none_stated=()), locale="fi"
    )
    section = notice.split("Evästeet", 1)[1]
    assert section.index("kävijämäärien") < section.index("_sid")
    assert "205" in section


def test_no_cookies_stated_and_a_text_both_render() -> None:
    register = a_register(cookie_policy=POLICY, cookies=(), none_stated=(NoneStated.COOKIES,))
    section = render_notice(register, locale="en").split("Cookies", 1)[1]
    assert "does not use cookies" in section
    assert "visitor statistics" in section


def test_without_cookies_or_a_text_there_is_no_section() -> None:
    notice = render_notice(a_register(cookie_policy=None, cookies=(), none_stated=()), locale="fi")
    assert "Evästeet" not in notice


def test_json_and_jsonld_keep_the_text() -> None:
    register = a_register(cookie_policy=POLICY)
    assert loads(dumps(register), Register).cookie_policy == POLICY
    document = to_jsonld(register)
    assert document["cookiePolicy"] == {"fi": POLICY.fi, "sv": POLICY.sv, "en": POLICY.en}
