"""Sections → fields of a draft register, keeping the offsets of what was used.

The :class:`Extractor` walks the sections that :mod:`._structure` found. A
section's text goes to the field its heading names: the contact sections to
the contact-block reader (:mod:`._controller`), the register's name, the
rights, and every other section sentence by sentence and list item by list
item (:mod:`._lists`). A sentence goes to another field only on strong
evidence (a cue of :mod:`._cues`), and the draft then says so with a note.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from rekisteri.importer._agree import field_name
from rekisteri.importer._builder import Builder, Remark
from rekisteri.importer._contact import DOTTED_FORM
from rekisteri.importer._content import cookies_said, data_fields_said, field_opened
from rekisteri.importer._controller import (
    STATED_CONTROLLER,
    ContactReader,
    adopt_orphan_blocks,
    states_controller,
    unshouted,
)
from rekisteri.importer._cookies import read_cookies
from rekisteri.importer._cues import (
    ABOUT_NOTICE,
    CATALOG_CUES,
    COMPANY,
    CONTENT_CUE,
    CONTROLLER_CUE,
    CROSS_CUED,
    DATA_SUBJECT,
    DEMONSTRATIVE,
    DISCLOSURE,
    EXCEPTION,
    FREE_SECTIONS,
    GIVEN_TO_CONTROLLER,
    HEADING_AND,
    LEGAL_BASIS_CUE,
    LINE_SECTIONS,
    NEGATIVE,
    NO_COOKIES,
    NOMINATIVE,
    NOT_DISCLOSURE,
    ONLY_OWN_USE,
    ORGANISATION,
    PERSON_WORDS,
    RETENTION,
    RIGHT_CUES,
    RIGHTS_CUE,
    RIGHTS_SECTIONS,
    SECURITY_CUE,
    SECURITY_SECTIONS,
    SOURCE,
    STRONG_DISCLOSURE,
    STRONG_RETENTION,
    STRONG_SOURCE,
    THIRD_COUNTRY,
    TRANSFER_WHERE,
    USED_FOR_FI,
    USED_FOR_SV_EN,
    YTUNNUS,
    as_sentence,
    bare_no,
    category_name,
    flat,
    is_negative,
    is_transfer,
    meaningful,
    no_automated,
    owned_register_name,
    purpose_name_of,
    recipient_name,
    security_kind,
    short_name,
    updated_anywhere,
    updated_in,
)
from rekisteri.importer._fallback import fallback_email, implied_controller
from rekisteri.importer._finnish import (
    based_purpose,
    capitalise,
    illative_item,
    listed_purposes,
    noun_phrase,
    processed_for,
    purposes_in,
    sentences,
    varten_purposes,
)
from rekisteri.importer._headings import (
    SectionKind,
    guess,
    names_kind,
    other_matters,
    second_kind,
    sub_label,
)
from rekisteri.importer._lists import item_run, split_items
from rekisteri.importer._name_ranker import ranked_name
from rekisteri.importer._negation import (
    KEEPING_VERBS,
    affirmed,
    contrast_names_party,
    denies,
    granted,
    negated,
    only_use,
)
from rekisteri.importer._people import (
    DATA_ITEM,
    PROCESSOR_CUE,
    PROCESSOR_LEAD,
    is_data_item,
    people_kind,
    people_list,
    people_named,
    person_entry,
    processor_evidence,
    whose_data,
)
from rekisteri.importer._register_name import (
    continues_name,
    name_in_heading,
    split_section_name,
    stated_register_name,
    system_line,
    title_register_name,
    two_lines,
    unshouted_name,
    with_swedish_title,
    without_name_label,
)
from rekisteri.importer._structure import Piece, Section, heading_text
from rekisteri.model import LocalizedText, NoneStated, Source, TransferMechanism
from rekisteri.sources import CATALOG

#: "X, eli Y, jäljempänä ”Z”", "X (jäljempänä …)", "X, nedan …", "X (hereinafter …)": the name X
#: at the start of a line.
#: A heading that is no terse value of the one above: numbered, or a question.
_EMPTY_PAIR_SHAPE: Final = re.compile(r"^\W*\d|\?\s*$")
_HEREINAFTER: Final = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-ZÄÖÅ][^\n,()]{2,80}?)[ \t]*"
    r"(?:,[ \t]*(?:eli|alias|or)[ \t]+[^,\n]{1,60})?"
    r"(?:,[ \t]*|[ \t]*\([ \t]*)(?:jäljempänä|jatkossa|nedan|hereinafter)\b"
)
#: A sentence that opens with the register: genitives, then a word ending in "rekisteri"
#: in any case ("Fysioterapian asiakasrekisteriä käytetään …").
_SENTENCE_REGISTER: Final = re.compile(
    r"(?P<phrase>(?:[\w-]+n[ \t]+){0,3}[\w-]*rekister)(?:iä|issä|istä|iin|ille)\b",
    re.IGNORECASE,
)
_SENTENCE_TAIL_WORDS: Final = 2
_Y_TUNNUS_WORD: Final = re.compile(r"y-?tunnus|fo-nummer|business id")
#: A relative clause after a data item's name ("Nimi, jotka …", "…, joista …"): the name ends there.
_RELATIVE: Final = re.compile(r",?\s+jotka\s+|,\s+joi")


def _before_relative(name: str) -> str:
    """*name* up to its relative clause (:data:`_RELATIVE`: "…, joita", "… jotka …")."""
    if "jotka" not in name and "joi" not in name:
        return name  # neither word (most entries): no search
    return _RELATIVE.split(name, maxsplit=1)[0]


#: A Swedish register's name: it ends with the Swedish register word.
_SWEDISH_TITLE_NAME: Final = re.compile(r"(?i)(?:register|registret)$")
_SWEDISH_NAME: Final = re.compile(r"(?i)\b(?:för|och|över)\b|register(?:et)?$")


#: A table's cell that only answers yes or no.
_YES_NO: Final = re.compile(r"(?i)(?:kyllä|ei|yes|no|ja|nej)\.?")


@attrs.frozen
class Unit:
    """A sentence (or list item) on its way to a field."""

    field: str
    kind: SectionKind | None
    sentence: str
    start: int
    end: int
    section: Section | None = None
    lead_in: bool = False
    new_rule: bool = True
    continued: bool = False

    @property
    def low(self) -> str:
        return self.sentence.casefold()

    @property
    def leads(self) -> bool:
        """Whether this sentence leads in to the list after it, and so is no entry.

        It ends in a colon (or a semicolon), or without one it says "the following"
        near its end ("Käsittelemme seuraavia henkilötietoja", "Registret innehåller
        följande uppgifter", "We process the following personal data about you").
        """
        return self.lead_in and (
            self.sentence.rstrip().endswith((":", ";"))
            or _FOLLOWING_AT_END.search(self.sentence) is not None
        )


#: "the following …" near a line's end: a lead-in that has lost its colon.
_FOLLOWING_AT_END: Final = re.compile(
    r"(?i)\b(?:seuraav\w*|följande|following)(?:\s+[\w-]+){0,4}\W*$"
)


def _named_services(sentence: str, named: list[re.Match[str]]) -> list[tuple[str, str | None]]:
    """Each firm a sentence names with its service, ``None`` when it says none of its own.

    Lines run together ("X Ab – program Y Ab – fakturering"): each name's
    service is the text up to the next name. A sentence that does not start
    with a name ("Käytämme X Oy:n palvelimia") is its one firm's service; when it
    names several ("Käytämme seuraavia käsittelijöitä: X Oy, Y Oy ja Z Oy") its
    words are said of them all, and a firm's service is only what a bracket right
    after its name holds ("X Oy (palvelimet)"). A service never names another
    firm (a paragraph of N firms would otherwise be written N times).
    """
    opens_with_words = named[0].start() > 0
    if opens_with_words and len(named) == 1:
        return [(named[0].group(1), sentence)]
    pairs: list[tuple[str, str | None]] = []
    for match, after in zip(named, [*named[1:], None], strict=True):
        tail = sentence[match.end() : after.start() if after else len(sentence)]
        if opens_with_words:
            bracket = _BRACKET_AFTER.match(tail)
            service = bracket.group(1).strip() if bracket else ""
        else:
            service = _service_of(tail)
        pairs.append((match.group(1), service or (sentence if len(named) == 1 else None)))
    return pairs


def _says_more(sentence: str, named: list[re.Match[str]], firms: list[str]) -> bool:
    """Whether *sentence* says more than its *firms* and the words joining them.

    Each firm is the end of its match in *named* (a role word or verb before it cut).
    """
    ends = [0, *(m.end() for m in named)]
    starts = [*(m.end() - len(firm) for m, firm in zip(named, firms, strict=True)), len(sentence)]
    rest = " ".join(sentence[end:start] for end, start in zip(ends, starts, strict=True))
    return any(char.isalnum() for char in _NAMES_JOINED.sub(" ", rest))


#: What joins firms in a list ("X Oy, Y Oy ja Z Oy"): commas, "and", a case ending.
_NAMES_JOINED: Final = re.compile(
    r"(?i)(?::[^\W\d_]{1,4}\b|\b(?:ja|sekä|tai|och|samt|eller|and|or)\b|\W)+"
)
#: A bracket right after a firm's name: what it says of that firm ("X Oy (palvelimet)").
_BRACKET_AFTER: Final = re.compile(r"[ \t]*\(([^()]*)\)")
#: A case ending on the legal form ("X Oy:n palvelimet"): no part of the service.
_CASE_ENDING: Final = re.compile(r"^:[^\W\d_]{1,4}\b")
#: A word that joins the next firm ("X Oy (kirjanpito) ja Y Oy"): no part of the service.
_JOINING_WORD: Final = re.compile(r"(?i)(?:^|[\s,]+)(?:ja|sekä|tai|och|samt|eller|and|or)$")


def _service_of(tail: str) -> str:
    """The service after a processor's name, its brackets kept unless they hold it all.

    "(palvelintila)" gives "palvelintila"; ", personuppgiftsbiträde (server)"
    keeps "(server)"; "(kirjanpito) ja" before the next name gives "kirjanpito".
    """
    service = _CASE_ENDING.sub("", tail).strip(" \t–—-:,;.")
    service = _JOINING_WORD.sub("", service).strip(" \t–—-:,;.")
    if service.startswith("(") and service.endswith(")") and service.count("(") == 1:
        return service[1:-1].strip()
    if service.count("(") != service.count(")"):
        return service.strip("()").strip()
    return service


#: The lists whose items are entries named by their words (a denial there is none).
_ENTRY_LISTS: Final = frozenset(
    {SectionKind.PURPOSES, SectionKind.CONTENT, SectionKind.SUBJECTS, SectionKind.SOURCES}
)
#: A "no" that ends an item is a table's or form's value ("Puhelinnumero<TAB>ei"), no denial.
_NO_AT_END: Final = re.compile(r"\b(?:ei|nej|no|inte)\W*$")
#: What makes a negated list item a denial of the entry: it opens with the negation ("- ei
#: markkinointiin") or negates a verb of using, keeping or getting ("- tietoja ei käytetä …",
#: "- henkilötunnusta ei tallenneta", "- tietoja ei osteta muualta"). "- valokuva ei ole
#: pakollinen", "- markkinointi ei koske alaikäisiä" name an entry and say how it is held.
_LIST_DENIAL: Final = re.compile(
    r"^\W*(?:ei|inte|ej|not|no|ingen|inget)\b"
    rf"|\b(?:{KEEPING_VERBS}|käyt|saad|saa\b|ost[ae]|använd|köp|inhämt|use|obtain|buy)"
)
#: A paragraph over a list with a full stop and at most this many words is an entry.
_ENTRY_WORDS: Final = 3
#: A heading's second field that a sentence is not moved to: a contact, the data in
#: general (the data words are everywhere), the notice's title.
_NO_SECOND: Final = frozenset(
    {
        SectionKind.CONTROLLER,
        SectionKind.CONTACT,
        SectionKind.DPO,
        SectionKind.CONTENT,
        SectionKind.SUBJECTS,
        SectionKind.TITLE,
        SectionKind.NAME,
    }
)
#: A processor's line has at most this many words: "Pilvipalvelu Oy (palvelimet)".
_PROCESSOR_WORDS: Final = 8
#: A short line that names no processor: a denial, a verb of a sentence.
_NO_PROCESSOR: Final = re.compile(
    r"(?i)\b(?:ei|emme|inte|ingen|inga|no|not|none)\b|\w(?:taan|tään|mme)\b|:$"
)
#: Between a processor's name and its service: "X Oy – palvelimet", "X (palvelimet)", "X: …".
_PROCESSOR_SPLIT: Final = re.compile(r"\s+[–—-]\s+|\s*\(|:\s+")
#: A finite verb: a sentence about the register, not its name.
_FINITE_VERB: Final = re.compile(
    r"(?i)\s(?:on|ovat|muodostuu|sisältää|koostuu|är|består|innehåller|is|are|consists)\s"
)
#: English words that make a phrase English: its "on" is a preposition, no Finnish verb.
_ENGLISH_WORDS: Final = re.compile(r"(?i)\b(?:the|of|with|for|and|about)\b")


def _verb_in(value: str) -> bool:
    """Whether *value* has a finite verb of :data:`_FINITE_VERB`.

    "on" is the Finnish "is" except in an English phrase ("Data file on
    customer relationships with Example Ltd": a preposition, a name).

    Examples:
        >>> _verb_in("Asiakasrekisteri on yhtiön asiakkaiden rekisteri")
        True
        >>> _verb_in("Data file on customer relationships with Example Ltd")
        False
        >>> _verb_in("The register is kept by the club")
        True
    """
    english = _ENGLISH_WORDS.search(value) is not None and not _FINNISH_LETTERS.search(value)
    return any(
        not (english and found.group(0).strip().casefold() == "on")
        for found in _FINITE_VERB.finditer(value)
    )


#: Letters of Finnish and Swedish words that English words do not have.
_FINNISH_LETTERS: Final = re.compile(r"[äöåÄÖÅ]")
#: Where a noun phrase's relative clause starts: a comma, "som", "joka", "that", "who".
_CLAUSE_AFTER: Final = re.compile(r",|\s(?:som|joka|jotka|jonka|joiden|that|who|which)\s")
#: A word of a sentence.
_WORD: Final = re.compile(r"[^\W\d_][\w-]*")
#: Data of people in the elative plural: "tietoja leiriläisistä", "uppgifter om deltagarna"
#: (whose data: the words name people even where no list of people words knows them).
_DATA_OF: Final = re.compile(
    r"(?i)\btieto(?:ja|ihin)?\s+(?:\w+\s+)?\w+(?:ista|istä)\b|\buppgifter\s+om\s|\bdata\s+(?:on|about)\s"
)
#: A clause read as an entry has at least this many words with a verb among them.
_CLAUSE_WORDS: Final = 4


def _clause(name: str) -> bool:
    """Whether an entry's name made from a whole sentence is a clause, not a noun phrase.

    "On kuitenkin huomattava, että …", "Uppgifterna om X är viktiga för": a
    statement about the data, no name of an item of data or a group of people.
    """
    # "Hakemuksen liitteet, jotka … tallennetaan", "de privatpersoner som har …": a noun
    # first, its verb in a relative clause after it
    head = _CLAUSE_AFTER.split(name, maxsplit=1)[0]
    return len(name.split()) >= _CLAUSE_WORDS and _ENTRY_VERB.search(head) is not None


def _prose_of_no_people(text: str, items: list[str]) -> bool:
    """Whether a sentence under a data-subjects heading is a clause that names no people.

    "On kuitenkin huomattava, että …" names no group; "Kunder som har bokat en
    cykel" does (a word of it names people), so does "… jäsenistä" (whose data).
    """
    return (
        _clause(text)
        and CONTENT_CUE.search(text.casefold()) is None  # "Rekisterissä on tietoja leiriläisistä"
        and _DATA_OF.search(text) is None
        and not any(people_kind(part) for part in [*items, *_WORD.findall(text)])
        and not whose_data(text)
    )


#: A verb in a list's entry: the entry is a sentence ("Työntekijät eivät näe tietoja").
_ENTRY_VERB: Final = re.compile(
    r"(?i)\b(?:on|ovat|ei|eivät|emme|eikä|voi|voivat|voidaan|saa|saavat|näe|näkevät|tulee"
    r"|är|har|kan|får|ska|is|are|can|cannot|may|will|do|does|we|vi|me)\b"
    r"|\w(?:taan|tään|daan|dään)\b"
)
#: A sentence that denies: under the data-subjects heading it names no subjects.
_DENIES: Final = re.compile(
    r"(?i)\b(?:ei|eivät|emme|eikä|inte|ingen|inga|aldrig|not|never|cannot|\w+n[’']t)\b"
)
#: A Finnish contrast word right before a denial, and the data word before it: "tietoja
#: asiakkaista, mutta ei työntekijöistä" names its subjects before the contrast (the
#: reader of whose data finds them).
_CONTRAST_BEFORE: Final = re.compile(r"(?i)\bmutta\W*$")
_DATA_WORD: Final = re.compile(r"(?i)\btie(?:to|do)")
#: A line that is a register's name: it ends with the word for a register.
_REGISTER_LINE: Final = re.compile(r"(?i)(?:rekisteri|register|registret|registry)\W{0,2}$")
#: A passage of a contact section that is prose: this many words, and a verb.
_PROSE_WORDS: Final = 8
_PROSE_VERB: Final = re.compile(
    r"(?i)\s(?:on|ovat|ei|är|har|kan|is|are|has|may)\s|\w(?:taan|tään|daan|dään|tiin)\b"
    r"|\w(?:as|es)\b(?=\s+\w+\s)"
)
#: The section of prose read outside any known section (no heading).
_LOOSE: Final = Section(None, None)


#: A word for a processor's role before its name: "Palveluntarjoajamme Pilvipalvelu Oy".
_ROLE_WORD: Final = re.compile(
    r"(?i)^(?:palveluntarjoaj\w*|alihankkij\w*|käsittelij\w*|(?:yhteistyö)?kumppani\w*"
    r"|toimittaj\w*|biträd\w*|leverantör\w*)\s+"
)


#: The word for data subjects at a sentence's start.
_SUBJECTS_WORD: Final = re.compile(r"(?i)rekisteröi|(?:de )?registrerade|(?:the )?data subj")


#: A denial: "ei", "emme", "inga", "not", "no" (with no exception).
_NO_WORD: Final = re.compile(
    r"\b(?:ei|emme|eikä|inga|ingen|inte|not|no|none|never|cannot|\w+n[’']t)\b"
)


def _denies_processors(unit: Unit) -> bool:
    """Whether a sentence says no processors are used.

    "Emme käytä henkilötietojen käsittelijöitä", "Vi använder inga
    personuppgiftsbiträden", or a bare denial ("Ei käytetä.") under the
    processors heading; not one with an exception.
    """
    low = unit.low
    if EXCEPTION.search(low) or not _NO_WORD.search(low):
        return False
    words = len(low.split())
    # a bare denial has no object of its own ("Ei käytetä.", "Inga."): not "Tietoja ei myydä."
    return bool(PROCESSOR_CUE.search(low)) or (
        unit.kind is SectionKind.PROCESSORS
        and words <= _ENTRY_WORDS
        and (words <= _BARE_WORDS or _BARE_DENIAL_VERB.search(low) is not None)
    )


#: A sentence that says customers are profiled: "Profiloimme asiakkaita", "We do profile".
_PROFILES: Final = re.compile(r"profiloi|profiler|\bprofil(?:e|es|ing)\b")
_RIGHT_WORD: Final = re.compile(r"oikeu|\brätt|\bright")
#: A sentence that gives a purpose its legal basis: "X perustuu suostumukseen".
_BASIS_SAID: Final = re.compile(r"(?i)\bperustu\w*|\bgrundar sig\b|\bbased on\b")
#: A Finnish first-person verb at a sentence's start, before a firm's name of two or more
#: words: "Käytämme Koodi Oy:n …", "Hyödynnämme Pilvi Oy:n …".
_VERB_BEFORE_FIRM: Final = re.compile(r"^[A-ZÄÖÅ]\w+mme\s+(?=\S+\s+\S)")
#: A bare denial under the processors heading has at most this many words, or one of these verbs.
_BARE_WORDS: Final = 2
_BARE_DENIAL_VERB: Final = re.compile(
    r"\bkäyt(?:ä|etä|etään|ämme|össä)\b|\bole\b|\banvänd\w*|\bfinns\b|\bförekommer\b"
    r"|\buse[sd]?\b|\bapplicable\b"
)


def _moved_from(kind: SectionKind | None, low: str) -> str | None:
    """A processor or a purpose under a recipients heading, a source under another.

    "Tietoja käsittelee puolestamme X Oy" (processors) and "Tietoja käytetään
    laskutukseen." (purposes, under "Kenelle ja miksi?") leave the recipients;
    "Tiedot saadaan asiakkaalta itseltään." leaves the purposes or security.
    """
    if kind is SectionKind.DISCLOSURES:
        if _processor_named(low):
            return "processors"
        if (purposes_in(low) or USED_FOR_SV_EN.search(low)) and not DISCLOSURE.search(low):
            return "purposes"  # "Tietoja käytetään …", "Uppgifterna används för …", "We use …"
    if (
        kind in _WHERE_FROM_LEAVES
        and (STRONG_SOURCE.match(low) or field_opened(low) is SectionKind.SOURCES)
        and not DISCLOSURE.search(low)
    ):
        return "sources"
    if (
        kind is SectionKind.CONTENT
        and USED_FOR_FI.match(low)
        and purposes_in(low)
        and not DATA_ITEM.search(low)
    ):
        return "purposes"  # "Tietoja käytetään laskutukseen." under "Mitä tietoja keräämme?"
    return None


def _names_people(low: str) -> bool:
    """Whether a sentence under a data heading names kinds of people, and no data.

    "Rekisteröidyt ryhmät ovat yritys- ja yksityisasiakkaat", "Registrerade är
    kunder", "Asiakkaat ja heidän yhteyshenkilönsä." (a list of people without a
    verb); not "Asiakkaan nimi ja osoite" nor a lead-in to a list.
    """
    if low.rstrip().endswith(":") or DATA_ITEM.search(low):
        return False
    return _people_named(low)


def _people_named(low: str) -> bool:
    """:func:`_names_people` for a sentence known to be no lead-in and to name no data."""
    are = _ARE_SUBJECTS.match(low)
    if are is not None and _SUBJECTS_WORD.match(low):
        return True  # "Rekisteröityjä ovat vapaaehtoiset havaitsijat."
    rest = (low if are is None else low[are.end() :]).rstrip(" .")  # the pattern opens with "^"
    listed = split_items(rest)
    if listed is None:
        return rest != low.rstrip(" .") and people_kind(rest)
    return listed[0] is None and all(people_kind(item) for item in listed[1])


#: A date in numbers closing a title's line: "Tietosuojaseloste 1.2.2025".
_TITLE_DATE: Final = re.compile(
    r"[ \t]((?:[0-9]{1,2}\.[ ]?[0-9]{1,2}\.[ ]?(?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}-[0-9]{1,2}"
    r"-[0-9]{1,2})\.?)[ \t]*$"
)
#: A firm's legal form in a lower-cased sentence.
_LEGAL_FORM: Final = re.compile(r"\b(?:oyj|oy|ab|abp|ky|ltd|inc|gmbh|as|aps|llc)\b")
#: The controller's own people: staff, employees, the board, customer service.
_INSIDE_PEOPLE: Final = re.compile(
    r"\b(?:henkilökun\w*|henkilöst\w*|työntekij\w*|toimihenkil\w*|hallitu\w*|hallituks\w*"
    r"|johtokun\w*|asiakaspalvelu\w*|sihteeri\w*|personalen|vår personal|behörig personal"
    r"|anställd\w*|medarbetar\w*|styrelse\w*|kundtjänst\w*|staff|employees?|personnel"
    r"|board|customer service)\b"
)
#: A party outside the controller (a firm, a provider, an authority): its people are not
#: the controller's own ("palveluntarjoajamme työntekijät", "our provider's staff").
_OUTSIDE_PARTY: Final = re.compile(
    r"palveluntarjoaj|toimittaj|kumppan|alihankkij|tilitoimisto|käsittelijä|viranomai"
    r"|yhtiö|\b(?:oy|oyj|ab|ltd|inc|llc|gmbh)\b|provider|partner|supplier|processor|authorit"
    r"|vendor|contractor|leverantör|myndighet|biträde"
)
#: Only some people may use the data ("vain", "endast", "limited to"), by a verb of using.
_ONLY: Final = re.compile(
    r"\b(?:vain|ainoastaan|yksinomaan|endast|enbart|bara|only|solely|limited to|rajattu"
    r"|rajoitettu)\b"
)
_USING: Final = re.compile(
    r"\b(?:käsit|käyt|näke|näkyv|pääs|behandl|tillgång|åtkomst|använd|ser\b|process|access"
    r"|see\b|seen\b|use[ds]?\b|handl|available)"
)
#: The data at the disposal of a group: "Jäsenluettelo on kuoron hallituksen käytössä".
_AT_DISPOSAL: Final = re.compile(r"\b(?:käytössä|förfogande|available to)\b")


def _inside_use(low: str) -> bool:
    """Whether a sentence says that only the controller's own people use the data.

    "Tietoja käsittelevät vain yhdistyksen hallituksen jäsenet", "Jäsenluettelo on
    kuoron hallituksen käytössä", "Uppgifterna behandlas endast av styrelsen", "Only
    our staff can access the data" (A15's V41): no recipient; a party outside named
    ("vain palveluntarjoajamme työntekijät", "X Oy:n henkilökunta") keeps one.
    """
    return (
        _INSIDE_PEOPLE.search(low) is not None
        and _OUTSIDE_PARTY.search(low) is None
        and (
            (_ONLY.search(low) is not None and _USING.search(low) is not None)
            or _AT_DISPOSAL.search(low) is not None
        )
    )


#: An outside party by its role: an auditor, a federation, an authority's names.
_OUTSIDE_ROLE: Final = re.compile(
    r"(?i)tilintarkastaj|auditor|revisor|liito|liitto|förbund|federation|kela\b|verohallin"
    r"|\btax\b|skatteförvalt"
)


#: A word that joins a second party to the first: "… hallitus ja Verohallinto".
_JOINS: Final = frozenset({"ja", "sekä", "tai", "and", "or", "och", "samt", "eller"})


def _named_beside(sentence: str, controller: str | None = None) -> bool:
    """Whether a sentence on the controller's own people also names another party.

    A capitalised word just after a joining word ("Tietoja käsittelevät vain
    hallituksen jäsenet sekä Verohallinto ja Kela", "Only our board and the Finnish Tax
    Administration …") or an outside role ("… ja yhdistyksen tilintarkastaja"): that
    party receives the data, so the sentence states no "none" (R9-12). A body named
    alone ("… ainoastaan Kuusikon Taimiston käytössä") is the controller itself, even
    where no block named it, and the words of the controller's own name never count.

    Examples:
        >>> _named_beside("Tietoja käsittelevät vain hallituksen jäsenet sekä Verohallinto.")
        True
        >>> _named_beside("Tietoja käsittelevät vain yhdistyksen hallituksen jäsenet.")
        False
        >>> _named_beside("Tiedot ovat ainoastaan Esimerkki Oy:n käytössä.", "Esimerkki Oy")
        False
        >>> _named_beside("Tiedot ovat ainoastaan Kuusikon Taimiston käytössä.")
        False
    """
    if _OUTSIDE_ROLE.search(sentence) is not None:
        return True
    own = {word.casefold() for word in (controller or "").split()}
    words = sentence.split()
    return any(
        word[:1].isupper() and word != "I" and word.split(":")[0].casefold() not in own
        for at, join in enumerate(words)
        if join.casefold().strip(",;") in _JOINS
        for word in words[at + 1 : at + 4]
    )


def _processor_named(low: str) -> bool:
    """Whether a sentence under a recipients heading names a processor, not a recipient.

    "Tietoja käsittelee puolestamme Pilvi Oy", "X Ab (personuppgiftsbiträde)",
    "service providers that process data on our behalf": a party acting on the
    controller's behalf. A denial of disclosures ("Tietoja ei luovuteta …")
    stays a denial, and an authority, a bank or a buyer stays a recipient.
    """
    if is_negative(low, DISCLOSURE):
        return False
    evidence = processor_evidence(low)
    # a word alone ("ulkoinen palveluntarjoaja") names a processor only with a firm's name:
    # an unnamed one stays a category of recipients (a processor needs a name)
    return (
        evidence == "strong"
        or (evidence == "word" and _LEGAL_FORM.search(low) is not None)
        or _DOES_THE_WORK.match(low) is not None
    )


#: A party named by its trade that does the controller's work: "Tilitoimisto käsittelee
#: kirjanpitoa", "Palveluntarjoaja ylläpitää palvelimia", "Bokföringsbyrån sköter …".
_DOES_THE_WORK: Final = re.compile(
    r"(?:tilitoimisto|kirjanpitotoimisto|palveluntarjoaja|palveluntuottaja|it-toimittaja"
    r"|järjestelmätoimittaja|bokföringsbyrå|redovisningsbyrå|tjänsteleverantör"
    r"|accounting firm|service provider)\w*\s+(?:käsittelee|hoitaa|ylläpitää|sköter|handles"
    r"|maintains|keeps)\b"
)


#: A remark in brackets after an item's words ("nimi (säilytetään 6 vuotta)").
_BRACKETED: Final = re.compile(r"(?<=\S)\s*\([^()]*\)")


def _purpose_of_two_part(heading: str, low: str) -> bool:
    """A purpose sentence under a security heading that names two things.

    "Tietoja käytetään laskutukseen." under "Tietojen kerääminen ja
    suojaaminen" says what the data are used for; "Tietoja käytetään vain
    salatun yhteyden kautta." (a security cue) stays security.
    """
    return (
        HEADING_AND.search(heading) is not None
        and SECURITY_CUE.search(low) is None
        and (
            (USED_FOR_FI.match(low) is not None and bool(purposes_in(low)))
            or USED_FOR_SV_EN.search(low) is not None
        )
    )


def _data_of_first_part(heading: str, low: str) -> SectionKind | None:
    """Data items under a sources heading whose first part names the data.

    "Henkilötiedot ja niiden lähteet" is read as sources (the general word for
    data yields); "Asiakkaan nimi ja osoite." under it is data, "Tiedot
    saadaan asiakkaalta" stays a source.
    """
    first = HEADING_AND.split(heading, maxsplit=1)[0]
    if (
        guess(first) is SectionKind.CONTENT
        and DATA_ITEM.search(low)
        and not names_kind(SectionKind.SOURCES, low)
        and not SOURCE.search(low)
        and not DATA_SUBJECT.search(low)
    ):
        return SectionKind.CONTENT
    return None


#: The field a sentence read by :func:`rekisteri.importer._content.fields_said` goes to
#: outside any known section (the extractor's names of the fields).
_SAID_FIELDS: Final = {
    SectionKind.RETENTION: "retention",
    SectionKind.DISCLOSURES: "recipients",
    SectionKind.SOURCES: "sources",
    SectionKind.CONTENT: "data_categories",
    SectionKind.PURPOSES: "purposes",
    SectionKind.SECURITY: "security",
    SectionKind.OTHER_RIGHTS: "rights_exercise",
}


def _prose(text: str) -> bool:
    """Whether *text* is sentences, not a contact block's line."""
    flat_text = " ".join(text.split())
    return (
        len(flat_text.split()) >= _PROSE_WORDS
        and _PROSE_VERB.search(f" {flat_text} ") is not None
        and "@" not in flat_text
    )


#: The words before the people a data-subjects sentence names: "Registret omfattar
#: kunder som …", "Rekisteriin tallennetaan yhdistyksen jäsenet".
_SUBJECT_LEAD: Final = re.compile(
    r"(?i)^.{0,60}?\b(?:omfattar|innehåller|sisältää|koostuu|rekisteröidään|tallennetaan"
    r"|käsitellään|covers|includes|contains)\s+"
    r"(?:(?:uppgifter|information|tietoja|data|details)\s+(?:om|on|about)\s+)?"
)
#: A sentence that says whose data the register holds: people in the genitive plural
#: before "tietoja" ("asiakkaiden ja jäsenten tietoja", "asiakkaidemme tietoja"),
#: "uppgifter om kunder och medlemmar", "data on our customers and members".
_WHOSE_DATA: Final = re.compile(
    r"\b(?:\w+(?:den|jen|ten|ien|[djti]e(?:mme|nne)),?\s+(?:(?:ja|sekä)\s+)?)+(?:henkilö)?tietoj(?:a|en)\b"
    r"|\b(?:person)?uppgifter om (?:våra |föreningens |bolagets |stiftelsens )?"
    r"(?:kunder|medlemmar|anställda|besökare|elever|användare|sökande|deltagare|vårdnadshavare)"
    r"|\b(?:personal )?(?:data|information|details) (?:on|about|of) (?:our |the )?"
    r"(?:customers|clients|members|employees|visitors|users|applicants|participants|subscribers"
    r"|pupils|students|guardians)\b"
)
#: "Rekisteröityjä ovat …", "De registrerade är …", "Data subjects are …": words before the people.
_ARE_SUBJECTS: Final = re.compile(
    r"(?i)^(?:(?:rekisteröityjä|rekisteröidyt|rekisteröityinä|rekisteröityjen)(?:\s+ryhm\w*)?"
    r"|registrerade|de registrerade|(?:the )?data subjects"
    r"|[\wåäö-]*rekisteri(?:ssä|in|ssa)|[\wåäö-]*register(?:et)?)"
    r"\s+(?:ovat|on|voivat olla|kuuluvat|tallennetaan|är|finns|kan vara|ingår|are|may be"
    r"|include)\s+"
)
#: A data-subjects name read from a sentence has at most this many words.
_SUBJECT_WORDS: Final = 10
#: A register name that is a sentence's first part has at most this many words.
_NAME_WORDS: Final = 12

#: A word that denies: two in one sentence ("ei luovuteta kolmansille eikä
#: siirretä EU:n ulkopuolelle", "lämnas inte ut … och överförs inte utanför EU")
#: deny disclosures too; one ("överförs eller överlämnas inte utanför EU")
#: denies only what goes outside the EU/EEA.
_DENIAL: Final = re.compile(r"\b(?:ei|eikä|inte|ej|icke|not|nor|never)\b")


#: A sentence with a data cue that lists data: a lead-in, "seuraavat", or data words.
_LISTS_DATA: Final = re.compile(
    r":|seuraav|följande|following|\bnimi|\bnamn|osoite|adress|puhelin|telefon|sähköposti"
    r"|e-post|syntymä|födelse"
)


#: A firm's legal form in a lower-cased sentence (not "as", an English word too).
_FIRM_FORM: Final = re.compile(r"\b(?:oyj|oy|ab|abp|ky|ltd|inc|gmbh|aps|llc)\b")
#: A sentence that says what the data are used for: under the purposes it is a purpose,
#: whatever firm's product or programme it names ("… käytetään X Ab:n ylläpitämän …").
_PURPOSE_USE: Final = re.compile(
    r"\b(?:tiedo|tieto|henkilötiedo|henkilötieto)\w*\s+(?:\w+\s+)?(?:käytetään|käsitellään)\b"
    r"|\b(?:uppgifter\w*|personuppgifter\w*)\s+(?:\w+\s+)?(?:används|behandlas)\b"
    r"|\b(?:data|information)\s+(?:is|are)\s+(?:\w+\s+)?used\b"
)
#: The processing said to be outsourced or done by subcontractors or processors: words
#: that name no one else ("ulkoistettu", "alihankkijoita", "personuppgiftsbiträden").
_OUTSOURCING: Final = re.compile(
    r"\bulkoist\w*|\balihankkij\w*|personuppgiftsbiträd\w*|\bbiträde(?:t|n|na)?\b"
    r"|\bunderleverantör\w*|\boutsourc\w*|\bsubcontractors?\b|\bsub-?processors?\b"
    # a processor's role word only with a verb of using one: "käytämme henkilötietojen
    # käsittelijöitä", "we use data processors" (the controller's own staff who process
    # the data are "henkilötietojen käsittelijät" too: "… ovat vaitiolovelvollisia")
    r"|\b(?:käyt\w*|use[sd]?|using|engages?|anlita\w*|använd\w*)\b.{0,40}?"
    r"(?:henkilötietojen käsittelij\w*|\bkäsittelijö(?:inä|itä)\b|\bdata processors?\b)"
)
#: Processing said to be done by others: "ulkoistettu", "alihankkijoiden toimesta",
#: "puolestamme", "on our behalf", "för vår räkning".
_DONE_BY: Final = re.compile(
    r"\bulkoist\w*|\boutsourc\w*|\btoimesta\b|\bpuolesta\w*|\bon (?:our|its|their) behalf\b"
    r"|\bför (?:vår|dess|deras) räkning\b"
)
#: The controller's own staff: "Henkilökunta toimii …", "Our staff act as …", "Personalen som …".
_STAFF: Final = re.compile(
    r"\b(?:henkilökun\w*|henkilöstö\w*|työntekijä\w*|staff|employees?|personalen|anställd\w*)"
)
#: A word of denial: "ei ulkoisteta", "inga biträden", "no subcontractors".
_DENIED: Final = re.compile(r"\b(?:ei|eikä|emme|inte|inga|ingen|not|no|never|none)\b")


def _outsourced(low: str) -> bool:
    """Whether a sentence (lower case) says the processing is outsourced, naming no firm.

    Not when it denies it ("Tietojen käsittelyä ei ulkoisteta", "Vi anlitar inga
    biträden") or names a recipient of its own (an authority, a bank): then it
    stays where it stands.

    Examples:
        >>> _outsourced("käsittelytehtäviä voidaan ulkoistaa palveluntarjoajille.")
        True
        >>> _outsourced("tietojen käsittelyä ei ulkoisteta.")
        False
        >>> _outsourced("vi anlitar inga biträden.")
        False
        >>> _outsourced("tietoja käytetään jäsenyyden hoitamiseen.")
        False
        >>> _outsourced("henkilötietojen käsittelijät ovat vaitiolovelvollisia.")
        False
        >>> _outsourced("käytämme henkilötietojen käsittelijöitä.")
        True
    """
    return (
        _OUTSOURCING.search(low) is not None
        and _DENIED.search(low) is None
        and _STAFF.search(low) is None
        and processor_evidence(low) == "strong"
    )


#: A party said with a verb to process the data for the controller, or to act as its
#: processor: "… jonka toimittaja käsittelee tietoja lukuumme", "palveluntarjoaja, joka
#: käsittelee tietoja puolestamme", "X Oy, joka toimii henkilötietojen käsittelijänä"
#: ("Henkilötietojen käsittelijänä toimii X Oy"),
#: "Vår tjänsteleverantör behandlar uppgifterna för vår räkning", "X Ab … som vårt
#: personuppgiftsbiträde", "a service provider acting on our behalf" (each part bounded).
_ACTS_FOR: Final = re.compile(
    r"\btoimi\w*\s+(?:\w+\s+){0,2}?(?:henkilötietojen\s+)?käsittelij(?:änä|öinä)\b"
    r"|\bkäsittelij(?:änä|öinä)\s+toimi\w*"
    r"|\b(?:käsittel\w*|hoita\w*|ylläpitä\w*|behandla\w*|sköt\w*|process\w*|handl\w*"
    r"|run|runs)\b.{0,60}?(?:\blukuumme\b|\bpuolestamme\b|\bför vår räkning\b"
    r"|\bpå vårt uppdrag\b|\bon our behalf\b)"
    r"|\b(?:acting|acts)\s+on our behalf\b|\bacts?\s+as\s+(?:our\s+|a\s+)?(?:data\s+)?processor\b"
    r"|\bsom\s+(?:är\s+)?(?:vårt|föreningens|bolagets|ett)\s+personuppgiftsbiträde\b"
)


def _acts_for(low: str) -> bool:
    """Whether a sentence (lower case) says a party processes the data for the controller.

    Not when it denies it or names the controller's own staff, nor when it names a
    recipient of its own (:func:`processor_evidence` is then not strong).

    Examples:
        >>> _acts_for("kirjanpidon ohjelmiston toimittaja käsittelee tietoja lukuumme.")
        True
        >>> _acts_for("vår tjänsteleverantör behandlar uppgifterna för vår räkning.")
        True
        >>> _acts_for("henkilökuntamme käsittelee tietoja puolestamme.")
        False
        >>> _acts_for("tietoja ei käsittele puolestamme kukaan muu.")
        False
    """
    return (
        _ACTS_FOR.search(low) is not None
        and _DENIED.search(low) is None
        and _STAFF.search(low) is None
        and processor_evidence(low) == "strong"
    )


#: A sentence that says the site uses or stores cookies: a verb of use or storing with the
#: cookies for its object ("tallentaa laitteellesi evästeitä", "använder sk. kakor", "we use
#: cookies"), or the cookies for its subject ("evästeet ovat …", "kakorna sparas …"); not
#: cookies named as a means ("evästeiden avulla kerätyt tiedot") or a link ("cookie settings").
_COOKIE_WORD: Final = re.compile(
    r"\b(?:käyttää|käytämme|käytetään|tallentaa|tallennetaan|asettaa|asetetaan|hyödyntää"
    r"|hyödynnetään|använder|används|sparar|sparas|lagrar|lagras|use|uses|store|stores|set|sets"
    r"|place|places)\s+(?:[\w.-]+\s+){0,3}?(?:evästeitä|evästeet|(?:små)?kakor|cookies)\b"
    r"|\b(?:evästeet|evästeitä|(?:små)?kakor(?:na)?|cookies)\s+(?:\([\w ]+\)\s+)?"
    r"(?:\w+\s+){0,2}?(?:ovat|on|tallennetaan|tallentuvat|säilyvät|käytetään|asetetaan"
    r"|käsitellään|är|sparas|lagras|används|are|is|will be)\b"
)
#: What a purpose is said with: an illative or "varten" of a verbal noun ("kohdentamiseen",
#: "seuraamista varten"), "för att", "(in order) to" and a verb, "for … purposes".
_PURPOSE_SAID: Final = re.compile(
    r"\w(?:miseen|miseksi)\b|\w(?:mista|misen) varten\b|\bför att\b"
    r"|\bto (?!(?:the|your|our|a|an|their|its|his|her|this|that|these|those|you|us|them)\b)[a-z]+"
    r"|\bfor (?:\w+ )?purposes?\b"
)
#: A running sentence has at least this many words (a list's entry "Evästetiedot" fewer).
_COOKIE_SENTENCE_WORDS: Final = 6
#: Sections whose sentences on cookies stay: the cookies' own, and those where a cookie
#: is named beside a disclosure, a transfer or an automated decision.
_KEEP_COOKIE_SENTENCES: Final = frozenset(
    {SectionKind.COOKIES, SectionKind.DISCLOSURES, SectionKind.TRANSFERS, SectionKind.AUTOMATED}
)


def _about_cookies(low: str) -> bool:
    """Whether a sentence (lower case) outside a cookies section tells of the site's cookies.

    A running sentence that names cookies ("Verkkosivusto tallentaa
    päätelaitteellesi evästeitä …", "Nätbutiken använder kakor …", "We use
    cookies to …") is the cookie policy's text wherever it stands: a paragraph
    on cookies under the purposes or the data whose heading the notice left
    out. Not a list's entry naming data ("IP-osoite ja evästetiedot"), nor a
    denial (read as such before).

    Examples:
        >>> _about_cookies("verkkosivusto tallentaa laitteellesi evästeitä eli pieniä tiedostoja.")
        True
        >>> _about_cookies("ip-osoite ja evästetiedot")
        False
    """
    return (
        _COOKIE_WORD.search(low) is not None
        and len(low.split()) >= _COOKIE_SENTENCE_WORDS
        and NO_COOKIES.search(low) is None
    )


#: A disclosure sentence that opens otherwise than with the data's word (which
#: :data:`STRONG_DISCLOSURE` reads): an adverb first ("Tarvittaessa tietoja luovutetaan
#: …", "Vid behov lämnas uppgifter ut …"), the controller for subject ("Seura luovuttaa
#: jäsentietoja …", "Föreningen lämnar ut …", "The company may also disclose …"), the
#: register in the elative ("Rekisteristä luovutetaan …", "Ur registret lämnas …") or the
#: data named by their items ("Asiakkaan nimi ja osoite luovutetaan …"). Read with
#: ``match`` only, each part a few words long (linear). Not past a verb of keeping or
#: collecting, nor to the data subject ("Rekisteröidylle luovutetaan …": the right of access).
_DISCLOSURE_OPENING: Final = re.compile(
    r"(?:tarvittaessa|lisäksi|myös|pyynnöstä|vid behov|dessutom|även|också|if necessary"
    r"|where necessary|when necessary|additionally|also)\s+(?:\w+\s+){0,3}?"
    r"(?:luovutetaan|luovuttaa|voidaan luovuttaa|lämnas|lämnar|disclose[sd]?"
    r"|(?:are|is) disclosed)\b"
    r"|(?:seura|yhdistys|yhtiö|yritys|rekisterinpitäjä|säätiö|kerho|liitto|osuuskunta|opisto"
    r"|föreningen|klubben|bolaget|företaget|stiftelsen|förbundet|den personuppgiftsansvarige"
    r"|the company|the association|the club|the foundation|the controller)\s+"
    r"(?:(?:voi|saattaa|kan|may|also|myös|även|också)\s+){0,2}"
    r"(?:luovuttaa|luovuttavat|lämnar|discloses?|shares?)\b"
    r"|\w*rekisteristä\s+(?:\w+\s+)?(?:luovutetaan|voidaan luovuttaa)\b"
    r"|(?:ur|från) \w*registret\s+(?:\w+\s+)?lämnas\b"
    r"|(?!\w*(?:lle|lta|ltä)\s)[\w-]+\s+"
    r"(?:(?!(?:säilytetään|kerätään|käsitellään|tallennetaan|sparas|samlas|lagras|ei|inte)\b)"
    r"[\w-]+\s+){0,4}?(?:luovutetaan|lämnas ut)\b"
)
#: What a sentence read by :data:`_DISCLOSURE_OPENING` must hand over to be a disclosure:
#: data, named by a word for them ("tietoja", "uppgifter", "data"), by their items
#: ("nimet", "osoitteet", "namn", "adresser", "e-mail") or by the register they come from.
#: "Luovutetaan" and "lämnas ut" hand over things as well: "Arvonnan palkinto luovutetaan
#: voittajalle", "Jäsenkortti luovutetaan jäsenelle", "Nycklarna lämnas ut till
#: hyresgästen" are no disclosure (R10-2).
_DISCLOSED_DATA: Final = re.compile(
    r"tieto|tiedo|uppgift|\bdata\b|information|\bdetails\b|\brecords?\b"
    r"|\bnim(?:i|et|en|iä|ien)\b|osoit|puhelin|sähköpost|syntymä|henkilötunn|yhteystie"
    r"|\bnamn|adress|telefon|e-post|\bnames?\b|address|phone|e-?mail"
    r"|luettelo|förteckning|\blist|rekisteri|register"
)
#: Data handed to the controller ("Liiton jäsenrekisteristä luovutetaan meille …"): a
#: source, not a disclosure (R10-2).
_TO_US: Final = re.compile(r"\bmeille\b|\btill oss\b|\bto us\b")


def _disclosure_opening(low: str) -> bool:
    """Whether *low* opens as a disclosure of data though not with the data's word.

    Examples:
        >>> _disclosure_opening("seura luovuttaa jäsenten nimet liitolle.")
        True
        >>> _disclosure_opening("arvonnan palkinto luovutetaan voittajalle.")
        False
        >>> _disclosure_opening("liiton rekisteristä luovutetaan meille osoitetiedot.")
        False
    """
    return (
        _DISCLOSURE_OPENING.match(low) is not None
        and _DISCLOSED_DATA.search(low) is not None
        and _TO_US.search(low) is None
    )


#: The note on a notice that both says nothing is disclosed and names recipients.
_BOTH_RECIPIENTS: Final = (
    "the notice both says that no data are disclosed and names recipients; the recipients"
    " are kept: check"
)
#: Sections whose sentences no disclosure cue sends to the recipients.
_NOT_TO_RECIPIENTS: Final = frozenset(
    {SectionKind.DISCLOSURES, SectionKind.COOKIES, SectionKind.TRANSFERS} | SECURITY_SECTIONS
)
#: Sections a sentence naming a firm that processes the data for the controller leaves.
_PROCESSOR_LEAVES: Final = frozenset(
    {
        SectionKind.PURPOSES,
        SectionKind.SECURITY,
        SectionKind.SECURITY_MANUAL,
        SectionKind.SECURITY_ELECTRONIC,
        SectionKind.RETENTION,
    }
)
#: Sections a sentence leaves for the processors only when it says, with a verb, that a
#: party processes the data for the controller (:data:`_ACTS_FOR`): a data or sources
#: paragraph names firms and their services for other reasons ("X Oy:n osoitepalvelusta").
_PROCESSOR_LEAVES_ACTING: Final = frozenset({SectionKind.SOURCES, SectionKind.CONTENT})
#: In a data paragraph, data named before the party that acts for the controller
#: ("Contact details of the service providers acting on our behalf", "Valtakirjalla
#: asioivan henkilön nimi, kun hän hoitaa asiointia puolestamme"): an item of data
#: about that party's people, not a processor (R10-3).
_DATA_NAMED_FIRST: Final = re.compile(
    r"\b(?:\w*tiedot|\w*tietoja|\w*uppgifter|nimi|nimet|namn|names?|details|information"
    r"|yhteystie\w*|osoit\w*|puhelin\w*|sähköpost\w*|adress\w*|telefon\w*|address\w*"
    r"|phone\w*|e-?mail\w*)\b"
)
#: In a sources paragraph, the controller receiving the data from the party that acts
#: for it ("Tietoja saamme liitolta, joka hoitaa jäsenrekisteriä lukuumme", "Uppgifter
#: … får vi från förbundet som sköter …", "We receive data from X Ltd, which acts as
#: our processor"): a statement of the source (R10-3).
_RECEIVED: Final = re.compile(
    r"\b(?:saamme|saadaan|tulee|tulevat|får vi|vi får|erhåller vi|kommer från"
    r"|we (?:\w+ )?(?:receive|obtain|get)|are (?:received|obtained))\b"
)


def _said_otherwise(kind: SectionKind, low: str) -> bool:
    """Whether a data or sources sentence saying a party acts for us is about its section.

    It is when data are named before the party (a data paragraph) or when the data
    are said to be received from it (a sources paragraph).

    Examples:
        >>> content, sources = SectionKind.CONTENT, SectionKind.SOURCES
        >>> _said_otherwise(content, "contact details of providers acting on our behalf.")
        True
        >>> _said_otherwise(content, "henkilötietojen käsittelijänä toimii pilvi oy.")
        False
        >>> _said_otherwise(sources, "tietoja saamme liitolta, joka hoitaa rekisteriä lukuumme.")
        True
    """
    if kind is SectionKind.CONTENT:
        acting = _ACTS_FOR.search(low)
        return acting is not None and _DATA_NAMED_FIRST.search(low, 0, acting.start()) is not None
    return _RECEIVED.search(low) is not None


#: Sections a statement of where the data come from leaves ("Tiedot saadaan …").
_WHERE_FROM_LEAVES: Final = frozenset(
    {
        SectionKind.PURPOSES,
        SectionKind.SECURITY,
        SectionKind.SECURITY_MANUAL,
        SectionKind.SECURITY_ELECTRONIC,
    }
)
#: What a list's lead-in says its items are, whatever the section's heading says.
_LEAD_KINDS: Final = (
    (
        SectionKind.SOURCES,
        re.compile(r"seuraavista lähteistä|lähteistä:|följande källor|from the following sources"),
    ),
    (
        SectionKind.CONTENT,
        re.compile(
            # also "Keräämme asiakkaista seuraavat tiedot" in the nominative (R8-5)
            r"(?:seuraavia|seuraavat|seuraavanlaisia) (?:henkilö)?tietoja"
            r"|seuraavat (?:henkilö)?tiedot\b"
            r"|henkilötietoja voivat olla"
            r"|(?:rekisteriin|rekisterissä) (?:tallennetaan|kerätään|käsitellään)"
            r" seuraav\w* (?:henkilö)?tiedo"
            r"|följande (?:person)?uppgifter|the following (?:personal )?data"
        ),
    ),
    (
        SectionKind.PURPOSES,
        re.compile(
            r"(?:seuraaviin|näihin) (?:käyttö)?tarkoituksiin|seuraavia tarkoituksia"
            r"|för följande ändamål|for the following purposes"
            r"|(?:käsittelyn|rekisterin) (?:käyttö)?tarkoitu(?:s|ksena) on:$"
        ),
    ),
    # "Käytämme henkilötietojen käsittelijöinä seuraavia palveluntarjoajia:" under a
    # recipients heading: the entries are processors
    (SectionKind.PROCESSORS, PROCESSOR_LEAD),
)
#: Sections whose lists a lead-in may send elsewhere: those of a combined or guessed heading.
_LEAD_FROM: Final = frozenset(
    {
        SectionKind.PURPOSES,
        SectionKind.CONTENT,
        SectionKind.SOURCES,
        SectionKind.SUBJECTS,
        SectionKind.DISCLOSURES,
        # "Miten suojaamme tietosi?" over "Keräämme tietoja seuraaviin tarkoituksiin:"
        SectionKind.SECURITY,
        # text before the first heading: a lead-in is the strongest evidence there is
        None,
        SectionKind.TITLE,
    }
)


#: Sections whose lead-in that names another list's field maps to that field.
_LEAD_ELSEWHERE: Final = frozenset(
    {SectionKind.SECURITY, SectionKind.CONTENT, SectionKind.SUBJECTS}
)


_LIST_FIELDS: Final = {
    SectionKind.SOURCES: "sources",
    SectionKind.CONTENT: "data_categories",
    SectionKind.PURPOSES: "purposes",
    SectionKind.PROCESSORS: "processors",
}


#: The security sections of the legacy form's two kinds of material.
_SUB_SECURITY: Final = frozenset({SectionKind.SECURITY_MANUAL, SectionKind.SECURITY_ELECTRONIC})
#: Sections whose lists may be grouped under labels ("Verkkokauppa:" / "- nimi").
_GROUPED: Final = frozenset(
    {
        SectionKind.CONTENT,
        SectionKind.SUBJECTS,
        SectionKind.SOURCES,
        SectionKind.PURPOSES,
        SectionKind.DISCLOSURES,
        SectionKind.PROCESSORS,
    }
)
#: A group's label: one to three words and a colon, no verb ("Kanta-asiakasohjelma:").
_GROUP_LABEL: Final = re.compile(r"[A-ZÄÖÅ][\w-]*(?:[ \t]+[\w-]+){0,2}[ \t]*:")
#: A verb's form in a lead-in: Finnish passives and first persons plural ("kerätään",
#: "keräämme"; not the English "programme", "kilogramme"), "following".
_VERB_FORM: Final = re.compile(r"(?i)\w(?:aan|ään|(?<!gra)mme)\b|seuraav|följande|follow")


def _group_label(lead_in: str) -> bool:
    """Whether a list's lead-in is a label of a group of its entries, naming no field."""
    return (
        _GROUP_LABEL.fullmatch(lead_in.strip()) is not None
        and _VERB_FORM.search(lead_in) is None
        and guess(lead_in) is None
    )


def _led_to(kind: SectionKind | None, lead_in: str) -> SectionKind | None:
    """The kind of list that *lead_in* introduces, when it differs from the section's *kind*.

    "Henkilötietoja voidaan kerätä seuraavista lähteistä:" under a heading that
    also names purposes leads in to sources. Only one kind's cue may match.
    """
    if kind not in _LEAD_FROM or not (
        # a lead-in that lost its colon says "the following" near its end (R8-5)
        lead_in.rstrip().endswith(":") or _FOLLOWING_AT_END.search(lead_in) is not None
    ):
        return None
    low = lead_in.casefold()
    named = [led for led, cue in _LEAD_KINDS if cue.search(low)]
    return named[0] if len(named) == 1 and named[0] is not kind else None


#: A denial limited to one use: "Tietoja ei luovuteta markkinointitarkoituksiin" says
#: nothing of other disclosures (the sentence is kept, no none_stated).
_LIMITED_DENIAL: Final = re.compile(
    r"markkinointi\w*|\w*tarkoituksiin|\w*tarkoitukseen|marknadsför\w*|\w*ändamål"
    r"|marketing|\bfor \w+ purposes"
)
#: The data subject as a source in other words: a person "itse" ("Rekisteröity itse",
#: "Jäsen itse liittyessään"), anyone "-lta/-ltä itseltään" ("Jäseniltä itseltään"), or
#: the data subject by the law's word ("Tiedot saadaan rekisteröidyltä").
_SUBJECT_ITSELF: Final = re.compile(
    r"\b(?:rekisteröi(?:ty|dyt)|asiak(?:as|kaat)|jäsen(?:et)?|henkilö(?:t)?|käyttäjä(?:t)?"
    r"|hakija(?:t)?|työntekijä(?:t)?|osallistuja(?:t)?|opiskelija(?:t)?|asuka(?:s|at)"
    r"|potila(?:s|at)|viera(?:s|at)|oppila(?:s|at))\s+itse\b"
    # not one who speaks for another: "huoltajalta itseltään" is no data subject (R6-14)
    r"|\b(?!huoltaj|vanhemm|edunvalvoj|omais|holhooj)\w+(?:lta|ltä|ilta|iltä)\s+itseltään\b"
    r"|\brekisteröi(?:dyltä|dyiltä)\b"
)
#: Another person's data named in the sentence: "Työntekijät itse kirjaavat asiakkaan
#: käynnit", "Huoltaja itse ilmoittaa lapsen tiedot": the one "itse" is then not the data
#: subject (R6-14; the data subject as a source is an Art. 13 notice, another is Art. 14).
_OTHERS_DATA: Final = re.compile(
    r"\b(?:asiakkaan|asiakkaiden|lapsen|lasten|oppilaan|oppilaiden|potilaan|potilaiden"
    r"|jäsenen|jäsenten|hakijan|hakijoiden|asukkaan|asukkaiden|alaikäisen|huollettavan"
    r"|opiskelijan|opiskelijoiden|osallistujan|osallistujien)\b"
)


#: Where a sentence's clauses part: "Tietoja ei luovuteta, ja vastaamme yleensä …".
_CLAUSE_BREAK: Final = re.compile(r";|,\s+(?:ja|sekä|mutta|och|men|samt|and|but)\s+")
#: A word that denies, in a lower-cased clause.
_DENYING: Final = re.compile(
    r"\b(?:ei|eikä|eivät|emme|en|inte|ej|icke|aldrig|not|never|no)\b|n't\b"
)


def _subgroups(label: str, items: list[str]) -> bool:
    """Whether *items* after the people *label* are kinds of those people.

    "Asukkaat: nykyiset ja pois muuttaneet asukkaat": the last item ends with the
    label's own word, the others are its modifiers alone.
    """
    word = label.casefold()
    return (
        len(items) > 1
        and " " not in word
        and items[-1].rstrip(" .").casefold().endswith(f" {word}")
        and not any(is_data_item(item) for item in items)
    )


def _another_register(value: str) -> bool:
    """Whether a list entry under a register-name heading names a register, not a sentence."""
    return (
        _REGISTER_WORD.search(value) is not None
        and len(value.split()) <= _NAME_WORDS
        and _ENTRY_VERB.search(value) is None
    )


def _qualified_denial(low: str) -> bool:
    """Whether a clause of *low* denies "as a rule" (:data:`_AS_A_RULE`) (R6-6).

    The qualifier must stand in the denial's own clause: "Tietoja ei luovuteta, ja
    vastaamme pyyntöihin yleensä viikossa" denies flatly.
    """
    return any(
        _AS_A_RULE.search(clause) is not None and _DENYING.search(clause) is not None
        for clause in _CLAUSE_BREAK.split(low)
    )


#: Where a sources sentence names where the data come from: after its verb.
_SOURCES_VERB: Final = re.compile(
    r"(?i)\b(?:saadaan|saamme|kerätään|keräämme|hankitaan|hankimme|fås|samlas in|erhålls"
    r"|(?:are|is) (?:obtained|collected|received)|we (?:obtain|collect|receive))\b"
)
#: What joins the sources of a sentence.
_SOURCE_JOINER: Final = re.compile(r",|;|\s(?:ja|sekä|och|samt|and|tai|eller|or)\s")
#: A source written in the ablative or the elative ("eläinlääkäriltä", "rekisteristä"), or
#: after "från", "av", "from", "by".
_FROM_WORD: Final = re.compile(r"(?i)\w(?:lta|ltä|sta|stä|ltaan|ltään)\b|^(?:från|av|from|by)\s")
#: The data subject as the source, in the ablative without "itse": "asiakkaalta".
_SUBJECT_FROM: Final = re.compile(
    r"(?i)(?:asiakkaalta|asiakkailta|jäseneltä|jäseniltä|henkilöltä|henkilöiltä|käyttäjältä"
    r"|käyttäjiltä|hakijalta|hakijoilta|osallistujalta|osallistujilta|potilaalta|potilailta"
    r"|rekisteröidyltä|rekisteröidyiltä)"
)


def _other_sources(text: str) -> list[str]:
    """The parts of a sources sentence after its verb that name no catalogued source.

    Each names where the data come from in the ablative or elative, or after "från",
    "from"; not the data subject in the words of :data:`DATA_SUBJECT` or "itse".

    Examples:
        >>> _other_sources("Tiedot saadaan asiakkaalta itseltään ja eläinlääkäriltä.")
        ['eläinlääkäriltä']
        >>> _other_sources("Tiedot saadaan asiakkaalta sekä Postin osoitepalvelusta.")
        ['asiakkaalta']
        >>> _other_sources("Tiedot saadaan asiakkaalta itseltään, ei muista lähteistä.")
        []
    """
    verb = _SOURCES_VERB.search(text)
    if verb is None:
        return []
    found = []
    parts = _outside_brackets(_SOURCE_JOINER.split(text[verb.end() :].strip(" .")))
    for index, joined in enumerate(parts):
        part = joined.strip(" .")
        low = part.casefold()
        after = parts[index + 1].casefold() if index + 1 < len(parts) else ""
        if (
            not part
            # "… lähteistä, kuten verkkosivuilta": an example of the source before it
            or _SOURCE_EXAMPLE.match(part)
            # "osakkailta ja asukkailta itseltään": "itse" says it of both
            or (" " not in part and _THEMSELVES.search(after))
            or _FROM_WORD.search(part) is None
            # "…, ei muista lähteistä", "eikä niitä kerätä muualta": a denial, no source (R9-11)
            or _DENIED.search(low) is not None
            or DATA_SUBJECT.search(low)
            or _SUBJECT_ITSELF.search(low)
            or _THEMSELVES.search(low)
            or any(cue.search(low) for _key, cue in CATALOG_CUES)
        ):
            continue
        found.append(part)
    return found


#: An example of the source before it: "kuten …", "esimerkiksi …", "such as …".
_SOURCE_EXAMPLE: Final = re.compile(
    r"(?i)(?:kuten|esim\.?|esimerkiksi|such as|e\.g\.|for example|t\.ex\.|till exempel|såsom)\s"
)
#: The data subject "themselves".
_THEMSELVES: Final = re.compile(r"\b(?:itse\w*|själv\w*|themselves|himself|herself)\b")


def _outside_brackets(parts: list[str]) -> list[str]:
    """*parts* with those split inside a bracket joined again ("X (a, b)" is one)."""
    joined: list[str] = []
    for part in parts:
        if joined and joined[-1].count("(") > joined[-1].count(")"):
            joined[-1] += ", " + part
        else:
            joined.append(part)
    return joined


def _themselves(low: str) -> bool:
    """Whether the lower-cased *low* names the data subject as the source in its own words.

    "Potilaalta itseltään … potilaan suostumuksella" is; "Työntekijät itse kirjaavat
    asiakkaan käynnit" is not: another person's data is named (:data:`_OTHERS_DATA`).
    """
    found = _SUBJECT_ITSELF.search(low)
    if found is None:
        return False
    if found.group(0).endswith("itseltään"):
        # "asiakkaalta itseltään": the source is that person, whoever else the sentence
        # names as a second source ("…, lisäksi lapsen tiedot huoltajalta"); one who
        # speaks for another ("huoltajalta itseltään") is never matched
        return True
    own = found.group(0)[:_STEM]
    return all(other.group(0)[:_STEM] == own for other in _OTHERS_DATA.finditer(low))


#: A denial qualified "as a rule": "Tietoja ei pääsääntöisesti luovuteta", "överförs i
#: regel inte", "We generally do not share": it leaves room for exceptions, so it is no
#: flat "none" (no ``none_stated``): the sentence stays in the description, with a remark.
_AS_A_RULE: Final = re.compile(
    r"\b(?:pääsääntöisesti|yleensä|yleisesti ottaen|lähtökohtaisesti|normaalisti|tavallisesti"
    r"|periaatteessa|useimmiten|tavanomaisesti|poikkeustapauksi\w*|poikkeuksellisesti"
    r"|i regel|vanligtvis|normalt|i allmänhet|som huvudregel|huvudsakligen|i undantagsfall"
    r"|generally|as a rule|normally|usually|typically|ordinarily|in principle"
    r"|in exceptional cases)\b"
)
#: "Emme myy tietojasi", "Vi säljer inte", "We do not sell your data": no recipient, no "none".
_NO_SALE: Final = re.compile(
    r"\b(?:emme|ei)\s+(?:\w+\s+)?myy|\bsälj\w*\s+(?:\w+\s+)?(?:inte|aldrig)\b"
    r"|\b(?:do|does|will)\s+not\s+sell|\bnever\s+sell|\bdon[’']t\s+sell"
)
#: An abbreviation that leads on to what follows, at a sentence's end: "mm.", "esim.".
_ABBREVIATION_AT_END: Final = re.compile(r"(?i)\b(?:mm|esim|bl\.a|t\.ex|e\.g|i\.a)\.$")
#: A line over a list without a colon that still leads in to it: "… seuraaviin tarkoituksiin",
#: "Tietoja käytetään esimerkiksi", "Uppgifterna används bl.a. för", "We use the data for".
#: Another line there ("Asiakassuhteen hoitaminen" over "- Laskutus") is a purpose or says more.
_LEADS_IN: Final = re.compile(
    r"(?i)\b(?:seuraav\w*|esimerkiksi|mm\.|muun muassa|kuten|följande|bland annat|bl\.a\.|t\.ex\."
    r"|following|for example|such as|including"
    # a line that stops before its object: "Personuppgifterna används för", "Tietoja käytetään"
    r"|för|till|for|to|used|käytetään|käsitellään|används|behandlas)\W*$"
    # "… seuraaviin tarkoituksiin", "… för följande ändamål", "… for the following purposes"
    r"|(?i:\b(?:seuraav\w*|följande|following)(?:\s+[\w-]+){1,2}\W*$)"
)
#: A lead-in of more words than this says more than "the purposes are:".
_LONG_LEAD_IN: Final = 12


#: Fields a sentence outside any section goes to without a note: the
#: description, and the controller (read from its own cues, a name with a
#: legal form or a Y-tunnus).
_PLAIN_FIELDS: Final = frozenset({"description", "controller"})


#: Where an entry's first sentence ends and another starts ("… tietoihin. Tietoja …").
_FIRST_SENTENCE_END: Final = re.compile(r"(?<=[^\W\d_]{2}[.!?])[ \t]+(?=[A-ZÄÖÅ][a-zäöå])")


def _first_sentence(text: str) -> str:
    """*text* up to the end of its first sentence (:data:`_FIRST_SENTENCE_END`), or all of it."""
    if "." not in text and "!" not in text and "?" not in text:
        return text  # no stop, so no sentence's end (most entries): no search
    return _FIRST_SENTENCE_END.split(text, maxsplit=1)[0]


#: Data the person must give: "tietojen antaminen on pakollista / edellytys", "uppgifterna
#: måste lämnas / överlåtas", "must be provided" (the provision requirement).
_PROVISION_CUE: Final = re.compile(
    r"\b(?:antaminen|luovuttaminen) on (?:pakollista|edellytys)\b"
    r"|\bmåste (?:lämnas|överlåtas|uppges|anges)\b|\bmust be (?:provided|given)\b"
)


def _preamble_cue(low: str) -> str | None:
    """The field of a sentence of an unheaded introduction about the legal basis or rights.

    "Tietojen käsittelyperuste on sopimussuhde … kirjanpitolain velvoitteet"
    names a statute, but says why data are processed: it is no retention
    rule, and names no purpose either, so it stays in the description. A
    sentence about the data subject's rights is no retention rule either,
    unless it gives a period.
    """
    if _PROVISION_CUE.search(low):
        return "provision_requirement"  # "Kontaktuppgifterna måste lämnas vid köp"
    if LEGAL_BASIS_CUE.search(low):
        return "description"  # no purpose named: kept as the notice says it
    if RIGHTS_CUE.search(low) and not re.search(r"[0-9]", low):
        return "rights_exercise"
    return None


#: Fields a name heading's second part may name for the text after the name
#: ("Rekisterin nimi ja käyttötarkoitus"): those read from sentences.
_NAME_SECOND: Final = frozenset(
    {
        SectionKind.PURPOSES,
        SectionKind.CONTENT,
        SectionKind.SUBJECTS,
        SectionKind.SOURCES,
        SectionKind.DISCLOSURES,
        SectionKind.RETENTION,
        SectionKind.SECURITY,
    }
)


#: Where the clause of a transfer denial ends: a full stop, "eikä", or a conjunction that
#: opens a clause of its own with its own negation ("… utanför EU eller EES och de lämnas
#: inte ut till andra än …": the exception belongs to the second clause, not to the
#: transfer's).
_CLAUSE_END: Final = re.compile(
    r"\beikä\b|\.\s"
    r"|\b(?:och|ja|and|samt|sekä)\b(?=(?:\s+[\w-]+){0,3}?\s+(?:inte|ej|ei|eivät|emme|not|never|aldrig)\b)"
)


class Extractor:
    """Maps the sections of a notice onto a :class:`Builder`."""

    def __init__(self, text: str, sections: list[Section], *, learned: bool = True) -> None:
        self.text = text
        self.learned = learned
        """Whether the learnt readers may fill what no rule read (the register-name ranker)."""
        self.sections = adopt_orphan_blocks(text, sections)  # a block taken for a heading
        self.out = Builder(text)
        self.name_guess: tuple[str, int, int] | None = None
        self.contacts = ContactReader(text, self.out, self._contact_otherwise)
        self.contacts.contact_section = any(s.kind is SectionKind.CONTACT for s in sections)
        self.led_to: SectionKind | None = None
        """The kind of list a lead-in named ("… seuraavista lähteistä:"), for its items."""
        self.profiling_said = False
        """Whether a sentence said that profiling does happen (no none_stated then)."""
        self.other_matters = False
        """Whether the section read is headed "Muut tiedot" (its text: the description)."""
        self._on_behalf: dict[tuple[int, int], bool] = {}
        #: Per section (by id, with its number of pieces): each piece's index and the
        #: bounds of the run of list items around it, found once (:meth:`_item_run`)
        #: (the section is kept with its entry: held, its id is never reused by another, R6-16)
        self._runs: dict[tuple[int, int], tuple[Section, dict[int, tuple[int, int, int]]]] = {}
        #: The kind each run of items was read as (:meth:`_list_kind`), by its bounds
        self._run_kinds: dict[
            tuple[int, int, int], tuple[Section, tuple[SectionKind, str] | None]
        ] = {}
        """Whether a heading (by its span) says that its entries act on the controller's behalf."""
        self._columns: tuple[Section, list[str]] | None = None
        """The last table's header row copied as text, with its section: its columns' names."""

    def run(self) -> Builder:
        first_title = next(
            (i for i, s in enumerate(self.sections) if s.kind is SectionKind.TITLE), -1
        )
        for index, section in enumerate(self.sections):
            self.other_matters = section.kind is None and self._other_matters(section)
            if section.heading is not None:
                self._heading(section, index)
            self._title_name(section)  # also a lone first line without a heading
            if section.kind in LINE_SECTIONS:
                self.contacts.preamble = index < first_title
                self.contacts.read(section)
            elif section.kind is SectionKind.NAME:
                self._name(section)
            elif section.kind in RIGHTS_SECTIONS:
                self._rights(section)
            elif section.kind is SectionKind.COOKIES:
                self._units(self._cookies(section))
            else:
                self._units(section)
        self.contacts.scan_business_ids()
        self.contacts.settle_address()
        implied_controller(self.text, self.out)  # the name on the Y-tunnus's line, …
        self._fallbacks()
        self.contacts.reachable_contact()  # a second person reachable, the first not
        self.contacts.body_block_as_own()  # last: no other reading named the controller
        if self.out.recipients and NoneStated.RECIPIENTS in self.out.none_stated:
            # "Tietoja ei luovuteta ulkopuolisille." in the purposes before a disclosures
            # section naming real recipients: the entries win (the builder drops the
            # 'none'), and the draft says that the notice said both (H48)
            self.out.note("recipients", _BOTH_RECIPIENTS)
        if self.out.name is None and self.name_guess is not None:
            name, start, end = self.name_guess
            self.out.name = name
            self.out.map(start, end, "name")
            self.out.note("name", "read from the notice's title; check it")
        owned = (
            owned_register_name(self.text, self.out.controller.name)
            if self.out.name is None
            else None
        )
        if owned is not None:
            self.out.name, start, end = owned
            self.out.map(start, end, "name")
            self.out.note("name", "read from a sentence that names the register; check it")
        if self.out.name is not None and (bare := without_name_label(self.out.name)) != (
            self.out.name
        ):
            # "Rekisteri: Asiakasrekisteri", "Registrets namn Asiakasrekisteri": the heading's
            # words the name was read with
            self.out.note("name", f"read with its heading's words, left out: {self.out.name}")
            self.out.name = bare
        if self.learned and self.out.name is None and (ranked := ranked_name(self.text)):
            # no rule named the register: the ranker's best phrase, when it is confident
            self.out.name, start, end = ranked
            self.out.map(start, end, "name")
            self.out.note("name", "chosen by the name ranker (learnt weights), not a rule; check")
        return self.out

    def _fallbacks(self) -> None:
        """The controller's name and e-mail from elsewhere when no contact section gave them.

        A firm named in the title or introduction is the controller; an e-mail
        address given in another section (rights, contacts in prose) is the
        controller's. Each is noted in the draft.
        """
        out = self.out
        free = [s for s in self.sections if s.kind in FREE_SECTIONS]
        if out.controller.name is None:
            for section in free:
                start = section.heading.start if section.heading else section.pieces[0].start
                end = section.pieces[-1].end if section.pieces else section.heading.end  # type: ignore[union-attr]
                company = COMPANY.search(self.text, start, end)
                if company is not None:
                    out.controller.name = company.group(1)
                    out.note("controller", "name read from the notice's introduction; check it")
                    break
        if out.controller.name is None:
            self._hereinafter(free)
        if out.controller.name is None:
            self._stated_or_shouted(free)
        # a person's or the DPO's address goes to them; a second contact's is noted as theirs
        fallback_email(self.text, out, self.contacts.other_emails())

    def _hereinafter(self, free: list[Section]) -> None:
        """A body that the introduction names 'hereinafter …' is the controller.

        "Esimerkkisäätiö sr, eli Example Foundation, jäljempänä ”Säätiö”": the
        name before the clause, when it names a body (a legal form or a word
        such as säätiö, yhdistys, kunta).
        """
        for section in free:
            for piece in section.pieces[:6]:
                found = _HEREINAFTER.search(self.text, piece.start, piece.end)
                if found is None or not ORGANISATION.search(found.group("name")):
                    continue
                self.out.controller.name = found.group("name").strip()
                self.out.map(found.start("name"), found.end("name"), "controller")
                self.out.note("controller", "name read from the notice's introduction; check it")
                return

    def _stated_or_shouted(self, free: list[Section]) -> None:
        """The controller named in the introduction without a legal form or in capitals.

        "Rekisterinpitäjänä toimii Kylän kaupunki, jonka …" (a body's word such
        as kaupunki, säätiö, kommun); "KYLÄN KAHVILA OY" as the page's first
        line. Noted in the draft.
        """
        for section in free:
            for piece in (
                section.pieces[:6]
                if not section.heading
                else [section.heading, *section.pieces[:6]]
            ):
                line = self.text[piece.start : piece.end]
                stated = STATED_CONTROLLER.search(line)
                if stated is not None and ORGANISATION.search(stated.group("name")):
                    name = stated.group("name").strip()
                else:
                    shouted = COMPANY.search(unshouted(line)) if line.isupper() else None
                    name = shouted.group(1) if shouted is not None else None
                if name:
                    self.out.controller.name = name
                    self.out.note(
                        "controller", "name read from the notice's introduction; check it"
                    )
                    return

    def _title_name(self, section: Section) -> None:
        """Keep a register name read from a title (or a lone line under it) as a guess."""
        if section.kind not in FREE_SECTIONS or self.name_guess is not None:
            return
        pieces = [section.heading] if section.heading is not None else []
        pieces += [p for p in section.pieces[:3] if p.kind == "para"]
        spans = [(piece.start, piece.end) for piece in pieces]
        heading = section.heading
        if heading is not None and section.pieces:
            first = section.pieces[0]
            if "\n" not in self.text[heading.end : first.start]:
                # "Dataskyddsbeskrivning: Stadens nyhetsbrev": the title runs on after its colon
                spans.insert(0, (heading.start, first.end))
        for start, end in spans:
            name = title_register_name(self.text[start:end])
            if name is not None:
                name = with_swedish_title(name, two_lines(self.text, start))
                self.name_guess = (name, start, end)
                return

    def _heading(self, section: Section, index: int) -> None:
        piece = section.heading
        assert piece is not None
        if section.kind is None:
            if self.other_matters:  # "Muut tiedot": no field, its text is the description
                self.out.map(piece.start, piece.end, "heading:description")
                return
            self.out.remarks.append(
                Remark("I001", piece.start, piece.end, flat(self.text[piece.start : piece.end]))
            )
            return
        self.out.map(piece.start, piece.end, f"heading:{section.kind.value}")
        if section.kind is SectionKind.PURPOSES and piece.sub:
            # "4.2 Uutiskirje" under the purposes: a purpose named by its subsection
            self.out.add_purpose(capitalise(piece.sub), None, piece.start, piece.end, remark=None)
        if section.kind is SectionKind.TITLE and not self.out.take_updated(piece.start, piece.end):
            # "Rekisteriseloste, päivitetty 3.2.2020" above; "Tietosuojaseloste 1.2.2025": a
            # date closing the title line is the notice's date, as one alone under it (Q46)
            dated = _TITLE_DATE.search(self.text, piece.start, piece.end)
            if dated is not None:
                self.out.take_bare_date(dated.start(1), dated.end(1))
        following = index + 1
        # its text under sub-headings, or under a repeat of the heading with a value
        has_parts = following < len(self.sections) and self.sections[following].kind in {
            SectionKind.SECURITY_MANUAL,
            SectionKind.SECURITY_ELECTRONIC,
            section.kind,
        }
        if not section.pieces and section.kind is not SectionKind.TITLE and not has_parts:
            self.out.remarks.append(
                Remark("I005", piece.start, piece.end, heading_text(self.text, piece))
            )
            self._note_empty_pair(index)
            self._note_last_line(section, index)

    def _note_last_line(self, section: Section, index: int) -> None:
        """A note on the notice's last line when it was guessed to be a heading with no text.

        "Rekisteröidyn kotikunta (hallitus, toimikunnat, vapa" pasted as the last
        line under a list: its words made it a guessed heading, and a heading with
        nothing under it reaches no field, so its words would be in no value and no
        comment (H49's page 06). The field of the section above says so, for a person
        to check whether it is one more entry.
        """
        piece = section.heading
        if piece is None or not piece.guessed or index != len(self.sections) - 1 or index < 1:
            return
        above = self.sections[index - 1]
        if not above.pieces or above.kind in {None, SectionKind.TITLE}:
            return
        above_kind = above.kind
        assert above_kind is not None
        words = flat(self.text[piece.start : piece.end])
        self.out.note(
            field_name(above_kind),
            f"the notice's last line “{words}” stands alone after this section's text and was "
            "read as a heading with nothing under it: if it is one more entry here, add it",
        )

    def _as_a_rule(self, field: str, sentence: str, start: int, end: int) -> bool:
        """Read a denial qualified "as a rule" (:data:`_AS_A_RULE`), if *sentence* is one.

        It sets no ``none_stated``: the sentence goes to the description, as a
        denial's does, and *field* gets a remark for a person to say what the
        exceptions are.
        """
        if not _qualified_denial(sentence.casefold()):
            return False
        self.out.add_description(sentence, start, end)
        self.out.note(
            field,
            f"the notice denies this only as a rule, so “none” is not set: {flat(sentence)} "
            "(name the exceptions, or say none)",
        )
        self.out.map(start, end, field)
        return True

    def _note_empty_pair(self, index: int) -> None:
        """A remark on an empty section whose heading has only another empty heading under it.

        "Säilytysaika" / "Tietoturva" / the next heading with its text: two
        headings of the table one under the other, neither with text, are read
        as two headings (a list of contents has more), but the lower one may
        be the upper one's terse value: the upper field says so, for a person
        to check. Not for a numbered heading or a question.
        """
        if index < 1:
            return
        above, section = self.sections[index - 1], self.sections[index]
        heading = section.heading
        around = [self.sections[i] for i in (index - 2, index + 1) if 0 <= i < len(self.sections)]
        if (
            above.heading is None
            or above.pieces
            or above.kind in {None, SectionKind.TITLE, section.kind}
            or heading is None
            or any(other.heading is not None and not other.pieces for other in around)
        ):
            return  # (three empty headings in a row: a list of contents)
        own = self.text[heading.start : heading.end].strip()
        words = flat(own)
        if "\n" in own or _EMPTY_PAIR_SHAPE.search(words):
            return
        above_kind = above.kind
        assert above_kind is not None
        self.out.note(
            field_name(above_kind),
            f"the heading “{words}” stands right under this one and neither has text of "
            "its own: it may be this section's value (check it)",
        )

    def _cookies(self, section: Section) -> Section:
        """Read the cookies the section lists by name; return the section's other text."""
        lines = [line for piece in section.pieces for line in piece.lines]
        found = read_cookies([self.text[s:e] for s, e in lines])
        if not found.cookies:
            return section
        taken: set[tuple[int, int]] = set()
        for cookie in found.cookies:
            index = len(self.out.cookies)
            self.out.cookies.append(cookie)
            for line in cookie.lines:
                self.out.map(*lines[line], f"cookies[{index}]")
                taken.add(lines[line])
        for line in found.header:
            self.out.map(*lines[line], "cookies")
            taken.add(lines[line])
        rest: list[Piece] = []
        for piece in section.pieces:
            if not taken.intersection(piece.lines):
                rest.append(piece)
            else:  # a piece partly read as cookies: its other lines, one a paragraph
                rest.extend(
                    Piece("para", s, e, [(s, e)], s) for s, e in piece.lines if (s, e) not in taken
                )
        return attrs.evolve(section, pieces=rest)

    # -- controller, contact and DPO: label lines
    def _name(self, section: Section) -> None:
        heading = section.heading
        glued = name_in_heading(self.text[heading.start : heading.end]) if heading else None
        if glued is not None and self.out.name is None:
            self.out.name = glued  # "1. Rekisterin nimi Asiakasrekisteri": a table row as text
        for index, piece in enumerate(self._name_pieces(section)):
            value = _name_value(self._name_lines(piece))
            if not any(c.isalpha() for c in value):
                # "Rekisterin nimi: 131052-9384": a code (masked "¤") or a number names no
                # register; the passage stays unmatched
                continue
            value, after = split_section_name(value)  # "Asiakasrekisteri. Tietoja …"
            if after is not None and index == 0 and self.out.name is None:
                self.out.add_description(after, piece.start, piece.end)
            if index == 0 and self.out.name is None and self._name_from_sentence(value):
                # "Esimerkin asiakasrekisteriä käytetään …": a sentence, read for its cues
                self._sentence_unit(SectionKind.TITLE, piece.start, piece.end, inherit=None)
                continue
            if index == 0 and self.out.name is None:
                named = self._name_and_rest(piece, value)
                if named is None:
                    self._sentence_unit(SectionKind.TITLE, piece.start, piece.end, inherit=None)
                    continue
                value = named
            if index == 0 and self.out.name is None and len(value) <= 200:
                self.out.name = _as_name(value)
                self.out.map(piece.start, piece.end, "name")
            elif (
                index == 0
                and self.out.name is not None
                and " / " not in self.out.name
                and _SWEDISH_NAME.search(value)
                and not _SWEDISH_NAME.search(self.out.name)
            ):
                # "Registrets namn" after "Rekisterin nimi": the name in Swedish
                self.out.name = f"{self.out.name} / {capitalise(value)}"
                self.out.map(piece.start, piece.end, "name")
            elif index == 1 and self._swedish_after_finnish(value):
                # "Rekisterin nimi / Registrets namn" over the Finnish name, then the Swedish one
                self.out.name = f"{self.out.name} / {capitalise(value.strip(' .'))}"
                self.out.map(piece.start, piece.end, "name")
            elif index == 0 and self._finnish_after_swedish(value):
                # "Rekisterin nimi" after "Registrets namn" (the Swedish version first)
                self.out.name = f"{capitalise(value)} / {self.out.name}"
                self.out.map(piece.start, piece.end, "name")
            else:
                self._name_rest(section, piece, value, listed=index > 0)

    def _name_rest(self, section: Section, piece: Piece, value: str, *, listed: bool) -> None:
        """A name section's paragraph or entry that is not the register's name."""
        if listed and piece.kind == "item" and _another_register(value):
            # "Rekisterien nimet" / "• Jäsenrekisteri" / "• Asiakasrekisteri": the notice
            # names several registers, the draft one; the others are kept in a remark
            self.out.note("name", f"the notice names another register too: {flat(value)}")
            self.out.map(piece.start, piece.end, "name")
            return
        kind = self._name_rest_kind(section)
        self._sentence_unit(kind, piece.start, piece.end, inherit=None)

    def _swedish_after_finnish(self, value: str) -> bool:
        """Whether *value*, a name section's second paragraph, is the Swedish one of its name."""
        name = self.out.name
        return (
            name is not None
            and " / " not in name
            and "rekister" in name.casefold()
            and _SWEDISH_TITLE_NAME.search(value.strip(" .")) is not None
            and "rekister" not in value.casefold()
            and len(value.split()) <= _NAME_WORDS
            and _FINITE_VERB.search(value) is None
        )

    def _finnish_after_swedish(self, value: str) -> bool:
        """Whether *value*, a later name section's name, is the Finnish one of a Swedish name."""
        name = self.out.name
        return (
            name is not None
            and " / " not in name
            and _SWEDISH_NAME.search(name) is not None
            and "rekister" not in name.casefold()
            and re.search(r"(?i)rekisteri$", value.strip(" .")) is not None
            and _SWEDISH_NAME.search(value) is None
            and len(value.split()) <= _NAME_WORDS
        )

    def _name_rest_kind(self, section: Section) -> SectionKind:
        """How the text after the name is read: by the heading's second field, if it names one.

        "Rekisterin nimi ja käyttötarkoitus" / "Asiakasrekisteri" / "Tietoja käytetään
        …": the lines after the name are the purposes; under a heading that names only
        the register they are read as the notice's own text.
        """
        if section.heading is None:
            return SectionKind.TITLE
        second = second_kind(heading_text(self.text, section.heading))
        return second if second in _NAME_SECOND else SectionKind.TITLE

    def _name_and_rest(self, piece: Piece, value: str) -> str | None:
        """The name in a name section's first paragraph *value*, the rest to the description.

        ``None`` when the paragraph is a sentence that names no register.
        """
        over = _name_over_text([flat(self.text[s:e]) for s, e in piece.lines])
        if over is not None:
            # "KYLÄN REKISTERIT" / "SISÄLTÄÄ MM. …": the name's line, then a sentence
            first, rest = _name_value(over[0]), over[1]
        elif not _verb_in(value):
            return value
        else:
            # "X ry:n rekisteri. Rekisterikokonaisuus muodostuu seuraavista …": the
            # name is the first sentence; "Säätiössä on rekisterit liittyen …" names none
            first, _, rest = value.partition(". ")
            if not rest or _verb_in(first) or len(first.split()) > _NAME_WORDS:
                return None
        first, kept_in = split_section_name(first)  # "X-rekisteri Y-järjestelmässä. …"
        if kept_in is not None:
            self.out.note("name", f"the words after the name are kept apart: {kept_in}")
        self.out.add_description(rest, piece.start, piece.end)
        return first

    def _name_lines(self, piece: Piece) -> str:
        """A name section's paragraph as one value: its lines joined, or the first of them."""
        value = flat(self.text[piece.content_start : piece.end])
        lines = [flat(self.text[s:e]) for s, e in piece.lines]
        if (
            len(lines) == 2
            and _SWEDISH_NAME.search(lines[1])
            and not _SWEDISH_NAME.search(lines[0])
        ):
            return f"{lines[0]} / {lines[1]}"  # the name in Finnish, then in Swedish
        if len(lines) > 1 and all(_REGISTER_LINE.search(line) for line in lines):
            # one register a line: the first is the draft's, the others are noted
            self.out.note("name", "the notice names more registers: " + "; ".join(lines[1:]))
            return lines[0]
        if len(lines) == 2 and system_line(*lines):
            # the name, then its system's on a line of its own
            self.out.note("name", f"the line under the name is kept apart: {lines[1]}")
            return lines[0]
        return value

    def _name_pieces(self, section: Section) -> list[Piece]:
        """A name section's pieces, a name broken over its first two paragraphs as one."""
        pieces = section.pieces
        if len(pieces) > 1 and continues_name(
            flat(self.text[pieces[0].content_start : pieces[0].end]),
            flat(self.text[pieces[1].content_start : pieces[1].end]),
        ):
            # a name broken over two paragraphs (see continues_name)
            lines = [(pieces[0].start, pieces[1].end)]
            return [attrs.evolve(pieces[0], end=pieces[1].end, lines=lines), *pieces[2:]]
        return pieces

    def _name_from_sentence(self, sentence: str) -> bool:
        """The register a name section's first sentence opens with, in the nominative.

        "Fysioterapian asiakasrekisteriä käytetään …" under "Rekisterin nimi ja
        käyttötarkoitus": the name is "Fysioterapian asiakasrekisteri" (genitives
        before a word ending in "rekisteri" in another case than the nominative,
        words after it; not "Rekisteri" alone). Whether it was.
        """
        found = _SENTENCE_REGISTER.match(sentence)
        if (
            found is None
            or found.group("phrase").casefold() == "rekister"
            or len(sentence[found.end() :].split()) < _SENTENCE_TAIL_WORDS
        ):
            return False
        self.out.name = capitalise(found.group("phrase") + "i")
        self.out.note("name", "read from the first sentence of the name section; check it")
        return True

    # -- rights
    def _rights(self, section: Section) -> None:
        spans = [span for piece in section.pieces for span in self._rights_spans(piece)]
        texts = [flat(self.text[start:end]) for _, start, end in spans]
        body = " ".join(text for text in texts if text)
        if not body:
            return
        heading = heading_text(self.text, section.heading) if section.heading else None
        self.out.rights_exercise.append(f"{heading}: {body}" if heading else body)
        low = granted(body.casefold())  # not a right the notice says does not apply
        for right, cue in RIGHT_CUES:
            if cue.search(low):
                self.out.rights[right] = None
        for start, _, end in spans:
            self.out.map(start, end, "rights_exercise")

    def _rights_spans(self, piece: Piece) -> list[tuple[int, int, int]]:
        """A rights section's piece as (start, content start, end), its date lines taken out.

        The rights are the usual last section: a line under them that dates the
        notice ("Päivitetty 14.8.2024", "Tämä seloste on päivitetty …") and names
        no right is the notice's date, read as ``updated``, not how to use a right.
        """
        whole = [(piece.start, piece.content_start, piece.end)]
        if piece.kind != "para" or not updated_anywhere(self.text[piece.start : piece.end]):
            return whole  # no date (nearly every piece): as it is
        spans = []
        for start, end in piece.lines:
            if self._dates_notice(start, end):
                self.out.map(start, end, "updated")
            else:
                spans.append((start, max(start, piece.content_start), end))
        return spans

    def _dates_notice(self, start: int, end: int) -> bool:
        """Whether the line *start*–*end* dates the notice and names no right (read if so)."""
        low = self.text[start:end].casefold()
        if updated_in(self.text, start, end) is None or any(c.search(low) for _, c in RIGHT_CUES):
            return False
        self.out.take_updated(start, end)
        return True

    # -- everything else: sentences and list items
    def _units(self, section: Section) -> None:
        pieces = section.pieces
        i = 0
        new_rule = True
        while i < len(pieces):
            piece = pieces[i]
            if piece.kind == "item":
                self._item(section, piece)
                i += 1
                new_rule = True
                continue
            self.led_to = None  # a paragraph ends the list its lead-in named
            if section.kind in FREE_SECTIONS and self.contacts.free_block(piece):
                i += 1
                continue
            # A run: paragraphs joined while one does not end a sentence.
            j = i
            while (
                j + 1 < len(pieces)
                and pieces[j + 1].kind == "para"
                and not self.text[pieces[j].start : pieces[j].end]
                .rstrip()
                .endswith((".", "!", "?", ":", ";"))
            ):
                j += 1
            start, end = pieces[i].start, pieces[j].end
            followed_by_list = j + 1 < len(pieces) and pieces[j + 1].kind == "item"
            inherit: str | None = None
            spans = sentences(self.text, start, end)
            for number, (s, e) in enumerate(spans):
                last = number == len(spans) - 1
                inherit = self._sentence_unit(
                    section.kind,
                    s,
                    e,
                    inherit=inherit,
                    # a last sentence ending in a colon leads in to what follows,
                    # a list or a paragraph ("… seuraavat tiedot:" / "nimi, osoite …")
                    # ("Laskutus." over "- Markkinointi" is an entry of its own)
                    lead_in=last
                    and ((followed_by_list and not self._entry(s, e)) or self._colon(s, e)),
                    section=section,
                    new_rule=new_rule and number == 0,
                )
            if followed_by_list and spans:
                self._lead_in(section.kind, flat(self.text[spans[-1][0] : spans[-1][1]]))
            new_rule = True
            i = j + 1

    def _entry(self, start: int, end: int) -> bool:
        """Whether the sentence at *start*–*end* is a short entry ("Laskutus."), no lead-in.

        Not one whose dot is an abbreviation's that leads on ("Tietoja käytetään mm.").
        """
        text = self.text[start:end].rstrip()
        return (
            text.endswith(".")
            and len(text.split()) <= _ENTRY_WORDS
            and _ABBREVIATION_AT_END.search(text) is None
        )

    def _lead_in(self, kind: SectionKind | None, lead_in: str) -> None:
        """Let a list's lead-in name the field of its items (noted outside a known section)."""
        self.led_to = _led_to(kind, lead_in)
        field = self._default(kind) if kind in _GROUPED else None
        if field is not None and _group_label(lead_in):
            # "Verkkokauppa:" over "- nimi" / "- osoite": which entries belong together
            self.out.note(field, f"the next entries are grouped under: {lead_in.rstrip(' :')}")
        if self.led_to is not None and kind in FREE_SECTIONS:
            field = _LIST_FIELDS[self.led_to]
            shown = lead_in if len(lead_in) <= 70 else lead_in[:69] + "…"
            self.out.note(field, f"a list outside any known section, read by its lead-in: {shown}")
        elif self.led_to is SectionKind.PROCESSORS and kind is SectionKind.DISCLOSURES:
            shown = lead_in if len(lead_in) <= 70 else lead_in[:69] + "…"
            self.out.note(
                "processors", f"a list under the recipients, read by its lead-in: {shown}"
            )

    def _colon(self, start: int, end: int) -> bool:
        return self.text[start:end].rstrip().endswith(":")

    def _item(self, section: Section, piece: Piece) -> None:
        start, end = piece.start, piece.end
        item = self._item_text(section, piece)
        if item is None or not meaningful(item):
            return
        kind = self.led_to or section.kind
        if self._processor_heading(section, kind, item):
            kind = SectionKind.PROCESSORS  # "Ketkä käsittelevät tietoja puolestamme?" / "- X Oy"
        elif kind is None and section.heading is not None:
            kind = self._list_kind(
                section, piece
            )  # a list under a heading the importer does not know
        if (
            kind in _ENTRY_LISTS
            and denies(low := item.casefold())
            and not _NO_AT_END.search(low)
            and _LIST_DENIAL.search(low) is not None
        ):
            # "- tietoja ei käytetä markkinointiin", "- ei henkilötunnusta": a denial in a
            # list is no entry; it is read as the same sentence would be (kept as a note)
            self._sentence_unit(kind, start, end, inherit=None, section=section, text=item)
            return
        # a data item's remark in brackets ("nimi (säilytetään 6 vuotta)") moves no item
        cued = _BRACKETED.sub("", item) if kind is SectionKind.CONTENT and "(" in item else item
        # an entry of sentences is read by its first: "X perustuu …. Tietoja säilytetään …"
        # under the purposes stays a purpose
        cued = _first_sentence(cued)
        routed = self._cross(kind, cued.casefold())
        if routed in {"transfers", "retention", "recipients"} or (
            routed is not None
            and kind
            not in {
                SectionKind.SOURCES,
                SectionKind.CONTENT,
                SectionKind.SUBJECTS,
                SectionKind.PURPOSES,
            }
        ):
            self._sentence_unit(kind, start, end, inherit=None, section=section, text=item)
            return
        if kind is SectionKind.PURPOSES:
            said = _unshout(item)  # "- MARKKINOINTI" is "Markkinointi"
            # "- laskutukseen ja perintään": read as "Tietoja käytetään …" would be
            listed = purposes_in(said) or illative_item(said)
            phrase = None if listed else noun_phrase(said, search=False)
            names = listed or [phrase or capitalise(said)]
            remark = NOMINATIVE if listed or phrase else None
            first = len(self.out.purposes)
            # an item named with a word of it dropped keeps its words ("X:n perustamiseen
            # ja hallinnointiin" named "Hallinnointi"): names whole, never cut
            dropped = len(names) == 1 and _words_dropped(said, names)
            for name in names:
                self.out.add_purpose(
                    name, as_sentence(item) if dropped else None, start, end, remark=remark
                )
            self._keep_said(names, item, first)
        elif kind is SectionKind.CONTENT:
            # "- nimi- osoite", "- Nimi - Osoite - Puhelin": one item a part
            for part in item_run(item) or [item]:
                self._content_item(part, start, end)
        elif kind is SectionKind.SUBJECTS:
            self._subject_item(item, start, end)
        elif kind is SectionKind.SOURCES:
            self._source(item, start, end, is_item=True)
        else:
            self._sentence_unit(kind, start, end, inherit=None, section=section, text=item)

    def _item_text(self, section: Section, piece: Piece) -> str | None:
        """An item's text; a table's row as "Laskutus (Sopimus)", its header row ``None``.

        A table copied as text is read as a page's table: the first cell names
        the entry, the others follow in brackets; the header row and a Markdown
        rule are the section's structure (their words listed, as on a page).
        """
        if not piece.cells:
            return flat(self.text[piece.content_start : piece.end])
        cells = [flat(self.text[start:end]) for start, end in piece.cells]
        if piece.columns:
            if any(cell.strip("-:| ") for cell in cells):  # not a Markdown rule
                self._columns = (section, cells)
            field = self._default(section.kind)
            if field is not None:
                self.out.map(piece.start, piece.end, field)
            return None
        named = self._columns[1] if self._columns and self._columns[0] is section else ()
        cells[1:] = [
            # a bare yes or no says little without its column: "Kerätäänkö: ei" (A15's V45)
            f"{named[index]}: {cell}" if index < len(named) and _YES_NO.fullmatch(cell) else cell
            for index, cell in enumerate(cells[1:], start=1)
        ]
        return f"{cells[0]} ({', '.join(cells[1:])})" if len(cells) > 1 else cells[0]

    def _list_kind(self, section: Section, piece: Piece) -> SectionKind | None:
        """The kind of a list under an unknown heading, as its entries say.

        Entries that name kinds of people, more than half ("Asiakkaat", "Käyttäjät (esim.
        …)") are data subjects; entries that all name items of data
        ("Yhteystiedot (esim. …)", "Maksutiedot") are data categories. The
        move is noted on the field.
        """
        at, first, last = self._item_run(section, piece)
        if last == first:
            return None  # a lone line says too little
        run = (id(section), first, last)
        cached = self._run_kinds.get(run)
        if cached is None or cached[0] is not section:  # each entry asks: a list read once
            cached = self._run_kinds[run] = (
                section,
                self._items_kind(section.pieces[first : last + 1]),
            )
        read = cached[1]
        if read is None:
            return None
        found, field = read
        if at == first and section.heading is not None:
            heading = heading_text(self.text, section.heading)
            self.out.note(field, f"a list under “{heading}”, read by its entries; check it")
        return found

    def _items_kind(self, pieces: list[Piece]) -> tuple[SectionKind, str] | None:
        """The kind and field the entries *pieces* of one list name, if they agree."""
        items = [flat(self.text[p.content_start : p.end]) for p in pieces]
        heads = [re.split(r"\s*\(", item, maxsplit=1)[0] for item in items]
        if any(_ENTRY_VERB.search(head) for head in heads):
            return None  # "Asiakkaat voivat pyytää tietonsa": sentences, not items of data
        people = sum(person_entry(head) for head in heads)
        if 2 * people > len(heads) and not any(is_data_item(head) for head in heads):
            return SectionKind.SUBJECTS, "data_subjects"
        if all(is_data_item(head) and not people_kind(head) for head in heads):
            return SectionKind.CONTENT, "data_categories"
        return None

    def _item_run(self, section: Section, piece: Piece) -> tuple[int, int, int]:
        """*piece*'s index in *section* and the first and last index of the items around it.

        The items right before and after it, as many as follow one another (the
        piece itself may be no item). Found for the whole section at once.
        """
        pieces = section.pieces
        key = (id(section), len(pieces))
        cached = self._runs.get(key)
        runs = cached[1] if cached is not None and cached[0] is section else None
        if runs is None:
            starts, ends = list(range(len(pieces))), list(range(len(pieces)))
            for k in range(1, len(pieces)):
                if pieces[k].kind == "item" and pieces[k - 1].kind == "item":
                    starts[k] = starts[k - 1]
            for k in range(len(pieces) - 2, -1, -1):
                if pieces[k].kind == "item" and pieces[k + 1].kind == "item":
                    ends[k] = ends[k + 1]
            runs = {}
            for k, each in enumerate(pieces):
                first = starts[k - 1] if k > 0 and pieces[k - 1].kind == "item" else k
                last = ends[k + 1] if k + 1 < len(pieces) and pieces[k + 1].kind == "item" else k
                runs[id(each)] = (k, first, last)
            self._runs[key] = (section, runs)
        return runs[id(piece)]

    def _subject_item(self, item: str, start: int, end: int) -> None:
        """An entry under a data-subjects heading: people, or an item of data.

        People are named in the nominative ("Työnhakijoiden" → "Työnhakijat");
        an item of data ("Nimi") is a data category.
        """
        if is_data_item(item) and not people_kind(item):
            self._content_item(item, start, end)
            return
        self.out.add_subject(capitalise(people_named(item).rstrip(".;,")), None, start, end)

    def _processor_heading(self, section: Section, kind: SectionKind | None, item: str) -> bool:
        """A firm listed under a data or recipients heading that says "on our behalf"."""
        heading = section.heading
        if kind not in {SectionKind.CONTENT, SectionKind.DISCLOSURES} or heading is None:
            return False
        span = (heading.start, heading.end)
        on_behalf = self._on_behalf.get(span)
        if on_behalf is None:  # the heading's test once a heading, not once an entry
            said = heading_text(self.text, heading).casefold()
            on_behalf = self._on_behalf[span] = processor_evidence(said) == "strong"
        return on_behalf and COMPANY.search(item) is not None

    def _content_item(self, item: str, start: int, end: int) -> None:
        if self._people_label(item, start, end):
            return  # "- Asiakkaat: nimi, osoite"
        name, _, rest = item.partition(" (")
        description = None
        if rest and item.endswith(")"):
            description = as_sentence(rest[:-1])
        else:
            name = item
        head = _before_relative(name)
        if (PERSON_WORDS.search(head.casefold()) and not is_data_item(head)) or person_entry(head):
            full = as_sentence(item)
            short = capitalise(head)
            self.out.add_subject(
                short,
                description or (full if flat(full).rstrip(".") != short else None),
                start,
                end,
            )
            return
        self.out.add_category(
            capitalise(name), as_sentence(item) if description is None else description, start, end
        )

    def _processor_moved(self, kind: SectionKind | None, low: str) -> str | None:
        """To processors: a sentence naming a firm, not the controller, that processes the data.

        "Asiakkaat varataan X Oy:n tarjoamalla järjestelmällä", "Servern finns hos
        systemleverantören X Ab", "… jonka ylläpitäjä on X Oy" under a purposes,
        security or retention heading: the firm is a processor. The controller's
        own name ("Esimerkki Oy ylläpitää rekisteriä") names none. Under a sources
        or data heading only a sentence that says, with a verb, that the party
        processes the data for the controller moves (:func:`_acts_for`: "X Oy,
        joka toimii henkilötietojen käsittelijänä", "X Ab … som vårt
        personuppgiftsbiträde").
        """
        if kind in _PROCESSOR_LEAVES_ACTING:
            if not _acts_for(low) or STRONG_SOURCE.match(low) or _said_otherwise(kind, low):
                return None
        elif kind not in _PROCESSOR_LEAVES:
            return None
        purpose = kind is SectionKind.PURPOSES and _PURPOSE_USE.search(low) is not None
        if _FIRM_FORM.search(low) is None:
            # no firm named (most sentences): only one that says the processing is
            # outsourced or done by subcontractors ("Käsittelytehtäviä voidaan ulkoistaa
            # palveluntarjoajille …", "Rekisterinpitäjä voi käyttää alihankkijoita …");
            # not a purpose that names them as people ("Tietoja käytetään
            # alihankkijoiden yhteystietojen ylläpitoon", R9-2)
            # or, in a sources or data paragraph (where only that moves), one that says
            # a party processes them for the controller ("Ilmoittautumisjärjestelmää
            # ylläpitää toimittaja, joka toimii henkilötietojen käsittelijänä")
            moved = (
                _outsourced(low) or (kind in _PROCESSOR_LEAVES_ACTING and _acts_for(low))
            ) and (not purpose or _DONE_BY.search(low) is not None)
            return "processors" if moved else None
        if purpose:
            return None  # "Tietoja käytetään X Oy:n ylläpitämän ohjelman …": a purpose (R3-19)
        controller = self.out.controller.name
        rest = low.replace(controller.casefold(), " ") if controller else low
        if _FIRM_FORM.search(rest) is None:
            return None
        return "processors" if processor_evidence(low) is not None else None

    def _cross(self, kind: SectionKind | None, low: str) -> str | None:
        """The field that a cue in the sentence sends it to, whatever the section says.

        Under a heading the importer knows, only strong evidence moves a
        sentence: a transfer outside the EU/EEA, a retention statement with a
        period or a statute, a sentence that opens with a disclosure, a
        statement of where the data come from. Text before the first heading
        or under an unknown one is read from weaker cues too.
        """
        if kind not in CROSS_CUED:
            return None
        free = kind in FREE_SECTIONS
        if kind is not SectionKind.TRANSFERS and is_transfer(low):
            return "transfers"
        if (
            kind not in _KEEP_COOKIE_SENTENCES
            and _about_cookies(low)
            # under the purposes, a sentence saying what the cookies are used FOR is a
            # purpose, as in "Käytämme evästeitä markkinoinnin kohdentamiseen" (R9-6)
            and not (kind is SectionKind.PURPOSES and _PURPOSE_SAID.search(low) is not None)
        ):
            return "cookie_policy"  # "Sivusto tallentaa laitteellesi evästeitä …" (no heading)
        if (moved := _moved_from(kind, low) or self._processor_moved(kind, low)) is not None:
            return moved
        if free and ABOUT_NOTICE.search(low):
            return "description"  # the notice introduces itself: no field of its own
        if free and (preamble := _preamble_cue(low)) is not None:
            return preamble
        if free and GIVEN_TO_CONTROLLER.search(low):
            return "sources"  # "the donor gives the foundation data on themselves"
        opened = field_opened(low)  # "Säilytämme …", "We share … with", "Vi får … av"
        if (
            kind not in SECURITY_SECTIONS
            and kind is not SectionKind.RETENTION
            and (
                (RETENTION.search(low) and STRONG_RETENTION.search(low))
                or opened is SectionKind.RETENTION
            )
        ):
            return "retention"
        if kind not in _NOT_TO_RECIPIENTS and (
            (
                DISCLOSURE.search(low)
                and not NOT_DISCLOSURE.search(low)
                and (STRONG_DISCLOSURE.match(low) or _disclosure_opening(low))
            )
            or opened is SectionKind.DISCLOSURES
        ):
            return "recipients"
        if (
            kind is SectionKind.CONTENT
            and not low.rstrip().endswith(":")  # a lead-in to a list of data
            and not DATA_ITEM.search(low)  # the cheap tests first (all are pure), asked once
            and (
                # "Rekisteröidyt ryhmät ovat yritys- ja yksityisasiakkaat.", "Kunder och
                # medlemmar." (_names_people)
                _people_named(low)
                # "Rekisterissä käsitellään asiakkaiden ja jäsenten tietoja": whose data,
                # not which
                or _WHOSE_DATA.search(low)
                or whose_data(low)
            )
        ):
            return "data_subjects"
        if (free and (STRONG_SOURCE.match(low) or DATA_SUBJECT.search(low))) or (
            # under a data-content heading only a statement of where the data come
            # from moves: "asiakkaan tekemien tilausten tiedot" are data, not a source
            kind is SectionKind.CONTENT
            and (
                STRONG_SOURCE.match(low)
                or SOURCE.search(low)
                or (
                    # "Rekisteriin tallennetaan nimi, …, asiakkaan antama palaute": a list
                    # of data, one of them given by the client, is no statement of a source
                    not (CONTENT_CUE.search(low) and DATA_ITEM.search(low))
                    and any(not m.group(0).endswith("tekemi") for m in DATA_SUBJECT.finditer(low))
                )
            )
        ):
            return "sources"
        return self._free_cue(low) if free else None

    def _free_cue(self, low: str) -> str | None:
        if CONTROLLER_CUE.search(low) and (
            COMPANY.search(low.title()) or YTUNNUS.search(low) or states_controller(low)
        ):
            return "controller"
        if self.out.controller.name is None and YTUNNUS.search(low) and _Y_TUNNUS_WORD.search(low):
            # the controller named with its Y-tunnus in the introduction
            return "controller"
        if purposes_in(low):
            return "purposes"
        if CONTENT_CUE.search(low) and _LISTS_DATA.search(low):
            # "Rekisteriin tallennetaan seuraavat tiedot: …", not "… joita keräämme
            # jäsenistä" in an introduction (that names no data)
            return "data_categories"
        if SECURITY_CUE.search(low):
            return "security"
        if RIGHTS_CUE.search(low):
            return "rights_exercise"
        said = data_fields_said(low)  # the same said in the active voice: "We keep … for six years"
        if len(said) == 1:
            return _SAID_FIELDS.get(said.pop())
        return "cookie_policy" if not said and cookies_said(low) else None

    def _sentence_unit(
        self,
        kind: SectionKind | None,
        start: int,
        end: int,
        *,
        inherit: str | None,
        lead_in: bool = False,
        section: Section | None = None,
        new_rule: bool = True,
        text: str | None = None,
    ) -> str | None:
        """Send one sentence to its field; return the field if it came from a cue."""
        if self.out.take_updated(start, end) or (
            kind is SectionKind.TITLE and self.out.take_bare_date(start, end)
        ):
            return None
        sentence = flat(text if text is not None else self.text[start:end])
        if (
            not meaningful(sentence)
            or self._stated_name(sentence, start, end)
            or (lead_in and self._led_elsewhere(kind, sentence, start, end))
        ):
            return None
        low = sentence.casefold()
        if NO_COOKIES.search(low) and self._as_a_rule("cookies", sentence, start, end):
            return None
        if NO_COOKIES.search(low) and EXCEPTION.search(low) is None:
            # "Palvelussa ei käytetä evästeitä": explicitly no cookies
            self.out.none_stated[NoneStated.COOKIES] = None
            self.out.add_description(sentence, start, end)
            self.out.map(start, end, "none_stated.cookies")
            return None
        if self._automated(kind, sentence, low, start, end):
            return None
        field, kind = self._cross_or_second(kind, low, section)
        cued = field is not None
        continued = False
        if (
            field is None
            and inherit is not None
            and (DEMONSTRATIVE.match(sentence) or not self._has_home(kind, low))
        ):
            field, cued, continued = inherit, True, True
        if (
            field is None
            and kind not in {SectionKind.PURPOSES, None}
            and self._about_purpose(sentence, start, end)
        ):
            return None
        if field is None:
            field = self._default(kind)
        if field is None and kind is None and section is not None and section.heading is None:
            field = "description"  # the notice's introduction, before its first heading
        if field is None:
            return None
        self._send(
            Unit(
                field,
                kind,
                sentence,
                start,
                end,
                section=section,
                lead_in=lead_in,
                new_rule=new_rule,
                continued=continued,
            )
        )
        if cued and not continued and section is not None:
            self._note_moved(field, kind, section, sentence)
        return field if cued else None

    def _automated(
        self, kind: SectionKind | None, sentence: str, low: str, start: int, end: int
    ) -> bool:
        """Read a denial of automated decisions (then True); note profiling that happens.

        "Tietoja ei käytetä automaattiseen päätöksentekoon" sets ``none_stated``
        unless another sentence of that section says that customers are profiled
        ("Emme tee automaattisia päätöksiä. Profiloimme asiakkaita …"), before or after it.
        """
        if (
            kind is SectionKind.AUTOMATED
            and _PROFILES.search(low) is not None
            and not negated(low)
            and not low.rstrip().endswith("?")  # "Käytetäänkö tietoja profilointiin?"
            and _RIGHT_WORD.search(low) is None  # "oikeus vastustaa profilointia"
        ):
            self.profiling_said = True
            self.out.none_stated.pop(NoneStated.AUTOMATED_DECISIONS, None)
        if not no_automated(low, under_heading=kind is SectionKind.AUTOMATED):
            return False
        if self._as_a_rule("automated_decisions", sentence, start, end):
            return True
        if not self.profiling_said:
            self.out.none_stated[NoneStated.AUTOMATED_DECISIONS] = None
        if not bare_no(low):  # a bare "Ei." says nothing in the description
            self.out.add_description(sentence, start, end)
        self.out.map(start, end, "none_stated.automated_decisions")
        return True

    def _cross_or_second(
        self, kind: SectionKind | None, low: str, section: Section | None
    ) -> tuple[str | None, SectionKind | None]:
        """The field a cue sends the sentence to, or the heading's second field's."""
        field = self._cross(kind, low)
        second = None if field is not None else self._second(kind, low, section)
        if second is not None:
            return self._default(second), second  # the heading's other field
        return field, kind

    def _second(
        self, kind: SectionKind | None, low: str, section: Section | None
    ) -> SectionKind | None:
        """The heading's second field, when the sentence is about it and not the first.

        Under "Säilytysaika ja tietoturva", "Tietokanta on suojattu palomuurilla"
        is security; "Tietoja säilytetään kaksi vuotta" stays retention.
        """
        if kind is None or section is None or section.heading is None:
            return None
        heading = heading_text(self.text, section.heading)
        if kind in SECURITY_SECTIONS and _purpose_of_two_part(heading, low):
            return SectionKind.PURPOSES
        second = second_kind(heading)
        if second is kind and kind is SectionKind.SOURCES:
            return _data_of_first_part(heading, low)
        if second is None or second is kind or second in _NO_SECOND:
            return None
        if names_kind(second, low) and not names_kind(kind, low):
            return second
        return None

    def _led_elsewhere(self, kind: SectionKind | None, sentence: str, start: int, end: int) -> bool:
        """A lead-in that names another list's field, mapped to that field.

        "Keräämme tietoja seuraaviin tarkoituksiin:" under a security heading
        leads in to purposes: it is no security measure.
        """
        led = _led_to(kind, sentence) if kind in _LEAD_ELSEWHERE else None
        if led is None:
            return False
        self.out.map(start, end, _LIST_FIELDS[led])
        return True

    def _stated_name(self, sentence: str, start: int, end: int) -> bool:
        """The register's name stated in a sentence ("Rekisterin nimi on X.") anywhere."""
        stated = stated_register_name(sentence) if self.out.name is None else None
        if stated is None:
            return False
        self.out.name = stated
        self.out.map(start, end, "name")
        return True

    def _about_purpose(self, sentence: str, start: int, end: int) -> bool:
        """Attach a sentence about one known purpose, outside the purpose section, to it.

        "Asiakastietoja voidaan käyttää markkinointiviestintään vain ... toimesta"
        in a retention section describes the purpose "Markkinointi".
        """
        names = purposes_in(sentence)
        if not names or len(names) != 1 or not self.out.purposes:
            return False
        said = names[0].casefold()
        matches = [
            index
            for index, purpose in enumerate(self.out.purposes)
            if len(known := str(purpose["name"]).casefold()) >= 6 and said.startswith(known)
        ]
        if len(matches) != 1:
            return False
        purpose = self.out.purposes[matches[0]]
        if self.out._new("purpose-description", sentence):  # noqa: SLF001 - the builder's own dedupe
            described = purpose["description"]
            purpose["description"] = f"{described} {sentence}" if described else sentence
        self.out.map(start, end, f"purposes[{matches[0]}]")
        return True

    def _has_home(self, kind: SectionKind | None, low: str) -> bool:
        if kind is SectionKind.RETENTION:
            return RETENTION.search(low) is not None
        if kind in SECURITY_SECTIONS:
            # "Tiedot suojataan palomuurilla." after a moved sentence is security again
            return SECURITY_CUE.search(low) is not None
        return (
            kind not in {None, SectionKind.TITLE, SectionKind.CHANGES}
            and kind not in SECURITY_SECTIONS
        )

    def _other_matters(self, section: Section) -> bool:
        """Whether *section*'s heading names other matters ("Muut tiedot", "Other information")."""
        piece = section.heading
        return piece is not None and other_matters(heading_text(self.text, piece))

    def _default(self, kind: SectionKind | None) -> str | None:
        if kind is None and self.other_matters:
            return "description"  # the text under "Muut tiedot" (the guide)
        if kind is SectionKind.PURPOSES:
            return "purposes"
        if kind is SectionKind.RETENTION:
            return "retention"
        return {
            SectionKind.TITLE: "description",
            SectionKind.CHANGES: "description",
            SectionKind.COOKIES: "cookie_policy",
            SectionKind.AUTOMATED: "description",
            SectionKind.CONTENT: "data_categories",
            SectionKind.SUBJECTS: "data_subjects",
            SectionKind.SOURCES: "sources",
            SectionKind.DISCLOSURES: "recipients",
            SectionKind.PROCESSORS: "processors",
            SectionKind.TRANSFERS: "transfers",
            SectionKind.SECURITY: "security",
            SectionKind.SECURITY_MANUAL: "security",
            SectionKind.SECURITY_ELECTRONIC: "security",
            SectionKind.PROVISION: "provision_requirement",
            SectionKind.CONTROLLER: None,
            SectionKind.CONTACT: None,
            SectionKind.DPO: None,
        }.get(kind)  # type: ignore[arg-type] # None (no section) maps to None

    def _send(self, unit: Unit) -> None:
        handler = {
            "purposes": self._to_purposes,
            "data_categories": self._to_categories,
            "data_subjects": self._to_subjects,
            "sources": self._to_sources,
            "recipients": self._to_recipients,
            "transfers": self._to_transfers,
            "retention": self._to_retention,
            "security": self._to_security,
            "controller": self._to_controller,
            "provision_requirement": self._to_provision,
            "rights_exercise": self._to_rights,
            "cookie_policy": self._to_cookie_policy,
            "processors": self._to_processors,
        }.get(unit.field, self._to_description)
        handler(unit)

    def _to_processors(self, unit: Unit) -> None:
        """A processor's line ("Esimerkki Oy – palvelimet") or a sentence naming processors.

        A sentence that names none ("Käytämme alihankkijoita, joiden kanssa on
        tehty käsittelysopimus") is kept as a note on the processors to name.
        """
        if unit.leads:
            self.out.map(unit.start, unit.end, "processors")
            return
        if _denies_processors(unit):
            # "Emme käytä alihankkijoita", "Ei käytetä." under the processors heading
            self.out.none_stated[NoneStated.PROCESSORS] = None
            self.out.add_description(unit.sentence, unit.start, unit.end)
            self.out.map(unit.start, unit.end, "none_stated.processors")
            return
        sentence = unit.sentence.rstrip(" .;,")
        named = [m for m in COMPANY.finditer(sentence) if m.group(1) != self.out.controller.name]
        if named:
            services = _named_services(sentence, named)
            firms = []
            for name, service in services:
                # "Palveluntarjoajamme Pilvipalvelu Oy": the firm, not the word for its role
                firm = _ROLE_WORD.sub("", name) if " " in name else name
                # "Käytämme Koodi Oy:n pilvipalvelua": the verb that opens the sentence
                firm = _VERB_BEFORE_FIRM.sub("", firm)
                firms.append(firm)
                self.out.add_processor(firm, service, unit.start, unit.end)
            shared = len(named) > 1 and named[0].start() > 0
            if (shared or None in (s for _, s in services)) and _says_more(sentence, named, firms):
                # said of the firms together: kept once, for the user to divide
                self.out.note(
                    "processors",
                    f"the notice says: {flat(unit.sentence)} — give each processor its service",
                )
        elif (
            unit.kind is not SectionKind.DISCLOSURES  # a sentence read from its words
            # (a sentence moved out of the purposes, security or retention names no firm:
            # "Käsittelytehtäviä voidaan ulkoistaa palveluntarjoajille" stays a note, R9-2)
            and unit.kind not in _PROCESSOR_LEAVES
            and len(sentence.split()) <= _PROCESSOR_WORDS
            and sentence[:1].isupper()
            and _FINITE_VERB.search(f" {sentence} ") is None
            and _NO_PROCESSOR.search(sentence) is None
        ):
            parts = _PROCESSOR_SPLIT.split(sentence, maxsplit=1)
            name = parts[0].strip()
            service = parts[1].strip().rstrip(")") if len(parts) > 1 else ""
            self.out.add_processor(name, service or None, unit.start, unit.end)
        else:
            self.out.note(
                "processors", f"the notice says: {flat(unit.sentence)} — name each processor"
            )
            self.out.map(unit.start, unit.end, "processors")

    def _to_cookie_policy(self, unit: Unit) -> None:
        if bare_no(unit.low):  # a bare "Ei." under the cookie heading: none are used
            self.out.none_stated[NoneStated.COOKIES] = None
            self.out.add_description(unit.sentence, unit.start, unit.end)
            self.out.map(unit.start, unit.end, "none_stated.cookies")
            return
        self.out.add_cookie_policy(unit.sentence, unit.start, unit.end)

    def _to_description(self, unit: Unit) -> None:
        self.out.add_description(unit.sentence, unit.start, unit.end)

    def _to_purposes(self, unit: Unit) -> None:
        if not unit.lead_in and denies(unit.low):
            # "Tietoja ei käytetä suoramarkkinointiin.": a use denied is no purpose
            self._denied("purposes", unit)
            return
        # "… ei käytetä muuhun kuin tilausten toimittamiseen" names its one use
        sentence = only_use(unit.sentence)
        self._purposes(unit.kind, sentence, unit.start, unit.end, lead_in=unit.lead_in)

    def _denied(self, field: str, unit: Unit) -> None:
        """A sentence that says what the register does NOT hold or do: kept as a note."""
        self.out.note(field, f"the notice says this is not done: {flat(unit.sentence)}")
        self.out.map(unit.start, unit.end, field)

    def _to_categories(self, unit: Unit) -> None:
        listed = split_items(unit.sentence)
        if not unit.leads and denies(unit.low):
            # "Rekisteriin ei tallenneta henkilötunnusta.": data NOT processed, no entry
            self._denied("data_categories", unit)
        elif unit.leads:
            # "Rekisteriin tallennetaan asiakkaiden tiedot:": the lead-in says whose data
            whose = whose_data(unit.sentence)
            for name in whose or ():
                self.out.add_subject(name, None, unit.start, unit.end)
            # "… tietoja seuraavista henkilöistä:" leads in to people
            field = "data_categories" if whose is None else "data_subjects"
            self.out.map(unit.start, unit.end, field)
        elif listed is not None:
            # "Nimi, osoite ja puhelinnumero.": one entry an item; a lead-in is none
            self._sort_items(listed[0], listed[1], unit.start, unit.end)
        elif not self._people_label(unit.sentence, unit.start, unit.end):
            name = category_name(unit.sentence)
            if (
                _clause(name)
                and CONTENT_CUE.search(unit.low) is None
                and DATA_ITEM.search(unit.low) is None
                and not is_data_item(name)
            ):
                # "On kuitenkin huomattava, että …": a statement naming no item of data
                # (one that says what is stored, "Rekisteriin merkitään nimi", is data)
                self._prose_kept("data_categories", unit)
                return
            self.out.add_category(name, unit.sentence, unit.start, unit.end)

    def _prose_kept(self, field: str, unit: Unit) -> None:
        """A sentence of prose under a list's heading: kept whole in a note, no entry made."""
        self.out.note(field, f"the notice says: {flat(unit.sentence)} (no entry read from it)")
        self.out.map(unit.start, unit.end, field)

    def _sort_items(self, lead: str | None, items: list[str], start: int, end: int) -> None:
        """An inline list's items, people to data subjects and data to categories.

        A lead-in that says whose data ("Käsittelemme asiakkaiden ja jäsenten
        tietoja: nimi …", "data on customers and members: name …", "Asiakkaat:
        nimi, osoite") gives its people as data subjects too.
        """
        if lead is not None:
            label = people_named(lead.rstrip(" :"))  # "Asiakkaista:" → "Asiakkaat"
            whose = whose_data(lead) or ([label] if people_kind(label) else [])
            for name in whose:
                self.out.add_subject(capitalise(name), None, start, end)
            if whose == [label] and _subgroups(label, items):
                # "Asukkaat: nykyiset ja pois muuttaneet asukkaat": kinds of the label's
                # people, the head noun said once at the end, not items of data
                for item in items:
                    group = item.rstrip(" .")
                    if not group.casefold().endswith(label.casefold()):
                        group = f"{group} {label.casefold()}"
                    self.out.add_subject(capitalise(group), None, start, end)
                return
        for item in items:
            self._content_item(item, start, end)

    def _people_label(self, sentence: str, start: int, end: int) -> bool:
        """A line that names people, then their data: "Jäsenet: jäsennumero."."""
        label, colon, rest = sentence.partition(": ")
        if not colon or not rest.strip(" ."):
            return False
        people = people_named(label)  # "Jäsenistä: …" → "Jäsenet"
        if not people_kind(people):
            return False
        self.out.add_subject(capitalise(people), None, start, end)
        listed = split_items(rest)
        for item in listed[1] if listed is not None else [category_name(rest)]:
            self.out.add_category(capitalise(item.rstrip(" .")), None, start, end)
        return True

    def _to_subjects(self, unit: Unit) -> None:
        """A sentence under a data-subjects heading: the groups of people it names."""
        if unit.leads:
            self.out.map(unit.start, unit.end, "data_subjects")
            return
        if _denies_subjects(unit.sentence):
            # "Rekisteriin ei tallenneta lasten tietoja.": people who are NOT data subjects
            self.out.add_description(unit.sentence, unit.start, unit.end)
            return
        listed = split_items(flat(unit.sentence))
        if listed is not None and listed[0] is not None:
            # "Käsittelemme asiakkaiden tietoja: nimi ja osoite": people, then their data
            self._sort_items(listed[0], listed[1], unit.start, unit.end)
            return
        whose = whose_data(unit.sentence)
        if whose:
            # "Rekisterissä on tietoja yhdistyksen jäsenistä ja lahjoittajista."
            for name in whose:
                self.out.add_subject(name, unit.sentence, unit.start, unit.end)
            return
        people = _SUBJECT_LEAD.sub("", flat(unit.sentence), count=1).rstrip(" .")
        people = _ARE_SUBJECTS.sub("", people, count=1)
        oblique = people_list(people)
        if oblique is not None:
            # "Asiakkaiden ja työnhakijoiden." (an answer to "Keiden tietoja …?")
            for name in oblique:
                self.out.add_subject(name, None, unit.start, unit.end)
            return
        listed = split_items(people)
        if _prose_of_no_people(people, listed[1] if listed is not None else [people]):
            # "Myös muissa tehtävissä avustaminen liittyy vakaumukseen tai …": no group
            self._prose_kept("data_subjects", unit)
            return
        if listed is not None:
            for item in listed[1]:
                self._subject_item(item, unit.start, unit.end)
            return
        short = capitalise(people) if len(people.split()) <= _SUBJECT_WORDS else None
        self.out.add_subject(
            short or purpose_name_of(unit.sentence), unit.sentence, unit.start, unit.end
        )

    def _to_sources(self, unit: Unit) -> None:
        if unit.leads:
            self.out.map(unit.start, unit.end, "sources")
        elif denies(unit.low):
            # "Emme käytä Postin osoitepalvelua.": a source NOT used is no source
            self._denied("sources", unit)
        else:
            self._source(unit.sentence, unit.start, unit.end, is_item=False)

    def _to_recipients(self, unit: Unit) -> None:
        out, sentence, low = self.out, unit.sentence, unit.low
        if unit.leads:
            out.map(unit.start, unit.end, "recipients")  # "Vastaanottaja – Tarkoitus:"
        elif unit.continued and out.recipients:
            out.extend_recipient(sentence, unit.start, unit.end)
        elif (is_negative(low, DISCLOSURE) and _LIMITED_DENIAL.search(low)) or (
            _NO_SALE.search(low) and not DISCLOSURE.search(low)
        ):
            # "… ei luovuteta markkinointitarkoituksiin": a limit on disclosures, not "none"
            out.note("recipients", f"the notice limits disclosures: {sentence}")
            out.map(unit.start, unit.end, "recipients")
        elif self._as_a_rule("recipients", unit.sentence, unit.start, unit.end):
            pass  # "Tietoja ei pääsääntöisesti luovuteta": no flat "none"
        elif is_negative(low, DISCLOSURE) or bare_no(low):
            # "Tietoja ei luovuteta", or a bare "Ei." under the heading
            out.none_stated[NoneStated.RECIPIENTS] = None
            out.add_description(sentence, unit.start, unit.end)
            out.map(unit.start, unit.end, "none_stated.recipients")
        elif (
            (ONLY_OWN_USE.search(low) or _inside_use(low))
            and not DISCLOSURE.search(low)
            and not _named_beside(sentence, out.controller.name)
        ):
            # "Tiedot ovat ainoastaan Esimerkki Oy:n käytössä", "Tietoja käsittelevät vain
            # hallituksen jäsenet": only the controller (its own people) uses the data, so
            # none is disclosed (a recipient another sentence names still lifts it); not
            # with another party named beside them ("… ja Verohallinnon käytössä", R9-12)
            out.none_stated[NoneStated.RECIPIENTS] = None
            out.add_description(sentence, unit.start, unit.end)
            out.map(unit.start, unit.end, "none_stated.recipients")
        else:
            name = recipient_name(sentence, out.controller.name)
            out.add_recipient(sentence, name, unit.start, unit.end)

    def _to_transfers(self, unit: Unit) -> None:
        self._transfer(unit.sentence, unit.low, unit.start, unit.end, continued=unit.continued)

    def _to_retention(self, unit: Unit) -> None:
        new_rule = unit.new_rule and not unit.continued
        self.out.add_retention(unit.sentence, unit.start, unit.end, new_rule=new_rule)

    def _to_security(self, unit: Unit) -> None:
        if unit.leads:  # "Tiedot suojataan seuraavasti:" over its measures
            self.out.map(unit.start, unit.end, "security")
            return
        section = unit.section
        prefix = section.heading.sub if section is not None and section.heading else None
        if prefix is None and section is not None and unit.kind in _SUB_SECURITY:
            prefix = self._inline_label(section, unit.start)  # "Manuaalinen aineisto: lukitussa …"
        kind = security_kind(unit.low, unit.kind)
        self.out.add_security(
            kind, unit.sentence, unit.start, unit.end, prefix=prefix, new=unit.new_rule
        )

    def _inline_label(self, section: Section, start: int) -> str | None:
        """The heading, as shown, of a label whose value (at *start*) is on its line."""
        piece = section.heading
        if piece is None:
            return None
        line_end = self.text.find("\n", piece.end)
        line_end = len(self.text) if line_end < 0 else line_end
        if not piece.end <= start < line_end:
            return None
        return sub_label(heading_text(self.text, piece))

    def _to_controller(self, unit: Unit) -> None:
        self.contacts.prose(unit.sentence, unit.start, unit.end)

    def _to_provision(self, unit: Unit) -> None:
        self.out.add_provision(unit.sentence, unit.start, unit.end)

    def _to_rights(self, unit: Unit) -> None:
        out = self.out
        if out._new("rights_exercise", unit.sentence):  # noqa: SLF001 - the builder's own dedupe
            out.rights_exercise.append(unit.sentence)
        low = granted(unit.low)  # "ei ole oikeutta vaatia tietojen poistamista": no erasure
        for right, cue in RIGHT_CUES:
            if cue.search(low):
                out.rights[right] = None
        out.map(unit.start, unit.end, "rights_exercise")

    def _purposes(
        self, kind: SectionKind | None, sentence: str, start: int, end: int, *, lead_in: bool
    ) -> None:
        out = self.out
        said = _unshout(sentence)  # "LASKUTUKSEEN" read as "laskutukseen"
        names = purposes_in(said) or _led_purposes(said)
        # a purpose said in the active voice outside the purposes ("Käsittelemme tietoja
        # palvelujen tuottamiseksi", "We process your data in order to …") is read as there
        active = SectionKind.PURPOSES in data_fields_said(said.casefold())
        if names is None and (kind is SectionKind.PURPOSES or active) and not lead_in:
            based = based_purpose(said)
            names = (
                [based]
                if based
                else processed_for(said) or varten_purposes(said) or listed_purposes(said)
            )
        if names:
            words = len(sentence.split())
            first = len(out.purposes)
            # "X:n perustamiseen ja hallinnointiin" named "Hallinnointi": a word of the
            # item is in no name, so its whole text is kept (names whole, never cut)
            dropped = len(names) == 1 and _words_dropped(said, names)
            for name in names:
                # "Suoramarkkinointi perustuu suostumukseen.": the basis stays with it
                described = len(names) == 1 and (
                    words > len(name.split()) + 6 or _BASIS_SAID.search(said) is not None or dropped
                )
                out.add_purpose(
                    name, sentence if described else None, start, end, remark=NOMINATIVE
                )
            if len(names) > 1:
                self._keep_said(names, sentence, first)
        elif lead_in and (sentence.endswith(":") or _LEADS_IN.search(sentence)):
            out.map(start, end, "purposes")
            if len(sentence.split()) > _LONG_LEAD_IN:
                # "Tietoja käsitellään suostumuksen tai jäsensuhteen perusteella, jolloin
                # niitä käytetään seuraaviin tarkoituksiin:": a legal basis, kept
                out.note("purposes", f"the purposes are led in by: {sentence}")
        elif kind is SectionKind.PURPOSES or active or USED_FOR_SV_EN.search(said.casefold()):
            # "Uppgifterna används för fakturering." moved here from a recipients heading
            self._purpose_sentence(sentence, start, end)
        else:
            out.add_description(sentence, start, end)

    def _keep_said(self, names: list[str], said: str, first: int) -> None:
        """Keep a sentence or item that says more than the purposes named from it.

        A legal basis, a limit or a clause around the names ("… sekä oikeutetun
        etumme perusteella …") is in no name: the whole text goes to a comment
        on the first of them, not lost with the words between the names.
        """
        if not self.out.purposes or len(said.split()) <= sum(len(n.split()) for n in names) + 6:
            return
        self.out.note(
            f"purposes[{min(first, len(self.out.purposes) - 1)}]",
            f"{len(names)} purpose(s) read from a text that says more: {said}",
        )

    def _purpose_sentence(self, sentence: str, start: int, end: int) -> None:
        """A sentence of the purposes section that lists no purposes.

        It describes the purpose before it (a legal basis, a detail); with no
        purpose yet, it is one, named after its first words (the whole
        sentence stays its description).
        """
        out = self.out
        if out.purposes:
            index = len(out.purposes) - 1
            purpose = out.purposes[index]
            if out._new("purpose-description", sentence):  # noqa: SLF001 - the builder's own dedupe
                described = purpose["description"]
                purpose["description"] = f"{described} {sentence}" if described else sentence
                out.note(
                    f"purposes[{index}]",
                    "a sentence of the purposes section is in this purpose's description: check",
                )
            out.map(start, end, f"purposes[{index}]")
            return
        name = purpose_name_of(sentence)
        index = len(out.purposes)
        out.add_purpose(
            name,
            sentence if name != sentence.rstrip(".") else None,
            start,
            end,
            remark="name taken from the sentence; shorten it",
        )

    def _transfer(self, sentence: str, low: str, start: int, end: int, *, continued: bool) -> None:
        out = self.out
        where = TRANSFER_WHERE.search(low)
        clause = low[where.end() :] if where else low
        clause = _CLAUSE_END.split(clause, maxsplit=1)[0]
        if continued:
            # A sentence that goes on about the last transfer statement.
            if out.transfer_tail == "transfer" and out.transfers:
                if out._new("continuation", sentence):  # noqa: SLF001 - the builder's own dedupe
                    out.transfers[-1] = f"{out.transfers[-1]} {sentence}"
                out.map(start, end, "transfers")
            else:
                out.add_description(sentence, start, end)
            return
        if self._no_transfer(sentence, low, start, end) or (
            NEGATIVE.search(low) and self._as_a_rule("transfers", sentence, start, end)
        ):
            return  # (a denial "as a rule": no flat "none")
        if bare_no(low) or (
            NEGATIVE.search(low)
            and not EXCEPTION.search(clause)
            and not EXCEPTION.search(low[: where.start()] if where else "")
            and not contrast_names_party(sentence)  # "…, mutta osa palvelimista on Intiassa"
        ):
            out.none_stated[NoneStated.TRANSFERS] = None
            out.transfer_tail = "none"
            out.add_description(sentence, start, end)
            out.map(start, end, "none_stated.transfers")
            if DISCLOSURE.search(low) and EXCEPTION.search(low):
                # "... eikä luovuteta kolmansille osapuolille pois lukien viranomaisille"
                out.add_recipient(sentence, None, start, end)
            elif is_negative(low, DISCLOSURE) and (where is None or len(_DENIAL.findall(low)) > 1):
                # a sentence that denies both disclosures and transfers (not one
                # that denies only handing data over outside the EU/EEA)
                out.none_stated[NoneStated.RECIPIENTS] = None
                out.map(start, end, "none_stated.recipients")
            return
        if out.transfer_tail == "transfer" and out.transfers and _safeguard_only(low):
            # "Siirrot perustuvat vakiosopimuslausekkeisiin.": the last transfer's safeguard
            if out._new("continuation", sentence):  # noqa: SLF001 - the builder's own dedupe
                out.transfers[-1] = f"{out.transfers[-1]} {sentence}"
            out.map(start, end, "transfers")
        else:
            out.transfer_tail = "transfer" if out._new("transfer-tail", sentence) else ""  # noqa: SLF001
            out.add_transfer(sentence, start, end)
        if re.search(
            r"vakiosopimuslauseke|mallilauseke|standard contractual|standardavtalsklausul", low
        ):
            out.note(
                f"transfers[{len(out.transfers) - 1}]",
                f"mechanism may be {TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES.value}",
            )

    def _no_transfer(self, sentence: str, low: str, start: int, end: int) -> bool:
        """Read a sentence of the transfers section that names no transfer; whether it was one.

        Where the data stay inside the EU/EEA ("Palvelimemme sijaitsevat Suomessa"), a
        transfer that may come after a denial ("Mikäli tietoja tulevaisuudessa siirretään,
        …"), or a denial of one third country ("Tietoja ei siirretä Yhdysvaltoihin", a
        limit, not "none"): a note on the transfers, no entry, no ``none_stated``.
        """
        out = self.out
        if _kept_inside(low) or (_conditional(low) and out.transfer_tail == "none"):
            out.note("transfers", f"the notice says: {flat(sentence)} (no transfer read)")
        elif _denied_one_country(low):
            out.note("transfers", f"the notice limits transfers: {flat(sentence)}")
        else:
            return False
        out.map(start, end, "transfers")
        return True

    def _source(self, text: str, start: int, end: int, *, is_item: bool) -> None:
        out = self.out
        low = affirmed(text.casefold())  # "…, emme käytä Postin osoitepalvelua": not a source
        found = [key for key, cue in CATALOG_CUES if cue.search(low)]
        in_own_words = DATA_SUBJECT.search(low) is None and _themselves(low)
        others = _other_sources(text) if found or in_own_words or DATA_SUBJECT.search(low) else []
        if (
            DATA_SUBJECT.search(low)
            or in_own_words
            or re.fullmatch(
                r"(?:asiakkaan|rekisteröidyn|jäsenen) (?:itse )?ilmoittamat tiedot\.?", low
            )
            or (found and any(_SUBJECT_FROM.fullmatch(other) for other in others))
        ):
            found.insert(0, "data-subject")
        if found:
            longest = max(len(str(CATALOG[key].name)) for key in found)
            # the notice's words kept when they say more than the catalogue's names, or
            # name the data subject in words of their own ("Asiakas itse")
            said = text if len(text) > longest + 5 or in_own_words else None
            for index, key in enumerate(found):  # the notice's words once, on the first
                out.add_source(CATALOG[key], start, end, said=said if index == 0 else None)
            self._named_sources(others, start, end)
            return
        name = short_name(
            re.sub(
                r"^(?:tietoja|tiedot) (?:saadaan|voidaan saada)(?: myös)? ",
                "",
                text,
                flags=re.IGNORECASE,
            )
        )
        if not meaningful(name):  # "Tiedot saadaan -": keep the whole sentence as the name
            name = short_name(text)
        data = as_sentence(text)
        source = Source(
            key=out.key("source", name, "source"),
            name=LocalizedText(fi=name),
            data=LocalizedText(fi=data),
        )
        out.add_source(source, start, end)
        if not is_item:
            out.note(f"sources[{len(out.sources) - 1}]", "name taken from the sentence; shorten it")

    def _named_sources(self, others: list[str], start: int, end: int) -> None:
        """The sources a sentence names beside the data subject or a catalogued one.

        "Tiedot saadaan asiakkaalta itseltään ja eläinlääkäriltä.": the vet is a source
        too, named as the sentence writes it (A15's V6).
        """
        for other in others:
            if _SUBJECT_FROM.fullmatch(other):
                continue
            # a remark in brackets is no part of the name ("… (kiinteistön omistaja, …)")
            name = short_name(capitalise(other.split("(", 1)[0].strip() or other))
            out = self.out
            out.add_source(
                Source(key=out.key("source", name, "source"), name=LocalizedText(fi=name)),
                start,
                end,
            )
            out.note(f"sources[{len(out.sources) - 1}]", "name taken from the sentence; check it")

    def _contact_otherwise(self, kind: SectionKind | None, start: int, end: int) -> None:
        text = self.text[start:end]
        if _prose(text):
            # "Rekisterin pääasiallinen käyttötarkoitus on …" under a contact
            # heading with no heading of its own: read from its words, with a note
            for s, e in sentences(self.text, start, end):
                self._sentence_unit(None, s, e, inherit=None, section=_LOOSE)
            return
        self._sentence_unit(kind, start, end, inherit=None)

    def _note_moved(
        self, field: str, kind: SectionKind | None, section: Section, sentence: str
    ) -> None:
        """Say that a sentence went where its words, not its section's heading, sent it."""
        if kind not in FREE_SECTIONS:
            self._note_crossing(field, section, sentence)
        elif field not in _PLAIN_FIELDS:
            shown = sentence if len(sentence) <= 70 else sentence[:69] + "…"
            self.out.note(field, f"read from its words, outside any known section: {shown}")

    def _note_crossing(self, field: str, section: Section, sentence: str) -> None:
        """Say that a sentence went to another field than its section's."""
        heading = heading_text(self.text, section.heading) if section.heading else ""
        shown = sentence if len(sentence) <= 70 else sentence[:69] + "…"
        self.out.note(field, f"from the section “{heading}”: {shown}")


#: Words of a purpose's text that name no part of the purpose: the verb and object of
#: "tietoja käytetään …", lead-in words, conjunctions (checked by their first letters).
_PURPOSE_FRAME: Final = frozenset(
    {
        "tieto",
        "tiedo",
        "henki",
        "käyte",
        "käytt",
        "käsit",
        "voida",
        "lisäk",
        "kuten",
        "esime",
        "sekä",
        "myös",
        "jotka",
        "joita",
        "varte",
        "tarko",
        "seura",
        "muun",
        "muass",
        "uppgi",
        "perso",
        "använ",
        "behan",
        "kunna",
        "följa",
        "ändam",
        "samt",
        "också",
        "såsom",
        "exemp",
        "data",
        "used",
        "proce",
        "purpo",
        "follo",
        "inclu",
        "order",
        "such",
        "also",
        "other",
        "their",
        "your",
        "with",
        "from",
        "that",
        "this",
        "these",
        "ovat",
        "olla",
    }
)
#: Letters compared: Finnish inflects a word's end ("hallinnointiin" / "hallinnointi").
_STEM: Final = 5


def _words_dropped(text: str, names: list[str]) -> bool:
    """Whether a content word of a purpose's *text* is in none of the *names* read from it."""
    kept = {word[:_STEM] for name in names for word in _WORD.findall(name.casefold())}
    for word in _WORD.findall(text.casefold()):
        stem = word[:_STEM]
        if len(word) >= _STEM and stem not in kept and stem not in _PURPOSE_FRAME:
            return True
    return False


#: A lead-in that names purposes: "Tietoja käsitellään seuraaviin tarkoituksiin:".
_PURPOSE_LEAD: Final = re.compile(r"(?i)tarkoitu|ändamål|purpose")


def _led_purposes(sentence: str) -> list[str] | None:
    """The purposes listed after a lead-in that names them, in one sentence.

    "Tietoja käsitellään seuraaviin tarkoituksiin: asiakassuhteen hoitaminen,
    laskutus ja markkinointi." gives three purposes, not one named by the lead-in.
    """
    listed = split_items(sentence) if ":" in sentence else None
    if listed is None or listed[0] is None or not _PURPOSE_LEAD.search(listed[0]):
        return None
    return [capitalise(item.rstrip(" .")) for item in listed[1]]


def _unshout(text: str) -> str:
    """Text set in capitals, in lower case (its names then get one capital)."""
    letters = sum(c.isalpha() for c in text)
    return text.lower() if letters > 3 and text.isupper() else text


#: A sentence that says what a transfer rests on: "Siirrot perustuvat …", "Överföringen
#: grundar sig på …", "The transfers are based on …", or that names a safeguard.
_SAFEGUARD: Final = re.compile(
    r"\b(?:siirr|siirt|överför|transfer)\w*\s+(?:\w+\s+){0,2}(?:perustu\w*|grundar sig"
    r"|bygger på|(?:are|is) based on|rel(?:y|ies) on)"
    r"|vakiosopimuslauseke|mallilauseke|standard contractual|standardavtalsklausul"
    r"|tietosuojakehy|privacy framework|riittävyyspäätö|adequacy decision|sitov\w* yrityssään"
    r"|binding corporate rules"
)


#: Where data go, said as a destination ("Yhdysvaltoihin", "till USA", "to the US"): a
#: sentence with one states a transfer (a genitive, "Yhdysvaltojen välinen", does not).
_DESTINATION: Final = re.compile(
    r"\b(?:yhdysvaltoihin|usaan|usa:han|(?:iso-)?britanniaan|kanadaan|intiaan|kiinaan"
    r"|till (?:usa|förenta staterna|storbritannien|kanada|indien|kina)"
    r"|to the (?:us|usa|united states|united kingdom)|to (?:canada|india|china))\b"
)


#: A country of the EU or EEA, or the area itself, as where data are kept: "Suomessa",
#: "Saksassa ja Irlannissa", "EU:n alueella", "i Finland", "inom EU", "in Germany".
_INSIDE_PLACE: Final = re.compile(
    r"\b(?:suomessa|ruotsissa|norjassa|tanskassa|islannissa|virossa|latviassa|liettuassa"
    r"|saksassa|irlannissa|alankomaissa|hollannissa|belgiassa|luxemburgissa|ranskassa"
    r"|espanjassa|portugalissa|italiassa|itävallassa|puolassa|tšekissä|tsekissä|slovakiassa"
    r"|unkarissa|sloveniassa|kroatiassa|romaniassa|bulgariassa|kreikassa|kyproksella"
    r"|maltalla|liechtensteinissa"
    r"|(?:eu|eta|eu/eta|eu- ja eta)(?::n|-)\s*(?:alueella|alueen sisällä|maissa|sisällä)"
    r"|euroopan (?:unionin|talousalueen) (?:alueella|sisällä)"
    r"|i (?:finland|sverige|norge|danmark|tyskland|irland|nederländerna|frankrike|belgien)"
    r"|inom (?:eu|ees|eu/ees)"
    r"|in (?:finland|sweden|norway|denmark|germany|ireland|the netherlands|france|belgium)"
    r"|(?:with)?in the (?:eu|eea|eu/eea|european union|european economic area))\b"
)
#: Where data are kept: "sijaitsevat", "säilytetään", "lagras", "are stored", "hosted".
_KEPT_VERB: Final = re.compile(
    r"sijait\w*|säilyt\w*|tallenne\w*|\bovat\b|\bon\b|\bfinns\b|\blagras\b|\bförvaras\b"
    r"|\blocated\b|\bstored\b|\bhosted\b|\bkept\b|\bare\b|\bis\b"
)


def _kept_inside(low: str) -> bool:
    """Whether *low* says only where in the EU/EEA the data are kept (no transfer).

    "Palvelimemme sijaitsevat Suomessa", "… datakeskuksessa Irlannissa"; not a
    sentence that moves data, names an area outside or a third country.
    """
    return (
        _INSIDE_PLACE.search(low) is not None
        and _KEPT_VERB.search(low) is not None
        and _MOVE_OUT.search(low) is None
        and THIRD_COUNTRY.search(low) is None
        and TRANSFER_WHERE.search(low) is None
    )


#: A verb that moves data: "siirretään", "överförs", "transferred".
_MOVE_OUT: Final = re.compile(r"siirr|siirt|överför|transfer|luovut|lämnas ut|disclos")
#: A sentence that opens with a condition: "Mikäli tietoja siirretään …", "If data are …".
_IF: Final = re.compile(r"^\W*(?:mikäli|jos|siinä tapauksessa|om|ifall|if|should|in case)\b")


def _conditional(low: str) -> bool:
    """Whether *low* speaks of a transfer only as one that may come ("Mikäli … siirretään")."""
    return _IF.search(low) is not None and _MOVE_OUT.search(low) is not None


def _denied_one_country(low: str) -> bool:
    """Whether *low* denies transfers to a named third country only, not outside the EU/EEA.

    "Tietoja ei siirretä Yhdysvaltoihin." excludes one country and says nothing
    of the others: no ``none_stated``.
    """
    return (
        NEGATIVE.search(low) is not None
        and THIRD_COUNTRY.search(low) is not None
        and TRANSFER_WHERE.search(low) is None
    )


def _safeguard_only(low: str) -> bool:
    """Whether *low* says what a transfer rests on without naming a transfer of its own."""
    return (
        _SAFEGUARD.search(low) is not None
        and _DESTINATION.search(low) is None
        and TRANSFER_WHERE.search(low) is None
    )


def _denies_subjects(sentence: str) -> bool:
    """Whether *sentence* denies, other than after "…tietoja X:stä, mutta ei Y:stä"."""
    denial = _DENIES.search(sentence)
    if denial is None:
        return False
    contrast = _CONTRAST_BEFORE.search(sentence, 0, denial.start())
    return contrast is None or _DATA_WORD.search(sentence, 0, contrast.start()) is None


def _as_name(value: str) -> str:
    """A register's name with one capital, unless written so: "iPhone-sovelluksen …"."""
    name = capitalise(value)
    if DOTTED_FORM.search(value.rstrip()) and not name.endswith("."):
        name += "."  # "… Example Ltd.", "… Esimerkki r.y.": the stop is the legal form's
    return value[:1] + name[1:] if _INNER_CAPITAL.match(value) else name


#: A first word in lower case with a capital inside it ("iPhone", "eKirja", "myHelsinki").
_INNER_CAPITAL: Final = re.compile(r"[a-zäöå]+[A-ZÄÖÅ]")


#: A register's word in a name: the name's line must have one.
_REGISTER_WORD: Final = re.compile(r"(?i)rekister|register|luettelo|kortisto|förteckning")


def _name_over_text(lines: list[str]) -> tuple[str, str] | None:
    """The name on a name section's first line and the sentence on the lines under it.

    "KYLÄN SEURAN REKISTERIT" / "SISÄLTÄÄ MM. jäsenluettelon ja …": the first
    line is a name (a register's word, no verb, not running on), the next one
    starts with a capital and has a verb: a sentence about the register, for
    the description. ``None`` otherwise (one line, a name broken over lines).
    """
    if len(lines) < 2:
        return None
    first, rest = lines[0].strip(), " ".join(lines[1:]).strip()
    if (
        _REGISTER_WORD.search(first) is None
        or _FINITE_VERB.search(f" {first} ")
        or len(first.split()) > _NAME_WORDS
        or first.endswith((",", ";", ":", "-", "–"))
        or not rest[:1].isupper()
        or _FINITE_VERB.search(f" {rest} ") is None
    ):
        return None
    return first, rest


#: A list's letter or number before an entry: "a) ", "B) ", "2) ".
_LIST_LETTER: Final = re.compile(r"^(?:[A-Za-z]|[0-9]{1,2})\)[ \t]+(?=\S)")


def _name_value(value: str) -> str:
    """A name section's value without "Rekisterin nimi on", its full stop and quotes."""
    value = re.sub(
        r"(?i)^(?:rekisterin nimi|registrets namn|the name of the register)\s+(?:on|är|is)\s+",
        "",
        value,
    )
    value = _LIST_LETTER.sub("", value, count=1)  # "a) Asiakasrekisteri": a list's letter
    # the full stop ends the name, unless it is a legal form's ("… Example Ltd.")
    value = value if DOTTED_FORM.search(value) else value.rstrip(".")
    value = value.strip("\"'”“„«»’‘ ")
    if sum(c.isalpha() for c in value) > 3 and value.isupper():
        return unshouted_name(value)  # "ASIAKASREKISTERI" in a notice set in capitals
    return value
