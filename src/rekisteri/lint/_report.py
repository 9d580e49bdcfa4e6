"""Lint reports as text (for people) and JSON (for CI jobs)."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING

from rekisteri.lint._finding import Finding, Severity, as_lang

if TYPE_CHECKING:
    from collections.abc import Sequence


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    """Count the findings by severity, e.g. ``{"error": 2, "warning": 1, "info": 0}``."""
    counts = Counter(finding.severity for finding in findings)
    return {severity.value: counts[severity] for severity in Severity}


def report_text(findings: Sequence[Finding]) -> str:
    """One ``path: code severity message`` line per finding, then a summary line.

    Examples:
        >>> finding = Finding("R101", Severity.ERROR, "controller.name", "Nimi puuttuu.")
        >>> print(report_text([finding]))
        controller.name: R101 error Nimi puuttuu.
        1 finding: 1 error, 0 warnings, 0 info
        <BLANKLINE>
    """
    lines = [f"{f.path}: {f.code} {f.severity.value} {f.message}" for f in findings]
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
