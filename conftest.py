"""Root pytest configuration: the Markdown docs and the README are tests too (Sybil)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sybil import Sybil
from sybil.parsers.myst import DocTestDirectiveParser, PythonCodeBlockParser, SkipParser

if TYPE_CHECKING:
    from sybil.typing import Parser

collect_ignore = ["docs/conf.py", "docs/_build"]

_PARSERS: list[Parser] = [DocTestDirectiveParser(), PythonCodeBlockParser(), SkipParser()]

pytest_collect_file = (
    Sybil(parsers=_PARSERS, patterns=["*.md"], path="docs", excludes=["_build/*"])
    + Sybil(parsers=_PARSERS, patterns=["README.md"], path=".")
).pytest()
