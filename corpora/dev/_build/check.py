import json, re, sys
f = sys.argv[1]; gf = sys.argv[2]
R = [json.loads(l) for l in open(f)]; G = {json.loads(l)["report_id"]: json.loads(l) for l in open(gf)}
KW = [(r"leiomyoma|leiomyomata|fibroid|myoma\b", "8890/0"), (r"cellular leiomyoma|leiomyoma, cellular", "8892/0"), (r"bizarre nuclei", "8893/0"),
      (r"stump|uncertain malignant", "8897/1"), (r"(?<!metastatic )leiomyosarc", "8890/3"), (r"epithelioid leiomyosarc", "8891/3"), (r"myxoid leiomyosarc", "8896/3"),
      (r"metastatic leiomyosarc", "8890/6"), (r"spindle cell (tumou?r|neoplasm)", "8800/1"), (r"spindle cell sarcoma", "8801/3"), (r"(?<!leiomyo)(?<!lipo)(?<!stromal )\bsarcoma\b", "8800/3"),
      (r"stromal nodule", "8930/0"), (r"low-grade endometrial stromal sarc", "8931/3"), (r"high-grade endometrial stromal sarc", "8930/3"),
      (r"\blipoma\b", "8850/0"), (r"atypical lipomatous|well-differentiated liposarc", "8850/1"), (r"dedifferentiated liposarc", "8858/3"),
      (r"schwannoma", "9560/0"), (r"neurofibroma", "9540/0"), (r"mpnst|malignant peripheral nerve", "9540/3"), (r"phyllodes", "9020/"),
      (r"\bn(a)?evus|\bn(a)?evi\b", "8720/0|8727/0"), (r"dysplastic n", "8727/0"), (r"melanoma", "8720/"), (r"tubular adenoma", "8211/0"), (r"(?<!tubulo)villous adenoma", "8261/0"),
      (r"tubulovillous", "8263/0"), (r"adenocarcinoma", "8140/|8380/"), (r"\bgist\b|gastrointestinal stromal", "8936/3"), (r"endometrioid", "8380/"), (r"serous carcinoma", "8441/3"),
      (r"clear cell carcinoma", "8310/3"), (r"carcinosarcoma", "8980/3")]
GROSS = re.compile(r"^(GROSS DESCRIPTION:|MACROSCOPY:?|MACROSCOPIC DESCRIPTION:|Gross:|SPECIMEN\(S\) SUBMITTED:|Specimen:)", re.I | re.M)
HDR = re.compile(r"^([A-Z][A-Z /()\-]+:|Microscopy:|Impression:|Clinical details:|IHC:|Note:|Hx:|Dx:|Micro:|Micro\b|CLINICAL HISTORY|MICROSCOPY|SUMMARY DIAGNOSIS)", re.M)
def strip_gross(t):
    out = []; skip = False
    for ln in t.split("\n"):
        if GROSS.match(ln): skip = True; 
        elif HDR.match(ln): skip = False
        if ln.startswith(("Specimen:", "Gross:")): continue
        if not skip: out.append(ln)
    return "\n".join(out)
n = 0
for r in R:
    g = G[r["report_id"]]; codes = {d["icdo3"] for d in g["diagnoses"]}
    t = strip_gross(r["text"]).lower()
    probs = []
    for pat, code in KW:
        if re.search(pat, t) and not any(re.match(c, x) for c in code.split("|") for x in codes):
            probs.append(f"text~{pat} but no {code}")
    # reverse: gold code with no keyword
    for x in codes:
        if not any(re.search(pat, t) for pat, code in KW if any(re.match(c, x) for c in code.split("|"))):
            if x not in ("8800/1",):
                probs.append(f"gold {x} without keyword")
    if probs:
        n += 1; print(r["report_id"], "|", "; ".join(probs))
print("flagged", n)
