"""``rekisteri check-ids`` on a 1M-row CSV against a bare ``csv.reader`` pass.

Run: python benchmarks/bench_check_ids.py [--rows N] [--rounds N]

The CSV has four columns; the checked column holds synthetic temporary
henkilötunnus values (so no value can name a real person), 20 % of them
corrupted. Both sides run as fresh subprocesses, interleaved, best of
--rounds; the report of check-ids goes to a file. Peak memory (max RSS) of
the check-ids process is printed too.
"""

from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import tempfile
import time
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
import resource, sys
from rekisteri.cli import main
sys.argv = ["rekisteri", "check-ids", sys.argv[1], "--column", "hetu", "--kind", "hetu",
            "--allow-temporary", "--no-progress"]
try:
    main()
finally:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def make_csv(path: Path, rows: int) -> None:
    kinds = cycle(HetuCorruption)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "name", "hetu", "city"])
        for i, value in enumerate(synthetic_hetus(rows, seed=7)):
            broken = corrupt_hetu(value, next(kinds)) if i % 5 == 4 else value
            writer.writerow([i, f"Testi Henkilö {i}", broken, "Helsinki"])


def run(code: str, path: Path, out: Path) -> tuple[float, float, int | None]:
    """Return wall seconds, CPU seconds (user + system) and max RSS in KiB of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with out.open("w") as sink:
        done = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", code, str(path)],
            stdout=sink,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)
    last = done.stderr.strip().splitlines()[-1:] or [""]
    return seconds, cpu, int(last[0]) if last[0].isdigit() else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    DATA.mkdir(exist_ok=True)
    path = DATA / f"hetu-{args.rows}.csv"
    if not path.exists():
        make_csv(path, args.rows)
    best = {"bare": float("inf"), "ours": float("inf")}
    cpu = {"bare": float("inf"), "ours": float("inf")}
    peak_kib = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.txt"
        for _ in range(args.rounds):
            for name, code in (("bare", BARE), ("ours", OURS)):
                seconds, cpu_seconds, rss = run(code, path, out)
                best[name] = min(best[name], seconds)
                cpu[name] = min(cpu[name], cpu_seconds)
                if name == "ours":
                    peak_kib = max(peak_kib, rss or 0)
        summary = out.read_text(encoding="utf-8").splitlines()[-1]
    ratio = best["ours"] / best["bare"]
    print(f"rows: {args.rows:,}  ({summary})")
    print(f"bare csv.reader pass: {best['bare']:.2f} s")
    print(
        f"rekisteri check-ids:  {best['ours']:.2f} s = {ratio:.2f}x the bare pass "
        f"(goal <= 4x: {'met' if ratio <= 4 else 'MISSED'})"
    )
    print(
        f"CPU time (user+sys), less disturbed by other guests: "
        f"{cpu['ours']:.2f} s / {cpu['bare']:.2f} s = {cpu['ours'] / cpu['bare']:.2f}x"
    )
    print(
        f"check-ids peak RSS:   {peak_kib / 1024:.1f} MiB "
        f"(goal < 100 MB: {'met' if peak_kib * 1024 < 100e6 else 'MISSED'})"
    )


if __name__ == "__main__":
    main()
