"""An outside attack on the promises of issue 17, through the installed command.

Every test runs ``rekisteri`` in a subprocess, as a user or a script would, and
judges it only by what the CLI guide (docs/guides/cli.md) and ``--help``
promise: safe output files, typed errors with exit 2, no identity code in any
output, duplicate JSON keys refused, terminal safety, bounded work on hostile
documents and the CLI semantics the issue asked for. Bugs found are kept as
``xfail(strict=True)`` with the reason, so the suite stays green until they are
fixed (and then says so).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable, Sequence  # noqa: TC003 - used at run time by the helpers
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from rekisteri.testing import make_hetu

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="POSIX files, rlimits, /proc")

REKISTERI = str(Path(sys.executable).with_name("rekisteri"))
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "quickstart"
SECRET = "attack-cli-secret-" + "x" * 32

# Identity codes from the documented generators: a 2023 century sign, the
# temporary numbers 900-999, and an old-style sign.
HETU_NEW = make_hetu(date(2005, 3, 14), 937, sign="B")
HETU_OLD = make_hetu(date(1978, 11, 2), 912, sign="Y")
HETU_PLUS = make_hetu(date(1899, 7, 30), 955)


def _wide(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def spellings(hetu: str) -> list[str]:
    """The spellings the guide promises to mask: case, spaces, dashes, wide digits."""
    digits, sign, rest = hetu[:6], hetu[6], hetu[7:]
    return [
        hetu,
        hetu.lower(),
        f"{digits} {sign} {rest}",
        f"{digits}{sign.lower()}{rest}",
        _wide(hetu),
        f"abc{hetu}xyz",
        f"{digits}-{rest}" if sign != "-" else f"{digits}+{rest}",
    ]


def dotted(hetu: str) -> str:
    return f"{hetu[:2]}.{hetu[2:4]}.{hetu[4:6]}{hetu[6:]}"


PLANTED = spellings(HETU_NEW) + spellings(HETU_OLD) + spellings(HETU_PLUS)
# The individual numbers and check characters: what masking must hide.
TAILS = [h[7:] for h in (HETU_NEW, HETU_OLD, HETU_PLUS)]

RAW_CONTROLS = ["\x1b", "\x9b", "\x07", "\x7f", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
HOSTILE_TEXTS = [
    "\x1b[2J\x1b[H",
    "\x1b]0;owned\x07",
    "\x1b]8;;http:__evil.example.com_\x1b\\click\x1b]8;;\x1b\\",
    "\x9b31m",
    "\u202etxt.exe",
    "\u2066iso\u2069",
]


def rk(
    *args: str | Path,
    cwd: Path,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    preexec: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, "REKISTERI_SECRET": SECRET, "LC_ALL": "C.UTF-8"}
    full_env.pop("REKISTERI_PURPOSES", None)
    full_env.update(env or {})
    return subprocess.run(  # noqa: S603 - the command under test
        [REKISTERI, *map(str, args)],
        cwd=cwd,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=full_env,
        timeout=timeout,
        preexec_fn=preexec,
        check=False,
    )


def rk_many(
    calls: Sequence[tuple[Sequence[str | Path], dict[str, object]]],
) -> list[subprocess.CompletedProcess[bytes]]:
    """Run independent calls three at a time (the file must stay fast on a busy machine)."""
    with ThreadPoolExecutor(max_workers=3) as pool:
        return list(pool.map(lambda call: rk(*call[0], **call[1]), calls))


def later(*args: str | Path, **kw: object) -> tuple[Sequence[str | Path], dict[str, object]]:
    """One call for rk_many."""
    return args, kw


def output(p: subprocess.CompletedProcess[bytes]) -> str:
    return (p.stdout + p.stderr).decode("utf-8", "replace")


def assert_typed(p: subprocess.CompletedProcess[bytes], codes: Sequence[int] = (0, 1, 2)) -> None:
    text = output(p)
    assert "Traceback" not in text, text[-2000:]
    assert p.returncode in codes, (p.returncode, text[-2000:])


def assert_error(p: subprocess.CompletedProcess[bytes], code: int = 2) -> None:
    """One line 'rekisteri: error: ...' on stderr, nothing on stdout, exit *code*."""
    assert_typed(p, (code,))
    err = p.stderr.decode("utf-8", "replace")
    assert err.startswith("rekisteri: error: "), err


def assert_no_hetu(text: str, planted: Sequence[str] = PLANTED) -> None:
    found = [s for s in planted if s in text]
    found += [t for t in TAILS if t in text]
    assert not found, (found, text[:3000])


def assert_no_raw_controls(text: str) -> None:
    found = [hex(ord(c)) for c in RAW_CONTROLS if c in text]
    assert not found, (found, text[:2000])


def snapshot(directory: Path) -> dict[str, bytes | str]:
    """Every entry of *directory*: file bytes, or the target of a link."""
    out: dict[str, bytes | str] = {}
    for entry in sorted(directory.iterdir()):
        if entry.is_symlink():
            out[entry.name] = "->" + str(entry.readlink())
        elif entry.is_file():
            out[entry.name] = entry.read_bytes()
        else:
            out[entry.name] = "<dir>"
    return out


def _dates_as_text(value: object) -> object:
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory with a valid register (TOML and JSON), an old notice and a store."""
    d = tmp_path_factory.mktemp("attack_cli")
    register = (EXAMPLES / "rekisteri.toml").read_text("utf-8")
    (d / "reg.toml").write_text(register, "utf-8")
    doc = _dates_as_text(tomllib.loads(register))
    (d / "reg.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1), "utf-8")
    (d / "notice.txt").write_bytes((EXAMPLES / "vanha-rekisteriseloste.txt").read_bytes())
    p = rk(
        "consent",
        "record",
        "--db",
        d / "store.db",
        "--subject",
        "c-1",
        "--event",
        "prohibit_direct_marketing",
        "--at",
        "2026-01-01T00:00Z",
        cwd=d,
    )
    assert p.returncode == 0, output(p)
    return d


def register_doc(base: Path) -> dict[str, object]:
    doc = json.loads((base / "reg.json").read_text("utf-8"))
    assert isinstance(doc, dict)
    return doc


# ---------------------------------------------------------------------------
# 1. Safe output files
# ---------------------------------------------------------------------------

# Every command with -o (from --help): the arguments before "-o FILE".
OUTPUT_COMMANDS: dict[str, list[str]] = {
    "render": ["render", "{base}/reg.toml"],
    "record": ["record", "{base}/reg.toml", "-f", "text"],
    "jsonld": ["jsonld", "{base}/reg.json"],
    "schema": ["schema"],
    "import": ["import", "{base}/notice.txt", "--exit-zero", "--report", "/dev/null"],
    "import --report": [
        "import",
        "{base}/notice.txt",
        "--exit-zero",
        "-o",
        "/dev/null",
        "--report",
    ],
    "consent export": ["consent", "export", "--db", "{base}/store.db", "--subject", "c-1"],
    "consent checkpoint": ["consent", "checkpoint", "--db", "{base}/store.db"],
    "requests checkpoint": ["requests", "checkpoint", "--db", "{base}/store.db"],
}


def out_args(name: str, base: Path, target: str | Path, *extra: str) -> list[str]:
    args = [a.format(base=base) for a in OUTPUT_COMMANDS[name]]
    flag = [] if name == "import --report" else ["-o"]
    return [*args, *flag, str(target), *extra]


def test_output_file_guards(base: Path, tmp_path: Path) -> None:
    """Every -o: no overwrite without --force; a symlink (to a file or dangling) is not followed."""
    old = tmp_path / "old.out"
    old.write_bytes(b"precious\n")
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"do not touch\n")
    (tmp_path / "link.out").symlink_to(victim)
    (tmp_path / "dangling.out").symlink_to(tmp_path / "nowhere.txt")
    before = snapshot(tmp_path)
    cwd: dict[str, object] = {"cwd": tmp_path}
    no_force = rk_many([(out_args(name, base, old), cwd) for name in OUTPUT_COMMANDS])
    links = rk_many(
        [(out_args(name, base, tmp_path / "link.out", "--force"), cwd) for name in OUTPUT_COMMANDS]
    )
    dangling = rk_many(
        [
            (out_args(name, base, tmp_path / "dangling.out", "--force"), cwd)
            for name in ("render", "schema")
        ]
    )
    for name, p in zip(OUTPUT_COMMANDS, no_force, strict=True):
        assert_error(p)
        assert "--force" in p.stderr.decode(), name
    for p in [*links, *dangling]:
        assert_error(p)
        assert "symbolic link" in p.stderr.decode()
    assert snapshot(tmp_path) == before
    assert not (tmp_path / "nowhere.txt").exists()


