"""``check-ids`` on Parquet decodes by bytes, not 8,192 rows whatever their length (A11's M17).

A 466-byte zstd file of 8,192 copies of a 256 KiB value needed over 3 GiB (a
dictionary of one value, copied per row when decoded); under a memory limit
it was called "a corrupt Parquet file". Now a row group whose values may be
long is read in fewer rows at a time, a value over the CSV path's 4 MiB line
limit is refused as too large (:class:`~rekisteri.cli._ids.ValueTooLargeError`),
and a failed allocation is "too large", never "corrupt". RSS before and after:
benchmarks/README.md.
"""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING

import pytest

from rekisteri.cli import _ids, cli
from rekisteri.errors import RekisteriError
from rekisteri.testing import synthetic_hetus

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from click.testing import CliRunner, Result

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
_ids_arrow = pytest.importorskip("rekisteri.cli._ids_arrow")

CODE = "131052-308T"  # DOMAIN.md's published example, never a real person's
FIVE_MIB = 5 << 20


def _run(runner: CliRunner, path: Path, *args: str) -> Result:
    return runner.invoke(cli, ["check-ids", str(path), "-c", "hetu", "-k", "hetu", *args])


@pytest.mark.parametrize("dictionary", [True, False], ids=["dictionary", "plain"])
def test_a_value_over_4_mib_is_refused_as_too_large(
    runner: CliRunner, tmp_path: Path, *, dictionary: bool
) -> None:
    """Exit 2 with a 'too large' message, not 'corrupt' and no traceback; no value shown."""
    path = tmp_path / "long.parquet"
    values = [CODE, CODE + "A" * FIVE_MIB, CODE]
    pq.write_table(pa.table({"hetu": values}), path, compression="zstd", use_dictionary=dictionary)
    result = _run(runner, path)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "longer than 4,194,304 bytes" in result.stderr
    assert "corrupt" not in result.stderr
    assert "AAAA" not in result.output
    assert CODE not in result.output


def test_a_value_of_4_mib_is_checked(runner: CliRunner, tmp_path: Path) -> None:
    """The limit is the CSV path's: a value of exactly 4 MiB is checked (invalid, exit 1)."""
    path = tmp_path / "edge.parquet"
    pq.write_table(pa.table({"hetu": [CODE, "A" * _ids.LINE_LIMIT]}), path, compression="zstd")
    result = _run(runner, path)
    assert result.exit_code == 1, result.output
    assert "2 rows checked: 1 valid, 1 invalid" in result.stdout


def test_rows_per_read_follow_the_longest_dictionary_value(tmp_path: Path) -> None:
    """8,192 copies of a 256 KiB value are read 31 rows at a time; short codes 8,192."""
    long_path, short_path = tmp_path / "long.parquet", tmp_path / "short.parquet"
    pq.write_table(pa.table({"hetu": [CODE + "A" * (256 << 10)] * 8192}), long_path)
    pq.write_table(pa.table({"hetu": [*synthetic_hetus(20_000, seed=3)]}), short_path)
    # 8 MiB over 256 KiB and the code's 11 bytes: 31 rows.
    for path, expected in ((long_path, 31), (short_path, _ids_arrow.PARQUET_READ_ROWS)):
        _, parquet = _ids_arrow.parquet_columns(str(path))
        dictionaries = _ids_arrow._Dictionaries(str(path), "hetu")
        try:
            rows = _ids_arrow._read_rows(parquet, 0, 0, dictionaries)
        finally:
            dictionaries.close()
            parquet.close()
        assert rows == expected, path.name


def test_plain_long_values_are_read_in_fewer_rows(tmp_path: Path) -> None:
    """Without a dictionary, the chunk's bytes per row set the rows per read."""
    path = tmp_path / "plain.parquet"
    values = [f"{n:06d}" + "A" * (64 << 10) for n in range(300)]
    pq.write_table(pa.table({"hetu": values}), path, use_dictionary=False)
    _, parquet = _ids_arrow.parquet_columns(str(path))
    try:
        rows = _ids_arrow._read_rows(parquet, 0, 0, None)
    finally:
        parquet.close()
    assert rows == 127  # 8 MiB / (64 KiB and the value's few bytes more)


def test_the_report_is_that_of_the_same_values_in_csv(runner: CliRunner, tmp_path: Path) -> None:
    """Long and short values mixed, read in small batches: the same report as the CSV file's."""
    values = [
        *synthetic_hetus(3000, seed=11),
        *(CODE + "A" * (100 << 10) for _ in range(200)),
        *synthetic_hetus(3000, seed=12),
        "",
    ]
    parquet, comma = tmp_path / "mixed.parquet", tmp_path / "mixed.csv"
    pq.write_table(pa.table({"hetu": values}), parquet, row_group_size=2500)
    with comma.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["hetu"])
        writer.writerows([value] for value in values)
    from_parquet = _run(runner, parquet, "--format", "json")
    from_csv = _run(runner, comma, "--format", "json")
    assert from_parquet.exit_code == from_csv.exit_code == 1, from_parquet.output
    got, expected = json.loads(from_parquet.stdout), json.loads(from_csv.stdout)
    # Parquet rows count from 1, the CSV file's from its header line.
    assert [(f["row"] + 1, f["reason"], f["value"]) for f in got["invalid"]] == [
        (f["row"], f["reason"], f["value"]) for f in expected["invalid"]
    ]
    assert got["summary"] == expected["summary"]
    assert got["summary"]["invalid"] >= 200


def test_a_failed_allocation_is_too_large_not_corrupt(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Arrow's ArrowMemoryError while decoding: 'needs more memory', exit 2, not 'corrupt'."""
    path = tmp_path / "ids.parquet"
    pq.write_table(pa.table({"hetu": [*synthetic_hetus(10, seed=1)]}), path)

    def out_of_memory(*_args: object, **_kwargs: object) -> Iterator[object]:
        if _args:  # always: a generator, as iter_batches is, that fails when first read
            raise pa.lib.ArrowMemoryError("malloc of size 3221225472 failed")
        yield from ()

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", out_of_memory)
    result = _run(runner, path)
    assert result.exit_code == 2, result.output
    assert "needs more memory than this process may use" in result.stderr
    assert "corrupt" not in result.stderr


def test_value_too_large_is_an_unreadable_file_error() -> None:
    """The typed error is a kind of UnreadableFileError (and a RekisteriError, a ValueError)."""
    assert issubclass(_ids.ValueTooLargeError, _ids.UnreadableFileError)
    assert issubclass(_ids.ValueTooLargeError, RekisteriError)
    assert issubclass(_ids.ValueTooLargeError, ValueError)
