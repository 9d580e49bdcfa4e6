"""Key facts that no contact section gave: the controller a notice only implies, an e-mail's owner.

Run after the sections were read, each only for a fact still missing, each
said in a note of the draft:

* :func:`implied_controller`: the controller's name from the line that gives
  its Y-tunnus ("• Tmi Esimerkki (Y-tunnus: …)" under a heading the reader
  did not know), or from the register's name or the title that names its
  owner ("Esimerkki ry:n jäsenrekisteri"); its address from a line of the
  notice's first part with a postal code ("Seuran osoite Katu 4, 23100 Kylä")
  that no other party's section holds;
* :func:`fallback_email`: an e-mail address given outside the contact blocks
  is the controller's only when it is no person's: an address after a
  person's name, or in a sentence about the contact person or the data
  protection officer, is theirs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from rekisteri.identifiers import ytunnus
from rekisteri.importer._contact import MAX_LINE, Part, emails_in, looks_like_person, parse_line
from rekisteri.importer._cues import ORGANISATION, YTUNNUS_ANY, compact_ytunnus
from rekisteri.importer._finnish import capitalise
from rekisteri.importer._negation import denies_officer
from rekisteri.importer._people import PROCESSOR_SAID
from rekisteri.importer._register_name import (
    lone_register_name,
    name_after_label_line,
    title_register_name,
    two_lines,
    with_swedish_title,
)

if TYPE_CHECKING:
    from collections.abc import Collection

    from rekisteri.importer._builder import Builder, Mapping

#: A legal form written in any case ("Ry", "RY", "oy").
_FORM: Final = r"(?:oyj|oy|ab|abp|ky|ay|tmi|t:mi|ry|r\.y\.|rf|r\.f\.|sr|osk)"
#: The owner at the start of a register's name: "Esimerkki ry:n jäsenrekisteri",
#: "Esimerkki Ry jäsenrekisteri", "Tmi Aino Esimerkki asiakasrekisteri".
_OWNER_FIRST: Final = re.compile(
    rf"(?i)^(?P<owner>(?:[\w&-]+[ \t]+){{0,4}}?[\w&-]+[ \t]+{_FORM})(?::n|:s|’s|'s)?[ \t]+\S"
)
_OWNER_TMI: Final = re.compile(
    r"^(?P<owner>(?i:tmi|t:mi)[ \t]+[A-ZÄÖÅ][\w-]+(?:[ \t]+[A-ZÄÖÅ][\w-]+){0,2}?)"
    r"(?::n)?[ \t]+[a-zäöå][\w-]*(?:rekisteri|register)\b"
)
_FORM_WORD: Final = re.compile(rf"(?i)(?<![\w-]){_FORM}(?![\w-])")
#: What stands before a name on its line: bullets, a label.
_LEAD: Final = re.compile(r"^[ \t•*·▪◦‣–-]*(?:[\w -]{0,30}:[ \t]*)?")
#: A sentence's words before the keeper's name: "Rekisteriä ylläpitää", "Rekisterinpitäjänä
#: toimii", "Registret förs av", "The controller is".
_KEEPER_LEAD: Final = re.compile(
    r"(?i)^(?:(?:tätä[ \t]+)?rekisteriä[ \t]+(?:ylläpitää|pitää)|rekisterinpitäjänä[ \t]+toimii"
    r"|rekisterinpitäjä[ \t]+on|registret[ \t]+(?:förs|upprätthålls)[ \t]+av"
    r"|personuppgiftsansvarig[ \t]+är|(?:the[ \t]+)?(?:data[ \t]+)?controller[ \t]+is)[ \t]+"
    r"(?=[A-ZÄÖÅ])"
)
#: What stands between a name and its Y-tunnus: "(Y-tunnus: ", ", y-tunnus ".
_TO_ID: Final = re.compile(
    r"(?i)[ \t]*[,(;]?[ \t]*(?:y-?tunnus|ly-tunnus|yritystunnus|fo-nummer|business id)?"
    r"[ \t:.]*$"
)
#: The label of the Y-tunnus after a name on its line: "X, y-tunnus: …", "X (FO-nummer …".
_ID_LABEL: Final = re.compile(
    r"(?i)[,(][ \t]*(?:y-?tunnus|yritystunnus|fo-nummer|fo-nr|business id)[ \t:.]*$"
)
#: A firm's name of capitalised words without a legal form: "Jalkahoitola Sametti".
_CAPITALISED_NAME: Final = re.compile(r"[A-ZÄÖÅ][\w&'-]*(?:[ \t]+[A-ZÄÖÅ0-9][\w&'-]*){0,3}")
#: Fields of the draft whose text is another party's, never the controller's address.
_OTHER_PARTY: Final = ("contact_person", "controller.dpo", "heading:contact", "heading:dpo")
#: Text that names other bodies than the controller: a recipient's, a processor's or a
#: transfer's address is never the controller's (R4-5). Not the rights' text: where to send a
#: request is most often the controller's own address.
_THIRD_PARTY: Final = (*_OTHER_PARTY, "recipients", "processors", "transfers")
#: The notice's first part, where a controller's address stands when it has no section.
_FIRST_PART: Final = 2500
_NAME_WORDS: Final = 8


#: A name ending in a legal form inflected with a colon: "X Oy:n", "X ry:n", "X Ab:s"; also
#: in a place case ("X Oy:ssä", "X ry:lle", "X Oy:stä"), as a sentence names a body.
_GENITIVE_FORM: Final = re.compile(
    r"(?:(?:Me|Vi)[ \t]+(?=\S.*:(?:ssä|ssa)$))?"  # "Me X Oy:ssä": "we at X Oy"
    r"(?P<name>\S.*[ \t](?i:oyj|oy|ab|abp|ky|ay|ry|rf|sr|osk|ltd))"
    r"(?i::n|:s|:in|’s|'s|:ssä|:ssa|:stä|:sta|:llä|:lla|:ltä|:lta|:lle|:ksi|:hön|:hon|:hyn)$"
)


def nominative(name: str) -> str:
    """*name* without the case ending of its legal form ("X Oy:n" → "X Oy").

    Examples:
        >>> nominative("TTS-Esimerkki Oy:n")
        'TTS-Esimerkki Oy'
        >>> nominative("Kylän Seura ry:n")
        'Kylän Seura ry'
        >>> nominative("Me Kylän Puutarha Oy:ssä")
        'Kylän Puutarha Oy'
        >>> nominative("TTS:n")
        'TTS:n'
    """
    found = _GENITIVE_FORM.fullmatch(name.strip())
    return found.group("name") if found is not None else name


def implied_controller(text: str, out: Builder) -> None:
    """The controller's name and address where no controller section gave them."""
    controller = out.controller
    if controller.name is None and out.business_id is None:
        _labelled_id(text, out)  # "X, y-tunnus: …" on a line of its own: the name beside it
    if controller.name is None:
        name = (
            _name_on_id_line(text, out.business_id)
            or _labelled_name(text)
            or _owner_of(out.name)
            or stated_keeper(text[:_FIRST_PART])
            or _trade_name_title(text[:_FIRST_PART])
            or _name_above_address(text, out)
            or _copyright_holder(text)
        )
        if name is not None:
            controller.name = nominative(name)
            if controller.name != name:
                out.note("controller", f"the notice gives the name inflected: {name}")
            out.note("controller", "name read from outside a controller block; check it")
    if controller.street is None and controller.postal_code is None and controller.town is None:
        _address_line(text, out)
    if out.business_id is None:
        _labelled_id(text, out)
    if out.name is None:
        _title_line_name(text, out)
    if out.name is None and (labelled := name_after_label_line(text[:_FIRST_PART])) is not None:
        out.name, start, end = labelled
        out.map(start, end, "name")
        out.note("name", "read from the line after a name heading inside a paragraph; check it")
    if out.name is None:
        _run_on_label_name(text[:_FIRST_PART], out)
    if out.name is None:
        _lone_name(text, out)
    _tidy(out)


