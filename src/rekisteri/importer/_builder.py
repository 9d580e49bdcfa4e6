"""The builder: collects the fields of a draft register and where each came from."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

import attrs

from rekisteri.errors import InvalidRegisterError, InvalidValueError
from rekisteri.importer._cues import (
    DIRECT_MARKETING,
    HETU_WORDS,
    STATUTE,
    UNTIL_END,
    bare_date,
    dates_the_notice,
    flat,
    meaningful,
    period_of,
    updated_in,
)
from rekisteri.importer._finnish import slugify
from rekisteri.importer._negation import EXCEPTION_WORDS, KEEPING_VERBS, clauses, negated
from rekisteri.importer._register_name import LEGAL_FORMS
from rekisteri.model import (
    Address,
    ContactPoint,
    Controller,
    Cookie,
    DataCategory,
    DataSubjectCategory,
    Duration,
    LocalizedText,
    NoneStated,
    Processor,
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
)
from rekisteri.sources import CATALOG

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from rekisteri.importer._cookies import FoundCookie


#: The note that the notice both denies and describes transfers (finding I010).
BOTH_WAYS: Final = "the notice both denies and describes transfers; check"


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


@attrs.define
class ContactFields:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    street: str | None = None
    po_box: str | None = None
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
        if not (self.street or self.po_box or self.postal_code or self.town):
            return None
        swedish = self.postal_code is not None and _SWEDISH_CODE.fullmatch(self.postal_code)
        return Address(
            street=self.street,
            po_box=self.po_box,
            postal_code=self.postal_code,
            town=self.town,
            country="SE" if swedish else "FI",
        )


#: A Swedish postal code ("102 33"): an address in Sweden, never a Finnish code.
_SWEDISH_CODE: Final = re.compile(r"[0-9]{3} [0-9]{2}")
#: Where a notice's title and a date line under it stand.
_TITLE_AREA: Final = 600
#: A date alone is at most this long ("12.03.2019", "2019-03-12").
_BARE_DATE_MAX: Final = 12


#: A retention sentence that names its own data: "Osakeluettelon tiedot säilytetään …"
#: after "Asukasluettelon tiedot poistetaan …" is a rule of its own, not more of the last.
_OWN_RULE: Final = re.compile(
    r"[\w-]+\s+(?:(?:henkilö)?tiedo?t|uppgifter(?:na)?|personuppgifter(?:na)?)\s+(?:\w+\s+){0,2}"
    r"(?:säilytetään|poistetaan|hävitetään|arkistoidaan|sparas|lagras|raderas|gallras|förstörs)\b"
)


class Builder:
    """Collects the fields of a draft and where in the text each came from."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.mapped: list[Mapping] = []
        self.remarks: list[Remark] = []
        self.notes: dict[str, list[str]] = {}
        self._noted: set[tuple[str, str]] = set()
        self.controller = ContactFields()
        self.business_id: str | None = None
        self.contact = ContactFields()
        self.dpo = ContactFields()
        self.name: str | None = None
        self.description: list[tuple[int, int, str]] = []
        self.provision: list[tuple[int, int, str]] = []
        self.cookie_policy: list[tuple[int, int, str]] = []
        self.processors: list[tuple[str, str | None]] = []
        """A cookie section's text that lists no cookie: what they are for, how to refuse them."""
        self.purposes: list[dict[str, str | None]] = []
        self.categories: list[dict[str, str | bool | None]] = []
        self.subjects: list[dict[str, str | None]] = []
        #: (field, index, start, end) of each purpose, category and subject, from the
        #: span that first gave it (a footnote's legend finds its entries by them)
        self.entry_spans: list[tuple[str, int, int, int]] = []
        self.sources: list[Source] = []
        self.recipients: list[dict[str, str | None]] = []
        self.transfers: list[str] = []
        self.cookies: list[FoundCookie] = []
        self.none_stated: dict[NoneStated, None] = {}
        self.retention: list[dict[str, str | Duration | RetentionTrigger | None]] = []
        self.security: list[tuple[SecurityKind | None, str]] = []
        self.rights: dict[Right, None] = {}
        self.rights_exercise: list[str] = []
        self._seen: dict[str, set[str]] = {}
        self._keys: dict[str, set[str]] = {"source": set(CATALOG)}
        #: The number to try first for a slug already taken, by (kind, slug).
        self._numbered: dict[tuple[str, str], int] = {}
        self._source_index: dict[str, int] = {}
        self.recipient_tail = False
        self.transfer_tail = ""
        self.lang = "fi"
        self.updated: date | None = None
        """The language of the notice's texts: ``"fi"``, ``"sv"`` or ``"en"``."""

    # -- bookkeeping
    def map(self, start: int, end: int, field: str) -> None:
        if end > start:
            self.mapped.append(Mapping(start, end, field))

    def note(self, path: str, message: str) -> None:
        if (path, message) not in self._noted:  # a set: thousands of notes stay linear
            self._noted.add((path, message))
            self.notes.setdefault(path, []).append(message)

    def _new(self, kind: str, text: str) -> bool:
        """Whether *text* is new among the *kind* texts (duplicates are merged)."""
        seen = self._seen.setdefault(kind, set())
        key = flat(text).casefold().rstrip(".")
        if key in seen:
            return False
        seen.add(key)
        return True

    def key(self, kind: str, name: str, fallback: str) -> str:
        """A key for *name* unused among the *kind* keys: its slug, else with the lowest free "-N".

        The search for N starts after the last number given to
        the slug (keys are only ever added, so every number below it is taken):
        the same name a thousand times costs no thousand tries each.
        """
        used = self._keys.setdefault(kind, set())
        base = slugify(name) or fallback
        key = base
        if key in used:
            number = self._numbered.get((kind, base), 2)
            key = f"{base}-{number}"
            while key in used:
                number += 1
                key = f"{base}-{number}"
            self._numbered[kind, base] = number + 1
        used.add(key)
        return key

    # -- fields
    def add_purpose(
        self, name: str, description: str | None, start: int, end: int, *, remark: str | None
    ) -> None:
        if not meaningful(name):
            return
        if self._new("purpose", name):
            index = len(self.purposes)
            self.purposes.append({"name": name, "description": description})
            self.entry_spans.append(("purposes", index, start, end))
            if remark is not None:
                self.note(f"purposes[{index}]", remark)
        self.map(start, end, "purposes")

    def add_category(self, name: str, description: str | None, start: int, end: int) -> None:
        if not meaningful(name):
            return
        # the description is a remark on the named item ("Henkilötunnus" / "Ei näy
        # laskulla."): read as one in brackets, so it never negates the name's own clause
        text = f"{name} ({description})" if description else name
        if self._new("category", name):
            same = description is not None and flat(description).rstrip(".") == name.rstrip(".")
            self.entry_spans.append(("data_categories", len(self.categories), start, end))
            self.categories.append(
                {
                    "name": name,
                    "description": None if same else description,
                    "hetu": names_identity_code(text),
                }
            )
        self.map(start, end, "data_categories")

    def add_subject(self, name: str, description: str | None, start: int, end: int) -> None:
        if not meaningful(name):
            return
        if self._new("subject", name):
            self.entry_spans.append(("data_subjects", len(self.subjects), start, end))
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
        if not meaningful(description):
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
        statute = "kirjanpitolaki 1336/1997" if STATUTE.search(low) else None
        period, trigger = period_of(low)
        if not self._new("retention", sentence):
            self.map(start, end, "retention")
            return
        last = self.retention[-1] if self.retention else None
        fresh = bool(
            new_rule
            or last is None
            or statute
            or period
            or last["statute"]
            or last["period"]
            or _OWN_RULE.match(low)
        )
        if period is None and UNTIL_END.search(low):
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

    def take_updated(self, start: int, end: int) -> bool:
        """Read a last-updated date in ``text[start:end]``; whether the span was only that."""
        found = updated_in(self.text, start, end)
        if found is None:
            return False
        s, e = self._date_read(*found)
        rest = self.text[start:s] + self.text[e:end]
        if sum(c.isalnum() for c in rest) < 4:
            return True
        if dates_the_notice(rest):
            # "Tämä seloste on viimeksi päivitetty 2.3.2024.": the whole sentence is the date
            self.map(start, end, "updated")
            return True
        return False

    def take_bare_date(self, start: int, end: int) -> bool:
        """Read ``text[start:end]`` as the notice's date if it is a date alone (see bare_date)."""
        found = bare_date(self.text, start, end)
        if found is None:
            return False
        self._date_read(*found)
        # it names no event: it may date a camp or a meeting as well as the notice (R6-11)
        self.note("updated", "a date alone under the title, read as the notice's date: check it")
        return True

    def _date_read(self, when: date, start: int, end: int) -> tuple[int, int]:
        """Keep *when* as the notice's date if it is the latest read; map its span."""
        if self.updated is None or when > self.updated:
            self.updated = when
        self.map(start, end, "updated")
        return start, end

    def add_processor(self, name: str, service: str | None, start: int, end: int) -> None:
        if self._new("processor", name):
            self.processors.append((name, service))
        self.map(start, end, "processors")

    def add_cookie_policy(self, text: str, start: int, end: int) -> None:
        if self._new("cookie_policy", text):
            self.cookie_policy.append((start, end, text))
        self.map(start, end, "cookie_policy")

    def add_description(self, text: str, start: int, end: int) -> None:
        if start < _TITLE_AREA and self.updated is None:
            text = self._without_bare_date(text, start, end)
        if text and self._new("description", text):
            self.description.append((start, end, text))
        self.map(start, end, "description")

    def _without_bare_date(self, text: str, start: int, end: int) -> str:
        """*text* without a date alone on a line of ``self.text[start:end]``, read as ``updated``.

        A notice pasted without blank lines runs its title, a date line ("12.3.2019")
        and what follows into one paragraph: the date alone on its line is the
        notice's date (as under a title of its own), not part of the description.
        """
        at = start
        while at < end:
            stop = self.text.find("\n", at, end)
            stop = end if stop < 0 else stop
            value = self.text[at:stop].strip()  # no pattern: a line of blanks costs its length
            if value and len(value) <= _BARE_DATE_MAX:
                first = self.text.index(value, at, stop)
                if self.take_bare_date(first, first + len(value)):
                    return " ".join(text.replace(value, " ", 1).split())
            at = stop + 1
        return text

    def _joined(self, parts: list[tuple[int, int, str]]) -> str:
        return paragraphs(self.text, parts)

    # -- the register
    def build(self) -> Register:
        """Return the draft register; never raises for what the builder collected."""
        if self.contact.name and self.contact.point() is None:
            # the model's contact point needs a channel: say whom the notice names
            self.note(
                "contact_person",
                f"the notice names {self.contact.name} as the contact person, without a phone, "
                "e-mail or address: add one",
            )
        try:
            register = self._build()
        except InvalidRegisterError:  # pragma: no cover - a rule the builder should keep
            self.note("", "the draft broke a rule of the model; some fields were dropped")
            return Register(controller=self._controller(), rights=tuple(self.rights))
        if self.lang in _OTHER_LANGUAGE_NOTE:
            # A Swedish or English notice: its texts are in that language. The model
            # asks for a Finnish text too; until one is written it holds the same text.
            register = with_language(register, self.lang)
            self.note("", _OTHER_LANGUAGE_NOTE[self.lang])
        return register

    def _cookie(self, found: FoundCookie) -> Cookie | None:
        if found.kind is not None and found.kind != found.purpose:
            # the model keeps only whether a cookie is necessary: its type is said
            self.note("cookies", f"{found.name}: type {found.kind}")
        if not found.purpose:  # the model asks a purpose: the name stands in, and says so
            self.note("cookies", f"{found.name}: the notice gives no purpose; the name stands in")
        try:
            return Cookie(
                name=found.name,
                purpose=LocalizedText(fi=found.purpose or found.name),
                duration=found.duration,
                provider=found.provider,
                strictly_necessary=found.necessary,
            )
        except InvalidValueError:  # a value the model refuses: say so, keep the rest
            self.note("cookies", f"a cookie the model refuses was left out: {found.name}")
            return None

    def _processor(self, found: tuple[str, str | None]) -> Processor | None:
        name, service = found
        try:
            return Processor(name=name, service=localized(service))
        except InvalidValueError:  # a value the model refuses: say so, keep the rest
            self.note("processors", f"a processor the model refuses was left out: {name}")
            return None

    def _controller(self) -> Controller:
        name = self.controller.name
        if name is not None and not any(char.isalnum() for char in name):
            # quotes alone ("” ”", "« »"): no name; the model would refuse it as empty
            self.note("controller", f"a name without a letter was left out: '{name}'")
            name = None
        return Controller(
            name=name,
            business_id=self.business_id,
            address=self.controller.address(),
            contact=attrs.evolve(
                self.controller, name=None, street=None, po_box=None, postal_code=None, town=None
            ).point(),
            dpo=self.dpo.point(),
        )

    def _build(self) -> Register:
        categories = tuple(
            DataCategory(
                key=self.key("category", str(c["name"]), "category"),
                name=LocalizedText(fi=str(c["name"])),
                description=localized(c["description"]),
                personal_identity_code=bool(c["hetu"]),
            )
            for c in self.categories
        )
        purposes = tuple(
            Purpose(
                key=self.key("purpose", str(p["name"]), "purpose"),
                name=LocalizedText(fi=str(p["name"])),
                description=localized(p["description"]),
                direct_marketing=DIRECT_MARKETING.search(str(p["name"]).casefold()) is not None,
            )
            for p in self.purposes
        )
        subjects = tuple(
            DataSubjectCategory(
                key=self.key("subject", str(s["name"]), "subjects"),
                name=LocalizedText(fi=str(s["name"])),
                description=localized(s["description"]),
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
            self.note("transfers", BOTH_WAYS)
        if recipients and NoneStated.RECIPIENTS in none_stated:
            del none_stated[NoneStated.RECIPIENTS]
        cookies = tuple(filter(None, map(self._cookie, self.cookies)))
        if cookies and NoneStated.COOKIES in none_stated:
            del none_stated[NoneStated.COOKIES]
            self.note("cookies", "the notice both lists cookies and says it sets none; check")
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
            name=_name_text(self.name),
            description=localized(description),
            contact_person=self.contact.point(),
            data_subjects=subjects,
            data_categories=categories,
            purposes=purposes,
            sources=tuple(self.sources),
            recipients=recipients,
            transfers=transfers,
            cookies=cookies,
            retention=retention,
            security=security,
            rights=tuple(right for right in Right if right in self.rights),
            rights_exercise=localized("\n\n".join(self.rights_exercise)),
            provision_requirement=localized(self._joined(self.provision)),
            cookie_policy=localized(self._joined(self.cookie_policy)),
            processors=tuple(filter(None, map(self._processor, self.processors))),
            none_stated=tuple(none_stated),
            updated=self.updated,
        )


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


def paragraphs(text: str, parts: list[tuple[int, int, str]]) -> str:
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


def localized(value: object) -> LocalizedText | None:
    if isinstance(value, str) and value.strip():
        return LocalizedText(fi=value.strip())
    return None


_OTHER_LANGUAGE_NOTE: Final = {
    lang: (
        f"the notice is in {name}: its texts are in the {lang} fields, and the fi fields hold "
        f"the same {name} text until the Finnish one is written"
    )
    for lang, name in (("sv", "Swedish"), ("en", "English"))
}
_ENGLISH: Final = re.compile(r"(?i)\b(?:the|and|of|for|register|customer|members?|data|file)\b")
_SWEDISH: Final = re.compile(r"(?i)(?:register|registret|registrets)$|\b(?:och|för|av)\b")


#: A firm's or an association's legal form, last in its name.
_OWNER_FORMS: Final = frozenset(LEGAL_FORMS) | {"ltd", "inc", "llc", "plc", "gmbh"}
#: A word of a register's name: a half without one beside a half with one is no translation.
_REGISTER_WORD: Final = re.compile(r"(?i)rekister|regist|tietokan|databas|\bfile\b")


def _owner_and_register(first: str, second: str) -> bool:
    """Whether "first / second" is one name, its owner then its register, not two languages.

    "Studio Oy / Studio Design Customer Register": a firm's name (its legal form
    last) is no translation of a register's name; "Asiakasrekisteri / Customer
    register" is two.
    """
    words = first.split()
    return (
        len(words) > 1
        and words[-1].strip(".,").casefold() in _OWNER_FORMS
        and _REGISTER_WORD.search(first) is None
        and _REGISTER_WORD.search(second) is not None
    )


def _name_text(name: str | None) -> LocalizedText | None:
    """The register's name; "Finnish / English" (or Swedish) gives both languages."""
    if not name or not name.strip():
        return None
    parts = [part.strip() for part in name.split(" / ")]
    if (
        len(parts) == 2
        and all(parts)
        and _SWEDISH.search(parts[0]) is None
        and not _owner_and_register(parts[0], parts[1])
    ):
        other = parts[1]
        if _ENGLISH.search(other) and not re.search(r"(?i)\b(?:och|för)\b", other):
            return LocalizedText(fi=parts[0], en=other)
        if _SWEDISH.search(other):
            return LocalizedText(fi=parts[0], sv=other)
    return LocalizedText(fi=name.strip())


def with_language(value: Any, lang: str) -> Any:  # noqa: ANN401 - any part of a register
    """*value* with every text that has no *lang* version given its Finnish text as that.

    *lang* is ``"sv"`` or ``"en"``: the language of a notice whose texts the
    builder put in the Finnish fields.
    """
    if isinstance(value, LocalizedText):
        if getattr(value, lang) is not None:
            return value
        return attrs.evolve(value, **{lang: value.fi})
    if isinstance(value, tuple):
        return tuple(with_language(item, lang) for item in value)
    catalog = isinstance(value, Source) and CATALOG.get(value.key) == value
    if attrs.has(type(value)) and not catalog and not isinstance(value, Address):
        changes = {
            field.alias: with_language(getattr(value, field.name), lang)
            for field in attrs.fields(type(value))
            if field.init
        }
        return attrs.evolve(value, **changes)
    return value


def names_identity_code(text: str) -> bool:
    """Whether *text* (a data item) names the identity code as held, not as left out.

    The code's name counts only in a clause that is not negated: "syntymäaika (ei
    henkilötunnusta)", "syntymäaika, ei henkilötunnusta", "henkilötunnus ei kuulu
    rekisteriin" say the register holds none (a remark in brackets is a clause of
    its own here: "henkilötunnus (ei pakollinen)" holds one).

    Examples:
        >>> names_identity_code("Henkilötunnus (ei pakollinen)")
        True
        >>> names_identity_code("Syntymäaika (ei henkilötunnusta)")
        False
        >>> names_identity_code("Henkilötunnus (ei kerätä)")
        False
        >>> names_identity_code("Henkilötunnus – ei tallenneta"), names_identity_code("Hetu: ei")
        (False, True)
    """
    low = text.casefold()
    if HETU_WORDS.search(low) is None:
        return False
    # a remark after the name and a colon or a spaced dash is one in brackets:
    # "Henkilötunnus: ei kerätä", "Henkilötunnus – ei tallenneta" (A15's V45)
    low = _LABELLED_REMARK.sub(r"\1 (\2)", low)
    parts = _BRACKETS.split(low)
    for index, part in enumerate(parts):
        for start, end in clauses(part):
            clause = part[start:end]
            if (
                HETU_WORDS.search(clause) is not None
                and (
                    not negated(clause)
                    or _NOT_HELD.search(clause) is None
                    or _HELD_BUT.search(clause) is not None
                )
                # the remark after the name may deny holding it: "Henkilötunnus (ei
                # kerätä)", a table's row "Henkilötunnus<TAB>ei kerätä" read so (R8-11)
                and not _remark_denies(parts[index + 1 : index + 2])
            ):
                # "henkilötunnus ei näy laskulla", "personbeteckningen lämnas inte ut": a
                # code held, only not shown or given out
                return True
    return False


#: The code's name ending a label (at the start, or of a remark in brackets: an item's
#: description repeats it), a colon or a spaced dash, and the remark after it up to
#: the end of its clause.
_LABELLED_REMARK: Final = re.compile(
    rf"(?:^|(?<=[(\[]))([^()\[\]:;,.]*?(?:{HETU_WORDS.pattern})\w*)"
    # the remark runs to the end of the item (or its bracket): what follows a denial
    # after a comma may take it back ("ei kerätä, paitsi laskutusasiakkailta", R9-4)
    r"[ \t]*(?::|[ \t][–—-])[ \t]+([^()\[\]]+)"
)


def _remark_denies(remark: list[str]) -> bool:
    """Whether the bracketed remark after a code's name says it is not held ("ei kerätä").

    Also a table's column that asks whether it is held, answered no ("Kerätäänkö: ei",
    "Collected: no", as a row copied as text is read).
    """
    said = remark[0].strip() if remark else ""
    asked = _ANSWERED_NO.fullmatch(said)
    if asked is not None:
        return _HOLDING_WORD.search(asked[1]) is not None and not negated(asked[1])
    return (
        bool(said)
        # one clause only: "ei kerätä; laskutusasiakkailta kyllä", "samlas inte in, utom
        # av fakturakunder" say more than the denial (R9-4)
        and _MORE_AFTER.search(said.rstrip(" .")) is None
        and negated(said)
        and _HOLDING_WORD.search(said) is not None
        and _HELD_BUT.search(said) is None
    )


#: A remark that goes on after a clause: a comma, a semicolon or a full stop inside it.
_MORE_AFTER: Final = re.compile(r"[,;.]\s*\w")


#: A column's name and a bare "no" after it.
_ANSWERED_NO: Final = re.compile(r"([^:]{2,40}?)\??:\s*(?:ei|no|nej)\.?")


#: A verb of collecting, storing or asking at a word's start ("ei kerätä", "not collected";
#: never the "ask" of "laskulla").
_HOLDING_WORD: Final = re.compile(
    rf"\b(?:{KEEPING_VERBS}|kysel|kuulu|sisäl|registrer|ingår|efterfråg|begär|sparas|spara"
    r"|hold|keep|includ|record)"
)


#: An exception or a limit in a negated clause: the code is held ("ei käsitellä muuhun kuin
#: laskutukseen", "ei tallenneta kokonaisena", "behandlas inte för annat än …").
_HELD_BUT: Final = re.compile(
    r"muuhun kuin|muuten kuin|paitsi|kokonai|annat än|utom|other than|except|in full"
    # the exception words every reader of denials knows, and "no other … than" in any case
    # as in "ei kerätä muilta kuin laskutusasiakkailta" or "inte av andra än" (R9-4)
    rf"|{EXCEPTION_WORDS}|\bmu[iu]\w*\s+(?:[\w-]+\s+){{0,3}}?kuin\b"
    r"|\band\w*\s+(?:[\w-]+\s+){0,3}?än\b|\bother\w*\s+(?:[\w-]+\s+){0,3}?than\b"
    r"|\b(?:vain|ainoastaan|only|endast|enbart|bara)\b"
)
#: What a negated clause says when it denies holding the code: a verb of collecting,
#: storing or asking ("ei kerätä", "emme tallenna", "ei kysytä", "ei kuulu rekisteriin"),
#: or the negation right before the code's name with no verb ("ei henkilötunnusta").
_NOT_HELD: Final = re.compile(
    r"\b(?:ei|eikä|emme|en|inte|ej|ingen|inget|no|not|never)[ \t]+(?:[\w-]+[ \t]+)?"
    r"(?:henkilötunnu|hetu|personbeteckning|personnummer|sosiaaliturvatunnu|sotu|personal)"
    rf"|{KEEPING_VERBS}|kysel|kuulu|sisäl|registrer|ingår|efterfråg|begär|sparas|spara"
    r"|hold|keep|includ|record"
)


#: Where a remark in brackets starts or ends.
_BRACKETS: Final = re.compile(r"[()\[\]]")
