"""The importer's fast paths give what the slow paths they replace gave (issue 15, speed).

* :func:`rekisteri.lint._rules.texts` collects into one list instead of
  nesting a generator per level; here it is compared with the nested walk it
  replaced, written out below as the reference.
* The importer lints its draft with :func:`rekisteri.lint._rules.lint_draft`,
  which skips the two rules whose findings (R3xx) the importer dropped; it
  must give exactly the non-R3xx findings of :func:`rekisteri.lint.lint`.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import rekisteri.importer as importer_package
from rekisteri import _spellings
from rekisteri.importer import (
    _PARAGRAPH_BREAK,
    Passage,
    _account,
    _agree,
    _blank,
    _builder,
    _contact,
    _controller,
    _cues,
    _finnish,
    _html,
    _structure,
    _unmatched,
    import_bytes,
    import_notice,
)
from rekisteri.importer._headings import MAX_HEADING, SectionKind, may_start_with_heading, recognise
from rekisteri.importer._register_name import LEGAL_FORMS
from rekisteri.lint import _outdated, lint
from rekisteri.lint._rules import lint_draft, texts
from rekisteri.model import LocalizedText
from rekisteri.testing import a_register, make_hetu
from rekisteri.testing.strategies import registers

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from rekisteri.model import Register

LEGACY = Path(__file__).parent / "fixtures" / "legacy"
#: Development notices only: the held-out eval/ set is not read by tests of this kind.
NOTICES = sorted(
    [*LEGACY.glob("fixture-*.*"), *(LEGACY / "dev").glob("*.txt"), *(LEGACY / "dev").glob("*.html")]
)


def _slow_texts(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """The walk as it was before the fast path: one nested generator per level."""
    if type(value) is str:
        yield path, value
    elif isinstance(value, LocalizedText):
        for lang in value.languages:
            text = value.get(lang)
            if text is not None:
                yield f"{path}.{lang.value}", text
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _slow_texts(item, f"{path}[{index}]")
    elif attrs.has(cls := type(value)):
        for field in attrs.fields(cls):
            yield from _slow_texts(
                getattr(value, field.name), f"{path}.{field.name}" if path else field.name
            )


def _without_r3(register: Register, locale: str) -> list[str]:
    return [repr(f) for f in lint(register, locale=locale) if not f.code.startswith("R3")]


def test_the_notices_exist() -> None:
    assert len(NOTICES) >= 20


@pytest.mark.parametrize("notice", NOTICES, ids=lambda p: p.name)
def test_fast_paths_on_development_notices(notice: Path) -> None:
    draft = import_bytes(notice.read_bytes()).draft
    walked = list(texts(draft))
    assert walked == list(_slow_texts(draft))
    assert walked  # a draft always has texts to walk
    for locale in ("fi", "sv", "en"):
        assert [repr(f) for f in lint_draft(draft, locale=locale)] == _without_r3(draft, locale)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers(), st.sampled_from(["fi", "sv", "en"]))
def test_fast_paths_on_any_register(register: Register, locale: str) -> None:
    assert list(texts(register)) == list(_slow_texts(register))
    assert list(texts(register.controller, "controller")) == list(
        _slow_texts(register.controller, "controller")
    )
    assert [repr(f) for f in lint_draft(register, locale=locale)] == _without_r3(register, locale)


def test_lint_draft_leaves_out_only_r3xx() -> None:
    # a register whose texts give R3xx findings: an outdated authority and an identity code
    code = make_hetu(date(1952, 10, 13), 308)
    register = attrs.evolve(
        a_register(),
        description=LocalizedText(fi=f"Viestintäviraston ohjeet; asiakas {code}."),
    )
    full = lint(register)
    assert {"R311", "R320"} <= {f.code for f in full}
    assert [repr(f) for f in lint_draft(register)] == [
        repr(f) for f in full if not f.code.startswith("R3")
    ]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Rekisterinpitäjä",
                "Rekisterin tietosisältö",
                "- tieto 17",
                "Katu 17, 00100 Helsinki",
                "sana-",
                "1111111111",
                "Esimerkki Oy",
                "Viestintäviraston ohjeet",
                "",
            ]
        ),
        max_size=30,
    )
)
def test_fast_paths_on_drafts_of_the_costly_shapes(lines: list[str]) -> None:
    draft = import_notice("\n".join(lines)).draft
    assert list(texts(draft)) == list(_slow_texts(draft))
    assert [repr(f) for f in lint_draft(draft)] == _without_r3(draft, "fi")


def _slow_flat(text: str) -> str:
    """:func:`rekisteri.importer._cues.flat` without its fast path for printable text."""
    text = _cues.clean(text)
    if "-" in text and "\n" in text:
        text = _cues.BROKEN_NAME.sub("-", _cues.BROKEN_WORD.sub(_cues._join_broken, text))
    return " ".join(text.split())


_LINE_CHARS = st.sampled_from(list("aäZ9 -_\t\n\r\x0b\x1f\x7f\x85\xa0\u00ad\u2028\u202a\u2066.,:"))


@given(st.one_of(st.text(), st.text(_LINE_CHARS)))
def test_flat_fast_path(text: str) -> None:
    assert _cues.flat(text) == _slow_flat(text)
    assert _cues.meaningful(text) == any(char.isalnum() for char in text)


class _EveryRun(_structure._Splitter):
    """The splitter without its quick tests: every run of lines is joined and looked at."""

    def _may_run_on(self, block: list[tuple[int, int]], i: int) -> bool:  # noqa: ARG002
        return True

    def _may_be_taken(self, block: list[tuple[int, int]], i: int, k: int, last: str) -> bool:  # noqa: ARG002
        return True

    def _unwrapped(self, block: list[tuple[int, int]]) -> bool:
        # looked for in every call, as before the splitter kept it for its block
        return any(end - start > _structure._UNWRAPPED for start, end in block)


_SHAPE_LINES = st.sampled_from(
    [
        "Rekisterinpitäjä",
        "Rekisterin tietosisältö",
        "3.",
        "Rekisterin nimi",
        "- tieto 17",
        "• nimi",
        "* osoite",
        "Katu 17, 00100 Helsinki",
        "sana-",
        "jatkuu pienellä",
        "Tietoja säilytetään:",
        "1. Nimi",
        "Tietoja säilytetään kaksi vuotta " * 5,  # a line over 120 characters
        "",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_SHAPE_LINES, max_size=25), st.lists(st.integers(0, 24), max_size=5))
def test_heading_quick_tests_change_no_split(lines: list[str], item_lines: list[int]) -> None:
    text = "\n".join(lines)
    starts = [sum(len(line) + 1 for line in lines[:k]) for k in range(len(lines))]
    items = {starts[k] for k in item_lines if k < len(starts)}
    fast = _structure._Splitter(text, heading_spans=(), item_starts=items, html=False).split()
    slow = _EveryRun(text, heading_spans=(), item_starts=items, html=False).split()
    assert fast == slow


def _slow_capitalise(text: str) -> str:
    """:func:`rekisteri.importer._finnish.capitalise` without its fast path for printable text."""
    text = " ".join(_finnish._CONTROL.sub(" ", text).split()).strip(" ,;:-–")
    text = text.rstrip(". ") if not text.endswith(("mm.", "esim.", "jne.")) else text
    return text[:1].upper() + text[1:]


@given(st.one_of(st.text(), st.text(_LINE_CHARS)))
def test_capitalise_fast_path(text: str) -> None:
    assert _finnish.capitalise(text) == _slow_capitalise(text)


def _slow_kept(text: str, keep: Callable[[re.Match[str]], bool]) -> list[tuple[int, int]]:
    """:func:`rekisteri._spellings._kept_usual` without skipping inside long runs of digits."""
    out = []
    position = 0
    while (match := _spellings._PATTERN.search(text, position)) is not None:
        if keep(match):
            out.append(match.span())
        position = match.start() + 1
    return out


#: Pieces of text around long runs of digits: spellings, near misses, separators.
_AROUND_RUNS = st.sampled_from(
    [
        "131052-308T",
        "13.10.52-308t",
        "131052308T",
        "131052-308",
        "13101952-308T",
        "131052 308T",
        "131052-\u200b308T",
        "-308T ",
        "-",
        "+",
        "A",
        ".",
        " ",
        "\n",
        "\u200b",
        "x",
        "１３",
    ]
)
_RUNS = st.builds(lambda digit, n: digit * n, st.sampled_from("0123459１"), st.integers(90, 260))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.one_of(_AROUND_RUNS, _RUNS), max_size=12))
def test_spelling_search_skips_only_what_cannot_match(pieces: list[str]) -> None:
    text = "".join(pieces)
    for keep in (_spellings._is_spelling, lambda _match: True):
        assert [m.span() for m in _spellings._kept_usual(text, keep)] == _slow_kept(text, keep)


def _slow_by_form(text: str, start: int, end: int) -> list[_contact.Part]:
    """:func:`rekisteri.importer._contact._by_form` before its pre-checks.

    One finder after another on every value, the e-mail searched twice, the
    pieces cut twice.
    """
    bracketed = _contact._BRACKETED.match(text, start, end)
    if bracketed is not None:
        note = _contact.Part("other", bracketed.group(1), bracketed.start(1), bracketed.end(1))
        return [note, *_contact._by_form(text, bracketed.end(), end)]
    start, end = _contact._trimmed(text, start, end)
    if end <= start:
        return []
    value = text[start:end]
    for finder in (
        _slow_find_email,
        _slow_find_pattern,
        _contact._find_url,
        _contact._find_business_id,
        _contact._find_postal,
        _contact._find_box,
    ):
        found = finder(text, start, end, value)
        if found is not None:
            return found
    phone = _contact._PHONE.search(value)
    glued = _contact._GLUED_PHONE.search(value)  # "Asiakaspalvelu040 …": the whole number
    if (
        glued is not None
        and (phone is None or glued.start(1) < phone.start(1))
        and sum(c.isdigit() for c in glued.group(1)) >= _contact._PHONE_DIGITS
    ):
        phone = glued
    if phone is not None and sum(c.isdigit() for c in phone.group(1)) >= 6:
        s, e = start + phone.start(1), start + phone.end(1)
        return [
            *_contact._by_form(text, start, s),
            _contact.Part("phone", _cues.flat(phone.group(1)), s, e),
            *_contact._by_form(text, e, end),
        ]
    if len(_contact._pieces(text, start, end)) > 1:
        return [
            part
            for s, e in _contact._pieces(text, start, end)
            for part in _contact._by_form(text, s, e)
        ]
    return _contact._by_shape(text, start, end, value)


def _slow_find_email(text: str, start: int, end: int, value: str) -> list[_contact.Part] | None:
    found = _contact.email_in(value)
    if found is None:
        return None
    address, s, e, obfuscated = found
    part = _contact.Part("email", address, start + s, start + e, obfuscated=obfuscated)
    return _contact._split_at(text, start, end, [part])


def _slow_find_pattern(text: str, start: int, end: int, value: str) -> list[_contact.Part] | None:
    found = _contact.email_pattern_in(value)
    if found is None:
        return None
    pattern, s, e = found
    part = _contact.Part("other", f"e-mail addresses of the form {pattern}", start + s, start + e)
    return _contact._split_at(text, start, end, [part])


def _slow_parse(text: str, spans: list[tuple[int, int]]) -> list[list[_contact.Part]]:
    """What :func:`rekisteri.importer._contact.parse_line` gave for each span, as it was.

    No memory of lines seen, no pre-checks before the finders.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_contact, "_by_form", _slow_by_form)
        patch.setattr(_contact, "_labels", _contact.LABEL.finditer)
        return [
            [_contact.Part("text", text[start:end], start, end)]
            if end - start > _contact.MAX_LINE
            else _contact.parse_line_uncached(text, start, end)
            for start, end in spans
        ]


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, start + len(line.rstrip("\r\n"))
        start += len(line)


