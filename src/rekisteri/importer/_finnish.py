"""Just enough Finnish to read the lists of an old notice.

Old notices list purposes inside a sentence, in the illative or translative
case: "tietoja käytetään asiakkaan tunnistamiseen, markkinointiin ... sekä
muuhun asiakkuudessa tarpeelliseen yhteydenpitoon". A purpose in a register
is a noun phrase in the nominative ("Asiakkaan tunnistaminen"). This module
splits such a list and turns each item back into the nominative with a small
table of suffix rules. It is not a morphological analyser: the rules cover
the forms that these notices use, and the importer marks every name made
this way as one to check.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# (suffix, replacement), tried in order; the first that matches wins.
_AGREEING: Final = (
    ("miseksi", "minen"),
    ("misiin", "miset"),
    ("isiin", "iset"),
    ("uksiin", "ukset"),
    ("yksiin", "ykset"),
    ("iseen", "inen"),
    ("ukseen", "us"),
    ("ykseen", "ys"),
)
#: Illatives of head nouns tried before the agreeing endings: plurals ("uutiskirjeisiin",
#: "kyselyihin", which would give "uutiskirjeiset") and -uus/-yys nouns ("jäsenyyteen").
_HEAD_FIRST: Final = (
    ("eisiin", "eet"),
    ("yihin", "yt"),
    ("uihin", "ut"),
    ("öihin", "öt"),
    ("yyteen", "yys"),
    ("uuteen", "uus"),
)
#: A case ending after a colon: "CRM:ään", "ERP:hen" (the nominative is the part before).
_COLON_CASE: Final = re.compile(r"(?P<stem>\w+):(?:h?[aeiouyäö]{1,2}n|ksi)")
_UNAMBIGUOUS: Final = (("iin", "i"), ("oon", "o"), ("öön", "ö"), ("uun", "u"), ("yyn", "y"))
#: Illative endings that a genitive can also have (asiakkaan, rakenteen).
_AMBIGUOUS: Final = (("ään", "ä"), ("aan", "a"), ("een", "i"))
_H_ILLATIVE: Final = re.compile(r"([aeiouyäö])h\1n$")
_LOCATIVE: Final = re.compile(r"(ssa|ssä|ssamme|ssämme|ssanne|ssänne|llä|lla|kautta)$")
_STOP: Final = frozenset(
    [
        "esimerkiksi",
        "esim",
        "esim.",
        "mm.",
        "mm",
        "muun",
        "muassa",
        "kuten",
        "myös",
        "vain",
        "lähinnä",
        "ainoastaan",
        "pääasiassa",
        "eli",
        "sekä",
        "ja",
        "tai",
        "mukaan",
        "lukien",
        "yms.",
        "ym.",
        "jne.",
        "etenkin",
        "erityisesti",
    ]
)
_PLURAL: Final = (
    ("us", "ukset"),
    ("ys", "ykset"),
    ("nen", "set"),
    ("i", "it"),
    ("a", "at"),
    ("ä", "ät"),
    ("o", "ot"),
    ("ö", "öt"),
    ("u", "ut"),
    ("y", "yt"),
    ("e", "eet"),
)

#: Verbs after which a notice lists its purposes, and the case of the list.
_TRIGGER: Final = re.compile(
    r"\b(?P<illative>käytetään|voidaan käyttää|käytetään myös|käytettävä|käytetä)\b"
    r"|\b(?P<nominative>(?:käyttö)?tarkoitu(?:s|ksena) on|käyttötarkoituksia ovat"
    r"|tarkoituksia ovat)\b",
    re.IGNORECASE,
)
#: An infinitive after "tarkoitus(ena) on" ("… on kerätä …"): what follows is no list.
_INFINITIVE: Final = re.compile(
    r"(?i)(?:kerätä|ylläpitää|hoitaa|mahdollistaa|tarjota|toimittaa|tuottaa|käsitellä|seurata"
    r"|pitää|hallinnoida|kehittää|markkinoida|tiedottaa|varmistaa|palvella|laskuttaa"
    r"|tunnistaa|todentaa|rekisteröidä|tallentaa|huolehtia)\b"
)
_SEKA: Final = re.compile(r"\s+sekä\s+|;\s*")
_ITEM_SPLIT: Final = re.compile(r",\s+|(?<!-)\s+(?:ja|tai)\s+")
_WORD_CHARS: Final = ".,:;!?()\"'”“"


def _replace(word: str, rules: tuple[tuple[str, str], ...]) -> str | None:
    lower = word.casefold()
    for suffix, replacement in rules:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 1:
            return word[: len(word) - len(suffix)] + replacement
    return None


def _agreeing(word: str) -> str | None:
    """The nominative of an illative modifier that agrees with its head, or ``None``."""
    replaced = _replace(word, _AGREEING)
    if replaced is not None:
        return replaced
    if _H_ILLATIVE.search(word.casefold()) and len(word) > 4:
        return word[:-3]
    return None


def _head(word: str, *, last: bool) -> str | None:
    """The nominative of an illative or translative head noun, or ``None``."""
    colon = _COLON_CASE.fullmatch(word)
    if colon is not None:
        return colon.group("stem")
    return (
        _replace(word, _HEAD_FIRST)
        or _agreeing(word)
        or _replace(word, _UNAMBIGUOUS)
        or (_replace(word, _AMBIGUOUS) if last else None)
    )


def _pluralise(word: str) -> str:
    return _replace(word, _PLURAL) or word


_CONTROL: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


#: A web domain opening a text: "supcentrum.se kundregister" keeps its lower case.
_DOMAIN_START: Final = re.compile(
    r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
    r"\.(?:fi|ax|se|no|dk|ee|de|eu|com|net|org|info|io|nu|uk)(?![\w.])"
)


def capitalise(text: str) -> str:
    """Upper-case the first letter of *text* and drop trailing punctuation and colons.

    A web domain that opens the text is written as it is ("example.fi:n asiakkaat").

    Examples:
        >>> capitalise("asiakasrekisteri.")
        'Asiakasrekisteri'
        >>> capitalise("kahvila.fi kundregister")
        'kahvila.fi kundregister'
    """
    # a printable text has no control character (all are unprintable): nothing to replace
    text = " ".join((text if text.isprintable() else _CONTROL.sub(" ", text)).split())
    text = text.strip(" ,;:-–")
    text = text.rstrip(". ") if not text.endswith(("mm.", "esim.", "jne.")) else text
    if _DOMAIN_START.match(text) is not None:
        return text
    return text[:1].upper() + text[1:]


def noun_phrase(item: str, *, search: bool) -> str | None:
    """Return *item* (an illative or translative phrase) in the nominative.

    With ``search``, the head may stand before a tail that is not part of the
    phrase ("mainonnan kohdistamiseen luovuttamatta tietoja" → "Mainonnan
    kohdistaminen"); without, the head is the last word. ``None`` when no
    word is in a case the rules know.

    Examples:
        >>> noun_phrase("muuhun asiakkuudessa tarpeelliseen yhteydenpitoon", search=True)
        'Muu asiakkuudessa tarpeellinen yhteydenpito'
        >>> noun_phrase("tilastollisiin tarkoitukseen", search=True)
        'Tilastolliset tarkoitukset'
    """
    words = [word.strip(_WORD_CHARS) for word in item.split()]
    words = [word for word in words if word]
    if not words:
        return None
    # Trailing locative modifiers belong to the phrase ("... verkkopalveluissamme"),
    # with the names in the genitive before them ("Kouvolan ja Kotkan toimipisteissä").
    end = len(words)
    while end > 1 and _LOCATIVE.search(words[end - 1].casefold()):
        end -= 1
    if end < len(words):
        end = _names_before(words, end)
    head_at = _head_index(words, end, search=search)
    if head_at is None:
        return None
    tail = len(words) if head_at == end - 1 else head_at + 1
    start = _phrase_start(words, head_at)
    plural = False
    out: list[str] = []
    for index in range(start, head_at):
        agreed = _agreeing(words[index])
        if agreed is not None and words[index].casefold().endswith("isiin"):
            plural = True
        out.append(agreed or words[index])
    head = _head(words[head_at], last=True) or words[head_at]
    if plural and not head.casefold().endswith("t"):
        head = _pluralise(head)
    out.append(head)
    out.extend(words[head_at + 1 : tail])
    return capitalise(" ".join(out))


def _proper(word: str) -> bool:
    """Whether *word* is a proper name: a capital, no hyphen or colon ("Espoon", not "CRM:ään")."""
    return word[:1].isupper() and not word.isupper() and "-" not in word and ":" not in word


def _names_before(words: list[str], end: int) -> int:
    """*end* moved back over the proper names in the genitive (joined by "ja"/"tai") before it."""
    while end > 1 and (
        (_proper(words[end - 1]) and words[end - 1].endswith("n"))
        or (words[end - 1] in {"ja", "tai"} and _proper(words[end - 2]))
    ):
        end -= 1
    return end + 1 if words[end] in {"ja", "tai"} else end  # "Espoo ja Turun …": not "ja"


def _head_index(words: list[str], end: int, *, search: bool) -> int | None:
    """The index of the phrase's head word (in a case the rules know), or ``None``.

    A proper name after the first word is a head only when no other word can be:
    "Espoon" is the genitive of "Espoo" far more often than an illative.
    """
    if not search:
        return end - 1 if _head(words[end - 1], last=True) is not None else None
    for names in (False, True):
        for index in range(end - 1, -1, -1):
            if (names or index == 0 or not _proper(words[index])) and _head(
                words[index], last=index == end - 1
            ) is not None:
                return index
    # No unambiguous illative: take an -aan/-ään/-een word ("markkinointiviestintään
    # vain ... toimesta"); only now, as these endings are also genitives.
    for index in range(end - 1, -1, -1):
        if _head(words[index], last=True) is not None:
            return index
    return None


#: A legal form in the genitive ("Oy:n", "ry:n"): the end of a firm's name that modifies a noun.
_FORM_GENITIVE: Final = re.compile(r"(?i)(?:oyj|oy|ab|abp|ky|ay|tmi|ry|rf|sr|osk):n")
#: At most this many capitalised words before a legal form are taken as the firm's name.
_MAX_NAME_WORDS: Final = 4


def _phrase_start(words: list[str], head_at: int) -> int:
    """Where the modifiers before the head start (genitives, agreeing adjectives)."""
    start = head_at
    while start > 0 and words[start - 1].casefold() not in _STOP:
        previous = words[start - 1].casefold()
        if not (
            previous.endswith(("n", "sta", "stä", "lta", "ltä", "lle"))
            or _agreeing(words[start - 1]) is not None
            or _LOCATIVE.search(previous)
        ):
            break
        start -= 1
        if _FORM_GENITIVE.fullmatch(words[start]):
            start = _firm_name_start(words, start)
    return start


def _firm_name_start(words: list[str], form_at: int) -> int:
    """Where the firm's name before its legal form at *form_at* starts ("Kodinkone Oy:n")."""
    start = form_at
    while (
        start > 0
        and form_at - start < _MAX_NAME_WORDS
        and words[start - 1][:1].isupper()
        and words[start - 1].casefold() not in _STOP
    ):
        start -= 1
    return start


def _is_verbal_noun(phrase: str | None) -> bool:
    return phrase is not None and phrase.casefold().endswith("minen")


def purposes_in(sentence: str) -> list[str] | None:
    """Return the purposes that *sentence* lists, in the nominative, or ``None``.

    Examples:
        >>> purposes_in("Tietoja käytetään asiakkaan tunnistamiseen, laskutukseen sekä "
        ...             "tekniseen tukeen.")
        ['Asiakkaan tunnistaminen', 'Laskutus', 'Tekninen tuki']
        >>> purposes_in("Rekisterin käyttötarkoitus on asiakassuhteen hoitaminen.")
        ['Asiakassuhteen hoitaminen']
        >>> purposes_in("Tiedot on suojattu.") is None
        True
    """
    match = _TRIGGER.search(sentence)
    if match is None:
        return None
    nominative = match.group("nominative") is not None
    rest = " ".join(sentence[match.end() :].split()).rstrip(" .:;")
    rest = re.sub(r"(?:\s+(?:sekä|ja|mm\.?|muun muassa))+$", "", rest)
    rest = re.sub(
        r"^(?:mm\.|muun muassa|myös|seuraaviin (?:käyttö)?tarkoituksiin:?|seuraavasti:?)(?:\s+|$)",
        "",
        rest,
    )
    if not rest:
        return []
    if nominative and _INFINITIVE.match(rest):
        # "tarkoituksena on kerätä X ja Y": a verb's objects, not a list of purposes
        return None
    parts = [part for part in _SEKA.split(rest) if part.strip()]
    several = len(parts) > 1 or bool(re.search(r"\ssekä\s*[:.]?$", sentence))
    names: list[str] = []
    for part in parts:
        items = [item for item in _items(part) if item.strip()]
        names.extend(_part_names(part, items, nominative=nominative, several=several))
    return names


#: Words that make a sentence more than a list of purposes: finite verbs (passives in
#: -aan/-ään, which also rules out illatives) and their cues.
_FINITE: Final = re.compile(
    r"(?i)\b(?:on|ovat|ei|eivät|voi|voivat|\w+(?:aan|ään|tiin|mme|vat|vät)|\w{3,}(?:uu|yy)"
    # Swedish and English verbs: "Grunden är en rättslig förpliktelse" is no list
    r"|är|var|har|kan|ska|skall|is|are|was|has|have|can|will)\b"
)
_MAX_LISTED_WORDS: Final = 14


_ITEM_SEPARATOR: Final = re.compile(rf"({_ITEM_SPLIT.pattern})")


def _items(part: str) -> list[str]:
    """The items of a list, split at commas and "ja"/"tai"; names joined by "ja" stay together.

    "toimittamiseen Postin ja Matkahuollon kautta" is one item: two proper names
    (capitalised) coordinated under one postposition, not two purposes. The names
    stand inside the item, a word before the first and after the second: items
    written with capitals ("Laskutukseen, Markkinointiin ja Tilastointiin") are three.
    """
    pieces = _ITEM_SEPARATOR.split(part)
    items = [pieces[0]]
    for separator, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        left, right = items[-1].split(), piece.split()
        if (
            "," not in separator
            and len(left) > 1
            and len(right) > 1
            and _proper(left[-1])
            and _proper(right[0])
        ):
            items[-1] += separator + piece
        else:
            items.append(piece)
    return items


def _illative_list(sentence: str) -> bool:
    """Whether the last word of *sentence* ends in an unmistakable illative or translative."""
    words = sentence.rstrip(" .").split()
    if not words or not words[-1].isalpha():
        return False
    return _replace(words[-1], _AGREEING + _HEAD_FIRST + _UNAMBIGUOUS) is not None


#: A purposes sentence's verb: "Tietoja käsitellään …", "Käsittelemme / Käytämme tietoja …",
#: "Seura käsittelee / käyttää tietoja …" (the passive "käytetään" is read by purposes_in).
_PROCESSED_FOR: Final = re.compile(
    r"(?i)\b(?:käsitellään|käsittelemme|käsittelee|käytämme|käyttää)\s+"
)


def processed_for(sentence: str) -> list[str] | None:
    """The purposes of "Tietoja käsitellään X:ään, Y:hyn ja Z:aan." (a purposes section's verb).

    Also "Käsittelemme / Käytämme tietoja X:ään …" and "Seura käyttää tietoja X:ään …".

    Only when the sentence ends in an illative; ``None`` otherwise.

    Examples:
        >>> processed_for("Henkilötietoja käsitellään tilausten toimittamiseen ja laskutukseen.")
        ['Tilausten toimittaminen', 'Laskutus']
        >>> processed_for("Tietoja käsitellään EU:n alueella.") is None
        True
    """
    match = _PROCESSED_FOR.search(sentence)
    if match is None:
        return None
    rest = sentence[match.end() :].split(". ", maxsplit=1)[0]
    if re.search(r"[:;()]", rest) or not _illative_list(rest):
        return None
    return purposes_in(f"käytetään {rest}") or None


#: An illative's ending: a long vowel and "n" ("laskutukseen", "perintään"), or "h", a
#: vowel and "n" ("kerhoihin", "työhön").
_ILLATIVE_END: Final = re.compile(r"(?i)(?:([aeiouyäö])\1n|h[aeiouyäö]n)$")
#: What joins a list's items: a comma, "ja", "sekä", "tai".
_JOINED: Final = re.compile(r",|\s(?:ja|sekä|tai)\s")


def illative_item(item: str) -> list[str] | None:
    """The purposes of a list item of illatives: "- laskutukseen ja perintään".

    A bullet under the purposes heading is read as the same words after
    "Tietoja käytetään" are: each illative a purpose ("Laskutus", "Perintä"),
    two genitives with one head one ("jäsenyyksien ja sopimusten hallintaan").
    Only an item of several words joined as a list, ending in an illative, with
    no verb; ``None`` otherwise ("- laskutus ja perintä" stays one purpose).

    Examples:
        >>> illative_item("laskutukseen, perintään ja markkinointiin")
        ['Laskutus', 'Perintä', 'Markkinointi']
        >>> illative_item("laskutus ja perintä") is None
        True
    """
    item = item.rstrip(" .;")
    pieces = [piece.split() for piece in _JOINED.split(item)]
    # the words before each listed name's last: no verb there ("tietoja käytetään …")
    others = " ".join(word for words in pieces for word in words[:-1])
    if (
        len(pieces) < 2
        or _FINITE.search(others)
        or not all(_listed_illative(words, last=False) for words in pieces[:-1])
        or not _listed_illative(pieces[-1], last=True)
    ):
        return None  # no list, a verb, or an item that is no illative ("laskutus ja perintä")
    return purposes_in(f"käytetään {item}") or None


def _listed_illative(words: list[str], *, last: bool) -> bool:
    """Whether *words*, one of a list's items, end in an illative.

    Before the last item, a genitive or the first part of a compound alone may
    share the next item's head ("jäsenyyksien ja sopimusten hallintaan",
    "jäsen- ja asiakassuhteiden hoitamiseen").
    """
    if not words:
        return False
    if _ILLATIVE_END.search(words[-1]) is not None:
        return True
    return (
        not last
        and len(words) == 1
        and (
            _LONE_GENITIVE.fullmatch(words[0]) is not None
            or _SINGULAR_GENITIVE.fullmatch(words[0]) is not None
            or words[0].endswith("-")
        )
    )


_BASED_ON: Final = re.compile(r"(?P<subject>[^\W\d][\w\- ]{2,60}?)\s+perustu(?:u|vat)\s")
_NO_PURPOSE_SUBJECT: Final = re.compile(
    r"(?i)^(?:käsittely|(?:rekisterin|sen|niiden)\b)|\w*tietojen\b|rekister|peruste|toiminta"
    r"|^(?:se|ne|tämä|nämä)\b"
)
#: The head of a purpose phrase: a verbal noun ("lähettäminen") or an action noun
#: ("käsittely", "laskutus", "markkinointi", "viestintä").
_ACTION_NOUN: Final = re.compile(r"(?i)(?:minen|ly|lly|tus|tys|nti|ntä|nta)$")


def based_purpose(sentence: str) -> str | None:
    """The purpose that a sentence gives a legal basis for, or ``None``.

    "Uutiskirjeen lähettäminen perustuu suostumukseen." names the purpose
    "Uutiskirjeen lähettäminen"; "Käsittely perustuu sopimukseen." names none.

    Examples:
        >>> based_purpose("Uutiskirjeen lähettäminen perustuu havaitsijan suostumukseen.")
        'Uutiskirjeen lähettäminen'
        >>> based_purpose("Apurahojen käsittely perustuu säätiön oikeutettuun etuun.")
        'Apurahojen käsittely'
        >>> based_purpose("Käsittely perustuu asiakassuhteeseen.") is None
        True
    """
    match = _BASED_ON.match(sentence)
    if match is None:
        return None
    subject = match.group("subject")
    if len(subject.split()) > 4 or _NO_PURPOSE_SUBJECT.search(subject):
        return None
    return capitalise(subject) if _ACTION_NOUN.search(subject) else None


#: Partitive endings of a purpose's head noun before "varten", and the nominative's.
_PARTITIVE: Final = (
    ("mista", "minen"),
    ("mistä", "minen"),
    ("usta", "us"),
    ("ystä", "ys"),
    ("ia", "i"),
    ("iä", "i"),
    ("oa", "o"),
    ("öä", "ö"),
    ("ua", "u"),
    ("yä", "y"),
    ("aa", "a"),
    ("ää", "ä"),
)
#: The verb after which a "… varten" list starts ("tietoja kerätään X:ää ja Y:tä varten").
_VARTEN_VERB: Final = re.compile(
    r"(?i)\b(?:kerätään|käytetään|käsitellään|tallennetaan|tarvitaan|säilytetään|pidetään"
    r"|kerätty|tarkoitettu|on|ovat)\s+"
)
_VARTEN_WORDS: Final = 12


def varten_purposes(sentence: str) -> list[str] | None:
    """The purposes of "… X:n hoitamista, tiedotusta ja laskutusta varten", or ``None``.

    Examples:
        >>> varten_purposes("Tietoja kerätään jäsenasioiden hoitamista, tiedotusta ja "
        ...                 "laskutusta varten.")
        ['Jäsenasioiden hoitaminen', 'Tiedotus', 'Laskutus']
        >>> varten_purposes("Tiedot säilytetään varten.") is None
        True
    """
    end = re.search(r"\s+varten\b", sentence)
    if end is None:
        return None
    left = sentence[: end.start()]
    verbs = list(_VARTEN_VERB.finditer(left))
    start = verbs[-1].end() if verbs else 0
    phrase = left[start:].strip(" ,;:")
    if not phrase or len(phrase.split()) > _VARTEN_WORDS or re.search(r"[.:;()]", phrase):
        return None
    names: list[str] = []
    for item in re.split(r",\s*|\s+(?:ja|sekä|tai)\s+", phrase):
        words = item.split()
        if not words:
            continue
        head = _replace(words[-1], _PARTITIVE)
        if head is None:
            return None
        names.append(capitalise(" ".join([*words[:-1], head])))
    return names or None


def listed_purposes(sentence: str) -> list[str] | None:
    """Return the purposes of a sentence that only lists them in the nominative, or ``None``.

    A purposes section often says just "Asiakkuuden hoitaminen ja
    markkinointi." (no verb): each item is a purpose. A sentence with a verb,
    or a long one, is not such a list.

    Examples:
        >>> listed_purposes("Kuvausten ajanvaraus, laskutus ja markkinointi.")
        ['Kuvausten ajanvaraus', 'Laskutus', 'Markkinointi']
        >>> listed_purposes("Asiakassuhteen hoitamiseen ja kehittämiseen.")
        ['Asiakassuhteen hoitaminen', 'Asiakassuhteen kehittäminen']
        >>> listed_purposes("Tiedot on suojattu.") is None
        True
    """
    words = sentence.split()
    if not words or len(words) > _MAX_LISTED_WORDS or _FINITE.search(sentence):
        return None
    if _TRIGGER.search(sentence) or re.search(r"[:;()]", sentence):
        return None
    # "Asiakassuhteen hoitamiseen ja kehittämiseen." lists them in the illative
    lead = "käytetään" if _illative_list(sentence) else "tarkoitus on"
    names = purposes_in(f"{lead} {sentence}")
    if not names or any(len(name.split()) > 5 for name in names):
        return None
    return names


def _convert(item: str, *, nominative: bool, search: bool) -> str | None:
    if nominative:
        words = [word for word in item.split() if word.casefold() not in _STOP]
        return capitalise(" ".join(words)) if words else None
    return noun_phrase(item, search=search)


def _shares_modifier(first: str | None, rest: list[str | None]) -> bool:
    """Whether *rest* (single verbal nouns) coordinate with the head of *first*.

    "Asiakassuhteen ylläpito, hoitaminen ja kehittäminen": the verbal nouns
    have no object of their own; they share the genitive of the first item,
    whose head is not a verbal noun itself (with one, the prefix is shared
    out instead: "palvelujen tuottaminen ja kehittäminen" is two purposes).
    """
    if first is None or _is_verbal_noun(first) or not rest:
        return False
    words = first.split()
    if len(words) == 4 and words[1] == "ja":  # "ilkivallan ja rikosten ennaltaehkäisy"
        words = words[2:]
    return (
        len(words) == 2
        and words[0].casefold().endswith("n")
        and all(r is not None and len(r.split()) == 1 and _is_verbal_noun(r) for r in rest)
    )


#: A genitive alone as a list's item: "lainojen" of "lainojen ja varausten hoitamiseen".
_LONE_GENITIVE: Final = re.compile(r"(?i)[a-zåäö]{3,}(?:ojen|öjen|ien|jen|den|tten|ten|iden)")
#: A singular genitive ("ilkivallan", "omaisuuden", "rikoksen"): a vowel after a consonant
#: other than "h", then "n" (an illative doubles its vowel or has "h": "laskutukseen",
#: "perintään", "työhön").
_SINGULAR_GENITIVE: Final = re.compile(r"(?i)[a-zåäö]{3,}[b-df-gj-np-tv-zß][aeiouyäö]n")


def _coordinated_genitive(part: str, items: list[str]) -> list[str]:
    """Items with a lone genitive joined to the item it shares the head with.

    "lainojen ja varausten hoitamiseen" is one purpose, "Lainojen ja varausten
    hoitaminen" (H35: the genitive was lost, the final accounting showed it); so
    "ilkivallan ja rikosten ennaltaehkäisy" and "jäsenten ja asiakkaiden
    tiedottaminen" (a lone genitive is never a purpose of its own).
    """
    out: list[str] = []
    index = 0
    while index < len(items):
        item = items[index].strip()
        if (
            index + 1 < len(items)
            and (_LONE_GENITIVE.fullmatch(item) or _SINGULAR_GENITIVE.fullmatch(item))
            and re.search(rf"\b{re.escape(item)}\s+ja\s+", part) is not None
            and len(items[index + 1].split()) >= 2
            and items[index + 1].split()[0].casefold().endswith("n")
        ):
            out.append(f"{item} ja {items[index + 1].strip()}")
            index += 2
        else:
            out.append(items[index])
            index += 1
    return out


def _genitive_name(item: str, *, nominative: bool, search: bool) -> str | None:
    """The name of an item that starts with two genitives joined by "ja" (see above)."""
    genitive, _, following = item.partition(" ja ")
    if not following or " " in genitive or not genitive.casefold().endswith(("n", "-")):
        return _convert(item, nominative=nominative, search=search)
    name = _convert(following, nominative=nominative, search=search)
    first = following.split()[0]
    words = name.split(maxsplit=1) if name else []
    if name and len(words) == 1 and genitive.endswith("-"):
        return capitalise(f"{genitive} ja {name.casefold()}")  # "mielipide- ja …tutkimukset"
    if len(words) < 2 or words[0].casefold() != first.casefold():
        return name
    return capitalise(f"{genitive} ja {first} {words[1]}")


def _part_names(part: str, items: list[str], *, nominative: bool, several: bool) -> list[str]:
    # A multi-word item followed by single words joined with "ja" coordinates
    # head nouns under one modifier: "toimeksiantojen hallinnointi, arkistointi ja käsittely".
    items = _coordinated_genitive(part, items)
    group = len(items)
    if re.search(r"(?<!-)\sja\s", part):
        while group > 0 and len(items[group - 1].split()) == 1:
            group -= 1
        # the multi-word item that the single words coordinate with (if any)
        group = group - 1 if group > 0 else len(items)
    names = [
        _genitive_name(item, nominative=nominative, search=True) for item in items[: max(group, 0)]
    ]
    if 0 <= group < len(items) - 1:
        first = _genitive_name(items[group], nominative=nominative, search=True)
        rest = [_convert(item, nominative=nominative, search=False) for item in items[group + 1 :]]
        if _shares_modifier(first, rest):
            # "asiakassuhteen ylläpito, hoitaminen ja kehittäminen": one purpose, one modifier
            heads = [r.casefold() for r in rest if r]
            names.append(", ".join([str(first), *heads[:-1]]) + " ja " + heads[-1])
        elif first is not None and _is_verbal_noun(first) and all(map(_is_verbal_noun, rest)):
            # "palvelujen tuottamiseksi ja kehittämiseksi": two purposes, one prefix
            prefix = first.split()[:-1]
            names.append(first)
            names.extend(capitalise(" ".join([*prefix, r.casefold()])) for r in rest if r)
        elif several and first is not None and all(rest):
            heads = [r.casefold() for r in rest if r]
            names.append(", ".join([first, *heads[:-1]]) + " ja " + heads[-1])
        else:
            names.append(first)
            names.extend(
                _genitive_name(item, nominative=nominative, search=True)
                for item in items[group + 1 :]
            )
    elif group >= 0:
        names.extend(
            _genitive_name(item, nominative=nominative, search=True) for item in items[group:]
        )
    return [name for name in names if name]


_NEXT: Final = re.compile(r"\s*(\S)")
# Only from the first stop of a run ((?<![.!?])): tried from every full stop of a long
# run of them, the search took time quadratic in the run's length. Same matches.
_SENTENCE_END: Final = re.compile(r"(?<![.!?])[.!?]+[\"'”)]*(?=\s)")
_ABBREVIATIONS: Final = frozenset(
    [
        "esim",
        "mm",
        "ym",
        "yms",
        "jne",
        "ns",
        "n",
        "ks",
        "vrt",
        "tms",
        "puh",
        "p",
        "os",
        "klo",
        "nro",
        "ao",
        "s.",
        "ts",
        "eli",
        "tel",
        "fax",
        "ry",
        "oy",
        # a note's marker opens the sentence it marks ("Huom. Tietoja säilytetään …")
        "huom",
        "obs",
        "nb",
        "n.b",
    ]
)


#: Legal forms written with a full stop ("Corp.", "r.y.", "GmbH."): before a suffix or a
#: bracket ("Pilvi Corp. -yhtiölle", "Analytix Inc. (USA)") the stop ends no sentence.
_LEGAL_FORMS: Final = frozenset(
    {"ltd", "inc", "corp", "co", "llc", "plc", "gmbh", "ag", "s.a", "e.v", "r.y", "ab", "oyj"}
    | {"ky", "tmi", "ay", "as", "a/s", "bv", "nv", "sa", "srl", "kb", "hb", "aps"}
)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences; return their trimmed spans."""
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        # The word before the stop (abbreviations are short: look back 12 characters).
        window = max(begin, match.start() - 12)
        word_start = text.rfind(" ", window, match.start()) + 1
        word = text[max(word_start, window) : match.start()].strip("(").casefold()
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        following = _NEXT.match(text, stop, end)
        if following is not None and following.group(1) in "-(" and word in _LEGAL_FORMS:
            continue  # "Pilvi Corp. -yhtiölle", "Analytix Inc. (USA)": the name goes on
        if following is not None and not (
            (first := following.group(1)).isupper() or first.isdigit() or first in "\"'(-•*"
        ):
            continue
        spans.append((begin, stop))
        begin = stop
    spans.append((begin, end))
    return [span for span in (_trim(text, s, e) for s, e in spans) if span[1] > span[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_NOT_SLUG: Final = re.compile(r"[^a-z0-9]+")
_TRANSLITERATE: Final = str.maketrans({"ä": "a", "ö": "o", "å": "a", "ü": "u", "ß": "ss"})


def slugify(text: str, *, limit: int = 40) -> str:
    """Return a stable ASCII key for *text* (ä → a, ö → o, å → a), possibly empty.

    Examples:
        >>> slugify("Asiakkaan tunnistaminen")
        'asiakkaan-tunnistaminen'
        >>> slugify("Yhteydenpito ja hälytykset")
        'yhteydenpito-ja-halytykset'
    """
    flat = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLITERATE))
    ascii_text = flat.encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) > limit:
        cut = slug.rfind("-", 0, limit + 1)
        slug = slug[: cut if cut > 0 else limit].strip("-")
    return slug
