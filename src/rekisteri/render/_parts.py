"""Pieces shared by the notice and the Art 30 record: texts, parties, tables.

Every function takes the :class:`~rekisteri.render._i18n.Texts` of the
document's language and returns spans or blocks of :mod:`._doc`. Fixed texts
are written as ``_("English message")`` so that ``pybabel extract`` finds them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from rekisteri.model import (
    Lang,
    LegalBasis,
    NoneStated,
    RetentionTrigger,
    Right,
    SecurityKind,
    SpecialCategory,
    TransferMechanism,
)
from rekisteri.render._doc import (
    BREAK,
    Block,
    Bullets,
    Fields,
    Heading,
    Inline,
    Para,
    Span,
    Style,
    Table,
    clean,
    paragraphs,
)
from rekisteri.render._i18n import N_

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from rekisteri.model import (
        Address,
        ContactPoint,
        Controller,
        DataCategory,
        Duration,
        LocalizedText,
        Processor,
        Purpose,
        Recipient,
        Register,
        RetentionRule,
        SecurityMeasure,
        SubProcessor,
        Transfer,
    )
    from rekisteri.render._i18n import Texts

# ------------------------------------------------------------------ basic spans


def missing(t: Texts) -> Span:
    """The visible marker for a required item that the register lacks."""
    _ = t.gettext
    return Span(_("[missing]"), Style.MISSING)


def plain(text: str) -> Span:
    """Register text (a plain ``str``), cleaned."""
    return Span(clean(text))


def localized(t: Texts, text: LocalizedText, *, strong: bool = False) -> Inline:
    """A register text in the document's language, or Finnish with a marker after it."""
    value, lang = text.resolve(t.lang)
    style = Style.STRONG if strong else Style.PLAIN
    if lang is t.lang:
        return (Span(clean(value), style),)
    return (
        Span(clean(value), style, lang=lang.value),
        Span(" "),
        Span(t.gettext("[in Finnish]"), Style.FALLBACK),
    )


def localized_paragraphs(t: Texts, text: LocalizedText) -> list[Para]:
    """A longer register text as paragraphs; a Finnish fallback is marked before it."""
    value, lang = text.resolve(t.lang)
    paras = paragraphs(value)
    if lang is t.lang:
        return [Para((Span(p),)) for p in paras]
    marker = (Span(t.gettext("[in Finnish]"), Style.FALLBACK), Span(" "))
    return [
        Para((*(marker if i == 0 else ()), Span(p, lang=lang.value))) for i, p in enumerate(paras)
    ]


def capitalized(inline: Inline) -> Inline:
    """*inline* with its first letter in upper case (for labels that start a line)."""
    if not inline or not inline[0].text:
        return inline
    first = inline[0]
    return (first._replace(text=first.text[0].upper() + first.text[1:]), *inline[1:])


def listed(items: Sequence[Inline]) -> Inline:
    """Names of register items for a table cell, separated by commas.

    Not the language's list pattern: the names are capitalised labels
    ("Yhteystiedot", "Henkilötunnus"), and "Yhteystiedot ja Henkilötunnus"
    reads as a sentence with a stray capital.
    """
    out: list[Span] = []
    for i, item in enumerate(items):
        if i:
            out.append(Span(", "))
        out += item
    return tuple(out)


def sentence(*parts: Inline | Span) -> Inline:
    """Concatenate spans and inline runs."""
    out: list[Span] = []
    for part in parts:
        if isinstance(part, Span):
            out.append(part)
        else:
            out += part
    return tuple(out)


# --------------------------------------------------------------- GDPR articles

_ARTICLE: Final = re.compile(r"(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?")


def article(t: Texts, ref: str) -> str:
    """A GDPR article reference in the language: ``6(1)(b)`` → ``6 artiklan 1 kohdan b alakohta``.

    A reference of another shape is returned as it is.
    """
    _ = t.gettext
    match = _ARTICLE.fullmatch(ref.strip())
    if match is None:
        return clean(ref)
    number, paragraph, point = match.groups()
    if paragraph is None:
        return _("Article {article}").format(article=number)
    if point is None:
        return _("Article {article}({paragraph})").format(article=number, paragraph=paragraph)
    return _("Article {article}({paragraph})({point})").format(
        article=number, paragraph=paragraph, point=point
    )


