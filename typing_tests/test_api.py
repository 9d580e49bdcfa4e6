"""The public API as the type checkers see it: checked by mypy --strict, never run.

Calls that would raise at run time (``loads(b"{}", Register)`` lacks a
controller) sit in functions that are never called.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, assert_type

import rekisteri
from rekisteri import Register, serialize
from rekisteri.errors import InvalidDocumentError, InvalidRegisterError, RekisteriError
from rekisteri.identifiers import hetu, ytunnus
from rekisteri.model import (
    Controller,
    Lang,
    LegalBasis,
    LocalizedText,
    Purpose,
    Right,
    Source,
)
from rekisteri.serialize import json_schema
from rekisteri.sources import CATALOG, YTJ


def _identifiers() -> None:
    assert_type(hetu.is_valid("131052-308T"), bool)
    assert_type(hetu.is_valid(None), bool)
    assert_type(hetu.parse("131052-308T").birth_date, date)
    assert_type(hetu.validate_many(["131052-308T", None]), list[bool])
    assert_type(hetu.validate("131052-308T"), str)
    assert_type(ytunnus.validate("0357502-9"), str)
    assert_type(ytunnus.is_valid(object()), bool)
    assert_type(ytunnus.validate_many(["0357502-9"]), list[bool])


def _serialize() -> None:
    assert_type(serialize.loads(b"{}", Register), Register)
    assert_type(serialize.loads("{}", Controller), Controller)
    assert_type(serialize.dumps(Register(controller=Controller(name="Oy"))), bytes)
    assert_type(serialize.dumps(YTJ, indent=True), bytes)
    assert_type(serialize.load_register("register.toml"), Register)
    assert_type(serialize.load_register(Path("register.json")), Register)
    assert_type(serialize.structure({"name": "Oy"}, Controller), Controller)
    assert_type(json_schema(), dict[str, Any])
    assert_type(json_schema(Source), dict[str, Any])


def _model() -> None:
    register = Register(
        controller=Controller(name="Esimerkki Oy", business_id="2077474-0"),
        purposes=(
            Purpose(
                key="billing", name=LocalizedText(fi="Laskutus"), legal_basis=LegalBasis.CONTRACT
            ),
        ),
    )
    assert_type(register, rekisteri.Register)
    assert_type(register.purposes, tuple[Purpose, ...])
    assert_type(register.rights, tuple[Right, ...])
    assert_type(register.controller.business_id, str | None)
    assert_type(register.updated, date | None)
    assert_type(register.problems(), list[str])
    assert_type(register.third_party_sources, tuple[Source, ...])
    assert_type(LocalizedText(fi="Nimi").resolve(Lang.SV), tuple[str, Lang])
    assert_type(LocalizedText(fi="Nimi").get("sv"), str | None)
    assert_type(LegalBasis.CONSENT.dpv, str)
    assert_type(Right.ACCESS.label, LocalizedText)
    assert_type(CATALOG["ytj"], Source)


def _errors() -> None:
    try:
        serialize.loads(b"[]", Register)
    except InvalidDocumentError as exc:
        assert_type(exc.problems, tuple[str, ...])
    try:
        Register(controller=Controller(name="Oy"), sources=(YTJ, YTJ))
    except InvalidRegisterError as exc:
        assert_type(exc, InvalidRegisterError)
        assert_type(isinstance(exc, RekisteriError), bool)
