"""Lists written inside a sentence: "nimi, osoite ja puhelinnumero", "- nimi- osoite- puhelin".

Bullets, dashes and numbered items on their own lines are list items already
(:mod:`._structure`); this module splits the lists that old notices write
inline, one entry per item:

* a verbless comma list, the last item joined with "ja", "sekä", "tai",
  "och", "samt", "eller", "and" or "or";
* such a list after a lead-in that ends in a colon ("Rekisteriin tallennetaan:
  nimi, osoite ..."): the lead-in is never an entry;
* a run of dash items on one line ("- nimi- osoite- puhelin").

Items are kept whole: an entry's name is never cut.
"""

from __future__ import annotations

import re
from typing import Final

from rekisteri.importer._finnish import capitalise

#: A finite verb or a passive: the text is a sentence, not a bare list.
_VERB: Final = re.compile(
    r"(?i)\b(?:on|ovat|ei|eikä|voi|voidaan|käytetään|kerätään|tallennetaan|säilytetään"
    r"|käsitellään|luovutetaan|saadaan|sisältää|sisältävät|är|har|kan|används|samlas|lagras"
    r"|behandlas|is|are|may|will|we|vi|me)\b|\w(?:taan|tään|daan|dään)\b"
)
#: The word before the last item; not after a hyphen ("Etu- ja sukunimi" is one item).
_LAST: Final = re.compile(
    r"(?i)(?<![-–]),?\s+(?:ja|sekä|tai|och|samt|eller|and|or)\s+(?!muut\b|övriga\b)"
)
#: A single genitive word joined by "ja" or "tai" to the next words: "asiakkaan ja
#: hänen …", "yrityksen tai henkilön nimi" (one entry, not "Yrityksen" and "Henkilön nimi").
_GENITIVE_PAIR: Final = re.compile(
    r"(?i)(?:^|(?<=,\s))[a-zåäö]+(?:aan|ään|een|iin|oon|uun|yyn|öön|den|tten|jen|sen|nen|ön)"
    r"\s+(?:ja|tai)\s+(?=\w)"
)
_DASH_RUN: Final = re.compile(r"(?:^|(?<=[\w).]))\s*[-–•]\s+(?!(?:ja|tai|sekä|och|eller)\b)")
#: A lead-in without a colon: "Rekisteriin voidaan tallentaa asiakkaan nimi, …".
_LEAD_VERB: Final = re.compile(
    r"(?i)^(.{0,60}?\b(?:tallennetaan|tallentaa|kerätään|kerätä|merkitään|merkitä|tallennamme"
    r"|keräämme|sisältää|lagras|registreras|samlas\s+in|innehåller|we\s+(?:collect|store)"
    r"|contains)\s+(?:(?:seuraavat|seuraavia|mm\.|muun\s+muassa|esimerkiksi|esim\.|följande|bland\s+annat"
    r"|the\s+following)\s+(?:tiedot|tietoja|uppgifter|data)?\s*)?"
    r"(?:(?:asiakkaan|asiakkaasta|jäsenen|jäsenestä|rekisteröidyn|rekisteröidystä|henkilön"
    r"|käyttäjän|potilaan|kundens|medlemmens)\s+)?)(\S.*)$"
)
#: Two one-word items after a passive lead-in: "… tallennetaan nimi ja puhelinnumero."
_TWO_WORDS: Final = re.compile(r"(?i)[^\W\d_][\w-]*\s+(?:ja|sekä|och|samt|and)\s+[^\W\d_][\w-]*\.?")
#: A passive lead-in verb: its object is in the nominative ("tallennetaan nimi"), as an
#: entry is named (not "tallennamme nimen").
_PASSIVE: Final = re.compile(r"(?i)\b(?:\w+(?:taan|tään)|lagras|registreras|samlas\s+in)\s*$")
#: A lead-in that says whose data follow ("pelaajan huoltajasta tallennetaan nimi ja
#: yhteystiedot"): both items are that person's, one entry as written.
_WHOSE: Final = re.compile(r"(?i)\w(?:sta|stä)\b")
#: A word in a local case is no object: "kerätään asiakkaalta ja viranomaisilta" (sources).
_LOCAL_CASE: Final = re.compile(r"(?i)(?:lta|ltä|lla|llä|lle|ssa|ssä|sta|stä|hin|ksi)$")
#: An adverb of manner is no object: "tallennetaan sähköisesti ja manuaalisesti",
#: "lagras elektroniskt och manuellt", "samlas in muntligt och skriftligt".
_MANNER: Final = re.compile(r"(?i)(?:sesti|[aä]sti|ligt|iskt|ellt|alt)$")
#: The data as the passive's subject: what follows the verb tells how or where, never
#: which data ("Tiedot tallennetaan …", "Uppgifterna lagras …").
_DATA_SUBJECT: Final = re.compile(
    r"(?i)^\s*(?:henkilö)?(?:tiedot|tietoja)\b|^\s*(?:person)?uppgifter(?:na)?\b"
)