# ------------------------------------------------------------------ vocabularies

_SPECIAL_LABELS: Final = {
    SpecialCategory.RACIAL_OR_ETHNIC_ORIGIN: N_("racial or ethnic origin"),
    SpecialCategory.POLITICAL_OPINIONS: N_("political opinions"),
    SpecialCategory.RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS: N_("religious or philosophical beliefs"),
    SpecialCategory.TRADE_UNION_MEMBERSHIP: N_("trade union membership"),
    SpecialCategory.GENETIC: N_("genetic data"),
    SpecialCategory.BIOMETRIC: N_("biometric data for uniquely identifying a person"),
    SpecialCategory.HEALTH: N_("data concerning health"),
    SpecialCategory.SEX_LIFE_OR_SEXUAL_ORIENTATION: N_("sex life or sexual orientation"),
}

_MECHANISMS: Final = {
    TransferMechanism.ADEQUACY_DECISION: (N_("adequacy decision of the Commission"), "45"),
    TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES: (
        N_("standard contractual clauses adopted by the Commission"),
        "46(2)(c)",
    ),
    TransferMechanism.BINDING_CORPORATE_RULES: (N_("binding corporate rules"), "47"),
    TransferMechanism.OTHER_SAFEGUARDS: (N_("other appropriate safeguards"), "46"),
    TransferMechanism.DEROGATION: (N_("derogation for a specific situation"), "49"),
}

_TRIGGERS: Final = {
    RetentionTrigger.END_OF_CUSTOMER_RELATIONSHIP: N_("from the end of the customer relationship"),
    RetentionTrigger.LAST_CONTACT: N_("from the last contact"),
    RetentionTrigger.END_OF_FINANCIAL_YEAR: N_("from the end of the financial year"),
    RetentionTrigger.END_OF_CALENDAR_YEAR_OF_FINANCIAL_YEAR_END: N_(
        "from the end of the calendar year in which the financial year ended"
    ),
    RetentionTrigger.CONSENT_WITHDRAWAL: N_("from the withdrawal of consent"),
    RetentionTrigger.COLLECTION: N_("from when the data were obtained"),
    RetentionTrigger.FIXED_DATE: N_("from a fixed date"),
}

_SECURITY_KINDS: Final = {
    None: N_("General"),
    SecurityKind.TECHNICAL: N_("Technical measures"),
    SecurityKind.ORGANISATIONAL: N_("Organisational measures"),
    SecurityKind.PHYSICAL: N_("Physical measures"),
}

_RIGHT_EXPLANATIONS: Final = {
    Right.ACCESS: N_(
        "The data subject can ask whether their personal data are processed and obtain "
        "a copy of the data."
    ),
    Right.RECTIFICATION: N_(
        "The data subject can have inaccurate data corrected and incomplete data completed."
    ),
    Right.ERASURE: N_(
        "The data subject can ask for their data to be erased when the data are no longer "
        "needed or there is no basis for processing them."
    ),
    Right.RESTRICTION: N_(
        "The data subject can ask for processing to be restricted, for example while the "
        "accuracy of the data is being checked."
    ),
    Right.NOTIFICATION: N_(
        "The controller tells the recipients to whom the data have been disclosed about any "
        "rectification, erasure or restriction."
    ),
    Right.PORTABILITY: N_(
        "The data subject can receive the data they have provided in a structured, commonly "
        "used and machine-readable format and transmit them to another controller, where "
        "processing is based on consent or a contract and is carried out by automated means."
    ),
    Right.OBJECT: N_(
        "The data subject can object, on grounds relating to their particular situation, to "
        "processing based on legitimate interests or on a task in the public interest."
    ),
    Right.AUTOMATED_DECISIONS: N_(
        "The data subject has the right not to be subject to a decision based solely on "
        "automated processing that produces legal effects concerning them or similarly "
        "significantly affects them."
    ),
}

