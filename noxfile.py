"""Development sessions: ``nox`` runs tests, mypy, lint and docs."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "mypy", "lint", "docs"]
nox.options.error_on_external_run = True
nox.options.default_venv_backend = "venv"

PYTHON = "3.11"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite (tests, doctests in src and the Markdown docs) with coverage."""
    session.install("-e", ".[tests]")
    session.run("pytest", "--cov", "--cov-report=term-missing:skip-covered", *session.posargs)


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
    session.install("babel>=2.14")
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
