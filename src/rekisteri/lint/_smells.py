"""Wordings a data-protection lawyer flags: the patterns behind R211–R213.

Each finder takes one text and returns the words that gave it away (or
``None``), so that the finding can quote them. The patterns are written for
the three languages of a notice; they look for the wording, not for a single
word, so that ordinary uses ("asiakassuhteen ylläpito" as a legitimate
interest, "the data subject may object") are left alone.

Examples:
    >>> relationship_as_basis("Rekisterin pitämisen peruste on asiakassuhde.")
    'Rekisterin pitämisen peruste on asiakassuhde'
    >>> relationship_as_basis("Asiakassuhteen ylläpito") is None
    True
    >>> hedge("Tietoja saatetaan luovuttaa viranomaisille.")
    'saatetaan'
    >>> change_without_notice("Pidätämme oikeuden muuttaa tätä selostetta.")
    'oikeuden muuttaa tätä selostetta'
    >>> change_without_notice(
    ...     "Voimme muuttaa tätä selostetta; ilmoitamme muutoksista sähköpostitse.") is None
    True
"""

from __future__ import annotations

import re
from typing import Final

_FLAGS: Final = re.IGNORECASE | re.UNICODE

#: A relationship, not a legal basis (HetiL 8 §:n "asiallinen yhteys" and its kin).
_RELATIONSHIP: Final = (
    r"(?:asiakas|jäsen|työ|sidosryhmä|yhteistyö)suh\w*"
    r"|asialli\w*\s+yhte[yi]\w*|jäsenyy\w*|jäsenyys"
    r"|kundförhållande\w*|kundrelation\w*|medlemskap\w*|anställningsförhållande\w*"
    r"|intressentrelation\w*|sakligt\s+samband\w*"
    r"|customer\s+relationship|client\s+relationship|membership|employment\s+relationship"
    r"|stakeholder\s+relationship|relevant\s+connection"
)
#: Words that say "the basis is".
_BASIS: Final = (
    r"(?:oikeus|käsittely|rekisterin\s+pitämisen\s+|rekisterinpidon\s+)?peruste\w*"
    r"|(?:rättslig\s+)?grund(?:en)?|rättsliga\s+grunden"
    r"|(?:legal\s+)?basis|lawful\s+ground|ground\s+for\s+processing"
)
_RELATIONSHIP_AS_BASIS: Final = re.compile(
    rf"\b(?:{_BASIS})\b(?:\s+\w+){{0,4}}?\s*(?::|\bon\b|\bär\b|\bis\b|\butgörs\s+av\b)\s*"
    rf"(?:(?:\w+\s+){{0,3}}?)\b(?:{_RELATIONSHIP})\b",
    _FLAGS,
)
#: "asiallinen yhteys" and "sakligt samband" are HetiL's grounds, whatever the wording around.
_OLD_GROUND: Final = re.compile(
    r"\basialli\w*\s+yhte[yi]\w*|\bsakligt\s+samband\w*|\brelevant\s+connection\b", _FLAGS
)
#: A legitimate interest that is only a relationship's name ("Asiakassuhde").
_BARE_RELATIONSHIP: Final = re.compile(rf"\s*(?:{_RELATIONSHIP})\s*[.]?\s*", _FLAGS)


#: Words that every match of the relationship patterns contains (a cheap first test).
#: Searched in the casefolded text, without IGNORECASE, which is much faster.
_RELATIONSHIP_KEYS: Final = re.compile(
    r"suh|jäsenyy|asialli|förhållande|relation|medlemskap|samband|membership|connection"
)
#: Words that every change clause contains.
_CHANGE_KEYS: Final = re.compile(r"muutta|päivittä|ändra|uppdatera|change|amend|modify|update")
#: The words of both: a text with none of them gives neither smell (one search, not two).
_ANY_KEYS: Final = re.compile(f"{_RELATIONSHIP_KEYS.pattern}|{_CHANGE_KEYS.pattern}")


