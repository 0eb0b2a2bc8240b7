"""``pathmine users``, ``pathmine audit`` and ``pathmine serve --check`` on a real database."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from typer.testing import CliRunner

from pathmine.cli import app
from pathmine.store import accounts, make_engine
from pathmine.web.security import check_password

runner = CliRunner()
PASSWORD = "a long enough password"


def _db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'accounts.db'}"


def test_users_add_list_disable_enable(tmp_path: Path) -> None:
    url = _db(tmp_path)
    added = runner.invoke(
        app, ["users", "add", "rita", "--role", "reviewer", "--password-stdin", "--db", url],
        input=PASSWORD + "\n",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert PASSWORD not in added.output
    engine = make_engine(url)
    found = check_password(engine, "rita", PASSWORD)
    assert found is not None and found.role == "reviewer"

    again = runner.invoke(
        app, ["users", "add", "rita", "--role", "viewer", "--password-stdin", "--db", url],
        input=PASSWORD + "\n",
    )  # fmt: skip
    assert again.exit_code != 0
    assert "Traceback" not in again.output

    listed = runner.invoke(app, ["users", "list", "--db", url])
    assert listed.exit_code == 0 and "rita" in listed.output and "active" in listed.output

    assert runner.invoke(app, ["users", "disable", "rita", "--db", url]).exit_code == 0
    assert check_password(engine, "rita", PASSWORD) is None
    assert "disabled" in runner.invoke(app, ["users", "list", "--db", url]).output
    assert runner.invoke(app, ["users", "enable", "rita", "--db", url]).exit_code == 0
    assert check_password(engine, "rita", PASSWORD) is not None
    missing = runner.invoke(app, ["users", "disable", "nobody", "--db", url])
    assert missing.exit_code != 0 and "Traceback" not in missing.output


def test_short_password_is_refused(tmp_path: Path) -> None:
    url = _db(tmp_path)
    result = runner.invoke(
        app, ["users", "add", "vera", "--role", "viewer", "--password-stdin", "--db", url],
        input="short\n",
    )  # fmt: skip
    assert result.exit_code != 0
    # CliError is printed as one line by `pathmine`'s entry point; here it is the exception
    assert "12 characters" in str(result.exception)
    assert accounts.count_users(make_engine(url)) == 0


def test_passwd_ends_live_sessions(tmp_path: Path) -> None:
    url = _db(tmp_path)
    runner.invoke(
        app, ["users", "add", "ada", "--role", "admin", "--password-stdin", "--db", url],
        input=PASSWORD + "\n",
    )  # fmt: skip
    engine = make_engine(url)
    cookie, _ = accounts.start_session(engine, "ada")
    window = {"idle": timedelta(hours=1), "absolute": timedelta(hours=1)}
    assert accounts.session_principal(engine, cookie, **window) is not None
    changed = runner.invoke(
        app, ["users", "passwd", "ada", "--password-stdin", "--db", url],
        input="another long password\n",
    )  # fmt: skip
    assert changed.exit_code == 0, changed.output
    assert accounts.session_principal(engine, cookie, **window) is None
    assert check_password(engine, "ada", PASSWORD) is None
    assert check_password(engine, "ada", "another long password") is not None


def test_token_is_printed_once_and_works(tmp_path: Path) -> None:
    url = _db(tmp_path)
    runner.invoke(
        app, ["users", "add", "bot", "--role", "viewer", "--password-stdin", "--db", url],
        input=PASSWORD + "\n",
    )  # fmt: skip
    made = runner.invoke(app, ["users", "token", "bot", "--label", "nightly", "--db", url])
    assert made.exit_code == 0
    token = made.output.strip()
    principal = accounts.token_principal(make_engine(url), token)
    assert principal is not None and principal.username == "bot" and principal.via == "token"


def test_audit_lists_cli_actions_as_table_and_json(tmp_path: Path) -> None:
    url = _db(tmp_path)
    runner.invoke(
        app, ["users", "add", "vera", "--role", "viewer", "--password-stdin", "--db", url],
        input=PASSWORD + "\n",
    )  # fmt: skip
    runner.invoke(app, ["users", "disable", "vera", "--db", url])
    table = runner.invoke(app, ["audit", "--db", url])
    assert table.exit_code == 0 and "user_added" in table.output
    rows = [
        json.loads(line)
        for line in runner.invoke(
            app, ["audit", "--format", "json", "--db", url]
        ).output.splitlines()
    ]
    assert {r["action"] for r in rows} >= {"user_added", "user_disabled"}
    assert all(r["object_id"] == "vera" for r in rows)
    only = runner.invoke(app, ["audit", "--action", "user_added", "--format", "json", "--db", url])
    assert [json.loads(x)["action"] for x in only.output.splitlines()] == ["user_added"]


def test_serve_check_answers_on_a_real_socket(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--check", "--db", _db(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "serve check: ok" in result.output
