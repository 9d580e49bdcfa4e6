"""Every error that rekisteri raises on purpose.

One root, and each error also subclasses the builtin that fits, so callers can
catch either. Some are defined next to the code that raises them and are
importable from there (the module is named in brackets)::

    RekisteriError
    ├── IdentifierTypeError (TypeError)     the value is not a string (or not iterable) at all
    ├── SecretTypeError (TypeError)         a store's secret is not bytes
    ├── ModelTypeError (TypeError)          a model field was given a value of the wrong type
    ├── ArgumentTypeError (TypeError)       [rekisteri.calendar] None (or so) for a date, a request…
    ├── InvalidIdentifierError (ValueError) the string is not a valid identifier
    │   ├── InvalidFormat                   wrong characters or shape
    │   │   └── InvalidLength               wrong number of characters
    │   ├── InvalidChecksum                 the check character does not match
    │   ├── InvalidComponent                a part is impossible (date, individual number…)
    │   ├── InvalidAssociationIdError       not a yhdistysrekisterinumero (python-stdnum)
    │   ├── InvalidVeronumeroError          not a veronumero (python-stdnum)
    │   └── InvalidIbanError                not an IBAN (python-stdnum)
    ├── InvalidValueError (ValueError)      a model field breaks a rule (empty name, bad key…)
    │   ├── SecretRequiredError             a henkilötunnus subject, but the store has no secret
    │   ├── FutureEventError                an event dated too far ahead of the store's clock
    │   ├── StoreFileError                  the file is not a store that can be opened
    │   ├── WeakSecretError                 a store's secret is shorter than 32 bytes
    │   ├── WrongSecretError                a store's secret is not the one it was created with
    │   ├── InvalidCheckpointError          a checkpoint document cannot be read
    │   ├── UnknownLocaleError              [rekisteri.lint] a locale other than fi, sv, en
    │   └── CalendarRangeError              [rekisteri.calendar] a date outside 0002…9998
    ├── InvalidTransitionError (ValueError) an event is not allowed in a consent's status
    ├── ErasureNotFlushedError (RuntimeError) erased, but old row versions remain in the WAL
    ├── MissingDependencyError (ImportError) an optional part lacks its extra ([postgres])
    ├── InvalidRegisterError (ValueError)   a register breaks a rule of the model
    ├── InvalidDocumentError (ValueError)   a TOML/JSON document does not fit the model
    │   └── DocumentTooLargeError           [rekisteri.serialize] over max_bytes or MAX_VALUES
    ├── UnknownCategoryError (KeyError)     no data category with that key in rekisteri.categories
    ├── UnusableInputError (ValueError)     [rekisteri.importer] undecodable, binary or empty input
    ├── ImportInputTypeError (TypeError)    [rekisteri.importer] not a str / not bytes
    ├── UnreadableFileError (ValueError)    [rekisteri.cli._ids] check-ids: Parquet cut short…
    │   └── ValueTooLargeError              [rekisteri.cli._ids] check-ids: a value over 4 MiB…
    └── CatalogError (LookupError)          [rekisteri.render] a message catalog is missing

The class says *what kind* of problem it is, :class:`Reason` says exactly which
one. Errors carry structured data (``kind``, ``reason``, ``position``,
``field``) and their messages **never** contain the value that was checked, so
they are safe to log even when the value was a henkilötunnus.

Examples:
    >>> from rekisteri.identifiers import hetu
    >>> try:
    ...     hetu.validate("131052-308U")
    ... except InvalidChecksum as exc:
    ...     print(exc)
    ...     print(exc.kind, exc.reason, exc.position)
    hetu: check character does not match (at index 10)
    hetu checksum 10
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

__all__ = [
    "ErasureNotFlushedError",
    "FutureEventError",
    "IdentifierTypeError",
    "InvalidAssociationIdError",
    "InvalidCheckpointError",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidDocumentError",
    "InvalidFormat",
    "InvalidIbanError",
    "InvalidIdentifierError",
    "InvalidLength",
    "InvalidRegisterError",
    "InvalidTransitionError",
    "InvalidValueError",
    "InvalidVeronumeroError",
    "MissingDependencyError",
    "ModelTypeError",
    "Reason",
    "RekisteriError",
    "SecretRequiredError",
    "SecretTypeError",
    "StoreFileError",
    "UnknownCategoryError",
    "WeakSecretError",
    "WrongSecretError",
]


class Reason(StrEnum):
    """Why an identifier was rejected; a stable, machine-readable code.

    The values are part of the public contract (they appear in the CLI's JSON
    and CSV output): they are only ever added to, never renamed.
    """

    LENGTH = "length"
    """The identifier has the wrong number of characters."""
    FORMAT = "format"
    """A character is not allowed where it stands (e.g. a letter among digits)."""
    NON_ASCII = "non_ascii"
    """A non-ASCII character, such as an Arabic-Indic digit or a Unicode dash."""
    CENTURY_SIGN = "century_sign"
    """The henkilötunnus century sign is not one of ``+ - A–F U–Y``."""
    DATE = "date"
    """The birth date does not exist in the century given by the sign."""
    FUTURE_DATE = "future_date"
    """The birth date is after today."""
    INDIVIDUAL_NUMBER = "individual_number"
    """The henkilötunnus individual number is 000 or 001, which are never issued."""
    TEMPORARY = "temporary"
    """A temporary henkilötunnus (individual number 900–999) where none is allowed."""
    CHECKSUM = "checksum"
    """The check character does not match the rest of the identifier."""
    NEVER_ISSUED = "never_issued"
    """A Y-tunnus whose weighted sum leaves remainder 1; no such number is issued."""
    VAT_NUMBER = "vat_number"
    """A VAT number (``FI`` + 8 digits) where a Y-tunnus was expected."""
    COMPONENT = "component"
    """A part of the identifier is impossible (checked by python-stdnum), e.g. an
    association register number that is too small or an unknown IBAN country."""


_DESCRIPTIONS: dict[Reason, str] = {
    Reason.LENGTH: "wrong number of characters",
    Reason.FORMAT: "unexpected character",
    Reason.NON_ASCII: "non-ASCII character",
    Reason.CENTURY_SIGN: "unknown century sign",
    Reason.DATE: "birth date does not exist",
    Reason.FUTURE_DATE: "birth date is in the future",
    Reason.INDIVIDUAL_NUMBER: "individual number 000 and 001 are never issued",
    Reason.TEMPORARY: "temporary number (900-999) not allowed here",
    Reason.CHECKSUM: "check character does not match",
    Reason.NEVER_ISSUED: "number with remainder 1 is never issued",
    Reason.VAT_NUMBER: "this is a VAT number; convert it with from_vat()",
    Reason.COMPONENT: "a part of the number is not possible",
}


class RekisteriError(Exception):
    """Base of every error rekisteri raises on purpose."""


class IdentifierTypeError(RekisteriError, TypeError):
    """An identifier function was given something that is not a string.

    Attributes:
        kind: Which identifier was expected, e.g. ``"hetu"``.
        type_name: The name of the type that was given instead.
        expected: What was expected instead: ``"str"``, or ``"an iterable"``
            for the bulk functions such as ``validate_many``.
    """

    def __init__(
        self,
        message: str | None = None,
        /,
        *,
        kind: str = "",
        type_name: str = "",
        expected: str = "str",
    ) -> None:
        if message is not None and not kind:
            # Rebuilt from its message alone, as Polars re-raises an exception
            # from inside an expression: take the attributes back from the text.
            head, found, rest = message.partition(": expected ")
            if found:
                kind = head
                expected, _, type_name = rest.rpartition(", got ")
        super().__init__(message or f"{kind}: expected {expected}, got {type_name}")
        self.kind = kind
        self.type_name = type_name
        self.expected = expected

    def __reduce__(self) -> tuple[object, ...]:
        state = {"kind": self.kind, "type_name": self.type_name, "expected": self.expected}
        return (_rebuild, (type(self), state))


class InvalidIdentifierError(RekisteriError, ValueError):
    """A string is not a valid identifier of the expected kind.

    Attributes:
        kind: Which identifier was checked, e.g. ``"hetu"`` or ``"ytunnus"``.
        reason: The exact :class:`Reason`.
        position: Index of the offending character in the compacted value,
            when one character is to blame; otherwise ``None``.
        field: Where the value came from (a column, a model field), if known.
    """

    def __init__(
        self,
        *,
        kind: str,
        reason: Reason,
        position: int | None = None,
        field: str | None = None,
    ) -> None:
        self.kind = kind
        self.reason = reason
        self.position = position
        if field is not None and any(c.isdigit() for c in field):
            # A column or field named after an identity code is shown masked,
            # as every message is (any spelling: the package's one recogniser).
            from rekisteri._spellings import mask_spellings

            field = mask_spellings(field)
        self.field = field
        where = f" in {field}" if field else ""
        at = f" (at index {position})" if position is not None else ""
        super().__init__(f"{kind}{where}: {_DESCRIPTIONS[reason]}{at}")

    def with_field(self, field: str) -> Self:
        """Return a copy of this error that names where the value came from."""
        return type(self)(kind=self.kind, reason=self.reason, position=self.position, field=field)

    def __reduce__(self) -> tuple[object, ...]:
        state = {
            "kind": self.kind,
            "reason": self.reason,
            "position": self.position,
            "field": self.field,
        }
        return (_rebuild, (type(self), state))


class InvalidFormat(InvalidIdentifierError):
    """The identifier contains characters that are not allowed where they stand."""


class InvalidLength(InvalidFormat):
    """The identifier has the wrong number of characters."""


class InvalidChecksum(InvalidIdentifierError):
    """The check character does not match the rest of the identifier."""


class InvalidComponent(InvalidIdentifierError):
    """A part of the identifier is impossible: a date, an individual number, and so on."""


class InvalidValueError(RekisteriError, ValueError):
    """A field of a model object breaks a rule: an empty name, a malformed key.

    The message names the field and the rule, never the value.
    """


class FutureEventError(InvalidValueError):
    """An event is dated further ahead of the store's clock than its ``max_clock_skew``.

    Stored, it would make every later event of the person that is made now
    "earlier than the last one", a withdrawal or an objection included.
    """


class SecretRequiredError(InvalidValueError):
    """A subject is a henkilötunnus, but the store was opened without a secret.

    Such subjects are stored only as a keyed hash, so the store needs the key.
    """


class StoreFileError(InvalidValueError):
    """The database file cannot be used as a store.

    It does not exist (when only opening), is not SQLite, holds another
    application's tables, is empty (when only opening), or was written by a
    newer or an incompatible development version of rekisteri.
    """


class WeakSecretError(InvalidValueError):
    """A store's secret is too short to resist guessing (fewer than 32 bytes)."""


