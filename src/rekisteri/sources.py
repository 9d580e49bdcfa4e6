"""Ready-made Finnish sources of personal data (Art 14(2)(f)).

Each constant is a :class:`~rekisteri.model.Source`; put it in a register's
``sources`` as it is. In TOML, a source can be given by its catalog key, e.g.
``sources = ["ytj", "asiakastieto", { key = "own-crm", name = "CRM" }]``.
Sources that are not in the catalog are ordinary ``Source`` values.

Names, operators and Y-tunnukset are those that the operators publish; where
one is not confirmed, it is left out rather than guessed. Operators are named
in Finnish, Swedish and English (a company's registered name is the same in
all three), and every catalog source says whether it is publicly accessible
(Art 14(2)(f)).

Examples:
    >>> from rekisteri import sources
    >>> sources.ASIAKASTIETO.business_id
    '0111027-9'
    >>> sources.CATALOG["ytj"].name.sv
    'Företags- och organisationsdatasystemet'
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from rekisteri.model import LocalizedText, Source

__all__ = [
    "ASIAKASTIETO",
    "CATALOG",
    "DATA_SUBJECT",
    "DVV_VTJ",
    "FONECTA",
    "POSTI_OSOITEPALVELU",
    "PRH_KAUPPAREKISTERI",
    "PRH_YHDISTYSREKISTERI",
    "SUOMEN_NUMEROPALVELU",
    "YTJ",
]

PRH: Final = LocalizedText(
    fi="Patentti- ja rekisterihallitus",
    sv="Patent- och registerstyrelsen",
    en="Finnish Patent and Registration Office",
)
"""The Finnish Patent and Registration Office, operator of the trade register
and the register of associations."""


def _company(name: str) -> LocalizedText:
    """A company's registered name, which is the same in every language."""
    return LocalizedText(fi=name, sv=name, en=name)


DATA_SUBJECT: Final = Source(
    key="data-subject",
    name=LocalizedText(fi="Rekisteröity itse", sv="Den registrerade själv", en="The data subject"),
    data=LocalizedText(
        fi="Tiedot, jotka rekisteröity antaa itse",
        sv="Uppgifter som den registrerade själv lämnar",
        en="Data the data subject provides",
    ),
    is_data_subject=True,
    publicly_accessible=False,
)

YTJ: Final = Source(
    key="ytj",
    name=LocalizedText(
        fi="Yritys- ja yhteisötietojärjestelmä (YTJ)",
        sv="Företags- och organisationsdatasystemet",
        en="Business Information System (BIS)",
    ),
    operator=LocalizedText(
        fi="Patentti- ja rekisterihallitus ja Verohallinto",
        sv="Patent- och registerstyrelsen och Skatteförvaltningen",
        en="Finnish Patent and Registration Office and Finnish Tax Administration",
    ),
    data=LocalizedText(
        fi="Y-tunnus, nimi, yritysmuoto, kotipaikka, toimiala, osoitteet ja rekisterimerkinnät",
        sv="FO-nummer, namn, företagsform, hemort, bransch, adresser och registeranteckningar",
        en="Business ID, name, legal form, domicile, industry, addresses and register entries",
    ),
    publicly_accessible=True,
)

PRH_KAUPPAREKISTERI: Final = Source(
    key="prh-kaupparekisteri",
    name=LocalizedText(fi="Kaupparekisteri", sv="Handelsregistret", en="Trade Register"),
    operator=PRH,
    business_id="0244683-1",
    data=LocalizedText(
        fi="Yritysten tiedot ja vastuuhenkilöt (nimi, syntymäaika, asema)",
        sv="Företagens uppgifter och ansvarspersoner (namn, födelsedatum, ställning)",
        en="Company data and persons in charge (name, date of birth, role)",
    ),
    publicly_accessible=True,
)

PRH_YHDISTYSREKISTERI: Final = Source(
    key="prh-yhdistysrekisteri",
    name=LocalizedText(
        fi="Yhdistysrekisteri (Yhdistysnetti)",
        sv="Föreningsregistret",
        en="Register of Associations",
    ),
    operator=PRH,
    business_id="0244683-1",
    data=LocalizedText(
        fi="Rekisterinumero, nimi, kotipaikka ja nimenkirjoittajat",
        sv="Registernummer, namn, hemort och namntecknare",
        en="Register number, name, domicile and persons entitled to sign",
    ),
    publicly_accessible=True,
)