#: The sentence for each part of a register that is stated to be empty.
NONE_STATED: Final = {
    NoneStated.RECIPIENTS: N_("Personal data are not disclosed to third parties."),
    NoneStated.TRANSFERS: N_("Personal data are not transferred outside the EU or the EEA."),
    NoneStated.PROCESSORS: N_("The controller does not use processors."),
    NoneStated.AUTOMATED_DECISIONS: N_(
        "Personal data are not used for automated decision-making, including profiling, "
        "that produces legal effects concerning the data subject or similarly significantly "
        "affects them."
    ),
    NoneStated.COOKIES: N_("The service does not use cookies."),
}


def none_stated(t: Texts, register: Register, part: NoneStated) -> Para | None:
    """The "there is none" sentence if the register states it for *part*."""
    if part in register.none_stated:
        return Para((Span(t.gettext(NONE_STATED[part])),))
    return None


def basis_label(t: Texts, basis: LegalBasis) -> Inline:
    """``sopimus (6 artiklan 1 kohdan b alakohta)``."""
    return (Span(f"{basis.label.resolve(t.lang)[0]} ({article(t, basis.article)})"),)


def right_label(t: Texts, right: Right) -> Inline:
    """``Oikeus saada pääsy tietoihin (15 artikla)``."""
    return capitalized((Span(f"{right.label.resolve(t.lang)[0]} ({article(t, right.article)})"),))


def right_explanation(t: Texts, right: Right) -> str:
    """One sentence on what *right* means."""
    return t.gettext(_RIGHT_EXPLANATIONS[right])


def special_label(t: Texts, special: SpecialCategory) -> str:
    """The name of a special category of Art 9(1)."""
    return t.gettext(_SPECIAL_LABELS[special])


# ------------------------------------------------------------------- parties


#: A postal code of five digits inside a PO box's text ("PL 12, 00101 Helsinki").
_OWN_CODE: Final = re.compile(r"\b[0-9]{5}\b")


def address_spans(t: Texts, address: Address) -> Inline:
    """:func:`address_line`, with the street a span of its own.

    The HTML isolates a right-to-left street from the postal code after it (A13's O11).
    """
    line = address_line(t, address)
    street = clean(address.street) if address.street else ""
    if street and line.startswith(street) and len(line) > len(street):
        return (Span(street), Span(line[len(street) :]))
    return (Span(line),)


def address_line(t: Texts, address: Address) -> str:
    """``Hämeenkatu 129, 05820 HYVINKÄÄ`` (and the country when it is not Finland).

    A PO box follows the street: ``Hämeenkatu 129, PL 12, 05801 HYVINKÄÄ``; a box
    with a postal code of its own follows the town: ``Hämeenkatu 129, 05800
    HYVINKÄÄ, PL 12, 05801 HYVINKÄÄ``.

    A Finnish address is written in the document's language: a post-office box
    as ``PL``/``PB``/``P.O. Box`` and a bilingual municipality by its Swedish
    name in Swedish (:mod:`rekisteri.places`).
    """
    from rekisteri.places import po_box_line, street_line, town_name

    street = clean(address.street) if address.street else ""
    box = clean(address.po_box) if address.po_box else ""
    town_text = clean(address.town) if address.town else ""
    if address.country == "FI":
        street = street_line(street, t.lang) if street else ""
        box = po_box_line(box, t.lang) if box else ""
        town_text = town_name(town_text, t.lang) if town_text else ""
    town = " ".join(part for part in (clean(address.postal_code or ""), town_text) if part)
    # a box with its own postal code follows the street's town; a bare box comes before it
    parts = [street, town, box] if _OWN_CODE.search(box) else [street, box, town]
    if address.country != "FI":
        parts.append(t.country(address.country))
    return ", ".join(part for part in parts if part)


