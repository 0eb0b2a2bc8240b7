"""Choose batches 8-9: the uterine TCGA reports that no earlier batch annotated (ids only).

Batches 1-7 covered every report that mentions a smooth-muscle marker, a sarcoma or a
leiomyoma. The owner's hidden TCGA set is uterine, so the next blind estimate is the remaining
uterine reports, shuffled with a fixed seed and cut in two. Deterministic.

    python corpora/tcga/_build/select_unseen.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[3] / "shared" / "corpora-tcga" / "reports.jsonl"
OUT = HERE.parent / "batches"
SEED = 20261202


def main() -> None:
    seen = {
        line.strip()
        for path in sorted(OUT.glob("batch[1-7].txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    unseen = []
    with SOURCE.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["organ"] == "uterus" and record["report_id"] not in seen:
                unseen.append(record["report_id"])
    random.Random(SEED).shuffle(unseen)
    half = (len(unseen) + 1) // 2
    for name, ids in (("batch8", unseen[:half]), ("batch9", unseen[half:])):
        (OUT / f"{name}.txt").write_text("\n".join(ids) + "\n", encoding="utf-8")
    print(f"{len(unseen)} unseen uterine reports: batch8 {half}, batch9 {len(unseen) - half}")


if __name__ == "__main__":
    main()
