"""Review-app response times on a database holding the 10,000-report benchmark archive.

Run (not part of the test suite):

    .venv/bin/python benchmarks/web_pages.py --patients 4000 --write-doc

It generates the benchmark archive (``pathmine corpus generate``, the same one
``benchmarks/run.py --patients 4000`` uses: ~10,250 reports), ingests it with the real CLI
into SQLite and, unless ``--skip-postgres``, into a throwaway PostgreSQL server, starts
``pathmine serve``'s uvicorn server on 127.0.0.1, signs in over HTTP like a browser and times
each page: the queue (default, filtered, sorted, a later page, the htmx fragment), every
flag's detail page, the reports and patients behind them, statistics and the JSON API.

Each timing is wall time of a full HTTP round trip on the loopback (server render plus the
audit-row insert every PHI view writes). The budget in issue 10 is 200 ms for the queue and
flag pages; the script exits non-zero when a p95 goes over it.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
PATHMINE = [sys.executable, "-m", "pathmine.cli"]
BUDGET_MS = 200.0
PASSWORD = "benchmark password 2026"


def _cli(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([*PATHMINE, *args], check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _timings(fn: Callable[[], httpx.Response], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = fn()
        out.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"page answered {response.status_code}")
    return out


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(db_url: str, repeat: int) -> list[tuple[str, int, float, float, float, bool]]:
    """(page, requests, median ms, p95 ms, max ms, budgeted) for one database."""
    from pathmine.cli_serve import _free_port, _server, running
    from pathmine.store import accounts, ensure_schema, make_engine, queries
    from pathmine.web.auth import LOGIN_CSRF_COOKIE
    from pathmine.web.security import hash_password

    engine = make_engine(db_url)
    ensure_schema(engine)
    if accounts.credentials(engine, "bench") is None:
        accounts.add_user(engine, "bench", hash_password(PASSWORD), "reviewer")
    flags = list(queries.iter_flags(engine))
    port = _free_port()
    rows: list[tuple[str, int, float, float, float, bool]] = []
    with (
        running(_server(engine, "127.0.0.1", port, False, 30)),
        httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client,
    ):
        client.get("/login")
        client.post(
            "/login",
            data={
                "username": "bench",
                "password": PASSWORD,
                "login_csrf": client.cookies.get(LOGIN_CSRF_COOKIE) or "",
            },
        )
        assert client.get("/flags").status_code == 200, "sign-in failed"
        token = accounts.add_api_token(engine, "bench", "benchmark")
        api = {"Authorization": f"Bearer {token}"}
        institution = flags[0].prior_institution if flags else ""
        pages: list[tuple[str, Callable[[], httpx.Response], int, bool]] = [
            ("queue, default", lambda: client.get("/flags"), repeat, True),
            (
                "queue, kind+lineage filter, sort by interval",
                lambda: client.get(
                    "/flags?kind=benign_to_malignant&lineage=smooth_muscle&sort=interval"
                ),
                repeat,
                True,
            ),
            (
                "queue, institution + date range",
                lambda: client.get(
                    "/flags",
                    params={
                        "institution": institution or "",
                        "date_from": "2015-01-01",
                        "date_to": "2025-12-31",
                    },
                ),
                repeat,
                True,
            ),
            ("queue, page 2", lambda: client.get("/flags?page=2"), repeat, True),
            (
                "queue, htmx fragment",
                lambda: client.get("/flags?status=open", headers={"HX-Request": "true"}),
                repeat,
                True,
            ),
        ]
        for name, fn, n, budgeted in pages:
            ms = _timings(fn, n)
            rows.append((name, n, statistics.median(ms), _p95(ms), max(ms), budgeted))
        detail_ms: list[float] = []
        report_ms: list[float] = []
        patient_ms: list[float] = []
        for f in flags:
            detail_ms += _timings(lambda f=f: client.get(f"/flags/{f.flag_id}"), 1)
            report_ms += _timings(lambda f=f: client.get(f"/reports/{f.later_report_id}"), 1)
            patient_ms += _timings(lambda f=f: client.get(f"/patients/{f.patient_id}"), 1)
        for name, ms, budgeted in (
            ("flag detail (every flag once)", detail_ms, True),
            ("report view", report_ms, False),
            ("patient timeline", patient_ms, False),
        ):
            if ms:
                rows.append((name, len(ms), statistics.median(ms), _p95(ms), max(ms), budgeted))
        for name, fn in (
            ("statistics page", lambda: client.get("/stats")),
            ("chart SVG (flags by year)", lambda: client.get("/stats/flags_by_year.svg")),
            ("API: /api/v1/flags", lambda: client.get("/api/v1/flags", headers=api)),
        ):
            ms = _timings(fn, max(3, repeat // 4))
            rows.append((name, len(ms), statistics.median(ms), _p95(ms), max(ms), False))
    engine.dispose()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--patients", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--flag-rate",
        type=float,
        default=0.015,
        help="share of patients with a planted discrepancy (0.015: the benchmark archive)",
    )
    parser.add_argument("--repeat", type=int, default=30, help="requests per queue variant")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--write-doc", action="store_true", help="append to docs/performance.md")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="pathmine-web-bench-"))
    corpus = work / "corpus"
    _cli("corpus", "generate", "--patients", str(args.patients), "--seed", str(args.seed),
         "--flag-rate", str(args.flag_rate), "--out", str(corpus))  # fmt: skip
    archive = corpus / "reports.jsonl"
    n_reports = sum(1 for _ in archive.open(encoding="utf-8"))
    workers = str(len(os.sched_getaffinity(0)))

    results: dict[str, list[tuple[str, int, float, float, float, bool]]] = {}
    sqlite_url = f"sqlite:///{work / 'web.db'}"
    ingest_s = _cli("ingest", str(archive), "--db", sqlite_url, "--workers", workers)
    print(f"ingested {n_reports} reports into SQLite in {ingest_s:.0f} s", file=sys.stderr)
    results["SQLite"] = measure(sqlite_url, args.repeat)
    if not args.skip_postgres:
        sys.path.insert(0, str(REPO / "tests"))
        from pg_server import start_server

        server = start_server()
        try:
            pg_url = server.url(server.create_database("webbench"))
            _cli("ingest", str(archive), "--db", pg_url, "--workers", workers)
            results["PostgreSQL"] = measure(pg_url, args.repeat)
        finally:
            server.stop()

    from pathmine.store import make_engine, queries

    n_flags = sum(1 for _ in queries.iter_flags(make_engine(sqlite_url)))
    lines = [
        f"### {date.today().isoformat()} — review app pages "
        f"({platform.node() or 'host'}: {len(os.sched_getaffinity(0))} cores, "
        f"Python {platform.python_version()})",
        "",
        f"Command: `.venv/bin/python benchmarks/web_pages.py --patients {args.patients}"
        f"{f' --flag-rate {args.flag_rate}' if args.flag_rate != 0.015 else ''}"
        f"{' --skip-postgres' if args.skip_postgres else ''}`  ",
        f"Database: the benchmark archive, {n_reports} reports, {n_flags} flags; one signed-in "
        "client over HTTP on 127.0.0.1 (uvicorn, one process); every PHI view writes its "
        "audit row.",
        "",
        "| backend | page | requests | median ms | p95 ms | max ms | budget 200 ms |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    over = []
    for backend, rows in results.items():
        for name, n, med, p95, worst, budgeted in rows:
            verdict = ("ok" if p95 < BUDGET_MS else "**over**") if budgeted else "—"
            if budgeted and p95 >= BUDGET_MS:
                over.append(f"{backend} {name}")
            lines.append(
                f"| {backend} | {name} | {n} | {med:.1f} | {p95:.1f} | {worst:.1f} | {verdict} |"
            )
    lines.append("")
    lines.append("Queue and flag pages over budget: " + (", ".join(over) if over else "none") + ".")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write_doc:
        with (REPO / "docs" / "performance.md").open("a", encoding="utf-8") as fh:
            fh.write("\n" + text)
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
