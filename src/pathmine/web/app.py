"""The review web app: server-rendered pages (Jinja2 + vendored htmx) over the one read layer.

``create_app(engine)`` builds a FastAPI application for an existing flag database (SQLite or
PostgreSQL). Pages are thin: each reads plain records from ``pathmine.store.queries``,
checks the caller's role, writes an audit row for every view of PHI and every decision, and
renders a template. The JSON API (``pathmine.web.api``) serves the same records.
"""

from __future__ import annotations

import csv
import io
import secrets
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Form, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from pathmine import __version__
from pathmine.flags import build_timeline
from pathmine.stats import audit_stats
from pathmine.store import Engine, accounts, queries
from pathmine.store.models import USER_ROLES
from pathmine.store.repository import REVIEW_DECISIONS
from pathmine.web import charts, render
from pathmine.web.auth import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    Admin,
    Reviewer,
    Settings,
    SignInRequired,
    Viewer,
    current_principal,
    engine_of,
    require_csrf,
    settings_of,
)
from pathmine.web.security import (
    SecurityMiddleware,
    check_password,
    client_addr,
    same_token,
    throttled,
)

HERE = Path(__file__).parent
PER_PAGE = 25
DECISIONS = tuple(d for d in REVIEW_DECISIONS if d != "open")
DECISION_LABELS = {
    "confirmed": "Confirm",
    "dismissed": "Dismiss",
    "needs_second_review": "Needs second review",
}

templates = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.filters["human"] = lambda s: str(s or "").replace("_", " ")


def _audit(
    request: Request,
    principal: accounts.Principal | None,
    action: str,
    object_type: str | None = None,
    object_id: str | None = None,
    detail: str | None = None,
) -> None:
    accounts.audit(
        engine_of(request),
        action,
        actor=principal.username if principal else None,
        object_type=object_type,
        object_id=object_id,
        client_addr=client_addr(request),
        detail=detail,
    )


def page(
    request: Request,
    name: str,
    context: dict[str, Any],
    principal: accounts.Principal | None,
    status_code: int = 200,
) -> HTMLResponse:
    html = templates.get_template(name).render(
        request=request,
        user=principal,
        csrf_token=principal.csrf_token if principal else None,
        version=__version__,
        nav=context.pop("nav", ""),
        **context,
    )
    return HTMLResponse(html, status_code=status_code)


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(status_code=400, detail="dates are YYYY-MM-DD") from None


def _set_cookie(request: Request, response: Response, name: str, value: str) -> None:
    response.set_cookie(
        name,
        value,
        httponly=True,
        samesite="lax",
        secure=settings_of(request).secure_cookies,
        path="/",
    )


