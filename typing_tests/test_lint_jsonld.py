"""The linter and the JSON-LD export as the type checkers see them: checked, never run."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, assert_type

from rekisteri.jsonld import dumps, to_jsonld
from rekisteri.lint import (
    OUTDATED_REFERENCES,
    Finding,
    OutdatedMatch,
    OutdatedReference,
    Severity,
    find_outdated,
    lint,
    outdated_finding,
)
from rekisteri.model import LocalizedText

if TYPE_CHECKING:
    from rekisteri.model import Register


def linting(register: Register) -> None:
    """lint() returns findings whose fields are plain types."""
    findings = lint(register, locale="sv")
    assert_type(findings, list[Finding])
    finding = findings[0]
    assert_type(finding.code, str)
    assert_type(finding.severity, Severity)
    assert_type(finding.path, str)
    assert_type(finding.as_dict(), dict[str, str])


def outdated(text: str) -> None:
    """The outdated-reference table and its matches, as the importer uses them."""
    assert_type(OUTDATED_REFERENCES, tuple[OutdatedReference, ...])
    reference = OUTDATED_REFERENCES[0]
    assert_type(reference.pattern, re.Pattern[str])
    assert_type(reference.replacement, LocalizedText)
    matches = find_outdated(text)
    assert_type(matches, list[OutdatedMatch])
    assert_type(matches[0].start, int)
    assert_type(outdated_finding(matches[0], "description.fi", locale="en"), Finding)
    Finding("I001", Severity.WARNING, "name", "message")


def exporting(register: Register) -> None:
    """The JSON-LD export is a dictionary, or text."""
    assert_type(to_jsonld(register), dict[str, object])
    assert_type(dumps(register, indent=None), str)
