"""Text → ``Extraction``: the spaCy/medspaCy pipeline built from ``pipelines/`` rule data.

The pipeline module (spaCy, medspaCy) is imported on first use, not with this package:
the rule loader and ``LazyExtractor`` are enough for a re-run over an unchanged archive,
which then never pays the seconds it takes to import and build the NLP.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pathmine.nlp.medspacy_startup import skip_quickumls_import

skip_quickumls_import()  # before any submodule imports medSpaCy

# ruff: noqa: E402
from pathmine.nlp.lazy import LazyExtractor
from pathmine.nlp.version import pipeline_version

if TYPE_CHECKING:
    from pathmine.nlp.pipeline import Extractor, default_extractor, extract
    from pathmine.nlp.rules import load_rules

__all__ = [
    "Extractor",
    "LazyExtractor",
    "default_extractor",
    "extract",
    "load_rules",
    "pipeline_version",
]


def __getattr__(name: str) -> Any:
    if name in {"Extractor", "default_extractor", "extract"}:
        from pathmine.nlp import pipeline

        return getattr(pipeline, name)
    if name == "load_rules":  # pydantic, imported only when the rules are needed
        from pathmine.nlp import rules

        return rules.load_rules
    raise AttributeError(f"module 'pathmine.nlp' has no attribute {name!r}")
