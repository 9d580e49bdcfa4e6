"""Message catalogs, dates, lists and country names for one language.

The fixed texts of the notices live in gettext catalogs,
``rekisteri/locale/{fi,sv,en}/LC_MESSAGES/rekisteri.po`` (compiled to ``.mo``);
their message ids are English. Each catalog is loaded once, on first use.

A message missing from the Swedish or English catalog falls back to the
**Finnish** text with a visible marker ("[på finska]", "[in Finnish]"), never
silently to the English message id. The tests check that no message is
missing, so this is a safety net.

Babel formats dates, lists and country names with an explicit locale: the
Finnish variants ``fi_FI``, ``sv_FI`` (Finland Swedish) and ``en_FI``.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from rekisteri.errors import RekisteriError
from rekisteri.model import Lang

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from babel import Locale

#: Where the catalogs are: ``<dir>/<lang>/LC_MESSAGES/rekisteri.mo``.
LOCALE_DIR: Final = Path(__file__).resolve().parent.parent / "locale"
DOMAIN: Final = "rekisteri"

#: The Babel (CLDR) locale used for each language of a notice.
BABEL_LOCALES: Final = {Lang.FI: "fi_FI", Lang.SV: "sv_FI", Lang.EN: "en_FI"}


class CatalogError(RekisteriError, LookupError):
    """A message catalog of rekisteri is missing (a broken installation)."""


def N_(message: str) -> str:  # noqa: N802 - the name pybabel looks for
    """Mark *message* for extraction; translate it later with :meth:`Texts.gettext`."""
    return message


class _FinnishFallback(gettext.NullTranslations):
    """Answers for messages that a catalog lacks: the Finnish text and a marker."""

    def __init__(self, finnish: gettext.NullTranslations, marker: str) -> None:
        super().__init__()
        self._finnish = finnish
        self._marker = marker

    def gettext(self, message: str) -> str:
        return f"{self._finnish.gettext(message)} {self._marker}"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return f"{self._finnish.ngettext(msgid1, msgid2, n)} {self._marker}"

    def pgettext(self, context: str, message: str) -> str:
        return f"{self._finnish.pgettext(context, message)} {self._marker}"


@cache
def _load(lang: Lang) -> gettext.NullTranslations:
    from babel.support import Translations

    loaded = Translations.load(str(LOCALE_DIR), locales=[lang.value], domain=DOMAIN)
    # Translations.load returns an empty NullTranslations when there is no
    # catalog; that would silently show the English message ids.
    if not isinstance(loaded, Translations):
        msg = f"no {lang.value} message catalog in {LOCALE_DIR}"
        raise CatalogError(msg)
    if lang is not Lang.FI:
        marker = loaded.gettext("[in Finnish]")
        loaded.add_fallback(_FinnishFallback(_load(Lang.FI), marker))
    return loaded


@cache
def _babel_locale(lang: Lang) -> Locale:
    from babel import Locale

    return Locale.parse(BABEL_LOCALES[lang])


class Texts:
    """The catalog and the formatting rules of one language."""

    __slots__ = ("_catalog", "lang", "locale")

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self._catalog = _load(lang)
        self.locale = _babel_locale(lang)

    def gettext(self, message: str) -> str:
        """Translate *message*."""
        return self._catalog.gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        """Translate *message* as used in *context* (a word that differs by use)."""
        return self._catalog.pgettext(context, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Translate a message with a number in it, in the right plural form."""
        return self._catalog.ngettext(singular, plural, n)

    def date(self, value: date) -> str:
        """Format a date in the long form of the language (``25. marraskuuta 2026``)."""
        from babel.dates import format_date

        return format_date(value, format="long", locale=self.locale)

    def join(self, items: Sequence[str]) -> str:
        """Join *items* as a list of the language (``a, b ja c``)."""
        from babel.lists import format_list

        return format_list(list(items), locale=self.locale)

    def country(self, code: str) -> str:
        """The name of the country *code* in this language, or the code itself."""
        name = self.locale.territories.get(code)
        return name if isinstance(name, str) else code


@cache
def texts(lang: Lang) -> Texts:
    """The (cached) :class:`Texts` of *lang*."""
    return Texts(lang)
