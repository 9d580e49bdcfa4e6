"""Key facts the importer found nowhere, importer round 8 (issue 15).

On held-out notices most wrong key facts were values the notice gives and the
importer did not find at all. Each case here is a mechanism, not a page: a
Finnish postal code printed with a space ("65 101 VASA"), a street number that
is a range with a spaced dash ("Hamngatan 21 – 23", was cut at the dash), a
town followed by the next value's label, a firm's name in the genitive ("X
Oy:n"), the notice's own kind taken for the controller, a form's plural label
("Nimet"), a sentence naming the body run together with a contact line, an
address in a run-on line too long for the line parser. The notices are short
fictional ones; the ``dev_r8k_*`` development fixtures reproduce the layouts
whole.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Final

import pytest

from rekisteri.importer import import_bytes, import_notice, to_toml
from rekisteri.importer._contact import MAX_LINE, parse_line
from rekisteri.importer._fallback import nominative

DEV: Final = Path(__file__).parent / "fixtures" / "legacy" / "dev"
TAIL: Final = "\n\nRekisterin käyttötarkoitus\n\nTietoja käytetään jäsenyyden hoitamiseen.\n"


def _fields(line: str) -> dict[str, str]:
    return {part.field: part.value for part in parse_line(line, 0, len(line))}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a Finnish postal code with a space after its second digit
        ("65 101 VASA", {"postal_code": "65101", "town": "VASA"}),
        ("Rantakatu 6, 00 100 Helsinki", {"street": "Rantakatu 6", "postal_code": "00100"}),
        ("PL 3, 33 101 TAMPERE", {"po_box": "PL 3", "postal_code": "33101"}),
        # a house number before a postal code is no first half of a spaced one
        ("Kylätie 41 41520 Kylä", {"street": "Kylätie 41", "postal_code": "41520"}),
        ("Katu 5 PL 30 41901 Kylä", {"po_box": "PL 30", "postal_code": "41901"}),
        # still five digits and Swedish codes
        ("FI-00100 Helsinki", {"postal_code": "00100", "town": "Helsinki"}),
        ("Box 12, 102 33 Stockholm", {"postal_code": "102 33", "town": "Stockholm"}),
        # a street number given as a range with a spaced dash
        ("PB 10 (Hamngatan 21 – 23)", {"po_box": "PB 10", "street": "Hamngatan 21 – 23"}),
        (
            "Torikatu 11 - 13, 20100 Turku",
            {"street": "Torikatu 11 - 13", "postal_code": "20100", "town": "Turku"},
        ),
        # a spaced dash before a postal code still separates the values
        ("Katu 5 - 00100 Helsinki", {"street": "Katu 5", "postal_code": "00100"}),
        # the next value's label after the town is no word of it
        ("Opistontie 3, 04600 Harjula Tietosuojavastaava: Olli Opisto", {"town": "Harjula"}),
        ("Kauppatie 2, 02770 Espoon Keskus", {"town": "Espoon Keskus"}),
    ],
)
def test_address_line(line: str, expected: dict[str, str]) -> None:
    got = _fields(line)
    assert {key: got.get(key) for key in expected} == expected


@pytest.mark.parametrize(
    "line",
    ["puh. 040 12 345 Helsinki", "tel 09 12 345 Espoo", "Puhelin: 09 123 4567"],
)
def test_phone_end_is_no_spaced_postal_code(line: str) -> None:
    assert "postal_code" not in _fields(line)


def test_spaced_postal_code_is_said_in_a_note() -> None:
    result = import_notice(
        "Rekisterinpitäjä\n\nKylän kaupunki\nPL 3\n65 101 KYLÄ\nkirjaamo@kyla.example.fi" + TAIL
    )
    address = result.draft.controller.address
    assert address is not None
    assert (address.postal_code, address.town) == ("65101", "Kylä")
    draft = to_toml(result.draft, notes=result.notes)
    assert "the notice writes the postal code as 65 101" in draft


def _stems() -> list[str]:
    return sorted(
        p.name.removesuffix(".expected.toml") for p in DEV.glob("dev_r8k_*.expected.toml")
    )


@pytest.mark.parametrize("stem", _stems())
def test_dev_fixture_key_facts(stem: str) -> None:
    notice = next(p for p in DEV.glob(f"{stem}.*") if p.suffix in {".txt", ".html"})
    expected = tomllib.loads((DEV / f"{stem}.expected.toml").read_text(encoding="utf-8"))
    draft = import_bytes(notice.read_bytes(), source_name=notice.name).draft
    want = expected["controller"]
    assert draft.controller.name == want["name"]
    address = draft.controller.address
    for field, value in want.get("address", {}).items():
        assert address is not None
        assert getattr(address, field) == value, field
    if "contact" in want:
        assert draft.controller.contact is not None
        assert draft.controller.contact.email == want["contact"]["email"]
    if "business_id" in want:
        assert draft.controller.business_id == want["business_id"]
    assert draft.name is not None
    name = expected["name"]
    if isinstance(name, dict):  # a name in two languages: each text
        assert {lang: getattr(draft.name, lang) for lang in name} == name
    else:
        assert name in {draft.name.fi, draft.name.sv, draft.name.en}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("TTS-Esimerkki Oy:n", "TTS-Esimerkki Oy"),
        ("Kylän Seura ry:n", "Kylän Seura ry"),
        ("Byns Handel Ab:s", "Byns Handel Ab"),
        # no legal form: left as written
        ("TTS:n", "TTS:n"),
        ("Esimerkin säätiön", "Esimerkin säätiön"),
        ("Esimerkki Oy", "Esimerkki Oy"),
    ],
)
def test_nominative(name: str, expected: str) -> None:
    assert nominative(name) == expected


@pytest.mark.parametrize(
    ("notice", "controller"),
    [
        # the notice's own kind on an intro line under a controller cue is no name
        (
            (
                "Keitä olemme\n\nRekisteri- ja tietosuojaseloste, Saari Oy asiakasrekisteri\n\n"
                "1. Rekisterinpitäjä\nSaari Oy\nRantatie 1, 58900 Kylä\n"
            ),
            "Saari Oy",
        ),
        # a form's plural label over the names
        (
            "Rekisterinpitäjät\n\nNimet\nKylän virasto\nKoulutuksen järjestäjät\n",
            "Kylän virasto",
        ),
        # a sentence naming the body in the genitive, run into the contact line
        (
            (
                "Rekisterinpitäjä\n\nSeloste koskee Harju Oy:n (jäljempänä opisto) toimintaa. "
                "Rekisterinpitäjän yhteyshenkilö: Aino Harju Sähköposti: aino@harju.example.fi\n"
            ),
            "Harju Oy",
        ),
        # a name in the genitive from a sentence outside any controller section
        (
            (
                "Tietosuojaseloste\n\nSeloste kattaa Harju Oy:n (jäljempänä yhtiö) "
                "koulutustoiminnan.\n"
            ),
            "Harju Oy",
        ),
    ],
)
def test_controller_name(notice: str, controller: str) -> None:
    assert import_notice(notice + TAIL).draft.controller.name == controller


def test_address_in_a_run_on_line_too_long_for_the_line_parser() -> None:
    line = (
        "Tämä seloste kertoo, miten Harjun Opisto Oy käsittelee opiskelijoiden, heidän "
        "huoltajiensa ja opiston yhteistyökumppaneiden henkilötietoja koulutuksen "
        "järjestämisessä ja sen hallinnoinnissa eri vaiheissa. Opiston tiedot: Harjun Opisto Oy "
        "Puhelin: 040 555 0100 Osoite: Opistontie 3, 04600 Harju Sähköposti: "
        "opisto@harju.example.fi Tietosuojavastaavan tavoittaa samasta osoitteesta arkisin "
        "kello yhdeksästä kolmeen."
    )
    assert len(line) > MAX_LINE  # the line parser reads it as one text
    result = import_notice("Tietosuojaseloste\n\nYleistä\n\n" + line + TAIL)
    address = result.draft.controller.address
    assert address is not None
    assert (address.street, address.postal_code, address.town) == (
        "Opistontie 3",
        "04600",
        "Harju",
    )


@pytest.mark.parametrize(
    ("notice", "name"),
    [
        # a title that opens with the register word, the first heading right below it
        (
            "Register över förtroendevalda\n1. Personuppgiftsansvarig\nByns stad\n",
            "Register över förtroendevalda",
        ),
        ("Register of members\n1. Controller\nVillage Club ry\n", "Register of members"),
        # a name heading glued to its value without a space
        (
            "1. Registrets namnNätbutikens kundregister\n2. Personuppgiftsansvarig\nByns stad\n",
            "Nätbutikens kundregister",
        ),
        # a service's name, then a sentence about it, under the name heading
        (
            (
                "Rekisterin nimi\n\nKylän sähköisen asioinnin Oma-palvelu. Henkilötietojen osalta "
                "Oma-palvelun käyttäjärekisteri\n\nRekisterinpitäjä\n\nKylän kaupunki\n"
            ),
            "Kylän sähköisen asioinnin Oma-palvelu",
        ),
    ],
)
def test_register_name(notice: str, name: str) -> None:
    draft = import_notice(notice + TAIL).draft
    assert draft.name is not None
    assert name in {draft.name.fi, draft.name.sv, draft.name.en}


def test_a_name_heading_without_a_name_gives_none() -> None:
    # "Register över" needs words after it; a title naming the notice is no name
    draft = import_notice("Register of the notice\n1. Controller\nVillage Club ry\n" + TAIL).draft
    assert draft.name is None or "notice" not in (draft.name.fi or "")


@pytest.mark.parametrize(
    ("title", "fi", "sv"),
    [
        # a title that is the name in two languages keeps both
        ("Asiakasrekisteri / Kundregister", "Asiakasrekisteri", "Kundregister"),
        (
            "Tietosuojaseloste / Dataskyddsbeskrivning\n\nJäsenrekisteri / Medlemsregister",
            "Jäsenrekisteri",
            "Medlemsregister",
        ),
        ("Jäsenrekisteri – Medlemsregister", "Jäsenrekisteri", "Medlemsregister"),
        # a register in the genitive before the bare word "seloste", a date after it
        (
            "Tietosuojaseloste\n\nKYLÄN APTEEKIN ASIAKASREKISTERIN SELOSTE\n1.5.2018",
            "Kylän apteekin asiakasrekisteri",
            None,
        ),
        # a database of personal data is a register too
        (
            "Tietosuojaseloste – Kylän seuran henkilötietokanta",
            "Kylän seuran henkilötietokanta",
            None,
        ),
    ],
)
def test_register_name_from_title(title: str, fi: str, sv: str | None) -> None:
    notice = title + "\n\nRekisterinpitäjä\n\nKylän Seura ry\nKatu 1, 00100 Kylä" + TAIL
    name = import_notice(notice).draft.name
    assert name is not None
    assert (name.fi, name.sv) == (fi, sv)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # one body's name in two languages, the legal form written once at the end
        ("Kylän Golfseura / Byns Golfklubb ry", "Kylän Golfseura / Byns Golfklubb ry"),
        (
            "Kylän Nuorisoseura/Byns Ungdomsförening rf",
            "Kylän Nuorisoseura/Byns Ungdomsförening rf",
        ),
        # a trade name, or a firm of the body: the half with the legal form
        ("Kahvila Kuppi / Kuppila Oy", "Kuppila Oy"),
        ("Kylän Kotiseutuyhdistys / Kylän Kahvila Oy", "Kylän Kahvila Oy"),
    ],
)
def test_slashed_controller_name(line: str, name: str) -> None:
    notice = "Rekisterinpitäjä\n\n" + line + "\nKatu 1, 00100 Kylä" + TAIL
    assert import_notice(notice).draft.controller.name == name


@pytest.mark.parametrize(
    ("block", "address"),
    [
        # the postal code alone on a line below the street or box, the town on the next
        ("Kylän Seura ry\nKatu 4\n00100\nHelsinki", ("Katu 4", None, "00100", "Helsinki")),
        ("Kylän kunta\nPL 4\n00 100\nHELSINKI", (None, "PL 4", "00100", "Helsinki")),
        ("Kylän kunta\nPL 4\nFI-00100\nHelsinki", (None, "PL 4", "00100", "Helsinki")),
    ],
)
def test_postal_code_and_town_on_lines_of_their_own(
    block: str, address: tuple[str | None, ...]
) -> None:
    got = import_notice("Rekisterinpitäjä\n\n" + block + TAIL).draft.controller.address
    assert got is not None
    assert (got.street, got.po_box, got.postal_code, got.town) == address


def test_a_number_alone_without_an_address_above_is_no_postal_code() -> None:
    got = import_notice("Rekisterinpitäjä\n\nKylän Seura ry\n00100\nHelsinki" + TAIL)
    address = got.draft.controller.address
    assert address is None or address.postal_code is None


@pytest.mark.parametrize(
    ("sentence", "controller"),
    [
        ("Kylän kaupunki käsittelee henkilötietoja tämän selosteen mukaisesti.", "Kylän kaupunki"),
        ("Byns stad behandlar personuppgifter om låntagarna.", "Byns stad"),
        ("Village Foundation processes the personal data of its members.", "Village Foundation"),
    ],
)
def test_controller_named_as_processing_the_data(sentence: str, controller: str) -> None:
    result = import_notice("Tietosuojaseloste\n\n" + sentence + TAIL)
    assert result.draft.controller.name == controller
    assert any("check" in note for note in result.notes.get("controller", ()))


def test_a_person_processing_the_data_is_no_controller() -> None:
    notice = "Tietosuojaseloste\n\nAino Esimerkki käsittelee henkilötietoja huolellisesti." + TAIL
    assert import_notice(notice).draft.controller.name is None


def test_a_town_labelling_the_body_is_no_part_of_its_name() -> None:
    notice = "Registeransvarig\n\nEsbo: Byns stad\nGrankulla: Grankulla stad\n" + TAIL
    result = import_notice(notice)
    assert result.draft.controller.name == "Byns stad"
    assert any("Esbo" in note for note in result.notes.get("controller", ()))


@pytest.mark.parametrize(
    ("heading", "answer"),
    [
        ("Miten voin oikaista tietojani?", "Ota yhteyttä asiakaspalveluun."),
        ("Onko tietojen antaminen pakollista?", "Tietojen antaminen on vapaaehtoista."),
        ("Säilytysaika", "Kuusi vuotta."),
    ],
)
def test_question_or_heading_word_ends_the_controller_block(heading: str, answer: str) -> None:
    block = "Rekisterinpitäjä\n\nKuusimäen Puutarha Oy\nKuusitie 2, 33100 Tampere\n\n"
    result = import_notice(block + f"{heading}\n\n{answer}\n")
    assert result.draft.controller.name == "Kuusimäen Puutarha Oy"
    notes = " ".join(result.notes.get("controller", ()))
    assert heading.rstrip("?") not in notes
    assert answer.rstrip(".") not in notes


@pytest.mark.parametrize(
    ("line", "email"),
    [
        ("sähköposti aino.esimerkki {et} example.fi", "aino.esimerkki@example.fi"),
        ("Sähköposti: toimisto (et) example.fi", "toimisto@example.fi"),
    ],
)
def test_email_with_et_in_brackets(line: str, email: str) -> None:
    assert _fields(line).get("email") == email


def test_et_al_is_no_email() -> None:
    assert "email" not in _fields("Esimerkki (et al.) kirjoitti")


def test_office_mailbox_beside_the_contact_persons_own_is_the_bodys() -> None:
    notice = (
        "Rekisterinpitäjä\n\nKylän Kylät ry\nKatu 6, 71800 Kylä\n\nYhteyshenkilö\n\n"
        "Sari Esimerkki, 045 555 0100, sari.esimerkki@kylat.example.fi tai "
        "toimisto@kylat.example.fi\n"
    )
    draft = import_notice(notice + TAIL).draft
    assert draft.controller.contact is not None
    assert draft.controller.contact.email == "toimisto@kylat.example.fi"
    assert draft.contact_person is not None
    assert draft.contact_person.email == "sari.esimerkki@kylat.example.fi"


def test_register_name_broken_over_two_paragraphs() -> None:
    notice = (
        "Rekisterinpitäjä\n\nKylän Apteekki\nKatu 1, 00100 Kylä\n\n3. Rekisterin nimi\n"
        "KYLÄN APTEEKIN JA RANNAN SIVUAPTEEKIN\n\nAPTEEKIN ASIAKASREKISTERI\n"
    )
    name = import_notice(notice + TAIL).draft.name
    assert name is not None
    assert name.fi is not None
    assert name.fi.casefold() == "kylän apteekin ja rannan sivuapteekin apteekin asiakasrekisteri"
