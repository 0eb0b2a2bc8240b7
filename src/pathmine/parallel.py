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
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

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


DEFAULT_TIME_BUDGET = 60.0  # seconds one report may take (a 1 MB report takes about 3 s)


@dataclass(frozen=True)
class ExtractionFailure:
    """A report the pipeline could not extract: it is quarantined with ``reason``, and the
    rest of its batch goes on. The reason names the failure kind, never the text."""

    reason: str


class _OverBudget(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _OverBudget


def extract_isolated(
    extractor: object, texts: Sequence[str], budget: float | None = DEFAULT_TIME_BUDGET
) -> list[Extraction | ExtractionFailure]:
    """``extract_many`` with each report isolated: one that raises, or runs past ``budget``
    seconds (a pathological text), becomes an ``ExtractionFailure`` instead of stopping the
    run, and extraction resumes with the next report. The budget is a real-time alarm, so it
    holds only in a main thread on a platform with ``setitimer``; elsewhere only errors are
    isolated."""
    seconds = budget if budget is not None and budget > 0 else 0.0
    timed = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    previous = signal.signal(signal.SIGALRM, _on_alarm) if timed else None
    out: list[Extraction | ExtractionFailure] = []
    try:
        while len(out) < len(texts):
            stream = iter(extractor.extract_many(texts[len(out) :]))  # type: ignore[attr-defined]
            try:
                while len(out) < len(texts):
                    if timed:
                        signal.setitimer(signal.ITIMER_REAL, seconds)
                    out.append(next(stream))
                    if timed:
                        signal.setitimer(signal.ITIMER_REAL, 0)
            except _OverBudget:
                out.append(ExtractionFailure(f"extraction took longer than {seconds:g} s"))
            except StopIteration:
                break
            except Exception as exc:
                out.append(ExtractionFailure(f"extraction failed ({type(exc).__name__})"))
            finally:
                if timed:
                    signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        if timed:
            signal.signal(signal.SIGALRM, previous)
    return out


def _extract(texts: Sequence[str], budget: float | None) -> list[Extraction | ExtractionFailure]:
    extractor = _EXTRACTOR
    if extractor is None:  # spawned, not forked: load our own pipeline once
        from pathmine.nlp import default_extractor

        extractor = default_extractor()
    return extract_isolated(extractor, texts, budget)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


# Texts a worker extracts before it is replaced by a fresh fork (see ``ExtractionPool``).
RECYCLE_AFTER_TEXTS_PER_WORKER = 20_000


class ExtractionPool:
    """A bounded pool of extraction workers (``workers`` processes).

    Workers are replaced by fresh forks of the loaded parent after
    ``recycle_after_texts_per_worker`` texts each: spaCy adds every new token string to the
    worker's vocabulary and never forgets it, so a worker's memory grows with the archive
    (about 1 MB per 1,000 generated reports, measured on a million-report run). The old
    executor is drained first (its in-flight batches finish and keep their results), since
    forking beside its running threads could deadlock the children (CPython issue 90622).
    """

    def __init__(
        self,
        extractor: object,
        workers: int,
        before_fork: Callable[[], None] | None = None,
        recycle_after_texts_per_worker: int | None = None,
        time_budget: float | None = DEFAULT_TIME_BUDGET,
    ) -> None:
        self.extractor = extractor
        self.time_budget = time_budget
        self._before_fork = before_fork
        self.workers = workers
        self.max_inflight = workers + 1
        per_worker = recycle_after_texts_per_worker or RECYCLE_AFTER_TEXTS_PER_WORKER
        self.recycle_after = per_worker * workers
        self.generations = 0  # how many executors were started
        self._submitted = 0  # texts sent to the current executor
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

    def submit(self, texts: Sequence[str]) -> Future[list[Extraction | ExtractionFailure]]:
        if not texts:
            done: Future[list[Extraction | ExtractionFailure]] = Future()
            done.set_result([])
            return done
        if self._executor is not None and self._submitted >= self.recycle_after:
            self._executor.shutdown(wait=True)  # in-flight futures complete and keep results
            self._executor = None
        if self._executor is None:
            self._executor = self._start()
            self._submitted = 0
            self.generations += 1
        self._submitted += len(texts)
        return self._executor.submit(_extract, list(texts), self.time_budget)

    def close(self, *, cancel: bool = False) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=not cancel, cancel_futures=cancel)
