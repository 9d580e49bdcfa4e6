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
