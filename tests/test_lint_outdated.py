"""Tests for the outdated-reference table and :func:`rekisteri.lint.find_outdated`."""

from __future__ import annotations

import itertools
import pickle
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri.errors import InvalidValueError, RekisteriError
from rekisteri.lint import (
    CODES,
    OUTDATED_REFERENCES,
    Finding,
    OutdatedMatch,
    Severity,
    UnknownLocaleError,
    find_outdated,
    outdated_finding,
)
from rekisteri.lint._outdated import _find
from rekisteri.model import Lang

if TYPE_CHECKING:
    from collections.abc import Callable

# The legacy notices of the project corpus, copied into the repository as test data.
CORPUS = Path(__file__).parent / "fixtures" / "legacy"

#: (text, the matched text, its code): inflected Finnish forms and Swedish names.
FOUND = [
    ("Henkilötietolaki (523/1999) on kumottu.", "Henkilötietolaki (523/1999)", "R301"),
    ("käsitellään henkilötietolain sallimissa rajoissa", "henkilötietolain", "R301"),
    ("kuten henkilötietolaissa säädetään", "henkilötietolaissa", "R301"),
    ("viitataan henkilötietolakiin", "henkilötietolakiin", "R301"),
    ("henkilötietolailla on", "henkilötietolailla", "R301"),
    ("HetiL:n mukaan", "HetiL", "R301"),
    ("laki 523/1999", "523/1999", "R301"),
    ("laki 523/99", "523/99", "R301"),
    ("enligt personuppgiftslagen", "personuppgiftslagen", "R301"),
    ("henkilötietolain 10 §:n mukainen rekisteriseloste", None, "R302"),
    ("HetiL 10 §", "HetiL 10 §", "R302"),
    ("10 §:n mukainen rekisteriseloste", "10 §:n mukainen rekisteriseloste", "R302"),
    ("henkilötietolain (523/1999) 24 §:n mukaisesti", "henkilötietolain (523/1999) 24 §:n", "R303"),
    ("henkilötietolain 26 §", "henkilötietolain 26 §", "R304"),
    ("henkilötietolain 26–28 §:ssä", "henkilötietolain 26–28 §:ssä", "R304"),
    ("henkilötietolain 29 pykälän", "henkilötietolain 29 pykälän", "R305"),
    ("HetiL 30 §", "HetiL 30 §", "R306"),
    ("henkilörekisterilain mukaan", "henkilörekisterilain", "R307"),
    ("laki 471/1987", "471/1987", "R307"),
    ("Rekisteriseloste", "Rekisteriseloste", "R308"),
    ("tässä rekisteriselosteessa mainitut", "rekisteriselosteessa", "R308"),
    ("Muutokset tähän rekisteriselosteeseen", "rekisteriselosteeseen", "R308"),
    ("rekisteriselosteen päivitys", "rekisteriselosteen", "R308"),
    ("Rekisteri- ja tietosuojaseloste", "Rekisteri- ja tietosuojaseloste", "R308"),
    ("Registerbeskrivning för kundregistret", "Registerbeskrivning", "R308"),
    (
        "sähköisen viestinnän tietosuojalain mukaisesti",
        "sähköisen viestinnän tietosuojalain",
        "R309",
    ),
    ("Sähköisen viestinnän tietosuojalaki (516/2004)", None, "R309"),
    ("SVTSL 7 §", "SVTSL", "R309"),
    ("lagen om dataskydd vid elektronisk kommunikation", None, "R309"),
    ("tietoyhteiskuntakaaren 205 §", "tietoyhteiskuntakaaren", "R310"),
    ("informationssamhällsbalken", "informationssamhällsbalken", "R310"),
    ("Viestintäviraston määräysten", "Viestintäviraston", "R311"),
    ("ilmoitettiin Viestintävirastolle", "Viestintävirastolle", "R311"),
    ("FICORA", "FICORA", "R311"),
    ("Kommunikationsverkets föreskrifter", "Kommunikationsverkets", "R311"),
    ("Väestörekisterikeskuksen osoitepalvelu", "Väestörekisterikeskuksen", "R312"),
    ("VRK:n varmenne", "VRK", "R312"),
    ("maistraatista", "maistraatista", "R312"),
    ("kerran vuodessa maksutta", "kerran vuodessa maksutta", "R313"),
    ("Tarkastuspyyntö on allekirjoitettava.", "allekirjoitettava", "R313"),
    ("antaa kirjallisen todistuksen", "kirjallisen todistuksen", "R314"),
    ("tietosuojavaltuutetun ratkaistavaksi", "tietosuojavaltuutetun ratkaistavaksi", "R314"),
    ("Rekisteröidyllä on kielto-oikeus", "kielto-oikeus", "R315"),
    ("on oikeus kieltää tietojensa käyttö", "oikeus kieltää", "R315"),
    ("Tietoja ei siirretä, ellei se ole tarpeellista.", "ellei se ole tarpeellista", "R316"),
    ("Tietoja ei siirretä EU:n ulkopuolelle.", "EU:n ulkopuolelle", "R317"),
    ("Euroopan Unionin ulkopuolelle", "Euroopan Unionin ulkopuolelle", "R317"),
    ("Rekisteri on ilmoitettu tietosuojavaltuutetulle.", None, "R318"),
    ("EU-U.S. Privacy Shield", "Privacy Shield", "R319"),
]

