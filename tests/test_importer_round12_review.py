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


class TestPartsUnderTheDataHeading:
    """R3-8: parts under an empty data heading end at the first part that is about no data."""

    TEXT = (
        "Privacy notice\n\nController\n\nCorner Bakery Ltd, Mill Lane 7, 40100 Jyväskylä, "
        "office@cornerbakery.example.com\n\nWhat personal data we collect\n\n"
        "Loyalty card\n\nYour name, phone number and the date you joined.\n\n"
        "Purchase history\n\nThe cakes you have bought and the shop where you bought them.\n\n"
        "Allergies\n\nWe bake in a kitchen that also handles nuts, so we cannot promise "
        "that any product is free of them.\n\n"
        "Events\n\nWe hold baking classes in the spring; watch our windows for the dates.\n\n"
        "How long we keep your data\n\nLoyalty data are deleted a year after the card "
        "was last used.\n"
    )

    def _fields(self, phrase: str) -> set[str]:
        result = import_notice(self.TEXT)
        at = result.text.index(phrase)
        return {m.field for m in result.mapped if m.start <= at < m.end}

    def test_parts_that_name_data_are_data(self) -> None:
        """'Loyalty card' (its text names data) and 'Purchase history' (its heading does)."""
        result = import_notice(self.TEXT)
        data = [(start, end) for start, end, kind in result.sections if kind == "data_categories"]
        covered = "".join(result.text[start:end] for start, end in data)
        assert "phone number" in covered
        assert "cakes you have bought" in covered

    def test_a_topic_of_no_data_ends_the_parts(self) -> None:
        """'Allergies' and 'Events' are not data categories: listed, not filed as data."""
        result = import_notice(self.TEXT)
        for phrase in ("handles nuts", "baking classes"):
            assert not any(field.startswith("data_categories") for field in self._fields(phrase))
            assert any(phrase in result.text[p.start : p.end] for p in result.unmatched)
        names = " ".join(str(part.name.en) for part in result.draft.data_categories)
        assert "nuts" not in names
        assert "classes" not in names
