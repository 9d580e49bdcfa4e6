"""Tests for the example registers in ``examples/``.

Each example models one legacy notice of the project corpus
(``notice-000`` DigiCenter, ``notice-001`` Kotisivutaivas, ``notice-002``
the "asiakasrekisteri" template) faithfully: the facts the notice states are
there, and nothing the notice does not state (no legal basis, no retention
period) has been added.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped] # no stubs or py.typed

from rekisteri import sources
from rekisteri.model import (
    DATA_PROTECTION_OMBUDSMAN,
    Address,
    Register,
    Right,
    SecurityKind,
)
from rekisteri.serialize import dumps, json_schema, load_register, loads, unstructure

EXAMPLES = Path(__file__).parent.parent / "examples"
NAMES = ("digicenter", "kotisivutaivas", "asiakasrekisteri-malli")


def _example(name: str) -> Register:
    """Load one example register by its file stem."""
    return load_register(EXAMPLES / f"{name}.toml")


def _texts(register: Register) -> str:
    """Every Finnish text of *register*, joined, for searching legacy wording."""
    parts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(unstructure(register))
    return "\n".join(parts)


@pytest.fixture(scope="module", params=NAMES)
def example(request: pytest.FixtureRequest) -> Register:
    """Each example register in turn."""
    name: str = request.param
    return _example(name)


class TestLoading:
    def test_every_example_file_is_tested(self) -> None:
        """The test list names exactly the TOML files in examples/."""
        # complete-v2 models no corpus notice: tests/test_render_complete.py tests it.
        assert {path.stem for path in EXAMPLES.glob("*.toml")} - {"complete-v2"} == set(NAMES)

    @pytest.mark.parametrize("name", NAMES)
    def test_loads_as_register(self, name: str) -> None:
        """Each example loads from TOML into a Register."""
        register = _example(name)

        assert isinstance(register, Register)
        assert register.schema_version == 2

    @pytest.mark.parametrize("name", NAMES)
    def test_starts_with_a_header_naming_the_notice(self, name: str) -> None:
        """Each file opens with a comment header that names its corpus notice."""
        text = (EXAMPLES / f"{name}.toml").read_text(encoding="utf-8")
        header = text.split("\n\n", 1)[0]

        assert header.startswith("# ")
        assert "/work/shared/corpus/notice-00" in text[: text.index("\nname = ")]


class TestRoundTrip:
    def test_toml_json_toml_is_equal(self, example: Register) -> None:
        """TOML -> model -> JSON -> model gives an equal register."""
        assert loads(dumps(example), Register) == example

    def test_indented_json_is_equal(self, example: Register) -> None:
        """The indented JSON form reads back to an equal register too."""
        assert loads(dumps(example, indent=True), Register) == example

    def test_json_is_stable(self, example: Register) -> None:
        """Dumping the reloaded register gives the same bytes again."""
        data = dumps(example)

        assert dumps(loads(data, Register)) == data


class TestJsonSchema:
    def test_schema_is_valid_2020_12(self) -> None:
        """The generated schema is itself a valid JSON Schema 2020-12."""
        Draft202012Validator.check_schema(json_schema())

    def test_example_documents_validate(self, example: Register) -> None:
        """The JSON document of each example validates against the schema."""
        validator = Draft202012Validator(json_schema())

        assert [error.message for error in validator.iter_errors(unstructure(example))] == []

    def test_schema_rejects_a_misspelt_key(self, example: Register) -> None:
        """The schema is as strict as the loader: a misspelt top-level key fails."""
        document = {**unstructure(example), "retension": []}

        assert not Draft202012Validator(json_schema()).is_valid(document)


class TestNoInventedFacts:
    def test_no_legal_basis(self, example: Register) -> None:
        """None of the notices names a legal basis, so no purpose has one."""
        assert example.purposes
        assert all(purpose.legal_basis is None for purpose in example.purposes)
        assert all(purpose.legitimate_interest is None for purpose in example.purposes)

    def test_no_computed_retention_period(self, example: Register) -> None:
        """No notice gives a retention period, so no rule has a period or trigger."""
        assert all(rule.period is None and rule.trigger is None for rule in example.retention)
        assert not any(rule.computable for rule in example.retention)

    def test_no_transfers_with_a_destination(self, example: Register) -> None:
        """No notice names a destination country or a transfer mechanism."""
        assert all(t.destination is None and t.mechanism is None for t in example.transfers)

    def test_nothing_the_notices_never_mention(self, example: Register) -> None:
        """No processors, cookies, automated decisions, DPO, representative or date."""
        assert example.processors == ()
        assert example.cookies == ()
        assert example.automated_decisions == ()
        assert example.controller.dpo is None
        assert example.controller.representative is None
        assert example.updated is None

    def test_texts_are_finnish_only(self, example: Register) -> None:
        """Every text is in Finnish only, as in the notices."""
        document = unstructure(example)
        document.pop("sources", None)  # catalog sources bring their own translations
        text_objects: list[dict[str, Any]] = []

        def walk(value: Any) -> None:
            if isinstance(value, dict):
                if "fi" in value:
                    text_objects.append(value)
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(document)

        assert text_objects
        assert all(set(text) == {"fi"} for text in text_objects)

    def test_complaint_authority_is_the_model_default(self, example: Register) -> None:
        """No notice names an authority, so the register keeps the model's default."""
        assert example.complaint_authority == DATA_PROTECTION_OMBUDSMAN


