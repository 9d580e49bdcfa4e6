"""Sections → fields of a draft register, keeping the offsets of what was used."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

from rekisteri.errors import InvalidRegisterError
from rekisteri.identifiers import ytunnus
from rekisteri.importer._finnish import (
    capitalise,
    listed_purposes,
    noun_phrase,
    purposes_in,
    sentences,
    slugify,
)
from rekisteri.importer._headings import SectionKind, is_field_label
from rekisteri.importer._structure import Piece, Section, heading_text
from rekisteri.model import (
    Address,
    ContactPoint,
    Controller,
    DataCategory,
    DataSubjectCategory,
    Duration,
    LocalizedText,
    NoneStated,
    Purpose,
    Recipient,
    Register,
    RetentionRule,
    RetentionTrigger,
    Right,
    SecurityKind,
    SecurityMeasure,
    Source,
    Transfer,
    TransferMechanism,
)
from rekisteri.sources import CATALOG

if TYPE_CHECKING:
    from collections.abc import Iterable

# --------------------------------------------------------------------- cues

_TRANSFER_WHERE: Final = re.compile(
    r"ulkopuolelle|ulkopuolella|utanför|outside|kolmansiin maihin|tredje ?land|third countr",
)
_TRANSFER_AREA: Final = re.compile(
    r"\beu\b|\beu:n|\beta\b|eta:n|euroop|\beea\b|\bees\b|suomen|finland|kolmansiin maihin"
    r"|tredje ?land|third countr",
)
_NEGATIVE: Final = re.compile(
    r"\bei\s+(?:\w+\s+){0,2}(?:siirretä|siirry|luovuteta|luovutetaan)|\beikä\b|\binte\b|\bnot\b"
)
_EXCEPTION: Final = re.compile(
    r"\b(?:ellei|paitsi|lukuun ottamatta|pois lukien|mikäli|jos|kuitenkin|förutom|om inte"
    r"|utom|unless|except)\b"
)
_RETENTION: Final = re.compile(
    r"\bsäilyt(?:etään|ämme|etään|ettävä)\b|säilytysai|säilyttämisai|hävitetään|hävitämme"
    r"|poistetaan|poistamme|\bpoisto\b|arkistoidaan|kirjanpitolai|\blagras\b|raderas|gallras"
    r"|retained|deleted|stored for",
)
_STATUTE: Final = re.compile(r"kirjanpitolai|kirjanpitolaki|1336/1997|1997/1336|bokföringslag")
_DISCLOSURE: Final = re.compile(
    r"\bluovut(?:etaan|amme|taa|ettava|ettavissa|eta|ukset|etut|etaan)\b|luovuttaa"
    r"|ainoastaan yrityksen käytössä|vain yrityksen käytössä|utlämnas|lämnas (?:inte )?ut|disclos",
)
_NOT_DISCLOSURE: Final = re.compile(r"luovuttamatta")
_SOURCE: Final = re.compile(
    r"lähtei(?:stä|tä)|\blähteet\b|\bsaadaan\b|voidaan saada|hankittava tieto|hankitaan"
    r"|hankitut|hankimme|saamme tietoja|erhålls|inhämtas|fås från|obtained from",
)
_DATA_SUBJECT: Final = re.compile(
    r"asiakkaan (?:itse )?ilmoittam|asiakkaalta itseltään|rekisteröidyltä itseltään"
    r"|rekisteröidyn itse|asiakkaan tekemi|henkilöltä itseltään|jäseneltä itseltään"
    r"|asiakas on vastuussa tietojen oikeellisuu|den registrerade själv|kunden själv"
    r"|asiakkaan antam|käyttäjän antam|itse ilmoittam|rekisteröidyn antam",
)
_CATALOG_CUES: Final = (
    (
        "ytj",
        re.compile(r"\bytj\b|yritys- ja yhteisötietojärjestelm|företags- och organisationsdata"),
    ),
    ("prh-yhdistysrekisteri", re.compile(r"yhdistysnet|yhdistysrekister|föreningsregist")),
    ("prh-kaupparekisteri", re.compile(r"kaupparekister|handelsregist")),
    ("asiakastieto", re.compile(r"asiakastieto oy|suomen asiakastie")),
    ("fonecta", re.compile(r"\bfonecta")),
    ("suomen-numeropalvelu", re.compile(r"numeropalvelu|nummertjänst")),
    (
        "dvv-vtj",
        re.compile(
            r"väestötietojärjestelm|väestörekister|\bvtj\b|digi- ja väestötietovira|\bdvv\b"
            r"|befolkningsdatasystem|maistraat"
        ),
    ),
    ("posti-osoitepalvelu", re.compile(r"postin osoite|osoitepalvelu|osoitteenmuutos|posti oy")),
)
_CONTROLLER_CUE: Final = re.compile(r"rekisterinpitäjä|personuppgiftsansvarig|registeransvarig")
_CONTENT_CUE: Final = re.compile(
    r"rekisteriin (?:tallennetaan|kerätään|merkitään)|rekisteri sisältää"
    r"|rekisterissä (?:käsitellään|on|säilytetään seuraavat)|tallennamme|keräämme"
    r"|käsittelemme seuraavia|tietosisältö"
    r"|registret innehåller|seuraavia tietoja|seuraavat tiedot",
)
_SECURITY_CUE: Final = re.compile(
    r"suojattu|suojataan|palomuur|salasan|käyttäjätunnu|lukitu|salassapito|luottamuksellisesti"
    r"|tietoturva|salattu|salataan|kulunvalvon",
)
_RIGHTS_CUE: Final = re.compile(
    r"\boikeus (?:tarkastaa|tarkistaa|saada|vaatia|kieltää|peruuttaa|pyytää|tehdä|vastustaa)"
    r"|tarkastusoikeu|kielto-oikeu|rätt att|rätt till|right to|right of",
)
_ORGANISATIONAL: Final = re.compile(
    r"salassapito|luottamuksel|vaitiolo|koulutet|ohjeistet|työntekijöillä on oikeus"
    r"|ainoastaan määrätyillä|vain määrätyillä|allekirjoitt|tystnadsplikt",
)
_TECHNICAL: Final = re.compile(
    r"käyttäjätunnu|salasan|palomuur|salau|salat|salataan|varmuuskopi|\bssl\b|https|lokit"
    r"|kirjautu|käyttöoikeu|palvelim|tietojärjestelm|lösenord|brandvägg",
)
_PHYSICAL: Final = re.compile(
    r"lukit|tilo(?:issa|ssa|ihin)|paperi|manuaali|silpu|tuhot|kulunvalvon|vartioi|fyysi|låst"
)
_RIGHT_CUES: Final = (
    (
        Right.ACCESS,
        re.compile(
            r"tarkastusoikeu|tarkistaa, mitä tietoja|tarkastaa|tarkistaa"
            r"|pääsy tietoihin|insyn|right of access"
        ),
    ),
    (Right.RECTIFICATION, re.compile(r"korja|oikais|täydennet|rättelse|rectif")),
    (Right.ERASURE, re.compile(r"poist|hävit|radering|erasure")),
    (Right.RESTRICTION, re.compile(r"rajoitta|begränsning|restrict")),
    (Right.NOTIFICATION, re.compile(r"ilmoitetaan sille, jolta|jolle tiedot on luovutettu")),
    (Right.PORTABILITY, re.compile(r"siirtää tiedot järjestelmästä|dataportab|portab")),
    (Right.OBJECT, re.compile(r"kieltää|kielto-oikeu|vastust|invändning|\bobject")),
    (Right.WITHDRAW_CONSENT, re.compile(r"peruuttaa suostumu|återkalla|withdraw")),
    (
        Right.COMPLAINT,
        re.compile(r"valitus valvontaviranomaiselle|tehdä valitukse|klagomål|complaint"),
    ),
)
_PERSON_WORDS: Final = re.compile(
    r"(?:henkilöt|yhteyshenkilöt|käyttäjät|asiakkaat|jäsenet|työntekijät|hakijat|päättäjät"
    r"|vastuuhenkilöt|edustajat)\b"
)
_DIRECT_MARKETING: Final = re.compile(
    r"suoramarkkinoin|suoramainon|direktmarknadsför|direct marketing"
)
_HETU_WORDS: Final = re.compile(r"henkilötunnu|\bhetu\b|personbeteckning|personnummer")
_COMPANY: Final = re.compile(
    r"\b([A-ZÄÖÅ][\w&\-]*(?:[ \t]+[A-ZÄÖÅ0-9][\w&\-]*){0,4}[ \t]+(?:Oyj|Oy|Ab|Ky|Ay|Tmi|ry))\b"
)
_YTUNNUS_ANY: Final = re.compile(
    r"(?i)\b(?:y-?tunnus|ly-tunnus|yritystunnus|fo-nummer|business id)\b[^\d\n]{0,12}"
    r"(?P<id>(?<![\d-])[0-9]{6,7}(?:[ \t]?[-\u2010\u2011\u2013][ \t]?|[ \t])?[0-9](?![\d-]))"
)
_DASHES: Final = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2013": "-"})
#: A labelled Y-tunnus's value in any form that the identifier module reads:
#: "2077474-0", "2077474 0", "2077474 - 0", "20774740", "FI20774740".
_YTUNNUS_VALUE: Final = re.compile(
    r"(?<![\dA-Za-z-])(?:FI[ \t-]?)?[0-9]{6,7}"
    r"(?:[ \t]?[-\u2010\u2011\u2013][ \t]?|[ \t])?[0-9](?![\d-])"
)
_YTUNNUS: Final = re.compile(r"(?<![\d-])([0-9]{6,7}-[0-9])(?![\d-])")
_EMAIL_OBFUSCATED: Final = re.compile(
    r"(?i)\s*(?:\(at\)|\[at\]|\{at\}|\(a\)|\[a\]|\(ät\)|\(ät\)|\s+at\s+|\(miukumauku\))\s*"
)
_DOT_OBFUSCATED: Final = re.compile(r"(?i)\s*(?:\(piste\)|\[piste\]|\(dot\)|\[dot\])\s*")
_EMAIL: Final = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,200}\.[A-Za-z]{2,24}")
_EMAIL_LOOSE: Final = re.compile(
    r"(?i)[a-z0-9._%+\-]{1,64}(?:@|\s*(?:\(at\)|\[at\]|\{at\}|\(a\)|\[a\]|\(ät\))\s*)"
    r"[a-z0-9\-]{1,63}(?:(?:\.|\s*(?:\(piste\)|\(dot\)|\[dot\])\s*)[a-z0-9\-]{1,63}){1,5}"
)
_PHONE: Final = re.compile(r"(?<![\w+])(\+?[0-9][0-9 ()\-/]{5,22}[0-9])(?!\w)")
_POSTCODE_TOWN: Final = re.compile(r"^(?:FI-)?([0-9]{5})[ \t]+([^\d,;]{2,60}?)\s*$")
_STREET_POSTCODE: Final = re.compile(
    r"^(?P<street>[^,\n]{3,80}?)[ \t]*[,;]?[ \t]+(?:FI-)?(?P<code>[0-9]{5})[ \t]+"
    r"(?P<town>[^\d,;]{2,60}?)\s*$"
)
_STREET: Final = re.compile(
    r"^(?:(?:PL|PO Box|Box|Postilokero|PB)[ \t]*[0-9]{1,6}"
    r"|[A-ZÄÖÅ][\w.\-]*(?:[ \t][\w.\-]+){0,3}[ \t][0-9]{1,4}[ \t]?[A-Za-z]?"
    r"(?:[ \t]?[A-Z][ \t]?[0-9]{1,3})?)$"
)
_URL: Final = re.compile(r"(?i)\b(?:https?://|www\.)[^\s,;]{3,200}")
_LABEL_WORDS: Final = (
    r"(?:yrityksen |rekisterinpitäjän )?nimi|name|namn|toiminimi|firma"
    r"|y-?tunnus|ly-tunnus|yritystunnus|fo-nummer|business id"
    r"|(?:posti|katu|käynti|laskutus)?osoite|adress|besöksadress|postadress|address"
    r"|postinumero(?: ja -?toimipaikka)?|postitoimipaikka"
    r"|puh(?:elin)?(?:numero)?|puh\.|p\.|tel(?:efon|\.)?|tfn|gsm|matkapuhelin|vaihde|phone"
    r"|sähköposti(?:osoite)?|s-posti|e-?mail|e-post"
    r"|www|kotisivu(?:t)?|verkkosivu(?:t|sto)?|webbplats|website|url"
    r"|yhteyshenkilö|kontaktperson|contact person|vastuuhenkilö"
)
#: "Puhelin: 09 123", "Puh 09 123", and bilingual "Y-tunnus / FO-nummer: 1234567-1".
_LABEL: Final = re.compile(
    rf"(?i)^[ \t]*(?P<label>{_LABEL_WORDS})(?:[ \t]*/[ \t]*(?:{_LABEL_WORDS}))?"
    r"(?P<sep>[ \t]*:[ \t]*|[ \t]+(?=[+0-9(]))(?P<value>.*)$"
)
#: "niin kauan kuin asiakassuhde on voimassa", "asiakkuuden ajan": while the relationship lasts.
_UNTIL_END: Final = re.compile(
    r"niin kauan kuin|niin kauan kun|asiakkuuden ajan|asiakassuhteen (?:ajan|keston)"
    r"|kunnes asiakassuhde päättyy|så länge kundförhållandet"
)
_MONTHS: Final = re.compile(
    r"(?P<n>[0-9]{1,3}|yhden|yksi|kahden|kaksi|kolmen|kolme|neljän|neljä|viiden|viisi|kuuden"
    r"|kuusi|seitsemän|kahdeksan|yhdeksän|kymmenen)\s+(?P<unit>vuotta|vuoden|vuodeksi"
    r"|kuukautta|kuukauden|kuukaudeksi|kk|päivää|päivän|år|månader)"
)
_NUMBER_WORDS: Final = {
    "yhden": 1, "yksi": 1, "kahden": 2, "kaksi": 2, "kolmen": 3, "kolme": 3, "neljän": 4,
    "neljä": 4, "viiden": 5, "viisi": 5, "kuuden": 6, "kuusi": 6, "seitsemän": 7,
    "kahdeksan": 8, "yhdeksän": 9, "kymmenen": 10,
}  # fmt: skip
_TRIGGERS: Final = (
    (RetentionTrigger.END_OF_CUSTOMER_RELATIONSHIP,
     re.compile(r"(?:asiakassuhteen|asiakkuuden|jäsenyyden) "
                r"(?:päättymi|päätty|loppumi)")),
    (RetentionTrigger.LAST_CONTACT, re.compile(r"viimeise\w* (?:yhteydenoto|asioin)")),
    (RetentionTrigger.END_OF_FINANCIAL_YEAR, re.compile(r"tilikauden (?:päättymi|lopu)")),
    (RetentionTrigger.CONSENT_WITHDRAWAL, re.compile(r"suostumuksen peruuttami")),
    (RetentionTrigger.COLLECTION, re.compile(r"(?:keräämise|tallentamise|saamise)sta")),
)  # fmt: skip
_DEMONSTRATIVE: Final = re.compile(
    r"(?:Nämä|Näitä|Näistä|Näille|Niitä|Niistä|Ne|Tämä|Tätä|Tästä|Tällöin|Näin|Edellytämme"
    r"|Dessa|Detta|These|This)\b"
)

_NOMINATIVE: Final = "name read from the notice's list and put in the nominative; check it"
_CROSS_CUED: Final = frozenset(
    {
        SectionKind.TITLE,
        SectionKind.CHANGES,
        SectionKind.PURPOSES,
        SectionKind.CONTENT,
        SectionKind.SOURCES,
        SectionKind.DISCLOSURES,
        SectionKind.SECURITY,
        SectionKind.SECURITY_MANUAL,
        SectionKind.SECURITY_ELECTRONIC,
        SectionKind.RETENTION,
        SectionKind.TRANSFERS,
        SectionKind.COOKIES,
        None,
    }
)
_RIGHTS_SECTIONS: Final = frozenset(
    {SectionKind.ACCESS, SectionKind.RECTIFICATION, SectionKind.OTHER_RIGHTS}
)
_SECURITY_SECTIONS: Final = frozenset(
    {SectionKind.SECURITY, SectionKind.SECURITY_MANUAL, SectionKind.SECURITY_ELECTRONIC}
)
_LINE_SECTIONS: Final = frozenset({SectionKind.CONTROLLER, SectionKind.CONTACT, SectionKind.DPO})


#: A word broken over two lines with a hyphen, as in text copied from a PDF:
#: "henkilö-\ntietojen" is "henkilötietojen"; "asiakas-\nja palvelu..." keeps its hyphen.
_BROKEN_WORD: Final = re.compile(
    r"([a-zäöå])-[ \t]*\r?\n[ \t]*(?=([a-zäöå]))(?!(?:ja|tai|sekä|eli|että|and|och|eller)\b)"
)


def _join_broken(match: re.Match[str]) -> str:
    # a compound whose parts meet with the same vowel keeps its hyphen: "linja-auto"
    before, after = match.group(1), match.group(2)
    return before + ("-" if before == after and before in "aeiouyäöå" else "")


_BROKEN_NAME: Final = re.compile(r"(?<=[A-Za-zÄÖÅäöå])-[ \t]*\r?\n[ \t]*(?=[A-ZÄÖÅ])")


def flat(text: str) -> str:
    """*text* on one line, whitespace collapsed, words broken with a hyphen joined."""
    if "-" in text and "\n" in text:
        text = _BROKEN_NAME.sub("-", _BROKEN_WORD.sub(_join_broken, text))
    return " ".join(text.split())


def _sentence(text: str) -> str:
    """*text* as a sentence: one line, capitalised, ending in a full stop."""
    line = flat(text).strip(" ,;:-–")
    if not line:
        return ""
    line = line[:1].upper() + line[1:]
    return line if line.endswith((".", "!", "?", ")")) else line + "."


def email_of(text: str) -> str | None:
    """The e-mail address in *text*, written out if it was obfuscated ("info(a)esimerkki.fi")."""
    found = _EMAIL_LOOSE.search(text)
    if found is None:
        return None
    written = _DOT_OBFUSCATED.sub(".", _EMAIL_OBFUSCATED.sub("@", found.group(0)))
    return written if _EMAIL.fullmatch(written) else None


def _short_name(text: str, limit: int = 80) -> str:
    line = capitalise(text)
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > 20 else limit].rstrip(" ,;:") + " …"


@attrs.define
class Mapping:
    """A span of the text and the field of the draft it went into."""

    start: int
    end: int
    field: str


@attrs.define
class Remark:
    """Something the importer noticed at a place in the text (becomes a finding)."""

    code: str
    start: int
    end: int
    subject: str


# ------------------------------------------------------------------- builder


@attrs.define
class _Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    street: str | None = None
    postal_code: str | None = None
    town: str | None = None

    def point(self) -> ContactPoint | None:
        address = self.address()
        if not (self.email or self.phone or self.url or address):
            return None
        return ContactPoint(
            name=self.name, email=self.email, phone=self.phone, url=self.url, address=address
        )

    def address(self) -> Address | None:
        if not (self.street or self.postal_code or self.town):
            return None
        return Address(street=self.street, postal_code=self.postal_code, town=self.town)


class Builder:
    """Collects the fields of a draft and where in the text each came from."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.mapped: list[Mapping] = []
        self.remarks: list[Remark] = []
        self.notes: dict[str, list[str]] = {}
        self.controller = _Contact()
        self.business_id: str | None = None
        self.contact = _Contact()
        self.dpo = _Contact()
        self.name: str | None = None
        self.description: list[tuple[int, int, str]] = []
        self.provision: list[tuple[int, int, str]] = []
        self.purposes: list[dict[str, str | None]] = []
        self.categories: list[dict[str, str | bool | None]] = []
        self.subjects: list[dict[str, str | None]] = []
        self.sources: list[Source] = []
        self.recipients: list[dict[str, str | None]] = []
        self.transfers: list[str] = []
        self.none_stated: dict[NoneStated, None] = {}
        self.retention: list[dict[str, str | Duration | RetentionTrigger | None]] = []
        self.security: list[tuple[SecurityKind | None, str]] = []
        self.rights: dict[Right, None] = {}
        self.rights_exercise: list[str] = []
        self._seen: dict[str, set[str]] = {}
        self._keys: dict[str, set[str]] = {"source": set(CATALOG)}
        self._source_index: dict[str, int] = {}
        self.recipient_tail = False
        self.transfer_tail = ""

    # -- bookkeeping
    def map(self, start: int, end: int, field: str) -> None:
        if end > start:
            self.mapped.append(Mapping(start, end, field))

    def note(self, path: str, message: str) -> None:
        notes = self.notes.setdefault(path, [])
        if message not in notes:
            notes.append(message)

    def _new(self, kind: str, text: str) -> bool:
        """Whether *text* is new among the *kind* texts (duplicates are merged)."""
        seen = self._seen.setdefault(kind, set())
        key = flat(text).casefold().rstrip(".")
        if key in seen:
            return False
        seen.add(key)
        return True

    def key(self, kind: str, name: str, fallback: str) -> str:
        used = self._keys.setdefault(kind, set())
        base = slugify(name) or fallback
        key, number = base, 2
        while key in used:
            key = f"{base}-{number}"
            number += 1
        used.add(key)
        return key

    # -- fields
    def add_purpose(
        self, name: str, description: str | None, start: int, end: int, *, remark: str | None
    ) -> None:
        if not _meaningful(name):
            return
        if self._new("purpose", name):
            index = len(self.purposes)
            self.purposes.append({"name": name, "description": description})
            if remark is not None:
                self.note(f"purposes[{index}]", remark)
        self.map(start, end, "purposes")

    def add_category(self, name: str, description: str | None, start: int, end: int) -> None:
        if not _meaningful(name):
            return
        text = f"{name} {description or ''}"
        if self._new("category", name):
            same = description is not None and flat(description).rstrip(".") == name.rstrip(".")
            self.categories.append(
                {
                    "name": name,
                    "description": None if same else description,
                    "hetu": _HETU_WORDS.search(text.casefold()) is not None,
                }
            )
        self.map(start, end, "data_categories")

    def add_subject(self, name: str, description: str | None, start: int, end: int) -> None:
        if not _meaningful(name):
            return
        if self._new("subject", name):
            self.subjects.append({"name": name, "description": description})
        self.map(start, end, "data_subjects")

    def add_source(self, source: Source, start: int, end: int, said: str | None = None) -> None:
        if CATALOG.get(source.key) == source:
            ident = source.key
        else:
            ident = "text:" + flat(str(source.data or source.name)).casefold().rstrip(".")
        index = self._source_index.get(ident)
        if index is None:
            index = len(self.sources)
            self.sources.append(source)
            self._source_index[ident] = index
        if said is not None:
            self.note(f"sources[{index}]", f"the notice says: {said}")
        self.map(start, end, f"sources[{index}]")

    def add_recipient(self, description: str, name: str | None, start: int, end: int) -> None:
        if not _meaningful(description):
            return
        self.recipient_tail = self._new("recipient", description)
        if self.recipient_tail:
            self.recipients.append({"description": description, "name": name})
        self.map(start, end, "recipients")

    def extend_recipient(self, sentence: str, start: int, end: int) -> None:
        """Add a sentence that goes on about the last recipient (once, if it is new)."""
        if self.recipient_tail and self.recipients and self._new("continuation", sentence):
            last = self.recipients[-1]
            last["description"] = f"{last['description']} {sentence}"
        self.map(start, end, "recipients")

    def add_transfer(self, sentence: str, start: int, end: int) -> None:
        if self._new("transfer", sentence):
            self.transfers.append(sentence)
        self.map(start, end, "transfers")

    def add_retention(self, sentence: str, start: int, end: int, *, new_rule: bool) -> None:
        low = sentence.casefold()
        statute = "kirjanpitolaki 1336/1997" if _STATUTE.search(low) else None
        period, trigger = _period(low)
        if not self._new("retention", sentence):
            self.map(start, end, "retention")
            return
        last = self.retention[-1] if self.retention else None
        fresh = bool(
            new_rule or last is None or statute or period or last["statute"] or last["period"]
        )
        if period is None and _UNTIL_END.search(low):
            index = len(self.retention) - (0 if fresh else 1)
            self.note(
                f"retention[{index}]",
                "kept while the customer relationship lasts: give a period and "
                'trigger = "end_of_customer_relationship" if one applies',
            )
        if fresh or last is None:
            self.retention.append(
                {"description": sentence, "statute": statute, "period": period, "trigger": trigger}
            )
        else:
            last["description"] = f"{last['description']} {sentence}"
        self.map(start, end, "retention")

    def add_security(
        self,
        kind: SecurityKind | None,
        sentence: str,
        start: int,
        end: int,
        *,
        prefix: str | None,
        new: bool,
    ) -> None:
        if not self._new("security", sentence):
            self.map(start, end, "security")
            return
        if not new and self.security and self.security[-1][0] is kind:
            previous = self.security[-1]
            self.security[-1] = (kind, f"{previous[1]} {sentence}")
        else:
            self.security.append((kind, f"{prefix}: {sentence}" if prefix else sentence))
        self.map(start, end, "security")

    def add_provision(self, text: str, start: int, end: int) -> None:
        if self._new("provision", text):
            self.provision.append((start, end, text))
        self.map(start, end, "provision_requirement")

    def add_description(self, text: str, start: int, end: int) -> None:
        if self._new("description", text):
            self.description.append((start, end, text))
        self.map(start, end, "description")

    def _joined(self, parts: list[tuple[int, int, str]]) -> str:
        return _paragraphs(self.text, parts)

    # -- the register
    def build(self) -> Register:
        """Return the draft register; never raises for what the builder collected."""
        try:
            return self._build()
        except InvalidRegisterError:  # pragma: no cover - a rule the builder should keep
            self.note("", "the draft broke a rule of the model; some fields were dropped")
            return Register(controller=self._controller(), rights=tuple(self.rights))

    def _controller(self) -> Controller:
        return Controller(
            name=self.controller.name,
            business_id=self.business_id,
            address=self.controller.address(),
            contact=attrs.evolve(
                self.controller, name=None, street=None, postal_code=None, town=None
            ).point(),
            dpo=self.dpo.point(),
        )

    def _build(self) -> Register:
        categories = tuple(
            DataCategory(
                key=self.key("category", str(c["name"]), "category"),
                name=LocalizedText(fi=str(c["name"])),
                description=_text(c["description"]),
                personal_identity_code=bool(c["hetu"]),
            )
            for c in self.categories
        )
        purposes = tuple(
            Purpose(
                key=self.key("purpose", str(p["name"]), "purpose"),
                name=LocalizedText(fi=str(p["name"])),
                description=_text(p["description"]),
                direct_marketing=_DIRECT_MARKETING.search(str(p["name"]).casefold()) is not None,
            )
            for p in self.purposes
        )
        subjects = tuple(
            DataSubjectCategory(
                key=self.key("subject", str(s["name"]), "subjects"),
                name=LocalizedText(fi=str(s["name"])),
                description=_text(s["description"]),
            )
            for s in self.subjects
        )
        recipients = tuple(
            Recipient(description=LocalizedText(fi=str(r["description"])), name=r["name"])
            for r in self.recipients
        )
        transfers = tuple(Transfer(description=LocalizedText(fi=t)) for t in self.transfers)
        none_stated = dict(self.none_stated)
        if transfers and NoneStated.TRANSFERS in none_stated:
            del none_stated[NoneStated.TRANSFERS]
            self.note("transfers", "the notice both denies and describes transfers; check")
        if recipients and NoneStated.RECIPIENTS in none_stated:
            del none_stated[NoneStated.RECIPIENTS]
        retention = tuple(
            RetentionRule(
                description=LocalizedText(fi=str(r["description"])),
                statute=r["statute"] if isinstance(r["statute"], str) else None,
                period=r["period"] if isinstance(r["period"], Duration) else None,
                trigger=r["trigger"] if isinstance(r["trigger"], RetentionTrigger) else None,
            )
            for r in self.retention
        )
        security = tuple(
            SecurityMeasure(description=LocalizedText(fi=text), kind=kind)
            for kind, text in self.security
        )
        description = self._joined(self.description)
        return Register(
            controller=self._controller(),
            name=_text(self.name),
            description=_text(description),
            contact_person=self.contact.point(),
            data_subjects=subjects,
            data_categories=categories,
            purposes=purposes,
            sources=tuple(self.sources),
            recipients=recipients,
            transfers=transfers,
            retention=retention,
            security=security,
            rights=tuple(right for right in Right if right in self.rights),
            rights_exercise=_text("\n\n".join(self.rights_exercise)),
            provision_requirement=_text(self._joined(self.provision)),
            none_stated=tuple(none_stated),
        )


