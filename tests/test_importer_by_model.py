"""What the statistical second reader placed is shown apart from what the rules placed.

The reader's placements are ``# importer unsure`` comments, not values: the
result lists them in ``by_model``, the one-line summary and the draft's header
say how many there are, and the JSON report gives their offsets.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from click.testing import CliRunner

from rekisteri.cli import cli
from rekisteri.importer import import_notice

if TYPE_CHECKING:
    from pathlib import Path

PURPOSE = (
    "Asiakkaiden tietoja käytetään tilausten toimittamiseen, laskutukseen ja "
    "asiakassuhteen hoitamiseen sekä tuotteita koskevien tiedotteiden lähettämiseen."
)
NOTICE = f"""Puutarhamyymälä Kastekannu Oy:n asiakasrekisterin tietosuojaseloste

1. Rekisterinpitäjä
Puutarhamyymälä Kastekannu Oy
Multakuja 4, 33100 Tampere
info@kastekannu.example

2. Miksi keräämme tietoja asiakkaistamme ja mihin niitä tarvitaan
{PURPOSE}
"""


def test_by_model_lists_the_readers_placements_and_nothing_else() -> None:
    without = import_notice(NOTICE, model=False)
    left = [(p.start, p.end) for p in without.unmatched]
    assert left  # the rules leave a piece of the purpose sentence unplaced
    result = import_notice(NOTICE)
    assert [(m.start, m.end) for m in result.by_model] == left
    assert {m.field for m in result.by_model} == {"purposes"}
    assert all(result.text[m.start : m.end] in PURPOSE for m in result.by_model)
    assert set(result.by_model) <= set(result.mapped)
    assert result.unmatched == ()
    summary = result.summary_line("seloste.txt")
    assert f"{len(left)} passage(s)" in summary.split("; ")[-1]
    assert "placed by the statistical reader" in summary


def test_without_the_model_nothing_is_listed_or_said() -> None:
    result = import_notice(NOTICE, model=False)
    assert result.by_model == ()
    assert "statistical" not in result.summary_line("seloste.txt")
    assert result.unmatched


def test_the_draft_header_and_the_json_report_say_so(tmp_path: Path) -> None:
    notice = tmp_path / "seloste.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    runner = CliRunner()
    draft = tmp_path / "draft.toml"
    done = runner.invoke(cli, ["import", str(notice), "-o", str(draft)])
    assert done.exit_code in (0, 1), done.output
    header = [line for line in draft.read_text(encoding="utf-8").splitlines() if line[:1] == "#"]
    assert any("placed by the statistical reader" in line for line in header[:10])
    json_args = ["--format", "json", "-o", str(draft), "--force"]
    report = runner.invoke(cli, ["import", str(notice), *json_args])
    assert {entry["field"] for entry in json.loads(report.stdout)["by_model"]} == {"purposes"}
    plain = runner.invoke(cli, ["import", str(notice), *json_args, "--no-model"])
    assert json.loads(plain.stdout)["by_model"] == []


def test_the_name_ranker_is_a_learnt_reader_too() -> None:
    """``model=False`` reads by the rules alone: the register-name ranker is left out as well."""
    notice = (
        "Tietosuojaseloste\n\nRekisteri: ”Veneseuran jäsenrekisteri”\n\n"
        "Rekisterinpitäjä\n\nVeneseura ry\nLaiturikatu 2, 12345 Kylä\n"
    )
    ranked = import_notice(notice)
    assert ranked.draft.name is not None
    assert "name ranker" in ranked.notes["name"][0]
    plain = import_notice(notice, model=False)
    assert plain.draft.name is None
    assert "name" not in plain.notes


def test_the_name_rankers_weights_regenerate_from_the_dev_fixtures() -> None:
    """``benchmarks/train_name_ranker.py --check``: the packaged weights are what dev gives."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).parents[1] / "benchmarks" / "train_name_ranker.py"
    spec = importlib.util.spec_from_file_location("train_name_ranker", script)
    assert spec is not None
    assert spec.loader is not None
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    assert trainer.main(["--check"]) == 0
