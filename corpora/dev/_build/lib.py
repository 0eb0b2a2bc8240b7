import random, re, datetime
A = {"a": "affirmed", "n": "negated", "u": "uncertain", "h": "historical", "y": "hypothetical", "f": "family"}

class Ctx:
    def __init__(self, rng, style):
        self.rng, self.style = rng, style
        self.dx, self.st = [], []
        self.ocr = style.endswith("+ocr")
    def d(self, text, *pairs):
        for p in pairs:
            code, a = p.split(":")
            t = (code, A[a])
            if t not in self.dx: self.dx.append(t)
        return text
    def s(self, marker, result):
        t = (marker, result)
        if t not in self.st: self.st.append(t)
    def ch(self, seq): return self.rng.choice(seq)

DISPLAY = {
 "SMA": ["SMA", "smooth muscle actin (SMA)", "SMA"], "desmin": ["desmin", "Desmin"],
 "h-caldesmon": ["h-caldesmon", "caldesmon", "h-Caldesmon"], "HHF-35": ["HHF-35", "muscle-specific actin (HHF-35)"],
 "CD10": ["CD10"], "ER": ["ER", "estrogen receptor"], "PR": ["PR", "progesterone receptor"],
 "Ki-67": ["Ki-67", "Ki67", "MIB-1"], "p53": ["p53"], "p16": ["p16"], "WT1": ["WT1", "WT-1"],
 "S100": ["S100", "S-100", "S100 protein"], "SOX10": ["SOX10", "SOX-10"], "HMB-45": ["HMB-45", "HMB45"],
 "Melan-A": ["Melan-A", "Melan A", "MART-1"], "CD34": ["CD34"], "CD117": ["CD117", "CD117 (c-kit)", "c-KIT"],
 "DOG1": ["DOG1", "DOG-1"], "ALK": ["ALK"], "cyclin D1": ["cyclin D1", "Cyclin-D1"],
 "pan-cytokeratin": ["pan-cytokeratin", "AE1/AE3", "cytokeratin AE1/AE3", "pancytokeratin"], "EMA": ["EMA"],
 "myogenin": ["myogenin"], "MyoD1": ["MyoD1"], "calretinin": ["calretinin"], "inhibin": ["inhibin", "alpha-inhibin"],
 "vimentin": ["vimentin"], "PAX8": ["PAX8", "PAX-8"], "CK7": ["CK7", "cytokeratin 7"], "CK20": ["CK20", "cytokeratin 20"],
 "CD99": ["CD99"], "BCL2": ["BCL2", "bcl-2"], "TLE1": ["TLE1"], "HER2": ["HER2", "HER2/neu"],
 "MLH1": ["MLH1"], "PMS2": ["PMS2"], "MSH2": ["MSH2"], "MSH6": ["MSH6"],
}
OCRV = {"S100": ["5100", "S1OO", "S-l00"], "desmin": ["desmln", "desrnin"], "h-caldesmon": ["h-caldesrnon", "h-ca1desmon"],
        "Ki-67": ["Kl-67", "Ki-6 7"], "CD34": ["CD 34", "CD3 4"], "CD117": ["CD1l7", "CDl17"], "HMB-45": ["HMB-4S"],
        "SOX10": ["SOXl0", "S0X10"], "Melan-A": ["Me1an-A"], "CD10": ["CDl0", "CD 10"], "DOG1": ["D0G1", "DOGl"],
        "SMA": ["SMA"], "EMA": ["EMA"]}

def name(c, m):
    if c.ocr and m in OCRV and c.rng.random() < 0.7:
        return c.ch(OCRV[m])
    n = c.ch(DISPLAY[m])
    return n

def join(xs):
    xs = list(xs)
    if len(xs) == 1: return xs[0]
    return ", ".join(xs[:-1]) + " and " + xs[-1]

