"""The ``rekisteri`` command-line tool (a thin shell over the library).

Exit codes are the same for every command: 0 when everything checked is
valid, 1 when something is invalid, 2 for a usage or file error. Every error
is one ``rekisteri: error: …`` line on stderr. Identifiers are always shown
masked (``131052-****``): the tool never prints a full henkilötunnus, not
even a valid one.

Each command family lives in its own module, which imports only
:mod:`rekisteri.cli._common` and the library; this module builds the group:

- :mod:`~rekisteri.cli._ids`: ``hetu check``, ``ytunnus check``, ``check-ids``
- :mod:`~rekisteri.cli._register`: ``validate``, ``schema``, ``render``,
  ``record``, ``lint``, ``jsonld``
- :mod:`~rekisteri.cli._consent`: ``consent …``
- :mod:`~rekisteri.cli._requests`: ``requests …``
- :mod:`~rekisteri.cli._retention`: ``retention plan``
- :mod:`~rekisteri.cli._import`: ``import``
- :mod:`~rekisteri.cli._store`: ``store copy``
"""

from __future__ import annotations

import errno
import importlib
import io
import os
import signal
import sys
from contextlib import suppress
from typing import Final

import click

from rekisteri import DISTRIBUTION
from rekisteri.cli._common import Group, fail
from rekisteri.errors import RekisteriError

__all__ = ["cli", "main"]

#: Each command and the module that defines it (``COMMANDS`` there). A module is
#: imported only when one of its commands runs (or ``--help`` lists them all):
#: ``rekisteri check-ids`` does not pay for the ledgers, the importer or render.
COMMAND_MODULES: Final = {
    "hetu": "_ids",
    "ytunnus": "_ids",
    "check-ids": "_ids",
    "schema": "_register",
    "validate": "_register",
    "render": "_register",
    "record": "_register",
    "lint": "_register",
    "jsonld": "_register",
    "consent": "_consent",
    "requests": "_requests",
    "retention": "_retention",
    "import": "_import",
    "store": "_store",
}


class _LazyGroup(Group):
    """The top-level group: its commands are looked up in :data:`COMMAND_MODULES`."""

    def list_commands(self, ctx: click.Context) -> list[str]:  # noqa: ARG002 - click's signature
        """Every command's name, sorted as click sorts them."""
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:  # noqa: ARG002 - click's signature
        """The command *cmd_name*, importing its module; ``None`` for an unknown name."""
        module = COMMAND_MODULES.get(cmd_name)
        if module is None:
            return None
        commands: tuple[click.Command, ...] = importlib.import_module(
            f"rekisteri.cli.{module}"
        ).COMMANDS
        return next(command for command in commands if command.name == cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name=DISTRIBUTION)
def cli() -> None:
    """Work with Finnish personal-data registers.

    Identifiers are always printed masked. Exit codes: 0 all valid,
    1 something invalid, 2 usage or file error.
    """


class _ClosedStream(io.RawIOBase):
    """Stands in for a standard stream that the shell closed (``<&-``, ``>&-``).

    Python sets ``sys.stdin``/``sys.stdout`` to ``None`` then; click would
    drop all output silently (exit 0) and reading would crash. Every read or
    write here raises a clear ``OSError`` instead, which :func:`main` reports.
    """

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        self.discard = False  # set once the error has been reported

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readinto(self, buffer: object) -> int:  # noqa: ARG002 - nothing is read
        raise OSError(errno.EBADF, f"standard {self._name} is closed")

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override] # any buffer
        if self.discard:
            return memoryview(data).nbytes
        raise OSError(errno.EBADF, f"standard {self._name} is closed")


def _replace_closed_streams() -> None:
    if sys.stdin is None:
        sys.stdin = io.TextIOWrapper(io.BufferedReader(_ClosedStream("input")))
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_ClosedStream("output")))


def _discard_stdout() -> None:
    """Drop what could not be written, so that the flush at exit does not fail again."""
    raw = getattr(getattr(sys.stdout, "buffer", None), "raw", None)
    if isinstance(raw, _ClosedStream):
        raw.discard = True
        return
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):
        return
    with open(os.devnull, "wb") as sink:  # noqa: PTH123 - only its file descriptor is used
        os.dup2(sink.fileno(), fd)


#: The exit code of a run stopped by Ctrl-C (SIGINT): 128 + 2, the shells' convention.
EXIT_INTERRUPTED = 130


class _Interrupted(BaseException):
    """Raised by the SIGINT handler: not a ``KeyboardInterrupt``, which click turns into exit 1."""


def _on_interrupt(_signum: int, _frame: object) -> None:
    raise _Interrupted


def main() -> None:
    """Run the command-line tool (the ``rekisteri`` entry point).

    Ctrl-C (SIGINT) stops any command with one line on stderr and exit 130;
    ``finally`` clauses still run, so a file being written is left whole (its
    temporary file removed).
    """
    _replace_closed_streams()
    with suppress(ValueError):  # not in the main thread (tests that call main() directly)
        signal.signal(signal.SIGINT, _on_interrupt)
    try:
        cli(prog_name="rekisteri")
    except _Interrupted:
        click.echo("rekisteri: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except RekisteriError as exc:  # a library error that a command did not expect
        fail(str(exc))
    except OSError as exc:  # standard output on a full disk, a closed stream
        _discard_stdout()
        where = f"{exc.filename}: " if exc.filename else ""
        fail(f"{where}{exc.strerror or exc}")
