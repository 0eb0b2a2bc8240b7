"""Section headers, part-heading sites, report-type inference, and offset/robustness properties."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathmine.nlp import Extractor, default_extractor
from pathmine.records import ASSERTIONS, REPORT_TYPES


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return default_extractor()


SECTIONS = [
    pytest.param("FINAL DIAGNOSIS:\nLeiomyoma.", "final_diagnosis", id="caps-colon"),
    pytest.param("Final diagnosis: leiomyoma.", "final_diagnosis", id="inline-colon"),
    pytest.param("Microscopy\nLeiomyoma.", "microscopic", id="no-colon"),
    pytest.param("CONCLUSION\nLeiomyoma.", "final_diagnosis", id="caps-no-colon"),
    pytest.param("Comment: favour leiomyoma.", "comment", id="comment"),
    pytest.param("ADDENDUM:\nLeiomyoma.", "addendum", id="addendum"),
    pytest.param("Frozen section diagnosis: leiomyoma.", "frozen_section", id="frozen"),
    pytest.param("Synoptic report\nHistologic type: leiomyoma", "synoptic", id="synoptic"),
    pytest.param("Clinical History - leiomyoma", "clinical_history", id="dash"),
    pytest.param("Hx: leiomyoma", "clinical_history", id="hx"),
    pytest.param("Dx: leiomyoma", "final_diagnosis", id="dx"),
    pytest.param("SPECIMEN(S) SUBMITTED:\nLeiomyoma", "specimen", id="specimens-submitted"),
    pytest.param(
        "MICROSCOPY (additional blocks):\nLeiomyoma.", "microscopic", id="header-qualifier"
    ),
    pytest.param("Microscopy (see comment) shows leiomyoma.", None, id="qualifier-not-a-header"),
    pytest.param("AMENDED CONCLUSION:\n- Leiomyoma.", "final_diagnosis", id="amended-conclusion"),
    pytest.param("Review Dx: leiomyoma", "final_diagnosis", id="review-dx"),
    # a consult's own diagnosis ends the quoted referring diagnosis above it
    pytest.param(
        "Referring diagnosis: see letter.\nCONSULTANT DIAGNOSIS:\n- Leiomyoma.",
        "final_diagnosis",
        id="consultant-diagnosis",
    ),
    pytest.param(
        "Outside diagnosis: see letter.\nReview opinion: leiomyoma.",
        "final_diagnosis",
        id="review-opinion",
    ),
    pytest.param("DIAGNOSTIC OPINION:\n1. Leiomyoma.", "final_diagnosis", id="diagnostic-opinion"),
    pytest.param("A diagnostic opinion of leiomyoma.", None, id="diagnostic-opinion-in-prose"),
    pytest.param("Clinical question: leiomyoma?", "clinical_history", id="clinical-question"),
    pytest.param("Dx of leiomyoma was made.", None, id="dx-word-in-prose"),
    pytest.param("Leiomyoma.", None, id="no-header"),
    pytest.param("Diagnosis of leiomyoma was made.", None, id="header-word-in-prose"),
]


@pytest.mark.parametrize(("text", "section"), SECTIONS)
def test_mention_section(extractor: Extractor, text: str, section: str | None) -> None:
    (mention,) = extractor.extract(text).diagnoses
    assert mention.section == section


def test_every_mention_gets_its_own_section(extractor: Extractor) -> None:
    text = (
        "CLINICAL HISTORY:\nFibroids.\n\n"
        "GROSS DESCRIPTION:\nA leiomyoma, 5 cm.\n\n"
        "MICROSCOPIC DESCRIPTION:\nSpindle cell tumor. Desmin is positive.\n\n"
        "FINAL DIAGNOSIS:\nLeiomyosarcoma.\n\n"
        "COMMENT:\nSTUMP was considered.\n"
    )
    extraction = extractor.extract(text)
    assert [(d.icdo3, d.section) for d in extraction.diagnoses] == [
        ("8890/0", "clinical_history"),
        ("8890/0", "gross"),  # a gross mention is a mention (ANNOTATION.md section 1)
        ("8000/1", "microscopic"),
        ("8890/3", "final_diagnosis"),
        ("8897/1", "comment"),
    ]
    assert [(s.marker, s.section) for s in extraction.stains] == [("desmin", "microscopic")]


SITES = [
    pytest.param(
        "FINAL DIAGNOSIS:\nA. UTERUS, TOTAL HYSTERECTOMY:\n- LEIOMYOMATA.\n"
        "B. LEFT OVARY, BIOPSY:\n- Serous cystadenoma.\n",
        [("8890/0", "uterus"), ("8441/0", "left ovary")],
        id="parts",
    ),
    pytest.param(
        "Part 1: Uterus, myomectomy:\nLeiomyoma.\nPart 2: Right ovary:\nSerous cystadenoma.",
        [("8890/0", "uterus"), ("8441/0", "right ovary")],
        id="numbered-parts",
    ),
    pytest.param(
        "Specimen: uterus, hysterectomy\nDiagnosis: leiomyoma",
        [("8890/0", "uterus")],
        id="specimen-line",
    ),
    pytest.param("Diagnosis: leiomyoma", [("8890/0", None)], id="unknown"),
]


@pytest.mark.parametrize(("text", "expected"), SITES)
def test_sites(extractor: Extractor, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(d.icdo3, d.site) for d in extractor.extract(text).diagnoses] == expected


REPORT_TYPE_ROWS = [
    pytest.param("Review of outside slides.\nDiagnosis: leiomyosarcoma.", "review", id="review"),
    pytest.param("OUTSIDE SLIDE REVIEW\nLeiomyoma.", "review", id="review-caps"),
    pytest.param("AMENDED REPORT\nDiagnosis: leiomyosarcoma.", "amended", id="amended"),
    pytest.param("ADDENDUM\nImmunostains: desmin positive.", "addendum", id="addendum-start"),
    pytest.param("  Addendum: desmin positive.", "addendum", id="addendum-indented"),
    pytest.param("Second opinion requested.\nDiagnosis: STUMP.", "consult", id="consult"),
    pytest.param("Diagnosis: leiomyosarcoma. See addendum.", "original", id="addendum-later"),
    pytest.param("Diagnosis: leiomyoma.", "original", id="original"),
    pytest.param("", "original", id="empty"),
]


@pytest.mark.parametrize(("text", "report_type"), REPORT_TYPE_ROWS)
def test_report_type(extractor: Extractor, text: str, report_type: str) -> None:
    inferred = extractor.extract(text).inferred_report_type
    assert inferred == report_type
    assert inferred in REPORT_TYPES


_PATHOLOGY_WORDS = st.sampled_from(
    [
        "leiomyosarcoma",
        "LEIOMYOMATA",
        "STUMP",
        "no",
        "not",
        "?",
        "history of",
        "desmin",
        "positive",
        "negative",
        "SMA",
        "CD10",
        "(-)",
        "+",
        "15/10 HPF",
        "mm2",
        "necrosis",
        "FINAL DIAGNOSIS:",
        "GROSS:",
        "A. UTERUS:",
        "\n",
        "\n\n",
        ";",
        ",",
        ".",
        "Ki-67",
        "30%",
        "mother",
        "metastatic",
        "CANNOT",
        "favor",
        "ʼ",
        "é",
        "\t",
        "\u2028",
        "😀",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(_PATHOLOGY_WORDS, st.text(max_size=5)), max_size=40).map(" ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS)
def test_extract_never_raises_and_offsets_are_consistent(text: str) -> None:
    extraction = default_extractor().extract(text)
    for d in extraction.diagnoses:
        assert 0 <= d.start < d.end <= len(text)
        assert d.assertion in ASSERTIONS
        assert d.icdo3.split("/")[1] == str(d.behavior)
        span = text[d.start : d.end]
        assert span.strip() == span != ""
    for s in extraction.stains:
        assert text[s.start : s.end] == s.text
    for f in extraction.features:
        assert 0 <= f.start < f.end <= len(text)
    assert extraction.inferred_report_type in REPORT_TYPES
