import json, re, sys
R = [json.loads(l) for l in open(sys.argv[1])]; G = {json.loads(l)["report_id"]: json.loads(l) for l in open(sys.argv[2])}
PAT = {"SMA": r"\bSMA\b|smooth muscle actin", "desmin": r"desm[il]n|desrnin", "h-caldesmon": r"caldesmon|caldesrnon|ca1desmon", "HHF-35": r"H[HN]F-35",
 "CD10": r"\bCD ?[1l][0O]\b", "ER": r"\bER\b|[Ee]strogen", "PR": r"\bPR\b|[Pp]rogesterone", "Ki-67": r"K[il]-?6 ?7|MIB-1", "p53": r"\bp53", "p16": r"\bp16",
 "WT1": r"WT-?1", "S100": r"S-?100|5100|S1OO|S-l00", "SOX10": r"S[O0]X-?[1l]0", "HMB-45": r"HMB-?4[5S]", "Melan-A": r"Me[l1]an[- ]A|MART-1", "CD34": r"CD ?3 ?4",
 "CD117": r"CD ?[1l][1l]7|c-kit", "DOG1": r"D[O0]G-?[1l]", "ALK": r"\bALK\b", "cyclin D1": r"cyclin[- ]D1", "pan-cytokeratin": r"AE1/A?E?3|pan-?cytokeratin|AE1/3",
 "EMA": r"\bEMA\b", "myogenin": r"myogenin", "MyoD1": r"MyoD1", "calretinin": r"calretinin", "inhibin": r"inhibin", "vimentin": r"vimentin", "PAX8": r"PAX-?8",
 "CK7": r"\bCK7\b|cytokeratin 7", "CK20": r"\bCK20\b|cytokeratin 20", "CD99": r"CD99", "BCL2": r"BCL-?2", "TLE1": r"TLE1", "HER2": r"HER2",
 "MLH1": r"MLH1", "PMS2": r"PMS2", "MSH2": r"MSH2", "MSH6": r"MSH6"}
for r in R:
    g = {s["marker"] for s in G[r["report_id"]]["stains"]}
    found = {m for m, p in PAT.items() if re.search(p, r["text"], re.I if m not in ("ER", "PR", "SMA", "EMA", "ALK") else 0)}
    if found != g: print(r["report_id"], "text-only:", sorted(found - g), "gold-only:", sorted(g - found))
