"""The closed vocabularies of the model: legal bases, rights, categories, mechanisms.

Every enum is a ``StrEnum`` whose values are the wire values in TOML and JSON.
Wire values are never renamed, only added.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from rekisteri.model._text import LocalizedText

_DPV_GDPR: Final = "https://w3id.org/dpv/legal/eu/gdpr#"


class LegalBasis(StrEnum):
    """The legal basis of a purpose, GDPR Art 6(1)(a)–(f)."""

    CONSENT = "consent"
    """(a) the data subject has given consent."""
    CONTRACT = "contract"
    """(b) performance of a contract, or steps before entering into one."""
    LEGAL_OBLIGATION = "legal_obligation"
    """(c) a legal obligation of the controller."""
    VITAL_INTERESTS = "vital_interests"
    """(d) vital interests of the data subject or another person."""
    PUBLIC_TASK = "public_task"
    """(e) a task in the public interest or in the exercise of official authority."""
    LEGITIMATE_INTERESTS = "legitimate_interests"
    """(f) legitimate interests of the controller or a third party."""

    @property
    def article(self) -> str:
        """The point of GDPR Art 6(1), e.g. ``"6(1)(a)"``."""
        return f"6(1)({'abcdef'[list(LegalBasis).index(self)]})"

    @property
    def dpv(self) -> str:
        """The W3C DPV IRI, e.g. ``https://w3id.org/dpv/legal/eu/gdpr#A6-1-a``."""
        return f"{_DPV_GDPR}A6-1-{'abcdef'[list(LegalBasis).index(self)]}"

    @property
    def label(self) -> LocalizedText:
        """The name of the basis in Finnish, Swedish and English."""
        return _BASIS_LABELS[self]


_BASIS_LABELS: Final = {
    LegalBasis.CONSENT: LocalizedText(fi="suostumus", sv="samtycke", en="consent"),
    LegalBasis.CONTRACT: LocalizedText(fi="sopimus", sv="avtal", en="contract"),
    LegalBasis.LEGAL_OBLIGATION: LocalizedText(
        fi="lakisääteinen velvoite", sv="rättslig förpliktelse", en="legal obligation"
    ),
    LegalBasis.VITAL_INTERESTS: LocalizedText(
        fi="elintärkeä etu", sv="grundläggande intresse", en="vital interests"
    ),
    LegalBasis.PUBLIC_TASK: LocalizedText(
        fi="yleinen etu tai julkinen valta",
        sv="allmänt intresse eller myndighetsutövning",
        en="public task",
    ),
    LegalBasis.LEGITIMATE_INTERESTS: LocalizedText(
        fi="oikeutettu etu", sv="berättigat intresse", en="legitimate interests"
    ),
}


class SpecialCategory(StrEnum):
    """Special categories of personal data, GDPR Art 9(1)."""

    RACIAL_OR_ETHNIC_ORIGIN = "racial_or_ethnic_origin"
    POLITICAL_OPINIONS = "political_opinions"
    RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS = "religious_or_philosophical_beliefs"
    TRADE_UNION_MEMBERSHIP = "trade_union_membership"
    GENETIC = "genetic"
    BIOMETRIC = "biometric"
    """Biometric data processed to identify a person uniquely."""
    HEALTH = "health"
    SEX_LIFE_OR_SEXUAL_ORIENTATION = "sex_life_or_sexual_orientation"


class TransferMechanism(StrEnum):
    """How a transfer outside the EEA is made lawful, GDPR Chapter V."""

    ADEQUACY_DECISION = "adequacy_decision"
    """Art 45: the Commission has decided the country's protection is adequate."""
    STANDARD_CONTRACTUAL_CLAUSES = "standard_contractual_clauses"
    """Art 46(2)(c): the Commission's standard contractual clauses (vakiosopimuslausekkeet)."""
    BINDING_CORPORATE_RULES = "binding_corporate_rules"
    """Art 47: binding corporate rules of a group."""
    OTHER_SAFEGUARDS = "other_safeguards"
    """Art 46: another appropriate safeguard (a code of conduct, a certification, …)."""
    DEROGATION = "derogation"
    """Art 49: a derogation for a specific situation, e.g. explicit consent."""


class SecurityKind(StrEnum):
    """What kind of safeguard a security measure is (Art 32)."""

    TECHNICAL = "technical"
    """Safeguards in the systems: access control, encryption, firewalls, logging."""
    ORGANISATIONAL = "organisational"
    """Rules and people: confidentiality undertakings, training, roles."""
    PHYSICAL = "physical"
    """Premises and paper: locked rooms, shredding (the old form's "manual material")."""


