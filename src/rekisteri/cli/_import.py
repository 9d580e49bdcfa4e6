"""``rekisteri import``: an old rekisteriseloste (text or HTML) to a TOML draft and a report."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

import click

from rekisteri.cli._common import (
    Command,
    exit_zero_option,
    fail,
    format_option,
    locale_option,
    report_exit,
)
from rekisteri.identifiers import hetu

if TYPE_CHECKING:
    from rekisteri.importer import ImportResult

__all__ = ["COMMANDS", "import_command"]

_HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})
_TEXT_SUFFIXES: Final = frozenset({".txt", ".text", ".md"})
_SHOWN: Final = 160
# Reports show anything shaped like a henkilötunnus masked (also inside a word): hetu.redact.


def _header(result: ImportResult, name: str) -> list[str]:
    unmatched = len(result.unmatched)
    return [
        f"Draft register imported by `rekisteri import` from {name} ({result.encoding}).",
        "Check every value against the notice: nothing was added that the notice does",
        "not say, and '# importer unsure' marks what was read with less certainty.",
        f"Mapped to fields: {result.coverage:.1%} of the notice's text. Not mapped:",
        f"{unmatched} passage(s), listed in the report. Next: edit, then `rekisteri lint`.",
        "",
    ]


def _report_text(result: ImportResult, name: str) -> str:
    from rekisteri.lint import report_text

    lines = [
        (
            f"{hetu.redact(name)}: {result.coverage:.1%} of the text mapped to fields, "
            f"{len(result.unmatched)} passage(s) not mapped"
        ),
        "",
        hetu.redact(report_text(result.findings).rstrip("\n")),
    ]
    if result.unmatched:
        lines += ["", "Not mapped to any field:"]
        for passage in result.unmatched:
            shown = " ".join(passage.text.split())
            if len(shown) > _SHOWN:
                shown = shown[: _SHOWN - 1] + "…"
            lines.append(f"  text[{passage.start}:{passage.end}]: {hetu.redact(shown)}")
    return "\n".join(lines) + "\n"


def _report_json(result: ImportResult, name: str, locale: str) -> str:
    from rekisteri.lint import summary

    document = {
        "source": hetu.redact(name),
        "encoding": result.encoding,
        "html": result.is_html,
        "locale": locale,
        "coverage": round(result.coverage, 4),
        "summary": summary(result.findings),
        "findings": [
            {key: hetu.redact(value) for key, value in finding.as_dict().items()}
            for finding in result.findings
        ],
        "unmatched": [
            {"start": p.start, "end": p.end, "text": hetu.redact(p.text)} for p in result.unmatched
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@click.command(name="import", cls=Command)
@click.argument("notice", type=click.Path(dir_okay=False, allow_dash=True, path_type=str))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the TOML draft to this file (default: standard output).",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file (default: printed, to stderr if the draft is on stdout).",
)
@click.option(
    "--encoding",
    default=None,
    help="Encoding of NOTICE (default: UTF-8, else guessed: Windows-1252 or Latin-1).",
)
@format_option("text", "json", help_text="Format of the report.")
@locale_option("Language of the report's messages.")
@click.option(
    "--html/--text",
    "html",
    default=None,
    help="Read NOTICE as HTML or as plain text (default: by its suffix, else by its content).",
)
@exit_zero_option()
def import_command(
    notice: str,
    *,
    output: Path | None,
    report_path: Path | None,
    encoding: str | None,
    fmt: str,
    locale: str,
    html: bool | None,
    exit_zero: bool,
) -> None:
    """Import an old rekisteriseloste NOTICE (.txt or .html) as a TOML draft register.

    The draft holds what could be recognised (nothing is made up), with
    comments where the importer was unsure. The report lists the findings
    (the importer's own I-codes, outdated references and the linter's report
    on the draft) and the passages that were not mapped to any field.

    Exit 1 if any finding is an error (0 with --exit-zero), 0 otherwise, 2 if
    NOTICE cannot be read or is not text (binary, empty, or not in the given
    encoding).
    """
    from rekisteri.importer import UnusableInputError, import_bytes, to_toml

    name = "<stdin>" if notice == "-" else notice
    try:
        data = sys.stdin.buffer.read() if notice == "-" else Path(notice).read_bytes()
    except OSError as exc:
        fail(f"cannot read {name}: {exc.strerror}")
    if html is None and notice != "-":
        suffix = Path(notice).suffix.lower()
        html = True if suffix in _HTML_SUFFIXES else False if suffix in _TEXT_SUFFIXES else None
    try:
        result = import_bytes(data, encoding=encoding, source_name=name, html=html, locale=locale)
    except UnusableInputError as exc:
        fail(f"{name}: {exc}")
    draft = to_toml(result.draft, notes=result.notes, header=_header(result, name))
    report = _report_json(result, name, locale) if fmt == "json" else _report_text(result, name)
    if output is not None:
        try:
            output.write_text(draft, encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror}")
    else:
        click.echo(draft, nl=False)
    if report_path is not None:
        try:
            report_path.write_text(report, encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {report_path}: {exc.strerror}")
    else:
        click.echo(report, nl=False, err=output is None)
    sys.exit(report_exit(failed=result.has_errors, exit_zero=exit_zero))


COMMANDS: Final[tuple[click.Command, ...]] = (import_command,)
"""The commands of this module, for the ``rekisteri`` group."""
