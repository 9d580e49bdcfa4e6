"""Identifier columns in Polars: the ``rekisteri`` expression and Series namespace.

Importing this module registers a namespace called ``rekisteri`` on Polars
expressions and Series. Its methods are the functions of
:mod:`rekisteri.arrow`, run on the column's Arrow buffers, so the answers are
exactly those of the scalar functions; they work in lazy frames and keep
nulls as nulls.

* ``hetu_is_valid(allow_temporary=, today=)``: Boolean;
* ``hetu_reason(...)``: String, null when valid;
* ``hetu_canonical(...)``: String, null when invalid;
* ``hetu_birth_date(...)``: Date, null when invalid;
* ``hetu_is_temporary(today=)``: Boolean, null when invalid;
* ``hetu_compact()``, ``hetu_masked()``: String;
* ``ytunnus_is_valid()``: Boolean;
* ``ytunnus_reason()``, ``ytunnus_canonical()``, ``ytunnus_compact()``,
  ``ytunnus_masked()``: String.

Type checkers do not see a registered namespace: typed code can write
``RekisteriNamespace(pl.col("hetu")).hetu_is_valid()`` instead.

Needs the ``polars`` extra (``pip install 'rekisteri-fi[polars]'``).

Examples:
    >>> import polars as pl
    >>> import rekisteri.polars  # registers the namespace
    >>> df = pl.DataFrame({"hetu": ["131052-308T", "131052-308U", None]})
    >>> out = df.lazy().with_columns(
    ...     ok=pl.col("hetu").rekisteri.hetu_is_valid(),
    ...     why=pl.col("hetu").rekisteri.hetu_reason(),
    ...     shown=pl.col("hetu").rekisteri.hetu_masked(),
    ... ).collect()
    >>> out.select("ok", "why", "shown").rows()
    [(True, None, '131052-****'), (False, 'checksum', '131052-****'), (None, None, None)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from rekisteri.errors import MissingDependencyError

try:
    import polars as pl
except ImportError as exc:  # pragma: no cover - exercised without the extra only
    raise MissingDependencyError(
        "rekisteri.polars needs polars: pip install 'rekisteri-fi[polars]'"
    ) from exc

from rekisteri import arrow

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

__all__ = ["NAMESPACE", "RekisteriNamespace", "RekisteriSeriesNamespace"]

#: The name of the namespace on expressions and Series.
NAMESPACE: Final = "rekisteri"


def _on_series(func: Callable[..., Any], **options: object) -> Callable[[pl.Series], pl.Series]:
    """Wrap an Arrow column function as a function of one Polars Series."""

    def run(series: pl.Series) -> pl.Series:
        result = func(series.to_arrow(), **options)
        out = pl.from_arrow(result)
        assert isinstance(out, pl.Series)
        return out.alias(series.name)

    return run


_TYPES: Final[dict[str, Any]] = {
    "hetu_is_valid": pl.Boolean,
    "hetu_reason": pl.String,
    "hetu_canonical": pl.String,
    "hetu_birth_date": pl.Date,
    "hetu_is_temporary": pl.Boolean,
    "hetu_compact": pl.String,
    "hetu_masked": pl.String,
    "ytunnus_is_valid": pl.Boolean,
    "ytunnus_reason": pl.String,
    "ytunnus_canonical": pl.String,
    "ytunnus_compact": pl.String,
    "ytunnus_masked": pl.String,
}


@pl.api.register_expr_namespace(NAMESPACE)
class RekisteriNamespace:
    """``pl.col(...).rekisteri``: identifier checks on a column of strings."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def _apply(self, name: str, **options: object) -> pl.Expr:
        function = _on_series(getattr(arrow, name), **options)
        return self._expr.map_batches(function, return_dtype=_TYPES[name], is_elementwise=True)

    def hetu_is_valid(self, *, allow_temporary: bool = False, today: date | None = None) -> pl.Expr:
        """Whether each value is a valid henkilötunnus (:func:`rekisteri.arrow.hetu_is_valid`)."""
        return self._apply("hetu_is_valid", allow_temporary=allow_temporary, today=today)

    def hetu_reason(self, *, allow_temporary: bool = False, today: date | None = None) -> pl.Expr:
        """The reason code of each invalid value; null when valid."""
        return self._apply("hetu_reason", allow_temporary=allow_temporary, today=today)

    def hetu_canonical(
        self, *, allow_temporary: bool = False, today: date | None = None
    ) -> pl.Expr:
        """The canonical form of each valid value; null when invalid."""
        return self._apply("hetu_canonical", allow_temporary=allow_temporary, today=today)

    def hetu_birth_date(
        self, *, allow_temporary: bool = False, today: date | None = None
    ) -> pl.Expr:
        """The birth date of each valid value; null when invalid."""
        return self._apply("hetu_birth_date", allow_temporary=allow_temporary, today=today)

    def hetu_is_temporary(self, *, today: date | None = None) -> pl.Expr:
        """Whether each valid value is a temporary number (900–999); null when invalid."""
        return self._apply("hetu_is_temporary", today=today)

    def hetu_compact(self) -> pl.Expr:
        """Each value without surrounding whitespace, in upper case."""
        return self._apply("hetu_compact")

    def hetu_masked(self) -> pl.Expr:
        """Each value in a form that is safe to show."""
        return self._apply("hetu_masked")

    def ytunnus_is_valid(self) -> pl.Expr:
        """Whether each value is a valid Y-tunnus."""
        return self._apply("ytunnus_is_valid")

    def ytunnus_reason(self) -> pl.Expr:
        """The reason code of each invalid Y-tunnus; null when valid."""
        return self._apply("ytunnus_reason")

    def ytunnus_canonical(self) -> pl.Expr:
        """The canonical form ``NNNNNNN-C`` of each valid Y-tunnus; null when invalid."""
        return self._apply("ytunnus_canonical")

    def ytunnus_compact(self) -> pl.Expr:
        """The eight digits of each value, without hyphen or whitespace."""
        return self._apply("ytunnus_compact")

    def ytunnus_masked(self) -> pl.Expr:
        """Each value in a form that is safe to show."""
        return self._apply("ytunnus_masked")


