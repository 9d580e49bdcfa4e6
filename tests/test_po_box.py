"""Address.po_box: a post-office box in its own field, written in each notice's language."""

from __future__ import annotations

import pytest

from rekisteri.jsonld import to_jsonld
from rekisteri.model import Address, Controller, Register
from rekisteri.places import po_box_line
from rekisteri.render import render_notice
from rekisteri.serialize import dumps, loads
from rekisteri.testing import a_register

BOTH = Address(street="Koetie 4", po_box="PL 12", postal_code="00101", town="Helsinki")


@pytest.mark.parametrize(
    ("box", "lang", "written"),
    [
        ("12", "fi", "PL 12"),
        ("PL 12", "sv", "PB 12"),
        ("P.O. Box 12", "fi", "PL 12"),
        ("postilokero 12 A", "en", "P.O. Box 12 A"),
        ("Box 7", "sv", "PB 7"),
    ],
)
def test_a_box_is_written_in_the_notice_language(box: str, lang: str, written: str) -> None:
    assert po_box_line(box, lang) == written


@pytest.mark.parametrize(
    ("box", "lang", "written"),
    [
        ("PL 12, 00101 Helsinki", "sv", "PB 12, 00101 Helsingfors"),
        ("PL 12, 00101 Helsinki", "en", "P.O. Box 12, 00101 Helsinki"),
        ("PL 12 00101 HELSINKI", "en", "P.O. Box 12 00101 HELSINKI"),
        ("PL 12 00101 HELSINKI", "sv", "PB 12 00101 HELSINGFORS"),
        ("PB 7 A 00101 Helsingfors", "fi", "PL 7 A 00101 Helsinki"),
        ("PL 5, 65101 Vasa", "sv", "PB 5, 65101 Vasa"),
        ("PL 5, 02101 Espoo", "sv", "PB 5, 02101 Esbo"),
        ("PL 5, 33101 Tampere", "sv", "PB 5, 33101 Tampere"),
        ("PL 5, 99999 Pikkukylä", "sv", "PB 5, 99999 Pikkukylä"),
        ("PL 3, Helsinki", "sv", "PB 3, Helsinki"),
        ("PL 12 00101", "sv", "PB 12 00101"),
    ],
)
def test_a_box_with_its_own_code_keeps_it_and_names_its_town(
    box: str, lang: str, written: str
) -> None:
    assert po_box_line(box, lang) == written


def test_something_else_is_kept_as_written() -> None:
    assert po_box_line("Lokero A-12", "en") == "Lokero A-12"


@pytest.mark.parametrize(
    ("locale", "line"),
    [
        ("fi", "Koetie 4, PL 12, 00101 Helsinki"),
        ("sv", "Koetie 4, PB 12, 00101 Helsingfors"),
        ("en", "Koetie 4, P.O. Box 12, 00101 Helsinki"),
    ],
)
def test_the_notice_shows_street_box_and_town(locale: str, line: str) -> None:
    register = a_register(controller=Controller(name="Koe Oy", address=BOTH))
    assert line in render_notice(register, locale=locale)


def test_a_box_alone_is_the_postal_address() -> None:
    address = Address(po_box="12", postal_code="00101", town="Helsinki")
    register = a_register(controller=Controller(name="Koe Oy", address=address))
    assert "PL 12, 00101 Helsinki" in render_notice(register, locale="fi")


def test_json_and_jsonld_keep_the_box() -> None:
    register = a_register(controller=Controller(name="Koe Oy", address=BOTH))
    assert loads(dumps(register), Register).controller.address == BOTH
    document = to_jsonld(register)
    assert '"postOfficeBox": "PL 12"' in str(document).replace("'", '"')


def test_an_older_document_without_the_field_still_loads() -> None:
    register = a_register(controller=Controller(name="Koe Oy", address=BOTH))
    data = dumps(register).replace(b'"po_box":"PL 12",', b"")
    assert b"po_box" not in data
    assert loads(data, Register).controller.address.po_box is None  # type: ignore[union-attr]


def test_a_box_with_its_own_postal_code_follows_the_street_town() -> None:
    address = Address(
        street="Koetie 4", po_box="PL 12, 00101 Helsinki", postal_code="00100", town="Helsinki"
    )
    register = a_register(controller=Controller(name="Koe Oy", address=address))
    notice = render_notice(register, locale="sv")
    assert "Koetie 4, 00100 Helsingfors, PB 12, 00101 Helsingfors" in notice
