"""Open review findings of round 10 (R3-20 …), fixed in session 12 (fictional texts)."""

from __future__ import annotations

from rekisteri.importer import import_notice
from rekisteri.importer._finnish import purposes_in


class TestFirmInTheGenitive:
    """R3-20: a purpose naming "X Oy:n …" keeps the firm's name, not just "Oy:n …"."""

    def test_the_name_before_the_legal_form_stays_in_the_purpose(self) -> None:
        """'Pyykkikone Oy:n valmistamien …': the purpose starts at the firm's name."""
        names = purposes_in(
            "Tietoja käytetään Pyykkikone Oy:n valmistamien koneiden huoltojen "
            "järjestämiseen ja laskutukseen."
        )
        assert names == [
            "Pyykkikone Oy:n valmistamien koneiden huoltojen järjestäminen",
            "Laskutus",
        ]

    def test_a_name_of_two_words_and_an_association(self) -> None:
        """Two capitalised words before 'ry:n'/'Oy:n', also as a later item of a list."""
        assert purposes_in(
            "Tietoja käytetään Hämeen Lintuharrastajat ry:n retkien järjestämiseen."
        ) == ["Hämeen Lintuharrastajat ry:n retkien järjestäminen"]
        assert purposes_in(
            "Tietoja käytetään laskutukseen ja Sukka Kolmio Oy:n asiakkaiden palvelemiseen."
        ) == [
            "Laskutus",
            "Sukka Kolmio Oy:n asiakkaiden palveleminen",
        ]

    def test_nothing_of_the_name_is_left_unmatched(self) -> None:
        """A whole import: the purpose is named with its firm and nothing is listed."""
        text = (
            "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\nPesula Vaahto Oy, Saippuakuja 3, "
            "33100 Tampere\n\n2. Rekisterin nimi\n\nAsiakasrekisteri\n\n"
            "3. Henkilötietojen käsittelyn tarkoitus\n\n"
            "Tietoja käytetään Pyykkikone Oy:n valmistamien koneiden huoltojen järjestämiseen.\n"
        )
        result = import_notice(text)
        assert [purpose.name.fi for purpose in result.draft.purposes] == [
            "Pyykkikone Oy:n valmistamien koneiden huoltojen järjestäminen"
        ]
        assert result.unmatched == ()
