"""Outside attack, round 11: no henkilötunnus in any spelling, and masking fast and linear.

Helper A8 attacks, from the outside, the recogniser that A7's holes (round
10, ``tests/test_attack_identity_round10.py``) left behind: stray-gap spellings
(``131 052-308T``, ``131052-308 T``...) are looked for only in windows around
cheap "hints" (a letter after a digit). The attacks put codes near the edges of
long texts, many codes close together, codes after long runs of white space or
escapes, inside long digit runs, hints that chain into one long window, and mix
the new spellings with the older ones. The other side of the promise is tested
too: the documented non-codes (telephone numbers, dates, version numbers,
Y-tunnus, IBAN, invoice numbers) stay as written. And ``hetu.redact`` runs on
every message, so its cost must grow linearly with the text: speed is checked
as ratios between sizes within one test, never as absolute seconds.

Only the public API, the ``rekisteri`` command (click's CliRunner) and
``sqlite3`` on store files are used; every code is a temporary number
(900-999) made by :func:`rekisteri.testing.make_hetu`.

A promise that holds is a plain test; a broken one is a strict xfail naming
its finding. A8 found seven (J1-J7); all but J4 were fixed in the same
session (possessive white space in the recogniser's patterns, an escaped line
break or tab as a word's start, a four-digit year and a sign inside a word in
the stray-gap pattern, a window that does not count white space) and their
marks removed; J4 too, a little later (invisible characters inside the
birth date of a stray-gap spelling, as in the usual one). The findings:

* J1: six digits (or a birth date written as a date) followed by a long run of
  white space make the recogniser backtrack polynomially (about the fourth
  power of the run's length): a fixed-width line costs seconds;
* J2: a stray-gap spelling wrapped over two lines with an indented second line
  (spaces around the sign) is missed when it starts more than the window's
  reach before its letter;
* J3: a four-digit year with a stray gap (``13101952-308 T``) is not masked;
* J4: an invisible character inside the birth date of a sign-less spelling
  with the check character apart (``1310<ZWSP>52 308 T``) is not masked;
* J5: a stray-gap spelling with a century sign inside a longer word or run of
  digits (``hetu131052-308 T``, ``0131052-308 T``) is not masked.
"""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Final

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekisteri.cli import cli
from rekisteri.consent import ConsentEvent
from rekisteri.errors import RekisteriError
from rekisteri.identifiers import hetu
from rekisteri.importer import import_notice
from rekisteri.model import ContactPoint, Controller, LocalizedText, Register
from rekisteri.render import render_notice
from rekisteri.store.sqlite import SQLiteStore
from rekisteri.testing import make_hetu
from tests.identity_leaks import (
    flat,
    leaking_outputs,
    parts,
    reports_r320,
    shows,
    spell,
)

# Temporary codes: a letter as the check character ("-" and "A" signs), and a
# digit as the check character with a "-" sign (so no letter shows it).
LETTER = make_hetu(date(1952, 10, 13), 959)
OTHER = make_hetu(date(1977, 7, 21), 948)
A_LETTER = make_hetu(date(2004, 3, 5), 950)
DIGIT = make_hetu(date(1977, 7, 3), 948)
assert all(code[-1].isalpha() for code in (LETTER, OTHER, A_LETTER))
assert [A_LETTER[6], LETTER[6], DIGIT[6]] == ["A", "-", "-"]
assert DIGIT[-1].isdigit()
CODES = (LETTER, OTHER, A_LETTER)

SECRET = "a8-round11-attack-secret-" + "q" * 32


# ---------------------------------------------------------------------------
# Leak detection: does an output let a reader see the whole code?
# ---------------------------------------------------------------------------


def count_shown(text: str, code: str) -> int:
    d, _s, n, q = parts(code)
    return flat(text).count((d + n + q).casefold())


def test_the_leak_detector_sees_through_the_spellings() -> None:
    for shape in ("{d}{s}{n}{q}", "{d3} {d3b}{s}{n} {q}", "{ddmm}.{yyyy}{s}{n} {q}"):
        assert shows(spell(LETTER, shape), LETTER), shape
    assert shows(json.dumps(spell(LETTER, "{d}{s}{n}\n{q}")), LETTER)
    assert not shows(hetu.redact(LETTER), LETTER)


def described(text: str) -> Register:
    return Register(controller=Controller(name="Esimerkki Oy"), description=LocalizedText(fi=text))


