"""Command line: a thin Typer layer over ingest, nlp, store, flags and export.

Errors are one clear line and a nonzero exit; ``--debug`` adds the traceback, scrubbed of
everything its messages quote (``pathmine.safe_errors``): bound parameters, driver details
and parse errors can carry report text and identifiers.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from pathmine import __version__

app = typer.Typer(
    name="pathmine",
    help="Mine pathology report archives for benign-to-malignant diagnostic discrepancies.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(
    help="Database schema commands (the Alembic migrations shipped in the package).",
    no_args_is_help=True,
)
flags_app = typer.Typer(
    help="List discrepancy flags; `flags show` and `flags review` inspect and decide one.",
    invoke_without_command=True,
)
app.add_typer(db_app, name="db")
app.add_typer(flags_app, name="flags")

# Piped output (CI logs, `| less`) gets a readable width instead of rich's 80 columns.
console = Console() if sys.stdout.isatty() else Console(width=160)
err_console = Console(stderr=True)


class _State:
    db: str | None = None
    debug: bool = False


state = _State()


class CliError(Exception):
    """An expected failure: printed as one line, exit code 1."""


class ArchiveFormat(StrEnum):
    auto = "auto"
    jsonl = "jsonl"
    csv = "csv"
    txt = "txt"


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


class ExportWhat(StrEnum):
    mentions = "mentions"
    flags = "flags"


class FlagStatus(StrEnum):
    open = "open"
    confirmed = "confirmed"
    dismissed = "dismissed"
    needs_second_review = "needs_second_review"
    retired = "retired"


class FlagKind(StrEnum):
    benign_to_malignant = "benign_to_malignant"
    review_discordance = "review_discordance"
    benign_with_malignant_features = "benign_with_malignant_features"


class Decision(StrEnum):
    confirmed = "confirmed"
    dismissed = "dismissed"
    needs_second_review = "needs_second_review"
    open = "open"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="PATHMINE_DB",
        help="Database URL or SQLite file path (default: ./pathmine.db).",
    ),
]


def _version(value: bool) -> None:
    if value:
        console.print(f"pathmine {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    db: DbOption = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Mine pathology report archives for benign-to-malignant diagnostic discrepancies."""
    state.db = db
    state.debug = debug


def _engine(db: str | None) -> Any:
    from pathmine.store import make_engine, resolve_db_url

    return make_engine(resolve_db_url(db or state.db))


def _existing_engine(db: str | None) -> Any:
    """An engine for reading: the schema must already exist (no silent empty database)."""
    from pathmine.store import current_revision

    engine = _engine(db)
    if current_revision(engine) is None:
        raise CliError("the database has no pathmine schema yet: run `pathmine ingest` first")
    return engine


# -- ingest -----------------------------------------------------------------------------------


def _parse_columns(columns: list[str] | None) -> dict[str, str] | None:
    if not columns:
        return None
    mapping = {}
    for item in columns:
        field, sep, column = item.partition("=")
        if not sep or not field or not column:
            raise CliError(f"--column expects FIELD=COLUMN, got {item!r}")
        mapping[field.strip()] = column.strip()
    return mapping


@contextmanager
def _progress_hook(enabled: bool) -> Iterator[Any]:
    """Two bars on stderr: the archive bytes read (with a rate and the time left), then the
    patients whose flags are recomputed."""
    if not enabled:
        yield None
        return
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}[/]"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        ingest = progress.add_task("ingest", total=None, detail="")
        flags: list[Any] = []

        def hook(summary: Any) -> None:
            if summary.phase == "flags":
                if not flags:
                    progress.update(ingest, completed=summary.bytes_total or 1)
                    flags.append(
                        progress.add_task("flags", total=summary.patients_to_reflag, detail="")
                    )
                progress.update(
                    flags[0],
                    completed=summary.patients_reflagged,
                    detail=f"{summary.patients_reflagged} patients  +{summary.flags_raised} "
                    f"-{summary.flags_retired} flags",
                )
                return
            elapsed = progress.tasks[ingest].elapsed or 0.0
            rate = f"{summary.read / elapsed:.0f} reports/s" if elapsed > 0 else ""
            progress.update(
                ingest,
                total=summary.bytes_total or None,
                completed=summary.bytes_done,
                description=f"ingest {_safe(summary.current_file)}",
                detail=f"{summary.read} read  {rate}  quarantined {summary.quarantined}",
            )

        yield hook


