"""Cookies listed by name in a cookie section: a table, label lines or "name: purpose" lines.

Old notices list their cookies in three ways, all read here from the lines of
the cookie section (an HTML table arrives one cell a line):

* a table whose header names the columns ("Eväste | Tarkoitus | Kesto",
  "Namn | Ändamål", "Cookie | Provider | Purpose | Expiry"), its cells one a
  line or separated by tabs or ``|`` on one line;
* label lines, one group a cookie ("Nimi: _ga" / "Tarkoitus: …" / "Kesto: …");
* one cookie a line: a name shaped like a cookie's (``_ga``, ``PHPSESSID``,
  ``wp-settings-1``, ``CookieConsent``), then ``:``, a dash or a tab, then
  its purpose ("_ga – kävijätilastot (2 vuotta)").

What is not a list of cookies (the prose about what a cookie is, how to block
them) stays with the section's other text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

from rekisteri.importer._cues import clean
from rekisteri.importer._headings import is_field_label

if TYPE_CHECKING:
    from collections.abc import Sequence

#: The columns of a cookie table or the labels of a cookie's lines, by what they hold.
_COLUMNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    (
        "name",
        re.compile(
            r"(?:evästeen |kakans |cookie )?(?:nimi|namn|name)|eväste|evästeet|kaka|kakor"
            r"|cookies?|tunniste"
        ),
    ),
    (
        "purpose",
        re.compile(
            r"(?:käyttö)?tarkoitus|kuvaus|ändamål|syfte|beskrivning|purpose|description"
            r"|mihin (?:sitä )?käytetään"
        ),
    ),
    (
        "duration",
        re.compile(
            r"kesto|voimassa(?:olo(?:aika)?)?|säilytysaika|vanhenee|vanhenemis(?:aika)?|vanheneminen"
            r"|elinikä|lagringstid|giltighetstid|varaktighet|löper ut|utgångstid|löptid"
            r"|duration|expiry|expiration|expires|lifetime|lifespan|life span"
            r"|retention(?: period| time)?|storage (?:period|time)|lagringsperiod"
        ),
    ),
    (
        "provider",
        re.compile(
            r"(?:palvelun)?tarjoaja|toimittaja|asettaja|omistaja|leverantör|utfärdare"
            r"|provider|set by|owner|domain|verkkotunnus|domän"
        ),
    ),
    ("kind", re.compile(r"tyyppi|luokka|kategoria|typ|kategori|type|category")),
)
_CELL_SEPARATOR: Final = re.compile(r"\t+|\s+\|\s+|\s{3,}")
#: A token shaped like a cookie's name: an underscore, hyphen, dot or digit in it,
#: a capital inside it ("CookieConsent"), or all capitals ("PHPSESSID", "NID").
_COOKIE_NAME: Final = re.compile(
    r"(?=[\w.\-]*[_\-.\d]|[A-Za-z]+[a-z][A-Z]|[A-Z]{3,}\b)[A-Za-z_][\w.\-]{0,60}"
)
_NOT_NAMES: Final = frozenset({"huom", "huomio", "huom.", "obs", "obs.", "note", "nb", "nb."})
#: "name: purpose", "name – purpose", "name\tpurpose", after an optional bullet.
_COOKIE_LINE: Final = re.compile(
    r"(?:[-–•*·]\s*)?(?P<name>\S{2,60}?)\s*(?::\s+|\s[–—-]\s|\t+)(?P<rest>\S.*)"
)
_DURATION_IN_BRACKETS: Final = re.compile(
    r"\s*\((?P<duration>[^()]*(?:\d|istunto|session|vuo|kuukau|päivä|år|månad|dag|year|month|day)"
    r"[^()]*)\)\.?$"
)
_NECESSARY: Final = re.compile(r"välttämät|nödvändig|necessary|essential|strictly")
#: A cookie line's text that says the cookie is not set: "ei käytössä", "not in use".
_NOT_IN_USE: Final = re.compile(
    r"(?:ei|emme)\s+(?:enää\s+|ole\s+)?(?:käytössä|käytetä|käytä|aseteta)\b"
    r"|(?:används|sätts)\s+inte\b|(?:inte|ej)\s+i\s+(?:bruk|användning)\b"
    r"|(?:not|no longer)\s+(?:in\s+use|used|set)\b|unused\b"
)
#: A condition after "not in use" that says when the cookie IS set: "används inte utan ditt
#: samtycke", "ei käytössä ennen kuin hyväksyt", "not used unless you accept".
_UNLESS: Final = re.compile(
    r"\b(?:utan|ilman|without|unless|ellei|paitsi|except|förutom|om inte|ennen kuin|innan"
    r"|before|until|kunnes|tills)\b"
)
#: A cell longer than this is prose, not a table's cell.
_MAX_CELL: Final = 200


@attrs.define
class FoundCookie:
    """A cookie read from the section, and the lines it came from."""

    name: str
    purpose: str | None = None
    duration: str | None = None
    provider: str | None = None
    necessary: bool = False
    kind: str | None = None
    """The type column's value when it is not "necessary" ("Markkinointi"): said in a note."""
    lines: list[int] = attrs.field(factory=list)
    """Indices of the section's lines that this cookie was read from."""