def test_contact_parser_fast_paths_on_development_notices() -> None:
    for notice in NOTICES:
        text = notice.read_bytes().decode("utf-8", errors="replace")  # some are Latin-1
        spans = list(_lines(text))
        fast = [_contact.parse_line(text, start, end) for start, end in spans]
        assert fast == _slow_parse(text, spans)


_CONTACT_PIECES = st.sampled_from(
    [
        "Esimerkki Oy",
        "Katu 17",
        "00100 Helsinki",
        "info@example.fi",
        "info (at) example . fi",
        "info at example dot fi",
        "etunimi.sukunimi@example.fi",
        "www.example.fi",
        "https://example.fi/x",
        "1234567-8",
        "Y-tunnus:",
        "Osoite:",
        "Puh.",
        "PL 12",
        "09 123 4567",
        "(vaihde)",
        "(Opus 3)",
        "Finland",
        "Aino Esimerkki (yrittäjä)",
        "sana-",
        "c/o",
        ", ",
        "; ",
        " | ",
        " - ",
        " ",
        "\t",
        ":",
        ".",
        "-",
        "¤¤¤",
    ]
)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(_CONTACT_PIECES, min_size=1, max_size=8),
    st.sampled_from(
        ["", "\n", "x\n", "Rekisterinpitäjä\n", "- ", "\n\n• ", "sana-\n" * 3, "x", "12345", "Y-"]
    ),
    st.integers(1, 3),
)
def test_contact_parser_fast_paths(pieces: list[str], before: str, copies: int) -> None:
    line = "".join(pieces)
    text = before + f"{line}\n" * copies  # the same line again: its parse is remembered
    spans = [*_lines(text), (len(before), len(before) + len(line))]  # also after a bullet
    assert [_contact.parse_line(text, start, end) for start, end in spans] == _slow_parse(
        text, spans
    )


