"""The Typer CLI: every command has help, the main commands work, errors are one line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from helpers import SEED_ARCHIVE, read_jsonl
from pathmine.cli import app

runner = CliRunner()
EXPORT_MENTION_KEYS = {
    "report_id",
    "patient_id",
    "report_date",
    "specimen_date",
    "report_type",
    "diagnoses",
    "stains",
    "features",
}
DIAGNOSIS_KEYS = {
    "term",
    "icdo3",
    "behavior",
    "lineage",
    "assertion",
    "section",
    "site",
    "start",
    "end",
}
STAIN_KEYS = {"marker", "text", "result", "intensity", "extent", "percent", "start", "end"}
FLAG_KEYS = {
    "flag_id",
    "patient_id",
    "kind",
    "lineage",
    "prior_report_id",
    "later_report_id",
    "interval_days",
    "severity",
    "status",
    "explanation",
    "evidence",
}


def _all_commands() -> list[tuple[str, ...]]:
    root = typer.main.get_command(app)
    found: list[tuple[str, ...]] = []

    def walk(cmd: click.Command, path: tuple[str, ...]) -> None:
        found.append(path)
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                walk(sub, (*path, name))

    walk(root, ())
    return found


@pytest.mark.parametrize("path", _all_commands(), ids=lambda p: " ".join(p) or "pathmine")
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    root = typer.main.get_command(app)
    cmd: click.Command = root
    for name in path:
        assert isinstance(cmd, click.Group)
        cmd = cmd.commands[name]
    assert (cmd.help or "").strip(), f"{' '.join(path)} has no help text"
    assert "Usage" in result.output


@pytest.fixture()
def seeded_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = runner.invoke(app, ["ingest", str(SEED_ARCHIVE), "--db", url])
    assert result.exit_code == 0, result.output
    return url


def test_demo_prints_the_seed_flag_and_no_control(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PATHMINE_DB", raising=False)
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "pathmine.db").exists()  # embedded SQLite default in the working dir
    assert "benign_to_malignant" in result.output and "P-SEED-001" in result.output
    assert "P-CTRL" not in result.output.split("Flags (")[1]


def test_ingest_prints_summary(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    result = runner.invoke(app, ["ingest", str(SEED_ARCHIVE), "--db", url])
    assert result.exit_code == 0, result.output
    assert "stored (new reports)" in result.output and "quarantined" in result.output
    again = runner.invoke(app, ["ingest", str(SEED_ARCHIVE), "--db", url])
    n = len(read_jsonl(SEED_ARCHIVE))
    assert f"unchanged                   │ {n:>2}" in again.output


def test_extract_prints_contract_objects_without_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", str(SEED_ARCHIVE)])
    assert result.exit_code == 0, result.output
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objs) == len(read_jsonl(SEED_ARCHIVE))
    assert not (tmp_path / "pathmine.db").exists()
    for obj in objs:
        assert obj.keys() >= EXPORT_MENTION_KEYS
        for d in obj["diagnoses"]:
            assert d.keys() >= DIAGNOSIS_KEYS
        for s in obj["stains"]:
            assert s.keys() >= STAIN_KEYS
    biopsy = next(o for o in objs if o["report_id"] == "CMC-S20-01377")
    assert {(d["icdo3"], d["assertion"]) for d in biopsy["diagnoses"]} >= {("8890/3", "uncertain")}
    assert {(s["marker"], s["result"]) for s in biopsy["stains"]} >= {
        ("SMA", "positive"),
        ("desmin", "positive"),
        ("HHF-35", "positive"),
    }


def test_extract_reads_plain_text_from_stdin() -> None:
    result = runner.invoke(app, ["extract", "-"], input="DIAGNOSIS: Uterus, leiomyoma.\n")
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    assert obj["report_id"] is None
    assert [(d["icdo3"], d["assertion"]) for d in obj["diagnoses"]] == [("8890/0", "affirmed")]


def test_flags_formats(seeded_db: str) -> None:
    as_json = runner.invoke(app, ["flags", "--format", "json", "--db", seeded_db])
    assert as_json.exit_code == 0, as_json.output
    flags = json.loads(as_json.stdout)
    assert {f["kind"] for f in flags} == {"benign_to_malignant", "review_discordance"}
    assert all(f.keys() >= FLAG_KEYS for f in flags)
    as_csv = runner.invoke(
        app, ["flags", "--format", "csv", "--kind", "benign_to_malignant", "--db", seeded_db]
    )
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [r["later_report_id"] for r in rows] == ["CMC-S20-01377"]
    none = runner.invoke(
        app, ["flags", "--format", "json", "--status", "dismissed", "--db", seeded_db]
    )
    assert json.loads(none.stdout) == []


def test_review_and_show_flag(seeded_db: str) -> None:
    flags = json.loads(runner.invoke(app, ["flags", "--format", "json", "--db", seeded_db]).stdout)
    flag_id = flags[0]["flag_id"]
    review = runner.invoke(
        app,
        [
            "flags",
            "review",
            flag_id,
            "--decision",
            "confirmed",
            "--reviewer",
            "qa-1",
            "--comment",
            "agree",
            "--db",
            seeded_db,
        ],
    )
    assert review.exit_code == 0, review.output
    shown = runner.invoke(app, ["flags", "show", flag_id, "--db", seeded_db])
    assert shown.exit_code == 0, shown.output
    assert "qa-1: confirmed" in shown.output and "Review history (1)" in shown.output
    after = json.loads(
        runner.invoke(
            app, ["flags", "--format", "json", "--status", "confirmed", "--db", seeded_db]
        ).stdout
    )
    assert [f["flag_id"] for f in after] == [flag_id]


def test_export_mentions_and_flags(seeded_db: str, tmp_path: Path) -> None:
    out = tmp_path / "mentions.jsonl"
    result = runner.invoke(
        app, ["export", "mentions", "--format", "jsonl", "-o", str(out), "--db", seeded_db]
    )
    assert result.exit_code == 0, result.output
    objs = read_jsonl(out)
    assert len(objs) == len(read_jsonl(SEED_ARCHIVE))
    assert all(o.keys() >= EXPORT_MENTION_KEYS for o in objs)
    mentions_csv = runner.invoke(app, ["export", "mentions", "--format", "csv", "--db", seeded_db])
    rows = list(csv.DictReader(io.StringIO(mentions_csv.stdout)))
    assert {r["kind"] for r in rows} == {"diagnosis", "stain"}
    flags = runner.invoke(app, ["export", "flags", "--format", "jsonl", "--db", seeded_db])
    assert len(flags.stdout.splitlines()) == 2
    assert all(json.loads(line).keys() >= FLAG_KEYS for line in flags.stdout.splitlines())


def test_show_report(seeded_db: str) -> None:
    result = runner.invoke(app, ["show", "CMC-S20-01377", "--db", seeded_db])
    assert result.exit_code == 0, result.output
    assert "8890/3" in result.output and "uncertain" in result.output
    assert "desmin" in result.output and "Pipeline: pathmine-" in result.output


def test_db_upgrade_and_current(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert runner.invoke(app, ["db", "current", "--db", url]).stdout.strip() == "None"
    up = runner.invoke(app, ["db", "upgrade", "--db", url])
    assert up.exit_code == 0 and "database at revision" in up.stdout
    assert runner.invoke(app, ["db", "current", "--db", url]).stdout.strip() != "None"


def _run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pathmine.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (("ingest", "does-not-exist.jsonl"), "archive not found"),
        (("show", "NO-SUCH-REPORT", "--db", "sqlite:///seeded.db"), "no report NO-SUCH-REPORT"),
        (("flags", "--db", "sqlite:///empty.db"), "no pathmine schema"),
        (("flags", "show", "F-nope", "--db", "sqlite:///seeded.db"), "no flag with id"),
        (("ingest", "x.jsonl", "--column", "oops"), "--column expects FIELD=COLUMN"),
    ],
    ids=["missing-archive", "unknown-report", "no-schema", "unknown-flag", "bad-column"],
)
def test_errors_are_one_line_without_traceback(
    args: tuple[str, ...], message: str, tmp_path: Path
) -> None:
    (tmp_path / "x.jsonl").write_text("", encoding="utf-8")
    if "sqlite:///seeded.db" in args:
        seeded = _run_cli("ingest", str(SEED_ARCHIVE), "--db", "sqlite:///seeded.db", cwd=tmp_path)
        assert seeded.returncode == 0, seeded.stderr
    result = _run_cli(*args, cwd=tmp_path)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and message in lines[0]
    assert "Traceback" not in result.stderr


def test_debug_shows_traceback(tmp_path: Path) -> None:
    result = _run_cli("--debug", "ingest", "does-not-exist.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" in result.stderr


@pytest.mark.postgres
def test_demo_on_postgresql(pg_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.url(pg_server.create_database())
    result = runner.invoke(app, ["demo", "--db", url])
    assert result.exit_code == 0, result.output
    assert "benign_to_malignant" in result.output and "review_discordance" in result.output
