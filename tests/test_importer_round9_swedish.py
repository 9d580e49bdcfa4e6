"""Importer round 9 (H34): Swedish notices and key facts on layouts not seen before.

Fictional notices, written for these tests: invented organisations, example
addresses. Each case is one shape a real page had (a party's block under a
heading the reader does not take for the controller's, label lines, a
country after the town, a short name after the body's name).
"""

from __future__ import annotations

import pytest

from rekisteri.importer import ImportResult, import_notice


def _address(result: ImportResult) -> tuple[str | None, str | None, str | None]:
    address = result.draft.controller.address
    if address is None:
        return None, None, None
    return address.street, address.postal_code, address.town


class TestPartyBlock:
    """A controller's block under a heading of no party is the controller's."""

    def test_label_lines_under_a_translated_heading(self) -> None:
        """'Företag:/Adress:/Postnummer:/Ort:' lines under a heading no table knows."""
        result = import_notice(
            "Registerbeskrivning för webbutiken\n\n"
            "1. Registerförfarare\n\n"
            "Företag: Exempelhandel Oy\nAdress: Verkstadsgatan 4\n"
            "Postnummer: 65100\nOrt: Vasa, Finland\n\n"
            "2. Registrets namn\n\nKundregister\n"
        )
        assert result.draft.controller.name == "Exempelhandel Oy"
        assert _address(result) == ("Verkstadsgatan 4", "65100", "Vasa")

    def test_block_under_a_heading_read_as_another_field(self) -> None:
        """A heading guessed as another field, moved by the block under it, and said so."""
        result = import_notice(
            "Dataskyddsbeskrivning\n\n"
            "1. ORGANET som svarar för dina uppgifter\n\n"
            "Exempelbyns kommun, FO-nummer 2077474-0\n"
            "Post: PB 12, 22101 Exempelby\n"
            "Besöksadress: Torggatan 3, AX-22100 Exempelby\n"
            "E-post: registrator@example.ax\n\n"
            "2. Syfte med behandlingen\n\nUppgifterna används för kundtjänst.\n"
        )
        controller = result.draft.controller
        assert controller.business_id == "2077474-0"
        assert _address(result) == ("Torggatan 3", "22100", "Exempelby")
        assert controller.contact is not None
        assert controller.contact.email == "registrator@example.ax"
        assert not result.draft.data_categories
        assert any("read as controller" in note for note in result.notes.get("controller", ()))

    def test_a_controller_section_of_its_own_wins(self) -> None:
        """With a controller section, an address block elsewhere is not taken for it."""
        result = import_notice(
            "Registerbeskrivning\n\n1. Personuppgiftsansvarig\n\nExempelföreningen rf\n"
            "Skolgatan 1, 10600 Ekenäs\n\n"
            "2. Leverantörer\n\nTryckeri Exempel Ab\nHamngatan 9\n10900 Hangö\n"
        )
        assert result.draft.controller.name == "Exempelföreningen rf"
        assert _address(result) == ("Skolgatan 1", "10600", "Ekenäs")