def _tiny_file_limit() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))


def test_force_is_atomic_when_the_write_fails(base: Path, tmp_path: Path) -> None:
    """Every -o: a write cut short (RLIMIT_FSIZE 64 bytes) keeps the old file, no temp file."""
    old = tmp_path / "old.out"
    old.write_bytes(b"the old contents, longer than the sixty-four byte limit of the writer\n")
    before = snapshot(tmp_path)
    kw: dict[str, object] = {"cwd": tmp_path, "preexec": _tiny_file_limit}
    runs = rk_many([(out_args(name, base, old, "--force"), kw) for name in OUTPUT_COMMANDS])
    for p in runs:
        assert_error(p)
    assert snapshot(tmp_path) == before


def test_force_replaces_and_reports(base: Path, tmp_path: Path) -> None:
    names = ["render", "schema", "consent checkpoint", "import --report"]
    for name in names:
        (tmp_path / name).mkdir()
        (tmp_path / name / "old.out").write_bytes(b"old\n")
    runs = rk_many(
        [
            (out_args(name, base, tmp_path / name / "old.out", "--force"), {"cwd": tmp_path})
            for name in names
        ]
    )
    for name, p in zip(names, runs, strict=True):
        assert_typed(p, (0,))
        old = tmp_path / name / "old.out"
        assert old.read_bytes() != b"old\n"
        assert old.stat().st_size > 20
        assert sorted(e.name for e in old.parent.iterdir()) == ["old.out"]
        assert "old.out" in p.stderr.decode() or name == "import --report"


def test_new_file_follows_the_umask(base: Path, tmp_path: Path) -> None:
    def umask_077() -> None:
        os.umask(0o077)

    p = rk("render", base / "reg.toml", "-o", tmp_path / "n.md", cwd=tmp_path, preexec=umask_077)
    assert_typed(p, (0,))
    assert (tmp_path / "n.md").stat().st_mode & 0o777 == 0o600


def test_force_keeps_a_private_files_mode(base: Path, tmp_path: Path) -> None:
    private = tmp_path / "private.md"
    private.write_bytes(b"old\n")
    private.chmod(0o600)

    def umask_022() -> None:
        os.umask(0o022)

    p = rk("render", base / "reg.toml", "-o", private, "--force", cwd=tmp_path, preexec=umask_022)
    assert_typed(p, (0,))
    assert private.stat().st_mode & 0o777 == 0o600


def test_output_is_never_the_input(base: Path, tmp_path: Path) -> None:
    """The input, reached through a hard link, '..', a linked directory, /proc/self/fd, stdin."""
    reg = tmp_path / "reg.toml"
    reg.write_bytes((base / "reg.toml").read_bytes())
    (tmp_path / "sub").mkdir()
    os.link(reg, tmp_path / "hard.toml")
    (tmp_path / "dirlink").symlink_to(tmp_path)
    before = snapshot(tmp_path)
    targets = ["./sub/../reg.toml", "hard.toml", "dirlink/reg.toml", str(reg)]
    for target in targets:
        p = rk("render", "reg.toml", "-o", target, "--force", cwd=tmp_path)
        assert_error(p)
        assert "input" in p.stderr.decode(), target
    p = rk("jsonld", "dirlink/reg.toml", "-o", "reg.toml", "--force", cwd=tmp_path)
    assert_error(p)
    with reg.open("rb") as handle:
        fd = handle.fileno()
        p = subprocess.run(  # noqa: S603
            [REKISTERI, "render", "reg.toml", "-o", f"/proc/self/fd/{fd}", "--force"],
            cwd=tmp_path,
            capture_output=True,
            pass_fds=(fd,),
            check=False,
        )
    assert_error(p)
    assert snapshot(tmp_path) == before


def test_standard_input_redirected_from_the_output_file(base: Path, tmp_path: Path) -> None:
    reg = tmp_path / "reg.toml"
    reg.write_bytes((base / "reg.toml").read_bytes())
    with reg.open("rb") as handle:
        p = subprocess.run(  # noqa: S603
            [REKISTERI, "render", "-", "-o", "reg.toml", "--force"],
            cwd=tmp_path,
            stdin=handle,
            capture_output=True,
            check=False,
        )
    assert_typed(p)
    assert reg.read_bytes() == (base / "reg.toml").read_bytes()


