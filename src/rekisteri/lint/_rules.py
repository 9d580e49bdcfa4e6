"""The rules of :func:`lint`: missing items (R1xx), consistency (R2xx), outdated text (R3xx)."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Final

import attrs

from rekisteri._spellings import holds_code
from rekisteri.lint._catalog import make_finding
from rekisteri.lint._finding import Finding, Severity, as_lang
from rekisteri.lint._outdated import find_outdated
from rekisteri.lint._smells import (
    bare_relationship,
    change_without_notice,
    hedge,
    may_smell,
    relationship_as_basis,
)
from rekisteri.model import (
    Lang,
    LegalBasis,
    LocalizedText,
    NoneStated,
    Register,
    Right,
    Transfer,
    TransferMechanism,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from rekisteri.lint._outdated import OutdatedMatch

#: The rights every notice lists, whatever the basis (Art 15-18).
CORE_RIGHTS: Final = (Right.ACCESS, Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION)
_EXPLICIT_CONSENT: Final = re.compile(r"9\s*\(\s*2\s*\)\s*\(\s*a\s*\)|9\.2\s*a\b", re.IGNORECASE)
#: The bases whose law Art 6(3) asks for: 6(1)(c) and (e).
_LAW_BASES: Final = frozenset({LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK})
#: The Art 9(2) points that rest on Union or Member State law: (b), (g), (h), (i), (j).
_NEEDS_LAW: Final = re.compile(
    r"9\s*\(\s*2\s*\)\s*\(\s*[bghij]\s*\)|9\.2\s*[bghij]\b", re.IGNORECASE
)
#: A point of Art 9(2), (a) to (j), in the spellings the rules above read.
_ART_9_2_POINT: Final = re.compile(
    r"9\s*\(\s*2\s*\)\s*\(\s*[a-j]\s*\)|9\.2\s*[a-j]\b|9\s+2\s+[a-j]\b", re.IGNORECASE
)
_NEEDS_COPY: Final = frozenset(
    {
        TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES,
        TransferMechanism.BINDING_CORPORATE_RULES,
        TransferMechanism.OTHER_SAFEGUARDS,
    }
)


@attrs.define(slots=False)  # slots=False: all_texts is a cached_property
class _Context:
    """One linting run: the register, the language and what has been found."""

    register: Register
    lang: Lang
    findings: list[Finding] = attrs.field(factory=list)
    direct: bool = True
    indirect: bool = False

    def add(self, code: str, path: str, *, severity: Severity | None = None, **fields: str) -> None:
        self.findings.append(
            make_finding(
                code,
                path,
                self.lang,
                severity=severity,
                direct=self.direct,
                indirect=self.indirect,
                **fields,
            )
        )

    def text(self, text: LocalizedText) -> str:
        return text.resolve(self.lang)[0]

    @functools.cached_property
    def all_texts(self) -> list[tuple[str, str]]:
        """``(path, text)`` for every free text of the register (one walk for all rules)."""
        return list(texts(self.register))


def lint(register: Register, *, locale: str = "fi") -> list[Finding]:
    """Check *register* and return what is missing, inconsistent or out of date.

    Findings come in the order of their groups (missing Art 13/14 items,
    consistency, outdated references), and within a group in the order of
    the register. An empty list means the linter found nothing to report.

    Args:
        register: The register to check.
        locale: The language of the messages: ``"fi"``, ``"sv"`` or ``"en"``.

    Raises:
        UnknownLocaleError: *locale* is not one of those.
        ModelTypeError: *register* is not a Register.

    Examples:
        >>> from rekisteri.model import Controller, Register
        >>> findings = lint(Register(controller=Controller()), locale="en")
        >>> findings[0].code, findings[0].path
        ('R101', 'controller.name')
        >>> print(findings[0].message)  # doctest: +NORMALIZE_WHITESPACE
        The controller's name is missing. The notice must give the
        controller's identity (Article 13(1)(a)).
    """
    return _run(register, locale, _RULES)


def lint_draft(register: Register, *, locale: str = "fi") -> list[Finding]:
    """:func:`lint` without its R3xx rules (outdated references, identity codes in texts).

    For the importer, which reports those from the notice's own text (with
    their place in it) and drops the linter's R3xx findings on the draft:
    the same findings as ``[f for f in lint(register) if not f.code.startswith("R3")]``,
    without walking every text of the draft twice more for nothing.
    """
    return _run(register, locale, _DRAFT_RULES)


def _run(
    register: Register, locale: str, rules: tuple[Callable[[_Context], None], ...]
) -> list[Finding]:
    from rekisteri.render import check_register

    check_register(register)
    context = _Context(register=register, lang=as_lang(locale))
    context.indirect = bool(register.third_party_sources)
    context.direct = not register.sources or any(s.is_data_subject for s in register.sources)
    for rule in rules:
        rule(context)
    return context.findings


# --- R1xx: missing Art 13/14 (and Art 30) items ---------------------------------


def _controller(context: _Context) -> None:
    controller = context.register.controller
    if controller.name is None:
        context.add("R101", "controller.name")
    if (
        controller.contact is None
        and controller.address is None
        and context.register.contact_person is None
    ):
        context.add("R102", "controller.contact")
    if controller.dpo is None:
        context.add("R103", "controller.dpo")


def _purposes(context: _Context) -> None:
    if not context.register.purposes:
        context.add("R104", "purposes")
    for index, purpose in enumerate(context.register.purposes):
        if purpose.legal_basis is None:
            context.add("R105", f"purposes[{index}].legal_basis", name=context.text(purpose.name))


def _categories(context: _Context) -> None:
    if not context.register.data_categories:
        # Art 14(1)(d) asks for them; under Art 13 only the Art 30 record does.
        severity = Severity.ERROR if context.indirect else Severity.WARNING
        context.add("R106", "data_categories", severity=severity)


def _silent(context: _Context) -> None:
    register = context.register
    if (
        not register.recipients
        and not register.processors
        and NoneStated.RECIPIENTS not in register.none_stated
    ):
        context.add("R107", "recipients")
    third_country = any(t.third_country for t in register.transfers)
    if not third_country and NoneStated.TRANSFERS not in register.none_stated:
        # A destination in the EEA is no third country: it does not say whether
        # data leave the EEA (the notice shows the item as missing too).
        context.add("R108", "transfers")
    for index, transfer in enumerate(register.transfers):
        if transfer.mechanism in _NEEDS_COPY and transfer.safeguard_copy is None:
            context.add(
                "R109",
                f"transfers[{index}].safeguard_copy",
                destination=_destination(transfer, context.lang),
            )


def _retention(context: _Context) -> None:
    register = context.register
    if not register.retention:
        context.add("R110", "retention")
        return
    if any(not rule.data_categories for rule in register.retention):
        return  # a rule for every category
    covered = {key for rule in register.retention for key in rule.data_categories}
    for index, category in enumerate(register.data_categories):
        if category.key not in covered:
            context.add("R111", f"data_categories[{index}]", name=context.text(category.name))


def _rights(context: _Context) -> None:
    register = context.register
    for right in CORE_RIGHTS:
        if right not in register.rights:
            context.add("R112", "rights", right=context.text(right.label))
    objection_applies = any(
        purpose.direct_marketing
        or purpose.legal_basis in {LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK}
        for purpose in register.purposes
    )
    if objection_applies and Right.OBJECT not in register.rights:
        context.add("R113", "rights")
    portability_applies = register.uses(LegalBasis.CONSENT) or register.uses(LegalBasis.CONTRACT)
    if portability_applies and Right.PORTABILITY not in register.rights:
        context.add("R114", "rights")
    # The notice always states the right to lodge a complaint (Art 77 applies to
    # every register), so its absence from `rights` is not reported (R116 retired).
    # Without rights_exercise, the notice points to the contact details of
    # section 1; only when there are none is "how" missing.
    if register.rights_exercise is None and not _reachable(register):
        context.add("R115", "rights_exercise")


def _reachable(register: Register) -> bool:
    """Whether the notice gives contact details to which requests can be sent."""
    controller = register.controller
    return (
        controller.contact is not None
        or controller.address is not None
        or register.contact_person is not None
    )


def _sources(context: _Context) -> None:
    if not context.register.sources:
        context.add("R117", "sources")


def _automated(context: _Context) -> None:
    register = context.register
    if (
        not register.automated_decisions
        and NoneStated.AUTOMATED_DECISIONS not in register.none_stated
    ):
        context.add("R118", "automated_decisions")
    if not register.processors and NoneStated.PROCESSORS not in register.none_stated:
        context.add("R119", "processors")


def _provision(context: _Context) -> None:
    # Art 13(2)(e) only: data collected from the data subject.
    if context.direct and context.register.provision_requirement is None:
        context.add("R122", "provision_requirement")


def _record(context: _Context) -> None:
    if not context.register.data_subjects:
        context.add("R120", "data_subjects")
    if not context.register.security:
        context.add("R121", "security")


def _dated(context: _Context) -> None:
    if context.register.updated is None:
        context.add("R123", "updated")


def _laws(context: _Context) -> None:
    """R124: a 6(1)(c) or (e) basis without the law it rests on (Art 6(3))."""
    for index, purpose in enumerate(context.register.purposes):
        if purpose.legal_basis in _LAW_BASES and purpose.legal_basis_law is None:
            context.add(
                "R124", f"purposes[{index}].legal_basis_law", name=context.text(purpose.name)
            )


def _joint(context: _Context) -> None:
    """R125: joint controllers without the essence of their arrangement (Art 26(2))."""
    register = context.register
    if register.joint_controllers and register.joint_arrangement is None:
        context.add("R125", "joint_arrangement")


def _contracts(context: _Context) -> None:
    """R126: a processor whose Art 28(3) contract is not stated."""
    for index, processor in enumerate(context.register.processors):
        if processor.contract is None:
            context.add("R126", f"processors[{index}].contract", name=processor.name)


# --- R2xx: consistency -------------------------------------------------------------


def _consent(context: _Context) -> None:
    register = context.register
    explicit = any(
        purpose.special_category_condition is not None
        and _EXPLICIT_CONSENT.search(purpose.special_category_condition) is not None
        for purpose in register.purposes
    )
    if (register.uses(LegalBasis.CONSENT) or explicit) and (
        Right.WITHDRAW_CONSENT not in register.rights
    ):
        context.add("R201", "rights")


def _third_party_sources(context: _Context) -> None:
    for index, source in enumerate(context.register.sources):
        if not source.is_data_subject and source.publicly_accessible is None:
            context.add(
                "R202",
                f"sources[{index}].publicly_accessible",
                name=context.text(source.name),
            )


def _identity_codes(context: _Context) -> None:
    register = context.register
    for index, category in enumerate(register.data_categories):
        if not category.personal_identity_code:
            continue
        needed = any(
            category.key in purpose.data_categories and purpose.legal_basis is not None
            for purpose in register.purposes
        )
        if not needed:
            context.add("R203", f"data_categories[{index}]", name=context.text(category.name))


def _transfers(context: _Context) -> None:
    for index, transfer in enumerate(context.register.transfers):
        # A transfer within the EEA needs no Chapter V mechanism (the notice asks
        # for none either); one to an unknown place does.
        if transfer.mechanism is None and transfer.third_country:
            context.add(
                "R204",
                f"transfers[{index}].mechanism",
                destination=_destination(transfer, context.lang),
            )


_UNKNOWN_DESTINATION: Final = {
    Lang.FI: "kohdemaa ei tiedossa",
    Lang.SV: "mottagarlandet okänt",
    Lang.EN: "destination unknown",
}


def _destination(transfer: Transfer, lang: Lang) -> str:
    """The country code of a transfer, or words saying that it is unknown."""
    return transfer.destination or _UNKNOWN_DESTINATION[lang]


def _computable(context: _Context) -> None:
    for index, rule in enumerate(context.register.retention):
        if rule.computable:
            continue
        if rule.statute is None:
            context.add("R205", f"retention[{index}]")
        else:
            context.add("R206", f"retention[{index}].period", statute=rule.statute)


def _automated_right(context: _Context) -> None:
    register = context.register
    if register.automated_decisions and Right.AUTOMATED_DECISIONS not in register.rights:
        context.add("R207", "rights")


def _cookies(context: _Context) -> None:
    register = context.register
    if NoneStated.COOKIES in register.none_stated and register.cookie_policy is not None:
        # "The service does not use cookies." then the register's own text (A13's O13).
        context.add("R217", "cookie_policy")
    if register.uses(LegalBasis.CONSENT):
        return
    for index, cookie in enumerate(register.cookies):
        if not cookie.strictly_necessary:
            context.add("R208", f"cookies[{index}]", name=cookie.name)


def _special(context: _Context) -> None:
    register = context.register
    for index, category in enumerate(register.data_categories):
        if category.special is None and not category.criminal:
            continue  # neither rule's (most categories): the name is not even resolved
        name = context.text(category.name)
        if category.special is not None:
            conditioned = any(
                category.key in purpose.data_categories
                and purpose.special_category_condition is not None
                for purpose in register.purposes
            )
            if not conditioned:
                context.add("R209", f"data_categories[{index}]", name=name)
        if category.criminal and not _law_stated_for(register, category.key):
            context.add("R210", f"data_categories[{index}]", name=name)
    _purpose_conditions(context)
    for index, purpose in enumerate(register.purposes):
        condition = purpose.special_category_condition
        if condition is not None and _ART_9_2_POINT.search(condition) is None:
            # A13's O10: "9(2)(z)", "6(1)(a)", "9(3)" or "foo" was cited as law.
            context.add(
                "R216",
                f"purposes[{index}].special_category_condition",
                name=context.text(purpose.name),
                condition=" ".join(condition.split()),
            )
        if (
            condition is not None
            and _NEEDS_LAW.search(condition) is not None
            and purpose.special_category_law is None
        ):
            context.add(
                "R214",
                f"purposes[{index}].special_category_law",
                name=context.text(purpose.name),
                condition=condition,
            )


def _relationship(context: _Context) -> None:
    """R211 (a relationship given as the legal basis) and R212 (a change clause).

    One pass over the register's texts serves both rules.
    """
    reported: set[str] = set()
    for index, purpose in enumerate(context.register.purposes):
        if purpose.legitimate_interest is None:
            continue
        path = f"purposes[{index}].legitimate_interest"
        for text_path, text in texts(purpose.legitimate_interest, path):
            if bare_relationship(text):
                reported.add(text_path)
                context.add("R211", text_path, text=" ".join(text.split()))
    changes: list[tuple[str, str]] = []
    for path, text, folded in _smelling(context):
        found = relationship_as_basis(text, folded)
        if found is not None and path not in reported:
            context.add("R211", path, text=found)
        clause = change_without_notice(text, folded)
        if clause is not None:
            changes.append((path, clause))
    for path, clause in changes:
        context.add("R212", path, text=clause)


def _smelling(context: _Context) -> list[tuple[str, str, str]]:
    """``(path, text, casefolded)`` of the texts of ``all_texts`` that :func:`may_smell`.

    Most drafts have none: unless the paths were listed already (:func:`lint`'s
    R3xx rules list them), the texts are first read without their paths, which are
    only made when a text smells (a long import's draft holds a hundred thousand).
    """
    if "all_texts" not in context.__dict__:
        plain: list[str] = []
        _collect_plain(context.register, plain)
        if not any(may_smell(text.casefold()) for text in plain):
            return []
    return [
        (path, text, folded)
        for path, text in context.all_texts
        if may_smell(folded := text.casefold())
    ]


def _hedged(context: _Context) -> None:
    """R213: "saatetaan", "tarvittaessa", "may" in what is said of disclosures and transfers."""
    register = context.register
    for path, text in (
        *texts(register.recipients, "recipients"),
        *texts(register.transfers, "transfers"),
    ):
        found = hedge(text)
        if found is not None:
            context.add("R213", path, text=found)


def _law_stated_for(register: Register, key: str) -> bool:
    """Whether a purpose that uses the category *key* names the law that allows it (Art 10)."""
    return any(
        key in purpose.data_categories
        and (purpose.legal_basis_law is not None or purpose.special_category_law is not None)
        for purpose in register.purposes
    )


def _purpose_conditions(context: _Context) -> None:
    """R215: a purpose that uses special-category data without its own 9(2) condition.

    Only where another purpose gives one for the same category (else R209 reports it).
    """
    register = context.register
    special = {c.key: c for c in register.data_categories if c.special is not None}
    conditioned = {
        key
        for purpose in register.purposes
        if purpose.special_category_condition is not None
        for key in purpose.data_categories
    }
    for index, purpose in enumerate(register.purposes):
        if purpose.special_category_condition is not None:
            continue
        for key in purpose.data_categories:
            if key in special and key in conditioned:
                context.add(
                    "R215",
                    f"purposes[{index}].special_category_condition",
                    name=context.text(purpose.name),
                    category=context.text(special[key].name),
                )
                break


# --- R3xx: outdated references -----------------------------------------------------


def texts(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield ``(path, text)`` for every free text in *value*, recursively.

    A :class:`~rekisteri.model.LocalizedText` yields one text per language,
    with the language as the last part of the path (``description.sv``).
    Enum values, dates and numbers are not texts.

    Examples:
        >>> from rekisteri.model import Controller, LocalizedText, Register
        >>> register = Register(controller=Controller(name="Oy"),
        ...                     name=LocalizedText(fi="Rekisteri", sv="Register"))
        >>> [item for item in texts(register) if item[0].startswith(("controller", "name"))]
        [('controller.name', 'Oy'), ('name.fi', 'Rekisteri'), ('name.sv', 'Register')]
    """
    found: list[tuple[str, str]] = []
    _collect_texts(value, path, found)
    yield from found


#: The language codes in :class:`Lang` order (the order of ``LocalizedText.languages``).
_LANG_CODES: Final = tuple(lang.value for lang in Lang)


#: The attrs field names of each class walked, ``None`` for a class that is no attrs class.
_FIELD_NAMES: Final[dict[type, tuple[str, ...] | None]] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The attrs field names of *cls*, or ``None`` if it is no attrs class (looked up once)."""
    try:
        return _FIELD_NAMES[cls]
    except KeyError:
        names = tuple(field.name for field in attrs.fields(cls)) if attrs.has(cls) else None
        _FIELD_NAMES[cls] = names
        return names


def _collect_texts(value: object, path: str, found: list[tuple[str, str]]) -> None:
    """Append what :func:`texts` yields for *value* to *found* (one list, no nested generators)."""
    if type(value) is str:  # not a StrEnum member: those are wire values, not text
        found.append((path, value))
    elif isinstance(value, LocalizedText):
        for code in _LANG_CODES:
            text = getattr(value, code)
            if text is not None:
                found.append((f"{path}.{code}", text))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            _collect_texts(item, f"{path}[{index}]", found)
    elif (names := _field_names(type(value))) is not None:
        for name in names:
            item = getattr(value, name)
            if item is not None and type(item) is not bool:  # neither holds a text
                _collect_texts(item, f"{path}.{name}" if path else name, found)


def _collect_plain(value: object, found: list[str]) -> None:
    """The texts :func:`texts` yields for *value*, in its order, without their paths."""
    if type(value) is str:
        found.append(value)
    elif isinstance(value, LocalizedText):
        for code in _LANG_CODES:
            text = getattr(value, code)
            if text is not None:
                found.append(text)
    elif isinstance(value, tuple):
        for item in value:
            _collect_plain(item, found)
    elif (names := _field_names(type(value))) is not None:
        for name in names:
            item = getattr(value, name)
            if item is not None and type(item) is not bool:
                _collect_plain(item, found)


def outdated_finding(match: OutdatedMatch, path: str, *, locale: str = "fi") -> Finding:
    """The finding for one outdated reference found at *path* (for the importer too).

    Examples:
        >>> from rekisteri.lint import find_outdated
        >>> [match] = find_outdated("Viestintäviraston ohjeet")
        >>> finding = outdated_finding(match, "security[0].description.fi", locale="en")
        >>> finding.code, finding.severity.value
        ('R311', 'warning')
        >>> print(finding.message)  # doctest: +NORMALIZE_WHITESPACE
        “Viestintäviraston”: the Finnish Communications Regulatory Authority became
        part of Traficom on 1 January 2019. Use instead: the Finnish Transport and
        Communications Agency Traficom.
    """
    lang = as_lang(locale)
    reference = match.reference
    return make_finding(
        reference.code,
        path,
        lang,
        text=" ".join(match.text.split()),  # one line, even if the match spans lines
        replacement=context_free_text(reference.replacement, lang),
    )


def context_free_text(text: LocalizedText, lang: Lang) -> str:
    """*text* in *lang*, or in Finnish where it has not been written."""
    return text.resolve(lang)[0]


def _outdated(context: _Context) -> None:
    for path, text in context.all_texts:
        for match in find_outdated(text):
            context.findings.append(outdated_finding(match, path, locale=context.lang.value))


def contains_identity_code(text: str) -> bool:
    """Whether *text* holds a henkilötunnus, in any spelling the library recognises.

    The package's one recogniser decides (:func:`rekisteri._spellings.holds_code`):
    a spelling with a century sign counts when it is a valid code (temporary
    numbers included), one without a sign (a space, nothing or "/" in its
    place) when its day, individual number and check character fit. What
    counts here is exactly what a rendered notice, record and JSON-LD mask.

    Examples:
        >>> contains_identity_code("yhteyshenkilö 131052 – 308t")
        True
        >>> contains_identity_code("syntynyt 13.10.52, tunnus 13.10.52-308T")
        True
        >>> contains_identity_code("puh. 0401234567, tilaus 2026-11-25, 123456-7890")
        False
    """
    return holds_code(text)


def _identity_codes_in_texts(context: _Context) -> None:
    for path, text in context.all_texts:
        if contains_identity_code(text):
            context.add("R320", path)


_RULES: Final[tuple[Callable[[_Context], None], ...]] = (
    _controller,
    _purposes,
    _categories,
    _silent,
    _retention,
    _rights,
    _sources,
    _automated,
    _provision,
    _record,
    _dated,
    _laws,
    _joint,
    _contracts,
    _consent,
    _third_party_sources,
    _identity_codes,
    _transfers,
    _computable,
    _automated_right,
    _cookies,
    _special,
    _relationship,
    _hedged,
    _outdated,
    _identity_codes_in_texts,
)
#: The rules of :func:`lint_draft`: all but the two that give the R3xx findings.
_DRAFT_RULES: Final = tuple(
    rule for rule in _RULES if rule not in {_outdated, _identity_codes_in_texts}
)
