"""Tests of the importer's parts and of its invariants on arbitrary input."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from rekisteri.importer import (
    CODES,
    ImportResult,
    UnusableInputError,
    import_bytes,
    import_notice,
    to_toml,
)
from rekisteri.importer._decode import decode
from rekisteri.importer._finnish import noun_phrase, purposes_in, sentences, slugify
from rekisteri.importer._headings import SectionKind, recognise
from rekisteri.importer._html import html_to_text
from rekisteri.importer._invisible import INVISIBLE
from rekisteri.model import NoneStated, Register, Right
from rekisteri.serialize import load_register

LEGACY = Path(__file__).resolve().parent / "fixtures" / "legacy"


def assert_accounted(result: ImportResult) -> None:
    """Every non-blank character is in a mapped span or an unmatched passage, not both."""
    text = result.text
    covered = bytearray(len(text))
    for span in result.mapped:
        assert 0 <= span.start < span.end <= len(text)
        for index in range(span.start, span.end):
            covered[index] = 1
    for passage in result.unmatched:
        assert passage.text == text[passage.start : passage.end]
        assert passage.text == passage.text.strip()
        for index in range(passage.start, passage.end):
            assert covered[index] != 1, "a passage overlaps a mapped span"
            covered[index] = 2
    # invisible format characters (soft hyphen, zero-width space) count as blank
    lost = [
        i
        for i, char in enumerate(text)
        if not char.isspace() and INVISIBLE.fullmatch(char) is None and not covered[i]
    ]
    assert lost == []
    assert 0.0 <= result.coverage <= 1.0


def assert_round_trip(result: ImportResult, tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    path.write_text(to_toml(result.draft, notes=result.notes, header=["Draft"]), encoding="utf-8")
    assert load_register(path) == result.draft


# Pieces that exercise the headings, cues and lists as well as plain noise.
_PIECES = st.sampled_from(
    [
        "Rekisterinpitäjä",
        "1. Rekisterin nimi",
        "Rekisterin käyttötarkoitus",
        "Säännönmukaiset tietolähteet",
        "Tietojen siirto EU:n tai ETA:n ulkopuolelle",
        "Rekisterin suojauksen periaatteet A: Manuaalinen aineisto",
        "Tarkastusoikeus",
        "Evästeet",
        "Esimerkki Oy",
        "Y-tunnus: 2077474-0",
        "Y-tunnus: 2077474-1",
        "Osoite: Testitie 1, 00100 Helsinki",
        "Puh. 09 123 4567",
        "Sähköposti: info(at)example.com",
        "Tietoja käytetään laskutukseen, markkinointiin sekä asiakassuhteen hoitoon.",
        "Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.",
        "Tietoja ei luovuteta, paitsi viranomaisille.",
        "Tiedot saadaan asiakkaalta itseltään ja YTJ:stä.",
        "Tietoja säilytetään kuusi vuotta asiakassuhteen päättymisestä.",
        "- asiakkaan nimi",
        "• yhteyshenkilöt (päättäjät)",
        "Rekisteri on suojattu palomuurilla.",
        "henkilötietolain mukaisesti",
        "Muualta hankittavat tiedot:",
        ":",
        "-",
        "§",
        "",
    ]
)
_SEPARATORS = st.sampled_from(["\n", "\n\n", " ", "\r\n", "\n \n", "\t", ": ", ". "])
_NOTICE_LIKE = st.lists(
    st.tuples(st.one_of(_PIECES, st.text(max_size=30)), _SEPARATORS), max_size=25
).map(lambda parts: "".join(piece + sep for piece, sep in parts))

_TAGS = st.sampled_from(
    [
        "<p>", "</p>", "<br>", "<br/>", "<h2>", "</h2>", "<table>", "<tr>", "</tr>", "<td>",
        "</td>", "<th>", "</th>", "<ul>", "<li>", "</li>", "<b>", "</b>", "<strong>",
        "</strong>", "<div>", "</div>", "<dl>", "<dt>", "<dd>", "<pre>", "</pre>", "</table>",
        "<p", "<", ">", "&amp;", "&auml;", "&#228;", "&", "<!-- x -->", "<script>", "</script>",
    ]
)  # fmt: skip
_HTML_LIKE = st.lists(st.one_of(_TAGS, _PIECES, st.text(max_size=20)), max_size=40).map("".join)


class TestInvariants:
    @given(st.text())
    def test_any_text(self, text: str) -> None:
        """Any text imports without an exception and every character is accounted for."""
        result = import_notice(text, html=False)
        assert isinstance(result.draft, Register)
        assert_accounted(result)

    @given(_NOTICE_LIKE)
    def test_notice_like_text(self, text: str) -> None:
        """Text built from notice pieces imports, accounts for every character, and round-trips."""
        result = import_notice(text, html=False)
        assert_accounted(result)

    @example("Tarkastusoikeus \x1b\n\nEsimerkki Oy\n", [])
    @given(
        _NOTICE_LIKE,
        st.lists(st.tuples(st.integers(0, 400), st.characters(categories=["Cc"])), max_size=4),
    )
    def test_control_characters_anywhere(self, text: str, inserts: list[tuple[int, str]]) -> None:
        """A control character (ESC, form feed, NUL, C1) anywhere: no model error, all accounted."""
        for position, control in inserts:
            text = text[:position] + control + text[position:]
        for html in (False, True):
            assert_accounted(import_notice(text, html=html))

    @given(_HTML_LIKE)
    def test_any_html(self, markup: str) -> None:
        """Any (broken) HTML imports and every character of its text content is accounted for."""
        result = import_notice(markup, html=True)
        assert_accounted(result)

    @given(
        st.lists(
            st.one_of(
                _TAGS.filter(
                    lambda t: (
                        "script" not in t
                        and "&" not in t
                        and "<!" not in t
                        and t not in {"<", "<p"}
                    )
                ),
                st.text(
                    alphabet=st.characters(blacklist_characters="<&", blacklist_categories=["Cs"]),
                    max_size=15,
                ),
            ),
            max_size=30,
        )
    )
    def test_html_keeps_text(self, parts: list[str]) -> None:
        """The text content of HTML keeps every non-blank character outside the tags."""
        markup = "".join(parts)
        text, _, _ = html_to_text(markup)
        visible = "".join(part for part in parts if not part.startswith("<"))
        assert "".join(text.split()) == "".join(visible.split())

    @given(_NOTICE_LIKE)
    def test_toml_round_trip(self, text: str) -> None:
        """The TOML of any draft loads back to an equal register."""
        import tempfile

        result = import_notice(text, html=False)
        with tempfile.TemporaryDirectory() as folder:
            assert_round_trip(result, Path(folder))

    def test_long_lines(self) -> None:
        """Very long lines without spaces or with odd characters finish and are listed."""
        text = "a" * 200_000 + "\n" + "1-" * 50_000 + "\n" + "Oy " * 30_000 + "\n" + "(a)" * 20_000
        result = import_notice(text, html=False)
        assert_accounted(result)
        for heading in ("Rekisterinpitäjä", "Rekisterin käyttötarkoitus", "Tietosisältö"):
            for line in ("A" + "a" * 100_000, "Aa " * 30_000 + "1", "käytetään " * 20_000 + "."):
                assert_accounted(import_notice(f"{heading}\n\n{line}\n", html=False))

    def test_unclosed_html(self) -> None:
        """Many unclosed headings, cells and rows finish and keep their text."""
        markup = "<h2>x" * 20_000 + "<tr><td>y" * 20_000 + "</h3>" * 20_000
        result = import_notice(markup, html=True)
        assert result.text.count("x") == 20_000
        assert_accounted(result)


class TestDecode:
    def test_utf8(self) -> None:
        """UTF-8 is read as UTF-8, not guessed."""
        assert decode("Hämeenkatu".encode()) == ("Hämeenkatu", "utf-8", False)

    def test_windows_1252(self) -> None:
        """Bytes that are not UTF-8 are read as Windows-1252 (ä, ö, å and the euro sign)."""
        assert decode("Hämeenkatu 5 € ö å".encode("cp1252")) == (
            "Hämeenkatu 5 € ö å",
            "cp1252",
            True,
        )

    def test_latin1_when_cp1252_cannot(self) -> None:
        """A byte that Windows-1252 leaves undefined makes it Latin-1."""
        text, encoding, guessed = decode(b"H\xe4me\x81")
        assert (text, encoding, guessed) == ("Häme\x81", "latin-1", True)

    def test_bom(self) -> None:
        """A byte-order mark decides the encoding."""
        assert decode(codecs.BOM_UTF8 + "ä".encode())[0] == "ä"
        assert decode(codecs.BOM_UTF16_LE + "ä".encode("utf-16-le"))[0] == "ä"

    def test_meta_charset(self) -> None:
        """An HTML meta charset is used when the bytes are not UTF-8."""
        data = '<meta charset="iso-8859-15"><p>Tässä €</p>'.encode("iso-8859-15")
        assert decode(data)[1] == "iso8859-15"

    def test_given_encoding(self) -> None:
        """A given encoding is used as it is, and a wrong one is a clear error."""
        assert decode("ä".encode("cp1252"), encoding="latin-1")[0] == "ä"
        with pytest.raises(UnusableInputError, match="not valid utf-8"):
            decode(b"\xe4", encoding="utf-8")
        with pytest.raises(UnusableInputError, match="unknown encoding"):
            decode(b"x", encoding="no-such-codec")

    def test_unusable(self) -> None:
        """Binary and empty inputs are refused with UnusableInputError (a ValueError)."""
        with pytest.raises(UnusableInputError, match="binary"):
            import_bytes(bytes(range(32)) * 20)
        with pytest.raises(ValueError, match="no text"):
            import_bytes(b"  \n\t ")


class TestHeadings:
    @pytest.mark.parametrize(
        ("heading", "kind"),
        [
            ("1. Rekisterinpitäjä", SectionKind.CONTROLLER),
            ("Rekisterinpitäjän yhteystiedot:", SectionKind.CONTROLLER),
            ("2 Yhteyshenkilö rekisteriä koskevissa asioissa", SectionKind.CONTACT),
            ("Registrets namn", SectionKind.NAME),
            ("4) Henkilötietojen käsittelyn tarkoitus ja oikeusperuste", SectionKind.PURPOSES),
            ("Ändamålet med behandlingen av personuppgifter", SectionKind.PURPOSES),
            ("REKISTERIN TIETOSISÄLTÖ", SectionKind.CONTENT),
            ("Regelmässiga uppgiftskällor", SectionKind.SOURCES),
            ("Tietojen säännönmukaiset luovutukset ja tietojen siirto EU:n ulkopuolelle",
             SectionKind.DISCLOSURES),
            ("8. Tietojen siirto EU:n tai ETA:n ulkopuolelle", SectionKind.TRANSFERS),
            ("Överföring av uppgifter utanför EU eller EES", SectionKind.TRANSFERS),
            ("B: ATK:lla käsiteltävät tiedot", SectionKind.SECURITY_ELECTRONIC),
            ("Principerna för skydd av registret", SectionKind.SECURITY),
            ("Tietojen säilytysaika", SectionKind.RETENTION),
            ("Rätt till insyn", SectionKind.ACCESS),
            ("11. Oikeus vaatia tiedon korjaamista", SectionKind.RECTIFICATION),
            ("Rekisteröidyn oikeudet", SectionKind.OTHER_RIGHTS),
            ("Evästeet", SectionKind.COOKIES),
            ("Henkilötietolain 10 §:n mukainen rekisteriseloste", SectionKind.TITLE),
        ],
    )  # fmt: skip
    def test_recognised(self, heading: str, kind: SectionKind) -> None:
        """Old-form headings and their variants are recognised, numbered or not."""
        assert recognise(heading) is kind

    @pytest.mark.parametrize(
        "line",
        ["Asiakasrekisteri", "Rekisteriin tallennettuja tietoja käytetään", "x" * 300, ""],
    )
    def test_not_headings(self, line: str) -> None:
        """Values and sentences are not headings."""
        assert recognise(line) is None

    def test_heading_over_lines(self) -> None:
        """A heading broken over lines (as copied from a PDF) is one heading."""
        result = import_notice(
            "Henkilötietojen käsittelyn\ntarkoitus\n\nTietoja käytetään laskutukseen.\n",
            html=False,
        )
        assert [p.name.fi for p in result.draft.purposes] == ["Laskutus"]

    def test_inline_heading(self) -> None:
        """A heading followed by its value on the same line ("Rekisterin nimi: X") is read."""
        result = import_notice("Rekisterin nimi: Jäsenrekisteri\n", html=False)
        assert result.draft.name is not None
        assert result.draft.name.fi == "Jäsenrekisteri"

    def test_unrecognised_heading(self) -> None:
        """A short line that looks like a heading but is not known is reported (I001)."""
        result = import_notice("Asiakaspalautteet\n\nPalautteet käsitellään nopeasti.\n")
        assert "I001" in [f.code for f in result.findings]
        assert [p.text for p in result.unmatched] == [
            "Asiakaspalautteet",
            "Palautteet käsitellään nopeasti.",
        ]

    def test_no_headings(self) -> None:
        """A text without any known heading is reported as free text (I004)."""
        result = import_notice("Jotain aivan muuta.\n")
        assert "I004" in [f.code for f in result.findings]


class TestFinnish:
    @pytest.mark.parametrize(
        ("item", "nominative"),
        [
            ("laskutukseen", "Laskutus"),
            ("tekniseen tukeen", "Tekninen tuki"),
            ("asiakassuhteiden hoitoon", "Asiakassuhteiden hoito"),
            ("palvelujen tuottamiseksi", "Palvelujen tuottaminen"),
            ("muuhun yhteydenpitoon", "Muu yhteydenpito"),
            ("suoramarkkinointiin", "Suoramarkkinointi"),
        ],
    )
    def test_noun_phrase(self, item: str, nominative: str) -> None:
        """Illative and translative phrases are turned into the nominative."""
        assert noun_phrase(item, search=False) == nominative

    def test_nominative_left_alone(self) -> None:
        """A phrase already in the nominative is not changed (no rule applies)."""
        assert noun_phrase("asiakassuhteen hoito", search=False) is None

    def test_lists(self) -> None:
        """A "sekä" list with an inner "ja" group keeps the group as one purpose."""
        assert purposes_in(
            "Käyttötarkoitus on rekisterin ylläpitäminen, toimeksiantojen hallinnointi, "
            "arkistointi ja käsittely sekä asiakassuhteen hoitaminen."
        ) == [
            "Rekisterin ylläpitäminen",
            "Toimeksiantojen hallinnointi, arkistointi ja käsittely",
            "Asiakassuhteen hoitaminen",
        ]

    def test_shared_prefix(self) -> None:
        """Two verbal nouns joined by "ja" share the modifier before them."""
        assert purposes_in("Tietoja käytetään palvelujen tuottamiseksi ja kehittämiseksi.") == [
            "Palvelujen tuottaminen",
            "Palvelujen kehittäminen",
        ]

    def test_sentences(self) -> None:
        """Sentences end at a full stop before a capital, not after an abbreviation."""
        text = "Katso esim. Fonecta. Tiedot 30.12.1997 ovat vanhoja. toinen"
        assert [text[s:e] for s, e in sentences(text, 0, len(text))] == [
            "Katso esim. Fonecta.",
            "Tiedot 30.12.1997 ovat vanhoja. toinen",
        ]

    def test_slugify(self) -> None:
        """Keys are ASCII, with ä → a, ö → o and å → a."""
        assert slugify("Åland-yhteistyö & höyry") == "aland-yhteistyo-hoyry"
        assert slugify("€€€") == ""


class TestFields:
    @pytest.mark.parametrize(
        "written",
        ["info(a)example.com", "info(at)example.com", "info [at] example.com", "info@example.com"],
    )
    def test_email_forms(self, written: str) -> None:
        """Obfuscated e-mail addresses are written out in full."""
        result = import_notice(f"Rekisterinpitäjä\n\nEsimerkki Oy\nSähköposti: {written}\n")
        contact = result.draft.controller.contact
        assert contact is not None
        assert contact.email == "info@example.com"

    def test_invalid_ytunnus(self) -> None:
        """A Y-tunnus with a wrong check digit is reported (I002) and left out of the draft."""
        result = import_notice("Rekisterinpitäjä\n\nEsimerkki Oy\nY-tunnus: 2077474-1\n")
        assert result.draft.controller.business_id is None
        [finding] = [f for f in result.findings if f.code == "I002"]
        assert finding.severity.value == "error"
        assert result.text[slice(*map(int, re.findall(r"[0-9]+", finding.path)))].endswith(
            "2077474-1"
        )

    def test_controller_on_one_line(self) -> None:
        """A controller on the heading's line, parts separated by commas, is read part by part."""
        result = import_notice(
            "1. Rekisterinpitäjä: Esimerkki Oy, Katu 1, 00100 Helsinki, puh. 09 123 4567\n"
        )
        controller = result.draft.controller
        assert controller.name == "Esimerkki Oy"
        assert controller.address is not None
        assert (controller.address.street, controller.address.town) == ("Katu 1", "Helsinki")
        assert controller.contact is not None
        assert controller.contact.phone == "09 123 4567"
        assert result.coverage == 1.0

    def test_comma_parts_nothing_takes_stay_unmatched(self) -> None:
        """Parts of a comma line that no field takes are listed, not silently dropped."""
        result = import_notice(
            "Rekisterinpitäjä\n\nNimi: Esimerkki Oy\n"
            "Yhteyshenkilö Matti Meikäläinen, hetu 010594Y9032, puh 040 123 4567\n"
        )
        # the person's phone is the contact person's, never the controller's own
        assert result.draft.controller.contact is None
        assert result.draft.contact_person is not None
        assert result.draft.contact_person.name == "Matti Meikäläinen"
        assert result.draft.contact_person.phone == "040 123 4567"
        unmatched = " ".join(passage.text for passage in result.unmatched)
        assert "hetu" in unmatched
        assert result.coverage < 1.0

    def test_legacy_ytunnus_padded(self) -> None:
        """A six-digit Y-tunnus is stored in its canonical form."""
        result = import_notice("Rekisterinpitäjä\n\nEsimerkki Oy\nY-tunnus 357502-9\n")
        assert result.draft.controller.business_id == "0357502-9"

    def test_conditional_transfer(self) -> None:
        """A transfer "unless necessary" is a transfer, not a statement that there are none."""
        result = import_notice(
            "Tietojen siirto EU:n tai ETA:n ulkopuolelle\n\n"
            "Tietoja ei siirretä EU:n ulkopuolelle, ellei se ole tarpeellista.\n"
        )
        assert len(result.draft.transfers) == 1
        assert NoneStated.TRANSFERS not in result.draft.none_stated

    def test_no_transfers(self) -> None:
        """The sentence "Tietoja ei siirretä EU:n ... ulkopuolelle" records that there are none."""
        result = import_notice("Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.\n")
        assert result.draft.none_stated == (NoneStated.TRANSFERS,)
        assert result.draft.transfers == ()

    def test_retention_period(self) -> None:
        """A period with its starting point becomes a computable rule."""
        result = import_notice(
            "Tietojen säilytysaika\n\nTiedot säilytetään kaksi vuotta viimeisestä yhteydenotosta.\n"
        )
        [rule] = result.draft.retention
        assert rule.computable
        assert rule.period is not None
        assert rule.period.years == 2

    def test_retention_while_customer(self) -> None:
        """Keeping data while the customer relationship lasts stays a description, with a remark."""
        result = import_notice(
            "Tietojen säilytysaika\n\n"
            "Tiedot säilytetään niin kauan kuin asiakassuhde on voimassa.\n"
        )
        [rule] = result.draft.retention
        assert (rule.period, rule.trigger) == (None, None)
        assert "end_of_customer_relationship" in result.notes["retention[0]"][0]

    def test_sentence_about_a_purpose(self) -> None:
        """A sentence elsewhere about one known purpose becomes that purpose's description."""
        result = import_notice(
            "Rekisterin käyttötarkoitus\n\nTietoja käytetään laskutukseen ja markkinointiin.\n\n"
            "Tietojen säilytysaika\n\n"
            "Asiakastietoja voidaan käyttää markkinointiviestintään vain omassa toiminnassa.\n"
        )
        laskutus, markkinointi = result.draft.purposes
        assert laskutus.description is None
        assert markkinointi.description is not None
        assert markkinointi.description.fi.startswith("Asiakastietoja voidaan käyttää")
        assert result.draft.retention == ()

    def test_provision_requirement(self) -> None:
        """A section on whether providing the data is required fills provision_requirement."""
        result = import_notice(
            "Onko tietojen antaminen pakollista\n\nTietojen antaminen on sopimuksen edellytys.\n"
        )
        assert result.draft.provision_requirement is not None
        assert (
            result.draft.provision_requirement.fi == "Tietojen antaminen on sopimuksen edellytys."
        )

    def test_rights(self) -> None:
        """The rights that a rights section speaks of are listed, in the model's order."""
        result = import_notice(
            "Tarkastusoikeus\n\nRekisteröidyllä on oikeus tarkastaa tietonsa ja kieltää "
            "suoramarkkinointi. Virheellinen tieto korjataan.\n"
        )
        assert result.draft.rights == (Right.ACCESS, Right.RECTIFICATION, Right.OBJECT)
        assert result.draft.rights_exercise is not None

    def test_catalog_sources(self) -> None:
        """Sources named in the text are matched against the catalog."""
        result = import_notice(
            "Säännönmukaiset tietolähteet\n\n- Fonecta Oy\n- Suomen Numeropalvelu Oy\n"
            "- Postin osoitepalvelu\n- omat kirjanpitomme\n"
        )
        keys = [source.key for source in result.draft.sources]
        assert keys[:3] == ["fonecta", "suomen-numeropalvelu", "posti-osoitepalvelu"]
        assert len(keys) == 4

    def test_keys_unique(self) -> None:
        """Purposes whose names make the same slug get distinct keys; a repeated one is merged."""
        result = import_notice(
            "Rekisterin käyttötarkoitus\n\n- Markkinointi\n- Markkinointi!\n- Märkkinointi\n"
            "- markkinointi\n"
        )
        keys = [purpose.key for purpose in result.draft.purposes]
        assert keys == ["markkinointi", "markkinointi-2", "markkinointi-3"]

    def test_swedish(self) -> None:
        """A Swedish notice is read by its headings, and reported as Swedish (I012)."""
        result = import_notice(
            "Registeransvarig\n\nExempel Ab\nFO-nummer: 2077474-0\n\n"
            "Ändamålet med behandlingen av personuppgifter\n\n- Fakturering\n- Marknadsföring\n\n"
            "Överföring av uppgifter utanför EU eller EES\n\n"
            "Uppgifter överförs inte till länder utanför EU eller EES och de lämnas inte ut "
            "till andra än de som sköter tjänsten för att det är så.\n"
        )
        assert result.draft.controller.business_id == "2077474-0"
        assert [p.name.fi for p in result.draft.purposes] == ["Fakturering", "Marknadsföring"]
        assert NoneStated.TRANSFERS in result.draft.none_stated
        assert "I012" in [f.code for f in result.findings]


