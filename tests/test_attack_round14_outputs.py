# mypy: disable-error-code="arg-type,attr-defined,var-annotated,no-any-return,unused-ignore"
# mypy: disable-error-code="no-untyped-call,index,dict-item"
# (This file passes wrong types and odd documents to the public API on purpose.)
"""Second outside attack on the model and its outputs (session 14, helper A13).

Written against the public documents only (README, docs/guides/model.md,
notices.md, lint.md, cli.md, the API reference), the public API and the
``rekisteri`` command. The first attack on these outputs is
``tests/test_attack_model.py``; this file tries what it did not: facts that
must reach every output, the JSON-LD graph as a JSON-LD processor reads it,
the schema against ``structure``, statements that contradict the register.

Tests that expose a bug are ``xfail(strict=True)`` with ``bug On:`` in the
reason (the findings are in /work/coord/A13-FINDINGS.md); the others are
promises that held.
"""

from __future__ import annotations

import copy
import json
import re
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import attrs
import jsonschema  # type: ignore[import-untyped] # no stubs or py.typed
import pytest
from markdown_it import MarkdownIt

from rekisteri.errors import InvalidDocumentError, RekisteriError
from rekisteri.jsonld import dumps as jsonld_dumps
from rekisteri.jsonld import to_jsonld
from rekisteri.lint import find_outdated, lint
from rekisteri.model import (
    ContactPoint,
    Controller,
    DataCategory,
    LocalizedText,
    NoneStated,
    Processor,
    Purpose,
    Recipient,
    Register,
    SubProcessor,
)
from rekisteri.render import render_notice, render_record
from rekisteri.serialize import json_schema, load_register, structure, unstructure
from rekisteri.serialize import loads as loads_document
from rekisteri.testing import a_register

ROOT = Path(__file__).resolve().parent.parent
COMPLETE = ROOT / "examples" / "complete-v2.toml"
LOCALES = ("fi", "sv", "en")
FORMATS = ("md", "html", "text")
SCHEMA = jsonschema.Draft202012Validator(json_schema())

#: Fields whose strings are codes, keys or addresses, not free text.
_NOT_TEXT = frozenset(
    {
        "key",
        "legal_basis",
        "trigger",
        "country",
        "destination",
        "mechanism",
        "kind",
        "special",
        "catalog",
        "dpv",
        "business_id",
        "association_id",
        "email",
        "url",
        "postal_code",
        "special_category_condition",
        "fixed_date",
        "updated",
        "rights",
        "none_stated",
    }
)


def _full_document() -> dict[str, Any]:
    """complete-v2.toml as a document, plus the parts it does not use."""
    doc = unstructure(load_register(COMPLETE))
    doc["automated_decisions"] = [
        {
            "description": {"fi": "Päätös", "sv": "Beslut", "en": "Decision"},
            "logic": {"fi": "Logiikka", "sv": "Logik", "en": "Logic"},
            "significance": {"fi": "Merkitys", "sv": "Betydelse", "en": "Significance"},
        }
    ]
    doc["none_stated"] = []
    doc["rights"] = [*doc["rights"], "automated_decisions"]
    doc["controller"]["representative"] = {
        "name": "Edustaja BV",
        "contact": {
            "email": "rep@example.nl",
            "address": {
                "street": "Straat 1",
                "postal_code": "1000 AA",
                "town": "Amsterdam",
                "country": "NL",
            },
        },
    }
    doc["cookies"].append(
        {
            "name": "_ga",
            "purpose": {"fi": "Analytiikka", "sv": "Analys", "en": "Analytics"},
            "provider": "Analytics Ltd",
            "duration": "2 v",
            "strictly_necessary": False,
            "country": "IE",
        }
    )
    doc["sources"].append(
        {
            "key": "trade-fair",
            "name": {"fi": "Messulista", "sv": "Mässlista", "en": "Fair list"},
            "operator": {"fi": "Messut Oy", "sv": "Mässor Ab", "en": "Fairs Ltd"},
            "data": {"fi": "Nimi", "sv": "Namn", "en": "Name"},
            "publicly_accessible": False,
        }
    )
    doc["data_subjects"][0]["description"] = {
        "fi": "Seuran jäsenet",
        "sv": "Föreningens medlemmar",
        "en": "The members",
    }
    doc["purposes"][0]["description"] = {"fi": "Jäsenmaksut", "sv": "Medlemsavgifter", "en": "Fees"}
    doc["transfers"].append({"description": {"fi": "Tuntematon", "sv": "Okänd", "en": "Unknown"}})
    doc["recipients"].append(
        {
            "name": "Vakuutus Oy",
            "business_id": "0007003-3",
            "description": {"fi": "Vakuutus", "sv": "Försäkring", "en": "Insurance"},
            "country": "SE",
        }
    )
    doc["security"].append(
        {
            "kind": "physical",
            "description": {"fi": "Lukitut tilat", "sv": "Låsta rum", "en": "Locked rooms"},
        }
    )
    return doc


