"""Tests for :mod:`rekisteri.testing` and :mod:`rekisteri.testing.strategies`."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri import testing
from rekisteri.errors import InvalidComponent, InvalidIdentifierError, InvalidRegisterError, Reason
from rekisteri.identifiers import hetu, ytunnus
from rekisteri.lint import Severity, lint
from rekisteri.model import Register, Right
from rekisteri.render import render_notice, render_record
from rekisteri.serialize import dumps, loads
from rekisteri.testing import (
    HetuCorruption,
    YtunnusCorruption,
    a_register,
    corrupt_hetu,
    corrupt_ytunnus,
    make_hetu,
    make_ytunnus,
    synthetic_hetus,
    synthetic_ytunnukset,
)
from rekisteri.testing import strategies as strategies_module
from rekisteri.testing.strategies import (
    corrupted_hetus,
    corrupted_ytunnukset,
    hetus,
    ytunnukset,
)

#: Far enough ahead that no generated birth date is in the future.
LATER = date(2100, 1, 1)

#: DOMAIN.md 1.3 and 8: fixtures that make_hetu must rebuild from their parts.
HETU_FIXTURES = (
    "131052-308T",
    "010594Y9032",
    "020594X902N",
    "030694W9024",
    "040594V902Y",
    "050594U903M",
    "010516B903X",
    "020516C902J",
    "030516D9037",
    "010501E9032",
    "020503F9037",
    "020504A902E",
    "290200B908L",
    "311299+911L",
    "010100-999N",
    "280224C900W",
    "100190Y999P",
)

#: Valid values to corrupt: a "-" sign (so that DASH applies), new signs, and
#: a "+" one.
TO_CORRUPT = ("131052-308T", "150190-904V", "010594Y9032", "010516B903X", "311299+911L")

#: What validate reports for each corruption of a value with the "-" sign.
HETU_REASONS: dict[HetuCorruption, Reason] = {
    HetuCorruption.CHECKSUM: Reason.CHECKSUM,
    HetuCorruption.DATE: Reason.DATE,
    HetuCorruption.SIGN: Reason.CENTURY_SIGN,
    HetuCorruption.LENGTH: Reason.LENGTH,
    HetuCorruption.INDIVIDUAL: Reason.INDIVIDUAL_NUMBER,
    HetuCorruption.NON_ASCII: Reason.NON_ASCII,
    HetuCorruption.DASH: Reason.NON_ASCII,
    HetuCorruption.INNER_SPACE: Reason.LENGTH,
}

YTUNNUS_REASONS: dict[YtunnusCorruption, Reason] = {
    YtunnusCorruption.CHECKSUM: Reason.CHECKSUM,
    YtunnusCorruption.LENGTH: Reason.LENGTH,
    YtunnusCorruption.LETTER: Reason.FORMAT,
    YtunnusCorruption.SEPARATOR: Reason.FORMAT,
    YtunnusCorruption.NON_ASCII: Reason.NON_ASCII,
    YtunnusCorruption.VAT: Reason.VAT_NUMBER,
}


def _hetu_reason(value: str) -> Reason | None:
    """The reason validate gives for *value* with temporary numbers allowed, or None."""
    try:
        hetu.validate(value, allow_temporary=True, today=LATER)
    except InvalidIdentifierError as exc:
        return exc.reason
    return None


def _ytunnus_reason(value: str) -> Reason | None:
    """The reason validate gives for *value*, or None."""
    try:
        ytunnus.validate(value)
    except InvalidIdentifierError as exc:
        return exc.reason
    return None


class TestPublicApi:
    def test_all(self) -> None:
        """Both modules have a sorted __all__ of existing names."""
        for module in (testing, strategies_module):
            assert module.__all__ == sorted(module.__all__)
            for name in module.__all__:
                assert hasattr(module, name)


class TestMakeHetu:
    def test_published_example(self) -> None:
        """make_hetu rebuilds DVV's published example."""
        assert make_hetu(date(1952, 10, 13), 308) == "131052-308T"

    @pytest.mark.parametrize("value", HETU_FIXTURES)
    def test_rebuilds_fixtures(self, value: str) -> None:
        """make_hetu rebuilds every fixture from its birth date, number and sign."""
        parsed = hetu.parse(value, allow_temporary=True, today=LATER)
        assert make_hetu(parsed.birth_date, parsed.individual_number, sign=value[6]) == value

    @pytest.mark.parametrize(
        ("born", "sign"),
        [(date(1852, 10, 13), "+"), (date(1952, 10, 13), "-"), (date(2052, 10, 13), "A")],
    )
    def test_default_sign(self, born: date, sign: str) -> None:
        """Without a sign, the original sign of the century is used."""
        value = make_hetu(born, 902)
        assert value[6] == sign
        assert hetu.parse(value, allow_temporary=True, today=LATER).birth_date == born

    @pytest.mark.parametrize(
        ("born", "number", "sign", "reason"),
        [
            (date(1799, 12, 31), 902, None, Reason.DATE),
            (date(2100, 1, 1), 902, None, Reason.DATE),
            (date(1990, 1, 1), 1, None, Reason.INDIVIDUAL_NUMBER),
            (date(1990, 1, 1), 0, None, Reason.INDIVIDUAL_NUMBER),
            (date(1990, 1, 1), 1000, None, Reason.INDIVIDUAL_NUMBER),
            (date(1990, 1, 1), 902, "A", Reason.CENTURY_SIGN),
            (date(2010, 1, 1), 902, "Y", Reason.CENTURY_SIGN),
            (date(1990, 1, 1), 902, "Z", Reason.CENTURY_SIGN),
            (date(1990, 1, 1), 902, "", Reason.CENTURY_SIGN),
        ],
    )
    def test_rejects_impossible_parts(
        self, born: date, number: int, sign: str | None, reason: Reason
    ) -> None:
        """Out-of-range dates, numbers and signs raise InvalidComponent with the reason."""
        with pytest.raises(InvalidComponent) as info:
            make_hetu(born, number, sign=sign)
        assert info.value.reason is reason

    @given(
        born=st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)),
        number=st.integers(2, 999),
        data=st.data(),
    )
    def test_always_valid(self, born: date, number: int, data: st.DataObject) -> None:
        """Any date, number and fitting sign give a valid value with those parts."""
        signs = [
            s for s, century in hetu.CENTURY_SIGNS.items() if century == born.year // 100 * 100
        ]
        sign = data.draw(st.sampled_from(signs))
        parsed = hetu.parse(make_hetu(born, number, sign=sign), allow_temporary=True, today=LATER)
        assert (parsed.birth_date, parsed.individual_number, parsed.century_sign) == (
            born,
            number,
            sign,
        )


