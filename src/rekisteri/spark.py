"""Identifier columns in Apache Spark: column functions on Arrow-based UDFs.

Each function takes a column (a :class:`pyspark.sql.Column` or a column
name) and returns a new column, computed by a vectorised UDF: Spark sends
each batch of rows to Python as Arrow data, :mod:`rekisteri.arrow` checks the
whole batch with numpy, and the answers go back as Arrow data. With pyspark
4.1 or later this is an Arrow UDF (``arrow_udf``), where the batch stays Arrow
data; with pyspark 4.0, a pandas UDF, where Spark hands the batch over as a
pandas Series and it is turned back into Arrow for the check. The
answers are exactly those of the scalar functions of
:mod:`rekisteri.identifiers`, on every executor.

* :func:`hetu_is_valid` (boolean), :func:`hetu_reason` (string, null when
  valid), :func:`hetu_canonical` (string, null when invalid),
  :func:`hetu_birth_date` (date, null when invalid), :func:`hetu_is_temporary`
  (boolean, null when invalid), :func:`hetu_compact` and :func:`hetu_masked`
  (string);
* :func:`ytunnus_is_valid` (boolean), :func:`ytunnus_reason`,
  :func:`ytunnus_canonical`, :func:`ytunnus_compact` and :func:`ytunnus_masked`
  (string).

Each executor needs rekisteri with the ``arrow`` extra installed (see the
guide *Identifiers in data frames and Spark* for the ways to ship it: a wheel
through ``spark.archives`` or ``--py-files``, or ``pip`` on the nodes). Leave
``today`` unset and each executor takes its own local date; set it to make a
job's answers reproducible. Needs the ``spark`` extra
(``pip install 'rekisteri-fi[spark]'``).

Examples:
    A job (not run here; the tests run one in ``local[2]`` mode)::

        from pyspark.sql import SparkSession, functions as F
        from rekisteri import spark as rs

        session = SparkSession.builder.getOrCreate()
        customers = session.read.parquet("customers.parquet")
        checked = customers.select(
            rs.hetu_masked("hetu").alias("hetu"),
            rs.hetu_reason("hetu").alias("reason"),
        ).where(F.col("reason").isNotNull())
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from rekisteri.errors import MissingDependencyError

try:
    import pandas as pd  # noqa: TC002 - pandas_udf reads the type hints at run time
    import pyarrow as pa
    from pyspark.sql import types as st
    from pyspark.sql.pandas.functions import pandas_udf
except ImportError as exc:  # pragma: no cover - exercised without the extra only
    raise MissingDependencyError(
        "rekisteri.spark needs pyspark, pandas and pyarrow: pip install 'rekisteri-fi[spark]'"
    ) from exc

from rekisteri import arrow

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from pyspark.sql import Column

__all__ = [
    "hetu_birth_date",
    "hetu_canonical",
    "hetu_compact",
    "hetu_is_temporary",
    "hetu_is_valid",
    "hetu_masked",
    "hetu_reason",
    "ytunnus_canonical",
    "ytunnus_compact",
    "ytunnus_is_valid",
    "ytunnus_masked",
    "ytunnus_reason",
]


_TYPES: Final[dict[str, st.DataType]] = {
    "hetu_is_valid": st.BooleanType(),
    "hetu_reason": st.StringType(),
    "hetu_canonical": st.StringType(),
    "hetu_birth_date": st.DateType(),
    "hetu_is_temporary": st.BooleanType(),
    "hetu_compact": st.StringType(),
    "hetu_masked": st.StringType(),
    "ytunnus_is_valid": st.BooleanType(),
    "ytunnus_reason": st.StringType(),
    "ytunnus_canonical": st.StringType(),
    "ytunnus_compact": st.StringType(),
    "ytunnus_masked": st.StringType(),
}


def _arrow_udf() -> Callable[..., Any] | None:
    """The ``arrow_udf`` of pyspark 4.1 and later, or ``None`` in older versions."""
    from pyspark.sql import functions

    found: Callable[..., Any] | None = getattr(functions, "arrow_udf", None)
    return found


def _column(name: str, column: Column | str, **options: object) -> Column:
    """The column of the Arrow function *name* with *options*, as a vectorised UDF.

    With pyspark 4.1 or later, an Arrow UDF: the batch stays Arrow data all
    the way. Before that, a pandas UDF on Arrow: Spark turns the batch into a
    pandas Series, which goes back to Arrow for the check.
    """
    function = getattr(arrow, name)
    arrow_udf = _arrow_udf()
    if arrow_udf is not None:

        def arrow_batch(values: pa.Array) -> pa.Array:
            return function(values, **options)

        udf = arrow_udf(arrow_batch, returnType=_TYPES[name])
    else:

        def batch(values: pd.Series) -> pd.Series:
            result = function(pa.array(values, from_pandas=True, type=pa.string()), **options)
            return result.to_pandas()

        udf = pandas_udf(batch, returnType=_TYPES[name])  # type: ignore[call-overload] # pyspark's overloads want a literal type
    out: Column = udf(column)
    return out


def hetu_is_valid(
    column: Column | str, *, allow_temporary: bool = False, today: date | None = None
) -> Column:
    """Whether each value is a valid henkilötunnus (:func:`rekisteri.arrow.hetu_is_valid`)."""
    return _column("hetu_is_valid", column, allow_temporary=allow_temporary, today=today)


def hetu_reason(
    column: Column | str, *, allow_temporary: bool = False, today: date | None = None
) -> Column:
    """The reason code of each invalid value; null when valid."""
    return _column("hetu_reason", column, allow_temporary=allow_temporary, today=today)


def hetu_canonical(
    column: Column | str, *, allow_temporary: bool = False, today: date | None = None
) -> Column:
    """The canonical form of each valid value; null when invalid."""
    return _column("hetu_canonical", column, allow_temporary=allow_temporary, today=today)


def hetu_birth_date(
    column: Column | str, *, allow_temporary: bool = False, today: date | None = None
) -> Column:
    """The birth date of each valid value; null when invalid."""
    return _column("hetu_birth_date", column, allow_temporary=allow_temporary, today=today)


def hetu_is_temporary(column: Column | str, *, today: date | None = None) -> Column:
    """Whether each valid value is a temporary number (900–999); null when invalid."""
    return _column("hetu_is_temporary", column, today=today)


def hetu_compact(column: Column | str) -> Column:
    """Each value without surrounding whitespace, in upper case."""
    return _column("hetu_compact", column)


def hetu_masked(column: Column | str) -> Column:
    """Each value in a form that is safe to show."""
    return _column("hetu_masked", column)


def ytunnus_is_valid(column: Column | str) -> Column:
    """Whether each value is a valid Y-tunnus."""
    return _column("ytunnus_is_valid", column)


def ytunnus_reason(column: Column | str) -> Column:
    """The reason code of each invalid Y-tunnus; null when valid."""
    return _column("ytunnus_reason", column)


def ytunnus_canonical(column: Column | str) -> Column:
    """The canonical form ``NNNNNNN-C`` of each valid Y-tunnus; null when invalid."""
    return _column("ytunnus_canonical", column)


def ytunnus_compact(column: Column | str) -> Column:
    """The eight digits of each value, without hyphen or whitespace."""
    return _column("ytunnus_compact", column)


def ytunnus_masked(column: Column | str) -> Column:
    """Each value in a form that is safe to show."""
    return _column("ytunnus_masked", column)
