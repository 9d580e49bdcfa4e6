"""Outside attack on ``rekisteri check-ids``: its readers agree, stay bounded, never crash.

Written from the documentation, ``rekisteri check-ids --help`` and the
installed command only (not from the readers' source). The promises under
attack:

- every reader (``--reader auto|numpy|arrow|python``) gives the same report
  bytes, error message and exit code for the same file; ``numpy`` and
  ``arrow`` may instead refuse a file they do not read (exit 2, their one-line
  refusal, nothing on standard output), ``auto`` never refuses;
- bad input exits 2 with one line on standard error, never a traceback;
- no henkilötunnus appears in any output (the masked ``150190-****`` is fine);
- memory stays flat (benchmarks/README.md: check-ids below 100 MB).

The readers run in-process through click's runner (the same bytes and exit
codes as the installed command, and much faster); the memory test starts the
installed command. Bugs found stay here as strict xfails; the ones fixed since
(arrow's lost rows before a ragged row, its empty read after a header over
1 MiB, its error for a row over 2 MiB, the refusal that did not say why, the
row of an undecodable byte, memory on one long line for auto and, since a
line limit, for ``--reader python``) are plain tests.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisteri.cli import cli
from rekisteri.testing import HetuCorruption, corrupt_hetu, make_hetu, synthetic_hetus

if TYPE_CHECKING:
    from collections.abc import Iterator

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pytest.importorskip("numpy")

READERS = ("auto", "numpy", "arrow", "python")
FORMATS = ("text", "json", "csv")
MIB = 1 << 20

# Fictional people only: temporary individual numbers 900-999.
V = make_hetu(date(1990, 1, 15), 901)
V2 = make_hetu(date(1985, 6, 30), 955)
BAD = corrupt_hetu(V, HetuCorruption.CHECKSUM)
HETUS = [*synthetic_hetus(3000, seed=7)]
Y = "2077474-0"  # rekisteri.testing.make_ytunnus(2077474)

# A birth date, at most two separators or a century sign, then the
# individual number: a henkilötunnus in any spelling, never a masked one.
_HETU_SHAPED = re.compile(r"\d{6}[\W_A-Za-z]{0,2}\d{3}")
_REFUSAL = re.compile(
    rb"^rekisteri: error: --reader (numpy|arrow) reads files \(not standard input\)"
)


def _refused(reader: str, err: bytes) -> bool:
    """The documented refusal of a reader that does not read this file."""
    if reader == "python":  # Parquet needs Arrow
        return (
            re.match(rb"^rekisteri: error: .* is a Parquet file: reading it needs the Arrow", err)
            is not None
        )
    return _REFUSAL.match(err) is not None


def _bad(code: str) -> str:
    return corrupt_hetu(code, HetuCorruption.CHECKSUM)


class Outcome(NamedTuple):
    """What one run of the command left behind."""

    code: int
    out: bytes
    err: bytes
    crash: BaseException | None


def _invoke(args: list[str], stdin: bytes | None = None) -> Outcome:
    result = CliRunner().invoke(cli, args, input=stdin)
    crash = result.exception
    if isinstance(crash, SystemExit):
        crash = None
    return Outcome(result.exit_code, result.stdout_bytes, result.stderr_bytes, crash)


def _args(path: Path | str, reader: str, fmt: str, extra: tuple[str, ...]) -> list[str]:
    opts = ["--reader", reader, "--format", fmt, "--today", "2026-01-01"]
    if "-c" not in extra:
        opts += ["-c", "hetu", "-k", "hetu", "--allow-temporary"]
    return ["check-ids", str(path), *opts, *extra]


def _no_identity_code(outcome: Outcome, where: str) -> None:
    for stream in (outcome.out, outcome.err):
        text = stream.decode("utf-8", "replace")
        found = _HETU_SHAPED.search(text)
        assert found is None, f"{where}: identity code in output: {found.group()!r}"


def _well_formed(outcome: Outcome, fmt: str, where: str) -> None:
    """A finished report (exit 0 or 1) parses in its format."""
    if outcome.code == 2:
        return
    if fmt == "json":
        doc = json.loads(outcome.out)
        assert doc["summary"]["invalid"] == len(doc["invalid"]), where
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(outcome.out.decode())))
        assert rows[0] == ["row", "reason", "value"], where


def _assert_readers_agree(
    path: Path | str,
    *extra: str,
    formats: tuple[str, ...] = FORMATS,
    reference: str = "python",
) -> dict[str, Outcome]:
    """Run every reader in every format; return the reference's text outcomes."""
    seen: dict[str, Outcome] = {}
    for fmt in formats:
        runs = {reader: _invoke(_args(path, reader, fmt, extra)) for reader in READERS}
        base = runs[reference]
        for reader, got in runs.items():
            where = f"{Path(path).name} --reader {reader} -f {fmt}"
            assert got.crash is None, f"{where}: crashed with {got.crash!r}"
            assert got.code in (0, 1, 2), where
            assert b"Traceback" not in got.err, where
            _no_identity_code(got, where)
            _well_formed(got, fmt, where)
            if reader != "auto" and got.code == 2 and _refused(reader, got.err):
                assert got.out == b"", f"{where}: refused after writing a report"
                assert got.err.count(b"\n") == 1, where
                continue
            assert (got.code, got.out, got.err) == (base.code, base.out, base.err), (
                f"{where} differs from --reader {reference}:\n"
                f"  exit {got.code} vs {base.code}\n"
                f"  stdout {got.out[-300:]!r}\n  vs     {base.out[-300:]!r}\n"
                f"  stderr {got.err[-300:]!r}\n  vs     {base.err[-300:]!r}"
            )
        if base.code == 2:
            assert base.err.startswith(b"rekisteri: error: "), base.err
            assert base.err.count(b"\n") == 1, base.err
        seen[fmt] = base
    return seen


# -- small files: every shape the brief lists ---------------------------------------

FW = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in "0123456789"})

