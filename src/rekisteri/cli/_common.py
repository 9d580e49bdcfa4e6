"""What every command of the ``rekisteri`` tool shares.

Exit codes, the one-line error style, masking, loading a register, opening
the SQLite store, aware date-times and the options that several commands
take. Command modules import from here and from the library only, never from
:mod:`rekisteri.cli` itself, so each of them imports on its own.
"""

from __future__ import annotations

import codecs
import os
import re
import secrets
import stat
import sys
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn, TypeAlias

import click

from rekisteri._redact import redact_dotted, undotted
from rekisteri._validate import no_surrogates
from rekisteri.errors import (
    InvalidDocumentError,
    InvalidValueError,
    RekisteriError,
    SecretRequiredError,
    StoreFileError,
)
from rekisteri.identifiers import hetu
from rekisteri.identifiers._common import mask

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from datetime import datetime

    from rekisteri.model import Purpose, Register
    from rekisteri.store.postgres import PostgresStore
    from rekisteri.store.sqlite import SQLiteStore

__all__ = [
    "EXIT_ERROR",
    "EXIT_INVALID",
    "EXIT_OK",
    "SCHEMA_VARIABLE",
    "SECRET_VARIABLE",
    "CalendarDay",
    "Command",
    "DbTarget",
    "Decorator",
    "Group",
    "at_option",
    "aware_datetime",
    "clipped",
    "db_option",
    "display_db",
    "driver_errors",
    "dump_json",
    "echo",
    "emit",
    "exit_zero_option",
    "fail",
    "fail_error",
    "fail_line",
    "force_option",
    "format_option",
    "load_register",
    "locale_option",
    "one_line",
    "open_store",
    "output_option",
    "pg_schema",
    "problem_lines",
    "quoted",
    "read_register",
    "report_exit",
    "safe_json",
    "safe_text",
    "shown",
    "summary",
    "today_option",
    "verification_json",
    "write_output",
    "write_private",
]

EXIT_OK: Final = 0
"""Everything checked is valid."""
EXIT_INVALID: Final = 1
"""Something checked is invalid (or a finding is an error)."""
EXIT_ERROR: Final = 2
"""A usage or file error: the command could not do its job."""

#: The environment variable that holds the store's secret (at least 32 bytes),
#: which every store needs. Never a command-line option: it would land in the
#: shell history.
SECRET_VARIABLE: Final = "REKISTERI_SECRET"  # noqa: S105 - a name, not a secret

Decorator: TypeAlias = "Callable[[Callable[..., None]], Callable[..., None]]"
"""What ``click.option(...)`` returns: a decorator of a command function."""


# --- errors and output ---------------------------------------------------------------


#: What a terminal must never receive raw: C0 controls except tab and newline,
#: DEL, C1 controls (U+0080-U+009F, among them the one-character CSI U+009B) and
#: the bidirectional formatting characters (embeddings, overrides, isolates,
#: marks) that can make a line read differently from what it holds.
#: Also every other invisible format character (Unicode categories Cf, Zl and
#: Zp: zero-width spaces and joiners, the line and paragraph separators U+2028
#: and U+2029, soft hyphens, tag characters), which hide in a file name or a
#: message; ``tests/test_cli_output.py`` checks the list against :mod:`unicodedata`.
_UNSAFE: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


#: What a document (a notice or a record written by ``render`` or ``record``)
#: that does not go to a terminal must not hold raw: the controls and the bidi
#: embeddings, overrides and isolates. The invisible format characters that
#: belong to text (a soft hyphen, zero-width spaces and joiners, tags) are kept:
#: ``Tietosuoja\u00adseloste`` is published as written (A13's O12). The model
#: refuses all of these already; this is a second line of defence.
_UNSAFE_IN_DOCUMENT: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

#: Stand-ins for the typographic characters of the fixed texts on a terminal
#: whose encoding lacks them (Latin-1, ISO-8859-15): anything else such a
#: terminal cannot show is printed as a backslash escape.
_STAND_INS: Final = {
    "\u2013": "-",
    "\u2014": "--",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2022": "*",
    "\u2026": "...",
    "\u2192": "->",
    "\u2212": "-",
    "\u202f": " ",
    "\u2009": " ",
}


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    piece = error.object[error.start : error.end]
    shown = "".join(
        _STAND_INS.get(char) or char.encode("ascii", "backslashreplace").decode("ascii")
        for char in piece
    )
    return shown, error.end


