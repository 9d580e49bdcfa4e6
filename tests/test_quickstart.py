"""Tests of the README's quick start example (``examples/quickstart/``).

The quick start imports a fictional firm's old rekisteriseloste, lints the
draft and renders the completed register. These tests keep the two files
telling one story: the completed register is that firm's, and it is complete.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rekisteri.importer import import_bytes
from rekisteri.lint import Severity, lint
from rekisteri.render import render_notice
from rekisteri.serialize import load_register

QUICKSTART = Path(__file__).parent.parent / "examples" / "quickstart"
OLD_NOTICE = QUICKSTART / "vanha-rekisteriseloste.txt"
COMPLETED = QUICKSTART / "rekisteri.toml"
README = Path(__file__).parent.parent / "README.md"


def test_the_draft_is_the_same_firm_as_the_completed_register() -> None:
    """The importer's draft of the old notice names the controller of the completed register."""
    draft = import_bytes(OLD_NOTICE.read_bytes(), source_name=OLD_NOTICE.name).draft
    completed = load_register(COMPLETED)
    assert draft.controller.name == completed.controller.name
    assert draft.controller.business_id == completed.controller.business_id
    assert draft.controller.address == completed.controller.address


def test_the_draft_has_errors_the_completed_register_has_none() -> None:
    """The old notice's gaps are lint errors; the completed register has no error."""
    draft = import_bytes(OLD_NOTICE.read_bytes(), source_name=OLD_NOTICE.name).draft
    assert any(f.severity is Severity.ERROR for f in lint(draft))
    assert [f.code for f in lint(load_register(COMPLETED)) if f.severity is Severity.ERROR] == []


@pytest.mark.parametrize("locale", ["fi", "sv", "en"])
def test_the_completed_register_renders_without_gaps(locale: str) -> None:
    """Each language's notice has every item and no text borrowed from another language."""
    text = render_notice(load_register(COMPLETED), locale=locale, format="text")
    assert not re.search(r"\[(puuttuu|saknas|missing|på finska|in Finnish|suomeksi)", text)


def test_the_readme_runs_these_files() -> None:
    """The README's first command uses exactly these two files."""
    readme = README.read_text(encoding="utf-8")
    for path in (OLD_NOTICE, COMPLETED):
        assert f"examples/quickstart/{path.name}" in readme
