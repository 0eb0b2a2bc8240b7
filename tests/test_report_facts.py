"""Report facts (``nlp.report_facts``): own and cited accessions, collection and cited dates.

Synthetic examples of our own. The order of an ambiguous cited date's two readings is part
of the stored extraction, so it must not depend on the process's hash seed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from pathmine.nlp.report_facts import FactReader
from pathmine.nlp.rules import load_rules


@pytest.fixture(scope="module")
def reader() -> FactReader:
    return FactReader(load_rules().report_facts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # day-first report (a day over 12 appears first): d/m reading first, then m/d
        (
            "Collected 25/11/2024.\nReview of outside slides dated 03/06/2024.",
            (date(2024, 6, 3), date(2024, 3, 6)),
        ),
        # month-first report: m/d reading first
        (
            "Collected 11/25/2024.\nReview of outside slides dated 03/06/2024.",
            (date(2024, 3, 6), date(2024, 6, 3)),
        ),
        # unambiguous: one reading
        ("Outside slides dated 2019-04-17 reviewed.", (date(2019, 4, 17),)),
    ],
)
def test_cited_date_readings_in_stable_order(
    reader: FactReader, text: str, expected: tuple[date, ...]
) -> None:
    assert reader.read(text).cited_dates == expected


def test_cited_date_order_does_not_depend_on_hash_seed() -> None:
    """Two processes with different hash seeds store the same tuple (a set once decided it)."""
    code = (
        "from pathmine.nlp.report_facts import FactReader;"
        "from pathmine.nlp.rules import load_rules;"
        "r = FactReader(load_rules().report_facts);"
        "print([d.isoformat() for d in r.read("
        "'Outside slides dated 03/06/2024 and 04/07/2023 reviewed.').cited_dates])"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (0, 1, 2, 3, 4, 5)
    }
    assert len(outputs) == 1, outputs


# (text, own accession, cited accessions): blind flag set 3 classes, our own examples
ACCESSION_ROWS = [
    pytest.param(
        "EXPERT CONSULTATION   Consult #: QQC-21-00417\nReferring case: RHX-21-7730 (uterus)\n",
        "QQC-21-00417",
        ("RHX-21-7730",),
        id="consult-number-is-own-referring-case-is-cited",
    ),
    pytest.param(
        "Review No : ZIG/REV/20/0055\nOutside Lab / No : ZDX-HP-20-0931 (polypectomy)\n",
        "ZIG/REV/20/0055",
        ("ZDX-HP-20-0931",),
        id="review-number-and-four-digit-serial",
    ),
    pytest.param(
        "Lab ID : ZDX-HP-20-0931\nMRN: ZZH-0091234   Hospital No : ZLK-558812\n"
        "Patient ID : ZLK-558812  NHS No: QX 123 456\n",
        "ZDX-HP-20-0931",
        (),
        id="patient-identifiers-are-never-cited-accessions",
    ),
    pytest.param(
        "SUPPLEMENTARY REPORT   Episode No: 18QQ22817\nCD117 and SOX10 negative; Ki67 12%.\n"
        "See hysterectomy, episode 12QQ30944.",
        "18QQ22817",
        ("12QQ30944",),
        id="episode-number-and-marker-names-are-not-accessions",
    ),
]


@pytest.mark.parametrize(("text", "own", "cited"), ACCESSION_ROWS)
def test_accessions(reader: FactReader, text: str, own: str, cited: tuple[str, ...]) -> None:
    facts = reader.read(text)
    assert facts.accession == own
    assert facts.cited_accessions == cited
