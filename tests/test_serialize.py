"""Tests for :mod:`rekisteri.serialize`: JSON, TOML and JSON Schema."""

from __future__ import annotations

import json
import pickle
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator  # type: ignore[import-untyped] # no stubs installed

from rekisteri import serialize
from rekisteri.errors import InvalidDocumentError, RekisteriError
from rekisteri.model import (
    SCHEMA_VERSION,
    Controller,
    LegalBasis,
    LocalizedText,
    Purpose,
    Register,
    RetentionTrigger,
    Right,
    SecurityKind,
    SpecialCategory,
    TransferMechanism,
)
from rekisteri.serialize import dumps, json_schema, load_register, loads, structure, unstructure
from rekisteri.sources import ASIAKASTIETO, CATALOG, YTJ
from rekisteri.testing.strategies import (
    controllers,
    localized_texts,
    purposes,
    registers,
    retention_rules,
    sources,
    transfers,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from enum import StrEnum

ROOT = Path(__file__).parent.parent
SCHEMA_FILE = ROOT / "src" / "rekisteri" / "register.schema.json"
REGENERATE = "rekisteri schema -o src/rekisteri/register.schema.json"

#: DVV's published fictitious henkilötunnus: it must never appear in a message.
HETU = "131052-308T"

VALIDATOR = Draft202012Validator(json_schema())

LEGAL_BASES = (
    "consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests"
)


def document(**fields: object) -> dict[str, object]:
    """A register document with a controller and *fields*."""
    return {"controller": {"name": "Esimerkki Oy"}, **fields}


def problems(data: object, cls: type[object] = Register) -> tuple[str, ...]:
    """The problems that loads() reports for *data*, sent as JSON."""
    with pytest.raises(InvalidDocumentError) as info:
        loads(orjson.dumps(data), cls)
    return info.value.problems


def error_text(data: object) -> str:
    """Everything an InvalidDocumentError for *data* shows: str, repr and problems."""
    with pytest.raises(InvalidDocumentError) as info:
        loads(orjson.dumps(data), Register)
    return f"{info.value} {info.value!r} {info.value.problems} {info.value.args}"


class TestRoundTrip:
    @given(registers())
    def test_json(self, register: Register) -> None:
        """Every valid register survives dumps and loads unchanged."""
        assert loads(dumps(register), Register) == register

    @given(registers())
    def test_plain_data(self, register: Register) -> None:
        """Every valid register survives unstructure and structure unchanged."""
        assert structure(unstructure(register), Register) == register

    @settings(max_examples=25)
    @given(registers())
    def test_detailed_converter(self, register: Register) -> None:
        """The detailed converter, which reports problems, reads what dumps writes too."""
        converter = serialize.make_converter(detailed_validation=True)
        assert converter.structure(orjson.loads(dumps(register)), Register) == register

    @settings(max_examples=25)
    @given(registers())
    def test_indented(self, register: Register) -> None:
        """Indented JSON reads back the same."""
        data = dumps(register, indent=True)
        assert data.startswith(b'{\n  "')
        assert loads(data, Register) == register

    @given(
        st.one_of(
            localized_texts(),
            controllers(),
            purposes(),
            sources(),
            transfers(),
            retention_rules(),
        )
    )
    def test_parts(self, obj: object) -> None:
        """Parts of a register round-trip on their own too."""
        assert loads(dumps(obj), type(obj)) == obj

    def test_defaults_are_left_out(self) -> None:
        """A minimal register is written minimally, with its schema_version."""
        register = Register(controller=Controller(name="Esimerkki Oy"))
        assert dumps(register) == b'{"controller":{"name":"Esimerkki Oy"},"schema_version":2}'

    def test_catalog_sources_are_written_in_full(self) -> None:
        """A catalog source is written out, so a reader needs no catalog."""
        assert unstructure(ASIAKASTIETO)["business_id"] == "0111027-9"
        assert loads(dumps(ASIAKASTIETO), type(ASIAKASTIETO)) == ASIAKASTIETO

    def test_converters_are_not_shared(self) -> None:
        """make_converter() returns a new converter each time."""
        assert serialize.make_converter() is not serialize.make_converter()


class TestJsonOutput:
    @settings(max_examples=50)  # a cheap check; the round trips draw more
    @given(registers())
    def test_is_json_with_schema_version(self, register: Register) -> None:
        """The dumps function writes JSON that any parser reads, with schema_version 2."""
        parsed = json.loads(dumps(register))
        assert isinstance(parsed, dict)
        assert parsed["schema_version"] == 2
        # Defaults are omitted from documents, a missing name among them.
        assert parsed["controller"].get("name") == register.controller.name

    def test_enums_are_written_as_wire_values(self) -> None:
        """StrEnums are written as their wire values."""
        register = Register(
            controller=Controller(name="Oy"),
            purposes=(
                Purpose(key="p", name=LocalizedText(fi="P"), legal_basis=LegalBasis.CONSENT),
            ),
            rights=(Right.WITHDRAW_CONSENT,),
        )
        parsed = json.loads(dumps(register))
        assert parsed["purposes"][0]["legal_basis"] == "consent"
        assert parsed["rights"] == ["withdraw_consent"]

    def test_dates_are_iso(self) -> None:
        """Dates are written as YYYY-MM-DD."""
        register = Register(controller=Controller(name="Oy"), updated=date(2025, 5, 20))
        assert json.loads(dumps(register))["updated"] == "2025-05-20"


class TestJsonSchema:
    def test_is_a_valid_2020_12_schema(self) -> None:
        """The generated schema is itself valid JSON Schema 2020-12."""
        schema = json_schema()
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"

    @given(registers())
    def test_every_document_validates(self, register: Register) -> None:
        """Every document that dumps writes is valid under the schema."""
        errors = [error.message for error in VALIDATOR.iter_errors(orjson.loads(dumps(register)))]
        assert errors == []

    def test_committed_schema_is_current(self) -> None:
        """The schema shipped in the package is exactly what json_schema() generates."""
        expected = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
        committed = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
        assert committed == expected, f"the committed schema is stale; run: {REGENERATE}"

    @pytest.mark.parametrize(("years", "valid"), [(6.0, True), (6.5, False), (float("inf"), False)])
    def test_a_whole_number_may_be_written_with_a_point_zero(
        self,
        years: float,
        valid: bool,  # noqa: FBT001 - a parameter of the case
    ) -> None:
        """The schema and loads agree that JSON's 6.0 is the whole number 6 (A13's O6)."""
        data = document(retention=[{"period": {"years": years}, "trigger": "collection"}])
        assert VALIDATOR.is_valid(data) is valid
        if valid:
            period = loads(orjson.dumps(data), Register).retention[0].period
            assert period is not None
            assert period.years == 6
            assert type(period.years) is int
        else:
            assert problems(data)

    def test_unknown_keys_are_invalid(self) -> None:
        """The schema is as strict as loads: an unknown key is an error."""
        data = document(retension=[])
        assert not VALIDATOR.is_valid(data)
        assert any("retension" in problem for problem in problems(data))

    def test_shorthands_are_valid(self) -> None:
        """Plain strings for texts and catalog keys for sources are valid, as loads reads them."""
        data = document(name="Asiakasrekisteri", sources=["ytj", {"key": "crm", "name": "CRM"}])
        assert VALIDATOR.is_valid(data)
        assert loads(orjson.dumps(data), Register).sources[0] is YTJ

    def test_enums_match_the_model(self) -> None:
        """The schema lists exactly the wire values of each enum."""
        defs = json_schema()["$defs"]
        basis = defs["Purpose"]["properties"]["legal_basis"]["anyOf"][0]
        assert basis == {"enum": [b.value for b in LegalBasis]}
        assert defs["Register"]["properties"]["rights"]["items"] == {
            "enum": [r.value for r in Right]
        }

    def test_catalog_keys_are_listed(self) -> None:
        """Every catalog key is a valid source in the schema."""
        source = json_schema()["$defs"]["Register"]["properties"]["sources"]["items"]
        assert source["anyOf"][0] == {"enum": sorted(CATALOG)}

    def test_required_fields(self) -> None:
        """Fields without a default are required; a register needs only its controller."""
        defs = json_schema()["$defs"]
        assert defs["Register"]["required"] == ["controller"]
        assert defs["LocalizedText"]["required"] == ["fi"]
        assert not VALIDATOR.is_valid({"schema_version": 1})


class TestLoadRegister:
    TOML = """
schema_version = 1
name = "Asiakasrekisteri"
updated = 2025-05-20
sources = ["ytj", { key = "crm", name = { fi = "Asiakkuudenhallinta", en = "CRM" } }]
rights = ["access", "withdraw_consent"]

[controller]
name = "Esimerkki Oy"
business_id = "357502-9"

[[data_categories]]
key = "contact"
name = "Yhteystiedot"

[[purposes]]
key = "newsletter"
name = { fi = "Uutiskirje", sv = "Nyhetsbrev" }
legal_basis = "consent"
data_categories = ["contact"]
"""

    @staticmethod
    def expected() -> Register:
        """The register that TOML describes, from JSON."""
        return loads(
            orjson.dumps(
                {
                    "name": {"fi": "Asiakasrekisteri"},
                    "updated": "2025-05-20",
                    "sources": [
                        "ytj",
                        {"key": "crm", "name": {"fi": "Asiakkuudenhallinta", "en": "CRM"}},
                    ],
                    "rights": ["access", "withdraw_consent"],
                    "controller": {"name": "Esimerkki Oy", "business_id": "0357502-9"},
                    "data_categories": [{"key": "contact", "name": "Yhteystiedot"}],
                    "purposes": [
                        {
                            "key": "newsletter",
                            "name": {"fi": "Uutiskirje", "sv": "Nyhetsbrev"},
                            "legal_basis": "consent",
                            "data_categories": ["contact"],
                        }
                    ],
                }
            ),
            Register,
        )

    def test_toml(self, tmp_path: Path) -> None:
        """A TOML file with dates, plain-string texts and catalog keys is read."""
        path = tmp_path / "register.toml"
        path.write_text(self.TOML, encoding="utf-8")
        register = load_register(path)
        assert register == self.expected()
        assert register.updated == date(2025, 5, 20)
        assert register.sources[0] is YTJ
        assert register.controller.business_id == "0357502-9"

    def test_json(self, tmp_path: Path) -> None:
        """A JSON file written by dumps is read back, from a str path too."""
        path = tmp_path / "register.json"
        path.write_bytes(dumps(self.expected(), indent=True))
        assert load_register(str(path)) == self.expected()

    def test_suffix_case_does_not_matter(self, tmp_path: Path) -> None:
        """REGISTER.TOML is a TOML file."""
        path = tmp_path / "REGISTER.TOML"
        path.write_text(self.TOML, encoding="utf-8")
        assert load_register(path) == self.expected()

    @pytest.mark.parametrize("name", ["register.yaml", "register.txt", "register"])
    def test_unsupported_suffix(self, tmp_path: Path, name: str) -> None:
        """Only .toml and .json files are read."""
        path = tmp_path / name
        path.write_text("{}", encoding="utf-8")
        with pytest.raises(InvalidDocumentError, match=r"expected a \.toml or \.json file"):
            load_register(path)

    def test_missing_file_is_an_os_error(self, tmp_path: Path) -> None:
        """A file that does not exist raises the OSError that open() gives."""
        with pytest.raises(FileNotFoundError):
            load_register(tmp_path / "missing.toml")

    def test_invalid_toml(self, tmp_path: Path) -> None:
        """Malformed TOML is reported with its position."""
        path = tmp_path / "register.toml"
        path.write_text('[controller]\nname = "Oy\n', encoding="utf-8")
        with pytest.raises(InvalidDocumentError) as info:
            load_register(path)
        (problem,) = info.value.problems
        assert problem.startswith("not valid TOML")
        assert "line 2" in problem

    def test_toml_errors_do_not_quote_keys(self, tmp_path: Path) -> None:
        """A TOML error about a key does not repeat the key, which may be personal data."""
        path = tmp_path / "register.toml"
        path.write_text(f"[{HETU}]\na = 1\n[{HETU}]\nb = 2\n", encoding="utf-8")
        with pytest.raises(InvalidDocumentError) as info:
            load_register(path)
        (problem,) = info.value.problems
        assert problem.startswith("not valid TOML: Cannot declare")
        assert "line 3" in problem
        assert HETU not in problem

    def test_non_utf8_toml(self, tmp_path: Path) -> None:
        """A TOML file in Latin-1 is refused: TOML is UTF-8."""
        path = tmp_path / "register.toml"
        path.write_bytes('[controller]\nname = "Ääninen Oy"\n'.encode("latin-1"))
        with pytest.raises(InvalidDocumentError, match="must be UTF-8"):
            load_register(path)

    def test_deeply_nested_toml(self, tmp_path: Path) -> None:
        """A TOML file nested 500 levels deep is an invalid document, not a crash."""
        path = tmp_path / "register.toml"
        path.write_text("[controller]\nname = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
        with pytest.raises(InvalidDocumentError):
            load_register(path)

    def test_invalid_json(self, tmp_path: Path) -> None:
        """Malformed JSON is reported with its position."""
        path = tmp_path / "register.json"
        path.write_text('{"controller": {"name": "Oy"}', encoding="utf-8")
        with pytest.raises(InvalidDocumentError, match=r"not valid JSON \(line 1, column"):
            load_register(path)

    def test_non_utf8_json(self, tmp_path: Path) -> None:
        """A JSON file in Latin-1 is not valid JSON."""
        path = tmp_path / "register.json"
        path.write_bytes('{"controller": {"name": "Ääninen Oy"}}'.encode("latin-1"))
        with pytest.raises(InvalidDocumentError, match="not valid JSON"):
            load_register(path)

    @pytest.mark.parametrize("text", ["[]", '"register"', "1", "null", "true"])
    def test_json_must_be_an_object(self, tmp_path: Path, text: str) -> None:
        """A JSON document that is not an object is refused as such."""
        path = tmp_path / "register.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InvalidDocumentError) as info:
            load_register(path)
        assert info.value.problems == ("expected a JSON object at the top level",)


class TestWrongTypes:
    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            ({"controller": {"name": 5}}, "controller.name: expected a string"),
            ({"controller": {"name": True}}, "controller.name: expected a string"),
            (
                document(data_categories=[{"key": "c", "name": "C", "criminal": "false"}]),
                "data_categories[0].criminal: expected true or false",
            ),
            (
                document(data_categories=[{"key": "c", "name": "C", "criminal": 0}]),
                "data_categories[0].criminal: expected true or false",
            ),
            (
                document(retention=[{"period": {"years": 6.5}, "trigger": "collection"}]),
                "retention[0].period.years: expected a whole number",
            ),
            (
                document(retention=[{"period": {"years": "6"}, "trigger": "collection"}]),
                "retention[0].period.years: expected a whole number",
            ),
            (
                document(retention=[{"period": {"years": True}, "trigger": "collection"}]),
                "retention[0].period.years: expected a whole number",
            ),
            (document(updated=20250520), "updated: expected a date YYYY-MM-DD"),
            (document(updated="2025-02-30"), "updated: expected a date YYYY-MM-DD"),
            (document(purposes="billing"), "purposes: expected a list"),
            (document(rights="access"), "rights: expected a list"),
            (
                document(
                    data_categories=[{"key": "c", "name": "C"}],
                    purposes=[{"key": "p", "name": "P", "data_categories": "c"}],
                ),
                "purposes[0].data_categories: expected a list",
            ),
        ],
    )
    def test_is_reported_with_its_path(self, data: object, expected: str) -> None:
        """A value of the wrong type is one problem, at its path, saying what was expected."""
        assert problems(data) == (expected,)

    @pytest.mark.parametrize(
        ("data", "path"),
        [
            (document(name=[1, 2]), "name"),
            (document(purposes={"key": "p"}), "purposes"),
            (document(controller="Esimerkki Oy"), "controller"),
            (document(controller=None), "controller"),
            (document(complaint_authority=None), "complaint_authority"),
            (document(rights=None), "rights"),
            (document(sources=[5]), "sources[0]"),
        ],
    )
    def test_wrong_shapes_are_reported_at_their_path(self, data: object, path: str) -> None:
        """A list, object or null where something else belongs is reported at its path."""
        (problem,) = problems(data)
        assert problem.startswith(f"{path}: ")


