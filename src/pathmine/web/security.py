"""What keeps PHI in the review app: password hashing, the sign-in rate limit, CSRF tokens,
security headers, and a request log and error pages that never carry report content.

Why each piece:
* argon2id (argon2-cffi's defaults) is the password hash OWASP recommends; an unknown user
  name still costs one verification, so timing does not tell which names exist.
* The rate limit counts failed sign-ins in the audit log, so it holds across workers and
  restarts and the auditors can see it.
* CSRF: every state-changing request from a browser carries the session's synchroniser
  token (a hidden form field or the ``X-CSRF-Token`` header htmx sends); bearer-token
  requests from scripts carry no ambient credential and need none. The sign-in form, made
  before there is a session, uses a double-submit cookie.
* The CSP allows scripts and styles from this origin only (htmx is vendored; no inline
  script, no ``eval``), so injected markup could not run even if escaping failed.
* Logs: one line per request with the route *template* (``/flags/{flag_id}``), never the
  path, query, form or report text; an unhandled error is logged by exception type and a
  reference id, and the page shows only the reference.
"""

from __future__ import annotations

import logging
import secrets
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp

from pathmine.store import Engine, accounts
from pathmine.store.models import utcnow

log = logging.getLogger("pathmine.web")

PASSWORD_MIN_LENGTH = 12
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILS_PER_USER = 5
MAX_FAILS_PER_CLIENT = 20

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    )
)

_hasher = PasswordHasher()
# verified against when the user name is unknown, so both paths cost one argon2 run
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    if len(password) < PASSWORD_MIN_LENGTH:
        raise ValueError(f"a password needs at least {PASSWORD_MIN_LENGTH} characters")
    return _hasher.hash(password)


def check_password(engine: Engine, username: str, password: str) -> accounts.Credentials | None:
    """The account if ``password`` is right and the account enabled, else ``None``. A hash
    made with weaker parameters than today's is replaced on a successful sign-in."""
    found = accounts.credentials(engine, username)
    try:
        _hasher.verify(found.password_hash if found else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if found is None or found.disabled:
        return None
    if _hasher.check_needs_rehash(found.password_hash):
        accounts.set_password_hash(engine, username, _hasher.hash(password))
    return found


def throttled(engine: Engine, username: str, client: str | None) -> bool:
    since = utcnow() - THROTTLE_WINDOW
    if accounts.failures_since(engine, since, username=username) >= MAX_FAILS_PER_USER:
        return True
    return (
        client is not None
        and accounts.failures_since(engine, since, client=client) >= MAX_FAILS_PER_CLIENT
    )


def same_token(expected: str | None, given: str | None) -> bool:
    return bool(expected and given) and secrets.compare_digest(str(expected), str(given))


def client_addr(request: Request) -> str | None:
    return request.client.host if request.client else None


def route_template(request: Request) -> str:
    route = request.scope.get("route")
    return getattr(route, "path", None) or "(unmatched)"


class SecurityMiddleware(BaseHTTPMiddleware):
    """Security headers on every response, no caching outside ``/static``, one PHI-free
    log line per request, and a generic 500 page for anything unhandled (so no traceback
    with report content reaches the server log or the browser)."""

    def __init__(self, app: ASGIApp, *, hsts: bool) -> None:
        super().__init__(app)
        self.hsts = hsts

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        try:
            response = await call_next(request)
        except Exception as exc:  # the whole point: nothing escapes unlogged
            ref = uuid.uuid4().hex[:12]
            log.error(
                "error ref=%s type=%s route=%s",
                ref,
                type(exc).__name__,
                route_template(request),
            )
            response = PlainTextResponse(
                f"Something went wrong. Reference {ref}; the administrator can look it up.",
                status_code=500,
            )
        headers = response.headers
        headers["Content-Security-Policy"] = CSP
        headers["X-Frame-Options"] = "DENY"
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "no-referrer"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if request.url.path.startswith("/static/"):
            headers["Cache-Control"] = "public, max-age=3600"
        else:
            headers["Cache-Control"] = "no-store"
            headers["Pragma"] = "no-cache"
        if self.hsts:
            headers["Strict-Transport-Security"] = "max-age=31536000"
        log.info(
            "%s %s %d %.1fms",
            request.method,
            route_template(request),
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response
