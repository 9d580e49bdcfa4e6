"""Numbered headings that open their lines are the notice's own, not a PDF's breaks.

Since c5b8973 the numbered headings of a PDF paste are followed over every line
(A12's P2). A notice written with one line per heading and one long line per
paragraph, with no blank lines, was then read as a paste: each short heading
line was joined to the line under it, and the controller's name was cut. Its
headings all open their lines, so it is read line by line.
"""

from __future__ import annotations

from rekisteri.importer import import_notice

_LONG = (
    "We use the data to run the members' register and to send the newsletter, and we keep "
    "the records that the Accounting Act requires of us for as long as it requires them. "
)

#: Fictional, written for this test: no blank lines, headings opening their lines.
NOTICE = (
    "Privacy policy of the member register\n"
    "1. Controller\n"
    "Controller Koivikon Kuoro ry (hereinafter the Choir)\n"
    "Business ID 1234567-1\n"
    "Address Koivikontie 1, 00100 Helsinki\n"
    "2. Name of the register\n"
    "Member register of Koivikon Kuoro ry.\n"
    "3. Why and on what grounds the Choir processes the data\n"
    f"{_LONG * 4}\n"
    f"{_LONG * 4}\n"
)


def test_headings_opening_their_lines_over_long_paragraphs_are_read_line_by_line() -> None:
    result = import_notice(NOTICE)
    draft = result.draft
    assert draft.controller.name == "Koivikon Kuoro ry"
    assert draft.controller.business_id == "1234567-1"
    assert draft.name is not None
    assert "Member register" in draft.name.fi
    assert draft.purposes


def test_a_paste_whose_headings_stand_inside_lines_is_still_unwrapped() -> None:
    pasted = NOTICE.replace("\n2. Name", " 2. Name").replace("\n3. Why", " 3. Why")
    draft = import_notice(pasted).draft
    assert draft.controller.business_id == "1234567-1"
    assert draft.name is not None
    assert draft.name.fi == "Member register of Koivikon Kuoro ry"
