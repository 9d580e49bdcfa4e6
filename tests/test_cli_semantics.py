"""The CLI answers as a good Unix tool (issue 17): each misleading answer is a test here.

Consent status for a purpose not based on consent, overdue requests under
``--due``, refused steps that name the allowed ones, a hint for a missing
``--purposes``, summaries and warnings on stderr, ``-`` for standard input,
``--format json`` everywhere, dates at the ends of the calendar.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rekisteri.calendar import CalendarRangeError, add_months, check_day, next_working_day
from rekisteri.cli import cli
from rekisteri.consent import ConsentEvent
from rekisteri.errors import InvalidValueError
from rekisteri.model import Duration
from rekisteri.requests import RequestEvent, due_within, response_deadline
from rekisteri.retention import retained_until

if TYPE_CHECKING:
    from click.testing import CliRunner, Result

EXAMPLES = Path(__file__).parent.parent / "examples"
HETU = "010594Y9032"
ENV = {
    "REKISTERI_SECRET": "semantics-secret: at least thirty-two bytes",
    "REKISTERI_PURPOSES": None,
}
REGISTER = """\
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
key = "orders"
name = "Tilaukset"
legal_basis = "contract"

[[purposes]]
key = "offers"
name = "Tarjoukset asiakkaille"
legal_basis = "legitimate_interests"
legitimate_interest = "Asiakassuhteen markkinointi"
direct_marketing = true
"""


def run(runner: CliRunner, *args: str | Path, stdin: str | bytes | None = None) -> Result:
    return runner.invoke(cli, [str(a) for a in args], input=stdin, env=ENV)


def assert_clean(result: Result, code: int) -> None:
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "reg.toml"
    path.write_text(REGISTER, encoding="utf-8")
    return path


class TestConsent:
    def test_status_of_a_contract_purpose(
        self, runner: CliRunner, tmp_path: Path, register: Path
    ) -> None:
        """Not "not allowed: no_consent", exit 1, but allowed as not based on consent."""
        db = tmp_path / "c.db"
        made = run(runner, "consent", "record", "--db", db, "--subject", "c1",
                   "--purpose", "newsletter", "--event", "give",
                   "--purposes", register)  # fmt: skip
        assert_clean(made, 0)
        result = run(runner, "consent", "status", "--db", db, "--subject", "c1",
                     "--purpose", "orders", "--purposes", register)  # fmt: skip
        assert_clean(result, 0)
        assert "allowed: not based on consent: contract" in result.stdout
        as_json = run(runner, "consent", "status", "--db", db, "--subject", "c1",
                      "--purpose", "orders", "--purposes", register, "-f", "json")  # fmt: skip
        assert json.loads(as_json.stdout)["allowed"] is True
        assert json.loads(as_json.stdout)["legal_basis"] == "contract"

    def test_prohibition_still_wins(
        self, runner: CliRunner, tmp_path: Path, register: Path
    ) -> None:
        """Direct marketing on legitimate interests stops once the subject prohibits it."""
        db = tmp_path / "c.db"
        run(runner, "consent", "record", "--db", db, "--subject", "c1",
            "--event", "prohibit_direct_marketing")  # fmt: skip
        result = run(runner, "consent", "status", "--db", db, "--subject", "c1",
                      "--purpose", "offers", "--purposes", register)  # fmt: skip
        assert_clean(result, 1)
        assert "not allowed: direct_marketing_prohibited" in result.stdout

    def test_missing_purposes_gets_a_hint(self, runner: CliRunner, tmp_path: Path) -> None:
        """Without --purposes, "unknown purpose" says how to declare purposes."""
        result = run(runner, "consent", "record", "--db", tmp_path / "c.db", "--subject", "c1",
                     "--purpose", "newsletter", "--event", "give")  # fmt: skip
        assert_clean(result, 2)
        assert "--purposes" in result.stderr
        assert "REKISTERI_PURPOSES" in result.stderr

    def test_refused_event_lists_allowed_ones(
        self, runner: CliRunner, tmp_path: Path, register: Path
    ) -> None:
        """An illegal step names the steps allowed now."""
        db = tmp_path / "c.db"
        args: list[str | Path] = [
            "consent", "record", "--db", db, "--subject", "c1", "--purpose", "newsletter",
            "--purposes", register,
        ]  # fmt: skip
        assert_clean(run(runner, *args, "--event", "give"), 0)
        refused = run(runner, *args, "--event", "give")
        assert_clean(refused, 2)
        assert "allowed now:" in refused.stderr
        assert "withdraw" in refused.stderr

    def test_history_json_masks_the_subject(
        self, runner: CliRunner, tmp_path: Path, register: Path
    ) -> None:
        """Consent history --format json: one document, the subject masked."""
        db = tmp_path / "c.db"
        run(runner, "consent", "record", "--db", db, "--subject", HETU, "--purpose",
            "newsletter", "--event", "give", "--purposes", register,
            "--evidence", f"lomake {HETU}")  # fmt: skip
        result = run(runner, "consent", "history", "--db", db, "--subject", HETU, "-f", "json")
        assert_clean(result, 0)
        document = json.loads(result.stdout)
        assert document["events"][0]["event"] == "give"
        assert HETU not in result.output
        assert HETU[7:] not in result.output


class TestRequests:
    def record(self, runner: CliRunner, db: Path, *args: str) -> Result:
        """Run ``requests record --db DB ARGS``."""
        return run(runner, "requests", "record", "--db", db, *args)

    def test_due_lists_overdue_marked(self, runner: CliRunner, tmp_path: Path) -> None:
        """``--due 7`` shows an overdue request too, marked, and exits 1."""
        db = tmp_path / "r.db"
        self.record(runner, db, "--request", "late", "--subject", "c1", "--event", "receive",
                    "--right", "access", "--at", "2026-01-05T12:00+02:00")  # fmt: skip
        result = run(runner, "requests", "list", "--db", db, "--due", "7",
                     "--at", "2026-03-02T12:00+02:00")  # fmt: skip
        assert_clean(result, 1)
        assert result.stdout.split("\t")[4] == "OVERDUE"
        as_json = run(runner, "requests", "list", "--db", db, "--due", "7",
                      "--at", "2026-03-02T12:00+02:00", "-f", "json")  # fmt: skip
        document = json.loads(as_json.stdout)
        assert document["overdue"] == 1
        assert document["requests"][0]["overdue"] is True

    def test_refused_step_lists_allowed_ones(self, runner: CliRunner, tmp_path: Path) -> None:
        """A refused step ("event fulfil is not allowed…") says which steps are allowed."""
        db = tmp_path / "r.db"
        self.record(runner, db, "--request", "q", "--subject", "c1", "--event", "receive",
                    "--right", "access")  # fmt: skip
        result = self.record(runner, db, "--request", "q", "--subject", "c1", "--event", "fulfil")
        assert_clean(result, 2)
        assert "allowed now: acknowledge" in result.stderr

    @pytest.mark.parametrize(
        "args",
        [
            ["requests", "deadline", "9999-12-31"],
            ["requests", "deadline", "0001-01-01"],
            ["requests", "deadline", "0001-01-01T00:00+02:00"],
            ["requests", "list", "--db", "{db}", "--at", "0001-01-01T00:00+02:00"],
            ["requests", "list", "--db", "{db}", "--due", "99999999"],
            ["requests", "record", "--db", "{db}", "--request", "q", "--subject", "c1",
             "--event", "receive", "--right", "access", "--at", "0001-01-01T00:00+02:00"],
            ["requests", "record", "--db", "{db}", "--request", "q", "--subject", "c1",
             "--event", "receive", "--right", "access", "--at", "9999-12-31T23:59-12:00"],
            ["consent", "record", "--db", "{db}", "--subject", "c1",
             "--event", "prohibit_direct_marketing", "--at", "0001-01-01T00:00+02:00"],
        ],
        ids=lambda a: " ".join(a[:3]),
    )  # fmt: skip
    def test_calendar_ends_are_typed_errors(
        self, runner: CliRunner, tmp_path: Path, args: list[str]
    ) -> None:
        """Dates at the ends of the calendar: one error line, exit 2, never a traceback."""
        db = tmp_path / "r.db"
        self.record(runner, db, "--request", "ok", "--subject", "c1", "--event", "receive",
                    "--right", "access")  # fmt: skip
        result = run(runner, *(a.format(db=db) for a in args))
        assert_clean(result, 2)
        assert result.stderr.startswith("rekisteri: error:")
        listed = run(runner, "requests", "list", "--db", db)  # the store stays readable
        assert listed.exit_code in {0, 1}, listed.output

    def test_missing_flag_is_named(self, runner: CliRunner, tmp_path: Path) -> None:
        """A receive without --right, an extend without --extension-months: the option named."""
        db = tmp_path / "r.db"
        no_right = self.record(
            runner, db, "--request", "q", "--subject", "c1", "--event", "receive"
        )
        assert_clean(no_right, 2)
        assert "--right" in no_right.stderr
        self.record(runner, db, "--request", "q", "--subject", "c1", "--event", "receive",
                    "--right", "access")  # fmt: skip
        self.record(runner, db, "--request", "q", "--subject", "c1", "--event", "acknowledge")
        no_months = self.record(runner, db, "--request", "q", "--subject", "c1",
                                "--event", "extend", "--reason", "many files")  # fmt: skip
        assert_clean(no_months, 2)
        assert "--extension-months" in no_months.stderr

    def test_deadline_json(self, runner: CliRunner) -> None:
        """Requests deadline --format json."""
        result = run(runner, "requests", "deadline", "2026-01-31", "-f", "json")
        assert_clean(result, 0)
        assert json.loads(result.stdout)["due"] == "2026-03-02"


class TestLibraryCalendarEnds:
    def test_add_months_past_9999(self) -> None:
        """December 9999 plus a month is a typed error."""
        with pytest.raises(CalendarRangeError):
            add_months(date(9999, 12, 1), 1)

    def test_next_working_day_at_the_end(self) -> None:
        """No working day left before the calendar ends: a typed error, not OverflowError."""

        class EveryDay:
            def is_holiday(self, day: date, /) -> bool:  # noqa: ARG002 - every day
                return True

        with pytest.raises(CalendarRangeError):
            next_working_day(date(9999, 12, 1), EveryDay())
        assert next_working_day(date(9999, 12, 31)) == date(9999, 12, 31)  # a Friday

    def test_deadline_and_events(self) -> None:
        """Deadlines and events at the ends: InvalidValueErrors, nothing stored."""
        with pytest.raises(CalendarRangeError):
            response_deadline(date(9999, 12, 31))
        early = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=2)))
        with pytest.raises(CalendarRangeError):
            response_deadline(early)
        with pytest.raises(InvalidValueError):
            RequestEvent(request_id="q", subject="s", kind="receive", at=early, right="access")
        with pytest.raises(InvalidValueError):
            ConsentEvent(subject="s", purpose="*", kind="prohibit_direct_marketing", at=early)
        assert check_day(date(9998, 12, 31), "x") == date(9998, 12, 31)

    def test_due_within_far_ahead(self) -> None:
        """A look-ahead past the year 9999 is not an OverflowError."""
        assert due_within([], 10**9, at=datetime(2026, 1, 1, tzinfo=UTC)) == []

    def test_retention_past_the_calendar(self) -> None:
        """A retention period that ends after 9999."""
        with pytest.raises(CalendarRangeError):
            retained_until(date(9998, 1, 1), Duration(years=5))


class TestRetention:
    RULES = """\
