"""Fault injection: bad records of many kinds in three formats, SIGKILLs, a database restart.

    .venv/bin/python benchmarks/fault_injection.py --patients 40000 --kills 10 --backend both

Builds a generated archive (``pathmine.synth``, ~2.5 reports per patient) split over a JSON
Lines file, a CSV file and a .txt directory with its manifest, and plants about 5% bad records
of 16 kinds (below). Then, per backend:

1. a clean run ingests only the good reports into a fresh database: the reference flags;
2. the faulted run ingests the three archives with ``--workers 2`` and is SIGKILLed at
   ``--kills`` random moments (each time the ingest is simply started again); on PostgreSQL
   the server is also stopped (``pg_ctl stop -m fast``) and restarted once mid-run;
3. a last run completes.

It then checks that every good report is stored exactly once (one version), that every bad
record is quarantined exactly once with its reason, and that the flags equal the clean run's
(same flag ids), and prints the figures (``--write-doc`` adds them to docs/reliability.md).
The test suite runs the same code at a small scale (tests/test_fault_injection.py).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pathmine.ingest.validate import REPORT_FIELDS

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
PATHMINE = [sys.executable, "-m", "pathmine.cli"]

# (kind, format) of every planted bad record; each one is quarantined once
BAD_KINDS: tuple[tuple[str, str], ...] = (
    ("impossible date", "jsonl"),
    ("future date", "jsonl"),
    ("empty text", "jsonl"),
    ("missing report_id", "jsonl"),
    ("invalid UTF-8", "jsonl"),
    ("truncated JSON", "jsonl"),
    ("binary text", "jsonl"),
    ("specimen after report", "jsonl"),
    ("JSON array", "jsonl"),
    ("report_id of another patient", "jsonl"),
    ("wrong field count", "csv"),
    ("stray quote", "csv"),  # swallows the next row: two quarantined records
    ("bad date", "csv"),
    ("listed file missing", "txt"),
    ("unlisted file", "txt"),
    ("file listed twice", "txt"),
)


@dataclass
class Archive:
    paths: list[Path]
    good_ids: set[str]
    good_records: list[dict[str, object]]
    bad: Counter[str] = field(default_factory=Counter)

    @property
    def n_bad(self) -> int:
        return sum(self.bad.values())


def build(out: Path, patients: int, seed: int, bad_rate: float = 0.05) -> Archive:
    """The three archives with ~``bad_rate`` planted bad records, and what to expect."""
    from pathmine.synth.writer import generate

    generate(patients, seed, out / "synth")
    good = [json.loads(line) for line in (out / "synth" / "reports.jsonl").open()]
    rng = random.Random(seed)
    n_bad = max(len(BAD_KINDS), int(len(good) * bad_rate))
    kinds = [BAD_KINDS[i % len(BAD_KINDS)] for i in range(n_bad)]
    parts: dict[str, list[dict[str, object]]] = {"jsonl": [], "csv": [], "txt": []}
    for i, record in enumerate(good):
        parts[("jsonl", "csv", "txt")[i % 3]].append(record)
    archive = Archive([], {str(r["report_id"]) for r in good}, good)
    jsonl_lines = [json.dumps(r).encode() for r in parts["jsonl"]]
    csv_rows: list[list[str] | str] = [_csv_row(r) for r in parts["csv"]]
    txt_rows = [(f"t{i}.txt", r) for i, r in enumerate(parts["txt"])]
    extra_files: list[tuple[str, bytes]] = []
    for n, (kind, fmt) in enumerate(kinds):
        bad = {
            "patient_id": f"SYN-BAD-{n}",
            "report_id": f"SYN-BAD-R{n}",
            "report_date": "2019-05-06",
            "text": f"SYNTHETIC bad record {n}. DIAGNOSIS: leiomyoma.",
        }
        archive.bad[kind] += 1
        if fmt == "jsonl" and kind == "report_id of another patient":
            # after the report whose id it takes (the first to arrive keeps an id)
            victim = rng.randrange(len(parts["jsonl"]))
            line = json.dumps({**bad, "report_id": parts["jsonl"][victim]["report_id"]}).encode()
            at = jsonl_lines.index(json.dumps(parts["jsonl"][victim]).encode()) + 1
            jsonl_lines.insert(rng.randrange(at, len(jsonl_lines) + 1), line)
        elif fmt == "jsonl":
            line = _bad_jsonl(kind, bad, good, rng)
            jsonl_lines.insert(rng.randrange(len(jsonl_lines) + 1), line)
        elif fmt == "csv":
            at = rng.randrange(len(csv_rows) + 1)
            while at and _opens_pair(csv_rows[at - 1]):
                at -= 1  # never between a stray quote and the row it swallows
            if kind == "wrong field count":
                csv_rows.insert(at, f"{bad['patient_id']},{bad['report_id']},2019-05-06")  # 3 of 7
            elif kind == "bad date":
                csv_rows.insert(at, [*_csv_row(bad)[:2], "2019-02-30", *_csv_row(bad)[3:]])
            else:  # a stray quote: the field runs on over the next (victim) row, whose
                # own stray quote closes it (so the rows after stay in step)
                vid = f"SYN-BAD-V{n}"
                row = f'{bad["patient_id"]},{bad["report_id"]},2019-05-06,"{bad["text"]} ends,'
                csv_rows[at:at] = [row, f'{vid},{vid},2019-05-06,victim text ends here",,,']
                archive.bad["stray quote (swallowed row)"] += 1
        else:
            if kind == "listed file missing":
                txt_rows.append((f"missing{n}.txt", None))  # type: ignore[arg-type]
            elif kind == "unlisted file":
                extra_files.append((f"stray{n}.txt", b"SYNTHETIC stray text."))
            else:  # the same file under a second entry (a file that exists: not a planted
                # "listed file missing" row, whose file the second entry would create)
                name, record = txt_rows[rng.randrange(len(txt_rows))]
                while record is None or str(record.get("patient_id", "")).startswith("SYN-BAD"):
                    name, record = txt_rows[rng.randrange(len(txt_rows))]
                txt_rows.append((name, {**bad, "text": "-"}))
    out.mkdir(parents=True, exist_ok=True)
    jpath = out / "a.jsonl"
    jpath.write_bytes(b"\n".join(jsonl_lines) + b"\n")
    cpath = out / "b.csv"
    with cpath.open("w", newline="", encoding="utf-8") as fh:
        fh.write(",".join(REPORT_FIELDS) + "\r\n")
        for row in csv_rows:
            fh.write(row + "\r\n" if isinstance(row, str) else _csv_line_from(row))
    tdir = out / "c"
    tdir.mkdir(exist_ok=True)
    with (tdir / "manifest.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            [
                "file",
                "patient_id",
                "report_id",
                "report_date",
                "specimen_date",
                "institution",
                "report_type",
            ]
        )
        for name, record in txt_rows:
            meta = (
                record
                if record is not None
                else {
                    "patient_id": "SYN-BAD-M",
                    "report_id": f"SYN-BAD-M{name}",
                    "report_date": "2019-05-06",
                }
            )
            if record is not None and not (tdir / name).exists():
                (tdir / name).write_text(str(record["text"]), encoding="utf-8")
            writer.writerow(
                [
                    name,
                    meta["patient_id"],
                    meta["report_id"],
                    meta["report_date"],
                    meta.get("specimen_date") or "",
                    meta.get("institution") or "",
                    meta.get("report_type") or "",
                ]
            )
    for name, data in extra_files:
        (tdir / name).write_bytes(data)
    archive.paths = [jpath, cpath, tdir]
    return archive


def _opens_pair(row: list[str] | str) -> bool:
    """A planted stray-quote row (the row after it is the one it swallows)."""
    return isinstance(row, str) and row.endswith(" ends,")


def _bad_jsonl(
    kind: str, bad: dict[str, object], good: list[dict[str, object]], rng: random.Random
) -> bytes:
    if kind == "impossible date":
        return json.dumps({**bad, "report_date": "2019-02-30"}).encode()
    if kind == "future date":
        return json.dumps({**bad, "report_date": "2999-01-01"}).encode()
    if kind == "empty text":
        return json.dumps({**bad, "text": "   "}).encode()
    if kind == "missing report_id":
        return json.dumps({k: v for k, v in bad.items() if k != "report_id"}).encode()
    if kind == "invalid UTF-8":
        return json.dumps(bad).encode().replace(b"bad record", b"bad \xff\xfe record")
    if kind == "truncated JSON":
        return json.dumps(bad).encode()[:-9]
    if kind == "binary text":
        return json.dumps({**bad, "text": "\x00\x01\x02" * 20}).encode()
    if kind == "specimen after report":
        return json.dumps({**bad, "specimen_date": "2019-06-01"}).encode()
    if kind == "JSON array":
        return json.dumps([bad]).encode()
    victim = rng.choice(good)  # report_id of another patient
    return json.dumps({**bad, "report_id": victim["report_id"]}).encode()


def _csv_row(record: dict[str, object]) -> list[str]:
    """Every field the generator wrote: the formats must carry the same facts, so the
    flags can equal the clean JSON Lines run's."""
    return [str(record.get(f) or "") for f in REPORT_FIELDS]