def test_import_never_writes_over_its_notice(base: Path, tmp_path: Path) -> None:
    notice = tmp_path / "n.txt"
    notice.write_bytes((base / "notice.txt").read_bytes())
    os.link(notice, tmp_path / "n2.txt")
    before = snapshot(tmp_path)
    for args in (["-o", "n.txt"], ["-o", "n2.txt"], ["-o", "-", "--report", "./n.txt"]):
        p = rk("import", "n.txt", *args, "--force", cwd=tmp_path)
        assert_error(p)
    assert snapshot(tmp_path) == before


def test_import_draft_and_report_to_one_file(base: Path, tmp_path: Path) -> None:
    p = rk(
        "import", base / "notice.txt", "-o", "x.toml", "--report", "x.toml", "--force", cwd=tmp_path
    )
    assert_error(p)


def test_refused_import_writes_nothing(base: Path, tmp_path: Path) -> None:
    notice = tmp_path / "n.txt"
    notice.write_bytes((base / "notice.txt").read_bytes())
    p = rk("import", "n.txt", "-o", "draft.toml", "--report", "n.txt", "--force", cwd=tmp_path)
    assert_error(p)
    assert sorted(e.name for e in tmp_path.iterdir()) == ["n.txt"]


def test_unusable_output_paths(base: Path, tmp_path: Path) -> None:
    (tmp_path / "adir").mkdir()
    for target in ("missing/dir/x.md", "adir", "adir/"):
        p = rk("render", base / "reg.toml", "-o", target, "--force", cwd=tmp_path)
        assert_error(p)
        assert len(p.stderr.decode().strip().splitlines()) == 1
    assert list((tmp_path / "adir").iterdir()) == []
    assert not (tmp_path / "missing").exists()


# ---------------------------------------------------------------------------
# 2. Every input error is typed and exits 2
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding",
    [
        "hex",
        "rot13",
        "zlib",
        "undefined",
        "no-such-codec",
        "utf-16",  # without a byte order mark (fixed in 43078ae)
        "punycode",
    ],
)
def test_check_ids_codecs(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "ids.csv").write_text(f"hetu\n{HETU_NEW}\n", "utf-8")
    p = rk("check-ids", "ids.csv", "-c", "hetu", "-k", "hetu", "--encoding", encoding, cwd=tmp_path)
    assert_error(p)
    assert_no_hetu(output(p))


def test_import_codecs_and_declared_charsets(base: Path, tmp_path: Path) -> None:
    encodings = ("hex", "base64", "undefined")
    for p in rk_many(
        [later("import", base / "notice.txt", "--encoding", e, cwd=tmp_path) for e in encodings]
    ):
        assert_error(p)
    codecs = ("rot13", "zlib", "utf-32", "x-no-such")
    for codec in codecs:
        page = f'<html><head><meta charset="{codec}"></head><body><h2>Rekisterinpit\xe4j\xe4</h2>'
        (tmp_path / f"{codec}.html").write_bytes(
            page.encode("latin-1") + b"<p>Foo \xff Oy</p></body></html>"
        )
    for p in rk_many([later("import", f"{codec}.html", cwd=tmp_path) for codec in codecs]):
        assert_typed(p, (1, 2))
        if p.returncode == 1:  # read in a fallback encoding: the draft must be TOML
            tomllib.loads(p.stdout.decode("utf-8"))


def test_import_nul_and_control_bytes_give_valid_toml(tmp_path: Path) -> None:
    notice = (
        "Rekisteriseloste\n\nRekisterinpitäjä\nFoo\x00 Oy\x01\x1b[2J \x0b\x0c\n\n"
        "Rekisterin nimi\nAsiakas\x00rekisteri\n"
    )
    (tmp_path / "n.txt").write_bytes(notice.encode("utf-8"))
    p = rk("import", "n.txt", cwd=tmp_path)
    assert_typed(p, (1, 2))
    if p.returncode == 1:
        draft = p.stdout.decode("utf-8")
        tomllib.loads(draft)
        assert "\x00" not in draft
        assert "\x1b" not in draft


def _register_variants(base: Path) -> dict[str, bytes]:
    toml = (base / "reg.toml").read_text("utf-8")
    js = (base / "reg.json").read_text("utf-8")
    return {
        "nul.toml": toml.replace("schema_version = 1", "schema_version = 1 # \x00").encode(),
        "empty.toml": b"",
        "empty.json": b"",
        "bom16.json": b"\xff\xfe" + js.encode("utf-16-le"),
        "bom32.toml": b"\xff\xfe\x00\x00" + toml.encode("utf-32-le"),
        "binary.toml": bytes(range(256)) * 4,
        "leap-second.toml": toml.replace(
            "updated = 2026-11-30", "updated = 2026-12-31T23:59:60Z"
        ).encode(),
        "hour-24.toml": toml.replace(
            "updated = 2026-11-30", "updated = 2026-12-31T24:00:00+14:00"
        ).encode(),
        "huge-int.json": js.replace(
            '"schema_version": 1', '"schema_version": 1' + "0" * 5000
        ).encode(),
        "inf.json": js.replace('"schema_version": 1', '"schema_version": Infinity').encode(),
        "surrogate.json": js.replace('"Puutarhapalvelu Kielo Oy"', '"\\udc00 Oy"').encode(),
    }


@pytest.mark.parametrize("command", ["validate", "lint", "render", "record", "jsonld"])
def test_broken_registers(base: Path, tmp_path: Path, command: str) -> None:
    """Each broken file: exit 2 (1 for validate), one error, never a traceback."""
    expected = 1 if command == "validate" else 2
    for name, data in _register_variants(base).items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "adir.toml").mkdir()
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    names = [*_register_variants(base), "adir.toml", "zero.toml"]
    if command != "validate":  # the same loader: a sample is enough
        names = ["nul.toml", "bom16.json", "binary.toml", "surrogate.json", "adir.toml"]
        names += ["zero.toml"] if command == "render" else []
    started = time.monotonic()
    runs = rk_many([([command, name], {"cwd": tmp_path}) for name in names])
    for name, p in zip(names, runs, strict=True):
        assert_typed(p, (expected, 2))
        assert p.returncode == expected or name == "adir.toml", (name, output(p))
    assert time.monotonic() - started < 50  # /dev/zero behind zero.toml: stopped, not read forever