def _print_summary(summary: Any) -> None:
    table = Table(title=f"Ingest run {summary.run_id}: {summary.status}", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in (
        ("read", summary.read),
        ("stored (new reports)", summary.stored),
        ("new versions", summary.new_versions),
        ("unchanged", summary.unchanged),
        ("re-extracted (new pipeline)", summary.reextracted),
        ("quarantined", summary.quarantined),
        ("patients re-flagged", summary.patients_reflagged),
        ("flags raised", summary.flags_raised),
        ("flags retired", summary.flags_retired),
    ):
        table.add_row(label, str(value))
    console.print(table)
    if summary.sources_skipped:
        console.print(
            f"{summary.sources_skipped} archive file(s) not re-read: identical to a file a "
            "completed run read whole (use --recheck to read them anyway)."
        )
    if summary.reasons:
        console.print("Quarantine reasons (see `pathmine quarantine`):")
        for reason, count in sorted(summary.reasons.items()):
            console.print(f"  {count:>6}  {reason}")


def _ingest(
    paths: list[Path],
    db: str | None,
    fmt: str,
    columns: dict[str, str] | None,
    batch_size: int,
    max_text_chars: int,
    progress: bool,
    workers: int = 0,
    recheck: bool = False,
    encoding: str = "utf-8",
    time_budget: float = 60.0,
) -> Any:
    from pathmine.ingest import IngestError
    from pathmine.nlp import LazyExtractor
    from pathmine.parallel import default_workers
    from pathmine.workflow import run_ingest

    engine = _engine(db)
    extractor = LazyExtractor()
    try:
        with _progress_hook(progress) as hook:
            return run_ingest(
                engine,
                paths,
                extractor,
                fmt=fmt,
                column_map=columns,
                batch_size=batch_size,
                max_text_chars=max_text_chars,
                progress=hook,
                workers=workers or default_workers(),
                skip_unchanged_files=not recheck,
                encoding=encoding,
                time_budget=time_budget or None,
            )
    except IngestError as exc:
        raise CliError(str(exc)) from exc


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="JSONL/CSV files or directories of .txt files with manifest.csv."),
    ],
    fmt: Annotated[
        ArchiveFormat, typer.Option("--format", help="Archive format; auto picks by suffix.")
    ] = ArchiveFormat.auto,
    column: Annotated[
        list[str] | None,
        typer.Option(
            "--column",
            help="Map a field to a CSV column, e.g. --column text=REPORT_TEXT (repeatable).",
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Reports per transaction.")] = 100,
    max_text_chars: Annotated[
        int, typer.Option(min=1, help="Longer texts are quarantined.")
    ] = 1_000_000,
    workers: Annotated[
        int, typer.Option(min=0, help="Extraction processes (0: one per core; 1: no pool).")
    ] = 0,
    encoding: Annotated[
        str,
        typer.Option(
            help="Encoding of CSV files and .txt texts, e.g. cp1252 or latin-1 for Windows "
            "and older hospital exports (JSON Lines is always UTF-8)."
        ),
    ] = "utf-8",
    time_budget: Annotated[
        float,
        typer.Option(
            min=0,
            help="Seconds one report may take in the NLP; a report over it (or one the NLP "
            "fails on) is quarantined with the reason and the run goes on (0: no limit).",
        ),
    ] = 60.0,
    recheck: Annotated[
        bool,
        typer.Option(
            "--recheck",
            help="Read every archive even if an identical file was ingested whole before "
            "(unchanged reports are still skipped by content hash).",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Read archives, extract, store and flag; skips unchanged reports, quarantines bad ones."""
    summary = _ingest(
        paths,
        db,
        fmt.value,
        _parse_columns(column),
        batch_size,
        max_text_chars,
        progress=sys.stderr.isatty(),
        workers=workers,
        recheck=recheck,
        encoding=encoding,
        time_budget=time_budget,
    )
    _print_summary(summary)
    _fail_on_file_problems(summary)


def _fail_on_file_problems(summary: Any) -> None:
    """Every readable file was stored; still, a file that could not be read whole must not
    look like a clean run to a scheduler, so list them and exit non-zero."""
    if not summary.file_problems:
        return
    err_console.print("Archive files not read whole (their problems are in `pathmine quarantine`):")
    for problem in summary.file_problems:
        err_console.print(f"  {problem}", highlight=False, markup=False, soft_wrap=True)
    raise CliError(
        f"{len(summary.file_problems)} file-level problem(s); the rest of the archive was ingested"
    )


def sample_archive() -> Path:
    """The bundled sample archive (the seed case and its controls)."""
    path = Path(str(resources.files("pathmine") / "sample_archive" / "reports.jsonl"))
    if not path.exists():
        raise CliError("the bundled sample archive is missing from this installation")
    return path


@app.command()
def demo(
    db: DbOption = None,
    serve: Annotated[
        bool,
        typer.Option(
            "--serve", help="Then open the review app with a demo reviewer (password printed)."
        ),
    ] = False,
    port: Annotated[int, typer.Option(help="Port for --serve.")] = 8000,
) -> None:
    """Ingest the bundled sample archive (seed case + controls) and print the flags."""
    archive = sample_archive()
    console.print(f"Ingesting bundled sample archive: {archive}")
    summary = _ingest([archive], db, "jsonl", None, 100, 1_000_000, progress=sys.stderr.isatty())
    _print_summary(summary)
    _print_flags(_existing_engine(db), None, None, None, OutputFormat.table)
    if serve:
        from pathmine.cli_serve import serve_demo

        serve_demo(db or state.db, port)


# -- extract (no database) --------------------------------------------------------------------


def _extract_inputs(
    stream: io.TextIOBase | Any,
) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, record, error) per JSONL line, streamed; a plain-text input is one report.

    The first non-blank line decides: a JSON object means JSONL, anything else means the
    whole input is the text of a single report.
    """
    lines = iter(stream)
    head: list[str] = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    if not "".join(head).lstrip().startswith("{"):
        yield 1, {"text": "".join(head) + "".join(lines)}, None
        return
    for number, line in enumerate(itertools.chain(head, lines), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"malformed JSON: {exc.msg}"
            continue
        if (
            not isinstance(obj, dict)
            or not isinstance(obj.get("text"), str)
            or not obj["text"].strip()
        ):
            yield number, None, "no non-empty 'text' field"
            continue
        yield number, obj, None


@app.command()
def extract(
    file: Annotated[
        str,
        typer.Argument(
            help="JSONL file (same fields as ingest), a plain-text report, or - for stdin."
        ),
    ],
) -> None:
    """Run the NLP only (no database) and print one mentions JSON object per report."""
    from datetime import date

    from pathmine.export import mention_object
    from pathmine.nlp import default_extractor

    if file == "-":
        handle: Any = sys.stdin
    else:
        path = Path(file)
        if not path.is_file():
            raise CliError(f"no such file: {file}")
        handle = path.open(encoding="utf-8", errors="replace")
    extractor = default_extractor()
    bad = 0
    with handle:
        for number, record, error in _extract_inputs(handle):
            if record is None:
                bad += 1
                err_console.print(f"line {number}: skipped: {error}")
                continue

            def as_date(value: Any) -> date | None:
                try:
                    return date.fromisoformat(str(value)) if value else None
                except ValueError:
                    return None

            extraction = extractor.extract(record["text"])
            obj = mention_object(
                extraction,
                report_id=_str_or_none(record.get("report_id")),
                patient_id=_str_or_none(record.get("patient_id")),
                report_date=as_date(record.get("report_date")),
                specimen_date=as_date(record.get("specimen_date")),
                report_type=record.get("report_type") or extraction.inferred_report_type,
            )
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    if bad:
        raise CliError(f"{bad} input line(s) could not be read (see messages above)")


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


# -- flags ------------------------------------------------------------------------------------


def _print_flags(
    engine: Any, status: str | None, kind: str | None, patient: str | None, fmt: OutputFormat
) -> None:
    from pathmine.export import FLAG_FIELDS, iter_flags
    from pathmine.flags import format_interval

    rows = list(iter_flags(engine, status=status, kind=kind, patient_id=patient))
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt is OutputFormat.csv:
        _write_csv(sys.stdout, rows, FLAG_FIELDS)
        return
    table = Table(title=f"Flags ({len(rows)})")
    for col in (
        "flag_id",
        "patient",
        "kind",
        "severity",
        "status",
        "prior report",
        "later report",
        "interval",
    ):
        table.add_column(col, overflow="fold")
    for r in rows:
        days = r["interval_days"]
        table.add_row(
            r["flag_id"],
            r["patient_id"],
            r["kind"],
            r["severity"],
            r["status"],
            r["prior_report_id"],
            r["later_report_id"],
            format_interval(days),
        )
    console.print(table)
    for r in rows:
        console.print(Text(_safe(f"{r['flag_id']}: {r['explanation']}")))
        if r.get("recommended_action"):
            console.print(Text(f"  action: {r['recommended_action']}"))


@flags_app.callback()
def flags(
    ctx: typer.Context,
    status: Annotated[FlagStatus | None, typer.Option(help="Only flags with this status.")] = None,
    kind: Annotated[FlagKind | None, typer.Option(help="Only flags of this kind.")] = None,
    patient: Annotated[str | None, typer.Option(help="Only this patient_id.")] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="table, csv or json.")
    ] = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List discrepancy flags (filters: --status, --kind, --patient)."""
    if ctx.invoked_subcommand is None:
        _print_flags(
            _existing_engine(db),
            status.value if status else None,
            kind.value if kind else None,
            patient,
            fmt,
        )


@flags_app.command("show")
def flags_show(
    flag_id: Annotated[str, typer.Argument(help="The flag id, e.g. F-1a2b3c4d5e6f7a8b.")],
    db: DbOption = None,
) -> None:
    """Show one flag: explanation, the evidence sentences and the review history."""
    from pathmine.store import queries

    detail = queries.flag_detail(_existing_engine(db), flag_id)
    if detail is None:
        raise CliError(f"no flag with id {flag_id}")
    row = detail.flag
    console.print(
        f"[bold]{row.flag_id}[/]  {row.kind}  severity={row.severity}  status={row.status}"
    )
    console.print(Text(_safe(row.explanation)))
    if row.recommended_action:
        console.print(Text.assemble(("recommended action: ", "bold"), row.recommended_action))
    if row.retired_reason:
        console.print(Text.assemble(("retired: ", "yellow"), _safe(row.retired_reason)))
    for ev in row.evidence:
        console.print(
            Text(
                _safe(
                    f"- {ev['role']}: report {ev['report_id']} [{ev.get('section') or '-'}] "
                    f"chars {ev['start']}-{ev['end']} rule {ev['rule_id']}"
                )
            )
        )
        console.print(Text(_safe(f"    “{ev['sentence']}”")))
    console.print(f"Review history ({len(detail.reviews)}):")
    for rv in detail.reviews:
        console.print(
            Text(
                _safe(
                    f"  {rv.created_at:%Y-%m-%d %H:%M} {rv.reviewer}: {rv.decision}"
                    + (f" — {rv.comment}" if rv.comment else "")
                )
            )
        )


@flags_app.command("review")
def flags_review(
    flag_id: Annotated[str, typer.Argument(help="The flag id.")],
    decision: Annotated[
        Decision, typer.Option(help="confirmed, dismissed, needs_second_review or open.")
    ],
    reviewer: Annotated[str, typer.Option(help="Who decided (recorded in the audit trail).")],
    comment: Annotated[str | None, typer.Option(help="Free-text reason.")] = None,
    db: DbOption = None,
) -> None:
    """Record a review decision (append-only audit trail; survives re-runs)."""
    from pathmine.store import queries

    reviewer = reviewer.strip()
    if not reviewer:
        # an audit trail entry "dismissed by " accounts for nobody
        raise typer.BadParameter("must name who decided", param_hint="--reviewer")

    engine = _existing_engine(db)
    try:
        queries.record_decision(engine, flag_id, decision.value, reviewer, comment)
    except (LookupError, ValueError) as exc:
        raise CliError(str(exc)) from exc
    console.print(f"{flag_id}: {decision.value} by {reviewer}")


# -- show / export / quarantine / db ----------------------------------------------------------


@app.command()
def show(
    report_id: Annotated[str, typer.Argument(help="The report's accession (report_id).")],
    version: Annotated[
        int | None, typer.Option(help="A specific version (default: latest).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Print a report's text with its extracted diagnoses, stains and features highlighted."""
    from pathmine.store import queries

    report = queries.report_view(_existing_engine(db), report_id, version)
    if report is None:
        raise CliError(f"no report {report_id}" + (f" version {version}" if version else ""))
    extraction = report.extraction
    console.print(
        Text.assemble(
            (_safe(report.report_id), "bold"),
            _safe(
                f" v{report.version}  patient {report.patient_id}  {report.report_type} "
                f"({report.report_type_source})  report {report.report_date}  "
                f"specimen {report.specimen_date or '-'}  {report.institution or ''}"
            ),
        )
    )
    # the text as sent, but never raw to a terminal: escapes become visible symbols of
    # the same length, so the highlighted spans stay where the extraction found them
    text = Text(_safe(report.text))
    for d in extraction.diagnoses:
        text.stylize("bold red" if d.behavior >= 3 else "bold green", d.start, d.end)
    for s in extraction.stains:
        text.stylize("bold cyan", s.start, s.end)
    console.print(text)
    dx = Table(title="Diagnoses")
    for col in ("term", "icdo3", "assertion", "section", "site", "chars", "rule"):
        dx.add_column(col, overflow="fold")
    for d in extraction.diagnoses:
        dx.add_row(
            d.term,
            d.icdo3,
            d.assertion,
            d.section or "-",
            d.site or "-",
            f"{d.start}-{d.end}",
            d.rule_id,
        )
    console.print(dx)
    st = Table(title="Stains")
    for col in ("marker", "text", "result", "intensity", "extent", "percent", "rule"):
        st.add_column(col, overflow="fold")
    for s in extraction.stains:
        st.add_row(
            s.marker,
            Text(_safe(s.text)),
            s.result,
            s.intensity or "-",
            s.extent or "-",
            "-" if s.percent is None else f"{s.percent:g}%",
            s.rule_id,
        )
    console.print(st)
    console.print(f"Features: {json.dumps(extraction.features_summary())}")
    console.print(f"Pipeline: {extraction.pipeline_version}")


# C0 controls (but tab and newline), DEL and C1 controls: ANSI escapes start with ESC or CSI
_TERMINAL_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control picture: "␛" for ESC
    return "\u2421" if code == 0x7F else "\ufffd"


def _safe(value: str) -> str:
    """Stored text made safe to print: every control character that could move the cursor,
    recolour or retitle a terminal becomes one visible character (offsets unchanged)."""
    return _TERMINAL_UNSAFE.sub(_visible, value)


def _write_csv(out: Any, rows: Iterable[dict[str, Any]], fields: Iterable[str]) -> None:
    fields = list(fields)
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in row.items()}
        )


def _flatten_mentions(objs: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """CSV has no nesting: one row per diagnosis or stain, with the report's fields."""
    from pathmine.export import REPORT_FIELDS

    for obj in objs:
        base = {k: obj[k] for k in REPORT_FIELDS}
        for d in obj["diagnoses"]:
            yield {**base, "kind": "diagnosis", **d}
        for s in obj["stains"]:
            yield {**base, "kind": "stain", **s}


@app.command()
def export(
    what: Annotated[ExportWhat, typer.Argument(help="mentions or flags.")],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="jsonl or csv.")
    ] = ExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export mentions (one object per report) or flags in the stable export contract."""
    from pathmine.export import FLAG_FIELDS, MENTION_CSV_FIELDS, iter_flags, iter_mentions

    engine = _existing_engine(db)
    rows: Iterable[dict[str, Any]] = (
        iter_mentions(engine) if what is ExportWhat.mentions else iter_flags(engine)
    )
    out: Any = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt is ExportFormat.jsonl:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        elif what is ExportWhat.mentions:
            _write_csv(out, _flatten_mentions(rows), MENTION_CSV_FIELDS)
        else:
            _write_csv(out, rows, FLAG_FIELDS)
    finally:
        if output:
            out.close()


@app.command()
def quarantine(
    run: Annotated[
        int | None, typer.Option(help="Only records quarantined by this ingest run.")
    ] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="table (with a summary by kind), csv or json.")
    ] = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List quarantined records: source, location and reason (never the record's text)."""

    from pathmine.ingest.validate import reason_kind
    from pathmine.store import queries

    fields = ("run_id", "source", "location", "report_id", "reason")
    records = [
        {k: getattr(item, k) for k in fields}
        for item in queries.quarantine_items(_existing_engine(db), run)
    ]
    if fmt is OutputFormat.csv:
        _write_csv(sys.stdout, records, fields)
        return
    if fmt is OutputFormat.json:
        for r in records:
            sys.stdout.write(json.dumps(r) + "\n")
        return
    table = Table(title="Quarantine")
    for col in ("run", "source", "location", "report_id", "reason"):
        table.add_column(col, overflow="fold")
    kinds: dict[str, int] = {}
    for r in records:
        table.add_row(
            str(r["run_id"] or "-"),
            _safe(r["source"]),
            r["location"],
            _safe(r["report_id"] or "-"),
            r["reason"],
        )
        kind = reason_kind(r["reason"])
        kinds[kind] = kinds.get(kind, 0) + 1
    table.caption = f"{len(records)} record(s)"
    console.print(table)
    if kinds:
        console.print("By kind:")
        for kind, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
            console.print(f"  {count:>6}  {kind}", highlight=False, markup=False)


@app.command()
def runs(
    limit: Annotated[int, typer.Option(min=1, help="How many of the latest runs.")] = 20,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="table, csv or json.")] = (
        OutputFormat.table
    ),
    db: DbOption = None,
) -> None:
    """List ingest runs, newest first: status, counts, and the process that ran them.

    A run whose process is gone (killed, machine lost) is shown as interrupted once the next
    ingest starts; a rerun of the same archives finishes its work."""
    from dataclasses import asdict

    from pathmine.store import queries

    rows = queries.list_runs(_existing_engine(db), limit)
    fields = [
        "id",
        "status",
        "started_at",
        "finished_at",
        "n_read",
        "n_stored",
        "n_unchanged",
        "n_quarantined",
        "n_flags_raised",
        "n_flags_retired",
        "host",
        "pid",
        "pipeline_version",
    ]
    records = [{k: asdict(r)[k] for k in fields} for r in rows]
    if fmt is OutputFormat.csv:
        _write_csv(sys.stdout, records, fields)
        return
    if fmt is OutputFormat.json:
        for rec in records:
            sys.stdout.write(json.dumps(rec, default=str) + "\n")
        return
    table = Table(title="Ingest runs")
    for col in (
        "run",
        "status",
        "started",
        "finished",
        "read",
        "stored",
        "unchanged",
        "quarantined",
        "flags +/-",
        "host/pid",
    ):
        table.add_column(col, justify="right" if col in ("read", "stored") else "left")
    for r in rows:
        table.add_row(
            str(r.id),
            r.status,
            f"{r.started_at:%Y-%m-%d %H:%M}",
            f"{r.finished_at:%Y-%m-%d %H:%M}" if r.finished_at else "-",
            str(r.n_read),
            str(r.n_stored),
            str(r.n_unchanged),
            str(r.n_quarantined),
            f"+{r.n_flags_raised}/-{r.n_flags_retired}",
            f"{r.host or '-'}/{r.pid or '-'}",
        )
    console.print(table)


