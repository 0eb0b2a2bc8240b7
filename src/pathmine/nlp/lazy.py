"""An extractor handle that imports and builds the NLP only when a text needs it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from pathmine.nlp.version import pipeline_version
from pathmine.records import Extraction

if TYPE_CHECKING:
    from pathmine.nlp.pipeline import Extractor


class LazyExtractor:
    """Same interface as ``Extractor`` for the ingest job; the pipeline loads on first use."""

    def __init__(self) -> None:
        self.version = pipeline_version()
        self._impl: Extractor | None = None

    def _get(self) -> Extractor:
        if self._impl is None:
            from pathmine.nlp.pipeline import default_extractor

            self._impl = default_extractor()
        return self._impl

    def extract_many(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Extraction]:
        items = list(texts)
        if not items:
            return iter(())
        return self._get().extract_many(items, batch_size)

    def load(self) -> LazyExtractor:
        self._get().load()
        return self
