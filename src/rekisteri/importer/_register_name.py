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

from rekisteri.importer._cues import ORGANISATION, flat, register_name_of
from rekisteri.importer._finnish import capitalise
from rekisteri.importer._headings import recognise

#: A name has at most this many words.
_NAME_WORDS: Final = 12
#: The longest value read as a name in two languages (two halves of _NAME_WORDS words).
_BILINGUAL_CHARS: Final = 400
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
#: A sentence's words that name the register by a verb of naming: "Registret heter X",
#: "Registret kallas X", "Rekisteri on nimeltään X", "The register is called X".
_NAMING_VERB: Final = (
    r"(?:registret[ \t]+(?:heter|kallas)|rekisteri[ \t]+on[ \t]+nimeltään"
    r"|the[ \t]+register[ \t]+is[ \t]+(?:called|named)(?:[ \t]+the(?=[ \t]))?)"
)
#: "Rekisterin nimi on X.", "Registrets namn är X.", "The name of the register is X."
_STATED: Final = re.compile(
    r"(?i)^(?:(?:(?:tämän[ \t]+)?rekisterin[ \t]+nimi|rekisterin[ \t]+nimenä|registrets[ \t]+namn"
    r"|registerets[ \t]+namn|(?:the[ \t]+)?name[ \t]+of[ \t]+(?:the|this)[ \t]+register"
    r"|the[ \t]+register's[ \t]+name)[ \t]+(?:on|är|is)"
    # the verb that names: "Registret heter X", "Rekisteri on nimeltään X", "… is called X"
    rf"|{_NAMING_VERB}"
    r")[ \t]+(?P<name>.+?)[ \t]*\.?$"
)
#: A verb inside the stated name: a clause follows, not the name alone.
_VERB: Final = re.compile(
    r"(?i)\b(?:on|ovat|ei|käytetään|sisältää|joka|jota|jossa|är|används|innehåller|som"
    r"|ylläpidetään|förs|upprätthålls|maintained"
    r"|is|are|contains|which|that)\b"
)
_QUOTES: Final = "\"'”“„«»’‘"
#: A clause joined after a stated name: "… ja sitä ylläpitää", "… och det förs", "… and it is".
_STATED_CLAUSE: Final = re.compile(r"(?i)[ \t]+(?:ja|och|and)[ \t]+(?:sitä|sen|se|det|den|it)\b")


def title_register_name(line: str) -> str | None:
    """The register's name in a notice's title or a lone line under it, or ``None``.

    Examples:
        >>> title_register_name("Dataskyddsbeskrivning för kundregistret för bygdens webbtjänst")
        'Kundregistret för bygdens webbtjänst'
        >>> title_register_name("Tietosuojaseloste – Esimerkki Oy:n asiakasrekisteri")
        'Esimerkki Oy:n asiakasrekisteri'
        >>> title_register_name("Rekisteriseloste ja tietosuojaseloste – Jäsenrekisteri")
        'Jäsenrekisteri'
        >>> title_register_name("ESIMERKKI OY:N ASIAKASREKISTERIN TIETOSUOJASELOSTE")
        'Esimerkki Oy:n asiakasrekisteri'
        >>> title_register_name("Tässä selosteessa kuvataan Esimerkki ry:n jäsenrekisteri.")
        'Esimerkki ry:n jäsenrekisteri'
        >>> title_register_name("Dataskyddsbeskrivning för Exempel Ab") is None
        True
        >>> title_register_name("KYLÄN ENSIMMÄISEN APTEEKIN ASIAKASREKISTERIN SELOSTE")
        'Kylän ensimmäisen apteekin asiakasrekisteri'
    """
    flat_line = flat(line).strip(" .:")
    line = _ABOUT_LEAD.sub("", flat_line, count=1)
    if line != flat_line:
        # "Tämä seloste koskee yhdistyksen jäsenrekisteriä": the register in the partitive
        line = _PARTITIVE.sub(r"\1i", line)
    segment = _last_segment(line)
    name = _two_languages(line) or _two_titles(line)  # "Asiakasrekisteri / Kundregister"
    if name is not None:
        return name
    name = (
        register_name_of(segment) or _database(segment)
        if segment is not None
        else _named_after_separator(line) or register_name_of(line)
    )
    if name is None:
        name = _phrase_name(line)
    if name is not None and (_THE_REGISTER_END.search(name) or _WHOSE_REGISTERS.fullmatch(name)):
        return None  # "2. Ansvarig person för registret", "Våra register": about the registers
    if name is not None and re.search(rf"(?i){_DOCUMENT}", name):
        # "X Ab:s dataskyddsbeskrivning för kundregistret": the register after the document
        name = _register_after_document(name) or name
    if name is None:
        name = _processing_after_document(line)
    if name is not None and line.isupper():
        name = unshouted_name(name)
    return _without_kind_owner(name) if name is not None else None


def _register_after_document(name: str) -> str | None:
    """The register a name still holding the document's word names after it, or ``None``.

    Examples:
        >>> _register_after_document("Exempel Ab:s dataskyddsbeskrivning för kundregistret")
        'Kundregistret'
        >>> _register_after_document("Exempel Ab:s dataskyddsbeskrivning") is None
        True
    """
    found = _DOCUMENT_FOR.search(name)
    if found is None or not _REGISTER_END.search(found.group("rest")):
        return None
    return capitalise(found.group("rest"))


_DOCUMENT_FOR: Final = re.compile(
    rf"(?i){_DOCUMENT}[ \t]+(?:för|for|of)[ \t]+(?:the[ \t]+)?(?P<rest>\S.*)$"
)
#: A name that ends with the bare register word after a preposition speaks of the register:
#: "Ansvarig person för registret", "Contact person for the register".
_THE_REGISTER_END: Final = re.compile(
    r"(?i)(?:^|[ \t])(?:för|i|av|över|om|till|från|for|of|to|in|from|the)[ \t]+"
    r"(?:register|registret|registry)$"
)
#: A title's document word, a colon or a dash, then what the notice is about.
_DOCUMENT_THEN: Final = re.compile(
    rf"(?i)^{_DOCUMENT}[ \t]*(?:[:|–—]|[ \t]-)[ \t]*(?P<name>[\w][\w' -]*[\w])$"
)
_PROCESSING_WORDS: Final = (2, 6)
#: What after a document word names the document itself, its part or version, or is said to
#: the reader, not the processing: "Tietosuojaseloste – yleinen osa", "… – tiivistelmä",
#: "Privacy notice – how we use your data", "… – voimassa toistaiseksi" (R4-3).
_NOT_PROCESSING: Final = re.compile(
    r"(?i)(?:^|[ \t-])(?:osa|versio|painos|luonnos|päivitys|tiivistelmä|yhteenveto|seloste"
    r"|selosteen|informointi|informaatio|voimassa|yleinen|yleiset|del|version|utkast"
    r"|sammanfattning|allmän|allmänna|part|draft|summary|overview|update|general|how|what"
    r"|why|we|our|you|your|miten|mitä|miksi|me|hur|vad|varför|vi|du|din|er)(?:$|[ \t])"
)


