"""Text that is in the draft only as a comment is reported apart (R5-3).

The final accounting keeps a mapped passage whose words the draft's values
lack in its field, quoted in a remark; the statistical reader places passages
as ``# importer unsure`` comments. Neither is a value of the draft: the result
lists both (:attr:`ImportResult.remarked`, :attr:`ImportResult.by_model`),
the summary line says how much, and the scorer counts them apart.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from click.testing import CliRunner

from rekisteri.cli import cli
from rekisteri.importer import import_notice
from rekisteri.importer._evaluate import right_field

if TYPE_CHECKING:
    from pathlib import Path

#: A purpose section whose link label the draft's purposes do not hold (the
#: accounting quotes it in a remark) — written for this test.
LABEL_KEPT = (
    "4. Henkilötietojen käsittelyn tarkoitus\nLisätietoa: www.koivurinne.example/tietosuoja"
    " Tietoja käytetään kerhon jäsenyyksien hallintaan ja kokouskutsujen lähettämiseen.\n"
)


def test_a_passage_kept_only_in_a_remark_is_listed_and_counted() -> None:
    result = import_notice(LABEL_KEPT)
    assert result.remarked, "the label is kept only as a quote"
    assert set(result.remarked) <= set(result.mapped)
    quoted = [result.text[m.start : m.end] for m in result.remarked]
    assert any("Lisätietoa" in passage for passage in quoted)
    assert "kept in their field only as quoted remarks" in result.summary_line()


def test_without_remarks_the_summary_says_nothing_of_them() -> None:
    result = import_notice(
        "Rekisterinpitäjä\nKoivurinteen Kerho ry\n\nRekisterin nimi\nJäsenrekisteri\n"
    )
    assert result.remarked == ()
    assert "quoted remarks" not in result.summary_line()


def test_the_scorer_can_leave_comment_only_text_out() -> None:
    sections = [{"heading": "4. Henkilötietojen käsittelyn tarkoitus", "field": "purposes"}]
    result = import_notice(LABEL_KEPT)
    right, total = right_field(result, sections)
    right_values, total_values = right_field(result, sections, comments=False)
    assert total_values == total
    kept = sum(len("".join(result.text[m.start : m.end].split())) for m in result.remarked)
    assert kept > 0
    assert right_values < right


def test_the_json_report_lists_them(tmp_path: Path) -> None:
    notice = tmp_path / "seloste.txt"
    notice.write_text(LABEL_KEPT, encoding="utf-8")
    draft = tmp_path / "draft.toml"
    args = ["import", str(notice), "--format", "json", "-o", str(draft), "--no-model"]
    report = CliRunner().invoke(cli, args)
    assert report.exit_code in (0, 1), report.output
    listed = json.loads(report.stdout)["remarked"]
    assert [entry["field"] for entry in listed] == [
        m.field for m in import_notice(LABEL_KEPT).remarked
    ]
    assert listed
