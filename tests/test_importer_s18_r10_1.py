r"""R10-1: a denial's self-exception is read in time linear in a run of commas and blanks.

``_cues._SELF_EXCEPTION`` (session 18, A15's V18) opened each alternative with
``[,\s]+`` and was tried from every character of such a run, so "Tietoja ei
luovuteta" followed by a spreadsheet's empty cells (",,,,…", ", , , …") cost time
quadratic in the run: 8,000 ", " took over a minute to import.
"""

from __future__ import annotations

import time

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._cues import DISCLOSURE, is_negative

CTRL = "Rekisterinpitäjä\n\nKoivikon Kukka Oy\nKoivikontie 1, 00100 Helsinki\n\n"


@pytest.mark.parametrize("filler", [",", ", ", " ,"])
def test_a_long_run_of_commas_is_read_in_linear_time(filler: str) -> None:
    low = "tietoja ei luovuteta" + filler * 12_000 + " kenellekään."
    started = time.process_time()
    assert is_negative(low, DISCLOSURE)
    assert time.process_time() - started < 1.0  # quadratic: about 20 s


@pytest.mark.parametrize(
    "sentence",
    [
        # the run before the self-exception is still read as a whole
        "tietoja ei luovuteta,,, , muille kuin rekisterinpitäjälle.",
        "data are not disclosed ,  to anyone other than the controller itself.",
        "uppgifterna lämnas inte ut ,, till andra än den personuppgiftsansvarige.",
    ],
)
def test_the_self_exception_still_denies(sentence: str) -> None:
    assert is_negative(sentence, DISCLOSURE)


def test_another_party_after_the_controller_is_still_an_exception() -> None:
    assert not is_negative(
        "tietoja ei luovuteta, , muille kuin rekisterinpitäjälle ja kelalle.", DISCLOSURE
    )


def test_a_notice_with_a_long_run_of_commas_imports_its_denial() -> None:
    text = CTRL + "Tietojen luovutukset\n\nTietoja ei luovuteta" + ", " * 5_000 + "kenellekään.\n"
    started = time.process_time()
    stated = [none.value for none in import_notice(text).draft.none_stated]
    assert time.process_time() - started < 3.0  # quadratic: about 30 s
    assert "recipients" in stated