SMALL: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "plain": (f"id,hetu\n1,{V}\n2,{BAD}\n3,\n".encode(), ()),
    "crlf": (f"id,hetu\r\n1,{V}\r\n2,{BAD}\r\n3,\r\n".encode(), ()),
    "lone_cr": (f"id,hetu\r1,{V}\r2,{BAD}\r3,\r".encode(), ()),
    "mixed_ends": (f"id,hetu\r\n1,{V}\n2,{BAD}\r3,\r\n4,{V2}\n".encode(), ()),
    "cr_cr_lf": (f"id,hetu\r\r\n1,{V}\r\r\n2,{BAD}\r\n".encode(), ()),
    "lf_cr": (f"id,hetu\n\r1,{V}\n\r2,{BAD}\n\r".encode(), ()),
    "cr_inside_field": (f"id,hetu\n1,a\rb,{V}\n".encode(), ()),
    "bom": (f"\ufeffid,hetu\n1,{V}\n2,{BAD}\n".encode(), ()),
    "bom_checked_first": (f"\ufeffhetu,id\n{BAD},1\n{V},2\n".encode(), ()),
    "bom_checked_first_utf8": (
        f"\ufeffhetu,id\n{BAD},1\n".encode(),
        ("-c", "\ufeffhetu", "-k", "hetu", "--encoding", "utf-8", "--allow-temporary"),
    ),
    "only_bom": ("\ufeff".encode(), ()),
    "no_final_newline": (f"id,hetu\n1,{V}\n2,{BAD}".encode(), ()),
    "no_final_newline_cr": (f"id,hetu\r\n1,{BAD}\r\n2,{V}\r".encode(), ()),
    "blank_lines": (f"id,hetu\n\n1,{V}\n\n\n2,{BAD}\n\n".encode(), ()),
    "blank_lines_crlf": (f"id,hetu\r\n\r\n1,{V}\r\n\r\n2,{BAD}\r\n".encode(), ()),
    "blank_line_single_column": (f"hetu\n{V}\n\n{BAD}\n".encode(), ()),
    "whitespace_line": (f"id,hetu\n \n1,{V}\n".encode(), ()),
    "whitespace_line_single_column": (f"hetu\n \n{V}\n\t\n".encode(), ()),
    "ragged_short": (f"id,x,hetu\n1,a,{V}\n2,{BAD}\n3,b,{V}\n".encode(), ()),
    "ragged_long": (f"id,hetu\n1,{V}\n2,{BAD},extra\n3,{V}\n".encode(), ()),
    "ragged_after_an_invalid_row": (f"id,hetu,x\n1,{BAD},a\n2,{V}\n".encode(), ()),
    "checked_last": (f"a,b,hetu\n1,2,{BAD}\n".encode(), ()),
    "checked_first": (f"hetu,a,b\n{BAD},1,2\n{V},3,4\n".encode(), ()),
    "checked_only": (f"hetu\n{V}\n{BAD}\n\n".encode(), ()),
    "many_columns": (
        (",".join(f"c{i}" for i in range(3000)) + ",hetu\n").encode()
        + (",".join("x" * 3 for _ in range(3000)) + f",{BAD}\n").encode(),
        (),
    ),
    "header_repeated": (f"id,hetu\n1,{V}\nid,hetu\n2,{BAD}\n".encode(), ()),
    "header_twice_same_column": (f"hetu,hetu\n{V},{BAD}\n".encode(), ()),
    "header_other_case": (f"id,HETU\n1,{BAD}\n".encode(), ()),
    "header_space": (f"id, hetu\n1,{V}\n".encode(), ()),
    "header_nul": (f"id,he\x00tu\n1,{BAD}\n".encode(), ()),
    "header_holds_codes": (f"id,name,{V[:6]} {V[7:].lower()}\n1,2,3\n".encode(), ()),
    "header_trailing_delimiter": (f"id,hetu,\n1,{V},\n2,{BAD},\n".encode(), ()),
    "empty_cells": (f"id,hetu\n1,\n2,\n3,{BAD}\n".encode(), ()),
    "whitespace_cells": (b"id,hetu\n1, \n2,\t\n3,\n", ()),
    "whitespace_cells_skip": (f"id,hetu\n1, \n2,\t\n3,\n4,{BAD}\n".encode(), ("--skip-empty",)),
    "whitespace_around": (f"id,hetu\n1, {V} \n2,\t{V}\n3,{BAD} \n4,{V}\x0b\n".encode(), ()),
    "unicode_spaces": (f"id,hetu\n1,\u00a0{V}\u3000\n2,\u00a0\n3,\u2003{BAD}\n".encode(), ()),
    "non_ascii": (f"id,hetu\n1,{V}\nä,{BAD}\n3,{V[:6]}ä{V[7:]}\n".encode(), ()),
    "full_width_digits": (f"id,hetu\n1,{V.translate(FW)}\n".encode(), ()),
    "line_separators": (f"id,hetu\n1,{V}\u2028\n2,{BAD}\x85x\n3,{V}\x1c\n4,{V}\x1e\n".encode(), ()),
    "nul_in_cell": (f"id,hetu\n1,{V}\n2,\x00{BAD}\n3,{V}\x00\n".encode(), ()),
    "escape_sequences": (f"id,hetu\n1,\x1b[31m{BAD}\x1b[0m\n2,\x1b]0;x\x07\n".encode(), ()),
    "two_codes_in_a_cell": (f"id,hetu\n1,{V}{V}\n2,{V} {V}\n3,{V.lower()}x\n".encode(), ()),
    "lower_case": (f"id,hetu\n1,{V.lower()}\n2,{BAD.lower()}\n".encode(), ()),
    "zero_bytes": (b"", ()),
    "only_newline": (b"\n", ()),
    "blank_first_line": (b"\nid,hetu\n1,x\n", ()),
    "header_only": (b"id,hetu\n", ()),
    "header_only_no_newline": (b"id,hetu", ()),
    "one_row": (f"id,hetu\n1,{BAD}\n".encode(), ()),
    "missing_column": (b"id,other\n1,2\n", ()),
    "starts_like_parquet": (f"PAR1,hetu\n1,{BAD}\n".encode(), ()),
    "quoted_values": (f'id,hetu\n1,"{V}"\n2,"{BAD}"\n'.encode(), ()),
    "quoted_delimiter": (f'id,hetu\n"a,b",{BAD}\n2,{V}\n'.encode(), ()),
    "quoted_newline": (f'id,hetu\n"a\nb",{BAD}\n2,{BAD}\n'.encode(), ()),
    "quote_inside_field": (f'id,hetu\n1,ab"c\n2,{BAD}\n'.encode(), ()),
    "semicolon": (f"id;hetu\n1;{V}\n2;{BAD}\n3;a,b\n".encode(), ("--delimiter", ";")),
    "tab": (f"id\thetu\n1\t{V}\n2\t{BAD}\n3\ta,b\n".encode(), ("--delimiter", "\t")),
    "pipe": (f"id|hetu\n1|{V}\n2|{BAD}\n".encode(), ("--delimiter", "|")),
    "space": (f"id hetu x\n1 {BAD} a\n2 {V}  \n".encode(), ("--delimiter", " ")),
    "non_ascii_delimiter": (f"idähetu\n1ä{BAD}\n2ä{V}\n".encode(), ("--delimiter", "ä")),
    "quote_as_delimiter": (f'id"hetu\n1"{BAD}\n2"{V}\n'.encode(), ("--delimiter", '"')),
    "wrong_delimiter": (f"id;hetu\n1;{V}\n".encode(), ()),
    "utf16": (f"id,hetu\n1,{V}\n2,{BAD}\n".encode("utf-16"), ()),
    "utf16_declared": (f"id,hetu\n1,{V}\n2,{BAD}\n".encode("utf-16"), ("--encoding", "utf-16")),
    "invalid_utf8": (f"id,hetu\n1,{BAD}\n2,".encode() + b"\xff\xfe\n", ()),
    "invalid_utf8_header": (b"id\xff,hetu\n1,x\n", ()),
    "utf8_surrogate": (f"id,hetu\n1,{BAD}\n2,".encode() + b"\xed\xa0\x80\n", ()),
    "utf8_overlong": (f"id,hetu\n1,{BAD}\n2,".encode() + b"\xc0\x80\n", ()),
    "utf8_truncated_at_end": (f"id,hetu\n1,{BAD}\n2,a".encode() + b"\xe2\x82", ()),
    "ascii_declared_non_ascii": (f"id,hetu\n1,{BAD}\nä,{V}\n".encode(), ("--encoding", "ascii")),
    "latin1_declared": (
        f"id,hetu\n1,{BAD}\n2,{V[:6]}ä{V[7:]}\n".encode(),
        ("--encoding", "latin-1"),
    ),
    "ytunnus": (
        f"id,yt\n1,{Y}\n2,{Y[:-1]}9\n3, {Y} \n4,{Y.replace('-', '')}\n5,FI{Y.replace('-', '')}\n"
        f"6,{Y.translate(FW)}\n7,\n8,{Y}\x00\n".encode(),
        ("-c", "yt", "-k", "ytunnus"),
    ),
    "quoted_header": (f'"id","hetu"\n1,{BAD}\n2,{V}\n'.encode(), ()),
    "encoding_alias_utf_8_sig": (f"\ufeffhetu,id\n{BAD},1\n".encode(), ("--encoding", "UTF_8_SIG")),
    "encoding_alias_cp65001": (f"\ufeffhetu,id\n{BAD},1\n".encode(), ("--encoding", "cp65001")),
    "encoding_alias_u8": (f"hetu,id\n{BAD},1\n{V},2\n".encode(), ("--encoding", "U8")),
    "encoding_unknown": (f"hetu,id\n{BAD},1\n".encode(), ("--encoding", "utf8-sig")),
    "encoding_not_text": (f"hetu,id\n{BAD},1\n".encode(), ("--encoding", "rot13")),
    "wide_utf8_then_short_last": (
        ("id,hetu\n1," + "\U0001f600" * 20 + f"\n2,{BAD}\n3,1").encode(),
        (),
    ),
    "wide_utf8_then_short_last_newline": (f"hetu\n{'ä' * 30}\n{'€' * 9}\n1\n".encode(), ()),
    "column_named_like_a_code": (f"id,{V}\n1,2\n".encode(), ("-c", V, "-k", "hetu")),
    "missing_column_named_like_a_code": (b"id,hetu\n1,2\n", ("-c", V.lower(), "-k", "hetu")),
}

