"""The register's name where a notice gives it outside a "Rekisterin nimi" section.

Two places the section reader does not cover:

* a sentence that states it: "Rekisterin nimi on X.", "Registrets namn är
  X.", "The name of the register is X.";
* a title whose register word is followed by a preposition phrase, as Swedish
  and English put it: "Dataskyddsbeskrivning för kundregistret för
  föreningens webbtjänst", "Privacy notice for the customer register of
  Example Ltd" (a Finnish title ends with the register word and is read by
  :func:`rekisteri.importer._cues.register_name_of`).
"""

from __future__ import annotations

import re
from typing import Final

from rekisteri.importer._cues import flat, register_name_of
from rekisteri.importer._finnish import capitalise

#: A name has at most this many words.
_NAME_WORDS: Final = 12
_DOCUMENT: Final = (
    r"(?:rekisteri- ja tietosuojaseloste|rekisteriseloste|tietosuojaseloste|tietosuojailmoitus"
    r"|registerbeskrivning|dataskyddsbeskrivning|privacy notice|privacy policy|privacy statement"
    r"|data protection notice)"
)
#: "Dataskyddsbeskrivning för kundregistret för …": the register and what it is for.
_TITLE_PHRASE: Final = re.compile(
    rf"(?i){_DOCUMENT}[ \t]*[–—:|-]?[ \t]*(?:för|for|of)[ \t]+(?:the[ \t]+)?"
    r"(?P<name>(?:[\w-]+[ \t]+){0,2}?[\w-]*(?:register|registret|registry)"
    r"[ \t]+(?:för|över|i|of|for|at)[ \t]+\S.*)$"
)
#: "Rekisterin nimi on X.", "Registrets namn är X.", "The name of the register is X."
_STATED: Final = re.compile(
    r"(?i)^(?:rekisterin[ \t]+nimi|rekisterin[ \t]+nimenä|registrets[ \t]+namn"
    r"|registerets[ \t]+namn|(?:the[ \t]+)?name[ \t]+of[ \t]+the[ \t]+register"
    r"|the[ \t]+register's[ \t]+name)[ \t]+(?:on|är|is)[ \t]+(?P<name>.+?)[ \t]*\.?$"
)
#: A verb inside the stated name: a clause follows, not the name alone.
_VERB: Final = re.compile(
    r"(?i)\b(?:on|ovat|ei|käytetään|sisältää|joka|jota|jossa|är|används|innehåller|som"
    r"|is|are|contains|which|that)\b"
)
_QUOTES: Final = "\"'”“„«»’‘"


def title_register_name(line: str) -> str | None:
    """The register's name in a notice's title or a lone line under it, or ``None``.

    Examples:
        >>> title_register_name("Dataskyddsbeskrivning för kundregistret för bygdens webbtjänst")
        'Kundregistret för bygdens webbtjänst'
        >>> title_register_name("Tietosuojaseloste – Esimerkki Oy:n asiakasrekisteri")
        'Esimerkki Oy:n asiakasrekisteri'
        >>> title_register_name("Dataskyddsbeskrivning för Exempel Ab") is None
        True
    """
    name = register_name_of(line)
    if name is not None:
        return name
    found = _TITLE_PHRASE.match(flat(line).strip(" .:"))
    if found is None or len(found.group("name").split()) > _NAME_WORDS:
        return None
    return capitalise(found.group("name"))


def stated_register_name(sentence: str) -> str | None:
    """The name a sentence states for the register ("Rekisterin nimi on X."), or ``None``.

    Only a sentence that is the statement alone: a name of at most twelve
    words without a verb, up to a comma that starts a clause.

    Examples:
        >>> stated_register_name("Rekisterin nimi on Esimerkki ry:n jäsenrekisteri.")
        'Esimerkki ry:n jäsenrekisteri'
        >>> stated_register_name("Registrets namn är Exempel Ab:s kundregister.")
        'Exempel Ab:s kundregister'
        >>> stated_register_name("Rekisterin nimi on muuttunut, koska yhdistys jakautui.") is None
        True
    """
    found = _STATED.match(flat(sentence).strip())
    if found is None:
        return None
    name = re.split(r"(?<!-),[ \t]", found.group("name"), maxsplit=1)[0].strip(_QUOTES + " ")
    if not name or len(name.split()) > _NAME_WORDS or _VERB.search(name):
        return None
    if not re.search(r"(?i)rekister|register|tiedosto|kortisto|luettelo|förteckning|list", name):
        return None  # "Rekisterin nimi on muuttunut": no register word, no name
    return capitalise(name)
