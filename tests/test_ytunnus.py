"""Tests for :mod:`rekisteri.identifiers.ytunnus`.

The fixtures are the Y-tunnukset that their holders publish (DOMAIN.md 2.4)
and the edge cases of DOMAIN.md 2.2 and 8.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from stdnum.fi import ytunnus as stdnum_ytunnus

from rekisteri.errors import (
    InvalidChecksum,
    InvalidFormat,
    InvalidIdentifierError,
    InvalidLength,
    Reason,
    RekisteriError,
)
from rekisteri.identifiers import ytunnus
from rekisteri.testing.strategies import corrupted_ytunnukset, ytunnukset

if TYPE_CHECKING:
    from collections.abc import Callable

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def _raised(call: Callable[[], object]) -> RekisteriError | None:
    """Return the RekisteriError that *call* raises, or ``None``; anything else propagates."""
    try:
        call()
    except RekisteriError as exc:
        return exc
    return None


def _remainder(prefix: str) -> int:
    """The weighted sum of seven digits mod 11; an oracle independent of the library."""
    return sum(w * int(d) for w, d in zip(_WEIGHTS, prefix, strict=True)) % 11


#: DOMAIN.md 2.4 and 8: valid Y-tunnukset.
VALID = (
    "0245974-7",
    "0244683-1",
    "0111027-9",
    "1755007-6",
    "0792060-0",
    "2344200-4",
    "0109357-9",
    "0112038-9",
    "0357502-9",
    "0685831-5",
    "2903124-9",
    "2077474-0",
    "1234567-1",
    "0000000-0",
)

#: DOMAIN.md 2.2 and 8: invalid values, with the class and reason they raise.
INVALID: tuple[tuple[str, type[InvalidIdentifierError], Reason], ...] = (
    ("2077474-1", InvalidChecksum, Reason.CHECKSUM),
    ("0112038-8", InvalidChecksum, Reason.CHECKSUM),
    ("0245974-8", InvalidChecksum, Reason.CHECKSUM),
    ("357502-8", InvalidChecksum, Reason.CHECKSUM),
    ("20774741", InvalidChecksum, Reason.CHECKSUM),
    ("20774740-0", InvalidLength, Reason.LENGTH),
    ("2077474-00", InvalidLength, Reason.LENGTH),
    ("2077474", InvalidLength, Reason.LENGTH),
    ("", InvalidLength, Reason.LENGTH),
    ("2077474-A", InvalidFormat, Reason.FORMAT),
    ("2077474.0", InvalidFormat, Reason.FORMAT),
    ("SE20774740", InvalidFormat, Reason.FORMAT),
    ("FI20774740", InvalidFormat, Reason.VAT_NUMBER),
    ("fi20774740", InvalidFormat, Reason.VAT_NUMBER),
    ("FI 2077474-0", InvalidFormat, Reason.VAT_NUMBER),
    ("FI-2077474-0", InvalidFormat, Reason.VAT_NUMBER),
)

#: Spellings python-stdnum accepts and we reject (DOMAIN.md 2.2).
STRICT: tuple[tuple[str, type[InvalidIdentifierError], Reason], ...] = (
    ("207747-40", InvalidFormat, Reason.FORMAT),  # misplaced hyphen
    ("2077474--0", InvalidLength, Reason.LENGTH),  # doubled hyphen
    ("-2077474-0-", InvalidLength, Reason.LENGTH),  # extra hyphens
    ("-20774740", InvalidFormat, Reason.FORMAT),  # hyphen in front
    ("2077474\u20130", InvalidFormat, Reason.NON_ASCII),  # en dash
    ("2077474\u22120", InvalidFormat, Reason.NON_ASCII),  # minus sign
    ("２０７７４７４-０", InvalidFormat, Reason.NON_ASCII),  # fullwidth digits
    ("٢٠٧٧٤٧٤-٠", InvalidFormat, Reason.NON_ASCII),  # Arabic-Indic digits
    ("2٠77474-0", InvalidFormat, Reason.NON_ASCII),  # one Arabic-Indic digit
    ("2077474 0", InvalidFormat, Reason.FORMAT),  # inner space instead of the hyphen
    ("2077474- 0", InvalidFormat, Reason.FORMAT),  # inner space after the hyphen
    ("207 7474-0", InvalidFormat, Reason.FORMAT),  # inner space among the digits
    ("2077474\u200b-0", InvalidFormat, Reason.NON_ASCII),  # zero-width space
)

#: Whitespace that is forgiven around a value.
FORGIVEN_WHITESPACE = (" ", "\t", "\n", "\r\n", "\u00a0", "\u2007", "\u202f", "\ufeff")

NON_STRINGS: tuple[object, ...] = (
    None,
    0,
    20774740,
    1.5,
    False,
    object(),
    b"2077474-0",
    bytearray(b"2077474-0"),
    ["2077474-0"],
)

JUNK: tuple[object, ...] = (*NON_STRINGS, "", "€", "3²", "ⅷ", "⑱", "2077474-0" * 2)

_shapes = st.one_of(
    st.from_regex(r"[0-9]{7}-[0-9]", fullmatch=True),
    st.from_regex(r"[0-9]{8}", fullmatch=True),
    st.from_regex(r"[0-9]{6}-[0-9]", fullmatch=True),
)
_any_ytunnus = st.one_of(ytunnukset(), corrupted_ytunnukset(), _shapes, st.sampled_from(VALID))
_spellings = st.one_of(
    _any_ytunnus,
    ytunnukset().map(lambda value: value.replace("-", "")),
    ytunnukset().map(lambda value: "FI" + value.replace("-", "")),
    ytunnukset().map(lambda value: "fi" + value.replace("-", "")),
    st.builds(
        lambda value, left, right: left + value + right,
        _any_ytunnus,
        st.sampled_from(FORGIVEN_WHITESPACE),
        st.sampled_from(("", *FORGIVEN_WHITESPACE, "\u2003", "x")),
    ),
    st.text(max_size=12),
    st.text(alphabet="0123456789- ", max_size=12),
)
_junk = st.one_of(
    st.none(),
    st.integers(),
    st.floats(),
    st.binary(max_size=10),
    st.builds(object),
    st.sampled_from(JUNK),
)


class TestValidate:
    @pytest.mark.parametrize("value", VALID)
    def test_fixtures_valid(self, value: str) -> None:
        """Every published Y-tunnus is valid and returned unchanged."""
        assert ytunnus.validate(value) == value
        assert ytunnus.is_valid(value)
        assert ytunnus.format(value) == value
        assert _remainder(value[:7]) != 1

    @pytest.mark.parametrize("value", VALID)
    def test_compact_spelling(self, value: str) -> None:
        """The eight-digit spelling is accepted and returned in the canonical form."""
        compact = value.replace("-", "")
        assert ytunnus.compact(value) == compact
        assert ytunnus.validate(compact) == value
        assert ytunnus.format(compact) == value
        assert ytunnus.is_valid(compact)

    @pytest.mark.parametrize(("value", "error", "reason"), INVALID)
    def test_invalid_fixtures(
        self, value: str, error: type[InvalidIdentifierError], reason: Reason
    ) -> None:
        """Each invalid fixture raises exactly the expected class and reason."""
        with pytest.raises(InvalidIdentifierError) as info:
            ytunnus.validate(value)
        assert type(info.value) is error
        assert info.value.reason is reason
        assert info.value.kind == "ytunnus"
        assert not ytunnus.is_valid(value)

    @pytest.mark.parametrize(("value", "error", "reason"), STRICT)
    def test_strictness(
        self, value: str, error: type[InvalidIdentifierError], reason: Reason
    ) -> None:
        """Misplaced or doubled hyphens, Unicode dashes and digits and inner spaces are rejected."""
        with pytest.raises(InvalidIdentifierError) as info:
            ytunnus.validate(value)
        assert type(info.value) is error
        assert info.value.reason is reason
        assert not ytunnus.is_valid(value)
        assert ytunnus.validate_many([value]) == [False]

    def test_stdnum_is_lenient_where_we_are_strict(self) -> None:
        """python-stdnum accepts the misplaced hyphen and the en dash that we reject."""
        assert stdnum_ytunnus.is_valid("207747-40") is True
        assert stdnum_ytunnus.is_valid("2077474\u20130") is True
        assert not ytunnus.is_valid("207747-40")
        assert not ytunnus.is_valid("2077474\u20130")

    def test_format_error_positions(self) -> None:
        """Format errors point at the offending character."""
        with pytest.raises(InvalidFormat) as info:
            ytunnus.validate("2077474-A")
        assert info.value.position == 8
        with pytest.raises(InvalidFormat) as info:
            ytunnus.validate("2077474.0")
        assert info.value.position == 7
        with pytest.raises(InvalidFormat) as info:
            ytunnus.validate("207747-40")
        assert info.value.position == 6

    @pytest.mark.parametrize("check", range(10))
    def test_remainder_one_never_issued(self, check: int) -> None:
        """0000006 has remainder 1, so no check digit makes it valid."""
        assert _remainder("0000006") == 1
        value = f"0000006-{check}"
        with pytest.raises(InvalidChecksum) as info:
            ytunnus.validate(value)
        assert info.value.reason is Reason.NEVER_ISSUED
        assert not ytunnus.is_valid(value)

    @pytest.mark.parametrize(
        ("value", "canonical", "compact"),
        [
            ("357502-9", "0357502-9", "03575029"),
            (" 357502-9 ", "0357502-9", "03575029"),
            ("245974-7", "0245974-7", "02459747"),
        ],
    )
    def test_legacy_six_digit_form_is_padded(
        self, value: str, canonical: str, compact: str
    ) -> None:
        """The legacy NNNNNN-C form is zero-padded to seven digits."""
        assert ytunnus.validate(value) == canonical
        assert ytunnus.compact(value) == compact
        assert ytunnus.is_valid(value)

    def test_legacy_form_checked(self) -> None:
        """A legacy form with a wrong check digit is still rejected."""
        with pytest.raises(InvalidChecksum):
            ytunnus.validate("357502-8")

    @pytest.mark.parametrize("space", FORGIVEN_WHITESPACE)
    def test_surrounding_whitespace_forgiven(self, space: str) -> None:
        """Whitespace, no-break spaces and a BOM around a value are ignored."""
        assert ytunnus.validate(f"{space}2077474-0{space}") == "2077474-0"
        assert ytunnus.validate(f"{space}20774740") == "2077474-0"
        assert ytunnus.is_valid(f"2077474-0{space}")


class TestIsValid:
    def test_vat_number_is_not_a_ytunnus(self) -> None:
        """A VAT number is not a valid Y-tunnus, though stdnum accepts it."""
        assert stdnum_ytunnus.is_valid("FI20774740") is True
        assert ytunnus.is_valid("FI20774740") is False


class TestCompact:
    def test_removes_the_hyphen(self) -> None:
        """``compact`` returns the eight digits."""
        assert ytunnus.compact(" 2077474-0 ") == "20774740"

    def test_does_not_validate(self) -> None:
        """``compact`` checks nothing: an invalid value comes back compacted."""
        assert ytunnus.compact("2077474-1") == "20774741"


class TestFormat:
    def test_validates(self) -> None:
        """Unlike python-stdnum's format, ours validates first."""
        with pytest.raises(InvalidChecksum):
            ytunnus.format("2077474-1")

    def test_adds_the_hyphen(self) -> None:
        """``format`` renders NNNNNNN-C."""
        assert ytunnus.format("20774740") == "2077474-0"


