"""Tests of the ``rekisteri consent`` commands."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from typing import TYPE_CHECKING

import pytest

from rekisteri.cli import cli

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import CliRunner, Result

pytest.importorskip("rekisteri.store.sqlite")

HETU = "131052-308T"  # DOMAIN.md's published example, never a real person's
SECRET = "cli test secret: at least 32 bytes long"  # noqa: S105 - a test value
REGISTER = """\
schema_version = 1
name = "Esimerkki Oy:n asiakasrekisteri"
rights = ["withdraw_consent"]

[controller]
name = "Esimerkki Oy"
business_id = "2077474-0"

[[purposes]]
key = "newsletter"
name = "Uutiskirje"
legal_basis = "consent"
direct_marketing = true

[[purposes]]
key = "billing-reminders"
name = "Laskumuistutukset"
legal_basis = "consent"
"""


@pytest.fixture
def purposes(tmp_path: Path) -> Path:
    path = tmp_path / "register.toml"
    path.write_text(REGISTER, encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "consent.db"


def run(runner: CliRunner, *args: str, env: dict[str, str | None] | None = None) -> Result:
    clean: dict[str, str | None] = {"REKISTERI_SECRET": SECRET, "REKISTERI_PURPOSES": None}
    return runner.invoke(cli, ["consent", *args], env={**clean, **(env or {})})


def record(runner: CliRunner, db: Path, purposes: Path, *args: str, subject: str = "c-1") -> Result:
    return run(
        runner, "record", "--db", str(db), "--purposes", str(purposes), "--subject", subject,
        *args,
    )  # fmt: skip


def status(
    runner: CliRunner, db: Path, purposes: Path, purpose: str, at: str, subject: str = "c-1"
) -> Result:
    return run(
        runner, "status", "--db", str(db), "--purposes", str(purposes), "--subject", subject,
        "--purpose", purpose, "--at", at,
    )  # fmt: skip


def assert_clean_error(result: Result, text: str) -> None:
    """Exit 2 with one line on stderr and no traceback."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith("rekisteri: error: ")
    assert text in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


