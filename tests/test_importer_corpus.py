"""The importer on real legacy notices and on hand-written fixtures.

Each notice in ``tests/fixtures/legacy/`` is imported and its draft is
compared with a register modelled by hand: for the corpus notices the lead's
``examples/*.toml``, for the fixtures ``tests/fixtures/legacy/expected/``.

Only the fields the issue names are compared: the controller (name, Y-tunnus,
address, contact), purposes, sources, retention and transfers. They are
normalised so that a difference in form is not counted as a difference in
content:

* texts: whitespace collapsed, case folded, a final full stop dropped;
* purposes: the set of names (keys are the modeller's English words and
  cannot be derived from a Finnish notice);
* sources: catalog sources by key; other sources by their ``data`` text, where
  the expected text must be the draft's text or a part of it (the examples
  sometimes quote only the part of a sentence after "käsittää"), and by
  count; their names and keys are the modeller's condensations, not the
  notice's words, and are not compared;
* retention: the statutes, the computable periods (period + trigger), and the
  sentences of all rules taken together (a modeller may group two paragraphs
  into one rule, the importer keeps one rule per paragraph);
* transfers: whether "no transfers" is stated, and the transfer sentences.

Where the hand-modelled register makes a choice that an importer cannot
reproduce from the text, the difference is listed in ``KNOWN_DIFFERENCES``
with its reason, and the test checks that exactly that difference remains.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import pytest

from rekisteri.importer import ImportResult, import_bytes
from rekisteri.model import NoneStated, Register
from rekisteri.serialize import load_register
from rekisteri.sources import CATALOG

ROOT: Final = Path(__file__).resolve().parent.parent
LEGACY: Final = ROOT / "tests" / "fixtures" / "legacy"

CASES: Final = {
    "notice-000-digicenter.txt": ROOT / "examples" / "digicenter.toml",
    "notice-001-kotisivutaivas.txt": ROOT / "examples" / "kotisivutaivas.toml",
    "notice-002-asiakasrekisteri-malli.txt": ROOT / "examples" / "asiakasrekisteri-malli.toml",
    "fixture-100-numbered-model-form.txt": LEGACY
    / "expected"
    / "fixture-100-numbered-model-form.toml",
    "fixture-101-html-table.html": LEGACY / "expected" / "fixture-101-html-table.toml",
    "fixture-102-free-prose.txt": LEGACY / "expected" / "fixture-102-free-prose.toml",
    "fixture-103-word-export.txt": LEGACY / "expected" / "fixture-103-word-export.toml",
    "fixture-104-registerbeskrivning-sv.txt": (
        LEGACY / "expected" / "fixture-104-registerbeskrivning-sv.toml"
    ),
    "fixture-105-pdf-paste.txt": LEGACY / "expected" / "fixture-105-pdf-paste.toml",
    "fixture-106-html-lists-table.html": LEGACY / "expected" / "fixture-106-html-lists-table.toml",
}

#: Purposes of an example that the importer does not find, and why.
KNOWN_DIFFERENCES: Final = {
    "notice-002-asiakasrekisteri-malli.txt": {
        # The notice says "Yrityksellä on oikeus julkaista asiakasrekisterin
        # sisältämiä tietoja ... luettelona": a right of the firm, written with
        # a verb. The example turns it into a purpose by nominalising the verb
        # ("Tietojen julkaiseminen ... luettelona"); the importer only reads
        # purposes from "käytetään / voidaan käyttää / käyttötarkoitus on"
        # lists, and keeps these sentences in the register description.
        "missing purposes": {"tietojen julkaiseminen sähköisenä tai kirjallisena luettelona"},
    },
}

#: Outdated references in each notice, found by reading it against DOMAIN.md 3.6.
OUTDATED: Final = {
    "notice-000-digicenter.txt": [
        "rekisteriseloste", "Rekisteriseloste", "rekisteriselosteessa", "rekisteriselosteeseen",
    ],
    "notice-001-kotisivutaivas.txt": ["sähköisen viestinnän tietosuojalain", "Viestintäviraston"],
    "notice-002-asiakasrekisteri-malli.txt": [
        "henkilötietolain",
        "Euroopan Unionin ulkopuolelle",
        "allekirjoitettava",
        "kirjallisen todistuksen",
        "tietosuojavaltuutetun ratkaistavaksi",
        "oikeus kieltää",
    ],
    "fixture-100-numbered-model-form.txt": [
        "HENKILÖTIETOLAIN (523/1999) 10 §:N MUKAINEN REKISTERISELOSTE",
        "Väestörekisterikeskuksen",
        "kerran vuodessa maksutta",
        "allekirjoitettava",
    ],
    "fixture-101-html-table.html": ["Henkilötietolain (523/1999)", "Viestintäviraston"],
    "fixture-102-free-prose.txt": [],
    "fixture-103-word-export.txt": ["REKISTERI- JA TIETOSUOJASELOSTE"],
    "fixture-104-registerbeskrivning-sv.txt": [
        "REGISTERBESKRIVNING", "Personuppgiftslagen", "523/1999",
    ],
    "fixture-105-pdf-paste.txt": [],
    "fixture-106-html-lists-table.html": [],
}  # fmt: skip


def norm(text: object) -> str:
    return " ".join(str(text).split()).casefold().rstrip(".")


def sentences(text: object) -> list[str]:
    return [norm(s) for s in re.split(r"(?<=[.!?])\s+", " ".join(str(text).split())) if s]


def controller(register: Register) -> dict[str, object]:
    c = register.controller
    address = c.address
    contact = c.contact
    return {
        "name": c.name,
        "business_id": c.business_id,
        # a post town printed in capitals ("HYVINKÄÄ") is drafted as a word ("Hyvinkää"):
        # the case is not content
        "address": (address.street, address.postal_code, (address.town or "").casefold())
        if address
        else None,
        "email": contact.email if contact else None,
        "phone": contact.phone if contact else None,
    }


def purposes(register: Register) -> set[str]:
    return {norm(p.name.fi) for p in register.purposes}


def catalog_sources(register: Register) -> set[str]:
    return {s.key for s in register.sources if CATALOG.get(s.key) == s}


def other_sources(register: Register) -> list[str]:
    return sorted(norm(s.data) for s in register.sources if CATALOG.get(s.key) != s)


def retention(register: Register) -> dict[str, object]:
    return {
        "statutes": sorted(r.statute for r in register.retention if r.statute),
        "periods": sorted((str(r.period), str(r.trigger)) for r in register.retention if r.period),
        "sentences": sorted(s for r in register.retention for s in sentences(r.description)),
    }


def transfers(register: Register) -> dict[str, object]:
    return {
        "none_stated": NoneStated.TRANSFERS in register.none_stated,
        "sentences": sorted(norm(t.description) for t in register.transfers),
    }


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> tuple[str, ImportResult, Register]:
    name: str = request.param
    result = import_bytes((LEGACY / name).read_bytes(), source_name=name)
    return name, result, load_register(CASES[name])


class TestAgainstHandModelled:
    def test_controller(self, case: tuple[str, ImportResult, Register]) -> None:
        """The controller's name, Y-tunnus, address and contact are those of the hand model."""
        _, result, expected = case
        assert controller(result.draft) == controller(expected)

    def test_purposes(self, case: tuple[str, ImportResult, Register]) -> None:
        """The purposes have the hand model's names, apart from the documented differences."""
        name, result, expected = case
        missing = KNOWN_DIFFERENCES.get(name, {}).get("missing purposes", set())
        assert missing <= purposes(expected)
        assert purposes(result.draft) == purposes(expected) - missing

    def test_sources(self, case: tuple[str, ImportResult, Register]) -> None:
        """Catalog sources match by key; other sources by their text, one for one."""
        _, result, expected = case
        assert catalog_sources(result.draft) == catalog_sources(expected)
        got, want = other_sources(result.draft), other_sources(expected)
        assert len(got) == len(want)
        for text in want:
            assert sum(text in candidate for candidate in got) == 1, text

    def test_retention(self, case: tuple[str, ImportResult, Register]) -> None:
        """Retention: the same statutes, periods and sentences."""
        _, result, expected = case
        assert retention(result.draft) == retention(expected)

    def test_transfers(self, case: tuple[str, ImportResult, Register]) -> None:
        """Transfers: "none" stated or the same transfer sentences."""
        _, result, expected = case
        assert transfers(result.draft) == transfers(expected)

    def test_outdated_references_reported(self, case: tuple[str, ImportResult, Register]) -> None:
        """Every outdated reference in the notice has an R3xx finding at its place."""
        name, result, _ = case
        places = [
            tuple(map(int, re.findall(r"[0-9]+", f.path)))
            for f in result.findings
            if f.code.startswith("R3") and f.path.startswith("text[")
        ]
        for snippet in OUTDATED[name]:
            pattern = r"\s+".join(map(re.escape, snippet.split()))
            hits = list(re.finditer(pattern, result.text))
            assert hits, snippet
            for hit in hits:
                assert any(s < hit.end() and hit.start() < e for s, e in places), snippet

    def test_coverage(self, case: tuple[str, ImportResult, Register]) -> None:
        """At least 90 % of the non-blank characters are mapped to fields."""
        _, result, _ = case
        assert result.coverage >= 0.9


class TestFixtureSpecifics:
    def test_invalid_ytunnus_reported(self) -> None:
        """The mistyped Y-tunnus of the Word export is reported (I002), not put in the draft."""
        result = import_bytes((LEGACY / "fixture-103-word-export.txt").read_bytes())
        assert [f.code for f in result.findings if f.code == "I002"] == ["I002"]
        assert result.draft.controller.business_id is None

    def test_guessed_encoding_reported(self) -> None:
        """A Windows-1252 file is read correctly and the guess is reported (I008)."""
        result = import_bytes((LEGACY / "fixture-101-html-table.html").read_bytes())
        assert result.encoding == "cp1252"
        assert result.findings[0].code == "I008"
        assert result.draft.controller.address is not None
        assert result.draft.controller.address.town == "Jyväskylä"

    def test_script_is_not_text(self) -> None:
        """The content of a <script> in the HTML fixture is not part of the text."""
        result = import_bytes((LEGACY / "fixture-101-html-table.html").read_bytes())
        assert result.is_html
        assert "ei tekstiä" not in result.text
