"""CPU time of ``Extractor.extract_many`` on the first N texts of a JSON Lines archive.

Compares trees fairly on a shared machine: ``time.process_time`` counts this process's CPU
only, so another job on the other core moves the figure far less than wall time does. Run it
once per tree, alternating, with that tree's sources first on the path:

    PYTHONPATH=<tree>/src .venv/bin/python benchmarks/cpu_time.py ARCHIVE.jsonl 600 3

Prints the best of the passes (after a 20-text warm-up) in reports per CPU second.
"""

from __future__ import annotations

import json
import sys
import time

from pathmine.nlp import default_extractor


def main() -> None:
    path, n, passes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    texts: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n:
                break
    extractor = default_extractor()
    list(extractor.extract_many(texts[:20]))
    best = 0.0
    for _ in range(passes):
        start = time.process_time()
        list(extractor.extract_many(texts))
        best = max(best, len(texts) / (time.process_time() - start))
    print(f"{len(texts)} texts: best {best:.1f} reports per CPU second")


if __name__ == "__main__":
    main()
