"""Round-10 fixes of the attack findings (helper F1, session 11).

Each test states a mechanism in fictional text of its own (not the attack
tests' words): invented firms, places and people.
"""

from __future__ import annotations

from rekisteri.importer import import_notice

CONTROLLER = "Rekisterinpitäjä\n\nHaapalan Leipomo Oy\nMyllytie 5, 40100 Jyväskylä\n\n"


# -- G8: a share is never rounded away in the summary ----------------------------


def test_summary_shows_a_small_unmapped_share_as_under_one_percent() -> None:
    result = import_notice(
        CONTROLLER
        + "Tietojen säilytysaika\n\n"
        + "Tilaustiedot säilytetään kuusi vuotta tilikauden päättymisestä. " * 300
        + "\n\nLeipomon tarina\n\nEnsimmäinen uuni lämmitettiin 1952.\n"
    )
    assert result.unmatched
    assert 0 < result.shares["unmapped"] < 0.005
    line = result.summary_line("leipomo.txt")
    assert "<1% not mapped" in line
    assert "100% of the text" not in line
    assert result.shares_shown["unmapped"] == "<1%"


def test_whole_shares_still_print_as_they_are() -> None:
    result = import_notice(CONTROLLER + "Rekisterin nimi\n\nTilausrekisteri\n")
    assert set(result.shares_shown.values()) <= {f"{n}%" for n in range(101)} | {"<1%", ">99%"}
    assert result.shares_shown["unmapped"] == "0%"


# -- G2: a proper name in the genitive inside a purpose is a name, kept whole -----


def _purpose_names(sentence: str) -> list[str]:
    result = import_notice(CONTROLLER + "Rekisterin käyttötarkoitus\n\n" + sentence + "\n")
    return [purpose.name.fi or "" for purpose in result.draft.purposes]


def test_place_name_in_the_genitive_before_a_locative_stays_whole() -> None:
    names = _purpose_names("Tietoja käytetään kuljetusten tilaamiseen Kouvolan varikolla.")
    assert names == ["Kuljetusten tilaaminen Kouvolan varikolla"]


def test_two_names_joined_under_one_postposition_are_one_purpose() -> None:
    names = _purpose_names(
        "Tietoja käytetään lähetysten seurantaan Kaukoliikenteen ja Pikarahdin kautta."
    )
    assert names == ["Lähetysten seuranta Kaukoliikenteen ja Pikarahdin kautta"]


def test_a_capitalised_service_in_the_illative_is_still_a_purpose() -> None:
    names = _purpose_names("Tietoja käytetään laskutukseen ja Omatiliin.")
    assert names == ["Laskutus", "Omatili"]
