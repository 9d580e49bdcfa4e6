"""What every store does alike with subjects and checkpoints, whatever its database.

:func:`subject_ref` turns a subject into its stored reference (an opaque id as
given, a henkilötunnus in any spelling as the HMAC of its canonical form);
:func:`without_codes_in_request_ids` refuses request ids that hold a
henkilötunnus; :func:`checkpoint_problems` and :func:`with_problems` check a
checkpoint given to ``verify`` before the ledger walk. Used by
:class:`~rekisteri.store.sqlite.SQLiteStore` and
:class:`~rekisteri.store.postgres.PostgresStore`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final, Self

from rekisteri._spellings import spellings
from rekisteri._validate import no_surrogates
from rekisteri.errors import (
    InvalidCheckpointError,
    InvalidValueError,
    ModelTypeError,
    StoreFileError,
    WrongSecretError,
)
from rekisteri.identifiers import hetu
from rekisteri.store import ChainProblem, Verification
from rekisteri.store._chain import Checkpoint
from rekisteri.store._consent_sql import ANY_PURPOSE

if TYPE_CHECKING:
    from collections.abc import Iterable
    from types import TracebackType

    from rekisteri.model import Purpose
    from rekisteri.requests import RequestEvent
    from rekisteri.store._chain import Head, Keys

_TWO_DIGITS: Final = re.compile(r"\d\d").search
_CANONICAL_SHAPE: Final = re.compile(r"[0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Za-z]").fullmatch


def hetu_subject(subject: str) -> str | None:
    """The henkilötunnus that *subject* is, in ASCII canonical spelling; ``None`` for an id.

    Every spelling that the package's one recogniser finds counts (see
    :mod:`rekisteri._spellings`): lower case, a Unicode dash as the sign,
    spaces around it, fullwidth digits, a birth date written with separators
    (``14.03.05B937Y``). Such a subject is never stored as given: its
    canonical form is the key of the reference, so every spelling of one
    person's code finds the same events.

    Raises:
        InvalidValueError: *subject* is a henkilötunnus without its century
            sign (a space, nothing or a separator such as "/" in its place:
            "-", "Y" or "A" there would be different people, so it cannot be
            stored), or holds an identity code inside a longer text.
    """
    if _TWO_DIGITS(subject) is None:  # every spelling starts so; many ids do not
        return None
    if _CANONICAL_SHAPE(subject) is not None:  # the usual spelling, at a fraction of the cost
        return subject.upper()
    found = spellings(subject)
    if not found:  # one search answers most ids that merely hold digits
        return None
    start = len(subject) - len(subject.lstrip())
    whole = (start, start + len(subject.strip()))
    alone = found[0] if len(found) == 1 and found[0].match.span() == whole else None
    if alone is None:
        if any(spelling.is_code for spelling in found):
            msg = (
                "subject: contains a henkilötunnus; pass the henkilötunnus alone (it is"
                " stored as a keyed hash) or an id of your own"
            )
            raise InvalidValueError(msg)
        return None
    if alone.canonical is None:
        msg = (
            "subject: looks like a henkilötunnus without its century sign; write it with"
            " the sign (e.g. 131052-308T), which tells one person from another"
        )
        raise InvalidValueError(msg)
    return alone.canonical


def without_codes_in_request_ids(events: Iterable[RequestEvent]) -> list[RequestEvent]:
    """The batch as a list; refuse a request id that holds a henkilötunnus (it is kept as given).

    Raises:
        InvalidValueError: A request id holds a henkilötunnus in any spelling;
            the message names its position, never the id.
    """
    batch = list(events)
    for index, event in enumerate(batch):
        request_id = getattr(event, "request_id", None)
        if isinstance(request_id, str) and any(
            spelling.is_code for spelling in spellings(request_id)
        ):
            msg = (
                f"events[{index}].request_id: contains a henkilötunnus; a request id is"
                " stored as given, so use an id of your own"
            )
            raise InvalidValueError(msg)
    return batch


def known_purposes(purposes: Mapping[str, bool] | Iterable[Purpose]) -> dict[str, bool]:
    """The store's purposes as key → "is direct marketing"; refuse a key holding a code.

    A purpose key is written in every event row as given, so a key that is a
    henkilötunnus (which a model key may be: ``140385-9180`` is lower-case
    digits and a dash) would put a person's code in the ledger in plain.

    Raises:
        InvalidValueError: A key holds a henkilötunnus in any spelling (also
            one without its check character, as subjects refuse), or is ``*``
            (every purpose, in a prohibition); the message never shows it.
    """
    if isinstance(purposes, Mapping):
        known = {str(key): bool(value) for key, value in purposes.items()}
    else:
        known = {purpose.key: purpose.direct_marketing for purpose in purposes}
    if ANY_PURPOSE in known:
        msg = (
            f"purposes: {ANY_PURPOSE!r} is not a purpose key: it stands for every purpose in"
            " a direct-marketing prohibition, and a consent on it would lift one"
        )
        raise InvalidValueError(msg)
    if any(spellings(key) for key in known):  # a code, or one without its check character
        msg = (
            "purposes: a purpose key holds a henkilötunnus; a key is written in every"
            " event as given, so name the purpose, not a person"
        )
        raise InvalidValueError(msg)
    return known


class Closing:
    """A store as a context manager: leaving the ``with`` block calls ``close()``."""

    def close(self) -> None:
        """Release the store's resources (each store defines it)."""
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


