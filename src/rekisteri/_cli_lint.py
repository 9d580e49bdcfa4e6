"""``rekisteri lint`` and ``rekisteri jsonld``: check a register, export it as JSON-LD."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from rekisteri.cli import EXIT_ERROR, EXIT_INVALID, EXIT_OK, _fail, _mask_hetus

if TYPE_CHECKING:
    from rekisteri.model import Register

__all__ = ["jsonld_command", "lint_command"]


def _load(path: Path) -> Register:
    """Load a register as ``rekisteri validate`` does, or report why not and exit 2."""
    from rekisteri.errors import InvalidDocumentError
    from rekisteri.serialize import load_register

    try:
        return load_register(path)
    except InvalidDocumentError as exc:
        # Masked as _fail masks: the problems quote no values, but the path may.
        lines = [f"rekisteri: error: {path}: {len(exc.problems)} problem(s)"]
        lines += [f"  {problem}" for problem in exc.problems]
        click.echo(_mask_hetus("\n".join(lines)), err=True)
        sys.exit(EXIT_ERROR)
    except OSError as exc:
        _fail(f"cannot read {path}: {exc.strerror}")


@click.command(name="lint")
@click.argument("register", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one 'path: code severity message' line per finding; json: for CI jobs.",
)
@click.option(
    "--locale",
    type=click.Choice(["fi", "sv", "en"]),
    default="fi",
    show_default=True,
    help="Language of the messages.",
)
def _lint(register: Path, fmt: str, locale: str) -> None:
    """Report what REGISTER (.toml or .json) lacks and which references are outdated.

    Exit 1 if any finding is an error, 0 otherwise (warnings and info do not
    fail), 2 if REGISTER cannot be read.
    """
    from rekisteri.lint import Severity, report_json, report_text
    from rekisteri.lint import lint as run_lint

    findings = run_lint(_load(register), locale=locale)
    # Findings quote the register's own texts (a purpose's name, an outdated
    # reference in context); a report that goes to CI logs masks any henkilötunnus.
    report = report_json(findings, locale=locale) if fmt == "json" else report_text(findings)
    click.echo(_mask_hetus(report), nl=False)
    failed = any(finding.severity is Severity.ERROR for finding in findings)
    sys.exit(EXIT_INVALID if failed else EXIT_OK)


@click.command(name="jsonld")
@click.argument("register", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file."
)
def _jsonld(register: Path, output: Path | None) -> None:
    """Export REGISTER as JSON-LD with W3C DPV terms (inline @context)."""
    from rekisteri.jsonld import dumps

    text = dumps(_load(register)) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror}")


# Declared types: cli.py imports these inside an import cycle, where mypy
# cannot infer the type of a decorated function.
lint_command: click.Command = _lint
jsonld_command: click.Command = _jsonld
