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
@pytest.mark.parametrize("end", ["\n", "\r\n"])
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
