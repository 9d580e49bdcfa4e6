"""Outside attack on the importer's promises and on check-ids' reports on error.

Written from the public docs only (docs/guides/migrating.md, docs/guides/cli.md,
docs/guides/identifiers.md, ``rekisteri import --help``, ``rekisteri check-ids
--help``), without reading the importer's code or its tests. Every notice here
is invented (fictional firms, e-mails at example.com); identity codes come from
:func:`rekisteri.testing.make_hetu` with temporary individual numbers 900-999.

A promise found broken stays as a test marked ``xfail(strict=True)`` whose
reason says what happens.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from rekisteri.cli import cli
from rekisteri.errors import RekisteriError
from rekisteri.importer import ImportResult, import_notice, to_toml
from rekisteri.serialize import load_register
from rekisteri.testing import make_hetu

if TYPE_CHECKING:
    from collections.abc import Callable

    from click.testing import Result

    from rekisteri.model import LocalizedText


# --------------------------------------------------------------------------
# Invented notices
# --------------------------------------------------------------------------

FI_NUMBERED = """TIETOSUOJASELOSTE
EU:n yleinen tietosuoja-asetus (2016/679)

1. Rekisterinpitäjä
Kuusikallion Leipomo Oy (Y-tunnus 2077474-0)
Leipurinkatu 5 B, 33100 Tampere
puh. 03 555 0199, sähköposti: leipomo [at] example.com

2. Yhteyshenkilö rekisteriä koskevissa asioissa
Tiina Taikina, myyntipäällikkö, tiina.taikina@example.com

3. Rekisterin nimi
Kanta-asiakasrekisteri

4. Henkilötietojen käsittelyn tarkoitus
Tietoja käytetään kanta-asiakkuuden hoitamiseen, tilausten toimittamiseen ja uutiskirjeen \
lähettämiseen.

5. Rekisterin tietosisältö
Rekisteriin tallennetaan:
- nimi
- osoite
- puhelinnumero
- ostohistoria

6. Säännönmukaiset tietolähteet
Tiedot saadaan asiakkaalta itseltään.

7. Tietojen säännönmukaiset luovutukset
Tietoja ei luovuteta kolmansille osapuolille.

8. Tietojen siirto EU:n tai ETA:n ulkopuolelle
Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.

9. Rekisterin suojauksen periaatteet
Tiedot säilytetään lukitussa tilassa. Järjestelmään kirjaudutaan salasanalla.

Kahvila-asiat
Kahvilan aukioloajat ovat nähtävillä ovessa.
"""

FI_UNNUMBERED = """Rekisterinpitäjä

Vaahterasalon Tilitoimisto Ky
Myllytie 2
40100 Jyväskylä
info(at)example.com

Rekisterin nimi

Asiakasrekisteri

Rekisterin käyttötarkoitus

Asiakasrekisterin tietoja käytetään kirjanpitopalvelujen tuottamiseen sekä laskutukseen. \
Tietoja säilytetään kuusi vuotta tilikauden päättymisestä.

Mitä tietoja keräämme?

Keräämme yhteystiedot ja tilitiedot.

Evästeet

Sivusto ei käytä evästeitä.
"""

SV = """Dataskyddsbeskrivning

Personuppgiftsansvarig

Skärgårdens Båtvarv Ab
Strandvägen 4, 22100 Mariehamn
e-post: varvet@example.com

Registrets namn

Kundregister för båtförvaring

Ändamålet med behandlingen av personuppgifter

Uppgifterna används för att sköta kundrelationen och för fakturering.

Regelbundna uppgiftskällor

Uppgifterna fås av kunden själv.

Regelbundet utlämnande av uppgifter

Uppgifterna lämnas inte ut till utomstående.

Överföring av uppgifter utanför EU eller EES

Uppgifterna överförs inte utanför EU eller EES.
"""

# Bilingual, headings joined with " / " on one line, values joined with " / ".
BILINGUAL_SLASH = """Rekisterin nimi / Registrets namn

Jäsenrekisteri / Medlemsregister

Rekisterin käyttötarkoitus / Ändamålet med behandlingen av personuppgifter

Tietoja käytetään jäsenyyden hoitamiseen. / Uppgifterna används för att sköta medlemskapet.
"""

# Bilingual, values joined with " – " (the guide names "… – …" headings).
BILINGUAL_DASH = """Rekisterinpitäjä / Personuppgiftsansvarig

Rantakylän Urheiluseura ry – Strandby Idrottsförening rf
Kenttätie 1, 10600 Tammisaari
seura@example.com

Rekisterin nimi / Registrets namn

Jäsenrekisteri – Medlemsregister

Käyttötarkoitus / Ändamål

Tietoja käytetään jäsenyyden hoitamiseen. Uppgifterna används för att sköta medlemskapet.

Tietojen luovutus / Utlämnande av uppgifter

Tietoja ei luovuteta. Uppgifterna lämnas inte ut.
"""

# Bilingual, the Swedish heading and value on the line under the Finnish ones.
BILINGUAL_LINES = """Rekisterinpitäjä
Personuppgiftsansvarig

Rantakylän Urheiluseura ry
Kenttätie 1, 10600 Tammisaari
seura@example.com

Rekisterin nimi
Registrets namn

Jäsenrekisteri
Medlemsregister

Rekisterin käyttötarkoitus
Ändamålet med behandlingen av personuppgifter

Tietoja käytetään jäsenyyden hoitamiseen ja jäsenmaksujen perintään.
Uppgifterna används för att sköta medlemskapet och för att driva in medlemsavgifter.
"""

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tietosuojaseloste</title>
<style>p {color: red}</style><script>var x = "ei tekstiä";</script></head><body>
<h1>Tietosuojaseloste</h1>
<table>
<tr><td><b>1. Rekisterinpitäjä</b></td><td>Pohjantähden Kirjakauppa Oy<br>Kirjastokatu 9, \
90100 Oulu<br>kauppa@example.com</td></tr>
<tr><td><b>2. Rekisterin nimi</b></td><td>Asiakasrekisteri</td></tr>
<tr><td><b>3. Käyttötarkoitus</b></td><td>Tietoja käytetään tilausten käsittelyyn ja \
<i>asiakasviestintään</i>.</td></tr>
<tr><td><b>4. Tietosisältö</b></td><td><ul><li>nimi</li><li>sähköpostiosoite</li>\
<li>tilaushistoria</li></ul></td></tr>
</table>
<h2>Evästeet</h2>
<table><tr><th>Eväste</th><th>Tarkoitus</th><th>Kesto</th></tr>
<tr><td>_ga</td><td>kävijätilastot</td><td>2 vuotta</td></tr></table>
<div><div><span>Lisätietoja saa kaupasta.</span></div></div>
<h3>Muut asiat</h3><p>Kaupan kissa on nimeltään Mirri.</p>
</body></html>
"""

PROSE = (
    "Tällä sivulla kerromme, miten Koivulan Kukkakauppa käsittelee asiakkaidensa tietoja. "
    "Tietoja käytetään tilausten toimittamiseen. Tietoja ei siirretä EU:n tai ETA:n "
    "ulkopuolelle. Tietoja säilytetään kaksi vuotta asiakassuhteen päättymisestä. "
    "Kukkakaupan kissa vahtii kassaa."
)

