"""HTML to text content, with the hints that the markup gives about structure.

The importer works on text. For an HTML page, that text is the page's text
content as a browser would lay it out, roughly: block elements (paragraphs,
headings, list items, table cells, ...) start new lines, ``<br>`` breaks a
line, and runs of whitespace inside text collapse to one space. All
offsets that the importer reports for an HTML page refer to this text
(:attr:`~rekisteri.importer.ImportResult.text`), not to the markup.

The content of ``<script>``, ``<style>`` and ``<template>`` and comments are
not text and are left out. The stdlib parser never fails on broken markup:
unclosed or stray tags are taken as they come.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Final

from rekisteri.importer._headings import guess, recognise

_BLOCK: Final = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
_HEADING: Final = frozenset(["h1", "h2", "h3", "h4", "h5", "h6", "dt", "th", "title", "caption"])
# <noscript> is text: what a browser without scripts shows (at worst a banner, then
# listed as not mapped, never dropped unseen).
_SKIP: Final = frozenset({"script", "style", "template"})
_CELL: Final = frozenset({"td", "th"})
#: A bold run that opens a paragraph is its heading when at most this long.
_LEAD_CHARS: Final = 80
_EMPHASIS: Final = frozenset({"strong", "b"})
_SPACES: Final = re.compile(r"\s+")
_MAX_OPEN: Final = 64
_HTML_SIGNS: Final = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|table|tr|td|h[1-6]|br|ul|ol|li|dl|dt|span)\b",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """Whether *text* is an HTML document or fragment (judged from its first 4 kB)."""
    return _HTML_SIGNS.search(text[:4096]) is not None


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.newlines = 2  # as if after a paragraph break: no leading blank lines
        self.skip = 0
        self.pre = 0
        self.headings: list[tuple[int, int]] = []
        self.items: list[int] = []
        self._open: list[tuple[str, int]] = []
        self._rows: list[list[tuple[int, int]]] = []
        self._cell_start: int | None = None
        self._block_start = 0
        self._shown = 0  # non-space characters in the current block
        self._bold = 0  # of which inside <strong> or <b>
        self._strong_depth = 0
        self._lead_start: int | None = None  # a bold run that opens the block
        self._lead: tuple[int, int] | None = None  # … once closed, before the block's text
        self._item_starts: set[int] = set()

    # -- output
    def _emit(self, text: str) -> None:
        if not text:
            return
        shown = len(text) - text.count(" ") - text.count("\n")
        self._shown += shown
        if self._strong_depth:
            self._bold += shown
        self.parts.append(text)
        self.length += len(text)
        stripped = text.rstrip("\n")
        self.newlines = self.newlines + len(text) if not stripped else len(text) - len(stripped)

    def _break(self, count: int) -> None:
        self._end_block()
        if self.newlines < count:
            self._emit("\n" * (count - self.newlines))
        self._block_start = self.length

    def _end_block(self) -> None:
        # A paragraph that is all bold is a heading in many hand-made pages.
        if 0 < self._shown == self._bold and self.length - self._block_start <= 160:
            self.headings.append((self._block_start, self.length))
        self._shown = self._bold = 0
        self._lead_start = self._lead = None

    def _close_emphasis(self) -> None:
        self._strong_depth = max(0, self._strong_depth - 1)
        if self._strong_depth == 0 and self._lead_start is not None:
            if self._shown == self._bold > 0:  # the block so far is the bold run
                self._lead = (self._lead_start, self.length)
            self._lead_start = None

    def _lead_heading(self, text: str) -> None:
        """A bold run that opens a paragraph and names a kind is its heading.

        "<p><strong>Säilytysaika.</strong> Tietoja säilytetään …</p>" and
        "<p><b>Kuinka kauan tietoja pidetään</b><br>Tietoja …</p>": the run is
        the heading, the paragraph's other text its section's (on a line of its own).
        """
        lead, self._lead = self._lead, None
        if lead is None or not text.strip() or self._block_start in self._item_starts:
            return  # a bold label in a list item is the item's ("<li><b>X</b>: …</li>")
        start, end = lead
        words = "".join(self.parts)[start:end] if end - start <= _LEAD_CHARS else ""
        if not words.strip() or (recognise(words) or guess(words)) is None:
            return
        self.headings.append((start, end))
        if not self.newlines:
            self._emit("\n")

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
        if tag in _SKIP:
            self.skip += 1
            return
        if tag == "br":
            self._emit("\n")
            return
        if tag == "pre":
            self.pre += 1
        if tag in _EMPHASIS:
            self._strong_depth += 1
            if self._shown == 0 and self._lead is None:
                self._lead_start = self.length
        if tag == "tr":
            self._rows.append([])
        if tag in _BLOCK:
            self._break(1 if tag in {"li", "dd", "tr"} else 2)
            if tag == "li":
                self.items.append(self.length)
                self._item_starts.add(self.length)
            if tag in _HEADING:
                self._open.append((tag, self.length))
                del self._open[:-_MAX_OPEN]  # unclosed headings: keep a bounded stack
            if tag in _CELL:
                self._cell_start = self.length

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._emit("\n")
        elif tag in _BLOCK:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _EMPHASIS:
            self._close_emphasis()
        if tag in _HEADING:
            for index in range(len(self._open) - 1, -1, -1):
                if self._open[index][0] == tag:
                    start = self._open.pop(index)[1]
                    if self.length > start:
                        self.headings.append((start, self.length))
                    break
        if tag in _CELL and self._cell_start is not None and self._rows:
            self._rows[-1].append((self._cell_start, self.length))
            self._cell_start = None
        if tag == "tr" and self._rows:
            cells = [cell for cell in self._rows.pop() if cell[1] > cell[0]]
            # A two-column table (heading | content): the first cell is the heading.
            if len(cells) == 2 and cells[0][1] - cells[0][0] <= 160:
                self.headings.append(cells[0])
        if tag in _BLOCK:
            self._break(1 if tag in {"li", "dd"} else 2)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.pre:
            self._emit(data)
            return
        text = _SPACES.sub(" ", data)
        if self._lead is not None and not self._strong_depth:
            self._lead_heading(text)
        if self.newlines:
            text = text.lstrip(" ")
        self._emit(text)


def html_to_text(markup: str) -> tuple[str, list[tuple[int, int]], list[int]]:
    """Return the text content of *markup*, its heading spans and list-item starts."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    parser._break(1)  # noqa: SLF001 - flush the last block
    return "".join(parser.parts), parser.headings, parser.items