_EMAIL: Final = re.compile(r"[^@\s<>\"'()\[\]\\,;:]+@[^@\s<>\"'()\[\]\\,;:]+\.[A-Za-z]{2,}")
_URL: Final = re.compile(r"https?://[^\s<>\"'\\]+")


def email_span(value: str) -> Span:
    """An e-mail address; a link only when it looks like one."""
    text = clean(value)
    if _EMAIL.fullmatch(text):
        return Span(text, Style.LINK, href=f"mailto:{text}")
    return Span(text)


def url_span(value: str) -> Span:
    """A web address; a link only for ``http(s)://`` addresses."""
    text = clean(value)
    if _URL.fullmatch(text):
        return Span(text, Style.LINK, href=text)
    return Span(text)


def contact_rows(
    t: Texts, contact: ContactPoint, *, of_party: bool = False
) -> list[tuple[str, Inline]]:
    """Label–value rows for a contact point.

    With *of_party*, the contact point belongs to a party whose name is
    already shown, so its own name is a contact person or unit.
    """
    _ = t.gettext
    rows: list[tuple[str, Inline]] = []
    if contact.name:
        rows.append((_("Contact person") if of_party else _("Name"), (plain(contact.name),)))
    if contact.address:
        rows.append((_("Postal address"), (Span(address_line(t, contact.address)),)))
    if contact.email:
        rows.append((_("Email"), (email_span(contact.email),)))
    if contact.phone:
        rows.append((_("Phone"), (plain(contact.phone),)))
    if contact.url:
        rows.append((_("Website"), (url_span(contact.url),)))
    return rows


def controller_blocks(
    t: Texts, controller: Controller, *, contact_person: ContactPoint | None
) -> list[Block]:
    """The controller's identity and contact details (Art 13(1)(a), 30(1)(a))."""
    _ = t.gettext
    rows: list[tuple[str, Inline]] = [
        (_("Name"), (plain(controller.name),) if controller.name else (missing(t),))
    ]
    if controller.business_id:
        rows.append((_("Business ID"), (Span(controller.business_id),)))
    if controller.association_id:
        # An association without a Y-tunnus is identified by it (Art 13(1)(a); A13's O23).
        rows.append((_("Association register number"), (Span(controller.association_id),)))
    if controller.address:
        rows.append((_("Address"), address_spans(t, controller.address)))
    if controller.contact:
        rows += contact_rows(t, controller.contact, of_party=True)
    if controller.address is None and controller.contact is None and contact_person is None:
        # The contact person's details (below) are contact details too (lint R102 agrees).
        rows.append((_("Contact details"), (missing(t),)))
    blocks: list[Block] = [Fields(tuple(rows))]
    if contact_person is not None:
        blocks.append(Heading(3, (Span(_("Contact person for matters concerning the register")),)))
        blocks.append(Fields(tuple(contact_rows(t, contact_person))))
    if controller.representative is not None:
        blocks.append(Heading(3, (Span(_("Representative of the controller in the EU")),)))
        rep = controller.representative
        blocks.append(
            Fields(((_("Name"), (plain(rep.name),)), *contact_rows(t, rep.contact, of_party=True)))
        )
    return blocks


def dpo_blocks(t: Texts, controller: Controller) -> list[Block]:
    """The data protection officer's contact details (Art 13(1)(b)), if one is appointed."""
    if controller.dpo is None:
        return []
    return [Fields(tuple(contact_rows(t, controller.dpo)))]


# ----------------------------------------------------------------- purposes


def category_names(t: Texts, register: Register, keys: Iterable[str]) -> list[Inline]:
    """The names of the data categories with *keys*."""
    return [localized(t, register.category(key).name) for key in keys]


def purposes_table(t: Texts, register: Register) -> Table:
    """Purposes × legal basis × data categories (Art 13(1)(c), 30(1)(b))."""
    _ = t.gettext
    rows = [
        (
            _purpose_cell(t, purpose),
            _basis_cell(t, purpose),
            listed(category_names(t, register, purpose.data_categories)) or (Span("–"),),
        )
        for purpose in register.purposes
    ]
    return Table((_("Purpose"), _("Legal basis"), _("Personal data")), tuple(rows))