#: "For example" or "among others" after a lead-in's verb: "tallennetaan esim. nimi …".
_FOR_EXAMPLE_END: Final = re.compile(
    r"(?i)\s+(?:mm\.|muun\s+muassa|esimerkiksi|esim\.|bland\s+annat|bl\.a\.|t\.ex\."
    r"|for\s+example|e\.g\.)\s*$"
)
#: "such as" / "for example" after a short name of a group of data: "Henkilötiedot, kuten
#: nimi, osoite ja …" names the group, then its items: no word of an item (A14's Q28).
_SUCH_AS: Final = re.compile(
    r"(?i),\s+(?:kuten|esimerkiksi|esim\.|mm\.|muun\s+muassa|såsom|som\s+t\.ex\.|t\.ex\."
    r"|bland\s+annat|such\s+as|for\s+example|e\.g\.|including)\s+"
)
#: The name of a group before "such as" has at most this many words.
_GROUP_WORDS: Final = 3


def _two_words(lead_verb: re.Match[str]) -> bool:
    """Whether a passive lead-in is followed by two one-word items ("nimi ja puhelinnumero").

    Two single words share no modifier: "huoltajan nimi ja yhteystiedot" is one
    entry (the guardian's), "nimi ja puhelinnumero" two; nor does a lead-in that
    names no person ("Rekisteriin tallennetaan"; not "Huoltajasta tallennetaan").
    """
    lead = re.sub(
        r"(?i)\s*(?:asiakkaan|jäsenen|rekisteröidyn|henkilön|käyttäjän|potilaan"
        r"|kundens|medlemmens)\s*$",
        "",
        lead_verb.group(1),
    )
    # "… tallennetaan esim. nimi ja osoite": the verb before "for example" (A14's Q28)
    lead = _FOR_EXAMPLE_END.sub("", lead)
    items = lead_verb.group(2).rstrip(".").split()
    return (
        _TWO_WORDS.fullmatch(lead_verb.group(2)) is not None
        and _PASSIVE.search(lead) is not None
        and not any(
            _LOCAL_CASE.search(item) or _MANNER.search(item) for item in (items[0], items[-1])
        )
        and not _WHOSE.search(lead)
        and not _DATA_SUBJECT.search(lead)
    )


#: "And so on" at a list's end: "jne.", "yms.", "ym.", "etc.", "osv.".
_AND_SO_ON: Final = re.compile(r"(?i)[ ,]+(?:jne|yms|ym|etc|osv|ynnä muuta|och så vidare)\.?$")
#: A lead-in's colon: not one inside a word ("ry:n jäsenet", "EU:n", "CRM:ään").
_LEAD_COLON: Final = re.compile(r":(?!\w)")
_MIN_ITEMS: Final = 2
_MAX_ITEM_WORDS: Final = 8


def split_items(sentence: str) -> tuple[str | None, list[str]] | None:
    """The lead-in and the items of an inline list, or ``None`` if *sentence* is not one.

    Examples:
        >>> split_items("Asiakkaan nimi, yritys, yhteystiedot ja laskutustiedot.")
        (None, ['Asiakkaan nimi', 'Yritys', 'Yhteystiedot', 'Laskutustiedot'])
        >>> split_items("Rekisteriin tallennetaan: nimi, osoite ja puhelinnumero.")
        ('Rekisteriin tallennetaan:', ['Nimi', 'Osoite', 'Puhelinnumero'])
        >>> split_items("- nimi- osoite- puhelinnumero")
        (None, ['Nimi', 'Osoite', 'Puhelinnumero'])
        >>> split_items("Rekisteriin voidaan tallentaa asiakkaan nimi, syntymäaika ja osoite.")
        ('Rekisteriin voidaan tallentaa asiakkaan', ['Nimi', 'Syntymäaika', 'Osoite'])
        >>> split_items("Tiedot saadaan asiakkaalta itseltään.") is None
        True
        >>> split_items("Henkilötiedot, kuten nimi ja osoite.")
        (None, ['Henkilötiedot', 'Nimi', 'Osoite'])
        >>> split_items("Rekisteriin tallennetaan esim. nimi ja osoite.")
        ('Rekisteriin tallennetaan esim.', ['Nimi', 'Osoite'])
    """
    if (
        ":" not in sentence
        and "," not in sentence
        and ";" not in sentence
        and not sentence.lstrip().startswith(_DASHES)
        and _LAST.search(sentence) is None
        and not _run_marked(sentence)
    ):
        return None  # no lead-in, no dash run, one item at most (a bullet's "tieto 17")
    return _split(sentence)


