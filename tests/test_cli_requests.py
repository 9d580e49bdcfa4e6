"""Tests of the ``rekisteri requests`` and ``rekisteri retention`` commands."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner, Result

from rekisteri.cli import cli

if TYPE_CHECKING:
    from pathlib import Path

HETU = "131052-308T"  # DOMAIN.md's published example, never a real person's
ENV = {"REKISTERI_SECRET": "test-secret"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(cli, list(args), env=ENV)


def record(runner: CliRunner, db: Path, *args: str) -> Result:
    return run(runner, "requests", "record", "--db", str(db), *args)


class TestDeadline:
    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (["2025-01-31"], "2025-02-28"),
            (["2026-01-31"], "2026-03-02 (moved from 2026-02-28)"),
            (["2025-11-24"], "2025-12-24"),
            (["2025-11-24", "--eves"], "2025-12-29 (moved from 2025-12-24)"),
            (["2025-01-31", "--extension", "2"], "2025-04-30"),
            (["2025-01-31", "--extension", "2", "--chained"], "2025-04-28"),
            (["2025-01-31T23:30+00:00"], "2025-03-03 (moved from 2025-03-01)"),
        ],
    )
    def test_prints_the_due_date(self, runner: CliRunner, args: list[str], expected: str) -> None:
        """The deadline command prints the due day and where it was moved from."""
        result = run(runner, "requests", "deadline", *args)
        assert result.exit_code == 0, result.output
        assert result.stdout.strip() == expected

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["2025-01-31", "--extension", "3"], "at most two"),
            (["2025-01-31", "--extension", "-1"], "negative"),
            (["2025-01-31T10:00"], "time zone"),
            (["31.1.2025"], "expected a date"),
        ],
    )
    def test_bad_input(self, runner: CliRunner, args: list[str], message: str) -> None:
        """Bad input exits 2 with one clear line, no traceback."""
        result = run(runner, "requests", "deadline", *args)
        assert result.exit_code == 2
        assert message in result.stderr
        assert "Traceback" not in result.output


class TestRecordAndList:
    def test_lifecycle_and_listing(self, runner: CliRunner, tmp_path: Path) -> None:
        """Recorded requests are listed with their state; overdue ones make exit 1."""
        db = tmp_path / "r.db"
        at = "--at"
        ok = record(
            runner, db, "--request", "r1", "--subject", HETU, "--event", "receive",
            "--right", "access", at, "2025-01-31T10:00+02:00",
        )  # fmt: skip
        assert ok.exit_code == 0, ok.output
        assert "due 2025-02-28" in ok.stdout
        assert HETU not in ok.output
        second = record(
            runner, db, "--request", "r2", "--subject", "c-7", "--event", "receive",
            "--right", "erasure", at, "2025-02-20T10:00+02:00",
        )  # fmt: skip
        assert second.exit_code == 0, second.output
        listed = run(runner, "requests", "list", "--db", str(db), "--at", "2025-03-01T12:00+02:00")
        assert listed.exit_code == 1
        lines = listed.stdout.splitlines()
        assert lines[0].split("\t")[:5] == ["r1", "access", "initiated", "2025-02-28", "OVERDUE"]
        assert lines[1].split("\t")[:5] == [
            "r2",
            "erasure",
            "initiated",
            "2025-03-20",
            "19 days left",
        ]
        assert HETU not in listed.output
        due = run(
            runner, "requests", "list", "--db", str(db), "--due", "30",
            "--at", "2025-03-01T12:00+02:00",
        )  # fmt: skip
        assert due.exit_code == 0
        assert [line.split("\t")[0] for line in due.stdout.splitlines()] == ["r2"]
        late = run(
            runner, "requests", "list", "--db", str(db), "--overdue",
            "--at", "2025-03-01T12:00+02:00",
        )  # fmt: skip
        assert late.exit_code == 1
        assert [line.split("\t")[0] for line in late.stdout.splitlines()] == ["r1"]

    def test_days_left_counts_helsinki_days(self, runner: CliRunner, tmp_path: Path) -> None:
        """At 23:30 Helsinki time (21:30 UTC) the day is already the Helsinki one."""
        db = tmp_path / "r.db"
        record(runner, db, "--request", "r1", "--subject", "c-1", "--event", "receive",
               "--right", "access", "--at", "2025-02-20T10:00+02:00")  # fmt: skip
        listed = run(runner, "requests", "list", "--db", str(db), "--at", "2025-03-01T22:30+00:00")
        assert listed.exit_code == 0, listed.output
        assert listed.stdout.split("\t")[4] == "18 days left"  # 2.3 → 20.3 in Helsinki

    def test_illegal_step_stores_nothing(self, runner: CliRunner, tmp_path: Path) -> None:
        """A skipped step exits 2 and the ledger is unchanged."""
        db = tmp_path / "r.db"
        record(runner, db, "--request", "r1", "--subject", "c-1", "--event", "receive",
               "--right", "access")  # fmt: skip
        result = record(runner, db, "--request", "r1", "--subject", "c-1", "--event", "fulfil")
        assert result.exit_code == 2
        assert "not allowed" in result.stderr
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT count(*) FROM request_events").fetchone() == (1,)

    @pytest.mark.parametrize(
        ("extra", "message"),
        [
            (["--right", "teleport"], "right"),
            ([], "right"),
            (["--right", "complaint"], "not exercised by a request"),
            (["--right", "access", "--at", "2025-01-31T10:00"], "time zone"),
        ],
    )
    def test_bad_receive(
        self, runner: CliRunner, tmp_path: Path, extra: list[str], message: str
    ) -> None:
        """An unknown right or a naive time is refused with exit 2, and no file is made."""
        db = tmp_path / "r.db"
        result = record(
            runner, db, "--request", "r1", "--subject", HETU, "--event", "receive", *extra
        )
        assert result.exit_code == 2
        assert message in result.stderr
        assert HETU not in result.output
        assert not db.exists()

    def test_show_and_verify(self, runner: CliRunner, tmp_path: Path) -> None:
        """Show prints the request and its events; verify reports a tampered row."""
        db = tmp_path / "r.db"
        for args in (
            ["--event", "receive", "--right", "object", "--channel", "email"],
            ["--event", "acknowledge"],
            ["--event", "reject", "--ground", "excessive", "--reason", "fifth copy this week"],
        ):
            result = record(runner, db, "--request", "r1", "--subject", "c-1", *args)
            assert result.exit_code == 0, result.output
        shown = run(runner, "requests", "show", "--db", str(db), "r1")
        assert shown.exit_code == 0
        assert "status:    rejected" in shown.stdout
        assert "refused:   excessive: fifth copy this week" in shown.stdout
        assert "channel=email" in shown.stdout
        assert run(runner, "requests", "show", "--db", str(db), "nope").exit_code == 2
        assert run(runner, "requests", "verify", "--db", str(db)).exit_code == 0
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE request_events SET digest = printf('%064d', 7) WHERE seq = 2")
        tampered = run(runner, "requests", "verify", "--db", str(db))
        assert tampered.exit_code == 1
        assert "edited" in tampered.stdout

    def test_missing_database(self, runner: CliRunner, tmp_path: Path) -> None:
        """Listing a database that does not exist exits 2."""
        result = run(runner, "requests", "list", "--db", str(tmp_path / "none.db"))
        assert result.exit_code == 2
        assert "no such database" in result.stderr


REGISTER = """\
schema_version = 1
name = "Esimerkki Oy:n asiakasrekisteri"

