"""Is the database's schema the store's own? The ``"schema"`` problems of ``verify``.

The keyed chain proves every row; it cannot prove what the database does
when it is read. Someone who can change the file or the schema but not a
row can still change what a decision sees: a SQLite index rebuilt without a
prohibition's row and then given back its original SQL (``writable_schema``)
makes the lookups skip that row, and a PostgreSQL row-level security policy,
rule or trigger can hide rows from one query and show them to another.
``verify`` therefore also compares the schema with the one rekisteri makes
and, on SQLite, runs ``PRAGMA integrity_check``, which finds an index whose
entries do not match its table. Each finding is a ``"schema"`` problem at
``seq`` 0; messages name rekisteri's own objects only, never what a
tamperer called theirs.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from typing import TYPE_CHECKING, Any, Final, LiteralString

from rekisteri.store import ChainProblem
from rekisteri.store._sqlite_db import migrate

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

#: A schema object: (type, name, table, SQL) as ``sqlite_master`` gives it.
_Object = tuple[str, str, str, str | None]

#: How many lines of ``PRAGMA integrity_check`` are read (enough to know it failed).
_INTEGRITY_LINES: Final = 20


def _problem(message: str) -> ChainProblem:
    return ChainProblem(seq=0, kind="schema", message=message)


# --- SQLite --------------------------------------------------------------------------


def _sqlite_objects(conn: sqlite3.Connection) -> frozenset[_Object]:
    """Every schema object of *conn*, but the statistics tables that ``ANALYZE`` makes."""
    return frozenset(
        (str(kind), str(name), str(table), None if sql is None else str(sql))
        for kind, name, table, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
            " WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'"
        )
    )


@functools.cache
def expected_sqlite_objects() -> frozenset[_Object]:
    """The schema objects of a new store, made by the same code that makes every store."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, create=True)
        return _sqlite_objects(conn)
    finally:
        conn.close()


def sqlite_problems(conn: sqlite3.Connection) -> list[ChainProblem]:
    """The ``"schema"`` problems of a SQLite store (see the module's docstring).

    Reads ``sqlite_master`` and runs ``PRAGMA integrity_check``, which reads
    every page of the file: about as long again as the ledger's own walk.
    """
    try:
        found = _sqlite_objects(conn)
        pragma = f"PRAGMA integrity_check({_INTEGRITY_LINES})"
        checked = [str(line) for (line,) in conn.execute(pragma)]
    except sqlite3.DatabaseError:
        return [_problem("the database's schema cannot be read")]
    problems = _differences(found, expected_sqlite_objects())
    if checked != ["ok"]:
        problems.append(
            _problem(
                "SQLite's integrity check failed: an index does not match its table"
                " (an index made or changed behind the store) or the file is damaged"
            )
        )
    return problems


def _differences(found: frozenset[_Object], expected: frozenset[_Object]) -> list[ChainProblem]:
    ours = {name: (kind, table, sql) for kind, name, table, sql in expected}
    problems = []
    seen = set()
    for kind, name, table, sql in sorted(found, key=lambda o: (o[1], o[0])):
        seen.add(name)
        if name not in ours:
            problems.append(_problem(f"a {kind} that rekisteri does not make is in the database"))
        elif ours[name] != (kind, table, sql):
            problems.append(_problem(f"the {ours[name][0]} {name} is not as rekisteri made it"))
    problems.extend(
        _problem(f"the {kind} {name} is missing")
        for name, (kind, _table, _sql) in sorted(ours.items())
        if name not in seen
    )
    return problems


# --- PostgreSQL ----------------------------------------------------------------------

