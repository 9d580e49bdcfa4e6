# ruff: noqa: E501 - the heading patterns read best as whole alternations, one a line
"""The section headings of old notices, and how a line is recognised as one.

The old model form (henkilötietolaki 10 §, later combined with 24 § into a
"rekisteri- ja tietosuojaseloste") has a fixed set of headings that firms
copied with many small variations: numbered or not, "Rekisterin
käyttötarkoitus" for "Henkilötietojen käsittelyn tarkoitus", Swedish
versions, run over two or three lines in Word exports. A heading is
recognised when its normalised text (lower case, numbering and trailing
punctuation removed, whitespace collapsed) matches one of the patterns
below in full.
"""

from __future__ import annotations

import functools
import re
from enum import StrEnum
from typing import Final

from rekisteri.importer._first import Dispatch


class SectionKind(StrEnum):
    """What a section of an old notice is about."""

    TITLE = "title"
    CONTROLLER = "controller"
    CONTACT = "contact_person"
    DPO = "dpo"
    NAME = "name"
    PURPOSES = "purposes"
    CONTENT = "data_categories"
    SUBJECTS = "data_subjects"
    SOURCES = "sources"
    DISCLOSURES = "recipients"
    PROCESSORS = "processors"
    TRANSFERS = "transfers"
    SECURITY = "security"
    SECURITY_MANUAL = "security_manual"
    SECURITY_ELECTRONIC = "security_electronic"
    RETENTION = "retention"
    ACCESS = "access"
    RECTIFICATION = "rectification"
    OTHER_RIGHTS = "other_rights"
    COOKIES = "cookies"
    CHANGES = "changes"
    PROVISION = "provision_requirement"
    AUTOMATED = "automated_decisions"