class TestEnums:
    @pytest.mark.parametrize("value", ["CONSENT", "Consent", "LegalBasis.CONSENT", "", 0, None])
    def test_only_wire_values(self, value: object) -> None:
        """A legal basis is accepted only as its exact wire value."""
        data = document(purposes=[{"key": "p", "name": "P", "legal_basis": value}])
        if value is None:  # the basis is optional: null means not stated
            assert loads(orjson.dumps(data), Register).purposes[0].legal_basis is None
        else:
            assert problems(data) == (f"purposes[0].legal_basis: expected one of {LEGAL_BASES}",)

    def test_unknown_value_lists_the_choices(self) -> None:
        """An unknown right is reported with every right there is."""
        (problem,) = problems(document(rights=["access", "be_forgotten"]))
        assert problem == "rights[1]: expected one of " + ", ".join(r.value for r in Right)

    @pytest.mark.parametrize(
        ("enum", "build", "read"),
        [
            (
                LegalBasis,
                lambda v: document(
                    purposes=[
                        {"key": "p", "name": "P", "legal_basis": v}
                        | ({"legitimate_interest": "I"} if v == "legitimate_interests" else {})
                    ],
                    rights=["withdraw_consent"],
                ),
                lambda r: r.purposes[0].legal_basis,
            ),
            (Right, lambda v: document(rights=[v]), lambda r: r.rights[0]),
            (
                SpecialCategory,
                lambda v: document(data_categories=[{"key": "c", "name": "C", "special": v}]),
                lambda r: r.data_categories[0].special,
            ),
            (
                TransferMechanism,
                lambda v: document(transfers=[{"destination": "US", "mechanism": v}]),
                lambda r: r.transfers[0].mechanism,
            ),
            (
                SecurityKind,
                lambda v: document(security=[{"description": "D", "kind": v}]),
                lambda r: r.security[0].kind,
            ),
            (
                RetentionTrigger,
                lambda v: document(retention=[{"period": {"years": 1}, "trigger": v}]),
                lambda r: r.retention[0].trigger,
            ),
        ],
        ids=[
            "LegalBasis",
            "Right",
            "SpecialCategory",
            "TransferMechanism",
            "SecurityKind",
            "RetentionTrigger",
        ],
    )
    def test_every_wire_value_is_read(
        self,
        enum: type[StrEnum],
        build: Callable[[str], dict[str, object]],
        read: Callable[[Register], object],
    ) -> None:
        """Every wire value of every enum in a document is read as its member."""
        for member in enum:
            assert read(loads(orjson.dumps(build(member.value)), Register)) is member


