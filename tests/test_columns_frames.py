"""The Polars namespace and the pandas accessor give the answers of the scalar functions."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisteri.errors import IdentifierTypeError
from tests.test_columns import call, expected_hetu, expected_ytunnus, hetu_like, ytunnus_like

pl = pytest.importorskip("polars")
pd = pytest.importorskip("pandas")
rekisteri_polars = pytest.importorskip("rekisteri.polars")
rekisteri_pandas = pytest.importorskip("rekisteri.pandas")

_HETU = [
    "hetu_is_valid",
    "hetu_reason",
    "hetu_canonical",
    "hetu_birth_date",
    "hetu_is_temporary",
    "hetu_compact",
    "hetu_masked",
]
_YTUNNUS = [
    "ytunnus_is_valid",
    "ytunnus_reason",
    "ytunnus_canonical",
    "ytunnus_compact",
    "ytunnus_masked",
]
_todays = st.one_of(st.none(), st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 1, 1)))


def _pandas_values(series: Any) -> list[Any]:
    return [None if value is pd.NA else value for value in series.tolist()]


@settings(max_examples=60)
@given(st.lists(hetu_like, max_size=30), st.booleans(), _todays)
def test_polars_lazy_frame_equals_scalar(
    values: list[str | None],
    allow_temporary: bool,  # noqa: FBT001 - drawn by Hypothesis
    today: date | None,
) -> None:
    expected = expected_hetu(values, allow_temporary=allow_temporary, today=today)
    frame = pl.LazyFrame({"hetu": values}, schema={"hetu": pl.String})
    namespace = pl.col("hetu").rekisteri
    out = frame.select(
        call(getattr(namespace, name), allow_temporary=allow_temporary, today=today).alias(name)
        for name in _HETU
    ).collect()
    for name in _HETU:
        assert out[name].to_list() == expected[name], name
    series = pl.Series("hetu", values, dtype=pl.String)
    got = series.rekisteri.hetu_reason(allow_temporary=allow_temporary, today=today)
    assert got.to_list() == expected["hetu_reason"]
    assert got.name == "hetu"


@settings(max_examples=60)
@given(st.lists(ytunnus_like, max_size=30))
def test_polars_ytunnus_equals_scalar(values: list[str | None]) -> None:
    expected = expected_ytunnus(values)
    frame = pl.DataFrame({"id": values}, schema={"id": pl.String})
    out = frame.with_columns(
        getattr(pl.col("id").rekisteri, name)().alias(name) for name in _YTUNNUS
    )
    for name in _YTUNNUS:
        assert out[name].to_list() == expected[name], name


@settings(max_examples=60)
@given(st.lists(hetu_like, max_size=30), st.booleans(), _todays)
def test_pandas_accessor_equals_scalar(
    values: list[str | None],
    allow_temporary: bool,  # noqa: FBT001 - drawn by Hypothesis
    today: date | None,
) -> None:
    expected = expected_hetu(values, allow_temporary=allow_temporary, today=today)
    index = pd.RangeIndex(100, 100 + len(values))
    for dtype in ("string[pyarrow]", object):
        series = pd.Series(values, dtype=dtype, index=index, name="hetu")
        for name in _HETU:
            method = getattr(series.rekisteri, name)
            got = call(method, allow_temporary=allow_temporary, today=today)
            assert _pandas_values(got) == expected[name], (name, dtype)
            assert list(got.index) == list(index)
            assert got.name == "hetu"
    ids = pd.Series(values, dtype="string[pyarrow]")
    assert (
        _pandas_values(ids.rekisteri.ytunnus_is_valid())
        == expected_ytunnus(values)["ytunnus_is_valid"]
    )


@given(st.lists(ytunnus_like, max_size=30))
def test_pandas_ytunnus_equals_scalar(values: list[str | None]) -> None:
    expected = expected_ytunnus(values)
    series = pd.Series(values, dtype="string[pyarrow]")
    for name in _YTUNNUS:
        assert _pandas_values(getattr(series.rekisteri, name)()) == expected[name], name


def test_pandas_result_types() -> None:
    series = pd.Series(["131052-308T", None])
    assert str(series.rekisteri.hetu_is_valid().dtype) == "bool[pyarrow]"
    assert str(series.rekisteri.hetu_birth_date().dtype) == "date32[day][pyarrow]"
    assert series.rekisteri.hetu_masked().str.len().tolist() == [11, pd.NA]


def test_pandas_series_of_numbers_is_a_typed_error() -> None:
    with pytest.raises(IdentifierTypeError, match="a column of strings"):
        pd.Series([1, 2]).rekisteri.hetu_is_valid()


def test_polars_streaming_engine_keeps_the_answers() -> None:
    values = ["131052-308T", "131052-308U", None, " 131052-308t "] * 1000
    frame = pl.LazyFrame({"hetu": values})
    out = frame.select(pl.col("hetu").rekisteri.hetu_is_valid()).collect(engine="streaming")
    assert out["hetu"].to_list() == [True, False, None, True] * 1000


def test_importing_rekisteri_loads_no_data_frame_library() -> None:
    """``import rekisteri`` and the scalar identifier functions leave the extras unloaded."""
    code = (
        "import sys, rekisteri\n"
        "from rekisteri.identifiers import hetu, ytunnus\n"
        "hetu.validate_many(['131052-308T']); ytunnus.is_valid('2077474-0')\n"
        "import rekisteri.cli\n"
        "heavy = {'numpy', 'pyarrow', 'polars', 'pandas', 'pyspark'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