def _slow_unshouted(value: str) -> str:
    """:func:`rekisteri.importer._controller.unshouted` without its ASCII fast path."""
    letters = [c for c in value if c.isalpha()]
    if len(letters) < _controller._SHOUTED_MIN or not all(c.isupper() for c in letters):
        return value
    return re.sub(
        r"(?<![:\w])\w+",
        lambda m: LEGAL_FORMS.get(m.group(0), m.group(0).capitalize()),
        value.lower(),
    )


def _slow_value(reader: _controller.ContactReader, target: object, field: str, value: str) -> str:
    """``ContactReader._value`` as it was: clean() on every value, the pattern by its text."""
    value = " ".join(_cues.clean(value).split()).strip(_controller._QUOTES)
    if field == "postal_code" and not re.fullmatch(r"[0-9]{5}|[0-9]{3} [0-9]{2}", value):
        return ""
    # a town in capitals is unshouted for the contact too (62fe651), names and streets not
    if field == "town" or (field in {"name", "street"} and target is not reader.out.contact):
        value = _slow_unshouted(value)
    if field == "email" and value.isupper():
        value = value.lower()
    return value


_VALUE_CHARS = st.sampled_from(
    [*"aZÄö9 1-:.'”\t\n\x0b\x85\u202a\u2066ªⓐǅ", "OY", "RY:N", "Ab"]  # ASCII, not, unprintable
)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(_VALUE_CHARS, max_size=12).map("".join) | st.text(max_size=12),
    st.sampled_from(["name", "town", "street", "postal_code", "email", "phone"]),
    st.sampled_from(["contact", "controller"]),
)
@example("ⓐ SIENI OY", "name", "controller")  # a cased symbol in lower case, no letter of it
@example("ǅ KATU", "street", "controller")  # a letter in title case
@example("OYOY", "town", "contact")  # a contact's town in capitals (62fe651)
def test_contact_value_fast_paths(value: str, field: str, party: str) -> None:
    reader = _controller.ContactReader(value, _builder.Builder(value), lambda *_: None)
    target = reader.out.contact if party == "contact" else reader.out.controller
    assert _controller.unshouted(value) == _slow_unshouted(value)
    assert reader._value(target, field, value) == _slow_value(reader, target, field, value)


