"""Who a passage names: kinds of people (data subjects) and processors.

Two questions the sections' headings do not always answer:

* Is an entry under a data heading a kind of people ("asiakkaat", "kunder",
  "job applicants": data subjects) or an item of data ("nimi", "adress",
  "e-mail": a data category)? And whose data does a sentence say the register
  holds ("Rekisteriin tallennetaan asiakkaiden tiedot", "tietoja jäsenistä")?
* Is a party under a recipients heading a processor, who handles the data on
  the controller's behalf ("käsittelee tietoja puolestamme",
  "personuppgiftsbiträde", "service provider"), or a recipient of its own
  (an authority by law, a buyer, a bank)?

The word lists cover the kinds these notices name; they are cues, not a
grammar, and the importer notes what it reads from them.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Final

#: People-kind nouns in Finnish: the stem shared by the plural's cases, and the
#: nominative plural. A compound keeps its first part ("työnhakijoiden" → "työnhakijat").
_FI_PEOPLE: Final = (
    ("asiakk", "asiakkaat"),
    ("jäsen", "jäsenet"),
    ("hakij", "hakijat"),
    ("työntekij", "työntekijät"),
    ("käyttäj", "käyttäjät"),
    ("lahjoittaj", "lahjoittajat"),
    ("tilaaj", "tilaajat"),
    ("osallistuj", "osallistujat"),
    ("huoltaj", "huoltajat"),
    ("opiskelij", "opiskelijat"),
    ("oppila", "oppilaat"),
    ("potila", "potilaat"),
    ("asukk", "asukkaat"),
    ("osakk", "osakkaat"),
    ("vapaaehtois", "vapaaehtoiset"),
    ("vuokralais", "vuokralaiset"),
    ("kävij", "kävijät"),
    ("vierailij", "vierailijat"),
    ("henkilö", "henkilöt"),
    ("vanhemp", "vanhemmat"),
    ("kumppan", "kumppanit"),
    ("edustaj", "edustajat"),
    ("päättäj", "päättäjät"),
    ("urheilij", "urheilijat"),
    ("pelaaj", "pelaajat"),
    ("valmentaj", "valmentajat"),
    ("harrastaj", "harrastajat"),
    ("kuluttaj", "kuluttajat"),
    ("toimittaj", "toimittajat"),
    ("sidosryhm", "sidosryhmät"),
    ("yhteistyökumppan", "yhteistyökumppanit"),
    ("stipendiaat", "stipendiaatit"),
    ("apurahansaaj", "apurahansaajat"),
    ("saaj", "saajat"),
    ("vastaanottaj", "vastaanottajat"),
    ("luottamushenkilö", "luottamushenkilöt"),
    ("oppija", "oppijat"),
    ("lapse", "lapset"),
)
#: The plural's case endings after a stem above (with a possessive suffix: "asiakkaidemme").
_FI_PLURAL_END: Final = (
    r"(?:(?:aat|äät|at|ät|et|it|t|aiden|ojen|iden|oiden|öiden|ien|ten|jen|aita|ita|oita|öitä|itä"
    r"|aista|ista|oista|öistä|istä|ine|ide|aide|oide|öide|mat|mien|mista)(?:mme|nne|nsa|nsä)?"
    # a possessive on the plural: "yhteyshenkilönsä", "asiakkaamme"
    r"|(?:aa|ää|a|ä)?(?:mme|nne|nsa|nsä))"
)
#: Swedish and English people-kind nouns (plural, and the singular of a list's item).
_OTHER_PEOPLE: Final = (
    r"kund(?:er(?:na)?)?|medlem(?:mar(?:na)?)?|anställda|arbetstagare|personal(?:en)?"
    r"|(?:arbets)?sökande|elev(?:er(?:na)?)?|studerande|studenter|vårdnadshavare|föräldrar"
    r"|patient(?:er(?:na)?)?|givare|donatorer|frivilliga|deltagare|besökare|prenumeranter"
    r"|invånare|delägare|hyresgäster|kontaktpersoner(?:na)?|användare(?:na)?|leverantörer"
    r"|förtroendevalda|spelare|tränare|stipendiater|sökanden"
    r"|customers?|clients?|members?|employees?|staff|(?:job )?applicants?|students?|pupils?"
    r"|guardians?|parents?|patients?|donors?|volunteers?|participants?|visitors?"
    r"|subscribers?|residents?|shareholders?|tenants?|contact persons?|users?|suppliers?"
    r"|partners?|players?|coaches|athletes|grant holders|recipients of grants"
)
_FI_STEMS: Final = "|".join(stem for stem, _ in sorted(_FI_PEOPLE, key=lambda p: -len(p[0])))
#: A people-kind word: a Finnish plural in any case, or a Swedish or English noun.
_PEOPLE_WORD: Final = re.compile(
    rf"(?i)\b(?P<pre>[\wåäö-]*?)(?P<stem>{_FI_STEMS}){_FI_PLURAL_END}\b"
    rf"|\b(?P<other>{_OTHER_PEOPLE})\b"
)
#: The nominative plurals, by stem.
_NOMINATIVE: Final = dict(_FI_PEOPLE)
#: A word for an item of data: a list entry that ends in one is a data category
#: ("asiakkaiden yhteystiedot", "jäsenen nimi", "kundens adress", "user name").
_DATA_WORD: Final = re.compile(
    r"(?i)(?:tiedot|tieto|tietoja|nimi|osoite|numero|puhelin|sähköposti|syntymäaika|tunnus"
    r"|henkilötunnus|kuva|ikä|sukupuoli|historia|kieli|ammatti|asema|koulutus|tili"
    r"|uppgifter|uppgift|namn|adress|nummer|e-post|data|information|details|name|address"
    r"|number|e-?mail|id|history|records?)(?:nsa|nsä|mme|nne)?\b"
)


#: A word for one concrete item of personal data, in lower-case text ("asiakkaan nimi ja
#: osoite", "the guest's name", "IP address"): more than the general words for data.
DATA_ITEM: Final = re.compile(
    r"\bnimi|osoit|puhelin|sähköpost|syntymä|henkilötunn|\bnamn|adress|telefon|e-post"
    r"|\bname|address|phone|e-?mail"
)
#: A Swedish or English preposition after the people it qualifies.
_PREPOSITION: Final = re.compile(r"(?i)\s(?:i|på|av|till|för|vid|från|of|in|at|for|to|from)\s")


def is_data_item(item: str) -> bool:
    """Whether a list entry names an item of data ("Nimi", "Kundens adress", "E-mail")."""
    return _DATA_WORD.search(item) is not None


#: "Asiakkaat" and "kunder" alone; a people word may have modifiers before it and a
#: clause after it ("Yrityksen asiakkaat, jotka …", "verkkokaupan käyttäjät").
_MAX_PEOPLE_WORDS: Final = 8


def people_kind(item: str) -> bool:
    """Whether a list entry names a kind of people, not an item of data.

    Examples:
        >>> people_kind("Asiakkaat"), people_kind("Yrityksen asiakkaat ja yhteyshenkilöt")
        (True, True)
        >>> people_kind("Asiakkaan nimi"), people_kind("Jäsenten yhteystiedot")
        (False, False)
        >>> people_kind("Kunder"), people_kind("Job applicants"), people_kind("Customer name")
        (True, True, False)
        >>> people_kind("Deltagare i lägren"), people_kind("Users of the app")
        (True, True)
    """
    return _people_head(_head(item))


#: Where an entry's head ends: a comma, a bracket, a spaced dash, a colon.
_HEAD_END: Final = re.compile(r",|\(|\s[-–—]\s|:")


def _head(item: str) -> str:
    """An entry's head: its words before a comma, a bracket, a spaced dash or a colon.

    The head has none of them: its own head is itself.
    """
    return _HEAD_END.split(item, maxsplit=1)[0].strip(" .;")


def _people_head(head: str) -> bool:
    """:func:`people_kind` of an entry's head (:func:`_head`)."""
    # "deltagare i lägren", "users of the app": the people before a preposition
    head = _PREPOSITION.split(head, maxsplit=1)[0]
    words = head.split()
    if not words or len(words) > _MAX_PEOPLE_WORDS or _DATA_WORD.search(head):
        return False
    last = words[-1]
    found = _people_word(last)
    if found is None:
        return False
    if found.group("stem") is not None:
        # the nominative plural ends in -t: "asiakkaat", "jäsenet" (not "asiakkaan"),
        # or has a possessive ("yhteyshenkilönsä")
        return last.casefold().endswith(("t", "nsa", "nsä", "mme", "nne"))
    return True