class TestShorthands:
    def test_plain_string_is_finnish_text(self) -> None:
        """A plain string stands for a Finnish-only text."""
        register = loads(orjson.dumps(document(name="Asiakasrekisteri")), Register)
        assert register.name == LocalizedText(fi="Asiakasrekisteri")

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("", "name: fi: expected a text that is not empty"),
            ({"fi": " "}, "name: fi: expected a text that is not empty"),
            ({"sv": "Namn"}, "name.fi: required field missing"),
            ({"fi": 5}, "name.fi: expected a string"),
        ],
    )
    def test_bad_texts(self, name: object, expected: str) -> None:
        """Blank, Swedish-only and non-string texts are refused."""
        assert problems(document(name=name)) == (expected,)

    def test_unknown_language(self) -> None:
        """A text in a language the model does not know is refused, naming it."""
        assert problems(document(name={"fi": "Nimi", "de": "Name"})) == (
            "name: unknown field(s): de",
        )

    def test_catalog_key(self) -> None:
        """A catalog key stands for the catalog source itself."""
        register = loads(orjson.dumps(document(sources=["asiakastieto"])), Register)
        assert register.sources == (ASIAKASTIETO,)

    def test_unknown_catalog_key(self) -> None:
        """An unknown catalog key is refused with the keys there are, not the one given."""
        (problem,) = problems(document(sources=["ytj", "own-crm"]))
        assert problem == (
            "sources[1]: no catalog source with this key; the catalog has: " + ", ".join(CATALOG)
        )
        assert "own-crm" not in problem

    def test_toml_date(self) -> None:
        """A TOML date is a date."""
        assert structure(document(updated=date(2025, 5, 20)), Register).updated == date(2025, 5, 20)

    def test_iso_date(self) -> None:
        """An ISO 8601 date string is a date."""
        register = loads(orjson.dumps(document(updated="2025-05-20")), Register)
        assert register.updated == date(2025, 5, 20)

    def test_datetime_is_not_a_date(self, tmp_path: Path) -> None:
        """A TOML date-time where a date belongs is refused, not silently kept."""
        path = tmp_path / "register.toml"
        path.write_text('updated = 2025-05-20T10:00:00\n[controller]\nname = "Oy"\n')
        with pytest.raises(InvalidDocumentError) as info:
            load_register(path)
        assert info.value.problems == ("updated: expected a date YYYY-MM-DD",)


