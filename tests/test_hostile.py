"""Hostile register documents: bounded work, duplicate keys, size limit (issue 17).

Each failure that issue 17 lists for documents is a test here: a 200,000-item
invalid array, 2,000 repeated rights, duplicate JSON keys (orjson kept the
last silently), a document too large to parse, unknown keys that may be
identity codes.
"""

from __future__ import annotations

import io
import json
import pickle
import tracemalloc
from typing import TYPE_CHECKING

import pytest

from rekisteri.errors import InvalidDocumentError, RekisteriError
from rekisteri.model import Register
from rekisteri.serialize import (
    MAX_DOCUMENT_BYTES,
    MAX_PROBLEMS,
    MAX_VALUES,
    DocumentTooLargeError,
    load_register,
    loads,
    problem_count,
    read_register,
)

if TYPE_CHECKING:
    from pathlib import Path

#: A fictitious temporary henkilötunnus (individual number 900-999).
HETU = "010594Y9032"
BASE = {"name": "Esimerkki Oy:n asiakasrekisteri", "controller": {"name": "Esimerkki Oy"}}


def document(**fields: object) -> bytes:
    return json.dumps({**BASE, **fields}).encode()


def problems_of(data: bytes) -> tuple[str, ...]:
    with pytest.raises(InvalidDocumentError) as caught:
        loads(data, Register)
    return caught.value.problems


class TestBoundedProblems:
    def test_huge_invalid_array_is_capped(self) -> None:
        """200,000 bad items: 100 problems listed with paths, the rest counted in one line."""
        problems = problems_of(document(rights=[1] * 200_000))
        assert len(problems) == MAX_PROBLEMS + 1
        assert problems[0].startswith("rights[0]: expected one of access")
        assert problems[-1] == f"… and {200_000 - MAX_PROBLEMS} more problem(s)"
        assert problem_count(problems) == (200_000, True)

    def test_huge_invalid_array_memory(self) -> None:
        """Diagnosing 200,000 bad items keeps no exception per item (635 MB before the fix)."""
        data = document(rights=[1] * 200_000)
        tracemalloc.start()
        try:
            with pytest.raises(InvalidDocumentError):
                loads(data, Register)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 40 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"

    def test_bad_items_in_several_lists_share_one_budget(self) -> None:
        """Bad items in nested lists are described up to one budget, then counted."""
        purposes = [{"key": f"p{i}", "name": "x", "data_categories": [1] * 50} for i in range(50)]
        problems = problems_of(document(purposes=purposes))
        assert len(problems) <= MAX_PROBLEMS + 1
        count, exact = problem_count(problems)
        assert 50 <= count <= 50 * 50
        assert not exact
        assert problems[-1].startswith("… and at least ")

    def test_repeated_rights_are_capped(self) -> None:
        """2,000 repeated rights: not 2,000 lines."""
        problems = problems_of(document(rights=["access"] * 2_000))
        assert len(problems) <= MAX_PROBLEMS + 1
        assert problem_count(problems) == (1_999, True)

    def test_many_unknown_keys_one_bounded_line(self) -> None:
        """100,000 unknown keys: one problem naming at most ten, none that may be data."""
        extra = {f"field_{i}": 1 for i in range(100_000)} | {HETU: 1, HETU.lower(): 2}
        problems = problems_of(json.dumps({**BASE, **extra}).encode())
        assert len(problems) == 1
        assert len(problems[0]) < 400
        assert "99990 more" in problems[0]
        assert "2 not shown (not field names)" in problems[0]
        assert HETU[:6] not in problems[0]

    def test_problem_count_of_a_short_list(self) -> None:
        """Without a summing-up line, the count is the number of lines."""
        assert problem_count(["a: x", "b: y"]) == (2, True)


class TestDuplicateKeys:
    def test_duplicate_key_is_an_error(self) -> None:
        """{"name": …, "name": …} is refused, as TOML refuses it (orjson kept the last)."""
        data = b'{"name": "a", "name": "b", "controller": {"name": "x"}}'
        (problem,) = problems_of(data)
        assert "twice" in problem
        assert "(name)" in problem

    def test_nested_duplicate(self) -> None:
        """A repeated key deep inside is found too."""
        data = b'{"controller": {"name": "x", "address": {"town": "a", "town": "b"}}}'
        (problem,) = problems_of(data)
        assert "twice" in problem

    def test_escaped_colons_do_not_hide_a_duplicate(self) -> None:
        """Colons written as escapes (backslash u003a) take the exact path."""
        data = b'{"a\\u003a": 1, "a\\u003a": 2, "controller": {"name": "x"}}'
        (problem,) = problems_of(data)
        assert "twice" in problem

    @pytest.mark.parametrize("depth", [300, 1010])
    def test_deep_nesting(self, depth: int) -> None:
        """Past the depth orjson writes (254) or json reads (about 1000): a problem, no crash."""
        data = b'{"rights": ' + b"[" * depth + b"]" * depth + b', "controller": {"name": "x"}}'
        problems = problems_of(data)
        assert problems

    def test_key_that_may_be_a_hetu_is_not_named(self) -> None:
        """A repeated key that is not a field name (a henkilötunnus, say) is not quoted."""
        data = f'{{"controller": {{"name": "x"}}, "{HETU}": 1, "{HETU}": 2}}'.encode()
        (problem,) = problems_of(data)
        assert "twice" in problem
        assert HETU[:6] not in problem

    @pytest.mark.parametrize(
        "data",
        [
            b'{"a": "x\\": 1, \\"a", "controller": {"name": "x"}}',  # quotes and colons in strings
            b'{"a:": "b", "c": ":", "controller": {"name": "x"}}',
            b'{"k": [{"a": 1}, {"a": 1}], "controller": {"name": "x"}}',  # same key, two objects
            b'{"a\\u003a": "\\u003a:", "controller": {"name": "x"}}',  # escaped colons
        ],
    )
    def test_no_false_duplicates(self, data: bytes) -> None:
        """Colons and escaped quotes inside strings, and equal keys in different objects."""
        problems = problems_of(data)  # unknown fields, but no duplicate
        assert not any("twice" in problem for problem in problems)

    def test_duplicate_in_toml_key_not_quoted(self, tmp_path: Path) -> None:
        """TOML already refuses a repeated key; the message does not quote it."""
        path = tmp_path / "dup.toml"
        path.write_text(f'{HETU} = 1\n{HETU} = 2\n[controller]\nname = "x"\n', encoding="utf-8")
        with pytest.raises(InvalidDocumentError) as caught:
            load_register(path)
        assert HETU[:6] not in str(caught.value)