_PATTERNS: Final[tuple[tuple[SectionKind, str], ...]] = (
    (
        SectionKind.TITLE,
        (
            r"(henkilötietolain (\(?523/1999\)? )?)?(10 ?§:n (ja 24 ?§:n )?mukainen )?"
            r"(rekisteri- ja tietosuojaseloste|rekisteriseloste|tietosuojaseloste|tietosuojailmoitus"
            r"|tietosuojakäytäntö|tietosuoja|tietosuojalauseke|tietosuojalausunto|yksityisyydensuoja"
            r"|registerbeskrivning"
            r"|dataskyddsbeskrivning|dataskydd|integritetspolicy|privacy policy|privacy notice"
            r"|yleistä|johdanto|tiedonanto|tillkännagivande|data protection"
            # an introduction or a summary of the notice: "Tiivistelmä", "Allmänt", "General"
            r"|tiivistelmä|yhteenveto|allmänt|inledning|sammanfattning|general|introduction"
            r"|summary|overview"
            # about the processing or the notice in general: "Yleistä henkilötietojen
            # käsittelystä" (not about one field: "Yleistä tietoturvasta" is security)
            r"|yleistä (henkilö)?(tietojen käsittelystä|tietosuoja\w*|(tästä )?selosteesta)"
            r"|allmänt om (behandling(en)? av personuppgifter|dataskydd\w*|integritetsskydd\w*"
            r"|(denna )?(beskrivning|registerbeskrivning)(en)?)"
            r"|general information( (about|on) (the )?(processing of personal data|data protection"
            r"|privacy|personal data|this (privacy )?(notice|policy|statement)))?)"
            r"|(tietosuojailmoitus|dataskyddspolicy|privacy (notice|statement)) .{0,80}"
            r"|(tietosuoja|dataskydd|integritetsskydd|data protection|privacy) (vid|i|hos|på|at|in) .{0,80}"
            r"|.{0,80}(rekisteriseloste|tietosuojaseloste|tietosuojaperiaatteet|tietosuojakäytäntö"
            r"|registerbeskrivning|dataskyddsbeskrivning)\w{0,6}"
            r"|(rekisteriseloste|tietosuojaseloste|registerbeskrivning|dataskyddsbeskrivning)\W.{0,80}"
        ),
    ),
    (
        SectionKind.CONTACT,
        (
            r"(rekisterin |rekisteriasioiden )?yhteyshenkilö(t)?( rekisteriä koskevissa asioissa"
            r"| rekisteriasioissa)?"
            # with the person's details: "Rekisterin yhteyshenkilöt ja tämän yhteystiedot"
            r"|(rekisterin )?yhteyshenkilö(t)? (ja|sekä) ((hänen|tämän|heidän|niiden) )?yhteystie(dot|tonsa|tojensa)"
            r"|kontaktperson(er(na)?)? och (hans |hennes |deras )?kontaktuppgifter"
            r"|contact persons? and (his |her |their )?contact (details|information)"
            r"|yhteystiedot rekisteriä koskevissa asioissa"
            r"|yhteydenotot rekisteriä koskevissa asioissa|rekisteristä vastaava (henkilö|yhteyshenkilö)"
            r"|rekisteriasioista vastaava( henkilö)?|rekisteriasiat|(rekisterin )?vastuuhenkilö(t)?"
            r"|yhteydet rekisteriasioissa|kontakt|rekisterinpitäjän edustaja( \(yhteyshenkilö\))?"
            r"|den personuppgiftsansvariges representant( \(kontaktperson\))?"
            r"|representative of the controller( \(contact person\))?"
            r"|contact persons? (in|for) register-related matters"
            r"|persons? in charge of the register"
            # the person answering for the register, in Swedish or English words:
            # "Ansvarig person för registret", "Person responsible for register matters"
            r"|ansvarig person( för registret)?|(the )?person responsible for (the )?regist(er|ry)"
            r"( matters| issues)?"
            r"|rekisteri(asioita|asioiden|ä) hoitava(t)? (henkilö(t)?|yhteyshenkilö(t)?)"
            r"|yhteyshenkilö(t)? ja tietosuojavastaava|person(er)? som sköter registerärend(et|en|ena)"
            r"|kontaktperson(er)?( i registerärenden"
            r"| i ärenden som gäller registret| för registret)?|contact person( for register.{0,20})?"
            # the model form's English wording
            r"|contact persons? (in|for) (the )?matters (concerning|relating to|related to) the register"
        ),
    ),
    (
        SectionKind.CONTROLLER,
        (
            # also misspelt without its "n": "Rekisteripitäjä ja yhteyshenkilö"
            r"rekisterin? ?pitäjä,?( ja rekisteriasioista vastaava( henkilö)?| ja yhteyshenkilö(t)?)?"
            r"|(yhteis)?rekisterinpitäjä(t)?|yhteisrekisterinpitäjyys|rekisterin ylläpä?itäjä"
            r"|(yrityksen|yhdistyksen|seuran|säätiön|yhteisön) (yhteys)?tiedot"
            r"|(företagets|föreningens) (kontakt)?uppgifter|company (contact )?details"
            r"|rekisterinpitäjän (tiedot|yhteystiedot|nimi ja yhteystiedot|nimi)"
            r"|rekisterinpitäjä ja (sen |sen edustaja ja )?(yhteystiedot|yhteyshenkilö|yhteyshenkilöt"
            r"|tietosuojavastaava)|personuppgiftsansvarig(a|e)?( och (kontaktuppgifter|kontaktperson"
            r"|dataskyddsombud))?|registeransvarig(a|e)?|registerförare|registerhållare"
            # an old English form's words: "Owner of the register", "Register keeper"
            r"|(owner|keeper|holder) of the (personal data |data )?regist(er|ry)"
            r"|(the )?regist(er|ry) (owner|keeper|holder|manager)"
            r"|(manager|controller|administrator) of the (personal data |data )?regist(er|ry)"
            r"|(the )?regist(er|ry) administrator"
            r"|den (personuppgifts|register)ansvarige?"
            r"|(data )?controller( and contact details)?|yhteystiedot|kontaktuppgifter|(data )?registrar"
            r"|(data )?(controller|registrar|administrator) and (the )?(data protection officer"
            r"|contact persons?)"
            r"|personuppgiftsansvarige? och (kontaktpersoner|dataskyddsombud(et)?)|contact information"
            # the register's contact details are its controller's: "Contact of the register"
            r"|(rekisterin|registrets) (yhteystiedot|kontaktuppgifter)"
            r"|contact( details| information)? (of|for) (the )?register"
        ),
    ),
    (
        SectionKind.DPO,
        (
            r"tietosuojavastaava(n yhteystiedot)?|dataskyddsombud(ets kontaktuppgifter)?"
            r"|(contact details of the )?data protection officer"
        ),
    ),
    (
        SectionKind.NAME,
        (
            r"\w*rekisterin( ?/ ?\w+n)? nim(i|et)( ja (tieto)?sisältö)?|rekisterien nimet"
            r"|\w*registrets namn( och innehåll)?|registrens namn"
            r"|(the )?name and (the )?contents? of (the )?register"
            r"|namn på registret"
            r"|(henkilö)?rekisterit|(person)?registren"
            r"|(the )?(name|title) of (the )?(register|file|personal data file|data file)|register name"
        ),
    ),
    (
        SectionKind.PURPOSES,
        (
            r"((henkilötietojen |tietojen )?käsittelyn|rekisterin|henkilötietojen) (käyttö)?tarkoitu(s|kset)"
            r"( ja (käsittelyn |sen )?(oikeusperuste|peruste|käsittelyperuste|oikeusperusteet"
            r"|lainmukaisuus|laillisuus))?"
            r"|(rekisterin pitämisen|henkilötietojen käsittelyn|käsittelyn) (peruste|oikeusperuste)"
            r"( ja (käyttö)?tarkoitus)?|(käyttö)?tarkoitus|rekisterin käyttötarkoitus ja peruste"
            r"|ändamål(et|en)?( med (behandlingen( av personuppgifter)?|registret))?"
            r"( och (den )?rättslig(a)? grund(en|er|erna)?( för behandlingen)?)?"
            r"|syfte(t)? med behandlingen.{0,60}|purposes?( of (the )?processing)?.{0,60}"
            r"|(käsittelyn )?oikeusperuste(et)?|käsittelyperuste(et)?|rättslig(a)? grund(er)?"
            r"|legal basis( for (the )?(data )?processing)?|legal grounds|lakiperusteet"
            r"|henkilötietojen käsittelyn tarkoitu(s|kset) sekä (käsittelyn )?oikeusperuste(et)?"
            # whose interest it names: "Rekisterinpitäjän oikeutetut edut"
            r"|(rekisterinpitäjän )?oikeutetut edut.{0,80}"
            r"|(den personuppgiftsansvariges )?berättigade intressen.{0,80}"
            r"|(the controller's )?legitimate interests?.{0,60}"
            r"|syfte(t)? med (och )?.{0,100}|grund(en)? för behandling(en)?.{0,40}"
            r"|ändamålen med behandlingen.{0,80}|käsittely uuteen tarkoitukseen"
            r"|behandling för nya ändamål|further processing( for a new purpose)?"
            r"|grund(en|er|erna)? för (upprätthållande(t)?|förande(t)?) av registret"
            r"|grunder(na)? för behandling(en)?( av personuppgifter)?|rekisterin ylläpidon peruste(et)?"
        ),
    ),
    (
        SectionKind.SUBJECTS,
        (
            r"rekisteröidyt|rekisteröityjen (ryhmät|kategoriat)|rekisteröityjen ryhmät"
            r"|rekisteröityjen henkilöiden (ryhmät|kategoriat)|(de )?registrerade( personer(na)?)?"
            r"|(de )?kategorier(na)? av (de )?registrerade( som berörs( av behandlingen)?)?"
            r"|(categories of )?(the )?data subjects( concerned)?"
        ),
    ),
    (
        SectionKind.CONTENT,
        (
            r"(rekisterin )?tietosisältö( ja rekisteröidyt)?|rekisterin sisältämät (henkilö)?tiedot"
            r"|(rekisterin |rekisterien )?sisältö|((käsiteltävien|kerättävien) )?henkilötietojen (kategoriat|ryhmät)"
            r"|kerättävät ja käsiteltävät henkilötiedot.{0,80}|personuppgifter som samlas in.{0,80}"
            r"|collected and processed personal data.{0,80}|kategorier av (personuppgifter|registrerade).{0,60}"
            r"|categories of personal data( processed)?"
            r"|rekisteriin (tallennettavat|tallennetut) tiedot|rekisterin tiedot"
            # the English words for "rekisterin tiedot": "Register information",
            # "Information of the register", "Information stored in the register"
            r"|(the )?regist(er|ry)('s)? information|information (of|in|on|stored in|contained in"
            r"|included in|kept in) the regist(er|ry)"
            r"|(käsiteltävät|kerättävät|tallennettavat) (henkilö)?tiedot( ja (henkilö)?tietoryhmät)?"
            r"|käsiteltävät henkilötietoryhmät|rekisteröidyt ja henkilötietoryhmät"
            r"|registrets (data)?innehåll|uppgifter i registret|kategorier av personuppgifter"
            # the old model form's Swedish heading: "Registrerade och uppgifter om dem (…)"
            r"|(de )?registrerade och uppgifter(na)? om dem"
            r"|data content( of the register)?|categories of personal data"
            r"|contents? of the register"
        ),
    ),
    (
        SectionKind.SOURCES,
        (
            r"(säännönmukaiset |rekisterin )?(tieto|tiedon)lähteet|tiedonlähde|(henkilö)?tietojen (säännönmukaiset )?lähteet"
            r"|mistä (henkilö)?tiedot (saadaan|on saatu)|regelmässiga (uppgifts|informations)källor"
            r"|uppgiftskällor|(regular )?sources of (personal )?data|tietolähde|personuppgiftskällor"
            r"|(regular )?sources? of (the )?(personal data|information)|(data )?sources|källor|lähteet|varifrån (person)?uppgifterna kommer.{0,140}"
            r"|tiedot siitä,? mistä henkilötiedot on saatu.{0,140}|information on the origin.{0,180}"
        ),
    ),
    (
        SectionKind.TRANSFERS,
        (
            r"((henkilö)?tietojen )?(siirto|siirrot|siirtäminen|luovutus|luovutukset) "
            r"(eu:n|euroopan unionin|eu)( (tai|ja) (eta:n|euroopan talousalueen|eta)( \(eta\))?)? ulkopuolelle"
            r"|(henkilö)?tietojen (siirto|siirtäminen) kolmansiin maihin|(henkilö)?tietojen siirtäminen"
            r"|överföring(ar)? (av (person)?uppgifter )?(utanför|till länder utanför|till tredje ?land)"
            r".{0,40}|transfers? (of (personal )?data )?(outside|to third countries).{0,40}"
            r"|tiedot tietojen siirrosta kolmansiin maihin.{0,100}|information om överföring.{0,120}"
            r"|information on the transfer.{0,120}"
        ),
    ),
    (
        SectionKind.PROCESSORS,
        (
            r"(henkilötietojen |rekisterin )?käsittelijät( ja alihankkijat)?|henkilötietojen käsittelijä"
            r"|(henkilötietojen )?käsittelijöiden käyttö|alihankkijat|(käytetyt )?palveluntarjoajat"
            r"|(person)?uppgiftsbiträd(e|en|ena)( och underbiträden)?|underbiträden"
            r"|(data |personal data )?processors( and sub-?processors)?|sub-?processors"
            r"|(use of )?(data )?processors"
        ),
    ),
    (
        SectionKind.DISCLOSURES,
        (
            r"(tietojen )?säännönmukaiset (tietojen )?luovutukset( ja .{0,80})?"
            r"|(henkilö)?tietojen (säännönmukainen )?(luovuttaminen|luovutukset|luovutus)( ja .{0,80})?"
            r"|(henkilö)?tietojen vastaanottajat( (tai|ja) vastaanottajaryhmät)?"
            r"|regelmässig(t|a) utlämnande(n)?( av uppgifter)?( och .{0,100})?|utlämnande av uppgifter"
            r"|(henkilötietojen |tietojen )?vastaanottajat|luovutukset"
            # Swedish variants: "Överlåtelse av information och överföring av …",
            # "Stadgeenligt utlämnande av personuppgifter och …", "Utlämning av uppgifter"
            r"|((regelmässig(t|a)?|stadgeenlig(t|a)?|regelbund(en|et|na)) )?(överlåtelse(r|n)?|utlämnande(n|t)?|utlämning)"
            r" av (person)?(uppgifter|information|data)( och .{0,120})?"
            r"|mottagare.{0,60}|(regular )?disclosures?( of data)?|recipients.{0,60}"
        ),
    ),
    (
        SectionKind.SECURITY_MANUAL,
        (
            r"((rekisterin )?suojauksen periaatteet,? )?(a[:.)]? )?manuaali(nen|sesti) "
            r"(aineisto|käsiteltävät tiedot|käsitellyt tiedot|tallennettu aineisto)|manuellt (material|behandlade uppgifter)"
        ),
    ),
    (
        SectionKind.SECURITY_ELECTRONIC,
        (
            r"((rekisterin )?suojauksen periaatteet,? )?(b[:.)]? )?(atk:lla|sähköisesti|digitaalisesti"
            r"|automaattisesti) (käsiteltävät|käsitellyt|tallennetut|tallennettavat) (tiedot|toiminnot|aineisto)"
            r"|(b[:.)]? )?atk-tiedot|(automatiskt|elektroniskt) behandlade uppgifter|adb-uppgifter"
        ),
    ),
    (
        SectionKind.SECURITY,
        (
            r"(rekisterin )?suojauksen periaatteet|rekisterin suojaus|tietojen (käsittelyn )?suojaus"
            r"( ja käsittelyn periaatteet)?|(henkilö)?tietojen suojaaminen|tietoturva|tietoturvallisuus"
            r"|principer(na)? för (skydd(et)?|skyddande) av (registret|uppgifterna)"
            r"|skydd av personuppgifter|(security|protection)( principles| of personal data)?"
            r"|principles (of|for) (the )?(register protection|protecting the register"
            r"|protection of the register)|(the )?register protection principles"
        ),
    ),
    (
        SectionKind.RETENTION,
        (
            r"((henkilö)?tietojen )?(säilytysaika|säilyttämisaika|säilytys|säilyttäminen)"
            r"( ja (tietojen )?(siirto|siirrot|poistaminen|hävittäminen|poisto))?"
            r"|tietojen (poistaminen|hävittäminen)|lagringstid.{0,40}|(?:förvarings|bevarings)tid.{0,40}"
            r"|retention( period)?.{0,40}|lagring av personuppgifter|storing of personal data"
            r"|(data |personal data )?(storage|retention) period( of (the )?(personal )?data)?"
        ),
    ),
    (
        SectionKind.ACCESS,
        (
            r"tarkastusoikeus|tarkistusoikeus|oikeus tarkastaa( omat)? tiedot|rätt(en)? till insyn"
            r"|rätt(en)? (för )?att granska.{0,40}|right of (access|inspection)"
        ),
    ),
    (
        SectionKind.RECTIFICATION,
        (
            r"oikeus vaatia tiedon korjaamista|(virheellisen )?tiedon korjaaminen"
            r"|oikeus (vaatia )?(tiedon |tietojen )?(korjaamista|oikaisemista|oikaisua)"
            r"|rätt att (kräva|yrka på) rättelse( av (uppgift|uppgifter))?|rättelse av uppgift"
            r"|right to (demand )?rectification.{0,40}"
        ),
    ),
    (
        SectionKind.OTHER_RIGHTS,
        (
            r"muut (henkilötietojen käsittelyyn liittyvät )?oikeudet|rekisteröidyn oikeudet.{0,60}"
            r"|(rekisteröidyn )?kielto-oikeus|(sinun )?oikeutesi|övriga rättigheter.{0,60}"
            r"|den registrerades rättigheter|rights of the data subject|your rights"
            r"|oikeus tehdä valitus valvontaviranomaiselle|valitusoikeus|vastustamisoikeus"
            r"|oikeus (saada pääsy henkilötietoihin|tietojen (oikaisemiseen|poistamiseen)"
            r"|käsittelyn rajoittamiseen|siirtää tiedot.{0,40}|peruuttaa suostumus\w*|vastustaa.{0,40})"
            r"|.{0,60}tietosuojaoikeu(tesi|det)|rätt (till|att) .{0,80}|(dina )?dataskyddsrättigheter.{0,60}"
            r"|rättigheter för .{0,60}|(the )?right (of|to) .{0,80}"
            r"|(your |service users' |data subject's )?(data protection-related )?rights"
            r"|other rights (related|relating) to (the )?processing of (the )?personal data"
        ),
    ),
    (SectionKind.COOKIES, r"evästeet|evästeiden käyttö|evästekäytäntö|kakor|cookies"),
    (
        SectionKind.AUTOMATED,
        (
            r"(automaattinen|automatisoitu) päätöksenteko(,? (ja|tai|mukaan lukien|ml\.?) profilointi)?"
            r"|(automatisoidut|automaattiset) yksittäispäätökset.{0,60}"
            r"|automatiskt beslutsfattande(,? (och|inbegripet) profilering)?.{0,60}"
            r"|automaattiset päätökset( ja profilointi)?|profilointi( ja automaattinen päätöksenteko)?"
            r"|tiedot automaattisen päätöksenteon.{0,140}|automaattisen päätöksenteon.{0,100}"
            r"|automatiserat beslutsfattande(,? (och|inbegripet) profilering)?.{0,80}"
            r"|automatiserade beslut( och profilering)?|profilering|förekomsten av automatiserat.{0,140}"
            r"|automated (individual )?decision[- ]making(,? (and|including) profiling)?.{0,80}"
            r"|automated decisions( and profiling)?|profiling|information on the existence of automated.{0,140}"
        ),
    ),
    (
        SectionKind.PROVISION,
        (
            r"onko (henkilö)?tietojen antaminen (pakollista|vapaaehtoista)|(henkilö)?tietojen antamisen pakollisuus"
            r"|skyldighet att lämna personuppgifter|whether providing (personal )?data is (required|mandatory)"
            # the GDPR's Art 13(2)(e) in other words: "Lakisääteinen tai sopimukseen perustuva
            # vaatimus antaa henkilötietoja", "Henkilötietojen antamisen vaatimus", "Krav på att
            # lämna personuppgifter", "Obligation to provide personal data"
            r"|((lakisääteinen|sopimukseen perustuva)( tai (lakisääteinen|sopimukseen perustuva))? )?"
            r"(vaatimus|velvollisuus) antaa henkilötietoja.{0,80}"
            r"|henkilötietojen antamisen (vaatimus|velvollisuus|edellytys|lakisääteisyys).{0,80}"
            r"|(krav( på)?|skyldighet) att (lämna|tillhandahålla|uppge) (dina |sina )?personuppgifter.{0,80}"
            r"|(obligation|requirement|duty) to provide (your )?personal (data|information).{0,80}"
            r"|(statutory|contractual) (or (statutory|contractual) )?requirement to provide .{0,80}"
        ),
    ),
    (
        SectionKind.CHANGES,
        (
            r"muutokset( tähän)?( (rekisteri|tietosuoja)?selosteeseen)?"
            r"|selosteen (muuttaminen|päivittäminen|muutokset)|ändringar|changes"
        ),
    ),
)

