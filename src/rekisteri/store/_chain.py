"""The keyed hash chain that every ledger of a store shares, whatever the database.

One design for the consent and the request ledger, in SQLite and later in
PostgreSQL:

- The application's **secret** (at least :data:`MIN_SECRET_BYTES` random
  bytes) never touches the database. :class:`Keys` derives separate keys from
  it with HKDF-SHA256 (RFC 5869): one pseudonymises henkilötunnus subjects,
  one links the chain, one keys the digest of each event's payload, one makes
  the store's check value and one signs checkpoints. Knowing one derived key
  tells nothing about the others.
- Each row's **digest** is ``HMAC(digest key, payload)``: an erased row keeps
  it, so the chain still verifies, but without the secret it cannot confirm a
  guessed payload (an unkeyed SHA-256 could).
- Each row's **link** is ``HMAC(chain key, prev ‖ seq ‖ digest)``: whoever can
  write the file but lacks the secret cannot recompute the chain after an
  edit, an insertion or a deletion inside it.
- A **check value**, ``HMAC(check key, …)``, tells whether a secret is the
  store's. With a secret of at least 128 bits of entropy it cannot be used to
  guess the secret offline; that is why short secrets are refused.
- A **checkpoint** is a small statement, signed with the checkpoint key, of
  each ledger's length and head hash at a moment, meant to be kept elsewhere:
  it reveals a ledger cut short or rewritten after it was made, which the
  chain alone cannot (the head lives in the same file).

Examples:
    >>> keys = Keys.from_secret(b"0123456789abcdef0123456789abcdef")
    >>> digest = keys.digest(b'{"kind":"give"}')
    >>> first = keys.link(GENESIS, 1, digest)
    >>> len(first), first == Keys.from_secret(b"x" * 32).link(GENESIS, 1, digest)
    (32, False)
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Final

import attrs
import orjson

from rekisteri.errors import InvalidCheckpointError, SecretTypeError, WeakSecretError

__all__ = [
    "CHECKPOINT_FORMAT",
    "GENESIS",
    "MIN_SECRET_BYTES",
    "Checkpoint",
    "Head",
    "Keys",
    "require_secret",
]

#: The fewest bytes a secret may have: 32 bytes (256 bits; the guides ask for
#: ``secrets.token_bytes(32)``). A shorter one is refused, because the store's
#: check value would let an attacker test guesses of a weak secret offline.
MIN_SECRET_BYTES: Final = 32

#: The hash that comes before the first row of every ledger.
GENESIS: Final = bytes(32)

#: The ``format`` field of a checkpoint document.
CHECKPOINT_FORMAT: Final = "rekisteri-checkpoint/1"

_SALT: Final = b"rekisteri store keys v1"
_CHECK_MESSAGE: Final = b"rekisteri store secret check"
_SUBJECT_PREFIX: Final = "hmac-sha256:"


def require_secret(secret: object) -> bytes:
    """Return *secret* if it is bytes of at least :data:`MIN_SECRET_BYTES`; raise otherwise.

    Raises:
        SecretTypeError: *secret* is not ``bytes`` (a ``str`` included: encode
            it, or better, keep random bytes).
        WeakSecretError: *secret* is shorter than 32 bytes.

    Examples:
        >>> require_secret(b"k" * 32) == b"k" * 32
        True
        >>> require_secret("password")
        Traceback (most recent call last):
        rekisteri.errors.SecretTypeError: secret: expected bytes, got str
    """
    if not isinstance(secret, bytes):
        msg = f"secret: expected bytes, got {type(secret).__name__}"
        raise SecretTypeError(msg)
    if len(secret) < MIN_SECRET_BYTES:
        msg = (
            f"secret: must be at least {MIN_SECRET_BYTES} bytes "
            f"(got {len(secret)}); make one with secrets.token_bytes({MIN_SECRET_BYTES})"
        )
        raise WeakSecretError(msg)
    return secret


def _hkdf(secret: bytes, info: bytes) -> bytes:
    """HKDF-SHA256 (RFC 5869) of *secret* for *info*, 32 bytes (one block of expand)."""
    prk = hmac.digest(_SALT, secret, "sha256")
    return hmac.digest(prk, info + b"\x01", "sha256")


@attrs.frozen(repr=False)
class Keys:
    """The keys of a store, derived from its secret; each serves one purpose only."""

    subject: bytes
    chain: bytes
    payload: bytes
    check: bytes
    checkpoint: bytes

    def __repr__(self) -> str:
        return "Keys(<derived from the store's secret>)"

    @classmethod
    def from_secret(cls, secret: object) -> Keys:
        """Derive the keys from *secret* (checked with :func:`require_secret`)."""
        key = require_secret(secret)
        return cls(
            subject=_hkdf(key, b"subject"),
            chain=_hkdf(key, b"chain"),
            payload=_hkdf(key, b"payload"),
            check=_hkdf(key, b"check"),
            checkpoint=_hkdf(key, b"checkpoint"),
        )

    def check_value(self) -> str:
        """The value a store keeps to recognise its secret (hex)."""
        return hmac.digest(self.check, _CHECK_MESSAGE, "sha256").hex()

    def is_check_value(self, stored: str) -> bool:
        """Whether *stored* is this secret's check value (compared in constant time)."""
        return hmac.compare_digest(self.check_value(), stored)

    def subject_ref(self, canonical: str) -> str:
        """The stored reference of a henkilötunnus in canonical form."""
        mac = hmac.digest(self.subject, canonical.encode("ascii"), "sha256")
        return _SUBJECT_PREFIX + mac.hex()

    def digest(self, payload: bytes) -> bytes:
        """The keyed digest of one event's payload (32 bytes)."""
        return hmac.digest(self.payload, payload, "sha256")

    def link(self, prev: bytes, seq: int, digest: bytes) -> bytes:
        """The chain hash of row *seq*: keyed over the previous hash, *seq* and the digest."""
        return hmac.digest(self.chain, prev + seq.to_bytes(8, "big") + digest, "sha256")

    def sign(self, store_id: str, at: datetime, heads: Mapping[str, Head]) -> Checkpoint:
        """A checkpoint of *heads* (ledger name → head) at *at*, signed."""
        unsigned = Checkpoint(store_id=store_id, at=at, heads=dict(heads), mac=b"")
        return attrs.evolve(unsigned, mac=self._mac(unsigned))

    def is_signed(self, checkpoint: Checkpoint) -> bool:
        """Whether *checkpoint* was signed with this store's secret."""
        return hmac.compare_digest(self._mac(checkpoint), checkpoint.mac)

    def _mac(self, checkpoint: Checkpoint) -> bytes:
        return hmac.digest(self.checkpoint, checkpoint.signed_bytes(), "sha256")


