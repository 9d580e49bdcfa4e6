"""The contact-block parser: a line of a controller or contact section → its fields.

A contact block is written in many ways: one field a line ("Y-tunnus:
1234567-8"), a table with a label cell and a value cell, or everything on one
line ("Esimerkki Oy (Y-tunnus 1234567-8), Osoite: Katu 1, 00100 Helsinki,
puh. 09 123 4567, info(at)example.com"). :func:`parse_line` finds the parts of
one line, each with its offsets in the text:

1. labelled parts: a label word ("Y-tunnus", "Osoite", "Puh.", "Faksi",
   "Sähköposti", "Yhteyshenkilö", ...) and the value up to the next label;
2. in what is left, by their form: e-mail addresses (also "(a)", "(at)",
   "[at]", "at ... dot"), web addresses, a Y-tunnus, a PO box (PL, PB,
   P.O. Box), a postal code with its town, the street just before it, phone
   numbers, and a name: the first words of the block that are none of these.

A telefax number is recognised by its label and never taken as anything else.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Final

import attrs

from rekisteri.importer._cues import (
    COMPANY,
    EMAIL,
    ORGANISATION,
    YTUNNUS,
    YTUNNUS_VALUE,
    compact_ytunnus,
    flat,
)
from rekisteri.importer._first import branches
from rekisteri.importer._headings import recognise


@attrs.frozen
class Part:
    """One field found in a contact line: ``text[start:end]`` gave *value*."""

    field: str
    """name, business_id, street, po_box, postal_code, town, phone, fax, email, url,
    person, role, or label (a label or punctuation that belongs to the block)."""
    value: str
    start: int
    end: int
    obfuscated: bool = False


_LABELS: Final = (
    (
        "business_id",
        (
            r"y-?tunnus|ly-tunnus|yritystunnus|fo-nummer|fo-nr|fo|f-signum|org\.?\s?nr|business id"
            r"|företags-?id"
            r"|alv-?(?:tunniste|tunnus|numero|nro)|moms(?:nummer|-?nr)"
            r"|vat(?:[ -]?(?:id|number|no|nummer|nr|numero|tunnus))?|y"  # "Y: 1234567-1"
        ),
    ),
    ("fax", r"tele(?:fax|faksi|kopio)|fax|faksi"),
    (
        "phone",
        r"puhelin(?:numero|nro)?|puh|p|tel(?:efon)?|tfn|gsm|matkapuhelin|vaihde|phone|mob",
    ),
    (
        "email",
        (
            r"sähköposti(?:osoitteet|osoite)?|s-posti|e-?mail(?:[ -]?address)?"
            r"|e-?post(?:adress(?:en)?)?"
        ),
    ),
    (
        "url",
        (
            r"www|kotisivu(?:t)?|verkkosivu(?:t|sto)?|internet|webbplats|website|url"
            # "Web: …", "Webwww.…" (never the first word of a name: "Web Design Oy")
            r"|web(?=[ \t]*:|www\.|https?://)"
        ),
    ),
    ("po_box", r"postilokero"),
    ("postal_code", r"postinumero(?!\s+ja)|postnummer|postal code|zip(?: code)?"),
    ("town", r"postitoimipaikka|kotipaikka|postort|postanstalt|\bort|stad(?=:)|town|city"),
    (
        "address",
        (
            r"(?:posti|katu|käynti|laskutus)?osoite|(?:besöks|post|gatu)?adress|address|posti?(?=:)"
            r"|postinumero\s+ja\s+-?toimipaikka"
        ),
    ),
    ("register_name", r"rekisterin nimi|registrets namn|namn på registret|name of the register"),
    (
        "person",
        (
            r"yhteyshenkilö|kontaktperson|contact person|vastuuhenkilö"
            r"|rekisteri(?:asioista|stä|asioissa) vastaa(?:vat)?"
            # the English form's person: "Person responsible for register issues +358 …"
            r"|persons? (?:responsible for|in charge of) (?:the )?regist(?:er|ry)"
            r"(?:[ -](?:issues|matters|affairs|questions))?"
        ),
    ),
    (
        "name",
        (
            r"(?:yrityksen |rekisterinpitäjän )?nimi|toiminimi|namn|firma(?=[ \t]*[:=])|name"
            r"|yritys|organisaatio|yhteisö|företag|organisation|company|organi[sz]ation"
            r"|\w*rekisterin ?pitäjä(?:n nimi)?(?: on)?|personuppgiftsansvarig(?: är)?"
        ),
    ),
    ("contact", r"(?:rekisterinpitäjän |muut )?yhteystiedot(?: ovat)?|kontaktuppgifter"),
    ("regno", r"rek\.?\s?n(?:ro|:o)|(?:yhdistys)?rekisterinumero|föreningsregisternummer"),
)
_LABEL_ALTERNATION: Final = "|".join(f"(?P<{field}>{words})" for field, words in _LABELS)
#: A label: at the start or after a separator, followed by a colon, or (for
#: channels and the Y-tunnus) by the value itself.
LABEL: Final = re.compile(
    # (its abbreviation's dot may stand spaced before the colon: "Tel .:")
    rf"(?i)(?:^|(?<=[\s,;(|/]))(?:{_LABEL_ALTERNATION})(?:\.|[ \t]\.(?=[ \t]*:))?"
    r"(?:[ \t]*[/–][ \t]*[a-zåäö\- ]{2,20}?)?"
    # a note in brackets before the colon: "Puhelin (vaihde):", "Muut yhteystiedot (esim. …)"
    r"(?:[ \t]*\([a-zåäö][^()\n]{1,60}\)(?=[ \t]*(?:[:=]|$)))?"
    r"(?:[ \t]*[:=][ \t]*|[ \t]+(?=[+0-9(]|[a-z0-9._-]+(?:@|\s*[(\[]a)|[A-ZÄÖÅ])|[ \t]*$"
    r"|(?=(?:[ \t]+[a-zäöå][\w-]*){1,5}[ \t]*:)"
    # glued to its value by a lost space or tag: "Puh.040 …", "Sähköpostinimi@…", "Verkkosivutwww…"
    # (a channel's label only, before its value's form: :func:`_glued_label`)
    r"|(?<=[a-zåäö.])(?=\+?[0-9]|www\.|https?://|[a-z0-9._%+-]+@))"
)


def _label_leads() -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    r"""Where a label can start, and the words of the labels that may start inside a word.

    A label starts at the line's start or after a separator, with the first
    letter of one of its words ("Puh", "y-tunnus") in either case; a word of
    :data:`_LABELS` that may start anywhere ("\w*rekisterin …") must be on
    the line. ``None`` when a word of the table is not read so (then every
    line is searched in full).
    """
    firsts: set[str] = set()
    anywhere: list[str] = []
    for _, words in _LABELS:
        for branch, first in branches(words):
            if first is not None:
                firsts |= first
                continue
            inside = re.fullmatch(r"\\w\*([a-zåäö]+)(?![?*+{]).*", branch)
            if inside is None:
                return None, ()
            anywhere.append(inside.group(1))
    if not all("a" <= char <= "z" for char in firsts):
        return None, ()
    lead = "".join(sorted(firsts | {char.upper() for char in firsts}))
    return re.compile(rf"(?:^|(?<=[\s,;(|/]))(?=[{lead}])"), tuple(anywhere)


_LABEL_LEAD, _LABEL_ANYWHERE = _label_leads()


def _labels(text: str, start: int, end: int) -> Iterable[re.Match[str]]:
    """``LABEL.finditer(text, start, end)``, the label tried only where one can start.

    On a line of Latin-1 characters (where the pattern's "either case" is
    ``str.lower``) without a word that may start inside a word; else the
    whole search.
    """
    line = text[start:end]
    if (
        _LABEL_LEAD is None
        or (not line.isascii() and max(line) > "\xff")
        or any(word in line.lower() for word in _LABEL_ANYWHERE)
    ):
        return LABEL.finditer(text, start, end)
    found: list[re.Match[str]] = []
    after = start
    for lead in _LABEL_LEAD.finditer(text, start, end):
        if lead.start() < after:
            continue
        label = LABEL.match(text, lead.start(), end)
        if label is not None:
            found.append(label)
            after = label.end()
    return found


#: A floor after a street's number: "5. krs", "3. kerros", "vån. 2", "2nd floor".
_FLOOR: Final = (
    r"(?:[0-9]{1,2}(?:\.|st|nd|rd|th)?[ \t]*(?:krs|kerros|vån|våning|floor)\b\.?"
    r"|(?:krs|vån|våning)\.?[ \t]*[0-9]{1,2}(?![0-9]))"
)
_SEPARATORS: Final = re.compile(
    # (not the comma of a name's word cut at a hyphen: "Rauta-, Puu- ja Maalikauppa Oy")
    rf"[ \t]*(?:(?<!-),(?![ \t]*{_FLOOR})"
    r"|[;|]|(?<![0-9])[ \t][–—/-][ \t]|(?<=[0-9])[ \t][–—/-][ \t](?![0-9]{1,4}(?![0-9]))|\t"
    # a letterhead's or a footer's dot between parts: "Firma Oy • Katu 1 • 00100 Kaupunki";
    # only before a part with a number (a trade name may hold one: "Hoitola • Kauppa, …")
    r"|(?<=[ \t])[•·●▪◦](?=[ \t]*$|[ \t][^,;|•·●▪◦]*[0-9]))"
    r"[ \t]*"
)
#: An e-mail address as notices write it, the "at" and the dots spelled out or not:
#: "@" (also doubled by a typing slip, "name@@example.fi"), "(at)", "[ at ]", "{ät}", "{et}", "(a)",
#: a bare " at " or " ät " between the parts, a "#" for the "@" ("nimi#example.fi": a slip of
#: the keyboard or a guard against harvesters, read only where a domain with its dot follows);
#: ".", "(piste)", "[dot]", a bare " dot " or " piste ", or a dot with spaces round it.
#: It starts only where a run of the local part's characters starts: tried from
#: every character of a long run (a line of digits), it took 64 steps per character.
_EMAIL_FORM: Final = re.compile(
    r"(?i)(?<![a-z0-9._%+\-])[a-z0-9._%+\-]{1,64}(?:[ \t]?@@?[ \t]?|_@_"
    r"|[ \t]*[(\[{][ \t]*(?:at|a|ät|et|@|a-t|[aä]t-merkki|miukumauku|kissanhäntä)[ \t]*[)\]}][ \t]*"
    r"|(?P<bare>[ \t]+(?:at|ät)[ \t]+)|(?P<hash>\#))"
    r"[a-z0-9\-]{1,63}(?:(?:\.|[ \t]*[(\[{][ \t]*(?:piste|dot|\.)[ \t]*[)\]}][ \t]*"
    r"|[ \t]+(?:dot|piste)[ \t]+|[ \t]+\.[ \t]+(?=(?-i:[a-z])))"
    r"[a-z0-9\-]{1,63}){1,5}"
)
#: The "at" of an address spelled out, and its dots: what :func:`email_in` writes as "@" and ".".
_AT_WORDS: Final = r"(?:at|a|ät|et|@|a-t|[aä]t-merkki|miukumauku|kissanhäntä)"
_AT_SPELLED: Final = re.compile(
    rf"(?i)[ \t]*(?:[(\[{{][ \t]*{_AT_WORDS}[ \t]*[)\]}}]|[ \t]at[ \t]|[ \t]ät[ \t]|_@_|@@?|\#)"
    r"[ \t]*"
)
_DOT_SPELLED: Final = re.compile(
    r"(?i)[ \t]*[(\[{][ \t]*(?:piste|dot|\.)[ \t]*[)\]}][ \t]*"
    r"|[ \t]+(?:dot|piste)[ \t]+|[ \t]+\.[ \t]+"
)
_URL: Final = re.compile(r"(?i)\b(?:https?://|www\.)[^\s,;()]{3,200}")
_PO_BOX: Final = re.compile(
    r"(?i)(?<!\w)(?:PL|PB|P\.?\s?O\.?\s?Box|Box|Postilokero|Postbox)[ \t]*\.?[ \t]*[0-9]{1,6}(?!\d)"
)
#: Words after a town that are not part of its name: the next label, a country.
_NOT_TOWN: Final = (
    r"(?i:puh|tel|gsm|fax|faksi|telefax|sähköposti|e-?mail|e-post|y-tunnus|www|kotisivu"
    r"|finland|suomi|sverige|sweden|vaihde|växel|p\.)\b"
)
#: A postal code and its town: five digits ("00100 Helsinki", "FI-00100", "AX-22100"), a
#: Finnish one spaced after its second digit as some offices print it ("65 101 VASA", read
#: "65101"), or a Swedish one of three and two digits ("102 33 Stockholm", "SE-703 61 Örebro").
#: The spaced one never right after another group of digits (a phone number's end). A
#: second word of the town is no label of the next value ("05200 Kylä Tietosuojavastaava:").
_POSTCODE_TOWN: Final = re.compile(
    r"(?<![\d-])(?:(?:FIN|FI|SF|AX|SE|S)[ \t]?-?[ \t]?)?"
    r"(?P<code>[0-9]{5}|[0-9]{3}[ \t][0-9]{2}|(?<![\d][ \t])[0-9]{2}[ \t][0-9]{3}),?[ \t]+"
    r"(?P<town>[A-ZÄÖÅ][A-Za-zÄÖÅäöåéü\-]+(?:[ \t](?:(?!"
    + _NOT_TOWN
    + r")[A-ZÄÖÅ][A-Za-zÄÖÅäöå\-]+(?![A-Za-zÄÖÅäöå\-]|[ \t]?:)"
    r"|kunta|stad|yliopisto|universitet))?)"
)
_HOUSE: Final = (
    r"[0-9]{1,4}(?:[ \t]?[A-Za-z](?![a-zåäö])(?:[ \t]?[0-9]{1,3}(?![0-9]))?)?"
    # a second number joined by a dash, a plus, a slash or "&": "17–19", "17+18A", "17 & 19"
    # (a slash or "&" only after a street's word: :data:`_JOINED_NUMBERS`)
    r"(?:[ \t]?[–+/&-][ \t]?[0-9]{1,4}(?:[A-Za-z](?![a-zåäö]))?)?"
    r"(?:[ \t]+(?:[A-Z](?:[ \t]?[0-9]{1,3})?(?!\w)|(?i:as|bst|krs|lh|rapp)\.?[ \t]?[0-9]{1,3}))?"
    # a floor, after a comma or not: "3 A, 5. krs", "3 A 5. krs", "2 B 3. kerros", "4 vån. 2"
    rf"(?:,?[ \t]*{_FLOOR})?"
)
#: Two numbers joined by a slash or "&": a street's only after a street's word ("Mäkitie 3/5").
_JOINED_NUMBERS: Final = re.compile(r"[0-9][ \t]?[/&][ \t]?[0-9]")
_STREET: Final = re.compile(
    rf"(?P<street>[A-ZÄÖÅ][\wÄÖÅäöå.\-]*(?:[ \t]+[\wÄÖÅäöå.\-]+){{0,3}}?[ \t]+{_HOUSE})"
    r"[ \t]*[,;]?[ \t]*$"
)
_STREET_WORD: Final = re.compile(
    r"(?i)(?:katu|tie|kuja|polku|väylä|ranta|tori|aukio|kaari|rinne|mäki|puisto|piha|raitti"
    r"|gatan|gata|vägen|väg|gränd|torget|stigen|kaj|kajen|allé|allén|backe|backen|strand|stranden"
    r"|esplanad\w*|street|road|avenue|bulevardi)$"
)
_STREET_PREFIX: Final = frozenset(
    [
        "pieni",
        "iso",
        "vanha",
        "uusi",
        "itäinen",
        "läntinen",
        "pohjoinen",
        "eteläinen",
        "ylä",
        "ala",
        "norra",
        "södra",
        "östra",
        "västra",
        "stora",
        "lilla",
        "gamla",
        "nya",
        "sankt",
        "pohjois",
        "etelä",
        "itä",
        "länsi",
        "nedre",
        "övre",
        "inre",
        "yttre",
        "keski",
        "sisä",
        "ulko",
    ]
)
_PHONE: Final = re.compile(r"(?<![\w+(])((?:\+[ \t]?)?\(?[0-9][0-9 ()\-/]{5,22}[0-9])(?![\w])")
#: A phone number glued to the word before it by a lost space or tag: it starts with
#: "0" or "+" right after a word's lower-case letters ("Asiakaspalvelu040 123 4567"; not
#: "FI02077474", a VAT number).
_GLUED_PHONE: Final = re.compile(
    r"(?<=[^\W\d_]{2}[a-zäöå])((?:\+[ \t]?[0-9]|0)[0-9 ()\-/]{4,22}[0-9])(?![\w])"
)
#: A plus sign spaced from the country code after it: "+ 358".
_SPACED_PLUS: Final = re.compile(r"^\+[ \t]+")
#: Where a whole number is followed by another or by a remark in a match of :data:`_PHONE`:
#: a slash before a number that starts anew ("040 123 4567 / 040 765 4321"), or a bracket
#: that the match does not close ("0600 12345 (1,99 €/min)").
_NEXT_NUMBER: Final = re.compile(r"\s*/\s*(?=[0+])|\s*\((?![^()]*\))")
#: A whole phone number has at least this many digits.
_PHONE_DIGITS: Final = 6


def _phone_end(text: str, start: int, end: int) -> int:
    """The end of the one phone number at *start* in the match *start*–*end* of :data:`_PHONE`.

    The match may run on into a second number or a price in brackets, which
    its length cuts anywhere ("040 123 4567 / 040 765", "0600 12345 (1"): the
    number ends before them once it has digits enough.
    """
    for cut in _NEXT_NUMBER.finditer(text, start, end):
        if sum(char.isdigit() for char in text[start : cut.start()]) >= _PHONE_DIGITS:
            return cut.start()
    return end


#: A role's word. The words are grouped by their first letter, so that a search tests
#: one letter at each position rather than every word (a third of the time; the
#: patterns that embed this one, :data:`_controller._ROLE_FIRST` among them, gain
#: alike). No word is the start of another, so each position matches the same word
#: as a plain alternation of the words would: "(toimitus)johtaja", "vpj." and "pj.".
ROLE: Final = re.compile(
    r"(?i)j(?:ohtaja)|t(?:oimitusjohtaja|ietosuojavastaava|arkastaja)"
    r"|p(?:äällikkö|uheenjohtaja|j\.|astori)|v(?:astaava|d|pj\.)"
    r"|s(?:ihteeri|uunnittelija|ihteerare|ekreterare)|y(?:rittäjä|lläpitäjä)"
    r"|o(?:mistaja|fficer|rdförande|hjaaja|pettaja)|a(?:siamies|nsvarig|siantuntija|dmin\w*)"
    r"|k(?:oordinaattori|assör|irkkoherra|yrkoherde)|e(?:simies)|m(?:anager)"
    r"|d(?:irector|ataskyddsombud)|c(?:hef|eo)|h(?:allinto\w*|oitaja|andläggare)"
    r"|w(?:ebmaster)|r(?:ehtori|ektor)|n(?:euvoja)|i(?:sännöitsijä|nspektör)"
    r"|b(?:ibliotekarie)"
)
#: A word for a building or a place, never in a person's name: "Kauppakeskus Torikulma".
_PLACE_WORD: Final = re.compile(
    r"(?i)(?:keskus|talo|rakennus|kampus|center|centre|huset|gården|torget|tori)$"
)
#: A line about which matters a contact person answers: "Lahjoituksia koskevissa asioissa".
MATTERS: Final = re.compile(r"(?i)asioissa|asioista|koskevissa|ärenden|frågor|matters|questions")
_TRIM: Final = " \t,;:|()[]–—-.*_/"
#: A closing bracket and the bracket that opens it.
_CLOSING: Final = {")": "(", "]": "["}
_OPENING: Final = {"(": ")", "[": "]"}


#: A legal form written with stops, its last stop part of it ("r.y.", "Ltd.", "Inc.").
DOTTED_FORM: Final = re.compile(r"(?i)(?<![\w.])(?:r\.y|r\.f|s\.r|o\.y|t:mi|ltd|inc|corp|co)\.$")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        if text[start] in "([" and _OPENING[text[start]] in text[start:end]:
            break  # "(040) 503 2278": the bracket that a later one closes
        start += 1
    while end > start and text[end - 1] in _TRIM:
        if text[end - 1] == "." and DOTTED_FORM.search(text, start, end):
            break  # "Esimerkki r.y.", "Exempel r.f.": the stop belongs to the legal form
        closing = _CLOSING.get(text[end - 1])
        if closing is not None and text.count(closing, start, end) > text.count(
            text[end - 1], start, end - 1
        ):
            break  # "Suunnistajat -37 ry (LS-37)": the bracket that closes one opened here
        end -= 1
    # keep a closing stop of an abbreviation ("Oy Ab", "Inc.") out, but not other text
    return start, end


#: "etunimi.sukunimi@example.fi": a pattern for many addresses, not one address.
_PLACEHOLDER: Final = re.compile(
    r"(?i)(?:etunimi|förnamn|firstname)\.(?:sukunimi|efternamn|lastname)@"
)


def email_in(text: str) -> tuple[str, int, int, bool] | None:
    """The first e-mail address in *text*, written out: (address, start, end, obfuscated)."""
    found = _written_email(text)
    if found is None or _PLACEHOLDER.match(found[0]):
        return None
    return found


def email_pattern_in(text: str) -> tuple[str, int, int] | None:
    """A pattern for addresses in *text* ("etunimi.sukunimi(ät)example.fi"), written out."""
    found = _written_email(text)
    if found is None or not _PLACEHOLDER.match(found[0]):
        return None
    return found[0], found[1], found[2]


def emails_in(text: str) -> list[tuple[str, int, int]]:
    """Every e-mail address in *text*, written out, with its offsets (no address patterns)."""
    out = []
    for found in _EMAIL_FORM.finditer(text):
        if found.group("bare") is not None and _in_prose(text, found.start()):
            continue
        if found.group("hash") is not None and _in_link(text, found.start()):
            continue
        local, _, domain = _AT_SPELLED.sub("@", found.group(0), count=1).partition("@")
        written = f"{local}@{_DOT_SPELLED.sub('.', domain)}"
        if EMAIL.fullmatch(written) is not None and not _PLACEHOLDER.match(written):
            out.append((written, found.start(), found.end()))
    return out


def _written_email(text: str) -> tuple[str, int, int, bool] | None:
    for found in _EMAIL_FORM.finditer(text):
        if found.group("bare") is not None and _in_prose(text, found.start()):
            continue  # "tiedot sijaitsevat at palvelin.fi": a word before it, no address
        if found.group("hash") is not None and _in_link(text, found.start()):
            continue  # "https://example.fi/sivu#osio.html": a link's fragment, no address
        raw = found.group(0)
        local, _, domain = _AT_SPELLED.sub("@", raw, count=1).partition("@")
        written = f"{local}@{_DOT_SPELLED.sub('.', domain)}"
        if EMAIL.fullmatch(written) is None:
            return None
        return written, found.start(), found.end(), written != raw
    return None


def _in_prose(text: str, start: int) -> bool:
    """Whether a word stands just before *start* on its line (an "at" of a sentence).

    An address spelled with a bare " at " is one only where a value starts:
    at the start of a line, or after a colon, comma, semicolon or bracket.
    """
    before = text[max(0, start - 40) : start].rsplit("\n", 1)[-1].rstrip(" \t")
    if _EMAIL_LABEL_BEFORE.search(before):
        return False  # "Sähköposti info at example.fi": the label without its colon
    return bool(before) and (before[-1].isalnum() or before[-1] in ".-")


def _in_link(text: str, start: int) -> bool:
    """Whether the token at *start* goes on from what stands before it (a link's path).

    An address with a "#" for its "@" is one only where a value starts: at the
    start of a line, after a space, a colon, a comma, a semicolon or a bracket.
    """
    return start > 0 and text[start - 1] not in _VALUE_STARTS


#: What may stand just before an address written with a "#" for its "@".
_VALUE_STARTS: Final = frozenset(" \t\n\r:;,([{<\"'")


_EMAIL_LABEL_BEFORE: Final = re.compile(r"(?i)(?:sähköposti(?:osoite)?|s-posti|e-?mail|e-post)$")


_LABEL_PREFIX_WORDS: Final = 6
#: Longer lines are sentences or run-on text, not contact lines.
MAX_LINE: Final = 400


def parse_line(text: str, start: int, end: int) -> list[Part]:
    """The parts of the contact line ``text[start:end]``, in text order.

    A line longer than :data:`MAX_LINE` is not a contact line: it is one
    ``text`` part (this also keeps the parser's work linear in the input).

    The parts depend only on the line and the :data:`_CONTEXT` characters
    before it (the parser reads nothing after *end* and, in its look-behinds,
    one character before *start*), so a line seen before with the same
    characters before it is not parsed again: its parts are moved to its offset.
    A line not seen before is parsed where it stands (its parts made once).
    """
    if end - start > MAX_LINE:
        return [Part("text", text[start:end], start, end)]
    before = max(0, start - _CONTEXT)
    key = (text[before:end], start - before)
    seen = _SEEN.get(key)
    if seen is None:
        parts = parse_line_uncached(text, start, end)
        with _SEEN_LOCK:  # imports in several threads share the memory
            if len(_SEEN) >= _SEEN_MAX:
                _SEEN.popitem(last=False)  # the oldest line goes
            _SEEN[key] = (before, tuple(parts))
        return parts
    at, seen_parts = seen
    if at == before:
        return list(seen_parts)
    shift = before - at
    return [
        Part(p.field, p.value, p.start + shift, p.end + shift, p.obfuscated) for p in seen_parts
    ]


#: Characters before a line that its parse may depend on (more than any look-behind reads).
_CONTEXT: Final = 8
#: Lines remembered by :func:`parse_line`: (the line with its context, the line's offset in
#: it) → (where that context started in the text it was read in, the parts read there).
#: In the order they were read: the oldest is dropped in constant time (a plain dict's
#: first item is found past the holes its dropped items left, up to a third of its size).
_SEEN: Final[OrderedDict[tuple[str, int], tuple[int, tuple[Part, ...]]]] = OrderedDict()
_SEEN_MAX: Final = 1024
#: Guards eviction and insertion in :data:`_SEEN` (iterating a dict another thread changes fails).
_SEEN_LOCK: Final = threading.Lock()


def parse_line_uncached(text: str, start: int, end: int) -> list[Part]:
    """:func:`parse_line` without its memory of lines seen (no length limit either)."""
    parts: list[Part] = []
    labels = [m for m in _labels(text, start, end) if _is_label(text, m, start, end)]
    position = start
    pending: str | None = None
    for label in labels:
        label_start = label.start()
        said = label.group(0).rstrip().casefold()
        if position == start and said.endswith((":", " on", " är")) and label_start > start:
            # "Kaupparekisteriin merkitty virallinen yhtiön nimi:", "Sovellettavan lain
            # mukainen rekisterinpitäjä on X Oy": the words before the label are part of it
            before = text[start:label_start]
            words = before.split()
            if (
                len(words) <= _LABEL_PREFIX_WORDS
                and not any(c.isdigit() or c in "()" for c in before)
                and not any(word[:1].isupper() for word in words[1:])
                # "Kylän vesiosuuskunta, Y-tunnus: …": a value and its separator, no label
                and not before.rstrip(" \t").endswith((",", ";", "|"))
            ):
                label_start = start  # "Kaupparekisteriin merkitty virallinen yhtiön nimi:"
        if label_start > position:
            parts += _value(text, position, label_start, pending)
        pending = label.lastgroup
        label_end = _label_tail(text, label.end(), end)
        parts.append(Part("label", label.lastgroup or "", label_start, label_end))
        position = label_end
    if end > position:
        parts += _value(text, position, end, pending)
    return parts


#: Lower-case words between a label and its colon: "Yhteyshenkilö rekisteriä koskevissa asioissa:".
#: A preposition after a label word without a colon: the word begins a name ("City of X").
_OF_NAME: Final = re.compile(r"[ \t]*(?:of|av)[ \t]+[A-ZÄÖÅ]")
_TAIL: Final = re.compile(r"[ \t]*[a-zäöå][\w-]*(?:[ \t]+[a-zäöå][\w-]*){0,4}[ \t]*:")


def _label_tail(text: str, label_end: int, end: int) -> int:
    """The end of a label with its lower-case qualifier and colon, if it has them."""
    if text[label_end - 1 : label_end] in {":", "="}:
        return label_end
    tail = _TAIL.match(text, label_end, end)
    return tail.end() if tail is not None else label_end


def _is_label(text: str, match: re.Match[str], line_start: int, end: int) -> bool:
    if match.group(0)[-1:] not in _LABEL_ENDS and match.end() < end:
        return _glued_label(text, match, end)  # no space, colon or end after it: glued
    return _is_spaced_label(text, match, line_start, end)


def _is_spaced_label(text: str, match: re.Match[str], line_start: int, end: int) -> bool:
    word = match.group(0).strip().casefold()
    if match.lastgroup == "register_name":
        return word.endswith((":", "="))  # "Rekisterin nimi: …", never a heading in a list
    at_start = not text[line_start : match.start()].strip(" \t•*·▪–-")
    if at_start and _label_tail(text, match.end(), end) > match.end():
        return True  # "Yhteyshenkilö rekisteriä koskevissa asioissa: …"
    if match.lastgroup == "po_box" and not word.endswith((":", "=")):
        return False  # "Postilokero 12": the box itself (read by its form), no label
    if not word.endswith((":", "=")) and _OF_NAME.match(text, match.end(), end):
        return False  # "City of Esimerkki", "Town of X": a body's name, no label

    if match.lastgroup == "phone" and word.rstrip(".:") == "p":
        # "p." / "p:" only before a number
        return re.match(r"[ \t]*[+0-9(]", text[match.end() : end]) is not None
    if match.lastgroup == "person" and word.startswith("rekisteri"):
        return True  # "Rekisteriasioista vastaa ylläpitäjä Heikki Puustinen"
    if match.lastgroup == "person" and re.match(
        r"[ \t]*(?:[A-ZÄÖÅ]|\+?[0-9(])", text[match.end() : end]
    ):
        return True  # "Yhteyshenkilö Matti Meikäläinen", "Person responsible … +358 …"
    rest = text[match.end() : end]
    if match.lastgroup == "name" and match.start() == line_start and rest[:1].isupper():
        return True  # "Nimi Esimerkki Oy" in a fill-in form
    if match.lastgroup == "name" and word.endswith((" on", " är")) and rest[:1].isupper():
        return True  # "… mukainen rekisterinpitäjä on Esimerkki Oy"
    if match.lastgroup == "address" and re.match(r"[ \t]*[A-ZÄÖÅ]\D*\d", rest):
        return True  # "Osoite Katu 1"
    if match.lastgroup in {"name", "address", "person"} and not word.rstrip().endswith((":", "=")):
        return match.end() == match.start() or text[match.end() - 1] in ":="
    return True


#: The value a channel's label glued to it must start with (and the label's least length).
_GLUED_VALUE: Final = {
    "phone": (re.compile(r"\+?[0-9]"), 3),  # "Puh.040 …", "Tel+358 …" (never "p", "mob")
    "fax": (re.compile(r"\+?[0-9]"), 3),  # "Fax09 …", "Telefax09 …": never the phone (V24)
    "email": (re.compile(r"(?i)[a-z0-9._%+-]+@[a-z0-9-]+\."), 6),  # "Sähköpostinimi@…"
    "url": (re.compile(r"(?i)www\.|https?://"), 3),  # "Verkkosivutwww.esimerkki.fi"
}


#: What ends a label that is not glued to its value.
_LABEL_ENDS: Final = frozenset(" \t:=")


def _glued_label(text: str, match: re.Match[str], end: int) -> bool:
    """Whether a label glued to its value by a lost space or tag is one.

    Only a channel's label whole, before a value of that channel's form: a
    phone's label before a number, an e-mail's before an address, a web
    address's before "www." or "http". The label is cut off whole
    ("Sähköposti" + "info@…", never "Sähkö" + "postiinfo@…").
    """
    glued = _GLUED_VALUE.get(match.lastgroup or "")
    word = match.group(0).rstrip(".").casefold()
    return (
        glued is not None
        and len(word) >= glued[1]
        and glued[0].match(text, match.end(), end) is not None
    )


Reader = Callable[[str, int, int, str], "list[Part] | None"]


def _value(text: str, start: int, end: int, label: str | None) -> list[Part]:
    """The parts of a value: after *label*, or found by their form."""
    start, end = _trimmed(text, start, end)
    if end <= start:
        return []
    if not any(c.isalnum() for c in text[start:end]):
        # nothing to read (a masked identity code is a run of "¤"): never a value
        return [Part("text", text[start:end], start, end)]
    reader = _LABELLED.get(label or "")
    found = reader(text, start, end, label or "") if reader is not None else None
    return found if found is not None else _by_form(text, start, end)


def _number_after(field: str) -> Reader:
    """A reader of a phone or fax number after its label (and what follows it)."""

    def read(text: str, start: int, end: int, _label: str) -> list[Part] | None:
        if text[start - 1 : start].isalpha():
            # a label glued to it ("Puhelin+358 …", "GSM040 …"): the value is read alone
            alone = _PHONE.match(" " + text[start:end], 1)
            if alone is not None:
                s = start + alone.start(1) - 1
                return _number_parts(field, text, s, start + alone.end(1) - 1, end)
        found = _PHONE.search(text, start, end)
        if found is None:
            return None
        return _number_parts(field, text, found.start(1), found.end(1), end)

    return read


def _number_parts(field: str, text: str, start: int, found_end: int, end: int) -> list[Part]:
    """The number found at *start* (its match ending at *found_end*) and what follows it."""
    s, e = start, _phone_end(text, start, found_end)
    return [Part(field, _SPACED_PLUS.sub("+", flat(text[s:e])), s, e), *_by_form(text, e, end)]


def _business_id_after(text: str, start: int, end: int, _label: str) -> list[Part] | None:
    value = text[start:end]
    found = YTUNNUS.search(value) or YTUNNUS_VALUE.search(value)
    if found is None:
        return None
    s, e = start + found.start(), start + found.end()
    return [Part("business_id", found.group(0), s, e), *_by_form(text, e, end)]


def _town_after(text: str, start: int, end: int, _label: str) -> list[Part] | None:
    if any(c.isdigit() for c in text[start:end]):
        return None
    return [Part("town", text[start:end], start, end)]


def _box_after(text: str, start: int, end: int, _label: str) -> list[Part] | None:
    """A box labelled alone ("Postilokero: 12, 00101 Helsinki"): its number, then the address."""
    number = re.match(r"[0-9]{1,6}(?!\d)", text[start:end])
    if number is None:
        return None
    e = start + number.end()
    rest = _address(text, e, end) if text[e:end].strip(_TRIM) else []
    return [Part("po_box", number.group(0), start, e), *rest]


def _url_after(text: str, start: int, end: int, _label: str) -> list[Part] | None:
    return [Part("url", text[start:end], start, end)]


def _address_after(text: str, start: int, end: int, _label: str) -> list[Part] | None:
    return _address(text, start, end)


def _person_or_name(text: str, start: int, end: int, label: str) -> list[Part]:
    """A labelled name; for a contact person also a role after a comma."""
    pieces = _pieces(text, start, end)
    field = "person" if label == "person" else "name"
    first = pieces[0]
    if text[first[0] : first[0] + 1] in _NUMBER_START:
        return _by_form(text, start, end)  # "Yhteyshenkilö 040 …": the person's channel, no name
    business = YTUNNUS.search(text, *first)
    if business is not None and business.start() > first[0]:
        # "Kauppa Oy (2077474-0)": the Y-tunnus in parentheses after the name
        name_end = _trimmed(text, first[0], business.start())[1]
        out = [
            Part(field, text[first[0] : name_end], first[0], name_end),
            *_by_form(text, business.start(), first[1]),
        ]
    elif (stop := _NAME_THEN_SENTENCE.match(text, *first)) is not None:
        # "X Oy. X Oy vastaa siitä, että …": the name ends with its sentence
        out = [
            Part(field, stop.group(1), first[0], stop.end(1)),
            Part("text", text[stop.end() : first[1]], stop.end(), first[1]),
        ]
    else:
        out = _role_in_parentheses(text, *first) if field == "person" else []
        out = out or [Part(field, text[first[0] : first[1]], first[0], first[1])]
    for s, e in pieces[1:]:
        piece = text[s:e]
        if field == "person" and ROLE.search(piece) and not any(c.isdigit() for c in piece):
            out.append(Part("role", piece, s, e))
        else:
            out += _by_form(text, s, e)
    return out


#: How a phone number starts: a value so is never a name.
_NUMBER_START: Final = frozenset("+0123456789(")
#: A name with a legal form that ends a sentence, and more text after it.
_NAME_THEN_SENTENCE: Final = re.compile(
    r"([A-ZÄÖÅ][\w&\-]*(?:[ \t]+[\w&\-]+){0,5}?[ \t]+(?:Oyj|Oy|Ab|Ky|Ay|Tmi|ry|rf|sr))"
    r"\.[ \t]+(?=\S)"
)
_PARENTHESES: Final = re.compile(r"[ \t]*\(([^()]{2,60})\)?[ \t]*$")


def _role_in_parentheses(text: str, start: int, end: int) -> list[Part]:
    """The person and the role of "Niina Pihlaja (yrittäjä)", or nothing."""
    found = _PARENTHESES.search(text, start, end)
    if found is None or found.start() == start or not ROLE.search(found.group(1)):
        return []
    return [
        Part("person", text[start : found.start()], start, found.start()),
        Part("role", found.group(1), found.start(1), found.end(1)),
    ]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at commas, semicolons, bars, tabs and spaced dashes.

    Not inside brackets ("Seura r.f. (SF, nedan föreningen)": an aside on the
    name), nor at the comma inside an organisation's name: "Pallokissat, Kuopio
    ry" (see :func:`_name_goes_on`).
    """
    out: list[tuple[int, int]] = []
    position = start
    for sep in _SEPARATORS.finditer(text, start, end):
        if text.count("(", start, sep.start()) > text.count(")", start, sep.start()):
            continue  # inside brackets
        piece = _trimmed(text, position, sep.start())
        if piece[1] > piece[0]:
            out.append(piece)
        position = sep.end()
    piece = _trimmed(text, position, end)
    if piece[1] > piece[0]:
        out.append(piece)
    if len(out) > 1 and _name_goes_on(text, out[0], out[1]):
        out[:2] = [(out[0][0], out[1][1])]
    return out or [(start, end)]


#: The rest of an association's name after a comma: its place and the legal form
#: ("…, Kuopio ry", "…, Vasa rf").
_NAME_REST: Final = re.compile(r"[A-ZÄÖÅ][\w-]+[ \t]+(?:ry|r\.y\.|rf|r\.f\.)")


def _name_goes_on(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether a value's first two pieces are one name cut at its comma.

    "Pallokissat, Kuopio ry": an association named with its place after a comma.
    The second piece is one capitalised word and "ry" or "rf", the first words
    without a legal form that do not read as a person's name ("Aino Laine, Seura
    ry" is a person and her association), neither has a digit, and only a comma is
    between them.
    """
    head, rest = text[first[0] : first[1]], text[second[0] : second[1]]
    return (
        text[first[1] : second[0]].strip() == ","
        and _NAME_REST.fullmatch(rest) is not None
        and rest[:1].isupper()
        and head[:1].isupper()
        and len(head.split()) <= _NAME_HEAD_WORDS
        and not any(char.isdigit() or char in "@()" for char in head + rest)
        and not any(word.casefold().strip(".") in _LEGAL_FORMS for word in head.split())
        and not looks_like_person(head)
    )


#: The part of a name before its comma has at most this many words.
_NAME_HEAD_WORDS: Final = 4


def _address(text: str, start: int, end: int) -> list[Part]:
    """A labelled address: street (or PO box), postal code and town."""
    value = text[start:end]
    postal = _POSTCODE_TOWN.search(value)
    out: list[Part] = []
    if postal is None and "," in value:
        comma = start + value.rindex(",")
        last = _trimmed(text, comma + 1, end)
        short = _short_code_town(text, (start, comma), last)
        if short:
            return [*_address(text, start, comma), *short]  # "Katu 4, 1541 Kaupunki"
    if postal is None and "," in value and not any(c.isdigit() for c in value.rsplit(",", 1)[1]):
        # "Adress: Strandgatan 4, Vasa": a street and a town without a postal code
        comma = start + value.rindex(",")
        town = _trimmed(text, comma + 1, end)
        return [*_address(text, start, comma), Part("town", text[town[0] : town[1]], *town)]
    if postal is None:
        box = _PO_BOX.fullmatch(value.strip(_TRIM))
        field = "po_box" if box else "street"
        code = re.fullmatch(r"(?:(?:FI|SE|S)-)?([0-9]{5}|[0-9]{3} [0-9]{2})", value.strip())
        if code is not None:
            return [Part("postal_code", code.group(1), start, end)]
        if field == "street":
            # "c/o Mesta Coworking, Katu 19 lh. 63" with the postal code on the next line
            return _street_after_others(text, start, end)
        return [Part(field, value, start, end)]
    before = _trimmed(text, start, start + postal.start())
    if before[1] > before[0]:
        out += _street_after_others(text, *before)
    out += _postal(text, start, postal)
    rest = start + postal.end()
    if rest < end:
        out += _by_form(text, rest, end)
    return out


def _street_after_others(text: str, start: int, end: int) -> list[Part]:
    """The street before a postal code; "X ry, c/o Name, Katu 13": only the last piece.

    Comma pieces without a digit before the one with the house number (a c/o
    name, a building's name) are part of the block, not of the street.
    """
    pieces = _pieces(text, start, end)
    if (
        len(pieces) > 1
        and _PO_BOX.search(text, start, end) is None
        and any(c.isdigit() for c in text[slice(*pieces[-1])])
        and not any(c.isdigit() for s, e in pieces[:-1] for c in text[s:e])
    ):
        others = [Part("other", text[s:e], s, e) for s, e in pieces[:-1]]
        return [*others, *_street_or_box(text, *pieces[-1], whole=True)]
    value = text[start:end]
    if not any(c.isdigit() for c in value) and not has_street_word(value):
        # "Postadress: Patent- och registerstyrelsen, 00091 PRH": the body's name, no street
        return [Part("text", value, start, end)]
    return _street_or_box(text, start, end, whole=True)


def _postal(text: str, offset: int, postal: re.Match[str]) -> list[Part]:
    code_s, code_e = offset + postal.start(), offset + postal.end("code")
    town_s, town_e = offset + postal.start("town"), offset + postal.end("town")
    code = postal.group("code")
    if code[2:3] in {" ", "\t"}:
        code = code[:2] + code[3:]  # "65 101": a Finnish code printed with a space
    return [
        Part("postal_code", code, code_s, code_e),
        Part("town", text[town_s:town_e], town_s, town_e),
    ]


def _street_or_box(text: str, start: int, end: int, *, whole: bool) -> list[Part]:
    """The street (or PO box) that ends at *end*; with *whole*, all of ``text[start:end]``."""
    value = text[start:end]
    box = _PO_BOX.search(value)
    if box is not None:
        out = [Part("po_box", box.group(0), start + box.start(), start + box.end())]
        if box.start() > 0:
            out = _by_form(text, start, start + box.start()) + out
        visiting = _VISITING.match(value, box.end())
        if visiting is not None:
            # "PL 57 (Koetilantie 4) 00014 …": the visiting street in brackets after the box
            s, e = start + visiting.start("street"), start + visiting.end("street")
            out.append(Part("street", text[s:e], s, e))
        return out
    if whole:
        return [Part("street", value, start, end)]
    if _HOUSING_COMPANY.match(value) is not None:
        return []  # "Asunto Oy Koivukuja 3, 00100 Helsinki": the name, not a street
    found = _STREET.search(value)
    if found is None or (
        _JOINED_NUMBERS.search(found.group("street")) and not has_street_word(found.group("street"))
    ):
        return []  # "Sivu 2/3", "Asiakaspalvelu 24/7": a page's or hours' numbers (R4-8)
    s = start + found.start("street")
    # "Esimerkki Oy Testikatu 1": the street starts at the word with a street ending
    words = list(_NON_SPACE.finditer(text[s : start + found.end("street")]))
    begin = _street_begin(text, s, start + found.end("street"), [w.group(0) for w in words])
    street_start = s + words[begin].start()
    street_end = start + found.end("street")
    out = []
    if street_start > start:
        out += _by_form(text, start, street_start)
    out.append(Part("street", text[street_start:street_end], street_start, street_end))
    return out


#: A run of characters that are not white space: a word of a street.
_NON_SPACE: Final = re.compile(r"\S+")
#: A comma or a semicolon at the end of a value (spaces after it).
_COMMA_AT_END: Final = re.compile(r"[,;][ \t]*$")
#: A street in brackets right after a PO box: " (Koetilantie 4)".
_VISITING: Final = re.compile(
    rf"[ \t]*\((?P<street>[A-ZÄÖÅ][\w.-]*(?:[ \t]+[\w.-]+){{0,3}}?[ \t]+{_HOUSE})\)"
)
#: Legal forms: a word before a bare street noun that is no part of the street.
_LEGAL_FORMS: Final = frozenset(["oy", "oyj", "ab", "abp", "ky", "ay", "tmi", "ry", "rf", "sr"])


def _street_begin(text: str, start: int, end: int, words: list[str]) -> int:
    """The index of the street's first word among *words* (a name, then the house number).

    The word with a street ending, with the word before it when that is an
    attribute ("Pieni Roobertinkatu") or the street noun is a word of its own
    ("Nedre Torget") or in lower case ("Sörnäs strandväg"); after a firm's legal form;
    else the word before the house number: "Kultasiipi 15 B 9", not "B 9".
    """
    # a firm's name before the street may end in a street's word: "Karjatie Oy Ab Koivutie 8"
    forms = [i for i, word in enumerate(words) if word.rstrip(".,").casefold() in _LEGAL_FORMS]
    first = forms[-1] + 1 if forms and forms[-1] < len(words) - 2 else 0
    for index, word in enumerate(words[first:], first):
        bare = word.rstrip(".,")
        if _STREET_WORD.search(bare):
            previous = words[index - 1].casefold() if index > 0 else ""
            # a street noun that is a word of its own ("Nedre Torget", "Main Street"), or
            # one in lower case after a name ("Sörnäs strandväg")
            separate = (
                _STREET_WORD.fullmatch(bare) is not None
                or bare.casefold() in {"street", "road", "avenue", "gatan", "vägen"}
                or bare[:1].islower()
            )
            if (
                index > 0
                and previous not in _LEGAL_FORMS
                and ((separate and words[index - 1][:1].isupper()) or previous in _STREET_PREFIX)
            ):
                return _named_street_begin(words, index - 1, separate=separate)
            if separate and index == 2 and _lower_genitive_name(words):
                return 0  # "Gamla skolans väg 3", "Kylän kirkon tie 2": a name of three words
            return index
    company = COMPANY.search(text, start, end)
    if company is not None:
        position = start
        for index, word in enumerate(words):
            position = text.index(word, position)
            if position >= company.end():
                return index
        return 0
    house = next((i for i, word in enumerate(words) if word[:1].isdigit()), len(words) - 1)
    begin = max(0, house - 1)
    if (
        begin > 0
        and words[begin][:1].islower()
        and words[begin - 1][:1].isupper()
        and words[begin - 1].isalpha()
        and words[begin - 1].casefold() not in _LEGAL_FORMS
    ):
        return begin - 1  # a street's noun in lower case after its name: "Södra kajen 8"
    return begin


def _lower_genitive_name(words: list[str]) -> bool:
    """Whether *words* start with a name and a genitive in lower case: "Camp kyrkans väg".

    The first word is a capitalised word of letters (never a legal form or a
    body's word), the second a genitive in lower case before the street noun.
    """
    first, second = words[0], words[1]
    return (
        first[:1].isupper()
        and first.isalpha()
        and first.casefold() not in _LEGAL_FORMS
        and ORGANISATION.search(first) is None
        and second.isalpha()
        and second.islower()
        and second.endswith(("s", "n"))
    )


def _named_street_begin(words: list[str], index: int, *, separate: bool) -> int:
    """The first word of a street named after a person: "Eliel Saarisen tie 2".

    A street noun of its own in lower case ("tie", "väg") after a genitive
    may take a first name before it: one capitalised word more, when it is
    the first word of the value (never a legal form, never a word of a body).
    """
    if (
        separate
        and index == 1
        and words[index][:1].isupper()
        and words[0][:1].isupper()
        and words[0].isalpha()
        and words[0].casefold() not in _LEGAL_FORMS
        and ORGANISATION.search(words[0]) is None
        and words[index].casefold().endswith(("n", "s"))
    ):
        return 0
    return index


def _by_form(text: str, start: int, end: int) -> list[Part]:
    """Parts of an unlabelled value, recognised by their form."""
    if end <= start:
        return []  # nothing (what a finder left after the value it found): no bracket either
    bracketed = _BRACKETED.match(text, start, end)
    if bracketed is not None:
        # "(vaihde)", "(vastaanotto)" after a number: a note on the part before
        note = Part("other", bracketed.group(1), bracketed.start(1), bracketed.end(1))
        return [note, *_by_form(text, bracketed.end(), end)]
    start, end = _trimmed(text, start, end)
    if end <= start:
        return []
    value = text[start:end]
    found = _found(text, start, end, value)
    if found is not None:
        return found
    pieces = _pieces(text, start, end)
    if len(pieces) > 1:
        short = _short_code_town(text, pieces[-2], pieces[-1])
        if short:
            return [part for s, e in pieces[:-1] for part in _by_form(text, s, e)] + short
        return [part for s, e in pieces for part in _by_form(text, s, e)]
    return _by_shape(text, start, end, value)


#: A postal code short of a digit and its town, after a street: "Katu 4, 1541 Kaupunki".
_SHORT_CODE_TOWN: Final = re.compile(
    r"(?P<code>[0-9]{4})[ \t]+(?P<town>[A-ZÄÖÅ][a-zäöå]+(?:-[A-ZÄÖÅ]?[a-zäöå]+)?)"
)


def _short_code_town(text: str, street: tuple[int, int], piece: tuple[int, int]) -> list[Part]:
    """The town after a street whose postal code has four digits (a misprint), or ``[]``.

    The code is no postal code (five digits): it is kept out and said in a note,
    never completed; the town is read. Only after a piece with a house number.
    """
    found = _SHORT_CODE_TOWN.fullmatch(text, *piece)
    if found is None or not any(c.isdigit() for c in text[slice(*street)]):
        return []
    code = found.group("code")
    return [
        Part("other", f"{code} (a postal code of four digits: not entered)", *found.span("code")),
        Part("town", found.group("town"), *found.span("town")),
    ]


#: What every e-mail address that :data:`_EMAIL_FORM` finds has: its "@" or its
#: "at" (in brackets, or a bare word between spaces).
_AT_HINT: Final = re.compile(r"(?i)[@#(\[{]|[ \t](?:at|ät)[ \t]")
#: An ASCII digit: a Y-tunnus, a postal code, a PO box and a phone number have one.
_ASCII_DIGIT: Final = re.compile(r"[0-9]")


def _found(text: str, start: int, end: int, value: str) -> list[Part] | None:
    """The parts of *value* around the first value found by its form; ``None`` if none.

    Tried in this order: an e-mail address (or a pattern for addresses), a web
    address, a Y-tunnus, a postal code, a PO box, a phone number. A finder is
    not tried on a value without what all it finds has (an "@" or an "at", a
    colon or a dot, a digit).
    """
    if _AT_HINT.search(value) is not None:
        found = _find_email_or_pattern(text, start, end, value)
        if found is not None:
            return found
    if ":" in value or "." in value:
        found = _find_url(text, start, end, value)
        if found is not None:
            return found
    if _ASCII_DIGIT.search(value) is None:
        return None
    for finder in (_find_business_id, _find_postal, _find_box):
        found = finder(text, start, end, value)
        if found is not None:
            return found
    phone = _PHONE.search(value)
    glued = _GLUED_PHONE.search(value)
    if (
        glued is not None
        and (phone is None or glued.start(1) < phone.start(1))
        and sum(c.isdigit() for c in glued.group(1)) >= _PHONE_DIGITS
    ):
        # a word glued to a number ("Asiakaspalvelu040 123 4567"): the whole number,
        # never its tail (A15's V24)
        phone = glued
    if phone is not None and sum(c.isdigit() for c in phone.group(1)) >= 6:
        s = start + phone.start(1)
        e = _phone_end(text, s, start + phone.end(1))
        return [
            *_by_form(text, start, s),
            # "+ 358 40 …": the plus sign spaced from the country code is the number's
            Part("phone", _SPACED_PLUS.sub("+", flat(text[s:e])), s, e),
            *_by_form(text, e, end),
        ]
    return None


def _by_shape(text: str, start: int, end: int, value: str) -> list[Part]:
    """The parts of a one-piece value with no e-mail, web address, number or postal code."""
    paren = _TRAILING_PARENS.search(value)
    if paren is not None and paren.start() > 0 and not ROLE.search(paren.group(1)):
        # "Katu 20, 5. krs (Opus 3)", "Seura ry (LS-37)": the note in brackets is its own part
        inner = (start + paren.start(1), start + paren.end(1))
        return [
            *_by_form(text, start, start + paren.start()),
            Part("other", value[slice(*(i - start for i in inner))], *inner),
        ]
    if _COUNTRY.fullmatch(value):
        return [Part("other", value, start, end)]  # "Finland", "Åland" after the town
    in_brackets = _bracketed_address(text, start, end)
    if in_brackets:
        return in_brackets
    if _HOUSING_COMPANY.match(value) is not None:
        # "Asunto Oy Mannerheimintie 12": a housing company is named after its street
        return [Part("text", value, start, end)]
    street = _street_or_box(text, start, end, whole=False)
    if street:
        return street
    with_role = _role_in_parentheses(text, start, end)
    if with_role and looks_like_person(with_role[0].value):
        person, role = with_role
        return [Part("text", person.value, person.start, person.end), role]
    return [Part("text", value, start, end)]


#: A housing or real-estate company, its legal form first: its name goes on with a place
#: or a street and house number ("Asunto Oy Koivukuja 3", "Bostads Ab Strandvägen 4").
_HOUSING_COMPANY: Final = re.compile(
    r"(?:(?:Asunto|As\.?|Kiinteistö|Bostads|Fastighets)[ \t]+(?:Oy|Ab)"
    r"|(?:Asunto|Kiinteistö)-osakeyhtiö|(?:Bostads|Fastighets)aktiebolag(?:et)?)[ \t]+\S"
)
#: A country or a region written after the town ("Finland", "Åland", "Suomi").
_COUNTRY: Final = re.compile(
    r"(?i)suomi|finland|ahvenanmaa|åland|sverige|sweden|ruotsi|uusimaa|nyland"
)


def _bracketed_address(text: str, start: int, end: int) -> list[Part]:
    """The street (or box) of a value in brackets: "PL 100, (Nallinkatu 2), 21201 Raisio"."""
    if text[start : start + 1] != "(" or text[end - 1 : end] != ")":
        return []
    inner = _by_form(text, start + 1, end - 1)
    if not any(part.field in {"street", "po_box"} for part in inner):
        return []
    return inner


#: A value that is only a note in brackets: "(vaihde)".
_BRACKETED: Final = re.compile(r"[ \t,;]*\(([^()@\d]{0,40}[^\W\d_][^()@\d]{0,40})\)[ \t,;:.]*")
#: A note in brackets at the end of a value: "(Opus 3)", "(LS-37)".
_TRAILING_PARENS: Final = re.compile(r"[ \t]*\(([^()]{0,60}[^\W\d_][^()]{0,60})\)$")


def _split_at(text: str, start: int, end: int, middle: list[Part]) -> list[Part]:
    """*middle* (parts found inside the value) with what stands before and after it.

    A Y-tunnus, an e-mail or a web address found inside brackets after a few words
    ("Esimerkki Oy (company registration code: 1234567-8)"): the words are its label,
    whatever they say, and what stands before the bracket is read alone. (Not a phone
    number: a law's number, "(laki … 1492/2016)", has a phone's form.)
    """
    s, e = middle[0].start, middle[-1].end
    opening = _aside_opening(text, start, s, e, end)
    if opening is not None and middle[0].field in _ASIDE_FIELDS:
        label = Part("label", middle[0].field, opening + 1, s)
        return [*_by_form(text, start, opening), label, *middle, *_by_form(text, e, end)]
    return [*_by_form(text, start, s), *middle, *_by_form(text, e, end)]


#: Fields whose value, found in brackets after a few words, makes the words its label.
_ASIDE_FIELDS: Final = frozenset({"business_id", "email", "url"})
#: The words in brackets before a value: a label's few words, with or without its colon
#: ("business identity code:", "company ID", "reg. no."); no digit, no bracket, no comma or
#: semicolon (a role or another body before the value: "(toimitusjohtaja, aino@…)").
_ASIDE_WORDS: Final = re.compile(r"[ \t]*[^\W\d_][^\d()\[\]@:,;\n]{0,40}?[ \t]*:?[ \t]*")
#: A label in brackets has at most this many words.
_ASIDE_MAX_WORDS: Final = 4


def _aside_opening(text: str, start: int, s: int, e: int, end: int) -> int | None:
    """Where the bracket opens that holds the value ``text[s:e]`` after a few words; or ``None``.

    The bracket opens after some text of the line and closes right after the value.
    """
    opening = text.rfind("(", start, s)
    if opening <= start or ")" in text[opening:s] or not text[start:opening].strip():
        return None
    if not text[e:end].lstrip(" \t").startswith(")"):
        return None
    words = _ASIDE_WORDS.fullmatch(text, opening + 1, s)
    if words is None or len(words.group(0).split()) > _ASIDE_MAX_WORDS:
        return None
    return opening


def _find_email_or_pattern(text: str, start: int, end: int, value: str) -> list[Part] | None:
    """An e-mail address; or a pattern for the staff's addresses: said, never taken as one.

    What :func:`email_in` and then :func:`email_pattern_in` find, from one search.
    """
    found = _written_email(value)
    if found is None:
        return None
    address, s, e, obfuscated = found
    if _PLACEHOLDER.match(address):
        part = Part("other", f"e-mail addresses of the form {address}", start + s, start + e)
    else:
        part = Part("email", address, start + s, start + e, obfuscated=obfuscated)
    return _split_at(text, start, end, [part])


def _find_url(text: str, start: int, end: int, value: str) -> list[Part] | None:
    found = _URL.search(value)
    if found is None:
        return None
    s, e = start + found.start(), start + found.end()
    return _split_at(text, start, end, [Part("url", found.group(0).rstrip("."), s, e)])


#: The dashes of a Y-tunnus: every match of :data:`YTUNNUS` holds one.
_ID_DASHES: Final = ("-", "\u2010", "\u2011", "\u2013")


def _find_business_id(text: str, start: int, end: int, value: str) -> list[Part] | None:
    if not any(dash in value for dash in _ID_DASHES):
        return None  # no dash (an address, a phone number): no search
    found = YTUNNUS.search(value)
    if found is None:
        return None
    s, e = start + found.start(), start + found.end()
    return _split_at(text, start, end, [Part("business_id", found.group(1), s, e)])


def _find_postal(text: str, start: int, end: int, value: str) -> list[Part] | None:
    postal = _POSTCODE_TOWN.search(value)
    if postal is None:
        return None
    before_end = start + postal.start()
    before = _trimmed(text, start, before_end)
    out: list[Part] = []
    pieces = _pieces(text, *before) if before[1] > before[0] else []
    if len(pieces) > 1:
        # "Katu 6 / Gatan 6, 65100 Vaasa": the street is the first piece that is one
        for s, e in pieces:
            out += _by_form(text, s, e)
    elif before[1] > before[0]:
        comma = _COMMA_AT_END.search(text[start:before_end]) is not None
        street = _street_or_box(text, *before, whole=False)
        named = text[before[0] : before[1]]
        if not street and has_street_word(named) and len(named.split()) <= _STREET_ONLY_WORDS:
            # "Kauppatori, 00170 Helsinki": a square or street without a number
            out.append(Part("street", named, *before))
        elif not street and comma:
            out += _by_form(text, *before)
        elif street:
            out += street
        else:
            out += _by_form(text, *before)
    out += _postal(text, start, postal)
    out += _by_form(text, start + postal.end(), end)
    return out


def _find_box(text: str, start: int, end: int, value: str) -> list[Part] | None:
    found = _PO_BOX.search(value)
    if found is None:
        return None
    s, e = start + found.start(), start + found.end()
    return _split_at(text, start, end, [Part("po_box", found.group(0), s, e)])


#: A street named without a house number has at most this many words.
_STREET_ONLY_WORDS: Final = 3


def has_street_word(value: str) -> bool:
    """Whether a word of *value* ends like a street name ("-katu", "-tie", "-vägen", ...)."""
    return any(_STREET_WORD.search(word.rstrip(".,")) for word in value.split())


def compact_business_id(written: str) -> str:
    """A Y-tunnus as written, in the compact form the identifier module reads."""
    return compact_ytunnus(written)


def looks_like_person(value: str) -> bool:
    """Whether *value* reads as a person's name: two to four capitalised words, no firm."""
    words = value.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        # the tests of each word and character are mapped, not generated (no Python
        # frame for each): asked of every line of a contact block
        and not any(map(_PLACE_WORD.search, words))
        and COMPANY.search(value) is None
        and ORGANISATION.search(value) is None
        and "@" not in value
        and ":" not in value
        and not any(map(str.isdigit, value))
        and recognise(value) is None
    )


def parse_value(text: str, start: int, end: int, label: str) -> list[Part]:
    """The parts of ``text[start:end]``, the value of a label of kind *label* given apart.

    *label* is one of ``name``, ``person``, ``business_id``, ``phone``, ``fax``,
    ``email``, ``url``, ``address`` (a table's header cell, a label on the line above).
    """
    return _value(text, start, end, label)


def _other_after(text: str, start: int, end: int, _label: str) -> list[Part] | None:
    return [Part("other", text[start:end], start, end)]


def _register_name_after(text: str, start: int, end: int, _label: str) -> list[Part] | None:
    start, end = _trimmed(text, start, end)
    return [Part("register_name", text[start:end], start, end)] if end > start else None


_LABELLED: Final[dict[str, Reader]] = {
    "regno": _other_after,
    "register_name": _register_name_after,
    "name": _person_or_name,
    "person": _person_or_name,
    "fax": _number_after("fax"),
    "phone": _number_after("phone"),
    "business_id": _business_id_after,
    "address": _address_after,
    "postal_code": _address_after,
    "town": _town_after,
    "url": _url_after,
    "po_box": _box_after,
}
