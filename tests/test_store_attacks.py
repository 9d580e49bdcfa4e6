"""Attacks on the SQLite store's file, from the side of someone who can write it.

Written by someone who did not write the store, against its promises: every
column that a decision reads is covered by a keyed hash chain, erasures are
chain events, checkpoints reveal a ledger cut short or rolled back, verify
never crashes, no henkilötunnus reaches the files in any spelling, the files
are 0600 and the CLI exits 0, 1 or 2 without a traceback.

Only the public API and the CLI build the store; the attacks use plain
``sqlite3``. Table and column names are discovered at run time from
``sqlite_master`` and from how the rows relate to each other (which column of
a row holds the value that the next row's other column repeats: the chain
link), never from the store's private modules or constants.
"""

# The attacker builds SQL from table and column names read from sqlite_master.
# ruff: noqa: S608

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import re
import shutil
import sqlite3
import stat
import unicodedata
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

import orjson
import pytest
from click.testing import CliRunner

from rekisteri.cli import cli
from rekisteri.consent import ConsentEvent, Decision, EventKind
from rekisteri.errors import RekisteriError, SecretTypeError, WeakSecretError
from rekisteri.requests import RequestEvent, overdue
from rekisteri.store.sqlite import SQLiteStore
from rekisteri.testing import make_hetu

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from click.testing import Result

    from rekisteri.store import Verification

SECRET_TEXT: Final = "attacker-suite secret, 40 bytes long...."  # noqa: S105 - a test key
SECRET: Final = SECRET_TEXT.encode("ascii")
OTHER_SECRET: Final = b"a different secret of forty bytes long!!"
PURPOSES: Final = {"newsletter": True, "research": False, "loyalty": False}

T0: Final = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
AT: Final = T0 + timedelta(days=10)  # when decisions are asked
AFTER_EXPIRY: Final = T0 + timedelta(days=40)  # c-2's newsletter consent has lapsed
LATE: Final = T0 + timedelta(days=60)  # r-overdue is past its deadline
DAY_US: Final = 86_400_000_000

# A temporary-range (900-999) henkilötunnus: never a real person's.
HETU: Final = make_hetu(date(1985, 3, 14), 900)
assert HETU == "140385-900D"
_FULLWIDTH: Final = str.maketrans("0123456789", "０１２３４５６７８９")
HETU_SPELLINGS: Final = {
    "ascii": HETU,
    "lower": HETU.lower(),
    "en_dash": HETU.replace("-", "\N{EN DASH}"),
    "em_dash": HETU.replace("-", "\N{EM DASH}"),
    "space_separator": HETU.replace("-", " "),
    "padded": f"  {HETU}  ",
    "no_separator": HETU.replace("-", ""),
    "fullwidth_digits": HETU.translate(_FULLWIDTH),
}
# Any spelling, after NFKC (fullwidth digits become ASCII): the date part, at
# most three non-alphanumeric characters, the individual number.
HETU_ANYWHERE: Final = re.compile(r"140385\W{0,3}900", re.IGNORECASE)


# --- building a store with a realistic history, through the public API only ---------------


def consent(subject: str, purpose: str, kind: str, at: datetime, **extra: Any) -> ConsentEvent:
    return ConsentEvent(subject=subject, purpose=purpose, kind=kind, at=at, **extra)


def request_event(
    request_id: str, subject: str, kind: str, at: datetime, **extra: Any
) -> RequestEvent:
    return RequestEvent(request_id=request_id, subject=subject, kind=kind, at=at, **extra)


def open_store(path: Path, secret: object = SECRET, *, create: bool = False) -> SQLiteStore:
    return SQLiteStore(path, secret=secret, purposes=PURPOSES, create=create)  # type: ignore[arg-type]


def build(path: Path) -> None:
    """A store with consents given, withdrawn, expiring, a prohibition, an erasure, requests."""
    m = timedelta(minutes=1)
    d = timedelta(days=1)
    with open_store(path, create=True) as store:
        store.append(
            [
                consent("c-1", "newsletter", "give", T0, channel="web-form", evidence="seloste v3"),
                consent("c-1", "research", "give", T0 + m, channel="paper", actor="staff-7"),
                consent("c-2", "newsletter", "give", T0 + 2 * m, valid_until=T0 + 30 * d),
                consent("c-3", "newsletter", "give", T0 + 3 * m),
                consent("c-4", "research", "give", T0 + 4 * m),
                consent(HETU, "research", "give", T0 + 5 * m, channel="kiosk"),
            ]
        )
        store.append(
            [
                consent("c-1", "research", "withdraw", T0 + d),
                consent("c-3", "*", EventKind.PROHIBIT_DIRECT_MARKETING, T0 + 2 * d),
                consent("c-4", "research", "withdraw", T0 + 3 * d),
                consent("c-4", "newsletter", "give", T0 + 3 * d + m),
            ]
        )
        store.erase("c-4")
        store.append(
            [
                consent("c-5", "loyalty", "give", T0 + 5 * d),
                consent("c-1", "newsletter", "renew", T0 + 6 * d),
                consent("c-2", "research", "request", T0 + 6 * d),
            ]
        )
        store.append_requests(
            [
                request_event("r-overdue", "c-1", "receive", T0, right="access", channel="email"),
                request_event("r-done", "c-2", "receive", T0 + m, right="erasure"),
                request_event("r-hetu", HETU, "receive", T0 + 2 * m, right="access"),
                request_event("r-rejected", "c-3", "receive", T0 + 3 * m, right="object"),
                request_event("r-ext", "c-5", "receive", T0 + 3 * d, right="portability"),
            ]
        )
        store.append_requests(
            [
                request_event("r-overdue", "c-1", "acknowledge", T0 + d),
                request_event("r-done", "c-2", "acknowledge", T0 + d),
                request_event("r-done", "c-2", "accept", T0 + 2 * d),
                request_event("r-hetu", HETU, "acknowledge", T0 + d),
                request_event(
                    "r-hetu", HETU, "require_action", T0 + d, identity="requested", notes="asked ID"
                ),
                request_event("r-rejected", "c-3", "acknowledge", T0 + d),
                request_event(
                    "r-rejected", "c-3", "reject", T0 + 2 * d, ground="excessive", reason="Sixth."
                ),
                request_event("r-ext", "c-5", "acknowledge", T0 + 4 * d),
                request_event("r-ext", "c-5", "accept", T0 + 4 * d),
                request_event(
                    "r-ext", "c-5", "extend", T0 + 5 * d, extension_months=2, reason="Archives."
                ),
                request_event("r-done", "c-2", "fulfil", T0 + 5 * d),
            ]
        )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    build(path)
    return path


def test_the_history_is_what_the_attacks_assume(db: Path) -> None:
    """The untouched store verifies, and the decisions that the attacks try to change."""
    with open_store(db) as store:
        assert store.verify(), store.verify().problems
        assert store.verify_requests(), store.verify_requests().problems
        assert store.may_process("c-1", "newsletter", at=AT)
        assert not store.may_process("c-1", "research", at=AT)
        assert store.may_process("c-2", "newsletter", at=AT)
        assert not store.may_process("c-2", "newsletter", at=AFTER_EXPIRY)
        assert not store.may_process("c-3", "newsletter", at=AT)
        assert store.prohibited("c-3", at=AT)
        assert store.record("c-4", "research") is None
        assert store.may_process(HETU, "research", at=AT)
        assert sorted(open_overdue(store)) == ["r-hetu", "r-overdue"]
    assert_cli(["consent", "verify", "--db", str(db)], 0)
    assert_cli(["requests", "verify", "--db", str(db)], 0)