_FILLER = "Rekisterin tietoja käsitellään asiakassuhteen hoitamiseksi, puh. 040 123 4567. "

# The stray-gap spellings the guide documents, and a mixture with the older ones.
_STRAY = [
    "{d3} {d3b}{s}{n}{q}",
    "{d}{s}{n2} {n1}{q}",
    "{d} {n} {q}",
    "{d}{s}{n} {q}",
    "{dd}{s}{n} {q}",
    "{d}--{n} {q}",
    "{d}{s}{n}\n{q}",
    "{d3}\u3000{d3b}{s}{n}{q}",
]


# ---------------------------------------------------------------------------
# Codes near the edges of long texts, many close together, repeated
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("shape", _STRAY)
def test_a_stray_gap_code_at_the_very_start_and_end_of_a_long_text(shape: str) -> None:
    filler = _FILLER * 1500  # about 120 kB
    for code in CODES:
        written = spell(code, shape)
        for text in (written + " " + filler, filler + written, written + " " + filler + written):
            assert not shows(hetu.redact(text), code), (shape, len(text))
        assert not shows(hetu.redact(written), code)  # the text is the code only


@pytest.mark.parametrize("shape", _STRAY)
def test_many_stray_gap_codes_close_together(shape: str) -> None:
    for separator in (" ", ", ", "\n", "\t", "; ", " \\n "):
        text = separator.join(spell(code, shape) for code in CODES * 40)
        masked = hetu.redact(text)
        for code in CODES:
            assert count_shown(masked, code) == 0, (shape, separator)


def test_the_same_code_repeated_in_every_spelling_in_one_text() -> None:
    shapes = [
        *_STRAY,
        "{d}{s}{n}{q}",
        "{dd}{s}{n}{q}",
        "{d}/{n}{q}",
        "{d} {s} {n}{q}",
        "{ddmm}.{yyyy}{s}{n}{q}",
        "{d}{s}{n}",
    ]
    for code in CODES:
        text = " ja ".join(spell(code, shape) for shape in shapes * 3)
        assert not shows(hetu.redact(text), code)
        assert not shows(hetu.redact(text.lower()), code)


@pytest.mark.parametrize("shape", _STRAY)
def test_a_code_after_long_runs_of_white_space_or_escapes(shape: str) -> None:
    for run in (" " * 5000, "\n" * 5000, "\\n" * 3000, "\u3000" * 3000, "\\u2028 " * 800):
        for code in CODES:
            text = "alku" + run + " " + spell(code, shape) + run + "loppu"
            assert not shows(hetu.redact(text), code), (shape, run[:3])


def test_codes_with_a_sign_inside_long_digit_runs() -> None:
    for code in CODES:
        for length in (90, 95, 96, 97, 200, 5000):
            run = "7" * length
            for text in (
                run + code,
                code + run,
                run + code + run,
                run + " " + spell(code, "{d}{s}{n} {q}"),
            ):
                assert not shows(hetu.redact(text), code), length


def test_hints_chaining_into_one_long_window_still_find_every_code() -> None:
    # "1 a 1" is a sign-letter hint; a hint every few characters makes one window.
    chain = "1 a 1 B 2 c 3 T 4 " * 2000
    for shape in _STRAY:
        for code in CODES:
            written = spell(code, shape)
            text = f"{chain} {written} {chain} {written} {chain}"
            assert not shows(hetu.redact(text), code), shape


@pytest.mark.parametrize("shape", ["{d}{s}{n} {q}", "{d3} {d3b}{s}{n}{q}", "{d} {n} {q}"])
def test_overlapping_and_adjacent_spellings(shape: str) -> None:
    for code in CODES:
        d, s, n, q = parts(code)
        written = spell(code, shape)
        for text in (
            f"{written} {d}{s}{n}{q}",  # the check character is followed by another code
            f"{d}{s}{n}{q} {written}",
            f"klo 12.30 {written}",  # a time tried as the start of a spelling first
            f"{d} {written}",  # six digits that may start a spelling before the code
            f"{d}{s} {written}",
        ):
            masked = hetu.redact(text)
            assert count_shown(masked, code) == 0, shape


