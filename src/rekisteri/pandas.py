"""Identifier columns in pandas: the ``rekisteri`` Series accessor.

Importing this module registers an accessor called ``rekisteri`` on pandas
Series, with the methods of the Polars namespace (:mod:`rekisteri.polars`).
They run the functions of :mod:`rekisteri.arrow` on the column's Arrow data
(zero-copy for Arrow-backed strings, the default string type of pandas 3) and
return Arrow-backed Series (``pd.ArrowDtype``) with the same index and name;
missing values stay missing.

Needs the ``pandas`` extra (``pip install 'rekisteri-fi[pandas]'``).

Examples:
    >>> import pandas as pd
    >>> import rekisteri.pandas  # registers the accessor
    >>> s = pd.Series(["131052-308T", "131052-308U", None], name="hetu")
    >>> s.rekisteri.hetu_is_valid().tolist()
    [True, False, <NA>]
    >>> s.rekisteri.hetu_reason().tolist()
    [<NA>, 'checksum', <NA>]
    >>> s.rekisteri.hetu_masked().dtype.storage
    'pyarrow'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from rekisteri.errors import IdentifierTypeError, MissingDependencyError

try:
    import pandas as pd
    import pyarrow as pa
except ImportError as exc:  # pragma: no cover - exercised without the extra only
    raise MissingDependencyError(
        "rekisteri.pandas needs pandas and pyarrow: pip install 'rekisteri-fi[pandas]'"
    ) from exc

from rekisteri import arrow

if TYPE_CHECKING:
    from datetime import date

__all__ = ["ACCESSOR", "RekisteriAccessor"]

#: The name of the accessor on Series.
ACCESSOR: Final = "rekisteri"


@pd.api.extensions.register_series_accessor(ACCESSOR)
class RekisteriAccessor:
    """``series.rekisteri``: identifier checks on a Series of strings."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def _apply(self, name: str, kind: str, **options: object) -> pd.Series:
        series = self._series
        try:
            column = pa.array(series.array, from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
            raise IdentifierTypeError(
                kind=kind, type_name=str(series.dtype), expected="a column of strings"
            ) from None
        result = getattr(arrow, name)(column, **options)
        if pa.types.is_string(result.type):
            # pandas' own Arrow-backed string type, so .str works as usual
            values: Any = pd.arrays.ArrowStringArray(result.cast(pa.large_string()))
        else:
            values = pd.arrays.ArrowExtensionArray(result)
        return pd.Series(values, index=series.index, name=series.name, copy=False)

    def hetu_is_valid(
        self, *, allow_temporary: bool = False, today: date | None = None
    ) -> pd.Series:
        """Whether each value is a valid henkilötunnus (:func:`rekisteri.arrow.hetu_is_valid`)."""
        return self._apply("hetu_is_valid", "hetu", allow_temporary=allow_temporary, today=today)

    def hetu_reason(self, *, allow_temporary: bool = False, today: date | None = None) -> pd.Series:
        """The reason code of each invalid value; missing when valid."""
        return self._apply("hetu_reason", "hetu", allow_temporary=allow_temporary, today=today)

    def hetu_canonical(
        self, *, allow_temporary: bool = False, today: date | None = None
    ) -> pd.Series:
        """The canonical form of each valid value; missing when invalid."""
        return self._apply("hetu_canonical", "hetu", allow_temporary=allow_temporary, today=today)

    def hetu_birth_date(
        self, *, allow_temporary: bool = False, today: date | None = None
    ) -> pd.Series:
        """The birth date of each valid value (``date32[pyarrow]``); missing when invalid."""
        return self._apply("hetu_birth_date", "hetu", allow_temporary=allow_temporary, today=today)

    def hetu_is_temporary(self, *, today: date | None = None) -> pd.Series:
        """Whether each valid value is a temporary number (900–999); missing when invalid."""
        return self._apply("hetu_is_temporary", "hetu", today=today)

    def hetu_compact(self) -> pd.Series:
        """Each value without surrounding whitespace, in upper case."""
        return self._apply("hetu_compact", "hetu")

    def hetu_masked(self) -> pd.Series:
        """Each value in a form that is safe to show."""
        return self._apply("hetu_masked", "hetu")

    def ytunnus_is_valid(self) -> pd.Series:
        """Whether each value is a valid Y-tunnus."""
        return self._apply("ytunnus_is_valid", "ytunnus")

    def ytunnus_reason(self) -> pd.Series:
        """The reason code of each invalid Y-tunnus; missing when valid."""
        return self._apply("ytunnus_reason", "ytunnus")

    def ytunnus_canonical(self) -> pd.Series:
        """The canonical form ``NNNNNNN-C`` of each valid Y-tunnus; missing when invalid."""
        return self._apply("ytunnus_canonical", "ytunnus")

    def ytunnus_compact(self) -> pd.Series:
        """The eight digits of each value."""
        return self._apply("ytunnus_compact", "ytunnus")

    def ytunnus_masked(self) -> pd.Series:
        """Each value in a form that is safe to show."""
        return self._apply("ytunnus_masked", "ytunnus")
