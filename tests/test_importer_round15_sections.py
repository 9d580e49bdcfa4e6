"""Session 15 (T8): sections and lists of real pages, on fictional notices of my own."""

from __future__ import annotations

from rekisteri.importer import import_notice
from rekisteri.importer._headings import SectionKind, recognise

HEAD = "Tietosuojaseloste\n\nRekisterinpitäjä\nKylän Kuoro ry, Kuorotie 3, 00100 Helsinki\n\n"
SV_HEAD = (
    "Dataskyddsbeskrivning\n\nRegisteransvarig\nByns kör rf, Körvägen 3, 00100 Helsingfors\n\n"
)


def test_tiedonlahteet_is_the_sources_heading() -> None:
    # "tiedonlähteet" is as good Finnish as "tietolähteet"; with its number glued on
    assert recognise("6.Säännönmukaiset tiedonlähteet") is SectionKind.SOURCES
    draft = import_notice(
        HEAD + "5. Rekisterin tietosisältö\nKuorolaisen nimi, äänila ja sähköpostiosoite.\n"
        "Kylän Kuoro\n\n6.Säännönmukaiset tiedonlähteet\nTiedot saadaan kuorolaisilta.\n"
    ).draft
    assert "Sähköpostiosoite" in [str(c.name) for c in draft.data_categories]


def test_a_data_list_naming_what_the_client_gave_is_no_source() -> None:
    draft = import_notice(
        HEAD + "Rekisterin tietosisältö\nRekisteriin tallennetaan kuorolaisen nimi, "
        "puhelinnumero, sähköposti ja asiakkaan antama palaute konserteista.\n"
    ).draft
    assert draft.sources == ()
    assert draft.data_categories


def test_the_controllers_legitimate_interests_are_no_rights() -> None:
    assert recognise("Rekisterinpitäjän oikeutetut edut") is SectionKind.PURPOSES
    draft = import_notice(
        HEAD + "Rekisterinpitäjän oikeutetut edut\nKuoron oikeutettuna etuna on kertoa "
        "jäsenilleen tulevista konserteista.\n"
    ).draft
    assert draft.rights == ()


def test_a_swedish_right_to_inspect_heading_is_rights() -> None:
    assert recognise("Rätten för att granska och korrigera uppgifterna") is SectionKind.ACCESS


def test_datum_for_upprattande_dates_the_notice() -> None:
    draft = import_notice(
        "Dataskyddsbeskrivning\n\nDatum för upprättande 3.4.2021\n\n" + SV_HEAD.split("\n\n", 1)[1]
    ).draft
    assert str(draft.updated) == "2021-04-03"


def test_a_statement_under_a_data_heading_is_no_data_category() -> None:
    result = import_notice(
        HEAD + "Rekisterin tietosisältö\nKuorolaisen nimi ja äänila.\n"
        "On kuitenkin huomattava, että laulaminen liittyy joskus harrastukseen tai ammattiin.\n"
    )
    names = [str(c.name) for c in result.draft.data_categories]
    assert not any("huomattava" in name for name in names)
    assert any("huomattava" in note for note in result.notes["data_categories"])


def test_prose_under_a_data_subjects_heading_names_no_group() -> None:
    result = import_notice(
        HEAD + "Rekisteröityjen ryhmät\nKuoron jäsenet ja kannatusjäsenet.\n"
        "On syytä muistaa, että konserteissa avustaminen liittyy harrastukseen "
        "tai siihen myönteisesti suhtautumiseen.\n"
    )
    names = [str(s.name) for s in result.draft.data_subjects]
    assert "Kuoron jäsenet" in names
    assert not any("suhtautumiseen" in name or "muistaa" in name for name in names)
    assert any("suhtautumiseen" in note for note in result.notes["data_subjects"])


def test_people_with_a_relative_clause_stay_a_group() -> None:
    draft = import_notice(
        HEAD + "Rekisteröityjen ryhmät\nRekisteri kattaa ne yksityishenkilöt, jotka ovat "
        "ilmoittautuneet kuoron kesäleirille.\n"
    ).draft
    assert draft.data_subjects


def test_a_data_statement_under_a_subjects_heading_gives_categories() -> None:
    draft = import_notice(
        HEAD + "Rekisteröityjen ryhmät\nRekistereihin tallennetaan kuorolaisten nimi, "
        "puhelinnumero ja sähköposti.\n"
    ).draft
    assert "Puhelinnumero" in [str(c.name) for c in draft.data_categories]
    assert not any("Rekistereihin" in str(s.name) for s in draft.data_subjects)


def test_one_who_speaks_for_another_is_no_data_subject_source() -> None:  # R6-14
    head = HEAD + "Säännönmukaiset tietolähteet\n"
    for sentence in (
        "Huoltaja itse kertoo kuorolaisen lapsen tiedot.",
        "Tiedot saadaan oppilaan huoltajalta itseltään.",
        "Kuoronjohtaja itse kirjaa jäsenen poissaolot.",
    ):
        draft = import_notice(head + sentence + "\n").draft
        assert [source.key for source in draft.sources] != ["data-subject"], sentence
    draft = import_notice(head + "Jäsen itse ilmoittaa tiedot liittyessään.\n").draft
    assert [source.key for source in draft.sources] == ["data-subject"]


