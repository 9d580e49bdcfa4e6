"""Every module of ``rekisteri.cli`` imports on its own, in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import rekisteri.cli

CLI_DIR = Path(rekisteri.cli.__file__).parent
MODULES = sorted(
    "rekisteri.cli" if path.stem == "__init__" else f"rekisteri.cli.{path.stem}"
    for path in CLI_DIR.glob("*.py")
)


def test_every_module_is_listed() -> None:
    """The package and each command family are found (a guard against an empty glob)."""
    assert {"rekisteri.cli", "rekisteri.cli._common", "rekisteri.cli._ids"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_imports_in_a_fresh_interpreter(module: str) -> None:
    """``python -c "import MODULE"`` succeeds: no module needs another to be imported first."""
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_the_command_table_names_every_command_of_every_module() -> None:
    """COMMAND_MODULES lists exactly the commands that the modules define, each in its module."""
    import importlib

    found = {}
    for module in MODULES:
        for command in getattr(importlib.import_module(module), "COMMANDS", ()):
            found[command.name] = module.rsplit(".", 1)[1]
    assert found == rekisteri.cli.COMMAND_MODULES


def test_a_command_loads_only_its_own_module() -> None:
    """``rekisteri hetu check`` imports rekisteri.cli._ids, not the ledgers, render or import."""
    code = (
        "import sys\n"
        "from rekisteri.cli import cli\n"
        "try:\n"
        "    cli.main(['hetu', 'check', '131052-308T'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('rekisteri.cli.')))\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip().splitlines()[-1] == "['rekisteri.cli._common', 'rekisteri.cli._ids']"
