"""Notices in Swedish and English: place names, postal forms, country names.

A Swedish notice writes a Finnish address with the Swedish name of a bilingual
municipality and ``PB`` for a post-office box; an English one writes
``P.O. Box``; countries are named in the notice's language.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Final

import attrs
import pytest
from babel.messages.pofile import read_po

from rekisteri import sources
from rekisteri.errors import InvalidValueError
from rekisteri.lint import texts as lint_texts
from rekisteri.model import (
    DATA_PROTECTION_OMBUDSMAN,
    Address,
    ContactPoint,
    Lang,
    LegalBasis,
    LocalizedText,
    Register,
    Right,
)
from rekisteri.places import SWEDISH_NAMES, Place, street_line, town_name
from rekisteri.render import render_notice, render_record
from rekisteri.render._i18n import DOMAIN, LOCALE_DIR
from rekisteri.serialize import load_register
from rekisteri.testing import a_register


class TestPlaces:
    @pytest.mark.parametrize("place", list(SWEDISH_NAMES.values()), ids=lambda p: p.fi)
    def test_every_place_both_ways(self, place: Place) -> None:
        """Each Finnish name gives its Swedish name in sv, and the Swedish name its Finnish."""
        fi, sv = place.fi, place.sv
        assert town_name(fi, "sv") == sv
        assert town_name(fi, "en") == fi
        assert town_name(fi, Lang.FI) == fi
        if sv != fi:
            assert town_name(sv, "fi") == fi

    def test_pairs_asked_for_by_the_issue(self) -> None:
        """The bilingual municipalities the issue names have their Swedish names."""
        expected = {
            "Helsinki": "Helsingfors",
            "Espoo": "Esbo",
            "Vantaa": "Vanda",
            "Turku": "Åbo",
            "Vaasa": "Vasa",
            "Porvoo": "Borgå",
            "Kauniainen": "Grankulla",
            "Raasepori": "Raseborg",
            "Tammisaari": "Ekenäs",
        }
        assert {fi: town_name(fi, "sv") for fi in expected} == expected

    def test_capitals_and_spacing(self) -> None:
        """A town in capitals (the postal style) stays in capitals; spaces around are ignored."""
        assert town_name("HELSINKI", "sv") == "HELSINGFORS"
        assert town_name(" Helsinki ", "sv") == "Helsingfors"
        assert town_name("VAASA", "sv") == "VASA"

    def test_unilingual_towns_keep_their_name(self) -> None:
        """A town that is not bilingual keeps its (Finnish) postal name in Swedish."""
        assert town_name("Hyvinkää", "sv") == "Hyvinkää"
        assert town_name("Tampere", "sv") == "Tampere"

    @pytest.mark.parametrize(
        ("street", "fi", "sv", "en"),
        [
            ("PL 800", "PL 800", "PB 800", "P.O. Box 800"),
            ("PL. 12", "PL 12", "PB 12", "P.O. Box 12"),
            ("pl 5", "PL 5", "PB 5", "P.O. Box 5"),
            ("PB 800", "PL 800", "PB 800", "P.O. Box 800"),
            ("Postilokero 3", "PL 3", "PB 3", "P.O. Box 3"),
            ("P.O. Box 7", "PL 7", "PB 7", "P.O. Box 7"),
            ("Lintulahdenkuja 4", "Lintulahdenkuja 4", "Lintulahdenkuja 4", "Lintulahdenkuja 4"),
            ("Plaza 5", "Plaza 5", "Plaza 5", "Plaza 5"),
        ],
    )
    def test_po_box(self, street: str, fi: str, sv: str, en: str) -> None:
        """A post-office box is PL / PB / P.O. Box; a street address stays as it is."""
        assert (
            street_line(street, "fi"),
            street_line(street, "sv"),
            street_line(street, "en"),
        ) == (
            fi,
            sv,
            en,
        )

    def test_unknown_language_is_a_typed_error(self) -> None:
        """An unknown language is the package's typed error."""
        with pytest.raises(InvalidValueError):
            town_name("Helsinki", "de")


class TestAddressesInNotices:
    @pytest.mark.parametrize(
        ("locale", "line"),
        [
            ("fi", "PL 800, 00531 Helsinki"),
            ("sv", "PB 800, 00531 Helsingfors"),
            ("en", "P.O. Box 800, 00531 Helsinki"),
        ],
    )
    def test_supervisory_authority(self, locale: str, line: str) -> None:
        """The Data Protection Ombudsman's postal address in each language."""
        assert line in render_notice(a_register(), locale=locale, format="text")

    def test_controller_address_in_swedish(self) -> None:
        """The controller's Helsinki address reads Helsingfors in Swedish, Helsinki otherwise."""
        register = a_register()
        assert "Esimerkkikatu 1, 00100 Helsingfors" in render_notice(
            register, locale="sv", format="md"
        )
        assert "Esimerkkikatu 1, 00100 Helsinki" in render_notice(
            register, locale="en", format="md"
        )

    def test_foreign_address_is_not_translated(self) -> None:
        """An address outside Finland keeps its words, and its country is named in the language."""
        base = a_register()
        contact = ContactPoint(
            name="Kundtjänst",
            address=Address(street="Box 123", postal_code="111 22", town="Stockholm", country="SE"),
        )
        register = a_register(contact_person=contact)
        assert base.contact_person is None
        text = render_notice(register, locale="sv", format="text")
        assert "Box 123, 111 22 Stockholm, Sverige" in text
        assert "Box 123, 111 22 Stockholm, Ruotsi" in render_notice(
            register, locale="fi", format="text"
        )
        assert "Box 123, 111 22 Stockholm, Sweden" in render_notice(
            register, locale="en", format="text"
        )


