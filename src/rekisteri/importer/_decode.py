"""Bytes to text: UTF-8 first, then a Windows-1252 / Latin-1 guess, or a given encoding."""

from __future__ import annotations

import codecs
import re
from typing import Final

from rekisteri._redact import redacted_repr
from rekisteri.errors import RekisteriError

#: Bytes that Windows-1252 leaves undefined; where they occur, the text is
#: not Windows-1252, and Latin-1 (which maps every byte) is the fallback.
_UNDEFINED_IN_CP1252: Final = frozenset(b"\x81\x8d\x8f\x90\x9d")
_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
#: An unknown encoding's name is quoted up to this many characters (masked).
_SHOWN_NAME: Final = 60
#: Share of control characters above which a "text" is really a binary file.
_BINARY_SHARE: Final = 0.10


class UnusableInputError(RekisteriError, ValueError):
    """The input cannot be read as a notice: undecodable, binary, or empty.

    The message says why (and never quotes the input).
    """


class ImportInputTypeError(RekisteriError, TypeError):
    """The importer was given something of the wrong type.

    :func:`~rekisteri.importer.import_notice` reads a ``str`` and
    :func:`~rekisteri.importer.import_bytes` reads ``bytes``; the message names
    the type given (never the value).
    """


def decode(data: bytes, *, encoding: str | None = None) -> tuple[str, str, bool]:
    """Return the text of *data*, the encoding used, and whether it was guessed.

    Without *encoding*: a byte-order mark decides; otherwise UTF-8 if the
    bytes are valid UTF-8, or UTF-8 but for a few stray bytes (each read as
    Windows-1252, reported as ``utf-8+cp1252``); otherwise the ``charset`` of an HTML ``<meta>``
    tag, if it names a known encoding that decodes the bytes; otherwise
    Windows-1252 (which puts ä, ö and å where Latin-1 does), or Latin-1
    when a byte occurs that Windows-1252 does not define.

    Raises:
        UnusableInputError: *encoding* is unknown or does not decode *data*, or
            (without *encoding*) an HTML ``<meta charset>`` of *data* names a
            codec that is no text encoding (``hex``, ``base64``, ``zlib``).
    """
    if encoding is not None:
        name = text_encoding(encoding, "encoding")
        try:
            return data.decode(name), name, False
        except UnicodeDecodeError as exc:
            msg = f"the input is not valid {name} (at byte {exc.start})"
            raise UnusableInputError(msg) from None
        except (UnicodeError, ValueError) as exc:  # a codec's own error
            msg = f"the input cannot be decoded as {name} ({type(exc).__name__})"
            raise UnusableInputError(msg) from None
    # A <meta charset> that names no text encoding (hex, base64, zlib) is refused
    # whatever the bytes are, as the guide says (A16's W14): _meta_charset raises.
    meta = _meta_charset(data)
    if data.startswith(codecs.BOM_UTF8):
        return _try(data, "utf-8-sig") or _fallback(data)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _try(data, "utf-16") or _fallback(data)
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    mended = _utf8_with_strays(data)
    if mended is not None:
        return mended, UTF8_WITH_STRAYS, True
    name = meta
    if name and name != "utf-8" and (text := _try(data, name)) is not None:
        return text
    return _fallback(data)


def _meta_charset(data: bytes) -> str:
    """The known encoding an HTML ``<meta>`` tag of *data* names, or ``""``.

    A tag read as ASCII cannot be in UTF-16 or UTF-32: as HTML says, such a tag
    means UTF-8 (K8: a one-byte page that said UTF-16 was read as CJK mojibake).
    """
    found = _META_CHARSET.search(data[:4096])
    if found is None:
        return ""
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return ""
    name = text_encoding(name, "the page's <meta charset>")
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