@attrs.frozen
class CookieList:
    """What :func:`read_cookies` found: the cookies, and the lines of a table's header."""

    cookies: tuple[FoundCookie, ...]
    header: tuple[int, ...]


def _column(cell: str) -> str | None:
    key = cell.strip().rstrip(":").strip().casefold()
    if not key or len(key) > 40:
        return None
    return next((column for column, pattern in _COLUMNS if pattern.fullmatch(key)), None)


def is_column_label(cell: str) -> bool:
    """Whether *cell* names a column of a cookie table ("Eväste", "Tarkoitus", "Kesto")."""
    return _column(cell) is not None


def _is_header(columns: Sequence[str | None]) -> bool:
    return (
        None not in columns
        and len(set(columns)) == len(columns)
        and "name" in columns
        and ("purpose" in columns or "kind" in columns)
    )


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


def _fill(cookie: FoundCookie, column: str, value: str) -> None:
    value = _one_line(value)
    if not value or value in {"-", "–"}:
        return
    if column == "purpose":
        cookie.purpose = value
    elif column == "duration":
        cookie.duration = value
    elif column == "provider":
        cookie.provider = value
    elif column == "kind":
        cookie.necessary = _NECESSARY.search(value.casefold()) is not None
        cookie.kind = None if cookie.necessary else value
        cookie.purpose = cookie.purpose or value
    if column == "purpose" and _NECESSARY.search(value.casefold()):
        cookie.necessary = True


def header_columns(cells: list[str]) -> list[str | None] | None:
    """The columns of a cookie table whose header cells are *cells*; ``None`` if it is none.

    The header names the cookie and its purpose (or type) column; up to
    :data:`_EXTRA_COLUMNS` short headers of columns the importer does not know
    ("Huom") may stand among them (their cells go with the purpose).
    """
    columns = [_column(cell) for cell in cells]
    extra = [cell for cell, column in zip(cells, columns, strict=True) if column is None]
    if len(extra) > _EXTRA_COLUMNS or not all(_extra_cell(cell) for cell in extra):
        return None
    known = [column for column in columns if column is not None]
    return columns if len(known) >= 2 and _is_header(known) else None


def is_header_line(line: str) -> bool:
    r"""Whether *line* is a cookie table's header on one line ("Eväste\tTarkoitus\tKesto")."""
    cells = [cell for cell in _CELL_SEPARATOR.split(_unpiped(line)) if cell]
    return len(cells) >= 2 and header_columns(cells) is not None


#: A Markdown table's rule under its header: "|---|:---:|", "--- | ---".
_RULE: Final = re.compile(r"\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?")


def _unpiped(line: str) -> str:
    """*line* stripped, without the pipes that open and close a Markdown table's row."""
    text = line.strip()
    if len(text) > 1 and text.startswith("|") and text.endswith("|"):
        return text[1:-1].strip()
    return text


def _row_cells(line: str, width: int) -> list[str] | None:
    r"""The cells of a table's row on one line, for a header of *width* columns.

    Cells separated by single tabs or by ``|`` keep their empty cells (a
    browser's or a word processor's copy of a table: "_ga\t\t2 vuotta", a
    Markdown row "| _ga | | 2 vuotta |"), and cells missing at the end of
    such a row are empty; otherwise runs of spaces separate the cells, and
    their count must be the header's.
    """
    text = _unpiped(line)
    mark = "\t" if "\t" in text else "|" if "|" in text else None
    if mark is not None:
        exact = [cell.strip() for cell in text.split(mark)]
        while len(exact) > width and not exact[-1]:
            exact.pop()
        if 2 <= len(exact) <= width:
            return exact + [""] * (width - len(exact))
    cells = [cell for cell in _CELL_SEPARATOR.split(text) if cell]
    return cells if len(cells) == width else None


