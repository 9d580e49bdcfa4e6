"""Purposes listed with capitals (R3-7): each is an item of its own (fictional sentences)."""

from __future__ import annotations

from rekisteri.importer._finnish import purposes_in


def test_capitalised_items_joined_by_ja_are_items_of_their_own() -> None:
    """'Laskutukseen, Markkinointiin ja Tilastointiin': three purposes, none dropped."""
    names = purposes_in("Tietoja käytetään Ajanvaraukseen, Laskutukseen ja Asiakaspalveluun.")
    assert names == ["Ajanvaraus", "Laskutus", "Asiakaspalvelu"]
    assert purposes_in("Tietoja käytetään Laskutukseen ja Uutiskirjeisiin.") == [
        "Laskutus",
        "Uutiskirjeet",
    ]


def test_two_names_under_one_postposition_stay_one_item() -> None:
    """'… Postin ja Matkahuollon kautta' and '… Oulun ja Kemin toimipisteissä' stay whole."""
    assert purposes_in(
        "Tietoja käytetään pakettien toimittamiseen Postin ja Matkahuollon kautta."
    ) == ["Pakettien toimittaminen Postin ja Matkahuollon kautta"]
    assert purposes_in("Tietoja käytetään ajanvaraukseen Oulun ja Kemin toimipisteissä.") == [
        "Ajanvaraus Oulun ja Kemin toimipisteissä"
    ]
