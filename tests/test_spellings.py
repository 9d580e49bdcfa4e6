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

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from hypothesis import assume, given, settings
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
    #: How it departs from the usual spellings (see _VARIANTS).
    variant: str = "plain"
    #: The birth date as written.
    birth: str = ""
    #: What the recogniser should make of it: its canonical form (``None``
    #: without a sign) and whether it is an identity code.
    canonical: str | None = None
    is_code: bool = True

    @property
    def in_outputs(self) -> bool:
        """Whether a register's text has it masked (and lint R320 reports it)."""
        return self.is_code and not self.bare


# Spellings past the usual ones: a doubled dash; an invisible character inside
# a run of digits; a four-digit year; no check character (a code with a sign
# other than a dash; a dash is as often a dated running number, 241125-003, so
# messages mask it and a register's text keeps it); a letter that is no sign
# (masked in messages only: never a valid code).
_VARIANTS = ["plain", "doubled_dash", "invisible", "four_digit_year", "checkless", "not_a_sign"]
_INVISIBLE_INSIDE = ["\u200b", "\u00ad", "\u2060", "\u200c", "\u200d", "\u200e", "\ufeff"]
_CENTURY = {"+": "18", "-": "19", **dict.fromkeys("UVWXY", "19"), **dict.fromkeys("ABCDEF", "20")}


def _spelled_sign(draw: st.DrawFn, sign: str) -> str:
    if sign == "-":
        return draw(st.sampled_from(_DASHES))
    if sign == "+":
        return draw(st.sampled_from(["+", "\uff0b"]))
    return draw(st.sampled_from([sign, sign.lower(), chr(ord(sign) + 0xFEE0)]))


def _with_invisible(draw: st.DrawFn, digits: str) -> str:
    at = draw(st.integers(1, len(digits) - 1))
    return digits[:at] + draw(st.sampled_from(_INVISIBLE_INSIDE)) + digits[at:]


def _middle(draw: st.DrawFn, variant: str, sign: str, *, signed: bool) -> str:
    """What stands between the birth date and the individual number."""
    if variant == "not_a_sign":
        letter = draw(st.sampled_from("GHJKLMNPRSTZ"))
        return draw(st.sampled_from(["", " "])) + draw(st.sampled_from([letter, letter.lower()]))
    if variant == "doubled_dash":
        gaps = [draw(st.sampled_from(_GAPS)) for _ in range(3)]
        dashes = [draw(st.sampled_from(_DASHES)) for _ in range(2)]
        return f"{gaps[0]}{dashes[0]}{gaps[1]}{dashes[1]}{gaps[2]}"
    if signed:
        spelled = _spelled_sign(draw, sign)
        return draw(st.sampled_from(_GAPS)) + spelled + draw(st.sampled_from(_GAPS))
    return draw(st.sampled_from(_INSTEAD))


@st.composite
def written(draw: st.DrawFn) -> Written:
    code = draw(hetus(new_signs=True))  # temporary numbers 900-999: nobody's
    birth, sign, rest = code[:6], code[6], code[7:]
    variant = draw(st.sampled_from(_VARIANTS))
    if variant == "doubled_dash" and sign != "-":
        variant = "plain"
    canonical: str | None = code
    is_code = True
    if variant == "four_digit_year":
        birth = birth[:4] + _CENTURY[sign] + birth[4:]
    if variant in {"plain", "four_digit_year"} and draw(st.booleans()):
        separator = draw(st.sampled_from(_DATE_SEPARATORS))
        birth = separator.join((birth[:2], birth[2:4], birth[4:]))
    signed = variant != "not_a_sign" and (variant != "plain" or draw(st.booleans()))
    middle = _middle(draw, variant, sign, signed=signed)
    if not signed:
        canonical, is_code = None, variant != "not_a_sign"
    if variant == "checkless":
        rest = rest[:3]
        canonical, is_code = code[:10], sign != "-"
    elif draw(st.booleans()):
        rest = rest.lower()
    if draw(st.booleans()):
        digits = draw(st.sampled_from(_DIGITS))
        birth, rest = birth.translate(digits), rest.translate(digits)
    if variant == "invisible":
        if draw(st.booleans()):
            birth = _with_invisible(draw, birth)
        else:
            rest = _with_invisible(draw, rest)
    bare = not signed and middle == "" and rest[-1].isdigit()
    return Written(
        code=code,
        text=f"{birth}{middle}{rest}",
        rest=rest,
        signed=signed,
        bare=bare,
        variant=variant,
        birth=birth,
        canonical=canonical,
        is_code=is_code,
    )


