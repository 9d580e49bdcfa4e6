"""Identity codes in a notice never reach the draft, the notes or the report (issue 17, H15i)."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisteri.cli import cli
from rekisteri.identifiers import hetu
from rekisteri.importer import import_notice, to_toml
from rekisteri.testing import make_hetu

if TYPE_CHECKING:
    from pathlib import Path

CODE = make_hetu(date(1952, 10, 13), 308)
BIRTH, PERSONAL = CODE[:6], CODE[7:]


def spellings(code: str) -> list[str]:
    """The ways a notice may write *code*: canonical, lower case, en dash, spaces, no sign."""
    birth, sign, rest = code[:6], code[6], code[7:]
    return [
        code,
        code.lower(),
        f"{birth}\u2013{rest}",
        f"{birth} {sign} {rest}",
        f"{birth} {rest.lower()}",
        f"{birth}{rest}",
    ]


def leaks(text: str, code: str = CODE) -> bool:
    """Whether *text* shows the personal part of *code* in any spelling."""
    # the date part is shown on purpose ("300799-****"): take it out first, or a personal
    # part that its digits happen to contain ("3007" in "300799") reads as a leak
    compact = "".join(text.split()).upper().replace(code[:6], "|")
    return code[7:].upper() in compact


NOTICE = """Tietosuojaseloste

1. Rekisterinpitäjä
Koekauppa Oy, {code}
Testitie 1, 00100 HELSINKI
puh. {code}
sähköposti info@example.com

2. Yhteyshenkilö
{code}
puh. 040 123 4567

3. Rekisterin nimi
Asiakasrekisteri {code}

4. Rekisterin tietosisältö
- nimi
- henkilötunnus, esim. {code}
- {code}

5. Henkilötietojen käsittelyn tarkoitus
Asiakkuuden hoito. Esimerkiksi asiakas {code} ja muut.

6. Tietojen luovutukset
Tietoja ei luovuteta. {code}
"""


@pytest.mark.parametrize("spelling", spellings(CODE))
def test_code_is_no_value_and_is_masked_everywhere(spelling: str) -> None:
    result = import_notice(NOTICE.format(code=spelling), source_name=f"{spelling}.txt")
    draft = result.draft
    toml = to_toml(draft, notes=result.notes)
    assert not leaks(toml)
    assert not leaks(result.text)
    assert not any(leaks(p.text) for p in result.unmatched)
    assert not any(leaks(f.message) or leaks(f.path) for f in result.findings)
    assert not any(leaks(n) for notes in result.notes.values() for n in notes)
    assert not leaks(result.summary_line())
    # never a value
    assert draft.controller.contact is None or draft.controller.contact.phone is None
    assert draft.contact_person is None or draft.contact_person.name is None
    assert draft.controller.name == "Koekauppa Oy"
    assert draft.controller.business_id is None
    # the rest of the notice is still read
    assert draft.controller.address is not None
    assert draft.controller.address.postal_code == "00100"
    # the report counts them: eight codes in this notice
    (count,) = [f for f in result.findings if f.code == "I014"]
    assert "8" in count.message
    # offsets still point at the same places (the masked text has the notice's length)
    assert len(result.text) == len(NOTICE.format(code=spelling))


def test_without_codes_no_finding_and_text_unchanged() -> None:
    notice = NOTICE.replace("{code}", "")
    result = import_notice(notice)
    assert result.text == notice
    assert not [f for f in result.findings if f.code == "I014"]


def test_html_table_cells() -> None:
    page = (
        "<html><body><h2>Rekisterinpitäjä</h2><table>"
        f"<tr><td>Nimi</td><td>{CODE}</td></tr>"
        f"<tr><td>Y-tunnus</td><td>{CODE.lower()}</td></tr>"
        f"<tr><td>Puhelin</td><td>{BIRTH} {PERSONAL}</td></tr>"
        "</table></body></html>"
    )
    result = import_notice(page)
    toml = to_toml(result.draft, notes=result.notes)
    assert not leaks(toml)
    assert result.draft.controller.name is None
    assert result.draft.controller.business_id is None
    assert result.unmatched  # the cells are listed, masked
    assert all(not leaks(p.text) for p in result.unmatched)
    assert any(f"{BIRTH}-****" in p.text for p in result.unmatched)


@settings(max_examples=40, deadline=None)
@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
    number=st.integers(min_value=2, max_value=899),
    where=st.sampled_from(["controller", "contact", "name", "list", "prose"]),
)
def test_any_code_anywhere(born: date, number: int, where: str) -> None:
    code = make_hetu(born, number)
    lines = {
        "controller": f"Rekisterinpitäjä\n\nPuu Oy, {code}\n",
        "contact": f"Yhteyshenkilö: {code}, puh. {code.lower()}\n",
        "name": f"Rekisterin nimi\n\n{code}\n",
        "list": f"Rekisterin tietosisältö\n\n- {code}\n- nimi\n",
        "prose": f"Rekisterin käyttötarkoitus\n\nAsiakas {code} soitti.\n",
    }
    result = import_notice(lines[where])
    assert not leaks(to_toml(result.draft, notes=result.notes), code)
    assert not any(leaks(p.text, code) for p in result.unmatched)
    assert not any(leaks(f.message, code) for f in result.findings)


def test_cli_output_and_report(tmp_path: Path) -> None:
    notice = tmp_path / "seloste.txt"
    notice.write_text(NOTICE.format(code=spellings(CODE)[3]), encoding="utf-8")
    runner = CliRunner()
    for args in ([], ["-f", "json"], ["-o", tmp_path / "d.toml", "--report", tmp_path / "r.txt"]):
        result = runner.invoke(cli, ["import", str(notice), *map(str, args), "--force"])
        assert result.exit_code in {0, 1}, result.output
        assert not leaks(result.stdout)
        assert not leaks(result.stderr)
        if args and args[0] == "-f":
            report = json.loads(result.stderr[result.stderr.index("{") :])
            assert "I014" in {f["code"] for f in report["findings"]}
    assert not leaks((tmp_path / "d.toml").read_text(encoding="utf-8"))
    report = (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert not leaks(report)
    assert "I014" in report
    assert hetu.redact(CODE) == f"{BIRTH}-****"
