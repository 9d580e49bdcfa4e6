"""The privacy notice (Art 13/14) and the Art 30(1) record as documents.

Section order and headings follow the article order (NOTICES.md a.2):
controller, DPO, purposes and legal basis, legitimate interests, categories,
recipients, transfers, retention, rights, withdrawal of consent, complaint,
sources, automated decisions; then protection of the data and cookies.

A section that does not apply is left out (no DPO, no purpose based on
consent or on legitimate interests). A section that the GDPR requires but the
register does not fill shows the visible marker "[puuttuu]" / "[saknas]" /
"[missing]" instead, so that an incomplete notice never looks complete.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rekisteri.model import Lang, LegalBasis, NoneStated, Right
from rekisteri.render._doc import (
    BREAK,
    Block,
    Bullets,
    Document,
    Fields,
    Heading,
    Inline,
    Para,
    Span,
    Style,
    Table,
    clean,
)
from rekisteri.render._i18n import texts
from rekisteri.render._parts import (
    category_item,
    contact_rows,
    controller_blocks,
    data_subject_items,
    dpo_blocks,
    joint_controller_blocks,
    localized,
    localized_paragraphs,
    missing,
    none_stated,
    plain,
    processor_item,
    processor_transfers,
    purposes_table,
    recipient_item,
    retention_table,
    right_explanation,
    right_label,
    security_blocks,
    sentence,
    transfer_item,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from rekisteri.model import AutomatedDecision, Register
    from rekisteri.render._i18n import Texts

#: Rights that have a section of their own rather than an item in the list.
_OWN_SECTION = frozenset({Right.WITHDRAW_CONSENT, Right.COMPLAINT})
#: The rights of Arts 15-18 that every notice states (lint: R112).
CORE_RIGHTS = (Right.ACCESS, Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION)


def required_rights(register: Register) -> tuple[Right, ...]:
    """The rights the notice must state: Arts 15-18, and 21 where it applies (R112, R113)."""
    objection_applies = any(
        purpose.direct_marketing
        or purpose.legal_basis in {LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK}
        for purpose in register.purposes
    )
    return (*CORE_RIGHTS, Right.OBJECT) if objection_applies else CORE_RIGHTS


class _Builder:
    """Collects blocks and numbers the sections."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._number = 0

    def section(self, title: str) -> int:
        """Start the next numbered section; return its number."""
        self._number += 1
        self.blocks.append(Heading(2, (Span(f"{self._number}. {title}"),)))
        return self._number

    def add(self, *blocks: Block | None) -> None:
        self.blocks += [block for block in blocks if block is not None]


def _heading_block(t: Texts, register: Register, title: str) -> list[Block]:
    """The title and the register's name and update date."""
    _ = t.gettext
    blocks: list[Block] = [Heading(1, (Span(title),))]
    rows = []
    if register.name is not None:
        rows.append((_("Name of the register"), localized(t, register.name)))
    if register.controller.name:
        rows.append((_("Controller"), (plain(register.controller.name),)))
    if register.updated is not None:
        rows.append((_("Updated"), (Span(t.date(register.updated)),)))
    if rows:
        blocks.append(Fields(tuple(rows)))
    return blocks


def _document_title(t: Texts, register: Register, title: str) -> str:
    if register.name is None:
        return title
    return f"{title} – {register.name.resolve(t.lang)[0]}"


