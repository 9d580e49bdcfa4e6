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
