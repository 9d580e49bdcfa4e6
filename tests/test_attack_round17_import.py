"""Outside attack on the importer's promises, round 17 (helper A16, session 18).

The findings W1, W2, ... of /work/coord/A16-findings.md, each a strict xfail whose reason says
"bug Wn: ...", and passing tests for the promises that held. Written from the public documents
(docs/guides/migrating.md, docs/guides/testing.md, the API reference), the public API
(``rekisteri.importer``) and the command line only, never from the importer's source, its
tests or the legacy fixtures. Every notice, firm and person is invented; identity codes are
made at run time with :mod:`rekisteri.testing` (temporary individual numbers 900-999, or
the model form's example numbers), never written out.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date
from typing import TYPE_CHECKING

import pytest

from rekisteri.errors import RekisteriError
from rekisteri.importer import ImportResult, import_bytes, import_notice, to_toml
from rekisteri.model import NoneStated
from rekisteri.testing import make_hetu
from tests.identity_leaks import shows, spell

if TYPE_CHECKING:
    from pathlib import Path

#: Made at run time, never written out: a 2023-reform sign, an old one, a 2000s one.
CODE_Y = make_hetu(date(1994, 5, 1), 903, sign="Y")
CODE_DASH = make_hetu(date(1952, 10, 13), 308)
CODE_B = make_hetu(date(2016, 5, 1), 902, sign="B")
#: A code whose check character is a letter, written without its century sign.
CODE_LETTER = make_hetu(date(1985, 1, 22), 974, sign="U")

#: Invisible characters the guide says count as blank.
INVISIBLE = set("\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e")


def _outputs(result: ImportResult) -> dict[str, str]:
    """Everything the API shows a reader: TOML, summary, repr, findings, notes, passages."""
    return {
        "toml": to_toml(result.draft, notes=result.notes),
        "summary": result.summary_line("seloste.txt"),
        "repr": repr(result),
        "findings": "\n".join(f"{f.path} {f.message}" for f in result.findings),
        "notes": json.dumps(dict(result.notes), ensure_ascii=False),
        "unmatched": "\n".join(passage.text for passage in result.unmatched),
    }


def _leaks(code: str, result: ImportResult) -> list[str]:
    return [name for name, text in _outputs(result).items() if shows(text, code)]


def _uncovered(result: ImportResult) -> list[str]:
    """Non-blank characters of ``result.text`` neither mapped nor listed as not mapped."""
    covered = bytearray(len(result.text))
    spans = [(span.start, span.end) for span in result.mapped]
    spans += [(passage.start, passage.end) for passage in result.unmatched]
    for start, end in spans:
        covered[start:end] = b"\x01" * (end - start)
    return [
        char
        for index, char in enumerate(result.text)
        if not covered[index] and not char.isspace() and char not in INVISIBLE
    ]


def _cli(tmp_path: Path, name: str, data: bytes, *args: str) -> subprocess.CompletedProcess[str]:
    notice = tmp_path / name
    notice.write_bytes(data)
    return subprocess.run(  # noqa: S603 - the command under test
        [sys.executable, "-m", "rekisteri", "import", str(notice), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=tmp_path,
        timeout=300,
        check=False,
    )


# --- W1: a code without its sign, ending in a letter, at a line's end above a postal code ------


def test_a_signless_code_before_a_postal_code_line_is_masked_and_the_address_kept() -> None:
    written = spell(CODE_LETTER, "{d}{n}{q}")
    result = import_notice(
        f"Rekisterinpitäjä\n\nVarastoesimerkki Oy\nVarastotie 7 {written}\n33800 Tampere\n"
    )
    assert _leaks(CODE_LETTER, result) == []
    address = result.draft.controller.address
    assert address is not None
    assert (address.postal_code, address.town) == ("33800", "Tampere")


def test_the_same_code_with_its_sign_is_masked_and_the_address_kept() -> None:
    """With the century sign the code is masked and the postal code read (W1's control)."""
    result = import_notice(
        f"Rekisterinpitäjä\n\nVarastoesimerkki Oy\nVarastotie 7 {CODE_LETTER}\n33800 Tampere\n"
    )
    assert _leaks(CODE_LETTER, result) == []
    address = result.draft.controller.address
    assert address is not None
    assert address.postal_code == "33800"


# --- W2: a code's two halves in neighbouring table cells ----------------------------------------


def test_a_code_split_over_two_html_cells_is_masked() -> None:
    html = spell(
        CODE_DASH,
        "<h2>Rekisterin tietosisältö</h2><table><tr><th>Tieto</th><th>Esimerkki</th></tr>"
        "<tr><td>henkilötunnus</td><td>{d}</td><td>{s}{n}{q}</td></tr></table>",
    )
    assert _leaks(CODE_DASH, import_notice(html, html=True)) == []


def test_a_code_split_over_two_markdown_cells_is_masked() -> None:
    text = spell(
        CODE_DASH,
        "Rekisterin tietosisältö\n\n| Tieto | Syntymäaika | Loppuosa |\n|---|---|---|\n"
        "| henkilötunnus | {d} | {s}{n}{q} |\n",
    )
    draft_text = to_toml(import_notice(text).draft)
    assert CODE_DASH[:6] not in draft_text or CODE_DASH[7:] not in draft_text


def test_a_code_split_over_two_tab_separated_cells_is_masked() -> None:
    """The same row copied as text with tabs is masked (W2's control)."""
    text = spell(
        CODE_DASH,
        "Rekisterin tietosisältö\n\nTieto\tSyntymäaika\tLoppuosa\nhenkilötunnus\t{d}\t{s}{n}{q}\n",
    )
    assert _leaks(CODE_DASH, import_notice(text)) == []


# --- W3: a code wrapped with a hyphen in an HTML page's source ----------------------------------


@pytest.mark.parametrize("code", [CODE_Y, CODE_DASH, CODE_B], ids=["Y", "dash", "B"])
@pytest.mark.parametrize(
    "page",
    [
        "<h2>Rekisterin nimi</h2><p>Asiakasrekisteri {d3}-\n{d3b}{s}{n}{q}</p>",
        "<h2>Rekisterin käyttötarkoitus</h2><p>Laskutus {d}{s}{n2}-\n{n1}{q}</p>",
    ],
    ids=["name", "purpose"],
)
def test_a_code_hyphen_wrapped_in_html_source_is_masked(code: str, page: str) -> None:
    assert _leaks(code, import_notice(spell(code, page), html=True)) == []


@pytest.mark.parametrize("code", [CODE_Y, CODE_DASH, CODE_B], ids=["Y", "dash", "B"])
def test_a_code_hyphen_wrapped_in_plain_text_is_masked(code: str) -> None:
    """The same wrap in a text file is joined and masked (W3's control)."""
    text = spell(code, "Rekisterin nimi\n\nAsiakasrekisteri {d3}-\n{d3b}{s}{n}{q}\n")
    assert _leaks(code, import_notice(text)) == []


# --- W4: a code glued to a cookie's name, its sign replaced -------------------------------------


@pytest.mark.xfail(
    strict=True,
    reason="bug W4 (low): a code glued after a cookie name's prefix with '.' or '_' for its sign "
    "becomes the cookie's name unmasked (and R208 quotes it)",
)
@pytest.mark.parametrize("shape", ["_ga{d}.{n}{q}", "_ga{d}_{n}{q}"], ids=["dot", "underscore"])
def test_a_code_glued_to_a_cookie_name_is_masked(shape: str) -> None:
    text = "Evästeet\n\n" + spell(CODE_Y, shape) + " – kävijämäärien tilastointi (2 vuotta)\n"
    assert _leaks(CODE_Y, import_notice(text)) == []


@pytest.mark.parametrize(
    "shape",
    [
        "{d}\u2010{n}{q}",
        "{d}\u2212{n}{q}",
        "{d3}\u200b{d3b}{s}{n}{q}",
        "{d}\u00a0{s}\u00a0{n}{q}",
        "{d}.{n}{q}",
        "{d}/{n}{q}",
        "{d}{s}\n{n}{q}",
        "{d}{s}{n}{q}@example.fi",
        "{d}{s}{n}{q} (at) example.fi",
        "https://example.fi/asiakas?id={d}{s}{n}{q}",
    ],
)
@pytest.mark.parametrize(
    "notice",
    [
        "Rekisterinpitäjä\n\nEsimerkki Oy\nKatu 1, 00100 Helsinki\nSähköposti: {x}\n",
        "Rekisterin nimi\n\nAsiakasrekisteri {x}\n",
        "Rekisterin tietosisältö\n\n- nimi\n- esimerkki: {x}\n",
        "Rekisterinpitäjä\n\nEsimerkki Oy\nVerkkosivut: {x}\n",
    ],
    ids=["email", "name", "data", "web"],
)
def test_unusual_spellings_of_a_code_are_masked_in_every_output(shape: str, notice: str) -> None:
    """Unicode dashes, a zero-width space, a dot or slash for the sign, an e-mail, a URL."""
    for code in (CODE_Y, CODE_DASH):
        result = import_notice(notice.format(x=spell(code, shape)))
        assert _leaks(code, result) == [], shape


@pytest.mark.parametrize(
    "page",
    [
        "<h2>Rekisterinpitäjä</h2><p>Esimerkki Oy, asiakas {d}<b>{s}{n}{q}</b></p>",
        "<h2>Rekisterinpitäjä</h2><p>Esimerkki Oy, tunnus {d}<wbr>{s}{n}{q}</p>",
        "<h2>Rekisterinpitäjä</h2><p>Esimerkki Oy, tunnus {d}<!-- x -->{s}{n}{q}</p>",
        (
            "<dl><dt>Rekisterinpitäjä</dt><dd>Esimerkki Oy</dd><dt>Tunnus</dt>"
            "<dd>{d}{s}{n}{q}</dd></dl>"
        ),
        "<h2>Rekisterinpitäjä</h2><pre>Esimerkki Oy\n{d}\n{s}{n}{q}</pre>",
        (
            "<table><caption>Rekisterin tietosisältö {d}{s}{n}{q}</caption>"
            "<tr><td>nimi</td></tr></table>"
        ),
    ],
    ids=["bold", "wbr", "comment", "dl", "pre", "caption"],
)
def test_a_code_split_by_markup_is_masked(page: str) -> None:
    for code in (CODE_Y, CODE_DASH):
        assert _leaks(code, import_notice(spell(code, page), html=True)) == []


def test_a_code_in_the_file_name_is_masked_on_the_command_line(tmp_path: Path) -> None:
    """The summary line and the error message show a file's name with its code masked."""
    done = _cli(
        tmp_path,
        f"asiakas_{CODE_Y}.txt",
        "Rekisterinpitäjä\n\nEsimerkki Oy\n".encode(),
        "-o",
        "draft.toml",
    )
    assert done.returncode == 1
    assert "asiakas_" in done.stderr
    assert not shows(done.stderr + done.stdout, CODE_Y)
    missing = subprocess.run(  # noqa: S603 - the command under test
        [sys.executable, "-m", "rekisteri", "import", str(tmp_path / f"puuttuu_{CODE_DASH}.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2
    assert not shows(missing.stderr + missing.stdout, CODE_DASH)


# --- W5: a fill-in form saved as HTML loses its text boxes' values silently ---------------------

FORM = """<html><body><h1>Tietosuojaseloste</h1><form>
<h2>1. Rekisterinpitäjä</h2>
<p><label>Nimi <input type="text" name="nimi" value="Kylän Kukkakauppa Oy"></label></p>
<p><label>Osoite <input type="text" value="Kauppatie 3, 40100 Jyväskylä"></label></p>
<p><label>Sähköposti <input type="email" value="kukka@kyla.example"></label></p>
<h2>2. Rekisterin nimi</h2>
<p><input type="text" value="Kanta-asiakasrekisteri" size="60"></p>
<h2>3. Rekisterin käyttötarkoitus</h2>
<p><textarea>Kanta-asiakasetujen hallinta ja laskutus.</textarea></p>
</form></body></html>"""


def test_a_filled_in_html_forms_text_boxes_are_not_lost_silently() -> None:
    result = import_notice(FORM, html=True)
    seen = (result.text + to_toml(result.draft, notes=result.notes) + str(result.unmatched)).lower()
    for value in ("kylän kukkakauppa", "kauppatie 3", "kukka@kyla.example", "kanta-asiakasrek"):
        assert value in seen, value
    assert result.draft.controller.name == "Kylän Kukkakauppa Oy"


def test_a_filled_in_html_forms_text_area_is_read() -> None:
    """A <textarea> inside the form is text (W5's control)."""
    result = import_notice(FORM, html=True)
    assert [purpose.name.fi for purpose in result.draft.purposes] == [
        "Kanta-asiakasetujen hallinta",
        "Laskutus",
    ]


CHECKS = (
    "<h2>4. Rekisterin tietosisältö</h2><ul><li><input type=checkbox checked> nimi</li>"
    "<li><input type=checkbox> henkilötunnus</li></ul>"
)


def test_html_check_boxes_follow_their_checked_state() -> None:
    """A box not ticked is a choice not made: no entry, listed as not mapped (W15's control)."""
    result = import_notice(CHECKS, html=True)
    assert [category.name.fi for category in result.draft.data_categories] == ["Nimi"]
    assert any("henkilötunnus" in passage.text for passage in result.unmatched)


def test_html_check_boxes_inside_a_form_follow_their_checked_state() -> None:
    result = import_notice("<form>" + CHECKS + "</form>", html=True)
    assert [category.name.fi for category in result.draft.data_categories] == ["Nimi"]
    assert not any(category.personal_identity_code for category in result.draft.data_categories)


# --- W6: a drop-down's choices not made are read as the notice's words --------------------------


def test_a_select_reads_only_its_chosen_option() -> None:
    result = import_notice(
        "<h2>Tietojen luovutukset</h2><p>Luovutetaanko tietoja? <select>"
        "<option>Kyllä, Verohallinnolle</option><option selected>Ei luovuteta</option>"
        "</select></p>",
        html=True,
    )
    assert result.draft.recipients == ()
    assert NoneStated.RECIPIENTS in result.draft.none_stated


# --- W7: a denial by a determiner ('Ingen', 'No', 'Inget') makes an entry -----------------------


@pytest.mark.xfail(
    strict=True,
    reason="bug W7: a denial by a determiner ('Ingen överföring sker.', 'No transfers take "
    "place.') under the transfers heading makes a transfer, not none_stated",
)
@pytest.mark.parametrize(
    "notice",
    [
        "Överföring av uppgifter utanför EU eller EES\n\nIngen överföring sker.\n",
        "Transfer of data outside the EU or EEA\n\nNo transfers take place.\n",
    ],
    ids=["sv", "en"],
)
def test_a_denial_by_a_determiner_states_no_transfers(notice: str) -> None:
    draft = import_notice(notice).draft
    assert draft.transfers == ()
    assert NoneStated.TRANSFERS in draft.none_stated


@pytest.mark.xfail(
    strict=True,
    reason="bug W7: 'Inget utlämnande sker.' and 'There are no recipients.' under the "
    "recipients heading make a recipient, not none_stated",
)
@pytest.mark.parametrize(
    "notice",
    [
        "Regelbundet utlämnande av uppgifter\n\nInget utlämnande sker.\n",
        "Recipients\n\nThere are no recipients.\n",
    ],
    ids=["sv", "en"],
)
def test_a_denial_by_a_determiner_states_no_recipients(notice: str) -> None:
    draft = import_notice(notice).draft
    assert draft.recipients == ()
    assert NoneStated.RECIPIENTS in draft.none_stated


@pytest.mark.parametrize(
    ("notice", "what"),
    [
        ("Disclosure of data\n\nWe never disclose personal data to anyone.\n", "recipients"),
        ("Recipients\n\nNo data are disclosed.\n", "recipients"),
        (
            (
                "Regelbundet utlämnande av uppgifter\n\nPersonuppgifter lämnas aldrig ut till "
                "tredje part.\n"
            ),
            "recipients",
        ),
        ("Regelbundet utlämnande av uppgifter\n\nInga uppgifter lämnas ut.\n", "recipients"),
        (
            "Överföring av uppgifter utanför EU eller EES\n\nNågon överföring sker inte.\n",
            "transfers",
        ),
        ("Tietojen siirto EU:n tai ETA:n ulkopuolelle\n\nSiirtoja ei tapahdu.\n", "transfers"),
        ("Tietojen luovutukset\n\nEmme luovuta mitään tietoja kenellekään.\n", "recipients"),
        (
            (
                "Transfer of data outside the EU or EEA\n\nData are not transferred outside "
                "the EU or the EEA.\n"
            ),
            "transfers",
        ),
    ],
)
def test_denials_in_three_languages_state_none_and_make_no_entry(notice: str, what: str) -> None:
    draft = import_notice(notice).draft
    assert NoneStated(what) in draft.none_stated
    assert getattr(draft, what) == ()


@pytest.mark.parametrize(
    "notice",
    [
        (
            "Tietojen luovutukset\n\nTietoja ei luovuteta kaupallisiin tarkoituksiin.\n"
            "- Verohallinto\n- Kela\n"
        ),
        (
            "Recipients\n\nWe do not disclose data except to the following:\n"
            "- the Finnish Tax Administration\n- our accounting firm\n"
        ),
        (
            "Regelbundet utlämnande av uppgifter\n\nUppgifter lämnas inte ut, med undantag för "
            "följande:\n- Skatteförvaltningen\n- vår bokföringsbyrå\n"
        ),
    ],
    ids=["fi", "en", "sv"],
)
def test_a_denial_with_an_exception_keeps_the_listed_recipients(notice: str) -> None:
    draft = import_notice(notice).draft
    assert len(draft.recipients) == 2
    assert NoneStated.RECIPIENTS not in draft.none_stated


# --- W8: a denial of other transfers after a real one ------------------------------------------


@pytest.mark.xfail(
    strict=True,
    reason="bug W8: a transfers table copied as text followed by 'Muita siirtoja ei tehdä.' "
    "gives no transfer: the row is only quoted in a note",
)
def test_a_transfer_table_with_a_denial_of_others_keeps_its_transfer() -> None:
    draft = import_notice(
        "Tietojen siirto EU:n tai ETA:n ulkopuolelle\n\n"
        "Vastaanottaja\tMaa\tPeruste\nPostipalvelu Inc\tYhdysvallat\tvakiolausekkeet\n\n"
        "Muita siirtoja ei tehdä.\n"
    ).draft
    assert len(draft.transfers) == 1
    assert NoneStated.TRANSFERS not in draft.none_stated


def test_the_same_transfer_table_alone_gives_its_transfer() -> None:
    """Without the denial sentence the row is a transfer (W8's control)."""
    draft = import_notice(
        "Tietojen siirto EU:n tai ETA:n ulkopuolelle\n\n"
        "Vastaanottaja\tMaa\tPeruste\nPostipalvelu Inc\tYhdysvallat\tvakiolausekkeet\n"
    ).draft
    assert len(draft.transfers) == 1


@pytest.mark.xfail(
    strict=True,
    reason="bug W8: 'No other transfers take place.' after a described transfer becomes a "
    "second transfer",
)
def test_no_other_transfers_is_no_second_transfer() -> None:
    draft = import_notice(
        "Transfers outside the EU/EEA\n\nWe transfer data to the United States for our e-mail "
        "service under standard contractual clauses. No other transfers take place.\n"
    ).draft
    assert len(draft.transfers) == 1


@pytest.mark.xfail(
    strict=True,
    reason="bug W16: a terse denial with an exception ('Ei siirretä, paitsi … Yhdysvaltoihin', "
    "'Överförs inte, förutom … till USA') gives no transfer, only a note that it limits them",
)
@pytest.mark.parametrize(
    "notice",
    [
        (
            "Tietojen siirto EU:n tai ETA:n ulkopuolelle\n\nEi siirretä, paitsi "
            "sähköpostipalvelun kautta Yhdysvaltoihin (vakiolausekkeet).\n"
        ),
        (
            "Överföring av uppgifter utanför EU eller EES\n\nÖverförs inte, förutom via "
            "e-posttjänsten till USA (standardavtalsklausuler).\n"
        ),
    ],
    ids=["fi", "sv"],
)
def test_a_terse_denial_with_an_exception_keeps_the_transfer(notice: str) -> None:
    draft = import_notice(notice).draft
    assert len(draft.transfers) == 1
    assert NoneStated.TRANSFERS not in draft.none_stated


def test_a_full_denial_with_an_exception_keeps_the_transfer() -> None:
    """With its subject and area the same denial keeps the transfer (W16's control)."""
    draft = import_notice(
        "Tietojen siirto EU:n tai ETA:n ulkopuolelle\n\nTietoja ei siirretä EU:n tai ETA:n "
        "ulkopuolelle, paitsi sähköpostipalvelun kautta Yhdysvaltoihin vakiolausekkein.\n"
    ).draft
    assert len(draft.transfers) == 1
    assert NoneStated.TRANSFERS not in draft.none_stated


# --- W9: English 'We are X, street, ...' with no legal form -------------------------------------


@pytest.mark.xfail(
    strict=True,
    reason="bug W9: 'We are Birchwood Yoga Studio, Koivukatu 2, ...' (no legal form) gives no "
    "controller name; part of it is listed as not mapped",
)
@pytest.mark.parametrize(
    "heading", ["Who are we?\n\n", "Controller\n\n"], ids=["question", "table"]
)
def test_we_are_a_body_without_a_legal_form_names_the_controller(heading: str) -> None:
    result = import_notice(
        heading + "We are Birchwood Yoga Studio, Koivukatu 2, 40100 Jyväskylä, "
        "hello@birchwood.example.\n"
    )
    assert result.draft.controller.name == "Birchwood Yoga Studio"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            (
                "Controller\n\nWe are Birchwood Yoga Studio Oy, Koivukatu 2, 40100 Jyväskylä, "
                "hello@birchwood.example.\n"
            ),
            "Birchwood Yoga Studio Oy",
        ),
        (
            (
                "Personuppgiftsansvarig\n\nVi är Björkbackens Yogastudio, Björkgatan 2, "
                "65100 Vasa, hej@bjorkbacken.example.\n"
            ),
            "Björkbackens Yogastudio",
        ),
    ],
    ids=["en-legal-form", "sv"],
)
def test_we_are_names_the_controller_with_a_legal_form_or_in_swedish(text: str, name: str) -> None:
    assert import_notice(text).draft.controller.name == name


# --- W10: e-mail addresses that live in the markup only -----------------------------------------


def _cloudflare(address: str, key: int = 0x4F) -> str:
    """The hex form Cloudflare's e-mail protection writes into ``data-cfemail``."""
    return f"{key:02x}" + "".join(f"{ord(char) ^ key:02x}" for char in address)


def test_a_cloudflare_protected_email_is_read() -> None:
    encoded = _cloudflare("info@esimerkki.example")
    page = (
        "<h2>Rekisterinpitäjä</h2><p>Esimerkki Oy<br>Katu 1, 00100 Helsinki<br>Sähköposti: "
        f'<a href="/cdn-cgi/l/email-protection#{encoded}" class="__cf_email__" '
        f'data-cfemail="{encoded}">[email&#160;protected]</a></p>'
    )
    contact = import_notice(page, html=True).draft.controller.contact
    assert contact is not None
    assert contact.email == "info@esimerkki.example"


def test_a_mailto_link_with_words_for_its_label_gives_the_email() -> None:
    page = (
        "<h2>Rekisterinpitäjä</h2><p>Esimerkki Oy<br>Katu 1, 00100 Helsinki<br>"
        '<a href="mailto:info@esimerkki.example">Lähetä sähköpostia</a></p>'
    )
    contact = import_notice(page, html=True).draft.controller.contact
    assert contact is not None
    assert contact.email == "info@esimerkki.example"


@pytest.mark.parametrize(
    "written",
    [
        "info<span>@</span>esimerkki.example",
        "info<!-- x -->@esimerkki.example",
        "info&#64;esimerkki&#46;example",
        "info&commat;esimerkki.example",
        "info [at] esimerkki [dot] example",
        "info ät esimerkki.example",
    ],
)
def test_obfuscated_emails_in_html_are_read(written: str) -> None:
    page = (
        "<h2>Rekisterinpitäjä</h2><p>Esimerkki Oy<br>Katu 1, 00100 Helsinki<br>Sähköposti: "
        f"{written}</p>"
    )
    contact = import_notice(page, html=True).draft.controller.contact
    assert contact is not None
    assert contact.email == "info@esimerkki.example"


# --- W11: a data table nested in a two-column table's value cell ---------------------------------

NESTED = """<html><body><h1>Privacy notice</h1><table>
<tr><td><b>Controller</b></td><td><table><tr><td>Northwind Rowing Club ry</td></tr>
<tr><td>Rantakatu 4, 33100 Tampere</td></tr>
<tr><td>board@northwind.example</td></tr></table></td></tr>
<tr><td><b>Name of the register</b></td><td>Membership register</td></tr>
<tr><td><b>Data content</b></td><td><table><tr><td>name</td><td>mandatory</td></tr>
<tr><td>e-mail address</td><td>mandatory</td></tr>
<tr><td>rowing licence number</td><td>optional</td></tr></table></td></tr>
<tr><td><b>Disclosure of data</b></td><td>We do not disclose data to third parties.</td></tr>
</table></body></html>"""


@pytest.mark.xfail(
    strict=True,
    reason="bug W11: a data table nested in a value cell gives 'Name mandatory' and lists "
    "its other rows as not mapped, not one data category a row",
)
def test_a_nested_data_table_gives_one_category_a_row() -> None:
    result = import_notice(NESTED, html=True)
    names = [category.name.en or category.name.fi for category in result.draft.data_categories]
    assert len(names) == 3, names
    assert names[1].lower().startswith("e-mail address"), names
    assert result.unmatched == ()


def test_the_nested_tables_controller_and_denial_are_read() -> None:
    """The controller's nested block and the denial around W11's table are read."""
    draft = import_notice(NESTED, html=True).draft
    assert draft.controller.name == "Northwind Rowing Club ry"
    assert draft.controller.address is not None
    assert draft.controller.address.postal_code == "33100"
    assert draft.controller.contact is not None
    assert draft.controller.contact.email == "board@northwind.example"
    assert NoneStated.RECIPIENTS in draft.none_stated


# --- W12: a notice of two registers -------------------------------------------------------------

MULTI = """TIETOSUOJASELOSTE – Kylän kirjasto

Rekisterinpitäjä
Kylän kunta, sivistyslautakunta
Kirjastotie 2, 12345 Kylä
kirjasto@kyla.example

REKISTERI 1: ASIAKASREKISTERI

Rekisterin käyttötarkoitus
Lainauksen ja varausten hoitaminen sekä myöhästymismaksujen perintä.

Rekisterin tietosisältö
- nimi
- osoite
- kirjastokortin numero

REKISTERI 2: TAPAHTUMIEN ILMOITTAUTUMISREKISTERI

Rekisterin käyttötarkoitus
Tapahtumiin ilmoittautuneiden yhteydenpito.

Rekisterin tietosisältö
- nimi
- sähköpostiosoite
"""


@pytest.mark.xfail(
    strict=True,
    reason="bug W12: in a notice of two registers the second one's heading ('REKISTERI 2: …') "
    "becomes a data category of the first, and the name keeps '1:'",
)
def test_a_second_registers_heading_is_no_data_category() -> None:
    draft = import_notice(MULTI).draft
    names = [category.name.fi.lower() for category in draft.data_categories]
    assert not any(name.startswith("rekisteri 2") for name in names), names
    assert draft.name is not None
    assert not draft.name.fi.startswith("1:"), draft.name.fi


def test_a_notice_of_two_registers_loses_nothing_silently() -> None:
    result = import_notice(MULTI)
    assert _uncovered(result) == []
    assert result.draft.controller.name == "Kylän kunta, sivistyslautakunta"


# --- W13: a register's name broken with a hyphen in a PDF paste ---------------------------------

PDF = """Tietosuojaseloste
Laadittu 3.3.2021
1. Rekisterinpitäjä Lehtolan Leipomo Oy, Leipätie 4, 15100 Lahti, puh. 03 555 0123 2. Yhteyshenkilö
rekisteriasioissa Leena Lehtola, leena@lehtola.example 3. Rekisterin nimi Leipomon asiakas-
rekisteri 4. Henkilötietojen käsittelyn tarkoitus Tilausten käsittely, toimitukset ja laskutus.
Sivu 1 / 2
5. Rekisterin tietosisältö Asiakkaan nimi, toimitusosoite, puhelinnumero ja tilaushistoria. 6.
Säännönmukaiset tietolähteet Asiakkaalta itseltään. 7. Tietojen säännönmukaiset luovutukset
Tietoja ei luovuteta.
Sivu 2 / 2
"""


@pytest.mark.xfail(
    strict=True,
    reason="bug W13: in a PDF paste 'asiakas-' / 'rekisteri' is not joined in the register's "
    "name ('Leipomon asiakas- rekisteri')",
)
def test_a_pdf_paste_joins_a_hyphen_broken_register_name() -> None:
    draft = import_notice(PDF).draft
    assert draft.name is not None
    assert draft.name.fi == "Leipomon asiakasrekisteri"


def test_a_pdf_paste_keeps_its_key_facts_and_loses_nothing() -> None:
    result = import_notice(PDF)
    draft = result.draft
    assert draft.controller.name == "Lehtolan Leipomo Oy"
    assert draft.controller.address is not None
    assert draft.controller.address.postal_code == "15100"
    assert draft.contact_person is not None
    assert draft.contact_person.email == "leena@lehtola.example"
    assert NoneStated.RECIPIENTS in draft.none_stated
    assert _uncovered(result) == []


# --- W14: the documented exit for a <meta charset> naming a bytes codec -------------------------


@pytest.mark.parametrize("codec", ["hex", "base64", "zlib"])
def test_a_meta_charset_naming_a_bytes_codec_exits_2(tmp_path: Path, codec: str) -> None:
    page = f'<html><head><meta charset="{codec}"></head><body><p>Esimerkki Oy</p></body></html>'
    done = _cli(tmp_path, "seloste.html", page.encode(), "-o", "draft.toml")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr


# --- W17: a Swedish-English parallel notice --------------------------------------------------

SV_EN = """Dataskyddsbeskrivning / Privacy notice

Personuppgiftsansvarig / Controller
Ålands Exempelrederi Ab, Hamngatan 1, AX-22100 Mariehamn

Registrets namn / Name of the register
Passagerarregister / Passenger register

Ändamål / Purpose
Uppgifterna används för att hantera bokningar. / The data are used to manage bookings.

Utlämnande av uppgifter / Disclosure of data
Uppgifterna lämnas inte ut. / The data are not disclosed.
"""


@pytest.mark.xfail(
    strict=True,
    reason="bug W17 (low): in a Swedish-English parallel notice the English halves stay in the "
    "sv fields: name.sv 'Passagerarregister / Passenger register', no en",
)
def test_a_swedish_english_parallel_notice_gives_the_name_in_both() -> None:
    name = import_notice(SV_EN).draft.name
    assert name is not None
    assert (name.sv, name.en) == ("Passagerarregister", "Passenger register")


def test_a_swedish_english_parallel_notice_keeps_its_key_facts() -> None:
    result = import_notice(SV_EN)
    draft = result.draft
    assert "I012" in {finding.code for finding in result.findings}
    assert draft.controller.name == "Ålands Exempelrederi Ab"
    assert NoneStated.RECIPIENTS in draft.none_stated
    assert _uncovered(result) == []


# --- Promises that held -----------------------------------------------------------------------

SWEDISH_DL = """<html lang="sv"><body><main><h1>Dataskyddsbeskrivning</h1><dl>
<dt>Personuppgiftsansvarig</dt>
<dd>Strandbackens Båtklubb rf<br>Hamnvägen 12<br>65100 Vasa<br>FO-nummer 2077474-0<br>
E-post: styrelsen (at) strandbacken.example</dd>
<dt>Registrets namn</dt><dd>Medlemsregister</dd>
<dt>Registrets datainnehåll</dt><dd><ul><li>namn</li><li>adress</li><li>telefonnummer</li></ul></dd>
<dt>Regelbundet utlämnande av uppgifter</dt><dd>Uppgifterna lämnas inte ut till utomstående.</dd>
<dt>Överföring av uppgifter utanför EU eller EES</dt>
<dd>Uppgifterna överförs inte utanför EU eller EES.</dd>
</dl></main></body></html>"""


def test_a_swedish_definition_list_gives_sv_texts_and_its_key_facts() -> None:
    result = import_notice(SWEDISH_DL, html=True)
    draft = result.draft
    assert "I012" in {finding.code for finding in result.findings}
    assert draft.name is not None
    assert draft.name.sv == "Medlemsregister"
    assert [category.name.sv for category in draft.data_categories] == [
        "Namn",
        "Adress",
        "Telefonnummer",
    ]
    assert draft.controller.business_id == "2077474-0"
    assert draft.controller.contact is not None
    assert draft.controller.contact.email == "styrelsen@strandbacken.example"
    assert set(draft.none_stated) >= {NoneStated.RECIPIENTS, NoneStated.TRANSFERS}
    assert _uncovered(result) == []


WORD_SV = textwrap.dedent(
    """\
    DATASKYDDSBESKRIVNING

    1.\tPersonuppgiftsansvarig
    \tNorrvikens Trädgård Ab
    \tTrädgårdsvägen 1
    \t68600 Jakobstad
    \tinfo(at)norrviken.example

    3.\tRegistrets namn
    \tKundregister

    5.\tRegistrets datainnehåll
    •\tnamn
    •\tadress
    •\tbeställningshistorik

    7.\tRegelbundet utlämnande av uppgifter
    \tUppgifter lämnas inte ut till utomstående.
    """
)

FORM_TEXT = """TIETOSUOJASELOSTE

1. Rekisterinpitäjä
Nimi: Kalliorannan Kennel
Y-tunnus: ____________
Osoite: Kalliotie 9
Postinumero ja -toimipaikka: 41160 Tikkakoski
Sähköposti: kennel@kallioranta.example

3. Rekisterin käyttötarkoitus
[x] Asiakassuhteen hoito
[x] Laskutus
[ ] Suoramarkkinointi

4. Rekisterin tietosisältö
☒ nimi ☒ osoite ☐ henkilötunnus ☒ puhelinnumero
"""


@pytest.mark.parametrize(
    ("notice", "name", "postal_code"),
    [(WORD_SV, "Norrvikens Trädgård Ab", "68600"), (FORM_TEXT, "Kalliorannan Kennel", "41160")],
    ids=["swedish-word-paste", "fill-in-form-as-text"],
)
def test_word_pastes_and_text_forms_keep_key_facts_and_lose_nothing(
    notice: str, name: str, postal_code: str
) -> None:
    result = import_notice(notice)
    assert result.draft.controller.name == name
    assert result.draft.controller.address is not None
    assert result.draft.controller.address.postal_code == postal_code
    assert _uncovered(result) == []


def test_a_text_forms_boxes_not_ticked_make_no_entry_and_are_listed() -> None:
    result = import_notice(FORM_TEXT)
    assert [purpose.name.fi for purpose in result.draft.purposes] == [
        "Asiakassuhteen hoito",
        "Laskutus",
    ]
    assert not any(category.personal_identity_code for category in result.draft.data_categories)
    listed = " ".join(passage.text for passage in result.unmatched)
    assert "Suoramarkkinointi" in listed
    assert "henkilötunnus" in listed


@pytest.mark.parametrize(
    "data",
    [
        "\ufeffRekisterinpitäjä\n\nEsimerkki Oy\n".encode("utf-32"),
        "Rekisterinpitäjä\n\nEsimerkki Oy\n".encode("utf-16-le"),
        b"\xff\xfe\x00\xd8a\x00",
        b"\x00" * 1000 + b"Rekisterinpitaja\n",
        b"<div>" * 50000 + b"Rekisterinpitaja" + b"</div>" * 50000,
        b"<table><tr><td>" * 5000 + b"x",
        b"<meta charset='" + b"a" * 100000 + b"'><h2>R</h2>",
        b"<meta charset='unicode_escape'><h2>Rekisterinpitaja</h2><p>\\N{x} Oy</p>",
        b"<p>&#99999999999999999999;&#x110000;&#xD800;&#0;</p><h2>Rekisterinpitaja</h2>",
        "Rekisterinpitäjä\n\nE".encode() + "\u0301".encode() * 50000 + b"simerkki Oy\n",
        b"Rekisterinpitaja\n\nEsimerkki Oy " + b"(" * 50000 + b")" * 50000,
        b"Rekisterinpitaja\n\n\xed\xa0\x80 \xc0\xaf Oy\n",
        bytes(range(256)) * 20,
    ],
    ids=[
        "utf32-bom",
        "utf16-no-bom",
        "utf16-lone-surrogate",
        "nuls",
        "deep-divs",
        "deep-tables",
        "huge-meta",
        "meta-unicode-escape",
        "bad-entities",
        "combining-storm",
        "brackets",
        "surrogate-overlong",
        "all-bytes",
    ],
)
def test_odd_bytes_give_a_draft_or_a_typed_error(data: bytes) -> None:
    for html in (None, True, False):
        try:
            result = import_bytes(data, html=html)
        except RekisteriError as error:
            assert str(error)  # noqa: PT017 - either outcome is allowed
        else:
            to_toml(result.draft, notes=result.notes)
            assert result.summary_line("x")


@pytest.mark.parametrize(
    "args",
    [
        ["-o", "draft.toml"],
        ["-o", "draft.toml", "--report", "report.txt"],
        ["-o", "draft.toml", "--format", "json"],
        ["-o", "draft.toml", "--format", "json", "--report", "report.json"],
        ["--report", "report.txt"],
        ["-o", "draft.toml", "--exit-zero"],
    ],
)
def test_the_summary_line_is_printed_on_every_run(tmp_path: Path, args: list[str]) -> None:
    data = "Rekisterinpitäjä\n\nEsimerkki Oy\n\nAsiakaspalaute\n\nKäydään läpi.\n".encode()
    done = _cli(tmp_path, "seloste.txt", data, *args)
    assert done.returncode in (0, 1)
    first = done.stderr.splitlines()[0]
    assert "seloste.txt: " in first
    assert "not mapped" in first


# --- bounded memory (and speed, reported only) ------------------------------------------------

#: Memory and time are measured in a subprocess and only with REKISTERI_TIMED_TESTS=1 (each
#: shape takes tens of seconds on a loaded machine).
TIMED = pytest.mark.skipif(
    os.environ.get("REKISTERI_TIMED_TESTS") != "1",
    reason="timed check: set REKISTERI_TIMED_TESTS=1 on a quiet machine",
)

_MEASURE = """
import json, resource, sys, time
from rekisteri.importer import import_notice
shape, n = sys.argv[1], int(sys.argv[2])
if shape == "sv_list":
    items = ", ".join(f"uppgift{i}" for i in range(n))
    text = "Registrets datainnehåll\\n\\n" + items + " och slut\\n"
elif shape == "bullets":
    text = "Rekisterin tietosisältö\\n\\n" + "".join(f"- tieto{i}\\n" for i in range(n))
else:
    text = "Rekisterinpitäjä\\n\\n" + "010594-" * n
start = time.process_time()
import_notice(text)
print(json.dumps({"mb": len(text.encode()) / 1e6, "cpu": time.process_time() - start,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@TIMED
@pytest.mark.parametrize(
    ("shape", "n"), [("sv_list", 72000), ("bullets", 80000), ("dashed_digits", 150000)]
)
def test_a_megabyte_of_an_odd_shape_stays_within_a_few_hundred_mb(shape: str, n: int) -> None:
    done = subprocess.run(  # noqa: S603 - the test's own script
        [sys.executable, "-c", _MEASURE, shape, str(n)],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    measured = json.loads(done.stdout)
    assert measured["mb"] > 0.9
    assert measured["rss_mb"] < 500, measured
