"""Key facts on fresh pages (helper T11, session 17): the controller, its people, the register.

Each test is a mechanism, on small fictional notices written for this file (never
text of the held-out fixtures or of the measurers' real pages, nor copied from the
dev fixtures).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._contact import parse_line

# --- a value in brackets after a few words: the words are its label ----------------------------


@pytest.mark.parametrize(
    "aside",
    [
        "(company registration code: 2077474-0)",
        "(business identity code 2077474-0)",
        "(org. reg. number: 2077474-0)",
    ],
)
def test_a_business_id_in_brackets_after_its_own_words_ends_the_name(aside: str) -> None:
    notice = (
        "1. Data controller\n"
        f"Lumipallo Games Oy {aside}\n"
        "Sataman kuja 5\n"
        "33100 Tampere\n\n"
        "2. Purpose of processing\n"
        "We use the data to send the newsletter.\n"
    )
    draft = import_notice(notice).draft
    assert draft.controller.name == "Lumipallo Games Oy"
    assert draft.controller.business_id == "2077474-0"


def test_a_law_number_in_brackets_is_no_label_of_a_phone() -> None:
    # a statute's number has a phone number's form: the words before it are no phone label
    line = "Toiminta perustuu lakiin (laki kuntien kirjastoista 1234/2016)."
    parts = parse_line(line, 0, len(line))
    assert not any(p.field == "label" for p in parts)


@pytest.mark.parametrize(
    "line",
    [
        # words with a digit are no label: the bracket stays as it was read
        "Lumipallo Games Oy (ent. 2 Pallo Oy 2077474-0)",
        # the bracket does not close after the value
        "Lumipallo Games Oy (2077474-0 rekisteröity 2019)",
    ],
)
def test_a_bracket_that_is_no_label_of_its_value_is_left_alone(line: str) -> None:
    parts = parse_line(line, 0, len(line))
    assert not any(p.field == "label" for p in parts)


# --- a phone's label with a spaced dot, and a plus spaced from the country code ---------------


def test_a_spaced_dot_and_a_spaced_plus_keep_the_phone_whole() -> None:
    line = "Puh .: + 358 40 765 1234"
    parts = parse_line(line, 0, len(line))
    assert [(p.field, p.value) for p in parts] == [
        ("label", "phone"),
        ("phone", "+358 40 765 1234"),
    ]


# --- "#" written for "@" in an otherwise whole address -----------------------------------------


def test_a_hash_for_the_at_sign_is_read_back_as_an_address() -> None:
    notice = (
        "Rekisterinpitäjä\n"
        "Kalliolan Kuntosaliseura ry\n"
        "Sammalpolku 4, 15100 Lahti\n"
        "Sähköposti: hallitus.kalliola#postimerkki.fi\n\n"
        "Rekisterin käyttötarkoitus\n"
        "Jäsenten yhteystietojen hoito.\n"
    )
    draft = import_notice(notice).draft
    assert draft.controller.contact is not None
    assert draft.controller.contact.email == "hallitus.kalliola@postimerkki.fi"


@pytest.mark.parametrize(
    "line",
    [
        "Lisää tietoa: https://kalliola.example/jasenet#tietosuoja.html",
        "Aihetunniste #kalliola.fi",
        "Tunnus kalliola#jasenet",
    ],
)
def test_a_hash_in_a_link_or_a_tag_is_no_address(line: str) -> None:
    parts = parse_line(line, 0, len(line))
    assert not any(p.field == "email" for p in parts)
