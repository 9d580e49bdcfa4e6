"""The behaviour that every ``rekisteri`` command shares (``rekisteri.cli._common``, ``main``).

Each command must answer a bad file, a bad option or a broken stream with one
short ``rekisteri: error: …`` line, exit 2 (1 only for "found invalid data"),
never a traceback and never a silent success; and no diagnostic may show a
raw henkilötunnus. Usage errors have that one shape in every group.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rekisteri.cli import cli

if TYPE_CHECKING:
    from click.testing import CliRunner, Result

#: A fictitious temporary henkilötunnus from DVV's published test range.
HETU = "010594Y9032"
SECRET = {"REKISTERI_SECRET": "sweep-secret: at least thirty-two bytes", "REKISTERI_PURPOSES": None}

GOOD = """\
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
"""

#: Files that are not a register, by kind: (name, bytes).
BAD_FILES: dict[str, tuple[str, bytes]] = {
    "missing": ("missing.toml", b""),
    "empty": ("empty.toml", b""),
    "binary": ("binary.toml", bytes(range(256)) * 4),
    "invalid-toml": ("broken.toml", b"a = [\n"),
    "not-a-register": ("other.toml", b'title = "something else"\n[owner]\nname = "x"\n'),
    "unknown-key": ("unknown.toml", GOOD.encode() + b'retension = "5 years"\n'),
    "hetu-as-ytunnus": (
        "hetu.toml",
        GOOD.replace("2077474-0", HETU).encode(),
    ),
    "hetu-as-key": ("key.toml", GOOD.encode() + f'\n["{HETU}"]\nx = 1\n'.encode()),
    "hetu-in-toml-error": ("dup.toml", GOOD.encode() + f"{HETU} = 1\n{HETU} = 2\n".encode()),
    "wrong-suffix": ("register.txt", GOOD.encode()),
    "bad-json": ("register.json", f'{{"name": "{HETU}", '.encode()),
}


def run(runner: CliRunner, *args: str, stdin: str | None = None) -> Result:
    return runner.invoke(cli, list(args), input=stdin, env=SECRET)


def assert_clean(result: Result, *, code: int) -> None:
    """The command exited with *code* through sys.exit, without a traceback or a raw hetu."""
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    assert HETU not in result.output
    assert HETU[7:] not in result.output


def assert_error(result: Result, *fragments: str) -> None:
    """Exit 2 with one error message on stderr that names the problem."""
    assert_clean(result, code=2)
    assert result.stderr.startswith("rekisteri: error: "), result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


def bad_file(tmp_path: Path, kind: str) -> Path:
    name, data = BAD_FILES[kind]
    path = tmp_path / name
    if kind != "missing":
        path.write_bytes(data)
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.fixture
def records(tmp_path: Path) -> Path:
    path = tmp_path / "records.csv"
    path.write_text("id,category\n1,contact\n", encoding="utf-8")
    return path


REGISTER_COMMANDS = {
    "lint": ["lint"],
    "render": ["render"],
    "record": ["record"],
    "jsonld": ["jsonld"],
}


class TestRegisterFiles:
    @pytest.mark.parametrize("kind", sorted(BAD_FILES))
    @pytest.mark.parametrize("command", sorted(REGISTER_COMMANDS))
    def test_bad_register_is_a_file_error(
        self, runner: CliRunner, tmp_path: Path, command: str, kind: str
    ) -> None:
        """A register that cannot be read or is not a register exits 2 with a message."""
        path = bad_file(tmp_path, kind)
        result = run(runner, *REGISTER_COMMANDS[command], str(path))
        assert_error(result)
        assert result.stdout == ""

    @pytest.mark.parametrize("kind", sorted(BAD_FILES))
    def test_validate_reports_invalid_data_with_1(
        self, runner: CliRunner, tmp_path: Path, kind: str
    ) -> None:
        """Validating exits 1 for a document that is not a register, 2 when there is no file."""
        path = bad_file(tmp_path, kind)
        result = run(runner, "validate", str(path))
        assert_clean(result, code=2 if kind == "missing" else 1)
        assert ("cannot read" in result.stderr) if kind == "missing" else "problem" in result.stdout

    @pytest.mark.parametrize("kind", sorted(BAD_FILES))
    def test_retention_plan_bad_register(
        self, runner: CliRunner, tmp_path: Path, records: Path, kind: str
    ) -> None:
        """The retention plan command refuses a bad register with exit 2."""
        path = bad_file(tmp_path, kind)
        result = run(runner, "retention", "plan", str(path), str(records), "--today", "2026-01-01")
        assert_error(result)

    @pytest.mark.parametrize(
        "args",
        [
            ["validate", "{dir}"],
            ["lint", "{dir}"],
            ["render", "{dir}"],
            ["record", "{dir}"],
            ["jsonld", "{dir}"],
            ["import", "{dir}"],
            ["check-ids", "{dir}", "-c", "hetu", "-k", "hetu"],
            ["retention", "plan", "{good}", "{dir}", "--today", "2026-01-01"],
        ],
    )
    def test_directory_instead_of_file(
        self, runner: CliRunner, tmp_path: Path, good: Path, args: list[str]
    ) -> None:
        """A directory where a file is expected is a usage error, exit 2."""
        (tmp_path / "folder.toml").mkdir()
        values = {"dir": str(tmp_path / "folder.toml"), "good": str(good)}
        result = run(runner, *(arg.format(**values) for arg in args))
        assert_error(result, "directory")

    @pytest.mark.parametrize(
        ("suffix", "data"),
        [(".toml", GOOD.encode()), (".json", b'{"controller": {"name": "A"}}')],
    )
    def test_byte_order_mark_is_accepted(
        self, runner: CliRunner, tmp_path: Path, suffix: str, data: bytes
    ) -> None:
        """A UTF-8 file that starts with a byte order mark (Windows editors) is read."""
        path = tmp_path / f"bom{suffix}"
        path.write_bytes(b"\xef\xbb\xbf" + data)
        result = run(runner, "validate", str(path))
        assert_clean(result, code=0)
        assert "valid register" in result.stdout

    def test_deeply_nested_json(self, runner: CliRunner, tmp_path: Path) -> None:
        """JSON nested too deeply says so, not just a column number."""
        path = tmp_path / "deep.json"
        path.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
        result = run(runner, "validate", str(path))
        assert_clean(result, code=1)
        assert "nested too deeply" in result.stdout


OUTPUT_COMMANDS = [
    ["schema"],
    ["render", "{good}"],
    ["record", "{good}"],
    ["jsonld", "{good}"],
]


class TestOutputs:
    @pytest.mark.parametrize("args", OUTPUT_COMMANDS, ids=lambda a: a[0])
    def test_unwritable_output_path(self, runner: CliRunner, good: Path, args: list[str]) -> None:
        """-o into a folder that does not exist exits 2 and says it cannot write there."""
        result = run(runner, *(a.format(good=good) for a in args), "-o", "/nonexistent/x")
        assert_error(result, "cannot write /nonexistent/x")

    def test_import_unwritable_output(self, runner: CliRunner, tmp_path: Path) -> None:
        """The import command with -o into a folder that does not exist exits 2."""
        notice = tmp_path / "old.txt"
        notice.write_text("Rekisterinpitäjä\n\nEsimerkki Oy\n", encoding="utf-8")
        result = run(runner, "import", str(notice), "-o", "/nonexistent/x")
        assert_error(result, "cannot write /nonexistent/x")

    def test_consent_export_unwritable_output(self, runner: CliRunner, tmp_path: Path) -> None:
        """Consent export with -o into a missing folder exits 2; the store is unchanged."""
        db = tmp_path / "c.db"
        recorded = run(
            runner, "consent", "record", "--db", str(db), "--subject", "c1",
            "--event", "prohibit_direct_marketing", "--at", "2026-01-05T12:00+02:00",
        )  # fmt: skip
        assert_clean(recorded, code=0)
        before = db.read_bytes()
        result = run(
            runner, "consent", "export", "--db", str(db), "--subject", "c1",
            "-o", "/nonexistent/x",
        )  # fmt: skip
        assert_error(result, "cannot write /nonexistent/x")
        assert db.read_bytes() == before

    @pytest.mark.parametrize(
        "args",
        [
            ["render", "{good}", "--locale", "de"],
            ["render", "{good}", "--format", "pdf"],
            ["record", "{good}", "--locale", "de"],
            ["record", "{good}", "--format", "docx"],
            ["lint", "{good}", "--locale", "de"],
            ["lint", "{good}", "--format", "xml"],
            ["validate", "{good}", "--format", "xml"],
            ["import", "{good}", "--locale", "de"],
            ["import", "{good}", "--format", "xml"],
            ["check-ids", "{good}", "-c", "x", "-k", "hetu", "--format", "xml"],
            ["check-ids", "{good}", "-c", "x", "-k", "vat"],
        ],
    )
    def test_unknown_choice(self, runner: CliRunner, good: Path, args: list[str]) -> None:
        """An unknown --locale, --format or --kind is a usage error, exit 2."""
        result = run(runner, *(a.format(good=good) for a in args))
        assert_error(result, "is not one of")


USAGE_ERRORS = [
    ["nosuch"],
    ["--bogus"],
    ["hetu", "check", "--today", "x"],
    ["ytunnus", "check", "--bogus"],
    ["check-ids", "{good}", "-k", "hetu"],
    ["validate"],
    ["render", "{good}", "--locale", "de"],
    ["lint", "{good}", "--format", "xml"],
    ["import", "{good}", "--bogus"],
    ["consent", "nosuch"],
    ["consent", "status"],
    ["requests", "nosuch"],
    ["requests", "deadline"],
    ["retention", "plan", "{good}"],
]


class TestUsageErrors:
    @pytest.mark.parametrize("args", USAGE_ERRORS, ids=" ".join)
    def test_one_line_in_every_group(self, runner: CliRunner, good: Path, args: list[str]) -> None:
        """A usage error is one 'rekisteri: error:' line and exit 2, whatever the group."""
        result = run(runner, *(a.format(good=good) for a in args))
        assert_error(result)
        assert result.stderr.count("\n") == 1, result.stderr
        assert "Usage:" not in result.output
        assert result.stdout == ""

    @pytest.mark.parametrize("args", [[], ["consent"], ["requests"], ["hetu"]], ids=repr)
    def test_group_without_command_shows_help(self, runner: CliRunner, args: list[str]) -> None:
        """A group given no command still shows its help, as click's groups do."""
        result = run(runner, *args)
        assert result.exit_code in {0, 2}
        assert "Usage:" in result.output
        assert "Commands:" in result.output