def _paragraphs(text: str, parts: list[tuple[int, int, str]]) -> str:
    """Join sentences: with a space within a paragraph, a blank line between paragraphs."""
    out: list[str] = []
    previous_end: int | None = None
    for start, end, sentence in sorted(parts):
        if (
            out
            and previous_end is not None
            and not re.search(r"\n[ \t\r]*\n", text[previous_end:start])
        ):
            out[-1] = f"{out[-1]} {sentence}"
        else:
            out.append(sentence)
        previous_end = end
    return "\n\n".join(out)


def _text(value: object) -> LocalizedText | None:
    if isinstance(value, str) and value.strip():
        return LocalizedText(fi=value.strip())
    return None


def _period(low: str) -> tuple[Duration | None, RetentionTrigger | None]:
    trigger = next((t for t, cue in _TRIGGERS if cue.search(low)), None)
    found = _MONTHS.search(low)
    if trigger is None or found is None:
        return None, None
    number = found.group("n")
    amount = int(number) if number.isdigit() else _NUMBER_WORDS[number]
    if amount == 0:
        return None, None
    unit = found.group("unit")
    if unit.startswith(("vuo", "år")):
        return Duration(years=amount), trigger
    if unit.startswith(("kuu", "kk", "mån")):
        return Duration(months=amount), trigger
    return Duration(days=amount), trigger