codecs.register_error("rekisteri-stand-in", _stand_in)


def _is_utf(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (OSError, ValueError):
        return False


def print_text(text: str, *, err: bool = False, document: bool = False) -> None:
    r"""Print *text* on standard output (or error), whatever its encoding can hold.

    A UTF-8 stream gets *text* as it is. Otherwise (a Latin-1 or ISO-8859-15
    locale, ``PYTHONIOENCODING=latin-1``) a *document* (a notice, a record, a
    JSON document, a lint report) that goes to a file or a pipe is written in
    UTF-8, byte for byte what ``-o FILE`` writes; a terminal gets *text* in
    its own encoding, with a stand-in for what it cannot show (``-`` for an en
    dash, ``"`` for a curly quote, ``\u2713`` for the rest). Never a
    ``UnicodeEncodeError`` (A13's O25).
    """
    stream = sys.stderr if err else sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    if _is_utf(encoding):
        click.echo(text, err=err, nl=False)
        return
    if document and not _is_terminal(stream):
        click.echo(text.encode("utf-8", "backslashreplace"), err=err, nl=False)
        return
    try:
        click.echo(text.encode(encoding, "rekisteri-stand-in"), err=err, nl=False)
    except LookupError:  # an encoding Python does not know: ASCII is safe anywhere
        click.echo(text.encode("ascii", "rekisteri-stand-in"), err=err, nl=False)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _json_escaped(match: re.Match[str]) -> str:
    """A u-escape for JSON; beyond the Basic Multilingual Plane as a surrogate pair."""
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def safe_text(text: str) -> str:
    r"""*text* safe to print: any henkilötunnus masked, control characters escaped.

    Escape sequences (ESC, CSI), other C0 and C1 controls and bidi overrides
    are shown as ``\\x1b``, ``\\x9b``, ``\\u202e``: a file or a message can
    then neither set a terminal's title, clear the screen, nor reverse the
    text around it. Newlines and tabs stay.

    Examples:
        >>> print(safe_text("Esimerkki\x1b]0;pwned\x07 Oy, 131052-308T"))
        Esimerkki\x1b]0;pwned\x07 Oy, 131052-****
        >>> print(safe_text("abc\u202edef"))
        abc\u202edef
    """
    return _UNSAFE.sub(_escaped, hetu.redact(text))


#: How many characters of a user's text (a name, a cell) a message quotes.
QUOTE_LIMIT: Final = 80
#: How long an error line may be at most (a message quoting a huge value stays bounded).
MESSAGE_LIMIT: Final = 2000


def clipped(text: str, limit: int = QUOTE_LIMIT) -> str:
    """*text* cut to *limit* characters, with "…" in place of the rest.

    A message or a confirmation that shows a name from a file stays one short
    line, however long the name is (a 10 MB name prints 80 characters).

    Examples:
        >>> clipped("Esimerkki Oy")
        'Esimerkki Oy'
        >>> clipped("a" * 100, 10)
        'aaaaaaaaaa…'
        >>> clipped("asiakas 131052-308T" + "." * 100, 17)
        'asiakas 131052-**…'
    """
    if len(text) <= limit:
        return text
    # Masked before the cut, which could otherwise leave half a henkilötunnus unmasked.
    return hetu.redact(text)[:limit] + "…"


def quoted(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``repr()`` of *text* cut to *limit* characters (see :func:`clipped`) for a message."""
    return repr(clipped(text, limit))


def line_text(text: str) -> str:
    r"""Like :func:`safe_text`, with line feeds and tabs escaped too: one line.

    For what must stay one line (an error, a summary): a file name with a
    line feed in it cannot add a forged line (A13's O20).

    Examples:
        >>> print(line_text("cannot read nope\nfake.toml"))
        cannot read nope\nfake.toml
    """
    return safe_text(text).replace("\n", "\\n").replace("\t", "\\t")


def fail(message: str) -> NoReturn:
    """Print ``rekisteri: error: MESSAGE`` on stderr (never a traceback) and exit 2.

    Anything shaped like a henkilötunnus is masked and control characters are
    escaped (:func:`safe_text`): a message may quote a value from a file or a
    library error (an unknown key, a header cell). A message longer than
    :data:`MESSAGE_LIMIT` characters is cut there, with "…".
    """
    print_text(f"rekisteri: error: {line_text(clipped(message, MESSAGE_LIMIT))}\n", err=True)
    sys.exit(EXIT_ERROR)


def one_line(message: str) -> str:
    """Fold a (possibly multi-line) message onto one line."""
    return " ".join(message.split())


def fail_line(message: str) -> NoReturn:
    """Like :func:`fail`, with *message* folded onto one line first."""
    fail(one_line(message))


def echo(line: str, *, err: bool = False, nl: bool = True) -> None:
    """Print *line* through :func:`safe_text`: henkilötunnus masked, controls escaped.

    On a stream that is not UTF-8, as :func:`print_text` does.
    """
    print_text(safe_text(line) + ("\n" if nl else ""), err=err)


def summary(line: str) -> None:
    """The one-line summary on stderr of a command whose output went to a file."""
    print_text(line_text(line) + "\n", err=True)


# --- output files ---------------------------------------------------------------------


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def refuse_sidecars(output: Path, inputs: Iterable[Path | str]) -> None:
    """Exit 2 when *output* names a file SQLite keeps beside one of *inputs*."""
    from rekisteri.store._sqlite_db import SIDECARS

    written = Path(output).resolve()
    for source in inputs:
        if str(source) == "-" or "://" in str(source):
            continue
        # SQLite keeps the files beside the database's real file: a store named
        # through a symbolic link has them beside the link's target.
        bases = {str(source), str(Path(source).resolve())}
        for suffix, base in ((suffix, base) for suffix in SIDECARS for base in bases):
            if written == Path(f"{base}{suffix}").resolve():
                fail(
                    f"cannot write {output}: SQLite keeps the database's {suffix[1:]} file"
                    " there; choose another file"
                )
    # Another database's file beside it (two stores in one directory): the same loss.
    sidecar = _sidecar_of(written)
    if sidecar is not None:
        fail(
            f"cannot write {output}: SQLite keeps the {sidecar} file of the database"
            f" {written.name.removesuffix('-' + sidecar)} there; choose another file"
        )


def _sidecar_of(path: Path) -> str | None:
    """``"wal"``, ``"shm"`` or ``"journal"`` when *path* is that file of a SQLite database."""
    from rekisteri.store._sqlite_db import SIDECARS

    name = str(path.resolve())
    for suffix in SIDECARS:
        if name.endswith(suffix) and _is_sqlite(Path(name.removesuffix(suffix))):
            return suffix[1:]
    return None


def _is_sqlite(path: Path) -> bool:
    """Whether *path* is a SQLite database file (by its first 16 bytes)."""
    try:
        with path.open("rb") as file:
            return file.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _written_in_place(output: Path, *, force: bool, inputs: Iterable[Path | str]) -> bool:
    """Check that *output* may be written; whether it is a device or pipe (written as is).

    Exits 2 for a symbolic link (except to a device or a pipe, as
    ``/dev/stdout`` is), a directory, an input file of the command, or an
    existing file without *force*; also a SQLite input's ``-wal``, ``-shm`` or
    ``-journal`` file, whether it exists yet or not (writing over a store's
    write-ahead log loses what it holds).
    """
    refuse_sidecars(output, inputs)
    try:
        status = os.lstat(output)
    except FileNotFoundError:
        return False
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror}")
    if stat.S_ISLNK(status.st_mode):
        try:
            target = output.stat()
        except OSError:
            target = status
        # /dev/stdout and /dev/fd/N are links to the descriptor: write to it as it is.
        if not str(output).startswith("/dev/") or stat.S_ISDIR(target.st_mode):
            fail(
                f"cannot write {output}: it is a symbolic link, which is not followed;"
                " give the path of the file itself"
            )
        status = target
    if stat.S_ISDIR(status.st_mode):
        fail(f"cannot write {output}: it is a directory")
    for source in inputs:
        with suppress(OSError):
            # "-" is standard input, which a shell may have redirected from *output*.
            read = os.fstat(0) if str(source) == "-" else Path(source).stat()
            if stat.S_ISREG(status.st_mode) and _same_file(read, status):
                shown_source = "standard input" if str(source) == "-" else source
                fail(
                    f"cannot write {output}: it is also the input ({shown_source});"
                    " choose another file"
                )
    if not stat.S_ISREG(status.st_mode) or str(output).startswith("/dev/"):
        return True  # a device, a pipe, /dev/stdout redirected to a file
    if not force:
        fail(f"cannot write {output}: the file exists; use --force to replace it")
    return False


def write_output(
    output: Path,
    data: bytes | str,
    *,
    force: bool,
    inputs: Iterable[Path | str] = (),
    private: bool = False,
) -> None:
    """Write *data* (``str`` as UTF-8) to the file *output* safely, or exit 2 saying why not.

    - *inputs* (the files the command read; ``-`` for standard input, whatever
      file a shell redirected it from) are never
      written over, not even with *force*: the same file is recognised by its
      device and inode, through hard and symbolic links.
    - A symbolic link at *output* is not followed (refused), except under
      ``/dev/`` (``-o /dev/stdout``); devices and pipes are written as they are.
    - An existing file is replaced only with *force* (``--force``).
    - The data goes to a temporary file in the same directory, is flushed to
      disk, and then takes *output*'s place in one step: an interrupted run
      leaves the old file whole, and never a half-written one.
    - A replaced file keeps its permission bits (``--force`` never makes a
      private file readable by others); a new file gets the usual mode (0666
      less the umask), and *private* files (personal data) 0600 at most.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    inputs = tuple(inputs)
    if _written_in_place(output, force=force, inputs=inputs):
        try:
            fd = os.open(output, os.O_WRONLY | os.O_APPEND)
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror or exc}")
        return
    directory = output.parent
    temporary = directory / f".{output.name}.{secrets.token_hex(6)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(temporary, flags, 0o600 if private else 0o666)
        try:
            with os.fdopen(fd, "wb") as handle:
                _keep_mode(handle.fileno(), output, private=private)
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            _put_in_place(temporary, output, force=force)
        finally:
            with suppress(OSError):
                temporary.unlink()
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    with suppress(OSError):  # the rename itself on disk (best effort; not on every system)
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _keep_mode(fd: int, output: Path, *, private: bool) -> None:
    """Give the new file (open as *fd*) the permission bits of the file it replaces.

    A replaced file keeps its mode (a 0600 file stays private, a 0640 one
    keeps its group); a new file has the mode it was created with. A private
    output is never made wider than 0600.
    """
    try:
        old = os.lstat(output)
    except OSError:
        return  # a new file
    if not stat.S_ISREG(old.st_mode):
        return
    mode = stat.S_IMODE(old.st_mode) & 0o777
    if private:
        mode &= 0o600
    os.fchmod(fd, mode)


def _put_in_place(temporary: Path, output: Path, *, force: bool) -> None:
    """Move *temporary* to *output*; without *force*, never over a file made meanwhile."""
    if force:
        temporary.replace(output)
        return
    try:
        os.link(temporary, output)  # fails if *output* appeared since the check
    except FileExistsError:
        fail(f"cannot write {output}: the file exists; use --force to replace it")
    except OSError:  # no hard links here (some network or FAT file systems)
        if os.path.lexists(output):
            fail(f"cannot write {output}: the file exists; use --force to replace it")
        temporary.replace(output)


def write_private(
    path: Path, data: bytes, *, force: bool, inputs: Iterable[Path | str] = ()
) -> None:
    """Write *data* (personal data: an export, say) to *path*, readable by its owner only.

    :func:`write_output` with ``private=True``: a new file is created with
    mode 0600 whatever the umask. A device or a pipe (``-o /dev/stdout``) is
    written to as it is.
    """
    write_output(path, data, force=force, inputs=inputs, private=True)


def shown(subject: str) -> str:
    """The subject for display, masked if it may be a henkilötunnus (six digits in a row)."""
    if any(len(run) >= 6 for run in "".join(c if c.isdigit() else " " for c in subject).split()):
        return mask(subject)
    if undotted(subject) is not None:  # a birth date with separators: 14.03.05B937Y
        return redact_dotted(subject)
    return subject if subject.isprintable() else mask(subject)


def fail_error(exc: BaseException, subject: str | None = None) -> NoReturn:
    """Report a library error on one line, with *subject* masked, and exit 2."""
    if isinstance(exc, SecretRequiredError):
        fail(f"subject: a henkilötunnus needs a secret: set {SECRET_VARIABLE}")
    message = one_line(str(exc))
    if subject:
        message = message.replace(subject, shown(subject))
    fail(message)


def emit(
    text: str,
    output: Path | None,
    *,
    force: bool,
    inputs: Iterable[Path | str] = (),
    private: bool = False,
    done: str | None = None,
    json: bool = False,
    document: bool = False,
) -> None:
    """Print *text*, or write it to *output* (UTF-8, LF line ends) with :func:`write_output`.

    Either way, control characters (ESC, C1, bidi overrides) are escaped
    (as u-escapes with *json*), so that neither a terminal nor a published
    document receives them raw. The text itself is the user's document and
    is kept as written: unlike messages, it is not masked (a checkpoint's
    MAC could look like a henkilötunnus, and a notice says what its author
    wrote). A standard output that is not UTF-8 gets it as
    :func:`print_text` says (UTF-8 when redirected).

    Args:
        text: What the command produced.
        output: The ``-o`` file; ``None`` or ``-`` prints to standard output.
        force: ``--force``: an existing file may be replaced.
        inputs: The files the command read, which are never written over.
        private: Personal data: a new file is readable by its owner only.
        done: The one-line summary printed on stderr once the file is
            written (by default ``wrote FILE``).
        json: *text* is JSON: controls become u-escapes, which keep it valid.
        document: *text* is a notice or a record: written to a file or a
            pipe, its soft hyphens, zero-width spaces and other invisible
            format characters are kept as written (only a terminal sees them
            escaped); controls and bidi overrides are escaped everywhere.
    """
    if output is None or str(output) == "-":
        print_text(
            _safe_document(text, json=json, keep_format=document and not _is_terminal(sys.stdout)),
            document=True,
        )
        return
    text = _safe_document(text, json=json, keep_format=document)
    write_output(output, text, force=force, inputs=inputs, private=private)
    summary(done if done is not None else f"wrote {output}")


def _safe_document(text: str, *, json: bool, keep_format: bool) -> str:
    """*text* with controls escaped (u-escapes in JSON); format characters kept if *keep_format*."""
    if json:
        return _UNSAFE.sub(_json_escaped, text)
    return (_UNSAFE_IN_DOCUMENT if keep_format else _UNSAFE).sub(_escaped, text)


# --- one usage-error style for every command and group -------------------------------


def _usage_error(exc: click.UsageError) -> NoReturn:
    fail_line(exc.format_message())


class Command(click.Command):
    """A command whose usage errors are one ``rekisteri: error:`` line and exit 2.

    Bad option values, a directory given as a file, a missing option: the
    same shape as every other error of the tool.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse *args* as click does, reporting a usage error on one line."""
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            _usage_error(exc)


class Group(click.Group):
    """A group whose usage errors (and its commands' and subgroups') are one line, exit 2.

    Without arguments a group still prints its help, as click's groups do.
    """

    command_class = Command
    group_class = type  # subgroups are of this class too

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse *args* as click does, reporting a usage error on one line."""
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            return super().parse_args(ctx, args)  # click shows the help
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            _usage_error(exc)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Find the subcommand as click does; an unknown one is a one-line error."""
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            _usage_error(exc)


# --- options that several commands share ---------------------------------------------


def format_option(*choices: str, help_text: str) -> Decorator:
    """``-f``/``--format`` (the parameter ``fmt``): one of *choices*, the first by default."""
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help_text,
    )


def locale_option(help_text: str = "Language of the messages.") -> Decorator:
    """``-l``/``--locale``: Finnish (the default), Swedish or English."""
    return click.option(
        "-l",
        "--locale",
        type=click.Choice(["fi", "sv", "en"]),
        default="fi",
        show_default=True,
        help=help_text,
    )


def exit_zero_option() -> Decorator:
    """``--exit-zero``: report problems but exit 0 (2 still means the command could not run)."""
    return click.option(
        "--exit-zero",
        is_flag=True,
        help=(
            "Exit 0 even if the report has errors (the report still shows them); "
            "exit 2 still means the input could not be read."
        ),
    )


def report_exit(*, failed: bool, exit_zero: bool) -> int:
    """The exit code of a command whose report may hold errors."""
    return EXIT_INVALID if failed and not exit_zero else EXIT_OK


def force_option() -> Decorator:
    """``--force``: replace an existing output file (never an input of the command)."""
    return click.option(
        "--force",
        is_flag=True,
        help="Replace the output file if it exists (an input file is never replaced).",
    )


def output_option(help_text: str = "Write to a file instead of standard output.") -> Decorator:
    """``-o``/``--output`` (the parameter ``output``; ``-`` is standard output) and ``--force``.

    The command then takes ``output: Path | None`` and ``force: bool``, and
    hands both to :func:`emit` or :func:`write_output`.
    """
    output = click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
        help=help_text,
    )
    force = force_option()

    def decorate(function: Callable[..., None]) -> Callable[..., None]:
        return output(force(function))

    return decorate