@attrs.frozen
class Head:
    """Where a ledger ends: its last row's seq and hash (0 and GENESIS when empty)."""

    seq: int
    hash: bytes


@attrs.frozen
class Checkpoint:
    """A signed statement of each ledger's length and head hash at a moment.

    Keep it outside the store (a log, an e-mail, another database): given
    back to ``verify(checkpoint=...)``, it reveals a ledger that has become
    shorter than it was, or whose rows up to the checkpoint were rewritten.
    """

    store_id: str
    """The random id the store was given when it was created."""
    at: datetime
    heads: Mapping[str, Head]
    """Ledger name (``"consent"``, ``"requests"``) → its head at :attr:`at`."""
    mac: bytes

    def signed_bytes(self) -> bytes:
        """The canonical bytes that :attr:`mac` signs."""
        return orjson.dumps(self._document(), option=orjson.OPT_SORT_KEYS)

    def to_json(self) -> bytes:
        """The checkpoint as a small JSON document (one line, ending with a newline)."""
        return orjson.dumps(
            {**self._document(), "mac": self.mac.hex()},
            option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE,
        )

    def _document(self) -> dict[str, object]:
        return {
            "format": CHECKPOINT_FORMAT,
            "store_id": self.store_id,
            "at": self.at.astimezone(UTC).isoformat(),
            "heads": {
                name: {"seq": head.seq, "hash": head.hash.hex()}
                for name, head in sorted(self.heads.items())
            },
        }

    @classmethod
    def from_json(cls, data: bytes | str) -> Checkpoint:
        """Read a checkpoint written by :meth:`to_json`.

        Raises:
            InvalidCheckpointError: *data* is not such a document.
        """
        try:
            document = orjson.loads(data)
            if not isinstance(document, dict) or document.get("format") != CHECKPOINT_FORMAT:
                raise TypeError  # noqa: TRY301 - one message for every kind of malformed input
            heads = {
                str(name): Head(seq=_seq(head["seq"]), hash=_hash(head["hash"]))
                for name, head in document["heads"].items()
            }
            at = datetime.fromisoformat(document["at"])
            if at.tzinfo is None:
                raise TypeError  # noqa: TRY301 - same
            return cls(
                store_id=str(document["store_id"]),
                at=at,
                heads=heads,
                mac=_hash(document["mac"]),
            )
        except (orjson.JSONDecodeError, TypeError, ValueError, KeyError, AttributeError):
            msg = "checkpoint: not a rekisteri checkpoint document"
            raise InvalidCheckpointError(msg) from None


def _seq(value: object) -> int:
    if type(value) is not int or value < 0:
        raise TypeError
    return value


def _hash(value: object) -> bytes:
    if not isinstance(value, str) or len(value) != 64:
        raise TypeError
    return bytes.fromhex(value)
