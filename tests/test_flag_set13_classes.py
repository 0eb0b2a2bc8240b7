"""Flag set 13 error classes at the extraction level; every row is our own text.

- A bilingual own-accession label ("N° d'accession / Accession: ...") gives the report's own
  number: the "acc" abbreviation no longer matches inside "accession" and swallows the label.
- "ADDENDA / ADDENDUM" heads an addendum.
- A foreign retraction ("die Diagnose ... wird zurückgezogen", "est retiré") negates the
  withdrawn diagnosis, like "is withdrawn".
- Sites and laterality in other languages ("Hud, höger vad", "rygg vänster skulderblad",
  "antebraț stâng"), so the same-site rules hold for those reports.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor


@pytest.mark.parametrize(
    ("text", "accession"),
    [
        (
            "N° d'accession / Accession: QP21-00417\nPrélevé le / Collected: 2021-03-02",
            "QP21-00417",
        ),
        ("Accession no.: QP21-00417", "QP21-00417"),
        ("Acc. QP21-00417", "QP21-00417"),
    ],
)
def test_own_accession_labels(extractor: Extractor, text: str, accession: str) -> None:
    assert extractor.extract(text).accession == accession


@pytest.mark.parametrize(
    ("text", "report_type"),
    [
        ("ADDENDA / ADDENDUM          Accession: QP21-00417\nDesmin positive.", "addendum"),
        ("Addenda:\nImmunohistochemistry to follow.", "addendum"),
    ],
)
def test_report_type_headings(extractor: Extractor, text: str, report_type: str) -> None:
    assert extractor.extract(text).inferred_report_type == report_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Berichtigte Diagnose: Leiomyom. Die Diagnose eines Leiomyosarkoms wird zurückgezogen.",
            [("8890/0", "affirmed"), ("8890/3", "negated")],
            id="german-wird-zurueckgezogen",
        ),
        pytest.param(
            "Diagnostic corrigé : léiomyome. Le diagnostic de léiomyosarcome est retiré.",
            [("8890/0", "affirmed"), ("8890/3", "negated")],
            id="french-est-retire",
        ),
        pytest.param(
            "Gecorrigeerde diagnose: leiomyoom. De diagnose leiomyosarcoom wordt ingetrokken.",
            [("8890/0", "affirmed"), ("8890/3", "negated")],
            id="dutch-wordt-ingetrokken",
        ),
    ],
)
def test_foreign_retractions(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses] == expected


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("PAD-DIAGNOS: Hud, höger vad: Malignt melanom.", "right leg"),
        ("PAD-DIAGNOS: Hud, rygg vänster skulderblad: Sammansatt nevus.", "left back"),
        ("DIAGNOSTIC: Piele, antebraț stâng: leiomiom cutanat.", "left arm"),
        ("Diagnose: Haut, Wade rechts: Melanom.", "right leg"),
        ("Diagnostic : peau du dos : naevus composé.", "back"),
        ("Rozpoznanie: skóra podudzia lewego: czerniak.", "left leg"),
    ],
)
def test_sites_in_other_languages(extractor: Extractor, text: str, site: str) -> None:
    sites = {d.site for d in extractor.extract(text).diagnoses}
    assert sites == {site}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "CONCLUSION :\nUtérus : NODULE DU STROMA ENDOMÉTRIAL de 4,8 cm.",
            [("8930/0", "affirmed")],
            id="fr-nodule-du-stroma",
        ),
        pytest.param(
            "Diagnostic initial : nodule du stroma endométrial.\n\nCONCLUSION DE LA RELECTURE :\n"
            "Utérus : SARCOME DU STROMA ENDOMÉTRIAL DE BAS GRADE. Le diagnostic initial de "
            "nodule du stroma endométrial n'est pas retenu.",
            [("8930/0", "historical"), ("8931/3", "affirmed"), ("8930/0", "negated")],
            id="fr-review-conclusion-and-not-retained",
        ),
        pytest.param(
            "Renseignements cliniques : Antécédent d'hystérectomie en 2016 pour léiomyome.",
            [("8890/0", "historical")],
            id="fr-antecedent-elided",
        ),
        pytest.param(
            "ΔΙΑΓΝΩΣΗ: Μήτρα (ολική υστερεκτομή): ΛΕΙΟΜΥΟΣΑΡΚΩΜΑ, 7 εκ.",
            [("8890/3", "affirmed")],
            id="greek-capitals-without-accents",
        ),
    ],
)
def test_review_wording_and_greek(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses] == expected


@pytest.mark.parametrize(
    ("text", "report_type", "own", "cited"),
    [
        (
            "AVIS DE RELECTURE          N° de relecture : RL21-0077\n"
            "Objet : relecture des lames de l'examen T15-01288.",
            "review",
            "RL21-0077",
            ("T15-01288",),
        ),
        (
            "EXPERT CONSULTATION          Ref.: QGP-19-0219\n"
            "Material: 9 H&E slides from protocol 1842/19, General Hospital.",
            "consult",
            "QGP-19-0219",
            ("1842/19",),
        ),
        (
            "Conclusion : léiomyome.\nCommentaire : Une relecture des lames de 2014 est demandée.",
            "original",
            None,
            (),
        ),
    ],
)
def test_review_facts(
    extractor: Extractor, text: str, report_type: str, own: str | None, cited: tuple[str, ...]
) -> None:
    found = extractor.extract(text)
    assert (found.inferred_report_type, found.accession, found.cited_accessions) == (
        report_type,
        own,
        cited,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Materiaal: coupes van T16-0881. Oorspronkelijke diagnose: dysplastische naevus.",
            [("8727/0", "historical")],
            id="nl-quoted-inline",
        ),
        pytest.param(
            "Objet : relecture. Diagnostic initial : léiomyome.",
            [("8890/0", "historical")],
            id="fr-initial-diagnosis-inline",
        ),
        pytest.param(
            "Diagnostic conclusion: leiomyoma.", [("8890/0", "affirmed")], id="own-conclusion"
        ),
        pytest.param(
            "Klinikai adatok: Myoma uteri.\nSZÖVETTANI DIAGNÓZIS: Leiomyoma uteri, 6 cm.",
            [("8890/0", "affirmed"), ("8890/0", "affirmed")],
            id="hu-headers",
        ),
    ],
)
def test_quoted_and_hungarian_headers(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses] == expected


def test_hungarian_sections_and_dates(extractor: Extractor) -> None:
    found = extractor.extract(
        "SZÖVETTANI LELET          Szövettani szám: 2022/S/03102\n"
        "Mintavétel: 2022.03.03.     Lelet kiadása: 2022.03.25.\n"
        "Klinikai adatok: Myoma uteri.\nSZÖVETTANI DIAGNÓZIS: Leiomyoma uteri."
    )
    assert found.accession == "2022/S/03102"
    assert [d.isoformat() for d in found.collection_dates] == ["2022-03-03"]
    assert {m.section for m in found.diagnoses} == {"clinical_history", "final_diagnosis"}


def test_voice_recognition_slips_in_features(extractor: Extractor) -> None:
    """'high-power feels' for fields, 'tumour sell necrosis' for cell (dictation)."""
    found = extractor.extract(
        "Microscopy: The mitotic count is 12 per 10 high-power feels. There is coagulative "
        "tumour sell necrosis."
    ).features_summary()
    assert (found["mitoses_per_10hpf"], found["tumor_cell_necrosis"]) == (12.0, True)
