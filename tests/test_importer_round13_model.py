"""The importer's second reader: a small statistical model for text the rules leave unplaced.

Fictional passages written for these tests (none from the fixtures). The model
file is regenerated from the development fixtures by
``benchmarks/train_section_model.py``; the held-out fixtures are never read.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rekisteri.importer import import_bytes, import_notice, to_toml
from rekisteri.importer._model import (
    MIN_WORDS,
    PLACEABLE,
    features,
    model,
    placements,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "rekisteri" / "importer" / "data" / "section_model.json"
#: DVV's fictitious test code (DOMAIN.md 1.3), never a real person's.
SAFE_CODE = "100190-999P"

HEAD = (
    "Tietosuojaseloste\n\nRekisterinpitäjä\nKuusiston Kyläyhdistys ry\n"
    "Kylätie 4, 21620 Kuusisto\n\n"
)
PURPOSE = (
    "Henkilötietoja käsitellään, jotta voimme ottaa vastaan pöytävaraukset, hoitaa "
    "asiakassuhdetta ja lähettää asiakkaille uutiskirjeen."
)
CHATTER = (
    "Tämä sivu uudistettiin viime keväänä, ja otamme mielellämme vastaan palautetta sen "
    "selkeydestä."
)


def _trainer() -> object:
    spec = importlib.util.spec_from_file_location(
        "train_section_model", ROOT / "benchmarks" / "train_section_model.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_model_file_regenerates_byte_for_byte() -> None:
    trainer = _trainer()
    assert trainer.main(["--check"]) == 0  # type: ignore[attr-defined]


def test_model_file_is_small() -> None:
    assert DATA.stat().st_size < 300_000


# One fictional passage per field, under a heading the table does not know.
PLACED = {
    "purposes": ("Mihin käytämme tietoja", PURPOSE),
    "data_categories": (
        "Mitä tietoja keräämme",
        (
            "Rekisteriin tallennetaan asiakkaan nimi, osoite, puhelinnumero, sähköpostiosoite ja "
            "tilaushistoria."
        ),
    ),
    "sources": (
        "Mistä tiedot saadaan",
        (
            "Tiedot saadaan rekisteröidyltä itseltään jäsenhakemuksella sekä "
            "väestötietojärjestelmästä osoitepäivityksinä."
        ),
    ),
    "recipients": (
        "Kenelle tietoja annetaan",
        (
            "Tietoja ei luovuteta kolmansille osapuolille, paitsi viranomaisille lain "
            "edellyttämissä tapauksissa."
        ),
    ),
    "transfers": (
        "Siirrot",
        "Tietoja ei siirretä Euroopan unionin tai Euroopan talousalueen ulkopuolelle.",
    ),
    "retention": (
        "Kuinka kauan",
        (
            "Tietoja säilytetään niin kauan kuin asiakassuhde on voimassa ja sen jälkeen kaksi "
            "vuotta, minkä jälkeen ne poistetaan."
        ),
    ),
    "security": (
        "Tietoturva",
        (
            "Sähköinen aineisto on suojattu palomuurilla, salasanoilla ja käyttöoikeuksilla, ja "
            "paperiset asiakirjat säilytetään lukitussa kaapissa."
        ),
    ),
    "rights": (
        "Sinun oikeutesi",
        (
            "Rekisteröidyllä on oikeus tarkastaa itseään koskevat tiedot ja vaatia virheellisen "
            "tiedon korjaamista tai poistamista."
        ),
    ),
    "cookies": (
        "Evästeet",
        (
            "Sivustomme käyttää evästeitä, jotka tallentuvat selaimeesi ja joiden avulla seuraamme "
            "kävijämääriä."
        ),
    ),
    "controller": (
        "Kuka vastaa",
        (
            "Rekisterinpitäjä on Kuusiston Kyläyhdistys ry, Y-tunnus 2077474-0, Kylätie 4, "
            "21620 Kuusisto."
        ),
    ),
    "contact_person": (
        "Kenelle voi soittaa",
        (
            "Rekisteriä koskevissa asioissa yhteyshenkilönä toimii sihteeri Maija Mallikas, "
            "puhelin 040 123 4567."
        ),
    ),
}
#: Fields with few training sections: the model's posterior stays under the
#: threshold for an ordinary passage, so it refuses rather than guessing.
REFUSED = {
    "data_subjects": (
        "Keitä rekisteri koskee",
        (
            "Rekisterissä on tietoja yhdistyksen jäsenistä, heidän huoltajistaan sekä kerhon "
            "vapaaehtoisista ohjaajista."
        ),
    ),
    "processors": (
        "Käsittelijät",
        (
            "Käytämme henkilötietojen käsittelijöinä palveluntarjoajia, jotka ylläpitävät "
            "palvelimiamme sopimuksen perusteella."
        ),
    ),
}


def test_every_placeable_field_has_an_example() -> None:
    assert set(PLACED) | set(REFUSED) == PLACEABLE


@pytest.mark.parametrize("field", sorted(PLACED))
def test_fictional_passage_is_placed_in_its_field(field: str) -> None:
    heading, passage = PLACED[field]
    assert model().field(passage, heading) == field


@pytest.mark.parametrize("field", sorted(REFUSED))
def test_weak_fields_refuse_rather_than_guess(field: str) -> None:
    heading, passage = REFUSED[field]
    assert model().field(passage, heading) is None


def test_low_confidence_passage_stays_unplaced() -> None:
    assert model().field(CHATTER, "Ylläpito") is None
    text = f"Ylläpito\n\n{CHATTER}\n"
    start = text.index(CHATTER)
    assert placements(text, [(0, len(text), "none")], [(start, len(text) - 1)]) == []


def _notice(passage: str = PURPOSE) -> str:
    return f"{HEAD}Varaukset\n\n{passage}\n\nYlläpito\n\n{CHATTER}\n"


def test_import_places_an_unplaced_passage_with_a_remark() -> None:
    text = _notice()
    start = text.index(PURPOSE)
    without = import_notice(text, model=False)
    assert any(p.text == PURPOSE for p in without.unmatched)
    result = import_notice(text)
    assert any(m.start == start and m.field == "purposes" for m in result.mapped)
    assert all(p.text != PURPOSE for p in result.unmatched)
    assert any(p.text == CHATTER for p in result.unmatched)  # the page's chatter stays out
    draft = to_toml(result.draft, notes=result.notes)
    assert "# importer unsure: purposes: read by the statistical model" in draft
    assert PURPOSE in draft


def test_import_bytes_passes_the_switch_on() -> None:
    data = _notice().encode()
    assert "purposes" not in import_bytes(data, model=False).notes
    assert "purposes" in import_bytes(data).notes


def test_a_short_passage_under_an_unknown_heading_stays_unplaced() -> None:
    short = "Tietoja käytetään varausten hoitamiseen."
    assert len(re.findall(r"\w+", short)) < MIN_WORDS
    result = import_notice(_notice(short))
    assert not any("statistical" in note for notes in result.notes.values() for note in notes)


def test_recognised_heading_is_never_overridden() -> None:
    # under a recognised heading, the model may only agree with it
    text = f"{HEAD}Rekisterin tietoturva\n\n{PURPOSE}\n"
    heading = text.index("Rekisterin tietoturva")
    start = text.index(PURPOSE)
    sections = [(0, heading, "controller"), (heading, len(text), "security")]
    assert placements(text, sections, [(start, start + len(PURPOSE))]) == []
    with_model, without = import_notice(text), import_notice(text, model=False)
    assert with_model.mapped == without.mapped
    assert with_model.notes == without.notes


def test_identity_codes_are_never_features() -> None:
    found = features(f"Asiakkaan henkilötunnus {SAFE_CODE} tallennetaan.", f"Otsikko {SAFE_CODE}")
    assert not any(re.search(r"\d", feature) for feature in found)
    stored = json.loads(DATA.read_text("utf-8"))
    assert not any(re.search(r"\d", stem) for stem in stored["counts"])


def test_identity_code_never_reaches_the_remark() -> None:
    passage = f"{PURPOSE} Varaajan tunniste {SAFE_CODE} kirjataan varaukseen."
    result = import_notice(_notice(passage))
    notes = " ".join(note for notes in result.notes.values() for note in notes)
    assert "statistical" in notes
    assert SAFE_CODE not in notes
    assert SAFE_CODE not in to_toml(result.draft, notes=result.notes)


def test_import_rekisteri_does_not_load_the_model() -> None:
    code = (
        "import sys, rekisteri, rekisteri.importer\n"
        "print('rekisteri.importer._model' in sys.modules)"
    )
    out = subprocess.run(  # noqa: S603 - this interpreter, a fixed program
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "False"


TIMED = pytest.mark.skipif(
    os.environ.get("REKISTERI_TIMED_TESTS") != "1",
    reason="timed check: set REKISTERI_TIMED_TESTS=1 on a quiet machine",
)


@TIMED
def test_placements_are_linear() -> None:
    def cost(copies: int) -> float:
        block = f"Varaukset\n\n{PURPOSE}\n\n"
        text = block * copies
        passages = [(m.start(), m.end()) for m in re.finditer(re.escape(PURPOSE), text)]
        model()  # read once, before the clock
        start = time.process_time()
        placements(text, [(0, len(text), "none")], passages)
        return time.process_time() - start

    small, large = cost(500), cost(2000)
    assert large < 6 * max(small, 1e-3)


def test_cli_no_model_reads_by_the_rules_alone(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from rekisteri.cli import cli

    notice = tmp_path / "seloste.txt"
    notice.write_text(_notice(), encoding="utf-8")
    runner = CliRunner()
    with_model = runner.invoke(cli, ["import", str(notice), "--exit-zero"])
    without = runner.invoke(cli, ["import", str(notice), "--exit-zero", "--no-model"])
    assert with_model.exit_code == without.exit_code == 0
    assert "read by the statistical model" in with_model.stdout
    assert "read by the statistical model" not in without.stdout
