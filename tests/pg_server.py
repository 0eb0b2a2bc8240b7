"""Start and stop a throwaway PostgreSQL server for the test suite.

The server lives in a temp dir, listens only on a Unix socket in that dir (no TCP port), and
runs with fsync off. initdb/pg_ctl refuse to run as root, so under root they run as the
``postgres`` system user via ``runuser``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

PG_BIN_CANDIDATES = (Path("/usr/local/bin"), Path("/usr/lib/postgresql/15/bin"))
SUPERUSER = "postgres"


class PgServerError(RuntimeError):
    """The server could not be started; the message says why."""


def find_pg_bin() -> Path:
    """Directory holding ``initdb`` and ``pg_ctl`` ($PATHMINE_PG_BIN overrides)."""
    override = os.environ.get("PATHMINE_PG_BIN")
    candidates = [Path(override)] if override else []
    candidates += list(PG_BIN_CANDIDATES)
    which = shutil.which("pg_ctl")
    if which:
        candidates.append(Path(which).parent)
    for cand in candidates:
        if (cand / "initdb").exists() and (cand / "pg_ctl").exists():
            return cand
    raise PgServerError(f"initdb/pg_ctl not found in {[str(c) for c in candidates]}")


@dataclass
class PgServer:
    base_dir: Path
    bin_dir: Path
    run_as: str | None

    @property
    def data_dir(self) -> Path:
        return self.base_dir / "data"

    @property
    def socket_dir(self) -> Path:
        return self.base_dir

    @property
    def log_file(self) -> Path:
        return self.base_dir / "server.log"

    def url(self, dbname: str) -> str:
        """SQLAlchemy URL for ``dbname`` on this server (psycopg 3, Unix socket)."""
        return f"postgresql+psycopg://{SUPERUSER}@/{dbname}?host={self.socket_dir}"

    def conninfo(self, dbname: str = "postgres") -> str:
        """libpq conninfo string for plain ``psycopg.connect``."""
        return f"host={self.socket_dir} user={SUPERUSER} dbname={dbname}"

    def create_database(self, dbname: str | None = None, template: str | None = None) -> str:
        """Create a database (empty, or a copy of ``template``) and return its name."""
        import psycopg

        name = dbname or f"t_{uuid.uuid4().hex[:16]}"
        sql = f'CREATE DATABASE "{name}"'
        if template:
            sql += f' TEMPLATE "{template}"'
        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(sql)
        return name

    def drop_database(self, dbname: str) -> None:
        import psycopg

        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)

    def _log_tail(self) -> str:
        try:
            return self.log_file.read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def start(self) -> None:
        res = self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data_dir),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )
        if res.returncode != 0:
            raise PgServerError(f"initdb failed ({res.returncode}): {res.stderr[-2000:]}")
        settings = {
            "listen_addresses": "''",
            "unix_socket_directories": f"'{self.socket_dir}'",
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "max_connections": "200",
            "shared_buffers": "32MB",
            "timezone": "'UTC'",
        }
        with (self.data_dir / "postgresql.conf").open("a") as conf:
            conf.write("\n# pathmine test server\n")
            conf.writelines(f"{k} = {v}\n" for k, v in settings.items())
        res = self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data_dir),
            "-l",
            str(self.log_file),
            "-w",
            "-t",
            "60",
            "start",
        )
        if res.returncode != 0:
            raise PgServerError(
                f"pg_ctl start failed ({res.returncode}): {res.stderr[-1000:]}\n"
                f"server log:\n{self._log_tail()}"
            )

    def restart(self, mode: str = "fast") -> None:
        """Stop the server as an operator would (``pg_ctl stop -m fast``: open connections
        are cut) and start it again on the same data (fault injection)."""
        ctl = str(self.bin_dir / "pg_ctl")
        self._run(ctl, "-D", str(self.data_dir), "-m", mode, "-w", "stop", timeout=60)
        res = self._run(ctl, "-D", str(self.data_dir), "-l", str(self.log_file), "-w", "start")
        if res.returncode != 0:
            raise PgServerError(f"pg_ctl restart failed: {res.stderr[-1000:]}")

    def stop(self) -> None:
        """Stop the server (immediate shutdown: the data is disposable) and delete its dir."""
        if (self.data_dir / "postmaster.pid").exists():
            self._run(
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data_dir),
                "-m",
                "immediate",
                "-w",
                "stop",
                timeout=60,
            )
        shutil.rmtree(self.base_dir, ignore_errors=True)


def _temp_root() -> str:
    """Where the cluster lives: $PATHMINE_PG_TMPDIR, else tmpfs /dev/shm, else /tmp.

    On tmpfs, CREATE DATABASE takes ~30 ms instead of ~300 ms on a disk, which matters
    because every test gets its own database.
    """
    override = os.environ.get("PATHMINE_PG_TMPDIR")
    if override:
        return override
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK):
        return str(shm)
    return "/tmp"


def start_server() -> PgServer:
    """Start a fresh server in a new temp dir; raise :class:`PgServerError` on failure."""
    bin_dir = find_pg_bin()
    run_as: str | None = None
    # Short path: the socket path (dir + "/.s.PGSQL.5432") must fit in 107 bytes.
    base_dir = Path(tempfile.mkdtemp(prefix="pathmine-pg-", dir=_temp_root()))
    if os.geteuid() == 0:
        try:
            pw = pwd.getpwnam(SUPERUSER)
        except KeyError as exc:
            shutil.rmtree(base_dir, ignore_errors=True)
            raise PgServerError("running as root and no 'postgres' system user exists") from exc
        if shutil.which("runuser") is None:
            shutil.rmtree(base_dir, ignore_errors=True)
            raise PgServerError("running as root and 'runuser' is not available")
        os.chown(base_dir, pw.pw_uid, pw.pw_gid)
        run_as = SUPERUSER
    server = PgServer(base_dir=base_dir, bin_dir=bin_dir, run_as=run_as)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server
