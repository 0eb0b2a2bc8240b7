"""Choose the TCGA reports to annotate, in rolling batches (ids only; texts stay in ../shared).

Every report that mentions a smooth-muscle marker or a sarcoma is taken, then reports that
mention leiomyoma, then a few that mention none of them, shuffled with a fixed seed and cut into
batches of 80. Deterministic: rerunning writes the same files.

    python corpora/tcga/_build/select_batches.py
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[3] / "shared" / "corpora-tcga" / "reports.jsonl"
OUT = HERE.parent / "batches"
BATCHES, BATCH_SIZE, SEED = 5, 80, 20261201
SMOOTH_MUSCLE = re.compile(r"smooth.?muscle.?actin|\bSMA\b|desm[i1l]n|caldesmon|HHF", re.I)
SARCOMA = re.compile(r"sarc[o0]ma", re.I)
LEIOMYOMA = re.compile(r"le[il1]omyom", re.I)


def main() -> None:
    must, leiomyoma, other = [], [], []
    with SOURCE.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text, rid = record["text"], record["report_id"]
            if SMOOTH_MUSCLE.search(text) or SARCOMA.search(text):
                must.append(rid)
            elif LEIOMYOMA.search(text):
                leiomyoma.append(rid)
            else:
                other.append(rid)
    rng = random.Random(SEED)
    total = BATCHES * BATCH_SIZE
    n_other = 40
    chosen = must + rng.sample(leiomyoma, total - len(must) - n_other) + rng.sample(other, n_other)
    rng.shuffle(chosen)
    OUT.mkdir(exist_ok=True)
    for i in range(BATCHES):
        ids = chosen[i * BATCH_SIZE : (i + 1) * BATCH_SIZE]
        (OUT / f"batch{i + 1}.txt").write_text("\n".join(ids) + "\n", encoding="utf-8")
    print(f"{len(must)} must, {len(leiomyoma)} leiomyoma-only, {len(other)} other; wrote {BATCHES} batches")


if __name__ == "__main__":
    main()
