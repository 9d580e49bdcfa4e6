"""Junk input for every identifier function: an answer or a typed error, never a leak.

Every public function of :mod:`rekisteri.identifiers.hetu` and
:mod:`rekisteri.identifiers.ytunnus` that takes an identifier (and the
package's ``mask``) is fed the same junk: non-strings of every kind, huge
strings, NUL bytes, lone surrogates, fullwidth digits, bidi marks, C1
controls, emoji, white space only, and whatever Hypothesis draws. Each call
must either return normally or raise a :class:`~rekisteri.errors.RekisteriError`
that is also a ``ValueError`` or ``TypeError``; and neither the error (its
message, repr, args and chained errors) nor a masked result may quote a
henkilötunnus that was in the input.

This is the one junk-input test of the identifier modules; the unit tests in
``test_hetu.py`` and ``test_ytunnus.py`` test what valid and invalid
identifiers mean.
"""

from __future__ import annotations

import enum
import inspect
from datetime import date
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisteri import identifiers
from rekisteri.errors import IdentifierTypeError, InvalidIdentifierError, RekisteriError
from rekisteri.identifiers import hetu, ytunnus
from rekisteri.testing import make_hetu, make_ytunnus, synthetic_hetus

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from types import ModuleType

#: DVV's published example, valid without options; built by rekisteri.testing.
HETU: Final = make_hetu(date(1952, 10, 13), 308)
#: A temporary henkilötunnus, valid with ``allow_temporary=True``.
TEMPORARY: Final = next(synthetic_hetus(1, seed=2026))
#: The values that must never appear in an error or a masked result.
SECRETS: Final = (HETU, TEMPORARY)
#: A valid Y-tunnus, for the other items of a bulk call.
YTUNNUS: Final = make_ytunnus(2077474)

_FULLWIDTH: Final = str.maketrans("0123456789-", "０１２３４５６７８９－")
_ARABIC_INDIC: Final = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_MEGABYTE: Final = 1_000_000


class Takes(enum.Enum):
    """What a function takes as its first argument."""

    ONE = "one"
    """One identifier, a ``str``; anything else is an IdentifierTypeError."""
    ANY = "any"
    """Any object; never raises (``is_valid``, ``mask``)."""
    TEXT = "text"
    """Free text, a ``str`` (``redact``); anything else is an IdentifierTypeError."""
    MANY_ANY = "many_any"
    """An iterable of anything (``validate_many``): one bool per item."""
    MANY_STR = "many_str"
    """An iterable of strings (``explain_many``): a non-string item is an IdentifierTypeError."""


class Function(NamedTuple):
    """A function under test, with the kind its errors name and what it takes."""

    module: ModuleType
    name: str
    kind: str
    takes: Takes

    @property
    def call(self) -> Callable[[Any], object]:
        """The function itself."""
        function: Callable[[Any], object] = getattr(self.module, self.name)
        return function

    def __str__(self) -> str:
        return f"{self.module.__name__.rpartition('.')[2]}.{self.name}"


#: Every function that takes an identifier, by hand, so that a new function is
#: not skipped silently: test_every_public_function_is_listed compares this
#: list with what the modules export.
FUNCTIONS: Final = (
    Function(hetu, "Hetu", "hetu", Takes.ONE),
    Function(hetu, "compact", "hetu", Takes.ONE),
    Function(hetu, "encoded_sex", "hetu", Takes.ONE),
    Function(hetu, "explain", "hetu", Takes.ONE),
    Function(hetu, "explain_many", "hetu", Takes.MANY_STR),
    Function(hetu, "format", "hetu", Takes.ONE),
    Function(hetu, "is_valid", "hetu", Takes.ANY),
    Function(hetu, "mask", "hetu", Takes.ANY),
    Function(hetu, "parse", "hetu", Takes.ONE),
    Function(hetu, "redact", "hetu", Takes.TEXT),
    Function(hetu, "validate", "hetu", Takes.ONE),
    Function(hetu, "validate_many", "hetu", Takes.MANY_ANY),
    Function(ytunnus, "compact", "ytunnus", Takes.ONE),
    Function(ytunnus, "explain", "ytunnus", Takes.ONE),
    Function(ytunnus, "explain_many", "ytunnus", Takes.MANY_STR),
    Function(ytunnus, "format", "ytunnus", Takes.ONE),
    Function(ytunnus, "from_vat", "ytunnus", Takes.ONE),
    Function(ytunnus, "is_valid", "ytunnus", Takes.ANY),
    Function(ytunnus, "to_vat", "ytunnus", Takes.ONE),
    Function(ytunnus, "validate", "ytunnus", Takes.ONE),
    Function(ytunnus, "validate_many", "ytunnus", Takes.MANY_ANY),
    Function(identifiers, "mask", "", Takes.ANY),
)
_IDS: Final = [str(function) for function in FUNCTIONS]