def _text_paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of the free-text strings of a document."""
    found: list[tuple[Any, ...]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _NOT_TEXT or (key == "data_categories" and path):
                continue
            found += _text_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _text_paths(value, (*path, index))
    elif isinstance(node, str):
        found.append(path)
    return found


def _put(doc: dict[str, Any], path: tuple[Any, ...], value: object) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    node: Any = doc
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return doc


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _marked() -> tuple[Register, dict[str, tuple[Any, ...]]]:
    """The full register with every free text replaced by a unique marker."""
    doc = _full_document()
    markers: dict[str, tuple[Any, ...]] = {}
    for number, path in enumerate(_text_paths(doc)):
        marker = f"Mq{number:03d}z"
        doc = _put(doc, path, marker)
        markers[marker] = path
    return structure(doc, Register), markers


def _flat(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------
# Promises that held
# ---------------------------------------------------------------------------


def test_every_free_text_reaches_every_notice() -> None:
    """Every fact of the register reaches the notice.

    Each of the ~240 texts of a register that uses every part, in its language,
    in md, html and text.
    """
    register, markers = _marked()
    outputs = {
        (locale, fmt): _flat(render_notice(register, locale=locale, format=fmt))
        for locale in LOCALES
        for fmt in FORMATS
    }
    missing = [
        (path, locale, fmt)
        for marker, path in markers.items()
        for (locale, fmt), text in outputs.items()
        if (path[-1] == locale or path[-1] not in LOCALES) and marker not in text
    ]
    assert missing == []


def test_every_free_text_is_in_the_jsonld_graph() -> None:
    """Read as RDF (rdflib), the JSON-LD holds every text as a literal.

    No key of the document is dropped for want of a context term (but O4's).
    """
    from rdflib import Graph, Literal

    register, markers = _marked()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        graph = Graph().parse(data=jsonld_dumps(register), format="json-ld")
    literals = " ".join(str(o) for o in graph.objects() if isinstance(o, Literal))
    lost = [path for marker, path in markers.items() if marker not in literals]
    assert [path for path in lost if path[0] != "provision_requirement"] == []


def test_record_holds_every_art_30_text() -> None:
    """Items (a)-(g) of Art 30(1) reach the record.

    Every text of the controller, representative, DPO, joint controllers, purposes,
    data subjects and categories, recipients, processors, transfers, retention and
    security, in every language and format.
    """
    register, markers = _marked()
    art30 = {
        "controller",
        "contact_person",
        "joint_controllers",
        "joint_arrangement",
        "name",
        "purposes",
        "data_subjects",
        "data_categories",
        "recipients",
        "processors",
        "transfers",
        "retention",
        "security",
    }
    outputs = {
        (locale, fmt): _flat(render_record(register, locale=locale, format=fmt))
        for locale in LOCALES
        for fmt in FORMATS
    }
    missing = [
        (path, locale, fmt)
        for marker, path in markers.items()
        if path[0] in art30 and "legitimate_interest" not in path
        for (locale, fmt), text in outputs.items()
        if (path[-1] == locale or path[-1] not in LOCALES) and marker not in text
    ]
    assert missing == []


_MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _md_shape(text: str) -> list[tuple[str, str]]:
    """The structure of a Markdown document: its tokens but text and paragraphs."""
    shape: list[tuple[str, str]] = []

    def walk(tokens: list[Any]) -> None:
        for token in tokens:
            if token.type in {
                "text",
                "softbreak",
                "hardbreak",
                "paragraph_open",
                "paragraph_close",
            }:
                continue
            if token.children:
                walk(token.children)
            if token.type == "inline":
                continue
            shape.append((token.type, str(token.attrs.get("href", ""))))

    walk(_MD.parse(text))
    return shape


_MD_PAYLOADS = [
    "A\n===",
    "A\n---",
    "A\n    code",
    "A\n> q",
    "A\n1. x",
    "A `b",
    "&lt;b&gt; &#42;x&#42;",
    "A\\",
    "<!-- c",
    "[x](javascript:alert(1)) ![i](x.png)",
    "x | y",
    "A\n\n## Fake",
    "A\n```",
]
_MD_PATHS = [
    ("description", "fi"),
    ("controller", "name"),
    ("purposes", 0, "name", "fi"),
    ("purposes", 3, "legitimate_interest", "fi"),
    ("recipients", 0, "description", "fi"),
    ("processors", 0, "sub_processors", 0, "name"),
    ("retention", 1, "statute"),
    ("cookies", 0, "duration"),
    ("rights_exercise", "fi"),
]


@pytest.mark.parametrize("payload", _MD_PAYLOADS)
def test_markdown_structure_does_not_change_with_register_text(payload: str) -> None:
    """Register text can never become a link, HTML or a table column.

    A text with Markdown block or inline syntax leaves the document's tokens as they
    were (more paragraphs only, for a text's own blank lines).
    """
    doc = _full_document()
    register = structure(doc, Register)
    baseline = _md_shape(render_notice(register, format="md"))
    changed = []
    for path in _MD_PATHS:
        hostile = structure(_put(doc, path, _get(doc, path) + " " + payload), Register)
        if _md_shape(render_notice(hostile, format="md")) != baseline:
            changed.append(path)
    assert changed == []


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\ufdd0", "\U0010ffff", "\u2028"])
def test_html_stays_xml_with_noncharacters(char: str) -> None:
    """The markup is also well-formed XML, whatever the characters of the texts.

    Characters XML 1.0 forbids, or that end a line elsewhere, do not break it.
    """
    register = Register(
        controller=Controller(name=f"Oy{char}X"), name=LocalizedText(fi=f"N{char}m")
    )
    for render in (render_notice, render_record):
        ET.fromstring(render(register, locale="en", format="html"))  # noqa: S314 # our own output


def test_identity_codes_in_addresses_and_keys_are_masked_everywhere() -> None:
    """No identity code in any output.

    Not in an e-mail address or URL (link text and target), a phone field, nor in
    keys (JSON-LD blank-node ids and ``key``).
    """
    doc = _full_document()
    doc["purposes"][0]["key"] = "131052-308t"
    doc["data_subjects"][0]["key"] = "010594y9032"
    doc["sources"][3]["key"] = "020594x903p"
    doc["controller"]["contact"]["email"] = "131052-308T@example.fi"
    doc["controller"]["contact"]["url"] = "https://example.fi/131052-308T"
    doc["controller"]["contact"]["phone"] = "131052-308T"
    doc["controller"]["dpo"]["email"] = "dpo+010594Y9032@example.fi"
    register = structure(doc, Register)
    outputs = [jsonld_dumps(register), render_notice(register, format="html", fragment=True)]
    for locale in LOCALES:
        outputs += [f"{f.path} {f.message}" for f in lint(register, locale=locale)]
        for fmt in FORMATS:
            outputs.append(render_notice(register, locale=locale, format=fmt))
            outputs.append(render_record(register, locale=locale, format=fmt))
    code = re.compile(r"(131052|010594|020594)\W{0,3}[-+a-fu-y]\W{0,3}(308|903)", re.IGNORECASE)
    assert [o for o in outputs if code.search(o)] == []


# ---------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------


def _no_transfers(**changes: Any) -> Register:
    base = a_register()
    return attrs.evolve(
        base,
        transfers=(),
        none_stated=(*base.none_stated, NoneStated.TRANSFERS),
        **changes,
    )


_OUTSIDE_EEA = {
    "processor": {
        "processors": (
            Processor(
                name="Mailer Inc.",
                service=LocalizedText(fi="Uutiskirjeet", sv="Nyhetsbrev", en="Newsletters"),
                country="US",
                mechanism="standard_contractual_clauses",
                contract=LocalizedText(fi="Sopimus", sv="Avtal", en="Contract"),
            ),
        )
    },
    "sub-processor": {
        "processors": (
            Processor(
                name="Pilvi Oy",
                service=LocalizedText(fi="Palvelin", sv="Server", en="Server"),
                contract=LocalizedText(fi="Sopimus", sv="Avtal", en="Contract"),
                sub_processors=(
                    SubProcessor(name="Cloud Inc", country="US", mechanism="adequacy_decision"),
                ),
            ),
        )
    },
    "recipient": {
        "recipients": (
            Recipient(
                name="Partner Inc",
                description=LocalizedText(fi="Kumppani", sv="Partner", en="Partner"),
                country="US",
            ),
        )
    },
}


@pytest.mark.parametrize("who", sorted(_OUTSIDE_EEA))
def test_no_false_statement_that_nothing_leaves_the_eea(who: str) -> None:
    """A notice never says nothing leaves the EEA while naming a party outside it.

    Chapter V covers a processor or recipient in a third country (the model itself
    asks a processor outside the EEA for a mechanism, 'as a transfer is'). Either the
    register is refused, or lint reports it, or the notice does not say 'not
    transferred outside the EU or the EEA'.
    """
    try:
        register = _no_transfers(**_OUTSIDE_EEA[who])
    except RekisteriError:
        return
    if any(
        f.path.startswith(("none_stated", "transfers", "processors", "recipients"))
        for f in lint(register)
    ):
        return
    notice = _flat(render_notice(register, locale="en", format="text"))
    record = _flat(render_record(register, locale="en", format="text"))
    said = "not transferred outside the EU or the EEA"
    assert said not in notice
    assert said not in record


def _same_day_keys() -> Register:
    # two DVV test codes (temporary numbers) born the same day with the same sign
    return Register(
        controller=Controller(name="Esimerkki Oy"),
        data_categories=(
            DataCategory(key="010594y9032", name="Terveystiedot", special="health"),
            DataCategory(key="010594y9021", name="Nimi"),
        ),
        purposes=(
            Purpose(
                key="010594y9032",
                name="Työterveys",
                legal_basis="legal_obligation",
                data_categories=("010594y9032",),
                special_category_condition="9(2)(b)",
            ),
            Purpose(
                key="010594y9021",
                name="Markkinointi",
                legal_basis="consent",
                data_categories=("010594y9021",),
            ),
        ),
        rights=("access", "rectification", "erasure", "restriction", "object", "withdraw_consent"),
    )


def test_jsonld_keeps_distinct_purposes_apart() -> None:
    from rdflib import Graph, URIRef

    register = _same_day_keys()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        graph = Graph().parse(data=jsonld_dumps(register), format="json-ld")
    purposes = set(graph.objects(None, URIRef("https://w3id.org/dpv#hasPurpose")))
    data = set(graph.objects(None, URIRef("https://w3id.org/dpv#hasPersonalData")))
    assert (len(purposes), len(data)) == (2, 2)


def test_identity_code_keys_are_not_leaked_by_jsonld() -> None:
    """The part of O2 that held: the keys themselves are masked."""
    text = jsonld_dumps(_same_day_keys())
    assert "9032" not in text
    assert "9021" not in text


def test_jsonld_keeps_the_fixed_date_and_passivation() -> None:
    register = attrs.evolve(
        a_register(),
        retention=(
            *a_register().retention,
            structure(
                {
                    "fixed_date": "2031-05-17",
                    "trigger": "fixed_date",
                    "period": {"months": 3},
                    "passivate": True,
                },
                type(a_register().retention[0]),
            ),
        ),
    )
    record = render_record(register, locale="en", format="text")
    assert "17 May 2031" in record
    assert "taken out of active use" in _flat(record)
    rule = to_jsonld(register)["hasStorageCondition"][-1]
    text = json.dumps(rule)
    assert "2031-05-17" in text
    assert "assiv" in text.lower()


def test_jsonld_keeps_the_provision_requirement() -> None:
    register = a_register(
        provision_requirement=LocalizedText(fi="Tiedot vaaditaan sopimukseen Mq1z.")
    )
    assert "Mq1z" in render_notice(register)
    assert "Mq1z" in jsonld_dumps(register)


def _model_accepts(doc: dict[str, Any]) -> bool:
    try:
        structure(doc, Register)
    except RekisteriError:
        return False
    return True


@pytest.mark.parametrize(
    "path",
    [
        ("name",),
        ("purposes", 0, "name"),
        ("recipients", 0, "description"),
        ("security", 0, "description"),
    ],
)
def test_schema_refuses_a_blank_text_given_as_a_string(path: tuple[Any, ...]) -> None:
    doc = _put(unstructure(a_register()), path, "   ")
    assert SCHEMA.is_valid(doc) == _model_accepts(doc)


_SAYABLE = {
    "business_id shape": (("controller", "business_id"), "hello"),
    "association_id shape": (("controller", "association_id"), "hello"),
    "dpv CURIE shape": (("data_categories", 0, "dpv"), "not an iri"),
    "date before the calendar": (("updated",), "0001-01-01"),
    "zero duration": (("retention", 0, "period"), {"years": 0}),
    "empty duration": (("retention", 0, "period"), {}),
    "duplicate right": (("rights",), ["access", "access"]),
    "Finnish postal code": (("controller", "address"), {"postal_code": "123"}),
    "empty contact point": (("controller", "contact"), {}),
    "whole number written 1.0": (("retention", 0, "period"), {"years": 1.0}),
}


@pytest.mark.parametrize("case", sorted(_SAYABLE))
def test_schema_says_single_field_rules(case: str) -> None:
    """The schema says what the model checks wherever JSON Schema can say it (model.md).

    It names what it cannot say (relations between parts, the Y-tunnus check digit,
    printable text). None of these is one of those.
    """
    path, value = _SAYABLE[case]
    doc = _put(unstructure(a_register()), path, value)
    assert SCHEMA.is_valid(doc) == _model_accepts(doc)


_UNTYPED = {
    "structure: a key that is not a string": lambda: structure(
        {"controller": {"name": "Esimerkki Oy"}, 1: 2}, Register
    ),
    "structure: a nested key that is not a string": lambda: structure(
        {"controller": {"name": "Esimerkki Oy", 1: 2}}, Register
    ),
    "find_outdated(None)": lambda: find_outdated(None),
    "find_outdated(bytes)": lambda: find_outdated(b"henkilotietolaki"),
    "load_register(5)": lambda: load_register(5),
}


@pytest.mark.parametrize("call", sorted(_UNTYPED))
def test_wrong_arguments_are_typed_errors(call: str) -> None:
    """Never a traceback, typed errors: a RekisteriError that is also the builtin."""
    with pytest.raises(RekisteriError) as caught:
        _UNTYPED[call]()
    assert isinstance(caught.value, (TypeError, ValueError))


def test_api_refusals_that_held() -> None:
    """Wrong registers, locales and formats are typed errors everywhere else."""
    register = a_register()
    calls = [
        lambda: render_notice("x"),
        lambda: render_record(None),
        lambda: to_jsonld({}),
        lambda: lint(register, locale=None),
        lambda: render_notice(register, locale="fi_FI"),
        lambda: render_notice(register, format="pdf"),
        lambda: render_notice(register, format="md", fragment=True),
        lambda: structure({"controller": {"name": "X"}, "rights": {"access"}}, Register),
        lambda: structure(
            {"controller": {"name": "X"}, "retention": [{"period": {"years": float("nan")}}]},
            Register,
        ),
        lambda: loads_document(
            b'{"controller":{"name":"X"},"schema_version":' + b"9" * 5000 + b"}", Register
        ),
    ]
    for call in calls:
        with pytest.raises(RekisteriError):
            call()


def _record_sections(text: str) -> dict[str, str]:
    parts = re.split(r"\n([^\n]+)\n-{3,}\n", "\n" + text)
    return {parts[i].strip()[:2]: parts[i + 1] for i in range(1, len(parts), 2)}


def test_record_and_lint_agree_on_recipients() -> None:
    base = a_register()
    register = attrs.evolve(
        base,
        recipients=(),
        none_stated=tuple(x for x in base.none_stated if x is not NoneStated.RECIPIENTS),
    )
    assert register.processors
    codes = {f.code for f in lint(register, locale="en")}
    notice = render_notice(register, locale="en", format="text")
    record = _record_sections(render_record(register, locale="en", format="text"))
    assert "[missing]" not in notice
    assert "R107" in codes or "[missing]" not in record["d)"]


def test_to_toml_round_trips_the_complete_example() -> None:
    import tomllib

    from rekisteri.importer import to_toml

    register = load_register(COMPLETE)
    assert structure(tomllib.loads(to_toml(register)), Register) == register


def test_to_toml_round_trips_texts_with_toml_syntax() -> None:
    """The part of O9 that held: quotes, backslashes, triple quotes and line feeds."""
    import tomllib

    from rekisteri.importer import to_toml

    for text in ['a"""b', 'a""', "a\\nb", "a\\", "a'''b", "a\nb", 'x\n"""', "# c", "\\u0041"]:
        register = Register(
            controller=Controller(name=text.replace("\n", " ")),
            description=LocalizedText(fi=text),
            name=LocalizedText(fi="N", sv=text),
        )
        assert structure(tomllib.loads(to_toml(register)), Register) == register


def _with_special(condition: str) -> Register:
    base = a_register()
    health = DataCategory(
        key="health", name=LocalizedText(fi="Terveys", sv="Hälsa", en="Health"), special="health"
    )
    purpose = attrs.evolve(
        base.purposes[0], data_categories=("health",), special_category_condition=condition
    )
    return attrs.evolve(
        base,
        data_categories=(*base.data_categories, health),
        purposes=(purpose, *base.purposes[1:]),
    )


@pytest.mark.parametrize("condition", ["9(2)(z)", "9(3)", "6(1)(a)", "foo"])
def test_a_special_category_condition_is_an_art_9_2_point(condition: str) -> None:
    try:
        register = _with_special(condition)
    except RekisteriError:
        return
    assert any("special" in f.path or f.code in {"R209", "R215"} for f in lint(register))


#: Implicit bidi marks: LRM, RLM and the Arabic letter mark. They embed nothing, but a
#: strong right-to-left mark reorders the digits and punctuation around it.
_BIDI_MARKS = ["\u200e", "\u200f", "\u061c"]


@pytest.mark.parametrize("mark", _BIDI_MARKS)
def test_bidi_marks_cannot_reorder_a_notice(mark: str) -> None:
    from rekisteri.model import Address

    try:
        register = Register(
            controller=Controller(
                name="Esimerkki Oy",
                address=Address(street=f"Katu 12{mark} 34", postal_code="00100", town="Helsinki"),
            )
        )
    except RekisteriError:
        return
    for fmt in FORMATS:
        assert mark not in render_notice(register, locale="en", format=fmt)


def _cli(*args: str) -> Any:
    from click.testing import CliRunner

    from rekisteri.cli import cli

    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


_SOFT = "Tietosuoja\u00adselosteen yllä\u00adpito"


@pytest.mark.parametrize(
    ("command", "fmt"), [("render", "html"), ("render", "md"), ("record", "text")]
)
def test_cli_notice_keeps_soft_hyphens(tmp_path: Path, command: str, fmt: str) -> None:
    source = tmp_path / "register.toml"
    source.write_text(
        '[controller]\nname = "Esimerkki Oy"\n\n[[purposes]]\nkey = "a"\n'
        f'name = "{_SOFT}"\nlegal_basis = "contract"\n',
        encoding="utf-8",
    )
    out = tmp_path / f"out.{fmt}"
    result = _cli(command, str(source), "-f", fmt, "-o", str(out))
    assert result.exit_code == 0
    written = out.read_text(encoding="utf-8")
    api = (render_notice if command == "render" else render_record)(
        load_register(source), format=fmt
    )
    assert "\\xad" not in written
    assert written == api


def test_cli_jsonld_keeps_soft_hyphens(tmp_path: Path) -> None:
    """The part of O12 that held: JSON-LD carries the character (as a JSON escape)."""
    source = tmp_path / "register.toml"
    source.write_text(f'[controller]\nname = "{_SOFT}"\n', encoding="utf-8")
    out = tmp_path / "out.jsonld"
    assert _cli("jsonld", str(source), "-o", str(out)).exit_code == 0
    assert _SOFT in json.dumps(json.loads(out.read_text(encoding="utf-8")), ensure_ascii=False)


def test_no_cookies_and_a_cookie_text_do_not_stand_together() -> None:
    try:
        register = a_register(
            cookie_policy=LocalizedText(
                fi="Käytämme analytiikkaevästeitä.",
                sv="Vi använder analyskakor.",
                en="We use analytics cookies.",
            )
        )
    except RekisteriError:
        return
    assert NoneStated.COOKIES in register.none_stated
    if any(f.path.startswith(("cookie", "none_stated")) for f in lint(register)):
        return
    notice = _flat(render_notice(register, locale="en", format="text"))
    assert not ("does not use cookies" in notice and "We use analytics cookies." in notice)


def _html_tags(page: str) -> list[tuple[str, ...]]:
    from html.parser import HTMLParser

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[tuple[str, ...]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(("<", tag, *(name for name, _ in attrs)))

        def handle_endtag(self, tag: str) -> None:
            self.tags.append((">", tag))

        def handle_comment(self, data: str) -> None:
            self.tags.append(("!", str(len(data) > 0)))

    parser = Tags()
    parser.feed(page)
    return parser.tags


@pytest.mark.parametrize(
    "payload",
    [
        '"\'><b x="1">&amp;&#x3C;',
        "</p><script>alert(1)</script>",
        "<!--",
        "]]><![CDATA[",
        "{}</style><style>",
    ],
)
def test_html_tags_do_not_change_with_register_text(payload: str) -> None:
    """Every value is escaped.

    The tags and attribute names of notice and record, whole document and fragment,
    stay those of the plain register (nine fields of every kind).
    """
    doc = _full_document()
    plain = structure(doc, Register)
    outputs = [(render_notice, False), (render_notice, True), (render_record, False)]
    baseline = [_html_tags(f(plain, format="html", fragment=frag)) for f, frag in outputs]
    for path in _MD_PATHS:
        hostile = structure(_put(doc, path, _get(doc, path) + payload), Register)
        got = [_html_tags(f(hostile, format="html", fragment=frag)) for f, frag in outputs]
        assert got == baseline, path


def test_the_three_languages_have_the_same_structure() -> None:
    """The same register renders the same facts in fi, sv and en.

    The same tags (but the fallback markers' spans), links and missing markers, for
    notice and record, on the full register, an empty one and 8 random registers.
    """
    from hypothesis import HealthCheck, Phase, given, settings

    from rekisteri.testing.strategies import registers

    def shape(page: str) -> tuple[list[tuple[str, ...]], list[str]]:
        tags = [t for t in _html_tags(page) if t[1] != "span"]
        return tags, re.findall(r'href="([^"]*)"', page)

    def check(register: Register) -> None:
        for render in (render_notice, render_record):
            shapes = [shape(render(register, locale=loc, format="html")) for loc in LOCALES]
            assert shapes[0] == shapes[1] == shapes[2]

    check(structure(_full_document(), Register))
    check(Register(controller=Controller()))

    @settings(
        max_examples=8,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        phases=[Phase.generate],
    )
    @given(registers())
    def random_registers(register: Register) -> None:
        check(register)

    random_registers()


def test_what_the_library_writes_the_schema_accepts() -> None:
    """dumps() of 20 random registers and of the full register validate against json_schema()."""
    from hypothesis import HealthCheck, Phase, given, settings

    from rekisteri.serialize import dumps
    from rekisteri.testing.strategies import registers

    assert SCHEMA.is_valid(json.loads(dumps(structure(_full_document(), Register))))

    @settings(
        max_examples=20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        phases=[Phase.generate],
    )
    @given(registers())
    def random_registers(register: Register) -> None:
        assert SCHEMA.is_valid(json.loads(dumps(register)))

    random_registers()


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_a_finnish_statute_is_marked_in_swedish_and_english(locale: str) -> None:
    page = render_notice(load_register(COMPLETE), locale=locale, format="html")
    cell = re.search(r"<td[^>]*>([^<]*(?:<[^>]*>[^<]*)*?)kirjanpitolaki 1336/1997 2:10", page)
    if cell is None:  # translated
        return
    start = page.rfind("<td", 0, cell.end())
    end = page.find("</td>", cell.end())
    assert 'lang="fi"' in page[start:end] or "rk-fallback" in page[start:end]


_HIDDEN_LAW = {
    "decomposed ö (NFD)": "henkilo\u0308tietolain mukaisesti",
    "decomposed ä (NFD), Viestintävirasto": "Viestinta\u0308viraston ohjeiden mukaisesti",
    "soft hyphen": "henkilö\u00adtietolain mukaisesti",
    "zero-width space": "henkilö\u200btietolain mukaisesti",
    "soft hyphen in rekisteriseloste": "Tämä rekisteri\u00adseloste on laadittu.",
}


@pytest.mark.parametrize("case", sorted(_HIDDEN_LAW))
def test_outdated_references_are_found_in_any_spelling(case: str) -> None:
    register = a_register(description=LocalizedText(fi=_HIDDEN_LAW[case]))
    assert {f.code for f in lint(register)} & {"R301", "R308", "R311"}


def test_identity_codes_are_masked_in_any_spelling() -> None:
    """The recogniser that O15's search lacks: invisible and wide characters do not hide a code."""
    for spelling in [
        "131052-308\u00adT",
        "131052-\u200b308T",
        "1310\u200d52-308T",
        "131052\u2011308T",
        "１３１０５２－３０８Ｔ",
        "131052-\ufeff308T",
        "131052-\U000e0030308T",
    ]:
        register = Register(controller=Controller(name=f"Toiminimi {spelling} Oy"))
        assert "R320" in {f.code for f in lint(register)}
        text = render_notice(register, locale="en", format="text")
        assert "308" not in text
        assert "３０８" not in text


_INVISIBLE = ["\u200b", "\ufeff", "\u00ad", "\u2060", "\u3164", "\u2800", "\U000e0020"]


@pytest.mark.parametrize("char", _INVISIBLE)
def test_an_invisible_name_is_blank(char: str) -> None:
    try:
        register = a_register(controller=attrs.evolve(a_register().controller, name=char))
    except RekisteriError:
        return
    assert "R101" in {f.code for f in lint(register)}


def _without_right(right: str) -> Register:
    base = a_register()
    return attrs.evolve(base, rights=tuple(r for r in base.rights if r.value != right))


_SILENT_GAPS = {
    "R112 (error): no right of access": lambda: _without_right("access"),
    "R112 (error): no right to erasure": lambda: _without_right("erasure"),
    "R113 (error): no right to object": lambda: _without_right("object"),
    "R109: SCC without a way to obtain a copy": lambda: a_register(
        transfers=(
            structure(
                {"destination": "US", "mechanism": "standard_contractual_clauses"},
                type(a_register().transfers[0]),
            ),
        )
    ),
}


@pytest.mark.parametrize("case", sorted(_SILENT_GAPS))
def test_what_lint_calls_missing_is_marked_in_the_notice(case: str) -> None:
    """A missing item is marked, never silently left out (notices.md).

    lint.md's table: the notice shows what the register says 'or [puuttuu] where the
    GDPR requires the item'.
    """
    register = _SILENT_GAPS[case]()
    if case[:4] in {f.code for f in lint(register)}:
        assert "[missing]" in render_notice(register, locale="en", format="text")


@pytest.mark.parametrize("part", ["purposes", "retention"])
def test_a_category_alias_can_be_referred_to(part: str) -> None:
    item: dict[str, Any] = {"data_categories": ["yhteystiedot"]}
    item |= {"key": "p", "name": "P"} if part == "purposes" else {"description": "Asiakkuuden ajan"}
    doc = {
        "controller": {"name": "Esimerkki Oy"},
        "data_categories": ["yhteystiedot"],
        part: [item],
    }
    problems: tuple[str, ...] = ()
    try:
        structure(doc, Register)
    except InvalidDocumentError as exc:
        problems = exc.problems
    # refusing the alias where it is given is a fix too
    assert all(p.startswith("data_categories") for p in problems)


def test_a_special_category_law_is_never_dropped() -> None:
    base = a_register()
    law = LocalizedText(fi="Lakiq19", sv="Lakiq19", en="Lakiq19")
    try:
        purpose = attrs.evolve(base.purposes[0], special_category_law=law)
        register = attrs.evolve(base, purposes=(purpose, *base.purposes[1:]))
    except RekisteriError:
        return
    assert "Lakiq19" in jsonld_dumps(register)
    if lint(register):
        return
    assert "Lakiq19" in render_notice(register, locale="en", format="text")


def test_lint_text_report_is_one_line_per_finding(tmp_path: Path) -> None:
    source = tmp_path / "register.toml"
    source.write_text(
        '[controller]\nname = "Esimerkki Oy"\n\n[[purposes]]\nkey = "a"\n'
        'name = "Myynti\\n0 findings: 0 errors, 0 warnings, 0 info'
        '\\ncontroller.name: R101 error x"\n',
        encoding="utf-8",
    )
    result = _cli("lint", str(source), "--exit-zero")
    findings = lint(load_register(source))
    lines = result.stdout.splitlines()
    assert len(lines) == len(findings) + 1
    assert all(re.match(r"^\S+: R\d{3} (error|warning|info) ", line) for line in lines[:-1])


def test_an_error_about_a_file_is_one_line(tmp_path: Path) -> None:
    result = _cli("render", str(tmp_path / "nope\nfake.toml"))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1


def test_the_values_limit_counts_values() -> None:
    from rekisteri.serialize import loads

    document = json.dumps({"controller": {"name": "Esimerkki Oy"}, "description": "a," * 600_000})
    assert loads(document.encode(), Register).description is not None


@pytest.mark.parametrize("tag", ["\U000e0030", "\U000e0041", "\U000e0001", "\U000e007f"])
def test_reprs_mask_a_code_with_a_tag_character(tag: str) -> None:
    from rekisteri.identifiers import hetu

    text = f"Yhteyshenkilö 131052-{tag}308T"
    assert "308T" not in hetu.redact(text)
    register = Register(controller=Controller(name=text), description=LocalizedText(fi=text))
    assert "308T" not in render_notice(register, format="text")
    for shown in (repr(register.description), repr(register.controller), repr(register)):
        assert "308T" not in shown


@pytest.mark.parametrize("render", [render_notice, render_record])
def test_the_association_register_number_is_stated(render: Any) -> None:
    register = Register(
        controller=Controller(
            name="Esimerkkikuoro ry",
            association_id="123123",
            contact=ContactPoint(email="kuoro@example.fi"),
        )
    )
    assert "123.123" in jsonld_dumps(register)
    for locale in LOCALES:
        for fmt in FORMATS:
            assert "123.123" in render(register, locale=locale, format=fmt)


def test_every_dpv_term_used_is_in_the_documented_list() -> None:
    from rdflib import Graph, URIRef

    guide = (ROOT / "docs" / "guides" / "lint.md").read_text(encoding="utf-8")
    section = guide[guide.index("## JSON-LD with the Data Privacy Vocabulary") :]
    register = structure(_full_document(), Register)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        graph = Graph().parse(data=jsonld_dumps(register), format="json-ld")
    used = {str(p) for _, p, _ in graph} | {str(o) for _, _, o in graph if isinstance(o, URIRef)}
    dpv = "https://w3id.org/dpv#"
    terms = sorted("dpv:" + iri[len(dpv) :] for iri in used if iri.startswith(dpv))
    assert [term for term in terms if term not in section] == []


def test_right_to_left_text_is_isolated_in_html() -> None:
    from rekisteri.model import Address

    register = Register(
        controller=Controller(
            name="Esimerkki Oy",
            address=Address(street="Katu \u0628 12", postal_code="00100", town="Helsinki"),
        )
    )
    page = render_notice(register, locale="en", format="html")
    at = page.index("Katu \u0628 12")
    opening = page.rfind("<", 0, at)
    isolated = page[opening : opening + 4] == "<bdi" or "dir=" in page[opening:at]
    assert isolated or page[at - 1] in "\u2068\u2067\u2066"


@pytest.mark.parametrize("charset", ["iso8859-15", "latin-1"])
@pytest.mark.parametrize("command", ["render", "record", "lint"])
def test_a_latin_1_terminal_gets_no_traceback(charset: str, command: str) -> None:
    from click.testing import CliRunner

    from rekisteri.cli import cli

    register = ROOT / "examples" / "digicenter.toml"
    result = CliRunner(charset=charset).invoke(cli, [command, str(register), "-f", "text"])
    assert not isinstance(result.exception, UnicodeError)
    # lint exits 1 for digicenter's errors; render and record 0, or 2 with a one-line error
    assert result.exit_code in ({0, 1, 2} if command == "lint" else {0, 2})


def test_no_false_statement_beside_a_third_country_cookie() -> None:
    from rekisteri.model import Cookie

    cookie = Cookie(
        name="_ga",
        purpose=LocalizedText(fi="Kävijätilastot", sv="Besöksstatistik", en="Visitor statistics"),
        provider="Analytics Ltd",
        country="US",
    )
    try:
        register = attrs.evolve(
            a_register(),
            transfers=(),
            cookies=(cookie,),
            none_stated=(NoneStated.AUTOMATED_DECISIONS, NoneStated.TRANSFERS),
        )
    except RekisteriError:
        return
    if any(f.path.startswith(("none_stated", "transfers", "cookies")) for f in lint(register)):
        return
    notice = _flat(render_notice(register, locale="en", format="text"))
    assert "United States" in notice
    assert "not transferred outside the EU or the EEA" not in notice
