"""Every consumer of the one recogniser finds the same identity codes and leaves the rest alone.

The spellings of valid generated codes (temporary numbers 900–999, every
century sign of the 2023 reform) are embedded in random text; each consumer
must mask or detect every one: ``hetu.redact`` and the helpers of
``rekisteri._redact``, ``mask_codes`` (a register's texts in the outputs),
lint R320, the stores' subject typing and request-id check, the importer's
masking, the command line's masking, and the rendered notice, record and
JSON-LD. A corpus of non-codes (dates, versions, telephone numbers, Y-tunnus,
IBAN) must come out of every one of them unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisteri._redact import redact_dotted, redacted_repr, redacted_text, undotted
from rekisteri._spellings import holds_code, mask_codes, spelling_alone, spellings
from rekisteri.cli._common import safe_text, shown
from rekisteri.cli._ids import _personal
from rekisteri.errors import InvalidValueError
from rekisteri.identifiers import hetu
from rekisteri.importer import _without_codes
from rekisteri.jsonld import dumps
from rekisteri.lint._rules import contains_identity_code
from rekisteri.model import Controller, LocalizedText, Register
from rekisteri.render import render_notice, render_record
from rekisteri.requests import RequestEvent
from rekisteri.store._subjects import hetu_subject, without_codes_in_request_ids
from rekisteri.testing import make_hetu, make_ytunnus
from rekisteri.testing.strategies import hetus

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
# Other digits: fullwidth, Arabic-Indic, Devanagari.
_DIGITS = [
    str.maketrans("0123456789", "".join(chr(zero + d) for d in range(10)))
    for zero in (0xFF10, 0x0660, 0x0966)
]
_DASHES = ["-", "\u2010", "\u2013", "\u2014", "\u2212", "\uff0d"]
# A code may be wrapped over lines, or carry invisible characters from a web page.
_GAPS = ["", " ", "\u00a0", "\t", "  ", "\n", "\r\n", "\u200b", "\u00ad", "\u200e", "\u2066"]
_INSTEAD = ["", " ", "/", "\\", ".", "_", ":", "|", " / "]
_DATE_SEPARATORS = [".", "/", "-", " ", ". "]
# Random text around a spelling: no digits (they could make a longer number of
# it), with letters, punctuation and white space.
_WORDS = st.text(alphabet="abcxyzäöåABCXYZ .,;:!?()'\"\n-–", max_size=30)
_BOUNDARIES = st.sampled_from([" ", ", ", "(", ")", "\n", ": ", " – ", "\t"])


@dataclass(frozen=True)
class Written:
    """A spelling of *code* as someone wrote it."""

    code: str
    text: str
    #: The individual number and check character as written: what must never be shown.
    rest: str
    signed: bool
    #: Ten digits in a row (no sign, nothing in its place, a digit last): as
    #: likely a telephone number, so a register's text keeps it (messages mask it).
    bare: bool = False


@st.composite
def written(draw: st.DrawFn) -> Written:
    code = draw(hetus(new_signs=True))  # temporary numbers 900-999: nobody's
    birth, sign, rest = code[:6], code[6], code[7:]
    if draw(st.booleans()):
        separator = draw(st.sampled_from(_DATE_SEPARATORS))
        birth = separator.join((birth[:2], birth[2:4], birth[4:]))
    signed = draw(st.booleans())
    if signed:
        if sign == "-":
            spelled_sign = draw(st.sampled_from(_DASHES))
        elif sign == "+":
            spelled_sign = draw(st.sampled_from(["+", "\uff0b"]))
        else:
            spelled_sign = draw(st.sampled_from([sign, sign.lower(), chr(ord(sign) + 0xFEE0)]))
        middle = draw(st.sampled_from(_GAPS)) + spelled_sign + draw(st.sampled_from(_GAPS))
    else:
        middle = draw(st.sampled_from(_INSTEAD))
    if draw(st.booleans()):
        rest = rest.lower()
    if draw(st.booleans()):
        digits = draw(st.sampled_from(_DIGITS))
        birth, rest = birth.translate(digits), rest.translate(digits)
    bare = not signed and middle == "" and rest[-1].isdigit()
    return Written(code=code, text=f"{birth}{middle}{rest}", rest=rest, signed=signed, bare=bare)


@st.composite
def embedded(draw: st.DrawFn) -> tuple[Written, str]:
    spelling = draw(written())
    before = draw(_WORDS) + draw(_BOUNDARIES)
    after = draw(_BOUNDARIES) + draw(_WORDS)
    return spelling, f"{before}{spelling.text}{after}"


def _hidden(spelling: Written, shown_text: str) -> bool:
    """Whether *shown_text* does not show the individual number and check character as written."""
    return spelling.rest not in shown_text and spelling.rest.upper() not in shown_text.upper()


@settings(max_examples=300)
@given(embedded())
def test_every_consumer_masks_or_detects_every_spelling(case: tuple[Written, str]) -> None:
    spelling, text = case
    masked = hetu.redact(text)
    assert _hidden(spelling, masked), (text, masked)
    assert "****" in masked
    # The same text from every masking of the package.
    assert redacted_text(text) == masked
    assert redact_dotted(text) == masked
    if spelling.bare:  # a register's text keeps ten digits in a row (a telephone number?)
        assert mask_codes(text) == text
    else:  # a valid code is an identity code: masked in outputs too
        assert mask_codes(text) == masked
    assert _hidden(spelling, redacted_repr(text))
    assert _hidden(spelling, safe_text(text))
    importer = _without_codes(text)
    assert len(importer) == len(text)
    assert _hidden(spelling, importer)
    assert "\u00a4" in importer
    # Detection: lint R320 (not ten digits in a row), the recogniser, the stores.
    assert contains_identity_code(text) is not spelling.bare
    assert holds_code(text) is not spelling.bare
    found = [s for s in spellings(text) if s.is_code]
    assert len(found) == 1
    assert found[0].canonical == (spelling.code if spelling.signed else None)
    if text.strip() != spelling.text:
        with pytest.raises(InvalidValueError):
            hetu_subject(text)
    event = RequestEvent(
        request_id=f"req {text}", subject="c-1", kind="receive", at=AT, right="access"
    )
    with pytest.raises(InvalidValueError):
        without_codes_in_request_ids([event])


# Numbers that may stand just before a code: a date or a time could be read
# as the start of a spelling without a sign (12.30 281097-9637) and must not
# hide the code after it.
_NUMBERISH = st.sampled_from(
    ["12.30", "12.10", "13 10", "040", "12,50", "1.2.3", "2026-11-25", "10.10.10", "0401234567"]
)


@settings(max_examples=300)
@given(written(), st.lists(_NUMBERISH, min_size=1, max_size=3), _BOUNDARIES)
def test_numbers_before_a_spelling_never_hide_it(
    spelling: Written, numbers: list[str], boundary: str
) -> None:
    text = f"klo {' '.join(numbers)}{boundary}{spelling.text} x"
    assert _hidden(spelling, hetu.redact(text)), text
    assert _hidden(spelling, _without_codes(text)), text
    if not spelling.bare:
        assert _hidden(spelling, mask_codes(text)), text
        assert contains_identity_code(text)


def test_a_time_before_a_code_does_not_hide_it() -> None:
    """'12.30 281097' looks like a date without a sign; it does not fit, and the code is found."""
    code = make_hetu(date(1997, 10, 28), 963)
    text = f"klo 040 12.30 {code} puh."
    assert hetu.redact(text) == f"klo 040 12.30 {code[:7]}**** puh."
    assert mask_codes(text) == hetu.redact(text)
    assert [s.canonical for s in spellings(text)] == [code]


@settings(max_examples=300)
@given(written())
def test_a_spelling_alone_is_typed_as_a_subject_and_a_header_cell(spelling: Written) -> None:
    alone = spelling_alone(f" {spelling.text} ")
    assert alone is not None
    if spelling.signed:
        assert alone.canonical == spelling.code
        assert hetu_subject(spelling.text) == spelling.code
    else:
        assert alone.canonical is None
        with pytest.raises(InvalidValueError, match="without its century sign"):
            hetu_subject(spelling.text)
    assert _personal(spelling.text)  # check-ids never lists such a header cell
    assert _hidden(spelling, shown(spelling.text))
    if not spelling.text[:6].isdecimal():
        assert undotted(spelling.text) is not None


_REFUSED_IN_TEXTS = dict.fromkeys(map(ord, "\r\u2066"))


@settings(max_examples=40)
@given(embedded())
def test_the_outputs_of_a_register_mask_every_spelling(case: tuple[Written, str]) -> None:
    spelling, text = case
    register = Register(
        controller=Controller(name="Esimerkki Oy"),
        # The model refuses a carriage return and the bidi controls in a text.
        description=LocalizedText(fi=f"Yhteyshenkilö {text}".translate(_REFUSED_IN_TEXTS)),
    )
    for fmt in ("md", "html", "text"):
        notice = render_notice(register, format=fmt)
        assert _hidden(spelling, notice) is not spelling.bare
        if not spelling.bare:  # (the record has no description: a bare run is not there either)
            assert _hidden(spelling, render_record(register, format=fmt))
    assert _hidden(spelling, dumps(register)) is not spelling.bare


@pytest.mark.parametrize("phone", ["0501200028", "0501200039", "0501200250"])
def test_ten_digits_in_a_row_stay_in_a_notice_and_are_no_r320(phone: str) -> None:
    """A mobile number without spaces may fit the check by chance; a notice prints it anyway."""
    register = Register(
        controller=Controller(name="Esimerkki Oy"),
        description=LocalizedText(fi=f"Soita numeroon {phone}."),
    )
    assert phone in render_notice(register, format="text")
    assert phone in dumps(register)
    assert not contains_identity_code(f"Soita numeroon {phone}.")
    assert spellings(phone)  # it does fit: messages and logs mask it all the same
    assert hetu.redact(phone) == f"{phone[:6]}****"


# --- what is not an identity code ---------------------------------------------------

_FIXED_NON_CODES = [
    "tilaus 2026-11-25",
    "päivitetty 13.10.2052 klo 12.30",
    "versio 1.2.3-456, 2.10.15, 0.10.10.10-1000",
    "puh. 040 123 4567, +358 40 123 4567, 09 123 4567",
    "puh. 0401234567",  # ten digits whose check character does not fit
    "Y-tunnus 0245974-7, ALV FI02459747",
    "IBAN FI21 1234 5600 0007 85",
    "viite 12345 67890 12345",
    "summa 1 234,50 €, 12 345 678",
]


def _phone(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["040", "041", "044", "045", "050", "09", "+358 40", "+358 50"]))
    middle = draw(st.integers(0, 999))
    last = draw(st.integers(0, 9999))
    return f"{prefix} {middle:03d} {last:04d}"


def _iban(draw: st.DrawFn) -> str:
    digits = draw(st.text(alphabet="0123456789", min_size=16, max_size=16))
    groups = [digits[i : i + 4] for i in range(0, 16, 4)]
    return "FI" + " ".join(groups)


@st.composite
def non_codes(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["date", "version", "phone", "ytunnus", "iban", "fixed"]))
    if kind == "date":
        day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
        return day.strftime(draw(st.sampled_from(["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y"])))
    if kind == "version":
        parts = draw(st.lists(st.integers(0, 99), min_size=2, max_size=3))
        build = draw(st.one_of(st.just(""), st.integers(0, 9999).map(lambda n: f"-{n}")))
        return f"{draw(st.integers(0, 9))}." + ".".join(map(str, parts)) + build
    if kind == "phone":
        return _phone(draw)
    if kind == "ytunnus":
        prefix = draw(st.integers(0, 9_999_999).filter(lambda n: make_ytunnus(n) is not None))
        value = make_ytunnus(prefix)
        assert value is not None
        return value
    if kind == "iban":
        return _iban(draw)
    return draw(st.sampled_from(_FIXED_NON_CODES))


@settings(max_examples=300)
@given(non_codes(), _WORDS)
def test_every_consumer_leaves_non_codes_alone(value: str, words: str) -> None:
    text = f"{words} {value}."
    assert hetu.redact(text) == text
    assert redacted_text(text) == text
    assert redact_dotted(text) == text
    assert mask_codes(text) == text
    assert _without_codes(text) == text
    assert not contains_identity_code(text)
    assert not holds_code(text)
    assert spellings(text) == []
    assert hetu_subject(value) is None
    assert hetu_subject(text) is None
    assert not _personal(value)


@pytest.mark.parametrize("value", _FIXED_NON_CODES)
def test_the_fixed_non_codes_come_out_of_a_notice_unchanged(value: str) -> None:
    register = Register(
        controller=Controller(name="Esimerkki Oy"), description=LocalizedText(fi=value)
    )
    assert value in render_notice(register, format="text")
    assert value in dumps(register)