class TestFallbackAddress:
    """An address outside any controller block, read over its lines."""

    @pytest.mark.parametrize(
        ("block", "expected"),
        [
            # the street on a line of its own, blank lines between
            ("Exempel Ab\n\nÄngsvägen 8 B\n\n02100 Esbo\n", ("Ängsvägen 8 B", "02100", "Esbo")),
            # a form's label lines
            (
                "Namn: Exempel Ab\nGatuadress: Ängsvägen 8\nPostnummer: 02100\nPostanstalt: Esbo\n",
                ("Ängsvägen 8", "02100", "Esbo"),
            ),
            ("Exempel Oy\nKatu 5\n00100 Helsinki, Suomi\n", ("Katu 5", "00100", "Helsinki")),
            # a building after the street's number and a comma is part of the street
            (
                "Exempel Ab\nStorgatan 8, Hus B\n65100 Vasa\n",
                ("Storgatan 8, Hus B", "65100", "Vasa"),
            ),
        ],
    )
    def test_block_lines(self, block: str, expected: tuple[str, str, str]) -> None:
        """The street above the postal code, a town on the label line below it."""
        result = import_notice(f"Registerbeskrivning\n\nAllmänt om oss\n\n{block}")
        assert _address(result) == expected

    def test_a_postal_code_without_a_town_nearby_is_no_address(self) -> None:
        """A town too far below the postal code is not joined to it."""
        result = import_notice(
            "Registerbeskrivning\n\nAllmänt\n\nPostnummer: 02100\n\n\n\n\nOrt: Esbo\n"
        )
        assert _address(result) == (None, None, None)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Exempelby lagting, lagtinget", "Exempelby lagting"),
        # a unit after the body's name is part of how the notice names it
        ("Exempelby kuntayhtymä, kirjastolautakunta", "Exempelby kuntayhtymä, kirjastolautakunta"),
    ],
)
def test_short_name_after_the_name(name: str, expected: str) -> None:
    result = import_notice(
        f"Dataskyddsbeskrivning\n\nPersonuppgiftsansvarig\n\n{name}\nStorgatan 1, 22100 Mariehamn\n"
    )
    assert result.draft.controller.name == expected


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # the name on its heading's line, in capitals
        (
            "3. Rekisterin nimi KYLÄN KAUPUNGIN VARAUSJÄRJESTELMÄ\n\n",
            "Kylän kaupungin varausjärjestelmä",
        ),
        # a heading the sections did not read, the name on the line after it
        (
            "3. Namnet på registret\n\nExempelbutikens kundregister.\n\n",
            "Exempelbutikens kundregister",
        ),
        (
            "Registrets benämning:\nKundregister för fjärrvärmekunder\n\n",
            "Kundregister för fjärrvärmekunder",
        ),
        (
            "Rekisterin nimi ja keitä se koskee\n\nKylän Seuran jäsenrekisteri. Jäseniä.\n\n",
            "Kylän Seuran jäsenrekisteri",
        ),
        ("Rekisterit ja järjestelmät\n\nAsiakasrekisteri / Kassakone\n\n", "Asiakasrekisteri"),
        (
            "Rekisterin nimi\n\nKylän arkiston aineisto (”Arkistorekisteri”)\n\n",
            "Kylän arkiston aineisto",
        ),
        ("Registrets namn\n\nUthyrningstjänster; bostadssystemet Hemnet\n\n", "Uthyrningstjänster"),
        # the system's name on the line under the register's name is kept apart
        ("Registrets namn\nSeniorbostäder och ateljéer\nKalkyl\n\n", "Seniorbostäder och ateljéer"),
    ],
)
def test_register_name_shapes(block: str, expected: str) -> None:
    """The register's name in shapes real notices had, not read before."""
    result = import_notice(
        "Dataskyddsbeskrivning\n\n1. Personuppgiftsansvarig\n\nExempel Ab\n"
        f"Storgatan 1, 65100 Vasa\n\n{block}Syfte\n\nUppgifterna används för fakturering.\n"
    )
    name = result.draft.name
    assert name is not None
    assert expected in (name.fi, name.sv)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a firm's name without a legal form on its Y-tunnus's line, under a heading not read
        (
            (
                "Tietosuojaseloste\n\nTämä seloste kertoo asiakastiedoista.\n"
                "1. KUKA TIETOJA KÄSITTELEE\nHieromo Pehmeä, y-tunnus: 2077474-0\n"
            ),
            "Hieromo Pehmeä",
        ),
        ("Tietosuojaseloste\n\nRekisterinpitäjänä toimii Kylänmäen kunta.\n", "Kylänmäen kunta"),
        (
            "Dataskyddsbeskrivning\n\nAllmänt\n\nPersonuppgiftsansvarig är Exempelby stad.\n",
            "Exempelby stad",
        ),
    ],
)
def test_controller_named_outside_a_block(text: str, expected: str) -> None:
    """The controller's name where no controller section gives it."""
    assert import_notice(text).draft.controller.name == expected