def _read_floors(
    path: Path | None, set_name: str | None, pairs: list[str] | None
) -> dict[str, float]:
    """Floors from a JSON file (flat, or keyed by gold set as corpora/floors.json) and --floor."""
    floors: dict[str, float] = {}
    if path is not None:
        if not path.is_file():
            raise CliError(f"no such floors file: {path}")
        data = json.loads(path.read_text(encoding="utf-8"))
        if data and all(isinstance(v, dict) for v in data.values()):
            if set_name not in data:
                raise CliError(
                    f"{path} holds floors per gold set: pass --floors-set, one of "
                    + ", ".join(sorted(data))
                )
            data = data[set_name]
        floors.update({k: float(v) for k, v in data.items()})
    for item in pairs or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise CliError(f"--floor expects METRIC=VALUE, got {item!r}")
        floors[key.strip()] = float(value)
    return floors


@app.command()
def evaluate(
    reports: Annotated[
        Path | None,
        typer.Argument(help="Reports JSONL (omit when every gold line names its text 'file')."),
    ] = None,
    gold: Annotated[
        Path, typer.Option(help="Gold JSONL: report_id, diagnoses, stains, features.")
    ] = Path("corpora/dev/gold.jsonl"),
    flags_gold: Annotated[
        Path | None,
        typer.Option(help="Flag gold JSONL: patient_id, kind, lineage, prior/later report ids."),
    ] = None,
    markdown: Annotated[
        Path | None, typer.Option(help="Also write a Markdown report here.")
    ] = None,
    floors: Annotated[
        Path | None, typer.Option(help="JSON file of metric floors, e.g. corpora/floors.json.")
    ] = None,
    floor: Annotated[
        list[str] | None, typer.Option(help="A floor, e.g. --floor diagnoses.f1=0.95 (repeatable).")
    ] = None,
    floors_set: Annotated[
        str | None, typer.Option(help="Which gold set's floors to use from a per-set floors file.")
    ] = None,
) -> None:
    """Score extraction (and flags) against gold: P/R/F1, every miss and false hit."""
    from pathmine import evaluate as ev

    wanted = _read_floors(floors, floors_set, floor)
    try:
        result = ev.evaluate(gold, reports, flags_gold=flags_gold)
    except ev.EvaluationError as exc:
        raise CliError(str(exc)) from exc
    sys.stdout.write(ev.render_text(result) + "\n")
    if markdown is not None:
        command = (
            "pathmine evaluate " + " ".join(sys.argv[2:])
            if len(sys.argv) > 2
            else "pathmine evaluate"
        )
        markdown.write_text(ev.render_markdown(result, command), encoding="utf-8")
    below = ev.check_floors(result, wanted)
    if below:
        raise CliError("below the accuracy floor: " + "; ".join(below))