DB_COMMANDS = [
    ["consent", "status", "--subject", "c1", "--purpose", "newsletter"],
    ["consent", "history", "--subject", "c1"],
    ["consent", "verify"],
    ["consent", "export", "--subject", "c1"],
    ["consent", "record", "--subject", "c1", "--event", "prohibit_direct_marketing"],
    ["requests", "list"],
    ["requests", "show", "r1"],
    ["requests", "verify"],
    ["requests", "record", "--request", "r1", "--subject", "c1", "--event", "receive",
     "--right", "access"],
]  # fmt: skip


class TestDatabases:
    @pytest.mark.parametrize("args", DB_COMMANDS, ids=lambda a: "-".join(a[:2]))
    def test_db_that_is_not_sqlite(
        self, runner: CliRunner, tmp_path: Path, args: list[str]
    ) -> None:
        """A --db that is not SQLite exits 2 and is left exactly as it was."""
        db = tmp_path / "notes.db"
        content = b"not a database, but someone's notes\n" * 100
        db.write_bytes(content)
        result = run(runner, *args, "--db", str(db))
        assert_error(result, "not a database")
        assert db.read_bytes() == content

    @pytest.mark.parametrize(
        "args", [a for a in DB_COMMANDS if "record" not in a], ids=lambda a: "-".join(a[:2])
    )
    def test_missing_db_is_not_created(
        self, runner: CliRunner, tmp_path: Path, args: list[str]
    ) -> None:
        """Commands that only read refuse a --db that does not exist, and do not create it."""
        db = tmp_path / "nope.db"
        result = run(runner, *args, "--db", str(db))
        assert_error(result, "no such")
        assert not db.exists()

    def test_refused_event_keeps_the_ledger(self, runner: CliRunner, tmp_path: Path) -> None:
        """An event that the state machine refuses stores nothing and the chain stays intact."""
        db = tmp_path / "c.db"
        base = ["consent", "record", "--db", str(db), "--subject", HETU]
        ok = run(runner, *base, "--event", "prohibit_direct_marketing", "--at", "2026-01-05T12:00Z")
        assert_clean(ok, code=0)
        refused = run(runner, *base, "--event", "lift_prohibition", "--at", "2026-01-06T12:00Z")
        assert_clean(refused, code=0)  # lifting an existing prohibition is allowed
        again = run(runner, *base, "--event", "lift_prohibition", "--at", "2026-01-07T12:00Z")
        assert_error(again, "not allowed")
        with closing(sqlite3.connect(db)) as conn, conn:
            (count,) = conn.execute("SELECT count(*) FROM events").fetchone()
            subjects = {row[0] for row in conn.execute("SELECT subject FROM events")}
        assert count == 2
        assert HETU not in "".join(subjects)
        verify = run(runner, "consent", "verify", "--db", str(db))
        assert_clean(verify, code=0)
        assert "ok (2 events)" in verify.stdout


