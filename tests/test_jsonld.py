"""Tests for :mod:`rekisteri.jsonld`: the DPV JSON-LD export, read back with rdflib."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from rekisteri.jsonld import CONTEXT, DPV, EU_GDPR, REKISTERI, dumps, to_jsonld
from rekisteri.serialize import load_register
from rekisteri.testing import a_register
from rekisteri.testing.strategies import registers

if TYPE_CHECKING:
    from rekisteri.model import Register

# rdflib's JSON-LD parser builds a ConjunctiveGraph internally (rdflib 7.1+).
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

EXAMPLES = Path(__file__).parent.parent / "examples"
D = Namespace(DPV)
G = Namespace(EU_GDPR)
R = Namespace(REKISTERI)
DCT = Namespace("http://purl.org/dc/terms/")

#: The DPV terms the export uses, each checked against the w3c/dpv sources
#: (dpv/modules/*.csv and *.ttl) or listed in DOMAIN.md §6. A new dpv: term in
#: the export must be checked and added here: no invented IRIs.
VERIFIED_DPV = {
    "AlgorithmicLogic", "AutomatedDecisionMaking", "Contract", "DataController",
    "DataProcessor", "DataProtectionAuthority", "DataProtectionOfficer", "DataSource",
    "DataSubject", "DataSubjectDataSource", "ExpressedConsent", "LegalObligation",
    "LegitimateInterest", "NonPublicDataSource", "OfficialAuthorityOfController",
    "OrganisationalMeasure", "PersonalData", "PersonalDataProcess", "PhysicalMeasure",
    "PublicDataSource", "PublicInterest", "Recipient", "Representative",
    "SpecialCategoryPersonalData", "StorageDuration", "TechnicalMeasure",
    "TechnicalOrganisationalMeasure", "TemporalDuration", "ThirdPartyDataSource",
    "VitalInterest", "hasAddress", "hasAlgorithmicLogic", "hasContact", "hasDataController",
    "hasDataProcessor", "hasDataProtectionOfficer", "hasDataSource", "hasDataSubject",
    "hasDuration", "hasLegalBasis", "hasName", "hasPersonalData", "hasPurpose",
    "hasRecipient", "hasRepresentative", "hasRight", "hasStorageCondition",
    "hasTechnicalOrganisationalMeasure", "Purpose",
    # DPV 2.3 core term list (checked for issue 16): joint controllers, sub-processors,
    # the processing agreement and a law named in text.
    "JointDataControllers", "JointDataControllersAgreement", "hasJointDataControllers",
    "DataSubProcessor", "DataProcessingAgreement", "Law",
}  # fmt: skip


def _with_new_parts() -> Register:
    """The complete test register with the parts of schema version 2."""
    from rekisteri.categories import CONTACT_DETAILS, HEALTH
    from rekisteri.model import (
        JointController,
        LegalBasis,
        LocalizedText,
        Processor,
        Purpose,
        SubProcessor,
        TransferMechanism,
    )

    base = a_register()
    books = Purpose(
        key="books",
        name=LocalizedText(fi="Kirjanpito"),
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        legal_basis_law=LocalizedText(fi="kirjanpitolaki (1336/1997)", en="Accounting Act"),
        data_categories=("health",),
        special_category_condition="9(2)(b)",
        special_category_law=LocalizedText(fi="tietosuojalaki (1050/2018) 6 §"),
    )
    mailer = Processor(
        name="Mailer Inc.",
        country="US",
        mechanism=TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
        sub_processors=(
            SubProcessor(
                name="Store LLC",
                country="US",
                mechanism=TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
            ),
        ),
        contract=LocalizedText(fi="Käsittelysopimus 1.3.2024"),
    )
    return attrs.evolve(
        base,
        data_categories=(*base.data_categories, CONTACT_DETAILS, HEALTH),
        purposes=(*base.purposes, books),
        processors=(*base.processors, mailer),
        joint_controllers=(JointController(name="Kumppani Oy", business_id="0244683-1"),),
        joint_arrangement=LocalizedText(fi="Esimerkki Oy vastaa pyyntöihin."),
    )


def _graph(register: Register) -> Graph:
    return Graph().parse(data=dumps(register), format="json-ld")


def _purpose(graph: Graph, key: str) -> BNode:
    [node] = graph.subjects(R.key, Literal(key))
    assert isinstance(node, BNode)
    return node


@pytest.fixture(scope="module")
def graph() -> Graph:
    """The complete test register as an RDF graph."""
    return _graph(a_register())


class TestTriples:
    def test_register_is_a_personal_data_process(self, graph: Graph) -> None:
        """The document's node is a dpv:PersonalDataProcess with the controller."""
        [register] = graph.subjects(RDF.type, D.PersonalDataProcess)
        [controller] = graph.objects(register, D.hasDataController)
        assert (controller, RDF.type, D.DataController) in graph
        assert (controller, D.hasName, Literal("Esimerkki Oy")) in graph
        assert (controller, R.businessId, Literal("2077474-0")) in graph

    def test_purpose_has_legal_basis(self, graph: Graph) -> None:
        """A contract purpose has dpv:hasLegalBasis dpv:Contract and eu-gdpr:A6-1-b."""
        billing = _purpose(graph, "billing")
        assert (billing, RDF.type, D.Purpose) in graph
        assert (billing, D.hasLegalBasis, D.Contract) in graph
        assert (billing, D.hasLegalBasis, URIRef(EU_GDPR + "A6-1-b")) in graph
        newsletter = _purpose(graph, "newsletter")
        assert (newsletter, D.hasLegalBasis, URIRef(EU_GDPR + "A6-1-a")) in graph
        assert (newsletter, D.hasLegalBasis, D.Contract) not in graph

    def test_texts_keep_their_language(self, graph: Graph) -> None:
        """Names are rdfs:label literals tagged fi, sv and en."""
        labels = set(graph.objects(_purpose(graph, "billing"), RDFS.label))
        assert labels == {
            Literal("Laskutus", lang="fi"),
            Literal("Fakturering", lang="sv"),
            Literal("Billing", lang="en"),
        }

    def test_purpose_points_at_its_data(self) -> None:
        """A purpose's data categories are the same nodes as the register's personal data."""
        base = a_register()
        billing = attrs.evolve(base.purposes[0], data_categories=("contact",))
        graph = _graph(attrs.evolve(base, purposes=(billing, *base.purposes[1:])))
        [data] = graph.objects(_purpose(graph, "billing"), D.hasPersonalData)
        [register] = graph.subjects(RDF.type, D.PersonalDataProcess)
        assert (register, D.hasPersonalData, data) in graph
        assert (data, RDFS.label, Literal("Yhteystiedot", lang="fi")) in graph

    def test_rights(self, graph: Graph) -> None:
        """Each right is its eu-gdpr article IRI."""
        [register] = graph.subjects(RDF.type, D.PersonalDataProcess)
        rights = set(graph.objects(register, D.hasRight))
        assert URIRef(EU_GDPR + "A15") in rights
        assert URIRef(EU_GDPR + "A7-3") in rights
        assert URIRef(EU_GDPR + "A77") in rights
        assert len(rights) == len(a_register().rights)

    def test_sources(self, graph: Graph) -> None:
        """A third-party public source carries both DPV source types."""
        [ytj] = graph.subjects(R.key, Literal("ytj"))
        types = set(graph.objects(ytj, RDF.type))
        assert {D.DataSource, D.ThirdPartyDataSource, D.PublicDataSource} <= types
        [me] = graph.subjects(R.key, Literal("data-subject"))
        assert (me, RDF.type, D.DataSubjectDataSource) in graph

    def test_retention_period(self, graph: Graph) -> None:
        """A retention period is an xsd:duration under a dpv:StorageDuration."""
        [storage] = graph.subjects(RDF.type, D.StorageDuration)
        [duration] = graph.objects(storage, D.hasDuration)
        assert (duration, R.period, Literal("P6Y", datatype=XSD.duration)) in graph
        assert (storage, R.trigger, R.end_of_customer_relationship) in graph

    def test_transfer_and_processor(self, graph: Graph) -> None:
        """Transfers (rekisteri terms) and processors (DPV) are exported."""
        [transfer] = graph.subjects(RDF.type, R.Transfer)
        assert (transfer, R.destination, Literal("US")) in graph
        assert (transfer, R.mechanism, R.standard_contractual_clauses) in graph
        [processor] = graph.subjects(RDF.type, D.DataProcessor)
        assert (processor, D.hasName, Literal("Pilvi Oy")) in graph

    def test_updated_date(self) -> None:
        """The update date is an xsd:date."""
        graph = _graph(attrs.evolve(a_register(), updated=date(2025, 5, 20)))
        assert (None, DCT.modified, Literal("2025-05-20", datatype=XSD.date)) in graph


