"""Round-10 fixes of the attack findings (helper F1, session 11).

Each test states a mechanism in fictional text of its own (not the attack
tests' words): invented firms, places and people.
"""

from __future__ import annotations

import pytest

from rekisteri.importer import import_notice
from rekisteri.importer._account import account
from rekisteri.importer._builder import Mapping
from rekisteri.testing import make_ytunnus

CONTROLLER = "Rekisterinpitäjä\n\nHaapalan Leipomo Oy\nMyllytie 5, 40100 Jyväskylä\n\n"


# -- G8: a share is never rounded away in the summary ----------------------------


def test_summary_shows_a_small_unmapped_share_as_under_one_percent() -> None:
    result = import_notice(
        CONTROLLER
        + "Tietojen säilytysaika\n\n"
        + "Tilaustiedot säilytetään kuusi vuotta tilikauden päättymisestä. " * 300
        + "\n\nLeipomon tarina\n\nEnsimmäinen uuni lämmitettiin 1952.\n"
    )
    assert result.unmatched
    assert 0 < result.shares["unmapped"] < 0.005
    line = result.summary_line("leipomo.txt")
    assert "<1% not mapped" in line
    assert "100% of the text" not in line
    assert result.shares_shown["unmapped"] == "<1%"


def test_whole_shares_still_print_as_they_are() -> None:
    result = import_notice(CONTROLLER + "Rekisterin nimi\n\nTilausrekisteri\n")
    assert set(result.shares_shown.values()) <= {f"{n}%" for n in range(101)} | {"<1%", ">99%"}
    assert result.shares_shown["unmapped"] == "0%"


# -- G2: a proper name in the genitive inside a purpose is a name, kept whole -----


def _purpose_names(sentence: str) -> list[str]:
    result = import_notice(CONTROLLER + "Rekisterin käyttötarkoitus\n\n" + sentence + "\n")
    return [purpose.name.fi or "" for purpose in result.draft.purposes]


def test_place_name_in_the_genitive_before_a_locative_stays_whole() -> None:
    names = _purpose_names("Tietoja käytetään kuljetusten tilaamiseen Kouvolan varikolla.")
    assert names == ["Kuljetusten tilaaminen Kouvolan varikolla"]


def test_two_names_joined_under_one_postposition_are_one_purpose() -> None:
    names = _purpose_names(
        "Tietoja käytetään lähetysten seurantaan Kaukoliikenteen ja Pikarahdin kautta."
    )
    assert names == ["Lähetysten seuranta Kaukoliikenteen ja Pikarahdin kautta"]


def test_a_capitalised_service_in_the_illative_is_still_a_purpose() -> None:
    names = _purpose_names("Tietoja käytetään laskutukseen ja Omatiliin.")
    assert names == ["Laskutus", "Omatili"]


# -- R2-1: a label before a colon does not hide the name in front of it -----------


def _lost_in(line: str, reached: list[str]) -> list[str]:
    """The passages of *line* (mapped whole to the processors) that the accounting lists."""
    text = "Käsittelijä\n" + line + "\n"
    start = len("Käsittelijä\n")
    _, lost = account(text, [Mapping(start, start + len(line), "processors")], reached)
    return [text[span.start : span.end] for span in lost]


@pytest.mark.parametrize(
    "line",
    [
        "Saarisen Saha Oy (Y-tunnus: 2345678-{c})",
        "Saarisen Saha Oy, Y-tunnus: 2345678-{c}",
        "Saarisen Saha Y-tunnus: 2345678-{c}",
    ],
)
def test_a_name_before_a_label_and_its_value_is_checked(line: str) -> None:
    code = make_ytunnus(2345678)
    assert code is not None
    line = line.format(c=code[-1])
    assert _lost_in(line, [code]) == ["Saarisen Saha"]


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Postiosoite: Sahatie 4", "Sahatie 4"),
        ("Business Address: Sahatie 4", "Sahatie 4"),
        ("Registrets benämning: Sågregistret", "Sågregistret"),
    ],
)
def test_a_label_alone_before_its_value_is_still_no_content(line: str, value: str) -> None:
    assert _lost_in(line, [value]) == []


def test_a_capitalised_label_word_inside_a_sentence_is_a_name() -> None:
    # "Postin" begins like the label "Postiosoite", but after a word it names a carrier
    lost = _lost_in("Paketit lähetetään Postin kautta.", ["Paketit lähetetään"])
    assert lost == ["Postin kautta."]
    assert _lost_in("Sahatie 4, Puh. 040 765 4321", ["Sahatie 4", "040 765 4321"]) == []


