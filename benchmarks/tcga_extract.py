"""Extraction throughput on real text: the TCGA OCR copy beside the repository.

    .venv/bin/python benchmarks/tcga_extract.py [--reports N] [--repeat R] [--plain N]

One process, the ``pathmine extract`` path (``Extractor.extract_many``), on the first N
reports of ``../shared/corpora-tcga/reports.jsonl`` (mean ~5.6 KB of raw OCR), after a warm-up;
prints reports/s, MB/s and peak RSS. Run it on two trees (e.g. with ``PYTHONPATH`` pointing
at an older checkout's ``src``) to compare a change's cost on real text; not part of the
test suite. ``--plain N`` also times plain medspaCy on the first N of the same texts, in
the same process: (a) ``medspacy.load()`` as shipped and (b) the best plain configuration
(see ``benchmarks/run.py``), both with the same lexicon, and prints pathmine's ratio to each.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

TCGA = Path(__file__).resolve().parents[2] / "shared" / "corpora-tcga" / "reports.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plain", type=int, default=0, help="texts for plain medspaCy")
    args = parser.parse_args()
    from pathmine.nlp import default_extractor

    texts = []
    with TCGA.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= args.reports:
                break
    extractor = default_extractor()
    extractor.load()
    list(extractor.extract_many(texts[:20]))  # warm-up: lexemes, caches
    best = None
    for _ in range(args.repeat):
        start = time.perf_counter()
        n = sum(1 for _ in extractor.extract_many(texts))
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    assert best is not None
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "version": extractor.version,
        "reports": n,
        "seconds": round(best, 2),
        "reports_per_s": round(n / best, 1),
        "mb_per_s": round(megabytes / best, 2),
        "peak_rss_mb": round(rss, 1),
    }
    if args.plain:
        result.update(_plain_ratios(texts[: args.plain], n / best))
    print(json.dumps(result))


def _plain_ratios(texts: list[str], pathmine_rate: float) -> dict[str, float]:
    """Plain medspaCy (a) as shipped and (b) at its best, on the same texts (one pass each
    after a five-text warm-up): reports/s and pathmine's ratio to each."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import plain_medspacy

    out: dict[str, float] = {}
    for key, best in (("a", False), ("b", True)):
        run = plain_medspacy(best=best)
        run(texts[:5])
        start = time.perf_counter()
        run(texts)
        rate = len(texts) / (time.perf_counter() - start)
        out[f"plain_{key}_reports_per_s"] = round(rate, 1)
        out[f"ratio_to_plain_{key}"] = round(pathmine_rate / rate, 1)
    return out


if __name__ == "__main__":
    main()