class NoneStated(StrEnum):
    """A part of a register for which the notice says, explicitly, that there is none.

    An empty list in a register cannot tell "the notice says there are no
    transfers" from "the notice is silent about transfers", and the GDPR
    treats them differently: Art 13(1)(f) asks the controller to say whether
    it transfers data at all. Listing a part here records the first.
    """

    RECIPIENTS = "recipients"
    """Data are not disclosed to anyone ("tietoja ei luovuteta")."""
    TRANSFERS = "transfers"
    """Data are not transferred outside the EU/EEA ("tietoja ei siirretä")."""
    PROCESSORS = "processors"
    """No processor acts on the controller's behalf."""
    AUTOMATED_DECISIONS = "automated_decisions"
    """No automated decisions or profiling with legal or similar effects (Art 22)."""
    COOKIES = "cookies"
    """The service sets no cookies."""


class RetentionTrigger(StrEnum):
    """The event from which a retention period is counted."""

    END_OF_CUSTOMER_RELATIONSHIP = "end_of_customer_relationship"
    LAST_CONTACT = "last_contact"
    END_OF_FINANCIAL_YEAR = "end_of_financial_year"
    END_OF_CALENDAR_YEAR_OF_FINANCIAL_YEAR_END = "end_of_calendar_year_of_financial_year_end"
    """The end of the calendar year in which the financial year ended (kirjanpitolaki 2:10)."""
    CONSENT_WITHDRAWAL = "consent_withdrawal"
    COLLECTION = "collection"
    """The day the data were obtained."""
    FIXED_DATE = "fixed_date"


class Right(StrEnum):
    """A right of the data subject, with its GDPR article."""

    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    NOTIFICATION = "notification"
    """Art 19: recipients are told of rectification, erasure and restriction."""
    PORTABILITY = "portability"
    OBJECT = "object"
    AUTOMATED_DECISIONS = "automated_decisions"
    """Art 22: not to be subject to a decision based solely on automated processing."""
    WITHDRAW_CONSENT = "withdraw_consent"
    COMPLAINT = "complaint"

    @property
    def article(self) -> str:
        """The GDPR article, e.g. ``"15"`` or ``"7(3)"``."""
        return _RIGHT_ARTICLES[self]

    @property
    def dpv(self) -> str:
        """The W3C DPV IRI, e.g. ``https://w3id.org/dpv/legal/eu/gdpr#A15``."""
        return _DPV_GDPR + "A" + _RIGHT_ARTICLES[self].replace("(", "-").replace(")", "")

    @property
    def label(self) -> LocalizedText:
        """The name of the right in Finnish, Swedish and English."""
        return _RIGHT_LABELS[self]


_RIGHT_ARTICLES: Final = {
    Right.ACCESS: "15",
    Right.RECTIFICATION: "16",
    Right.ERASURE: "17",
    Right.RESTRICTION: "18",
    Right.NOTIFICATION: "19",
    Right.PORTABILITY: "20",
    Right.OBJECT: "21",
    Right.AUTOMATED_DECISIONS: "22",
    Right.WITHDRAW_CONSENT: "7(3)",
    Right.COMPLAINT: "77",
}

_RIGHT_LABELS: Final = {
    Right.ACCESS: LocalizedText(
        fi="oikeus saada pääsy tietoihin", sv="rätt till tillgång", en="right of access"
    ),
    Right.RECTIFICATION: LocalizedText(
        fi="oikeus tietojen oikaisemiseen", sv="rätt till rättelse", en="right to rectification"
    ),
    Right.ERASURE: LocalizedText(
        fi="oikeus tietojen poistamiseen", sv="rätt till radering", en="right to erasure"
    ),
    Right.RESTRICTION: LocalizedText(
        fi="oikeus käsittelyn rajoittamiseen",
        sv="rätt till begränsning av behandling",
        en="right to restriction of processing",
    ),
    Right.NOTIFICATION: LocalizedText(
        fi="ilmoitusvelvollisuus oikaisusta, poistosta ja rajoituksesta",
        sv="anmälningsskyldighet vid rättelse, radering och begränsning",
        en="notification of rectification, erasure or restriction",
    ),
    Right.PORTABILITY: LocalizedText(
        fi="oikeus siirtää tiedot järjestelmästä toiseen",
        sv="rätt till dataportabilitet",
        en="right to data portability",
    ),
    Right.OBJECT: LocalizedText(
        fi="oikeus vastustaa käsittelyä", sv="rätt att göra invändningar", en="right to object"
    ),
    Right.AUTOMATED_DECISIONS: LocalizedText(
        fi="oikeus olla joutumatta automaattisen päätöksenteon kohteeksi",
        sv="rätt att inte bli föremål för automatiserat beslutsfattande",
        en="right not to be subject to automated decision-making",
    ),
    Right.WITHDRAW_CONSENT: LocalizedText(
        fi="oikeus peruuttaa suostumus",
        sv="rätt att återkalla samtycke",
        en="right to withdraw consent",
    ),
    Right.COMPLAINT: LocalizedText(
        fi="oikeus tehdä valitus valvontaviranomaiselle",
        sv="rätt att lämna in klagomål till en tillsynsmyndighet",
        en="right to lodge a complaint with a supervisory authority",
    ),
}
