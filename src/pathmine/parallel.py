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
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from pathmine.records import Extraction

_EXTRACTOR: object | None = None  # set in the parent before the pool forks


def _init_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the parent dies (a killed ingest leaves no orphans).

    Without it, a SIGKILLed ingest leaves its workers sleeping forever on a queue nobody
    feeds.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent's shutdown still ends us
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


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

    def __init__(
        self, extractor: object, workers: int, before_fork: Callable[[], None] | None = None
    ) -> None:
        self.extractor = extractor
        self._before_fork = before_fork
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
        if self._before_fork is not None:
            # e.g. close pooled database connections: a forked worker must not inherit the
            # parent's sockets, or a killed parent's open transaction outlives it.
            self._before_fork()
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(os.getpid(),),
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
