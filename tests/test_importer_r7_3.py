"""R7-3 (session 15 review): the people-before-controller pass is linear in the sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rekisteri.importer import _controller, import_notice

if TYPE_CHECKING:
    import pytest

    from rekisteri.importer._structure import Section


def _calls(monkeypatch: pytest.MonkeyPatch, copies: int) -> int:
    count = 0
    original = _controller._controller_section

    def counted(text: str, section: Section) -> bool:
        nonlocal count
        count += 1
        return original(text, section)

    with monkeypatch.context() as patch:
        patch.setattr(_controller, "_controller_section", counted)
        import_notice("Yhteystiedot\nAnna Berg, anna.berg@kahvila.example\n\n" * copies)
    return count


def test_each_bare_contact_heading_does_not_look_at_every_later_section(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 5817f15 looked at every later section for each bare 'Yhteystiedot' heading:
    # 8000 such sections (408 KB) took 26 s
    small, large = _calls(monkeypatch, 200), _calls(monkeypatch, 400)
    assert large <= 2.3 * max(small, 1), (small, large)
