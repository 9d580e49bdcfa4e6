"""Tests of ``rekisteri import``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rekisteri.cli import cli
from rekisteri.serialize import load_register

if TYPE_CHECKING:
    from click.testing import CliRunner, Result

LEGACY = Path(__file__).resolve().parent / "fixtures" / "legacy"
NOTICE = (
    "Rekisterinpitäjä\n\nEsimerkki Oy\nY-tunnus: 2077474-0\n\nMuuta\n\nOutoa tekstiä 131052-308T.\n"
)


def run(runner: CliRunner, *args: str, stdin: bytes | None = None) -> Result:
    return runner.invoke(cli, ["import", *args], input=stdin, catch_exceptions=False)


class TestImportCommand:
    def test_draft_and_report(self, runner: CliRunner, tmp_path: Path) -> None:
        """-o writes a TOML draft that loads; the report is printed; errors exit 1."""
        out = tmp_path / "draft.toml"
        result = run(runner, str(LEGACY / "notice-000-digicenter.txt"), "-o", str(out))
        assert result.exit_code == 1
        assert "of the text in the field its section names" in result.stdout
        assert "R105 error" in result.stdout
        register = load_register(out)
        assert register.controller.business_id == "0685831-5"
        assert out.read_text(encoding="utf-8").startswith("# Draft register imported")

    def test_draft_to_stdout_report_to_stderr(self, runner: CliRunner, tmp_path: Path) -> None:
        """Without -o the draft goes to stdout (valid TOML) and the report to stderr."""
        path = tmp_path / "notice.txt"
        path.write_text(NOTICE, encoding="utf-8")
        result = run(runner, str(path))
        assert result.exit_code == 1
        draft = tmp_path / "draft.toml"
        draft.write_text(result.stdout, encoding="utf-8")
        assert load_register(draft).controller.name == "Esimerkki Oy"
        assert "Not mapped to any field:" in result.stderr

    def test_report_file_json(self, runner: CliRunner, tmp_path: Path) -> None:
        """--report FILE --format json writes the report as JSON with the unmatched passages."""
        path = tmp_path / "notice.txt"
        path.write_text(NOTICE, encoding="utf-8")
        report = tmp_path / "report.json"
        result = run(runner, str(path), "-o", str(tmp_path / "d.toml"), "--report", str(report),
                     "--format", "json", "--locale", "en")  # fmt: skip
        assert result.exit_code == 1
        assert result.stdout == ""
        document = json.loads(report.read_text(encoding="utf-8"))
        assert document["locale"] == "en"
        assert document["coverage"] < 1
        assert [p["text"] for p in document["unmatched"]][-1] == "Outoa tekstiä 131052-****."
        assert "I001" in [f["code"] for f in document["findings"]]

    def test_hetu_masked(self, runner: CliRunner, tmp_path: Path) -> None:
        """A henkilötunnus in an unmatched passage is never printed in full."""
        path = tmp_path / "notice.txt"
        path.write_text(NOTICE, encoding="utf-8")
        result = run(runner, str(path), "-o", str(tmp_path / "d.toml"))
        assert "131052-****" in result.stdout
        assert "308T" not in result.stdout

    def test_encoding_option(self, runner: CliRunner, tmp_path: Path) -> None:
        """--encoding reads the file as told; a wrong one is exit 2."""
        path = tmp_path / "notice.txt"
        path.write_bytes(NOTICE.encode("cp1252"))
        good = run(runner, str(path), "--encoding", "cp1252", "-o", str(tmp_path / "d.toml"))
        assert good.exit_code == 1
        assert "I008" not in good.stdout
        bad = run(runner, str(path), "--encoding", "utf-8")
        assert bad.exit_code == 2
        assert "not valid utf-8" in bad.stderr

    def test_html_by_suffix(self, runner: CliRunner, tmp_path: Path) -> None:
        """A .html file is read as HTML."""
        out = tmp_path / "d.toml"
        result = run(runner, str(LEGACY / "fixture-101-html-table.html"), "-o", str(out))
        assert result.exit_code == 1
        assert load_register(out).controller.name == "Kahvila Kanerva Ky"

    def test_stdin(self, runner: CliRunner, tmp_path: Path) -> None:
        """'-' reads the notice from standard input."""
        out = tmp_path / "d.toml"
        result = run(runner, "-", "-o", str(out), stdin=NOTICE.encode())
        assert result.exit_code == 1
        assert "<stdin>" in result.stdout

    def test_clean_exit_zero(self, runner: CliRunner, tmp_path: Path) -> None:
        """A notice whose draft has no error findings exits 0."""
        path = tmp_path / "empty-ish.txt"
        path.write_text("Muutokset\n\nTähän selosteeseen voi tulla muutoksia.\n", encoding="utf-8")
        result = run(runner, str(path), "-o", str(tmp_path / "d.toml"), "--format", "json")
        document = json.loads(result.stdout)
        errors = document["summary"]["error"]
        assert result.exit_code == (1 if errors else 0)

    @pytest.mark.parametrize(
        ("content", "message"),
        [(b"", "no text"), (b"\x00\x01\x02\x03" * 100, "binary")],
    )
    def test_unusable(
        self, runner: CliRunner, tmp_path: Path, content: bytes, message: str
    ) -> None:
        """Empty and binary inputs exit 2 with a clear message and no traceback."""
        path = tmp_path / "notice.txt"
        path.write_bytes(content)
        result = run(runner, str(path))
        assert result.exit_code == 2
        assert message in result.stderr
        assert "Traceback" not in result.stderr

    def test_missing_file(self, runner: CliRunner, tmp_path: Path) -> None:
        """A file that does not exist exits 2."""
        result = run(runner, str(tmp_path / "nope.txt"))
        assert result.exit_code == 2
        assert "cannot read" in result.stderr

    def test_exit_zero_keeps_the_report(self, runner: CliRunner, tmp_path: Path) -> None:
        """--exit-zero exits 0 although the report has errors, and the report is unchanged."""
        notice = str(LEGACY / "notice-000-digicenter.txt")
        plain = run(runner, notice, "-o", str(tmp_path / "a.toml"))
        zero = run(runner, notice, "-o", str(tmp_path / "b.toml"), "--exit-zero")
        assert (plain.exit_code, zero.exit_code) == (1, 0)
        assert "R105 error" in zero.stdout
        assert zero.stdout == plain.stdout.replace("a.toml", "b.toml")
        drafts = [(tmp_path / name).read_text(encoding="utf-8") for name in ("a.toml", "b.toml")]
        assert drafts[0] == drafts[1]

    def test_exit_zero_still_fails_on_unreadable_input(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """--exit-zero does not hide a file that cannot be read: that is still exit 2."""
        result = run(runner, str(tmp_path / "nope.txt"), "--exit-zero")
        assert result.exit_code == 2


class TestSummaryAndEncodings:
    def test_summary_on_stderr_with_output_and_report(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """With -o and --report, the one-line summary is still printed on stderr."""
        out, report = tmp_path / "d.toml", tmp_path / "r.txt"
        result = run(
            runner, str(LEGACY / "notice-001-kotisivutaivas.txt"), "-o", str(out),
            "--report", str(report),
        )  # fmt: skip
        assert result.exit_code in {0, 1}
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert "in the field its section names" in lines[0]
        assert "not mapped" in lines[0]
        assert report.read_text(encoding="utf-8").startswith(lines[0].split(": ", 1)[0])

    @pytest.mark.parametrize("codec", ["hex", "rot13", "zlib", "base64", "no-such-codec"])
    def test_non_text_encoding_is_exit_2(
        self, runner: CliRunner, tmp_path: Path, codec: str
    ) -> None:
        """--encoding naming a bytes or str codec, or nothing, exits 2 with one line."""
        notice = tmp_path / "n.txt"
        notice.write_bytes("Rekisterinpitäjä\n\nEsimerkki Oy\n".encode())
        result = run(runner, "--encoding", codec, str(notice))
        assert result.exit_code == 2
        assert "Traceback" not in result.output
        assert "encoding" in result.stderr

    def test_meta_charset_naming_a_non_text_codec(self, runner: CliRunner, tmp_path: Path) -> None:
        """An HTML <meta charset="hex"> with a byte that is not UTF-8: exit 2, not a crash."""
        page = tmp_path / "p.html"
        page.write_bytes(b'<html><head><meta charset="hex"></head><p>Rekisterinpit\xe4j\xe4</p>')
        result = run(runner, str(page))
        assert result.exit_code == 2
        assert "not a text encoding" in result.stderr

    def test_control_characters_do_not_break_the_toml(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """NUL and other control characters in the notice: a draft that loads, no traceback."""
        notice = tmp_path / "n.txt"
        notice.write_bytes(
            "Rekisterinpitäjä\n\nEsimerkki\x00 Oy\nY-tunnus: 2077474-0\n\x1b\x07\n"
            "Rekisterin nimi\n\nAsiakas\x0brekisteri\n".encode()
        )
        out = tmp_path / "d.toml"
        result = run(runner, str(notice), "-o", str(out))
        assert result.exit_code in {0, 1}, result.output
        register = load_register(out)
        assert register.controller.business_id == "2077474-0"


@pytest.mark.parametrize("target", [["-o", "/dev/stdin"], ["-o", "{out}", "--report", "/dev/fd/0"]])
def test_the_file_standard_input_is_redirected_from_is_not_replaced(
    tmp_path: Path, target: list[str]
) -> None:
    """'import - -o /dev/stdin < seloste.txt' would write the draft over seloste.txt: exit 2."""
    import subprocess
    import sys

    if not Path("/dev/stdin").exists():
        pytest.skip("needs /dev/stdin")
    notice = tmp_path / "seloste.txt"
    text = "Tietosuojaseloste\n\n1. Rekisterinpitäjä\nKoeyritys Oy\n"
    notice.write_text(text, encoding="utf-8")
    args = [arg.format(out=tmp_path / "draft.toml") for arg in target]
    with notice.open("rb") as stdin:
        run = subprocess.run(  # noqa: S603 - our own command
            [sys.executable, "-m", "rekisteri", "import", "-", *args],
            stdin=stdin,
            capture_output=True,
            check=False,
            timeout=120,
        )
    assert run.returncode == 2
    assert b"it is also the input (standard input)" in run.stderr
    assert notice.read_text(encoding="utf-8") == text
    assert not (tmp_path / "draft.toml").exists()


@pytest.mark.parametrize("from_stdin", [False, True])
def test_a_notice_over_the_size_limit_is_refused_unread(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, from_stdin: bool
) -> None:
    """At most the limit and one byte are read: an endless stream never fills memory."""
    from rekisteri.cli import _import

    monkeypatch.setattr(_import, "MAX_NOTICE_BYTES", 1 << 10)
    big = ("Tietosuojaseloste\n\n1. Rekisterinpitäjä\nKoeyritys Oy\n" * 40).encode()
    assert len(big) > 1 << 10
    path = tmp_path / "seloste.txt"
    path.write_bytes(big)
    result = (
        runner.invoke(cli, ["import", "-"], input=big)
        if from_stdin
        else runner.invoke(cli, ["import", str(path)])
    )
    assert result.exit_code == 2
    assert "over 1,024 bytes, too large for a notice; not read" in result.stderr
    assert result.stdout == ""
    small = big[: 1 << 10]
    path.write_bytes(small)
    assert runner.invoke(cli, ["import", str(path)]).exit_code == 1  # a draft, with findings