class TestStrictness:
    def test_missing_controller(self) -> None:
        """A register without a controller is refused."""
        assert problems({}) == ("controller: required field missing",)

    def test_missing_nested_field(self) -> None:
        """A missing field deep in the document is reported at its path."""
        data = document(purposes=[{"key": "a", "name": "A"}, {"key": "b"}])
        assert problems(data) == ("purposes[1].name: required field missing",)

    def test_unknown_top_level_key(self) -> None:
        """A misspelt key is an error, not a silently dropped statement."""
        assert problems(document(retension=[])) == ("unknown field(s): retension",)

    @pytest.mark.parametrize(
        ("data", "path"),
        [
            ({"controller": {"name": "Oy", "y_tunnus": "0357502-9"}}, "controller"),
            (document(purposes=[{"key": "p", "name": "P", "basis": "consent"}]), "purposes[0]"),
            (document(name={"fi": "Nimi", "se": "Namn"}), "name"),
        ],
    )
    def test_unknown_nested_key(self, data: object, path: str) -> None:
        """An unknown key inside an object is an error at that object's path."""
        (problem,) = problems(data)
        assert problem.startswith(f"{path}: unknown field(s): ")

    def test_unknown_key_that_is_not_a_field_name(self) -> None:
        """A key that could not be a field name is counted, not quoted: it may be data."""
        assert problems(document(**{HETU: 1, "Nimi": 2, "retension": 3})) == (
            "unknown field(s): retension, 2 not shown (not field names)",
        )

    def test_invalid_ytunnus(self) -> None:
        """An invalid Y-tunnus is reported at the controller, without the number."""
        (problem,) = problems({"controller": {"name": "Oy", "business_id": "0357502-8"}})
        assert problem == "controller: ytunnus in business_id: check character does not match"
        assert "0357502" not in problem

    def test_model_rules_apply(self) -> None:
        """A rule of a model class is reported at the object that breaks it."""
        assert problems(document(transfers=[{}, {"destination": "US"}])) == (
            "transfers[1]: destination: US is outside the EEA, so the transfer needs a mechanism",
        )

    @pytest.mark.parametrize("depth", [500])
    @pytest.mark.parametrize("opener", ["[", '{"a":'])
    def test_deeply_nested_junk(self, opener: str, depth: int) -> None:
        """Junk nested 500 levels deep in a field is one problem at that field."""
        closer = "]" if opener == "[" else "}"
        junk = opener * depth + ("" if opener == "[" else "1") + closer * depth
        text = '{"controller": {"name": "Oy"}, "name": ' + junk + "}"
        with pytest.raises(InvalidDocumentError) as info:
            loads(text, Register)
        assert info.value.problems
        assert all(problem.startswith(("name: ", "name.")) for problem in info.value.problems)

    def test_too_deep_json(self) -> None:
        """JSON nested deeper than the parser allows is invalid JSON, not a crash."""
        with pytest.raises(InvalidDocumentError, match="not valid JSON"):
            loads('{"name": ' + "[" * 5000 + "]" * 5000 + "}", Register)

    def test_huge_document(self) -> None:
        """A register with 5,000 purposes loads (and in one pass, as a valid one)."""
        categories = [{"key": f"c{i}", "name": f"Luokka {i}"} for i in range(50)]
        purpose_items = [
            {
                "key": f"p{i}",
                "name": {"fi": f"Tarkoitus {i}", "en": f"Purpose {i}"},
                "legal_basis": "contract",
                "data_categories": [f"c{i % 50}", f"c{(i + 1) % 50}"],
            }
            for i in range(5000)
        ]
        data = orjson.dumps(document(data_categories=categories, purposes=purpose_items))
        register = loads(data, Register)
        assert len(register.purposes) == 5000
        assert register.purposes[4999].data_categories == ("c49", "c0")
        assert loads(dumps(register), Register) == register