# Shapes with a known bug get a strict xfail here, so a fix shows up at once.
SMALL_BUGS: dict[str, pytest.MarkDecorator] = {}


@pytest.mark.parametrize(
    "name",
    [pytest.param(name, marks=SMALL_BUGS.get(name, ())) for name in SMALL],
)
def test_small_file_readers_agree(name: str, tmp_path: Path) -> None:
    data, extra = SMALL[name]
    path = tmp_path / f"{name}.csv"
    path.write_bytes(data)
    _assert_readers_agree(path, *extra)


def test_arrow_lists_the_rows_before_a_ragged_row(tmp_path: Path) -> None:
    """Smallest case: one invalid row, then a row with a missing field."""
    path = tmp_path / "ragged.csv"
    path.write_bytes(f"id,hetu,x\n1,{BAD},a\n2,{V}\n".encode())
    expected = b"row 2: wrong check character: 150190-****\n"
    error = b"rekisteri: error: row 3 has 2 fields but the header has 3\n"
    for reader in ("python", "numpy", "auto"):
        assert _invoke(_args(path, reader, "text", ())) == (2, expected, error, None)
    assert _invoke(_args(path, "arrow", "text", ())) == (2, expected, error, None)


def test_shapes_that_matter_give_the_documented_answers(tmp_path: Path) -> None:
    """Spot checks of the reference itself, so agreement is not agreement on nonsense."""

    def text(name: str) -> Outcome:
        data, extra = SMALL[name]
        path = tmp_path / f"{name}.csv"
        path.write_bytes(data)
        return _assert_readers_agree(path, *extra, formats=("text",))["text"]

    plain_report = (
        b"row 3: wrong check character: 150190-****\nrow 4: empty value\n"
        b"3 rows checked: 1 valid, 2 invalid\n"
    )
    assert text("plain") == (1, plain_report, b"", None)
    # a blank line counts as a row (cli guide), in every line-end style
    assert text("blank_lines").out.endswith(b"6 rows checked: 1 valid, 5 invalid\n")
    assert text("lone_cr").out == text("crlf").out == text("plain").out
    assert text("zero_bytes").code == 2
    assert text("header_only") == (0, b"0 rows checked: 0 valid, 0 invalid\n", b"", None)
    assert b"has 3 fields but the header has 2" in text("ragged_long").err
    assert text("utf16_declared").out == (
        b"row 3: wrong check character: 150190-****\n2 rows checked: 1 valid, 1 invalid\n"
    )
    # the first row holding identifiers is refused without printing them
    assert b"holds identifiers" in text("header_holds_codes").err