#: A notice titled by a trade name: "Kukkapuoti Kielo -toiminimen tietosuojaseloste",
#: "Hieroja Aino Laine -toiminimen rekisteriseloste 5/2024".
_TRADE_NAME_TITLE: Final = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-ZÄÖÅ][^\n:;()]{1,60}?)[ \t]*[-–][ \t]?(?i:toiminimen)[ \t]+"
    r"(?i:[\w-]*(?:seloste|rekisteri\w*))\b"
)


def _trade_name_title(text: str) -> str | None:
    r"""The trade name a title line names the notice after, or ``None``.

    Examples:
        >>> _trade_name_title("Tietosuoja\n\nKukkapuoti Kielo -toiminimen tietosuojaseloste\n")
        'Kukkapuoti Kielo'
        >>> _trade_name_title("Kukkapuoti Kielon tietosuojaseloste\n") is None
        True
    """
    found = _TRADE_NAME_TITLE.search(text)
    return found.group("name").strip() if found is not None else None


#: A page's copyright line: "© 2024 Esimerkki Oy", "Copyright (c) Esimerkki ry 2023".
_COPYRIGHT: Final = re.compile(
    r"(?im)^[ \t]*(?:©|\(c\)|copyright)(?:[ \t]*(?:©|\(c\)))?[ \t]*(?:(?:19|20)[0-9]{2}"
    r"(?:[ \t]*[–-][ \t]*(?:19|20)[0-9]{2})?[ \t]*)?(?P<name>[^\n|,]+?)"
    r"(?:[ \t]+(?:19|20)[0-9]{2})?[ \t]*(?:[|,.].*)?$"
)


def _copyright_holder(text: str) -> str | None:
    r"""The body a page's copyright line names, when nothing else named the controller.

    Examples:
        >>> _copyright_holder("Tietoja käytetään laskutukseen.\n© 2024 Kylän Puutarha Oy\n")
        'Kylän Puutarha Oy'
        >>> _copyright_holder("© 2024 Aino Esimerkki\n") is None
        True
    """
    for found in _COPYRIGHT.finditer(text):
        name = found.group("name").strip()
        if _bare_body(name):
            return name
    return None


def copyright_holder(chrome: str, out: Builder) -> None:
    """The controller named by a copyright line of a page's footer, where nothing else did.

    The footer after the notice's last text is read apart (:func:`._furniture.trailing_chrome`):
    its copyright line is the last resort of :func:`implied_controller`, as it was before.
    """
    if out.controller.name is not None:
        return
    name = _copyright_holder(chrome)
    if name is None:
        return
    out.controller.name = nominative(name)
    if out.controller.name != name:
        out.note("controller", f"the notice gives the name inflected: {name}")
    out.note("controller", "name read from outside a controller block; check it")


