"""Tests of ``rekisteri lint`` and ``rekisteri jsonld``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest

from rekisteri.cli import cli
from rekisteri.serialize import dumps
from rekisteri.testing import a_register

if TYPE_CHECKING:
    from click.testing import CliRunner, Result

    from rekisteri.model import Register

EXAMPLES = Path(__file__).parent.parent / "examples"


def run(runner: CliRunner, *args: str | Path) -> Result:
    return runner.invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def write(path: Path, register: Register) -> Path:
    path.write_bytes(dumps(register))
    return path


class TestLint:
    def test_example_text(self, runner: CliRunner) -> None:
        """The text report of an example is the committed one, and errors exit 1."""
        result = run(runner, "lint", EXAMPLES / "kotisivutaivas.toml")
        assert result.exit_code == 1
        expected = (EXAMPLES / "lint" / "kotisivutaivas.txt").read_text(encoding="utf-8")
        assert result.stdout == expected
        assert "security[1].description.fi: R311 warning" in result.stdout

    def test_example_json(self, runner: CliRunner) -> None:
        """The JSON report lists each finding with code, severity, path and message."""
        result = run(runner, "lint", EXAMPLES / "digicenter.toml", "--format", "json")
        assert result.exit_code == 1
        document = json.loads(result.stdout)
        assert document["locale"] == "fi"
        assert document["summary"]["error"] == sum(
            finding["severity"] == "error" for finding in document["findings"]
        )
        assert {"code": "R105", "severity": "error", "path": "purposes[0].legal_basis"} in [
            {key: finding[key] for key in ("code", "severity", "path")}
            for finding in document["findings"]
        ]

    @pytest.mark.parametrize("fmt", ["text", "json"])
    def test_exit_zero(self, runner: CliRunner, fmt: str) -> None:
        """--exit-zero exits 0 with the same report of errors; an unreadable file is still 2."""
        example = EXAMPLES / "digicenter.toml"
        plain = run(runner, "lint", example, "--format", fmt)
        zero = run(runner, "lint", example, "--format", fmt, "--exit-zero")
        assert (plain.exit_code, zero.exit_code) == (1, 0)
        assert zero.stdout == plain.stdout
        assert "R105" in zero.stdout
        assert run(runner, "lint", EXAMPLES / "missing.toml", "--exit-zero").exit_code == 2

    def test_clean_register_exits_0(self, runner: CliRunner, tmp_path: Path) -> None:
        """A register without findings exits 0 and says so."""
        result = run(runner, "lint", write(tmp_path / "r.json", a_register()))
        assert result.exit_code == 0
        assert result.stdout == "0 findings: 0 errors, 0 warnings, 0 info\n"

    def test_warnings_do_not_fail(self, runner: CliRunner, tmp_path: Path) -> None:
        """Warnings alone exit 0."""
        register = attrs.evolve(a_register(), updated=None)
        result = run(runner, "lint", write(tmp_path / "r.json", register), "--format", "json")
        assert result.exit_code == 0
        assert json.loads(result.stdout)["summary"] == {"error": 0, "warning": 1, "info": 0}

    @pytest.mark.parametrize(
        ("locale", "words"),
        [
            ("fi", "Rekisterinpitäjän nimi puuttuu"),
            ("sv", "Den personuppgiftsansvariges namn saknas"),
            ("en", "The controller's name is missing"),
        ],
    )
    def test_locale(self, runner: CliRunner, locale: str, words: str) -> None:
        """--locale chooses the language of the messages."""
        result = run(runner, "lint", EXAMPLES / "asiakasrekisteri-malli.toml", "--locale", locale)
        assert result.exit_code == 1
        assert f"controller.name: R101 error {words}" in result.stdout

    def test_unknown_locale(self, runner: CliRunner) -> None:
        """An unknown locale is a usage error (exit 2)."""
        result = run(runner, "lint", EXAMPLES / "digicenter.toml", "--locale", "de")
        assert result.exit_code == 2
        assert result.stdout == ""

    def test_missing_file(self, runner: CliRunner, tmp_path: Path) -> None:
        """A file that cannot be read exits 2 with a message, not a traceback."""
        result = run(runner, "lint", tmp_path / "none.toml")
        assert result.exit_code == 2
        assert "cannot read" in result.stderr
        assert "Traceback" not in result.stderr

    def test_invalid_document(self, runner: CliRunner, tmp_path: Path) -> None:
        """A document that is not a register exits 2 and lists its problems."""
        path = tmp_path / "bad.toml"
        path.write_text('name = "x"\n[[purposes]]\nkey = "A B"\n', encoding="utf-8")
        result = run(runner, "lint", path)
        assert result.exit_code == 2
        assert "problem(s)" in result.stderr
        assert result.stdout == ""


class TestJsonld:
    def test_stdout(self, runner: CliRunner) -> None:
        """The JSON-LD goes to stdout with its inline context."""
        result = run(runner, "jsonld", EXAMPLES / "digicenter.toml")
        assert result.exit_code == 0
        document = json.loads(result.stdout)
        assert isinstance(document["@context"], dict)
        assert document["hasDataController"]["hasName"] == "DigiCenter Oy"

    def test_output_file(self, runner: CliRunner, tmp_path: Path) -> None:
        """-o writes the document to a file and prints nothing."""
        output = tmp_path / "out.jsonld"
        result = run(runner, "jsonld", EXAMPLES / "kotisivutaivas.toml", "-o", output)
        assert result.exit_code == 0
        assert result.stdout == ""
        assert json.loads(output.read_text(encoding="utf-8"))["@type"] == "dpv:PersonalDataProcess"

    def test_unwritable_output(self, runner: CliRunner, tmp_path: Path) -> None:
        """An output that cannot be written exits 2."""
        output = tmp_path / "no" / "such" / "dir.jsonld"
        result = run(runner, "jsonld", EXAMPLES / "kotisivutaivas.toml", "-o", output)
        assert result.exit_code == 2
        assert "cannot write" in result.stderr

    def test_missing_file(self, runner: CliRunner, tmp_path: Path) -> None:
        """A register that cannot be read exits 2."""
        result = run(runner, "jsonld", tmp_path / "none.toml")
        assert result.exit_code == 2


def test_commands_are_listed(runner: CliRunner) -> None:
    """The help of the tool lists lint and jsonld."""
    result = run(runner, "--help")
    assert result.exit_code == 0
    assert " lint " in result.stdout
    assert " jsonld " in result.stdout