NOTICES = {
    "fi_numbered": FI_NUMBERED,
    "fi_unnumbered": FI_UNNUMBERED,
    "sv": SV,
    "bilingual_slash": BILINGUAL_SLASH,
    "bilingual_dash": BILINGUAL_DASH,
    "bilingual_lines": BILINGUAL_LINES,
    "html": HTML,
    "prose": PROSE,
}

# Characters a copied page may hold; the guide says the invisible ones count as
# blank and that offsets count them. Also NUL, BEL, an ESC sequence, a line
# separator, CRLF, a tab and a no-break space.
NOISE = {
    "zwsp": "\u200b",
    "shy": "\u00ad",
    "rlm": "\u200f",
    "rlo": "\u202e",
    "bom": "\ufeff",
    "wj": "\u2060",
    "nul": "\x00",
    "bel": "\x07",
    "esc": "\x1b[31m",
    "lsep": "\u2028",
    "crlf": "\r\n",
    "tab": "\t",
    "nbsp": "\u00a0",
}

BLANK_INVISIBLES = frozenset(
    "\u200b\u200c\u200d\u2060\u00ad\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069"
)


def _sprinkle(text: str, noise: str) -> str:
    """Put ``noise`` inside words (after every seventh letter) all over ``text``."""
    return "".join(
        char + (noise if index % 7 == 3 and char.isalpha() else "")
        for index, char in enumerate(text)
    )


def _lost_text(result: ImportResult) -> list[str]:
    """Non-blank text of ``result.text`` that is neither mapped nor listed unmatched."""
    covered = [False] * len(result.text)
    for span in result.mapped:
        covered[span.start : span.end] = [True] * (span.end - span.start)
    for passage in result.unmatched:
        covered[passage.start : passage.end] = [True] * (passage.end - passage.start)
    lost: list[str] = []
    run: list[str] = []
    for char, done in zip(result.text, covered, strict=True):
        if done or char.isspace() or char in BLANK_INVISIBLES:
            if run:
                lost.append("".join(run))
                run = []
            continue
        run.append(char)
    if run:
        lost.append("".join(run))
    return lost


def _invoke(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args)


def _no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------
# 1. No text lost silently; offsets point at the text
# --------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(NOTICES))
@pytest.mark.parametrize("noise", [None, *sorted(NOISE)])
def test_every_non_blank_character_is_mapped_or_listed(name: str, noise: str | None) -> None:
    text = NOTICES[name] if noise is None else _sprinkle(NOTICES[name], NOISE[noise])
    result = import_notice(text)
    for passage in result.unmatched:
        assert result.text[passage.start : passage.end] == passage.text
    assert _lost_text(result) == []


@pytest.mark.parametrize(
    ("encoding", "args"),
    [("cp1252", []), ("utf-16", []), ("utf-8-sig", []), ("latin-1", ["--encoding", "latin-1"])],
)
def test_report_offsets_count_characters_of_the_decoded_text(
    tmp_path: Path, encoding: str, args: list[str]
) -> None:
    notice = FI_NUMBERED + "\nAsiakaspalaute\n\nPalautteet käydään läpi viikoittain, äÄöÖ.\n"
    path = tmp_path / "seloste.txt"
    path.write_bytes(notice.encode(encoding))
    out = tmp_path / "draft.toml"
    run = _invoke(["import", str(path), "-f", "json", "-o", str(out), *args])
    _no_traceback(run)
    report = json.loads(run.stdout)
    api = import_notice(notice)
    assert report["unmatched"], "the notice has an unknown heading: something is unmatched"
    for passage in report["unmatched"]:
        assert api.text[passage["start"] : passage["end"]] == passage["text"]


def test_html_offsets_point_into_the_text_content(tmp_path: Path) -> None:
    path = tmp_path / "seloste.html"
    path.write_text(HTML, encoding="utf-8")
    run = _invoke(["import", str(path), "-f", "json", "-o", str(tmp_path / "d.toml")])
    _no_traceback(run)
    report = json.loads(run.stdout)
    api = import_notice(HTML, html=True)
    texts = [passage["text"] for passage in report["unmatched"]]
    assert all("<" not in text for text in texts)
    for passage in report["unmatched"]:
        assert api.text[passage["start"] : passage["end"]] == passage["text"]
    assert "ei tekstiä" not in api.text  # <script> is not text


# --------------------------------------------------------------------------
# 2. The one-line summary on every run
# --------------------------------------------------------------------------

SUMMARY = re.compile(
    r"^seloste\.txt: \d+% of the text in the field its section names, ", re.MULTILINE
)


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param([], id="plain"),
        pytest.param(["-o", "{out}"], id="o"),
        pytest.param(["-o", "{out}", "--report", "{rep}"], id="o-report"),
        pytest.param(["-o", "{out}", "-f", "json"], id="o-json"),
        pytest.param(["-o", "-"], id="o-stdout"),
        pytest.param(["--report", "{rep}"], id="report"),
        pytest.param(["-o", "{out}", "--exit-zero"], id="o-exit-zero"),
        pytest.param(["-f", "json"], id="json-no-o"),
    ],
)
def test_summary_line_on_every_run(tmp_path: Path, extra: list[str]) -> None:
    path = tmp_path / "seloste.txt"
    path.write_text(FI_NUMBERED, encoding="utf-8")
    args = [arg.format(out=tmp_path / "draft.toml", rep=tmp_path / "report.txt") for arg in extra]
    run = _invoke(["import", str(path), *args])
    _no_traceback(run)
    assert run.exit_code == (0 if "--exit-zero" in extra else 1)
    assert len(SUMMARY.findall(run.stderr.replace(str(tmp_path) + "/", ""))) == 1


def test_next_numbered_unknown_heading_is_not_a_purpose() -> None:
    result = import_notice(
        "1. Rekisterinpitäjä\nEsimerkki Oy\n\n4. Rekisterin käyttötarkoitus\n"
        "Tietoja käytetään laskutukseen.\n\n5. Asiakaspalaute\n\n"
        "Palautteet käydään läpi viikoittain.\n"
    )
    assert [purpose.name.fi for purpose in result.draft.purposes] == ["Laskutus"]
    assert "I001" in {finding.code for finding in result.findings}


@pytest.mark.parametrize("yt", ["2077474-1", "2077474 - 1", "FI20774741", "207747-1"])
def test_wrong_ytunnus_check_digit_is_reported_not_copied(yt: str) -> None:
    result = import_notice(f"1. Rekisterinpitäjä\nEsimerkki Oy (Y-tunnus {yt})\nx@example.com\n")
    assert result.draft.controller.business_id is None
    assert "I002" in {finding.code for finding in result.findings}
    assert result.has_errors


