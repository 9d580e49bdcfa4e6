"""One truth between lint and render: for every lint code, the notice agrees with the finding.

For each code of :data:`rekisteri.lint.CODES` (the test walks the whole
catalog, so a new code without a case here fails), a register that draws the
finding is rendered in Finnish as Markdown, HTML and text, and the notice must
agree with it:

* a "missing X" finding: the notice does not state X (the section shows the
  "[puuttuu]" marker, or the item is simply not there);
* a finding about what the register says (a relationship as the legal basis,
  a hedge, an outdated law): the notice states exactly that, as the register
  says it; the renderer adds nothing that would hide or contradict it.

The complete register (:func:`rekisteri.testing.a_register`) draws no finding
and its notice states every item (no marker; see ``tests/test_testing.py``).
The decisions per item are in the lint guide, "Lint and the rendered notice".
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from rekisteri import sources
from rekisteri.lint import CODES, OUTDATED_REFERENCES, lint
from rekisteri.model import (
    AutomatedDecision,
    Cookie,
    DataCategory,
    JointController,
    Lang,
    LegalBasis,
    LocalizedText,
    NoneStated,
    Purpose,
    Register,
    RetentionRule,
    Right,
    SpecialCategory,
    Transfer,
)
from rekisteri.render import render_notice, render_record
from rekisteri.render._i18n import texts
from rekisteri.sources import DATA_SUBJECT, YTJ
from rekisteri.testing import a_register, make_hetu
from tests.test_lint_outdated import FOUND

if TYPE_CHECKING:
    from collections.abc import Callable

FI = texts(Lang.FI)
_ = FI.gettext
MISSING = _("[missing]")


class Notice:
    """The Finnish notice of a register in three formats, and its sections in the text."""

    def __init__(self, register: Register) -> None:
        self.register = register
        self.md = render_notice(register, locale="fi", format="md")
        self.html = render_notice(register, locale="fi", format="html")
        self.text = render_notice(register, locale="fi", format="text")
        self.sections = _sections(self.text)

    def section(self, heading: str) -> str | None:
        """The text of the section with the (English msgid) *heading*, or None if absent."""
        return self.sections.get(_(heading))

    def states(self, words: str) -> bool:
        """Whether all three formats contain *words* (markup and escapes taken away)."""
        words = _flat(words)
        found = [
            words in _flat(_md_plain(self.md)),
            words in _flat(_html_plain(self.html)),
            words in _flat(self.text),
        ]
        assert len(set(found)) == 1, (words, found)  # the formats agree with each other
        return found[0]

    def marked_missing(self, heading: str) -> bool:
        """Whether the section *heading* shows the missing marker, in every format."""
        section = self.section(heading)
        assert section is not None, heading
        return (
            MISSING in section
            and MISSING in _md_plain(self.md)
            and MISSING in _html_plain(self.html)
        )


def _flat(text: str) -> str:
    """*text* on one line: wrapped lines and indentation become single spaces."""
    return " ".join(text.split())


def _md_plain(md: str) -> str:
    """Markdown without emphasis and backslash escapes."""
    return re.sub(r"\\(.)", r"\1", md.replace("**", "").replace("*", ""))


def _html_plain(html: str) -> str:
    """HTML as text: a label and its value joined by ": ", tags removed, entities decoded."""
    import html as html_module

    text = re.sub(r"</dt>\s*<dd>", ": ", html)
    return html_module.unescape(re.sub(r"<[^>]+>", "", text))


def _sections(text: str) -> dict[str, str]:
    """Level-2 sections of a text notice by their title (without the number)."""
    lines = text.splitlines()
    sections: dict[str, str] = {}
    title = None
    body: list[str] = []
    for i, line in enumerate(lines):
        underline = lines[i + 1] if i + 1 < len(lines) else ""
        if underline and set(underline) == {"-"} and len(underline) == len(line):
            if title is not None:
                sections[title] = "\n".join(body)
            title = re.sub(r"^\d+\. ", "", line)
            body = []
        elif title is not None and set(line) != {"-"}:
            body.append(line)
    if title is not None:
        sections[title] = "\n".join(body)
    return sections


def _label(text: LocalizedText) -> str:
    return text.fi


# --------------------------------------------------------------------------- registers


def _controller(**changes: Any) -> Register:
    base = a_register()
    return attrs.evolve(base, controller=attrs.evolve(base.controller, **changes))


def _rights_without(*rights: Right) -> Register:
    base = a_register()
    return attrs.evolve(base, rights=tuple(r for r in base.rights if r not in rights))


def _purpose(key: str, basis: LegalBasis | None, **kw: object) -> Purpose:
    return Purpose(key=key, name=LocalizedText(fi=key.capitalize()), legal_basis=basis, **kw)  # type: ignore[arg-type] # kw are Purpose fields


def _with_category(category: DataCategory, *purposes: Purpose) -> Register:
    base = a_register()
    return attrs.evolve(
        base,
        data_categories=(*base.data_categories, category),
        purposes=(*base.purposes, *purposes),
    )


_HEALTH = DataCategory(
    key="health", name=LocalizedText(fi="Terveystiedot"), special=SpecialCategory.HEALTH
)
_HETU = DataCategory(
    key="hetu", name=LocalizedText(fi="Henkilötunnus"), personal_identity_code=True
)
_CRIME = DataCategory(key="crime", name=LocalizedText(fi="Rikostiedot"), criminal=True)
_DECISION = AutomatedDecision(
    description=LocalizedText(fi="Luottopäätös"),
    logic=LocalizedText(fi="Pisteytys"),
    significance=LocalizedText(fi="Hylkäys"),
)


def _no_consent(**changes: object) -> Register:
    """The complete register without its consent purpose (and the right to withdraw)."""
    base = a_register()
    fields: dict[str, object] = {
        "purposes": base.purposes[:2],
        "rights": tuple(r for r in base.rights if r is not Right.WITHDRAW_CONSENT),
        **changes,
    }
    return attrs.evolve(base, **fields)  # type: ignore[arg-type] # Register fields


def _with_description(text: str) -> Register:
    return a_register(description=LocalizedText(fi=text))


def _with_recipient_text(text: str) -> Register:
    base = a_register()
    recipient = attrs.evolve(base.recipients[0], description=LocalizedText(fi=text))
    return attrs.evolve(base, recipients=(recipient,))


# ------------------------------------------------------------------------------- checks


def _missing_in(heading: str) -> Callable[[Notice], None]:
    def check(notice: Notice) -> None:
        assert notice.marked_missing(heading)

    return check


def _absent_section(heading: str) -> Callable[[Notice], None]:
    def check(notice: Notice) -> None:
        assert notice.section(heading) is None

    return check


def _not_in_section(heading: str, words: str) -> Callable[[Notice], None]:
    def check(notice: Notice) -> None:
        section = notice.section(heading)
        assert section is not None, heading
        assert words not in section, words

    return check


def _right_not_listed(right: Right) -> Callable[[Notice], None]:
    return _not_in_section("Rights of the data subject", _label(right.label).capitalize())


def _right_marked_missing(right: Right) -> Callable[[Notice], None]:
    """The right is listed with the marker only, not explained (A13's O17)."""

    def check(notice: Notice) -> None:
        section = notice.section("Rights of the data subject")
        assert section is not None
        label = _label(right.label).capitalize()
        lines = [line for line in section.splitlines() if label in line]
        assert lines, label
        assert all(line.rstrip().endswith(MISSING) for line in lines), lines

    return check


def _states(words: str) -> Callable[[Notice], None]:
    def check(notice: Notice) -> None:
        assert notice.states(words), words

    return check


def _no_contact(notice: Notice) -> None:
    section = notice.section("Controller and contact details")
    assert section is not None
    assert f"{_('Contact details')}: {MISSING}" in section


def _how_missing(notice: Notice) -> None:
    rights = notice.section("Rights of the data subject")
    assert rights is not None
    how = rights.split(_("How to exercise the rights"), 1)[1]
    assert how.lstrip().startswith(MISSING)
    assert (
        _("Requests can be sent to the controller using the contact details in section 1.")
        not in how
    )


def _no_processors(notice: Notice) -> None:
    section = notice.section("Recipients or categories of recipients")
    assert section is not None
    assert _("Processors") not in section
    assert _("The controller does not use processors.") not in section


def _no_subjects(notice: Notice) -> None:
    assert not notice.states(_("Categories of data subjects"))
    record = render_record(notice.register, locale="fi", format="text")
    subjects = record.split("\n" + _("Categories of data subjects") + "\n", 1)[1]
    assert subjects.lstrip().startswith(MISSING)


def _not_dated(notice: Notice) -> None:
    assert not notice.states(_("Updated") + ":")


def _not_said_public(notice: Notice) -> None:
    section = notice.section("Sources of personal data")
    assert section is not None
    ytj = section.split(YTJ.name.fi, 1)[1]
    assert _("A publicly accessible source.") not in ytj
    assert _("Not a publicly accessible source.") not in ytj


def _no_withdrawal(notice: Notice) -> None:
    assert notice.section("Right to withdraw consent") is None


def _hetu_in_no_purpose(notice: Notice) -> None:
    purposes = notice.section("Purposes of processing and legal basis")
    assert purposes is not None
    assert "Henkilötunnus" not in purposes


def _no_period(notice: Notice) -> None:
    retention = notice.section("Retention period of personal data")
    assert retention is not None
    assert not re.search(r"\d+ (vuo|kuukau|päiv)", retention)


def _cookie_without_consent(notice: Notice) -> None:
    purposes = notice.section("Purposes of processing and legal basis")
    assert purposes is not None
    assert _label(LegalBasis.CONSENT.label) not in purposes
    assert notice.section("Cookies") is not None


def _no_condition(notice: Notice) -> None:
    purposes = notice.section("Purposes of processing and legal basis")
    assert purposes is not None
    assert _("Special categories: {condition}").split(":")[0] not in purposes


def _no_condition_for(purpose: str) -> Callable[[Notice], None]:
    def check(notice: Notice) -> None:
        purposes = notice.section("Purposes of processing and legal basis")
        assert purposes is not None
        row = purposes.split(f"- {purpose}\n", 1)[1].split("\n- ", 1)[0]
        assert _("Special categories: {condition}").split(":")[0] not in row

    return check


def _criminal_stated(notice: Notice) -> None:
    assert notice.states(_("personal data relating to criminal convictions and offences"))


def _no_copy(notice: Notice) -> None:
    section = notice.section("Transfers of personal data outside the EU or the EEA")
    assert section is not None
    assert f"{_('Copy of the safeguards')}: {MISSING}" in section  # A13's O17


def _categories_not_stated(notice: Notice) -> None:
    section = notice.section("Categories of personal data")
    assert section is None or MISSING in section
    assert not notice.states("Tilaushistoria")


_TRANSFER_COPYLESS = attrs.evolve(a_register().transfers[0], safeguard_copy=None)

#: code -> (a register that draws it, how the notice agrees).
CASES: dict[str, tuple[Callable[[], Register], Callable[[Notice], None]]] = {
    "R101": (lambda: _controller(name=None), _states(f"{_('Name')}: {MISSING}")),
    "R102": (lambda: _controller(address=None, contact=None), _no_contact),
    "R103": (
        lambda: _controller(dpo=None),
        _absent_section("Contact details of the data protection officer"),
    ),
    "R104": (
        lambda: _no_consent(purposes=()),
        _missing_in("Purposes of processing and legal basis"),
    ),
    "R105": (
        lambda: attrs.evolve(
            a_register(),
            purposes=(
                attrs.evolve(a_register().purposes[0], legal_basis=None),
                *a_register().purposes[1:],
            ),
        ),
        _missing_in("Purposes of processing and legal basis"),
    ),
    "R106": (lambda: a_register(data_categories=()), _categories_not_stated),
    "R107": (
        lambda: a_register(
            recipients=(),
            processors=(),
            none_stated=(NoneStated.AUTOMATED_DECISIONS, NoneStated.COOKIES, NoneStated.PROCESSORS),
        ),
        _missing_in("Recipients or categories of recipients"),
    ),
    "R108": (
        lambda: a_register(transfers=()),
        _missing_in("Transfers of personal data outside the EU or the EEA"),
    ),
    "R109": (lambda: a_register(transfers=(_TRANSFER_COPYLESS,)), _no_copy),
    "R110": (lambda: a_register(retention=()), _missing_in("Retention period of personal data")),
    "R111": (
        lambda: a_register(
            retention=(attrs.evolve(a_register().retention[0], data_categories=("contact",)),)
        ),
        _not_in_section("Retention period of personal data", "Tilaushistoria"),
    ),
    "R112": (lambda: _rights_without(Right.ACCESS), _right_marked_missing(Right.ACCESS)),
    "R113": (lambda: _rights_without(Right.OBJECT), _right_marked_missing(Right.OBJECT)),
    "R114": (lambda: _rights_without(Right.PORTABILITY), _right_not_listed(Right.PORTABILITY)),
    "R115": (
        lambda: attrs.evolve(_controller(address=None, contact=None), rights_exercise=None),
        _how_missing,
    ),
    "R117": (lambda: a_register(sources=()), _absent_section("Sources of personal data")),
    "R118": (
        lambda: a_register(none_stated=(NoneStated.COOKIES,)),
        _missing_in("Automated decision-making and profiling"),
    ),
    "R119": (lambda: a_register(processors=()), _no_processors),
    "R120": (lambda: a_register(data_subjects=()), _no_subjects),
    "R121": (lambda: a_register(security=()), _absent_section("Protection of personal data")),
    "R122": (
        lambda: a_register(provision_requirement=None),
        _missing_in("Whether providing personal data is required"),
    ),
    "R123": (lambda: a_register(updated=None), _not_dated),
    "R124": (
        lambda: _with_category(
            _HEALTH,
            _purpose(
                "books",
                LegalBasis.LEGAL_OBLIGATION,
                data_categories=("health",),
                special_category_condition="9(2)(b)",
                special_category_law=LocalizedText(fi="tietosuojalaki 6 §"),
            ),
        ),
        _not_in_section("Purposes of processing and legal basis", _("Statutory basis") + ":"),
    ),
    "R125": (
        lambda: a_register(joint_controllers=(JointController(name="Kumppani Oy"),)),
        _missing_in("Joint controllers"),
    ),
    "R126": (
        lambda: a_register(processors=(attrs.evolve(a_register().processors[0], contract=None),)),
        _not_in_section("Recipients or categories of recipients", _("Contract or other legal act")),
    ),
    "R214": (
        lambda: _with_category(
            _HEALTH,
            _purpose(
                "books",
                LegalBasis.LEGAL_OBLIGATION,
                data_categories=("health",),
                special_category_condition="9(2)(b)",
                legal_basis_law=LocalizedText(fi="kirjanpitolaki"),
            ),
        ),
        _not_in_section("Purposes of processing and legal basis", _("National provision")),
    ),
    "R215": (
        lambda: _with_category(
            _HEALTH,
            _purpose(
                "care",
                LegalBasis.CONSENT,
                data_categories=("health",),
                special_category_condition="9(2)(a)",
            ),
            _purpose("sports", LegalBasis.CONTRACT, data_categories=("health",)),
        ),
        _no_condition_for("Sports"),
    ),
    # The notice shows the value as the register gives it; lint says it is no
    # point of Art 9(2) (A13's O10).
    "R216": (
        lambda: _with_category(
            _HEALTH,
            _purpose(
                "care",
                LegalBasis.CONTRACT,
                data_categories=("health",),
                special_category_condition="terveydenhuolto",
            ),
        ),
        _states("terveydenhuolto"),
    ),
    # Both are stated; lint says so (A13's O13).
    "R217": (
        lambda: a_register(cookie_policy=LocalizedText(fi="Käytämme analytiikkaevästeitä.")),
        _states("Käytämme analytiikkaevästeitä."),
    ),
    "R201": (
        lambda: _no_consent(
            data_categories=(*a_register().data_categories, _HEALTH),
            purposes=(
                *a_register().purposes[:2],
                _purpose(
                    "care",
                    LegalBasis.CONTRACT,
                    data_categories=("health",),
                    special_category_condition="9(2)(a)",
                ),
            ),
        ),
        _no_withdrawal,
    ),
    "R202": (
        lambda: a_register(sources=(DATA_SUBJECT, attrs.evolve(YTJ, publicly_accessible=None))),
        _not_said_public,
    ),
    "R203": (lambda: _with_category(_HETU), _hetu_in_no_purpose),
    "R204": (
        lambda: a_register(transfers=(*a_register().transfers, Transfer())),
        _states(f"{_('Basis for the transfer')}: {MISSING}"),
    ),
    "R205": (
        lambda: a_register(
            retention=(RetentionRule(description=LocalizedText(fi="Niin kauan kuin tarpeen")),)
        ),
        _no_period,
    ),
    "R206": (
        lambda: a_register(retention=(RetentionRule(statute="kirjanpitolaki 1336/1997 2:10"),)),
        _no_period,
    ),
    "R207": (
        lambda: a_register(automated_decisions=(_DECISION,), none_stated=(NoneStated.COOKIES,)),
        _right_not_listed(Right.AUTOMATED_DECISIONS),
    ),
    "R208": (
        lambda: _no_consent(
            cookies=(Cookie(name="_ga", purpose=LocalizedText(fi="Analytiikka")),),
            none_stated=(NoneStated.AUTOMATED_DECISIONS,),
        ),
        _cookie_without_consent,
    ),
    "R209": (
        lambda: _with_category(
            _HEALTH,
            _purpose("occupational", LegalBasis.LEGAL_OBLIGATION, data_categories=("health",)),
        ),
        _no_condition,
    ),
    "R210": (lambda: _with_category(_CRIME), _criminal_stated),
    "R211": (
        lambda: _with_description("Rekisterin pitämisen peruste on asiakassuhde."),
        _states("Rekisterin pitämisen peruste on asiakassuhde."),
    ),
    "R212": (
        lambda: _with_description("Pidätämme oikeuden muuttaa tätä selostetta."),
        _states("Pidätämme oikeuden muuttaa tätä selostetta."),
    ),
    "R213": (
        lambda: _with_recipient_text("Tietoja saatetaan luovuttaa perintätoimistolle."),
        _states("Tietoja saatetaan luovuttaa perintätoimistolle."),
    ),
}


def _outdated_case(code: str) -> tuple[Callable[[], Register], Callable[[Notice], None]]:
    """R3xx: the register's text names outdated law; the notice states it as written."""
    sample = next(text for text, _match, found in FOUND if found == code)
    return (lambda: _with_description(sample), _states(sample))


CASES.update({reference.code: _outdated_case(reference.code) for reference in OUTDATED_REFERENCES})

#: R320: a generated code (temporary individual number, nobody's) in a text. The
#: notice masks it (birth date and sign kept); the linter refuses it all the same.
_CODE = make_hetu(date(1980, 5, 17), 912)
_WRITTEN_CODE = f"Yhteyshenkilön henkilötunnus {_CODE}."


def _masked_code(notice: Notice) -> None:
    assert notice.states(f"Yhteyshenkilön henkilötunnus {_CODE[:7]}")
    assert _CODE[7:] not in notice.md + notice.html + notice.text


CASES["R320"] = (lambda: _with_description(_WRITTEN_CODE), _masked_code)


def test_every_code_has_a_case() -> None:
    """The cases cover exactly the catalog's codes: a new code needs its agreement case."""
    assert set(CASES) == set(CODES)


@pytest.mark.parametrize("code", sorted(CODES))
def test_notice_agrees_with_the_finding(code: str) -> None:
    """The register draws the finding, and its rendered notice agrees with it."""
    make, agrees = CASES[code]
    register = make()
    assert code in {finding.code for finding in lint(register)}
    agrees(Notice(register))


def test_complete_register_states_everything() -> None:
    """Without findings, the notice has no missing marker and states each item checked above."""
    register = a_register()
    assert lint(register) == []
    notice = Notice(register)
    assert not notice.states(MISSING)
    assert notice.states(f"{_('Updated')}: {FI.date(date(2026, 1, 15))}")
    assert notice.section("Contact details of the data protection officer") is not None
    assert notice.section("Protection of personal data") is not None
    assert notice.states(_("Categories of data subjects"))
    assert notice.states(_("Copy of the safeguards"))
    assert notice.states(_("Right to lodge a complaint with a supervisory authority"))
    for right in (Right.ACCESS, Right.OBJECT, Right.PORTABILITY):
        assert notice.states(_label(right.label).capitalize())


def test_complaint_is_always_stated() -> None:
    """R116 is retired: the complaint section is rendered whatever `rights` lists."""
    register = _rights_without(Right.COMPLAINT)
    assert lint(register) == []
    notice = Notice(register)
    assert notice.section("Right to lodge a complaint with a supervisory authority") is not None
    assert notice.states(register.complaint_authority.name.fi)


def test_default_way_to_exercise_rights_is_not_reported() -> None:
    """Without rights_exercise the notice points to section 1, and lint agrees (no R115)."""
    register = a_register(rights_exercise=None)
    assert lint(register) == []
    assert Notice(register).states(
        _("Requests can be sent to the controller using the contact details in section 1.")
    )


def test_catalog_sources_draw_no_finding() -> None:
    """A register that uses every bundled source draws no finding about them (no R202)."""
    register = a_register(sources=tuple(sources.CATALOG.values()))
    assert [f for f in lint(register) if f.path.startswith("sources")] == []
    assert lint(register) == []
    notice = Notice(register)
    for source in register.third_party_sources:
        assert source.publicly_accessible is not None, source.key
    assert notice.states(_("A publicly accessible source."))
    assert notice.states(_("Not a publicly accessible source."))


def test_transfer_within_the_eea_needs_no_mechanism() -> None:
    """A transfer to an EEA country without a mechanism: no R204, and no marker in the notice."""
    register = a_register(transfers=(*a_register().transfers, Transfer(destination="AT")))
    assert lint(register) == []
    notice = Notice(register)
    assert not notice.states(MISSING)
    assert notice.states("Itävalta")


@pytest.mark.parametrize("locale", ["fi", "sv", "en"])
def test_contact_person_is_a_contact(locale: str) -> None:
    """A controller reachable only through its contact person: no R102 and no marker."""
    from rekisteri.model import ContactPoint

    register = attrs.evolve(
        _controller(address=None, contact=None),
        contact_person=ContactPoint(name="Toimisto", email="toimisto@example.fi"),
    )
    assert "R102" not in {f.code for f in lint(register)}
    for fmt in ("md", "html", "text"):
        text = render_notice(register, locale=locale, format=fmt)
        assert texts(Lang(locale)).gettext("[missing]") not in text
        assert "toimisto@example.fi" in text
