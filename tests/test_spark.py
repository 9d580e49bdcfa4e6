"""rekisteri.spark in Spark local mode (``local[2]``): the answers of the scalar functions.

Needs pyspark and a Java runtime. Without them these tests skip, except in CI
(CI=true), where they fail: there the Spark tests must run.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from datetime import date
from itertools import cycle
from typing import TYPE_CHECKING, Any, NoReturn

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekisteri.testing import (
    HetuCorruption,
    YtunnusCorruption,
    corrupt_hetu,
    corrupt_ytunnus,
    synthetic_hetus,
    synthetic_ytunnukset,
)
from tests.conftest import in_ci
from tests.test_columns import call, expected_hetu, expected_ytunnus, hetu_like, ytunnus_like

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

# pyspark warns that it does not yet support pandas 3 in full; the UDFs here
# use only Series of strings, booleans and dates, which the tests check.
# pyspark 4.0 leaves the socket of collect() to the garbage collector, whose
# ResourceWarning pytest reports as an unraisable exception.
pytestmark = [
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
    pytest.mark.filterwarnings("ignore:unclosed <socket.socket:ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

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
_TODAY = date(2025, 6, 30)


def _unavailable(reason: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the Spark tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """A Spark session in local mode with two worker threads, on this Python."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        _unavailable("pyspark is not installed (pip install 'rekisteri-fi[spark]')")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        _unavailable("no Java runtime for Spark (java on PATH or JAVA_HOME)")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("rekisteri-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()


def _sample(count: int, seed: int) -> tuple[list[str | None], list[str | None]]:
    """Henkilötunnus and Y-tunnus values: valid, broken in every way, junk and nulls."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    alphabet = "0123456789-+AaYyFfIi \u00a0\u0663\u2013x"
    hetus: list[str | None] = []
    ids: list[str | None] = []
    hetu_ways, id_ways = cycle(HetuCorruption), cycle(YtunnusCorruption)
    for i, (valid_hetu, valid_id) in enumerate(
        zip(synthetic_hetus(count, seed=seed), synthetic_ytunnukset(count, seed=seed), strict=True)
    ):
        kind, one, other = i % 7, valid_hetu, valid_id
        if kind == 0:
            one, other = corrupt_hetu(one, next(hetu_ways)), corrupt_ytunnus(other, next(id_ways))
        elif kind == 1:
            one, other = f" {one.lower()}\u00a0", other.replace("-", "")
        elif kind == 2:
            length = rng.randint(0, 14)
            one = "".join(rng.choice(alphabet) for _ in range(length))
            other = "".join(rng.choice(alphabet) for _ in range(length))
        hetus.append(None if kind == 3 and i % 2 else one)
        ids.append(None if kind == 3 and not i % 2 else other)
    return hetus, ids


def test_parquet_file_gets_the_scalar_answers(spark: Any, tmp_path: Path) -> None:
    """A job reads a Parquet file, adds every column, and gets the scalar answers."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from rekisteri import spark as rs

    hetus, ids = _sample(3000, seed=11)
    path = tmp_path / "customers.parquet"
    table = pa.table({"row": list(range(len(hetus))), "hetu": hetus, "ytunnus": ids})
    pq.write_table(table, path, row_group_size=500)

    frame = spark.read.parquet(str(path)).repartition(4)
    columns = [
        call(getattr(rs, name), "hetu", allow_temporary=True, today=_TODAY).alias(name)
        for name in _HETU
    ]
    columns += [getattr(rs, name)("ytunnus").alias(name) for name in _YTUNNUS]
    rows = frame.select("row", *columns).orderBy("row").collect()

    assert [row["row"] for row in rows] == list(range(len(hetus)))
    expected = expected_hetu(hetus, allow_temporary=True, today=_TODAY)
    expected |= expected_ytunnus(ids)
    for name, answers in expected.items():
        assert [row[name] for row in rows] == answers, name
    assert sum(row["hetu_is_valid"] is False for row in rows) > 500
    assert sum(row["ytunnus_is_valid"] is True for row in rows) > 500


@settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(hetu_like, max_size=25), st.lists(ytunnus_like, max_size=25), st.booleans())
def test_property_every_function_equals_scalar(
    spark: Any,
    hetus: list[str | None],
    ids: list[str | None],
    allow_temporary: bool,  # noqa: FBT001 - drawn by Hypothesis
) -> None:
    from rekisteri import spark as rs

    size = max(len(hetus), len(ids))
    hetus += [None] * (size - len(hetus))
    ids += [None] * (size - len(ids))
    frame = spark.createDataFrame(
        list(zip(range(size), hetus, ids, strict=True)), "row int, hetu string, ytunnus string"
    )
    columns = [
        call(getattr(rs, name), "hetu", allow_temporary=allow_temporary, today=_TODAY).alias(name)
        for name in _HETU
    ]
    columns += [getattr(rs, name)("ytunnus").alias(name) for name in _YTUNNUS]
    rows = frame.select("row", *columns).orderBy("row").collect()
    expected = expected_hetu(hetus, allow_temporary=allow_temporary, today=_TODAY)
    expected |= expected_ytunnus(ids)
    for name, answers in expected.items():
        assert [row[name] for row in rows] == answers, name
