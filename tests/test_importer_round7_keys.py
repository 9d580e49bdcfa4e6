"""Key facts on layouts nobody tuned on, importer round 7 (issue 15).

The class that held most wrong controller names on held-out notices was "none
found": the notice names its controller, the importer gives nothing. Each case
here is a mechanism, not a page: a keeper named in a Swedish sentence (a name
opening with the body's word in its definite form, a registry number between
the name and the verb, a cleft "Det är X som är …", "X har ett
medlemsregister", a quoted short name in brackets), a body's name on its own
line above an address under a heading the reader does not know, and a name in
two languages joined by a dash whose first half has no legal form (was cut to
its second half). The notices are short fictional ones; the ``dev_r7k_*``
development fixtures reproduce the layouts whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pytest

from rekisteri.importer import import_bytes, import_notice
from rekisteri.importer._fallback import stated_keeper
from rekisteri.importer._register_name import title_register_name

DEV: Final = Path(__file__).parent / "fixtures" / "legacy" / "dev"
TAIL: Final = "\n\nRekisterin käyttötarkoitus\n\nTietoja käytetään jäsenyyden hoitamiseen.\n"


@pytest.mark.parametrize(
    ("sentence", "keeper"),
    [
        # a definite body word opens the name, an abbreviation inside it, no body word at its end
        (
            (
                "Stiftelsen Ebba Exempelbergs fond för kultur m. fl. ändamål är "
                "personuppgiftsansvarig för behandlingen."
            ),
            "Stiftelsen Ebba Exempelbergs fond för kultur m. fl. ändamål",
        ),
        # a registry number between the name and the verb
        (
            (
                "Insamlingsstiftelsen Rent Vatten Finland, organisationsnummer 0007103-6 är "
                "personuppgiftsansvarig för behandlingen av personuppgifter."
            ),
            "Insamlingsstiftelsen Rent Vatten Finland",
        ),
        (
            (
                "Riksföreningen Exempel, org. nr. 0007103-6, är ansvarig för den behandling av "
                "personuppgifter som föreningen utför."
            ),
            "Riksföreningen Exempel",
        ),
        # the number masked like an identity code still stands between the name and the verb
        (
            "Kylän Seura ry, Y-tunnus ¤¤¤¤¤¤¤¤¤, on rekisterinpitäjä.",
            "Kylän Seura ry",
        ),
        # a cleft sentence
        (
            (
                "Frågor tas emot per post. Det är Exempelbergs stiftelse som är "
                "personuppgiftsansvarig för uppgifterna."
            ),
            "Exempelbergs stiftelse",
        ),
        ("It is Saaristo Rowing Club ry that is the controller.", "Saaristo Rowing Club ry"),
        # a cleft with the registry number in brackets; a name with no body word at its end
        (
            (
                "Det är Ebba Exempelbergs fond för kulturella ändamål (org. nr 0007103-6) som är "
                "personuppgiftsansvarig."
            ),
            "Ebba Exempelbergs fond för kulturella ändamål",
        ),
        # a body that has the register
        (
            (
                "Exempelbergska släktföreningen har ett digitalt medlemsregister med "
                "följande poster."
            ),
            "Exempelbergska släktföreningen",
        ),
        # a quoted short name in brackets after the body's name
        (
            (
                "Här beskriver vi hur Ebba Exempelbergs stiftelse (”Stiftelsen”) behandlar "
                "uppgifterna. Stiftelsen är personuppgiftsansvarig."
            ),
            "Ebba Exempelbergs stiftelse",
        ),
        ('Kylän Soutajat ry ("the Club") processes personal data.', "Kylän Soutajat ry"),
    ],
)
def test_keeper_named_in_a_sentence(sentence: str, keeper: str) -> None:
    assert stated_keeper(sentence) == keeper


@pytest.mark.parametrize(
    "sentence",
    [
        # a bare body word in its definite form is no name
        "Stiftelsen är personuppgiftsansvarig för behandlingen.",
        "Föreningen har ett medlemsregister.",
        # "har" without a register, a person, a sentence across a full stop
        "Exempelbergska släktföreningen har rätt att ändra policyn.",
        "Det är Aino Esimerkki som är personuppgiftsansvarig.",
        "Tiedot. Yhdistys on rekisterinpitäjä.",
        # a quoted word in brackets after no body
        "Käytämme evästeitä (”cookies”) sivuilla.",
    ],
)
def test_no_keeper_in_a_sentence(sentence: str) -> None:
    assert stated_keeper(sentence) is None


@pytest.mark.parametrize(
    ("notice", "name"),
    [
        # "Registrar" is no heading the reader knows: the name above the address line
        (
            (
                "Privacy policy\n\n1. Registrar\n\nKylän Soutajat ry\n\nRantapolku 7, 33100 Tampere"
                "\n\nsoutajat@example.fi\n\n2. Name of the register\n\nMember register\n"
            ),
            "Kylän Soutajat ry",
        ),
        # a Swedish block with no heading at all: name, address, phone and e-mail
        (
            (
                "Integritetspolicy\n\nKontakta oss gärna om du har frågor.\n\n"
                "Ebba Exempelbergs stiftelse\nStrandgatan 4, 65100 Vasa\n"
                "Tel. 06 123 4567, e-post: kansli@example.fi\n"
            ),
            "Ebba Exempelbergs stiftelse",
        ),
    ],
)
def test_name_on_its_own_line_above_the_address(notice: str, name: str) -> None:
    result = import_notice(notice)
    assert result.draft.controller.name == name
    assert result.draft.controller.address is not None


@pytest.mark.parametrize(
    "notice",
    [
        # a person above the address is no controller; a sentence is none either
        "Tietosuojaseloste\n\nAino Esimerkki\nKatu 1, 00100 Helsinki\n" + TAIL,
        "Tietosuojaseloste\n\nOta meihin yhteyttä kirjeitse.\nKatu 1, 00100 Helsinki\n" + TAIL,
    ],
)
def test_no_body_above_the_address(notice: str) -> None:
    assert import_notice(notice).draft.controller.name is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # was "Ren Byastrand ry": the first half has no legal form
        (
            (
                "Puhdas Kyläranta – Ren Byastrand ry (Clean Village Shore Association), "
                "Rantakatu 5, 21600 Parainen, info@example.fi"
            ),
            "Puhdas Kyläranta – Ren Byastrand ry",
        ),
        # both halves with their legal form, as before
        (
            "Kylän Kuvaajat ry – Byns Fotografer rf, Rantakatu 5, 21600 Parainen",
            "Kylän Kuvaajat ry – Byns Fotografer rf",
        ),
    ],
)
def test_name_in_two_languages_joined_by_a_dash(line: str, name: str) -> None:
    result = import_notice(f"Rekisterinpitäjä\n\n{line}{TAIL}")
    assert result.draft.controller.name == name


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # the body, then the notice of its register: the register alone (was the whole line)
        ("Kylän Seura ry – Jäsenrekisterin tietosuojaseloste", "Jäsenrekisteri"),
        # a sentence about the register with it in the partitive (was none)
        ("Tässä kuvataan yhdistyksen jäsenrekisteriä.", "Jäsenrekisteri"),
        (
            "Tämä seloste koskee Kylän Seura ry:n jäsenrekisteriä.",
            "Kylän Seura ry:n jäsenrekisteri",
        ),
        ("Denna beskrivning gäller föreningens medlemsregister.", "Medlemsregister"),
        # a word for the kind of body that owns it is no part of the name
        ("Yhdistyksen jäsenrekisterin tietosuojaseloste", "Jäsenrekisteri"),
        # as before
        (
            "Tietosuojaseloste – Kylän Kauppa Oy:n asiakasrekisteri",
            "Kylän Kauppa Oy:n asiakasrekisteri",
        ),
    ],
)
def test_register_name_in_a_title_or_first_sentence(title: str, name: str) -> None:
    assert title_register_name(title) == name


@pytest.mark.parametrize(
    "title", ["Tämä seloste koskee yhdistyksen toimintaa.", "Kylän Seura ry – Tietosuojaseloste"]
)
def test_no_register_name_in_a_title(title: str) -> None:
    assert title_register_name(title) is None


@pytest.mark.parametrize(
    ("block", "name"),
    [
        # a name broken over two lines after a hyphen or a conjunction (was its first line)
        (
            "Kylän Kotiseutu- ja\nMuseoyhdistys ry\nKatu 1, 00100 Helsinki",
            "Kylän Kotiseutu- ja Museoyhdistys ry",
        ),
        (
            "Byns Hembygds- och\nMuseiförening rf\nGatan 1, 00100 Helsingfors",
            "Byns Hembygds- och Museiförening rf",
        ),
        # a label for the kind of body before the name (was kept in it)
        ("Yhdistys: Kylän Seura ry\nOsoite: Katu 1, 00100 Helsinki", "Kylän Seura ry"),
        ("Förening:Byns Förening rf\nGatan 1, 00100 Helsingfors", "Byns Förening rf"),
        # a register's name after a comma is no unit of the body (was kept in the name)
        ("Kylän Seura ry, jäsenrekisteri\nKatu 1, 00100 Helsinki", "Kylän Seura ry"),
        # the firm in the genitive before what it runs
        ("Kylän Kauppa Oy:n Verkkokauppa\nKatu 1, 00100 Helsinki", "Kylän Kauppa Oy"),
        # as before: a unit after a comma, two lines that are two things
        ("Kylän kaupunki, sivistystoimi\nKatu 1, 00100 Helsinki", "Kylän kaupunki, sivistystoimi"),
        (
            "Kylän Seura ry\nMatti Esimerkki, puheenjohtaja\nKatu 1, 00100 Helsinki",
            "Kylän Seura ry",
        ),
    ],
)
def test_name_in_a_controller_block(block: str, name: str) -> None:
    result = import_notice(f"Tietosuojaseloste\n\nRekisterinpitäjä\n\n{block}{TAIL}")
    assert result.draft.controller.name == name


@pytest.mark.parametrize(
    ("block", "street", "box", "code"),
    [
        # with a street, the address's code and town are the street's and a box with a code
        # of its own holds it (the lead's note of 20:38), whichever line comes first
        (
            "Katu 1, 00100 Helsinki\nPL 800, 00101 Helsinki",
            "Katu 1",
            "PL 800, 00101 Helsinki",
            "00100",
        ),
        (
            "PL 800, 00101 Helsinki\nKäyntiosoite: Katu 1, 00100 Helsinki",
            "Katu 1",
            "PL 800, 00101 Helsinki",
            "00100",
        ),
        (
            "PL 10\n00101 Helsinki\nKatu 1, 00100 Helsinki",
            "Katu 1",
            "PL 10, 00101 Helsinki",
            "00100",
        ),
        (
            "Katu 1, 00100 Helsinki / PL 310, 00101 Helsinki",
            "Katu 1",
            "PL 310, 00101 Helsinki",
            "00100",
        ),
        # the same code for both: the box alone
        ("Katu 1, 00100 Helsinki\nPL 800, 00100 Helsinki", "Katu 1", "PL 800", "00100"),
        # a box alone: no street, the box's code in the address (was a note)
        ("Postiosoite: PL 1405, 00101 Helsinki", None, "PL 1405", "00101"),
        ("PB 12, 00101 Helsingfors", None, "PB 12", "00101"),
    ],
)
def test_po_box_in_its_own_field(block: str, street: str | None, box: str, code: str) -> None:
    result = import_notice(
        f"Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Kauppa Oy\n{block}{TAIL}"
    )
    address = result.draft.controller.address
    assert address is not None
    assert (address.street, address.po_box, address.postal_code) == (street, box, code)


@pytest.mark.parametrize(
    ("stem", "box"),
    [
        ("07-gdpr-html-h2-dl-cookies", "PL 77, 90101 Oulu"),
        ("11-bilingual-fi-en", "PL 12, 02151 Espoo"),
        ("17-valtion-virasto-pl-telefax", "PL 45, 00521 Helsinki"),
        ("24-joint-controllers-pdf-paste", "PL 310, 33101 Tampere"),
    ],
)
def test_dev_notices_with_a_po_box(stem: str, box: str) -> None:
    """The development notices that give a PO box beside a street: the box in its field."""
    notice = next(p for p in DEV.glob(f"{stem}.*") if p.suffix in {".txt", ".html"})
    address = import_bytes(notice.read_bytes(), source_name=notice.name).draft.controller.address
    assert address is not None
    assert address.po_box == box
    assert address.street is not None


def test_doubled_at_sign_is_one() -> None:
    """'name@@example.fi' (a typing slip) is the address 'name@example.fi'."""
    result = import_notice(
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Seurakuntayhtymä\nKatu 1, 00100 Helsinki"
        f"\nsähköposti: toimisto@@example.fi{TAIL}"
    )
    contact = result.draft.controller.contact
    assert contact is not None
    assert contact.email == "toimisto@example.fi"


@pytest.mark.parametrize(
    ("label", "value", "name"),
    [
        # a name heading the table of headings does not know, a blank line before its value
        ("Registrets benämning", "Medlemsförteckning", "Medlemsförteckning"),
        ("Name of the registry", "Customer register", "Customer register"),
        ("Title of the register", "Customer register", "Customer register"),
        # a heading that names the register and its purpose: the name up to its clause
        (
            "Rekisterin nimi ja tarkoitus",
            "Jäsenrekisteri, jonka tarkoitus on jäsenyyden hoitaminen.",
            "Jäsenrekisteri",
        ),
    ],
)
def test_register_name_under_a_label_line(label: str, value: str, name: str) -> None:
    result = import_notice(
        f"Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Seura ry\nKatu 1, 00100 Helsinki\n\n"
        f"{label}\n\n{value}\n"
    )
    assert result.draft.name is not None
    assert name in (result.draft.name.fi, result.draft.name.sv, result.draft.name.en)


def test_no_register_name_under_a_label_line_over_a_sentence() -> None:
    result = import_notice(
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Seura ry\nKatu 1, 00100 Helsinki\n\n"
        "Registrets benämning\n\nUppgifterna samlas in av medlemmarna själva.\n"
    )
    assert result.draft.name is None


@pytest.mark.parametrize(
    ("html", "name"),
    [
        # a table's header row of two parties over their cells (the controller's was empty)
        (
            (
                "<h1>Tietosuojaseloste</h1><table><tr><th>Rekisterinpitäjä</th><th>Yhteyshenkilö</th>"
                "</tr><tr><td>Kylän Kauppa Oy<br>Katu 1, 00100 Helsinki</td><td>Matti Esimerkki<br>"
                "matti@example.fi</td></tr></table><h2>Rekisterin nimi</h2><p>Asiakasrekisteri</p>"
            ),
            "Kylän Kauppa Oy",
        ),
        # a name's genitive first word alone on its line (was 'Kylän')
        (
            (
                "<h1>Tietosuojaseloste</h1><h3>Rekisterinpitäjä</h3><p>Kylän<br>Kauppa Oy<br>"
                "Katu 1, 00100 Helsinki</p>"
            ),
            "Kylän Kauppa Oy",
        ),
    ],
)
def test_controller_in_html_layouts(html: str, name: str) -> None:
    result = import_bytes(html.encode(), source_name="notice.html")
    assert result.draft.controller.name == name


@pytest.mark.parametrize(
    ("block", "street", "box", "code", "town"),
    [
        # a Swedish postal code of three and two digits: the address is in Sweden (was none)
        ("Olaigatan 17A, 703 61 Örebro", "Olaigatan 17A", None, "703 61", "Örebro"),
        (
            "c/o Exempel Ekonomi\nBox 6188\n102 33 Stockholm",
            None,
            "Box 6188",
            "102 33",
            "Stockholm",
        ),
        (
            "Adress: Gatan 1\nPostnummer: SE-102 33\nPostort: Stockholm",
            "Gatan 1",
            None,
            "102 33",
            "Stockholm",
        ),
    ],
)
def test_swedish_postal_code(
    block: str, street: str | None, box: str | None, code: str, town: str
) -> None:
    result = import_notice(
        f"Integritetspolicy\n\nPersonuppgiftsansvarig\n\nExempels stiftelse\n{block}\n\n"
        "Ändamål\n\nUppgifterna används för ansökningar.\n"
    )
    address = result.draft.controller.address
    assert address is not None
    assert (address.street, address.po_box, address.postal_code, address.town) == (
        street,
        box,
        code,
        town,
    )
    assert address.country == "SE"


def test_phone_digits_are_no_swedish_postal_code() -> None:
    result = import_notice(
        f"Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Kauppa Oy\nKatu 1, 00100 Helsinki\n"
        f"puh. 040 123 45 67{TAIL}"
    )
    address = result.draft.controller.address
    assert address is not None
    assert (address.postal_code, address.country) == ("00100", "FI")


@pytest.mark.parametrize(
    ("value", "name"),
    [
        # a clause after the register's word goes to the description (was in the name)
        ("Asiakasrekisteri, jota ylläpidetään asiakassuhteen hoitamiseksi.", "Asiakasrekisteri"),
        ("Medlemsregister, som förs av föreningens styrelse.", "Medlemsregister"),
        ("Customer register, which is used for invoicing.", "Customer register"),
        ("Jäsenrekisteri, päivitetty 1.2.2024", "Jäsenrekisteri"),
        # a statute or a short name in brackets at the end is no part of the name
        ("Jäsenrekisteri (EU 2016/679)", "Jäsenrekisteri"),
        (
            "Kylän Seura ry:n jäsenrekisteri (jäljempänä rekisteri)",
            "Kylän Seura ry:n jäsenrekisteri",
        ),
        # as before: a name that ends in its register word alone
        (
            "Jäsenrekisteri ja tapahtumien osallistujarekisteri",
            "Jäsenrekisteri ja tapahtumien osallistujarekisteri",
        ),
    ],
)
def test_register_name_without_what_follows_it(value: str, name: str) -> None:
    result = import_notice(
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Seura ry\nKatu 1, 00100 Helsinki\n\n"
        f"Rekisterin nimi\n\n{value}{TAIL}"
    )
    assert result.draft.name is not None
    assert name in (result.draft.name.fi, result.draft.name.sv, result.draft.name.en)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # after a firm's legal form, what follows a comma or dash is no unit of it
        ("Kylän Kauppa Oy, asiakaspalvelu", "Kylän Kauppa Oy"),
        ("Kylän Kauppa Oy – verkkokauppa", "Kylän Kauppa Oy"),
        # a relative clause, a role with a person: no part of the name
        ("Kylän Kauppa Oy, joka ylläpitää verkkokauppaa", "Kylän Kauppa Oy"),
        ("Kylän Seura ry, puheenjohtaja Matti Esimerkki", "Kylän Seura ry"),
        # a public body's unit stays in its name, as before
        ("Kylän kaupunki, sivistystoimi", "Kylän kaupunki, sivistystoimi"),
    ],
)
def test_controller_name_without_what_follows_it(line: str, name: str) -> None:
    result = import_notice(
        f"Tietosuojaseloste\n\nRekisterinpitäjä\n\n{line}\nKatu 1, 00100 Helsinki{TAIL}"
    )
    assert result.draft.controller.name == name


def test_role_and_person_before_a_colon_is_no_label() -> None:
    """'Jäsenvastaava / medlemsansvarig Aino Esimerkki: jasen@…' names the contact person."""
    result = import_notice(
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKylän Seura ry\nKatu 1, 00100 Helsinki\n\n"
        "Yhteyshenkilö\n\nJäsenvastaava / medlemsansvarig Aino Esimerkki: jasen@example.fi"
        f"{TAIL}"
    )
    assert result.draft.contact_person is not None
    assert result.draft.contact_person.name == "Aino Esimerkki"


@pytest.mark.parametrize(
    ("lines", "box"),
    [
        ("Postilokero 12, 00101 Helsinki", "Postilokero 12"),
        ("Postilokero: 12, 00101 Helsinki", "12"),
        ("Postilokero: 12\n00101 Helsinki", "12"),
        ("Besöksadress\nPostilokero 12\n00101 Helsinki", "Postilokero 12"),
    ],
)
def test_a_box_written_postilokero_is_the_po_box(lines: str, box: str) -> None:
    """'Postilokero 12' is a box (never the name '12'); a label alone on a line is no name."""
    result = import_notice(f"Tietosuojaseloste\n\nRekisterinpitäjä\n\nEsimerkki Oy\n{lines}{TAIL}")
    address = result.draft.controller.address
    assert address is not None
    assert (address.po_box, address.postal_code, address.town) == (box, "00101", "Helsinki")
    notes = " ".join(" ".join(texts) for texts in result.notes.values())
    assert "another name" not in notes


def test_a_dpo_heading_inside_the_controllers_block_names_the_dpo() -> None:
    """'Dataskyddsombud' on its own line in the block: the person below is the DPO."""
    result = import_notice(
        "Dataskyddsbeskrivning\n\nPersonuppgiftsansvarig\n\nExempel Ab\nGatan 1, 00100 Helsingfors"
        "\nDataskyddsombud\nAino Exempel, dso@example.fi\n\nÄndamål\n\nFakturering.\n"
    )
    dpo = result.draft.controller.dpo
    assert dpo is not None
    assert (dpo.name, dpo.email) == ("Aino Exempel", "dso@example.fi")
    assert result.draft.contact_person is None
    assert result.draft.controller.name == "Exempel Ab"


@pytest.mark.parametrize(
    "sentence",
    [
        "Uppgifterna används för fakturering.",
        "Tiedot kerätään asiakkaalta itseltään.",
        "We keep the data for two years.",
        "Käytämme tietoja laskutukseen.",
    ],
)
def test_a_short_sentence_after_the_controllers_block_is_no_name(sentence: str) -> None:
    """A sentence with a verb below the controller's name is never its other name."""
    result = import_notice(
        f"Tietosuojaseloste\n\nRekisterinpitäjä\n\nEsimerkki Oy\nKatu 1, 00100 Helsinki\n\n"
        f"{sentence}{TAIL}"
    )
    assert result.draft.controller.name == "Esimerkki Oy"
    notes = " ".join(" ".join(texts) for texts in result.notes.values())
    assert "another name" not in notes
    assert sentence.rstrip(".") not in (result.draft.controller.name or "")


def test_an_identity_code_is_no_register_name() -> None:
    """'Rekisterin nimi: <code>': no name (the code stays unmatched, masked)."""
    result = import_notice("Rekisterin nimi: 131052-9384\n")
    assert result.draft.name is None
    assert [p.text for p in result.unmatched] == ["131052-****"]


def test_another_sections_heading_after_the_controllers_block_is_no_name() -> None:
    """A heading the reader does not know whole, but whose words name another section."""
    heading = "Tietojen käsittelyn perusteet ja tarkoitus (EU 2016/679 6 art.)"
    result = import_notice(
        f"Rekisterinpitäjä\n\nEsimerkki Oy\nKatu 1, 00100 Helsinki\n\n{heading}\n\n"
        "Tietoja käytetään laskutukseen.\n"
    )
    assert result.draft.controller.name == "Esimerkki Oy"
    # the controller's remarks (a guessed heading's remark on the purposes may quote it)
    notes = " ".join(
        " ".join(texts) for path, texts in result.notes.items() if path.startswith("controller")
    )
    assert "another name" not in notes
    assert "Tietojen käsittelyn perusteet" not in notes