def test_register_name_alone_at_the_start() -> None:
    """A notice without headings: its register's name on a line of its own near the start."""
    result = import_notice(
        "Kylän Pallo ry:n tietosuojaseloste\nKylän Pallo ry, Kenttätie 1, 87100 Kajaani\n"
        "Jäsen- ja talkoolaisrekisteri\nJäsenten tietoja käytetään jäsenasioiden hoitoon.\n"
    )
    assert result.draft.name is not None
    assert result.draft.name.fi == "Jäsen- ja talkoolaisrekisteri"


@pytest.mark.parametrize(
    ("title", "name", "expected"),
    [
        (
            "Tietosuojaseloste",
            "Jäsenrekisteri, Medlemsregister",
            ("Jäsenrekisteri", "Medlemsregister"),
        ),
        (
            "Tietosuojaseloste",
            "Jäsenrekisteri | Medlemsregister",
            ("Jäsenrekisteri", "Medlemsregister"),
        ),
        (
            "Tietosuojaseloste",
            "Kylän asiakasrekisteri (sv. Byns kundregister)",
            ("Kylän asiakasrekisteri", "Byns kundregister"),
        ),
        (
            "Tietosuojaseloste – Jäsenrekisteri / Dataskyddsbeskrivning – Medlemsregister",
            None,
            ("Jäsenrekisteri", "Medlemsregister"),
        ),
    ],
)
def test_register_name_in_two_languages(
    title: str, name: str | None, expected: tuple[str, str]
) -> None:
    """A name in Finnish and Swedish gives both languages, from its section or the title."""
    section = f"Rekisterin nimi / Registrets namn\n\n{name}\n\n" if name else ""
    result = import_notice(
        f"{title}\n\nRekisterinpitäjä / Personuppgiftsansvarig\n\nKylän Seura ry\n"
        f"Katu 1, 00100 Kylä\n\n{section}Käyttötarkoitus / Ändamål\n\nJäsenasiat.\n"
    )
    assert result.draft.name is not None
    assert (result.draft.name.fi, result.draft.name.sv) == expected


@pytest.mark.parametrize(
    ("controller", "expected"),
    [
        # a firm reached at its contact person's address: the controller's too
        ("Tmi Aino Esimerkki, y-tunnus 2077474-0", ("Kauppakatu 18", "40100", "Jyväskylä")),
        # an association's contact person may give their home's: it stays theirs
        ("Kylän Kuoro ry", None),
    ],
)
def test_contact_persons_address(controller: str, expected: tuple[str, str, str] | None) -> None:
    """A controller with no address of its own and a contact person's address below it."""
    result = import_notice(
        f"Rekisterinpitäjä\n\n{controller}\n\nRekisterin yhteyshenkilö ja yhteystiedot\n\n"
        "Yhteyshenkilö: Aino Esimerkki\nOsoite: Kauppakatu 18, 40100 Jyväskylä\n"
    )
    address = result.draft.controller.address
    got = None if address is None else (address.street, address.postal_code, address.town)
    assert got == expected


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # a sole trader's role before the name: the person is the controller
        ("Itsenäinen ammatinharjoittaja, fysioterapeutti (AMK) Aino Esimerkki", "Aino Esimerkki"),
        # a lead-in line ending with its verb, the body's name on the next line
        ("Asiakkaiden tiedoista vastaa\n\nKylän Talli Oy", "Kylän Talli Oy"),
    ],
)
def test_controller_line_shapes(block: str, expected: str) -> None:
    """The controller's name among the words a notice writes around it."""
    result = import_notice(
        f"1. Rekisterinpitäjä ja yhteystiedot\n\n{block}\nKatu 1, 00100 Kylä\n\n"
        "2. Rekisterin nimi\n\nAsiakasrekisteri\n"
    )
    assert result.draft.controller.name == expected


