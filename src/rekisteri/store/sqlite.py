"""A consent store in one SQLite file, safe for several processes at once.

The file holds an append-only, hash-chained ledger of events (``events``)
and the hash of its last row (``chain_head``). Each consent row also carries
the status and expiry that its event leaves (derived when the row is written,
and checked by :meth:`SQLiteStore.verify`), so that
:meth:`SQLiteStore.may_process` reads one row per question through the
``(subject, purpose, seq)`` index, however long the history is.

Writers serialise on ``BEGIN IMMEDIATE``; every batch is validated against the
state read inside its own transaction, so concurrent writers can never both
pass validation against the same state. The file is in WAL mode with
``synchronous=FULL``: a committed batch survives a crash of the process or
the machine, and a batch that was not committed leaves no trace.

A henkilötunnus given as a subject is never written: the store keeps
``"hmac-sha256:" + HMAC-SHA256(secret, canonical hetu)`` instead.

This module holds the public class; the SQL is in private modules beside it:
the connection and migrations in ``_sqlite_db``, the consent ledger in
``_consent_sql`` and the request ledger in ``_requests_sql``.

Examples:
    >>> from datetime import UTC, datetime
    >>> from rekisteri.consent import ConsentEvent, EventKind
    >>> t = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    >>> with SQLiteStore(":memory:", purposes={"newsletter": True}) as store:
    ...     store.append([
    ...         ConsentEvent(subject="c-1", purpose="newsletter", kind=EventKind.GIVE, at=t),
    ...     ])
    ...     print(store.may_process("c-1", "newsletter", at=t).reason)
    ...     print(bool(store.verify()))
    consent_valid
    True
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final, Self

from rekisteri._validate import aware
from rekisteri.errors import InvalidValueError, SecretRequiredError, StoreFileError
from rekisteri.identifiers import hetu
from rekisteri.store import _consent_sql, _requests_sql, _sqlite_db
from rekisteri.store._consent_sql import ANY_PURPOSE

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime
    from types import TracebackType

    from rekisteri.consent import ConsentEvent, ConsentRecord, Decision
    from rekisteri.model import Purpose
    from rekisteri.requests import DataSubjectRequest, RequestEvent
    from rekisteri.store import Verification
    from rekisteri.store._chain import Checkpoint

__all__ = ["SCHEMA_VERSION", "SQLiteStore"]

#: The version of the database schema that this code writes.
SCHEMA_VERSION: Final = _sqlite_db.SCHEMA_VERSION
#: The version of the :meth:`SQLiteStore.export` document.
EXPORT_SCHEMA_VERSION: Final = _consent_sql.EXPORT_SCHEMA_VERSION
#: Bring a connection's schema up to :data:`SCHEMA_VERSION` (see ``_sqlite_db.migrate``).
migrate = _sqlite_db.migrate

_HMAC_PREFIX: Final = "hmac-sha256:"
# The shape of a henkilötunnus, valid or not: such a subject is never stored as
# given. These recognise identity codes in subjects (to store them as a keyed
# hash, or to refuse them); they do not mask anything: masking is hetu.redact.
_EMBEDDED_HETU: Final = re.compile(
    r"(?<![0-9A-Za-z])[0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Za-z](?![0-9A-Za-z])", re.ASCII
)
_HETU_SHAPE: Final = re.compile(r"\s*[0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Za-z]\s*", re.ASCII)


class SQLiteStore:
    """A :class:`~rekisteri.store.ConsentStore` in one SQLite file; a context manager.

    Args:
        path: The database file (created if missing), or ``":memory:"``.
        purposes: The known purpose keys: a mapping of key to "is direct
            marketing", or :class:`~rekisteri.model.Purpose` objects. Consent
            events for any other purpose are refused.
        secret: The key for the HMAC of henkilötunnus subjects. Without it a
            henkilötunnus subject is refused. Use the same secret every time:
            a store remembers a check value of the first secret it was given
            and refuses another one.
        create: Make a new store when the file is missing or empty. Pass
            ``False`` to only open an existing store (for reading, say): a
            missing or empty file is then refused and left untouched.

    Raises:
        InvalidValueError: The secret is empty or not the store's, the file
            has a newer schema, or the file is another application's database
            (it is never changed), or missing or empty with ``create=False``.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        purposes: Mapping[str, bool] | Iterable[Purpose] = (),
        secret: bytes | None = None,
        create: bool = True,
    ) -> None:
        if secret is not None and not secret:
            msg = "secret: must not be empty"
            raise InvalidValueError(msg)
        self._path = os.fspath(path)
        if not create and self._path != ":memory:" and not Path(self._path).is_file():
            msg = "store: no such database file"
            raise StoreFileError(msg)
        self._secret = secret
        if isinstance(purposes, Mapping):
            self._purposes: dict[str, bool] = {str(k): bool(v) for k, v in purposes.items()}
        else:
            self._purposes = {p.key: p.direct_marketing for p in purposes}
        self._conn = _sqlite_db.connect(self._path, create=create)
        try:
            if secret is not None:
                self._check_secret(secret)
        except BaseException:
            self._conn.close()
            raise

    def __repr__(self) -> str:
        return f"SQLiteStore({self._path!r}, purposes={sorted(self._purposes)!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection; the store cannot be used afterwards."""
        self._conn.close()

    # -- subjects and purposes -------------------------------------------------

    def _check_secret(self, secret: bytes) -> None:
        check = hmac.new(secret, b"rekisteri store secret check", hashlib.sha256).hexdigest()
        with _sqlite_db.immediate(self._conn):
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'secret_check'").fetchone()
            if row is None:
                self._conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('secret_check', ?)", (check,)
                )
            elif not hmac.compare_digest(str(row[0]), check):
                msg = "secret: not the secret this store was created with"
                raise InvalidValueError(msg)

    def _ref(self, subject: object) -> str:
        """The subject reference as stored: an opaque id as is, a hetu as its HMAC."""
        if not isinstance(subject, str) or not subject.strip():
            msg = "subject: expected a non-blank string"
            raise InvalidValueError(msg)
        if _HETU_SHAPE.fullmatch(subject) is None:
            if any(
                hetu.is_valid(match.group(0), allow_temporary=True)
                for match in _EMBEDDED_HETU.finditer(subject)
            ):
                msg = (
                    "subject: contains a henkilötunnus; pass the henkilötunnus alone (it is"
                    " stored as a keyed hash) or an id of your own"
                )
                raise InvalidValueError(msg)
            return subject
        if not hetu.is_valid(subject, allow_temporary=True):
            msg = "subject: looks like a henkilötunnus but is not a valid one"
            raise InvalidValueError(msg)
        if self._secret is None:
            msg = "subject: a henkilötunnus needs a store with a secret (SQLiteStore(secret=...))"
            raise SecretRequiredError(msg)
        canonical = hetu.validate(subject, allow_temporary=True).encode("ascii")
        return _HMAC_PREFIX + hmac.new(self._secret, canonical, hashlib.sha256).hexdigest()

    # -- writing (SQL in rekisteri.store._consent_sql) ---------------------------

    def append(self, events: Iterable[ConsentEvent]) -> None:
        """Validate a batch of events against the stored state, then write all of it.

        The batch is checked as a whole, inside the write transaction, before
        anything is written: per subject, no event may be earlier than the
        subject's last event; each consent event must be allowed by
        :data:`~rekisteri.consent.TRANSITIONS` in the status that the events
        before it leave; a prohibition can be lifted only when it is in force.
        If anything is wrong, nothing is written.

        Raises:
            InvalidValueError: An unknown purpose, a naive datetime, an event
                earlier than the subject's last one, a henkilötunnus without a
                secret. The message names the position in the batch and the
                purpose, never the subject.
            InvalidTransitionError: A consent event not allowed in its status.
        """
        _consent_sql.append(self._conn, events, ref=self._ref, purposes=self._purposes)

    # -- reading ---------------------------------------------------------------

    def record(self, subject: str, purpose: str) -> ConsentRecord | None:
        """Return the consent record of *subject* for *purpose*, or ``None`` if there is none.

        The record is folded from the stored events, which carry *subject* as
        you passed it. After :meth:`erase` there is none.
        """
        if purpose == ANY_PURPOSE:
            return None
        return _consent_sql.record(self._conn, self._ref(subject), subject, purpose)

    def prohibited(self, subject: str, *, at: datetime) -> bool:
        """Return whether *subject* has a direct-marketing prohibition in force at *at*.

        A prohibition is in force from the time of its event until a later
        lift. It survives :meth:`erase`.
        """
        moment = aware(at, "at")
        return _consent_sql.prohibited(self._conn, self._ref(subject), moment)

    def may_process(self, subject: str, purpose: str, *, at: datetime) -> Decision:
        """Decide whether *purpose* may be processed for *subject* at *at*.

        Uses :func:`~rekisteri.consent.decide` with the current consent record,
        the prohibition in force at *at* and the purpose's direct-marketing
        flag. One indexed look-up (two for a direct-marketing purpose), whatever
        the length of the history.

        Raises:
            InvalidValueError: An unknown purpose or a naive *at*.
        """
        direct_marketing = _consent_sql.direct_marketing(self._purposes, purpose, where="purpose")
        moment = aware(at, "at")
        ref = self._ref(subject)
        return _consent_sql.may_process(
            self._conn, ref, subject, purpose, at=moment, direct_marketing=direct_marketing
        )

    def history(self, subject: str) -> list[ConsentEvent]:
        """Return every stored event of *subject*, in the order they were appended.

        The events carry *subject* as you passed it. After :meth:`erase` only
        the prohibition events remain.
        """
        return _consent_sql.history(self._conn, self._ref(subject), subject)

    def export(self, subject: str) -> bytes:
        """Return a JSON document with everything stored about *subject* (Art 15).

        The document has ``schema_version``, ``subject`` (the reference as
        stored: an opaque id, or the HMAC of a henkilötunnus), ``prohibited``
        (the prohibition currently in force) and ``events``, oldest first, each
        with ``seq``, ``kind``, ``purpose``, ``at``, ``channel``, ``evidence``,
        ``actor``, ``valid_until`` and ``by_guardian``.
        """
        return _consent_sql.export(self._conn, self._ref(subject))

    # -- erasure ---------------------------------------------------------------

    def erase(self, subject: str) -> int:
        """Erase the consent events of *subject* (Art 17); return how many rows were erased.

        Each row keeps its ``seq``, digest and hashes, so the chain still
        verifies; its event data and subject reference are emptied. The
        prohibition events and the prohibition itself stay (Art 21: the person
        must stay un-marketed). Afterwards :meth:`record` returns ``None``.
        """
        return _consent_sql.erase(self._conn, self._ref(subject))

    # -- integrity ---------------------------------------------------------------

    def verify(self) -> Verification:
        """Walk the whole ledger in ``seq`` order and report every problem found.

        Finds rows whose event data no longer matches their digest, rows
        whose digest or links were changed (``"edited"``), rows whose content
        belongs at another position (``"reordered"``), gaps in ``seq``
        including a deleted last row (``"missing"``, found through the
        ``chain_head`` table) and rows that do not follow the row before them
        (``"broken_link"``). Erased rows have no event data and are checked
        through their digest only.
        """
        return _consent_sql.verify(self._conn)

    # -- data-subject requests (SQL in rekisteri.store._requests_sql) ------------

    def append_requests(self, events: Iterable[RequestEvent]) -> None:
        """Validate a batch of request events against the stored requests, then write all of it.

        Each request touched is folded from its stored events and the new
        ones inside the write transaction, so every rule of
        :meth:`~rekisteri.requests.DataSubjectRequest.fold` is checked. If
        anything is wrong, nothing is written.

        Raises:
            InvalidValueError: Not a request event, a naive datetime, events
                out of order, an extension after the first month, a
                henkilötunnus subject without a secret.
            InvalidTransitionError: An event not allowed in its request's status.
        """
        _requests_sql.append(self._conn, events, self._ref, self._keys)

    def request(self, request_id: str) -> DataSubjectRequest | None:
        """Return the request with *request_id*, or ``None``.

        Its ``subject`` is the stored reference (the HMAC of a henkilötunnus).
        """
        return _requests_sql.request(self._conn, request_id, self._keys)

    def requests(
        self, *, subject: str | None = None, only_open: bool = False
    ) -> list[DataSubjectRequest]:
        """Return the requests of *subject* (or of everyone), ordered by request id.

        With ``only_open=True``, only those not yet rejected, fulfilled or
        closed unfulfilled.
        """
        ref = None if subject is None else self._ref(subject)
        return _requests_sql.requests(self._conn, self._keys, subject=ref, only_open=only_open)

    def verify_requests(self, checkpoint: Checkpoint | None = None) -> Verification:
        """Walk the request ledger (a keyed chain of its own) and report every problem found.

        :meth:`verify` checks the consent ledger; this checks the request one:
        each row's keyed digest and link (``"edited"``), gaps in ``seq`` and
        a chain head that is not the last row (``"missing"``,
        ``"broken_link"``), plain columns that differ from the event data
        (``"edited"``), and every ``request_state`` row, which
        :meth:`requests` reads, against its request's events (``"state"``).

        Given a *checkpoint* (from :meth:`checkpoint`, kept elsewhere), also
        reports one not signed with this store's secret or of another store
        (``"checkpoint"``), a ledger shorter than it was then (``"missing"``)
        and a row at the checkpoint's head whose hash differs (``"checkpoint"``).
        """
        return _requests_sql.verify(self._conn, self._keys, checkpoint)