#: One alternation of every pattern, tried in the table's order: one regex call per line,
#: and only the branches that can start with the line's first character (a line that is
#: no heading, most of them, is rejected at a fraction of the whole alternation's cost).
_ANY: Final = Dispatch(tuple((kind.name, pattern) for kind, pattern in _PATTERNS))
#: The same alternation as a prefix followed by more words: a quick test for a heading
#: glued to its value on one line ("Rekisterinpitäjä Esimerkki Oy").
_ANY_PREFIX: Final = Dispatch(tuple((kind.name, pattern) for kind, pattern in _PATTERNS), r"\s")

#: A heading's number: "3.", "B)", "§ 4", and also "2.1", "1a" and "1 a)" without a dot.
_NUMBERING: Final = re.compile(
    # "7 §", "Kohta 7:", "Section 7.": a section's number with the word for it
    r"\d{1,2}\s*§\s*[.:]?\s+|§\s*\d{1,2}\s*[.:]?\s+|(?:kohta|punkt|section|osa)\s+\d{1,2}\s*[.):]?\s+"
    r"|(?:§\s*)?(?:\d{1,2}\.?\s*-\s*)?(?:\d{1,2}(?:\.\d{1,2})*|[a-h]|[ivx]{1,5})\s*[.):]\s+"
    r"|\d{1,2}(?:\.\d{1,2})+\.?\s+|\d{1,2}\s?[a-h]\)?\s+(?=\w\w)"
    # a number glued to the heading's first word: "5.Rekisterin tietosisältö"
    r"|\d{1,2}\.(?=[^\W\d_]{3})"
    r"|\d{1,2}\s+"
)
#: A heading's letters spaced out, its words two spaces apart: "Y H T E Y S H E N K I L Ö".
_SPACED: Final = re.compile(r"(?:\S {1,3}){4,}\S[.:?!]?")
#: A word broken over two lines with a hyphen: "rekisterin- pitäjä" is "rekisterinpitäjä".
_BROKEN: Final = re.compile(r"(?<=[a-zåäö])- (?!(?:ja|tai|sekä|och|eller|and|or)\b)(?=[a-zåäö])")
_DASHES: Final = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})
_TRAIL: Final = " \t:.;-–—"
#: Headings longer than this are not looked at (they are paragraphs).
MAX_HEADING: Final = 160


def normalise(text: str) -> str:
    """Return *text* as the heading table sees it: lower case, unnumbered, one-spaced."""
    # cached: the same line is looked at by several readers, alone and joined with others
    return _normalise(text) if len(text) <= _CACHED else _normalise.__wrapped__(text)