# --- the schema, discovered at run time -------------------------------------------------


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass
class Ledger:
    """A hash-chained table, as far as an attacker can tell from the file."""

    table: str
    columns: list[str]
    notnull: set[str]
    pk: str
    prev: str
    link: str
    digest: str | None
    payload: str | None
    head: str | None = None
    head_seq: str | None = None
    head_hash: str | None = None
    roles: dict[str, str] = field(default_factory=dict)


@dataclass
class Schema:
    tables: dict[str, list[tuple[str, str, bool, bool]]]  # name -> (column, type, notnull, pk)
    consent: Ledger
    requests: Ledger
    meta: str | None
    derived: list[str]  # tables that are neither ledgers, heads, meta nor schema bookkeeping


def table_info(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, bool, bool]]:
    return [
        (str(r[1]), str(r[2]).upper(), bool(r[3]), bool(r[5]))
        for r in conn.execute(f"PRAGMA table_info({quote(table)})")
    ]


def rows_of(conn: sqlite3.Connection, table: str, order: str | None = None) -> list[dict[str, Any]]:
    cursor = conn.execute(
        f"SELECT * FROM {quote(table)}" + (f" ORDER BY {quote(order)}" if order else "")
    )
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _json_object(value: object) -> dict[str, Any] | None:
    if not isinstance(value, bytes | str):
        return None
    try:
        data = orjson.loads(value)
    except orjson.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


def _hashlike(value: object) -> bool:
    if isinstance(value, bytes):
        return len(value) >= 16
    return isinstance(value, str) and re.fullmatch(r"[0-9a-f]{32,}", value) is not None


_ROLE_NAMES: Final = ("request_id", "subject", "purpose", "kind", "status", "valid_until", "at")


def _roles(columns: list[str]) -> dict[str, str]:
    roles: dict[str, str] = {}
    for role in _ROLE_NAMES:
        for column in columns:
            name = column.lower()
            if name == role or name.startswith(role + "_"):
                roles.setdefault(role, column)
    return roles


def _ledger(
    conn: sqlite3.Connection, table: str, info: list[tuple[str, str, bool, bool]]
) -> Ledger | None:
    pks = [c for c, _, _, pk in info if pk]
    if len(pks) != 1:
        return None
    rows = rows_of(conn, table, pks[0])
    if len(rows) < 3:
        return None
    columns = [c for c, _, _, _ in info]
    links = [
        (p, h)
        for p in columns
        for h in columns
        if p != h and all(b[p] is not None and b[p] == a[h] for a, b in itertools.pairwise(rows))
    ]
    if not links:
        return None
    prev, link = links[0]
    payload = next((c for c in columns if any(_json_object(r[c]) is not None for r in rows)), None)
    digest = next(
        (
            c
            for c in columns
            if c not in (prev, link, payload) and all(_hashlike(r[c]) for r in rows)
        ),
        None,
    )
    return Ledger(
        table=table,
        columns=columns,
        notnull={c for c, _, nn, _ in info if nn},
        pk=pks[0],
        prev=prev,
        link=link,
        digest=digest,
        payload=payload,
        roles=_roles(columns),
    )


