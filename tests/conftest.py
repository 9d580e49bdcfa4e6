"""Shared test configuration."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from collections.abc import Iterator

# These machines are slow and noisy: no deadlines. CI runs more examples, in
# its main run (150, half of the 300 it ran until the suite passed 12,500
# tests and the whole run came near CI's 20 minutes); its runs on other
# Pythons and with the lowest dependency versions choose the default profile
# (REKISTERI_HYPOTHESIS_PROFILE=default) to stay within CI's time.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", parent=settings.get_profile("default"), max_examples=150, derandomize=True
)
settings.load_profile(
    os.environ.get("REKISTERI_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)


# Test modules that start many subprocesses or a Spark session. They run in the
# README's command (and CI's main run) like every other test; CI's runs on the
# other Pythons and with the lowest versions leave them out (-m "not slow") to
# stay within CI's time, as what they check does not depend on the Python or
# dependency version (Spark's lowest version is covered by test_columns*.py's
# equality property through the Arrow core that rekisteri.spark calls).
SLOW_MODULES = frozenset(
    {
        "test_attack_cli.py",
        "test_attack_columns.py",
        "test_attack_readers.py",
        "test_attack_identity_codes.py",
        "test_attack_import_promises.py",
        "test_hostile_cli.py",
        "test_spark.py",
    }
)
# Single tests left out of those runs for the same reason, by module and test
# function (every parameter of it): scaling checks that time the importer on
# ever longer inputs (pure Python: the other runs' own import tests cover the
# same code), and the subprocess-heavy writer and crash tests of the stores
# (the stores' other tests, PostgreSQL's crash and restart tests among them,
# still run on every Python and with the lowest psycopg).
SLOW_TESTS = frozenset(
    {
        ("test_attack_import_round9.py", "test_time_grows_linearly"),
        ("test_attack_import_round9.py", "test_one_heading_repeated_grows_linearly"),
        ("test_attack_import_round9.py", "test_shape_costs_about_what_ordinary_prose_costs"),
        ("test_store_reliability.py", "test_four_processes_append_every_event_once"),
        ("test_store_reliability.py", "test_sigkill_mid_batch_loses_only_the_batch"),
        ("test_store_postgres_reliability.py", "test_eight_writer_processes"),
    }
)


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``slow`` marker (``--strict-markers`` is on)."""
    config.addinivalue_line(
        "markers", "slow: subprocess-, Spark- or timing-heavy; see SLOW_MODULES and SLOW_TESTS"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test of the slow modules, and the slow tests, ``slow``."""
    for item in items:
        name = getattr(item, "originalname", item.name)
        if item.path.name in SLOW_MODULES or (item.path.name, name) in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def runner() -> CliRunner:
    """A click test runner for the ``rekisteri`` command-line tool."""
    return CliRunner()


# -- a throw-away PostgreSQL cluster ---------------------------------------------
#
# The PostgreSQL tests start a server of their own: initdb into a fresh
# temporary directory, listening only on a Unix socket in that directory
# (listen_addresses = ''), trust authentication, fsync on. Run as root (as
# here and in CI), the server binaries run as the ``postgres`` user, since
# initdb refuses root. REKISTERI_TEST_POSTGRES names a server to use instead
# (a libpq connection string of a superuser). Without server binaries the
# tests skip, except in CI (CI=true), where they fail.

POSTGRES_ENV = "REKISTERI_TEST_POSTGRES"
POSTGRES_DB = "rekisteri_test"


def in_ci() -> bool:
    """Whether the tests run in CI (env CI set and not false), where nothing may skip quietly."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def postgres_unavailable(reason: str) -> NoReturn:
    """Skip the test for *reason*, or fail it in CI: there a missing server is an error."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the PostgreSQL tests must run)", pytrace=False)
    pytest.skip(reason)


def postgres_bindir() -> Path | None:
    """The directory of PostgreSQL's server binaries (initdb, pg_ctl), or ``None``.

    ``pg_config --bindir`` first (but pg_config may come from libpq-dev alone,
    without a server), then Debian's /usr/lib/postgresql/<version>/bin, newest
    first, then initdb on PATH.
    """
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run(  # noqa: S603 - a fixed argument list
            [pg_config, "--bindir"], capture_output=True, text=True, check=False
        )
        if found.returncode == 0 and found.stdout.strip():
            candidates.append(Path(found.stdout.strip()))

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in path.parent.name.split(".") if part.isdigit())

    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    for directory in candidates:
        if all((directory / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return directory
    return None


def _free_port() -> int:
    """A TCP port number no one listens on (it only names the Unix socket here)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind(("127.0.0.1", 0))
            return int(probe.getsockname()[1])
    except OSError:  # no loopback interface: any number names a socket in a fresh directory
        return 20000 + os.getpid() % 40000


@attrs.define
class PgCluster:
    """A PostgreSQL cluster of the tests' own, in a temporary directory.

    Attributes:
        bindir: The server binaries used.
        root: The temporary directory: the data directory, the socket and the log.
        port: The port number (it names the socket file; nothing listens on TCP).
        os_user: The operating-system user the server runs as (``None``: the current one).
        dsn: A libpq connection string of the superuser ``postgres`` to the test database.
    """

    bindir: Path
    root: Path
    port: int
    os_user: str | None
    dsn: str = ""

    @property
    def datadir(self) -> Path:
        """The cluster's data directory (PGDATA)."""
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        """The directory of the server's Unix socket."""
        return self.root

    @property
    def log(self) -> Path:
        """The server's log file."""
        return self.root / "server.log"

    def dsn_for(self, dbname: str) -> str:
        """A connection string of the superuser to *dbname* on this cluster."""
        return f"host={self.socket_dir} port={self.port} user=postgres dbname={dbname}"

    def run(self, program: str, *args: str) -> str:
        """Run a server binary as the cluster's user; return its output, raise it on failure."""
        command = [str(self.bindir / program), *args]
        if self.os_user is not None:
            runuser = shutil.which("runuser")
            if runuser:
                command = [runuser, "-u", self.os_user, "--", *command]
            else:
                command = ["su", self.os_user, "-s", "/bin/sh", "-c", shlex.join(command)]
        # Output to a file, not a pipe: a server that pg_ctl starts inherits
        # the descriptors and would keep a pipe open for as long as it runs.
        with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as output:
            done = subprocess.run(  # noqa: S603 - the arguments are the test's own
                command,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                check=False,
                cwd=self.root,
                timeout=180,
            )
            output.seek(0)
            said = output.read()
        if done.returncode != 0:
            log = self.log.read_text("utf-8", "replace")[-3000:] if self.log.exists() else ""
            msg = (
                f"{shlex.join(command)} failed ({done.returncode}):\n{said}"
                f"\n-- server log --\n{log}"
            )
            raise RuntimeError(msg)
        return said

    @classmethod
    def create(cls, bindir: Path) -> PgCluster:
        """Make and start a new cluster with a test database in a fresh temporary directory."""
        # initdb refuses root: as root, run the server as the postgres user.
        os_user = "postgres" if sys.platform != "win32" and os.geteuid() == 0 else None
        root = Path(tempfile.mkdtemp(prefix="rekisteri-pg-"))
        cluster = cls(bindir=bindir, root=root, port=_free_port(), os_user=os_user)
        try:
            if os_user is not None:
                import pwd

                try:
                    entry = pwd.getpwnam(os_user)
                except KeyError:
                    postgres_unavailable(
                        "tests run as root but there is no 'postgres' user to run initdb as"
                    )
                os.chown(root, entry.pw_uid, entry.pw_gid)
            root.chmod(0o700)
            cluster.run(
                "initdb", "-D", str(cluster.datadir), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--locale=C", "--no-instructions",
            )  # fmt: skip
            settings = {
                "listen_addresses": "''",
                "unix_socket_directories": f"'{cluster.socket_dir}'",
                "port": str(cluster.port),
                "fsync": "on",
                "synchronous_commit": "on",
                "full_page_writes": "on",
            }
            with (cluster.datadir / "postgresql.conf").open("a", encoding="utf-8") as conf:
                conf.write("\n# rekisteri tests\n")
                conf.writelines(f"{key} = {value}\n" for key, value in settings.items())
            cluster.start()
            cluster.dsn = cluster.dsn_for(POSTGRES_DB)
            import psycopg

            with psycopg.connect(cluster.dsn_for("postgres"), autocommit=True) as conn:
                conn.execute(f"CREATE DATABASE {POSTGRES_DB}")
        except BaseException:
            cluster.destroy()
            raise
        return cluster

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        self.run("pg_ctl", "start", "-D", str(self.datadir), "-l", str(self.log), "-w", "-t", "60")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``pg_ctl stop -m mode``) and wait for it."""
        self.run("pg_ctl", "stop", "-D", str(self.datadir), "-m", mode, "-w", "-t", "60")

    def restart(self, mode: str = "immediate") -> None:
        """Restart the server; ``immediate`` (the default) is a crash: recovery replays the WAL."""
        self.run(
            "pg_ctl", "restart", "-D", str(self.datadir), "-l", str(self.log),
            "-m", mode, "-w", "-t", "60",
        )  # fmt: skip

    def running(self) -> bool:
        """Whether the server is running (``pg_ctl status``)."""
        try:
            self.run("pg_ctl", "status", "-D", str(self.datadir))
        except RuntimeError:
            return False
        return True

    def destroy(self) -> None:
        """Stop the server if it runs and remove the whole directory."""
        try:
            if (self.datadir / "postmaster.pid").exists():
                self.stop("fast")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A PostgreSQL cluster of the tests' own for the session (even with REKISTERI_TEST_POSTGRES).

    For tests that need the server itself: its data directory, a crash
    restart (``pg_cluster.restart()``), its log. Others use ``postgres_dsn``.
    """
    bindir = postgres_bindir()
    if bindir is None:
        postgres_unavailable(
            "no PostgreSQL server binaries (initdb, pg_ctl): install postgresql,"
            f" or set {POSTGRES_ENV} to a server's connection string"
        )
    started = time.monotonic()
    cluster = PgCluster.create(bindir)
    cluster_start_seconds.append(time.monotonic() - started)
    try:
        yield cluster
    finally:
        cluster.destroy()


cluster_start_seconds: list[float] = []  # how long each cluster took to start, for reports


@pytest.fixture(scope="session")
def postgres_dsn(request: pytest.FixtureRequest) -> str:
    """A libpq connection string of a superuser to an empty PostgreSQL database.

    The server named by REKISTERI_TEST_POSTGRES when it is set, else the
    tests' own cluster (``pg_cluster``), started on first use.
    """
    outside = os.environ.get(POSTGRES_ENV, "").strip()
    if outside:
        return outside
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.dsn
