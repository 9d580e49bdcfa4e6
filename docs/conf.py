"""Sphinx configuration for the rekisteri documentation."""

from __future__ import annotations

from importlib import metadata

project = "rekisteri"
author = "rekisteri developers"
copyright = "rekisteri developers"
release = metadata.version("rekisteri")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    # Only so that ```{doctest} blocks render; Sybil runs them under pytest.
    "sphinx.ext.doctest",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"rekisteri {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"show-inheritance": True}

napoleon_google_docstring = True
napoleon_numpy_docstring = False

nitpicky = True
# Without intersphinx (the build machines have no internet), references to the
# standard library and to Hypothesis cannot resolve. Ignore exactly those.
nitpick_ignore: list[tuple[str, str]] = [
    ("py:class", "datetime.date"),
    # Some annotations stay strings (their modules import names only under
    # TYPE_CHECKING), so `date` is not qualified there.
    ("py:class", "date"),
    ("py:class", "enum.StrEnum"),
    ("py:class", "hypothesis.strategies.SearchStrategy"),
]
