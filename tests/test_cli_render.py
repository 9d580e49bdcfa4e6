"""Tests for ``rekisteri render`` and ``rekisteri record``."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rekisteri.cli import cli
from rekisteri.render import render_notice, render_record
from rekisteri.serialize import load_register

if TYPE_CHECKING:
    from click.testing import CliRunner, Result

EXAMPLES = Path(__file__).parent.parent / "examples"
DIGICENTER = EXAMPLES / "digicenter.toml"


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(cli, list(args), catch_exceptions=False)


class TestRender:
    def test_defaults_to_finnish_markdown(self, runner: CliRunner) -> None:
        """Without options the notice is Finnish Markdown on stdout, exit 0."""
        result = run(runner, "render", str(DIGICENTER))
        assert result.exit_code == 0
        assert result.stdout == render_notice(load_register(DIGICENTER))
        assert result.stdout.startswith("# Tietosuojaseloste\n")

    @pytest.mark.parametrize("locale", ["fi", "sv", "en"])
    def test_html_to_file(self, runner: CliRunner, tmp_path: Path, locale: str) -> None:
        """-o writes the HTML document (UTF-8) in the chosen language and prints nothing."""
        out = tmp_path / "notice.html"
        result = run(runner, "render", str(DIGICENTER), "-l", locale, "-f", "html", "-o", str(out))
        assert result.exit_code == 0
        assert result.stdout == ""
        root = ET.fromstring(out.read_text(encoding="utf-8"))  # noqa: S314 - our own output
        assert root.get("lang") == locale

    def test_text_format(self, runner: CliRunner) -> None:
        """--format text gives the plain-text notice."""
        result = run(runner, "render", str(DIGICENTER), "--locale", "sv", "--format", "text")
        assert result.exit_code == 0
        assert result.stdout.startswith("Dataskyddsbeskrivning\n=====")

    def test_missing_file(self, runner: CliRunner, tmp_path: Path) -> None:
        """A register file that does not exist is an error with exit code 2, no traceback."""
        result = run(runner, "render", str(tmp_path / "nope.toml"))
        assert result.exit_code == 2
        assert "cannot read" in result.stderr
        assert "Traceback" not in result.output

    def test_invalid_register(self, runner: CliRunner, tmp_path: Path) -> None:
        """An invalid register lists its problems on stderr and exits 2."""
        bad = tmp_path / "bad.toml"
        bad.write_text('name = "x"\n[controller]\nbusiness_id = "2077474-1"\n', encoding="utf-8")
        result = run(runner, "render", str(bad))
        assert result.exit_code == 2
        assert "problem(s)" in result.stderr
        assert "business_id" in result.stderr
        assert result.stdout == ""

    def test_not_toml(self, runner: CliRunner, tmp_path: Path) -> None:
        """A file with another suffix is refused clearly."""
        other = tmp_path / "register.yaml"
        other.write_text("x: 1\n", encoding="utf-8")
        result = run(runner, "render", str(other))
        assert result.exit_code == 2
        assert ".toml or .json" in result.stderr

    def test_unknown_locale(self, runner: CliRunner) -> None:
        """An unknown locale is a usage error (exit 2)."""
        result = run(runner, "render", str(DIGICENTER), "--locale", "de")
        assert result.exit_code == 2
        assert "Invalid value" in result.stderr

    def test_unwritable_output(self, runner: CliRunner, tmp_path: Path) -> None:
        """An output path that cannot be written is an error with exit code 2."""
        result = run(runner, "render", str(DIGICENTER), "-o", str(tmp_path / "no" / "x.md"))
        assert result.exit_code == 2
        assert "cannot write" in result.stderr


class TestRecord:
    def test_record(self, runner: CliRunner) -> None:
        """The record command writes the Art 30 record in the chosen language and format."""
        result = run(runner, "record", str(DIGICENTER), "-l", "en", "-f", "text")
        assert result.exit_code == 0
        register = load_register(DIGICENTER)
        assert result.stdout == render_record(register, locale="en", format="text")
        assert result.stdout.startswith("Record of processing activities\n")

    def test_record_missing_file(self, runner: CliRunner, tmp_path: Path) -> None:
        """The record command fails like render on a missing file."""
        result = run(runner, "record", str(tmp_path / "nope.json"))
        assert result.exit_code == 2
        assert "cannot read" in result.stderr
