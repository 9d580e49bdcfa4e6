"""Review fixes of the notices' wording: terms, grammar and content in fi/sv/en.

Each test pins one defect found in a language review of the rendered notices
and records (the word that was wrong is named in the docstring).
"""

from __future__ import annotations

import re
from datetime import date

import attrs
import pytest

from rekisteri.model import (
    AutomatedDecision,
    Cookie,
    DataCategory,
    Duration,
    Lang,
    LegalBasis,
    LocalizedText,
    NoneStated,
    Purpose,
    RetentionRule,
    RetentionTrigger,
    Right,
    SecurityKind,
    SecurityMeasure,
    Source,
    Transfer,
)
from rekisteri.render import _i18n, render_notice, render_record
from rekisteri.testing import a_register


def _lt(fi: str, sv: str, en: str) -> LocalizedText:
    return LocalizedText(fi=fi, sv=sv, en=en)


_SECURITY = tuple(
    SecurityMeasure(kind=kind, description=_lt("Suojaus", "Skydd", "Protection"))
    for kind in (SecurityKind.TECHNICAL, SecurityKind.ORGANISATIONAL, SecurityKind.PHYSICAL)
)


class TestSecurityTerms:
    """Security measures (Art 32) are not the safeguards of a transfer (Art 46)."""

    @pytest.mark.parametrize(
        ("locale", "word", "transfer_word"),
        [("fi", "turvatoimet", "suojatoimet"), ("sv", "säkerhetsåtgärder", "skyddsåtgärder")],
    )
    def test_sub_headings_use_the_art_30_term(
        self, locale: str, word: str, transfer_word: str
    ) -> None:
        """The kinds of measures use the word of the record's item (g), not the Art 46 word."""
        register = a_register(security=_SECURITY)
        for text in (
            render_notice(register, locale=locale),
            render_record(register, locale=locale),
        ):
            headings = re.findall(r"^### (Tekni.+|Organi.+|Fy.+)$", text, flags=re.MULTILINE)
            assert len(headings) == 3
            assert all(heading.endswith(word) for heading in headings), headings
            assert transfer_word not in "\n".join(headings)


class TestTransfers:
    """The label of a transfer's legal ground."""

    @pytest.mark.parametrize(
        ("locale", "label"),
        [("fi", "Siirron peruste:"), ("sv", "Grund för överföringen:"), ("en", "Basis for the")],
    )
    def test_same_label_in_every_language(self, locale: str, label: str) -> None:
        """An adequacy decision is a basis, not a "safeguard": en says what fi and sv say."""
        register = a_register(transfers=(Transfer(),))
        text = render_notice(register, locale=locale)
        assert label in text
        assert "Safeguard" not in text


class TestSources:
    """Art 14(2)(f): whether the source is publicly accessible."""

    @pytest.mark.parametrize(
        ("public", "sentence"),
        [
            (True, "Yleisesti saatavilla oleva lähde."),
            (False, "Lähde ei ole yleisesti saatavilla."),
        ],
    )
    def test_finnish_uses_the_gdpr_word(self, *, public: bool, sentence: str) -> None:
        """Finnish says "yleisesti saatavilla" as Art 14(2)(f) and the linter's R202 do."""
        source = Source(key="x", name=LocalizedText(fi="Lähde"), publicly_accessible=public)
        text = render_notice(a_register(sources=(source,)))
        assert sentence in text
        assert "julkisesti" not in text


