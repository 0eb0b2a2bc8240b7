"""Blind flag set 19 error classes at the extraction level; every row is our own text.

- A diagnosis raised and answered by a pronoun in the next clause or sentence ("concern for
  X is noted; the findings do not support it") is negated, across ';', 'but' and a sentence
  end, and only the nearest diagnosis before the answer.
- A tumour named inside a unit's name after its discipline ("Unidad de Patología de
  Sarcomas") names the unit.
- A Spanish consult says so ("INFORME DE CONSULTA", "Centro remitente", "Biopsia remitida").
- The scalp (and face, forehead, ear) in other languages is a head-and-neck site, so a
  melanoma there is not taken for a recurrence of a naevus on the arm.
- "leiomioma atípico" and its twins are atypical leiomyoma (8893/0); "Estudio:" opens the
  consult's own microscopy, not the quoted referring diagnosis.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor


def _pairs(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return {(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "COMMENT: Concern for leiomyosarcoma was raised by the surgeon; our findings do "
            "not support it.",
            {("8890/3", "negated")},
            {("8890/3", "uncertain")},
        ),
        (
            "NOTE: The radiologist queried a sarcoma, but the histology does not support this.",
            {("8800/3", "negated")},
            {("8800/3", "uncertain"), ("8800/3", "affirmed")},
        ),
        (
            "COMMENT: Metastatic melanoma was considered.\nThe immunoprofile does not support "
            "that diagnosis.",
            {("8720/6", "negated")},
            {("8720/6", "uncertain")},
        ),
        (
            "COMMENT: A liposarcoma entered the differential; this is excluded by the absence "
            "of MDM2 amplification.",
            {("8850/3", "negated")},
            {("8850/3", "uncertain")},
        ),
        (
            # only the nearest diagnosis is answered: the lipoma stays affirmed
            "DIAGNOSIS: Lipoma.\nCOMMENT: Lipoma, as above. Liposarcoma was raised clinically; "
            "the features do not support it.",
            {("8850/0", "affirmed"), ("8850/3", "negated")},
            {("8850/0", "negated")},
        ),
        (
            # a blank line ends the reach
            "COMMENT: Leiomyosarcoma, high grade.\n\nMargins: the features do not support it.",
            {("8890/3", "affirmed")},
            {("8890/3", "negated")},
        ),
        (
            # support without a negation is not an answer
            "DIAGNOSIS: Leiomyosarcoma.\nCOMMENT: Desmin and h-caldesmon support it.",
            {("8890/3", "affirmed")},
            {("8890/3", "negated")},
        ),
    ],
)
def test_a_pronoun_answer_negates_the_raised_diagnosis(
    extractor: Extractor,
    text: str,
    expected: set[tuple[str, str]],
    absent: set[tuple[str, str]],
) -> None:
    pairs = _pairs(extractor, text)
    assert expected <= pairs, pairs
    assert not (absent & pairs), pairs


@pytest.mark.parametrize(
    "header",
    [
        "UNIDAD DE PATOLOGÍA DE SARCOMAS Y TUMORES ÓSEOS",
        "Servicio de Oncología de Melanoma - Hospital Provincial",
        "Centro de Anatomía Patológica de Sarcomas",
        "Unit of Pathology for Sarcoma and Bone Tumours",
    ],
)
def test_a_tumour_in_a_units_name_is_not_a_diagnosis(extractor: Extractor, header: str) -> None:
    text = f"{header}\nINFORME\n\nDIAGNÓSTICO: Piel, brazo: nevus intradérmico.\n"
    codes = {d.icdo3 for d in extractor.extract(text).diagnoses}
    assert not {"8800/3", "8720/3"} & codes, codes


@pytest.mark.parametrize(
    ("text", "report_type"),
    [
        ("HOSPITAL GENERAL\nINFORME DE CONSULTA\nNº de consulta: C22-114\n", "consult"),
        ("Centro remitente: Hospital Comarcal. Material: 8 preparaciones.\n", "consult"),
        ("Biopsia remitida: B21-00917 (extraída el 03/02/2021).\n", "consult"),
        ("Diagnóstico del centro remitente: leiomioma celular.\n", "consult"),
        ("HOSPITAL GENERAL\nINFORME DE BIOPSIA\nMédico peticionario: Dra. Ruiz\n", "original"),
        ("Microscopía: No se observa necrosis en el material remitido.\n", "original"),
    ],
)
def test_spanish_consults_say_so(extractor: Extractor, text: str, report_type: str) -> None:
    assert extractor.extract(text + "DIAGNÓSTICO: Leiomioma.").inferred_report_type == report_type


@pytest.mark.parametrize(
    "line",
    [
        "Huid, behaarde hoofdhuid links occipitaal, excisie: MELANOOM",
        "Haut, Kopfhaut rechts, Exzision: MELANOM",
        "Peau, cuir chevelu, exérèse : MÉLANOME",
        "Piel, cuero cabelludo, biopsia: MELANOMA",
        "Pele, couro cabeludo, excisão: MELANOMA",
        "Cute, cuoio capelluto, escissione: MELANOMA",
    ],
)
def test_scalp_in_other_languages_is_head_and_neck(extractor: Extractor, line: str) -> None:
    found = extractor.extract(f"DIAGNOSIS:\n{line}.\n").diagnoses
    melanoma = [d for d in found if d.icdo3 == "8720/3"]
    assert melanoma, found
    assert melanoma[0].site is not None and "head and neck" in melanoma[0].site


@pytest.mark.parametrize(
    "phrase",
    ["leiomioma atípico", "léiomyome atypique", "atypisches Leiomyom", "leiomioma simplástico"],
)
def test_atypical_leiomyoma_in_other_languages(extractor: Extractor, phrase: str) -> None:
    assert ("8893/0", "affirmed") in _pairs(extractor, f"DIAGNÓSTICO: Útero: {phrase}.\n")


def test_estudio_opens_the_consults_own_microscopy(extractor: Extractor) -> None:
    text = (
        "INFORME DE CONSULTA\nDiagnóstico del centro remitente: Leiomiosarcoma.\n\n"
        "Estudio: Núcleos bizarros sobre un fondo de leiomioma convencional.\n\n"
        "DIAGNÓSTICO: LEIOMIOMA CON NÚCLEOS BIZARROS.\n"
    )
    found = extractor.extract(text).diagnoses
    by_code = {(d.icdo3, d.assertion, d.section) for d in found}
    assert ("8890/3", "historical", "quoted_diagnosis") in by_code
    assert ("8890/0", "affirmed", "microscopic") in by_code


# Residual classes of flag set 11 (a development set), fixed in the same session.


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Diagnosis: Left forearm, subcutaneous mass, marginal excision - MALIGNANT PERIPHERAL\n"
            "NERVE SHEATH TUMOUR, high grade.",
            "9540/3",
        ),
        (
            "DIAGNOSIS: Thigh, deep intramuscular mass, resection with margins, "
            "ATYPICAL LIPOMATOUS\n"
            "TUMOUR, MDM2 amplified.",
            "8851/3",
        ),
    ],
)
def test_a_capitals_clause_wrapped_after_a_comma_or_dash_is_one_term(
    extractor: Extractor, text: str, code: str
) -> None:
    assert (code, "affirmed") in _pairs(extractor, text)


@pytest.mark.parametrize(
    ("text", "report_type"),
    [
        ("DEPARTMENTAL REVIEW - Lab No: H19/1120\nREVIEW DIAGNOSIS: Melanoma.", "review"),
        ("INTRADEPARTMENTAL REVIEW\nDIAGNOSIS: Melanoma.", "review"),
        ("Review diagnosis: Skin, back: melanoma.", "review"),
        ("DIAGNOSIS: Melanoma.\nCOMMENT: Reviewed with a colleague.", "original"),
    ],
)
def test_departmental_reviews_say_so(extractor: Extractor, text: str, report_type: str) -> None:
    assert extractor.extract(text).inferred_report_type == report_type
