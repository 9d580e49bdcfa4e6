"""Peak memory and time of ``rekisteri validate`` on hostile register documents.

Run: python benchmarks/bench_hostile.py [--sizes 1,4,10,100] [--rounds N]

For each size (MB) and kind, a document is written to a temporary folder and
``rekisteri validate`` runs on it in a fresh process (best of --rounds); its
peak memory is the max RSS that ``os.wait4`` reports for that process alone.
The baseline, measured in the same run, is a fresh process that only reads
and parses the same file (orjson for JSON, tomllib for TOML): the least any
validator must do.

Kinds (every one invalid, and each hostile in its own way):

* ``bad-array``: ``"rights": [1, 1, …]``, one wrong item per 2 bytes
  (issue 17: 600 kB took 8 s and 635 MB, 6 MB took 142 s and 6.2 GB);
* ``bad-array-toml``: the same in TOML (parsed by the pure-Python tomllib);
* ``repeated``: ``"rights": ["access", "access", …]``, 1 repeat per 10 bytes
  (issue 17: 2,000,000 lines printed);
* ``nested``: ``"rights"`` holding blocks of arrays nested 500 deep.

Documents above the default limit (16 MiB) are refused before they are
parsed: that row shows what a 100 MB attack costs. The goal: peak < 200 MB
at every size, and time growing linearly (the ``s/MB`` column stays flat).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1024 * 1024
HEAD = b'{"name": "Esimerkki Oy:n asiakasrekisteri", "controller": {"name": "Esimerkki Oy"}, '
HEAD_TOML = b'name = "Esimerkki Oy:n asiakasrekisteri"\n'
TAIL_TOML = b'\n[controller]\nname = "Esimerkki Oy"\n'

BASELINE = """
import sys, tomllib, orjson
data = open(sys.argv[1], "rb").read()
orjson.loads(data) if sys.argv[1].endswith(".json") else tomllib.loads(data.decode())
"""


def _write_repeated(path: Path, head: bytes, unit: bytes, size: int, tail: bytes) -> None:
    """*head*, *unit* repeated to about *size* bytes (last separator dropped), *tail*.

    Written in chunks, so that this process stays small: a child's max RSS
    on Linux starts from its parent's size at the fork.
    """
    count = max(1, size // len(unit))
    chunk = unit * min(count, max(1, 1_000_000 // len(unit)))
    with path.open("wb") as handle:
        handle.write(head)
        left = count
        while left > len(chunk) // len(unit):
            handle.write(chunk)
            left -= len(chunk) // len(unit)
        handle.write((unit * left).rstrip(b", ") + tail)


def write_document(folder: Path, kind: str, size: int) -> Path:
    """Write a hostile document of about *size* bytes; return its path."""
    if kind == "bad-array":
        path = folder / f"{kind}-{size}.json"
        _write_repeated(path, HEAD + b'"rights": [', b"1,", size, b"]}")
    elif kind == "bad-array-toml":
        path = folder / f"{kind}-{size}.toml"
        _write_repeated(path, HEAD_TOML + b"rights = [", b"1,", size, b"]" + TAIL_TOML)
    elif kind == "repeated":
        path = folder / f"{kind}-{size}.json"
        _write_repeated(path, HEAD + b'"rights": [', b'"access", ', size, b"]}")
    elif kind == "nested":
        path = folder / f"{kind}-{size}.json"
        block = b"[" * 500 + b"1" + b"]" * 500 + b","
        _write_repeated(path, HEAD + b'"rights": [', block, size, b"]}")
    else:
        raise ValueError(kind)
    return path


def measure(args: list[str]) -> tuple[float, float, int]:
    """Run *args* in a fresh process: (seconds, peak RSS in MB, exit code)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603 - our own command
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def best(args: list[str], rounds: int) -> tuple[float, float, int]:
    runs = [measure(args) for _ in range(rounds)]
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,10,100", help="document sizes in MB")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--kinds", default="bad-array,bad-array-toml,repeated,nested", help="comma-separated"
    )
    options = parser.parse_args()
    sizes = [float(s) for s in options.sizes.split(",")]
    rekisteri = [sys.executable, "-m", "rekisteri", "validate"]
    print(
        f"python {sys.version.split()[0]}; best of {options.rounds}; peak = max RSS of the process"
    )
    print("| kind | MB | exit | validate s | s/MB | peak MB | parse-only s | parse-only peak MB |")
    print("|---|---|---|---|---|---|---|---|")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for kind in options.kinds.split(","):
            for size in sizes:
                path = write_document(Path(tmp), kind, int(size * MB))
                actual = path.stat().st_size / MB
                seconds, peak, code = best([*rekisteri, str(path)], options.rounds)
                if actual <= 16:  # parsing a 100 MB file takes the baseline itself past 1 GB
                    base_s, base_peak, _ = best(
                        [sys.executable, "-c", BASELINE, str(path)], options.rounds
                    )
                    baseline = f"{base_s:.2f} | {base_peak:.0f}"
                else:
                    baseline = "- | -"
                worst = max(worst, peak)
                print(
                    f"| {kind} | {actual:.1f} | {code} | {seconds:.2f} | {seconds / actual:.3f} "
                    f"| {peak:.0f} | {baseline} |"
                )
                path.unlink()
    print(f"highest peak: {worst:.0f} MB (goal < 200 MB)")


if __name__ == "__main__":
    main()
