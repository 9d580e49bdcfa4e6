"""A transfer denial keeps its "none" when an exception belongs to the next clause.

"Uppgifter överförs inte … och de lämnas inte ut till andra än …": the exception
("andra än") is the disclosure's, said in a clause of its own with its own negation.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.model import NoneStated

_HEAD = "Rekisterinpitäjä\n\nPajuranta Oy\nY-tunnus: 2077474-0\n\n"


@pytest.mark.parametrize(
    ("heading", "sentence"),
    [
        (
            "Överföring av uppgifter utanför EU eller EES",
            (
                "Uppgifterna överförs inte utanför EU eller EES och de lämnas inte heller ut "
                "till andra än vår bokförare."
            ),
        ),
        (
            "Tietojen siirto EU:n tai ETA:n ulkopuolelle",
            (
                "Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle ja niitä ei luovuteta muille "
                "kuin kirjanpitäjällemme."
            ),
        ),
        (
            "Transfers outside the EU or EEA",
            (
                "Data are not transferred outside the EU or EEA and are not disclosed to anyone "
                "other than our accountant."
            ),
        ),
    ],
)
def test_an_exception_of_the_next_clause_leaves_the_transfer_denial(
    heading: str, sentence: str
) -> None:
    draft = import_notice(_HEAD + heading + "\n\n" + sentence + "\n").draft
    assert NoneStated.TRANSFERS in draft.none_stated
    assert draft.transfers == ()


@pytest.mark.parametrize(
    ("heading", "sentence"),
    [
        (
            "Tietojen siirto EU:n tai ETA:n ulkopuolelle",
            (
                "Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle, paitsi sähköpostipalvelumme "
                "palvelimille Yhdysvalloissa."
            ),
        ),
        (
            "Transfers outside the EU or EEA",
            (
                "Data are not transferred outside the EU or EEA except to our mail service's "
                "servers in the United States."
            ),
        ),
    ],
)
def test_an_exception_of_the_transfer_itself_still_undoes_its_denial(
    heading: str, sentence: str
) -> None:
    draft = import_notice(_HEAD + heading + "\n\n" + sentence + "\n").draft
    assert NoneStated.TRANSFERS not in draft.none_stated
