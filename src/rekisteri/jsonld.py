"""Export a register as JSON-LD with W3C Data Privacy Vocabulary (DPV) terms.

:func:`to_jsonld` returns a JSON-LD document whose ``@context`` is written
out in full (:data:`CONTEXT`): nothing is fetched from the network, so the
document can be expanded or loaded into an RDF graph offline.

Terms come from three namespaces:

* ``dpv:`` (``https://w3id.org/dpv#``): the DPV core terms for the parts of a
  register: controller, purposes, legal bases, personal data, data subjects,
  sources, recipients, processors, storage conditions, measures, rights;
* ``eu-gdpr:`` (``https://w3id.org/dpv/legal/eu/gdpr#``): the GDPR legal bases
  (``eu-gdpr:A6-1-b``) and rights (``eu-gdpr:A15``);
* ``rek:`` (:data:`REKISTERI`): rekisteri's own terms where DPV has none that
  fits exactly: the Y-tunnus, transfers and their mechanism, the retention
  period and trigger, cookies, the complaint authority, "none stated" parts.

A legal basis is given twice: as the GDPR point (``eu-gdpr:A6-1-b``) and as the
DPV concept it specialises (``dpv:Contract``), so that a query for either finds it.

Examples:
    >>> from rekisteri.model import Controller, LegalBasis, LocalizedText, Purpose, Register
    >>> register = Register(
    ...     controller=Controller(name="Esimerkki Oy"),
    ...     purposes=(Purpose(key="billing", name=LocalizedText(fi="Laskutus"),
    ...                       legal_basis=LegalBasis.CONTRACT),),
    ... )
    >>> document = to_jsonld(register)
    >>> document["hasPurpose"][0]["hasLegalBasis"]
    ['eu-gdpr:A6-1-b', 'dpv:Contract']
"""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from rekisteri.model import (
    Address,
    ContactPoint,
    DataCategory,
    LegalBasis,
    LocalizedText,
    Processor,
    Purpose,
    Register,
    SecurityKind,
    Source,
    TransferMechanism,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

__all__ = ["CONTEXT", "DPV", "EU_GDPR", "PD", "REKISTERI", "dumps", "to_jsonld"]

#: The W3C Data Privacy Vocabulary namespace.
DPV: Final = "https://w3id.org/dpv#"
#: The DPV extension for the GDPR (legal bases, rights).
EU_GDPR: Final = "https://w3id.org/dpv/legal/eu/gdpr#"
#: rekisteri's own terms, used where DPV has no exact term.
REKISTERI: Final = "https://rekisteri.readthedocs.io/ns#"
#: DPV's personal-data extension (the categories' ``dpv`` terms).
PD: Final = "https://w3id.org/dpv/pd#"
_DCT: Final = "http://purl.org/dc/terms/"
_RDFS: Final = "http://www.w3.org/2000/01/rdf-schema#"
_XSD: Final = "http://www.w3.org/2001/XMLSchema#"

_IRI: Final = {"@type": "@id"}
_TEXT: Final = {"@container": "@language"}


def _term(iri: str, **extra: str) -> dict[str, str]:
    return {"@id": iri, **extra}


#: The inline JSON-LD context of every exported document.
CONTEXT: Final[Mapping[str, object]] = MappingProxyType(
    {
        "dpv": DPV,
        "eu-gdpr": EU_GDPR,
        "pd": PD,
        "rek": REKISTERI,
        "dct": _DCT,
        "rdfs": _RDFS,
        "xsd": _XSD,
        # Texts: a language map {"fi": ..., "sv": ..., "en": ...}.
        "label": {"@id": "rdfs:label", **_TEXT},
        "description": {"@id": "dct:description", **_TEXT},
        "modified": {"@id": "dct:modified", "@type": "xsd:date"},
        # DPV properties.
        "hasDataController": _term("dpv:hasDataController"),
        "hasDataProtectionOfficer": _term("dpv:hasDataProtectionOfficer"),
        "hasRepresentative": _term("dpv:hasRepresentative"),
        "hasName": _term("dpv:hasName"),
        "hasContact": _term("dpv:hasContact"),
        "hasAddress": _term("dpv:hasAddress"),
        "hasPurpose": _term("dpv:hasPurpose"),
        "hasLegalBasis": {"@id": "dpv:hasLegalBasis", **_IRI},
        "hasPersonalData": {"@id": "dpv:hasPersonalData", **_IRI},
        "hasDataSubject": _term("dpv:hasDataSubject"),
        "hasDataSource": _term("dpv:hasDataSource"),
        "hasRecipient": _term("dpv:hasRecipient"),
        "hasDataProcessor": _term("dpv:hasDataProcessor"),
        "hasStorageCondition": _term("dpv:hasStorageCondition"),
        "hasDuration": _term("dpv:hasDuration"),
        "hasTechnicalOrganisationalMeasure": _term("dpv:hasTechnicalOrganisationalMeasure"),
        "hasRight": {"@id": "dpv:hasRight", **_IRI},
        "hasAlgorithmicLogic": _term("dpv:hasAlgorithmicLogic"),
        "hasJointDataControllers": _term("dpv:hasJointDataControllers"),
        # rekisteri's own properties.
        "key": _term("rek:key"),
        "businessId": _term("rek:businessId"),
        "email": _term("rek:email"),
        "phone": _term("rek:phone"),
        "url": {"@id": "rek:url", "@type": "xsd:anyURI"},
        "street": _term("rek:street"),
        "postOfficeBox": _term("rek:postOfficeBox"),
        "postalCode": _term("rek:postalCode"),
        "town": _term("rek:town"),
        "country": _term("rek:country"),
        "contactPerson": _term("rek:contactPerson"),
        "legitimateInterest": {"@id": "rek:legitimateInterest", **_TEXT},
        "specialCategory": _term("rek:specialCategory"),
        "specialCategoryCondition": _term("rek:specialCategoryCondition"),
        "criminalData": {"@id": "rek:criminalData", "@type": "xsd:boolean"},
        "personalIdentityCode": {"@id": "rek:personalIdentityCode", "@type": "xsd:boolean"},
        "directMarketing": {"@id": "rek:directMarketing", "@type": "xsd:boolean"},
        "operator": {"@id": "rek:operator", **_TEXT},
        "suppliedData": {"@id": "rek:suppliedData", **_TEXT},
        "service": {"@id": "rek:service", **_TEXT},
        "transfer": _term("rek:transfer"),
        "destination": _term("rek:destination"),
        "mechanism": {"@id": "rek:mechanism", **_IRI},
        "recipientName": _term("rek:recipientName"),
        "safeguardCopy": {"@id": "rek:safeguardCopy", **_TEXT},
        "period": {"@id": "rek:period", "@type": "xsd:duration"},
        "trigger": {"@id": "rek:trigger", **_IRI},
        "fixedDate": {"@id": "rek:fixedDate", "@type": "xsd:date"},
        "passivate": {"@id": "rek:passivate", "@type": "xsd:boolean"},
        "statute": _term("rek:statute"),
        "appliesTo": {"@id": "rek:appliesTo", **_IRI},
        "rightsExercise": {"@id": "rek:rightsExercise", **_TEXT},
        "cookiePolicy": {"@id": "rek:cookiePolicy", **_TEXT},
        "provisionRequirement": {"@id": "rek:provisionRequirement", **_TEXT},
        "automatedDecision": _term("rek:automatedDecision"),
        "significance": {"@id": "rek:significance", **_TEXT},
        "cookie": _term("rek:cookie"),
        "provider": _term("rek:provider"),
        "cookieDuration": _term("rek:cookieDuration"),
        "strictlyNecessary": {"@id": "rek:strictlyNecessary", "@type": "xsd:boolean"},
        "noneStated": {"@id": "rek:noneStated", **_IRI},
        "complaintAuthority": _term("rek:complaintAuthority"),
        "associationId": _term("rek:associationId"),
        "specialCategoryLaw": _term("rek:specialCategoryLaw"),
        "jointArrangement": _term("rek:jointArrangement"),
        "responsibilities": {"@id": "rek:responsibilities", **_TEXT},
        "subProcessor": _term("rek:subProcessor"),
        "contract": _term("rek:contract"),
    }
)

#: DPV concepts that each Art 6(1) basis specialises (DOMAIN.md §6).
_DPV_BASES: Final = {
    LegalBasis.CONSENT: ("dpv:ExpressedConsent",),
    LegalBasis.CONTRACT: ("dpv:Contract",),
    LegalBasis.LEGAL_OBLIGATION: ("dpv:LegalObligation",),
    LegalBasis.VITAL_INTERESTS: ("dpv:VitalInterest",),
    LegalBasis.PUBLIC_TASK: ("dpv:PublicInterest", "dpv:OfficialAuthorityOfController"),
    LegalBasis.LEGITIMATE_INTERESTS: ("dpv:LegitimateInterest",),
}
_MEASURES: Final = {
    SecurityKind.TECHNICAL: "dpv:TechnicalMeasure",
    SecurityKind.ORGANISATIONAL: "dpv:OrganisationalMeasure",
    SecurityKind.PHYSICAL: "dpv:PhysicalMeasure",
    None: "dpv:TechnicalOrganisationalMeasure",
}


def _compact(iri: str) -> str:
    """Write a full DPV IRI with its prefix, e.g. ``eu-gdpr:A15``."""
    for prefix, namespace in (("eu-gdpr", EU_GDPR), ("pd", PD), ("dpv", DPV)):
        if iri.startswith(namespace):
            return f"{prefix}:{iri.removeprefix(namespace)}"
    return iri


def _text(text: LocalizedText | None) -> dict[str, str] | None:
    if text is None:
        return None
    return {lang.value: value for lang in text.languages if (value := text.get(lang)) is not None}


def _node(**fields: object) -> dict[str, object]:
    """A JSON-LD node without the fields that are ``None``, empty or ``False``."""
    return {
        ("@id" if name == "id_" else "@type" if name == "type_" else name): value
        for name, value in fields.items()
        if value not in (None, (), [], {}, False)
    }


def _address(address: Address | None) -> dict[str, object] | None:
    if address is None:
        return None
    return _node(
        street=address.street,
        postOfficeBox=address.po_box,
        postalCode=address.postal_code,
        town=address.town,
        country=address.country,
    )


def _contact(contact: ContactPoint | None) -> dict[str, object] | None:
    if contact is None:
        return None
    return _node(
        hasName=contact.name,
        email=contact.email,
        phone=contact.phone,
        hasAddress=_address(contact.address),
        url=contact.url,
    )


def _dpv_type(term: str) -> str:
    """A category's DPV term as a CURIE of the context (``pd:EmailAddress``) or an IRI."""
    from rekisteri.categories import dpv_iri

    return _compact(dpv_iri(term))


def _blank_id(kind: str, key: str, keys: Sequence[str]) -> str:
    """The blank-node identifier of the part with *key* among *keys* (its kind's keys).

    ``_:data-contact`` from the key; a key shaped like a henkilötunnus is
    masked in the document, and two such keys of one birth date would then
    give one node (A13's O2): such a key gets its place instead, ``_:data-K2``
    (a key has no capital letters, so no other key gives that identifier).
    """
    from rekisteri._spellings import shaped

    if shaped(key):
        return f"_:{kind}-K{keys.index(key) + 1}"
    return f"_:{kind}-{key}"


def _keys(parts: Iterable[object]) -> tuple[str, ...]:
    """The keys of *parts* (data categories, subjects, purposes or sources), in order."""
    return tuple(getattr(part, "key") for part in parts)  # noqa: B009 # four classes


def _category(category: DataCategory, keys: Sequence[str]) -> dict[str, object]:
    types = ["dpv:PersonalData"]
    if category.special is not None:
        types.append("dpv:SpecialCategoryPersonalData")
    if category.dpv is not None:
        types.append(_dpv_type(category.dpv))
    return _node(
        id_=_blank_id("data", category.key, keys),
        type_=types,
        key=category.key,
        label=_text(category.name),
        description=_text(category.description),
        specialCategory=category.special.value if category.special else None,
        criminalData=category.criminal,
        personalIdentityCode=category.personal_identity_code,
    )


def _source(source: Source, keys: Sequence[str]) -> dict[str, object]:
    types = ["dpv:DataSource"]
    types.append(
        "dpv:DataSubjectDataSource" if source.is_data_subject else "dpv:ThirdPartyDataSource"
    )
    if source.publicly_accessible is not None:
        types.append(
            "dpv:PublicDataSource" if source.publicly_accessible else "dpv:NonPublicDataSource"
        )
    return _node(
        id_=_blank_id("source", source.key, keys),
        type_=types,
        key=source.key,
        label=_text(source.name),
        operator=_text(source.operator),
        businessId=source.business_id,
        suppliedData=_text(source.data),
    )


def _law(law: LocalizedText | None) -> dict[str, object] | None:
    """A law named in text (``dpv:Law``): its name in each language."""
    if law is None:
        return None
    return _node(type_="dpv:Law", label=_text(law))


def _legal_basis(purpose: Purpose) -> list[object] | None:
    """The GDPR point, the DPV concept and, for 6(1)(c)/(e), the law it rests on."""
    if purpose.legal_basis is None:
        return None
    bases: list[object] = [_compact(purpose.legal_basis.dpv), *_DPV_BASES[purpose.legal_basis]]
    law = _law(purpose.legal_basis_law)
    if law is not None:
        bases.append(law)
    return bases


def _mechanism(mechanism: TransferMechanism | None) -> str | None:
    return f"rek:{mechanism.value}" if mechanism is not None else None


def _processor(processor: Processor) -> dict[str, object]:
    """A processor (Art 28) with its transfer mechanism, sub-processors and contract."""
    return _node(
        type_="dpv:DataProcessor",
        hasName=processor.name,
        businessId=processor.business_id,
        service=_text(processor.service),
        country=processor.country,
        mechanism=_mechanism(processor.mechanism),
        subProcessor=[
            _node(
                type_="dpv:DataSubProcessor",
                hasName=sub.name,
                service=_text(sub.service),
                country=sub.country,
                mechanism=_mechanism(sub.mechanism),
            )
            for sub in processor.sub_processors
        ],
        contract=_node(type_="dpv:DataProcessingAgreement", description=_text(processor.contract))
        if processor.contract is not None
        else None,
    )


def _joint(register: Register) -> dict[str, object] | None:
    """The joint controllers (Art 26), this controller among them, and their arrangement."""
    if not register.joint_controllers:
        return None
    controllers: list[object] = [{"@id": "_:controller"}]
    controllers += [
        _node(
            type_="dpv:DataController",
            hasName=joint.name,
            businessId=joint.business_id,
            hasAddress=_address(joint.address),
            hasContact=_contact(joint.contact),
            responsibilities=_text(joint.responsibilities),
        )
        for joint in register.joint_controllers
    ]
    return _node(
        type_="dpv:JointDataControllers",
        hasDataController=controllers,
        jointArrangement=_node(
            type_="dpv:JointDataControllersAgreement",
            description=_text(register.joint_arrangement),
        )
        if register.joint_arrangement is not None
        else None,
    )


def _period(register: Register, index: int) -> dict[str, object]:
    rule = register.retention[index]
    period = None
    if rule.period is not None:
        parts = (("Y", rule.period.years), ("M", rule.period.months), ("D", rule.period.days))
        period = "P" + "".join(f"{amount}{unit}" for unit, amount in parts if amount)
    duration = None
    if period is not None:
        duration = _node(type_="dpv:TemporalDuration", period=period)
    return _node(
        id_=f"_:retention-{index}",
        type_="dpv:StorageDuration",
        hasDuration=duration,
        trigger=f"rek:{rule.trigger.value}" if rule.trigger else None,
        fixedDate=rule.fixed_date.isoformat() if rule.fixed_date else None,
        passivate=rule.passivate,
        statute=rule.statute,
        description=_text(rule.description),
        appliesTo=[
            _blank_id("data", key, _keys(register.data_categories)) for key in rule.data_categories
        ],
    )


def to_jsonld(register: Register) -> dict[str, object]:
    """Return *register* as a JSON-LD document (a dictionary ready for ``json.dumps``).

    The document is one ``dpv:PersonalDataProcess`` node with an inline
    ``@context``. Data categories, data subjects, purposes and sources get
    blank-node identifiers from their keys (``_:data-contact``), so that a
    purpose can point at the data it uses.
    """
    from rekisteri.render import check_register

    check_register(register)  # ModelTypeError for anything but a Register
    controller = register.controller
    representative = controller.representative
    document = _node(
        type_="dpv:PersonalDataProcess",
        id_="_:register",
        label=_text(register.name),
        description=_text(register.description),
        hasDataController=_node(
            id_="_:controller",
            type_="dpv:DataController",
            hasName=controller.name,
            businessId=controller.business_id,
            hasAddress=_address(controller.address),
            hasContact=_contact(controller.contact),
            hasRepresentative=_node(
                type_="dpv:Representative",
                hasName=representative.name,
                hasContact=_contact(representative.contact),
            )
            if representative
            else None,
            associationId=controller.association_id,
            hasDataProtectionOfficer=_node(
                type_="dpv:DataProtectionOfficer", hasContact=_contact(controller.dpo)
            )
            if controller.dpo
            else None,
        ),
        hasJointDataControllers=_joint(register),
        contactPerson=_contact(register.contact_person),
        hasDataSubject=[
            _node(
                id_=_blank_id("subject", subject.key, _keys(register.data_subjects)),
                type_="dpv:DataSubject",
                key=subject.key,
                label=_text(subject.name),
                description=_text(subject.description),
            )
            for subject in register.data_subjects
        ],
        hasPersonalData=[
            _category(category, _keys(register.data_categories))
            for category in register.data_categories
        ],
        hasPurpose=[
            _node(
                id_=_blank_id("purpose", purpose.key, _keys(register.purposes)),
                type_="dpv:Purpose",
                key=purpose.key,
                label=_text(purpose.name),
                description=_text(purpose.description),
                hasLegalBasis=_legal_basis(purpose),
                legitimateInterest=_text(purpose.legitimate_interest),
                hasPersonalData=[
                    _blank_id("data", key, _keys(register.data_categories))
                    for key in purpose.data_categories
                ],
                specialCategoryCondition=purpose.special_category_condition,
                specialCategoryLaw=_law(purpose.special_category_law),
                directMarketing=purpose.direct_marketing,
            )
            for purpose in register.purposes
        ],
        hasDataSource=[_source(source, _keys(register.sources)) for source in register.sources],
        hasRecipient=[
            _node(
                type_="dpv:Recipient",
                hasName=recipient.name,
                businessId=recipient.business_id,
                description=_text(recipient.description),
                country=recipient.country,
            )
            for recipient in register.recipients
        ],
        hasDataProcessor=[_processor(processor) for processor in register.processors],
        transfer=[
            _node(
                type_="rek:Transfer",
                destination=transfer.destination,
                mechanism=f"rek:{transfer.mechanism.value}" if transfer.mechanism else None,
                recipientName=transfer.recipient,
                description=_text(transfer.description),
                safeguardCopy=_text(transfer.safeguard_copy),
            )
            for transfer in register.transfers
        ],
        hasStorageCondition=[_period(register, index) for index in range(len(register.retention))],
        hasTechnicalOrganisationalMeasure=[
            _node(type_=_MEASURES[measure.kind], description=_text(measure.description))
            for measure in register.security
        ],
        hasRight=[_compact(right.dpv) for right in register.rights],
        rightsExercise=_text(register.rights_exercise),
        automatedDecision=[
            _node(
                type_="dpv:AutomatedDecisionMaking",
                description=_text(decision.description),
                hasAlgorithmicLogic=_node(
                    type_="dpv:AlgorithmicLogic", description=_text(decision.logic)
                ),
                significance=_text(decision.significance),
            )
            for decision in register.automated_decisions
        ],
        cookie=[
            _node(
                type_="rek:Cookie",
                hasName=cookie.name,
                description=_text(cookie.purpose),
                provider=cookie.provider,
                cookieDuration=cookie.duration,
                strictlyNecessary=cookie.strictly_necessary,
                country=cookie.country,
            )
            for cookie in register.cookies
        ],
        cookiePolicy=_text(register.cookie_policy),
        provisionRequirement=_text(register.provision_requirement),
        noneStated=[f"rek:{part.value}" for part in register.none_stated],
        complaintAuthority=_node(
            type_="dpv:DataProtectionAuthority",
            label=_text(register.complaint_authority.name),
            hasContact=_contact(register.complaint_authority.contact),
        ),
        modified=register.updated.isoformat() if register.updated else None,
    )
    # An identity code written in the register's texts is masked here, in
    # every string of the document and only here (lint reports it as R320).
    return {"@context": dict(CONTEXT), **_masked(document)}


def _strings(value: object) -> Iterator[str]:
    """Every string in *value* (the document's dicts, lists and scalars)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _masked(node: dict[str, object]) -> dict[str, object]:
    """*node* with identity codes masked in its strings, nested nodes and lists included."""
    from rekisteri._spellings import mask_codes, shaped

    # One test of all the strings first (a match within one string is a
    # match in the whole): most registers hold no code at all.
    if not shaped("\n".join(_strings(node))):
        return node

    def masked(value: object) -> object:
        if isinstance(value, str):
            return mask_codes(value)
        if isinstance(value, dict):
            return {key: masked(item) for key, item in value.items()}
        if isinstance(value, list):
            return [masked(item) for item in value]
        return value

    return {key: masked(value) for key, value in node.items()}


def dumps(register: Register, *, indent: int | None = 2) -> str:
    """Return *register* as JSON-LD text (UTF-8 characters as they are, not escaped).

    Examples:
        >>> from rekisteri.model import Controller, Register
        >>> text = dumps(Register(controller=Controller(name="Esimerkki Oy")), indent=None)
        >>> '"hasName": "Esimerkki Oy"' in text
        True
    """
    return json.dumps(to_jsonld(register), indent=indent, ensure_ascii=False)