def build_notice(register: Register, lang: Lang) -> Document:
    """The privacy notice of *register* in *lang*."""
    t = texts(lang)
    _ = t.gettext
    art14 = bool(register.third_party_sources)
    title = _("Privacy notice")
    doc = _Builder()
    doc.add(*_heading_block(t, register, title))
    if register.description is not None:
        doc.add(*localized_paragraphs(t, register.description))
    if art14:
        intro = _(
            "This privacy notice explains, as Articles 13 and 14 of the General Data "
            "Protection Regulation (EU) 2016/679 require, how personal data are processed and "
            "what rights the data subject has. References to articles are to that Regulation."
        )
    else:
        intro = _(
            "This privacy notice explains, as Article 13 of the General Data Protection "
            "Regulation (EU) 2016/679 requires, how personal data are processed and what "
            "rights the data subject has. References to articles are to that Regulation."
        )
    doc.add(Para((Span(intro),)))

    doc.section(_("Controller and contact details"))
    doc.add(*controller_blocks(t, register.controller, contact_person=register.contact_person))

    if register.joint_controllers:
        doc.section(_("Joint controllers"))
        doc.add(*joint_controller_blocks(t, register))

    if register.controller.dpo is not None:
        doc.section(_("Contact details of the data protection officer"))
        doc.add(*dpo_blocks(t, register.controller))

    doc.section(_("Purposes of processing and legal basis"))
    if register.purposes:
        doc.add(purposes_table(t, register))
    else:
        doc.add(Para((missing(t),)))

    _legitimate_interests(t, register, doc)
    _categories(t, register, doc, required=art14)
    _recipients(t, register, doc)

    _transfers_and_retention(t, register, doc)
    rights_section = _rights(t, register, doc)
    _withdrawal(t, register, doc, rights_section=rights_section)
    _complaint(t, register, doc)
    _sources(t, register, doc)
    _provision(t, register, doc)

    doc.section(_("Automated decision-making and profiling"))
    if register.automated_decisions:
        doc.add(Bullets(tuple(_automated_item(t, a) for a in register.automated_decisions)))
    else:
        doc.add(none_stated(t, register, NoneStated.AUTOMATED_DECISIONS) or Para((missing(t),)))

    if register.security:
        doc.section(_("Protection of personal data"))
        doc.add(*security_blocks(t, register.security))
    _cookies(t, register, doc)
    return Document(lang.value, _document_title(t, register, title), tuple(doc.blocks))


def _transfers_and_retention(t: Texts, register: Register, doc: _Builder) -> None:
    _ = t.gettext
    doc.section(_("Transfers of personal data outside the EU or the EEA"))
    _transfers(t, register, doc)

    doc.section(_("Retention period of personal data"))
    if register.retention:
        doc.add(retention_table(t, register))
    else:
        doc.add(Para((missing(t),)))


def _transfers(t: Texts, register: Register, doc: _Builder) -> None:
    """The transfers outside the EEA, then apart from them those a register lists inside it.

    A destination in the EEA is not a third country (Chapter V does not apply),
    so it never counts as the statement Art 13(1)(f) asks for: without a
    transfer outside the EEA or ``none_stated``, the item is missing (lint
    R108 says the same).
    """
    third = [tr for tr in register.transfers if tr.third_country]
    inside = [tr for tr in register.transfers if tr not in third]
    if third:
        doc.add(Bullets(tuple(transfer_item(t, transfer) for transfer in third)))
    else:
        doc.add(none_stated(t, register, NoneStated.TRANSFERS) or Para((missing(t),)))
    if inside:
        lead = t.gettext(
            "Transfers within the EEA, to which Chapter V of the Regulation does not apply:"
        )
        doc.add(Para((Span(lead),)))
        doc.add(Bullets(tuple(transfer_item(t, transfer) for transfer in inside)))


def _provision(t: Texts, register: Register, doc: _Builder) -> None:
    """Art 13(2)(e), for data collected from the data subject only."""
    if register.sources and not any(source.is_data_subject for source in register.sources):
        return
    doc.section(t.gettext("Whether providing personal data is required"))
    if register.provision_requirement is None:
        doc.add(Para((missing(t),)))
    else:
        doc.add(*localized_paragraphs(t, register.provision_requirement))


def _legitimate_interests(t: Texts, register: Register, doc: _Builder) -> None:
    _ = t.gettext
    purposes = [p for p in register.purposes if p.legal_basis is LegalBasis.LEGITIMATE_INTERESTS]
    if not purposes:
        return
    doc.section(_("Legitimate interests"))
    doc.add(
        Para(
            (
                Span(
                    _(
                        "Where processing is based on legitimate interests, the interests "
                        "pursued by the controller or a third party are the following:"
                    )
                ),
            )
        )
    )
    items = []
    for purpose in purposes:
        interest = purpose.legitimate_interest
        body = localized(t, interest) if interest is not None else (missing(t),)
        items.append(sentence(localized(t, purpose.name, strong=True), Span(": "), body))
    doc.add(Bullets(tuple(items)))