#: A register's name label run on after other text of its line, its value ending the line:
#: "… info@example.fi namn på register Byns Bokhandel -nätbutik" (a capital first: never
#: "3. Rekisterin nimi ja tarkoitus").
_RUN_ON_NAME: Final = re.compile(
    r"(?im)(?<=\S)[ \t]+(?:rekisterin[ \t]+nimi|registrets[ \t]+namn|namn[ \t]+på[ \t]+registr?et"
    r"|namn[ \t]+på[ \t]+register|name[ \t]+of[ \t]+the[ \t]+register)[ \t]*[:–-]?[ \t]+"
    r"(?-i:(?P<name>[A-ZÄÖÅ][^\n:;.!?]{2,100}?))[ \t.]*$"
)


def _run_on_label_name(text: str, out: Builder) -> None:
    """The register's name after its label run on inside a line, where nothing else named it.

    A page that lost its line breaks runs labels and values together
    ("personuppgiftsansvarig X Ab … namn på register X -nätbutik"): the words
    after the name's label, to the line's end, are the name when they are few.
    """
    found = _RUN_ON_NAME.search(text)
    if found is None or len(found.group("name").split()) > _NAME_WORDS:
        return
    out.name = capitalise(found.group("name").strip())
    out.map(found.start("name"), found.end("name"), "name")
    out.note("name", "read after the name's label inside a run-on line; check it")


def _lone_name(text: str, out: Builder) -> None:
    """The register's name on a line of its own at the notice's start, not a heading's line."""
    headings = tuple((m.start, m.end) for m in out.mapped if m.field.startswith("heading:"))
    lone = lone_register_name(text[:_FIRST_PART], headings)
    if lone is not None:
        out.name, start, end = lone
        out.map(start, end, "name")
        out.note("name", "read from a line of its own at the notice's start; check it")


#: A country written after the town: "Ort: Helsinki, Finland", "00100 Helsinki, Suomi".
_TOWN_COUNTRY: Final = re.compile(
    r"(?i)[ \t]*[,/–-][ \t]*(?:finland|suomi|finnland|åland|ahvenanmaa|fi|fin)\.?$"
)
#: The body's short name after its name: "Ålands lagting, lagtinget", a word of the name
#: in its definite or inflected form (never a unit: "X kuntayhtymä, kirjastolautakunta").
_ALIAS_AFTER: Final = re.compile(r",[ \t]*(?P<alias>[a-zäöå][\w-]{3,})$")


def _tidy(out: Builder) -> None:
    """The controller's town without a country after it, its name without a short name after it.

    Examples:
        >>> from rekisteri.importer._builder import Builder
        >>> out = Builder("")
        >>> out.controller.town = "Helsinki, Finland"
        >>> out.controller.name = "Ålands lagting, lagtinget"
        >>> _tidy(out)
        >>> out.controller.town, out.controller.name
        ('Helsinki', 'Ålands lagting')
    """
    for party in (out.controller, out.contact):
        if party.town is not None and _TOWN_COUNTRY.search(party.town):
            town = _TOWN_COUNTRY.sub("", party.town)
            if town:
                party.town = town
    name = out.controller.name
    alias = _ALIAS_AFTER.search(name) if name is not None else None
    if name is not None and alias is not None:
        words = [w.casefold() for w in name[: alias.start()].split() if len(w) >= 4]
        if any(alias.group("alias").casefold().startswith(word) for word in words):
            out.controller.name = name[: alias.start()]


def _title_line_name(text: str, out: Builder) -> None:
    """The register's name in a first line run together with the lines below it.

    A notice without blank lines ("X ry:n jäsenrekisterin tietosuojaseloste" /
    date / controller line …) has no title of its own: its first line is read
    as one.
    """
    first, newline, rest = text.lstrip().partition("\n")
    if not newline or not rest.strip() or not rest.split("\n", 1)[0].strip():
        return  # a title of its own (a blank line after it) is read as a title
    name = title_register_name(first)
    if name is not None:
        start = text.index(first)
        out.name = with_swedish_title(name, two_lines(text, start))  # a parallel title
        out.map(start, start + len(first), "name")
        out.note("name", "read from the notice's first line; check it")


def _name_on_id_line(text: str, business_id: str | None) -> str | None:
    """The body named before the Y-tunnus on its line: "• Tmi Esimerkki (Y-tunnus: 1234567-8)"."""
    if business_id is None:
        return None
    digits = business_id.replace("-", "")
    found = re.search(rf"(?<!\d){digits[:7]}[ \t]?[-\u2010\u2011\u2013]?[ \t]?{digits[7]}", text)
    if found is None:
        return None
    line_start = text.rfind("\n", 0, found.start()) + 1
    before = text[line_start : found.start()]
    labelled = _ID_LABEL.search(before) is not None
    before = _TO_ID.sub("", before)
    before = _LEAD.sub("", before, count=1).strip(" \t,;(")
    before = _KEEPER_LEAD.sub("", before, count=1)  # "Rekisteriä ylläpitää X ry (Y-tunnus …)"
    if (
        not before
        or len(before.split()) > _NAME_WORDS
        or not (
            re.search(rf"(?i)(?<![\w-]){_FORM}(?![\w-])", before)
            or ORGANISATION.search(before)
            or (labelled and _CAPITALISED_NAME.fullmatch(before))
        )
    ):
        return None
    return before


