"""Error classes found when the eighth blind flag set was first scored, each fixed in rule data
or code and held here with examples of our own: abbreviated and bracketed collection labels,
OCR-damaged header labels, chromosome bands that look like accessions, atypia graded as a
predicate, an OCR-damaged MDM2 amplification, and a named colon segment beside a procedure
that implies another."""

from __future__ import annotations

from datetime import date

import pytest

from pathmine.nlp import Extractor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ACC: ZX-22-0456\nCOLL: 2022-05-03 08:10   RECV: 2022-05-03 11:00\n", date(2022, 5, 3)),
        ("Folio: QW-21-88\nFecha de toma (collected): 23/07/2021\n", date(2021, 7, 23)),
        ("Data prelievo (collected) : 2020-01-15\n", date(2020, 1, 15)),
    ],
)
def test_collection_labels(extractor: Extractor, text: str, expected: date) -> None:
    assert expected in extractor.extract(text + "DIAGNOSIS: leiomyoma.").collection_dates


@pytest.mark.parametrize(
    ("text", "own", "not_cited"),
    [
        ("Lab N0: KQ21-H04417\nHosp N0: KQ5512093\n", "KQ21-H04417", "KQ5512093"),
        ("Lab lD: RX/HP/21/4407\nUHlD: RX-20117734\n", "RX/HP/21/4407", "RX-20117734"),
    ],
)
def test_ocr_damaged_header_labels(
    extractor: Extractor, text: str, own: str, not_cited: str
) -> None:
    facts = extractor.extract(text + "DIAGNOSIS: lipoma.")
    assert facts.accession == own
    assert not_cited not in facts.cited_accessions


def test_chromosome_band_is_not_an_accession(extractor: Extractor) -> None:
    text = "FISH for MDM2 (12q15): MDM2/CEP12 ratio 6.1, amplified. DDIT3 (12q13.3) intact."
    assert extractor.extract(text).cited_accessions == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The nuclear atypia is diffuse and moderate to severe.", "severe diffuse"),
        ("Cytologic atypia is focal and mild.", "mild focal"),
        ("Pleomorphism is marked throughout.", "severe"),
    ],
)
def test_atypia_as_a_predicate(extractor: Extractor, text: str, value: str) -> None:
    values = {f.value for f in extractor.extract(text).features if f.name == "atypia"}
    assert any(v.startswith(value) for v in values), values


@pytest.mark.parametrize(
    ("text", "amplified"),
    [
        ("FlSH f0r MDM2: Result: MDM2 AMPLlFlED", True),
        ("MDM2 arnplification: AMPL1FIED (ratio 4.8)", True),
        ("MDM2 FISH: not amplified.", False),
    ],
)
def test_ocr_damaged_mdm2_result(extractor: Extractor, text: str, amplified: bool) -> None:
    summary = extractor.extract(text).features_summary()
    assert summary["mdm2_amplified"] is amplified


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "Specimen: Sigmoid colon, anterior resection.\nDIAGNOSIS: Adenocarcinoma.",
            "sigmoid colon",
        ),
        ("Specimen: Rectosigmoid, anterior resection.\nDIAGNOSIS: Adenocarcinoma.", "rectum"),
        ("Specimen: Anterior resection.\nDIAGNOSIS: Adenocarcinoma.", "rectum"),
    ],
)
def test_named_colon_segment_beats_procedure(extractor: Extractor, text: str, site: str) -> None:
    assert {d.site for d in extractor.extract(text).diagnoses} == {site}