def _slow_glued_heading(line: str) -> tuple[object, int] | None:
    """:func:`rekisteri.importer._structure._glued_heading` with its quick test always first."""
    if not may_start_with_heading(line):
        return None
    words = list(_structure._WORD_RUN.finditer(line[:MAX_HEADING]))
    for count in range(min(len(words) - 1, _structure._GLUED_MAX_WORDS), 0, -1):
        head_end = words[count - 1].end()
        rest = line[words[count].start() :]
        if not (rest[:1].isupper() or rest[:1].isdigit()) or ":" in line[:head_end]:
            continue
        kind = recognise(line[:head_end])
        if kind is None or kind in {SectionKind.TITLE, SectionKind.DPO}:
            continue
        if kind in _structure._GLUED_KINDS and len(line) > MAX_HEADING:
            return None
        return kind, head_end
    return None


_GLUED_WORDS = st.sampled_from(
    [
        "Rekisterinpitäjä",
        "Rekisterinpitäjä.",  # a heading by recognise(), the quick test says no
        "Rekisterin nimi",
        "Yhteyshenkilö",
        "Tietosuojavastaava",
        "Tietosuojaseloste",
        "Registeransvarig",
        "Contact person",
        "- tieto",
        "tieto",
        "Esimerkki Oy",
        "17",
        "Katu 17,",
        "00100 Helsinki",
        "on",
        ":",
        "x" * 170,
    ]
)