#: A title's date or version: "päivitetty viimeksi toukokuussa", "laadittu 2024",
#: "senast uppdaterad i maj", "last revised in June" (R4-3).
_DATED: Final = re.compile(
    r"(?i)päivit|laadit|tarkistet|muutet|uppdater|reviderad|updated|revised|senast|viimeksi"
    r"|\blast\b|tammikuu|helmikuu|maaliskuu|huhtikuu|toukokuu|kesäkuu|heinäkuu|elokuu|syyskuu"
    r"|lokakuu|marraskuu|joulukuu|januar|februar|\bmars\b|\bapril\b|\bmaj\b|\bjuni\b|\bjuli\b"
    r"|augusti|september|oktober|november|december|\bmarch\b|\bmay\b|\bjune\b|\bjuly\b"
    r"|\baugust\b|october"
)


def _processing_after_document(line: str) -> str | None:
    """What a title names after its document word when no register word does, or ``None``.

    "Dataskyddsbeskrivning: Stadens nyhetsbrev", "Tietosuojaseloste – Kylän
    kirjaston lainaajat": a few words ending with a common noun name the
    register's processing. Not a body's name ("Tietosuojaseloste – Esimerkki
    Oy", "… | Kylän kunta") nor a site's (capitalised last word), nor one word.

    Examples:
        >>> _processing_after_document("Dataskyddsbeskrivning: Stadens nyhetsbrev")
        'Stadens nyhetsbrev'
        >>> _processing_after_document("Tietosuojaseloste – Esimerkki ry") is None
        True
        >>> _processing_after_document("Privacy policy – Example Company") is None
        True
    """
    found = _DOCUMENT_THEN.match(line)
    if found is None:
        return None
    name = found.group("name").strip()
    words = name.split()
    low, high = _PROCESSING_WORDS
    last = words[-1]
    if (
        not low <= len(words) <= high
        or not last[:1].islower()
        or last.casefold() in LEGAL_FORMS
        or ORGANISATION.search(last)
        or _VERB.search(name)
        or recognise(name) is not None
        or _NOT_PROCESSING.search(name)
        or _DATED.search(name)
    ):
        return None
    return capitalise(name)


#: A register's name in the partitive at the end of a sentence about it ("… jäsenrekisteriä").
_PARTITIVE: Final = re.compile(r"(?i)(rekister)(?:iä|iään|eitä)$")
#: The word for the kind of body that owns the register, no name of its own: "yhdistyksen
#: jäsenrekisteri" (the association's member register) is named "Jäsenrekisteri".
_KIND_OWNER: Final = re.compile(
    r"(?i)^(?:yhdistyksen|seuran|yrityksen|yhtiön|säätiön|kunnan|kaupungin|osuuskunnan"
    r"|seurakunnan|föreningens|företagets|bolagets|stiftelsens|kommunens|stadens"
    r"|the[ \t]+(?:association|company|foundation|club|municipality)['’]s|our)[ \t]+"
    r"(?=[\w-]*(?:rekisteri|register|registret|registry)$)"
)


def _two_languages(line: str) -> str | None:
    """A title that is the register's name in Finnish and in Swedish or English, or ``None``.

    "Asiakasrekisteri / Kundregister", "Jäsenrekisteri – Medlemsregister": both
    halves, as the draft writes a name in two languages ("fi / sv").
    """
    halves = re.split(r"[ \t]+[/–—][ \t]+|[ \t]*/[ \t]*", line)
    if len(halves) == 2 and not re.search(rf"(?i){_DOCUMENT}", line):
        swapped = _swedish_first(line)  # "Kundregister / Asiakasrekisteri"
        if swapped is not None:
            return swapped
    if (
        len(halves) != 2  # a name and its translation
        or re.search(rf"(?i){_DOCUMENT}", line)
        or not re.search(r"(?i)rekisteri$", halves[0].strip())
        or not re.search(r"(?i)(?:register|registret|registry)$", halves[1].strip())
        or any(len(half.split()) > _NAME_WORDS for half in halves)
    ):
        return None
    return f"{capitalise(halves[0].strip())} / {capitalise(halves[1].strip())}"


def _two_titles(line: str) -> str | None:
    """A title in Finnish, then in Swedish or English, each naming the register, or ``None``.

    Examples:
        >>> _two_titles("Jäsenrekisterin seloste / Medlemsregistrets dataskyddsbeskrivning")
        'Jäsenrekisteri / Medlemsregistret'
        >>> _two_titles("Tietosuojaseloste – Jäsenrekisteri | Registerbeskrivning – Kundregister")
        'Jäsenrekisteri / Kundregister'
        >>> _two_titles("Tietosuojaseloste / Dataskyddsbeskrivning") is None
        True
    """
    halves = re.split(r"[ \t]+[/|][ \t]+", line)
    if len(halves) != 2:  # a title and its translation
        return None
    fi, other = (title_register_name(half) for half in halves)
    if other is not None and "rekister" in other.casefold():
        fi, other = other, fi  # "Dataskyddsbeskrivning – Kundregister / Tietosuojaseloste – …"
    if (
        fi is None
        or other is None
        or "rekister" not in fi.casefold()
        or "rekister" in other.casefold()
        or " / " in fi + other
    ):
        return None
    return f"{fi} / {other}"


def _database(segment: str) -> str | None:
    """A title's last part that names a database of personal data: "Asiakastietokanta"."""
    return capitalise(segment) if re.search(r"(?i)tietokanta$", segment) else None


def _without_kind_owner(name: str) -> str:
    """*name* without a leading word for the kind of body that owns it (see ``_KIND_OWNER``)."""
    bare = _KIND_OWNER.sub("", name, count=1)
    return capitalise(bare) if bare != name else name


def _named_after_separator(line: str) -> str | None:
    """The register a title's last part names when the parts before it name none.

    "Kylän Seura ry – Jäsenrekisterin tietosuojaseloste": the body, then the
    notice of its register: the register is "Jäsenrekisteri", not the whole line.
    """
    parts = _SEPARATOR.split(line)
    if len(parts) < 2 or any(re.search(r"(?i)rekister|register", p) for p in parts[:-1]):
        return None
    return register_name_of(parts[-1])


