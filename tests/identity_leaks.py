"""Shared tools of the outside attacks on the identity-code promise (rounds 10 and 11).

How to write a code in a shape, and whether an output lets a reader see the
whole code (birth date, individual number and check character together), as
``tests/test_attack_identity_round10.py`` and ``..._round11.py`` ask it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import TYPE_CHECKING

from rekisteri.jsonld import dumps as jsonld_dumps
from rekisteri.lint import lint
from rekisteri.render import render_notice, render_record

if TYPE_CHECKING:
    from rekisteri.model import Register


def parts(code: str) -> tuple[str, str, str, str]:
    """Birth date, sign, individual number, check character."""
    return code[:6], code[6], code[7:10], code[10]


def _century(sign: str) -> str:
    return {"+": "18", "A": "20"}.get(sign.upper(), "19")


def spell(code: str, shape: str) -> str:
    """Write ``code`` in ``shape``: ``{d}`` date, ``{s}`` sign, ``{n}`` number, ``{q}`` check.

    ``{d3}``/``{d3b}`` and ``{d4}``/``{d4b}`` split the birth date, ``{dd}``
    writes it as ``13.10.52``, ``{ddmm}`` is its day and month as ``13.10``,
    ``{yyyy}`` the four-digit year, ``{n2}``/``{n1}`` split the individual number.
    """
    d, s, n, q = parts(code)
    return shape.format(
        d=d,
        s=s,
        n=n,
        q=q,
        d3=d[:3],
        d3b=d[3:],
        d4=d[:4],
        d4b=d[4:],
        dd=f"{d[:2]}.{d[2:4]}.{d[4:]}",
        ddmm=f"{d[:2]}.{d[2:4]}",
        yyyy=_century(s) + d[4:],
        n2=n[:2],
        n1=n[2],
    )


_JSON_U = re.compile(r"\\u([0-9a-fA-F]{4})")
_JSON_WS = re.compile(r"\\[nrtvf]")


def flat(text: str) -> str:
    """The letters and digits a reader sees: entities and JSON escapes decoded, NFKC, no case."""
    text = html.unescape(html.unescape(text))
    text = _JSON_U.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = _JSON_WS.sub(" ", text)
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def shows(text: str, code: str) -> bool:
    """Whether ``text`` shows the birth date (two- or four-digit year), number and check."""
    d, s, n, q = parts(code)
    seen = flat(text)
    shown = [d + n + q, d[:4] + _century(s) + d[4:] + n + q]
    if s.isalnum():  # a letter sign is a letter a reader sees: 010594Y9032
        shown += [d + s + n + q, d[:4] + _century(s) + d[4:] + s + n + q]
    return any(form.casefold() in seen for form in shown)


def register_outputs(register: Register, *, locale: str = "fi") -> dict[str, str]:
    """Everything the library makes of a register that a person may read."""
    outputs = {"repr": repr(register), "jsonld": jsonld_dumps(register)}
    for fmt in ("md", "html", "text"):
        outputs[f"notice.{fmt}"] = render_notice(register, locale=locale, format=fmt)
        outputs[f"record.{fmt}"] = render_record(register, locale=locale, format=fmt)
    outputs["notice.fragment"] = render_notice(
        register, locale=locale, format="html", fragment=True
    )
    outputs["lint"] = "\n".join(f"{f.path}: {f.code} {f.message}" for f in lint(register))
    return outputs


def leaking_outputs(register: Register, code: str, *, locale: str = "fi") -> list[str]:
    """The outputs of ``register`` that show ``code`` whole."""
    return [k for k, v in register_outputs(register, locale=locale).items() if shows(v, code)]


def reports_r320(register: Register) -> bool:
    """Whether lint reports an identity code in the register's texts (R320)."""
    return any(finding.code == "R320" for finding in lint(register))