class TestMakeYtunnus:
    def test_examples(self) -> None:
        """make_ytunnus adds the check digit, or returns None for remainder 1."""
        assert make_ytunnus(2077474) == "2077474-0"
        assert make_ytunnus(245974) == "0245974-7"
        assert make_ytunnus(6) is None

    @pytest.mark.parametrize(
        "value", ["0245974-7", "0244683-1", "0111027-9", "1755007-6", "0112038-9", "0000000-0"]
    )
    def test_rebuilds_fixtures(self, value: str) -> None:
        """make_ytunnus rebuilds published Y-tunnukset from their prefix."""
        assert make_ytunnus(int(value[:7])) == value

    @pytest.mark.parametrize("start", [0, 2_077_000, 9_998_000])
    def test_agrees_with_validator(self, start: int) -> None:
        """make_ytunnus gives the one valid check digit, or None exactly when there is none."""
        for prefix in range(start, start + 1000):
            valid = [c for c in range(10) if ytunnus.is_valid(f"{prefix:07d}-{c}")]
            made = make_ytunnus(prefix)
            if made is None:
                assert valid == []
            else:
                assert valid == [int(made[8])]
                assert made[:7] == f"{prefix:07d}"


class TestSyntheticHetus:
    def test_count(self) -> None:
        """Exactly count values are generated."""
        assert len(list(synthetic_hetus(57))) == 57
        assert list(synthetic_hetus(0)) == []

    def test_default_values_are_temporary(self) -> None:
        """By default every value is temporary: valid only with allow_temporary=True."""
        values = list(synthetic_hetus(300, seed=7))
        assert all(hetu.is_valid(v, allow_temporary=True) for v in values)
        assert hetu.validate_many(values, allow_temporary=True) == [True] * len(values)
        assert not any(hetu.is_valid(v) for v in values)
        assert all(hetu.parse(v, allow_temporary=True).is_temporary for v in values)
        for value in values[:20]:
            with pytest.raises(InvalidComponent) as info:
                hetu.validate(value)
            assert info.value.reason is Reason.TEMPORARY

    def test_reproducible(self) -> None:
        """The same seed gives the same values; another seed gives others."""
        assert list(synthetic_hetus(50, seed=3)) == list(synthetic_hetus(50, seed=3))
        assert list(synthetic_hetus(50, seed=3)) != list(synthetic_hetus(50, seed=4))
        assert list(synthetic_hetus(5)) == list(synthetic_hetus(5, seed=0))

    def test_fresh_seed(self) -> None:
        """seed=None gives valid values too."""
        values = list(synthetic_hetus(20, seed=None))
        assert all(hetu.is_valid(v, allow_temporary=True) for v in values)

    def test_date_range(self) -> None:
        """Birth dates stay within start and end."""
        start, end = date(1850, 3, 1), date(1850, 3, 31)
        for value in synthetic_hetus(100, seed=1, start=start, end=end):
            born = hetu.parse(value, allow_temporary=True).birth_date
            assert start <= born <= end

    def test_new_signs_used(self) -> None:
        """By default the century signs of the 2023 reform appear as well."""
        signs = {v[6] for v in synthetic_hetus(500, seed=2)}
        assert signs & set("YXWVU")
        assert signs & set("BCDEF")

    def test_old_signs_only(self) -> None:
        """With new_signs=False only the original signs + - A appear."""
        signs = {
            v[6] for v in synthetic_hetus(500, seed=2, start=date(1800, 1, 1), new_signs=False)
        }
        assert signs <= {"+", "-", "A"}
        assert signs == {"+", "-", "A"}

    def test_not_temporary(self) -> None:
        """With temporary_only=False the values are 002–899 and valid without the flag."""
        values = list(synthetic_hetus(300, seed=5, temporary_only=False))
        assert all(hetu.is_valid(v) for v in values)
        numbers = [hetu.parse(v).individual_number for v in values]
        assert all(2 <= n <= 899 for n in numbers)


