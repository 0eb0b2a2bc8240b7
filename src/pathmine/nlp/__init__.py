"""Text → ``Extraction``: the spaCy/medspaCy pipeline built from ``pipelines/`` rule data."""

from pathmine.nlp.pipeline import Extractor, default_extractor, extract
from pathmine.nlp.rules import load_rules, pipeline_version

__all__ = ["Extractor", "default_extractor", "extract", "load_rules", "pipeline_version"]