# ---------------------------------------------------------------------------
# Findings: the windows, and mixtures with older spellings
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "shape", ["{dd}{s}\n{pad}{n} {q}", "{d3} {d3b}{s}\n{pad}{n}{q}", "{d}\n{pad}{n} {q}"]
)
def test_a_wrapped_stray_gap_code_with_an_indented_second_line(shape: str) -> None:
    for code in CODES:
        text = "asiakas " + spell(code, shape.replace("{pad}", " " * 50)) + " kirjattu"
        assert not shows(hetu.redact(text), code)


def test_a_wrapped_stray_gap_code_with_a_short_indent_is_found() -> None:
    for code in CODES:
        text = "asiakas " + spell(code, "{dd}{s}\n" + " " * 24 + "{n} {q}") + " kirjattu"
        assert not shows(hetu.redact(text), code)


def test_a_wrapped_indented_code_in_a_register_text() -> None:
    register = described("Asiakas " + spell(LETTER, "{dd}{s}\n" + " " * 50 + "{n} {q}") + ".")
    assert reports_r320(register)
    assert leaking_outputs(register, LETTER) == []


@pytest.mark.parametrize(
    "shape",
    ["{d4}{yyyy}{s}{n} {q}", "{ddmm}.{yyyy}{s}{n} {q}", "{ddmm}.{yyyy} {s} {n2} {n1}{q}"],
)
def test_a_four_digit_year_with_a_stray_gap(shape: str) -> None:
    for code in CODES:
        assert not shows(hetu.redact("asiakas " + spell(code, shape)), code), shape


def test_a_four_digit_year_with_a_stray_gap_in_a_register_text() -> None:
    register = described("Asiakas " + spell(LETTER, "{ddmm}.{yyyy}{s}{n} {q}") + ".")
    assert reports_r320(register)
    assert leaking_outputs(register, LETTER) == []


@pytest.mark.parametrize("mark", ["\u200b", "\u00ad", "\u2060", "\u200e"])
def test_an_invisible_character_in_the_date_of_a_signless_stray_gap_code(mark: str) -> None:
    for code in CODES:
        for shape in ("{d4}" + mark + "{d4b} {n} {q}", "{d4}" + mark + "{d4b}/{n} {q}"):
            assert not shows(hetu.redact("asiakas " + spell(code, shape)), code), shape


def test_an_invisible_character_in_the_date_with_a_sign_and_a_stray_gap() -> None:
    for code in CODES:
        text = "asiakas " + spell(code, "{d4}\u200b{d4b}{s}{n} {q}")
        assert not shows(hetu.redact(text), code)


@pytest.mark.parametrize("before", ["hetu", "0", "asiakas"])
def test_a_stray_gap_code_with_a_sign_inside_a_longer_word(before: str) -> None:
    for code in CODES:
        for shape in ("{d}{s}{n} {q}", "{dd}{s}{n} {q}", "{d3} {d3b}{s}{n}{q}"):
            assert not shows(hetu.redact(before + spell(code, shape)), code), shape


def test_the_canonical_and_dated_spellings_inside_a_longer_word_are_masked() -> None:
    for code in CODES:
        for shape in ("{d}{s}{n}{q}", "{dd}{s}{n}{q}"):
            for before in ("hetu", "0", "asiakas"):
                assert not shows(hetu.redact(before + spell(code, shape)), code)


_ESCAPES = ["\\n", "\\t", "\\r\\n", "\\u2028", "\\x0b"]


@pytest.mark.parametrize(
    "shape", ["{d} {n}{q}", "{d}{n}{q}", "{d}/{n}{q}", "{dd} {n}{q}", "{d3} {d3b}{s}{n}{q}"]
)
@pytest.mark.parametrize("escape", _ESCAPES)
def test_a_code_at_the_start_of_an_escaped_line(shape: str, escape: str) -> None:
    for code in CODES:
        text = "rivi 2:" + escape + spell(code, shape)
        assert not shows(hetu.redact(text), code)


@pytest.mark.parametrize("shape", ["{d} {n}{q}", "{d}/{n}{q}", "{d3} {d3b}{s}{n}{q}"])
def test_a_model_repr_of_a_code_at_the_start_of_a_line(shape: str) -> None:
    text = LocalizedText(fi="Asiakkaat:\n" + spell(LETTER, shape))
    assert not shows(repr(text), LETTER)
    assert not shows(repr(described(text.fi)), LETTER)


