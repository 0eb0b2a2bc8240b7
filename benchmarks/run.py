"""pathmine benchmark: plain medspaCy vs pathmine, extraction and end-to-end ingest.

Run (not part of the test suite):

    .venv/bin/python benchmarks/run.py --patients 4000 --extract-sample 400 --write-doc

It generates a synthetic archive (``pathmine corpus generate``; ~2.5 reports per patient,
mean ~2.3 KB), then measures on the same texts, in one run:

  a. plain medspaCy: ``medspacy.load()`` as shipped (PyRuSH sentencizer, target matcher,
     ConText) with pathmine's diagnosis and marker target rules; loguru kept at DEBUG but
     sent to a discarding sink, so its formatting cost stays and the terminal is spared;
  b. the best plain-medspaCy configuration found: spaCy's rule sentencizer instead of
     PyRuSH, same target rules, default ConText;
  c. pathmine extraction (``pathmine extract`` path), one process and all cores;
  d. pathmine end-to-end ingest into SQLite (read, NLP, store, flag), all cores;
  e. the same into a throwaway PostgreSQL server;
  f. a re-run of (d) on the unchanged archive (the file is recognised by its checksum);
  g. the same re-run with ``--recheck``: every record read, validated and skipped by its
     content hash (what a re-run costs when the archive file did change a little).

After (d) the flags in the database are scored against the generator's planted flags.
``--skip-extract`` leaves out (a)-(c), for the one-off million-report run.

(a), (b) and (c, one process) run in this process on the same sample of texts, so their
ratio is like for like. (d)-(f) run the real CLI in a subprocess; peak RSS is the largest
summed RSS of that process tree, sampled every 0.1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
PATHMINE = [sys.executable, "-m", "pathmine.cli"]


@dataclass
class Row:
    name: str
    reports: int
    seconds: float
    mb: float
    peak_rss_mb: float | None
    note: str = ""

    @property
    def rate(self) -> float:
        return self.reports / self.seconds if self.seconds else 0.0

    @property
    def mb_s(self) -> float:
        return self.mb / self.seconds if self.seconds else 0.0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_texts(archive: Path, limit: int) -> list[str]:
    texts: list[str] = []
    with archive.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


def _timed(fn, texts: list[str]) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn(texts)
    return time.perf_counter() - start


def plain_medspacy(best: bool):  # type: ignore[no-untyped-def]
    """(a) medspacy.load() as shipped, or (b) with spaCy's sentencizer instead of PyRuSH."""
    import medspacy
    import spacy
    from loguru import logger

    from pathmine.nlp.rules import load_rules
    from pathmine.nlp.targets import diagnosis_rules, marker_rules

    logger.remove()
    logger.add(lambda _msg: None, level="DEBUG")
    rules = load_rules()
    if best:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("medspacy_target_matcher")
        nlp.add_pipe("medspacy_context")
    else:
        nlp = medspacy.load()
    matcher = nlp.get_pipe("medspacy_target_matcher")
    matcher.add(diagnosis_rules(nlp, rules.diagnoses.entries, exact=True))
    matcher.add(marker_rules(nlp, rules.stains.markers, exact=True))
    # Equal footing: pathmine also supports OCR regex variants, but they are not needed
    # for a like-for-like count of reports per second.
    return lambda texts: list(nlp.pipe(texts))


def pathmine_one_process():  # type: ignore[no-untyped-def]
    from pathmine.nlp import default_extractor

    extractor = default_extractor()
    return lambda texts: list(extractor.extract_many(texts))


def pathmine_all_cores(workers: int):  # type: ignore[no-untyped-def]
    from pathmine.nlp import default_extractor
    from pathmine.parallel import ExtractionPool

    extractor = default_extractor()

    def run(texts: list[str]) -> None:
        pool = ExtractionPool(extractor, workers)
        try:
            futures = [pool.submit(texts[i : i + 100]) for i in range(0, len(texts), 100)]
            for future in futures:
                future.result()
        finally:
            pool.close()

    return run


def score_db_flags(db_url: str, gold_path: Path) -> str:
    """Precision/recall of the open flags in the database against the planted flags."""
    if not gold_path.exists():
        return ""
    from pathmine.evaluate import load_flag_gold
    from pathmine.export import iter_flags
    from pathmine.store import make_engine

    gold = {
        (g.patient_id, g.kind, g.prior_report_id, g.later_report_id)
        for g in load_flag_gold(gold_path)
    }
    engine = make_engine(db_url)
    try:
        raised = {
            (f["patient_id"], f["kind"], f["prior_report_id"], f["later_report_id"])
            for f in iter_flags(engine)
            if f["status"] != "retired"
        }
    finally:
        engine.dispose()
    tp = len(gold & raised)
    precision = tp / len(raised) if raised else 1.0
    recall = tp / len(gold) if gold else 1.0
    return (
        f"{len(gold)} planted, {len(raised)} raised, precision {precision:.3f}, recall {recall:.3f}"
    )