#: A first sentence's words before the register it describes, the name in the nominative:
#: "Tässä selosteessa kuvataan X", "I denna beskrivning beskrivs X", "This notice describes X".
_ABOUT_LEAD: Final = re.compile(
    r"(?i)^(?:tässä[ \t]+(?:\w+[ \t]+){0,2}?(?:kuvataan|kerrotaan|esitellään)"
    r"|tämä[ \t]+(?:\w+[ \t]+){0,2}?koskee|denna[ \t]+(?:\w+[ \t]+){0,1}?gäller"
    # "Seloste koskee X:ää", "Beskrivningen gäller X": the document's word, no "tämä"
    r"|(?:\w*seloste|tietosuojailmoitus)[ \t]+koskee"
    r"|(?:\w*beskrivning(?:en)?)[ \t]+gäller"
    r"|i[ \t]+denna[ \t]+(?:\w+[ \t]+){0,2}?beskrivs|this[ \t]+(?:\w+[ \t]+){0,2}?describes"
    r"|this[ \t]+(?:\w+[ \t]+){0,2}?(?:concerns|covers|applies[ \t]+to)"
    # "Tämä on X:n asiakasrekisterin tietosuojaseloste": the title said in a sentence
    r"|tämä[ \t]+on|detta[ \t]+är"
    rf"|{_NAMING_VERB})"
    r"[ \t]+(?=\S)"
)


def _last_segment(line: str) -> str | None:
    """The last part of a title cut at dashes, bars, slashes or colons, if it is a name.

    "Rekisteriseloste ja tietosuojaseloste – Jäsenrekisteri", "Seloste
    henkilötietojen käsittelystä – Asiakasrekisteri": the part after the last
    separator when it ends with the register word and names no document.
    """
    parts = _SEPARATOR.split(line)
    if len(parts) < 2:  # a title in two parts at least
        return None
    last = parts[-1].strip(" .:")
    if _REGISTER_END.search(last) and not re.search(rf"(?i){_DOCUMENT}", last):
        return last
    return None


def _phrase_name(line: str) -> str | None:
    """The register of a title with a preposition phrase, or a genitive before the document."""
    found = _TITLE_PHRASE.match(line)
    if found is not None and len(found.group("name").split()) <= _NAME_WORDS:
        return capitalise(found.group("name"))
    opening = _REGISTER_OF.fullmatch(line)
    if opening is not None and len(line.split()) <= _NAME_WORDS:
        # "Register över förtroendevalda", "Register of members": the title is the name
        return capitalise(line)
    about = _ABOUT.match(line)
    if about is not None:
        # "Tietosuojaseloste koskien asiakasrekisteriä": the register in the partitive
        return capitalise(about.group("name") + "i")
    genitive = _GENITIVE_BEFORE_NOTICE.match(line)
    if genitive is not None and len(genitive.group("name").split()) <= _NAME_WORDS:
        # "X:n asiakasrekisterin seloste": the register in the genitive before the notice
        return capitalise(genitive.group("name") + ("I" if line.isupper() else "i"))
    owner = _SWEDISH_GENITIVE.match(line)
    if owner is not None:
        # "Kundregistrets dataskyddsbeskrivning": the register's own name
        return capitalise(owner.group("name"))
    return None


_SEPARATOR: Final = re.compile(r"[ \t]+[–—|/-][ \t]+|[ \t]*:[ \t]+")
#: A name that opens with the register word and says what it is of: "Register över
#: bindningar", "Registret över förtroendevalda", "Register of members".
_REGISTER_OF: Final = re.compile(
    r"(?i)(?:register|registret|registry)[ \t]+(?:över|of)[ \t]+(?!the[ \t]+(?:notice|policy))"
    r"[\w-]+(?:[ \t]+[\w-]+){0,5}"
)
#: The word a register's name ends with; a database of personal data is one too
#: ("Asiakastietokanta", "henkilötietokanta", "Kunddatabas").
_REGISTER_END: Final = re.compile(
    r"(?i)(?:rekisteri|register|registret|registry|tietokanta|databas|databasen|database)$"
)
_ABOUT: Final = re.compile(
    rf"(?i){_DOCUMENT}[ \t]+koskien[ \t]+(?P<name>(?:[\w-]+[ \t]+){{0,4}}[\w-]*rekister)iä$"
)
#: "Tampereen apteekin asiakasrekisterin seloste": a register in the genitive, then a word
#: for the notice (also the bare "seloste" the document table does not hold).
_GENITIVE_BEFORE_NOTICE: Final = re.compile(
    r"(?i)^(?P<name>(?:[\w:-]+[ \t]+){0,6}[\w-]*rekister)in[ \t]+"
    r"(?:seloste|tietosuojaseloste|rekisteriseloste|tietosuojailmoitus|informointiasiakirja)"
    r"(?:[ \t]+[0-9]{1,2}\.[0-9]{1,2}\.(?:[0-9]{4}|[0-9]{2}))?$"  # a date after it
)
_SWEDISH_GENITIVE: Final = re.compile(
    # "Kundregistrets …", "Roddarnas medlemsregisters …": the definite or the bare genitive
    rf"(?i)(?P<name>(?:[\w-]+[ \t]+){{0,3}}[\w-]*(?:registret|register))s[ \t]+{_DOCUMENT}$"
)
#: The legal forms as a name writes them ("OY" → "Oy", "RY" → "ry").
LEGAL_FORMS: Final = {
    "oy": "Oy",
    "oyj": "Oyj",
    "ab": "Ab",
    "abp": "Abp",
    "ky": "Ky",
    "ay": "Ay",
    "tmi": "Tmi",
    "ry": "ry",
    "rf": "rf",
    "sr": "sr",
    "osk": "osk",
}


def unshouted_name(name: str) -> str:
    """A register's name from a title set in capitals, as a person would write it.

    The words up to a legal form are the owner's name and keep their capitals;
    the rest is in lower case.

    Examples:
        >>> unshouted_name("SÄHKÖKONSULTTI OJALA OY:N ASIAKASREKISTERI")
        'Sähkökonsultti Ojala Oy:n asiakasrekisteri'
        >>> unshouted_name("JÄSENREKISTERI")
        'Jäsenrekisteri'
    """
    words = name.lower().split()
    owner = next((i for i, w in enumerate(words) if re.sub(r":\w+$", "", w) in LEGAL_FORMS), None)
    out = []
    for index, word in enumerate(words):
        stem, colon, ending = word.partition(":")
        if stem in LEGAL_FORMS and owner is not None and index == owner:
            out.append(LEGAL_FORMS[stem] + colon + ending)
        elif owner is not None and index < owner:
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
    return capitalise(" ".join(out))


