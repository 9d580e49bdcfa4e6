"""The catalog of data categories: rekisteri.categories."""

from __future__ import annotations

import pickle
import tomllib
from datetime import date

import attrs
import pytest

from rekisteri import categories
from rekisteri.errors import (
    InvalidDocumentError,
    InvalidValueError,
    RekisteriError,
    UnknownCategoryError,
)
from rekisteri.model import DataCategory, Lang, Register, SpecialCategory
from rekisteri.serialize import dumps, json_schema, loads, structure, unstructure
from rekisteri.testing import make_hetu

#: The categories the issue asks for, at least (MODEL16.md 4).
REQUIRED = (
    "basic-details",
    "contact-details",
    "personal-identity-code",
    "customer-history",
    "orders",
    "payment-details",
    "billing",
    "marketing-preferences",
    "consents-and-prohibitions",
    "employment-details",
    "salary",
    "bank-account",
    "tax-number",
    "membership-details",
    "health",
    "trade-union-membership",
    "images",
    "recordings",
    "location",
    "online-identifiers",
    "cookies",
    "communications",
    "education",
    "family-members",
    "criminal-records",
)

#: DPV 2.x personal-data concepts (w3c/dpv pd/pd.csv) the catalog may use.
DPV_PD_TERMS = frozenset(
    {
        "Authenticating",
        "BankAccount",
        "BrowsingBehavior",
        "Communication",
        "Contact",
        "CreditRecord",
        "CriminalConviction",
        "CurrentEmployment",
        "DeviceBased",
        "Education",
        "Family",
        "GroupMembership",
        "Health",
        "Historical",
        "Identifying",
        "Location",
        "OfficialID",
        "Picture",
        "Preference",
        "PrivacyPreference",
        "Purchase",
        "Salary",
        "Tax",
        "TradeUnionMembership",
        "Transaction",
        "Transactional",
        "VoiceCommunicationRecording",
    }
)

CATEGORIES = list(categories.CATALOG.values())


class TestCatalog:
    def test_required_categories_are_there(self) -> None:
        """Every category the issue names is in the catalog."""
        assert set(REQUIRED) <= set(categories.keys())

    def test_keys_are_the_categories_keys(self) -> None:
        """CATALOG maps each key to the category with that key; keys() lists them in order."""
        assert all(key == category.key for key, category in categories.CATALOG.items())
        assert categories.keys() == tuple(categories.CATALOG)

    @pytest.mark.parametrize("category", CATEGORIES, ids=lambda c: c.key)
    def test_names_and_descriptions_in_three_languages(self, category: DataCategory) -> None:
        """Each category has a name and a description in fi, sv and en."""
        assert category.name.languages == (Lang.FI, Lang.SV, Lang.EN)
        assert category.description is not None
        assert category.description.languages == (Lang.FI, Lang.SV, Lang.EN)

    @pytest.mark.parametrize("category", CATEGORIES, ids=lambda c: c.key)
    def test_dpv_term_is_a_known_pd_concept(self, category: DataCategory) -> None:
        """Each category names a DPV personal-data concept that exists."""
        assert category.dpv is not None
        prefix, _, local = category.dpv.partition(":")
        assert prefix == "pd"
        assert local in DPV_PD_TERMS
        assert categories.dpv_iri(category.dpv) == f"https://w3id.org/dpv/pd#{local}"

    def test_special_and_criminal_flags(self) -> None:
        """Health and trade-union membership are special, criminal records are Art 10 data."""
        assert categories.HEALTH.special is SpecialCategory.HEALTH
        assert categories.TRADE_UNION_MEMBERSHIP.special is SpecialCategory.TRADE_UNION_MEMBERSHIP
        assert categories.CRIMINAL_RECORDS.criminal
        assert categories.PERSONAL_IDENTITY_CODE.personal_identity_code
        ordinary = [c for c in CATEGORIES if c.key not in {"health", "trade-union-membership"}]
        assert all(c.special is None for c in ordinary)

    def test_swedish_names(self) -> None:
        """Swedish names use the official terms (DOMAIN.md glossary)."""
        assert categories.PERSONAL_IDENTITY_CODE.name.sv == "Personbeteckning"
        assert categories.CONTACT_DETAILS.name.sv == "Kontaktuppgifter"

    def test_extend_with_evolve(self) -> None:
        """A catalog category is an ordinary DataCategory: evolve() changes it."""
        web_orders = attrs.evolve(categories.ORDERS, key="web-orders")
        assert web_orders.name == categories.ORDERS.name
        assert web_orders.key == "web-orders"

    def test_catalog_is_read_only(self) -> None:
        """The catalog cannot be changed by accident."""
        with pytest.raises(TypeError):
            categories.CATALOG["mine"] = categories.ORDERS  # type: ignore[index] # read-only on purpose


