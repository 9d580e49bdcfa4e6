"""The Arrow column functions give the answer of their scalar twin for every value."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from rekisteri.errors import IdentifierTypeError, RekisteriError
from rekisteri.identifiers import hetu, mask, ytunnus
from rekisteri.testing import make_ytunnus
from rekisteri.testing.strategies import corrupted_hetus, corrupted_ytunnukset, hetus, ytunnukset

pa = pytest.importorskip("pyarrow")
arrow = pytest.importorskip("rekisteri.arrow")

if TYPE_CHECKING:
    from collections.abc import Callable

# Characters that make the checks branch: digits, every century sign in both
# cases, check characters, whitespace that strip() removes (ASCII and not),
# dashes, non-ASCII digits, a NUL and a few others.
_TRICKY = (
    "0123456789+-ABCDEFUVWXYabcdefuvwxyHJKLMNPRSTfiFI \t\n\u00a0\ufeff\u2013\u0663\uff11\x00éZ."
)


def _spellings(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Values of *strategy* as given, in lower case, or with whitespace around."""
    return st.one_of(
        strategy,
        strategy.map(str.lower),
        st.tuples(
            st.sampled_from(["", " ", "\t", "\u00a0", "\ufeff"]),
            strategy,
            st.sampled_from(["", " ", "\n", "\u202f"]),
        ).map("".join),
    )


hetu_like = st.one_of(
    _spellings(hetus()),
    _spellings(hetus(temporary_only=False)),
    _spellings(corrupted_hetus()),
    st.text(alphabet=_TRICKY, min_size=9, max_size=13),
    st.text(max_size=30),
    st.none(),
)
ytunnus_like = st.one_of(
    _spellings(ytunnukset()),
    _spellings(corrupted_ytunnukset()),
    _spellings(ytunnukset().map(lambda v: v.replace("-", ""))),
    _spellings(ytunnukset().filter(lambda v: v.startswith("0")).map(lambda v: v[1:])),
    st.text(alphabet=_TRICKY, min_size=6, max_size=11),
    # other lengths, short and over 16 bytes: digits and "-" with the odd foreign byte
    st.text(alphabet="0123456789-0123456789-fIx\u00e4", min_size=10, max_size=40),
    st.text(max_size=30),
    st.none(),
)


def _twin(func: Callable[[str], Any]) -> Callable[[str | None], Any]:
    """The scalar function lifted to nulls: null in, null out."""
    return lambda value: None if value is None else func(value)


def _parsed(value: str, attribute: str, **kwargs: Any) -> Any:
    return (
        getattr(hetu.parse(value, **kwargs), attribute) if hetu.is_valid(value, **kwargs) else None
    )


def _hetu_twins(*, allow_temporary: bool, today: date | None) -> dict[str, Callable[[str], Any]]:
    temporary, on = allow_temporary, today
    return {
        "hetu_is_valid": lambda v: hetu.is_valid(v, allow_temporary=temporary, today=on),
        "hetu_reason": lambda v: (
            (reason := hetu.explain(v, allow_temporary=temporary, today=on)) and reason.value
        ),
        "hetu_canonical": lambda v: (
            hetu.validate(v, allow_temporary=temporary, today=on)
            if hetu.is_valid(v, allow_temporary=temporary, today=on)
            else None
        ),
        "hetu_birth_date": lambda v: _parsed(v, "birth_date", allow_temporary=temporary, today=on),
    }


def _columns_of(values: list[str | None]) -> list[Any]:
    """The same values as a string array, a large_string array, a slice and a chunked array."""
    padded = pa.array(["x", *values, "y"], type=pa.string())
    return [
        pa.array(values, type=pa.string()),
        pa.array(values, type=pa.large_string()),
        padded.slice(1, len(values)),
        pa.chunked_array(
            [values[: len(values) // 2], values[len(values) // 2 :]], type=pa.string()
        ),
    ]


@given(
    st.lists(hetu_like, max_size=40),
    st.booleans(),
    st.one_of(st.none(), st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 1, 1))),
)
@example(["290200-900P", "290200A900P", "290204A9000", "010101+0000", "311299-9999"], True, None)
@example(
    ["", " ", "\u00a0131052-308T\u00a0", "131052\u2013308T", "131052-3O8T"], False, date(2000, 1, 1)
)
def test_hetu_columns_equal_scalar(
    values: list[str | None],
    allow_temporary: bool,  # noqa: FBT001 - drawn by Hypothesis
    today: date | None,
) -> None:
    expected = expected_hetu(values, allow_temporary=allow_temporary, today=today)
    for column in _columns_of(values):
        for name, answers in expected.items():
            got = call(getattr(arrow, name), column, allow_temporary=allow_temporary, today=today)
            assert len(got) == len(values)
            assert got.to_pylist() == answers, (name, column.type)