class TestDigiCenter:
    register = _example("digicenter")

    def test_states_no_transfers(self) -> None:
        """The notice says data are not transferred abroad: stated, not merely empty."""
        assert self.register.transfers == ()
        assert tuple(self.register.none_stated) == ("transfers",)

    def test_controller(self) -> None:
        """The controller is DigiCenter Oy with its Y-tunnus, address and contacts."""
        controller = self.register.controller

        assert controller.name == "DigiCenter Oy"
        assert controller.business_id == "0685831-5"
        assert controller.address == Address(
            street="Hämeenkatu 129", postal_code="05820", town="HYVINKÄÄ"
        )
        assert controller.contact is not None
        assert controller.contact.phone == "019-4279000"

    def test_email_written_out(self) -> None:
        """The notice's huolto(a)digicenter.fi is written out in full."""
        assert self.register.controller.contact is not None
        assert self.register.controller.contact.email == "huolto@digicenter.fi"
        assert "(a)" not in _texts(self.register)

    def test_purposes(self) -> None:
        """The five uses of the purpose section are the purposes."""
        assert [p.name.fi for p in self.register.purposes] == [
            "Asiakkaan tunnistaminen",
            "Markkinointi",
            "Myynti",
            "Laskutus",
            "Muu asiakkuudessa tarpeellinen yhteydenpito",
        ]

    def test_sources(self) -> None:
        """The customer is the catalog source; the unnamed third parties are not from it."""
        assert [s.key for s in self.register.sources] == [
            "data-subject",
            "credit-and-business-information",
            "public-administration",
        ]
        assert self.register.sources[0] is sources.DATA_SUBJECT
        assert all(s.business_id is None for s in self.register.third_party_sources)
        assert all(s.operator is None for s in self.register.third_party_sources)

    def test_recipients(self) -> None:
        """Suomen Numeropalvelu Oy, at the customer's wish, and permitted authorities."""
        numeropalvelu, authorities = self.register.recipients

        assert numeropalvelu.name == "Suomen Numeropalvelu Oy"
        assert "asiakkaan niin halutessaan" in numeropalvelu.description.fi
        assert numeropalvelu.business_id is None  # the notice gives none
        assert authorities.is_category
        assert "viranomaiset" in authorities.description.fi

    def test_retention_cites_kirjanpitolaki_only_as_the_notice_does(self) -> None:
        """One rule cites kirjanpitolaki 1336/1997 without a section or period; one quotes."""
        relationship, bookkeeping = self.register.retention

        assert relationship.statute is None
        assert relationship.description is not None
        assert "niin kauan kun asiakkuus on voimassa" in relationship.description.fi
        assert bookkeeping.statute == "kirjanpitolaki 1336/1997"
        assert bookkeeping.description is not None
        assert "kirjanpitolain (30.12.1997/1336)" in bookkeeping.description.fi

    def test_security(self) -> None:
        """Passwords, protected premises and the locked paper register are all there."""
        kinds = [measure.kind for measure in self.register.security]
        text = " ".join(measure.description.fi for measure in self.register.security)

        assert {SecurityKind.TECHNICAL, SecurityKind.PHYSICAL} <= set(kinds)
        assert "salasanojen" in text
        assert "Paperirekisteri sijaitsee lukitussa tilassa" in text
        assert "Suomessa sijaitsevilla palvelimilla" in text

    def test_no_rights(self) -> None:
        """The notice mentions no data-subject right, so rights is empty, not the default."""
        assert self.register.rights == ()

    def test_no_transfers(self) -> None:
        """The notice says data are not transferred outside Finland; its text is kept."""
        assert self.register.transfers == ()
        assert self.register.description is not None
        assert "ei siirretä Suomen ulkopuolelle" in self.register.description.fi

    def test_legacy_wording_kept(self) -> None:
        """The old title "rekisteriseloste" stays in the texts for the linter."""
        assert "rekisteriseloste" in _texts(self.register).lower()


