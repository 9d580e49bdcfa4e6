"""``rekisteri import``: an old rekisteriseloste (text or HTML) to a TOML draft and a report."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

import click

from rekisteri.cli._common import (
    _UNSAFE,
    Command,
    _written_in_place,
    echo,
    exit_zero_option,
    fail,
    format_option,
    locale_option,
    output_option,
    report_exit,
    safe_text,
    summary,
    write_output,
)
from rekisteri.identifiers import hetu

if TYPE_CHECKING:
    import re

    from rekisteri.importer import ImportResult

__all__ = ["COMMANDS", "import_command"]

#: The largest notice the command reads (a real one is well under 1 MiB; the
#: importer takes about 2.5 s per MiB).
MAX_NOTICE_BYTES: Final = 32 << 20
_HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})
_TEXT_SUFFIXES: Final = frozenset({".txt", ".text", ".md"})
_SHOWN: Final = 160
# Reports show anything shaped like a henkilötunnus masked (also inside a word): hetu.redact.


def _header(result: ImportResult, name: str) -> list[str]:
    unmatched = len(result.unmatched)
    shares = result.shares_shown
    shown = hetu.redact(name)  # a file name may hold an identity code; every message masks it
    return [
        f"Draft register imported by `rekisteri import` from {shown} ({result.encoding}).",
        "Check every value against the notice: nothing was added that the notice does",
        "not say, and '# importer unsure' marks what was read with less certainty.",
        f"Of the notice's text, {shares['in_field']} went to the field its section names,",
        f"{shares['description']} was kept in the description, {shares['elsewhere']} went",
        f"to other fields, {shares['unmapped']} was not mapped ({unmatched} passage(s),",
        "listed with their offsets in the report). Next: edit, then `rekisteri lint`.",
        *(
            [
                f"{len(result.by_model)} passage(s) were placed by the statistical reader, not",
                "by a rule: each is quoted in a '# importer unsure' comment on its field.",
            ]
            if result.by_model
            else []
        ),
        "",
    ]


def _report_text(result: ImportResult, name: str) -> str:
    from rekisteri.lint import report_text

    lines = [
        result.summary_line(name),
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
        "shares": {key: round(value, 4) for key, value in result.shares.items()},
        "summary": summary(result.findings),
        "findings": [
            {key: hetu.redact(value) for key, value in finding.as_dict().items()}
            for finding in result.findings
        ],
        "unmatched": [
            {"start": p.start, "end": p.end, "text": hetu.redact(p.text)} for p in result.unmatched
        ],
        "by_model": [{"start": m.start, "end": m.end, "field": m.field} for m in result.by_model],
        "remarked": [{"start": m.start, "end": m.end, "field": m.field} for m in result.remarked],
    }
    # Controls, bidi marks and the like as JSON escapes, so that the report is safe on a
    # terminal and stays valid JSON (echo() would write them as Python escapes).
    return _UNSAFE.sub(_json_escape, json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _check_targets(
    output: Path | None, report_path: Path | None, *, force: bool, inputs: list[str]
) -> None:
    """Refuse (exit 2) before anything is written: one file for both, or a target not writable.

    Every refusal of :func:`~rekisteri.cli._common.write_output` (an input
    file, a directory, a symbolic link, an existing file without --force)
    happens here for both targets, so a refused run writes nothing.
    """
    targets = [path for path in (output, report_path) if path is not None and str(path) != "-"]
    if len(targets) == 2 and _same_target(*targets):
        fail(f"-o and --report name the same file ({targets[0]}): give each its own")
    for target in targets:
        _written_in_place(target, force=force, inputs=inputs)


def _same_target(first: Path, second: Path) -> bool:
    """Whether two paths name one regular file (existing or to be made); devices may be shared."""
    try:
        a, b = first.stat(), second.stat()
    except OSError:
        return first.resolve() == second.resolve()
    same = (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)
    return same and stat.S_ISREG(a.st_mode)


def _read_notice(notice: str, name: str) -> bytes:
    """The bytes of *notice* (``-``: standard input), or exit 2 saying why not.

    At most :data:`MAX_NOTICE_BYTES` are read: an endless stream (``/dev/zero``)
    or a huge file that is no notice is refused, never read whole.
    """
    try:
        if notice == "-":
            data = sys.stdin.buffer.read(MAX_NOTICE_BYTES + 1)
        else:
            with Path(notice).open("rb") as handle:
                data = handle.read(MAX_NOTICE_BYTES + 1)
    except OSError as exc:
        fail(f"cannot read {name}: {exc.strerror}")
    if len(data) > MAX_NOTICE_BYTES:
        fail(f"{name}: over {MAX_NOTICE_BYTES:,} bytes, too large for a notice; not read")
    return data


@click.command(name="import", cls=Command)
@click.argument("notice", type=click.Path(dir_okay=False, allow_dash=True, path_type=str))
@output_option("Write the TOML draft to this file (default: standard output).")
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
@click.option(
    "--no-model",
    "no_model",
    is_flag=True,
    help=(
        "Read by the rules alone: no statistical model places passages the rules left "
        "unplaced (by default it may, each with an 'importer unsure' comment)."
    ),
)
@exit_zero_option()
def import_command(
    notice: str,
    *,
    output: Path | None,
    force: bool,
    report_path: Path | None,
    encoding: str | None,
    fmt: str,
    locale: str,
    html: bool | None,
    no_model: bool,
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

    # shown in the draft's header, the report and every message: codes masked, controls
    # and bidi marks escaped (a file name may hold either)
    name = "<stdin>" if notice == "-" else safe_text(notice)
    data = _read_notice(notice, name)
    if html is None and notice != "-":
        suffix = Path(notice).suffix.lower()
        html = True if suffix in _HTML_SUFFIXES else False if suffix in _TEXT_SUFFIXES else None
    try:
        result = import_bytes(
            data,
            encoding=encoding,
            source_name=name,
            html=html,
            locale=locale,
            model=not no_model,
        )
    except UnusableInputError as exc:
        fail(f"{name}: {exc}")
    draft = to_toml(result.draft, notes=result.notes, header=_header(result, name))
    report = _report_json(result, name, locale) if fmt == "json" else _report_text(result, name)
    to_stdout = output is None or str(output) == "-"
    inputs = [notice]  # "-": the file a shell redirected standard input from is never replaced
    _check_targets(None if to_stdout else output, report_path, force=force, inputs=inputs)
    report_file = report_path is not None and str(report_path) != "-"
    if report_file:
        # the report's file first: one that cannot be written leaves no draft behind
        assert report_path is not None
        write_output(report_path, report, force=force, inputs=inputs)
    if to_stdout:
        click.echo(draft, nl=False)
    else:
        assert output is not None
        write_output(output, draft, force=force, inputs=inputs)
    report_on_stderr = to_stdout and report_path is None
    if report_on_stderr and fmt == "json":
        summary(result.summary_line(name))  # the JSON report has no summary line of its own
    if report_file:
        pass  # written above, before the draft
    elif report_path is not None:
        write_output(report_path, report, force=force, inputs=inputs)
    elif report_on_stderr:
        echo(report.rstrip("\n"), err=True)
    else:
        echo(report.rstrip("\n"))  # controls escaped, as on stderr
    if not report_on_stderr:
        # the report is not on stderr: its first line there all the same
        summary(result.summary_line(name))
    sys.exit(report_exit(failed=result.has_errors, exit_zero=exit_zero))


COMMANDS: Final[tuple[click.Command, ...]] = (import_command,)
"""The commands of this module, for the ``rekisteri`` group."""
