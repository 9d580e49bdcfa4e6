"""Tests of the ``rekisteri requests`` and ``rekisteri retention`` commands."""

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

HETU = "131052-308T"  # DOMAIN.md's published example, never a real person's
ENV = {"REKISTERI_SECRET": "cli-requests-test-secret-32bytes"}  # at least 32 bytes


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
        # --due N lists the overdue ones too, marked, and exits 1 (issue 17: it hid them).
        assert due.exit_code == 1
        assert [line.split("\t")[0] for line in due.stdout.splitlines()] == ["r1", "r2"]
        assert due.stdout.splitlines()[0].split("\t")[4] == "OVERDUE"
        assert "1 overdue request(s) of 2 listed" in due.stderr
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
        with closing(sqlite3.connect(db)) as conn, conn:
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
        with closing(sqlite3.connect(db)) as conn, conn:
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


class TestListAtAMoment:
    """`requests list --at <past>` lists the requests as they stood then, not today's open ones.

    r1: received 5.1.2026, fulfilled 20.1. r2: received 1.3. r3: received 2.1,
    fulfilled late on 1.3 (due 2.2).
    """

    @pytest.fixture
    def db(self, runner: CliRunner, tmp_path: Path) -> Path:
        """The store of the three requests (accepted the day after receipt)."""
        db = tmp_path / "r.db"
        for request, event, at, right in (
            ("r3", "receive", "2026-01-02T10:00Z", "access"),
            ("r3", "acknowledge", "2026-01-03T10:00Z", None),
            ("r3", "accept", "2026-01-03T11:00Z", None),
            ("r1", "receive", "2026-01-05T10:00Z", "erasure"),
            ("r1", "acknowledge", "2026-01-06T10:00Z", None),
            ("r1", "accept", "2026-01-06T11:00Z", None),
            ("r1", "fulfil", "2026-01-20T10:00Z", None),
            ("r2", "receive", "2026-03-01T10:00Z", "access"),
            ("r3", "fulfil", "2026-03-01T11:00Z", None),
        ):
            extra = ["--right", right] if right else []
            result = record(runner, db, "--request", request, "--subject", "c-1",
                            "--event", event, "--at", at, *extra)  # fmt: skip
            assert result.exit_code == 0, result.output
        return db

    def listed(self, runner: CliRunner, db: Path, *args: str) -> list[list[str]]:
        """The first five columns of the listed lines."""
        result = run(runner, "requests", "list", "--db", str(db), *args)
        assert result.exit_code in (0, 1), result.output
        return [line.split("\t")[:5] for line in result.stdout.splitlines()]

    def test_open_then(self, runner: CliRunner, db: Path) -> None:
        """On 10.1 r1 and r3 were open (accepted); r2 was not yet received."""
        assert self.listed(runner, db, "--at", "2026-01-10T12:00Z") == [
            ["r1", "erasure", "accepted", "2026-02-05", "26 days left"],
            ["r3", "access", "accepted", "2026-02-02", "23 days left"],
        ]

    def test_all_then(self, runner: CliRunner, db: Path) -> None:
        """--all on 25.1 lists r1 closed then and r3 open; r2 is not there yet."""
        assert [
            row[:3] for row in self.listed(runner, db, "--all", "--at", "2026-01-25T12:00Z")
        ] == [
            ["r1", "erasure", "fulfilled"],
            ["r3", "access", "accepted"],
        ]

    def test_overdue_then(self, runner: CliRunner, db: Path) -> None:
        """On 15.2 r3 was overdue (closed only on 1.3): --overdue lists it and exits 1."""
        result = run(runner, "requests", "list", "--db", str(db), "--overdue",
                     "--at", "2026-02-15T12:00Z")  # fmt: skip
        assert result.exit_code == 1, result.output
        assert [line.split("\t")[0] for line in result.stdout.splitlines()] == ["r3"]
        due = run(runner, "requests", "list", "--db", str(db), "--due", "30",
                  "--at", "2026-01-10T12:00Z", "--format", "json")  # fmt: skip
        assert due.exit_code == 0, due.output
        assert '"r1"' in due.stdout
        assert '"r2"' not in due.stdout

    def test_now_is_unchanged(self, runner: CliRunner, db: Path) -> None:
        """Without --at: r2 alone is open today."""
        assert [row[0] for row in self.listed(runner, db)] == ["r2"]


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