def _table(lines: list[str], at: int) -> tuple[list[FoundCookie], list[int]] | None:
    """A table whose header starts at line *at*: cells one a line, or split on one line."""
    split = [cell for cell in _CELL_SEPARATOR.split(_unpiped(lines[at])) if cell]
    header = header_columns(split) if len(split) >= 2 else None
    if header is not None:
        head = [at]
        if at + 1 < len(lines) and _RULE.fullmatch(lines[at + 1].strip()):
            head.append(at + 1)  # a Markdown table's rule under its header
        cookies = []
        for index in range(head[-1] + 1, len(lines)):
            cells = _row_cells(lines[index], len(header))
            cookie = None if cells is None else _row(header, cells, [index])
            if cookie is None:
                break
            cookies.append(cookie)
        return (cookies, head) if cookies else None
    width = 0
    while at + width < len(lines) and _column(lines[at + width]) is not None and width < 6:
        width += 1
    columns = [_column(cell) for cell in lines[at : at + width]]
    if width < 2 or not _is_header(columns):
        return None
    best: tuple[list[FoundCookie], list[int]] | None = None
    for extra in range(_EXTRA_COLUMNS + 1):
        # columns the importer does not know after the known ones ("Huom"): the
        # width whose rows cover the most lines wins (the narrower on a tie)
        if extra and not _extra_column(lines, at + width + extra - 1):
            break
        found = _rows(lines, at, [*columns, *([None] * extra)])
        if found is not None and (best is None or _score(found) > _score(best)):
            best = found
    return best


#: How many columns the importer does not know a cell-a-line table may have after its known ones.
_EXTRA_COLUMNS: Final = 2


def _extra_column(lines: list[str], index: int) -> bool:
    """Whether line *index* may be a header cell of a column the importer does not know."""
    return index < len(lines) and _extra_cell(lines[index])


def _extra_cell(text: str) -> bool:
    """Whether *text* may be a header cell of a column the importer does not know."""
    cell = text.strip()
    return (
        0 < len(cell) <= _EXTRA_CELL
        and len(cell.split()) <= _EXTRA_WORDS
        and cell[:1].isupper()
        and not any(char.isdigit() for char in cell)
        and _COOKIE_NAME.fullmatch(cell) is None
    )


_EXTRA_CELL: Final = 30
_EXTRA_WORDS: Final = 3


def _score(found: tuple[list[FoundCookie], list[int]]) -> tuple[int, int]:
    """Rows named like cookies ("_ga", not "2 vuotta"), then the lines covered."""
    cookies, head = found
    shaped = sum(_COOKIE_NAME.fullmatch(cookie.name) is not None for cookie in cookies)
    return shaped, len(head) + sum(len(cookie.lines) for cookie in cookies)


def _rows(
    lines: list[str], at: int, columns: list[str | None]
) -> tuple[list[FoundCookie], list[int]] | None:
    """The rows of a cell-a-line table whose header of *columns* starts at line *at*."""
    width = len(columns)
    cookies = []
    row = at + width
    while row + width <= len(lines):
        cookie = _row(columns, lines[row : row + width], list(range(row, row + width)))
        if cookie is None:
            break
        cookies.append(cookie)
        row += width
    return (cookies, list(range(at, at + width))) if cookies else None


def _row(columns: list[str | None], cells: list[str], lines: list[int]) -> FoundCookie | None:
    name_cell = _one_line(cells[columns.index("name")])
    if (
        not name_cell
        or len(name_cell) > 60
        or name_cell.endswith(".")
        or any(len(cell) > _MAX_CELL for cell in cells)
        or _column(name_cell) is not None
    ):
        return None
    name, aside = _name_and_aside(name_cell)
    cookie = FoundCookie(name, lines=lines)
    for column, cell in zip(columns, cells, strict=True):
        if column is not None and column != "name":
            _fill(cookie, column, cell)
    # a column the importer does not know, or words under the name in its cell
    # ("_ga" over "Google"): they go with the purpose, not lost
    unknown = [aside] + [
        _one_line(cell) for column, cell in zip(columns, cells, strict=True) if column is None
    ]
    said = "; ".join(cell for cell in unknown if cell and cell not in {"-", "–"})
    if cookie.purpose and said:
        cookie.purpose = f"{cookie.purpose} ({said})"
    elif not cookie.purpose and (said or _COOKIE_NAME.fullmatch(name) is None):
        return None
    # a row with its purpose cell empty is still a cookie when its name is shaped like
    # one and another cell says something of it ("_ga | | 2 vuotta")
    return cookie if cookie.purpose or cookie.duration or cookie.provider else None