@st.composite
def embedded(draw: st.DrawFn) -> tuple[Written, str]:
    spelling = draw(written())
    before = draw(_WORDS) + draw(_BOUNDARIES)
    after = draw(_BOUNDARIES) + draw(_WORDS)
    # A code without its check character followed by a lone letter that *is* its
    # check character reads as the whole code with the check apart ("131052-308 T"):
    # another spelling, tested on its own (test_a_stray_space_with_a_letter_is_a_spelling).
    lone = re.match(r"\W*([^\W\d_])(?![^\W_])", after)
    assume(not (spelling.variant == "checkless" and lone and lone[1].upper() == spelling.code[-1]))
    return spelling, f"{before}{spelling.text}{after}"


def _hidden(spelling: Written, shown_text: str) -> bool:
    """Whether *shown_text* does not show the individual number and check character as written."""
    # The digits of the birth date, which stay, may hold those of the rest (090296-9029).
    shown_text = shown_text.replace(spelling.birth, "")
    return spelling.rest not in shown_text and spelling.rest.upper() not in shown_text.upper()


@settings(max_examples=500)
@given(embedded())
def test_every_consumer_masks_or_detects_every_spelling(case: tuple[Written, str]) -> None:
    spelling, text = case
    masked = hetu.redact(text)
    assert _hidden(spelling, masked), (text, masked)
    assert "***" in masked
    # The same text from every masking of the package.
    assert redacted_text(text) == masked
    assert redact_dotted(text) == masked
    # An identity code is masked in a register's outputs too; ten digits in a
    # row (a telephone number?) and a spelling that is no code stay there.
    assert mask_codes(text) == (masked if spelling.in_outputs else text)
    assert _hidden(spelling, redacted_repr(text))
    assert _hidden(spelling, safe_text(text))
    importer = _without_codes(text)
    assert len(importer) == len(text)
    assert _hidden(spelling, importer)
    assert "\u00a4" in importer
    # Detection: lint R320 (identity codes in outputs), the recogniser, the stores.
    assert contains_identity_code(text) is spelling.in_outputs
    assert holds_code(text) is spelling.in_outputs
    found = [s for s in spellings(text) if s.canonical == spelling.canonical]
    assert len(found) == 1, (text, spellings(text))
    assert found[0].is_code is spelling.is_code
    event = RequestEvent(
        request_id=f"req {text}", subject="c-1", kind="receive", at=AT, right="access"
    )
    if spelling.is_code:
        if text.strip() != spelling.text:
            with pytest.raises(InvalidValueError):
                hetu_subject(text)
        with pytest.raises(InvalidValueError):
            without_codes_in_request_ids([event])
    else:  # kept as given, as a dated running number would be (messages mask it)
        if text.strip() != spelling.text:  # (alone: the test below)
            assert hetu_subject(text) is None
        assert without_codes_in_request_ids([event]) == [event]


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
    if spelling.in_outputs:
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
    assert alone.canonical == spelling.canonical
    assert alone.is_code is spelling.is_code
    if spelling.canonical is None:
        with pytest.raises(InvalidValueError, match="without its century sign"):
            hetu_subject(spelling.text)
    elif spelling.variant == "four_digit_year" and spelling.text[:8].isdecimal():
        # 13101952-308T holds 101952-308T: refused, never stored as given
        with pytest.raises(InvalidValueError):
            hetu_subject(spelling.text)
    else:  # stored as the keyed hash of its canonical form
        assert hetu_subject(spelling.text) == spelling.canonical
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
        assert _hidden(spelling, notice) is spelling.in_outputs
        if spelling.in_outputs:  # (the record has no description: what stays is not there)
            assert _hidden(spelling, render_record(register, format=fmt))
    assert _hidden(spelling, dumps(register)) is spelling.in_outputs


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
    # telephone numbers with a dash, and without spaces
    "puh. 040 123-4567, 0401234-567, 050-1234567, +358401234567",
    # six digits and three without a check character: no date, or 000/001
    "tilaus 123456-789, 241125-001, 241125-000",
    "versio 10.10.10-100, 1.10.10-100",
    "voimassa 1.10.2025-31.10.2025, 13.10.2025 klo 12.30",
    "tuote 010203K1234",  # a letter that is no sign, and a check that does not fit
]