class TestGet:
    def test_get_and_aliases(self) -> None:
        """get() finds a category by key or by a Finnish alias (which keeps the catalog key)."""
        assert categories.get("salary") is categories.SALARY
        assert categories.get("palkkatiedot") is categories.SALARY
        assert all(categories.get(alias).key == key for alias, key in categories.ALIASES.items())
        assert not set(categories.ALIASES) & set(categories.CATALOG)

    def test_unknown_key(self) -> None:
        """An unknown key is an UnknownCategoryError: a RekisteriError and a KeyError."""
        with pytest.raises(UnknownCategoryError) as info:
            categories.get("shoe-size")
        assert isinstance(info.value, RekisteriError)
        assert isinstance(info.value, KeyError)
        assert str(info.value) == "no data category 'shoe-size' in the catalog"

    @pytest.mark.parametrize("key", [make_hetu(date(1990, 1, 15), 234), 5, None])
    def test_unknown_key_is_not_quoted_unless_a_word(self, key: object) -> None:
        """A key that is not made of letters and hyphens (it could be a hetu) is not shown."""
        with pytest.raises(UnknownCategoryError) as info:
            categories.get(key)  # type: ignore[arg-type] # a wrong type on purpose
        assert str(info.value) == "no data category with this key in the catalog"

    def test_error_pickles(self) -> None:
        """UnknownCategoryError survives pickling."""
        with pytest.raises(UnknownCategoryError) as info:
            categories.get("x")
        again = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own object
        assert type(again) is UnknownCategoryError
        assert str(again) == str(info.value)

    def test_dpv_iri(self) -> None:
        """dpv_iri expands pd:, dpv-pd: and dpv:, keeps an IRI, and refuses other prefixes."""
        assert categories.dpv_iri("dpv-pd:Salary") == "https://w3id.org/dpv/pd#Salary"
        assert categories.dpv_iri("dpv:PersonalData") == "https://w3id.org/dpv#PersonalData"
        iri = "https://example.com/terms#Shoe"
        assert categories.dpv_iri(iri) == iri
        with pytest.raises(InvalidValueError):
            categories.dpv_iri("schema:Person")


TOML = """
[controller]
name = "Esimerkki Oy"

[[data_categories]]
catalog = "orders"
key = "web-orders"
dpv = "pd:Purchase"

[[data_categories]]
key = "notes"
name = "Asiakaspalvelun muistiinpanot"
"""


class TestDocuments:
    def test_key_in_a_document(self) -> None:
        """A bare catalog key (or alias) in a document is the catalog category."""
        register = structure(
            {"controller": {"name": "Oy"}, "data_categories": ["contact-details", "terveystiedot"]},
            Register,
        )
        assert register.data_categories == (categories.CONTACT_DETAILS, categories.HEALTH)

    def test_catalog_table_with_overrides(self) -> None:
        """A table with `catalog` takes the catalog category and changes the fields given."""
        register = structure(tomllib.loads(TOML), Register)
        web, notes = register.data_categories
        assert web == attrs.evolve(categories.ORDERS, key="web-orders")
        assert notes.dpv is None
        assert notes.name.fi == "Asiakaspalvelun muistiinpanot"

    def test_written_in_full_and_read_back(self) -> None:
        """A catalog category is written out in full, so a reader needs no catalog."""
        data = unstructure(categories.HEALTH)
        assert data["name"]["sv"] == "Hälsouppgifter"
        assert data["dpv"] == "pd:Health"
        assert loads(dumps(categories.HEALTH), DataCategory) == categories.HEALTH

    @pytest.mark.parametrize(
        "category",
        ["no-such", {"catalog": "no-such"}, {"catalog": 5}, make_hetu(date(1990, 1, 15), 234)],
    )
    def test_unknown_catalog_key(self, category: object) -> None:
        """An unknown catalog key is a problem at its path; the key is not quoted."""
        with pytest.raises(InvalidDocumentError) as info:
            structure({"controller": {"name": "Oy"}, "data_categories": [category]}, Register)
        (problem,) = info.value.problems
        assert problem.startswith(
            "data_categories[0]: no catalog data category with this key; the catalog has: "
        )
        assert "19011" not in problem

    def test_json_schema_knows_the_catalog(self) -> None:
        """The JSON Schema lists the catalog keys and the catalog table."""
        schema = json_schema()
        items = schema["$defs"]["Register"]["properties"]["data_categories"]["items"]
        keys, table, full = items["anyOf"]
        assert set(categories.CATALOG) <= set(keys["enum"])
        assert table == {"$ref": "#/$defs/DataCategoryFromCatalog"}
        assert full == {"$ref": "#/$defs/DataCategory"}
        assert schema["$defs"]["DataCategoryFromCatalog"]["required"] == ["catalog"]
