"""Output files of every command with ``-o`` (issue 17).

Never an input, never through a symbolic link, never silently over an
existing file, and never half-written.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from rekisteri.cli import _common as common
from rekisteri.cli import cli

if TYPE_CHECKING:
    from click.testing import CliRunner, Result

EXAMPLES = Path(__file__).parent.parent / "examples"
SECRET = {
    "REKISTERI_SECRET": "output-secret: at least thirty-two bytes",
    "REKISTERI_PURPOSES": None,
}


def run(runner: CliRunner, *args: str | Path) -> Result:
    return runner.invoke(cli, [str(a) for a in args], env=SECRET)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "reg.toml"
    path.write_bytes((EXAMPLES / "digicenter.toml").read_bytes())
    return path


@pytest.fixture
def db(runner: CliRunner, tmp_path: Path) -> Path:
    path = tmp_path / "c.db"
    made = run(
        runner, "consent", "record", "--db", path, "--subject", "c1",
        "--event", "prohibit_direct_marketing", "--at", "2026-01-05T12:00+02:00",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    return path


#: Every command with -o, as arguments before -o (``{reg}``, ``{db}`` filled in).
WRITERS = {
    "schema": ["schema"],
    "render": ["render", "{reg}"],
    "record": ["record", "{reg}"],
    "jsonld": ["jsonld", "{reg}"],
    "consent-export": ["consent", "export", "--db", "{db}", "--subject", "c1"],
    "consent-checkpoint": ["consent", "checkpoint", "--db", "{db}"],
    "requests-checkpoint": ["requests", "checkpoint", "--db", "{db}"],
}


def _args(name: str, reg: Path, db: Path) -> list[str]:
    return [a.format(reg=reg, db=db) for a in WRITERS[name]]


@pytest.mark.parametrize("name", WRITERS)
class TestEveryWriter:
    def test_new_file_and_summary(
        self, runner: CliRunner, register: Path, db: Path, tmp_path: Path, name: str
    ) -> None:
        """A new file is written; stdout stays empty and stderr has a one-line summary."""
        out = tmp_path / "out"
        result = run(runner, *_args(name, register, db), "-o", out)
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert str(out) in result.stderr
        assert out.stat().st_size > 0
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    def test_existing_file_needs_force(
        self, runner: CliRunner, register: Path, db: Path, tmp_path: Path, name: str
    ) -> None:
        """An existing file is kept (exit 2, --force named); with --force it is replaced."""
        out = tmp_path / "out"
        out.write_text("keep me\n", encoding="utf-8")
        refused = run(runner, *_args(name, register, db), "-o", out)
        assert refused.exit_code == 2
        assert "--force" in refused.stderr
        assert out.read_text(encoding="utf-8") == "keep me\n"
        forced = run(runner, *_args(name, register, db), "-o", out, "--force")
        assert forced.exit_code == 0, forced.output
        assert out.read_text(encoding="utf-8") != "keep me\n"

    def test_symlink_not_followed(
        self, runner: CliRunner, register: Path, db: Path, tmp_path: Path, name: str
    ) -> None:
        """A symbolic link at the output path is refused, even with --force; its target stays."""
        target = tmp_path / "precious.txt"
        target.write_text("precious\n", encoding="utf-8")
        link = tmp_path / "out"
        link.symlink_to(target)
        for extra in ([], ["--force"]):
            result = run(runner, *_args(name, register, db), "-o", link, *extra)
            assert result.exit_code == 2
            assert "symbolic link" in result.stderr
        assert target.read_text(encoding="utf-8") == "precious\n"
        assert link.is_symlink()

    def test_dangling_symlink_not_followed(
        self, runner: CliRunner, register: Path, db: Path, tmp_path: Path, name: str
    ) -> None:
        """A link to a file that does not exist yet is not followed to create it either."""
        link = tmp_path / "out"
        link.symlink_to(tmp_path / "created-through-link")
        result = run(runner, *_args(name, register, db), "-o", link, "--force")
        assert result.exit_code == 2
        assert not (tmp_path / "created-through-link").exists()

    def test_dash_is_stdout(
        self, runner: CliRunner, register: Path, db: Path, tmp_path: Path, name: str
    ) -> None:
        """``-o -`` prints to standard output, as without -o."""
        plain = run(runner, *_args(name, register, db))
        dashed = run(runner, *_args(name, register, db), "-o", "-")
        assert dashed.exit_code == plain.exit_code == 0
        if name.endswith("checkpoint"):  # signed at the moment of asking
            assert json.loads(dashed.stdout).keys() == json.loads(plain.stdout).keys()
        else:
            assert dashed.stdout == plain.stdout
        assert not (tmp_path / "-").exists()


class TestInputFiles:
    @pytest.mark.parametrize("command", ["render", "record", "jsonld"])
    def test_register_is_never_overwritten(
        self, runner: CliRunner, register: Path, command: str
    ) -> None:
        """``render reg.toml -o reg.toml`` (issue 17) is refused, even with --force."""
        before = register.read_bytes()
        for extra in ([], ["--force"]):
            result = run(runner, command, register, "-o", register, *extra)
            assert result.exit_code == 2
            assert "input" in result.stderr
        assert register.read_bytes() == before

    def test_input_through_a_hard_link(
        self, runner: CliRunner, register: Path, tmp_path: Path
    ) -> None:
        """A hard link to the input is the same file (same device and inode)."""
        other = tmp_path / "other-name.md"
        os.link(register, other)
        before = register.read_bytes()
        result = run(runner, "render", register, "-o", other, "--force")
        assert result.exit_code == 2
        assert register.read_bytes() == before

    def test_store_is_never_overwritten(self, runner: CliRunner, db: Path) -> None:
        """``consent export --db c.db -o c.db`` leaves the store whole."""
        before = db.read_bytes()
        result = run(
            runner, "consent", "export", "--db", db, "--subject", "c1", "-o", db, "--force"
        )
        assert result.exit_code == 2
        assert db.read_bytes() == before


class TestWriteOutput:
    def test_private_mode(self, tmp_path: Path) -> None:
        """A private file is 0600 whatever the umask; an ordinary one follows the umask."""
        old = os.umask(0o022)
        try:
            common.write_output(tmp_path / "p", b"x", force=False, private=True)
            common.write_output(tmp_path / "o", b"x", force=False)
        finally:
            os.umask(old)
        assert stat.S_IMODE((tmp_path / "p").stat().st_mode) == 0o600
        assert stat.S_IMODE((tmp_path / "o").stat().st_mode) == 0o644

    def test_interrupted_write_keeps_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A failure before the rename (here: fsync) leaves the old file and no temporary."""
        out = tmp_path / "out.md"
        out.write_text("old\n", encoding="utf-8")

        def broken_fsync(_fd: int) -> None:
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(os, "fsync", broken_fsync)
        with pytest.raises(SystemExit) as stop:
            common.write_output(out, "new\n", force=True)
        assert stop.value.code == 2
        assert out.read_text(encoding="utf-8") == "old\n"
        assert [p.name for p in tmp_path.iterdir()] == ["out.md"]

    def test_device_written_as_is(self) -> None:
        """A device (``-o /dev/null``) is written to without --force and without a rename."""
        common.write_output(Path("/dev/null"), b"nothing", force=False)
        assert Path("/dev/null").is_char_device()

    def test_directory_refused(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A directory is not an output file."""
        with pytest.raises(SystemExit):
            common.write_output(tmp_path, b"x", force=True)
        assert "directory" in capsys.readouterr().err


# --- modes kept, standard input, invisible characters, long names (issue 17) -------------


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o604])
def test_force_keeps_the_replaced_files_mode(register: Path, tmp_path: Path, mode: int) -> None:
    target = tmp_path / "old.md"
    target.write_bytes(b"old\n")
    target.chmod(mode)
    common.write_output(target, "new\n", force=True, inputs=[register])
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_private_replacement_never_widens(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_bytes(b"{}")
    target.chmod(0o644)
    common.write_private(target, b"[]", force=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        common.write_output(tmp_path / "new.md", "x", force=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o640


def test_standard_input_that_is_the_output_is_refused(
    register: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = register.read_bytes()
    fd = os.open(register, os.O_RDONLY)
    saved = os.dup(0)
    os.dup2(fd, 0)
    try:
        with pytest.raises(SystemExit) as stopped:
            common.write_output(register, "new", force=True, inputs=["-"])
    finally:
        os.dup2(saved, 0)
        os.close(saved)
        os.close(fd)
    assert stopped.value.code == common.EXIT_ERROR
    assert "standard input" in capsys.readouterr().err
    assert register.read_bytes() == before


def test_format_characters_table_matches_unicodedata() -> None:
    import sys
    import unicodedata

    # Every format, line- and paragraph-separator character of this Python's Unicode.
    invisible = [
        chr(c)
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) in {"Cf", "Zl", "Zp"}
    ]
    assert len(invisible) > 150
    missed = [hex(ord(c)) for c in invisible if common._UNSAFE.fullmatch(c) is None]
    assert not missed, (unicodedata.unidata_version, missed)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\u200bb", "a\\u200bb"),
        ("p\u2029q", "p\\u2029q"),
        ("tag\U000e0041", "tag\\U000e0041"),
        ("soft\xadhyphen", "soft\\xadhyphen"),
    ],
)
def test_invisible_characters_are_escaped(raw: str, shown: str) -> None:
    assert common.safe_text(raw) == shown
    assert json.loads(common.safe_json(json.dumps(raw, ensure_ascii=False))) == raw
    hidden = [c for c in raw if not c.isalpha()]
    assert hidden
    assert not any(c in common.safe_json(json.dumps(raw, ensure_ascii=False)) for c in hidden)


def test_long_name_is_clipped(runner: CliRunner, tmp_path: Path) -> None:
    text = (EXAMPLES / "digicenter.toml").read_text("utf-8")
    start = text.index("\nname = ") + 1
    end = text.index("\n", start)
    (tmp_path / "long.toml").write_text(
        text[:start] + 'name = "' + "n" * 5000 + '"' + text[end:], "utf-8"
    )
    result = run(runner, "validate", tmp_path / "long.toml")
    assert result.exit_code == 0, result.output
    assert "n" * 80 + "…" in result.output
    assert "n" * 81 not in result.output


def test_error_line_is_bounded(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        common.fail("x" * 100_000)
    err = capsys.readouterr().err
    assert err.startswith("rekisteri: error: xxx")
    assert len(err) < common.MESSAGE_LIMIT + 100
    assert err.rstrip().endswith("…")