@pytest.mark.parametrize("escape", _ESCAPES)
def test_a_code_with_its_sign_at_the_start_of_an_escaped_line(escape: str) -> None:
    for code in CODES:
        for shape in ("{d}{s}{n}{q}", "{dd}{s}{n}{q}", "{d} {s} {n}{q}"):
            text = "rivi 2:" + escape + spell(code, shape)
            assert not shows(hetu.redact(text), code)


def test_a_model_repr_of_a_code_with_its_sign_at_the_start_of_a_line() -> None:
    text = LocalizedText(fi="Asiakkaat:\n" + spell(LETTER, "{d}{s}{n}{q}"))
    assert not shows(repr(text), LETTER)


# ---------------------------------------------------------------------------
# Mixtures of the new spellings with the older ones
# ---------------------------------------------------------------------------

_MIXED = [
    "{dd} {s} {n} {q}",
    "{d}{s}{n2}\u00a0{n1}{q}",
    "{d3} {d3b} {s} {n}{q}",
    "{d}{s}\\n{n} {q}",
    "{d}\\r\\n{s}{n}\\n{q}",
    "{d} - {n2} {n1} {q}",
    "{d}\u2013{n} {q}",
    "{d}\u2212{n}\t{q}",
    "{d}\u2011{n2} {n1}{q}",
    "{d}//{n} {q}",
    "{d}:{n} {q}",
]


@pytest.mark.parametrize("shape", _MIXED)
def test_mixtures_of_new_and_old_spellings(shape: str) -> None:
    for code in CODES:
        written = spell(code, shape)
        if "//" in shape or ":" in shape:
            continue  # only a documented single separator is promised
        for text in (written, written.lower(), f"({written})", f"hetu: {written}."):
            assert not shows(hetu.redact(text), code), (shape, text[:0])


def test_fullwidth_digits_with_a_stray_gap() -> None:
    for code in CODES:
        written = spell(code, "{d3} {d3b}{s}{n} {q}")
        full = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() or c.isalpha() else c for c in written)
        assert not shows(hetu.redact(full), code)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    code=st.sampled_from(CODES),
    shape=st.sampled_from(_STRAY + _MIXED[:8]),
    before=st.text(alphabet="ab 12\n.-TA", max_size=60),
    after=st.text(alphabet="ab 12\n.-TA", max_size=60),
    copies=st.integers(min_value=1, max_value=4),
)
def test_property_stray_gap_codes_among_digits_and_hints(
    code: str, shape: str, before: str, after: str, copies: int
) -> None:
    written = spell(code, shape)
    text = f"{before} {f' {before[:5]} '.join([written] * copies)} {after}"
    assert not shows(hetu.redact(text), code)


# ---------------------------------------------------------------------------
# The same code in every output
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("shape", _STRAY)
def test_the_same_stray_gap_code_in_every_register_output(shape: str) -> None:
    text = "Asiakas " + spell(LETTER, shape) + ", toinen " + spell(A_LETTER, shape) + "."
    register = described(text)
    assert leaking_outputs(register, LETTER) == []
    assert leaking_outputs(register, A_LETTER) == []
    assert reports_r320(register)