#: A word of these characters only is read quickly: in it, matching regardless of case
#: (``(?i)``) is comparing its lower-case form (no "ı", "ſ" or other letter that the
#: pattern's case-insensitive matching treats apart).
_PLAIN_WORD: Final = re.compile(r"[0-9A-Za-z_åäöÅÄÖ-]*")
#: A plain word holds a people word's stem, or opens with a Swedish or English people
#: word, in lower case: without either, :data:`_PEOPLE_WORD` cannot match it.
_HOLDS_STEM: Final = re.compile("|".join(stem for stem, _ in _FI_PEOPLE))
_OTHER_OPENS: Final = re.compile(_OTHER_PEOPLE)


def _people_word(word: str) -> re.Match[str] | None:
    """``_PEOPLE_WORD.fullmatch(word)``, refused at once for a plain word without a people word.

    Most words are items of data ("sähköpostiosoite"): trying each of the stems
    at each of the word's characters cost several microseconds a word.
    """
    if _PLAIN_WORD.fullmatch(word) is not None:
        low = word.lower()
        if _HOLDS_STEM.search(low) is None and _OTHER_OPENS.match(low) is None:
            return None
    return _PEOPLE_WORD.fullmatch(word)


#: A Finnish people noun in the singular nominative, as a list's entry ("Asiakas", "Jäsen").
_FI_SINGULARS: Final = (
    "asiakas", "jäsen", "hakija", "työntekijä", "käyttäjä", "lahjoittaja", "tilaaja",
    "osallistuja", "huoltaja", "opiskelija", "oppilas", "potilas", "asukas", "osakas",
    "vapaaehtoinen", "vuokralainen", "kävijä", "vierailija", "henkilö", "kumppani",
    "edustaja", "pelaaja", "valmentaja", "kuluttaja",
)  # fmt: skip
_FI_SINGULAR: Final = re.compile(rf"(?i)[\wåäö-]*(?:{'|'.join(_FI_SINGULARS)})")