class DbTarget(click.ParamType):  # type: ignore[type-arg] # generic only in newer click
    """A store: a SQLite file path (a :class:`~pathlib.Path`) or a PostgreSQL URL (a ``str``).

    A ``postgresql://`` or ``postgres://`` URL is kept as it is; anything
    else is a file path, and a directory is refused, and so is ``-``, which
    elsewhere on the command line means standard input or output. The URL is never echoed
    back with its password (see :func:`display_db`).
    """

    name = "db"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:  # noqa: ARG002
        """``PATH|URL`` in the help."""
        return "PATH|URL"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> Path | str:
        """A URL as ``str``, anything else as a ``Path`` that is not a directory."""
        from rekisteri.store._target import is_postgres_url

        if isinstance(value, Path) or is_postgres_url(value):
            return value  # type: ignore[return-value] # a Path or a URL str
        if value == "-":
            self.fail(
                "'-' (standard input or output) cannot be a store; for a file named '-', write ./-",
                param,
                ctx,
            )
        path = Path(str(value))
        if path.is_dir():
            self.fail(f"{path}: is a directory, not a database", param, ctx)
        sidecar = _sidecar_of(path)
        if sidecar is not None:
            self.fail(
                f"{path}: SQLite keeps the {sidecar} file of the database"
                f" {path.name.removesuffix('-' + sidecar)} there; name the database itself",
                param,
                ctx,
            )
        return path


