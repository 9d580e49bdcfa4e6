"""Where a store lives: a SQLite file path or a PostgreSQL URL, and how to show it.

:func:`is_postgres_url` tells the two apart (``postgresql://`` or
``postgres://``, as libpq spells them); :func:`display_target` renders either
for a message, with any password in a URL replaced by ``***``, so that an
error or a report never shows it.

Examples:
    >>> is_postgres_url("postgresql://app@db.example/registers")
    True
    >>> is_postgres_url("ledger.db")
    False
    >>> display_target("postgresql://app:s3cret@db.example:5432/registers?sslmode=require")
    'postgresql://app:***@db.example:5432/registers?sslmode=require'
    >>> display_target("postgres://app@/registers?host=/run/pg&password=s3cret")
    'postgres://app@/registers?host=/run/pg&password=***'
"""

from __future__ import annotations

import os
from typing import Final
from urllib.parse import parse_qsl, unquote

__all__ = ["URL_SCHEMES", "display_target", "is_postgres_url", "url_password"]

#: The URL schemes that name a PostgreSQL database (libpq accepts both).
URL_SCHEMES: Final = ("postgresql://", "postgres://")

_MASK: Final = "***"
#: The connection parameters whose values are secrets: the password and the passphrase
#: of the client's private key.
_SECRET_KEYS: Final = frozenset({"password", "sslpassword"})


def is_postgres_url(target: object) -> bool:
    """Whether *target* is a ``postgresql://`` or ``postgres://`` URL (any case of the scheme)."""
    return isinstance(target, str) and target[:13].lower().startswith(URL_SCHEMES)


def _split(url: str) -> tuple[str, str, str, str]:
    """*url* as (scheme with ``://``, user info, the rest of the authority and path, query)."""
    scheme, _, rest = url.partition("://")
    # As libpq reads it: the user info runs to the first "@" before any "/"
    # (a "?" inside it is part of the password), then the query starts at "?".
    end = next((i for i, char in enumerate(rest) if char in "@/"), len(rest))
    userinfo = rest[: end + 1] if rest[end : end + 1] == "@" else ""
    rest, _, query = rest[len(userinfo) :].partition("?")
    return scheme + "://", userinfo, rest, query


def url_password(url: str) -> str | None:
    """The password written in *url* (in the user info or as ``password=``), if any."""
    _, userinfo, _, query = _split(url)
    user, colon, password = userinfo.removesuffix("@").partition(":")
    del user
    if colon and password:
        return password
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key in _SECRET_KEYS and value:
            return value
    return None


def display_target(target: str | os.PathLike[str]) -> str:
    """*target* for a message: a path as it is, a URL with its password shown as ``***``."""
    if not is_postgres_url(target):
        return os.fspath(target)
    url = os.fspath(target)
    scheme, userinfo, rest, query = _split(url)
    user, colon, password = userinfo.removesuffix("@").partition(":")
    if colon and password:
        userinfo = f"{user}:{_MASK}@"
    if query:
        query = "&".join(
            # libpq decodes the key too: "pass%77ord=" is a password
            f"{part.partition('=')[0]}={_MASK}"
            if unquote(part.partition("=")[0]) in _SECRET_KEYS
            else part
            for part in query.split("&")
        )
        rest = f"{rest}?{query}"
    return scheme + userinfo + rest


def scrub(message: str, target: str | os.PathLike[str]) -> str:
    """*message* with *target*'s password (if it has one) replaced by ``***``."""
    if not is_postgres_url(target):
        return message
    url = os.fspath(target)
    password = url_password(url)
    message = message.replace(url, display_target(url))
    if password:
        message = message.replace(password, _MASK)
    return message
