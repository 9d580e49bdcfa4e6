"""Tests of how rekisteri is packaged and imported."""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import os
import subprocess
import sys
import tempfile
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Final

import pytest

import rekisteri

#: Heavy or optional modules that ``import rekisteri`` must not load.
HEAVY = ("stdnum", "babel", "click", "sqlite3", "pydoc", "ssl", "numpy", "pydantic", "hypothesis")


def _run(code: str) -> str:
    """Run *code* in a fresh interpreter and return what it printed."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


def _modules_after(code: str) -> set[str]:
    """The names in sys.modules after running *code* in a fresh interpreter."""
    listing = _run(f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))")
    return set(listing.split())


def _top_level(modules: set[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


class TestImportCost:
    def test_import_is_light(self) -> None:
        """``import rekisteri`` loads none of the heavy or optional dependencies."""
        modules = _modules_after("import rekisteri")
        assert "rekisteri" in modules
        assert _top_level(modules).isdisjoint(HEAVY), sorted(_top_level(modules) & set(HEAVY))

    def test_testing_module_not_loaded(self) -> None:
        """``import rekisteri`` never loads rekisteri.testing or the CLI."""
        modules = _modules_after("import rekisteri")
        assert "rekisteri.testing" not in modules
        assert "rekisteri.testing.strategies" not in modules
        assert "rekisteri.cli" not in modules

    def test_identifiers_loaded_on_first_use(self) -> None:
        """The identifier modules are loaded lazily, on first attribute access."""
        modules = _modules_after("import rekisteri")
        assert "rekisteri.identifiers" not in modules
        assert "rekisteri.identifiers.hetu" not in modules

    def test_validators_are_light(self) -> None:
        """Using the validators loads no heavy dependency either."""
        modules = _modules_after(
            "from rekisteri.identifiers import hetu, ytunnus\n"
            "hetu.validate_many(['131052-308T', None])\n"
            "ytunnus.is_valid('2077474-0')\n"
            "hetu.parse('131052-308T')"
        )
        assert _top_level(modules).isdisjoint(HEAVY), sorted(_top_level(modules) & set(HEAVY))

    def test_lazy_attribute(self) -> None:
        """rekisteri.identifiers.hetu is reachable after a bare import rekisteri."""
        out = _run("import rekisteri\nprint(rekisteri.identifiers.hetu.is_valid('131052-308T'))")
        assert out.strip() == "True"


class TestVersion:
    def test_matches_metadata(self) -> None:
        """__version__ is the installed distribution's version."""
        assert rekisteri.__version__ == importlib.metadata.version(rekisteri.DISTRIBUTION)

    def test_does_not_warn(self) -> None:
        """Reading __version__ emits no warning."""
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert isinstance(rekisteri.__version__, str)

    def test_in_a_fresh_interpreter(self) -> None:
        """__version__ works in a fresh interpreter too."""
        out = _run("import rekisteri\nprint(rekisteri.__version__)")
        assert out.strip() == importlib.metadata.version(rekisteri.DISTRIBUTION)


class TestPackage:
    def test_all_is_sorted_and_resolves(self) -> None:
        """__all__ is sorted and every name in it can be looked up."""
        assert rekisteri.__all__ == sorted(rekisteri.__all__)
        for name in rekisteri.__all__:
            assert getattr(rekisteri, name) is not None

    def test_unknown_attribute(self) -> None:
        """An unknown attribute raises AttributeError naming it."""
        with pytest.raises(AttributeError, match="no_such_thing"):
            _ = rekisteri.no_such_thing

    def test_typed(self) -> None:
        """The package ships py.typed."""
        assert importlib.resources.files("rekisteri").joinpath("py.typed").is_file()


#: Modules that are programs, not libraries: importing them runs them.
PROGRAMS: Final = frozenset({"rekisteri.__main__"})


def module_names() -> list[str]:
    """Every module of the rekisteri package, found on the file system, sorted.

    Packages are named by their ``__init__.py``; :data:`PROGRAMS` are left out.
    """
    root = Path(rekisteri.__file__).resolve().parent
    names = []
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return sorted(set(names) - PROGRAMS)


MODULES: Final = module_names()


def _import_alone(module: str) -> subprocess.CompletedProcess[str]:
    """Import *module* in a fresh interpreter, as the first rekisteri import."""
    return subprocess.run(  # noqa: S603 - our own interpreter and module names
        [sys.executable, "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=tempfile.gettempdir(),  # not the checkout, so only the installed package is found
    )


@pytest.fixture(scope="module")
def imports_alone() -> dict[str, subprocess.CompletedProcess[str]]:
    """Each module imported in its own fresh interpreter, several at a time."""
    with ThreadPoolExecutor(max_workers=2 * (os.cpu_count() or 1)) as pool:
        return dict(zip(MODULES, pool.map(_import_alone, MODULES), strict=True))


class TestEveryModule:
    def test_modules_are_found(self) -> None:
        """The walk finds the package, its subpackages and their private modules."""
        assert "rekisteri" in MODULES
        assert "rekisteri.identifiers.hetu" in MODULES
        assert "rekisteri.identifiers._common" in MODULES
        assert "rekisteri.testing.strategies" in MODULES
        assert len(MODULES) > 40

    # ~100 fresh interpreters: run once, in CI's main run (slow: left out of the
    # runs on the other Pythons and the lowest versions, to keep CI's time)
    @pytest.mark.slow
    @pytest.mark.parametrize("module", MODULES)
    def test_imports_alone(
        self, imports_alone: dict[str, subprocess.CompletedProcess[str]], module: str
    ) -> None:
        """Each module imports first in a fresh interpreter: no import cycle, no missing name."""
        result = imports_alone[module]
        assert result.returncode == 0, result.stderr[-2000:]

    def test_main_module_runs(self) -> None:
        """``python -m rekisteri`` (the one module that is a program) runs the CLI."""
        out = _run(
            "import runpy, sys\nsys.argv = ['rekisteri', '--help']\n"
            "try:\n    runpy.run_module('rekisteri', run_name='__main__')\n"
            "except SystemExit as exit:\n    print('exit', exit.code)"
        )
        assert "Usage" in out
        assert "exit 0" in out
