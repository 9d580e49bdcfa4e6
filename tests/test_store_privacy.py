"""A store never keeps an identity code as given, keeps its files private, and serves threads.

* every spelling of a henkilötunnus (lower case, en or em dash, spaces, no
  sign, fullwidth digits) as a subject is stored only as the keyed
  reference, and in free text (evidence, channel, actor, notes, reasons) it
  is masked: the raw bytes of the database, its ``-wal`` and its ``-shm``
  hold none of them, neither while the store is open nor after it closed;
* the database, its ``-wal`` and ``-shm`` files and the CLI's export files
  are created with mode 0600 whatever the umask;
* one store is used from a thread pool: every event lands once, the chain
  verifies.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from rekisteri.cli import cli
from rekisteri.consent import ConsentEvent, EventKind
from rekisteri.errors import InvalidValueError, StoreFileError
from rekisteri.identifiers import hetu
from rekisteri.requests import RequestEvent
from rekisteri.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from click.testing import CliRunner

SECRET = b"privacy-test-secret-5f0c2a9e7b31d486e0a4"  # 40 bytes, ASCII for the CLI
T0 = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)

# DOMAIN.md's published example and DVV's fictitious temporary code.
CODE = "131052-308T"
TEMPORARY = "010594Y9032"
#: The spellings that carry the century sign: each is the same person as CODE.
SIGNED = (
    "131052-308T",  # ASCII
    "131052-308t",  # lower case
    "131052\u2013308T",  # en dash
    "131052\u2014308T",  # em dash
    "131052 - 308T",  # spaces around the sign
    "\uff11\uff13\uff11\uff10\uff15\uff12\uff0d\uff13\uff10\uff18\uff34",  # fullwidth
    "\uff11\uff13\uff11\uff10\uff15\uff12-\uff13\uff10\uff18\uff34",  # fullwidth digits
)
#: The spellings without a sign: a space or nothing where it should be.
SIGNLESS = ("131052 308T", "131052308T")
SPELLINGS = SIGNED + SIGNLESS
OTHER = ("010594y9032", "010594 Y 9032", "\uff10\uff11\uff10\uff15\uff19\uff14Y9032")
#: What must never be in the files: every spelling, and the personal parts.
NEEDLES = (*SPELLINGS, *OTHER, CODE, TEMPORARY, "308T", "308t", "Y9032", "y9032")


def free_text(spelling: str) -> str:
    return f"lomake, hetu {spelling}; toinen {' / '.join(OTHER)}; kaikki: {' | '.join(SPELLINGS)}"


def file_bytes(path: Path) -> dict[str, bytes]:
    """The raw bytes of the database and its -wal and -shm files (those that exist)."""
    found = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            found[part.name] = part.read_bytes()
    return found


def assert_no_identity_code(path: Path) -> None:
    files = file_bytes(path)
    assert path.name in files
    for name, data in files.items():
        for needle in NEEDLES:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert needle.encode(encoding) not in data, (name, needle, encoding)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


# --- the recogniser and redact -------------------------------------------------------


@pytest.mark.parametrize("spelling", SIGNED)
def test_every_signed_spelling_has_the_canonical_form(spelling: str) -> None:
    alone = hetu._spelled_alone(f"  {spelling} ")
    assert alone is not None
    assert alone.canonical == CODE
    assert hetu.redact(f"x {spelling} y").count("****") == 1


@pytest.mark.parametrize("spelling", SIGNLESS)
def test_a_signless_spelling_is_found_but_has_no_canonical_form(spelling: str) -> None:
    alone = hetu._spelled_alone(spelling)
    assert alone is not None
    assert alone.canonical is None
    assert CODE[7:] not in hetu.redact(f"soitti {spelling}.")


@pytest.mark.parametrize(
    "text",
    [
        "tilaus 2026-11-25",
        "puh. 0401234567",  # ten digits whose check character does not fit
        "IBAN FI21 1234 5600 0007 85",
        "versio 1.2.3, 12 345 678",
    ],
)
def test_redact_leaves_ordinary_text_alone(text: str) -> None:
    assert hetu.redact(text) == text


def test_redact_keeps_its_old_answers() -> None:
    assert hetu.redact("a010594Y9032 131052\u2013308t 131052-308U") == (
        "a010594Y**** 131052\u2013**** 131052-****"
    )


def test_validate_stays_strict() -> None:
    """The public validator still refuses look-alikes; only the store and redact forgive."""
    assert not hetu.is_valid("131052\u2013308T")
    assert not hetu.is_valid(SIGNED[5])
    assert hetu.compact(" 131052-308t ") == CODE


# --- nothing in the files --------------------------------------------------------------


def fill(store: SQLiteStore) -> None:
    """Consent events and requests with every spelling, in every free-text field."""
    purposes = [f"p{i}" for i in range(len(SIGNED))]
    store.append(
        ConsentEvent(
            subject=spelling,
            purpose=purpose,
            kind=EventKind.GIVE,
            at=T0 + timedelta(minutes=i),
            channel=free_text(spelling),
            evidence=free_text(spelling),
            actor=spelling,
        )
        for i, (spelling, purpose) in enumerate(zip(SIGNED, purposes, strict=True))
    )
    store.append(
        [
            ConsentEvent(
                subject="c-1",
                purpose="p0",
                kind=EventKind.GIVE,
                at=T0,
                channel=free_text(spelling),
                evidence=free_text(spelling),
                actor=spelling,
            )
            for spelling in SPELLINGS[:1]
        ]
    )
    for i, spelling in enumerate(SIGNED):
        store.append_requests(
            [
                RequestEvent(
                    request_id=f"r-{i}",
                    subject=spelling,
                    kind="receive",
                    at=T0,
                    right="access",
                    channel=free_text(spelling),
                    notes=free_text(spelling),
                    actor=spelling,
                ),
                RequestEvent(
                    request_id=f"r-{i}",
                    subject=spelling,
                    kind="acknowledge",
                    at=T0 + timedelta(hours=1),
                    notes=free_text(spelling),
                ),
                RequestEvent(
                    request_id=f"r-{i}",
                    subject=spelling,
                    kind="reject",
                    at=T0 + timedelta(days=1),
                    ground="manifestly_unfounded",
                    reason=free_text(spelling),
                    notes=free_text(spelling),
                    actor=spelling,
                ),
            ]
        )


def test_no_spelling_reaches_the_files(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    purposes = {f"p{i}": False for i in range(len(SIGNED))}
    with SQLiteStore(path, secret=SECRET, purposes=purposes) as store:
        fill(store)
        # Every signed spelling is one person, stored under one reference.
        for spelling in SIGNED:
            assert len(store.history(spelling)) == len(SIGNED)
            assert store.may_process(spelling, "p3", at=T0 + timedelta(hours=1)).allowed
        assert len(store.requests(subject=CODE)) == len(SIGNED)
        history = store.history(CODE)
        assert all(event.evidence and "131052-****" in event.evidence for event in history)
        assert bool(store.verify())
        assert_no_identity_code(path)  # while open: the -wal holds the rows
        with SQLiteStore(path, secret=SECRET, purposes=purposes) as second:
            assert len(second.history(SIGNED[3])) == len(SIGNED)
            assert_no_identity_code(path)
    assert_no_identity_code(path)


@pytest.mark.parametrize("spelling", SIGNLESS)
def test_a_signless_subject_is_refused_and_not_written(tmp_path: Path, spelling: str) -> None:
    path = tmp_path / "store.db"
    with SQLiteStore(path, secret=SECRET, purposes={"p": False}) as store:
        event = ConsentEvent(subject=spelling, purpose="p", kind=EventKind.GIVE, at=T0)
        with pytest.raises(InvalidValueError, match="century sign") as caught:
            store.append([event])
        assert spelling not in str(caught.value)
        with pytest.raises(InvalidValueError, match="century sign"):
            store.append_requests(
                [
                    RequestEvent(
                        request_id="r", subject=spelling, kind="receive", at=T0, right="access"
                    )
                ]
            )
        with pytest.raises(InvalidValueError):
            store.history(spelling)
        assert_no_identity_code(path)
    assert_no_identity_code(path)


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_subject_with_an_embedded_code_is_refused(spelling: str) -> None:
    with SQLiteStore(":memory:", secret=SECRET, purposes={"p": False}) as store:
        event = ConsentEvent(subject=f"asiakas {spelling}", purpose="p", kind=EventKind.GIVE, at=T0)
        with pytest.raises(InvalidValueError, match="contains a henkilötunnus"):
            store.append([event])


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_request_id_with_a_code_is_refused(tmp_path: Path, spelling: str) -> None:
    """A request id is stored and indexed as given: one with an identity code is refused."""
    path = tmp_path / "store.db"
    with SQLiteStore(path, secret=SECRET) as store:
        event = RequestEvent(
            request_id=f"req-{spelling}", subject="c-1", kind="receive", at=T0, right="access"
        )
        with pytest.raises(InvalidValueError, match=r"events\[0\]\.request_id") as caught:
            store.append_requests(iter([event]))
        assert spelling not in str(caught.value)
        assert store.requests() == []
        assert_no_identity_code(path)


def test_an_ordinary_numeric_id_is_kept() -> None:
    """Ten digits whose check character does not fit are a customer number, not a code."""
    with SQLiteStore(":memory:", secret=SECRET, purposes={"p": False}) as store:
        store.append([ConsentEvent(subject="0401234567", purpose="p", kind=EventKind.GIVE, at=T0)])
        assert store.requests(subject="0401234567") == []
        assert len(store.history("0401234567")) == 1


@pytest.mark.parametrize("field", ["channel", "evidence", "actor"])
def test_consent_free_text_is_redacted(field: str) -> None:
    for spelling in SPELLINGS:
        text: dict[str, Any] = {field: f"x {spelling}"}
        event = ConsentEvent(subject="c-1", purpose="p", kind=EventKind.GIVE, at=T0, **text)
        value = getattr(event, field)
        assert "****" in value
        assert spelling not in value


@pytest.mark.parametrize("field", ["channel", "notes", "actor", "reason"])
def test_request_free_text_is_redacted(field: str) -> None:
    for spelling in SPELLINGS:
        extra: dict[str, Any] = {"ground": "manifestly_unfounded"} if field == "reason" else {}
        extra[field] = f"x {spelling}"
        kind = "reject" if field == "reason" else "receive"
        right = None if field == "reason" else "access"
        event = RequestEvent(
            request_id="r",
            subject="c-1",
            kind=kind,
            at=T0,
            right=right,
            **extra,
        )
        value = getattr(event, field)
        assert "****" in value
        assert spelling not in value


# --- the CLI prints no identity code -----------------------------------------------------


def test_cli_output_shows_no_identity_code(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "store.db"
    purposes = {f"p{i}": False for i in range(len(SIGNED))}
    with SQLiteStore(path, secret=SECRET, purposes=purposes) as store:
        fill(store)
    env = {"REKISTERI_SECRET": SECRET.decode("ascii"), "REKISTERI_PURPOSES": None}
    outputs = []
    for spelling in SIGNED:
        for args in (
            ["consent", "history", "--db", str(path), "--subject", spelling],
            ["consent", "export", "--db", str(path), "--subject", spelling],
        ):
            result = runner.invoke(cli, args, env=env)
            assert result.exit_code == 0, result.output
            outputs.append(result.output)
    for args in (
        ["requests", "list", "--db", str(path), "--all"],
        ["requests", "show", "--db", str(path), "r-0"],
    ):
        result = runner.invoke(cli, args, env=env)
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    text = "\n".join(outputs)
    assert "131052-****" in text
    for needle in NEEDLES:
        assert needle not in text, needle


# --- file modes ----------------------------------------------------------------------------

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
@pytest.mark.usefixtures("umask_022")
def test_store_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with SQLiteStore(path, secret=SECRET, purposes={"p": False}) as store:
        store.append([ConsentEvent(subject=CODE, purpose="p", kind=EventKind.GIVE, at=T0)])
        files = sorted(file_bytes(path))
        assert {"store.db", "store.db-wal", "store.db-shm"} <= set(files)
        for name in files:
            assert mode(tmp_path / name) == 0o600, name
    assert mode(path) == 0o600


@posix_only
@pytest.mark.usefixtures("umask_022")
def test_a_left_over_open_wal_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    SQLiteStore(path, secret=SECRET).close()
    wal = tmp_path / "store.db-wal"
    wal.write_bytes(b"")
    wal.chmod(0o644)
    with SQLiteStore(path, secret=SECRET):
        assert mode(wal) == 0o600


@posix_only
@pytest.mark.usefixtures("umask_022")
def test_cli_export_file_is_private(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "store.db"
    with SQLiteStore(path, secret=SECRET, purposes={"p": False}) as store:
        store.append([ConsentEvent(subject=CODE, purpose="p", kind=EventKind.GIVE, at=T0)])
    env = {"REKISTERI_SECRET": SECRET.decode("ascii"), "REKISTERI_PURPOSES": None}
    new = tmp_path / "new.json"
    old = tmp_path / "old.json"
    old.write_text("{}")
    old.chmod(0o644)
    for output in (new, old):
        args = ["consent", "export", "--db", str(path), "--subject", CODE, "-o", str(output)]
        args += ["--force"] if output == old else []  # an existing file is replaced only so
        result = runner.invoke(cli, args, env=env)
        assert result.exit_code == 0, result.output
        assert mode(output) == 0o600, output
        assert b'"events"' in output.read_bytes()


# --- threads ----------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["file", "memory"])
def test_one_store_serves_a_thread_pool(tmp_path: Path, where: str) -> None:
    path: str | Path = tmp_path / "store.db" if where == "file" else ":memory:"
    subjects, rounds = 16, 6
    store = SQLiteStore(path, secret=SECRET, purposes={"news": True, "billing": False})

    def work(n: int) -> int:
        subject = CODE if n == 0 else f"c-{n}"
        reads = 0
        for r in range(rounds):
            kind = EventKind.GIVE if r % 2 == 0 else EventKind.WITHDRAW
            at = T0 + timedelta(minutes=r)
            store.append([ConsentEvent(subject=subject, purpose="news", kind=kind, at=at)])
            decision = store.may_process(subject, "news", at=at)
            assert decision.allowed is (kind is EventKind.GIVE)
            assert len(store.history(subject)) == r + 1
            assert bool(store.verify())
            reads += len(store.requests(subject=subject))
        return reads

    try:
        with ThreadPoolExecutor(8) as pool:
            assert sum(pool.map(work, range(subjects))) == 0
        result = store.verify()
        assert result.ok, result.problems
        assert result.events == subjects * rounds
        for n in range(subjects):
            history = store.history(CODE if n == 0 else f"c-{n}")
            assert [e.at for e in history] == [T0 + timedelta(minutes=r) for r in range(rounds)]
    finally:
        store.close()


def test_a_store_made_in_one_thread_works_in_another(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "store.db", secret=SECRET, purposes={"p": False})
    errors: list[BaseException] = []

    def use() -> None:
        try:
            store.append([ConsentEvent(subject="c-1", purpose="p", kind=EventKind.GIVE, at=T0)])
            assert store.may_process("c-1", "p", at=T0).allowed
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    thread = threading.Thread(target=use)
    thread.start()
    thread.join()
    store.close()
    assert errors == []


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "store.db", secret=SECRET, purposes={"p": False})
    store.close()
    store.close()  # harmless
    with pytest.raises(StoreFileError, match="closed"):
        store.history("c-1")
    with ThreadPoolExecutor(1) as pool, pytest.raises(StoreFileError, match="closed"):
        pool.submit(store.verify).result()
