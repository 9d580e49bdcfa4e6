"""None (or another wrong type) where the domain functions expect a value (issue 17).

Every public function of ``rekisteri.calendar``, ``.requests``, ``.consent``
and ``.retention`` answers an argument of the wrong type with a typed error
(a :class:`~rekisteri.errors.RekisteriError`), never an AttributeError or a
bare TypeError from deep inside.
"""

from __future__ import annotations

import inspect
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import pytest

from rekisteri import calendar, consent, requests, retention
from rekisteri.calendar import ArgumentTypeError
from rekisteri.errors import RekisteriError

if TYPE_CHECKING:
    from collections.abc import Callable

#: A value of the right type for a required argument of this name, where one is easy.
GOOD = {
    "at": datetime(2026, 1, 1, tzinfo=UTC),
    "today": date(2026, 1, 1),
    "day": date(2026, 1, 1),
    "start": date(2026, 1, 1),
    "months": 1,
    "year": 2026,
    "days": 3,
    "field": "x",
}


def _cases() -> list[tuple[str, Callable[..., object], str, dict[str, object]]]:
    cases: list[tuple[str, Callable[..., object], str, dict[str, object]]] = []
    for module in (calendar, requests, consent, retention):
        for name in module.__all__:
            function = getattr(module, name)
            if not inspect.isfunction(function):
                continue
            required = [
                p
                for p in inspect.signature(function).parameters.values()
                if p.default is p.empty and p.kind is not p.VAR_POSITIONAL
            ]
            for index, parameter in enumerate(required):
                kwargs = {
                    p.name: None if i == index else GOOD.get(p.name) for i, p in enumerate(required)
                }
                cases.append((f"{module.__name__}.{name}", function, parameter.name, kwargs))
    return cases


CASES = _cases()


def test_every_function_is_covered() -> None:
    """The sweep reaches the functions that issue 17 found crashing on None."""
    names = {case[0] for case in CASES}
    assert {
        "rekisteri.calendar.add_months",
        "rekisteri.calendar.next_working_day",
        "rekisteri.requests.due_within",
        "rekisteri.requests.refusal_reply",
        "rekisteri.consent.advance",
        "rekisteri.retention.plan",
        "rekisteri.retention.retained_until",
    } <= names


@pytest.mark.parametrize(
    ("name", "function", "argument", "kwargs"), CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES]
)
def test_none_is_a_typed_error(
    name: str, function: Callable[..., object], argument: str, kwargs: dict[str, object]
) -> None:
    """None for one required argument: a RekisteriError naming an argument (or an answer)."""
    error: RekisteriError | None = None
    try:
        function(**kwargs)
    except RekisteriError as exc:  # any other exception fails the test: that is the point
        error = exc
    if isinstance(error, ArgumentTypeError):
        named = str(error).split(":")[0]  # an argument, or the field a caller named
        assert named in kwargs or named == kwargs.get("field"), (name, argument, str(error))


@pytest.mark.parametrize(
    ("function", "kwargs"),
    [
        (calendar.add_months, {"day": "2026-01-01", "months": 1}),
        (calendar.easter, {"year": 10_000}),
        (calendar.easter, {"year": True}),
        (calendar.check_day, {"day": datetime(9999, 12, 31, tzinfo=UTC), "field": "x"}),
        (retention.retained_until, {"start": date(2026, 1, 1), "period": "10 years"}),
        (requests.due_within, {"requests": "abc", "days": 1, "at": GOOD["at"]}),
    ],
    ids=["str-date", "year-10000", "bool-year", "datetime-at-end", "str-period", "str-requests"],
)
def test_wrong_types_and_ranges(function: Callable[..., object], kwargs: dict[str, object]) -> None:
    """Other wrong values get typed errors too; TypeError ones are also TypeErrors."""
    with pytest.raises(RekisteriError) as caught:
        function(**kwargs)
    if isinstance(caught.value, ArgumentTypeError):
        assert isinstance(caught.value, TypeError)