class WrongSecretError(InvalidValueError):
    """A store was opened with a secret other than the one it was created with."""


class ErasureNotFlushedError(RekisteriError, RuntimeError):
    """An erasure is committed, but old versions of the rows remain in the WAL file.

    Another connection kept ``PRAGMA wal_checkpoint(TRUNCATE)`` from
    completing; a later checkpoint removes them (erasing again retries it).

    Attributes:
        erased: How many rows the erasure emptied.
    """

    def __init__(self, message: str, *, erased: int) -> None:
        super().__init__(message)
        self.erased = erased


class MissingDependencyError(RekisteriError, ImportError):
    """An optional part of rekisteri was imported without the packages it needs.

    The message names the extra to install, e.g. ``rekisteri-fi[postgres]``
    for :mod:`rekisteri.store.postgres`.
    """


class InvalidCheckpointError(InvalidValueError):
    """A checkpoint document is malformed, or not a rekisteri checkpoint at all."""


class SecretTypeError(RekisteriError, TypeError):
    """A store's secret is not ``bytes`` (for example a ``str``)."""


class InvalidTransitionError(RekisteriError, ValueError):
    """An event is not allowed in the current status of a consent.

    Attributes:
        state: The status before the event (``None``: no record yet).
        event: The kind of event that was refused.
    """

    def __init__(self, *, state: object, event: object) -> None:
        before = "when there is no record yet" if state is None else f"in status {state}"
        super().__init__(f"event {event} is not allowed {before}")
        self.state = state
        self.event = event

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), {"state": self.state, "event": self.event}))


