"""The review web app over a real ingest, on both backends: who may see and do what, that
every decision and every view of PHI leaves an audit row, and that nothing a report says can
run in the reviewer's browser.

The archive is the seed case (one flagged patient, five controls), one hostile patient whose
report text is HTML/JavaScript, and one record that must be quarantined.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from helpers import REPO
from pathmine.nlp import Extractor
from pathmine.store import accounts, make_engine, queries
from pathmine.web import Settings, create_app
from pathmine.web.auth import LOGIN_CSRF_COOKIE, SESSION_COOKIE
from pathmine.web.security import hash_password
from pathmine.workflow import run_ingest

SEED = REPO / "corpora" / "seed_case" / "reports.jsonl"
PASSWORD = "correct horse battery"
HOSTILE = "<script>window.pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.pwned=2">'


def _hostile_archive(tmp: Path) -> Path:
    rows = [
        {
            "patient_id": "XSS-P1",
            "report_id": "XSS-R1",
            "report_date": "2014-03-10",
            "specimen_date": "2014-03-07",
            "institution": "Hostile <b>Hospital</b>",
            "report_type": "original",
            "text": "SPECIMEN: Uterus, hysterectomy.\nDIAGNOSIS: Uterus, hysterectomy: leiomyoma.\n"
            f"COMMENT: {HOSTILE}\n",
        },
        {
            "patient_id": "XSS-P1",
            "report_id": "XSS-R2",
            "report_date": "2019-08-02",
            "specimen_date": "2019-07-30",
            "institution": "Hostile <b>Hospital</b>",
            "report_type": "original",
            "text": "SPECIMEN: Lung, wedge resection.\n"
            "DIAGNOSIS: Lung, wedge resection: metastatic leiomyosarcoma.\n"
            f"IMMUNOHISTOCHEMISTRY: desmin positive, SMA positive. {HOSTILE_IMG}\n",
        },
    ]
    path = tmp / "hostile.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
        # no dates at all: quarantined, and its excerpt carries hostile text too
        fh.write(json.dumps({"report_id": "XSS-Q", "patient_id": "XSS-P2", "text": HOSTILE}) + "\n")
    return path


@pytest.fixture(
    scope="module",
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ],
)
def loaded(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    extractor: Extractor,
) -> Iterator[Engine]:
    tmp = tmp_path_factory.mktemp("web")
    if request.param == "sqlite":
        url, drop = f"sqlite:///{tmp / 'web.db'}", None
    else:
        server = request.getfixturevalue("pg_server")
        name = server.create_database()
        url, drop = server.url(name), (server, name)
    engine = make_engine(url)
    run_ingest(engine, [SEED, _hostile_archive(tmp)], extractor)
    hashed = hash_password(PASSWORD)
    for name, role in (("vera", "viewer"), ("rita", "reviewer"), ("ada", "admin")):
        accounts.add_user(engine, name, hashed, role)
    try:
        yield engine
    finally:
        engine.dispose()
        if drop:
            drop[0].drop_database(drop[1])


@pytest.fixture()
def app_client(loaded: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(loaded), follow_redirects=False) as client:
        yield client


def _sign_in(client: TestClient, username: str, password: str = PASSWORD, next_: str = "/flags"):
    form = client.get("/login")
    assert form.status_code == 200
    return client.post(
        "/login",
        data={
            "username": username,
            "password": password,
            "login_csrf": client.cookies.get(LOGIN_CSRF_COOKIE) or "",
            "next": next_,
        },
    )


def _csrf(client: TestClient) -> str:
    page = client.get("/flags")
    found = re.search(r'<meta name="csrf-token" content="([^"]+)"', page.text)
    assert found, "signed-in pages carry the session's CSRF token"
    return found.group(1)


def _flag_id(engine: Engine, patient_id: str, kind: str = "benign_to_malignant") -> str:
    rows = queries.list_flags(engine, queries.FlagFilter(patient_id=patient_id), per_page=50).rows
    for row in rows:
        if row.kind == kind:
            return row.flag_id
    raise AssertionError(f"no {kind} flag for {patient_id}: {[r.kind for r in rows]}")


def _concrete(path: str, engine: Engine) -> str:
    values = {
        "flag_id": _flag_id(engine, "P-SEED-001"),
        "report_id": "ORH-S17-04418",
        "patient_id": "P-SEED-001",
        "name": "flags_by_year",
        "username": "vera",
    }
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: values[m.group(1)], path)


def _api_routes(routes: list[Any]) -> list[APIRoute]:
    """Every endpoint, including those of included routers (wrapped by newer FastAPI)."""
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            found += _api_routes(route.original_router.routes)
    return found


PUBLIC = {"/healthz", "/login", "/api/v1/openapi.json"}


def test_every_route_but_sign_in_needs_a_signed_in_user(
    app_client: TestClient, loaded: Engine
) -> None:
    routes = _api_routes(app_client.app.routes)  # type: ignore[attr-defined]
    assert len(routes) >= 24
    checked = 0
    for route in routes:
        if route.path in PUBLIC:
            continue
        path = _concrete(route.path, loaded)
        for method in route.methods - {"HEAD"}:
            response = app_client.request(method, path)
            if path.startswith("/api/v1/"):
                assert response.status_code == 401, (method, path, response.status_code)
                assert response.headers["www-authenticate"] == "Bearer"
            elif method == "GET":
                assert response.status_code == 303, (method, path)
                assert response.headers["location"].startswith("/login?next=/")
            else:
                # a form post without a session: redirected to sign in, nothing changes
                assert response.status_code in (303, 422), (method, path, response.status_code)
            checked += 1
    assert checked >= 20
    assert app_client.get("/healthz").text == "ok"


def test_wrong_password_and_unknown_user_look_the_same(
    app_client: TestClient, loaded: Engine
) -> None:
    wrong = _sign_in(app_client, "vera", "not the password at all")
    nobody = _sign_in(app_client, "nobody-here", "not the password at all")
    assert wrong.status_code == nobody.status_code == 401
    assert "Wrong user name or password." in wrong.text
    assert SESSION_COOKIE not in app_client.cookies
    failed = accounts.audit_entries(loaded, limit=50, action="login_failed")
    assert {e.object_id for e in failed} >= {"vera", "nobody-here"}


def test_sign_in_is_throttled_after_repeated_failures(app_client: TestClient) -> None:
    statuses = [
        _sign_in(app_client, "ghost-user", "wrong password 123").status_code for _ in range(6)
    ]
    assert statuses[:5] == [401] * 5
    assert statuses[5] == 429
    # even the right password is refused while throttled (ghost-user has none; use a real one)
    for _ in range(5):
        _sign_in(app_client, "throttled-admin", "wrong password 123")
    assert _sign_in(app_client, "throttled-admin").status_code == 429


def test_login_form_needs_its_csrf_cookie(app_client: TestClient) -> None:
    app_client.get("/login")
    forged = app_client.post(
        "/login", data={"username": "vera", "password": PASSWORD, "login_csrf": "guess"}
    )
    assert forged.status_code == 403
    assert SESSION_COOKIE not in app_client.cookies


def test_sign_in_sets_a_fresh_http_only_session(app_client: TestClient, loaded: Engine) -> None:
    app_client.cookies.set(SESSION_COOKIE, "attacker-chosen-value")
    response = _sign_in(app_client, "vera", next_="/stats")
    assert response.status_code == 303
    assert response.headers["location"] == "/stats"
    session = [c for c in response.headers.get_list("set-cookie") if SESSION_COOKIE in c]
    assert len(session) == 1
    assert "httponly" in session[0].lower() and "samesite=lax" in session[0].lower()
    cookie = response.cookies.get(SESSION_COOKIE)
    assert cookie and cookie != "attacker-chosen-value"
    assert (
        accounts.session_principal(
            loaded, "attacker-chosen-value", idle=timedelta(hours=1), absolute=timedelta(hours=1)
        )
        is None
    )
    fresh = TestClient(create_app(loaded), follow_redirects=False)
    fresh.cookies.set(SESSION_COOKIE, cookie)
    assert fresh.get("/flags").status_code == 200


@pytest.mark.parametrize(
    "target", ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:x"]
)
def test_next_never_leaves_the_site(app_client: TestClient, target: str) -> None:
    response = _sign_in(app_client, "vera", next_=target)
    assert response.status_code == 303
    assert response.headers["location"] == "/flags"


def test_logout_ends_the_session_on_the_server(app_client: TestClient, loaded: Engine) -> None:
    _sign_in(app_client, "vera")
    cookie = app_client.cookies.get(SESSION_COOKIE)
    token = _csrf(app_client)
    assert app_client.post("/logout", data={"csrf_token": token}).status_code == 303
    replay = TestClient(create_app(loaded), follow_redirects=False)
    replay.cookies.set(SESSION_COOKIE, cookie or "")
    assert replay.get("/flags").status_code == 303


def test_logout_without_csrf_is_refused(app_client: TestClient) -> None:
    _sign_in(app_client, "vera")
    assert app_client.post("/logout", data={}).status_code == 403
    assert app_client.get("/flags").status_code == 200


def test_idle_session_expires(loaded: Engine) -> None:
    with TestClient(create_app(loaded), follow_redirects=False) as client:
        _sign_in(client, "vera")
        cookie = client.cookies.get(SESSION_COOKIE) or ""
    strict = create_app(loaded, Settings(idle=timedelta(microseconds=1)))
    with TestClient(strict, follow_redirects=False) as late:
        late.cookies.set(SESSION_COOKIE, cookie)
        assert late.get("/flags").status_code == 303


def test_disabling_a_user_ends_their_sessions(loaded: Engine) -> None:
    accounts.add_user(loaded, "temp-viewer", hash_password(PASSWORD), "viewer")
    with TestClient(create_app(loaded), follow_redirects=False) as client:
        _sign_in(client, "temp-viewer")
        assert client.get("/flags").status_code == 200
        with TestClient(create_app(loaded), follow_redirects=False) as admin:
            _sign_in(admin, "ada")
            done = admin.post(
                "/admin/users/temp-viewer/disabled",
                data={"disabled": "true", "csrf_token": _csrf(admin)},
            )
            assert done.status_code == 303
        assert client.get("/flags").status_code == 303
        assert _sign_in(client, "temp-viewer").status_code == 401
    disabled = accounts.audit_entries(loaded, limit=20, action="user_disabled")
    assert any(e.actor == "ada" and e.object_id == "temp-viewer" for e in disabled)


def test_viewer_cannot_decide_or_administer(app_client: TestClient, loaded: Engine) -> None:
    _sign_in(app_client, "vera")
    flag_id = _flag_id(loaded, "P-SEED-001")
    token = _csrf(app_client)
    refused = app_client.post(
        f"/flags/{flag_id}/decision", data={"decision": "confirmed", "csrf_token": token}
    )
    assert refused.status_code == 403
    assert app_client.get("/admin/users").status_code == 403
    assert app_client.get("/admin/audit").status_code == 403
    page = app_client.get(f"/flags/{flag_id}")
    assert page.status_code == 200
    assert 'name="decision"' not in page.text  # no buttons a viewer cannot use


def test_reviewer_decision_is_recorded_and_audited(app_client: TestClient, loaded: Engine) -> None:
    _sign_in(app_client, "rita")
    flag_id = _flag_id(loaded, "P-SEED-001", "review_discordance")
    page = app_client.get(f"/flags/{flag_id}")
    assert page.status_code == 200
    for report_id in ("ORH-S17-04418", "CMC-R20-00091"):
        assert report_id in page.text
    assert "<mark" in page.text  # evidence is highlighted in the report text
    assert "<svg" in page.text  # the patient timeline
    token = _csrf(app_client)
    no_token = app_client.post(f"/flags/{flag_id}/decision", data={"decision": "confirmed"})
    assert no_token.status_code == 403
    done = app_client.post(
        f"/flags/{flag_id}/decision",
        data={"decision": "confirmed", "comment": "agree with review", "csrf_token": token},
    )
    assert done.status_code == 303
    detail = queries.flag_detail(loaded, flag_id)
    assert detail is not None
    assert detail.flag.status == "confirmed"
    assert detail.reviews[-1].reviewer == "rita"
    assert detail.reviews[-1].comment == "agree with review"
    audit = accounts.audit_entries(loaded, limit=50, actor="rita")
    actions = {(e.action, e.object_id) for e in audit}
    assert ("decision", flag_id) in actions
    assert ("view_flag", flag_id) in actions
    assert ("view_report", "ORH-S17-04418") in actions


def test_htmx_decision_returns_the_panel_only(app_client: TestClient, loaded: Engine) -> None:
    _sign_in(app_client, "rita")
    flag_id = _flag_id(loaded, "XSS-P1")
    token = _csrf(app_client)
    response = app_client.post(
        f"/flags/{flag_id}/decision",
        data={"decision": "needs_second_review"},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "second review" in response.text.lower()


def test_unknown_decision_and_unknown_flag(app_client: TestClient, loaded: Engine) -> None:
    _sign_in(app_client, "rita")
    token = _csrf(app_client)
    flag_id = _flag_id(loaded, "P-SEED-001")
    bad = app_client.post(f"/flags/{flag_id}/decision", data={"decision": "x", "csrf_token": token})
    assert bad.status_code == 400
    missing = app_client.post(
        "/flags/no-such-flag/decision", data={"decision": "confirmed", "csrf_token": token}
    )
    assert missing.status_code == 404
    assert "no-such-flag" not in missing.text


def test_hostile_report_text_is_inert_everywhere(app_client: TestClient, loaded: Engine) -> None:
    _sign_in(app_client, "ada")
    flag_id = _flag_id(loaded, "XSS-P1")
    pages = {
        "flag": app_client.get(f"/flags/{flag_id}"),
        "report": app_client.get("/reports/XSS-R1"),
        "later": app_client.get("/reports/XSS-R2"),
        "patient": app_client.get("/patients/XSS-P1"),
        "queue": app_client.get("/flags?institution=Hostile+%3Cb%3EHospital%3C%2Fb%3E"),
        "quarantine": app_client.get("/quarantine"),
    }
    for name, response in pages.items():
        assert response.status_code == 200, name
        body = response.text
        assert "<script>window.pwned" not in body, name
        assert "onerror=" not in body.replace("onerror=&#34;", "").replace("onerror=&quot;", "")
        assert "<b>Hospital</b>" not in body, name
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in pages["report"].text
    assert "&lt;img src=x" in pages["later"].text


def test_quarantine_excerpts_are_for_admins_only(loaded: Engine) -> None:
    with TestClient(create_app(loaded), follow_redirects=False) as client:
        _sign_in(client, "vera")
        page = client.get("/quarantine")
        assert page.status_code == 200
        assert "window.pwned" not in page.text
        assert queries.quarantine_count(loaded) >= 1
    with TestClient(create_app(loaded), follow_redirects=False) as client:
        _sign_in(client, "ada")
        assert "window.pwned" in client.get("/quarantine").text


def test_security_headers_on_pages_and_errors(app_client: TestClient) -> None:
    for response in (app_client.get("/login"), app_client.get("/static/app.css")):
        headers = response.headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
    _sign_in(app_client, "vera")
    assert app_client.get("/flags").headers["cache-control"].startswith("no-store")


def test_not_found_pages_do_not_echo_identifiers(app_client: TestClient) -> None:
    _sign_in(app_client, "vera")
    for path in ("/reports/MRN-123456", "/patients/MRN-123456", "/api/v1/reports/MRN-123456"):
        response = app_client.get(path)
        assert response.status_code == 404
        assert "MRN-123456" not in response.text
    invalid = app_client.get("/api/v1/flags?page=MRN-123456")
    assert invalid.status_code == 422
    assert "MRN-123456" not in invalid.text


def test_api_token_reads_and_decides_without_csrf(loaded: Engine) -> None:
    token = accounts.add_api_token(loaded, "rita", "test script")
    assert token.startswith("pmt_")
    auth = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(loaded), follow_redirects=False) as client:
        listed = client.get("/api/v1/flags?lineage=smooth_muscle", headers=auth)
        assert listed.status_code == 200
        body = listed.json()
        assert body["total"] >= 2
        assert all(f["lineage"] == "smooth_muscle" for f in body["rows"])
        flag_id = _flag_id(loaded, "P-SEED-001")
        detail = client.get(f"/api/v1/flags/{flag_id}", headers=auth).json()
        assert detail["flag"]["prior_report_id"] == "ORH-S17-04418"
        decided = client.post(
            f"/api/v1/flags/{flag_id}/decisions",
            json={"decision": "dismissed", "comment": "scripted"},
            headers=auth,
        )
        assert decided.status_code == 201, decided.text
        timeline = client.get("/api/v1/patients/P-SEED-001/timeline", headers=auth).json()
        assert timeline["entries"][0]["report_id"] == "ORH-S17-04418"
        assert client.get("/api/v1/stats", headers=auth).status_code == 200
        assert (
            client.get("/api/v1/flags", headers={"Authorization": "Bearer pmt_x"}).status_code
            == 401
        )
    assert accounts.revoke_api_tokens(loaded, "rita", "test script") == 1
    with TestClient(create_app(loaded), follow_redirects=False) as client:
        assert client.get("/api/v1/flags", headers=auth).status_code == 401
    api_audit = accounts.audit_entries(loaded, limit=50, actor="rita", action="decision")
    assert any(e.object_id == flag_id for e in api_audit)


def test_api_from_a_browser_session_needs_csrf_to_write(
    app_client: TestClient, loaded: Engine
) -> None:
    _sign_in(app_client, "rita")
    flag_id = _flag_id(loaded, "XSS-P1")
    url = f"/api/v1/flags/{flag_id}/decisions"
    assert app_client.post(url, json={"decision": "confirmed"}).status_code == 403
    ok = app_client.post(
        url, json={"decision": "confirmed"}, headers={"X-CSRF-Token": _csrf(app_client)}
    )
    assert ok.status_code == 201


def test_viewer_token_cannot_decide(loaded: Engine) -> None:
    token = accounts.add_api_token(loaded, "vera", "read only")
    with TestClient(create_app(loaded)) as client:
        flag_id = _flag_id(loaded, "P-SEED-001")
        response = client.post(
            f"/api/v1/flags/{flag_id}/decisions",
            json={"decision": "confirmed"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code == 403


def test_queue_filters_sorts_and_htmx_fragment(app_client: TestClient, loaded: Engine) -> None:
    _sign_in(app_client, "vera")
    full = app_client.get("/flags")
    assert full.status_code == 200 and "<html" in full.text
    assert "P-SEED-001" in full.text
    filtered = app_client.get("/flags?kind=review_discordance&sort=interval&desc=true")
    assert filtered.status_code == 200
    assert "CMC-R20-00091" in filtered.text
    assert "XSS-R2" not in filtered.text
    fragment = app_client.get("/flags?lineage=smooth_muscle", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert app_client.get("/flags?sort=drop+table").status_code == 400


def test_stats_charts_are_svg_and_csv(app_client: TestClient) -> None:
    _sign_in(app_client, "vera")
    assert app_client.get("/stats").status_code == 200
    for name in ("flags_by_year", "discordance_by_institution", "intervals"):
        svg = app_client.get(f"/stats/{name}.svg")
        assert svg.status_code == 200
        assert svg.headers["content-type"].startswith("image/svg+xml")
        assert "<svg" in svg.text and "<script" not in svg.text
        rows = app_client.get(f"/stats/{name}.csv")
        assert rows.status_code == 200
        assert rows.headers["content-type"].startswith("text/csv")
        assert len(rows.text.strip().splitlines()) >= 2, name
    assert app_client.get("/stats/nope.svg").status_code == 404


def test_patient_page_orders_specimens(app_client: TestClient) -> None:
    _sign_in(app_client, "vera")
    page = app_client.get("/patients/P-SEED-001").text
    first, second = page.find("ORH-S17-04418"), page.find("CMC-S20-01377")
    assert 0 <= first < second


def test_no_phi_in_logs(
    app_client: TestClient, loaded: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    _sign_in(app_client, "ada")
    app_client.get("/reports/ORH-S17-04418")
    app_client.get("/patients/P-SEED-001")
    app_client.get("/quarantine")
    # the test client's own httpx logger prints the URLs it requests; the server must not
    logged = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("httpx"))
    for secret in ("DEVKAR", "ORH-0098812", "P-SEED-001", "window.pwned", PASSWORD):
        assert secret not in logged
