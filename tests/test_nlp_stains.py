"""Immunostain results: coordinated lists, prefix/postfix/inline cues, tables, MMR, percents.

Rows are (text, expected {(marker, result)}, details {marker: {attribute: value}}); details
list only what the sentence states.
"""

from __future__ import annotations

from typing import Any

import pytest

from pathmine.nlp import Extractor, default_extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return default_extractor()


POS, NEG, EQ = "positive", "negative", "equivocal"


def row(text: str, expected: set[tuple[str, str]], id: str, **details: Any) -> Any:
    return pytest.param(text, expected, details, id=id)


ROWS = [
    # "negative for <the lesion>" is the marker's own result, not the prefix of a next marker
    row("Immunostains for desmin are negative for tumour.", {("desmin", NEG)}, "neg-for-lesion"),
    row(
        "The tumour shows noreactivity for estrogen receptor and vimentin.",
        {("ER", NEG), ("vimentin", NEG)},
        "ocr-glued-no-reactivity",
    ),
    row(
        "Stains for keratin AE1/3 are negative for metastatic carcinoma, but highlight"
        " endosalpingiosis.",
        {("pan-cytokeratin", NEG)},
        "neg-for-metastatic-carcinoma",
    ),
    row(
        "Criteria: MMR proteins: complete absence of tumor nuclear staining.",
        set(),
        "criteria-legend-is-not-a-result",
    ),
    row(
        "Immunostaining: HNF-35, SMA, desmin is intensely positive.",
        {("HHF-35", POS), ("SMA", POS), ("desmin", POS)},
        "seed-hnf35",
        **{m: {"intensity": "strong"} for m in ("HHF-35", "SMA", "desmin")},
    ),
    row(
        "SMA, desmin and h-caldesmon are diffusely positive, while S100 and CD34 are negative.",
        {("SMA", POS), ("desmin", POS), ("h-caldesmon", POS), ("S100", NEG), ("CD34", NEG)},
        "coordinated-while",
        SMA={"extent": "diffuse"},
        desmin={"extent": "diffuse"},
        S100={"extent": None},
    ),
    row(
        "Tumor cells are positive for SMA, desmin and caldesmon.",
        {("SMA", POS), ("desmin", POS), ("h-caldesmon", POS)},
        "positive-for-list",
    ),
    row(
        "Positive for desmin, SMA and h-caldesmon, negative for S100 and CD34.",
        {("desmin", POS), ("SMA", POS), ("h-caldesmon", POS), ("S100", NEG), ("CD34", NEG)},
        "positive-for-negative-for",
    ),
    row(
        "The lesional cells are negative for CD10 and positive for SMA.",
        {("CD10", NEG), ("SMA", POS)},
        "negative-then-positive-for",
    ),
    row(
        "Positive for desmin (diffuse), SMA (focal) and CD10 (patchy).",
        {("desmin", POS), ("SMA", POS), ("CD10", POS)},
        "inherited-with-own-extent",
        desmin={"extent": "diffuse"},
        SMA={"extent": "focal"},
        CD10={"extent": "patchy"},
    ),
    row(
        "Tumor cells are immunoreactive for desmin and h-caldesmon but not for CD10.",
        {("desmin", POS), ("h-caldesmon", POS), ("CD10", NEG)},
        "immunoreactive-for-but-not",
    ),
    row("The tumour stains with SMA.", {("SMA", POS)}, "stains-with"),
    row("Tumour cells express desmin.", {("desmin", POS)}, "express"),
    row(
        "The tumor does not express CD117 or DOG1.", {("CD117", NEG), ("DOG1", NEG)}, "not-express"
    ),
    row(
        "Desmin: Positive (diffuse, strong)",
        {("desmin", POS)},
        "table-colon",
        desmin={"intensity": "strong", "extent": "diffuse"},
    ),
    row(
        "Desmin: Positive (diffuse, strong)\nSMA: Negative\nS100: Positive (focal, weak)",
        {("desmin", POS), ("SMA", NEG), ("S100", POS)},
        "table-rows",
        S100={"intensity": "weak", "extent": "focal"},
        SMA={"intensity": None, "extent": None},
    ),
    row("Desmin  B15  positive", {("desmin", POS)}, "table-clone-column"),
    row("Desmin (clone D33, Dako): positive.", {("desmin", POS)}, "clone-in-parens"),
    row(
        "Positive: SMA, desmin. Negative: S100, CD34.",
        {("SMA", POS), ("desmin", POS), ("S100", NEG), ("CD34", NEG)},
        "header-lists",
    ),
    row("desmin+, CD10 (-), SMA(+)", {("desmin", POS), ("CD10", NEG), ("SMA", POS)}, "inline"),
    row("Loss of PMS2.", {("PMS2", NEG)}, "loss-of"),
    row(
        "Loss of MLH1 and PMS2 expression; MSH2 and MSH6 retained.",
        {("MLH1", NEG), ("PMS2", NEG), ("MSH2", POS), ("MSH6", POS)},
        "mmr-loss-retained",
    ),
    row(
        "Mismatch repair proteins: MLH1, PMS2, MSH2 and MSH6 intact.",
        {("MLH1", POS), ("PMS2", POS), ("MSH2", POS), ("MSH6", POS)},
        "mmr-intact",
    ),
    row("Ki-67 ~30%.", {("Ki-67", POS)}, "ki67-percent", **{"Ki-67": {"percent": 30.0}}),
    row(
        "ER 90%, PR 60%, Ki-67 5%.",
        {("ER", POS), ("PR", POS), ("Ki-67", POS)},
        "percents",
        ER={"percent": 90.0},
        PR={"percent": 60.0},
        **{"Ki-67": {"percent": 5.0}},
    ),
    row(
        "ER positive (3+, 90%).",
        {("ER", POS)},
        "score-and-percent",
        ER={"intensity": "strong", "percent": 90.0},
    ),
    row(
        "HER2 score 2+, equivocal.",
        {("HER2", EQ)},
        "her2-equivocal",
        HER2={"intensity": "moderate"},
    ),
    row("HER2 3+ positive.", {("HER2", POS)}, "her2-score", HER2={"intensity": "strong"}),
    row(
        "SMA AND DESMIN ARE POSITIVE. S100 IS NEGATIVE.",
        {("SMA", POS), ("desmin", POS), ("S100", NEG)},
        "caps-prose",
    ),
    row("5100 is negative.", {("S100", NEG)}, "ocr-5100"),
    row("Desmln positive.", {("desmin", POS)}, "ocr-desmln"),
    row("HNF-35 positive.", {("HHF-35", POS)}, "ocr-hnf35"),
    row(
        "CD117 and DOG1 are negative; S100 is positive in scattered cells.",
        {("CD117", NEG), ("DOG1", NEG), ("S100", POS)},
        "semicolon-clauses",
        S100={"extent": "focal"},
    ),
    row("S100 is negative, CD34 is positive.", {("S100", NEG), ("CD34", POS)}, "comma-clauses"),
    row(
        "p16 shows block-like positive staining.",
        {("p16", POS)},
        "block-like",
        p16={"extent": "diffuse"},
    ),
    row(
        "CD10 is weakly and focally positive.",
        {("CD10", POS)},
        "weak-focal",
        CD10={"intensity": "weak", "extent": "focal"},
    ),
    row(
        "Tumor cells are strongly positive for desmin.",
        {("desmin", POS)},
        "strongly-prefix",
        desmin={"intensity": "strong"},
    ),
    row(
        "Stains for desmin and SMA are negative.",
        {("desmin", NEG), ("SMA", NEG)},
        "stains-for-subject-postfix-wins",
    ),
    row("Tumour cells stain for desmin.", {("desmin", POS)}, "stain-for-verb"),
    row(
        "Desmin, smooth muscle actin (SMA) and h-caldesmon are positive.",
        {("desmin", POS), ("SMA", POS), ("h-caldesmon", POS)},
        "parenthesised-alias-in-list",
    ),
    row(
        "CD117 (c-kit) and CD34 are negative.",
        {("CD117", NEG), ("CD34", NEG)},
        "parenthesised-alias-grouped",
    ),
    row(
        "Immunoprofile: smooth muscle actin (SMA)+, CD10(-).",
        {("SMA", POS), ("CD10", NEG)},
        "abbreviation-glued-sign",
    ),
    row("Immunoprofile: S-100-, SOX-10 (-).", {("S100", NEG), ("SOX10", NEG)}, "token-glued-sign"),
    row(
        "CD34 highlights blood vessels only and is negative in the lesional cells.",
        {("CD34", NEG)},
        "internal-control-only",
    ),
    row("CD34 highlights the tumour cells.", {("CD34", POS)}, "highlights-lesion"),
    # staining of normal tissue only says the lesion is negative (ANNOTATION.md section 4)
    row("Ki-67 stains only the basal keratinocytes.", {("Ki-67", NEG)}, "stains-only-pattern"),
    row(
        "Desmin focal weak; h-caldesmon negative.",
        {("desmin", POS), ("h-caldesmon", NEG)},
        "qualifiers-only",
        desmin={"extent": "focal", "intensity": "weak"},
    ),
    row("Desmin was ordered on a focal area.", set(), "qualifier-then-content"),
    row(
        "Stains: DESRNIN+, H-CA1DESMON+, SOXl0+, D0G1+, CD1l7+, S1OO+. CD1O: negative.",
        {
            ("desmin", POS),
            ("h-caldesmon", POS),
            ("SOX10", POS),
            ("DOG1", POS),
            ("CD117", POS),
            ("S100", POS),
            ("CD10", NEG),
        },
        "ocr-confusions",
    ),
    row("Desmond is fine; CDIO files.", set(), "ocr-no-false-marker"),
    row(
        "The lining cells show strong immunolabelling for calretinin.",
        {("calretinin", POS)},
        "immunolabelling-for",
    ),
    row("There is negative immunostaining for p16.", {("p16", NEG)}, "negative-immunostaining"),
    row("ER is negative.", {("ER", NEG)}, "er-negative"),
    row("Seen at an ER visit, troponin was positive.", set(), "er-visit"),
    row("The margins are negative.", set(), "no-marker"),
    row(
        "SOX10 and Melan-A highlight the junctional component.",
        {("SOX10", POS), ("Melan-A", POS)},
        "highlight-plural-verb",
    ),
    row(
        "CD31 and CD34 highlight blood vessels within the lesion.",
        {("CD31", NEG), ("CD34", NEG)},
        "highlight-internal-control",
    ),
    row(
        "p16 shows patchy (non-diffuse) staining.",
        {("p16", POS)},
        "patchy-non-diffuse",
        p16={"extent": "patchy"},
    ),
    row("Desmin-negative spindle cells.", {("desmin", NEG)}, "hyphen-before-result"),
    row(
        "p16 shows loss of expression (negative) in the dermal nodule.",
        {("p16", NEG)},
        "loss-of-expression-postfix",
    ),
    row("Loss of expression of MLH1.", {("MLH1", NEG)}, "loss-of-expression-prefix"),
    row("S-1OO is positive.", {("S100", POS)}, "ocr-s-1oo"),
    row(
        "No significant reactivity with CAM5.2.",
        {("pan-cytokeratin", NEG)},
        "no-significant-reactivity",
    ),
    row(
        "Significant reactivity with CAM5.2.", {("pan-cytokeratin", POS)}, "significant-reactivity"
    ),
    row("S-1OO negative; SOX-1O positive.", {("S100", NEG), ("SOX10", POS)}, "ocr-s-1oo-neg"),
    row(
        "Negative for TTF-1, pan-cytokeratin (AE1/AE3) and S100.",
        {("TTF-1", NEG), ("pan-cytokeratin", NEG), ("S100", NEG)},
        "list-after-ae1-ae3",
    ),
    row(
        "No neuroendocrine differentiation is demonstrated with synaptophysin and chromogranin"
        " stains.",
        {("synaptophysin", NEG), ("chromogranin", NEG)},
        "clause-opening-negator",
    ),
    row(
        "Neuroendocrine differentiation is demonstrated with synaptophysin.",
        {("synaptophysin", POS)},
        "demonstrated-with",
    ),
    row(
        "No necrosis is seen, and tumour cells are positive for desmin.",
        {("desmin", POS)},
        "clause-negator-does-not-cross-join",
    ),
    row(
        "No significant reactivity is demonstrated with melanoma marker HMB-45 or Melan-A.",
        {("HMB-45", NEG), ("Melan-A", NEG)},
        "clause-negator-descriptor",
    ),
    row(
        "Reactivity is seen with melanoma marker HMB-45.",
        {("HMB-45", POS)},
        "is-seen-with-descriptor",
    ),
    row(
        "Immunoperoxidase stain for Ck-7, CK-20 and TTF are performed on both nodules.",
        set(),
        "subject-performed-no-result",
    ),
    row("Stains for desmin and SMA are pending.", set(), "subject-pending-no-result"),
    row(
        "Stains for desmin were performed; SMA is positive.",
        {("SMA", POS)},
        "performed-then-result",
    ),
    row(
        "Tumour cells show nuclear reactivity with thyroid transcription factor marker (TTF-1).",
        {("TTF-1", POS)},
        "ttf1-long-form-restated",
    ),
    row("Thyroid transcription factor-1 is negative.", {("TTF-1", NEG)}, "ttf1-long-form"),
    row(
        "CD31 and CD34 highlight blood vessels within the lesion but not the dilated spaces.",
        {("CD31", NEG), ("CD34", NEG)},
        "internal-control-but-not-lesion",
    ),
    row(
        "CD34 highlights blood vessels within the lesion; the cells are not stained.",
        {("CD34", NEG)},
        "internal-control-without-but-not",
    ),
    # ANNOTATION.md section 4 error classes (examples of our own)
    row(
        "IMMUNOHISTOCHEMISTRY:\nDesmin : POSITIVE (diffuse)\n"
        "CD117 / DOG1 : NEGATIVE\nS100 : NEGATIVE",
        {("desmin", POS), ("CD117", NEG), ("DOG1", NEG), ("S100", NEG)},
        "one-marker-per-line-table",
    ),
    row("MIB-1 index: 3%.", {("Ki-67", POS)}, "ki67-percent-only", **{"Ki-67": {"percent": 3.0}}),
    row("Ki-67 <1%.", {("Ki-67", POS)}, "ki67-below-one-percent"),
    row(
        "p53 shows a wild-type pattern.",
        {("p53", POS)},
        "p53-wild-type",
        p53={"pattern": "wild-type"},
    ),
    row("p53: null pattern.", {("p53", NEG)}, "p53-null", p53={"pattern": "null"}),
    row("p53 is aberrant (mutant-type).", {("p53", POS)}, "p53-mutant", p53={"pattern": "mutant"}),
    row("p16 shows block-type staining.", {("p16", POS)}, "p16-block", p16={"pattern": "block"}),
    row(
        "MLH1 intact, PMS2 lost.",
        {("MLH1", POS), ("PMS2", NEG)},
        "mmr-intact-lost",
        MLH1={"pattern": "intact"},
        PMS2={"pattern": "lost"},
    ),
    row(
        "No keratin-positive tumour cells are seen in the sentinel nodes.",
        {("pan-cytokeratin", NEG)},
        "negative-node-stain",
    ),
    row(
        "The cells are reactive with desmin and nonreactive with S100.",
        {("desmin", POS), ("S100", NEG)},
        "reactive-with",
    ),
    row("They stain positively for SMA.", {("SMA", POS)}, "stains-positively-for"),
    row("Caldesmon is expressed by the tumour cells.", {("h-caldesmon", POS)}, "expressed-by"),
    row(
        "Keratin is positive in the glandular component and negative in the spindle cells.",
        {("pan-cytokeratin", POS), ("pan-cytokeratin", NEG)},
        "per-component",
    ),
    row(
        "CD1O positive, desmln negatlve.", {("CD10", POS), ("desmin", NEG)}, "ocr-marker-and-result"
    ),
    row(
        "The tumour is positive for estrogen and progesterone receptors.",
        {("ER", POS), ("PR", POS)},
        "coordinated-receptors",
    ),
    row("FISH shows MDM2 amplification.", set(), "mdm2-fish-not-a-stain"),
    row(
        "Negative for BRST-2, CK20, mammaglobin and calretinin.",
        {("CK20", NEG), ("calretinin", NEG)},
        "list-with-unknown-stains",
    ),
    row("ER o Negative o Positive", set(), "form-checkboxes"),
    # printed options as OCR leaves them (TCGA batches 4, 5, 8 class; examples of our own)
    row("PR a Negative qPositive", set(), "form-checkbox-glued"),
    row("HER2 u Ne gative a Positive", set(), "form-option-split-by-ocr"),
    row("ER / PR ..... positive / positive", {("ER", POS), ("PR", POS)}, "paired-same-results"),
    row("ER, PR - focally positive", {("ER", POS), ("PR", POS)}, "dash-before-qualified-result"),
    row("Desmin +, SMA -", {("desmin", POS), ("SMA", NEG)}, "signs-stay-results"),
    row(
        "AE1/AE3 staining fails to reveal carcinoma in the nodes.",
        {("pan-cytokeratin", NEG)},
        "fails-to-reveal",
    ),
    row(
        "Desmin stains only the entrapped muscularis propria.", {("desmin", NEG)}, "entrapped-only"
    ),
    row("CK7 PositiveControls are appropriate.", {("CK7", POS)}, "ocr-joined-words"),
    # OCR "I" for "i" inside a cue word is not a lost space ("staIning")
    row(
        "An immunostain for PAX8 showed diffuse nuclear staIning.", {("PAX8", POS)}, "ocr-I-in-cue"
    ),
    # "h" gene-product names, and a group name followed by its members
    row(
        "Neoplastic glands show intact expression of DNA mismatch repair enzymes hMLH1, hMSH2,"
        " hMSH6 and hPMS2.",
        {("MLH1", POS), ("MSH2", POS), ("MSH6", POS), ("PMS2", POS)},
        "mmr-h-prefix-group-name",
    ),
    # the members' own results beat the group's; a pattern word of another marker is not
    # this marker's pattern
    row(
        "Carcinoma cells show loss of mismatch repair proteins MLH1 and PMS2 with retained MSH2"
        " and MSH6.",
        {("MLH1", NEG), ("PMS2", NEG), ("MSH2", POS), ("MSH6", POS)},
        "mmr-loss-with-retained",
        MLH1={"pattern": None},
        MSH2={"pattern": None},
    ),
    row(
        "MMR immunohistochemistry: preserved MLH1 and PMS2.",
        {("MLH1", POS), ("PMS2", POS)},
        "preserved-prefix",
    ),
    # list items of stains the lexicon lacks, joined by "and" as well as commas
    row(
        "Tumour cells are strongly positive for monoclonal CEA and p16.",
        {("p16", POS)},
        "unknown-item-and",
    ),
    row("Positive for CA125 and WT1 and PAX8.", {("WT1", POS), ("PAX8", POS)}, "unknown-and-chain"),
    # "A and B, C ... are negative": the "and" closed the first list; the second list's own
    # result wins over a prefix reached across other stains' names
    row(
        "The cells stain positively for napsin A and HNF1 beta, estrogen receptor and"
        " progesterone receptor are negative.",
        {("napsin A", POS), ("ER", NEG), ("PR", NEG)},
        "and-closes-a-list",
    ),
    row(
        "the low mitotic rate, the absence of necrosis and ALK positivity favour IMT.",
        {("ALK", POS)},
        "own-postfix-beats-distant-prefix",
    ),
    # verb forms and antibody wording
    row(
        "Viable tumour cells react strongly with ER, PAX8 and WT1 antisera.",
        {("ER", POS), ("PAX8", POS), ("WT1", POS)},
        "react-strongly-with",
    ),
    row("The carcinoma is unreactive for calretinin.", {("calretinin", NEG)}, "unreactive-for"),
    row(
        "Diffuse reactivity with antibodies to p16, without reactivity with antibodies to"
        " progesterone receptor.",
        {("p16", POS), ("PR", NEG)},
        "antibodies-to",
    ),
    row(
        "The cells are CK7positive and CK20 negative.",
        {("CK7", POS), ("CK20", NEG)},
        "glued-lower-result",
    ),
    # a list wrapped after a comma onto a line that opens with a marker name
    row(
        "The tumour is\npositive for desmin,\nCD34, CD10, and vimentin,\nresults that are"
        " non-specific.",
        {("desmin", POS), ("CD34", POS), ("CD10", POS), ("vimentin", POS)},
        "list-wrapped-after-comma",
    ),
    row("Diffuse positivity for p16and p53.", {("p16", POS), ("p53", POS)}, "glued-and"),
    # a sample barcode's "PR" is part of an identifier
    row("Sample TCGA-ZZ-0000-01A-PR Redacted - page 1", set(), "barcode-pr"),
    # a stain that was done or is awaited has no result; one further on still counts
    row(
        "Addendum: oestrogen and progesterone receptor stains were performed on block B4.",
        set(),
        "stains-were-performed",
    ),
    row("CK7 and PAX8 immunostains are pending.", set(), "stains-pending"),
    row(
        "Pankeratin stains performed on the nodes in parts B and C are negative for metastasis.",
        {("pan-cytokeratin", NEG)},
        "performed-then-result",
    ),
    # a marker line ending in a colon takes its result from the next line, unless that
    # line names markers of its own
    row("P16:\nStrongly positive in tumour cells.", {("p16", POS)}, "marker-colon-next-line"),
    row(
        "Keratin AE1/AE3:\nno keratin-positive cells in the mucin pools.",
        {("pan-cytokeratin", NEG)},
        "next-line-own-marker",
    ),
    row(
        "Mismatch repair proteins:\n MLH1: retained\n MSH2: loss of expression",
        {("MLH1", POS), ("MSH2", NEG)},
        "compound-colon-member-lines",
    ),
    # per-component results across a semicolon; an adjective before a list with a weak
    # postfix; a dash before an extent word; result words of bilingual reports
    row(
        "CD10 ........ negative in round cells; positive in the spindle component",
        {("CD10", NEG), ("CD10", POS)},
        "component-after-semicolon",
    ),
    row(
        "Melanoma is excluded by the negative S100/SOX10 and keratin stains.",
        {("S100", NEG), ("SOX10", NEG), ("pan-cytokeratin", NEG)},
        "adjective-before-list",
    ),
    row("EMA     - focal in the undifferentiated component", {("EMA", POS)}, "dash-extent"),
    row(
        "Desmin: positiva difusa. Myogenin: negativa.",
        {("desmin", POS), ("myogenin", NEG)},
        "native-results",
    ),
    row(
        "The mismatch repair enzymes are intact.",
        {(m, POS) for m in ("MLH1", "PMS2", "MSH2", "MSH6")},
        "mmr-enzymes-group",
    ),
]


