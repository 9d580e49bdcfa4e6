"""A PDF's page furniture: page numbers and running headers pasted among the text.

A notice copied from a PDF carries each page's footer and header as lines of
their own: "Sivu 2 / 2", "Sida 1 av 3", "Page 2 of 2", "Tietosuojaseloste 2 (2)",
a page number alone. They are no entry of the section they fall in, and a
running header between the two lines of a wrapped sentence is no part of it.

:func:`furniture` finds such lines; the importer reads the text with each
blanked (its line break too, so that a sentence wrapped around it is one
again), then maps the line to the field of the text before it as structure:
it is neither an entry nor listed as not mapped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from rekisteri.importer._headings import SectionKind, recognise

if TYPE_CHECKING:
    from collections.abc import Iterator

#: "Sivu 2", "Sivu 2 / 3", "Sivu 1 (2)", "Sida 2 av 2", "Page 2 of 2", "s. 3".
_PAGE: Final = re.compile(
    r"(?i)(?:sivu|sida|page|s\.|p\.)[ \t]*(?P<page>\d{1,3})"
    r"(?:[ \t]*(?:/|\(|av|of|\bkautta\b|–|-)[ \t]*(?P<pages>\d{1,3})\)?)?"
)
#: A running header: a title of a few words, then "2 (2)" or "2/3".
_RUNNING: Final = re.compile(
    r"(?P<title>[^\W\d][^\n\d:;.!?]{2,60}?)[ \t]+(?P<page>\d{1,3})[ \t]*"
    r"(?:\([ \t]*(?P<pages>\d{1,3})[ \t]*\)|/[ \t]*(?P<slash>\d{1,3}))"
)
#: A running header's title names the document ("Tietosuojaseloste 1/2"); with "2/3"
#: after it, any other title may be an address ("Koivikontie 1/2").
_DOCUMENT: Final = re.compile(
    r"(?i)seloste|tietosuoja|rekisteri|beskrivning|register|dataskydd|integritet|privacy"
    r"|notice|policy|statement"
)
#: A page number alone on its line.
_NUMBER: Final = re.compile(r"\d{1,3}")
#: A page's number and the count of pages alone on a line: "1 (2)", "2/3".
_PAIR: Final = re.compile(
    r"(?P<page>\d{1,3})[ \t]*(?:\([ \t]*(?P<pages>\d{1,3})[ \t]*\)|/[ \t]*(?P<slash>\d{1,3}))"
)
#: Words a running header's title has at most.
_TITLE_WORDS: Final = 6
_SENTENCE_END: Final = re.compile(r"[.:!?]\s*$")


def is_furniture(line: str) -> bool:
    """Whether *line* (stripped) is a page footer or running header by its words alone.

    Examples:
        >>> [is_furniture(x) for x in ("Sivu 2 / 2", "Sida 1 av 3", "Tietosuojaseloste 2 (2)")]
        [True, True, True]
        >>> [is_furniture(x) for x in ("Sivu 3 / 2", "Koivikontie 1/2", "Koivikontie 1 (2. krs)")]
        [False, False, False]
    """
    text = line.strip()
    page = _PAGE.fullmatch(text)
    if page is not None:
        return _in_order(page.group("page"), page.group("pages"))
    pair = _PAIR.fullmatch(text)
    if pair is not None:  # "1 (2)": the page and the pages, no title
        return _in_order(pair.group("page"), pair.group("pages") or pair.group("slash"))
    running = _RUNNING.fullmatch(text)
    if running is None or len(running.group("title").split()) > _TITLE_WORDS:
        return False
    if running.group("slash") is not None and not _DOCUMENT.search(running.group("title")):
        return False
    return _in_order(running.group("page"), running.group("pages") or running.group("slash"))


def _in_order(page: str, pages: str | None) -> bool:
    """Whether page *page* of *pages* can be (the first page is 1, none past the last)."""
    return int(page) > 0 and (pages is None or int(page) <= int(pages))


def furniture(text: str, *, html: bool = False) -> list[tuple[int, int]]:
    r"""The spans of *text*'s lines that are page furniture (without their line break).

    A page number alone counts only where a page break can be: at the end of
    the text, or between a line that ends no sentence and one that goes on
    in lower case (elsewhere "2" may be a heading's number on its own line).
    Only the lines that :data:`_MAY_BE_FURNITURE` finds are read (one search
    of the whole text): every page footer, running header and page number has
    what it looks for.

    Examples:
        >>> text = "nimi, osoite ja\nSivu 1 (2)\npuhelinnumero.\n2\n"
        >>> [text[s:e] for s, e in furniture(text)]
        ['Sivu 1 (2)', '2']
    """
    found: list[tuple[int, int]] = []
    for _, start, line_end in _matched_lines(_MAY_BE_FURNITURE, text):
        line = text[start:line_end]
        if (
            is_furniture(line)
            or (_NUMBER.fullmatch(line.strip()) is not None and _page_break(text, start, line_end))
            or (not html and _paged_header(text, start, line_end))
        ):
            found.append((start, line_end))
    if html:  # a page has no running headers: a heading there says what it says
        return found
    return sorted({*found, *running_titles(text), *running_footers(text)})


def _paged_header(text: str, start: int, end: int) -> bool:
    r"""Whether the line at *start*-*end* is a page's number beside a name or the title.

    "Sivu 2/3 – Koivikon Kukka Oy", "Tietosuojaseloste | sivu 2": alone between
    blank lines, one part a page's number ("Sivu 2/3"), each other part the
    document's title (a few words, one of a title) or a body's name (a legal
    form) that the notice gave before it (A15's V46).

    Examples:
        >>> text = "Kukka Oy\n\n- nimi\n\nSivu 2/3 – Kukka Oy\n\n- osoite\n"
        >>> start = text.index("Sivu")
        >>> _paged_header(text, start, text.index("\n", start))
        True
        >>> text = "Kukka Oy\n\n- nimi\n\nSivu 2/3 – Muu Oy\n\n- osoite\n"
        >>> _paged_header(text, start, text.index("\n", start))
        False
    """
    line = text[start:end].strip()
    parts = [part.strip() for part in _PARTS.split(line)]
    if len(parts) < 2 or len(line) > _TITLE_CHARS or not _alone(text, start, end):
        return False
    paged = False
    for part in parts:
        if is_furniture(part):
            paged = True
        elif not (
            (_TITLE_WORD.search(part) is not None and len(part.split()) <= _TITLE_WORDS)
            or (
                _LEGAL_FORM.search(part) is not None
                and text.find(part, 0, min(start, _NAME_SAID_WITHIN)) >= 0
            )
        ):
            return False
    return paged


#: A postal code: what a footer's line holds (its line then read whole).
_CODE: Final = re.compile(r"\b\d{5}\b")
#: A list's entry: its bullet at the line's start.
_ITEM: Final = re.compile(r"[ \t]*[-•*·▪◦–][ \t]")
#: A footer has at least this many parts (a name, a street, a postal code and town, …).
_FOOTER_PARTS: Final = 3


def running_footers(text: str) -> list[tuple[int, int]]:
    r"""The spans of the lines that repeat the controller's address as a page's footer.

    "Koivikon Kukka Oy, Koivikontie 1, 00100 Helsinki, www.koivikko.fi" alone
    between blank lines, in the middle of a list (an entry before it and one
    after it), whose postal code the notice gave before: a PDF's running
    footer, no entry of the list.

    Examples:
        >>> text = "Oy Esim Ab\nKatu 1, 00100 Helsinki\n\n- nimi\n\n"
        >>> text += "Oy Esim Ab, Katu 1, 00100 Helsinki\n\n- osoite\n"
        >>> [text[s:e] for s, e in running_footers(text)]
        ['Oy Esim Ab, Katu 1, 00100 Helsinki']
    """
    found: list[tuple[int, int]] = []
    for code, start, end in _matched_lines(_CODE, text):
        if (
            end - start <= _TITLE_CHARS
            and len(_PARTS_OF_FOOTER.split(text[start:end])) >= _FOOTER_PARTS
            and _alone(text, start, end)
            and text.find(code.group(), 0, min(start, _NAME_SAID_WITHIN)) >= 0
            and _between_entries(text, start, end)
        ):
            found.append((start, end))
    # "Koivikon Kukka Oy | puh. 09 123 4567 | www.koivikko.fi": no postal code, but the
    # name the notice gave before and its contact details between bars (A15's V46)
    for _, start, end in _matched_lines(_BAR, text):
        parts = [part.strip() for part in text[start:end].split("|")]
        if (
            end - start <= _TITLE_CHARS
            and len(parts) >= _FOOTER_PARTS
            and _LEGAL_FORM.search(parts[0]) is not None
            and text.find(parts[0], 0, min(start, _NAME_SAID_WITHIN)) >= 0
            and all(_CONTACT_PART.fullmatch(part) is not None for part in parts[1:])
            and _alone(text, start, end)
            and _between_entries(text, start, end)
        ):
            found.append((start, end))
    return sorted(set(found))


_BAR: Final = re.compile(r"\|")
#: A footer's part that says how to reach the body: a phone, a web or an e-mail address.
_CONTACT_PART: Final = re.compile(
    r"(?i)(?:puh\.?|p\.|tel\.?|phone|puhelin)?[ \t:]*\+?[\d ()-]{6,}"
    r"|(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)


_PARTS_OF_FOOTER: Final = re.compile(r"[,|]")


def _between_entries(text: str, start: int, end: int) -> bool:
    """Whether the lines with text before and after *start*-*end* are a list's entries."""
    before = _filled_line(text, start, end, -1)
    after = _filled_line(text, start, end, 1)
    return (
        before is not None
        and after is not None
        and _ITEM.match(before) is not None
        and _ITEM.match(after) is not None
    )


#: A word of a document's title ("Tietosuojaseloste", "Rekisteriseloste", "Privacy notice"),
#: in any case: ``(?i)seloste|beskrivning|dataskydd|integritet|privacy|notice|policy|statement``
#: with each word's first letter taken out in front, as the set of the characters that a
#: case-blind match takes for it ("ſ" is an "s", "İ" and "ı" an "i"), and the rest of
#: the word after the letter that opens it. The same matches, but a search of a long text
#: skips at once every character outside the set (a case-blind pattern's search tries
#: each word at each character: a twentieth of a second a MB).
_TITLE_WORD: Final = re.compile(
    r"[SsſBbDdIiİıPpNn]"
    r"(?:(?<=[Ssſ])(?i:eloste|tatement)|(?<=[Bb])(?i:eskrivning)|(?<=[Dd])(?i:ataskydd)"
    r"|(?<=[Iiİı])(?i:ntegritet)|(?<=[Pp])(?i:rivacy|olicy)|(?<=[Nn])(?i:otice))"
)
_WORD: Final = re.compile(r"[^\W\d_]+")
#: A running header is a short line.
_TITLE_CHARS: Final = 80


def running_titles(text: str) -> list[tuple[int, int]]:
    r"""The spans of the lines that repeat the notice's title further on: a running header.

    A notice printed to PDF repeats its title at the top of each page
    ("Koivikon Kukka Oy – Tietosuojaseloste", "TIETOSUOJASELOSTE",
    "Tietosuojaseloste 15.3.2024"), and a copy of its text has the header in
    the middle of a section. The first line that is a title is the notice's;
    a later one alone between blank lines (or page breaks), unnumbered, whose
    words are all the first title's words (a date or page number aside) is
    that header again. A title in other words ("Dataskyddsbeskrivning" after
    "Tietosuojaseloste", a second register's "Tietosuojaseloste –
    jäsenrekisteri") is no repeat.

    Examples:
        >>> text = "Oy Esim Ab – Tietosuojaseloste\n\nRekisterin tietosisältö\n\nnimi\n\n"
        >>> text += "TIETOSUOJASELOSTE\n\nosoite\n"
        >>> [text[s:e] for s, e in running_titles(text)]
        ['TIETOSUOJASELOSTE']
        >>> running_titles("Tietosuojaseloste\n\nnimi\n\nDataskyddsbeskrivning\n\nnamn\n")
        []
    """
    found: list[tuple[int, int]] = []
    first: set[str] | None = None
    read_to = 0  # the lines before it were looked at for a section's heading
    for _, start, line_end in _matched_lines(_TITLE_WORD, text):
        line = text[start:line_end].strip()
        if len(line) > _TITLE_CHARS or line[:1].isdigit():
            continue
        if first is None:
            if recognise(line) is SectionKind.TITLE:
                first, read_to = set(_WORD.findall(line.casefold())), line_end
        elif (
            _alone(text, start, line_end)
            and not _heads_it(text, start)
            and _repeats_title(text, start, line, first)
        ):
            if read_to >= 0:  # is a section under way? (each line is read once)
                read_to = -1 if _section_heading(text, read_to, start) else start
            if read_to < 0:
                found.append((start, line_end))
    return found


#: Between the parts of a running header: "Koivikon Kukka Oy | Tietosuojaseloste | 2.3.2024".
_PARTS: Final = re.compile(r"[ \t]+[–—-][ \t]+|[ \t]*\|[ \t]*")
#: A page's word in a header's part: "sivu 2", "sida 2", "page 2".
_PAGE_WORDS: Final = frozenset({"sivu", "sida", "page", "s", "p"})
#: A body's legal form: a firm's or an association's name in a header's part.
_LEGAL_FORM: Final = re.compile(r"(?i)\b(?:oyj?|ab[p]?|ry|rf|ky|ay|tmi|ltd|inc|gmbh)\b")
#: A header repeats a name the notice gave near its start (its title, its controller's block).
_NAME_SAID_WITHIN: Final = 5000


#: A date or a version in a running header, its word with it: "(päivitetty 1.2.2025)",
#: "versio 1.2", "uppdaterad 2025-02-01", "version 3" (A15's V46).
_DATED: Final = re.compile(
    r"(?i)\(?[ \t]*(?:päivitetty|päivitys|päiväys|versio|version|ver\.|updated|last[ \t]+updated"
    r"|uppdaterad|reviderad|rev\.)[ \t]*:?[ \t]*\d[\d.:/ -]*\)?"
)


def _repeats_title(text: str, start: int, line: str, first: set[str]) -> bool:
    """Whether *line*, at *start*, repeats the notice's title (words *first*) as a header.

    Each part of it (between dashes or bars) is the title again (a title whose
    words are all the first title's), a date or page number ("2.3.2024", "sivu
    2"), or a body's name (a legal form) that the notice gave before; one part
    at least is the title.
    """
    titled = False
    for part in _PARTS.split(line):
        part = _DATED.sub(" ", part)  # noqa: PLW2901 - "(päivitetty 1.2.2025)", "versio 1.2"
        words = set(_WORD.findall(part.casefold())) - _PAGE_WORDS
        if not words:
            continue  # a date, a page's number
        if words <= first and recognise(part.strip()) is SectionKind.TITLE:
            titled = True
        elif (
            _LEGAL_FORM.search(part) is None
            or text.find(part.strip(), 0, min(start, _NAME_SAID_WITHIN)) < 0
        ):
            return False
    return titled


def _heads_it(text: str, start: int) -> bool:
    """Whether the last line with text before *start* is a section's heading (not a title's).

    A title's words right under a heading are that section's text ("Rekisterin nimi" /
    "Kylän palvelu tietosuojaseloste": the register's name), never a page's header
    (R8-6; R8's patch).
    """
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1  # over the blank lines above it (no copy of the text before it)
    line = text[max(text.rfind("\n", 0, end) + 1, end - _HEADING_CHARS - 1) : end].strip()
    return (
        bool(line)
        and len(line) <= _HEADING_CHARS
        and recognise(line) not in {None, SectionKind.TITLE}
    )


#: A line longer than this is read as no heading by :func:`_heads_it`.
_HEADING_CHARS: Final = 150


def _section_heading(text: str, start: int, end: int) -> bool:
    """Whether a line of ``text[start:end]`` is a section's heading (not a title's).

    A title repeated before the notice's first section (a page's name over
    its heading, "TIETOSUOJASELOSTE" / "Tietosuojaseloste") is no running
    header: no page has ended yet.
    """
    for line in text[start:end].splitlines():
        line = line.strip()  # noqa: PLW2901 - the line's words
        if line and len(line) <= _TITLE_CHARS and recognise(line) not in {None, SectionKind.TITLE}:
            return True
    return False


def _alone(text: str, start: int, end: int) -> bool:
    """Whether the line at *start*-*end* has a blank line, a page break or an end on each side."""
    return _blank_at(text, start - 1, -1) and _blank_at(text, end, 1)


def _blank_at(text: str, index: int, step: int) -> bool:
    """Whether the line break at *index* has a blank line after (*step* 1) or before (-1) it.

    The text's start or end and a page break (a form feed) count as blank.
    """
    if not 0 <= index < len(text) or text[index] == "\f":
        return True
    if text[index] != "\n":
        return False
    index += step
    while 0 <= index < len(text) and text[index] in " \t\r":
        index += step
    return not 0 <= index < len(text) or text[index] in "\n\f"


#: What every line that :func:`is_furniture` accepts or that is a page number alone
#: holds: a page word opening it ("Sivu", "Sida", "Page", "s.", "p.", as :data:`_PAGE`
#: reads them), one to three digits alone, or a bracket or a slash (a running
#: header's "2 (3)" or "1/2", :data:`_RUNNING`; the search for the character alone is
#: the quickest).
_MAY_BE_FURNITURE: Final = re.compile(
    r"(?i)^[^\S\n]*(?:sivu|sida|page|s\.|p\.|\d{1,3}[^\S\n]*$)|[(/]", re.MULTILINE
)


def _filled_line(text: str, start: int, end: int, step: int) -> str | None:
    """The nearest line that is not blank before (*step* -1) or after (1) *start*-*end*.

    ``None`` if there is none.
    """
    while True:
        if step < 0:
            if start == 0:
                return None
            end = start - 1
            start = text.rfind("\n", 0, end) + 1
        else:
            if end >= len(text):
                return None
            start = end + 1
            end = text.find("\n", start)
            if end < 0:
                end = len(text)
        line = text[start:end]
        if line.strip():
            return line


def _page_break(text: str, start: int, end: int) -> bool:
    """Whether the line at *start*-*end* (not blank) stands where a page breaks."""
    before = _filled_line(text, start, end, -1)
    after = _filled_line(text, start, end, 1)
    if after is None:  # the last line with text
        return before is not None
    if before is None:  # the first
        return False
    return _SENTENCE_END.search(before) is None and after.lstrip()[:1].islower()


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """*text* with each span and the line break after it read as spaces (same length)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        stop = end + 1 if end < len(text) and text[end] == "\n" else end
        chars[start:stop] = " " * (stop - start)
    return "".join(chars)


def _matched_lines(pattern: re.Pattern[str], text: str) -> Iterator[tuple[re.Match[str], int, int]]:
    """Each line of *text* that holds a match of *pattern*, once: its first match, start, end."""
    end = -1
    for match in pattern.finditer(text):
        if match.start() <= end:
            continue  # a line already read
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start())
        if end < 0:
            end = len(text)
        yield match, start, end


#: The line that opens an e-mail's signature: the delimiter "-- ", a closing greeting
#: ("Terveisin", "Ystävällisin terveisin,", "Med vänlig hälsning", "Best regards").
_SIGNATURE_OPENER: Final = re.compile(
    r"(?i)--|(?:ystävällisin|parhain|hyvin|lämpimin|yst\.)?[ \t]*terveisin[ \t]*,?"
    r"|(?:med[ \t]+)?vänliga?[ \t]+hälsning(?:ar)?[ \t]*,?|hälsningar[ \t]*,?|mvh[ \t]*,?"
    r"|(?:best|kind|warm)(?:est)?[ \t]+regards[ \t]*,?|regards[ \t]*,?"
    r"|(?:yours[ \t]+)?sincerely[ \t]*,?"
)
#: A mail program's line of its own: "Lähetetty iPhonesta", "Sent from my iPhone".
_SENT_FROM: Final = re.compile(
    r"(?i)lähetetty[ \t]+(?:\w+[ \t]+)?\w+(?:sta|stä|lla|llä)|sent[ \t]+from[ \t]+my[ \t]+\w+"
    r"|skickat[ \t]+från[ \t]+min[ \t]+\w+"
)
#: A web page's footer or banner line pasted after the notice: a copyright line, a cookie
#: banner's buttons, a newsletter's or social media's call.
_PAGE_CHROME: Final = re.compile(
    r"(?i)^(?:©|\(c\)[ \t]|copyright\b)"
    r"|^(?:tilaa[ \t]+uutiskirjeemme|subscribe[ \t]+to[ \t]+our[ \t]+newsletter"
    r"|prenumerera[ \t]+på[ \t]+vårt[ \t]+nyhetsbrev|seuraa[ \t]+meitä|follow[ \t]+us"
    r"|följ[ \t]+oss)\b"
)
#: A cookie banner's buttons ("Hyväksy kaikki | Vain välttämättömät", "Accept all"): a
#: line of a few words and no sentence. A cookie section's own last sentence says the
#: same words ("Voit valita vain välttämättömät evästeet.", "You can accept all cookies
#: or …", "Du kan godkänna alla kakor eller endast nödvändiga …") and is the notice's
#: text (R10-5).
_BANNER_BUTTONS: Final = re.compile(
    r"(?i)hyväksy[ \t]+(?:kaikki|evästeet)|vain[ \t]+välttämättömät|accept[ \t]+(?:all|cookies)"
    r"|godkänn[ \t]+(?:alla|kakor)|endast[ \t]+nödvändiga"
)
#: The words a line of a cookie banner's buttons has at most.
_BANNER_WORDS: Final = 8
_SENTENCE_STOP: Final = re.compile(r"[.!?][ \t]+")
#: The lines a signature has at most after its opener, and the words of each.
_SIGNATURE_LINES: Final = 6
_SIGNATURE_WORDS: Final = 8


#: What a controller's fact looks like (a postal code, an e-mail address, a Y-tunnus): a
#: footer line with one may be the only place that names the controller's address, which
#: the importer reads from outside a controller block too; such a line is kept.
_CONTACT_FACT: Final = re.compile(r"\b\d{5}\b|@|\b\d{7}-\d\b")


def _chrome_line(line: str) -> bool:
    """Whether *line* (stripped) is a web page's footer or banner line."""
    if _CONTACT_FACT.search(line) is not None:
        return False
    # (a menu of links, "Etusivu | Palvelut", is not read: a list or a table on one line
    # looks the same)
    if _PAGE_CHROME.search(line) is not None:
        return True
    if line.endswith((".", "!", "?")):
        return False  # a sentence, not a button's label
    # the buttons after the banner's sentence: "Sivusto käyttää evästeitä. Hyväksy kaikki | …"
    buttons = _SENTENCE_STOP.split(line)[-1]
    return len(buttons.split()) <= _BANNER_WORDS and _BANNER_BUTTONS.search(buttons) is not None


def trailing_chrome(text: str) -> list[tuple[int, int]]:
    r"""The spans of the lines after a notice's last text that are no part of it (A14's Q5).

    A notice pasted from a web page or an e-mail may end with the page's footer
    or banner (a copyright line, a cookie banner's buttons, a newsletter's
    call) or the sender's signature (from "-- " or a closing
    greeting to the end, a few short lines; "Lähetetty iPhonesta"). Only such
    lines at the very end count: the same words amid the notice are its own.
    The importer reads them as spaces and lists them as not mapped.

    Examples:
        >>> text = "Tietoja ei luovuteta.\n\nTerveisin\nAino Esimerkki\n"
        >>> [text[s:e] for s, e in trailing_chrome(text)]
        ['Terveisin', 'Aino Esimerkki']
        >>> text = "Tiedot säilytetään kuusi vuotta.\n© 2024 Kukka Oy | Seuraa meitä\n"
        >>> [text[s:e] for s, e in trailing_chrome(text)]
        ['© 2024 Kukka Oy | Seuraa meitä']
        >>> trailing_chrome("Seuraa meitä: tiedot säilytetään.\nNimi ja osoite.\n")
        []
    """
    lines: list[tuple[int, int]] = []
    start = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            lead = len(body) - len(body.lstrip())
            lines.append((start + lead, start + len(body.rstrip())))
        start += len(line)
    if len(lines) < 2:  # a notice of one line is no footer
        return []
    found: list[tuple[int, int]] = []
    last = len(lines)
    for index in range(max(1, len(lines) - _SIGNATURE_LINES - 1), len(lines)):
        begin, end = lines[index]
        line = text[begin:end]
        rest = lines[index + 1 :]
        if (
            (
                _SIGNATURE_OPENER.fullmatch(line) is not None
                and (rest or line != "--")  # "--" alone at the end: a form's empty value
                and all(
                    len(text[s:e].split()) <= _SIGNATURE_WORDS
                    and _CONTACT_FACT.search(text[s:e]) is None
                    for s, e in rest
                )
                # a heading with text after it: the notice goes on ("--" as a section's
                # empty value, then "Tietojen säilytysaika" and its text), no signature;
                # a signature's last line may look like one ("Tietosuojavastaava", R10-5)
                and all(recognise(text[s:e]) is None for s, e in rest[:-1])
            )
            or (not rest and _SENT_FROM.fullmatch(line.rstrip(" .")) is not None)
        ):
            found = lines[index:]
            last = index
            break
    while last > 1 and _chrome_line(text[lines[last - 1][0] : lines[last - 1][1]]):
        last -= 1
        found.insert(0, lines[last])
    return found
