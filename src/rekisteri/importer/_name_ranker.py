"""A second reader for the register's name: candidate phrases ranked by learnt weights.

The rules (:mod:`rekisteri.importer._register_name`) read a name where a
notice gives it in a form they know. Where they found none, this reader lists
the phrases of the notice's first lines that could be the name: a register's
word ("asiakasrekisteri", "medlemsregistret", "customer register"), inflected
or not, with up to :data:`LEFT_WORDS` words before it in the same clause and,
after a preposition ("för", "över", "of", "for"), up to :data:`RIGHT_WORDS`
words after it. Each candidate is described by features that do not depend on
one notice's words: where its line stands, the kind of word before and after
it, its case and length, whether its line is a title, a label or a sentence.

A logistic model over those features (weights in
:mod:`rekisteri.importer._name_weights`, learnt by
``benchmarks/train_name_ranker.py`` on the development fixtures, the threshold
chosen by cross-validation there) scores each candidate; the best is taken
only when its score reaches :data:`~rekisteri.importer._name_weights.THRESHOLD`.
Pure Python, deterministic, linear in the lines read.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Final, NamedTuple

from rekisteri.importer._finnish import capitalise
from rekisteri.importer._headings import SectionKind, recognise
from rekisteri.importer._name_weights import THRESHOLD, WEIGHTS
from rekisteri.importer._register_name import unshouted_name

if TYPE_CHECKING:
    from collections.abc import Mapping

#: How many non-blank lines of the notice's start are read, and how many characters at most.
LINES: Final = 30
CHARS: Final = 4000
#: Words a candidate may take before its register word, and after its preposition.
LEFT_WORDS: Final = 6
RIGHT_WORDS: Final = 6
#: A word: letters, digits and the marks a name keeps ("ry:n", "jäsen-", "Oy’s", "Kylä.fi").
_WORD: Final = re.compile(r"[\w][\w:’'.&-]*[\w’'&-]|[\w]")
#: A register's word at a word's end, with its Finnish or Swedish inflection.
_REGISTER: Final = re.compile(
    r"(?i)(?P<stem>[\w-]*(?:rekisteri|tietokanta|luettelo|kortisto|tietovaranto"
    r"|register|registret|registry|förteckning|förteckningen|databas|database))"
    r"(?P<ending>n|ä|stä|sta|s|)$"
)


def _register_word(word: str) -> re.Match[str] | None:
    """``_REGISTER.search(word)``, tried only where a match can start.

    A match is made of word characters and hyphens up to the word's end, so it
    lies in the word's last run of them, and from the run's start the pattern
    finds it if any start does (its stem takes any number of them): one try
    instead of one at each character (a word of thousands of digits cost a
    time quadratic in its length).
    """
    start = len(word) - 1 if word.endswith("\n") else len(word)  # "$" also before a last "\n"
    while start > 0 and (word[start - 1].isalnum() or word[start - 1] in "_-"):
        start -= 1
    return _REGISTER.match(word, start)


_BARE: Final = re.compile(r"(?i)(?:henkilö)?(?:rekisteri|register|registret|registry)")
_DOCUMENT: Final = re.compile(
    r"(?i)^(?:\w*seloste\w*|tietosuojailmoitus|\w*beskrivning\w*|notice|policy|statement"
    r"|integritetspolicy|informointi\w*)$"
)
_VERB: Final = re.compile(
    r"(?i)^(?:on|ovat|oli|ei|käytetään|sisältää|koskee|kuvataan|ylläpitää|pitää|är|heter"
    r"|gäller|används|innehåller|beskrivs|förs|is|are|was|contains|describes|covers|holds)$"
)
_PREPOSITION: Final = re.compile(
    r"(?i)^(?:för|över|av|i|om|med|från|till|of|for|at|in|about|with|from|to|koskien)$"
)
_FUNCTION: Final = re.compile(
    r"(?i)^(?:the|a|an|this|our|tämä|tämän|tässä|tätä|se|sen|denna|detta|det|den|vår|vårt|våra|andra|övriga|alla|other|all|these|meidän|muut|kaikki|nämä"
    # a pronoun or an auxiliary before "register" makes it a verb: "when you register"
    r"|you|we|they|i|will|can|must|may|should)$"
)
_LABEL_WORD: Final = re.compile(
    r"(?i)^(?:nimi|nimenä|namn|namnet|benämning|name|title|otsikko|rubrik)$"
)
_CONJUNCTION: Final = re.compile(r"(?i)^(?:sekä|ja|och|samt|and|or|tai|eller|&)$")
_LABEL: Final = re.compile(
    r"(?i)\b(?:nimi|nimenä|namn|heter|benämning|name|title)\b|rekisterin nimi|registrets namn"
)
_LEGAL: Final = re.compile(r"(?i)^(?:oy|oyj|ab|abp|ry|rf|ky|tmi|sr|r\.?f\.?|ltd)(?::\w+|’s|'s)?$")
#: What ends a clause inside a line: a candidate never runs over it.
_CLAUSE_END: Final = re.compile(r"[.,;:!?()\[\]|/–—\"”“«»]|[ \t]-[ \t]")


class Candidate(NamedTuple):
    """A phrase that could be the register's name, where it stands, and its features."""

    name: str
    start: int
    end: int
    line: int  # the order of its line among the lines read
    features: tuple[str, ...]


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    """The first of *edges* that *value* does not exceed, or ``+`` past them all."""
    return next((str(edge) for edge in edges if value <= edge), "+")