def _singular(word: str) -> bool:
    """``_FI_SINGULAR.fullmatch(word)``; a plain word is read by its lower-case ending."""
    if _PLAIN_WORD.fullmatch(word) is not None:  # each character a word's (\w, "-")
        return word.lower().endswith(_FI_SINGULARS)
    return _FI_SINGULAR.fullmatch(word) is not None


def person_entry(item: str) -> bool:
    """Whether a short entry names a kind of people, in the plural or the singular."""
    head = _head(item)
    if _people_head(head):  # people_kind(head): the head of a head is itself
        return True
    words = head.split()
    return 0 < len(words) <= 2 and _singular(words[-1]) and not (_DATA_WORD.search(head))


#: Whose data: people in the genitive plural before "tiedot"/"tietoja"
#: ("asiakkaiden tiedot", "jäsentemme tietoja"), or in the elative plural after
#: "tietoja" ("tietoja yhdistyksen jäsenistä ja lahjoittajista").
#: A modifier in the genitive before a people word ("yhdistyksen jäsenet"), no passive verb.
#: (the verb "on" ends in "n" too: "Rekisterissä on asiakkaiden tietoja" names "Asiakkaat")
_GENITIVE_WORD: Final = r"(?:(?![\wåäö-]*(?:aan|ään)\s|on\s)[\wåäö-]+n\s+)?"
_GENITIVE_WHOSE: Final = re.compile(
    rf"(?i)\b(?P<who>(?:{_GENITIVE_WORD}[\wåäö-]*?(?:{_FI_STEMS})"
    r"(?:aiden|ojen|iden|oiden|öiden|ien|ten|jen|aide|ide|oide|öide|te)(?:mme|nne|nsa|nsä)?"
    r"(?:,\s+|\s+(?:ja|sekä|tai)\s+))*"
    rf"{_GENITIVE_WORD}[\wåäö-]*?(?:{_FI_STEMS})"
    r"(?:aiden|ojen|iden|oiden|öiden|ien|ten|jen|aide|ide|oide|öide|te)(?:mme|nne|nsa|nsä)?)"
    r"\s+(?:henkilö)?tie(?:dot|toja|tojen)\b"
)
_ELATIVE_WHOSE: Final = re.compile(
    r"(?i)\b(?:henkilö)?tietoja\s+(?:\w+\s+){0,2}?"
    rf"\b(?P<who>(?:{_GENITIVE_WORD}[\wåäö-]*?(?:{_FI_STEMS})"
    r"(?:aista|ista|oista|öistä|istä|mista)(?:mme|nne|nsa|nsä)?"
    r"(?:,\s+|\s+(?:ja|sekä|tai)\s+))*"
    rf"{_GENITIVE_WORD}[\wåäö-]*?(?:{_FI_STEMS})"
    r"(?:aista|ista|oista|öistä|istä|mista)(?:mme|nne|nsa|nsä)?)\b"
)
_FOLLOWING: Final = re.compile(r"(?i)\bseuraav\w*\s")
#: People in the elative before the data: "Jäsenistä tallennetaan seuraavat tiedot".
_ELATIVE_FIRST: Final = re.compile(
    rf"(?i)^\W*(?P<who>{_GENITIVE_WORD}[\wåäö-]*?(?:{_FI_STEMS})"
    r"(?:aista|ista|oista|öistä|istä|mista))\s+(?:\w+\s+){0,3}?(?:henkilö)?tie(?:dot|toja)\b"
)
_JOIN: Final = re.compile(r"(?i),\s+|\s+(?:ja|sekä|tai)\s+")
_STEM_IN: Final = re.compile(rf"(?i)^(?P<pre>[\wåäö-]*?)(?P<stem>{_FI_STEMS})")