def stains(c, pos=(), neg=(), eq=(), fmt=None, subj=None):
    """Render a plain stain panel; registers gold. Returns text."""
    for m in pos: c.s(m, "positive")
    for m in neg: c.s(m, "negative")
    for m in eq: c.s(m, "equivocal")
    P = [name(c, m) for m in pos]; N = [name(c, m) for m in neg]; E = [name(c, m) for m in eq]
    fmt = fmt or c.ch(["coord", "posfor", "table", "inline", "immuno", "sent", "express"])
    subj = subj or c.ch(["The tumor cells", "Lesional cells", "The neoplastic cells"])
    adv = c.ch(["diffusely ", "strongly ", "", "diffusely and strongly "])
    out = []
    if fmt == "table":
        for m in P: out.append(f"{m}: Positive" + c.ch([" (diffuse, strong)", "", " (patchy)", " (focal, weak)"]))
        for m in N: out.append(f"{m}: Negative")
        for m in E: out.append(f"{m}: Equivocal")
        return "\n".join(out)
    if fmt == "inline":
        parts = [f"{m}+" if c.rng.random() < .5 else f"{m} (+)" for m in P] + [c.ch([f"{m}(-)", f"{m} (-)", f"{m}-"]) for m in N] + [f"{m} (equivocal)" for m in E]
        return c.ch(["IHC: ", "Immunoprofile: ", "Stains: "]) + ", ".join(parts) + "."
    if fmt == "coord":
        if P and N:
            out.append(f"{join(P)} {'is' if len(P)==1 else 'are'} {adv}positive, while {join(N)} {'is' if len(N)==1 else 'are'} negative.")
        elif P: out.append(f"{join(P)} {'is' if len(P)==1 else 'are'} {adv}positive.")
        elif N: out.append(f"{join(N)} {'is' if len(N)==1 else 'are'} negative.")
    elif fmt == "posfor":
        s = subj
        if P: s += f" are {adv}positive for {join(P)}"
        if N: s += (" and" if P else " are") + f" negative for {join(N)}"
        out.append(s + ".")
    elif fmt == "immuno":
        s = subj
        if P: s += f" are immunoreactive for {join(P)}"
        if N: s += (";" if P else "") + f" {'they are ' if P else 'are '}non-reactive for {join(N)}"
        out.append(s + ".")
    elif fmt == "express":
        if P and N: out.append(f"{subj} express {join(P)} but not {join(N)}.")
        elif P: out.append(f"{subj} express {join(P)}.")
        else: out.append(f"{subj} do not express {join(N)}.")
    else:
        for m in P: out.append(f"{m[0].upper()+m[1:]} is {c.ch(['strongly and diffusely positive', 'positive', 'focally positive', 'patchy positive'])}.")
        if N: out.append(f"Stains for {join(N)} are negative." if len(N) > 1 else f"{N[0]} is negative.")
    for m in E: out.append(f"{m} shows {c.ch(['equivocal', 'weak equivocal'])} staining.")
    return " ".join(out)

def ki67(c, pct):
    c.s("Ki-67", "positive"); n = name(c, "Ki-67")
    return c.ch([f"{n} ~{pct}%.", f"{n} proliferation index approximately {pct}%.", f"{n} labelling index: {pct}%.", f"{n}: {pct}% of tumor nuclei."])

def hormone(c, er=None, pr=None):
    out = []
    for m, v in (("ER", er), ("PR", pr)):
        if v is None: continue
        n = name(c, m)
        if v == 0:
            c.s(m, "negative"); out.append(c.ch([f"{n}: negative (0%).", f"{n} negative.", f"{n} 0%."]) if True else "")
        else:
            c.s(m, "positive"); out.append(c.ch([f"{n} {v}%.", f"{n}: positive ({v}%, strong).", f"{n} positive in {v}% of nuclei."]))
    return " ".join(x[0].upper() + x[1:] for x in out if x)

def mmr(c, lost=()):
    allm = ["MLH1", "PMS2", "MSH2", "MSH6"]
    kept = [m for m in allm if m not in lost]
    for m in kept: c.s(m, "positive")
    for m in lost: c.s(m, "negative")
    if not lost:
        return c.ch(["MLH1, PMS2, MSH2 and MSH6: retained.", "Mismatch repair proteins (MLH1, PMS2, MSH2, MSH6): intact nuclear expression.",
                     "MLH1, PMS2, MSH2 and MSH6: intact.", "MMR IHC: MLH1 retained, PMS2 retained, MSH2 retained, MSH6 retained."])
    return c.ch([f"Loss of {join(lost)} nuclear expression; {join(kept)} retained.",
                 f"MMR IHC: " + ", ".join(f"{m} {'loss' if m in lost else 'intact'}" for m in allm) + "."])

def fmt_date(d, style):
    if style.startswith(("au",)): return d.strftime("%d/%m/%Y")
    if style.startswith("india"): return d.strftime("%d-%m-%Y")
    return d.strftime("%m/%d/%Y")

UK = [("tumor", "tumour"), ("Tumor", "Tumour"), ("TUMOR", "TUMOUR"), ("color", "colour")]
def uk(s):
    for a, b in UK: s = s.replace(a, b)
    s = re.sub(r"(?<![aA])hemorrh", "haemorrh", s)
    s = re.sub(r"\bestrogen", "oestrogen", s); s = re.sub(r"\bEstrogen", "Oestrogen", s)
    return s