def split_section_name(value: str) -> tuple[str, str | None]:
    """A "Rekisterin nimi" section's text: the name, and the sentences after it, if any.

    Examples:
        >>> split_section_name("Asiakasrekisteri. Tietoja käytetään laskutukseen.")
        ('Asiakasrekisteri', 'Tietoja käytetään laskutukseen.')
        >>> split_section_name("Kylän sähköinen Oma-palvelu. Palvelun osalta sen käyttäjärekisteri")
        ('Kylän sähköinen Oma-palvelu', 'Palvelun osalta sen käyttäjärekisteri')
        >>> split_section_name("Esimerkki ry:n jäsenrekisteri")
        ('Esimerkki ry:n jäsenrekisteri', None)
        >>> split_section_name("Verkkokaupan asiakasrekisteri tilausten toimitusta varten.")
        ('Verkkokaupan asiakasrekisteri', 'tilausten toimitusta varten')
        >>> split_section_name("Jäsenrekisteri (jäsenten tiedot järjestelmässä ja kortistot)")
        ('Jäsenrekisteri', 'jäsenten tiedot järjestelmässä ja kortistot')
        >>> split_section_name("Asiakasrekisteri (sisältää myös verkkokaupan asiakkaat)")
        ('Asiakasrekisteri', 'sisältää myös verkkokaupan asiakkaat')
        >>> split_section_name("Asiakasrekisteri (kanta-asiakkaat)")
        ('Asiakasrekisteri (kanta-asiakkaat)', None)
        >>> split_section_name("Liiton jäsenrekisteri sekä " + "X-rekisteri, " * 20)[0]
        'Liiton jäsenrekisteri'
        >>> split_section_name("Arkiston haastatteluaineisto (”Haastattelurekisteri”)")
        ('Arkiston haastatteluaineisto', '(”Haastattelurekisteri”)')
        >>> split_section_name("Vuokrauspalvelut; asukasjärjestelmä Kotinetti")
        ('Vuokrauspalvelut', 'asukasjärjestelmä Kotinetti')
        >>> split_section_name("• Asiakasrekisteri")
        ('Asiakasrekisteri', None)
        >>> split_section_name("Kylän asiakasrekisteri Noudatamme lakia, kun käsittelemme tietoja.")
        ('Kylän asiakasrekisteri', 'Noudatamme lakia, kun käsittelemme tietoja.')
    """
    value = _closed_quote(_BULLETS.sub("", value))  # "• Asiakasrekisteri": an inner list's bullet
    # "X Oy:n (jäljempänä X) asiakasrekisteri": the short name the notice defines is no part
    value = _STATUTE_AFTER.sub("", _SHORT_NAME.sub("", value))
    listed = _system_or_registers(value)
    if listed is not None:
        return listed
    clause = _CLAUSE_AFTER.match(value.strip())
    if clause is not None and len(clause.group("name").split()) <= _NAME_WORDS:
        # "Asiakasrekisteri, jota ylläpidetään …": the clause goes to the description
        return clause.group("name"), clause.group("rest")
    two = bilingual_name(value)
    if two is not None:
        return two, None
    several = _FIRST_OF_SEVERAL.match(value.strip()) if len(value) > _LONG_NAME else None
    if several is not None and len(several.group("name").split()) <= _NAME_WORDS:
        # a list of registers too long for a name: the first is the draft's, the whole
        # list is kept in the description
        return several.group("name"), value.strip()
    alias = _QUOTED_ALIAS.match(value.strip())
    named = alias and (alias.group("name") or alias.group("other"))
    if alias is not None and named and len(named.split()) <= _NAME_WORDS:
        # "Oy:n asiakasrekisteri (”Asiakasrekisteri”)": the term the notice uses for it after
        return named, alias.group("rest") or alias.group("term")
    first, dot, rest = value.partition(". ")
    bare = re.sub(r"[ \t]*\([^()]*\)$", "", first.strip())  # "Asiakasrekisteri (laskutus)"
    if dot and rest and _REGISTER_END.search(bare) and len(first.split()) <= _NAME_WORDS:
        return first.strip(), rest.strip()
    if dot and _NAME_THEN_SENTENCE.match(rest) and _names_a_service(first):
        # "X:n sähköisen asioinnin Oma-palvelu. Henkilötietojen osalta …": the name of a
        # service without the register word, then a sentence about it
        return first.strip(), rest.strip()
    run_on = _RUN_ON.match(value.strip())
    if run_on is not None and len(run_on.group("name").split()) <= _NAME_WORDS:
        # "X:n asiakasrekisteri Noudatamme … ." (no blank line after the name): the name ends
        # with the register word, the sentences after it are the description
        return run_on.group("name"), run_on.group("rest")
    tail = _PURPOSE_TAIL.match(value.strip())
    if tail is not None and len(tail.group("name").split()) <= _NAME_WORDS:
        # "X:n asiakasrekisteri tilausten toimitusta varten": what it is for is no part of it
        return tail.group("name"), tail.group("rest")
    kept_in = _SYSTEM_TAIL.match(value.strip())
    if kept_in is not None and len(kept_in.group("name").split()) <= _NAME_WORDS:
        # "X:n asiakasrekisteri, asiakasjärjestelmä Y" / "… Y-järjestelmässä": the system
        # the register is kept in is no part of its name
        return kept_in.group("name"), kept_in.group("rest") or kept_in.group("where")
    explained = _explained(value.strip())
    if explained is not None and len(explained.group("name").split()) <= _NAME_WORDS:
        # a long explanation in brackets after the name is said in the description
        return explained.group("name"), explained.group("rest")
    return value, None


def _system_or_registers(value: str) -> tuple[str, str] | None:
    """The name and what follows it in a list: the system it is kept in, or more registers."""
    first, semicolon, system = value.partition("; ")
    if semicolon and _SYSTEM_WORD.search(system) and len(first.split()) <= _NAME_WORDS:
        # "Vuokrauspalvelut; asukasjärjestelmä X": the register, then the system it is kept in
        return first.strip(), system.strip()
    registers = _listed_registers(value.strip())
    if registers is not None:
        # "Asiakasrekisteri, markkinointirekisteri ja rekrytointirekisteri": several
        # registers, each named whole; the first is the draft's, the others are kept apart
        return registers[0], "; ".join(registers[1:])
    return None


def _listed_registers(value: str) -> list[str] | None:
    """The registers a comma or semicolon list names, each ending with its word, or ``None``.

    Examples:
        >>> _listed_registers("Asiakasrekisteri, markkinointirekisteri ja rekrytointirekisteri")
        ['Asiakasrekisteri', 'markkinointirekisteri', 'rekrytointirekisteri']
        >>> _listed_registers("Kundregister; Marknadsföringsregister")
        ['Kundregister', 'Marknadsföringsregister']
        >>> _listed_registers("Asiakas- ja markkinointirekisteri") is None
        True
        >>> _listed_registers("Asiakasrekisteri ja markkinointirekisteri") is None
        True
    """
    if ("," not in value and ";" not in value) or bilingual_name(value) is not None:
        # "X ja Y": one register's two names as often as two registers; "Jäsenrekisteri,
        # Medlemsregister": one register in two languages
        return None
    items = [item.strip() for item in _REGISTER_LIST.split(value.rstrip(" ."))]
    if len(items) < 2 or not all(
        _REGISTER_END.search(item) and len(item.split()) <= _NAME_WORDS for item in items
    ):
        return None
    return items


