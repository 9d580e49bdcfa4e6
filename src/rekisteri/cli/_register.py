"""The commands that read one register document.

``validate`` and ``schema`` (the document format), ``render`` and ``record``
(the privacy notice and the Art 30 record), ``lint`` (what the register lacks)
and ``jsonld`` (an export with W3C DPV terms). A register file that cannot be
read or is not a valid register is a file error (exit 2, its problems listed
on stderr), except for ``validate``, whose verdict it is (exit 1).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Final

import click

from rekisteri.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    Command,
    Decorator,
    emit,
    exit_zero_option,
    fail,
    format_option,
    load_register,
    locale_option,
    output_option,
    report_exit,
)
from rekisteri.identifiers import hetu

__all__ = ["COMMANDS", "jsonld", "lint", "record", "render", "schema", "validate"]


def _register_argument() -> Decorator:
    return click.argument("register", type=click.Path(dir_okay=False, path_type=Path))


@click.command(name="schema", cls=Command)
@output_option()
def schema(output: Path | None, *, force: bool) -> None:
    """Print the JSON Schema (2020-12) of register documents."""
    from rekisteri.serialize import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    emit(text, output, force=force, done=f"wrote the register schema to {output}")


@click.command(name="validate", cls=Command)
@_register_argument()
@format_option("text", "json", help_text="Output format.")
def validate(register: Path, fmt: str) -> None:
    """Check that REGISTER (.toml or .json) is a valid register document.

    Prints every problem with its path and exits 1 if there are any.
    """
    from rekisteri.errors import InvalidDocumentError
    from rekisteri.serialize import load_register as load

    try:
        loaded = load(register)
    except InvalidDocumentError as exc:
        if fmt == "json":
            click.echo(
                json.dumps({"valid": False, "problems": list(exc.problems)}, ensure_ascii=False)
            )
        else:
            lines = [f"{register}: {len(exc.problems)} problem(s)"]
            lines += [f"  {problem}" for problem in exc.problems]
            click.echo(hetu.redact("\n".join(lines)))
        sys.exit(EXIT_INVALID)
    except OSError as exc:
        fail(f"cannot read {register}: {exc.strerror}")
    if fmt == "json":
        click.echo(json.dumps({"valid": True, "problems": []}))
    else:
        name = loaded.name.fi if loaded.name is not None else loaded.controller.name
        summary = f"{register}: valid register ({name}; {len(loaded.purposes)} purposes)"
        click.echo(hetu.redact(summary))
    sys.exit(EXIT_OK)


_DOCUMENT_FORMAT: Final = "Markdown, one self-contained HTML document, or plain text."
_DOCUMENT_LOCALE: Final = "Language: Finnish, Swedish or English."


@click.command(name="render", cls=Command)
@_register_argument()
@locale_option(_DOCUMENT_LOCALE)
@format_option("md", "html", "text", help_text=_DOCUMENT_FORMAT)
@output_option()
def render(*, register: Path, locale: str, fmt: str, output: Path | None, force: bool) -> None:
    """Write the privacy notice (Art 13/14) of REGISTER (.toml or .json).

    Texts without a translation are shown in Finnish, marked; required
    items that REGISTER lacks are shown as [puuttuu] / [saknas] / [missing].
    """
    from rekisteri.render import render_notice

    text = render_notice(load_register(register), locale=locale, format=fmt)  # type: ignore[arg-type] # click.Choice
    emit(
        text,
        output,
        force=force,
        inputs=[register],
        done=f"wrote the notice ({locale}, {fmt}) to {output}",
    )


@click.command(name="record", cls=Command)
@_register_argument()
@locale_option(_DOCUMENT_LOCALE)
@format_option("md", "html", "text", help_text=_DOCUMENT_FORMAT)
@output_option()
def record(*, register: Path, locale: str, fmt: str, output: Path | None, force: bool) -> None:
    """Write the record of processing activities (Art 30(1)) of REGISTER."""
    from rekisteri.render import render_record

    text = render_record(load_register(register), locale=locale, format=fmt)  # type: ignore[arg-type] # click.Choice
    emit(
        text,
        output,
        force=force,
        inputs=[register],
        done=f"wrote the record ({locale}, {fmt}) to {output}",
    )


@click.command(name="lint", cls=Command)
@_register_argument()
@format_option(
    "text",
    "json",
    help_text="text: one 'path: code severity message' line per finding; json: for CI jobs.",
)
@locale_option()
@exit_zero_option()
def lint(register: Path, fmt: str, locale: str, *, exit_zero: bool) -> None:
    """Report what REGISTER (.toml or .json) lacks and which references are outdated.

    Exit 1 if any finding is an error (0 with --exit-zero), 0 otherwise
    (warnings and info do not fail), 2 if REGISTER cannot be read.
    """
    from rekisteri.lint import Severity, report_json, report_text
    from rekisteri.lint import lint as run_lint

    findings = run_lint(load_register(register), locale=locale)
    # Findings quote the register's own texts (a purpose's name, an outdated
    # reference in context); a report that goes to CI logs masks any henkilötunnus.
    report = report_json(findings, locale=locale) if fmt == "json" else report_text(findings)
    click.echo(hetu.redact(report), nl=False)
    failed = any(finding.severity is Severity.ERROR for finding in findings)
    sys.exit(report_exit(failed=failed, exit_zero=exit_zero))


@click.command(name="jsonld", cls=Command)
@_register_argument()
@output_option()
def jsonld(register: Path, output: Path | None, *, force: bool) -> None:
    """Export REGISTER as JSON-LD with W3C DPV terms (inline @context)."""
    from rekisteri.jsonld import dumps

    text = dumps(load_register(register)) + "\n"
    emit(text, output, force=force, inputs=[register], done=f"wrote the JSON-LD export to {output}")


COMMANDS: Final[tuple[click.Command, ...]] = (schema, validate, render, record, lint, jsonld)
"""The commands of this module, for the ``rekisteri`` group."""