#: The environment variable naming the PostgreSQL schema of a store given as a URL
#: (``rekisteri`` when unset); one variable, so that every command of a shell agrees.
SCHEMA_VARIABLE: Final = "REKISTERI_PG_SCHEMA"


def display_db(db: Path | str) -> str:
    """*db* for a message: a path as it is, a URL with any password shown as ``***``."""
    from rekisteri.store._target import display_target

    # a file name of bytes that are not UTF-8 shows them escaped ("\udcff"), never raw
    return display_target(db).encode("utf-8", "backslashreplace").decode("utf-8")


def db_option(help_text: str) -> Decorator:
    """``--db``: the SQLite file or the PostgreSQL URL of the ledgers (required)."""
    return click.option(
        "--db",
        required=True,
        type=DbTarget(),
        help=(
            f"{help_text} A postgresql:// URL opens a PostgreSQL store (schema from"
            f" {SCHEMA_VARIABLE}, default rekisteri; password from PGPASSWORD or ~/.pgpass)."
        ),
    )


class CalendarDay(click.DateTime):
    """A ``YYYY-MM-DD`` option value (a ``datetime`` at midnight, as ``click.DateTime``'s).

    The day must lie in :mod:`rekisteri.calendar`'s range (0002-01-01 to
    9998-12-31), where every computed date (a deadline, a retention end, a
    birth date check) can be worked out; outside it the value is a usage
    error (one line, exit 2).
    """

    name = "date"

    def __init__(self) -> None:
        super().__init__(formats=["%Y-%m-%d"])

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        """Parse *value* as click does, then refuse a day outside the calendar."""
        from rekisteri.calendar import CalendarRangeError, check_day

        parsed: datetime = super().convert(value, param, ctx)
        option = param.opts[0] if param is not None and param.opts else "date"
        try:
            check_day(parsed.date(), option)
        except CalendarRangeError as exc:
            self.fail(one_line(str(exc)), param, ctx)
        return parsed


