"""What field a sentence speaks of when it says it in the active voice (T3, session 12).

The cue words of :mod:`rekisteri.importer._cues` were written from the old
notices' passive Finnish ("Tietoja säilytetään …", "Tiedot saadaan …"). A
notice in the first person or in English or Swedish says the same in the
active voice: "Luovutamme tietoja …", "We keep booking data for six years",
"Vi sparar uppgifterna i tre år", "We get the data from you". These
patterns read such sentences, one field each, with the terms of the GDPR's
official texts (retention, recipients, sources, categories of data,
purposes and legal basis, security, rights); each needs a second word that
ties the verb to its field (a period, a recipient's "to", a source's "from",
an item of data, a purpose's "to" or "for"), so that a verb alone decides
nothing. :func:`fields_said` gives the fields a lower-cased sentence speaks of.
"""

from __future__ import annotations

import re
from typing import Final

from rekisteri.importer._headings import SectionKind

#: A period, a term or an end: what ties a verb of keeping to the retention.
_PERIOD: Final = (
    r"(?:\d+\s*(?:vuo|kuuk|kk\b|päiv|viik|år|mån|dag|vec|year|month|day|week)"
    r"|\b(?:yhden|kahden|kolmen|neljän|viiden|kuuden|seitsemän|kahdeksan|kymmenen|ett|två|tre"
    r"|fyra|fem|sex|sju|åtta|tio|one|two|three|four|five|six|seven|eight|ten)\s+"
    r"(?:vuo|kuuk|år|mån|year|month)"
    r"|niin kauan|\bkunnes\b|as long as|\buntil\b|så länge|\btills?\b|kirjanpitolai|bokföringslag"
    r"|accounting act)"
)
#: An item of data a sentence on the data collected names.
_DATA_ITEM: Final = (
    r"(?:nime|nimi|osoit|puhelin|sähköpost|syntymä|\bnames?\b|e-?mail|address|phone|date of birth"
    r"|\bnamn|adress|e-post|telefon|födelse)"
)
_SAID: Final[tuple[tuple[SectionKind, re.Pattern[str]], ...]] = (
    (
        SectionKind.RETENTION,
        re.compile(
            r"\b(?:säilytämme|säilömme|poistamme|hävitämme|we (?:keep|retain|store|hold|delete"
            r"|erase)|vi (?:sparar|lagrar|förvarar|bevarar|raderar|gallrar)"
            r"|(?:is|are) (?:kept|retained|stored|deleted|erased)"
            rf"|(?:sparas|lagras|förvaras|raderas|gallras))\b.{{0,80}}{_PERIOD}"
        ),
    ),
    (
        SectionKind.DISCLOSURES,
        re.compile(
            r"\b(?:luovutamme|we (?:share|disclose|give|pass on|sell)|vi (?:delar|överlåter|säljer)"
            r"|(?:is|are) (?:shared|disclosed|given|passed on|sold)|(?:delas|överlåts|säljs))\b"
            r".{0,80}\b(?:with|to|med|till|\w+(?:lle))\b"
        ),
    ),
    (
        SectionKind.SOURCES,
        re.compile(
            r"\b(?:saamme|keräämme) (?:\w+\s+){0,3}\w+(?:lta|ltä)\b"
            r"|\bwe (?:get|receive|obtain|collect) (?:\w+\s+){0,4}from\b"
            r"|\b(?:is|are) (?:obtained|received|collected|provided) (?:\w+\s+){0,2}(?:from|by)\b"
            r"|\bvi (?:får|hämtar|samlar in) (?:\w+\s+){0,4}(?:av|från)\b"
            r"|\b(?:fås|hämtas|samlas in) (?:\w+\s+){0,2}(?:av|från)\b"
        ),
    ),
    (
        SectionKind.CONTENT,
        re.compile(
            r"\b(?:keräämme|tallennamme|käsittelemme|we (?:collect|process|store|record|save|hold)"
            r"|vi (?:samlar in|behandlar|registrerar|sparar|lagrar))\b"
            rf"(?:\s+\S+){{0,4}}?\s+\S*{_DATA_ITEM}"
        ),
    ),
    (
        SectionKind.PURPOSES,
        re.compile(
            r"\bkäsittelemme\b.{0,80}(?:\w+miseksi\b|\bvarten\b|tarkoitu)"
            r"|\bkäsittely perustuu\b|\bperustuu (?:\w+ )?(?:sopimukseen|suostumukseen"
            r"|oikeutettuun etuun|lakisääteiseen|lakiin)"
            r"|\bvi (?:behandlar|använder) [^.;]{0,60}\bför att\b|\bbehandlingen grundar sig\b"
            r"|\bwe (?:process|collect|use) [^.;]{0,60}\b(?:in order to|for the purpose)\b"
            r"|\bbased on (?:your |the )?(?:consent|contract|legitimate interest|legal obligation)"
            # the passive: "Personal data is processed to manage …", "Tietoja käsitellään
            # jäsenyyden hoitamiseksi" (not "… to the tax authority", "… for six years")
            r"|\b(?:is|are) (?:processed|collected) (?:\w+\s+){0,3}?(?:to|in order to)"
            r" (?!(?:the|a|an|our|your|their|its|third|other|us|them|you)\b)[a-z]+"
            r"|\b(?:tietoja|tiedot|henkilötietoja|henkilötiedot)\s+käsitellään\b.{0,80}"
            r"(?:\w+miseksi\b|\bvarten\b)"
        ),
    ),
    (
        SectionKind.SECURITY,
        re.compile(
            r"\bprotected (?:by|with)\b|\bencrypted\b|\baccess (?:is )?(?:restricted|limited)\b"
            r"|\bskyddas (?:med|av)\b|\bsuojaamme\b|\bonly authori[sz]ed\b|\bendast behörig"
        ),
    ),
    (
        SectionKind.OTHER_RIGHTS,
        re.compile(
            r"\bsinulla on oikeus\b|\bvoit (?:\w+ )?(?:pyytää|vaatia|tarkastaa|perua|peruuttaa)\b"
            r"|\byou (?:can|may) (?:ask|request|withdraw|object)\b|\byou have the right\b"
            r"|\bdu (?:kan (?:begära|återkalla)|har rätt)\b"
        ),
    ),
)


