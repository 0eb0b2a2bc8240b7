"""Reports written in two languages: the native-language assertion cues, clinical and quoted
section headers and site words are read like their English counterparts (context.json,
sections.json, sites.json). Examples are our own sentences."""

from __future__ import annotations

import pytest

from helpers import diagnosis_pairs
from pathmine.nlp import Extractor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clinician's rule-out, in Spanish and German
        ("Descartar leiomiosarcoma.", {("8890/3", "uncertain")}),
        ("Ausschluss leiomyosarcoma.", {("8890/3", "uncertain")}),
        # hedges
        ("Sospecha de leiomiosarcoma.", {("8890/3", "uncertain")}),
        ("Suspeita de leiomyosarcoma.", {("8890/3", "uncertain")}),
        ("Verdacht auf leiomyosarcoma.", {("8890/3", "uncertain")}),
        # negations
        ("Útero: leiomioma, sin leiomiosarcoma.", {("8890/0", "affirmed"), ("8890/3", "negated")}),
        (
            "Utérus: leiomyoma, sans leiomyosarcoma.",
            {("8890/0", "affirmed"), ("8890/3", "negated")},
        ),
        # "cannot be excluded" and "excluded" in Portuguese and Spanish
        ("Adenosarcoma não pode ser excluído neste material.", {("8933/3", "uncertain")}),
        ("Carcinosarcoma excluído: sem componente epitelial.", {("8980/3", "negated")}),
        ("Carcinosarcoma descartado.", {("8980/3", "negated")}),
        # a back-reference that answers a raised diagnosis
        (
            "Although the mitotic count might prompt consideration of leiomyosarcoma, the"
            " features here do not support it.",
            {("8890/3", "negated")},
        ),
    ],
)
def test_native_language_assertion_cues(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert diagnosis_pairs(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Diagnóstico clínico: ¿leiomiosarcoma?\n\nDIAGNÓSTICO: Leiomioma.", "clinical_history"),
        ("Anamnese: leiomyosarcoma?\n\nDIAGNOSE: Leiomyom.", "clinical_history"),
        (
            "PREVIOUSLY REPORTED DIAGNOSIS (superseded by this amendment):\n   Leiomyosarcoma.\n",
            "quoted_diagnosis",
        ),
    ],
)
def test_native_and_parenthesised_headers(extractor: Extractor, text: str, section: str) -> None:
    sarcomas = [d for d in extractor.extract(text).diagnoses if d.icdo3 == "8890/3"]
    assert sarcomas and {d.section for d in sarcomas} == {section}


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("DIAGNÓSTICO: Muslo izquierdo, biopsia: liposarcoma mixoide.", "left thigh"),
        ("DIAGNÓSTICO: Hombro derecho, tejido subcutáneo: lipoma.", "right arm"),
        ("DIAGNOSTIC : Cuisse gauche, exérèse : liposarcome myxoïde.", "left thigh"),
    ],
)
def test_native_site_words(extractor: Extractor, text: str, site: str) -> None:
    sites = {d.site for d in extractor.extract(text).diagnoses}
    assert sites == {site}
