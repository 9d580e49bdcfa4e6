"""Round 14: the importer's open attack findings, each mechanism on fictional text.

Every notice here is written for this file (a made-up firm, made-up cookies);
none is taken from the held-out or the development fixtures.
"""

from __future__ import annotations

import functools
import time
import unicodedata
from typing import TYPE_CHECKING

from rekisteri.importer import _name_ranker, import_bytes, import_notice
from rekisteri.importer._cookies import header_columns, read_cookies
from rekisteri.importer._furniture import furniture, is_furniture
from rekisteri.importer._headings import SectionKind, recognise
from rekisteri.importer._html import html_to_text
from rekisteri.importer._model import model, placements
from rekisteri.importer._name_ranker import candidates, in_language, ranked_name, score
from rekisteri.importer._people import whose_data

if TYPE_CHECKING:
    import pytest

# --- K23: an HTML cookie table is read by its cells, a row a line ----------------------

PAGE_HEAD = (
    "<html><body><h1>Tietosuojaseloste</h1><h2>Rekisterinpitäjä</h2>"
    "<p>Harjulan Huvila Oy, Harjutie 7, 40100 Jyväskylä</p><h2>Sivuston evästeet</h2>"
    "<p>Käytämme seuraavia evästeitä.</p>"
)


def _cookies_of(table: str) -> list[tuple[str, str | None, str | None]]:
    draft = import_notice(PAGE_HEAD + table + "</body></html>").draft
    return [(cookie.name, cookie.purpose.fi, cookie.duration) for cookie in draft.cookies]


def test_an_empty_cell_keeps_the_columns_of_its_row_and_the_next() -> None:
    table = (
        "<table><thead><tr><th>Nimi</th><th>Kuvaus</th><th>Voimassaolo</th></tr></thead>"
        "<tbody><tr><td>hh_kieli</td><td></td><td>1 vuosi</td></tr>"
        "<tr><td>hh_kori</td><td>ostoskorin sisältö</td><td>7 päivää</td></tr></tbody></table>"
    )
    assert _cookies_of(table) == [
        ("hh_kieli", "hh_kieli", "1 vuosi"),  # the model asks a purpose: the name stands in
        ("hh_kori", "ostoskorin sisältö", "7 päivää"),
    ]


def test_a_line_break_or_a_list_inside_a_cell_stays_in_that_cell() -> None:
    table = (
        "<table><tr><th>Eväste</th><th>Tarkoitus</th><th>Kesto</th></tr>"
        "<tr><td>hh_seuranta<br><small>Mittari Oy</small></td>"
        "<td><ul><li>kävijämäärät</li><li>sivujen suosio</li></ul></td><td>13 kk</td></tr>"
        "<tr><td>hh_istunto</td><td>kirjautuminen<br>ja ostoskori</td></tr></table>"
    )
    assert _cookies_of(table) == [
        ("hh_seuranta", "kävijämäärät, sivujen suosio (Mittari Oy)", "13 kk"),
        ("hh_istunto", "kirjautuminen ja ostoskori", None),
    ]


def test_a_table_that_is_no_cookie_table_keeps_its_old_layout() -> None:
    text = import_notice(
        PAGE_HEAD + "<table><tr><th>Selain</th><th>Ohje</th></tr>"
        "<tr><td>Selain A</td><td>Asetukset &gt; Yksityisyys</td></tr></table></body></html>"
    ).text
    assert "\t" not in text


def test_a_cookie_table_in_text_keeps_its_empty_cells() -> None:
    found = read_cookies(["Eväste\tTarkoitus\tKesto", "hh_kieli\t\t1 vuosi", "hh_kori\tkori"])
    assert [(c.name, c.purpose, c.duration) for c in found.cookies] == [
        ("hh_kieli", None, "1 vuosi"),
        ("hh_kori", "kori", None),
    ]
    assert found.header == (0,)


def test_a_header_may_hold_a_column_the_importer_does_not_know() -> None:
    assert header_columns(["Eväste", "Tarkoitus", "Huom"]) == ["name", "purpose", None]
    assert header_columns(["Eväste", "Huom"]) is None  # no purpose column
    assert header_columns(["Eväste", "Tarkoitus", "Tämä on pitkä lause sarakkeessa"]) is None


def test_a_one_line_header_of_a_cookie_table_is_structure_not_lost() -> None:
    result = import_notice(
        "Rekisterinpitäjä\n\nHarjulan Huvila Oy\n\nEvästeet\n\n"
        "Eväste\tTarkoitus\tKesto\nhh_kori\tostoskori\t7 päivää\n"
    )
    assert not result.unmatched
    assert not result.remarked


