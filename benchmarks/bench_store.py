"""The SQLite consent store against bare sqlite3, in one run.

Run: python benchmarks/bench_store.py [--rounds N] [--events N]
     python benchmarks/bench_store.py --backend postgres [--dsn URL] [--events N]

(1) Appending 100k events in batches of 1,000 through ``SQLiteStore.append``
    (validation, canonical JSON, digests, hash chain, the status each event
    leaves, one transaction per batch) vs a bare ``executemany`` of the same rows into an
    equivalent table (same columns, same index, same pragmas) in another file.
    Goal: at least 0.5x the bare throughput.
(2) ``may_process`` for one subject in a store of --events events (default
    1,000,000; built once into benchmarks/_data/, which git ignores) vs a bare
    indexed SELECT of that subject's latest row. Goal: within 3x.
(3) ``verify`` and ``verify_requests`` of a store of --verify-events consent
    events (default 100,000) and half as many request events, and of one a
    tenth that size, each vs a bare read of every row of its ledger in ``seq``
    order (the least a walk of the chain reads), with the microseconds per
    event at both sizes (the same at both: linear) and the time of the schema
    check alone (``sqlite_master`` against rekisteri's own schema, and
    ``PRAGMA integrity_check``, which reads every page of the file); in CPU
    time (``time.process_time``), as SQLite works inside the process.

With ``--backend postgres`` (DSN from ``--dsn`` or REKISTERI_BENCH_POSTGRES, a
``postgresql://`` URL; each run uses fresh schemas and drops them):
(1) ``PostgresStore.append`` vs a bare psycopg ``executemany`` in pipeline mode
    of the same rows into an equivalent table, one transaction per batch;
(2) ``may_process`` vs a bare indexed SELECT of the latest row (on a
    connection of its own to the same database), in a store of --events;
(3) append throughput with 1, 2, 4 and 8 writer processes into one store;
(4) ``verify`` and ``verify_requests`` as for SQLite (the schema check there is
    six catalogue queries), in wall-clock time: the server does most of the work.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).parent))

from _util import race

from rekisteri.consent import ConsentEvent, EventKind
from rekisteri.requests import RequestEvent
from rekisteri.store import _schema
from rekisteri.store.sqlite import SCHEMA_VERSION, SQLiteStore

if TYPE_CHECKING:
    from collections.abc import Callable

DATA = Path(__file__).parent / "_data"
T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
PURPOSES = {"newsletter": True, "research": False}
APPEND_EVENTS = 100_000
BATCH = 1_000
QUERIES = 5_000
SECRET = b"benchmark secret, 32 bytes or more"
VERIFY_EVENTS = 100_000
#: The plain read that a walk of each ledger cannot do without: every row, in ``seq`` order.
CONSENT_ROWS = (
    "SELECT seq, subject, purpose, kind, at_us, payload, digest, prev, hash, status,"
    " valid_until_us FROM {t}events ORDER BY seq"
)
REQUEST_ROWS = (
    "SELECT seq, request_id, subject, kind, at_us, payload, digest, prev, hash"
    " FROM {t}request_events ORDER BY seq"
)
PG_CONSENT_ROWS: Any = CONSENT_ROWS.format(t="bench_verify.")
PG_REQUEST_ROWS: Any = REQUEST_ROWS.format(t="bench_verify.")


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
    with closing(sqlite3.connect(ours_path)) as conn:
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


def request_events(count: int) -> list[RequestEvent]:
    """Per request a receive then an acknowledge, *count* events in all; fictitious opaque ids."""
    return [
        RequestEvent(
            request_id=f"r{i // 2}",
            subject=f"s{i // 2}",
            kind="receive" if i % 2 == 0 else "acknowledge",
            at=T0 + timedelta(seconds=i),
            right="access" if i % 2 == 0 else None,
        )
        for i in range(count)
    ]


def fill_for_verify(store: Any, count: int) -> None:  # noqa: ANN401 - either store
    """*count* consent events and half as many request events, in batches."""
    data = events(count, prefix="v")
    for i in range(0, len(data), BATCH):
        store.append(data[i : i + BATCH])
    requests = request_events(count // 2)
    for i in range(0, len(requests), BATCH):
        store.append_requests(requests[i : i + BATCH])


def _verify_line(
    backend: str, count: int, best: dict[str, float], per_event: dict[str, list[float]]
) -> None:
    for ledger, bare in (("verify", "bare consent rows"), ("verify_requests", "bare request rows")):
        rows = count if ledger == "verify" else count // 2
        small, large = per_event[ledger]
        print(
            f"{backend} {ledger}, {rows:,} events: {best[ledger]:.3f} s, "
            f"{best[ledger] / best[bare]:.1f}x a bare read of every row ({best[bare]:.3f} s);"
            f" {small:.1f} us per event at a tenth of the size, {large:.1f} us at the full size"
        )


def race_cpu(candidates: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """:func:`race` in this process's CPU time (the best of *rounds* of each).

    SQLite works inside the process; other jobs on a shared machine do not count.
    """
    best = dict.fromkeys(candidates, float("inf"))
    for _ in range(rounds):
        for name, func in candidates.items():
            start = time.process_time()
            func()
            best[name] = min(best[name], time.process_time() - start)
    return best


def bench_verify(rounds: int, count: int) -> None:
    DATA.mkdir(exist_ok=True)
    per_event: dict[str, list[float]] = {"verify": [], "verify_requests": []}
    best: dict[str, float] = {}
    for size in (count // 10, count):
        path = DATA / f"bench-verify-{size}.db"
        remove(path)
        with SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as store:
            fill_for_verify(store, size)
        with (
            SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as store,
            closing(sqlite3.connect(path)) as conn,
        ):
            assert store.verify().ok
            assert store.verify_requests().ok
            best = race_cpu(
                {
                    "bare consent rows": lambda: conn.execute(CONSENT_ROWS.format(t="")).fetchall(),
                    "verify": store.verify,
                    "bare request rows": lambda: conn.execute(REQUEST_ROWS.format(t="")).fetchall(),
                    "verify_requests": store.verify_requests,
                    "schema check": lambda: _schema.sqlite_problems(conn),
                    # the schema check's first half: its read of sqlite_master
                    "sqlite_master only": lambda: _schema._sqlite_objects(conn),  # noqa: SLF001
                },
                rounds,
            )
        per_event["verify"].append(best["verify"] / size * 1e6)
        per_event["verify_requests"].append(best["verify_requests"] / (size // 2) * 1e6)
        remove(path)
    _verify_line("sqlite", count, best, per_event)
    print(
        f"sqlite schema check (in each verify above): {best['schema check'] * 1e3:.1f} ms,"
        f" of which sqlite_master against rekisteri's schema {best['sqlite_master only'] * 1e3:.2f}"
        f" ms and PRAGMA integrity_check the rest ({best['schema check'] / best['verify']:.0%}"
        " of verify)"
    )


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
    with closing(sqlite3.connect(partial)) as conn:
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
    select = "SELECT kind FROM events WHERE subject = ? AND purpose = ? ORDER BY seq DESC LIMIT 1"
    purpose = {s: "newsletter" if int(s.split("-")[1]) % 3 else "research" for s in subjects}
    with (
        SQLiteStore(path, purposes=PURPOSES, secret=SECRET) as store,
        closing(sqlite3.connect(path)) as conn,
    ):
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
    ratio = best["may_process"] / best["bare SELECT"]
    goal = "goal met" if ratio <= 3 else "goal MISSED"
    print(
        f"may_process in a store of {count:,} events: {ratio:.2f}x the time of a bare indexed"
        f" SELECT ({best['may_process'] / QUERIES * 1e6:.1f} us vs"
        f" {best['bare SELECT'] / QUERIES * 1e6:.1f} us per call); goal <= 3x: {goal}"
    )


def _pg_schema(dsn: str, name: str, *, drop: bool = True) -> None:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        if not drop:
            conn.execute(f"CREATE SCHEMA {name}")


def _pg_store(dsn: str, schema: str) -> Any:  # noqa: ANN401 - the store, imported lazily
    from rekisteri.store.postgres import PostgresStore

    return PostgresStore(dsn, secret=SECRET, purposes=PURPOSES, schema=schema, create=True)


def pg_append(dsn: str, rounds: int, count: int) -> None:
    import psycopg

    data = events(count)
    batches = [data[i : i + BATCH] for i in range(0, len(data), BATCH)]

    def ours() -> None:
        _pg_schema(dsn, "bench_append")
        with _pg_store(dsn, "bench_append") as store:
            for batch in batches:
                store.append(batch)

    ours()
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(
            "SELECT seq, subject, purpose, kind, at_us, payload, digest, prev, hash,"
            " status, valid_until_us FROM bench_append.events ORDER BY seq"
        ).fetchall()
    row_batches = [rows[i : i + BATCH] for i in range(0, len(rows), BATCH)]

    def bare() -> None:
        _pg_schema(dsn, "bench_bare", drop=False)
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(
                "CREATE TABLE bench_bare.events (seq bigint PRIMARY KEY, subject text,"
                " purpose text, kind text, at_us bigint, payload bytea, digest bytea NOT NULL,"
                " prev bytea NOT NULL, hash bytea NOT NULL, status text, valid_until_us bigint)"
            )
            conn.execute("CREATE INDEX ON bench_bare.events (subject, purpose, seq)")
            for batch in row_batches:
                with conn.transaction(), conn.pipeline(), conn.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO bench_bare.events VALUES"
                        " (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                        batch,
                    )

    best = race({"bare executemany": bare, "PostgresStore.append": ours}, rounds)
    ratio = best["bare executemany"] / best["PostgresStore.append"]
    print(
        f"postgres append {count:,} events, batches of {BATCH:,}: {ratio:.2f}x bare pipelined"
        f" executemany ({count / best['PostgresStore.append']:,.0f} events/s vs"
        f" {count / best['bare executemany']:,.0f})"
    )
    _pg_schema(dsn, "bench_append")
    _pg_schema(dsn, "bench_bare")


def pg_may_process(dsn: str, rounds: int, count: int) -> None:
    import psycopg

    _pg_schema(dsn, "bench_read")
    with _pg_store(dsn, "bench_read") as store:
        data = events(count, prefix="b-")
        for i in range(0, len(data), BATCH):
            store.append(data[i : i + BATCH])
    rng = random.Random(42)
    subjects = [f"b-{rng.randrange(count // 2)}" for _ in range(QUERIES // 5)]
    purpose = {s: "newsletter" if int(s.split("-")[1]) % 3 else "research" for s in subjects}
    at = T0 + timedelta(days=1)
    select = (
        "SELECT kind FROM bench_read.events WHERE subject = %s AND purpose = %s"
        " ORDER BY seq DESC LIMIT 1"
    )
    with _pg_store(dsn, "bench_read") as store, psycopg.connect(dsn, autocommit=True) as conn:
        assert all(store.may_process(s, purpose[s], at=at) for s in subjects)
        best = race(
            {
                "bare SELECT": lambda: [
                    conn.execute(select, (s, purpose[s])).fetchone() for s in subjects
                ],
                "may_process": lambda: [store.may_process(s, purpose[s], at=at) for s in subjects],
            },
            rounds,
        )
    n = len(subjects)
    print(
        f"postgres may_process in a store of {count:,} events: "
        f"{best['may_process'] / best['bare SELECT']:.2f}x a bare indexed SELECT"
        f" ({best['may_process'] / n * 1e6:.0f} us vs {best['bare SELECT'] / n * 1e6:.0f} us)"
    )
    _pg_schema(dsn, "bench_read")


def _pg_writer(dsn: str, worker: int, count: int) -> None:
    data = events(count, prefix=f"w{worker}-")
    with _pg_store(dsn, "bench_conc") as store:
        for i in range(0, len(data), BATCH // 10):
            store.append(data[i : i + BATCH // 10])


def pg_concurrency(dsn: str, count: int) -> None:
    import multiprocessing

    print(f"postgres concurrent append, {count:,} events in all, batches of {BATCH // 10}:")
    print("| writers | seconds | events/s |")
    print("|---:|---:|---:|")
    for writers in (1, 2, 4, 8):
        _pg_schema(dsn, "bench_conc")
        _pg_store(dsn, "bench_conc").close()
        context = multiprocessing.get_context("spawn")
        procs = [
            context.Process(target=_pg_writer, args=(dsn, w, count // writers))
            for w in range(writers)
        ]
        start = time.perf_counter()
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join()
        took = time.perf_counter() - start
        assert all(proc.exitcode == 0 for proc in procs)
        print(f"| {writers} | {took:.2f} | {count / took:,.0f} |")
    _pg_schema(dsn, "bench_conc")


def pg_verify(dsn: str, rounds: int, count: int) -> None:
    import psycopg

    per_event: dict[str, list[float]] = {"verify": [], "verify_requests": []}
    best: dict[str, float] = {}
    for size in (count // 10, count):
        _pg_schema(dsn, "bench_verify")
        with _pg_store(dsn, "bench_verify") as store:
            fill_for_verify(store, size)
        with _pg_store(dsn, "bench_verify") as store, psycopg.connect(dsn) as conn:
            assert store.verify().ok
            assert store.verify_requests().ok

            def schema_check(conn: Any = conn) -> object:  # noqa: ANN401 - a psycopg connection
                return _schema.pg_problems(
                    lambda query, params: conn.execute(query, params).fetchall(), "bench_verify"
                )

            best = race(
                {
                    "bare consent rows": lambda: conn.execute(PG_CONSENT_ROWS).fetchall(),
                    "verify": store.verify,
                    "bare request rows": lambda: conn.execute(PG_REQUEST_ROWS).fetchall(),
                    "verify_requests": store.verify_requests,
                    "schema check": schema_check,
                },
                rounds,
            )
        per_event["verify"].append(best["verify"] / size * 1e6)
        per_event["verify_requests"].append(best["verify_requests"] / (size // 2) * 1e6)
    _pg_schema(dsn, "bench_verify")
    _verify_line("postgres", count, best, per_event)
    print(
        f"postgres schema check (in each verify above): {best['schema check'] * 1e3:.1f} ms"
        f" ({best['schema check'] / best['verify']:.1%} of verify)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--dsn", default=os.environ.get("REKISTERI_BENCH_POSTGRES", ""))
    parser.add_argument(
        "--verify-events", type=int, default=VERIFY_EVENTS, help="consent events for (3)/(4)"
    )
    parser.add_argument("--verify-only", action="store_true", help="time verify alone")
    args = parser.parse_args()
    if args.backend == "postgres":
        if not args.dsn:
            parser.error("--backend postgres needs --dsn or REKISTERI_BENCH_POSTGRES")
        if not args.verify_only:
            pg_append(args.dsn, args.rounds, min(args.events, APPEND_EVENTS))
            pg_may_process(args.dsn, args.rounds, args.events)
            pg_concurrency(args.dsn, min(args.events, APPEND_EVENTS))
        pg_verify(args.dsn, args.rounds, args.verify_events)
        return
    DATA.mkdir(exist_ok=True)
    if not args.verify_only:
        bench_append(args.rounds)
        bench_may_process(args.rounds, args.events)
    bench_verify(args.rounds, args.verify_events)


if __name__ == "__main__":
    main()
