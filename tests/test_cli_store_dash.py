"""``-`` is not a store path: elsewhere on the command line it means stdin/stdout (A10's note)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from rekisteri.cli import cli

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize(
    "args",
    [
        ["store", "copy", "a.db", "-"],
        ["store", "copy", "-", "b.db"],
        ["consent", "verify", "--db", "-"],
        ["requests", "list", "--db", "-"],
    ],
)
def test_a_dash_is_refused_as_a_store(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, args, env={"REKISTERI_SECRET": "s" * 32})
    assert result.exit_code == 2, result.output
    assert "'-' (standard input or output) cannot be a store" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "-").exists()


def test_a_file_named_dash_is_reached_as_dot_slash_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        cli, ["consent", "verify", "--db", "./-"], env={"REKISTERI_SECRET": "s" * 32}
    )
    assert result.exit_code == 2
    assert "cannot be a store" not in result.output
    assert "no such" in result.output