# ------------------------------------------------------------------ sections


class Extractor:
    """Maps the sections of a notice onto a :class:`Builder`."""

    def __init__(self, text: str, sections: list[Section]) -> None:
        self.text = text
        self.sections = sections
        self.out = Builder(text)

    def run(self) -> Builder:
        for index, section in enumerate(self.sections):
            if section.heading is not None:
                self._heading(section, index)
            if section.kind in _LINE_SECTIONS:
                self._lines(section)
            elif section.kind is SectionKind.NAME:
                self._name(section)
            elif section.kind in _RIGHTS_SECTIONS:
                self._rights(section)
            else:
                self._units(section)
        self._scan_business_ids()
        return self.out

    def _heading(self, section: Section, index: int) -> None:
        piece = section.heading
        assert piece is not None
        if section.kind is None:
            self.out.remarks.append(
                Remark("I001", piece.start, piece.end, flat(self.text[piece.start : piece.end]))
            )
            return
        self.out.map(piece.start, piece.end, f"heading:{section.kind.value}")
        following = index + 1
        has_parts = following < len(self.sections) and self.sections[following].kind in {
            SectionKind.SECURITY_MANUAL,
            SectionKind.SECURITY_ELECTRONIC,
        }
        if not section.pieces and section.kind is not SectionKind.TITLE and not has_parts:
            self.out.remarks.append(
                Remark("I005", piece.start, piece.end, heading_text(self.text, piece))
            )

    # -- controller, contact and DPO: label lines
    def _lines(self, section: Section) -> None:
        target = {
            SectionKind.CONTROLLER: self.out.controller,
            SectionKind.CONTACT: self.out.contact,
            SectionKind.DPO: self.out.dpo,
        }[section.kind]  # type: ignore[index] # only line sections come here
        path = {SectionKind.CONTROLLER: "controller", SectionKind.CONTACT: "contact_person",
                SectionKind.DPO: "controller.dpo"}[section.kind]  # type: ignore[index] # fmt: skip
        # Labels waiting for their values, in order: one ("Nimi:" on its own line),
        # or a table's header row ("Nimi | Osoite | Puhelin") before its data row.
        pending: list[str] = []
        for piece in section.pieces:
            for line_start, end in piece.lines:
                start = line_start
                line = self.text[start:end]
                if piece.kind == "item" and start == piece.start:
                    line = self.text[piece.content_start : end]
                    start = piece.content_start
                if _label_only(line):
                    pending.append(line.strip().rstrip(":"))
                    self.out.map(start, end, path)
                    continue
                if pending and _LABEL.match(line) is None:
                    line = f"{pending.pop(0)}: {line}"
                target_now = target
                if (
                    section.kind is SectionKind.CONTROLLER
                    and self.out.contact.name
                    and target is self.out.controller
                ):
                    target_now = self.out.contact if _is_channel(line) else target
                if self._line(line, target_now, path, start, end):
                    continue
                # not contact data: perhaps a sentence
                self._sentence_unit(section.kind, start, end, inherit=None)

    def _line(self, line: str, target: _Contact, path: str, start: int, end: int) -> bool:
        label = _LABEL.match(line)
        if label is not None:
            return self._labelled(
                label.group("label").casefold(),
                label.group("value"),
                target,
                path,
                start=start,
                end=end,
            )
        stripped = line.strip()
        email = email_of(stripped)
        if email is not None and target.name is None:
            # "Kalle Kanerva, kalle(at)example.com": a name before the address
            found = _EMAIL_LOOSE.search(stripped)
            before = stripped[: found.start()].strip(" ,;:-–") if found else ""
            if 2 < len(before) <= 60 and not any(c.isdigit() or c == "@" for c in before):
                self._set(target, "name", before, path, start=start, end=end)
                stripped = stripped[found.start() :] if found else stripped
        if email is not None and len(stripped) <= len(email) + 20:
            return self._set(
                target, "email", email, path, start=start, end=end, obfuscated=email not in stripped
            )
        found = _YTUNNUS.search(stripped)
        if found is not None and len(stripped) <= 30:
            return self._business_id(found.group(1), path, start, end)
        both = _STREET_POSTCODE.match(stripped)
        if both is not None and _STREET.match(both.group("street").strip()):
            self._set(
                target, "street", both.group("street").strip(" ,"), path, start=start, end=end
            )
            self._set(target, "postal_code", both.group("code"), path, start=start, end=end)
            return self._set(target, "town", both.group("town"), path, start=start, end=end)
        postal = _POSTCODE_TOWN.match(stripped)
        if postal is not None:
            self._set(target, "postal_code", postal.group(1), path, start=start, end=end)
            return self._set(target, "town", postal.group(2), path, start=start, end=end)
        phone = _PHONE.fullmatch(stripped)
        if phone is not None and sum(c.isdigit() for c in stripped) >= 6:
            return self._set(target, "phone", flat(stripped), path, start=start, end=end)
        if _STREET.match(stripped):
            return self._set(target, "street", stripped, path, start=start, end=end)
        url = _URL.fullmatch(stripped)
        if url is not None:
            return self._set(target, "url", stripped, path, start=start, end=end)
        if "," in stripped and len(stripped) <= 200 and not stripped.endswith((".", "!", "?")):
            # "Esimerkki Oy, Katu 1, 00100 Helsinki, puh. 09 123 4567": one part at a time,
            # each mapped on its own, so that a part nothing takes stays unmatched.
            offset = self.text.find(stripped, start, end)  # -1: a label was put in front
            results = []
            position = 0
            for part in stripped.split(","):
                if part:
                    part_start = offset + position if offset >= 0 else start
                    part_end = part_start + len(part) if offset >= 0 else end
                    results.append(self._line(part, target, path, part_start, part_end))
                position += len(part) + 1
                if offset >= 0 and position <= len(stripped):
                    self.out.map(offset + position - 1, offset + position, path)  # the comma
            return any(results)
        if target.name is None and len(stripped) <= 80 and not stripped.endswith((".", "!", "?")):
            return self._set(target, "name", stripped.rstrip(":"), path, start=start, end=end)
        return False

    def _labelled(
        self, label: str, value: str, target: _Contact, path: str, *, start: int, end: int
    ) -> bool:
        value = value.strip()
        if not value:
            self.out.map(start, end, path)
            return True
        if "tunnus" in label or "nummer" in label or label == "business id":
            found = _YTUNNUS.search(value) or _YTUNNUS_VALUE.search(value)
            if found is None:
                return False
            written = found.group(0)
            return self._business_id(_compact_ytunnus(written), path, start, end, written=written)
        if label.startswith(("puh", "p.", "tel", "tfn", "gsm", "matka", "vaihde", "phone")):
            return self._set(target, "phone", flat(value), path, start=start, end=end)
        if label.startswith(("sähköposti", "s-posti", "e-mail", "email", "e-post")):
            email = email_of(value)
            if email is None:
                return False
            return self._set(
                target, "email", email, path, start=start, end=end, obfuscated=email not in value
            )
        if label.startswith(("www", "koti", "verkko", "webb", "website", "url")):
            return self._set(target, "url", value, path, start=start, end=end)
        if label.startswith(("postinumero", "postitoimipaikka")):
            postal = _POSTCODE_TOWN.match(value)
            if postal is None:
                return False
            self._set(target, "postal_code", postal.group(1), path, start=start, end=end)
            return self._set(target, "town", postal.group(2), path, start=start, end=end)
        if "osoite" in label or "adress" in label or label == "address":
            both = _STREET_POSTCODE.match(value)
            if both is not None:
                self._set(
                    target, "street", both.group("street").strip(" ,"), path, start=start, end=end
                )
                self._set(target, "postal_code", both.group("code"), path, start=start, end=end)
                return self._set(target, "town", both.group("town"), path, start=start, end=end)
            postal = _POSTCODE_TOWN.match(value)
            if postal is not None:
                self._set(target, "postal_code", postal.group(1), path, start=start, end=end)
                return self._set(target, "town", postal.group(2), path, start=start, end=end)
            return self._set(target, "street", value, path, start=start, end=end)
        if label.startswith(("yhteyshenkilö", "kontaktperson", "contact", "vastuuhenkilö")):
            return self._set(
                self.out.contact, "name", value, "contact_person", start=start, end=end
            )
        return self._set(target, "name", value, path, start=start, end=end)

    def _set(
        self,
        target: _Contact,
        field: str,
        value: str,
        path: str,
        *,
        start: int,
        end: int,
        obfuscated: bool = False,
    ) -> bool:
        value = value.strip()
        if not value:
            return False
        if field == "postal_code" and not re.fullmatch(r"[0-9]{5}", value):
            return False
        if getattr(target, field) is None:
            setattr(target, field, value)
            if obfuscated:
                self.out.remarks.append(Remark("I011", start, end, value))
        elif getattr(target, field) != value:
            self.out.note(path, f"the notice gives another {field.replace('_', ' ')} too: {value}")
        self.out.map(start, end, path)
        return True

    def _business_id(
        self, value: str, path: str, start: int, end: int, *, written: str | None = None
    ) -> bool:
        written = written or value
        if not ytunnus.is_valid(value):
            self.out.remarks.append(Remark("I002", start, end, written))
            self.out.map(start, end, path)
            return True
        canonical = ytunnus.validate(value)
        if path in {"controller", "controller.business_id"}:
            if self.out.business_id is None:
                self.out.business_id = canonical
                if canonical != written:
                    # a legacy 6+1 form padded, a VAT number or a space: say so
                    self.out.note(
                        "controller",
                        f"the notice writes the Y-tunnus as {written}; "
                        f"the draft has it in the standard form {canonical}",
                    )
            elif self.out.business_id != canonical:
                self.out.note("controller", f"the notice gives another Y-tunnus too: {canonical}")
            self.out.map(start, end, "controller.business_id")
        else:
            self.out.note(path, f"Y-tunnus in this part of the notice: {canonical}")
            self.out.map(start, end, path)
        return True

    def _scan_business_ids(self) -> None:
        """Report labelled Y-tunnukset anywhere whose checksum is wrong."""
        reported = {(r.start, r.end) for r in self.out.remarks if r.code == "I002"}
        for found in _YTUNNUS_ANY.finditer(self.text):
            value = found.group("id")
            if ytunnus.is_valid(_compact_ytunnus(value)):
                continue
            if any(s <= found.start("id") < e for s, e in reported):
                continue
            self.out.remarks.append(Remark("I002", found.start("id"), found.end("id"), value))

    # -- register name
    def _name(self, section: Section) -> None:
        for index, piece in enumerate(section.pieces):
            value = flat(self.text[piece.content_start : piece.end])
            if index == 0 and self.out.name is None and len(value) <= 200:
                self.out.name = capitalise(value)
                self.out.map(piece.start, piece.end, "name")
            else:
                self._sentence_unit(SectionKind.TITLE, piece.start, piece.end, inherit=None)

    # -- rights
    def _rights(self, section: Section) -> None:
        texts = [flat(self.text[p.content_start : p.end]) for p in section.pieces]
        body = " ".join(text for text in texts if text)
        if not body:
            return
        heading = heading_text(self.text, section.heading) if section.heading else None
        self.out.rights_exercise.append(f"{heading}: {body}" if heading else body)
        low = body.casefold()
        for right, cue in _RIGHT_CUES:
            if cue.search(low):
                self.out.rights[right] = None
        for piece in section.pieces:
            self.out.map(piece.start, piece.end, "rights_exercise")

    # -- everything else: sentences and list items
    def _units(self, section: Section) -> None:
        pieces = section.pieces
        i = 0
        new_rule = True
        while i < len(pieces):
            piece = pieces[i]
            if piece.kind == "item":
                self._item(section, piece)
                i += 1
                new_rule = True
                continue
            # A run: paragraphs joined while one does not end a sentence.
            j = i
            while (
                j + 1 < len(pieces)
                and pieces[j + 1].kind == "para"
                and not self.text[pieces[j].start : pieces[j].end]
                .rstrip()
                .endswith((".", "!", "?", ":", ";"))
            ):
                j += 1
            start, end = pieces[i].start, pieces[j].end
            followed_by_list = j + 1 < len(pieces) and pieces[j + 1].kind == "item"
            inherit: str | None = None
            spans = sentences(self.text, start, end)
            for number, (s, e) in enumerate(spans):
                last = number == len(spans) - 1
                inherit = self._sentence_unit(
                    section.kind,
                    s,
                    e,
                    inherit=inherit,
                    lead_in=last and followed_by_list,
                    section=section,
                    new_rule=new_rule and number == 0,
                )
            new_rule = True
            i = j + 1

    def _item(self, section: Section, piece: Piece) -> None:
        start, end = piece.start, piece.end
        item = flat(self.text[piece.content_start : end])
        if not _meaningful(item):
            return
        kind = section.kind
        routed = self._cross(kind, item.casefold())
        if routed in {"transfers", "retention", "recipients"} or (
            routed is not None
            and kind not in {SectionKind.SOURCES, SectionKind.CONTENT, SectionKind.PURPOSES}
        ):
            self._sentence_unit(kind, start, end, inherit=None, section=section, text=item)
            return
        if kind is SectionKind.PURPOSES:
            listed = purposes_in(item)
            phrase = None if listed else noun_phrase(item, search=False)
            names = listed or [phrase or capitalise(item)]
            remark = _NOMINATIVE if listed or phrase else None
            for name in names:
                self.out.add_purpose(name, None, start, end, remark=remark)
        elif kind is SectionKind.CONTENT:
            self._content_item(item, start, end)
        elif kind is SectionKind.SOURCES:
            self._source(item, start, end, is_item=True)
        else:
            self._sentence_unit(kind, start, end, inherit=None, section=section, text=item)

    def _content_item(self, item: str, start: int, end: int) -> None:
        name, _, rest = item.partition(" (")
        description = None
        if rest and item.endswith(")"):
            description = _sentence(rest[:-1])
        else:
            name = item
        head = re.split(r",?\s+jotka\s+|,\s+joi", name, maxsplit=1)[0]
        if _PERSON_WORDS.search(head.casefold()):
            full = _sentence(item)
            short = capitalise(head)
            self.out.add_subject(
                short,
                description or (full if flat(full).rstrip(".") != short else None),
                start,
                end,
            )
            return
        self.out.add_category(
            capitalise(name), _sentence(item) if description is None else description, start, end
        )

    def _cross(self, kind: SectionKind | None, low: str) -> str | None:
        """The field that a cue in the sentence sends it to, whatever the section says."""
        if kind not in _CROSS_CUED:
            return None
        if (
            _TRANSFER_WHERE.search(low)
            and _TRANSFER_AREA.search(low)
            and (re.search(r"siirr|siirt|luovut|överför|lämnas|transfer", low))
        ):
            return "transfers"
        if (
            kind not in _SECURITY_SECTIONS
            and kind is not SectionKind.RETENTION
            and _RETENTION.search(low)
        ):
            return "retention"
        if (
            kind != SectionKind.DISCLOSURES
            and _DISCLOSURE.search(low)
            and not _NOT_DISCLOSURE.search(low)
        ):
            return "recipients"
        if (
            kind not in {SectionKind.SOURCES, SectionKind.PURPOSES}
            and kind not in _SECURITY_SECTIONS
            and (_SOURCE.search(low) or _DATA_SUBJECT.search(low))
        ):
            return "sources"
        if kind in {None, SectionKind.TITLE}:
            if _CONTROLLER_CUE.search(low) and (
                _COMPANY.search(low.title()) or _YTUNNUS.search(low)
            ):
                return "controller"
            if purposes_in(low):
                return "purposes"
            if _CONTENT_CUE.search(low):
                return "data_categories"
            if _SECURITY_CUE.search(low):
                return "security"
            if _RIGHTS_CUE.search(low):
                return "rights_exercise"
        return None

    def _sentence_unit(
        self,
        kind: SectionKind | None,
        start: int,
        end: int,
        *,
        inherit: str | None,
        lead_in: bool = False,
        section: Section | None = None,
        new_rule: bool = True,
        text: str | None = None,
    ) -> str | None:
        """Send one sentence to its field; return the field if it came from a cue."""
        sentence = flat(text if text is not None else self.text[start:end])
        if not _meaningful(sentence):
            return None
        low = sentence.casefold()
        field = self._cross(kind, low)
        cued = field is not None
        continued = False
        if (
            field is None
            and inherit is not None
            and (_DEMONSTRATIVE.match(sentence) or not self._has_home(kind, low))
        ):
            field, cued, continued = inherit, True, True
        if (
            field is None
            and kind not in {SectionKind.PURPOSES, None}
            and self._about_purpose(sentence, start, end)
        ):
            return None
        if field is None:
            field = self._default(kind, low, lead_in=lead_in)
        if field is None:
            return None
        self._send(
            field,
            kind,
            sentence,
            start,
            end,
            section=section,
            lead_in=lead_in,
            new_rule=new_rule,
            continued=continued,
        )
        return field if cued else None

    def _about_purpose(self, sentence: str, start: int, end: int) -> bool:
        """Attach a sentence about one known purpose, outside the purpose section, to it.

        "Asiakastietoja voidaan käyttää markkinointiviestintään vain ... toimesta"
        in a retention section describes the purpose "Markkinointi".
        """
        names = purposes_in(sentence)
        if not names or len(names) != 1 or not self.out.purposes:
            return False
        said = names[0].casefold()
        matches = [
            index
            for index, purpose in enumerate(self.out.purposes)
            if len(known := str(purpose["name"]).casefold()) >= 6 and said.startswith(known)
        ]
        if len(matches) != 1:
            return False
        purpose = self.out.purposes[matches[0]]
        if self.out._new("purpose-description", sentence):  # noqa: SLF001 - the builder's own dedupe
            described = purpose["description"]
            purpose["description"] = f"{described} {sentence}" if described else sentence
        self.out.map(start, end, f"purposes[{matches[0]}]")
        return True

    def _has_home(self, kind: SectionKind | None, low: str) -> bool:
        if kind is SectionKind.RETENTION:
            return _RETENTION.search(low) is not None
        return (
            kind not in {None, SectionKind.TITLE, SectionKind.CHANGES}
            and kind not in _SECURITY_SECTIONS
        )

    def _default(self, kind: SectionKind | None, low: str, *, lead_in: bool) -> str | None:
        if kind is SectionKind.PURPOSES:
            listed = purposes_in(low) or listed_purposes(low)
            return "purposes" if listed or lead_in else "description"
        if kind is SectionKind.RETENTION:
            if _RETENTION.search(low) or "säily" in low or "poist" in low:
                return "retention"
            return "description"
        return {
            SectionKind.TITLE: "description",
            SectionKind.CHANGES: "description",
            SectionKind.COOKIES: "description",
            SectionKind.CONTENT: "data_categories",
            SectionKind.SOURCES: "sources",
            SectionKind.DISCLOSURES: "recipients",
            SectionKind.TRANSFERS: "transfers",
            SectionKind.SECURITY: "security",
            SectionKind.SECURITY_MANUAL: "security",
            SectionKind.SECURITY_ELECTRONIC: "security",
            SectionKind.PROVISION: "provision_requirement",
            SectionKind.CONTROLLER: None,
            SectionKind.CONTACT: None,
            SectionKind.DPO: None,
        }.get(kind)  # type: ignore[arg-type] # None (no section) maps to None

    def _send(
        self,
        field: str,
        kind: SectionKind | None,
        sentence: str,
        start: int,
        end: int,
        *,
        section: Section | None,
        lead_in: bool,
        new_rule: bool,
        continued: bool,
    ) -> None:
        out = self.out
        low = sentence.casefold()
        if field == "purposes":
            self._purposes(kind, sentence, start, end, lead_in=lead_in)
        elif field == "data_categories":
            if lead_in and sentence.endswith(":"):
                out.map(start, end, "data_categories")
            else:
                out.add_category(_category_name(sentence), sentence, start, end)
        elif field == "sources":
            if lead_in and sentence.endswith(":"):
                out.map(start, end, "sources")
            else:
                self._source(sentence, start, end, is_item=False)
        elif field == "recipients":
            if continued and out.recipients:
                out.extend_recipient(sentence, start, end)
            elif _NEGATIVE.search(low) and not _EXCEPTION.search(low) and _DISCLOSURE.search(low):
                out.none_stated[NoneStated.RECIPIENTS] = None
                out.add_description(sentence, start, end)
            else:
                out.add_recipient(
                    sentence, _recipient_name(sentence, out.controller.name), start, end
                )
        elif field == "transfers":
            self._transfer(sentence, low, start, end, continued=continued)
        elif field == "retention":
            out.add_retention(sentence, start, end, new_rule=new_rule and not continued)
        elif field == "security":
            prefix = section.heading.sub if section is not None and section.heading else None
            out.add_security(
                _security_kind(low, kind), sentence, start, end, prefix=prefix, new=new_rule
            )
        elif field == "controller":
            self._prose_controller(sentence, start, end)
        elif field == "provision_requirement":
            out.add_provision(sentence, start, end)
        elif field == "rights_exercise":
            if out._new("rights_exercise", sentence):  # noqa: SLF001 - the builder's own dedupe
                out.rights_exercise.append(sentence)
            for right, cue in _RIGHT_CUES:
                if cue.search(low):
                    out.rights[right] = None
            out.map(start, end, "rights_exercise")
        else:
            out.add_description(sentence, start, end)

    def _purposes(
        self, kind: SectionKind | None, sentence: str, start: int, end: int, *, lead_in: bool
    ) -> None:
        out = self.out
        names = purposes_in(sentence)
        if names is None and kind is SectionKind.PURPOSES and not lead_in:
            names = listed_purposes(sentence)
        if names:
            words = len(sentence.split())
            for name in names:
                described = len(names) == 1 and words > len(name.split()) + 6
                out.add_purpose(
                    name, sentence if described else None, start, end, remark=_NOMINATIVE
                )
        elif lead_in:
            out.map(start, end, "purposes")
        else:
            out.add_description(sentence, start, end)

    def _transfer(self, sentence: str, low: str, start: int, end: int, *, continued: bool) -> None:
        out = self.out
        where = _TRANSFER_WHERE.search(low)
        clause = low[where.end() :] if where else low
        clause = re.split(r"\beikä\b|\.\s", clause, maxsplit=1)[0]
        if continued:
            # A sentence that goes on about the last transfer statement.
            if out.transfer_tail == "transfer" and out.transfers:
                if out._new("continuation", sentence):  # noqa: SLF001 - the builder's own dedupe
                    out.transfers[-1] = f"{out.transfers[-1]} {sentence}"
                out.map(start, end, "transfers")
            else:
                out.add_description(sentence, start, end)
            return
        if (
            _NEGATIVE.search(low)
            and not _EXCEPTION.search(clause)
            and not _EXCEPTION.search(low[: where.start()] if where else "")
        ):
            out.none_stated[NoneStated.TRANSFERS] = None
            out.transfer_tail = "none"
            out.add_description(sentence, start, end)
            out.map(start, end, "none_stated")
            if _DISCLOSURE.search(low) and _EXCEPTION.search(low):
                # "... eikä luovuteta kolmansille osapuolille pois lukien viranomaisille"
                out.add_recipient(sentence, None, start, end)
            return
        out.transfer_tail = "transfer" if out._new("transfer-tail", sentence) else ""  # noqa: SLF001
        out.add_transfer(sentence, start, end)
        if re.search(
            r"vakiosopimuslauseke|mallilauseke|standard contractual|standardavtalsklausul", low
        ):
            out.note(
                f"transfers[{len(out.transfers) - 1}]",
                f"mechanism may be {TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES.value}",
            )

    def _source(self, text: str, start: int, end: int, *, is_item: bool) -> None:
        out = self.out
        low = text.casefold()
        found = [key for key, cue in _CATALOG_CUES if cue.search(low)]
        if _DATA_SUBJECT.search(low) or re.fullmatch(
            r"(?:asiakkaan|rekisteröidyn|jäsenen) (?:itse )?ilmoittamat tiedot\.?", low
        ):
            found.insert(0, "data-subject")
        if found:
            said = (
                text
                if len(found) == 1 and len(text) > len(str(CATALOG[found[0]].name)) + 5
                else None
            )
            for key in found:
                out.add_source(CATALOG[key], start, end, said=said)
            return
        name = _short_name(
            re.sub(
                r"^(?:tietoja|tiedot) (?:saadaan|voidaan saada)(?: myös)? ",
                "",
                text,
                flags=re.IGNORECASE,
            )
        )
        if not _meaningful(name):  # "Tiedot saadaan -": keep the whole sentence as the name
            name = _short_name(text)
        data = _sentence(text)
        source = Source(
            key=out.key("source", name, "source"),
            name=LocalizedText(fi=name),
            data=LocalizedText(fi=data),
        )
        out.add_source(source, start, end)
        if not is_item:
            out.note(f"sources[{len(out.sources) - 1}]", "name taken from the sentence; shorten it")

    def _prose_controller(self, sentence: str, start: int, end: int) -> None:
        out = self.out
        company = _COMPANY.search(sentence)
        if company is not None and out.controller.name is None:
            out.controller.name = company.group(1)
        business = _YTUNNUS.search(sentence)
        if business is not None:
            self._business_id(business.group(1), "controller", start, end)
        email = email_of(sentence)
        if email is not None and out.controller.email is None:
            out.controller.email = email
        address = re.search(
            r"([A-ZÄÖÅ][\w\-]+(?:[ \t][\w\-]+){0,2}[ \t][0-9]{1,4}[ \t]?[A-Za-z]?),?"
            r"[ \t]+([0-9]{5})[ \t]+([A-ZÄÖÅ][\wäöåÄÖÅ\-]+)",
            sentence,
        )
        if address is not None and out.controller.street is None:
            out.controller.street, out.controller.postal_code, out.controller.town = (
                address.groups()
            )
        phone = re.search(
            r"(?:puh(?:elin)?\.?|tel\.?|p\.)[ \t:]*(\+?[0-9][0-9 \-]{5,18}[0-9])",
            sentence,
            re.IGNORECASE,
        )
        if phone is not None and out.controller.phone is None:
            out.controller.phone = phone.group(1)
        out.note("controller", "read from a sentence, not from a controller section; check")
        out.map(start, end, "controller")


