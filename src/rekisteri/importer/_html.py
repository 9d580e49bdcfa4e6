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

import bisect
import re
from html import unescape
from html.parser import HTMLParser
from typing import Final
from urllib.parse import unquote

from rekisteri.importer._cookies import header_columns
from rekisteri.importer._headings import SectionKind, guess, recognise

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
#: A table or definition list right under a page heading of these kinds holds that
#: section's entries, one a row ("Tilitoimisto Oy | kirjanpito"), not headings.
_ENTRY_TABLE_KINDS: Final = frozenset(
    {
        SectionKind.PURPOSES,
        SectionKind.CONTENT,
        SectionKind.SUBJECTS,
        SectionKind.SOURCES,
        SectionKind.DISCLOSURES,
        SectionKind.PROCESSORS,
        SectionKind.RETENTION,
    }
)
_PAGE_HEADING: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "caption"})
_MAX_OPEN: Final = 64
_HTML_SIGNS: Final = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|table|tr|td|h[1-6]|br|ul|ol|li|dl|dt|span)\b",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """Whether *text* is an HTML document or fragment (judged from its first 4 kB)."""
    return _HTML_SIGNS.search(text[:4096]) is not None


#: How far past a ``<table>`` tag its first row is looked for (a header row's markup).
_HEADER_REACH: Final = 3000
_FIRST_ROW: Final = re.compile(
    r"<tr\b.*?(?=</tr\s*>|<tr\b|</table\s*>|$)", re.IGNORECASE | re.DOTALL
)
_CELL_TAG: Final = re.compile(r"<t[hd]\b[^>]*>", re.IGNORECASE)
_TAG: Final = re.compile(r"<[^>]*>?")


def _header_cells(markup: str, start: int) -> list[str]:
    """The text of the cells of the first row of the table whose tag is at *start*."""
    row = _FIRST_ROW.search(markup, start, start + _HEADER_REACH)
    if row is None:
        return []
    cells = _CELL_TAG.split(row.group())[1:]
    return [" ".join(unescape(_TAG.sub(" ", cell)).split()) for cell in cells]


class _Extractor(HTMLParser):
    def __init__(self, markup: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self._markup = markup
        # a page that marks its content (<main>): what stands outside it is the page's
        self._has_main = _MAIN_TAG.search(markup) is not None
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", markup)]
        self.parts: list[str] = []
        self.length = 0
        self.newlines = 2  # as if after a paragraph break: no leading blank lines
        self.skip = 0
        self.pre = 0
        self.forms = 0
        """How many <form> elements are open: a visitor's controls, not a filled-in form."""
        # A form saved filled in (a ticked box, a chosen option or a text box's value
        # in it): its boxes show their state as outside a form (A16's W15).
        self._filled_at = [m.start() for m in _FILLED.finditer(markup) if _fills(m[0])]
        self._form_ends = [m.start() for m in _FORM_END.finditer(markup)]
        self._filled: list[bool] = []  # for each open <form>: filled in?
        self._placeholder = False  # Cloudflare's "[email protected]" is due
        self._mailto: tuple[str, int] | None = None  # an open mailto link: address, first part
        self._select = 0  # open <select> elements
        self._options: list[tuple[bool, list[str]]] = []  # the open select's options
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
        self._heading_kind: SectionKind | None = None  # the last page heading's …
        self._heading_shown = -1  # … and the text shown before its end
        self._total_shown = 0  # non-space characters of the text so far
        self._heading_parts: dict[int, int] = {}  # an open heading's start: its first part
        self._entry_tables: list[bool] = []  # for each open table or list: an entry table?
        self._row: list[int] = []  # an entry table's row: its start, then 1 per header cell
        self._row_cells = 0
        self._described = 0  # cells after a row's first, in brackets
        self._dd_run: list[int] = []  # the starts of the <dd> after the last <dt>
        self._row_tables: list[bool] = []  # for each open table or list: a cookie table?
        self._content = 0  # open <main> and <article> elements
        self._chrome_block = False  # the next block opens a page's own footer
        self._line_cells = 0  # the cells so far on a cookie table's row
        self._cell_from: int | None = None  # an open cell of a cookie table: its text's start
        self._cell_nested = 0  # tables or lists open inside that cell
        self._cell_space = False  # a space is due before the cell's next word

    # -- output
    def _emit(self, text: str) -> None:
        if not text:
            return
        shown = len(text) - text.count(" ") - text.count("\n")
        self._shown += shown
        self._total_shown += shown
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
        # A paragraph that is all bold is a heading in many hand-made pages; the first
        # block of the page's own footer heads it (K6: its text is no part of the last
        # section: a copyright line, menu links, the firm's address)
        heads = 0 < self._shown == self._bold or (self._chrome_block and self._shown > 0)
        if heads and self.length - self._block_start <= 160:
            self.headings.append((self._block_start, self.length))
        if self._shown:
            self._chrome_block = False
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

    def _definitions(self, tag: str) -> None:
        """Two or more ``<dd>`` after one ``<dt>`` are a list: each is an entry.

        "<dt>Rekisterin tietosisältö</dt><dd>Nimi</dd><dd>Osoite</dd>"; one
        ``<dd>`` alone is its term's value.
        """
        if tag == "dt":
            self._dd_run = []
        elif tag == "dd":
            self._dd_run.append(self.length)
            if len(self._dd_run) > 1:
                # the second <dd> makes both entries; each later one adds itself (the
                # earlier ones are entries already: looking at them all again was quadratic)
                run = self._dd_run if len(self._dd_run) == 2 else self._dd_run[-1:]
                for start in run:
                    if start not in self._item_starts:
                        self.items.append(start)
                        self._item_starts.add(start)

    # -- entry tables
    def _in_entry_table(self) -> bool:
        return bool(self._entry_tables) and self._entry_tables[-1]

    def _entry_tag_start(self, tag: str) -> bool:
        """Open a table or a list, or a row or a cell of an entry table (then True)."""
        if tag in {"table", "dl"}:
            self._table_opens()
            self._row_tables.append(tag == "table" and self._cookie_header())
            return False
        return self._in_entry_table() and self._entry_start(tag)

    def _entry_tag_end(self, tag: str) -> bool:
        """Close a table or a list, or a row or a cell of an entry table (then True)."""
        if tag in {"table", "dl"}:
            if self._row_tables:
                self._row_tables.pop()
            if self._entry_tables and self._entry_tables.pop() and self._row:
                self._finish_row()
            return False
        return self._in_entry_table() and self._entry_end(tag)

    def _entry_start(self, tag: str) -> bool:
        """Open a row or a cell of an entry table; whether *tag* was one."""
        if tag in {"tr", "dt"}:
            if tag == "dt" and self._row:
                self._finish_row()
            self._break(1)
            self._row = [self.length]
            self._row_cells = self._described = 0
            return True
        if tag in {"td", "th", "dd"}:
            if self._row and self.length > self._row[0]:
                # the first cell names the entry, the others describe it
                self._emit(" (" if self._described == 0 else ", ")
                self._described += 1
            self._row_cells += 1
            if tag == "th":
                self._row.append(self.length)
            return True
        return False

    def _entry_end(self, tag: str) -> bool:
        """Close a cell or a row of an entry table; whether *tag* was one."""
        if tag in {"td", "th", "dd", "dt"}:
            return True
        if tag != "tr":
            return False
        self._finish_row()
        return True

    def _finish_row(self) -> None:
        """A row of an entry table is an entry; a row of header cells, its column names."""
        if self._row and self.length > self._row[0]:
            if self._described:
                self._emit(")")
            if len(self._row) - 1 == self._row_cells:  # all header cells: column names,
                self._emit(":")  # a lead-in of the rows (an item ending in ':', no entry)
            self.items.append(self._row[0])
            self._item_starts.add(self._row[0])
        self._row = []
        self._break(1)

    # -- cookie tables: one row a line, its cells separated by tabs
    def _cookie_header(self) -> bool:
        """Whether the table whose tag is being read starts with a cookie table's header.

        Its rows are then read a row a line, as a browser copies a table: an empty
        cell stays a cell, and a line break or a list inside a cell stays in it.
        """
        line, column = self.getpos()
        if not self._markup or line > len(self._line_starts):
            return False
        cells = _header_cells(self._markup, self._line_starts[line - 1] + column)
        return len(cells) >= 2 and header_columns(cells) is not None

    def _in_cookie_table(self) -> bool:
        return bool(self._row_tables) and self._row_tables[-1]

    def _row_tag_start(self, tag: str) -> bool:
        """A tag of a cookie table's row or cell, read here (then True)."""
        if self._cell_from is not None:
            if self._cell_nested or tag not in {"td", "th", "tr"}:
                return self._cell_tag_start(tag)
            self._cell_from = None  # a cell whose end tag was left out ends here
        if not self._in_cookie_table():
            return False
        if tag == "tr":
            self._row_line()
            return True
        if tag in _CELL:
            if self._line_cells:
                self._emit("\t")
            self._line_cells += 1
            self._cell_from = self.length
            self._cell_space = False
            self._lead_start = self._lead = None
            return True
        return tag in {"thead", "tbody", "tfoot"}

    def _cell_tag_start(self, tag: str) -> bool:
        """Inside a cookie table's cell, a block or a line break only parts its words."""
        if tag in {"table", "dl"}:
            self._cell_nested += 1
        if tag not in _BLOCK and tag != "br":
            return False
        assert self._cell_from is not None
        if self.length > self._cell_from:
            if tag == "li":
                self._emit(", ")
                self._cell_space = False
            else:
                self._cell_space = True
        return True

    def _row_tag_end(self, tag: str) -> bool:
        """An end tag of a cookie table's row or cell, read here (then True)."""
        if self._cell_from is not None:
            if self._cell_nested and tag in {"table", "dl"}:
                self._cell_nested -= 1
                return True
            if self._cell_nested or tag not in {"td", "th", "tr", "table"}:
                return tag in _BLOCK  # a block inside a cell ends no line
            self._cell_from = None
        if not self._in_cookie_table():
            return False
        if tag == "tr":
            self._row_line()
            return True
        return tag in {"td", "th", "thead", "tbody", "tfoot"}

    def _row_line(self) -> None:
        """A cookie table's row ends its line (a row all in bold is no heading)."""
        self._shown = self._bold = 0
        self._break(1)
        self._line_cells = 0
        self._cell_from = None

    def _cell_text(self, text: str) -> None:
        """Text in a cookie table: in a cell, its words; between cells, only what shows."""
        words = text.strip(" ")
        if self._cell_from is None:
            if words:
                self._emit(text)
            return
        if not words:
            self._cell_space = self._cell_space or self.length > self._cell_from
            return
        if (self._cell_space or text.startswith(" ")) and self.length > self._cell_from:
            self._emit(" ")
        self._emit(words)
        self._cell_space = text.endswith(" ")

    def _table_opens(self) -> None:
        self._entry_tables.append(
            self._heading_kind in _ENTRY_TABLE_KINDS and self._total_shown == self._heading_shown
        )

    def _page_heading(self, tag: str, start: int) -> None:
        if tag not in _PAGE_HEADING or self.length - start > _LEAD_CHARS * 2:
            return
        words = "".join(self.parts[self._heading_parts.get(start, 0) :])
        self._heading_kind = recognise(words) or guess(words)
        self._heading_shown = self._total_shown
        if tag == "caption" and self._entry_tables and self._heading_kind in _ENTRY_TABLE_KINDS:
            self._entry_tables[-1] = True

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if self._form_tag_start(tag, attrs):
            return
        if self._row_tag_start(tag) or self._entry_tag_start(tag) or self._inline(tag, attrs):
            return
        if tag == "pre":
            self.pre += 1
        if tag in _EMPHASIS:
            self._strong_depth += 1
            if self._shown == 0 and self._lead is None:
                self._lead_start = self.length
        if tag == "tr":
            self._rows.append([])
        self._page_parts(tag, attrs)
        if tag in _BLOCK:
            self._break(1 if tag in {"li", "dd", "tr"} else 2)
            if tag == "li":
                self.items.append(self.length)
                self._item_starts.add(self.length)
            self._definitions(tag)
            if tag in _HEADING:
                self._open.append((tag, self.length))
                self._heading_parts[self.length] = len(self.parts)
                del self._open[:-_MAX_OPEN]  # unclosed headings: keep a bounded stack
            if tag in _CELL:
                self._cell_start = self.length

    def _page_parts(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Follow the page's content elements; a ``<footer>`` outside them is the page's.

        So are, on a page with a ``<main>``, a ``<nav>`` menu, a ``<header>`` and a
        cookie banner outside it (A15's V15): their text heads a section of its own
        (its words listed as not mapped), never the notice's description or cookies.
        """
        if tag in {"main", "article"}:
            self._content += 1
        elif not self._content and (
            tag == "footer"
            or (self._has_main and (tag in {"nav", "header"} or _chrome_box(tag, attrs)))
        ):
            self._break(2)
            self._chrome_block = True

    def _inline(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Read a line break, a check box or a text box; whether *tag* was one."""
        if tag == "br":
            self._emit("\n")
        elif tag == "input":
            self._check_box(attrs)
        elif tag in {"a", "span"}:
            self._link_start(attrs)
        return tag in {"br", "input"}

    def _link_start(self, attrs: list[tuple[str, str | None]]) -> None:
        """An e-mail address that lives in the markup only (A16's W10).

        Cloudflare's e-mail protection writes the address XOR-ed with a key into
        ``data-cfemail`` (or the link's ``#…`` after ``/cdn-cgi/l/email-protection``)
        and shows "[email protected]": the address is read there, the placeholder
        left out. A ``mailto:`` link whose words are no address ("Lähetä
        sähköpostia") gives its address in brackets after them.
        """
        named = dict(attrs)
        href = named.get("href") or ""
        hidden = named.get("data-cfemail")
        if hidden is None and _CF_LINK in href:
            hidden = href.rpartition("#")[2]
        address = _cloudflare_address(hidden) if hidden else None
        if address is not None:
            self._word_run(address)
            self._placeholder = True
        elif href[:7].casefold() == "mailto:":
            target = unquote(href[7:].partition("?")[0]).strip()
            if _MAILTO.fullmatch(target):
                self._mailto = (target, len(self.parts))

    def _link_end(self) -> None:
        """A ``mailto:`` link's end: its address after its words, unless they show it."""
        target, first = self._mailto or ("", 0)
        self._mailto = None
        words = "".join(self.parts[first:]).casefold()
        if target and target.partition("@")[0].casefold() not in words:
            self._word_run(f"({target})")

    def _check_box(self, attrs: list[tuple[str, str | None]]) -> None:
        """A form's check box as the text a form saved as text shows: "[x] " or "[ ] ".

        Not a box the visitor ticks in the page's own <form> (a cookie consent's
        "Analytiikkaevästeet", unticked as consent asks): its words are the notice's,
        read as they stand (a disabled box there shows a choice made, as outside),
        unless the form was saved filled in (:meth:`_form_filled`). A text box's
        value is text, as a form saved as text shows it (A16's W5).
        """
        named = dict(attrs)
        kind = (named.get("type") or "text").casefold()
        if kind in _TEXT_BOXES:
            value = (named.get("value") or "").strip()
            if value:
                self._word_run(value)
            return
        if kind not in {"checkbox", "radio"}:
            return
        if self.forms and "disabled" not in named and not (self._filled and self._filled[-1]):
            return
        self.handle_data("[x] " if "checked" in named else "[ ] ")

    def _word_run(self, words: str) -> None:
        """*words* of a form's field read as text, a space on each side unless one is there."""
        glued = bool(self.parts) and not self.newlines and not self.parts[-1][-1:].isspace()
        self.handle_data(f"{' ' if glued else ''}{words} ")

    def _here(self) -> int:
        """Where the parser is in the markup (the tag being read starts there)."""
        line, column = self.getpos()
        return self._line_starts[min(line, len(self._line_starts)) - 1] + column

    def _form_filled(self) -> bool:
        """Whether the <form> that starts here holds a choice made before its end.

        A box ticked (and not disabled), a chosen option or a text box with a value
        (not a button's label, not a hidden field): the page is a form saved filled
        in, not one for the visitor to fill (a cookie consent's boxes, unticked as
        consent asks). A form under a cookies heading is the visitor's consent.
        """
        if self._heading_kind is SectionKind.COOKIES:
            return False
        here = self._here()
        marker = bisect.bisect_left(self._filled_at, here)
        if marker == len(self._filled_at):
            return False
        end = bisect.bisect_left(self._form_ends, here)
        return end == len(self._form_ends) or self._filled_at[marker] < self._form_ends[end]

    def _form_tag_start(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Follow a <form>, a <select> and its options; whether *tag* needs no more."""
        if tag == "form":
            self.forms += 1
            self._filled.append(self._form_filled())
        if tag in {"select", "option"}:
            self._choice_start(tag, attrs)
            return True
        if self._select and tag in _BLOCK:  # a list left open: its options are read here
            self._choice_end(everything=True)
        return False

    def _form_tag_end(self, tag: str) -> bool:
        """The end of a <form>, a <select>, an option or a link; whether *tag* needs no more."""
        if tag == "a" and self._mailto is not None:
            self._link_end()
        if tag == "form":
            self.forms = max(0, self.forms - 1)
            if self._filled:
                self._filled.pop()
        if tag == "select" and self._select:
            self._choice_end()
            return True
        return tag == "option"

    def _choice_start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A drop-down list: only its chosen option is text, as a browser shows it (W6)."""
        if tag == "select":
            if not self._select:
                self._options = []
            self._select += 1
        elif self._select:
            self._options.append(("selected" in dict(attrs), []))

    def _choice_end(self, *, everything: bool = False) -> None:
        """The end of a drop-down list: its chosen option (or the first, as shown) is read.

        With *everything* (a list never closed), every option is read: nothing is lost.
        """
        self._select = 0 if everything else max(0, self._select - 1)
        if self._select:
            return
        if everything:
            self.handle_data(" ".join("".join(words) for _, words in self._options))
            self._options = []
            return
        options, self._options = self._options, []
        # every option chosen (a <select multiple> may have several), else the first
        chosen = ["".join(words).strip() for selected, words in options if selected]
        if not chosen and options:
            chosen = ["".join(options[0][1]).strip()]
        if any(chosen):
            self._word_run(", ".join(words for words in chosen if words))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "input":
            self._check_box(attrs)
        elif self._cell_from is not None and tag == "br":
            self._cell_tag_start(tag)
        elif tag == "br":
            self._emit("\n")
        elif tag in _BLOCK:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self._form_tag_end(tag):
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _EMPHASIS:
            self._close_emphasis()
        if tag in {"main", "article"}:
            self._content = max(0, self._content - 1)
        if self._row_tag_end(tag) or self._entry_tag_end(tag):
            return
        if tag in _HEADING:
            self._close_heading(tag)
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

    def _close_heading(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                start = self._open.pop(index)[1]
                if self.length > start:
                    self.headings.append((start, self.length))
                    self._page_heading(tag, start)
                break

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self._select and self._options:  # an option's words: read at the list's end
            self._options[-1][1].append(data)
            return
        if self._placeholder and data.strip():
            self._placeholder = False
            if _CF_PLACEHOLDER.fullmatch(data):
                return
        if self._in_cookie_table() or self._cell_from is not None:
            self._cell_text(_SPACES.sub(" ", data))
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


#: A markup declaration ``<!…`` other than a comment, a doctype or a CDATA section;
#: group 1 is its end (``>``), if it has one.
_ODD_DECLARATION: Final = re.compile(r"<!(?!--|\[CDATA\[|doctype)[^<>]*(>)?", re.IGNORECASE)


#: The kinds of <input> whose value is text a person typed (a missing type is "text").
_TEXT_BOXES: Final = frozenset({"text", "email", "tel", "url", "number", "date", "search"})
#: An <input> or <option> tag: a form saved filled in may hold one (see _fills). The
#: whole tag up to its ">", so that the scan is linear ("<option" repeated in one tag).
_FILLED: Final = re.compile(r"<(?:input|option)\b[^>]*>", re.IGNORECASE)
#: The end of a <form>.
_FORM_END: Final = re.compile(r"</form\b", re.IGNORECASE)
#: An attribute of an <input> tag as written (its value quoted or not).
_ATTRIBUTE: Final = re.compile(r"""([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")


def _fills(tag: str) -> bool:
    """Whether *tag* (from _FILLED) shows a form filled in: ticked, chosen, or a typed value."""
    option = not tag[:6].lower().startswith("<input")
    named = {
        m[1].lower(): (m[2] or m[3] or m[4] or "")
        for m in _ATTRIBUTE.finditer(tag, 7 if option else 6)
    }
    if option:
        return "selected" in named  # an option chosen
    kind = named.get("type", "text").lower()
    if kind in {"checkbox", "radio"}:  # a box ticked and disabled is the page's own choice
        return "checked" in named and "disabled" not in named
    return kind in _TEXT_BOXES and bool(named.get("value", "").strip())


#: Where Cloudflare's e-mail protection links to, the address (hex) after "#".
_CF_LINK: Final = "/cdn-cgi/l/email-protection#"
#: What Cloudflare shows in place of an address it protects.
_CF_PLACEHOLDER: Final = re.compile(r"\s*\[\s*email\s+protected\s*\]\s*", re.IGNORECASE)
#: An e-mail address as a mailto: link's target may give one.
_MAILTO: Final = re.compile(r"[^\s@<>()\[\],;:\"]{1,64}@[^\s@<>()\[\],;:\"]{1,255}\.[^\W\d_]{2,63}")


def _cloudflare_address(hidden: str) -> str | None:
    """The address Cloudflare's hex form holds: its first byte the key, the rest XOR-ed with it.

    Examples:
        >>> key = 0x4F
        >>> _cloudflare_address(f"{key:02x}" + "".join(f"{ord(c) ^ key:02x}" for c in "a@b.fi"))
        'a@b.fi'
        >>> _cloudflare_address("zz") is None
        True
    """
    if len(hidden) > 1024:  # no address is that long
        return None
    try:
        data = bytes.fromhex(hidden)
    except ValueError:
        return None
    if len(data) < 2:  # a key and at least one byte
        return None
    try:
        address = bytes(byte ^ data[0] for byte in data[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return address if _MAILTO.fullmatch(address) else None


#: A page's <main> element.
_MAIN_TAG: Final = re.compile(r"<main[\s>]", re.IGNORECASE)
#: The class or id of a cookie or consent banner.
_BANNER: Final = re.compile(r"(?i)cookie|consent|eväste|banner")


def _chrome_box(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Whether *tag* opens a cookie or consent banner (by its class or id)."""
    return tag in {"div", "section", "aside"} and any(
        name in {"class", "id"} and value and _BANNER.search(value) for name, value in attrs
    )


def html_to_text(markup: str) -> tuple[str, list[tuple[int, int]], list[int]]:
    """Return the text content of *markup*, its heading spans and list-item starts.

    Declarations other than a comment, doctype or CDATA section (``<!ELEMENT
    …>``, ``<![if IE]>``, a stray ``<![``) are handled here, not by the
    standard library's parser, which gives up on some of them (``<![`` not
    followed by a name) and treats others differently from one Python version
    to the next. Each is left out like a comment, as a browser does; one
    without its ``>`` is kept as text, so that nothing after it is lost.
    """
    fed = _unclosed_as_text(_ODD_DECLARATION.sub(_as_browser_shows, markup))
    parser = _Extractor(fed)
    parser.feed(fed)
    parser.close()
    if parser._select:  # noqa: SLF001 - a drop-down list never closed: its words are read
        parser._choice_end(everything=True)  # noqa: SLF001
    parser._break(1)  # noqa: SLF001 - flush the last block
    return "".join(parser.parts), parser.headings, sorted(parser.items)


#: What opens a comment, a CDATA section, a tag, an end tag, a declaration or a
#: processing instruction; group 1 tells which.
_OPENER: Final = re.compile(r"<(!--|!\[CDATA\[|[!?/A-Za-z])", re.IGNORECASE)
_COMMENT_CLOSE: Final = re.compile(r"--\s*>")
_SECTION_CLOSE: Final = re.compile(r"]\s*]\s*>")


def _unclosed_as_text(markup: str) -> str:
    """*markup* with each ``<`` that nothing after it closes escaped: it is text.

    A comment with no ``-->`` after it, a CDATA section with no ``]]>``, a tag,
    end tag or processing instruction with no ``>``: the standard library's
    parser of most Python versions gives each back as text, but only after
    searching the rest of the input for its end, once for each of them (a run
    of ``<!--`` cost time growing with the square of its length); newer ones
    read an unclosed comment to the end of the input as a comment. Escaped
    here, each is text on every version (nothing after it is lost unseen), and
    the work is linear: the last possible closer of each kind is found once.
    """
    last_gt = markup.rfind(">")
    if last_gt < 0:
        return markup.replace("<", "&lt;")
    comment_close = _last_start(_COMMENT_CLOSE, markup)
    section_close = _last_start(_SECTION_CLOSE, markup)

    def closable(opener: re.Match[str]) -> str:
        start, kind = opener.start(), opener.group(1)
        if kind == "!--":
            unclosed = start + 4 > comment_close
        elif kind.startswith("!["):
            unclosed = start + 3 > section_close
        else:
            unclosed = start > last_gt
        return "&lt;" + opener.group(0)[1:] if unclosed else opener.group(0)

    return _OPENER.sub(closable, markup)


def _last_start(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of *pattern* in *text* starts; -1 if none."""
    last = -1
    for found in pattern.finditer(text):
        last = found.start()
    return last


def _as_browser_shows(declaration: re.Match[str]) -> str:
    """Nothing for a whole declaration; the text, escaped, for one without its ``>``."""
    return "" if declaration.group(1) else declaration.group(0).replace("<!", "&lt;!", 1)
