"""Choose batches 10-14: cervical and ovarian TCGA reports no earlier batch annotated (ids).

Batches 1-9 covered every uterine report and every report that mentions a smooth-muscle
marker, a sarcoma or a leiomyoma. The next blind estimates come from the two organs left
with many unseen reports, the cervix (batches 10 and 12) and the ovary (batches 11 and 13),
70 per batch, drawn in one shuffled order with a fixed seed (batches 12-13 were annotated
after batches 10-11 had been used for development, for a fresh blind estimate; batch 14 is
the next 35 of each organ, for a last estimate after 10-13 were used). They test
whether the rules hold on other gynaecological layouts and
vocabularies. Deterministic.

    python corpora/tcga/_build/select_other_organs.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parents[3] / "shared" / "corpora-tcga" / "reports.jsonl"
OUT = HERE.parent / "batches"
SEED = 20261203
PER_BATCH = 70


def main() -> None:
    seen = {
        line.strip()
        for path in sorted(OUT.glob("batch*.txt"))
        if path.stem not in ("batch10", "batch11", "batch12", "batch13", "batch14")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    unseen: dict[str, list[str]] = {"cervix": [], "ovary": []}
    with SOURCE.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["organ"] in unseen and record["report_id"] not in seen:
                unseen[record["organ"]].append(record["report_id"])
    rng = random.Random(SEED)
    last: list[str] = []
    for first, second, organ in (("batch10", "batch12", "cervix"), ("batch11", "batch13", "ovary")):
        ids = sorted(unseen[organ])
        rng.shuffle(ids)
        for name, chunk in ((first, ids[:PER_BATCH]), (second, ids[PER_BATCH : 2 * PER_BATCH])):
            (OUT / f"{name}.txt").write_text("\n".join(chunk) + "\n", encoding="utf-8")
            print(f"{name}: {len(chunk)} of {len(ids)} unseen {organ} reports")
        last += ids[2 * PER_BATCH : 2 * PER_BATCH + PER_BATCH // 2]
    (OUT / "batch14.txt").write_text("\n".join(last) + "\n", encoding="utf-8")
    print(f"batch14: {len(last)} further cervical and ovarian reports")


if __name__ == "__main__":
    main()
