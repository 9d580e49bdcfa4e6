"""The SQLite consent store against bare sqlite3, in one run.

Run: python benchmarks/bench_store.py [--rounds N] [--events N]

(1) Appending 100k events in batches of 1,000 through ``SQLiteStore.append``
    (validation, canonical JSON, digests, hash chain, the status each event
    leaves, one transaction per batch) vs a bare ``executemany`` of the same rows into an
    equivalent table (same columns, same index, same pragmas) in another file.
    Goal: at least 0.5x the bare throughput.
(2) ``may_process`` for one subject in a store of --events events (default
    1,000,000; built once into benchmarks/_data/, which git ignores) vs a bare
    indexed SELECT of that subject's latest row. Goal: within 3x.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _util import race

from rekisteri.consent import ConsentEvent, EventKind
from rekisteri.store.sqlite import SCHEMA_VERSION, SQLiteStore

DATA = Path(__file__).parent / "_data"
T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
PURPOSES = {"newsletter": True, "research": False}
APPEND_EVENTS = 100_000
BATCH = 1_000
QUERIES = 5_000
SECRET = b"benchmark secret, 32 bytes or more"


def events(count: int, prefix: str = "s") -> list[ConsentEvent]:
    """Per subject a request then a give, alternating purposes; fictitious opaque ids."""
    return [
        ConsentEvent(
            subject=f"{prefix}{i // 2}",
            purpose="newsletter" if (i // 2) % 3 else "research",
            kind=EventKind.REQUEST if i % 2 == 0 else EventKind.GIVE,
            at=T0 + timedelta(seconds=i),
            channel="web-form",
        )
        for i in range(count)
    ]


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def bench_append(rounds: int) -> None:
    data = events(APPEND_EVENTS)
    batches = [data[i : i + BATCH] for i in range(0, len(data), BATCH)]
    ours_path, bare_path = DATA / "bench-append-store.db", DATA / "bench-append-bare.db"

    def ours() -> None:
        remove(ours_path)
        with SQLiteStore(ours_path, purposes=PURPOSES, secret=SECRET) as store:
            for batch in batches:
                store.append(batch)

    ours()  # also yields the exact rows for the baseline
    with sqlite3.connect(ours_path) as conn:
        rows = conn.execute(
            "SELECT seq, subject, purpose, kind, at_us, payload, digest, prev, hash,"
            " status, valid_until_us FROM events ORDER BY seq"
        ).fetchall()
    row_batches = [rows[i : i + BATCH] for i in range(0, len(rows), BATCH)]

    def bare() -> None:
        remove(bare_path)
        conn = sqlite3.connect(bare_path, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(
            "CREATE TABLE events (seq INTEGER PRIMARY KEY, subject TEXT, purpose TEXT,"
            " kind TEXT, at_us INTEGER, payload BLOB, digest TEXT NOT NULL,"
            " prev TEXT NOT NULL, hash TEXT NOT NULL, status TEXT, valid_until_us INTEGER)"
        )
        conn.execute("CREATE INDEX events_spq ON events (subject, purpose, seq)")
        for batch in row_batches:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
            conn.execute("COMMIT")
        conn.close()

    best = race({"bare executemany": bare, "SQLiteStore.append": ours}, rounds)
    ratio = best["bare executemany"] / best["SQLiteStore.append"]
    per_s = APPEND_EVENTS / best["SQLiteStore.append"]
    goal = "goal met" if ratio >= 0.5 else "goal MISSED"
    print(
        f"append {APPEND_EVENTS:,} events, batches of {BATCH:,}: {ratio:.2f}x bare executemany"
        f" ({per_s:,.0f} events/s vs {APPEND_EVENTS / best['bare executemany']:,.0f});"
        f" goal >= 0.5x: {goal}"
    )
    remove(ours_path)
    remove(bare_path)


def build(path: Path, count: int) -> None:
    if path.exists():
        print(f"store of {count:,} events: reusing {path.name}")
        return
    start = time.perf_counter()
    partial = path.with_suffix(".partial")
    remove(partial)
    with SQLiteStore(partial, purposes=PURPOSES, secret=SECRET) as store:
        step = 100_000
        for first in range(0, count, step):
            chunk = events(min(step, count - first), prefix=f"b{first}-")
            for i in range(0, len(chunk), BATCH):
                store.append(chunk[i : i + BATCH])
    with sqlite3.connect(partial) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)
    remove(partial)
    print(f"store of {count:,} events: built in {time.perf_counter() - start:.0f} s")


def bench_may_process(rounds: int, count: int) -> None:
    DATA.mkdir(exist_ok=True)
    path = DATA / f"bench-store-v{SCHEMA_VERSION}-{count}.db"
    build(path, count)
    rng = random.Random(42)
    step = 100_000
    subjects = []
    for _ in range(QUERIES):
        first = rng.randrange(0, count, step)
        subjects.append(f"b{first}-{rng.randrange(min(step, count - first) // 2)}")
    at = T0 + timedelta(days=1)
    store = SQLiteStore(path, purposes=PURPOSES, secret=SECRET)
    conn = sqlite3.connect(path)
    select = "SELECT kind FROM events WHERE subject = ? AND purpose = ? ORDER BY seq DESC LIMIT 1"
    purpose = {s: "newsletter" if int(s.split("-")[1]) % 3 else "research" for s in subjects}
    assert all(store.may_process(s, purpose[s], at=at) for s in subjects)
    assert all(conn.execute(select, (s, purpose[s])).fetchone() == ("give",) for s in subjects)
    best = race(
        {
            "bare SELECT": lambda: [
                conn.execute(select, (s, purpose[s])).fetchone() for s in subjects
            ],
            "may_process": lambda: [store.may_process(s, purpose[s], at=at) for s in subjects],
        },
        rounds,
    )
    store.close()
    conn.close()
    ratio = best["may_process"] / best["bare SELECT"]
    goal = "goal met" if ratio <= 3 else "goal MISSED"
    print(
        f"may_process in a store of {count:,} events: {ratio:.2f}x the time of a bare indexed"
        f" SELECT ({best['may_process'] / QUERIES * 1e6:.1f} us vs"
        f" {best['bare SELECT'] / QUERIES * 1e6:.1f} us per call); goal <= 3x: {goal}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args()
    DATA.mkdir(exist_ok=True)
    bench_append(args.rounds)
    bench_may_process(args.rounds, args.events)


if __name__ == "__main__":
    main()