@settings(max_examples=50, deadline=None)
@given(st.lists(_GLUED_WORDS, min_size=1, max_size=6).map(" ".join))
@example("Rekisterinpitäjä Esimerkki Oy")
@example("- tieto 17")
@example("Rekisterinpitäjä. Esimerkki")
@example("Rekisterinpitäjä Esimerkki Oy " + "x" * 170)
def test_glued_heading_quick_test_order(line: str) -> None:
    assert _structure._glued_heading(line) == _slow_glued_heading(line)


def _calls(run: Callable[[], object]) -> int:
    """How many Python calls (and generator resumptions) *run* makes: a count, not a time."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:  # noqa: ARG001
        nonlocal count
        count += event == "call"

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "Rekisterinpitäjä\n\n" + "".join(f"Katu {i}, 00100 Helsinki\n" for i in range(n)),
        lambda n: "Rekisterin tietosisältö\n\n" + "".join(f"- tieto {i}\n" for i in range(n)),
        lambda n: "Rekisterinpitäjä\n\n" + "sana-\n" * n,
    ],
    ids=["address-lines", "bullets", "hyphen-wrap"],
)
def test_structure_split_work_is_linear_in_a_blocks_lines(make: Callable[[int], str]) -> None:
    # one block of n lines: each line looked at a bounded number of times (a look over
    # the whole block for every line made the address lines quadratic at e4a081b)
    _structure.split(make(300))  # compiled patterns and caches made before counting
    small, large = (_calls(partial(_structure.split, make(n))) for n in (300, 600))
    assert large <= 2.3 * small, (small, large)


_LABEL_PIECES = st.sampled_from(
    [
        "Puh",
        "puh.",
        "Y-tunnus",
        "y",
        "p",
        "FO",
        "Sähköposti",
        "ort",
        "Rekisterinpitäjä",
        "Asiakasrekisterin pitäjä",
        "REKISTERIN NIMI",
        "Katu 17",
        "00100 Helsinki",
        "info@example.fi",
        "Ｐuh",  # a letter over Latin-1: the whole search
        "\u212aotisivu",  # the Kelvin sign, a "k" to the pattern in either case
        "ſähköposti",  # a long s
        ": ",
        ", ",
        " ",
        "/",
        "(",
        "\t",
        "-",
        "1",
    ]
)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(_LABEL_PIECES, min_size=1, max_size=8).map("".join), st.sampled_from(["", "x", " "])
)
@example("\u212aotisivu: www.example.fi", "")
@example("Katu 17, 00100 Helsinki, puh. 09 123 4567", " ")
def test_label_search_tries_only_where_a_label_can_start(line: str, before: str) -> None:
    text = f"{before}{line}\n"
    start, end = len(before), len(before) + len(line)
    fast = [(m.span(), m.lastgroup) for m in _contact._labels(text, start, end)]
    slow = [(m.span(), m.lastgroup) for m in _contact.LABEL.finditer(text, start, end)]
    assert fast == slow


# -- round 8 (H29): the controller's name reader, the unmatched passages


_NAME_CHARS = st.sampled_from(
    [*"aZÄö9-.:;()[],/&'\n\u00a0\u2003", "on ", "toimii ", "Oy", "ry", "c/o", "rekisteriä", "pj."]
)


@settings(max_examples=50, deadline=None)
@given(st.lists(_NAME_CHARS, max_size=10).map("".join) | st.text(max_size=16))
@example("Rekisterinpitäjänä\u00a0toimii\u00a0Esimerkki Oy")
@example("pj.\u2003Tapio Esimerkki")
def test_name_reader_skips_only_patterns_that_cannot_match(value: str) -> None:
    # ContactReader._without_role returns a value without a space or a tab as it is:
    # each of its patterns needs one after a word (other white space is no match)
    if " " not in value and "\t" not in value:
        for pattern in (
            _controller._NAME_STATED,
            _controller._KEEPER_STATED,
            _controller._NAME_FIRST,
            _controller._ROLE_FIRST,
        ):
            assert pattern.match(value) is None, pattern.pattern
    # ContactReader._name (through _without_parenthetical) leaves out the aliases' pattern
    # on a value without "(", "[", ","
    if not any(char in value for char in "([,"):
        assert _controller._PARENTHETICAL.sub("", value) == value
    assert _controller._without_parenthetical(value.strip()) == (
        _controller._PARENTHETICAL.sub("", value.strip()).strip()
    )


def test_contact_reader_target_by_path() -> None:
    reader = _controller.ContactReader("x", _builder.Builder("x"), lambda *_: None)
    for path, target in [
        ("controller", reader.out.controller),
        ("contact_person", reader.out.contact),
        ("controller.dpo", reader.out.dpo),
    ]:
        reader.path = path
        assert reader.target() is target
    reader.path = "recipients"
    with pytest.raises(KeyError):
        reader.target()


def _slow_joined_name_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``_controller._joined_name_lines`` as it was: the patterns before the capital."""
    out: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        if index + 1 < len(lines):
            first = text[start:end].strip()
            second = text[lines[index + 1][0] : lines[index + 1][1]].strip()
            if (
                (
                    _controller._BROKEN_NAME.search(first)
                    or (
                        _controller._GENITIVE_LEAD.fullmatch(first)
                        and not _contact.looks_like_person(first)
                    )
                )
                and first[:1].isupper()
                and not any(c.isdigit() or c in ":@" for c in first + second)
                and len((first + " " + second).split()) <= _controller._ORPHAN_WORDS
                and _cues.ORGANISATION.search(second) is not None
            ):
                out.append((start, lines[index + 1][1]))
                index += 2
                continue
        out.append((start, end))
        index += 1
    return out


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Kylän Kotiseutu- ja",
                "Museoyhdistys ry",
                "Kylän",
                "Kauppa Oy",
                "sana-",
                "Aino",
                "Esimerkki",
                "Katu 17",
                "ja",
                "Handel Ab",
                "Byns",
                "",
            ]
        ),
        max_size=8,
    )
)
def test_joined_name_lines_fast_path(lines: list[str]) -> None:
    text = "\n".join(lines)
    spans = list(_lines(text))
    assert _controller._joined_name_lines(text, spans) == _slow_joined_name_lines(text, spans)