#: Catalogue queries (the store's schema name as the parameter) that must return no rows:
#: each row is something in the store's schema that can change what a query of it returns.
_PG_CHECKS: Final[tuple[tuple[LiteralString, str], ...]] = (
    (
        (
            "SELECT 1 FROM pg_class c, pg_namespace n WHERE n.oid = c.relnamespace"
            " AND n.nspname = %s AND (c.relrowsecurity OR c.relforcerowsecurity)"
        ),
        "row-level security is enabled on a table of the store",
    ),
    (
        (
            "SELECT 1 FROM pg_policy p, pg_class c, pg_namespace n WHERE n.oid = c.relnamespace"
            " AND n.nspname = %s AND c.oid = p.polrelid"
        ),
        "a row-level security policy is defined on a table of the store",
    ),
    (
        (
            "SELECT 1 FROM pg_rewrite r, pg_class c, pg_namespace n WHERE n.oid = c.relnamespace"
            " AND n.nspname = %s AND c.oid = r.ev_class AND r.rulename <> '_RETURN'"
        ),
        "a rule is defined on a table of the store",
    ),
    (
        (
            "SELECT 1 FROM pg_class c, pg_namespace n WHERE n.oid = c.relnamespace"
            " AND n.nspname = %s AND c.relkind IN ('v', 'm', 'f')"
        ),
        "a view or foreign table is in the store's schema (in place of a table?)",
    ),
    (
        (
            "SELECT 1 FROM pg_trigger t, pg_class c, pg_namespace n WHERE n.oid = c.relnamespace"
            " AND n.nspname = %s AND c.oid = t.tgrelid AND NOT t.tgisinternal"
        ),
        "a trigger that rekisteri does not make is on a table of the store",
    ),
    (
        (
            "SELECT 1 FROM pg_attribute a, pg_class c, pg_namespace n"
            " WHERE n.oid = c.relnamespace AND n.nspname = %s AND a.attrelid = c.oid"
            " AND a.attnum > 0 AND a.attcollation NOT IN (0, 100)"
        ),
        # 100 is the database's default collation, which every text column is made with
        "a column of the store has a collation of its own (which can make two subjects one)",
    ),
    (
        (
            "SELECT 1 FROM pg_class c, pg_namespace n WHERE n.oid = c.relnamespace"
            " AND n.nspname = %s AND c.relkind IN ('r', 'p', 'i', 'S')"
            " AND c.relpersistence <> 'p'"
        ),
        # ALTER TABLE … SET UNLOGGED: no row changes, but a crash, a failover to a
        # replica or a physical backup's restore gives an empty ledger
        "a table of the store is unlogged (a crash or a restore empties it)",
    ),
)


#: Every column of the store's tables as the catalogue shows it: table, column, type,
#: NOT NULL, and whether it has a default, is generated or is an identity column.
_PG_COLUMNS: Final = (
    "SELECT c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
    " a.attnotnull, a.atthasdef OR a.attgenerated <> '' OR a.attidentity <> ''"
    " FROM pg_catalog.pg_attribute a, pg_catalog.pg_class c, pg_catalog.pg_namespace n"
    " WHERE n.oid = c.relnamespace AND n.nspname = %s AND a.attrelid = c.oid"
    " AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
)
_COLUMN: Final = re.compile(r"^\s*(\w+) (text|bigint|bytea|integer)\b(.*?),?$", re.MULTILINE)
_TABLE: Final = re.compile(r"CREATE TABLE \{s\}\.(\w+) \((.*)\)", re.DOTALL)


