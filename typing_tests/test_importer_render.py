"""The importer and the renderer as the type checkers see them: checked, never run."""

from __future__ import annotations

from typing import assert_type

from rekisteri.importer import ImportResult, Passage, import_bytes, import_notice, to_toml
from rekisteri.lint import Finding
from rekisteri.model import Register
from rekisteri.render import render_notice, render_record


def importing(text: str, data: bytes) -> None:
    """import_notice() and import_bytes() give a typed result with a draft register."""
    result = import_notice(text, source_name="seloste.txt")
    assert_type(result, ImportResult)
    assert_type(result.draft, Register)
    assert_type(result.unmatched, tuple[Passage, ...])
    assert_type(result.findings, tuple[Finding, ...])
    assert_type(result.coverage, float)
    assert_type(import_bytes(data, encoding="cp1252"), ImportResult)
    assert_type(to_toml(result.draft), str)


def rendering(register: Register) -> None:
    """Notices and records are strings in every locale and format."""
    assert_type(render_notice(register, locale="sv", format="html"), str)
    assert_type(render_record(register, locale="en", format="text"), str)
    render_notice(register, format="pdf")  # type: ignore[arg-type]