def test_standard_input_edge_cases(tmp_path: Path) -> None:
    cases: list[tuple[list[str], bytes]] = [
        (["validate", "-"], b""),
        (["render", "-"], b"\x00\xff\xfe garbage"),
        (["lint", "-"], b"{"),
        (["jsonld", "-"], b'{"a": 1, "a": 2}'),
        (["check-ids", "-", "-c", "hetu", "-k", "hetu"], b""),
        (["import", "-"], b""),
        (["import", "-"], b"\x00" * 64),
    ]
    runs = rk_many([(args, {"cwd": tmp_path, "stdin": data}) for args, data in cases])
    for (args, _data), p in zip(cases, runs, strict=True):
        assert_typed(p, (1, 2) if args[0] == "validate" else (2,))


def test_unreadable_and_special_files(base: Path, tmp_path: Path) -> None:
    secret = tmp_path / "locked.toml"
    secret.write_bytes((base / "reg.toml").read_bytes())
    secret.chmod(0)
    p = rk("render", "locked.toml", cwd=tmp_path)
    if os.geteuid() == 0:  # root reads it anyway: the render must then simply work
        assert_typed(p, (0,))
    else:
        assert_error(p)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    feeder = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-c",
            f"with open({str(fifo)!r}, 'wb') as f:\n    f.write(b'hetu\\n' + b'\\x00' * 100000)",
        ],
    )
    try:
        p = rk("check-ids", "pipe.csv", "-c", "hetu", "-k", "hetu", cwd=tmp_path, timeout=30)
    finally:
        feeder.wait(timeout=30)
    assert_typed(p, (1, 2))


@pytest.mark.parametrize(
    "args",
    [
        ["requests", "deadline", "0001-01-01"],
        ["requests", "deadline", "9999-12-31", "--extension", "2"],
        ["requests", "deadline", "2026-02-29"],
        [
            "requests",
            "record",
            "--db",
            "r.db",
            "--request",
            "q-1",
            "--subject",
            "s",
            "--event",
            "receive",
            "--right",
            "access",
            "--at",
            "0001-01-01T00:00+14:00",
        ],
        ["requests", "list", "--db", "r.db", "--at", "9999-12-31T23:59-12:00"],
        [
            "consent",
            "record",
            "--db",
            "r.db",
            "--subject",
            "s",
            "--event",
            "prohibit_direct_marketing",
            "--at",
            "2026-12-31T23:59:60Z",
        ],
        [
            "consent",
            "status",
            "--db",
            "r.db",
            "--subject",
            "s",
            "--purpose",
            "x",
            "--at",
            "2026-01-01T24:00Z",
        ],
        [
            "consent",
            "record",
            "--db",
            "r.db",
            "--subject",
            "s",
            "--event",
            "prohibit_direct_marketing",
            "--at",
            "2026-01-01T10:00",
        ],
        ["retention", "plan", "{base}/reg.toml", "{base}/reg.toml", "--today", "0001-01-01"],
    ],
    ids=lambda a: " ".join(a[:2] + a[-1:]),
)
def test_dates_at_the_ends_of_the_calendar(base: Path, tmp_path: Path, args: list[str]) -> None:
    p = rk(*[a.format(base=base) for a in args], cwd=tmp_path)
    assert_error(p)


def test_today_outside_the_calendar(tmp_path: Path) -> None:
    (tmp_path / "ids.csv").write_text(f"hetu\n{HETU_OLD}\n", "utf-8")
    for today in ("0001-01-01", "9999-12-31"):
        assert_error(
            rk("hetu", "check", "--today", today, "--allow-temporary", HETU_OLD, cwd=tmp_path)
        )
        assert_error(
            rk("check-ids", "ids.csv", "-c", "hetu", "-k", "hetu", "--today", today, cwd=tmp_path)
        )


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_register_date_outside_the_calendar(base: Path, tmp_path: Path, day: str) -> None:
    text = (
        (base / "reg.toml").read_text("utf-8").replace("updated = 2026-11-30", f"updated = {day}")
    )
    (tmp_path / "r.toml").write_text(text, "utf-8")
    p = rk("validate", "r.toml", cwd=tmp_path)
    assert_typed(p, (1,))


# ---------------------------------------------------------------------------
# 3. No identity code in any output
# ---------------------------------------------------------------------------


def test_identity_codes_in_a_register(base: Path, tmp_path: Path) -> None:
    """Unknown keys, nested keys, enum values, list keys, a duplicate key and the file name."""
    doc = register_doc(base)
    for spelling in PLANTED:
        doc[spelling] = spelling
    controller = dict(doc["controller"])  # type: ignore[call-overload]
    controller[HETU_OLD.lower()] = HETU_NEW
    doc["controller"] = controller
    doc["data_categories"] = [*doc["data_categories"], {"key": HETU_NEW, "name": {"fi": "x"}}]  # type: ignore[misc]
    doc["purposes"] = [*doc["purposes"], {"key": "p-x", "legal_basis": HETU_PLUS, "name": HETU_OLD}]  # type: ignore[misc]
    text = json.dumps(doc, ensure_ascii=False)
    # A duplicate key, and its twin spelled with a JSON escape.
    text = (
        text[:-1]
        + f', "{HETU_NEW}": 1, "{HETU_NEW[:3]}\\u00{ord(HETU_NEW[3]):02x}{HETU_NEW[4:]}": 2}}'
    )
    name = f"reg-{HETU_NEW}.json"
    (tmp_path / name).write_text(text, "utf-8")
    for args in (
        ["validate", name],
        ["validate", name, "-f", "json"],
        ["lint", name, "-f", "json"],
        ["render", name, "-o", f"out-{HETU_OLD}.md"],
        ["jsonld", "-"],
    ):
        p = rk(*args, cwd=tmp_path, stdin=text.encode())
        assert_typed(p, (1, 2))
        assert_no_hetu(output(p))
    assert not any(tmp_path.glob("out-*"))


