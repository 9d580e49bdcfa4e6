"""Retention planning: rekisteri.retention.plan over many records and ten rules.

Run: python benchmarks/bench_retention.py [--records N] [--rounds N]

The records are built once (not timed): ten data categories, each record with
a collection date, a last contact and one more trigger date drawn from about
fifteen years, 1 % on legal hold
and 1 % direct-marketing prohibitions. The ten rules are a realistic mix:
kirjanpitolaki 2:10 (books and vouchers), passivation at the end of the
customer relationship, last contact, consent withdrawal, a fixed date, two
rules that cover every category and one that cannot be computed.

The baseline is a bare loop that only reads the same records (the fields
``plan`` reads: id, category, dates, legal_hold). Both are timed
interleaved in one process; the figure printed is plan's records per second
and its time as a multiple of the bare loop. Linearity is shown by timing
plan on a tenth of the records as well.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _util import race

from rekisteri.model import Duration, LocalizedText, RetentionRule, RetentionTrigger
from rekisteri.retention import Record, kirjanpitolaki_2_10, plan

T = RetentionTrigger
CATEGORIES = [f"cat-{n}" for n in range(10)]
TODAY = date(2026, 6, 1)


def rules() -> list[RetentionRule]:
    books, vouchers = kirjanpitolaki_2_10(books=("cat-0",), vouchers=("cat-1", "cat-2"))
    return [
        books,
        vouchers,
        RetentionRule(
            data_categories=("cat-3", "cat-4"),
            period=Duration(years=1),
            trigger=T.END_OF_CUSTOMER_RELATIONSHIP,
            passivate=True,
        ),
        RetentionRule(data_categories=("cat-5",), period=Duration(years=3), trigger=T.LAST_CONTACT),
        RetentionRule(
            data_categories=("cat-6",), period=Duration(months=1), trigger=T.CONSENT_WITHDRAWAL
        ),
        RetentionRule(
            data_categories=("cat-7",),
            period=Duration(days=30),
            trigger=T.FIXED_DATE,
            fixed_date=date(2025, 1, 1),
        ),
        RetentionRule(period=Duration(months=6), trigger=T.COLLECTION),
        RetentionRule(period=Duration(years=2, days=14), trigger=T.LAST_CONTACT),
        RetentionRule(
            data_categories=("cat-8", "cat-3"),
            period=Duration(years=5),
            trigger=T.END_OF_FINANCIAL_YEAR,
        ),
        RetentionRule(
            data_categories=("cat-9",),
            description=LocalizedText(fi="Säilytetään toistaiseksi."),
        ),
    ]


def records(count: int, seed: int = 7) -> list[Record]:
    rng = random.Random(seed)
    first = date(2012, 1, 1)
    triggers = [t for t in T if t is not T.FIXED_DATE]
    made = []
    for n in range(count):
        collected = first + timedelta(days=rng.randrange(10 * 365))
        dates = {
            T.COLLECTION: collected,
            T.LAST_CONTACT: collected + timedelta(days=rng.randrange(5 * 365)),
            rng.choice(triggers): first + timedelta(days=rng.randrange(15 * 365)),
        }
        roll = rng.random()
        made.append(
            Record(
                id=f"rec-{n}",
                category=CATEGORIES[n % 10],
                dates=dates,
                legal_hold="litigation" if roll < 0.01 else None,
                marketing_prohibition=0.01 <= roll < 0.02,
            )
        )
    return made


def bare(data: list[Record]) -> int:
    seen = 0
    for record in data:
        _ = (record.id, record.category, record.dates, record.legal_hold)
        seen += 1
    return seen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    data = records(args.records)
    tenth = data[: args.records // 10]
    ruleset = rules()
    kinds: dict[str, int] = {}
    for action in plan(data, ruleset, today=TODAY):
        kinds[action.kind.value] = kinds.get(action.kind.value, 0) + 1
    print(f"{args.records:,} records, {len(ruleset)} rules; actions: {kinds}")
    best = race(
        {
            "bare": lambda: bare(data),
            "plan": lambda: plan(data, ruleset, today=TODAY),
            "plan-tenth": lambda: plan(tenth, ruleset, today=TODAY),
        },
        rounds=args.rounds,
    )
    per_second = args.records / best["plan"]
    print(f"plan: {best['plan']:.2f} s, {per_second:,.0f} records/s")
    print(f"bare read loop: {best['bare']:.3f} s, {args.records / best['bare']:,.0f} records/s")
    print(f"plan / bare loop: {best['plan'] / best['bare']:.1f}x the time")
    print(
        f"linearity: plan(all) / plan(tenth) = {best['plan'] / best['plan-tenth']:.1f}"
        " (10 is linear)"
    )


if __name__ == "__main__":
    main()