_DATA_NOUN: Final = re.compile(r"(?i)\b(?:henkilö)?tie(?:dot|toja|tojen)\b")
#: How far from "tiedot"/"tietoja" the people may stand (a list of genitives before it).
_WINDOW: Final = 240
#: How many "tiedot"/"tietoja" of a sentence are tried (a sentence repeating the word
#: hundreds of times would cost a window's search each).
_NOUNS: Final = 4


def _whose_match(sentence: str) -> re.Match[str] | None:
    """The people before "tiedot" or after "tietoja", searched near that word only."""
    for noun in islice(_DATA_NOUN.finditer(sentence), _NOUNS):
        before = sentence[max(0, noun.start() - _WINDOW) : noun.end()]
        found = _GENITIVE_WHOSE.search(before)
        if found is None:
            found = _ELATIVE_WHOSE.match(sentence, noun.start(), noun.end() + _WINDOW)
        if found is not None:
            return found
    return None


def whose_data(sentence: str) -> list[str] | None:
    """The kinds of people whose data a Finnish sentence says the register holds.

    Examples:
        >>> whose_data("Rekisteriin tallennetaan asiakkaiden tiedot:")
        ['Asiakkaat']
        >>> whose_data("Rekisterissä on tietoja yhdistyksen jäsenistä ja lahjoittajista.")
        ['Yhdistyksen jäsenet', 'Lahjoittajat']
        >>> whose_data("Asiakkaan nimi ja osoite.") is None
        True
    """
    low = sentence.casefold()
    found = _whose_match(sentence) if "tie" in low else None
    if found is None and "tie" in low:
        found = _ELATIVE_FIRST.match(sentence)
    if found is None:
        return about_whom(sentence) if _ABOUT_WORD.search(low) else None
    if _FOLLOWING.search(found.string, found.start(), found.end("who")):
        return []  # "tietoja seuraavista henkilöistä:": the list below says whom
    names = [_nominative(part) for part in _JOIN.split(found.group("who")) if part.strip()]
    return [name for name in names if name] or None