def _slow_unmatched(text: str, mapped: list[_builder.Mapping]) -> list[object]:
    """``rekisteri.importer._unmatched`` as it was: every gap cut at blank lines and trimmed."""
    passages: list[object] = []
    position = 0
    for start, end in [*_builder.merged((m.start, m.end) for m in mapped), (len(text), len(text))]:
        if start > position:
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


@settings(max_examples=50, deadline=None)
@given(
    st.text(st.sampled_from([*"ab \t\n\r\u00a0\u2028\u00ad\u200b"]), max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=6),
)
def test_unmatched_skips_only_blank_gaps(text: str, spans: list[tuple[int, int]]) -> None:
    mapped = [_builder.Mapping(s, min(s + n, len(text)), "x") for s, n in spans if s < len(text)]
    assert _unmatched(text, mapped) == _slow_unmatched(text, mapped)


_SPACE_CHARS = st.sampled_from(
    [*"a-Ä9 \t\n\x0b\x0c\r\x1c\x1f\x85\xa0\u1680\u2000\u200b\u2028\u3000\ufeff"]
)


@settings(max_examples=50, deadline=None)
@given(st.text(_SPACE_CHARS, max_size=12) | st.text(max_size=12))
@example("sana-")
@example("sana-\u2003Oy")
def test_glued_heading_one_word_check_agrees_with_its_words(line: str) -> None:
    # _structure._glued_heading returns None at once for a line str.split() finds one
    # word in: the word pattern (\S+) must find fewer than two there too
    words = list(_structure._WORD_RUN.finditer(line))
    assert (len(line.split(maxsplit=1)) < 2) == (len(words) < 2)
    if len(words) < 2:
        assert _structure._glued_heading(line) is None


