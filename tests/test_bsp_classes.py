"""BSP error classes (tenth session); every row is our own sentence.

- "X is not favoured" is a hedge, like "less likely" (three independent authors): uncertain.
- "X was considered / were raised" hedges X; a later "criteria not met" still negates it.
- "help(s) to exclude X" is the pathologist's exclusion: negated.
- "None of the tumours shows ... that would raise concern for X": negated.
- A "?" reaches a multi-word name after it ("? low-grade ESS").
- "<procedure> in <year> ... for X" names an earlier specimen's diagnosis: historical.
- "surveillance for endometrial and other carcinomas" is a future plan: hypothetical.
- "Your report lists the diagnosis as X": historical; "asks whether the lesion could
  instead be Y": uncertain.
- A CAP-style summary's bracketed protocol name and a team in brackets are no mentions.
BSQ classes:
- A sentence that opens with a conditional "Should ..." ("Should the patient develop
  recurrent disease, re-examination for leiomyosarcoma would be advised") is hypothetical.
- "not favoured" reaches a name with a qualifier between ("X of other type is not favoured").
- A line that ends in a colon and names an earlier specimen by number or date ("Endometrial
  biopsy (SP25-009871, 02/04/2025):") labels the diagnosis on the next line: historical; a
  part heading ("E. Uterus, hysterectomy:") labels today's specimen.
BSR classes:
- Teams and bracketed specialties are no mentions ("the National Sarcoma MDM", "Professor of
  Pathology (Sarcoma)"); well-differentiated neuroendocrine tumour grade 2/3 is 8249/3 and
  goblet cell adenocarcinoma 8243/3 (ICD-O-3.2), no longer NET 8240/3 and adenocarcinoma NOS.
- Myxoma 8840/0 is in the lexicon; a list closed by "- excluded" ("D/D: intramuscular myxoma,
  myxofibrosarcoma - excluded on morphology") negates every item, not the last only.
"""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor

CASES = [
    ("Endometrial stromal sarcoma is not favoured on this material.", {("8930/3", "uncertain")}),
    ("A schwannoma is not favored.", {("9560/0", "uncertain")}),
    (
        "Leiomyosarcoma was considered because of the atypia; however, the criteria for"
        " leiomyosarcoma are not met.",
        {("8890/3", "uncertain"), ("8890/3", "negated")},
    ),
    ("Chondrosarcoma was raised on imaging.", {("9220/3", "uncertain")}),
    (
        "Diffuse desmin staining helps to exclude an endometrial stromal sarcoma.",
        {("8930/3", "negated")},
    ),
    (
        "None of the nodules shows the necrosis, atypia or mitotic activity that would raise"
        " concern for leiomyosarcoma.",
        {("8890/3", "negated")},
    ),
    (
        "No mitoses are seen, but the pattern would raise concern for leiomyosarcoma.",
        {("8890/3", "uncertain")},
    ),
    ("Clinical: ? high-grade endometrial stromal sarcoma.", {("8930/3", "uncertain")}),
    ("Myomectomy in 2012 at a private hospital for leiomyoma.", {("8890/0", "historical")}),
    (
        "Surveillance for endometrial and other Lynch-associated carcinomas is advised.",
        {("8010/3", "hypothetical")},
    ),
    ("The outside report lists the diagnosis as cellular leiomyoma.", {("8892/0", "historical")}),
    (
        "You ask whether the tumour could instead be an endometrial stromal nodule.",
        {("8930/0", "uncertain")},
    ),
    ("CAP-STYLE SUMMARY (Uterus: Carcinosarcoma of the Endometrium)", set()),
    ("Dr B. Okafor (Sarcoma Surgery) Received: 02/03/2025", set()),
    (
        "Should the lesion recur, sampling to exclude an endometrial stromal sarcoma is advised.",
        {("8930/3", "hypothetical")},
    ),
    (
        "Should there be further growth, excision is advised; leiomyoma.",  # after ";": own
        {("8890/0", "affirmed")},
    ),
    (
        "CLINICAL HISTORY:\nPostmenopausal bleeding. Pipelle (EB-24-1187, 03/02/2024):\n"
        "serous carcinoma. For hysterectomy.",
        {("8441/3", "historical")},
    ),
    (
        "CLINICAL HISTORY:\nE. Uterus, cervix and ovaries, hysterectomy:\nserous carcinoma.",
        {("8441/3", "affirmed")},
    ),
    ("Case discussed at the regional Sarcoma MDM on 3 May.", set()),
    (
        "D/D: cellular myxoma, low-grade myxofibrosarcoma - excluded on morphology.",
        {("8840/0", "negated"), ("8811/3", "negated")},
    ),
    ("Left thigh, excision: intramuscular myxoma.", {("8840/0", "affirmed")}),
    ("Dr K. Osei, Professor of Pathology (Sarcoma)", set()),
    ("Jejunum: well-differentiated neuroendocrine tumour, grade 2.", {("8249/3", "affirmed")}),
    ("Appendix: no evidence of goblet cell adenocarcinoma.", {("8243/3", "negated")}),
    (
        "A spindle cell sarcoma of another type is not favoured here.",
        {("8801/3", "uncertain")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_assertions(extractor: Extractor, text: str, expected: set[tuple[str, str]]) -> None:
    found = {(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses}
    assert found == expected
