"""Lint reports as text (for people) and JSON (for CI jobs)."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import TYPE_CHECKING, Final

from rekisteri.lint._finding import Finding, Severity, as_lang

if TYPE_CHECKING:
    from collections.abc import Sequence


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    """Count the findings by severity, e.g. ``{"error": 2, "warning": 1, "info": 0}``."""
    counts = Counter(finding.severity for finding in findings)
    return {severity.value: counts[severity] for severity in Severity}


#: What would end a line of the report: a message that quotes a name with a
#: line break in it stays on its line, the break shown as ``\\n`` (A13's O20:
#: a purpose's name could otherwise add forged finding or summary lines).
_LINE_BREAK: Final = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def _escaped_break(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\n":
        return "\\n"
    if char == "\r":
        return "\\r"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _one_line(line: str) -> str:
    return _LINE_BREAK.sub(_escaped_break, line)


def report_text(findings: Sequence[Finding]) -> str:
    r"""One ``path: code severity message`` line per finding, then a summary line.

    A line break inside a message (a name quoted from the register) is shown
    escaped, as ``\n``, so that every finding is one line.

    Examples:
        >>> finding = Finding("R101", Severity.ERROR, "controller.name", "Nimi puuttuu.")
        >>> print(report_text([finding]))
        controller.name: R101 error Nimi puuttuu.
        1 finding: 1 error, 0 warnings, 0 info
        <BLANKLINE>
    """
    lines = [_one_line(f"{f.path}: {f.code} {f.severity.value} {f.message}") for f in findings]
    counts = summary(findings)
    total = len(findings)
    lines.append(
        f"{total} finding{'' if total == 1 else 's'}: "
        f"{counts['error']} error{'' if counts['error'] == 1 else 's'}, "
        f"{counts['warning']} warning{'' if counts['warning'] == 1 else 's'}, "
        f"{counts['info']} info"
    )
    return "\n".join(lines) + "\n"


def report_json(findings: Sequence[Finding], *, locale: str = "fi") -> str:
    """A JSON document with the locale, the counts by severity and every finding.

    Examples:
        >>> import json
        >>> document = json.loads(report_json([], locale="en"))
        >>> document["summary"], document["findings"]
        ({'error': 0, 'warning': 0, 'info': 0}, [])
    """
    document = {
        "locale": as_lang(locale).value,
        "summary": summary(findings),
        "findings": [finding.as_dict() for finding in findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