class TestCategories:
    """How data categories are named in lists and notes."""

    def test_criminal_note_is_a_noun_phrase(self) -> None:
        """The Art 10 note is in the nominative like the other notes, not a bare partitive."""
        category = DataCategory(key="c", name=LocalizedText(fi="Rikostiedot"), criminal=True)
        text = render_notice(a_register(data_categories=(category,)))
        assert "(rikostuomioihin ja rikkomuksiin liittyvät henkilötiedot)" in text
        assert "liittyviä tietoja" not in text

    @pytest.mark.parametrize("locale", ["fi", "sv", "en"])
    def test_names_in_a_table_cell_are_not_joined_as_a_sentence(self, locale: str) -> None:
        """Capitalised names are listed with commas, not "Yhteystiedot ja Henkilötunnus"."""
        categories = (
            DataCategory(key="a", name=_lt("Yhteystiedot", "Kontaktuppgifter", "Contacts")),
            DataCategory(key="b", name=_lt("Tilaukset", "Beställningar", "Orders")),
        )
        purpose = Purpose(
            key="p",
            name=_lt("Myynti", "Försäljning", "Sales"),
            legal_basis=LegalBasis.CONTRACT,
            data_categories=("a", "b"),
        )
        rule = RetentionRule(data_categories=("a", "b"), statute="kirjanpitolaki 1336/1997")
        register = a_register(data_categories=categories, purposes=(purpose,), retention=(rule,))
        for text in (
            render_notice(register, locale=locale),
            render_record(register, locale=locale),
        ):
            rows = [line for line in text.splitlines() if line.startswith("| ")]
            cells = [
                row
                for row in rows
                if "Tilaukset" in row or "Beställningar" in row or "Orders" in row
            ]
            assert len(cells) == 2
            for row in cells:
                assert re.search(
                    r"(Yhteystiedot|Kontaktuppgifter|Contacts), (Tilaukset|Beställningar|Orders)",
                    row,
                )
                assert not re.search(r" (ja|och|and) (Tilaukset|Beställningar|Orders)", row)


class TestRetention:
    """Art 13(2)(a): the retention period is shown with what the register knows."""

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("fi", "30 päivää 1. tammikuuta 2027 lukien"),
            ("sv", "30 dagar från och med den 1 januari 2027"),
            ("en", "30 days from 1 January 2027"),
        ],
    )
    def test_fixed_date_is_shown(self, locale: str, expected: str) -> None:
        """A rule counted from a fixed date names the date, not "from a fixed date"."""
        rule = RetentionRule(
            period=Duration(days=30),
            trigger=RetentionTrigger.FIXED_DATE,
            fixed_date=date(2027, 1, 1),
        )
        register = a_register(retention=(rule,))
        assert expected in render_notice(register, locale=locale)
        assert expected in render_record(register, locale=locale)

    def test_fixed_date_trigger_without_a_date_keeps_the_words(self) -> None:
        """Without a date (each record has its own), the trigger is still said in words."""
        rule = RetentionRule(period=Duration(days=30), trigger=RetentionTrigger.FIXED_DATE)
        assert "30 päivää määrätystä päivästä lukien" in render_notice(
            a_register(retention=(rule,))
        )


class TestWithdrawal:
    """Art 13(2)(c): the notice says how consent is withdrawn."""

    @pytest.mark.parametrize(
        ("locale", "sentence"),
        [
            ("fi", "Suostumuksen voi peruuttaa kohdassa {n} kuvatulla tavalla."),
            ("sv", "Samtycket kan återkallas på det sätt som beskrivs i avsnitt {n}."),
            ("en", "Consent can be withdrawn in the way described in section {n}."),
        ],
    )
    def test_points_to_the_rights_section(self, locale: str, sentence: str) -> None:
        """The sentence names the number of the section on exercising the rights."""
        purpose = Purpose(
            key="news",
            name=_lt("Uutiskirje", "Nyhetsbrev", "Newsletter"),
            legal_basis=LegalBasis.CONSENT,
        )
        register = a_register(
            purposes=(purpose,), rights=(Right.ACCESS, Right.WITHDRAW_CONSENT, Right.COMPLAINT)
        )
        text = render_notice(register, locale=locale)
        rights_heading = {
            "fi": "Rekisteröidyn oikeudet",
            "sv": "Den registrerades rättigheter",
            "en": "Rights of the data subject",
        }[locale]
        match = re.search(rf"^## (\d+)\. {rights_heading}$", text, flags=re.MULTILINE)
        assert match is not None
        assert sentence.format(n=match.group(1)) in text

    def test_consent_purposes_are_a_list(self) -> None:
        """The purposes based on consent are bullets, not "Uutiskirje ja Allergiat."."""
        purposes = tuple(
            Purpose(key=key, name=LocalizedText(fi=name), legal_basis=LegalBasis.CONSENT)
            for key, name in (("a", "Uutiskirje"), ("b", "Allergiat"))
        )
        register = a_register(purposes=purposes, rights=(Right.WITHDRAW_CONSENT,))
        text = render_notice(register)
        assert (
            "Suostumukseen perustuvat käsittelyn tarkoitukset:\n\n- Uutiskirje\n- Allergiat" in text
        )


