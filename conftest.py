"""Root pytest configuration: the Markdown docs and the README are tests too (Sybil)."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from sybil import Sybil
from sybil.parsers.myst import DocTestDirectiveParser, PythonCodeBlockParser, SkipParser

if TYPE_CHECKING:
    from sybil.typing import Parser

collect_ignore = ["docs/conf.py", "docs/_build"]

# The identifier-column modules need their extras (arrow, polars, pandas,
# spark); where those are not installed, their doctests are not collected.
_COLUMN_MODULES = {
    "_columns": ("numpy", "pyarrow"),
    "arrow": ("numpy", "pyarrow"),
    "polars": ("numpy", "pyarrow", "polars"),
    "pandas": ("numpy", "pyarrow", "pandas"),
    "spark": ("numpy", "pyarrow", "pandas", "pyspark"),
}
collect_ignore += [
    f"src/rekisteri/{module}.py"
    for module, needs in _COLUMN_MODULES.items()
    if any(importlib.util.find_spec(name) is None for name in needs)
]

_PARSERS: list[Parser] = [DocTestDirectiveParser(), PythonCodeBlockParser(), SkipParser()]

pytest_collect_file = (
    Sybil(parsers=_PARSERS, patterns=["*.md"], path="docs", excludes=["_build/*"])
    + Sybil(parsers=_PARSERS, patterns=["README.md"], path=".")
).pytest()