# --- review: error paths, masking, late refusals ----------------------------------------


def _plan(runner: CliRunner, tmp_path: Path, csv_text: str | bytes, *extra: str) -> Result:
    (tmp_path / "register.toml").write_text(REGISTER, encoding="utf-8")
    records = tmp_path / "records.csv"
    if isinstance(csv_text, bytes):
        records.write_bytes(csv_text)
    else:
        records.write_text(csv_text, encoding="utf-8")
    return run(
        runner, "retention", "plan", str(tmp_path / "register.toml"), str(records),
        "--today", "2026-01-15", *extra,
    )  # fmt: skip


def _one_line_error(result: Result, *fragments: str) -> None:
    """Exit 2, one line on stderr, no traceback, nothing on stdout, no raw henkilötunnus."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("rekisteri: error: ")
    assert result.stdout == ""
    assert HETU not in result.output
    for fragment in fragments:
        assert fragment in lines[0]


class TestRetentionPlanErrors:
    @pytest.mark.parametrize(
        ("csv_text", "fragment"),
        [
            (b"id,category\n\xe41,contact\n", "not UTF-8"),
            ("id,category,end_of_customer_relatioship\nc1,contact,2020-01-01\n", "unknown column"),
            ("id,end_of_customer_relationship\nc1,2020-01-01\n", "missing column(s) category"),
            ("id,category,id\nc1,contact,c2\n", "given twice"),
            ("", "no header line"),
            ("id,category\nc1,contact,extra\n", "line 2: more fields"),
            ('id,category\nc1,"' + "x" * 200_000 + '"\n', "not a readable CSV"),
            ("id,category,passive\nc1,contact,kyllä\n", "passive: expected 1, true"),
            ("id,category,marketing_prohibition\nc1,contact,Y\n", "marketing_prohibition"),
            ("id,category,end_of_customer_relationship\nc1,contact,20240301\n", "YYYY-MM-DD"),
            ("id,category,end_of_customer_relationship\nc1,contact,2024-02-30\n", "line 2"),
            (
                "id,category,end_of_customer_relationship\nc1,contact,2024-03-01T10:00\n",
                "YYYY-MM-DD",
            ),
            (f"id,category,end_of_customer_relationship\n{HETU},contact,1.3.2024\n", "line 2"),
        ],
    )
    def test_bad_records(
        self, runner: CliRunner, tmp_path: Path, csv_text: str | bytes, fragment: str
    ) -> None:
        """Each problem in the records CSV is one line, exit 2, never a traceback."""
        _one_line_error(_plan(runner, tmp_path, csv_text), fragment)

    def test_line_number_counts_quoted_newlines(self, runner: CliRunner, tmp_path: Path) -> None:
        """The line named is the physical line, also after a quoted field with a newline."""
        text = 'id,category,legal_hold\nc1,contact,"two\nlines"\nc2,contact,,x\n'
        _one_line_error(_plan(runner, tmp_path, text), "line 4")

    def test_directory_and_missing_files(self, runner: CliRunner, tmp_path: Path) -> None:
        """A directory or a missing file as REGISTER or RECORDS: one line, exit 2."""
        (tmp_path / "register.toml").write_text(REGISTER, encoding="utf-8")
        (tmp_path / "records.csv").write_text(RECORDS, encoding="utf-8")
        register, records = str(tmp_path / "register.toml"), str(tmp_path / "records.csv")
        for args in (
            [str(tmp_path), records],
            [register, str(tmp_path)],
            [str(tmp_path / "none.toml"), records],
            [register, str(tmp_path / "none.csv")],
        ):
            result = run(runner, "retention", "plan", *args, "--today", "2026-01-15")
            _one_line_error(result)

    @pytest.mark.parametrize("today", [["--today", "2026-13-01"], ["--today", "15.1.2026"], []])
    def test_bad_or_missing_today(
        self, runner: CliRunner, tmp_path: Path, today: list[str]
    ) -> None:
        """A bad or missing --today is one line, exit 2 (not click's usage block)."""
        (tmp_path / "register.toml").write_text(REGISTER, encoding="utf-8")
        (tmp_path / "records.csv").write_text(RECORDS, encoding="utf-8")
        result = run(
            runner, "retention", "plan", str(tmp_path / "register.toml"),
            str(tmp_path / "records.csv"), *today,
        )  # fmt: skip
        _one_line_error(result, "--today")

    def test_register_not_utf8(self, runner: CliRunner, tmp_path: Path) -> None:
        """A register file that is not UTF-8 is one line, exit 2."""
        (tmp_path / "register.toml").write_bytes(REGISTER.encode("utf-16"))
        (tmp_path / "records.csv").write_text(RECORDS, encoding="utf-8")
        result = run(
            runner, "retention", "plan", str(tmp_path / "register.toml"),
            str(tmp_path / "records.csv"), "--today", "2026-01-15",
        )  # fmt: skip
        _one_line_error(result)

    def test_henkilotunnus_is_masked_in_the_plan(self, runner: CliRunner, tmp_path: Path) -> None:
        """A henkilötunnus used as a record id or in a legal hold never appears in full."""
        text = (
            "id,category,end_of_customer_relationship,legal_hold\n"
            f"{HETU},contact,2020-01-01,\n"
            f"c2,contact,2020-01-01,riita-asia {HETU}\n"
        )
        result = _plan(runner, tmp_path, text)
        assert result.exit_code == 0, result.output
        assert HETU not in result.output
        rows = [line.split("\t") for line in result.stdout.splitlines()]
        assert [row[:2] for row in rows] == [["131052-****", "delete"], ["c2", "legal_hold"]]
        assert rows[1][4] == "legal hold: riita-asia 131052-****"

    def test_flags_are_read(self, runner: CliRunner, tmp_path: Path) -> None:
        """Accepted flag values turn the prohibition and passive on; 0/no/empty leave them off."""
        text = (
            "id,category,end_of_customer_relationship,marketing_prohibition,passive\n"
            "c1,contact,2020-01-01,Yes,\n"
            "c2,contact,2020-01-01,no,0\n"
            "c3,contact,2025-11-01,,x\n"
        )
        result = _plan(runner, tmp_path, text)
        assert result.exit_code == 0, result.output
        rows = [line.split("\t")[:3] for line in result.stdout.splitlines()]
        assert rows == [
            ["c1", "keep", "marketing_prohibition"],
            ["c2", "delete", "retention_ended"],
            ["c3", "keep", "retention_running"],
        ]


class TestRetentionPlanStreams:
    """`retention plan` reads, plans and holds its output record by record (not a list of all).

    1M records: 654 MB (text) and 1.5 GB (JSON) of RSS before, 93 MB after; the
    output is held in a temporary file past a few MiB and printed at the end.
    """

    TEXT = (
        "id,category,end_of_customer_relationship,legal_hold\n"
        + "".join(f"c{n},contact,20{10 + n % 15}-01-01,{'hold' if n % 7 == 0 else ''}\n"
                  for n in range(400))
    )  # fmt: skip

    @pytest.mark.parametrize("fmt", ["text", "json"])
    def test_output_held_in_a_file_is_the_same(
        self,
        runner: CliRunner,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        fmt: str,
    ) -> None:
        """Output past the in-memory size goes through a temporary file, unchanged."""
        from rekisteri.cli import _retention

        in_memory = _plan(runner, tmp_path, self.TEXT, "-f", fmt)
        monkeypatch.setattr(_retention, "_HELD_OUTPUT_BYTES", 100)
        through_a_file = _plan(runner, tmp_path, self.TEXT, "-f", fmt)
        assert in_memory.exit_code == through_a_file.exit_code == 0, in_memory.output
        assert through_a_file.stdout == in_memory.stdout
        if fmt == "json":
            document = json.loads(in_memory.stdout)
            assert document["today"] == "2026-01-15"
            assert len(document["actions"]) == 400
        else:
            assert len(in_memory.stdout.splitlines()) == 400

    @pytest.mark.parametrize("fmt", ["text", "json"])
    def test_an_error_on_the_last_line_prints_no_plan(
        self, runner: CliRunner, tmp_path: Path, fmt: str
    ) -> None:
        """The plan is printed only once the whole CSV is read: exit 2, standard output empty."""
        result = _plan(runner, tmp_path, self.TEXT + "c-bad,contact,2020-13-01,\n", "-f", fmt)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert "line 402" in result.stderr


class TestRequestsErrors:
    @pytest.mark.parametrize(
        "args",
        [
            ["list"],
            ["show", "r1"],
            ["verify"],
            ["record", "--request", "r1", "--subject", HETU, "--event", "receive",
             "--right", "access", "--at", "2025-01-01T10:00Z"],
        ],
    )  # fmt: skip
    @pytest.mark.parametrize("which", ["directory", "not_sqlite"])
    def test_bad_database(
        self, runner: CliRunner, tmp_path: Path, args: list[str], which: str
    ) -> None:
        """A directory or a file that is not SQLite as --db: one line, exit 2."""
        if which == "directory":
            db = tmp_path
        else:
            db = tmp_path / "notes.db"
            db.write_text("not a database\n" * 200, encoding="utf-8")
        result = run(runner, "requests", args[0], "--db", str(db), *args[1:])
        _one_line_error(result)

    @pytest.mark.parametrize(
        ("args", "fragment"),
        [
            (["--right", "bogus"], "right: expected one of"),
            (["--right", "complaint"], "not exercised by a request"),
            (["--right", "access", "--at", "2025-01-01T10:00"], "time zone"),
            (["--right", "access", "--at", "1.1.2025"], "ISO 8601"),
            (["--right", "access", "--extension-months", "x"], "--extension-months"),
            (["--right", "access", "--identity", "maybe"], "--identity"),
            ([], "right"),
        ],
    )
    def test_bad_receive_options(
        self, runner: CliRunner, tmp_path: Path, args: list[str], fragment: str
    ) -> None:
        """Bad values on record are one line, exit 2, with the subject masked."""
        base = ["--request", "r1", "--subject", HETU, "--event", "receive"]
        at = [] if "--at" in args else ["--at", "2025-01-01T10:00Z"]
        result = record(runner, tmp_path / "r.db", *base, *at, *args)
        _one_line_error(result, fragment)
        assert not (tmp_path / "r.db").exists()

    def test_event_for_an_unknown_request(self, runner: CliRunner, tmp_path: Path) -> None:
        """An event for a request that was never received says so."""
        db = tmp_path / "r.db"
        first = record(runner, db, "--request", "r1", "--subject", "c-1", "--event", "receive",
                       "--right", "access", "--at", "2025-01-01T10:00Z")  # fmt: skip
        assert first.exit_code == 0, first.output
        result = record(runner, db, "--request", "r2", "--subject", "c-1", "--event",
                        "acknowledge", "--at", "2025-01-02T10:00Z")  # fmt: skip
        _one_line_error(result, "no request 'r2'", "receive event first")

    def test_deadline_usage_errors(self, runner: CliRunner) -> None:
        """A non-integer --extension or a missing RECEIVED: one line, exit 2."""
        _one_line_error(run(runner, "requests", "deadline", "2025-01-31", "--extension", "x"))
        _one_line_error(run(runner, "requests", "deadline"))

    def test_henkilotunnus_never_shown(self, runner: CliRunner, tmp_path: Path) -> None:
        """A henkilötunnus as request id is refused; in notes or reasons it is always masked."""
        db = tmp_path / "r.db"
        steps = [
            ["--event", "receive", "--right", "access", "--at", "2025-01-01T10:00Z",
             "--notes", f"soitti, hetu {HETU}"],
            ["--event", "acknowledge", "--at", "2025-01-02T10:00Z"],
            ["--event", "reject", "--ground", "exemption", "--reason", f"{HETU} ei ole asiakas",
             "--at", "2025-01-03T10:00Z"],
        ]  # fmt: skip
        # A request id is stored as given, so one that holds an identity code is refused.
        refused = record(runner, db, "--request", HETU, "--subject", HETU, *steps[0])
        _one_line_error(refused, "request_id")
        outputs = [refused.output]
        for step in steps:
            result = record(runner, db, "--request", "r-1", "--subject", HETU, *step)
            assert result.exit_code == 0, result.output
            outputs.append(result.output)
        shown = run(runner, "requests", "show", "--db", str(db), "r-1")
        listed = run(runner, "requests", "list", "--db", str(db), "--all")
        missing = run(runner, "requests", "show", "--db", str(db), "010594Y9032")
        assert shown.exit_code == 0, shown.output
        assert "131052-****" in shown.stdout
        assert listed.stdout.startswith("r-1\taccess\trejected")
        _one_line_error(missing, "010594Y****")
        for output in [*outputs, shown.output, listed.output, missing.output]:
            assert HETU not in output
            assert "010594Y9032" not in output


class TestLateRefusalCli:
    def test_late_refusal_is_stored_warned_and_listed(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """A refusal after the first month is recorded, with a warning, and shown as late."""
        db = tmp_path / "r.db"
        for request_id, reject_at in (
            ("on-time", "2025-02-28T21:59Z"),
            ("late", "2025-03-03T09:00Z"),
        ):
            for step in (
                ["--event", "receive", "--right", "erasure", "--at", "2025-01-31T09:00Z"],
                ["--event", "acknowledge", "--at", "2025-02-01T09:00Z"],
            ):
                assert (
                    record(runner, db, "--request", request_id, "--subject", "c-1", *step).exit_code
                    == 0
                )
            result = record(runner, db, "--request", request_id, "--subject", "c-1",
                            "--event", "reject", "--ground", "manifestly_unfounded",
                            "--reason", "No data.", "--at", reject_at)  # fmt: skip
            assert result.exit_code == 0, result.output
            assert result.stdout.startswith(f"{request_id}\trejected")
            if request_id == "late":
                assert "warning: late: refused after the first month" in result.stderr
                assert "2025-02-28" in result.stderr
                assert "Art 12(4)" in result.stderr
            else:
                assert result.stderr == ""
        listed = run(runner, "requests", "list", "--db", str(db), "--all",
                     "--at", "2025-04-01T00:00Z")  # fmt: skip
        assert listed.exit_code == 0, listed.output
        states = dict(line.split("\t")[::4] for line in listed.stdout.splitlines())
        assert states == {"late": "closed, refused late", "on-time": "closed"}
        late = run(runner, "requests", "show", "--db", str(db), "late")
        on_time = run(runner, "requests", "show", "--db", str(db), "on-time")
        assert (
            "LATE:      late: refused after the first month, which ended on 2025-02-28"
            in late.stdout
        )
        assert "LATE" not in on_time.stdout


class TestRequestsCheckpoint:
    def _three_events(self, runner: CliRunner, db: Path) -> None:
        for args in (
            ["--event", "receive", "--right", "access", "--at", "2025-01-31T10:00Z"],
            ["--event", "acknowledge", "--at", "2025-01-31T11:00Z"],
            ["--event", "accept", "--at", "2025-01-31T12:00Z"],
        ):
            result = record(runner, db, "--request", "r1", "--subject", "c-1", *args)
            assert result.exit_code == 0, result.output

    def test_checkpoint_reveals_truncation(self, runner: CliRunner, tmp_path: Path) -> None:
        """A checkpoint kept aside shows rows cut off with their chain head; stdout or -o."""
        db, saved = tmp_path / "r.db", tmp_path / "cp.json"
        self._three_events(runner, db)
        printed = run(runner, "requests", "checkpoint", "--db", str(db))
        assert printed.exit_code == 0, printed.output
        assert '"requests":{"hash":' in printed.stdout
        assert '"seq":3' in printed.stdout
        written = run(runner, "requests", "checkpoint", "--db", str(db), "-o", str(saved))
        assert written.exit_code == 0, written.output
        assert written.stdout == ""
        ok = run(runner, "requests", "verify", "--db", str(db), "--checkpoint", str(saved))
        assert ok.exit_code == 0, ok.output
        with closing(sqlite3.connect(db)) as conn, conn:
            conn.execute("DELETE FROM request_events WHERE seq = 3")
            conn.execute(
                "UPDATE request_chain_head SET seq = 2,"
                " hash = (SELECT hash FROM request_events WHERE seq = 2)"
            )
            conn.execute("UPDATE request_state SET status = 'acknowledged'")
        assert run(runner, "requests", "verify", "--db", str(db)).exit_code == 0
        cut = run(runner, "requests", "verify", "--db", str(db), "--checkpoint", str(saved))
        assert cut.exit_code == 1
        assert "missing" in cut.stdout
        assert "NOT OK" in cut.stdout

    def test_edited_state_is_reported(self, runner: CliRunner, tmp_path: Path) -> None:
        """The attack of the issue: an overdue request marked closed in request_state."""
        db = tmp_path / "r.db"
        self._three_events(runner, db)
        listed = run(runner, "requests", "list", "--db", str(db), "--at", "2025-03-10T10:00Z")
        assert listed.exit_code == 1  # overdue
        with closing(sqlite3.connect(db)) as conn, conn:
            conn.execute("UPDATE request_state SET status = 'fulfilled', open = 0")
        result = run(runner, "requests", "verify", "--db", str(db))
        assert result.exit_code == 1
        assert "state" in result.stdout

    @pytest.mark.parametrize(
        "content", ["", "{}", "not json", '{"format": "rekisteri-checkpoint/1"}']
    )
    def test_bad_checkpoint_file(self, runner: CliRunner, tmp_path: Path, content: str) -> None:
        """A file that is not a checkpoint: one line, exit 2."""
        db, bad = tmp_path / "r.db", tmp_path / "cp.json"
        self._three_events(runner, db)
        bad.write_text(content, encoding="utf-8")
        result = run(runner, "requests", "verify", "--db", str(db), "--checkpoint", str(bad))
        _one_line_error(result, "not a rekisteri checkpoint")

    def test_missing_checkpoint_file(self, runner: CliRunner, tmp_path: Path) -> None:
        """A checkpoint file that does not exist: one line, exit 2."""
        db = tmp_path / "r.db"
        self._three_events(runner, db)
        result = run(
            runner, "requests", "verify", "--db", str(db), "--checkpoint", str(tmp_path / "no")
        )
        _one_line_error(result, "cannot read")

    def test_another_stores_checkpoint(self, runner: CliRunner, tmp_path: Path) -> None:
        """A checkpoint of another store is a problem found (exit 1), not an error."""
        db, other, saved = tmp_path / "r.db", tmp_path / "o.db", tmp_path / "cp.json"
        self._three_events(runner, db)
        self._three_events(runner, other)
        assert (
            run(runner, "requests", "checkpoint", "--db", str(other), "-o", str(saved)).exit_code
            == 0
        )
        result = run(runner, "requests", "verify", "--db", str(db), "--checkpoint", str(saved))
        assert result.exit_code == 1
        assert "another store" in result.stdout

    def test_checkpoint_of_a_missing_database(self, runner: CliRunner, tmp_path: Path) -> None:
        """No store, no checkpoint (and no file is created)."""
        db = tmp_path / "none.db"
        result = run(runner, "requests", "checkpoint", "--db", str(db))
        _one_line_error(result, "no such database")
        assert not db.exists()