#: A labelled name line: "Nimi: Esimerkki Oy", "Yrityksen nimi: …", "Namn: …".
_NAME_LABEL: Final = re.compile(
    r"(?im)^[ \t•*-]*(?:nimi|yrityksen nimi|toiminimi|yhdistyksen nimi|namn|företagets namn"
    r"|name|company name)[ \t]*:[ \t]*(?P<name>[^\n]{3,80}?)[ \t]*$"
)


def _labelled_name(text: str) -> str | None:
    """A body named on a "Nimi: …" line of the notice's first part (no controller heading).

    Only a name with a legal form or a body's word, never a person's.
    """
    for found in _NAME_LABEL.finditer(text, 0, min(len(text), _FIRST_PART)):
        name = found.group("name").strip(" .,;")
        if _FORM_WORD.search(name) or ORGANISATION.search(name):
            return name
    return None


#: A body's word at the end of a name without a legal form ("Kylätoimikunta", "Selim
#: Esimerkin säätiö"), besides the public bodies and associations the cue table knows.
_BODY_END: Final = re.compile(
    r"(?i)(?:toimikunta|osuuskunta|seura|kerho|opisto|oppilaitos|yliopisto|korkeakoulu|rahasto"
    r"|andelslag|klubb|club|cooperative|society|ministeriö|laitos|keskus|föreningen|stiftelsen"
    r"|förbundet|sällskapet|klubben)$"
)
#: A Swedish body's word in its definite form opening a name: "Stiftelsen X",
#: "Insamlingsstiftelsen X", "Riksföreningen X", "Förbundet X".
_DEFINITE_BODY: Final = re.compile(r"(?i)^\w*(?:stiftelsen|föreningen|förbundet|sällskapet)$")
#: A body's word inside a name before what the body is for: "X fond för Y", "Stiftelsen
#: för Y", "X Foundation for Y".
_BODY_FOR: Final = re.compile(
    r"(?i)(?<![\w-])(?:fond|fonden|stiftelse|stiftelsen|förening|föreningen|säätiö|rahasto"
    r"|foundation|fund|society|association)[ \t]+(?:för|for|of|till)[ \t]+\w"
)
#: What follows "X har" when X keeps a register: "ett (digitalt) medlemsregister".
_OWNS_REGISTER: Final = re.compile(r"(?i)(?:ett|en)[ \t]+(?:[\w-]+[ \t]+){0,2}?[\w-]*register")
#: "X ylläpitää …", "X pitää … yllä …", "X on rekisterinpitäjä", "X är personuppgiftsansvarig":
#: a sentence that opens with the body keeping the register; between the name and the verb
#: may stand its registry number (", org. nr. 802519–3817,", masked "¤" when it read as an
#: identity code), and a short lower-case abbreviation may be part of the name ("m. fl.").
_ID_CLAUSE: Final = (
    r"(?P<id>[ \t]*[,(][ \t]*(?i:org\.?[ \t]*nr|organisationsnummer|y-?tunnus|fo-nummer"
    r"|business[ \t]+id|reg\.?[ \t]*nro)[ \t.:]*[0-9¤][0-9¤ \t–-]{5,12}[0-9¤][ \t]*[,)]?)?"
)
_KEEPER_FIRST: Final = re.compile(
    r"(?:^|(?<=[.!?:])[ \t]+|(?<=\n))[ \t]*"
    r"(?P<name>[A-ZÄÖÅ][\w&:’'-]*(?:[ \t]+(?:&[ \t]+)?(?:[\w&’'-]+|[a-zäöå]{1,3}\.)){0,9}?)"
    + _ID_CLAUSE
    + r"[ \t]+"
    r"(?P<verb>ylläpitää|pitää|vastaa|toimii|on|är|ansvarar|har|is|maintains|keeps|acts"
    r"|käsittelee|behandlar|processes)[ \t]+"
    r"(?P<rest>[^.\n]{0,160})"
)
#: "Rekisteriä ylläpitää X.", "Registret förs av X.", "Rekisterinpitäjänä toimii X.",
#: "Personuppgiftsansvarig är X.": the keeper after the verb.
_KEEPER_AFTER: Final = re.compile(
    r"(?:(?i:rekisteriä|rekisterin|tätä rekisteriä|registret|the register is)[ \t]+"
    r"(?i:ylläpitää|pitää|förs av|upprätthålls av|hålls av|maintained by|kept by)"
    # "Register över personuppgifter som upprätthålls av X rf": a title naming the keeper
    r"|(?i:register|rekisteri)\b[^.\n]{0,60}?[ \t](?i:som (?:upprätthålls|förs) av"
    r"|jota ylläpitää|(?:which is |that is )?(?:maintained|kept) by)"
    r"|(?i:rekisterinpitäjänä[ \t]+toimii|rekisterinpitäjä[ \t]+on"
    r"|personuppgiftsansvarig(?:[ \t]+för[ \t]+registret)?[ \t]+är"
    r"|(?:the[ \t]+)?(?:data[ \t]+)?controller[ \t]+is))[ \t]+"
    r"(?P<name>[A-ZÄÖÅ][\w&:’'-]*(?:[ \t]+(?:&[ \t]+)?[\w&’'-]+){0,7}?)[ \t]*(?:[.,;(]|$)",
    re.MULTILINE,
)
#: What the rest of a keeper's sentence names: the register, or the controller's role.
_KEEPING: Final = re.compile(
    r"(?i)rekister|register|personuppgiftsansvarig|controller|henkilötietojen käsittely"
    r"|^(?:\w+[ \t]+){0,3}?(?:henkilötietoja|personuppgifter|(?:the[ \t]+)?personal[ \t]+data)\b"
    r"|ansvarig för (?:den |all )?behandling"
)
#: "Det är X som är personuppgiftsansvarig", "It is X that is the controller": a cleft
#: sentence that names the keeper in its middle.
_KEEPER_CLEFT: Final = re.compile(
    r"(?i:det är|it is)[ \t]+(?P<name>[A-ZÄÖÅ][\w&:’'-]*(?:[ \t]+(?:&[ \t]+)?[\w&’'-]+){0,7}?)"
    + _ID_CLAUSE
    + r"[ \t]+(?i:som|that|who)[ \t]+(?i:är|is)[ \t]+(?i:the[ \t]+)?(?i:data[ \t]+)?"
    r"(?i:personuppgiftsansvarig|controller)"
)
#: "X (jäljempänä …)", "X (nedan …)", "X (hereinafter …)": a body named, then its short name.
_HEREINAFTER: Final = re.compile(
    r"\((?i:jäljempänä|myöhemmin|nedan|hereinafter|later)\b"
    r"|[(\[][ \t]*[”\"“‘’'][\w -]{2,30}[”\"“’'][ \t]*[)\]]"
)
#: The capitalised words (and legal forms, "&") that end the text before "(jäljempänä".
_CAPITALS_BEFORE: Final = re.compile(
    r"(?P<name>[A-ZÄÖÅ][\w&:’'-]*(?:[ \t]+(?:&[ \t]+)?(?:[A-ZÄÖÅ0-9][\w&:’'-]*"
    r"|(?i:ry|rf|sr|oy|oyj|ab|ky|osk|säätiö|kaupunki|kunta|yhdistys|stiftelsen?|föreningen?"
    r"|fond|foundation|association)\b)){0,7})[ \t]*$"
)