#: Texts that must not be flagged: current names, look-alikes, historical mentions.
NOT_FOUND = [
    "Liikenne- ja viestintävirasto Traficom",
    "Transport- och kommunikationsverket Traficom",
    "henkilötietolainsäädäntö muuttui",
    "säilytetään 1 vrk",
    "Tietosuojaseloste (ent. rekisteriseloste)",
    "tietosuojaseloste, entinen rekisteriseloste",
    "Tiedot säilytetään, ellei pidempi säilytys ole tarpeellista.",
    "Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.",
    "EU:n ja ETA:n ulkopuolelle",
    "laki sähköisen viestinnän palveluista (917/2014)",
    "tietosuojalaki (1050/2018)",
    "Digi- ja väestötietovirasto",
    "tietosuojaseloste",
]


def _odd_letters(text: str) -> str:
    """Letters that re.IGNORECASE takes for i, s and k: dotless i, long s, Kelvin sign."""
    return text.replace("i", "ı").replace("s", "ſ").replace("k", "\u212a")


CASES: list[Callable[[str], str]] = [str, str.upper, str.lower, str.title, _odd_letters]


class TestTable:
    def test_codes_are_unique_and_in_the_r3_group(self) -> None:
        """Every outdated reference has its own R3xx code, in order."""
        codes = [reference.code for reference in OUTDATED_REFERENCES]
        assert codes == sorted(set(codes))
        assert all(re.fullmatch(r"R3[0-9]{2}", code) for code in codes)

    def test_every_code_is_in_the_catalog(self) -> None:
        """The catalog describes each outdated reference with its severity."""
        for reference in OUTDATED_REFERENCES:
            assert CODES[reference.code].severity is reference.severity
            assert CODES[reference.code].group == "outdated"

    def test_replacements_in_three_languages(self) -> None:
        """Each replacement is written in Finnish, Swedish and English."""
        for reference in OUTDATED_REFERENCES:
            assert reference.replacement.languages == (Lang.FI, Lang.SV, Lang.EN)

    def test_every_reference_is_tested(self) -> None:
        """The FOUND table exercises every reference of the linter."""
        assert {code for _, _, code in FOUND} == {r.code for r in OUTDATED_REFERENCES}


class TestFindOutdated:
    @pytest.mark.parametrize(("text", "matched", "code"), FOUND)
    def test_finds(self, text: str, matched: str | None, code: str) -> None:
        """The reference is found, in its inflected form, with its code."""
        found = find_outdated(text)
        assert code in [m.reference.code for m in found]
        match = next(m for m in found if m.reference.code == code)
        assert match.text == text[match.start : match.end]
        if matched is not None:
            assert match.text == matched

    @pytest.mark.parametrize("text", NOT_FOUND)
    def test_does_not_flag(self, text: str) -> None:
        """Current names, look-alike words and 'formerly ...' mentions are not flagged."""
        assert find_outdated(text) == []

    def test_section_wins_over_the_law(self) -> None:
        """``henkilötietolain 24 §`` is one match of the section, not of the law."""
        [match] = find_outdated("henkilötietolain 24 §:n mukaisesti")
        assert match.reference.code == "R303"

    def test_several_in_one_text(self) -> None:
        """All references in one text are found, in order of position."""
        text = (
            "Tiedot on suojattu sähköisen viestinnän tietosuojalain ja ilmaisemien "
            "periaatteiden sekä Viestintäviraston määräysten mukaisesti."
        )
        assert [(m.text, m.reference.code) for m in find_outdated(text)] == [
            ("sähköisen viestinnän tietosuojalain", "R309"),
            ("Viestintäviraston", "R311"),
        ]

    def test_empty(self) -> None:
        """An empty text has no findings."""
        assert find_outdated("") == []

    @given(
        st.lists(
            st.sampled_from([text for text, _, _ in FOUND] + NOT_FOUND + [" ", ". ", "x"]),
            max_size=12,
        ).map("".join)
    )
    def test_ordered_and_non_overlapping(self, text: str) -> None:
        """Matches are ordered by start, never overlap, and slice the text exactly."""
        found = find_outdated(text)
        for match in found:
            assert isinstance(match, OutdatedMatch)
            assert match.text == text[match.start : match.end]
            assert match.start < match.end
        for before, after in itertools.pairwise(found):
            assert before.end <= after.start

    @given(
        st.lists(
            st.sampled_from([text for text, _, _ in FOUND] + NOT_FOUND) | st.text(max_size=20),
            max_size=8,
        ).map(" ".join),
        st.sampled_from(CASES),
    )
    def test_prefilter_changes_nothing(self, text: str, case: Callable[[str], str]) -> None:
        """The keyword pre-filter gives the same matches as trying every pattern."""
        text = case(text)
        assert find_outdated(text) == _find(text, prefilter=False)

    def test_keywords_are_casefolded(self) -> None:
        """Keywords are compared with the casefolded text, so they are casefolded too."""
        for reference in OUTDATED_REFERENCES:
            assert reference.keywords
            assert all(k == k.casefold() for k in reference.keywords)

    @pytest.mark.parametrize(
        "text",
        [
            "HENKILÖTIETOLAIN",
            "VIESTINTÄVIRASTO",
            "Rekisteriseloste",
            "henkılötietolain",
            "Viestintäviraſto",
            "\u212aielto-oikeus",
        ],
    )
    def test_any_case(self, text: str) -> None:
        """Upper-case forms and letters that re.IGNORECASE equates are found too."""
        assert len(find_outdated(text)) == 1

    @given(st.text(max_size=200))
    def test_any_text(self, text: str) -> None:
        """Any text can be searched; matches slice it exactly."""
        for match in find_outdated(text):
            assert match.text == text[match.start : match.end]