class TestEveryProblem:
    def test_independent_problems_are_all_reported(self) -> None:
        """Several problems in one document are reported together, each at its path."""
        data = {
            "controller": {"name": 5},
            "sources": [{"key": "crm", "name": "CRM", "business_id": "0357502-8"}],
            "data_categories": [{"key": "contact", "name": "C", "criminal": "no"}],
            "purposes": [
                {"key": "a", "name": "A"},
                {"key": "b"},
                {"key": "c", "name": "C", "legal_basis": "agreement"},
            ],
            "updated": "yesterday",
            "retension": [],
        }
        reported = problems(data)
        assert len(reported) == 7
        assert set(reported) == {
            "controller.name: expected a string",
            "sources[0]: ytunnus in business_id: check character does not match",
            "data_categories[0].criminal: expected true or false",
            "purposes[1].name: required field missing",
            f"purposes[2].legal_basis: expected one of {LEGAL_BASES}",
            "updated: expected a date YYYY-MM-DD",
            "unknown field(s): retension",
        }

    def test_register_rules_are_listed_one_by_one(self) -> None:
        """Broken register rules in a document are separate problems, each with its path."""
        data = document(
            data_categories=[{"key": "contact", "name": "C"}],
            purposes=[
                {"key": "a", "name": "A", "legal_basis": "consent", "data_categories": ["phone"]},
                {"key": "a", "name": "B"},
            ],
        )
        assert problems(data) == (
            "purposes[1].key: the same as purposes[0].key",
            "purposes[0].data_categories[0]: no data category with this key",
            "rights: a purpose is based on consent, so withdraw_consent applies",
        )

    def test_error_is_a_rekisteri_value_error(self) -> None:
        """InvalidDocumentError is a RekisteriError and a ValueError."""
        with pytest.raises(InvalidDocumentError) as info:
            loads(b"{}", Register)
        assert isinstance(info.value, RekisteriError)
        assert isinstance(info.value, ValueError)

    def test_error_pickles(self) -> None:
        """An InvalidDocumentError survives pickling with every problem."""
        with pytest.raises(InvalidDocumentError) as info:
            loads(orjson.dumps(document(purposes=[{"key": "a"}], updated="x")), Register)
        again = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own data
        assert again.problems == info.value.problems
        assert len(again.problems) == 2
        assert str(again) == str(info.value)


