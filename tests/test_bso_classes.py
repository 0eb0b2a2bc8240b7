"""BSO error classes (English from new places, languages not seen before); our own sentences.

- A prior-specimen label with a bracketed number ("Previous core (HPE No. X/1/22): ...") and
  a bracketed qualifier in a quoted label ("Original (referring) diagnosis:"), Danish
  "Tidligere diagnose:", external-report labels ("laudo externo:").
- "surveillance for X" is future; a query mark at the end of a line after two words.
- Danish/Norwegian "kan ikke længere opretholdes", Latvian/Lithuanian "nav"/"nėra", Slovene
  "brez" negate; Baltic "izoperēta"/"pašalinta" (operated, removed) date a diagnosis.
- GIST risk words in other languages ("à faible risque", "riesgo muy bajo").
- Carcinosarcoma and serous words of Nordic and Slavic reports.
- Cue words that fold into other words under the OCR norm (Swedish "ej" and Finnish "ei",
  the town "Loja" and a relative's name) are left out.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor

ROWS = [
    pytest.param(
        "Clinical: Previous core (HPE No. ABC/P/1512/22): fibroadenoma.",
        [("9010/0", "historical")],
        id="previous-core-with-bracketed-number",
    ),
    pytest.param(
        "Original (referring) diagnosis: Uterine leiomyoma.",
        [("8890/0", "historical")],
        id="bracketed-qualifier-in-quoted-label",
    ),
    pytest.param(
        "Tidligere diagnose: STUMP. STUMP kan ikke længere opretholdes.",
        [("8897/1", "historical"), ("8897/1", "negated")],
        id="da-tidligere-and-no-longer-maintained",
    ),
    pytest.param(
        "If the syndrome is confirmed, surveillance for colorectal adenocarcinoma is advised.",
        [("8140/3", "hypothetical")],
        id="surveillance-for",
    ),
    pytest.param(
        "Hipótese diagnóstica: sarcoma uterino?\nMaterial: útero.",
        [("8800/3", "uncertain")],
        id="query-mark-ends-the-line",
    ),
    pytest.param("Melanomas pazīmju nav.", [("8720/3", "negated")], id="lv-nav"),
    pytest.param(
        "Anamnēze: izoperēta melanoma (muguras āda).", [("8720/3", "historical")], id="lv-operated"
    ),
    pytest.param("Omentum: brez metastaz karcinoma.", [("8010/3", "negated")], id="sl-brez"),
    pytest.param(
        "Diagnostic : GIST de l'estomac, à faible risque.",
        [("8936/1", "affirmed")],
        id="fr-low-risk-gist",
    ),
    pytest.param("Uterus: KARSINOSARKOM, 7 cm.", [("8980/3", "affirmed")], id="no-carcinosarcoma"),
    pytest.param(
        "Maternica: serozni karcinom endometrija.", [("8441/3", "affirmed")], id="sl-serous"
    ),
    pytest.param(
        "Antecedente / History: hysterectomy in 2008 in Loja, reported as leiomyoma.",
        [("8890/0", "historical")],
        id="a-town-is-no-relative",
    ),
    pytest.param(
        "Biopsi: avdifferentierat liposarkom kan ej uteslutas.",
        [("8858/3", "uncertain")],
        id="sv-ej-is-no-negation",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_code_and_assertion(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses] == expected


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Retroperitoneal mass, excision: dedifferentiated liposarcoma.", "retroperitoneum"),
        ("Diagnose:\nRetroperitoneal tumor, ve. side: LIPOSARKOM, 22 cm.", "left retroperitoneum"),
        ("Kesimpulan: Massa rektum, biopsi: ADENOKARSINOMA.", "rectum"),
        ("Zaključak: CELULARNI ŠVANOM, recidiv, desna strana vrata.", "right head and neck"),
        ("Peritoneal nodule, biopsy: metastatic leiomyosarcoma.", "peritoneum"),
    ],
)
def test_sites_flag_set_15(extractor: Extractor, text: str, site: str) -> None:
    assert {d.site for d in extractor.extract(text).diagnoses} == {site}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "No smooth muscle neoplasm (leiomyoma or leiomyosarcoma) is identified.",
            [("8897/1", "negated"), ("8890/0", "negated"), ("8890/3", "negated")],
            id="negated-bracketed-list",
        ),
        pytest.param(
            "Leiomyoma or leiomyosarcoma.",
            [("8890/0", "uncertain"), ("8890/3", "uncertain")],
            id="an-alternative-stays-uncertain",
        ),
        pytest.param(
            "Nema znakova maligne tumorske ovojnice perifernog živca (MPNST).",
            [("9540/3", "negated")],
            id="hr-nema-znakova",
        ),
        pytest.param(
            "Komentar: Ako dođe do ponovnog rasta, preporučuje se evaluacija za MPNST.",
            [("9540/3", "hypothetical")],
            id="hr-ako",
        ),
    ],
)
def test_flag_set_15_assertions(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses] == expected
