"""Sphinx configuration for the rekisteri documentation."""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING

from rekisteri import DISTRIBUTION

if TYPE_CHECKING:
    from sphinx.application import Sphinx

project = "rekisteri"
author = "rekisteri developers"
copyright = "rekisteri developers"
release = metadata.version(DISTRIBUTION)
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
    # The same, where an annotation in rekisteri.testing.strategies stays a
    # string because a name in it is imported only for type checking.
    ("py:class", "st.SearchStrategy"),
]
nitpick_ignore += [
    # InvalidRegisterError and InvalidDocumentError share a private base class;
    # show-inheritance names it, but private names are not documented.
    ("py:class", "rekisteri.errors._ProblemsError"),
    # The model classes share a private base that runs their compiled checks.
    ("py:class", "rekisteri.model._base.Strict"),
    # The TypeVar of serialize.structure() and serialize.loads() (the class
    # passed in is the class returned); autodoc has nothing to link it to.
    ("py:class", "T"),
    ("py:class", "rekisteri.serialize.T"),
    # Standard library and cattrs types in rekisteri.serialize signatures and
    # docstrings: without intersphinx they cannot resolve (see above).
    ("py:class", "pathlib.Path"),
    ("py:mod", "tomllib"),
    ("py:class", "cattrs.preconf.orjson.OrjsonConverter"),
    # The same for rekisteri.consent and rekisteri.store signatures (`datetime`
    # unqualified where the annotation stays a string).
    ("py:class", "datetime.datetime"),
    ("py:class", "datetime"),
    ("py:class", "datetime.timedelta"),
    ("py:class", "timedelta"),
    ("py:class", "os.PathLike"),
    # rekisteri.lint.OutdatedReference.pattern (standard library, no intersphinx).
    ("py:class", "re.Pattern"),
]
nitpick_ignore += [
    # rekisteri.requests (time zones) and rekisteri.retention (record dates):
    # standard-library types that cannot resolve without intersphinx.
    ("py:class", "tzinfo"),
    ("py:class", "datetime.tzinfo"),
    ("py:class", "collections.abc.Mapping"),
]

nitpick_ignore += [
    # rekisteri.importer.ImportResult.notes is a read-only mapping (standard
    # library, no intersphinx).
    ("py:class", "types.MappingProxyType"),
]
nitpick_ignore += [
    # rekisteri.store.postgres takes a psycopg_pool.ConnectionPool (a third-party
    # class, no intersphinx).
    ("py:class", "ConnectionPool"),
    ("py:class", "psycopg_pool.ConnectionPool"),
    # Both stores' private base class (the closed-store check); private names
    # are not documented.
    ("py:class", "rekisteri.store._subjects.Closing"),
    # Checkpoint (documented as rekisteri.store.Checkpoint): its heads are
    # rekisteri.store._chain.Head, a private class, and its docstrings name
    # its own fields `at` and `mac`, which resolve only on the private path.
    ("py:class", "rekisteri.store._chain.Head"),
    ("py:attr", "at"),
    ("py:attr", "mac"),
]

nitpick_ignore += [
    # rekisteri.arrow, .polars, .pandas and .spark take and return the data-frame
    # libraries' own types (third-party classes, no intersphinx).
    ("py:class", "pa.Array"),
    ("py:class", "pa.ChunkedArray"),
    ("py:class", "pl.Expr"),
    ("py:class", "pl.Series"),
    ("py:class", "polars.expr.expr.Expr"),
    ("py:class", "polars.series.series.Series"),
    ("py:class", "pd.Series"),
    ("py:class", "pandas.Series"),
    ("py:class", "Column"),
    ("py:class", "pyspark.sql.Column"),
]


def _keep_attribute_colons(
    _app: object, what: str, _name: str, _obj: object, _options: object, lines: list[str]
) -> None:
    """Undo napoleon's inline attribute type for attribute, data and property docstrings.

    Napoleon reads the first line of such a docstring as ``type: description``,
    so ``"Art 19: recipients are told ..."`` would be shown as a description of
    *type* ``Art 19``, and with ``-n`` fails as an unknown class. rekisteri
    never writes inline types (the annotations give them), so the text before
    the colon is put back where it was.
    """
    if what not in {"attribute", "data", "property"}:
        return
    if len(lines) >= 2 and lines[-2] == "" and lines[-1].startswith(":type: ") and lines[0]:
        kind = lines[-1].removeprefix(":type: ")
        lines[:] = [f"{kind}: {lines[0]}", *lines[1:-2]]


def setup(app: Sphinx) -> None:
    """Run :func:`_keep_attribute_colons` after napoleon (whose priority is 500)."""
    app.connect("autodoc-process-docstring", _keep_attribute_colons, priority=600)


nitpick_ignore += [
    # rekisteri.serialize re-exports the reading functions of rekisteri._documents,
    # whose annotations name Path and their TypeVar unqualified.
    ("py:class", "Path"),
    ("py:class", "rekisteri._documents.T"),
]