@app.command()
def stats(
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="table, csv or json.")
    ] = OutputFormat.table,
    home_institution: Annotated[
        str | None,
        typer.Option(help="Your institution, for in-house vs outside (default: the commonest)."),
    ] = None,
    include_retired: Annotated[
        bool, typer.Option("--include-retired", help="Count retired flags too.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Audit statistics: flags by kind, lineage, institution, year, status; intervals; rates."""
    from dataclasses import asdict

    from pathmine.stats import audit_stats, long_rows

    result = audit_stats(
        _existing_engine(db), home_institution=home_institution, include_retired=include_retired
    )
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(asdict(result), indent=2) + "\n")
        return
    if fmt is OutputFormat.csv:
        _write_csv(sys.stdout, long_rows(result), ("section", "key", "value"))
        return
    console.print(
        f"[bold]{result.n_flags}[/] flag(s); in-house institution: {result.home_institution or '-'}"
    )
    for section, values in result.sections().items():
        table = Table(title=f"by {section}")
        table.add_column(section)
        table.add_column("value", justify="right")
        for key, value in values.items():
            table.add_row(str(key), "-" if value is None else f"{value:g}")
        console.print(table)
    rates = Table(title="discordance rate per institution (flagged benign sign-outs)")
    for col in ("institution", "flagged reports", "benign reports", "rate"):
        rates.add_column(col, justify="left" if col == "institution" else "right")
    for inst, rate in result.discordance_rate.items():
        rates.add_row(
            inst, str(rate["flagged_reports"]), str(rate["benign_reports"]), f"{rate['rate']:.2%}"
        )
    console.print(rates)


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    db: DbOption = None,
) -> None:
    """Create or upgrade the schema with the Alembic migrations shipped in the package."""
    from pathmine.store import current_revision, upgrade

    engine = _engine(db)
    upgrade(engine, revision)
    console.print(f"database at revision {current_revision(engine)}")


