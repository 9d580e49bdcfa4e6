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
}  # fmt: skip


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
        graph = _graph(a_register())
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