#: The constraints and indexes of the store's tables: table, kind, definition.
_PG_CONSTRAINTS: Final = (
    "SELECT c.relname, 'constraint', pg_catalog.pg_get_constraintdef(k.oid)"
    " FROM pg_catalog.pg_constraint k, pg_catalog.pg_class c, pg_catalog.pg_namespace n"
    " WHERE n.oid = c.relnamespace AND n.nspname = %s AND c.oid = k.conrelid"
    " UNION ALL SELECT c.relname, 'index', pg_catalog.pg_get_indexdef(x.indexrelid)"
    " FROM pg_catalog.pg_index x, pg_catalog.pg_class c, pg_catalog.pg_namespace n"
    " WHERE n.oid = c.relnamespace AND n.nspname = %s AND c.oid = x.indrelid"
)
#: What ``migrate`` makes (``{s}``: the schema), as the catalogue writes it; a test
#: compares it with a fresh store's.
EXPECTED_PG_CONSTRAINTS: Final = frozenset(
    {
        ("chain_head", "constraint", "CHECK ((id = 1))"),
        ("chain_head", "constraint", "PRIMARY KEY (id)"),
        ("events", "constraint", "PRIMARY KEY (seq)"),
        ("meta", "constraint", "PRIMARY KEY (key)"),
        ("request_chain_head", "constraint", "CHECK ((id = 1))"),
        ("request_chain_head", "constraint", "PRIMARY KEY (id)"),
        ("request_events", "constraint", "PRIMARY KEY (seq)"),
        ("request_state", "constraint", "PRIMARY KEY (request_id)"),
        *(
            (table, "index", f"CREATE {unique}INDEX {name} ON {{s}}.{table} USING btree ({cols})")
            for table, unique, name, cols in (
                ("chain_head", "UNIQUE ", "chain_head_pkey", "id"),
                ("events", "UNIQUE ", "events_pkey", "seq"),
                ("events", "", "events_subject_purpose_seq", "subject, purpose, seq"),
                ("meta", "UNIQUE ", "meta_pkey", "key"),
                ("request_chain_head", "UNIQUE ", "request_chain_head_pkey", "id"),
                ("request_events", "UNIQUE ", "request_events_pkey", "seq"),
                ("request_events", "", "request_events_request_seq", "request_id, seq"),
                ("request_state", "", "request_state_open", "open, request_id"),
                ("request_state", "UNIQUE ", "request_state_pkey", "request_id"),
                ("request_state", "", "request_state_subject", "subject"),
            )
        ),
    }
)


def _constraint_problems(
    query: Callable[[LiteralString, tuple[Any, ...]], Iterable[tuple[Any, ...]]],
    schema: str,
    present: set[str],
) -> list[ChainProblem]:
    """A constraint or index of a *present* store table added, dropped or changed (by table)."""
    found = {
        (table, kind, str(definition).replace(f'"{schema}".', "{s}.").replace(f"{schema}.", "{s}."))
        for table, kind, definition in query(_PG_CONSTRAINTS, (schema, schema))
    }
    tables = sorted({table for table, *_ in found ^ EXPECTED_PG_CONSTRAINTS if table in present})
    if not tables:
        return []
    return [
        _problem(
            "a constraint or index of the store is not as rekisteri makes it (added, dropped"
            f" or changed) on: {', '.join(tables)}"
        )
    ]


def expected_pg_columns() -> frozenset[tuple[str, str, str, bool, bool]]:
    """The columns ``migrate`` makes, read from its own statements (``_pg_db.TABLES``)."""
    from rekisteri.store._pg_db import TABLES

    columns = set()
    for statement in TABLES:
        table = _TABLE.match(statement)
        if table is None:
            continue
        body = table.group(2)
        if "\n" not in body:  # one line: "key text PRIMARY KEY, value text NOT NULL"
            body = body.replace(", ", ",\n")
        for name, kind, rest in _COLUMN.findall(body):
            not_null = "NOT NULL" in rest or "PRIMARY KEY" in rest
            columns.add((table.group(1), name, kind, not_null, False))
    return frozenset(columns)


def pg_problems(
    query: Callable[[LiteralString, tuple[Any, ...]], Iterable[tuple[Any, ...]]], schema: str
) -> list[ChainProblem]:
    """The ``"schema"`` problems of a PostgreSQL store in *schema*.

    *query* runs a catalogue query with its parameters and returns its rows.
    """
    problems = [
        _problem(message) for sql, message in _PG_CHECKS if any(True for _ in query(sql, (schema,)))
    ]
    found = {(t, c, kind, bool(n), bool(d)) for t, c, kind, n, d in query(_PG_COLUMNS, (schema,))}
    expected = expected_pg_columns()
    # a missing table is the walk's to report ("missing" rows, or a StoreFileError)
    present = {table for table, *_ in found} & {table for table, *_ in expected}
    changed = sorted({(t, c) for t, c, *_ in found ^ expected if t in present})
    problems.extend(_constraint_problems(query, schema, present))
    if changed:
        names = ", ".join(f"{table}.{column}" for table, column in changed)
        problems.append(
            _problem(
                f"a column of the store is not as rekisteri makes it (type, NOT NULL, a default"
                f" or added): {names}"
            )
        )
    return problems