class TestFindings:
    def test_codes_documented(self) -> None:
        """Every importer code has a message in Finnish, Swedish and English."""
        for code, (_, fi, sv, en) in CODES.items():
            assert re.fullmatch(r"I[0-9]{3}", code)
            assert fi
            assert sv
            assert en

    @pytest.mark.parametrize("locale", ["fi", "sv", "en"])
    def test_locale(self, locale: str) -> None:
        """Messages are in the locale asked for."""
        result = import_notice("Jotain aivan muuta.\n", locale=locale)
        message = next(f.message for f in result.findings if f.code == "I004")
        assert message == CODES["I004"][{"fi": 1, "sv": 2, "en": 3}[locale]]

    def test_outdated_once(self) -> None:
        """An outdated reference is reported once, at its place in the text."""
        result = import_notice("Tarkoitus\n\nTietoja käsitellään henkilötietolain mukaan.\n")
        outdated = [f for f in result.findings if f.code == "R301"]
        assert len(outdated) == 1
        assert outdated[0].path.startswith("text[")


class TestToml:
    @pytest.mark.parametrize("name", sorted(p.name for p in LEGACY.glob("*-*.*")))
    def test_fixtures_round_trip(self, name: str, tmp_path: Path) -> None:
        """The TOML draft of every fixture loads back to an equal register, with comments."""
        result = import_bytes((LEGACY / name).read_bytes())
        assert_round_trip(result, tmp_path)
        text = to_toml(result.draft, notes=result.notes)
        assert "# importer unsure:" in text