@pytest.mark.parametrize(("text", "expected", "details"), ROWS)
def test_stain_results(
    extractor: Extractor,
    text: str,
    expected: set[tuple[str, str]],
    details: dict[str, dict[str, Any]],
) -> None:
    stains = extractor.extract(text).stains
    assert {(s.marker, s.result) for s in stains} == expected
    by_marker = {s.marker: s for s in stains}
    for marker, attrs in details.items():
        for attr, value in attrs.items():
            assert getattr(by_marker[marker], attr) == value, (marker, attr)


def test_stain_offsets_and_provenance(extractor: Extractor) -> None:
    text = "IHC: desmin is positive."
    (stain,) = extractor.extract(text).stains
    assert text[stain.start : stain.end] == stain.text == "desmin"
    assert stain.rule_id == "stain.desmin/stain.result.postfix"
    assert stain.sentence.endswith("desmin is positive.")
    assert stain.section == "immunohistochemistry"


def test_restating_abbreviation_gives_one_result(extractor: Extractor) -> None:
    text = "Nuclear reactivity with thyroid transcription factor marker (TTF-1)."
    (stain,) = extractor.extract(text).stains
    assert (stain.marker, stain.result, stain.text) == (
        "TTF-1",
        "positive",
        "thyroid transcription factor",
    )
