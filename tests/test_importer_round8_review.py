"""The reviewer's findings on round 8 of the importer (R1, session 9), each kept fixed.

Every notice, firm and person here is invented. The speed cases compare a
100 kB hostile input with a 10 kB one measured in the same test: linear code
takes about ten times as long, quadratic code a hundred times.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pytest

from rekisteri.importer import import_notice

if TYPE_CHECKING:
    from collections.abc import Callable

_SMALL = 10_000
_LARGE = 100_000


def _cpu_seconds(text: str, rounds: int) -> float:
    """The least processor time of *rounds* imports of *text*."""
    best = float("inf")
    for _ in range(rounds):
        began = time.process_time()
        import_notice(text)
        best = min(best, time.process_time() - began)
    return best


# R1-1: one long word under a recipients heading (the processor cue's `\w+n puolesta`).
# R1-2: a long run of spaces in one line (the legal-reference pattern at a heading's end).
# R1-13: a heading glued to a very long name value (the two-language name pattern).
_HOSTILE: dict[str, Callable[[int], str]] = {
    "R1-1 long word under recipients": lambda n: (
        "Rekisterin nimi\nAsiakasrekisteri\n\nTietojen luovutukset\n" + "a" * n
    ),
    "R1-1 long number under recipients": lambda n: (
        "Rekisterin nimi\nAsiakasrekisteri\n\nTietojen luovutukset\n" + "1" * n
    ),
    "R1-2 run of spaces": lambda n: "x" + " " * n + "x\n\nRekisterinpitäjä\nKylä Oy\n",
    "R1-2 run of tabs": lambda n: "x" + "\t" * n + "x\n\nRekisterinpitäjä\nKylä Oy\n",
    "R1-13 glued long name": lambda n: "Rekisterin nimi" + "Aa" * (n // 2),
    # R1-5: a sentence repeating "tiedot" under the subjects heading (each tried near its word).
    "R1-5 repeated data noun": lambda n: "Rekisteröidyt\n\n" + "tiedot " * (n // 7),
}


@pytest.mark.parametrize("shape", sorted(_HOSTILE))
def test_hostile_input_imports_in_linear_time(shape: str) -> None:
    make = _HOSTILE[shape]
    small = _cpu_seconds(make(_SMALL), rounds=2)
    large = _cpu_seconds(make(_LARGE), rounds=1)
    # Ten times the text: linear code stays near 10x; the floor keeps timer noise out.
    assert large < 20 * max(small, 0.005), (shape, small, large)


# R1-4: a processor's sentence never names the controller.
@pytest.mark.parametrize(
    "sentence",
    [
        "Tilitoimisto Numero Oy käsittelee henkilötietoja puolestamme.",
        "Tilitoimisto Numero Oy käsittelee henkilötietoja toimeksiannostamme.",
        "Tilitoimisto Numero Oy käsittelee henkilötietoja rekisterinpitäjän lukuun.",
        "Exempel Data Ab behandlar personuppgifter för vår räkning.",
        "Example Cloud Ltd processes the personal data on our behalf.",
    ],
)
def test_processor_sentence_never_gives_the_controller(sentence: str) -> None:
    text = (
        "Asiakasrekisteri\n\nRekisterin käyttötarkoitus\n"
        "Tietoja käytetään laskutukseen ja asiakassuhteen hoitoon.\n\n"
        f"Tietojen luovutukset\nTietoja ei luovuteta. {sentence}\n"
    )
    firm = " ".join(sentence.split()[:3])
    assert import_notice(text).draft.controller.name is None
    # the keeper's own sentence is still read
    keeper = text.replace(
        sentence, "Kylän Kauppa Oy käsittelee henkilötietoja tämän selosteen mukaisesti."
    )
    assert import_notice(keeper).draft.controller.name == "Kylän Kauppa Oy"
    assert firm not in str(import_notice(keeper).draft.controller)


_CONTROLLER = "Rekisterinpitäjä\nKylän Kauppa Oy\nKauppatie 1, 00100 Helsinki\n\n"


def test_label_line_under_security_heading_stays_security() -> None:
    """R1-10: 'Käyttöoikeudet: …' under the security heading is no guessed rights heading."""
    result = import_notice(
        _CONTROLLER + "Rekisterin suojauksen periaatteet\n\n"
        "Käyttöoikeudet: vain nimetyillä työntekijöillä on pääsy tietoihin.\n\n"
        "Paperiaineisto: säilytetään lukitussa kaapissa.\n"
    )
    assert result.draft.rights == ()
    assert result.guessed == ()
    assert len(result.draft.security) == 2
    assert not result.unmatched
    assert not any(f.code in {"I001", "I005", "I015"} for f in result.findings)


def test_label_lines_under_data_heading_are_data_items() -> None:
    """R1-3: 'Label: value' paragraphs under the data heading are its entries."""
    result = import_notice(
        _CONTROLLER + "Rekisterin tietosisältö\n\nNimi: etu- ja sukunimi\n\n"
        "Yhteystiedot: osoite, puhelin ja sähköposti\n\n"
        "Ostohistoria: tilaukset ja maksut\n\n"
        "Markkinointiluvat: kiellot ja suostumukset\n\n"
        "Tietolähteet\nAsiakkaalta itseltään.\n"
    )
    names = [c.name.fi for c in result.draft.data_categories]
    assert len(names) == 4
    assert all(":" in str(name) for name in names)
    assert not result.unmatched
    assert not any(f.code == "I001" for f in result.findings)
    # "Yhteystiedot:" there is an item of data, not the controller's contact block
    assert "osoite" not in str(result.draft.controller)


@pytest.mark.parametrize(
    ("sentence", "recipient"),
    [
        ("Emme myy tietojasi, mutta luovutamme osoitteet Posti Oy:lle jakelua varten.", "Posti Oy"),
        ("Emme myy tai vuokraa tietoja, mutta tietoja luovutetaan Posti Oy:lle.", "Posti Oy"),
        ("Vi säljer inte dina uppgifter, men vi lämnar ut adresser till Posten Ab.", "Posten Ab"),
        (
            "We do not sell your data, but we disclose addresses to Example Post Ltd.",
            "Example Post Ltd",
        ),
    ],
)
def test_denial_turned_by_but_is_no_full_denial(sentence: str, recipient: str) -> None:
    """R1-8: "we do not sell, but we disclose to X" names X and states no 'none'."""
    result = import_notice(_CONTROLLER + "Tietojen luovutukset\n\n" + sentence + "\n")
    assert recipient in [r.name for r in result.draft.recipients]
    assert not result.draft.none_stated


def test_denial_with_but_and_no_disclosure_is_still_a_denial() -> None:
    result = import_notice(
        _CONTROLLER + "Tietojen luovutukset\n\n"
        "Tietoja ei luovuteta ulkopuolisille, vaan ne ovat ainoastaan yrityksen käytössä.\n"
    )
    assert [n.value for n in result.draft.none_stated] == ["recipients"]


def test_contact_line_memory_is_safe_across_threads() -> None:
    """R1-11: parse_line's shared memory, filled and evicted by several threads at once."""
    import threading

    from rekisteri.importer._contact import parse_line, parse_line_uncached

    lines = [f"Kylätie {n}, 00{n % 900 + 100} Kylä, info{n}@example.fi" for n in range(1000)]
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for n in range(len(lines)):
                text = "x" * (offset % 7) + "\n" + lines[(n + offset) % len(lines)]
                start = text.index("\n") + 1
                assert parse_line(text, start, len(text)) == parse_line_uncached(
                    text, start, len(text)
                )
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=work, args=(k * 311,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("Tietoja ei myydä.", []),  # about selling, not about processors
        ("Ei käytetä.", ["processors"]),
        ("Käsittelijöitä ei käytetä.", ["processors"]),
        ("Not applicable.", ["processors"]),
    ],
)
def test_bare_denial_under_processors_heading(sentence: str, stated: list[str]) -> None:
    """R1-12: only a denial without an object of its own says no processors are used."""
    result = import_notice(_CONTROLLER + "Henkilötietojen käsittelijät\n\n" + sentence + "\n")
    assert [n.value for n in result.draft.none_stated] == stated