def _csv_line_from(row: list[str]) -> str:
    import io

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(row)
    return buf.getvalue()


def _csv_line(record: dict[str, object]) -> str:
    return _csv_line_from(_csv_row(record)).rstrip("\r\n")


def ingest(paths: list[Path], url: str, workers: int = 2) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*PATHMINE, "ingest", *map(str, paths), "--db", url, "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a kill takes the worker processes with it
    )


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def faulted_run(
    archive: Archive, url: str, kills: int, seed: int, clean_seconds: float, restart: object = None
) -> dict[str, object]:
    """Ingest with ``kills`` SIGKILLs at random moments of a run's expected duration, an
    optional database restart mid-run, then a completing run."""
    rng = random.Random(seed)
    killed = 0
    started = time.monotonic()
    attempts = 0
    while killed < kills and attempts < 3 * kills:
        attempts += 1
        proc = ingest(archive.paths, url)
        # a moment within the first half of a clean run: most reruns skip what is committed
        time.sleep(rng.uniform(0.5, max(1.0, clean_seconds / 2)))
        if proc.poll() is None:
            kill_group(proc)
            killed += 1
        else:
            proc.wait()
    restarted = False
    if restart is not None:
        proc = ingest(archive.paths, url)
        time.sleep(max(1.0, clean_seconds / 3))
        restart()  # type: ignore[operator]
        restarted = True
        proc.wait()  # the run fails on the lost connection or finishes; either is fine
    final = ingest(archive.paths, url)
    _, err = final.communicate()
    return {
        "kills": killed,
        "db_restart": restarted,
        "final_exit": final.returncode,
        "final_stderr": err.decode()[-500:],
        "seconds": round(time.monotonic() - started, 1),
    }


