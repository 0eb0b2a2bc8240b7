"""One-edit OCR repairs of long lexicon words, and the squamous / endocervical subtype
qualifiers found on the cervical TCGA batch (examples are our own sentences)."""

from __future__ import annotations

import pytest

from helpers import diagnosis_pairs
from pathmine.nlp import Extractor
from pathmine.nlp.ocr_fuzzy import FuzzyVocabulary, fuzzy_vocabulary, within_one_edit
from pathmine.nlp.rules import load_rules


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("squamous", "squalmous", True),  # insertion
        ("squamous", "squmous", True),  # deletion
        ("squamous", "aquamous", True),  # substitution
        ("squamous", "sqaumous", True),  # neighbour swap
        ("squamous", "squatnous", False),  # two edits
        ("squamous", "suqamuos", False),
        ("abc", "abc", True),
        ("abcd", "bcda", False),  # a rotation is two edits, not one
    ],
)
def test_within_one_edit(a: str, b: str, expected: bool) -> None:
    assert within_one_edit(a, b) is expected
    assert within_one_edit(b, a) is expected


def test_vocabulary_rules() -> None:
    vocab = FuzzyVocabulary(["squamous", "papillary", "capillary", "leiomyoma"], ["fibrosis"], 8)
    assert vocab.nearest("squalmous") == "squamous"
    assert vocab.nearest("squamous") is None  # a lexicon word stays itself
    assert vocab.nearest("apillary") is None  # one edit from two words: ambiguous
    assert vocab.nearest("leiomyomas") is None  # a plural is a word, not a slip
    assert vocab.nearest("fibrosls") is None  # too far; and "fibrosis" is protected
    assert vocab.nearest("myoma") is None  # short words are never repaired


@pytest.mark.parametrize(
    "word",
    ["fibrosis", "endometriosis", "granuloma", "hematoma", "infiltration", "functional"],
)
def test_real_words_one_edit_from_the_lexicon_are_protected(word: str) -> None:
    vocab = fuzzy_vocabulary(load_rules())
    assert vocab is not None
    from pathmine.nlp.tokenizer import ocr_norm

    assert vocab.nearest(ocr_norm(word)) is None


