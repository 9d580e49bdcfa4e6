"""Ready-made categories of personal data, with fi/sv/en names and DPV terms.

Each constant is a :class:`~rekisteri.model.DataCategory`; put it in a
register's ``data_categories`` as it is, or change it with
``attrs.evolve()``. Every category names the W3C Data Privacy Vocabulary
(DPV 2.x) personal-data concept it is (``dpv``, a CURIE with the prefix
``pd:`` for ``https://w3id.org/dpv/pd#``), so that the JSON-LD output says
what is processed in terms other tools understand.

In TOML and JSON, a data category can be given by its catalog key, or as a
table with ``catalog = "<key>"`` and the fields that differ::

    data_categories = [
        "contact-details",
        { catalog = "orders", key = "web-orders" },
        { key = "own-notes", name = "Asiakaspalvelun muistiinpanot" },
    ]

A few Finnish keys are accepted as other names of the same categories (see
:data:`ALIASES`); the category keeps its catalog key. A purpose or a retention
rule of the same document may name the category by the alias the document
gave (``data_categories = ["yhteystiedot"]`` in both places).

Examples:
    >>> from rekisteri import categories
    >>> categories.get("contact-details").name.sv
    'Kontaktuppgifter'
    >>> categories.get("yhteystiedot").key
    'contact-details'
    >>> categories.HEALTH.special
    <SpecialCategory.HEALTH: 'health'>
    >>> categories.dpv_iri(categories.HEALTH.dpv)
    'https://w3id.org/dpv/pd#Health'
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from rekisteri.errors import InvalidValueError, UnknownCategoryError
from rekisteri.model import DataCategory, LocalizedText, SpecialCategory

__all__ = [
    "ALIASES",
    "BANK_ACCOUNT",
    "BASIC_DETAILS",
    "BILLING",
    "CATALOG",
    "COMMUNICATIONS",
    "CONSENTS_AND_PROHIBITIONS",
    "CONTACT_DETAILS",
    "COOKIES",
    "CREDIT_INFORMATION",
    "CRIMINAL_RECORDS",
    "CUSTOMER_HISTORY",
    "DPV_PREFIXES",
    "EDUCATION",
    "EMPLOYMENT_DETAILS",
    "FAMILY_MEMBERS",
    "HEALTH",
    "IMAGES",
    "LOCATION",
    "LOGIN_DETAILS",
    "MARKETING_PREFERENCES",
    "MEMBERSHIP_DETAILS",
    "ONLINE_IDENTIFIERS",
    "ORDERS",
    "PAYMENT_DETAILS",
    "PERSONAL_IDENTITY_CODE",
    "RECORDINGS",
    "SALARY",
    "TAX_DETAILS",
    "TAX_NUMBER",
    "TRADE_UNION_MEMBERSHIP",
    "dpv_iri",
    "get",
    "keys",
]

#: The prefixes a DPV CURIE may use, and the namespaces they stand for.
#: ``dpv-pd:`` is the older name of ``pd:``.
DPV_PREFIXES: Final = MappingProxyType(
    {
        "pd": "https://w3id.org/dpv/pd#",
        "dpv-pd": "https://w3id.org/dpv/pd#",
        "dpv": "https://w3id.org/dpv#",
    }
)


def dpv_iri(term: str) -> str:
    """Return the full IRI of a DPV term given as a CURIE (an IRI stays as it is).

    Raises:
        InvalidValueError: *term* has a prefix other than those of
            :data:`DPV_PREFIXES`.

    Examples:
        >>> dpv_iri("pd:EmailAddress")
        'https://w3id.org/dpv/pd#EmailAddress'
    """
    if term.startswith(("https://", "http://")):
        return term
    prefix, colon, local = term.partition(":")
    if not colon or prefix not in DPV_PREFIXES or not local:
        msg = f"dpv: expected an IRI or a CURIE with one of the prefixes {', '.join(DPV_PREFIXES)}"
        raise InvalidValueError(msg)
    return DPV_PREFIXES[prefix] + local


def _category(
    key: str,
    name: tuple[str, str, str],
    description: tuple[str, str, str],
    dpv: str,
    *,
    special: SpecialCategory | None = None,
    criminal: bool = False,
    personal_identity_code: bool = False,
) -> DataCategory:
    return DataCategory(
        key=key,
        name=LocalizedText(fi=name[0], sv=name[1], en=name[2]),
        description=LocalizedText(fi=description[0], sv=description[1], en=description[2]),
        dpv=dpv,
        special=special,
        criminal=criminal,
        personal_identity_code=personal_identity_code,
    )


BASIC_DETAILS: Final = _category(
    "basic-details",
    ("Perustiedot", "Grunduppgifter", "Basic details"),
    (
        "Nimi, syntymäaika ja asiointikieli",
        "Namn, födelsedatum och språk",
        "Name, date of birth and language",
    ),
    "pd:Identifying",
)

CONTACT_DETAILS: Final = _category(
    "contact-details",
    ("Yhteystiedot", "Kontaktuppgifter", "Contact details"),
    (
        "Postiosoite, sähköpostiosoite ja puhelinnumero",
        "Postadress, e-postadress och telefonnummer",
        "Postal address, e-mail address and phone number",
    ),
    "pd:Contact",
)

PERSONAL_IDENTITY_CODE: Final = _category(
    "personal-identity-code",
    ("Henkilötunnus", "Personbeteckning", "Personal identity code"),
    (
        "Henkilötunnus, kun sen käsittelyyn on peruste (tietosuojalaki 29 §)",
        "Personbeteckning, när det finns grund för att behandla den (dataskyddslagen 29 §)",
        (
            "The personal identity code, where there are grounds to process it"
            " (Data Protection Act, section 29)"
        ),
    ),
    "pd:OfficialID",
    personal_identity_code=True,
)

CUSTOMER_HISTORY: Final = _category(
    "customer-history",
    ("Asiakashistoria", "Kundhistorik", "Customer history"),
    (
        "Asiakkuuden alkaminen, yhteydenotot, palautteet ja reklamaatiot",
        "Kundförhållandets början, kontakter, respons och reklamationer",
        "Start of the customer relationship, contacts, feedback and complaints",
    ),
    "pd:Historical",
)

ORDERS: Final = _category(
    "orders",
    ("Tilaustiedot", "Beställningsuppgifter", "Orders"),
    (
        "Tilatut tuotteet ja palvelut, toimitukset ja palautukset",
        "Beställda produkter och tjänster, leveranser och returer",
        "Products and services ordered, deliveries and returns",
    ),
    "pd:Purchase",
)

PAYMENT_DETAILS: Final = _category(
    "payment-details",
    ("Maksutiedot", "Betalningsuppgifter", "Payment details"),
    (
        "Maksutapa, maksut ja niiden tila",
        "Betalningssätt, betalningar och deras status",
        "Payment method, payments and their status",
    ),
    "pd:Transaction",
)

BILLING: Final = _category(
    "billing",
    ("Laskutustiedot", "Faktureringsuppgifter", "Billing details"),
    (
        "Laskutusosoite, laskut ja perintätiedot",
        "Faktureringsadress, fakturor och uppgifter om indrivning",
        "Billing address, invoices and debt collection",
    ),
    "pd:Transactional",
)

CREDIT_INFORMATION: Final = _category(
    "credit-information",
    ("Luottotiedot", "Kreditupplysningar", "Credit information"),
    (
        "Luottotietorekisterin tiedot ja maksuhäiriömerkinnät",
        "Uppgifter ur kreditupplysningsregistret och betalningsanmärkningar",
        "Data from a credit information register and payment-default entries",
    ),
    "pd:CreditRecord",
)

MARKETING_PREFERENCES: Final = _category(
    "marketing-preferences",
    ("Markkinointivalinnat", "Val om marknadsföring", "Marketing preferences"),
    (
        "Kiinnostuksen kohteet ja valitut markkinointikanavat",
        "Intressen och valda marknadsföringskanaler",
        "Interests and the marketing channels chosen",
    ),
    "pd:Preference",
)

CONSENTS_AND_PROHIBITIONS: Final = _category(
    "consents-and-prohibitions",
    ("Suostumukset ja kiellot", "Samtycken och förbud", "Consents and prohibitions"),
    (
        "Annetut ja peruutetut suostumukset sekä suoramarkkinointikiellot",
        "Givna och återkallade samtycken samt förbud mot direktmarknadsföring",
        "Consents given and withdrawn, and prohibitions of direct marketing",
    ),
    "pd:PrivacyPreference",
)

EMPLOYMENT_DETAILS: Final = _category(
    "employment-details",
    ("Työsuhteen tiedot", "Uppgifter om anställningen", "Employment details"),
    (
        "Tehtävä, työsuhteen alkaminen ja päättyminen, työaika ja poissaolot",
        "Befattning, anställningens början och slut, arbetstid och frånvaro",
        "Position, start and end of employment, working time and absences",
    ),
    "pd:CurrentEmployment",
)

SALARY: Final = _category(
    "salary",
    ("Palkkatiedot", "Löneuppgifter", "Salary details"),
    (
        "Palkka, palkkiot ja etuudet",
        "Lön, arvoden och förmåner",
        "Salary, fees and benefits",
    ),
    "pd:Salary",
)

BANK_ACCOUNT: Final = _category(
    "bank-account",
    ("Pankkitilin numero", "Bankkontonummer", "Bank account number"),
    (
        "Tilinumero (IBAN), jolle palkka tai palautus maksetaan",
        "Kontonummer (IBAN) till vilket lön eller återbetalning betalas",
        "The account number (IBAN) to which salary or refunds are paid",
    ),
    "pd:BankAccount",
)

TAX_NUMBER: Final = _category(
    "tax-number",
    ("Veronumero", "Skattenummer", "Tax number"),
    (
        "Verohallinnon antama veronumero (rakennusalan työntekijärekisteri)",
        "Skattenummer från Skatteförvaltningen (byggbranschens arbetstagarregister)",
        "Tax number issued by the Finnish Tax Administration (construction sector)",
    ),
    "pd:OfficialID",
)

TAX_DETAILS: Final = _category(
    "tax-details",
    ("Verotustiedot", "Beskattningsuppgifter", "Tax details"),
    (
        "Verokortin tiedot, kuten ennakonpidätysprosentti",
        "Uppgifter på skattekortet, såsom förskottsinnehållningsprocent",
        "Tax card details such as the withholding rate",
    ),
    "pd:Tax",
)

MEMBERSHIP_DETAILS: Final = _category(
    "membership-details",
    ("Jäsentiedot", "Medlemsuppgifter", "Membership details"),
    (
        "Jäsenyyden alkaminen, jäsenlaji, jäsenmaksut ja luottamustehtävät",
        "Medlemskapets början, medlemskategori, medlemsavgifter och förtroendeuppdrag",
        "Start of membership, membership type, fees and positions of trust",
    ),
    "pd:GroupMembership",
)

HEALTH: Final = _category(
    "health",
    ("Terveystiedot", "Hälsouppgifter", "Health data"),
    (
        "Terveydentila, sairaudet, vammaisuus ja saadut hoidot",
        "Hälsotillstånd, sjukdomar, funktionsnedsättning och vård",
        "State of health, illnesses, disability and care received",
    ),
    "pd:Health",
    special=SpecialCategory.HEALTH,
)

TRADE_UNION_MEMBERSHIP: Final = _category(
    "trade-union-membership",
    ("Ammattiliiton jäsenyys", "Medlemskap i fackförening", "Trade union membership"),
    (
        "Tieto jäsenyydestä, esimerkiksi jäsenmaksun perintää varten",
        "Uppgift om medlemskap, till exempel för indrivning av medlemsavgiften",
        "Membership, for example to collect the union fee from salary",
    ),
    "pd:TradeUnionMembership",
    special=SpecialCategory.TRADE_UNION_MEMBERSHIP,
)

IMAGES: Final = _category(
    "images",
    ("Valokuvat ja videokuva", "Foton och videobilder", "Photographs and video"),
    (
        "Valokuvat ja kameravalvonnan tallenteet",
        "Foton och inspelningar från kameraövervakning",
        "Photographs and recordings of camera surveillance",
    ),
    "pd:Picture",
)

RECORDINGS: Final = _category(
    "recordings",
    ("Puhelutallenteet", "Samtalsinspelningar", "Call recordings"),
    (
        "Asiakaspalvelupuheluiden tallenteet",
        "Inspelningar av samtal med kundtjänsten",
        "Recordings of customer service calls",
    ),
    "pd:VoiceCommunicationRecording",
)

COMMUNICATIONS: Final = _category(
    "communications",
    ("Viestit", "Meddelanden", "Messages"),
    (
        "Rekisteröidyn lähettämät ja hänelle lähetetyt viestit",
        "Meddelanden som den registrerade skickat och tagit emot",
        "Messages sent by and to the data subject",
    ),
    "pd:Communication",
)

LOCATION: Final = _category(
    "location",
    ("Sijaintitiedot", "Platsuppgifter", "Location data"),
    (
        "Laitteen tai ajoneuvon sijainti",
        "En enhets eller ett fordons position",
        "The location of a device or a vehicle",
    ),
    "pd:Location",
)

ONLINE_IDENTIFIERS: Final = _category(
    "online-identifiers",
    ("Tekniset tunnisteet", "Tekniska identifierare", "Online identifiers"),
    (
        "IP-osoite, laitetunniste ja selaimen tiedot",
        "IP-adress, enhetsidentifierare och uppgifter om webbläsaren",
        "IP address, device identifier and browser details",
    ),
    "pd:DeviceBased",
)

COOKIES: Final = _category(
    "cookies",
    ("Evästetiedot", "Uppgifter från kakor", "Cookie data"),
    (
        "Evästeiden ja vastaavien tekniikoiden keräämä selaamistieto",
        "Uppgifter om surfning som kakor och liknande tekniker samlar in",
        "Browsing data collected by cookies and similar technologies",
    ),
    "pd:BrowsingBehavior",
)

LOGIN_DETAILS: Final = _category(
    "login-details",
    ("Käyttäjätunnukset", "Inloggningsuppgifter", "Login details"),
    (
        "Käyttäjätunnus ja salasanan tiiviste",
        "Användarnamn och lösenordets hashvärde",
        "User name and password hash",
    ),
    "pd:Authenticating",
)

EDUCATION: Final = _category(
    "education",
    ("Koulutustiedot", "Utbildningsuppgifter", "Education"),
    (
        "Tutkinnot, koulutukset ja pätevyydet",
        "Examina, utbildningar och behörigheter",
        "Degrees, training and qualifications",
    ),
    "pd:Education",
)

FAMILY_MEMBERS: Final = _category(
    "family-members",
    ("Perheenjäsenten tiedot", "Uppgifter om familjemedlemmar", "Family members"),
    (
        "Lähiomaisen tai huollettavien nimet ja yhteystiedot",
        "Namn och kontaktuppgifter för närstående eller försörjda",
        "Names and contact details of next of kin or dependants",
    ),
    "pd:Family",
)

CRIMINAL_RECORDS: Final = _category(
    "criminal-records",
    ("Rikostaustatiedot", "Uppgifter om brottslig bakgrund", "Criminal records"),
    (
        "Tieto rikosrekisteriotteen esittämisestä (lapsen kanssa työskentely)",
        "Uppgift om att ett straffregisterutdrag visats (arbete med barn)",
        "That an extract from the criminal record was shown (work with children)",
    ),
    "pd:CriminalConviction",
    criminal=True,
)

#: Every catalog category by its key.
CATALOG: Final = MappingProxyType(
    {
        category.key: category
        for category in (
            BASIC_DETAILS,
            CONTACT_DETAILS,
            PERSONAL_IDENTITY_CODE,
            CUSTOMER_HISTORY,
            ORDERS,
            PAYMENT_DETAILS,
            BILLING,
            CREDIT_INFORMATION,
            MARKETING_PREFERENCES,
            CONSENTS_AND_PROHIBITIONS,
            EMPLOYMENT_DETAILS,
            SALARY,
            BANK_ACCOUNT,
            TAX_NUMBER,
            TAX_DETAILS,
            MEMBERSHIP_DETAILS,
            HEALTH,
            TRADE_UNION_MEMBERSHIP,
            IMAGES,
            RECORDINGS,
            COMMUNICATIONS,
            LOCATION,
            ONLINE_IDENTIFIERS,
            COOKIES,
            LOGIN_DETAILS,
            EDUCATION,
            FAMILY_MEMBERS,
            CRIMINAL_RECORDS,
        )
    }
)

#: Finnish keys accepted for catalog categories: the category keeps its
#: catalog key (``"perustiedot"`` gives the category ``basic-details``).
ALIASES: Final = MappingProxyType(
    {
        "perustiedot": "basic-details",
        "yhteystiedot": "contact-details",
        "henkilotunnus": "personal-identity-code",
        "asiakashistoria": "customer-history",
        "tilaustiedot": "orders",
        "maksutiedot": "payment-details",
        "laskutustiedot": "billing",
        "luottotiedot": "credit-information",
        "tyosuhde": "employment-details",
        "palkkatiedot": "salary",
        "veronumero": "tax-number",
        "jasentiedot": "membership-details",
        "terveystiedot": "health",
        "sijaintitiedot": "location",
        "evasteet": "cookies",
    }
)


def get(key: str) -> DataCategory:
    """Return the catalog category with *key* (or one of its :data:`ALIASES`).

    Raises:
        UnknownCategoryError: No category has this key (a
            :class:`~rekisteri.errors.RekisteriError` and a :class:`KeyError`).
    """
    if type(key) is str:
        found = CATALOG.get(ALIASES.get(key, key))
        if found is not None:
            return found
    raise UnknownCategoryError(key)


def keys() -> tuple[str, ...]:
    """Return the keys of the catalog categories, in catalog order (no aliases)."""
    return tuple(CATALOG)