class TestSizeLimit:
    def test_default_limit(self) -> None:
        """16 MiB, documented, in the public API."""
        assert MAX_DOCUMENT_BYTES == 16 * 1024 * 1024

    def test_large_file_refused_unread(self, tmp_path: Path) -> None:
        """A file over the limit is refused with a typed error (an InvalidDocumentError)."""
        path = tmp_path / "big.json"
        path.write_bytes(document(rights=["access"]) + b" " * 2000)
        with pytest.raises(DocumentTooLargeError) as caught:
            load_register(path, max_bytes=1000)
        assert isinstance(caught.value, InvalidDocumentError)
        assert isinstance(caught.value, ValueError)
        assert caught.value.limit == 1000
        assert "larger than the limit" in str(caught.value)
        assert load_register(path, max_bytes=None).rights  # the limit can be lifted

    def test_loads_and_read_register_limits(self) -> None:
        """Bytes and str documents, TOML and JSON, count against max_bytes."""
        data = document()
        with pytest.raises(DocumentTooLargeError):
            loads(data, Register, max_bytes=10)
        with pytest.raises(DocumentTooLargeError):
            loads(data.decode(), Register, max_bytes=10)
        with pytest.raises(DocumentTooLargeError):
            read_register(b'[controller]\nname = "x"\n', format="toml", max_bytes=5)
        assert read_register(b'[controller]\nname = "x"\n', format="toml").controller.name == "x"

    def test_error_pickles(self) -> None:
        """The error survives a trip to another process (multiprocessing, logging)."""
        for original in (DocumentTooLargeError(2048), DocumentTooLargeError(9, values=True)):
            error = pickle.loads(pickle.dumps(original))  # noqa: S301 - our own
            assert (error.limit, error.values) == (original.limit, original.values)
            assert error.problems == original.problems

    @pytest.mark.parametrize(
        "data",
        [
            b'{"rights": [' + b"[" * 300 + b"]" * 300 + b"," + b"[]," * MAX_VALUES + b"[]]}",
            b'{"rights": [' + b"1," * MAX_VALUES + b"1]}",
            b"\n" * (MAX_VALUES + 1) + b"{}",
        ],
        ids=["nested", "items", "lines"],
    )
    def test_too_many_values(self, data: bytes) -> None:
        """Small in bytes, but too many values to parse in bounded memory: refused unparsed."""
        assert len(data) < MAX_DOCUMENT_BYTES
        with pytest.raises(DocumentTooLargeError) as caught:
            loads(data, Register)
        assert caught.value.values
        assert f"more than {MAX_VALUES} values" in str(caught.value)
        with pytest.raises(DocumentTooLargeError):
            read_register(data, format="toml")
        with pytest.raises(InvalidDocumentError) as lifted:  # parsed without the limit
            loads(data, Register, max_bytes=None)
        assert not isinstance(lifted.value, DocumentTooLargeError)

    def test_limited_read_of_a_stream(self) -> None:
        """A stream is read to the limit plus one byte, not to its end."""
        from rekisteri._documents import read_limited

        stream = io.BytesIO(b"x" * 5000)
        with pytest.raises(DocumentTooLargeError):
            read_limited(stream, 100)
        assert stream.tell() == 101

    @pytest.mark.parametrize("bad", [-1, 1.5, "16"])
    def test_bad_limit(self, bad: object) -> None:
        """A limit that is not a whole number of bytes is a typed error."""
        with pytest.raises(RekisteriError):
            loads(b"{}", Register, max_bytes=bad)  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", [None, 5, ["{}"]])
    def test_not_a_document(self, bad: object) -> None:
        """None (or a number, a list) where a document is expected: a typed error."""
        with pytest.raises(InvalidDocumentError):
            loads(bad, Register)  # type: ignore[arg-type]
        with pytest.raises(InvalidDocumentError):
            read_register(bad, format="json")  # type: ignore[arg-type]