#: What a sentence on the processing of personal data names: the data (R4-7). An
#: introduction's "The service is provided by X", "Your privacy is protected by law",
#: "Voit perua tilauksesi 14 päivän kuluessa", or a purpose's "We keep you informed … until
#: you unsubscribe" names none: read alone, outside its section's own words, it says no field.
_PERSONAL_DATA: Final = re.compile(
    r"tieto|tiedo|tietoj|uppgift|\bdata\b|personal information|your information"
    r"|personal details|your details|henkilötie"
)


#: A legal basis stated: a purpose's sentence that need not name the data.
_BASIS: Final = re.compile(
    r"\bkäsittely perustuu\b|\bperustuu (?:\w+ )?(?:sopimukseen|suostumukseen|oikeutettuun etuun"
    r"|lakisääteiseen|lakiin)|\bbehandlingen grundar sig\b"
    r"|\bbased on (?:your |the )?(?:consent|contract|legitimate interest|legal obligation)"
)


def data_fields_said(low: str) -> set[SectionKind]:
    """:func:`fields_said` of a sentence that names personal data, else nothing.

    Examples:
        >>> sorted(kind.value for kind in data_fields_said("we keep booking data for six years."))
        ['retention']
        >>> data_fields_said("your privacy is protected by law.")
        set()
    """
    if _PERSONAL_DATA.search(low) is not None:
        return fields_said(low)
    # a legal basis is a purpose's on its own: "Uutiskirjeen lähettäminen perustuu suostumukseen."
    return {SectionKind.PURPOSES} if _BASIS.search(low) is not None else set()


def fields_said(low: str) -> set[SectionKind]:
    """The fields a lower-cased sentence speaks of in the active voice (see the module).

    Examples:
        >>> sorted(kind.value for kind in fields_said("we keep booking data for six years."))
        ['retention']
        >>> sorted(kind.value for kind in fields_said("vi får uppgifterna av dig."))
        ['sources']
        >>> fields_said("we keep you informed.")
        set()
    """
    if _ANY_SAID.search(low) is None:
        return set()  # most sentences: one search, not one a field
    return {kind for kind, pattern in _SAID if pattern.search(low) is not None}


#: The patterns of :data:`_SAID` as one: it matches first where the first of them does
#: (none has a flag or a back reference of its own).
_ANY_SAID: Final = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in _SAID))
#: A sentence opens with what it says when its verb comes within this many characters.
_OPENING: Final = 24


def field_opened(low: str) -> SectionKind | None:
    """The one field a lower-cased sentence opens by saying in the active voice, or ``None``.

    "Luovutamme tietoja …", "We get the data from you", "Vi delar uppgifterna med …":
    its verb comes first (a subject before it at most), as strong a statement as
    the passive one the extractor moves a sentence out of its section by.

    Examples:
        >>> field_opened("we share your data with our accountant.")
        <SectionKind.DISCLOSURES: 'recipients'>
        >>> field_opened("the shop's own staff, whom we share an office with, see it.") is None
        True
    """
    if _PERSONAL_DATA.search(low) is None:
        return None  # "We keep you informed … until …", "We give members a card to …" (R4-9)
    first = _ANY_SAID.search(low)
    if first is None or first.start() > _OPENING:
        return None  # no pattern matches early (most sentences): one search, not seven
    found = [
        kind
        for kind, pattern in _SAID
        if (match := pattern.search(low)) is not None and match.start() <= _OPENING
    ]
    return found[0] if len(found) == 1 else None


#: A sentence on the cookies a site uses: a verb of using or setting them, in fi/sv/en.
_COOKIES_USED: Final = re.compile(
    r"\b(?:käytämme|käyttää|käytetään|asetamme|asettaa|tallentaa|we use|uses|use[sd]? by|we set"
    r"|sets|vi använder|använder|används|sätter)\b.{0,60}\b(?:eväste|cookie|kak(?:a|or))"
    r"|\b(?:eväste|cookie|kak(?:a|or))\w*\s+(?:\w+\s+){0,3}(?:käytetään|are used|is used|används"
    r"|tallennetaan|are stored|lagras)\b"
)


def cookies_said(low: str) -> bool:
    """Whether a lower-cased sentence says that the site uses or sets cookies.

    Examples:
        >>> cookies_said("käytämme evästeitä kävijämäärien seurantaan.")
        True
        >>> cookies_said("vi använder kakor för statistik."), cookies_said("we use your data.")
        (True, False)
    """
    return _COOKIES_USED.search(low) is not None
