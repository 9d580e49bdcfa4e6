"""The GDPR form's sections on automated decision-making and on cookies.

The notices below are short fictional ones written for the tests.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import ImportResult, import_notice
from rekisteri.importer._headings import SectionKind, guess, recognise
from rekisteri.model import NoneStated

HEAD = "Rekisterinpitäjä\n\nEsimerkki Oy\nY-tunnus: 2077474-0\n\n"
TAIL = "\n\nRekisterin käyttötarkoitus\n\nTietoja käytetään laskutukseen.\n"


def notice(heading: str, body: str) -> ImportResult:
    return import_notice(f"{HEAD}{heading}\n\n{body}{TAIL}")


def fields(result: ImportResult) -> list[str]:
    return [field for _, _, field in result.sections]


class TestAutomatedDecisionHeadings:
    @pytest.mark.parametrize(
        "heading",
        [
            "12. Automaattinen päätöksenteko ja profilointi",
            "Automaattinen päätöksenteko",
            "Automatisoitu päätöksenteko, mukaan lukien profilointi",
            "Profilointi",
            "Tiedot automaattisen päätöksenteon, ml. profiloinnin olemassaolosta",
            "Automatiserat beslutsfattande och profilering",
            "Förekomsten av automatiserat beslutsfattande, inbegripet profilering",
            "Automated decision-making and profiling",
            "Automated individual decision-making, including profiling",
            "Automatisoidut yksittäispäätökset, profilointi mukaan lukien",
            "Automatiskt beslutsfattande och profilering",
        ],
    )
    def test_the_forms_wordings(self, heading: str) -> None:
        """The GDPR form's heading in fi/sv/en, numbered or not."""
        assert recognise(heading) is SectionKind.AUTOMATED

    def test_a_question_is_read_by_its_words(self) -> None:
        """A question heading outside the table is guessed from its words."""
        assert recognise("Tehdäänkö automaattisia päätöksiä?") is None
        assert guess("Tehdäänkö automaattisia päätöksiä?") is SectionKind.AUTOMATED

    def test_electronic_security_is_not_automated_decisions(self) -> None:
        """The old form's 'automatically processed data' is a security heading."""
        assert recognise("B) Automaattisesti käsiteltävät tiedot") is (
            SectionKind.SECURITY_ELECTRONIC
        )
        assert guess("Automaattisesti käsitelty aineisto") is not SectionKind.AUTOMATED


class TestAutomatedDecisionNegatives:
    @pytest.mark.parametrize(
        ("heading", "body"),
        [
            (
                "Automaattinen päätöksenteko ja profilointi",
                "Rekisterinpitäjä ei tee automaattisia päätöksiä eikä profiloi asiakkaita.",
            ),
            ("Automaattinen päätöksenteko", "Automaattisia päätöksiä ei tehdä."),
            ("Profilointi", "Emme profiloi asiakkaitamme."),
            ("Automatiserat beslutsfattande och profilering", "Vi använder inte profilering."),
            ("Automated decision-making and profiling", "No automated decisions are made."),
            ("Automaattinen päätöksenteko", "Päätökset eivät perustu automaattiseen käsittelyyn."),
            ("Profilointi", "Automatisoituja yksittäispäätöksiä ei tehdä."),
            ("Profilering", "Automatiska beslut fattas inte."),
        ],
    )
    def test_a_negative_sentence_sets_none_stated(self, heading: str, body: str) -> None:
        """A sentence saying there are none sets none_stated and stays in the description."""
        result = notice(heading, body)
        assert NoneStated.AUTOMATED_DECISIONS in result.draft.none_stated
        assert result.draft.description is not None
        assert body in result.draft.description.fi
        assert fields(result) == ["controller", "automated_decisions", "purposes"]
        assert result.shares["in_field"] == 1.0

    @pytest.mark.parametrize("body", ["Ei.", "Ei ole", "Nej."])
    def test_a_bare_no_under_the_heading(self, body: str) -> None:
        """'Ei.' under the heading sets none_stated and adds nothing to the description."""
        result = notice("Automaattinen päätöksenteko ja profilointi", body)
        assert NoneStated.AUTOMATED_DECISIONS in result.draft.none_stated
        assert result.draft.description is None  # "Ei." alone says nothing there
        assert result.unmatched == ()

    def test_a_bare_no_elsewhere_says_nothing_of_it(self) -> None:
        """'Ei.' under another heading is not about automated decisions."""
        result = notice("Tietojen siirto EU:n ulkopuolelle", "Ei.")
        assert NoneStated.AUTOMATED_DECISIONS not in result.draft.none_stated

    def test_profiling_that_happens_is_kept_as_prose(self) -> None:
        """A description of profiling is not a negative: it is kept as prose."""
        body = "Ostohistoriaa profiloidaan kohdennettua markkinointia varten."
        result = notice("Automaattinen päätöksenteko", body)
        assert NoneStated.AUTOMATED_DECISIONS not in result.draft.none_stated
        assert result.draft.description is not None
        assert body in result.draft.description.fi

    def test_an_exception_is_not_a_negative(self) -> None:
        """'ei tehdä, paitsi …' has an exception: nothing is stated as none."""
        body = "Automaattisia päätöksiä ei tehdä, paitsi luottopäätöksissä."
        result = notice("Automaattinen päätöksenteko", body)
        assert NoneStated.AUTOMATED_DECISIONS not in result.draft.none_stated


