"""Evaluation library: exact counts on a synthetic fixture, file mode, flags, floors, output."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathmine.evaluate import (
    EvaluationError,
    EvaluationResult,
    GoldReport,
    Score,
    check_floors,
    evaluate,
    load_gold,
    render_markdown,
    render_text,
    score_extractions,
)
from pathmine.nlp import Extractor, default_extractor
from pathmine.records import ASSERTIONS, DiagnosisMention, Extraction, StainResult

FIXTURES = Path(__file__).parent / "fixtures" / "evaluate"
GOLD = FIXTURES / "gold.jsonl"
REPORTS = FIXTURES / "reports.jsonl"
FLAGS_GOLD = FIXTURES / "flags_gold.jsonl"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return default_extractor()


@pytest.fixture(scope="session")
def fixture_result(extractor: Extractor) -> EvaluationResult:
    return evaluate(GOLD, REPORTS, flags_gold=FLAGS_GOLD, extractor=extractor)


def _write_jsonl(path: Path, rows: Iterable[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


# -- Score ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((3, 2, 1), (0.6, 0.75, 2 / 3)),
        ((0, 0, 0), (1.0, 1.0, 1.0)),  # nothing predicted, nothing expected
        ((0, 0, 4), (1.0, 0.0, 0.0)),  # nothing predicted: precision 1 by convention
        ((0, 3, 0), (0.0, 1.0, 0.0)),  # nothing expected: recall 1 by convention
        ((0, 2, 2), (0.0, 0.0, 0.0)),  # P + R == 0 → F1 0
    ],
)
def test_score_zero_denominator_convention(
    counts: tuple[int, int, int], expected: tuple[float, float, float]
) -> None:
    s = Score.of(*counts)
    assert (s.tp, s.fp, s.fn) == counts
    assert (s.precision, s.recall, s.f1) == pytest.approx(expected)


# -- the fixture: exact counts ----------------------------------------------------------------


def test_fixture_counts(fixture_result: EvaluationResult) -> None:
    r = fixture_result
    assert (r.diagnoses.tp, r.diagnoses.fp, r.diagnoses.fn) == (3, 2, 1)
    assert (r.diagnoses.precision, r.diagnoses.recall, r.diagnoses.f1) == pytest.approx(
        (0.6, 0.75, 2 / 3)
    )
    # h-caldesmon is in gold only; gold lists desmin twice, counted once.
    assert (r.stains.tp, r.stains.fp, r.stains.fn) == (5, 0, 1)
    assert (r.stains.precision, r.stains.recall, r.stains.f1) == pytest.approx(
        (1.0, 5 / 6, 10 / 11)
    )
    assert (r.features.tp, r.features.fp, r.features.fn) == (3, 0, 0)
    assert (r.assertion_correct, r.assertion_total) == (3, 4)
    assert r.assertion_accuracy == pytest.approx(0.75)
    assert (r.n_reports, r.n_unannotated, r.n_rejected) == (3, 1, 0)
    assert r.pipeline_version


def test_fixture_errors_carry_sentences(fixture_result: EvaluationResult) -> None:
    got = {(e.category, e.kind, e.report_id, e.pair): e for e in fixture_result.errors}
    assert set(got) == {
        ("diagnoses", "false_hit", "SYN-EV-R2", ("8890/0", "affirmed")),
        ("diagnoses", "miss", "SYN-EV-R3", ("8890/3", "uncertain")),
        ("diagnoses", "false_hit", "SYN-EV-R3", ("8890/3", "negated")),
        ("stains", "miss", "SYN-EV-R1", ("h-caldesmon", "positive")),
    }
    nodule = got["diagnoses", "false_hit", "SYN-EV-R2", ("8890/0", "affirmed")]
    assert nodule.sentences == ("Separate nodule: Leiomyoma.",)
    # A miss shows the predicted mention with the same code (the wrong assertion).
    wrong = got["diagnoses", "miss", "SYN-EV-R3", ("8890/3", "uncertain")]
    assert wrong.sentences == ("No evidence of leiomyosarcoma.",)
    assert "negated" in wrong.note
    assert got["stains", "miss", "SYN-EV-R1", ("h-caldesmon", "positive")].sentences == ()


def test_features_tolerance_and_mismatch(tmp_path: Path, extractor: Extractor) -> None:
    gold = _write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {
                "report_id": "SYN-EV-R2",
                "diagnoses": [],
                "stains": [],
                # 14.6 is within ±0.5 of the predicted 15; the atypia grade is wrong.
                "features": {"mitoses_per_10hpf": 14.6, "atypia": "moderate diffuse"},
            }
        ],
    )
    r = evaluate(gold, REPORTS, extractor=extractor)
    assert (r.features.tp, r.features.fp, r.features.fn) == (1, 1, 1)
    feature_errors = {(e.kind, e.pair) for e in r.errors if e.category == "features"}
    assert feature_errors == {
        ("miss", ("atypia", "moderate diffuse")),
        ("false_hit", ("atypia", "severe diffuse")),
    }
    # R1-R4 minus the annotated R2; the diagnoses the gold omits are false hits.
    assert r.n_unannotated == 3
    assert r.diagnoses.tp == 0 and r.diagnoses.fp == 2


# -- gold/report consistency and "file" mode --------------------------------------------------


def test_gold_report_missing_from_archive_is_an_error(tmp_path: Path) -> None:
    gold = _write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {"report_id": "SYN-EV-R1", "diagnoses": [], "stains": []},
            {"report_id": "NOPE-1", "diagnoses": [], "stains": []},
            {"report_id": "NOPE-2", "diagnoses": [], "stains": []},
        ],
    )
    with pytest.raises(EvaluationError, match="NOPE-1, NOPE-2"):
        evaluate(gold, REPORTS, extractor=_NeverCalled())


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 1: not JSON"),
        ('{"diagnoses": []}', "line 1: missing report_id"),
        ('{"report_id": "A", "diagnoses": [{"icdo3": "8890/3", "assertion": "maybe"}]}', "maybe"),
        ('{"report_id": "A", "stains": [{"marker": "SMA"}]}', "'marker' and 'result'"),
        ('{"report_id": "A", "features": {"mitoses_per_10hpf": "many"}}', "wrong type"),
        ('{"report_id": "A", "features": {"grade": 3}}', "unknown feature 'grade'"),
        ('{"report_id": "A", "file": "absent.txt"}', "file absent.txt not found"),
    ],
)
def test_bad_gold_lines_are_reported(tmp_path: Path, line: str, message: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=message):
        evaluate(gold, REPORTS, extractor=_NeverCalled())


def test_file_reference_mode(tmp_path: Path, extractor: Extractor) -> None:
    texts = tmp_path / "elsewhere" / "texts"
    texts.mkdir(parents=True)
    (texts / "example01.txt").write_text(
        "FINAL DIAGNOSIS:\nUterus, hysterectomy: Leiomyosarcoma.\n"
        "IMMUNOHISTOCHEMISTRY:\nDesmin is positive.\n",
        encoding="utf-8",
    )
    gold_dir = tmp_path / "annotations" / "gyn"
    gold_dir.mkdir(parents=True)
    gold = _write_jsonl(
        gold_dir / "gold.jsonl",
        [
            {
                "report_id": "EXT-01",
                "file": "../../elsewhere/texts/example01.txt",
                "diagnoses": [{"icdo3": "8890/3", "assertion": "affirmed"}],
                "stains": [
                    {"marker": "desmin", "result": "positive"},
                    {"marker": "SMA", "result": "positive"},
                ],
            }
        ],
    )
    r = evaluate(gold, None, extractor=extractor)
    assert (r.diagnoses.tp, r.diagnoses.fp, r.diagnoses.fn) == (1, 0, 0)
    assert (r.stains.tp, r.stains.fp, r.stains.fn) == (1, 0, 1)
    assert (r.n_reports, r.n_unannotated) == (1, 0)


def test_file_record_reference_mode(tmp_path: Path, extractor: Extractor) -> None:
    _write_jsonl(
        tmp_path / "collection.jsonl",
        [
            {"id": "3081", "sample_name": "other", "text": "DIAGNOSIS:\nLipoma."},
            {"id": 3082, "sample_name": "wanted", "text": "DIAGNOSIS:\nLeiomyosarcoma."},
        ],
    )
    (tmp_path / "gold").mkdir()
    gold = _write_jsonl(
        tmp_path / "gold" / "gold.jsonl",
        [
            {
                "report_id": "mt/3082",
                "file": "../collection.jsonl",
                "record_id": "3082",
                "diagnoses": [{"icdo3": "8890/3", "assertion": "affirmed"}],
            },
            {
                "report_id": "mt/3081",
                "file": "../collection.jsonl",
                "record_id": "3081",
                "diagnoses": [{"icdo3": "8850/0", "assertion": "affirmed"}],
            },
        ],
    )
    r = evaluate(gold, None, extractor=extractor)
    assert (r.diagnoses.tp, r.diagnoses.fp, r.diagnoses.fn) == (2, 0, 0)
    assert r.n_reports == 2


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"record_id": "9999"}, "no record with id 9999"),
        ({"record_id": 3082}, "record_id must be a non-empty string"),
        ({"record_id": "3082", "file": None}, "record_id needs a file"),
        ({"record_id": "3083"}, "no record with id 3083 and a string text"),
    ],
)
def test_bad_record_references_are_reported(
    tmp_path: Path, row: dict[str, object], message: str
) -> None:
    _write_jsonl(
        tmp_path / "collection.jsonl",
        [{"id": "3082", "text": "Leiomyoma."}, {"id": "3083", "text": None}],
    )
    gold = _write_jsonl(
        tmp_path / "gold.jsonl", [{"report_id": "R", "file": "collection.jsonl", **row}]
    )
    with pytest.raises(EvaluationError, match=message):
        evaluate(gold, None, extractor=_NeverCalled())


def test_without_reports_every_gold_line_needs_a_file(tmp_path: Path) -> None:
    gold = _write_jsonl(tmp_path / "gold.jsonl", [{"report_id": "X-1", "diagnoses": []}])
    with pytest.raises(EvaluationError, match="X-1"):
        evaluate(gold, None, extractor=_NeverCalled())


# -- flags ------------------------------------------------------------------------------------


def test_flags_on_two_patient_archive(fixture_result: EvaluationResult) -> None:
    # P1: leiomyoma (2019) then leiomyosarcoma (2021) → flagged; P2: leiomyoma, then
    # leiomyoma with negated leiomyosarcoma → nothing.
    assert fixture_result.flags is not None
    flags = fixture_result.flags
    assert (flags.tp, flags.fp, flags.fn) == (1, 0, 0)
    assert (flags.precision, flags.recall) == (1.0, 1.0)
    assert fixture_result.flag_errors == []


def test_flag_misses_and_false_flags(tmp_path: Path, extractor: Extractor) -> None:
    flags_gold = _write_jsonl(
        tmp_path / "flags.jsonl",
        [
            {
                "patient_id": "SYN-EV-P2",
                "kind": "benign_to_malignant",
                "prior_report_id": "SYN-EV-R4",
                "later_report_id": "SYN-EV-R3",
            }
        ],
    )
    r = evaluate(GOLD, REPORTS, flags_gold=flags_gold, extractor=extractor)
    assert r.flags is not None
    assert (r.flags.tp, r.flags.fp, r.flags.fn) == (0, 1, 1)
    assert (r.flags.precision, r.flags.recall) == (0.0, 0.0)
    by_kind = {e.kind: e for e in r.flag_errors}
    assert by_kind["miss"].patient_id == "SYN-EV-P2"
    assert by_kind["miss"].explanation == "no flag raised"
    false = by_kind["false_flag"]
    assert (false.patient_id, false.prior_report_id, false.later_report_id) == (
        "SYN-EV-P1",
        "SYN-EV-R1",
        "SYN-EV-R2",
    )
    assert false.explanation.startswith("Benign-to-malignant (smooth-muscle tumours):")
    assert r.flag_figures is not None
    assert (r.flag_figures.raised, r.flag_figures.controls) == (1, 1)
    assert r.flag_figures.controls_flagged == 1  # SYN-EV-P1 has no gold flag here


def test_flags_scored_by_patient_kind_and_lineage(tmp_path: Path, extractor: Extractor) -> None:
    """FLAG-RULES.md: the key is (patient, kind, lineage); the pair is a secondary figure."""
    flags_gold = _write_jsonl(
        tmp_path / "flags.jsonl",
        [
            {
                "patient_id": "SYN-EV-P1",
                "kind": "benign_to_malignant",
                "lineage": "smooth_muscle",
                "prior_report_id": "SYN-EV-R1",
                "later_report_id": "SYN-EV-R9",
            }
        ],
    )
    r = evaluate(GOLD, REPORTS, flags_gold=flags_gold, extractor=extractor)
    assert r.flags is not None and (r.flags.tp, r.flags.fp, r.flags.fn) == (1, 0, 0)
    assert r.flag_figures is not None and r.flag_figures.pair_precision == 0.0
    assert [e.kind for e in r.flag_errors] == ["wrong_pair"]


def test_flags_need_the_archive(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="needs the report archive"):
        evaluate(GOLD, None, flags_gold=FLAGS_GOLD, extractor=_NeverCalled())


def test_flags_gold_patient_must_be_in_archive(tmp_path: Path) -> None:
    flags_gold = _write_jsonl(
        tmp_path / "flags.jsonl",
        [{"patient_id": "GHOST", "kind": "k", "prior_report_id": "a", "later_report_id": "b"}],
    )
    with pytest.raises(EvaluationError, match="GHOST"):
        evaluate(GOLD, REPORTS, flags_gold=flags_gold, extractor=_NeverCalled())


# -- floors -----------------------------------------------------------------------------------


def test_check_floors(fixture_result: EvaluationResult) -> None:
    assert check_floors(fixture_result, {"stains.precision": 1.0, "flags.recall": 1.0}) == []
    messages = check_floors(
        fixture_result,
        {"diagnoses.f1": 0.7, "stains.f1": 0.9, "assertion_accuracy": 0.8, "flags.precision": 0.5},
    )
    assert messages == [
        "diagnoses.f1 = 0.667 is below the floor of 0.700",
        "assertion_accuracy = 0.750 is below the floor of 0.800",
    ]


def test_check_floors_flags_not_measured_and_unknown_key() -> None:
    result = score_extractions({}, {})
    assert result.flags is None
    assert check_floors(result, {"flags.recall": 0.9}) == [
        "flags.recall: not measured (no flags gold given), floor 0.900"
    ]
    with pytest.raises(ValueError, match=r"diagnosis\.f1"):
        check_floors(result, {"diagnosis.f1": 0.9})


# -- rendering --------------------------------------------------------------------------------


def test_render_text(fixture_result: EvaluationResult) -> None:
    text = render_text(fixture_result)
    assert "diagnoses" in text and "0.600" in text and "0.750" in text and "0.667" in text
    assert "assertion accuracy on matched diagnoses: 0.750 (3/4)" in text
    assert "miss SYN-EV-R1 (h-caldesmon, positive)" in text
    assert '"Separate nodule: Leiomyoma."' in text


def test_render_markdown(fixture_result: EvaluationResult) -> None:
    command = "pathmine evaluate --gold tests/fixtures/evaluate/gold.jsonl reports.jsonl"
    md = render_markdown(fixture_result, command, today=date(2024, 5, 6))
    assert "2024-05-06" in md
    assert command in md
    assert "| diagnoses | 3 | 2 | 1 | 0.600 | 0.750 | 0.667 |" in md
    assert "| stains | 5 | 0 | 1 | 1.000 | 0.833 | 0.909 |" in md
    assert "| flags | 1 | 0 | 0 | 1.000 | 1.000 | 1.000 |" in md
    assert "0.750 (3/4)" in md
    diagnoses_at, stains_at = md.index("### Diagnoses"), md.index("### Stains")
    assert diagnoses_at < md.index("SYN-EV-R3 (8890/3, uncertain)") < stains_at
    assert stains_at < md.index("SYN-EV-R1 (h-caldesmon, positive)")


# -- property: gold scored against itself is perfect ------------------------------------------

_codes = st.sampled_from(["8890/0", "8890/3", "8890/6", "8800/1", "8380/3"])
_markers = st.sampled_from(["desmin", "SMA", "S100", "CD117", "h-caldesmon", "ER"])
_dx_pairs = st.lists(st.tuples(_codes, st.sampled_from(ASSERTIONS)), max_size=8)
_stain_pairs = st.lists(
    st.tuples(_markers, st.sampled_from(["positive", "negative", "equivocal"])), max_size=8
)


def _extraction(dx: list[tuple[str, str]], stains: list[tuple[str, str]]) -> Extraction:
    return Extraction(
        pipeline_version="test",
        diagnoses=tuple(
            DiagnosisMention(
                term="t",
                icdo3=c,
                behavior=int(c[-1]),
                lineage="x",
                assertion=a,
                section=None,
                site=None,
                start=i,
                end=i + 1,
                sentence=f"s{i}",
                rule_id="r",
            )
            for i, (c, a) in enumerate(dx)
        ),
        stains=tuple(
            StainResult(
                marker=m,
                text=m,
                result=res,
                intensity=None,
                extent=None,
                percent=None,
                start=i,
                end=i + 1,
                sentence=f"s{i}",
                rule_id="r",
            )
            for i, (m, res) in enumerate(stains)
        ),
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_dx_pairs, _stain_pairs), max_size=5))
def test_gold_against_itself_is_perfect(
    reports: list[tuple[list[tuple[str, str]], list[tuple[str, str]]]],
) -> None:
    gold = {
        f"R{i}": GoldReport(f"R{i}", diagnoses=frozenset(dx), stains=frozenset(stains))
        for i, (dx, stains) in enumerate(reports)
    }
    # Predictions repeat pairs (the same finding mentioned twice): still one distinct pair.
    extractions = {
        f"R{i}": _extraction(dx + dx[:2], stains + stains[:2])
        for i, (dx, stains) in enumerate(reports)
    }
    result = score_extractions(gold, extractions)
    for score, n_distinct in (
        (result.diagnoses, sum(len(set(dx)) for dx, _ in reports)),
        (result.stains, sum(len(set(s)) for _, s in reports)),
    ):
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
        assert (score.tp, score.fp, score.fn) == (n_distinct, 0, 0)
    assert result.assertion_accuracy == 1.0
    assert result.assertion_total == result.diagnoses.tp
    assert result.errors == []


class _NeverCalled:
    """An extractor for tests that must fail before any text is extracted."""

    def extract_many(self, texts: Iterable[str]) -> Iterator[Extraction]:
        raise AssertionError("extractor should not run")


def test_nothing_scored_renders_na_but_measures_one() -> None:
    result = score_extractions({}, {})
    assert "n/a" in render_text(result)
    assert result.metrics()["diagnoses.f1"] == 1.0


def test_bad_flags_gold_line(tmp_path: Path) -> None:
    flags_gold = _write_jsonl(tmp_path / "flags.jsonl", [{"patient_id": "SYN-EV-P1"}])
    with pytest.raises(EvaluationError, match="line 1: needs string"):
        evaluate(GOLD, REPORTS, flags_gold=flags_gold, extractor=_NeverCalled())


@pytest.mark.parametrize(
    ("code", "scored"),
    [("8727/0", "8720/0"), ("8770/0", "8720/0"), ("8850/1", "8851/3"), ("8890/0", "8890/0")],
)
def test_guideline_equivalent_codes_score_as_one(code: str, scored: str) -> None:
    """ANNOTATION.md section 2: naevus subtype codes and 8850/1 are accepted as the same."""
    from pathmine.evaluate import scored_code

    assert scored_code(code) == scored


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"value": 7, "unit": "per 5 mm2"}, 1.4),
        ({"value": 3, "unit": "per mm²"}, 3.0),
        ({"value": 4, "unit": "per 2.5 mm^2"}, 1.6),
    ],
)
def test_gold_mitoses_per_area_are_scored_per_mm2(
    tmp_path: Path, value: dict[str, object], expected: float
) -> None:
    gold = tmp_path / "gold.jsonl"
    line = {
        "report_id": "R1",
        "diagnoses": [],
        "stains": [],
        "features": {"mitoses_per_10hpf": value},
    }
    gold.write_text(json.dumps(line) + "\n", encoding="utf-8")
    features = load_gold(gold)["R1"].features
    assert "mitoses_per_10hpf" not in features
    assert features["mitoses_per_mm2"] == pytest.approx(expected)


def test_gold_mitoses_object_without_a_unit_is_an_error(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    line = {
        "report_id": "R1",
        "diagnoses": [],
        "stains": [],
        "features": {"mitoses_per_10hpf": {"value": 7}},
    }
    gold.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="unit"):
        load_gold(gold)


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("severe, diffuse", "severe diffuse", True),
        ("severe", "severe focal", True),
        ("moderate, diffuse", "severe", False),
    ],
)
def test_atypia_is_scored_on_its_grade(gold: str, pred: str, same: bool) -> None:
    from pathmine.evaluate import _feature_matches

    assert _feature_matches("atypia", gold, pred) is same