@pytest.mark.parametrize(
    ("heading", "sentence", "stated"),
    [
        pytest.param(
            "Tietojen siirto EU:n tai ETA:n ulkopuolelle",
            "Tietoja ei siirretä EU:n ulkopuolelle.",
            "transfers",
            id="fi-transfers-passive",
        ),
        pytest.param(
            "Tietojen siirto EU:n tai ETA:n ulkopuolelle",
            "Emme siirrä tietoja EU:n tai ETA:n ulkopuolelle.",
            "transfers",
            id="fi-transfers-we",
        ),
        pytest.param(
            "Tietojen luovutukset", "Tietoja ei luovuteta.", "recipients", id="fi-recipients"
        ),
        pytest.param(
            "Tietojen luovutukset",
            "Emme luovuta tietoja.",
            "recipients",
            id="fi-recipients-we",
        ),
        pytest.param(
            "Utlämnande av uppgifter",
            "Vi lämnar inte ut uppgifter.",
            "recipients",
            id="sv-recipients-we",
        ),
        pytest.param(
            "Överföring av uppgifter utanför EU eller EES",
            "Vi överför inte uppgifter utanför EU.",
            "transfers",
            id="sv-transfers-we",
        ),
        pytest.param("Evästeet", "Emme käytä evästeitä.", "cookies", id="fi-cookies-we"),
        pytest.param(
            "Evästeet",
            "Sivustolla ei käytetä cookieita.",
            "cookies",
            id="fi-cookies-loanword",
        ),
        pytest.param(
            "Cookies",
            "Webbplatsen använder inte cookies.",
            "cookies",
            id="sv-cookies",
        ),
        pytest.param("Kakor", "Webbplatsen använder inte kakor.", "cookies", id="sv-kakor"),
    ],
)
def test_a_negative_statement_sets_none_stated_and_creates_no_entry(
    heading: str, sentence: str, stated: str
) -> None:
    draft = import_notice(f"{heading}\n\n{sentence}\n").draft
    assert stated in {item.value for item in draft.none_stated}
    assert draft.transfers == ()
    assert draft.recipients == ()
    assert draft.cookies == ()


# --------------------------------------------------------------------------
# 3. Every draft loads
# --------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(NOTICES))
def test_draft_loads_back_to_the_same_register(tmp_path: Path, name: str) -> None:
    result = import_notice(NOTICES[name])
    path = tmp_path / "draft.toml"
    path.write_text(to_toml(result.draft, notes=result.notes), encoding="utf-8")
    assert load_register(path) == result.draft


@pytest.mark.parametrize("name", ["fi_numbered", "sv", "html", "bilingual_dash"])
def test_cli_draft_validates_and_lints(tmp_path: Path, name: str) -> None:
    source = tmp_path / ("seloste.html" if name == "html" else "seloste.txt")
    source.write_text(NOTICES[name], encoding="utf-8")
    out = tmp_path / "draft.toml"
    run = _invoke(["import", str(source), "-o", str(out)])
    _no_traceback(run)
    assert run.exit_code in (0, 1)
    validated = _invoke(["validate", str(out)])
    assert validated.exit_code == 0, validated.stdout + validated.stderr
    linted = _invoke(["lint", str(out)])
    assert linted.exit_code in (0, 1)


def test_noisy_drafts_load(tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    for name, notice in NOTICES.items():
        for noise in NOISE.values():
            result = import_notice(_sprinkle(notice, noise))
            path.write_text(to_toml(result.draft, notes=result.notes), encoding="utf-8")
            assert load_register(path) == result.draft, (name, noise)


# --------------------------------------------------------------------------
# 4. Swedish and bilingual notices
# --------------------------------------------------------------------------


def _name(result: ImportResult) -> LocalizedText:
    """The draft's register name (the tests that read it expect one)."""
    assert result.draft.name is not None
    return result.draft.name


def test_swedish_notice_gives_sv_texts() -> None:
    result = import_notice(SV)
    assert "I012" in {finding.code for finding in result.findings}
    assert _name(result).sv == "Kundregister för båtförvaring"
    assert result.draft.purposes
    assert all(purpose.name.sv for purpose in result.draft.purposes)
    assert result.draft.controller.name == "Skärgårdens Båtvarv Ab"


def test_swedish_notice_of_lists_gives_sv_texts() -> None:
    result = import_notice(
        "Personuppgiftsansvarig\n\nExempel Ab\nGatan 1, 00100 Helsingfors\ninfo@example.com\n\n"
        "Registrets namn\n\nKundregister\n\n"
        "Registrets datainnehåll\n\n- namn\n- adress\n- telefonnummer\n"
    )
    assert _name(result).sv == "Kundregister"
    assert [category.name.sv for category in result.draft.data_categories] == [
        "Namn",
        "Adress",
        "Telefonnummer",
    ]


def test_bilingual_slash_notice_gives_both_names() -> None:
    result = import_notice(BILINGUAL_SLASH)
    assert (_name(result).fi, _name(result).sv) == ("Jäsenrekisteri", "Medlemsregister")


def test_bilingual_dash_notice_gives_both_names() -> None:
    result = import_notice(BILINGUAL_DASH)
    assert _name(result).sv == "Medlemsregister"
    assert _name(result).fi == "Jäsenrekisteri"


def test_bilingual_two_line_headings_name_is_not_a_heading() -> None:
    result = import_notice(BILINGUAL_LINES)
    names = (_name(result).fi, _name(result).sv)
    assert "Registrets namn" not in names
    assert _name(result).fi == "Jäsenrekisteri"


# --------------------------------------------------------------------------
# 5. Hostile bytes: never a traceback, documented exit codes
# --------------------------------------------------------------------------

BASE = "1. Rekisterinpitäjä\n\nÄhtärin Kenkä Oy\n\n4. Rekisterin käyttötarkoitus\n\n"
BASE += "Tietoja käytetään laskutukseen.\n"

HOSTILE: dict[str, tuple[str, bytes, list[str], set[int]]] = {
    "binary": ("x.txt", bytes(range(256)) * 40, [], {2}),
    "empty": ("x.txt", b"", [], {2}),
    "blank": ("x.txt", b" \n\t\r\n ", [], {2}),
    "nul": ("x.txt", BASE.replace("Kenkä", "Ken\x00kä").encode(), [], {1}),
    "controls": ("x.txt", ("\x1b[2J\x07" + BASE + "\x0b\x0c\x85\u202e").encode(), [], {1}),
    "lone-surrogate-bytes": ("x.txt", BASE.encode() + b"\xed\xa0\x80", [], {1}),
    "utf16-no-bom-given": ("x.txt", BASE.encode("utf-16-le"), ["--encoding", "utf-16-le"], {1}),
    "hex-codec": ("x.txt", BASE.encode(), ["--encoding", "hex"], {2}),
    "base64-codec": ("x.txt", BASE.encode(), ["--encoding", "base64"], {2}),
    "zlib-codec": ("x.txt", BASE.encode(), ["--encoding", "zlib"], {2}),
    "unknown-codec": ("x.txt", BASE.encode(), ["--encoding", "no-such-enc"], {2}),
    "wrong-encoding": ("x.txt", BASE.encode(), ["--encoding", "ascii"], {2}),
    "meta-bytes-codec": (
        "x.html",
        b'<meta charset="base64"><h2>Rekisterinpit\xe4j\xe4</h2>',
        [],
        {2},
    ),
    "deep-html": ("x.html", b"<div>" * 50000 + BASE.encode() + b"</div>" * 50000, [], {1}),
    "unclosed-html": ("x.html", b"<ul><li><b><i>" * 20000 + BASE.encode(), [], {1}),
    "many-headings": (
        "x.txt",
        "".join(f"{i}. Rekisterin nimi\n\nNimi {i}\n\n" for i in range(10000)).encode(),
        [],
        {1},
    ),
    "many-unknown-headings": (
        "x.txt",
        "".join(f"Otsikko {i}\n\n" for i in range(10000)).encode(),
        [],
        {1},
    ),
    "long-contact-line": ("x.txt", ("1. Rekisterinpitäjä\n\n" + "Oy, " * 50000).encode(), [], {1}),
    "html-as-text": (
        "x.txt",
        b"<h2>Rekisterinpit&auml;j&auml;</h2><p>Esimerkki Oy</p>",
        ["--html"],
        {1},
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_input_gives_a_documented_exit(tmp_path: Path, case: str) -> None:
    name, data, extra, codes = HOSTILE[case]
    path = tmp_path / name
    path.write_bytes(data)
    run = _invoke(["import", str(path), "-o", str(tmp_path / "d.toml"), *extra])
    _no_traceback(run)
    assert run.exit_code in codes, run.stderr[-500:]
    if run.exit_code == 2:
        assert run.stderr.startswith("rekisteri: error: ")
        assert run.stderr.count("\n") == 1
    else:
        assert load_register(tmp_path / "d.toml") is not None


RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u202e\u200b]")


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param([], id="report-on-stderr"),
        pytest.param(["-o", "{out}"], id="report-on-stdout"),
    ],
)
def test_report_never_prints_a_raw_control_character(tmp_path: Path, extra: list[str]) -> None:
    path = tmp_path / "seloste.txt"
    path.write_text("Muuta\n\na\x1bb c\u202ed e\u200bf\n", encoding="utf-8")
    args = [arg.format(out=tmp_path / "d.toml") for arg in extra]
    run = _invoke(["import", str(path), *args])
    _no_traceback(run)
    report = run.stdout if extra else run.stderr
    assert "text[" in report
    assert not RAW_CONTROL.search(report), report
    assert not RAW_CONTROL.search(run.stderr)