def test_an_expiry_column_in_other_words_is_the_duration() -> None:
    for column in ("Vanhenemisaika", "Utgångstid", "Löptid", "Lifespan"):
        found = read_cookies(["Eväste\tTarkoitus\t" + column, "hh_kori\tostoskori\t7 päivää"])
        assert [(c.name, c.duration) for c in found.cookies] == [("hh_kori", "7 päivää")], column


# --- K15: markup that nothing closes is text, read in linear time ----------------------


def test_markup_that_nothing_closes_is_text() -> None:
    assert html_to_text("<p>Avoinna<!-- huom</p><p>Suljettu</p>")[0] == (
        "Avoinna<!-- huom\n\nSuljettu\n\n"
    )
    assert html_to_text("<p>Ovi</p><!-- kesken")[0] == "Ovi\n\n<!-- kesken\n"
    assert html_to_text("<p>Ovi<!-- piilossa --></p>")[0] == "Ovi\n\n"
    assert html_to_text("<p>Ovi</p><?kesken")[0] == "Ovi\n\n<?kesken\n"
    assert html_to_text("<p>Ovi</p><![CDATA[kesken")[0] == "Ovi\n\n<![CDATA[kesken\n"


def test_a_run_of_unclosed_comments_costs_no_more_than_its_length() -> None:
    small = "<h1>Seloste</h1>" + "<!--" * 2_000
    large = "<h1>Seloste</h1>" + "<!--" * 40_000
    assert html_to_text(large)[0].count("<!--") == 40_000  # all of it text, none lost
    assert _seconds(large) < 20 * _seconds(small) + 0.5  # 20x the input, not 400x the time


def _seconds(markup: str) -> float:
    start = time.process_time()
    html_to_text(markup)
    return time.process_time() - start


# --- R5-14: the name ranker takes a name only in the notice's language -----------------


def test_a_ranked_name_in_another_language_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    swedish = (
        "Personuppgiftsansvarig\n\nHarjulan Huvila Ab\nHarjuvägen 7, 40100 Jyväskylä\n\n"
        "Registret heter Gästregister (Vierasrekisteri).\n\nÄndamålet med behandlingen\n\n"
        "Uppgifterna används för att sköta bokningarna och för fakturering av gästerna.\n"
    )
    # the Finnish word in brackets is the best phrase: in a Swedish notice it names nothing
    # (its score, not a fixed threshold: the ranker is retrained when dev fixtures change)
    best = max(candidates(swedish), key=score)
    assert (best.name, best.start, best.end) == ("Vierasrekisteri", 104, 119)
    assert ranked_name(swedish, "sv") is None
    # the language guard alone refuses it: with the threshold just under its score, the
    # ranker takes it in a Finnish reading and still refuses it in the Swedish one (R10-4)
    lowered = functools.partial(_name_ranker.choose, threshold=score(best) - 1e-9)
    monkeypatch.setattr(_name_ranker, "choose", lowered)
    assert ranked_name(swedish, "fi") == ("Vierasrekisteri", 104, 119)
    assert ranked_name(swedish, "sv") is None
    monkeypatch.undo()
    assert import_notice(swedish).draft.name is None
    assert in_language("Vierasrekisteri", "fi")
    assert not in_language("Vierasrekisteri", "sv")
    assert in_language("Gästregistret", "sv")
    assert in_language("Guest register", "en")


# --- R5-12: the statistical reader places only text whose words it knows well ----------


def test_words_the_model_hardly_knows_are_not_placed_under_an_unknown_heading() -> None:
    text = "Muistiinpanoja\n\nJärvi ranta metsä ranta lintu metsä kala järvi ranta tuuli.\n"
    start = text.index("Järvi")
    # stems of street names the model saw a few times: a posterior over 0.999, no confidence
    assert model().field(text[start:], "Muistiinpanoja") == "controller"
    assert not model().familiar(text[start:])
    assert placements(text, [(0, len(text), "none")], [(start, len(text) - 1)]) == []
    assert model().familiar("Tietoja käytetään asiakassuhteen hoitamiseen ja laskutukseen.")


# --- K18: the DPO's name is a name, not the clause before a value ---------------------

HOUSE = "Rekisterinpitäjä\n\nHarjulan Huvila Oy\nHarjutie 7, 40100 Jyväskylä\n\n"


