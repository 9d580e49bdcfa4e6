r"""Import an old rekisteriseloste or tietosuojaseloste into a draft register.

:func:`import_notice` reads an old notice (plain text, Word-exported text or
an HTML page) and returns an :class:`ImportResult`:

* ``draft``: a :class:`~rekisteri.model.Register` with whatever could be
  recognised; what the notice does not say stays empty (nothing is made up);
* ``unmatched``: every passage that was not mapped to a field, with its
  offsets: each non-blank character of the text is either mapped or listed
  (invisible format characters such as a soft hyphen count as blank);
* ``findings``: the linter's report on the draft, plus the importer's own
  findings (codes ``I001``–``I016``) and the outdated legal references of
  the text, each with its current replacement.

:func:`import_bytes` first decodes bytes (UTF-8, or a Windows-1252/Latin-1
guess, or a given encoding). :func:`to_toml` writes the draft as a TOML file
for a person to edit, with comments where the importer was unsure.

Offsets are into :attr:`ImportResult.text`: the decoded text itself, or for
HTML the page's text content: block elements start new lines, whitespace inside
text collapses, and `<script>` and `<style>` are not text. They count code
points, invisible ones too (soft hyphens, zero-width spaces, a byte order
mark): the extractor reads the text without those, and maps its offsets back.

Examples:
    >>> from rekisteri.importer import import_notice
    >>> result = import_notice(
    ...     "Rekisterinpitäjä\n\nEsimerkki Oy\nY-tunnus: 2077474-0\n\n"
    ...     "Rekisterin käyttötarkoitus\n\n"
    ...     "Tietoja käytetään laskutukseen ja markkinointiin.\n"
    ... )
    >>> result.draft.controller.name, result.draft.controller.business_id
    ('Esimerkki Oy', '2077474-0')
    >>> [purpose.name.fi for purpose in result.draft.purposes]
    ['Laskutus', 'Markkinointi']
    >>> result.coverage
    1.0
"""

from __future__ import annotations

import bisect
import functools
import gc
import itertools
import re
import unicodedata
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, ParamSpec, TypeVar

import attrs

from rekisteri._redact import redacted_repr
from rekisteri._spellings import masking_repr, spelling_spans, spellings
from rekisteri.identifiers import hetu
from rekisteri.importer._account import (
    account,
    catalogued,
    draft_reach,
    draft_values,
    reached_texts,
    remarked,
    settle,
)
from rekisteri.importer._agree import field_name, guessed_headings, note_guesses
from rekisteri.importer._boxes import unboxed
from rekisteri.importer._builder import BOTH_WAYS, Mapping, merged
from rekisteri.importer._decode import (
    ImportInputTypeError,
    UnusableInputError,
    decode,
    looks_binary,
)
from rekisteri.importer._extract import Extractor
from rekisteri.importer._fallback import copyright_holder
from rekisteri.importer._footnotes import attach as attach_footnotes
from rekisteri.importer._footnotes import find as find_footnotes
from rekisteri.importer._furniture import blanked, furniture, trailing_chrome
from rekisteri.importer._headings import trim_caches
from rekisteri.importer._html import html_to_text, looks_like_html
from rekisteri.importer._invisible import CHARACTERS, INVISIBLE, Stripped, strip
from rekisteri.importer._markdown import emphasis_marks
from rekisteri.importer._quoted import forwarded_header, quote_marks, unquoted
from rekisteri.importer._runon import dash_glued, unwrapped
from rekisteri.importer._structure import split
from rekisteri.importer._toml import to_toml
from rekisteri.lint import Finding, Severity
from rekisteri.model import Register

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from rekisteri.importer._builder import Builder
    from rekisteri.importer._structure import Section

__all__ = [
    "CODES",
    "ImportInputTypeError",
    "ImportResult",
    "MappedSpan",
    "Passage",
    "UnusableInputError",
    "import_bytes",
    "import_notice",
    "to_toml",
]

_NON_BLANK: Final = re.compile(rf"[^\s{CHARACTERS}]+")  # invisible characters are blank too
_PARAGRAPH_BREAK: Final = re.compile(rf"\n[ \t\r\f\v{CHARACTERS}]*\n")  # invisible ones are blank


@attrs.frozen
class Passage:
    """A passage of the text that no field took: ``text[start:end]``."""

    start: int
    end: int
    text: str = attrs.field(repr=redacted_repr)


@attrs.frozen
class MappedSpan:
    """A span of the text and the field of the draft that it went into.

    ``field`` is a path such as ``"purposes"``, ``"controller.business_id"``
    or ``"sources[2]"``; recognised headings are ``"heading:<section>"``.
    """

    start: int
    end: int
    field: str


