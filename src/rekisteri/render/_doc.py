"""A small document model and its three writers: Markdown, HTML and plain text.

The builders (:mod:`rekisteri.render._notice`) turn a register into a
:class:`Document` of blocks (headings, paragraphs, lists, label–value fields,
tables) whose text is a tuple of :class:`Span` s. Each writer then turns the
same document into one format, and **all escaping happens here**, in one place
per format: register text never reaches the output unescaped.

Text from a register may hold anything a string can: control characters and
lone surrogates are replaced with U+FFFD (they are not allowed in XML and
cannot be written as UTF-8), and runs of white space become one space.
"""

from __future__ import annotations

import hashlib
import html
import re
import textwrap
from enum import Enum
from typing import TYPE_CHECKING, Final, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence


class Style(Enum):
    """How a span is shown."""

    PLAIN = "plain"
    STRONG = "strong"
    LINK = "link"
    """A link; ``href`` is an ``https://``, ``http://`` or ``mailto:`` address."""
    FALLBACK = "fallback"
    """The marker after a text that is in Finnish because no translation exists."""
    MISSING = "missing"
    """The marker that stands where a required item is missing from the register."""
    BREAK = "break"
    """A line break inside a list item or a table cell."""


class Span(NamedTuple):
    """A run of text with one style (and, for a fallback text, its language)."""

    text: str
    style: Style = Style.PLAIN
    lang: str | None = None
    """The language of *text* when it is not the document's language."""
    href: str | None = None


Inline = tuple[Span, ...]

BREAK: Final = Span("", Style.BREAK)


class Heading(NamedTuple):
    """A heading of level 1 (the title), 2 (a section) or 3."""

    level: int
    text: Inline


class Para(NamedTuple):
    """A paragraph."""

    text: Inline


class Bullets(NamedTuple):
    """A bulleted list."""

    items: tuple[Inline, ...]


class Fields(NamedTuple):
    """Label–value lines, e.g. ``Y-tunnus: 0685831-5`` (a ``<dl>`` in HTML)."""

    rows: tuple[tuple[str, Inline], ...]


class Table(NamedTuple):
    """A table with a header row; in plain text it is written as a list."""

    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]


Block = Heading | Para | Bullets | Fields | Table


class Document(NamedTuple):
    """A whole document: its language, its title (for ``<title>``) and its blocks."""

    lang: str
    title: str
    blocks: tuple[Block, ...]


# --------------------------------------------------------------- cleaning text

#: Characters that XML 1.0 forbids or UTF-8 cannot encode; \t and \n are white space.
_FORBIDDEN: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
#: The implicit direction marks (LRM, RLM, ALM): invisible, they can reorder
#: what a reader sees ("Katu 12<ALM> 34, 00100" shown as "Katu 12 00100, 34");
#: a notice leaves them out (A13's O11). The explicit embeddings, overrides and
#: isolates are refused by the model.
_DIRECTION_MARKS: Final = re.compile("[\u200e\u200f\u061c]")
_SPACE: Final = re.compile(r"\s+")
_PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def clean(text: str) -> str:
    """Replace forbidden characters with U+FFFD, drop direction marks, collapse white space."""
    text = _FORBIDDEN.sub("\ufffd", text)
    if not text.isascii():
        text = _DIRECTION_MARKS.sub("", text)
    return _SPACE.sub(" ", text).strip()


