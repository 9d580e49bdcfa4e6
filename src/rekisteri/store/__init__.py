"""Durable consent stores: an append-only, hash-chained ledger of consent events.

:class:`ConsentStore` is the protocol that every store implements, so that a
PostgreSQL store can follow without changing callers;
:class:`~rekisteri.store.sqlite.SQLiteStore` is the first implementation.
:class:`RequestStore` is the protocol for data-subject requests
(:mod:`rekisteri.requests`), which ``SQLiteStore`` implements too, with a
hash chain of its own.

The ledger is append-only and keyed with the store's secret (at least 32
bytes, never stored): each row holds the canonical JSON of one event, its
``digest`` (an HMAC of the JSON), the ``hash`` of the row before it (``prev``)
and its own ``hash = HMAC(prev:seq:digest)``, with keys derived from the
secret. The chain covers the digest, not the JSON, so erasing a data
subject's consent events (Art 17) empties their JSON, records the erasure as
a row of its own, and the chain still verifies; :meth:`ConsentStore.verify`
reports every row that was edited, removed, moved or emptied by hand. A
:class:`Checkpoint`, kept elsewhere, also reveals a ledger cut short or
replaced by an older copy.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Protocol

import attrs

from rekisteri.store._chain import Checkpoint
from rekisteri.store._clock import DEFAULT_MAX_CLOCK_SKEW

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import datetime, timedelta

    from rekisteri.consent import ConsentEvent, ConsentRecord, Decision
    from rekisteri.model import Purpose
    from rekisteri.requests import DataSubjectRequest, RequestEvent
    from rekisteri.store._copy import CopyReport
    from rekisteri.store.postgres import PostgresStore
    from rekisteri.store.sqlite import SQLiteStore

__all__ = [
    "ChainProblem",
    "Checkpoint",
    "ConsentStore",
    "RequestStore",
    "Verification",
    "copy_store",
    "open_store",
]


@attrs.frozen(kw_only=True)
class ChainProblem:
    """One problem that :meth:`ConsentStore.verify` found in the ledger.

    Attributes:
        seq: The sequence number of the row concerned.
        kind: ``"edited"`` (the row's content does not match its digest or
            hash), ``"missing"`` (the row is gone), ``"reordered"`` (the row's
            content belongs at another position) or ``"broken_link"`` (the
            row does not follow from the one before it, or from the chain head)
            or ``"state"`` (the consent status stored with an intact row is not
            the one its events lead to: the row was edited behind the store),
            ``"erased_without_record"`` (the row was emptied, but no erasure
            in the chain names it), ``"checkpoint"`` (the ledger does not
            match a checkpoint given to verify, or the checkpoint is not
            this store's) or ``"schema"`` (at ``seq`` 0: the database's
            schema is not the one rekisteri makes, or an index does not
            match its table, so a read may not see every row).
        message: One sentence for people; never contains event data.
    """

    seq: int
    kind: str
    message: str


@attrs.frozen(kw_only=True)
class Verification:
    """The result of :meth:`ConsentStore.verify`; ``bool(result)`` is ``result.ok``.

    Attributes:
        ok: Whether the ledger is intact.
        events: How many rows were checked.
        problems: Every problem found, in ``seq`` order.
    """

    ok: bool
    events: int
    problems: tuple[ChainProblem, ...] = ()

    def __bool__(self) -> bool:
        return self.ok


class ConsentStore(Protocol):
    """A durable store of consent events and direct-marketing prohibitions.

    Subjects are passed as the application's own opaque ids; a store that is
    given a henkilötunnus keeps only a keyed hash of it.
    """

    def append(self, events: Iterable[ConsentEvent]) -> None:
        """Validate a batch of events against the stored state and write all or none."""
        ...

    def record(self, subject: str, purpose: str) -> ConsentRecord | None:
        """Return the consent record of *subject* for *purpose*, or ``None``."""
        ...

    def prohibited(self, subject: str, *, at: datetime) -> bool:
        """Return whether *subject* has a direct-marketing prohibition at *at*."""
        ...

    def may_process(self, subject: str, purpose: str, *, at: datetime) -> Decision:
        """Decide whether *purpose* may be processed for *subject* at *at*."""
        ...

    def history(self, subject: str) -> list[ConsentEvent]:
        """Return every stored event of *subject*, oldest first."""
        ...

    def export(self, subject: str) -> bytes:
        """Return a JSON document with the subject's history (Art 15)."""
        ...

    def erase(self, subject: str) -> int:
        """Erase the subject's consent events (Art 17); return how many were erased."""
        ...

    def verify(self, checkpoint: Checkpoint | None = None) -> Verification:
        """Check the whole ledger, and against *checkpoint* if given; report every problem."""
        ...

    def checkpoint(self) -> Checkpoint:
        """Return a signed statement of every ledger's length and head hash, to keep elsewhere."""
        ...

    def close(self) -> None:
        """Release the store's resources."""
        ...


