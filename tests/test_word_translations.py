"""Words of other languages standing for lexicon words (diagnoses.json ``word_translations``)
and the BSM classes of family, history and 'criteria not met' cues in those languages.

A translated word takes the English word's NORM, so a lexicon phrase matches in every
language that keeps its word order; each row is our own sentence.
"""

from __future__ import annotations

import re

import pytest

from pathmine.nlp import Extractor
from pathmine.nlp.rules import load_rules


def test_translations_name_lexicon_words_and_are_not_english() -> None:
    """Every target is a word of a lexicon phrase or metastatic cue; no source word is one
    (an English word must keep its own meaning)."""
    lexicon = load_rules().diagnoses
    words: set[str] = set()
    for entry in lexicon.entries:
        for phrase in (entry.term, *entry.phrases):
            words |= set(re.findall(r"\w+", phrase.lower()))
    for cue in lexicon.metastatic_cues:
        words |= set(re.findall(r"\w+", cue.lower()))
    table = lexicon.word_translations
    assert table
    assert {target for target in table.values()} <= words
    assert not set(table) & words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # endometrial stromal sarcoma NOS is 8930/3 (ICD-O-3), in English as in Turkish
        pytest.param("Tanı: endometriyal stromal sarkom.", [("8930/3", "affirmed")], id="tr"),
        pytest.param(
            "Tanı: YÜKSEK DERECELİ ENDOMETRİYAL STROMAL SARKOM.",
            [("8930/3", "affirmed")],
            id="tr-dotted-capital",
        ),
        pytest.param("Befund: Tubuläres Adenom.", [("8211/0", "affirmed")], id="de-adenoma"),
        pytest.param(
            "Befund: Atypischer lipomatöser Tumor.", [("8851/3", "affirmed")], id="de-alt"
        ),
        pytest.param("Befund: Zellreiches Leiomyom.", [("8892/0", "affirmed")], id="de-cellular"),
        pytest.param(
            "Diagnóza: intravenózní leiomyomatóza.", [("8890/1", "affirmed")], id="cs-ivl"
        ),
        pytest.param("Diagnos: Malignt melanom.", [("8720/3", "affirmed")], id="sv-melanoma"),
        pytest.param(
            "ZAKLYUCHENIE: Leyomiosarkoma tela matki.",
            [("8890/3", "affirmed")],
            id="ru-transliterated",
        ),
        pytest.param(
            "Заключение: лейомиосаркома тела матки.", [("8890/3", "affirmed")], id="ru-cyrillic"
        ),
        pytest.param(
            "The tumour was discussed at the Kolloquium fuer Uterine Sarkome.",
            [],
            id="a-meeting-named-for-a-tumour",
        ),
    ],
)
def test_translated_words_match_lexicon_phrases(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Antecedentes familiares: padre con adenocarcinoma de colon.",
            [("8140/3", "family")],
            id="es-father",
        ),
        pytest.param(
            "Historia rodzinna: siostra - czerniak.", [("8720/3", "family")], id="pl-label"
        ),
        pytest.param(
            "Familiarità: madre operata per leiomiosarcoma uterino.",
            [("8890/3", "family")],
            id="it-label",
        ),
        pytest.param(
            "Antécédent familial : frère traité pour un mélanome.",
            [("8720/3", "family")],
            id="fr-label",
        ),
        pytest.param(
            "Antecedente personale: melanom in situ, excizat în 2020.",
            [("8720/2", "historical")],
            id="ro-personal-history",
        ),
        pytest.param(
            "Anamnes: Tidigare leiomyosarkom i uterus, nu lungnodulus.",
            [("8890/3", "historical")],
            id="sv-tidigare",
        ),
        pytest.param(
            "Kriterier for leiomyosarkom er ikke oppfylt.",
            [("8890/3", "negated")],
            id="no-criteria-not-met",
        ),
        pytest.param(
            "Kritéria leiomyosarkomu nejsou splněna.",
            [("8890/3", "negated")],
            id="cs-criteria-not-met",
        ),
        pytest.param("Carcinoma de mama izquierda.", [("8010/3", "affirmed")], id="mama-is-breast"),
    ],
)
def test_family_history_and_criteria_cues(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d.icdo3, d.assertion) for d in extractor.extract(text).diagnoses] == expected
