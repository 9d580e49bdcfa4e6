"""rekisteri.spark in Spark local mode: local[2] against local[1], in one run.

Run: python benchmarks/bench_spark.py [--rows N] [--rounds N] [--batch N] [--split-mb N] [--pin]

Data: the Parquet file of bench_check_ids.py (N synthetic temporary
henkilötunnus values, default 10,000,000, 20 % corrupted; written once to
benchmarks/_data). Each round starts a session per master, reads the file,
computes the reason of every value with ``rekisteri.spark.hetu_reason`` and
counts the rows per reason; the two masters alternate, best of --rounds.
The counts must be the same on both. How many of the machine's cores were busy
during each job (from /proc/stat, so other jobs count too) is printed beside
it: a master cannot scale past the cores that are free. Not a test, and not
run in CI.

``local[1]`` is one task slot, not one core: the JVM's Parquet reading,
Arrow transfer, garbage collection and JIT run beside the Python worker and
keep more than one core busy. With --pin each job runs in its own process
(so its own JVM and Python workers) bound to as many CPUs as the master has
task slots (os.sched_setaffinity, inherited by the JVM and its workers):
local[1] on one CPU, local[2] on two. That measures how the throughput
grows with cores; it needs as many free CPUs as the larger master.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_check_ids import DATA, make_parquet


def busy_ticks() -> int:
    """CPU ticks the whole machine has spent busy (not idle, not waiting), from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return user + nice + system + irq + softirq + steal


def run(
    master: str, path: Path, batch: int, split_mb: int
) -> tuple[float, float, dict[str | None, int]]:
    """Seconds of one job (session start excluded), the cores busy meanwhile, its counts."""
    from pyspark.sql import SparkSession

    from rekisteri import spark as rs

    session = (
        SparkSession.builder.master(master)
        .appName(f"rekisteri-bench-{master}")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(batch))
        .config("spark.sql.files.maxPartitionBytes", f"{split_mb}m")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        frame = session.read.parquet(str(path))
        start, ticks = time.perf_counter(), busy_ticks()
        rows = (
            frame.select(rs.hetu_reason("hetu", allow_temporary=True).alias("reason"))
            .groupBy("reason")
            .count()
            .collect()
        )
        seconds = time.perf_counter() - start
        cores = (busy_ticks() - ticks) / os.sysconf("SC_CLK_TCK") / seconds
    finally:
        session.stop()
    return seconds, cores, {row["reason"]: row["count"] for row in rows}


def run_pinned(
    master: str, path: Path, batch: int, split_mb: int
) -> tuple[float, float, dict[str | None, int]]:
    """:func:`run` in a child process bound to as many CPUs as *master* has slots."""
    slots = int(master[len("local[") : -1])
    cpus = sorted(os.sched_getaffinity(0))[:slots]
    if len(cpus) < slots:
        sys.exit(f"--pin: {master} needs {slots} CPUs, this process may use {len(cpus)}")
    command = [sys.executable, __file__, "--child", ",".join(map(str, cpus))]
    command += [master, str(path), str(batch), str(split_mb)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603
    seconds, cores, pairs = json.loads(done.stdout.splitlines()[-1])
    return seconds, cores, dict(pairs)


def child(cpus: str, master: str, path: str, batch: str, split_mb: str) -> None:
    """The job of :func:`run_pinned` on *cpus*: print its result as one JSON line.

    The binding is made before Spark starts, so the JVM and the Python
    workers it starts inherit it.
    """
    os.sched_setaffinity(0, {int(cpu) for cpu in cpus.split(",")})
    seconds, cores, counts = run(master, Path(path), int(batch), int(split_mb))
    print(json.dumps([seconds, cores, sorted(counts.items(), key=str)]))


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        os.environ["PYSPARK_PYTHON"] = sys.executable
        child(*sys.argv[2:7])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--batch",
        type=int,
        default=262_144,
        help="spark.sql.execution.arrow.maxRecordsPerBatch (Spark's default is 10,000)",
    )
    parser.add_argument(
        "--split-mb",
        type=int,
        default=16,
        help="spark.sql.files.maxPartitionBytes in MB (Spark's default is 128: on the"
        " 145 MB file that makes one task of nine row groups and one of one)",
    )
    parser.add_argument(
        "--pin",
        action="store_true",
        help="run each job in its own process bound to as many CPUs as it has task slots",
    )
    args = parser.parse_args()
    os.environ["PYSPARK_PYTHON"] = sys.executable
    DATA.mkdir(exist_ok=True)
    path = DATA / f"hetu-{args.rows}.parquet"
    if not path.exists():
        make_parquet(path, args.rows)
    best = {"local[1]": float("inf"), "local[2]": float("inf")}
    busy = {"local[1]": 0.0, "local[2]": 0.0}
    counts = {}
    for _ in range(args.rounds):
        for master, fastest in best.items():
            job = run_pinned if args.pin else run
            seconds, cores, counts[master] = job(master, path, args.batch, args.split_mb)
            if seconds < fastest:
                best[master], busy[master] = seconds, cores
    assert counts["local[1]"] == counts["local[2]"], "the masters disagree"
    assert sum(counts["local[1]"].values()) == args.rows
    invalid = args.rows - counts["local[1]"].get(None, 0)
    print(
        f"rows: {args.rows:,} ({invalid:,} invalid), Arrow batches of {args.batch:,} rows,"
        f" splits of at most {args.split_mb} MB"
        + (", each job bound to as many CPUs as it has task slots" if args.pin else "")
    )
    for master, seconds in best.items():
        print(
            f"{master}: {seconds:6.2f} s  {args.rows / seconds / 1e6:5.2f} M rows/s"
            f"  machine busy {busy[master]:.2f} of {os.cpu_count()} cores"
        )
    ratio = best["local[1]"] / best["local[2]"]
    verdict = "met" if ratio >= 1.6 else "MISSED"
    print(f"local[2] / local[1] throughput: {ratio:.2f}x (goal >= 1.6x: {verdict})")


if __name__ == "__main__":
    main()