@db_app.command("current")
def db_current(db: DbOption = None) -> None:
    """Print the schema revision of the database (none if not created)."""
    from pathmine.store import current_revision

    console.print(str(current_revision(_engine(db))))


# -- corpus (synthetic archives) --------------------------------------------------------------

corpus_app = typer.Typer(
    help="Synthetic report archives with gold mentions and planted flags.", no_args_is_help=True
)


@corpus_app.command("generate")
def corpus_generate(
    patients: Annotated[int, typer.Option("--patients", min=1, help="Number of patients.")],
    out: Annotated[Path, typer.Option("--out", help="Output directory (created if missing).")],
    seed: Annotated[int, typer.Option("--seed", help="Random seed (same seed, same bytes).")] = 0,
    flag_rate: Annotated[
        float,
        typer.Option(
            "--flag-rate",
            min=0.0,
            max=0.5,
            help="Share of patients with a planted discrepancy (as many near-miss controls).",
        ),
    ] = 0.015,
) -> None:
    """Write reports.jsonl, gold_mentions.jsonl, gold_flags.jsonl and manifest.json (streamed)."""
    import time

    from pathmine.synth import generate

    started = time.perf_counter()
    summary = generate(patients, seed, out, flag_rate=flag_rate)
    elapsed = max(time.perf_counter() - started, 1e-9)
    counts = summary.manifest()["counts"]
    console.print(
        f"{summary.reports_written} report(s) ({summary.report_ids} ids) for {patients} "
        f"patient(s) in {elapsed:.1f} s ({summary.reports_written / elapsed:.0f} reports/s); "
        f"mean {counts['mean_text_bytes']:.0f} bytes; gold flags: "
        + (", ".join(f"{k} {v}" for k, v in counts["gold_flags_by_kind"].items()) or "none")
        + f" -> {out}"
    )