def _kind(word: str | None) -> str:
    """The kind of word that stands before or after a candidate."""
    if word is None:
        return "none"
    checks = (
        ("label", _LABEL_WORD),
        ("doc", _DOCUMENT),
        ("verb", _VERB),
        ("prep", _PREPOSITION),
        ("func", _FUNCTION),
        ("conj", _CONJUNCTION),
        ("legal", _LEGAL),
    )
    kind = next((name for name, pattern in checks if pattern.match(word)), None)
    if kind is not None:
        return kind
    if _register_word(word) is not None:
        return "register"
    return "cap" if word[:1].isupper() else "low"


class _Line(NamedTuple):
    text: str
    start: int
    order: int
    under_label: bool  # the line above is a name heading ("Rekisterin nimi")
    kind: SectionKind | None  # the section a heading the table knows starts


def _lines(text: str) -> list[_Line]:
    """The notice's first non-blank lines with their offsets and order."""
    out: list[_Line] = []
    position = 0
    for line in text[:CHARS].split("\n"):
        start, position = position, position + len(line) + 1
        if line.strip():
            above = out[-1].kind if out else None
            kind = recognise(line.strip())
            out.append(_Line(line, start, len(out), above is SectionKind.NAME, kind))
            if len(out) >= LINES:
                break
    return out


def _clauses(line: str) -> list[list[re.Match[str]]]:
    """The words of *line*, grouped into the clauses its punctuation separates."""
    groups: list[list[re.Match[str]]] = [[]]
    position = 0
    for word in _WORD.finditer(line):
        if _CLAUSE_END.search(line, position, word.start()) is not None and groups[-1]:
            groups.append([])
        groups[-1].append(word)
        position = word.end()
    return [group for group in groups if group]


def _line_features(line: str, index: int) -> list[str]:
    """What the candidate's line is: where it stands, a title, a label, a sentence."""
    words = line.split()
    features = [
        f"pos:{_bucket(index, (0, 1, 3, 6, 12))}",
        f"lwords:{_bucket(len(words), (3, 6, 12))}",
    ]
    if any(_DOCUMENT.match(w.strip(".,:;–-")) for w in words):
        features.append("line:doc")
    if _LABEL.search(line):
        features.append("line:label")
    if line.rstrip().endswith((".", "!", "?")) and len(words) > 6:
        features.append("line:sentence")
    if line.isupper():
        features.append("line:upper")
    if re.match(r"[ \t]*(?:[0-9]{1,2}[.)]|[•*·▪–-])", line):
        features.append("line:numbered")
    return features


def _name_of(line: str, first: re.Match[str], head: re.Match[str], last: re.Match[str]) -> str:
    """The candidate's text: the register word in the nominative, capitalised as a name."""
    found = _register_word(head.group())
    assert found is not None
    stem = found.group("stem")
    text = line[first.start() : head.start()] + stem + line[head.end() : last.end()]
    text = capitalise(text.replace("\u00ad", ""))
    return unshouted_name(text) if line.isupper() else text