#: Whose data in Swedish or English: "uppgifter om kunder och medlemmar", "data on our
#: customers, members and job applicants".
_ABOUT_WHOM: Final = re.compile(
    r"(?i)\b(?:person)?(?:uppgifter|data|information|details)\s+(?:om|on|about|of)\s+"
    r"(?P<who>[^:.;()]{3,160})"
)
_ABOUT_WORD: Final = re.compile(r"uppgift|data|information|details")
_SPLIT_OTHER: Final = re.compile(
    r"(?i),\s*(?:(?:and|och|samt|or|eller)\s+)?|\s+(?:and|och|samt|or|eller)\s+"
)
_DETERMINER: Final = re.compile(r"(?i)^(?:our|the|all|våra|vår|alla|its|their)\s+")
#: A Finnish people word in the genitive or elative plural at the end of an entry.
_OBLIQUE_END: Final = re.compile(
    rf"(?i)(?:{_FI_STEMS})(?:aiden|ojen|iden|oiden|öiden|ien|ten|jen|aista|ista|oista|öistä|istä"
    r"|mista)(?:mme|nne|nsa|nsä)?$"
)


def about_whom(sentence: str) -> list[str] | None:
    """The kinds of people a Swedish or English sentence says data are about.

    Examples:
        >>> about_whom("We process data on customers, members and job applicants: name.")
        ['Customers', 'Members', 'Job applicants']
        >>> about_whom("Vi behandlar uppgifter om våra kunder och medlemmar.")
        ['Kunder', 'Medlemmar']
    """
    found = _ABOUT_WHOM.search(sentence)
    if found is None:
        return None
    parts = [_DETERMINER.sub("", part.strip()) for part in _SPLIT_OTHER.split(found.group("who"))]
    names = [part[:1].upper() + part[1:] for part in parts if part and people_kind(part)]
    return names if names and len(names) == len([p for p in parts if p]) else None


def people_named(item: str) -> str:
    """An entry naming people, in the nominative: "Työnhakijoiden" → "Työnhakijat".

    An entry not in the genitive or elative plural is returned as it is.
    """
    stripped = item.strip(" .;,")
    if _OBLIQUE_END.search(stripped):
        return _nominative(stripped) or item
    return item


def people_list(text: str) -> list[str] | None:
    """A list of people all in the genitive or elative plural, in the nominative.

    Examples:
        >>> people_list("Asiakkaiden, jäsenten ja työnhakijoiden")
        ['Asiakkaat', 'Jäsenet', 'Työnhakijat']
        >>> people_list("Asiakkaat ja jäsenet") is None
        True
    """
    parts = [part.strip(" .;") for part in _JOIN.split(text) if part.strip(" .;")]
    if not parts or not all(_OBLIQUE_END.search(part) for part in parts):
        return None
    names = [_nominative(part) for part in parts]
    return [name for name in names if name] or None


