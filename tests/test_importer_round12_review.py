"""Open review findings of round 10 (R3-20 …), fixed in session 12 (fictional texts)."""

from __future__ import annotations

import re

from rekisteri.importer import _headings, import_notice
from rekisteri.importer._finnish import purposes_in
from rekisteri.importer._headings import SectionKind, recognise


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


class TestModelFormEnglishHeadings:
    """R3-16: the English wordings of the old model form are known headings, not guesses."""

    def test_the_model_form_wordings_are_recognised(self) -> None:
        """Each wording is in the table, so the run-on and glued readers can use it."""
        assert recognise("Content of the register") is SectionKind.CONTENT
        assert recognise("Contact person in matters concerning the register") is (
            SectionKind.CONTACT
        )
        assert recognise("Principles of register protection") is SectionKind.SECURITY
        assert recognise("Other rights related to processing of personal data") is (
            SectionKind.OTHER_RIGHTS
        )
        assert recognise("Storage period of personal data") is SectionKind.RETENTION

    def test_a_run_on_english_notice_keeps_its_data_section(self) -> None:
        """'… Content of the register Name, e-mail …' on one long line: a data section."""
        text = (
            "Privacy notice Controller Lantern Games Ltd, Pier Street 4, 20100 Turku "
            "Name of the register Player register Purpose of processing We use the data to "
            "run the player accounts and to answer questions sent to our support desk, and to "
            "send the monthly newsletter to players who have ordered it. "
            "Content of the register Name, e-mail address, nickname and game purchases of "
            "each player. Storage period of personal data The data are deleted two years "
            "after the account was last used. Principles of register protection The data "
            "are kept on servers in locked rooms and only two staff members can read them."
        )
        result = import_notice(text)
        kinds = [kind for _start, _end, kind in result.sections]
        assert "data_categories" in kinds
        assert "retention" in kinds
        assert "security" in kinds
        data = [(start, end) for start, end, kind in result.sections if kind == "data_categories"]
        assert "nickname" in result.text[data[0][0] : data[0][1]]
        assert "newsletter" not in result.text[data[0][0] : data[0][1]]


class TestJoinedCuesMapByName:
    """R3-17: the joined heading cues map a match to its kind by the group's name."""

    def test_every_cue_has_its_named_group(self) -> None:
        """One named group per cue, in the table's order, and no other group shifts them."""
        names = _headings._ANY_GUESS.groupindex
        assert [_headings._GUESS_OF_GROUP[name] for name in names] == [
            kind for kind, _ in _headings._GUESSES
        ]

    def test_a_cue_with_a_group_of_its_own_does_not_shift_the_kinds(self) -> None:
        """Joined the same way, a cue written with "(a|b)" still maps to its own kind."""
        cues = ("(kohd|tark)e", "luovut", "säily")
        joined = re.compile("|".join(f"(?P<cue{order}>{cue})" for order, cue in enumerate(cues)))
        found = [joined.search(word) for word in ("tarke", "luovutus", "säilytys")]
        assert [match.lastgroup for match in found if match] == ["cue0", "cue1", "cue2"]
