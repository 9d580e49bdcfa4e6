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
