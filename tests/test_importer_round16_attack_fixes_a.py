"""Fixes of outside-attack findings (A14's Q…, R7's, A15's V…), helper F8, session 16.

Each test is a mechanism the fix added, on small fictional notices written for
this file (never text of the held-out fixtures, nor copied from the dev ones).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice

_BODY = "Rekisterinpitäjä\n\nHaapalan Huolto Oy\nPajakuja 3, 40100 Jyväskylä\n\n"


# --- Q25 / R7-5: each person's phone and e-mail stay with that person -------------------------


@pytest.mark.parametrize(
    "people",
    [
        # one line each, no blank line between
        (
            "Yhteyshenkilö\n\nSari Haapala, sari.haapala@huolto.example\n"
            "Tero Kivelä, puh. 014 555 0202\n"
        ),
        # a role before the second name, in a section of its own
        (
            "Rekisterin vastuuhenkilö\n\nToimitusjohtaja Sari Haapala\n"
            "sari.haapala@huolto.example\n\n"
            "Rekisteriasioiden hoitaja\n\nTalouspäällikkö Tero Kivelä, puh. 014 555 0202\n"
        ),
    ],
)
def test_a_second_persons_phone_is_noted_as_his(people: str) -> None:
    result = import_notice(_BODY + people)
    person = result.draft.contact_person
    assert person is not None
    assert (person.name, person.email, person.phone) == (
        "Sari Haapala",
        "sari.haapala@huolto.example",
        None,
    )
    assert "Tero Kivelä's phone: 014 555 0202" in result.notes["contact_person"]


def test_a_second_person_with_channels_is_the_contact_when_the_first_has_none() -> None:
    result = import_notice(
        _BODY + "Yhteyshenkilöt\n\nSari Haapala\n\nTero Kivelä, puh. 014 555 0202, "
        "tero.kivela@huolto.example\n"
    )
    person = result.draft.contact_person
    assert person is not None
    assert (person.name, person.email, person.phone) == (
        "Tero Kivelä",
        "tero.kivela@huolto.example",
        "014 555 0202",
    )
    assert "also named, with no phone or e-mail: Sari Haapala" in result.notes["contact_person"]


def test_an_e_mail_after_another_persons_name_is_not_the_contacts() -> None:
    # the e-mail of the second section is read by the notice-wide fallback too: it goes to
    # the person named before it on its line, never to the first person
    result = import_notice(
        _BODY + "Rekisterin vastuuhenkilö\n\nSari Haapala\n\nRekisteriasioiden hoitaja\n\n"
        "Tero Kivelä, tero.kivela@huolto.example\n"
    )
    person = result.draft.contact_person
    assert person is not None
    assert (person.name, person.email) == ("Tero Kivelä", "tero.kivela@huolto.example")


def test_one_person_with_channels_on_two_lines_keeps_them() -> None:
    person = import_notice(
        _BODY + "Yhteyshenkilö\n\nSari Haapala\nsari.haapala@huolto.example\npuh. 014 555 0101\n"
    ).draft.contact_person
    assert person is not None
    assert (person.name, person.email, person.phone) == (
        "Sari Haapala",
        "sari.haapala@huolto.example",
        "014 555 0101",
    )


# --- Q26: a DPO section that says there is none gives no DPO -----------------------------------

_WITH_MAILBOX = "Rekisterinpitäjä\n\nHaapalan Huolto Oy\nPajakuja 3, 40100 Jyväskylä\n"


@pytest.mark.parametrize(
    ("heading", "text"),
    [
        ("Tietosuojavastaava", "Tietosuojavastaavaa ei ole nimitetty.\nasiat@huolto.example"),
        ("Tietosuojavastaava", "Meillä ei ole tietosuojavastaavaa. Kysy: asiat@huolto.example"),
        ("Dataskyddsombud", "Något dataskyddsombud har inte utsetts. E-post asiat@huolto.example"),
        ("DPO", "No data protection officer has been designated; write to asiat@huolto.example."),
    ],
)
def test_an_officer_said_not_to_exist_gives_the_mailbox_to_the_controller(
    heading: str, text: str
) -> None:
    result = import_notice(_WITH_MAILBOX + "\n" + heading + "\n\n" + text + "\n")
    draft = result.draft
    assert draft.controller.dpo is None
    assert draft.controller.contact is not None
    assert draft.controller.contact.email == "asiat@huolto.example"


def test_a_second_mailbox_for_the_matters_is_noted_beside_the_controllers_own() -> None:
    result = import_notice(
        _WITH_MAILBOX + "toimisto@huolto.example\n\nTietosuojavastaava\n\n"
        "Tietosuojavastaavaa ei ole nimetty. Tietosuoja-asiat: asiat@huolto.example\n"
    )
    assert result.draft.controller.dpo is None
    assert result.draft.controller.contact is not None
    assert result.draft.controller.contact.email == "toimisto@huolto.example"
    assert "for data protection matters: asiat@huolto.example" in result.notes["controller"]


@pytest.mark.parametrize(
    "text",
    [
        # the officer does not do something: an officer all the same
        "Tietosuojavastaava ei käsittele laskuja.\nSari Haapala, sari.haapala@huolto.example",
        # no duty to appoint one, but one was appointed
        (
            "Meillä ei ole velvollisuutta nimittää tietosuojavastaavaa, mutta olemme nimittäneet "
            "sellaisen.\nSari Haapala, sari.haapala@huolto.example"
        ),
    ],
)
def test_an_officer_who_exists_stays_the_officer(text: str) -> None:
    draft = import_notice(_WITH_MAILBOX + "\nTietosuojavastaava\n\n" + text + "\n").draft
    assert draft.controller.dpo is not None
    assert draft.controller.dpo.email == "sari.haapala@huolto.example"