class _ProblemsError(RekisteriError, ValueError):
    """An error that lists every problem found, each on its own line."""

    summary = "problems"

    def __init__(self, problems: tuple[str, ...] | list[str]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "".join(f"\n  {problem}" for problem in self.problems)
        super().__init__(f"{self.summary} ({count} problem{'s' if count != 1 else ''}):{lines}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.problems,))


class InvalidRegisterError(_ProblemsError):
    """A register breaks a rule that the model checks when it is built.

    For example, a key that two data categories share, a purpose that refers
    to a data category that does not exist, or consent as a legal basis
    without the right to withdraw it.

    Attributes:
        problems: Every problem found, one sentence each.
    """

    summary = "invalid register"


class InvalidDocumentError(_ProblemsError):
    """A TOML or JSON document does not fit the model.

    Lists **every** problem with its path, e.g.
    ``purposes[2].legal_basis: expected one of consent, contract, …``. The
    messages never quote values from the document.

    Attributes:
        problems: One ``path: message`` line per problem.
    """

    summary = "invalid document"


class ModelTypeError(RekisteriError, TypeError):
    """A model class was given a value of the wrong type for a field.

    For example a number where a text is expected, or a dict where a
    :class:`~rekisteri.model.Purpose` is. The message names the field (with
    the index of an item in a list) and what was expected, never the value.
    """


class UnknownCategoryError(RekisteriError, KeyError):
    """No data category with this key in :mod:`rekisteri.categories` (or in a register).

    Raised by :func:`rekisteri.categories.get` and
    :meth:`rekisteri.model.Register.category`.

    Attributes:
        key: The key that was asked for. The message names it only if it is
            made of letters and hyphens, so never if it could be a henkilötunnus.
        where: Where it was looked for: ``"the catalog"`` or ``"the register"``.
    """

    def __init__(self, key: object, where: str = "the catalog") -> None:
        self.key = key
        self.where = where
        shown = repr(key) if isinstance(key, str) and _looks_like_key(key) else "with this key"
        super().__init__(f"no data category {shown} in {where}")

    def __str__(self) -> str:  # KeyError would show the repr of the message
        return str(self.args[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.key, self.where))


def _looks_like_key(value: str) -> bool:
    # Lower-case letters and hyphens only: never an identity code (which has digits).
    return 0 < len(value) <= 40 and all((c.islower() and c.isascii()) or c in "-_" for c in value)


class InvalidAssociationIdError(InvalidIdentifierError):
    """Not a valid yhdistysrekisterinumero (association register number).

    Checked with python-stdnum (``stdnum.fi.associationid``); ``kind`` is
    ``"associationid"``.
    """


class InvalidVeronumeroError(InvalidIdentifierError):
    """Not a valid veronumero (Finnish individual tax number).

    Checked with python-stdnum (``stdnum.fi.veronumero``); ``kind`` is
    ``"veronumero"``.
    """


class InvalidIbanError(InvalidIdentifierError):
    """Not a valid IBAN (international bank account number).

    Checked with python-stdnum (``stdnum.iban``); ``kind`` is ``"iban"``.
    """


def _rebuild(cls: type[RekisteriError], state: dict[str, object]) -> RekisteriError:
    return cls(**state)