def _phone(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["040", "041", "044", "045", "050", "09", "+358 40", "+358 50"]))
    middle = draw(st.integers(0, 999))
    last = draw(st.integers(0, 9999))
    return f"{prefix} {middle:03d} {last:04d}"


def _phone_with_dash(draw: st.DrawFn) -> str:
    """A telephone number with a dash: 040 123-4567, 040-1234567, 0401234-567."""
    prefix = draw(st.sampled_from(["040", "041", "044", "045", "050"]))
    digits = f"{draw(st.integers(0, 9_999_999)):07d}"
    shape = draw(st.sampled_from(["{p} {a}-{b}", "{p}-{d}", "{p}{c}-{e}"]))
    return shape.format(p=prefix, a=digits[:3], b=digits[3:], d=digits, c=digits[:4], e=digits[4:])


def _iban(draw: st.DrawFn) -> str:
    digits = draw(st.text(alphabet="0123456789", min_size=16, max_size=16))
    groups = [digits[i : i + 4] for i in range(0, 16, 4)]
    return "FI" + " ".join(groups)


@st.composite
def non_codes(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(["date", "version", "phone", "phone_dash", "ytunnus", "iban", "fixed"])
    )
    if kind == "date":
        day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
        return day.strftime(draw(st.sampled_from(["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y"])))
    if kind == "version":
        parts = draw(st.lists(st.integers(0, 99), min_size=2, max_size=3))
        build = draw(st.one_of(st.just(""), st.integers(0, 9999).map(lambda n: f"-{n}")))
        return f"{draw(st.integers(0, 9))}." + ".".join(map(str, parts)) + build
    if kind == "phone":
        return _phone(draw)
    if kind == "phone_dash":
        return _phone_with_dash(draw)
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


# --- the spellings past the usual ones, each both ways --------------------------------

_CODE = make_hetu(date(1952, 10, 13), 908)  # 131052-908?: a temporary number, nobody's
_NEW_CODE = make_hetu(date(2005, 3, 14), 937)  # with the sign A


def _everywhere(text: str) -> tuple[str, str, bool]:
    """What messages, a register's outputs and lint R320 make of *text*."""
    return hetu.redact(text), mask_codes(text), contains_identity_code(text)


def test_a_code_without_its_check_character() -> None:
    """Masked in messages; with a dash only there (a dated running number has that shape)."""
    dashed = f"asiakas {_CODE[:10]}, puh."
    assert _everywhere(dashed) == ("asiakas 131052-***, puh.", dashed, False)
    lettered = f"asiakas {_NEW_CODE[:10]}."
    masked = f"asiakas {_NEW_CODE[:7]}***."
    assert _everywhere(lettered) == (masked, masked, True)
    running = "lasku 241125-003 maksettu"  # the shape of a dated running number
    assert _everywhere(running) == ("lasku 241125-*** maksettu", running, False)
    # not a word of its own (after a letter, inside a longer number), or two digits only
    for kept in ("x131052-908", "0131052-908", "131052-90"):
        assert spellings(kept) == [], kept
        assert hetu.redact(kept) == kept


def test_a_doubled_dash() -> None:
    for middle in ("--", "\u2013\u2013", "- -", "-\n-"):
        text = f"hetu {_CODE[:6]}{middle}{_CODE[7:]}."
        masked = f"hetu {_CODE[:6]}{middle}****."
        assert _everywhere(text) == (masked, masked, True)
        assert [s.canonical for s in spellings(text)] == [_CODE]
    # a dash and a plus sign are no doubled dash
    assert spellings(f"{_CODE[:6]}-+{_CODE[7:]}") == []


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200e"])
def test_an_invisible_character_inside_the_digits(invisible: str) -> None:
    for at in (1, 3, 5, 8, 9, 10):
        spelled = _CODE[:at] + invisible + _CODE[at:]
        text = f"asiakas {spelled} soitti"
        assert _CODE[7:10] not in hetu.redact(text).replace(invisible, "")
        assert holds_code(text)
        assert [s.canonical for s in spellings(text)] == [_CODE]


