"""Sanity checks for the synthetic corpora (run with /work/main/.venv/bin/python)."""

import datetime
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent
CODE = re.compile(r"^\d{4}/\d$")
ASSERT = {"affirmed", "negated", "uncertain", "historical", "hypothetical", "family"}
MARKERS = {
    "SMA",
    "desmin",
    "h-caldesmon",
    "HHF-35",
    "CD10",
    "ER",
    "PR",
    "Ki-67",
    "p53",
    "p16",
    "WT1",
    "S100",
    "SOX10",
    "HMB-45",
    "Melan-A",
    "CD34",
    "CD117",
    "DOG1",
    "ALK",
    "cyclin D1",
    "pan-cytokeratin",
    "EMA",
    "myogenin",
    "MyoD1",
    "calretinin",
    "inhibin",
    "vimentin",
    "PAX8",
    "CK7",
    "CK20",
    "CD99",
    "BCL2",
    "TLE1",
    "MLH1",
    "PMS2",
    "MSH2",
    "MSH6",
    "HER2",
}
RTYPES = {"original", "review", "consult", "addendum", "amended"}
errs = []


def load(p):
    rows = []
    with open(p, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            try:
                rows.append(json.loads(line))
            except Exception as e:
                errs.append(f"{p}:{i}: bad json {e}")
    return rows


def date_ok(s):
    try:
        datetime.date.fromisoformat(s)
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", s))
    except Exception:
        return False


for d, goldname in (("seed_case", "gold_mentions.jsonl"), ("dev", "gold.jsonl")):
    rp, gp = ROOT / d / "reports.jsonl", ROOT / d / goldname
    reps = load(rp)
    ids = set()
    for r in reps:
        rid = r.get("report_id")
        for k in ("patient_id", "report_id", "report_date", "text"):
            if not r.get(k):
                errs.append(f"{rp}: {rid}: missing {k}")
        if rid in ids:
            errs.append(f"{rp}: duplicate report_id {rid}")
        ids.add(rid)
        if not date_ok(r.get("report_date", "")):
            errs.append(f"{rp}: {rid}: bad report_date")
        if "specimen_date" in r:
            if not date_ok(r["specimen_date"]):
                errs.append(f"{rp}: {rid}: bad specimen_date")
            elif r["specimen_date"] > r["report_date"]:
                errs.append(f"{rp}: {rid}: specimen after report")
        if "report_type" in r and r["report_type"] not in RTYPES:
            errs.append(f"{rp}: {rid}: bad report_type")
    gold = load(gp)
    gids = set()
    for g in gold:
        rid = g.get("report_id")
        if rid not in ids:
            errs.append(f"{gp}: unknown report_id {rid}")
        if rid in gids:
            errs.append(f"{gp}: duplicate gold line {rid}")
        gids.add(rid)
        pairs = [(x["icdo3"], x["assertion"]) for x in g["diagnoses"]]
        if len(pairs) != len(set(pairs)):
            errs.append(f"{gp}: {rid}: duplicate diagnosis pair")
        for c, a in pairs:
            if not CODE.match(c):
                errs.append(f"{gp}: {rid}: bad code {c}")
            if a not in ASSERT:
                errs.append(f"{gp}: {rid}: bad assertion {a}")
        sp = [(x["marker"], x["result"]) for x in g["stains"]]
        if len(sp) != len(set(sp)):
            errs.append(f"{gp}: {rid}: duplicate stain pair")
        for m, res in sp:
            if m not in MARKERS:
                errs.append(f"{gp}: {rid}: non-canonical marker {m}")
            if res not in ("positive", "negative", "equivocal"):
                errs.append(f"{gp}: {rid}: bad result {res}")
    missing = ids - gids
    if missing:
        errs.append(f"{gp}: no gold for {sorted(missing)[:5]}")
    print(
        f"{d}: {len(reps)} reports, {len({r['patient_id'] for r in reps})} patients, "
        f"{len(gold)} gold lines"
    )
    if d == "seed_case":
        for f in load(ROOT / d / "gold_flags.jsonl"):
            for k in ("prior_report_id", "later_report_id"):
                if f[k] not in ids:
                    errs.append(f"gold_flags: unknown {f[k]}")
print("\n".join(errs) if errs else "OK")
sys.exit(1 if errs else 0)
