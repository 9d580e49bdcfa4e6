"""``rekisteri render`` and ``rekisteri record``: a register as a notice or an Art 30 record.

Registered on the ``rekisteri`` group in :mod:`rekisteri.cli`. Exit codes as
for every command: 0 on success, 2 for a usage error or a register file that
cannot be read or is not a valid register (its problems are listed on stderr).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from rekisteri.cli import _fail, _load_register

if TYPE_CHECKING:
    from collections.abc import Callable


__all__ = ["record", "render"]

_LOCALES = ("fi", "sv", "en")
_FORMATS = ("md", "html", "text")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror}")


def _options(func: Callable[..., None]) -> Callable[..., None]:
    func = click.option(
        "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file."
    )(func)
    func = click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(_FORMATS),
        default="md",
        show_default=True,
        help="Markdown, one self-contained HTML document, or plain text.",
    )(func)
    func = click.option(
        "-l",
        "--locale",
        type=click.Choice(_LOCALES),
        default="fi",
        show_default=True,
        help="Language: Finnish, Swedish or English.",
    )(func)
    return click.argument("register", type=click.Path(dir_okay=False, path_type=Path))(func)


def _render(*, register: Path, locale: str, fmt: str, output: Path | None) -> None:
    """Write the privacy notice (Art 13/14) of REGISTER (.toml or .json).

    Texts without a translation are shown in Finnish, marked; required
    items that REGISTER lacks are shown as [puuttuu] / [saknas] / [missing].
    """
    from rekisteri.render import render_notice

    _emit(render_notice(_load_register(register), locale=locale, format=fmt), output)  # type: ignore[arg-type] # click.Choice


def _record(*, register: Path, locale: str, fmt: str, output: Path | None) -> None:
    """Write the record of processing activities (Art 30(1)) of REGISTER."""
    from rekisteri.render import render_record

    _emit(render_record(_load_register(register), locale=locale, format=fmt), output)  # type: ignore[arg-type] # click.Choice


# Annotated, so that type checkers know the commands' type without inferring
# it through the import cycle with rekisteri.cli (which registers them).
render: click.Command = click.command(name="render")(_options(_render))
record: click.Command = click.command(name="record")(_options(_record))
