"""Round 13 (T5): mechanisms for misses seen on real notices, tested on fictional text."""

from __future__ import annotations

from rekisteri.importer import import_notice
from rekisteri.importer._headings import SectionKind, guess, recognise


def _fields_of(text: str, words: str) -> set[str]:
    """The fields the span(s) holding *words* went to."""
    result = import_notice(text)
    at = result.text.index(words)
    return {m.field.split("[")[0] for m in result.mapped if m.start <= at < m.end}


class TestHeadWordOverTheGeneralDataWords:
    def test_a_retention_head_word_is_not_read_as_data(self) -> None:
        """'Bevaringstid av personuppgifter': the general word for data names no field here."""
        assert guess("BEVARINGSTID AV PERSONUPPGIFTER") is SectionKind.RETENTION
        assert guess("Bevarande av kunduppgifter") is SectionKind.RETENTION

    def test_a_basis_for_processing_is_the_purposes(self) -> None:
        """'Basis for personal data processing' names the legal basis, not the data."""
        assert guess("Basis for personal data processing") is SectionKind.PURPOSES

    def test_a_heading_of_the_data_stays_data(self) -> None:
        """The data's own headings keep their reading; an article is no head word."""
        assert guess("De uppgifter om de registrerade som behandlas") is SectionKind.CONTENT
        assert guess("Asiakkaan henkilötiedot") is SectionKind.CONTENT

    def test_a_swedish_retention_section_goes_to_retention(self) -> None:
        """The section under such a heading is retention's, wholly."""
        text = (
            "REGISTERANSVARIG\nBåtvarvet Ab, Strandvägen 2, 10600 Ekenäs\n\n"
            "REGISTRETS DATAINNEHÅLL\nNamn, adress och telefonnummer.\n\n"
            "BEVARINGSTID AV PERSONUPPGIFTER\n"
            "Uppgifterna sparas så länge kundförhållandet pågår och raderas sedan.\n"
        )
        assert _fields_of(text, "Uppgifterna sparas") == {"retention"}


class TestTheRegistersContactDetails:
    def test_the_register_contact_heading_is_the_controllers(self) -> None:
        """'Contact of the register', 'Rekisterin yhteystiedot': the controller's details."""
        assert recognise("Contact of the register") is SectionKind.CONTROLLER
        assert recognise("Rekisterin yhteystiedot") is SectionKind.CONTROLLER
        assert recognise("Registrets kontaktuppgifter") is SectionKind.CONTROLLER
        assert guess("Contact person of the register") is SectionKind.CONTACT