class TestDocument:
    def test_context_is_inline(self) -> None:
        """The @context is written out, never a URL to fetch."""
        document = to_jsonld(a_register())
        assert document["@context"] == dict(CONTEXT)
        assert all(isinstance(value, str | dict) for value in CONTEXT.values())

    def test_only_verified_dpv_terms(self) -> None:
        """Every dpv: IRI in the export is a term checked against DPV itself."""
        graph = _graph(a_register()) + _graph(_with_new_parts())
        used = {
            str(term).removeprefix(DPV)
            for triple in graph
            for term in triple
            if isinstance(term, URIRef) and str(term).startswith(DPV)
        }
        assert used <= VERIFIED_DPV, used - VERIFIED_DPV

    def test_dumps_keeps_finnish_letters(self) -> None:
        """dumps() writes ä and ö as they are and is valid JSON."""
        text = dumps(a_register())
        assert "Yhteystiedot" in text
        assert "Tietosuojavaltuutetun toimisto" in text
        assert json.loads(text)["@type"] == "dpv:PersonalDataProcess"

    @pytest.mark.parametrize("name", ["digicenter", "kotisivutaivas", "asiakasrekisteri-malli"])
    def test_examples(self, name: str) -> None:
        """Each example register exports and parses; its purposes have no legal basis."""
        register = load_register(EXAMPLES / f"{name}.toml")
        graph = _graph(register)
        assert len(set(graph.subjects(RDF.type, D.Purpose))) == len(register.purposes)
        assert not list(graph.triples((None, D.hasLegalBasis, None)))

    @given(registers())
    def test_any_register_exports_and_parses(self, register: Register) -> None:
        """Every valid register exports to JSON-LD that rdflib reads into a graph."""
        graph = _graph(register)
        purposes = set(graph.subjects(RDF.type, D.Purpose))
        assert len(purposes) == len(register.purposes)
        based = {p for p in purposes if (p, D.hasLegalBasis, None) in graph}
        assert len(based) == sum(p.legal_basis is not None for p in register.purposes)


