"""A password in a PostgreSQL URL is masked wherever libpq would read it (A11's M8).

libpq takes the user info up to the first ``@`` before any ``/``: a ``?``,
``#`` or ``=`` in a password is part of it, not the start of the query.
"""

from __future__ import annotations

import psycopg.conninfo
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri.store._target import display_target, url_password

#: Characters a generated password may hold that leave the URL one libpq reads as meant.
_PASSWORD = st.text(
    st.characters(min_codepoint=33, max_codepoint=126, exclude_characters="@/%"),
    min_size=6,
    max_size=24,
)


@given(_PASSWORD)
def test_the_password_libpq_reads_is_the_one_masked(password: str) -> None:
    url = f"postgresql://app:{password}@/registers?host=/run/pg&port=5432"
    assert psycopg.conninfo.conninfo_to_dict(url)["password"] == password
    assert url_password(url) == password
    shown = display_target(url)
    assert password not in shown
    assert shown == "postgresql://app:***@/registers?host=/run/pg&port=5432"


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://db.example/reg?user=a@b", "postgresql://db.example/reg?user=a@b"),
        ("postgresql://u@h1,h2/db", "postgresql://u@h1,h2/db"),
        ("postgresql:///reg?host=/tmp&password=pw", "postgresql:///reg?host=/tmp&password=***"),
        ("postgres://app:pw?x@h:5433/db?sslmode=require", "postgres://app:***@h:5433/db?sslmode=require"),
    ],
)  # fmt: skip
def test_urls_are_shown_as_libpq_reads_them(url: str, shown: str) -> None:
    assert display_target(url) == shown