def _categories(t: Texts, register: Register, doc: _Builder, *, required: bool) -> None:
    _ = t.gettext
    if not (register.data_categories or register.data_subjects or required):
        return
    doc.section(_("Categories of personal data"))
    if register.data_subjects:
        doc.add(Heading(3, (Span(_("Categories of data subjects")),)))
        doc.add(Bullets(tuple(data_subject_items(t, register))))
        doc.add(Heading(3, (Span(_("Personal data processed")),)))
    if register.data_categories:
        doc.add(Bullets(tuple(category_item(t, c) for c in register.data_categories)))
    else:
        doc.add(Para((missing(t),)))


def _recipients(t: Texts, register: Register, doc: _Builder) -> None:
    _ = t.gettext
    doc.section(_("Recipients or categories of recipients"))
    if register.recipients:
        doc.add(Bullets(tuple(recipient_item(t, r) for r in register.recipients)))
    else:
        stated = none_stated(t, register, NoneStated.RECIPIENTS)
        if stated is not None:
            doc.add(stated)
        elif not register.processors:
            doc.add(Para((missing(t),)))
    if register.processors:
        doc.add(Heading(3, (Span(_("Processors")),)))
        doc.add(
            Para(
                (
                    Span(
                        _(
                            "The following processors process personal data on the "
                            "controller's behalf:"
                        )
                    ),
                )
            )
        )
        doc.add(Bullets(tuple(processor_item(t, p) for p in register.processors)))
    else:
        doc.add(none_stated(t, register, NoneStated.PROCESSORS))


def _rights(t: Texts, register: Register, doc: _Builder) -> int:
    """The rights section; returns its number."""
    _ = t.gettext
    number = doc.section(_("Rights of the data subject"))
    listed = [right for right in register.rights if right not in _OWN_SECTION]
    if listed:
        doc.add(Para((Span(_("The data subject has the following rights:")),)))
        # A right the GDPR requires that the register leaves out is listed with the
        # marker, where lint reports it (R112, R113; A13's O17).
        absent = [right for right in required_rights(register) if right not in register.rights]
        doc.add(
            Bullets(
                tuple(
                    sentence(
                        tuple(s._replace(style=Style.STRONG) for s in right_label(t, right)),
                        Span(": " + right_explanation(t, right)),
                    )
                    for right in listed
                )
                + tuple(
                    sentence(
                        tuple(s._replace(style=Style.STRONG) for s in right_label(t, right)),
                        Span(": "),
                        missing(t),
                    )
                    for right in absent
                )
            )
        )
        if Right.OBJECT in listed and any(p.direct_marketing for p in register.purposes):
            doc.add(
                Para(
                    (
                        Span(
                            _(
                                "The data subject can object to the processing of their data "
                                "for direct marketing, including profiling related to it, at "
                                "any time and without giving reasons (Article 21(2) and (3))."
                            )
                        ),
                    )
                )
            )
    else:
        doc.add(Para((missing(t),)))
    doc.add(Heading(3, (Span(_("How to exercise the rights")),)))
    if register.rights_exercise is not None:
        doc.add(*localized_paragraphs(t, register.rights_exercise))
    elif (
        register.controller.contact is not None
        or register.controller.address is not None
        or register.contact_person is not None
    ):
        # Lint agrees: R115 only when there is no contact detail to point to.
        doc.add(
            Para(
                (
                    Span(
                        _(
                            "Requests can be sent to the controller using the contact details "
                            "in section 1."
                        )
                    ),
                )
            )
        )
    else:
        doc.add(Para((missing(t),)))
    doc.add(
        Para(
            (
                Span(
                    _(
                        "Requests are answered without undue delay and at the latest within "
                        "one month of receipt. Where necessary, the period can be extended by "
                        "two further months; the data subject is then told the reasons within "
                        "the first month."
                    )
                ),
            )
        )
    )
    return number