#: Texts up to this long are remembered by the heading readers' caches (longer ones are paragraphs).
_CACHED: Final = 4 * MAX_HEADING
#: How many texts each heading reader's cache holds during an import: all the lines of
#: a long notice, which the splitter, the guessed headings' check and the extractor each
#: ask about in turn (a smaller cache forgets a line before the next reader asks).
_CACHE_SIZE: Final = 1 << 17
#: After an import, a cache holding more than this many is emptied (:func:`trim_caches`).
_CACHE_KEPT: Final = 4096


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _normalise(text: str) -> str:
    if "\u00ad" in text:
        text = text.replace("\u00ad", "")
    text = unspaced(text)
    text = " ".join(text.translate(_DASHES).split()).casefold().lstrip("#*•-–· ")
    if "- " in text:
        text = _BROKEN.sub("", text)
    match = _NUMBERING.match(text)
    if match is not None and match.end() < len(text):
        text = text[match.end() :]
    return text.rstrip(_TRAIL).strip("*_ ")


def unspaced(text: str) -> str:
    """*text* with letters spaced out for show joined again ("R E K I S T E R I N  P I T Ä J Ä")."""
    stripped = text.strip()
    if len(stripped) > _CACHED or _SPACED.fullmatch(stripped) is None:
        return text
    return " ".join(word.replace(" ", "") for word in re.split(r"\s{2,}", stripped))


#: A slash between two words of three letters or more ("personuppgifter/registrets").
_SLASH: Final = re.compile(r"(?<=[^\W\d_]{3})/(?=[^\W\d_]{3})")
#: "och/eller", "ja/tai", "and/or": a slash inside one name, not between two.
_CONJUNCTIONS: Final = re.compile(r"\b(?:och|ja|and|eller|tai|or)/(?:och|ja|and|eller|tai|or)\b")


def recognise(text: str) -> SectionKind | None:
    """Return the kind of section that the heading *text* starts, or ``None``.

    Examples:
        >>> recognise("3. Rekisterin nimi")
        <SectionKind.NAME: 'name'>
        >>> recognise("Tietojen siirto EU:n tai ETA:n ulkopuolelle")
        <SectionKind.TRANSFERS: 'transfers'>
        >>> recognise("Rekisteröidyllä on oikeus tarkistaa tietonsa.") is None
        True
        >>> recognise("2. Rekisterin nimi / Registrets namn")
        <SectionKind.NAME: 'name'>
    """
    if len(text) > MAX_HEADING:
        return None
    return _recognise(text)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _recognise(text: str) -> SectionKind | None:
    key = normalise(text)
    if not key:
        return None
    kind = _kind(key)
    if kind is None and key.endswith(")") and "(" in key:
        # "Rekisterinpitäjä (nimi, osoite ja yhteystiedot)": a form's hint in parentheses
        kind = _kind(key[: key.rindex("(")].rstrip(" :.-"))
    if kind is None and "/" in key and " / " not in key and _CONJUNCTIONS.search(key) is None:
        # two names of one section joined without spaces (a PDF's table):
        # "Ändamålet med behandlingen av personuppgifter/registrets användningsändamål"
        key = _SLASH.sub(" / ", key)
    for separator in (" / ", " – ", " - ", " | "):
        if kind is None and separator in key:
            # A bilingual heading: "Rekisterinpitäjä / Registeransvarig".
            parts = [part.strip() for part in key.split(separator)]
            kinds = [_kind(part) for part in parts]
            known = {k for k in kinds if k is not None}
            unknown = [part for part, k in zip(parts, kinds, strict=True) if k is None]
            if len(known) == 1 and (
                not unknown
                or (
                    len(unknown) == 1
                    and guess(unknown[0]) in known
                    and not re.search(r"\b(?:oy|oyj|ab|ry|rf|ky)\b", unknown[0])
                )
            ):
                # "Rekisterin pitämisen peruste – Grund för att upprätthålla registret"
                kind = known.pop()
    return kind


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _kind(key: str) -> SectionKind | None:
    match = _ANY.fullmatch(key)
    return None if match is None or match.lastgroup is None else SectionKind[match.lastgroup]


_FIELD_LABEL: Final = re.compile(
    r"(yrityksen |rekisterinpitäjän )?nimi|y-?tunnus|ly-tunnus|yritystunnus|fo-nummer|business id"
    r"|(posti|katu|käynti|laskutus)?osoite|postinumero( ja -?toimipaikka)?|postitoimipaikka"
    r"|puh(elin)?(numero)?|puh\.?|tel(efon|\.)?|gsm|matkapuhelin|vaihde|sähköposti(osoite)?|s-posti"
    r"|e-?mail|e-post|www|kotisivu(t)?|verkkosivu(t|sto)?|webbplats|website|url|yhteyshenkilö"
    r"|kontaktperson|contact person|vastuuhenkilö|namn|adress|besöksadress|postadress|name"
    r"|address|phone"
)


def is_field_label(text: str) -> bool:
    """Whether *text* is only the label of a contact field ("Nimi:", "Y-tunnus", "Puhelin")."""
    return len(text) <= 60 and _FIELD_LABEL.fullmatch(normalise(text)) is not None


def sub_label(text: str) -> str | None:
    """Return the part of a security heading after "A:"/"B:", e.g. ``"Manuaalinen aineisto"``."""
    flat = " ".join(text.split()).rstrip(_TRAIL)
    match = re.search(r"(?:^|\s)[AB]\s*[:.)]\s*(\S.*)$", flat)
    if match is not None:
        return match.group(1)
    # the words the table's two kinds of material start with, in Finnish, Swedish, English
    match = re.search(
        r"(?i)\b((?:manuaali|manuell|manual|atk|adb|sähköi|digitaali|digital|automaatti"
        r"|automatisk|elektroni|electroni)\w*.*)$",
        flat,
    )
    return match.group(1)[:1].upper() + match.group(1)[1:] if match else None