def test_automated_decision_uses_the_gdpr_finnish_term() -> None:
    """Art 13(2)(f) in Finnish speaks of "mahdolliset seuraukset", not "todennäköiset"."""
    decision = AutomatedDecision(
        description=LocalizedText(fi="Luottopäätös"),
        logic=LocalizedText(fi="Pisteytys"),
        significance=LocalizedText(fi="Laskulla maksaminen estyy"),
    )
    text = render_notice(
        a_register(automated_decisions=(decision,), none_stated=(NoneStated.COOKIES,))
    )
    assert "Merkitys ja mahdolliset seuraukset rekisteröidylle:" in text
    assert "todennäköiset" not in text


class TestCookies:
    """The cookie table's column for what a cookie is used for."""

    @pytest.mark.parametrize(
        ("locale", "header"),
        [
            ("fi", "| Eväste | Asettaja | Käyttötarkoitus |"),
            ("sv", "| Kaka | Leverantör | Ändamål |"),
            ("en", "| Cookie | Provider | Purpose |"),
        ],
    )
    def test_purpose_column_is_named_for_a_cookie(self, locale: str, header: str) -> None:
        """A cookie has a "käyttötarkoitus"; "käsittelyn tarkoitus" is a purpose of processing."""
        cookie = Cookie(name="sid", purpose=LocalizedText(fi="Istunto"), strictly_necessary=True)
        text = render_notice(
            a_register(cookies=(cookie,), none_stated=(NoneStated.AUTOMATED_DECISIONS,)),
            locale=locale,
        )
        assert header in text

    def test_context_message_missing_from_a_catalog_falls_back_to_finnish(self) -> None:
        """A message with a context falls back to Finnish with the marker, like any other."""
        texts = _i18n.Texts(Lang.SV)
        fallback = _i18n._FinnishFallback(_i18n._load(Lang.FI), "[på finska]")
        assert fallback.pgettext("cookie", "Purpose") == "Käyttötarkoitus [på finska]"
        assert texts.pgettext("cookie", "Purpose") == "Ändamål"


def test_no_automated_decisions_sentence_says_which_decisions() -> None:
    """The word "sellaiseen" ties the relative clause to the decision-making, not to profiling."""
    register = a_register(none_stated=(NoneStated.AUTOMATED_DECISIONS,))
    assert (
        "ei käytetä sellaiseen automaattiseen päätöksentekoon, profilointi mukaan lukien, jolla"
        in (render_notice(register))
    )


@pytest.mark.parametrize(
    ("locale", "sentence"),
    [
        ("fi", "Tiedot siirretään pois aktiivisesta käytöstä jakson alkaessa ja poistetaan"),
        ("sv", "Uppgifterna tas ur aktiv användning när perioden börjar och raderas"),
        ("en", "The data are taken out of active use when the period starts and erased"),
    ],
)
def test_passivation_is_shown(locale: str, sentence: str) -> None:
    """A rule that passivates the data at its trigger says so in the retention period."""
    rule = RetentionRule(
        period=Duration(years=2),
        trigger=RetentionTrigger.END_OF_CUSTOMER_RELATIONSHIP,
        passivate=True,
    )
    register = a_register(retention=(rule,))
    assert sentence in render_notice(register, locale=locale)
    assert sentence in render_record(register, locale=locale)
    plain = a_register(retention=(attrs.evolve(rule, passivate=False),))
    assert sentence not in render_notice(plain, locale=locale)