class TestNoPersonalDataInMessages:
    @pytest.mark.parametrize(
        "data",
        [
            {"controller": {"name": "Oy", "business_id": HETU}},
            {"controller": {"name": [HETU]}},
            {"controller": {"name": "Oy", "address": {"postal_code": HETU}}},
            {"controller": {"name": "Oy", "contact": {"email": HETU}}},
            {"controller": {"name": "Oy", HETU: "x"}},
            document(**{HETU: 1}),
            document(name={"fi": "Nimi", HETU: "x"}),
            document(name={"fi": [HETU]}),
            document(purposes=[{"key": HETU, "name": "P"}]),
            document(purposes=[{"key": "p", "name": "P", "legal_basis": HETU}]),
            document(purposes=[{"key": "p", "name": "P", "data_categories": [HETU]}]),
            document(purposes=[{"key": "p", "name": "P", HETU: HETU}]),
            document(data_categories=[{"key": HETU, "name": "C"}]),
            document(data_categories=[{"key": "c", "name": "C", "special": HETU}]),
            document(sources=[HETU]),
            document(sources=[{"key": "s", "name": "S", "business_id": HETU}]),
            document(rights=[HETU]),
            document(rights=HETU),
            document(updated=HETU),
            document(transfers=[{"destination": HETU}]),
            document(retention=[{"period": {"years": HETU}, "trigger": "collection"}]),
            document(retention=[{"data_categories": [HETU], "statute": "laki"}]),
            document(schema_version=HETU),
            document(complaint_authority=HETU),
        ],
    )
    def test_hetu_is_never_quoted(self, data: object) -> None:
        """A henkilötunnus in the wrong place of a document never appears in the error."""
        shown = error_text(data)
        assert HETU not in shown
        assert HETU[:6] not in shown

    def test_all_at_once(self) -> None:
        """With the henkilötunnus in many places at once, no message quotes it."""
        data = {
            "controller": {"name": [HETU], "business_id": HETU, HETU: 1},
            "purposes": [{"key": HETU, "name": {"fi": HETU, HETU: "x"}, "legal_basis": HETU}],
            "sources": [HETU],
            "updated": HETU,
            HETU: HETU,
        }
        shown = error_text(data)
        assert HETU not in shown
        assert HETU[:6] not in shown


