"""A consent and request store in PostgreSQL, for applications on more than one host.

Skeleton: the constructor and the public methods as they will be; the
implementation follows.
"""

# ruff: noqa: D102 - a skeleton; the docstrings come with the implementation

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Self

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import datetime
    from types import TracebackType

    from psycopg_pool import ConnectionPool

    from rekisteri.consent import ConsentEvent, ConsentRecord, Decision
    from rekisteri.model import Purpose
    from rekisteri.requests import DataSubjectRequest, RequestEvent
    from rekisteri.store import Verification
    from rekisteri.store._chain import Checkpoint

__all__ = ["SCHEMA_VERSION", "PostgresStore"]

#: The version of the database schema that this code writes.
SCHEMA_VERSION: Final = 1


class PostgresStore:
    """A consent and request store in PostgreSQL (skeleton)."""

    def __init__(
        self,
        conninfo: str | ConnectionPool,
        *,
        secret: bytes,
        purposes: Mapping[str, bool] | Iterable[Purpose] = (),
        schema: str = "rekisteri",
        create: bool = False,
    ) -> None:
        raise NotImplementedError

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
        raise NotImplementedError

    def append(self, events: Iterable[ConsentEvent]) -> None:
        raise NotImplementedError

    def record(self, subject: str, purpose: str) -> ConsentRecord | None:
        raise NotImplementedError

    def prohibited(self, subject: str, *, at: datetime) -> bool:
        raise NotImplementedError

    def may_process(self, subject: str, purpose: str, *, at: datetime) -> Decision:
        raise NotImplementedError

    def history(self, subject: str) -> list[ConsentEvent]:
        raise NotImplementedError

    def export(self, subject: str) -> bytes:
        raise NotImplementedError

    def erase(self, subject: str) -> int:
        raise NotImplementedError

    def verify(self, checkpoint: Checkpoint | None = None) -> Verification:
        raise NotImplementedError

    def checkpoint(self) -> Checkpoint:
        raise NotImplementedError

    def append_requests(self, events: Iterable[RequestEvent]) -> None:
        raise NotImplementedError

    def request(self, request_id: str) -> DataSubjectRequest | None:
        raise NotImplementedError

    def requests(
        self, *, subject: str | None = None, only_open: bool = False
    ) -> list[DataSubjectRequest]:
        raise NotImplementedError

    def verify_requests(self, checkpoint: Checkpoint | None = None) -> Verification:
        raise NotImplementedError
