"""The importer's scorer (issue 15's figures): what counts as text in the right field."""

from __future__ import annotations

from rekisteri.importer import import_bytes
from rekisteri.importer._evaluate import right_field, scored_spans

NOTICE = """\
Rekisteriseloste

1. Rekisterinpitäjä
Esimerkki Oy, Testikatu 1, 00100 Helsinki

2. Tietojen luovutukset
Tietoja ei luovuteta kolmansille osapuolille.
"""


def test_a_denial_counts_for_its_field_and_for_none_stated() -> None:
    result = import_bytes(NOTICE.encode(), source_name="n.txt")
    denial = [m for m in result.mapped if m.field.startswith("none_stated.")]
    assert denial, "the notice's denial should be mapped to none_stated"
    spans = scored_spans(result)
    fields = {
        field for start, end, field in spans if (start, end) == (denial[0].start, denial[0].end)
    }
    assert {"none_stated", denial[0].field.removeprefix("none_stated.")} <= fields


def test_a_none_stated_section_is_scored_right_when_the_denial_is_read() -> None:
    result = import_bytes(NOTICE.encode(), source_name="n.txt")
    as_denial = right_field(
        result, [{"heading": "2. Tietojen luovutukset", "field": "none_stated"}]
    )
    as_recipients = right_field(
        result, [{"heading": "2. Tietojen luovutukset", "field": "recipients"}]
    )
    # the section states there are no recipients: its heading and its denial are
    # right whether the fixture names the section recipients or none_stated
    assert as_denial[0] == as_denial[1] > 0
    assert as_recipients[0] == as_recipients[1] == as_denial[1]
    wrong = right_field(result, [{"heading": "2. Tietojen luovutukset", "field": "security"}])
    assert wrong[0] == 0


def test_a_heading_counts_for_none_stated_only_over_a_denial_of_its_own_field() -> None:
    notice = NOTICE.replace(
        "Tietoja ei luovuteta kolmansille osapuolille.",
        "Tietoja luovutetaan Verohallinnolle lain perusteella.",
    )
    result = import_bytes(notice.encode(), source_name="n.txt")
    assert not [m for m in result.mapped if m.field.startswith("none_stated.")]
    as_denial = right_field(
        result, [{"heading": "2. Tietojen luovutukset", "field": "none_stated"}]
    )
    assert as_denial == (0, as_denial[1])
    assert as_denial[1] > 0
