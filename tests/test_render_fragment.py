"""The HTML fragment: ``render_notice(..., format="html", fragment=True)`` and ``notice_css()``.

The fragment is one ``<div class="rk-notice">`` for a web application's own
layout. The browser test places it in a host page whose CSS sets hostile
element rules, and checks that the notice inherits none of them that would
break it, and that it fits a 375 px phone screen without horizontal scroll.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rekisteri.errors import InvalidValueError
from rekisteri.render import notice_css, render_notice, render_record
from rekisteri.serialize import load_register
from rekisteri.testing import a_register
from tests.test_render_browser import WIDTH, browser

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

__all__ = ["browser"]  # the fixture, imported from the browser tests

EXAMPLES = Path(__file__).parent.parent / "examples"


class TestFragment:
    @pytest.mark.parametrize("locale", ["fi", "sv", "en"])
    def test_one_element_without_page(self, locale: str) -> None:
        """The fragment is one well-formed <div> with the notice's lang, no page around it."""
        html = render_notice(a_register(), locale=locale, format="html", fragment=True)
        root = ET.fromstring(html)  # noqa: S314 - our own output
        assert root.tag == "div"
        assert root.get("class") == "rk-notice"
        assert root.get("lang") == locale
        for tag in ("<html", "<head", "<body", "<style", "<!DOCTYPE", "<main", "<title"):
            assert tag not in html

    def test_same_content_as_the_page(self) -> None:
        """The fragment has the page's headings and text: only the page around it is gone."""
        register = a_register()
        page = render_notice(register, locale="sv", format="html")
        fragment = render_notice(register, locale="sv", format="html", fragment=True)
        body = page[page.index("<main>") + len("<main>") : page.index("</main>")]
        inner = fragment[fragment.index(">") + 1 : fragment.rindex("</div>")]
        # the fragment's section ids carry its language and a digest (unique on a page)
        assert re.sub(r'"rk-sv-[0-9a-f]{8}-s(\d+)"', r'"rk-s\1"', inner).strip() == body.strip()

    def test_ids_unique_across_fragments_on_one_page(self) -> None:
        """The notice in two languages and the record on one page: no id twice; stable per run."""
        register = a_register()
        fragments = [
            render_notice(register, locale="fi", format="html", fragment=True),
            render_notice(register, locale="sv", format="html", fragment=True),
            render_record(register, locale="fi", format="html", fragment=True),
        ]
        ids = [i for f in fragments for i in re.findall(r'\bid="([^"]+)"', f)]
        assert len(ids) > 3
        assert len(ids) == len(set(ids))
        assert fragments[0] == render_notice(register, locale="fi", format="html", fragment=True)
        for fragment in fragments:  # every aria-labelledby names an id of its own fragment
            own = set(re.findall(r'\bid="([^"]+)"', fragment))
            assert set(re.findall(r'aria-labelledby="([^"]+)"', fragment)) == own

    def test_sizes_follow_the_fragment_not_the_page_root(self) -> None:
        """The fragment's CSS sizes in em: a host's html { font-size: 62.5% } cannot shrink it."""
        css = notice_css()
        assert "rem" not in css.replace("@media (max-width: 40rem)", "")

    def test_class_names_and_ids_are_prefixed(self) -> None:
        """Every class name and id the writer emits starts with rk-."""
        register = a_register(rights_exercise=None, updated=None, name=None)
        html = render_notice(register, locale="en", format="html", fragment=True)
        classes = re.findall(r'class="([^"]+)"', html)
        ids = re.findall(r'\bid="([^"]+)"', html) + re.findall(r'aria-labelledby="([^"]+)"', html)
        assert classes
        assert ids
        assert all(name.startswith("rk-") for value in classes for name in value.split())
        assert all(value.startswith("rk-") for value in ids)

    def test_record_fragment(self) -> None:
        """The Art 30 record has a fragment form too."""
        html = render_record(a_register(), locale="fi", format="html", fragment=True)
        assert html.startswith('<div class="rk-notice" lang="fi">')

    @pytest.mark.parametrize("fmt", ["md", "text"])
    def test_fragment_only_for_html(self, fmt: str) -> None:
        """A fragment of Markdown or text is a typed error naming the argument."""
        with pytest.raises(InvalidValueError, match="fragment"):
            render_notice(a_register(), format=fmt, fragment=True)  # type: ignore[arg-type] # parametrised

    def test_css_is_scoped(self) -> None:
        """Every selector of notice_css() is inside .rk-notice; nothing styles the host page."""
        css = notice_css()
        without_media = re.sub(r"@media[^{]*\{", "", re.sub(r":is\([^)]*\)", ":is()", css))
        selectors = re.findall(r"([^{}]+)\{", without_media)
        assert selectors
        for group in selectors:
            for selector in group.split(","):
                part = selector.strip()
                if part and not part.startswith(("(", '"')):
                    assert part.startswith(".rk-notice"), part
        assert re.search(r"(^|[\s,}])(html|body)\s*[{,]", css) is None
        assert ":root" not in css


