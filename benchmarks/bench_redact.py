"""Masking identity codes in free text: ``hetu.redact`` against a canonical-only regex.

Run: python benchmarks/bench_redact.py [--rounds N]

``hetu.redact`` runs on every message, repr and report the library makes, so
it must stay cheap. It uses the one recogniser of every spelling
(``rekisteri._spellings``: dashes, gaps, fullwidth digits, dates with
separators, no sign). The baseline, timed interleaved in the same run, is
one regular-expression substitution that masks only the canonical spelling
(``[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-Y]``): the ratio is what every other
spelling costs on top. Three inputs:

* 1 MB of mixed text: words, telephone numbers, dates, versions, Y-tunnus,
  IBAN, amounts, with 1 % of the words a generated code (temporary numbers);
* the same text with every digit removed (prose: the common message);
* 60,000 short messages (three kinds, as the CLI makes them), one call each.
"""

from __future__ import annotations

import argparse
import functools
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _util import race

from rekisteri._spellings import mask_codes
from rekisteri.identifiers import hetu
from rekisteri.testing import synthetic_hetus

_CANONICAL = re.compile(r"([0-9]{6}[-+A-FU-Y])[0-9]{3}[0-9A-Y]")
_WORDS = [
    *("rekisterinpitäjä", "asiakas", "tilaus", "puh.", "040", "123", "4567", "versio"),
    *("1.2.3", "päivä", "2026-11-25", "Y-tunnus", "1234567-8", "IBAN", "FI21", "1234"),
    *("5600", "0007", "85", "summa", "12,50", "€", "klo", "12.30", "viite", "123456"),
]
_MESSAGES = (
    "column 'hetu' not found; the header has: 'name', 'email', 'phone'",
    "row 12: wrong check character: 131052-****",
    "hetu: check character does not match (at index 10)",
)


def canonical_only(text: str) -> str:
    """The baseline: mask the canonical spelling alone."""
    return _CANONICAL.sub(r"\1****", text)


def mixed_text(size: int = 1_000_000) -> str:
    """About *size* characters of words, numbers and 1 % generated codes."""
    rng = random.Random(1)
    codes = list(synthetic_hetus(2000, seed=3))
    parts: list[str] = []
    length = 0
    while length < size:
        word = codes[len(parts) % len(codes)] if rng.random() < 0.01 else rng.choice(_WORDS)
        parts.append(word)
        length += len(word) + 1
    return " ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    mixed = mixed_text()
    prose = "".join(c for c in mixed if not c.isdigit())
    assert hetu.redact(prose) == prose
    masked = hetu.redact(mixed)
    assert masked.count("****") >= canonical_only(mixed).count("****")  # every code, at least

    def messages(redact: object) -> None:
        assert callable(redact)
        for _ in range(20_000):
            for message in _MESSAGES:
                redact(message)

    cases = {
        "1 MB mixed text": mixed,
        f"{len(prose) / 1e6:.2f} MB prose without digits": prose,
    }
    for name, text in cases.items():
        best = race(
            {
                "canonical": functools.partial(canonical_only, text),
                "redact": functools.partial(hetu.redact, text),
                "mask_codes": functools.partial(mask_codes, text),
            },
            rounds=args.rounds,
        )
        base = best["canonical"]
        print(
            f"{name}: canonical-only {base * 1000:.1f} ms; "
            f"hetu.redact {best['redact'] * 1000:.1f} ms ({best['redact'] / base:.2f}x); "
            f"mask_codes {best['mask_codes'] * 1000:.1f} ms ({best['mask_codes'] / base:.2f}x)"
        )
    best = race(
        {"canonical": lambda: messages(canonical_only), "redact": lambda: messages(hetu.redact)},
        rounds=args.rounds,
    )
    calls = 20_000 * len(_MESSAGES)
    print(
        f"{calls:,} short messages: canonical-only {best['canonical'] / calls * 1e6:.2f} us, "
        f"hetu.redact {best['redact'] / calls * 1e6:.2f} us per call "
        f"({best['redact'] / best['canonical']:.2f}x)"
    )


if __name__ == "__main__":
    main()