[controller]
name = "Esimerkki Oy"

[[data_categories]]
key = "contact"
name = "Yhteystiedot"

[[data_categories]]
key = "receipts"
name = "Tositteet"

[[retention]]
data_categories = ["contact"]
period = { years = 1 }
trigger = "end_of_customer_relationship"
passivate = true

[[retention]]
data_categories = ["receipts"]
period = { years = 6 }
trigger = "end_of_calendar_year_of_financial_year_end"
statute = "kirjanpitolaki 1336/1997 2 luku 10 §"
"""

RECORDS = """\
id,category,end_of_customer_relationship,end_of_financial_year,legal_hold
c1,contact,2024-03-01,,
c2,contact,2025-11-01,,
c3,contact,,,
v1,receipts,,2019-06-30,
v2,receipts,,2019-06-30,tax audit 2025
"""


class TestRetentionPlan:
    def test_plan(self, runner: CliRunner, tmp_path: Path) -> None:
        """The plan prints one action per record with its basis and keep-until day."""
        (tmp_path / "register.toml").write_text(REGISTER, encoding="utf-8")
        (tmp_path / "records.csv").write_text(RECORDS, encoding="utf-8")
        result = run(
            runner, "retention", "plan", str(tmp_path / "register.toml"),
            str(tmp_path / "records.csv"), "--today", "2026-01-15",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        rows = [line.split("\t")[:4] for line in result.stdout.splitlines()]
        assert rows == [
            ["c1", "delete", "retention_ended", "2025-03-01"],
            ["c2", "passivate", "passivation", "2026-11-01"],
            ["c3", "keep", "trigger_pending", "-"],
            ["v1", "delete", "retention_ended", "2025-12-31"],
            ["v2", "legal_hold", "legal_hold", "-"],
        ]
        assert "tax audit 2025" in result.stdout

    def test_bad_date_in_records(self, runner: CliRunner, tmp_path: Path) -> None:
        """A malformed date names the line and exits 2."""
        (tmp_path / "register.toml").write_text(REGISTER, encoding="utf-8")
        (tmp_path / "records.csv").write_text(
            "id,category,end_of_financial_year\nv1,receipts,30.6.2019\n", encoding="utf-8"
        )
        result = run(
            runner, "retention", "plan", str(tmp_path / "register.toml"),
            str(tmp_path / "records.csv"), "--today", "2026-01-15",
        )  # fmt: skip
        assert result.exit_code == 2
        assert "line 2" in result.stderr
