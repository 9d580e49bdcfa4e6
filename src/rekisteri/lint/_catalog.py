"""The one table of finding codes: severity, GDPR article and message in fi/sv/en.

Messages are ``str.format`` templates. ``{article}`` is filled with the
article that applies to the register (Art 13 when the data come from the data
subject, Art 14 when they come from elsewhere, both when both do), written
the way each language cites the GDPR.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from rekisteri.lint._finding import Finding, Severity
from rekisteri.lint._outdated import OUTDATED_REFERENCES
from rekisteri.model import Lang, LocalizedText

if TYPE_CHECKING:
    from collections.abc import Mapping

_ARTICLE: Final = re.compile(r"([0-9]+)(?:\(([0-9]+)\))?(?:\(([a-z])\))?")


@attrs.frozen(kw_only=True)
class CodeInfo:
    """What one finding code means.

    Examples:
        >>> CODES["R105"].severity
        <Severity.ERROR: 'error'>
        >>> CODES["R105"].gdpr
        'Art 13(1)(c), 14(1)(c)'
    """

    code: str
    severity: Severity
    """The usual severity; a few rules lower it where the GDPR does (see the guide)."""
    group: str
    """``missing`` (R1xx), ``consistency`` (R2xx), ``outdated`` (R301–R319) or
    ``text`` (R320: what a text of the register must not hold)."""
    title: str
    """A short English title, for tables."""
    art13: str | None = None
    """The point of Art 13 that asks for the item, e.g. ``"13(1)(c)"``."""
    art14: str | None = None
    """The point of Art 14 that asks for the item, e.g. ``"14(2)(f)"``."""
    other: str | None = None
    """Another provision, e.g. ``"30(1)(g)"`` or ``"9(2)"``."""
    message: LocalizedText
    """The message template in Finnish, Swedish and English."""

    @property
    def gdpr(self) -> str:
        """The provisions, e.g. ``"Art 13(1)(c), 14(1)(c)"`` (empty when none).

        Examples:
            >>> CODES["R203"].gdpr
            'tietosuojalaki 1050/2018'
            >>> CODES["R204"].gdpr
            'Art 13(1)(f), 14(1)(f), 44–49'
        """
        articles = [part for part in (self.art13, self.art14) if part]
        other = self.other
        if other is not None and other[0].isdigit() and " " not in other:
            articles.append(other)
            other = None
        parts = ["Art " + ", ".join(articles)] if articles else []
        if other is not None:
            parts.append(other)
        return "; ".join(parts)


def cite(article: str, lang: Lang) -> str:
    """Cite a GDPR article the way *lang* does.

    Examples:
        >>> [cite("13(1)(c)", lang) for lang in Lang]
        ['13 artiklan 1 kohdan c alakohta', 'artikel 13.1 c', 'Article 13(1)(c)']
        >>> cite("30(1)", Lang.FI), cite("77", Lang.SV)
        ('30 artiklan 1 kohta', 'artikel 77')
    """
    match = _ARTICLE.fullmatch(article)
    if match is None:  # not an article number: a national act or a free text
        return article
    number, paragraph, point = match.groups()
    if lang is Lang.FI:
        if paragraph is None:
            return f"{number} artikla"
        if point is None:
            return f"{number} artiklan {paragraph} kohta"
        return f"{number} artiklan {paragraph} kohdan {point} alakohta"
    if lang is Lang.SV:
        return (
            "artikel "
            + number
            + (f".{paragraph}" if paragraph else "")
            + (f" {point}" if point else "")
        )
    return f"Article {article}"


_AND: Final = {Lang.FI: " ja ", Lang.SV: " och ", Lang.EN: " and "}


def _entry(
    code: str,
    severity: Severity,
    title: str,
    *,
    fi: str,
    sv: str,
    en: str,
    art13: str | None = None,
    art14: str | None = None,
    other: str | None = None,
    group: str | None = None,
) -> tuple[str, CodeInfo]:
    group = group or {"1": "missing", "2": "consistency", "3": "outdated"}[code[1]]
    info = CodeInfo(
        code=code,
        severity=severity,
        group=group,
        title=title,
        art13=art13,
        art14=art14,
        other=other,
        message=LocalizedText(fi=fi, sv=sv, en=en),
    )
    return code, info


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

_MISSING: Final = (
    _entry(
        "R101",
        E,
        "Controller's name missing",
        art13="13(1)(a)",
        art14="14(1)(a)",
        fi="Rekisterinpitäjän nimi puuttuu. Selosteessa on kerrottava rekisterinpitäjän "
        "identiteetti ({article}).",
        sv="Den personuppgiftsansvariges namn saknas. Beskrivningen ska ange den "
        "personuppgiftsansvariges identitet ({article}).",
        en="The controller's name is missing. The notice must give the controller's identity "
        "({article}).",
    ),
    _entry(
        "R102",
        E,
        "Controller's contact details missing",
        art13="13(1)(a)",
        art14="14(1)(a)",
        fi="Rekisterinpitäjän yhteystiedot puuttuvat: anna vähintään osoite, "
        "sähköpostiosoite, puhelinnumero tai verkko-osoite ({article}).",
        sv="Den personuppgiftsansvariges kontaktuppgifter saknas: ange åtminstone en adress, "
        "en e-postadress, ett telefonnummer eller en webbadress ({article}).",
        en="The controller's contact details are missing: give at least an address, e-mail, "
        "telephone number or web address ({article}).",
    ),
    _entry(
        "R103",
        INFO,
        "No DPO contact details",
        art13="13(1)(b)",
        art14="14(1)(b)",
        fi="Tietosuojavastaavan yhteystietoja ei ole annettu. Jos tietosuojavastaava on "
        "nimitetty, kerro hänen yhteystietonsa ({article}).",
        sv="Dataskyddsombudets kontaktuppgifter har inte angetts. Om ett dataskyddsombud har "
        "utsetts, ange ombudets kontaktuppgifter ({article}).",
        en="No contact details of a data protection officer are given. If a DPO has been "
        "designated, give their contact details ({article}).",
    ),
    _entry(
        "R104",
        E,
        "No purposes of processing",
        art13="13(1)(c)",
        art14="14(1)(c)",
        fi="Henkilötietojen käsittelyn tarkoituksia ei ole kerrottu ({article}).",
        sv="Ändamålen med behandlingen av personuppgifter har inte angetts ({article}).",
        en="The purposes of processing are not given ({article}).",
    ),
    _entry(
        "R105",
        E,
        "Purpose without a legal basis",
        art13="13(1)(c)",
        art14="14(1)(c)",
        fi="Käsittelyn tarkoitukselle ”{name}” ei ole ilmoitettu oikeusperustetta "
        "(6 artiklan 1 kohta; {article}).",
        sv="Ändamålet ”{name}” saknar rättslig grund (artikel 6.1; {article}).",
        en="The purpose “{name}” has no legal basis (Article 6(1); {article}).",
    ),
    _entry(
        "R106",
        E,
        "No categories of personal data",
        art14="14(1)(d)",
        other="30(1)(c)",
        fi="Käsiteltäviä henkilötietoryhmiä ei ole kerrottu. Kun tietoja saadaan muualta kuin "
        "rekisteröidyltä itseltään, ne on kerrottava (14 artiklan 1 kohdan d alakohta); ne "
        "kuuluvat myös selosteeseen käsittelytoimista (30 artiklan 1 kohdan c alakohta).",
        sv="Kategorierna av personuppgifter har inte angetts. När uppgifterna inte har "
        "samlats in från den registrerade ska de anges (artikel 14.1 d); de hör också till "
        "registret över behandling (artikel 30.1 c).",
        en="The categories of personal data are not given. Where data are not obtained from "
        "the data subject they must be (Article 14(1)(d)); the record of processing activities "
        "needs them too (Article 30(1)(c)).",
    ),
    _entry(
        "R107",
        E,
        "Silent about recipients",
        art13="13(1)(e)",
        art14="14(1)(e)",
        fi="Seloste ei kerro, luovutetaanko tietoja. Nimeä vastaanottajat tai "
        "vastaanottajaryhmät tai totea, ettei tietoja luovuteta ({article}).",
        sv="Beskrivningen säger inte om uppgifter lämnas ut. Ange mottagarna eller "
        "kategorierna av mottagare, eller att inga uppgifter lämnas ut ({article}).",
        en="The notice does not say whether data are disclosed. Name the recipients or "
        "categories of recipients, or state that data are not disclosed ({article}).",
    ),
    _entry(
        "R108",
        E,
        "Silent about transfers outside the EU/EEA",
        art13="13(1)(f)",
        art14="14(1)(f)",
        fi="Seloste ei kerro, siirretäänkö tietoja EU:n tai ETA:n ulkopuolelle. Kerro siirrot "
        "ja niiden perusteet tai totea, ettei tietoja siirretä ({article}).",
        sv="Beskrivningen säger inte om uppgifter överförs utanför EU eller EES. Ange "
        "överföringarna och deras grund, eller att inga uppgifter överförs ({article}).",
        en="The notice does not say whether data are transferred outside the EU/EEA. Describe "
        "the transfers and their basis, or state that there are none ({article}).",
    ),
    _entry(
        "R109",
        W,
        "Transfer safeguards: no way to obtain a copy",
        art13="13(1)(f)",
        art14="14(1)(f)",
        fi="Siirrosta ({destination}) ei kerrota, miten suojatoimista saa jäljennöksen tai "
        "mistä ne ovat saatavilla ({article}).",
        sv="För överföringen ({destination}) anges inte hur man kan få en kopia av "
        "skyddsåtgärderna eller var de finns tillgängliga ({article}).",
        en="For the transfer ({destination}) the notice does not say how to obtain a copy of "
        "the safeguards or where they are available ({article}).",
    ),
    _entry(
        "R110",
        E,
        "No retention period",
        art13="13(2)(a)",
        art14="14(2)(a)",
        fi="Henkilötietojen säilytysaikaa tai sen määrittämisen kriteerejä ei ole kerrottu "
        "({article}).",
        sv="Lagringstiden för personuppgifterna eller kriterierna för att fastställa den har "
        "inte angetts ({article}).",
        en="Neither the retention period nor the criteria used to determine it are given "
        "({article}).",
    ),
    _entry(
        "R111",
        W,
        "Data category without a retention rule",
        art13="13(2)(a)",
        art14="14(2)(a)",
        fi="Henkilötietoryhmälle ”{name}” ei ole säilytysaikaa: mikään säilytyssääntö ei koske "
        "sitä ({article}).",
        sv="Kategorin ”{name}” har ingen lagringstid: ingen regel om lagring gäller den "
        "({article}).",
        en="The data category “{name}” has no retention period: no retention rule covers it "
        "({article}).",
    ),
    _entry(
        "R112",
        E,
        "A right of Art 15-18 is not listed",
        art13="13(2)(b)",
        art14="14(2)(c)",
        fi="Rekisteröidyn oikeuksista puuttuu {right} ({article}).",
        sv="Bland den registrerades rättigheter saknas {right} ({article}).",
        en="The data subject's rights do not include the {right} ({article}).",
    ),
    _entry(
        "R113",
        E,
        "Right to object not listed",
        art13="13(2)(b)",
        art14="14(2)(c)",
        other="21",
        fi="Vastustamisoikeus puuttuu, vaikka käsittely perustuu oikeutettuun etuun tai "
        "yleisen edun mukaiseen tehtävään tai on suoramarkkinointia (21 artikla; "
        "{article}).",
        sv="Rätten att göra invändningar saknas, trots att behandlingen grundar sig på en "
        "intresseavvägning eller en uppgift av allmänt intresse eller är "
        "direktmarknadsföring (artikel 21; {article}).",
        en="The right to object is missing, although processing is based on legitimate "
        "interests or a public task, or is direct marketing (Article 21; {article}).",
    ),
    _entry(
        "R114",
        W,
        "Right to data portability not listed",
        art13="13(2)(b)",
        art14="14(2)(c)",
        other="20",
        fi="Oikeus siirtää tiedot järjestelmästä toiseen puuttuu, vaikka käsittely perustuu "
        "suostumukseen tai sopimukseen. Se koskee automaattisesti käsiteltäviä tietoja "
        "(20 artikla; {article}).",
        sv="Rätten till dataportabilitet saknas, trots att behandlingen grundar sig på samtycke "
        "eller avtal. Den gäller uppgifter som behandlas automatiserat (artikel 20; "
        "{article}).",
        en="The right to data portability is missing, although processing is based on consent "
        "or a contract. It applies to data processed by automated means (Article 20; "
        "{article}).",
    ),
    _entry(
        "R115",
        W,
        "How to exercise the rights is not said",
        other="12(2)",
        fi="Seloste ei kerro, miten rekisteröity voi käyttää oikeuksiaan: kenelle ja miten "
        "pyyntö tehdään (12 artiklan 2 kohta).",
        sv="Beskrivningen säger inte hur den registrerade kan utöva sina rättigheter: till "
        "vem och hur en begäran görs (artikel 12.2).",
        en="The notice does not say how data subjects exercise their rights: to whom and how "
        "a request is made (Article 12(2)).",
    ),
    _entry(
        "R117",
        W,
        "No sources of personal data",
        art14="14(2)(f)",
        fi="Seloste ei kerro, mistä henkilötiedot saadaan. Jos ne saadaan muualta kuin "
        "rekisteröidyltä itseltään, lähde on kerrottava (14 artiklan 2 kohdan f alakohta).",
        sv="Beskrivningen säger inte varifrån personuppgifterna kommer. Om de inte kommer från "
        "den registrerade själv ska källan anges (artikel 14.2 f).",
        en="The notice does not say where the personal data come from. If they are not "
        "obtained from the data subject, the source must be given (Article 14(2)(f)).",
    ),
    _entry(
        "R118",
        W,
        "Silent about automated decision-making",
        art13="13(2)(f)",
        art14="14(2)(g)",
        fi="Seloste ei kerro, tehdäänkö automaattisia päätöksiä tai profilointia. Kerro ne tai "
        "totea, ettei niitä ole ({article}).",
        sv="Beskrivningen säger inte om automatiserat beslutsfattande eller profilering "
        "förekommer. Beskriv det eller ange att det inte förekommer ({article}).",
        en="The notice does not say whether automated decision-making or profiling takes "
        "place. Describe it, or state that there is none ({article}).",
    ),
    _entry(
        "R119",
        INFO,
        "Silent about processors",
        art13="13(1)(e)",
        art14="14(1)(e)",
        fi="Seloste ei kerro, käytetäänkö henkilötietojen käsittelijöitä. Käsittelijät ovat "
        "vastaanottajia: nimeä ne tai totea, ettei niitä käytetä ({article}).",
        sv="Beskrivningen säger inte om personuppgiftsbiträden anlitas. Biträden är "
        "mottagare: ange dem eller att inga anlitas ({article}).",
        en="The notice does not say whether processors are used. Processors are recipients: "
        "name them, or state that none are used ({article}).",
    ),
    _entry(
        "R120",
        W,
        "No categories of data subjects",
        other="30(1)(c)",
        fi="Rekisteröityjen ryhmiä ei ole kerrottu; ne kuuluvat selosteeseen "
        "käsittelytoimista (30 artiklan 1 kohdan c alakohta).",
        sv="Kategorierna av registrerade har inte angetts; de hör till registret över "
        "behandling (artikel 30.1 c).",
        en="The categories of data subjects are not given; the record of processing "
        "activities needs them (Article 30(1)(c)).",
    ),
    _entry(
        "R121",
        W,
        "No security measures",
        other="30(1)(g)",
        fi="Teknisiä ja organisatorisia turvatoimia ei ole kuvattu (30 artiklan 1 kohdan "
        "g alakohta ja 32 artikla).",
        sv="De tekniska och organisatoriska säkerhetsåtgärderna har inte beskrivits "
        "(artikel 30.1 g och artikel 32).",
        en="No technical and organisational security measures are described "
        "(Article 30(1)(g) and Article 32).",
    ),
    _entry(
        "R122",
        E,
        "Silent about whether providing the data is required",
        art13="13(2)(e)",
        fi="Seloste ei kerro, onko henkilötietojen antaminen lakisääteinen tai sopimukseen "
        "perustuva vaatimus tai sopimuksen tekemisen edellytys, onko rekisteröidyn pakko antaa "
        "tiedot ja mitä seuraa, jos hän ei anna niitä ({article}).",
        sv="Beskrivningen anger inte om tillhandahållandet av personuppgifterna är ett "
        "lagstadgat eller avtalsenligt krav eller ett krav för att ingå ett avtal, om den "
        "registrerade är skyldig att lämna uppgifterna och vad som händer om han eller hon inte "
        "gör det ({article}).",
        en="The notice does not say whether providing the personal data is a statutory or "
        "contractual requirement or a requirement for entering into a contract, whether the "
        "data subject is obliged to provide them, and what follows if they do not ({article}).",
    ),
    _entry(
        "R123",
        W,
        "The notice has no date",
        other="12(1)",
        fi="Selosteesta puuttuu päivämäärä (updated): rekisteröity ei näe, milloin tiedot on "
        "viimeksi tarkistettu tai onko seloste muuttunut (12 artiklan 1 kohta, läpinäkyvyys).",
        sv="Beskrivningen saknar datum (updated): den registrerade kan inte se när uppgifterna "
        "senast granskades eller om beskrivningen har ändrats (artikel 12.1, öppenhet).",
        en="The notice has no date (updated): data subjects cannot see when it was last "
        "reviewed or whether it has changed (Article 12(1), transparency).",
    ),
    _entry(
        "R124",
        W,
        "Legal obligation or public task without its law",
        art13="13(1)(c)",
        art14="14(1)(c)",
        other="6(3)",
        fi="Käsittelyn tarkoitus ”{name}” perustuu lakisääteiseen velvoitteeseen tai yleisen "
        "edun mukaiseen tehtävään, mutta lakia, johon peruste perustuu, ei ole kerrottu "
        "(legal_basis_law; 6 artiklan 3 kohta; {article}).",
        sv="Ändamålet ”{name}” grundar sig på en rättslig förpliktelse eller en uppgift av "
        "allmänt intresse, men lagen som grunden vilar på anges inte (legal_basis_law; "
        "artikel 6.3; {article}).",
        en="The purpose “{name}” rests on a legal obligation or a public task, but the law it "
        "rests on is not named (legal_basis_law; Article 6(3); {article}).",
    ),
    _entry(
        "R125",
        E,
        "Joint controllers without the essence of the arrangement",
        other="26(2)",
        fi="Rekisterillä on yhteisiä rekisterinpitäjiä, mutta niiden järjestelyn keskeistä "
        "sisältöä ei ole asetettu rekisteröidyn saataville (joint_arrangement; 26 artiklan "
        "2 kohta).",
        sv="Registret har gemensamt personuppgiftsansvariga, men det väsentliga innehållet i "
        "deras arrangemang har inte gjorts tillgängligt för den registrerade "
        "(joint_arrangement; artikel 26.2).",
        en="The register has joint controllers, but the essence of their arrangement is not "
        "made available to the data subject (joint_arrangement; Article 26(2)).",
    ),
    _entry(
        "R126",
        INFO,
        "Processor without a stated contract",
        other="28(3)",
        fi="Henkilötietojen käsittelijästä ”{name}” ei kerrota sopimusta tai muuta "
        "oikeudellista asiakirjaa, joka sitoo sitä (contract; 28 artiklan 3 kohta).",
        sv="För personuppgiftsbiträdet ”{name}” anges inget avtal eller annan rättsakt som "
        "binder biträdet (contract; artikel 28.3).",
        en="No contract or other legal act that binds the processor “{name}” is stated "
        "(contract; Article 28(3)).",
    ),
)

_CONSISTENCY: Final = (
    _entry(
        "R201",
        E,
        "Consent without the right to withdraw it",
        art13="13(2)(c)",
        art14="14(2)(d)",
        other="7(3)",
        fi="Käsittely perustuu suostumukseen, mutta oikeus peruuttaa suostumus puuttuu "
        "(7 artiklan 3 kohta; {article}).",
        sv="Behandlingen grundar sig på samtycke, men rätten att återkalla samtycket saknas "
        "(artikel 7.3; {article}).",
        en="Processing is based on consent, but the right to withdraw consent is missing "
        "(Article 7(3); {article}).",
    ),
    _entry(
        "R202",
        W,
        "Third-party source: public or not unstated",
        art14="14(2)(f)",
        fi="Lähteestä ”{name}” ei kerrota, onko se yleisesti saatavilla (14 artiklan 2 kohdan "
        "f alakohta).",
        sv="För källan ”{name}” anges inte om den är allmänt tillgänglig (artikel 14.2 f).",
        en="The notice does not say whether the source “{name}” is publicly accessible "
        "(Article 14(2)(f)).",
    ),
    _entry(
        "R203",
        W,
        "Henkilötunnus without a stated need",
        other="tietosuojalaki 1050/2018",
        fi="Henkilötunnusta käsitellään (”{name}”), mutta mikään oikeusperusteen sisältävä "
        "käsittelyn tarkoitus ei käytä sitä. Tietosuojalaki rajoittaa henkilötunnuksen "
        "käsittelyä: kerro, mihin tarkoitukseen ja millä perusteella se on tarpeen.",
        sv="Personbeteckningar behandlas (”{name}”), men inget ändamål med rättslig grund "
        "använder dem. Dataskyddslagen begränsar behandlingen av personbeteckningar: ange för "
        "vilket ändamål och på vilken grund de behövs.",
        en="Personal identity codes are processed (“{name}”), but no purpose with a legal "
        "basis uses them. The Finnish Data Protection Act restricts their processing: say for "
        "which purpose and on what ground they are needed.",
    ),
    _entry(
        "R204",
        E,
        "Transfer without a mechanism",
        art13="13(1)(f)",
        art14="14(1)(f)",
        other="44–49",
        fi="Siirrolle ({destination}) ei ole ilmoitettu perustetta: tietosuojan "
        "riittävyyttä koskevaa päätöstä, asianmukaisia suojatoimia tai 49 artiklan "
        "poikkeusta (V luku; {article}).",
        sv="För överföringen ({destination}) anges ingen grund: beslut om adekvat "
        "skyddsnivå, skyddsåtgärder eller undantag enligt artikel 49 (kapitel V; {article}).",
        en="The transfer ({destination}) states no mechanism: an adequacy decision, "
        "safeguards or an Article 49 derogation (Chapter V; {article}).",
    ),
    _entry(
        "R205",
        W,
        "Retention that cannot be computed",
        art13="13(2)(a)",
        art14="14(2)(a)",
        fi="Säilytysaikaa ei voi laskea: säännöllä ei ole ajanjaksoa ja alkamishetkeä eikä "
        "säädöstä, vain sanallinen kuvaus ({article}).",
        sv="Lagringstiden kan inte beräknas: regeln har ingen period och utgångspunkt och "
        "ingen författning, bara en beskrivning ({article}).",
        en="The retention period cannot be computed: the rule has no period and starting "
        "point and no statute, only a description ({article}).",
    ),
    _entry(
        "R206",
        INFO,
        "Retention by statute without a period",
        art13="13(2)(a)",
        art14="14(2)(a)",
        fi="Säilytyssääntö viittaa säädökseen ({statute}), mutta ei kerro ajanjaksoa ja "
        "alkamishetkeä, joten poistopäivää ei voi laskea.",
        sv="Regeln om lagring hänvisar till en författning ({statute}) men anger ingen period "
        "och utgångspunkt, så raderingsdagen kan inte beräknas.",
        en="The retention rule cites a statute ({statute}) but gives no period and starting "
        "point, so no deletion date can be computed.",
    ),
    _entry(
        "R207",
        W,
        "Automated decisions without the Art 22 right",
        art13="13(2)(f)",
        art14="14(2)(g)",
        other="22",
        fi="Seloste kertoo automaattisista päätöksistä, mutta oikeus olla joutumatta "
        "automaattisen päätöksenteon kohteeksi puuttuu (22 artikla).",
        sv="Beskrivningen anger automatiserade beslut, men rätten att inte bli föremål för "
        "automatiserat beslutsfattande saknas (artikel 22).",
        en="The notice describes automated decisions, but the right not to be subject to "
        "automated decision-making is missing (Article 22).",
    ),
    _entry(
        "R208",
        W,
        "Cookie needs consent, nothing is based on consent",
        other="917/2014 205 §",
        fi="Eväste ”{name}” ei ole välttämätön, joten se vaatii suostumuksen (sähköisen "
        "viestinnän palveluista annetun lain 205 §), mutta mikään käsittelyn tarkoitus ei "
        "perustu suostumukseen.",
        sv="Kakan ”{name}” är inte nödvändig och kräver därför samtycke (205 § i lagen om "
        "tjänster inom elektronisk kommunikation), men inget ändamål grundar sig på samtycke.",
        en="The cookie “{name}” is not strictly necessary, so it needs consent (Act on "
        "Electronic Communications Services, section 205), but no purpose is based on "
        "consent.",
    ),
    _entry(
        "R209",
        E,
        "Special category without an Art 9(2) condition",
        other="9(2)",
        fi="Henkilötietoryhmä ”{name}” kuuluu erityisiin henkilötietoryhmiin, mutta mikään sitä "
        "käyttävä käsittelyn tarkoitus ei kerro 9 artiklan 2 kohdan perustetta.",
        sv="Kategorin ”{name}” hör till de särskilda kategorierna av personuppgifter, men "
        "inget ändamål som använder den anger ett undantag enligt artikel 9.2.",
        en="The data category “{name}” is a special category of personal data, but no "
        "purpose that uses it gives an Article 9(2) condition.",
    ),
    _entry(
        "R210",
        W,
        "Criminal-offence data",
        other="10",
        fi="Henkilötietoryhmä ”{name}” sisältää rikostuomioihin ja rikkomuksiin liittyviä "
        "tietoja. Niitä saa käsitellä vain viranomaisen valvonnassa tai kun laki sen sallii "
        "(10 artikla): kerro laki käsittelyn tarkoituksessa, joka käyttää niitä "
        "(legal_basis_law tai special_category_law).",
        sv="Kategorin ”{name}” innehåller uppgifter om fällande domar i brottmål och "
        "lagöverträdelser. De får behandlas endast under kontroll av en myndighet eller när lag "
        "tillåter det (artikel 10): ange lagen i det ändamål som använder dem "
        "(legal_basis_law eller special_category_law).",
        en="The data category “{name}” holds data on criminal convictions and offences. They "
        "may be processed only under official authority or where law authorises it "
        "(Article 10): name the law in the purpose that uses them (legal_basis_law or "
        "special_category_law).",
    ),
    _entry(
        "R211",
        W,
        "A relationship given as the legal basis",
        art13="13(1)(c)",
        art14="14(1)(c)",
        other="6(1)",
        fi="”{text}”: asiakassuhde, jäsenyys tai muu ”asiallinen yhteys” ei ole oikeusperuste. "
        "Oikeusperuste on jokin 6 artiklan 1 kohdan perusteista, esimerkiksi sopimus tai "
        "oikeutettu etu, jonka sisältö kerrotaan ({article}).",
        sv="”{text}”: ett kundförhållande, ett medlemskap eller något annat samband är ingen "
        "rättslig grund. Den rättsliga grunden är en av grunderna i artikel 6.1, till exempel "
        "avtal eller ett berättigat intresse som beskrivs ({article}).",
        en="“{text}”: a customer relationship, a membership or another connection is not a "
        "legal basis. The legal basis is one of the grounds of Article 6(1), such as a contract "
        "or a legitimate interest that is described ({article}).",
    ),
    _entry(
        "R212",
        W,
        "Notice may change with no way of telling the data subject",
        art13="13(3)",
        art14="14(4)",
        other="12(1)",
        fi="”{text}”: seloste varaa oikeuden muutoksiin kertomatta, miten rekisteröidyille "
        "ilmoitetaan niistä. Kerro, miten olennaisista muutoksista ilmoitetaan, ja ilmoita "
        "uudesta käyttötarkoituksesta ennen käsittelyä (12 artiklan 1 kohta; {article}).",
        sv="”{text}”: beskrivningen förbehåller sig rätten till ändringar utan att säga hur de "
        "registrerade underrättas. Ange hur väsentliga ändringar meddelas, och informera om ett "
        "nytt ändamål innan behandlingen (artikel 12.1; {article}).",
        en="“{text}”: the notice reserves the right to change it without saying how data "
        "subjects are told. Say how significant changes are communicated, and inform about a "
        "new purpose before processing for it (Article 12(1); {article}).",
    ),
    _entry(
        "R213",
        W,
        "Hedged statement about disclosures or transfers",
        art13="13(1)(e)",
        art14="14(1)(e)",
        other="12(1)",
        fi="”{text}”: luovutuksista tai siirroista kerrotaan varauksin. Kerro, mitä tietoja "
        "luovutetaan tai siirretään, kenelle ja milloin, ilman sanoja kuten ”saatetaan”, "
        "”tarvittaessa” tai ”esimerkiksi” (12 artiklan 1 kohta; {article}).",
        sv="”{text}”: utlämnanden eller överföringar beskrivs med förbehåll. Ange vilka "
        "uppgifter som lämnas ut eller överförs, till vem och när, utan ord som ”kan komma "
        "att”, ”vid behov” eller ”till exempel” (artikel 12.1; {article}).",
        en="“{text}”: disclosures or transfers are described with a hedge. Say which data are "
        "disclosed or transferred, to whom and when, without words such as “may”, "
        "“where necessary” or “for example” (Article 12(1); {article}).",
    ),
    _entry(
        "R215",
        E,
        "Purpose uses special-category data without its own Art 9(2) condition",
        other="9(2)",
        fi="Käsittelyn tarkoitus ”{name}” käyttää erityisiin henkilötietoryhmiin kuuluvia "
        "tietoja (”{category}”), mutta ei kerro omaa 9 artiklan 2 kohdan perustettaan; toisen "
        "tarkoituksen peruste ei kata sitä.",
        sv="Ändamålet ”{name}” använder särskilda kategorier av personuppgifter (”{category}”) "
        "men anger inget eget undantag enligt artikel 9.2; ett annat ändamåls undantag "
        "omfattar det inte.",
        en="The purpose “{name}” uses special categories of personal data (“{category}”) but "
        "gives no Article 9(2) condition of its own; another purpose's condition does not "
        "cover it.",
    ),
    _entry(
        "R214",
        W,
        "Art 9(2) condition without its national provision",
        other="9(2); tietosuojalaki 1050/2018 6 §",
        fi="Käsittelyn tarkoituksen ”{name}” erityisten henkilötietoryhmien peruste "
        "({condition}) edellyttää unionin tai jäsenvaltion lainsäädäntöä, mutta kansallista "
        "säännöstä ei ole kerrottu (special_category_law; esimerkiksi tietosuojalain 6 §).",
        sv="Undantaget för särskilda kategorier av personuppgifter för ändamålet ”{name}” "
        "({condition}) förutsätter unionsrätt eller nationell rätt, men den nationella "
        "bestämmelsen anges inte (special_category_law; till exempel 6 § i dataskyddslagen).",
        en="The special-category condition of the purpose “{name}” ({condition}) needs Union "
        "or Member State law, but the national provision is not named "
        "(special_category_law; for example section 6 of the Finnish Data Protection Act).",
    ),
    _entry(
        "R216",
        E,
        "Art 9(2) condition that is no point of Art 9(2)",
        other="9(2)",
        fi="Käsittelyn tarkoituksen ”{name}” erityisten henkilötietoryhmien peruste "
        "”{condition}” ei ole 9 artiklan 2 kohdan alakohta (a–j), esimerkiksi ”9(2)(a)”; "
        "seloste esittäisi sen lainkohtana.",
        sv="Undantaget för särskilda kategorier av personuppgifter för ändamålet ”{name}”, "
        "”{condition}”, är inget led i artikel 9.2 (a–j), till exempel ”9(2)(a)”; "
        "beskrivningen skulle ange det som en lagbestämmelse.",
        en="The special-category condition of the purpose “{name}”, “{condition}”, is no "
        "point of Article 9(2) (a to j), such as “9(2)(a)”; the notice would cite it as law.",
    ),
    _entry(
        "R217",
        W,
        "No cookies stated beside a cookie policy text",
        other="12(1)",
        fi="Rekisteri ilmoittaa, ettei palvelu käytä evästeitä (none_stated), mutta antaa "
        "myös evästeistä kertovan tekstin (cookie_policy): seloste sanoo molemmat. Tarkista, "
        "että ne pitävät yhtä (12 artiklan 1 kohta).",
        sv="Registret anger att tjänsten inte använder kakor (none_stated) men ger också en "
        "text om kakor (cookie_policy): beskrivningen säger båda. Kontrollera att de stämmer "
        "överens (artikel 12.1).",
        en="The register states that the service uses no cookies (none_stated) but also "
        "gives a text about cookies (cookie_policy): the notice says both. Check that they "
        "agree (Article 12(1)).",
    ),
)

_OUTDATED_MESSAGES: Final = {
    "R301": (
        "”{text}”: henkilötietolaki (523/1999) on kumottu 1.1.2019.",
        "”{text}”: personuppgiftslagen (523/1999) upphävdes 1.1.2019.",
        "“{text}”: the Personal Data Act (523/1999) was repealed on 1 January 2019.",
    ),
    "R302": (
        "”{text}”: henkilötietolain 10 §:n rekisteriseloste on korvattu.",
        "”{text}”: registerbeskrivningen enligt 10 § i personuppgiftslagen har ersatts.",
        (
            "“{text}”: the description of file under section 10 of the Personal Data Act has "
            "been replaced."
        ),
    ),
    "R303": (
        "”{text}”: henkilötietolain 24 § (informointi) on kumottu.",
        "”{text}”: 24 § i personuppgiftslagen (information) har upphävts.",
        "“{text}”: section 24 of the Personal Data Act (informing) has been repealed.",
    ),
    "R304": (
        "”{text}”: henkilötietolain tarkastusoikeutta koskevat säännökset on kumottu.",
        "”{text}”: bestämmelserna om rätt till insyn i personuppgiftslagen har upphävts.",
        (
            "“{text}”: the Personal Data Act's provisions on the right of inspection have been "
            "repealed."
        ),
    ),
    "R305": (
        "”{text}”: henkilötietolain 29 § (tiedon korjaaminen) on kumottu.",
        "”{text}”: 29 § i personuppgiftslagen (rättelse) har upphävts.",
        "“{text}”: section 29 of the Personal Data Act (rectification) has been repealed.",
    ),
    "R306": (
        (
            "”{text}”: henkilötietolaki on kumottu. Jos viittaus koskee kielto-oikeutta, sitä "
            "vastaa nykyään vastustamisoikeus."
        ),
        (
            "”{text}”: personuppgiftslagen har upphävts. Om hänvisningen gäller rätten att "
            "förbjuda behandling motsvaras den i dag av rätten att göra invändningar."
        ),
        (
            "“{text}”: the Personal Data Act has been repealed. If the reference is to the right "
            "to prohibit processing, its successor is the right to object."
        ),
    ),
    "R307": (
        "”{text}”: henkilörekisterilaki (471/1987) on kumottu jo vuonna 1999.",
        "”{text}”: personregisterlagen (471/1987) upphävdes redan 1999.",
        "“{text}”: the Personal Data File Act (471/1987) was repealed as early as 1999.",
    ),
    "R308": (
        (
            "”{text}”: rekisteriseloste on henkilötietolain aikainen nimi; rekisteröidyille "
            "annettava asiakirja on nykyään tietosuojaseloste."
        ),
        (
            "”{text}”: registerbeskrivning är benämningen från personuppgiftslagens tid; "
            "dokumentet för de registrerade heter i dag dataskyddsbeskrivning."
        ),
        (
            "“{text}”: “rekisteriseloste” (description of file) is the name from the Personal "
            "Data Act; the document for data subjects is now the privacy notice."
        ),
    ),
    "R309": (
        "”{text}”: sähköisen viestinnän tietosuojalaki (516/2004) on kumottu 1.1.2015.",
        "”{text}”: lagen om dataskydd vid elektronisk kommunikation (516/2004) upphävdes 1.1.2015.",
        (
            "“{text}”: the Act on the Protection of Privacy in Electronic Communications "
            "(516/2004) was repealed on 1 January 2015."
        ),
    ),
    "R310": (
        (
            "”{text}”: tietoyhteiskuntakaaren (917/2014) nimi on nykyään laki sähköisen "
            "viestinnän palveluista."
        ),
        (
            "”{text}”: informationssamhällsbalken (917/2014) heter i dag lagen om tjänster inom "
            "elektronisk kommunikation."
        ),
        (
            "“{text}”: the Information Society Code (917/2014) is now called the Act on "
            "Electronic Communications Services."
        ),
    ),
    "R311": (
        (
            "”{text}”: Viestintävirasto yhdistettiin 1.1.2019 Liikenne- ja viestintävirasto "
            "Traficomiin."
        ),
        (
            "”{text}”: Kommunikationsverket slogs 1.1.2019 samman till Transport- och "
            "kommunikationsverket Traficom."
        ),
        (
            "“{text}”: the Finnish Communications Regulatory Authority became part of Traficom on "
            "1 January 2019."
        ),
    ),
    "R312": (
        (
            "”{text}”: Väestörekisterikeskus ja maistraatit yhdistettiin 1.1.2020 Digi- ja "
            "väestötietovirastoksi; myös lain 661/2009 nimessä on nykyään Digi- ja "
            "väestötietovirasto."
        ),
        (
            "”{text}”: Befolkningsregistercentralen och magistraterna slogs 1.1.2020 samman till "
            "Myndigheten för digitalisering och befolkningsdata, som i dag också står i "
            "namnet på lag 661/2009."
        ),
        (
            "“{text}”: the Population Register Centre and the local register offices were merged "
            "into the Digital and Population Data Services Agency on 1 January 2020; the title "
            "of Act 661/2009 now names the new agency too."
        ),
    ),
    "R313": (
        (
            "”{text}”: henkilötietolain aikainen tarkastusoikeuden ehto. Pääsy tietoihin on "
            "maksuton eikä pyynnölle ole muotovaatimusta."
        ),
        (
            "”{text}”: ett villkor för rätten till insyn från personuppgiftslagens tid. Tillgång "
            "är kostnadsfri och en begäran har inga formkrav."
        ),
        (
            "“{text}”: a condition of the right of inspection under the Personal Data Act. "
            "Access is free of charge and a request needs no particular form."
        ),
    ),
    "R314": (
        (
            "”{text}”: henkilötietolain aikainen menettely; epäämisestä kerrotaan syyt ja oikeus "
            "tehdä valitus."
        ),
        (
            "”{text}”: ett förfarande från personuppgiftslagens tid; vid vägran anges skälen och "
            "rätten att lämna in klagomål."
        ),
        (
            "“{text}”: a procedure from the Personal Data Act; a refusal gives the reasons and "
            "the right to lodge a complaint."
        ),
    ),
    "R315": (
        "”{text}”: kielto-oikeus on henkilötietolain käsite.",
        "”{text}”: rätten att förbjuda behandling är ett begrepp från personuppgiftslagen.",
        "“{text}”: the right to prohibit processing is a term of the Personal Data Act.",
    ),
    "R316": (
        (
            "”{text}”: siirto EU:n tai ETA:n ulkopuolelle ”tarvittaessa” ei täytä tietosuoja-"
            "asetuksen V luvun vaatimuksia."
        ),
        (
            "”{text}”: en överföring utanför EU eller EES ”vid behov” uppfyller inte kraven i "
            "kapitel V i dataskyddsförordningen."
        ),
        (
            "“{text}”: a transfer outside the EU/EEA “where necessary” does not meet the "
            "requirements of GDPR Chapter V."
        ),
    ),
    "R317": (
        "”{text}”: raja on Euroopan talousalue (ETA), ei pelkkä EU.",
        "”{text}”: gränsen är Europeiska ekonomiska samarbetsområdet (EES), inte bara EU.",
        "“{text}”: the boundary is the European Economic Area (EEA), not only the EU.",
    ),
    "R318": (
        "”{text}”: rekisterien ilmoittaminen tietosuojavaltuutetulle on poistunut.",
        "”{text}”: anmälan av register till dataombudsmannen har slopats.",
        "“{text}”: notifying registers to the Data Protection Ombudsman has been abolished.",
    ),
    "R319": (
        "”{text}”: EU:n tuomioistuin mitätöi Privacy Shield -järjestelyn vuonna 2020.",
        "”{text}”: EU-domstolen ogiltigförklarade Privacy Shield år 2020.",
        "“{text}”: the Court of Justice of the EU invalidated the Privacy Shield in 2020.",
    ),
}
_INSTEAD: Final = {
    Lang.FI: " Käytä tilalla: {replacement}.",
    Lang.SV: " Använd i stället: {replacement}.",
    Lang.EN: " Use instead: {replacement}.",
}


def _outdated_entries() -> tuple[tuple[str, CodeInfo], ...]:
    entries = []
    for reference in OUTDATED_REFERENCES:
        fi, sv, en = _OUTDATED_MESSAGES[reference.code]
        entries.append(
            _entry(
                reference.code,
                reference.severity,
                reference.outdated,
                fi=fi + _INSTEAD[Lang.FI],
                sv=sv + _INSTEAD[Lang.SV],
                en=en + _INSTEAD[Lang.EN],
            )
        )
    return tuple(entries)


#: What a text of the register must not hold. The message never quotes the text.
_TEXT: Final = (
    _entry(
        "R320",
        E,
        "A text contains a henkilötunnus",
        other="Art 5(1)(c); tietosuojalaki 1050/2018 29 §",
        group="text",
        fi="Tekstissä on henkilötunnus. Rekisterin kuvaus ja tietosuojaseloste julkaistaan "
        "sellaisenaan: poista henkilötunnus (tietojen minimointi, tietosuoja-asetuksen 5 "
        "artiklan 1 kohdan c alakohta; henkilötunnuksen käsittely, tietosuojalain 29 §).",
        sv="Texten innehåller en personbeteckning. Registrets beskrivning och "
        "dataskyddsbeskrivningen publiceras som de är: ta bort personbeteckningen "
        "(uppgiftsminimering, artikel 5.1 c i dataskyddsförordningen; behandling av "
        "personbeteckningar, 29 § i dataskyddslagen).",
        en="The text contains a henkilötunnus (Finnish personal identity code). The "
        "register's description and its notice are published as written: remove the code "
        "(data minimisation, GDPR Article 5(1)(c); processing of identity codes, section 29 "
        "of the Finnish Data Protection Act).",
    ),
)

#: Every finding code of the linter, in order: R1xx, R2xx, R3xx.
CODES: Final[Mapping[str, CodeInfo]] = MappingProxyType(
    dict((*_MISSING, *_CONSISTENCY, *_outdated_entries(), *_TEXT))
)


def articles(info: CodeInfo, lang: Lang, *, direct: bool, indirect: bool) -> str:
    """The Art 13 and/or Art 14 points of *info* that apply, cited in *lang*."""
    parts = []
    if info.art13 and (direct or not info.art14):
        parts.append(cite(info.art13, lang))
    if info.art14 and (indirect or not info.art13):
        parts.append(cite(info.art14, lang))
    return _AND[lang].join(parts)


def make_finding(
    code: str,
    path: str,
    lang: Lang,
    *,
    severity: Severity | None = None,
    direct: bool = True,
    indirect: bool = False,
    **fields: str,
) -> Finding:
    """Build the finding *code* at *path* with its message in *lang*.

    *direct* and *indirect* say whether Art 13 and Art 14 apply, for the
    ``{article}`` of the message.
    """
    info = CODES[code]
    template = info.message.get(lang) or info.message.fi
    article = articles(info, lang, direct=direct, indirect=indirect)
    message = template.format(article=article, **fields)
    return Finding(code, severity or info.severity, path, message)