#: Key words of headings outside the table, in the order they are tried: a line that
#: is shaped like a heading (short, alone, bold, an HTML heading, a question) and
#: holds one of these is taken as that kind of heading.
_GUESSES: Final[tuple[tuple[SectionKind, re.Pattern[str]], ...]] = (
    # about the notice itself: "Tietosuojaselosteen tarkoitus", "Beskrivningens syfte"
    (
        SectionKind.TITLE,
        re.compile(
            r"^\w*(?:selostee?n|ilmoituksen|käytännön|beskrivningens|policyns|notice's)"
            r"\s+(?:tarkoitus|soveltamisala|soveltaminen|syfte|tillämpning|purpose|scope)$"
        ),
    ),
    (
        SectionKind.DPO,
        re.compile(r"tietosuojavastaa|dataskyddsombud|dataskyddsansvarig|data protection officer"),
    ),
    (
        SectionKind.CONTACT,
        re.compile(
            r"edustaja|representant|representative|asioista vastaav|ansvarig för|responsible"
            # the person who answers for the register: "Person som svarar för registret"
            r"|^(?:person|henkilö|kontaktperson)\w* (?:som|joka|who) (?:an)?svar"
            r"|yhteyshenkilö\w* rekisteri|kontaktperson i|asioita hoitava|hoitava\w* henkilö"
            r"|henkilö\w* (?:nimi|yhteystiedot)|personens (?:namn|kontaktuppgifter)"
            # the contact person is the head noun: "Kontaktperson för registeransvarig"
            r"|^(?:yhteyshenkilö|kontaktperson|contact person)|rekisterinpitäjän yhteyshenkilö"
            r"|personuppgiftsansvariges kontaktperson|controller's contact person"
            # the person answering for the registers: "Rekistereistä vastaava henkilö"
            r"|\w+(?:sta|stä) vastaava\w* (?:henkilö|yhteyshenkilö)|^\w+(?:sta|stä) (?:vastaa|huolehtii)$"
            # the person who keeps the register, who gives more information
            r"|rekisterin ?hoitaja|lisätietoja antaa|ytterligare information ges av"
            # "Registerärenden sköts av", "Ärenden gällande registret", "Contact for register enquiries"
            r"|registerärend|ärenden (?:som )?(?:gäller|gällande|angående|rörande) regist"
            # the person responsible ("Osakasluetteloasioiden vastuuhenkilö"), who handles them
            r"|vastuuhenkilö|ansvarsperson|^(?:kuka|vem|who) (?:hoitaa|sköter|handles)\b"
            r"|^contact (?:for|regarding|concerning|about)\b|whom? to contact"
        ),
    ),
    (
        SectionKind.CONTROLLER,
        re.compile(
            r"rekisterinpitäjä|rekisterin pitäjä|personuppgiftsansvarig|registeransvarig"
            r"|\bcontrollers?\b|rekisterin ylläpitäjä|\bregist(?:er|ry) manager\b"
            # who processes the data, unless on another's behalf (a processor)
            r"|(?:kuka käsittelee|vem behandlar|who processes)(?!.{0,40}(?:puolesta|lukuun|räkning|vägnar|behalf|for us))"
            r"|rekisterin omistaja|registerhållare|registerförare|registerinnehavare"
            # joint controllership: "Yhteinen rekisterinpito ja kunkin vastuut" (the joint
            # form: "Rekisterinpito ja tietoturva" is about security)
            r"|\byhteinen rekisterinpito\b|gemensamt personuppgiftsansvar|joint controllership"
            r"|registeradministratör|registerägare|upprätthållare|innehavare av (?:register|registret)"
            r"|^(?:vilka|vem) är vi\b|^who (?:are we|we are)\b|^keitä olemme|^kuka olemme"
            # the body that answers for the data: "Myndigheten som ansvarar för dina personuppgifter"
            r"|\bsom (?:an)?svarar för\b|\bwho is responsible for\b"
            # who answers for the data: "Vem ansvarar för uppgifterna", "Kuka vastaa tiedoista"
            r"|^(?:vem|vilken \w+) (?:an)?svarar\b|^kuka vastaa\b|^who is responsible\b"
        ),
    ),
    (
        SectionKind.CONTACT,
        re.compile(
            r"yhteyshenkilö|kontaktperson|contact person|ottaa yhteyttä|\bota yhteyttä|yhteydenotot|\bkontakta"
            r"|^yhteystiedot \S*asioissa|^kontaktuppgifter i \S*ärenden"
            r"|contact us|whom? (?:can|do|should) (?:i|you) contact"
            # questions on data protection: "Tietosuojakysymykset", "Frågor om dataskydd"
            r"|^kontakt(?:uppgifter)? (?:i|för|vid)\b|dataskyddsfrågor|frågor om (?:dataskydd|personuppgift)"
            r"|tietosuojakysym|^questions and contact|^questions (?:about|on) (?:privacy|data)"
            # "Questions about the register", "Questions regarding this notice"
            r"|^questions (?:about|on|regarding|concerning) (?:the|this) (?:register|notice|processing)"
        ),
    ),
    (
        SectionKind.NAME,
        re.compile(
            r"rekisterin nimi|registrets namn|namn på registret|name of the register|registernamn"
            # "Rekisterin tai käsittelytoimien kokonaisuuden nimi"
            r"|^rekisterin (?:\w+ ){1,4}nimi$"
        ),
    ),
    (
        SectionKind.AUTOMATED,
        re.compile(r"automa\w*.{0,30}(?:päätö|beslut|decision)|profiloi|profiler|profiling"),
    ),
    (
        # whether the data must be given, and what follows if not (GDPR 13(2)(e)), often
        # asked: "Onko tietojen antaminen pakollista?", "Täytyykö minun antaa tietoni?",
        # "Mitä tapahtuu, jos en anna tietojani?", "Måste jag lämna mina uppgifter?",
        # "Vad händer om jag inte lämnar uppgifterna?", "Do I have to provide my data?"
        SectionKind.PROVISION,
        re.compile(
            # (not a question of consent: "Jos et anna suostumusta", "Do I have to give my
            # consent?", "Behöver jag ge samtycke?" ask of consent, not of the data; R9-5)
            r"^(?!.*(?:suostum|samtyck|consent)).*?(?:"
            r"\bantaminen (?:on )?(?:pakollista|vapaaehtoista)|\bpakko antaa\b"
            r"|^(?:täytyykö|pitääkö|onko) minun (?:pakko )?antaa\b|\bantamatta jättämi"
            r"|\bjos (?:en|et|asiakas ei|rekisteröity ei) (?:\w+ )?(?:anna|luovuta)\b"
            r"|^(?:måste|behöver) jag (?:\w+ )?(?:lämna|uppge|ge)\b|skyldig att lämna"
            r"|\bom (?:jag|du) inte (?:\w+ )?(?:lämnar|uppger|ger)\b"
            r"|(?:obligatoriskt|frivilligt) att (?:lämna|uppge)"
            # the reader asks whether THEY must give the data; "Do you give my data to
            # third parties?" asks of the controller's disclosures (R9-5)
            r"|^(?:do (?:i|you) (?:have|need) to|must i|need i) (?:provide|give)\b"
            r"|\bproviding (?:your |personal |the )*(?:data|information) (?:is |was )?(?:mandatory"
            r"|required|obligatory|voluntary|optional)|\bif (?:i|you) (?:do not|don't) (?:provide|give)\b"
            r")"
        ),
    ),
    (
        SectionKind.TRANSFERS,
        # "Siirretäänkö tietoja ulkomaille?"
        re.compile(
            r"(?:siirr|siirt)\w*.{0,40}(?:eu|eta|kolmans|ulkopuol|ulkomai)|överför|transfer"
            # outside the EU/EEA: "Skickas uppgifterna utanför EU eller EES?"
            r"|\butanför (?:eu|ees|eu/ees)\b|\b(?:eu|eta):n ulkopuol|\boutside (?:the )?(?:eu|eea)\b"
        ),
    ),
    (
        SectionKind.PROCESSORS,
        re.compile(
            r"käsittelijät|käsittelijöi|alihankk|biträd|\bprocessors?\b|sub-?processor"
            # on our behalf: "Kuka käsittelee tietoja puolestamme?"
            r"|\bpuolestamme\b|\blukuumme\b|för vår räkning|på våra vägnar|on our behalf"
            r"|\bprocess\w* (?:\w+ )?for us\b"
            r"|palveluntarjoaj|palveluntuottaj|service providers?|underleverantör"
        ),
    ),
    (
        SectionKind.DISCLOSURES,
        re.compile(
            r"luovut|vastaanottaj|mottagare|utlämn|recipient|disclos|kenelle"
            r"|till vem|who receives|kenelle tietoja|överlåt|lämna[rs]? (?:\w+ )?ut\b|\bvart\b"
            # handing over is disclosing: "Överlämning av information", "överlämnande";
            # not the register extract handed to the data subject (the right of access, R9-9)
            r"|\böverlämn(?!.*(?:utdrag|den registrerade|till dig))"
            r"|kenelle|who (?:do )?we (?:share|give)"
            # sharing: "Sharing of data", "Tietojen jakaminen", "Vem delar vi uppgifter med"
            r"|\bshar(?:e|ing)\b|\bjakaminen\b|\bjaamme\b|\bdela[rs]?\b"
            # releasing data: "Releasing information to third parties" (not "Release notes";
            # "Releasing data outside the EU" is a transfer)
            r"|^releas(?:e|ing) (?:of )?(?:(?:the|your|personal|customer|member) )*(?:data|information)\b"
            r"(?!.*\b(?:outside|beyond|third countr))"
            # who may see the data: "Vem får ta del av uppgifterna?"
            r"|\bta del av\b"
        ),
    ),
    (
        SectionKind.SOURCES,
        re.compile(
            r"lähte|lähde|\bmistä\b|källa|källor|varifrån|source|where.{0,20}from|\bfå in\b"
            r"|where do (?:we|you) (?:get|obtain)|where (?:we|you) (?:get|obtain)|hur får (?:vi|ni)"
            # how or where from the data are collected: "Miten tiedot kerätään", "Var … kommer ifrån"
            r"|\b(?:miten|kuinka|hur|how)\b.{0,30}\b(?:kerä|samla|collect)|\bkommer (?:ifrån|från)\b"
            r"|\bfår (?:vi|ni|\w+en) (?:in )?(?:dina |era )?(?:person)?uppgift|how (?:do )?we (?:get|obtain)"
        ),
    ),
    (
        SectionKind.RETENTION,
        re.compile(
            r"säilyt|säilö|kuinka kauan|miten kauan|kauanko|(?:kuinka|miten) pitkään|lagring|förvar|\b(?:bevar|bespar)(?:ing|ande)|hur länge|retention"
            r"|how long|poistaminen|tietojen poisto|borttagning|gallring|rensning|storage period"
            r"|hävittämi|\bhävitys\b"
            r"|\blagra(?:nde|s)\b|\bsparas\b"
            r"|lagringstid|sparas|(?<!right to )(?<!rätt till )(?:deletion|radering)"
            # how long the processing lasts: "Tietojen käsittelyn kesto", "Storage of personal data"
            r"|(?:käsittelyn|säilytyksen|säilyttämisen|tallennuksen) kesto|duration of"
            r"|^(?:data )?storage\b(?! (?:medi|locat|secur))|\bstoring of\b"
            # a heading on keeping the data, not on keeping them safe
            r"|^keeping (?:your |the )?(?:personal )?(?:data|information)$"
        ),
    ),
    (
        SectionKind.SECURITY,
        re.compile(
            r"(?<!tieto)suoja(?!seloste|ilmoitus|käytän|periaat)|tietoturva|(?<!data)skydd|säkerhet"
            r"|security|protect"
            # GDPR art. 32's measures, keeping data safe, who may open them
            r"|organisatori\w* (?:ja|och|and) tekni|tekni\w* (?:ja|och|and) organisatori"
            r"|technical and organi[sz]ational|(?:data|information) (?:safe|safety|secure)\b"
            r"|pääsynhallin|access control|åtkomstkontroll"
        ),
    ),
    (SectionKind.COOKIES, re.compile(r"eväste|kakor|cookie")),
    (
        SectionKind.PURPOSES,
        re.compile(
            # "grund", "grunden", "grunder" ("Rättslig grund"), never "grunduppgifter" (basic data)
            r"tarkoitu|peruste|ändamål|syfte|\bgrund(?:en|er|erna)?\b|purpose|legal basis"
            r"|miksi|varför|why|mihin|motivering|användning\w* av (?:registret|informationen|uppgift)"
            r"|what (?:do|will) we use|use (?:your|the) data for|till vad|vad används"
            r"|^därför|för vilka ändamål|\bnär (?:behandlar|samlar|använder) vi"
            r"|\banvänder vi (?:\w+ ){0,3}till\b|\bused for\b|\banvänds (?:till|för)\b"
            r"|allmänt intresse|public interest|yleisen edun|oikeutettu etu|berättigat intresse"
            # lawfulness is the legal basis: "Henkilötietojen käsittelyn lainmukaisuus"
            r"|lainmukaisuu|lawfulness|laglighet|\bavsikt"
            r"|\bhow we use\b|^use of (?:your |the )?(?:personal )?(?:data|information)\b"
            # "Tietojen käyttö", "Kerättyjen tietojen hyödyntäminen" (their use)
            # grounds for processing or for maintaining the register, not grounds alone
            r"|^grounds for (?:the )?(?:processing|maintaining|keeping|collecting)\b"
            r"|^(?:\w+ )?(?:henkilö)?tietojen (?:käyt(?:tö|täminen)|hyödyntäminen)$|användning av (?:dina )?personuppgift|\bhur används\b"
        ),
    ),
    (
        SectionKind.OTHER_RIGHTS,
        re.compile(
            r"oikeu(?!sperust)|rättighet|\brights?\b|tarkastus|insyn|valitus|klagomål"
            # a ban, a consent withdrawn: "Förbud mot direktmarknadsföring",
            # "Återkallande av samtycke" (a one-word item "Suoramarkkinointikielto" is data)
            r"|\bförbud mot\b|\båterkalla\w* (?:av )?samtycke|\bwithdraw\w* (?:your )?consent"
            # "Tietojen korjaaminen", "Rättelse av uppgifter", "Rectification"; "Complaints"
            r"|\bkorjaami|\boikaise|rättelse|rectification|\bcomplaints?\b"
            # GDPR arts. 18, 20: "Data portability", "Käsittelyn rajoittaminen", "Begränsning
            # av behandling" (not "Suostumuksen peruuttaminen": a data item in lists, R2-11)
            r"|siirrettävyy|portabilit|flyttbarhet"
            r"|käsittelyn rajoittami|restriction of processing|begränsning av behandling"
            r"|\brätt(?:en)? (?:att|till)"
        ),
    ),
    (
        SectionKind.SUBJECTS,
        re.compile(
            r"^(?:de )?kategorier av registrerade|(?:kenen|keiden) \w*tieto|vems (?:person)?uppgift"
            r"|whose (?:personal )?data|rekisteröity\w* (?:ryhm|kategori|henkilö)|ryhmät, joiden"
            r"|henkilöryhm|kohderyhm|^rekisteröidyt$|^(?:de )?registrerade(?: personer)?$"
            r"|^(?:the )?data subjects$|categories of data subjects"
            # the people first, in the nominative plural: "Rekisteröidyt henkilöt", "Rekisteröidyt
            # ja …", "De grupper av registrerade som …" (not "Rekisteröidyn oikeudet"); with
            # their data too ("Rekisteröidyt ja tietoryhmät"), the data's heading
            r"|^(?:rekisteröidyt|(?:de )?grupper(?:na)? av (?:de )?registrerade)\b"
            r"(?!.*(?:tieto|uppgift|data))"
            # whom the register concerns: "Keitä rekisteri koskee", "Vem berörs av registret"
            r"|\b(?:keitä|ketä)\b.{0,30}\bkoske|^keitä\b|\bvem berörs\b|whom? (?:does )?(?:the|this) \w+ concern"
        ),
    ),
    (
        SectionKind.CONTENT,
        re.compile(
            r"tietosisältö|mitä tietoja|henkilötietoryhm|kategori|(?:rekisterin|tietojen) sisältö"
            # what is recorded: "Mitä rekisteriin kirjataan", "Vad registreras", "What we record"
            r"|^(?:mitä|vad|what)\b.{0,30}\b(?:kirjata|tallenne|registrera|lagra|record|store)"
            # what is held about you: "Mitä meillä on sinusta", "Vad vi har om dig"
            r"|^(?:mitä|vad|what)\b.{0,30}(?:\bsinusta\b|\bom dig\b|\babout you\b)"
            r"|content|innehåll|what data|typ av data|vilka (?:person)?(?:data|uppgifter)"
            r"|data (?:som )?vi samlar|data we collect|information we"
            # "Käsiteltävien tietojen ryhmät", "Rekisteriin talletettavat tiedot", "Data we process"
            r"|\btietojen (?:ryhmät|luokat)\b|\w+(?:tt|t)ävät (?:henkilö)?tiedot\b|sisältö(?!luettelo)"
            r"|data (?:that )?we (?:process|hold|store|handle)|personal data processed"
            r"|(?:person)?uppgifter som (?:behandlas|samlas in|registreras|lagras)|registrets (?:person)?uppgifter"
            r"|\btietoryhm|vilken information|^(?:collected|stored|processed) (?:personal )?data$"
            r"|^(?:personal |\w+ )?data (?:collected|stored|processed|recorded)$"
        ),
    ),
    (SectionKind.CHANGES, re.compile(r"muutok|ändring|changes")),
)