def _name_and_aside(cell: str) -> tuple[str, str]:
    """A name cell's cookie name, and the words after it that name no cookie.

    "_ga Google" (a provider under the name, on its own line in the page) is
    the cookie ``_ga`` and the aside "Google"; "_ga, _gid" or "Google
    Analytics" stays whole.
    """
    first, _, rest = cell.partition(" ")
    if (
        not rest
        or _COOKIE_NAME.fullmatch(first) is None
        or any(_COOKIE_NAME.fullmatch(word.strip(",;()")) for word in rest.split())
    ):
        return cell, ""
    return first, rest.strip(" ()[]")


def _labelled(lines: list[str]) -> list[FoundCookie]:
    """Groups of label lines: "Nimi: _ga", then "Tarkoitus: …", "Kesto: …"."""
    cookies: list[FoundCookie] = []
    for index, line in enumerate(lines):
        label, colon, value = line.partition(":")
        column = _column(label) if colon and value.strip() else None
        if column == "name" and _one_line(value):
            cookies.append(FoundCookie(_one_line(value), lines=[index]))
        elif column is not None and cookies and cookies[-1].lines[-1] == index - 1:
            _fill(cookies[-1], column, value)
            cookies[-1].lines.append(index)
    return [cookie for cookie in cookies if cookie.purpose and len(cookie.lines) >= 2]


def _one_a_line(lines: list[str], taken: set[int]) -> list[FoundCookie]:
    cookies = []
    for index, line in enumerate(lines):
        if index in taken:
            continue
        match = _COOKIE_LINE.fullmatch(line.strip())
        if match is None or _COOKIE_NAME.fullmatch(match.group("name")) is None:
            continue
        name = match.group("name")
        if _column(name) is not None or name.casefold() in _NOT_NAMES or is_field_label(name):
            continue  # "Tarkoitus: …", "Y-tunnus: …" are labels, "HUOM: …" a remark
        rest = match.group("rest").strip()
        if _NOT_IN_USE.match(rest.casefold()) is not None and not _UNLESS.search(rest.casefold()):
            continue  # "_ga: ei käytössä": a cookie the service does not set
        cookie = FoundCookie(name, lines=[index])
        bracket = _DURATION_IN_BRACKETS.search(rest)
        if bracket is not None and bracket.start() > 0:
            cookie.duration = bracket.group("duration").strip()
            rest = rest[: bracket.start()]
        _fill(cookie, "purpose", rest.rstrip(" ."))
        if cookie.purpose:
            cookies.append(cookie)
    return cookies


def read_cookies(lines: list[str]) -> CookieList:
    """The cookies that the lines of a cookie section list by name.

    Examples:
        >>> lines = ["Eväste", "Tarkoitus", "Kesto", "_ga", "Kävijätilastot", "2 vuotta"]
        >>> found = read_cookies(lines)
        >>> [(c.name, c.purpose, c.duration, c.lines) for c in found.cookies], found.header
        ([('_ga', 'Kävijätilastot', '2 vuotta', [3, 4, 5])], (0, 1, 2))
        >>> [(c.name, c.purpose) for c in read_cookies(["PHPSESSID: istunnon tunniste"]).cookies]
        [('PHPSESSID', 'istunnon tunniste')]
        >>> read_cookies(["Evästeet voi estää selaimen asetuksista."]).cookies
        ()
    """
    cookies: list[FoundCookie] = []
    header: list[int] = []
    taken: set[int] = set()
    index = 0
    while index < len(lines):
        table = _table(lines, index)
        if table is None:
            index += 1
            continue
        found, head = table
        cookies.extend(found)
        header.extend(head)
        taken.update(head)
        for cookie in found:
            taken.update(cookie.lines)
        index = max(taken) + 1
    for cookie in _labelled(lines):
        if not taken.intersection(cookie.lines):
            cookies.append(cookie)
            taken.update(cookie.lines)
    cookies.extend(_one_a_line(lines, taken))
    cookies.sort(key=lambda cookie: cookie.lines[0])
    return CookieList(tuple(cookies), tuple(header))
