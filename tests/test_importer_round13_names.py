"""Register names: said with a verb of naming, Swedish first, a register ranker (K2).

All notices here are fictional, written for these tests.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_bytes

_CONTROLLER_FI = (
    "\n\nRekisterinpitäjä\n\nKylän Soutajat ry\nRantatie 4, 12345 Kylä\n"
    "posti@soutajat.example.fi\n\nKäsittelyn tarkoitus\n\n"
    "Jäsenten tietoja käytetään jäsenyyden hoitoon.\n"
)
_CONTROLLER_SV = (
    "\n\nPersonuppgiftsansvarig\n\nRoddföreningen rf\nStrandvägen 4, 12345 Byn\n"
    "post@rodd.example.fi\n\nÄndamål\n\nUppgifterna används för att sköta medlemskapet.\n"
)


# --- the rules: names said with a verb of naming, Swedish first, determiners ----------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Registret heter Roddarnas medlemsregister.", "Roddarnas medlemsregister"),
        ("Rekisteri on nimeltään Soutajien jäsenrekisteri.", "Soutajien jäsenrekisteri"),
        ("The register is called the Rowing Club member register.", "Rowing Club member register"),
    ],
)
def test_a_verb_of_naming_states_the_name(sentence: str, name: str) -> None:
    text = "Seloste\n\n" + sentence + _CONTROLLER_SV
    draft_name = import_bytes(text.encode()).draft.name
    assert draft_name is not None
    assert draft_name.fi == name


def test_a_swedish_name_with_the_finnish_in_brackets_gives_both() -> None:
    text = (
        "Dataskyddsbeskrivning\n\nRegistret heter Roddarnas medlemsregister "
        "(Soutajien jäsenrekisteri). Uppgifterna förvaras i en databas." + _CONTROLLER_SV
    )
    name = import_bytes(text.encode()).draft.name
    assert name is not None
    assert (name.fi, name.sv) == ("Soutajien jäsenrekisteri", "Roddarnas medlemsregister")


def test_the_finnish_name_section_after_the_swedish_one_joins_it() -> None:
    swedish = (
        "Dataskyddsbeskrivning\n\nRegistrets namn\n\nRoddarnas medlemsregister" + _CONTROLLER_SV
    )
    finnish = "\nTietosuojaseloste\n\nRekisterin nimi\n\nSoutajien jäsenrekisteri" + _CONTROLLER_FI
    name = import_bytes((swedish + finnish).encode()).draft.name
    assert name is not None
    assert (name.fi, name.sv) == ("Soutajien jäsenrekisteri", "Roddarnas medlemsregister")


def test_a_swedish_genitive_before_the_document_word_is_the_register() -> None:
    text = "Roddarnas medlemsregisters dataskyddsbeskrivning" + _CONTROLLER_SV
    name = import_bytes(text.encode()).draft.name
    assert name is not None
    assert name.sv == "Roddarnas medlemsregister"


@pytest.mark.parametrize("heading", ["Våra register", "Muut rekisterit", "Our registers"])
def test_a_heading_over_a_bodys_registers_is_no_name(heading: str) -> None:
    text = "Seloste\n\n" + heading + "\n\nUppgifterna används för medlemskapet.\n"
    assert import_bytes(text.encode()).draft.name is None