class TestHtml:
    def test_label_cells(self) -> None:
        """A table of label | value cells fills the controller and the DPO, not new sections."""
        result = import_notice(
            "<table><tr><th colspan=2>Rekisterinpitäjä</th></tr>"
            "<tr><td>Nimi</td><td>Esimerkki Oy</td></tr>"
            "<tr><td>Y-tunnus</td><td>2077474-0</td></tr>"
            "<tr><td>Osoite</td><td>Katu 1, 00100 Helsinki</td></tr>"
            "<tr><th colspan=2>Tietosuojavastaava</th></tr>"
            "<tr><td>Sähköposti</td><td>tsv(a)example.com</td></tr></table>"
        )
        controller = result.draft.controller
        assert (controller.name, controller.business_id) == ("Esimerkki Oy", "2077474-0")
        assert controller.dpo is not None
        assert controller.dpo.email == "tsv@example.com"
        assert result.unmatched == ()

    def test_headings_and_definition_lists(self) -> None:
        """<h2>, <dt> and all-bold paragraphs are headings; <br> and <li> keep lines apart."""
        result = import_notice(
            "<h2>Rekisterin käyttötarkoitus</h2><p>Tietoja käytetään <b>laskutukseen</b>.</p>"
            "<dl><dt>Tietolähteet</dt><dd>Tiedot saadaan asiakkaalta itseltään.</dd>"
            "<dt>Tietojen säilytysaika</dt>"
            "<dd>Tietoja säilytetään kaksi vuotta asiakassuhteen päättymisestä.</dd></dl>"
            "<p><strong>Rekisterin tietosisältö</strong></p><ul><li>Nimi<li>Puhelinnumero</ul>"
        )
        draft = result.draft
        assert [p.name.fi for p in draft.purposes] == ["Laskutus"]
        assert [s.key for s in draft.sources] == ["data-subject"]
        assert draft.retention[0].computable
        assert [c.name.fi for c in draft.data_categories] == ["Nimi", "Puhelinnumero"]
        assert result.coverage == 1.0

    def test_offsets_refer_to_text_content(self) -> None:
        """For HTML, offsets are into the text content, which has no markup."""
        result = import_notice("<p>Rekisterin nimi</p><p>J&auml;senrekisteri</p>")
        assert "<" not in result.text
        [name] = [m for m in result.mapped if m.field == "name"]
        assert result.text[name.start : name.end] == "Jäsenrekisteri"
