"""Development sessions: ``nox`` runs tests, mypy, lint and docs."""

from __future__ import annotations

import tomllib
from pathlib import Path

import nox
from packaging.requirements import Requirement

nox.options.sessions = ["tests", "lowest", "mypy", "lint", "docs"]
nox.options.error_on_external_run = True
nox.options.default_venv_backend = "venv"

#: The Python of the tool sessions, and the lowest one supported.
PYTHON = "3.11"
#: Every Python the classifiers in pyproject.toml name; each is tested.
PYTHONS = ["3.11", "3.12", "3.13"]
#: The extras whose floors `lowest` pins besides the runtime dependencies: the
#: public testing helpers, the PostgreSQL driver, the data-frame libraries of
#: the identifier columns and the reference library the tests compare with.
#: The test tools themselves (pytest, sybil, mypy, ...) stay at their newest.
LOWEST_EXTRAS = ("testing", "tests", "postgres", "arrow", "polars", "pandas", "spark")
LOWEST_TOOLS = frozenset(
    {
        "python-stdnum",
        "hypothesis",
        "psycopg",
        "psycopg-pool",
        # the identifier columns (rekisteri.arrow, .polars, .pandas, .spark)
        "pyarrow",
        "numpy",
        "polars",
        "pandas",
        "pyspark",
    }
)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the test suite (tests, doctests in src and the Markdown docs) with coverage."""
    session.install("-e", ".[tests]")
    session.run("pytest", "--cov", "--cov-report=term-missing:skip-covered", *session.posargs)


def lowest_constraints(pyproject: Path = Path("pyproject.toml")) -> list[str]:
    """Pin every direct dependency to the floor that pyproject.toml declares (``name==floor``).

    Each runtime dependency needs a ``>=`` floor (a dependency without one
    is an error, so a new one cannot slip in untested); of the extras, only
    python-stdnum, hypothesis and the PostgreSQL driver are pinned.
    """
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = [(spec, True) for spec in project["dependencies"]]
    for extra in LOWEST_EXTRAS:
        wanted += [(spec, False) for spec in project["optional-dependencies"][extra]]
    pins: list[str] = []
    for spec, required in wanted:
        requirement = Requirement(spec)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        if not required and requirement.name not in LOWEST_TOOLS:
            continue
        floors = [s.version for s in requirement.specifier if s.operator == ">="]
        if len(floors) != 1:
            msg = f"{spec!r}: a direct dependency needs exactly one '>=' floor"
            raise ValueError(msg)
        pins.append(f"{requirement.name}=={floors[0]}")
    return sorted(pins)


@nox.session(python=PYTHON)
def lowest(session: nox.Session) -> None:
    """Run the tests with the lowest allowed version of every direct dependency.

    The constraints are generated from pyproject.toml, so the floors declared
    there are the floors tested. Extra arguments go to pytest.
    """
    constraints = Path(session.create_tmp()) / "lowest.txt"
    pins = lowest_constraints()
    constraints.write_text("\n".join(pins) + "\n", encoding="utf-8")
    session.log("pinned: " + ", ".join(pins))
    session.install("-c", str(constraints), "-e", ".[tests]")
    session.run("python", "-m", "pip", "list", "--format=freeze", silent=False)
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def mypy(session: nox.Session) -> None:
    """Type-check the package, tests and benchmarks with ``mypy --strict``."""
    session.install("-e", ".[tests,benchmarks]")
    session.run("mypy", "--strict", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Check style with ruff (lint rules and formatting)."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the HTML docs with warnings as errors, and run their examples."""
    session.install("-e", ".[docs,tests]")
    session.run("pytest", "docs", "README.md")
    session.run(
        "sphinx-build", "-W", "--keep-going", "-n", "-b", "html", "docs", "docs/_build/html"
    )


@nox.session(python=PYTHON)
def benchmarks(session: nox.Session) -> None:
    """Run the benchmarks; each prints ratios against a baseline measured in the same run."""
    session.install("-e", ".[benchmarks]")
    session.run("python", "benchmarks/bench_identifiers.py")
    session.run("python", "benchmarks/bench_import.py")
    session.run("python", "benchmarks/bench_check_ids.py")


#: The message catalogs of the notices (rekisteri.render) and the pybabel mapping.
LOCALE_DIR = "src/rekisteri/locale"


@nox.session(python=PYTHON)
def catalogs(session: nox.Session) -> None:
    """Extract the notices' messages, update the fi/sv/en catalogs and compile them.

    New messages arrive untranslated: fill them in the three ``.po`` files and
    run this again (tests/test_render_catalogs.py fails until you do).
    """
    session.install("babel")
    pot = f"{LOCALE_DIR}/rekisteri.pot"
    session.run(
        *("pybabel", "extract", "-F", "babel.cfg", "-o", pot, "--no-location", "--sort-output"),
        *("--project=rekisteri", "--copyright-holder=rekisteri developers", "-w", "100", "."),
    )
    session.run(
        *("pybabel", "update", "-i", pot, "-d", LOCALE_DIR, "-D", "rekisteri"),
        *("--no-fuzzy-matching", "--ignore-obsolete", "-w", "100"),
    )
    session.run("pybabel", "compile", "-d", LOCALE_DIR, "-D", "rekisteri", "--statistics")


@nox.session(python=PYTHON)
def goldens(session: nox.Session) -> None:
    """Re-render the example registers into examples/rendered/ (the golden files)."""
    session.install("-e", ".[tests]")
    session.run("pytest", "tests/test_render_golden.py", env={"REKISTERI_UPDATE_GOLDENS": "1"})