#: Pieces of text around the outdated references: each start word, each pattern's
#: whole wording, prefixes that stop short, the lookbehinds' words, case-sensitive
#: forms, and characters that fold to two ("ß", "İ") or that re.IGNORECASE and
#: casefold() treat specially ("ı", "ſ", the Kelvin sign).
_OUTDATED_PIECES = [
    "henkilötietolain",
    "Henkilötietolaki (523/1999)",
    "HetiL 10 §:n mukainen rekisteriseloste",
    "henkilötietolain 24 §",
    "henkilötietolain 26-28 pykälän",
    "HENKILÖTIETOLAIN 29 §",
    "henkilötietolain (523/1999) 30 §: n",
    "10 §:n mukaisesti",
    "10 §:n",
    "523/99",
    "personuppgiftslagen",
    "henkilörekisterilain",
    "471/1987",
    "personregisterlag",
    "rekisteri- ja tietosuojaseloste",
    "Rekisteriseloste",
    "registerbeskrivning",
    "ent. rekisteriseloste",
    "sähköisen viestinnän tietosuojalaki (516/2004)",
    "SVTSL",
    "lagen om dataskydd vid elektronisk kommunikation",
    "tietoyhteiskuntakaari",
    "Viestintävirasto",
    "ja Viestintävirasto",
    "och Kommunikationsverket",
    "FICORA",
    "VRK",
    "maistraatti",
    "magistraten",
    "kerran vuodessa maksutta",
    "maksutta kerran vuodessa",
    "allekirjoitettava",
    "kirjallisella todistuksella",
    "tietosuojavaltuutetun ratkaistavaksi",
    "kielto-oikeus",
    "oikeus kieltää",
    "ellei se ole tarpeellista",
    "siirretään, ellei tarpeellista",
    "EU:n ulkopuolelle",
    "Euroopan unionin ulkopuolelle",
    "ilmoitetaan tietosuojavaltuutetulle",
    "Privacy Shield",
    "10",
    "eu",
    "lag",
    "§",
    "ß",
    "İ",
    "ı",
    "ſ",
    "\u212a",
    ".",
    " ",
    "\n",
]


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.sampled_from(_OUTDATED_PIECES) | st.text(max_size=6), max_size=12).map("".join),
    st.sampled_from([str, str.upper, str.lower, str.title]),
)
def test_outdated_search_by_start_words(text: str, case: Callable[[str], str]) -> None:
    # lint._outdated tries each pattern only where one of its start words occurs (the
    # same length folded); the whole-text scan of every pattern must find the same
    text = case(text)
    assert _outdated._find(text, prefilter=True) == _outdated._find(
        text, prefilter=True, by_start=False
    )


def test_outdated_search_by_start_words_on_development_notices() -> None:
    # each notice whole and all of them joined: one long text, as the importer sees it
    plain = [notice.read_text(encoding="utf-8", errors="replace") for notice in NOTICES]
    for text in [*plain, "\n\n".join(plain)]:
        assert _outdated._find(text, prefilter=True) == _outdated._find(
            text, prefilter=True, by_start=False
        )


def test_every_outdated_reference_has_start_words() -> None:
    assert set(_outdated._STARTS) == {r.code for r in _outdated.OUTDATED_REFERENCES}
    for words in _outdated._STARTS.values():
        assert words
        assert all(word == word.casefold() for word in words)


def _slow_key(builder: _builder.Builder, kind: str, name: str, fallback: str) -> str:
    """:meth:`rekisteri.importer._builder.Builder.key` as it was: every number tried from 2."""
    used = builder._keys.setdefault(kind, set())
    base = _finnish.slugify(name) or fallback
    key, number = base, 2
    while key in used:
        key = f"{base}-{number}"
        number += 1
    used.add(key)
    return key


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["source", "purpose", "category"]),
            # names whose slugs collide with another's numbered key ("Asiakas 2" -> "asiakas-2")
            st.sampled_from(["Asiakas", "Asiakas 2", "asiakas-3", "Asiakas 4", "", "!", "Jäsen"]),
        ),
        max_size=40,
    )
)
def test_builder_key_numbers_as_before(calls: list[tuple[str, str]]) -> None:
    # Builder.key starts the search for a taken slug's number after the last one it gave
    fast, slow = _builder.Builder(""), _builder.Builder("")
    for kind, name in calls:
        assert fast.key(kind, name, kind) == _slow_key(slow, kind, name, kind)


