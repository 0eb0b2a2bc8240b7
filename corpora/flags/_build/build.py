"""Build the synthetic flag corpus: reports.jsonl, gold_mentions.jsonl, gold_flags.jsonl.

Run: /work/main/.venv/bin/python corpora/flags/_build/build.py  (deterministic output)
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import common  # noqa: E402
import flag_patients  # noqa: E402,F401
import control_patients  # noqa: E402,F401
from render import STYLES  # noqa: E402

OUT = HERE.parent


def pairs(spec, table, keyname, valname):
    out = []
    for tok in spec.split():
        k, v = tok.rsplit(":", 1)
        out.append({keyname: k.replace("_", " "), valname: table[v]})
    return out


def main():
    reps, golds = [], []
    for r in common.REPORTS:
        text = STYLES[r["style"]](r)
        rec = {"patient_id": r["pid"], "report_id": r["rid"], "report_date": r["rdate"]}
        if r["sdate"]:
            rec["specimen_date"] = r["sdate"]
        rec["institution"] = r["inst"]
        if r["rtype"]:
            rec["report_type"] = r["rtype"]
        rec["text"] = text
        reps.append(rec)
        golds.append({"report_id": r["rid"],
                      "diagnoses": pairs(r["dx"], common.ASS, "icdo3", "assertion"),
                      "stains": pairs(r["st"], common.SYM, "marker", "result")})
    with open(OUT / "reports.jsonl", "w", encoding="utf-8") as fh:
        for rec in reps:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(OUT / "gold_mentions.jsonl", "w", encoding="utf-8") as fh:
        for g in golds:
            fh.write(json.dumps(g) + "\n")
    with open(OUT / "gold_flags.jsonl", "w", encoding="utf-8") as fh:
        for f in common.FLAGS:
            fh.write(json.dumps(f) + "\n")
    with open(OUT / "_build" / "stories.json", "w", encoding="utf-8") as fh:
        json.dump(common.STORIES, fh, indent=1)
    print(f"{len(reps)} reports, {len({r['patient_id'] for r in reps})} patients, {len(common.FLAGS)} flags")


if __name__ == "__main__":
    main()