def _nominative(phrase: str) -> str | None:
    """The nominative plural of a phrase: "yhdistyksen jäsenistä" → "Yhdistyksen jäsenet"."""
    words = phrase.split()
    if not words:
        return None
    found = _STEM_IN.match(words[-1])
    if found is None:
        return None
    stem = found.group("stem").casefold()
    plural = _NOMINATIVE.get(stem)
    if plural is None:  # "työnhakij" matched as "hakij" with a prefix
        return None
    words[-1] = found.group("pre") + plural
    text = " ".join(words)
    return text[:1].upper() + text[1:]


# ------------------------------------------------------------------ processors

#: A party that handles the data on the controller's behalf, said outright.
_PROCESSOR_STRONG: Final = re.compile(
    r"(?i)puolestamme|puolestaan|\b\w+n puolesta\b|\b(?:meidän|\w+n) lukuun\b(?! ottamatta)"
    r"|\blukuumme\b"
    r"|toimeksian\w*"
    r"|ulkoist(?:aa|amme|ettu|etut|etaan|ettava|amalla|aminen|anut|aneet)\b"
    r"|henkilötietojen käsittelij\w*|käsittelijä(?:nä|t|ksi|mme)\b"
    r"|käsittelijö(?:inä|itä|iden|ihin)\b"
    r"|alihankkij\w*|käsittelysopimu\w*|tietojenkäsittelysopimu\w*"
    r"|personuppgiftsbiträd\w*|\bbiträd\w*|underleverantör\w*|för (?:vår|vår\w*|\b\w+s) räkning"
    r"|på (?:vårt|vårat) uppdrag|på uppdrag av|biträdesavtal\w*"
    r"|on (?:our|its|the controller[’']s) behalf\b|on behalf of\b|\b(?:data )?processors?\b"
    r"|sub-?processors?|subcontractors?|processing agreement"
)
#: A word that may name a processor, but also a recipient: a service provider,
#: a system supplier, a hosting firm.
_PROCESSOR_WORD: Final = re.compile(
    r"(?i)palveluntarjoaj\w*|palveluntuottaj\w*|järjestelmätoimittaj\w*|ohjelmistotoimittaj\w*"
    r"|palvelintila\w*|pilvipalvelu\w*|palkanlaskent\w*|tjänsteleverantör\w*|systemleverantör\w*"
    r"|leverantör\w* av (?:\w+ )?tjänst"
    r"|service providers?|hosting|it (?:service|system) suppliers?"
)
#: A firm said to provide, run or maintain the service or system the data are kept in:
#: "alustan tarjoaa X Oy", "X Oy:n ylläpitämässä palvelussa", "jonka ylläpitäjä on X Oy",
#: "tillhandahålls av X Ab", "sköts av X Ab", "hosted by X Ltd" (a processor, with a firm).
_PROCESSOR_SERVICE: Final = re.compile(
    r"(?i)\b(?:tarjoa(?:a|vat|ma|man|maa|massa|malla)|ylläpitä(?:ä|vät|mä|män|mää|mässä|mällä"
    r"|jä|jänä)|tuottama(?:n|a|ssa|lla)?"
    r"|tillhandahåll(?:s|er)|upprätthåll(?:s|er)|underhåll(?:s|er)"
    r"|(?:drivs|sköts|driftas|levereras|underhålls|hostas) av"
    r"|provided by|hosted by|maintained by|operated by"
    r"|jonka toimittaa|toimittama(?:n|a|ssa|lla)?)\b"
    # a firm's service named in the genitive: Finnish "Oy:n palvelulla", "Oy:n
    # pilvipalvelua", "Oy:n palvelimilla", Swedish "Ab:s system", English "Ltd's platform"
    r"|\b(?:oyj|oy|ab|ltd|inc|ky)(?::n|:s|['’]s)[ \t]+(?:\w+[ \t]+)?\w*"
    r"(?:palvelu|palvelim|järjestelmä|alusta|tjänst|server|system|plattform|service|platform)\w*"
    # the firm that runs or builds the service or does the book-keeping: "Palvelun
    # tuottaa X Oy", "teknisestä ylläpidosta vastaa X Oy", "Kirjanpidon hoitaa X Oy"
    r"|\b(?:palvelun|järjestelmän|sovelluksen|verkkopalvelun|rekisterin)\s+(?:\w+\s+)?"
    r"(?:tuottaa|toteuttaa|ylläpitää|toimittaa)\b"
    r"|\b(?:ylläpidosta|toteutuksesta|tuottamisesta|hostauksesta|kehityksestä)\s+vastaa\b"
    r"|\b(?:kirjanpidon|palkanlaskennan|laskutuksen|tilitoimistopalvelut|perinnän)\s+"
    r"(?:\w+\s+)?(?:hoitaa|hoitavat|tekee|suorittaa)\b"
)
#: A recipient of its own: an authority acting by law, a buyer, a bank, an insurer,
#: a party that decides for itself (debt collection on our behalf is a processor).
_OWN_RECIPIENT: Final = re.compile(
    r"(?i)viranomai\w*|verohallin\w*|poliisi\w*|ulosotto\w*"
    r"|lain(?:säädännön)? (?:nojalla|perusteella|mukaa\w*|edellyttämä\w*)"
    r"|lakisääteis\w*|pankk\w*|vakuutusyhtiö\w*|ostaja\w*"
    r"|myndighet\w*|skatteverket|polisen|enligt lag|lagstadga\w*|\bbank\w*|försäkringsbolag\w*"
    r"|köpare\w*|authorit\w*|by law|required by law|legal obligation|insurer\w*"
    r"|buyer\w*|omaan lukuunsa|egen räkning|own behalf"
    r"|itsenäisinä rekisterinpitäjinä"
    r"|independent controllers?|självständiga personuppgiftsansvariga"
)
#: A list's lead-in that names processors: "Käytämme seuraavia palveluntarjoajia:".
PROCESSOR_LEAD: Final = re.compile(
    r"(?i)(?:käsittelijöinä|käsittelijöitä|alihankkij\w*|palveluntarjoaj\w*|palveluntuottaj\w*"
    r"|järjestelmätoimittaj\w*|puolestamme|personuppgiftsbiträden|biträden|underleverantörer"
    r"|tjänsteleverantörer|processors|service providers|subcontractors|on our behalf)"
    r"[^:]{0,80}:$"
)