def _explained(value: str) -> re.Match[str] | None:
    """The name and what the brackets after it explain: a long text, or a clause with a verb.

    "Asiakasrekisteri (sisältää myös verkkokaupan asiakkaat)": the clause is no
    part of the name; "Asiakasrekisteri (kanta-asiakkaat)" keeps its brackets.
    """
    explained = _EXPLAINED.match(value)
    if explained is not None:
        return explained
    bracketed = _BRACKETED.match(value)
    said = bracketed.group("rest") if bracketed is not None else ""
    return bracketed if len(said.split()) >= _CLAUSE_WORDS and _VERB.search(said) else None


#: A word for the system a register is kept in.
_SYSTEM_WORD: Final = re.compile(r"(?i)järjestelmä|ohjelmisto|sovellus|system|program")
#: A sentence after a name: a capital, then four words or more.
_NAME_THEN_SENTENCE: Final = re.compile(r"[A-ZÄÖÅ][\w-]*(?:[ \t]+\S+){3,}")


def _names_a_service(first: str) -> bool:
    """Whether *first* (a name section's first sentence) can be a name: short, no verb."""
    words = first.split()
    return (
        0 < len(words) <= _NAME_WORDS
        and _VERB.search(first) is None
        and re.search(r"(?i)(?<![\w-])(?:oy|oyj|ab|ry|rf|ky|tmi)$", first.strip()) is None
    )


#: A short name defined in brackets inside a name: "(jäljempänä X)", "(myöhemmin X)", "(nedan X)".
_SHORT_NAME: Final = re.compile(
    r"[ \t]*\((?i:jäljempänä|myöhemmin|jatkossa|nedan|hereinafter)\b[^()]{0,60}\)(?=[ \t]|$)"
)
#: A statute in brackets after a name: "Jäsenrekisteri (EU 2016/679)", "(523/1999)".
_STATUTE_AFTER: Final = re.compile(
    r"[ \t]*\((?:[A-Z]{2,3}[ \t]*)?[0-9]{3,4}/[0-9]{2,4}[^()]{0,40}\)$"
)
#: A clause after a comma that follows the register's word: "Asiakasrekisteri, jota
#: ylläpidetään …", "Medlemsregister, som förs av …", "Customer register, which …",
#: "Jäsenrekisteri, päivitetty 1.2.2024".
_CLAUSE_AFTER: Final = re.compile(
    r"(?P<name>.+?(?:rekisteri|register|registret|registry|förteckning|luettelo))[ \t]*,[ \t]+"
    r"(?P<rest>(?:jo(?:ka|ta|nka|ssa|sta|hon|ihin|ita|iden|lla)|mi(?:kä|tä|ssä)|som|vilket|vars"
    r"|which|that|where|päivitetty|updated|uppdaterad|laadittu)\b.*)$",
    re.IGNORECASE,
)
#: A name section's text longer than this is no name of one register ("X:n jäsenrekisteri
#: sekä koulutusrekisteri, markkinointirekisteri, …" names several).
_LONG_NAME: Final = 200
#: What stands between the registers of a list: a comma or a semicolon, "ja", "och", "and".
_REGISTER_LIST: Final = re.compile(
    r"[ \t]*[,;][ \t]*(?:(?:ja|sekä|och|samt|and)[ \t]+)?|[ \t]+(?:ja|sekä|och|samt|and)[ \t]+",
    re.IGNORECASE,
)
#: The first register of a list: its name up to the register word, then "sekä", "ja", "och",
#: "and" or a comma before the next one.
_FIRST_OF_SEVERAL: Final = re.compile(
    r"(?P<name>[^,;.]+?(?:rekisteri|register|registret|registry))"
    r"(?:[ \t]*[,;][ \t]*|[ \t]+(?:sekä|ja|och|samt|and)[ \t]+)\S",
    re.IGNORECASE,
)
#: A name and, in brackets, the quoted term the notice uses for it: "… register (“Register”)".
_QUOTED_ALIAS: Final = re.compile(
    r"(?P<name>.+?(?:rekisteri|register|registret|registry))[ \t]*"
    r"(?P<rest>\([ \t]*[\"'”“„«»’‘][^()]{1,60}[\"'”“„«»’‘][ \t]*\))\.?$"
    # "Arkiston haastatteluaineisto (”Haastattelurekisteri”)": the term is a register's
    r"|(?P<other>[^()]+?)[ \t]*(?P<term>\([ \t]*[\"'”“„«»’‘][^()\"'”“„«»’‘]{0,40}"
    r"(?:rekisteri|register|registret|registry)[\"'”“„«»’‘][ \t]*\))\.?$",
    re.IGNORECASE,
)
#: The quote that closes each opening one.
_CLOSING: Final = {"”": "”", "“": "”", "„": "”", "«": "»", '"': '"', "'": "'"}
#: A Finnish register's name, then the same in Swedish or English, joined by a dash or in
#: brackets: "Jäsenrekisteri – Medlemsregister", "Asiakasrekisteri (Kundregister)".
_TWO_LANGUAGES: Final = re.compile(
    r"(?P<fi>[^–—()/|,]*?\w*rekisteri\w*)(?:[ \t]+[–—-][ \t]+|[ \t]*[|,][ \t]*"
    r"|[ \t]*\((?:(?:sv|ruots|på svenska|svenska|en|eng|in english)\.?:?[ \t]+)?)"
    r"(?P<other>[^–—()/]*?\w*(?:register|registret|registry)\b[^–—()/]*?)\)?\.?$",
    re.IGNORECASE,
)


def bilingual_name(value: str) -> str | None:
    """A name given in two languages joined by a dash or in brackets, as "fi / other".

    The draft writes a name in two languages as "Finnish / Swedish" (or English),
    which gives the name's fi and sv (or en) texts.

    Examples:
        >>> bilingual_name("Jäsenrekisteri – Medlemsregister")
        'Jäsenrekisteri / Medlemsregister'
        >>> bilingual_name("Asiakasrekisteri (Customer register)")
        'Asiakasrekisteri / Customer register'
        >>> bilingual_name("Jäsenrekisteri, Medlemsregister")
        'Jäsenrekisteri / Medlemsregister'
        >>> bilingual_name("Kylän asiakasrekisteri (sv. Byns kundregister)")
        'Kylän asiakasrekisteri / Byns kundregister'
        >>> bilingual_name("Asiakasrekisteri – verkkokauppa") is None
        True
    """
    value = value.strip()
    # Two halves of at most _NAME_WORDS words each are short: a longer value is
    # no such name, and the pattern's lazy runs would cost quadratic time on it.
    if len(value) > _BILINGUAL_CHARS or len(value.split()) > 2 * _NAME_WORDS + 1:
        return None
    found = _TWO_LANGUAGES.match(value)
    if found is None or "rekister" in found.group("other").casefold():
        return _swedish_first(value)
    fi, other = found.group("fi").strip(), found.group("other").strip()
    if len(fi.split()) > _NAME_WORDS or len(other.split()) > _NAME_WORDS:
        return None
    return f"{capitalise(fi)} / {capitalise(other)}"