# ------------------------------------------------------- no unmarked Finnish in sv/en

EXAMPLES = Path(__file__).parent.parent / "examples"
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


_ADDRESS: Final = re.compile(r"\S+@\S+|https?://\S+|\b[\w.-]+\.(?:fi|com|net|org)\b")


def _words(text: str) -> set[str]:
    """The words of *text*, in lower case; e-mail and web addresses are not words."""
    return {word.casefold() for word in _WORD.findall(_ADDRESS.sub(" ", text))}


def _catalog_strings(lang: str) -> set[str]:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as f:
        catalog = read_po(f)
    words: set[str] = set()
    for message in catalog:
        for value in (message.id, message.string):
            for text in value if isinstance(value, tuple) else (value,):
                words |= _words(str(text or ""))
    return words


def _library_texts() -> list[LocalizedText]:
    """The texts the library itself supplies: catalog sources and categories, labels, the DPA."""
    found: list[LocalizedText] = [DATA_PROTECTION_OMBUDSMAN.name]
    found += [right.label for right in Right]
    found += [basis.label for basis in LegalBasis]
    for source in sources.CATALOG.values():
        found += [text for _path, text in _localized_of(source)]
    categories = importlib.import_module("rekisteri.categories") if _has_categories() else None
    if categories is not None:
        for category in categories.CATALOG.values():
            found += [text for _path, text in _localized_of(category)]
    return found


def _has_categories() -> bool:
    return importlib.util.find_spec("rekisteri.categories") is not None


def _localized_of(value: object, path: str = "") -> list[tuple[str, LocalizedText]]:
    if isinstance(value, LocalizedText):
        return [(path, value)]
    if isinstance(value, tuple):
        return [item for v in value for item in _localized_of(v, path)]
    if attrs.has(cls := type(value)):
        return [
            item
            for field in attrs.fields(cls)
            for item in _localized_of(getattr(value, field.name), f"{path}.{field.name}")
        ]
    return []


@functools.cache
def finnish_words(lang: str) -> frozenset[str]:
    """Words that only Finnish uses, among the texts the library supplies for a notice."""
    finnish = _catalog_strings("fi")
    other = _catalog_strings("sv") | _catalog_strings("en")
    for text in _library_texts():
        finnish |= _words(text.fi)
        other |= _words(text.sv or "") | _words(text.en or "")
    finnish.add("pl")  # the Finnish post-office box
    if lang == "sv":  # English keeps Finnish town names; Swedish uses its own
        finnish |= {p.fi.casefold() for p in SWEDISH_NAMES.values() if p.sv != p.fi}
    return frozenset(finnish - other)


def _register_words(register: Register) -> set[str]:
    """Words of the register's own plain strings (names, streets, statutes...).

    The register gives them in one form for every language; the library's own
    parts (the default authority, catalog sources) are left out.
    """
    words: set[str] = set()
    library = set(sources.CATALOG.values())
    for path, text in lint_texts(register):
        if path.rsplit(".", 1)[-1] in {"fi", "sv", "en"}:
            continue  # a LocalizedText: its fallback is marked, checked apart
        if path.startswith("complaint_authority") and (
            register.complaint_authority == DATA_PROTECTION_OMBUDSMAN
        ):
            continue
        if path.startswith("sources[") and register.sources[int(path[8:].split("]")[0])] in library:
            continue
        words |= _words(text)
    return words


class _Visible(HTMLParser):
    """The text of an HTML notice, without what is marked as Finnish."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "meta"}:
            return
        attributes = dict(attrs_)
        marked = attributes.get("lang") == "fi" or attributes.get("class") == "rk-fallback"
        self.stack.append(marked or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag not in {"br", "meta"} and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def unmarked_finnish(register: Register, locale: str) -> set[str]:
    """Finnish words of the library in the *locale* notice and record, outside the markers."""
    found: set[str] = set()
    allowed = _register_words(register)
    for render in (render_notice, render_record):
        parser = _Visible()
        html = render(register, locale=locale, format="html", fragment=True)
        parser.feed(html)
        found |= (_words(" ".join(parser.parts)) & finnish_words(locale)) - allowed
    return found


@pytest.mark.parametrize("locale", ["sv", "en"])
@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.stem)
def test_examples_have_no_unmarked_finnish(path: Path, locale: str) -> None:
    """Every example's notice and record in sv and en: Finnish only where it is marked."""
    register = load_register(path)
    assert unmarked_finnish(register, locale) == set()


def test_the_check_finds_unmarked_finnish() -> None:
    """The check finds a library text left in Finnish, and passes one that is marked."""
    parser = _Visible()
    parser.feed('<div lang="sv"><p>Upprätthållare: Patentti- ja rekisterihallitus</p></div>')
    assert "rekisterihallitus" in _words(" ".join(parser.parts)) & finnish_words("sv")
    parser = _Visible()
    parser.feed('<p><span lang="fi">Patentti- ja rekisterihallitus</span> [på finska]</p>')
    assert _words(" ".join(parser.parts)) & finnish_words("sv") == set()
    parser = _Visible()
    parser.feed("<p>PL 800, 00531 Helsinki</p>")
    assert _words(" ".join(parser.parts)) & finnish_words("sv") == {"pl", "helsinki"}
    assert _words(" ".join(parser.parts)) & finnish_words("en") == {"pl"}
