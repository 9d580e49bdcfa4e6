"""``rekisteri check-ids``: an input error met mid-file, and messages that name the real cause.

A JSON or CSV report is for programs: when the check stops with exit 2 (an
undecodable byte, a ragged row, corrupt Parquet data after some rows were
read), standard output gets nothing and the error is one line on standard
error, with every reader. The text report, for people, keeps the rows
before the error and lacks its summary line (its last line when whole).

A file that is not CSV text in the encoding given is refused before any row
with what it is: a Parquet file cut short, Parquet on standard input, UTF-16
or UTF-32 text, a ZIP archive, gzip data.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import zipfile
from datetime import date
from typing import TYPE_CHECKING

import pytest

from rekisteri.cli import _ids, cli
from rekisteri.cli._ids import UnreadableFileError
from rekisteri.errors import RekisteriError
from rekisteri.testing import HetuCorruption, corrupt_hetu, make_hetu

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import CliRunner, Result

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
_ids_arrow = pytest.importorskip("rekisteri.cli._ids_arrow")

V = make_hetu(date(1990, 1, 15), 901)  # a temporary number: nobody's
BAD = corrupt_hetu(V, HetuCorruption.CHECKSUM)
OPTIONS = ("-c", "hetu", "-k", "hetu", "--allow-temporary", "--today", "2026-01-01")
CSV_READERS = ("auto", "numpy", "arrow", "python")
SHOWN_BAD = f"{BAD[:7]}****"


def _run(runner: CliRunner, path: Path | str, *args: str, stdin: bytes | None = None) -> Result:
    return runner.invoke(
        cli, ["check-ids", str(path), *OPTIONS, *args], input=stdin, catch_exceptions=False
    )


def _one_line_error(result: Result, *words: str) -> str:
    """The error of an exit-2 run: one line on stderr, no traceback, with *words* in it."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    err = result.stderr
    assert err.startswith("rekisteri: error: ")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err
    return err


def _rows_then(tmp_path: Path, tail: bytes, *, rows: int = 40) -> Path:
    """A CSV file: *rows* rows, every third one invalid, then *tail*."""
    lines = [b"id,hetu\n"]
    lines += [f"{i},{BAD if i % 3 == 0 else V}\n".encode() for i in range(1, rows + 1)]
    path = tmp_path / "data.csv"
    path.write_bytes(b"".join(lines) + tail)
    return path


def _text_rows(rows: int = 40) -> str:
    """The text report's lines for the rows of :func:`_rows_then` (row 1 is the header)."""
    return "".join(
        f"row {i + 1}: wrong check character: {SHOWN_BAD}\n"
        for i in range(1, rows + 1)
        if i % 3 == 0
    )


# --- an error met mid-file: nothing on stdout for JSON and CSV ----------------------


@pytest.mark.parametrize("reader", CSV_READERS)
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_ragged_row_leaves_no_json_or_csv_on_stdout(
    runner: CliRunner, tmp_path: Path, reader: str, fmt: str
) -> None:
    path = _rows_then(tmp_path, b"41,a,b\n")
    result = _run(runner, path, "--reader", reader, "--format", fmt)
    _one_line_error(result, "row 42 has 3 fields but the header has 2")
    assert result.stdout == ""


@pytest.mark.parametrize("reader", CSV_READERS)
def test_a_ragged_row_keeps_the_text_rows_before_it_without_a_summary(
    runner: CliRunner, tmp_path: Path, reader: str
) -> None:
    path = _rows_then(tmp_path, b"41,a,b\n")
    result = _run(runner, path, "--reader", reader)
    _one_line_error(result, "row 42 has 3 fields")
    assert result.stdout == _text_rows()
    assert "rows checked" not in result.stdout


