"""``rekisteri check-ids`` on a 1M-row CSV against a bare ``csv.reader`` pass.

Run: python benchmarks/bench_check_ids.py [--rows N] [--rounds N] [--parquet-rows N]

The CSV has four columns; the checked column holds synthetic temporary
henkilötunnus values (so no value can name a real person), 20 % of them
corrupted. Every side runs as a fresh subprocess, interleaved, best of
--rounds; the report of check-ids goes to a file. Sides:

* bare: a ``csv.reader`` pass over the file (the baseline);
* python / numpy: ``rekisteri check-ids --reader python`` / ``--reader numpy``
  (what ``--reader auto`` picks for this file; ``--reader arrow`` splits a CSV
  file with numpy too);
* arrow_floor: a bare pyarrow CSV read of the one column (no check, no
  report): the least a CSV reader built on pyarrow could cost, memory above all.

Peak memory (max RSS) of each side is printed too. With --parquet-rows, the
same values (that many of them, default 10,000,000) in a Parquet file are
checked once more, with the RSS of a bare pyarrow batch read as its floor.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import subprocess
import sys
import tempfile
from itertools import cycle
from pathlib import Path

from rekisteri.testing import HetuCorruption, corrupt_hetu, synthetic_hetus

DATA = Path(__file__).parent / "_data"

BARE = """
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    for row in csv.reader(f):
        pass
"""

OURS = """
import sys
from rekisteri.cli import main
sys.argv = ["rekisteri", "check-ids", sys.argv[1], "--column", "hetu", "--kind", "hetu",
            "--allow-temporary", "--no-progress", *sys.argv[2:]]
main()
"""

ARROW_FLOOR = """
import sys
import pyarrow as pa, pyarrow.csv as pa_csv
with open(sys.argv[1], "rb") as f:
    reader = pa_csv.open_csv(
        f,
        read_options=pa_csv.ReadOptions(block_size=1 << 20, use_threads=False),
        parse_options=pa_csv.ParseOptions(quote_char=False),
        convert_options=pa_csv.ConvertOptions(
            include_columns=["hetu"], column_types={"hetu": pa.string()}
        ),
    )
    for batch in reader:
        pass
"""

PARQUET_FLOOR = """
import sys
import pyarrow.parquet as pq
for batch in pq.ParquetFile(sys.argv[1]).iter_batches(batch_size=65536, columns=["hetu"]):
    pass
"""


def make_csv(path: Path, rows: int) -> None:
    kinds = cycle(HetuCorruption)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "name", "hetu", "city"])
        for i, value in enumerate(synthetic_hetus(rows, seed=7)):
            broken = corrupt_hetu(value, next(kinds)) if i % 5 == 4 else value
            writer.writerow([i, f"Testi Henkilö {i}", broken, "Helsinki"])


def make_parquet(path: Path, rows: int) -> None:
    """The same kind of values in a Parquet file, written a million rows at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = cycle(HetuCorruption)
    schema = pa.schema([("id", pa.int64()), ("hetu", pa.string())])
    with pq.ParquetWriter(path, schema) as writer:
        done = 0
        values = synthetic_hetus(rows, seed=7)
        while done < rows:
            size = min(1_000_000, rows - done)
            chunk = []
            for i in range(done, done + size):
                value = next(values)
                chunk.append(corrupt_hetu(value, next(kinds)) if i % 5 == 4 else value)
            writer.write_table(pa.table({"id": range(done, done + size), "hetu": chunk}, schema))
            done += size


#: Runs one side in a child of its own and reports that child's wall time, CPU time
#: and peak RSS. Measured from this small process, not from the benchmark's: on
#: Linux a process starts with the peak RSS of the one that forked it, so a child
#: of the benchmark (which holds reports and data) would show the benchmark's peak.
LAUNCH = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run([sys.executable, "-c", *sys.argv[1:]], check=False)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"MEASURED {done.returncode} {wall} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}",
      file=sys.stderr)