def _purpose_cell(t: Texts, purpose: Purpose) -> Inline:
    cell = localized(t, purpose.name, strong=True)
    if purpose.description is not None:
        cell = sentence(cell, BREAK, localized(t, purpose.description))
    return cell


def _basis_cell(t: Texts, purpose: Purpose) -> Inline:
    _ = t.gettext
    if purpose.legal_basis is None:
        cell: Inline = (missing(t),)
    else:
        cell = basis_label(t, purpose.legal_basis)
    law = purpose.legal_basis_law
    if law is not None:
        cell = sentence(cell, BREAK, Span(_("Statutory basis") + ": "), localized(t, law))
    if purpose.special_category_condition is not None:
        condition = article(t, purpose.special_category_condition)
        cell = sentence(
            cell, BREAK, Span(_("Special categories: {condition}").format(condition=condition))
        )
    provision = purpose.special_category_law
    if provision is not None:
        # Stated even without a condition: what the register says is never dropped (A13's O19).
        cell = sentence(cell, BREAK, Span(_("National provision") + ": "), localized(t, provision))
    return cell


# ------------------------------------------------------- categories, subjects


def category_item(t: Texts, category: DataCategory) -> Inline:
    """A data category with its description and what the law treats apart."""
    _ = t.gettext
    item = localized(t, category.name, strong=True)
    if category.description is not None:
        item = sentence(item, Span(": "), localized(t, category.description))
    notes = []
    if category.special is not None:
        notes.append(
            _("special category of personal data: {name}").format(
                name=special_label(t, category.special)
            )
        )
    if category.criminal:
        notes.append(_("personal data relating to criminal convictions and offences"))
    if category.personal_identity_code:
        notes.append(_("includes the personal identity code"))
    if notes:
        item = sentence(item, Span(f" ({'; '.join(notes)})"))
    return item


def data_subject_items(t: Texts, register: Register) -> list[Inline]:
    """The categories of data subjects, with their descriptions."""
    items = []
    for subject in register.data_subjects:
        item = localized(t, subject.name, strong=True)
        if subject.description is not None:
            item = sentence(item, Span(": "), localized(t, subject.description))
        items.append(item)
    return items


# -------------------------------------------------------- recipients, transfers


def recipient_item(t: Texts, recipient: Recipient) -> Inline:
    """A named recipient (with its Y-tunnus and country) or a category of recipients."""
    _ = t.gettext
    if recipient.name is None:
        return localized(t, recipient.description)
    head: list[Span] = [Span(clean(recipient.name), Style.STRONG)]
    details = []
    if recipient.business_id:
        details.append(_("Business ID {business_id}").format(business_id=recipient.business_id))
    if recipient.country:
        details.append(t.country(recipient.country))
    if details:
        head.append(Span(f" ({', '.join(details)})"))
    return sentence(tuple(head), BREAK, localized(t, recipient.description))


def processor_item(t: Texts, processor: Processor) -> Inline:
    """A processor (Art 28): what it does and where.

    Also its transfer basis outside the EEA, its sub-processors and its contract.
    """
    _ = t.gettext
    details = []
    if processor.business_id:
        details.append(_("Business ID {business_id}").format(business_id=processor.business_id))
    if processor.country != "FI":
        details.append(t.country(processor.country))
    item: Inline = (Span(clean(processor.name), Style.STRONG),)
    if details:
        item = sentence(item, Span(f" ({', '.join(details)})"))
    if processor.service is not None:
        item = sentence(item, Span(": "), localized(t, processor.service))
    if processor.mechanism is not None:
        item = sentence(item, BREAK, mechanism_line(t, processor.mechanism))
    subs = processor.sub_processors
    if subs:
        names = [sub_processor_inline(t, sub) for sub in subs]
        item = sentence(item, BREAK, Span(_("Sub-processors") + ": "), _joined(names, "; "))
    if processor.contract is not None:
        item = sentence(
            item,
            BREAK,
            Span(_("Contract or other legal act") + ": "),
            localized(t, processor.contract),
        )
    return item