def test_a_purpose_named_with_words_dropped_keeps_its_item_whole() -> None:
    draft = import_notice(
        HEAD + "Henkilötietojen käsittelyn tarkoitus\nTietoja käytetään seuraaviin tarkoituksiin:\n"
        "- kuorolaisten nuottiarkiston perustamiseen ja hallinnointiin\n"
        "- laskutus\n"
    ).draft
    kept = [(str(p.name), str(p.description)) for p in draft.purposes]
    assert any("nuottiarkiston" in name + description for name, description in kept)
    assert "Laskutus" in [name for name, _ in kept]


def test_a_heading_of_another_field_right_under_a_bulleted_list_is_a_heading() -> None:
    result = import_notice(
        HEAD + "Rekisterien nimet\n  • Kuorolaisrekisteri\n  • Konserttiyleisön rekisteri\n"
        "Henkilötietojen käsittelyn tarkoitus ja lainmukaisuus\n\n"
        "Tietoja käytetään harjoituksista tiedottamiseen.\n"
    )
    headings = [
        result.text[m.start : m.end] for m in result.mapped if m.field == "heading:purposes"
    ]
    assert headings == ["Henkilötietojen käsittelyn tarkoitus ja lainmukaisuus"]


def test_besparande_av_uppgifter_is_retention() -> None:
    result = import_notice(
        SV_HEAD + "Hantering och besparande av uppgifter\nStyrelsen ansvarar för uppgifterna.\n"
    )
    assert any(m.field == "heading:retention" for m in result.mapped)


def test_a_bare_date_under_the_title_is_read_with_a_remark() -> None:  # R6-11
    result = import_notice(
        "Tietosuojaseloste\nKuoron kesäleirin osallistujarekisteri\n3.7.2025\n\n"
        + HEAD.split("\n\n", 1)[1]
    )
    assert str(result.draft.updated) == "2025-07-03"
    assert any("check it" in note for note in result.notes["updated"])


def test_as_a_rule_in_another_clause_leaves_the_denial_flat() -> None:  # R6-6
    head = HEAD + "Tietojen luovutukset\n"
    flat = import_notice(
        head + "Tietoja ei luovuteta kuoron ulkopuolelle, ja vastaamme kyselyihin "
        "yleensä viikon kuluessa.\n"
    ).draft
    assert "recipients" in {none.value for none in flat.none_stated}
    qualified = import_notice(head + "Tietoja ei pääsääntöisesti luovuteta ulkopuolisille.\n")
    assert "recipients" not in {none.value for none in qualified.draft.none_stated}


def test_several_register_names_under_one_heading_are_kept_with_the_name() -> None:
    result = import_notice(
        HEAD + "Rekisterien nimet\n• Kuorolaisrekisteri\n• Konserttiyleisön rekisteri\n"
        "• Lahjoittajarekisteri\n\nHenkilötietojen käsittelyn tarkoitus\n"
        "Tietoja käytetään harjoituksista tiedottamiseen.\n"
    )
    assert str(result.draft.name) == "Kuorolaisrekisteri"
    remarks = " ".join(result.notes["name"])
    assert "Konserttiyleisön rekisteri" in remarks
    assert "Lahjoittajarekisteri" in remarks
    assert result.draft.description is None or "Lahjoittaja" not in str(result.draft.description)


def test_list_runs_are_cached_per_section_object() -> None:  # R6-16
    # a section rebuilt (attrs.evolve) may get a freed section's id: the cache checks
    # the section itself, so a list in a rebuilt section is read again, not from a stale run
    draft = import_notice(
        HEAD + "Rekisterin tietosisältö\n- nimi\n- äänila\n- sähköposti\n\n"
        "Evästeet\nKäytämme evästeitä kävijämäärien seurantaan.\n- _ga: kävijätilastot\n"
        "- istunto: kirjautuminen\n"
    ).draft
    assert [str(c.name) for c in draft.data_categories] == ["Nimi", "Äänila", "Sähköposti"]


def test_kinds_of_the_labels_people_are_data_subjects() -> None:
    draft = import_notice(
        "Tietosuojaseloste\n\n1. Rekisterinpitäjä\nKylän Kuoro ry, Kuorotie 3, 00100 Helsinki\n\n"
        "2. Henkilötietoryhmät\n\nAsiakkaat: vakituiset ja satunnaiset asiakkaat.\n\n"
        "3. Tietolähteet\n\nTiedot saadaan asiakkailta.\n"
    ).draft
    names = [str(s.name) for s in draft.data_subjects]
    assert "Vakituiset asiakkaat" in names
    assert "Satunnaiset asiakkaat" in names
    assert "Vakituiset" not in [str(c.name) for c in draft.data_categories]
