"""Pick the 48 uterine TCGA reports for the second, independent annotation (tenth session).

The uterine reports that mention an immunostain (286), sampled with seed 20261204 and sorted by
report id; the ids are written to batches/second_annotator.txt. Run from the repository root.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[3].parent / "shared" / "corpora-tcga" / "reports.jsonl"
STAINS = re.compile(
    r"immuno|stain|positiv|negativ|\bp53\b|p16|desmin|keratin|vimentin|MLH1|PMS2|MSH", re.I
)


def main() -> None:
    reports = [json.loads(line) for line in SOURCE.open(encoding="utf-8")]
    uterine = [r for r in reports if r["organ"] == "uterus" and STAINS.search(r["text"])]
    random.seed(20261204)
    picked = sorted(random.sample(uterine, 60), key=lambda r: r["report_id"])[:48]
    out = Path(__file__).resolve().parents[1] / "batches" / "second_annotator.txt"
    out.write_text("".join(r["report_id"] + "\n" for r in picked), encoding="utf-8")


if __name__ == "__main__":
    main()
