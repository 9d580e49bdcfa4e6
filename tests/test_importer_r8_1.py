"""R8-1: "Register information" over the general block's labelled lines is no data heading.

c4bff75 made "Register information" / "Information of the register" name the data
content; over "Name of the register: …" / "Controller: …" lines (the general block
of an English notice) the controller's name was lost.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice

_TEXT = (
    "Privacy notice\n\n1. {heading}\n{gap}"
    "Name of the register: Customer register of Birch Bakery\n"
    "Controller: Birch Bakery Ltd, Harbour Road 4, 00100 Helsinki\n"
    "Contact person: Anna Berg, anna.berg@birch.example\n\n"
    "2. Purpose of processing\nWe use the data for invoicing and customer service.\n\n"
    "3. Information stored in the register\nName, address, e-mail address and order history.\n"
)


@pytest.mark.parametrize("gap", ["", "\n"])
@pytest.mark.parametrize(
    "heading",
    [
        "Register information",
        "Registry information",
        "Information on the register",
        "Information of the register",
        "The register's information",
    ],
)
def test_the_general_blocks_heading_keeps_the_controller(heading: str, gap: str) -> None:
    draft = import_notice(_TEXT.format(heading=heading, gap=gap)).draft
    assert draft.controller.name == "Birch Bakery Ltd"
    assert draft.contact_person is not None
    assert draft.contact_person.name == "Anna Berg"
    assert len(draft.data_categories) == 4


def test_register_information_over_data_is_still_the_data() -> None:
    draft = import_notice(
        "Privacy notice\n\nController\nBirch Bakery Ltd, Harbour Road 4, 00100 Helsinki\n\n"
        "Register information\nName, address and e-mail address of the customer.\n"
    ).draft
    assert draft.data_categories


def test_one_field_a_line_under_register_information_keeps_the_names() -> None:
    """The residue of 46e1a9f: a party's label whose value is its name alone."""
    draft = import_notice(
        "Privacy notice\n\n1. Register information\n"
        "Name of the register: Customer register of Birch Bakery\n"
        "Controller: Birch Bakery Ltd\nAddress: Harbour Road 4, 00100 Helsinki\n"
        "Contact person: Anna Berg\nE-mail: anna.berg@birch.example\n\n"
        "2. Purpose of processing\nWe use the data for invoicing and customer service.\n"
    ).draft
    assert draft.controller.name == "Birch Bakery Ltd"
    assert draft.contact_person is not None
    assert draft.contact_person.name == "Anna Berg"
