"""Outdated references in the text of a register: repealed laws, renamed authorities.

The table follows DOMAIN.md §3.6 ("Linter table: outdated → current"). Each
:class:`OutdatedReference` has its own finding code, a pattern that matches the
Finnish (and, where a Finland-Swedish name is established, the Swedish)
wording in its inflected forms, and what to cite instead.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Final

import attrs

from rekisteri.errors import ModelTypeError
from rekisteri.lint._finding import Severity
from rekisteri.model import LocalizedText

if TYPE_CHECKING:
    from collections.abc import Iterator

_FLAGS: Final = re.IGNORECASE

# Words that say a name is being given as the *former* one, as in
# "Tietosuojaseloste (ent. rekisteriseloste)": such a mention is not flagged.
_FORMERLY: Final = re.compile(
    r"\b(?:entinen|entiseltä\s+nimeltään|ent\.|aiemmin|aikaisemmin|ennen|tidigare|f\.\s?d\.|"
    r"formerly|previously)\s+(?:nimeltään\s+|nimellä\s+|kallad\s+|called\s+)?[\"”“']?$",
    _FLAGS,
)
# A transfer sentence: "ellei ... tarpeellista" is flagged only in one.
_TRANSFER_CONTEXT: Final = re.compile(r"\b(?:siirr|siirt|ulkopuol)\w*", _FLAGS)

_HETIL: Final = (
    r"(?:\bhenkilötietola(?:ki\w*|i(?!nsäädän)\w*)|(?-i:\bHetiL\b))\s*(?:\(523/1999\)\s*)?"
)
_SECTION_END: Final = r"\s*(?:§(?::\s?\w+)?|pykälä\w*)"


def _section(numbers: str) -> str:
    """Pattern for a section of the Personal Data Act, e.g. ``henkilötietolain 24 §:n``."""
    return _HETIL + numbers + _SECTION_END


@attrs.frozen
class OutdatedReference:
    """An outdated reference: what the old text names and what to cite instead.

    Examples:
        >>> ref = OUTDATED_REFERENCES[0]
        >>> ref.code, ref.outdated
        ('R301', 'henkilötietolaki (523/1999)')
        >>> bool(ref.pattern.search("Henkilötietolain mukaisesti"))
        True
    """

    code: str
    """The finding code used for it (``R3xx``)."""
    pattern: re.Pattern[str]
    """Matches the reference in Finnish (and Swedish where sensible) text, inflected forms too."""
    outdated: str
    """What it names, in Finnish, e.g. ``"henkilötietolaki (523/1999)"``."""
    replacement: LocalizedText
    """What to cite or write instead, in Finnish, Swedish and English."""
    severity: Severity = Severity.WARNING
    """Error for repealed law and for practices the GDPR no longer allows."""
    unless_preceded_by: re.Pattern[str] | None = None
    """A match is skipped when the text just before it matches this (anchored with ``$``)."""
    only_in_sentence_with: re.Pattern[str] | None = None
    """A match counts only when the same sentence, before it, matches this."""
    keywords: tuple[str, ...] = ()
    """Lower-case words of which every match contains at least one: the
    pattern is tried only on a text whose ``casefold()`` contains one (a
    quick pre-filter; empty means always try)."""

    def accepts(self, text: str, start: int) -> bool:
        """Whether a match of the ``pattern`` at *start* in *text* is a real finding.

        Never one in a sentence that says the reference is repealed or replaced
        and names what replaced it ("Henkilötietolaki kumottiin 1.1.2019, ja
        nykyään sovelletaan tietosuojalakia."): the text already says what the
        finding would ask ("Henkilötietolaki on kumottu." alone is still one).
        """
        if _said_repealed(text, start, self.replacement):
            return False
        if self.unless_preceded_by is not None:
            before = text[max(0, start - 40) : start]
            if self.unless_preceded_by.search(before) is not None:
                return False
        if self.only_in_sentence_with is not None:
            head = text[max(0, start - 300) : start]
            sentence = re.split(r"[.!?\n]\s", head)[-1]
            return self.only_in_sentence_with.search(sentence) is not None
        return True


#: A sentence saying that what it names is repealed, replaced or no longer in force, or
#: speaks of it as the past: "Tämä seloste korvaa aiemman …", "Aiemmin sovellettiin
#: henkilötietolakia, nyt …", "X on nykyisin Y", "Tidigare gällde …", "Formerly …".
_REPEALED: Final = re.compile(
    r"\bkumo(?:ttiin|ttu|taan|utui|si)\b|\bkorva(?:ttiin|ttu|si|a|avat|taan)\b"
    r"|\bei\s+(?:ole\s+)?enää\s+voimassa\b|\bupphäv(?:des|ts|d|dt)\b|\bersattes\b|\bersatt\b"
    r"|\bersätter\b|\brepealed\b|\breplace[sd]\b|\bsupersede[sd]\b|\bno\s+longer\s+in\s+force\b"
    r"|\b(?:aiemmin|aikaisemmin|tidigare|formerly|previously)\b"
    r"|\b(?:on|ovat)\s+(?:nykyisin|nykyään|nyttemmin)\b|\bär\s+numera\b|\bis\s+now\b",
    _FLAGS,
)
#: A verb of replacing, for a notice that replaces the old one.
_REPLACING: Final = re.compile(
    r"\bkorva\w*|\bersät\w*|\bersatt\w*|\breplac\w*|\bsupersed\w*", _FLAGS
)
#: A notice speaking of itself: with a verb of replacing, it is the replacement and
#: what it names the past ("… rekisteriseloste on korvattu tällä selosteella", "This
#: notice replaces the register description under the Personal Data Act").
_THIS_NOTICE: Final = re.compile(
    r"\b(?:tämä|tällä|tätä|tämän)\s+(?:\w+)?selost\w*|\bdenna\s+\w*beskrivning\b"
    r"|\bthis\s+(?:privacy\s+)?notice\b",
    _FLAGS,
)
#: How far around a match its sentence is looked at (characters each way).
_SENTENCE_REACH: Final = 300


def _said_repealed(text: str, start: int, replacement: LocalizedText) -> bool:
    """Whether the sentence around *start* says that it is repealed and names *replacement*.

    The replacement is named by one of its numbers ("1050/2018") or by the
    first letters of one of its long words ("tietosuojalakia", "tietosuoja-asetus").
    """
    head = re.split(r"[.!?\n]\s", text[max(0, start - _SENTENCE_REACH) : start])[-1]
    tail = re.split(r"[.!?\n]\s", text[start : start + _SENTENCE_REACH])[0]
    sentence = (head + tail).casefold()
    if _REPEALED.search(sentence) is None:
        return False
    shown = " ".join(filter(None, (replacement.fi, replacement.sv, replacement.en)))
    named = shown.casefold()
    numbers = re.findall(r"\d+/\d{4}", named)
    stems = {word[:_STEM] for word in re.findall(r"[^\W\d_]{9,}", named)}
    # a proper name of eight letters is as telling ("Traficom")
    stems |= {word.casefold() for word in re.findall(r"(?<=\s)[A-ZÅÄÖ][^\W\d_]{7}\b", shown)}
    if _THIS_NOTICE.search(sentence) is not None and _REPLACING.search(sentence) is not None:
        return True  # the notice itself replaces the old one: what it names is the past
    return any(number in sentence for number in numbers) or any(stem in sentence for stem in stems)


#: A long word of a replacement is looked for by this many first letters.
_STEM: Final = 8


@attrs.frozen
class OutdatedMatch:
    """One outdated reference found in a text: ``text[start:end]`` names ``reference``."""

    start: int
    end: int
    text: str
    """The matched text itself, e.g. ``"henkilötietolain"``."""
    reference: OutdatedReference


_GDPR_AND_TSL: Final = LocalizedText(
    fi="EU:n yleinen tietosuoja-asetus (EU) 2016/679 ja tietosuojalaki (1050/2018)",
    sv="EU:s allmänna dataskyddsförordning (EU) 2016/679 och dataskyddslagen (1050/2018)",
    en="the General Data Protection Regulation (EU) 2016/679 and the Finnish Data Protection "
    "Act (1050/2018)",
)
_SERVICES_ACT: Final = LocalizedText(
    fi="laki sähköisen viestinnän palveluista (917/2014)",
    sv="lagen om tjänster inom elektronisk kommunikation (917/2014)",
    en="the Act on Electronic Communications Services (917/2014)",
)

#: Every outdated reference the linter knows, in the order of their codes.
OUTDATED_REFERENCES: Final[tuple[OutdatedReference, ...]] = (
    OutdatedReference(
        code="R301",
        keywords=("henkilötietola", "hetil", "523/", "personuppgiftslag"),
        pattern=re.compile(
            _HETIL.removesuffix(r"\s*(?:\(523/1999\)\s*)?") + r"(?:\s*\(523/1999\))?"
            r"|\b523/(?:19)?99\b|\bpersonuppgiftslag(?:en|ens)?\b",
            _FLAGS,
        ),
        outdated="henkilötietolaki (523/1999)",
        replacement=_GDPR_AND_TSL,
        severity=Severity.ERROR,
    ),
    OutdatedReference(
        code="R302",
        keywords=("§",),
        pattern=re.compile(
            r"(?:" + _section("10") + r"|\b10\s*§:n(?=\s+mukai))"
            r"(?:\s+mukai\w*\s+rekisteri(?:-\s+ja\s+tietosuoja)?selost\w*)?",
            _FLAGS,
        ),
        outdated="henkilötietolain 10 § (rekisteriseloste)",
        replacement=LocalizedText(
            fi="tietosuoja-asetuksen 13 ja 14 artikla (tietosuojaseloste) ja 30 artikla "
            "(seloste käsittelytoimista)",
            sv="artiklarna 13 och 14 (dataskyddsbeskrivning) och artikel 30 (register över "
            "behandling) i dataskyddsförordningen",
            en="GDPR Articles 13 and 14 (privacy notice) and Article 30 (record of processing "
            "activities)",
        ),
        severity=Severity.ERROR,
    ),
    OutdatedReference(
        code="R303",
        keywords=("§", "pykälä"),
        pattern=re.compile(_section("24"), _FLAGS),
        outdated="henkilötietolain 24 § (informointi)",
        replacement=LocalizedText(
            fi="tietosuoja-asetuksen 13 ja 14 artikla",
            sv="artiklarna 13 och 14 i dataskyddsförordningen",
            en="GDPR Articles 13 and 14",
        ),
        severity=Severity.ERROR,
    ),
    OutdatedReference(
        code="R304",
        keywords=("§", "pykälä"),
        pattern=re.compile(_section(r"2[678](?:\s*[–-]\s*2[78])?"), _FLAGS),
        outdated="henkilötietolain 26–28 § (tarkastusoikeus)",
        replacement=LocalizedText(
            fi="tietosuoja-asetuksen 15 artikla (oikeus saada pääsy tietoihin) ja 12 artiklan "
            "5 kohta (maksutta)",
            sv="artikel 15 (rätt till tillgång) och artikel 12.5 (kostnadsfritt) i "
            "dataskyddsförordningen",
            en="GDPR Article 15 (right of access) and Article 12(5) (free of charge)",
        ),
        severity=Severity.ERROR,
    ),
    OutdatedReference(
        code="R305",
        keywords=("§", "pykälä"),
        pattern=re.compile(_section("29"), _FLAGS),
        outdated="henkilötietolain 29 § (tiedon korjaaminen)",
        replacement=LocalizedText(
            fi="tietosuoja-asetuksen 16, 17 ja 19 artikla",
            sv="artiklarna 16, 17 och 19 i dataskyddsförordningen",
            en="GDPR Articles 16, 17 and 19",
        ),
        severity=Severity.ERROR,
    ),
    OutdatedReference(
        code="R306",
        keywords=("§", "pykälä"),
        pattern=re.compile(_section("30"), _FLAGS),
        outdated="henkilötietolain 30 § (kielto-oikeus; pykälänumero varmistamatta)",
        replacement=LocalizedText(
            fi="tietosuoja-asetuksen 21 artiklan 2 ja 3 kohta (vastustamisoikeus)",
            sv="artikel 21.2 och 21.3 i dataskyddsförordningen (rätt att göra invändningar)",
            en="GDPR Article 21(2) and (3) (right to object)",
        ),
        severity=Severity.ERROR,
    ),
    OutdatedReference(
        code="R307",
        keywords=("henkilörekisterila", "471/", "personregisterlag"),
        pattern=re.compile(
            r"\bhenkilörekisterila(?:ki|i)\w*(?:\s*\(471/1987\))?|\b471/(?:19)?87\b"
            r"|\bpersonregisterlag(?:en|ens)?\b",
            _FLAGS,
        ),
        outdated="henkilörekisterilaki (471/1987)",
        replacement=_GDPR_AND_TSL,
        severity=Severity.ERROR,
    ),
    OutdatedReference(
        code="R308",
        keywords=("rekisteriselost", "tietosuojaselost", "registerbeskrivning"),
        pattern=re.compile(
            r"\brekisteri-\s+ja\s+tietosuojaselost\w*|\brekisteriselost\w*"
            r"|\bregisterbeskrivning\w*",
            _FLAGS,
        ),
        outdated="rekisteriseloste (asiakirjan nimenä)",
        replacement=LocalizedText(
            fi="tietosuojaseloste; 30 artiklan mukainen asiakirja on seloste käsittelytoimista",
            sv="dataskyddsbeskrivning; dokumentet enligt artikel 30 är ett register över "
            "behandling",
            en="privacy notice; the Article 30 document is the record of processing activities",
        ),
        unless_preceded_by=_FORMERLY,
    ),
    OutdatedReference(
        code="R309",
        keywords=("sähköisen", "516/2004", "svtsl", "elektronisk"),
        pattern=re.compile(
            r"\bsähköisen\s+viestinnän\s+tietosuojala(?:ki|i)\w*(?:\s*\(516/2004\))?"
            r"|\b516/2004\b|(?-i:\bSVTSL\b)"
            r"|\blag(?:en)?\s+om\s+dataskydd\s+vid\s+elektronisk\s+kommunikation\b",
            _FLAGS,
        ),
        outdated="sähköisen viestinnän tietosuojalaki (516/2004)",
        replacement=_SERVICES_ACT,
        severity=Severity.ERROR,
    ),
    OutdatedReference(
        code="R310",
        keywords=("tietoyhteiskuntakaa", "informationssamhällsbalk"),
        pattern=re.compile(r"\btietoyhteiskuntakaa\w*|\binformationssamhällsbalk\w*", _FLAGS),
        outdated="tietoyhteiskuntakaari (917/2014, nykyään toisella nimellä)",
        replacement=_SERVICES_ACT,
    ),
    OutdatedReference(
        code="R311",
        keywords=("viestintäviras", "kommunikationsverk", "ficora"),
        pattern=re.compile(
            r"(?<![Jj]a\s)\bViestintäviras\w*|(?<![Oo]ch\s)\bKommunikationsverk\w*"
            r"|(?-i:\bFICORA\b)",
            _FLAGS,
        ),
        outdated="Viestintävirasto",
        replacement=LocalizedText(
            fi="Liikenne- ja viestintävirasto Traficom",
            sv="Transport- och kommunikationsverket Traficom",
            en="the Finnish Transport and Communications Agency Traficom",
        ),
    ),
    OutdatedReference(
        code="R312",
        keywords=(
            "väestörekisterikesku",
            "vrk",
            "maistraat",
            "befolkningsregistercentral",
            "magistrat",
        ),
        pattern=re.compile(
            r"\bVäestörekisterikesku\w*|(?-i:\bVRK\b)|\bmaistraat\w*"
            r"|\bBefolkningsregistercentral\w*|\bmagistrat(?:en|er|erna)?\b",
            _FLAGS,
        ),
        outdated="Väestörekisterikeskus (VRK) tai maistraatti",
        replacement=LocalizedText(
            fi="Digi- ja väestötietovirasto (DVV)",
            sv="Myndigheten för digitalisering och befolkningsdata",
            en="the Digital and Population Data Services Agency (DVV)",
        ),
    ),
    OutdatedReference(
        code="R313",
        keywords=("maksutta", "allekirjoitet"),
        pattern=re.compile(
            r"\bkerran\s+vuodessa\s+maksutta\b|\bmaksutta\s+kerran\s+vuodessa\b"
            r"|\ballekirjoitettav\w*|\bomakätisesti\s+allekirjoitet\w*",
            _FLAGS,
        ),
        outdated="tarkastuspyyntö maksutta kerran vuodessa, allekirjoitettuna",
        replacement=LocalizedText(
            fi="tietosuoja-asetuksen 15 artikla ja 12 artiklan 5 kohta: pääsy tietoihin maksutta "
            "ja missä muodossa tahansa; henkilöllisyys varmistetaan 12 artiklan 6 kohdan mukaan",
            sv="artikel 15 och artikel 12.5 i dataskyddsförordningen: tillgång kostnadsfritt och "
            "i vilken form som helst; identiteten kontrolleras enligt artikel 12.6",
            en="GDPR Article 15 and Article 12(5): access free of charge and in any form; "
            "identity is checked under Article 12(6)",
        ),
    ),
    OutdatedReference(
        code="R314",
        keywords=("todistu", "ratkaistava"),
        pattern=re.compile(
            r"\bkirjallise\w*\s+todistukse\w*|\bkirjallinen\s+todistus\b"
            r"|\btietosuojavaltuutetun\s+ratkaistava\w*",
            _FLAGS,
        ),
        outdated="kirjallinen todistus epäämisestä, asian saattaminen tietosuojavaltuutetun "
        "ratkaistavaksi",
        replacement=LocalizedText(
            fi="tietosuoja-asetuksen 12 artiklan 4 kohta (epäämisen syyt kuukauden kuluessa) ja "
            "77 artikla (oikeus tehdä valitus valvontaviranomaiselle)",
            sv="artikel 12.4 (skälen för vägran inom en månad) och artikel 77 (rätt att lämna "
            "in klagomål till en tillsynsmyndighet) i dataskyddsförordningen",
            en="GDPR Article 12(4) (reasons for a refusal within one month) and Article 77 "
            "(right to lodge a complaint with a supervisory authority)",
        ),
    ),
    OutdatedReference(
        code="R315",
        keywords=("kielto-oikeu", "kieltää"),
        pattern=re.compile(r"\bkielto-oikeu\w*|\boikeus\s+kieltää\b", _FLAGS),
        outdated="kielto-oikeus",
        replacement=LocalizedText(
            fi="vastustamisoikeus, tietosuoja-asetuksen 21 artiklan 2 ja 3 kohta (ehdoton "
            "suoramarkkinoinnin osalta)",
            sv="rätt att göra invändningar, artikel 21.2 och 21.3 i dataskyddsförordningen "
            "(ovillkorlig vid direktmarknadsföring)",
            en="the right to object, GDPR Article 21(2) and (3) (absolute for direct marketing)",
        ),
        severity=Severity.INFO,
    ),
    OutdatedReference(
        code="R316",
        keywords=("ellei",),
        pattern=re.compile(r"\bellei\b[^.]{0,160}?\btarpeellis\w*", _FLAGS),
        outdated="siirto EU:n tai ETA:n ulkopuolelle, ”ellei tarpeellista”",
        replacement=LocalizedText(
            fi="tietosuoja-asetuksen V luku (44–49 artikla): tietosuojan riittävyyttä koskeva "
            "päätös, vakiosopimuslausekkeet (46 artikla) tai 49 artiklan poikkeus",
            sv="kapitel V (artiklarna 44–49) i dataskyddsförordningen: beslut om adekvat "
            "skyddsnivå, standardavtalsklausuler (artikel 46) eller undantag enligt artikel 49",
            en="GDPR Chapter V (Articles 44–49): an adequacy decision, standard contractual "
            "clauses (Article 46) or an Article 49 derogation",
        ),
        severity=Severity.ERROR,
        only_in_sentence_with=_TRANSFER_CONTEXT,
    ),
    OutdatedReference(
        code="R317",
        keywords=("ulkopuol",),
        pattern=re.compile(
            r"(?:\bEU(?::n|-alueen|-maiden)|\bEuroopan\s+unionin)\s+ulkopuol\w*", _FLAGS
        ),
        outdated="EU:n ulkopuolelle (ilman ETA:ta)",
        replacement=LocalizedText(
            fi="EU:n ja ETA:n ulkopuolelle (raja on Euroopan talousalue)",
            sv="utanför EU och EES (gränsen är Europeiska ekonomiska samarbetsområdet)",
            en="outside the EU and the EEA (the boundary is the European Economic Area)",
        ),
    ),
    OutdatedReference(
        code="R318",
        keywords=("tietosuojavaltuutetulle",),
        pattern=re.compile(r"\bilmoit\w*\s+tietosuojavaltuutetulle\b", _FLAGS),
        outdated="ilmoitus tietosuojavaltuutetulle (rekisterin ilmoittaminen)",
        replacement=LocalizedText(
            fi="ilmoitusvelvollisuus on poistunut; tietosuojavastaavan yhteystiedot ilmoitetaan "
            "(37 artiklan 7 kohta) ja tietoturvaloukkaukset 72 tunnin kuluessa (33 artikla)",
            sv="anmälningsskyldigheten har upphört; dataskyddsombudets kontaktuppgifter anmäls "
            "(artikel 37.7) och personuppgiftsincidenter inom 72 timmar (artikel 33)",
            en="the duty to notify registers is abolished; the DPO's contact details are "
            "notified (Article 37(7)) and personal data breaches within 72 hours (Article 33)",
        ),
    ),
    OutdatedReference(
        code="R319",
        keywords=("privacy",),
        pattern=re.compile(r"\bPrivacy\s+Shield\b", _FLAGS),
        outdated="Privacy Shield (EU–Yhdysvallat, mitätöity 2020)",
        replacement=LocalizedText(
            fi="tietosuoja-asetuksen V luvun mukainen siirtoperuste: tietosuojan riittävyyttä "
            "koskeva päätös (45 artikla) tai asianmukaiset suojatoimet (46 artikla)",
            sv="en grund för överföring enligt kapitel V i dataskyddsförordningen: beslut om "
            "adekvat skyddsnivå (artikel 45) eller lämpliga skyddsåtgärder (artikel 46)",
            en="a transfer mechanism under GDPR Chapter V: an adequacy decision (Article 45) or "
            "appropriate safeguards (Article 46)",
        ),
        severity=Severity.ERROR,
    ),
)


def find_outdated(text: str) -> list[OutdatedMatch]:
    r"""Find the outdated references in *text*, ordered by position and not overlapping.

    Where matches overlap, the one that starts first wins, and of those the
    longest (so ``henkilötietolain 24 §`` is one match of the section, not a
    match of the law followed by a loose section sign).

    Examples:
        >>> [(m.text, m.reference.code) for m in find_outdated(
        ...     "Rekisteriseloste henkilötietolain 10 ja 24 §:n mukaisesti.")]
        [('Rekisteriseloste', 'R308'), ('henkilötietolain', 'R301')]
        >>> find_outdated("Tietosuojaseloste (ent. rekisteriseloste)")
        []

    A word written with a decomposed letter (``o`` and U+0308 for ``ö``, as
    macOS and many PDF viewers copy it) or with a soft hyphen or zero-width
    character inside it is found as it reads; the match is the text as written:

        >>> [(m.start, m.end) for m in find_outdated("henkilo\u0308tietolain mukaan")]
        [(0, 17)]
        >>> [m.text for m in find_outdated("rekisteri\u00adseloste")]
        ['rekisteri\xadseloste']
    """
    given: object = text  # a caller without a type checker may pass anything (O7)
    if not isinstance(given, str):
        msg = f"find_outdated() takes a text (str), got {type(given).__name__}"
        raise ModelTypeError(msg)
    if _HIDDEN.search(text) is None:
        return _find(text, prefilter=True)
    plain, starts, ends = _as_read(text)
    return [
        OutdatedMatch(
            start=starts[match.start],
            end=ends[match.end - 1],
            text=text[starts[match.start] : ends[match.end - 1]],
            reference=match.reference,
        )
        for match in _find(plain, prefilter=True)
    ]


#: What can hide a word from the patterns: combining marks (a decomposed ä or
#: ö), soft hyphens and the zero-width characters (A13's O15).
_HIDDEN: Final = re.compile("[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]")
_INVISIBLE: Final = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def _as_read(text: str) -> tuple[str, list[int], list[int]]:
    """*text* as it reads (composed, invisible characters left out), with positions.

    For each character of the result, where the piece of *text* it comes from
    starts and ends.
    """
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in _INVISIBLE:
            i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        for char in unicodedata.normalize("NFC", text[i:j]):
            chars.append(char)
            starts.append(i)
            ends.append(j)
        i = j
    return "".join(chars), starts, ends


#: Any keyword of any reference: most texts have none, and are done in one search.
_ANY_KEYWORD: Final = re.compile(
    "|".join(re.escape(k) for reference in OUTDATED_REFERENCES for k in reference.keywords)
)


#: Where a match of each reference's pattern can start: every alternative of the
#: pattern begins with one of these casefolded words (a lookbehind takes no
#: characters), and none can match the empty string. With them, a long text
#: whose keywords occur is not scanned position by position once per pattern:
#: the pattern is tried only where one of its start words occurs.
_STARTS: Final[dict[str, tuple[str, ...]]] = {
    "R301": ("henkilötietola", "hetil", "523/", "personuppgiftslag"),
    "R302": ("henkilötietola", "hetil", "10"),
    "R303": ("henkilötietola", "hetil"),
    "R304": ("henkilötietola", "hetil"),
    "R305": ("henkilötietola", "hetil"),
    "R306": ("henkilötietola", "hetil"),
    "R307": ("henkilörekisterila", "471/", "personregisterlag"),
    "R308": ("rekisteri", "registerbeskrivning"),
    "R309": ("sähköisen", "516/2004", "svtsl", "lag"),
    "R310": ("tietoyhteiskuntakaa", "informationssamhällsbalk"),
    "R311": ("viestintäviras", "kommunikationsverk", "ficora"),
    "R312": ("väestörekisterikesku", "vrk", "maistraat", "befolkningsregistercentral", "magistrat"),
    "R313": ("kerran", "maksutta", "allekirjoitettav", "omakätisesti"),
    "R314": ("kirjalli", "tietosuojavaltuutetun"),
    "R315": ("kielto-oikeu", "oikeus"),
    "R316": ("ellei",),
    "R317": ("eu",),
    "R318": ("ilmoit",),
    "R319": ("privacy",),
}


def _occurrences(folded: str, word: str) -> Iterator[int]:
    at = folded.find(word)
    while at != -1:
        yield at
        at = folded.find(word, at + 1)


def _started_matches(
    reference: OutdatedReference, text: str, folded: str
) -> Iterator[re.Match[str]]:
    """``reference.pattern.finditer(text)``, tried only where a start word occurs in *folded*.

    *folded* is *text* casefolded, of the same length (each character folded to
    one), so its positions are the text's. ``finditer`` returns, after each
    match, the leftmost match starting at or after its end; every match starts
    at a start word, so trying those positions in order finds the same ones
    (``pattern.match(text, pos)`` sees the text before *pos* for word boundaries and
    lookbehinds, as ``finditer`` does).
    """
    starts = sorted({at for word in _STARTS[reference.code] for at in _occurrences(folded, word)})
    match_at = reference.pattern.match
    end = 0
    for start in starts:
        if start < end:
            continue
        match = match_at(text, start)
        if match is not None:
            yield match
            end = match.end()


def _find(text: str, *, prefilter: bool, by_start: bool = True) -> list[OutdatedMatch]:
    """The matches of every reference; *prefilter* skips those whose keywords are absent.

    *by_start* (with *prefilter*) tries each pattern only where its start words
    occur; ``False`` scans the text with each pattern (the same matches, slower).
    """
    # casefold() maps ſ to s and the Kelvin sign to k, as re.IGNORECASE does;
    # dotless ı, which re.IGNORECASE also takes for i, it leaves alone.
    folded = text.casefold().replace("ı", "i") if prefilter else ""
    if prefilter and _ANY_KEYWORD.search(folded) is None:
        return []
    # a character folded to two ("ß", "İ") shifts the positions: scan the whole text then
    started = by_start and prefilter and len(folded) == len(text)
    candidates: list[tuple[int, int, int, OutdatedReference]] = []
    for order, reference in enumerate(OUTDATED_REFERENCES):
        if prefilter and reference.keywords and not any(k in folded for k in reference.keywords):
            continue
        matches = (
            _started_matches(reference, text, folded)
            if started
            else reference.pattern.finditer(text)
        )
        candidates.extend(
            (match.start(), -(match.end() - match.start()), order, reference)
            for match in matches
            if match.end() > match.start() and reference.accepts(text, match.start())
        )
    candidates.sort(key=lambda item: item[:3])
    found: list[OutdatedMatch] = []
    end = 0
    for start, negative_length, _order, reference in candidates:
        if start < end:
            continue
        end = start - negative_length
        found.append(OutdatedMatch(start=start, end=end, text=text[start:end], reference=reference))
    return found