#: Where a name in Swedish (or English) first and in Finnish after it is split.
_HALVES: Final = re.compile(r"[ \t]+[–—|/-][ \t]+|[ \t]*[/|,][ \t]*|[ \t]*\((?:fi\.?:?[ \t]+)?")


def _swedish_first(value: str) -> str | None:
    """A name in Swedish or English, then in Finnish, as "fi / other", or ``None``.

    Examples:
        >>> _swedish_first("Kundregister, Asiakasrekisteri")
        'Asiakasrekisteri / Kundregister'
        >>> _swedish_first("Kundregister (fi. Asiakasrekisteri)")
        'Asiakasrekisteri / Kundregister'
        >>> _swedish_first("Kundregister, medlemsregister") is None
        True
    """
    halves = _HALVES.split(value.strip().rstrip(".)"), maxsplit=1)
    if len(halves) != 2:  # a name and its translation
        return None
    other, fi = (half.strip(" )") for half in halves)
    if (
        not re.search(r"(?i)(?:register|registret|registry)$", other)
        or "rekister" in other.casefold()
        or not re.search(r"(?i)rekisteri$", fi)
        or len(fi.split()) > _NAME_WORDS
        or len(other.split()) > _NAME_WORDS
    ):
        return None
    return f"{capitalise(fi)} / {capitalise(other)}"


def _closed_quote(value: str) -> str:
    """*value* with the quote it opens last closed again when it ends inside it.

    "Asiakasrekisteri ”Kylänet”": the name's closing quote was taken with the
    quotes around the whole value.
    """
    stripped = value.rstrip()
    opened = [i for i, c in enumerate(stripped) if c in _CLOSING]
    if not opened:
        return value
    quotes = sum(stripped.count(c) for c in set(_CLOSING) | set(_CLOSING.values()))
    last = opened[-1]
    if quotes % 2 == 1 and stripped[last] in "”\"'" and last > 0 and stripped[last - 1] == " ":
        return stripped + _CLOSING[stripped[last]]
    if quotes % 2 == 1 and stripped[last] in "“„«":
        return stripped + _CLOSING[stripped[last]]
    return value


#: A name run together with the sentences after it: the register word, then a capital
#: starting a sentence of five words or more.
_RUN_ON: Final = re.compile(
    r"(?P<name>[^.]+?(?:rekisteri|register|registret|registry))[ \t]+"
    r"(?P<rest>[A-ZÄÖÅ][\w-]*(?:[ \t]+[^ \t]+){4,}?(?:[.!?](?:[ \t].*)?)?)$"
)
#: Bullets before a name (an item of a list inside a list: "• • Asiakasrekisteri").
_BULLETS: Final = re.compile(r"^(?:[•*·▪◦‣●○■□][ \t]*)+")
#: A name followed by what the register is for: "… asiakasrekisteri tilausten toimitusta
#: varten" (not Swedish "för": "Kundregister för Exempel Ab" names the register's holder).
_PURPOSE_TAIL: Final = re.compile(
    r"(?P<name>.+?(?:rekisteri|register|registret|registry))[ \t]+"
    r"(?P<rest>(?:\w+[ \t]+){1,4}varten)\.?$",
    re.IGNORECASE,
)
#: A name followed by the system it is kept in: after a comma, the system's word (and its
#: name: "…rekisteri, asiakasjärjestelmä Y"); or without one, the system's word in the
#: inessive or adessive ("…rekisteri Y-varausjärjestelmässä", "… Z-sovelluksella").
_SYSTEM_TAIL: Final = re.compile(
    r"(?P<name>.+?(?:rekisteri|register|registret|registry))"
    r"(?:,[ \t]+(?P<rest>(?:[\w-]+[ \t]+){0,2}[\w-]*(?:järjestelmä|ohjelmisto|sovellus|system)\w*"
    r"(?:[ \t]+[\w-]+){0,2})"
    r"|[ \t]+(?P<where>(?:[\w-]+[ \t]+){0,2}[\w-]*(?:järjestelmä|ohjelmisto|sovellukse)"
    r"(?:ssä|ssa|llä|lla)))\.?$",
    re.IGNORECASE,
)
#: A name followed by a long explanation in brackets: the explanation is no part of it.
_BRACKETED: Final = re.compile(
    r"(?P<name>.+?(?:rekisteri|register|registret|registry))[ \t]*\((?P<rest>[^()]+)\)\.?$",
    re.IGNORECASE,
)
_CLAUSE_WORDS: Final = 3
_EXPLAINED: Final = re.compile(
    r"(?P<name>.+?(?:rekisteri|register|registret|registry))[ \t]*\((?P<rest>[^()]{40,})\)\.?$",
    re.IGNORECASE,
)


#: A name's first part has at most this many words, its continuation at most this many.
_FIRST_PART_WORDS: Final = 8
_CONTINUATION_WORDS: Final = 4


def continues_name(first: str, second: str) -> bool:
    """Whether a name section's second paragraph ends the name its first one began.

    "ELIMÄEN APTEEKIN JA KORIAN SIVUAPTEEKIN" / "APTEEKIN ASIAKASREKISTERI": a
    name broken over two paragraphs, the first without the register word, the
    second short and ending with it.

    Examples:
        >>> continues_name("KYLÄN APTEEKIN JA SIVUAPTEEKIN", "APTEEKIN ASIAKASREKISTERI")
        True
        >>> continues_name("Jäsenrekisteri", "Kannatusjäsenrekisteri")
        False
        >>> continues_name("Tietoja käytetään laskutukseen.", "Asiakasrekisteri")
        False
    """
    first, second = first.strip(), second.strip(" .")
    return (
        0 < len(first.split()) <= _FIRST_PART_WORDS
        and 0 < len(second.split()) <= _CONTINUATION_WORDS
        and _REGISTER_END.search(first.strip(" .")) is None
        and re.search(r"[.!?:;]$", first) is None
        and _VERB.search(first) is None
        and _REGISTER_END.search(second) is not None
    )


#: A system's or product's name on a line of its own: one or two capitalised words.
_PROPER_LINE: Final = re.compile(r"[A-ZÄÖÅ][\w&-]*(?:[ \t]+[A-ZÄÖÅ0-9][\w&-]*)?")
#: What ends the first line of a name that runs on to the next: a connective or a hyphen.
_RUNS_ON: Final = re.compile(r"(?i)(?:[ \t](?:ja|sekä|och|samt|and|&|of|för|över)|-)$")