@pytest.mark.parametrize(
    ("word", "pieces"),
    [
        ("staIning", ["staIning"]),  # OCR "I" for "i" in a cue word
        ("carcInoma", ["carcInoma"]),  # ... in a lexicon word
        ("myometriumInvasion", ["myometrium", "Invasion"]),  # a lost space stays a split
        ("NegativeControls", ["Negative", "Controls"]),
    ],
)
def test_capital_inside_a_known_word_is_not_a_lost_space(
    extractor: Extractor, word: str, pieces: list[str]
) -> None:
    assert [t.text for t in extractor.nlp.make_doc(word)] == pieces


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "DIAGNOSIS:\nCervix, biopsy: invasive squalmous cell carcinoma.",
            {("8070/3", "affirmed")},
            id="letter-inserted",
        ),
        pytest.param(
            "DIAGNOSIS:\nCervix, LEEP: aquamous cell carcinoma, moderately differentiated.",
            {("8070/3", "affirmed")},
            id="letter-replaced",
        ),
        pytest.param(
            "DIAGNOSIS:\nEndometrium, curettage: ADENOCARCINOHA, grade 2.",
            {("8140/3", "affirmed")},
            id="m-read-as-h",
        ),
        pytest.param(
            "DIAGNOSIS:\nUterus: intramural leiomycma, 3 cm.",
            {("8890/0", "affirmed")},
            id="o-read-as-c",
        ),
        pytest.param(
            "DIAGNOSIS:\nOmentum: metastatic adenocarcinomaJ, consistent with Mullerian origin.",
            {("8140/6", "affirmed")},
            id="glued-letter-not-a-plural",
        ),
        pytest.param(
            "DIAGNOSIS:\nOvary: PAPILLARY SEROUS ADENOCARCINOI1A.",
            {("8441/3", "affirmed")},
            id="m-read-as-two-strokes",
        ),
        pytest.param(
            "DIAGNOSIS:\nSmall bowel, biopsy: HETASTATIC ADENOCARCINOMA.",
            {("8140/6", "affirmed")},
            id="metastatic-cue-through-ocr",
        ),
        pytest.param(
            "DIAGNOSIS:\nCul-de-sac, biopsy:\n-FIBROADIPOSE TISSUE AND Sm00TH MUSCLE WITH NO\n"
            "CARCINOMA IDENTIFIED\n",
            {("8010/3", "negated")},
            id="with-no-wrapped-onto-the-next-line",
        ),
        pytest.param(
            "DIAGNOSIS:\nSentinel nodes: 0/4 neg for metastatic carcinoma.",
            {("8010/6", "negated")},
            id="neg-for",
        ),
        pytest.param(
            "DIAGNOSIS:\nOvary: endometriosis and fibrosis. No tumour.",
            set(),
            id="real-words-stay",
        ),
    ],
)
def test_ocr_slips_in_reports(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert diagnosis_pairs(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "DIAGNOSIS:\nCervix, biopsy: squamous cell carcinoma, large cell keratinizing type.",
            {("8070/3", "affirmed"), ("8071/3", "affirmed")},
            id="keratinizing-after",
        ),
        pytest.param(
            "DIAGNOSIS:\nCervix: invasive squamous cell carcinoma, large cell, non-keratinizing.",
            {("8070/3", "affirmed"), ("8072/3", "affirmed")},
            id="nonkeratinizing-after",
        ),
        pytest.param(
            "DIAGNOSIS:\nCervix: squamous cell carcinoma, poorly differentiated, nonkeratinizing.",
            {("8070/3", "affirmed"), ("8072/3", "affirmed")},
            id="nonkeratinizing-joined",
        ),
        # the type right after the comma is still a type named beside the broad term
        pytest.param(
            "DIAGNOSIS:\nCervix, biopsy: squamous cell carcinoma, keratinizing type.",
            {("8070/3", "affirmed"), ("8071/3", "affirmed")},
            id="keratinizing-type-right-after",
        ),
        pytest.param(
            "DIAGNOSIS:\nCervix: keratinizing squamous cell carcinoma.",
            {("8071/3", "affirmed")},
            id="keratinizing-before-one-term",
        ),
        # a metastatic cue before a grade in parentheses still reaches the type
        pytest.param(
            "DIAGNOSIS:\nOmentum: metastatic high-grade (3/3) papillary serous adenocarcinoma.",
            {("8441/6", "affirmed")},
            id="metastatic-over-grade",
        ),
        pytest.param(
            "DIAGNOSIS:\nCervix, cone: CARCINOMA, SQUAMOUS CELL, invading 4 mm.",
            {("8070/3", "affirmed")},
            id="inverted-squamous",
        ),
        pytest.param(
            "DIAGNOSIS:\nCervix: mucinous adenocarcinoma of endocervical type, grade 1.",
            {("8480/3", "affirmed"), ("8482/3", "affirmed")},
            id="endocervical-type-after",
        ),
        pytest.param(
            "DIAGNOSIS:\nCervix: endocervical mucinous adenocarcinoma, invasive.",
            {("8480/3", "affirmed"), ("8482/3", "affirmed")},
            id="endocervical-before",
        ),
        pytest.param(
            "DIAGNOSIS:\nCervix: squamous cell carcinoma arising in nonkeratinizing epithelium"
            " with koilocytes.",
            {("8070/3", "affirmed")},
            id="epithelium-is-not-a-type",
        ),
    ],
)
def test_squamous_and_endocervical_types(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert diagnosis_pairs(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "DIAGNOSIS:\nCervix: squamous cell carcinoma.\nCOMMENT:\np16 is strongly positive in"
            " carcinoma; CEA highlights the carcinoma.",
            {("8070/3", "affirmed")},
            id="stain-object-is-a-back-reference",
        ),
        pytest.param(
            "DIAGNOSIS:\nCervix: squamous cell carcinoma.\nLymph nodes: negative for carcinoma.",
            {("8070/3", "affirmed"), ("8010/3", "negated")},
            id="negative-for-stays-a-negated-mention",
        ),
    ],
)
def test_stain_statement_back_references(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert diagnosis_pairs(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Squamous celll carcinoma, grade II.", {("8070/3", "affirmed")}, id="tripled-letter"
        ),
        pytest.param(
            "Squamous cell carcinoma, nonkeratizing, poorly differentiated.",
            {("8070/3", "affirmed"), ("8072/3", "affirmed")},
            id="nonkeratinizing-letters-dropped",
        ),
        pytest.param(
            "IN SITU CARCINOMA IS ALSO PRESENT.", {("8010/2", "affirmed")}, id="in-situ-before"
        ),
        pytest.param(
            "Fallopian tube with tubal intraepithelial carcinoma.",
            {("8010/2", "affirmed")},
            id="intraepithelial-is-in-situ",
        ),
        pytest.param(
            "Primary tumour pTl [I]: Cervical carcinoma confined to uterus.",
            set(),
            id="staging-definition",
        ),
        pytest.param(
            "Carcinoma in situ:   Not identified\nMargins: clear",
            {("8010/2", "negated")},
            id="field-value-negates-its-label",
        ),
        pytest.param(
            "Presence of carcinoma in situ at distal margin: Negative\nLVI: present",
            {("8010/2", "negated")},
            id="field-negative-at-line-end",
        ),
        pytest.param(
            "Vaginal cuff: negative for carcinoma.",
            {("8010/3", "negated")},
            id="negative-for-still-forward",
        ),
        pytest.param(
            "HISTOLOGIC TYPE....: SQUAMOUS CELL CARCINOMA, LARGE CELL    NECROSIS.......: NOT"
            " IDENTIFIED",
            {("8070/3", "affirmed")},
            id="next-field-on-the-same-line",
        ),
    ],
)
def test_cervical_wording(extractor: Extractor, text: str, expected: set[tuple[str, str]]) -> None:
    assert diagnosis_pairs(extractor, f"DIAGNOSIS:\n{text}") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Ovary: low grade serous carcinoma arising in a serous borderline neoplasm.",
            {("8460/3", "affirmed"), ("8442/1", "affirmed")},
            id="low-grade-serous-is-8460",
        ),
        pytest.param(
            "Omentum: METASTATIC PAPILLARY SEROUS CARCINOMA, LOW GRADE.",
            {("8460/6", "affirmed")},
            id="low-grade-after-the-term",
        ),
        pytest.param(
            "Two pericolic lymph nodes withno evidence of metastatic carcinoma (0/2).",
            {("8010/6", "negated")},
            id="glued-withno",
        ),
    ],
)
def test_ovarian_wording(extractor: Extractor, text: str, expected: set[tuple[str, str]]) -> None:
    assert diagnosis_pairs(extractor, f"DIAGNOSIS:\n{text}") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Cervix: squamous call carcinoma.", {("8070/3", "affirmed")}, id="call-cell"),
        pytest.param(
            "Cervix: invasive squaawus cell carcinoma.", {("8070/3", "affirmed")}, id="two-slips"
        ),
        pytest.param("Cervix: SQUA MOUS CELL CARCINOMA.", {("8070/3", "affirmed")}, id="split"),
        pytest.param(
            "Endometrium: papillary serou carcinoma.", {("8441/3", "affirmed")}, id="serou"
        ),
        pytest.param(
            "Ovary: poorly differentiated carcinoma.",
            {("8010/3", "affirmed")},
            id="known-words-are-never-repaired",
        ),
        pytest.param(
            "Ovary: high grade carcinoma.", {("8010/3", "affirmed")}, id="no-modifier-nearby"
        ),
    ],
)
def test_type_words_before_carcinoma_read_through_ocr(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert diagnosis_pairs(extractor, f"DIAGNOSIS:\n{text}") == expected
