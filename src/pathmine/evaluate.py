"""Score the extraction pipeline (and optionally the flag rules) against hand-made gold.

``evaluate()`` is the library behind ``pathmine evaluate``: it reads a gold JSONL file, the
report texts (from a report archive and/or text files the gold lines point at), runs the
extractor once per text, and compares per report:

* diagnoses on DISTINCT ``(icdo3, assertion)`` pairs,
* stains on DISTINCT ``(marker, result)`` pairs,
* features (``mitoses_per_10hpf`` within ±0.5, ``tumor_cell_necrosis`` as a bool, ``atypia``
  as an exact string) on the keys the gold line has; a key absent from gold is not scored.

Counts are micro-averaged over reports. Zero denominators: precision is 1.0 when nothing was
predicted (tp + fp == 0), recall is 1.0 when nothing was expected (tp + fn == 0), and F1 is
0.0 when precision + recall == 0. Assertion accuracy follows the same rule (1.0 when no gold
diagnosis had its code predicted). Every miss and false hit is kept with the sentences that
explain it, so ``docs/accuracy.md`` can show why a number is what it is.

Scoring is split from loading: ``score_extractions()`` is pure (gold + extractions in, result
out) and ``score_flags()`` compares flag tuples; ``evaluate()`` does the I/O around them.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from pathmine.records import ASSERTIONS, Extraction, Flag, Rejected, Report, TimelineEntry

CATEGORIES: tuple[str, ...] = ("diagnoses", "stains", "features")
FEATURE_KEYS: tuple[str, ...] = (
    "mitoses_per_10hpf",
    "mitoses_per_mm2",
    "tumor_cell_necrosis",
    "atypia",
    "mdm2_amplified",
)
STAIN_RESULTS: tuple[str, ...] = ("positive", "negative", "equivocal")
MITOSES_TOLERANCE = 0.5
FLAG_FIELDS: tuple[str, ...] = ("patient_id", "kind")
FLAG_PAIR_FIELDS: tuple[str, ...] = ("prior_report_id", "later_report_id")
FLOOR_KEYS: tuple[str, ...] = (
    *(f"{c}.{m}" for c in (*CATEGORIES, "flags") for m in ("precision", "recall", "f1")),
    "assertion_accuracy",
)
_MAX_LISTED = 20  # problems listed in one EvaluationError message

Pair = tuple[str, str]
# (patient_id, kind, lineage): FLAG-RULES.md scores one flag per patient, kind and lineage.
FlagKey = tuple[str, str, str]


class EvaluationError(Exception):
    """The gold or report inputs cannot be evaluated as given (bad line, unknown report).

    The message names files, line numbers and report ids; never report text.
    """


class TextExtractor(Protocol):
    def extract_many(self, texts: Iterable[str]) -> Iterable[Extraction]: ...


# -- records ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Score:
    """Micro-averaged counts and rates for one category (zero-denominator rule: see module)."""

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, tp: int, fp: int, fn: int) -> Score:
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(tp, fp, fn, precision, recall, f1)


@dataclass(frozen=True, slots=True)
class GoldReport:
    """One gold line: the distinct pairs and the feature keys the annotator filled in."""

    report_id: str
    diagnoses: frozenset[Pair] = frozenset()
    stains: frozenset[Pair] = frozenset()
    features: Mapping[str, Any] = field(default_factory=dict)
    file: Path | None = None  # text lives here instead of in the report archive
    line: int = 0
    record_id: str | None = None  # with ``file``: the JSONL record whose "id" this is


@dataclass(frozen=True, slots=True)
class EvalError:
    """One miss (``kind='miss'``, a gold pair not predicted) or false hit (``'false_hit'``).

    ``sentences`` come from the prediction: for a false hit, the predicted mentions'
    sentences; for a miss, sentences of predicted mentions with the same code, marker or
    feature (often the same finding with a wrong assertion or result), else empty.
    """

    category: str
    kind: str
    report_id: str
    pair: Pair
    sentences: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class GoldFlag:
    """One expected flag. ``lineage`` is the lineage family (``""``: any, for gold written
    before lineages were recorded); the pair, when given, scores the exact-pair figure."""

    patient_id: str
    kind: str
    lineage: str = ""
    prior_report_id: str = ""
    later_report_id: str = ""


@dataclass(frozen=True, slots=True)
class FlagError:
    """A gold flag not raised (``'miss'``), a raised flag not in gold (``'false_flag'``), or
    a raised flag whose key is right but whose pair is not the canonical one
    (``'wrong_pair'``)."""

    kind: str
    patient_id: str
    flag_kind: str
    prior_report_id: str
    later_report_id: str
    explanation: str = ""
    lineage: str = ""


@dataclass(frozen=True, slots=True)
class FlagFigures:
    """The secondary flag figures of FLAG-RULES.md: exact-pair precision (every raised
    flag, duplicates included, against the gold pair of its key) and control patients
    (patients of the archive without a gold flag) that got a flag."""

    raised: int = 0
    exact_pairs: int = 0
    controls: int = 0
    controls_flagged: int = 0

    @property
    def pair_precision(self) -> float:
        return self.exact_pairs / self.raised if self.raised else 1.0


@dataclass
class EvaluationResult:
    diagnoses: Score
    stains: Score
    features: Score
    assertion_accuracy: float
    assertion_correct: int
    assertion_total: int
    errors: list[EvalError] = field(default_factory=list)
    n_reports: int = 0
    n_unannotated: int = 0
    n_rejected: int = 0
    pipeline_version: str = ""
    flags: Score | None = None
    flag_errors: list[FlagError] = field(default_factory=list)
    flag_figures: FlagFigures | None = None
    # gold assertion -> predicted assertion -> count, on diagnoses whose code was predicted
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    # the set's recorded first-run (blind) figures, when it has a ``first_run.json``
    first_run: dict[str, Any] | None = None

    def score(self, category: str) -> Score | None:
        if category == "flags":
            return self.flags
        if category in CATEGORIES:
            score: Score = getattr(self, category)
            return score
        raise ValueError(f"unknown category {category!r}")

    def metrics(self) -> dict[str, float]:
        """Flat ``{"diagnoses.f1": 0.93, ..., "assertion_accuracy": 0.9}`` (flags if scored)."""
        out: dict[str, float] = {}
        for category in (*CATEGORIES, "flags"):
            score = self.score(category)
            if score is not None:
                for metric in ("precision", "recall", "f1"):
                    out[f"{category}.{metric}"] = getattr(score, metric)
        out["assertion_accuracy"] = self.assertion_accuracy
        if self.flag_figures is not None:
            out["flags.pair_precision"] = self.flag_figures.pair_precision
            out["flags.controls_flagged"] = float(self.flag_figures.controls_flagged)
        return out

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- pure scoring -----------------------------------------------------------------------------


def _sentences(items: Iterable[Any]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(i.sentence) for i in items))


def _score_pairs(
    category: str,
    report_id: str,
    gold: frozenset[Pair],
    mentions: Sequence[Any],
    key: Any,
) -> tuple[int, list[EvalError]]:
    """Compare distinct pairs; ``key`` maps a predicted mention to its pair."""
    by_pair: dict[Pair, list[Any]] = defaultdict(list)
    by_first: dict[str, list[Any]] = defaultdict(list)
    for m in mentions:
        pair = key(m)
        by_pair[pair].append(m)
        by_first[pair[0]].append(m)
    predicted = set(by_pair)
    errors = []
    for pair in sorted(gold - predicted):
        near = by_first.get(pair[0], [])
        note = ""
        if near:
            others = sorted({key(m)[1] for m in near})
            note = f"predicted {pair[0]} as {', '.join(others)}"
        errors.append(EvalError(category, "miss", report_id, pair, _sentences(near), note))
    for pair in sorted(predicted - gold):
        errors.append(EvalError(category, "false_hit", report_id, pair, _sentences(by_pair[pair])))
    return len(gold & predicted), errors


def _fmt_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _feature_matches(key: str, gold: Any, pred: Any) -> bool:
    if key in ("mitoses_per_10hpf", "mitoses_per_mm2"):
        return abs(float(gold) - float(pred)) <= MITOSES_TOLERANCE
    if key == "atypia":  # the grade is scored; focal/diffuse is a detail
        # "severe, diffuse" and "severe diffuse" are one grade
        return str(gold).replace(",", " ").split()[0] == str(pred).replace(",", " ").split()[0]
    return bool(gold == pred)


def _score_features(
    report_id: str, gold: Mapping[str, Any], extraction: Extraction
) -> tuple[int, int, int, list[EvalError]]:
    """A gold value with no prediction is a miss; a different prediction is a miss and a
    false hit; a gold ``null`` (annotator: not reported) with a prediction is a false hit."""
    summary = extraction.features_summary()
    tp = fp = fn = 0
    errors = []
    for key in sorted(gold):
        want, got = gold[key], summary.get(key)
        sents = _sentences(f for f in extraction.features if f.name == key)
        if want is not None and got is not None and _feature_matches(key, want, got):
            tp += 1
            continue
        if want is not None:
            fn += 1
            note = f"predicted {_fmt_value(got)}" if got is not None else ""
            errors.append(
                EvalError("features", "miss", report_id, (key, _fmt_value(want)), sents, note)
            )
        if got is not None:
            fp += 1
            errors.append(
                EvalError("features", "false_hit", report_id, (key, _fmt_value(got)), sents)
            )
    return tp, fp, fn, errors


def score_extractions(
    gold: Mapping[str, GoldReport],
    extractions: Mapping[str, Extraction],
    scored_markers: frozenset[str] | None = None,
) -> EvaluationResult:
    """Score each gold report against its extraction (every gold id must have one).

    Stains are scored on ``scored_markers`` only (the canonical markers of ANNOTATION.md
    section 4, ``stains.json`` ``scored``; default: those of the packaged rules): other
    stains may be extracted but are not scored, on either side.

    Assertion accuracy counts, per report, each distinct gold ``(icdo3, assertion)`` pair
    whose icdo3 the prediction has with any assertion; it is correct when the prediction
    also has that exact pair.
    """
    missing = sorted(set(gold) - set(extractions))
    if missing:
        raise EvaluationError(f"no extraction for gold report(s): {', '.join(missing)}")
    if scored_markers is None:
        scored_markers = _packaged_scored_markers()
    counts = {c: [0, 0, 0] for c in CATEGORIES}
    errors: list[EvalError] = []
    confusion: dict[str, dict[str, int]] = {}
    correct = total = 0
    for report_id in sorted(gold):
        g, ext = gold[report_id], extractions[report_id]
        stains = [s for s in ext.stains if s.marker in scored_markers]
        gold_stains = frozenset(p for p in g.stains if p[0] in scored_markers)
        for category, gold_pairs, mentions, key in (
            (
                "diagnoses",
                g.diagnoses,
                ext.diagnoses,
                lambda m: (scored_code(m.icdo3), m.assertion),
            ),
            ("stains", gold_stains, stains, lambda s: (s.marker, s.result)),
        ):
            tp, errs = _score_pairs(category, report_id, gold_pairs, mentions, key)
            predicted = {key(m) for m in mentions}
            counts[category][0] += tp
            counts[category][1] += len(predicted) - tp
            counts[category][2] += len(gold_pairs) - tp
            errors.extend(errs)
        predicted_dx = {(scored_code(m.icdo3), m.assertion) for m in ext.diagnoses}
        predicted_codes = {code for code, _ in predicted_dx}
        _confuse(confusion, g.diagnoses, predicted_dx)
        for pair in g.diagnoses:
            if pair[0] in predicted_codes:
                total += 1
                correct += pair in predicted_dx
        tp, fp, fn, errs = _score_features(report_id, g.features, ext)
        for i, n in enumerate((tp, fp, fn)):
            counts["features"][i] += n
        errors.extend(errs)
    order = {c: i for i, c in enumerate(CATEGORIES)}
    errors.sort(key=lambda e: (order[e.category], e.report_id, e.kind != "miss", e.pair))
    return EvaluationResult(
        diagnoses=Score.of(*counts["diagnoses"]),
        stains=Score.of(*counts["stains"]),
        features=Score.of(*counts["features"]),
        assertion_accuracy=correct / total if total else 1.0,
        assertion_correct=correct,
        assertion_total=total,
        errors=errors,
        n_reports=len(gold),
        confusion=confusion,
    )


def _confuse(
    confusion: dict[str, dict[str, int]], gold: frozenset[Pair], predicted: set[Pair]
) -> None:
    """Count gold vs predicted assertion per code the prediction also has: a matched pair on
    the diagonal, an unmatched gold assertion against each unmatched predicted one."""
    by_code: dict[str, tuple[set[str], set[str]]] = {}
    for code, assertion in gold:
        by_code.setdefault(code, (set(), set()))[0].add(assertion)
    for code, assertion in predicted:
        if code in by_code:
            by_code[code][1].add(assertion)
    for wanted, got in by_code.values():
        if not got:
            continue
        for a in wanted & got:
            row = confusion.setdefault(a, {})
            row[a] = row.get(a, 0) + 1
        for a in wanted - got:
            row = confusion.setdefault(a, {})
            for p in got - wanted:
                row[p] = row.get(p, 0) + 1


def _packaged_scored_markers() -> frozenset[str]:
    from pathmine.nlp.rules import load_rules

    return frozenset(load_rules().stains.scored)


def score_flags(
    gold: Iterable[GoldFlag],
    predicted: Iterable[Flag],
    patients: Iterable[str] = (),
) -> tuple[Score, list[FlagError], FlagFigures]:
    """Precision/recall on distinct ``(patient_id, kind, lineage)`` (FLAG-RULES.md), plus
    exact-pair precision over every raised flag and the control patients flagged.

    A gold flag without a lineage matches a raised flag of any lineage. A false flag carries
    its own explanation; a miss lists what was raised instead for the same patient.
    """
    wanted = list(gold)
    raised_flags = list(predicted)
    by_key: dict[FlagKey, list[Flag]] = defaultdict(list)
    for f in raised_flags:
        by_key[(f.patient_id, f.kind, f.lineage)].append(f)

    def matches(g: GoldFlag, key: FlagKey) -> bool:
        return key[:2] == (g.patient_id, g.kind) and g.lineage in ("", key[2])

    matched: dict[int, FlagKey] = {}
    used: set[FlagKey] = set()
    for n, g in enumerate(wanted):
        key = next((k for k in sorted(by_key) if k not in used and matches(g, k)), None)
        if key is not None:
            matched[n] = key
            used.add(key)
    errors: list[FlagError] = []
    exact = 0
    for n, g in enumerate(wanted):
        if n not in matched:
            instead = [
                f"{k[1]}/{k[2]}" for k in sorted(by_key) if k[0] == g.patient_id and k not in used
            ]
            note = f"raised instead: {'; '.join(instead)}" if instead else "no flag raised"
            errors.append(
                FlagError(
                    "miss",
                    g.patient_id,
                    g.kind,
                    g.prior_report_id,
                    g.later_report_id,
                    note,
                    g.lineage,
                )
            )
            continue
        pair = (g.prior_report_id, g.later_report_id)
        for f in by_key[matched[n]]:
            if not g.prior_report_id or (f.prior_report_id, f.later_report_id) == pair:
                exact += 1
            else:
                errors.append(
                    FlagError(
                        "wrong_pair",
                        f.patient_id,
                        f.kind,
                        f.prior_report_id,
                        f.later_report_id,
                        f"gold pair {pair[0]} -> {pair[1]}",
                        f.lineage,
                    )
                )
    for key in sorted(set(by_key) - used):
        for f in by_key[key]:
            errors.append(
                FlagError(
                    "false_flag",
                    f.patient_id,
                    f.kind,
                    f.prior_report_id,
                    f.later_report_id,
                    f.explanation,
                    f.lineage,
                )
            )
    tp = len(matched)
    flagged_patients = {f.patient_id for f in raised_flags}
    controls = set(patients) - {g.patient_id for g in wanted}
    figures = FlagFigures(
        raised=len(raised_flags),
        exact_pairs=exact,
        controls=len(controls),
        controls_flagged=len(controls & flagged_patients),
    )
    return Score.of(tp, len(set(by_key) - used), len(wanted) - tp), errors, figures


# -- loading ----------------------------------------------------------------------------------


def _jsonl(path: Path, problems: list[str]) -> Iterable[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read ({type(exc).__name__})") from exc
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {lineno}: not JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            problems.append(f"line {lineno}: expected a JSON object")
            continue
        yield lineno, obj


def _raise_problems(path: Path, problems: list[str]) -> None:
    if problems:
        shown = problems[:_MAX_LISTED]
        more = f"; and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        raise EvaluationError(f"{path}: " + "; ".join(shown) + more)


# Codes ANNOTATION.md section 2 accepts as the same entity: 8850/1 for atypical lipomatous
# tumour / WDLPS, and the subtype codes of melanocytic naevus (dysplastic, junctional,
# intradermal, compound, halo, Spitz, blue…) for 8720/0. Both sides are scored on the
# canonical code, so an annotator's subtype is neither a miss nor a false hit.
SAME_ENTITY: dict[str, str] = {
    "8850/1": "8851/3",
    **{
        f"{code}/0": "8720/0"
        for code in (
            8723,
            8725,
            8726,
            8727,
            8728,
            8730,
            8740,
            8750,
            8760,
            8761,
            8770,
            8771,
            8772,
            8780,
            8790,
        )
    },
}


def scored_code(icdo3: str) -> str:
    """The code a diagnosis is scored on (``SAME_ENTITY``)."""
    return SAME_ENTITY.get(icdo3, icdo3)


def _pairs(
    items: Any,
    first: str,
    second: str,
    allowed: tuple[str, ...],
    where: str,
    problems: list[str],
    canon: Callable[[str], str] | None = None,
) -> frozenset[Pair]:
    if not isinstance(items, list):
        problems.append(f"{where}: expected a list")
        return frozenset()
    out = set()
    for item in items:
        a = item.get(first) if isinstance(item, dict) else None
        b = item.get(second) if isinstance(item, dict) else None
        if not (isinstance(a, str) and a and isinstance(b, str)):
            problems.append(f"{where}: each item needs string {first!r} and {second!r}")
        elif b not in allowed:
            problems.append(f"{where}: {second} {b!r} is not one of {', '.join(allowed)}")
        else:
            out.add((canon(a) if canon else a, b))
    return frozenset(out)


_PER_AREA = re.compile(r"(?i)per\s*(\d+(?:\.\d+)?)?\s*mm(?:2|²|\^2)")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _features(raw: Any, where: str, problems: list[str]) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(f"{where}: features must be an object")
        return {}
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "mitoses_per_10hpf" and isinstance(value, dict):
            # ANNOTATION.md section 5: a count per mm² is kept with its unit
            # ({"value": 7, "unit": "per 5 mm2"}); it is scored as mitoses_per_mm2
            area = _PER_AREA.fullmatch(str(value.get("unit", "")).strip())
            if area is None or not _is_number(value.get("value")):
                problems.append(
                    f"{where}: feature {key!r}: an object needs a number 'value'"
                    " and a 'unit' like 'per 5 mm2'"
                )
                continue
            key, value = "mitoses_per_mm2", value["value"] / float(area.group(1) or 1)
        ok = value is None or {
            "mitoses_per_10hpf": _is_number(value),
            "mitoses_per_mm2": _is_number(value),
            "tumor_cell_necrosis": isinstance(value, bool),
            "mdm2_amplified": isinstance(value, bool),
            "atypia": isinstance(value, str),
        }.get(key, False)
        if key not in FEATURE_KEYS:
            problems.append(f"{where}: unknown feature {key!r} (known: {', '.join(FEATURE_KEYS)})")
        elif not ok:
            problems.append(f"{where}: feature {key!r} has a value of the wrong type")
        else:
            out[key] = value
    return out


def _jsonl_records(path: Path) -> dict[str, dict[str, Any]]:
    """Records of a JSONL text collection by their ``"id"``, or their ``"report_id"`` when
    they have no ``"id"`` (a report archive such as the TCGA copy), compared as strings."""
    problems: list[str] = []
    records = {
        str(obj.get("id", obj.get("report_id"))): obj
        for _, obj in _jsonl(path, problems)
        if "id" in obj or "report_id" in obj
    }
    _raise_problems(path, problems)
    return records


def _record_text(records: Mapping[str, dict[str, Any]], record_id: str) -> str | None:
    text = records.get(record_id, {}).get("text")
    return text if isinstance(text, str) else None


def load_gold(path: Path) -> dict[str, GoldReport]:
    """Read a gold JSONL file; raise ``EvaluationError`` listing every bad line.

    A ``file`` key is resolved against the gold file's directory and must exist. With a
    ``record_id`` key too, the file is a JSONL collection and the text is the ``"text"``
    field of the record whose ``"id"`` equals ``record_id``; that record must exist.
    """
    path = Path(path)
    problems: list[str] = []
    gold: dict[str, GoldReport] = {}
    collections: dict[Path, dict[str, dict[str, Any]]] = {}
    for lineno, obj in _jsonl(path, problems):
        where = f"line {lineno}"
        report_id = obj.get("report_id")
        if not isinstance(report_id, str) or not report_id:
            problems.append(f"{where}: missing report_id")
            continue
        if report_id in gold:
            problems.append(f"{where}: report_id {report_id} repeats line {gold[report_id].line}")
            continue
        text_file = None
        if obj.get("file") is not None:
            if not isinstance(obj["file"], str):
                problems.append(f"{where}: file must be a path string")
                continue
            text_file = (path.parent / obj["file"]).resolve()
            if not text_file.is_file():
                problems.append(f"{where}: file {obj['file']} not found")
                continue
        record_id = obj.get("record_id")
        if record_id is not None:
            if not isinstance(record_id, str) or not record_id:
                problems.append(f"{where}: record_id must be a non-empty string")
                continue
            if text_file is None:
                problems.append(f"{where}: record_id needs a file (a JSONL collection)")
                continue
            if text_file not in collections:
                collections[text_file] = _jsonl_records(text_file)
            if _record_text(collections[text_file], record_id) is None:
                problems.append(
                    f"{where}: no record with id {record_id} and a string text in {obj['file']}"
                )
                continue
        gold[report_id] = GoldReport(
            report_id=report_id,
            diagnoses=_pairs(
                obj.get("diagnoses", []),
                "icdo3",
                "assertion",
                ASSERTIONS,
                where,
                problems,
                canon=scored_code,
            ),
            stains=_pairs(
                obj.get("stains", []), "marker", "result", STAIN_RESULTS, where, problems
            ),
            features=_features(obj.get("features"), where, problems),
            file=text_file,
            line=lineno,
            record_id=record_id,
        )
    _raise_problems(path, problems)
    return gold


def load_flag_gold(path: Path) -> list[GoldFlag]:
    """Read expected flags: ``{patient_id, kind, lineage?, prior_report_id?,
    later_report_id?}`` a line (other keys, such as ``notes``, are ignored)."""
    path = Path(path)
    problems: list[str] = []
    out: list[GoldFlag] = []
    for lineno, obj in _jsonl(path, problems):
        values = [v if isinstance(v := obj.get(k), str) else "" for k in FLAG_FIELDS]
        if not all(values):
            problems.append(f"line {lineno}: needs string {', '.join(FLAG_FIELDS)}")
            continue
        optional = [obj.get(k) or "" for k in ("lineage", *FLAG_PAIR_FIELDS)]
        if not all(isinstance(v, str) for v in optional):
            problems.append(f"line {lineno}: lineage and report ids must be strings")
            continue
        out.append(GoldFlag(values[0], values[1], *optional))
    _raise_problems(path, problems)
    return out


def _first_run(gold_path: Path) -> dict[str, Any] | None:
    """The set's recorded first-run (blind) score: ``<gold stem>.first_run.json`` beside the
    gold file (``batch2.gold.jsonl`` -> ``batch2.first_run.json``), else ``first_run.json``."""
    stem = gold_path.name.split(".")[0]
    for candidate in (
        gold_path.parent / f"{stem}.first_run.json",
        gold_path.parent / "first_run.json",
    ):
        if candidate.is_file():
            data: dict[str, Any] = json.loads(candidate.read_text(encoding="utf-8"))
            return data
    return None


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:  # older exports are often Windows-1252 / Latin-1
        return data.decode("latin-1")


def _read_reports(path: Path) -> tuple[dict[str, Report], int]:
    """Reports by id (a later record with the same id replaces an earlier one) and the
    number of rejected records."""
    from pathmine.ingest import IngestError, read_archive

    reports: dict[str, Report] = {}
    rejected = 0
    try:
        for record in read_archive(path):
            if isinstance(record, Rejected):
                rejected += 1
            else:
                reports[record.report_id] = record
    except IngestError as exc:
        raise EvaluationError(str(exc)) from exc
    return reports, rejected


def _timeline_flags(
    reports: Mapping[str, Report], extractions: Mapping[str, Extraction]
) -> list[Flag]:
    from pathmine.flags import build_timeline, compute_flags, timeline_entry

    by_patient: dict[str, list[TimelineEntry]] = defaultdict(list)
    for report_id, r in reports.items():
        by_patient[r.patient_id].append(
            timeline_entry(
                r.report_id,
                r.report_date,
                r.specimen_date,
                r.report_type,
                r.institution,
                extractions[report_id],
            )
        )
    return [
        f for pid in sorted(by_patient) for f in compute_flags(pid, build_timeline(by_patient[pid]))
    ]


def evaluate(
    gold_path: Path,
    reports_path: Path | None,
    *,
    flags_gold: Path | None = None,
    extractor: TextExtractor | None = None,
) -> EvaluationResult:
    """Run the extractor over the gold reports' texts and score it against the gold.

    Texts come from ``reports_path`` (any archive ``read_archive`` reads) or, for a gold
    line with a ``file`` key, from that file (relative to the gold file; it wins over the
    archive), or with ``file`` + ``record_id`` from one record of a JSONL collection.
    ``reports_path`` may be ``None`` when every gold line has a ``file``. Archive
    reports without a gold line are not scored (``n_unannotated``). With ``flags_gold``
    the flag rules run per patient over the whole archive and are scored too; that needs
    ``reports_path``. Raises ``EvaluationError`` for unreadable or inconsistent inputs,
    e.g. gold report ids found neither in the archive nor via ``file``.
    """
    gold = {} if str(gold_path) == "-" else load_gold(Path(gold_path))
    flag_gold = load_flag_gold(Path(flags_gold)) if flags_gold is not None else None
    if flag_gold is not None and reports_path is None:
        raise EvaluationError("flag scoring needs the report archive (REPORTS)")
    reports, rejected = _read_reports(Path(reports_path)) if reports_path else ({}, 0)
    unknown = sorted(rid for rid, g in gold.items() if g.file is None and rid not in reports)
    if unknown:
        shown = ", ".join(unknown[:_MAX_LISTED])
        more = f" and {len(unknown) - _MAX_LISTED} more" if len(unknown) > _MAX_LISTED else ""
        where = f"in {reports_path}" if reports_path else "(no REPORTS given and no 'file' key)"
        raise EvaluationError(f"gold report(s) not found {where}: {shown}{more}")
    if flag_gold is not None:
        patients = {r.patient_id for r in reports.values()}
        strangers = sorted({g.patient_id for g in flag_gold} - patients)
        if strangers:
            raise EvaluationError(
                f"{flags_gold}: patient(s) not in {reports_path}: {', '.join(strangers)}"
            )

    texts: dict[str, str] = {}
    collections: dict[Path, dict[str, dict[str, Any]]] = {}
    for rid, g in gold.items():
        if g.file is not None and g.record_id is not None:
            if g.file not in collections:
                collections[g.file] = _jsonl_records(g.file)
            texts[rid] = _record_text(collections[g.file], g.record_id) or ""
        elif g.file is not None:
            texts[rid] = _read_text(g.file)
        else:
            texts[rid] = reports[rid].text
    if flag_gold is not None:  # flags look at every report of a patient, annotated or not
        for rid, r in reports.items():
            texts.setdefault(rid, r.text)
    if extractor is None:
        from pathmine.nlp import default_extractor

        extractor = default_extractor()
    ids = list(texts)
    extractions = dict(zip(ids, extractor.extract_many(texts[i] for i in ids), strict=True))

    result = score_extractions(gold, extractions)
    result.first_run = _first_run(Path(gold_path)) if str(gold_path) != "-" else None
    result.n_unannotated = sum(1 for rid in reports if rid not in gold)
    result.n_rejected = rejected
    result.pipeline_version = str(getattr(extractor, "version", ""))
    if flag_gold is not None:
        # A gold "file" text overrides the archive text for that report here too.
        result.flags, result.flag_errors, result.flag_figures = score_flags(
            flag_gold,
            _timeline_flags(reports, extractions),
            {r.patient_id for r in reports.values()},
        )
    return result


# -- floors and rendering ---------------------------------------------------------------------


def check_floors(result: EvaluationResult, floors: Mapping[str, float]) -> list[str]:
    """One message per metric below its floor (empty list: all floors met).

    Keys are ``<category>.<precision|recall|f1>`` for diagnoses, stains, features and
    flags, or ``assertion_accuracy``. A flags floor when flags were not scored is reported
    as unmet; an unknown key raises ``ValueError``.
    """
    unknown = sorted(set(floors) - set(FLOOR_KEYS))
    if unknown:
        raise ValueError(
            f"unknown floor key(s) {', '.join(unknown)}; known: {', '.join(FLOOR_KEYS)}"
        )
    metrics = result.metrics()
    messages = []
    for key in FLOOR_KEYS:
        if key not in floors:
            continue
        floor = floors[key]
        if key not in metrics:
            messages.append(f"{key}: not measured (no flags gold given), floor {floor:.3f}")
        elif metrics[key] < floor:
            messages.append(f"{key} = {metrics[key]:.3f} is below the floor of {floor:.3f}")
    return messages


_HEADER = ("category", "tp", "fp", "fn", "precision", "recall", "F1")


def _rows(result: EvaluationResult) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for category in (*CATEGORIES, "flags"):
        s = result.score(category)
        if s is not None and s.tp + s.fp + s.fn == 0:
            rows.append((category, "0", "0", "0", "n/a", "n/a", "n/a"))  # nothing scored
        elif s is not None:
            rows.append(
                (
                    category,
                    str(s.tp),
                    str(s.fp),
                    str(s.fn),
                    f"{s.precision:.3f}",
                    f"{s.recall:.3f}",
                    f"{s.f1:.3f}",
                )
            )
    return rows


def _assertion_line(result: EvaluationResult) -> str:
    return (
        f"assertion accuracy on matched diagnoses: {result.assertion_accuracy:.3f} "
        f"({result.assertion_correct}/{result.assertion_total})"
    )


def _counts_line(result: EvaluationResult) -> str:
    return (
        f"reports scored: {result.n_reports}; unannotated (skipped): {result.n_unannotated}; "
        f"rejected by ingest: {result.n_rejected}"
    )


def _first_run_lines(result: EvaluationResult) -> list[str]:
    """The blind first-run figure beside the current one (issue: honest generalisation)."""
    run = result.first_run or {}
    first = run.get("first_run")
    if not first:
        return []
    now = result.metrics()
    parts = [
        f"{key} {first[key]:.3f} -> {now[key]:.3f}"
        for key in ("diagnoses.f1", "stains.f1", "flags.recall", "flags.precision")
        if key in first and key in now
    ]
    return (
        [f"first run (blind, {run.get('recorded', '?')}) -> now: " + "; ".join(parts)]
        if parts
        else []
    )


def _confusion_lines(result: EvaluationResult) -> list[str]:
    if not result.confusion:
        return []
    cols = [a for a in ASSERTIONS if any(a in row for row in result.confusion.values())]
    width = max(len(a) for a in ASSERTIONS)
    out = ["assertion confusion (gold rows, predicted columns, codes found by both):"]
    out.append("  " + "gold".ljust(width) + "  " + "  ".join(c[:8].rjust(8) for c in cols))
    for a in ASSERTIONS:
        row = result.confusion.get(a)
        if row:
            out.append(
                "  " + a.ljust(width) + "  " + "  ".join(str(row.get(c, 0)).rjust(8) for c in cols)
            )
    return out


_BREAKDOWN_TOP = 12


def _breakdown_lines(result: EvaluationResult) -> list[str]:
    """Errors per ICD-O-3 code and per stain result, most frequent first."""
    out = []
    for category, label, key in (
        ("diagnoses", "diagnosis errors by ICD-O-3 code", lambda e: e.pair[0]),
        ("stains", "stain errors by result", lambda e: e.pair[1]),
    ):
        tally: dict[str, list[int]] = {}
        for e in result.errors:
            if e.category == category:
                counts = tally.setdefault(key(e), [0, 0])
                counts[0 if e.kind == "miss" else 1] += 1
        if tally:
            ranked = sorted(tally.items(), key=lambda kv: -sum(kv[1]))[:_BREAKDOWN_TOP]
            out.append(
                f"{label} (misses/false hits): " + ", ".join(f"{k} {m}/{f}" for k, (m, f) in ranked)
            )
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _error_line(e: EvalError) -> str:
    label = "miss" if e.kind == "miss" else "false hit"
    text = f"{label} {e.report_id} ({e.pair[0]}, {e.pair[1]})"
    if e.note:
        text += f" [{e.note}]"
    if e.sentences:
        text += " -- " + " | ".join(f'"{_one_line(s)}"' for s in e.sentences)
    return text


_FLAG_LABELS = {"miss": "missed flag", "false_flag": "false flag", "wrong_pair": "wrong pair"}


def _flag_line(e: FlagError) -> str:
    lineage = f"/{e.lineage}" if e.lineage else ""
    return (
        f"{_FLAG_LABELS[e.kind]} {e.patient_id} {e.flag_kind}{lineage} "
        f"{e.prior_report_id or '?'} -> {e.later_report_id or '?'}"
        + (f" -- {_one_line(e.explanation)}" if e.explanation else "")
    )


def _flag_figures_line(result: EvaluationResult) -> str | None:
    f = result.flag_figures
    if f is None:
        return None
    return (
        f"flags: exact-pair precision {f.pair_precision:.3f} ({f.exact_pairs}/{f.raised} raised); "
        f"controls flagged {f.controls_flagged} of {f.controls}"
    )


def render_text(result: EvaluationResult) -> str:
    """A fixed-width table, assertion accuracy, report counts, then every error line."""
    rows = [_HEADER, *_rows(result)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(_HEADER))]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in rows
    ]
    lines += [_assertion_line(result), _counts_line(result)]
    lines += _first_run_lines(result)
    lines += _confusion_lines(result)
    lines += _breakdown_lines(result)
    figures = _flag_figures_line(result)
    if figures is not None:
        lines.append(figures)
    if result.errors or result.flag_errors:
        lines += ["", f"errors ({len(result.errors) + len(result.flag_errors)}):"]
        lines += [f"  {e.category}: {_error_line(e)}" for e in result.errors]
        lines += [f"  flags: {_flag_line(e)}" for e in result.flag_errors]
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return _one_line(text).replace("|", "\\|")


def render_markdown(result: EvaluationResult, command: str, *, today: date | None = None) -> str:
    """A ``docs/accuracy.md`` page: date, command, the table, then errors by category.

    Error lines quote prediction sentences; render only synthetic or public reports.
    """
    day = (today or date.today()).isoformat()
    out = [
        "# Extraction accuracy",
        "",
        f"Generated {day}"
        + (f" with pipeline {result.pipeline_version}" if result.pipeline_version else "")
        + " by:",
        "",
        "```",
        command,
        "```",
        "",
        "| " + " | ".join(_HEADER) + " |",
        "|---|" + "---:|" * (len(_HEADER) - 1),
        *("| " + " | ".join(r) + " |" for r in _rows(result)),
        "",
        f"- {_assertion_line(result).capitalize()}",
        f"- {_counts_line(result).capitalize()}",
        "- Diagnoses are matched on distinct (ICD-O-3, assertion) pairs per report, stains on "
        "distinct (marker, result) pairs; features on the keys the gold line has (mitoses "
        f"within ±{MITOSES_TOLERANCE}). Counts are micro-averaged. Precision is 1.0 when "
        "nothing was predicted, recall 1.0 when nothing was expected.",
        "",
        "## Misses and false hits",
    ]
    any_errors = False
    for category in CATEGORIES:
        errs = [e for e in result.errors if e.category == category]
        if errs:
            any_errors = True
            out += ["", f"### {category.capitalize()}", ""]
            out += [f"- {_md_cell(_error_line(e))}" for e in errs]
    if result.flag_errors:
        any_errors = True
        out += ["", "### Flags", ""]
        out += [f"- {_md_cell(_flag_line(e))}" for e in result.flag_errors]
    if not any_errors:
        out += ["", "None."]
    return "\n".join(out) + "\n"