class TestCookies:
    def test_name_and_purpose_lines(self) -> None:
        """One cookie a line: "name – purpose (duration)"; the prose is the cookie policy."""
        result = notice(
            "Evästeet",
            "Sivustolla käytetään seuraavia evästeitä:\n"
            "• _ga – kävijämäärien tilastointi (2 vuotta)\n"
            "• PHPSESSID: istunnon tunniste (istunto)\n"
            "• wp-settings-1 – käyttäjän asetukset\n\n"
            "Evästeet voi estää selaimen asetuksista.",
        )
        cookies = result.draft.cookies
        assert [(c.name, c.purpose.fi, c.duration) for c in cookies] == [
            ("_ga", "kävijämäärien tilastointi", "2 vuotta"),
            ("PHPSESSID", "istunnon tunniste", "istunto"),
            ("wp-settings-1", "käyttäjän asetukset", None),
        ]
        assert result.draft.cookie_policy is not None
        assert "selaimen asetuksista" in result.draft.cookie_policy.fi
        assert result.unmatched == ()
        assert [field for _, _, field in result.sections] == ["controller", "cookies", "purposes"]

    def test_a_table_in_text(self) -> None:
        """A header line "Eväste | Tarkoitus | Kesto" and rows split the same way."""
        result = notice(
            "Evästeet",
            "Eväste | Tarkoitus | Kesto\n_ga | Kävijätilastot | 2 vuotta\n"
            "cart_id | Ostoskori | istunto",
        )
        assert [(c.name, c.purpose.fi, c.duration) for c in result.draft.cookies] == [
            ("_ga", "Kävijätilastot", "2 vuotta"),
            ("cart_id", "Ostoskori", "istunto"),
        ]
        assert fields(result) == ["controller", "cookies", "purposes"]

    def test_label_lines(self) -> None:
        """A "Namn:" line starts a cookie; "Ändamål:", "Lagringstid:", "Leverantör:" fill it."""
        result = notice(
            "Kakor",
            "Namn: sessionid\nÄndamål: Inloggningen\nLagringstid: sessionen\n\n"
            "Namn: _stat\nÄndamål: Besöksstatistik\nLeverantör: Statistikbolaget",
        )
        assert [(c.name, c.purpose.fi, c.duration, c.provider) for c in result.draft.cookies] == [
            ("sessionid", "Inloggningen", "sessionen", None),
            ("_stat", "Besöksstatistik", None, "Statistikbolaget"),
        ]

    def test_an_html_table_with_a_kind_column(self) -> None:
        """Header cells are column names, not headings ("Tarkoitus" is no purposes section)."""
        page = (
            "<h2>Rekisterinpitäjä</h2><p>Esimerkki Oy</p><h2>Evästeet</h2>"
            "<table><tr><th>Eväste</th><th>Tyyppi</th><th>Tarkoitus</th></tr>"
            "<tr><td>session</td><td>Välttämätön</td><td>Kirjautuminen</td></tr>"
            "<tr><td>_mkt</td><td>Markkinointi</td><td>Mainosten kohdentaminen</td></tr>"
            "</table><h2>Tietoturva</h2><p>Palvelin on suojattu.</p>"
        )
        result = import_notice(page)
        assert [(c.name, c.purpose.fi, c.strictly_necessary) for c in result.draft.cookies] == [
            ("session", "Kirjautuminen", True),
            ("_mkt", "Mainosten kohdentaminen", False),
        ]
        assert fields(result) == ["controller", "cookies", "security"]
        assert result.shares["in_field"] == 1.0

    def test_prose_only_gives_no_entries(self) -> None:
        """Cookies described without names are the cookie policy; "HUOM:" is no cookie's name."""
        result = notice(
            "Evästeet",
            "Käytämme evästeitä ostoskorin toimintaan ja kävijätilastoihin.\n"
            "HUOM: estetyt evästeet voivat haitata ostoskorin toimintaa.",
        )
        assert result.draft.cookies == ()
        assert result.draft.cookie_policy is not None
        assert "kävijätilastoihin" in result.draft.cookie_policy.fi

    def test_a_negative_still_sets_none_stated(self) -> None:
        """A sentence saying no cookies are used sets none_stated cookies, as before."""
        result = notice("Evästeet", "Palvelussa ei käytetä evästeitä.")
        assert result.draft.cookies == ()
        assert NoneStated.COOKIES in result.draft.none_stated

    def test_labels_and_control_characters_are_no_cookies(self) -> None:
        """'Y-tunnus: …' is a label; a control character never reaches a value (hypothesis)."""
        result = notice("Evästeet", "Y-tunnus: 2077474-0 \x1b\n_ga: kävijä\x1btilastot")
        assert [(c.name, c.purpose.fi) for c in result.draft.cookies] == [
            ("_ga", "kävijä tilastot")
        ]


def test_a_heading_repeated_with_its_value_is_not_empty() -> None:
    """'Rekisterinpitäjä' then 'Rekisterinpitäjä: Esimerkki Oy' gives no I005."""
    result = import_notice("Rekisterinpitäjä\n\nRekisterinpitäjä: Esimerkki Oy\n" + TAIL)
    assert result.draft.controller.name == "Esimerkki Oy"
    assert "I005" not in {f.code for f in result.findings}
    empty = import_notice("Rekisterinpitäjä\n\nRekisterin käyttötarkoitus\n\nLaskutus.\n")
    assert "I005" in {f.code for f in empty.findings}