def _withdrawal(t: Texts, register: Register, doc: _Builder, *, rights_section: int) -> None:
    _ = t.gettext
    consent = [p for p in register.purposes if p.legal_basis is LegalBasis.CONSENT]
    if not consent and Right.WITHDRAW_CONSENT not in register.rights:
        return
    doc.section(_("Right to withdraw consent"))
    doc.add(
        Para(
            (
                Span(
                    _(
                        "Where processing is based on consent, the data subject can withdraw "
                        "their consent at any time. Withdrawal does not affect the lawfulness "
                        "of processing based on consent before its withdrawal."
                    )
                ),
                Span(" "),
                Span(
                    _("Consent can be withdrawn in the way described in section {section}.").format(
                        section=rights_section
                    )
                ),
            )
        )
    )
    if consent:
        doc.add(Para((Span(_("Purposes based on consent") + ":"),)))
        doc.add(Bullets(tuple(localized(t, p.name) for p in consent)))


def _complaint(t: Texts, register: Register, doc: _Builder) -> None:
    _ = t.gettext
    doc.section(_("Right to lodge a complaint with a supervisory authority"))
    doc.add(
        Para(
            (
                Span(
                    _(
                        "The data subject has the right to lodge a complaint with a supervisory "
                        "authority if they consider that the processing of personal data "
                        "relating to them infringes the General Data Protection Regulation."
                    )
                ),
            )
        )
    )
    authority = register.complaint_authority
    rows = [(_("Supervisory authority"), localized(t, authority.name))]
    rows += contact_rows(t, authority.contact, of_party=True)
    doc.add(Fields(tuple(rows)))


def _sources(t: Texts, register: Register, doc: _Builder) -> None:
    _ = t.gettext
    if not register.sources:
        return
    doc.section(_("Sources of personal data"))
    doc.add(Para((Span(_("Personal data are obtained from the following sources:")),)))
    items = []
    for source in register.sources:
        lines = [localized(t, source.name, strong=True)]
        if source.operator is not None:
            line = sentence(Span(_("Operator") + ": "), localized(t, source.operator))
            if source.business_id:
                business_id = _("Business ID {business_id}").format(business_id=source.business_id)
                line = sentence(line, Span(f" ({business_id})"))
            lines.append(line)
        if source.data is not None:
            lines.append(localized(t, source.data))
        # Whether a source is public is asked of third-party sources (Art 14(2)(f)),
        # as the linter asks it (R202); the data subject is no "public source".
        if source.is_data_subject:
            pass
        elif source.publicly_accessible is True:
            lines.append((Span(_("A publicly accessible source.")),))
        elif source.publicly_accessible is False:
            lines.append((Span(_("Not a publicly accessible source.")),))
        item: list[Span] = []
        for i, line in enumerate(lines):
            if i:
                item.append(BREAK)
            item += line
        items.append(tuple(item))
    doc.add(Bullets(tuple(items)))


def _automated_item(t: Texts, decision: AutomatedDecision) -> Inline:
    _ = t.gettext
    return sentence(
        localized(t, decision.description, strong=True),
        BREAK,
        Span(_("Logic involved") + ": "),
        localized(t, decision.logic),
        BREAK,
        Span(_("Significance and envisaged consequences") + ": "),
        localized(t, decision.significance),
    )


def _cookies(t: Texts, register: Register, doc: _Builder) -> None:
    _ = t.gettext
    stated = none_stated(t, register, NoneStated.COOKIES)
    policy = register.cookie_policy
    if not register.cookies and stated is None and policy is None:
        return
    doc.section(_("Cookies"))
    if stated is not None:
        doc.add(stated)
    if policy is not None:
        doc.add(*localized_paragraphs(t, policy))
    if not register.cookies:
        return
    doc.add(
        Para(
            (
                Span(
                    _(
                        "Apart from strictly necessary cookies, cookies are set only with the "
                        "user's consent (section 205 of the Finnish Act on Electronic "
                        "Communications Services, 917/2014)."
                    )
                ),
            )
        )
    )
    rows = []
    for cookie in register.cookies:
        provider = [clean(cookie.provider)] if cookie.provider else []
        if cookie.country:
            provider.append(t.country(cookie.country))
        rows.append(
            (
                (Span(clean(cookie.name), Style.STRONG),),
                (Span(", ".join(provider) or "–"),),
                localized(t, cookie.purpose),
                (Span(clean(cookie.duration or "–")),),
                (Span(_("yes") if cookie.strictly_necessary else _("no")),),
            )
        )
    doc.add(
        Table(
            (
                _("Cookie"),
                _("Provider"),
                t.pgettext("cookie", "Purpose"),
                _("Duration"),
                _("Strictly necessary"),
            ),
            tuple(rows),
        )
    )


