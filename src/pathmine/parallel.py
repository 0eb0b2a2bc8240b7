"""Extraction in worker processes: each worker holds one loaded pipeline.

The NLP is a pure function of text, so batches of texts go to a process pool and
``Extraction`` records come back by pickling. Workers are forked from the parent after the
pipeline is loaded, so they start in milliseconds instead of rebuilding the matchers, and
they ignore Ctrl-C: the parent decides when to stop (after the batch it is writing).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from pathmine.records import Extraction

_EXTRACTOR: object | None = None  # set in the parent before the pool forks


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract(texts: Sequence[str]) -> list[Extraction]:
    extractor = _EXTRACTOR
    if extractor is None:  # spawned, not forked: load our own pipeline once
        from pathmine.nlp import default_extractor

        extractor = default_extractor()
    return list(extractor.extract_many(texts))  # type: ignore[attr-defined]


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


class ExtractionPool:
    """A bounded pool of extraction workers (``workers`` processes)."""

    def __init__(self, extractor: object, workers: int) -> None:
        self.extractor = extractor
        self.workers = workers
        self.max_inflight = workers + 1
        self._executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        """Fork the workers on first real work (an unchanged archive never needs them)."""
        global _EXTRACTOR
        load = getattr(self.extractor, "load", None)
        if load is not None:
            load()  # build the pipeline once here; forked workers inherit it
        _EXTRACTOR = self.extractor
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=context, initializer=_init_worker
        )

    def submit(self, texts: Sequence[str]) -> Future[list[Extraction]]:
        if not texts:
            done: Future[list[Extraction]] = Future()
            done.set_result([])
            return done
        if self._executor is None:
            self._executor = self._start()
        return self._executor.submit(_extract, list(texts))

    def close(self, *, cancel: bool = False) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=not cancel, cancel_futures=cancel)