class TestNewParts:
    """Schema version 2 in DPV terms: joint controllers, Art 28 processors, laws, categories."""

    @pytest.fixture(scope="class")
    @classmethod
    def graph(cls) -> Graph:
        """The graph of the register with the new parts."""
        return _graph(_with_new_parts())

    def test_joint_controllers(self, graph: Graph) -> None:
        """dpv:hasJointDataControllers: this controller and the other, and their agreement."""
        [process] = graph.subjects(RDF.type, D.PersonalDataProcess)
        [controller] = graph.objects(process, D.hasDataController)
        [joint] = graph.objects(process, D.hasJointDataControllers)
        assert (joint, RDF.type, D.JointDataControllers) in graph
        members = set(graph.objects(joint, D.hasDataController))
        assert controller in members
        assert len(members) == 2
        [arrangement] = graph.objects(joint, R.jointArrangement)
        assert (arrangement, RDF.type, D.JointDataControllersAgreement) in graph
        assert (
            arrangement,
            DCT.description,
            Literal("Esimerkki Oy vastaa pyyntöihin.", lang="fi"),
        ) in graph

    def test_processor_details(self, graph: Graph) -> None:
        """A processor outside the EEA: mechanism, sub-processor and contract."""
        [mailer] = graph.subjects(D.hasName, Literal("Mailer Inc."))
        assert (mailer, RDF.type, D.DataProcessor) in graph
        assert (mailer, R.mechanism, R.standard_contractual_clauses) in graph
        [sub] = graph.objects(mailer, R.subProcessor)
        assert (sub, RDF.type, D.DataSubProcessor) in graph
        assert (sub, R.country, Literal("US")) in graph
        [contract] = graph.objects(mailer, R.contract)
        assert (contract, RDF.type, D.DataProcessingAgreement) in graph

    def test_law_of_the_basis(self, graph: Graph) -> None:
        """dpv:hasLegalBasis also points at a dpv:Law named in text; so does the 9(2) provision."""
        books = _purpose(graph, "books")
        bases = set(graph.objects(books, D.hasLegalBasis))
        assert D.LegalObligation in bases
        [law] = [b for b in bases if (b, RDF.type, D.Law) in graph]
        assert (law, RDFS.label, Literal("kirjanpitolaki (1336/1997)", lang="fi")) in graph
        assert (law, RDFS.label, Literal("Accounting Act", lang="en")) in graph
        [provision] = graph.objects(books, R.specialCategoryLaw)
        assert (provision, RDF.type, D.Law) in graph

    def test_category_dpv_terms(self, graph: Graph) -> None:
        """A catalog category is typed with its DPV personal-data term (pd:)."""
        pd = Namespace("https://w3id.org/dpv/pd#")
        [health] = graph.subjects(R.key, Literal("health"))
        assert (health, RDF.type, pd.Health) in graph
        assert (health, RDF.type, D.SpecialCategoryPersonalData) in graph
        assert (None, RDF.type, pd.Contact) in graph

    def test_catalog_operator_is_a_language_map(self, graph: Graph) -> None:
        """A catalog source's operator is given in each language."""
        operators = {o for o in graph.objects(None, R.operator) if isinstance(o, Literal)}
        assert (
            Literal("Patent- och registerstyrelsen och Skatteförvaltningen", lang="sv") in operators
        )