def test_a_clause_of_reaching_someone_is_no_name_but_is_said() -> None:
    result = import_notice(
        HOUSE + "Tietosuojavastaava\n\nTietosuojavastaavamme tavoitat osoitteesta "
        "suoja@harjula.example.com.\n"
    )
    dpo = result.draft.controller.dpo
    assert dpo is not None
    assert (dpo.name, dpo.email) == (None, "suoja@harjula.example.com")
    assert not result.unmatched  # the clause is said in a note on the DPO


def test_a_dpo_named_in_a_sentence_of_the_dpo_section() -> None:
    dpo = import_notice(
        HOUSE + "Tietosuojavastaava\n\nHuvilan tietosuojavastaavana toimii Eero Esimerkki, "
        "eero@harjula.example.com.\n"
    ).draft.controller.dpo
    assert dpo is not None
    assert (dpo.name, dpo.email) == ("Eero Esimerkki", "eero@harjula.example.com")


# --- K29: a guessed heading its text does not bear out is a part of the empty heading --


def test_parts_named_after_a_data_set_stay_in_the_retention_section() -> None:
    result = import_notice(
        HOUSE + "Tietojen säilytysaika\n\nVaraustiedot\n\n"
        "Säilytämme kaksi vuotta viimeisestä varauksesta.\n\nLahjakorttien ostajat\n\n"
        "Säilytämme kortin voimassaolon ajan.\n"
    )
    assert len(result.draft.retention) == 2
    assert result.unmatched == ()


# --- K28: the provision requirement (GDPR 13(2)(e)) in other words ----------------------


def test_headings_on_whether_the_data_must_be_given_name_the_provision_requirement() -> None:
    for heading in (
        "Sopimukseen perustuva vaatimus antaa henkilötietoja",
        "7. Henkilötietojen antamisen edellytys",
        "Krav på att lämna personuppgifter",
        "Obligation to provide personal data",
    ):
        assert recognise(heading) is SectionKind.PROVISION, heading
    draft = import_notice(
        HOUSE + "Velvollisuus antaa henkilötietoja\n\n"
        "Varauksen tekeminen edellyttää nimen ja puhelinnumeron antamista.\n"
    ).draft
    assert draft.data_categories == ()
    assert draft.provision_requirement is not None


# --- K39: decomposed letters are read composed -----------------------------------------


def test_a_decomposed_notice_is_read_composed() -> None:
    notice = HOUSE + "Säännönmukaiset tietolähteet\n\nTiedot saadaan asiakkaalta itseltään.\n"
    decomposed = unicodedata.normalize("NFD", notice)
    assert decomposed != notice
    result = import_notice(decomposed)
    assert result.text == notice
    assert [source.key for source in result.draft.sources] == ["data-subject"]
    assert not result.unmatched


def test_a_decomposed_page_keeps_its_headings_and_items() -> None:
    page = (
        "<h2>Rekisterinpitäjä</h2><p>Harjulan Huvila Oy</p><h2>Rekisterin tietosisältö</h2>"
        "<ul><li>nimi</li><li>sähköpostiosoite</li></ul>"
    )
    composed = import_notice(page)
    decomposed = import_notice(unicodedata.normalize("NFD", page))
    assert decomposed.text == composed.text
    assert decomposed.mapped == composed.mapped


# --- K6: a page's own footer is no part of the last section -----------------------------


def test_a_page_footer_heads_its_own_text() -> None:
    page = (
        "<html><body><main><h2>Rekisterinpitäjä</h2><p>Harjulan Huvila Oy</p>"
        "<h2>Tietoturva</h2><p>Tiedot ovat lukitussa järjestelmässä.</p></main>"
        "<footer><p>&copy; Harjulan Huvila Oy &middot; Harjutie 7</p></footer></body></html>"
    )
    result = import_notice(page)
    assert [measure.description.fi for measure in result.draft.security] == [
        "Tiedot ovat lukitussa järjestelmässä."
    ]
    assert [passage.text for passage in result.unmatched] == ["© Harjulan Huvila Oy · Harjutie 7"]


def test_an_articles_own_footer_stays_with_it() -> None:
    text = html_to_text(
        "<article><h2>Tietoturva</h2><p>Tiedot ovat lukitussa järjestelmässä.</p>"
        "<footer><p>Päivitetty 1.2.2024</p></footer></article>"
    )
    assert [text[0][start:end] for start, end in text[1]] == ["Tietoturva"]