#: The encoding reported for UTF-8 with a few stray single bytes read as Windows-1252.
UTF8_WITH_STRAYS: Final = "utf-8+cp1252"
#: At most this many stray bytes (or more in a long text: :data:`_STRAYS_A_BYTE`), and at
#: least this many valid UTF-8 letters beyond ASCII for each, make a text UTF-8 with
#: strays (a Word en dash pasted into it).
_MAX_STRAYS: Final = 16
_LETTERS_A_STRAY: Final = 4
#: In a longer text more stray bytes are allowed, up to one in this many bytes (a Word en
#: dash a line), if the UTF-8 letters still outnumber them (:data:`_LETTERS_A_STRAY`).
_STRAYS_A_BYTE: Final = 20


def _utf8_with_strays(data: bytes) -> str | None:
    r"""*data* as UTF-8 whose few invalid bytes are Windows-1252, or None if it is not that.

    One stray byte (0x96, a Word en dash) in a UTF-8 notice would otherwise make
    the whole text Windows-1252, every "ä" two letters ("Ã¤").

    Examples:
        >>> _utf8_with_strays("Pääkäyttäjä ".encode() + b"\x96 Kukka Oy")
        'Pääkäyttäjä – Kukka Oy'
        >>> _utf8_with_strays("Rekisterinpitäjä".encode("cp1252")) is None
        True
    """
    # one pass: each invalid byte becomes a lone surrogate (U+DC80–U+DCFF), counted and
    # then read as Windows-1252 (a try-and-retry per stray copies the rest each time)
    text = data.decode("utf-8", "surrogateescape")
    strays = sum(len(run) for run in _ESCAPED.findall(text))
    if strays > _MAX_STRAYS and strays * _STRAYS_A_BYTE > len(data):
        return None  # more than a few, and more than one in 20 bytes: not strays
    if strays:
        text = _ESCAPED.sub(_as_cp1252, text)
    letters = sum(1 for char in text if char > "\x7f") - strays
    return text if letters >= _LETTERS_A_STRAY * strays else None


#: A run of bytes that were no UTF-8, as ``surrogateescape`` decodes them.
_ESCAPED: Final = re.compile("[\udc80-\udcff]+")


def _as_cp1252(run: re.Match[str]) -> str:
    """A run of stray bytes read as Windows-1252 (as Latin-1 if it has a byte cp1252 lacks)."""
    stray = bytes(ord(char) - 0xDC00 for char in run.group())
    return stray.decode("latin-1" if _UNDEFINED_IN_CP1252 & set(stray) else "cp1252")


def text_encoding(encoding: object, where: str) -> str:
    """The codec name of *encoding*, which must be a text encoding (not hex, rot13, zlib...).

    Raises:
        UnusableInputError: *encoding* is unknown, or is a bytes-to-bytes or
            str-to-str codec (such as ``hex``, ``base64``, ``zlib``, ``rot13``).
    """
    if not isinstance(encoding, str):
        msg = f"{where}: an encoding is a str, not {type(encoding).__name__}"
        raise ImportInputTypeError(msg)
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError):  # unknown; or a NUL or a lone surrogate in the name
        shown = encoding if len(encoding) <= _SHOWN_NAME else encoding[:_SHOWN_NAME] + "…"
        msg = f"{where}: unknown encoding {redacted_repr(shown)}"
        raise UnusableInputError(msg) from None
    if not getattr(info, "_is_text_encoding", True):
        msg = f"{where}: {info.name!r} is not a text encoding"
        raise UnusableInputError(msg)
    return info.name


def _try(data: bytes, name: str) -> tuple[str, str, bool] | None:
    try:
        return data.decode(name), name, True
    except (UnicodeError, ValueError):
        return None


def _fallback(data: bytes) -> tuple[str, str, bool]:
    if _UNDEFINED_IN_CP1252.isdisjoint(data):
        return data.decode("cp1252"), "cp1252", True
    return data.decode("latin-1"), "latin-1", True


def looks_binary(text: str) -> bool:
    """Whether *text* is mostly control characters (a binary file, e.g. a .docx)."""
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(1 for char in sample if char < " " and char not in "\t\n\r\f\v")
    return controls / len(sample) > _BINARY_SHARE
