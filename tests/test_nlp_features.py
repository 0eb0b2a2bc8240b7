"""Histologic criteria: mitotic count per 10 HPF, tumour-cell necrosis, atypia grade."""

from __future__ import annotations

import pytest

from pathmine.nlp import Extractor, default_extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return default_extractor()


MITOSES = [
    pytest.param("Up to 15 mitoses per 10 HPF.", 15.0, id="up-to"),
    pytest.param("Mitotic count 3-5/10 HPF.", 5.0, id="range-keeps-high"),
    # per mm2 stays per mm2 (no field area stated: ANNOTATION.md section 5)
    pytest.param("4 mitoses/mm2.", None, id="per-mm2"),
    pytest.param("2 mitoses per HPF.", 20.0, id="per-hpf-times-ten"),
    pytest.param("12 mitoses per 50 HPF.", 2.4, id="per-50-hpf"),
    pytest.param("MITOTIC COUNT /10 HPF: 10-24 (2)", 24.0, id="synoptic-band"),
    pytest.param("No mitoses are identified.", 0.0, id="none"),
    pytest.param("Mitotic index: 12 per 10 high power fields.", 12.0, id="index-hpf-words"),
    pytest.param("MITOSES UP TO 20/10 HPF.", 20.0, id="caps"),
    pytest.param("Mitotic activity is low (1/10 HPF).", 1.0, id="parenthesised"),
    pytest.param("Mitotically inactive.", 0.0, id="mitotically-inactive"),
    pytest.param("Leiomyoma, 5 cm.", None, id="absent"),
    # dictated counts and counts wrapped at a line end (blind flag set 2 class)
    pytest.param("Mitotic count is thirteen per ten high power fields.", 13.0, id="words"),
    pytest.param("Twenty-six mitoses per 10 HPF.", 26.0, id="words-hyphenated"),
    pytest.param("Mitoses increased: 12 mitoses per\n10 HPF in the hot spot.", 12.0, id="wrapped"),
    pytest.param("Nuclei are uniform. Mitoses are few, ten.", None, id="word-without-unit"),
]


@pytest.mark.parametrize(("text", "expected"), MITOSES)
def test_mitoses(extractor: Extractor, text: str, expected: float | None) -> None:
    summary = extractor.extract(text).features_summary()
    assert summary["mitoses_per_10hpf"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("4 mitoses/mm2.", 4.0, id="per-mm2"),
        pytest.param("2.5 mitoses per mm2.", 2.5, id="per-mm2-decimal"),
    ],
)
def test_mitoses_per_mm2(extractor: Extractor, text: str, expected: float) -> None:
    assert extractor.extract(text).features_summary()["mitoses_per_mm2"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("MDM2 FISH: amplified (ratio 6.2).", True, id="amplified"),
        pytest.param("MDM2 FISH (block A3): not amplified.", False, id="not-amplified"),
        pytest.param("No MDM2 amplification was detected.", False, id="no-amplification"),
        pytest.param("MDM2 immunostain is positive.", None, id="ihc-is-not-fish"),
    ],
)
def test_mdm2_amplified(extractor: Extractor, text: str, expected: bool | None) -> None:
    assert extractor.extract(text).features_summary()["mdm2_amplified"] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The tumour shows destructive growth into bone.", "present", id="destructive"),
        pytest.param("Permeative border.", "present", id="permeative"),
        pytest.param("There is no infiltrative border.", "absent", id="negated"),
    ],
)
def test_infiltrative_growth(extractor: Extractor, text: str, expected: str) -> None:
    values = {f.value for f in extractor.extract(text).features if f.name == "infiltrative_growth"}
    assert values == {expected}


NECROSIS = [
    pytest.param("Tumor cell necrosis is present.", {"present"}, id="present"),
    pytest.param("Coagulative tumour necrosis.", {"present"}, id="coagulative"),
    pytest.param("No tumour cell necrosis.", {"absent"}, id="no-prefix"),
    pytest.param("Coagulative tumor necrosis is absent.", {"absent"}, id="absent-postfix"),
    pytest.param("Tumor cell necrosis: not identified.", {"absent"}, id="not-identified"),
    pytest.param(
        "In the absence of atypia and tumour cell necrosis, the count alone is not enough.",
        {"absent"},
        id="absence-of-coordinated",
    ),
    pytest.param("Tumour necrosis - none.", {"absent"}, id="dash-none"),
    pytest.param("Necrosis: focal.", {"present"}, id="synoptic-focal"),
    pytest.param("There is extensive necrosis.", {"present"}, id="extensive"),
    pytest.param("Tumor cell necrosis is present, mitoses absent.", {"present"}, id="later-absent"),
    pytest.param("Hyaline necrosis is seen.", {"hyaline"}, id="hyaline"),
    pytest.param("Infarct-type necrosis.", {"hyaline"}, id="infarct-type"),
    pytest.param(
        "There is no coagulative necrosis, but hyaline necrosis is present.",
        {"absent", "hyaline"},
        id="absent-and-hyaline",
    ),
    pytest.param("TUMOR CELL NECROSIS PRESENT.", {"present"}, id="caps"),
    pytest.param(
        "Tumour cell (coagulative) necrosis is present.", {"present"}, id="parenthesised-type"
    ),
    pytest.param(
        "No tumour cell (coagulative) necrosis.", {"absent"}, id="parenthesised-type-negated"
    ),
]


@pytest.mark.parametrize(("text", "expected"), NECROSIS)
def test_necrosis(extractor: Extractor, text: str, expected: set[str]) -> None:
    feats = extractor.extract(text).features
    assert {f.value for f in feats if f.name == "tumor_cell_necrosis"} == expected


ATYPIA = [
    pytest.param("Focal mild atypia.", "mild focal", id="focal-mild"),
    pytest.param("Diffuse moderate to severe atypia.", "severe diffuse", id="diffuse-mod-severe"),
    pytest.param("No significant atypia.", "none", id="no-significant"),
    pytest.param("Without atypia.", "none", id="without"),
    pytest.param("Moderate nuclear atypia.", "moderate", id="moderate-nuclear"),
    pytest.param("Marked cytologic atypia.", "severe", id="marked"),
    pytest.param("DIFFUSE SEVERE NUCLEAR ATYPIA.", "severe diffuse", id="caps"),
    pytest.param("Bizarre nuclei are present.", "severe focal", id="bizarre"),
    pytest.param("Mild to moderate atypia.", "moderate", id="mild-to-moderate"),
]


@pytest.mark.parametrize(("text", "expected"), ATYPIA)
def test_atypia(extractor: Extractor, text: str, expected: str) -> None:
    feats = extractor.extract(text).features
    assert {f.value for f in feats if f.name == "atypia"} == {expected}
    assert extractor.extract(text).features_summary()["atypia"] == expected


def test_feature_offsets_and_rule_ids(extractor: Extractor) -> None:
    text = "DIAGNOSIS:\nLeiomyosarcoma. Up to 15 mitoses per 10 HPF; tumour cell necrosis."
    feats = extractor.extract(text).features
    assert [(f.name, f.value, f.rule_id) for f in feats] == [
        ("mitoses_per_10hpf", "15", "feat.mitoses.count_per_10hpf"),
        ("tumor_cell_necrosis", "present", "feat.necrosis.tumor_cell"),
    ]
    assert text[feats[1].start : feats[1].end].lower() == "tumour cell necrosis"
