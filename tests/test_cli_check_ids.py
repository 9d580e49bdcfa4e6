"""``rekisteri check-ids``: the numpy, the Arrow and the Python reader give the same report.

Also the hostile-input fixes of issue 17 that live in check-ids: non-text
codecs, a file without a header row, reasons in words, progress on stdin.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from rekisteri.cli import _ids, cli
from rekisteri.errors import IdentifierTypeError, Reason, RekisteriError
from rekisteri.identifiers import hetu
from rekisteri.testing import HetuCorruption, corrupt_hetu, synthetic_hetus
from tests.test_columns import hetu_like, ytunnus_like

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import CliRunner, Result

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
_ids_arrow = pytest.importorskip("rekisteri.cli._ids_arrow")
_ids_numpy = pytest.importorskip("rekisteri.cli._ids_numpy")

HETUS = [*synthetic_hetus(30, seed=5)]
ROWS = [
    HETUS[0],
    corrupt_hetu(HETUS[1], HetuCorruption.CHECKSUM),
    "",
    HETUS[2].lower(),
    f" {HETUS[3]} ",
    corrupt_hetu(HETUS[4], HetuCorruption.SIGN),
    corrupt_hetu(HETUS[5], HetuCorruption.NON_ASCII),
    corrupt_hetu(HETUS[6], HetuCorruption.DASH),
    "x",
    HETUS[7],
]


def _run(runner: CliRunner, *args: str, stdin: str | bytes | None = None) -> Result:
    return runner.invoke(cli, ["check-ids", *args], input=stdin, catch_exceptions=False)


def _both(runner: CliRunner, path: Path, *args: str) -> tuple[Result, Result]:
    """The same command with the Python reader and with the Arrow reader (forced).

    The numpy reader (forced) is run too, and must give the Python reader's
    result (exit code, output, errors).
    """
    python = _run(runner, str(path), *args, "--reader", "python")
    arrow = _run(runner, str(path), *args, "--reader", "arrow")
    _same(python, _run(runner, str(path), *args, "--reader", "numpy"))
    return python, arrow


def _same(python: Result, arrow: Result) -> None:
    assert (arrow.exit_code, arrow.stdout, arrow.stderr) == (
        python.exit_code,
        python.stdout,
        python.stderr,
    )
    assert "Traceback" not in python.stderr + arrow.stderr


def _csv(
    path: Path, header: str, rows: list[str], *, delimiter: str = ",", end: str = "\n"
) -> Path:
    lines = [header, *(f"{i}{delimiter}{value}" for i, value in enumerate(rows))]
    path.write_text(end.join(lines) + end, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
@pytest.mark.parametrize("extra", [[], ["--skip-empty"], ["--allow-temporary"]])
def test_readers_agree_on_a_report(
    runner: CliRunner, tmp_path: Path, fmt: str, extra: list[str]
) -> None:
    path = _csv(tmp_path / "ids.csv", "id,hetu", ROWS)
    python, arrow = _both(runner, path, "-c", "hetu", "-k", "hetu", "--format", fmt, *extra)
    _same(python, arrow)
    assert python.exit_code == 1
    for value in ROWS:
        if hetu.is_valid(value.strip(), allow_temporary=True):
            assert value.strip()[7:] not in python.stdout


def test_readers_agree_across_blocks_and_blank_lines(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small numpy chunks and Python chunks: row numbers stay the same, blank lines count."""
    monkeypatch.setattr(_ids_numpy, "CHUNK_BYTES", 40)
    monkeypatch.setattr(_ids, "CHUNK_ROWS", 5)
    lines = ["hetu"] + [
        corrupt_hetu(v, HetuCorruption.DATE) if i % 4 else v for i, v in enumerate(HETUS)
    ]
    lines.insert(9, "")
    lines.insert(20, "")
    path = tmp_path / "many.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    python, arrow = _both(runner, path, "-c", "hetu", "-k", "hetu", "--allow-temporary")
    _same(python, arrow)
    assert "row 10: empty value" in python.stdout