@pl.api.register_series_namespace(NAMESPACE)
class RekisteriSeriesNamespace:
    """``series.rekisteri``: the same methods as on expressions, for a Series.

    Examples:
        >>> import polars as pl
        >>> pl.Series(["2077474-0", "2077474-1"]).rekisteri.ytunnus_is_valid().to_list()
        [True, False]
    """

    def __init__(self, series: pl.Series) -> None:
        self._series = series

    def _apply(self, name: str, **options: object) -> pl.Series:
        return _on_series(getattr(arrow, name), **options)(self._series)

    def hetu_is_valid(
        self, *, allow_temporary: bool = False, today: date | None = None
    ) -> pl.Series:
        """Whether each value is a valid henkilötunnus."""
        return self._apply("hetu_is_valid", allow_temporary=allow_temporary, today=today)

    def hetu_reason(self, *, allow_temporary: bool = False, today: date | None = None) -> pl.Series:
        """The reason code of each invalid value; null when valid."""
        return self._apply("hetu_reason", allow_temporary=allow_temporary, today=today)

    def hetu_canonical(
        self, *, allow_temporary: bool = False, today: date | None = None
    ) -> pl.Series:
        """The canonical form of each valid value; null when invalid."""
        return self._apply("hetu_canonical", allow_temporary=allow_temporary, today=today)

    def hetu_birth_date(
        self, *, allow_temporary: bool = False, today: date | None = None
    ) -> pl.Series:
        """The birth date of each valid value; null when invalid."""
        return self._apply("hetu_birth_date", allow_temporary=allow_temporary, today=today)

    def hetu_is_temporary(self, *, today: date | None = None) -> pl.Series:
        """Whether each valid value is a temporary number; null when invalid."""
        return self._apply("hetu_is_temporary", today=today)

    def hetu_compact(self) -> pl.Series:
        """Each value without surrounding whitespace, in upper case."""
        return self._apply("hetu_compact")

    def hetu_masked(self) -> pl.Series:
        """Each value in a form that is safe to show."""
        return self._apply("hetu_masked")

    def ytunnus_is_valid(self) -> pl.Series:
        """Whether each value is a valid Y-tunnus."""
        return self._apply("ytunnus_is_valid")

    def ytunnus_reason(self) -> pl.Series:
        """The reason code of each invalid Y-tunnus; null when valid."""
        return self._apply("ytunnus_reason")

    def ytunnus_canonical(self) -> pl.Series:
        """The canonical form of each valid Y-tunnus; null when invalid."""
        return self._apply("ytunnus_canonical")

    def ytunnus_compact(self) -> pl.Series:
        """The eight digits of each value."""
        return self._apply("ytunnus_compact")

    def ytunnus_masked(self) -> pl.Series:
        """Each value in a form that is safe to show."""
        return self._apply("ytunnus_masked")