def test_one_heading_repeated_imports_as_with_the_slow_key() -> None:
    # A6's G3: the same source named once per section (its key "-N" was searched from 2 each
    # time); every seventh section names another source of the same slug, numbered after them
    text = "\n".join(
        f"{i}. Tietolähteet\n" + ("Asiakas." if i % 7 else "Asiakas " + "!" * (i // 7))
        for i in range(1, 60)
    )
    fast = import_notice(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_builder.Builder, "key", _slow_key)
        slow = import_notice(text)
    assert repr(fast) == repr(slow)
    assert [source.key for source in fast.draft.sources][:3] == [
        "asiakas",
        "asiakas-7",
        "asiakas-14",
    ]


def _slow_note_guesses(
    guesses: list[tuple[int, int, int, str, SectionKind, str | None]],
    mapped: list[tuple[int, int, str]],
    note: Callable[[str, str], None],
) -> None:
    """:func:`rekisteri.importer._agree.note_guesses` as it was: every span for every guess."""
    for _start, end, until, heading, kind, said in guesses:
        paths: list[str] = []
        for at, _stop, field in mapped:
            if end <= at < until and not field.startswith(_agree._NO_REMARK):
                path = _agree._TOP.split(field, maxsplit=1)[0]
                for each in (path, "rights") if path == "rights_exercise" else (path,):
                    if each not in paths:
                        paths.append(each)
        for path in paths:
            note(path, _agree.remark(heading, kind, said))


_GUESS_FIELDS = st.sampled_from(
    ["purposes", "data_categories[2]", "rights_exercise", "rights", "heading:purposes", "sources"]
)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 40), _GUESS_FIELDS).map(
            lambda t: (t[0], t[0] + t[1], t[2])
        ),
        max_size=20,
    ),
    st.lists(st.tuples(st.integers(0, 40), st.integers(-5, 30)), max_size=5),
)
def test_guess_remarks_found_by_bisecting(
    mapped: list[tuple[int, int, str]], ranges: list[tuple[int, int]]
) -> None:
    # _agree.note_guesses finds the spans in a guessed section by bisecting their starts
    guesses: list[tuple[int, int, int, str, SectionKind, str | None]] = [
        (end - 1, end, end + length, "Säilytys", SectionKind.RETENTION, None)
        for end, length in ranges
    ]
    fast: list[tuple[str, str]] = []
    slow: list[tuple[str, str]] = []
    _agree.note_guesses(guesses, mapped, lambda path, message: fast.append((path, message)))
    _slow_note_guesses(guesses, mapped, lambda path, message: slow.append((path, message)))
    assert fast == slow


def _slow_definitions(self: _html._Extractor, tag: str) -> None:
    """:meth:`rekisteri.importer._html._Extractor._definitions` as it was: the whole run again."""
    if tag == "dt":
        self._dd_run = []
    elif tag == "dd":
        self._dd_run.append(self.length)
        if len(self._dd_run) > 1:
            for start in self._dd_run:
                if start not in self._item_starts:
                    self.items.append(start)
                    self._item_starts.add(start)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<dl>",
                "</dl>",
                "<dt>Rekisterin tietosisältö</dt>",
                "<dt>Nimi</dt>",
                "<dd>Nimi</dd>",
                "<dd>Osoite</dd>",
                "<dd></dd>",
                "<dd>",
                "<ul><li>Puhelin</li></ul>",
                "<li>x</li>",
                "<p>Teksti.</p>",
                "tekstiä ",
            ]
        ),
        max_size=25,
    ).map("".join)
)
def test_definition_entries_as_before(markup: str) -> None:
    # each <dd> after the second of a run adds only itself to the entries (R2-8)
    fast = _html.html_to_text(markup)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_html._Extractor, "_definitions", _slow_definitions)
        slow = _html.html_to_text(markup)
    assert fast == slow


def _slow_account(
    text: str,
    spans: Sequence[_builder.Mapping],
    reached: Iterable[str],
    *,
    dated: bool = False,
    stated: Iterable[str] = (),
) -> tuple[list[_builder.Mapping], list[_builder.Mapping]]:
    """:func:`rekisteri.importer._account.account` as it was: every span checked, repeats too."""
    book = _account._Book(
        text, _account._Words(reached), {f"none_stated.{field}" for field in stated}, dated=dated
    )
    kept: list[_builder.Mapping] = []
    lost: list[_builder.Mapping] = []
    for span in spans:
        parts, runs = book.check(span)
        kept.extend([span] if parts is None else parts)
        lost.extend(_builder.Mapping(start, end, span.field) for start, end in runs)
    lost.sort(key=lambda m: (m.start, m.end))
    return kept, lost


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Rekisterin tietosisältö\n\n",
                "Rekisteröidyt\n",
                "Käsiteltävät tiedot\n",
                "aa, bb, Zorblax ja cc\n",
                "Aa; Aa; Aa; Qwerty;\n",
                "- nimi\n",
                "Tietoja käytetään laskutukseen.\n",
                "\n",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_accounting_reaches_each_span_once(text: str) -> None:
    # _account.account checks a span mapped several times (once per entry of its line) once
    fast = import_notice(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importer_package, "account", _slow_account)
        slow = import_notice(text)
    assert repr(fast) == repr(slow)


def test_accounting_a_long_list_line_once() -> None:
    # R2-2: 'aa, ' x 2,500 on one line maps the line 2,501 times; each was read again (quadratic)
    text = "Rekisterin tietosisältö\n\n" + "aa, Zorblax, " * 400 + "\n"
    fast = import_notice(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importer_package, "account", _slow_account)
        slow = import_notice(text)
    assert repr(fast) == repr(slow)