def stated_keeper(text: str) -> str | None:
    """The body a sentence names as keeping the register, or ``None``.

    Only a name with a legal form or a body's word ("säätiö", "kaupunki",
    "Kylätoimikunta"), never a bare "Yhdistys" or a person.

    Examples:
        >>> stated_keeper("Aino Esimerkin säätiö pitää varten yllä henkilörekistereitä.")
        'Aino Esimerkin säätiö'
        >>> stated_keeper("Rekisteriä ylläpitää Kylätoimikunta. Tiedot ovat luottamuksellisia.")
        'Kylätoimikunta'
        >>> stated_keeper("Kylän Golf & Country Club ry (jäljempänä seura) kertoo tässä tiedoista.")
        'Kylän Golf & Country Club ry'
        >>> stated_keeper("Tämä seloste koskee Kylän Seura ry (jäljempänä seura) jäseniä.")
        'Kylän Seura ry'
        >>> stated_keeper("Register över medlemmar som upprätthålls av Kustens förbund rf")
        'Kustens förbund rf'
        >>> stated_keeper("Yhdistys ylläpitää jäsenrekisteriä.") is None
        True
        >>> stated_keeper("Kylän kaupunki käsittelee henkilötietoja tämän selosteen mukaisesti.")
        'Kylän kaupunki'
        >>> stated_keeper("Byns stad behandlar personuppgifter om låntagarna.")
        'Byns stad'
        >>> stated_keeper("Aino Esimerkki käsittelee henkilötietoja huolellisesti.") is None
        True
        >>> stated_keeper("Tilitoimisto Numero Oy käsittelee henkilötietoja puolestamme.") is None
        True
    """
    for found in _KEEPER_FIRST.finditer(text):
        verb, rest = found.group("verb"), found.group("rest")
        if (verb == "pitää" and "yllä" not in rest.split()) or (
            verb == "har" and _OWNS_REGISTER.match(rest) is None
        ):
            continue
        if PROCESSOR_SAID.search(rest):
            # "X Oy käsittelee henkilötietoja puolestamme": a processor, never the keeper
            continue
        if _KEEPING.search(rest) and _is_body(found.group("name")):
            return found.group("name")
        if _ROLE_STATED.match(rest) and _named_not_person(found.group("name")):
            return found.group("name")  # "Byns bibliotek är personuppgiftsansvarig."
    for found in _KEEPER_AFTER.finditer(text):
        name = found.group("name")
        if _is_body(name) or (_ROLE_STATED.search(found.group(0)) and _named_not_person(name)):
            return name  # "Personuppgiftsansvarig är Kustens musikinstitut."
    for found in _KEEPER_CLEFT.finditer(text):
        # the sentence says outright who the controller is: any name of two words or
        # more that is no person's ("Karl Esimerkin fond för … ändamål")
        name = found.group("name")
        if _is_body(name) or (len(name.split()) > 1 and not looks_like_person(name)):
            return name
    for found in _HEREINAFTER.finditer(text):
        name = _body_before(text, found.start())
        if name is not None:
            return name
    return None


