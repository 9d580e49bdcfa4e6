"""``hetu check`` / ``ytunnus check`` read standard input a line at a time, cut at a limit.

An over-long line is judged by its start and the rest of it is dropped; the
lines after it are judged as their own, whatever the length at the limit's
edge (A10's L7, session 12).
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from rekisteri.cli import cli
from rekisteri.cli._ids import STDIN_LINE_LIMIT

VALID = "131052-308T"


@pytest.mark.parametrize("length", [STDIN_LINE_LIMIT - 2, STDIN_LINE_LIMIT - 1, STDIN_LINE_LIMIT,
                                    STDIN_LINE_LIMIT + 1, 3 * STDIN_LINE_LIMIT + 7])  # fmt: skip
@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_lines_after_a_long_one_are_their_own(length: int, end: str) -> None:
    stdin = f"{VALID}{end}{'7' * length}{end}{VALID}{end}{VALID}"
    result = CliRunner().invoke(cli, ["hetu", "check"], input=stdin)
    verdicts = [line.split("\t")[1] for line in result.output.splitlines()]
    assert verdicts[0] == "valid"
    assert verdicts[1].startswith("invalid")
    assert verdicts[2:] == ["valid", "valid"], verdicts
    assert result.exit_code == 1


def test_a_long_line_without_an_end_is_one_invalid_verdict() -> None:
    result = CliRunner().invoke(cli, ["ytunnus", "check"], input="1" * (5 * STDIN_LINE_LIMIT))
    lines = result.output.splitlines()
    assert len(lines) == 1
    assert lines[0].split("\t")[1].startswith("invalid")
    assert len(lines[0]) < 2 * STDIN_LINE_LIMIT


@pytest.mark.parametrize("command", ["hetu", "ytunnus"])
def test_lone_carriage_returns_end_values(command: str) -> None:
    """An old Mac file or a spreadsheet export with CR-only line ends: one verdict a value.

    Run as a process: the test runner's own stdin already reads any line end,
    the interpreter's does not.
    """
    import subprocess
    import sys

    good = VALID if command == "hetu" else "0112038-9"
    stdin = f"{good}\r{good[:-1]}X\r{good}\r".encode()
    result = subprocess.run(  # noqa: S603 - a fixed argument list
        [sys.executable, "-m", "rekisteri", command, "check"],
        input=stdin,
        capture_output=True,
        check=False,
    )
    verdicts = [line.split(b"\t")[1] for line in result.stdout.splitlines()]
    assert len(verdicts) == 3, result.stdout
    assert verdicts[0] == b"valid"
    assert verdicts[1].startswith(b"invalid")
    assert verdicts[2] == b"valid"
    assert result.returncode == 1


def test_stdin_stays_usable_after_reading() -> None:
    """The values are read through a wrapper that is detached, not closed, afterwards."""
    import sys

    runner = CliRunner()
    with runner.isolation(input=f"{VALID}\r"):
        from rekisteri.cli._ids import _stdin_values

        assert list(_stdin_values()) == [VALID]
        assert not sys.stdin.closed
        assert sys.stdin.buffer.read() == b""