def may_smell(folded: str) -> bool:
    """Whether the casefolded text *folded* may hold a relationship basis or a change clause.

    ``False`` when it has none of the words each of :func:`relationship_as_basis` and
    :func:`change_without_notice` needs (most texts): both would give ``None``.
    """
    return _ANY_KEYS.search(folded) is not None


def relationship_as_basis(text: str, folded: str | None = None) -> str | None:
    """The words of *text* that give a relationship as the legal basis, if any.

    *folded* is ``text.casefold()``, if the caller has it already.
    """
    if _RELATIONSHIP_KEYS.search(text.casefold() if folded is None else folded) is None:
        return None
    match = _RELATIONSHIP_AS_BASIS.search(text) or _OLD_GROUND.search(text)
    return " ".join(match.group(0).split()) if match else None


def bare_relationship(text: str) -> bool:
    """Whether *text* (a legitimate interest) names nothing but a relationship."""
    return _BARE_RELATIONSHIP.fullmatch(text) is not None


#: Hedged statements of fact (WP260: "may", "might", "some", "possible").
_HEDGE: Final = re.compile(
    r"\b(?:saatetaan|saattaa|saattavat|tarvittaessa|esimerkiksi|esim\.|voidaan|mahdollisesti"
    r"|kan\s+komma\s+att|vid\s+behov|till\s+exempel|t\.\s?ex\.|eventuellt|i\s+förekommande\s+fall"
    r"|may|might|where\s+necessary|if\s+necessary|when\s+necessary|for\s+example|e\.\s?g\."
    r"|possibly|such\s+as)(?!\w)",
    _FLAGS,
)


def hedge(text: str) -> str | None:
    """The first hedging word of *text* ("saatetaan", "vid behov", "may"...), if any."""
    match = _HEDGE.search(text)
    return " ".join(match.group(0).split()) if match else None


#: "We may change this notice (at any time)".
_CHANGE: Final = re.compile(
    r"(?:oikeu\w*\s+(?:muuttaa|päivittää)|(?:voi|voimme|voidaan)\s+(?:muuttaa|päivittää))"
    r"(?:\s+\w+){0,2}?\s+(?:tätä\s+)?(?:tietosuoja|rekisteri)?(?:selost\w*|ilmoitu\w*|käytän\w*)"
    r"|förbehåller\s+(?:sig|oss)\s+rätten\s+att\s+(?:ändra|uppdatera)\w*(?:\s+\w+){0,3}"
    r"|(?:kan|får)\s+(?:ändra|uppdatera)\s+(?:denna\s+)?(?:dataskydds|register)?"
    r"(?:beskrivning\w*|policy\w*)"
    r"|reserves?\s+the\s+right\s+to\s+(?:change|amend|modify|update)\w*(?:\s+\w+){0,3}"
    r"|may\s+(?:change|amend|modify|update)\s+this\s+(?:privacy\s+)?(?:notice|policy|statement)"
    r"(?:\s+at\s+any\s+time)?",
    _FLAGS,
)
#: How the data subject is told about a change.
_TOLD: Final = re.compile(
    r"\bilmoit\w*|\btiedot(?:amme|etaan)\b|\bkerromme\b|\bkerrotaan\b"
    r"|\bmeddela\w*|\binforme\w*|\bunderrätta\w*"
    r"|\bnotif\w*|\binform\w*|\blet\s+you\s+know\b|\btell\s+you\b",
    _FLAGS,
)


def change_without_notice(text: str, folded: str | None = None) -> str | None:
    """The change clause of *text* if the text does not say how people are told of a change.

    *folded* is ``text.casefold()``, if the caller has it already.
    """
    if _CHANGE_KEYS.search(text.casefold() if folded is None else folded) is None:
        return None
    match = _CHANGE.search(text)
    if match is None or _TOLD.search(text) is not None:
        return None
    return " ".join(match.group(0).split())
