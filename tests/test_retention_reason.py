"""A passivated record's reason names the rule that keeps it, not only the one that passivates it.

A11's M13: with a passivating rule that ran out and a longer rule still running,
the day was the longer rule's and the sentence named the passivating one.
"""

from __future__ import annotations

from datetime import date

from rekisteri.model import Duration, RetentionRule
from rekisteri.model import RetentionTrigger as Trigger
from rekisteri.retention import Record, plan

PASSIVATING = RetentionRule(
    data_categories=("contact",),
    period=Duration(years=1),
    trigger=Trigger.END_OF_CUSTOMER_RELATIONSHIP,
    passivate=True,
)
LONGER = RetentionRule(
    data_categories=("contact",), period=Duration(years=3), trigger=Trigger.LAST_CONTACT
)


def test_the_longer_rule_that_keeps_the_record_is_named() -> None:
    record = Record(
        id="a",
        category="contact",
        dates={
            Trigger.END_OF_CUSTOMER_RELATIONSHIP: date(2024, 3, 1),
            Trigger.LAST_CONTACT: date(2024, 6, 1),
        },
    )
    (action,) = plan([record], [PASSIVATING, LONGER], today=date(2025, 9, 1))
    assert action.kind.value == "passivate"
    assert action.rule == PASSIVATING
    assert action.kept_by == LONGER
    assert action.reason == "passivate now; kept until 2027-06-01 by 3 y from last_contact"


def test_the_passivating_rule_is_named_when_it_keeps_the_record_longest() -> None:
    record = Record(
        id="b", category="contact", dates={Trigger.END_OF_CUSTOMER_RELATIONSHIP: date(2025, 3, 1)}
    )
    (action,) = plan([record], [PASSIVATING], today=date(2025, 9, 1))
    assert action.reason == (
        "passivate now; kept until 2026-03-01 by 1 y from end_of_customer_relationship"
    )


def test_a_pending_trigger_says_the_day_is_not_known_yet() -> None:
    record = Record(
        id="c", category="contact", dates={Trigger.END_OF_CUSTOMER_RELATIONSHIP: date(2025, 3, 1)}
    )
    (action,) = plan([record], [PASSIVATING, LONGER], today=date(2025, 9, 1))
    assert action.until is None
    assert "?" not in action.reason
    assert action.reason.startswith("passivate now by 1 y from end_of_customer_relationship")
