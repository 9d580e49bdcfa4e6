"""Fixes of A13's round-14 findings on the model and the outputs (beside A13's own tests).

Identity codes here are the safe fixtures of DOMAIN.md (131052-308T, 010594Y9032).
"""

from __future__ import annotations

import pytest

from rekisteri._redact import redacted_repr
from rekisteri.identifiers import hetu
from rekisteri.model import Controller, LocalizedText, Register


# O22: a tag character (U+E0000-E007F) or a variation selector supplement
# (U+E0100-E01EF) around the sign: repr escapes it as "\U000e00xx" before the
# mask looks, and the escaped form must be recognised like "\u200b" is.
@pytest.mark.parametrize("invisible", ["\U000e0020", "\U000e0030", "\U000e007f", "\U000e0100"])
@pytest.mark.parametrize("where", ["before", "after", "both"])
def test_a_repr_masks_a_code_with_an_escaped_tag_around_the_sign(
    invisible: str, where: str
) -> None:
    before = invisible if where in ("before", "both") else ""
    after = invisible if where in ("after", "both") else ""
    text = f"soita 131052{before}-{after}308T"
    assert "308T" not in hetu.redact(text)
    assert "308T" not in redacted_repr(text)
    for shown in (
        repr(LocalizedText(fi=text)),
        repr(Controller(name=text)),
        repr(Register(controller=Controller(name="Oy"), description=LocalizedText(fi=text))),
    ):
        assert "308T" not in shown
        assert "131052" in shown


def test_an_escaped_tag_before_the_code_still_starts_a_word() -> None:
    shown = repr(LocalizedText(fi="\U000e0041010594Y9032"))
    assert "9032" not in shown
