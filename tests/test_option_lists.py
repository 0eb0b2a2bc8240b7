"""Printed option lists of a form are not mentions; a report's own numbered diagnoses are
(ANNOTATION.md section 1). Examples are our own forms and reports."""

from __future__ import annotations

import pytest

from helpers import diagnosis_pairs
from pathmine.nlp import Extractor
from pathmine.nlp.option_lists import option_list_spans

FORM = """OVARIAN TUMOUR PROFORMA
A. Histologic type: 2
1. Serous cystadenoma
2. Papillary serous carcinoma
3. Mucinous carcinoma
4. Endometrioid carcinoma
5. Clear cell carcinoma
11. Brenner tumour
12. Undifferentiated carcinoma
13. Dysgerminoma
14. Others
B. Grade: 3
"""


def test_printed_options_give_no_mentions(extractor: Extractor) -> None:
    pairs = diagnosis_pairs(
        extractor, FORM + "\nDIAGNOSIS: High-grade serous carcinoma, left ovary."
    )
    assert pairs == {("8441/3", "affirmed")}


@pytest.mark.parametrize(
    "text",
    [
        # a report's own numbered diagnoses: short, from 1, no "Others"
        "FINAL DIAGNOSIS:\n1. Leiomyomata\n2. Serous cystadenoma\n3. Mature teratoma\n"
        "4. Adenomyosis\n5. Chronic cervicitis\n6. Paratubal cyst\n",
        # numbered parts with colons are fields, not options
        "1. Uterus: leiomyoma\n2. Left ovary: mature teratoma\n3. Right ovary: serous "
        "cystadenoma\n4. Omentum: benign\n5. Appendix: benign\n11. Node: benign\n",
    ],
)
def test_numbered_diagnoses_stay(extractor: Extractor, text: str) -> None:
    codes = {code for code, _ in diagnosis_pairs(extractor, text)}
    assert {"8890/0", "9080/0", "8441/0"} <= codes


def test_spans_need_several_diagnoses() -> None:
    text = "1. a\n2. b\n3. c\n4. d\n5. e\n12. f\n13. Others\n"
    assert option_list_spans(text, [0]) == []
    assert option_list_spans(text, [0, 5, 10]) == [(0, len(text) - 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Reported by Dr. A. Okafor, Consultant Sarcoma Pathologist.",
        "NORTHERN SARCOMA PATHOLOGY REVIEW SERVICE, Regional Infirmary",
        "SYNOPTIC SUMMARY (UTERINE SARCOMA):",
        "INSTITUTO NACIONAL DE SARCOMAS, Lima",
    ],
)
def test_team_and_form_names_are_not_mentions(extractor: Extractor, text: str) -> None:
    assert diagnosis_pairs(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The negative HMB-45 and Melan-A argue against a malignant PEComa.", "8714/3"),
        ("Negative melanocytic markers exclude PEComa.", "8714/0"),
    ],
)
def test_pecoma_codes(extractor: Extractor, text: str, code: str) -> None:
    assert diagnosis_pairs(extractor, text) == {(code, "negated")}
