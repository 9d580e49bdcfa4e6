"""Register names: said with a verb of naming, Swedish first, a register ranker (K2).

All notices here are fictional, written for these tests.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_bytes
from rekisteri.importer._name_ranker import candidates, ranked_name, score
from rekisteri.importer._name_weights import THRESHOLD, WEIGHTS

_CONTROLLER_FI = (
    "\n\nRekisterinpitäjä\n\nKylän Soutajat ry\nRantatie 4, 12345 Kylä\n"
    "posti@soutajat.example.fi\n\nKäsittelyn tarkoitus\n\n"
    "Jäsenten tietoja käytetään jäsenyyden hoitoon.\n"
)
_CONTROLLER_SV = (
    "\n\nPersonuppgiftsansvarig\n\nRoddföreningen rf\nStrandvägen 4, 12345 Byn\n"
    "post@rodd.example.fi\n\nÄndamål\n\nUppgifterna används för att sköta medlemskapet.\n"
)
_RANKER_NOTE = "chosen by the name ranker (learnt weights), not a rule; check"


def test_the_weights_are_a_probability_model() -> None:
    assert 0.5 <= THRESHOLD < 1.0
    assert "bias" in WEIGHTS
    assert all(isinstance(value, float) for value in WEIGHTS.values())


def test_ranker_names_the_register_no_rule_named() -> None:
    # a label the rules do not know ("Rekisteri:"), the name in quotes after it
    text = "Tietosuojaseloste\n\nRekisteri: ”Kylän Soutajien jäsenrekisteri”" + _CONTROLLER_FI
    result = import_bytes(text.encode())
    assert result.draft.name is not None
    assert result.draft.name.fi == "Kylän Soutajien jäsenrekisteri"
    assert _RANKER_NOTE in result.notes["name"]
    spans = [m for m in result.mapped if m.field == "name"]
    assert [result.text[m.start : m.end] for m in spans] == ["Kylän Soutajien jäsenrekisteri"]


def test_a_swedish_notices_name_is_in_swedish() -> None:
    text = "Dataskyddsbeskrivning\n\nRegister: ”Roddföreningens medlemsregister”" + _CONTROLLER_SV
    name = import_bytes(text.encode()).draft.name
    assert name is not None
    assert name.sv == "Roddföreningens medlemsregister"


def test_a_rules_name_is_kept() -> None:
    text = "Tietosuojaseloste\n\nRekisterin nimi\n\nSoutajien kilpailurekisteri" + _CONTROLLER_FI
    result = import_bytes(text.encode())
    assert result.draft.name is not None
    assert result.draft.name.fi == "Soutajien kilpailurekisteri"
    assert _RANKER_NOTE not in result.notes.get("name", ())


@pytest.mark.parametrize(
    "text",
    [
        "Tietoja käytetään laskutukseen.\n",
        "Rekisterin sisältö\n\nRekisteriin tallennetaan nimi ja osoite.\n",
        # a heading about the register, not its name
        "Seloste\n\nRekisterin tietosisältö ja tietojen säilytys\n\nTiedot säilytetään.\n",
        "Dataskyddsbeskrivning\n\nSyfte med registret\n\nUppgifterna används för medlemskapet.\n",
    ],
)
def test_no_name_where_no_phrase_names_one(text: str) -> None:
    assert ranked_name(text) is None


def test_a_name_runs_over_no_document_word_or_verb() -> None:
    # "Tämä seloste koskee …": the candidates start after the verb, the document's word
    # is never their first word
    names = {c.name for c in candidates("Tämä seloste koskee soutuseuran jäsenrekisteriä.\n")}
    assert names == {"Soutuseuran jäsenrekisteri", "Jäsenrekisteri"}


def test_the_register_word_is_put_in_the_nominative() -> None:
    names = {c.name for c in candidates("Soutuseuran jäsenrekisterin tietosuojaseloste\n")}
    assert "Soutuseuran jäsenrekisteri" in names
    names = {c.name for c in candidates("Roddföreningens medlemsregistrets beskrivning\n")}
    assert "Roddföreningens medlemsregistret" in names


def test_capitals_are_a_names_own() -> None:
    names = {c.name for c in candidates("KYLÄN SOUTAJAT RY:N JÄSENREKISTERI\n")}
    assert "Kylän Soutajat ry:n jäsenrekisteri" in names


def test_scores_are_deterministic_probabilities() -> None:
    text = "Tietosuojaseloste\n\nKylän Soutajat ry:n jäsenrekisteri\n\nYhteystiedot\n"
    first = [(c, score(c)) for c in candidates(text)]
    assert first == [(c, score(c)) for c in candidates(text)]
    assert all(0.0 < value < 1.0 for _, value in first)


def test_only_the_notices_first_lines_are_read() -> None:
    filler = "".join(f"Rivi {n} kertoo jotain muuta.\n" for n in range(40))
    assert ranked_name(filler + "Soutuseuran jäsenrekisteri\n") is None


def test_a_list_of_registers_names_none() -> None:
    # several registers, each on its own line: the notice names none of them as its own
    text = (
        "Tietosuojaseloste\n\nYlläpidettävät rekisterit\n\n• Soutajien jäsenrekisteri\n"
        "• Soutajien kilpailurekisteri\n• Veneiden vuokrausrekisteri\n"
    )
    assert ranked_name(text) is None


def test_register_as_a_verb_is_no_name() -> None:
    assert not candidates("Data you give us when you register\n")


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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Seloste\n\nRekisteri: Soutajien jäsenrekisteri", "Soutajien jäsenrekisteri"),
        # a bilingual heading with a dash over its value, no blank line between
        (
            "Seloste\n\nRekisterin nimi – Registrets namn\nSoutajien jäsenrekisteri",
            "Soutajien jäsenrekisteri",
        ),
    ],
)
def test_a_headings_words_before_a_name_are_left_out(text: str, name: str) -> None:
    result = import_bytes((text + _CONTROLLER_FI).encode())
    assert result.draft.name is not None
    assert result.draft.name.fi == name
    assert any("left out" in note for note in result.notes["name"])


_BILINGUAL_BODY = (
    "\n\nRekisterinpitäjä / Personuppgiftsansvarig\n\nKylän Soutajat ry\nRantatie 4, 12345 Kylä\n"
    "\nKäsittelyn tarkoitus / Ändamål\n\nTietoja käytetään jäsenyyden hoitoon. "
    "Uppgifterna används för medlemskapet.\n"
)


_FI_TITLE = "Soutajien jäsenrekisterin tietosuojaseloste"
_SV_TITLE = "Roddarnas medlemsregisters dataskyddsbeskrivning"


@pytest.mark.parametrize(
    "start",
    [
        # a parallel title on two lines, with or without a blank line between
        _FI_TITLE + "\n" + _SV_TITLE,
        _FI_TITLE + "\n\n" + _SV_TITLE,
        (
            "Tietosuojaseloste – Soutajien jäsenrekisteri\n"
            "Dataskyddsbeskrivning – Roddarnas medlemsregister"
        ),
        # a bilingual name heading over the Finnish name, then the Swedish one
        (
            "Tietosuojaseloste / Dataskyddsbeskrivning\n\nRekisterin nimi / Registrets namn\n\n"
            "Soutajien jäsenrekisteri\n\nRoddarnas medlemsregister"
        ),
    ],
)
def test_a_parallel_notice_names_the_register_in_both_languages(start: str) -> None:
    name = import_bytes((start + _BILINGUAL_BODY).encode()).draft.name
    assert name is not None
    assert (name.fi, name.sv) == ("Soutajien jäsenrekisteri", "Roddarnas medlemsregister")


def test_a_finnish_title_over_an_unrelated_line_keeps_one_language() -> None:
    start = "Soutajien jäsenrekisterin tietosuojaseloste\nPäivitetty 1.2.2024"
    name = import_bytes((start + _BILINGUAL_BODY).encode()).draft.name
    assert name is not None
    assert (name.fi, name.sv) == ("Soutajien jäsenrekisteri", None)


def test_a_lone_title_line_in_capitals_gives_its_register_not_the_line() -> None:
    text = "BYNS SEGLARE RF:S DATASKYDDSBESKRIVNING FÖR MEDLEMSREGISTRET" + _CONTROLLER_SV
    name = import_bytes(text.encode()).draft.name
    assert name is not None
    assert name.sv == "Medlemsregistret"


@pytest.mark.parametrize(
    "heading",
    [
        "Käsittelyn nimi",
        "Käsittelytoimen nimi",
        "Henkilötietojen käsittelyn nimi",
        "Behandlingens namn",
        "Namn på behandlingen",
        "Name of the processing activity",
    ],
)
def test_a_processings_name_heading_names_the_register(heading: str) -> None:
    text = "Seloste\n\n" + heading + "\n\nSoutajien kilpailutulokset" + _CONTROLLER_FI
    name = import_bytes(text.encode()).draft.name
    assert name is not None
    assert name.fi == "Soutajien kilpailutulokset"


def test_a_processings_other_heading_names_no_register() -> None:
    text = "Seloste\n\nKäsittelyn kesto\n\nKilpailukauden ajan" + _CONTROLLER_FI
    assert import_bytes(text.encode()).draft.name is None


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Seloste koskee soutuseuran jäsenrekisteriä.", "Soutuseuran jäsenrekisteri"),
        ("Beskrivningen gäller föreningens medlemsregister.", "Medlemsregister"),
    ],
)
def test_the_documents_word_before_koskee_or_galler_names_the_register(
    sentence: str, name: str
) -> None:
    text = "Tietosuojaseloste\n\n" + sentence + _CONTROLLER_FI
    draft_name = import_bytes(text.encode()).draft.name
    assert draft_name is not None
    assert draft_name.fi == name


def test_a_notice_about_people_names_no_register() -> None:
    text = "Tietosuojaseloste\n\nSeloste koskee kaikkia soutuseuran jäseniä." + _CONTROLLER_FI
    assert import_bytes(text.encode()).draft.name is None