#: A host page's CSS of element rules that would break an unprotected notice.
HOSTILE_CSS = """
* { box-sizing: content-box; }
html { font-size: 16px; }
body { margin: 0; font: 30px/1 serif; letter-spacing: 4px; text-align: justify;
  text-transform: uppercase; color: #333; white-space: nowrap; }
h1, h2, h3 { font-size: 64px; margin: 0 0 0 200px; color: red; display: inline; }
p { margin-left: 300px; white-space: pre; }
ul { list-style: none; margin: 0 0 0 -40px; padding: 0; }
li { display: inline-block; width: 900px; }
dl { display: flex; width: 1200px; }
table { width: 1200px; table-layout: fixed; }
td, th { white-space: nowrap; padding: 40px; }
section { display: grid; grid-template-columns: 800px 800px; }
strong { font-weight: 100; }
a { color: #fff; text-decoration: none; }
span { display: block; float: left; width: 700px; }
div { float: left; }
"""


def _host_page(fragment: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
        f"<title>Host</title><style>{HOSTILE_CSS}</style><style>{notice_css()}</style>"
        "</head><body><header>Host</header>"
        f'<article id="content">{fragment}</article><footer>Footer</footer>'
        "</body></html>"
    )


def _style(page: Page, selector: str, prop: str) -> str:
    value: str = page.evaluate(
        "([s, p]) => getComputedStyle(document.querySelector(s)).getPropertyValue(p)",
        [selector, prop],
    )
    return value


@pytest.mark.parametrize(
    ("name", "locale"),
    [("asiakasrekisteri-malli", "fi"), ("kotisivutaivas", "sv"), ("digicenter", "en")],
)
def test_fragment_in_a_hostile_host_page(
    browser: Browser, tmp_path: Path, name: str, locale: str
) -> None:
    """In a host page with hostile element CSS, the fragment keeps its own style and fits 375 px."""
    register = load_register(EXAMPLES / f"{name}.toml")
    fragment = render_notice(register, locale=locale, format="html", fragment=True)
    document = tmp_path / "host.html"
    document.write_text(_host_page(fragment), encoding="utf-8")
    page = browser.new_page(viewport={"width": WIDTH, "height": 800})
    try:
        page.goto(document.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
        assert page.evaluate("document.querySelector('.rk-notice').scrollWidth") <= WIDTH
        notice = ".rk-notice"
        assert page.evaluate("document.querySelector('.rk-notice').lang") == locale
        # Inherited properties are the notice's own, not the host body's.
        assert _style(page, notice, "font-size") == "16px"
        assert _style(page, notice, "text-transform") == "none"
        assert _style(page, notice, "letter-spacing") == "normal"
        assert _style(page, notice, "white-space") == "normal"
        assert _style(page, notice, "float") == "none"
        # Element rules of the host do not reach inside.
        assert _style(page, ".rk-notice h2", "font-size") == "20.8px"  # 1.3rem
        assert _style(page, ".rk-notice h2", "display") == "block"
        assert _style(page, ".rk-notice h2", "margin-left") == "0px"
        assert _style(page, ".rk-notice p", "margin-left") == "0px"
        assert _style(page, ".rk-notice p", "white-space") == "normal"
        assert _style(page, ".rk-notice ul", "list-style-type") == "disc"
        assert _style(page, ".rk-notice li", "display") == "list-item"
        assert _style(page, ".rk-notice section", "display") == "block"
        assert _style(page, ".rk-notice strong", "font-weight") == "700"
        assert _style(page, ".rk-notice td", "white-space") == "normal"
        if page.evaluate("document.querySelector('.rk-notice span') !== null"):
            assert _style(page, ".rk-notice span", "float") == "none"
        # Every element of the notice lies within the phone's width.
        overflowing = page.evaluate(
            "[...document.querySelectorAll('.rk-notice *')]"
            ".filter(e => e.getBoundingClientRect().right > "
            f"{WIDTH} + 0.5).map(e => e.tagName)"
        )
        assert overflowing == []
    finally:
        page.close()