def _body_before(text: str, end: int) -> str | None:
    """The body named by the words that end at *end* (before "(jäljempänä …"), or ``None``.

    Capitalised words and legal forms ("Kylän Seura ry"); or capitalised words
    and one lower-case body's word after them ("Kylän liitto", "Byns
    förbund"): the words that open a sentence ("Tämä seloste kuvaa, kuinka …")
    are no part of the name.
    """
    start = max(0, end - 120)
    before = _CAPITALS_BEFORE.search(text, start, end)
    if before is not None and _is_body(before.group("name")):
        return before.group("name")
    lower = _BODY_WORD_BEFORE.search(text, start, end)
    if lower is None:
        return None
    name = lower.group("name")
    last = name.split()[-1]
    said = ORGANISATION.fullmatch(last) is not None or _BODY_END.search(last) is not None
    return name if said and _is_body(name) else None


#: The words that say outright who the controller is: "… är personuppgiftsansvarig",
#: "Rekisterinpitäjänä toimii …", "The controller is …".
_ROLE_STATED: Final = re.compile(
    r"(?i)(?:^|(?<=[ \t]))(?:the[ \t]+)?(?:data[ \t]+)?"
    r"(?:personuppgiftsansvarig[ae]?|rekisterinpitäjä|rekisterinpitäjänä|controller)(?![\w:-])"
)
#: Capitalised words, then one lower-case word, ending the text before "(jäljempänä": a body's
#: name whose last word is its kind ("Keskimaan liitto", "Byns förbund").
_BODY_WORD_BEFORE: Final = re.compile(
    r"(?<![\w’'-])(?P<name>[A-ZÄÖÅ][\w’'-]*(?:[ \t]+[A-ZÄÖÅ][\w’'-]*){0,5}"
    r"[ \t]+[a-zäöå][\w-]{2,30})[ \t]*$"
)
#: A name's first word that makes it no name: "Tämä yhdistys", "Vår förening", "Our firm".
_NO_NAME_FIRST: Final = re.compile(
    r"(?i)(?:tämä|meidän|vår|vårt|våra|our|this|the|den|det|denna|detta|yhdistys|yritys)$"
)


def _named_not_person(name: str) -> bool:
    """Whether *name*, said outright to be the controller, is a body's name of two words or more.

    "Kustens musikinstitut", "Ämbetsverket för öppna kartdata": no legal form
    and no body's word the tables know, but no person's name either.
    """
    words = name.split()
    return (
        len(words) > 1
        and not looks_like_person(name)
        and _NO_NAME_FIRST.fullmatch(words[0]) is None
    )


def _is_body(name: str) -> bool:
    """Whether *name* names a body: a legal form, or a body's word ending a real name.

    A Swedish name may open with the body's word in its definite form
    ("Stiftelsen X", "Riksföreningen X", "Insamlingsstiftelsen X").
    """
    name = name.strip()
    words = name.split()
    if words and _NO_NAME_FIRST.fullmatch(words[0]):
        return False  # "Vår förening", "Tämä yhdistys": the body, not its name
    if _FORM_WORD.search(name):
        return name[:1].isupper()
    if len(words) > 1 and (
        _DEFINITE_BODY.search(words[0]) is not None or _BODY_FOR.search(name) is not None
    ):
        return True
    last = words[-1]
    body = ORGANISATION.search(last) is not None or _BODY_END.search(last) is not None
    if not body or looks_like_person(name):
        return False
    bare = re.fullmatch(
        r"(?i)(?:yhdistys|säätiö|seura|kunta|kaupunki|osuuskunta|toimikunta|förening|stiftelse"
        r"|kommun|stad|keskus|laitos|opisto|rahasto|kerho|klubb|club|society|association"
        r"|föreningen|stiftelsen|förbundet|sällskapet|klubben)",
        last,
    )
    return len(name.split()) > 1 or bare is None


def _owner_of(register_name: str | None) -> str | None:
    """The owner a register's name gives: "Esimerkki Ry jäsenrekisteri" → "Esimerkki Ry"."""
    if register_name is None:
        return None
    found = _OWNER_FIRST.match(register_name) or _OWNER_TMI.match(register_name)
    if found is None:
        return None
    owner = found.group("owner")
    return owner if owner[:1].isupper() else None


def _unshouted(town: str) -> str:
    """A town in capitals as a person writes it: "TUULOS" → "Tuulos"."""
    return town.title() if town.isupper() else town


def _labelled_id(text: str, out: Builder) -> None:
    """A labelled Y-tunnus in the notice's first part that no other party's section holds.

    The one right after the controller's name first ("…, johon kuuluu A Oy:n
    (Y-tunnus: …) ohella B Oy (Y-tunnus: …)": B's when B is the controller).
    """
    found_all = list(YTUNNUS_ANY.finditer(text, 0, min(len(text), _FIRST_PART)))
    if not found_all:
        return  # the cheap test first: the other parties' spans are read only for an id
    taken = [m for m in out.mapped if m.field.startswith(_OTHER_PARTY)]
    name = out.controller.name
    if name:
        flat_name = r"[ \t]*".join(re.escape(part) for part in name.replace(" ", ""))
        after = [
            f
            for f in found_all
            if re.search(flat_name + r"\W{0,4}$", text[max(0, f.start() - 80) : f.start()])
        ]
        found_all = after + [f for f in found_all if f not in after]
    for found in found_all:
        start, end = found.span("id")
        if any(m.start < end and start < m.end for m in taken):
            continue
        value = compact_ytunnus(found.group("id"))
        if ytunnus.is_valid(value):
            out.business_id = ytunnus.validate(value)
            out.map(start, end, "controller.business_id")
            out.note("controller", "Y-tunnus read from outside a controller block; check it")
            return