#: Any word that says a party may be a processor (for a denial: "Emme käytä alihankkijoita").
#: A party said outright to handle the data for another: "puolestamme", "on our behalf".
PROCESSOR_SAID: Final = _PROCESSOR_STRONG
PROCESSOR_CUE: Final = re.compile(f"{_PROCESSOR_STRONG.pattern}|{_PROCESSOR_WORD.pattern[4:]}")


def processor_evidence(low: str) -> str | None:
    """How a sentence or entry under a recipients heading says it names a processor.

    ``"strong"`` when it says the party acts on the controller's behalf (or
    calls it a processor, subcontractor, biträde), ``"word"`` when only a word
    such as "palveluntarjoaja" or "service provider" says so, ``None`` when it
    names a recipient of its own (an authority by law, a bank, a buyer) or
    nothing of the kind.

    Examples:
        >>> processor_evidence("tietoja käsittelee puolestamme pilvi oy.")
        'strong'
        >>> processor_evidence("palvelintilan tarjoaa pilvi oy")
        'word'
        >>> processor_evidence("verkkokaupan alustan tarjoaa kauppa oy.")
        'word'
        >>> processor_evidence("tietoja luovutetaan viranomaisille lain nojalla.") is None
        True
    """
    if _OWN_RECIPIENT.search(low):
        return None
    if _PROCESSOR_STRONG.search(low):
        return "strong"
    if _PROCESSOR_WORD.search(low) or _PROCESSOR_SERVICE.search(low):
        return "word"
    return None