def _csv(rows: list[dict[str, Any]], filename: str) -> Response:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def create_app(engine: Engine, settings: Settings | None = None) -> FastAPI:
    """The app over ``engine``'s database (which must already be at the schema head)."""
    settings = settings or Settings()
    app = FastAPI(
        title="pathmine review API",
        version=__version__,
        docs_url=None,  # Swagger UI loads from a CDN: not offline, not CSP-clean
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.engine = engine
    app.state.settings = settings
    app.add_middleware(SecurityMiddleware, hsts=settings.secure_cookies)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, exc: SignInRequired) -> Response:
        return RedirectResponse(f"/login?next={exc.next_path}", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # never echo the path or ids back: they may be patient identifiers
        messages = {401: "Sign in first.", 403: "Not allowed.", 404: "Not found."}
        message = messages.get(exc.status_code, str(exc.detail))
        if exc.status_code == 403 and "CSRF" in str(exc.detail):
            message = "This form has expired or did not come from pathmine. Reload the page."
        if request.url.path.startswith("/api/"):
            return JSONResponse(
                {"detail": message}, status_code=exc.status_code, headers=exc.headers
            )
        principal = current_principal(request)
        return page(
            request,
            "error.html",
            {"status": exc.status_code, "message": message},
            principal,
            exc.status_code,
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        # FastAPI's default echoes the input; keep only where and what kind of problem
        fields = [
            {"loc": [str(p) for p in e.get("loc", ())], "type": e.get("type")} for e in exc.errors()
        ]
        return JSONResponse({"detail": "invalid request", "fields": fields}, status_code=422)

    from pathmine.web.api import router as api_router

    app.include_router(api_router)

    # -- sign-in ---------------------------------------------------------------------------

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> Response:
        return Response("ok", media_type="text/plain")

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request, next: str = "/flags") -> Response:
        token = secrets.token_urlsafe(24)
        response = page(
            request, "login.html", {"login_csrf": token, "next": _safe_next(next)}, None
        )
        _set_cookie(request, response, LOGIN_CSRF_COOKIE, token)
        return response

    @app.post("/login", include_in_schema=False)
    def login(
        request: Request,
        username: str = Form(..., max_length=64),
        password: str = Form(..., max_length=1024),
        login_csrf: str = Form(""),
        next: str = Form("/flags"),
    ) -> Response:
        if not same_token(request.cookies.get(LOGIN_CSRF_COOKIE), login_csrf):
            raise HTTPException(status_code=403, detail="missing or wrong CSRF token")
        engine = engine_of(request)
        client = client_addr(request)

        def again(message: str, status: int) -> Response:
            token = secrets.token_urlsafe(24)
            ctx = {"login_csrf": token, "next": _safe_next(next), "error": message}
            response = page(request, "login.html", ctx, None, status)
            _set_cookie(request, response, LOGIN_CSRF_COOKIE, token)
            return response

        if throttled(engine, username, client):
            accounts.audit(
                engine, "login_throttled", actor=None, object_type="user",
                object_id=username, client_addr=client,
            )  # fmt: skip
            return again("Too many failed sign-ins. Wait 15 minutes and try again.", 429)
        account = check_password(engine, username, password)
        if account is None:
            accounts.audit(
                engine, "login_failed", actor=None, object_type="user",
                object_id=username, client_addr=client,
            )  # fmt: skip
            return again("Wrong user name or password.", 401)
        cookie, _ = accounts.start_session(engine, account.username)
        accounts.audit(engine, "login", actor=account.username, client_addr=client)
        response = RedirectResponse(_safe_next(next), status_code=303)
        _set_cookie(request, response, SESSION_COOKIE, cookie)
        response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
        return response

    @app.post("/logout", include_in_schema=False)
    def logout(
        request: Request, principal: accounts.Principal = Viewer, csrf_token: str = Form("")
    ) -> Response:
        require_csrf(request, principal, csrf_token)
        if cookie := request.cookies.get(SESSION_COOKIE):
            accounts.end_session(engine_of(request), cookie)
        _audit(request, principal, "logout")
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    # -- the queue and a flag ----------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def home(principal: accounts.Principal = Viewer) -> Response:
        return RedirectResponse("/flags", status_code=303)

    @app.get("/flags", response_class=HTMLResponse, include_in_schema=False)
    def queue(
        request: Request,
        principal: accounts.Principal = Viewer,
        status: str | None = None,
        kind: str | None = None,
        lineage: str | None = None,
        severity: str | None = None,
        institution: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        sort: str = "severity",
        desc: bool = False,
        page_no: int = Query(1, alias="page", ge=1),
    ) -> Response:
        if sort not in queries.FLAG_SORTS:
            raise HTTPException(status_code=400, detail="unknown sort")
        flt = queries.FlagFilter(
            status=status or None,
            kind=kind or None,
            lineage=lineage or None,
            severity=severity or None,
            institution=institution or None,
            date_from=_date(date_from),
            date_to=_date(date_to),
        )
        result = queries.list_flags(
            engine_of(request), flt, page=page_no, per_page=PER_PAGE, sort=sort, descending=desc
        )
        _audit(request, principal, "view_queue", detail=f"{result.total} flags")
        params = {
            k: v
            for k, v in {
                "status": status,
                "kind": kind,
                "lineage": lineage,
                "severity": severity,
                "institution": institution,
                "date_from": date_from,
                "date_to": date_to,
                "sort": sort,
                "desc": "true" if desc else None,
            }.items()
            if v
        }
        pages = max(1, -(-result.total // PER_PAGE))
        context = {
            "nav": "flags",
            "result": result,
            "facets": queries.flag_facets(engine_of(request)),
            "params": params,
            "sorts": queries.FLAG_SORTS,
            "pages": pages,
            "all_count": sum(result.counts_by_status.values()),
        }
        name = "queue_table.html" if request.headers.get("HX-Request") else "queue.html"
        return page(request, name, context, principal)

    def _flag_context(request: Request, flag_id: str) -> dict[str, Any]:
        engine = engine_of(request)
        detail = queries.flag_detail(engine, flag_id)
        if detail is None:
            raise HTTPException(status_code=404)
        flag = detail.flag
        sides: list[dict[str, Any]] = []
        for role, report_id in (("prior", flag.prior_report_id), ("later", flag.later_report_id)):
            view = queries.report_view(engine, report_id)
            if view is None:
                sides.append({"role": role, "report_id": report_id, "view": None})
                continue
            evidence = [e for e in flag.evidence if e.get("report_id") == report_id]
            notes = render.extraction_annotations(view.extraction)
            notes += render.evidence_annotations(view.text, evidence)
            sides.append(
                {
                    "role": role,
                    "report_id": report_id,
                    "view": view,
                    "segments": render.segments(view.text, notes),
                    "stains": render.stain_rows(view.extraction),
                    "evidence": evidence,
                }
            )
        entries = build_timeline(queries.patient_entries(engine, flag.patient_id))
        return {
            "nav": "flags",
            "detail": detail,
            "flag": flag,
            "sides": sides,
            "timeline": render.timeline(entries, (flag.prior_report_id, flag.later_report_id)),
            "colours": render.TIMELINE_COLOURS,
            "decisions": DECISIONS,
            "decision_labels": DECISION_LABELS,
        }

    @app.get("/flags/{flag_id}", response_class=HTMLResponse, include_in_schema=False)
    def flag_page(
        request: Request, flag_id: str, principal: accounts.Principal = Viewer
    ) -> Response:
        context = _flag_context(request, flag_id)
        _audit(request, principal, "view_flag", "flag", flag_id)
        for side in context["sides"]:
            if side["view"] is not None:
                _audit(request, principal, "view_report", "report", side["report_id"], "in flag")
        return page(request, "flag.html", context, principal)

    @app.post("/flags/{flag_id}/decision", include_in_schema=False)
    def decide(
        request: Request,
        flag_id: str,
        principal: accounts.Principal = Reviewer,
        decision: str = Form(...),
        comment: str = Form("", max_length=2000),
        csrf_token: str = Form(""),
    ) -> Response:
        require_csrf(request, principal, csrf_token)
        if decision not in DECISIONS:
            raise HTTPException(status_code=400, detail="not a decision")
        try:
            queries.record_decision(
                engine_of(request), flag_id, decision, principal.username, comment or None
            )
        except LookupError:
            raise HTTPException(status_code=404) from None
        _audit(request, principal, "decision", "flag", flag_id, decision)
        if request.headers.get("HX-Request"):
            context = _flag_context(request, flag_id)
            context["just_decided"] = decision
            return page(request, "decision_panel.html", context, principal)
        return RedirectResponse(f"/flags/{flag_id}#decision", status_code=303)

    # -- reports, patients, quarantine ---------------------------------------------------------

    @app.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
    def report_page(
        request: Request,
        report_id: str,
        principal: accounts.Principal = Viewer,
        version: int | None = Query(None, ge=1),
    ) -> Response:
        view = queries.report_view(engine_of(request), report_id, version)
        if view is None:
            raise HTTPException(status_code=404)
        _audit(request, principal, "view_report", "report", report_id, f"v{view.version}")
        notes = render.extraction_annotations(view.extraction)
        flags = queries.list_flags(
            engine_of(request), queries.FlagFilter(patient_id=view.patient_id), per_page=100
        ).rows
        context: dict[str, Any] = {
            "nav": "flags",
            "view": view,
            "segments": render.segments(view.text, notes),
            "stains": render.stain_rows(view.extraction),
            "flags": [f for f in flags if report_id in (f.prior_report_id, f.later_report_id)],
        }
        return page(request, "report.html", context, principal)

    @app.get("/patients/{patient_id}", response_class=HTMLResponse, include_in_schema=False)
    def patient_page(
        request: Request, patient_id: str, principal: accounts.Principal = Viewer
    ) -> Response:
        engine = engine_of(request)
        entries = build_timeline(queries.patient_entries(engine, patient_id))
        if not entries:
            raise HTTPException(status_code=404)
        _audit(request, principal, "view_patient", "patient", patient_id)
        flags = queries.list_flags(
            engine, queries.FlagFilter(patient_id=patient_id), per_page=100
        ).rows
        rows = [{"entry": e, "cls": render.specimen_class(e.extraction)} for e in entries]
        context = {
            "nav": "flags",
            "patient_id": patient_id,
            "timeline": render.timeline(entries),
            "colours": render.TIMELINE_COLOURS,
            "rows": rows,
            "flags": flags,
        }
        return page(request, "patient.html", context, principal)

    @app.get("/quarantine", response_class=HTMLResponse, include_in_schema=False)
    def quarantine_page(
        request: Request,
        principal: accounts.Principal = Viewer,
        page_no: int = Query(1, alias="page", ge=1),
    ) -> Response:
        engine = engine_of(request)
        admin = accounts.role_at_least(principal.role, "admin")
        items = queries.quarantine_items(
            engine, with_excerpt=admin, limit=PER_PAGE, offset=(page_no - 1) * PER_PAGE
        )
        total = queries.quarantine_count(engine)
        _audit(request, principal, "view_quarantine", detail="with excerpts" if admin else None)
        context = {
            "nav": "quarantine",
            "items": items,
            "total": total,
            "page_no": page_no,
            "pages": max(1, -(-total // PER_PAGE)),
            "admin": admin,
        }
        return page(request, "quarantine.html", context, principal)

    # -- statistics ----------------------------------------------------------------------------

    @app.get("/stats", response_class=HTMLResponse, include_in_schema=False)
    def stats_page(request: Request, principal: accounts.Principal = Viewer) -> Response:
        engine = engine_of(request)
        stats = audit_stats(engine)
        context = {
            "nav": "stats",
            "stats": stats,
            "charts": charts.CHARTS,
            "institutions": charts.institution_rows(stats),
            "years": charts.year_kind_rows(engine),
        }
        return page(request, "stats.html", context, principal)

    @app.get("/stats/{name}.svg", include_in_schema=False)
    def chart_svg(request: Request, name: str, principal: accounts.Principal = Viewer) -> Response:
        if name not in charts.CHARTS:
            raise HTTPException(status_code=404)
        svg, _ = charts.chart(engine_of(request), name)
        return Response(svg, media_type="image/svg+xml")

    @app.get("/stats/{name}.csv", include_in_schema=False)
    def chart_csv(request: Request, name: str, principal: accounts.Principal = Viewer) -> Response:
        if name not in charts.CHARTS:
            raise HTTPException(status_code=404)
        _, rows = charts.chart(engine_of(request), name)
        return _csv(rows, f"{name}.csv")

    # -- administration ------------------------------------------------------------------------

    @app.get("/admin/users", response_class=HTMLResponse, include_in_schema=False)
    def users_page(request: Request, principal: accounts.Principal = Admin) -> Response:
        context = {
            "nav": "admin",
            "users": accounts.list_users(engine_of(request)),
            "roles": USER_ROLES,
        }
        return page(request, "users.html", context, principal)

    @app.post("/admin/users/{username}/disabled", include_in_schema=False)
    def set_user_disabled(
        request: Request,
        username: str,
        principal: accounts.Principal = Admin,
        disabled: bool = Form(...),
        csrf_token: str = Form(""),
    ) -> Response:
        require_csrf(request, principal, csrf_token)
        if username == principal.username and disabled:
            raise HTTPException(status_code=400, detail="an admin cannot disable themself")
        try:
            accounts.set_disabled(engine_of(request), username, disabled)
        except LookupError:
            raise HTTPException(status_code=404) from None
        action = "user_disabled" if disabled else "user_enabled"
        _audit(request, principal, action, "user", username)
        return RedirectResponse("/admin/users", status_code=303)

    @app.get("/admin/audit", response_class=HTMLResponse, include_in_schema=False)
    def audit_page(
        request: Request,
        principal: accounts.Principal = Admin,
        actor: str | None = None,
        action: str | None = None,
    ) -> Response:
        rows = accounts.audit_entries(
            engine_of(request), limit=200, actor=actor or None, action=action or None
        )
        context = {"nav": "admin", "rows": rows, "actor": actor or "", "action": action or ""}
        return page(request, "audit.html", context, principal)

    @app.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request, principal: accounts.Principal = Viewer) -> Response:
        schema = app.openapi()
        routes = [
            {
                "method": method.upper(),
                "path": path,
                "summary": op.get("summary", ""),
                "doc": op.get("description", ""),
            }
            for path, ops in schema.get("paths", {}).items()
            for method, op in ops.items()
        ]
        return page(request, "api_docs.html", {"nav": "api", "routes": routes}, principal)

    return app


def _safe_next(target: str | None) -> str:
    """Only a local path: ``//evil.example`` or ``https://…`` would be an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/flags"
    return target


__all__ = ["Settings", "create_app"]