class TestKotisivutaivas:
    register = _example("kotisivutaivas")

    def test_states_no_transfers(self) -> None:
        """The notice says data are not transferred abroad: stated, not merely empty."""
        assert self.register.transfers == ()
        assert tuple(self.register.none_stated) == ("transfers",)

    def test_controller(self) -> None:
        """The controller is Kotisivutaivas Oy with its Y-tunnus, address and phone."""
        controller = self.register.controller

        assert controller.name == "Kotisivutaivas Oy"
        assert controller.business_id == "2903124-9"
        assert controller.address == Address(
            street="Rantalanpolku 2", postal_code="44800", town="Pihtipudas"
        )
        assert controller.contact is not None
        assert controller.contact.phone == "+358 44 596 2025"
        assert controller.contact.email is None  # the controller section gives none

    def test_register_contact(self) -> None:
        """The register contact is as printed under "Yhteystiedot rekisteriä koskevissa …"."""
        contact = self.register.contact_person

        assert contact is not None
        assert contact.name == "Kotisivutaivas"
        assert contact.email == "info@kotisivutaivas.fi"

    def test_name(self) -> None:
        """The register has the name the notice gives it."""
        assert self.register.name is not None
        assert self.register.name.fi == "Kotisivutaivaan internetpalvelujen asiakastietorekisteri"

    def test_sources_use_the_catalog(self) -> None:
        """The named sources are the catalog's YTJ, Yhdistysnetti, Asiakastieto and Fonecta."""
        by_key = {source.key: source for source in self.register.sources}

        assert by_key["data-subject"] is sources.DATA_SUBJECT
        assert by_key["ytj"] is sources.YTJ
        assert by_key["prh-yhdistysrekisteri"] is sources.PRH_YHDISTYSREKISTERI
        assert by_key["asiakastieto"] is sources.ASIAKASTIETO
        assert by_key["fonecta"] is sources.FONECTA
        assert set(by_key) == {
            "data-subject",
            "staff",
            "customer-service",
            "ytj",
            "prh-yhdistysrekisteri",
            "asiakastieto",
            "fonecta",
        }

    def test_henkilotunnus_flagged(self) -> None:
        """The category holding the henkilötunnus is flagged as such, and only that one."""
        flagged = [c.key for c in self.register.data_categories if c.personal_identity_code]

        assert flagged == ["identity-code"]
        assert all(c.special is None and not c.criminal for c in self.register.data_categories)

    def test_direct_marketing_without_rights(self) -> None:
        """Direct marketing is a purpose, yet the notice names no right: rights is empty."""
        assert "direct-marketing" in {p.key for p in self.register.purposes}
        assert self.register.rights == ()

    def test_no_retention(self) -> None:
        """The notice says nothing about retention, so there is no rule."""
        assert self.register.retention == ()

    def test_outdated_wording_kept(self) -> None:
        """The references to repealed law and a renamed authority stay for the linter."""
        text = _texts(self.register)

        assert "sähköisen viestinnän tietosuojalain" in text
        assert "Viestintäviraston" in text

    def test_recipients_only_as_the_law_allows(self) -> None:
        """The only disclosure statement is the vague "within the limits of Finnish law"."""
        (recipient,) = self.register.recipients

        assert recipient.is_category
        assert "Suomen lain" in recipient.description.fi