def test_hostile_input_in_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(b"\xff\xfe\x00\x00" + bytes(range(256)) * 8)
    run = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "rekisteri", "import", str(path)],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 2
    assert b"Traceback" not in run.stderr
    assert run.stderr.startswith(b"rekisteri: error: ")


@pytest.mark.skipif(not Path("/dev/stdin").exists(), reason="needs /dev/stdin")
@pytest.mark.parametrize(
    "target",
    [
        pytest.param(["-o", "/dev/stdin"], id="o-dev-stdin"),
        pytest.param(["-o", "/dev/fd/0"], id="o-dev-fd-0"),
        pytest.param(["-o", "{out}", "--report", "/dev/stdin"], id="report-dev-stdin"),
        pytest.param(["-o", "/proc/self/fd/0"], id="o-proc-self-fd-0"),
    ],
)
def test_the_file_standard_input_comes_from_is_never_replaced(
    tmp_path: Path, target: list[str]
) -> None:
    path = tmp_path / "seloste.txt"
    path.write_text(FI_NUMBERED, encoding="utf-8")
    args = [arg.format(out=tmp_path / "d.toml") for arg in target]
    with path.open("rb") as stdin:
        run = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "rekisteri", "import", "-", *args],
            stdin=stdin,
            capture_output=True,
            check=False,
            timeout=120,
        )
    assert path.read_text(encoding="utf-8") == FI_NUMBERED
    assert run.returncode == 2
    assert run.stderr.startswith(b"rekisteri: error: ")


@pytest.mark.parametrize(
    ("encoding", "extra"),
    [
        ("utf-8", []),
        ("utf-8-sig", []),
        ("utf-16", []),
        ("cp1252", []),
        ("latin-1", []),
        ("cp1252", ["--encoding", "cp1252"]),
        ("utf-16-be", ["--encoding", "utf-16-be"]),
    ],
)
def test_every_encoding_the_guide_names_is_read(
    tmp_path: Path, encoding: str, extra: list[str]
) -> None:
    path = tmp_path / "seloste.txt"
    path.write_bytes(BASE.encode(encoding))
    out = tmp_path / "d.toml"
    run = _invoke(["import", str(path), "-o", str(out), *extra])
    _no_traceback(run)
    assert run.exit_code == 1
    assert load_register(out).controller.name == "Ähtärin Kenkä Oy"


def test_meta_charset_is_obeyed(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "</head><body><h2>Rekisterinpitäjä</h2><p>Ähtärin Kenkä Oy</p></body></html>"
    )
    path = tmp_path / "seloste.html"
    path.write_bytes(page.encode("cp1252"))
    out = tmp_path / "d.toml"
    run = _invoke(["import", str(path), "-o", str(out)])
    _no_traceback(run)
    assert load_register(out).controller.name == "Ähtärin Kenkä Oy"


def _import_seconds(text: str) -> float:
    start = time.process_time()
    import_notice(text)
    return time.process_time() - start