app.add_typer(corpus_app, name="corpus")


# the review app's commands (serve, users, audit) live in their own module, which adds them
# to ``app``; imported here, after everything it uses is defined
from pathmine import cli_serve  # noqa: E402, F401

# -- entry point ------------------------------------------------------------------------------


def _one_line(exc: BaseException) -> str:
    from pathmine.store.errors import one_line

    if isinstance(exc, CliError):
        return str(exc)
    database = one_line(exc)
    if database is not None:
        return database
    if isinstance(exc, OSError):
        return f"{exc.strerror or type(exc).__name__}: {exc.filename or ''}".strip()
    from pathmine.safe_errors import scrub_message

    return f"{type(exc).__name__}: {scrub_message(str(exc))}"


def _is_usage_error(exc: BaseException) -> bool:
    """A Click usage error (bad option value, missing argument): Click prints it itself.
    Typer vendors its own copy of Click, so the class is recognised by its interface."""
    return callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int)


def main() -> None:
    """Console-script entry point: one line per error, traceback only with --debug."""
    debug = "--debug" in sys.argv
    try:
        app(standalone_mode=False)
    except KeyboardInterrupt:
        err_console.print("interrupted: committed batches are kept; rerun to finish")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(1)
    except Exception as exc:
        if _is_usage_error(exc):
            exc.show()  # type: ignore[attr-defined]
            sys.exit(exc.exit_code)  # type: ignore[attr-defined]
        if debug:
            from pathmine.safe_errors import safe_traceback

            # never the raw traceback: driver messages and parse errors quote values (PHI)
            sys.stderr.write(safe_traceback(exc))
        err_console.print(f"error: {_one_line(exc)}", highlight=False, markup=False, soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
