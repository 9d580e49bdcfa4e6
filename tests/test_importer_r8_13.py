"""R8-13: a "but" clause that discloses data to a party lifts no transfer denial (6e70fc3, Q47).

"We do not transfer data outside the EU or EEA, but Birch Bakery may share it with the
Finnish Tax Administration" says nothing of a transfer: the denial holds.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice

_CTRL = "Privacy notice\n\nController\nBirch Bakery Ltd, Harbour Road 4, 00100 Helsinki\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        (
            "We do not transfer data outside the EU or EEA, but Birch Bakery may share it with "
            "the Finnish Tax Administration when the law requires."
        ),
    ],
)
def test_a_disclosure_after_but_keeps_the_transfer_denial(sentence: str) -> None:
    draft = import_notice(_CTRL + "Transfers outside the EU\n" + sentence + "\n").draft
    assert "transfers" in draft.none_stated
    assert not draft.transfers


def test_a_server_abroad_after_but_still_lifts_it() -> None:
    draft = import_notice(
        _CTRL + "Transfers outside the EU\nWe do not transfer data outside the EU, but some "
        "of our servers are located in India.\n"
    ).draft
    assert "transfers" not in draft.none_stated