def test_sentences_listed_under_an_unknown_heading_are_no_data() -> None:
    """R1-9: entries with a finite verb are sentences: listed as not mapped, not data."""
    listed = "- Asiakkaat voivat pyytää tietonsa\n- Työntekijät eivät näe tietoja\n"
    result = import_notice(_CONTROLLER + "Tärkeää\n\n" + listed)
    assert result.draft.data_categories == ()
    assert result.draft.data_subjects == ()
    assert any("eivät näe" in result.text[p.start : p.end] for p in result.unmatched)
    items = import_notice(_CONTROLLER + "Muuta\n\n- Yhteystiedot\n- Maksutiedot\n")
    assert [c.name.fi for c in items.draft.data_categories] == ["Yhteystiedot", "Maksutiedot"]


@pytest.mark.parametrize("heading", ["Rekisteröidyt", "Käsiteltävät tiedot"])
def test_a_denied_group_is_no_data_subject(heading: str) -> None:
    """R1-16: 'Rekisteriin ei tallenneta lasten tietoja.' keeps children out of the subjects."""
    sentence = "Rekisteriin ei tallenneta lasten tietoja."
    result = import_notice(_CONTROLLER + heading + "\n\n" + sentence + "\n")
    assert result.draft.data_subjects == ()
    assert sentence in str(result.draft.description)


@pytest.mark.parametrize(
    ("sentence", "subjects"),
    [
        ("Rekisterissä on tietoja asiakkaista, mutta ei työntekijöistä.", ["Asiakkaat"]),
        ("Rekisteriin tallennetaan jäsenten tiedot, mutta ei lasten tietoja.", ["Jäsenet"]),
        ("Asiakkaat, mutta eivät heidän lapsensa.", []),
    ],
)
def test_a_group_named_before_a_contrasted_denial_is_a_data_subject(
    sentence: str, subjects: list[str]
) -> None:
    """R1's note on the R1-16 fix: 'tietoja X:stä, mutta ei Y:stä' still names X."""
    result = import_notice(_CONTROLLER + "Rekisteröidyt\n\n" + sentence + "\n")
    assert [s.name.fi for s in result.draft.data_subjects] == subjects
