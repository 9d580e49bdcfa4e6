"""Tests for :mod:`rekisteri.sources`, the catalog of Finnish sources of personal data."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from rekisteri import sources
from rekisteri.identifiers import ytunnus
from rekisteri.sources import CATALOG, DATA_SUBJECT
from rekisteri.testing import a_register

if TYPE_CHECKING:
    from rekisteri.model import Source

#: DOMAIN.md 2.4: Y-tunnukset that the operators publish.
PUBLISHED_YTUNNUS: dict[str, str] = {
    "prh-kaupparekisteri": "0244683-1",
    "prh-yhdistysrekisteri": "0244683-1",
    "asiakastieto": "0111027-9",
    "fonecta": "1755007-6",
    "suomen-numeropalvelu": "0792060-0",
    "posti-osoitepalvelu": "2344200-4",
}

ENTRIES = sorted(CATALOG.items())


class TestCatalog:
    def test_every_constant_is_in_the_catalog(self) -> None:
        """Each exported source constant is listed in CATALOG, and nothing else is."""
        constants = {getattr(sources, name) for name in sources.__all__ if name != "CATALOG"}
        assert constants == set(CATALOG.values())

    def test_catalog_is_read_only(self) -> None:
        """The catalog cannot be changed by accident."""
        with pytest.raises(TypeError):
            CATALOG["own"] = DATA_SUBJECT  # type: ignore[index] # read-only on purpose

    @pytest.mark.parametrize(("key", "source"), ENTRIES, ids=[key for key, _ in ENTRIES])
    def test_key_matches(self, key: str, source: Source) -> None:
        """Every entry is listed under its own key."""
        assert source.key == key

    @pytest.mark.parametrize(("key", "source"), ENTRIES, ids=[key for key, _ in ENTRIES])
    def test_has_a_finnish_name(self, key: str, source: Source) -> None:
        """Every entry has a Finnish name."""
        assert source.name.fi.strip(), key

    @pytest.mark.parametrize(("key", "source"), ENTRIES, ids=[key for key, _ in ENTRIES])
    def test_ytunnus_is_valid_where_given(self, key: str, source: Source) -> None:
        """A Y-tunnus, where given, is valid and canonical."""
        if source.business_id is None:
            assert key not in PUBLISHED_YTUNNUS
        else:
            assert ytunnus.validate(source.business_id) == source.business_id

    @pytest.mark.parametrize(("key", "expected"), sorted(PUBLISHED_YTUNNUS.items()))
    def test_ytunnus_is_the_published_one(self, key: str, expected: str) -> None:
        """The Y-tunnukset are those the operators publish (DOMAIN.md 2.4)."""
        assert CATALOG[key].business_id == expected

    @pytest.mark.parametrize("key", ["ytj", "dvv-vtj"])
    def test_unverified_ytunnus_is_left_out(self, key: str) -> None:
        """Where a Y-tunnus is unverified (YTJ's two operators, DVV), none is guessed."""
        assert CATALOG[key].business_id is None

    def test_wrong_attributions_are_avoided(self) -> None:
        """The corrections of DOMAIN.md 2.4 hold: CGI's and Nokia's numbers are nowhere."""
        used = {source.business_id for source in CATALOG.values()}
        assert not {"0357502-9", "0112038-9", "0109357-9"} & used

    def test_ytj_is_bilingual_with_its_official_names(self) -> None:
        """YTJ carries its Swedish and English names (DOMAIN.md 5)."""
        assert sources.YTJ.name.sv == "Företags- och organisationsdatasystemet"
        assert sources.YTJ.name.en == "Business Information System (BIS)"

    def test_dvv_supplies_no_phone_numbers(self) -> None:
        """The population register is described without phone numbers (DOMAIN.md 5)."""
        data = sources.DVV_VTJ.data
        assert data is not None
        assert "ei puhelinnumeroita" in data.fi


class TestDataSubject:
    def test_is_the_data_subject(self) -> None:
        """DATA_SUBJECT is the data subject themself, so Art 13 applies."""
        assert DATA_SUBJECT.is_data_subject

    def test_is_the_only_one(self) -> None:
        """No other catalog source is the data subject."""
        assert [source for source in CATALOG.values() if source.is_data_subject] == [DATA_SUBJECT]

    def test_third_party_sources_exclude_it(self) -> None:
        """A register's third-party sources are all but the data subject."""
        register = a_register(sources=tuple(CATALOG.values()))
        third = register.third_party_sources
        assert DATA_SUBJECT not in third
        assert len(third) == len(CATALOG) - 1
        assert set(third) == set(CATALOG.values()) - {DATA_SUBJECT}