class TestSyntheticYtunnukset:
    def test_valid_and_counted(self) -> None:
        """Every value is a valid canonical Y-tunnus, and there are count of them."""
        values = list(synthetic_ytunnukset(300, seed=9))
        assert len(values) == 300
        assert all(ytunnus.validate(v) == v for v in values)

    def test_reproducible(self) -> None:
        """The same seed gives the same values; another seed gives others."""
        assert list(synthetic_ytunnukset(50, seed=1)) == list(synthetic_ytunnukset(50, seed=1))
        assert list(synthetic_ytunnukset(50, seed=1)) != list(synthetic_ytunnukset(50, seed=2))
        assert len(list(synthetic_ytunnukset(10, seed=None))) == 10


class TestCorruptHetu:
    @pytest.mark.parametrize("how", list(HetuCorruption))
    @pytest.mark.parametrize("value", TO_CORRUPT)
    def test_every_corruption_is_invalid(self, value: str, how: HetuCorruption) -> None:
        """Every kind of corruption yields a value that is invalid, even with every flag."""
        broken = corrupt_hetu(value, how)
        assert broken != value
        assert not hetu.is_valid(broken, allow_temporary=True, today=LATER)
        assert hetu.validate_many([broken], allow_temporary=True, today=LATER) == [False]
        assert _hetu_reason(broken) is not None

    @pytest.mark.parametrize(("how", "reason"), HETU_REASONS.items())
    def test_reason(self, how: HetuCorruption, reason: Reason) -> None:
        """Each corruption breaks the value in the way its name says."""
        assert _hetu_reason(corrupt_hetu("150190-904V", how)) is reason

    def test_dash_needs_a_dash(self) -> None:
        """DASH on a value whose sign is not - falls back to a checksum corruption."""
        assert corrupt_hetu("010594Y9032", HetuCorruption.DASH) == corrupt_hetu(
            "010594Y9032", HetuCorruption.CHECKSUM
        )

    def test_examples(self) -> None:
        """The documented examples hold."""
        assert corrupt_hetu("131052-308T", HetuCorruption.CHECKSUM) == "131052-308U"
        assert corrupt_hetu("131052-308T", HetuCorruption.DATE) == "321052-3082"

    @given(value=hetus(), how=st.sampled_from(HetuCorruption))
    def test_any_corruption_of_any_value(self, value: str, how: HetuCorruption) -> None:
        """Corrupting any generated value never yields a valid one."""
        assert not hetu.is_valid(corrupt_hetu(value, how), allow_temporary=True, today=LATER)


class TestCorruptYtunnus:
    @pytest.mark.parametrize("how", list(YtunnusCorruption))
    @pytest.mark.parametrize("value", ["2077474-0", "0245974-7", "0000000-0", "1234567-1"])
    def test_every_corruption_is_invalid(self, value: str, how: YtunnusCorruption) -> None:
        """Every kind of corruption yields an invalid value with the expected reason."""
        broken = corrupt_ytunnus(value, how)
        assert not ytunnus.is_valid(broken)
        assert ytunnus.validate_many([broken]) == [False]
        assert _ytunnus_reason(broken) is YTUNNUS_REASONS[how]

    @given(value=ytunnukset(), how=st.sampled_from(YtunnusCorruption))
    def test_any_corruption_of_any_value(self, value: str, how: YtunnusCorruption) -> None:
        """Corrupting any generated value never yields a valid one."""
        broken = corrupt_ytunnus(value, how)
        assert not ytunnus.is_valid(broken)
        assert _ytunnus_reason(broken) is YTUNNUS_REASONS[how]