def paragraphs(text: str) -> list[str]:
    """Split *text* at blank lines into cleaned, non-empty paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [p for p in map(clean, _PARAGRAPH_BREAK.split(text)) if p]


# ------------------------------------------------------------- identity codes


def _texts(doc: Document) -> Iterator[str]:
    """Every text of *doc*: its title, spans and links, labels, table headers."""
    yield doc.title
    for item in doc.blocks:
        if isinstance(item, Heading | Para):
            lines: Iterable[Inline] = (item.text,)
        elif isinstance(item, Bullets):
            lines = item.items
        elif isinstance(item, Fields):
            yield from (label for label, _ in item.rows)
            lines = (value for _, value in item.rows)
        else:
            yield from item.header
            lines = (cell for row in item.rows for cell in row)
        for line in lines:
            for span in line:
                yield span.text
                if span.href is not None:
                    yield span.href


def masked(doc: Document, mask: Callable[[str], str], shaped: Callable[[str], bool]) -> Document:
    """*doc* with *mask* applied to every text in it (titles, spans, links, labels, cells).

    The one place where a notice or a record hides an identity code written
    in a register's texts: the writers below only escape, and a code cannot
    be broken by their line wrapping before it is masked. *shaped* answers
    whether a text may be changed by *mask* at all: one test of all the
    texts together returns most documents as they are.
    """
    if not shaped("\n".join(_texts(doc))):  # a match within a text is one in the whole
        return doc

    def inline(spans: Inline) -> Inline:
        return tuple(
            span._replace(text=mask(span.text), href=None if span.href is None else mask(span.href))
            for span in spans
        )

    def block(item: Block) -> Block:
        if isinstance(item, Heading | Para):
            return item._replace(text=inline(item.text))
        if isinstance(item, Bullets):
            return Bullets(tuple(inline(entry) for entry in item.items))
        if isinstance(item, Fields):
            return Fields(tuple((mask(label), inline(value)) for label, value in item.rows))
        return Table(
            tuple(mask(cell) for cell in item.header),
            tuple(tuple(inline(cell) for cell in row) for row in item.rows),
        )

    return Document(doc.lang, mask(doc.title), tuple(block(item) for item in doc.blocks))


# ---------------------------------------------------------------------- Markdown

#: ASCII punctuation that means something inline in CommonMark or GFM. A
#: backslash before any ASCII punctuation is always a valid escape.
_MD_INLINE: Final = re.compile(r"([\\`*_\[\]<>|~&#!{}$])")
#: What makes a line start a list item, a quote, a heading or a setext underline.
_MD_LINE_START: Final = re.compile(r"(?:[-+=>]|(\d{1,9})([.)]))")


def _md_escape(text: str) -> str:
    if _MD_INLINE.search(text) is None and _FORBIDDEN.search(text) is None:
        return text
    return _MD_INLINE.sub(r"\\\1", _FORBIDDEN.sub("\ufffd", text))


def _md_line_start(line: str) -> str:
    match = _MD_LINE_START.match(line)
    if match is None:
        return line
    if match.group(1) is not None:  # "1." or "1)" would start an ordered list
        return f"{match.group(1)}\\{match.group(2)}{line[match.end() :]}"
    return "\\" + line


def _md_inline(spans: Iterable[Span], *, breaks: str) -> str:
    out: list[str] = []
    line_start = False
    for span in spans:
        text = _md_escape(span.text)
        if line_start and span.style is Style.PLAIN:
            # After a hard line break the text starts a line of its own, where
            # "- " or "1. " would start a list.
            text = _md_line_start(text)
        if span.style is Style.BREAK:
            line_start = "\n" in breaks
        elif span.text:
            line_start = False
        if span.style is Style.BREAK:
            out.append(breaks)
        elif span.style is Style.STRONG and text:
            out.append(f"**{text}**")
        elif span.style is Style.LINK and span.href:
            out.append(f"[{text}](<{_md_escape(span.href)}>)")
        elif span.style in {Style.FALLBACK, Style.MISSING}:
            out.append(f"*{text}*")
        else:
            out.append(text)
    return "".join(out)


def to_markdown(doc: Document) -> str:
    """Write *doc* as CommonMark with GFM tables."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append("#" * block.level + " " + _md_inline(block.text, breaks=" "))
        elif isinstance(block, Para):
            out.append(_md_line_start(_md_inline(block.text, breaks="\\\n")))
        elif isinstance(block, Bullets):
            items = [_md_inline(item, breaks="\\\n  ") for item in block.items]
            out.append("\n".join("- " + _md_line_start(item) for item in items))
        elif isinstance(block, Fields):
            lines = [
                f"**{_md_escape(label)}:** {_md_inline(value, breaks=' — ')}"
                for label, value in block.rows
            ]
            out.append("\\\n".join(lines))
        else:
            out.append(_md_table(block))
    return "\n\n".join(out) + "\n"


