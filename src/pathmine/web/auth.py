"""Who is asking, and may they: the role dependencies every route declares.

A browser is known by its session cookie, a script by ``Authorization: Bearer <token>``.
Pages answer an anonymous request with a redirect to the sign-in page; the API answers 401.
Every state-changing request from a browser must carry the session's CSRF token.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request

from pathmine.store import Engine, accounts
from pathmine.web.security import same_token

SESSION_COOKIE = "pathmine_session"
LOGIN_CSRF_COOKIE = "pathmine_login_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"


@dataclass(frozen=True)
class Settings:
    secure_cookies: bool = False
    idle: timedelta = timedelta(minutes=30)
    absolute: timedelta = timedelta(hours=12)


class SignInRequired(Exception):
    """Raised by page dependencies; the app turns it into a redirect to /login."""

    def __init__(self, next_path: str) -> None:
        super().__init__("sign-in required")
        self.next_path = next_path


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def current_principal(request: Request) -> accounts.Principal | None:
    if hasattr(request.state, "principal"):
        cached: accounts.Principal | None = request.state.principal
        return cached
    engine, settings = engine_of(request), settings_of(request)
    principal = None
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        principal = accounts.token_principal(engine, header[7:].strip())
    elif cookie := request.cookies.get(SESSION_COOKIE):
        principal = accounts.session_principal(
            engine, cookie, idle=settings.idle, absolute=settings.absolute
        )
    request.state.principal = principal
    return principal


def _check_csrf(request: Request, principal: accounts.Principal, form_token: str | None) -> None:
    if request.method in {"GET", "HEAD", "OPTIONS"} or principal.via == "token":
        return
    given = request.headers.get(CSRF_HEADER) or form_token
    if not same_token(principal.csrf_token, given):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token")


def _next_path(request: Request) -> str:
    path = request.url.path
    return path + ("?" + request.url.query if request.url.query else "")


def page_role(role: str) -> Callable[..., accounts.Principal]:
    """Dependency for a page: signed in with at least ``role``; CSRF-checked if it writes.
    The form's token is read by the route itself (it owns the form) and passed to
    ``require_csrf``; headers (htmx) are checked here."""

    def dependency(request: Request) -> accounts.Principal:
        principal = current_principal(request)
        if principal is None:
            raise SignInRequired(quote(_next_path(request), safe="/?=&"))
        if not accounts.role_at_least(principal.role, role):
            raise HTTPException(status_code=403, detail=f"needs the {role} role")
        return principal

    return dependency


def api_role(role: str) -> Callable[..., accounts.Principal]:
    def dependency(request: Request) -> accounts.Principal:
        principal = current_principal(request)
        if principal is None:
            raise HTTPException(
                status_code=401,
                detail="sign in or send Authorization: Bearer <token>",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if not accounts.role_at_least(principal.role, role):
            raise HTTPException(status_code=403, detail=f"needs the {role} role")
        _check_csrf(request, principal, None)
        return principal

    return dependency


def require_csrf(request: Request, principal: accounts.Principal, form_token: str | None) -> None:
    _check_csrf(request, principal, form_token)


Viewer = Depends(page_role("viewer"))
Reviewer = Depends(page_role("reviewer"))
Admin = Depends(page_role("admin"))
ApiViewer = Depends(api_role("viewer"))
ApiReviewer = Depends(api_role("reviewer"))
