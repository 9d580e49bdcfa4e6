"""Tests for rekisteri.render: notices and Art 30 records in fi/sv/en, md/html/text."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri import sources
from rekisteri.errors import InvalidValueError, RekisteriError
from rekisteri.model import (
    Address,
    Authority,
    AutomatedDecision,
    ContactPoint,
    Controller,
    Cookie,
    DataCategory,
    DataSubjectCategory,
    Duration,
    LegalBasis,
    LocalizedText,
    NoneStated,
    Processor,
    Purpose,
    Recipient,
    Register,
    Representative,
    RetentionRule,
    RetentionTrigger,
    Right,
    SecurityKind,
    SecurityMeasure,
    Source,
    SpecialCategory,
    Transfer,
    TransferMechanism,
)
from rekisteri.render import FORMATS, LOCALES, render_notice, render_record
from rekisteri.testing.strategies import registers

try:
    from markdown_it import MarkdownIt
except ImportError:  # pragma: no cover - markdown-it-py comes with the docs extra
    MarkdownIt = None  # type: ignore[assignment,misc] # the tests that need it check

if TYPE_CHECKING:
    from collections.abc import Callable

RENDERERS = (render_notice, render_record)


def full_register(text: Callable[[str], str]) -> Register:
    """A register in which every text field is filled, each with ``text(field name)``."""

    def lt(name: str) -> LocalizedText:
        return LocalizedText(fi=text(f"{name}.fi"), sv=text(f"{name}.sv"), en=text(f"{name}.en"))

    def contact(name: str) -> ContactPoint:
        return ContactPoint(
            name=text(f"{name}.name"),
            # Not a text field: the model refuses an address with spaces or '?' in it.
            email=name.replace(".", "-").replace("_", "-") + "@example.fi",
            phone=text(f"{name}.phone"),
            address=Address(
                street=text(f"{name}.street"), postal_code="00100", town=text(f"{name}.town")
            ),
            url=text(f"{name}.url"),
        )

    return Register(
        controller=Controller(
            name=text("controller.name"),
            business_id="2077474-0",
            address=Address(
                street=text("controller.street"),
                postal_code=text("controller.postal_code"),
                town=text("controller.town"),
                country="SE",
            ),
            contact=contact("controller.contact"),
            representative=Representative(
                name=text("representative.name"), contact=contact("representative.contact")
            ),
            dpo=contact("dpo"),
        ),
        name=lt("register.name"),
        description=lt("register.description"),
        contact_person=contact("contact_person"),
        data_subjects=(
            DataSubjectCategory(
                key="customers", name=lt("subject.name"), description=lt("subject.description")
            ),
        ),
        data_categories=(
            DataCategory(
                key="health",
                name=lt("category.name"),
                description=lt("category.description"),
                special=SpecialCategory.HEALTH,
                criminal=True,
                personal_identity_code=True,
            ),
        ),
        purposes=(
            Purpose(
                key="care",
                name=lt("purpose.name"),
                legal_basis=LegalBasis.LEGITIMATE_INTERESTS,
                legitimate_interest=lt("purpose.interest"),
                description=lt("purpose.description"),
                data_categories=("health",),
                special_category_condition=text("purpose.condition"),
                direct_marketing=True,
            ),
            Purpose(key="news", name=lt("consent.name"), legal_basis=LegalBasis.CONSENT),
        ),
        sources=(
            sources.DATA_SUBJECT,
            Source(
                key="other",
                name=lt("source.name"),
                operator=lt("source.operator"),
                business_id="0111027-9",
                data=lt("source.data"),
                publicly_accessible=True,
            ),
        ),
        recipients=(
            Recipient(
                description=lt("recipient.description"),
                name=text("recipient.name"),
                business_id="0111027-9",
                country="US",
            ),
        ),
        processors=(
            Processor(
                name=text("processor.name"),
                service=lt("processor.service"),
                business_id="1755007-6",
                country="IE",
            ),
        ),
        transfers=(
            Transfer(
                destination="US",
                mechanism=TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
                recipient=text("transfer.recipient"),
                description=lt("transfer.description"),
                safeguard_copy=lt("transfer.copy"),
            ),
        ),
        retention=(
            RetentionRule(
                data_categories=("health",),
                period=Duration(years=6, months=1, days=2),
                trigger=RetentionTrigger.END_OF_CALENDAR_YEAR_OF_FINANCIAL_YEAR_END,
                statute=text("retention.statute"),
                description=lt("retention.description"),
            ),
        ),
        security=(
            SecurityMeasure(description=lt("security.description"), kind=SecurityKind.TECHNICAL),
            SecurityMeasure(description=lt("security.general")),
        ),
        rights=(*Register(controller=Controller()).rights, Right.WITHDRAW_CONSENT),
        rights_exercise=lt("rights_exercise"),
        provision_requirement=lt("provision_requirement"),
        automated_decisions=(
            AutomatedDecision(
                description=lt("adm.description"),
                logic=lt("adm.logic"),
                significance=lt("adm.significance"),
            ),
        ),
        cookies=(
            Cookie(
                name=text("cookie.name"),
                purpose=lt("cookie.purpose"),
                provider=text("cookie.provider"),
                duration=text("cookie.duration"),
                country="US",
            ),
        ),
        complaint_authority=Authority(name=lt("authority.name"), contact=contact("authority")),
        updated=date(2026, 11, 25),
    )


def fi_only(register: Register) -> Register:
    """*register* with the Swedish and English texts of its name and purposes removed."""
    return attrs.evolve(
        register,
        name=LocalizedText(fi="Asiakasrekisteri"),
        purposes=tuple(
            attrs.evolve(p, name=LocalizedText(fi=p.name.fi)) for p in register.purposes
        ),
    )


SMALL = Register(
    controller=Controller(
        name="Esimerkki Oy",
        business_id="2077474-0",
        contact=ContactPoint(email="tietosuoja@example.fi"),
    ),
    name=LocalizedText(fi="Asiakasrekisteri", sv="Kundregister", en="Customer register"),
    data_categories=(
        DataCategory(key="contact", name=LocalizedText(fi="Yhteystiedot", sv="Kontaktuppgifter")),
    ),
    purposes=(
        Purpose(
            key="billing",
            name=LocalizedText(fi="Laskutus", sv="Fakturering", en="Invoicing"),
            legal_basis=LegalBasis.CONTRACT,
            data_categories=("contact",),
        ),
    ),
    retention=(
        RetentionRule(
            period=Duration(years=6),
            trigger=RetentionTrigger.END_OF_CALENDAR_YEAR_OF_FINANCIAL_YEAR_END,
            statute="kirjanpitolaki 1336/1997 2:10",
        ),
    ),
    none_stated=(NoneStated.TRANSFERS, NoneStated.AUTOMATED_DECISIONS),
)


def _text_of_html(document: str) -> str:
    """The text content of an HTML document, white space collapsed."""
    root = ET.fromstring(document)  # noqa: S314 - our own output, no entities declared
    return " ".join("".join(root.itertext()).split())


class TestArguments:
    def test_unknown_locale(self) -> None:
        """An unknown locale is a typed ValueError naming the choices."""
        with pytest.raises(InvalidValueError, match="fi, sv, en"):
            render_notice(SMALL, locale="de")

    def test_unknown_format(self) -> None:
        """An unknown format is a typed ValueError naming the choices."""
        with pytest.raises(InvalidValueError, match="md, html, text"):
            render_record(SMALL, format="pdf")  # type: ignore[arg-type] # the point of the test

    def test_errors_are_rekisteri_errors(self) -> None:
        """Bad arguments raise a RekisteriError that is also a ValueError."""
        with pytest.raises(RekisteriError):
            render_notice(SMALL, locale="")
        with pytest.raises(ValueError, match="locale"):
            render_notice(SMALL, locale="FI")


class TestLanguage:
    @pytest.mark.parametrize(
        ("locale", "title", "heading"),
        [
            (
                "fi",
                "# Tietosuojaseloste",
                "Henkilötietojen käsittelyn tarkoitukset ja oikeusperuste",
            ),
            (
                "sv",
                "# Dataskyddsbeskrivning",
                "Ändamålen med behandlingen och den rättsliga grunden",
            ),
            ("en", "# Privacy notice", "Purposes of processing and legal basis"),
        ],
    )
    def test_titles_and_headings(self, locale: str, title: str, heading: str) -> None:
        """The title and the headings are in the requested language."""
        text = render_notice(SMALL, locale=locale)
        assert text.startswith(title + "\n")
        assert f"## 2. {heading}\n" in text

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("fi", "sopimus (6 artiklan 1 kohdan b alakohta)"),
            ("sv", "avtal (artikel 6.1 b)"),
            ("en", "contract (Article 6(1)(b))"),
        ],
    )
    def test_legal_basis_with_article(self, locale: str, expected: str) -> None:
        """The legal basis is named with its Art 6(1) point in the language's style."""
        assert expected in render_notice(SMALL, locale=locale, format="text")

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("fi", "6 vuotta sen kalenterivuoden päättymisestä, jonka aikana tilikausi päättyi"),
            ("sv", "6 år från utgången av det kalenderår under vilket räkenskapsperioden gick ut"),
            ("en", "6 years from the end of the calendar year in which the financial year ended"),
        ],
    )
    def test_retention_period(self, locale: str, expected: str) -> None:
        """A retention period is written as a phrase with plural forms from the catalog."""
        text = render_notice(SMALL, locale=locale, format="html")
        assert expected in _text_of_html(text)

    def test_duration_parts_joined_as_a_list(self) -> None:
        """Years, months and days are joined with babel's list pattern of the language."""
        register = full_register(lambda name: f"x{name}")
        assert "6 vuotta, 1 kuukausi ja 2 päivää" in render_notice(register, format="text")
        assert "6 år, 1 månad och 2 dagar" in render_notice(register, locale="sv", format="text")

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [("fi", "25. marraskuuta 2026"), ("sv", "25 november 2026"), ("en", "25 November 2026")],
    )
    def test_updated_date(self, locale: str, expected: str) -> None:
        """The update date is formatted by babel for the language."""
        register = attrs.evolve(SMALL, updated=date(2026, 11, 25))
        assert expected in render_notice(register, locale=locale, format="text")

    def test_translated_register_text(self) -> None:
        """The register's own texts are shown in the requested language when they exist."""
        text = render_notice(SMALL, locale="en", format="text")
        assert "Invoicing" in text
        assert "Laskutus" not in text
        assert "Customer register" in text
        # The data category has no English name: Finnish, marked.
        assert "Yhteystiedot [in Finnish]" in text

    @pytest.mark.parametrize(("locale", "marker"), [("sv", "[på finska]"), ("en", "[in Finnish]")])
    def test_missing_translation_falls_back_to_finnish(self, locale: str, marker: str) -> None:
        """A text with no translation is shown in Finnish, with a visible marker."""
        text = render_notice(fi_only(SMALL), locale=locale, format="text")
        assert f"Laskutus {marker}" in text
        assert "Invoicing" not in text
        assert "Fakturering" not in text

    def test_fallback_is_marked_as_finnish_in_html(self) -> None:
        """In HTML a Finnish fallback text carries lang="fi" inside an sv document."""
        document = render_notice(fi_only(SMALL), locale="sv", format="html")
        root = ET.fromstring(document)  # noqa: S314 - our own output
        assert root.get("lang") == "sv"
        finnish = [e.text for e in root.iter("span") if e.get("lang") == "fi"]
        assert "Laskutus" in finnish
        assert any(e.get("class") == "rk-fallback" for e in root.iter("span"))

    def test_no_marker_in_finnish(self) -> None:
        """A Finnish document never needs a fallback marker."""
        text = render_notice(fi_only(SMALL), locale="fi", format="text")
        assert "[suomeksi]" not in text


