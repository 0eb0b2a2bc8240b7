"""BSN error classes (a mostly English blind set); every row is our own sentence.

- Translations for thyroid, skin, ovarian, lipomatous and renal names in other languages, and
  renal oncocytoma (8290/0), which the lexicon lacked.
- Foreign exclusion wording: "uteslutes", "a été discuté et écarté", "permiten descartar",
  "exclut", "va à l'encontre d'un", "gegen eine", "wolne od".
- "the possibility of X" hedges; a label naming a prior biopsy ("Biópsia prévia (...):")
  dates its diagnosis to that specimen; "qualora" (Italian "should") is conditional.
- A query mark after the mention with a comma between asks about what follows.
- No mention in a References list, a protocol's parenthesis, a staging title or an e-mail
  address.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor

ROWS = [
    pytest.param(
        "Diagnóstico: carcinoma papilífero, variante clássica.",
        [("8260/3", "affirmed")],
        id="pt-ptc",
    ),
    pytest.param(
        "Diagnóstico: carcinoma basocelular nodular.", [("8090/3", "affirmed")], id="pt-bcc"
    ),
    pytest.param(
        "Diagnóstico: cistoadenoma seroso.", [("8441/0", "affirmed")], id="es-cystadenoma"
    ),
    pytest.param("Diagnosis: renal oncocytoma, 3.2 cm.", [("8290/0", "affirmed")], id="oncocytoma"),
    pytest.param("Diagnóstico: fibromas uterinos.", [("8890/0", "affirmed")], id="es-fibroids"),
    pytest.param(
        "Diagnos: leiomyom. Schwannom uteslutes.",
        [("8890/0", "affirmed"), ("9560/0", "negated")],
        id="sv-uteslutes",
    ),
    pytest.param(
        "Le diagnostic de fibroadénome a été discuté et écarté.",
        [("9010/0", "negated")],
        id="fr-discute-et-ecarte",
    ),
    pytest.param(
        "La ausencia de infiltración permite descartar un leiomiosarcoma.",
        [("8890/3", "negated")],
        id="es-permite-descartar",
    ),
    pytest.param("L'infiltration exclut un léiomyome.", [("8890/0", "negated")], id="fr-exclut"),
    pytest.param(
        "La cytologie va à l'encontre d'un léiomyosarcome.",
        [("8890/3", "negated")],
        id="fr-a-l-encontre",
    ),
    pytest.param(
        "Das Profil spricht gegen eine Metastase des Mammakarzinoms.",
        [("8010/6", "negated")],
        id="de-gegen-eine",
    ),
    pytest.param("Marginesy wolne od czerniaka.", [("8720/3", "negated")], id="pl-wolne-od"),
    pytest.param(
        "The possibility of leiomyosarcoma was raised at the consensus meeting.",
        [("8890/3", "uncertain")],
        id="the-possibility-of",
    ),
    pytest.param(
        "Clinical: Biópsia prévia (QA-21-00417): adenocarcinoma.",
        [("8140/3", "historical")],
        id="pt-prior-biopsy-label",
    ),
    pytest.param(
        "Nota: qualora la lesione recidivasse, si raccomanda una valutazione per leiomiosarcoma.",
        [("8890/3", "hypothetical")],
        id="it-qualora",
    ),
    pytest.param(
        "Clinical details: fibroid uterus, ? extension into the parametrium.",
        [("8890/0", "affirmed")],
        id="query-after-comma-asks-about-what-follows",
    ),
    pytest.param(
        "Clinical: pelvic mass, rapid growth, ? sarcoma.",
        [("8800/3", "uncertain")],
        id="query-before-the-mention-still-hedges",
    ),
    pytest.param(
        "Method: FISH.\n\nReferences\n1. Smith A. Losses in renal oncocytoma. Mod Pathol 2005.",
        [],
        id="references-list",
    ),
    pytest.param(
        "UTERINE SARCOMA (CAP Protocol for the Examination of Specimens From Patients With "
        "Primary Sarcoma of the Uterus; leiomyosarcoma / adenosarcoma)",
        [],
        id="protocol-parenthesis",
    ),
    pytest.param("Staging for renal cell carcinoma/oncocytoma:", [], id="staging-title"),
    pytest.param("Contact: sarcoma.pathology@example.org", [], id="e-mail-address"),
    pytest.param(
        "Impression:\nBilateral ovaries, staging procedure - Serous cystadenoma, 5.3 cm.",
        [("8441/0", "affirmed")],
        id="a-staging-procedure-is-no-staging-title",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_code_and_assertion(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses] == expected