"""


def run(code: str, path: Path, out: Path, *args: str) -> tuple[float, float, int | None]:
    """Return wall seconds, CPU seconds (user + system) and max RSS in KiB of one run."""
    with out.open("w") as sink:
        done = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", LAUNCH, code, str(path), *args],
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    measured = [line for line in done.stderr.splitlines() if line.startswith("MEASURED ")]
    if not measured:
        raise SystemExit(done.stderr)
    code_text, wall, cpu, rss = measured[-1].split()[1:]
    if int(code_text) not in (0, 1):
        raise SystemExit(done.stderr)
    return float(wall), float(cpu), int(rss)


SIDES = {
    "bare": (BARE, ()),
    "python": (OURS, ("--reader", "python")),
    "numpy": (OURS, ("--reader", "numpy")),
    "arrow_floor": (ARROW_FLOOR, ()),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--parquet-rows", type=int, default=0)
    args = parser.parse_args()
    DATA.mkdir(exist_ok=True)
    path = DATA / f"hetu-{args.rows}.csv"
    if not path.exists():
        make_csv(path, args.rows)
    best = dict.fromkeys(SIDES, float("inf"))
    cpu = dict.fromkeys(SIDES, float("inf"))
    peak = dict.fromkeys(SIDES, 0)
    summaries: dict[str, str] = {}
    last_lines: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.txt"
        for _ in range(args.rounds):
            for name, (code, extra) in SIDES.items():
                seconds, cpu_seconds, rss = run(code, path, out, *extra)
                best[name] = min(best[name], seconds)
                cpu[name] = min(cpu[name], cpu_seconds)
                peak[name] = max(peak[name], rss or 0)
                if name in {"python", "numpy"}:
                    # a digest and the last line: the benchmark stays small (see LAUNCH)
                    report = out.read_bytes()
                    summaries[name] = hashlib.sha256(report).hexdigest()
                    last_lines[name] = report.decode().splitlines()[-1]
    assert summaries["python"] == summaries["numpy"], "the numpy reader's report differs"
    print(f"rows: {args.rows:,}  ({last_lines['numpy']}; same report both ways)")
    for name in SIDES:
        goal = ""
        if name == "numpy":
            ratio = max(best[name] / best["bare"], cpu[name] / cpu["bare"])
            fits = ratio <= 1.0 and peak[name] * 1024 < 100e6
            goal = f"  (goal <= 1.0x and < 100 MB: {'met' if fits else 'MISSED'})"
        if name == "python":
            ratio = best[name] / best["bare"]
            goal = f"  (goal <= 4x: {'met' if ratio <= 4 else 'MISSED'})"
        print(
            f"{name:12} wall {best[name]:5.2f} s = {best[name] / best['bare']:4.2f}x bare, "
            f"CPU {cpu[name]:5.2f} s = {cpu[name] / cpu['bare']:4.2f}x, "
            f"peak RSS {peak[name] / 1024:6.1f} MiB{goal}"
        )
    print("(peak RSS goal for check-ids < 100 MB)")
    if args.parquet_rows:
        parquet = DATA / f"hetu-{args.parquet_rows}.parquet"
        if not parquet.exists():
            make_parquet(parquet, args.parquet_rows)
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "report.txt"
            seconds, cpu_seconds, rss = run(OURS, parquet, out)
            summary = out.read_text(encoding="utf-8").splitlines()[-1]
            floor_seconds, _, floor_rss = run(PARQUET_FLOOR, parquet, out)
        print(
            f"parquet {args.parquet_rows:,} rows ({summary}): check-ids {seconds:.2f} s "
            f"(CPU {cpu_seconds:.2f} s), peak RSS {(rss or 0) / 1024:.1f} MiB "
            f"(goal < 200 MB: {'met' if (rss or 0) * 1024 < 200e6 else 'MISSED'}); "
            f"bare batch read {floor_seconds:.2f} s, {(floor_rss or 0) / 1024:.1f} MiB"
        )


if __name__ == "__main__":
    main()