def _baseline_text(size: int) -> str:
    """An ordinary notice of about ``size`` characters: the speed baseline of the same run."""
    chunk = FI_NUMBERED
    return (chunk * (size // len(chunk) + 1))[:size]


#: Timed checks compare CPU time with an ordinary notice in the same run; on a shared
#: machine they can fail by load alone, and the project measures speed with benchmarks
#: (benchmarks/bench_import_speed.py), not timed tests. Run them on purpose with
#: REKISTERI_TIMED_TESTS=1.
TIMED = pytest.mark.skipif(
    os.environ.get("REKISTERI_TIMED_TESTS") != "1",
    reason="timed check: set REKISTERI_TIMED_TESTS=1 on a quiet machine",
)


@TIMED
@pytest.mark.parametrize(
    ("label", "make"),
    [
        pytest.param(
            "spaces",
            lambda n: "Rekisterinpitäjä\n\nx" + " " * n + "y",
            id="spaces-under-controller",
        ),
        pytest.param(
            "dots",
            lambda n: "Rekisterin käyttötarkoitus\n\nTietoja käytetään " + "." * n + "y",
            id="dots-under-purposes",
        ),
        pytest.param("words", lambda n: "Rekisterinpitäjä\n\n" + "sana " * (n // 5), id="words"),
        pytest.param("nbsp", lambda n: "Rekisterinpitäjä\n\nx" + "\u00a0" * n + "y", id="nbsp"),
    ],
)
def test_time_is_linear_in_the_size(label: str, make: Callable[[int], str]) -> None:
    """Ratio against an ordinary notice of the same size, measured in the same run."""
    size = 12000
    hostile = make(size)
    baseline = min(_import_seconds(_baseline_text(len(hostile))) for _ in range(3))
    spent = _import_seconds(hostile)
    # Linear work costs about as much as an ordinary notice; allow 25 times that.
    assert spent <= 25 * max(baseline, 0.005), (label, spent, baseline)


BUDGET_BUG = (
    "bug: {what} costs about {factor} times an ordinary notice of the same size "
    "({rate} s/MB here, where ordinary notices take 2.2-2.9 s/MB): over the 3 s/MB budget"
)


@TIMED
@pytest.mark.parametrize(
    ("label", "make"),
    [
        pytest.param(
            "hyphen-wrap",
            lambda n: "Rekisterinpitäjä\n\n" + "sana-\n" * (n // 6),
            marks=pytest.mark.xfail(
                strict=True,
                reason=BUDGET_BUG.format(
                    what="a section of words broken with a hyphen at each line end",
                    factor=5,
                    rate="15-18",
                ),
            ),
            id="hyphen-wrap",
        ),
        pytest.param(
            "digits",
            lambda n: "1" * n,
            id="digits",
        ),
        pytest.param(
            "bullets",
            lambda n: (
                "Rekisterin tietosisältö\n\n" + "".join(f"- tieto {i}\n" for i in range(n // 12))
            ),
            marks=pytest.mark.xfail(
                strict=True,
                reason=BUDGET_BUG.format(
                    what="a data-content section of one bullet a line ('- tieto 17')",
                    factor="4.5",
                    rate="about 13",
                ),
            ),
            id="bullets",
        ),
        pytest.param(
            "address-lines",
            lambda n: (
                "Rekisterinpitäjä\n\n"
                + "".join(f"Katu {i}, 00100 Helsinki\n" for i in range(n // 25))
            ),
            marks=pytest.mark.xfail(
                strict=True,
                reason=BUDGET_BUG.format(
                    what="a controller section of address lines", factor="2.7", rate="about 8"
                ),
            ),
            id="address-lines",
        ),
        pytest.param("4-digit-words", lambda n: "1234 " * (n // 5), id="4-digit-words"),
        pytest.param("e-mails", lambda n: "a@example.com " * (n // 14), id="e-mails"),
    ],
)
def test_hostile_text_within_the_speed_budget(label: str, make: Callable[[int], str]) -> None:
    """Seconds per character against an ordinary notice measured in the same run."""
    hostile = make(60000)
    ordinary = _baseline_text(60000)
    per_char = min(_import_seconds(ordinary) for _ in range(3)) / len(ordinary)
    spent = _import_seconds(hostile) / len(hostile)
    assert spent <= 2 * per_char, (label, spent / per_char)


def test_noscript_text_is_not_lost_silently() -> None:
    page = (
        "<html><body><h2>Rekisterinpitäjä</h2><p>Esimerkki Oy</p>"
        "<noscript>Tietoja säilytetään kaksi vuotta.</noscript></body></html>"
    )
    result = import_notice(page, html=True)
    assert "säilytetään kaksi vuotta" in result.text


@pytest.mark.parametrize(
    "markup",
    [
        "<textarea>Tekstialueen sisältö</textarea>",
        "<select><option>Valinnan teksti</option></select>",
        "<pre>Esimuotoiltu   teksti\n  rivi</pre>",
        "<details><summary>Yhteenveto</summary>Lisätiedot tässä</details>",
        (
            "<table><tr><td><table><tr><td>Rekisterin nimi</td><td>Sisäkkäinen</td></tr>"
            "</table></td><td>Ulompi solu</td></tr></table>"
        ),
        "<p>3 < 5 ja vertailu</p>",
        "<p>&notanentity; &#xD800; &#0; &#x110000; entiteetit</p>",
        "<p>Ennen</p><!-- avoin kommentti <p>Kommentin sisällä</p>",
    ],
)
def test_odd_html_loses_no_text(markup: str) -> None:
    page = f"<html><body><h2>Rekisterinpitäjä</h2><p>Esimerkki Oy</p>{markup}</body></html>"
    result = import_notice(page, html=True)
    assert _lost_text(result) == []
    for passage in result.unmatched:
        assert result.text[passage.start : passage.end] == passage.text


# --------------------------------------------------------------------------
# 6. Identity codes never appear unmasked
# --------------------------------------------------------------------------


def _temporary_hetu(day: dt.date) -> str:
    """A temporary henkilötunnus whose check character is a letter (so case matters)."""
    for number in range(900, 1000):
        code = make_hetu(day, number)
        if code[-1].isalpha():
            return code
    raise AssertionError


HETU_20TH = _temporary_hetu(dt.date(1985, 3, 14))
HETU_21ST = _temporary_hetu(dt.date(2001, 7, 9))


def _spellings(code: str) -> dict[str, str]:
    head, sign, tail = code[:6], code[6], code[7:]
    wide = str.maketrans("0123456789-A", "０１２３４５６７８９－Ａ")
    return {
        "canonical": code,
        "lower": code.lower(),
        "spaces": f"{head} {sign} {tail}",
        "space-for-sign": f"{head} {tail}",
        "no-sign": head + tail,
        "slash": f"{head}/{tail}",
        "lower-slash": f"{head}/{tail}".lower(),
        "no-check": code[:10],
        "zwsp-inside": f"{head[:4]}\u200b{head[4:]}{sign}{tail}",
        "rlm-inside": f"{head[:3]}\u200f{head[3:]}{sign}{tail}",
        "shy-at-sign": f"{head}\u00ad{sign}{tail}",
        "wj-in-tail": f"{head}{sign}{tail[:1]}\u2060{tail[1:]}",
        "dotted-date": f"{head[:2]}.{head[2:4]}.{head[4:]}{sign}{tail}",
        "fullwidth": code.translate(wide),
        "line-break": f"{head}{sign}\n{tail}",
        "tab": f"{head}\t{tail}",
    }


SPELLINGS = [
    (f"{which}-{name}", spelled, code)
    for which, code in (("1900s", HETU_20TH), ("2000s", HETU_21ST))
    for name, spelled in _spellings(code).items()
]


def _planted(code: str) -> str:
    return (
        f"1. Rekisterinpitäjä\n\nEsimerkki Oy {code}\nY-tunnus {code}\nPuhelin {code}\n"
        f"Sähköposti: {code}@example.com\nYhteyshenkilö: Matti Meikäläinen {code}\n\n"
        f"3. Rekisterin nimi\n\nAsiakasrekisteri {code}\n\n"
        f"4. Rekisterin käyttötarkoitus\n\nTietoja käytetään {code}:n laskutukseen.\n\n"
        f"5. Evästeet\n\n_ga – {code} (2 vuotta)\n\nMuuta\n\n{code}\n"
    )


def _leaks(code: str, *outputs: str) -> list[str]:
    """Outputs that hold the code's birth year and individual number unmasked."""
    secret = code[7:].upper()
    found = []
    for output in outputs:
        text = output
        with contextlib.suppress(ValueError):
            text = json.dumps(json.loads(output), ensure_ascii=False)
        text = text.replace("\\n", "").replace("\\t", "").replace("\\u200b", "")
        text = text.translate(str.maketrans("０１２３４５６７８９Ａ", "0123456789A"))
        flat = re.sub(r"[\s\u200b\u200f\u00ad\u2060\\]", "", text).upper()
        near = rf"{code[4:6]}\W?{re.escape(code[6])}?\W?{code[7:10]}"
        if code[:6] + secret in flat or code[:7] + secret in flat or re.search(near, flat):
            found.append(output[:200])
    return found


@pytest.mark.parametrize(("label", "spelled", "code"), SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_identity_codes_never_reach_the_outputs(
    tmp_path: Path, label: str, spelled: str, code: str
) -> None:
    path = tmp_path / "seloste.txt"
    path.write_text(_planted(spelled), encoding="utf-8")
    outputs: list[str] = []
    for fmt in ("text", "json"):
        plain = _invoke(["import", str(path), "-f", fmt])
        _no_traceback(plain)
        outputs += [plain.stdout, plain.stderr]
        draft, report = tmp_path / f"d-{fmt}.toml", tmp_path / f"r-{fmt}"
        written = _invoke(
            ["import", str(path), "-f", fmt, "-o", str(draft), "--report", str(report)]
        )
        _no_traceback(written)
        outputs += [written.stdout, written.stderr, draft.read_text(), report.read_text()]
    result = import_notice(_planted(spelled))
    outputs += [
        to_toml(result.draft, notes=result.notes),
        repr(result.draft),
        repr(result.notes),
        " ".join(f"{f.code} {f.path} {f.message}" for f in result.findings),
        result.summary_line("seloste.txt"),
    ]
    assert "I014" in {finding.code for finding in result.findings}, label
    assert _leaks(code, *outputs) == [], label


def test_identity_code_split_by_html_markup_or_entities(tmp_path: Path) -> None:
    code = HETU_20TH
    page = (
        f"<h2>Rekisterinpitäjä</h2><p>Esimerkki Oy {code[:7]}<b>{code[7:]}</b></p>"
        f"<p>{code[:4]}&shy;{code[4:6]}&#45;{code[7:]}</p>"
        f"<p>{code[:6]}&ndash;{code[7:]}</p><p title='{code}'>x</p>"
    )
    path = tmp_path / "seloste.html"
    path.write_text(page, encoding="utf-8")
    outputs: list[str] = []
    for fmt in ("text", "json"):
        run = _invoke(["import", str(path), "-f", fmt])
        _no_traceback(run)
        outputs += [run.stdout, run.stderr]
    assert _leaks(code, *outputs) == []


def test_identity_code_in_the_file_name(tmp_path: Path) -> None:
    code = HETU_21ST
    path = tmp_path / f"seloste-{code}.txt"
    path.write_text(FI_NUMBERED, encoding="utf-8")
    outputs: list[str] = []
    for fmt in ("text", "json"):
        run = _invoke(["import", str(path), "-f", fmt, "-o", str(tmp_path / f"{code}.toml")])
        _no_traceback(run)
        outputs += [run.stdout, run.stderr, (tmp_path / f"{code}.toml").read_text()]
        (tmp_path / f"{code}.toml").unlink()
    assert _leaks(code, *outputs) == []


def test_result_repr_masks_an_identity_code_in_the_source_name() -> None:
    code = HETU_20TH
    result = import_notice("Rekisterinpitäjä\n\nEsimerkki Oy\n", source_name=f"s-{code}.txt")
    assert _leaks(code, result.summary_line(f"s-{code}.txt")) == []
    assert _leaks(code, repr(result)) == []


def test_to_toml_header_masks_an_identity_code() -> None:
    code = HETU_21ST
    result = import_notice("Rekisterinpitäjä\n\nEsimerkki Oy\n")
    text = to_toml(result.draft, notes=result.notes, header=[f"Imported from s-{code}.txt"])
    assert _leaks(code, text) == []


def test_identity_code_in_a_cp1252_file(tmp_path: Path) -> None:
    code = HETU_20TH
    path = tmp_path / "seloste.txt"
    path.write_bytes(_planted(code.lower()).encode("cp1252"))
    run = _invoke(["import", str(path), "-f", "json"])
    _no_traceback(run)
    assert _leaks(code, run.stdout, run.stderr) == []


# --------------------------------------------------------------------------
# 7. check-ids: what stdout holds when the check stops with exit 2
# --------------------------------------------------------------------------

N_ROWS = 12000
READERS = ("auto", "numpy", "arrow", "python")
FORMATS = ("json", "csv", "text")


def _rows() -> tuple[list[str], set[int]]:
    """Temporary codes (valid with --allow-temporary); every 997th one broken."""
    start = dt.date(1960, 1, 1)
    codes = [make_hetu(start + dt.timedelta(days=i % 20000), 900 + i % 100) for i in range(N_ROWS)]
    broken: set[int] = set()
    for i in range(5, N_ROWS, 997):
        last = codes[i][-1]
        codes[i] = codes[i][:-1] + ("X" if last != "X" else "Y")
        broken.add(i + 2)  # the header is row 1
    return codes, broken


@pytest.fixture(scope="module")
def failing_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    pyarrow = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    base = tmp_path_factory.mktemp("check_ids")
    codes, _ = _rows()
    body = "id,hetu\n" + "".join(f"{i},{code}\n" for i, code in enumerate(codes))
    files = {
        "undecodable": body.encode() + b"99,\xff\xfe\x80\n" + f"100,{codes[1]}\n".encode(),
        "ragged": body.encode() + f"99,{codes[2]},extra\n".encode(),
        "utf16": body.encode("utf-16"),
        "missing-column": body.replace("id,hetu", "id,henkilotunnus", 1).encode(),
        "long-line": body.encode() + b"99," + b"a" * 4_300_000 + b"\n",
    }
    paths = {}
    for name, data in files.items():
        paths[name] = base / f"{name}.csv"
        paths[name].write_bytes(data)
    table = pyarrow.table({"id": list(range(len(codes))), "hetu": codes})
    whole = base / "whole.parquet"
    parquet.write_table(table, whole, row_group_size=2000, compression="none")
    data = whole.read_bytes()
    paths["truncated-parquet"] = base / "truncated.parquet"
    paths["truncated-parquet"].write_bytes(data[: len(data) // 2])
    # damage the last row group's hetu column only: the first rows stay readable
    meta = parquet.ParquetFile(whole).metadata
    chunk = meta.row_group(meta.num_row_groups - 1).column(1)
    damaged = bytearray(data)
    offset = chunk.data_page_offset
    damaged[offset + 30 : offset + 2000] = b"\xff" * 1970
    paths["damaged-parquet"] = base / "damaged.parquet"
    paths["damaged-parquet"].write_bytes(bytes(damaged))
    return paths


CAUSES = {
    "undecodable": r"row 12002 has bytes that are not valid utf-8|not valid UTF-8",
    "ragged": r"row 12002 has 3 fields but the header has 2",
    "utf16": r"looks like UTF-16 text",
    "missing-column": r"column 'hetu' not found",
    "truncated-parquet": r"a Parquet file cut short or damaged",
    "damaged-parquet": r"a corrupt Parquet file|needs the Arrow reader",
    "long-line": r"row 12002: a line over 4,194,304 characters|64 KiB without a delimiter",
}

# (case, reader) pairs where the text report is expected to list rows before the error
# The CLI guide: --reader numpy/arrow refuse a CSV file that is not UTF-8 without quotes,
# with a delimiter or line end in every 64 KiB, before its first row (text report empty);
# auto gives such a file to python, which lists the rows before the error.
TEXT_LISTS_ROWS = {("ragged", r) for r in READERS}
TEXT_LISTS_ROWS |= {(case, r) for case in ("undecodable", "long-line") for r in ("auto", "python")}
TEXT_LISTS_ROWS |= {("damaged-parquet", r) for r in ("auto", "arrow", "numpy")}

# Fixed in df154c6 (Parquet read row group by row group); none left.
TEXT_BUGS: set[tuple[str, str]] = set()


def _check_ids_params() -> list[object]:
    params: list[object] = []
    for case in CAUSES:
        for reader in READERS:
            for fmt in FORMATS:
                marks = []
                if fmt == "text" and (case, reader) in TEXT_BUGS:
                    why = (
                        "bug: a Parquet file whose last row group is damaged: the text report "
                        "lists none of the invalid rows of the readable row groups, and the "
                        "message says 'the data after row 0 cannot be read'"
                    )
                    marks.append(pytest.mark.xfail(strict=True, reason=why))
                params.append(
                    pytest.param(case, reader, fmt, id=f"{case}-{reader}-{fmt}", marks=marks)
                )
    return params


@pytest.mark.parametrize(("case", "reader", "fmt"), _check_ids_params())
def test_check_ids_stops_with_exit_2_and_the_promised_stdout(
    failing_files: dict[str, Path], case: str, reader: str, fmt: str
) -> None:
    codes, broken = _rows()
    run = _invoke(
        [
            "check-ids",
            str(failing_files[case]),
            "-c",
            "hetu",
            "-k",
            "hetu",
            "--allow-temporary",
            "--no-progress",
            "--reader",
            reader,
            "-f",
            fmt,
        ]
    )
    _no_traceback(run)
    assert run.exit_code == 2
    assert run.stderr.startswith("rekisteri: error: ")
    assert run.stderr.count("\n") == 1
    assert re.search(CAUSES[case], run.stderr), run.stderr
    assert _leaks(codes[1], run.stdout, run.stderr) == []
    assert _leaks(codes[2], run.stdout, run.stderr) == []
    if fmt in ("json", "csv"):
        assert run.stdout == ""
        return
    lines = run.stdout.splitlines()
    assert not any("rows checked" in line for line in lines)
    assert all(line.startswith("row ") for line in lines)
    listed = {int(m.group(1)) for m in re.finditer(r"^row (\d+):", run.stdout, re.MULTILINE)}
    if case == "damaged-parquet":
        assert "after row 0 " not in run.stderr
        broken = {row - 1 for row in broken}  # Parquet: the first record is row 1
    assert listed <= broken
    if case == "damaged-parquet" and (case, reader) in TEXT_LISTS_ROWS:
        # every invalid row of the five readable row groups (2,000 rows each), none after
        assert listed == {row for row in broken if row <= 5 * 2000}, sorted(listed)
    elif (case, reader) in TEXT_LISTS_ROWS:
        # all but those decoded with the bad bytes
        assert len(listed) >= len(broken) - 1, (len(listed), len(broken))
    else:
        assert lines == []


@pytest.fixture(scope="module")
def big_failing_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40,000 invalid rows (a JSON report well over 1 MiB), then a ragged row."""
    start = dt.date(1960, 1, 1)
    rows = []
    for i in range(40000):
        code = make_hetu(start + dt.timedelta(days=i % 20000), 900 + i % 100)
        rows.append(f"{i},{code[:-1]}{'X' if code[-1] != 'X' else 'Y'}\n")
    path = tmp_path_factory.mktemp("big") / "export.csv"
    path.write_bytes(("id,hetu\n" + "".join(rows) + "1,2,3\n").encode())
    return path


@pytest.mark.parametrize(
    ("fmt", "reader", "from_stdin"),
    [
        ("json", "python", False),
        ("csv", "auto", False),
        ("json", "auto", True),
        ("text", "auto", True),
    ],
)
def test_check_ids_big_report_then_error(
    big_failing_csv: Path, tmp_path: Path, fmt: str, reader: str, *, from_stdin: bool
) -> None:
    """A report past 1 MiB waits in a temporary file: none of it reaches stdout on exit 2.

    The temporary file is removed.
    """
    spool = tmp_path / "tmp"
    spool.mkdir()
    env = {**os.environ, "TMPDIR": str(spool)}
    args = ["check-ids", "-" if from_stdin else str(big_failing_csv), "-c", "hetu", "-k", "hetu"]
    args += ["--allow-temporary", "-f", fmt, "--reader", reader]
    with big_failing_csv.open("rb") as stdin:
        run = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "rekisteri", *args],
            stdin=stdin if from_stdin else subprocess.DEVNULL,
            capture_output=True,
            check=False,
            timeout=300,
            env=env,
        )
    assert run.returncode == 2
    assert run.stderr == b"rekisteri: error: row 40002 has 3 fields but the header has 2\n"
    assert list(spool.iterdir()) == []
    if fmt == "text":
        lines = run.stdout.decode().splitlines()
        assert len(lines) == 40000
        assert lines[-1].startswith("row 40001: ")
    else:
        assert run.stdout == b""


@pytest.mark.parametrize(
    "spelling", ["canonical", "lower", "slash", "space-for-sign", "no-sign", "zwsp-inside"]
)
def test_check_ids_header_of_identifiers_is_not_printed(tmp_path: Path, spelling: str) -> None:
    code = HETU_21ST
    spelled = _spellings(code)[spelling]
    path = tmp_path / "export.csv"
    path.write_text(f"1,{spelled}\n2,{HETU_20TH}\n", encoding="utf-8")
    for fmt in FORMATS:
        run = _invoke(["check-ids", str(path), "-c", "hetu", "-k", "hetu", "-f", fmt])
        _no_traceback(run)
        assert run.exit_code == 2
        assert "holds identifiers" in run.stderr
        assert _leaks(code, run.stdout, run.stderr) == []
        assert _leaks(HETU_20TH, run.stdout, run.stderr) == []


@pytest.mark.parametrize("reader", ["auto", "python"])
def test_check_ids_undecodable_hint_suggests_another_encoding(tmp_path: Path, reader: str) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(f"id,hetu\n1,{HETU_21ST}\n2,{HETU_20TH}".encode() + b"\x81\n")
    args = ["check-ids", str(path), "-c", "hetu", "-k", "hetu", "--allow-temporary"]
    run = _invoke([*args, "--encoding", "cp1252", "--reader", reader])
    _no_traceback(run)
    assert run.exit_code == 2
    assert "row 3 has bytes that are not valid cp1252" in run.stderr
    assert _leaks(HETU_20TH, run.stdout, run.stderr) == []
    assert "try --encoding cp1252" not in run.stderr


@pytest.mark.parametrize(
    "char",
    [
        pytest.param("\x1b", id="esc"),
        pytest.param("\x07", id="bel"),
        pytest.param("\u202e", id="rlo"),
        pytest.param("\u200b", id="zwsp"),
    ],
)
def test_file_name_controls_are_escaped_in_the_draft_on_stdout(tmp_path: Path, char: str) -> None:
    path = tmp_path / f"a{char}b.txt"
    path.write_text("Rekisterinpitäjä\n\nEsimerkki Oy\n", encoding="utf-8")
    run = _invoke(["import", str(path)])
    _no_traceback(run)
    assert "b.txt" in run.stdout
    assert char not in run.stdout
    assert char not in run.stderr


def _limit_memory() -> None:  # pragma: no cover - runs in the child process
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2_000_000_000, 2_000_000_000))


@pytest.mark.skipif(
    sys.platform != "linux" or not Path("/dev/zero").exists(), reason="needs Linux /dev/zero"
)
@pytest.mark.parametrize("from_stdin", [False, True], ids=["path", "stdin"])
def test_an_endless_binary_stream_is_refused_in_bounded_memory(*, from_stdin: bool) -> None:
    with Path("/dev/zero").open("rb") as zeros:
        run = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "rekisteri", "import", "-" if from_stdin else "/dev/zero"],
            stdin=zeros if from_stdin else subprocess.DEVNULL,
            capture_output=True,
            check=False,
            timeout=120,
            preexec_fn=_limit_memory,
        )
    assert b"Traceback" not in run.stderr
    assert run.returncode == 2
    assert run.stderr.startswith(b"rekisteri: error: ")


@pytest.mark.skipif(
    sys.platform != "linux" or not Path("/dev/zero").exists(), reason="needs Linux /dev/zero"
)
@pytest.mark.parametrize(
    ("source", "reader", "from_stdin"),
    [("/dev/zero", "auto", False), ("/dev/zero", "python", True), ("/dev/urandom", "auto", True)],
)
def test_check_ids_refuses_an_endless_stream_in_bounded_memory(
    source: str, reader: str, *, from_stdin: bool
) -> None:
    args = ["check-ids", "-" if from_stdin else source, "-c", "hetu", "-k", "hetu"]
    with Path(source).open("rb") as stream:
        run = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "rekisteri", *args, "--reader", reader, "-f", "json"],
            stdin=stream if from_stdin else subprocess.DEVNULL,
            capture_output=True,
            check=False,
            timeout=120,
            preexec_fn=_limit_memory,
        )
    assert run.returncode == 2
    assert run.stdout == b""
    assert run.stderr.startswith(b"rekisteri: error: ")
    assert run.stderr.count(b"\n") == 1


TOML_HOSTILE = ['"', "\\", '"""', "'''", "\x7f", "\x00", "\U0001f600", "#", "[[purposes]]"]
TOML_HOSTILE += ["\\u0000", "\r", "\x1f", "\ufffe", "\uffff", "\U0010ffff", "key = 1", "\t", "\x85"]


def test_drafts_with_toml_syntax_in_the_text_load_and_lose_nothing(tmp_path: Path) -> None:
    """Characters that TOML quotes or escapes, put at random places (seeded) in the notices."""
    rng = random.Random(20261206)  # noqa: S311 - a seeded fuzz, not a secret
    bases = [FI_NUMBERED, FI_UNNUMBERED, SV, PROSE, BILINGUAL_SLASH]
    path = tmp_path / "draft.toml"
    for _ in range(150):
        chars = list(rng.choice(bases))
        for _ in range(rng.randint(1, 12)):
            chars.insert(rng.randrange(len(chars)), rng.choice(TOML_HOSTILE))
        text = "".join(chars)
        result = import_notice(text)
        path.write_text(to_toml(result.draft, notes=result.notes), encoding="utf-8")
        assert load_register(path) == result.draft, text
        assert _lost_text(result) == [], text


def test_a_lone_surrogate_is_a_typed_error() -> None:
    with pytest.raises(RekisteriError) as caught:
        import_notice("Rekisterinpitäjä\n\nEsi\ud800merkki Oy\n")
    assert isinstance(caught.value, ValueError)


def test_identity_code_in_paths_of_refused_runs(tmp_path: Path) -> None:
    code = HETU_20TH
    notice = tmp_path / "seloste.txt"
    notice.write_text(FI_NUMBERED, encoding="utf-8")
    existing = tmp_path / f"exists-{code}.toml"
    existing.write_text("", encoding="utf-8")
    folder = tmp_path / f"dir-{code}"
    folder.mkdir()
    runs = [
        ["import", str(notice), "-o", str(existing)],
        ["import", str(tmp_path / f"missing-{code}.txt")],
        ["import", str(notice), "-o", str(folder / "x" / "y.toml")],
        ["import", str(notice), "--report", str(folder)],
        ["import", str(notice), "--encoding", code],
        ["check-ids", str(notice), "-c", code, "-k", "hetu"],
    ]
    for args in runs:
        run = _invoke(args)
        _no_traceback(run)
        assert run.exit_code == 2, args
        assert run.stderr.startswith("rekisteri: error: ")
        assert _leaks(code, run.stdout, run.stderr) == [], args


@pytest.mark.parametrize("count", [1, 3])
def test_i014_counts_the_masked_codes(count: int) -> None:
    codes = [HETU_20TH, HETU_21ST, HETU_20TH.lower()][:count]
    text = "Rekisterinpitäjä\n\nEsimerkki Oy\n\nMuuta\n\n" + " ja ".join(codes) + "\n"
    result = import_notice(text, locale="en")
    messages = [finding.message for finding in result.findings if finding.code == "I014"]
    assert len(messages) == 1
    assert f"contained {count} identity code" in messages[0]


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param("Tyyppi", id="known-extra"),
        pytest.param("Huom", id="unknown-extra"),
    ],
)
def test_cookie_table_with_an_extra_column(extra: str) -> None:
    page = (
        "<h2>Evästeet</h2><table><tr><th>Eväste</th><th>Tarkoitus</th><th>Kesto</th>"
        f"<th>{extra}</th></tr><tr><td>_ga</td><td>tilastot</td><td>2 vuotta</td>"
        "<td>analytiikka</td></tr></table>"
    )
    result = import_notice(page, html=True)
    assert [(c.name, c.duration) for c in result.draft.cookies] == [("_ga", "2 vuotta")]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
@pytest.mark.parametrize("reader", READERS)
def test_check_ids_names_a_wide_encoding(tmp_path: Path, encoding: str, reader: str) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(f"id,hetu\n1,{HETU_21ST}\n".encode(encoding))
    run = _invoke(["check-ids", str(path), "-c", "hetu", "-k", "hetu", "--reader", reader])
    _no_traceback(run)
    assert run.exit_code == 2
    assert run.stdout == ""
    family = encoding[:6].upper()  # UTF-16 or UTF-32
    assert f"looks like {family}" in run.stderr
    assert _leaks(HETU_21ST, run.stdout, run.stderr) == []


def test_a_notice_over_32_mib_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Rekisterinpit\xc3\xa4j\xc3\xa4\n\n" + b"a" * (32 * 1024 * 1024))
    run = _invoke(["import", str(path), "-o", str(tmp_path / "d.toml")])
    _no_traceback(run)
    assert run.exit_code == 2
    assert run.stderr.startswith("rekisteri: error: ")
    assert run.stderr.count("\n") == 1
    assert not (tmp_path / "d.toml").exists()