def system_line(first: str, second: str) -> bool:
    """Whether *second*, the line under a register's name *first*, names a system, not the name.

    "Seniorbostäder och ateljéer" / "Kalkyl": the second line is a
    system's or product's name of one or two capitalised words, the first a
    whole name of two words or more that does not run on. A second line with
    a register's or a system's word, a legal form or a digit continues the name.

    Examples:
        >>> system_line("Seniorbostäder och ateljéer", "Kalkyl")
        True
        >>> system_line("Kylän kaupungin", "Palautejärjestelmä")
        False
        >>> system_line("Asiakas- ja", "Markkinointirekisteri")
        False
        >>> system_line("Asiakasrekisteri", "Esimerkki Oy")
        False
    """
    first, second = first.strip(), second.strip()
    return (
        len(first.split()) > 1
        and _RUNS_ON.search(first) is None
        and _PROPER_LINE.fullmatch(second) is not None
        and not _REGISTER_END.search(second)
        and not _SYSTEM_END.search(second)
        and not _LISTING_END.search(second)
        and not any(w.casefold() in LEGAL_FORMS for w in second.split())
    )


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
        >>> stated_register_name("Registret heter Roddarnas medlemsregister.")
        'Roddarnas medlemsregister'
        >>> stated_register_name("Registret heter Medlemsregister (Jäsenrekisteri).")
        'Jäsenrekisteri / Medlemsregister'
        >>> stated_register_name("The register is called the Rowing Club member register.")
        'Rowing Club member register'
    """
    found = _STATED.match(flat(sentence).strip())
    if found is None:
        return None
    # "X (jäljempänä rekisteri)": the short name defined for it; "X ja sitä ylläpitää …",
    # "X och det förs …": a clause of its own after the name
    said = _SHORT_NAME.sub("", found.group("name"))
    said = _STATED_CLAUSE.split(said, maxsplit=1)[0]
    name = re.split(r"(?<!-),[ \t]", said, maxsplit=1)[0].strip(_QUOTES + " ")
    if not name or len(name.split()) > _NAME_WORDS or _VERB.search(name):
        return None
    if not re.search(r"(?i)rekister|register|tiedosto|kortisto|luettelo|förteckning|list", name):
        return None  # "Rekisterin nimi on muuttunut": no register word, no name
    # "Registret heter X (Y-rekisteri)": the Swedish name, then the Finnish one in brackets
    return _swedish_first(name) or capitalise(name)


#: A register-name heading with the name glued on: "1. Rekisterin nimi Asiakasrekisteri".
_GLUED: Final = re.compile(
    r"(?i)^[ \t]*(?:[0-9]{1,2}[.)]?[ \t]*)?(?:henkilö)?(?:rekisterin[ \t]+nimi|registrets[ \t]+namn"
    r"|name[ \t]+of[ \t]+the[ \t]+register|register[ \t]+name)"
    # "Rekisterin nimi on Asiakasrekisteri": the verb is no part of the name
    r"(?:[ \t]*[:|–-]?[ \t]+(?:(?:on|är|is)[ \t]+)?|(?<=[a-zäöå])(?=(?-i:[A-ZÄÖÅ][a-zäöå])))"
    r"(?P<name>\S.*)$"
)


#: A register named after its system: "Palautejärjestelmä", "Bokningssystemet".
_SYSTEM_END: Final = re.compile(
    r"(?i)(?:järjestelmä|tietojärjestelmä|system|systemet|tiedosto|kortisto|förteckning)$"
)


def name_in_heading(heading: str) -> str | None:
    """The register's name glued to its heading on one line, or ``None``.

    A table row saved as text puts the label cell and the value on one line.
    The name ends with a register's or a system's word, or is written in
    capitals after a label that is not.

    Examples:
        >>> name_in_heading("1. Rekisterin nimi Asiakasrekisteri")
        'Asiakasrekisteri'
        >>> name_in_heading("3. Rekisterin nimi KYLÄN KAUPUNGIN PALAUTEJÄRJESTELMÄ")
        'Kylän kaupungin palautejärjestelmä'
        >>> name_in_heading("2. Rekisterin nimi SALIVUOROT")
        >>> name_in_heading("Rekisterin nimi Bokningssystemet")
        'Bokningssystemet'
        >>> name_in_heading("3. Rekisterin nimi") is None
        True
        >>> name_in_heading("Rekisterin nimi on Kylän asiakasrekisteri")
        'Kylän asiakasrekisteri'
        >>> name_in_heading("1. Registrets namnNätbutikens kundregister")
        'Nätbutikens kundregister'
        >>> name_in_heading("Rekisterin nimi / Name of the register") is None
        True
    """
    found = _GLUED.match(flat(heading))
    if found is None:
        return None
    name = found.group("name").strip(" .:" + _QUOTES)
    label = flat(heading)[: found.start("name")]
    shouted = name.isupper() and not label.isupper() and len(name.split()) > 1
    if (
        # "Registrets namn är Kundregistret för webbutiken": the register and what it is for
        not (_REGISTER_END.search(name) or _SYSTEM_END.search(name) or shouted)
        and not _REGISTER_FOR.match(name)
    ) or (len(name.split()) > _NAME_WORDS or name.startswith("/") or recognise(name) is not None):
        return None  # "Rekisterin nimi / Name of the register": the heading in two languages
    return capitalise(unshouted_name(name) if name.isupper() else name)


#: A register-name heading, also one that names the register's content too ("Name and
#: content of the register", "Rekisterin nimi ja tietosisältö", "Registrets namn och innehåll").
_NAME_LABEL_LINE: Final = re.compile(
    r"(?i)^[ \t]*(?:[0-9]{1,2}[.)]?[ \t]*)?(?:(?:the[ \t]+)?(?:name|title)(?:[ \t]+and[ \t]+"
    r"(?:the[ \t]+)?contents?)?[ \t]+of[ \t]+the[ \t]+(?:register|registry)"
    r"|regist(?:er|ry)[ \t]+name"
    # "Rekisterin nimi ja keitä se koskee", "Rekisterit ja niissä käytettävät järjestelmät"
    r"|(?:henkilö)?rekisteri(?:n[ \t]+nimi|t)(?:[ \t]+ja[ \t]+[\w-]+(?:[ \t]+[\w-]+){0,4})?"
    r"|registrets[ \t]+(?:namn|benämning)(?:[ \t]+och[ \t]+(?:innehåll|ändamål))?"
    r"|namn(?:et)?[ \t]+på[ \t]+registret)[ \t]*:?[ \t]*$"
)
#: The words that end a register's name under its label ("Medlemsförteckning", "Jäsenluettelo");
#: a public body's "tietovaranto" (information resource) is one too ("Asiakastietovaranto").
_LISTING_END: Final = re.compile(
    r"(?i)(?:rekisteri|register|registret|registry|förteckning|luettelo|kortisto|database"
    r"|tietovaranto)$"
)


#: A name that opens with its register word and says whose or what for: "Kundregister för
#: vattenkunder", "Register över medlemmar", "Register of members".
_REGISTER_FOR: Final = re.compile(
    r"(?i)[\w-]*(?:rekisteri|register|registret|registry)[ \t]+(?:för|över|of|for|i)[ \t]+\w"
)


def name_after_label_line(text: str) -> tuple[str, int, int] | None:
    r"""The register's name on the line after a name heading the sections did not split off.

    A notice without blank lines runs its headings into one paragraph ("Name and
    Content of the Register" / "X Oy's customer register (“Customer Register”)."):
    the first such heading's next line, when it ends a name with the register
    word, is the name. Returns the name and the line's span.

    Examples:
        >>> name_after_label_line("Oun Oy\nName of the Register\nOun Oy's customer register.")
        ("Oun Oy's customer register", 28, 55)
        >>> name_after_label_line("Rekisterin nimi\nTiedot kerätään asiakkailta.\n") is None
        True
    """
    lines = text.split("\n")
    position = 0
    for index, line in enumerate(lines[:-1]):
        position += len(line) + 1
        if not _NAME_LABEL_LINE.match(line):
            continue
        start = position
        for following in lines[index + 1 :]:  # blank lines between the label and its value
            if following.strip():
                break
            start += len(following) + 1
        else:
            return None
        value = flat(following).strip(" .")
        register, slash, _system = value.partition(" / ")
        if slash and _LISTING_END.search(register.strip()):
            value = register.strip()  # "Potilasrekisteri / Hoitokone": the register, its system
        name, _ = split_section_name(re.split(r",[ \t]+(?=jo(?:ka|nka|ssa|hon)\b)", value)[0])
        name = name.strip(" ." + _QUOTES)
        if 0 < len(name.split()) <= _NAME_WORDS and (
            _LISTING_END.search(name) or _REGISTER_FOR.match(name)
        ):
            return capitalise(name), start, start + len(following)
        return None
    return None


#: A register's name on a line of its own: capitalised, a few words, no digit or sentence end.
_LONE_NAME: Final = re.compile(r"[A-ZÄÖÅ][\w:-]*(?:,?[ \t]+[\w:-]+){0,5}")
#: How many non-blank lines of a notice's start are read for a name on a line of its own.
_LONE_LINES: Final = 12


def lone_register_name(
    text: str, headings: tuple[tuple[int, int], ...] = ()
) -> tuple[str, int, int] | None:
    r"""A register's name standing alone on a line of the notice's start, or ``None``.

    A notice without headings ("X ry:n tietosuojaseloste" / date / contact
    lines / "Jäsen- ja kumppanirekisteri" / sentences): a line of a few
    capitalised words ending with a register's word, no heading the table
    knows, no line read as a heading (*headings*: their spans; "Content of
    the register") and no bare "Rekisteri". Returns the name and the line's span.

    Examples:
        >>> lone_register_name("Kylän Seura ry\nPuh. 040 123\nJäsen- ja kumppanirekisteri\nTiedot.")
        ('Jäsen- ja kumppanirekisteri', 28, 55)
        >>> lone_register_name("Tietosuojaseloste\nHenkilörekisteri\n") is None
        True
        >>> lone_register_name("BYNS SEGLARE RF:S DATASKYDDSBESKRIVNING FÖR MEDLEMSREGISTRET\n")[0]
        'Medlemsregistret'
    """
    position = 0
    seen = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        value = line.strip()
        if not value:
            continue
        seen += 1
        if seen > _LONE_LINES:
            return None
        if (
            _LONE_NAME.fullmatch(value)
            and _LISTING_END.search(value)
            and not _BARE_REGISTER.fullmatch(value)
            and not _WHOSE_REGISTERS.fullmatch(value)
            and recognise(value) is None
        ):
            begin = start + line.index(value)
            if any(s < begin + len(value) and e > begin for s, e in headings):
                continue
            if re.search(rf"(?i){_DOCUMENT}", value):
                # "X RF:S DATASKYDDSBESKRIVNING FÖR MEDLEMSREGISTRET": a title, read as one
                named = title_register_name(value)
                if named is None:
                    continue
                return named, begin, begin + len(value)
            return capitalise(value), begin, begin + len(value)
    return None


#: A register's word after a pronoun or a determiner names none: "Våra register", "Our
#: registers", "Muut rekisterit" (a heading over the registers a body keeps).
_WHOSE_REGISTERS: Final = re.compile(
    r"(?i)(?:våra|vårt|vår|andra|övriga|alla|our|other|all|these|the|meidän|muut|kaikki|nämä)"
    r"[ \t]+(?:rekisteri(?:t|mme)?|register|registren|registers|registry|registries)"
)
#: A register's word alone names no register.
_BARE_REGISTER: Final = re.compile(r"(?i)(?:henkilö)?(?:rekisteri|register|registret|registry)")


#: A name-heading's words before a name the rules took with them: "Rekisteri: X",
#: "Registrets namn X", "Rekisterin nimi – X", "Register name: X".
_LABEL_BEFORE: Final = re.compile(
    r"(?i)^(?:(?:henkilö)?rekisteri|register|registret|rekisterin[ \t]+nimi|registrets[ \t]+namn"
    r"|register[ \t]+name|name[ \t]+of[ \t]+the[ \t]+register)"
    r"(?:[ \t]*[:–—][ \t]*|[ \t]+-[ \t]+|[ \t]+)(?P<name>\S.*)$"
)


def without_name_label(name: str) -> str:
    """*name* without a name-heading's words before it, when the rest is a register's name.

    Examples:
        >>> without_name_label("Rekisteri: Asiakasrekisteri")
        'Asiakasrekisteri'
        >>> without_name_label("Registrets namn Kylans kundregister")
        'Kylans kundregister'
        >>> without_name_label("Register över medlemmar")
        'Register över medlemmar'
        >>> without_name_label("Rekisteri- ja asiakasrekisteri")
        'Rekisteri- ja asiakasrekisteri'
    """
    found = _LABEL_BEFORE.match(name.strip())
    if found is None:
        return name
    rest = found.group("name").strip()
    if _LISTING_END.search(rest) is None or len(rest.split()) > _NAME_WORDS or " / " in rest:
        return name
    return capitalise(rest)


#: A Swedish register's name ends with the Swedish register word.
_SWEDISH_END: Final = re.compile(r"(?i)(?:register|registret)$")


def two_lines(text: str, start: int) -> str:
    """*text* from *start* to the end of the second non-blank line there."""
    lines = 0
    position = start
    while position < len(text) and lines < _TITLE_LINES:
        end = text.find("\n", position)
        end = len(text) if end == -1 else end
        lines += bool(text[position:end].strip())
        position = end + 1
    return text[start:position]


#: A title in two languages has two lines.
_TITLE_LINES: Final = 2


def with_swedish_title(name: str, text: str) -> str:
    """*name* (a Finnish title's register) with the Swedish title's on the line under it.

    "Jäsenrekisterin tietosuojaseloste" / "Medlemsregistrets dataskyddsbeskrivning":
    a parallel title in two lines names the register in both languages.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or " / " in name or "rekister" not in name.casefold():
        return name
    if title_register_name(lines[0]) != name:
        return name  # the name is not the first line's alone
    other = title_register_name(lines[1])
    if other is None or "rekister" in other.casefold() or not _SWEDISH_END.search(other):
        return name
    return f"{name} / {other}"
