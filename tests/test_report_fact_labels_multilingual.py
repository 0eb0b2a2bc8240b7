"""Own-accession and collection-date labels in other languages (class found on blind flag
set 9; examples are our own). A Belgian, Dutch, French or Spanish report prints its own number
under a label whose stem names the examination or specimen, often with a second language's
label after a slash; unread, a later review citing it cannot be linked. Its collection date
under 'Prélèvement / Afname' decides which specimen came first when sign-out order differs."""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor


@pytest.mark.parametrize(
    ("head", "own"),
    [
        ("N. d'examen / Onderzoeksnr: P19-04781\nPatient: Synthetic\n", "P19-04781"),
        ("Onderzoeksnummer: HB19-12044\n", "HB19-12044"),
        ("Preparaatnr.: T20-3311\n", "T20-3311"),
        ("Numéro de l'examen : H21-0042\n", "H21-0042"),
        ("Número de biopsia: B-2021-00812\n", "B-2021-00812"),
        ("Untersuchungsnummer / Exam no: E-22-7781\n", "E-22-7781"),
    ],
)
def test_own_accession_labels_in_other_languages(extractor: Extractor, head: str, own: str) -> None:
    assert extractor.extract(head + "DIAGNOSIS: leiomyoma.").accession == own


@pytest.mark.parametrize(
    "head",
    [
        "Uw onderzoeksnr: Z99-1234\n",  # the sender's number, not this report's
        "Votre n° de demande: K20-5555\n",
        "Patientnummer: 12345678\n",  # a patient identifier, never an accession
        "Rijksregisternummer: 85.07.30-033.61\n",
    ],
)
def test_someone_elses_number_is_not_the_own_accession(extractor: Extractor, head: str) -> None:
    assert extractor.extract(head + "DIAGNOSIS: leiomyoma.").accession is None


@pytest.mark.parametrize(
    ("head", "dates"),
    [
        # bilingual label, the second language after a slash
        ("Prélèvement / Afname: 18/03/2019   Réception / Ontvangst: 19/03/2019\n", {(2019, 3, 18)}),
        ("Date de prélèvement / Afnamedatum: 24.05.2019\n", {(2019, 5, 24)}),
        ("Entnahmedatum: 27.01.2021\n", {(2021, 1, 27)}),
        ("Fecha de toma: 14/08/2020\n", {(2020, 8, 14)}),
        ("Data de colheita: 23/02/2022\n", {(2022, 2, 23)}),
        ("Date of b1opsy: 2020-05-06\n", {(2020, 5, 6)}),  # OCR 'i' read as '1'
        ("Date of biopsy: 2020-05-06\n", {(2020, 5, 6)}),  # no other cue in the head
    ],
)
def test_collection_labels_in_other_languages(
    extractor: Extractor, head: str, dates: set[tuple[int, int, int]]
) -> None:
    found = extractor.extract(head + "DIAGNOSIS: leiomyoma.").collection_dates
    assert {(d.year, d.month, d.day) for d in found} == dates