@attrs.frozen
class ImportResult:
    """What :func:`import_notice` found in a notice."""

    draft: Register
    """The draft register: what could be recognised, nothing invented."""
    unmatched: tuple[Passage, ...]
    """Passages that were not mapped to any field, in text order."""
    findings: tuple[Finding, ...]
    """The importer's findings, outdated references in the text, and the linter's report."""
    text: str = attrs.field(repr=False)
    """The text that the offsets refer to (the text content, for HTML); not in the repr."""
    mapped: tuple[MappedSpan, ...]
    """Where each field of the draft came from."""
    notes: MappingProxyType[str, tuple[str, ...]]
    """Remarks on fields of the draft by path (``"purposes[0]"``): where the importer was unsure."""
    source_name: str | None = None
    encoding: str | None = None
    """The encoding the bytes were decoded with (``None`` for a ``str`` input)."""
    is_html: bool = False
    sections: tuple[tuple[int, int, str], ...] = ()
    """The sections found: ``(start, end, field)``, the field the heading names
    (``"none"`` for text before the first heading, a title, or an unknown heading)."""
    guessed: tuple[tuple[int, int, str, str], ...] = ()
    """The headings read from their words, not from the table of known headings:
    ``(start, end, heading, field)``. Each field filled from their sections has a
    remark in :attr:`notes`, and each heading a finding ``I015``."""
    unreached: tuple[MappedSpan, ...] = ()
    """Text an extractor mapped to a field whose words reached neither the draft
    nor its comments, with that field: the final accounting of the import took
    it out of :attr:`mapped`, and it is listed in :attr:`unmatched` (unless
    another field's span holds it too)."""
    by_model: tuple[MappedSpan, ...] = ()
    """The passages the statistical second reader placed (they are in :attr:`mapped`
    too): each is quoted in a ``# importer unsure`` comment on its field, not
    written as a value. Empty with ``model=False``."""
    remarked: tuple[MappedSpan, ...] = ()
    """The passages an extractor mapped whose words the draft's values do not hold,
    kept in their field only as a quote in a remark (a ``#`` comment in the
    draft) by the final accounting; they are in :attr:`mapped` too. Like
    :attr:`by_model`, text that is in the draft only as a comment."""

    @property
    def shares(self) -> dict[str, float]:
        """Shares of the text's non-blank characters, by where they went.

        ``in_field``: mapped to the field that their section's heading names (a
        title, recognised as one, counts here too), and to no other field
        (the description aside);
        ``description``: kept in the register description only; ``elsewhere``:
        mapped to another field, or to the section's field and another one too
        (a sentence moved on strong evidence, one that denies two things, a
        title, text before the first heading or under a heading the importer
        does not know); ``unmapped``: listed in :attr:`unmatched`.
        The four add up to 1.
        """
        from rekisteri.importer._evaluate import field_of, segments

        text = self.text
        spans = [(m.start, min(m.end, len(text)), field_of(m.field)) for m in self.mapped]
        sections = self.sections or ((0, len(text), "none"),)
        bounds = [edge for start, end, _ in sections for edge in (start, end)]
        pieces = segments(text, spans, bounds)
        counts = dict.fromkeys(("in_field", "description", "elsewhere", "unmapped"), 0)
        index = 0
        for start, end, field in sections:
            while index < len(pieces) and pieces[index][0] < start:
                index += 1
            while index < len(pieces) and pieces[index][1] <= end:
                _, _, got, chars = pieces[index]
                if field in got and got <= {field, "description"}:
                    # placed in its section's field (a title's text as a title),
                    # perhaps kept in the description too, and in no other field
                    counts["in_field"] += chars
                elif not got:
                    counts["unmapped"] += chars
                elif got == {"description"}:
                    counts["description"] += chars
                else:
                    counts["elsewhere"] += chars
                index += 1
        total = sum(counts.values())
        return {key: (value / total if total else 0.0) for key, value in counts.items()}

    @property
    def shares_shown(self) -> dict[str, str]:
        """The :attr:`shares` as whole percentages that never round a share away.

        A share above zero shows at least ``<1%`` and one below the whole at
        most ``>99%``: a passage listed as not mapped never reads as ``0%``.
        The numbers shown add up to 100 (``<1%`` counting as 1, ``>99%`` as 99):
        a share under one percent counts one, the others are rounded down and
        the points left go to the largest remainders, not each share rounded on
        its own (87.6, 3.6 and 8.8 would show as 88 + 4 + 9). The one exception:
        two or more shares under half a percent beside one shown as ``>99%``.
        """
        return _percents(self.shares)

    def summary_line(self, name: str | None = None) -> str:
        """One line: where the text went and how many findings (for the command's stderr)."""
        errors = sum(f.severity is Severity.ERROR for f in self.findings)
        warnings = sum(f.severity is Severity.WARNING for f in self.findings)
        label = hetu.redact(name or self.source_name or "notice")
        shown = self.shares_shown
        return (
            f"{label}: {shown['in_field']} of the text in the field its section names, "
            f"{shown['description']} kept in the description, "
            f"{shown['elsewhere']} in other fields, {shown['unmapped']} not mapped "
            f"({len(self.unmatched)} passage(s)); {errors} error(s), {warnings} warning(s)"
            + (f"; {len(self.guessed)} heading(s) guessed from their words" if self.guessed else "")
            + self._model_note()
            + self._remark_note()
        )

    def _model_note(self) -> str:
        """The summary's note of what the statistical reader placed ("" if nothing)."""
        return self._comment_note(
            self.by_model,
            "placed by the statistical reader as '# importer unsure' comments (check them)",
        )

    def _remark_note(self) -> str:
        """The summary's note of what is in the draft only as a quoted remark ("" if nothing)."""
        return self._comment_note(
            self.remarked,
            "kept in their field only as quoted remarks (the draft's values lack them)",
        )

    def _comment_note(self, spans: Sequence[MappedSpan], how: str) -> str:
        """The summary's note of text held only as comments: count, share and *how* ("" if none)."""
        if not spans:
            return ""
        held = self._share(spans)
        share = _percents({"held": held, "rest": 1 - held})["held"]
        return f"; {len(spans)} passage(s), {share} of the text, {how}"

    @property
    def coverage(self) -> float:
        """The share of the text's non-blank characters that were mapped to fields (1.0 if none)."""
        return self._share(self.mapped)

    def _share(self, spans: Sequence[MappedSpan]) -> float:
        """The share of the text's non-blank characters in *spans* (1.0 for a blank text)."""
        total = _non_blank(self.text)
        if total == 0:
            return 1.0
        covered = merged((m.start, m.end) for m in spans)
        return sum(_non_blank(self.text[s:e]) for s, e in covered) / total

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error."""
        return any(finding.severity is Severity.ERROR for finding in self.findings)


masking_repr(ImportResult)  # its repr shows the notice's text and name: codes masked


def _percents(shares: dict[str, float]) -> dict[str, str]:
    """*shares* (adding up to 1) as whole percentages adding up to 100, none rounded away.

    A share under one percent counts one (shown ``<1%`` when it would round to
    zero); the others are rounded down and the points left go to the largest
    remainders (or, when the small ones took too many, come from the smallest).

    Examples:
        >>> _percents({"a": 0.874, "b": 0.037, "c": 0.089, "d": 0.0})
        {'a': '87%', 'b': '4%', 'c': '9%', 'd': '0%'}
        >>> _percents({"a": 0.998, "b": 0.002})
        {'a': '>99%', 'b': '<1%'}
    """
    small = {key for key, share in shares.items() if 0 < share < 0.01}
    whole = {key: 1 if key in small else int(share * 100) for key, share in shares.items()}
    others = sorted(
        (key for key in shares if key not in small and shares[key] > 0),
        key=lambda key: shares[key] * 100 - whole[key],
        reverse=True,
    )
    left = 100 - sum(whole.values())
    if left > 0:
        for key in others[:left]:
            whole[key] += 1
    elif left < 0:
        for key in others[left:]:
            whole[key] -= 1
    shown = {}
    for key, share in shares.items():
        if 0.995 <= share < 1:  # what rounds to 100 % on its own
            shown[key] = ">99%"
        elif 0 < share < 0.005:  # what rounds to 0 % on its own
            shown[key] = "<1%"
        else:
            shown[key] = f"{whole[key]}%"
    return shown


def _non_blank(text: str) -> int:
    return sum(map(len, _NON_BLANK.findall(text)))


#: The importer's own finding codes: (severity, message in fi, sv, en).
CODES: Final = MappingProxyType(
    {
        "I001": (
            Severity.WARNING,
            (
                "Otsikkoa ei tunnistettu: “{subject}”. Sen alla oleva teksti luettiin vain "
                "vihjeiden perusteella."
            ),
            (
                "Rubriken kändes inte igen: ”{subject}”. Texten under den lästes bara "
                "utifrån ledtrådar."
            ),
            "Heading not recognised: “{subject}”. The text under it was read from cues only.",
        ),
        "I002": (
            Severity.ERROR,
            "Y-tunnus {subject} löytyi, mutta sen tarkistusmerkki ei täsmää: korjaa tunnus.",
            "FO-nummer {subject} hittades, men kontrollsiffran stämmer inte: rätta numret.",
            "Y-tunnus {subject} found, but its check digit is wrong: correct it.",
        ),
        "I004": (
            Severity.WARNING,
            "Selosteesta ei tunnistettu yhtään otsikkoa; se luettiin vapaana tekstinä.",
            "Inga rubriker kändes igen i beskrivningen; den lästes som fri text.",
            "No heading of the notice was recognised; it was read as free text.",
        ),
        "I005": (
            Severity.INFO,
            "Otsikon “{subject}” alla ei ole tekstiä.",
            "Under rubriken ”{subject}” finns ingen text.",
            "There is no text under the heading “{subject}”.",
        ),
        "I006": (
            Severity.INFO,
            "{subject} kohtaa jäi liittämättä mihinkään kenttään; ne on lueteltu raportissa.",
            "{subject} avsnitt kunde inte knytas till något fält; de listas i rapporten.",
            "{subject} passages were not mapped to any field; the report lists them.",
        ),
        "I008": (
            Severity.INFO,
            "Merkistöä ei ilmoitettu eikä teksti ollut UTF-8:aa; luettiin merkistönä {subject}.",
            "Teckenkodningen angavs inte och texten var inte UTF-8; den lästes som {subject}.",
            "No encoding was given and the text was not UTF-8; it was read as {subject}.",
        ),
        "I010": (
            Severity.WARNING,
            "Seloste sekä kieltää siirrot EU:n ja ETA:n ulkopuolelle että kuvaa niitä; tarkista.",
            (
                "Beskrivningen både förnekar och beskriver överföringar utanför EU och EES; "
                "kontrollera."
            ),
            "The notice both denies and describes transfers outside the EU/EEA; check.",
        ),
        "I011": (
            Severity.INFO,
            (
                "Sähköpostiosoite oli kirjoitettu peitetysti; luonnoksessa se on kirjoitettu "
                "auki: {subject}."
            ),
            "E-postadressen var skriven i maskerad form; i utkastet är den utskriven: {subject}.",
            (
                "The e-mail address was written in an obfuscated form; the draft writes it "
                "out: {subject}."
            ),
        ),
        "I012": (
            Severity.WARNING,
            (
                "Seloste näyttää olevan ruotsiksi; luonnoksessa tekstit ovat sv-kentissä, "
                "ja fi-kentissä on sama ruotsinkielinen teksti: kirjoita suomenkieliset tekstit."
            ),
            (
                "Beskrivningen verkar vara på svenska; i utkastet står texterna i sv-fälten, "
                "och fi-fälten har samma svenska text: skriv de finska texterna."
            ),
            (
                "The notice appears to be in Swedish; the draft has its texts in the sv "
                "fields, and the fi fields hold the same Swedish text: write the Finnish texts."
            ),
        ),
        "I016": (
            Severity.WARNING,
            (
                "Seloste näyttää olevan englanniksi; luonnoksessa tekstit ovat en-kentissä, "
                "ja fi-kentissä on sama englanninkielinen teksti: kirjoita suomenkieliset "
                "tekstit."
            ),
            (
                "Beskrivningen verkar vara på engelska; i utkastet står texterna i en-fälten, "
                "och fi-fälten har samma engelska text: skriv de finska texterna."
            ),
            (
                "The notice appears to be in English; the draft has its texts in the en "
                "fields, and the fi fields hold the same English text: write the Finnish texts."
            ),
        ),
        "I015": (
            Severity.INFO,
            (
                "Otsikko {subject}: ei tunnettu otsikko, vaan luettu sanoistaan; tarkista sen alta "
                "täytetyt kentät."
            ),
            (
                "Rubriken {subject}: ingen känd rubrik, utan läst utifrån sina ord; kontrollera "
                "fälten som fylldes från den."
            ),
            (
                "Heading {subject}: not a heading the importer knows, read from its words; check "
                "the fields filled from it."
            ),
        ),
        "I014": (
            Severity.INFO,
            (
                "Selosteessa oli {subject} henkilötunnusta; ne on peitetty luonnoksessa ja "
                "raportissa, eikä niitä luettu minkään kentän arvoksi."
            ),
            (
                "Beskrivningen innehöll {subject} personbeteckningar; de är maskerade i "
                "utkastet och i rapporten och lästes inte som värde för något fält."
            ),
            (
                "The notice contained {subject} identity code(s) (henkilötunnus); they are "
                "masked in the draft and in the report, and none was read as a field's value."
            ),
        ),
        "I013": (
            Severity.WARNING,
            (
                "Selosteessa näyttää olevan suomenkielisen tekstin rinnalla ruotsinkielinen "
                "teksti; luonnoksessa molemmat ovat suomenkielisissä kentissä: siirrä "
                "ruotsinkieliset tekstit sv-kenttiin."
            ),
            (
                "Beskrivningen verkar ha en svensk text parallellt med den finska; i utkastet "
                "står båda i de finska fälten: flytta de svenska texterna till sv-fälten."
            ),
            (
                "The notice appears to have a Swedish text in parallel with the Finnish one; "
                "the draft has both in the Finnish fields: move the Swedish texts to the sv "
                "fields."
            ),
        ),
    }
)

_LOCALES: Final = {"fi": 1, "sv": 2, "en": 3}


def _finding(code: str, path: str, subject: str, locale: str) -> Finding:
    entry = CODES[code]
    subject = hetu.redact(subject)  # a finding quoting the notice shows none
    message = entry[_LOCALES.get(locale, 1)].format(subject=subject)
    return Finding(code, entry[0], path, message)


#: Both languages this often (in the first 20,000 characters): a parallel fi/sv text.
_PARALLEL: Final = 4


def _word_counts(text: str) -> tuple[int, int]:
    """Common Swedish and common Finnish function words in the start of *text*."""
    sample = text[:20000].casefold()
    swedish = len(re.findall(r"\b(?:och|att|för|som|av|med|till|är|uppgifter)\b", sample))
    finnish = len(re.findall(r"\b(?:ja|on|tai|ovat|sekä|että|tiedot|tietoja)\b", sample))
    return swedish, finnish


#: Words of a notice's headings and lists, for a text of few running sentences
#: (headings and lists only: "Registrets namn" / "Kundregister" / "- adress").
_SV_WORDS: Final = re.compile(
    r"\b(?:\w*register|\w*registret|registrets|registrerad\w*|personuppgift\w*|namn|adress"
    r"|\w*nummer|uppgift\w*|ändamål\w*|behandling\w*|lagring\w*|utlämnande\w*|kund\w*"
    r"|medlem\w*|ansvarig\w*)\b"
)
_FI_WORDS: Final = re.compile(
    r"\b(?:\w*rekisteri\w*|tiedot|nimi|osoite|\w*numero|henkilötie\w*|asiak\w*|jäsen\w*"
    r"|käsittel\w*|tarkoitu\w*|säilyt\w*|luovut\w*|rekisterinpitäjä\w*)\b"
)
#: Words of an English notice's headings and lists, for a text of few running sentences.
_EN_WORDS: Final = re.compile(
    r"\b(?:controller|privacy|notice|personal|data|processing|purposes?|disclos\w*"
    r"|recipients?|retention|rights?|cookies|transfers?|sources?|security|subjects?)\b"
)
#: English function words: a notice in English is no Swedish one for its "register" words.
_EN_FUNCTION: Final = re.compile(r"\b(?:the|and|of|is|are|to|with|for)\b")
#: Fewer function words than this in all: the notice's words decide its language.
_FEW_SENTENCES: Final = 4


def _swedish(text: str) -> bool:
    swedish, finnish = _word_counts(text)
    if swedish + finnish < _FEW_SENTENCES:
        sample = text[:20000].casefold()
        if len(_EN_FUNCTION.findall(sample)) >= _FEW_SENTENCES:
            return False  # English sentences ("the customer register is …"), not Swedish words
        swedish += len(_SV_WORDS.findall(sample))
        finnish += len(_FI_WORDS.findall(sample))
    return swedish > 2 * finnish + 2


#: An English notice has this many times more English function words than Finnish and
#: Swedish ones together (a notice in Finnish and English side by side has two or three).
_ENGLISH_RATIO: Final = 4


def _english(text: str) -> bool:
    """Whether *text* is in English: its English function words far outnumber the others.

    A Finnish notice whose cookie table a consent tool wrote in English has as
    many English function words as an English notice (R3-6): the Finnish words
    of registers ("henkilötietojen", "rekisterinpitäjä", "käsittely") say it is
    Finnish; English notices of Finnish organisations have none or one of them.
    """
    swedish, finnish = _word_counts(text)
    sample = text[:20000].casefold()
    english = len(_EN_FUNCTION.findall(sample))
    if english + swedish + finnish < _FEW_SENTENCES:
        # headings and lists with hardly a sentence: the notice's words decide, as
        # for a Swedish one ("Controller" / "Regular disclosures of data" / …)
        others = len(_FI_WORDS.findall(sample)) + len(_SV_WORDS.findall(sample))
        return len(_EN_WORDS.findall(sample)) > 2 * others + 2
    if english < _FEW_SENTENCES or english <= _ENGLISH_RATIO * (swedish + finnish) + 2:
        return False
    return len(_FI_WORDS.findall(sample)) < _FEW_SENTENCES


def _language(text: str) -> str:
    """The language of a notice's texts: ``"sv"``, ``"en"`` or ``"fi"`` (also for parallel ones)."""
    if _swedish(text):
        return "sv"
    return "en" if _english(text) else "fi"