def _address_line(text: str, out: Builder) -> None:
    """The first address of the notice's first part with a postal code that is no one else's."""
    found = _first_address(text, out)
    if found is None:
        return
    fields: dict[str, Part] = {}
    for span in found:
        for part in building_in_street(parse_line(text, *span)):
            fields.setdefault(part.field, part)
    used = [fields[f] for f in ("street", "po_box", "postal_code", "town") if f in fields]
    for part in used:
        value = " ".join(part.value.split())
        setattr(out.controller, part.field, _unshouted(value) if part.field == "town" else value)
    start = min((p.start for p in used), default=0)
    end = max((p.end for p in used), default=0)
    if not any(m.start < end and start < m.end for m in out.mapped):
        out.map(start, end, "controller")  # the draft's address: never listed as unmatched
    out.note("controller", "address read from a line outside a controller block; check it")


def _first_address(text: str, out: Builder) -> list[tuple[int, int]] | None:
    """The lines of the first part's first address with a postal code and a town, no one else's.

    One line ("Katu 8, 00100 Kylä"), or a few lines of a block: the street on a
    line of its own above the postal code ("Katu 8" / "00100 Kylä"), a form's
    label lines ("Adress: Katu 8" / "Postnummer: 00100" / "Ort: Kylä").
    """
    taken = [m for m in out.mapped if m.field.startswith(_THIRD_PARTY)]
    spans = _first_lines(text)
    for index, (start, end) in enumerate(spans):
        if any(m.start < end and start < m.end for m in taken):
            continue
        fields = {p.field for p in parse_line(text, start, end)}
        if "postal_code" not in fields:
            continue
        found = [(start, end)]
        if "town" not in fields:
            after = _lone_field(text, spans, index + 1, "town", taken)
            if after is None:
                continue
            found.append(after)
        if not fields & {"street", "po_box"}:
            above = _lone_field(text, spans, index - 1, "street", taken)
            if above is not None:
                found.insert(0, above)
        return found
    return None


def _first_lines(text: str) -> list[tuple[int, int]]:
    """The non-blank lines (or sentences of a run-on line) of the notice's first part."""
    spans: list[tuple[int, int]] = []
    position = 0
    limit = min(len(text), _FIRST_PART)
    while position < limit:
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line_start, position = position, end + 1
        if text[line_start:end].strip():
            spans.extend(_sentences(text, line_start, end))
    return spans


#: A line of a block above or below an address's postal code: at most this many lines apart.
_BLOCK_GAP: Final = 3


def _lone_field(
    text: str, spans: list[tuple[int, int]], index: int, field: str, taken: list[Mapping]
) -> tuple[int, int] | None:
    """The line *spans[index]* when it gives *field* and nothing but a label besides.

    The street's line is just above the postal code's (*index* + 1), the town's
    just below it (*index* - 1); at most two blank lines between, no one else's.
    """
    other = index + 1 if field == "street" else index - 1
    if not (0 <= index < len(spans) and 0 <= other < len(spans)):
        return None
    start, end = spans[index]
    first, second = sorted((spans[index], spans[other]))
    if text.count("\n", first[1], second[0]) > _BLOCK_GAP or any(
        m.start < end and start < m.end for m in taken
    ):
        return None
    fields = {p.field for p in building_in_street(parse_line(text, start, end))}
    return (start, end) if fields - {"label"} == {field} else None


#: A building or stairway after the street's number: "Rakennus B", "rak. B", "Hus C".
_BUILDING: Final = re.compile(
    r"(?i)(?:rakennus|rak\.|talo|porras|rappu|siipi|hus|byggnad|trappa|trappuppgång|flygel"
    r"|building|block)[ \t]*[A-ZÄÖÅ0-9]{1,3}"
)


def building_in_street(parts: list[Part]) -> list[Part]:
    """A building or stairway written after the street and a comma is part of the street.

    Examples:
        >>> parts = [Part("street", "Katu 8", 0, 6), Part("text", "Rakennus B", 8, 18)]
        >>> [(p.field, p.value) for p in building_in_street(parts)]
        [('street', 'Katu 8, Rakennus B')]
    """
    out: list[Part] = []
    for part in parts:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.field == "street"
            and part.field == "text"
            and _BUILDING.fullmatch(part.value.strip())
        ):
            value = f"{previous.value}, {part.value.strip()}"
            out[-1] = Part("street", value, previous.start, part.end, previous.obfuscated)
            continue
        out.append(part)
    return out


