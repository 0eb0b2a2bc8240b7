"""Histologic criteria (mitotic count, tumour-cell necrosis, atypia) from regex rule data.

These are numbers and grades, not concepts, so regexes over each sentence are the right
tool; the rules live in ``pipelines/features.json`` and each finding names the rule id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span

from pathmine.nlp.caseless import CaselessPattern, first_char_guard, first_chars
from pathmine.nlp.ocr_fuzzy import FoldedText, fold_ocr_text, ocr_tolerant_regex
from pathmine.nlp.rules import FeatureRules
from pathmine.records import Feature

# counts per HPF and per 50 HPF become counts per 10 HPF (ANNOTATION.md section 5)
_PER_10_HPF = {"10hpf": 1.0, "hpf": 10.0, "50hpf": 0.2}
_CLAUSE = re.compile(r"[;.]|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Compiled:
    id: str
    regex: re.Pattern[str]
    unit: str | None
    value: str | None


def _ocr_tolerant(cue: str) -> str:
    """A negation cue as a regex that also matches its OCR slips of O to 0 and l to 1
    ("N0 tumour cell necrosis", "n0t identified")."""
    return "".join({"o": "[o0]", "l": "[l1]"}.get(ch, re.escape(ch)) for ch in cue.lower())


class FeatureFinder:
    def __init__(self, rules: FeatureRules) -> None:
        def compile_all(items: Iterable[object]) -> list[_Compiled]:
            return [
                _Compiled(r.id, re.compile(r.regex, re.IGNORECASE), r.unit, r.value)  # type: ignore[attr-defined]
                for r in items
            ]

        self.mitoses = compile_all(rules.mitoses)
        self.necrosis = compile_all(rules.necrosis)
        self.atypia = compile_all(rules.atypia)
        self.grade_words = {k.lower(): v for k, v in rules.grade_words.items()}
        self.findings = [
            (r.name or r.id, c)
            for r, c in zip(rules.findings, compile_all(rules.findings), strict=True)
        ]
        # One cheap scan over a whole report finds the sentences worth the per-rule regexes.
        triggers = [f"(?:{t})" for t in rules.triggers]
        self.any_rule = CaselessPattern(
            first_char_guard(first_chars(triggers)) + "(?:" + "|".join(triggers) + ")"
            if triggers
            else r"(?s)."
        )
        # the same scan for a report with OCR damage ("rnitoses", "necr0sis")
        tolerant = [ocr_tolerant_regex(t) for t in triggers]
        self.any_rule_ocr = CaselessPattern(
            first_char_guard(first_chars(tolerant)) + "(?:" + "|".join(tolerant) + ")"
            if triggers
            else r"(?s)."
        )
        cues = sorted(rules.negation_cues, key=len, reverse=True)
        self.negation = re.compile(
            r"\b(?:" + "|".join(_ocr_tolerant(c) for c in cues) + r")\b", re.IGNORECASE
        )
        post = sorted(rules.postfix_negation_cues, key=len, reverse=True)
        self.postfix_negation = (
            re.compile(
                r"\s*(?:[:\-–]|\b(?:is|are|was|were)\b)?\s*(?:"
                + "|".join(_ocr_tolerant(c) for c in post)
                + r")\b",
                re.IGNORECASE,
            )
            if post
            else None
        )

    def _negated_after(self, text: str, end: int) -> bool:
        """A negation cue right after the match ("necrosis: absent", "necrosis is not seen")."""
        return self.postfix_negation is not None and bool(self.postfix_negation.match(text, end))

    def _negated(self, text: str, start: int) -> bool:
        clause_start = 0
        for m in _CLAUSE.finditer(text, 0, start):
            clause_start = m.end()
        return self.negation.search(text, clause_start, start) is not None

    def find(self, sent: Span, ocr: bool = False) -> list[Feature]:
        """The features of one sentence; with ``ocr`` (the report shows OCR damage) also
        those its OCR-folded text adds where the text as written matched nothing ("14/1O
        HPF", "turnour ce11 necrosis", "rnoderate atypia")."""
        text = sent.text
        found = self._find(text, sent.start_char, text.strip(), None)
        if ocr:
            folded = fold_ocr_text(text, force=True)
            if folded is not None and folded.text != text:
                taken = [(f.start, f.end) for f in found]
                found.extend(
                    f
                    for f in self._find(folded.text, sent.start_char, text.strip(), folded)
                    if not any(f.start < e and s < f.end for s, e in taken)
                )
        return found

    def _find(
        self, text: str, base: int, evidence: str, folded: FoldedText | None
    ) -> list[Feature]:
        found: list[Feature] = []

        def add(name: str, value: str, m: re.Match[str], rule_id: str) -> None:
            start, end = m.start(), m.end()
            if folded is not None:  # offsets in the folded text -> in the sentence as written
                start, end = folded.origin(start), folded.origin(end - 1) + 1
            found.append(Feature(name, value, base + start, base + end, evidence, rule_id))

        taken: list[tuple[int, int]] = []
        for rule in self.mitoses:
            for m in rule.regex.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                if rule.unit == "none":
                    add("mitoses_per_10hpf", "0", m, rule.id)
                    continue
                count = max(_number(m.group("count")), _number(m.group("high") or "0"))
                if rule.unit == "mm2":
                    # kept with its unit: the field area, not stated here, decides the
                    # conversion (ANNOTATION.md section 5)
                    add("mitoses_per_mm2", f"{count:g}", m, rule.id)
                    continue
                count *= _PER_10_HPF.get(rule.unit or "10hpf", 1.0)
                add("mitoses_per_10hpf", f"{round(count, 1):g}", m, rule.id)
        for rule in self.necrosis:
            for m in rule.regex.finditer(text):
                value = rule.value or "present"
                if value == "present" and (
                    self._negated(text, m.start()) or self._negated_after(text, m.end())
                ):
                    value = "absent"
                add("tumor_cell_necrosis", value, m, rule.id)
        for rule in self.atypia:
            for m in rule.regex.finditer(text):
                add("atypia", self._atypia_value(rule.id, m, text), m, rule.id)
        for name, rule in self.findings:
            for m in rule.regex.finditer(text):
                value = rule.value or "present"
                if value in ("present", "true") and (
                    self._negated(text, m.start()) or self._negated_after(text, m.end())
                ):
                    value = "absent" if value == "present" else "false"
                add(name, value, m, rule.id)
        return found

    def _atypia_value(self, rule_id: str, m: re.Match[str], text: str) -> str:
        if rule_id.endswith(".none"):
            return "none"
        if rule_id.endswith(".bizarre"):
            return "severe focal"
        grade = m.group("grade").lower().replace("-", " ")
        grade = self.grade_words.get(re.sub(r"\s+", " ", grade), grade)
        grade = {
            "minimal": "mild",
            "slight": "mild",
            "marked": "severe",
            "significant": "moderate",
            "prominent": "moderate",
            "striking": "severe",
            "moderate to severe": "severe",
            "mild to moderate": "moderate",
        }.get(grade, grade)
        if self._negated(text, m.start()):
            return "none"
        groups = m.groupdict()
        # "severe atypia, focal (less than 10% of the tumour)": the extent after the grade
        extent = (groups.get("extent") or groups.get("extent_after") or "").lower()
        if extent.startswith(("focal", "multifocal")):
            return f"{grade} focal"
        if extent.startswith("diffuse"):
            return f"{grade} diffuse"
        return grade


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {
    **{w: i for i, w in enumerate(_UNITS)},
    **{w: 10 + i for i, w in enumerate(_TEENS)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS)},
}


def _number(value: str) -> float:
    """A count as digits ("14", "2.5") or dictated words ("fourteen", "twenty-two")."""
    try:
        return float(value)
    except ValueError:
        return float(sum(_WORD_VALUES[w] for w in re.split(r"[- ]+", value.lower().strip())))