class TestStrategies:
    @given(value=hetus())
    def test_hetus_are_valid_temporary(self, value: str) -> None:
        """hetus() draws canonical temporary values, valid only with allow_temporary."""
        assert hetu.validate(value, allow_temporary=True, today=LATER) == value
        assert not hetu.is_valid(value, today=LATER)
        assert hetu.parse(value, allow_temporary=True, today=LATER).is_temporary

    @given(value=hetus(temporary_only=False))
    def test_hetus_not_temporary(self, value: str) -> None:
        """hetus(temporary_only=False) draws values valid without the flag."""
        assert hetu.validate(value, today=LATER) == value

    @given(value=hetus(new_signs=False))
    def test_hetus_old_signs(self, value: str) -> None:
        """hetus(new_signs=False) uses only + - A."""
        assert value[6] in "+-A"

    @given(value=hetus(min_date=date(2020, 2, 1), max_date=date(2020, 3, 1)))
    def test_hetus_date_range(self, value: str) -> None:
        """hetus() respects min_date and max_date."""
        born = hetu.parse(value, allow_temporary=True, today=LATER).birth_date
        assert date(2020, 2, 1) <= born <= date(2020, 3, 1)

    @given(value=corrupted_hetus())
    def test_corrupted_hetus_invalid(self, value: str) -> None:
        """corrupted_hetus() draws only invalid values."""
        assert not hetu.is_valid(value, allow_temporary=True, today=LATER)

    @given(value=corrupted_hetus(temporary_only=False, new_signs=False))
    def test_corrupted_hetus_takes_hetus_arguments(self, value: str) -> None:
        """corrupted_hetus() passes its arguments on to hetus()."""
        assert not hetu.is_valid(value, today=LATER)

    @given(value=ytunnukset())
    def test_ytunnukset_valid(self, value: str) -> None:
        """ytunnukset() draws canonical valid values."""
        assert ytunnus.validate(value) == value

    @given(value=corrupted_ytunnukset())
    def test_corrupted_ytunnukset_invalid(self, value: str) -> None:
        """corrupted_ytunnukset() draws only invalid values."""
        assert not ytunnus.is_valid(value)


class TestARegister:
    def test_lints_clean(self) -> None:
        """The register has every item the linter asks for: no finding at all."""
        findings = lint(a_register())
        assert findings == []
        assert not [f for f in findings if f.severity is Severity.ERROR]

    @pytest.mark.parametrize("locale", ["fi", "sv", "en"])
    @pytest.mark.parametrize("format", ["md", "html", "text"])
    def test_renders_in_every_language(self, locale: str, format: str) -> None:  # noqa: A002 - the renderers' own name
        """Notice and record render with no missing item and no Finnish fallback."""
        register = a_register()
        for render in (render_notice, render_record):
            text = render(register, locale=locale, format=format)  # type: ignore[arg-type] # parametrised
            for marker in ("[puuttuu]", "[saknas]", "[missing]", "[på finska]", "[in Finnish]"):
                assert marker not in text
            assert "Esimerkki Oy" in text

    def test_overrides_replace_top_level_fields(self) -> None:
        """Keyword overrides replace fields; everything else stays."""
        base = a_register()
        changed = a_register(updated=date(2026, 1, 1), transfers=())
        assert changed.updated == date(2026, 1, 1)
        assert changed.transfers == ()
        assert changed.purposes == base.purposes
        assert attrs.evolve(changed, updated=base.updated, transfers=base.transfers) == base

    def test_each_call_is_equal_and_new(self) -> None:
        """Two calls give equal registers (frozen, so sharing parts is safe)."""
        assert a_register() == a_register()

    def test_unknown_override(self) -> None:
        """An override that names no field is a TypeError, as with attrs.evolve."""
        with pytest.raises(TypeError):
            a_register(no_such_field=1)

    def test_overrides_are_checked(self) -> None:
        """Overrides go through the model's checks: consent needs the right to withdraw."""
        with pytest.raises(InvalidRegisterError):
            a_register(rights=(Right.ACCESS,))

    def test_round_trips_through_json(self) -> None:
        """The register serialises and reads back equal."""
        register = a_register()
        assert loads(dumps(register), Register) == register

    def test_names_no_person(self) -> None:
        """No henkilötunnus-shaped value anywhere in the register."""
        text = dumps(a_register()).decode()
        assert hetu.redact(text) == text
        assert ytunnus.is_valid(a_register().controller.business_id)

    def test_in_all(self) -> None:
        """a_register is public."""
        assert "a_register" in testing.__all__
