"""The pathmine spaCy pipeline and the pure function text → ``Extraction``.

Pipeline: blank English tokenizer (with inline-stain tweaks) → line-aware sentencizer →
medspaCy target matcher (diagnosis + marker lexicons) → medspaCy sectionizer (pathology
headers) → medspaCy ConText (pathology rule pack, diagnoses only). The flattening step
below turns the Doc into plain records; nothing here touches a database, so the same code
runs in worker processes or on a Spark executor.
"""

from __future__ import annotations

import bisect
import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cached_property, lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from pathmine.nlp import (  # noqa: F401  (register factories)
    context,
    cumulative,
    lexicon_matcher,
    option_lists,
    regex_targets,
    sectionizer,
    segmentation,
)
from pathmine.nlp.caseless import CaselessPattern
from pathmine.nlp.context import norm_pattern, pattern_phrases
from pathmine.nlp.features import FeatureFinder
from pathmine.nlp.ocr_fuzzy import (
    fuzzy_vocabulary,
    looks_ocr_damaged,
    modifier_repair,
    ocr_capital_variants,
)
from pathmine.nlp.report_facts import FactReader, ReportFacts, accession_key
from pathmine.nlp.rules import DiagnosisEntry, RulePack, load_rules
from pathmine.nlp.sectionizer import SectionIndex
from pathmine.nlp.sentences import sentence_of, sentence_starts
from pathmine.nlp.sites import SiteIndex, SiteNormalizer
from pathmine.nlp.stains import (
    CueBook,
    column_table_results,
    resolve_sentence,
    row_table_results,
)
from pathmine.nlp.targets import (
    DIAGNOSIS,
    STAIN,
    ExclusionFilter,
    SubtypeRecoder,
    compound_rules,
    diagnosis_rules,
    marker_rules,
)
from pathmine.nlp.tokenizer import (
    PathologyTokenizer,
    lines_text_of,
    lower_text_of,
    ocr_norm,
    text_of,
)
from pathmine.records import DiagnosisMention, Extraction, Feature, StainResult

# ConText cues that withdraw an earlier interpretation rather than exclude an entity
_RETRACTIONS = frozenset(
    {
        "ctx.neg.was_withdrawn",
        "ctx.neg.is_withdrawn",
        "ctx.neg.is_retracted",
        "ctx.neg.is_withdrawn_intl",
    }
)
_ASSERTION_ORDER = (
    ("NEGATED_EXISTENCE", "negated"),
    ("FAMILY", "family"),
    ("HYPOTHETICAL", "hypothetical"),
    ("POSSIBLE_EXISTENCE", "uncertain"),
    ("HISTORICAL", "historical"),
)


def _quiet_medspacy_logging() -> None:
    # PyRuSH/medspaCy log at DEBUG through loguru and the stdlib; report text must never
    # reach a log, and the volume costs time.
    try:
        from loguru import logger

        logger.disable("PyRuSH")
        logger.disable("medspacy")
    except ImportError:  # pragma: no cover - loguru ships with medspacy
        pass
    logging.getLogger("medspacy").setLevel(logging.WARNING)
    # medspaCy builds a token Matcher even when every rule is a phrase; spaCy then warns
    # W036 ("no patterns") on every call.
    warnings.filterwarnings("ignore", message=r".*\[W036\]")


def build_nlp(rules: RulePack | None = None, tokenizer: str = "pathmine") -> Language:
    """Assemble the spaCy pipeline from the rule data (no statistical model needed).

    ``tokenizer="spacy"`` keeps spaCy's own rule tokenizer (with the inline-stain suffix
    tweaks) instead of pathmine's regex tokenizer; it exists to measure the difference.
    """
    _quiet_medspacy_logging()
    import medspacy  # noqa: F401  (registers medspaCy factories)
    from medspacy.context import ConTextRule
    from medspacy.section_detection import SectionRule

    rules = rules or load_rules()
    nlp = spacy.blank("en")
    if tokenizer == "pathmine":
        headings = frozenset(
            literal.lower() for rule in rules.sections.rules for literal in rule.literals
        )
        nlp.tokenizer = PathologyTokenizer(nlp.vocab, headings, fuzzy_vocabulary(rules))
    else:
        segmentation.customize_tokenizer(nlp)
    nlp.add_pipe("pathmine_line_sentencizer_v1")
    # NORM: the tokenizer's OCR-folded lower case (``tokenizer.ocr_norm``); spaCy's own
    # tokenizer (kept for measurement) leaves NORM at the lower-cased form.
    matcher: Any = nlp.add_pipe(
        "pathmine_lexicon_matcher_v1", config={"phrase_matcher_attr": "NORM"}
    )
    matcher.add(diagnosis_rules(nlp, rules.diagnoses.entries))
    matcher.add(marker_rules(nlp, rules.stains.markers))
    matcher.add(compound_rules(rules.stains.compounds))
    ocr_targets: Any = nlp.add_pipe("pathmine_regex_targets_v1")
    for entry in rules.diagnoses.entries:
        ocr_targets.add(DIAGNOSIS, entry.id, entry.regex)
        ocr_targets.add_exact(DIAGNOSIS, entry.id, ocr_capital_variants(entry.exact))
    for marker in rules.stains.markers:
        ocr_targets.add(STAIN, marker.id, marker.regex)
        ocr_targets.add_exact(STAIN, marker.id, marker.exact)
    headers: Any = nlp.add_pipe("pathmine_sectionizer_v1")
    headers.add(
        [
            SectionRule(literal, rule.category, metadata={"id": rule.id})
            for rule in rules.sections.rules
            for literal in rule.literals
        ]
    )
    assertions: Any = nlp.add_pipe("pathmine_context_v1")
    context_rules = []
    for r in rules.context.rules:
        phrases = pattern_phrases(r.pattern)
        for literal, pattern in (
            [(phrase, None) for phrase in phrases]
            if phrases is not None
            else [(r.literal, norm_pattern(r.pattern))]
        ):
            context_rules.append(
                ConTextRule(
                    literal,
                    r.category,
                    direction=r.direction,
                    pattern=pattern,
                    max_scope=r.max_scope,
                    allowed_types={DIAGNOSIS},
                    metadata={"id": r.id},
                )
            )
    assertions.add(context_rules)
    return nlp


_SENTENCE_REACH = 160  # characters a wrapped sentence may run either side of a cue

# A "no" that opens a clause, a line or a bullet ("No residual tumour (leiomyosarcoma)",
# "- no atypia or necrosis"): the negation then reaches the items that follow it
_CLAUSE_OPENING_NO = r"(?:^|[;:]\s*|^\s*[-\u2022*]\s*)no\s+"


# an accession or a date in a label line: it names an earlier specimen
_DATED_LABEL = re.compile(r"\d{2,}[-/.]\d{2,}|\b(?:19|20)\d\d\b")