def _md_table(table: Table) -> str:
    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell or " " for cell in cells) + " |"

    lines = [row([_md_escape(h) for h in table.header]), row(["---"] * len(table.header))]
    lines += [row([_md_inline(cell, breaks=" — ") for cell in cells]) for cells in table.rows]
    return "\n".join(lines)


# -------------------------------------------------------------------------- HTML


def _esc(text: str) -> str:
    return html.escape(_FORBIDDEN.sub("\ufffd", text), quote=True)


#: Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan,
#: Mandaic and their presentation forms, and the right-to-left scripts beyond).
_RIGHT_TO_LEFT: Final = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def _html_inline(spans: Iterable[Span]) -> str:
    out: list[str] = []
    for span in spans:
        text = _esc(span.text)
        if not span.text.isascii() and _RIGHT_TO_LEFT.search(span.text):
            # Isolated, a right-to-left run cannot pull the next value into its own
            # order ("Katu <Arabic> 12, 00100" shown as "Katu 00100, 12"; A13's O11).
            text = f"<bdi>{text}</bdi>"
        if span.lang is not None:
            text = f'<span lang="{_esc(span.lang)}">{text}</span>'
        if span.style is Style.BREAK:
            out.append("<br/>")
        elif span.style is Style.STRONG:
            out.append(f"<strong>{text}</strong>")
        elif span.style is Style.LINK and span.href:
            out.append(f'<a href="{_esc(span.href)}">{text}</a>')
        elif span.style is Style.FALLBACK:
            out.append(f'<span class="{PREFIX}fallback">{text}</span>')
        elif span.style is Style.MISSING:
            out.append(f'<strong class="{PREFIX}missing">{text}</strong>')
        else:
            out.append(text)
    return "".join(out)


#: The prefix of every class name and element id that the HTML writer emits.
PREFIX: Final = "rk-"

#: The page's own CSS (the whole document owns the page).
_CSS: Final = """
:root { color-scheme: light; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.55; color: #1a1a1a; background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
main, main * { overflow-wrap: break-word; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 1rem 0; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 0.5rem;
  border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.4rem; }
ul { padding-left: 1.25rem; }
li { margin: 0.35rem 0; }
dl { display: grid; grid-template-columns: minmax(6rem, max-content) minmax(0, 1fr);
  gap: 0.2rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0; }
th, td { border: 1px solid #bbb; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f1f1f1; }
a { color: #0b57d0; }
.rk-fallback { font-style: italic; color: #555; }
.rk-missing { color: #a00000; background: #fff0f0; }
@media (max-width: 40rem) {
  main, main * { overflow-wrap: anywhere; }
  dl { grid-template-columns: minmax(0, 1fr); }
  dd { margin-bottom: 0.4rem; }
  table, thead, tbody, tr, th, td { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tr { border: 1px solid #bbb; margin-bottom: 0.75rem; }
  td { border: 0; border-top: 1px solid #e2e2e2; }
  td:first-child { border-top: 0; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
"""

#: The elements the writer emits, for the fragment's reset.
_ELEMENTS: Final = "h1, h2, h3, p, ul, li, dl, dt, dd, table, thead, tbody, tr, th, td, section, "
_ELEMENTS_INLINE: Final = "strong, span, a, br"