#: The general words for data ("tiedot", "uppgifter", "personal data"): they name the data
#: categories only when no other kind is named ("Rekisterinpitäjän tiedot": the controller).
_DATA_WORDS: Final = re.compile(
    r"tiedot|tietoja|rekisteröi|registrerade|data subjects|uppgifter|personal data"
)


def guess(text: str) -> SectionKind | None:
    """The kind of a heading that is not in the table, from its key words, or ``None``.

    Only for lines already shaped like headings: the words are weaker evidence
    than the table's whole headings.

    Examples:
        >>> guess("Mitä tietoja keräämme?")
        <SectionKind.CONTENT: 'data_categories'>
        >>> guess("Kuinka kauan tietoja säilytetään?")
        <SectionKind.RETENTION: 'retention'>
        >>> guess("Asiakaspalaute") is None
        True
    """
    key = normalise(text)
    if not key or len(key) > MAX_HEADING:
        return None
    kind = _guess(key)
    if kind is SectionKind.SUBJECTS and second_kind(text) is SectionKind.CONTENT:
        # "Rekisterin henkilöryhmät ja tietosisältö": the people and the data named
        # together head the data content, as the table reads "Rekisteröidyt ja
        # henkilötietoryhmät" (the groups are said in the same text)
        return SectionKind.CONTENT
    return kind


def other_matters(text: str) -> bool:
    """Whether a heading names other matters, no field: its text is the notice's description.

    Examples:
        >>> other_matters("10. Muut tiedot"), other_matters("Övriga uppgifter")
        (True, True)
        >>> other_matters("Muut rekisteröidyn oikeudet")
        False
    """
    key = normalise(text)
    return bool(key) and len(key) <= MAX_HEADING and _OTHER_MATTERS.fullmatch(key) is not None


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _guess(key: str) -> SectionKind | None:
    """:func:`guess` of a normalised heading (remembered: a line is asked about many times)."""
    if _OTHER_MATTERS.fullmatch(key) is not None:
        return None  # "Muut tiedot", "Övriga uppgifter": other matters, no data of the register
    if key.count(" / ") == 1:
        # a heading in two languages: "Rekisteriasioista vastaa / Person in charge of …"
        kinds = {kind for part in key.split(" / ") if (kind := _guess(part.strip())) is not None}
        if len(kinds) == 1:
            return kinds.pop()
    about = _ABOUT.match(key)
    if about is not None:
        # "Tietoja julkisista verkkopalveluistamme": information about something,
        # whose words name the kind (if any), not the word "tietoja"
        key = key[about.end() :]
    kind = _earliest(key)
    head = None if _QUESTION.match(key) else head_kind(key)  # a question has no head word
    if head is None or head is kind:
        return kind
    if kind is SectionKind.CONTENT and _ANY_GUESS.search(key) is None:
        # only the general words for data read it as data; its head word names the field:
        # "Bevaringstid av personuppgifter", "Basis for personal data processing"
        return head
    if kind is None or _in_modifier(key, kind, head):
        return (
            head  # its head word names the field: "Henkilötietojen keräys", "Registrets benämning"
        )
    return kind