def today_option(help_text: str, *, required: bool = False) -> Decorator:
    """``--today`` (a :class:`CalendarDay`): the day to treat as today."""
    # No explicit default: click 8.2+ treats default=None as given, which defeats *required*.
    return click.option("--today", type=CalendarDay(), required=required, help=help_text)


def at_option(help_text: str) -> Decorator:
    """``--at``: a moment, an ISO 8601 date-time with a time zone (see :func:`aware_datetime`)."""
    return click.option("--at", "at", default=None, metavar="ISO-DATETIME", help=help_text)


# --- reading what the commands work on -----------------------------------------------


def aware_datetime(value: str | None, option: str) -> datetime:
    """Parse an ISO 8601 date-time with a time zone; ``None`` means now."""
    from datetime import UTC, datetime

    if value is None:
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        fail(f"{option}: expected an ISO 8601 date-time, e.g. 2026-01-05T12:00+02:00")
    if parsed.utcoffset() is None:
        fail(f"{option}: give a time zone, e.g. 2026-01-05T12:00+02:00 or 2026-01-05T10:00Z")
    from rekisteri.calendar import CalendarRangeError, check_moment

    try:
        return check_moment(parsed, option)
    except CalendarRangeError as exc:
        fail(str(exc))


def read_register(path: Path | str) -> Register:
    """Read the register at *path*; ``-`` reads standard input.

    From standard input, a document that starts with ``{`` is JSON, any
    other TOML.

    Raises:
        InvalidDocumentError: The document is too large, malformed or not a
            valid register.
        OSError: It cannot be read.
    """
    from rekisteri.serialize import MAX_DOCUMENT_BYTES, read_register
    from rekisteri.serialize import load_register as load

    if str(path) != "-":
        return load(path)
    from rekisteri._documents import read_limited

    data = read_limited(sys.stdin.buffer, MAX_DOCUMENT_BYTES)
    json = data.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{")
    return read_register(data, format="json" if json else "toml")


#: The largest checkpoint file read: a checkpoint is a few hundred bytes.
CHECKPOINT_LIMIT: Final = 1 << 20


def read_checkpoint_file(path: Path) -> bytes:
    """The bytes of a checkpoint file, reading no more than :data:`CHECKPOINT_LIMIT` + 1.

    A device or a pipe that never ends (``/dev/zero``) is refused like a large file.

    Raises:
        OSError: The file cannot be read.
        InvalidCheckpointError: It is larger than any checkpoint.
    """
    from rekisteri._documents import DocumentTooLargeError, read_limited
    from rekisteri.errors import InvalidCheckpointError

    with path.open("rb") as handle:
        try:
            return read_limited(handle, CHECKPOINT_LIMIT)
        except DocumentTooLargeError:
            msg = (
                f"checkpoint: not a rekisteri checkpoint document (over {CHECKPOINT_LIMIT:,} bytes)"
            )
            raise InvalidCheckpointError(msg) from None


def verification_json(db: Path | str, result: object) -> str:
    """The result of a ledger check (``ok``, ``events``, ``problems``) as one JSON document."""
    problems = getattr(result, "problems", ())
    document = {
        "db": display_db(db),
        "ok": bool(getattr(result, "ok", False)),
        "events": getattr(result, "events", 0),
        "problems": [
            {"seq": p.seq, "kind": str(p.kind), "message": one_line(p.message)} for p in problems
        ],
    }
    return dump_json(document)


def problem_lines(path: Path | str, exc: InvalidDocumentError) -> list[str]:
    """A header line naming *path* and the number of problems, then one indented line each."""
    from rekisteri.serialize import problem_count

    shown_path = "<stdin>" if str(path) == "-" else str(path)
    count, exact = problem_count(exc.problems)
    return [f"{shown_path}: {'' if exact else 'at least '}{count} problem(s)"] + [
        f"  {one_line(problem)}" for problem in exc.problems
    ]


def load_register(path: Path | str, *, brief: bool = False) -> Register:
    """Load the register at *path* (``-``: standard input), or say why not and exit 2.

    By default the problems of an invalid document are listed, one per line
    under a header line (at most 100, then a count). With *brief* the error
    is one line, for commands that read a register only for part of their
    work (``--purposes``, a plan).
    """
    shown_path = "<stdin>" if str(path) == "-" else str(path)
    try:
        return read_register(path)
    except InvalidDocumentError as exc:
        if brief:
            fail(f"{shown_path}: {one_line(str(exc))}")
        lines = problem_lines(path, exc)
        lines[0] = f"rekisteri: error: {lines[0]}"
        # Masked and escaped as fail() does: the problems quote no values, but the path may.
        echo("\n".join(lines), err=True)
        sys.exit(EXIT_ERROR)
    except OSError as exc:
        fail(f"cannot read {shown_path}: {exc.strerror or exc}")
    except UnicodeDecodeError:
        fail(f"{shown_path}: not UTF-8 text")
    except RekisteriError as exc:
        fail(f"{shown_path}: {one_line(str(exc))}")


def dump_json(document: object, *, indent: int | None = None) -> str:
    """*document* as JSON text for output: henkilötunnus masked, controls escaped.

    ``json`` escapes C0 controls itself; C1 controls and bidi formatting
    characters are escaped here too, so a JSON report is as safe to show in a
    terminal as a text one, and still the same data once parsed.
    """
    import json

    return safe_json(json.dumps(document, ensure_ascii=False, indent=indent))


def safe_json(text: str) -> str:
    """JSON *text* with any henkilötunnus masked and control characters escaped (as u-escapes)."""
    return _UNSAFE.sub(_json_escaped, hetu.redact(text))


def store_secret() -> bytes:
    """The store's secret from :data:`SECRET_VARIABLE` (UTF-8); exit 2 if missing or short."""
    from rekisteri.store._chain import MIN_SECRET_BYTES

    secret = os.environ.get(SECRET_VARIABLE, "").encode("utf-8", "surrogateescape")
    if len(secret) < MIN_SECRET_BYTES:
        problem = "is not set" if not secret else f"is shorter than {MIN_SECRET_BYTES} bytes"
        fail(
            f"{SECRET_VARIABLE} {problem}: every store needs a secret of at least"
            f" {MIN_SECRET_BYTES} bytes; make one with"
            ' python -c "import secrets; print(secrets.token_hex(32))"'
            " and keep it outside the database"
        )
    return secret


def pg_schema() -> str:
    """The PostgreSQL schema from :data:`SCHEMA_VARIABLE`, ``rekisteri`` when unset."""
    return os.environ.get(SCHEMA_VARIABLE, "").strip() or "rekisteri"


def driver_errors() -> tuple[type[Exception], ...]:
    """The database drivers' error classes that a command reports on one line (exit 2)."""
    import sqlite3

    errors: tuple[type[Exception], ...] = (sqlite3.Error,)
    if "psycopg" in sys.modules:  # loaded only when a URL was opened
        errors += (sys.modules["psycopg"].Error,)
    return errors


@contextmanager
def open_store(
    db: Path | str,
    *,
    purposes: Path | None = None,
    must_exist: bool = True,
    create: bool = False,
    missing: str = "no such consent database",
) -> Iterator[SQLiteStore | PostgresStore]:
    """Open the store at *db* (a file or a PostgreSQL URL), failing cleanly (exit 2); close it.

    Args:
        db: The database file, or a ``postgresql://`` URL (schema from
            :data:`SCHEMA_VARIABLE`).
        purposes: A register file whose purposes the store knows (consent).
        must_exist: Refuse, with *missing* as the message, a file that does
            not exist (a URL is always tried).
        create: Let the store turn an empty file or a missing schema into a
            store (writing commands).
        missing: What to say when *db* does not exist.

    Every message shows a URL without its password; a connection error is
    one line, exit 2, and so is a missing driver (``rekisteri-fi[postgres]``).
    """
    from rekisteri.store import open_store as open_target
    from rekisteri.store._target import is_postgres_url, scrub

    shown_db = display_db(db)
    if not is_postgres_url(db):
        db = Path(db)
        if db.is_dir():
            fail(f"{db}: is a directory, not a database")
        if must_exist and not db.is_file():
            fail(f"{db}: {missing}")
    known: tuple[Purpose, ...] = ()
    if purposes is not None:
        known = load_register(purposes, brief=True).purposes
    secret = store_secret()
    if is_postgres_url(db):
        _utf8_url(str(db), shown_db)
    try:
        store = open_target(db, purposes=known, secret=secret, create=create, schema=pg_schema())
    except ImportError as exc:
        fail(f"{shown_db}: {one_line(str(exc))}")
    except StoreFileError as exc:
        fail(f"{shown_db}: {scrub(one_line(str(exc)), db).removeprefix('store: ')}")
    except RekisteriError as exc:
        if not is_postgres_url(db):
            fail_error(exc)
        fail(f"{shown_db}: {scrub(one_line(str(exc)), db)}")
    except OSError as exc:
        fail(f"cannot open {shown_db}: {scrub(one_line(str(exc)), db)}")
    except driver_errors() as exc:
        fail(f"cannot open {shown_db}: {scrub(one_line(str(exc)), db)}")
    try:
        with _store_errors(shown_db, db):
            yield store
    finally:
        store.close()


def _utf8_url(url: str, shown: str) -> None:
    """Exit 2 for a URL holding bytes that are not UTF-8 (libpq takes UTF-8 only)."""
    try:
        no_surrogates(url, "db")
    except InvalidValueError:
        fail(f"{shown}: the URL holds bytes that are not UTF-8")


@contextmanager
def _store_errors(shown_db: str, db: Path | str) -> Iterator[None]:
    """One line and exit 2 for a driver's error or bad input a command did not catch itself."""
    from rekisteri.store._target import scrub

    try:
        yield
    except driver_errors() as exc:
        fail(f"{shown_db}: {scrub(one_line(str(exc)), db)}")
    except RekisteriError as exc:
        fail_error(exc)