#: The fragment's CSS: every rule is scoped to ``.rk-notice``; the elements are
#: first reset to the browser's defaults (``all: revert``), so that the host
#: page's element rules (``table { width: 1200px }``, ``p { white-space: nowrap }``)
#: do not reach inside, and then styled. Inherited properties are set on the root.
_FRAGMENT_CSS: Final = (
    """
.rk-notice { all: revert; display: block; box-sizing: border-box; max-width: 46em;
  margin: 0; padding: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: medium; font-style: normal; font-weight: 400; line-height: 1.55; color: #1a1a1a;
  background: #fff; text-align: left; text-transform: none; text-indent: 0;
  letter-spacing: normal; word-spacing: normal; white-space: normal; overflow-wrap: break-word; }
.rk-notice :is("""
    + _ELEMENTS
    + _ELEMENTS_INLINE
    + """) { all: revert; box-sizing: border-box; overflow-wrap: inherit;
  max-width: 100%; }
.rk-notice h1 { font-size: 1.8em; line-height: 1.2; margin: 0.556em 0; font-weight: 700; }
.rk-notice h2 { font-size: 1.3em; line-height: 1.3; margin: 1.538em 0 0.385em; font-weight: 700;
  border-bottom: 1px solid #ccc; padding-bottom: 0.154em; }
.rk-notice h3 { font-size: 1.05em; margin: 1.19em 0 0.381em; font-weight: 700; }
.rk-notice p { margin: 0.75em 0; }
.rk-notice ul { list-style: disc outside; margin: 0.75em 0; padding: 0 0 0 1.25em; }
.rk-notice li { display: list-item; margin: 0.35em 0; }
.rk-notice dl { display: grid; margin: 0.75em 0;
  grid-template-columns: minmax(6em, max-content) minmax(0, 1fr); gap: 0.2em 1em; }
.rk-notice dt { font-weight: 600; }
.rk-notice dd { margin: 0; }
.rk-notice table { display: table; border-collapse: collapse; width: 100%; margin: 0.75em 0;
  table-layout: auto; }
.rk-notice th, .rk-notice td { border: 1px solid #bbb; padding: 0.4em 0.5em; text-align: left;
  vertical-align: top; white-space: normal; }
.rk-notice th { background: #f1f1f1; font-weight: 600; }
.rk-notice strong { font-weight: 700; }
.rk-notice a { color: #0b57d0; text-decoration: underline; }
.rk-notice .rk-fallback { font-style: italic; color: #555; }
.rk-notice .rk-missing { color: #a00000; background: #fff0f0; font-weight: 700; }
@media (max-width: 40rem) {
  .rk-notice, .rk-notice * { overflow-wrap: anywhere; }
  .rk-notice dl { grid-template-columns: minmax(0, 1fr); }
  .rk-notice dd { margin-bottom: 0.4em; }
  .rk-notice table, .rk-notice thead, .rk-notice tbody, .rk-notice tr, .rk-notice th,
  .rk-notice td { display: block; }
  .rk-notice thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  .rk-notice tr { border: 1px solid #bbb; margin-bottom: 0.75em; }
  .rk-notice td { border: 0; border-top: 1px solid #e2e2e2; }
  .rk-notice td:first-child { border-top: 0; }
  .rk-notice td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
"""
)


def fragment_css() -> str:
    """The CSS of :func:`to_html_fragment`, every rule scoped to ``.rk-notice``."""
    return _FRAGMENT_CSS.lstrip("\n")


def _html_blocks(doc: Document, ids: str = f"{PREFIX}s") -> list[str]:
    """The blocks of *doc* as HTML elements, sections wrapped in ``<section>``.

    A section's heading gets the id *ids* followed by its number.
    """
    out: list[str] = []
    in_section = False
    number = 0
    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.level <= 2 and in_section:
                out.append("</section>")
                in_section = False
            if block.level == 2:
                number += 1
                out.append(f'<section aria-labelledby="{ids}{number}">')
                out.append(f'<h2 id="{ids}{number}">{_html_inline(block.text)}</h2>')
                in_section = True
            else:
                out.append(f"<h{block.level}>{_html_inline(block.text)}</h{block.level}>")
        elif isinstance(block, Para):
            out.append(f"<p>{_html_inline(block.text)}</p>")
        elif isinstance(block, Bullets):
            items = "".join(f"<li>{_html_inline(item)}</li>" for item in block.items)
            out.append(f"<ul>{items}</ul>")
        elif isinstance(block, Fields):
            rows = "".join(
                f"<dt>{_esc(label)}</dt><dd>{_html_inline(value)}</dd>"
                for label, value in block.rows
            )
            out.append(f"<dl>{rows}</dl>")
        else:
            out.append(_html_table(block))
    if in_section:
        out.append("</section>")
    return out