class TestContent:
    def test_every_art13_heading(self) -> None:
        """A full register gives every section, numbered in article order."""
        text = render_notice(full_register(lambda name: f"t-{name}"), format="md")
        headings = re.findall(r"^## \d+\. (.+)$", text, flags=re.MULTILINE)
        assert headings == [
            "Rekisterinpitäjä ja yhteystiedot",
            "Tietosuojavastaavan yhteystiedot",
            "Henkilötietojen käsittelyn tarkoitukset ja oikeusperuste",
            "Oikeutetut edut",
            "Käsiteltävät henkilötietoryhmät",
            "Henkilötietojen vastaanottajat tai vastaanottajaryhmät",
            "Henkilötietojen siirto EU:n tai ETA:n ulkopuolelle",
            "Henkilötietojen säilytysaika",
            "Rekisteröidyn oikeudet",
            "Oikeus peruuttaa suostumus",
            "Oikeus tehdä valitus valvontaviranomaiselle",
            "Mistä henkilötiedot on saatu",
            "Onko tietojen antaminen pakollista",
            "Automaattinen päätöksenteko ja profilointi",
            "Henkilötietojen suojaaminen",
            "Evästeet",
        ]

    def test_every_text_field_is_shown(self) -> None:
        """Every text of a full register appears in the notice or the record."""
        register = full_register(lambda name: f"T{name.replace('.', '_')}T")
        shown = render_notice(register, format="text") + render_record(register, format="text")
        names = set(re.findall(r"T([a-z_]+)T", repr(register)))
        expected = {name for name in names if not name.endswith(("_sv", "_en"))}
        assert len(expected) > 50
        assert expected - set(re.findall(r"T([a-z_]+)T", shown)) == set()

    def test_missing_items_are_marked(self) -> None:
        """Required items the register lacks are shown as [puuttuu], not left out silently."""
        text = render_notice(Register(controller=Controller()), format="text")
        sections = re.split(r"\n\d+\. ", text)
        missing = [s.splitlines()[0] for s in sections[1:] if "[puuttuu]" in s]
        assert missing == [
            "Rekisterinpitäjä ja yhteystiedot",
            "Henkilötietojen käsittelyn tarkoitukset ja oikeusperuste",
            "Henkilötietojen vastaanottajat tai vastaanottajaryhmät",
            "Henkilötietojen siirto EU:n tai ETA:n ulkopuolelle",
            "Henkilötietojen säilytysaika",
            "Rekisteröidyn oikeudet",
            "Onko tietojen antaminen pakollista",
            "Automaattinen päätöksenteko ja profilointi",
        ]

    def test_provision_requirement_only_under_art13(self) -> None:
        """Art 13(2)(e) is shown when data come from the person, not when all come from others."""
        direct = render_notice(Register(controller=Controller()), format="text")
        assert "Onko tietojen antaminen pakollista" in direct
        others = Register(
            controller=Controller(),
            sources=(Source(key="ytj", name=LocalizedText(fi="YTJ")),),
        )
        assert "Onko tietojen antaminen pakollista" not in render_notice(others, format="text")

    def test_missing_legal_basis_is_marked(self) -> None:
        """A purpose without a legal basis shows the marker in its basis cell."""
        register = attrs.evolve(
            SMALL, purposes=(Purpose(key="p", name=LocalizedText(fi="Markkinointi")),)
        )
        assert "| **Markkinointi** | *\\[puuttuu\\]* | – |" in render_notice(register)

    @pytest.mark.parametrize(
        ("locale", "sentence"),
        [
            ("fi", "Henkilötietoja ei siirretä EU:n tai ETA:n ulkopuolelle."),
            ("sv", "Personuppgifterna överförs inte till länder utanför EU eller EES."),
            ("en", "Personal data are not transferred outside the EU or the EEA."),
        ],
    )
    def test_none_stated(self, locale: str, sentence: str) -> None:
        """A part stated to be empty is said so in words, in the notice and the record."""
        assert sentence in render_notice(SMALL, locale=locale, format="text")
        assert sentence in render_record(SMALL, locale=locale, format="text")

    def test_art14_intro_only_with_third_party_sources(self) -> None:
        """The introduction cites Art 14 only when data come from other sources."""
        assert "13 artiklan mukaisesti" in render_notice(SMALL, format="text")
        with_source = attrs.evolve(SMALL, sources=(sources.YTJ,))
        text = render_notice(with_source, format="text")
        assert "13 ja 14 artiklan mukaisesti" in text
        assert "Mistä henkilötiedot on saatu" in text

    def test_consent_section_only_with_consent(self) -> None:
        """The withdrawal section appears only when a purpose is based on consent."""
        assert "Oikeus peruuttaa suostumus" not in render_notice(SMALL)
        register = full_register(lambda name: f"x{name}")
        assert "Oikeus peruuttaa suostumus" in render_notice(register)

    def test_direct_marketing_objection(self) -> None:
        """With a direct-marketing purpose, the absolute right to object is stated."""
        text = render_notice(full_register(lambda name: f"x{name}"), format="text")
        assert "perusteluja esittämättä vastustaa tietojensa käsittelyä suoramarkkinointia" in (
            " ".join(text.split())
        )

    def test_record_items_a_to_g(self) -> None:
        """The record has the items (a)–(g) of Art 30(1), in order."""
        text = render_record(SMALL, locale="en")
        letters = re.findall(r"^## ([a-g])\) ", text, flags=re.MULTILINE)
        assert letters == list("abcdefg")
        assert text.startswith("# Record of processing activities\n")

    def test_record_in_swedish(self) -> None:
        """The record's title and items are in Swedish."""
        text = render_record(SMALL, locale="sv")
        assert text.startswith("# Register över behandling\n")
        assert "## b) Ändamålen med behandlingen" in text