def test_identity_codes_in_arguments_and_environment(base: Path, tmp_path: Path) -> None:
    (tmp_path / "ids.csv").write_text(
        "hetu\n" + "\n".join([HETU_NEW, HETU_OLD.lower(), "1" + HETU_PLUS]) + "\n"
    )
    header = ",".join(spellings(HETU_NEW)[1:5]) + "\n" + ",".join(["x"] * 4) + "\n"
    (tmp_path / "header.csv").write_text(header, "utf-8")
    runs = rk_many(
        [
            later("hetu", "check", *spellings(HETU_NEW), cwd=tmp_path),
            later("ytunnus", "check", HETU_OLD, _wide(HETU_PLUS), cwd=tmp_path),
            later("check-ids", "ids.csv", "-c", HETU_NEW, "-k", "hetu", cwd=tmp_path),
            later("check-ids", "ids.csv", "-c", "hetu", "-k", "hetu", "-f", "json", cwd=tmp_path),
            later("check-ids", "ids.csv", "-c", "hetu", "-k", "hetu", "-f", "csv", cwd=tmp_path),
            later("check-ids", "header.csv", "-c", "hetu", "-k", "hetu", cwd=tmp_path),
            later("render", base / "reg.toml", "--locale", HETU_OLD, cwd=tmp_path),
            later("validate", f"{HETU_PLUS.lower()}.toml", cwd=tmp_path),
            later(
                "consent",
                "status",
                "--db",
                base / "store.db",
                "--subject",
                "c-1",
                "--purpose",
                "x",
                cwd=tmp_path,
                env={"REKISTERI_PURPOSES": f"/nowhere/{HETU_NEW}.toml"},
            ),
            later(
                "consent",
                "verify",
                "--db",
                "v.db",
                cwd=tmp_path,
                env={"REKISTERI_SECRET": HETU_OLD},
            ),
            later(
                "store",
                "copy",
                base / "store.db",
                f"postgresql://{HETU_NEW}:{HETU_OLD}@127.0.0.1:9/{HETU_PLUS}",
                cwd=tmp_path,
                env={"PGCONNECT_TIMEOUT": "2"},
            ),
        ]
    )
    for p in runs:
        assert_typed(p)
        assert_no_hetu(output(p))