def head_kind(key: str) -> SectionKind | None:
    """The field a heading's head word names by its stem, or ``None``.

    Inflections and compounds are read by the stem: "ylläpitäjät", "keräys",
    "käsittelijä", "määräajat", "avslöjanden", "benämning". The head word of
    a Finnish heading is its last word not in the genitive ("Eri tietoryhmien
    poistamisen määräajat": the time limits); of a Swedish or English one, its
    first word not in the genitive as well ("Namnet på registret"). A word
    after a relative pronoun ("som", "joka") is no head. Only one field may be
    named by the heads; a register's name needs a register word beside it.
    """
    words = _HEAD_WORDS.findall(key.split(" (", 1)[0])
    clause = next((i for i, word in enumerate(words) if word in _RELATIVE), len(words))
    words = words[:clause]
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]  # "De uppgifter om de registrerade": the head is "uppgifter"
    if len(words) > 1 and words[1] in _PREPOSITIONS:
        words = words[:1]  # "Kontaktperson för registeransvarig", "Name of the register"
    heads = [w for w in (words[:1] + words[-1:]) if not _genitive(w, words)]
    kinds = {kind for word in heads for kind in _stem_kinds(word)}
    if _TIME_LIMIT.search(key) and any(w.startswith("määräaj") for w in heads):
        kinds.add(SectionKind.RETENTION)  # "… poistamisen määräajat": the time limits of deletion
    if SectionKind.NAME in kinds and _REGISTER_WORD.search(key) is None:
        kinds.discard(SectionKind.NAME)  # "Nimi", "Henkilön nimi": a person's, no register's name
    return kinds.pop() if len(kinds) == 1 else None


def _genitive(word: str, words: list[str]) -> bool:
    """Whether *word* qualifies the next word of *words*: "rekisterin", "registrets"."""
    at = words.index(word)
    if at == len(words) - 1 or words[at + 1] in _PREPOSITIONS:
        return False  # the last word qualifies nothing; "kontaktperson för …" is no genitive
    if word.endswith(_PARTICIPLE):
        return True  # "Säilytettävät tiedot": the data kept, no retention
    return (
        len(word) >= _GENITIVE_LENGTH
        and word.endswith(_GENITIVE_END)
        and not word.endswith(_NOMINATIVE_N)
    ) or (word.endswith("s") and word.startswith(_SV_GENITIVE))


def _in_modifier(key: str, kind: SectionKind, head: SectionKind) -> bool:
    """Whether the key word that read *key* as *kind* is in a word qualifying the head.

    "Rekisteröityjen henkilö- ja muut tiedot" names data, not data subjects; a
    party's details stay the party's ("Rekisterinpitäjän yhteystiedot").
    """
    if kind in _PARTY_KINDS and head is SectionKind.CONTENT:
        return False
    cue = _CUES_OF.get(kind, ())
    match = next((m for c in cue if (m := c.search(key)) is not None), None)
    if match is None:
        return False
    words = _HEAD_WORDS.findall(key)
    # the word the key word ends in: "rekisterin nimi" ends in its head
    word_at = _HEAD_WORDS.search(key, key.rfind(" ", 0, match.end() - 1) + 1)
    return word_at is not None and (
        word_at.group().endswith("-") or _genitive(word_at.group(), words)
    )


#: The words of a heading, a hyphen-joined compound's first part with its hyphen.
_HEAD_WORDS: Final = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*-?")
#: Time limits are retention's only when deletion or keeping is named beside them.
_TIME_LIMIT: Final = re.compile(r"(?:poist|säilyt|hävit|säilö)\w* (?:\w+ )?määräaj")
#: Articles before a Swedish or English head word ("De uppgifter som …", "The purposes of …").
_ARTICLES: Final = frozenset({"de", "den", "det", "the"})
#: Relative pronouns: the words after one are a clause, no head ("Person som svarar för …").
_RELATIVE: Final = frozenset({"som", "joka", "jotka", "who", "which", "that"})
#: A question word: "Varifrån får vi uppgifterna", "Mistä tiedot saadaan".
_QUESTION: Final = re.compile(
    r"(?:mistä|mihin|miksi|kenelle|kuinka|miten|mitä|kenen|keiden|kuka|ketkä|varifrån|vad|vem"
    r"|vems|hur|varför|vilka|vilken|where|what|who|whom|whose|why|how|which)\b"
)
#: A Finnish passive participle qualifies the word after it ("säilytettävät", "kerättävä").
_PARTICIPLE: Final = ("ttavat", "ttävät", "ttava", "ttävä", "tavat", "tävät")
#: A Finnish genitive's endings (a Swedish "-ån", "-ng" is none).
_GENITIVE_END: Final = ("en", "an", "än", "in", "yn", "ön")
#: Finnish words ending in "n" that are no genitive.
_NOMINATIVE_N: Final = ("minen", "tiedon", "ssään", "sten")
#: Swedish genitives of the words a heading qualifies its head with.
_SV_GENITIVE: Final = ("regist", "person", "uppgift", "kund", "medlem", "behandling")
#: Words after a head word that start its complement ("Namnet på registret").
_PREPOSITIONS: Final = frozenset(
    {"för", "av", "på", "i", "om", "till", "vid", "hos", "med", "från", "enligt", "inom", "efter"}
    | {"of", "for", "on", "about", "to", "in", "with", "from"}
    | {"och", "and", "ja", "sekä"}
)
_PARTY_KINDS: Final = frozenset({SectionKind.CONTROLLER, SectionKind.CONTACT, SectionKind.DPO})
#: A name that is the register's: "Rekisterin nimi", "Registrets benämning", "Namnet på registret".
_REGISTER_WORD: Final = re.compile(
    # a processing's name is the register's ("Käsittelyn nimi", "Behandlingens namn")
    r"(?:rekister|regist|käsittely|behandling)\w*\s+(?:nim(?:i|et)|namn(?:et)?|benämning(?:en)?"
    r"|name|title)$"
    r"|^(?:the\s+)?(?:nim(?:i|et)|namn(?:et)?|benämning(?:en)?|name|title)\s+(?:på|för|of)\s+(?:the\s+)?"
    r"\w*(?:regist|rekister|behandling|processing)"
)
#: The stems of the words that name each field, read in a heading's head word
#: (inflected, or the last part of a compound).
_STEMS: Final[tuple[tuple[SectionKind, re.Pattern[str]], ...]] = tuple(
    (kind, re.compile(stem))
    for kind, stem in (
        (
            SectionKind.CONTROLLER,
            (
                r"rekisterinpitä|ylläpitäj|registeransvar|personuppgiftsansvar"
                r"|^registrator$|^registrar$|^controllers?$|registerhåll|registerför"
            ),
        ),
        (SectionKind.CONTACT, r"yhteyshenkilö|kontaktperson"),
        (SectionKind.DPO, r"tietosuojavastaav|dataskyddsombud"),
        (SectionKind.NAME, r"^nim(?:i|et)$|^namn(?:et)?$|^benämning(?:en)?$|^name$|^title$"),
        (
            SectionKind.PURPOSES,
            (
                r"tarkoitu|oikeusperust|käsittelyperust|^perustee?\w{0,4}$|ändamål|^syfte"
                r"|^purposes?$|^basis$"
            ),
        ),
        (
            SectionKind.CONTENT,
            (
                r"tietosisäl|tietoryhm|(?<!yhteys)tiedot$|^(?:person)?uppgifter(?:na)?$"
                r"|innehåll"
            ),
        ),
        (SectionKind.SUBJECTS, r"^rekisteröid(?:yt|ään)$|^registrerade$"),
        (
            SectionKind.SOURCES,
            (
                r"lähte|lähde|^keräy(?:s|ksen|kset)?$|^keruu$|^keräämi\w{0,5}$|källa|källor|^insamling"
                r"|^ursprung|^sources?$"
            ),
        ),
        (
            SectionKind.DISCLOSURES,
            (
                r"luovut|vastaanottaj|utlämn|mottagar|avslöj|överlåt|recipient"
                r"|disclos"
            ),
        ),
        (SectionKind.PROCESSORS, r"käsittelijä|käsittelijöi|biträd|^processors?$|alihankkij"),
        (SectionKind.TRANSFERS, r"^siirr(?:ot)?$|^siirto$|^siirtämi\w{0,5}$|överför|^transfers?$"),
        (
            SectionKind.RETENTION,
            (
                r"säilyt|säilö|^poistami|^poisto|^hävittämi|^lagring"
                r"|^bevar|^förvar|^gallring|^radering|^retention$"
            ),
        ),
        (
            SectionKind.SECURITY,
            (
                r"suojau|^suojaami|tietoturv|säkerhet|^skydd(?:et)?$|^skyddande"
                r"|^security$|^protection$"
            ),
        ),
        (
            SectionKind.OTHER_RIGHTS,
            (
                r"^oikeu(?!sperust)|rättighet|^rights?$|kielto-?oikeu"
                # the data subject's rights in Swedish compounds ("Granskningsrätt"), not
                # others' ("Upphovsrätt", "Returrätt")
                r"|^(?:gransknings|insyns|rättelse|kontroll|invändnings|raderings)rätt(?:en)?$"
                r"|^vastustamis"
            ),
        ),
        (SectionKind.COOKIES, r"eväste|^kakor$|^cookies?$"),
    )
)