# ------------------------------------------------------------------ hostile text

# No control characters or lone surrogates: the model refuses them
# (rekisteri._validate.check_text).
HOSTILE = (
    "<script>alert('{n}')</script> **{n}** _x_ [l](javascript:alert(1)) | a | "
    "&amp; &#x3c; `c` ~~s~~ \\ # 1. - > {n} <!-- c --> ]]> \"q\" 'a'"
)
#: Texts that would start a list, a quote or a heading at the start of a line.
LINE_STARTS = ("- ", "1. ", "2) ", "# ", "> ", "+ ", "= ", "    ")


def _hostile(name: str) -> str:
    return HOSTILE.replace("{n}", name)


def _visible(name: str) -> str:
    """What the hostile text of *name* should look like when shown: cleaned, not interpreted."""
    cleaned = re.sub("[\x00\x1b\ud800]", "\ufffd", _hostile(name))
    return " ".join(cleaned.split())


class _Tags(HTMLParser):
    """Collects start tags and the href of every link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [value or "" for name, value in attrs if name == "href"]


def _field_names() -> list[str]:
    """The name of every text field that :func:`full_register` fills."""
    names: list[str] = []

    def record(name: str) -> str:
        names.append(name)
        return f"x{name}"

    full_register(record)
    return sorted(set(names))


HOSTILE_REGISTER = full_register(_hostile)
FIELD_NAMES = _field_names()


def _shown_in(locale: str) -> list[str]:
    """The fields whose text a notice in *locale* shows: plain strings and that language."""
    others = tuple(f".{lang}" for lang in LOCALES if lang != locale)
    return [name for name in FIELD_NAMES if not name.endswith(others)]


class TestHostileText:
    def test_fields_are_known(self) -> None:
        """The hostile register fills every text field (at least 80 of them)."""
        assert len(FIELD_NAMES) >= 80
        assert len(_shown_in("sv")) < len(FIELD_NAMES)

    @pytest.mark.parametrize("render", RENDERERS)
    @pytest.mark.parametrize("locale", LOCALES)
    def test_html_is_well_formed_and_shows_text(
        self, render: Callable[..., str], locale: str
    ) -> None:
        """HTML with hostile text in every field parses as XML, has no script, shows the text."""
        document = render(HOSTILE_REGISTER, locale=locale, format="html")
        text = _text_of_html(document)
        assert "script" not in {e.tag for e in ET.fromstring(document).iter()}  # noqa: S314
        parser = _Tags()
        parser.feed(document)
        assert "script" not in parser.tags
        assert not [h for h in parser.hrefs if not h.startswith(("https://", "mailto:"))]
        if render is render_notice:
            for name in _shown_in(locale):
                assert _visible(name) in text, name

    @pytest.mark.parametrize("render", RENDERERS)
    @pytest.mark.parametrize("locale", LOCALES)
    def test_markdown_escapes_everything(self, render: Callable[..., str], locale: str) -> None:
        """Hostile Markdown parses back to the same text: no raw HTML, no injected links."""
        markdown_it = pytest.importorskip("markdown_it")
        source = render(HOSTILE_REGISTER, locale=locale, format="md")
        md = markdown_it.MarkdownIt("commonmark").enable("table")
        tokens = md.parse(source)
        kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
        assert "html_block" not in kinds
        assert "html_inline" not in kinds
        rendered = md.render(source)
        parser = _Tags()
        parser.feed(rendered)
        assert "script" not in parser.tags
        assert not [h for h in parser.hrefs if not h.startswith(("https://", "mailto:"))]
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())
        if render is render_notice:
            for name in _shown_in(locale):
                assert _visible(name) in text, name

    @pytest.mark.parametrize("start", LINE_STARTS)
    def test_markdown_line_starts(self, start: str) -> None:
        """Text that would start a list, quote or heading stays text, also after a line break."""
        markdown_it = pytest.importorskip("markdown_it")
        register = full_register(lambda name: f"{start}{name} text")
        source = render_notice(register, locale="fi", format="md")
        rendered = markdown_it.MarkdownIt("commonmark").enable("table").render(source)
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())
        for name in _shown_in("fi"):
            assert f"{start.strip()} {name} text".strip() in text, name

    @pytest.mark.parametrize("locale", LOCALES)
    def test_text_shows_cleaned_text(self, locale: str) -> None:
        """Plain text shows hostile text as it is, with forbidden characters replaced."""
        text = " ".join(render_notice(HOSTILE_REGISTER, locale=locale, format="text").split())
        assert "\x00" not in text
        assert "\ud800" not in text
        for name in _shown_in(locale):
            assert _visible(name) in text, name


# ------------------------------------------------------------------ properties


class TestProperties:
    @given(register=registers(), locale=st.sampled_from(LOCALES))
    def test_any_register_renders_everywhere(self, register: Register, locale: str) -> None:
        """Any valid register renders in every format; HTML is well-formed, Markdown clean."""
        for render in RENDERERS:
            for fmt in FORMATS:
                out = render(register, locale=locale, format=fmt)
                assert out.endswith("\n")
                if fmt == "html":
                    root = ET.fromstring(out)  # noqa: S314 - our own output
                    assert root.get("lang") == locale
                    assert root.find("body/main/h1") is not None
                elif fmt == "md" and MarkdownIt is not None:
                    tokens = MarkdownIt("commonmark").enable("table").parse(out)
                    assert tokens[0].type == "heading_open"
                    assert not {t.type for t in tokens} & {"html_block", "code_block"}
                else:
                    assert all(
                        len(line) <= 78 or " " not in line.strip() for line in out.splitlines()
                    )
