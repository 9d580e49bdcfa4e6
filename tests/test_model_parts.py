"""The model parts of schema version 2 (issue 16).

Laws of legal bases, joint controllers, Art 28 processors, DPV terms of data
categories, localized operators of sources, and the upgrade of version 1
documents.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped] # no stubs installed

from rekisteri import categories, sources
from rekisteri.errors import InvalidDocumentError, InvalidValueError
from rekisteri.model import (
    Address,
    ContactPoint,
    Controller,
    DataCategory,
    JointController,
    LegalBasis,
    LocalizedText,
    Processor,
    Purpose,
    Register,
    Right,
    Source,
    SubProcessor,
    TransferMechanism,
)
from rekisteri.serialize import dumps, json_schema, load_register, loads, structure, unstructure
from rekisteri.testing import make_ytunnus

EXAMPLES = Path(__file__).parent.parent / "examples"
VALIDATOR = Draft202012Validator(json_schema())


def text(fi: str) -> LocalizedText:
    return LocalizedText(fi=fi)


class TestPurposeLaws:
    @pytest.mark.parametrize("basis", [LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK])
    def test_law_of_a_legal_obligation_or_public_task(self, basis: LegalBasis) -> None:
        """6(1)(c) and (e) may name the law they rest on."""
        law = LocalizedText(fi="kirjanpitolaki (1336/1997)", sv="bokföringslagen (1336/1997)")
        purpose = Purpose(key="p", name=text("Kirjanpito"), legal_basis=basis, legal_basis_law=law)
        assert purpose.legal_basis_law == law

    @pytest.mark.parametrize(
        "basis",
        [None, LegalBasis.CONSENT, LegalBasis.CONTRACT, LegalBasis.VITAL_INTERESTS],
    )
    def test_law_with_another_basis_is_refused(self, basis: LegalBasis | None) -> None:
        """A law is only for a legal obligation or a public task."""
        with pytest.raises(InvalidValueError, match=r"^legal_basis_law: a law is only for"):
            Purpose(key="p", name=text("P"), legal_basis=basis, legal_basis_law=text("laki"))

    def test_missing_law_is_not_a_model_error(self) -> None:
        """A legal obligation without its law builds (the linter reports it)."""
        purpose = Purpose(key="p", name=text("P"), legal_basis=LegalBasis.LEGAL_OBLIGATION)
        assert purpose.legal_basis_law is None

    def test_special_category_law(self) -> None:
        """The national provision of an Art 9(2) condition is a text of its own."""
        purpose = Purpose(
            key="health",
            name=text("Työterveys"),
            legal_basis=LegalBasis.LEGAL_OBLIGATION,
            special_category_condition="9(2)(b)",
            special_category_law=text("tietosuojalaki (1050/2018) 6 § 1 mom. 2 k."),
        )
        assert purpose.special_category_law is not None


class TestProcessors:
    def test_outside_the_eea_needs_a_mechanism(self) -> None:
        """A processor in a third country needs a transfer mechanism (Chapter V)."""
        with pytest.raises(InvalidValueError, match=r"^mechanism: a country outside the EEA"):
            Processor(name="Cloud Inc", country="US")
        processor = Processor(
            name="Cloud Inc", country="US", mechanism=TransferMechanism.ADEQUACY_DECISION
        )
        assert processor.mechanism is TransferMechanism.ADEQUACY_DECISION

    def test_sub_processors_and_contract(self) -> None:
        """Sub-processors follow the same EEA rule; the contract is a text."""
        with pytest.raises(InvalidValueError, match=r"^mechanism: a country outside the EEA"):
            SubProcessor(name="Backup Ltd", country="IN")
        processor = Processor(
            name="Palkka Oy",
            service=text("Palkanlaskenta"),
            business_id=make_ytunnus(2077474),
            sub_processors=(
                SubProcessor(name="Pilvi Oy", service=text("Palvelimet")),
                SubProcessor(
                    name="Backup Ltd",
                    country="IN",
                    mechanism=TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
                ),
            ),
            contract=text("Käsittelysopimus 1.3.2024"),
        )
        assert [sub.country for sub in processor.sub_processors] == ["FI", "IN"]
        assert loads(dumps(processor), Processor) == processor


class TestJointControllers:
    def test_joint_controllers_and_arrangement(self) -> None:
        """A register names its joint controllers and the essence of the arrangement."""
        partner = JointController(
            name="Kumppani Oy",
            business_id=make_ytunnus(1572860),
            address=Address(street="Katu 1", postal_code="00100", town="Helsinki"),
            contact=ContactPoint(email="tietosuoja@kumppani.example.fi"),
            responsibilities=text("Vastaa tarkastuspyyntöihin"),
        )
        register = Register(
            controller=Controller(name="Esimerkki Oy"),
            joint_controllers=(partner,),
            joint_arrangement=text("Yhteisrekisterinpitäjät ovat sopineet vastuista."),
        )
        assert loads(dumps(register), Register) == register
        assert unstructure(register)["joint_controllers"][0]["name"] == "Kumppani Oy"


class TestDataCategoryDpv:
    @pytest.mark.parametrize(
        "term", ["pd:EmailAddress", "dpv-pd:EmailAddress", "https://w3id.org/dpv/pd#Name"]
    )
    def test_accepted_terms(self, term: str) -> None:
        """A DPV term is a CURIE with a DPV prefix, or an IRI."""
        assert DataCategory(key="c", name=text("C"), dpv=term).dpv == term

    @pytest.mark.parametrize("term", ["EmailAddress", "schema:email", "pd:", ""])
    def test_refused_terms(self, term: str) -> None:
        """Anything else is refused."""
        with pytest.raises(InvalidValueError, match=r"^dpv: expected a DPV term"):
            DataCategory(key="c", name=text("C"), dpv=term)


class TestSources:
    def test_operator_string_is_finnish_text(self) -> None:
        """A plain operator name (all that version 1 had) is a Finnish-only text."""
        source = Source(key="crm", name=text("CRM"), operator="Esimerkki Oy")  # type: ignore[arg-type] # a str on purpose
        assert source.operator == LocalizedText(fi="Esimerkki Oy")

    @pytest.mark.parametrize("source", list(sources.CATALOG.values()), ids=lambda s: s.key)
    def test_catalog_sources_state_their_facts(self, source: Source) -> None:
        """Every catalog source says whether it is publicly accessible; operators in 3 languages."""
        assert source.publicly_accessible is not None
        if source.operator is not None:
            assert source.operator.sv is not None
            assert source.operator.en is not None

    def test_prh_in_swedish_and_english(self) -> None:
        """The PRH is named in Swedish and English, not in Finnish (issue 16)."""
        assert sources.YTJ.operator is not None
        assert sources.YTJ.operator.sv == "Patent- och registerstyrelsen och Skatteförvaltningen"
        assert sources.PRH_KAUPPAREKISTERI.operator == sources.PRH
        assert sources.PRH.en == "Finnish Patent and Registration Office"

    def test_catalog_table_for_a_source(self) -> None:
        """A source may be given as {catalog = key} with the fields that differ."""
        register = structure(
            {
                "controller": {"name": "Oy"},
                "sources": [{"catalog": "fonecta", "key": "fonecta-b2b"}],
            },
            Register,
        )
        (source,) = register.sources
        assert source.key == "fonecta-b2b"
        assert source.operator == sources.FONECTA.operator


COMPLETE = {
    "schema_version": 2,
    "controller": {"name": "Kuoro ry", "association_id": "123.123"},
    "data_categories": ["contact-details", {"catalog": "health", "key": "allergies"}],
    "purposes": [
        {
            "key": "accounting",
            "name": "Kirjanpito",
            "legal_basis": "legal_obligation",
            "legal_basis_law": {"fi": "kirjanpitolaki (1336/1997)", "sv": "bokföringslagen"},
            "data_categories": ["contact-details"],
        },
        {
            "key": "meals",
            "name": "Ruokailut",
            "legal_basis": "consent",
            "special_category_condition": "9(2)(a)",
            "special_category_law": "tietosuojalaki (1050/2018) 6 §",
            "data_categories": ["allergies"],
        },
    ],
    "processors": [
        {
            "name": "Cloud Inc",
            "country": "US",
            "mechanism": "adequacy_decision",
            "sub_processors": [{"name": "Backup Oy"}],
            "contract": "Käsittelysopimus 1.3.2024",
        }
    ],
    "joint_controllers": [{"name": "Sekakuoroliitto ry", "responsibilities": "Jäsenrekisteri"}],
    "joint_arrangement": "Liitto ja kuoro vastaavat yhdessä jäsentiedoista.",
    "sources": ["ytj", {"key": "members", "name": "Jäsenet", "operator": "Kuoro ry"}],
    "rights": ["access", "withdraw_consent", "complaint"],
}


class TestDocuments:
    def test_every_new_part_in_one_document(self) -> None:
        """A document with every new part loads, validates against the schema, and round-trips."""
        assert VALIDATOR.is_valid(COMPLETE), list(VALIDATOR.iter_errors(COMPLETE))
        register = structure(COMPLETE, Register)
        assert register.controller.association_id == "123.123"
        assert register.data_categories[1].special is not None
        assert register.purposes[0].legal_basis_law is not None
        assert register.processors[0].sub_processors[0].country == "FI"
        assert Right.WITHDRAW_CONSENT in register.rights
        written = unstructure(register)
        assert VALIDATOR.is_valid(written)
        assert structure(written, Register) == register

    def test_schema_refuses_what_loading_refuses(self) -> None:
        """An unknown catalog key is refused by the schema as by loading."""
        bad = {**COMPLETE, "data_categories": ["no-such-category"]}
        assert not VALIDATOR.is_valid(bad)
        with pytest.raises(InvalidDocumentError):
            structure(bad, Register)

    @pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.stem)
    def test_version_1_examples_upgrade(self, path: Path) -> None:
        """Every example (schema_version 1 or none) loads as version 2, unchanged otherwise."""
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        register = load_register(path)
        assert register.schema_version == 2
        assert structure({**data, "schema_version": 2}, Register) == register

    def test_version_1_document_validates_against_the_schema(self) -> None:
        """The schema accepts version 1 and 2 documents (version 1 is upgraded when read)."""
        assert VALIDATOR.is_valid({"schema_version": 1, "controller": {"name": "Oy"}})
        assert VALIDATOR.is_valid({"schema_version": 2, "controller": {"name": "Oy"}})
        assert not VALIDATOR.is_valid({"schema_version": 3, "controller": {"name": "Oy"}})

    def test_catalog_category_written_in_full(self) -> None:
        """A register with catalog categories is written with full tables, and read back equal."""
        register = Register(controller=Controller(name="Oy"), data_categories=(categories.SALARY,))
        data = unstructure(register)
        assert data["data_categories"][0]["dpv"] == "pd:Salary"
        assert loads(dumps(register), Register) == register