class TestAsiakasrekisteriMalli:
    register = _example("asiakasrekisteri-malli")

    def test_rights_exercise_keeps_the_three_sections(self) -> None:
        """The three rights sections are kept verbatim as how the rights are exercised."""
        text = self.register.rights_exercise
        assert text is not None
        assert text.fi is not None
        assert text.fi.startswith("Tarkastusoikeus: Rekisteröidyllä")
        assert "Oikeus vaatia tiedon korjaamista:" in text.fi
        assert text.fi.endswith("edelleen luovuttaminen ja käsittely.")
        assert self.register.description is not None
        assert "Tarkastusoikeus" not in (self.register.description.fi or "")

    def test_controller_is_unnamed(self) -> None:
        """The template names no controller, so the draft names none either."""
        controller = self.register.controller

        assert controller.name is None
        assert controller.business_id is None
        assert controller.address is None
        assert controller.contact is None
        assert self.register.contact_person is None

    def test_data_categories(self) -> None:
        """The six items of the data-content list are the data categories."""
        assert [c.name.fi for c in self.register.data_categories] == [
            "Henkilön etu- ja sukunimi",
            "Edustamansa yhteisö",
            "Sähköpostiosoite",
            "Postiosoite",
            "Puhelinnumero",
            "Tiedot aikaisemmista toimeksiannoista",
        ]

    def test_rights_are_those_mentioned(self) -> None:
        """Access, rectification, erasure, notification and objection, as the notice has."""
        assert self.register.rights == (
            Right.ACCESS,
            Right.RECTIFICATION,
            Right.ERASURE,
            Right.NOTIFICATION,
            Right.OBJECT,
        )
        assert Right.COMPLAINT not in self.register.rights
        assert Right.PORTABILITY not in self.register.rights

    def test_sources(self) -> None:
        """The customer's own registrations are the data-subject source; none is guessed."""
        keys = [source.key for source in self.register.sources]

        assert keys[0] == "data-subject"
        assert not {"dvv-vtj", "posti-osoitepalvelu"} & set(keys)
        assert all(s.business_id is None for s in self.register.third_party_sources)

    def test_conditional_transfer(self) -> None:
        """The "unless technically necessary" transfer is kept, without destination."""
        (transfer,) = self.register.transfers

        assert transfer.destination is None
        assert not transfer.outside_eea
        assert transfer.description is not None
        assert "Euroopan Unionin ulkopuolelle, ellei" in transfer.description.fi

    def test_outdated_wording_kept(self) -> None:
        """Henkilötietolaki, signed written requests and the old Ombudsman route stay."""
        text = _texts(self.register)

        assert "henkilötietolain" in text
        assert "Tarkastuspyyntö on allekirjoitettava" in text
        assert "kirjallisen todistuksen" in text
        assert "tietosuojavaltuutetun ratkaistavaksi" in text

    def test_retention_has_no_statute(self) -> None:
        """The erasure sentence names "lainsäädäntö" only, so no statute is cited."""
        (rule,) = self.register.retention

        assert rule.statute is None
        assert rule.description is not None
        assert "avoimet laskut tai perintätoimet" in rule.description.fi

    def test_no_cookies(self) -> None:
        """The empty "Evästeet" heading gives no cookies."""
        assert self.register.cookies == ()