[controller]
name = "Esimerkki Oy"
[[data_categories]]
key = "contact"
name = "Yhteystiedot"
[[retention]]
data_categories = ["contact"]
period = { years = 10 }
trigger = "end_of_customer_relationship"
"""

    def test_json_and_stdin_and_far_dates(self, runner: CliRunner, tmp_path: Path) -> None:
        """Plan -f json, RECORDS from stdin, a period past 9999 keeps the record."""
        rules = tmp_path / "rules.toml"
        rules.write_text(self.RULES, encoding="utf-8")
        records = (
            "id,category,end_of_customer_relationship\n1,contact,2010-01-01\n2,contact,9998-12-31\n"
        )
        result = run(runner, "retention", "plan", rules, "-", "--today", "2026-01-01",
                     "-f", "json", stdin=records)  # fmt: skip
        assert_clean(result, 0)
        actions = json.loads(result.stdout)["actions"]
        assert [a["action"] for a in actions] == ["delete", "keep"]
        assert actions[1]["until"] == "9999-12-31"

    def test_today_at_the_end(self, runner: CliRunner, tmp_path: Path) -> None:
        """--today 9999-12-31 is refused on one line."""
        rules = tmp_path / "rules.toml"
        rules.write_text(self.RULES, encoding="utf-8")
        result = run(runner, "retention", "plan", rules, "-", "--today", "9999-12-31",
                     stdin="id,category\n")  # fmt: skip
        assert_clean(result, 2)

    @pytest.mark.parametrize("day", ["0001-01-01", "0001-12-31", "9999-01-01", "9999-12-31"])
    def test_trigger_dates_outside_the_calendar(
        self, runner: CliRunner, tmp_path: Path, day: str
    ) -> None:
        """A trigger date in RECORDS outside 0002-01-01..9998-12-31 is an input error."""
        rules = tmp_path / "rules.toml"
        rules.write_text(self.RULES, encoding="utf-8")
        records = f"id,category,end_of_customer_relationship\n1,contact,{day}\n"
        result = run(runner, "retention", "plan", rules, "-", "--today", "2026-01-01",
                     stdin=records)  # fmt: skip
        assert_clean(result, 2)
        assert "line 2" in result.stderr
        assert "0002-01-01" in result.stderr

    def test_record_refuses_dates_outside_the_calendar(self) -> None:
        """The library's Record refuses a trigger date outside the calendar too."""
        from rekisteri.model import RetentionTrigger
        from rekisteri.retention import Record

        trigger = RetentionTrigger.END_OF_CUSTOMER_RELATIONSHIP
        with pytest.raises(CalendarRangeError):
            Record(id="r", category="contact", dates={trigger: date(9999, 12, 31)})
        kept = Record(id="r", category="contact", dates={trigger: date(9998, 12, 31)})
        assert kept.dates[trigger] == date(9998, 12, 31)

    @pytest.mark.parametrize("today", ["0001-01-01", "9999-12-31", "2026-02-30"])
    def test_today_outside_the_calendar(
        self, runner: CliRunner, tmp_path: Path, today: str
    ) -> None:
        """--today outside the calendar (or not a day) is a one-line usage error."""
        rules = tmp_path / "rules.toml"
        rules.write_text(self.RULES, encoding="utf-8")
        result = run(runner, "retention", "plan", rules, "-", "--today", today,
                     stdin="id,category\n")  # fmt: skip
        assert_clean(result, 2)
        assert result.stderr.startswith("rekisteri: error: ")
        assert "--today" in result.stderr