#: Words no name runs over to its left: a document's word, a verb, a preposition, an article.
_NOT_IN_NAME: Final = frozenset({"label", "doc", "verb", "prep", "func"})
#: Words no name runs over to its right: a document's word, a verb, a label.
_NOT_AFTER: Final = frozenset({"label", "doc", "verb"})
#: The register's word alone, as a phrase about the register says it ("of the register").
_BARE_HEAD: Final = re.compile(
    r"(?i)^(?:rekisteri|rekisterin|rekisteriä|register|registret"
    r"|registrets|registry|registers)$"
)


def _context_features(line: _Line, words: list[re.Match[str]], at: int) -> list[str]:
    """What the register word and its line say of every candidate around it."""
    features = []
    if _BARE_HEAD.match(words[at].group()):
        features.append("head:bare")
    if line.text.rstrip().endswith((".", "!", "?")) and len(line.text.split()) > 6:
        features.append("line:sentence")
    if line.kind is SectionKind.TITLE:
        features.append("line:title")
    if line.under_label:
        features.append("line:under_name_label")
    return features


def _candidates_of(line: _Line, words: list[re.Match[str]], at: int) -> list[Candidate]:
    """The candidates of one register word (``words[at]``) in its clause."""
    head = words[at]
    ending = _register_word(head.group())
    assert ending is not None
    rights = [at]
    if at + 1 < len(words) and _PREPOSITION.match(words[at + 1].group()):
        for right in range(at + 2, min(len(words), at + RIGHT_WORDS + 2)):
            if _kind(words[right].group()) in _NOT_AFTER:
                break  # "Register of the notice": the document, not what the register is of
            rights.append(right)
    out = []
    lefts = [at]
    for left in range(at - 1, max(-1, at - LEFT_WORDS - 1), -1):
        if _kind(words[left].group()) in _NOT_IN_NAME or _listed(words[left].group()):
            # "Tietosuojaseloste koulukuljetusten …": no name runs over such a word, nor
            # over another register's in a sentence's list ("jäsenrekisteriä ja … -ä")
            break
        lefts.append(left)
    context = _context_features(line, words, at)
    compound = head.group().casefold() not in _ENGLISH_HEADS
    for left in reversed(lefts):
        if compound and not _name_words(words[left + 1 : at]):
            continue  # "Emme myy asiakasrekisteriä": a verb's sentence, not a name
        for right in rights:
            name = _name_of(line.text, words[left], head, words[right])
            if _BARE.fullmatch(name):
                continue
            before = words[left - 1].group() if left > 0 else None
            after = words[right + 1].group() if right + 1 < len(words) else None
            features = [
                *_line_features(line.text, line.order),
                f"left:{min(at - left, 5)}",
                f"right:{_bucket(right - at, (0, 2, 4))}",
                f"ending:{ending.group('ending') or 'nom'}",
                f"before:{_kind(before)}",
                f"after:{_kind(after)}",
                f"first:{_kind(words[left].group())}",
                f"words:{_bucket(len(name.split()), (1, 2, 3, 5, 8))}",
                *context,
            ]
            said = "sentence" if "line:sentence" in context else "line"
            features.append(f"first:{_kind(words[left].group())}|{said}")
            features.append(f"before:{_kind(before)}|{said}")
            if left == 0 and right == len(words) - 1:
                features.append("whole")
            if any(_LEGAL.match(w.group()) for w in words[left:at]):
                features.append("owner")
            start = line.start + words[left].start()
            end = line.start + words[right].end()
            out.append(Candidate(name, start, end, line.order, tuple(features)))
    return out


#: A lower-case word a Finnish or Swedish name holds before its register word: a
#: genitive ("kylän", "byns", "ry:n"), a hyphen's first part ("jäsen-"), a joining word.
_NAME_WORD: Final = re.compile(r"(?i)^(?:[\w:.’'-]*[ns]|[\w-]*-|ja|sekä|och|samt|&)$")
#: English register words: the words before them are nouns in lower case ("customer").
_ENGLISH_HEADS: Final = frozenset({"register", "registers", "registry", "database"})


