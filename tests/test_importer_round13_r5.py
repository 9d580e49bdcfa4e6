"""R5's review repros (session 13): fictional notices; fail on 5edce29, pass with r5-patches."""

from __future__ import annotations

import time

import pytest

from rekisteri.importer import import_notice

_HEAD = "Tietosuojaseloste\n\nRekisterinpitäjä\nKylän Kahvila Oy, Kauppatie 1, 00100 Helsinki\n\n"


@pytest.mark.parametrize(
    "line",
    [
        "Emme myy asiakasrekisteriä.",
        "Vi säljer aldrig kundregistret.",
        "Poistamme tiedot kanta-asiakasrekisteristä.",
        "Emme tarkista tietojasi Suomen Asiakastiedon luottotietorekisteristä.",
        # R5-2: a list of registers in one sentence names none of them
        (
            "Seloste koskee kaikkia yhdistyksen rekistereitä: jäsenrekisteriä ja "
            "tapahtumien osallistujarekisteriä."
        ),
    ],
)
def test_r5_1_a_sentence_is_no_register_name(line: str) -> None:
    assert import_notice(_HEAD + line + "\n").draft.name is None


@pytest.mark.parametrize(
    ("heading", "sentence"),
    [
        ("Tietolähteet", "Tietoja ei saada muualta kuin asiakkaalta itseltään."),
        ("Uppgiftskällor", "Uppgifter fås inte från andra källor än kunden själv."),
    ],
)
def test_r5_5_all_but_x_keeps_the_source(heading: str, sentence: str) -> None:
    draft = import_notice(_HEAD + heading + "\n" + sentence + "\n").draft
    assert draft.sources


@pytest.mark.parametrize(
    "sentence",
    [
        "Emme kerää muita tietoja kuin nimen ja sähköpostiosoitteen.",
        "Muita tietoja ei kerätä kuin nimi, osoite ja puhelinnumero.",
    ],
)
def test_r5_5_all_but_x_keeps_data(sentence: str) -> None:
    draft = import_notice(_HEAD + "Rekisterin tietosisältö\n" + sentence + "\n").draft
    assert draft.data_categories


def test_r5_11_heading_of_reads_one_line_not_the_rest() -> None:
    from rekisteri.importer._model import heading_of

    text = "Seloste\n\nMuuta tietoa\n\n" + "sana " * 400_000  # 2 MB after the heading
    start = time.process_time()
    for _ in range(2000):  # one call per unplaced passage of a long section
        assert heading_of(text, 9) == "Muuta tietoa"
    assert time.process_time() - start < 0.5  # 5edce29: every call copies the 2 MB (about 3 s)


@pytest.mark.parametrize(
    "line",
    [
        "_fbp – används inte utan ditt samtycke.",
        "_ga: ei käytössä ennen kuin hyväksyt analytiikkaevästeet.",
        "_fbp: not used unless you accept marketing cookies.",
    ],
)
def test_r5_10_a_cookie_set_on_a_condition_is_listed(line: str) -> None:
    draft = import_notice(_HEAD + "Evästeet\n" + line + "\n").draft
    assert [cookie.name for cookie in draft.cookies] == [line[: line.index(" ")].rstrip(":")]


def test_r5_10_a_cookie_not_in_use_stays_out() -> None:
    assert not import_notice(_HEAD + "Evästeet\n_ga – ei enää käytössä.\n").draft.cookies


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Rekisteri on nimeltään Kylän Kahvilan asiakasrekisteri (jäljempänä ”rekisteri”).",
            "Kylän Kahvilan asiakasrekisteri",
        ),
        (
            (
                "Rekisteri on nimeltään Kylän Kahvilan asiakasrekisteri ja sitä ylläpitää "
                "kahvilan omistaja."
            ),
            "Kylän Kahvilan asiakasrekisteri",
        ),
    ],
)
def test_r5_13_a_stated_name_ends_where_the_name_does(sentence: str, name: str) -> None:
    draft = import_notice(_HEAD + sentence + "\n").draft
    assert draft.name is not None
    assert draft.name.fi == name