class TestDottedSubject:
    """A henkilötunnus with its birth date written as a date (14.03.05B937Y)."""

    DOTTED = "01.05.94Y9032"  # HETU, spelled with dots

    def test_consent_record_hashes_it(self, runner: CliRunner, tmp_path: Path) -> None:
        """Recorded as the same person as the canonical spelling, never stored raw."""
        db = tmp_path / "d.db"
        for subject in (self.DOTTED, HETU):
            result = run(runner, "consent", "record", "--db", db, "--subject", subject,
                         "--event", "prohibit_direct_marketing",
                         "--at", "2026-01-05T12:00+02:00")  # fmt: skip
            assert_clean(result, 0)
            assert "9032" not in result.output
        raw = db.read_bytes()
        assert b"9032" not in raw
        assert b"01.05.94" not in raw
        # Both spellings are one person: the history of either finds both events.
        result = run(runner, "consent", "history", "--db", db, "--subject", self.DOTTED,
                     "-f", "json")  # fmt: skip
        assert_clean(result, 0)
        assert "9032" not in result.output
        assert result.stdout.count("prohibit_direct_marketing") == 2, result.stdout

    def test_messages_mask_it(self) -> None:
        """Every message helper masks the dotted spellings; dotted version numbers stay."""
        from rekisteri.cli._common import safe_json, safe_text, shown

        for spelling in (self.DOTTED, "01/05/94 y 9032", "01-05-94Y9032", "01 05 94Y9032"):
            assert "9032" not in safe_text(f"x {spelling} y")
            assert "9032" not in safe_json(json.dumps(spelling))
            assert "9032" not in shown(spelling)
        assert safe_text("version 1.2.3-456, 2026.11.25") == "version 1.2.3-456, 2026.11.25"


