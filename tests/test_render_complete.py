"""The complete example, examples/complete-v2.toml: every part of the model, clean and rendered.

It lints with no finding at all, and its notice and record render in Finnish,
Swedish and English, in every format, with no missing item and no Finnish
fallback; its JSON-LD carries the new parts in DPV terms.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace

from rekisteri.jsonld import DPV, PD, REKISTERI, dumps
from rekisteri.lint import lint
from rekisteri.model import LegalBasis, Register
from rekisteri.render import render_notice, render_record
from rekisteri.serialize import load_register

COMPLETE = Path(__file__).parent.parent / "examples" / "complete-v2.toml"
MARKERS = ("[puuttuu]", "[saknas]", "[missing]", "[på finska]", "[in Finnish]")
D = Namespace(DPV)
R = Namespace(REKISTERI)

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def register() -> Register:
    return load_register(COMPLETE)


def test_uses_every_new_part(register: Register) -> None:
    """The example really has each part of schema version 2 that it is meant to show."""
    assert register.schema_version == 2
    assert register.controller.association_id == "123.456"
    assert register.joint_controllers
    assert register.joint_arrangement is not None
    assert any(p.legal_basis_law is not None for p in register.purposes)
    assert any(p.special_category_law is not None for p in register.purposes)
    processors = register.processors
    assert any(p.sub_processors for p in processors)
    assert any(p.mechanism is not None for p in processors)
    assert all(p.contract is not None for p in processors)
    assert all(c.dpv is not None for c in register.data_categories)
    assert all(s.operator is not None for s in register.third_party_sources)
    assert {p.legal_basis for p in register.purposes} >= {
        LegalBasis.CONTRACT,
        LegalBasis.LEGAL_OBLIGATION,
        LegalBasis.LEGITIMATE_INTERESTS,
        LegalBasis.CONSENT,
    }


def test_lints_clean(register: Register) -> None:
    """No finding at all, in any language."""
    for locale in ("fi", "sv", "en"):
        assert lint(register, locale=locale) == []


@pytest.mark.parametrize("locale", ["fi", "sv", "en"])
@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_renders_complete(register: Register, locale: str, fmt: str) -> None:
    """Notice and record: no missing item, no fallback, and the new parts are shown."""
    notice = render_notice(register, locale=locale, format=fmt)  # type: ignore[arg-type] # parametrised
    record = render_record(register, locale=locale, format=fmt)  # type: ignore[arg-type] # parametrised
    for text in (notice, record):
        for marker in MARKERS:
            assert marker not in text, marker
        assert "Esimerkin alueen liikuntaliitto ry" in text
        assert "Nordic Hosting AB" in text
        assert "Cloud Storage LLC" in text
    words = {
        "fi": ("kirjanpitolaki (1336/1997)", "Yhteiset rekisterinpitäjät", "PL 45, 02101 Espoo"),
        "sv": (
            "bokföringslagen (1336/1997)",
            "Gemensamt personuppgiftsansvariga",
            "PB 45, 02101 Esbo",
        ),
        "en": ("Accounting Act (1336/1997)", "Joint controllers", "P.O. Box 45, 02101 Espoo"),
    }[locale]
    flat = " ".join(notice.split())
    for word in words:
        assert word in flat, word


def test_jsonld_carries_the_new_parts(register: Register) -> None:
    """Joint controllers, sub-processors, the agreement, the law and the categories' DPV terms."""
    graph = Graph().parse(data=dumps(register), format="json-ld")
    [process] = graph.subjects(RDF.type, D.PersonalDataProcess)
    [joint] = graph.objects(process, D.hasJointDataControllers)
    assert (joint, RDF.type, D.JointDataControllers) in graph
    assert len(list(graph.objects(joint, D.hasDataController))) == 2
    [arrangement] = graph.objects(joint, R.jointArrangement)
    assert (arrangement, RDF.type, D.JointDataControllersAgreement) in graph
    assert any(graph.subjects(RDF.type, D.DataSubProcessor))
    assert len(list(graph.subjects(RDF.type, D.DataProcessingAgreement))) == 2
    laws = set(graph.subjects(RDF.type, D.Law))
    assert len(laws) >= 2
    names = {str(o) for law in laws for o in graph.objects(law, None) if isinstance(o, Literal)}
    assert "kirjanpitolaki (1336/1997)" in names
    assert (None, RDF.type, Namespace(PD).Health) in graph
    assert (None, RDF.type, Namespace(PD).Contact) in graph
