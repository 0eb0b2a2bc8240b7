"""Report facts and history attributions of flag set 11's classes; our own examples.

A wrapped ALL-CAPS heading is one phrase to the entity rules, but a label on the next line
still starts its line for the facts ("ADDENDUM - ...", "No: ..."); Spanish, Vietnamese and
Indonesian number labels; a bilingual collection label with the English in brackets; a
diagnosis "at another hospital" or after "history: <procedure> <year> for" is historical.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor


def test_an_addendum_line_under_a_wrapped_caps_heading(extractor: Extractor) -> None:
    text = (
        "REGIONAL GENERAL HOSPITAL - DEPARTMENT OF ANATOMICAL PATHOLOGY\n"
        "ADDENDUM - IMMUNOHISTOCHEMISTRY for case QP/21/0042\n"
        "Desmin: negative.\n"
    )
    assert extractor.extract(text).inferred_report_type == "addendum"


@pytest.mark.parametrize(
    "head",
    [
        "INFORME COMPLEMENTARIO (ADDENDUM) a la biopsia N°: T21-0041\n",
        "KET QUA BO SUNG (ADDENDUM) - So GPB: GPB-21-0041\n",
    ],
)
def test_addendum_headings_in_other_languages(extractor: Extractor, head: str) -> None:
    assert extractor.extract(head + "Desmin positive.").inferred_report_type == "addendum"


def test_an_addendum_announced_in_the_body_is_not_one(extractor: Extractor) -> None:
    text = "Lab no: T21-0040\nDIAGNOSIS: spindle cell sarcoma; IHC to follow (addendum).\n"
    assert extractor.extract(text).inferred_report_type == "original"


@pytest.mark.parametrize(
    ("head", "own"),
    [
        ("INFORME DE BIOPSIA N°: T21-0040          RUT: 11.111.111-1\n", "T21-0040"),
        ("Số GPB (Path no.): GPB-21-0040      Mã BN: 2101-0001\n", "GPB-21-0040"),
        ("No. PA: KL/H/21/0040        No. RM: 01-02-03\n", "KL/H/21/0040"),
    ],
)
def test_own_number_labels(extractor: Extractor, head: str, own: str) -> None:
    assert extractor.extract(head + "DIAGNOSIS: leiomyoma.").accession == own


def test_a_cited_parent_is_not_the_own_number(extractor: Extractor) -> None:
    text = "INFORME COMPLEMENTARIO a la biopsia N°: T21-0041\nDesmin positive.\n"
    facts = extractor.extract(text)
    assert facts.accession is None
    assert facts.cited_accessions == ("T21-0041",)


def test_a_bilingual_collection_label_with_the_english_in_brackets(
    extractor: Extractor,
) -> None:
    text = "Fecha de extracción (collection): 21-07-2020\nDIAGNOSIS: leiomyoma.\n"
    dates = extractor.extract(text).collection_dates
    assert {(d.year, d.month, d.day) for d in dates} == {(2020, 7, 21)}


@pytest.mark.parametrize(
    "text",
    [
        "Specimen: lung core (history: myomectomy 2014 for leiomyoma, elsewhere).",
        "Lung nodules; leiomyoma at another hospital in 2014.",
    ],
)
def test_a_diagnosis_of_another_specimen_is_historical(extractor: Extractor, text: str) -> None:
    assert [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses] == [
        ("8890/0", "historical")
    ]