# -- G12 (en): an English group label ending in "-mme" is no Finnish verb ---------

_CONTROLLER_EN = "Controller\n\nBirchfield Bakery Ltd\nMyllytie 5, 40100 Jyväskylä\n\n"


def test_english_programme_label_groups_its_entries() -> None:
    result = import_notice(
        _CONTROLLER_EN + "Personal data\n\nOnline courses:\n- name\n- e-mail address\n"
        "Mentoring programme:\n- attendance\n"
    )
    notes = " ".join(result.notes.get("data_categories", ()))
    assert "grouped under: Online courses" in notes
    assert "grouped under: Mentoring programme" in notes


def test_a_finnish_first_person_plural_still_leads_in() -> None:
    result = import_notice(CONTROLLER + "Rekisterin tietosisältö\n\nKeräämme:\n- nimi\n")
    assert "grouped under" not in " ".join(result.notes.get("data_categories", ()))


# -- G20: a sentence under a contact heading is nobody's name ---------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Leipomo siirrettiin uusiin tiloihin vuonna 2004.",
        "Myymälä avataan kello yhdeksän arkipäivisin.",
        "Bageriet flyttades till nya lokaler år 2004.",
        "The bakery has moved to new premises in the town centre.",
    ],
)
def test_a_sentence_under_a_contact_heading_is_listed_not_named(sentence: str) -> None:
    result = import_notice(CONTROLLER + "Yhteyshenkilö\n\n" + sentence + "\n")
    assert result.draft.contact_person is None
    assert not any(sentence[:12] in note for note in result.notes.get("contact_person", ()))
    kept = [passage.text for passage in result.unmatched]
    if result.draft.description is not None:
        kept.append(result.draft.description.fi or "")
    assert any(sentence[:-1] in text for text in kept)


@pytest.mark.parametrize(
    "line",
    [
        "Liisa Haapala, tilausten käsittelijät ja laskutustehtävät",
        "Leipomon toimitusjohtaja Liisa Haapala",
    ],
)
def test_a_person_with_a_long_role_is_still_the_contact(line: str) -> None:
    result = import_notice(
        CONTROLLER + "Yhteyshenkilö\n\n" + line + "\nliisa.haapala@example.com\n"
    )
    assert result.draft.contact_person is not None
    assert "Liisa Haapala" in str(result.draft.contact_person.name)


# -- G1 (sv): a Swedish material label stays with its measure ----------------------

_CONTROLLER_SV = "Personuppgiftsansvarig\n\nBjörkby Bageri Ab\nKvarnvägen 5, 65100 Vasa\n\n"


@pytest.mark.parametrize(
    ("body", "label"),
    [
        ("Manuellt material: pärmarna förvaras i ett brandsäkert arkiv.\n", "Manuellt material"),
        (
            "Manuellt behandlade uppgifter\nPärmarna förvaras i ett brandsäkert arkiv.\n",
            "Manuellt behandlade uppgifter",
        ),
    ],
)
def test_swedish_material_label_prefixes_its_measure(body: str, label: str) -> None:
    result = import_notice(_CONTROLLER_SV + "Principerna för skydd av registret\n\n" + body)
    descriptions = [measure.description.sv or "" for measure in result.draft.security]
    assert any(text.startswith(label) and "brandsäkert" in text for text in descriptions)


# -- G11, G19: a guessed heading is heard against its text -----------------------


def _fields_after(notice_start: str, heading: str, body: str) -> set[str]:
    result = import_notice(notice_start + heading + "\n\n" + body + "\n")
    return {
        span.field.split("[")[0].split(".")[0]
        for span in result.mapped
        if span.start > len(notice_start) + len(heading)
    }


@pytest.mark.parametrize(
    ("start", "heading", "body"),
    [
        (CONTROLLER, "Mitä luovutamme", "- sukunimi\n- postiosoite\n- syntymäaika"),
        (CONTROLLER, "Mitä säilytämme ja kuinka kauan", "- sukunimi\n- postiosoite"),
        (_CONTROLLER_SV, "Vad vi delar", "- efternamn\n- postadress"),
        (_CONTROLLER_EN, "Information we share", "- surname\n- postal address"),
    ],
)
def test_a_list_of_data_items_under_a_guessed_heading_is_data(
    start: str, heading: str, body: str
) -> None:
    assert _fields_after(start, heading, body) <= {"data_categories", "description"}


def test_a_list_of_recipients_under_a_guessed_heading_is_not_data() -> None:
    fields = _fields_after(CONTROLLER, "Tietojen jakaminen", "- Verohallinto\n- Kirjanpitäjä")
    assert "data_categories" not in fields