def test_a_municipal_organ_then_its_municipality() -> None:
    """A committee named first, its city after it: the city is the controller, the organ noted."""
    result = import_notice(
        "Rekisterinpitäjä\n\nSivistyslautakunta\n\nRekisterinpitäjän yhteystiedot\n\n"
        "Kylän kaupunki, PL 40, 39801 Kylä\n"
    )
    assert result.draft.controller.name == "Kylän kaupunki"
    assert "the notice names the body's organ: Sivistyslautakunta" in result.notes["controller"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Personuppgiftsansvarig är Kustens musikinstitut.", "Kustens musikinstitut"),
        ("Byns bibliotek är personuppgiftsansvarig för registret.", "Byns bibliotek"),
        ("Rekisterinpitäjänä toimii Kylän kirjasto.", "Kylän kirjasto"),
        # no name: a determiner, or a person's name
        ("Vår förening är personuppgiftsansvarig.", None),
        ("Aino Esimerkki är personuppgiftsansvarig.", None),
    ],
)
def test_controller_said_outright(sentence: str, expected: str | None) -> None:
    """A sentence that says who the controller is names a body without a legal form too."""
    result = import_notice(
        f"Registerbeskrivning\n\nAllmänt\n\n{sentence}\n\nÄndamål\n\nKundtjänst.\n"
    )
    assert result.draft.controller.name == expected


def test_channels_around_the_contact_person() -> None:
    """Channels under a heading read otherwise go to the party whose section they follow."""
    result = import_notice(
        "Rekisterinpitäjä\n\nKylän virasto\nKatu 1, 00100 Kylä\n\n"
        "Muut yhteystiedot\n\nsähköposti kirjaamo@example.fi\npuhelinvaihde 09 123 4000\n\n"
        "Rekisterinpitäjän edustaja (yhteyshenkilö)\n\nAino Esimerkki\n\n"
        "Yhteystiedot (puhelin, sähköposti)\n\naino.esimerkki@example.fi\n09 123 4010\n\n"
        "Rekisterin nimi\n\nAsiakasrekisteri\n"
    )
    contact = result.draft.controller.contact
    assert contact is not None
    assert (contact.email, contact.phone) == ("kirjaamo@example.fi", "09 123 4000")
    assert result.draft.contact_person is not None
    assert result.draft.contact_person.email == "aino.esimerkki@example.fi"
    assert not result.draft.data_categories


def test_a_body_name_read_as_a_heading_of_another_field() -> None:
    """An empty controller section, then a body's name whose words read as a rights heading."""
    result = import_notice(
        "Tietosuojaseloste\n\n2. Rekisterinpitäjä\n\nOikeuslaitos\n\n"
        "sähköposti: kirjaamo@example.fi\n\n3. Käsittelyn tarkoitus\n\nAsiointi.\n"
    )
    assert result.draft.controller.name == "Oikeuslaitos"
    assert result.draft.controller.contact is not None
    assert result.draft.controller.contact.email == "kirjaamo@example.fi"
    assert result.draft.rights_exercise is None or "Oikeuslaitos" not in str(
        result.draft.rights_exercise
    )


def test_a_register_name_that_repeats_the_title() -> None:
    """The name under its heading reads like a title heading: it is the name section's text."""
    result = import_notice(
        "Kylän palvelu tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Palvelu Oy\n"
        "Katu 1, 00100 Kylä\n\nRekisterin nimi\n\nKylän palvelu tietosuojaseloste\n\n"
        "Mihin tietoja käytetään\n\nLaskutukseen.\n"
    )
    assert result.draft.name is not None
    assert result.draft.name.fi == "Kylän palvelu tietosuojaseloste"


def test_a_contact_persons_po_box_is_not_the_controllers() -> None:
    """A city's contact person with a PO box only: the controller gets no address from it."""
    result = import_notice(
        "Rekisterinpitäjä\n\nRekisterinpitäjä on Kylän kaupunki.\n\n"
        "Yhteydenotot rekisteriä koskevissa asioissa\n\nKylän kaupungin viestintäjohtaja Aino "
        "Esimerkki\nOsoite: PL 12, 02070 Kylän kaupunki\n"
    )
    assert result.draft.controller.address is None
