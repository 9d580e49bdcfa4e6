"""Golden tests: the example registers rendered in every language and format.

The rendered files are committed in ``examples/rendered/`` beside the
registers, so a reviewer can read them and any change to the output shows in
the diff. To regenerate them after an intended change, run ``nox -s goldens``
(or ``REKISTERI_UPDATE_GOLDENS=1 pytest tests/test_render_golden.py``) and
read the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rekisteri.render import FORMATS, LOCALES, render_notice, render_record
from rekisteri.serialize import load_register

EXAMPLES = Path(__file__).parent.parent / "examples"
RENDERED = EXAMPLES / "rendered"
NAMES = ("digicenter", "kotisivutaivas", "asiakasrekisteri-malli")
EXTENSIONS = {"md": "md", "html": "html", "text": "txt"}
UPDATE = os.environ.get("REKISTERI_UPDATE_GOLDENS") == "1"

COMBINATIONS = [
    (name, kind, locale, fmt)
    for name in NAMES
    for kind in ("notice", "record")
    for locale in LOCALES
    for fmt in FORMATS
]
CASES = [pytest.param(*combination, id="-".join(combination)) for combination in COMBINATIONS]


def golden_path(name: str, kind: str, locale: str, fmt: str) -> Path:
    """``digicenter.fi.md`` for a notice, ``digicenter.record.fi.md`` for a record."""
    middle = "" if kind == "notice" else ".record"
    return RENDERED / f"{name}{middle}.{locale}.{EXTENSIONS[fmt]}"


class TestGoldens:
    @pytest.mark.parametrize(("name", "kind", "locale", "fmt"), CASES)
    def test_matches_golden(self, name: str, kind: str, locale: str, fmt: str) -> None:
        """Rendering the example gives exactly the committed file."""
        register = load_register(EXAMPLES / f"{name}.toml")
        render = render_notice if kind == "notice" else render_record
        output = render(register, locale=locale, format=fmt)  # type: ignore[arg-type] # from FORMATS
        path = golden_path(name, kind, locale, fmt)
        if UPDATE:
            path.parent.mkdir(exist_ok=True)
            path.write_text(output, encoding="utf-8", newline="\n")
        assert path.read_text(encoding="utf-8") == output

    def test_no_stray_files(self) -> None:
        """Every file in examples/rendered/ is produced by a case (no stale goldens)."""
        expected = {golden_path(*combination).name for combination in COMBINATIONS}
        assert {p.name for p in RENDERED.iterdir()} == expected
