"""``rekisteri lint`` and ``rekisteri jsonld``: check a register, export it as JSON-LD."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from rekisteri.cli import EXIT_INVALID, EXIT_OK, _fail, _load_register, _mask_hetus

__all__ = ["jsonld_command", "lint_command"]


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

    findings = run_lint(_load_register(register), locale=locale)
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

    text = dumps(_load_register(register)) + "\n"
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
