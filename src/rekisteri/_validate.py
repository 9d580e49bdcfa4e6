"""Validators shared by the model and the domain modules (consent, requests, retention).

One place for each rule, so that every module rejects the same input with the
same typed error and message:

* :func:`non_blank` and :func:`key`: attrs validators for texts and keys;
* :func:`check_text` (and :func:`has_control`): the one rule for the
  characters of a text: no control characters but line feed and tab, and no
  bidirectional embedding, override or isolate controls;
* :func:`aware` (and the attrs validators :func:`aware_field` and
  :func:`optional_aware_field`): datetimes must carry a time zone;
* :func:`parse_lang`: a user's locale string as a :class:`~rekisteri.model.Lang`,
  or :class:`UnknownLocaleError`.

Only :mod:`rekisteri.errors` is imported at module level: the model imports
this module, so it must not import the model back while loading.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from rekisteri.errors import InvalidValueError, ModelTypeError

if TYPE_CHECKING:
    import attrs

    from rekisteri.model import Lang

__all__ = [
    "BLANK",
    "CONTROL_CHARACTERS",
    "UnknownLocaleError",
    "aware",
    "aware_field",
    "check_text",
    "has_control",
    "is_blank",
    "key",
    "non_blank",
    "optional_aware_field",
    "parse_lang",
]

_KEY: Final = re.compile(r"[a-z0-9][a-z0-9_-]*")

#: The characters no text may contain: the C0 controls except tab (U+0009) and
#: line feed (U+000A), DEL (U+007F), the C1 controls (U+0080-U+009F), and the
#: bidirectional embedding, override and isolate controls (U+202A-U+202E,
#: U+2066-U+2069), which can make a text read differently from what it holds.
CONTROL_CHARACTERS: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# --- texts and keys -------------------------------------------------------------------


#: What shows nothing: white space (what ``str.strip()`` strips) and the
#: invisible characters a copy or an attempt to slip past a check may leave
#: (a soft hyphen, zero-width spaces and joiners, direction marks, the word
#: joiner and invisible operators, a byte order mark, the combining grapheme
#: joiner, the Mongolian vowel separator, Khmer inherent vowels, the Hangul
#: fillers, the braille blank, variation selectors, tag characters). A text made
#: of these only is blank (A13's O16): ``value.strip(BLANK)`` is empty.
BLANK: Final = (
    "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f"
    "\u2800\u3164\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09"
    "\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f\ufeff\uffa0\U0001d173\U0001d174\U0001d175"
    "\U0001d176\U0001d177\U0001d178\U0001d179\U0001d17a"
    + "".join(map(chr, range(0xE0000, 0xE0080)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)


def is_blank(value: str) -> bool:
    """Whether *value* shows nothing: empty, white space or invisible characters only.

    Examples:
        >>> is_blank(" \u200b\u00ad "), is_blank("\u3164"), is_blank("Oy\u200b")
        (True, True, False)
    """
    return not value.strip(BLANK)


#: Lone surrogates (U+D800-U+DFFF): a Python string can hold them, but UTF-8,
#: and so no TOML or JSON document, cannot.
_SURROGATES: Final = re.compile("[\ud800-\udfff]")
#: What :func:`no_surrogates` refuses: lone surrogates and NUL.
_UNSTORABLE: Final = re.compile("[\x00\ud800-\udfff]")


def has_control(value: str) -> bool:
    """Whether *value* holds a character that :func:`check_text` refuses.

    That is one of :data:`CONTROL_CHARACTERS`, or a lone surrogate.
    """
    # isprintable() is a fast C check that is True for nearly every text; only
    # texts with a line break, a tab or a rarer character are searched.
    return not value.isprintable() and (
        CONTROL_CHARACTERS.search(value) is not None or _SURROGATES.search(value) is not None
    )


def check_text(value: object, field: str) -> str:
    """Return *value* if it is a text that is not blank and has no control characters.

    Raises:
        ModelTypeError: *value* is not a string.
        InvalidValueError: It is blank, or holds a refused character; the
            message names *field* (and the character's code point), never
            the text.
    """
    if type(value) is not str:
        if not isinstance(value, str):
            msg = f"{field}: expected a text (str), got {type(value).__name__}"
            raise ModelTypeError(msg)
        value = str(value)  # a str subclass (an enum member, say) as a plain str
    if not value.strip(BLANK):
        msg = f"{field}: must not be empty"
        raise InvalidValueError(msg)
    if has_control(value):
        found = CONTROL_CHARACTERS.search(value)
        if found is not None:
            msg = (
                f"{field}: contains a control character (U+{ord(found.group()):04X} at index "
                f"{found.start()}); only line feeds and tabs are allowed"
            )
            raise InvalidValueError(msg)
        no_surrogates(value, field)  # has_control() found one
    return value


def non_blank(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Reject a string that is empty or only whitespace.

    The model's text fields use the stricter :func:`check_text`; this one is
    for the domain modules' identifiers (a consent subject, a request id).
    """
    if not isinstance(value, str):
        msg = f"{attribute.name}: expected a string"
        raise InvalidValueError(msg)
    if not value.strip():
        msg = f"{attribute.name}: must not be empty"
        raise InvalidValueError(msg)
    no_surrogates(value, attribute.name)


def no_surrogates(value: str, field: str) -> str:
    """Return *value*; refuse a character no stored text can hold.

    Those are lone surrogates, which no UTF-8 text (nor any database) can
    hold: such a string comes from bytes that were not UTF-8 (a command line
    argument or a file name decoded with ``surrogateescape``); and the NUL
    character, which PostgreSQL's text types refuse, so that a value SQLite
    kept could not be copied to PostgreSQL.

    Raises:
        InvalidValueError: Naming *field* and the character's position, never the text.
    """
    found = None if value.isprintable() else _UNSTORABLE.search(value)
    if found is None:
        return value
    if found.group() == "\x00":
        msg = (
            f"{field}: contains a NUL character (at index {found.start()}), which "
            "PostgreSQL's text cannot hold"
        )
    else:
        msg = (
            f"{field}: contains a lone surrogate (U+{ord(found.group()):04X} at index "
            f"{found.start()}), which no UTF-8 text can hold"
        )
    raise InvalidValueError(msg)


def key(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Reject a key that is not lower-case ASCII letters, digits, ``-`` and ``_``."""
    if not isinstance(value, str) or _KEY.fullmatch(value) is None:
        msg = f"{attribute.name}: a key is lower-case a-z, 0-9, '-' and '_', e.g. 'contact-details'"
        raise InvalidValueError(msg)


# --- aware datetimes ---------------------------------------------------------------------


def aware(value: object, field: str) -> datetime:
    """Return *value* if it is a datetime with a time zone.

    Raises:
        InvalidValueError: *value* is naive or not a datetime; the message
            names *field*, never the value.
    """
    if not isinstance(value, datetime) or value.utcoffset() is None:
        msg = f"{field}: expected a datetime with a time zone"
        raise InvalidValueError(msg)
    return value


def _stored_time(value: object, field: str) -> None:
    """Refuse a naive datetime, and one whose UTC offset is not a whole number of minutes.

    An event's time is kept in JSON (RFC 3339), whose offsets have no seconds:
    ``+02:00:30`` would be written ``+02:01`` and no longer match the time the
    row was indexed by, so the store would report its own row as edited.
    Europe/Helsinki's local mean time before 1921 (+01:39:49) is such an offset:
    give those times in UTC.
    """
    offset = aware(value, field).utcoffset()
    if offset is not None and (offset.seconds % 60 or offset.microseconds):
        msg = (
            f"{field}: the UTC offset must be whole minutes (an event's time is kept as"
            " RFC 3339); give the time in UTC"
        )
        raise InvalidValueError(msg)


def aware_field(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: reject a naive datetime (or anything but a datetime).

    Also an offset that is not whole minutes, which RFC 3339 cannot keep.
    """
    _stored_time(value, attribute.name)


def optional_aware_field(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: like :func:`aware_field`, but ``None`` is allowed."""
    if value is not None:
        _stored_time(value, attribute.name)


# --- locales -------------------------------------------------------------------------


class UnknownLocaleError(InvalidValueError):
    """A locale that rekisteri does not write: not ``"fi"``, ``"sv"`` or ``"en"``.

    Raised by the renderer, the linter and the request replies alike. It is
    an :class:`~rekisteri.errors.InvalidValueError`, and so a
    :class:`~rekisteri.errors.RekisteriError` and a :class:`ValueError`.

    Attributes:
        locale: The locale that was asked for.
    """

    def __init__(self, locale: object) -> None:
        from rekisteri._redact import redacted_repr  # (it imports the model, which imports us)
        from rekisteri.model import Lang  # the model imports this module

        languages = ", ".join(lang.value for lang in Lang)
        # an identity code typed as the locale is masked (messages never show one)
        super().__init__(f"unknown locale {redacted_repr(locale)}: expected one of {languages}")
        self.locale = locale

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.locale,))


# Documented, shown in tracebacks and pickled under its public name.
UnknownLocaleError.__module__ = "rekisteri.lint"


def parse_lang(locale: object) -> Lang:
    """Return the :class:`~rekisteri.model.Lang` of *locale* (a ``Lang`` or its value).

    Exact values only: ``"FI"``, ``"fi_FI"`` and ``""`` are refused.

    Raises:
        UnknownLocaleError: *locale* is not ``"fi"``, ``"sv"`` or ``"en"``.

    Examples:
        >>> parse_lang("sv")
        <Lang.SV: 'sv'>
        >>> parse_lang("de")
        Traceback (most recent call last):
          ...
        rekisteri.lint.UnknownLocaleError: unknown locale 'de': expected one of fi, sv, en
    """
    from rekisteri.model import Lang  # the model imports this module

    if isinstance(locale, str):
        try:
            return Lang(locale)
        except ValueError:
            pass
    raise UnknownLocaleError(locale)
