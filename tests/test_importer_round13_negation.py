"""Round 13: the scope of a negation, so that a denied thing never becomes an entry.

Fictional notices written for these tests: a clause that says something is NOT
done (not stored, not used, not a source, not a right that applies) gives no
entry; a real positive beside or inside a negation ("ei ainoastaan … vaan
myös", "ellei", "unless", a remark in brackets, "kyllä/ei") keeps its entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from rekisteri.importer import import_bytes, import_notice
from rekisteri.importer._negation import affirmed, denies, granted, negated, only_use

if TYPE_CHECKING:
    from rekisteri.model import Register

CONTROLLER = {
    "fi": "Rekisterinpitäjä\n\nPuolukan Puutarha Oy\nMarjatie 4, 33100 Tampere\n\n",
    "sv": "Personuppgiftsansvarig\n\nLingonets Trädgård Ab\nBärvägen 4, 33100 Tammerfors\n\n",
    "en": "Controller\n\nCowberry Gardens Ltd\nMarjatie 4, 33100 Tampere\n\n",
}
DATA = {"fi": "Rekisterin tietosisältö", "sv": "Registrets datainnehåll", "en": "Personal data"}
PURPOSES = {
    "fi": "Rekisterin käyttötarkoitus",
    "sv": "Ändamålet med behandlingen",
    "en": "Purpose of processing",
}
SOURCES = {
    "fi": "Säännönmukaiset tietolähteet",
    "sv": "Regelbundna uppgiftskällor",
    "en": "Sources of data",
}
RIGHTS = {
    "fi": "Rekisteröidyn oikeudet",
    "sv": "Den registrerades rättigheter",
    "en": "Rights of the data subject",
}


def draft(lang: str, heading: str, body: str) -> Register:
    return import_notice(CONTROLLER[lang] + heading + "\n\n" + body + "\n").draft


# --- the mechanism -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "asiakkaan syntymäaikaa ei kirjata järjestelmään.",
        "emme tallenna pankkitilin numeroa emmekä kuvia.",
        "vi sparar inte kundens födelsedatum.",
        "we don't keep a copy of your passport.",
        "we never record phone calls.",
        "jos jäsen ei maksa maksua, jäsenyyttä ei jatketa.",
    ],
)
def test_a_sentence_whose_main_clause_is_negated_denies(sentence: str) -> None:
    assert denies(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a real positive around a negation word
        "tallennamme ei ainoastaan nimen vaan myös osoitteen.",
        "we keep not only your name but also your address.",
        "vi sparar inte bara namnet utan också adressen.",
        # an exception or condition: it does happen
        "syntymäaikaa ei kirjata, ellei asiakas itse sitä pyydä.",
        "kuvia ei tallenneta muuhun kuin jäsenkorttiin.",
        "vi sparar inga bilder utom på medlemskortet.",
        "we do not keep photos unless you send one to us.",
        # turned round by a contrast
        "emme kerää sijaintia, vaan ainoastaan postinumeron.",
        # the negation sits in a subordinate clause or a remark
        "tallennamme tiedon siitä, jos asiakas ei halua uutiskirjettä.",
        "puhelinnumero (ei pakollinen).",
        "markkinointilupa kyllä/ei.",
        "ei-jäsenten tilaukset.",
    ],
)
def test_a_positive_around_a_negation_word_does_not_deny(sentence: str) -> None:
    assert not denies(sentence)


def test_only_a_negated_clause_is_blanked() -> None:
    low = "tiedot saadaan jäseniltä, emme osta osoitteita."
    kept = affirmed(low)
    assert len(kept) == len(low)
    assert "jäseniltä" in kept
    assert "osoitteita" not in kept
    assert negated("emme osta osoitteita")
    assert not negated("tiedot saadaan jäseniltä")


def test_a_right_limited_or_affected_is_not_denied() -> None:
    for low in (
        "oikeus vastustaa käsittelyä ei ole ehdoton.",
        "suostumuksen peruminen ei vaikuta aiemman käsittelyn lainmukaisuuteen.",
        "the right to erasure is not absolute.",
    ):
        assert granted(low) == low
    assert "poist" not in granted("jäsenellä ei ole oikeutta vaatia tietojen poistamista.")


def test_not_anything_other_than_is_only() -> None:
    assert only_use("Osoitetta ei käytetä muuhun kuin laskutukseen.") == (
        "Osoitetta käytetään vain laskutukseen."
    )
    assert only_use("Uppgifterna används inte för annat än fakturering.") == (
        "Uppgifterna används endast för fakturering."
    )
    assert only_use("Osoitetta käytetään laskutukseen.") == "Osoitetta käytetään laskutukseen."


# --- data categories ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "body", "names"),
    [
        (
            "fi",
            "Rekisteriin tallennetaan nimi, osoite ja sähköpostiosoite. Syntymäaikaa ei kirjata.",
            ["Nimi", "Osoite", "Sähköpostiosoite"],
        ),
        ("fi", "Emme tallenna kuvia emmekä pankkitilin numeroa.", []),
        ("sv", "Vi sparar inte kundens födelsedatum.", []),
        ("en", "We don't keep a copy of your passport.", []),
    ],
)
def test_data_not_stored_is_no_category(lang: str, body: str, names: list[str]) -> None:
    result = draft(lang, DATA[lang], body)
    assert [category.name.get(lang) for category in result.data_categories] == names


def test_an_identity_code_not_collected_is_not_flagged() -> None:
    result = draft("fi", DATA["fi"], "Nimi ja osoite. Henkilötunnusta ei kysytä asiakkailta.")
    assert not [c for c in result.data_categories if c.personal_identity_code]


def test_a_remark_in_brackets_keeps_its_category() -> None:
    result = draft("fi", DATA["fi"], "- nimi\n- puhelinnumero (ei pakollinen)")
    assert len(result.data_categories) == 2


def test_data_stored_with_an_exception_stays_an_entry() -> None:
    result = draft(
        "fi", DATA["fi"], "Syntymäaikaa ei kirjata, ellei asiakas itse pyydä ikäalennusta."
    )
    assert len(result.data_categories) == 1


# --- purposes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("fi", "Osoitteita ei käytetä mainontaan."),
        ("sv", "Adresserna används aldrig för reklam."),
        ("en", "We do not use your address for advertising."),
    ],
)
def test_a_use_denied_is_no_purpose(lang: str, body: str) -> None:
    assert draft(lang, PURPOSES[lang], body).purposes == ()


def test_a_denied_direct_marketing_sets_no_flag() -> None:
    result = draft(
        "fi",
        PURPOSES["fi"],
        "Tietoja käytetään jäsenlaskutukseen. Tietoja ei käytetä suoramarkkinointiin.",
    )
    assert [purpose.name.fi for purpose in result.purposes] == ["Jäsenlaskutus"]
    assert not [purpose for purpose in result.purposes if purpose.direct_marketing]


def test_no_use_other_than_one_names_that_one() -> None:
    result = draft("fi", PURPOSES["fi"], "Osoitetta ei käytetä muuhun kuin laskutukseen.")
    assert [purpose.name.fi for purpose in result.purposes] == ["Laskutus"]


# --- sources ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "body", "keys"),
    [
        ("fi", "Tiedot saadaan jäseneltä itseltään. Emme käytä Postin osoitepalvelua.", 1),
        ("fi", "Jäsenrekisteriä ei päivitetä väestötietojärjestelmästä.", 0),
        ("sv", "Vi köper aldrig adresser av andra.", 0),
        ("en", "We do not buy addresses from list brokers.", 0),
    ],
)
def test_a_source_not_used_is_no_source(lang: str, body: str, keys: int) -> None:
    assert len(draft(lang, SOURCES[lang], body).sources) == keys


def test_a_source_after_a_contrast_is_read() -> None:
    result = draft(
        "fi",
        SOURCES["fi"],
        "Emme käytä Postin osoitepalvelua, vaan tiedot saadaan jäseneltä itseltään.",
    )
    keys = [source if isinstance(source, str) else source.key for source in result.sources]
    assert keys == ["data-subject"]


# --- rights -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "body", "denied"),
    [
        ("fi", "Jäsenellä ei ole oikeutta vaatia tietojen poistamista.", "erasure"),
        ("fi", "Oikeus vastustaa käsittelyä ei koske tätä rekisteriä.", "object"),
        ("sv", "Du har inte rätt att invända mot behandlingen.", "object"),
        ("en", "The right to data portability does not apply here.", "portability"),
    ],
)
def test_a_right_denied_is_no_right(lang: str, body: str, denied: str) -> None:
    assert denied not in [right.value for right in draft(lang, RIGHTS[lang], body).rights]


@pytest.mark.parametrize(
    ("lang", "body", "right"),
    [
        (
            "fi",
            "Jäsenellä on oikeus vaatia tietojen poistamista, jos niitä ei enää tarvita.",
            "erasure",
        ),
        ("fi", "Oikeus tietojen poistamiseen ei ole ehdoton.", "erasure"),
        (
            "fi",
            "Jäsen voi peruuttaa suostumuksensa. Peruuttaminen ei vaikuta aiempaan käsittelyyn.",
            "withdraw_consent",
        ),
        ("en", "You have the right to object unless we show compelling grounds.", "object"),
    ],
)
def test_a_right_beside_a_negation_stays(lang: str, body: str, right: str) -> None:
    assert right in [value.value for value in draft(lang, RIGHTS[lang], body).rights]


# --- transfers: where the data stay, a transfer that may come, one country excluded ------

TRANSFERS = "Tietojen siirto EU:n tai ETA:n ulkopuolelle"


@pytest.mark.parametrize(
    "second",
    [
        "Varmuuskopiot säilytetään Ruotsissa.",
        "Palveluntarjoajan konesali sijaitsee Tanskassa ja Alankomaissa.",
        "Jos siirtoja joskus tehdään, kerromme niistä etukäteen.",
    ],
)
def test_data_kept_in_the_eea_beside_a_denial_is_no_transfer(second: str) -> None:
    result = draft("fi", TRANSFERS, "Emme siirrä tietoja EU:n ulkopuolelle. " + second)
    assert result.transfers == ()
    assert "transfers" in [stated.value for stated in result.none_stated]


def test_a_transfer_beside_a_place_in_the_eea_stays() -> None:
    result = draft(
        "fi",
        TRANSFERS,
        "Palvelimet sijaitsevat Ruotsissa, mutta tukipalvelu käsittelee tietoja Yhdysvalloissa.",
    )
    assert len(result.transfers) == 1


def test_a_condition_without_a_denial_stays_a_transfer() -> None:
    result = draft(
        "fi", TRANSFERS, "Jos tietoja siirretään EU:n ulkopuolelle, käytämme vakiolausekkeita."
    )
    assert len(result.transfers) == 1


def test_a_denial_of_one_third_country_sets_no_none_stated() -> None:
    result = draft("fi", TRANSFERS, "Tietoja ei siirretä Kiinaan.")
    assert "transfers" not in [stated.value for stated in result.none_stated]
    assert result.transfers == ()


# --- a firm that runs the service is a processor beside a denial of disclosures ------------

DISCLOSURES = "Tietojen säännönmukaiset luovutukset"


@pytest.mark.parametrize(
    "sentence",
    [
        "Verkkopalvelun tuottaa Mustikka Oy.",
        "Sovelluksen ylläpidosta vastaa Mustikka Oy.",
        "Palkanlaskennan hoitaa Mustikka Oy.",
        "Hyödynnämme Mustikka Oy:n pilvipalvelua.",
    ],
)
def test_a_firm_running_the_service_is_a_processor(sentence: str) -> None:
    result = draft("fi", DISCLOSURES, "Tietoja ei luovuteta ulkopuolisille. " + sentence)
    assert result.recipients == ()
    assert [processor.name for processor in result.processors] == ["Mustikka Oy"]
    assert "recipients" in [stated.value for stated in result.none_stated]


def test_an_authority_stays_a_recipient() -> None:
    result = draft("fi", DISCLOSURES, "Tietoja luovutetaan Verohallinnolle lain nojalla.")
    assert len(result.recipients) == 1
    assert result.processors == ()


# --- a cookie line that says the cookie is not set --------------------------------------


@pytest.mark.parametrize("line", ["_fbp: ei enää käytössä", "_hjid – not in use"])
def test_a_cookie_not_set_is_no_cookie(line: str) -> None:
    result = draft("fi", "Evästeet", "wp_session: kirjautumisen tunniste\n" + line)
    assert [cookie.name for cookie in result.cookies] == ["wp_session"]
    assert result.cookie_policy is not None


# --- UTF-8 with a stray byte -----------------------------------------------------------


def test_a_stray_byte_in_a_utf8_notice_keeps_the_letters() -> None:
    notice = (
        "Rekisterinpitäjä\n\nPuolukan Puutarha Oy \x96 taimimyymälä\nMarjatie 4, 33100 Tampere\n\n"
        "Rekisterin tietosisältö\n\nNimi, sähköpostiosoite ja ostohistoria.\n"
    )
    data = notice.replace("\x96", "@@").encode("utf-8").replace(b"@@", b"\x96")
    result = import_bytes(data, source_name="seloste.txt")
    assert result.encoding == "utf-8+cp1252"
    assert "Ã" not in result.text
    assert "–" in result.text
    assert "I008" in [finding.code for finding in result.findings]
    assert [c.name.fi for c in result.draft.data_categories] == [
        "Nimi",
        "Sähköpostiosoite",
        "Ostohistoria",
    ]


def test_a_windows_1252_notice_stays_windows_1252() -> None:
    data = "Rekisterinpitäjä\n\nPuolukan Puutarha Oy\nMarjatie 4, 33100 Tampere\n".encode("cp1252")
    assert import_bytes(data, source_name="seloste.txt").encoding == "cp1252"


# --- the short lines after a lead-in are one entry a line -----------------------------

LEAD_IN_LISTS = [
    # a blank line between the entries
    "Rekisterin tietosisältö\n\nJäsenistä kirjataan:\n\nJäsennumero\n\nLiittymispäivä\n\nSeura\n",
    # entries in lower case
    "Rekisterin tietosisältö\n\nJäsenistä kirjataan:\njäsennumero\nliittymispäivä\nseura\n",
    # a numbered heading of a PDF, no blank line under it
    "3. Rekisterin tietosisältö\nJäsenistä kirjataan:\nJäsennumero\nLiittymispäivä\nSeura\n",
]


@pytest.mark.parametrize("body", LEAD_IN_LISTS)
def test_the_lines_after_a_lead_in_are_one_entry_each(body: str) -> None:
    result = import_notice(CONTROLLER["fi"] + body)
    names = [category.name.fi.casefold() for category in result.draft.data_categories]
    assert names == ["jäsennumero", "liittymispäivä", "seura"]
    assert result.unmatched == ()


def test_a_sentence_wrapped_after_its_colon_is_no_list() -> None:
    result = import_notice(
        CONTROLLER["fi"]
        + "Rekisterin tietosisältö\n\nJäsenistä kirjataan seuraavat tiedot:\njäsennumero, "
        "liittymispäivä ja\nseura\n"
    )
    names = [category.name.fi.casefold() for category in result.draft.data_categories]
    assert names == ["jäsennumero", "liittymispäivä", "seura"]


def test_a_heading_after_a_blank_line_list_is_a_heading() -> None:
    result = import_notice(
        CONTROLLER["fi"]
        + "Rekisterin tietosisältö\n\nJäsenistä kirjataan:\nJäsennumero\nLiittymispäivä\n\n"
        "Säännönmukaiset tietolähteet\n\nTiedot saadaan jäseneltä itseltään.\n"
    )
    assert len(result.draft.data_categories) == 2
    assert len(result.draft.sources) == 1


# --- a list whose bullets were lost, right under the data heading -----------------------


@pytest.mark.parametrize(
    "items",
    [
        "Jäsennumero\nLiittymispäivä\nSeura\n",
        "Jäsennumero\n\nLiittymispäivä\n\nSeura\n",
    ],
)
def test_bare_lines_under_the_data_heading_are_entries(items: str) -> None:
    result = draft("fi", DATA["fi"], items)
    assert [c.name.fi for c in result.data_categories] == ["Jäsennumero", "Liittymispäivä", "Seura"]


def test_part_labels_under_the_sources_heading_are_no_sources() -> None:
    result = draft(
        "fi",
        SOURCES["fi"],
        "Jäsenet\n\nJäseneltä itseltään\n\nLahjoittajat\n\nLahjoittajalta itseltään",
    )
    assert "jasenet" not in [getattr(source, "key", source) for source in result.sources]


# --- a soft hyphen that ends a line inside a word ---------------------------------------


def test_a_soft_hyphen_at_a_line_end_keeps_the_word_whole() -> None:
    result = draft("fi", DATA["fi"], "Jäsennumero, liittymis\u00ad\npäivä ja seura.")
    assert [c.name.fi for c in result.data_categories] == ["Jäsennumero", "Liittymispäivä", "Seura"]


@pytest.mark.parametrize("body", ["Jäsennumero\u00ad\n\nSeura", "Jäsennumero\n\u00ad\nSeura"])
def test_a_soft_hyphen_by_a_blank_line_keeps_the_paragraphs(body: str) -> None:
    plain = draft("fi", DATA["fi"], "Jäsennumero\n\nSeura")
    assert draft("fi", DATA["fi"], body).data_categories == plain.data_categories


# --- rights stated with a verb ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "body", "rights"),
    [
        ("sv", "Du kan begära att felaktiga uppgifter rättas.", {"rectification"}),
        ("sv", "Du kan få dina uppgifter raderade.", {"erasure"}),
        (
            "en",
            "You may have wrong details corrected or ask us to delete them.",
            {"rectification", "erasure"},
        ),
        ("fi", "Jäsen voi perua antamansa suostumuksen.", {"withdraw_consent"}),
        ("fi", "Jäsenellä on oikeus saada jäljennös tiedoistaan.", {"access"}),
        ("fi", "Jäsenellä on oikeus tulla unohdetuksi.", {"erasure"}),
    ],
)
def test_a_right_stated_with_a_verb_is_read(lang: str, body: str, rights: set[str]) -> None:
    assert rights <= {right.value for right in draft(lang, RIGHTS[lang], body).rights}


def test_a_right_stated_with_a_verb_and_denied_is_not_read() -> None:
    result = draft("sv", RIGHTS["sv"], "Du har inte rätt att få dina uppgifter raderade.")
    assert "erasure" not in [right.value for right in result.rights]


# --- a cookie denial limited by a clause --------------------------------------------------

COOKIES = {"fi": "Evästeet", "en": "Cookies"}


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "We do not use cookies to show you advertising."),
        ("en", "We don't use cookies that follow you to other sites."),
        ("fi", "Emme käytä evästeitä, joiden avulla sinua seurattaisiin."),
        ("fi", "Emme käytä evästeitä mainostaaksemme sinulle."),
    ],
)
def test_a_cookie_denial_limited_by_a_clause_sets_nothing(lang: str, body: str) -> None:
    assert "cookies" not in [
        stated.value for stated in draft(lang, COOKIES[lang], body).none_stated
    ]


@pytest.mark.parametrize(
    ("lang", "body"), [("fi", "Sivustolla ei käytetä evästeitä."), ("en", "We do not use cookies.")]
)
def test_a_plain_cookie_denial_sets_none_stated(lang: str, body: str) -> None:
    assert "cookies" in [stated.value for stated in draft(lang, COOKIES[lang], body).none_stated]


# --- a denial of automated decisions beside profiling that happens -----------------------

AUTOMATED = "Automaattinen päätöksenteko ja profilointi"


@pytest.mark.parametrize(
    "body",
    [
        "Emme tee automaattisia päätöksiä. Profiloimme jäseniä tapahtumakutsuja varten.",
        "Profiloimme jäseniä tapahtumakutsuja varten. Automaattisia päätöksiä ei tehdä.",
    ],
)
def test_profiling_beside_a_denial_sets_no_none_stated(body: str) -> None:
    result = draft("fi", AUTOMATED, body)
    assert "automated_decisions" not in [stated.value for stated in result.none_stated]


@pytest.mark.parametrize(
    "body",
    [
        "Profiloidaanko jäseniä? Ei.",
        "Jäsenellä on oikeus vastustaa profilointia. Automaattisia päätöksiä ei tehdä.",
    ],
)
def test_a_question_or_a_right_on_profiling_keeps_the_denial(body: str) -> None:
    result = draft("fi", AUTOMATED, body)
    assert "automated_decisions" in [stated.value for stated in result.none_stated]


# --- a sentence that names the controller of this notice ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Tämän jäsenrekisterin rekisterinpitäjänä toimii Puolukan Puutarha Oy.",
        "Tämän selosteen mukaisen rekisterin rekisterinpitäjä on Puolukan Puutarha Oy.",
        "Personuppgiftsansvarig för detta register är Puolukan Puutarha Oy.",
    ],
)
def test_the_controller_of_this_register_is_named(sentence: str) -> None:
    result = import_notice(
        "Rekisterinpitäjä\n\n" + sentence + "\n\nRekisterin nimi\n\nJäsenrekisteri\n"
    )
    assert result.draft.controller.name == "Puolukan Puutarha Oy"


# --- a Swedish sentence on the system and the firm that maintains it ---------------------------


def test_a_system_maintained_by_a_firm_gives_its_processor_not_a_purpose() -> None:
    result = draft(
        "sv",
        PURPOSES["sv"],
        "Uppgifterna används för att sköta medlemskapet. Medlemsregistret underhålls av "
        "Lingonsoft Ab.",
    )
    assert [purpose.name.sv for purpose in result.purposes] == ["Sköta medlemskapet"]
    assert [processor.name for processor in result.processors] == ["Lingonsoft Ab"]


# --- a purpose with its legal basis ---------------------------------------------------------


def test_a_short_purpose_sentence_keeps_its_basis() -> None:
    result = draft("fi", PURPOSES["fi"], "Jäsenkirjeiden lähettäminen perustuu suostumukseen.")
    assert [purpose.name.fi for purpose in result.purposes] == ["Jäsenkirjeiden lähettäminen"]
    description = result.purposes[0].description
    assert description is not None
    assert "suostumukseen" in (description.fi or "")