class RequestStore(Protocol):
    """A durable store of data-subject request events (:mod:`rekisteri.requests`).

    Events are append-only. A request is folded from its events whenever it
    is read; the store checks every batch against the stored requests before
    writing any of it. Subjects are stored like consent subjects: an opaque id
    as given, a henkilötunnus only as a keyed hash (the ``subject`` of a
    request read back is that stored reference).
    """

    def append_requests(self, events: Iterable[RequestEvent]) -> None:
        """Validate a batch of request events against the stored requests and write all or none."""
        ...

    def request(self, request_id: str) -> DataSubjectRequest | None:
        """Return the request with *request_id*, or ``None``."""
        ...

    def requests(
        self, *, subject: str | None = None, only_open: bool = False
    ) -> list[DataSubjectRequest]:
        """Return the requests of *subject* (or of everyone), ordered by request id."""
        ...

    def verify_requests(self, checkpoint: Checkpoint | None = None) -> Verification:
        """Check the request ledger, and against *checkpoint* if given; report every problem."""
        ...


def open_store(
    target: str | os.PathLike[str],
    *,
    secret: bytes,
    purposes: Mapping[str, bool] | Iterable[Purpose] = (),
    create: bool = False,
    schema: str = "rekisteri",
    max_clock_skew: timedelta = DEFAULT_MAX_CLOCK_SKEW,
) -> SQLiteStore | PostgresStore:
    """Open the store at *target*: a ``postgresql://`` URL or a SQLite file path.

    A URL (``postgresql://`` or ``postgres://``, any libpq connection URL)
    opens a :class:`~rekisteri.store.postgres.PostgresStore` in *schema*;
    anything else is the path of a :class:`~rekisteri.store.sqlite.SQLiteStore`
    file (*schema* is ignored). Each backend is imported only when it is
    used, so SQLite stores need no PostgreSQL driver. A password belongs in
    ``PGPASSWORD`` or a pgpass file rather than in the URL. *max_clock_skew*
    is how far ahead of the clock an event may be dated (see the stores).

    Raises:
        MissingDependencyError: *target* is a URL but psycopg is not
            installed (an ``ImportError`` that names ``rekisteri-fi[postgres]``).
        StoreFileError: The database is not a store, or missing with
            ``create=False`` (and whatever else the backend raises).
    """
    from rekisteri.store._target import is_postgres_url

    if is_postgres_url(target):
        # Without psycopg this import raises MissingDependencyError (an ImportError).
        from rekisteri.store.postgres import PostgresStore

        return PostgresStore(
            os.fspath(target),
            secret=secret,
            purposes=purposes,
            schema=schema,
            create=create,
            max_clock_skew=max_clock_skew,
        )
    from rekisteri.store.sqlite import SQLiteStore

    return SQLiteStore(
        target, secret=secret, purposes=purposes, create=create, max_clock_skew=max_clock_skew
    )


def copy_store(
    source: str | os.PathLike[str],
    destination: str | os.PathLike[str],
    *,
    secret: bytes,
    purposes: Mapping[str, bool] | Iterable[Purpose] = (),
    source_schema: str = "rekisteri",
    destination_schema: str = "rekisteri",
) -> CopyReport:
    """Copy both ledgers of the store at *source*, row for row, into a new store at *destination*.

    Each is a SQLite path or a ``postgresql://`` URL, in any combination;
    the destination must hold no events. Rows are copied exactly (seq,
    payload, keyed digest, links, chain heads, request state and the store
    id), so the copy verifies with the same *secret* and a checkpoint of the
    source verifies against it; the returned
    :class:`~rekisteri.store._copy.CopyReport` holds both verifications
    against a checkpoint taken of the source before the copy.

    Raises:
        StoreFileError: The source is not a store, the destination holds
            events, or both name the same store.
        WrongSecretError: *secret* is not the source's (or the destination's).
    """
    from rekisteri.store._copy import copy_store as copy

    return copy(
        source,
        destination,
        secret=secret,
        purposes=purposes,
        source_schema=source_schema,
        destination_schema=destination_schema,
    )