# --- K8: a <meta charset> of UTF-16 in a page read as ASCII means UTF-8 ----------------


def test_a_meta_charset_of_utf16_on_a_one_byte_page_is_not_read_as_utf16() -> None:
    page = (
        '<meta charset="UTF-16LE"><h2>Rekisterinpitäjä</h2><p>Harjulan Huvila Oy</p>'
        "<h2>Rekisterin nimi</h2><p>Vierasrekisteri</p>"
    ).encode("cp1252")
    for data in (page, page + b"\n"):  # either length: UTF-16 would decode an even one
        result = import_bytes(data, source_name="seloste.html")
        assert result.encoding == "cp1252"
        assert result.draft.controller.name == "Harjulan Huvila Oy"


# --- K24 (residue): a bullet separator is no part of a name ----------------------------


def test_a_bullet_at_the_end_of_a_name_is_no_part_of_it() -> None:
    for line in ("Harjulan Huvila Oy ● puh. 014 555 0100", "Harjulan Huvila Oy ▪"):
        draft = import_notice(
            "Rekisterinpitäjä\n\n" + line + "\n\nRekisterin nimi\n\nVierasrekisteri\n"
        ).draft
        assert draft.controller.name == "Harjulan Huvila Oy", line


# --- K5: a PDF's page furniture is no entry ---------------------------------------------

PDF_TOP = "1. Rekisterinpitäjä\nHarjulan Huvila Oy, Harjutie 7, 40100 Jyväskylä\n"


def test_a_running_header_inside_a_wrapped_sentence_is_left_out_of_it() -> None:
    result = import_notice(
        PDF_TOP + "2. Rekisterin tietosisältö\nRekisteriin tallennetaan nimi, sähköposti ja\n"
        "Vierasrekisterin seloste 2 (3)\nsaapumispäivä.\n"
    )
    assert [c.name.fi for c in result.draft.data_categories] == [
        "Nimi",
        "Sähköposti",
        "Saapumispäivä",
    ]
    assert not result.unmatched


def test_page_footers_are_structure_not_entries() -> None:
    result = import_notice(
        PDF_TOP + "2. Rekisterin suojaus\nPaperit ovat lukitussa kaapissa.\nPage 1 of 2\n"
        "3. Säännönmukaiset tietolähteet\nTiedot saadaan vierailta itseltään.\n"
    )
    assert [m.description.fi for m in result.draft.security] == ["Paperit ovat lukitussa kaapissa."]
    assert not result.unmatched


def test_what_looks_like_page_furniture_elsewhere_is_kept() -> None:
    assert not is_furniture("Harjutie 1/2")  # an address, no document's title
    assert not is_furniture("Sivu 4 / 3")  # no such page
    assert furniture("5\nRekisterin nimi\n") == []  # a heading's number on its own line


# --- K11 (cookies): a cookie table in Markdown -------------------------------------------


def test_a_markdown_cookie_table_keeps_its_columns_and_empty_cells() -> None:
    found = read_cookies(
        [
            "| Nimi | Kuvaus | Voimassaolo |",
            "| :--- | --- | ---: |",
            "| hh_kieli | | 1 vuosi |",
            "| hh_kori | ostoskori | 7 päivää |",
        ]
    )
    assert [(c.name, c.purpose, c.duration) for c in found.cookies] == [
        ("hh_kieli", None, "1 vuosi"),
        ("hh_kori", "ostoskori", "7 päivää"),
    ]
    assert found.header == (0, 1)


# --- K12: a short English notice is English ---------------------------------------------


def test_a_notice_of_english_headings_with_hardly_a_sentence_is_english() -> None:
    result = import_notice(
        "Controller\n\nHarjula Guesthouse Ltd\n\nRetention of data\n\nData are kept two years.\n"
    )
    assert "I016" in [finding.code for finding in result.findings]
    finnish_only = import_notice(
        "Rekisterinpitäjä\n\nHarjulan Huvila Oy\n\nTietojen säilytys\n\nKaksi vuotta.\n"
    )
    assert "I016" not in [finding.code for finding in finnish_only.findings]


# --- K31 (subjects): the verb "on" is no genitive before whose data ---------------------


def test_the_verb_on_is_no_modifier_of_whose_data() -> None:
    assert whose_data("Rekisterissä on asukkaiden tietoja.") == ["Asukkaat"]
    assert whose_data("Rekisterissä on taloyhtiön asukkaiden tietoja.") == ["Taloyhtiön asukkaat"]