# ------------------------------------------------------------------ Art 30 record


def build_record(register: Register, lang: Lang) -> Document:
    """The Art 30(1) record of processing activities of *register* in *lang*."""
    t = texts(lang)
    _ = t.gettext
    title = _("Record of processing activities")
    doc = _Builder()
    doc.add(*_heading_block(t, register, title))
    doc.add(
        Para(
            (
                Span(
                    _(
                        "The controller's record of processing activities under Article 30(1) "
                        "of the General Data Protection Regulation (EU) 2016/679."
                    )
                ),
            )
        )
    )

    def part(letter: str, heading: str) -> None:
        doc.blocks.append(Heading(2, (Span(f"{letter}) {heading}"),)))

    part("a", _("Controller, representative and data protection officer"))
    doc.add(*controller_blocks(t, register.controller, contact_person=register.contact_person))
    if register.joint_controllers:
        doc.add(Heading(3, (Span(_("Joint controllers")),)))
        doc.add(*joint_controller_blocks(t, register))
    if register.controller.dpo is not None:
        doc.add(Heading(3, (Span(_("Data protection officer")),)))
        doc.add(*dpo_blocks(t, register.controller))

    part("b", _("Purposes of the processing"))
    doc.add(purposes_table(t, register) if register.purposes else Para((missing(t),)))

    part("c", _("Categories of data subjects and categories of personal data"))
    doc.add(Heading(3, (Span(_("Categories of data subjects")),)))
    subjects = data_subject_items(t, register)
    doc.add(Bullets(tuple(subjects)) if subjects else Para((missing(t),)))
    doc.add(Heading(3, (Span(_("Categories of personal data")),)))
    if register.data_categories:
        doc.add(Bullets(tuple(category_item(t, c) for c in register.data_categories)))
    else:
        doc.add(Para((missing(t),)))

    _record_recipients_and_transfers(t, register, doc, part)

    part("f", _("Time limits for erasure"))
    doc.add(retention_table(t, register) if register.retention else Para((missing(t),)))

    part("g", _("Technical and organisational security measures"))
    if register.security:
        doc.add(*security_blocks(t, register.security))
    else:
        doc.add(Para((missing(t),)))
    return Document(lang.value, _document_title(t, register, title), tuple(doc.blocks))


def _record_recipients_and_transfers(
    t: Texts, register: Register, doc: _Builder, part: Callable[[str, str], None]
) -> None:
    """Items (d) and (e) of the Art 30(1) record."""
    _ = t.gettext
    part("d", _("Categories of recipients"))
    if register.recipients:
        doc.add(Bullets(tuple(recipient_item(t, r) for r in register.recipients)))
    else:
        stated = none_stated(t, register, NoneStated.RECIPIENTS)
        if stated is not None:
            doc.add(stated)
        elif not register.processors:
            # Processors are recipients (Art 4(9)), as the notice and lint count them (O8).
            doc.add(Para((missing(t),)))
    if register.processors:
        doc.add(Heading(3, (Span(_("Processors")),)))
        doc.add(Bullets(tuple(processor_item(t, p) for p in register.processors)))

    part("e", _("Transfers to third countries"))
    _transfers(t, register, doc)
    outside = processor_transfers(t, register)
    if outside:
        doc.add(Heading(3, (Span(_("Processors outside the EEA")),)))
        doc.add(Bullets(tuple(outside)))