def mechanism_line(t: Texts, mechanism: TransferMechanism) -> Inline:
    """``Siirron peruste: komission hyväksymät vakiosopimuslausekkeet (46 artiklan …)``."""
    _ = t.gettext
    name, ref = _MECHANISMS[mechanism]
    return (Span(f"{_('Basis for the transfer')}: {_(name)} ({article(t, ref)})"),)


def sub_processor_inline(t: Texts, sub: SubProcessor) -> Inline:
    """A sub-processor: its name, country outside Finland, service and transfer basis."""
    _ = t.gettext
    head = clean(sub.name)
    if sub.country != "FI":
        head += f" ({t.country(sub.country)})"
    item: Inline = (Span(head),)
    if sub.service is not None:
        item = sentence(item, Span(", "), localized(t, sub.service))
    if sub.mechanism is not None:
        name, ref = _MECHANISMS[sub.mechanism]
        item = sentence(item, Span(f", {_(name)} ({article(t, ref)})"))
    return item


def _joined(items: Sequence[Inline], separator: str) -> Inline:
    out: list[Span] = []
    for i, item in enumerate(items):
        if i:
            out.append(Span(separator))
        out += item
    return tuple(out)


def joint_controller_blocks(t: Texts, register: Register) -> list[Block]:
    """The joint controllers (Art 26) and the essence of their arrangement."""
    _ = t.gettext
    blocks: list[Block] = [
        Para(
            (
                Span(
                    _(
                        "The controller determines the purposes and means of the processing "
                        "jointly with the following controllers (Article 26):"
                    )
                ),
            )
        )
    ]
    for controller in register.joint_controllers:
        rows: list[tuple[str, Inline]] = [(_("Name"), (plain(controller.name),))]
        if controller.business_id:
            rows.append((_("Business ID"), (Span(controller.business_id),)))
        if controller.address:
            rows.append((_("Address"), address_spans(t, controller.address)))
        if controller.contact:
            rows += contact_rows(t, controller.contact, of_party=True)
        if controller.responsibilities is not None:
            rows.append((_("Responsibilities"), localized(t, controller.responsibilities)))
        blocks.append(Fields(tuple(rows)))
    blocks.append(Heading(3, (Span(_("The essence of the arrangement")),)))
    arrangement = register.joint_arrangement
    if arrangement is None:
        blocks.append(Para((missing(t),)))
    else:
        blocks += localized_paragraphs(t, arrangement)
    blocks.append(
        Para(
            (
                Span(
                    _(
                        "The data subject can exercise their rights in respect of and against "
                        "each of the controllers (Article 26(3))."
                    )
                ),
            )
        )
    )
    return blocks


def processor_transfers(t: Texts, register: Register) -> list[Inline]:
    """Processors and sub-processors outside the EEA, with their transfer basis (Art 30(1)(e))."""
    from rekisteri.model import EEA

    items: list[Inline] = []
    for processor in register.processors:
        if processor.country not in EEA:
            item: Inline = (Span(f"{clean(processor.name)} ({t.country(processor.country)})"),)
            if processor.mechanism is not None:
                item = sentence(item, BREAK, mechanism_line(t, processor.mechanism))
            items.append(item)
        items += [
            sub_processor_inline(t, sub)
            for sub in processor.sub_processors
            if sub.country not in EEA
        ]
    return items


#: The safeguards of which the data subject may obtain a copy (Art 13(1)(f); lint: R109).
_NEEDS_COPY = frozenset(
    {
        TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
        TransferMechanism.BINDING_CORPORATE_RULES,
        TransferMechanism.OTHER_SAFEGUARDS,
    }
)


