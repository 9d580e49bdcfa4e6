"""Languages and text in Finnish, Swedish and English."""

from __future__ import annotations

from enum import StrEnum

import attrs

from rekisteri._spellings import masking_repr
from rekisteri._validate import BLANK, UnknownLocaleError, check_text
from rekisteri.errors import InvalidValueError


class Lang(StrEnum):
    """A language of a notice. Finnish is always present; the others are optional."""

    FI = "fi"
    SV = "sv"
    EN = "en"


@masking_repr
@attrs.frozen(kw_only=True)
class LocalizedText:
    """A text in Finnish, and optionally in Swedish and English.

    Finnish is required: a Finnish register always has a Finnish text. The
    fallback rule is explicit: :meth:`resolve` returns the text in the asked
    language if there is one, and otherwise the **Finnish** text together with
    the language it is really in, so that a renderer can mark it. There is no
    silent fallback to English.

    In TOML and JSON a plain string stands for a Finnish-only text, and so it
    does where a model class is built in Python: ``Purpose(name="Laskutus")``
    holds ``LocalizedText(fi="Laskutus")``.

    Each text must be a ``str`` that is not blank and has no control
    characters other than line feeds and tabs (no C0 or C1 controls, DEL,
    or bidirectional embedding, override or isolate characters).

    Examples:
        >>> name = LocalizedText(fi="Asiakasrekisteri", sv="Kundregister")
        >>> name.resolve(Lang.SV)
        ('Kundregister', <Lang.SV: 'sv'>)
        >>> name.resolve(Lang.EN)
        ('Asiakasrekisteri', <Lang.FI: 'fi'>)
        >>> name.get(Lang.EN) is None
        True
    """

    fi: str
    sv: str | None = None
    en: str | None = None

    def __attrs_post_init__(self) -> None:
        # One check for each of the three fields: texts are the most common
        # objects of a register, so this is on the hot path of loading a
        # document. isprintable() is False for a line break too, so only
        # such texts take the slower path.
        fi, sv, en = self.fi, self.sv, self.en
        if not (type(fi) is str and fi.isprintable() and fi.strip(BLANK)):
            _check("fi", fi)
        if sv is not None and not (type(sv) is str and sv.isprintable() and sv.strip(BLANK)):
            _check("sv", sv)
        if en is not None and not (type(en) is str and en.isprintable() and en.strip(BLANK)):
            _check("en", en)

    def get(self, lang: Lang | str) -> str | None:
        """Return the text in *lang* exactly, or ``None`` if it has not been written.

        Raises:
            UnknownLocaleError: *lang* is not ``"fi"``, ``"sv"`` or ``"en"``.
        """
        text: str | None = getattr(self, _lang(lang).value)
        return text

    def resolve(self, lang: Lang | str) -> tuple[str, Lang]:
        """Return the text in *lang*, or the Finnish text; and the language returned.

        Raises:
            UnknownLocaleError: *lang* is not ``"fi"``, ``"sv"`` or ``"en"``.
        """
        member = _lang(lang)
        text: str | None = getattr(self, member.value)
        if text is None:
            return self.fi, Lang.FI
        return text, member

    @property
    def languages(self) -> tuple[Lang, ...]:
        """The languages this text is written in, Finnish first."""
        return tuple(lang for lang in Lang if self.get(lang) is not None)

    def __str__(self) -> str:
        return self.fi


def _lang(lang: object) -> Lang:
    if type(lang) is Lang:
        return lang
    if isinstance(lang, str):
        try:
            return Lang(lang)
        except ValueError:
            pass
    raise UnknownLocaleError(lang)


def _check(name: str, value: object) -> None:
    if isinstance(value, str) and not value.strip(BLANK):
        msg = f"{name}: expected a text that is not empty"
        raise InvalidValueError(msg)
    check_text(value, name)