@pytest.mark.parametrize(
    ("start", "heading", "body", "field"),
    [
        (
            CONTROLLER,
            "Tietojen kerääminen",
            "Lomakkeet säilytetään lukitussa kaapissa.",
            "security",
        ),
        (
            CONTROLLER,
            "Asiakkaan tiedot",
            "Tietoja käytetään tilausten toimittamiseen ja laskutukseen.",
            "purposes",
        ),
        (
            _CONTROLLER_SV,
            "Användning av uppgifter",
            "Datorerna skyddas med lösenord och en brandvägg.",
            "security",
        ),
        (
            _CONTROLLER_EN,
            "Sharing your data",
            "Our laptops are encrypted and protected by a password.",
            "security",
        ),
    ],
)
def test_one_sentence_of_another_field_refuses_the_guess(
    start: str, heading: str, body: str, field: str
) -> None:
    assert _fields_after(start, heading, body) <= {field, "description"}


# -- G5: a plain heading inside a block does not run on into the section above ----

_RETENTION_FI = "Tietojen säilytysaika\n\nTilaustiedot säilytetään kuusi vuotta.\n"
_STORY = "Ensimmäinen uuni lämmitettiin Haapalassa vuonna 1952."


@pytest.mark.parametrize(
    "body",
    [
        _RETENTION_FI + "Leipomon tarina\n" + _STORY + "\n",
        _RETENTION_FI + "\nLEIPOMON TARINA\n" + _STORY + "\n",
        (
            "Data retention\n\nOrders are kept for six years.\nOur bakery\n"
            "The first oven was lit in Haapala in 1952.\n"
        ),
    ],
)
def test_a_plain_heading_after_a_sentence_starts_a_section(body: str) -> None:
    result = import_notice(CONTROLLER + body)
    fields = {
        span.field.split("[")[0]
        for span in result.mapped
        if "1952" in result.text[span.start : span.end]
    }
    assert fields <= {"description"}
    assert [r.description.fi for r in result.draft.retention if r.description] != []


def test_a_page_paragraph_alone_between_prose_is_a_heading() -> None:
    page = (
        "<h2>Rekisterinpitäjä</h2><p>Haapalan Leipomo Oy<br>Myllytie 5, 40100 Jyväskylä</p>"
        "<h2>Tietojen säilytysaika</h2><p>Tilaustiedot säilytetään kuusi vuotta.</p>"
        "<p>Leipomon tarina</p><p>" + _STORY + "</p>"
    )
    result = import_notice(page, html=True)
    assert not any(
        "1952" in result.text[span.start : span.end]
        for span in result.mapped
        if span.field.startswith("retention")
    )


@pytest.mark.parametrize(
    "body",
    [
        # a name over the sentence it begins, in the controller's block
        "Yhteyshenkilö\n\nLiisa Haapala\nHän vastaa tilauksista.\nliisa@example.com\n",
        # a wrapped paragraph: the line before ends no sentence
        _RETENTION_FI.rstrip(".\n") + " ja\nLaskut\nKirjanpitolain mukaan kymmenen vuotta.\n",
    ],
)
def test_no_heading_in_a_party_block_or_a_wrapped_line(body: str) -> None:
    result = import_notice(CONTROLLER + body)
    headings = [span for span in result.mapped if span.field.startswith("heading:")]
    assert len(headings) == 2, [result.text[s.start : s.end] for s in headings]


# -- F37: a lead-in to data below the controller's block starts the data ----------


@pytest.mark.parametrize(
    "items",
    ["Tilaushistoria\nToimitusosoite\nPuhelinnumero", "- Tilaushistoria\n- Toimitusosoite"],
    ids=["short-lines", "bulleted"],
)
def test_lead_in_to_data_below_the_controller_starts_the_data(items: str) -> None:
    result = import_notice(CONTROLLER + "Asiakkaista kerätään seuraavat tiedot:\n" + items + "\n")
    names = [category.name.fi for category in result.draft.data_categories]
    assert names[:2] == ["Tilaushistoria", "Toimitusosoite"]
    assert not any("Toimitus" in note for note in result.notes.get("controller", ()))


def test_short_lines_after_a_lead_in_in_one_block_are_entries() -> None:
    result = import_notice(
        CONTROLLER + "Rekisterin tietosisältö\n\nRekisteriin kirjataan seuraavat tiedot:\n"
        "Tilaushistoria\nToimitusosoite\nPuhelinnumero\n"
    )
    names = [category.name.fi for category in result.draft.data_categories]
    assert names == ["Tilaushistoria", "Toimitusosoite", "Puhelinnumero"]
