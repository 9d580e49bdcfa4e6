"""Tests for the message catalogs of rekisteri.render (gettext, via babel)."""

from __future__ import annotations

import gettext
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from rekisteri.model import Lang
from rekisteri.render import _i18n
from rekisteri.render._i18n import DOMAIN, LOCALE_DIR, Texts

ROOT = Path(__file__).parent.parent
RENDER = ROOT / "src" / "rekisteri" / "render"
LANGS = [lang.value for lang in Lang]


def _po(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _messages(path: Path, *, mo: bool = False) -> dict[object, object]:
    with path.open("rb") as f:
        catalog = read_mo(f) if mo else read_po(f)
    return {_hashable(m.id): _hashable(m.string) for m in catalog if m.id}


def _hashable(value: object) -> object:
    """Plural ids and strings as tuples (read_mo gives lists, read_po tuples)."""
    return tuple(value) if isinstance(value, (list, tuple)) else value


def _source_ids() -> set[object]:
    """Every message id that ``pybabel extract`` would find in the render package."""
    ids: set[object] = set()
    for path in RENDER.glob("*.py"):
        for _line, message, _comments, _context in extract_from_file("python", str(path)):
            ids.add(_hashable(message))
    return ids


class TestCatalogs:
    @pytest.mark.parametrize("lang", LANGS)
    def test_loads_as_real_translations(self, lang: str) -> None:
        """Each catalog loads as a babel Translations, not the silent NullTranslations."""
        loaded = Translations.load(str(LOCALE_DIR), locales=[lang], domain=DOMAIN)
        assert isinstance(loaded, Translations)

    @pytest.mark.parametrize("lang", LANGS)
    def test_every_message_translated(self, lang: str) -> None:
        """No entry is empty or fuzzy, in any language."""
        with _po(lang).open("rb") as f:
            catalog = read_po(f)
        empty = [m.id for m in catalog if m.id and not all(_strings(m.string))]
        fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
        assert empty == []
        assert fuzzy == []

    @pytest.mark.parametrize("lang", LANGS)
    def test_mo_matches_po(self, lang: str) -> None:
        """The committed .mo is the compiled .po (run `nox -s catalogs` after editing)."""
        po = _po(lang)
        assert _messages(po.with_suffix(".mo"), mo=True) == _messages(po)

    @pytest.mark.parametrize("lang", LANGS)
    def test_mo_is_what_babel_compiles(self, lang: str) -> None:
        """Compiling the .po again gives the committed .mo's messages and plural rule.

        Compared by meaning, not bytes: a newer Babel writes another
        ``Generated-By`` header (and may order or pad the file differently),
        which must not fail the suite.
        """
        po = _po(lang)
        with po.open("rb") as f:
            catalog = read_po(f)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        compiled = gettext.GNUTranslations(buffer)
        with po.with_suffix(".mo").open("rb") as f:
            committed = gettext.GNUTranslations(f)
        assert _gnu_messages(compiled) == _gnu_messages(committed)
        assert _headers(compiled) == _headers(committed)
        assert [compiled.ngettext("a", "b", n) for n in range(5)] == [
            committed.ngettext("a", "b", n) for n in range(5)
        ]

    @pytest.mark.parametrize("lang", LANGS)
    def test_catalog_matches_source(self, lang: str) -> None:
        """The catalogs hold exactly the messages of the code (none missing, none stale)."""
        assert set(_messages(_po(lang))) == _source_ids()

    def test_finnish_and_swedish_differ_from_english(self) -> None:
        """The Finnish and Swedish catalogs are translations, not copies of the ids."""
        for lang in ("fi", "sv"):
            messages = _messages(_po(lang))
            same = [k for k, v in messages.items() if k == v and isinstance(k, str)]
            assert len(same) < len(messages) // 20, same


#: Headers that name the tool or the moment of compilation, not the catalog's meaning.
_COSMETIC_HEADERS = frozenset({"generated-by"})


def _gnu_messages(translations: gettext.GNUTranslations) -> dict[object, str]:
    """The translated messages of a compiled catalog, without its header entry."""
    catalog: dict[object, str] = translations._catalog  # type: ignore[attr-defined]
    return {key: value for key, value in catalog.items() if key != ""}


def _headers(translations: gettext.GNUTranslations) -> dict[str, str]:
    """The catalog's header fields, less those a Babel release changes cosmetically."""
    return {k: v for k, v in translations.info().items() if k not in _COSMETIC_HEADERS}


def _strings(value: object) -> tuple[object, ...]:
    return value if isinstance(value, tuple) else (value,)


class TestFallback:
    def test_missing_message_falls_back_to_finnish(self) -> None:
        """A message missing from the Swedish catalog shows the Finnish text, marked."""
        texts = Texts(Lang.SV)
        catalog = texts._catalog
        assert isinstance(catalog, Translations)
        saved = catalog._catalog.pop("Privacy notice")
        try:
            assert texts.gettext("Privacy notice") == "Tietosuojaseloste [på finska]"
        finally:
            catalog._catalog["Privacy notice"] = saved
        assert texts.gettext("Privacy notice") == "Dataskyddsbeskrivning"

    def test_no_catalog_is_an_error(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A missing catalog raises CatalogError instead of showing English ids."""
        monkeypatch.setattr(_i18n, "LOCALE_DIR", tmp_path)
        _i18n._load.cache_clear()
        try:
            with pytest.raises(_i18n.CatalogError, match="no fi message catalog"):
                _i18n._load(Lang.FI)
        finally:
            monkeypatch.undo()
            _i18n._load.cache_clear()
        assert isinstance(_i18n._load(Lang.FI), Translations)

    def test_catalogs_load_lazily(self) -> None:
        """Importing rekisteri.render loads neither babel nor a catalog."""
        code = (
            "import sys, rekisteri.render\n"
            "print(any(m.partition('.')[0] == 'babel' for m in sys.modules))"
        )
        out = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
        )
        assert out.stdout.strip() == "False"


class TestWheel:
    def test_catalogs_are_in_the_wheel(self, tmp_path: Path) -> None:
        """The built wheel contains the .po and .mo catalogs (hatchling packs them)."""
        pytest.importorskip("hatchling")
        subprocess.run(  # noqa: S603 - our own interpreter, building our own project
            [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
            cwd=ROOT,
            check=True,
            capture_output=True,
            timeout=300,
        )
        (wheel,) = tmp_path.glob("*.whl")
        names = set(zipfile.ZipFile(wheel).namelist())
        for lang in LANGS:
            for suffix in ("po", "mo"):
                assert f"rekisteri/locale/{lang}/LC_MESSAGES/rekisteri.{suffix}" in names