def _name_words(inner: list[re.Match[str]]) -> bool:
    """Whether the words between a candidate's first word and its register word fit a name.

    A lower-case word that is no genitive, no compound's first part and no joining word
    is a verb or an adverb ("Emme myy …", "Vi säljer aldrig …"), unless a legal form
    follows it ("kotiseutuyhdistys ry:n").
    """
    for number, word in enumerate(inner):
        text = word.group()
        after = inner[number + 1].group() if number + 1 < len(inner) else ""
        if text[:1].islower() and not (
            _NAME_WORD.match(text)
            or _LEGAL.match(text)
            or _LEGAL.match(after)
            or _REGISTER.search(text)  # "osakasluettelo ja tiemaksurekisteri"
        ):
            return False
    return True


def _listed(word: str) -> bool:
    """Whether *word* is a register's word in the partitive or elative: an item of a list."""
    found = _REGISTER.search(word)
    return found is not None and found.group("ending") in {"ä", "stä", "sta"}


def candidates(text: str) -> list[Candidate]:
    """Every phrase of the notice's first lines that could be the register's name."""
    out: list[Candidate] = []
    for line in _lines(text):
        if line.kind not in {None, SectionKind.TITLE}:
            continue  # "Syfte med registret", "Content of the register": a section's heading
        for clause in _clauses(line.text):
            for at, word in enumerate(clause):
                if _register_word(word.group()) is not None:
                    out.extend(_candidates_of(line, clause, at))
    return out


def score(candidate: Candidate, weights: Mapping[str, float] = WEIGHTS) -> float:
    """The model's probability that *candidate* is the register's name."""
    total = weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in candidate.features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def choose(
    found: list[Candidate], weights: Mapping[str, float] = WEIGHTS, threshold: float = THRESHOLD
) -> tuple[float, Candidate] | None:
    """The best of *found* and its score, when it reaches *threshold* and nothing rivals it.

    A rival is another name that reaches the threshold on another line: a
    notice that lists several registers ("• Asiakasrekisteri" / "•
    Henkilöstörekisteri") names none of them as its own, and the ranker refuses.
    """
    scored = sorted(((score(c, weights), c) for c in found), key=lambda pair: -pair[0])
    if not scored or scored[0][0] < threshold:
        return None
    value, best = scored[0]
    for other_value, other in scored[1:]:
        if other_value < threshold:
            break
        if other.line != best.line and other.name.casefold() != best.name.casefold():
            return None
    return value, best


#: The register's words of a notice's language ("register" is Swedish and English).
_LANGUAGE_WORDS: Final = {
    "fi": re.compile(r"(?i)(?:rekisteri|tietokanta|luettelo|kortisto|tietovaranto)$"),
    "sv": re.compile(r"(?i)(?:register|registret|förteckning|förteckningen|databas)$"),
    "en": re.compile(r"(?i)(?:register|registry|database)$"),
}


def in_language(name: str, lang: str) -> bool:
    """Whether the register's word of the candidate *name* is a word of the language *lang*.

    Examples:
        >>> in_language("Jäsenrekisteri", "sv"), in_language("Medlemsregister", "sv")
        (False, True)
    """
    words = (_register_word(word.group()) for word in _WORD.finditer(name))
    return any(
        _LANGUAGE_WORDS[lang].search(found.group("stem")) for found in words if found is not None
    )


def ranked_name(text: str, lang: str | None = None) -> tuple[str, int, int] | None:
    r"""The best candidate when the model is confident of it: name and span, or ``None``.

    Only a candidate in the notice's language (*lang*, else judged from *text*)
    is taken: in a Swedish notice, "Registret heter Medlemsregister
    (Jäsenrekisteri)" names no Finnish register (R5-14); the draft's name is
    put in the notice's language, and a name in another one would be wrong there.

    Examples:
        >>> ranked_name("Tietosuojaseloste\n\nKylän Soutajat ry:n jäsenrekisteri\n")
        ('Kylän Soutajat ry:n jäsenrekisteri', 19, 53)
        >>> ranked_name("Rekisterit\n\n• Soutajien jäsenrekisteri\n• Soutajien kilpailurekisteri\n")
        >>> ranked_name("Tietoja käytetään laskutukseen.\n") is None
        True
    """
    if lang is None:
        from rekisteri.importer import _language  # the package imports this module

        lang = _language(text)
    found = [c for c in candidates(text) if in_language(c.name, lang)]
    chosen = choose(found)
    if chosen is None:
        return None
    return chosen[1].name, chosen[1].start, chosen[1].end