def _compact_ytunnus(written: str) -> str:
    """A Y-tunnus as written ("FI 0357502-9", "0357502 9") without spaces, prefix or odd dashes."""
    return re.sub(r"^FI-?", "", re.sub(r"[ \t]", "", written).translate(_DASHES))


def _meaningful(text: str) -> bool:
    """Whether *text* has a letter or a digit (punctuation alone is left unmatched)."""
    return any(char.isalnum() for char in text)


def _label_only(line: str) -> bool:
    return bool(line.strip()) and _LABEL.match(line.strip() + " ") is None and is_field_label(line)


def _is_channel(line: str) -> bool:
    return bool(
        email_of(line)
        or re.match(r"(?i)\s*(puh|tel|gsm|sähköposti|s-posti|e-?mail)", line)
        or _PHONE.fullmatch(line.strip())
    )


def _category_name(sentence: str) -> str:
    body = re.sub(
        r"^.{0,60}?\b(?:kattaa|käsittää|sisältää|sisältävät|koostuu|tallennetaan|kerätään"
        r"|tallennamme|keräämme)\s+(?:mm\.\s+|muun muassa\s+)?",
        "",
        sentence,
        count=1,
    )
    body = re.split(r",\s+kuten\s+|:\s", body, maxsplit=1)[0]
    return _short_name(body)


def _recipient_name(sentence: str, controller: str | None) -> str | None:
    names = {m.group(1) for m in _COMPANY.finditer(sentence)}
    names.discard(controller or "")
    return names.pop() if len(names) == 1 else None


def _security_kind(low: str, section: SectionKind | None) -> SecurityKind | None:
    if _ORGANISATIONAL.search(low):
        return SecurityKind.ORGANISATIONAL
    if _PHYSICAL.search(low):
        return SecurityKind.PHYSICAL
    if _TECHNICAL.search(low):
        return SecurityKind.TECHNICAL
    if section is SectionKind.SECURITY_MANUAL:
        return SecurityKind.PHYSICAL
    if section is SectionKind.SECURITY_ELECTRONIC:
        return SecurityKind.TECHNICAL
    return None


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping or touching spans."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out