#: Where a sentence ends inside a run-on line: a full stop, then a capital.
_SENTENCE_END: Final = re.compile(r"(?<=[a-zäöå)][.!?])[ \t]+(?=[A-ZÄÖÅ])")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The line *start*–*end*, or its sentences when it is too long for the line parser.

    A page that runs a sentence and a contact block into one line ("… koulutus-
    toiminnan. Yhteyshenkilö: … Osoite: Katu 6, 05200 Kylä …") is read
    sentence by sentence.
    """
    if end - start <= MAX_LINE:
        return [(start, end)]
    bounds = [start]
    bounds += [found.end() for found in _SENTENCE_END.finditer(text, start, end)]
    return [(s, e) for s, e in zip(bounds, [*bounds[1:], end], strict=True) if e - s <= MAX_LINE]


#: How many lines above an address a body's name may stand (blank lines not counted).
_NAME_ABOVE: Final = 2


def _name_above_address(text: str, out: Builder) -> str | None:
    """A body's name on its own line just above the first address line ("X ry" / "Katu 8, …").

    A name-and-address block with no heading the reader knows ("1. Registrar",
    or none at all). Only a line of a few words that names a body (a legal form
    or a body's word), never a person, a label or a sentence.
    """
    found = _first_address(text, out)
    if found is None:
        return None
    first = parse_line(text, *found[0])
    if len(first) > 1 and first[0].field == "text" and _bare_body(first[0].value):
        # "Esimerkki Oy | Katu 8, 00100 Kylä | info@…": the body named before its street
        return " ".join(first[0].value.split())
    lines = [line.strip() for line in text[: found[0][0]].split("\n") if line.strip()]
    for line in reversed(lines[-_NAME_ABOVE:]):
        name = line.strip(" \t•*·▪–-,")
        if _bare_body(name):
            return name
    return None


def _bare_body(name: str) -> bool:
    """Whether *name* is a body's name alone: a few words, no digit, label, address or sentence."""
    return (
        0 < len(name.split()) <= _NAME_WORDS
        and not any(c.isdigit() or c in ":@." for c in name)
        and _is_body(name)
    )


#: A sentence or line about the data protection officer.
_DPO_CUE: Final = re.compile(
    r"(?i)tietosuojavastaa|dataskyddsombud|data protection officer|\bdpo\b"
)
#: A sentence or line about a contact person or representative.
_PERSON_CUE: Final = re.compile(
    r"(?i)yhteyshenkilö|yhdyshenkilö|vastuuhenkilö|edustaja|kontaktperson|contact person"
    r"|representative|representant"
)
#: A person's name just before an address on its line: "Aino Esimerkki (aino@…)".
_NAME_BEFORE: Final = re.compile(
    r"(?P<name>[A-ZÄÖÅ][\w'-]+(?:[ \t]+[A-ZÄÖÅ][\w'-]+){1,2})[ \t]*[,(:–-]?[ \t]*$"
)
#: How far back a sentence about a person may start.
_CONTEXT: Final = 160


def fallback_email(text: str, out: Builder, others: Collection[str] = ()) -> None:
    """The e-mail of a notice whose contact blocks gave none, filed under its owner.

    Only while neither the controller nor the contact person has an e-mail.
    An address after a person's name or in a sentence about a contact person
    goes to the contact person; one about the data protection officer to the
    officer; the first other one is the controller's. Addresses a party has
    already, and *others* (another person's, noted as theirs), are passed over.
    """
    if out.controller.email is not None or out.contact.email is not None:
        return
    known = {out.dpo.email, *others}
    for address, start, _end in emails_in(text):
        if address in known:
            continue
        known.add(address)
        owner = _owner(text, start)
        if owner == "controller.dpo" and out.dpo.email is None:
            out.dpo.email = address
            out.note("controller.dpo", "e-mail read from the notice's text; check")
        elif owner == "contact_person":
            person = _NAME_BEFORE.search(_line_before(text, start))
            name = person["name"] if person and looks_like_person(person["name"]) else None
            if name is not None and out.contact.name is None:
                out.contact.name = name
            elif name is not None and not same_person(name, out.contact.name or name):
                # "Leena Esimerkki" the contact, then "Mikko Esimerkki, mikko@…": his (Q25)
                out.note("contact_person", f"{name}'s email: {address}")
                continue
            if out.contact.email is None:
                out.contact.email = address
                out.note("contact_person", "e-mail of a person named in the text; check")
        elif owner == "controller":
            out.controller.email = address
            out.note("controller", "e-mail read from the notice's text, not a contact block")
            return


def same_person(one: str, other: str) -> bool:
    """Whether two names name one person: the words of one are among the other's.

    Examples:
        >>> same_person("Toiminnanjohtaja Aino Esimerkki", "Aino Esimerkki")
        True
        >>> same_person("Mikko Esimerkki", "Aino Esimerkki")
        False
    """
    words, others = set(one.casefold().split()), set(other.casefold().split())
    return words <= others or others <= words


def _line_before(text: str, start: int) -> str:
    return text[text.rfind("\n", 0, start) + 1 : start]


def email_owner(text: str, start: int) -> str:
    """Whose the e-mail address at *start* of *text* is (see :func:`fallback_email`).

    Examples:
        >>> email_owner("Aino Esimerkki, toimisto@example.fi", 15)
        'contact_person'
        >>> email_owner("Seura ry, Katu 1, 00100 Kylä, seura@example.fi", 29)
        'controller'
    """
    return _owner(text, start)


def _owner(text: str, start: int) -> str:
    """Whose the address at *start* is: "controller", "contact_person" or "controller.dpo"."""
    line = _line_before(text, start)
    person = _NAME_BEFORE.search(line)
    context = text[max(0, start - _CONTEXT) : start]
    context = context[context.rfind("\n\n") + 1 :]
    if _DPO_CUE.search(context) and not denies_officer(context):
        # "Tietosuojavastaavaa ei ole nimetty; yhteydenotot: info@…": no officer (Q26)
        return "controller.dpo"
    first = re.split(r"[,;|(]", line, maxsplit=1)[0].strip()
    if (
        (person is not None and looks_like_person(person.group("name")))
        or (first != line.strip() and looks_like_person(first))
        or _PERSON_CUE.search(context)
    ):
        return "contact_person"
    return "controller"