def discover(path: Path) -> Schema:
    with closing(sqlite3.connect(path)) as conn, conn:
        names = [
            str(r[0])
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        tables = {name: table_info(conn, name) for name in names}
        ledgers = [
            ledger for name in names if (ledger := _ledger(conn, name, tables[name])) is not None
        ]
        consents = [lg for lg in ledgers if "purpose" in lg.roles]
        requested = [lg for lg in ledgers if "request_id" in lg.roles]
        assert len(consents) == 1, f"cannot tell the consent ledger among {names}"
        assert len(requested) == 1, f"cannot tell the request ledger among {names}"
        heads: set[str] = set()
        for ledger in (consents[0], requested[0]):
            last = rows_of(conn, ledger.table, ledger.pk)[-1]
            for name in names:
                candidates = rows_of(conn, name)
                if len(candidates) != 1 or name == ledger.table:
                    continue
                (row,) = candidates
                hash_cols = [c for c, v in row.items() if v is not None and v == last[ledger.link]]
                seq_cols = [c for c, v in row.items() if type(v) is int and v == last[ledger.pk]]
                if hash_cols:
                    ledger.head, ledger.head_hash = name, hash_cols[0]
                    ledger.head_seq = seq_cols[0] if seq_cols else None
                    heads.add(name)
    meta = next((n for n in names if n.lower() == "meta"), None)
    bookkeeping = {consents[0].table, requested[0].table, *heads, meta}
    derived = [n for n in names if n not in bookkeeping and "version" not in n.lower()]
    return Schema(tables, consents[0], requested[0], meta, derived)


# --- tampering helpers ---------------------------------------------------------------------


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """An autocommit connection for one attack, closed afterwards."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def find(conn: sqlite3.Connection, ledger: Ledger, **where: str) -> dict[str, Any]:
    """The last row of *ledger* whose role columns (subject, purpose, kind…) have these values."""
    rows = rows_of(conn, ledger.table, ledger.pk)
    found = [
        r
        for r in rows
        if all(
            (role in ledger.roles and r[ledger.roles[role]] == value)
            or (
                role not in ledger.roles
                and ledger.payload is not None
                and (_json_object(r[ledger.payload]) or {}).get(role) == value
            )
            for role, value in where.items()
        )
    ]
    assert found, f"no row of {ledger.table} with {where}"
    return found[-1]


def update(
    conn: sqlite3.Connection, table: str, key: str, key_value: object, **values: object
) -> None:
    assignments = ", ".join(f"{quote(c)} = ?" for c in values)
    conn.execute(
        f"UPDATE {quote(table)} SET {assignments} WHERE {quote(key)} = ?",
        (*values.values(), key_value),
    )


def later(value: object, days: int = 3650) -> object:
    """A stored time *days* later, in whatever form the column keeps it."""
    if type(value) is int:
        return value + days * DAY_US
    if isinstance(value, str):
        return (datetime.fromisoformat(value) + timedelta(days=days)).isoformat()
    if isinstance(value, float):
        return value + days * 86_400
    return (T0 + timedelta(days=days)).isoformat()


def altered(value: object) -> object:
    """Any stored value, changed but of the same type."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, float):
        return value + 1.5
    if isinstance(value, bytes):
        return bytes([value[0] ^ 0x01]) + value[1:] if value else b"\x01"
    if isinstance(value, str):
        data = _json_object(value)
        if data is not None:
            return orjson.dumps({**data, "tampered": True}).decode()
        return value + "x" if value else "x"
    return "x"


def _as_bytes(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    return str(value).encode()


def unkeyed_digest(like: object, payload: bytes) -> object:
    """Plain SHA-256 of *payload*, in the form of the stored digest *like* (bytes or hex)."""
    digest = hashlib.sha256(payload)
    return digest.digest() if isinstance(like, bytes) else digest.hexdigest()


def unkeyed_link(prev: object, seq: int, digest: object) -> object:
    """Plain SHA-256 over prev, seq and digest, in the form of the stored hashes."""
    if isinstance(prev, bytes):
        return hashlib.sha256(prev + seq.to_bytes(8, "big") + _as_bytes(digest)).digest()
    return hashlib.sha256(f"{prev}:{seq}:{digest}".encode()).hexdigest()


def payload_with(ledger: Ledger, row: dict[str, Any], **changes: object) -> object:
    """The row's payload JSON with *changes*, in the payload column's type."""
    assert ledger.payload is not None, "the ledger has no JSON payload column"
    data = _json_object(row[ledger.payload])
    assert data is not None
    data.update(changes)
    encoded = orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
    return encoded if isinstance(row[ledger.payload], bytes) else encoded.decode()


def rechain(conn: sqlite3.Connection, ledger: Ledger, start: int) -> None:
    """Recompute digests and unkeyed links from row *start* on, and the head."""
    rows = rows_of(conn, ledger.table, ledger.pk)
    prev: object = None
    for row in rows:
        seq = row[ledger.pk]
        if seq < start:
            prev = row[ledger.link]
            continue
        if prev is None:
            prev = row[ledger.prev]
        digest = row[ledger.digest] if ledger.digest else None
        if ledger.digest and ledger.payload and row[ledger.payload] is not None:
            digest = unkeyed_digest(row[ledger.digest], _as_bytes(row[ledger.payload]))
        link = unkeyed_link(prev, seq, digest)
        values: dict[str, object] = {ledger.prev: prev, ledger.link: link}
        if ledger.digest:
            values[ledger.digest] = digest
        update(conn, ledger.table, ledger.pk, seq, **values)
        prev = link
    move_head(conn, ledger)


def move_head(conn: sqlite3.Connection, ledger: Ledger, genesis: object = None) -> None:
    """Point the ledger's head at its last row now (or at *genesis* when it is empty)."""
    assert ledger.head is not None, "no chain head found"
    assert ledger.head_hash is not None, "no hash column in the chain head"
    rows = rows_of(conn, ledger.table, ledger.pk)
    values: dict[str, object] = {}
    if rows:
        values[ledger.head_hash] = rows[-1][ledger.link]
        if ledger.head_seq:
            values[ledger.head_seq] = rows[-1][ledger.pk]
    else:
        values[ledger.head_hash] = genesis
        if ledger.head_seq:
            values[ledger.head_seq] = 0
    assignments = ", ".join(f"{quote(c)} = ?" for c in values)
    conn.execute(f"UPDATE {quote(ledger.head)} SET {assignments}", tuple(values.values()))


def append_forged(
    conn: sqlite3.Connection, ledger: Ledger, template: dict[str, Any], **changes: object
) -> None:
    """Append a row shaped like *template*, chained with plain SHA-256; move the head."""
    last = rows_of(conn, ledger.table, ledger.pk)[-1]
    row = dict(template)
    seq = int(last[ledger.pk]) + 1
    row[ledger.pk] = seq
    for role, value in changes.items():
        if role in ledger.roles:
            row[ledger.roles[role]] = value
    payload_changes = {k: v for k, v in changes.items() if k != "status"}
    if "at" in payload_changes and not isinstance(payload_changes["at"], str):
        payload_changes["at"] = (T0 + timedelta(days=9)).isoformat()
    if ledger.payload is not None:
        row[ledger.payload] = payload_with(ledger, template, **payload_changes)
    digest = row[ledger.digest] if ledger.digest else None
    if ledger.digest is not None and ledger.payload is not None:
        digest = unkeyed_digest(template[ledger.digest], _as_bytes(row[ledger.payload]))
        row[ledger.digest] = digest
    row[ledger.prev] = last[ledger.link]
    row[ledger.link] = unkeyed_link(last[ledger.link], seq, digest)
    columns = ", ".join(quote(c) for c in row)
    marks = ", ".join("?" for _ in row)
    conn.execute(
        f"INSERT INTO {quote(ledger.table)} ({columns}) VALUES ({marks})", tuple(row.values())
    )
    move_head(conn, ledger)


# --- what the store and the CLI say afterwards ------------------------------------------------


def checkpoint_file(path: Path) -> Path:
    """A checkpoint of the store, kept outside it (written to a file, as a user would)."""
    with open_store(path) as store:
        document = store.checkpoint().to_json()
    kept = path.parent / f"{path.name}.checkpoint.json"
    kept.write_bytes(document)
    return kept


def verify_consent(path: Path, kept: Path | None = None) -> Verification:
    with open_store(path) as store:
        if kept is None:
            return store.verify()
        cp = type(store.checkpoint()).from_json(kept.read_bytes())
        return store.verify(checkpoint=cp)


def verify_requests(path: Path, kept: Path | None = None) -> Verification:
    with open_store(path) as store:
        if kept is None:
            return store.verify_requests()
        cp = type(store.checkpoint()).from_json(kept.read_bytes())
        return store.verify_requests(checkpoint=cp)


def invoke(args: list[str], env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(cli, args, env={"REKISTERI_SECRET": SECRET_TEXT, **(env or {})})


def assert_cli(args: list[str], *codes: int, env: dict[str, str | None] | None = None) -> Result:
    """Run the CLI: one of *codes*, no uncaught exception, no traceback, no henkilötunnus."""
    result = invoke(args, env)
    shown = f"{result.output}\n{result.stderr}"
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{args}: uncaught {result.exception!r}\n{shown}"
    )
    assert "Traceback" not in shown, shown
    assert HETU_ANYWHERE.search(unicodedata.normalize("NFKC", shown)) is None, shown
    assert result.exit_code in codes, f"{args}: exit {result.exit_code}, expected {codes}\n{shown}"
    return result


def cli_verify(path: Path, ledger: str, *codes: int, kept: Path | None = None) -> None:
    extra = [] if kept is None else ["--checkpoint", str(kept)]
    assert_cli([ledger, "verify", "--db", str(path), *extra], *codes)


def decision(path: Path, probe: Callable[[SQLiteStore], object]) -> str:
    """What the store decides for *probe*, or why it could not (reported, not asserted)."""
    try:
        with open_store(path) as store:
            return repr(probe(store))
    except Exception as exc:  # noqa: BLE001 - we only report what the tampering did
        return f"raised {type(exc).__name__}"


def outcome(path: Path) -> str:
    """``"ok"``, ``"problems"`` or ``"refused"``; any crash (untyped exception) propagates."""
    try:
        with open_store(path) as store:
            consent_ok = bool(store.verify())
            requests_ok = bool(store.verify_requests())
    except RekisteriError:
        return "refused"
    return "ok" if consent_ok and requests_ok else "problems"


def decisions(store: SQLiteStore) -> tuple[Decision, ...]:
    return (
        store.may_process("c-1", "research", at=AT),
        store.may_process("c-2", "newsletter", at=AFTER_EXPIRY),
        store.may_process("c-3", "newsletter", at=AT),
    )


def open_overdue(store: SQLiteStore) -> list[str]:
    return [r.request_id for r in overdue(store.requests(only_open=True), at=LATE)]


# --- attacks on the consent ledger's columns --------------------------------------------------

# role -> (which row, the new value from the old one, the decision it aims at)
_CONSENT_COLUMN_ATTACKS: Final[dict[str, tuple[dict[str, str], Callable[[object], object]]]] = {
    "kind": ({"subject": "c-1", "purpose": "research", "kind": "withdraw"}, lambda _: "give"),
    "at": ({"subject": "c-3", "kind": "prohibit_direct_marketing"}, later),
    "subject": ({"subject": "c-3", "kind": "prohibit_direct_marketing"}, lambda _: "c-999"),
    "purpose": ({"subject": "c-1", "purpose": "research", "kind": "withdraw"}, lambda _: "loyalty"),
    "status": ({"subject": "c-1", "purpose": "research", "kind": "withdraw"}, lambda _: "given"),
    "valid_until": ({"subject": "c-2", "purpose": "newsletter", "kind": "give"}, later),
}


@pytest.mark.parametrize("role", list(_CONSENT_COLUMN_ATTACKS))
def test_consent_column_update_is_detected(db: Path, role: str) -> None:
    """UPDATE one decision column of a consent row (the column found in the schema)."""
    schema = discover(db)
    ledger = schema.consent
    where, change = _CONSENT_COLUMN_ATTACKS[role]
    before = decision(db, decisions)
    with connect(db) as conn:
        row = find(conn, ledger, **where)
        if role in ledger.roles:
            column = ledger.roles[role]
            update(conn, ledger.table, ledger.pk, row[ledger.pk], **{column: change(row[column])})
        else:  # no such column: the value can only live in the payload
            assert ledger.payload is not None, f"no column and no payload for {role}"
            data = _json_object(row[ledger.payload]) or {}
            if role not in data:
                pytest.skip(f"the store keeps no {role} for a consent row")
            new = payload_with(ledger, row, **{role: str(change(data[role]))})
            update(conn, ledger.table, ledger.pk, row[ledger.pk], **{ledger.payload: new})
    after = decision(db, decisions)
    result = verify_consent(db)
    assert not result, f"{role} edited unnoticed; decisions {before} -> {after}"
    cli_verify(db, "consent", 1)


def test_every_consent_column_is_covered(db: Path, tmp_path: Path) -> None:
    """Each column of a live consent row, changed on its own, is noticed."""
    ledger = discover(db).consent
    unnoticed = []
    for column in ledger.columns:
        if column == ledger.pk:
            continue
        copy = tmp_path / f"copy-{column}.db"
        shutil.copy(db, copy)
        with connect(copy) as conn:
            row = find(conn, ledger, subject="c-1", purpose="research", kind="give")
            update(conn, ledger.table, ledger.pk, row[ledger.pk], **{column: altered(row[column])})
        if verify_consent(copy):
            unnoticed.append(column)
    assert unnoticed == []


def test_row_blanked_like_an_erasure_is_detected(db: Path) -> None:
    """Every nullable column of a live row set to NULL, as an erasure leaves it."""
    ledger = discover(db).consent
    nullable = [c for c in ledger.columns if c not in ledger.notnull and c != ledger.pk]
    with connect(db) as conn:
        row = find(conn, ledger, subject="c-1", purpose="newsletter", kind="give")
        update(conn, ledger.table, ledger.pk, row[ledger.pk], **dict.fromkeys(nullable))
    assert not verify_consent(db)
    cli_verify(db, "consent", 1)


def test_whole_history_of_a_subject_blanked_is_detected(db: Path) -> None:
    """All of c-1's consent rows blanked by hand: an erasure that no erase event names."""
    ledger = discover(db).consent
    nullable = [c for c in ledger.columns if c not in ledger.notnull and c != ledger.pk]
    subject = ledger.roles.get("subject")
    assert subject is not None
    with connect(db) as conn:
        keys = [r[ledger.pk] for r in rows_of(conn, ledger.table) if r[subject] == "c-1"]
        for key in keys:
            update(conn, ledger.table, ledger.pk, key, **dict.fromkeys(nullable))
    assert not verify_consent(db)
    cli_verify(db, "consent", 1)


def test_erasure_event_removed_is_detected(db: Path) -> None:
    """The erasure is itself a chain event: deleting or editing it shows."""
    ledger = discover(db).consent
    with connect(db) as conn:
        rows = rows_of(conn, ledger.table, ledger.pk)
        nullable = [c for c in ledger.columns if c not in ledger.notnull and c != ledger.pk]
        blanked = [r for r in rows if all(r[c] is None for c in nullable)]
        assert blanked, "erase left no blanked row"
        # the row written after the blanked ones at the time of the erasure names them
        erase_rows = [
            r
            for r in rows
            if r[ledger.pk] > max(b[ledger.pk] for b in blanked)
            and r not in blanked
            and (
                "erase" in str(r.get(ledger.roles.get("kind", ""), ""))
                or "erase" in str(r.get(ledger.payload or "", ""))
            )
        ]
        assert erase_rows, "no chain event of the erasure found"
        conn.execute(
            f"DELETE FROM {quote(ledger.table)} WHERE {quote(ledger.pk)} = ?",
            (erase_rows[0][ledger.pk],),
        )
    assert not verify_consent(db)
    cli_verify(db, "consent", 1)


# --- truncation and rollback (with a checkpoint made before) ----------------------------------


@pytest.mark.parametrize("ledger_name", ["consent", "requests"])
@pytest.mark.parametrize("count", [1, 3])
def test_last_rows_deleted_and_head_moved_back(db: Path, ledger_name: str, count: int) -> None:
    kept = checkpoint_file(db)
    schema = discover(db)
    ledger = schema.consent if ledger_name == "consent" else schema.requests
    with connect(db) as conn:
        last = rows_of(conn, ledger.table, ledger.pk)[-1][ledger.pk]
        conn.execute(
            f"DELETE FROM {quote(ledger.table)} WHERE {quote(ledger.pk)} > ?", (last - count,)
        )
        move_head(conn, ledger)
    check = verify_consent if ledger_name == "consent" else verify_requests
    assert not check(db, kept)
    cli_verify(db, ledger_name, 1, kept=kept)


@pytest.mark.parametrize("ledger_name", ["consent", "requests"])
def test_everything_deleted_and_head_reset(db: Path, ledger_name: str) -> None:
    kept = checkpoint_file(db)
    schema = discover(db)
    ledger = schema.consent if ledger_name == "consent" else schema.requests
    with connect(db) as conn:
        genesis = rows_of(conn, ledger.table, ledger.pk)[0][ledger.prev]
        conn.execute(f"DELETE FROM {quote(ledger.table)}")
        move_head(conn, ledger, genesis)
        for table in schema.derived:
            conn.execute(f"DELETE FROM {quote(table)}")
    check = verify_consent if ledger_name == "consent" else verify_requests
    assert not check(db, kept)
    cli_verify(db, ledger_name, 1, kept=kept)


@pytest.mark.parametrize("ledger_name", ["consent", "requests"])
def test_last_rows_deleted_head_left_is_detected_without_checkpoint(
    db: Path, ledger_name: str
) -> None:
    schema = discover(db)
    ledger = schema.consent if ledger_name == "consent" else schema.requests
    with connect(db) as conn:
        last = rows_of(conn, ledger.table, ledger.pk)[-1][ledger.pk]
        conn.execute(f"DELETE FROM {quote(ledger.table)} WHERE {quote(ledger.pk)} = ?", (last,))
    check = verify_consent if ledger_name == "consent" else verify_requests
    assert not check(db)
    cli_verify(db, ledger_name, 1)


@pytest.mark.parametrize("ledger_name", ["consent", "requests"])
def test_middle_row_deleted(db: Path, ledger_name: str) -> None:
    schema = discover(db)
    ledger = schema.consent if ledger_name == "consent" else schema.requests
    with connect(db) as conn:
        rows = rows_of(conn, ledger.table, ledger.pk)
        middle = rows[len(rows) // 2][ledger.pk]
        conn.execute(f"DELETE FROM {quote(ledger.table)} WHERE {quote(ledger.pk)} = ?", (middle,))
    check = verify_consent if ledger_name == "consent" else verify_requests
    assert not check(db)
    cli_verify(db, ledger_name, 1)


def test_older_copy_restored(db: Path, tmp_path: Path) -> None:
    """Copy the file, append more, put the copy back: a checkpoint made after the appends tells."""
    old = tmp_path / "old.db"
    shutil.copy(db, old)  # the store is closed: everything is in the main file
    with open_store(db) as store:
        store.append([consent("c-1", "research", "give", T0 + timedelta(days=8))])
        store.append_requests([request_event("r-overdue", "c-1", "accept", T0 + timedelta(days=8))])
    kept = checkpoint_file(db)
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    shutil.copy(old, db)
    assert not verify_consent(db, kept)
    assert not verify_requests(db, kept)
    cli_verify(db, "consent", 1, kept=kept)
    cli_verify(db, "requests", 1, kept=kept)


@pytest.mark.parametrize("ledger_name", ["consent", "requests"])
def test_older_copy_restored_then_written_past_the_checkpoint(
    db: Path, tmp_path: Path, ledger_name: str
) -> None:
    """Roll the file back, then the application writes on: longer than the checkpoint, diverging."""
    old = tmp_path / "old.db"
    shutil.copy(db, old)
    with open_store(db) as store:
        store.append([consent("c-1", "research", "give", T0 + timedelta(days=8))])
        store.append_requests([request_event("r-overdue", "c-1", "accept", T0 + timedelta(days=8))])
    kept = checkpoint_file(db)
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    shutil.copy(old, db)
    with open_store(db) as store:
        store.append(
            [
                consent("c-6", "research", "give", T0 + timedelta(days=9)),
                consent("c-7", "research", "give", T0 + timedelta(days=9)),
            ]
        )
        store.append_requests(
            [
                request_event("r-9", "c-6", "receive", T0 + timedelta(days=9), right="access"),
                request_event("r-9", "c-6", "acknowledge", T0 + timedelta(days=9)),
            ]
        )
    check = verify_consent if ledger_name == "consent" else verify_requests
    assert check(db), "the rolled-back file is a valid chain on its own"
    assert not check(db, kept)
    cli_verify(db, ledger_name, 1, kept=kept)


def test_checkpoint_of_another_store(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    build(other)
    kept = checkpoint_file(other)
    assert not verify_consent(db, kept)
    assert not verify_requests(db, kept)
    cli_verify(db, "consent", 1, 2, kept=kept)


def test_checkpoint_from_the_cli_reveals_truncation(db: Path, tmp_path: Path) -> None:
    result = assert_cli(["consent", "checkpoint", "--db", str(db)], 0)
    kept = tmp_path / "kept.json"
    kept.write_text(result.stdout)
    ledger = discover(db).consent
    with connect(db) as conn:
        last = rows_of(conn, ledger.table, ledger.pk)[-1][ledger.pk]
        conn.execute(f"DELETE FROM {quote(ledger.table)} WHERE {quote(ledger.pk)} > ?", (last - 2,))
        move_head(conn, ledger)
    cli_verify(db, "consent", 1, kept=kept)
    cli_verify(db, "requests", 0, kept=kept)


def test_checkpoint_of_another_secret_is_not_trusted(db: Path, tmp_path: Path) -> None:
    """A checkpoint forged by editing its JSON (a shorter head) is refused, not believed."""
    kept = checkpoint_file(db)
    document = orjson.loads(kept.read_bytes())
    for head in document["heads"].values():
        head["seq"] = 1
    forged = tmp_path / "forged.json"
    forged.write_bytes(orjson.dumps(document))
    with open_store(db) as store:
        checkpoint_type = type(store.checkpoint())
        try:
            cp = checkpoint_type.from_json(forged.read_bytes())
            result = store.verify(checkpoint=cp)
        except RekisteriError:
            pass
        else:
            assert not result, "a checkpoint with a broken signature was believed"
    assert_cli(["consent", "verify", "--db", str(db), "--checkpoint", str(forged)], 1, 2)


# --- forged appends and rewritten history (chain recomputed with plain SHA-256) ----------------


def test_forged_consent_event_appended_with_unkeyed_chain(db: Path) -> None:
    ledger = discover(db).consent
    before = decision(db, decisions)
    with connect(db) as conn:
        template = find(conn, ledger, subject="c-1", purpose="research", kind="withdraw")
        at_value = template[ledger.roles["at"]] if "at" in ledger.roles else None
        append_forged(
            conn, ledger, template, kind="give", status="given", at=later(at_value, days=8)
        )
    after = decision(db, decisions)
    assert not verify_consent(db), f"forged event accepted; decisions {before} -> {after}"
    cli_verify(db, "consent", 1)


def test_forged_request_event_appended_with_unkeyed_chain(db: Path) -> None:
    schema = discover(db)
    ledger = schema.requests
    with connect(db) as conn:
        template = find(conn, ledger, request_id="r-overdue", kind="acknowledge")
        at_value = template[ledger.roles["at"]] if "at" in ledger.roles else None
        append_forged(
            conn,
            ledger,
            template,
            kind="reject",
            ground="excessive",
            reason="Forged.",
            at=later(at_value, days=8),
        )
        hide_in_derived(conn, schema, "r-overdue")
    assert not verify_requests(db)
    cli_verify(db, "requests", 1)


def test_consent_history_rewritten_with_unkeyed_chain(db: Path) -> None:
    """From the prohibition on, every row re-hashed: the prohibition now names someone else."""
    ledger = discover(db).consent
    before = decision(db, decisions)
    with connect(db) as conn:
        row = find(conn, ledger, subject="c-3", kind="prohibit_direct_marketing")
        changes: dict[str, object] = {}
        if ledger.payload is not None:
            changes[ledger.payload] = payload_with(ledger, row, subject="c-999")
        if "subject" in ledger.roles:
            changes[ledger.roles["subject"]] = "c-999"
        update(conn, ledger.table, ledger.pk, row[ledger.pk], **changes)
        rechain(conn, ledger, row[ledger.pk])
    after = decision(db, decisions)
    assert not verify_consent(db), f"rewritten history accepted; decisions {before} -> {after}"
    cli_verify(db, "consent", 1)


def test_request_history_rewritten_with_unkeyed_chain(db: Path) -> None:
    """The overdue request's receipt moved a year later, every row after it re-hashed."""
    ledger = discover(db).requests
    with connect(db) as conn:
        row = find(conn, ledger, request_id="r-overdue", kind="receive")
        changes: dict[str, object] = {}
        if ledger.payload is not None:
            moved = (T0 + timedelta(days=365)).isoformat()
            changes[ledger.payload] = payload_with(ledger, row, at=moved)
        if "at" in ledger.roles:
            changes[ledger.roles["at"]] = later(row[ledger.roles["at"]], days=365)
        update(conn, ledger.table, ledger.pk, row[ledger.pk], **changes)
        rechain(conn, ledger, row[ledger.pk])
    assert not verify_requests(db)
    cli_verify(db, "requests", 1)


@pytest.mark.parametrize("ledger_name", ["consent", "requests"])
def test_row_inserted_before_the_first(db: Path, ledger_name: str) -> None:
    """A forged row at seq 0, chained with plain SHA-256 from the genesis value."""
    schema = discover(db)
    ledger = schema.consent if ledger_name == "consent" else schema.requests
    with connect(db) as conn:
        first = rows_of(conn, ledger.table, ledger.pk)[0]
        row = dict(first)
        row[ledger.pk] = 0
        assert ledger.digest is not None
        assert ledger.payload is not None
        row[ledger.payload] = payload_with(ledger, first, actor="forger")
        row[ledger.digest] = unkeyed_digest(first[ledger.digest], _as_bytes(row[ledger.payload]))
        row[ledger.link] = unkeyed_link(first[ledger.prev], 0, row[ledger.digest])
        columns = ", ".join(quote(c) for c in row)
        marks = ", ".join("?" for _ in row)
        conn.execute(
            f"INSERT INTO {quote(ledger.table)} ({columns}) VALUES ({marks})", tuple(row.values())
        )
    check = verify_consent if ledger_name == "consent" else verify_requests
    assert not check(db)
    cli_verify(db, ledger_name, 1)


def test_trigger_planted_in_the_file(db: Path) -> None:
    """A trigger makes every later consent row say 'given': the store's own writes are bent."""
    ledger = discover(db).consent
    status = ledger.roles.get("status")
    if status is None:
        pytest.skip("no status column to bend")
    table, pk, column = quote(ledger.table), quote(ledger.pk), quote(status)
    with connect(db) as conn:
        conn.execute(
            f"CREATE TRIGGER bend AFTER INSERT ON {table} BEGIN"
            f" UPDATE {table} SET {column} = 'given'"
            f" WHERE {pk} = NEW.{pk} AND NEW.{column} IS NOT NULL;"
            " END"
        )
    try:
        with open_store(db) as store:
            store.append([consent("c-1", "newsletter", "withdraw", T0 + timedelta(days=8))])
            bent = store.may_process("c-1", "newsletter", at=AT + timedelta(days=1))
    except RekisteriError:
        return  # refusing a file with foreign triggers is fine
    assert not verify_consent(db), f"a planted trigger went unnoticed; decision now {bent!r}"
    cli_verify(db, "consent", 1)


# --- swapped and reordered rows ---------------------------------------------------------------


@pytest.mark.parametrize("ledger_name", ["consent", "requests"])
@pytest.mark.parametrize("what", ["payload", "whole_row"])
def test_two_rows_swapped(db: Path, ledger_name: str, what: str) -> None:
    schema = discover(db)
    ledger = schema.consent if ledger_name == "consent" else schema.requests
    with connect(db) as conn:
        rows = [r for r in rows_of(conn, ledger.table, ledger.pk) if r[ledger.payload or ""]]
        a, b = rows[0], rows[3]
        if what == "payload":
            assert ledger.payload is not None
            columns = [ledger.payload]
        else:
            columns = [c for c in ledger.columns if c != ledger.pk]
        update(conn, ledger.table, ledger.pk, a[ledger.pk], **{c: b[c] for c in columns})
        update(conn, ledger.table, ledger.pk, b[ledger.pk], **{c: a[c] for c in columns})
    check = verify_consent if ledger_name == "consent" else verify_requests
    assert not check(db)
    cli_verify(db, ledger_name, 1)


@pytest.mark.parametrize("ledger_name", ["consent", "requests"])
@pytest.mark.parametrize("distance", [1, 4])
def test_seq_values_reordered(db: Path, ledger_name: str, distance: int) -> None:
    schema = discover(db)
    ledger = schema.consent if ledger_name == "consent" else schema.requests
    table, pk = quote(ledger.table), quote(ledger.pk)
    with connect(db) as conn:
        first = rows_of(conn, ledger.table, ledger.pk)[1][ledger.pk]
        second = first + distance
        conn.execute(f"UPDATE {table} SET {pk} = -1 WHERE {pk} = ?", (first,))
        conn.execute(f"UPDATE {table} SET {pk} = ? WHERE {pk} = ?", (first, second))
        conn.execute(f"UPDATE {table} SET {pk} = ? WHERE {pk} = -1", (second,))
    check = verify_consent if ledger_name == "consent" else verify_requests
    assert not check(db)
    cli_verify(db, ledger_name, 1)


# --- the request ledger and what is derived from it -------------------------------------------


def hide_in_derived(conn: sqlite3.Connection, schema: Schema, request_id: str) -> int:
    """Mark *request_id* closed in every derived table that has it; return how many rows changed."""
    changed = 0
    for table in schema.derived:
        columns = [c for c, _, _, _ in schema.tables[table]]
        if "request_id" not in columns:
            continue
        values: dict[str, object] = {}
        for column in columns:
            name = column.lower()
            if name == "status":
                values[column] = "rejected"
            elif name in ("open", "is_open"):
                values[column] = 0
        if values:
            assignments = ", ".join(f"{quote(c)} = ?" for c in values)
            changed += conn.execute(
                f"UPDATE {quote(table)} SET {assignments} WHERE request_id = ?",
                (*values.values(), request_id),
            ).rowcount
    return changed


@pytest.mark.parametrize("how", ["update", "delete"])
def test_overdue_request_hidden_in_derived_state(db: Path, how: str) -> None:
    schema = discover(db)
    with open_store(db) as store:
        assert "r-overdue" in open_overdue(store)
    with connect(db) as conn:
        if how == "update":
            changed = hide_in_derived(conn, schema, "r-overdue")
        else:
            changed = 0
            for table in schema.derived:
                if "request_id" in [c for c, _, _, _ in schema.tables[table]]:
                    changed += conn.execute(
                        f"DELETE FROM {quote(table)} WHERE request_id = ?", ("r-overdue",)
                    ).rowcount
    if changed == 0:
        pytest.skip("no derived request table: nothing to hide the request in")
    after = decision(db, open_overdue)
    assert not verify_requests(db), f"hidden unnoticed; overdue now {after}"
    cli_verify(db, "requests", 1)


_REQUEST_COLUMN_ATTACKS: Final[dict[str, tuple[dict[str, str], Callable[[object], object]]]] = {
    "request_id": ({"request_id": "r-overdue", "kind": "receive"}, lambda _: "r-moved"),
    "subject": ({"request_id": "r-overdue", "kind": "receive"}, lambda _: "c-999"),
    "kind": ({"request_id": "r-overdue", "kind": "acknowledge"}, lambda _: "reject"),
    "at": ({"request_id": "r-overdue", "kind": "receive"}, lambda v: later(v, days=365)),
}


@pytest.mark.parametrize("role", list(_REQUEST_COLUMN_ATTACKS))
def test_request_event_column_update_is_detected(db: Path, role: str) -> None:
    ledger = discover(db).requests
    where, change = _REQUEST_COLUMN_ATTACKS[role]
    with connect(db) as conn:
        row = find(conn, ledger, **where)
        if role not in ledger.roles:
            pytest.skip(f"the request ledger has no {role} column")
        column = ledger.roles[role]
        update(conn, ledger.table, ledger.pk, row[ledger.pk], **{column: change(row[column])})
    after = decision(db, open_overdue)
    assert not verify_requests(db), f"{role} edited unnoticed; overdue now {after}"
    cli_verify(db, "requests", 1)


def test_request_payload_text_edited(db: Path) -> None:
    ledger = discover(db).requests
    with connect(db) as conn:
        row = find(conn, ledger, request_id="r-hetu", kind="require_action")
        new = payload_with(ledger, row, notes="identity checked, all fine")
        update(conn, ledger.table, ledger.pk, row[ledger.pk], **{ledger.payload or "": new})
    assert not verify_requests(db)
    cli_verify(db, "requests", 1)


def test_every_request_column_is_covered(db: Path, tmp_path: Path) -> None:
    ledger = discover(db).requests
    unnoticed = []
    for column in ledger.columns:
        if column == ledger.pk:
            continue
        copy = tmp_path / f"copy-{column}.db"
        shutil.copy(db, copy)
        with connect(copy) as conn:
            row = find(conn, ledger, request_id="r-done", kind="accept")
            update(conn, ledger.table, ledger.pk, row[ledger.pk], **{column: altered(row[column])})
        if verify_requests(copy):
            unnoticed.append(column)
    assert unnoticed == []


def test_every_derived_column_is_covered(db: Path, tmp_path: Path) -> None:
    """Any other table (derived state): each column of each table, changed, is noticed."""
    schema = discover(db)
    unnoticed = []
    for table in schema.derived:
        for column, _, _, _ in schema.tables[table]:
            copy = tmp_path / f"copy-{table}-{column}.db"
            shutil.copy(db, copy)
            with connect(copy) as conn:
                first = rows_of(conn, table)
                if not first:
                    continue
                rowid_like = next(iter(first[0]))
                update(
                    conn,
                    table,
                    rowid_like,
                    first[0][rowid_like],
                    **{column: altered(first[0][column])},
                )
            if outcome(copy) == "ok":
                unnoticed.append(f"{table}.{column}")
    assert unnoticed == []


# --- structural damage: verify must not crash ------------------------------------------------


@pytest.mark.parametrize("ledger_name", ["consent", "requests"])
def test_head_row_deleted(db: Path, ledger_name: str) -> None:
    schema = discover(db)
    ledger = schema.consent if ledger_name == "consent" else schema.requests
    assert ledger.head is not None
    with connect(db) as conn:
        conn.execute(f"DELETE FROM {quote(ledger.head)}")
    assert outcome(db) in ("problems", "refused")
    check = verify_consent if ledger_name == "consent" else verify_requests
    with contextlib.suppress(RekisteriError):  # refusing the file is fine too
        assert not check(db)
    cli_verify(db, ledger_name, 1, 2)


_TABLE_ROLES: Final = ("consent", "consent_head", "requests", "requests_head", "derived", "meta")


def _table_for(schema: Schema, role: str) -> str | None:
    return {
        "consent": schema.consent.table,
        "consent_head": schema.consent.head,
        "requests": schema.requests.table,
        "requests_head": schema.requests.head,
        "derived": schema.derived[0] if schema.derived else None,
        "meta": schema.meta,
    }[role]


@pytest.mark.parametrize("role", _TABLE_ROLES)
def test_table_dropped(db: Path, role: str) -> None:
    table = _table_for(discover(db), role)
    if table is None:
        pytest.skip(f"the store has no {role} table")
    with connect(db) as conn:
        conn.execute(f"DROP TABLE {quote(table)}")
    assert outcome(db) in ("problems", "refused")
    # The ledger the table belongs to is reported (or the file refused); the
    # other ledger may still be intact, but its check must not crash either.
    hit = {"consent"} if role.startswith("consent") else {"requests"}
    if role == "meta":
        hit = {"consent", "requests"}
    elif role == "derived" and "request" not in table.lower():
        hit = {"consent"}
    for ledger in ("consent", "requests"):
        cli_verify(db, ledger, *((1, 2) if ledger in hit else (0, 1, 2)))


def _wrong_types() -> dict[str, tuple[str, str, object]]:
    # name -> (ledger, role or chain column, value)
    return {
        "consent_at_text": ("consent", "at", "yesterday"),
        "consent_status_blob": ("consent", "status", b"\xff\xfe"),
        "consent_hash_short_blob": ("consent", "link", b"\x00"),
        "consent_hash_text": ("consent", "link", "not a hash"),
        "consent_digest_short_blob": ("consent", "digest", b"\x00"),
        "consent_prev_integer": ("consent", "prev", 7),
        "consent_payload_integer": ("consent", "payload", 42),
        "consent_payload_invalid_utf8": ("consent", "payload", b'\xff{"kind":'),
        "consent_valid_until_text": ("consent", "valid_until", "someday"),
        "requests_at_text": ("requests", "at", "tomorrow"),
        "requests_hash_short_blob": ("requests", "link", b"\x00"),
        "requests_digest_integer": ("requests", "digest", 12345),
        "requests_payload_text": ("requests", "payload", "not json"),
        "consent_head_seq_text": ("consent", "head_seq", "many"),
        "consent_head_hash_short_blob": ("consent", "head_hash", b"\x00"),
        "requests_head_seq_text": ("requests", "head_seq", "several"),
    }


@pytest.mark.parametrize("name", list(_wrong_types()))
def test_wrong_types_in_columns(db: Path, name: str) -> None:
    ledger_name, what, value = _wrong_types()[name]
    schema = discover(db)
    ledger = schema.consent if ledger_name == "consent" else schema.requests
    with connect(db) as conn:
        if what in ("head_seq", "head_hash"):
            column = ledger.head_seq if what == "head_seq" else ledger.head_hash
            assert ledger.head is not None
            assert column is not None
            conn.execute(f"UPDATE {quote(ledger.head)} SET {quote(column)} = ?", (value,))
        else:
            chain = {"link": ledger.link, "prev": ledger.prev, "digest": ledger.digest}
            column = (
                chain.get(what)
                or ledger.roles.get(what)
                or (ledger.payload if what == "payload" else None)
            )
            if column is None:
                pytest.skip(f"no {what} column in the {ledger_name} ledger")
            rows = rows_of(conn, ledger.table, ledger.pk)
            target = rows[len(rows) // 2][ledger.pk]
            update(conn, ledger.table, ledger.pk, target, **{column: value})
    assert outcome(db) in ("problems", "refused")
    cli_verify(db, ledger_name, 1, 2)


# --- the secret -----------------------------------------------------------------------------


def test_wrong_secret_is_refused(db: Path) -> None:
    with pytest.raises(RekisteriError):
        open_store(db, OTHER_SECRET).close()
    assert_cli(
        ["consent", "verify", "--db", str(db)], 2, env={"REKISTERI_SECRET": OTHER_SECRET.decode()}
    )


def _meta_keys(path: Path) -> list[object]:
    meta = discover(path).meta
    assert meta is not None, "no meta table"
    with closing(sqlite3.connect(path)) as conn, conn:
        return [r[0] for r in conn.execute(f"SELECT * FROM {quote(meta)}")]


@pytest.mark.parametrize("which", ["secret_check_row", "every_meta_row"])
def test_secret_check_deleted_then_another_secret(db: Path, tmp_path: Path, which: str) -> None:
    """Whatever meta row is deleted (the secret check among them), another secret is refused."""
    meta = discover(db).meta
    assert meta is not None
    with closing(sqlite3.connect(db)) as conn:
        key_column = table_info(conn, meta)[0][0]
    keys = _meta_keys(db)
    targets = [[k] for k in keys] if which == "secret_check_row" else [keys]
    accepted: list[list[object]] = []
    for doomed in targets:
        copy = tmp_path / f"meta-{len(accepted)}-{doomed[0]}.db"
        shutil.copy(db, copy)
        with connect(copy) as conn:
            for key in doomed:
                conn.execute(f"DELETE FROM {quote(meta)} WHERE {quote(key_column)} = ?", (key,))
        for _attempt in range(2):  # a first open must not have adopted the new secret
            try:
                open_store(copy, OTHER_SECRET).close()
            except RekisteriError:
                continue
            accepted.append(doomed)
            break
        result = invoke(
            ["consent", "verify", "--db", str(copy)],
            env={"REKISTERI_SECRET": OTHER_SECRET.decode()},
        )
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert result.exit_code in (1, 2), (doomed, result.output)
    assert accepted == [], f"another secret was accepted after deleting meta rows {accepted}"


@pytest.mark.parametrize(
    ("secret", "error", "builtin"),
    [
        ("a string secret of more than thirty-two characters", SecretTypeError, TypeError),
        (b"k", WeakSecretError, ValueError),
        (b"k" * 31, WeakSecretError, ValueError),
        (b"", WeakSecretError, ValueError),
    ],
)
def test_bad_secrets_are_typed_errors(
    tmp_path: Path, secret: object, error: type[Exception], builtin: type[Exception]
) -> None:
    path = tmp_path / "new.db"
    with pytest.raises(error) as caught:
        open_store(path, secret, create=True).close()
    assert isinstance(caught.value, builtin)
    assert isinstance(caught.value, RekisteriError)


@pytest.mark.parametrize("secret", ["a string secret of more than thirty-two characters", b"k"])
def test_bad_secrets_on_an_existing_store(db: Path, secret: object) -> None:
    with pytest.raises((SecretTypeError, WeakSecretError)):
        open_store(db, secret).close()


@pytest.mark.parametrize("ledger", ["consent", "requests"])
def test_no_secret_in_the_environment(db: Path, ledger: str) -> None:
    """Without the secret the keyed chain cannot be checked: a usage error, not "ok"."""
    assert_cli([ledger, "verify", "--db", str(db)], 2, env={"REKISTERI_SECRET": None})


def test_short_secret_in_the_environment(db: Path) -> None:
    assert_cli(["consent", "verify", "--db", str(db)], 2, env={"REKISTERI_SECRET": "short"})


# --- no henkilötunnus in the files -------------------------------------------------------------


def store_files(path: Path) -> Iterator[Path]:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            yield candidate


def hetu_found(path: Path) -> list[str]:
    """Where a spelling of HETU appears in the store's files, in any likely encoding."""
    found = []
    for file in store_files(path):
        data = file.read_bytes()
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            for offset in (0, 1) if encoding != "utf-8" else (0,):
                text = unicodedata.normalize("NFKC", data[offset:].decode(encoding, "ignore"))
                if HETU_ANYWHERE.search(text):
                    found.append(f"{file.name} ({encoding}+{offset})")
    return found


_CONSENT_PLACES: Final = ("subject", "evidence", "channel", "actor")
_REQUEST_PLACES: Final = ("subject", "request_id", "notes", "channel", "actor", "reason")
# Free text holds the number among other words, or glued to punctuation.
_FRAMINGS: Final = {
    "alone": "{}",
    "in_a_sentence": "puhelu, hetu {} tarkistettu",
    "glued": "hetu:{}.",
}


def _write_with_hetu(store: SQLiteStore, ledger: str, place: str, spelling: str) -> None:
    at = T0 + timedelta(days=20)
    if ledger == "consent":
        subject = spelling if place == "subject" else "c-leak"
        extra = {} if place == "subject" else {place: spelling}
        store.append([consent(subject, "research", "give", at, **extra)])
        return
    subject = spelling if place == "subject" else "c-leak"
    if place == "request_id":
        store.append_requests([request_event(spelling, subject, "receive", at, right="access")])
        return
    if place == "reason":
        store.append_requests(
            [
                request_event("r-leak", subject, "receive", at, right="access"),
                request_event("r-leak", subject, "acknowledge", at),
                request_event("r-leak", subject, "reject", at, ground="excessive", reason=spelling),
            ]
        )
        return
    extra = {} if place == "subject" else {place: spelling}
    store.append_requests(
        [request_event("r-leak", subject, "receive", at, right="access", **extra)]
    )


_LEAK_CASES: Final = [
    (ledger, place, framing)
    for ledger, places in (("consent", _CONSENT_PLACES), ("requests", _REQUEST_PLACES))
    for place in places
    for framing in _FRAMINGS
    if framing == "alone" or place not in ("subject", "request_id")  # identifiers come alone
]


@pytest.mark.parametrize("spelling", list(HETU_SPELLINGS))
@pytest.mark.parametrize(("ledger", "place", "framing"), _LEAK_CASES)
def test_no_henkilotunnus_in_the_files(
    tmp_path: Path, ledger: str, place: str, framing: str, spelling: str
) -> None:
    path = tmp_path / "leak.db"
    value = _FRAMINGS[framing].format(HETU_SPELLINGS[spelling])
    store = open_store(path, create=True)
    try:
        with contextlib.suppress(RekisteriError):  # refusing it is as good as not writing it
            _write_with_hetu(store, ledger, place, value)
        assert hetu_found(path) == [], "while the store is open"
        store.erase("c-leak")
        assert hetu_found(path) == [], "after an erasure, while open"
    finally:
        store.close()
    assert hetu_found(path) == [], "after close"


def test_no_henkilotunnus_in_the_realistic_history(db: Path) -> None:
    assert hetu_found(db) == []


# --- file modes --------------------------------------------------------------------------------


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def modes(path: Path) -> dict[str, str]:
    return {f.name: oct(stat.S_IMODE(f.stat().st_mode)) for f in store_files(path)}


@pytest.mark.usefixtures("loose_umask")
def test_files_are_0600_through_the_api(tmp_path: Path) -> None:
    path = tmp_path / "modes.db"
    with open_store(path, create=True) as store:
        store.append([consent("c-1", "research", "give", T0)])
        seen = modes(path)
        assert len(seen) >= 2, seen  # the main file and the WAL at least
        assert set(seen.values()) == {"0o600"}, seen
    assert set(modes(path).values()) == {"0o600"}, modes(path)


@pytest.mark.usefixtures("loose_umask")
def test_files_are_0600_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "cli.db"
    register = tmp_path / "purposes.toml"
    requests_path = tmp_path / "requests.db"
    assert_cli(
        [
            "requests",
            "record",
            "--db",
            str(requests_path),
            "--request",
            "r-1",
            "--subject",
            "c-1",
            "--event",
            "receive",
            "--right",
            "access",
            "--at",
            T0.isoformat(),
        ],
        0,
    )
    assert set(modes(requests_path).values()) == {"0o600"}, modes(requests_path)
    assert_cli(
        [
            "consent",
            "record",
            "--db",
            str(path),
            "--subject",
            "c-1",
            "--event",
            "prohibit_direct_marketing",
            "--at",
            T0.isoformat(),
        ],
        0,
    )
    assert set(modes(path).values()) == {"0o600"}, modes(path)
    assert not register.exists()


# --- the CLI on files that are not stores, and erase ----------------------------------------


@pytest.mark.parametrize(
    "content", [b"", b"not a database at all\n", b"SQLite format 3\x00garbage"]
)
@pytest.mark.parametrize("ledger", ["consent", "requests"])
def test_cli_verify_on_a_non_store(tmp_path: Path, content: bytes, ledger: str) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(content)
    cli_verify(path, ledger, 2)
    assert path.read_bytes() == content, "verify changed a file that is not a store"


@pytest.mark.parametrize("ledger", ["consent", "requests"])
def test_cli_verify_on_a_missing_file(tmp_path: Path, ledger: str) -> None:
    path = tmp_path / "missing.db"
    cli_verify(path, ledger, 2)
    assert not path.exists(), "verify created a store"


@pytest.mark.parametrize("ledger", ["consent", "requests"])
@pytest.mark.parametrize(
    "content", [None, b"", b"{not json", b'{"format": "rekisteri-checkpoint/1"}']
)
def test_cli_verify_with_a_bad_checkpoint_file(
    db: Path, tmp_path: Path, ledger: str, content: bytes | None
) -> None:
    kept = tmp_path / "kept.json"
    if content is not None:
        kept.write_bytes(content)
    cli_verify(db, ledger, 2, kept=kept)


def test_cli_verify_on_another_applications_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, hetu TEXT)")
    cli_verify(path, "consent", 2)
    cli_verify(path, "requests", 2)


def test_cli_erase_of_a_henkilotunnus_subject(db: Path) -> None:
    assert_cli(["consent", "erase", "--db", str(db), "--subject", HETU], 0)
    cli_verify(db, "consent", 0)
    with open_store(db) as store:
        assert store.record(HETU, "research") is None
    assert hetu_found(db) == []
