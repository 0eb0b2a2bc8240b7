import json, sys
sys.path.insert(0, __import__("os").path.dirname(__file__))
import specials
d = json.load(open("" + __import__("os").path.join(__import__("os").path.dirname(__file__), "gen.json") + ""))
R = d["reports"] + [r for r, g in specials.SP]
G = d["gold"] + [g for r, g in specials.SP]
with open("/work/main/corpora/dev/reports.jsonl", "w", encoding="utf-8") as f:
    for r in R: f.write(json.dumps(r, ensure_ascii=False) + "\n")
with open("/work/main/corpora/dev/gold.jsonl", "w", encoding="utf-8") as f:
    for g in G: f.write(json.dumps(g, ensure_ascii=False) + "\n")
print(len(R))