def to_html(doc: Document) -> str:
    """Write *doc* as one self-contained HTML5 document that is also well-formed XML."""
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_esc(doc.lang)}">',
        "<head>",
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{_esc(clean(doc.title))}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        *_html_blocks(doc),
        "</main>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)


def to_html_fragment(doc: Document) -> str:
    """Write *doc* as one ``<div class="rk-notice" lang="…">`` element, without CSS.

    The element is well-formed XML; its style is :func:`fragment_css`.
    """
    # Ids unique on a page that holds several fragments (the notice in Finnish
    # and in Swedish, the record beside it): the language and a digest of the
    # fragment's own content name them, so they stay the same from run to run.
    placeholder = "\x00"
    body = "\n".join(_html_blocks(doc, placeholder))
    digest = hashlib.blake2b(body.encode(), digest_size=4).hexdigest()
    ids = f"{PREFIX}{_esc(doc.lang)}-{digest}-s"
    out = [f'<div class="{PREFIX}notice" lang="{_esc(doc.lang)}">', body.replace(placeholder, ids)]
    return "\n".join([*out, "</div>", ""])


def _html_table(table: Table) -> str:
    head = "".join(f'<th scope="col">{_esc(h)}</th>' for h in table.header)
    labels = [f' data-label="{_esc(h)}"' if i else "" for i, h in enumerate(table.header)]
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{label}>{_html_inline(cell)}</td>"
            for label, cell in zip(labels, cells, strict=True)
        )
        + "</tr>"
        for cells in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# -------------------------------------------------------------------- plain text

WIDTH: Final = 78


def _text_inline(spans: Iterable[Span]) -> list[str]:
    """The lines of *spans* (a BREAK starts a new line), not yet wrapped."""
    lines = [""]
    for span in spans:
        if span.style is Style.BREAK:
            lines.append("")
        else:
            lines[-1] += _FORBIDDEN.sub("\ufffd", span.text)
    return [line.strip() for line in lines if line.strip()]


def _wrap(lines: Iterable[str], first: str, rest: str) -> str:
    out: list[str] = []
    prefix = first
    for line in lines:
        out.append(
            textwrap.fill(
                line,
                width=WIDTH,
                initial_indent=prefix,
                subsequent_indent=rest,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
        prefix = rest
    return "\n".join(out) if out else first.rstrip()


def to_text(doc: Document) -> str:
    """Write *doc* as plain text wrapped at 78 columns; tables become lists."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            title = " ".join(_text_inline(block.text))
            if block.level == 1:
                out.append(f"{title}\n{'=' * len(title)}")
            elif block.level == 2:
                out.append(f"{title}\n{'-' * len(title)}")
            else:
                out.append(title)
        elif isinstance(block, Para):
            out.append(_wrap(_text_inline(block.text), "", ""))
        elif isinstance(block, Bullets):
            out.append("\n".join(_wrap(_text_inline(item), "- ", "  ") for item in block.items))
        elif isinstance(block, Fields):
            out.append(
                "\n".join(
                    _wrap([f"{label}: {' '.join(_text_inline(value))}"], "", "    ")
                    for label, value in block.rows
                )
            )
        else:
            rows = []
            for cells in block.rows:
                lines = [_wrap(_text_inline(cells[0]), "- ", "  ")]
                lines += [
                    _wrap(_text_inline(cell), f"  {header}: ", "    ")
                    for header, cell in zip(block.header[1:], cells[1:], strict=True)
                ]
                rows.append("\n".join(lines))
            out.append("\n".join(rows))
    return "\n\n".join(out) + "\n"