def _split(sentence: str) -> tuple[str | None, list[str]] | None:
    """:func:`split_items` without its first quick test (which gives the same answer)."""
    text = " ".join(sentence.split())
    lead: str | None = None
    if (colon := _LEAD_COLON.search(text)) is not None:
        head, rest = text[: colon.start()], text[colon.end() :]
        if len(head.split()) <= _MAX_ITEM_WORDS + 4 and rest.strip():
            lead, text = head + ":", rest.strip()
    elif (
        (such_as := _SUCH_AS.search(text)) is not None
        and 0 < len(text[: such_as.start()].split()) <= _GROUP_WORDS
        and _VERB.search(text[: such_as.start()]) is None
        and text[such_as.end() :].strip()
    ):
        # "Henkilötiedot, kuten nimi, osoite ja syntymäaika.": the group is an entry, then
        # its items; "kuten" is no part of the first one's name
        text = text[: such_as.start()] + ", " + text[such_as.end() :].strip()
    elif (lead_verb := _LEAD_VERB.match(text)) is not None and (
        "," in lead_verb.group(2) or _two_words(lead_verb)
    ):
        # "Rekisteriin voidaan tallentaa asiakkaan nimi, syntymäaika ja …" (a comma
        # list: "huoltajan nimi ja yhteystiedot" alone is one entry)
        lead, text = lead_verb.group(1).rstrip(), lead_verb.group(2)
    dashes = _dash_items(text)
    if dashes is not None:
        return lead, dashes
    run = run_items(text)
    if run is not None:
        return lead, run
    # "… puhelinnumero jne.", "… yms.": "and so on" after the last item is no part of it
    body = _AND_SO_ON.sub("", text.rstrip(" .;")).rstrip(" ,")
    if "," not in body and ";" not in body and _LAST.search(body) is None:
        return None  # one item at most: the cheap test first (a bullet's "tieto 17")
    if _VERB.search(body) or "(" in body:
        return None
    # "nimi, tutkinto ja summa; lahjoittajan nimi ja määrä": each group has its own "ja"
    # "asiakkaan ja hänen edustajansa nimi": a genitive before "ja" shares the head noun
    body = _GENITIVE_PAIR.sub(lambda m: m.group(0).replace(" ", "\x00"), body)
    groups = [_LAST.sub(", ", group) for group in body.split(";")]
    items = [item.replace("\x00", " ") for item in ",".join(groups).split(",")]
    items = _with_clauses([item.strip(" ;") for item in items])
    if len(items) < _MIN_ITEMS or any(len(item.split()) > _MAX_ITEM_WORDS for item in items):
        return None
    return lead, [capitalise(item) for item in items]


#: A relative clause continues the item before it: "sukuhaara, johon jäsen kuuluu".
_RELATIVE: Final = re.compile(
    r"(?i)^(?:jo(?:ka|nka|ta|hon|ssa|sta|lla|lle|lta|ksi|tka|iden|ita|ihin|issa|ista|illa)"
    r"|mi(?:kä|ssä|stä|hin)|som|vilk\w+|där|which|who|that|where)\b"
)


def _with_clauses(items: list[str]) -> list[str]:
    """*items* without empty ones, a relative clause joined to the item before it."""
    out: list[str] = []
    for item in items:
        if not item:
            continue
        if out and _RELATIVE.match(item):
            out[-1] = f"{out[-1]}, {item}"
        else:
            out.append(item)
    return out


#: Separators of a list on one line: "nimi • osoite", "nimi | osoite" (two items or
#: more); "nimi / osoite / puhelin", "Nimi - Osoite - Puhelin" (three or more: "Nimi /
#: Namn" is one field in two languages, "X - Y" a name and its remark).
_STRONG_SEPARATOR: Final = re.compile(r"\s+[•·●▪|]\s+")
_WEAK_SEPARATOR: Final = re.compile(r"\s+[/–-]\s+")
#: Numbered items on one line: "1) nimi 2) osoite 3) puhelin", "1. nimi 2. osoite".
_INLINE_NUMBER: Final = re.compile(r"(?:^|\s)(\d{1,2})[).]\s+")
#: A cheap test for any of them.
_RUN_MARK: Final = re.compile(r"\s[•·●▪|/–-]\s|(?:^|\s)[12][).]\s")
#: What each match of :data:`_RUN_MARK` and of :data:`_GLUED_DASH` holds: a mark or a
#: dash, or a number's "1)" or "2.". Its first character is one of a set: searched fast.
_RUN_CHARS: Final = re.compile(r"[•·●▪|/–-]|[12][).]")