RSS_TRACE: list[tuple[float, float]] = []  # (seconds, MB) of the last run_cli, every ~30 s


def run_cli(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak summed RSS (MB) of a pathmine CLI run and its workers."""
    RSS_TRACE.clear()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*PATHMINE, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO
    )
    peak = 0.0
    ps = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [ps, *ps.children(recursive=True)]
            rss = sum(p.memory_info().rss for p in tree) / 2**20
            peak = max(peak, rss)
            elapsed = time.perf_counter() - start
            if not RSS_TRACE or elapsed - RSS_TRACE[-1][0] >= 30:
                RSS_TRACE.append((elapsed, rss))
        except psutil.Error:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"pathmine {' '.join(args)} failed: {proc.stderr.read().decode()}")
    # Printed at once, so a long run's numbers survive anything that fails after it.
    trace = ", ".join(f"{t:.0f}s {mb:.0f}MB" for t, mb in RSS_TRACE)
    print(
        f"pathmine {' '.join(args)}: {seconds:.1f} s, peak {peak:.0f} MB [{trace}]", file=sys.stderr
    )
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--patients", type=int, default=4000, help="patients to generate")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--archive", type=Path, help="use this reports.jsonl instead of generating")
    parser.add_argument(
        "--extract-sample",
        type=int,
        default=400,
        help="texts for the in-process extraction comparison (a, b, c)",
    )
    parser.add_argument(
        "--plain-sample", type=int, default=200, help="texts for (a), which is slow (~17/s)"
    )
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-extract", action="store_true", help="leave out (a)-(c)")
    parser.add_argument("--write-doc", action="store_true", help="append to docs/performance.md")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="pathmine-bench-"))
    if args.archive:
        archive = args.archive
    else:
        from pathmine.synth import generate

        t0 = time.perf_counter()
        generate(args.patients, args.seed, work / "corpus")
        archive = work / "corpus" / "reports.jsonl"
        print(f"generated {archive} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    n_archive = sum(1 for _ in archive.open(encoding="utf-8"))
    archive_mb = archive.stat().st_size / 1e6

    rows: list[Row] = []
    per_text_a = same_b = same_c = 0.0
    plain_texts: list[str] = []
    texts: list[str] = []
    mb = lambda ts: sum(len(t.encode()) for t in ts) / 1e6  # noqa: E731
    in_process_peak = 0.0
    if not args.skip_extract:
        texts = load_texts(archive, args.extract_sample)
        plain_texts = texts[: args.plain_sample]

        # Same texts, same process, interleaved: (c) warms up first so no variant pays imports.
        one = pathmine_one_process()
        one(texts[:20])
        t_c_plain = _timed(one, plain_texts)
        best = plain_medspacy(best=True)
        best(plain_texts[:5])
        t_b_plain = _timed(best, plain_texts)
        plain = plain_medspacy(best=False)
        plain(plain_texts[:2])
        t_a = _timed(plain, plain_texts)
        rows.append(
            Row(
                "a. plain medspaCy (medspacy.load, PyRuSH)",
                len(plain_texts),
                t_a,
                mb(plain_texts),
                None,
                "1 process",
            )
        )
        t_b = _timed(best, texts)
        rows.append(
            Row(
                "b. best plain medspaCy (spaCy sentencizer)",
                len(texts),
                t_b,
                mb(texts),
                None,
                "1 process",
            )
        )
        t_c = _timed(one, texts)
        rows.append(
            Row("c. pathmine extract, 1 process", len(texts), t_c, mb(texts), None, "1 process")
        )
        t_c_all = _timed(pathmine_all_cores(args.workers), texts)
        rows.append(
            Row(
                f"c. pathmine extract, {args.workers} processes",
                len(texts),
                t_c_all,
                mb(texts),
                None,
                f"{args.workers} processes",
            )
        )
        in_process_peak = _rss_mb()
        per_text_a = len(plain_texts) / t_a
        same_b = len(plain_texts) / t_b_plain
        same_c = len(plain_texts) / t_c_plain

    flag_score = ""
    ingest_trace: list[tuple[float, float]] = []
    if not args.skip_ingest:
        db = work / "bench.db"

        def ingest(name: str, url: str, note: str, *extra: str) -> None:
            """One CLI ingest of the whole archive, as a row of the table."""
            args_ = ["ingest", str(archive), "--db", url, "--workers", str(args.workers), *extra]
            secs, peak = run_cli(args_)
            rows.append(Row(name, n_archive, secs, archive_mb, peak, note))

        sqlite_url = f"sqlite:///{db}"
        workers_note = f"{args.workers} workers"
        ingest("d. pathmine ingest → SQLite", sqlite_url, workers_note)
        flag_score = score_db_flags(sqlite_url, archive.parent / "gold_flags.jsonl")
        ingest_trace = list(RSS_TRACE)
        if not args.skip_postgres:
            sys.path.insert(0, str(REPO / "tests"))
            from pg_server import start_server

            server = start_server()
            try:
                pg_url = server.url(server.create_database("bench"))
                ingest("e. pathmine ingest → PostgreSQL", pg_url, workers_note)
            finally:
                server.stop()
        ingest("f. re-run of (d), archive unchanged", sqlite_url, "file checksum: not re-read")
        ingest(
            "g. re-run of (d) with --recheck",
            sqlite_url,
            "every record read; content hash skip",
            "--recheck",
        )

    rate = {r.name[:1] + ("all" if "processes" in r.name else ""): r.rate for r in rows}
    cores = args.workers
    lines = [
        f"### {date.today().isoformat()} — {platform.node() or 'machine'}: "
        f"{os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, "
        f"Python {platform.python_version()}",
        "",
        f"Command: `{' '.join(['.venv/bin/python', 'benchmarks/run.py', *sys.argv[1:]])}`  ",
        f"Archive: {n_archive} reports, {archive_mb:.1f} MB "
        f"(mean {archive_mb * 1e3 / max(n_archive, 1):.2f} KB)"
        + (
            f"; extraction sample {len(texts)} texts ({mb(texts) * 1e3 / len(texts):.2f} KB "
            f"mean), plain-medspaCy sample {len(plain_texts)}."
            if texts
            else "."
        ),
        "",
        "| variant | reports | seconds | reports/s | MB/s | peak RSS MB | note |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        peak = f"{r.peak_rss_mb:.0f}" if r.peak_rss_mb is not None else "—"
        lines.append(
            f"| {r.name} | {r.reports} | {r.seconds:.1f} | {r.rate:.1f} | "
            f"{r.mb_s:.2f} | {peak} | {r.note} |"
        )
    lines.append("")
    if per_text_a:
        lines += [
            f"In-process peak RSS after (a)–(c): {in_process_peak:.0f} MB.",
            f"Like-for-like on the same {len(plain_texts)} texts in one process: "
            f"plain medspaCy {per_text_a:.1f}/s, best plain {same_b:.1f}/s, "
            f"pathmine {same_c:.1f}/s → pathmine / (a) = **{same_c / per_text_a:.1f}x**, "
            f"pathmine / (b) = **{same_c / same_b:.1f}x** per core.",
        ]
    if "d" in rate:
        lines.append(f"End-to-end ingest into SQLite on {cores} cores: {rate['d']:.0f} reports/s.")
        if per_text_a:
            lines[-1] += (
                f" That is {rate['d'] / per_text_a:.1f}x plain medspaCy extraction alone on one"
                f" core ({rate['d'] / cores / per_text_a:.1f}x per core)."
            )
        if flag_score:
            lines.append(f"Flags in the SQLite database against the planted flags: {flag_score}.")
        if len(ingest_trace) > 2:
            step = max(1, len(ingest_trace) // 12)
            points = ", ".join(f"{t / 60:.0f} min {mb:.0f}" for t, mb in ingest_trace[::step])
            lines.append(f"Summed RSS of (d)'s process tree over time (MB): {points}.")
        if "f" in rate:
            lines.append(
                f"Re-run on the unchanged archive: {rate['f'] / rate['d']:.0f}x faster than the "
                f"first run; with --recheck (every record read and hashed): "
                f"{rate['g'] / rate['d']:.0f}x."
            )
        if "e" in rate:
            lines.append(f"PostgreSQL / SQLite ingest throughput: {rate['e'] / rate['d']:.2f}.")
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write_doc:
        doc = REPO / "docs" / "performance.md"
        with doc.open("a", encoding="utf-8") as fh:
            fh.write("\n" + report)


if __name__ == "__main__":
    main()