def test_file_named_like_a_code_is_masked(tmp_path: Path) -> None:
    for name, data in ((f"{V}.csv", f"id,hetu\n1,{BAD}\n"), (f"{V.lower()}_empty.csv", "")):
        path = tmp_path / name
        path.write_text(data, encoding="utf-8")
        outcomes = _assert_readers_agree(path, formats=("json", "text"))
        for outcome in outcomes.values():
            assert V[7:].encode() not in outcome.out + outcome.err


def test_standard_input_matches_the_file(tmp_path: Path) -> None:
    """``-``: the same report as the file; a fast reader may only refuse it."""
    for name in ("crlf", "blank_lines", "ragged_long", "lone_cr", "bom", "quoted_newline"):
        data, extra = SMALL[name]
        path = tmp_path / f"{name}.csv"
        path.write_bytes(data)
        for fmt in ("text", "csv"):
            from_file = _invoke(_args(path, "python", fmt, extra))
            for reader in READERS:
                got = _invoke(_args("-", reader, fmt, extra), stdin=data)
                assert got.crash is None
                if reader in ("numpy", "arrow") and got.code == 2 and _REFUSAL.match(got.err):
                    assert got.out == b""
                    continue
                assert (got.code, got.out, got.err) == (
                    from_file.code,
                    from_file.out,
                    from_file.err,
                )


def test_standard_input_through_a_pipe(tmp_path: Path) -> None:
    """The installed command, stdin a pipe: auto reads it, the fast readers refuse it."""
    data, _ = SMALL["mixed_ends"]
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    base = [*_command(), "check-ids", "-c", "hetu", "-k", "hetu", "--allow-temporary"]
    expected = subprocess.run([*base, str(path)], capture_output=True, check=False)  # noqa: S603
    assert expected.returncode == 1
    for reader in READERS:
        got = subprocess.run(  # noqa: S603
            [*base, "-", "--reader", reader], input=data, capture_output=True, check=False
        )
        if reader in ("numpy", "arrow"):
            assert got.returncode == 2
            assert _REFUSAL.match(got.stderr), got.stderr
            assert got.stdout == b""
        else:
            assert (got.returncode, got.stdout, got.stderr) == (
                expected.returncode,
                expected.stdout,
                expected.stderr,
            )


# -- random quote-free files ---------------------------------------------------------

# Characters that tend to part readers: signs, case, spaces that str.strip()
# removes and ones it keeps, invisible and combining characters, a non-BMP
# one, controls, line separators the csv module does not split on.
_NASTY = (
    "0123456789-+ABCDEFUVWXYabyz ä\u00a0\u200b\u202e\x7f\x01\x1b\t\x0b\x0c\x1c\x85"
    "\u2028é\u0301１\ufeff\U0001f600\u3000"
)


@st.composite
def _cells(draw: st.DrawFn) -> str:
    code = draw(st.sampled_from(HETUS[:200]))
    how = draw(st.integers(0, 3))
    if how == 0:
        return code
    if how == 1:
        return draw(st.text(st.sampled_from(_NASTY), max_size=20))
    chars = list(code)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(chars)))
        chars.insert(at, draw(st.sampled_from(_NASTY)))
    if how == 3 and chars:
        del chars[draw(st.integers(0, len(chars) - 1))]
    return "".join(chars)


@settings(max_examples=100)
@given(
    cells=st.lists(_cells(), min_size=1, max_size=60),
    single=st.booleans(),
    end=st.sampled_from(["\n", "\r\n", "\r"]),
    fmt=st.sampled_from(FORMATS),
    flags=st.sets(st.sampled_from(["--skip-empty", "--allow-temporary"])),
)
def test_random_quote_free_files_readers_agree(
    *, cells: list[str], single: bool, end: str, fmt: str, flags: set[str]
) -> None:
    if single:
        text = "hetu" + end + "".join(cell + end for cell in cells)
    else:
        text = "id,hetu" + end + "".join(f"{i},{cell}{end}" for i, cell in enumerate(cells))
    runs = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ids.csv"
        path.write_bytes(text.encode())
        for reader in READERS:
            args = ["check-ids", str(path), "-c", "hetu", "-k", "hetu", "-f", fmt, "--reader"]
            runs[reader] = _invoke([*args, reader, "--today", "2026-01-01", *sorted(flags)])
    base = runs["python"]
    assert base.crash is None
    for reader, got in runs.items():
        assert got.crash is None, (reader, got.crash)
        _no_identity_code(got, reader)
        if reader != "auto" and got.code == 2 and _REFUSAL.match(got.err):
            continue
        assert got == base, reader


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_read_once(tmp_path: Path) -> None:
    """A FIFO cannot be read twice: auto must not scan it and then find it empty."""
    data, _ = SMALL["mixed_ends"]
    path = tmp_path / "ids.csv"
    path.write_bytes(data)
    expected = _invoke(_args(path, "python", "text", ()))
    assert expected.code == 1
    fifo = tmp_path / "ids.fifo"
    for reader in ("auto", "python"):
        os.mkfifo(fifo)
        writer = threading.Thread(target=fifo.write_bytes, args=(data,), daemon=True)
        writer.start()
        got = _invoke(_args(fifo, reader, "text", ()))
        writer.join(timeout=10)
        fifo.unlink()
        assert not writer.is_alive()
        assert (got.code, got.out, got.err) == (expected.code, expected.out, expected.err)


