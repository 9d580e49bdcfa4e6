"""Render a register as a privacy notice (Art 13/14) or an Art 30(1) record.

Both come in Finnish, Swedish or English (``locale``) and as Markdown, HTML
or plain text (``format``):

* :func:`render_notice` writes the notice a firm publishes
  (*tietosuojaseloste*, *dataskyddsbeskrivning*), section by section in the
  order of Art 13 and 14.
* :func:`render_record` writes the record of processing activities that the
  controller keeps (*seloste käsittelytoimista*), items (a)–(g) of Art 30(1).

The fixed texts come from gettext catalogs; the register's own texts are
shown in the requested language, or in Finnish with a visible marker
("[på finska]", "[in Finnish]") when a translation is missing, never silently
in English. An item that the GDPR requires but the register lacks is shown as
"[puuttuu]" / "[saknas]" / "[missing]": rendering never fails on an
incomplete register; the linter (``rekisteri.lint``) explains what is missing.

Examples:
    >>> from rekisteri.model import Controller, LegalBasis, LocalizedText, Purpose, Register
    >>> register = Register(
    ...     controller=Controller(name="Esimerkki Oy", business_id="2077474-0"),
    ...     purposes=(
    ...         Purpose(key="billing", name=LocalizedText(fi="Laskutus", sv="Fakturering"),
    ...                 legal_basis=LegalBasis.CONTRACT),
    ...     ),
    ... )
    >>> text = render_notice(register, locale="sv", format="text")
    >>> print(text.splitlines()[0])
    Dataskyddsbeskrivning
    >>> "FO-nummer: 2077474-0" in text
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

from rekisteri._validate import parse_lang
from rekisteri.errors import InvalidValueError
from rekisteri.model import Lang

if TYPE_CHECKING:
    from rekisteri.model import Register
    from rekisteri.render._doc import Document

__all__ = ["FORMATS", "LOCALES", "Format", "notice_css", "render_notice", "render_record"]

#: An output format: ``"md"`` (CommonMark with GFM tables), ``"html"`` or ``"text"``.
Format = Literal["md", "html", "text"]

#: The output formats, in the order the CLI lists them.
FORMATS: Final[tuple[Format, ...]] = ("md", "html", "text")
#: The languages a document can be rendered in.
LOCALES: Final = tuple(lang.value for lang in Lang)


def _write(document: Document, format: str, *, fragment: bool = False) -> str:  # noqa: A002 - the issue's name for it
    from rekisteri._spellings import mask_codes, shaped
    from rekisteri.render import _doc

    # An identity code written in the register's texts is masked in every
    # format, here and only here (lint reports it as R320).
    document = _doc.masked(document, mask_codes, shaped)
    if fragment:
        if format != "html":
            msg = "fragment: only the html format has a fragment form"
            raise InvalidValueError(msg)
        return _doc.to_html_fragment(document)
    if format == "md":
        return _doc.to_markdown(document)
    if format == "html":
        return _doc.to_html(document)
    if format == "text":
        return _doc.to_text(document)
    msg = f"format: expected one of {', '.join(FORMATS)}"
    raise InvalidValueError(msg)


def check_register(register: object) -> None:
    """Refuse anything but a :class:`~rekisteri.model.Register` with a typed error.

    Raises:
        ModelTypeError: *register* is not a Register (a dict, ``None``, a Controller...).
    """
    from rekisteri.errors import ModelTypeError
    from rekisteri.model import Register

    if not isinstance(register, Register):
        msg = f"register: expected a Register, got {type(register).__name__}"
        raise ModelTypeError(msg)


def _check_format(format: str) -> None:  # noqa: A002 - the issue's name for it
    if format not in FORMATS:
        msg = f"format: expected one of {', '.join(FORMATS)}"
        raise InvalidValueError(msg)


def render_notice(
    register: Register,
    *,
    locale: Lang | str = "fi",
    format: Format = "md",  # noqa: A002 - the issue's name for it
    fragment: bool = False,
) -> str:
    """Return the privacy notice of *register*.

    Args:
        register: The register to describe.
        locale: ``"fi"``, ``"sv"`` or ``"en"``.
        format: ``"md"``, ``"html"`` (one self-contained document) or ``"text"``.
        fragment: With ``format="html"``, return the notice as one
            ``<div class="rk-notice" lang="…">`` element to place in a page of
            your own: no ``<html>``, ``<head>`` or CSS (that is
            :func:`notice_css`); class names and ids start with ``rk-``.

    Raises:
        InvalidValueError: *locale* or *format* is not one of the above, or
            *fragment* is asked for another format than HTML.
        ModelTypeError: *register* is not a Register.

    Examples:
        >>> from rekisteri.testing import a_register
        >>> html = render_notice(a_register(), locale="sv", format="html", fragment=True)
        >>> html.splitlines()[0]
        '<div class="rk-notice" lang="sv">'
        >>> "<head>" in html, "<style>" in html
        (False, False)
    """
    from rekisteri.render._notice import build_notice

    check_register(register)
    lang = parse_lang(locale)  # UnknownLocaleError, an InvalidValueError
    _check_format(format)
    return _write(build_notice(register, lang), format, fragment=fragment)


def render_record(
    register: Register,
    *,
    locale: Lang | str = "fi",
    format: Format = "md",  # noqa: A002 - the issue's name for it
    fragment: bool = False,
) -> str:
    """Return the Art 30(1) record of processing activities of *register*.

    Args:
        register: The register to describe.
        locale: ``"fi"``, ``"sv"`` or ``"en"``.
        format: ``"md"``, ``"html"`` or ``"text"``.
        fragment: With ``format="html"``, one ``<div class="rk-notice">``
            element, as for :func:`render_notice`.

    Raises:
        InvalidValueError: *locale* or *format* is not one of the above, or
            *fragment* is asked for another format than HTML.
        ModelTypeError: *register* is not a Register.
    """
    from rekisteri.render._notice import build_record

    check_register(register)
    lang = parse_lang(locale)  # UnknownLocaleError, an InvalidValueError
    _check_format(format)
    return _write(build_record(register, lang), format, fragment=fragment)


def notice_css() -> str:
    """The CSS of the HTML fragments, every rule scoped to ``.rk-notice``.

    Put it in the host page once (a ``<style>`` element or a file of its own),
    after the page's own CSS: it first resets the fragment's elements to the
    browser's defaults, so that the page's element rules (``p``, ``table``,
    ``ul``...) do not reach inside, and then styles them. The fragment fits a
    375 px wide phone screen; tables become lists below 40 rem.

    Examples:
        >>> css = notice_css()
        >>> css.startswith(".rk-notice {")
        True
        >>> all(line.startswith((".rk-notice", " ", "@media", "}")) for line in css.splitlines())
        True
    """
    from rekisteri.render._doc import fragment_css

    return fragment_css()