class TestRegisterCommands:
    @pytest.mark.parametrize("command", ["validate", "render", "record", "lint", "jsonld"])
    def test_stdin(self, runner: CliRunner, command: str) -> None:
        """``-`` reads the register from standard input (TOML, or JSON by its brace)."""
        toml = (EXAMPLES / "digicenter.toml").read_text(encoding="utf-8")
        from_file = run(runner, command, EXAMPLES / "digicenter.toml")
        from_stdin = run(runner, command, "-", stdin=toml)
        assert from_stdin.exit_code == from_file.exit_code, from_stdin.output
        assert from_stdin.stdout.replace("<stdin>", str(EXAMPLES / "digicenter.toml")) == (
            from_file.stdout
        )

    def test_stdin_json(self, runner: CliRunner) -> None:
        """A document that starts with a brace is read as JSON."""
        data = b'{"controller": {"name": "Esimerkki Oy"}}'
        result = run(runner, "validate", "-", stdin=data)
        assert_clean(result, 0)
        assert result.stdout.startswith("<stdin>: valid register")

    def test_render_warns_of_missing_items(self, runner: CliRunner, tmp_path: Path) -> None:
        """Render says on stderr how many items are [puuttuu]; not a word before."""
        path = tmp_path / "thin.toml"
        path.write_text('[controller]\nname = "Esimerkki Oy"\n', encoding="utf-8")
        result = run(runner, "render", path)
        assert_clean(result, 0)
        count = result.stdout.count("puuttuu")
        assert count > 0
        assert f"{count} required item(s) shown as missing" in result.stderr
        to_file = run(runner, "render", path, "-o", tmp_path / "out.md")
        assert to_file.stderr.count("\n") == 1
        assert f"{count} required item(s)" in to_file.stderr

    def test_validate_json_masks_unknown_field_names(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """Validate --format json shows unknown keys as text mode does: no identity code."""
        path = tmp_path / "reg.json"
        path.write_text(
            json.dumps({"controller": {"name": "x"}, HETU: 1, HETU.lower(): 2}), encoding="utf-8"
        )
        text = run(runner, "validate", path)
        as_json = run(runner, "validate", path, "-f", "json")
        assert_clean(text, 1)
        assert_clean(as_json, 1)
        document = json.loads(as_json.stdout)
        assert document["valid"] is False
        assert document["count"] == 1
        for result in (text, as_json):
            assert HETU[:6] not in result.output

    def test_escape_sequences_in_a_file_name(
        self, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file name with ESC and bidi controls is printed escaped, never raw."""
        # A relative name: a long temporary folder (pytest-xdist's popen-gwN/ in
        # it) would have the printed path shortened before the escapes.
        monkeypatch.chdir(tmp_path)
        path = Path("reg\x1b]0;pwned\x07\u202e.toml")
        path.write_text('[controller]\nname = "Esimerkki Oy"\n', encoding="utf-8")
        result = run(runner, "validate", path)
        assert_clean(result, 0)
        assert "\x1b" not in result.output
        assert "\u202e" not in result.output
        assert "\\x1b]0;pwned\\x07\\u202e" in result.output


class TestCompletion:
    def test_documented_completion_works(self, runner: CliRunner) -> None:
        """The set-up line of the CLI guide gives a bash completion script that knows us."""
        guide = (Path(__file__).parent.parent / "docs" / "guides" / "cli.md").read_text("utf-8")
        assert "_REKISTERI_COMPLETE=bash_source rekisteri" in guide
        script = runner.invoke(
            cli, [], prog_name="rekisteri", env={"_REKISTERI_COMPLETE": "bash_source"}
        )
        assert script.exit_code == 0
        assert "_rekisteri_completion" in script.stdout
        words = runner.invoke(
            cli,
            [],
            prog_name="rekisteri",
            env={
                "_REKISTERI_COMPLETE": "bash_complete",
                "COMP_WORDS": "rekisteri req",
                "COMP_CWORD": "1",
            },
        )
        assert "requests" in words.stdout