class TestVat:
    @pytest.mark.parametrize("value", VALID)
    def test_round_trip(self, value: str) -> None:
        """to_vat and from_vat are inverse on valid Y-tunnukset."""
        vat = ytunnus.to_vat(value)
        assert vat == "FI" + value.replace("-", "")
        assert ytunnus.from_vat(vat) == value

    @pytest.mark.parametrize(
        ("vat", "value"),
        [
            ("FI02459747", "0245974-7"),
            ("FI02446831", "0244683-1"),
            ("fi20774740", "2077474-0"),
            ("Fi20774740", "2077474-0"),
            (" FI20774740\u00a0", "2077474-0"),
        ],
    )
    def test_from_vat(self, vat: str, value: str) -> None:
        """from_vat accepts published VAT numbers, a lower-case prefix and padding."""
        assert ytunnus.from_vat(vat) == value

    def test_to_vat_pads_legacy_form(self) -> None:
        """to_vat accepts every spelling that validate accepts."""
        assert ytunnus.to_vat("357502-9") == "FI03575029"
        assert ytunnus.to_vat(" 20774740 ") == "FI20774740"

    def test_to_vat_validates(self) -> None:
        """to_vat raises on an invalid Y-tunnus and on a VAT number."""
        with pytest.raises(InvalidChecksum):
            ytunnus.to_vat("2077474-1")
        with pytest.raises(InvalidFormat) as info:
            ytunnus.to_vat("FI20774740")
        assert info.value.reason is Reason.VAT_NUMBER

    def test_validate_vat_number(self) -> None:
        """validate('FI20774740') raises InvalidFormat with reason VAT_NUMBER."""
        with pytest.raises(InvalidFormat) as info:
            ytunnus.validate("FI20774740")
        assert type(info.value) is InvalidFormat
        assert info.value.reason is Reason.VAT_NUMBER
        assert "from_vat" in str(info.value)

    @pytest.mark.parametrize(
        ("vat", "error", "reason"),
        [
            ("SE20774740", InvalidFormat, Reason.FORMAT),
            ("20774740", InvalidFormat, Reason.FORMAT),
            ("2077474-0", InvalidFormat, Reason.FORMAT),
            ("FI2077474", InvalidLength, Reason.LENGTH),
            ("FI207747400", InvalidLength, Reason.LENGTH),
            ("FI2077474-0", InvalidLength, Reason.LENGTH),
            ("FI 20774740", InvalidLength, Reason.LENGTH),
            ("FI", InvalidLength, Reason.LENGTH),
            ("FI2077474A", InvalidFormat, Reason.FORMAT),
            ("FI-2077474", InvalidFormat, Reason.FORMAT),
            ("FI２０７７４７４０", InvalidFormat, Reason.NON_ASCII),
            ("FI20774741", InvalidChecksum, Reason.CHECKSUM),
            ("FI00000060", InvalidChecksum, Reason.NEVER_ISSUED),
        ],
    )
    def test_from_vat_errors(
        self, vat: str, error: type[InvalidIdentifierError], reason: Reason
    ) -> None:
        """from_vat rejects anything but FI and eight digits of a valid Y-tunnus."""
        with pytest.raises(InvalidIdentifierError) as info:
            ytunnus.from_vat(vat)
        assert type(info.value) is error
        assert info.value.reason is reason
        assert info.value.kind == "ytunnus"

    def test_from_vat_position(self) -> None:
        """A bad character after the prefix is pointed at."""
        with pytest.raises(InvalidFormat) as info:
            ytunnus.from_vat("FI2077474A")
        assert info.value.position == 9

    @given(value=ytunnukset())
    def test_round_trip_property(self, value: str) -> None:
        """from_vat(to_vat(x)) == x for every valid Y-tunnus."""
        assert ytunnus.from_vat(ytunnus.to_vat(value)) == value
        assert ytunnus.from_vat(ytunnus.to_vat(value).lower()) == value


