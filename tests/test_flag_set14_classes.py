"""Flag set 14 / BSM error classes at the extraction level; every row is our own text.

- A diagnosis label in the report's language heads the specimen line, which may end with its
  colon, the diagnosis below ("Conclusão: Coxa direita (ressecção):\\nMPNST").
- "lumbar region" in several languages is the back.
- A second name written after a slash shares the first one's cue ("no criteria of ALT /
  WDLPS").
- "No X is seen to suggest Y" negates Y; a clause-opening "no" reaches every item of its "or"
  list ("No atypical ductal hyperplasia or in situ carcinoma").
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Conclusão: Antebraço esquerdo (excisão):\nSCHWANNOMA.", "left arm"),
        ("Conclusión: Muslo derecho, resección:\nLIPOSARCOMA MIXOIDE.", "right thigh"),
        ("Conclusion: Left forearm (excision):\nSchwannoma.", "left arm"),
        ("Diagnóstico:\nTumoración de región lumbar izquierda, escisión:\n- LIPOMA.", "left back"),
        ("Diagnosis:\nRight lumbar region, excision:\n- Lipoma.", "right back"),
    ],
)
def test_specimen_lines_name_the_site(extractor: Extractor, text: str, site: str) -> None:
    assert {d.site for d in extractor.extract(text).diagnoses} == {site}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "No se identifican criterios de tumor lipomatoso atípico / liposarcoma bien "
            "diferenciado.",
            [("8851/3", "negated"), ("8851/3", "negated")],
            id="slash-twin-negated",
        ),
        pytest.param(
            "Favour leiomyoma / STUMP.",
            [("8890/0", "uncertain"), ("8897/1", "uncertain")],
            id="slash-twin-hedged",
        ),
        pytest.param(
            "No osteoid is seen to suggest osteosarcoma.",
            [("9180/3", "negated")],
            id="no-finding-to-suggest",
        ),
        pytest.param(
            "No atypical ductal hyperplasia or in situ carcinoma.",
            [("8010/2", "negated")],
            id="no-or-list",
        ),
        pytest.param(
            "- No lymphovascular invasion or metastatic carcinoma.",
            [("8010/6", "negated")],
            id="no-or-list-metastatic",
        ),
        pytest.param(
            "No necrosis is seen, but leiomyosarcoma is diagnosed.",
            [("8890/3", "affirmed")],
            id="a-verb-ends-the-list",
        ),
    ],
)
def test_assertions(extractor: Extractor, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses] == expected


@pytest.mark.parametrize(
    ("text", "report_type", "accession"),
    [
        (
            "INTRADEPARTMENTAL REVIEW\nReview No: RV21-0077\nMaterial reviewed: S12-4410.",
            "review",
            "RV21-0077",
        ),
        (
            "Anatomia Patologica - CONSULENZA ISTOPATOLOGICA\nN. consulenza: CONS-21-0107",
            "consult",
            "CONS-21-0107",
        ),
        (
            "REFERTO ISTOPATOLOGICO          N. esame: 2019/I/04410\nData prelievo: 02/03/2019",
            "original",
            "2019/I/04410",
        ),
    ],
)
def test_report_type_and_own_number(
    extractor: Extractor, text: str, report_type: str, accession: str
) -> None:
    found = extractor.extract(text)
    assert (found.inferred_report_type, found.accession) == (report_type, accession)


@pytest.mark.parametrize(
    "text",
    [
        "Diagnosi del centro inviante: Leiomiosarcoma.",
        "Diagnóstico del centro remitente: Leiomiosarcoma.",
        "Einsenderdiagnose: Leiomyosarkom.",
    ],
)
def test_referring_centre_diagnosis_is_quoted(extractor: Extractor, text: str) -> None:
    assert [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses] == [
        ("8890/3", "historical")
    ]
