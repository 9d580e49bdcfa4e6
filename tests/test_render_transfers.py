"""Transfers inside the EEA are not presented as third-country transfers (notice and record)."""

from __future__ import annotations

import pytest

from rekisteri.lint import lint
from rekisteri.model import (
    ContactPoint,
    Controller,
    NoneStated,
    Register,
    Transfer,
    TransferMechanism,
)
from rekisteri.render import render_notice, render_record

THIRD = "Transfers of personal data outside the EU or the EEA"


def _register(*transfers: Transfer, none: bool = False) -> Register:
    return Register(
        controller=Controller(name="Esimerkki Oy", contact=ContactPoint(email="a@example.fi")),
        transfers=transfers,
        none_stated=(NoneStated.TRANSFERS,) if none else (),
    )


def _section(text: str, title: str) -> str:
    """The lines of the text notice's section *title*, up to the next numbered section."""
    start = text.index(title)
    rest = text[start + len(title) :]
    following = [rest.find(f"\n{n}. ") for n in range(1, 40)]
    ends = [i for i in following if i > 0]
    return rest[: min(ends)] if ends else rest


NORWAY = Transfer(destination="NO", recipient="Nordavind AS")
USA = Transfer(
    destination="US", recipient="Cloudy Inc.", mechanism=TransferMechanism.ADEQUACY_DECISION
)


def test_only_eea_destinations_leave_the_third_country_item_missing() -> None:
    register = _register(NORWAY)
    assert "R108" in {finding.code for finding in lint(register)}
    section = _section(render_notice(register, locale="en", format="text"), THIRD)
    lines = [line.strip() for line in section.splitlines() if line.strip()]
    assert lines.index("[missing]") < lines.index(
        "Transfers within the EEA, to which Chapter V of the Regulation does not apply:"
    )
    assert "- Norway" in lines


def test_a_statement_of_none_and_an_eea_destination_agree() -> None:
    register = _register(NORWAY, none=True)
    assert "R108" not in {finding.code for finding in lint(register)}
    section = _section(render_notice(register, locale="en", format="text"), THIRD)
    assert "[missing]" not in section
    assert "not transferred outside the EU or the EEA" in section
    assert "Norway" in section


def test_third_countries_first_then_the_eea_apart() -> None:
    register = _register(NORWAY, USA)
    assert "R108" not in {finding.code for finding in lint(register)}
    section = _section(render_notice(register, locale="en", format="text"), THIRD)
    us, lead, no = (
        section.index("United States"),
        section.index("Transfers within the EEA"),
        section.index("Norway"),
    )
    assert us < lead < no


@pytest.mark.parametrize(
    ("locale", "lead", "country"),
    [
        ("fi", "Siirrot ETA-alueen sisällä", "Norja"),
        ("sv", "Överföringar inom EES", "Norge"),
        ("en", "Transfers within the EEA", "Norway"),
    ],
)
def test_the_record_groups_alike(locale: str, lead: str, country: str) -> None:
    text = render_record(_register(NORWAY, USA), locale=locale, format="text")
    assert text.index(lead) < text.index(country)
