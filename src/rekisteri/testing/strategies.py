"""Hypothesis strategies for Finnish identifiers (public; needs ``hypothesis``).

Install with ``pip install 'rekisteri[testing]'``.

Examples:
    >>> from hypothesis import given
    >>> from rekisteri.identifiers import hetu
    >>> from rekisteri.testing.strategies import hetus
    >>> @given(hetus())
    ... def test_accepts_synthetic(value: str) -> None:
    ...     assert hetu.is_valid(value, allow_temporary=True)
    >>> test_accepts_synthetic()
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from rekisteri.testing import (
    _SIGNS_BY_CENTURY,
    HetuCorruption,
    YtunnusCorruption,
    corrupt_hetu,
    corrupt_ytunnus,
    make_hetu,
    make_ytunnus,
)

__all__ = ["corrupted_hetus", "corrupted_ytunnukset", "hetus", "ytunnukset"]


@st.composite
def _hetu(
    draw: st.DrawFn,
    *,
    min_date: date,
    max_date: date,
    temporary_only: bool,
    new_signs: bool,
) -> str:
    birth = draw(st.dates(min_value=min_date, max_value=max_date))
    signs = _SIGNS_BY_CENTURY[birth.year // 100 * 100]
    sign = draw(st.sampled_from(signs)) if new_signs else signs[0]
    low, high = (900, 999) if temporary_only else (2, 899)
    return make_hetu(birth, draw(st.integers(low, high)), sign=sign)


def hetus(
    *,
    min_date: date = date(1800, 1, 1),
    max_date: date = date(2023, 12, 31),
    temporary_only: bool = True,
    new_signs: bool = True,
) -> st.SearchStrategy[str]:
    """Valid henkilötunnus values in canonical form.

    By default only temporary numbers (900–999) are drawn, so that no value
    names a real person: validate them with ``allow_temporary=True``.

    Args:
        min_date: Earliest birth date (not before 1800).
        max_date: Latest birth date (not after 2099).
        temporary_only: Draw individual numbers 900–999 only; ``False`` draws 002–899.
        new_signs: Also draw the century signs of the 2023 reform.
    """
    return _hetu(
        min_date=min_date,
        max_date=max_date,
        temporary_only=temporary_only,
        new_signs=new_signs,
    )


def corrupted_hetus(**kwargs: date | bool) -> st.SearchStrategy[str]:
    """Henkilötunnus values broken in one of the :class:`~rekisteri.testing.HetuCorruption` ways.

    Takes the same arguments as :func:`hetus`; every value drawn is invalid.
    """
    return st.builds(
        corrupt_hetu,
        hetus(**kwargs),  # type: ignore[arg-type] # the same keywords as hetus()
        st.sampled_from(HetuCorruption),
    )


def ytunnukset() -> st.SearchStrategy[str]:
    """Valid Y-tunnus values in canonical form ``NNNNNNN-C``."""
    prefixes = st.integers(0, 9_999_999).filter(lambda n: make_ytunnus(n) is not None)
    return prefixes.map(lambda n: str(make_ytunnus(n)))


def corrupted_ytunnukset() -> st.SearchStrategy[str]:
    """Y-tunnus values broken in one of the :class:`~rekisteri.testing.YtunnusCorruption` ways."""
    return st.builds(corrupt_ytunnus, ytunnukset(), st.sampled_from(YtunnusCorruption))
