"""Extraction cost by report length: is it linear? (issue 9, defect 9)

    .venv/bin/python benchmarks/length_scaling.py

Texts of 1 KB to 400 KB cut from the real TCGA OCR reports (../shared/corpora-tcga) and from
a generated archive, each extracted repeatedly in one process; prints the time per report
and per KB. Exits non-zero when the per-KB cost of the 100 KB text is more than 1.5x the 1 KB
text's (growth faster than linear: medSpaCy's one-entity-at-a-time ``doc.ents +=`` made it
grow with the square of the length; ``nlp/lexicon_matcher.py`` sets entities once). A 1 KB
report costs *more* per KB than a long one (the fixed cost of a report), which is fine.
Timing belongs here, not in the unit tests.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TCGA = REPO.parent / "shared" / "corpora-tcga" / "reports.jsonl"
SIZES = (1_000, 5_000, 20_000, 100_000, 400_000)
BUDGET_CHARS = 2_000_000  # characters extracted per size and source (repeats of the text)


def _texts(source: str) -> str:
    if source == "tcga":
        return "\n".join(json.loads(line)["text"] for line in TCGA.open(encoding="utf-8"))
    from pathmine.synth.writer import generate

    with tempfile.TemporaryDirectory() as tmp:
        generate(300, 11, Path(tmp))
        lines = (Path(tmp) / "reports.jsonl").open(encoding="utf-8")
        return "\n".join(json.loads(line)["text"] for line in lines)


def main() -> int:
    from pathmine.nlp import default_extractor

    extractor = default_extractor()
    extractor.extract("warm up: leiomyoma, SMA positive.")
    worst = 1.0
    for source in ("tcga", "generated"):
        corpus = _texts(source)
        per_kb: dict[int, float] = {}
        print(f"{source}: size, ms per report (median of 3), ms per KB")
        for size in SIZES:
            text = corpus[:size]
            reps = max(1, BUDGET_CHARS // size // 3)
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                for _ in range(reps):
                    extractor.extract(text)
                runs.append((time.perf_counter() - start) / reps)
            ms = statistics.median(runs) * 1000
            per_kb[size] = ms / (size / 1000)
            print(f"  {size:>7}  {ms:9.1f}  {per_kb[size]:6.2f}")
        ratio = per_kb[100_000] / per_kb[1_000]
        worst = max(worst, ratio)
        print(f"  per-KB cost 100 KB / 1 KB: {ratio:.2f}")
    return 0 if worst <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
