"""Copy a store's two ledgers into a new store, row for row (``rekisteri store copy``).

The copy keeps every row as it is: its ``seq``, subject reference, payload,
keyed digest, ``prev`` and ``hash``, the status columns, each ledger's chain
head, the request state and the store id. Nothing is re-appended through the
public API, for three reasons: the chain is keyed over ``prev ‖ seq ‖
digest``, so only the same rows give the same hashes; an erased row has no
payload left to re-append (its digest and links are all that remain, and the
erasure row that names it must keep naming the same seq); and a checkpoint
names the store id, which a new store would not share. Copied exactly, the
destination verifies with the same secret, and a checkpoint made of the
source before the copy verifies against the destination too.

Both stores must have the same secret (a destination made with another one
is refused when it is opened: its check value differs). The destination must
hold no events in either ledger. The source is read in one snapshot, the
destination written in one transaction, then reopened and verified, both
ledgers, against a checkpoint of the source taken before the read.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Final

import attrs

from rekisteri.errors import StoreFileError
from rekisteri.store import Verification, open_store
from rekisteri.store._chain import Checkpoint, Head
from rekisteri.store._target import is_postgres_url

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from rekisteri.model import Purpose
    from rekisteri.store.postgres import PostgresStore
    from rekisteri.store.sqlite import SQLiteStore

__all__ = ["CopyReport", "Ledgers", "copy_store"]

#: The consent ledger's columns, in the order of a copied row (``*_us``: microseconds).
CONSENT_COLUMNS: Final = (
    "seq",
    "subject",
    "purpose",
    "kind",
    "at_us",
    "payload",
    "digest",
    "prev",
    "hash",
    "status",
    "valid_until_us",
)
#: The request ledger's columns, in the order of a copied row.
REQUEST_COLUMNS: Final = (
    "seq",
    "request_id",
    "subject",
    "kind",
    "at_us",
    "payload",
    "digest",
    "prev",
    "hash",
)
#: The request state's columns (``open`` as a bool).
STATE_COLUMNS: Final = ("request_id", "subject", "status", "open")

Row = tuple[Any, ...]


@attrs.frozen(kw_only=True)
class Ledgers:
    """Everything a store holds, read in one snapshot, in a form neither backend owns."""

    store_id: str
    consent: list[Row]
    consent_head: Head
    requests: list[Row]
    requests_head: Head
    request_state: list[Row]


@attrs.frozen(kw_only=True)
class CopyReport:
    """What :func:`rekisteri.store.copy_store` did; ``bool(report)`` is ``report.ok``.

    Attributes:
        consent_events: Rows copied from the consent ledger.
        request_events: Rows copied from the request ledger.
        consent: The destination's consent ledger verified against :attr:`checkpoint`.
        requests: The destination's request ledger verified against :attr:`checkpoint`.
        checkpoint: A checkpoint of the source, taken before the copy; it is
            valid for the destination too.
    """

    consent_events: int
    request_events: int
    consent: Verification
    requests: Verification
    checkpoint: Checkpoint

    @property
    def ok(self) -> bool:
        """Whether both ledgers of the copy verified against the source's checkpoint."""
        return self.consent.ok and self.requests.ok

    def __bool__(self) -> bool:
        return self.ok


def copy_store(
    source: str | os.PathLike[str],
    destination: str | os.PathLike[str],
    *,
    secret: bytes,
    purposes: Mapping[str, bool] | Iterable[Purpose] = (),
    source_schema: str = "rekisteri",
    destination_schema: str = "rekisteri",
) -> CopyReport:
    """Copy both ledgers of the store at *source* into a new store at *destination*.

    Each is a SQLite file path or a ``postgresql://`` URL (with its schema),
    in any combination. The destination is created if missing and must hold
    no events; it gets the source's store id, so the source's checkpoints
    stay valid for it. The copy is verified before this returns: look at
    the report's ``ok`` (the rows are written either way; a failed
    verification means the destination should not be used).

    Raises:
        StoreFileError: The source is not a store, or the destination
            already holds events (nothing is written then).
        WrongSecretError: *secret* is not the source's, or an existing
            destination was made with another secret.
    """
    if os.fspath(source) == os.fspath(destination) and source_schema == destination_schema:
        msg = "store: the source and the destination are the same store"
        raise StoreFileError(msg)
    src = open_store(source, secret=secret, purposes=purposes, schema=source_schema)
    try:
        checkpoint = src.checkpoint()
        ledgers = _read(src, os.fspath(source), source_schema)
    finally:
        src.close()
    dst = open_store(
        destination, secret=secret, purposes=purposes, schema=destination_schema, create=True
    )
    try:
        _write(dst, os.fspath(destination), destination_schema, ledgers)
    finally:
        dst.close()
    with open_store(
        destination, secret=secret, purposes=purposes, schema=destination_schema
    ) as copy:
        return CopyReport(
            consent_events=len(ledgers.consent),
            request_events=len(ledgers.requests),
            consent=copy.verify(checkpoint),
            requests=copy.verify_requests(checkpoint),
            checkpoint=checkpoint,
        )


def _read(store: SQLiteStore | PostgresStore, target: str, schema: str) -> Ledgers:
    if is_postgres_url(target):
        from rekisteri.store import _copy_postgres

        return _copy_postgres.read(target, schema)
    from rekisteri.store import _copy_sqlite

    return _copy_sqlite.read(store)  # type: ignore[arg-type] # a SQLiteStore for a path


def _write(store: SQLiteStore | PostgresStore, target: str, schema: str, ledgers: Ledgers) -> None:
    if is_postgres_url(target):
        from rekisteri.store import _copy_postgres

        _copy_postgres.write(target, schema, ledgers)
        return
    from rekisteri.store import _copy_sqlite

    _copy_sqlite.write(store, ledgers)  # type: ignore[arg-type] # a SQLiteStore for a path


NOT_EMPTY: Final = (
    "store: the destination already holds events; copy into a new, empty store"
    " (a new file, or a schema that does not exist yet)"
)
