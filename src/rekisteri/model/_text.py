"""Languages and text in Finnish, Swedish and English."""

from __future__ import annotations

from enum import StrEnum

import attrs

from rekisteri.errors import InvalidValueError


class Lang(StrEnum):
    """A language of a notice. Finnish is always present; the others are optional."""

    FI = "fi"
    SV = "sv"
    EN = "en"


@attrs.frozen(kw_only=True)
class LocalizedText:
    """A text in Finnish, and optionally in Swedish and English.

    Finnish is required: a Finnish register always has a Finnish text. The
    fallback rule is explicit: :meth:`resolve` returns the text in the asked
    language if there is one, and otherwise the **Finnish** text together with
    the language it is really in, so that a renderer can mark it. There is no
    silent fallback to English.

    In TOML and JSON a plain string stands for a Finnish-only text.

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
        # One check for the three fields: texts are the most common objects
        # of a register, so this is on the hot path of loading a document.
        if not (type(self.fi) is str and self.fi.strip()):
            _blank("fi")
        if self.sv is not None and not (type(self.sv) is str and self.sv.strip()):
            _blank("sv")
        if self.en is not None and not (type(self.en) is str and self.en.strip()):
            _blank("en")

    def get(self, lang: Lang | str) -> str | None:
        """Return the text in *lang* exactly, or ``None`` if it has not been written."""
        text: str | None = getattr(self, Lang(lang).value)
        return text

    def resolve(self, lang: Lang | str) -> tuple[str, Lang]:
        """Return the text in *lang*, or the Finnish text; and the language returned."""
        text = self.get(lang)
        if text is None:
            return self.fi, Lang.FI
        return text, Lang(lang)

    @property
    def languages(self) -> tuple[Lang, ...]:
        """The languages this text is written in, Finnish first."""
        return tuple(lang for lang in Lang if self.get(lang) is not None)

    def __str__(self) -> str:
        return self.fi


def _blank(name: str) -> None:
    msg = f"{name}: expected a text that is not empty"
    raise InvalidValueError(msg)