def _with_label_line(text: str, sentence_start: int, start: int) -> str:
    """The sentence's text before a mention, and, when the sentence opens its line right
    after a line that ends in a colon and names a specimen by number or date, that line
    too: "Endometrial biopsy (SP25-009871, 02/04/2025):" labels the diagnosis below it."""
    before = text[sentence_start:start]
    line_start = text.rfind("\n", 0, sentence_start + 1)
    if line_start < 0 or text[line_start + 1 : sentence_start].strip():
        return before
    previous = text.rfind("\n", 0, line_start)
    label = text[previous + 1 : line_start].rstrip()
    label = label[label.rfind(". ") + 1 :]
    if not label.endswith(":") or len(label) > 160 or not _DATED_LABEL.search(label):
        return before  # a part heading ("E. Uterus, hysterectomy:") labels today's specimen
    return label + " " + before


def _clause_around(before: str, after: str, reach: int) -> str:
    """The mention's clause, at most ``reach`` characters either side and not across a
    semicolon: the span an accession must sit in to be the mention's specimen."""
    return before[-reach:].rpartition(";")[2] + " " + after[:reach].partition(";")[0]


class Extractor:
    """Holds one pipeline and turns texts into ``Extraction`` records.

    The spaCy pipeline is built on first use (about a second): a re-run over an unchanged
    archive needs only ``version`` and never pays for it.
    """

    def __init__(self, rules: RulePack | None = None, tokenizer: str = "pathmine") -> None:
        self.rules = rules or load_rules()
        self._tokenizer = tokenizer
        self._nlp: Language | None = None
        self._cue_book: CueBook | None = None
        self.version = self.rules.version
        self._entries = {e.id: e for e in self.rules.diagnoses.entries}
        self._roles = self.rules.sections.categories
        self._features = FeatureFinder(self.rules.features)
        self._facts = FactReader(self.rules.report_facts)
        self._sites = SiteNormalizer(self.rules.sites)
        self._modifier_repair = modifier_repair(self.rules)
        self._metastatic = {
            " ".join(ocr_norm(w) for w in c.split()) for c in self.rules.diagnoses.metastatic_cues
        }
        self._report_types = [
            (r.id, r.type, CaselessPattern(r.regex, re.MULTILINE))
            for r in self.rules.report_types.rules
        ]
        recommendation = self.rules.report_types.recommendation
        self._recommendation = CaselessPattern(recommendation) if recommendation else None
        # one scan that says whether any rule can match: most reports are originals, and
        # the rules' own order (the first matching rule wins) is needed only when one does
        self._any_report_type = CaselessPattern(
            "|".join(f"(?:{r.regex})" for r in self.rules.report_types.rules), re.MULTILINE
        )

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_nlp(self.rules, self._tokenizer)
        return self._nlp

    @property
    def _cues(self) -> CueBook:
        if self._cue_book is None:
            self._cue_book = CueBook(
                self.nlp,
                self.rules.stains.results,
                self.rules.stains.markers,
                self.rules.stains.compounds,
                self.rules.stains.molecular,
                self.rules.stains.not_results,
            )
        return self._cue_book

    def load(self) -> Extractor:
        """Build the pipeline now (before forking workers, so they inherit it), and run one
        short text through it so that what components build lazily is built here too."""
        _ = self._cues
        self.extract("Leiomyoma; desmin and SMA positive.")
        return self

    def extract(self, text: str) -> Extraction:
        return self._flatten(self.nlp(text))

    def extract_many(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Extraction]:
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            yield self._flatten(doc)

    def _read_facts(self, doc: Doc) -> ReportFacts:
        """Report facts read from the input's lines (labels start lines, wraps or not), once
        per document: the assertion step asks for the report's own and cited numbers too."""
        facts = doc.user_data.get(_FACTS_KEY)
        if facts is None:
            lines = lines_text_of(doc)
            facts = self._facts.read(lines, lower_text_of(doc) if lines is text_of(doc) else None)
            doc.user_data[_FACTS_KEY] = facts
        return facts

    def _infer_type(self, doc: Doc) -> str:
        lines = lines_text_of(doc)
        return self.infer_report_type(lines, lower_text_of(doc) if lines is text_of(doc) else None)

    def infer_report_type(self, text: str, lowered: str | None = None) -> str:
        """The first report-type rule matching the head of the text (``lowered``: the same
        text lower-cased, when the caller has it)."""
        window = self.rules.report_types.window
        head = text[:window]
        # Slices of equal length prove nothing: only a whole lower-cased text of the same
        # length is aligned with the original (else CaselessPattern lower-cases the head).
        aligned = lowered is not None and len(lowered) == len(text)
        lowered_head = lowered[:window] if aligned and lowered is not None else None
        if self._any_report_type.search(head, lowered_head) is None:
            return "original"
        for _rule_id, report_type, regex in self._report_types:
            for match in regex.finditer(head, lowered_head):
                if not self._recommends(head, match.start(), match.end()):
                    return report_type
        return "original"

    def _recommends(self, head: str, start: int, end: int) -> bool:
        """Is the cue at ``head[start:end]`` part of a recommendation ("referral for expert
        opinion is suggested")? Then it tells what should happen next, not what the report
        is (report_types.json ``recommendation``)."""
        if self._recommendation is None:
            return False
        # the sentence, which wraps over lines: from the last full stop or blank line
        # before the cue to the next one after it, at most _SENTENCE_REACH either side
        left = max(head.rfind(".", 0, start), head.rfind("\n\n", 0, start), start - _SENTENCE_REACH)
        stops = [i for i in (head.find(".", end), head.find("\n\n", end)) if i >= 0]
        right = min([*stops, end + _SENTENCE_REACH])
        return self._recommendation.search(head[max(left, 0) : right]) is not None

    # -- flattening -------------------------------------------------------------------------

    def _flatten(self, doc: Doc) -> Extraction:
        try:
            return self._flatten_entities(doc)
        finally:
            # the cached entities hold the Doc: drop them, or every Doc lives in a cycle
            doc.user_data.pop(_ENTS_KEY, None)

    def _flatten_entities(self, doc: Doc) -> Extraction:
        text = text_of(doc)
        sites = SiteIndex(text, self._sites)
        sections = SectionIndex(doc)
        diagnoses: list[DiagnosisMention] = []
        markers_by_sent: dict[int, list[Span]] = {}
        for ent in _entities(doc):
            if ent.label_ == DIAGNOSIS:
                diagnoses.extend(self._diagnosis(ent, sites, sections.at_char(ent.start_char)))
            elif ent.label_ == STAIN and not _in_identifier(text, ent.start_char):
                markers_by_sent.setdefault(sentence_of(doc, ent.start).start, []).append(ent)
        diagnoses.extend(self._typed_values(doc, text, sections))
        if len(diagnoses) >= option_lists.MIN_WITH_DIAGNOSIS:
            printed = option_lists.option_list_spans(text, [d.start for d in diagnoses])
            if printed:  # "13. Small cell carcinoma / 14. Mature teratoma / ... / 22. Others"
                diagnoses = [
                    d for d in diagnoses if not any(lo <= d.start < hi for lo, hi in printed)
                ]
        facts = self._read_facts(doc)
        diagnoses = cumulative.date_row_mentions(diagnoses, text, facts.accession)
        stains: list[StainResult] = []
        for start, markers in markers_by_sent.items():
            sent = _with_value_line(doc, sentence_of(doc, start), markers, markers_by_sent)
            stains.extend(
                replace(s, section=sections.at_char(s.start))
                for s in resolve_sentence(self._cues, sent, markers)
            )
        # the input's own lines: a marker line that starts lower-case ("h-Caldesmon") is a
        # table row, not the wrapped end of the line above it
        lines = lines_text_of(doc)
        columns = column_table_results(self._cues, doc, lines) + row_table_results(
            self._cues, doc, lines
        )
        if columns:
            # a table OCR'd column by column: its pairs replace what the line reading found
            taken = {r.start for r in columns}
            stains = [s for s in stains if s.start not in taken] + [
                replace(s, section=sections.at_char(s.start)) for s in columns
            ]
        return Extraction(
            pipeline_version=self.version,
            diagnoses=tuple(diagnoses),
            stains=tuple(stains),
            features=tuple(self._find_features(doc, text)),
            inferred_report_type=self._infer_type(doc),
            accession=facts.accession,
            cited_accessions=facts.cited_accessions,
            collection_dates=facts.collection_dates,
            cited_dates=facts.cited_dates,
        )

    @cached_property
    def _typed(self) -> tuple[re.Pattern[str] | None, list[tuple[re.Pattern[str], str]]]:
        typed = self.rules.diagnoses.typed_values
        if typed is None:
            return None, []
        return re.compile(typed.line, re.IGNORECASE | re.MULTILINE), [
            (re.compile(v.regex, re.IGNORECASE), v.entry) for v in typed.values
        ]

    def _typed_values(self, doc: Doc, text: str, sections: SectionIndex) -> list[DiagnosisMention]:
        """'Histologic type: Endometrioid': a selected synoptic value named only by its type
        adjective is a mention (affirmed), unless the value already holds a lexicon term."""
        line, values = self._typed
        if line is None or (
            "type" not in lower_text_of(doc) and "histolog" not in lower_text_of(doc)
        ):
            return []
        out = []
        starts = [e.start_char for e in _entities(doc) if e.label_ == DIAGNOSIS]
        for m in line.finditer(text):
            lo, hi = m.span("value")
            if any(lo <= s < hi for s in starts):
                continue
            for regex, entry_id in values:
                hit = regex.search(text, lo, hi)
                if hit is None:
                    continue
                out.append(
                    self._typed_mention(
                        entry_id, hit, sections, text[m.start() : m.end()], "syn.typed_value"
                    )
                )
                break
        return out + self._column_typed_values(text, sections, starts)

    @cached_property
    def _typed_column(self) -> re.Pattern[str] | None:
        typed = self.rules.diagnoses.typed_values
        if typed is None or typed.empty_label is None:
            return None
        return re.compile(typed.empty_label, re.IGNORECASE | re.MULTILINE)

    def _column_typed_values(
        self, text: str, sections: SectionIndex, starts: list[int]
    ) -> list[DiagnosisMention]:
        """Labels printed in one column and their values in the next ("Histologic type:"
        with nothing after it, then "Endometrioid" on a line of its own further down): the
        first line after it that is a type word alone ("Endometrioid", "Serous type",
        "Endometrioid with squamous differentiation") is its value."""
        label = self._typed_column
        typed = self.rules.diagnoses.typed_values
        if label is None or typed is None:
            return []
        _, values = self._typed
        out: list[DiagnosisMention] = []
        for m in label.finditer(text):
            reach = min(len(text), m.end() + typed.column_reach)
            hit = None
            for line in _SHORT_LINE.finditer(text, m.end(), reach):
                lo, hi = line.span("value")
                if any(lo <= s < hi for s in starts):
                    continue  # a lexicon term: the lexicon reads it
                for regex, entry_id in values:
                    h = regex.match(text, lo, hi)
                    if h is not None and _TYPE_ONLY_TAIL.match(text, h.end(), hi):
                        hit = (h, entry_id)
                        break
                if hit is not None:
                    break
            if hit is None:
                continue
            found, entry_id = hit
            out.append(
                self._typed_mention(entry_id, found, sections, text[lo:hi], "syn.typed_column")
            )
        return out

    def _typed_mention(
        self,
        entry_id: str,
        hit: re.Match[str],
        sections: SectionIndex,
        sentence: str,
        rule: str,
    ) -> DiagnosisMention:
        """A selected synoptic type value as an affirmed mention of its lexicon entry."""
        entry = self._entries[entry_id]
        return DiagnosisMention(
            term=entry.term,
            icdo3=entry.icdo3,
            behavior=entry.behavior,
            lineage=entry.lineage,
            assertion="affirmed",
            section=sections.at_char(hit.start()),
            site=None,
            start=hit.start(),
            end=hit.end(),
            sentence=sentence.strip(),
            rule_id=f"{entry.id}/{rule}",
        )

    def _find_features(self, doc: Doc, text: str) -> list[Feature]:
        """Run the feature rules only on sentences where one of them can match."""
        # a report with OCR damage: the triggers read "rnitoses", "necr0sis" too, and each
        # sentence is also read OCR-folded ("14/1O HPF")
        ocr = looks_ocr_damaged(text)
        scan = self._features.any_rule_ocr if ocr else self._features.any_rule
        hits = [m.start() for m in scan.finditer(text, lower_text_of(doc))]
        if not hits:
            return []
        starts = sentence_starts(doc)
        char_starts = [doc[i].idx for i in starts]
        wanted = sorted({bisect.bisect_right(char_starts, h) - 1 for h in hits})
        bounds = [*starts, len(doc)]
        return [
            f for k in wanted for f in self._features.find(doc[bounds[k] : bounds[k + 1]], ocr=ocr)
        ]

    def _diagnosis(
        self, ent: Span, sites: SiteIndex, section: str | None
    ) -> list[DiagnosisMention]:
        # Gross descriptions are read like any other section (ANNOTATION.md section 1): a
        # named entity there is a mention with its own cues.
        role = self._roles.get(section, "diagnostic") if section else "diagnostic"
        if role == "reference":
            return []  # a cited paper's title ("... not present in renal oncocytoma. Mod Pathol")
        if _is_quoted_label(ent):
            return []  # '1) "Uterine fibroid":' names the specimen, it does not diagnose
        if sites.in_label_heading(ent.start_char, ent.end_char):
            return []  # "1) Uterine fibroid:" labels the part; its diagnosis follows
        entry = self._entries[ent._.target_rule.metadata["entry_id"]]
        repaired_ids: list[str] = []
        if entry.id == _CARCINOMA_NOS:
            repaired = self._modifier_repair.entry_for(_words_before(ent), junk=_junk_before(ent))
            if repaired is not None:
                # "Squamous call carcinoma": the type words read through OCR damage
                entry, repaired_ids = self._entries[repaired], ["ocr.modifier_repair"]
        if _restates_previous(ent, entry.id):
            return []  # "... nerve sheath tumor (MPNST)": one mention, the term's
        if self._exclusions.excluded_by(ent, entry.id) is not None:
            return []  # "higher than for lipoma", "nevus cells", "cervical stump"
        if self._is_back_reference(ent, entry.id):
            return []  # "the sarcoma" after the leiomyosarcoma was named
        extra_ids: list[str] = [*repaired_ids]
        recoded, added = self._subtypes.qualify(ent, entry.id)
        if recoded is not None:
            extra_ids.append(recoded[0])
            entry = self._entries[recoded[1]]
        assertion, modifier_ids = self._assertion(ent, role)
        if assertion == "affirmed":
            hedge = self._dangling_hedge(ent) or self._alternative(ent)
            if hedge is not None:
                assertion, modifier_ids = "uncertain", [*modifier_ids, hedge]
        behavior = entry.behavior
        if behavior == 3 and self._is_metastatic(ent):
            behavior = 6
        metastatic = behavior == 6
        if assertion == "affirmed" and not metastatic and self._describes_extent(ent, entry.id):
            return []  # "carcinoma invades 16 mm of 20 mm": the typed tumour again
        modifier_ids = [*extra_ids, *modifier_ids]
        sent_span = sentence_of(ent.doc, ent.start)
        site = sites.site_for(
            ent.start_char, ent.end_char, sent_span.start_char, sent_span.end_char
        )
        sentence = sent_span.text.strip()
        # a wrapped line's whitespace may be glued before the first token: not the mention's
        start = ent.start_char + len(ent.text) - len(ent.text.lstrip())

        def mention(e: DiagnosisEntry, ids: list[str], behavior: int) -> DiagnosisMention:
            return DiagnosisMention(
                term=e.term,
                icdo3=f"{e.morphology}/{behavior}",
                behavior=behavior,
                lineage=e.lineage,
                assertion=assertion,
                section=section,
                site=site,
                start=start,
                end=ent.end_char,
                sentence=sentence,
                rule_id="/".join([e.id, *ids]),
            )

        # a broad term whose type is named ("adenocarcinoma, endometrioid type") is that
        # type; a mixed one ("adenocarcinoma, mixed serous and endometrioid") is 8323/3 and
        # each type (annotators rarely list the broad code beside them, unless the broad
        # term is a full diagnosis of its own: ``keep_broad``)
        hedged = bool(added) and self._hedged_type(ent, added)
        keep = not added or hedged or any(q in self._subtypes.keeps_broad for q, _ in added)
        out = [mention(entry, modifier_ids, behavior)] if keep else []
        for qualifier_id, added_id in added:
            extra = self._entries[added_id]
            extra_behavior = 6 if metastatic and extra.behavior == 3 else extra.behavior
            if hedged:
                # "adenocarcinoma, probably serous": the broad term stands, the type is
                # hedged (ANNOTATION.md section 3)
                assertion_of_type = "uncertain" if assertion == "affirmed" else assertion
                out.append(
                    replace(
                        mention(
                            extra,
                            [qualifier_id, "ctx.unc.hedged_type", *modifier_ids],
                            extra_behavior,
                        ),
                        assertion=assertion_of_type,
                    )
                )
            else:
                out.append(mention(extra, [qualifier_id, *modifier_ids], extra_behavior))
        return out

    def _assertion(self, ent: Span, role: str) -> tuple[str, list[str]]:
        """The mention's assertion from its ConText modifiers and its section's role.

        Precedence: negated > family > hypothetical > uncertain > historical. In a clinical
        section (history, indication, pre-operative diagnosis) the mention is the current
        specimen's indication (affirmed); a clinician's question or rule-out request there is
        uncertain, and "known" / "k/c/o" alone does not make it historical (ANNOTATION.md
        section 3). A quoted outside or previous diagnosis is historical.
        """
        modifiers = [m for m in ent._.modifiers if not _question_of_next_clause(ent, m)]
        by_category: dict[str, set[str]] = {}
        for m in modifiers:
            rule_id = str(m.rule.metadata.get("id")) if m.rule.metadata else m.category
            by_category.setdefault(m.category, set()).add(rule_id)
        ids = sorted({i for found in by_category.values() for i in found})
        if role == "clinical":
            requests = by_category.get("HYPOTHETICAL", set()) & self._REQUEST_CUES
            if requests and by_category.get("HYPOTHETICAL", set()) <= self._REQUEST_CUES:
                by_category.pop("HYPOTHETICAL")
                by_category.setdefault("POSSIBLE_EXISTENCE", set()).update(requests)
            weak = by_category.get("HISTORICAL", set())
            if weak and weak <= self._WEAK_HISTORY_CUES and not self._names_prior_specimen(ent):
                by_category.pop("HISTORICAL")
        # a quoted previous diagnosis stays historical when the report withdraws it
        # ("PREVIOUS DIAGNOSIS: X - this diagnosis is withdrawn"): a retraction, not an
        # exclusion of X in this specimen
        if role == "quoted" and by_category.get("NEGATED_EXISTENCE", set()) <= _RETRACTIONS:
            return "historical", [*ids, "sec.quoted_diagnosis"]
        if not by_category.keys() & {"NEGATED_EXISTENCE", "FAMILY"} and (
            self._reports_prior_specimen(ent, clinical=role == "clinical")
        ):
            return "historical", [*ids, "sec.clinical_prior_specimen"]
        # a clause-opening negation over a list negates before any hedge the list's own "or"
        # raised ("No smooth muscle neoplasm (leiomyoma or leiomyosarcoma) is identified")
        if not by_category.keys() & {"NEGATED_EXISTENCE", "FAMILY", "HYPOTHETICAL"}:
            leading = self._leading_negation(ent)
            if leading is not None:
                return "negated", [*ids, leading]
        if not by_category.keys() & {"NEGATED_EXISTENCE", "FAMILY"}:
            answer = self._answered_later(ent)
            if answer is not None:
                return "negated", [*ids, answer]
        for category, assertion in _ASSERTION_ORDER:
            if category in by_category:
                return assertion, ids
        if self._negated_as_list_item(ent):
            return "negated", [*ids, "ctx.neg.coordinated_list"]
        if not by_category:
            twin = self._slash_twin(ent)
            if twin is not None:
                assertion, twin_ids = self._assertion(twin, role)
                if assertion in ("negated", "uncertain", "hypothetical"):
                    return assertion, [*ids, *twin_ids, "ctx.slash_synonym"]
        return "affirmed", ids

    def _slash_twin(self, ent: Span) -> Span | None:
        """The diagnosis this one is written as another name of ("TUMOR LIPOMATOSO ATÍPICO /
        LIPOSARCOMA BIEN DIFERENCIADO", "ALT/WDLS"): the entity right before it, only a slash
        between. A cue on the first name ("no criteria of X / Y") speaks of both."""
        doc = ent.doc
        previous = [e for e in doc.ents if e.end <= ent.start and e.label_ == ent.label_]
        if not previous:
            return None
        twin = previous[-1]
        between = text_of(doc)[twin.end_char : ent.start_char]
        return twin if between.strip() == "/" else None

    # "GIST, nerve sheath, melanocytic and epithelial lineages are not supported": a plural
    # negation after a coordinated list reaches its first item, beyond a cue's own scope
    _LIST_NEGATION = re.compile(
        r"^(?P<between>[^;:.()\n]{0,120}?)\b(?:are|were)\s+(?:(?:all|both)\s+)?(?:not\s+"
        r"(?:supported|favou?red|identified|seen|present|demonstrated)|excluded|absent|"
        r"ruled\s+out)\b",
        re.IGNORECASE,
    )
    _NOT_A_LIST = frozenset(
        {
            *("which", "that", "with", "without", "in", "of", "on", "showing", "where"),
            *("whose", "having", "has", "have", "is", "was", "but", "however", "although"),
            *("while", "whereas"),
        }
    )

    # "No osteoid is seen to suggest osteosarcoma", "None of the tumours shows the atypia ...
    # that would raise concern for leiomyosarcoma": a negated finding offered as evidence
    # negates the diagnosis it would suggest; "No atypical ductal hyperplasia or in situ
    # carcinoma": a clause-opening "no" reaches every item of its "or" list, beyond the cue's
    # own four tokens (its first item need not be a diagnosis)
    _NO_TO_SUGGEST = re.compile(
        r"(?:^|[.;:]\s*)(?:no|nothing|none\s+of|there\s+(?:is|are)\s+no)\b"
        r"(?:(?!\b(?:but|however|although|whereas|yet)\b)[^.;:()\n]){0,110}?"
        r"\b(?:to\s+(?:suggest|indicate|support|favou?r)"
        r"|that\s+(?:would|might|could)\s+(?:suggest|indicate|support|favou?r"
        r"|raise\s+(?:the\s+)?(?:concern|suspicion|possibility)\s+(?:for|of)))"
        r"\s+(?:an?\s+|the\s+)?$",
        re.IGNORECASE,
    )
    _NO_BRACKET_LIST = re.compile(
        _CLAUSE_OPENING_NO + r"[^.;:()\n]{2,50}\(\s*(?:[^()\n]{0,60}\b(?:or|and|,)\s*)?$",
        re.IGNORECASE,
    )
    _NO_OR_LIST = re.compile(
        _CLAUSE_OPENING_NO + r"(?P<items>[^.;:()\n]{3,80}?)\s+(?:or|nor)\s+"
        r"(?:(?:residual|metastatic|invasive|in[- ]situ)\s+)?$",
        re.IGNORECASE,
    )
    _NOT_LIST_WORDS = frozenset(
        {"is", "are", "was", "were", "seen", "identified", "present", "noted", "but", "with"}
    )

    def _leading_negation(self, ent: Span) -> str | None:
        sent = sentence_of(ent.doc, ent.start)
        before = text_of(ent.doc)[sent.start_char : ent.start_char]
        if self._NO_TO_SUGGEST.search(before):
            return "ctx.neg.no_finding_to_suggest"
        if self._NO_BRACKET_LIST.search(before):
            return "ctx.neg.no_bracketed_list"
        found = self._NO_OR_LIST.search(before)
        if found is not None:
            words = set(re.findall(r"[a-z]+", found.group("items").lower()))
            if not words & self._NOT_LIST_WORDS:
                return "ctx.neg.no_or_list"
        return None

    @cached_property
    def _answers(self) -> list[tuple[str, re.Pattern[str], int]]:
        return [
            (a.id, re.compile(a.after, re.IGNORECASE), a.reach) for a in self.rules.context.answers
        ]

    def _answered_later(self, ent: Span) -> str | None:
        """The rule id of a later clause that answers this mention by a pronoun ("concern
        for X is noted; the findings do not support it"), reaching over clause terminators
        to the end of the next sentence; only when no other diagnosis stands between."""
        if not self._answers:
            return None
        doc = ent.doc
        sent = sentence_of(doc, ent.start)
        end = sent.end_char
        if sent.end < len(doc):
            end = sentence_of(doc, sent.end).end_char
        text = text_of(doc)
        for rule_id, pattern, reach in self._answers:
            after = text[ent.end_char : min(end, ent.end_char + reach)]
            found = pattern.match(after)
            if found is None:
                continue
            stop = ent.end_char + found.end()
            if any(
                e.label_ == DIAGNOSIS and ent.end_char <= e.start_char < stop
                for e in _entities(doc)
            ):
                continue
            return rule_id
        return None

    def _negated_as_list_item(self, ent: Span) -> bool:
        """The mention heads a coordinated list whose plural verb is negated ("X, Y and Z
        are excluded"); a relative or prepositional clause between ("leiomyoma, in which
        atypia and mitoses are absent") is not a list."""
        sent = sentence_of(ent.doc, ent.start)
        after = text_of(ent.doc)[ent.end_char : sent.end_char]
        found = self._LIST_NEGATION.match(after)
        if found is None:
            return False
        between = found.group("between")
        words = re.findall(r"[A-Za-z]+", between.lower())
        return bool(re.search(r",|\band\b|\bor\b", between)) and not (set(words) & self._NOT_A_LIST)

    @cached_property
    def _forward_hedges(self) -> list[tuple[str, tuple[str, ...]]]:
        """(rule id, lower-case words) of the forward uncertainty cues given as plain literals."""
        hedges = [
            (r.id, tuple(r.literal.lower().split()))
            for r in self.rules.context.rules
            if r.category == "POSSIBLE_EXISTENCE" and r.direction == "FORWARD" and not r.pattern
        ]
        return sorted(hedges, key=lambda h: -len(h[1]))

    def _dangling_hedge(self, ent: Span) -> str | None:
        """The line above ends in a forward uncertainty cue and no punctuation ("- Polypoid
        mass ..., favour\nFIGO grade 1 endometrioid carcinoma"): the line break split one
        sentence, so the cue reaches the first mention of the next line. Returns its rule id."""
        doc = ent.doc
        sent = sentence_of(doc, ent.start)
        if sent.start == 0 or ent.start - sent.start > 6:
            return None
        lead = doc[sent.start : ent.start]
        if any(t.lower_ in {".", ";", ",", ":"} for t in lead) or any(
            e.label_ == DIAGNOSIS and sent.start <= e.start < ent.start for e in _entities(doc)
        ):
            return None
        previous = [t for t in sentence_of(doc, sent.start - 1) if not t.is_space]
        if not previous or "\n" not in text_of(doc)[previous[-1].idx : sent.start_char]:
            return None
        words = tuple(t.lower_ for t in previous)
        for rule_id, cue in self._forward_hedges:
            if words[-len(cue) :] == cue:
                return rule_id
        return None

    @cached_property
    def _exclusions(self) -> ExclusionFilter:
        return ExclusionFilter(self.rules.diagnoses.exclusions)

    @cached_property
    def _back_references(self) -> ExclusionFilter:
        return ExclusionFilter(self.rules.diagnoses.back_references)

    # Rule-out cues that, in a clinical section, are the clinician's request ("r/o
    # leiomyosarcoma"): uncertain there, hypothetical in a pathologist's comment.
    _REQUEST_CUES = frozenset(
        {
            "ctx.hypo.rule_out",
            "ctx.hypo.r_o",
            "ctx.hypo.to_rule_out",
            "ctx.hypo.to_exclude",
            "ctx.hypo.exclude",
            "ctx.hypo.colon_exclude",
            "ctx.hypo.query_clinical",
            "ctx.hypo.evaluate_for",
            "ctx.hypo.assess_for",
            "ctx.hypo.evaluation_for",
        }
    )
    # "known fibroids", "k/c/o leiomyoma" given as today's indication: affirmed there.
    _WEAK_HISTORY_CUES = frozenset({"ctx.hist.known", "ctx.hist.kco", "ctx.hist.known_case_of"})
    # Entries that name no particular entity: as "the sarcoma" they refer back to one.
    _GENERIC_LINEAGES = frozenset({"generic", "epithelial_nos", "mesenchymal_nos"})
    _DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such", "said"})

    _HEDGED_TYPE = re.compile(
        r"^[^.;\n]{0,40}?\b(?P<cue>probabl[ey]|favou?r(?:ed|ing|s)?|possibl[ey]|suggestive|"
        r"suspicious|suspect(?:ed)?|likely|with\s+(?:[a-z/-]+(?:\s*,\s*|\s+)){0,9}?features|"
        r"resembl\w*|cannot\s+be\s+excluded)\b",
        re.IGNORECASE,
    )

    def _hedged_type(self, ent: Span, added: list[tuple[str, str]]) -> bool:
        """The type named after a broad term is hedged ("adenocarcinoma, probably serous",
        "carcinoma with serous and clear cell features", "adenocarcinoma with endometrioid,
        serous and transitional features"): the hedge comes before the type
        word. A hedge after it qualifies something else ("adenocarcinoma, endometrioid
        type, with papillary features")."""
        sent = sentence_of(ent.doc, ent.start)
        hedge = self._HEDGED_TYPE.search(text_of(ent.doc)[ent.end_char : sent.end_char])
        if hedge is None:
            return False
        for qualifier_id, _ in added:
            end = self._subtypes.after_end(ent, qualifier_id)
            if end is None or hedge.start("cue") < end:
                return True
        return False

    @cached_property
    def _prior_evidence(self) -> list[re.Pattern[str]]:
        cues = self.rules.sections.clinical_prior_specimen
        return [re.compile(r, re.IGNORECASE) for r in (cues.evidence if cues else [])]

    def _names_prior_specimen(self, ent: Span) -> bool:
        """The mention's sentence dates or names an earlier specimen ("known case of
        osteosarcoma, diagnosed on core biopsy S23-03391 (Feb 2023)")."""
        sentence = sentence_of(ent.doc, ent.start).text
        return any(p.search(sentence) for p in self._prior_evidence)

    def _reports_prior_specimen(self, ent: Span, *, clinical: bool) -> bool:
        """The mention's sentence reports it from an earlier procedure: in a clinical section
        "biopsy showed X" or "X on EMB"; anywhere "originally reported (2021) as: X" or "X
        diagnosed at an outside hospital" (``sections.json`` clinical_prior_specimen)."""
        sent = sentence_of(ent.doc, ent.start)
        text = text_of(ent.doc)
        before = _with_label_line(text, sent.start_char, ent.start_char)
        after = text[ent.end_char : sent.end_char]
        cues = self._prior_cues
        if clinical and (
            any(p.search(before) for p in cues["before"])
            or any(p.search(after) for p in cues["after"])
            or self._cites_other_specimen(ent.doc, before, after)
        ):
            return True
        if not clinical and self._cites_unreviewed_specimen(ent.doc, before, after):
            return True
        return any(p.search(before) for p in cues["anywhere_before"]) or any(
            p.search(after) for p in cues["anywhere_after"]
        )

    def _cites_other_specimen(self, doc: Doc, before: str, after: str) -> bool:
        """The mention's clause names another specimen by its accession ("Reason for review:
        metastatic leiomyosarcoma in lung wedge CV19-11207", "S1 spindle cell tumour
        (SR/20/0211), possibly leiomyosarcoma"): the diagnosis is that specimen's."""
        cues = self.rules.sections.clinical_prior_specimen
        if cues is None or cues.cited_accession is None:
            return False
        reach = cues.cited_accession_reach
        clause = _clause_around(before, after, reach)
        found = [m.group(0) for m in self._cited_accession.finditer(clause)]
        if not found:
            return False
        own = self._own_accession(doc)
        return any(own is None or accession_key(a) != own for a in found)

    def _cites_unreviewed_specimen(self, doc: Doc, before: str, after: str) -> bool:
        """In a review or consult, the mention's clause names a specimen by an accession that
        is neither the report's own nor the reviewed one (the first it cites): "It is
        unrelated to the current right thigh MPNST (2022/118804)" in a review of the 2017
        slides is that other specimen's diagnosis (ANNOTATION.md: historical)."""
        if _REVIEWED_KEY not in doc.user_data:
            doc.user_data[_REVIEWED_KEY] = self._reviewed_accession(doc)
        reviewed = doc.user_data[_REVIEWED_KEY]
        if reviewed is None:
            return False
        cues = self.rules.sections.clinical_prior_specimen
        reach = cues.cited_accession_reach if cues else 0
        clause = _clause_around(before, after, reach)
        own, cited = self._own_accession(doc), self._cited_keys(doc)
        return any(
            key not in (own, reviewed) and (key in cited or not lettered)
            for key, lettered in self._whole_accessions(clause)
        )

    def _reviewed_accession(self, doc: Doc) -> str | None:
        """The key of the specimen a review or consult is about: the first accession it cites
        (the report facts' reading, which passes over patient numbers and dates), or else its
        first numeric laboratory number ("Lab Ref 2017/33104"). None for other reports, or
        when its own is not read (the reviewed number cannot then be told from its own)."""
        own = self._own_accession(doc)
        if own is None or self._infer_type(doc) not in ("review", "consult"):
            return None
        cited = self._cited_keys(doc)
        if cited:
            return cited[0]
        numeric = (k for k, lettered in self._whole_accessions(text_of(doc)) if not lettered)
        return next((key for key in numeric if key != own), None)

    def _cited_keys(self, doc: Doc) -> tuple[str, ...]:
        """Keys of the accessions the report cites, read once per document."""
        if _CITED_KEYS not in doc.user_data:
            cited = self._read_facts(doc).cited_accessions
            doc.user_data[_CITED_KEYS] = tuple(accession_key(a) for a in cited)
        return tuple(doc.user_data[_CITED_KEYS])

    def _whole_accessions(self, text: str) -> Iterator[tuple[str, bool]]:
        """(key, has a letter) of the accession-shaped tokens in ``text``, leaving out a match
        that is the tail of a longer number ("REV/20/009" inside "SRT/REV/20/009")."""
        for m in self._cited_accession.finditer(text):
            if m.start() and text[m.start() - 1] in "/-.":
                continue
            yield accession_key(m.group(0)), any(c.isalpha() for c in m.group(0))

    @cached_property
    def _cited_accession(self) -> re.Pattern[str]:
        cues = self.rules.sections.clinical_prior_specimen
        return re.compile(cues.cited_accession if cues and cues.cited_accession else r"(?!)")

    def _own_accession(self, doc: Doc) -> str | None:
        """The key of the report's own accession, read once per document."""
        if _OWN_KEY not in doc.user_data:
            own = self._read_facts(doc).accession
            doc.user_data[_OWN_KEY] = accession_key(own) if own else None
        key = doc.user_data[_OWN_KEY]
        return str(key) if key is not None else None

    @cached_property
    def _prior_cues(self) -> dict[str, list[re.Pattern[str]]]:
        cues = self.rules.sections.clinical_prior_specimen
        lists = {
            "before": cues.before if cues else [],
            "after": cues.after if cues else [],
            "anywhere_before": cues.anywhere_before if cues else [],
            "anywhere_after": cues.anywhere_after if cues else [],
        }
        return {k: [re.compile(r, re.IGNORECASE) for r in v] for k, v in lists.items()}

    def _is_back_reference(self, ent: Span, entry_id: str) -> bool:
        """ "the sarcoma", "this carcinoma": a determiner before a term that repeats an
        entity already named earlier in the report (the same entry, or any diagnosis for a
        generic term) refers back to it; it is not a new mention (ANNOTATION.md section 1)."""
        doc = ent.doc
        generic = self._entries[entry_id].lineage in self._GENERIC_LINEAGES
        k = ent.start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 0 or doc[k].lower_ not in self._DETERMINERS:
            return False
        for other in _entities(doc):
            if other.start >= ent.start:
                return False
            if other.label_ != DIAGNOSIS or other._.target_rule is None:
                continue
            other_id = other._.target_rule.metadata.get("entry_id")
            if other_id == entry_id or (
                generic
                and other_id in self._entries
                and self._entries[other_id].lineage not in self._GENERIC_LINEAGES
            ):
                return True
        return False

    def _describes_extent(self, ent: Span, entry_id: str) -> bool:
        """An affirmed, non-metastatic generic term in an extent statement ("carcinoma
        invades 16 mm", "involved by carcinoma") refers back to the typed tumour when the
        report names a specific type anywhere (the lexicon's ``back_references``). Negated
        ("no involvement by carcinoma") and metastatic ("metastatic carcinoma present in
        1 of 3 nodes") ones are findings of their own."""
        return (
            self._entries[entry_id].lineage in self._GENERIC_LINEAGES
            and self._back_references.first_match(ent, entry_id) is not None
            and self._names_specific(ent.doc, before=ent.start)
        )

    def _names_specific(self, doc: Doc, before: int) -> bool:
        """Whether a diagnosis match before token ``before`` is of a specific entry."""
        for other in _entities(doc):
            if other.start >= before:
                return False
            if other.label_ != DIAGNOSIS or other._.target_rule is None:
                continue
            other_id = other._.target_rule.metadata.get("entry_id")
            if other_id in self._entries and (
                self._entries[other_id].lineage not in self._GENERIC_LINEAGES
            ):
                return True
        return False

    def _alternative(self, ent: Span) -> str | None:
        """ "leiomyoma or STUMP", "STUMP or leiomyosarcoma": two entities offered as
        alternatives are both uncertain (ANNOTATION.md section 3). Returns the rule id."""
        doc = ent.doc
        sent = sentence_of(doc, ent.start)
        for other in _entities(doc):
            if (
                other is ent
                or other.label_ != DIAGNOSIS
                or not sent.start <= other.start < sent.end
            ):
                continue
            lo, hi = (other.end, ent.start) if other.end <= ent.start else (ent.end, other.start)
            if hi < lo or hi - lo > 4:
                continue
            words = [t.lower_ for t in doc[lo:hi] if not t.is_space]
            if "or" in words and all(w in self._ALTERNATIVE_FILLER for w in words):
                return "ctx.unc.alternative_or"
        return None

    _ALTERNATIVE_FILLER = frozenset({"or", ",", "a", "an", "either", "and/or", "/", "possibly"})

    @cached_property
    def _subtypes(self) -> SubtypeRecoder:
        return SubtypeRecoder(self.rules.diagnoses.subtype_qualifiers)

    def _is_metastatic(self, ent: Span) -> bool:
        sent = sentence_of(ent.doc, ent.start)
        # the cue must not belong to an earlier diagnosis ("metastatic melanoma vs primary
        # lung adenocarcinoma")
        floor = max([sent.start, *(e.end for e in _entities(ent.doc) if e.end <= ent.start)])
        # six words back; grades in parentheses and signs do not count ("metastatic
        # high-grade (3/3) papillary serous adenocarcinoma")
        lo, words = ent.start, 0
        while lo > floor and words < 6:
            lo -= 1
            words += ent.doc[lo].is_alpha
        before = ent.doc[lo : ent.start]
        # on the OCR-folded norms, so "HETASTATIC" and "metastat1c" are cues too
        window = " ".join(t.norm_ for t in before if not t.is_space)
        after = ent.doc[ent.end : min(sent.end, ent.end + 3)]
        after_words = {t.norm_ for t in after}
        return any(cue in window for cue in self._metastatic) or _METASTATIC_NORM in after_words