def _public_callables(module: ModuleType) -> set[str]:
    """The public functions and classes of *module*: its ``__all__`` and its own definitions."""
    names = set(getattr(module, "__all__", ()))
    names |= {
        name
        for name, obj in vars(module).items()
        if not name.startswith("_")
        and (inspect.isfunction(obj) or inspect.isclass(obj))
        and obj.__module__ == module.__name__
    }
    return {
        name
        for name in names
        if callable(getattr(module, name)) and not inspect.ismodule(getattr(module, name))
    }


class _Sneaky:
    """An object whose ``str`` and ``repr`` are a henkilötunnus."""

    def __str__(self) -> str:
        return HETU

    def __repr__(self) -> str:
        return HETU


class _Str(str):
    """A subclass of str: it is a string and must be treated as one."""

    __slots__ = ()


def _case(value: object, label: str) -> Any:
    return pytest.param(value, id=label)


#: Junk, most of it carrying a henkilötunnus that must not leak.
JUNK: Final = (
    # Not strings.
    _case(None, "None"),
    _case(0, "zero"),
    _case(-1, "minus-one"),
    _case(131052308, "hetu-digits-as-int"),
    _case(10**100, "googol"),
    _case(True, "True"),
    _case(False, "False"),
    _case(1.5, "float"),
    _case(float("nan"), "nan"),
    _case(float("inf"), "inf"),
    _case(complex(1, 2), "complex"),
    _case(date(1952, 10, 13), "date"),
    _case(HETU.encode(), "bytes"),
    _case(bytearray(HETU.encode()), "bytearray"),
    _case(memoryview(HETU.encode()), "memoryview"),
    _case([HETU], "list"),
    _case((HETU,), "tuple"),
    _case({HETU: HETU}, "dict"),
    _case({HETU}, "set"),
    _case(frozenset({TEMPORARY}), "frozenset"),
    _case([None, 5, b""], "list-of-junk"),
    _case(range(3), "range"),
    _case(object(), "object"),
    _case(_Sneaky(), "object-whose-repr-is-a-hetu"),
    _case(len, "builtin-function"),
    _case(int, "type"),
    _case(..., "Ellipsis"),
    # Strings: subclasses, empty and white space only.
    _case(_Str(HETU), "str-subclass"),
    _case(_Str(f" {TEMPORARY}x"), "str-subclass-invalid"),
    _case("", "empty"),
    _case(" ", "space"),
    _case(" " * 11, "eleven-spaces"),
    _case("\t\n\r\f\v", "ascii-whitespace"),
    _case("\u00a0\u2007\u202f\ufeff", "forgiven-unicode-spaces"),
    _case("\u3000\u2003\u200b", "other-unicode-spaces"),
    # Huge.
    _case("x" * _MEGABYTE, "1MB-of-x"),
    _case("1" * _MEGABYTE, "1MB-of-digits"),
    _case(HETU * (_MEGABYTE // len(HETU)), "1MB-of-hetus"),
    # NUL and controls.
    _case("\x00", "nul"),
    _case("\x00" * 11, "eleven-nuls"),
    _case(HETU + "\x00", "hetu-nul"),
    _case("\x00" + TEMPORARY, "nul-temporary"),
    _case("\x85" + HETU, "c1-next-line-hetu"),
    _case(HETU[:6] + "\x9b" + HETU[7:], "c1-csi-as-sign"),
    _case("".join(map(chr, range(0x80, 0xA0))), "all-c1-controls"),
    _case("\x1b[31m" + HETU, "ansi-escape-hetu"),
    # Lone surrogates.
    _case("\ud800", "lone-high-surrogate"),
    _case("\udfff" * 11, "eleven-low-surrogates"),
    _case(HETU[:7] + "\ud800" + HETU[8:], "surrogate-in-hetu"),
    _case(HETU + "\udc00", "hetu-surrogate"),
    # Look-alike digits and dashes.
    _case(HETU.translate(_FULLWIDTH), "fullwidth-hetu"),
    _case("\uff11" * 11, "fullwidth-ones"),
    _case(HETU.translate(_ARABIC_INDIC), "arabic-indic-hetu"),
    _case(HETU.replace("-", "\u2013"), "en-dash-hetu"),
    _case(HETU.replace("-", "\u2212"), "minus-sign-hetu"),
    _case(YTUNNUS.translate(_FULLWIDTH) if YTUNNUS else "", "fullwidth-ytunnus"),
    # Bidi and invisible marks.
    _case("\u202e" + HETU, "rtl-override-hetu"),
    _case("\u2067" + HETU + "\u2069", "rtl-isolate-hetu"),
    _case("\u200f" + TEMPORARY + "\u200e", "rtl-ltr-marks-temporary"),
    _case(HETU[:6] + "\u200b" + HETU[6:], "zero-width-space-in-hetu"),
    _case(HETU + "\u0301", "combining-accent"),
    # Emoji.
    _case("🙂", "emoji"),
    _case(HETU + "🙂", "hetu-emoji"),
    _case("👩\u200d👩\u200d👧\u200d👦" * 3, "emoji-zwj-sequence"),
    _case("🇫🇮", "flag"),
    # Near misses that are still strings.
    _case(HETU.lower(), "lower-case-hetu"),
    _case(f" {HETU}\n", "padded-hetu"),
    _case(HETU * 2, "two-hetus"),
    _case(f"hetu {HETU}, viite {TEMPORARY}", "sentence"),
    _case("ſ" + HETU[1:], "long-s"),
    _case("€", "euro-sign"),
    _case("3²", "superscript-two"),
    _case("ⅷ", "roman-numeral"),
    _case("⑱", "circled-number"),
    _case(YTUNNUS * 2 if YTUNNUS else "", "two-ytunnukset"),
    _case(f"\t{YTUNNUS}\u00a0", "padded-ytunnus"),
    _case("FI20774740", "vat-number"),
    _case(YTUNNUS, "ytunnus"),
)


def _chain(exc: BaseException) -> Iterable[BaseException]:
    """*exc* and every error chained to it, as cause or context."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or any(current is known for known in seen):
            continue
        seen.append(current)
        todo += [current.__cause__, current.__context__]
    return seen


def _assert_no_secret(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{where} quotes a henkilötunnus"
        assert secret.lower() not in text, f"{where} quotes a henkilötunnus"


def _assert_error_is_safe(function: Function, exc: BaseException) -> None:
    """The error is typed, also a builtin, and quotes no henkilötunnus."""
    assert isinstance(exc, RekisteriError), f"{function} let {type(exc).__name__} escape: {exc!r}"
    assert isinstance(exc, ValueError | TypeError), f"{function}: {type(exc).__name__}"
    for link in _chain(exc):
        _assert_no_secret(str(link), f"{function}: str() of {type(link).__name__}")
        _assert_no_secret(repr(link), f"{function}: repr() of {type(link).__name__}")
        for arg in link.args:
            _assert_no_secret(repr(arg), f"{function}: args of {type(link).__name__}")


def _assert_type_error(function: Function, exc: BaseException | None, value: object) -> None:
    """*exc* is the IdentifierTypeError that names the kind and the type of *value*."""
    assert isinstance(exc, IdentifierTypeError), f"{function}({type(value).__name__}): {exc!r}"
    assert exc.kind == function.kind
    assert exc.type_name == type(value).__name__


def _outcome(call: Callable[[], object]) -> tuple[object, BaseException | None]:
    try:
        result = call()
    except Exception as exc:  # noqa: BLE001 - the test is what may escape
        return None, exc
    return result, None


def _is_iterable(value: object) -> bool:
    try:
        iter(value)  # type: ignore[call-overload] # anything may come
    except TypeError:
        return False
    return True


#: Whole arguments that a bulk function may walk quickly: not iterable, or a
#: small built-in container. A 1 MB string walked character by character, an
#: IP network or a huge range test nothing new and cost seconds or forever.
_WALKABLE: Final = (str, bytes, bytearray, memoryview, list, tuple, dict, set, frozenset, range)


def _walkable(value: object) -> bool:
    if not _is_iterable(value):
        return True
    try:
        return isinstance(value, _WALKABLE) and len(value) <= 1000
    except OverflowError:  # a range too long for len()
        return False


def _check(function: Function, value: object) -> None:
    """Call *function* with *value* and assert what it may do with junk."""
    if function.takes in {Takes.MANY_ANY, Takes.MANY_STR}:
        _check_many(function, value)
        return
    result, exc = _outcome(lambda: function.call(value))
    if exc is not None:
        _assert_error_is_safe(function, exc)
    match function.takes:
        case Takes.ANY:
            assert exc is None
            expected_type = bool if function.name == "is_valid" else str
            assert type(result) is expected_type
            if function.name == "mask":
                _assert_no_secret(str(result), f"{function}() result")
        case Takes.TEXT:
            if isinstance(value, str):
                assert exc is None
                assert isinstance(result, str)
                _assert_no_secret(result, f"{function}() result")
            else:
                _assert_type_error(function, exc, value)
        case Takes.ONE:
            if isinstance(value, str):
                assert exc is None or isinstance(exc, InvalidIdentifierError), repr(exc)
            else:
                _assert_type_error(function, exc, value)


def _check_many(function: Function, value: object) -> None:
    """A bulk function, given *value* as an item and (if cheap) as the whole argument."""
    valid = HETU if function.kind == "hetu" else YTUNNUS
    result, exc = _outcome(lambda: function.call([valid, value]))
    if function.takes is Takes.MANY_STR and not isinstance(value, str):
        _assert_type_error(function, exc, value)
    else:
        assert exc is None, repr(exc)
        assert isinstance(result, list)
        assert len(result) == 2
    if not _walkable(value):
        return
    result, exc = _outcome(lambda: function.call(value))
    if exc is not None:
        _assert_error_is_safe(function, exc)
    if not _is_iterable(value):
        _assert_type_error(function, exc, value)
        assert isinstance(exc, IdentifierTypeError)
        assert exc.expected == "an iterable"
        return
    items = list(value)  # type: ignore[call-overload] # walkable, so iterable
    if function.takes is Takes.MANY_STR and not all(isinstance(item, str) for item in items):
        assert isinstance(exc, IdentifierTypeError)
        return
    assert exc is None, repr(exc)
    assert isinstance(result, list)
    assert len(result) == len(items)


def test_every_public_function_is_listed() -> None:
    """FUNCTIONS names every public callable of the identifier modules, no more, no less."""
    listed = {(function.module.__name__, function.name) for function in FUNCTIONS}
    exported = {
        (module.__name__, name)
        for module in (hetu, ytunnus, identifiers)
        for name in _public_callables(module)
    }
    assert listed == exported


@pytest.mark.parametrize("value", JUNK)
@pytest.mark.parametrize("function", FUNCTIONS, ids=_IDS)
def test_junk(function: Function, value: object) -> None:
    """Junk gets an answer or a typed error that quotes no henkilötunnus."""
    _check(function, value)


#: Anything Hypothesis draws: text (also around a henkilötunnus), bytes,
#: numbers, lists, and objects of any type it knows.
_ANYTHING: Final = st.one_of(
    st.text(),
    st.builds(lambda before, after: before + HETU + after, st.text(), st.text()),
    st.binary(),
    st.integers(),
    st.floats(),
    st.lists(st.one_of(st.none(), st.text(max_size=12), st.integers(), st.binary(max_size=12))),
    st.from_type(object),
)


@pytest.mark.parametrize("function", FUNCTIONS, ids=_IDS)
@settings(max_examples=60, deadline=None)
@given(value=_ANYTHING)
def test_generated_junk(function: Function, value: object) -> None:
    """Whatever Hypothesis draws gets an answer or a typed error that quotes no henkilötunnus."""
    _check(function, value)


def _valid_by(module: ModuleType, value: object) -> bool:
    """Whether the module's validate accepts *value* (any other error fails the test)."""
    _, exc = _outcome(lambda: module.validate(value))
    assert exc is None or isinstance(exc, RekisteriError), repr(exc)
    return exc is None


#: Written out here rather than imported, so that the oracle below is independent.
_FORGIVEN: Final = " \t\n\r\f\v\u00a0\u2007\u202f\ufeff"


def _oracle(module: ModuleType, value: object, *, allow_temporary: bool) -> bool:
    """Whether *value* is valid, knowing that the junk is made of HETU, TEMPORARY and YTUNNUS."""
    if not isinstance(value, str):
        return False
    stripped = value.strip(_FORGIVEN)
    if module is hetu:
        return stripped.upper() in ({HETU, TEMPORARY} if allow_temporary else {HETU})
    return YTUNNUS is not None and stripped in {YTUNNUS, YTUNNUS.replace("-", "")}


@pytest.mark.parametrize("value", JUNK)
@pytest.mark.parametrize("module", [hetu, ytunnus], ids=["hetu", "ytunnus"])
def test_is_valid_agrees_with_validate(module: ModuleType, value: object) -> None:
    """On junk, validate, is_valid and validate_many accept exactly the valid spellings."""
    expected = _oracle(module, value, allow_temporary=False)
    assert _valid_by(module, value) is expected
    assert module.is_valid(value) is expected
    assert module.validate_many([value]) == [expected]
    if module is hetu:
        expected = _oracle(module, value, allow_temporary=True)
        assert hetu.is_valid(value, allow_temporary=True, today=date(2025, 6, 1)) is expected


@pytest.mark.parametrize("module", [hetu, ytunnus], ids=["hetu", "ytunnus"])
@settings(max_examples=100, deadline=None)
@given(value=_ANYTHING)
def test_generated_is_valid_agrees_with_validate(module: ModuleType, value: object) -> None:
    """On anything drawn, is_valid says True exactly when validate accepts."""
    accepted = _valid_by(module, value)
    assert module.is_valid(value) is accepted
    assert module.validate_many([value]) == [accepted]
