"""Malformed markup declarations in an HTML notice: read as text, never a traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from rekisteri.cli import cli
from rekisteri.importer import import_notice

if TYPE_CHECKING:
    from pathlib import Path

# The standard library's parser raises AssertionError on '<![' not followed by a name.
UNCLOSED = ["<![\n", "a<![ b", "<p>x</p><![", "<p>x</p><![ <p>y</p>"]


@pytest.mark.parametrize("markup", UNCLOSED)
def test_an_unclosed_odd_declaration_is_kept_as_text(markup: str) -> None:
    result = import_notice(markup, html=True)
    assert "<![" in result.text


@pytest.mark.parametrize("markup", ["<![ x><p>Teksti</p>", "<!DOCTYPE html><![ ]><p>Teksti</p>"])
def test_a_closed_odd_declaration_is_left_out_like_a_comment(markup: str) -> None:
    result = import_notice(markup, html=True)
    assert "<!" not in result.text
    assert "Teksti" in result.text


def test_the_text_after_an_odd_declaration_is_kept() -> None:
    markup = "<h2>Rekisterinpitäjä</h2><![ x ]><p>Koe Oy, Koetie 1, 00100 Helsinki</p>"
    result = import_notice(markup, html=True)
    assert result.draft.controller.name == "Koe Oy"


def test_well_formed_declarations_are_read_as_before() -> None:
    markup = "<!DOCTYPE html><!-- note --><p>Teksti</p><![CDATA[x]]>"
    result = import_notice(markup, html=True)
    assert "note" not in result.text
    assert "Teksti" in result.text


def test_the_cli_gives_a_draft_not_a_traceback(tmp_path: Path) -> None:
    notice = tmp_path / "n.html"
    notice.write_text("<html><h2>Rekisterinpitäjä</h2><![ b ]><p>Koe Oy</p></html>", "utf-8")
    run = CliRunner().invoke(cli, ["import", str(notice), "-o", str(tmp_path / "d.toml")])
    assert run.exit_code in {0, 1}, run.output
    assert "Traceback" not in run.output
    assert (tmp_path / "d.toml").read_text("utf-8").count("Koe Oy") >= 1