ASIAKASTIETO: Final = Source(
    key="asiakastieto",
    name=LocalizedText(
        fi="Suomen Asiakastieto Oy",
        sv="Suomen Asiakastieto Oy (kreditupplysningsföretag)",
        en="Suomen Asiakastieto Oy (credit reference agency)",
    ),
    operator=_company("Suomen Asiakastieto Oy"),
    business_id="0111027-9",
    data=LocalizedText(
        fi="Henkilö- ja yritysluottotiedot, maksuhäiriömerkinnät ja vastuuhenkilötiedot",
        sv="Kreditupplysningar om personer och företag, betalningsanmärkningar och uppgifter om"
        " ansvarspersoner",
        en="Personal and company credit data, payment-default entries and persons in charge",
    ),
    publicly_accessible=False,
)

FONECTA: Final = Source(
    key="fonecta",
    name=LocalizedText(fi="Fonecta Oy", sv="Fonecta Oy", en="Fonecta Oy"),
    operator=_company("Fonecta Oy"),
    business_id="1755007-6",
    data=LocalizedText(
        fi="Hakemistotiedot sekä yritystiedot: päättäjät, toimiala, liikevaihto ja toimipaikat",
        sv="Kataloguppgifter och företagsuppgifter: beslutsfattare, bransch, omsättning och"
        " verksamhetsställen",
        en="Directory data and business data: decision makers, industry, turnover and sites",
    ),
    # Fonecta publishes its directory (Fonecta Finder) for anyone to search.
    publicly_accessible=True,
)

SUOMEN_NUMEROPALVELU: Final = Source(
    key="suomen-numeropalvelu",
    name=LocalizedText(
        fi="Suomen Numeropalvelu Oy",
        sv="Finlands Nummertjänst Ab",
        en="Suomen Numeropalvelu Oy (national subscriber database)",
    ),
    operator=LocalizedText(
        fi="Suomen Numeropalvelu Oy",
        sv="Finlands Nummertjänst Ab",
        en="Suomen Numeropalvelu Oy",
    ),
    business_id="0792060-0",
    data=LocalizedText(
        fi="Teleyritysten toimittamat liittymätiedot: nimi, osoite ja puhelinnumero",
        sv="Abonnentuppgifter från teleföretagen: namn, adress och telefonnummer",
        en="Subscriber data supplied by telecom operators: name, address and number",
    ),
    # A database for directory services, not open to the public.
    publicly_accessible=False,
)

DVV_VTJ: Final = Source(
    key="dvv-vtj",
    name=LocalizedText(
        fi="Väestötietojärjestelmä (Digi- ja väestötietovirasto)",
        sv="Befolkningsdatasystemet (Myndigheten för digitalisering och befolkningsdata)",
        en="Population Information System (Digital and Population Data Services Agency)",
    ),
    operator=LocalizedText(
        fi="Digi- ja väestötietovirasto",
        sv="Myndigheten för digitalisering och befolkningsdata",
        en="Digital and Population Data Services Agency",
    ),
    data=LocalizedText(
        fi="Nimi, henkilötunnus, osoitteet, muutot ja kuolintieto; ei puhelinnumeroita",
        sv="Namn, personbeteckning, adresser, flyttningar och uppgift om dödsfall; inga"
        " telefonnummer",
        en="Name, personal identity code, addresses, moves and date of death; no phone numbers",
    ),
    publicly_accessible=False,
)

POSTI_OSOITEPALVELU: Final = Source(
    key="posti-osoitepalvelu",
    name=LocalizedText(
        fi="Postin osoitepalvelu", sv="Postis adresstjänst", en="Posti address service"
    ),
    operator=_company("Posti Oy"),
    business_id="2344200-4",
    data=LocalizedText(
        fi="Osoitteenmuutostiedot",
        sv="Uppgifter om adressändringar",
        en="Change-of-address data",
    ),
    publicly_accessible=False,
)

#: Every catalog source by its key.
CATALOG: Final = MappingProxyType(
    {
        source.key: source
        for source in (
            DATA_SUBJECT,
            YTJ,
            PRH_KAUPPAREKISTERI,
            PRH_YHDISTYSREKISTERI,
            ASIAKASTIETO,
            FONECTA,
            SUOMEN_NUMEROPALVELU,
            DVV_VTJ,
            POSTI_OSOITEPALVELU,
        )
    }
)