# The century signs, with the 2023 reform's new ones.
CENTURY_SIGNS = {"+": 1800, "-": 1900, "A": 2000}
CENTURY_SIGNS |= dict.fromkeys("YXWVU", 1900) | dict.fromkeys("BCDEF", 2000)


def _dates_file() -> bytes:
    """Codes born around 2026-01-01 and on leap days, every century sign, some impossible."""
    days = [date(2026, 1, 1) + timedelta(days=d) for d in range(-3, 4)]
    days += [date(2024, 2, 29), date(2000, 2, 29), date(1900, 3, 1), date(1800, 1, 1)]
    days += [date(2099, 12, 31), date(1899, 12, 31)]
    codes = [
        make_hetu(day, number, sign=sign)
        for day in days
        for number in (2, 899, 900, 999)
        for sign, century in CENTURY_SIGNS.items()
        if century == day.year // 100 * 100
    ]
    checks = "0123456789ABCDEFHJKLMNPRSTUVWXY"
    for start in ("290223-900", "290200-900", "290200A900", "290100-900", "290196-900"):
        codes += [start + check for check in checks]
    return ("hetu\n" + "\n".join(codes) + "\n").encode()


@pytest.mark.parametrize("today", ["2026-01-01", "2025-12-31", "2024-02-29", "1900-03-01"])
def test_future_dates_and_leap_days_agree(today: str, tmp_path: Path) -> None:
    path = tmp_path / "dates.csv"
    path.write_bytes(_dates_file())
    for flags in ((), ("--allow-temporary",)):
        extra = ("-c", "hetu", "-k", "hetu", "--today", today, *flags)
        seen = _assert_readers_agree(path, *extra, formats=("text", "json"))
        assert seen["text"].code == 1
        if flags:  # the temporary numbers on days up to --today are valid
            assert b" 0 valid" not in seen["text"].out


# -- Parquet ------------------------------------------------------------------------


def _parquet_tables() -> dict[str, object]:
    return {
        "basic": pa.table({"id": [1, 2, 3, 4], "hetu": [V, BAD, None, ""]}),
        "large_string": pa.table({"hetu": pa.array([V, BAD], pa.large_string())}),
        "dictionary": pa.table({"hetu": pa.array([V, BAD, V, None]).dictionary_encode()}),
        "no_rows": pa.table({"hetu": pa.array([], pa.string())}),
        "integers": pa.table({"hetu": [1, 2]}),
        "binary": pa.table({"hetu": pa.array([V.encode(), b"\xff\xfe", None], pa.binary())}),
        "list": pa.table({"hetu": pa.array([[V], [BAD]])}),
        "struct": pa.table({"hetu": pa.array([{"a": V}])}),
        "all_null_type": pa.table({"hetu": pa.array([None, None], pa.null())}),
        "missing_column": pa.table({"x": [V]}),
        "duplicate_column": pa.Table.from_arrays(
            [pa.array([V]), pa.array([BAD])], ["hetu", "hetu"]
        ),
        "nested_field": pa.table({"x": pa.array([{"hetu": V}, {"hetu": BAD}])}),
        "large_binary": pa.table({"hetu": pa.array([V.encode()], pa.large_binary())}),
        "string_view": pa.table({"hetu": pa.array([V, BAD, None], pa.string_view())}),
        "column_named_like_a_code": pa.table({V: [BAD]}),
    }


