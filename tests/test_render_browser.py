"""A real browser check of the HTML notice: headless Chromium through Playwright.

Uses Debian's ``chromium`` package (``/usr/bin/chromium``, or the one on
``PATH``); ``.ci/run`` installs it. Without a browser, or without Playwright,
the tests are skipped with the reason shown in the report (``-ra``).
"""

from __future__ import annotations

import shutil
import struct
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rekisteri.render import render_notice
from rekisteri.serialize import load_register

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser

EXAMPLES = Path(__file__).parent.parent / "examples"
WIDTH = 375
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    for candidate in (
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium browser installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize(
    ("name", "locale"),
    [("asiakasrekisteri-malli", "fi"), ("kotisivutaivas", "sv"), ("digicenter", "en")],
)
def test_notice_fits_a_phone(browser: Browser, tmp_path: Path, name: str, locale: str) -> None:
    """At 375 px the notice has no horizontal scroll, its lang is set, and it screenshots."""
    register = load_register(EXAMPLES / f"{name}.toml")
    document = tmp_path / "notice.html"
    document.write_text(render_notice(register, locale=locale, format="html"), encoding="utf-8")
    page = browser.new_page(viewport={"width": WIDTH, "height": 800})
    try:
        # Only our own file: any other request would mean an external resource.
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(document.as_uri())
        assert page.evaluate("document.documentElement.lang") == locale
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= WIDTH
        assert page.evaluate("document.querySelectorAll('h2').length") >= 9
        shot = tmp_path / "notice.png"
        page.screenshot(path=str(shot), full_page=True)
        assert requests == [document.as_uri()]
    finally:
        page.close()
    width, height = _png_size(shot.read_bytes())
    assert width == WIDTH
    assert height > 800


def test_long_words_wrap(browser: Browser, tmp_path: Path) -> None:
    """An unbreakable 200-character word or URL in a table cell still fits in 375 px."""
    import attrs

    from rekisteri.model import LocalizedText

    register = load_register(EXAMPLES / "digicenter.toml")
    long_word = "Asiakastietorekisteri" * 10
    purpose = attrs.evolve(
        register.purposes[0],
        name=LocalizedText(fi=long_word),
        description=LocalizedText(fi="https://example.fi/" + "a" * 200),
    )
    register = attrs.evolve(register, purposes=(purpose, *register.purposes[1:]))
    document = tmp_path / "long.html"
    document.write_text(render_notice(register, format="html"), encoding="utf-8")
    page = browser.new_page(viewport={"width": WIDTH, "height": 800})
    try:
        page.goto(document.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    finally:
        page.close()
