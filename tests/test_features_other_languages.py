"""Histologic features written in other languages (BSM/BSO/flag set 15 class): atypia graded
by foreign grade words (features.json grade_words), mitoses per 10 high-power fields in their
own words, tumour-cell and hyaline necrosis, negated by the language's own words. Every row
is our own sentence."""

from __future__ import annotations

from typing import Any

import pytest

from pathmine.nlp import Extractor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Atipia nuclear moderada a severa de distribución difusa. 14 mitosis en 10 campos de "
            "alto poder. Focos de necrosis coagulativa de células tumorales.",
            {"atypia": "severe", "mitoses_per_10hpf": 14.0, "tumor_cell_necrosis": True},
            id="es",
        ),
        pytest.param(
            "Sin necrosis tumoral. Atipia leve. 2 mitosis/10 CGA.",
            {"atypia": "mild", "mitoses_per_10hpf": 2.0, "tumor_cell_necrosis": False},
            id="es-negated",
        ),
        pytest.param(
            "Atypie nucléaire marquée, 9 mitoses/10 champs, nécrose tumorale.",
            {"atypia": "severe", "mitoses_per_10hpf": 9.0, "tumor_cell_necrosis": True},
            id="fr",
        ),
        pytest.param(
            "Schwere Kernatypien, 12 Mitosen/10 HPF, Tumorzellnekrosen.",
            {"atypia": "severe", "mitoses_per_10hpf": 12.0, "tumor_cell_necrosis": True},
            id="de",
        ),
        pytest.param(
            "Atipia lieve; necrosi ialina; 3 mitosi/10 HPF.",
            {"atypia": "mild", "mitoses_per_10hpf": 3.0, "tumor_cell_necrosis": False},
            id="it-hyaline-necrosis-is-no-tumour-necrosis",
        ),
    ],
)
def test_features(extractor: Extractor, text: str, expected: dict[str, Any]) -> None:
    summary = extractor.extract(text).features_summary()
    assert {k: summary[k] for k in expected} == expected


def test_phyllodes_criteria_in_portuguese(extractor: Extractor) -> None:
    """A phyllodes tumour's malignant criteria written in Portuguese (flag set 15, BF15-16):
    marked stromal atypia, stromal overgrowth, infiltrative borders, mitoses per 10 HPF."""
    found = extractor.extract(
        "O estroma apresenta atipia estromal acentuada. Há supercrescimento estromal. As "
        "bordas são infiltrativas. Contam-se 11 mitoses por 10 campos de grande aumento."
    )
    names = {(f.name, f.value) for f in found.features}
    assert {("stromal_overgrowth", "present"), ("infiltrative_growth", "present")} <= names
    summary = found.features_summary()
    assert (summary["atypia"], summary["mitoses_per_10hpf"]) == ("severe", 11.0)
