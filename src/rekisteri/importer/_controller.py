"""Controller, contact-person and DPO sections → the contact fields of the draft.

Each line of such a section goes through the contact-block parser
(:func:`rekisteri.importer._contact.parse_line`); its parts go to the
section's party. The controller and the contact person are kept apart: after
a "Yhteyshenkilö" label, or a person's name below the controller's own, the
name, phone and e-mail that follow are the contact person's.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Final, TypeAlias

import attrs

from rekisteri.identifiers import ytunnus
from rekisteri.importer._builder import Builder, ContactFields, Remark
from rekisteri.importer._contact import (
    DOTTED_FORM,
    MATTERS,
    MAX_LINE,
    ROLE,
    Part,
    compact_business_id,
    emails_in,
    has_street_word,
    looks_like_person,
    parse_line,
    parse_value,
)
from rekisteri.importer._cues import (
    COMPANY,
    CONTROLLER_CUE,
    ORGANISATION,
    POSTAL_CODE,
    SENTENCE_BREAK,
    YTUNNUS,
    YTUNNUS_ANY,
    clean,
    email_of,
    flat,
)
from rekisteri.importer._fallback import (
    building_in_street,
    email_owner,
    nominative,
    same_person,
    stated_keeper,
)
from rekisteri.importer._finnish import capitalise
from rekisteri.importer._headings import SectionKind, guess, is_field_label, recognise
from rekisteri.importer._negation import denies_officer
from rekisteri.importer._register_name import LEGAL_FORMS, split_section_name
from rekisteri.importer._structure import Piece, Section, heading_text

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


_PATHS: Final = {
    SectionKind.CONTROLLER: "controller",
    SectionKind.CONTACT: "contact_person",
    SectionKind.DPO: "controller.dpo",
}
_CHANNELS: Final = frozenset({"phone", "email", "url", "fax"})
#: A web address has no space inside it and a dot: "www.example.fi", "example.com/x".
_NOT_AN_ADDRESS: Final = re.compile(r"^[^.]*$|\S\s+\S")
#: A municipal organ named alone: "Hyvinvointilautakunta", "Tekninen lautakunta", "Nämnden".
_ORGAN: Final = re.compile(
    r"(?i)(?:[\w-]+[ \t]+)?[\w-]*(?:lautakunta|johtokunta|jaosto|nämnd|nämnden|direktion"
    r"|direktionen)"
)
#: A municipality, city or joint authority's name: "Salmelan kaupunki", "Byns kommun".
_MUNICIPALITY: Final = re.compile(
    r"(?i)(?<![\w-])(?:kaupunki|kunta|kuntayhtymä|hyvinvointialue|stad|kommun|samkommun"
    r"|välfärdsområde)(?![\w-])"
)
#: A heading of channels only: "Yhteystiedot (puhelin, sähköposti)", "Kontaktuppgifter".
_BARE_CHANNELS: Final = re.compile(
    r"(?i)[0-9. ]*(?:yhteystiedot|kontaktuppgifter|contact details|contact information)"
    r"(?:[ \t]*\([^()]{0,40}\))?[ \t]*:?"
)
#: A body of volunteers, whose contact person may give a home address: "X ry", "X seura".
_VOLUNTEERS: Final = re.compile(
    r"(?i)(?<![\w-])(?:ry|rf|r\.y\.|r\.f\.)(?![\w-])|yhdistys|seura\b|förening|klubb|club"
)
_ADDRESS: Final = frozenset({"street", "postal_code", "town", "po_box"})
#: A sentence, not a contact line: ends with a full stop and has this many words.
_SENTENCE_WORDS: Final = 9
#: A clause with a finite verb before a value ("Sivustomme sijaitsee osoitteessa:"), not a name.
_CLAUSE_VERB: Final = re.compile(
    r"(?i)\b(?:sijaitsee|sijaitsevat|löytyy|löytyvät|toimii|voi|voit|voidaan|ovat|finns|ligger"
    r"|kan|is|are|can|vastaa|vastaavat|ylläpitää|ansvarar|svarar"
    # whom one reaches where: "Tietosuojavastaavamme tavoittaa osoitteesta …", "… nås på …"
    r"|tavoittaa|tavoitat|tavoitatte|tavoitettavissa|nås|når|reached|reach)\b"
)
#: A sole trader's words before their name: "Itsenäinen ammatinharjoittaja, psykoterapeutti",
#: "Yksityinen elinkeinonharjoittaja hammaslääkäri", "Självständig yrkesutövare".
_TRADER_FIRST: Final = re.compile(
    r"(?i)(?:itsenäinen|yksityinen|självständig|privat)?[ \t]*"
    r"(?:ammatinharjoittaja|elinkeinonharjoittaja|yrkesutövare|näringsidkare)[ \t,]+"
    r"(?:(?-i:[a-zäöå])[\w-]*(?:[ \t]*\([^()]{1,12}\))?[ \t,]+){0,3}"  # "psykoterapeutti (ET)"
)
_CLAUSE_WORDS: Final = 3
#: Bullets that separate the parts of a one-line contact block ("Kukka Oy • Kukkatie 1").
_BULLETS: Final = "•·●▪◦"
#: A form's label of more than this many words is said in a note (not lost).
_LONG_LABEL: Final = 3
#: A label line introducing the contact person is at most this long.
_LABEL_LINE: Final = 60
_LABEL_FIELDS: Final = {
    "business_id": re.compile(
        r"(?i)y-?tunnus|ly-tunnus|yritystunnus|fo-nummer|business id|företags-?id"
    ),
    "fax": re.compile(r"(?i)tele(?:fax|faksi|kopio)|fax|faksi"),
    "phone": re.compile(r"(?i)puh|tel|gsm|matka|vaihde|phone|tfn"),
    "email": re.compile(r"(?i)sähköposti|s-posti|e-?mail|e-post"),
    "url": re.compile(r"(?i)www|kotisivu|verkkosivu|webbplats|website|url"),
    "person": re.compile(r"(?i)yhteyshenkilö|kontaktperson|contact person|vastuuhenkilö"),
    "address": re.compile(r"(?i)osoite|adress|address|postinumero|postitoimipaikka"),
    "name": re.compile(r"(?i)nimi|namn|name|toiminimi|firma"),
}


_FOLD: Final = str.maketrans("äåöüé", "aaoue")


def personal_address(email: str, person: str, roles: Sequence[str] = ()) -> bool:
    """Whether *email* is named after *person* or the person's role.

    A name of three letters or more in the address's local part, or the first
    five letters of a role ("sihteeri@", "yllapito@" for "ylläpitäjä").

    Examples:
        >>> personal_address("aino.esimerkki@example.fi", "Aino Esimerkki")
        True
        >>> personal_address("a.hamalainen@example.fi", "Aino Hämäläinen")
        True
        >>> personal_address("seura@example.fi", "Aino Esimerkki")
        False
        >>> personal_address("yllapito@example.fi", "Aino Esimerkki", ["ylläpitäjä"])
        True
    """
    local = email.partition("@")[0].casefold().translate(_FOLD)
    names = re.findall(r"\w{3,}", person.casefold().translate(_FOLD))
    stems = [w[:5] for r in roles for w in re.findall(r"\w{5,}", r.casefold().translate(_FOLD))]
    return any(name in local for name in names) or any(stem in local for stem in stems)


#: How many contact notes were read, the noted roles' stems and the other people's names.
_NotedPeople: TypeAlias = tuple[int, set[str], set[str]]


def _named_in(email: str, words: set[str]) -> bool:
    """Whether the local part of *email* holds one of *words* (folded, 3 letters or more).

    Each of the local part's pieces is looked up: the cost is the address's, not the
    number of words.

    Examples:
        >>> _named_in("aino.esimerkki@example.fi", {"esimerkki"})
        True
        >>> _named_in("seura@example.fi", {"aino", "sihte"})
        False
    """
    if not words:
        return False
    local = email.partition("@")[0].casefold().translate(_FOLD)[:_LOCAL_MAX]
    longest = max(map(len, words))
    return any(
        local[i:j] in words
        for i in range(len(local))
        for j in range(i + 3, min(len(local), i + longest) + 1)
    )


#: The longest local part of an e-mail address (RFC 5321).
_LOCAL_MAX: Final = 64


def _label_field(label: str) -> str:
    return next((field for field, cue in _LABEL_FIELDS.items() if cue.search(label)), "name")


class ContactReader:
    """Reads the line sections (controller, contact person, DPO) into a builder."""

    def __init__(
        self, text: str, out: Builder, otherwise: Callable[[SectionKind | None, int, int], None]
    ) -> None:
        self.text = text
        self.out = out
        self.otherwise = otherwise
        """Called with a line that is not contact data (a sentence)."""
        self.path = "controller"
        self.line_start = 0
        self.overwrite_postal = 0
        """After a street replaced a PO box: the postal code and town that follow replace too."""
        self.kind: SectionKind | None = None
        self.last_read: tuple[SectionKind, int] | None = None
        """The kind of the party section read last, and where its text ends."""
        self.block_address = False
        """Whether the contact person's address was read in the controller's own section."""
        self.preamble = False
        """Whether the section being read comes before the notice's title (a site's menu)."""
        self.name_in_preamble = False
        """Whether the controller's name was read before the notice's title."""
        self.back_to_controller = False
        """Whether an e-mail of the body's own ended a contact person's lines."""
        self.line_postal = False
        """Whether the line being read gives a postal code."""
        self.after_box = False
        """Whether the last street or PO box read in the section was a PO box (a postal code
        after it, on its line or the next, is the box's)."""
        self.box_town_pending = False
        """Whether the town part that follows is the PO box's own (after its own postal code)."""
        self.box_code: dict[int, bool] = {}
        """Per party: whether its postal code and town are its PO box's (mail goes there)."""
        self.weak_street: dict[int, bool] = {}
        """Per party: whether its street was only guessed by form (no street word, no postal
        code on its line)."""
        self.contact_section = False
        """Whether the notice has a section of its own on the contact person: then a
        person named without a label in the controller's section is noted, not the contact."""
        self.contact_business_id: tuple[str, int, int] | None = None
        """A Y-tunnus read in the contact person's lines: the controller's if it has none."""
        self.name_from_prose = False
        """Whether the controller's name was read from a sentence outside its section: a
        name in the controller's section replaces it."""
        self.id_from_prose = False
        """Whether the controller's Y-tunnus was read from that sentence too: it goes with
        the name the section replaces."""
        self.left_block = False
        """Whether a question or a heading word below the party's named block ended it: the
        lines after it in the section are that heading's text."""
        self.second_body = False
        """Whether the controller's name ended with "och"/"ja": the next name is a second body."""
        self.person_channels: str | None = None
        """The person the line being read names with their own e-mail in the controller's
        block: the line's phone and e-mail are theirs (:meth:`_person_with_mailbox`)."""
        self.responsible_read = False
        """Whether a section on the person responsible for the register was read as the
        contact person's: a contact person's own section after it names the contact."""
        self.other_person: tuple[str, int] | None = None
        """A second person named in the contact person's or the DPO's lines, and the start
        of the line naming them: the phone and e-mail that follow are theirs (Q25)."""
        # the contact notes read so far, the roles' stems and the names (_noted_people)
        self.noted_people: _NotedPeople = (0, set(), set())
        self.others: dict[str, dict[str, str]] = {}
        """The phone and e-mail of each such second person (:meth:`reachable_contact`)."""

    def target(self) -> ContactFields:
        path = self.path
        if path == "controller":
            return self.out.controller
        if path == "contact_person":
            return self.out.contact
        if path == "controller.dpo":
            return self.out.dpo
        raise KeyError(path)

    def read(self, section: Section) -> None:
        assert section.kind is not None
        kind = section.kind
        if kind is SectionKind.CONTACT and self._first_named(section, _CONTROLLER_FIRST):
            # "Rekisterinpitäjä, rekisterivastaava ja rekisteriasioita hoitava henkilö":
            # the controller's block, with the contact person's lines in it
            kind = SectionKind.CONTROLLER
        elif kind is SectionKind.CONTROLLER and self._first_named(section, _CONTACT_FIRST):
            # "Kontaktperson för registeransvarig" after the controller's own block
            kind = SectionKind.CONTACT
        elif kind is SectionKind.CONTROLLER and self._channels_of_contact(section):
            kind = SectionKind.CONTACT
        if section.pieces:
            self.last_read = (kind, section.pieces[-1].end)
        responsible = self._responsible_first(section) if kind is SectionKind.CONTACT else None
        self.path = _PATHS[kind]
        self.kind = kind
        self.other_person = None
        self.after_box = False
        self.left_block = False
        self.read_pieces(kind, section)
        if responsible is not None:
            self._contact_over_responsible(responsible)

    def _responsible_first(self, section: Section) -> tuple[str, str | None, str | None] | None:
        """The responsible person read as the contact, set aside for a contact's own section.

        "Rekisteriasioista vastaava henkilö" / "Toimitusjohtaja X, x@…", then
        "Yhteyshenkilö rekisteriasioissa" / "Y, y@…": the notice names Y to be
        contacted (see :meth:`_contact_over_responsible`). Returns X's name,
        e-mail and phone, which the contact fields no longer hold, or ``None``.
        """
        heading = section.heading
        said = flat(self.text[heading.start : heading.end]) if heading is not None else ""
        if _RESPONSIBLE.search(said) and not _CONTACT_WORD.search(said):
            self.responsible_read = True
            return None
        contact = self.out.contact
        if (
            _CONTACT_WORD.fullmatch(said.strip(" :"))
            and contact.name
            and not (contact.email or contact.phone)
        ):
            # "Kontaktperson:" alone, below a person named without a channel ("X rf,
            # verksamhetsledare Lena Esimerkki"): the person under the label is the contact
            self.responsible_read = True
        if not (self.responsible_read and _CONTACT_WORD.search(said) and contact.name):
            return None
        self.responsible_read = False
        kept = (contact.name, contact.email, contact.phone)
        contact.name = contact.email = contact.phone = None
        return kept

    def _contact_over_responsible(self, responsible: tuple[str, str | None, str | None]) -> None:
        """The contact's own section named a person: the responsible one is noted; else kept."""
        contact = self.out.contact
        name, email, phone = responsible
        if contact.name is None:
            contact.name = name
            contact.email = contact.email or email
            contact.phone = contact.phone or phone
            return
        self.out.note("contact_person", f"responsible for the register: {name}")

    def _channels_of_contact(self, section: Section) -> bool:
        """Whether *section* is a bare "Yhteystiedot" heading right after the contact person's.

        "Rekisterinpitäjän edustaja (yhteyshenkilö)" / "Name, role", then
        "Yhteystiedot (puhelin, sähköposti)" / "mailbox" / "phone": the
        channels are the contact person's, not the controller's.
        """
        heading = section.heading
        if heading is None or self.last_read is None:
            return False
        kind, end = self.last_read
        said = flat(self.text[heading.start : heading.end])
        return (
            kind is SectionKind.CONTACT
            and _BARE_CHANNELS.fullmatch(said) is not None
            and not self.text[end : heading.start].strip()
        )

    def _first_named(self, section: Section, first: re.Pattern[str]) -> bool:
        """Whether *section*'s heading starts with the party *first* names.

        The controller only while the draft has no controller's name yet; the
        contact person only once it has one (the controller's block came first).
        """
        if section.heading is None:
            return False
        if (self.out.controller.name is None) != (first is _CONTROLLER_FIRST):
            return False
        return first.match(heading_text(self.text, section.heading).casefold()) is not None

    def free_block(self, piece: Piece) -> bool:
        """Read a paragraph outside any contact section that is the controller's contact block.

        "Perus Oy, Katu 1, 00100 Helsinki. Tel. 09 123 4567" before the first
        heading (a notice whose first heading was lost): a postal code with its
        town, and a firm's name, a Y-tunnus, an e-mail or a phone. Only while
        the draft has no controller name yet; the draft says so in a note.
        """
        if (
            self.out.controller.name is not None
            or piece.end - piece.start > MAX_LINE
            or CONTROLLER_CUE.search(self.text[piece.start : piece.end].casefold())
        ):
            return False  # a long paragraph, or a sentence naming the controller (read as prose)
        parts = [p for s, e in piece.lines for p in parse_line(self.text, s, e)]
        fields = {p.field for p in parts}
        firm = any(p.field == "text" and COMPANY.search(p.value) for p in parts)
        if "postal_code" not in fields or not (firm or fields & {"business_id", "email", "phone"}):
            return False
        self.path = "controller"
        section = Section(SectionKind.CONTROLLER, None, [self._after_heading_line(piece)])
        self.read_pieces(SectionKind.CONTROLLER, section)
        self.out.note("controller", "read from text outside a controller section; check")
        return True

    def _after_heading_line(self, piece: Piece) -> Piece:
        """The lines of *piece* after a controller heading among them ("Data Controller").

        A page without blank lines runs its title, introduction and controller
        block into one paragraph: the lines before the heading are sent on as
        prose, the heading is mapped as one, the block is what follows.
        """
        for index, (start, end) in enumerate(piece.lines):
            if index + 1 < len(piece.lines) and recognise(self.text[start:end]) is (
                SectionKind.CONTROLLER
            ):
                for before_start, before_end in piece.lines[:index]:
                    self.otherwise(None, before_start, before_end)
                self.out.map(start, end, "heading:controller")
                rest = piece.lines[index + 1 :]
                return Piece("para", rest[0][0], piece.end, rest, content_start=rest[0][0])
        return piece

    def read_pieces(self, kind: SectionKind, section: Section) -> None:
        """Read the lines of *section*'s pieces as contact lines of a *kind* section."""
        # Labels waiting for their values, in order: one ("Nimi:" on its own line),
        # or a table's header row ("Nimi | Osoite | Puhelin") before its data row.
        pending: list[str] = []
        for piece in section.pieces:
            for line_start, end in _joined_name_lines(self.text, piece.lines):
                start = line_start
                if piece.kind == "item" and start == piece.start:
                    self.out.map(start, piece.content_start, self.path)  # the bullet
                    start = piece.content_start
                self._line(kind, start, end, pending)

    def _line(self, kind: SectionKind, start: int, end: int, pending: list[str]) -> None:
        line = self.text[start:end].strip()
        if not line or self.out.take_updated(start, end):
            return
        if (
            self._heading_line(kind, line, start, end, pending)
            or self._code_alone(line, start, end, pending)
            or self._dpo_line(kind, line, start, end, pending)
            or self._no_officer(line, start, end)
        ):
            return
        if self._introduces_contact(kind, line):
            # a line such as "Tietosuoja-asioista vastaava henkilö" or "Jäsensihteeri 2017"
            # with a colon in the controller's section: the lines after it are the contact
            # person's
            self.path = "contact_person"
            role = _ROLE_LABEL.fullmatch(line)
            if role is not None:
                self.out.note(self.path, f"role: {role.group(1)}")
            self.out.map(start, end, self.path)
            return
        if is_field_label(line) and not parse_value_only(line):
            pending.append(_label_field(line))
            if len(line.split()) > _LONG_LABEL:
                # "Muut yhteystiedot (esim. puhelin virka-aikana, sähköpostiosoite)": said
                self.out.note(self.path, f"a label of the notice's form: {flat(line)}")
            self.out.map(start, end, self.path)
            return
        if (
            self.path == "controller"
            and line.rstrip().endswith(".")
            and len(line.split()) >= _SENTENCE_WORDS
            and _CONTACT_SENTENCE.search(line)
            # "We are X Ltd, … You can reach us at …": the body first, under its heading
            and not (
                kind is SectionKind.CONTROLLER
                and self.out.controller.name is None
                and (STATED_CONTROLLER.search(line) or _WE_ARE.match(line))
            )
        ):
            # a sentence telling whom to contact: the channels in it are the contact's
            self.path = "contact_person"
            if self._channels_in_sentence(start, end):
                return
        if _is_sentence(line) or self._prose_line(line):
            if (
                kind is SectionKind.CONTROLLER
                and self.out.controller.name is None
                and (COMPANY.search(line) or STATED_CONTROLLER.search(line) or _WE_ARE.match(line))
            ):
                # "Rekisterinpitäjänä toimii Esimerkki Oy, joka vastaa ...", "Rekisterinpitäjä
                # on Kylän vesiosuuskunta. Sen edustajina …": a sentence
                self.prose(flat(line), start, end)
                self.name_from_prose = False
                return
            if self.path != "controller" and self._channels_in_sentence(start, end):
                return
            self.otherwise(kind, start, end)
            return
        self._apply(self._parts(start, end, pending), kind, start, end)

    def _code_alone(self, line: str, start: int, end: int, pending: list[str]) -> bool:
        """A postal code alone on its line below a street or PO box; whether it was one.

        "PL 12" / "00100" / "Helsinki": the code, and the next line is its town.
        """
        target = self.target()
        if (
            _CODE_ALONE.fullmatch(line) is None
            or (target.street is None and target.po_box is None)
            or target.postal_code is not None
        ):
            return False
        code = "".join(c for c in line if c.isdigit())
        if not self.set(target, "postal_code", code, start, end):
            return False
        pending.append("town")
        return True

    def _prose_line(self, line: str) -> bool:
        """A short sentence, or another section's heading, below a party already named.

        "Uppgifterna används för fakturering.", "Tietojen käsittelyn perusteet ja
        tarkoitus (EU 2016/679 6 art.)", "Voinko tarkastaa tietoni?" after the
        controller's block: never its name.
        """
        if self.target().name is None:
            return False
        if self.left_block:
            return True  # the text under a question or heading word that ended the block
        # a question ("Onko tietojen antaminen pakollista?") or a heading word alone
        # ("Säilytysaika") is the next section's heading; the lines after it are its text
        self.left_block = _QUESTION.search(line) is not None or _other_kind(recognise(line))
        return self.left_block or _short_sentence(line) or _other_heading(line)

    def _parts(self, start: int, end: int, pending: list[str]) -> list[Part]:
        """The parts of a line: the value of the first label waiting for one, or its own."""
        parts = parse_line(self.text, start, end)
        if pending and _own_label(parts, self.text, start):
            # "Osoite:" and "Postinumero:" left empty, then "Postitoimipaikka: Hauho": the
            # labels above had no value, this line's label is its own
            pending.clear()
        elif pending:
            parts = parse_value(self.text, start, end, pending.pop(0))
        return parts

    def _heading_line(
        self, kind: SectionKind, line: str, start: int, end: int, pending: list[str]
    ) -> bool:
        """A heading inside a contact section: mapped as one; return whether it was one."""
        heading = recognise(line) if len(line) <= 80 else None
        if heading in _PATHS or heading is SectionKind.TITLE:
            # "Registeransvarig" under "Rekisterinpitäjä": a second heading, not a name
            self.out.map(start, end, f"heading:{heading.value}")
            if heading in {SectionKind.CONTACT, SectionKind.DPO} and kind is (
                SectionKind.CONTROLLER
            ):
                # "Tietosuojavastaava" on its own line inside the block: the lines after
                # it are the contact person's or the DPO's, never the controller's
                self.path = _PATHS[heading]
            return True
        if heading is SectionKind.NAME and len(line) <= _LABEL_LINE:
            # "Name of the Register" inside a contact block run together: the next
            # line is the register's name
            pending.append("register_name")
            self.out.map(start, end, "heading:name")
            return True
        return False

    def _dpo_line(
        self, kind: SectionKind, line: str, start: int, end: int, pending: list[str]
    ) -> bool:
        """The data protection officer's line in the controller's block; whether it was one.

        "Tietosuojavastaava: Liisa Laine, tietosuoja@…", "Data protection officer:
        …": what the line gives is the officer's, never the controller's own.
        A label alone on its line ("Dataskyddsombud:") leads the lines below it.
        """
        found = _DPO_LINE.match(line)
        if (
            found is None
            or kind is not SectionKind.CONTROLLER
            or self.path != "controller"
            or self.out.dpo.name is not None
            or self.out.dpo.email is not None
        ):
            return False
        self.path = "controller.dpo"
        label_end = start + self.text[start:end].index(line) + found.end()
        self.out.map(start, label_end, self.path)
        if self.text[label_end:end].strip():
            self._apply(self._parts(label_end, end, pending), kind, label_end, end)
            self.path = "controller"  # the officer's own line only
        return True

    def _no_officer(self, line: str, start: int, end: int) -> bool:
        """A line of the DPO's section saying there is none; whether it was one (Q26).

        "Tietosuojavastaavaa ei ole nimetty. Tietosuoja-asioissa voit ottaa
        yhteyttä osoitteeseen info@…", "We have not appointed a data protection
        officer. Please contact us at …": no officer; the phone and e-mail given
        for the matters are the controller's (its own when it has none, else
        noted), and so is what the section's lines after it give.
        """
        if self.path != "controller.dpo" or not denies_officer(line):
            return False
        self.path = "controller"
        self.out.note("controller", f"the notice says: {flat(line)}")
        for part in parse_line(self.text, start, end):
            if part.field in {"email", "phone"}:
                value = flat(part.value)
                own = getattr(self.out.controller, part.field)
                if own is None:
                    setattr(self.out.controller, part.field, value)
                elif own != value:
                    self.out.note("controller", f"for data protection matters: {value}")
        self.out.map(start, end, "controller.dpo")
        return True

    def _introduces_contact(self, kind: SectionKind, line: str) -> bool:
        """A label line ending in a colon that names the contact person's role."""
        return (
            kind is SectionKind.CONTROLLER
            and self.path == "controller"
            and line.endswith(":")
            and len(line) <= _LABEL_LINE
            and (guess(line) is SectionKind.CONTACT or _ROLE_LABEL.fullmatch(line) is not None)
        )

    def _channels_in_sentence(self, start: int, end: int) -> bool:
        """The e-mail and phone of a sentence in a contact section, with a note.

        "Tietosuoja-asioissa voit olla yhteydessä yrittäjä Elina Esimerkkiin,
        elina@example.fi, 050 555 0100.": the channels are the contact's.
        """
        parts = [p for p in parse_line(self.text, start, end) if p.field in {"email", "phone"}]
        target = self.target()
        taken = [p for p in parts if getattr(target, p.field) is None]
        if not any(p.field == "email" for p in parts):
            return False
        for part in taken:
            setattr(target, part.field, part.value)
        said = _CONTACT_WITH.search(self.text, start, end)
        if said is not None:  # the name is inflected ("… Esimerkkiin"): said, not taken
            whom = self.text[said.end() : end].split(",")[0].strip(" .")
            self.out.note(self.path, f"the notice names, to contact: {whom}")
        self.out.note(self.path, "e-mail and phone read from a sentence; check")
        self.out.map(start, end, self.path)
        return True

    def _apply(self, parts: list[Part], kind: SectionKind, start: int, end: int) -> None:
        if any(p.field == "text" for p in parts):
            # each of these reads a "text" part (a name's continuation, a channel's label, a
            # building after the street): a line of values only ("Katu 1, 00100 Helsinki")
            # is as it was
            parts = _channel_labels(self.text, _merged_names(self.text, parts))
            parts = building_in_street(self._name_not_street(parts))
        else:
            parts = self._name_not_street(parts)
        self.line_postal = any(p.field == "postal_code" for p in parts)
        # a line of channels only, below a contact person named in the controller section
        if (
            kind is SectionKind.CONTROLLER
            and self.path == "controller"
            and self.out.contact.name
            and not self.back_to_controller
            and parts
            and all(p.field in _CHANNELS | {"label"} for p in parts)
        ):
            self.path = "contact_person"
        self.line_start = next((p.start for p in parts if p.field != "label"), start)
        self.person_channels = self._person_with_mailbox(parts)
        taken = [(p.start, p.end) for p in parts if self._part(p, kind)]
        self._map_glue(start, end, taken, leftover=len(taken) < len(parts))

    def _person_with_mailbox(self, parts: list[Part]) -> str | None:
        """The person a line of the controller's own block names with their own e-mail.

        "Aino Esimerkki, rehtori: 040 …, aino.esimerkki@…" below the body's name:
        the phone and e-mail on the line are hers, never the body's (an office's
        line "Kanslia: 09 …, toimisto@…" gives the body's). Only while the
        controller is named and the person is noted, not the contact person.
        """
        body = self.out.controller.name
        if self.path != "controller" or body is None:
            return None
        emails = [p.value for p in parts if p.field == "email"]
        words = set(body.casefold().split())
        for part in parts:
            value = part.value.strip()
            if (
                part.field == "text"
                and (part.start > self.line_start or self.contact_section)
                and looks_like_person(value)
                and any(personal_address(email, value) for email in emails)
                # "Hieronta Berg" / "Anna Berg, puh. …, anna.berg@…": a sole trader's own
                # channels are the controller's
                and not words & set(value.casefold().split()[1:])
            ):
                return value
        return None

    def _name_not_street(self, parts: list[Part]) -> list[Part]:
        """The first line of a contact block is its name, not a street guessed by form.

        "Hair & Beauty House 2" with nothing else on the line: a word and a
        number without a street ending, no postal code, no label. Only while
        the block's party has no name yet.
        """
        if self.target().name is not None:
            return parts
        streets = [p for p in parts if p.field == "street"]
        if (
            len(streets) != 1
            or any(p.field not in {"text", "street"} for p in parts)
            or has_street_word(streets[0].value)
        ):
            return parts
        first, last = parts[0].start, parts[-1].end
        return [Part("name", self.text[first:last], first, last)]

    def _map_glue(
        self, start: int, end: int, covered: list[tuple[int, int]], *, leftover: bool
    ) -> None:
        """Map the punctuation between the parts of a line that were all taken."""
        if leftover or not covered:
            return
        position = start
        text = self.text
        for s, e in sorted(covered):
            if position < s and _ALNUM.search(text, position, s) is None:
                self.out.map(position, s, self.path)
            position = max(position, e)
        if position < end and _ALNUM.search(text, position, end) is None:
            self.out.map(position, end, self.path)

    def _register_name(self, part: Part) -> bool:
        """A register name inside the controller block ("Rekisterin nimi: …"), if none yet."""
        if self.out.name is not None:
            return False
        name, after = split_section_name(flat(part.value).strip(" ."))
        self.out.name = capitalise(name)
        if after is not None:  # "… register (“Booking Register”)": said, not lost
            self.out.add_description(after, part.start, part.end)
        self.out.map(part.start, part.end, "name")
        return True

    def _aside(self, part: Part) -> bool:
        """A telefax number or an association's register number: part of the block.

        Never the street or the phone. The model has no field for them: the
        draft says them in a note (a note in brackets too), so nothing is lost.
        """
        said = part.value.strip()
        if said:
            self.out.note(
                self.path,
                f"telefax: {said}" if part.field == "fax" else f"the notice also gives: {said}",
            )
        self.out.map(part.start, part.end, self.path)
        return True

    def _part(self, part: Part, kind: SectionKind) -> bool:
        """Put *part* into the draft; return whether it was taken."""
        field = part.field
        if field == "label":
            if part.value == "person" and kind is SectionKind.CONTROLLER:
                self.path = "contact_person"
            said = flat(self.text[part.start : part.end]).strip(" :")
            if len(said.split()) > _LONG_LABEL:
                # "Muut yhteystiedot (esim. puhelin virka-aikana, sähköpostiosoite)": said
                self.out.note(self.path, f"a label of the notice's form: {said}")
            self.out.map(part.start, part.end, self.path)
            return True
        if field == "business_id":
            return self.business_id(part.value, self.path, part.start, part.end)
        if field == "register_name":
            return self._register_name(part)
        if field in {"fax", "other"}:
            return self._aside(part)
        if field in {"person", "role", "text", "name"}:
            return self._name(part, kind)
        if field in {"street", "po_box"}:
            self.after_box = field == "po_box"
        if self._others_channel(part) or self._dpo_mailbox(part):
            return True
        cleaned = None
        if field in {"postal_code", "town"}:
            cleaned = self._value(self.target(), field, part.value)
            if self._street_code(part, cleaned):
                return True
        return self.set(
            self.target(),
            field,
            part.value,
            part.start,
            part.end,
            obfuscated=part.obfuscated,
            cleaned=cleaned,
        )

    def _channel_owner(self, part: Part) -> str | None:
        """The person whose phone or e-mail *part* is when it is not the party's own.

        A person the controller's block names with their own e-mail
        (:meth:`_person_with_mailbox`); or a second person named in the contact
        person's or the DPO's lines ("Leena Esimerkki, leena@…" / "Mikko
        Esimerkki, puh. …"): the channels after that name are Mikko's, never
        Leena's. An e-mail on a later line than his name is his only when it is
        named after him (an office's mailbox may follow).
        """
        if part.field not in {"phone", "email"}:
            return None
        if self.path == "controller":
            return self.person_channels
        self._named_on_line(part.start)
        if self.other_person is None:
            return None
        person, line = self.other_person
        if part.field == "phone" or line == self.line_start:
            return person
        return person if personal_address(part.value, person) else None

    def _named_on_line(self, start: int) -> None:
        """A second person named before *start* on its line, after any label (R8-9).

        "Sijainen: Olli Virta, puh. …", "Deputy: Olli Virta, phone …" under the
        contact person's lines: the label is none the reader knows, but the name
        is a person's other than the contact's, and the channels after it are his.
        """
        line_start = self.text.rfind("\n", 0, start) + 1
        if self.other_person is not None and self.other_person[1] >= line_start:
            return
        named = (self.target().name or "").casefold()
        if not named or named in self.text[line_start:start].casefold():
            return  # the party's own line ("Data Protection Officer Ann Example, …")
        for first, last in _NAME_PAIR.findall(self.text, line_start, start):
            if first.casefold() in named or last.casefold() in named:
                continue  # the party's own name, written otherwise ("Berg Anna")
            self._another_person(f"{first} {last}")
            if self.other_person is not None:
                self.other_person = (self.other_person[0], line_start)
                return

    def _others_channel(self, part: Part) -> bool:
        """Note *part*, a phone or e-mail of another person than the party's (Q25)."""
        owner = self._channel_owner(part)
        if owner is None:
            return False
        said = flat(part.value)
        self.out.note(self.path, f"{owner}'s {part.field}: {said}")
        if self.path != "controller":
            self.others.setdefault(owner, {}).setdefault(part.field, said)
        self.out.map(part.start, part.end, self.path)
        return True

    def _dpo_mailbox(self, part: Part) -> bool:
        """An e-mail named after the DPO below the officer's own line: the officer's.

        "Dataskyddsombud: Mats Esimerkki" / "E-post: mats.esimerkki@…" in the
        controller's block: the address is the officer's, never the controller's
        own (an address not named after the officer stays the controller's).
        """
        dpo = self.out.dpo
        if (
            part.field != "email"
            or self.path != "controller"
            or dpo.name is None
            or dpo.email is not None
            or not personal_address(part.value, dpo.name)
        ):
            return False
        self.path = "controller.dpo"
        self.set(dpo, "email", part.value, part.start, part.end, obfuscated=part.obfuscated)
        self.path = "controller"
        return True

    def _another_person(self, value: str) -> None:
        """A second person named in the contact's or DPO's lines (:meth:`_channel_owner`)."""
        named = self.target().name
        if named is not None and looks_like_person(named) and not same_person(value, named):
            # never after a body's name ("Tilitoimisto X Oy / Aino X"): the person is its contact
            self.other_person = (value, self.line_start)

    def _person_after_body(self, part: Part, value: str) -> bool:
        """'Esimerkki Oy / Myyntipäällikkö Aino Esimerkki' as the contact: the person.

        A body's name, a slash and a person (a role before the name) on the
        contact's line: the person is the contact, the role noted and the body
        said in a note (most often the controller named again, or the firm
        that answers for it).
        """
        target = self.target()
        if self.path != "contact_person" or "\u00a4" in value:
            return False  # a masked identity code: never a name
        body, slash, value = value.rpartition("/")  # "Esimerkki Oy/Myyntipäällikkö …" glued
        body = body.strip() if slash else (target.name or "")
        below = False
        if not slash:
            before = self.text[self.line_start : part.start]
            # "Esimerkki Oy" / "Myyntipäällikkö Aino Esimerkki": a role and a person
            # on the line below the body's name (a bare person: _person_below_body)
            below = part.start == self.line_start and self.out.controller.name is not None
            if not body or not (below or (before.rstrip().endswith("/") and body in before)):
                return False
        if not (self._body_named(body) or self._own_name(body)):
            return False
        value = value.strip()
        role = _role_first(value) or (None if below else _LOWER_ROLE.match(value))
        person = value[role.end() :].strip() if role is not None else value
        if not looks_like_person(person) or (below and role is None):
            return False
        self.out.note(self.path, f"the notice names the person's body: {body}")
        if role is not None:
            self.out.note(self.path, f"role: {role.group(1).strip()}")
        target.name = person
        self.out.map(part.start, part.end, self.path)
        return True

    def _role_noted(self, value: str) -> None:
        """Note *value* as a role; a person named after it is a second person (Q25).

        "Toimistosihteeri Mikko Esimerkki" below the contact person's lines.
        """
        self.out.note(self.path, f"role: {value}")
        role = _role_first(value)
        person = value[role.end() :] if role is not None else ""
        if looks_like_person(person):
            self._another_person(person)

    def _name(self, part: Part, kind: SectionKind) -> bool:
        return self._person_after_body(part, part.value.strip()) or self._name_of(part, kind)

    def _name_of(self, part: Part, kind: SectionKind) -> bool:
        value = part.value.strip()
        # a masked identity code ("¤"): never a name, nor beside one; "… nås per e-post på
        # x@y.fi": the words between a label and its value in a sentence are nobody's name
        if "\u00a4" in value or (part.field == "text" and _LINKING_WORDS.fullmatch(value)):
            return False  # they stay unmatched
        if part.field == "person" or (
            part.field == "text" and self._said_person(part, kind, value)
        ):
            return part.field != "person" or self._person(part, kind, value)
        if part.field == "role" or (
            self.path != "controller"
            and ROLE.search(value)
            and (self.target().name or len(value.split()) <= _ROLE_WORDS)
        ):
            # "Asiamies" alone under "Rekisterin vastuuhenkilö": a role, not a name
            self._role_noted(value)
            self.out.map(part.start, part.end, self.path)
            return True
        value = self._without_short_form(_without_parenthetical(value))
        if (_STATUTE.search(value) or _NOTICE_KIND.search(value)) and not COMPANY.search(value):
            # "EU:n yleinen tietosuoja-asetus" under the heading: a reference, never a name;
            # "Rekisteri- ja tietosuojaseloste" (an intro line under "Keitä olemme"): the
            # notice's own kind, never its controller
            self.out.add_description(flat(value), part.start, part.end)
            return True
        if part.field in {"text", "name"} and self._heading_words(part, value):
            self.out.map(part.start, part.end, f"heading:{kind.value}")
            return True
        if self.path == "contact_person" and MATTERS.search(value) and not COMPANY.search(value):
            # "Lahjoituksia koskevissa rekisteriasioissa": what the person below answers for
            self.out.note(self.path, f"for: {value}")
            self.out.map(part.start, part.end, self.path)
            return True
        if self._date_or_clause(part, value):
            return True
        if len(value) > 100 or (part.field == "text" and _is_sentence(value)):
            return False
        value = self._body_after_verb(part, value)
        if self._clause_before_value(part, value):
            return True
        trimmed = self._trimmed_name(part, value)
        if trimmed is None:
            return True
        value = trimmed
        if all(word.strip(".,:;()").casefold() in _LABEL_WORDS for word in value.split()):
            # "Nimi ja yhteystiedot", "Muut yhteystiedot": a form's label, not a name; said
            # in a note, so that no text is lost ("nimi, osoite ja sähköposti")
            self.out.note(self.path, f"a label of the notice's form: {flat(value)}")
            self.out.map(part.start, part.end, self.path)
            return True
        return self._named_unless_sentence(part, kind, self._without_role(part, value))

    def _named_unless_sentence(self, part: Part, kind: SectionKind, value: str) -> bool:
        if self._controllers_text(part) and _sentence_without_name(value):
            return False  # "Tietoja käytetään laskutukseen.": no one's name (A15's V37)
        return self._named(part, kind, value)

    def _controllers_text(self, part: Part) -> bool:
        return self.path == "controller" and part.field == "text"

    def _body_after_verb(self, part: Part, value: str) -> str:
        """The body a sentence of the controller's names after its verb, else *value*.

        "Tietoja käsittelee X Oy", "… käsitellään X Oy:n toimesta": the body, never
        the sentence (A15's V37).
        """
        body = _BODY_AFTER_VERB.fullmatch(value) if self._controllers_text(part) else None
        return value if body is None else body.group("body")

    def _heading_words(self, part: Part, value: str) -> bool:
        """Whether *value*, where a name would stand, is a heading's words, never a name.

        "Registeransvarige", "Owner of the register" alone on the line (the
        block's own heading); "Responsible for the Register" left of a heading
        cut in two, outside the controller's own lines.
        """
        if self._line_is(part) and _heading_as_name(value):
            return True
        return (
            self.path != "controller"
            and len(value.split()) <= _HEADING_REST_WORDS
            and _HEADING_WORDS.search(value) is not None
            and not ORGANISATION.search(value)
            and not value.endswith((".", ":"))
            and not self.text.startswith(".", part.end)  # a sentence's stop after it
            and not _names_person(value)
        )

    def _line_is(self, part: Part) -> bool:
        """Whether *part* is all of its line (but a bullet or a numbering before it)."""
        text = self.text
        line_start = text.rfind("\n", 0, part.start) + 1
        line_end = text.find("\n", part.end)
        line_end = len(text) if line_end < 0 else line_end
        return not (
            _ALNUM.search(text, line_start, part.start)
            and not _NUMBER_ONLY.fullmatch(text, line_start, part.start)
        ) and not _ALNUM.search(text, part.end, line_end)

    def _clause_before_value(self, part: Part, value: str) -> bool:
        """A clause with a finite verb before a value, never a name (mapped, then True).

        "Verkkopalvelumme sijaitsee osoitteessa: https://…"; "Tietosuojavastaavamme
        tavoittaa osoitteesta …" says who is reached there (a role, no person's
        name): for a contact or the DPO it is said in a note beside the value.
        """
        if (
            part.field != "text"
            or len(value.split()) < _CLAUSE_WORDS
            or not _CLAUSE_VERB.search(value)
            or ORGANISATION.search(value)
        ):
            return False
        if self.path != "controller":
            self.out.note(self.path, f"the notice says: {flat(value)}")
        self.out.map(part.start, part.end, self.path)
        return True

    def _without_short_form(self, value: str) -> str:
        """*value* without the short name it says is used, which is noted.

        "Urheiluseura X r.y. käytössä lyhenne X ry", "Y rf, förkortat Y",
        "Z Ltd, abbreviated Z": the name is what comes before.
        """
        if self.path != "controller":
            return value
        found = _SHORT_FORM.search(value)
        if found is None or found.start() == 0:
            return value
        said = value[found.start() :].strip(" ,;()")
        self.out.note(self.path, f"the notice gives a short name too: {said}")
        return value[: found.start()].rstrip(" ,;(")

    def _date_or_clause(self, part: Part, value: str) -> bool:
        """A date line, a body's name then what it does, or a sentence naming the body.

        "Laadittu: 14.3.2024" above a block without blank lines is a date, never
        a name. "X ry ylläpitää Y-nimistä oppilaitosta": the body is the
        controller's name; the clause is kept in the description.
        """
        if part.field == "text" and self._keeper_in_sentence(part):
            return True
        if len(value) <= _DATE_LINE_MAX and _DATE_LINE.fullmatch(value):
            self.out.note(self.path, f"the notice gives a date here: {value}")
            self.out.map(part.start, part.end, self.path)
            return True
        lead = _BODY_THEN_CLAUSE.match(value) if self.path == "controller" else None
        if lead is None or self.target().name is not None:
            return False
        self.out.add_description(flat(value), part.start, part.end)
        return self.set(self.target(), "name", lead.group("name"), part.start, part.end)

    def _keeper_in_sentence(self, part: Part) -> bool:
        """A sentence run together with a contact line that names the controller.

        "Seloste koskee Esimerkki Oy:n (jäljempänä opisto) koulutustoimintaa.
        Rekisterinpitäjän" before "yhteyshenkilö: …" on one line: the body the
        sentence names is the controller's name (in the nominative), the text
        is kept in the description. Only while the controller has no name.
        """
        if (
            self.path != "controller"
            or self.out.controller.name is not None
            or SENTENCE_BREAK.search(part.value) is None
        ):
            return False
        keeper = stated_keeper(part.value)
        if keeper is None:
            return False
        self.out.add_description(flat(part.value), part.start, part.end)
        self.out.note(self.path, "name read from a sentence in the controller's block; check")
        return self.set(self.out.controller, "name", keeper, part.start, part.end)

    def _unlabelled(self, value: str) -> str:
        """*value* without a label before the body's name ("Yhdistys: X ry", "Esbo: Esbo stad").

        A town before a colon labels the body's line of a register kept by several
        towns; it is said in a note.
        """
        value = _BODY_LABEL.sub("", value, count=1)
        placed = _PLACE_LABEL.fullmatch(value)
        if placed is None or ORGANISATION.search(placed.group("name")) is None:
            return value
        self.out.note(self.path, f"the notice labels the name: {placed.group('label')}")
        return placed.group("name")

    def _without_conjunction(self, value: str) -> str:
        """The controller's name without "och"/"ja" at its end; the next name is a second body."""
        if _AND_END.search(value) is None or self.target().name is not None:
            return value
        self.second_body = True
        return _AND_END.sub("", value)

    def _trimmed_name(self, part: Part, value: str) -> str | None:
        """*value* without what the notice adds to a name; ``None`` when it is no name."""
        value = " ".join(value.split())  # a name broken over two lines (_joined_name_lines)
        # a separator of a one-line block left at the name's end: "Kukka Oy · puh. …"
        value = value.rstrip(" " + _BULLETS) or value
        if self.path == "controller":
            # "Stiftelsen X och" over "X Ltd" (two bodies): no name ends with its conjunction
            value = self._without_conjunction(self._unlabelled(value))
            value = self._body_of_board(value)  # "Seuran hallitus": the body the title names
            owned = _OWNER_OF_SERVICE.fullmatch(value)
            if owned is not None:
                # "X Oy:n Verkkokauppa": the firm is the controller, its shop is noted
                self.out.note(self.path, f"the notice adds to the name: {owned.group('more')}")
                value = owned.group("name")
        register = _REGISTER_NAMED.fullmatch(value) if self.path == "controller" else None
        if register is not None:
            # "Saari Oy asiakasrekisteri", "X Oy:n jäsenrekisteri" in the controller's
            # block: the register's name; the firm named in it is the controller
            self.out.note(self.path, f"the notice names the register here: {value}")
            value = nominative(register.group("owner"))
        extra = (
            _FORM_THEN_MORE.match(value) or _FORM_THEN_LOWER.fullmatch(value)
            if self.path == "controller"
            else None
        )
        if extra is not None:
            # "X Oy sekä sen aputoiminimet Y ja Z": the trade names are noted
            self.out.note(self.path, f"the notice adds to the name: {extra.group('more')}")
            value = extra.group("name")
        alias = _ALIAS_TAIL.search(value) if self.path == "controller" else None
        if alias is None and self.path == "controller":
            # "Kylän kuntayhtymä (KSHP, 0818235-5)": the Y-tunnus after the abbreviation
            # left its bracket open
            alias = _OPEN_ALIAS.search(value)
        if alias is not None and not any(c.isdigit() for c in value[: alias.start()][-1:]):
            self.out.note(self.path, f"the notice adds to the name: {alias.group(1)}")
            value = value[: alias.start()]
        if self.path == "controller" and _TITLE_ONLY.fullmatch(value):
            # "Fysioterapeutti AMK, TtM Anne Esimerkki": a title and degree, not the name
            self.out.note(self.path, f"role: {value}")
            self.out.map(part.start, part.end, self.path)
            return None
        degree = _DEGREE_FIRST.match(value)
        if degree is not None and looks_like_person(value[degree.end() :]):
            self.out.note(self.path, f"degree: {degree.group(0).strip()}")
            value = value[degree.end() :]
        if self.path == "controller":
            value, care_of = self._keeper_or_care_of(value)
            if care_of:
                return value
        if self.path == "controller" and (halves := _slash_halves(value)) is not None:
            # "Hoitola Esimerkki ky/ Aino Esimerkki", "Aino Esimerkki/ Hieroja Aino
            # Esimerkki": one name, the other half (a person, a trade name) noted
            value, other = halves
            self.out.note(self.path, f"the notice adds to the name: {other}")
        return value

    def _body_of_board(self, value: str) -> str:
        """The body a board acts for, where *value* names the board, else *value*.

        "Seuran hallitus", "Föreningens styrelse": the body the title names
        ("Tietosuojaseloste – X ry"); "X ry:n hallitus": X ry. The board is noted.
        """
        board = _BOARD.fullmatch(value)
        if board is None:
            return value
        body = board.group("body")
        if not body:
            titled = _TITLED_BODY.search(self.text, 0, _TITLE_PART)
            if titled is None:
                return value  # nothing names the body: the board as printed
            body = titled.group("name")
        self.out.note(self.path, f"the notice names the body's board: {value}")
        return body

    def _keeper_or_care_of(self, value: str) -> tuple[str, bool]:
        """The controller's name of "X ry:n ylläpitämä" or "Y c/o X Oy", and whether c/o.

        The body that keeps a school ("Kylän Tanssiopiston kannatusyhdistys ry:n
        ylläpitämä") is the name; of "Palvelu.fi c/o Esimerkki Oy" the half with
        a legal form (else the first). What is left is said in a note.
        """
        kept = _KEEPER.fullmatch(value)
        if kept is not None:
            self.out.note(self.path, f"the notice says: {value}")
            value = kept.group("owner")
        care_of = _CARE_OF.fullmatch(value)
        if care_of is None:
            return value, False
        # "X ry, c/o Person": the comma before "c/o" ends the name, it is not part of it
        first, second = care_of.group("a").strip().rstrip(",;").rstrip(), care_of.group("b").strip()
        with_form = _LEGAL_FORM_ANY_CASE.search(second) is not None
        value, other = (second, first) if with_form else (first, second)
        self.out.note(
            self.path, f"the notice adds to the name: {'' if with_form else 'c/o '}{other}"
        )
        return value, True

    def _said_person(self, part: Part, kind: SectionKind, value: str) -> bool:
        """A contact person named in a sentence of the block (R1-15).

        "Yhteyshenkilönä toimii Maija Esimerkki, maija@…": the name after the
        words (a role before it noted) is the contact person's. "Tietosuoja-
        asioissa voit olla yhteydessä yrittäjä Aino Esimerkkiin, …": the name
        is inflected, so the draft says the words in a note, for a person to check.
        """
        said = _CONTACT_SAID.match(value)
        if said is None and self.path == "controller.dpo":
            said = _DPO_SAID.match(value)  # "Yrityksen tietosuojavastaavana toimii …"
            if said is not None and said.group("whose"):
                self.out.note(self.path, f"the notice says: {said.group(0).strip()}")
        if said is not None:
            rest = value[said.end() :]
            person = _PERSON_START.fullmatch(rest.strip())
            if person is None and (role := _LOWER_ROLE.match(rest)) is not None:
                person = _PERSON_START.fullmatch(rest[role.end() :].strip())
                if person is not None and looks_like_person(person.group(1)):
                    self.out.note("contact_person", f"role: {role.group(1).strip()}")
            if person is None or not looks_like_person(person.group(1)):
                return False
            return self._person(part, kind, person.group(1))
        contact = _CONTACT_WITH.search(value)
        if contact is None:
            return False
        if kind is SectionKind.CONTROLLER or self.path == "controller":
            self.path = "contact_person"
        self.out.note(self.path, f"the notice names, to contact: {value[contact.end() :].strip()}")
        self.out.map(part.start, part.end, self.path)
        return True

    def _person(self, part: Part, kind: SectionKind, value: str) -> bool:
        """A labelled contact person ("Yhteyshenkilö: Rehtori Liisa Esimerkki")."""
        if kind is SectionKind.CONTROLLER or self.path == "controller":
            self.path = "contact_person"
        role = _role_first(value)
        if role is not None and looks_like_person(value[role.end() :]):
            self.out.note(self.path, f"role: {role.group(1)}")
            value = value[role.end() :]
        return self.set(self.target(), "name", value, part.start, part.end)

    def _without_role(self, part: Part, value: str) -> str:
        """*value* without "Rekisterinpitäjänä toimii" or a role before a person's name."""
        if " " not in value and "\t" not in value:
            return value  # one word: each pattern below needs a space or a tab after a word
        stated = (
            _NAME_STATED.match(value)
            or _KEEPER_STATED.match(value)
            or _CONTROLLER_OF_THIS.match(value)
        )
        if stated is not None:
            if stated.re is _KEEPER_STATED and not _BARE_KEEPER.match(value):
                # "Kylän Kuntosalin rekisteriä ylläpitää X Oy": the unit is noted
                self.out.note(self.path, f"the notice says: {value}")
            value = stated.group(1)  # "Rekisterinpitäjänä toimii Esimerkki Oy"
            value = _described_body(value) or value  # "… toimiva yhdistys Esimerkki ry"
            tail = _FORM_THEN_WORDS.fullmatch(value) or _NAME_THEN_CLAUSE.fullmatch(value)
            if tail is not None:
                # "… toimii Esimerkki ry tämän selosteen mukaisesti": the words after the
                # legal form are no part of the name
                value = tail.group("name")
        trader = _TRADER_FIRST.match(value) if self.path == "controller" else None
        if trader is not None and looks_like_person(value[trader.end() :]):
            # "Itsenäinen ammatinharjoittaja, psykoterapeutti Aino Esimerkki": a sole
            # trader is the controller in person; the words before the name are a role
            self.out.note(self.path, f"role: {trader.group(0).strip(' ,')}")
            return value[trader.end() :]
        named_first = _NAME_FIRST.match(value)
        if named_first is not None and len(named_first.group(1).split()) <= _NAME_FIRST_WORDS:
            value = named_first.group(1)  # "Esimerkki Oy toimii … rekisterinpitäjänä."
        role = _role_first(value)
        if (
            role is not None
            and (self.path != "controller" or part.start == self.line_start)
            and looks_like_person(value[role.end() :])
        ):
            if (
                self.path == "controller"
                and self.target().name is not None
                and not self.contact_section
            ):
                self.path = "contact_person"  # "pj. Tapio Esimerkki" below the association
            # "Tietosuojavastaava Kaisa Vuorinen", "Opintosihteeri Pirjo Ahola"
            self.out.note(self.path, f"role: {role.group(1)}")
            value = value[role.end() :]
        return value

    def _named(self, part: Part, kind: SectionKind, value: str) -> bool:
        """A name: the party's own, a contact person below the controller, or another one."""
        target = self.target()
        if target is not self.out.controller and _statement(value):
            return False  # "Yritys perustettiin 1987 …" under a contact heading: no one's name
        if target.name is None or (
            self.name_from_prose
            and target is self.out.controller
            and kind is SectionKind.CONTROLLER
            and ORGANISATION.search(value) is not None
        ):
            # a body named in the section replaces a name read from a sentence before it
            return self.set(target, "name", value, part.start, part.end)
        if self._legal_half(target, part, value):
            return True
        if self.second_body and target is self.out.controller:
            # the body named after "Stiftelsen X och": a second controller, said in a note
            self.second_body = False
            self.out.note(self.path, f"a second body named with the controller (joint?): {value}")
            self.out.map(part.start, part.end, self.path)
            return True
        if (
            self.path == "controller"
            and looks_like_person(value)
            and (part.start > self.line_start or self.contact_section)
        ):
            # "Koirahoitola X, Tuula Kettunen (Y-tunnus ...)": the owner, named in the line;
            # or a person below the body's name when a section of its own names the
            # register's contact person ("pj. Tapio Esimerkki" above "2. Yhteyshenkilö")
            self.out.note(self.path, f"the notice names a person here: {value}")
            self.out.map(part.start, part.end, self.path)
            return True
        if (
            self.path == "controller"
            and kind is SectionKind.CONTROLLER
            and looks_like_person(value)
        ):
            # a person below the controller's own name: the contact person
            self.path = "contact_person"
            return self.set(self.out.contact, "name", value, part.start, part.end)
        if value.islower() and not ORGANISATION.search(value):
            return False  # "- ostohistoria" below the body's name: a list's item, no name
        if part.field == "name" or (self.path == "controller" and part.start == self.line_start):
            # "Suun terveydenhuolto" below the authority's name: noted as another name
            return self.set(target, "name", value, part.start, part.end)
        if self._person_below_body(target, part, value):
            return True
        if self.path == "contact_person" and looks_like_person(value):
            # a second contact person
            self.out.note(self.path, f"the notice names another contact here: {value}")
            self._another_person(value)
            self.out.map(part.start, part.end, self.path)
            return True
        return False

    def _own_name(self, name: str | None) -> bool:
        """Whether *name* is the controller's name or the short name the notice gives it."""
        if name is None or self.out.controller.name is None:
            return False
        said = [
            found.group(1).strip(" \"'”“’‘«».,;()")
            for note in self.out.notes.get("controller", [])
            if note.startswith(_SHORT_NAME_NOTES)
            and (found := _SHORT_NAME_SAID.search(note)) is not None
        ]
        return name.casefold() in {own.casefold() for own in (self.out.controller.name, *said)}

    def _person_below_body(self, target: ContactFields, part: Part, value: str) -> bool:
        """A person below a body's name in the contact's block: the person is the contact.

        "Kontaktperson" / "Bokföringsbyrå X Ab" / "Anna Exempel" / street / e-mail:
        the body (an accounting firm, the controller named again) is said in a
        note. Only once the controller has a name: a body's block under a
        contact heading may be the only place that names the controller
        (:meth:`body_block_as_own`).
        """
        if (
            target is not self.out.contact
            or self.path != "contact_person"
            or self.out.controller.name is None
            or not (self._body_named(target.name) or self._own_name(target.name))
            or not looks_like_person(value)
        ):
            return False
        self.out.note(self.path, f"the notice names the person's body: {target.name}")
        target.name = value
        self.out.map(part.start, part.end, self.path)
        return True

    def _legal_half(self, target: ContactFields, part: Part, value: str) -> bool:
        """'Kahvila Esimerkki / Esimerkki Oy': the half with the legal form is the name.

        Only for the controller, on the line that gave its name, after a slash,
        when the name so far has no legal form; the other half is noted. One
        body's name in two languages ("Kylän kirjasto / Byns bibliotek") is kept whole.
        """
        before = self.text[self.line_start : part.start]
        if (
            self.path != "controller"
            or target.name is None
            or not before.rstrip(" \t").endswith("/")
            or target.name not in before
        ):
            return False
        if _sole_trader_pair(target.name, value):
            # "Tmi Aino X / Lankapuoti": the sole trader and its trade name, written whole
            target.name = f"{target.name} / {value}"
        elif _LEGAL_FORM_ANY_CASE.search(target.name):
            return False
        elif _one_body_two_languages(target.name, value):
            # "Kylän Nuorisoseura / Byns Ungdomsförening ry": one body's name in two
            # languages, the legal form written once at the end (or none: "… kirjasto /
            # … bibliotek", "… kaupunki / … stad")
            target.name = f"{target.name} / {value}"
        elif _LEGAL_FORM_ANY_CASE.search(value):
            self.out.note(self.path, f"the notice adds to the name: {target.name}")
            target.name = value
        elif _other_name_of_body(value):
            # "Kylän Vesi / Kylän kaupungin vesiliikelaitos": a trade name and a formal one,
            # neither with a legal form: the name as the notice writes it, whole
            target.name = f"{target.name} / {value}"
        else:
            return False
        self.out.map(part.start, part.end, self.path)
        return True

    def set(
        self,
        target: ContactFields,
        field: str,
        value: str,
        start: int,
        end: int,
        *,
        obfuscated: bool = False,
        cleaned: str | None = None,
    ) -> bool:
        """Set a contact field (or note another value for it); map the span.

        *cleaned* is ``self._value(target, field, value)`` when the caller has it already.
        """
        value = self._value(target, field, value) if cleaned is None else cleaned
        if not value:
            return False
        if field == "name" and target is self.out.controller:
            value = self._nominative(value)
        if self._mailbox_of_controller(target, field, value):
            # "Yhteyshenkilö: Name" / "Sähköposti: seura@…" in the controller's block:
            # a mailbox not named after the person is the body's, and so is what follows
            self.path = "controller"
            self.back_to_controller = True
            target = self.out.controller
            self._relabel(start)
        current = self._current(target, field, value)
        if current is None:
            if field == "street":
                self.weak_street[id(target)] = not (self.line_postal or has_street_word(value))
            if field == "name" and target is self.out.controller:
                self.name_in_preamble = self.preamble
            setattr(target, field, value)
            if target is self.out.contact and field in _ADDRESS:
                self.block_address = self.kind is SectionKind.CONTROLLER
            if obfuscated:
                self.out.remarks.append(Remark("I011", start, end, value))
            if field == "postal_code" and (written := flat(self.text[start:end])) != value:
                # "65 101": a Finnish code printed with a space, the draft has its digits
                self.out.note(self.path, f"the notice writes the postal code as {written}")
        elif self._body_mailbox(target, field, value) and not self._named_beside(value, start):
            # "Sari Esimerkki, sari.esimerkki@… tai toimisto@…": the office's mailbox after
            # the person's own address is the body's
            self.out.controller.email = value
            self.out.note("controller", "e-mail given beside the contact person's own; check")
        elif getattr(target, field) != value:
            self._another_value(target, field, value)
        self.out.map(start, end, self.path)
        return True

    def _another_value(self, target: ContactFields, field: str, value: str) -> None:
        """Note *value*, another one of *field* than *target* has.

        A person's name is a second person's: "Yhteyshenkilö: Olli Virta, puh. …"
        under the contact person's lines, and the channels after it are his (R8-9).
        """
        label = field.replace("_", " ")
        self.out.note(self.path, f"the notice gives another {label} too: {value}")
        if field == "name" and target is not self.out.controller and looks_like_person(value):
            self._another_person(value)

    def _nominative(self, name: str) -> str:
        """*name* in the nominative when the notice gives a firm's name in the genitive.

        "TTS-Esimerkki Oy:n" (cut from "… Oy:n koulutustoiminta") is "TTS-Esimerkki
        Oy"; only after a legal form, which Finnish inflects with a colon ("ry:n",
        "Ab:s"); said in a note. "Esimerkin" or "TTS:n" stay as they are.
        """
        bare = nominative(name)
        if bare != name:
            self.out.note(self.path, f"the notice gives the name inflected: {name}")
        return bare

    def _current(self, target: ContactFields, field: str, value: str) -> str | None:
        """The value *field* has so far, or ``None`` when *value* is to replace it."""
        current: str | None = getattr(target, field)
        if current is None:
            return None
        if field == "name" and (  # each of the three asks of a name only
            self._menu_name(target, field, value)
            or self._section_name(target, field, value)
            or self._brand_then_body(target, field, value)
        ):
            self.out.note(self.path, f"the notice names {current} before it; check")
            return None
        if (
            field == "name"
            and target is self.out.controller
            and _ORGAN.fullmatch(current)
            and _MUNICIPALITY.search(value)
        ):
            # "Rekisterinpitäjä: Hyvinvointilautakunta", then "Salmelan kaupunki, PL 40, …":
            # the committee is the city's organ, the city the controller
            self.out.note(self.path, f"the notice names the body's organ: {current}")
            return None
        if field == "street" and _PO_BOX_START.match(current):
            # the visiting address after the postal one: the street is the address
            self.out.note(self.path, f"the notice gives a PO box too: {current}")
            self.overwrite_postal = 2
            return None
        if field == "street" and self.weak_street.get(id(target), False) and self.line_postal:
            # "Liike 2" on a line of its own, then "Piispansilta 11, 02230 Espoo": the
            # street on the postal code's line is the address
            self.out.note(self.path, f"the notice also gives: {current}")
            return None
        if field in {"postal_code", "town"} and self.overwrite_postal:
            self.overwrite_postal -= 1
            return None
        return current

    def _street_code(self, part: Part, value: str) -> bool:
        """Keep the street's postal code and town beside a PO box's; whether *part* was taken.

        "Katu 1, 00100 Helsinki" / "PL 800, 00101 Helsinki", in either order:
        the address's postal code and town are the street's, and a box with a
        code of its own holds it: ``po_box`` "PL 800, 00101 Helsinki" (the
        lead's note of 20:38; the model's ``Address.po_box``). *value* is the part's
        value cleaned for its field (``self._value``).
        """
        target = self.target()
        current = getattr(target, part.field)
        if part.field == "town" and self.box_town_pending:
            # the town after the box's own postal code on the box's line
            self.box_town_pending = False
            if value and target.po_box is not None:
                target.po_box = f"{target.po_box} {value}"
                self.out.map(part.start, part.end, self.path)
                return True
            return False
        if not value or current is None or current == value or target.po_box is None:
            if self.after_box and current is None:
                self.box_code[id(target)] = True
            return False
        if part.field != "postal_code":
            return False
        if self.after_box and not self.box_code.get(id(target), False):
            # the box's line after the street's: the code (and the town after it) are the box's
            target.po_box = f"{target.po_box}, {value}"
            self.box_town_pending = True
        elif not self.after_box and self.box_code.get(id(target), False):
            # the street's line after the box's: the box keeps its code and town, the
            # address takes the street's
            town = f" {target.town}" if target.town else ""
            target.po_box = f"{target.po_box}, {current}{town}"
            target.postal_code = value
            self.box_code[id(target)] = False
        else:
            return False
        self.out.map(part.start, part.end, self.path)
        return True

    def _relabel(self, start: int) -> None:
        """The label just before a value that went back to the controller ("Sähköposti:")."""
        for mapping in reversed(self.out.mapped[-2:]):
            between = self.text[mapping.end : start]
            if mapping.field == "contact_person" and not between.strip(" \t:"):
                mapping.field = "controller"
                start = mapping.start

    def _value(self, target: ContactFields, field: str, value: str) -> str:
        """*value* cleaned for *field*; empty if it cannot be one (a postal code of 4 digits)."""
        # a printable value holds no control character: nothing for clean() to replace
        value = " ".join((value if value.isprintable() else clean(value)).split()).strip(_QUOTES)
        if field == "postal_code" and not POSTAL_CODE.fullmatch(value):
            return ""  # five digits, or a Swedish code ("102 33": the address is in Sweden)
        if field == "town":
            value = _town_in_sentence(value)
        if field == "town" or (field in {"name", "street"} and target is not self.out.contact):
            # a town in capitals is written as a person writes it, the contact's as the
            # controller's ("LAPPEENRANTA" → "Lappeenranta")
            value = unshouted(value)
        if field == "email" and value.isupper():
            value = value.lower()
        return value

    def _menu_name(self, target: ContactFields, field: str, value: str) -> bool:
        """Whether the controller's name so far is a site menu's word, and *value* the name.

        "Yhteystiedot" / "Kirjaudu" in a site's menu before the notice's title,
        then "Rekisterinpitäjä: Esimerkki Oy" under it: the name with a legal
        form or a body's word, read after the title, is the controller's.
        """
        current = self.out.controller.name
        return (
            field == "name"
            and target is self.out.controller
            and current is not None
            and self.name_in_preamble
            and not self.preamble
            and ORGANISATION.search(current) is None
            and ORGANISATION.search(value) is not None
        )

    def _brand_then_body(self, target: ContactFields, field: str, value: str) -> bool:
        """Whether *value*, a name with a legal form, replaces a trade name above it.

        "Kylän Kukkapuoti" / "Esimerkki Oy" / street …: the body with its legal
        form is the controller, the trade name above it is noted (as the half
        with the legal form of "Kahvila X / X Oy" is the name).
        """
        current = self.out.controller.name
        return (
            field == "name"
            and target is self.out.controller
            and self.kind is SectionKind.CONTROLLER
            and current is not None
            and ORGANISATION.search(current) is None
            and not looks_like_person(current)
            and _FIRM_FORM.search(value) is not None
            and _LEGAL_FORM_ANY_CASE.search(current) is None
        )

    def _section_name(self, target: ContactFields, field: str, value: str) -> bool:
        """Whether *value*, a body's name in the controller's section, replaces a prose name.

        A name read from a sentence before the controller's section (a firm's
        name run together with a person's over a line break) gives way to the
        body named in the section itself.
        """
        if not (
            self.name_from_prose
            and field == "name"
            and target is self.out.controller
            and self.kind is SectionKind.CONTROLLER
            and ORGANISATION.search(value) is not None
        ):
            return False
        self.name_from_prose = False
        if self.id_from_prose and self.out.business_id is not None:
            # the sentence's Y-tunnus was the other body's: the fallbacks look again
            self.out.note("controller", f"Y-tunnus in the introduction: {self.out.business_id}")
            self.out.business_id = None
            self.id_from_prose = False
        return True

    def _body_mailbox(self, target: ContactFields, field: str, value: str) -> bool:
        """Whether *value*, a second e-mail of the contact person, is the body's mailbox.

        Only when the person's first address is named after them, the second is
        not, and the controller has no e-mail yet.
        """
        person = self.out.contact.name
        current = self.out.contact.email
        return (
            field == "email"
            and target is self.out.contact
            and person is not None
            and current is not None
            and self.out.controller.email is None
            and self._personal(current, person)
            and not self._personal(value, person)
            # "Matti Virta, matti.virta@…" named as another contact: his own mailbox
            and not _named_in(value, self._noted_people()[2])
        )

    def _named_beside(self, email: str, start: int) -> bool:
        """Whether the line of the e-mail at *start* names a person it is named after.

        "Tiedottaja Jauri Varvikko (jauri.varvikko@…)" under the contact person
        "Sonja Mäkinen (sonja.makinen@…)": a second person's own mailbox, never
        the body's.
        """
        line_start = self.text.rfind("\n", 0, start) + 1
        return any(
            personal_address(email, f"{first} {last}")
            for first, last in _NAME_PAIR.findall(self.text, line_start, start)
        )

    def _personal(self, email: str, person: str) -> bool:
        """:func:`personal_address` of *email* and *person* with the contact's noted roles."""
        return personal_address(email, person) or _named_in(email, self._noted_people()[1])

    def _noted_people(self) -> _NotedPeople:
        """How many contact notes were read, the roles' 5-letter stems and other people's names.

        "role: sihteeri" gives "sihte"; "… another contact here: Aino Esimerkki" the
        names "aino" and "esimerkki" (folded as :func:`personal_address` folds them).
        The notes are only appended to: each is read once (A15's V20: a section of
        thousands of people read them all at every e-mail).
        """
        notes = self.out.notes.get("contact_person", [])
        seen, stems, names = self.noted_people
        if seen > len(notes):
            seen, stems, names = 0, set(), set()
        prefixes = _PERSON_NOTES[:2]
        for note in notes[seen:]:
            if note.startswith("role: "):
                role = note.removeprefix("role: ").casefold().translate(_FOLD)
                stems.update(word[:5] for word in re.findall(r"\w{5,}", role))
            elif note.startswith(prefixes):
                person = note.rsplit(": ", 1)[-1].casefold().translate(_FOLD)
                names.update(re.findall(r"\w{3,}", person))
        self.noted_people = (len(notes), stems, names)
        return self.noted_people

    def _mailbox_of_controller(self, target: ContactFields, field: str, value: str) -> bool:
        """Whether an e-mail below a person named in the controller's section is the body's."""
        person = self.out.contact.name
        return (
            field == "email"
            and target is self.out.contact
            and self.kind is SectionKind.CONTROLLER
            and person is not None
            and self.out.contact.email is None
            and self.out.controller.email is None
            and not self._personal(value, person)
        )

    def business_id(
        self, value: str, path: str, start: int, end: int, *, written: str | None = None
    ) -> bool:
        """Check and set the controller's Y-tunnus (I002 if its check digit is wrong)."""
        written = written or value
        value = compact_business_id(value)
        if not ytunnus.is_valid(value):
            self.out.remarks.append(Remark("I002", start, end, written))
            # a wrong check digit, or another country's registry code ("14646378 (Viron
            # tasavalta)"): never the draft's Y-tunnus, never lost either
            line_end = self.text.find("\n", end)
            after = self.text[end : len(self.text) if line_end < 0 else line_end]
            country = _COUNTRY_NOTE.match(after)
            shown = f"{written} ({country.group(1)})" if country else written
            self.out.note(
                "controller" if path.startswith("controller") else path,
                f"the notice gives a business ID that is no valid Y-tunnus: {shown}",
            )
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
        elif path == "contact_person" and self.contact_business_id is None:
            # a person has no Y-tunnus: the body's, settled at the end (settle_address)
            self.contact_business_id = (canonical, start, end)
            self.out.map(start, end, path)
        else:
            self.out.note(path, f"Y-tunnus in this part of the notice: {canonical}")
            self.out.map(start, end, path)
        return True

    def other_emails(self) -> list[str]:
        """The e-mails of second persons, noted as theirs (:meth:`_channel_owner`)."""
        return [c["email"] for c in self.others.values() if "email" in c]

    def reachable_contact(self) -> None:
        """A second contact person with a phone or e-mail, when the first has none (Q25).

        "Rekisterin vastuuhenkilö" / "Leena Esimerkki", then "Rekisteriasioita
        hoitava henkilö" / "Mikko Esimerkki, mikko@…": Mikko, whom the notice
        gives a way to reach, is the contact person; Leena is said in a note.
        """
        contact = self.out.contact
        if contact.email or contact.phone or contact.url or contact.address() is not None:
            return
        person, channels = next(iter(self.others.items()), (None, None))
        if person is None or channels is None:
            return
        if contact.name is not None:
            self.out.note("contact_person", f"also named, with no phone or e-mail: {contact.name}")
        contact.name = person
        contact.email = channels.get("email")
        contact.phone = channels.get("phone")

    def settle_address(self) -> None:
        """The controller's address from the contact block when the notice gives it there.

        "Tekoshirt Oy / Y-tunnus … / Minna Esimerkki / Osoite: …": the address
        after a person named in the controller's section is the controller's;
        so is the address of a contact section that names a body, not a person
        ("Yhteydet rekisteriasioissa: Kampaamo X, Katu 1, …"), or no one. When
        the controller has a street and the contact person the same street,
        the contact person's postal code and town complete it. A firm or a
        public body with no address of its own is reached at its contact
        person's ("Yhteyshenkilö: X" / "Osoite: Katu 9, …" under a contact
        heading): that address is the controller's too; an association's
        contact person may give their home's. Noted in the draft.
        """
        self._settle_business_id()
        self._own_contact_block()
        self._box_only()
        own, contact = self.out.controller, self.out.contact
        given = [f for f in ("street", "postal_code", "town") if getattr(contact, f)]
        if not given:
            return
        if own.street or own.postal_code or own.town:
            if own.street is not None and own.street == contact.street:
                for field in ("postal_code", "town"):
                    if getattr(own, field) is None and getattr(contact, field) is not None:
                        setattr(own, field, unshouted(getattr(contact, field)))
            return
        body = contact.name is None or ORGANISATION.search(contact.name) is not None
        same = contact.name is not None and contact.name.casefold() == (own.name or "").casefold()
        volunteers = _VOLUNTEERS.search(own.name or "") is not None
        if not (self.block_address or body or same) and (
            volunteers or own.po_box is not None or contact.street is None
        ):
            # a person's address: an association's contact person may give their home's;
            # a controller with a PO box of its own is reached there; a person's PO box
            # ("PL 12, 02070 …") is no street of the controller's
            return
        for field in given:
            setattr(own, field, unshouted(getattr(contact, field)))
        self.out.note("controller", "address read from the contact details below it; check")

    def _box_only(self) -> None:
        """A PO box read as a street goes to the box's own field: the street stays empty.

        "Postiosoite: PL 1405, 00101 Helsinki" where the box was read as a
        street: it is the address's ``po_box``; the postal code and town stay.
        """
        own = self.out.controller
        if own.street is None or _PO_BOX_START.match(own.street) is None:
            return
        if _BOX_ONLY.fullmatch(own.street) and own.po_box is None:
            own.po_box = own.street
            own.street = None

    def _own_contact_block(self) -> None:
        """A contact block named after the controller is the controller's own.

        "Yhteystiedot rekisteriä koskevissa asioissa:" / "Esimerkki Oy" /
        street / phone / e-mail: no person, the body's own channels. They go
        to the controller where it has none; the contact person is left empty.
        """
        self._contact_block_as_own(body=False)

    def body_block_as_own(self) -> None:
        """Where no controller name was read anywhere, a contact block naming a body is its own.

        Called after the document-wide readings (title, introduction, the
        Y-tunnus's line: :func:`rekisteri.importer._fallback.implied_controller`),
        so that a property manager's or an accounting firm's block under
        "Yhteyshenkilö" does not replace the controller the title names (R4-4).
        """
        if self.out.controller.name is None and self._body_named(self.out.contact.name):
            self._contact_block_as_own(body=True)

    def _contact_block_as_own(self, *, body: bool) -> None:
        """Move the contact block to the controller: its name too when *body*."""
        own, contact = self.out.controller, self.out.contact
        if not body and (
            contact.name is None
            or own.name is None
            or contact.name.casefold() != own.name.casefold()
        ):
            return
        said = self.out.notes.get("contact_person", [])
        people = [n.rsplit(": ", 1)[-1] for n in said if n.startswith(_PERSON_NOTES)]
        if people:
            # "Esimerkki Oy / Aino Esimerkki" with the person's own e-mail: a contact person
            return
        if body:
            # no controller named anywhere, a body's block under a contact heading: its own
            own.name = contact.name
            self.out.note("controller", "name read from a contact block that names a body; check")
        for field in ("email", "phone", "url", "street", "postal_code", "town"):
            value = getattr(contact, field)
            if value is not None and getattr(own, field) is None:
                setattr(own, field, unshouted(value) if field == "town" else value)
            setattr(contact, field, None)
        contact.name = None
        self.out.note("controller", "contact details for the register read as its own; check")

    @staticmethod
    def _body_named(name: str | None) -> bool:
        """Whether *name* is a body's ("Esimerkki Oy", "Kylän kunta"), not a person's."""
        if name is None or looks_like_person(name) or _statement(name):
            return False
        found = [*ORGANISATION.finditer(name)]
        # "X Oy hoitaa rekisteriä …": words in lower case after the body's name, a sentence
        return bool(found) and not any(
            word[:1].islower() for word in name[found[-1].end() :].split()
        )

    def _settle_business_id(self) -> None:
        """A Y-tunnus given only under the contact heading is the controller's.

        A contact person has none of their own: the number identifies the body
        (a sole trader's firm, an association) whose contact details these are.
        When the controller has a Y-tunnus already, the other one stays a note.
        """
        found = self.contact_business_id
        if found is None:
            return
        canonical, start, end = found
        if self.out.business_id is None:
            self.out.business_id = canonical
            self.out.note("controller", "Y-tunnus read from the contact details; check")
            self.out.map(start, end, "controller.business_id")
        elif self.out.business_id != canonical:
            self.out.note("contact_person", f"Y-tunnus in this part of the notice: {canonical}")

    def _contact_prose(self, sentence: str, start: int, end: int) -> bool:
        """A sentence that names the contact person ("Yhteyshenkilönä toimii …, puh. …").

        Its person, phone and e-mail are the contact person's, never the controller's.
        """
        said = _CONTACT_SAID.search(sentence)
        if said is None or STATED_CONTROLLER.search(sentence) is not None:
            return False
        contact = self.out.contact
        rest = sentence[said.end() :]
        # a role before the name: "ympäristötarkastaja Leena Rinne", "Rehtori Liisa Esimerkki"
        role = _role_first(rest) or _LOWER_ROLE.match(rest)
        person = _PERSON_START.match(rest[role.end() :] if role is not None else rest)
        if person is not None and looks_like_person(person.group(1)) and contact.name is None:
            contact.name = person.group(1)
            if role is not None:
                self.out.note("contact_person", f"role: {role.group(1).strip()}")
        for part in parse_line(sentence, 0, len(sentence)):
            if part.field in {"phone", "email"} and getattr(contact, part.field) is None:
                setattr(contact, part.field, flat(part.value))
        self.out.note("contact_person", "read from a sentence; check")
        self.out.map(start, end, "contact_person")
        return True

    def scan_business_ids(self) -> None:
        """Report labelled Y-tunnukset anywhere whose check digit is wrong."""
        reported = {(r.start, r.end) for r in self.out.remarks if r.code == "I002"}
        for found in YTUNNUS_ANY.finditer(self.text):
            value = found.group("id")
            if ytunnus.is_valid(compact_business_id(value)):
                continue
            if any(s <= found.start("id") < e for s, e in reported):
                continue
            self.out.remarks.append(Remark("I002", found.start("id"), found.end("id"), value))

    def prose(self, sentence: str, start: int, end: int) -> None:
        """A sentence outside the controller section that names the controller."""
        out = self.out
        if self._contact_prose(sentence, start, end):
            return
        before = attrs.astuple(out.controller), out.business_id
        self._read_prose(sentence, start, end)
        if (attrs.astuple(out.controller), out.business_id) == before:
            # nothing in it for the controller (a sentence after the one that named it):
            # the text is kept in the description, not lost
            out.add_description(sentence, start, end)
            return
        if len(sentence.split()) > _PROSE_WORDS:
            out.add_description(sentence, start, end)  # more than the contact details
        out.note("controller", "read from a sentence, not from a controller section; check")
        out.map(start, end, "controller")

    def _read_prose(self, sentence: str, start: int, end: int) -> None:
        """The controller's name, Y-tunnus, e-mail, address and phone in *sentence*."""
        out = self.out
        company = COMPANY.search(sentence)
        stated = STATED_CONTROLLER.search(sentence)
        if company is not None and _HEADING_LEAD.match(company.group(1)):
            # "1.Rekisterinpitäjä" / "Kylän Kylät ry, …" run together: the heading is no name
            lead = _HEADING_LEAD.match(company.group(1))
            assert lead is not None
            company = COMPANY.search(sentence, company.start(1) + lead.end())
        if (
            company is not None
            and stated is not None
            and out.controller.name is None
            and stated.group("name").rstrip().endswith(company.group(1))
            and _described_body(stated.group("name").strip()) is None
        ):
            # "Rekisterinpitäjä on Suomen Esimerkit - Finlands Exempel ry, Katu 5": the whole
            # stated name, not its last words before the legal form
            out.controller.name = stated.group("name").strip()
            self.name_from_prose = True
        elif company is not None and out.controller.name is None:
            designation = _DESIGNATION.match(sentence, company.end(1))
            # "Kotisointu Oy LKV:ään": a licensed agent's letters after the legal form
            out.controller.name = company.group(1) + (designation.group(1) if designation else "")
            self.name_from_prose = True
        elif stated is not None and out.controller.name is None:
            # "Rekisterinpitäjä on Kylän kaupungin tekninen lautakunta, osoite …"
            name = stated.group("name").strip()
            tail = _FORM_THEN_WORDS.fullmatch(name) or _NAME_THEN_CLAUSE.fullmatch(name)
            # "Rekisterinpitäjänä toimii X LKV yritys tämän selosteen mukaisesti": X LKV
            out.controller.name = unshouted(tail.group("name") if tail else name)
            self.name_from_prose = True
        business = YTUNNUS.search(sentence)
        if business is not None:
            had = out.business_id
            self.business_id(business.group(1), "controller", start, end)
            self.id_from_prose = had is None and out.business_id is not None
        self._prose_email(sentence)
        self.path = "controller"
        for part in parse_line(sentence, 0, len(sentence)):
            if (
                part.field in _ADDRESS | {"phone"}
                and getattr(out.controller, part.field, 1) is None
            ):
                value = flat(part.value)
                setattr(
                    out.controller, part.field, unshouted(value) if part.field == "town" else value
                )

    def _prose_email(self, sentence: str) -> None:
        """The e-mail of a sentence naming the controller: a person's goes to the contact.

        "Seura ry, Katu 4, 50100 Kylä, y-tunnus … Aino Esimerkki, toimisto@…":
        the address after the person's name is the contact person's.
        """
        out = self.out
        found = next(iter(emails_in(sentence)), None)
        if found is None:
            return
        address, start, _end = found
        if email_owner(sentence, start) == "controller":
            if out.controller.email is None:
                out.controller.email = address
        elif out.contact.email is None:
            out.contact.email = address
            out.note("contact_person", "e-mail of a person named in the text; check")


#: A sentence that names the controller and says more than its contact details has
#: more words than this: it is also kept in the description.
_PROSE_WORDS: Final = 8
#: "Rekisterinpitäjä on X, osoite …", "Rekisterinpitäjänä toimii X.": the controller named
#: in a sentence, its name up to a comma, a bracket, the sentence's end or a label.
#: A heading on the person responsible for the register, and one on the contact person.
_RESPONSIBLE: Final = re.compile(
    r"(?i)vastaava|vastuuhenkilö|ansvarig[ \t]+person|ansvarsperson|responsible|handläggare"
)
_CONTACT_WORD: Final = re.compile(r"(?i)yhteyshenkilö|kontaktperson|contact[ \t]+person")
#: The data protection officer's label at a line's start: "Tietosuojavastaava:", "DPO:".
_DPO_LINE: Final = re.compile(
    # the body's officer with the body's name in the genitive first (a Finnish "Oy:n",
    # a Swedish "Bolagets", an English "Ltd's" before the officer's word)
    r"(?i)(?:\S+(?:[ \t]+\S+){0,4}?(?::n|:s|'s|(?<=[^\W\d_])(?:n|s))[ \t]+)?"
    # "tietosuojahenkilö" ("data protection person"): a small body's word for its officer
    r"(?:tietosuojavastaava|tietosuojahenkilö|dataskyddsombud(?:et)?"
    r"|data[ \t]+protection[ \t]+officer|dpo)(?:[ \t]*:[ \t]*|[ \t]*$)"
)
#: A body that names itself: "Olemme X Oy", "We are X Ltd", "Vi är X Ab".
_WE_ARE: Final = re.compile(
    r"(?i)(?:(?:me[ \t]+)?olemme|we[ \t]+are|vi[ \t]+är)[ \t]+(?-i:[A-ZÄÖÅ])"
)
STATED_CONTROLLER: Final = re.compile(
    r"(?i)(?:rekisterin ?pitäjä(?:nä)?|personuppgiftsansvarig|registeransvarig"
    r"|(?:the )?(?:data )?controller)[ \t]+(?:on|toimii|är|is)[ \t]+"
    r"(?P<name>(?-i:[A-ZÄÖÅ])[^,.;:()\n]{2,100}?)"
    r"(?=[ \t]*(?:[,;:(]|\.(?:\s|$)|$)|[ \t]+(?:osoite|adress|address|y-tunnus|fo-nummer|puh)\b)"
)
#: The same in a case-folded sentence that goes on to give a postal code: strong
#: evidence that the sentence is the controller's contact block.
_STATED_WITH_ADDRESS: Final = re.compile(
    r"(?:rekisterin ?pitäjä(?:nä)?|personuppgiftsansvarig|registeransvarig)[ \t]+"
    r"(?:on|toimii|är)[ \t]+[^.]{3,160}?(?<![\d-])[0-9]{5}(?![\d-])"
)


def states_controller(low: str) -> bool:
    """Whether a case-folded sentence names the controller with a postal address.

    Examples:
        >>> states_controller("rekisterinpitäjä on kylän lautakunta, osoite katu 9, 13101 kylä.")
        True
        >>> states_controller("rekisterinpitäjä on velvollinen korjaamaan tiedot.")
        False
    """
    return _STATED_WITH_ADDRESS.search(low) is not None


#: A sentence that names the contact person: "Yhteyshenkilönä toimii …", "Kontaktperson är …".
_CONTACT_SAID: Final = re.compile(
    r"(?i)\b(?:yhteyshenkilö(?:nä|mme)?|kontaktperson(?:en)?|(?:our )?contact person)"
    r"[ \t]+(?:on|toimii|är|is|fungerar)[ \t]+"
)
#: The data protection officer said in a sentence of the DPO's section: "Yrityksen
#: tietosuojavastaavana toimii …", "Vårt dataskyddsombud är …", "Som vårt dataskyddsombud
#: fungerar …", "Our DPO is …".
_DPO_SAID: Final = re.compile(
    r"(?i)(?P<whose>(?:[\w:&.-]+[ \t]+){1,5})?(?:tietosuojavastaava(?:na|mme)?"
    r"|dataskyddsombud(?:et)?|data[ \t]+protection[ \t]+officer|dpo)"
    r"[ \t]+(?:on|toimii|är|is|fungerar)"
    r"(?:[ \t]+(?:tällä hetkellä|nykyisin|för närvarande|currently))?[ \t]+"
)
#: Whom to contact, said in a sentence before an inflected name: "… voit olla
#: yhteydessä yrittäjä Aino Esimerkkiin", "… kan du kontakta …", "… please contact …".
_CONTACT_WITH: Final = re.compile(
    r"(?i)\b(?:(?:voi(?:t|tte)?|voi)[ \t]+olla[ \t]+yhteydessä|ota(?:tte)?[ \t]+yhteyttä"
    r"|kan[ \t]+(?:du|ni)[ \t]+kontakta|(?:please[ \t]+)?contact)[ \t]+(?=\w)"
    # "Other contact details: tel. …": a label of the same party's channels, no person
    r"(?!(?:details|information|info)\b)"
)
#: A role in lower case before a name: "ympäristötarkastaja ", "vt. rehtori ".
_LOWER_ROLE: Final = re.compile(r"((?:[a-zäöå][\w.-]*[ \t]+){1,2}?)(?=[A-ZÄÖÅ])")
#: A person's name at the start of a text: two to four capitalised words.
_PERSON_START: Final = re.compile(r"((?:[A-ZÄÖÅ][\w'-]+[ \t]+){1,3}[A-ZÄÖÅ][\w'-]+)")
#: A heading that names the controller first and then its contact person:
#: "Rekisterinpitäjä, rekisterivastaava ja …", "Personuppgiftsansvarig och kontaktperson".
_CONTROLLER_FIRST: Final = re.compile(
    r"(?:rekisterin ?pitäjä|registeransvarig|personuppgiftsansvarig|(?:the )?(?:data )?controller)"
    r"(?:[ \t]*,|[ \t]+(?:ja|sekä|och|samt|and|&|/)[ \t])"
)
#: A role alone as a label, perhaps with the year of office: "Jäsensihteeri 2017:",
#: "Sekreterare:". The lines after it are that person's.
_ROLE_LABEL: Final = re.compile(
    rf"((?:\w+[ \t]+)?\w*(?:{ROLE.pattern.removeprefix('(?i)')})\w*)"
    r"(?:[ \t]+(?:19|20)[0-9]{2}(?:[–-](?:19|20)?[0-9]{2})?)?[ \t]*:",
    re.IGNORECASE,
)
#: A heading that names the contact person first: "Kontaktperson för registeransvarig",
#: "Rekisterinpitäjän yhteyshenkilö", "Contact person of the controller".
_CONTACT_FIRST: Final = re.compile(
    r"(?:(?:rekisterinpitäjän|registeransvariges|personuppgiftsansvariges|the controller's)"
    r"[ \t]+)?(?:yhteyshenkilö|kontaktperson|contact person)\b"
)
#: The rest of a heading cut in two has at most this many words.
_HEADING_REST_WORDS: Final = 6
#: Words of a heading about the register, never in a person's name.
_HEADING_WORDS: Final = re.compile(
    r"(?i)\b(?:register|registry|registret|registrets"
    # not a job title: "rekisteripäällikkö", "rekisterinhoitaja" name a person's role
    r"|rekister(?!\w*(?:päällikkö|hoitaja|sihteeri|valvoja|asiantuntija|vastaava))\w*)\b"
)


#: A sentence's verb ("perustettiin", "on", "was", "grundades") or a year in it.
_STATED: Final = re.compile(
    r"(?i)\b(?:on|ovat|oli|olivat|ei|\w{3,}(?:tiin|taan|tään)"
    r"|är|var|har|blev|\w{4,}(?:ades|des|ats)|is|are|was|were|has|have|had"
    # who serves in a role: "Som vårt ombud fungerar …", "… toimii …", "… acts as …"
    r"|fungerar|toimii|toimivat|acts|serves)\b"
    r"|\b(?:1[89]|20)\d\d\b"
)
#: A name has at most this many words (a person's, a unit's, a firm's with its form).
_NAME_WORDS: Final = 4


def _statement(value: str) -> bool:
    """Whether *value* is a sentence about something, not a name: many words, a verb or a year.

    "Yritys perustettiin vuonna 1987 Virroilla", "The company was founded in
    1987 in Vaasa" are no one's name; "Asiakaspalvelu", "Maija Meikäläinen",
    "Kuusimäen Puutarha Oy:n toimitusjohtaja" are.
    """
    words = value.split()
    lower = sum(word[:1].islower() for word in words)
    return len(words) > _NAME_WORDS and lower >= 2 and _STATED.search(value) is not None


#: A numbering before a heading's words: "1.", "2)", "III".
_NUMBER_ONLY: Final = re.compile(r"[ \t\W]*(?:[0-9]{1,2}|[IVX]{1,4})[.)]?[ \t\W]*")
#: An English heading about the register's party: "Owner of the register", "Keeper of the file".
_OF_THE_REGISTER: Final = re.compile(
    r"(?i)(?:[\w-]+[ \t]+){1,4}of[ \t]+(?:the[ \t]+|this[ \t]+)?(?:personal[ \t]+data[ \t]+"
    r"|data[ \t]+|customer[ \t]+)?(?:register|registry|file|data[ \t]+file|database)"
)
#: The heading kinds whose words are never a party's name ("Registeransvarige", "Kontakt").
_NAMELESS_KINDS: Final = frozenset({SectionKind.CONTROLLER, SectionKind.CONTACT})


def _heading_as_name(value: str) -> bool:
    """Whether *value*, where a party's name would stand, is a heading's words.

    A heading the tables know ("Rekisterinpitäjä", "Kontaktperson"), a word
    alone that names the controller or the contact person in another inflection
    ("Registeransvarige"), or an English "… of the register". Never a line with a
    legal form or a body's word, a digit, or a full stop or colon at its end.

    Examples:
        >>> _heading_as_name("Registeransvarige"), _heading_as_name("Owner of the register")
        (True, True)
        >>> _heading_as_name("City of Esimerkki"), _heading_as_name("Kontakt Oy")
        (False, False)
    """
    if (
        len(value.split()) > _HEADING_REST_WORDS
        or ORGANISATION.search(value)
        or any(char.isdigit() for char in value)
        or value.endswith((".", ":"))
    ):
        return False
    if _OF_THE_REGISTER.fullmatch(value) or recognise(value) in _NAMELESS_KINDS:
        return True
    return len(value.split()) == 1 and guess(value) in _NAMELESS_KINDS


def _names_person(value: str) -> bool:
    """Whether *value* ends with a person's name after a role ("Rekisterinhoitaja Liisa Ek")."""
    words = value.split()
    return any(looks_like_person(" ".join(words[i:])) for i in range(1, len(words) - 1))


#: A unit of an authority written after its name: "Kylän kunta, Sivistyslautakunta".
_UNIT: Final = re.compile(
    r"(?i)^(?:[\w-]+[ \t]+){0,3}[\w-]*"
    r"(?:lautakunta|toimiala|palvelut|keskus|yksikkö|virasto|osasto|nämnden|sektorn)$"
)
_QUOTES: Final = "\"'”“„«»’‘"
#: A statute or regulation named on a line: "EU:n yleinen tietosuoja-asetus", "(523/1999)".
_STATUTE: Final = re.compile(
    r"(?i)tietosuoja-asetu|henkilötietola|tietosuojala|\bgdpr\b|dataskyddsförordning"
    r"|personuppgiftslag|data protection regulation|\b[0-9]{1,4}/(?:19|20)[0-9]{2}\b"
)
#: A question of a few words, no channel in it: "Onko tietojen antaminen pakollista?".
_QUESTION: Final = re.compile(r"^[^@:\d]{6,120}\?$")
#: A Finnish postal code alone on a line: "00100", "00 100", "FI-00100".
_CODE_ALONE: Final = re.compile(r"(?:(?:FI|FIN)[ \t]?-?[ \t]?)?(?:[0-9]{5}|[0-9]{2}[ \t][0-9]{3})")
#: A register's name that opens with its owner's name and legal form: "X Oy asiakasrekisteri".
_REGISTER_NAMED: Final = re.compile(
    r"(?P<owner>[A-ZÄÖÅ]\S*(?:[ \t]+\S+){0,4}?[ \t]+(?i:oyj|oy|ab|ky|tmi|ry|rf|sr|osk)"
    r"(?::n|:s)?)[ \t]+[\w-]*(?i:rekisteri|register|registret)"
)
#: The kind of document a notice is: words that name no controller.
_NOTICE_KIND: Final = re.compile(
    r"(?i)seloste\b|selosteen\b|tietosuojailmoitus|beskrivning(?:en)?\b|privacy[ \t]+"
    r"(?:notice|policy|statement)|data[ \t]+protection[ \t]+(?:notice|statement)"
)
#: A sentence that tells whom to contact: its channels are the contact person's.
_CONTACT_SENTENCE: Final = re.compile(
    r"(?i)yhteydessä|yhteyttä|tavoittaa|kontakta|kontakt med|contact|reach"
)
#: A role alone on a line has at most this many words ("Asiamies", "Hallituksen sihteeri").
_ROLE_WORDS: Final = 2
#: One or two words in lower case without a digit ("på", "eller per", "at"): no name.
_LINKING_WORDS: Final = re.compile(r"[a-zåäö]{1,6}(?:[ \t]+[a-zåäö]{1,6})?")
#: A town after a label in a sentence: "kotipaikka on Vantaa ja osoite …", "hemort är Vasa";
#: or a town in capitals run together with the next line's words ("VASA Registeransvariga").
_TOWN_IN_SENTENCE: Final = re.compile(
    r"(?:on|är|is)[ \t]+(?P<town>[A-ZÄÖÅ][\w-]*)(?:[ \t]+(?:ja|sekä|och|samt|and)\b.*)?"
    r"|(?P<shouted>[A-ZÄÖÅ]{2,}(?:-[A-ZÄÖÅ]{2,})?)[ \t]+[A-ZÄÖÅ][a-zäöå].*"
)


def _town_in_sentence(value: str) -> str:
    """The town of "on Vantaa ja …" (a label's word in a sentence, then the verb), else *value*.

    Examples:
        >>> _town_in_sentence("on Vantaa ja")
        'Vantaa'
        >>> _town_in_sentence("VASA Registeransvariga är")
        'VASA'
        >>> _town_in_sentence("Vantaa")
        'Vantaa'
    """
    found = _TOWN_IN_SENTENCE.fullmatch(value)
    return (found.group("town") or found.group("shouted")) if found else value


_LABEL_WORDS: Final = frozenset(
    [
        "nimi",
        "nimet",
        "ja",
        "sekä",
        "tai",
        "muut",
        "yhteystiedot",
        "osoite",
        "postiosoite",
        "käyntiosoite",
        "puhelin",
        "sähköposti",
        "rekisterinpitäjän",
        "rekisterinpitäjä",
        "tiedot",
        "namn",
        "och",
        "adress",
        "kontaktuppgifter",
        "telefon",
        "e-post",
        "name",
        "and",
        "address",
        "contact",
        "details",
        # address labels alone on a line ("Postal address", "Besöksadress"): no name
        "postal",
        "mailing",
        "visiting",
        "postadress",
        "besöksadress",
        "gatuadress",
        "laskutusosoite",
        "sähköpostiosoite",
        "puhelinnumero",
        "telefonnummer",
        "phone",
        "telephone",
        "e-mail",
        "email",
    ]
)
#: "Rekisteriä ylläpitää X ry", "Registret förs av X rf": the keeper named after the verb;
#: also after the register's owner in the genitive ("Kylän Kuntosalin rekisteriä ylläpitää
#: X Oy", "Kuntosalens kundregister förs av X Ab"): the genitive names a unit, not the keeper.
_KEEPER_STATED: Final = re.compile(
    r"(?i)^(?:(?:[\w&'-]+[ \t]+){0,4}[\w&'-]+(?::n|:s|n|s)[ \t]+)??(?:tätä[ \t]+)?"
    r"(?:[\w-]*rekisteriä|[\w-]*registret|[\w-]+register)[ \t]+(?:ylläpitää|pitää|förs[ \t]+av"
    r"|upprätthålls[ \t]+av)[ \t]+((?-i:[A-ZÄÖÅ]).+?)\.?$"
)
_BARE_KEEPER: Final = re.compile(r"(?i)(?:tätä[ \t]+)?(?:rekisteriä|registret)[ \t]")
_NAME_STATED: Final = re.compile(
    r"(?i)^(?:(?:\w+[ \t]+){0,2}(?:on|toimii|är|is)"
    # "Olemme X Oy", "We are X Ltd", "The controller of your personal data is X Ltd"
    r"|(?:me[ \t]+)?olemme|we[ \t]+are|vi[ \t]+är|(?:the[ \t]+)?(?:data[ \t]+)?controller"
    r"[ \t]+(?:of|for)[ \t]+(?:your|the)[ \t]+(?:personal[ \t]+)?(?:data|information)[ \t]+is)"
    # not the role word itself: "X är personuppgiftsansvarig (FO-nummer …)" names X (H49)
    r"[ \t]+(?!(?:rekisterinpitäjä|personuppgiftsansvarig|registeransvarig"
    r"|(?:the[ \t]+)?(?:data[ \t]+)?controller)\w*[ \t]*(?:\(|\.?$))"
    r"(.+?)\.?$"
)
#: "Tämän tietosuojaselosteen rekisterinpitäjänä toimii X", "Registeransvarig för denna
#: beskrivning är X": the role word, then up to three words on what it is the controller of.
_CONTROLLER_OF_THIS: Final = re.compile(
    r"(?i)^(?:\w+[ \t]+){0,3}?(?:rekisterinpitäjä(?:nä)?|registeransvarig|personuppgiftsansvarig"
    r"|(?:data[ \t]+)?controller)(?:[ \t]+\w+){0,3}?[ \t]+(?:on|toimii|är|is)[ \t]+"
    r"((?-i:[A-ZÄÖÅ]).+?)\.?$"
)
#: "Esimerkki Oy toimii asiakastietojen rekisterinpitäjänä": the name comes first.
_NAME_FIRST: Final = re.compile(
    r"^([A-ZÄÖÅ0-9][^,;:]*?)[ \t]+(?i:on|toimii|är|is|acts[ \t]+as)[ \t]+(?:\S+[ \t]+){0,6}"
    r"(?i:rekisterinpitäjä\w*|personuppgiftsansvarig\w*|registeransvarig\w*"
    r"|(?:data[ \t]+)?controller)"
    r"\b[^.]*\.?$"
)
_NAME_FIRST_WORDS: Final = 6
#: A date with its label alone: "Laadittu: 14.3.2024", "Päivitetty 1.2.2025", "… 05.2023",
#: "Voimassa 1.1.2022 alkaen".
#: A date line is short; the bound keeps the pattern's backtracking off long runs of spaces.
_DATE_LINE_MAX: Final = 80
_DATE_LINE: Final = re.compile(
    r"(?:[^\W\d_][\w -]{0,30}?(?:[ \t]*:)?[ \t]*)?"
    r"(?:[0-9]{1,2}\.[ \t]?[0-9]{1,2}\.[ \t]?(?:[0-9]{4}|[0-9]{2})"
    # a month and a year: "Päivitetty 05.2023", "Uppdaterad 5/2023"
    r"|[0-9]{1,2}[./](?:19|20)[0-9]{2})\.?"
    # the date from which the notice is in force: "Voimassa 1.1.2022 alkaen"
    r"(?:[ \t]+(?:alkaen|lähtien|från och med|framåt|onwards))?\.?"
)
#: Two capitalised words, as a person's first and last name: "Jauri Varvikko".
_NAME_PAIR: Final = re.compile(
    r"\b([A-ZÄÖÅ][a-zäöå]+(?:-[A-ZÄÖÅ][a-zäöå]+)?)[ \t]+([A-ZÄÖÅ][a-zäöå]+)\b"
)
#: Notes that name a person in a contact block ("… another contact here: Aino Esimerkki").
_PERSON_NOTES: Final = (
    "the notice names another contact here",
    "the notice names a person here",
    "the notice adds to the name",
)
#: A country or a note in brackets right after a business ID: "(Viron tasavalta)".
_COUNTRY_NOTE: Final = re.compile(r"[ \t]*\(([^()\d]{3,40})\)")
#: A street that is a PO box alone: "PL 1405", "PB 12".
_BOX_ONLY: Final = re.compile(r"(?i)(?:PL|PB|P\.?\s?O\.?\s?Box|Box|Postilokero)\.?\s*[0-9]{1,6}")
_PO_BOX_START: Final = re.compile(r"(?i)(?:PL|PB|P\.?\s?O\.?\s?Box|Box|Postilokero)\b")
# Each branch starts only where a run of blanks starts ((?<![ \t])): tried from
# every blank of a long run, the search took time quadratic in the run's length.
_PARENTHETICAL: Final = re.compile(
    r"(?<![ \t])[ \t]*\((?:jäljempänä|jatkossa|myöhemmin|nedan|hereinafter|later)\b[^)]*\)?"
    r"|(?<![ \t])[ \t]*[(\[][ \t]*[“”\"'„«»][^()\[\]]{1,40}[)\]]?"  # an alias in quotes: (“Puoti”)
    r"|(?<![ \t])[ \t]*,[ \t]*(?:jäljempänä|jatkossa|myöhemmin|nedan|hereinafter)\b.*$"
)
#: What a name ends with in brackets: an abbreviation or a word about the name,
#: "Suunnistajat -37 ry (LS-37)", "Säätiö sr (rekisterinumero)".
#: Academic and professional degrees written after or before a name ("AMK", "TtM", "FM").
_DEGREE: Final = r"(?:YAMK|AMK|TtM|TtK|TtT|FM|FK|KM|KK|FT|TM|KTM|DI|LL|LKT|HLL|ETM|PsM|YTM|Ft)"
#: A title with degrees only: "Fysioterapeutti AMK", "TtM".
_TITLE_ONLY: Final = re.compile(rf"(?:[A-ZÄÖÅa-zäöå]\w+[ \t]+)?{_DEGREE}(?:[ \t,]+{_DEGREE})*")
#: Degrees before a person's name: "TtM Anne Esimerkki".
_DEGREE_FIRST: Final = re.compile(rf"(?:{_DEGREE}[ \t,]+)+")
_SLASHED: Final = re.compile(r"(?P<a>[^/]*\w)[ \t]*/[ \t]*(?P<b>\w[^/]*)")
#: A legal form of a firm or an association; not a sole trader's "Tmi" (a salon of two
#: traders is named by its trade name).
_FIRM_FORM: Final = re.compile(r"(?i)(?<![\w-])(?:oyj|oy|ab|ky|ay|ry|rf|sr)(?![\w-])")
_LEGAL_FORM_ANY_CASE: Final = re.compile(r"(?i)(?<![\w-])(?:oyj|oy|ab|ky|ay|tmi|ry|rf|sr)(?![\w-])")


#: A label for the kind of body before its name: "Yhdistys: X ry", "Förening: X rf".
_BODY_LABEL: Final = re.compile(
    r"(?i)^(?:yhdistys|yhdistyksen[ \t]+nimi|seura|säätiö|yritys|yhtiö|organisaatio|förening"
    r"|föreningens[ \t]+namn|stiftelse|företag|organisation|association|company)[ \t]*:[ \t]*"
    r"(?=[A-ZÄÖÅ0-9])"
)
#: One capitalised word before a colon and a name: "Esbo: Esbo stad", "Vantaa: Vantaan kaupunki".
_PLACE_LABEL: Final = re.compile(r"(?P<label>[A-ZÄÖÅ][\w-]+):[ \t]+(?P<name>[A-ZÄÖÅ].+)")
#: A firm's name in the genitive before what it runs: "X Oy:n Verkkokauppa", "X ry:n Kerho".
_OWNER_OF_SERVICE: Final = re.compile(
    r"(?P<name>[A-ZÄÖÅ][^\n:]*?(?<![\w-])(?:Oyj|Oy|Ab|Ky|Ay|ry|rf|sr|osk)):n[ \t]+"
    r"(?P<more>[A-ZÄÖÅ][\w-]*(?:[ \t]+[\w-]+){0,3})"
)
#: At most this many words in a channel's label ("Tietosuoja-asiat:", "Privacy matters:").
_CHANNEL_LABEL_WORDS: Final = 3


def _channel_labels(text: str, parts: list[Part]) -> list[Part]:
    """*parts* with a label before a colon and a channel read as a label, not a name.

    "Tietosuoja-asiat: tietosuoja@…", "Asiakaspalvelu: 09 …", "Privacy matters:
    privacy@…": a word or two before a colon, then an e-mail, a phone or a web
    address, names the channel; never a body's name or a person's.
    """
    out = list(parts)
    for index, part in enumerate(parts[:-1]):
        after = parts[index + 1]
        if (
            part.field == "text"
            and after.field in {"email", "phone", "url"}
            and text[part.end : after.start].strip() == ":"
            and len(part.value.split()) <= _CHANNEL_LABEL_WORDS
            and not COMPANY.search(part.value)
            and not ORGANISATION.search(part.value)
            and not looks_like_person(part.value)
            and not _role_and_person(part.value)
        ):
            out[index] = Part("label", part.value, part.start, part.end)
    return out


#: A name's first words in the genitive alone on a line ("Kylän" / "Kauppa Oy", "Byns" /
#: "Handel Ab"): one to three capitalised words, the last ending as a genitive does.
_GENITIVE_LEAD: Final = re.compile(r"(?:[A-ZÄÖÅ][\w-]*[ \t]+){0,2}[A-ZÄÖÅ][\w-]*(?:n|s)")
#: A name line broken before its end: a word with a hyphen or a conjunction last
#: ("Kylän Kotiseutu- ja" / "Museoyhdistys ry").
_BROKEN_NAME: Final = re.compile(r"(?:[\w]-|[ \t](?:ja|och|and|&))[ \t]*$")
#: How a stripped line that either of the two patterns above finds ends.
_NAME_LEAD_ENDS: Final = ("-", "ja", "och", "and", "&", "n", "s")


#: A letter or digit (what str.isalnum is true of): a word character, not the underscore.
_ALNUM: Final = re.compile(r"[^\W_]")


#: A word that makes a name a body's: "Stiftelsen X", "X säätiö", "Foundation X".
_BODY_WORD: Final = re.compile(
    r"(?i)(?<![\w-])(?:stiftelsen?|säätiö|foundation|föreningen|förening|yhdistys|association"
    r"|kommun|kaupunki|kunta|stad|city)(?![\w-])"
)
#: A conjunction at the end of a line: "Stiftelsen X och" / "X Ltd".
_AND_END: Final = re.compile(r"(?i)[ \t]+(?:ja|sekä|och|samt|and|&)$")


def _two_bodies(first: str, second: str) -> bool:
    """Whether "first and" / "second" name two bodies, never one name broken over two lines.

    "Stiftelsen Exempel och" / "Exempel Tourism Ltd": the first line names a body
    (a body's word) before its conjunction, the second has a legal form of its own.
    """
    lead = _AND_END.sub("", first)
    return (
        lead != first
        and (ORGANISATION.search(lead) or _BODY_WORD.search(lead)) is not None
        and (COMPANY.search(second) or _LEGAL_FORM_ANY_CASE.search(second)) is not None
    )


def _joined_name_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """*lines* with a name broken over two lines joined into one span.

    Only a line of capitalised words without digits that ends in a hyphen or a
    conjunction, before a line without digits that names a body (a legal form
    or a body's word): "Kylän Kotiseutu- ja" / "Museoyhdistys ry".
    """
    out: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        if index + 1 < len(lines):
            first = text[start:end].strip()
            second = text[lines[index + 1][0] : lines[index + 1][1]].strip()
            if (
                first[:1].isupper()
                and first.endswith(_NAME_LEAD_ENDS)  # what either pattern below ends with
                and (
                    _BROKEN_NAME.search(first)
                    or (_GENITIVE_LEAD.fullmatch(first) and not looks_like_person(first))
                )
                and not any(c.isdigit() or c in ":@" for c in first + second)
                and len((first + " " + second).split()) <= _ORPHAN_WORDS
                and ORGANISATION.search(second) is not None
                and not _two_bodies(first, second)
            ):
                out.append((start, lines[index + 1][1]))
                index += 2
                continue
        out.append((start, end))
        index += 1
    return out


#: A short name the notice says the body uses, after its name.
_SHORT_FORM: Final = re.compile(
    r"(?i)[ \t]*[,(]?[ \t]*(?:(?:käytössä|käytetään)[ \t]+)?"
    r"(?:lyhenne|lyh\.|förkortat|förkortning|förk\.|abbreviated|abbreviation|short name)"
    r"[ \t]*:?[ \t]+(?P<short>[^()\n]{1,40}?)\)?[ \t.]*$"
)


def _without_parenthetical(value: str) -> str:
    """*value* (stripped) without an alias or a "hereinafter" note (:data:`_PARENTHETICAL`).

    Each branch of the pattern starts at a "(", a "[" or a ",": a value with
    none of them is returned as it is (no search).
    """
    if "(" in value or "[" in value or "," in value:
        return _PARENTHETICAL.sub("", value).strip()
    return value


def _slash_halves(value: str) -> tuple[str, str] | None:
    """The name and the rest of "A / B" in a controller's name line, or ``None``.

    The half with a legal form is the name ("Esimerkki ky/ Aino Esimerkki");
    with none, the first half; with the same legal form on both ("Tmi A / Tmi
    B", joint controllers), the first. A sole trader beside its trade name ("Tmi A /
    Puoti", "Puoti / Tmi A") is left whole. Two names in two languages, each with its
    legal form ("Esimerkki ry / Exempel rf") or the first ending with a body's word
    ("Kylän Nuorisoseura / Byns Ungdomsförening ry"), a web address, or a half of
    one or two letters ("Oy/Ab") are left whole.
    """
    match = _SLASHED.fullmatch(value.strip())
    if match is None or "www" in value.casefold() or "://" in value:
        return None
    first, second = match.group("a").strip(), match.group("b").strip()
    if min(len(first), len(second)) < 4:
        return None
    first_form = _LEGAL_FORM_ANY_CASE.search(first)
    second_form = _LEGAL_FORM_ANY_CASE.search(second)
    if first_form and second_form:
        # "Tmi A / Tmi B": two bodies of the same form are joint controllers (the first is
        # the name); "Esimerkki ry / Exempel rf", one name in two languages, stays whole
        same = first_form.group(0).casefold() == second_form.group(0).casefold()
        return (first, second) if same else None
    if _sole_trader_pair(first, second):
        # "Fysioterapia X / Tmi Aino X", "Tmi Aino X / Lankapuoti": a sole trader and the
        # trade name it uses, one party: the name as the notice writes it
        return None
    if not first_form and _one_body_two_languages(first, second):
        # "Kylän Nuorisoseura / Byns Ungdomsförening ry": the body's name in two languages,
        # the legal form written once at the end; a trade name ("Kahvila Kuppi / X Oy")
        # names no kind of body
        return None
    return (second, first) if second_form else (first, second)


def _other_name_of_body(value: str) -> bool:
    """Whether *value*, after "name / ", names the same body in other words.

    A name of two to eight words without digits, a legal form, a person's name or
    an address: "Kylän kaupungin vesiliikelaitos", never "Aino Esimerkki" or "PL 41".
    """
    words = value.split()
    return (
        2 <= len(words) <= _OTHER_NAME_WORDS
        and not any(char.isdigit() or char in "@()" for char in value)
        and not looks_like_person(value)
        and value[:1].isupper()
    )


#: The words of another name of a body after a slash, at most.
_OTHER_NAME_WORDS: Final = 8


def _sole_trader_pair(first: str, second: str) -> bool:
    """Whether "first / second" is a sole trader ("Tmi …") and a trade name without a form.

    Examples:
        >>> _sole_trader_pair("Tmi Aino Esimerkki", "Lankapuoti")
        True
        >>> _sole_trader_pair("Kahvila Kuppi", "Kuppila Oy")
        False
    """
    forms = [
        found.group(0).casefold() if (found := _LEGAL_FORM_ANY_CASE.search(half)) else None
        for half in (first, second)
    ]
    return forms in ([None, "tmi"], ["tmi", None])


#: A body's word ending a Finnish name: "Nuorisoseura", "Kotiseutuyhdistys", "Golfseura".
_FI_BODY_END: Final = re.compile(
    r"(?i)(?:seura|yhdistys|kerho|klubi|liitto|säätiö|osuuskunta|toimikunta|opisto"
    r"|kirjasto|museo|kunta|kaupunki|kuntayhtymä)$"
)
#: A body's word ending a Swedish or English name before its legal form.
_OTHER_BODY_END: Final = re.compile(
    r"(?i)(?:förening|föreningen|klubb|klubben|förbund|förbundet|sällskap|sällskapet|stiftelse"
    r"|stiftelsen|institut|andelslag|bibliotek|biblioteket|museum|museet|kommun|kommunen"
    r"|(?<![a-zåäö])stad|församling|samkommun|society|club|association|union|foundation"
    r"|library|museum|municipality|city)$"
)


def _one_body_two_languages(first: str, second: str) -> bool:
    """Whether "first / second" is one body's name in Finnish and in Swedish or English.

    "Kylän Nuorisoseura / Byns Ungdomsförening ry": each half ends with a body's
    word of its language, the legal form written once at the end. A trade name
    ("Kahvila Kuppi / Kuppila Oy") or a firm of the body ("Kylän yhdistys / Kylän
    Kahvila Oy") is another name.
    """
    first_words = first.split()
    bare_words = _LEGAL_FORM_ANY_CASE.sub("", second).split()
    return bool(
        first_words
        and bare_words
        and _FI_BODY_END.search(first_words[-1])
        and _OTHER_BODY_END.search(bare_words[-1].strip(" ,"))
    )


#: A name with its legal form followed by words in lower case: "X ry tämän selosteen mukaisesti".
_FORM_THEN_WORDS: Final = re.compile(
    r"(?P<name>[A-ZÄÖÅ][^\n]*?(?<![\w-])(?:Oyj|Oy|Ab|Ky|Ay|ry|rf|sr|Ry|RY)\.?)"
    r"(?:[ \t]+[a-zäöå][\w-]*)+[ \t]*\.?"
)
#: A name without a legal form, then a clause in lower case that says how it acts: "X LKV
#: yritys tämän tietosuojaselosteen mukaisesti", "X tämän selosteen mukaisesti".
_NAME_THEN_CLAUSE: Final = re.compile(
    r"(?P<name>[A-ZÄÖÅ][\w&-]*(?:[ \t]+[A-ZÄÖÅ0-9][\w&-]*){0,5})"
    r"(?:[ \t]+(?:yritys|yhtiö|yhdistys|seura|säätiö))?[ \t]+(?:tämän|tässä|näiden)[ \t]+"
    r"[a-zäöå][^A-ZÄÖÅ]*"
)
#: A name with its legal form, then what it adds in lower case: "X Oy sekä sen aputoiminimet
#: Y ja Z", "X ry ja sen jäsenyhdistykset".
_FORM_THEN_MORE: Final = re.compile(
    r"(?P<name>[A-ZÄÖÅ][^\n]*?(?<![\w-])(?:Oyj|Oy|Ab|Ky|Ay|ry|rf|sr|r\.y\.)(?![\w-]))"
    r"[ \t]+(?P<more>(?:sekä|ja)[ \t]+(?:sen|niiden|näiden)[ \t]+[a-zäöå]\S*.*)$"
)
#: A name with its legal form, then a word or two in lower case: a role or a unit, no part
#: of a registered name ("X ry kyläasiamies", "X Oy asiakaspalvelu").
_FORM_THEN_LOWER: Final = re.compile(
    r"(?P<name>[A-ZÄÖÅ][^\n]*?(?<![\w-])(?:Oyj|Oy|Ab|Ky|Ay|ry|rf|sr|r\.y\.))"
    r"[ \t]+(?P<more>(?!(?:oyj|oy|ab|ky|ay|ry|rf|sr)(?![\w-]))[a-zäöå][a-zäöå-]+"
    r"(?:[ \t]+[a-zäöå][a-zäöå-]+)?)[ \t]*"
)
#: A controller heading word at the start of a name read from prose.
_HEADING_LEAD: Final = re.compile(
    r"(?:Rekisterin ?pitäjä|Personuppgiftsansvarig|Registeransvarig|Rekisterinpitäjänä"
    r"|(?:Data[ \t]+)?Controller|Registry[ \t]+holder|Rekisterin[ \t]+ylläpitäjä)[ \t]+"
)
#: A body's name with its legal form, then a clause in lower case with a verb.
_BODY_THEN_CLAUSE: Final = re.compile(
    r"(?P<name>[A-ZÄÖÅ][\w&-]*(?:[ \t]+[\w&-]+){0,5}?[ \t]+(?:Oyj|Oy|Ab|Ky|Ay|ry|rf|sr|Ry|RY))"
    r"[ \t]+(?:ylläpitää|toimii|vastaa|omistaa|pitää|on)[ \t]+\S.{10,}"
)
#: A body's board named as the controller: "Seuran hallitus", "Föreningens styrelse",
#: "Kylän Seura ry:n hallitus" (the body in the genitive before it).
_BOARD: Final = re.compile(
    r"(?i)(?:(?P<body>[A-ZÄÖÅ][^\n:]{1,80}?[ \t](?-i:Oyj|Oy|Ab|Ky|ry|rf|sr|osk)):(?:n|s)[ \t]+"
    r"|(?:seuran|yhdistyksen|kerhon|klubin|säätiön|liiton|osakaskunnan|tiekunnan|föreningens"
    r"|klubbens|stiftelsens|förbundets|the)[ \t]+)?"
    r"(?:hallitus|johtokunta|hoitokunta|styrelse|styrelsen|board(?:[ \t]+of[ \t]+directors)?)"
)
#: A title line naming a body after the notice's word: "Tietosuojaseloste – X ry",
#: "Registerbeskrivning för X rf" (the body ends with its legal form).
_TITLED_BODY: Final = re.compile(
    r"(?im)^[ \t]*(?:(?:rekisteri-[ \t]+ja[ \t]+)?tietosuojaseloste|rekisteriseloste"
    r"|dataskyddsbeskrivning|registerbeskrivning|privacy[ \t]+(?:notice|policy))"
    r"[ \t]*(?:[:–—-]|för|for)[ \t]*"
    r"(?P<name>[A-ZÄÖÅ][^\n:;()]{1,80}?[ \t](?-i:Oyj|Oy|Ab|Ky|ry|rf|sr|osk))[ \t.]*$"
)
#: Where a notice's title stands.
_TITLE_PART: Final = 600
#: The notes that say the controller's short name ('jäljempänä "Lämpö"', "förkortat X").
_SHORT_NAME_NOTES: Final = ("the notice gives a short name too: ", "the notice also gives: ")
#: The short name in such a note, after the words that introduce it.
_SHORT_NAME_SAID: Final = re.compile(
    r"(?i)(?:jäljempänä(?:[ \t]+myös)?|lyhenne|nedan|förkortat|förkortning|hereinafter"
    r"|abbreviated)[ \t:]+(.+)$"
)
#: "X c/o Y": a service or a trade name in the care of a body.
_CARE_OF: Final = re.compile(r"(?i)(?P<a>.+?)[ \t]+c/o[ \t]+(?P<b>.+)")
#: "Kylän Tanssiopiston kannatusyhdistys ry:n ylläpitämä": the body that keeps the school.
_KEEPER: Final = re.compile(
    r"(?P<owner>.+?(?<![\w-])(?i:oyj|oy|ab|ky|ay|tmi|ry|rf|sr|säätiö|yhdistys))"
    r"(?::n|n)[ \t]+(?i:ylläpitämä|omistama|hallinnoima)\w*[ \t]*:?"
)
#: A licensed agent's or auditor's letters right after a legal form, part of the name.
_DESIGNATION: Final = re.compile(r"([ \t]+(?:LKV|KHT|HTM|JHT))(?![A-ZÄÖÅ])")
_ALIAS_TAIL: Final = re.compile(r"(?<=\w)[ \t]*[(\[]([^()\[\]]{1,40})[)\]][ \t]*$")
#: An abbreviation in an open bracket at the end of a name: "Kylän kuntayhtymä (KSHP".
_OPEN_ALIAS: Final = re.compile(r"(?<=\w)[ \t]*\((?P<abbr>[A-ZÄÖÅ][\w&-]{0,11})[ \t,;]*$")
_ROLE_FIRST: Final = re.compile(
    # a role of up to three words, the last a role's word: "Tillförordnad VD", "Data
    # Protection Officer"
    rf"((?:[^\W\d_]+[ \t]+){{0,2}}?\w*(?:{ROLE.pattern.removeprefix('(?i)')}))(?:[ \t]*:)?[ \t]+",
    re.IGNORECASE,
)
#: :data:`_ROLE_FIRST` with as many words as it can take: "Vastaava opettaja", not "Vastaava".
_ROLE_FIRST_LONG: Final = re.compile(
    _ROLE_FIRST.pattern.replace("{0,2}?", "{0,2}", 1), re.IGNORECASE
)


def _role_first(value: str) -> re.Match[str] | None:
    """The role before a person's name in *value*: the longest after which a person is named.

    "Vastaava opettaja Tiia Esimerkki": the role is both words ("vastaava" alone
    is a role's word too); "Rehtori Liisa Esimerkki": one. With no person after
    either, the shortest role's match (its callers check the person).
    """
    if " " not in value and "\t" not in value:
        return None  # the role's match ends in a space or tab: one word alone is none (quick)
    shortest = _ROLE_FIRST.match(value)
    if shortest is None:
        return None
    longest = _ROLE_FIRST_LONG.match(value)
    if (
        longest is not None
        and longest.end() > shortest.end()
        and looks_like_person(value[longest.end() :])
        and not looks_like_person(value[shortest.end() :])
    ):
        return longest
    return shortest


_ABBREVIATION: Final = re.compile(r"[A-ZÄÖÅ][A-ZÄÖÅ0-9&]{1,7}")
#: A register's name after a comma is no unit of the body: "X ry, jäsenrekisteri".
_REGISTER_WORD_END: Final = re.compile(r"(?i)(?:rekisteri|register|registret|registry)\.?$")
#: A name's first language without its legal form, before a dash and the other language
#: that ends in it: "Pidä Saaristo Siistinä – Håll Skärgården Ren ry" (two to five
#: capitalised words, no digits; a heading word or a role is no such name).
_FIRST_LANGUAGE: Final = re.compile(
    r"(?!(?i:rekisterinpitäjä|personuppgiftsansvarig|registeransvarig|controller|yhteyshenkilö"
    r"|kontaktperson|contact)\b)[A-ZÄÖÅ][\w’'-]+(?:[ \t]+[A-ZÄÖÅ][\w’'-]+){1,4}"
)


#: A firm's legal form at the end of a name: a firm writes no unit after a comma, what
#: follows it is what the firm runs or who speaks for it ("X Oy, verkkokauppa").
_FIRM_END: Final = re.compile(r"(?<![\w-])(?:Oyj|Oy|Ab|Abp|Ky|Ay|Tmi|Ltd|Inc|AB|GmbH)$")
#: A relative clause after a name: "X ry, joka …", "X rf, som …", "X Ltd, which …".
_RELATIVE: Final = re.compile(
    r"(?i)(?:jo(?:ka|ta|nka|ssa|lla)|mi(?:kä|tä)|som|vilket|which|that)\b"
)


def _no_unit_of(name: str, value: str) -> bool:
    """Whether *value* after a comma or dash may be a unit of the body *name*.

    "Kylän kaupunki, sivistystoimi" is; "X Oy, verkkokauppa" (a firm),
    "X ry, joka …" (a clause) and "X ry, toimitusjohtaja Aino Esimerkki" (a
    person with a role) are not.
    """
    if _FIRM_END.search(name.strip()) or _RELATIVE.match(value.strip()):
        return False
    return not _role_and_person(value)


def _role_and_person(value: str) -> bool:
    """Whether *value* is a role and a person's name: "medlemsansvarig Sirpa Esimerkki"."""
    role = _role_first(value.strip())
    return role is not None and looks_like_person(value.strip()[role.end() :])


def _merged_names(text: str, parts: list[Part]) -> list[Part]:
    """A name's lower-case continuation after a comma is part of it ("X kommun, nämnden").

    After a person's name it is the person's role: "Aino Esimerkki, kassör".
    """
    out: list[Part] = []
    for part in parts:
        previous = out[-1] if out else None
        if previous is not None and _role_after_person(text, previous, part):
            if previous.field == "role":  # "…, päällikkö, lupa-asiat": what the role covers
                out[-1] = Part("role", text[previous.start : part.end], previous.start, part.end)
            else:
                out.append(Part("role", part.value, part.start, part.end))
            continue
        if (
            previous is not None
            and part.field == "text"
            and previous.field in {"text", "name"}
            and not any(c.isdigit() or c in "@\u00a4" for c in part.value)  # ¤: a masked code
            and not ROLE.fullmatch(part.value)
            and (
                (
                    (part.value[:1].islower() or _UNIT.search(part.value))
                    and text[previous.end : part.start].strip() in {",", "/", "–", "-"}
                    and _REGISTER_WORD_END.search(part.value) is None
                    and _no_unit_of(previous.value, part.value)
                )
                or (
                    # "Kotiseutukuvaajat ry – Hembygdsfotograferna rf": one name in two
                    # languages; "HSP – Esimerkin yhdistys ry": an abbreviation before it
                    (
                        ORGANISATION.search(previous.value) is not None
                        or _ABBREVIATION.fullmatch(previous.value) is not None
                        or _FIRST_LANGUAGE.fullmatch(previous.value) is not None
                    )
                    and ORGANISATION.search(part.value) is not None
                    and text[previous.end : part.start].strip() in {"–", "-", "/"}
                )
            )
        ):
            out[-1] = Part(
                previous.field, text[previous.start : part.end], previous.start, part.end
            )
            continue
        out.append(part)
    return out


#: A role after a person's name has at most this many words ("kassör och dataskyddsombud").
_ROLE_AFTER_WORDS: Final = 4


def _role_after_person(text: str, previous: Part, part: Part) -> bool:
    """Whether *part* is a role in lower case after a person's name (or role) and a comma."""
    if (
        part.field != "text"
        or len(part.value.split()) > _ROLE_AFTER_WORDS
        or any(c.isdigit() or c in "@\u00a4" for c in part.value)
        or text[previous.end : part.start].strip() != ","
    ):
        return False
    if previous.field == "role":
        # "…, tietosuojavastaava, Rannikon IT-keskus": the role's unit or employer (never a
        # second person's name)
        return not looks_like_person(part.value) or ORGANISATION.search(part.value) is not None
    return part.value[:1].islower() and (
        previous.field in {"text", "name"}
        and looks_like_person(previous.value)
        and ORGANISATION.search(previous.value) is None
    )


def _own_label(parts: list[Part], text: str, start: int) -> bool:
    """Whether a line starts with a label of its own followed by a value ("Postitoimipaikka: X")."""
    return (
        len(parts) > 1
        and parts[0].field == "label"
        and not text[start : parts[0].start].strip(" \t•*·▪–-")
        and any(c.isalnum() for c in text[parts[0].end : parts[-1].end])
    )


#: A block taken for a heading is a name of at most this many words.
_ORPHAN_WORDS: Final = 8
#: A block of several lines taken for one heading is a contact block of at most this many words.
_BLOCK_WORDS: Final = 24


def adopt_orphan_blocks(text: str, sections: list[Section]) -> list[Section]:
    """*sections* with a contact block that was taken for an unknown heading put back.

    "1. Rekisterinpitäjä" with nothing under it, then "Rautalammin
    kunnankirjasto" read as a heading of its own with the street and the
    postal code under it: the name and its lines are the controller's block.
    Only when the contact section is empty and the lines under the would-be
    heading give a postal code, an e-mail, a phone or a Y-tunnus, or when
    nothing is under it and it names a body ("Hoitola Esimerkki ky"). A name
    whose words were read as another field's heading ("Oikeusministeriö" as
    a rights heading) is such a block too.
    """
    out: list[Section] = []
    labels = False  # whether the section before ended with a fill-in form's label
    for section in sections:
        previous = out[-1] if out else None
        heading = section.heading
        if (
            previous is not None
            and previous.kind in _PATHS
            and (not previous.pieces or labels or _ends_in_form_pair(text, previous))
            and heading is not None
            and (section.kind is None or (heading.guessed and section.kind not in _PATHS))
            and (_orphan_block(text, section) or _form_label(text, section))
        ):
            labels = _form_label(text, section)
            name = Piece("para", heading.start, heading.end, heading.lines, heading.start)
            pieces = [*previous.pieces, name, *section.pieces]
            out[-1] = Section(previous.kind, previous.heading, pieces)
            section.kind, heading.guessed = None, False  # no heading after all: no guess
            continue
        labels = False
        out.append(section)
    out = _name_under_heading(_channel_blocks(text, _unheaded_block(text, _party_block(text, out))))
    return _people_before_controller(
        text, _channel_line_headings(text, _header_row_cells(text, out))
    )


def _channel_line_headings(text: str, sections: list[Section]) -> list[Section]:
    """A party's line guessed as a heading by a role word in it: the party's line, no heading.

    A line with an e-mail address or a phone number is a contact line, never
    a heading. "Tietosuojavastaava Aino Esimerkki, tietosuoja@…" (the role
    first) keeps the party its words name, and its section reads the line;
    "Aino Esimerkki, kassör och dataskyddsombud, aino@…" (a person first)
    below a party's section is one more line of that section, with the lines
    under it.
    """
    out: list[Section] = []
    for section in sections:
        heading = section.heading
        previous = out[-1] if out else None
        if (
            section.kind not in _PATHS
            or heading is None
            or not heading.guessed
            or len(heading.lines) != 1
            or not {p.field for p in parse_line(text, *heading.lines[0])} & {"email", "phone"}
        ):
            out.append(section)
            continue
        line = Piece("para", heading.start, heading.end, heading.lines, heading.start)
        said = text[heading.start : heading.end].strip()
        if previous is not None and previous.kind in _PATHS and not _role_first(said):
            previous.pieces += [line, *section.pieces]
            section.kind, heading.guessed = None, False  # no heading after all: no guess
            continue
        section.pieces = [line, *section.pieces]
        section.heading = None
        out.append(section)
    return out


#: Fields of a body's own block: a section of people's lines gives none of them.
_BODY_FIELDS: Final = frozenset({"street", "po_box", "postal_code", "business_id"})


def _people_before_controller(text: str, sections: list[Section]) -> list[Section]:
    """A section of people under a bare "Yhteystiedot" before the controller's own section.

    "Yhteystiedot" / "Pääsihteeri Aino Esimerkki, aino@…" / "Suunnittelija
    Olli Esimerkki, olli@…", then "Rekisterinpitäjä" / "Esimerkkirahasto, PL 1,
    …": the people are the register's contacts, never the controller, when a
    section headed with the controller's own word follows and names it. The
    heading is then a guess moved by its text.
    """
    # whether a controller's own section follows each: read once from the end (linear)
    follows = [False] * (len(sections) + 1)
    for index in range(len(sections) - 1, -1, -1):
        follows[index] = follows[index + 1] or _controller_section(text, sections[index])
    for index, section in enumerate(sections):
        heading = section.heading
        if (
            section.kind is not SectionKind.CONTROLLER
            or heading is None
            or _BARE_CHANNELS.fullmatch(flat(heading_text(text, heading))) is None
            or not follows[index + 1]
            or not _people_only(text, section)
        ):
            continue
        section.kind = SectionKind.CONTACT
        heading.section, heading.guessed, heading.moved = SectionKind.CONTACT, True, True
    return sections


def _controller_section(text: str, section: Section) -> bool:
    """Whether *section* is headed with the controller's own word and has text."""
    heading = section.heading
    return (
        section.kind is SectionKind.CONTROLLER
        and heading is not None
        and bool(section.pieces)
        and CONTROLLER_CUE.search(heading_text(text, heading).casefold()) is not None
    )


def _people_only(text: str, section: Section) -> bool:
    """Whether *section*'s lines name people (a role before the name allowed) and channels.

    No address, Y-tunnus or body's name; the first name is a person's.
    """
    lines = [line for piece in section.pieces for line in piece.lines if line[0] < line[1]]
    if not lines or len(lines) > _PARTY_LINES:
        return False
    names: list[str] = []
    for start, end in lines:
        parts = parse_line(text, start, end)
        if any(p.field in _BODY_FIELDS for p in parts):
            return False
        names += [p.value.strip() for p in parts if p.field in {"text", "name", "person"}]
    if not names or any(ORGANISATION.search(name) or COMPANY.search(name) for name in names):
        return False
    first = names[0]
    role = _role_first(first)
    return looks_like_person(first[role.end() :] if role is not None else first)


def _name_under_heading(sections: list[Section]) -> list[Section]:
    """An empty "Rekisterin nimi" section, then its value taken for a heading of its own.

    "Rekisterin nimi" / "Uudo tietosuojaseloste": a name that repeats the
    notice's title reads as a title heading, with nothing under it; it is the
    name section's text.
    """
    out: list[Section] = []
    for section in sections:
        previous = out[-1] if out else None
        heading = section.heading
        if (
            previous is not None
            and previous.kind is SectionKind.NAME
            and not previous.pieces
            and heading is not None
            and section.kind in {None, SectionKind.TITLE}
            and not section.pieces
            and len(heading.lines) == 1
        ):
            value = Piece("para", heading.start, heading.end, heading.lines, heading.start)
            out[-1] = Section(previous.kind, previous.heading, [value])
            continue
        out.append(section)
    return out


def _channel_blocks(text: str, sections: list[Section]) -> list[Section]:
    """A section of channels only, right after a party's, under a heading read otherwise.

    "Rekisterinpitäjät" / names, then "Muut yhteystiedot" (guessed as data
    categories by its words) over "sähköposti …" / "puhelinvaihde …": the
    lines are the party's channels. The heading is marked a guess moved by
    its text.
    """
    for previous, section in itertools.pairwise(sections):
        heading = section.heading
        if (
            previous.kind not in _PATHS
            or heading is None
            or section.kind in _PATHS
            or (section.kind is not None and not heading.guessed)
            or _names_register(text, section)
            or not _channels_only(text, section)
            or _another_bodys_site(text, previous, section)
        ):
            continue
        assert previous.kind is not None
        section.kind = previous.kind
        heading.section, heading.guessed, heading.moved = previous.kind, True, True
    return sections


def _another_bodys_site(text: str, party: Section, section: Section) -> bool:
    """Whether *section* gives a web address that is no channel of the *party* above it.

    "Muut tiedot" / "Tietosuojavaltuutetun toimisto: www.tietosuoja.fi": a web
    address after other words than a channel's label ("Verkkosivut:", "Web:")
    is the party's only when its domain agrees with the party: the party's
    e-mail has that domain, or the party's name opens with a word the domain
    opens with ("Koivikon Kukka Oy", "www.koivikko.fi").
    """
    own: list[str] | None = None
    for piece in section.pieces:
        for start, end in piece.lines:
            parts = parse_line(text, start, end)
            if any(part.field == "label" for part in parts):
                continue  # "Verkkosivut: www.…": the party's channel by its label
            for part in parts:
                if part.field != "url":
                    continue
                if own is None:
                    own = _party_words(text, party)
                if not _agrees(_domain_words(part.value), own):
                    return True
    return False


#: A web address's host: "www.koivikko.fi" → "koivikko.fi", "https://x.fi/y" → "x.fi".
_HOST: Final = re.compile(r"(?i)^(?:https?://)?(?:www\.)?(?P<host>[^/:\s]+)")
_LETTER_WORDS: Final = re.compile(r"[^\W\d_]+")
#: The letters a party's word and a web address's name must share at their start.
_SHARED_START: Final = 5


def _domain_words(address: str) -> list[str]:
    """The names of a web address's or an e-mail's domain but its last, in lower case.

    "https://kauppa.pajula.fi/x" → ["kauppa", "pajula"]; "info@koivikko.fi" → ["koivikko"].
    """
    match = _HOST.match(address.strip().rpartition("@")[2])
    labels = (match.group("host") if match is not None else address).casefold().split(".")
    return ["".join(c for c in label if c.isalpha()) for label in labels[:-1] or labels]


def _party_words(text: str, party: Section) -> list[str]:
    """The words of a party's name line and its e-mail domains, in lower case."""
    words: list[str] = []
    lines = [line for piece in party.pieces for line in piece.lines if line[0] < line[1]]
    if lines:
        words.extend(_LETTER_WORDS.findall(text[lines[0][0] : lines[0][1]].casefold()))
    for start, end in lines:
        for part in parse_line(text, start, end):
            if part.field == "email":
                words.extend(_domain_words(part.value))
    return words


def _agrees(names: list[str], words: list[str]) -> bool:
    """Whether a name of a web address's domain agrees with one of a party's *words*."""
    return any(
        word == name
        or (
            len(word) >= _SHARED_START
            and len(name) >= _SHARED_START
            and word[:_SHARED_START] == name[:_SHARED_START]
        )
        for name in names
        for word in words
    )


#: A register's or a notice's word: a name's line may hold web addresses ("www.x.fi rekisteri").
_REGISTER_WORDS: Final = re.compile(r"(?i)rekister|regist|seloste|beskrivning")


def _names_register(text: str, section: Section) -> bool:
    """Whether *section* is a register's name: its heading says so, its text has a register's word.

    "NAMN PÅ REGISTER" / "“Verkkokaupan www.x.fi rekisteri”": the web address is
    part of the name, no channel of the party above.
    """
    return section.kind is SectionKind.NAME and any(
        _REGISTER_WORDS.search(text[piece.start : piece.end]) for piece in section.pieces
    )


def _channels_only(text: str, section: Section) -> bool:
    """Whether every line of *section* gives a phone, an e-mail, a telefax or a web address."""
    lines = [line for piece in section.pieces for line in piece.lines if line[0] < line[1]]
    if not lines or len(lines) > _PARTY_LINES:
        return False
    for start, end in lines:
        parts = parse_line(text, start, end)
        fields = {p.field for p in parts} - {"label", "text"}
        words = [p.value for p in parts if p.field == "text"]  # "puhelinvaihde 09 …"
        if not fields or not fields <= _CHANNELS or any(len(w.split()) > 2 for w in words):
            return False
        # "The website uses cookies …": a label word with a sentence after it, no address
        if any(p.field == "url" and _NOT_AN_ADDRESS.search(p.value) for p in parts):
            return False
    return True


#: A contact block under a heading of no party has at most this many lines.
_PARTY_LINES: Final = 10
#: Fields that make a line of a party's block (with the postal code, at least two of them).
_PARTY_FIELDS: Final = frozenset(
    {"street", "po_box", "postal_code", "business_id", "email", "phone", "name"}
)


def _party_block(text: str, sections: list[Section]) -> list[Section]:
    """The controller's block under a heading the reader did not take for the controller's.

    "1. Registrator" (a heading of no known kind) or "2. MYNDIGHETEN som
    ansvarar för dina personuppgifter" (read as data categories by its words)
    over "Företag: X Oy" / "Adress: …" / "Postnummer: …" / "Ort: …": when the
    notice has no controller section of its own, the first section whose lines
    are mostly a contact block with a postal code and a name or a Y-tunnus is
    the controller's. Its heading is then a guess, moved by its text, and the
    draft says so.
    """
    if any(s.kind is SectionKind.CONTROLLER and s.pieces for s in sections):
        return sections
    for section in sections:
        heading = section.heading
        if (
            heading is None
            or (section.kind is not None and not heading.guessed)
            or section.kind in _PATHS
            or not _is_party_block(text, section)
        ):
            continue
        section.kind = SectionKind.CONTROLLER
        heading.section, heading.guessed, heading.moved = SectionKind.CONTROLLER, True, True
        break
    return sections


#: A sentence naming the controller: "Rekisterinpitäjä on Asunto Oy X", "Rekisterinpitäjänä
#: toimii X", "Personuppgiftsansvarig är X", "The controller is X" (a capital or a digit
#: after at most two words: "rekisterinpitäjä on velvollinen …" names no one).
#: Searched in the whole notice: the first letter of its words comes first, as the set of
#: the characters that a case-blind match takes for it, then the rest of the word that
#: letter opens; the same matches as ``(?i:rekisterin ?pitäjä(?:nä)?|…|(?:the )?(?:data
#: )?controller)`` first, but the search skips at once every character outside the set
#: (the case-blind words tried at each character cost a twentieth of a second a MB).
_CONTROLLER_SAID: Final = re.compile(
    r"[RrPpTtDdCc]"
    r"(?:(?<=[Rr])(?i:ekisterin ?pitäjä(?:nä)?|egisteransvarig)"
    r"|(?<=[Pp])(?i:ersonuppgiftsansvarig(?:e)?)"
    r"|(?<=[Tt])(?i:he (?:data )?controller)"
    r"|(?<=[Dd])(?i:ata controller)"
    r"|(?<=[Cc])(?i:ontroller))"
    r"[ \t]+(?i:on|toimii|är|is)[ \t]+"
    r"(?:[a-zåäö][\w-]*[ \t]+){0,2}[A-ZÅÄÖ0-9]"
)
#: A line of an unheaded contact block is at most this long.
_BLOCK_LINE: Final = 80
#: Fields of the lines of a body's block (its name is the first line's text).
_BLOCK_FIELDS: Final = _PARTY_FIELDS | {"town", "label", "url", "fax"}


def _unheaded_block(text: str, sections: list[Section]) -> list[Section]:
    """The controller's block printed without a heading, as short paragraphs under the title.

    "Registerbeskrivning" / "Exempelföreningen r.f." / "Strandvägen 4" /
    "22100 MARIEHAMN" / "FO-nummer: …", each line a paragraph of its own:
    when the notice has no controller section with text, a run of such lines
    in the text before the sections (a body's name with a legal form first,
    then a postal code with a street, a PO box or a Y-tunnus) is the
    controller's block. The text before and after it stays where it was.
    """
    if any(s.kind is SectionKind.CONTROLLER and s.pieces for s in sections):
        return sections
    if _CONTROLLER_SAID.search(text):
        # "Rekisterinpitäjä on Asunto Oy Koivurinne, …": the notice names its controller
        # in words; a block above it is another's (a property manager's, a firm's that
        # wrote the notice)
        return sections
    for index, section in enumerate(sections):
        if section.kind in _PATHS:
            return sections  # a party's own section comes first: no block above it
        if section.kind not in {None, SectionKind.TITLE}:
            continue
        run = _block_run(text, section.pieces)
        if run is None:
            continue
        first, last = run
        split = [
            Section(section.kind, section.heading, section.pieces[:first]),
            Section(SectionKind.CONTROLLER, None, section.pieces[first:last]),
        ]
        if last < len(section.pieces):
            split.append(Section(section.kind, None, section.pieces[last:]))
        return [*sections[:index], *split, *sections[index + 1 :]]
    return sections


def _block_run(text: str, pieces: list[Piece]) -> tuple[int, int] | None:
    """The bounds of the first run of *pieces* that is a body's contact block, if any."""
    for first, piece in enumerate(pieces):
        if not _names_body(text, piece):
            continue
        fields: set[str] = set()
        last = first + 1
        while last < len(pieces) and last - first < _PARTY_LINES:
            found = _block_line_fields(text, pieces[last])
            if not found:
                break
            fields |= found
            last += 1
        if "postal_code" in fields and fields & {"street", "po_box", "business_id"}:
            return first, last
    return None


def _names_body(text: str, piece: Piece) -> bool:
    """Whether *piece* is one short line that is a body's name (a legal form, a body's word)."""
    if piece.kind != "para" or len(piece.lines) != 1 or piece.end - piece.start > _BLOCK_LINE:
        return False
    parts = parse_line(text, piece.start, piece.end)
    if not parts or parts[0].field != "text" or _REGISTER_WORDS.search(parts[0].value):
        return False
    name = parts[0].value
    return ORGANISATION.search(name) is not None or DOTTED_FORM.search(name) is not None


def _block_line_fields(text: str, piece: Piece) -> set[str]:
    """The contact fields of a one-line paragraph of a block; empty when it is not one."""
    if piece.kind != "para" or len(piece.lines) != 1 or piece.end - piece.start > _BLOCK_LINE:
        return set()
    fields = {p.field for p in parse_line(text, piece.start, piece.end)}
    return fields if fields and fields <= _BLOCK_FIELDS else set()


def _is_party_block(text: str, section: Section) -> bool:
    """Whether *section*'s lines are mostly one party's contact block (see :func:`_party_block`)."""
    lines = [line for piece in section.pieces for line in piece.lines if line[0] < line[1]]
    if not 1 < len(lines) <= _PARTY_LINES:
        return False
    found: set[str] = set()
    contact_lines = 0
    for start, end in lines:
        fields = {p.field for p in parse_line(text, start, end)}
        if fields & _PARTY_FIELDS:
            contact_lines += 1
        found |= fields
    named = bool(found & {"name", "business_id"})
    return named and {"postal_code", "town"} <= found and 3 * contact_lines >= 2 * len(lines)


def _header_row_cells(text: str, sections: list[Section]) -> list[Section]:
    """A table's header row of party headings, its cells below: the first cell is the first's.

    "Rekisterinpitäjä | Yhteyshenkilö" over "Kylän Kauppa Oy, Katu 1 … |
    Matti Esimerkki, …" becomes two headings in a row, the controller's empty,
    then both cells under the second: the first cell, when it names a body,
    goes back to the controller.
    """
    out = list(sections)
    for index, section in enumerate(out[:-1]):
        following = out[index + 1]
        if (
            section.kind is SectionKind.CONTROLLER
            and not section.pieces
            and following.kind in {SectionKind.CONTACT, SectionKind.DPO}
            and len(following.pieces) > 1
        ):
            first = following.pieces[0]
            start, end = first.lines[0]
            end = first.lines[min(1, len(first.lines) - 1)][1]  # a name may run over two lines
            if ORGANISATION.search(text[start:end]) or _LEGAL_FORM_ANY_CASE.search(text[start:end]):
                out[index] = Section(section.kind, section.heading, [first])
                out[index + 1] = Section(following.kind, following.heading, following.pieces[1:])
    return out


def _form_label(text: str, section: Section) -> bool:
    """Whether *section*'s heading is a fill-in form's field label ("Nimi", "Osoite").

    A form's labels as lines of their own ("1. Rekisterinpitäjä" / "Nimi" /
    names / "Osoite" / addresses) are taken for headings of no known kind:
    the lines under them are the contact section's.
    """
    heading = section.heading
    assert heading is not None
    line = text[heading.start : heading.end].strip()
    return bool(section.pieces) and is_field_label(line)


def _ends_in_form_pair(text: str, section: Section) -> bool:
    """Whether the contact's *section* ends with a form's label alone on its line and its value.

    "2. Yhteyshenkilö …" / "Nimi" / "Aino Laine": the form's next label ("Osoite"),
    taken for a heading, goes on with the same party.
    """
    if section.kind is not SectionKind.CONTACT or len(section.pieces) < _FORM_PAIR:
        return False  # (the controller's block: its labels are read by its words)
    label = section.pieces[-_FORM_PAIR]
    line = text[label.start : label.end].strip()
    return len(label.lines) == 1 and is_field_label(line) and not parse_value_only(line)


#: A form's label and its value: two pieces.
_FORM_PAIR: Final = 2


def _orphan_block(text: str, section: Section) -> bool:
    heading = section.heading
    assert heading is not None
    words = text[heading.start : heading.end].split()
    if len(heading.lines) > 1 and len(words) <= _BLOCK_WORDS:
        # "Järvikylän" / "Veneveistämö Oy" / "Y-tunnus …" / "Katu 3, 41160 Kylä" taken
        # for one heading of several lines: a contact block when its lines give a
        # postal code, a Y-tunnus, an e-mail or a phone
        fields = {p.field for s, e in heading.lines for p in parse_line(text, s, e)}
        if fields & {"postal_code", "business_id", "email", "phone"}:
            return True
    if not words or len(words) > _ORPHAN_WORDS or words[-1].endswith((".", ":", "?")):
        return False
    if not section.pieces:
        # "1. REKISTERINPITÄJÄ", then "Hoitola Esimerkki ky" alone before the next heading:
        # a body's name (a legal form or a word such as säätiö), not a heading; or a
        # person's contact line ("Aino Esimerkki, aino(at)example.fi")
        value = " ".join(words)
        fields = {p.field for p in parse_line(text, heading.start, heading.end)}
        return bool(
            ORGANISATION.search(value)
            or _LEGAL_FORM_ANY_CASE.search(value)
            or fields & {"email", "phone", "postal_code"}
        )
    lines = [line for piece in section.pieces[:4] for line in piece.lines]
    fields = {p.field for s, e in lines for p in parse_line(text, s, e)}
    return bool(fields & {"postal_code", "email", "phone", "business_id"})


def parse_value_only(line: str) -> bool:
    """Whether a label-looking *line* also carries its value ("Puh. 09 123")."""
    return any(p.field not in {"label", "text", "name"} for p in parse_line(line, 0, len(line)))


#: A sentence whose verb of processing or keeping names the body after it: "Tietoja
#: käsittelee X Oy", "Henkilötietojasi käsittelee rekisterinpitäjänä X Oy", "Tietoja
#: käsitellään X Oy:n toimesta", "Uppgifterna behandlas av X Ab", "Your data are processed
#: by X Ltd" (a word or three before the verb, the body's name capitalised after it).
_BODY_AFTER_VERB: Final = re.compile(
    r"(?i)(?:[\w-]+[ \t]+){1,3}?"
    r"(?:käsittelee|käsittelevät|kerää|keräävät|hallinnoi|omistaa"
    r"|(?P<passive>käsitellään|kerätään|ylläpidetään|hallinnoidaan)"
    r"|behandlas[ \t]+av|behandlar|förvaltas[ \t]+av"
    r"|(?:is|are)[ \t]+(?:processed|collected|held|controlled)[ \t]+by)[ \t]+"
    r"(?:rekisterinpitäjänä[ \t]+|som[ \t]+personuppgiftsansvarig[ \t]+"
    r"|as[ \t]+(?:the[ \t]+)?(?:data[ \t]+)?controller[ \t]+)?"
    r"(?P<body>(?-i:[A-ZÄÖÅ])[^,;:.]*?(?:[ \t]+(?-i:[A-ZÄÖÅ])[\w.&-]*)*)"
    # the passive names its doer in the genitive: "X Oy:n toimesta" ("X Oy" read)
    r"(?(passive):n[ \t]+(?:toimesta|puolesta)|)\.?"
)
#: A finite verb in a sentence (a passive, a first person, a copula), as the short
#: sentences' check knows them.
_SENTENCE_VERB: Final = re.compile(
    r"(?i)\w(?:taan|tään|daan|dään|tiin)\b|\w\wmme\b|\b(?:on|ovat|används|behandlas)\b"
)


def _sentence_without_name(value: str) -> bool:
    """Whether *value* is a sentence with a finite verb and no body's name in it.

    Examples:
        >>> _sentence_without_name("Tietoja käytetään laskutukseen.")
        True
        >>> _sentence_without_name("Kylän Kukka Oy")
        False
    """
    words = value.split()
    return (
        len(words) >= _SHORT_SENTENCE_WORDS
        and words[1][:1].islower()
        and not any(c.isdigit() or c == "@" for c in value)
        and not COMPANY.search(value)
        and not ORGANISATION.search(value)
        and _SENTENCE_VERB.search(value) is not None
    )


def _is_sentence(line: str) -> bool:
    words = line.split()
    return (
        len(words) >= _SENTENCE_WORDS
        and line.rstrip().endswith((".", "!", "?"))
        and email_of(line) is None
        and re.search(r"\b[0-9]{5}\b|[0-9]{7}-[0-9]", line) is None
    )


#: A finite verb of a short sentence: "Tiedot kerätään asiakkaalta.", "Uppgifterna används
#: för fakturering.", "We keep the data for two years."
_SHORT_SENTENCE_VERB: Final = re.compile(
    r"(?i)\b(?:on|ovat|ei|är|har|kan|is|are|was|were|will|may)\b"
    r"|\w(?:taan|tään|daan|dään|tiin)\b|\w\wmme\b|\b(?:we|vi)\s+(?-i:[a-zåäö])"
    r"|(?<=\s)(?-i:[a-zåäö]\w{3,}(?:as|ds))\b"
)
_SHORT_SENTENCE_WORDS: Final = 3


def _short_sentence(line: str) -> bool:
    """Whether *line* is a short sentence with a verb, never a name nor a contact line.

    Read only once the party has a name: "Uppgifterna används för fakturering." after
    the controller's block was noted as its other name.

    Examples:
        >>> _short_sentence("Uppgifterna används för fakturering.")
        True
        >>> _short_sentence("Tiedot kerätään asiakkaalta itseltään.")
        True
        >>> _short_sentence("Kylän Seura ry, jäsenasiat.")
        False
        >>> _short_sentence("Esimerkki Oy on Kylän Oy:n tytäryhtiö.")
        False
    """
    return (
        len(line.split()) >= _SHORT_SENTENCE_WORDS
        and line.rstrip().endswith(".")
        and not any(c.isdigit() or c == "@" for c in line)
        and not COMPANY.search(line)
        and not ORGANISATION.search(line)
        and _SHORT_SENTENCE_VERB.search(line) is not None
    )


#: A heading of another section has at least this many words ("Tietoja käsittelyn
#: perusteet ja tarkoitus"); a unit's name below the body's is shorter ("Asiakaspalvelu").
_HEADING_WORDS_MIN: Final = 3
_HEADING_LINE_MAX: Final = 100
_CHANNEL_WORDS: Final = re.compile(
    r"(?i)yhteystie|kontakt|contact|osoite|adress|address|puhelin|telefon|phone|sähköpost"
    r"|e-post|e-?mail"
)


def _other_kind(kind: SectionKind | None) -> bool:
    """Whether *kind* is a section's other than the parties' (and no title)."""
    return kind is not None and kind not in _PATHS and kind is not SectionKind.TITLE


def _other_heading(line: str) -> bool:
    """Whether *line* is worded as another section's heading (not the parties').

    Examples:
        >>> _other_heading("Tietojen käsittelyn perusteet ja tarkoitus (EU 2016/679 6 art.)")
        True
        >>> _other_heading("Kylän kaupunki, sivistystoimi")
        False
        >>> _other_heading("Yhteystiedot")
        False
    """
    if (
        len(line) > _HEADING_LINE_MAX
        or len(line.split()) < _HEADING_WORDS_MIN
        or not line[:1].isupper()  # "vastaa siitä, että …": a sentence's second line
        or _CHANNEL_WORDS.search(line)  # "Muut yhteystiedot (esim. puhelin …)": a form's label
        or email_of(line) is not None
        or re.search(r"\b[0-9]{5}\b|[0-9]{7}-[0-9]|[0-9]{3}[ -]?[0-9]{3,}", line)
        or COMPANY.search(line)
        or ORGANISATION.search(line)
    ):
        return False
    kind = guess(line)
    return kind is not None and kind not in _PATHS and kind is not SectionKind.TITLE


_SHOUTED_MIN: Final = 4


#: A word in lower case that describes the body before its name ("toimintaa", "ylläpitävä",
#: "yhdistys"); the joining words of a two-language name are not such words.
_DESCRIBING_WORD: Final = re.compile(r"(?<![\w-])(?!(?:ja|och|and|&)\b)[a-zäöå][\w-]*")


def _described_body(value: str) -> str | None:
    """The body's own name at the end of words that describe it, or ``None``.

    Examples:
        >>> _described_body("Kuoron toimintaa ylläpitävä yhdistys Esimerkki Musica ry")
        'Esimerkki Musica ry'
        >>> _described_body("Suomen Esimerkit - Finlands Exempel ry") is None
        True
    """
    value = value.strip(" .")
    found = COMPANY.search(value)
    if found is None or found.end(1) != len(value) or found.start(1) == 0:
        return None
    return found.group(1) if _DESCRIBING_WORD.search(value[: found.start(1)]) else None


def unshouted(value: str) -> str:
    """A name or town in capitals as a person writes it: "SIENITIETO OY" → "Sienitieto Oy"."""
    if value.isascii() and not value.isupper():
        return value  # ASCII: every letter is cased, and one is in lower case (or none is there)
    letters = [c for c in value if c.isalpha()]
    if len(letters) < _SHOUTED_MIN or not all(c.isupper() for c in letters):
        return value
    # each word's first letter up ("RY:N" → "ry:n": the ending after a colon stays low),
    # a legal form as it is written ("ry", "rf", "sr" low; "Oy", "Ab", "Tmi" up)
    return re.sub(
        r"(?<![:\w])\w+",
        lambda m: LEGAL_FORMS.get(m.group(0), m.group(0).capitalize()),
        value.lower(),
    )