_METASTATIC_NORM = ocr_norm("metastatic")
_CARCINOMA_NOS = "dx.carcinoma_nos"
_WORDS_BEFORE = 3


def _words_before(ent: Span) -> list[str]:
    """The words (no punctuation) just before a mention in its sentence, nearest last."""
    sent = sentence_of(ent.doc, ent.start)
    out: list[str] = []
    k = ent.start - 1
    while k >= sent.start and len(out) < _WORDS_BEFORE:
        token = ent.doc[k]
        if token.text in (".", ";", ":", ",", "\n") or "\n" in token.text:
            break
        if not token.is_space and not token.is_punct:
            out.append(token.text)
        k -= 1
    return out[::-1]


def _junk_before(ent: Span) -> bool:
    """OCR debris between the words before a mention and the mention ("Squamous cell)
    carcinoma", "squamous ^ cell carcinoma"): a stray bracket or symbol among the last
    three words."""
    sent = sentence_of(ent.doc, ent.start)
    words = 0
    k = ent.start - 1
    while k >= sent.start and words < 3:
        token = ent.doc[k]
        if token.text in _JUNK:
            return True
        if not token.is_space and not token.is_punct:
            words += 1
        elif not token.is_space:
            return False  # a real separator (",", ".", "-"): the words are not one phrase
        k -= 1
    return False