class TestValidateMany:
    def test_example(self) -> None:
        """validate_many answers like is_valid, junk included."""
        values = ["2077474-0", "2077474-1", "357502-9", b"2077474-0", None, " 20774740 "]
        assert ytunnus.validate_many(values) == [True, False, True, False, False, True]

    def test_accepts_any_iterable(self) -> None:
        """A generator works as well as a list."""
        assert ytunnus.validate_many(v for v in VALID) == [True] * len(VALID)
        assert ytunnus.validate_many(()) == []


class TestExplain:
    def test_agrees_with_validate(self) -> None:
        """``explain`` names the reason validate raises, and None for a valid value."""
        for value in VALID:
            assert ytunnus.explain(value) is None
        for value, _, reason in (*INVALID, *STRICT):
            assert ytunnus.explain(value) is reason


class TestProperties:
    @given(value=st.from_regex(r"[0-9]{7}-[0-9]", fullmatch=True))
    @example(value="2077474-0")
    @example(value="0000006-0")
    def test_agrees_with_stdnum(self, value: str) -> None:
        """On NNNNNNN-C in ASCII digits we agree with python-stdnum."""
        assert ytunnus.is_valid(value) == bool(stdnum_ytunnus.is_valid(value))
        assert ytunnus.is_valid(value) == (int(value[:7] + value[8], 13) % 11 == 0)

    @given(value=st.from_regex(r"[0-9]{8}", fullmatch=True))
    def test_agrees_with_stdnum_compact(self, value: str) -> None:
        """On eight ASCII digits we agree with python-stdnum."""
        assert ytunnus.is_valid(value) == bool(stdnum_ytunnus.is_valid(value))

    @given(value=st.from_regex(r"[0-9]{6}-[0-9]", fullmatch=True))
    def test_legacy_agrees_with_stdnum_padded(self, value: str) -> None:
        """On the legacy form we agree with python-stdnum once it is zero-padded."""
        assert ytunnus.is_valid(value) == bool(stdnum_ytunnus.is_valid("0" + value))
        assert not stdnum_ytunnus.is_valid(value)

    @given(values=st.lists(st.one_of(_spellings, _junk), max_size=20))
    def test_validate_many_equals_is_valid(self, values: list[object]) -> None:
        """validate_many gives exactly the answers of is_valid, one by one."""
        expected = [ytunnus.is_valid(v) for v in values]
        assert ytunnus.validate_many(values) == expected
        assert ytunnus.validate_many(tuple(values)) == expected

    @given(value=_spellings)
    def test_is_valid_iff_validate_succeeds(self, value: str) -> None:
        """is_valid is True exactly when validate does not raise."""
        try:
            ytunnus.validate(value)
        except InvalidIdentifierError:
            raised = True
        else:
            raised = False
        assert ytunnus.is_valid(value) is not raised

    @given(
        value=st.one_of(
            _any_ytunnus,
            ytunnukset().map(lambda value: "FI" + value.replace("-", "")),
            _shapes.map(lambda value: value + "0"),
        )
    )
    def test_errors_never_quote_the_value(self, value: str) -> None:
        """Error messages and reprs contain neither the value nor its last four characters."""
        exc = _raised(partial(ytunnus.validate, value))
        if exc is None:
            assert ytunnus.is_valid(value)
            return
        for text in (str(exc), repr(exc)):
            assert value not in text
            assert value[-4:] not in text

    @given(value=_spellings)
    def test_validate_is_idempotent(self, value: str) -> None:
        """Validating a validated value returns it unchanged."""
        try:
            once = ytunnus.validate(value)
        except InvalidIdentifierError:
            return
        assert ytunnus.validate(once) == once
        assert ytunnus.format(once) == once
        assert ytunnus.from_vat(ytunnus.to_vat(once)) == once


class TestExplainMany:
    def test_agrees_with_explain(self) -> None:
        """explain_many gives explain's answer for each value, valid ones as None."""
        values = ["2077474-0", "2077474-1", "FI20774740", "357502-9", "", "0000006-0"]
        reasons = ytunnus.explain_many(values)
        assert reasons == [ytunnus.explain(v) for v in values]
        assert reasons[:3] == [None, Reason.CHECKSUM, Reason.VAT_NUMBER]
        assert [r is None for r in reasons] == ytunnus.validate_many(values)