@given(st.lists(ytunnus_like, max_size=40))
@example(
    ["FI20774740", "fi2077474", "2077474-0 ", "0-2077474", "2077474--", "20774-740", "--------"]
)
@example(
    ["2077474-0" * 3, "2077474-0" * 2 + "x", "x" + "1" * 20, "1" * 17, "12345678901", "-" * 16]
)
def test_ytunnus_columns_equal_scalar(values: list[str | None]) -> None:
    expected = expected_ytunnus(values)
    for column in _columns_of(values):
        for name, answers in expected.items():
            got = getattr(arrow, name)(column)
            assert got.to_pylist() == answers, (name, column.type)


def expected_hetu(
    values: list[str | None], *, allow_temporary: bool, today: date | None
) -> dict[str, list[Any]]:
    """The answer of each hetu column function for *values*, from the scalar functions."""
    twins = _hetu_twins(allow_temporary=allow_temporary, today=today)
    expected = {name: [_twin(f)(v) for v in values] for name, f in twins.items()}
    expected["hetu_compact"] = [_twin(hetu.compact)(v) for v in values]
    expected["hetu_masked"] = [_twin(hetu.mask)(v) for v in values]
    expected["hetu_is_temporary"] = [
        None if v is None else _parsed(v, "is_temporary", allow_temporary=True, today=today)
        for v in values
    ]
    return expected


def expected_ytunnus(values: list[str | None]) -> dict[str, list[Any]]:
    """The answer of each Y-tunnus column function for *values*, from the scalar functions."""
    return {
        "ytunnus_is_valid": [_twin(ytunnus.is_valid)(v) for v in values],
        "ytunnus_reason": [
            _twin(lambda v: (r := ytunnus.explain(v)) and r.value)(v) for v in values
        ],
        "ytunnus_canonical": [
            _twin(lambda v: ytunnus.validate(v) if ytunnus.is_valid(v) else None)(v) for v in values
        ],
        "ytunnus_compact": [_twin(ytunnus.compact)(v) for v in values],
        "ytunnus_masked": [_twin(mask)(v) for v in values],
    }


def call(func: Callable[..., Any], *column: Any, allow_temporary: bool, today: date | None) -> Any:
    """Call the column function *func* (of any backend) with the options it takes.

    *column* is the column for functions, and nothing for methods of a namespace.
    """
    name = func.__name__
    if name in {"hetu_compact", "hetu_masked"} or name.startswith("ytunnus"):
        return func(*column)
    if name == "hetu_is_temporary":
        return func(*column, today=today)
    return func(*column, allow_temporary=allow_temporary, today=today)


def test_larger_than_one_block() -> None:
    """Values after the first block of numpy work get their own answers."""
    from rekisteri import _columns

    valid = make_ytunnus(1234567)
    assert valid is not None
    values = [valid if i % 3 else "2077474-1" for i in range(_columns.BLOCK + 10)]
    got = arrow.ytunnus_is_valid(values).to_pylist()
    assert got == [ytunnus.is_valid(v) for v in values]
    reasons = arrow.hetu_reason(["131052-308T"] * (_columns.BLOCK + 3) + ["131052-308U"])
    assert reasons.to_pylist()[-2:] == [None, "checksum"]


def test_all_null_and_empty_columns() -> None:
    assert arrow.hetu_is_valid(pa.array([None, None])).to_pylist() == [None, None]
    assert arrow.hetu_masked(pa.array([], type=pa.string())).to_pylist() == []
    assert arrow.ytunnus_reason(pa.chunked_array([], type=pa.string())).to_pylist() == []


def test_dictionary_and_view_columns() -> None:
    values = ["131052-308T", "131052-308U", None]
    expected = [True, False, None]
    assert arrow.hetu_is_valid(pa.array(values).dictionary_encode()).to_pylist() == expected
    assert arrow.hetu_is_valid(pa.array(values, type=pa.string_view())).to_pylist() == expected


@pytest.mark.parametrize("bad", [pa.array([1, 2]), 42, [b"131052-308T"]])
def test_a_column_that_is_not_strings_is_a_typed_error(bad: object) -> None:
    with pytest.raises(IdentifierTypeError) as caught:
        arrow.hetu_is_valid(bad)
    assert isinstance(caught.value, RekisteriError)
    assert isinstance(caught.value, TypeError)
    assert "131052" not in str(caught.value)


def test_the_type_error_can_be_rebuilt_from_its_message() -> None:
    # Polars re-raises an exception from inside an expression as type(exc)(message).
    original = IdentifierTypeError(kind="hetu", type_name="int64", expected="a column of strings")
    rebuilt = IdentifierTypeError(str(original))
    assert str(rebuilt) == str(original) == "hetu: expected a column of strings, got int64"
    assert (rebuilt.kind, rebuilt.type_name, rebuilt.expected) == (
        "hetu",
        "int64",
        "a column of strings",
    )
    other = IdentifierTypeError("something else")
    assert str(other) == "something else"
    assert (other.kind, other.type_name, other.expected) == ("", "", "str")
