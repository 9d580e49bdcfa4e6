"""Fixes of A13's round-14 findings on the model and the outputs (beside A13's own tests).

Identity codes here are the safe fixtures of DOMAIN.md (131052-308T, 010594Y9032).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rekisteri._redact import redacted_repr
from rekisteri.cli import cli
from rekisteri.cli._common import print_text
from rekisteri.errors import RekisteriError
from rekisteri.identifiers import hetu
from rekisteri.model import Controller, LocalizedText, Register


# O22: a tag character (U+E0000-E007F) or a variation selector supplement
# (U+E0100-E01EF) around the sign: repr escapes it as "\U000e00xx" before the
# mask looks, and the escaped form must be recognised like "\u200b" is.
@pytest.mark.parametrize("invisible", ["\U000e0020", "\U000e0030", "\U000e007f", "\U000e0100"])
@pytest.mark.parametrize("where", ["before", "after", "both"])
def test_a_repr_masks_a_code_with_an_escaped_tag_around_the_sign(
    invisible: str, where: str
) -> None:
    before = invisible if where in ("before", "both") else ""
    after = invisible if where in ("after", "both") else ""
    text = f"soita 131052{before}-{after}308T"
    assert "308T" not in hetu.redact(text)
    assert "308T" not in redacted_repr(text)
    for shown in (
        repr(LocalizedText(fi=text)),
        repr(Controller(name=text)),
        repr(Register(controller=Controller(name="Oy"), description=LocalizedText(fi=text))),
    ):
        assert "308T" not in shown
        assert "131052" in shown


def test_an_escaped_tag_before_the_code_still_starts_a_word() -> None:
    shown = repr(LocalizedText(fi="\U000e0041010594Y9032"))
    assert "9032" not in shown


# O25: a standard output that is not UTF-8 (a Latin-1 or ISO-8859-15 locale).

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "digicenter.toml"


@pytest.mark.parametrize("charset", ["latin-1", "iso8859-15", "cp1252", "ascii"])
@pytest.mark.parametrize("fmt", ["html", "md", "text"])
def test_a_redirected_notice_is_utf_8_whatever_the_locale(
    tmp_path: Path, charset: str, fmt: str
) -> None:
    out = tmp_path / f"notice.{fmt}"
    assert (
        CliRunner().invoke(cli, ["render", str(EXAMPLE), "-f", fmt, "-o", str(out)]).exit_code == 0
    )
    result = CliRunner(charset=charset).invoke(cli, ["render", str(EXAMPLE), "-f", fmt])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 0
    assert result.stdout_bytes == out.read_bytes()


def test_lint_json_on_a_latin_1_pipe_is_utf_8() -> None:
    result = CliRunner(charset="latin-1").invoke(cli, ["lint", str(EXAMPLE), "-f", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout_bytes.decode("utf-8"))
    assert report["findings"]


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_a_latin_1_terminal_gets_stand_ins(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    terminal = _Terminal(raw, encoding="latin-1")
    monkeypatch.setattr(sys, "stdout", terminal)
    print_text("Käsittely – ”Myynti” … \u2713 €", document=True)
    terminal.flush()
    assert raw.getvalue().decode("latin-1") == 'Käsittely - "Myynti" ... \\u2713 \\u20ac'


def test_an_iso_8859_15_terminal_keeps_the_euro(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    terminal = _Terminal(raw, encoding="iso8859-15")
    monkeypatch.setattr(sys, "stdout", terminal)
    print_text("10 € – ä", document=True)
    terminal.flush()
    assert raw.getvalue().decode("iso8859-15") == "10 € - ä"


def test_an_error_on_a_latin_1_stream_is_no_traceback(tmp_path: Path) -> None:
    source = tmp_path / "rekisteri – luonnos.toml"
    result = CliRunner(charset="latin-1").invoke(cli, ["render", str(source)])
    assert result.exit_code == 2
    assert not isinstance(result.exception, UnicodeError)
    assert "rekisteri: error:" in result.stderr


# O12: a notice or a record keeps its soft hyphens and zero-width spaces when
# written to a file or a pipe; a terminal sees them escaped.

_SOFT = "Tietosuoja\u00adselosteen yllä\u00adpito ja \u200bväli"


def _soft_register(tmp_path: Path) -> Path:
    source = tmp_path / "register.toml"
    source.write_text(
        f'[controller]\nname = "Esimerkki Oy"\n\n[[purposes]]\nkey = "a"\nname = "{_SOFT}"\n'
        'legal_basis = "contract"\n',
        encoding="utf-8",
    )
    return source


@pytest.mark.parametrize("command", ["render", "record"])
@pytest.mark.parametrize("fmt", ["html", "md", "text"])
def test_a_piped_document_keeps_soft_hyphens(tmp_path: Path, command: str, fmt: str) -> None:
    source = _soft_register(tmp_path)
    result = CliRunner().invoke(cli, [command, str(source), "-f", fmt])
    assert result.exit_code == 0
    assert _SOFT in result.stdout
    assert "\\xad" not in result.stdout


def test_a_terminal_sees_a_soft_hyphen_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rekisteri.cli import _common

    monkeypatch.setattr(_common, "_is_terminal", lambda _stream: True)
    result = CliRunner().invoke(cli, ["render", str(_soft_register(tmp_path)), "-f", "text"])
    assert result.exit_code == 0
    assert "Tietosuoja\\xadselosteen" in result.stdout


# O20: a line break in a name or a file name stays inside its line.


def test_lint_report_escapes_every_line_break_of_a_message() -> None:
    from rekisteri.lint import Finding, Severity, report_text

    name = "Myynti\n1 finding\r\x85\u2028\u2029\x1c\v\f"
    report = report_text([Finding("R105", Severity.ERROR, "purposes[0]", f"”{name}”")])
    assert len(report.splitlines()) == 2
    assert "Myynti\\n1 finding\\r\\x85\\u2028\\u2029\\x1c\\x0b\\x0c" in report


def test_a_forged_lint_line_stays_inside_its_finding(tmp_path: Path) -> None:
    source = tmp_path / "register.toml"
    source.write_text(
        '[controller]\nname = "Esimerkki Oy"\n\n[[purposes]]\nkey = "a"\n'
        'name = "Myynti\\ncontroller.name: R101 error x"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["lint", str(source), "--exit-zero"])
    assert not any(line.startswith("controller.name: R101") for line in result.stdout.splitlines())
    assert "Myynti\\ncontroller.name: R101 error x" in result.stdout


@pytest.mark.parametrize("command", ["render", "record", "lint", "validate", "jsonld"])
def test_a_file_name_with_a_line_feed_or_tab_is_one_error_line(
    tmp_path: Path, command: str
) -> None:
    result = CliRunner().invoke(cli, [command, str(tmp_path / "nope\n\tfake.toml")])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "nope\\n\\tfake.toml" in result.stderr


def test_the_written_summary_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "a\nb.md"
    result = CliRunner().invoke(cli, ["render", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0
    assert len(result.stderr.splitlines()) == 1
    assert "a\\nb.md" in result.stderr


def test_a_valid_register_with_a_line_feed_in_its_file_name_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "a\nb.toml"
    source.write_text('[controller]\nname = "Esimerkki Oy"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(source)])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1


# O16: a text of invisible characters only is blank.

_INVISIBLE_ONLY = [
    "\u200b",
    "\ufeff",
    "\u00ad",
    "\u2060",
    "\u3164",
    "\u2800",
    "\U000e0020",
    "\u034f",
    "\u180e",
    "\u200c\u200d",
    "\u115f",
    "\uffa0",
    "\u2063",
    "\ufe0f",
    " \u200b\t\u00ad ",
]


@pytest.mark.parametrize("text", _INVISIBLE_ONLY)
def test_an_invisible_text_is_refused_as_blank(text: str) -> None:
    from rekisteri.errors import InvalidValueError
    from rekisteri.model import Purpose
    from rekisteri.serialize import structure

    with pytest.raises(InvalidValueError, match="empty"):
        Controller(name=text)
    with pytest.raises(InvalidValueError, match="empty"):
        LocalizedText(fi="Nimi", en=text)
    with pytest.raises(InvalidValueError, match="empty"):
        Purpose(key="a", name=text)  # type: ignore[arg-type] # a plain str is converted
    with pytest.raises(RekisteriError):
        structure({"controller": {"name": text}}, Register)


@pytest.mark.parametrize(
    "text", ["Oy\u200b", "\u00adOy", "\u3164x", "\U0001f600", "\u0600", "\u2800\u2801"]
)
def test_a_text_with_something_visible_is_not_blank(text: str) -> None:
    assert Controller(name=text).name == text
    assert LocalizedText(fi=text).fi == text


# O17: what lint calls a missing required item is marked in the notice.


def _codes(register: Register) -> set[str]:
    from rekisteri.lint import lint

    return {finding.code for finding in lint(register, locale="en")}


@pytest.mark.parametrize("right", ["access", "rectification", "erasure", "restriction", "object"])
def test_a_missing_required_right_is_listed_with_the_marker(right: str) -> None:
    import attrs

    from rekisteri.render import render_notice
    from rekisteri.testing import a_register

    base = a_register()
    register = attrs.evolve(base, rights=tuple(r for r in base.rights if r.value != right))
    assert _codes(register) & {"R112", "R113"}
    for locale, marker in (("fi", "[puuttuu]"), ("sv", "[saknas]"), ("en", "[missing]")):
        notice = render_notice(register, locale=locale, format="text")
        assert notice.count(marker) == 1
    html = render_notice(register, locale="en", format="html")
    marker_at = html.index('class="rk-missing"')
    assert "Article" in html[html.rindex("<li>", 0, marker_at) : marker_at]


def test_an_optional_right_left_out_has_no_marker() -> None:
    import attrs

    from rekisteri.model import Right
    from rekisteri.render import render_notice
    from rekisteri.testing import a_register

    base = a_register()
    register = attrs.evolve(
        base, rights=tuple(r for r in base.rights if r is not Right.PORTABILITY)
    )
    assert "[missing]" not in render_notice(register, locale="en", format="text")


@pytest.mark.parametrize(
    "mechanism", ["standard_contractual_clauses", "binding_corporate_rules", "other_safeguards"]
)
def test_safeguards_without_a_copy_are_marked(mechanism: str) -> None:
    from rekisteri.model import Transfer
    from rekisteri.render import render_notice
    from rekisteri.serialize import structure
    from rekisteri.testing import a_register

    transfer = structure({"destination": "US", "mechanism": mechanism}, Transfer)
    register = a_register(transfers=(transfer,))
    assert "R109" in _codes(register)
    notice = render_notice(register, locale="en", format="text")
    assert "Copy of the safeguards: [missing]" in notice
    with_copy = a_register(
        transfers=(
            structure(
                {
                    "destination": "US",
                    "mechanism": mechanism,
                    "safeguard_copy": "Pyydä kopio tietosuojavastaavalta.",
                },
                Transfer,
            ),
        )
    )
    assert "R109" not in _codes(with_copy)
    assert "[missing]" not in render_notice(with_copy, locale="en", format="text")


# O8: processors are recipients in the record as in the notice and lint.


def test_the_record_counts_processors_as_recipients() -> None:
    import attrs

    from rekisteri.model import NoneStated
    from rekisteri.render import render_record
    from rekisteri.testing import a_register

    base = a_register()
    kept = tuple(x for x in base.none_stated if x is not NoneStated.RECIPIENTS)
    register = attrs.evolve(base, recipients=(), none_stated=kept)
    assert register.processors
    assert "R107" not in _codes(register)
    record = render_record(register, locale="en", format="text")
    assert "[missing]" not in record
    nobody = attrs.evolve(register, processors=())
    assert "R107" in _codes(nobody)
    record = render_record(nobody, locale="en", format="text")
    part = record[record.index("d) Categories of recipients") : record.index("e) ")]
    assert "[missing]" in part


# O15: outdated law written with decomposed letters or invisible characters.


@pytest.mark.parametrize(
    ("text", "code", "found"),
    [
        ("henkilo\u0308tietolain mukaisesti", "R301", "henkilo\u0308tietolain"),
        ("Viestinta\u0308viraston ohjeet", "R311", "Viestinta\u0308viraston"),
        ("henkilö\u00adtietolain mukaisesti", "R301", "henkilö\u00adtietolain"),
        ("henkilö\u200btietolain mukaisesti", "R301", "henkilö\u200btietolain"),
        ("Tämä rekisteri\u00adseloste on laadittu.", "R308", "rekisteri\u00adseloste"),
        ("x henkilo\u0308\u00adtietolain 24 §:n mukaan", "R303", None),
    ],
)
def test_outdated_law_is_found_as_it_reads(text: str, code: str, found: str | None) -> None:
    from rekisteri.lint import find_outdated, lint
    from rekisteri.testing import a_register

    matches = find_outdated(text)
    assert [m.reference.code for m in matches] == [code]
    match = matches[0]
    assert text[match.start : match.end] == match.text
    if found is not None:
        assert match.text == found
    register = a_register(description=LocalizedText(fi=text))
    assert code in {f.code for f in lint(register)}


def test_find_outdated_refuses_what_is_not_text() -> None:
    from rekisteri.lint import find_outdated

    with pytest.raises(RekisteriError) as caught:
        find_outdated(None)  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)


# O7: wrong argument types are typed errors.


@pytest.mark.parametrize(
    "document",
    [
        {"controller": {"name": "Esimerkki Oy"}, 1: 2},
        {"controller": {"name": "Esimerkki Oy", (1, 2): 2}},
        {"controller": {"name": "Esimerkki Oy"}, None: 2, "bogus": 1},
    ],
)
def test_a_key_that_is_not_a_string_is_a_document_problem(document: dict[object, object]) -> None:
    from rekisteri.errors import InvalidDocumentError
    from rekisteri.serialize import structure

    with pytest.raises(InvalidDocumentError, match="not shown"):
        structure(document, Register)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", [5, None, b"register.toml", 1.5])
def test_load_register_refuses_what_is_not_a_path(path: object) -> None:
    from rekisteri.errors import ModelTypeError
    from rekisteri.serialize import load_register

    with pytest.raises(ModelTypeError, match="path"):
        load_register(path)  # type: ignore[arg-type]


# O2, O3, O4: JSON-LD.


def test_keys_shaped_like_identity_codes_keep_their_nodes_apart() -> None:
    from rekisteri.jsonld import dumps, to_jsonld
    from rekisteri.model import DataCategory, LegalBasis, Purpose

    keys = ("010594y9032", "010594y9021")
    register = Register(
        controller=Controller(name="Esimerkki Oy"),
        data_categories=tuple(
            DataCategory(key=key, name=LocalizedText(fi=f"Tiedot {n}"))
            for n, key in enumerate(keys)
        ),
        purposes=tuple(
            Purpose(
                key=key,
                name=LocalizedText(fi=f"Tarkoitus {n}"),
                legal_basis=LegalBasis.CONTRACT,
                data_categories=(key,),
            )
            for n, key in enumerate(keys)
        ),
    )
    document = to_jsonld(register)
    data = document["hasPersonalData"]
    purposes = document["hasPurpose"]
    assert isinstance(data, list)
    assert isinstance(purposes, list)
    assert [node["@id"] for node in data] == ["_:data-K1", "_:data-K2"]
    assert [node["@id"] for node in purposes] == ["_:purpose-K1", "_:purpose-K2"]
    assert [node["hasPersonalData"] for node in purposes] == [["_:data-K1"], ["_:data-K2"]]
    text = dumps(register)
    assert "9032" not in text
    assert "9021" not in text
    plain = to_jsonld(
        Register(
            controller=Controller(name="Oy"),
            data_categories=(DataCategory(key="contact", name=LocalizedText(fi="Yhteystiedot")),),
        )
    )
    assert plain["hasPersonalData"][0]["@id"] == "_:data-contact"  # type: ignore[index]


def test_jsonld_states_the_fixed_date_passivation_and_provision_requirement() -> None:
    from datetime import date

    from rekisteri.jsonld import to_jsonld
    from rekisteri.model import Duration, RetentionRule, RetentionTrigger

    rule = RetentionRule(
        trigger=RetentionTrigger.FIXED_DATE,
        fixed_date=date(2031, 5, 17),
        period=Duration(months=3),
        passivate=True,
    )
    register = Register(
        controller=Controller(name="Esimerkki Oy"),
        retention=(rule,),
        provision_requirement=LocalizedText(fi="Tietojen antaminen on vapaaehtoista."),
    )
    document: Any = to_jsonld(register)
    [node] = document["hasStorageCondition"]
    assert node["fixedDate"] == "2031-05-17"
    assert node["passivate"] is True
    assert document["provisionRequirement"] == {"fi": "Tietojen antaminen on vapaaehtoista."}
    plain: Any = to_jsonld(attrs_evolve_rule(register))
    [other] = plain["hasStorageCondition"]
    assert "fixedDate" not in other
    assert "passivate" not in other


def attrs_evolve_rule(register: Register) -> Register:
    import attrs

    from rekisteri.model import RetentionTrigger

    rule = attrs.evolve(
        register.retention[0],
        trigger=RetentionTrigger.END_OF_CUSTOMER_RELATIONSHIP,
        fixed_date=None,
        passivate=False,
    )
    return attrs.evolve(register, retention=(rule,))


# O19: a special_category_law without a condition is stated, not dropped.


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_a_national_provision_without_a_condition_is_stated(fmt: Any) -> None:
    import attrs

    from rekisteri.render import render_notice, render_record
    from rekisteri.testing import a_register

    base = a_register()
    law = LocalizedText(fi="Erityislaki 1/2000", en="Special Act 1/2000")
    purpose = attrs.evolve(base.purposes[0], special_category_law=law)
    assert purpose.special_category_condition is None
    register = attrs.evolve(base, purposes=(purpose, *base.purposes[1:]))
    for render in (render_notice, render_record):
        assert "Special Act 1/2000" in render(register, locale="en", format=fmt)
        assert "Erityislaki 1/2000" in render(register, locale="fi", format=fmt)


# O23: the association register number is stated in the notice and the record.


@pytest.mark.parametrize(
    ("locale", "label"),
    [
        ("fi", "Yhdistysrekisterinumero"),
        ("sv", "Föreningsregisternummer"),
        ("en", "Association register number"),
    ],
)
def test_the_association_register_number_is_a_row_of_the_controller(
    locale: str, label: str
) -> None:
    from rekisteri.model import ContactPoint
    from rekisteri.render import render_notice, render_record

    register = Register(
        controller=Controller(
            name="Esimerkkikuoro ry",
            association_id="123123",
            contact=ContactPoint(email="kuoro@example.fi"),
        )
    )
    for render in (render_notice, render_record):
        text = render(register, locale=locale, format="text")
        assert f"{label}: 123.123" in text
    plain = Register(controller=Controller(name="Esimerkki Oy"))
    assert label not in render_notice(plain, locale=locale, format="text")


# O5: the schema refuses a blank text given as a plain string.


@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_the_schema_refuses_a_blank_plain_text(blank: str) -> None:
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

    from rekisteri.serialize import json_schema

    validator = Draft202012Validator(json_schema())
    assert validator.is_valid({"controller": {"name": "Esimerkki Oy"}, "name": "Rekisteri"})
    assert not validator.is_valid({"controller": {"name": "Esimerkki Oy"}, "name": blank})
    assert not validator.is_valid(
        {"controller": {"name": "Esimerkki Oy"}, "description": {"fi": blank}}
    )


# O10: a special-category condition that is no point of Art 9(2) is an error (R216).


@pytest.mark.parametrize(
    ("condition", "codes"),
    [
        ("9(2)(z)", {"R216"}),
        ("9(3)", {"R216"}),
        ("6(1)(a)", {"R216"}),
        ("terveydenhuolto", {"R216"}),
        ("9(2)(a)", set()),
        ("9(2)(h)", {"R214"}),
        ("9.2 h", {"R214"}),
        ("Art. 9(2)(J)", {"R214"}),
    ],
)
def test_a_condition_must_be_a_point_of_art_9_2(condition: str, codes: set[str]) -> None:
    import attrs

    from rekisteri.lint import lint
    from rekisteri.model import DataCategory, SpecialCategory
    from rekisteri.testing import a_register

    base = a_register()
    health = DataCategory(
        key="health", name=LocalizedText(fi="Terveystiedot"), special=SpecialCategory.HEALTH
    )
    purpose = attrs.evolve(
        base.purposes[0],
        data_categories=(*base.purposes[0].data_categories, "health"),
        special_category_condition=condition,
    )
    register = attrs.evolve(
        base,
        data_categories=(*base.data_categories, health),
        purposes=(purpose, *base.purposes[1:]),
    )
    for locale in ("fi", "sv", "en"):
        findings = lint(register, locale=locale)
        assert {f.code for f in findings} == codes
        for finding in findings:
            if finding.code == "R216":
                assert finding.path == "purposes[0].special_category_condition"
                assert condition in finding.message


# O14: a retention rule's statute (Finnish) is marked lang="fi" in sv/en HTML.


def test_a_statute_is_marked_finnish_in_swedish_and_english_html() -> None:
    from rekisteri.model import RetentionRule
    from rekisteri.render import render_notice, render_record

    rule = RetentionRule(
        description=LocalizedText(fi="Kuusi vuotta", sv="Sex år", en="Six years"),
        statute="kirjanpitolaki 1336/1997 2:10",
    )
    register = Register(controller=Controller(name="Esimerkki Oy"), retention=(rule,))
    for render in (render_notice, render_record):
        for locale in ("sv", "en"):
            page = render(register, locale=locale, format="html")
            assert '<span lang="fi">kirjanpitolaki 1336/1997 2:10</span>' in page
        finnish = render(register, locale="fi", format="html")
        assert "kirjanpitolaki 1336/1997 2:10" in finnish
        assert '<span lang="fi">kirjanpitolaki' not in finnish


# O18: a purpose or retention rule may name a category by the alias the document used.


@pytest.mark.parametrize("alias", ["yhteystiedot"])
def test_a_category_alias_can_be_named_by_purposes_and_retention(
    tmp_path: Path, alias: str
) -> None:
    from rekisteri.categories import ALIASES
    from rekisteri.serialize import load_register

    source = tmp_path / "register.toml"
    source.write_text(
        f'data_categories = ["{alias}"]\n\n[controller]\nname = "Esimerkki Oy"\n\n'
        f'[[purposes]]\nkey = "a"\nname = "Asiakassuhde"\ndata_categories = ["{alias}"]\n\n'
        f'[[retention]]\ndescription = "Asiakkuuden ajan"\ndata_categories = ["{alias}"]\n',
        encoding="utf-8",
    )
    register = load_register(source)
    key = ALIASES[alias]
    assert [c.key for c in register.data_categories] == [key]
    assert register.purposes[0].data_categories == (key,)
    assert register.retention[0].data_categories == (key,)


def test_an_alias_that_is_no_category_of_the_document_is_still_refused() -> None:
    from rekisteri.errors import InvalidDocumentError
    from rekisteri.serialize import structure

    document = {
        "controller": {"name": "Esimerkki Oy"},
        "data_categories": ["contact-details"],
        "purposes": [{"key": "a", "name": "A", "data_categories": ["yhteystiedot"]}],
    }
    with pytest.raises(InvalidDocumentError, match="no data category"):
        structure(document, Register)


# O13: "no cookies" beside a cookie_policy text is a warning (R217).


def test_no_cookies_beside_a_cookie_text_is_a_warning() -> None:
    import attrs

    from rekisteri.lint import Severity, lint
    from rekisteri.model import NoneStated
    from rekisteri.testing import a_register

    text = LocalizedText(fi="Käytämme analytiikkaevästeitä.", en="We use analytics cookies.")
    register = a_register(cookie_policy=text)
    assert NoneStated.COOKIES in register.none_stated
    findings = [f for f in lint(register, locale="en") if f.code == "R217"]
    assert [(f.path, f.severity) for f in findings] == [("cookie_policy", Severity.WARNING)]
    without = attrs.evolve(
        register, none_stated=tuple(x for x in register.none_stated if x is not NoneStated.COOKIES)
    )
    assert "R217" not in {f.code for f in lint(without)}
    assert "R217" not in {f.code for f in lint(a_register())}


# O21: in JSON, the values limit does not count what stands inside strings.


@pytest.mark.parametrize("kind", ["str", "bytes"])
def test_commas_inside_a_json_string_are_no_values(kind: str) -> None:
    from rekisteri.errors import InvalidDocumentError
    from rekisteri.serialize import loads

    text = json.dumps(
        {"controller": {"name": "Esimerkki Oy"}, "description": 'a,[{\\"\n' * 200_000}
    )
    register = loads(text if kind == "str" else text.encode(), Register)
    assert register.description is not None
    many = '{"controller": {"name": "X"}, "rights": [' + ",".join(['"access"'] * 500_001) + "]}"
    with pytest.raises(InvalidDocumentError, match="500000 values"):
        loads(many if kind == "str" else many.encode(), Register)


def test_read_register_counts_json_values_alike() -> None:
    from rekisteri.serialize import read_register

    text = json.dumps({"controller": {"name": "Esimerkki Oy"}, "description": "a," * 600_000})
    assert read_register(text.encode(), format="json").description is not None


# O11 (marks): the implicit direction marks are left out of notices and records.


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c"])
@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_direction_marks_are_left_out_of_the_documents(mark: str, fmt: Any) -> None:
    from rekisteri.model import Address
    from rekisteri.render import render_notice, render_record

    register = Register(
        controller=Controller(
            name=f"Oy 2020{mark}-2026 X",
            address=Address(street=f"Katu 12{mark} 34", postal_code="00100", town="Helsinki"),
        ),
        description=LocalizedText(fi=f"Kuvaus{mark} tässä"),
    )
    assert register.controller.name == f"Oy 2020{mark}-2026 X"  # the model keeps the text
    for render in (render_notice, render_record):
        document = render(register, locale="fi", format=fmt)
        assert mark not in document
        assert "Katu 12 34" in document


# O11 (right-to-left text): a value with right-to-left letters is isolated in HTML.


def test_right_to_left_values_are_isolated_and_latin_ones_are_not() -> None:
    from rekisteri.model import Address
    from rekisteri.render import render_notice, render_record

    register = Register(
        controller=Controller(
            name="\u05d0\u05d1\u05d2 Oy",
            address=Address(street="Katu \u0628 12", postal_code="00100", town="Helsinki"),
        )
    )
    for render in (render_notice, render_record):
        page = render(register, locale="en", format="html")
        assert "<bdi>Katu \u0628 12</bdi>, 00100 Helsinki" in page
        assert "<bdi>\u05d0\u05d1\u05d2 Oy</bdi>" in page
        text = render(register, locale="en", format="text")
        assert "Katu \u0628 12, 00100 Helsinki" in text
        assert "<bdi>" not in text
    latin = Register(
        controller=Controller(
            name="Esimerkki Oy",
            address=Address(street="Katu 12", postal_code="00100", town="Helsinki"),
        )
    )
    assert "<bdi>" not in render_notice(latin, locale="en", format="html")
