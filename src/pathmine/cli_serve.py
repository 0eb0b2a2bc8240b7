"""Commands of the review web app: ``serve``, ``users`` and ``audit``.

Registered on the main Typer app by ``pathmine.cli``. FastAPI, uvicorn and argon2 are
imported inside the commands, so ``pathmine ingest`` does not pay for them.
"""

from __future__ import annotations

import json
import secrets
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from pathmine.cli import CliError, DbOption, _engine, app, console, err_console

users_app = typer.Typer(
    help="Review-app accounts: `users add NAME --role reviewer` (there is no default account).",
    no_args_is_help=True,
)
app.add_typer(users_app, name="users")

DEMO_REVIEWER = "demo-reviewer"


class Role(StrEnum):
    viewer = "viewer"
    reviewer = "reviewer"
    admin = "admin"


def _schema_engine(db: str | None) -> Any:
    """The app needs the account tables: bring an existing database to the schema head."""
    from pathmine.store import ensure_schema

    engine = _engine(db)
    ensure_schema(engine)
    return engine


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


@users_app.command("add")
def users_add(
    username: Annotated[str, typer.Argument(help="Sign-in name (no spaces).")],
    role: Annotated[Role, typer.Option("--role", help="viewer, reviewer or admin.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Create an account; the password is asked for (at least 12 characters)."""
    from pathmine.store import accounts
    from pathmine.web.security import hash_password

    engine = _schema_engine(db)
    try:
        hashed = hash_password(_read_password(password_stdin))
        accounts.add_user(engine, username, hashed, role.value)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    accounts.audit(engine, "user_added", actor="cli", object_type="user", object_id=username,
                   detail=role.value)  # fmt: skip
    console.print(f"user {username} added as {role.value}")


@users_app.command("passwd")
def users_passwd(
    username: str,
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
    db: DbOption = None,
) -> None:
    """Set a new password; the account's signed-in sessions end at once."""
    from pathmine.store import accounts
    from pathmine.web.security import hash_password

    engine = _schema_engine(db)
    try:
        hashed = hash_password(_read_password(password_stdin))
        accounts.set_password_hash(engine, username, hashed, end_sessions=True)
    except (ValueError, LookupError) as exc:
        raise CliError(str(exc).strip("'\"")) from None
    accounts.audit(engine, "password_set", actor="cli", object_type="user", object_id=username)
    console.print(f"password of {username} changed")


@users_app.command("list")
def users_list(db: DbOption = None) -> None:
    """Accounts with their role, state and last sign-in."""
    from pathmine.store import accounts

    table = Table("user", "role", "state", "created", "last sign-in")
    for u in accounts.list_users(_schema_engine(db)):
        table.add_row(
            u.username,
            u.role,
            "disabled" if u.disabled else "active",
            u.created_at.strftime("%Y-%m-%d"),
            u.last_login_at.strftime("%Y-%m-%d %H:%M") if u.last_login_at else "never",
        )
    console.print(table)


def _set_disabled(username: str, disabled: bool, db: str | None) -> None:
    from pathmine.store import accounts

    engine = _schema_engine(db)
    try:
        accounts.set_disabled(engine, username, disabled)
    except LookupError:
        raise CliError(f"no user {username}") from None
    action = "user_disabled" if disabled else "user_enabled"
    accounts.audit(engine, action, actor="cli", object_type="user", object_id=username)
    console.print(f"user {username} {'disabled: signed out everywhere' if disabled else 'enabled'}")


@users_app.command("disable")
def users_disable(username: str, db: DbOption = None) -> None:
    """Disable an account: its sessions end now and its API tokens stop working."""
    _set_disabled(username, True, db)


@users_app.command("enable")
def users_enable(username: str, db: DbOption = None) -> None:
    """Re-enable a disabled account."""
    _set_disabled(username, False, db)


@users_app.command("token")
def users_token(
    username: str,
    label: Annotated[str, typer.Option("--label", help="What the token is for.")] = "script",
    db: DbOption = None,
) -> None:
    """Make an API token for scripts (printed once; only its hash is kept)."""
    from pathmine.store import accounts

    engine = _schema_engine(db)
    try:
        token = accounts.add_api_token(engine, username, label)
    except LookupError:
        raise CliError(f"no user {username}") from None
    accounts.audit(engine, "token_added", actor="cli", object_type="user", object_id=username,
                   detail=label)  # fmt: skip
    typer.echo(token)


class AuditFormat(StrEnum):
    table = "table"
    json = "json"


@app.command("audit")
def audit_log(
    limit: Annotated[int, typer.Option(help="Newest rows to show.")] = 50,
    user: Annotated[str | None, typer.Option("--user", help="Only this actor.")] = None,
    action: Annotated[
        str | None, typer.Option(help="Only this action (view_flag, decision, login_failed…).")
    ] = None,
    object_id: Annotated[str | None, typer.Option("--object", help="A flag or report id.")] = None,
    fmt: Annotated[AuditFormat, typer.Option("--format")] = AuditFormat.table,
    db: DbOption = None,
) -> None:
    """The review app's audit log: who viewed or decided what, when, from where."""
    from pathmine.store import accounts

    rows = accounts.audit_entries(
        _schema_engine(db), limit=limit, actor=user, action=action, object_id=object_id
    )
    if fmt is AuditFormat.json:
        for r in rows:
            typer.echo(json.dumps({**r.__dict__, "at": r.at.isoformat()}))
        return
    table = Table("when (UTC)", "who", "action", "object", "client", "detail")
    for r in rows:
        table.add_row(
            r.at.strftime("%Y-%m-%d %H:%M:%S"),
            r.actor or "-",
            r.action,
            f"{r.object_type or ''} {r.object_id or ''}".strip(),
            r.client_addr or "",
            r.detail or "",
        )
    console.print(table)


# -- serve -------------------------------------------------------------------------------------


def _server(engine: Any, host: str, port: int, secure: bool, idle: int, **ssl: Any) -> Any:
    import logging

    import uvicorn

    from pathmine.web import Settings, create_app

    settings = Settings(secure_cookies=secure, idle=timedelta(minutes=idle))
    logging.getLogger("pathmine.web").setLevel(logging.INFO)
    config = uvicorn.Config(
        create_app(engine, settings),
        host=host,
        port=port,
        access_log=False,  # its lines carry paths and query strings: ids, names
        log_level="warning",
        server_header=False,
        **{k: v for k, v in ssl.items() if v},
    )
    return uvicorn.Server(config)


@contextmanager
def running(server: Any, timeout: float = 20.0) -> Iterator[None]:
    """Run a uvicorn server in a thread for the duration of the block."""
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise CliError("the server did not start (is the port free?)")
        time.sleep(0.05)
    try:
        yield
    finally:
        server.should_exit = True
        thread.join(timeout)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _check(engine: Any) -> None:
    port = _free_port()
    with running(_server(engine, "127.0.0.1", port, False, 30)):
        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(base + "/healthz", timeout=10) as r:
            if r.read() != b"ok":
                raise CliError("serve check: /healthz did not answer ok")
        with urllib.request.urlopen(base + "/login", timeout=10) as r:
            body = r.read().decode()
            csp = r.headers.get("Content-Security-Policy", "")
        with urllib.request.urlopen(base + "/static/htmx.min.js", timeout=10) as r:
            htmx = r.read()
        if 'name="password"' not in body or "script-src 'self'" not in csp or len(htmx) < 10_000:
            raise CliError("serve check: the sign-in page, CSP or vendored htmx is missing")
    console.print(f"serve check: ok (sign-in page, CSP and htmx served on 127.0.0.1:{port})")


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    secure_cookies: Annotated[
        bool, typer.Option(help="Mark cookies Secure and send HSTS (behind TLS).")
    ] = False,
    idle_minutes: Annotated[int, typer.Option(help="Sign out after this long idle.")] = 30,
    ssl_certfile: Annotated[str | None, typer.Option(help="TLS certificate (PEM).")] = None,
    ssl_keyfile: Annotated[str | None, typer.Option(help="TLS private key (PEM).")] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Start, fetch the sign-in page, stop (smoke test).")
    ] = False,
    db: DbOption = None,
) -> None:
    """Run the review web app over the flag database."""
    from pathmine.store import accounts

    engine = _schema_engine(db)
    if check:
        _check(engine)
        return
    if accounts.count_users(engine) == 0:
        err_console.print("no accounts yet: create one with `pathmine users add NAME --role admin`")
    secure = secure_cookies or bool(ssl_certfile)
    server = _server(
        engine, host, port, secure, idle_minutes, ssl_certfile=ssl_certfile, ssl_keyfile=ssl_keyfile
    )
    scheme = "https" if ssl_certfile else "http"
    console.print(f"pathmine review app on {scheme}://{host}:{port}/ (Ctrl-C stops)")
    server.run()


def serve_demo(db: str | None, port: int) -> None:
    """``pathmine demo --serve``: a demo reviewer with a fresh password, printed once."""
    from pathmine.store import accounts
    from pathmine.web.security import hash_password

    engine = _schema_engine(db)
    password = secrets.token_urlsafe(12)
    if accounts.credentials(engine, DEMO_REVIEWER) is None:
        accounts.add_user(engine, DEMO_REVIEWER, hash_password(password), "reviewer")
    else:
        accounts.set_password_hash(
            engine, DEMO_REVIEWER, hash_password(password), end_sessions=True
        )
        accounts.set_disabled(engine, DEMO_REVIEWER, False)
    console.print(
        f"\nSign in at http://127.0.0.1:{port}/ as [bold]{DEMO_REVIEWER}[/] with password "
        f"[bold]{password}[/] (shown once; run the demo again for a new one)."
    )
    server = _server(engine, "127.0.0.1", port, False, 30)
    server.run()