def _language_findings(text: str, notice_lang: str, locale: str) -> list[Finding]:
    """The finding on the notice's language: Swedish (I012), English (I016) or parallel (I013)."""
    if notice_lang == "sv":
        return [_finding("I012", "text", "", locale)]
    if notice_lang == "en":
        return [_finding("I016", "text", "", locale)]
    return [_finding("I013", "text", "", locale)] if _parallel(text) else []


def _parallel(text: str) -> bool:
    """Whether *text* has Finnish and Swedish side by side (and is not simply Swedish)."""
    swedish, finnish = _word_counts(text)
    return min(swedish, finnish) >= _PARALLEL and not _swedish(text)


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _one_import(read: Callable[_P, _R]) -> Callable[_P, _R]:
    """*read*, run as one import: the cyclic garbage collector paused (if it was on).

    An import keeps a notice's pieces, spans and entries alive to its end and
    makes few reference cycles: the collector would scan them again and again,
    which cost about a third of the time on a long notice of short lines (one
    address a line) and a tenth on an ordinary one, for no memory saved. What
    the import leaves is collected once the collector runs again. The heading
    readers' caches, filled by a long notice's lines, are trimmed after it.
    """

    @functools.wraps(read)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return read(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()
            trim_caches()

    return run


@_one_import
def import_notice(
    text_or_html: str,
    *,
    source_name: str | None = None,
    html: bool | None = None,
    locale: str = "fi",
    model: bool = True,
) -> ImportResult:
    """Read an old notice and return a draft register, the unmatched passages and findings.

    Never raises for any text: what cannot be understood ends up in
    :attr:`ImportResult.unmatched`.

    Args:
        text_or_html: The notice as text, or an HTML page.
        source_name: A name for the input (a file name), kept in the result.
        html: Whether the input is HTML; ``None`` decides from the text.
        locale: The language of the findings' messages: ``"fi"``, ``"sv"`` or ``"en"``.
        model: Whether the learnt readers (trained on the project's own
            development notices) may fill in what the rules left: a small
            statistical model places unplaced text, each passage quoted in an
            ``# importer unsure`` remark on its field, and a ranker picks the
            register's name when no rule found one (with a remark). ``False``
            reads by the rules alone.

    Raises:
        ImportInputTypeError: *text_or_html* is not a ``str`` (for ``bytes``,
            use :func:`import_bytes`), or an option is of the wrong type
            (*model* not a ``bool``, *html* not a ``bool`` or ``None``,
            *source_name* not a ``str`` or ``None``).
        UnknownLocaleError: *locale* is not one of those.
    """
    _require_options(text_or_html, source_name, html, model=model)
    from rekisteri.lint import find_outdated, outdated_finding
    from rekisteri.lint._finding import as_lang
    from rekisteri.lint._rules import lint_draft

    lang = as_lang(locale).value
    is_html = looks_like_html(text_or_html) if html is None else html
    if is_html:
        text, headings, items = html_to_text(text_or_html)
    else:
        text, headings, items = text_or_html, [], []
    # Decomposed letters ("a" + U+0308 for "ä", as some macOS apps and PDF viewers
    # copy text) are read composed: the result's text is the composed one (K39).
    text, headings, items = _composed(text, headings, items)
    codes = len(spellings(text))  # the package's one recogniser of every spelling
    if codes:
        # Offsets stay valid: both forms have the notice's length. The
        # extractor reads codes as runs of "¤" (no digit, no letter: never a
        # phone, name or business id); the result's text keeps the birth date.
        work = _without_codes(text)
        text = hetu.redact(text)
    else:
        work = text
    # Control characters (an ESC, a form feed from a word processor) can be in
    # no text of the model: the extractor reads each as a space (offsets stay).
    # A lone carriage return (an old Mac line end amid others, a stray one inside a
    # line) ends a line as the splitter reads it: every reader sees a line feed there
    # (one character for one: offsets stay), so no value holds a control character.
    work = _LONE_BREAK.sub("\n", _CONTROLS.sub(" ", work))
    # The extractor reads the text without invisible characters (a soft hyphen
    # or zero-width space inside a word); its offsets are mapped back to *text*.
    plain = strip(work)
    # A PDF pasted as a few page-long lines: a line break before each of its
    # headings (a space becomes the break: offsets stay). Read without the
    # invisible characters, which would hide a heading ("\u200bRegistrets namn").
    plain = attrs.evolve(plain, text=unwrapped(plain.text))
    # A web page's headings glued to the line before after " - ": each on its own line.
    plain = attrs.evolve(plain, text=dash_glued(plain.text))
    if plain.changed:
        headings = [(plain.forward(s), plain.forward(e)) for s, e in headings]
        items = [plain.forward(i) for i in items]
    plain, sections, built = _read(plain, headings, items, html=is_html, model=model)
    guesses = guessed_headings(plain.text, sections)
    # no guess, no remark to put: the spans are not listed (a long notice has many)
    note_guesses(
        guesses, [(m.start, m.end, m.field) for m in built.mapped] if guesses else [], built.note
    )
    built.lang = _language(plain.text)
    draft = built.build()
    spans, unreached, remarked = _accounted(plain, built.mapped, draft, built, text)
    section_fields = _section_fields(text, sections, plain)
    unmatched = tuple(_unmatched(text, spans))
    spans, unmatched, by_model = _read_by_model(
        text, section_fields, spans, unmatched, built, model=model
    )
    mapped = tuple(MappedSpan(m.start, m.end, m.field) for m in spans)
    findings: list[Finding] = []
    findings.extend(
        _finding(
            remark.code,
            f"text[{plain.start(remark.start)}:{plain.end(remark.end)}]",
            _as_masked(remark.subject, work, text, plain.start(remark.start)),
            lang,
        )
        for remark in sorted(built.remarks, key=lambda r: (r.start, r.code))
    )
    guessed = tuple(
        (
            plain.start(start),
            plain.end(end),
            _as_masked(heading, work, text, plain.start(start)),
            field_name(kind),
        )
        for start, end, _until, heading, kind, _moved in guesses
    )
    findings.extend(
        _finding("I015", f"text[{start}:{end}]", f"“{heading}” → {field}", lang)
        for start, end, heading, field in guessed
    )
    if sections and all(s.kind is None for s in sections) and text.strip():
        findings.append(_finding("I004", "text", "", lang))
    if unmatched:
        findings.append(_finding("I006", "unmatched", str(len(unmatched)), lang))
    if codes:
        findings.append(_finding("I014", "text", str(codes), lang))
    if BOTH_WAYS in built.notes.get("transfers", ()):  # not a sentence moved there
        findings.append(_finding("I010", "transfers", "", lang))
    findings.extend(_language_findings(plain.text, built.lang, lang))
    findings.extend(
        outdated_finding(
            match, f"text[{plain.start(match.start)}:{plain.end(match.end)}]", locale=lang
        )
        for match in find_outdated(plain.text)
    )
    # The text-level findings above already name every outdated reference,
    # with its place in the notice; the linter's R3xx on the draft would repeat them.
    findings.extend(lint_draft(draft, locale=lang))
    return ImportResult(
        draft=draft,
        unmatched=unmatched,
        findings=tuple(findings),
        text=text,
        mapped=mapped,
        notes=MappingProxyType({path: tuple(notes) for path, notes in built.notes.items()}),
        source_name=source_name,
        is_html=is_html,
        sections=section_fields,
        guessed=guessed,
        unreached=unreached,
        by_model=by_model,
        remarked=remarked,
    )


def _map_furniture(built: Builder, pages: list[tuple[int, int]]) -> None:
    """Map each page-furniture line to the field of the last text mapped before it."""
    if not pages:
        return
    ends = sorted((m.end, m.field) for m in built.mapped if not m.field.startswith("heading:"))
    index = 0
    field = None
    for start, end in pages:
        while index < len(ends) and ends[index][0] <= start:
            field = ends[index][1]
            index += 1
        if field is not None:
            built.map(start, end, field)


#: Spaces at most between a quote mark and the text of its line.
_MARK_GAP: Final = 2


def _map_quote_marks(built: Builder, marks: list[tuple[int, int]]) -> None:
    """Map each quote mark to the field of the text its line holds, else of the text before.

    Marks before any text ("> 1. Rekisterinpitäjä" opening the notice) go with the
    first text after them: each is structure, never text left unmapped.
    """
    if not marks:
        return
    spans = sorted((m.start, m.end, m.field) for m in built.mapped)
    starts = [start for start, _, _ in spans]
    before: str | None = None
    index = 0
    for start, end in marks:
        while index < len(spans) and spans[index][0] < start:
            if not spans[index][2].startswith("heading:"):
                before = spans[index][2]
            index += 1
        after = bisect.bisect_left(starts, end)
        following = spans[after][2] if after < len(spans) else None
        # the text right after the mark is its line's ("> Tietoja ei luovuteta.")
        own = following if after < len(spans) and spans[after][0] - end <= _MARK_GAP else None
        field = own or before or following
        if field is not None:
            built.map(start, end, field)


def _composed(
    text: str, headings: list[tuple[int, int]], items: list[int]
) -> tuple[str, list[tuple[int, int]], list[int]]:
    """*text* in composed Unicode (NFC), with the offsets of *headings* and *items* mapped.

    The text is composed piece by piece between those offsets (an HTML page's
    heading and item boundaries, never inside a letter and its marks), so each
    offset maps to the length of what is composed before it: linear time.
    Composed text is returned as it is.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, headings, items
    cuts = sorted({0, len(text), *(offset for span in headings for offset in span), *items})
    pieces: list[str] = []
    moved: dict[int, int] = {}
    length = 0
    for start, end in itertools.pairwise(cuts):
        moved[start] = length
        pieces.append(unicodedata.normalize("NFC", text[start:end]))
        length += len(pieces[-1])
    moved[len(text)] = length
    return (
        "".join(pieces),
        [(moved[start], moved[end]) for start, end in headings],
        [moved[item] for item in items],
    )


def _read(
    plain: Stripped,
    headings: Sequence[tuple[int, int]],
    items: Sequence[int],
    *,
    html: bool,
    model: bool,
) -> tuple[Stripped, list[Section], Builder]:
    """The text the extractor read, its sections and what the extractor found in them.

    Footnote marks ("nimi*", "hoitamiseen¹") and their legends ("* pakollinen
    tieto") are read as spaces (:mod:`rekisteri.importer._footnotes`): no part
    of a name, no entry; each legend then goes to the entries that carry its
    mark. When a legend finds none, the text is read once more with those
    legends as they are (a note under a sentence that marks no entry is text).
    """
    # A PDF's page numbers and running headers (K5): read as spaces, then mapped as
    # structure to the field of the text before each.
    pages = furniture(plain.text, html=html)
    plain = attrs.evolve(plain, text=blanked(plain.text, pages))
    # A web page's footer or an e-mail's signature after the notice's last text (Q5):
    # read as spaces and not mapped, so listed as not mapped; a copyright line among
    # them still names the controller where nothing else did.
    chrome = trailing_chrome(plain.text)
    chrome_text = "\n".join(plain.text[s:e] for s, e in chrome)
    plain = attrs.evolve(plain, text=blanked(plain.text, chrome))
    # A form's check boxes: a ticked one is a bullet, an empty one's line no entry (listed).
    plain = attrs.evolve(plain, text=unboxed(plain.text))
    # A notice quoted in an e-mail: the "> " marks read as spaces, mapped as structure; so
    # Markdown emphasis around a whole list item or line ("- **nimi**", "_Päivitetty …_").
    # A forwarded e-mail's header before the notice ("-----Original Message-----",
    # "From: …"): the e-mail's, read as spaces and mapped as structure as the marks are.
    quotes = sorted(quote_marks(plain.text) + forwarded_header(plain.text))
    quotes = sorted(quotes + emphasis_marks(unquoted(plain.text, quotes)))
    plain = attrs.evolve(plain, text=unquoted(plain.text, quotes))
    footnotes = find_footnotes(plain.text)
    for last in (False, True):
        read = attrs.evolve(plain, text=footnotes.unmarked(plain.text))
        sections = split(read.text, heading_spans=headings, item_starts=items, html=html)
        extractor = Extractor(read.text, sections, learned=model)
        built = extractor.run()
        # The contact reader calls back into the extractor that holds it: a cycle, so
        # the reading (every piece, entry and mapping of the notice) could only be freed
        # by the cyclic collector, which is paused during an import and then found it
        # all at once (a quarter of a second per MB of short lines). Read: let go of it.
        del extractor.contacts
        left = attach_footnotes(built, footnotes)
        if not left or last:
            break
        footnotes = footnotes.without(left)
    _map_furniture(built, pages)
    _map_quote_marks(built, quotes)
    if chrome_text:
        copyright_holder(chrome_text, built)
    return read, sections, built


def _read_by_model(
    text: str,
    section_fields: Sequence[tuple[int, int, str]],
    spans: Sequence[Mapping],
    unmatched: tuple[Passage, ...],
    built: Builder,
    *,
    model: bool,
) -> tuple[Sequence[Mapping], tuple[Passage, ...], tuple[MappedSpan, ...]]:
    """*spans* and *unmatched* after the statistical model placed what it could, with remarks.

    Also returns what the model placed. The model (:mod:`rekisteri.importer._model`,
    read on first use) sees only the passages no rule placed, in the result's
    text (identity codes masked); it places a passage whole or not at all.
    Nothing is read with *model* false.
    """
    if not model or not unmatched:
        return spans, unmatched, ()  # nothing to read: the model is not even loaded
    from rekisteri.importer._model import REMARK, placements

    placed = placements(text, section_fields, [(p.start, p.end) for p in unmatched])
    if not placed:
        return spans, unmatched, ()
    for start, end, field in placed:
        built.note(field, REMARK.format(passage=" ".join(text[start:end].split())))
    taken = {(start, end) for start, end, _ in placed}
    return (
        [*spans, *(Mapping(start, end, field) for start, end, field in placed)],
        tuple(p for p in unmatched if (p.start, p.end) not in taken),
        tuple(MappedSpan(start, end, field) for start, end, field in placed),
    )


def _accounted(
    plain: Stripped, spans: Sequence[Mapping], draft: Register, built: Builder, text: str
) -> tuple[Sequence[Mapping], tuple[MappedSpan, ...], tuple[MappedSpan, ...]]:
    """The final accounting: mapped text whose words reached neither the draft nor its comments.

    No extractor's books are trusted (:mod:`rekisteri.importer._account`):
    returns the spans that stay mapped, the text taken out of them, and the
    spans kept only as a quote in a remark, all with the offsets of the
    result's *text*. First each word of each span
    (:func:`account`), then each span as a whole in the result's text, by the
    criteria of the scorer's loss check (:func:`settle`). What the first
    finds lost is unmatched; what only the second does stays in its field,
    quoted in a remark there (:func:`remarked`), unless it is a heading's.
    """
    said = [r.subject for r in built.remarks if r.code in _QUOTED]
    values, written = draft_values(draft)  # read once for both passes
    kept, lost = account(
        plain.text,
        spans,
        reached_texts(draft, built.notes, said, values),
        dated=draft.updated is not None,
        stated=[field.value for field in draft.none_stated],
    )
    unreached = [MappedSpan(plain.start(m.start), plain.end(m.end), m.field) for m in lost]
    if plain.changed:  # else no character was removed: the offsets are the text's already
        kept = [Mapping(plain.start(m.start), plain.end(m.end), m.field) for m in kept]
    reach = draft_reach(draft, built.notes, said, written)
    kept, dropped = settle(text, kept, reach, draft.updated, catalogued(draft))
    held, remarks = remarked(text, dropped)
    for path, remark in remarks:
        built.note(path, remark)
    ids = {id(m) for m in held}  # the same objects: a set keeps it linear
    unreached.extend(MappedSpan(m.start, m.end, m.field) for m in dropped if id(m) not in ids)
    return (
        [*kept, *held],
        tuple(sorted(unreached, key=lambda m: (m.start, m.end))),
        tuple(MappedSpan(m.start, m.end, m.field) for m in held),
    )


#: The importer's findings that quote a value the draft does not hold: a wrong
#: Y-tunnus (I002), an e-mail as the notice spelled it (I011). A heading quoted
#: by a finding (I001, I005, I015) is no value: its words must reach the draft.
_QUOTED: Final = frozenset({"I002", "I011"})


def _as_masked(subject: str, work: str, text: str, near: int) -> str:
    """*subject* quoted from *work*, its masked codes as *text* shows them (birth date kept)."""
    if "\u00a4" not in subject:
        return subject
    at = work.find(subject, max(0, near - len(subject)))
    return text[at : at + len(subject)] if at >= 0 else subject


#: The control characters that no text of the model may hold (line feeds,
#: tabs and carriage returns are read as they are).
_CONTROLS: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: A line's end that is not a line feed: a carriage return alone, Unicode's line and
#: paragraph separators.
_LONE_BREAK: Final = re.compile("\r(?!\n)|[\u2028\u2029]")


def _without_codes(text: str) -> str:
    """*text* with every identity code, in any spelling, as a run of "¤" of its length.

    The spellings are those of the package's one recogniser, which
    :func:`rekisteri.identifiers.hetu.redact` masks too.
    """
    spans = spelling_spans(text)  # in order, overlapping spellings merged
    out, position = [], 0
    for start, end in spans:
        out.append(text[position:start])
        out.append("".join(c if c.isspace() else "\u00a4" for c in text[start:end]))
        position = end
    out.append(text[position:])
    return "".join(out)


def _section_fields(
    text: str, sections: Sequence[Section], plain: Stripped
) -> tuple[tuple[int, int, str], ...]:
    from rekisteri.importer._evaluate import field_of

    starts = []
    for section in sections:
        first = section.heading or (section.pieces[0] if section.pieces else None)
        if first is None:
            continue
        field = field_of(f"heading:{section.kind.value}") if section.kind else "none"
        starts.append((plain.start(first.start), field))
    if starts:
        starts[0] = (0, starts[0][1])
    return tuple(
        (start, starts[i + 1][0] if i + 1 < len(starts) else len(text), field)
        for i, (start, field) in enumerate(starts)
    )


def import_bytes(
    data: bytes,
    *,
    encoding: str | None = None,
    source_name: str | None = None,
    html: bool | None = None,
    locale: str = "fi",
    model: bool = True,
) -> ImportResult:
    """Decode *data* and import it with :func:`import_notice`.

    Without *encoding*, UTF-8 is tried first, then the ``charset`` of an HTML
    ``<meta>`` tag, then Windows-1252 (or Latin-1); a guess is reported as
    finding ``I008``. *model* is as for :func:`import_notice`.

    Raises:
        ImportInputTypeError: *data* is not ``bytes`` (for a ``str``, use
            :func:`import_notice`).
        UnusableInputError: *encoding* is unknown or does not decode *data*,
            or *data* is a binary file or has no text at all (only blanks
            and invisible characters such as zero-width spaces).
    """
    _require(
        data,
        bytes | bytearray | memoryview,
        "import_bytes reads bytes",
        "for a str use import_notice",
    )
    text, used, guessed = decode(bytes(data), encoding=encoding)
    if looks_binary(text):
        msg = "the input looks like a binary file, not text or HTML (save it as text or HTML)"
        raise UnusableInputError(msg)
    if not _shows_anything(text):  # blanks, or characters that show nothing
        msg = "the input has no text"
        raise UnusableInputError(msg)
    result = import_notice(text, source_name=source_name, html=html, locale=locale, model=model)
    findings = result.findings
    if guessed and used not in {"utf-8-sig", "utf-16"}:
        findings = (_finding("I008", "text", used, locale), *findings)
    return attrs.evolve(result, encoding=used, findings=findings)


#: Characters of letter classes that show as blanks: the braille blank, Hangul fillers.
_BLANK_LETTERS: Final = frozenset("\u2800\u3164\u115f\u1160\uffa0")


def _shows_anything(text: str) -> bool:
    """Whether *text* has a character that shows.

    Not a blank, a format or control character, a combining mark alone (U+034F)
    or a letter that shows as a blank (U+2800, the Hangul fillers).
    """
    return any(
        unicodedata.category(char)[0] not in "ZCM" and char not in _BLANK_LETTERS
        for char in INVISIBLE.sub("", text)
        if not char.isspace()
    )


def _require_options(
    text_or_html: object, source_name: object, html: object, *, model: object
) -> None:
    """Raise :class:`ImportInputTypeError` for a wrong-typed argument of :func:`import_notice`."""
    _require(text_or_html, str, "import_notice reads a str", "for bytes use import_bytes")
    _require(source_name, str | None, "source_name is a str or None", "a file's name")
    _require(html, bool | None, "html is True, False or None", "None decides from the text")
    _require(model, bool, "model is True or False", "False reads by the rules alone")


def _require(value: object, kind: object, reads: str, instead: str) -> None:
    """Raise :class:`ImportInputTypeError` unless *value* is of *kind* (a type or union)."""
    if not isinstance(value, kind):  # type: ignore[arg-type] # a type or a union of types
        msg = f"{reads}, not {type(value).__name__} ({instead})"
        raise ImportInputTypeError(msg)


def _blank(char: str) -> bool:
    return char.isspace() or INVISIBLE.match(char) is not None


def _unmatched(text: str, mapped: Sequence[Mapping]) -> list[Passage]:
    """The passages between the mapped spans, split at blank lines, trimmed."""
    passages: list[Passage] = []
    position = 0
    for start, end in [*merged((m.start, m.end) for m in mapped), (len(text), len(text))]:
        if start > position and not text[position:start].isspace():  # a blank gap: no passage
            gap_start = position
            for piece in [*_PARAGRAPH_BREAK.finditer(text, position, start), None]:
                gap_end = piece.start() if piece is not None else start
                s, e = gap_start, gap_end
                while s < e and _blank(text[s]):
                    s += 1
                while e > s and _blank(text[e - 1]):
                    e -= 1
                if e > s:
                    passages.append(Passage(s, e, text[s:e]))
                if piece is not None:
                    gap_start = piece.end()
        position = max(position, end)
    return passages