class TestFinding:
    def test_fields(self) -> None:
        """A finding keeps its code, severity, path and message."""
        finding = Finding("I001", Severity.WARNING, "controller.name", "viesti")
        assert finding.as_dict() == {
            "code": "I001",
            "severity": "warning",
            "path": "controller.name",
            "message": "viesti",
        }

    @pytest.mark.parametrize("code", ["R1", "r101", "R1011", "", "R10a", "R١٠١"])
    def test_bad_code(self, code: str) -> None:
        """A code is an upper-case letter and three ASCII digits."""
        with pytest.raises(InvalidValueError):
            Finding(code, Severity.ERROR, "path", "message")

    def test_bad_severity(self) -> None:
        """The severity is a Severity, not a string."""
        with pytest.raises(TypeError):
            Finding("R101", "error", "path", "message")  # type: ignore[arg-type] # on purpose

    def test_empty_path(self) -> None:
        """A finding always says where."""
        with pytest.raises(InvalidValueError):
            Finding("R101", Severity.ERROR, " ", "message")

    def test_severity_rank(self) -> None:
        """Errors rank before warnings, warnings before info."""
        assert sorted(Severity, key=lambda s: s.rank) == [
            Severity.ERROR,
            Severity.WARNING,
            Severity.INFO,
        ]


class TestOutdatedFinding:
    @pytest.mark.parametrize("locale", ["fi", "sv", "en"])
    def test_message_names_the_text_and_the_replacement(self, locale: str) -> None:
        """The message quotes what was found and says what to use instead."""
        [match] = find_outdated("Viestintäviraston ohjeet")
        finding = outdated_finding(match, "security[0].description.fi", locale=locale)
        assert finding.code == "R311"
        assert finding.path == "security[0].description.fi"
        assert "Viestintäviraston" in finding.message
        assert "Traficom" in finding.message

    def test_unknown_locale(self) -> None:
        """An unknown locale is a typed error that is also a ValueError."""
        [match] = find_outdated("HetiL")
        with pytest.raises(UnknownLocaleError) as info:
            outdated_finding(match, "description.fi", locale="de")
        assert isinstance(info.value, RekisteriError)
        assert isinstance(info.value, ValueError)
        assert pickle.loads(pickle.dumps(info.value)).locale == "de"  # noqa: S301 - our own


class TestCorpus:
    @pytest.mark.parametrize(
        ("notice", "codes"),
        [
            ("notice-000-digicenter.txt", {"R308"}),
            ("notice-001-kotisivutaivas.txt", {"R309", "R311"}),
            ("notice-002-asiakasrekisteri-malli.txt", {"R301", "R313", "R314", "R316", "R317"}),
        ],
    )
    def test_corpus_notices(self, notice: str, codes: set[str]) -> None:
        """The outdated references of each legacy notice are found in its raw text."""
        text = (CORPUS / notice).read_text(encoding="utf-8")
        found = {match.reference.code for match in find_outdated(text)}
        assert codes <= found
