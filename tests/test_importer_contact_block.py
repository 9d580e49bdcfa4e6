"""A contact person inside the controller's section: whose are the lines after the name?

The notices below are short fictional ones written for the tests.
"""

from __future__ import annotations

from rekisteri.importer import ImportResult, import_notice
from rekisteri.importer._controller import personal_address

TAIL = "\nRekisterin käyttötarkoitus\n\nJäsenrekisteriä käytetään jäsenasioiden hoitoon.\n"


def channels(result: ImportResult) -> tuple[tuple[str | None, ...], tuple[str | None, ...]]:
    """(controller's name, e-mail, phone), (contact person's name, e-mail, phone)."""
    draft = result.draft
    own = draft.controller.contact
    person = draft.contact_person
    return (
        (draft.controller.name, own.email if own else None, own.phone if own else None),
        (
            person.name if person else None,
            person.email if person else None,
            person.phone if person else None,
        ),
    )


def field_of(result: ImportResult, text: str) -> set[str]:
    """The fields the spans holding *text* went to."""
    return {m.field for m in result.mapped if result.text[m.start : m.end] == text}


class TestMailboxAfterThePerson:
    def test_the_bodys_mailbox_and_what_follows_are_the_controllers(self) -> None:
        """'Sähköposti: kerho@…' after 'Yhteyshenkilö: Name' is not named after the person."""
        result = import_notice(
            "1. Rekisterinpitäjä ja yhteyshenkilö\n\n"
            "Harjulan kuoroyhdistys ry\nY-tunnus: 7123450-9\n"
            "Yhteyshenkilö: Ritva Harjula\n"
            "Sähköposti: kuoro@harjula.example.fi\nPuhelin: 040 555 0199\n" + TAIL
        )
        assert channels(result) == (
            ("Harjulan kuoroyhdistys ry", "kuoro@harjula.example.fi", "040 555 0199"),
            (None, None, None),  # a contact point needs a channel: the name is a note
        )
        assert field_of(result, "Ritva Harjula") == {"contact_person"}
        assert "the notice names Ritva Harjula as the contact person" in " ".join(
            result.notes["contact_person"]
        )
        assert field_of(result, "kuoro@harjula.example.fi") == {"controller"}
        assert field_of(result, "040 555 0199") == {"controller"}

    def test_an_address_named_after_the_person_is_theirs(self) -> None:
        """'ritva.harjula@…' below 'Yhteyshenkilö: Ritva Harjula' and the phone are hers."""
        result = import_notice(
            "Rekisterinpitäjä\n\nHarjulan kuoroyhdistys ry\nY-tunnus: 7123450-9\n"
            "Yhteyshenkilö: Ritva Harjula\n"
            "Sähköposti: ritva.harjula@example.fi\nPuhelin: 040 555 0199\n" + TAIL
        )
        assert channels(result)[1] == ("Ritva Harjula", "ritva.harjula@example.fi", "040 555 0199")

    def test_an_address_named_after_the_persons_role_is_theirs(self) -> None:
        """'sihteeri@…' below 'Name, sihteeri' is the secretary's."""
        result = import_notice(
            "Rekisterinpitäjä\n\nHarjulan kuoroyhdistys ry\nY-tunnus: 7123450-9\n"
            "Yhteyshenkilö: Ritva Harjula, sihteeri\n"
            "Sähköposti: sihteeri@harjula.example.fi\n" + TAIL
        )
        assert channels(result)[1] == ("Ritva Harjula", "sihteeri@harjula.example.fi", None)

    def test_personal_address(self) -> None:
        """A name of the person, folded (ä → a), or the first letters of the role."""
        assert personal_address("r.harjula@example.fi", "Ritva Harjula")
        assert personal_address("ritva@example.fi", "Ritva Harjula")
        assert personal_address("hamalainen@example.fi", "Ville Hämäläinen")
        assert not personal_address("kuoro@example.fi", "Ritva Harjula")
        assert personal_address("puheenjohtaja@example.fi", "Ritva Harjula", ["puheenjohtaja"])
        assert not personal_address("info@example.fi", "Ritva Harjula", ["pj."])


class TestPersonWhenTheNoticeHasAContactSection:
    NOTICE = (
        "1. Rekisterinpitäjä\n\n"
        "Harjulan kuoroyhdistys ry\nY-tunnus: 7123450-9\n"
        "pj. Olli Harjula\nPuhelin: 040 555 0190\nsähköposti: kuoro@harjula.example.fi\n\n"
        "2. Rekisteriasioiden yhteyshenkilö\n\n"
        "Ritva Harjula (sihteeri)\nPuhelin: 040 555 0191\n"
        "Sähköposti: ritva.harjula@example.fi\n" + TAIL
    )

    def test_the_person_in_the_controllers_section_is_noted(self) -> None:
        """A chair named below the body is not the contact that section 2 names."""
        result = import_notice(self.NOTICE)
        assert channels(result) == (
            ("Harjulan kuoroyhdistys ry", "kuoro@harjula.example.fi", "040 555 0190"),
            ("Ritva Harjula", "ritva.harjula@example.fi", "040 555 0191"),
        )
        assert "the notice names a person here: Olli Harjula" in result.notes["controller"]
        assert field_of(result, "pj. Olli Harjula") == {"controller"}

    def test_without_the_section_the_person_is_the_contact(self) -> None:
        """The same block alone: the person below the body is the contact person."""
        alone = self.NOTICE.split("2. Rekisteriasioiden")[0] + TAIL
        result = import_notice(alone)
        assert channels(result)[1][0] == "Olli Harjula"