def transfer_item(t: Texts, transfer: Transfer) -> Inline:
    """A transfer: where to, to whom, on what safeguard, and how to get a copy."""
    _ = t.gettext
    lines: list[Inline] = []
    if transfer.destination is not None:
        country: Inline = (Span(t.country(transfer.destination), Style.STRONG),)
    else:
        country = (Span(_("Destination country not stated"), Style.STRONG),)
    lines.append(country)
    if transfer.recipient:
        lines.append((Span(_("Recipient") + ": "), plain(transfer.recipient)))
    if transfer.mechanism is not None:
        lines.append(mechanism_line(t, transfer.mechanism))
    elif transfer.third_country:
        lines.append((Span(_("Basis for the transfer") + ": "), missing(t)))
    if transfer.description is not None:
        lines.append(localized(t, transfer.description))
    if transfer.safeguard_copy is not None:
        lines.append(
            sentence(
                Span(_("Copy of the safeguards") + ": "), localized(t, transfer.safeguard_copy)
            )
        )
    elif transfer.mechanism in _NEEDS_COPY:
        # Art 13(1)(f): how to obtain a copy of the safeguards (lint: R109; A13's O17).
        lines.append((Span(_("Copy of the safeguards") + ": "), missing(t)))
    out: list[Span] = []
    for i, line in enumerate(lines):
        if i:
            out.append(BREAK)
        out += line
    return tuple(out)


# ---------------------------------------------------------------- retention


def duration(t: Texts, period: Duration) -> str:
    """``1 vuosi ja 6 kuukautta``."""
    parts = []
    if period.years:
        parts.append(t.ngettext("{n} year", "{n} years", period.years).format(n=period.years))
    if period.months:
        parts.append(t.ngettext("{n} month", "{n} months", period.months).format(n=period.months))
    if period.days:
        parts.append(t.ngettext("{n} day", "{n} days", period.days).format(n=period.days))
    return t.join(parts)


def _retention_period(t: Texts, rule: RetentionRule) -> Inline:
    lines: list[Inline] = []
    if rule.period is not None and rule.trigger is not None:
        if rule.fixed_date is not None:
            start = t.gettext("from {date}").format(date=t.date(rule.fixed_date))
        else:
            start = t.gettext(_TRIGGERS[rule.trigger])
        phrase = f"{duration(t, rule.period)} {start}"
        lines.append((Span(phrase),))
    if rule.passivate:
        lines.append(
            (
                Span(
                    t.gettext(
                        "The data are taken out of active use when the period starts and "
                        "erased when it ends."
                    )
                ),
            )
        )
    if rule.description is not None:
        lines.append(localized(t, rule.description))
    if not lines:
        return (Span("–"),)
    out: list[Span] = []
    for i, line in enumerate(lines):
        if i:
            out.append(BREAK)
        out += line
    return tuple(out)


def retention_table(t: Texts, register: Register) -> Table:
    """Data × retention period × statute (Art 13(2)(a), 30(1)(f))."""
    _ = t.gettext
    rows = []
    for rule in register.retention:
        data = (
            listed(category_names(t, register, rule.data_categories))
            if rule.data_categories
            else (Span(_("All data")),)
        )
        # A statute is a plain string: the Finnish name of a Finnish law. In a Swedish
        # or English document it is marked as Finnish text (lang="fi"; A13's O14).
        statute = (
            (Span(clean(rule.statute), lang=None if t.lang is Lang.FI else Lang.FI.value),)
            if rule.statute
            else (Span("–"),)
        )
        rows.append((data, _retention_period(t, rule), statute))
    return Table((_("Data"), _("Retention period"), _("Statutory basis")), tuple(rows))


# ----------------------------------------------------------------- security


def security_blocks(t: Texts, measures: Sequence[SecurityMeasure]) -> list[Block]:
    """Security measures grouped by kind, each group under its own sub-heading."""
    blocks: list[Block] = []
    groups = [kind for kind in _SECURITY_KINDS if any(m.kind is kind for m in measures)]
    for kind in groups:
        items = tuple(localized(t, m.description) for m in measures if m.kind is kind)
        if len(groups) > 1 or kind is not None:
            blocks.append(Heading(3, (Span(t.gettext(_SECURITY_KINDS[kind])),)))
        blocks.append(Bullets(items))
    return blocks
