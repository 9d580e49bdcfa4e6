"""The JSON Schema refuses what the model refuses: country codes, keys, counts, blank strings."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped] # no stubs installed

from rekisteri.errors import RekisteriError
from rekisteri.model import Register
from rekisteri.serialize import json_schema, structure, unstructure

ROOT = Path(__file__).resolve().parents[1]
VALIDATOR = Draft202012Validator(json_schema())


def _complete() -> dict[str, Any]:
    with (ROOT / "examples" / "complete-v2.toml").open("rb") as handle:
        register = structure(tomllib.load(handle), Register)
    document: dict[str, Any] = unstructure(register)
    return document


def _model_accepts(document: dict[str, Any]) -> bool:
    try:
        structure(document, Register)
    except RekisteriError:
        return False
    return True


def test_the_complete_example_is_valid_for_both() -> None:
    document = _complete()
    assert VALIDATOR.is_valid(document)
    assert _model_accepts(document)


def _set(document: dict[str, Any], path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    target: Any = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def _first(document: dict[str, Any], key: str) -> tuple[str | int, ...]:
    """The path of the first list item in *document* holding *key*."""
    for name, value in document.items():
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict) and key in item:
                    return (name, index, key)
    raise AssertionError(key)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("transfers", "destination"), "UK"),  # GB is the code; UK only reserved
        (("transfers", "destination"), "XX"),
        (("transfers", "destination"), "fi"),
        (("purposes", "key"), "Bad Key"),
        (("purposes", "key"), "-lead"),
        (("purposes", "key"), "ääkkönen"),
        (("data_categories", "key"), ""),
    ],
)
def test_both_refuse(where: tuple[str, str], value: object) -> None:
    document = _complete()
    path = _first({where[0]: document[where[0]]}, where[1])
    changed = _set(document, path, value)
    assert not _model_accepts(changed)
    assert not VALIDATOR.is_valid(changed)


@pytest.mark.parametrize("years", [-1, 100_001, 10**12])
def test_both_refuse_a_count_out_of_range(years: int) -> None:
    document = _complete()
    index = next(i for i, rule in enumerate(document["retention"]) if rule.get("period"))
    changed = copy.deepcopy(document)
    changed["retention"][index]["period"]["years"] = years
    assert not _model_accepts(changed)
    assert not VALIDATOR.is_valid(changed)


@pytest.mark.parametrize("blank", ["", "   ", "\t"])
def test_both_refuse_a_blank_plain_string(blank: str) -> None:
    document = _complete()
    changed = _set(document, ("controller", "name"), blank)
    assert not _model_accepts(changed)
    assert not VALIDATOR.is_valid(changed)


def test_country_list_is_defined_once() -> None:
    schema = json_schema()
    assert "GB" in schema["$defs"]["CountryCode"]["enum"]
    assert "UK" not in schema["$defs"]["CountryCode"]["enum"]
    assert '"enum"' not in str(schema["$defs"]["Transfer"]["properties"]["destination"])