#: The stems of :data:`_STEMS` joined: a word none of them is in names no field.
_ANY_STEM: Final = re.compile("|".join(f"(?:{stem.pattern})" for _, stem in _STEMS))


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _stem_kinds(word: str) -> tuple[SectionKind, ...]:
    """The kinds whose stem is in *word* (remembered: a heading's words recur)."""
    if _ANY_STEM.search(word) is None:
        return ()
    return tuple(kind for kind, stem in _STEMS if stem.search(word))


#: A Finnish genitive that qualifies the next word is at least this long ("mihin",
#: "miten" are question words, not genitives).
_GENITIVE_LENGTH: Final = 7


def second_kind(text: str) -> SectionKind | None:
    """The second kind a heading names, after the one it is read as, or ``None``.

    "Säilytysaika ja tietoturva" names retention, then security; "Sources and
    recipients" sources, then recipients. Only a heading joined with "ja",
    "sekä", "och", "and" or "&" names two. When the words before the join name
    no field alone, the whole heading's own field is the first ("Tietojen siirto
    ja luovutus EU:n ulkopuolelle": transfers by "ulkopuolelle", then recipients).

    Examples:
        >>> second_kind("Henkilötietojen siirto ja luovuttaminen kolmansille osapuolille")
        <SectionKind.DISCLOSURES: 'recipients'>
        >>> second_kind("Säilytysaika ja tietoturva")
        <SectionKind.SECURITY: 'security'>
    """
    key = normalise(text)
    join = _AND.search(key) if key and len(key) <= MAX_HEADING else None
    if join is None:
        return None
    first = _earliest(key[: join.start()]) or _earliest(key)
    after = key[join.end() :]
    found = sorted(
        (match.start(), order, kind)
        for order, (kind, cue) in enumerate(_GUESSES)
        if kind not in {SectionKind.TITLE, first} and (match := cue.search(after)) is not None
    )
    return found[0][2] if first is not None and found else None


def names_kind(kind: SectionKind, text: str) -> bool:
    """Whether *text* (a sentence, lower case) holds a key word of *kind*."""
    return any(cue.search(text) is not None for cue in _CUES_OF.get(kind, ()))


def kinds_named(kinds: frozenset[SectionKind], text: str) -> set[SectionKind]:
    """The kinds of *kinds* whose key words *text* holds (:func:`names_kind` of each).

    One search of all their key words first: most sentences hold none.
    """
    if _cues_joined(kinds).search(text) is None:
        return set()
    return {kind for kind in kinds if names_kind(kind, text)}


@functools.lru_cache(maxsize=16)
def _cues_joined(kinds: frozenset[SectionKind]) -> re.Pattern[str]:
    cues = [f"(?:{cue.pattern})" for kind in kinds for cue in _CUES_OF.get(kind, ())]
    return re.compile("|".join(cues) or "(?!)")


#: Each kind's key words (a kind may have two entries in :data:`_GUESSES`).
_CUES_OF: Final[dict[SectionKind, tuple[re.Pattern[str], ...]]] = {
    kind: tuple(cue for each, cue in _GUESSES if each is kind) for kind, _ in _GUESSES
}


#: The words that join two things a heading names.
_AND: Final = re.compile(r" (?:ja|sekä|och|and|&) ")


def _earliest(key: str) -> SectionKind | None:
    """The kind whose key word comes first in *key* (ties: the table's order).

    A heading that names two things names its own first ("Luovutukset ja siirrot",
    "Grund för lagring", "Disclosure and transfer of data"), except where a
    Finnish genitive qualifies the word after it: "Rekisteröityjen oikeudet" is
    about rights, "Rekisterinpitäjän yhteyshenkilö" about a contact person.
    """
    # the first cue (by start, then the table's order) in one search: the leftmost match
    # of the cues joined is that cue's; every cue is asked only when its word may be a
    # genitive before another cue's word
    match = _ANY_GUESS.search(key)
    if match is None:
        return SectionKind.CONTENT if _DATA_WORDS.search(key) else None
    kind = _GUESS_OF_GROUP[match.lastgroup or ""]
    word_end = key.find(" ", match.start())
    if (
        kind is SectionKind.TITLE
        or word_end == -1
        or word_end - match.start() < _GENITIVE_LENGTH
        or key[word_end - 1] != "n"
    ):
        return kind
    return _earliest_of_all(key)


#: The cues of :data:`_GUESSES` joined, each its own named group: the match's last group is
#: the outermost one that matched, so a cue's own groups (if one is ever written with
#: "(a|b)") do not shift which kind a match maps to.
_ANY_GUESS: Final = re.compile(
    "|".join(f"(?P<cue{order}>{cue.pattern})" for order, (_, cue) in enumerate(_GUESSES))
)
#: The kind of each cue's group in :data:`_ANY_GUESS`.
_GUESS_OF_GROUP: Final = {f"cue{order}": kind for order, (kind, _) in enumerate(_GUESSES)}


def _earliest_of_all(key: str) -> SectionKind | None:
    """:func:`_earliest` from every cue's match: the first, or a genitive's next."""
    found: list[tuple[int, int, SectionKind]] = []
    for order, (kind, cue) in enumerate(_GUESSES):
        match = cue.search(key)
        if match is not None:
            found.append((match.start(), order, kind))
    if not found:
        return SectionKind.CONTENT if _DATA_WORDS.search(key) else None
    found.sort()
    first = found[0]
    if len(found) > 1 and first[2] is not SectionKind.TITLE:
        word_end = key.find(" ", first[0])
        next_end = key.find(" ", word_end + 1) if word_end != -1 else -1
        following = found[1]
        if (
            word_end != -1
            and word_end - first[0] >= _GENITIVE_LENGTH
            and key[word_end - 1] == "n"
            and word_end < following[0] < (next_end if next_end != -1 else len(key))
        ):
            return following[2]  # a genitive before the word it qualifies
    return first[2]


#: A heading of other matters ("Muut tiedot", "Lisätietoja", "Övriga uppgifter", "Other
#: information"): its words are the general words for data, yet it names no field.
_OTHER_MATTERS: Final = re.compile(
    r"(?:muut|muita) (?:asiat|tiedot|tietoja)|lisätiedot|lisätietoja|övriga (?:uppgifter|upplysningar)"
    r"|övrig information|ytterligare (?:uppgifter|information)|mer information"
    r"|(?:other|additional|further|more) information"
)


#: "Tietoja X:stä", "Information om X", "Information about X": what follows names the kind.
_ABOUT: Final = re.compile(
    r"(?:lisä)?tietoja (?=\w+(?:sta|stä)(?:mme|nne|an|än)?\b)|information (?:om|about) "
)


def may_start_with_heading(text: str) -> bool:
    """Whether *text* (a line) may open with a known heading followed by more words."""
    key = normalise(text[:MAX_HEADING])
    return _ANY_PREFIX.match(key) is not None or " / " in key or " – " in key


def trim_caches() -> None:
    """Empty the heading readers' caches that an import filled beyond :data:`_CACHE_KEPT`.

    A long notice's lines are of no use to the next import: the memory they take
    is given back, while a short notice's headings stay remembered.
    """
    for cached in (_normalise, _recognise, _kind, _guess, _stem_kinds):
        if cached.cache_info().currsize > _CACHE_KEPT:
            cached.cache_clear()
