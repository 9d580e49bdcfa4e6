"""Notices in Swedish and English: place names, postal forms, country names.

A Swedish notice writes a Finnish address with the Swedish name of a bilingual
municipality and ``PB`` for a post-office box; an English one writes
``P.O. Box``; countries are named in the notice's language.
"""

from __future__ import annotations

import pytest

from rekisteri.errors import InvalidValueError
from rekisteri.model import Address, ContactPoint, Lang
from rekisteri.places import SWEDISH_NAMES, Place, street_line, town_name
from rekisteri.render import render_notice
from rekisteri.testing import a_register


class TestPlaces:
    @pytest.mark.parametrize("place", list(SWEDISH_NAMES.values()), ids=lambda p: p.fi)
    def test_every_place_both_ways(self, place: Place) -> None:
        """Each Finnish name gives its Swedish name in sv, and the Swedish name its Finnish."""
        fi, sv = place.fi, place.sv
        assert town_name(fi, "sv") == sv
        assert town_name(fi, "en") == fi
        assert town_name(fi, Lang.FI) == fi
        if sv != fi:
            assert town_name(sv, "fi") == fi

    def test_pairs_asked_for_by_the_issue(self) -> None:
        """The bilingual municipalities the issue names have their Swedish names."""
        expected = {
            "Helsinki": "Helsingfors",
            "Espoo": "Esbo",
            "Vantaa": "Vanda",
            "Turku": "Åbo",
            "Vaasa": "Vasa",
            "Porvoo": "Borgå",
            "Kauniainen": "Grankulla",
            "Raasepori": "Raseborg",
            "Tammisaari": "Ekenäs",
        }
        assert {fi: town_name(fi, "sv") for fi in expected} == expected

    def test_capitals_and_spacing(self) -> None:
        """A town in capitals (the postal style) stays in capitals; spaces around are ignored."""
        assert town_name("HELSINKI", "sv") == "HELSINGFORS"
        assert town_name(" Helsinki ", "sv") == "Helsingfors"
        assert town_name("VAASA", "sv") == "VASA"

    def test_unilingual_towns_keep_their_name(self) -> None:
        """A town that is not bilingual keeps its (Finnish) postal name in Swedish."""
        assert town_name("Hyvinkää", "sv") == "Hyvinkää"
        assert town_name("Tampere", "sv") == "Tampere"

    @pytest.mark.parametrize(
        ("street", "fi", "sv", "en"),
        [
            ("PL 800", "PL 800", "PB 800", "P.O. Box 800"),
            ("PL. 12", "PL 12", "PB 12", "P.O. Box 12"),
            ("pl 5", "PL 5", "PB 5", "P.O. Box 5"),
            ("PB 800", "PL 800", "PB 800", "P.O. Box 800"),
            ("Postilokero 3", "PL 3", "PB 3", "P.O. Box 3"),
            ("P.O. Box 7", "PL 7", "PB 7", "P.O. Box 7"),
            ("Lintulahdenkuja 4", "Lintulahdenkuja 4", "Lintulahdenkuja 4", "Lintulahdenkuja 4"),
            ("Plaza 5", "Plaza 5", "Plaza 5", "Plaza 5"),
        ],
    )
    def test_po_box(self, street: str, fi: str, sv: str, en: str) -> None:
        """A post-office box is PL / PB / P.O. Box; a street address stays as it is."""
        assert (
            street_line(street, "fi"),
            street_line(street, "sv"),
            street_line(street, "en"),
        ) == (
            fi,
            sv,
            en,
        )

    def test_unknown_language_is_a_typed_error(self) -> None:
        """An unknown language is the package's typed error."""
        with pytest.raises(InvalidValueError):
            town_name("Helsinki", "de")


class TestAddressesInNotices:
    @pytest.mark.parametrize(
        ("locale", "line"),
        [
            ("fi", "PL 800, 00531 Helsinki"),
            ("sv", "PB 800, 00531 Helsingfors"),
            ("en", "P.O. Box 800, 00531 Helsinki"),
        ],
    )
    def test_supervisory_authority(self, locale: str, line: str) -> None:
        """The Data Protection Ombudsman's postal address in each language."""
        assert line in render_notice(a_register(), locale=locale, format="text")

    def test_controller_address_in_swedish(self) -> None:
        """The controller's Helsinki address reads Helsingfors in Swedish, Helsinki otherwise."""
        register = a_register()
        assert "Esimerkkikatu 1, 00100 Helsingfors" in render_notice(
            register, locale="sv", format="md"
        )
        assert "Esimerkkikatu 1, 00100 Helsinki" in render_notice(
            register, locale="en", format="md"
        )

    def test_foreign_address_is_not_translated(self) -> None:
        """An address outside Finland keeps its words, and its country is named in the language."""
        base = a_register()
        contact = ContactPoint(
            name="Kundtjänst",
            address=Address(street="Box 123", postal_code="111 22", town="Stockholm", country="SE"),
        )
        register = a_register(contact_person=contact)
        assert base.contact_person is None
        text = render_notice(register, locale="sv", format="text")
        assert "Box 123, 111 22 Stockholm, Sverige" in text
        assert "Box 123, 111 22 Stockholm, Ruotsi" in render_notice(
            register, locale="fi", format="text"
        )
        assert "Box 123, 111 22 Stockholm, Sweden" in render_notice(
            register, locale="en", format="text"
        )
