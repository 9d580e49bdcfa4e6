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
    clipped,
    dump_json,
    echo,
    emit,
    exit_zero_option,
    fail,
    format_option,
    line_text,
    load_register,
    locale_option,
    output_option,
    print_text,
    problem_lines,
    read_register,
    report_exit,
    safe_json,
    safe_text,
)

__all__ = ["COMMANDS", "jsonld", "lint", "record", "render", "schema", "validate"]


def _register_argument() -> Decorator:
    """REGISTER: a .toml or .json file, or ``-`` for standard input."""
    return click.argument(
        "register", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path)
    )


@click.command(name="schema", cls=Command)
@output_option()
def schema(output: Path | None, *, force: bool) -> None:
    """Print the JSON Schema (2020-12) of register documents."""
    from rekisteri.serialize import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    emit(text, output, force=force, done=f"wrote the register schema to {output}", json=True)


@click.command(name="validate", cls=Command)
@_register_argument()
@format_option("text", "json", help_text="Output format.")
def validate(register: Path, fmt: str) -> None:
    """Check that REGISTER (.toml or .json; - for standard input) is a valid register document.

    Prints every problem with its path (the first 100, then a count) and
    exits 1 if there are any.
    """
    from rekisteri.errors import InvalidDocumentError
    from rekisteri.serialize import problem_count

    try:
        loaded = read_register(register)
    except InvalidDocumentError as exc:
        if fmt == "json":
            count, exact = problem_count(exc.problems)
            report = {"valid": False, "count": count, "exact": exact, "problems": exc.problems}
            echo(dump_json(report))
        else:
            echo("\n".join(problem_lines(register, exc)))
        sys.exit(EXIT_INVALID)
    except OSError as exc:
        fail(f"cannot read {register}: {exc.strerror or exc}")
    except UnicodeDecodeError:
        fail(f"{register}: not UTF-8 text")
    if fmt == "json":
        echo(dump_json({"valid": True, "count": 0, "exact": True, "problems": []}))
    else:
        name = loaded.name.fi if loaded.name is not None else loaded.controller.name
        shown_path = "<stdin>" if str(register) == "-" else str(register)
        count = len(loaded.purposes)
        line = f"{clipped(shown_path)}: valid register ({clipped(str(name))}; {count} purposes)"
        print_text(line_text(line) + "\n")
    sys.exit(EXIT_OK)


_DOCUMENT_FORMAT: Final = "Markdown, one self-contained HTML document, or plain text."
_DOCUMENT_LOCALE: Final = "Language: Finnish, Swedish or English."


def _missing(document: object) -> int:
    """How many required items a rendered document marks as missing ("[puuttuu]")."""
    from rekisteri.render._doc import Span, Style

    count = 0
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, Span):
            count += value.style is Style.MISSING
        elif isinstance(value, tuple | list):
            stack.extend(value)
    return count


def _missing_note(missing: int) -> str:
    if not missing:
        return ""
    return (
        f": {missing} required item(s) shown as missing ([puuttuu] / [saknas] / [missing]):"
        " 'rekisteri lint' says what to add"
    )


@click.command(name="render", cls=Command)
@_register_argument()
@locale_option(_DOCUMENT_LOCALE)
@format_option("md", "html", "text", help_text=_DOCUMENT_FORMAT)
@click.option(
    "--fragment",
    is_flag=True,
    help='With --format html: only the notice\'s <div class="rk-notice">, for a page of '
    "your own (its CSS: rekisteri.render.notice_css()).",
)
@output_option()
def render(
    *, register: Path, locale: str, fmt: str, fragment: bool, output: Path | None, force: bool
) -> None:
    """Write the privacy notice (Art 13/14) of REGISTER (.toml or .json).

    Texts without a translation are shown in Finnish, marked; required
    items that REGISTER lacks are shown as [puuttuu] / [saknas] / [missing].
    """
    from rekisteri._validate import parse_lang
    from rekisteri.render import render_notice
    from rekisteri.render._notice import build_notice

    if fragment and fmt != "html":
        fail("--fragment needs --format html")
    loaded = load_register(register)
    text = render_notice(loaded, locale=locale, format=fmt, fragment=fragment)  # type: ignore[arg-type] # click.Choice
    missing = _missing(build_notice(loaded, parse_lang(locale)))
    done = f"wrote the notice ({locale}, {fmt}) to {output}{_missing_note(missing)}"
    emit(text, output, force=force, inputs=[register], done=done, document=True)
    if missing and (output is None or str(output) == "-"):
        echo(f"rekisteri: warning: notice{_missing_note(missing)}", err=True)


@click.command(name="record", cls=Command)
@_register_argument()
@locale_option(_DOCUMENT_LOCALE)
@format_option("md", "html", "text", help_text=_DOCUMENT_FORMAT)
@output_option()
def record(*, register: Path, locale: str, fmt: str, output: Path | None, force: bool) -> None:
    """Write the record of processing activities (Art 30(1)) of REGISTER."""
    from rekisteri._validate import parse_lang
    from rekisteri.render import render_record
    from rekisteri.render._notice import build_record

    loaded = load_register(register)
    text = render_record(loaded, locale=locale, format=fmt)  # type: ignore[arg-type] # click.Choice
    missing = _missing(build_record(loaded, parse_lang(locale)))
    done = f"wrote the record ({locale}, {fmt}) to {output}{_missing_note(missing)}"
    emit(text, output, force=force, inputs=[register], done=done, document=True)
    if missing and (output is None or str(output) == "-"):
        echo(f"rekisteri: warning: record{_missing_note(missing)}", err=True)


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
    # On a stream that is not UTF-8: UTF-8 when redirected, stand-ins on a terminal (O25).
    print_text(safe_json(report) if fmt == "json" else safe_text(report), document=True)
    failed = any(finding.severity is Severity.ERROR for finding in findings)
    sys.exit(report_exit(failed=failed, exit_zero=exit_zero))


@click.command(name="jsonld", cls=Command)
@_register_argument()
@output_option()
def jsonld(register: Path, output: Path | None, *, force: bool) -> None:
    """Export REGISTER as JSON-LD with W3C DPV terms (inline @context)."""
    from rekisteri.jsonld import dumps

    text = dumps(load_register(register)) + "\n"
    done = f"wrote the JSON-LD export to {output}"
    emit(text, output, force=force, inputs=[register], done=done, json=True)


COMMANDS: Final[tuple[click.Command, ...]] = (schema, validate, render, record, lint, jsonld)
"""The commands of this module, for the ``rekisteri`` group."""
