"""Import time of rekisteri against ``import attrs``, in fresh processes.

Run: python benchmarks/bench_import.py [--rounds N]

Each round starts one fresh interpreter per module, interleaved, and reads the
cumulative microseconds of the top-level import from ``-X importtime``. The
best round of each is compared with ``import attrs`` measured in the same run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

MODULES = ["attrs", "rekisteri", "rekisteri.identifiers", "rekisteri.cli"]


def import_time_us(module: str) -> int:
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in done.stderr.splitlines():
        fields = [field.strip() for field in line.split("|")]
        if len(fields) == 3 and fields[2] == module:
            return int(fields[1])
    raise SystemExit(f"no importtime line for {module}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    best = dict.fromkeys(MODULES, sys.maxsize)
    for _ in range(rounds):
        for module in MODULES:
            best[module] = min(best[module], import_time_us(module))
    base = best["attrs"]
    for module in MODULES:
        print(
            f"import {module:22} {best[module] / 1000:6.1f} ms  {best[module] / base:5.2f}x attrs"
        )


if __name__ == "__main__":
    main()
