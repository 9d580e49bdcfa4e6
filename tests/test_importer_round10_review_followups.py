"""Review findings of round 10 fixed after the round (R3-19, R3-5)."""

from __future__ import annotations

from rekisteri.importer import import_notice

_CONTROLLER = (
    "Rekisterinpitäjä\nKorjaamo Leppä Oy, Rantakatu 2, 33100 Tampere, korjaamo@leppa.example.fi\n\n"
)


def test_a_purpose_naming_a_firms_programme_stays_a_purpose() -> None:
    """'Tietoja käytetään X Ab:n ylläpitämän ohjelman …' names no processor (R3-19)."""
    notice = (
        _CONTROLLER
        + "Henkilötietojen käsittelyn tarkoitus\n"
        + "Tietoja käytetään Kattila Ab:n ylläpitämän kanta-asiakasohjelman jäsenten palveluun.\n"
    )
    result = import_notice(notice)
    assert [processor.name for processor in result.draft.processors] == []
    assert any("kanta-asiakasohjelman" in purpose.name.fi for purpose in result.draft.purposes)


def test_a_firm_running_the_system_under_the_purposes_is_still_a_processor() -> None:
    notice = (
        _CONTROLLER
        + "Henkilötietojen käsittelyn tarkoitus\n"
        + "Tietoja käytetään huoltojen ajanvaraukseen.\n"
        + "Ajanvarausjärjestelmän tarjoaa Varaamo Oy.\n"
    )
    result = import_notice(notice)
    assert "Varaamo Oy" in [processor.name for processor in result.draft.processors]


def test_a_unit_that_keeps_the_register_stays_in_its_name() -> None:
    """'Potilasrekisteri työterveyspalvelussa' is the register's name, whole (R3-5)."""
    notice = _CONTROLLER + "Rekisterin nimi\nPotilasrekisteri työterveyspalvelussa\n"
    name = import_notice(notice).draft.name
    assert name is not None
    assert name.fi == "Potilasrekisteri työterveyspalvelussa"


def test_the_system_a_register_is_kept_in_is_still_cut_from_its_name() -> None:
    notice = _CONTROLLER + "Rekisterin nimi\nAsiakasrekisteri Lyra-asiakasjärjestelmässä\n"
    name = import_notice(notice).draft.name
    assert name is not None
    assert name.fi == "Asiakasrekisteri"
