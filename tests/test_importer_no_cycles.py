"""An import leaves no reference cycles behind (issue 15, the importer's speed).

The collector is paused during an import (``_one_import``): whatever an import
drops inside a reference cycle waits for the collector, which then finds it all
at once. The reading of a notice (its pieces, entries and mappings) was such a
cycle (the contact reader calls back into the extractor that holds it): a
quarter of a second per MB of short lines went to finding it again after each
import. What an import drops is now freed as it is dropped.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from rekisteri.importer import import_bytes, import_notice

_LEGACY = Path(__file__).parent / "fixtures" / "legacy"

_TEXTS = {
    "bullets": "Rekisterin tietosisältö\n\n" + "".join(f"- tieto {i}\n" for i in range(300)),
    "addresses": "Rekisterinpitäjä\n\n"
    + "".join(f"Katu {i}, 00100 Helsinki\n" for i in range(300)),
    "controller and purposes": (
        "Rekisterinpitäjä\n\nEsimerkki Oy\nKatu 1, 00100 Helsinki\nasiakaspalvelu@example.fi\n\n"
        "Henkilötietojen käsittelyn tarkoitus\n\nTietoja käytetään asiakassuhteen hoitamiseen.\n"
    ),
}


def _garbage_after(read: object) -> int:
    """How many objects in reference cycles are left unreachable after *read* runs."""
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        assert callable(read)
        result = read()
        found = gc.collect()
        del result
    finally:
        if was_enabled:
            gc.enable()
    return found


@pytest.mark.parametrize("name", sorted(_TEXTS))
def test_an_import_of_text_leaves_no_cycles(name: str) -> None:
    assert _garbage_after(lambda: import_notice(_TEXTS[name])) == 0


@pytest.mark.parametrize(
    "file",
    ["notice-000-digicenter.txt", "fixture-101-html-table.html", "fixture-105-pdf-paste.txt"],
)
def test_an_import_of_a_notice_leaves_no_cycles(file: str) -> None:
    data = (_LEGACY / file).read_bytes()
    assert _garbage_after(lambda: import_bytes(data, source_name=file)) == 0