@pytest.mark.parametrize("name", list(_parquet_tables()))
def test_parquet_readers_agree(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.parquet"
    pq.write_table(_parquet_tables()[name], path)
    seen = _assert_readers_agree(path, reference="arrow")
    refused = _invoke(_args(path, "python", "text", ()))
    assert refused.code == 2
    assert b"Parquet" in refused.err
    assert refused.err.count(b"\n") == 1
    refused_names = {"integers", "binary", "list", "struct", "all_null_type", "missing_column"}
    refused_names |= {
        "duplicate_column",
        "nested_field",
        "large_binary",
        "column_named_like_a_code",
    }
    if name in refused_names:
        assert seen["text"].code == 2
    else:
        assert seen["text"].code == (0 if name == "no_rows" else 1)


def test_damaged_parquet_files_exit_2(tmp_path: Path) -> None:
    whole = tmp_path / "whole.parquet"
    pq.write_table(_parquet_tables()["basic"], whole)
    data = whole.read_bytes()
    cases = {
        "first_half": data[: len(data) // 2],
        "footer_zeroed": data[:-10] + b"\0" * 6 + b"PAR1",
        "magic_only": b"PAR1",
        "magic_both_ends_csv": b"PAR1,hetu\n1," + BAD.encode() + b"\nPAR1",
    }
    for name, damaged in cases.items():
        path = tmp_path / f"{name}.parquet"
        path.write_bytes(damaged)
        seen = _assert_readers_agree(path, formats=("text",), reference="auto")
        assert seen["text"].code == 2, name


def test_parquet_row_groups_and_csv_name(tmp_path: Path) -> None:
    grouped = tmp_path / "groups.parquet"
    pq.write_table(pa.table({"hetu": [V] * 10 + [BAD] * 3 + [None]}), grouped, row_group_size=3)
    seen = _assert_readers_agree(grouped, reference="arrow", formats=("text",))
    assert seen["text"].out.endswith(b"14 rows checked: 10 valid, 4 invalid\n")
    assert seen["text"].out.startswith(b"row 11: wrong check character")
    # told apart by its first bytes, not its name
    disguised = tmp_path / "disguised.csv"
    pq.write_table(pa.table({"hetu": [V, BAD]}), disguised)
    seen = _assert_readers_agree(disguised, reference="arrow", formats=("text",))
    assert seen["text"].code == 1


def test_parquet_report_matches_the_same_values_as_csv(tmp_path: Path) -> None:
    """Parquet row k is CSV row k + 1; nulls are empty cells; odd values go through quoting."""
    nasty = '0123456789-+ABCUVWXY "\n\r,;ä\u00a0\u200b\x00\t\U0001f600'
    values: list[str | None] = []
    for i in range(60_000):
        code: str | None = HETUS[i % len(HETUS)]
        assert code is not None
        if i % 13 == 0:
            code = _bad(code)
        elif i % 29 == 0:
            code = None
        elif i % 31 == 0:
            code = ""
        elif i % 17 == 0:
            at = i % 12
            code = code[:at] + nasty[i % len(nasty)] + code[at:]
        values.append(code)
    parquet = tmp_path / "ids.parquet"
    pq.write_table(
        pa.table({"hetu": pa.array(values, pa.string())}),
        parquet,
        row_group_size=20_000,
        data_page_size=8192,
    )
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["hetu"])
    writer.writerows([["" if value is None else value] for value in values])
    csv_path = tmp_path / "ids.csv"
    csv_path.write_bytes(text.getvalue().encode())
    from_csv = _invoke(_args(csv_path, "auto", "text", ()))
    seen = _assert_readers_agree(parquet, reference="arrow", formats=("text",))
    from_parquet = seen["text"]
    assert from_csv.code == from_parquet.code == 1
    shifted = re.sub(
        rb"(?m)^row (\d+):", lambda m: b"row %d:" % (int(m.group(1)) + 1), from_parquet.out
    )
    assert shifted == from_csv.out
    listed = sum(line.startswith(b"row ") for line in from_csv.out.splitlines())
    assert listed > 60_000 // 13
    summary = b"60000 rows checked: %d valid, %d invalid\n" % (60_000 - listed, listed)
    assert from_csv.out.endswith(summary)


# -- bigger files: features at block boundaries and late in the file ----------------


def _rows(count: int, start: int = 0, end: str = "\n", *, single: bool = False) -> str:
    out = []
    for i in range(start, start + count):
        code = HETUS[i % len(HETUS)]
        if i % 7 == 3:
            code = _bad(code)
        out.append(f"{code}{end}" if single else f"{i},{code},x{end}")
    return "".join(out)


def _pad(prefix: bytes, size: int, end: bytes = b"\n", *, single: bool = False) -> bytes:
    """*prefix* and valid rows up to exactly *size* bytes (the last row stretched)."""
    out = bytearray(prefix)
    i = 0
    while size - len(out) > 80:
        code = HETUS[i % len(HETUS)].encode()
        out += (code if single else b"%d,%s,pad" % (i, code)) + end
        i += 1
    gap = size - len(out) - len(end)
    out += (b" " * gap if single else b"0,," + b"p" * (gap - 3)) + end
    assert len(out) == size
    return bytes(out)


HEADER = b"id,hetu,note\n"


def _boundary_files() -> dict[str, bytes]:
    tail = _rows(60).encode()
    crlf_tail = _rows(60, end="\r\n").encode()
    files: dict[str, bytes] = {}
    for at, tag in ((MIB, "1mib"), (2 * MIB + 7, "2mib")):
        before = _pad(HEADER, at - 1)  # ends one byte before the boundary
        files[f"crlf_split_{tag}"] = _pad(HEADER, at - 1, b"\r\n")[:-1] + b"\r\n" + crlf_tail
        files[f"lone_cr_{tag}"] = before[:-1] + b"\r" + tail
        files[f"one_crlf_{tag}"] = before[:-1] + b"\r\n" + tail
        files[f"blank_line_{tag}"] = before + b"\n" + tail
        files[f"a_umlaut_split_{tag}"] = before[:-1] + "ä\n".encode() + tail
        files[f"invalid_utf8_split_{tag}"] = before[:-1] + b"\xc3(\n" + tail
        files[f"truncated_utf8_split_{tag}"] = before[:-1] + b"\xe2\x82\n" + tail
        files[f"quote_late_{tag}"] = before + b'9,"' + _bad(V).encode() + b'",q\n' + tail
        files[f"quote_in_note_late_{tag}"] = before + b"9," + V.encode() + b',a"b\n' + tail
        files[f"quoted_delimiter_late_{tag}"] = before + b"9," + BAD.encode() + b',"a,b"\n' + tail
        files[f"quoted_newline_late_{tag}"] = before + b"9," + BAD.encode() + b',"a\nb"\n' + tail
        invalid_row = b"8," + BAD.encode() + b",x\n"  # listed by every reader, then the error
        files[f"ragged_short_late_{tag}"] = (
            before + invalid_row + b"9," + BAD.encode() + b"\n" + tail
        )
        files[f"ragged_long_late_{tag}"] = (
            before + invalid_row + b"9," + BAD.encode() + b",a,b\n" + tail
        )
        files[f"nul_late_{tag}"] = before + b"9,\x00,q\n" + tail
        files[f"bom_at_row_start_{tag}"] = (
            _pad(b"hetu\n", at - 1, single=True)
            + b"\n"
            + "\ufeff".encode()
            + _rows(60, single=True).encode()
        )
        files[f"header_again_{tag}"] = before + HEADER + tail
        files[f"ends_at_boundary_{tag}"] = _pad(HEADER, at)[:-1]
    # long lines: past the csv module's field limit (131072 characters), at it,
    # and at it in two-byte characters
    head = (HEADER.decode() + _rows(50)).encode()
    files["line_over_1mb"] = head + b"5," + BAD.encode() + b"," + b"L" * (3 * MIB) + b"\n" + tail
    files["cell_over_1mb"] = head + b"5," + b"1" * (2 * MIB) + b",q\n" + tail
    files["note_at_field_limit"] = head + b"5," + BAD.encode() + b"," + b"n" * 131072 + b"\n" + tail
    files["note_past_field_limit"] = (
        head + b"5," + BAD.encode() + b"," + b"n" * 131073 + b"\n" + tail
    )
    files["note_at_limit_two_byte"] = (
        head + b"5," + BAD.encode() + b"," + "ä".encode() * 131072 + b"\n" + tail
    )
    files["header_over_1mb"] = (
        b"h" * (2 * MIB) + b",hetu\n" + _rows(10).replace(",x\n", "\n").encode()
    )
    return files


BOUNDARY = _boundary_files()
BOUNDARY_BUGS: dict[str, pytest.MarkDecorator] = {}


@pytest.fixture(scope="module")
def boundary_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("boundary")
    for name, data in BOUNDARY.items():
        (folder / f"{name}.csv").write_bytes(data)
    return folder


@pytest.mark.parametrize(
    "name",
    [pytest.param(name, marks=BOUNDARY_BUGS.get(name, ())) for name in BOUNDARY],
)
def test_big_file_readers_agree(name: str, boundary_dir: Path) -> None:
    formats = ("text", "json") if name.endswith("1mib") else ("text",)
    seen = _assert_readers_agree(boundary_dir / f"{name}.csv", formats=formats)
    if name.startswith(("quote", "a_umlaut", "one_crlf", "crlf", "lone_cr", "blank", "bom", "nul")):
        # these are all readable: a report with a summary, not an error
        assert seen["text"].code == 1, seen["text"].err
        assert re.search(rb"\n\d+ rows checked: \d+ valid, \d+ invalid\n$", seen["text"].out)


def test_fast_reader_refusal_of_a_long_line_says_why(tmp_path: Path) -> None:
    path = tmp_path / "long_note.csv"
    path.write_bytes(f"id,hetu,note\n1,{BAD},{'ä' * 65523}\n2,{V},x\n".encode())
    python = _invoke(_args(path, "python", "text", ()))
    assert python.code == 1  # the csv module reads it
    for reader in ("numpy", "arrow"):
        got = _invoke(_args(path, reader, "text", ()))
        if got.code == 2:
            assert re.search(rb"long|line|field|bytes", got.err), got.err
        else:
            assert got == python


def _with_bad_byte(rows: int, bad_row: int) -> bytes:
    """A valid CSV of *rows* rows whose row *bad_row* (header = 1) ends in byte 0xff."""
    lines = [b"id,hetu"] + [b"%d,%s" % (i, HETUS[i % len(HETUS)].encode()) for i in range(rows)]
    lines[bad_row - 1] += b"\xff"
    return b"\n".join(lines) + b"\n"


def test_undecodable_byte_message_points_at_its_row(tmp_path: Path) -> None:
    small = tmp_path / "small.csv"
    small.write_bytes(_with_bad_byte(10, 6))
    large = tmp_path / "large.csv"
    large.write_bytes(_with_bad_byte(5000, 3001))
    for reader in ("auto", "python"):
        got = _invoke(_args(small, reader, "text", ()))
        assert got.code == 2
        assert b"the header is not valid" not in got.err, got.err
        got = _invoke(_args(large, reader, "text", ()))
        assert got.code == 2
        assert re.search(rb"row 3001\b|after row 3000\b", got.err), got.err


def test_arrow_reads_rows_after_a_header_over_1_mib(tmp_path: Path) -> None:
    columns = 150_000
    path = tmp_path / "wide.csv"
    header = ",".join(f"c{i}" for i in range(columns)) + ",hetu\n"
    assert len(header) > MIB
    rows = "".join("," * columns + value + "\n" for value in (BAD, V, ""))
    path.write_bytes((header + rows).encode())
    expected = (
        b"row 2: wrong check character: 150190-****\nrow 4: empty value\n"
        b"3 rows checked: 1 valid, 2 invalid\n"
    )
    for reader in ("python", "numpy", "auto"):
        assert _invoke(_args(path, reader, "text", ())) == (1, expected, b"", None)
    assert _invoke(_args(path, "arrow", "text", ())) == (1, expected, b"", None)


def test_arrow_error_for_a_very_long_ragged_row(tmp_path: Path) -> None:
    path = tmp_path / "long_row.csv"
    path.write_bytes(b"id,hetu,note\n1," + BAD.encode() + b",a\n" + b"x," * (5 * MIB // 4) + b"\n")
    error = b"rekisteri: error: row 3 has 1310721 fields but the header has 3\n"
    for reader in ("python", "numpy", "auto"):
        got = _invoke(_args(path, reader, "text", ()))
        assert (got.code, got.err) == (2, error)
    got = _invoke(_args(path, "arrow", "text", ()))
    assert (got.code, got.err) == (2, error)


def test_quote_after_the_first_block_leaves_no_partial_fast_report(boundary_dir: Path) -> None:
    """The fast readers refuse a late quote before writing a line; auto falls back whole."""
    path = boundary_dir / "quote_late_2mib.csv"
    python = _invoke(_args(path, "python", "text", ()))
    assert python.code == 1
    assert python.out.count(b"\n") > 10
    for reader in ("numpy", "arrow"):
        got = _invoke(_args(path, reader, "text", ()))
        assert got.code == 2
        assert got.out == b""
    assert _invoke(_args(path, "auto", "text", ())) == python


# -- memory ---------------------------------------------------------------------------


def _write_big_csv(path: Path, rows: int, *, quote_near_end: bool) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("id,name,hetu,city\n")
        for i in range(rows):
            code = HETUS[i % len(HETUS)]
            if i % 5 == 2:
                code = _bad(code)
            if quote_near_end and i == rows - 10:
                out.write(f'{i},"Esimerkki, Oy",{code},Turku\n')
            else:
                out.write(f"{i},Henkilö {i},{code},Helsinki\n")


def _command() -> list[str]:
    installed = Path(sys.executable).parent / "rekisteri"
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "rekisteri"]


# A small Python starts the command and reports its children's peak: forked
# from this test process instead, the child's peak would count this process's
# own memory (pyarrow is imported here), as Linux reports it.
_MEASURE = """
import resource, subprocess, sys
with open(sys.argv[1], "wb") as out:
    code = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE, check=False)
sys.stderr.buffer.write(code.stderr)
print(code.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _peak_rss_mib(path: Path, report: Path, reader: str = "auto") -> tuple[int, float]:
    """Exit code and peak RSS (MiB) of one check-ids process, its report in *report*."""
    args = [*_command(), "check-ids", str(path), "-c", "hetu", "-k", "hetu", "--allow-temporary"]
    args += ["--reader", reader, "--today", "2026-01-01"]
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", _MEASURE, str(report), *args], capture_output=True, check=True
    )
    assert b"Traceback" not in done.stderr, done.stderr
    code, peak = done.stdout.split()
    unit = MIB if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return int(code), int(peak) / unit


@pytest.fixture(scope="module")
def big_csvs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    folder = tmp_path_factory.mktemp("big")
    paths = {
        "plain_100k": folder / "plain_100k.csv",
        "plain_1m": folder / "plain_1m.csv",
        "quote_1m": folder / "quote_1m.csv",
    }
    _write_big_csv(paths["plain_100k"], 100_000, quote_near_end=False)
    _write_big_csv(paths["plain_1m"], 1_000_000, quote_near_end=False)
    _write_big_csv(paths["quote_1m"], 1_000_000, quote_near_end=True)
    yield paths
    for path in paths.values():
        path.unlink()


@pytest.mark.skipif(sys.platform == "win32", reason="needs the resource module")
def test_default_reader_memory_is_flat_and_under_100_mb(
    big_csvs: dict[str, Path], tmp_path: Path
) -> None:
    """benchmarks/README.md: check-ids peaks well under 100 MB on a 1M-row CSV."""
    small_code, small_peak = _peak_rss_mib(big_csvs["plain_100k"], tmp_path / "small.txt")
    plain_code, plain_peak = _peak_rss_mib(big_csvs["plain_1m"], tmp_path / "plain.txt")
    quote_code, quote_peak = _peak_rss_mib(big_csvs["quote_1m"], tmp_path / "quote.txt")
    assert (small_code, plain_code, quote_code) == (1, 1, 1)
    limit = 100 * 1000 * 1000 / MIB
    assert plain_peak < limit, f"plain 1M rows: {plain_peak:.1f} MiB"
    assert quote_peak < limit, f"1M rows, one quoted field near the end: {quote_peak:.1f} MiB"
    # flat: ten times the rows, at most 16 MiB more
    assert plain_peak - small_peak < 16, (small_peak, plain_peak)
    # the late quote changes the reader, not the report: the same 200,000 findings
    plain = (tmp_path / "plain.txt").read_bytes()
    quote = (tmp_path / "quote.txt").read_bytes()
    assert plain.endswith(b"1000000 rows checked: 800000 valid, 200000 invalid\n")
    assert quote == plain


@pytest.mark.skipif(sys.platform == "win32", reason="needs the resource module")
def test_memory_stays_flat_on_one_long_line(tmp_path: Path) -> None:
    path = tmp_path / "one_line.csv"
    with path.open("wb") as out:
        out.write(b"id,hetu,note\n1," + BAD.encode() + b",a\n")
        for _ in range(15):
            out.write(b"x," * (MIB // 2))
        out.write(b"\n")
    code, peak = _peak_rss_mib(path, tmp_path / "report.txt")
    assert code == 2
    assert (tmp_path / "report.txt").read_bytes() == b"row 2: wrong check character: 150190-****\n"
    assert peak < 100 * 1000 * 1000 / MIB, f"{peak:.1f} MiB"


def _wide_and_short_values(seed: int) -> bytes:
    """About 2.3 MB of values: wide UTF-8 ones (masked with many bytes shown), short ones, codes."""
    rng = random.Random(seed)  # noqa: S311 - test data, reproducible
    values: list[str] = []
    size = 0
    while size < 2_300_000:
        pick = rng.random()
        if pick < 0.3:
            value = rng.choice(["\U0001f600", "€", "ä"]) * rng.randint(5, 40)
        elif pick < 0.6:
            value = rng.choice(["1", "", "a", "12", "x-"])
        else:
            value = V[:-1] + rng.choice("SXY")
        values.append(value)
        size += len(value.encode()) + 1
    return ("hetu\n" + "\n".join(values) + "\n").encode()


@pytest.mark.parametrize("seed", [7])
def test_wide_utf8_and_short_values_across_batches(seed: int, tmp_path: Path) -> None:
    """Found against an earlier numpy reader (IndexError past the end of a batch), fixed since."""
    path = tmp_path / "wide_short.csv"
    path.write_bytes(_wide_and_short_values(seed))
    seen = _assert_readers_agree(path, formats=("text",))
    assert seen["text"].code == 1


@pytest.mark.skipif(sys.platform == "win32", reason="needs the resource module")
@pytest.mark.parametrize(
    ("reader", "piece", "count"),
    [
        # (fixed: the csv module is given no line over LINE_LIMIT characters)
        pytest.param("python", b"x,", 30 * MIB, id="python-short-fields"),
        pytest.param("auto", b"1", 40 * MIB, id="auto-one-long-field"),
        pytest.param("numpy", b"x,", 15 * MIB, id="numpy-short-fields"),
    ],
)
def test_memory_stays_flat_on_one_long_line_every_reader(
    reader: str, piece: bytes, count: int, tmp_path: Path
) -> None:
    path = tmp_path / "one_line.csv"
    with path.open("wb") as out:
        out.write(b"id,hetu,note\n1," + BAD.encode() + b",a\n2,")
        block = piece * (MIB // len(piece))
        for _ in range(count // MIB):
            out.write(block)
        out.write(b"\n")
    code, peak = _peak_rss_mib(path, tmp_path / "report.txt", reader)
    assert code == 2
    assert (tmp_path / "report.txt").read_bytes() == b"row 2: wrong check character: 150190-****\n"
    assert peak < 100 * 1000 * 1000 / MIB, f"{peak:.1f} MiB"
