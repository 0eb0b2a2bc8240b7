"""Assertion status of diagnosis mentions: the pathology ConText rule pack plus sections.

Rows are (text, expected {icdo3: assertion}); a code missing from the expected map must not
be found at all (gross-only mentions are dropped).
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor, default_extractor
from pathmine.records import ASSERTIONS


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return default_extractor()


LMS, LM, STUMP, SCN = "8890/3", "8890/0", "8897/1", "8000/1"
MEL, DN, SCHW, MPNST = "8720/3", "8727/0", "9560/0", "9540/3"

# Error classes of ANNOTATION.md section 3 (examples of our own, one per class).
GUIDELINE_ROWS = [
    pytest.param(
        "OUTSIDE DIAGNOSIS: Cellular leiomyoma.\n"
        "REVIEW DIAGNOSIS: Leiomyosarcoma, spindle cell type.",
        {"8892/0": "historical", LMS: "affirmed"},
        id="review-two-voices",
    ),
    pytest.param(
        "Comment: the lesion was originally reported as a leiomyoma; we favour a STUMP.",
        {LM: "historical", STUMP: "uncertain"},
        id="originally-reported-as",
    ),
    pytest.param(
        "Pre-operative diagnosis: uterine sarcoma.\nDIAGNOSIS: Leiomyoma.",
        {"8800/3": "affirmed", LM: "affirmed"},
        id="preoperative-diagnosis-affirmed",
    ),
    pytest.param(
        "Clinical details: known case of leiomyosarcoma, resected 2019 (S19-2231).",
        {LMS: "historical"},
        id="known-with-earlier-specimen",
    ),
    pytest.param(
        "Clinical details: k/c/o fibroids, for hysterectomy.",
        {LM: "affirmed"},
        id="known-as-indication",
    ),
    pytest.param(
        "Clinical notes: core biopsy (Q22-118) showed leiomyosarcoma. Now resection.",
        {LMS: "historical"},
        id="clinical-prior-biopsy",
    ),
    pytest.param(
        "The diffuse desmin staining excludes a gastrointestinal stromal tumour.",
        {"8936/3": "negated"},
        id="forward-exclusion",
    ),
    pytest.param(
        "The circumscribed border means that leiomyosarcoma is excluded.",
        {LMS: "negated"},
        id="backward-exclusion",
    ),
    pytest.param(
        "The findings argue against a phyllodes tumour.", {"9020/1": "negated"}, id="argue-against"
    ),
    pytest.param(
        "There is no stromal overgrowth to qualify as adenosarcoma.",
        {"8933/3": "negated"},
        id="to-qualify-as",
    ),
    pytest.param("Features of leiomyosarcoma are absent.", {LMS: "negated"}, id="features-absent"),
    pytest.param(
        "Metastatic leiomyosarcoma is not supported by the morphology.",
        {"8890/6": "negated"},
        id="not-supported",
    ),
    pytest.param(
        "COMMENT: The appearances are of a leiomyoma or a STUMP.",
        {LM: "uncertain", STUMP: "uncertain"},
        id="x-or-y",
    ),
    pytest.param(
        "A low-grade endometrial stromal sarcoma cannot be excluded.",
        {"8931/3": "uncertain"},
        id="cannot-be-excluded",
    ),
    pytest.param(
        "Should the nodule recur, evaluation for leiomyosarcoma is advised.",
        {LMS: "hypothetical"},
        id="conditional",
    ),
    pytest.param(
        "Leiomyosarcoma, 8 cm. The sarcoma invades the serosa.",
        {LMS: "affirmed"},
        id="back-reference",
    ),
    pytest.param("Her paternal aunt had a liposarcoma.", {"8850/3": "family"}, id="family-aunt"),
]

ROWS = [
    # affirmed, including sign-out phrases and hard negatives for the negation cues
    pytest.param("Leiomyoma.", {LM: "affirmed"}, id="bare"),
    pytest.param("No atypia. Leiomyoma.", {LM: "affirmed"}, id="negation-previous-sentence"),
    pytest.param(
        "DIAGNOSIS\n- Spindle cell proliferation, favour\nleiomyosarcoma of the uterus",
        {LMS: "uncertain"},
        id="hedge-dangling-at-line-end",
    ),
    pytest.param(
        "DIAGNOSIS\n- Spindle cell proliferation, favour.\nLeiomyosarcoma of the uterus",
        {LMS: "affirmed"},
        id="hedge-line-ends-with-stop",
    ),
    pytest.param("Leiomyoma, no evidence of malignancy.", {LM: "affirmed"}, id="neg-after-term"),
    pytest.param("Consistent with leiomyosarcoma.", {LMS: "affirmed"}, id="consistent-with"),
    # speculation is a hedge, not a diagnosis (blind flag set 3 class: a confirming review's
    # aside must not read as its own malignant finding)
    pytest.param("This could be an early leiomyosarcoma.", {LMS: "uncertain"}, id="could-be"),
    pytest.param("The nodule might be a leiomyosarcoma.", {LMS: "uncertain"}, id="might-be"),
    pytest.param(
        "One may speculate that this is a low-grade leiomyosarcoma.",
        {LMS: "uncertain"},
        id="speculate",
    ),
    pytest.param("Findings compatible with leiomyoma.", {LM: "affirmed"}, id="compatible-with"),
    pytest.param("Diagnostic of leiomyosarcoma.", {LMS: "affirmed"}, id="diagnostic-of"),
    pytest.param(
        "Negative for malignancy; leiomyoma.", {LM: "affirmed"}, id="semicolon-terminates-neg"
    ),
    pytest.param(
        "No leiomyoma identified; leiomyosarcoma.",
        {LM: "negated", LMS: "affirmed"},
        id="semicolon-terminates-short-scope",
    ),
    pytest.param(
        "No residual leiomyoma, but leiomyosarcoma is present.",
        {LM: "negated", LMS: "affirmed"},
        id="but-terminates",
    ),
    pytest.param(
        "The tumor is not a leiomyoma but a leiomyosarcoma.",
        {LM: "negated", LMS: "affirmed"},
        id="not-but",
    ),
    pytest.param("No significant change in the leiomyoma.", {LM: "affirmed"}, id="pseudo"),
    pytest.param(
        "Leiomyoma without atypia or mitotic activity.", {LM: "affirmed"}, id="without-after"
    ),
    # negated
    pytest.param("Negative for leiomyosarcoma.", {LMS: "negated"}, id="negative-for"),
    pytest.param("The tumor is negative for STUMP.", {STUMP: "negated"}, id="is-negative-for"),
    pytest.param("No evidence of leiomyosarcoma.", {LMS: "negated"}, id="no-evidence-of"),
    pytest.param(
        "Leiomyoma without features of leiomyosarcoma.",
        {LM: "affirmed", LMS: "negated"},
        id="without",
    ),
    pytest.param("Free of leiomyosarcoma.", {LMS: "negated"}, id="free-of"),
    pytest.param("Leiomyosarcoma has been ruled out.", {LMS: "negated"}, id="ruled-out"),
    pytest.param("Leiomyosarcoma is ruled out.", {LMS: "negated"}, id="is-ruled-out"),
    pytest.param("NEGATIVE FOR LEIOMYOSARCOMA.", {LMS: "negated"}, id="caps-negative-for"),
    pytest.param("No leiomyoma or leiomyosarcoma.", {LM: "negated", LMS: "negated"}, id="no-list"),
    # uncertain
    pytest.param(
        "Spindle cell tumor, possibly leiomyosarcoma.",
        {SCN: "affirmed", LMS: "uncertain"},
        id="possibly",
    ),
    pytest.param("Suspicious for leiomyosarcoma.", {LMS: "uncertain"}, id="suspicious-for"),
    pytest.param("Favor leiomyoma.", {LM: "uncertain"}, id="favor"),
    pytest.param("Favour STUMP.", {STUMP: "uncertain"}, id="favour"),
    pytest.param(
        # "smooth muscle neoplasm" is itself a mention (8897/1, ANNOTATION.md section 2)
        "Smooth muscle neoplasm, favored to be leiomyoma.",
        {STUMP: "uncertain", LM: "uncertain"},
        id="favored",
    ),
    pytest.param("Leiomyosarcoma cannot be excluded.", {LMS: "uncertain"}, id="cannot-be-excluded"),
    pytest.param(
        "LEIOMYOSARCOMA CANNOT BE EXCLUDED.", {LMS: "uncertain"}, id="caps-cannot-be-excluded"
    ),
    pytest.param("Cannot rule out leiomyosarcoma.", {LMS: "uncertain"}, id="cannot-rule-out"),
    pytest.param(
        "Differential includes leiomyosarcoma and STUMP.",
        {LMS: "uncertain", STUMP: "uncertain"},
        id="differential-includes",
    ),
    pytest.param("Leiomyoma versus STUMP.", {LM: "uncertain", STUMP: "uncertain"}, id="versus"),
    pytest.param("? leiomyosarcoma", {LMS: "uncertain"}, id="question-leading"),
    pytest.param(
        "Spindle cell tumour ?leiomyosarcoma.",
        {SCN: "affirmed", LMS: "uncertain"},
        id="question-glued",
    ),
    # historical
    pytest.param("History of leiomyoma.", {LM: "historical"}, id="history-of"),
    pytest.param("Status post myomectomy for leiomyoma.", {LM: "historical"}, id="status-post"),
    pytest.param("Previous leiomyosarcoma.", {LMS: "historical"}, id="previous"),
    pytest.param("Prior STUMP (2019).", {STUMP: "historical"}, id="prior"),
    pytest.param(
        "Leiomyosarcoma, previously diagnosed as leiomyoma.",
        {LMS: "affirmed", LM: "historical"},
        id="previously",
    ),
    pytest.param(
        "CLINICAL HISTORY:\nHistory of leiomyoma\n\nDIAGNOSIS:\nLeiomyosarcoma",
        {LM: "historical", LMS: "affirmed"},
        id="history-section-then-diagnosis",
    ),
    pytest.param(
        # the clinical indication of the current specimen is affirmed (ANNOTATION.md 3)
        "Clinical history: fibroids.\n\nDiagnosis: leiomyosarcoma.",
        {LM: "affirmed", LMS: "affirmed"},
        id="history-section-bare-mention",
    ),
    pytest.param(
        "History of leiomyoma; now leiomyosarcoma.",
        {LM: "historical", LMS: "affirmed"},
        id="history-prose-is-not-a-header",
    ),
    pytest.param(
        "DIAGNOSIS:\nLeiomyoma.\nClinical correlation is advised.\nLeiomyosarcoma is excluded.",
        {LM: "affirmed", LMS: "negated"},
        id="clinical-prose-is-not-a-header",
    ),
    # a clinician's rule-out request or question is uncertain (ANNOTATION.md section 3)
    pytest.param("Rule out leiomyosarcoma.", {LMS: "uncertain"}, id="rule-out"),
    pytest.param(
        "Clinical query: rule out sarcoma.", {"8800/3": "uncertain"}, id="rule-out-request"
    ),
    pytest.param(
        "CLINICAL NOTES:\nRecurrent pigmentation. Exclude melanoma.",
        {MEL: "uncertain"},
        id="exclude-request",
    ),
    pytest.param("Clinical notes: exclude melanoma", {MEL: "uncertain"}, id="colon-exclude"),
    pytest.param("Clinical notes: ? melanoma", {MEL: "uncertain"}, id="question-request"),
    # hypothetical: a pathologist's conditional
    pytest.param(
        "To exclude leiomyosarcoma, we recommend further sampling.",
        {LMS: "hypothetical"},
        id="to-exclude-recommend",
    ),
    pytest.param(
        "Cannot exclude leiomyosarcoma.", {LMS: "uncertain"}, id="cannot-exclude-not-request"
    ),
    pytest.param(
        "If leiomyosarcoma is a concern, further sampling is recommended.",
        {LMS: "hypothetical"},
        id="if-concern",
    ),
    # family
    pytest.param("Mother had leiomyosarcoma.", {LMS: "family"}, id="mother"),
    pytest.param("Family history of melanoma.", {"8720/3": "family"}, id="family-history"),
    pytest.param(
        "Leiomyoma. Mother had melanoma.",
        {LM: "affirmed", MEL: "family"},
        id="family-next-sentence",
    ),
    pytest.param(
        "Mother had malignant peripheral nerve sheath tumor (MPNST).",
        {MPNST: "family"},
        id="family-term-with-abbreviation",
    ),
    pytest.param("Mother had MPNST.", {MPNST: "family"}, id="family-abbreviation-alone"),
    # pathology negation, uncertainty and clinical-question idiom
    pytest.param(
        "The infiltrative border is not consistent with leiomyosarcoma.",
        {LMS: "negated"},
        id="not-consistent-with",
    ),
    pytest.param("Margins clear of melanoma.", {"8720/3": "negated"}, id="margins-clear-of"),
    pytest.param(
        "Margins are clear of invasive melanoma.", {MEL: "negated"}, id="clear-of-at-distance"
    ),
    pytest.param("Margins free of melanoma.", {MEL: "negated"}, id="margins-free-of"),
    # "criteria for X are not met" negates X; "criteria for X are met" does not
    pytest.param(
        "Criteria for leiomyosarcoma or STUMP are not met.",
        {LMS: "negated", STUMP: "negated"},
        id="criteria-not-met",
    ),
    pytest.param(
        "The tumour does not meet criteria for leiomyosarcoma.",
        {LMS: "negated"},
        id="does-not-meet-criteria",
    ),
    pytest.param(
        "Leiomyosarcoma criteria not fulfilled.", {LMS: "negated"}, id="criteria-not-fulfilled"
    ),
    pytest.param("Criteria for leiomyosarcoma are met.", {LMS: "affirmed"}, id="criteria-met"),
    pytest.param(
        "Leiomyoma with focal atypia, criteria for STUMP not met.",
        {LM: "affirmed", STUMP: "negated"},
        id="criteria-not-met-short-scope",
    ),
    # a sign-out with "consider this a ..." stays affirmed; a bare "consider" is uncertain
    pytest.param("We consider this a dysplastic naevus.", {DN: "affirmed"}, id="consider-this-a"),
    pytest.param(
        "We consider this lesion to be a dysplastic naevus.",
        {DN: "affirmed"},
        id="consider-this-to-be",
    ),
    pytest.param("Consider leiomyosarcoma.", {LMS: "uncertain"}, id="consider-bare"),
    pytest.param(
        "Features in keeping with leiomyosarcoma.", {LMS: "affirmed"}, id="in-keeping-with"
    ),
    # a year in parentheses after a term dates a past diagnosis
    pytest.param(
        "COMMENT:\nThe right popliteal schwannoma (2013) is unrelated.",
        {SCHW: "historical"},
        id="year-in-parentheses",
    ),
    pytest.param(
        "Leiomyosarcoma (2019 WHO criteria).", {LMS: "affirmed"}, id="year-not-a-date-of-dx"
    ),
    # an amended report's superseded diagnosis (dev convention 7)
    pytest.param(
        "AMENDED CONCLUSION:\n- STUMP.\n\nPrevious conclusion (14/09/2016): leiomyoma.",
        {STUMP: "affirmed", LM: "historical"},
        id="previous-conclusion-colon",
    ),
    pytest.param("Conclusion: leiomyoma.", {LM: "affirmed"}, id="conclusion-colon-not-previous"),
    pytest.param("Melanoma; margins are clear.", {"8720/3": "affirmed"}, id="clear-after-term"),
    pytest.param(
        "The features fall short of leiomyosarcoma.", {LMS: "negated"}, id="fall-short-of"
    ),
    pytest.param("AIS: Not seen.", {"8140/2": "negated"}, id="colon-not-seen"),
    pytest.param("AIS: Present.", {"8140/2": "affirmed"}, id="colon-present"),
    pytest.param(
        "The possibility that this is a leiomyosarcoma must be borne in mind.",
        {LMS: "uncertain"},
        id="possibility-that",
    ),
    pytest.param(
        "Neurofibroma is a differential diagnosis.",
        {"9540/0": "uncertain"},
        id="is-a-differential",
    ),
    pytest.param("Susp ACIS on punch biopsies.", {"8140/2": "uncertain"}, id="susp"),
    pytest.param("Clinical history: ?Fibroids.", {LM: "uncertain"}, id="history-question"),
    pytest.param("Diagnosis: ? leiomyoma.", {LM: "uncertain"}, id="diagnosis-question"),
    pytest.param(
        "Clinical question: GIST vs leiomyoma?",
        {LM: "uncertain", "8936/3": "uncertain"},
        id="clinical-question-vs",
    ),
    # gross descriptions are read like any section (ANNOTATION.md section 1)
    pytest.param(
        "GROSS DESCRIPTION:\nReceived a fibroid uterus with a leiomyoma.",
        {LM: "affirmed"},
        id="gross-only",
    ),
    pytest.param(
        "MACROSCOPIC: A fibroid uterus.\n\nDIAGNOSIS:\nLeiomyosarcoma.",
        {LM: "affirmed", LMS: "affirmed"},
        id="gross-dropped-diagnosis-kept",
    ),
    # a count field of zero negates what its label counts; a non-zero count does not
    pytest.param(
        "Number of lymph nodes with metastatic leiomyosarcoma: 0.",
        {"8890/6": "negated"},
        id="count-field-zero",
    ),
    pytest.param(
        "Nodes involved by metastatic leiomyosarcoma: None\n(0/11).",
        {"8890/6": "negated"},
        id="count-field-none",
    ),
    pytest.param(
        "Number of lymph nodes with metastatic leiomyosarcoma: 2 (2/11).",
        {"8890/6": "affirmed"},
        id="count-field-two",
    ),
]


@pytest.mark.parametrize(("text", "expected"), GUIDELINE_ROWS)
def test_guideline_assertion(extractor: Extractor, text: str, expected: dict[str, str]) -> None:
    got = {m.icdo3: m.assertion for m in extractor.extract(text).diagnoses}
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_assertion(extractor: Extractor, text: str, expected: dict[str, str]) -> None:
    mentions = extractor.extract(text).diagnoses
    got: dict[str, str] = {}
    for m in mentions:
        assert got.setdefault(m.icdo3, m.assertion) == m.assertion, f"conflict on {m.icdo3}"
    assert got == expected


def test_table_covers_every_assertion() -> None:
    seen = {a for row in ROWS for a in row.values[1].values()}  # type: ignore[union-attr]
    assert seen == set(ASSERTIONS)


def test_modifier_rule_ids_are_recorded(extractor: Extractor) -> None:
    (mention,) = extractor.extract("Suspicious for leiomyosarcoma.").diagnoses
    assert mention.rule_id == "dx.leiomyosarcoma/ctx.unc.suspicious_for"
    (hist,) = extractor.extract("Outside diagnosis: leiomyoma.").diagnoses
    assert hist.rule_id.endswith("sec.quoted_diagnosis")


# A diagnosis reported from an earlier procedure is historical (ANNOTATION.md section 3);
# error class from the blind TCGA batches 8-9 and BSD, examples of our own.
EARLIER_PROCEDURE_ROWS = [
    pytest.param(
        "Clinical history: 61-year-old with leiomyosarcoma on core biopsy.",
        {LMS: "historical"},
        id="on-core-biopsy",
    ),
    pytest.param(
        "Clinical: fibroids on D&C, now hysterectomy.", {LM: "historical"}, id="on-d-and-c"
    ),
    pytest.param(
        "Clinical: uterine biopsy with leiomyosarcoma.", {LMS: "historical"}, id="biopsy-with"
    ),
    pytest.param(
        "Clinical: status post myomectomy in 2016 for fibroids.", {LM: "historical"}, id="s-p-for"
    ),
    pytest.param("Clinical: myomectomy 2015 for leiomyomas.", {LM: "historical"}, id="year-for"),
    pytest.param(
        "Clinical: earlier myomectomy at a district hospital (histology: leiomyoma).",
        {LM: "historical"},
        id="histology-colon",
    ),
    pytest.param(
        "Originally reported (03.04.2020) as: leiomyoma.", {LM: "historical"}, id="originally-as"
    ),
    pytest.param("Prior biopsy diagnosis: leiomyosarcoma", {LMS: "historical"}, id="prior-biopsy"),
    pytest.param(
        "Core biopsy at another hospital (05/2021): leiomyosarcoma.",
        {LMS: "historical"},
        id="another-hospital",
    ),
    pytest.param(
        "Note: leiomyosarcoma diagnosed at an outside hospital.",
        {LMS: "historical"},
        id="diagnosed-outside",
    ),
    # today's specimen stays affirmed
    pytest.param("Clinical: fibroid uterus, menorrhagia.", {LM: "affirmed"}, id="indication"),
    pytest.param(
        "DIAGNOSIS: Leiomyosarcoma on core biopsy.", {LMS: "affirmed"}, id="final-on-core-biopsy"
    ),
    pytest.param(
        "Clinical: leiomyosarcoma, for hysterectomy.", {LMS: "affirmed"}, id="for-surgery"
    ),
    # a minor procedure directly before the diagnosis it gave; "diagnosed on" a procedure
    pytest.param(
        "HISTORY: Endometrial biopsies leiomyosarcoma.", {LMS: "historical"}, id="biopsies-x"
    ),
    pytest.param(
        "Clinical history: leiomyosarcoma diagnosed on curettage.",
        {LMS: "historical"},
        id="diagnosed-on-curettage",
    ),
    pytest.param(
        "Clinical history: hysterectomy for leiomyosarcoma.", {LMS: "affirmed"}, id="for-today"
    ),
    pytest.param(
        "Clinical summary: leiomyosarcoma, high grade, on core biopsy C24-0101. Resection.",
        {LMS: "historical"},
        id="grade-then-procedure",
    ),
    pytest.param(
        "Datos clínicos: Biopsia (B23-0101): leiomyosarcoma. Resección.",
        {LMS: "historical"},
        id="native-procedure-word",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EARLIER_PROCEDURE_ROWS)
def test_earlier_procedure_is_historical(
    extractor: Extractor, text: str, expected: dict[str, str]
) -> None:
    got = {m.icdo3: m.assertion for m in extractor.extract(text).diagnoses}
    assert got == expected


# A plural negation after a coordinated list reaches every item (blind flag set 2 class):
COORDINATED_ROWS = [
    pytest.param(
        "Leiomyosarcoma, myxoid and epithelioid variants are not supported.",
        {LMS: "negated"},
        id="list-head-beyond-cue-scope",
    ),
    pytest.param(
        "STUMP and leiomyosarcoma are excluded.", {STUMP: "negated", LMS: "negated"}, id="pair"
    ),
    pytest.param(
        "Leiomyoma, in which atypia and mitoses are absent.", {LM: "affirmed"}, id="relative-clause"
    ),
    pytest.param(
        "Leiomyoma. Atypia and mitoses are absent.", {LM: "affirmed"}, id="other-sentence"
    ),
    pytest.param("Leiomyoma and adenomyosis are present.", {LM: "affirmed"}, id="not-negated"),
]


@pytest.mark.parametrize(("text", "expected"), COORDINATED_ROWS)
def test_coordinated_list_negation(
    extractor: Extractor, text: str, expected: dict[str, str]
) -> None:
    assert {m.icdo3: m.assertion for m in extractor.extract(text).diagnoses} == expected
