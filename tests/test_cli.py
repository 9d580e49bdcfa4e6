"""Tests of the ``rekisteri`` command-line tool."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rekisteri.cli import _ids, cli
from rekisteri.testing import HetuCorruption, corrupt_hetu, synthetic_hetus

if TYPE_CHECKING:
    from click.testing import CliRunner, Result

# DVV's published temporary test identifiers: valid only with --allow-temporary.
VALID_HETUS = ["010594Y9032", "020594X903P", "150190-904V", "290200B908L"]
HEADER = "id,name,hetu,ytunnus\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def run(runner: CliRunner, *args: str, stdin: str | bytes | None = None) -> Result:
    return runner.invoke(cli, list(args), input=stdin, catch_exceptions=False)


def assert_no_hetu(text: str, values: list[str]) -> None:
    for value in values:
        assert value not in text
        assert value[7:] not in text


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    rows = [
        "1,A,010594Y9032,0245974-7",
        "2,B,150190-904X,2077474-1",
        "3,C,290200-908L,FI20774740",
        "4,D,020594X903P,357502-9",
        "5,E,,20774740",
    ]
    return write(tmp_path / "ids.csv", HEADER + "\n".join(rows) + "\n")


class TestHetuCheck:
    def test_valid_and_invalid(self, runner: CliRunner) -> None:
        """Each ID gets a verdict with its reason, masked, and any invalid one exits 1."""
        result = run(runner, "hetu", "check", "131052-308T", "131052-308U")
        assert result.exit_code == 1
        lines = result.stdout.splitlines()
        assert lines == ["131052-****\tvalid", "131052-****\tinvalid: checksum"]
        assert_no_hetu(result.stdout, ["131052-308T", "131052-308U"])

    def test_all_valid_exit_zero(self, runner: CliRunner) -> None:
        """Only valid IDs exit 0."""
        result = run(runner, "hetu", "check", "--allow-temporary", *VALID_HETUS[:2])
        assert result.exit_code == 0
        assert result.stdout.count("\tvalid") == 2

    def test_temporary_needs_flag(self, runner: CliRunner) -> None:
        """A temporary number is invalid unless --allow-temporary is given."""
        result = run(runner, "hetu", "check", "010594Y9032")
        assert result.exit_code == 1
        assert "invalid: temporary" in result.stdout

    def test_today_option(self, runner: CliRunner) -> None:
        """--today moves the point after which birth dates are in the future."""
        future = run(runner, "hetu", "check", "--allow-temporary", "--today", "2015-01-01")
        assert future.exit_code == 0  # no IDs and empty stdin: nothing invalid
        result = run(
            runner, "hetu", "check", "--allow-temporary", "--today", "2015-01-01", "010516B903X"
        )
        assert result.exit_code == 1
        assert "future_date" in result.stdout

    def test_reads_stdin(self, runner: CliRunner) -> None:
        """Without arguments the IDs are read one per line from stdin."""
        result = run(runner, "hetu", "check", stdin="131052-308T\r\n131052-308U\n")
        assert result.exit_code == 1
        assert result.stdout.splitlines()[1] == "131052-****\tinvalid: checksum"


class TestYtunnusCheck:
    def test_verdicts(self, runner: CliRunner) -> None:
        """Y-tunnus verdicts name the reason, including the VAT-number case."""
        result = run(runner, "ytunnus", "check", "2077474-0", "FI20774740", "0000006-0")
        assert result.exit_code == 1
        verdicts = [line.split("\t")[1] for line in result.stdout.splitlines()]
        assert verdicts == ["valid", "invalid: vat_number", "invalid: never_issued"]

    def test_all_valid(self, runner: CliRunner) -> None:
        """Legacy and compact forms are valid and the exit code is 0."""
        result = run(runner, "ytunnus", "check", "357502-9", "20774740")
        assert result.exit_code == 0


class TestCheckIds:
    def test_text_report(self, runner: CliRunner, sample: Path) -> None:
        """The text report lists row, reason and masked value, then a summary."""
        result = run(
            runner, "check-ids", str(sample), "--column", "hetu", "--kind", "hetu",
            "--allow-temporary",
        )  # fmt: skip
        assert result.exit_code == 1
        assert result.stdout.splitlines() == [
            "row 3: wrong check character: 150190-****",
            "row 4: birth date does not exist: 290200-****",
            "row 6: empty value",
            "5 rows checked: 2 valid, 3 invalid",
        ]
        assert_no_hetu(result.stdout + result.stderr, ["150190-904X", "290200-908L"])

    def test_json_report(self, runner: CliRunner, sample: Path) -> None:
        """The JSON report is one valid document with findings and a summary."""
        result = run(
            runner, "check-ids", str(sample), "-c", "ytunnus", "-k", "ytunnus", "--format", "json"
        )
        assert result.exit_code == 1
        document = json.loads(result.stdout)
        assert document["kind"] == "ytunnus"
        assert document["column"] == "ytunnus"
        assert [(f["row"], f["reason"]) for f in document["invalid"]] == [
            (3, "checksum"),
            (4, "vat_number"),
        ]
        assert document["summary"] == {"rows": 5, "valid": 3, "invalid": 2, "empty_skipped": 0}

    def test_json_report_without_findings(self, runner: CliRunner, tmp_path: Path) -> None:
        """A JSON report with nothing invalid is still a valid document."""
        path = write(tmp_path / "ok.csv", "y\n2077474-0\n")
        result = run(runner, "check-ids", str(path), "-c", "y", "-k", "ytunnus", "--format", "json")
        assert result.exit_code == 0
        assert json.loads(result.stdout)["invalid"] == []

    def test_csv_report(self, runner: CliRunner, sample: Path) -> None:
        """The CSV report has a header and one row per finding; the summary goes to stderr."""
        result = run(
            runner, "check-ids", str(sample), "-c", "hetu", "-k", "hetu", "--format", "csv",
            "--allow-temporary",
        )  # fmt: skip
        assert result.exit_code == 1
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert rows[0] == ["row", "reason", "value"]
        assert rows[1] == ["3", "checksum", "150190-****"]
        assert len(rows) == 4
        assert "5 rows checked: 2 valid, 3 invalid" in result.stderr

    def test_all_valid_exit_zero(self, runner: CliRunner, tmp_path: Path) -> None:
        """A file without invalid values exits 0."""
        path = write(tmp_path / "ok.csv", "hetu\n" + "\n".join(VALID_HETUS) + "\n")
        result = run(
            runner, "check-ids", str(path), "-c", "hetu", "-k", "hetu", "--allow-temporary"
        )
        assert result.exit_code == 0
        assert result.stdout.strip() == "4 rows checked: 4 valid, 0 invalid"

    def test_skip_empty(self, runner: CliRunner, sample: Path) -> None:
        """--skip-empty counts empty cells apart instead of reporting them."""
        result = run(
            runner, "check-ids", str(sample), "-c", "hetu", "-k", "hetu", "--skip-empty",
            "--allow-temporary",
        )  # fmt: skip
        assert result.exit_code == 1
        assert "empty value" not in result.stdout
        assert result.stdout.splitlines()[-1] == (
            "5 rows checked: 2 valid, 2 invalid, 1 empty skipped"
        )

    def test_stdin(self, runner: CliRunner) -> None:
        """A dash reads the CSV from stdin."""
        result = run(runner, "check-ids", "-", "-c", "y", "-k", "ytunnus", stdin="y\n2077474-1\n")
        assert result.exit_code == 1
        assert result.stdout.splitlines()[0] == "row 2: wrong check character: 20774****"

    def test_bom_and_crlf(self, runner: CliRunner, tmp_path: Path) -> None:
        """A UTF-8 byte-order mark and CRLF line ends (Excel's export) are read fine."""
        path = tmp_path / "excel.csv"
        path.write_bytes(b"\xef\xbb\xbfy;n\r\n2077474-0;x\r\n")
        result = run(runner, "check-ids", str(path), "-c", "y", "-k", "ytunnus", "--delimiter", ";")
        assert result.exit_code == 0

    def test_other_encoding(self, runner: CliRunner, tmp_path: Path) -> None:
        """--encoding reads a Windows-1252 file that is not valid UTF-8."""
        path = write(tmp_path / "cp.csv", "nimi,y\nÄänekosken Öljy,2077474-0\n", "cp1252")
        failed = run(runner, "check-ids", str(path), "-c", "y", "-k", "ytunnus")
        assert failed.exit_code == 2
        assert "not valid utf-8-sig" in failed.stderr
        assert "Traceback" not in failed.stderr
        result = run(
            runner, "check-ids", str(path), "-c", "y", "-k", "ytunnus", "--encoding", "cp1252"
        )
        assert result.exit_code == 0

    def test_row_numbers_across_chunks(
        self, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Row numbers stay right when the file is read in several chunks, blank lines included."""
        monkeypatch.setattr(_ids, "CHUNK_ROWS", 7)
        values = list(synthetic_hetus(40, seed=3))
        broken = {5: HetuCorruption.CHECKSUM, 17: HetuCorruption.DATE, 33: HetuCorruption.LENGTH}
        lines = ["hetu"]
        for i, value in enumerate(values):
            lines.append(corrupt_hetu(value, broken[i]) if i in broken else value)
        lines.insert(11, "")  # a blank line is a row too
        path = write(tmp_path / "many.csv", "\n".join(lines) + "\n")
        result = run(
            runner, "check-ids", str(path), "-c", "hetu", "-k", "hetu", "--allow-temporary",
            "--skip-empty",
        )  # fmt: skip
        assert result.exit_code == 1
        reported = [line.split(":")[0] for line in result.stdout.splitlines()[:-1]]
        # data row i is on row i + 2 (the header is row 1), +1 after the blank line
        assert reported == ["row 7", "row 20", "row 36"]
        assert (
            result.stdout.splitlines()[-1]
            == "41 rows checked: 37 valid, 3 invalid, 1 empty skipped"
        )

    def test_progress_bar_on_request(self, runner: CliRunner, sample: Path) -> None:
        """--progress draws a bar on stderr and leaves the report alone."""
        result = run(
            runner, "check-ids", str(sample), "-c", "ytunnus", "-k", "ytunnus", "--progress"
        )
        assert result.exit_code == 1
        assert "checking" in result.stderr
        assert result.stdout.splitlines()[-1] == "5 rows checked: 3 valid, 2 invalid"


class TestCheckIdsErrors:
    @pytest.mark.parametrize(
        ("content", "args", "message"),
        [
            (HEADER, ["-c", "nope"], "column 'nope' not found; the header has: 'id', 'name'"),
            ("hetu,hetu\n1,2\n", ["-c", "hetu"], "appears more than once"),
            ("", ["-c", "hetu"], "is empty"),
            ("hetu,x\n010594Y9032,1\n010594Y9021\n", ["-c", "hetu"], "row 3 has 1 fields"),
            ('hetu\n"010594Y9032\n', ["-c", "hetu"], "malformed CSV"),
            ("hetu\n", ["-c", "hetu", "--delimiter", ";;"], "single character"),
            ("hetu\n", ["-c", "hetu", "--encoding", "nope-8"], "unknown encoding"),
        ],
    )
    def test_bad_input_exits_two(
        self, runner: CliRunner, tmp_path: Path, content: str, args: list[str], message: str
    ) -> None:
        """Bad files and options get a one-line error on stderr and exit code 2."""
        path = write(tmp_path / "bad.csv", content)
        result = run(runner, "check-ids", str(path), "-k", "hetu", *args)
        assert result.exit_code == 2
        assert message in result.stderr
        assert "Traceback" not in result.stderr

    def test_missing_file(self, runner: CliRunner, tmp_path: Path) -> None:
        """A file that does not exist is a file error, exit code 2."""
        result = run(runner, "check-ids", str(tmp_path / "no.csv"), "-c", "h", "-k", "hetu")
        assert result.exit_code == 2
        assert "cannot open" in result.stderr

    def test_unknown_kind_is_usage_error(self, runner: CliRunner, sample: Path) -> None:
        """An unknown --kind is a usage error, exit code 2."""
        result = run(runner, "check-ids", str(sample), "-c", "hetu", "-k", "iban")
        assert result.exit_code == 2


class TestEntryPoint:
    def test_installed_script_runs(self, tmp_path: Path) -> None:
        """The installed ``rekisteri`` script checks a file in a real subprocess."""
        script = Path(sys.executable).with_name("rekisteri")
        assert script.exists()
        path = write(tmp_path / "ids.csv", "hetu\n131052-308T\n131052-308U\n")
        done = subprocess.run(  # noqa: S603 - our own entry point
            [str(script), "check-ids", str(path), "--column", "hetu", "--kind", "hetu"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1
        assert done.stdout.splitlines() == [
            "row 3: wrong check character: 131052-****",
            "2 rows checked: 1 valid, 1 invalid",
        ]
        assert "131052-308" not in done.stdout + done.stderr

    def test_python_dash_m(self) -> None:
        """``python -m rekisteri --version`` prints the version."""
        done = subprocess.run(
            [sys.executable, "-m", "rekisteri", "--version"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0
        assert "version" in done.stdout


class TestSchema:
    def test_prints_the_generated_schema(self, runner: CliRunner) -> None:
        """``rekisteri schema`` prints exactly ``json_schema()`` as JSON."""
        from rekisteri.serialize import json_schema

        result = run(runner, "schema")
        assert result.exit_code == 0
        assert json.loads(result.stdout) == json_schema()

    def test_writes_a_file(self, runner: CliRunner, tmp_path: Path) -> None:
        """``-o FILE`` writes the schema to a file instead."""
        target = tmp_path / "register.schema.json"
        result = run(runner, "schema", "-o", str(target))
        assert result.exit_code == 0
        assert json.loads(target.read_text(encoding="utf-8"))["title"] == "Register"


class TestValidate:
    def test_valid_register(self, runner: CliRunner, tmp_path: Path) -> None:
        """A valid register file exits 0 and says so."""
        path = write(tmp_path / "r.toml", '[controller]\nname = "Esimerkki Oy"\n')
        result = run(runner, "validate", str(path))
        assert result.exit_code == 0
        assert "valid register (Esimerkki Oy; 0 purposes)" in result.stdout

    def test_every_problem_listed(self, runner: CliRunner, tmp_path: Path) -> None:
        """Every problem is printed with its path and the exit code is 1."""
        text = (
            '[controller]\nname = "X Oy"\nbusiness_id = "2077474-1"\n'
            '[[purposes]]\nkey = "a"\nname = "Laskutus"\nlegal_basis = "contrakt"\n'
        )
        path = write(tmp_path / "r.toml", text)
        result = run(runner, "validate", str(path))
        assert result.exit_code == 1
        assert "2 problem(s)" in result.stdout
        assert "controller: ytunnus in business_id: check character does not match" in result.stdout
        assert "purposes[0].legal_basis: expected one of consent" in result.stdout
        assert "2077474-1" not in result.stdout

    def test_json_output(self, runner: CliRunner, tmp_path: Path) -> None:
        """--format json gives a machine-readable verdict."""
        path = write(tmp_path / "r.json", '{"controller": {"name": ""}}')
        result = run(runner, "validate", str(path), "--format", "json")
        assert result.exit_code == 1
        assert json.loads(result.stdout)["valid"] is False

    def test_missing_file(self, runner: CliRunner, tmp_path: Path) -> None:
        """A file that cannot be read is a file error, exit code 2."""
        result = run(runner, "validate", str(tmp_path / "nope.toml"))
        assert result.exit_code == 2
        assert "cannot read" in result.stderr
