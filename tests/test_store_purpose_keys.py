"""A purpose key that holds a henkilötunnus is refused by both stores (A11's M5).

A purpose key is written in every event row as given; subjects are kept as
keyed hashes and request ids holding a code are refused, so a code as a key
would be the one way a person's code reached the ledger in plain.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import pytest

from rekisteri.errors import InvalidValueError
from rekisteri.model import LegalBasis, LocalizedText, Purpose
from rekisteri.store.sqlite import SQLiteStore
from rekisteri.testing import make_hetu

if TYPE_CHECKING:
    from pathlib import Path

SECRET = b"k" * 32
CODE = make_hetu(date(1985, 3, 14), 918)


@pytest.mark.parametrize(
    "key", [CODE, CODE.lower(), f"news-{CODE.lower()}", CODE.replace("-", "")[:6] + "-" + CODE[7:]]
)
def test_sqlite_refuses_a_code_as_a_purpose_key(key: str, tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError) as caught:
        SQLiteStore(tmp_path / "s.db", secret=SECRET, purposes={key: False, "newsletter": True})
    assert CODE[:6] not in str(caught.value)
    assert "purpose key holds a henkilötunnus" in str(caught.value)


def test_ordinary_keys_with_digits_are_kept(tmp_path: Path) -> None:
    keys = {"campaign-2026": True, "survey-03-2025": False, "x1": False}
    with SQLiteStore(tmp_path / "s.db", secret=SECRET, purposes=keys) as store:
        at = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
        assert store.may_process("c-1", "campaign-2026", at=at).reason.value == "no_consent"


def test_model_purposes_are_checked_too(tmp_path: Path) -> None:
    purpose = Purpose(
        key=CODE.lower(), name=LocalizedText(fi="Uutiskirje"), legal_basis=LegalBasis.CONSENT
    )
    with pytest.raises(InvalidValueError):
        SQLiteStore(tmp_path / "s.db", secret=SECRET, purposes=[purpose])


def test_postgres_refuses_a_code_as_a_purpose_key(postgres_dsn: str) -> None:
    pytest.importorskip("psycopg", reason="needs rekisteri-fi[postgres]")
    from rekisteri.store.postgres import PostgresStore

    with pytest.raises(InvalidValueError):
        PostgresStore(postgres_dsn, secret=SECRET, purposes={CODE: False}, schema="m5_refused")


def test_the_prohibitions_own_key_is_refused_as_a_purpose(tmp_path: Path) -> None:
    """'*' stands for every purpose in a prohibition: a consent on it would lift one (M16)."""
    with pytest.raises(InvalidValueError, match="not a purpose key"):
        SQLiteStore(tmp_path / "s.db", secret=SECRET, purposes={"newsletter": True, "*": True})


def test_a_code_without_its_check_character_is_refused_too(tmp_path: Path) -> None:
    """The shape subjects refuse (a dated running number) is no key either (M18)."""
    with pytest.raises(InvalidValueError):
        SQLiteStore(tmp_path / "s.db", secret=SECRET, purposes={CODE[:-1]: False})
