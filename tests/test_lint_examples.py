"""The example registers' lint reports: golden files, and the corpus's outdated law.

The files in ``examples/lint/`` are what ``rekisteri lint`` writes for each
example (see ``examples/lint/README.md`` for how to regenerate them). The
examples model the legacy notices of the corpus, whose outdated references
the linter must find in the modelled registers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rekisteri.lint import Severity, find_outdated, lint, report_json, report_text
from rekisteri.serialize import load_register

EXAMPLES = Path(__file__).parent.parent / "examples"
REPORTS = EXAMPLES / "lint"
# The legacy notices of the project corpus, copied into the repository as test data.
CORPUS = Path(__file__).parent / "fixtures" / "legacy"
NOTICES = {
    "digicenter": "notice-000-digicenter.txt",
    "kotisivutaivas": "notice-001-kotisivutaivas.txt",
    "asiakasrekisteri-malli": "notice-002-asiakasrekisteri-malli.txt",
}

#: What each corpus notice names that is outdated, and where the modelled
#: register keeps it: (code, path, the words found).
OUTDATED = {
    "digicenter": [
        ("R308", "description.fi", "Rekisteriseloste"),
        ("R308", "description.fi", "rekisteriselosteeseen"),
        ("R308", "description.fi", "rekisteriselosteessa"),
    ],
    "kotisivutaivas": [
        ("R309", "security[1].description.fi", "sähköisen viestinnän tietosuojalain"),
        ("R311", "security[1].description.fi", "Viestintäviraston"),
    ],
    "asiakasrekisteri-malli": [
        ("R301", "description.fi", "henkilötietolain"),
        ("R317", "transfers[0].description.fi", "Euroopan Unionin ulkopuolelle"),
        ("R316", "transfers[0].description.fi", "ellei se ole"),
        ("R313", "rights_exercise.fi", "allekirjoitettava"),
        ("R314", "rights_exercise.fi", "kirjallisen todistuksen"),
        ("R314", "rights_exercise.fi", "tietosuojavaltuutetun ratkaistavaksi"),
        ("R315", "rights_exercise.fi", "oikeus kieltää"),
    ],
}


@pytest.fixture(params=sorted(NOTICES))
def name(request: pytest.FixtureRequest) -> str:
    """The name of each example in turn."""
    value: str = request.param
    return value


class TestGoldenReports:
    def test_every_example_has_reports(self) -> None:
        """There is a text and a JSON report for each example, and nothing else."""
        expected = {f"{n}.{ext}" for n in NOTICES for ext in ("txt", "json")} | {"README.md"}
        assert {path.name for path in REPORTS.iterdir()} == expected
        # complete-v2 models no corpus notice; it lints clean (tests/test_render_complete.py).
        assert {path.stem for path in EXAMPLES.glob("*.toml")} - {"complete-v2"} == set(NOTICES)

    def test_text_report(self, name: str) -> None:
        """The committed text report is what the linter writes now."""
        findings = lint(load_register(EXAMPLES / f"{name}.toml"))
        assert report_text(findings) == (REPORTS / f"{name}.txt").read_text(encoding="utf-8")

    def test_json_report(self, name: str) -> None:
        """The committed JSON report is what the linter writes now."""
        findings = lint(load_register(EXAMPLES / f"{name}.toml"))
        committed = (REPORTS / f"{name}.json").read_text(encoding="utf-8")
        assert report_json(findings, locale="fi") == committed
        assert json.loads(committed)["summary"]["error"] > 0

    def test_every_example_fails(self, name: str) -> None:
        """Each legacy notice has errors: at least a purpose without a legal basis."""
        findings = lint(load_register(EXAMPLES / f"{name}.toml"))
        assert any(f.severity is Severity.ERROR for f in findings)
        assert "R105" in {f.code for f in findings}


class TestOutdatedInExamples:
    def test_outdated_references_found(self, name: str) -> None:
        """The outdated references of the corpus notice are found in the modelled register."""
        findings = lint(load_register(EXAMPLES / f"{name}.toml"))
        found = [(f.code, f.path, f.message) for f in findings if f.code.startswith("R3")]
        for code, path, words in OUTDATED[name]:
            assert any((c, p) == (code, path) and words in message for c, p, message in found), (
                code,
                path,
                words,
            )

    def test_same_references_as_the_notice(self, name: str) -> None:
        """The register keeps every kind of outdated reference its notice has, and no other."""
        text = (CORPUS / NOTICES[name]).read_text(encoding="utf-8")
        in_notice = {match.reference.code for match in find_outdated(text)}
        findings = lint(load_register(EXAMPLES / f"{name}.toml"))
        in_register = {f.code for f in findings if f.code.startswith("R3")}
        assert in_register == in_notice
        assert in_notice == {code for code, _, _ in OUTDATED[name]}
