"""Train the importer's register-name ranker (``rekisteri.importer._name_ranker``) on dev.

Run: python benchmarks/train_name_ranker.py          (writes _name_weights.py)
     python benchmarks/train_name_ranker.py --check  (exit 1 if the file differs)
     python benchmarks/train_name_ranker.py --cv     (5-fold cross-validation on dev)

The training material is the development fixtures only
(``tests/fixtures/legacy/dev/*`` with their ``*.expected.toml``); the held-out
fixtures are never read. Each fixture's candidates (phrases of its first lines
that could be the register's name) are labelled by whether they equal the
expected name (in any of its languages, case and spacing aside); a fixture
whose expected draft has no name gives only negative examples. The model is a
logistic regression over the candidates' binary features, fitted by batch
gradient descent with an L2 penalty, a fixed number of steps from zero: the
output is deterministic.

``--cv`` trains on four fifths of the fixtures (every fifth one in sorted
order held back in turn) and lets the model name the held-back fifth: for each
threshold it prints how many fixtures get a name, how many of those are right,
and how many fire where the expected draft has none or where the rules found
none. Its figures chose ``THRESHOLD``: the one with the most right names less
:data:`WRONG_COST` times the wrong ones (a wrong name costs more than none: the
user must find it and write the right one). The ranker refuses when another line's different name
also reaches the threshold (a list of registers), in the cross-validation as
in the importer.
"""

from __future__ import annotations

import math
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from rekisteri.importer import import_bytes
from rekisteri.importer._name_ranker import Candidate, candidates, choose

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "legacy" / "dev"
OUT = ROOT / "src" / "rekisteri" / "importer" / "_name_weights.py"
FOLDS = 5
STEPS = 400
RATE = 0.5
L2 = 0.01
WRONG_COST = 2
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


class Fixture(NamedTuple):
    name: str
    wanted: frozenset[str]
    rules_found: bool
    candidates: list[tuple[Candidate, bool]]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def fixtures() -> list[Fixture]:
    """Each dev fixture: its expected names, whether the rules named it, its candidates."""
    out = []
    for notice in sorted(DEV.iterdir()):
        expected = notice.with_name(notice.stem + ".expected.toml")
        if notice.suffix not in {".txt", ".html"} or not expected.is_file():
            continue
        name = tomllib.loads(expected.read_text(encoding="utf-8")).get("name")
        wanted = frozenset(
            _norm(v) for v in (name.values() if isinstance(name, dict) else [name] if name else [])
        )
        # the rules alone (model=False: neither learnt reader), so that "the rules named it"
        # never counts the ranker's own names
        result = import_bytes(notice.read_bytes(), source_name=notice.name, model=False)
        labelled = [(c, _norm(c.name) in wanted) for c in candidates(result.text)]
        out.append(Fixture(notice.name, wanted, result.draft.name is not None, labelled))
    return out


def train(data: list[Fixture]) -> dict[str, float]:
    """Logistic regression weights over the candidates of *data*."""
    # the same features and label, counted once with their number (the features are coarse)
    examples = Counter((c.features, label) for fixture in data for c, label in fixture.candidates)
    total_count = sum(examples.values())
    names = sorted({f for features, _ in examples for f in features})
    weights = dict.fromkeys(["bias", *names], 0.0)
    positives = sum(n for (_, label), n in examples.items() if label) or 1
    balance = (total_count - positives) / positives  # weigh the rare positives up
    for _ in range(STEPS):
        gradient = dict.fromkeys(weights, 0.0)
        for (features, label), count in sorted(examples.items()):
            total = weights["bias"] + sum(weights[f] for f in features)
            error = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total)))) - label
            error *= count * (balance if label else 1.0)
            gradient["bias"] += error
            for f in features:
                gradient[f] += error
        for key in weights:
            penalty = L2 * weights[key] if key != "bias" else 0.0
            weights[key] -= RATE * (gradient[key] / total_count + penalty)
    return {key: round(value, 4) for key, value in weights.items() if abs(value) >= 1e-4}


def best(
    fixture: Fixture, weights: dict[str, float], threshold: float
) -> tuple[float, Candidate, bool] | None:
    """The name the ranker would give the fixture under *weights*, its score and if it is right."""
    chosen = choose([c for c, _ in fixture.candidates], weights, threshold)
    if chosen is None:
        return None
    right = dict(fixture.candidates)[chosen[1]]
    return chosen[0], chosen[1], right


def cross_validate(data: list[Fixture]) -> float:
    """Print the held-back folds' figures per threshold; return the threshold chosen."""
    weights_of = [
        train([f for i, f in enumerate(data) if i % FOLDS != fold]) for fold in range(FOLDS)
    ]
    reachable = sum(any(label for _, label in f.candidates) for f in data if f.wanted)
    print(
        f"fixtures {len(data)}, with a name {sum(bool(f.wanted) for f in data)}, "
        f"name among the candidates {reachable}"
    )
    chosen, best_gain = 1.0, 0
    tops: list[tuple[Fixture, tuple[float, Candidate, bool] | None]] = []
    for threshold in reversed(THRESHOLDS):
        tops = [(f, best(f, weights_of[i % FOLDS], threshold)) for i, f in enumerate(data)]
        fired = [(f, top) for f, top in tops if top is not None]
        right = sum(top[2] for _, top in fired)
        no_name = sum(not f.wanted for f, _ in fired)
        unnamed = [(f, top) for f, top in fired if not f.rules_found]
        print(
            f"threshold {threshold:.2f}: named {len(fired)}, right {right}, "
            f"where none is expected {no_name}; where the rules found none: "
            f"named {len(unnamed)}, right {sum(top[2] for _, top in unnamed)}"
        )
        gain = right - WRONG_COST * (len(fired) - right)
        if gain > best_gain:
            chosen, best_gain = threshold, gain
    tops = [(f, best(f, weights_of[i % FOLDS], chosen)) for i, f in enumerate(data)]
    for f, top in tops:
        if top is not None and not f.rules_found:
            print(
                f"  rules none, ranker {top[0]:.2f} {'right' if top[2] else 'WRONG'}: "
                f"{f.name[:40]} -> {top[1].name}"
            )
    print(f"threshold chosen: {chosen}")
    return chosen


def render(weights: dict[str, float], threshold: float) -> str:
    lines = [
        '"""Weights of the register-name ranker (written by ``benchmarks/train_name_ranker.py``).',
        "",
        "Learnt on the development fixtures only; the threshold chosen by their",
        "cross-validation (``python benchmarks/train_name_ranker.py --cv``).",
        '"""',
        "",
        "from typing import Final",
        "",
        f"THRESHOLD: Final = {threshold}",
        "WEIGHTS: Final[dict[str, float]] = {",
        *(f'    "{key}": {value},' for key, value in sorted(weights.items())),
        "}",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    data = fixtures()
    threshold = cross_validate(data) if "--cv" in argv else None
    if threshold is None:
        threshold = float(
            OUT.read_text(encoding="utf-8").split("THRESHOLD: Final = ")[1].split()[0]
        )
    text = render(train(data), threshold)
    if "--check" in argv:
        return 0 if OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
