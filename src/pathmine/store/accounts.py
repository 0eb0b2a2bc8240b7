"""Accounts, signed-in sessions, API tokens and the audit log of the review web app.

Plain records in and out, like ``queries``: the web layer hashes passwords (argon2) and
decides who may do what; this module keeps the rows. Cookie and token values are random
strings handed to the browser or script once; only their SHA-256 is stored, so a copy of the
database cannot be replayed as a live session. The audit log is append-only: pathmine
inserts rows and never updates or deletes them.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pathmine.store.engine import session_factory
from pathmine.store.models import (
    USER_ROLES,
    ApiTokenRow,
    AuditLogRow,
    UserRow,
    WebSessionRow,
    utcnow,
)

# a session's last_seen_at is written at most this often, so reading pages does not turn
# every request into a write (the idle timeout is minutes, so a minute of slack is fine)
TOUCH_EVERY = timedelta(seconds=60)
USERNAME_MAX = 64


@dataclass(frozen=True)
class UserRecord:
    username: str
    role: str
    disabled: bool
    created_at: datetime
    last_login_at: datetime | None


@dataclass(frozen=True)
class Credentials:
    """What sign-in needs: the stored hash, and whether the account may sign in at all."""

    username: str
    password_hash: str
    role: str
    disabled: bool


@dataclass(frozen=True)
class Principal:
    """Who is asking: a signed-in browser (``csrf_token`` set) or a script with a token."""

    username: str
    role: str
    csrf_token: str | None
    via: str  # "session" | "token"


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str | None
    action: str
    object_type: str | None
    object_id: str | None
    client_addr: str | None
    detail: str | None


def _sha(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _check_role(role: str) -> None:
    if role not in USER_ROLES:
        raise ValueError(f"role must be one of {', '.join(USER_ROLES)}")


def role_at_least(role: str, needed: str) -> bool:
    """Roles are ordered: an admin may do what a reviewer may, a reviewer what a viewer may."""
    _check_role(needed)
    return role in USER_ROLES and USER_ROLES.index(role) >= USER_ROLES.index(needed)


def _user_record(row: UserRow) -> UserRecord:
    return UserRecord(row.username, row.role, row.disabled, row.created_at, row.last_login_at)


# -- users --------------------------------------------------------------------------------------


def add_user(engine: Engine, username: str, password_hash: str, role: str) -> UserRecord:
    """Create an account (ValueError: bad role or name, or the name is taken)."""
    _check_role(role)
    name = username.strip()
    if not name or len(name) > USERNAME_MAX or any(c.isspace() for c in name):
        raise ValueError(f"a user name is 1-{USERNAME_MAX} characters without spaces")
    try:
        with session_factory(engine)() as session, session.begin():
            row = UserRow(username=name, password_hash=password_hash, role=role)
            session.add(row)
            session.flush()
            return _user_record(row)
    except IntegrityError:
        raise ValueError(f"user {name} already exists") from None


def list_users(engine: Engine) -> list[UserRecord]:
    with session_factory(engine)() as session:
        return [_user_record(r) for r in session.scalars(select(UserRow).order_by(UserRow.id))]


def count_users(engine: Engine, role: str | None = None) -> int:
    query = select(func.count()).select_from(UserRow).where(UserRow.disabled.is_(False))
    if role:
        query = query.where(UserRow.role == role)
    with session_factory(engine)() as session:
        return session.scalar(query) or 0


def _user(session: Session, username: str) -> UserRow:
    row = session.scalar(select(UserRow).where(UserRow.username == username))
    if row is None:
        raise LookupError(f"no user {username}")
    return row


def _end_sessions_of(session: Session, user: UserRow) -> None:
    session.execute(
        update(WebSessionRow)
        .where(WebSessionRow.user_pk == user.id, WebSessionRow.ended_at.is_(None))
        .values(ended_at=utcnow())
    )


def set_disabled(engine: Engine, username: str, disabled: bool = True) -> None:
    """Disable (or re-enable) an account. Disabling ends its live sessions at once; its API
    tokens stop working because every token check reads the account."""
    with session_factory(engine)() as session, session.begin():
        row = _user(session, username)
        row.disabled = disabled
        if disabled:
            _end_sessions_of(session, row)


def set_password_hash(
    engine: Engine, username: str, password_hash: str, *, end_sessions: bool = False
) -> None:
    """Store a new hash. A changed password ends the account's live sessions
    (``end_sessions=True``: whoever knew the old one is signed out); a rehash with stronger
    parameters at sign-in does not."""
    with session_factory(engine)() as session, session.begin():
        row = _user(session, username)
        row.password_hash = password_hash
        if end_sessions:
            _end_sessions_of(session, row)


def credentials(engine: Engine, username: str) -> Credentials | None:
    with session_factory(engine)() as session:
        row = session.scalar(select(UserRow).where(UserRow.username == username))
        if row is None:
            return None
        return Credentials(row.username, row.password_hash, row.role, row.disabled)


# -- browser sessions ---------------------------------------------------------------------------


def start_session(engine: Engine, username: str) -> tuple[str, str]:
    """Sign a user in: a fresh random cookie value and CSRF token, never one the browser
    brought (so a planted session id cannot be fixed onto the victim). Returns both."""
    cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    with session_factory(engine)() as session, session.begin():
        row = _user(session, username)
        if row.disabled:
            raise PermissionError("account disabled")
        now = utcnow()
        row.last_login_at = now
        session.add(
            WebSessionRow(
                session_sha256=_sha(cookie),
                user_pk=row.id,
                csrf_token=csrf,
                created_at=now,
                last_seen_at=now,
            )
        )
    return cookie, csrf


def session_principal(
    engine: Engine, cookie: str, *, idle: timedelta, absolute: timedelta
) -> Principal | None:
    """The signed-in user behind a cookie, or ``None`` when the session is unknown, ended,
    idle too long, too old, or its account disabled. Expired sessions are ended here."""
    now = utcnow()
    with session_factory(engine)() as session, session.begin():
        found = session.execute(
            select(WebSessionRow, UserRow)
            .join(UserRow, UserRow.id == WebSessionRow.user_pk)
            .where(WebSessionRow.session_sha256 == _sha(cookie))
        ).first()
        if found is None:
            return None
        web, user = found
        if web.ended_at is not None:
            return None
        if user.disabled or now - web.last_seen_at > idle or now - web.created_at > absolute:
            web.ended_at = now
            return None
        if now - web.last_seen_at > TOUCH_EVERY:
            web.last_seen_at = now
        return Principal(user.username, user.role, web.csrf_token, "session")


def end_session(engine: Engine, cookie: str) -> None:
    with session_factory(engine)() as session, session.begin():
        session.execute(
            update(WebSessionRow)
            .where(WebSessionRow.session_sha256 == _sha(cookie), WebSessionRow.ended_at.is_(None))
            .values(ended_at=utcnow())
        )


# -- API tokens ---------------------------------------------------------------------------------


def add_api_token(engine: Engine, username: str, label: str) -> str:
    """Make a bearer token for a script; the value is returned once and stored hashed."""
    token = "pmt_" + secrets.token_urlsafe(32)
    with session_factory(engine)() as session, session.begin():
        row = _user(session, username)
        session.add(ApiTokenRow(token_sha256=_sha(token), user_pk=row.id, label=label[:128]))
    return token


def token_principal(engine: Engine, token: str) -> Principal | None:
    now = utcnow()
    with session_factory(engine)() as session, session.begin():
        found = session.execute(
            select(ApiTokenRow, UserRow)
            .join(UserRow, UserRow.id == ApiTokenRow.user_pk)
            .where(ApiTokenRow.token_sha256 == _sha(token))
        ).first()
        if found is None:
            return None
        row, user = found
        if row.revoked or user.disabled:
            return None
        if row.last_used_at is None or now - row.last_used_at > TOUCH_EVERY:
            row.last_used_at = now
        return Principal(user.username, user.role, None, "token")


def revoke_api_tokens(engine: Engine, username: str, label: str | None = None) -> int:
    with session_factory(engine)() as session, session.begin():
        user = _user(session, username)
        query = update(ApiTokenRow).where(ApiTokenRow.user_pk == user.id)
        if label is not None:
            query = query.where(ApiTokenRow.label == label)
        result = session.execute(query.values(revoked=True))
        return int(getattr(result, "rowcount", 0) or 0)


# -- the audit log ------------------------------------------------------------------------------


def audit(
    engine: Engine,
    action: str,
    *,
    actor: str | None,
    object_type: str | None = None,
    object_id: str | None = None,
    client_addr: str | None = None,
    detail: str | None = None,
) -> None:
    """Append one audit row in its own transaction (a view is logged even if the page then
    fails to render)."""
    with session_factory(engine)() as session, session.begin():
        session.add(
            AuditLogRow(
                actor=actor[:USERNAME_MAX] if actor else None,
                action=action[:32],
                object_type=object_type,
                object_id=object_id[:128] if object_id else None,
                client_addr=client_addr[:64] if client_addr else None,
                detail=detail[:256] if detail else None,
            )
        )


def audit_entries(
    engine: Engine,
    *,
    limit: int = 100,
    actor: str | None = None,
    action: str | None = None,
    object_id: str | None = None,
) -> list[AuditEntry]:
    """The newest audit rows first."""
    a = AuditLogRow
    query = select(
        a.at, a.actor, a.action, a.object_type, a.object_id, a.client_addr, a.detail
    ).order_by(a.id.desc())
    if actor:
        query = query.where(a.actor == actor)
    if action:
        query = query.where(a.action == action)
    if object_id:
        query = query.where(a.object_id == object_id)
    with session_factory(engine)() as session:
        return [AuditEntry(*row) for row in session.execute(query.limit(max(1, limit)))]


def failures_since(
    engine: Engine, since: datetime, *, username: str | None = None, client: str | None = None
) -> int:
    """Failed sign-ins since ``since`` for one user name or one client address: the sign-in
    rate limit reads the audit log, so it holds across workers and restarts."""
    a = AuditLogRow
    query = select(func.count()).where(a.action == "login_failed", a.at >= since)
    if username is not None:
        query = query.where(a.object_type == "user", a.object_id == username)
    if client is not None:
        query = query.where(a.client_addr == client)
    with session_factory(engine)() as session:
        return session.scalar(query) or 0