def test_identity_codes_as_store_subjects_and_evidence(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    subjects = [HETU_NEW, HETU_OLD.lower(), _wide(HETU_PLUS)]
    runs = []
    for i, subject in enumerate(subjects):
        runs.append(
            rk(
                "consent",
                "record",
                "--db",
                db,
                "--subject",
                subject,
                "--event",
                "prohibit_direct_marketing",
                "--channel",
                HETU_OLD,
                "--evidence",
                f"form {HETU_NEW.lower()}",
                "--actor",
                _wide(HETU_NEW),
                "--at",
                f"2026-01-0{i + 1}T00:00Z",
                cwd=tmp_path,
            )
        )
    runs += [
        rk("consent", "history", "--db", db, "--subject", HETU_NEW, "-f", "json", cwd=tmp_path),
        rk("consent", "export", "--db", db, "--subject", HETU_OLD, cwd=tmp_path),
        rk("consent", "erase", "--db", db, "--subject", HETU_NEW, "-f", "json", cwd=tmp_path),
        rk(
            "requests",
            "record",
            "--db",
            db,
            "--request",
            "q-1",
            "--subject",
            f"{HETU_PLUS[:6]} {HETU_PLUS[6:]}",
            "--event",
            "receive",
            "--right",
            "access",
            "--notes",
            HETU_OLD,
            "--at",
            "2026-01-01T00:00Z",
            cwd=tmp_path,
        ),
        rk("requests", "show", "q-1", "--db", db, "-f", "json", cwd=tmp_path),
        rk("requests", "list", "--db", db, "--all", "--at", "2026-03-01T00:00Z", cwd=tmp_path),
        rk(
            "requests",
            "record",
            "--db",
            db,
            "--request",
            HETU_NEW,
            "--subject",
            "s",
            "--event",
            "receive",
            "--right",
            "access",
            cwd=tmp_path,
        ),
    ]
    for p in runs:
        assert_typed(p)
        assert_no_hetu(output(p))
    assert runs[0].returncode == 0
    assert b"q-1" in runs[-2].stdout


def test_dotted_spelling_is_masked(tmp_path: Path) -> None:
    code = dotted(HETU_NEW)
    (tmp_path / "nh.csv").write_text(f"{code}\n{HETU_NEW}\n", "utf-8")
    p = rk("check-ids", "nh.csv", "-c", "hetu", "-k", "hetu", cwd=tmp_path)
    assert_error(p)
    assert code not in output(p)
    p = rk(
        "consent",
        "record",
        "--db",
        "d.db",
        "--subject",
        code,
        "--event",
        "prohibit_direct_marketing",
        cwd=tmp_path,
    )
    assert code not in output(p)


# ---------------------------------------------------------------------------
# 4. Duplicate JSON keys
# ---------------------------------------------------------------------------


def _with_duplicate(base: Path, where: str) -> str:
    text = (base / "reg.json").read_text("utf-8")
    doc = register_doc(base)
    if where == "top":
        return text.replace('"schema_version": 1', '"schema_version": 1, "schema_version": 1', 1)
    if where == "nested":
        return text.replace('"business_id":', '"business_id": "7654321-2", "business_id":', 1)
    if where == "array-item":
        first = json.dumps(doc["purposes"][0])  # type: ignore[index]
        doubled = first[:-1] + ', "legal_basis": "consent"}'
        doc["purposes"] = "@@"
        return json.dumps(doc).replace('"@@"', "[" + doubled + "]")
    if where == "escape":  # "n\u0061me" is "name"
        return text.replace('"name":', '"n\\u0061me": {"fi": "x"}, "name":', 1)
    if where == "value-object":
        return text.replace('"fi":', '"fi": "x", "fi":', 1)
    raise AssertionError(where)


@pytest.mark.parametrize("where", ["top", "nested", "array-item", "escape", "value-object"])
def test_duplicate_json_keys_are_errors(base: Path, tmp_path: Path, where: str) -> None:
    text = _with_duplicate(base, where)
    json.loads(text)  # the standard library would accept it: last wins
    (tmp_path / "d.json").write_text(text, "utf-8")
    p = rk("validate", "d.json", "-f", "json", cwd=tmp_path)
    assert_typed(p, (1,))
    report = json.loads(p.stdout)
    assert report["valid"] is False
    assert any(
        "twice" in s or "duplicate" in s or "more than once" in s for s in report["problems"]
    ), report
    if where == "escape":
        assert_error(rk("render", "-", cwd=tmp_path, stdin=text.encode()))


def test_nfc_and_nfd_keys_are_not_both_accepted(base: Path, tmp_path: Path) -> None:
    """Keys differing only by normalisation: a demanding user expects a refusal, not 'last wins'."""
    doc = register_doc(base)
    text = json.dumps(doc, ensure_ascii=False)
    text = text[:-1] + ', "p\u00e4\u00e4": 1, "pa\u0308a\u0308": 2}'
    (tmp_path / "n.json").write_text(text, "utf-8")
    p = rk("validate", "n.json", cwd=tmp_path)
    assert_typed(p, (1,))


# ---------------------------------------------------------------------------
# 5. Terminal safety
# ---------------------------------------------------------------------------


def test_controls_in_names_arguments_and_keys(base: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    texts = HOSTILE_TEXTS
    for i, bad in enumerate(texts):
        (tmp_path / f"r{i}{bad}.toml").write_bytes((base / "reg.toml").read_bytes())
    (tmp_path / "ids.csv").write_text("hetu," + texts[1] + "\n" + texts[0] + ",1\n", "utf-8")
    doc = register_doc(base)
    for bad in texts:
        doc["k" + bad] = bad
    (tmp_path / "keys.json").write_text(json.dumps(doc), "utf-8")
    notice = "Rekisteriseloste\n\nRekisterinpitäjä\n" + " ".join(texts) + " Oy\n"
    (tmp_path / "n.txt").write_text(notice, "utf-8")
    runs = rk_many(
        [
            later(
                "validate", *[f"r{i}{bad}.toml" for i, bad in enumerate(texts)][:1], cwd=tmp_path
            ),
            later("validate", f"missing{texts[1]}{texts[4]}.toml", cwd=tmp_path),
            later("render", "r0\x1b[2J\x1b[H.toml", "-o", f"r1{texts[1]}.toml", cwd=tmp_path),
            later("render", base / "reg.toml", "-o", f"new{texts[3]}{texts[5]}.md", cwd=tmp_path),
            later("validate", "keys.json", cwd=tmp_path),
            later("validate", "keys.json", "-f", "json", cwd=tmp_path),
            later("check-ids", "ids.csv", "-c", texts[2], "-k", "hetu", cwd=tmp_path),
            later(
                "check-ids", "ids.csv", "-c", "hetu", "-k", "ytunnus", "-f", "json", cwd=tmp_path
            ),
            later("hetu", "check", *texts, cwd=tmp_path),
            later("import", "n.txt", "-f", "json", cwd=tmp_path),
        ]
    )
    runs += [
        rk(
            "consent",
            "record",
            "--db",
            db,
            "--subject",
            "s" + texts[0],
            "--event",
            "prohibit_direct_marketing",
            "--channel",
            texts[1],
            "--evidence",
            texts[4],
            "--at",
            "2026-01-01T00:00Z",
            cwd=tmp_path,
        ),
        rk("consent", "history", "--db", db, "--subject", "s" + texts[0], cwd=tmp_path),
        rk("consent", "export", "--db", db, "--subject", "s" + texts[0], cwd=tmp_path),
        rk(
            "requests",
            "record",
            "--db",
            db,
            "--request",
            "q" + texts[3],
            "--subject",
            "s",
            "--event",
            "receive",
            "--right",
            "access",
            "--notes",
            texts[2],
            "--at",
            "2026-01-01T00:00Z",
            cwd=tmp_path,
        ),
        rk("requests", "list", "--db", db, "--at", "2026-01-02T00:00Z", "-f", "json", cwd=tmp_path),
        rk("requests", "show", "q" + texts[3], "--db", db, cwd=tmp_path),
    ]
    for p in runs:
        assert_typed(p)
        assert_no_raw_controls(output(p))
    assert runs[0].returncode == 0
    assert b"\\x1b" in runs[0].stdout
    assert runs[-1].returncode == 0
    for p in (runs[5], runs[7], runs[14]):
        json.loads(p.stdout)  # still one JSON document


@pytest.mark.parametrize("command", ["validate", "render", "jsonld"])
def test_controls_inside_register_texts_are_refused(
    base: Path, tmp_path: Path, command: str
) -> None:
    """Model texts refuse control characters at construction; the message escapes them."""
    for i, bad in enumerate(HOSTILE_TEXTS):
        doc = register_doc(base)
        doc["name"] = {"fi": "Rekisteri " + bad, "en": "Register"}
        (tmp_path / f"c{i}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    indexes = range(len(HOSTILE_TEXTS)) if command == "validate" else [2, 3]
    for p in rk_many([([command, f"c{i}.json"], {"cwd": tmp_path}) for i in indexes]):
        assert_typed(p, (1, 2))
        assert_no_raw_controls(output(p))


def test_invisible_characters_in_file_names(tmp_path: Path) -> None:
    p = rk("validate", "a\u200bb\u200dc\u2028d.toml", cwd=tmp_path)
    assert_error(p)
    text = output(p)
    assert not any(c in text for c in "\u200b\u200d\u2028"), text


# ---------------------------------------------------------------------------
# 6. Bounded memory, output and time
# ---------------------------------------------------------------------------


def _measure(args: Sequence[str | Path], cwd: Path) -> tuple[int, int, float, int]:
    """Exit code, output bytes, seconds and peak RSS (MB) of one fresh child."""
    code = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.monotonic()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True)\n"
        "t = time.monotonic() - t\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024\n"
        "tb = b'Traceback' in p.stderr\n"
        "print(json.dumps([p.returncode, len(p.stdout) + len(p.stderr), t, rss, tb]))\n"
    )
    p = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code, REKISTERI, *map(str, args)],
        cwd=cwd,
        capture_output=True,
        timeout=120,
        check=True,
    )
    rc, size, seconds, rss, traceback = json.loads(p.stdout)
    assert not traceback
    return rc, size, seconds, rss