def test_a_visible_space_inside_the_digits_is_not_a_spelling() -> None:
    """'040 123-4567' is a telephone number: a space splits a run of digits in two words.

    Without a letter (the check character here is a digit, the sign a dash), a
    stray space keeps the shape of a telephone number, whether the code fits
    or not.
    """
    for text in (f"{_CODE[:3]} {_CODE[3:]}", f"{_CODE[:9]} {_CODE[9:]}", "puh. 040 123-4567"):
        assert spellings(text) == [], text
        assert hetu.redact(text) == text
    # A space inside the birth date and no sign: three words of digits, even with a letter.
    text = f"{_LETTERED[:3]} {_LETTERED[3:6]} {_LETTERED[7:]}"
    assert spellings(text) == [], text


#: A code whose check character is a letter (131052-903? and on: the first such).
_LETTERED = next(
    code
    for number in range(902, 1000)
    if (code := make_hetu(date(1952, 10, 13), number))[-1].isalpha()
)


def _stray_spaces(code: str) -> list[str]:
    """*code* written with a stray visible space: apart from the check, inside the birth date."""
    return [
        f"{code[:6]} {code[7:10]} {code[10]}",  # no sign, the check apart
        f"{code[:6]}{code[6]}{code[7:10]} {code[10]}",  # the check apart
        f"{code[:6]} {code[6]} {code[7:10]}\u00a0{code[10]}",
        *(f"{code[:at]} {code[at:]}" for at in range(1, 6)),  # a space inside the birth date
        f"{code[:3]}\u00a0{code[3:6]} {code[6]} {code[7:]}",
    ]


@pytest.mark.parametrize("code", [_LETTERED, _NEW_CODE.replace("A", "a")])
def test_a_stray_space_with_a_letter_is_a_spelling(code: str) -> None:
    """A stray space where a letter shows it is no telephone number: masked everywhere (G17)."""
    for spelled in _stray_spaces(code):
        text = f"tunnus {spelled} arkistossa"
        digits = "".join(c for c in code[:10] if c.isdigit())
        for shown_text in (*_everywhere(text)[:2], redacted_text(text), _without_codes(text)):
            shown_digits = "".join(c for c in str(shown_text) if c.isdigit())
            assert digits not in shown_digits, (text, shown_text)
        assert contains_identity_code(text), text
        assert holds_code(text), text
        found = spellings(text)
        assert len(found) == 1, (text, found)
        assert found[0].canonical in {None, code.upper()}, (text, found)
        assert spelling_alone(spelled) is not None, spelled


def test_a_stray_space_in_a_code_that_does_not_fit_is_not_a_spelling() -> None:
    """The stray-space spellings count only when the code fits whole, its check character too."""
    wrong = _LETTERED[:10] + ("B" if _LETTERED[10] != "B" else "C")
    for spelled in _stray_spaces(wrong):
        if spelled[6:8] in {f"{wrong[6]}{wrong[7]}", f"{wrong[6]} "} or "- " in spelled:
            continue  # a dash and three digits stand alone: the check-less spelling, masked
        text = f"koodi {spelled} hyllyssä"
        assert spellings(text) == [], text
        assert hetu.redact(text) == text


def test_a_four_digit_year() -> None:
    for birth in ("13101952", "13.10.1952", "13 10 1952", "13/10/1952"):
        text = f"syntynyt {birth}{_CODE[6:]}."
        masked = f"syntynyt {birth}{_CODE[6]}****."
        assert _everywhere(text) == (masked, masked, True), text
        assert spelling_alone(f"{birth}{_CODE[6:]}") is not None
    # a year of another century than the sign's: masked in messages, no identity code
    other = f"syntynyt 13.10.2052{_CODE[6:]}."
    assert _everywhere(other) == (f"syntynyt 13.10.2052{_CODE[6]}****.", other, False)
    # a plain date with a four-digit year and no sign stays
    assert hetu.redact("päivätty 13.10.1952 908T") == "päivätty 13.10.1952 908T"


def test_a_letter_that_is_no_sign() -> None:
    """Masked in messages when the check fits; never a valid code, so outputs keep it."""
    for letter in ("G", "z", " K"):
        text = f"asiakas {_CODE[:6]}{letter}{_CODE[7:]}."
        assert _everywhere(text) == (f"asiakas {_CODE[:6]}{letter}****.", text, False)
    wrong_check = f"{_CODE[:6]}G{_CODE[7:10]}{'A' if _CODE[10] != 'A' else 'B'}"
    assert spellings(wrong_check) == []
