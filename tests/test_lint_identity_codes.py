"""R320: a henkilötunnus written in a text of the register (never quoted back)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisteri.identifiers import hetu
from rekisteri.lint import CODES, lint
from rekisteri.lint._rules import contains_identity_code
from rekisteri.model import (
    Controller,
    DataCategory,
    LegalBasis,
    LocalizedText,
    Purpose,
    Register,
)
from rekisteri.render import render_notice
from rekisteri.testing import make_hetu


def _code(seed: int) -> str:
    """A generated code with a temporary individual number (900-999): nobody's."""
    return make_hetu(date(1950, 1, 1) + timedelta(days=seed % 25_000), 900 + seed % 100)


def _spellings(code: str) -> list[str]:
    """The ways people write *code* that rekisteri's redact() masks."""
    birth, sign, rest = code[:6], code[6], code[7:]
    dash = "\u2013" if sign == "-" else sign
    return [
        code,
        code.lower(),
        f"{birth} {dash} {rest}",
        f"{birth}{dash}{rest.lower()}",
    ]


def _register(**texts: str) -> Register:
    name = texts.get("name", "Esimerkki Oy")
    description = texts.get("description", "Asiakkaiden tiedot.")
    return Register(
        controller=Controller(name=name),
        description=LocalizedText(fi=description, en="Customer data."),
        data_categories=(DataCategory(key="contact", name=LocalizedText(fi="Yhteystiedot")),),
        purposes=(
            Purpose(
                key="orders",
                name=LocalizedText(fi=texts.get("purpose", "Tilaukset")),
                legal_basis=LegalBasis.CONTRACT,
                data_categories=("contact",),
            ),
        ),
    )


def test_the_code_is_in_the_catalog_as_an_error() -> None:
    """R320 is an error citing Art 5(1)(c) and tietosuojalaki 29 §, in three languages."""
    info = CODES["R320"]
    assert info.severity.value == "error"
    assert info.gdpr == "Art 5(1)(c); tietosuojalaki 1050/2018 29 §"
    assert "henkilötunnus" in info.message.fi
    assert "personbeteckning" in (info.message.sv or "")
    assert "henkilötunnus" in (info.message.en or "")


@pytest.mark.parametrize(
    ("field", "path"),
    [
        ("name", "controller.name"),
        ("description", "description.fi"),
        ("purpose", "purposes[0].name.fi"),
    ],
)
@pytest.mark.parametrize("locale", ["fi", "sv", "en"])
def test_a_code_in_a_text_is_an_error_with_the_path_and_no_value(
    field: str, path: str, locale: str
) -> None:
    """Every spelling of a generated code is found; the finding names the field only."""
    code = _code(7)
    for spelling in _spellings(code):
        register = _register(**{field: f"Yhteyshenkilö {spelling} (vanha)"})
        findings = [f for f in lint(register, locale=locale) if f.code == "R320"]
        assert [f.path for f in findings] == [path], spelling
        for finding in findings:
            assert finding.severity.value == "error"
            assert code[7:] not in finding.message
            assert code[7:].lower() not in finding.message
            assert code[:6] not in finding.message


@pytest.mark.parametrize("locale", ["fi", "sv", "en"])
@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_outputs_mask_a_code_in_the_texts_and_lint_still_refuses_it(locale: str, fmt: str) -> None:
    """The notice, the record and JSON-LD mask the code (birth date kept); R320 reports it."""
    from rekisteri.jsonld import dumps
    from rekisteri.render import render_record

    code = _code(11)
    for spelling in _spellings(code):
        register = _register(name=f"Toiminimi {spelling}", description=f"Tunnus {spelling}.")
        outputs = [
            render_notice(register, locale=locale, format=fmt),  # type: ignore[arg-type]
            render_record(register, locale=locale, format=fmt),  # type: ignore[arg-type]
            dumps(register),
        ]
        for output in outputs:
            assert code[7:] not in output.upper(), (spelling, output)
            assert f"{spelling[:6]}" in output  # the birth date stays: the text still reads
        assert "R320" in {f.code for f in lint(register)}


def test_a_clean_register_and_lookalikes_draw_nothing() -> None:
    """Phone numbers, dates, Y-tunnus and numbers that fail the check are not codes."""
    register = _register(
        description="Puh. 0401234567, päivitetty 2026-11-25, viite 123456-7890, Y-tunnus 1234567-8."
    )
    assert "R320" not in {f.code for f in lint(register)}
    assert "R320" not in {f.code for f in lint(_register())}


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_generated_codes_are_recognised_and_their_broken_forms_are_not(seed: int) -> None:
    """A valid generated code is found; the same digits with another check character are not."""
    code = _code(seed)
    assert contains_identity_code(f"x {code} y")
    wrong = next(c for c in "0123456789ABCDEFHJKLMNPRSTUVWXY" if c != code[-1])
    assert not hetu.is_valid(code[:-1] + wrong, allow_temporary=True)
    assert not contains_identity_code(f"x {code[:-1] + wrong} y")