@pytest.mark.parametrize("reader", ["auto", "python"])
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_undecodable_byte_mid_file_leaves_nothing_on_stdout(
    runner: CliRunner, tmp_path: Path, reader: str, fmt: str
) -> None:
    """Past the decoder's first read (8 KiB), so that rows were checked before it."""
    path = _rows_then(tmp_path, b"9999,\xff\xfe\n", rows=2000)
    result = _run(runner, path, "--reader", reader, "--format", fmt)
    _one_line_error(result, "row 2002 has bytes that are not valid utf-8-sig")
    assert result.stdout == ""
    # The text report has the rows before the error and no summary line; only
    # those decoded with the bad byte (its block of 8 KiB, 482 rows here) are missing.
    text = _run(runner, path, "--reader", reader)
    assert text.exit_code == 2
    assert _text_rows(2000).startswith(text.stdout)
    assert text.stdout.count("\n") >= _text_rows(2000 - 8192 // 17).count("\n")
    assert "rows checked" not in text.stdout


def _corrupt_parquet(tmp_path: Path) -> Path:
    """Nine rows in row groups of three; the page header of the third group's column spoilt."""
    table = pa.table({"hetu": [BAD, V, V, V, BAD, V, V, V, BAD]})
    path = tmp_path / "corrupt.parquet"
    pq.write_table(table, path, row_group_size=3, use_dictionary=False)
    offset = pq.ParquetFile(path).metadata.row_group(2).column(0).data_page_offset
    data = bytearray(path.read_bytes())
    for at in range(offset, offset + 8):
        data[at] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("fmt", ["json", "csv", "text"])
def test_corrupt_parquet_data_after_some_rows(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setattr(_ids_arrow, "PARQUET_ROWS", 3)  # a batch per row group
    path = _corrupt_parquet(tmp_path)
    for reader in ("auto", "arrow"):
        result = _run(runner, path, "--reader", reader, "--format", fmt)
        _one_line_error(result, "a corrupt Parquet file: the data after row 6 cannot be read")
        if fmt == "text":
            expected = f"row 1: wrong check character: {SHOWN_BAD}\n"
            expected += f"row 5: wrong check character: {SHOWN_BAD}\n"
            assert result.stdout == expected
        else:
            assert result.stdout == ""


def test_rows_of_the_readable_row_groups_are_reported_with_the_default_batch(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Row groups smaller than a batch: Arrow must not decode the damaged one first.

    Read over the whole file at once, the third group's damage stopped the
    check before the first batch ("after row 0"), and no row was listed.
    """
    path = _corrupt_parquet(tmp_path)
    result = _run(runner, path, "--reader", "arrow", "--format", "text")
    _one_line_error(result, "a corrupt Parquet file: the data after row 6 cannot be read")
    expected = f"row 1: wrong check character: {SHOWN_BAD}\n"
    expected += f"row 5: wrong check character: {SHOWN_BAD}\n"
    assert result.stdout == expected


def test_a_whole_report_is_written_once_the_check_is_done(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Held back in memory, or in a temporary file past the limit: the same document."""
    path = _rows_then(tmp_path, b"", rows=300)
    whole = {}
    for limit in (_ids.REPORT_MEMORY_BYTES, 64):
        monkeypatch.setattr(_ids, "REPORT_MEMORY_BYTES", limit)
        for reader in CSV_READERS:
            result = _run(runner, path, "--reader", reader, "--format", "json")
            assert result.exit_code == 1
            whole[limit, reader] = result.stdout
            document = json.loads(result.stdout)
            assert document["summary"] == {
                "rows": 300,
                "valid": 200,
                "invalid": 100,
                "empty_skipped": 0,
            }
            assert [item["row"] for item in document["invalid"]] == list(range(4, 302, 3))
            csv_report = _run(runner, path, "--reader", reader, "--format", "csv")
            out = csv_report.stdout_bytes
            assert out.startswith(b"row,reason,value\r\n4,checksum,")
            assert out.count(b"\r\n") == 101
            assert csv_report.stderr == "300 rows checked: 200 valid, 100 invalid\n"
    assert len(set(whole.values())) == 1


def test_a_pipe_gets_nothing_from_a_stopped_json_check(tmp_path: Path) -> None:
    """The installed command, reading standard input through a pipe."""
    data = _rows_then(tmp_path, b"41,a,b\n").read_bytes()
    done = subprocess.run(  # noqa: S603 - the command under test
        [sys.executable, "-m", "rekisteri", "check-ids", "-", *OPTIONS, "--format", "json"],
        input=data,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr == b"rekisteri: error: row 42 has 3 fields but the header has 2\n"


# --- what a file that is not CSV text really is -------------------------------------


def _parquet_bytes(tmp_path: Path) -> bytes:
    path = tmp_path / "whole.parquet"
    pq.write_table(pa.table({"hetu": [V, BAD] * 50}), path)
    return path.read_bytes()


@pytest.mark.parametrize("reader", CSV_READERS)
def test_a_parquet_file_cut_short_is_named_so(
    runner: CliRunner, tmp_path: Path, reader: str
) -> None:
    data = _parquet_bytes(tmp_path)
    path = tmp_path / "cut.parquet"
    for size in (len(data) // 2, len(data) - 1, 8):
        path.write_bytes(data[:size])
        result = _run(runner, path, "--reader", reader, "--format", "json")
        err = _one_line_error(result, "a Parquet file cut short or damaged")
        assert "encoding" not in err
        assert result.stdout == ""


def test_parquet_on_standard_input_is_named_so(tmp_path: Path) -> None:
    done = subprocess.run(  # noqa: S603 - the command under test
        [sys.executable, "-m", "rekisteri", "check-ids", "-", *OPTIONS],
        input=_parquet_bytes(tmp_path),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr == (
        b"rekisteri: error: standard input: a Parquet file cannot be read from standard "
        b"input: give its path instead\n"
    )


def test_a_corrupt_parquet_footer_is_named_so(runner: CliRunner, tmp_path: Path) -> None:
    data = _parquet_bytes(tmp_path)
    path = tmp_path / "footer.parquet"
    length = int.from_bytes(data[-8:-4], "little")
    spoilt = bytearray(data)
    for at in range(len(data) - 8 - length, len(data) - 8 - length + 16):
        spoilt[at] ^= 0x77
    path.write_bytes(bytes(spoilt))
    _one_line_error(_run(runner, path), "a corrupt Parquet file: its footer")


def test_a_csv_file_whose_header_starts_with_par1_is_still_csv(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "par1.csv"
    path.write_bytes(f"PAR1,hetu\n1,{BAD}\n".encode())
    result = _run(runner, path)
    assert result.exit_code == 1
    assert (
        result.stdout
        == f"row 2: wrong check character: {SHOWN_BAD}\n1 rows checked: 0 valid, 1 invalid\n"
    )


_TEXT = f"id,hetu\n1,{BAD}\n2,Äänekoski\n"


@pytest.mark.parametrize(
    ("encoding", "said", "option"),
    [
        ("utf-16", "UTF-16 text (a byte-order mark)", "utf-16"),
        ("utf-16-le", "UTF-16-LE text (NUL bytes between letters)", "utf-16-le"),
        ("utf-16-be", "UTF-16-BE text (NUL bytes between letters)", "utf-16-be"),
        ("utf-32", "UTF-32 text (a byte-order mark)", "utf-32"),
        ("utf-32-le", "UTF-32-LE text (NUL bytes between letters)", "utf-32-le"),
        ("utf-32-be", "UTF-32-BE text (NUL bytes between letters)", "utf-32-be"),
    ],
)
def test_wide_text_is_told_to_convert_or_pass_its_encoding(
    runner: CliRunner, tmp_path: Path, encoding: str, said: str, option: str
) -> None:
    path = tmp_path / "wide.csv"
    path.write_bytes(_TEXT.encode(encoding))
    for reader in ("auto", "python"):
        for given in ("utf-8-sig", "cp1252"):
            result = _run(runner, path, "--reader", reader, "--encoding", given)
            err = _one_line_error(result, f"looks like {said}, not {given}")
            assert f"convert it to UTF-8, or pass --encoding {option}" in err
            assert "cp1252 or" not in err
            assert result.stdout == ""
        # the advice works
        result = _run(runner, path, "--reader", reader, "--encoding", option)
        assert result.exit_code == 1, result.stderr
        assert result.stdout.startswith(f"row 2: wrong check character: {SHOWN_BAD}\n")
    stdin = _run(runner, "-", stdin=path.read_bytes())
    # click's test runner gives no peek(): the installed command is tried below
    assert stdin.exit_code == 2


def test_wide_text_on_standard_input_is_named_so() -> None:
    done = subprocess.run(  # noqa: S603 - the command under test
        [sys.executable, "-m", "rekisteri", "check-ids", "-", *OPTIONS],
        input=_TEXT.encode("utf-16"),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 2
    assert b"looks like UTF-16 text (a byte-order mark)" in done.stderr
    assert done.stdout == b""


def test_a_workbook_and_gzip_data_are_named_so(runner: CliRunner, tmp_path: Path) -> None:
    workbook = tmp_path / "customers.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    workbook.write_bytes(buffer.getvalue())
    _one_line_error(_run(runner, workbook), "a ZIP archive", "save the sheet as CSV")
    packed = tmp_path / "customers.csv.gz"
    packed.write_bytes(gzip.compress(_TEXT.encode()))
    _one_line_error(_run(runner, packed), "gzip-compressed data", "decompress it first")


def test_latin_1_text_keeps_its_advice(runner: CliRunner, tmp_path: Path) -> None:
    """An 8-bit export (no NUL bytes) is still told to try cp1252."""
    path = tmp_path / "latin.csv"
    path.write_bytes(_TEXT.encode("latin-1"))
    err = _one_line_error(_run(runner, path), "row 3 has bytes that are not valid utf-8-sig")
    assert "try --encoding cp1252" in err


@pytest.mark.parametrize(
    "text",
    ["id,hetu\n1,131052-308T\n", "nimi;kunta\nÄänekoski;Ähtäri\n", "a\tb\n", "", "x"],
)
def test_eight_bit_and_utf8_text_is_not_taken_for_wide_text(text: str) -> None:
    for encoding in ("utf-8", "latin-1"):
        assert _ids._wide_encoding(text.encode(encoding)) is None


def test_unreadable_file_error_is_typed() -> None:
    assert issubclass(UnreadableFileError, RekisteriError)
    assert issubclass(UnreadableFileError, ValueError)


def test_arrow_words_leave_out_long_numbers() -> None:
    """Arrow quotes sizes read from damaged bytes: the file's data, possibly."""
    exc = OSError("Parquet file size is 28 bytes, smaller than the footer's (1310523089bytes)")
    assert _ids_arrow._arrow_words(exc) == (
        "Parquet file size is 28 bytes, smaller than the footer's (…bytes)"
    )
    assert len(_ids_arrow._arrow_words(ValueError("x " * 400))) == 160


# --- the csv module is given no line over LINE_LIMIT characters ----------------------


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_line_over_the_limit_stops_the_python_reader(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setattr(_ids, "LINE_LIMIT", 64)
    path = _rows_then(tmp_path, b"41," + b"x," * 40 + b"\n42," + V.encode() + b"\n")
    result = _run(runner, path, "--reader", "python", "--format", fmt)
    _one_line_error(result, "row 42: a line over 64 characters")
    assert result.stdout == (_text_rows() if fmt == "text" else "")


def test_lines_at_the_limit_read_as_before(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    r"""No blank row from a line end cut off, quoted line breaks kept, \r\n and lone \r."""
    monkeypatch.setattr(_ids, "LINE_LIMIT", 24)
    exact = f"1,{BAD},{'y' * (24 - 3 - len(BAD))}"  # 24 characters
    assert len(exact) == 24
    data = f'id,hetu,note\r\n{exact}\r\n2,{V},"a\r\nb"\r3,{BAD},z\n'
    path = tmp_path / "limit.csv"
    path.write_bytes(data.encode())
    result = _run(runner, path, "--reader", "python")
    assert result.exit_code == 1, result.stderr
    assert result.stdout == (
        f"row 2: wrong check character: {SHOWN_BAD}\n"
        f"row 4: wrong check character: {SHOWN_BAD}\n"
        "3 rows checked: 1 valid, 2 invalid\n"
    )
    one_more = tmp_path / "over.csv"
    one_more.write_bytes(f"id,hetu,note\n{exact}y\n".encode())
    _one_line_error(_run(runner, one_more, "--reader", "python"), "row 2: a line over 24")
    header = tmp_path / "header.csv"
    header.write_bytes(b"id,hetu," + b"n" * 30 + b"\n1,2,3\n")
    _one_line_error(_run(runner, header, "--reader", "python"), "malformed CSV header")