@pytest.fixture(scope="module")
def big(base: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Hostile documents made once: near the limits, and far over them."""
    d = tmp_path_factory.mktemp("attack_big")
    doc = register_doc(base)

    def write(name: str, **changes: object) -> None:
        (d / name).write_text(json.dumps({**doc, **changes}), "utf-8")

    write("bad-2mb.json", rights=["x" * 30] * 60_000)
    write("bad-8mb.json", rights=["x" * 30] * 240_000)
    write("repeated.json", rights=["access"] * 240_000)
    write("objects.json", data_categories=[{"key": "K", "name": 5, "x": 1}] * 60_000)
    write("long-string.json", description={"fi": "a" * 10_000_000})
    write("many-keys.json", **{f"k{i:06d}": i for i in range(200_000)})
    nested: object = 1
    for _ in range(90):
        nested = {"a": [nested]}
    write("deep.json", controller=nested)
    with (d / "huge-50mb.json").open("w") as f:
        f.write('{"rights": [' + ",".join(['"access"'] * 5_500_000) + "]}")
    (d / "toml-10mb.toml").write_text(
        (base / "reg.toml").read_text("utf-8")
        + "\n[x]\n"
        + "".join(f'k{i} = "{"v" * 40}"\n' for i in range(200_000)),
        "utf-8",
    )
    return d


BIG_CASES = [
    ("validate", "bad-8mb.json"),
    ("lint", "bad-8mb.json"),
    ("render", "repeated.json"),
    ("validate", "objects.json"),
    ("lint", "many-keys.json"),
    ("render", "deep.json"),
    ("validate", "huge-50mb.json"),
    ("validate", "toml-10mb.toml"),
]


@pytest.mark.parametrize(("command", "name"), BIG_CASES, ids=lambda x: x)
def test_bigmem_hostile_document_is_bounded(big: Path, command: str, name: str) -> None:
    rc, size, _seconds, rss = _measure([command, name], big)
    assert rc in ((1, 2) if command == "validate" else (2,))
    assert rss < 200, f"{rss} MB"
    assert size < 64_000, f"{size} bytes of output"


def test_bigmem_time_grows_linearly(big: Path) -> None:
    small = _measure(["validate", "bad-2mb.json"], big)[2]
    large = _measure(["validate", "bad-8mb.json"], big)[2]
    # 4x the size: allow 12x the time (start-up dominates the small one anyway).
    assert large < 12 * small + 1.0, (small, large)


def test_bigmem_long_name_output_is_bounded(base: Path, tmp_path: Path) -> None:
    doc = register_doc(base)
    doc["name"] = {"fi": "a" * 10_000_000}
    (tmp_path / "n.json").write_text(json.dumps(doc), "utf-8")
    _rc, size, _seconds, rss = _measure(["validate", "n.json"], tmp_path)
    assert rss < 200
    assert size < 64_000, size


def test_bigmem_long_string_elsewhere(big: Path) -> None:
    rc, size, _seconds, rss = _measure(["lint", "long-string.json", "-f", "json"], big)
    assert rc in (0, 1, 2)
    assert rss < 200
    assert size < 64_000


# ---------------------------------------------------------------------------
# 7. CLI semantics claimed in the issue
# ---------------------------------------------------------------------------


def test_consent_status_for_a_contract_purpose(base: Path, tmp_path: Path) -> None:
    p = rk(
        "consent",
        "status",
        "--db",
        base / "store.db",
        "--subject",
        "c-9",
        "--purpose",
        "customer-relationship",
        "--purposes",
        base / "reg.toml",
        cwd=tmp_path,
    )
    assert_typed(p, (0,))
    assert "not based on consent" in p.stdout.decode()
    assert "contract" in p.stdout.decode()


def test_requests_due_lists_overdue_marked(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    for request, day in (("q-old", "2026-01-02"), ("q-new", "2026-03-01"), ("q-far", "2026-06-01")):
        p = rk(
            "requests",
            "record",
            "--db",
            db,
            "--request",
            request,
            "--subject",
            "s",
            "--event",
            "receive",
            "--right",
            "access",
            "--at",
            f"{day}T09:00+02:00",
            cwd=tmp_path,
        )
        assert_typed(p, (0,))
    p = rk(
        "requests", "list", "--db", db, "--due", "7", "--at", "2026-03-20T12:00+02:00", cwd=tmp_path
    )
    assert_typed(p, (1,))
    lines = p.stdout.decode().splitlines()
    old = [line for line in lines if line.startswith("q-old")]
    assert old, lines
    assert "OVERDUE" in old[0], lines
    assert not any(line.startswith("q-far") for line in lines)
    p = rk(
        "requests",
        "list",
        "--db",
        db,
        "--due",
        "7",
        "--at",
        "2026-03-20T12:00+02:00",
        "-f",
        "json",
        cwd=tmp_path,
    )
    assert_typed(p, (1,))
    assert "q-old" in p.stdout.decode()


def test_refused_steps_name_the_allowed_ones(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    rk(
        "requests",
        "record",
        "--db",
        db,
        "--request",
        "q-1",
        "--subject",
        "s",
        "--event",
        "receive",
        "--right",
        "access",
        "--at",
        "2026-01-02T09:00Z",
        cwd=tmp_path,
    )
    p = rk(
        "requests",
        "record",
        "--db",
        db,
        "--request",
        "q-1",
        "--subject",
        "s",
        "--event",
        "accept",
        "--at",
        "2026-01-03T09:00Z",
        cwd=tmp_path,
    )
    # accept may or may not be allowed right after receive; fulfil twice never is.
    p = rk(
        "requests",
        "record",
        "--db",
        db,
        "--request",
        "q-1",
        "--subject",
        "s",
        "--event",
        "close_unfulfilled",
        "--at",
        "2026-01-04T09:00Z",
        cwd=tmp_path,
    )
    p = rk(
        "requests",
        "record",
        "--db",
        db,
        "--request",
        "q-1",
        "--subject",
        "s",
        "--event",
        "fulfil",
        "--at",
        "2026-01-05T09:00Z",
        cwd=tmp_path,
    )
    assert_error(p)
    assert "allowed" in p.stderr.decode()
    p = rk(
        "consent",
        "record",
        "--db",
        db,
        "--subject",
        "s",
        "--event",
        "withdraw",
        "--purpose",
        "newsletter",
        "--purposes",
        EXAMPLES / "rekisteri.toml",
        "--at",
        "2026-01-05T09:00Z",
        cwd=tmp_path,
    )
    assert_typed(p, (2,))


def test_render_warns_with_the_count_of_missing_items(tmp_path: Path) -> None:
    text = (EXAMPLES / "rekisteri.toml").read_text("utf-8")
    text = text.replace('none_stated = ["transfers", "automated_decisions"]\n', "")
    (tmp_path / "r.toml").write_text(text, "utf-8")
    for extra in ([], ["-o", "out.md"]):
        p = rk("render", "r.toml", *extra, cwd=tmp_path)
        assert_typed(p, (0,))
        err = p.stderr.decode()
        assert "warning" in err or "missing" in err, err
        assert any(ch.isdigit() for ch in err), err


def test_check_ids_reasons_in_words(tmp_path: Path) -> None:
    bad_check = HETU_OLD[:-1] + ("A" if HETU_OLD[-1] != "A" else "B")
    (tmp_path / "ids.csv").write_text(f"hetu\n{bad_check}\n{HETU_OLD[:9]}\n\n", "utf-8")
    p = rk("check-ids", "ids.csv", "-c", "hetu", "-k", "hetu", "--allow-temporary", cwd=tmp_path)
    assert_typed(p, (1,))
    out = p.stdout.decode()
    assert "check character" in out, out
    assert "length" in out, out
    assert "century_sign" not in out
    assert "checksum" not in out
    p = rk(
        "check-ids",
        "ids.csv",
        "-c",
        "hetu",
        "-k",
        "hetu",
        "--allow-temporary",
        "-f",
        "json",
        cwd=tmp_path,
    )
    reasons = {row["reason"] for row in json.loads(p.stdout)["invalid"]}
    assert "checksum" in reasons, reasons


def test_retention_plan_masks_record_ids_and_reasons(base: Path, tmp_path: Path) -> None:
    rows = [
        "id,category,end_of_customer_relationship,legal_hold",
        f"{HETU_NEW},contact,2019-01-01,",
        f"{HETU_OLD.lower()},orders,2019-01-01,hold for {spellings(HETU_PLUS)[2]}",
    ]
    (tmp_path / "rec.csv").write_text("\n".join(rows) + "\n", "utf-8")
    (tmp_path / "bad.csv").write_text(f"id,{HETU_NEW}\n1,2\n", "utf-8")
    plan: list[str | Path] = ["retention", "plan", base / "reg.toml"]
    day = ["--today", "2026-01-01"]
    stdin = (tmp_path / "rec.csv").read_bytes()
    text, js, bad = rk_many(
        [
            later(*plan, "rec.csv", *day, cwd=tmp_path),
            later(*plan, "-", *day, "-f", "json", cwd=tmp_path, stdin=stdin),
            later(*plan, "bad.csv", *day, cwd=tmp_path),
        ]
    )
    assert_typed(text, (0,))
    assert len(text.stdout.decode().splitlines()) == 2
    assert len(json.loads(js.stdout)["actions"]) == 2
    assert_error(bad)
    for p in (text, js, bad):
        assert_no_hetu(output(p))


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_retention_plan_dates_outside_the_calendar(base: Path, tmp_path: Path, day: str) -> None:
    rows = ["id,category,end_of_customer_relationship", f"r-1,contact,{day}"]
    (tmp_path / "rec.csv").write_text("\n".join(rows) + "\n", "utf-8")
    p = rk("retention", "plan", base / "reg.toml", "rec.csv", "--today", "2026-01-01", cwd=tmp_path)
    assert_error(p)


def test_unknown_purpose_without_a_register_gives_a_hint(tmp_path: Path) -> None:
    p = rk(
        "consent", "record", "--db", "h.db", "--subject", "c-1", "--event", "give",
        "--purpose", "newsletter", "--at", "2026-01-01T00:00Z", cwd=tmp_path,
    )  # fmt: skip
    assert_error(p)
    assert "--purposes" in p.stderr.decode()


def test_interrupt_is_not_reported_as_invalid(base: Path, tmp_path: Path) -> None:
    old = tmp_path / "keep.md"
    old.write_bytes(b"old\n")
    env = {**os.environ, "REKISTERI_SECRET": SECRET}
    with subprocess.Popen(  # noqa: S603
        [REKISTERI, "render", "-", "-o", str(old), "--force"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdin is not None
        proc.stdin.write((base / "reg.toml").read_bytes()[:300])
        proc.stdin.flush()
        time.sleep(2.5)  # the command now waits for the rest of its input
        proc.send_signal(2)  # SIGINT, as Ctrl-C sends it
        _out, err = proc.communicate(timeout=30)
    assert old.read_bytes() == b"old\n"
    assert sorted(e.name for e in tmp_path.iterdir()) == ["keep.md"]
    assert b"Traceback" not in err
    assert proc.returncode in (2, 130, -2), (proc.returncode, err)


def test_import_masks_codes_in_draft_and_reports(base: Path, tmp_path: Path) -> None:
    notice = (base / "notice.txt").read_text("utf-8")
    notice += f"\n\nLisätietoja antaa yhteyshenkilö (hetu {HETU_NEW}, {HETU_OLD.lower()}).\n"
    name = "n.txt"
    (tmp_path / name).write_text(notice, "utf-8")
    runs = rk_many(
        [
            later("import", name, "-o", "d.toml", "--report", "r.txt", cwd=tmp_path),
            later(
                "import", name, "-o", "d2.toml", "--report", "r.json", "-f", "json", cwd=tmp_path
            ),
        ]
    )
    for p in runs:
        assert_typed(p, (0, 1))
        assert_no_hetu(output(p))
    for out in ("d.toml", "r.txt", "d2.toml", "r.json"):
        assert_no_hetu((tmp_path / out).read_text("utf-8"))
    json.loads((tmp_path / "r.json").read_text("utf-8"))


def test_register_text_with_a_code_in_exports(base: Path, tmp_path: Path) -> None:
    doc = register_doc(base)
    controller = dict(doc["controller"])  # type: ignore[call-overload]
    controller["name"] = f"Foo Oy (yhteyshenkilö {HETU_NEW})"
    doc["controller"] = controller
    (tmp_path / "r.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    runs = rk_many(
        [
            later("jsonld", "r.json", cwd=tmp_path),
            later("record", "r.json", "-f", "text", cwd=tmp_path),
            later("lint", "r.json", "-f", "json", cwd=tmp_path),
        ]
    )
    for p in runs:
        assert_typed(p, (0, 1))
    assert HETU_NEW not in output(runs[0])
    assert HETU_NEW not in output(runs[1])
    assert "henkilötunnus" in output(runs[2]).lower() or "hetu" in output(runs[2]).lower()


def test_import_draft_header_masks_the_file_name(base: Path, tmp_path: Path) -> None:
    name = f"n-{HETU_PLUS}.txt"
    (tmp_path / name).write_bytes((base / "notice.txt").read_bytes())
    p = rk("import", name, "-o", "d.toml", "--report", "r.txt", cwd=tmp_path)
    assert_typed(p, (0, 1))
    assert_no_hetu(output(p))
    assert_no_hetu((tmp_path / "d.toml").read_text("utf-8"))


def test_check_ids_progress_on_standard_input(tmp_path: Path) -> None:
    rows = [HETU_NEW, HETU_OLD.lower(), f"{HETU_PLUS[:6]} {HETU_PLUS[6:]}"] * 2000
    data = ("hetu\n" + "\n".join(rows) + "\n").encode()
    p = rk(
        "check-ids",
        "-",
        "-c",
        "hetu",
        "-k",
        "hetu",
        "--progress",
        "-f",
        "json",
        cwd=tmp_path,
        stdin=data,
    )
    assert_typed(p, (1,))
    report = json.loads(p.stdout)  # the progress stays out of the report
    assert report["summary"]["rows"] == 6000
    err = p.stderr.decode()
    assert "6,000" in err or "6000" in err, err
    assert_no_hetu(output(p))
