"""Report facts that link a review or consult to the specimen it concerns (flag set 10
classes; every example is our own): an own number under "Sample no", a Nordic or Greek
label or a bare line-initial "No:"; a collection date under "Sampled"; the date a review
gives in brackets after the accession it cites; a consult written as a letter."""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor

TAIL = "DIAGNOSIS: leiomyoma."


@pytest.mark.parametrize(
    ("head", "own"),
    [
        ("Sample no: Q16-04412\n", "Q16-04412"),
        ("Näytenumero / Sample no: K18-20771\n", "K18-20771"),
        ("Provnummer: UP-19-5531\n", "UP-19-5531"),
        ("Αρ. εξέτασης / No: ΑΒΓ-17-3302 (ABG-17-3302)\n", "ABG-17-3302"),
        ("No: KLM-20-0457     Age: 51\n", "KLM-20-0457"),
        # an ALL-CAPS heading whose line break the tokenizer reads as a wrap
        ("ST ELSEWHERE HOSPITAL - PATHOLOGY DEPARTMENT\nNo: KLM-20-0458\n", "KLM-20-0458"),
    ],
)
def test_own_accession(extractor: Extractor, head: str, own: str) -> None:
    assert extractor.extract(head + TAIL).accession == own


@pytest.mark.parametrize(
    "head",
    [
        "IP No.     : WARD/IP/21/33017\n",  # an inpatient number under a bare "No."
        "Tel no: 0189-7440210\n",
        "Your sample no: Z-21-9931\n",
    ],
)
def test_not_the_own_accession(extractor: Extractor, head: str) -> None:
    assert extractor.extract(head + TAIL).accession is None


@pytest.mark.parametrize(
    ("head", "dates"),
    [
        ("Sampled: 24.06.2019     Reported: 28.06.2019\n", {(2019, 6, 24)}),
        ("Näytteenottopäivä / Date sampled: 17.10.2020\n", {(2020, 10, 17)}),
    ],
)
def test_collection_date(extractor: Extractor, head: str, dates: set[tuple[int, int, int]]) -> None:
    found = extractor.extract(head + TAIL).collection_dates
    assert {(d.year, d.month, d.day) for d in found} == dates


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Material reviewed: outside sample Q16-04412 (uterus, sampled 23.03.2016).\n",
            (2016, 3, 23),
        ),
        ("We received slides and blocks KLM-20-0457 (hysterectomy, 14/05/2020).\n", (2020, 5, 14)),
    ],
)
def test_cited_date_in_brackets_after_the_cited_accession(
    extractor: Extractor, text: str, date: tuple[int, int, int]
) -> None:
    cited = extractor.extract(text + "Review diagnosis: leiomyosarcoma.").cited_dates
    assert date in {(d.year, d.month, d.day) for d in cited}


@pytest.mark.parametrize(
    "head",
    [
        "Consultation ref: XYZ-C-22-0101\nDear Dr Synthetic,\n",
        "Dear Dr Synthetic,\nRe: your specimen AB-22-0334 (myomectomy).\n",
        "Thank you for sending 4 slides and 1 block of this case.\n",
    ],
)
def test_consult_letters(extractor: Extractor, head: str) -> None:
    assert extractor.infer_report_type(head + "I would diagnose a leiomyoma.") == "consult"


def test_an_original_that_thanks_nobody_stays_original(extractor: Extractor) -> None:
    text = "Specimen: uterus.\nClinical: fibroids; your patient was seen in clinic.\n" + TAIL
    assert extractor.infer_report_type(text) == "original"
