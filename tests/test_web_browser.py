"""The review app in a real browser (Debian's chromium driven by Playwright): sign in, filter
the queue, open the seed flag, see the evidence highlighted and the timeline drawn, confirm it
through htmx without a page reload, and find the decision in the history and the audit log.

The page must run under its own Content-Security-Policy with no console errors. Screenshots
go to ``$PATHMINE_ARTIFACTS`` (default: the test's tmp dir) for the docs and for a human.
Skipped when no chromium is installed, except under CI, where ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from helpers import REPO
from pathmine.cli_serve import _free_port, _server, running
from pathmine.nlp import Extractor
from pathmine.store import accounts, make_engine, queries
from pathmine.web.security import hash_password
from pathmine.workflow import run_ingest

SEED = REPO / "corpora" / "seed_case" / "reports.jsonl"
PASSWORD = "browser test password"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="module")
def chromium_path() -> str:
    if CHROMIUM is None:
        if _in_ci():
            pytest.fail("chromium is not installed (.ci/run installs it from Debian)")
        pytest.skip("no chromium on this machine")
    return CHROMIUM


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, extractor: Extractor
) -> Iterator[tuple[str, Engine]]:
    tmp = tmp_path_factory.mktemp("browser")
    engine = make_engine(f"sqlite:///{tmp / 'browser.db'}")
    run_ingest(engine, [SEED], extractor)
    accounts.add_user(engine, "rita", hash_password(PASSWORD), "reviewer")
    port = _free_port()
    with running(_server(engine, "127.0.0.1", port, False, 30)):
        yield f"http://127.0.0.1:{port}", engine
    engine.dispose()


@pytest.fixture()
def artifacts(tmp_path: Path) -> Path:
    out = Path(os.environ.get("PATHMINE_ARTIFACTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    return out


def test_review_a_flag_end_to_end(
    chromium_path: str, served: tuple[str, Engine], artifacts: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, engine = served
    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium_path,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on(
                "console",
                lambda m: problems.append(f"{m.type}: {m.text}") if m.type == "error" else None,
            )
            page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
            page.on(
                "response",
                lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
            )

            page.goto(base + "/flags")
            expect(page).to_have_url(f"{base}/login?next=/flags")
            page.fill("input[name=username]", "rita")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            expect(page).to_have_url(base + "/flags")
            expect(page.locator("table.queue")).to_contain_text("review discordance")
            page.screenshot(path=str(artifacts / "queue.png"), full_page=True)

            page.select_option("select[name=kind]", "benign_to_malignant")
            expect(page.locator("table.queue")).not_to_contain_text("review discordance")
            expect(page.locator("table.queue")).to_contain_text("P-SEED-001")

            page.locator("table.queue a[href^='/flags/']").first.click()
            expect(page.locator("mark.evidence").first).to_be_visible()
            expect(page.locator("figure.timeline svg")).to_be_visible()
            expect(page.locator("body")).to_contain_text("ORH-S17-04418")
            page.screenshot(path=str(artifacts / "flag.png"), full_page=True)
            flag_url = page.url

            page.fill("textarea[name=comment]", "leiomyoma re-read as LMS")
            page.check("input[name=decision][value=confirmed]")
            page.click("#decision button[type=submit]")
            expect(page.locator("#decision [role=status]")).to_contain_text("confirmed")
            assert page.url == flag_url  # htmx swapped the panel; no navigation
            expect(page.locator("#decision")).to_contain_text("leiomyoma re-read as LMS")
            page.screenshot(path=str(artifacts / "decided.png"), full_page=True)
        finally:
            browser.close()

    assert problems == [], problems
    flag_id = flag_url.rsplit("/", 1)[1]
    detail = queries.flag_detail(engine, flag_id)
    assert detail is not None and detail.flag.status == "confirmed"
    assert detail.reviews[-1].reviewer == "rita"
    audit = {(e.action, e.object_id) for e in accounts.audit_entries(engine, actor="rita")}
    assert ("decision", flag_id) in audit and ("view_flag", flag_id) in audit