def _python(
    *args: str, stdin: int | None = None, stdout: int | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "rekisteri", *args],
        stdin=stdin,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "REKISTERI_SECRET": "sweep-secret: at least thirty-two bytes"},
    )


def _shell(command: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m rekisteri` under sh, so that the shell can close a stream."""
    return subprocess.run(  # noqa: S603 - sh with a fixed script, our interpreter as $0
        ["/bin/sh", "-c", f'exec "$0" -m rekisteri {command}', sys.executable],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


needs_sh = pytest.mark.skipif(not Path("/bin/sh").exists(), reason="needs a POSIX shell")


class TestStreams:
    @needs_sh
    @pytest.mark.parametrize(
        "args",
        ["hetu check", "ytunnus check", "check-ids - -c hetu -k hetu", "import -"],
    )
    def test_closed_stdin(self, args: str) -> None:
        """A closed standard input is an error that says so, exit 2."""
        result = _shell(f"{args} <&-")
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert "standard input is closed" in result.stderr

    @needs_sh
    @pytest.mark.parametrize(
        "args", ["schema", "hetu check 131052-308T", "validate {good}", "render {good}"]
    )
    def test_closed_stdout_is_not_success(self, args: str, good: Path) -> None:
        """With standard output closed, a command fails (exit 2) instead of printing nothing."""
        result = _shell(f"{args.format(good=good)} >&-")
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert "Exception ignored" not in result.stderr
        assert "standard output is closed" in result.stderr

    @needs_sh
    def test_closed_stdout_with_output_file(self, good: Path, tmp_path: Path) -> None:
        """With -o, a closed standard output does not matter."""
        out = tmp_path / "notice.md"
        result = _shell(f"render {good} -o {out} >&-")
        assert result.returncode == 0, result.stderr
        assert "Esimerkki Oy" in out.read_text(encoding="utf-8")

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
    @pytest.mark.parametrize("args", [["schema"], ["hetu", "check", "131052-308T"]])
    def test_full_disk(self, args: list[str]) -> None:
        """Output to a full device exits 2 with the system's reason, no traceback."""
        with Path("/dev/full").open("w") as full:
            result = _python(*args, stdout=full.fileno())
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert "Exception ignored" not in result.stderr
        assert result.stderr.startswith("rekisteri: error: ")

    @pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="POSIX pipes")
    def test_broken_pipe(self, tmp_path: Path) -> None:
        """A reader that stops early (| head -1) gets no traceback on stderr."""
        data = tmp_path / "ids.csv"
        data.write_text("hetu\n" + "131052-308U\n" * 100_000, encoding="utf-8")
        with subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "rekisteri", "check-ids", str(data), "-c", "hetu", "-k", "hetu"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as process:
            assert process.stdout is not None
            assert process.stderr is not None
            assert process.stdout.readline().startswith(b"row 2: wrong check character: 131052-")
            process.stdout.close()
            errors = process.stderr.read().decode()
            assert process.wait(timeout=120) != 0  # never a silent success
        assert "Traceback" not in errors
        assert "Exception ignored" not in errors


class TestPersonalData:
    def test_headerless_csv_does_not_echo_the_first_row(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """A CSV without a header row: the error says so and does not print the row."""
        data = tmp_path / "ids.csv"
        data.write_text(f"{HETU},Matti Meikäläinen\n150190-904V,Maija\n", encoding="utf-8")
        result = run(runner, "check-ids", str(data), "-c", "hetu", "-k", "hetu")
        assert_error(result, "add a header row")
        assert "Matti" not in result.output

    def test_unknown_header_is_listed(self, runner: CliRunner, tmp_path: Path) -> None:
        """An ordinary header is still listed when the column is not in it."""
        data = tmp_path / "ids.csv"
        data.write_text("id,henkilotunnus\n1,131052-308T\n", encoding="utf-8")
        result = run(runner, "check-ids", str(data), "-c", "hetu", "-k", "hetu")
        assert_error(result, "'id', 'henkilotunnus'")

    def test_library_errors_are_masked(self, runner: CliRunner, tmp_path: Path) -> None:
        """A library error that quotes a value (a hetu given as a purpose) is shown masked."""
        db = tmp_path / "c.db"
        recorded = run(
            runner, "consent", "record", "--db", str(db), "--subject", "c1",
            "--event", "prohibit_direct_marketing",
        )  # fmt: skip
        assert_clean(recorded, code=0)
        result = run(
            runner, "consent", "status", "--db", str(db), "--subject", "c1", "--purpose", HETU
        )
        assert_error(result, "010594Y****")

    def test_retention_date_column_is_masked(
        self, runner: CliRunner, tmp_path: Path, good: Path
    ) -> None:
        """A hetu in a date column of the records is not echoed in the error."""
        data = tmp_path / "records.csv"
        data.write_text(
            f"id,category,end_of_customer_relationship\n1,contact,{HETU}\n", encoding="utf-8"
        )
        result = run(runner, "retention", "plan", str(good), str(data), "--today", "2026-01-01")
        assert_error(result)

    def test_lint_report_masks_a_hetu_in_quoted_text(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """Lint findings quote a purpose's name; the report masks a hetu in it."""
        path = tmp_path / "r.toml"
        text = GOOD.replace('name = "Uutiskirje"', f'name = "Uutiskirje {HETU}"')
        path.write_text(text.replace('legal_basis = "consent"\n', ""), encoding="utf-8")
        for fmt in ("text", "json"):
            result = run(runner, "lint", str(path), "--format", fmt)
            assert_clean(result, code=1)
            assert "Uutiskirje 010594Y****" in result.stdout

    def test_notice_masks_an_identity_code_in_the_users_text(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """The rendered notice prints the user's text, an identity code in it masked (R320)."""
        path = tmp_path / "r.toml"
        path.write_text(GOOD.replace("Uutiskirje", f"Uutiskirje {HETU}"), encoding="utf-8")
        result = runner.invoke(cli, ["render", str(path), "-f", "text"], env=SECRET)
        assert result.exit_code == 0
        assert HETU not in result.stdout
        assert "Uutiskirje 010594Y****" in result.stdout

    def test_validate_summary_masks_the_name(self, runner: CliRunner, tmp_path: Path) -> None:
        """The one-line summary of validate shows the register's name with any hetu masked."""
        path = tmp_path / "r.toml"
        path.write_text(GOOD.replace("Esimerkki Oy:n", f"{HETU}:n"), encoding="utf-8")
        result = run(runner, "validate", str(path))
        assert_clean(result, code=0)
        assert "010594Y****:n asiakasrekisteri" in result.stdout

    @pytest.mark.parametrize(
        "subject", [HETU, HETU.lower(), f" {HETU}", f"asiakas-{HETU}", f"{HETU}\nx"]
    )
    def test_subject_never_shown(self, runner: CliRunner, tmp_path: Path, subject: str) -> None:
        """Whatever shape the subject has, no command prints it in full."""
        db = tmp_path / "c.db"
        base = ["--db", str(db), "--subject", subject]
        outputs = [
            run(runner, "consent", "record", *base, "--event", "prohibit_direct_marketing"),
            run(runner, "consent", "history", *base),
            run(runner, "consent", "status", *base, "--purpose", "newsletter"),
        ]
        for result in outputs:
            assert result.exit_code in {0, 1, 2}
            assert "Traceback" not in result.output
            assert HETU not in result.output
            assert HETU.lower() not in result.output


class TestLoadRegister:
    """serialize.load_register errors neither quote nor keep a hetu."""

    @pytest.mark.parametrize(
        "kind",
        ["hetu-as-ytunnus", "hetu-as-key", "hetu-in-toml-error", "bad-json", "invalid-toml"],
    )
    def test_error_keeps_no_hetu(self, tmp_path: Path, kind: str) -> None:
        """The message, the repr and the chained exceptions hold no henkilötunnus."""
        from rekisteri.errors import InvalidDocumentError
        from rekisteri.serialize import load_register

        path = bad_file(tmp_path, kind)
        with pytest.raises(InvalidDocumentError) as info:
            load_register(path)
        error = info.value
        assert HETU not in str(error)
        assert HETU not in repr(error)
        assert error.__cause__ is None
        assert error.__context__ is None  # `from None` alone would keep it here

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("updated", HETU),
            ("[[purposes]]\nkey", HETU),
            ("sources", [HETU]),
        ],
    )
    def test_value_in_wrong_place(self, tmp_path: Path, field: str, value: object) -> None:
        """A hetu where a date, a key or a source belongs is not echoed."""
        from rekisteri.errors import InvalidDocumentError
        from rekisteri.serialize import load_register

        shown = f'"{value}"' if isinstance(value, str) else f'["{HETU}"]'
        extra = '\nname = "x"' if "purposes" in field else ""
        path = tmp_path / "r.toml"
        path.write_text(f'{field} = {shown}{extra}\n[controller]\nname = "A"\n', "utf-8")
        with pytest.raises(InvalidDocumentError) as info:
            load_register(path)
        assert HETU not in str(info.value)
        assert info.value.__context__ is None


class TestReprs:
    """The objects that hold a subject never show it in their repr."""

    def test_hetu(self) -> None:
        """Hetu masks itself in repr, str and containers."""
        from rekisteri.identifiers import hetu

        value = hetu.parse(HETU, allow_temporary=True)
        for shown in (repr(value), str(value), f"{value}", repr([value]), repr({value: 1})):
            assert HETU not in shown
        assert value.reveal() == HETU

    def test_consent(self) -> None:
        """ConsentEvent and ConsentRecord leave the subject out of their repr."""
        from rekisteri.consent import ConsentEvent, ConsentRecord, ConsentStatus

        at = datetime(2026, 1, 5, 12, tzinfo=UTC)
        event = ConsentEvent(subject=HETU, purpose="newsletter", kind="give", at=at)
        record = ConsentRecord(
            subject=HETU, purpose="newsletter", status=ConsentStatus.GIVEN, since=at,
            events=(event,),
        )  # fmt: skip
        assert HETU not in repr(event)
        assert HETU not in repr(record)
        assert "newsletter" in repr(record)

    def test_requests(self) -> None:
        """RequestEvent and DataSubjectRequest leave the subject out of their repr."""
        from rekisteri.requests import DataSubjectRequest, RequestEvent

        event = RequestEvent(
            request_id="r1", subject=HETU, kind="receive",
            at=datetime(2026, 1, 5, 12, tzinfo=UTC), right="access",
        )  # fmt: skip
        request = DataSubjectRequest.fold([event])
        assert HETU not in repr(event)
        assert HETU not in repr(request)
        assert "r1" in repr(request)