def subject_ref(keys: Keys, subject: object) -> str:
    """The subject reference as stored: an opaque id as is, a hetu as its HMAC.

    Raises:
        InvalidValueError: A blank or non-string subject, an invalid
            henkilötunnus, or one inside a longer text (see :func:`hetu_subject`).
    """
    if not isinstance(subject, str) or not subject.strip():
        msg = "subject: expected a non-blank string"
        raise InvalidValueError(msg)
    no_surrogates(subject, "subject")
    spelled = hetu_subject(subject)
    if spelled is None:
        return subject
    if not hetu.is_valid(spelled, allow_temporary=True):
        msg = (
            "subject: looks like a henkilötunnus but is not a valid one; an id of your own"
            " in that shape (such as a dated running number) needs a prefix, e.g. 'order-…'"
        )
        raise InvalidValueError(msg)
    canonical = hetu.validate(spelled, allow_temporary=True)
    return keys.subject_ref(canonical)


def check_meta(keys: Keys, meta: dict[object, object]) -> str:
    """Refuse a store without its id or check value, or another secret; return the store id.

    *meta* is the store's ``meta`` table (key → value), empty if unreadable.

    Raises:
        StoreFileError: The store id or the check value is missing.
        WrongSecretError: *keys* are not of the secret the store was created with.
    """
    store_id, check = meta.get("store_id"), meta.get("secret_check")
    if not isinstance(store_id, str) or not isinstance(check, str):
        # Never accept a new secret here: whoever removed the check row
        # could then choose the store's keys.
        msg = (
            "store: the store id or the secret check value is missing; the file was"
            " damaged or tampered with, and it is not opened"
        )
        raise StoreFileError(msg)
    if not keys.is_check_value(check):
        msg = "secret: not the secret this store was created with"
        raise WrongSecretError(msg)
    return store_id


def request_id(value: object) -> str:
    """*value* as a request id to look up.

    Raises:
        InvalidValueError: Not a non-blank string, or one holding a lone surrogate.
    """
    if not isinstance(value, str) or not value.strip():
        msg = "request_id: expected a non-blank string"
        raise InvalidValueError(msg)
    return no_surrogates(value, "request_id")


def require_batch(events: object, what: str) -> None:
    """Refuse *events* that is not a batch (one event alone, ``None``, a number).

    Raises:
        ModelTypeError: Naming *what* the batch should hold.
    """
    if isinstance(events, str | bytes) or not hasattr(events, "__iter__"):
        msg = (
            f"events: expected an iterable of {what} (a list, even of one),"
            f" got {type(events).__name__}"
        )
        raise ModelTypeError(msg)


def require_checkpoint(checkpoint: object) -> None:
    """Refuse what is neither ``None`` nor a :class:`Checkpoint` (a JSON text, a dict).

    Raises:
        InvalidCheckpointError: Naming the type given.
    """
    if checkpoint is not None and not isinstance(checkpoint, Checkpoint):
        msg = (
            f"checkpoint: expected a Checkpoint, got {type(checkpoint).__name__}"
            " (Checkpoint.from_json reads a kept document)"
        )
        raise InvalidCheckpointError(msg)


def only_open_flag(only_open: object) -> bool:
    """*only_open* of ``requests()``, which must be a bool.

    Raises:
        ModelTypeError: Anything else ("yes", 1).
    """
    if not isinstance(only_open, bool):
        msg = f"only_open: expected True or False, got {type(only_open).__name__}"
        raise ModelTypeError(msg)
    return only_open


def checkpoint_problems(
    keys: Keys, store_id: str, checkpoint: Checkpoint | None, ledger: str = "consent"
) -> tuple[list[ChainProblem], Head | None]:
    """A checkpoint not signed with this store's secret, or of another store; else its head.

    Returns the problems (none for no checkpoint) and the head of *ledger*
    that the checkpoint names, when it is this store's.
    """
    if checkpoint is None:
        return [], None
    require_checkpoint(checkpoint)
    if not keys.is_signed(checkpoint):
        message = "the checkpoint is not signed with this store's secret"
    elif checkpoint.store_id != store_id:
        message = "the checkpoint was made for another store"
    else:
        return [], checkpoint.heads.get(ledger)
    return [ChainProblem(seq=0, kind="checkpoint", message=message)], None


def with_problems(result: Verification, problems: list[ChainProblem]) -> Verification:
    """*result* with *problems* added (in seq order); *result* itself when there are none."""
    if not problems:
        return result
    found = sorted((*problems, *result.problems), key=lambda p: p.seq)
    return Verification(ok=False, events=result.events, problems=tuple(found))