class TestRecord:
    def test_give_creates_the_database(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """Recording a consent creates the database and confirms what was stored."""
        result = record(
            runner, db, purposes, "--purpose", "newsletter", "--event", "give",
            "--at", "2026-01-05T12:00+02:00", "--channel", "web-form",
            "--evidence", "tietosuojaseloste 2026-01",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert result.stdout == "recorded give of newsletter for c-1 at 2026-01-05T12:00:00+02:00\n"
        assert db.is_file()

    def test_prohibition_needs_no_purpose(
        self, runner: CliRunner, db: Path, purposes: Path
    ) -> None:
        """A prohibition is about the person, so --purpose may be left out."""
        result = record(
            runner,
            db,
            purposes,
            "--event",
            "prohibit_direct_marketing",
            "--at",
            "2026-01-05T12:00Z",
        )
        assert result.exit_code == 0, result.output
        assert "recorded prohibit_direct_marketing of * for c-1" in result.stdout

    def test_consent_needs_a_purpose(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """A consent event without --purpose is a usage error."""
        result = record(runner, db, purposes, "--event", "give")
        assert_clean_error(result, "--purpose is required for a give event")

    def test_purposes_from_environment(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """REKISTERI_PURPOSES names the register when --purposes is not given."""
        args = ("--db", str(db), "--subject", "c-1", "--purpose", "newsletter", "--event", "give")
        result = run(runner, "record", *args, env={"REKISTERI_PURPOSES": str(purposes)})
        assert result.exit_code == 0, result.output

    def test_unknown_purpose(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """A purpose that the register does not have is refused."""
        result = record(runner, db, purposes, "--purpose", "lottery", "--event", "give")
        assert_clean_error(result, "unknown purpose")

    def test_without_register_no_purposes(self, runner: CliRunner, db: Path) -> None:
        """Without a register no purpose is known, and a consent is refused."""
        args = ("--db", str(db), "--subject", "c-1", "--purpose", "newsletter", "--event", "give")
        assert_clean_error(run(runner, "record", *args), "unknown purpose")

    def test_illegal_transition(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """An event that the state machine does not allow is a one-line error, exit 2."""
        result = record(
            runner, db, purposes, "--purpose", "newsletter", "--event", "withdraw",
            "--at", "2026-01-05T12:00Z",
        )  # fmt: skip
        assert_clean_error(result, "event withdraw is not allowed when there is no record yet")

    def test_out_of_order(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """An event earlier than the subject's last one is refused."""
        first = ("--purpose", "newsletter", "--event", "give", "--at", "2026-02-01T00:00Z")
        assert record(runner, db, purposes, *first).exit_code == 0
        later = ("--purpose", "newsletter", "--event", "withdraw", "--at", "2026-01-01T00:00Z")
        assert_clean_error(record(runner, db, purposes, *later), "earlier")

    @pytest.mark.parametrize(
        ("option", "value", "message"),
        [
            ("--at", "2026-01-05T12:00", "--at: give a time zone"),
            ("--at", "yesterday", "--at: expected an ISO 8601 date-time"),
            ("--valid-until", "2027-01-05", "--valid-until: give a time zone"),
        ],
    )
    def test_bad_datetime(
        self, runner: CliRunner, db: Path, purposes: Path, option: str, value: str, message: str
    ) -> None:
        """Times must be ISO 8601 with a time zone."""
        result = record(runner, db, purposes, "--purpose", "newsletter", "--event", "give",
                        option, value)  # fmt: skip
        assert_clean_error(result, message)
        assert not db.exists()

    def test_unknown_event(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """An unknown event kind is a click usage error (exit 2)."""
        result = record(runner, db, purposes, "--purpose", "newsletter", "--event", "agree")
        assert result.exit_code == 2
        assert "Invalid value for '--event'" in result.stderr

    def test_blank_channel(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """A blank text field is refused with the field's name."""
        result = record(runner, db, purposes, "--purpose", "newsletter", "--event", "give",
                        "--channel", " ")  # fmt: skip
        assert_clean_error(result, "channel")

    def test_broken_register(self, runner: CliRunner, db: Path, tmp_path: Path) -> None:
        """A register file that is not valid is reported on one line."""
        broken = tmp_path / "broken.toml"
        broken.write_text('name = "x"\n', encoding="utf-8")
        result = record(runner, db, broken, "--purpose", "newsletter", "--event", "give")
        assert_clean_error(result, "broken.toml: invalid document")

    def test_missing_register(self, runner: CliRunner, db: Path, tmp_path: Path) -> None:
        """A register file that does not exist is a file error."""
        result = record(runner, db, tmp_path / "nope.toml", "--purpose", "newsletter",
                        "--event", "give")  # fmt: skip
        assert_clean_error(result, "cannot read")

    def test_not_a_database(self, runner: CliRunner, tmp_path: Path, purposes: Path) -> None:
        """A file that is not SQLite is a clean error, not a traceback."""
        junk = tmp_path / "junk.db"
        junk.write_bytes(b"this is not a database" * 100)
        result = record(runner, junk, purposes, "--purpose", "newsletter", "--event", "give")
        assert_clean_error(result, "junk.db")


class TestStatus:
    def test_allowed_then_prohibited(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """A valid consent exits 0; after a prohibition, direct marketing exits 1."""
        for purpose in ("newsletter", "billing-reminders"):
            given = record(runner, db, purposes, "--purpose", purpose, "--event", "give",
                           "--at", "2026-01-05T12:00Z")  # fmt: skip
            assert given.exit_code == 0, given.output
        allowed = status(runner, db, purposes, "newsletter", "2026-01-06T00:00Z")
        assert allowed.exit_code == 0
        assert allowed.stdout == "c-1\tnewsletter\tallowed: consent_valid (status: given)\n"

        prohibit = ("--event", "prohibit_direct_marketing", "--at", "2026-01-07T00:00Z")
        assert record(runner, db, purposes, *prohibit).exit_code == 0
        refused = status(runner, db, purposes, "newsletter", "2026-01-08T00:00Z")
        assert refused.exit_code == 1
        assert refused.stdout.endswith("not allowed: direct_marketing_prohibited (status: given)\n")
        billing = status(runner, db, purposes, "billing-reminders", "2026-01-08T00:00Z")
        assert billing.exit_code == 0
        assert "allowed: consent_valid" in billing.stdout

    def test_before_the_prohibition(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """--at asks about a moment before a later prohibition."""
        record(runner, db, purposes, "--purpose", "newsletter", "--event", "give",
               "--at", "2026-01-05T12:00Z")  # fmt: skip
        record(runner, db, purposes, "--event", "prohibit_direct_marketing",
               "--at", "2026-03-01T00:00Z")  # fmt: skip
        assert status(runner, db, purposes, "newsletter", "2026-02-01T00:00Z").exit_code == 0

    def test_no_consent(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """A subject without any consent is not allowed, with reason no_consent."""
        record(runner, db, purposes, "--subject", "c-2", "--purpose", "newsletter",
               "--event", "give")  # fmt: skip
        result = status(runner, db, purposes, "newsletter", "2026-01-05T12:00Z")
        assert result.exit_code == 1
        assert "not allowed: no_consent (status: none)" in result.stdout

    def test_expired(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """A consent past its --valid-until is not allowed, as expired."""
        record(runner, db, purposes, "--purpose", "newsletter", "--event", "give",
               "--at", "2026-01-05T12:00Z", "--valid-until", "2026-02-01T00:00Z")  # fmt: skip
        result = status(runner, db, purposes, "newsletter", "2026-02-01T00:00Z")
        assert result.exit_code == 1
        assert "consent_expired (status: expired)" in result.stdout

    def test_missing_database(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """Asking about a database that does not exist is a file error, and creates nothing."""
        result = status(runner, db, purposes, "newsletter", "2026-01-05T12:00Z")
        assert_clean_error(result, "no such consent database")
        assert not db.exists()


class TestHenkilotunnus:
    @pytest.mark.parametrize(("secret", "problem"), [(None, "is not set"), ("short", "is shorter")])
    def test_needs_secret(
        self, runner: CliRunner, db: Path, purposes: Path, secret: str | None, problem: str
    ) -> None:
        """Without a strong REKISTERI_SECRET no store is opened; the error says how to make one."""
        result = run(runner, "record", "--db", str(db), "--purposes", str(purposes),
                     "--subject", HETU, "--purpose", "newsletter", "--event", "give",
                     env={"REKISTERI_SECRET": secret})  # fmt: skip
        assert_clean_error(result, f"REKISTERI_SECRET {problem}")
        assert "secrets.token_hex(32)" in result.stderr
        assert HETU not in result.output
        assert "308T" not in result.output
        assert not db.exists()

    def test_with_secret_never_printed(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """With the secret, a henkilötunnus works, is masked in output, and is not in the file."""
        env: dict[str, str | None] = {"REKISTERI_SECRET": SECRET}
        args = ("--db", str(db), "--purposes", str(purposes), "--subject", HETU)
        given = run(runner, "record", *args, "--purpose", "newsletter", "--event", "give",
                    "--at", "2026-01-05T12:00Z", env=env)  # fmt: skip
        checked = run(runner, "status", *args, "--purpose", "newsletter",
                      "--at", "2026-01-06T00:00Z", env=env)  # fmt: skip
        history = run(runner, "history", "--db", str(db), "--subject", HETU, env=env)
        export = run(runner, "export", "--db", str(db), "--subject", HETU, env=env)
        assert (given.exit_code, checked.exit_code, history.exit_code, export.exit_code) == (
            0, 0, 0, 0,
        )  # fmt: skip
        assert "131052-****" in given.stdout
        assert checked.stdout.startswith("131052-****\tnewsletter\tallowed")
        for result in (given, checked, history, export):
            assert HETU not in result.output
            assert "308T" not in result.output
        assert json.loads(export.stdout)["subject"].startswith("hmac-sha256:")
        assert HETU.encode() not in db.read_bytes()

    def test_wrong_secret(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """A store refuses a secret other than the one it was created with."""
        args = ("--purpose", "newsletter", "--event", "give", "--at", "2026-01-05T12:00Z")
        first = run(runner, "record", "--db", str(db), "--purposes", str(purposes),
                    "--subject", HETU, *args, env={"REKISTERI_SECRET": "one" * 11})  # fmt: skip
        assert first.exit_code == 0
        result = run(runner, "history", "--db", str(db), "--subject", HETU,
                     env={"REKISTERI_SECRET": "two" * 11})  # fmt: skip
        assert_clean_error(result, "secret: not the secret this store was created with")

    def test_invalid_hetu_masked(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """A subject shaped like a henkilötunnus but invalid is refused, masked."""
        result = record(runner, db, purposes, "--purpose", "newsletter", "--event", "give",
                        subject="131052-308U")  # fmt: skip
        assert_clean_error(result, "subject:")
        assert "308U" not in result.output


class TestHistory:
    def test_lists_events(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """Each event is one tab-separated line, oldest first, with its extra fields."""
        record(runner, db, purposes, "--purpose", "newsletter", "--event", "give",
               "--at", "2026-01-05T12:00Z", "--channel", "web-form",
               "--valid-until", "2027-01-05T00:00Z")  # fmt: skip
        record(runner, db, purposes, "--purpose", "newsletter", "--event", "withdraw",
               "--at", "2026-02-01T08:30Z", "--actor", "subject")  # fmt: skip
        result = run(runner, "history", "--db", str(db), "--subject", "c-1")
        assert result.exit_code == 0
        assert result.stdout.splitlines() == [
            (
                "2026-01-05T12:00:00+00:00\tnewsletter\tgive\tchannel=web-form"
                "\tvalid_until=2027-01-05T00:00:00+00:00"
            ),
            "2026-02-01T08:30:00+00:00\tnewsletter\twithdraw\tactor=subject",
        ]
        assert result.stderr == "2 event(s) for c-1\n"

    def test_guardian(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """A consent given by a guardian says so in the history."""
        record(runner, db, purposes, "--purpose", "newsletter", "--event", "give",
               "--actor", "guardian", "--by-guardian")  # fmt: skip
        result = run(runner, "history", "--db", str(db), "--subject", "c-1")
        assert result.exit_code == 0
        assert "\tactor=guardian\tby_guardian=yes" in result.stdout

    def test_unknown_subject(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """A subject without events has an empty history."""
        record(runner, db, purposes, "--purpose", "newsletter", "--event", "give")
        result = run(runner, "history", "--db", str(db), "--subject", "c-9")
        assert (result.exit_code, result.stdout) == (0, "")
        assert result.stderr == "0 event(s) for c-9\n"


class TestExport:
    def test_stdout_and_file(
        self, runner: CliRunner, db: Path, purposes: Path, tmp_path: Path
    ) -> None:
        """The export is a JSON document, on stdout or in the -o file."""
        record(runner, db, purposes, "--purpose", "newsletter", "--event", "give",
               "--at", "2026-01-05T12:00Z")  # fmt: skip
        result = run(runner, "export", "--db", str(db), "--subject", "c-1")
        assert result.exit_code == 0
        document = json.loads(result.stdout)
        assert [event["kind"] for event in document["events"]] == ["give"]
        assert document["subject"] == "c-1"

        out = tmp_path / "export.json"
        written = run(runner, "export", "--db", str(db), "--subject", "c-1", "-o", str(out))
        assert (written.exit_code, written.stdout) == (0, "")
        assert json.loads(out.read_bytes()) == document


class TestVerify:
    def test_intact(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """An untouched ledger verifies, exit 0."""
        record(runner, db, purposes, "--purpose", "newsletter", "--event", "give")
        result = run(runner, "verify", "--db", str(db))
        assert result.exit_code == 0
        assert result.stdout == f"{db}: ok (1 events)\n"

    def test_tampered(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """An edited row is listed with its seq, exit 1."""
        for kind, at in (("give", "2026-01-05T12:00Z"), ("withdraw", "2026-01-06T12:00Z")):
            record(runner, db, purposes, "--purpose", "newsletter", "--event", kind, "--at", at)
        with closing(sqlite3.connect(db)) as conn, conn:
            conn.execute(
                "UPDATE events SET payload = CAST(replace(CAST(payload AS TEXT), 'withdraw',"
                " 'give') AS BLOB) WHERE seq = 2"
            )
        conn.close()
        result = run(runner, "verify", "--db", str(db))
        assert result.exit_code == 1, result.output
        lines = result.stdout.splitlines()
        assert lines[0] == f"{db}: 1 problem(s) in 2 events"
        assert lines[1].startswith("  seq 2: edited: ")

    def test_blanked_row(self, runner: CliRunner, db: Path, purposes: Path) -> None:
        """A row emptied by hand, the way erase empties rows, is reported, exit 1."""
        record(runner, db, purposes, "--purpose", "newsletter", "--event", "give")
        with closing(sqlite3.connect(db)) as conn, conn:
            conn.execute(
                "UPDATE events SET payload = NULL, subject = NULL, purpose = NULL, kind = NULL,"
                " at_us = NULL, status = NULL, valid_until_us = NULL WHERE seq = 1"
            )
        conn.close()
        result = run(runner, "verify", "--db", str(db))
        assert result.exit_code == 1, result.output
        assert "  seq 1: erased_without_record: " in result.stdout

    def test_checkpoint_reveals_truncation(
        self, runner: CliRunner, db: Path, purposes: Path, tmp_path: Path
    ) -> None:
        """Rows cut off with the chain head moved back pass alone, not against a checkpoint."""
        for kind, at in (("give", "2026-01-05T12:00Z"), ("withdraw", "2026-01-06T12:00Z")):
            record(runner, db, purposes, "--purpose", "newsletter", "--event", kind, "--at", at)
        saved = tmp_path / "checkpoint.json"
        made = run(runner, "checkpoint", "--db", str(db), "-o", str(saved))
        assert (made.exit_code, made.stdout) == (0, "")
        printed = run(runner, "checkpoint", "--db", str(db))
        assert json.loads(printed.stdout)["heads"]["consent"]["seq"] == 2
        good = run(runner, "verify", "--db", str(db), "--checkpoint", str(saved))
        assert good.exit_code == 0, good.output
        with closing(sqlite3.connect(db)) as conn, conn:
            conn.execute("DELETE FROM events WHERE seq = 2")
            conn.execute(
                "UPDATE chain_head SET seq = 1, hash = (SELECT hash FROM events WHERE seq = 1)"
            )
        conn.close()
        assert run(runner, "verify", "--db", str(db)).exit_code == 0
        result = run(runner, "verify", "--db", str(db), "--checkpoint", str(saved))
        assert result.exit_code == 1, result.output
        assert "  seq 2: checkpoint: " in result.stdout

    def test_unreadable_checkpoint(self, runner: CliRunner, db: Path, tmp_path: Path) -> None:
        """A file that is not a checkpoint is a clean error, exit 2."""
        bad = tmp_path / "bad.json"
        bad.write_text("{}", encoding="utf-8")
        result = run(runner, "verify", "--db", str(db), "--checkpoint", str(bad))
        assert_clean_error(result, "not a rekisteri checkpoint")

    def test_dropped_table_is_a_clean_error(
        self, runner: CliRunner, db: Path, purposes: Path
    ) -> None:
        """A store whose ledger table was dropped is a file error (exit 2), not a traceback."""
        record(runner, db, purposes, "--purpose", "newsletter", "--event", "give")
        with closing(sqlite3.connect(db)) as conn, conn:
            conn.execute("DROP TABLE events")
        conn.close()
        assert_clean_error(run(runner, "verify", "--db", str(db)), "cannot be read")

    def test_missing_database(self, runner: CliRunner, db: Path) -> None:
        """Verifying a database that does not exist is a file error."""
        assert_clean_error(run(runner, "verify", "--db", str(db)), "no such consent database")


class TestErase:
    def test_erase_prints_the_count_never_the_hetu(
        self, runner: CliRunner, db: Path, purposes: Path
    ) -> None:
        """Erase empties the subject's events, says how many, masks a henkilötunnus."""
        for kind, at in (("give", "2026-01-05T12:00Z"), ("withdraw", "2026-01-06T12:00Z")):
            record(runner, db, purposes, "--purpose", "newsletter", "--event", kind, "--at", at,
                   subject=HETU)  # fmt: skip
        result = run(runner, "erase", "--db", str(db), "--subject", HETU)
        assert result.exit_code == 0, result.output
        assert result.stdout == "erased 2 event(s) of 131052-****\n"
        assert HETU not in result.output
        assert run(runner, "verify", "--db", str(db)).stdout == f"{db}: ok (3 events)\n"
        again = run(runner, "erase", "--db", str(db), "--subject", HETU)
        assert again.stdout == "erased 0 event(s) of 131052-****\n"


class TestHelp:
    def test_group_help(self, runner: CliRunner) -> None:
        """The consent group lists its commands and names the secret variable."""
        result = runner.invoke(cli, ["consent", "--help"])
        assert result.exit_code == 0
        for command in ("record", "status", "history", "verify", "export"):
            assert command in result.stdout
        assert "REKISTERI_SECRET" in result.stdout