class TestSchemaVersion:
    def test_missing_means_current(self) -> None:
        """A document without schema_version is read as the current version."""
        assert loads(b'{"controller": {"name": "Oy"}}', Register).schema_version == 2

    def test_newer_version_is_refused(self) -> None:
        """A document from a newer rekisteri is refused with a clear message."""
        assert problems(document(schema_version=3)) == (
            (
                "schema_version: this document is version 3, newer than this rekisteri reads (2); "
                "upgrade rekisteri"
            ),
        )

    @pytest.mark.parametrize("version", [True, False, 0, -1, 1.5, 0.0, "1", None, [1]])
    def test_not_a_version(self, version: object) -> None:
        """A schema_version that is not a whole number from 1 up is refused."""
        assert problems(document(schema_version=version)) == (
            "schema_version: expected a whole number, 1 or more",
        )

    def test_a_version_written_with_a_point_zero_is_that_version(self) -> None:
        """JSON does not tell 2 from 2.0 and JSON Schema calls both an integer (A13's O6)."""
        register = loads(orjson.dumps(document(schema_version=float(SCHEMA_VERSION))), Register)
        assert register.schema_version == SCHEMA_VERSION
        assert type(register.schema_version) is int

    def test_upgrade_applies_in_order(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An older document goes through every upgrade, in order, before it is read."""
        calls: list[int] = []

        def rename(old: str, new: str, version: int) -> Callable[[dict[str, Any]], dict[str, Any]]:
            def upgrade(data: dict[str, Any]) -> dict[str, Any]:
                calls.append(version)
                assert data["schema_version"] == version
                data = dict(data)
                data[new] = data.pop(old)
                return data

            return upgrade

        monkeypatch.setattr(serialize, "SCHEMA_VERSION", 3)
        monkeypatch.setattr(
            serialize,
            "UPGRADES",
            {1: rename("rekisterinpitaja", "owner", 1), 2: rename("owner", "controller", 2)},
        )
        original = {"schema_version": 1, "rekisterinpitaja": {"name": "Oy"}}
        upgraded = serialize._upgrade(original)
        assert calls == [1, 2]
        assert upgraded == {"schema_version": 3, "controller": {"name": "Oy"}}
        assert original == {"schema_version": 1, "rekisterinpitaja": {"name": "Oy"}}

    def test_current_document_is_not_upgraded(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A document of the current version skips every upgrade."""

        def fail(data: dict[str, Any]) -> dict[str, Any]:
            raise AssertionError(data)

        monkeypatch.setattr(serialize, "SCHEMA_VERSION", 2)
        monkeypatch.setattr(serialize, "UPGRADES", {1: fail})
        data = {"schema_version": 2, "controller": {"name": "Oy"}}
        assert serialize._upgrade(data) == data

    def test_loads_upgrades_before_reading(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """loads() runs the upgrades: a v1 field renamed in v2 reaches the reader renamed."""

        def upgrade(data: dict[str, Any]) -> dict[str, Any]:
            data = dict(data)
            data["controller"] = data.pop("rekisterinpitaja")
            return data

        monkeypatch.setattr(serialize, "SCHEMA_VERSION", 3)
        monkeypatch.setattr(serialize, "UPGRADES", {1: serialize.UPGRADES[1], 2: upgrade})
        text = b'{"schema_version": 1, "rekisterinpitaja": {"name": "Oy"}}'
        # The model itself is still version 2, so the upgraded document (now
        # version 3) is refused; but by its version, not by the old field.
        (problem,) = problems(orjson.loads(text))
        assert problem.startswith("schema_version: ")

    def test_version_1_is_upgraded(self) -> None:
        """Version 2 is current; a version 1 document reads as the same register."""
        assert set(serialize.UPGRADES) == {1}
        assert SCHEMA_VERSION == 2
        version_1 = document(
            schema_version=1,
            sources=[{"key": "crm", "name": "CRM", "operator": "Esimerkki Oy"}],
            processors=[{"name": "Pilvi Oy", "country": "FI"}],
        )
        register = structure(version_1, Register)
        assert register.schema_version == 2
        assert register == structure({**version_1, "schema_version": 2}, Register)
        assert register.sources[0].operator == LocalizedText(fi="Esimerkki Oy")
        assert unstructure(register)["schema_version"] == 2


@pytest.mark.parametrize("value", [None, object(), ["schema_version"], "text"])
def test_structure_of_a_register_from_what_is_not_a_mapping_is_a_typed_error(
    value: object,
) -> None:
    """None, a model object or a list is not a document: ModelTypeError, never AttributeError."""
    from rekisteri.errors import ModelTypeError
    from rekisteri.model import Controller, Register

    for data in (value, Controller(name="Esimerkki Oy")):
        with pytest.raises(ModelTypeError, match="must be a mapping") as info:
            serialize.structure(data, Register)  # type: ignore[arg-type]
        assert isinstance(info.value, TypeError)


def test_dumps_of_what_json_cannot_hold_is_a_typed_error() -> None:
    """An arbitrary object is a ModelTypeError naming its type, not orjson's bare TypeError."""
    from rekisteri.errors import ModelTypeError

    class Secret:
        def __repr__(self) -> str:
            return "020202A0202"

    for value in (object(), {"k": Secret()}):
        with pytest.raises(ModelTypeError) as info:
            serialize.dumps(value)
        assert isinstance(info.value, TypeError)
        assert "020202A0202" not in str(info.value)
    assert serialize.dumps({"a": [1]}) == b'{"a":[1]}'