# characters OCR strews inside a phrase
_JUNK = frozenset({")", "(", "^", "~", "'", '"', "`", "*", "|", "\\", "_", "]", "["})

_ENTS_KEY = "pathmine.ents"


def _question_of_next_clause(ent: Span, modifier: Any) -> bool:
    """A query mark after the mention with a comma between asks about what follows it
    ("Fibroid uterus, ? extension into parametrial vessels"), not about the mention."""
    if str(modifier.rule.metadata.get("id") if modifier.rule.metadata else "") != _QUESTION:
        return False
    start, _ = modifier.modifier_span
    return start >= ent.end and "," in ent.doc[ent.end : start].text


_QUESTION = "ctx.unc.question_after"
_FACTS_KEY = "pathmine.report_facts"  # the report facts, read once per document
_OWN_KEY = "pathmine.own_accession_key"  # the own accession, read once for clinical mentions
_REVIEWED_KEY = "pathmine.reviewed_accession_key"  # a review's reviewed accession, read once
_CITED_KEYS = "pathmine.cited_accession_keys"  # the accessions a report cites, read once


def _entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per document once the pipeline has run.

    spaCy builds a new ``Span`` for every entity on each ``doc.ents`` access; the per-mention
    checks below read it several times per mention (about 0.6 s per 300 TCGA reports). Only
    flattening reads it, after the last component set the entities.
    """
    ents: tuple[Span, ...] | None = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return ents


_QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}


def _is_quoted_label(ent: Span) -> bool:
    """The mention is the whole of a quoted specimen label ('"Uterine fibroid":')."""
    doc = ent.doc
    if ent.start == 0 or ent.end + 1 >= len(doc):
        return False
    return (
        doc[ent.start - 1].text in _QUOTES
        and doc[ent.end].text in _QUOTES
        and doc[ent.end + 1].text in {":", "-"}
    )


def _restates_previous(ent: Span, entry_id: str) -> bool:
    """The mention is an abbreviation defined in parentheses right after a mention of the
    same entry ("leiomyosarcoma (LMS)", "smooth muscle tumour of uncertain malignant potential
    (STUMP)"): it restates that mention, whose assertion it shares.

    The definition is checked with scispaCy's Schwartz-Hearst matcher
    (``scispacy.abbreviation.find_abbreviation``) on this one candidate pair. Running
    scispaCy's whole ``AbbreviationDetector`` component cost 7-13 % of extraction time
    (0.85 s per 300 TCGA reports) for the same answers on every gold set, so only its
    algorithm is used, where a diagnosis is followed by a parenthesis.
    """
    doc = ent.doc
    if ent.start < 2 or ent.end >= len(doc) or doc[ent.end].text != ")":
        return False
    if doc[ent.start - 1].text != "(":
        return False
    for other in _entities(doc):
        if other.end == ent.start - 1 and other.label_ == DIAGNOSIS:
            rule = other._.target_rule
            if rule is None or rule.metadata.get("entry_id") != entry_id:
                return False
            return _defines(other, ent)
    return False


def _defines(long_form: Span, short_form: Span) -> bool:
    """Schwartz-Hearst (scispaCy): ``short_form`` abbreviates ``long_form``. A lexicon
    abbreviation of the same entry ("LMS" for leiomyosarcoma) counts even where the letters
    do not line up."""
    from scispacy.abbreviation import find_abbreviation

    _, found = find_abbreviation(long_form, short_form)
    return found is not None or short_form.text.isupper()


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """One pipeline per process: loading rules and building matchers takes about a second."""
    return Extractor()


def extract(text: str) -> Extraction:
    """Pure function of text: diagnoses, stains and features with offsets and rule ids."""
    return default_extractor().extract(text)


_IDENTIFIER_HEAD = re.compile(r"[A-Za-z0-9]*[0-9][A-Za-z0-9]*-$")


def _in_identifier(text: str, start: int) -> bool:
    """A marker name glued by a hyphen to a code with a digit is part of an identifier:
    the "PR" of a TCGA sample barcode ("TCGA-AB-1234-01A-PR"), not progesterone receptor."""
    return _IDENTIFIER_HEAD.search(text, max(0, start - 12), start) is not None


# a short line with no colon: a value printed in a column of values
_SHORT_LINE = re.compile(r"^[ \t]*(?P<value>[^:\n]{3,60}?)[ \t]*$", re.MULTILINE)
# what may follow the type word on such a line: nothing, "type", a parenthesis or a "with"
_TYPE_ONLY_TAIL = re.compile(r"[ \t]*(?:type\b.*|with\b.*|\(.*)?$", re.IGNORECASE)


def _with_value_line(
    doc: Doc, sent: Span, markers: list[Span], markers_by_sent: dict[int, list[Span]]
) -> Span:
    """A marker line that ends in a colon ("P16:") has its result on the next line
    ("Strongly positive in tumour cells"): read the two as one sentence, unless the next
    line names markers of its own ("Mismatch repair proteins:" / "MLH1: retained")."""
    last = markers[-1].end
    rest = [t for t in doc[last : sent.end] if not t.is_space]
    if len(rest) != 1 or rest[0].text != ":" or sent.end >= len(doc):
        return sent
    following = sentence_of(doc, sent.end)
    if following.start in markers_by_sent:
        return sent
    return doc[sent.start : following.end]