class TestSiteMenuBeforeTheTitle:
    def test_the_named_body_after_the_title_is_the_controller(self) -> None:
        """A menu's "Yhteystiedot" / "Kirjaudu" before the title is not the controller's name."""
        result = import_notice(
            "Yhteystiedot\nKirjaudu\n\nTietosuojaseloste\n\n"
            "Rekisterinpitäjä\n\n • Rekisterinpitäjä: Kukkaro Oy\n"
            " • Osoite: Kauppatie 2, FI-01370 VANTAA\n • Sähköposti: info@kukkaro.example.fi\n"
            + TAIL
        )
        assert result.draft.controller.name == "Kukkaro Oy"
        assert "the notice names Kirjaudu before it; check" in result.notes["controller"]

    def test_a_trade_name_under_the_heading_stays(self) -> None:
        """A trade name without a legal form under the controller heading is kept."""
        result = import_notice(
            "REKISTERINPITÄJÄ\nSalon Esimerkki 5\nTmi Noora Esimerkki (Y-tunnus: 7234561-4)\n"
            + TAIL
        )
        assert result.draft.controller.name == "Salon Esimerkki 5"


def test_an_abbreviation_before_the_name_in_two_languages() -> None:
    """'ABC – Esimerkin yhdistys ry - Exempelföreningen rf' is one name, not 'ABC'."""
    result = import_notice(
        "1. Rekisterinpitäjä\n\nKVY – Kaukaisen vuoren yhdistys ry - Föreningen Fjärran berg rf\n"
        + TAIL
    )
    assert result.draft.controller.name == (
        "KVY – Kaukaisen vuoren yhdistys ry - Föreningen Fjärran berg rf"
    )


def test_a_transfer_denied_with_three_words_between() -> None:
    """'ei näin ollen myöskään siirretä … ulkopuolelle' denies transfers."""
    result = import_notice(
        "Henkilötietojen luovuttaminen\n\nTietoja ei luovuteta. Tietoja ei näin ollen myöskään "
        "siirretä EU:n ja Euroopan talousalueen ulkopuolelle.\n"
    )
    assert [item.value for item in result.draft.none_stated] == ["recipients", "transfers"]
    assert result.draft.transfers == ()


def test_a_label_line_introduces_the_contact_person() -> None:
    """'Tietosuoja-asioista vastaava henkilö:' in the controller's section is the contact's."""
    result = import_notice(
        "Rekisterinpitäjä\n\nHarjulan kuoroyhdistys ry\nsähköposti: kuoro@harjula.example.fi\n\n"
        "Tietosuoja-asioista vastaava henkilö:\n\nRitva Harjula\nPuh. 040 555 0199\n" + TAIL
    )
    assert channels(result)[1] == ("Ritva Harjula", None, "040 555 0199")
    assert field_of(result, "Tietosuoja-asioista vastaava henkilö:") == {"contact_person"}
    assert result.draft.controller.name == "Harjulan kuoroyhdistys ry"


def test_the_label_of_a_mailbox_goes_back_with_it() -> None:
    """'Sähköposti:' before the body's mailbox is mapped to the controller with the address."""
    result = import_notice(
        "Rekisterinpitäjä\n\nHarjulan kuoroyhdistys ry\nYhteyshenkilö: Ritva Harjula\n"
        "Sähköposti: kuoro@harjula.example.fi\n" + TAIL
    )
    assert field_of(result, "Sähköposti: ") == {"controller"}


def test_a_clause_before_a_value_is_not_the_name() -> None:
    """'Verkkopalvelumme sijaitsee osoitteessa: https://…' is no name; the person below is."""
    result = import_notice(
        "1. Rekisterinpitäjä\n\nVerkkopalvelumme sijaitsee osoitteessa: https://www.example.fi.\n"
        "Aino Esimerkki\nKujatie 4, 42700 Keuruu\nSähköposti: aino@example.fi\n" + TAIL
    )
    assert result.draft.controller.name == "Aino Esimerkki"
    assert field_of(result, "Verkkopalvelumme sijaitsee osoitteessa") == {"controller"}


def test_i010_only_when_transfers_are_both_denied_and_described() -> None:
    """A denial moved from the disclosure section is no contradiction (it was I010 before)."""
    moved = import_notice(
        "Tietojen luovuttaminen\n\nTietoja luovutetaan kuljetusliikkeelle. Tietoja ei "
        "siirretä EU:n tai ETA:n ulkopuolelle.\n"
    )
    assert moved.notes["transfers"]  # the moved sentence is noted ...
    assert "I010" not in {f.code for f in moved.findings}  # ... but contradicts nothing
    both = import_notice(
        "Tietojen siirto EU:n ulkopuolelle\n\nTietoja ei siirretä EU:n ulkopuolelle. "
        "Tietoja siirretään Yhdysvaltoihin komission vakiosopimuslausekkeiden perusteella.\n"
    )
    assert "I010" in {f.code for f in both.findings}