def test_readers_agree_with_bom_and_delimiter(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbfy;n\r\n2077474-0;x\r\n2077474-1;x\r\nFI20774740;x\r\n")
    python, arrow = _both(runner, path, "-c", "y", "-k", "ytunnus", "--delimiter", ";")
    _same(python, arrow)
    assert "a VAT number, not a Y-tunnus" in python.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("hetu,x\n131052-308T,1\n131052-308U\n", "row 3 has 1 fields but the header has 2"),
        ("hetu,x\n131052-308T,1,2\n", "row 2 has 3 fields but the header has 2"),
        ("", "is empty"),
        ("id,name\n1,2\n", "column 'hetu' not found; the header has: 'id', 'name'"),
        ("hetu\n", None),
    ],
)
def test_readers_agree_on_errors(
    runner: CliRunner, tmp_path: Path, content: str, message: str | None
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    python, arrow = _both(runner, path, "-c", "hetu", "-k", "hetu")
    _same(python, arrow)
    if message is not None:
        assert python.exit_code == 2
        assert message in python.stderr
    else:
        assert python.stdout == "0 rows checked: 0 valid, 0 invalid\n"


def test_quoted_file_goes_through_the_python_reader(runner: CliRunner, tmp_path: Path) -> None:
    """With a quote character in the file, auto picks the Python reader; arrow refuses."""
    path = tmp_path / "quoted.csv"
    path.write_text('hetu,name\n131052-308U,"Meikäläinen, Matti"\n', encoding="utf-8")
    auto = _run(runner, str(path), "-c", "hetu", "-k", "hetu")
    python = _run(runner, str(path), "-c", "hetu", "-k", "hetu", "--reader", "python")
    _same(python, auto)
    for reader in ("arrow", "numpy"):
        forced = _run(runner, str(path), "-c", "hetu", "-k", "hetu", "--reader", reader)
        assert forced.exit_code == 2
        assert "without quote characters" in forced.stderr


def test_invalid_utf8_anywhere_is_the_python_readers_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "cp.csv"
    path.write_bytes("hetu,nimi\n131052-308T,Äänekoski\n".encode("cp1252"))
    auto = _run(runner, str(path), "-c", "hetu", "-k", "hetu")
    python = _run(runner, str(path), "-c", "hetu", "-k", "hetu", "--reader", "python")
    _same(python, auto)
    assert auto.exit_code == 2
    assert "not valid utf-8" in auto.stderr


def test_without_pyarrow_the_python_reader_gives_the_same_report(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _csv(tmp_path / "ids.csv", "id,hetu", ROWS)
    with_arrow = _run(runner, str(path), "-c", "hetu", "-k", "hetu", "--format", "json")
    monkeypatch.setattr(_ids, "_arrow_reader", lambda: None)
    without = _run(runner, str(path), "-c", "hetu", "-k", "hetu", "--format", "json")
    _same(with_arrow, without)
    parquet = tmp_path / "ids.parquet"
    pq.write_table(pa.table({"hetu": ROWS}), parquet)
    refused = _run(runner, str(parquet), "-c", "hetu", "-k", "hetu")
    assert refused.exit_code == 2
    assert "needs the Arrow reader" in refused.stderr


def test_parquet_report_equals_the_csv_report(runner: CliRunner, tmp_path: Path) -> None:
    """A Parquet file gives the findings of the same values in a CSV file (rows from 1)."""
    values: list[str | None] = [*ROWS, None]
    parquet = tmp_path / "ids.parquet"
    pq.write_table(
        pa.table({"id": list(range(len(values))), "hetu": values}), parquet, row_group_size=4
    )
    csv_path = _csv(tmp_path / "ids.csv", "id,hetu", [v or "" for v in values])
    from_parquet = _run(runner, str(parquet), "-c", "hetu", "-k", "hetu", "--format", "json")
    from_csv = _run(runner, str(csv_path), "-c", "hetu", "-k", "hetu", "--format", "json")
    assert from_parquet.exit_code == from_csv.exit_code == 1
    got, expected = json.loads(from_parquet.stdout), json.loads(from_csv.stdout)
    assert [(f["row"] + 1, f["reason"], f["value"]) for f in got["invalid"]] == [
        (f["row"], f["reason"], f["value"]) for f in expected["invalid"]
    ]
    assert got["summary"] == expected["summary"]
    missing = _run(runner, str(parquet), "-c", "nope", "-k", "hetu")
    assert missing.exit_code == 2
    assert "the header has: 'id', 'hetu'" in missing.stderr
    numbers = _run(runner, str(parquet), "-c", "id", "-k", "hetu")
    assert numbers.exit_code == 2
    assert "not text" in numbers.stderr


_cell = st.one_of(hetu_like, ytunnus_like).map(
    lambda v: (
        ""
        if v is None
        else v.translate({ord(c): None for c in '",\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029'})
    )
)


@settings(max_examples=40)
@given(
    st.lists(_cell, max_size=30),
    st.sampled_from(["hetu", "ytunnus"]),
    st.sampled_from(["text", "json"]),
)
def test_property_readers_agree(
    tmp_path_factory: pytest.TempPathFactory, values: list[str], kind: str, fmt: str
) -> None:
    from click.testing import CliRunner

    path = _csv(tmp_path_factory.mktemp("prop") / "ids.csv", "n,id", values)
    python, arrow = _both(
        CliRunner(), path, "-c", "id", "-k", kind, "--format", fmt, "--skip-empty"
    )
    _same(python, arrow)


# --- issue 17: hostile input to check-ids -------------------------------------------


@pytest.mark.parametrize(
    "encoding", ["hex", "rot13", "zlib", "base64", "bz2", "undefined", "nope-8"]
)
def test_non_text_codecs_are_a_typed_error(
    runner: CliRunner, tmp_path: Path, encoding: str
) -> None:
    path = _csv(tmp_path / "ids.csv", "id,hetu", ROWS)
    result = _run(runner, str(path), "-c", "hetu", "-k", "hetu", "--encoding", encoding)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert "unknown encoding" in result.stderr


@pytest.mark.parametrize(
    "first",
    [
        "131052-308T",
        "131052-308t",
        "131052\u2013308T",
        "131052 308T",
        "131052308T",
        "131052 - 308t",
    ],
)
def test_headerless_file_never_prints_the_first_row(
    runner: CliRunner, tmp_path: Path, first: str
) -> None:
    """The first row holds a henkilötunnus in some spelling: it is not listed as a header."""
    path = tmp_path / "ids.csv"
    path.write_text(f"{first},Matti Meikäläinen,Helsinki\n", encoding="utf-8")
    for reader in ("python", "arrow"):
        result = _run(runner, str(path), "-c", "hetu", "-k", "hetu", "--reader", reader)
        assert result.exit_code == 2
        assert "add a header row" in result.stderr
        # the message names the file: its path (pytest's numbered temporary
        # folder) may hold any digits, so it is left out of the check
        shown = result.output.replace(str(path), "<path>")
        assert "308" not in shown
        assert "131052" not in shown
        assert "Matti" not in shown


def test_parquet_column_named_like_an_identity_code(runner: CliRunner, tmp_path: Path) -> None:
    """A Parquet file has no header row to add: the message asks to rename the column."""
    path = tmp_path / "ids.parquet"
    pq.write_table(pa.table({"131052-308T": ["x"], "nimi": ["y"]}), path)
    result = _run(runner, str(path), "-c", "hetu", "-k", "hetu")
    assert result.exit_code == 2
    assert "rename those columns" in result.stderr
    assert "header row" not in result.stderr
    shown = result.output.replace(str(path), "<path>")  # the path may hold any digits
    assert "308" not in shown
    assert "131052" not in shown


def test_utf16_without_byte_order_mark_is_a_typed_error(runner: CliRunner, tmp_path: Path) -> None:
    path = _csv(tmp_path / "ids.csv", "id,hetu", ROWS)
    result = _run(runner, str(path), "-c", "hetu", "-k", "hetu", "--encoding", "utf-16")
    assert result.exit_code == 2
    assert "not valid utf-16" in result.stderr
    assert "Traceback" not in result.stderr


def test_progress_count_on_standard_input(runner: CliRunner) -> None:
    data = "hetu\n" + "\n".join(HETUS) + "\n"
    counted = _run(
        runner, "-", "-c", "hetu", "-k", "hetu", "--allow-temporary", "--progress", stdin=data
    )
    assert counted.exit_code == 0
    assert f"checking: {len(HETUS)} rows" in counted.stderr
    quiet = _run(runner, "-", "-c", "hetu", "-k", "hetu", "--allow-temporary", stdin=data)
    assert "checking" not in quiet.stderr  # stderr is no terminal here
    assert quiet.stdout == counted.stdout


def test_reasons_in_words_and_codes_in_json(runner: CliRunner, tmp_path: Path) -> None:
    path = _csv(tmp_path / "ids.csv", "id,hetu", ROWS)
    text = _run(runner, str(path), "-c", "hetu", "-k", "hetu")
    assert "wrong century sign" in text.stdout
    assert "row 4: empty value" in text.stdout
    assert "century_sign" not in text.stdout
    document = json.loads(
        _run(runner, str(path), "-c", "hetu", "-k", "hetu", "--format", "json").stdout
    )
    assert {f["reason"] for f in document["invalid"]} >= {"century_sign", "length", "temporary"}


def test_redact_none_is_a_typed_error() -> None:
    with pytest.raises(IdentifierTypeError) as caught:
        hetu.redact(None)  # type: ignore[arg-type] # the point of the test
    assert isinstance(caught.value, RekisteriError)
    assert isinstance(caught.value, TypeError)


def test_arrow_reader_does_not_load_pandas(tmp_path: Path) -> None:
    """The Arrow reader never makes pyarrow import pandas (converting Python values does)."""
    import subprocess
    import sys

    path = tmp_path / "ids.parquet"
    pq.write_table(pa.table({"hetu": [*ROWS, "", None]}), path)
    code = (
        "import sys\n"
        "from rekisteri.cli import main\n"
        f"sys.argv = ['rekisteri', 'check-ids', {str(path)!r}, '-c', 'hetu', '-k', 'hetu',\n"
        "            '--reader', 'arrow', '--skip-empty']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    print('exit', exit.code, 'pyarrow' in sys.modules, 'pandas' in sys.modules)\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert done.stdout.splitlines()[-1] == "exit 1 True False", done.stderr


# --- the numpy reader: plain CSV split by numpy -----------------------------------

#: Cells of a quote-free file: identifiers and other text, with the delimiter and
#: line ends drawn apart (they end cells and lines).
_plain_cell = st.one_of(
    _cell,
    st.text(st.characters(codec="utf-8", exclude_characters='",\r\n'), max_size=30),
)
_line_end = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def _plain_files(draw: st.DrawFn) -> tuple[bytes, int]:
    """A CSV file without quotes: header ``n,id[,x]``, rows of any width, any line ends."""
    width = draw(st.integers(1, 3))
    header = ",".join(["n", "id", "x"][:width] if width > 1 else ["id"])
    rows = draw(
        st.lists(
            st.one_of(
                st.lists(_plain_cell, min_size=width, max_size=width),  # a regular row
                st.just([]),  # a blank line
                st.lists(_plain_cell, min_size=1, max_size=4),  # maybe ragged
            ),
            max_size=25,
        )
    )
    lines = [header, *(",".join(row) for row in rows)]
    text = "".join(line + draw(_line_end) for line in lines)
    if draw(st.booleans()):  # no line end after the last line
        text = text.rstrip("\r\n")
    data = text.encode()
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    return data, width


@settings(max_examples=150, deadline=None)
@given(
    _plain_files(),
    st.sampled_from(["hetu", "ytunnus"]),
    st.sampled_from(["text", "json", "csv"]),
    st.booleans(),
    st.integers(1, 200),
)
def test_property_numpy_reader_agrees_with_the_csv_module(
    tmp_path_factory: pytest.TempPathFactory,
    file: tuple[bytes, int],
    kind: str,
    fmt: str,
    skip_empty: bool,  # noqa: FBT001 - drawn by Hypothesis
    chunk: int,
) -> None:
    """Any quote-free file, any line ends, blank and ragged lines, chunks of any size."""
    from click.testing import CliRunner

    data, width = file
    path = tmp_path_factory.mktemp("plain") / "ids.csv"
    path.write_bytes(data)
    args = [str(path), "-c", "id", "-k", kind, "--format", fmt, "--allow-temporary"]
    if skip_empty:
        args.append("--skip-empty")
    runner = CliRunner()
    python = _run(runner, *args, "--reader", "python")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_ids_numpy, "CHUNK_BYTES", chunk)
        numpy = _run(runner, *args, "--reader", "numpy")
    _same(python, numpy)
    assert python.exit_code in (0, 1, 2), width


def test_numpy_reader_reports_the_rows_before_a_ragged_one(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Far into the file (past a chunk of either reader): every row before it is reported."""
    monkeypatch.setattr(_ids_numpy, "CHUNK_BYTES", 100)
    monkeypatch.setattr(_ids, "CHUNK_ROWS", 7)
    bad = [corrupt_hetu(v, HetuCorruption.CHECKSUM) for v in HETUS]
    path = _csv(tmp_path / "ragged.csv", "n,hetu", bad)
    with path.open("a", encoding="utf-8") as out:
        out.write("x,y,z\n")
    for reader in ("python", "numpy", "auto"):
        result = _run(
            runner, str(path), "-c", "hetu", "-k", "hetu", "--allow-temporary", "--reader", reader
        )
        assert result.exit_code == 2
        assert result.stdout.count("wrong check character") == len(HETUS), reader
        assert f"row {len(HETUS) + 2} has 3 fields but the header has 2" in result.stderr


@pytest.mark.parametrize(
    ("content", "reader"),
    [
        (b"n,hetu\n1,131052-308T\n", "numpy"),  # plain: the numpy reader
        (b'n,hetu\n1,"131052-308T"\n', "python"),  # a quote
        (b"n,hetu\n1,\xe4\n", "python"),  # not UTF-8
        (b"n,hetu\n1," + b"9" * 200_000 + b"\n", "python"),  # near the csv field limit
    ],
)
def test_auto_picks_the_numpy_reader_only_for_plain_files(
    tmp_path: Path, content: bytes, reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ids.csv"
    path.write_bytes(content)
    chosen: list[str] = []
    real = _ids._check_csv_fast

    def spy(*args: object, **kwargs: object) -> int:
        chosen.append(kwargs["fast_reader"].__name__)  # type: ignore[attr-defined] # a module
        return real(*args, **kwargs)  # type: ignore[arg-type] # passed through as given

    monkeypatch.setattr(_ids, "_check_csv_fast", spy)
    from click.testing import CliRunner

    result = _run(CliRunner(), str(path), "-c", "hetu", "-k", "hetu")
    assert result.exit_code in (0, 1, 2)
    assert chosen == (["rekisteri.cli._ids_numpy"] if reader == "numpy" else [])


def test_numpy_reader_does_not_load_pyarrow(tmp_path: Path) -> None:
    """A plain CSV file through --reader auto: numpy only (pyarrow costs 80 MiB of memory)."""
    import subprocess
    import sys

    path = _csv(tmp_path / "ids.csv", "id,hetu", ROWS)
    probe = (
        "import sys\n"
        "from rekisteri.cli import main\n"
        "sys.argv = ['rekisteri', 'check-ids', sys.argv[1], '-c', 'hetu', '-k', 'hetu']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('LOADED', sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'pyarrow'}))\n"
    )
    done = subprocess.run(  # noqa: S603 - this interpreter, a fixed program
        [sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True
    )
    assert "LOADED ['numpy']" in done.stdout


@settings(max_examples=300, deadline=None)
@example(
    [
        ("ab\x7fcdefghij", 1, 2),  # DEL shown: "?"
        ("\u0661" + "31052-308T", 2, 3),  # a printable non-ASCII digit shown
        ("13\u00a0052-308T", 3, 9),  # no-break space: not printable
        ("\U0001f600" * 6, 4, 10),  # outside the BMP
        ("ä" * 30, 5, 11),  # long: cut after 23 characters
        ("ä" * 12 + "131052-308T", 1, 99),  # more than 32 bytes
        ("", 1, 100),
        (" \u3000 ", 2, 101),  # whitespace only
        ("\x1f", 3, 102),  # whitespace for str.strip(), not for the identifiers
    ],
    True,
)
@example([("0\u00a1\u00a1\u0800\u0800\u0800\u08000000", 1, 0), ("", 1, 0)], False)
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(codec="utf-8"), max_size=40),
            st.integers(1, len(Reason)),
            st.integers(0, 10**12),
        ),
        max_size=20,
    ),
    st.booleans(),
)
def test_property_numpy_report_lines_equal_the_python_ones(
    findings: list[tuple[str, int, int]],
    skip_empty: bool,  # noqa: FBT001 - drawn by Hypothesis
) -> None:
    """Row numbers, reasons in words and mask() of any value: numpy builds the same lines."""
    import numpy as np

    from rekisteri._kernel import PAD, REASONS, Buffers
    from rekisteri.identifiers import mask

    encoded = [value.encode() for value, _, _ in findings]
    data = np.zeros(sum(map(len, encoded)) + 2 * PAD, dtype=np.uint8)
    starts, at = [], PAD
    for item in encoded:
        data[at : at + len(item)] = np.frombuffer(item, dtype=np.uint8)
        starts.append(at)
        at += len(item)
    first = np.array(starts, dtype=np.int64)
    ends = first + np.array([len(item) for item in encoded], dtype=np.int64)
    rows = np.array(sorted(number for _, _, number in findings), dtype=np.int64)
    codes = np.array([code for _, code, _ in findings], dtype=np.uint8)
    result = _ids_numpy.Findings(rows, codes, Buffers(data, first, ends))
    text, count, empty = result.text(
        skip_empty=skip_empty, words=_ids.REASON_WORDS, empty_words=_ids.EMPTY_WORDS
    )
    expected = []
    for (value, code, _), row in zip(findings, rows.tolist(), strict=True):
        if skip_empty and not value.strip():
            continue
        reason = REASONS[code]
        assert reason is not None
        shown = mask(value)
        expected.append(
            f"row {row}: {_ids.REASON_WORDS[reason]}: {shown}\n"
            if shown
            else f"row {row}: {_ids.EMPTY_WORDS}\n"
        )
    assert text == "".join(expected)
    assert (count, empty) == (len(expected), len(findings) - len(expected))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"id,h\xe4tu\n1,131052-308T\n", "the header is not valid utf-8"),
        (b"id,hetu\n1,131052-308T\n2,131052-308T\xe4\n3,x\n", "row 3 has bytes that are not valid"),
    ],
)
def test_undecodable_bytes_are_reported_at_their_row(
    runner: CliRunner, tmp_path: Path, content: bytes, message: str
) -> None:
    """The decoder reads ahead of the rows; the message names the row of the bad bytes."""
    path = tmp_path / "cp.csv"
    path.write_bytes(content)
    for reader in ("auto", "python"):
        result = _run(runner, str(path), "-c", "hetu", "-k", "hetu", "--reader", reader)
        assert result.exit_code == 2
        assert message in result.stderr, result.stderr


_HETU_COLUMN = ("-c", "hetu", "-k", "hetu")


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes")
def test_json_report_is_utf8_for_a_file_name_that_is_not(tmp_path: Path) -> None:
    """A file name with a byte that is not UTF-8 appears in the JSON report as U+FFFD."""
    name = os.fsdecode(b"ids-\xff.csv")
    (tmp_path / name).write_text("hetu\n131052-308T\n", encoding="utf-8")
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "rekisteri", "check-ids", name, "--format", "json", *_HETU_COLUMN],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.decode("utf-8"))
    assert report["file"] == "ids-\ufffd.csv"