def test_the_same_stray_gap_code_in_the_store_and_cli(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    written = spell(LETTER, "{d3} {d3b}{s}{n} {q}")
    runner = CliRunner()
    result = runner.invoke(cli, ["hetu", "mask", written])
    assert not shows(result.output, LETTER)
    result = runner.invoke(cli, ["hetu", "validate", written])
    assert not shows(result.output, LETTER)
    with SQLiteStore(path, secret=SECRET.encode()) as store:
        del store  # an empty store file to read back
    con = sqlite3.connect(path)
    dump = "\n".join(con.iterdump())
    con.close()
    assert not shows(dump, LETTER)


# ---------------------------------------------------------------------------
# The false-positive side: documented non-codes stay as written
# ---------------------------------------------------------------------------

_NOT_CODES = [
    "versio 1.2.3-456, 0.10.10.10-1000, 10.10.10-100",
    "tilattu 2026-11-25, päivä 13.10.2052",
    "puh. 040 123 4567, 040 123-4567, 0401234-567",
    "Y-tunnus 0245974-7 ja 1234567-8",
    "IBAN FI21 1234 5600 0007 85",
    "lasku 123456-789, 241125-001",
    "Mannerheimintie 12 A 3, 00100 Helsinki",
    "puh. 040 123 4567 A-rappu, 050 765 4321 B",
    "asunto 4 B 12, klo 12.30 T-talo",
]


@pytest.mark.parametrize("text", _NOT_CODES)
def test_documented_non_codes_stay_as_written(text: str) -> None:
    assert hetu.redact(text) == text
    # Many of them in a long text, next to hints, stay as well.
    long_text = (text + " 1 a 1 ") * 300
    assert hetu.redact(long_text) == long_text


def test_a_visible_space_without_a_letter_is_no_code() -> None:
    d, s, n, q = parts(DIGIT)
    for text in (f"{d[:3]} {d[3:]}{s}{n}{q}", f"{d[:3]} {d[3:]} {n}{LETTER[-1]}"):
        assert hetu.redact(text) == text


def test_register_texts_keep_reference_and_invoice_numbers() -> None:
    register = described("Viite 123456-7890, lasku 241125-003, puh. 040 123 4567.")
    text = render_notice(register, format="text")
    for kept in ("123456-7890", "241125-003", "040 123 4567"):
        assert kept in text
    assert not reports_r320(register)


# ---------------------------------------------------------------------------
# Speed: linear growth (ratios within one test, generous margins)
# ---------------------------------------------------------------------------


def _cost(text: str, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        hetu.redact(text)
        best = min(best, time.perf_counter() - started)
    return best


def _sized(unit: str, size: int) -> str:
    return unit * (size // len(unit))


def _grows_linearly(texts: list[str], limits: list[float], attempts: int = 3) -> list[float]:
    """Time *texts* (best of a few runs each); retry when another session's load got in the way.

    Returns the times of the last attempt; each ``times[i + 1] < limits[i] * times[i]`` holds
    in at least one attempt, or the last attempt's times are returned for the message.
    """
    times: list[float] = []
    for _ in range(attempts):
        times = [_cost(text, 2 if len(text) < 2_000_000 else 1) for text in texts]
        if all(
            b < limit * max(a, 1e-4) for a, b, limit in zip(times, times[1:], limits, strict=False)
        ):
            return []
    return times


def test_redact_grows_linearly_with_chained_hints_to_4_mb() -> None:
    unit = "1 a 1 B 2 c 3 T 4 " + spell(LETTER, "{d3} {d3b}{s}{n}{q}") + " "
    texts = [_sized(unit, size) for size in (100_000, 1_000_000, 4_000_000)]
    assert _grows_linearly(texts, [20.0, 6.0]) == []


@pytest.mark.parametrize(
    "unit",
    [
        spell(LETTER, "{d3} {d3b}{s}{n}{q} "),
        "9 T " * 3 + "1234567 T ",
        "\\n1 a\\n\\n",
        spell(LETTER, "{dd}{s}{n} {q} {d}G{n}{q} {d} {n} {q}\\n "),
        "040 123 4567 x 12 A 3 ",
    ],
    ids=["stray-codes", "check-hints", "escapes", "mixed", "phones-addresses"],
)
def test_redact_grows_linearly_on_dense_hints(unit: str) -> None:
    texts = [_sized(unit, 60_000), _sized(unit, 240_000)]
    assert _grows_linearly(texts, [6.0]) == []


@pytest.mark.parametrize("birth", ["408213", "13.10.52"])
def test_redact_cost_does_not_depend_on_the_length_of_white_space_runs(birth: str) -> None:
    # Two texts of the same length: fixed-width lines padded with short or with long runs.
    short = (f"{birth}" + " " * 24 + "|\n") * 20
    long = (f"{birth}" + " " * 96 + "|\n") * 7
    short = short + "." * (len(long) - len(short))
    assert len(short) == len(long)
    t_short = _cost(short, 3)
    t_long = _cost(long, 3)  # best of three, as the short text: one run may meet a busy core
    assert t_long < 6 * max(t_short, 1e-4), (t_short, t_long)


# ---------------------------------------------------------------------------
# The findings through the importer, the command line and the stores
# ---------------------------------------------------------------------------

_J = {
    "J2": ("{dd}{s}\n" + " " * 50 + "{n} {q}", "bug J2: an indented wrapped stray-gap code"),
    "J3": ("{ddmm}.{yyyy}{s}{n} {q}", "bug J3: a four-digit year with a stray gap"),
    "J4": ("{d4}\u200b{d4b} {n} {q}", "bug J4: an invisible character, no sign, check apart"),
    "J5": ("hetu{d}{s}{n} {q}", "bug J5: a stray-gap code with a sign inside a word"),
    "J6": ("rivi\\n{d} {n}{q}", "bug J6: a sign-less code right after an escaped line break"),
}


#: The findings still open (the others were fixed in the same session).
_OPEN: Final[set[str]] = set()


def _finding(key: str) -> object:
    shape, reason = _J[key]
    if key not in _OPEN:
        return pytest.param(shape, id=key)
    return pytest.param(shape, marks=pytest.mark.xfail(strict=True, reason=reason), id=key)


_NOTICE = (
    "REKISTERISELOSTE\n\n1. Rekisterinpitäjä\nEsimerkki Oy\n\n2. Rekisterin nimi\n"
    "Asiakasrekisteri\n\n3. Henkilötietojen käsittelyn tarkoitus\nAsiakkuuden hoito, "
    "esimerkiksi\n{x}\nja muuta.\n\n4. Rekisterin tietosisältö\nNimi\n{x}\n"
)


def import_outputs(tmp_path: Path, notice: str) -> dict[str, str]:
    """``rekisteri import`` with text and JSON reports, and the API's result."""
    source = tmp_path / "notice.txt"
    source.write_text(notice, encoding="utf-8")
    runner = CliRunner()
    outputs: dict[str, str] = {}
    for fmt in ("text", "json"):
        draft, report = tmp_path / f"draft-{fmt}.toml", tmp_path / f"report-{fmt}.txt"
        args = ["import", str(source), "-o", str(draft), "--report", str(report), "-f", fmt]
        result = runner.invoke(cli, [*args, "--exit-zero", "--force"])
        assert result.exit_code == 0, result.output
        outputs[f"{fmt}: printed"] = result.output
        outputs[f"{fmt}: draft"] = draft.read_text(encoding="utf-8")
        outputs[f"{fmt}: report"] = report.read_text(encoding="utf-8")
    imported = import_notice(notice)
    outputs["api"] = "\n".join(
        [
            repr(imported.unmatched),
            repr(imported.findings),
            imported.summary_line(),
            repr(imported.draft),
        ]
    )
    return outputs


@pytest.mark.parametrize(
    "shape",
    [
        "{d} {n}{q}",
        "{d3} {d3b}{s}{n}{q}",
        "{dd}{s}\n" + " " * 20 + "{n} {q}",
        "{d}{s}{n2} {n1}{q}",
        _finding("J2"),
        _finding("J3"),
        _finding("J4"),
    ],
)
def test_the_importer_never_shows_a_code(tmp_path: Path, shape: str) -> None:
    outputs = import_outputs(tmp_path, _NOTICE.format(x=spell(LETTER, shape)))
    assert [k for k, v in outputs.items() if shows(v, LETTER)] == []


_QUICKSTART = Path(__file__).resolve().parent.parent / "examples" / "quickstart" / "rekisteri.toml"
_NAME_LINE = 'fi = "Puutarhapalvelu Kielon asiakasrekisteri"'


@pytest.mark.parametrize(
    "shape", ["{d3} {d3b}{s}{n}{q}", "{d} {n} {q}", _finding("J3"), _finding("J4")]
)
def test_the_register_commands_never_show_a_code(tmp_path: Path, shape: str) -> None:
    text = _QUICKSTART.read_text(encoding="utf-8")
    assert _NAME_LINE in text
    name = 'fi = """Asiakasrekisteri\n' + spell(LETTER, shape) + '"""'
    path = tmp_path / "r.toml"
    path.write_text(text.replace(_NAME_LINE, name, 1), encoding="utf-8")
    runner = CliRunner()
    runs = [["validate", str(path)], ["lint", str(path), "--exit-zero", "-f", "json"]]
    runs += [["jsonld", str(path)]]
    runs += [
        [cmd, str(path), "--format", fmt] for cmd in ("render", "record") for fmt in ("md", "html")
    ]
    leaking = []
    for args in runs:
        result = runner.invoke(cli, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), args
        if shows(result.output, LETTER):
            leaking.append(" ".join(args[:1] + args[2:]))
    assert leaking == []


def _database_text(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


_AT = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "shape",
    [
        "{d3} {d3b}{s}{n}{q}",
        "{d}{s}{n} {q}",
        "{d} {n} {q}",
        _finding("J2"),
        _finding("J3"),
        _finding("J4"),
        _finding("J5"),
        _finding("J6"),
    ],
)
def test_the_store_keeps_no_code_as_a_subject_or_in_free_text(tmp_path: Path, shape: str) -> None:
    x = spell(LETTER, shape)
    path = tmp_path / "c.db"
    store = SQLiteStore(path, secret=SECRET.encode(), purposes={"newsletter": True})
    shown = ""
    try:
        evidence = ConsentEvent(
            subject="asiakas-7", purpose="newsletter", kind="give", at=_AT, evidence=f"hetu {x}"
        )
        store.append([evidence])
        shown += repr(store.history("asiakas-7"))
        try:  # a sign-less code is refused as a subject: the message must not show it
            store.append(
                [ConsentEvent(subject=x, purpose="newsletter", kind="give", at=_AT, evidence="a")]
            )
            shown += repr(store.history(x)) + store.export(x).decode("utf-8")
        except RekisteriError as exc:
            shown += str(exc) + repr(exc)
    finally:
        store.close()
    assert not shows(shown + _database_text(path), LETTER)


def test_a_contact_points_repr_of_a_code_after_a_line_break() -> None:
    point = ContactPoint(phone="vaihde\n" + spell(LETTER, "{d} {n}{q}"))
    assert not shows(repr(point), LETTER)


_DIGITS = st.text(alphabet="0123456789", min_size=7, max_size=7)


@settings(max_examples=300, deadline=None)
@given(
    prefix=st.sampled_from(["040", "041", "044", "045", "050"]),
    digits=_DIGITS,
    shape=st.sampled_from(["{p} {a} {b}", "{p} {a}-{b}", "{p}{a}{b0}-{b1}", "{p} {a} {b2} {b3}"]),
    after=st.sampled_from(
        [" A", " T", " B-rappu", " X", " a", " Y", " C 12", "\nT", " (vaihde) T"]
    ),
)
def test_property_telephone_numbers_before_a_letter_stay_as_written(
    prefix: str, digits: str, shape: str, after: str
) -> None:
    a, b = digits[:3], digits[3:]
    number = shape.format(p=prefix, a=a, b=b, b0=b[0], b1=b[1:], b2=b[:2], b3=b[2:])
    text = f"puh. {number}{after}, toinen {number}"
    assert hetu.redact(text) == text


def test_a_ten_digit_run_whose_check_fits_is_kept_in_a_notice_but_masked_in_messages() -> None:
    # The guide's own example: 0501200028 fits the check, and is as often a mobile number.
    register = described("Soita 0501200028 arkisin.")
    assert "0501200028" in render_notice(register, format="text")
    assert not reports_r320(register)
    assert hetu.redact("soita 0501200028") == "soita 050120****"


@pytest.mark.parametrize(
    "zero",
    [0x660, 0x6F0, 0x966, 0xE50, 0xFF10, 0x1D7CE],
    ids=["arabic-indic", "extended-arabic-indic", "devanagari", "thai", "fullwidth", "math-bold"],
)
def test_other_scripts_digits_with_a_stray_gap_in_a_long_text(zero: int) -> None:
    filler = _FILLER * 200
    for shape in ("{d3} {d3b}{s}{n}{q}", "{d}{s}{n} {q}", "{d} {n} {q}", "{dd}{s}{n2} {n1}{q}"):
        for code in CODES:
            written = "".join(chr(zero + int(c)) if c.isdigit() else c for c in spell(code, shape))
            text = f"{filler}asiakas {written} ok {filler}"
            assert not shows(hetu.redact(text), code), shape


def _padded_lines(run: int, *, backslash: bool, total: int = 64_000) -> str:
    """A text of *total* characters: lines of a digit, *run* spaces and a bar, after a path."""
    line = "1" + " " * run + "|\n"
    path = "C:\\temp\n" if backslash else "C:/temp\n"
    return path + line * (total // len(line))


def test_one_digit_before_long_white_space_runs_costs_no_more_without_a_backslash() -> None:
    texts = [_padded_lines(250, backslash=False), _padded_lines(4000, backslash=False)]
    assert _grows_linearly(texts, [6.0]) == []


def test_one_digit_before_long_white_space_runs_in_a_text_with_a_backslash() -> None:
    short, long = _padded_lines(250, backslash=True), _padded_lines(4000, backslash=True)
    t_short = _cost(short, 3)
    t_long = _cost(long, 3)  # best of three, as the short text: one run may meet a busy core
    assert t_long < 6 * max(t_short, 1e-4), (t_short, t_long)