def check(archive: Archive, url: str, clean_flags: set[str]) -> dict[str, object]:
    from sqlalchemy import func, select

    from pathmine.store import FlagRow, QuarantineRow, Report, make_engine, session_factory

    engine = make_engine(url)
    with session_factory(engine)() as session:
        ids = Counter(session.scalars(select(Report.report_id)))
        reasons = list(session.scalars(select(QuarantineRow.reason)))
        flags = set(session.scalars(select(FlagRow.flag_id).where(FlagRow.status != "retired")))
        versions = session.scalar(select(func.max(Report.version))) or 0
    engine.dispose()
    # one stored version per distinct text of a report id (the generator writes amended
    # reports under the id of their original)
    expected = Counter(
        str(r["report_id"])
        for r in {(r["report_id"], r["text"]): r for r in archive.good_records}.values()
    )
    return {
        "good_reports": sum(expected.values()),
        "stored_good_exactly_once": ids == expected,
        "unexpected_stored": sorted(i for i in ids if i not in expected)[:5],
        "missing": sorted(i for i in expected if ids[i] < expected[i])[:5],
        "max_version": versions,
        "expected_max_version": max(expected.values(), default=0),
        "bad_planted": archive.n_bad,
        "quarantined": len(reasons),
        "flags_equal_clean_run": flags == clean_flags,
        "flags": len(flags),
        "flags_only_here": sorted(flags - clean_flags)[:5],
        "flags_only_in_clean_run": sorted(clean_flags - flags)[:5],
    }


def clean_reference(archive: Archive, work: Path) -> tuple[set[str], float]:
    from sqlalchemy import select

    from pathmine.store import FlagRow, make_engine, session_factory

    good = work / "good.jsonl"
    with good.open("w", encoding="utf-8") as fh:
        for record in archive.good_records:
            fh.write(json.dumps(record) + "\n")
    url = f"sqlite:///{work / 'clean.db'}"
    start = time.monotonic()
    subprocess.run(
        [*PATHMINE, "ingest", str(good), "--db", url, "--workers", "2"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.monotonic() - start
    engine = make_engine(url)
    with session_factory(engine)() as session:
        flags = set(session.scalars(select(FlagRow.flag_id).where(FlagRow.status != "retired")))
    engine.dispose()
    return flags, seconds


def run(patients: int, kills: int, backends: list[str], seed: int, work: Path) -> dict[str, object]:
    archive = build(work / "archive", patients, seed)
    clean_flags, clean_seconds = clean_reference(archive, work)
    results: dict[str, object] = {
        "reports": len(archive.good_ids) + archive.n_bad,
        "bad_by_kind": dict(archive.bad),
        "clean_run_seconds": round(clean_seconds, 1),
        "clean_flags": len(clean_flags),
    }
    for backend in backends:
        if backend == "sqlite":
            url = f"sqlite:///{work / 'faulted.db'}"
            figures = faulted_run(archive, url, kills, seed, clean_seconds)
        else:
            from pg_server import start_server

            server = start_server()
            try:
                url = server.url(server.create_database())
                figures = faulted_run(archive, url, kills, seed, clean_seconds, server.restart)
                figures.update(check(archive, url, clean_flags))
            finally:
                server.stop()
            results[backend] = figures
            continue
        figures.update(check(archive, url, clean_flags))
        results[backend] = figures
    return results


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--patients", type=int, default=40_000, help="~2.5 reports each")
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--seed", type=int, default=9)
    args = ap.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    with tempfile.TemporaryDirectory(prefix="pathmine-faults-") as tmp:
        results = run(args.patients, args.kills, backends, args.seed, Path(tmp))
    print(json.dumps(results, indent=1))
    ok = all(
        isinstance(r, dict)
        and r["stored_good_exactly_once"]
        and r["flags_equal_clean_run"]
        and r["quarantined"] == r["bad_planted"]
        and r["max_version"] == r["expected_max_version"]  # amendments are version 2
        for k, r in results.items()
        if k in ("sqlite", "postgresql")
    )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