def _run_marked(text: str) -> bool:
    """Whether *text* has a mark of a run of items (:data:`_RUN_MARK`), the cheap test first."""
    return _RUN_CHARS.search(text) is not None and _RUN_MARK.search(text) is not None


_WEAK_MIN: Final = 3


def run_items(text: str) -> list[str] | None:
    """The items of a list written on one line with separators or numbers, or ``None``.

    Examples:
        >>> run_items("nimi • osoite • puhelinnumero")
        ['Nimi', 'Osoite', 'Puhelinnumero']
        >>> run_items("1) nimi 2) osoite 3) puhelinnumero")
        ['Nimi', 'Osoite', 'Puhelinnumero']
        >>> run_items("Nimi / Namn") is None
        True
    """
    body = text.strip().rstrip(".;")
    if _VERB.search(body):
        return None
    items: list[str] | None = None
    if _STRONG_SEPARATOR.search(body):
        items = _STRONG_SEPARATOR.split(body)
    elif "," not in body and len(parts := _WEAK_SEPARATOR.split(body)) >= _WEAK_MIN:
        # (with commas, the commas part the items: "nimi / namn, osoite / adress" is a
        # list of fields each in two languages, not a run of slashes)
        items = parts
    else:
        numbers = list(_INLINE_NUMBER.finditer(body))
        if (
            len(numbers) >= _MIN_ITEMS
            and [int(m.group(1)) for m in numbers] == list(range(1, len(numbers) + 1))
            and numbers[0].start() == 0
        ):
            ends = [m.start() for m in numbers[1:]] + [len(body)]
            items = [body[m.end() : end] for m, end in zip(numbers, ends, strict=True)]
    if items is None:
        return None
    items = [item.strip(" ,;.") for item in items]
    if (
        len(items) < _MIN_ITEMS
        or not all(items)
        or any(len(item.split()) > _MAX_ITEM_WORDS for item in items)
    ):
        return None
    return [capitalise(item) for item in items]


#: A hyphen glued to an item with the next one after a space: "nimi- osoite" (not a
#: suspended compound, "Etu- ja sukunimi").
_GLUED_DASH: Final = re.compile(r"(?<=\w)[-–]\s+(?!(?:ja|tai|sekä|och|eller|and|or)\b)")


def item_run(item: str) -> list[str] | None:
    """The items of a list item that holds several on its line, or ``None``.

    A bullet's text "nimi- osoite" (its dash run lost its line breaks), "Nimi -
    Osoite - Puhelin", or a numbered item whose number went with its bullet
    ("nimi 2) osoite 3) puhelin").

    Examples:
        >>> item_run("nimi- osoite")
        ['Nimi', 'Osoite']
        >>> item_run("nimi 2) osoite 3) puhelinnumero")
        ['Nimi', 'Osoite', 'Puhelinnumero']
        >>> item_run("Etu- ja sukunimi") is None
        True
    """
    if _RUN_CHARS.search(item) is None or (
        _RUN_MARK.search(item) is None and _GLUED_DASH.search(item) is None
    ):
        return None  # no mark nor dash (most entries): one quick search
    run = run_items(item) or run_items(f"1) {item}")
    if run is not None:
        return run
    parts = [part.strip(" ,;.") for part in _GLUED_DASH.split(item)]
    if (
        len(parts) < _MIN_ITEMS
        or _VERB.search(item)
        or not all(parts)
        or any(len(part.split()) > _MAX_ITEM_WORDS for part in parts)
    ):
        return None
    return [capitalise(part) for part in parts]


#: What a dash run opens with.
_DASHES: Final = ("-", "–", "•")


def _dash_items(text: str) -> list[str] | None:
    """The items of a dash run ("- a- b- c"), or ``None``."""
    if not text.lstrip().startswith(_DASHES):
        return None
    items = [capitalise(item) for item in _DASH_RUN.split(text) if item.strip(" .;-–•")]
    if len(items) < _MIN_ITEMS:
        return None
    return items
