from lib import *

# Each scenario: f(c, **kw) -> dict(R). All diagnostic mentions registered via c.d(); stains via stains()/ki67()/...

GROSS_FIB = ["The myometrium contains {n} well-circumscribed fibroids measuring {a} to {b} cm, with white whorled bulging cut surfaces.",
             "Serially sectioned, there are {n} intramural and subserosal firm white whorled nodules (grossly leiomyomata), {a}-{b} cm.",
             "Multiple fibroids are present ({n}), ranging from {a} to {b} cm; no haemorrhage or necrosis grossly."]

def hyst_leiomyoma(c, variant="plain", clin="fib", extra_neg=None, stains_on=False, gross_only_trap=False):
    R = {}
    code = {"plain": "8890/0", "cellular": "8892/0", "lipo": "8890/0", "bizarre": "8893/0", "mitact": "8890/0"}[variant]
    R["clin"] = {
        "fib": lambda: c.d(c.ch(["Menorrhagia. Fibroid uterus on ultrasound.", "Symptomatic uterine fibroids, failed medical management.", "Known leiomyomata, heavy menstrual bleeding."]), "8890/0:h"),
        "q": lambda: c.d(c.ch(["AUB. ?Fibroids.", "Enlarged uterus, query fibroid.", "Pelvic mass - ? fibroid."]), "8890/0:y"),
        "ro": lambda: (lambda t: c.d(t, "8890/3:y", *(["8890/0:h"] if "fibroid" in t else [])))(c.ch(["Rapidly enlarging uterine mass. Rule out leiomyosarcoma.", "Enlarging fibroid in postmenopausal woman; r/o leiomyosarcoma.", "Mass on MRI with heterogeneous signal - exclude leiomyosarcoma."])),
        "none": lambda: c.ch(["Pelvic pain and heavy bleeding.", "Prolapse. Vaginal hysterectomy.", "Dysmenorrhoea, bulky uterus on examination."]),
        "fam": lambda: c.d("Family history: mother had leiomyosarcoma. Menorrhagia.", "8890/3:f"),
    }[clin]()
    proc = c.ch(["Uterus, cervix, bilateral tubes and ovaries, total abdominal hysterectomy and BSO", "Uterus and cervix, total laparoscopic hysterectomy", "Uterus, total hysterectomy and BSO", "Uterus, supracervical hysterectomy"])
    R["spec"] = [proc]
    n = c.rng.randint(2, 6); a = round(c.rng.uniform(0.5, 2.5), 1); b = round(c.rng.uniform(3, 11), 1)
    g = f"Received in formalin is a {c.rng.randint(90, 780)} g uterus measuring {b+4} x {round(b*0.7+2,1)} x {round(b*0.5+2,1)} cm. " + c.ch(GROSS_FIB).format(n=n, a=a, b=b)
    g += f" The endometrium measures 0.{c.rng.randint(1,6)} cm. " + ("The cervix is unremarkable. Block key: A1-A2 anterior and posterior cervix; A3-A4" if "supracervical" not in proc else "Block key: A1-A4") + f" full-thickness endomyometrium; A5-A{c.rng.randint(6,14)} nodules, representative."
    if variant == "lipo": g += " One nodule has a yellow, greasy cut surface."
    R["gross"] = g
    micro = {
        "plain": "Sections of the nodules show intersecting fascicles of bland spindle cells with eosinophilic cytoplasm and cigar-shaped nuclei. There is no significant atypia, no coagulative tumor cell necrosis and mitoses are inconspicuous.",
        "cellular": "The largest nodule is hypercellular compared with the surrounding myometrium, composed of bland smooth muscle cells with scant cytoplasm. Atypia is absent, mitoses number 3 per 10 HPF and there is no tumor cell necrosis. Thick-walled vessels and cleft-like spaces are present.",
        "lipo": "The nodules are composed of bland smooth muscle fascicles admixed with lobules of mature adipocytes. There is no lipoblast, atypia or necrosis.",
        "bizarre": "Within an otherwise bland smooth muscle tumor there are scattered multinucleated cells with bizarre, smudged hyperchromatic nuclei. Mitoses number 2 per 10 HPF, no atypical mitoses are seen and there is no tumor cell necrosis.",
        "mitact": "The nodule is composed of bland smooth muscle cells with brisk mitotic activity (12 per 10 HPF) but no significant atypia and no tumor cell necrosis. The patient was on progestogen therapy.",
    }[variant]
    endo = c.rng.randrange(4)
    micro += " " + ["The endometrium is proliferative.", "The endometrium shows secretory changes.", "The endometrium is inactive.", "Adenomyosis is present."][endo]
    R["micro"] = micro
    line = {
        "plain": lambda: c.d(c.ch(["Leiomyomata", "Leiomyomas, intramural and subserosal", "Leiomyoma", "Multiple leiomyomata, largest %s cm" % b, "Benign leiomyomata (fibroids)"]), "8890/0:a"),
        "cellular": lambda: c.d(c.ch(["Cellular leiomyoma", "Leiomyoma, cellular variant"]), "8892/0:a"),
        "lipo": lambda: c.d(c.ch(["Lipoleiomyoma", "Leiomyoma with fatty change (lipoleiomyoma)"]), "8890/0:a"),
        "bizarre": lambda: c.d(c.ch(["Leiomyoma with bizarre nuclei", "Leiomyoma with bizarre nuclei (symplastic leiomyoma)"]), "8893/0:a"),
        "mitact": lambda: c.d("Mitotically active leiomyoma", "8890/0:a"),
    }[variant]()
    lines = [line, ["Proliferative endometrium", "Secretory endometrium", "Inactive endometrium", "Adenomyosis"][endo]]
    if extra_neg == "mal": lines.append("Negative for malignancy")
    elif extra_neg == "lms": lines.append(c.d(c.ch(["No evidence of leiomyosarcoma", "Negative for leiomyosarcoma"]), "8890/3:n"))
    elif extra_neg == "both": lines.append(c.d("No features of STUMP or leiomyosarcoma", "8897/1:n", "8890/3:n"))
    R["parts"] = [(proc.split(",")[0] + "," + proc.split(",")[-1], lines)]
    if "BSO" in proc: R["parts"].append(("Bilateral ovaries and fallopian tubes", [c.ch(["No diagnostic abnormality", "Benign, unremarkable", "Corpora albicantia; no pathological change"])]))
    if stains_on or variant in ("cellular", "bizarre"):
        R["ihc"] = stains(c, pos=["desmin", "SMA", "h-caldesmon"] if variant != "cellular" else ["desmin", "h-caldesmon"], neg=["CD10"] if variant == "cellular" else []) + " " + ki67(c, c.ch([1, 2, 3, 5]))
        if variant == "bizarre":
            c.s("p16", "positive"); R["ihc"] += " p16 shows patchy staining."
    if variant in ("bizarre", "cellular") and c.rng.random() < .7:
        R["comment"] = c.d(c.ch(["The atypia is multifocal but there is no tumor cell necrosis and the mitotic count is low; criteria for leiomyosarcoma are not met.",
                                 "There is no evidence of leiomyosarcoma. The lesion was entirely sampled."]), "8890/3:n")
    return R

def myomectomy(c, clin="none", morcell=False, neg_stump=False):
    R = {}
    R["clin"] = {"none": lambda: c.ch(["Subfertility; intramural mass.", "Pressure symptoms.", "Menorrhagia."]),
                 "fib": lambda: c.d(c.ch(["Fibroid, 8 cm, subserosal.", "Symptomatic fibroid.", "Submucous fibroid, 3 cm."]), "8890/0:h"),
                 "hx": lambda: c.d("Previous myomectomy in 2011 (leiomyoma). Recurrent fibroids.", "8890/0:h")}[clin]()
    R["spec"] = ['"Fibroid", myomectomy' + (" (morcellated)" if morcell else "")]
    if morcell:
        R["gross"] = f"Received are multiple morcellated fragments of tan-white whorled tissue weighing {c.rng.randint(60, 420)} g in aggregate. Twenty representative sections are submitted."
    else:
        R["gross"] = f"Labelled \"fibroid\". A firm ovoid nodule {c.rng.randint(25, 90)} mm in greatest dimension. The cut surface is white and whorled. No necrosis. Representative sections."
    R["micro"] = c.ch(["Sections show a benign smooth muscle tumor composed of interlacing fascicles of bland spindle cells. There is no atypia, no necrosis and mitoses are not increased.",
                       "The nodule is composed of bland smooth muscle with extensive hyaline and hydropic degeneration. No tumor cell necrosis or atypia is seen. Mitoses are <1/10 HPF."])
    R["parts"] = [("Uterine mass, myomectomy", [c.d(c.ch(["Leiomyoma", "Leiomyoma with hyaline degeneration", "Leiomyoma, degenerative changes"]), "8890/0:a")])]
    if neg_stump:
        R["parts"][0][1].append(c.d("Negative for STUMP and leiomyosarcoma", "8897/1:n", "8890/3:n"))
    return R

def stump(c, diff="cannot", clin="none"):
    R = {}
    R["clin"] = {"none": lambda: c.ch(["Enlarging uterine mass.", "Heavy menstrual bleeding, 9 cm mass."]),
                 "ro": lambda: c.d("Rapidly growing fibroid. ?Leiomyosarcoma.", "8890/0:h", "8890/3:y")}[clin]()
    R["spec"] = ["Uterus, total hysterectomy"]
    R["gross"] = f"A {c.rng.randint(180, 600)} g uterus with a single {c.rng.randint(6, 12)} cm intramural fibroid with a soft, focally yellow and haemorrhagic cut surface. Fourteen sections of the mass are submitted."
    R["micro"] = "The tumor is a cellular smooth muscle neoplasm with focal moderate nuclear atypia. Mitoses number up to 6 per 10 HPF. There is an area of necrosis of uncertain type (hyaline versus tumor cell). The margins are pushing."
    R["ihc"] = stains(c, pos=["desmin", "h-caldesmon", "SMA"], neg=["CD10"]) + " " + ki67(c, c.ch([8, 10, 15])) + " " + c.ch(["p53 shows weak patchy staining.", "p16 is patchy positive."])
    if "p16" in R["ihc"]: c.s("p16", "positive")
    if "p53" in R["ihc"]: c.s("p53", "positive")
    R["parts"] = [("Uterus, total hysterectomy", [c.d(c.ch(["Smooth muscle tumor of uncertain malignant potential (STUMP), 9 cm", "Atypical smooth muscle tumor, best classified as STUMP", "Smooth muscle tumour of uncertain malignant potential"]), "8897/1:a")])]
    R["comment"] = {
        "cannot": lambda: c.d("The features fall short of leiomyosarcoma, but a low-grade leiomyosarcoma cannot be entirely excluded given the equivocal necrosis. Clinical follow-up is recommended.", "8890/3:n", "8890/3:u"),
        "diff": lambda: c.d("The differential diagnosis includes leiomyosarcoma versus STUMP; we favour the latter given the limited atypia.", "8890/3:u", "8897/1:u"),
        "not": lambda: c.d("There is no evidence of leiomyosarcoma in the sections examined.", "8890/3:n"),
    }[diff]()
    return R

def biopsy_spindle(c, site="pelvic mass", diff="lms_stump", clin="hx"):
    R = {}
    R["clin"] = {"hx": lambda: c.d(f"History of hysterectomy for leiomyoma. Now {site}.", "8890/0:h"),
                 "ro": lambda: c.d(f"{site.capitalize()} on CT. Rule out sarcoma.", "8800/3:y"),
                 "none": lambda: f"{site.capitalize()}, CT-guided core biopsy."}[clin]()
    R["spec"] = [f"{site.capitalize()}, core biopsy"]
    R["gross"] = f"{c.rng.randint(2, 6)} tan-white cores, up to 1.{c.rng.randint(0,9)} cm. Entirely submitted."
    R["micro"] = "The cores contain a moderately cellular spindle cell proliferation arranged in fascicles, with eosinophilic cytoplasm and mild to moderate nuclear atypia. Mitoses up to 4 per 10 HPF in the limited material. No necrosis is sampled."
    R["ihc"] = stains(c, pos=["desmin", "SMA"], neg=["S100", "CD34", "CD117", "pan-cytokeratin"])
    line = c.d(c.ch(["Spindle cell neoplasm", "Spindle cell tumor", "Spindle cell neoplasm with smooth muscle differentiation"]), "8800/1:a")
    R["parts"] = [(f"{site.capitalize()}, core biopsy", [line])]
    R["comment"] = {
        "lms_stump": lambda: c.d("The differential includes leiomyosarcoma versus STUMP; definitive classification requires excision.", "8890/3:u", "8897/1:u"),
        "susp": lambda: c.d("The findings are suspicious for leiomyosarcoma; correlation with the resection is required.", "8890/3:u"),
        "favor_lm": lambda: c.d("The features favor a cellular leiomyoma; however, sampling is limited and a STUMP cannot be excluded.", "8892/0:u", "8897/1:u"),
    }[diff]()
    return R

def lms_resection(c, variant="conv", bg_lm=False, clin="none"):
    R = {}
    code = {"conv": "8890/3", "epi": "8891/3", "myx": "8896/3"}[variant]
    tname = {"conv": "Leiomyosarcoma", "epi": "Epithelioid leiomyosarcoma", "myx": "Myxoid leiomyosarcoma"}[variant]
    R["clin"] = {"none": lambda: c.ch(["Rapidly enlarging uterine mass, 12 cm on MRI.", "Postmenopausal bleeding and pelvic mass."]),
                 "biopsy": lambda: c.d("Biopsy elsewhere: spindle cell neoplasm.", "8800/1:h"),
                 "stump": lambda: c.d("Previous myomectomy 2016: STUMP. Recurrent mass.", "8897/1:h")}[clin]()
    R["spec"] = ["Uterus, cervix, tubes and ovaries, TAH-BSO", "Omentum, biopsy"]
    R["gross"] = f"A {c.rng.randint(400, 1400)} g uterus containing a {c.rng.randint(8, 16)} cm soft, fleshy, variegated tan-yellow mass with haemorrhage and necrosis, with ill-defined borders. " + ("Separate firm white whorled fibroids up to 3 cm. " if bg_lm else "") + "Sections A1-A22."
    micro = {"conv": "The tumor is composed of fascicles of atypical spindle cells with diffuse moderate to severe nuclear pleomorphism. Mitoses number 22 per 10 HPF with atypical forms. Geographic tumor cell necrosis is present. The tumor infiltrates the surrounding myometrium.",
             "epi": "The tumor is composed of sheets of polygonal epithelioid cells with abundant eosinophilic cytoplasm and moderate atypia. Mitoses number 6 per 10 HPF. Tumor cell necrosis is present.",
             "myx": "The tumor shows abundant myxoid stroma with hypocellular stellate and spindle cells, moderate atypia and infiltrative borders. Mitoses number 2 per 10 HPF."}[variant]
    if bg_lm: micro += " " + c.d("Separate nodules are benign leiomyomas.", "8890/0:a")
    R["micro"] = micro
    pos = ["desmin", "SMA", "h-caldesmon"]; neg = ["CD10", "S100", "ALK"] if variant == "myx" else ["CD10", "S100", "CD117"]
    if variant == "epi": pos = ["desmin", "h-caldesmon", "pan-cytokeratin"]; neg = ["HMB-45", "Melan-A", "CD10"]
    R["ihc"] = stains(c, pos=pos, neg=neg) + " " + ki67(c, c.ch([25, 30, 40, 60])) + " " + hormone(c, er=c.ch([0, 20, 40]), pr=c.ch([0, 10]))
    lines = [c.d(f"{tname}, {c.rng.randint(8,16)} cm", f"{code}:a")]
    if bg_lm: lines.append(c.d("Leiomyomata", "8890/0:a"))
    om = c.d(f"No evidence of {tname.lower()}", f"{code}:n") if c.rng.random() < .5 else "Negative for malignancy"
    R["parts"] = [("Uterus, TAH-BSO", lines), ("Omentum, biopsy", [om])]
    R["synoptic"] = [("Procedure", "Total hysterectomy and bilateral salpingo-oophorectomy"), ("Histologic Type", c.d(tname, f"{code}:a")),
                     ("Tumor Size", "as above"), ("Mitotic Count", {"conv": "22/10 HPF", "epi": "6/10 HPF", "myx": "2/10 HPF"}[variant]),
                     ("Tumor Necrosis", "Present" if variant != "myx" else "Not identified"), ("Lymphovascular Invasion", c.ch(["Not identified", "Present"])),
                     ("Pathologic Stage (pTNM, FIGO)", c.ch(["pT1b (FIGO IB)", "pT2a (FIGO IIA)"]))]
    return R

def metastatic_lms(c, site="lung", clin="lms"):
    R = {}
    R["clin"] = {"lms": lambda: c.d(c.ch(["History of uterine leiomyosarcoma (2015). New lung nodules.", "Known uterine leiomyosarcoma, treated 2016."]), "8890/3:h"),
                 "lm": lambda: c.d("Hysterectomy 2012 for fibroids. New pulmonary nodules.", "8890/0:h"),
                 "none": lambda: "Multiple pulmonary nodules."}[clin]()
    R["spec"] = [f"{site.capitalize()}, wedge resection" if site == "lung" else f"{site.capitalize()}, biopsy"]
    R["gross"] = f"A {c.rng.randint(3, 9)} cm wedge of {site} with a 1.{c.rng.randint(0, 9)} cm firm white-tan subpleural nodule. Sections A1-A5." if site == "lung" else "Multiple cores of tan tissue, entirely submitted."
    R["micro"] = "There is a circumscribed nodule of atypical spindle cells in fascicles with marked pleomorphism and frequent mitoses (15/10 HPF). Necrosis is present."
    R["ihc"] = stains(c, pos=["desmin", "SMA", "h-caldesmon"], neg=["pan-cytokeratin", "S100", "CD34"]) + " " + hormone(c, er=c.ch([0, 30]))
    line = c.d(c.ch(["Metastatic leiomyosarcoma", "Metastatic leiomyosarcoma, consistent with uterine primary"]), "8890/6:a")
    R["parts"] = [(R["spec"][0], [line])]
    if clin == "lm":
        R["comment"] = c.d("Review of the prior hysterectomy is recommended; the possibility that the original tumor was an under-called leiomyosarcoma should be considered.", "8890/3:u")
    return R

def review(c, orig_acc, orig_inst, prior_dx="lm", new="lms"):
    R = {"title": "CONSULTATION / REVIEW OF OUTSIDE MATERIAL", "title_au": "REVIEW OF EXTERNAL SLIDES", "title_in": "SLIDE REVIEW / SECOND OPINION REPORT"}
    prior_text = {"lm": ("leiomyoma", "8890/0"), "stump": ("STUMP", "8897/1"), "esn": ("endometrial stromal nodule", "8930/0"),
                  "lipoma": ("lipoma", "8850/0"), "nevus": ("compound nevus", "8720/0"), "benphy": ("benign phyllodes tumor", "9020/0"),
                  "ta": ("tubular adenoma", "8211/0"), "lmscons": ("leiomyosarcoma", "8890/3"), "schw": ("schwannoma", "9560/0")}[prior_dx]
    R["clin"] = c.d(f"Outside slides ({orig_inst}, {orig_acc}) received for review. Outside diagnosis: {prior_text[0]}. Patient now has " + c.ch(["a recurrence.", "metastatic disease.", "a new mass.", "been referred for further management."]), f"{prior_text[1]}:h")
    R["spec"] = [f"Outside slides, {orig_acc} ({c.rng.randint(3, 14)} H&E slides, {c.rng.randint(1, 4)} blocks)"]
    if new == "lms":
        R["micro"] = "The slides show a cellular smooth muscle tumor with diffuse moderate to severe atypia, mitoses up to 14 per 10 HPF and foci of coagulative tumor cell necrosis. The tumor infiltrates the myometrium."
        R["ihc"] = stains(c, pos=["desmin", "SMA"], neg=["CD10"]) + " " + ki67(c, 35)
        R["parts"] = [(f"Outside slides {orig_acc}", [c.d("Leiomyosarcoma", "8890/3:a")])]
        R["comment"] = "We respectfully disagree with the outside diagnosis. The findings were discussed with the referring clinician."
    elif new == "agree_lm":
        R["micro"] = "The slides show a well-circumscribed smooth muscle tumor without atypia, with mitoses less than 2 per 10 HPF and no tumor cell necrosis."
        R["parts"] = [(f"Outside slides {orig_acc}", [c.d("Leiomyoma", "8890/0:a"), c.d("No evidence of malignancy or leiomyosarcoma", "8890/3:n")])]
        R["comment"] = "We agree with the outside diagnosis."
    elif new == "lgess":
        R["micro"] = "The lesion shows tongue-like permeation of the myometrium by uniform small oval cells resembling proliferative-phase endometrial stroma, with lymphovascular invasion."
        R["ihc"] = stains(c, pos=["CD10", "ER", "PR"], neg=["desmin", "h-caldesmon", "cyclin D1"])
        R["parts"] = [(f"Outside slides {orig_acc}", [c.d("Low-grade endometrial stromal sarcoma", "8931/3:a")])]
        R["comment"] = c.d("The infiltrative border is not consistent with an endometrial stromal nodule.", "8930/0:n")
    elif new == "melanoma":
        R["micro"] = "There is an asymmetric, poorly circumscribed melanocytic proliferation with pagetoid spread, confluent junctional nests, dermal mitoses (2/mm2) and lack of maturation."
        R["ihc"] = stains(c, pos=["SOX10", "Melan-A", "HMB-45"], neg=[])
        R["parts"] = [(f"Outside slides {orig_acc}", [c.d("Malignant melanoma, superficial spreading type, Breslow 0.9 mm", "8720/3:a")])]
    elif new == "agree_lms":
        R["micro"] = "The slides show a malignant smooth muscle tumor with marked atypia, brisk mitoses and necrosis."
        R["parts"] = [(f"Outside slides {orig_acc}", [c.d("Leiomyosarcoma (concur)", "8890/3:a")])]
    elif new == "mpnst":
        R["micro"] = "Areas of the lesion show markedly increased cellularity with fascicles of hyperchromatic spindle cells, 8 mitoses per 10 HPF and necrosis, in addition to a bland Antoni A component."
        R["ihc"] = stains(c, pos=["S100"], neg=["SOX10", "desmin"], fmt="sent") + " " + ki67(c, 30)
        R["parts"] = [(f"Outside slides {orig_acc}", [c.d("Malignant peripheral nerve sheath tumor", "9540/3:a")])]
        R["comment"] = c.d("The bland component likely represents a pre-existing neurofibroma.", "9540/0:u")
    return R

def ess(c, kind="lg", biopsy=False):
    R = {}
    R["clin"] = c.ch(["Abnormal uterine bleeding; intramural mass.", "Pelvic mass, 7 cm.", "Bulky uterus."])
    if biopsy:
        R["spec"] = ["Endometrial curettings"]
        R["gross"] = "Multiple fragments of tan soft tissue, 2.5 cm in aggregate. All in."
        R["micro"] = "Fragments of a cellular neoplasm composed of uniform oval cells resembling proliferative endometrial stroma, with arterioles. The interface with myometrium is not sampled."
        R["ihc"] = stains(c, pos=["CD10", "ER", "PR"], neg=["desmin", "h-caldesmon"])
        R["parts"] = [("Endometrial curettings", [c.d("Endometrial stromal neoplasm", )])]
        R["comment"] = c.d("The appearances favour an endometrial stromal nodule; however, a low-grade endometrial stromal sarcoma cannot be excluded on curettings as the border is not assessable.", "8930/0:u", "8931/3:u")
        return R
    R["spec"] = ["Uterus, hysterectomy"]
    R["gross"] = f"Uterus with a {c.rng.randint(3, 9)} cm yellow-tan soft intramural mass" + (" with worm-like plugs in the parametrial vessels." if kind == "lg" else " with a well-circumscribed edge.")
    if kind == "nod":
        R["micro"] = "The lesion is well circumscribed with a pushing border, composed of uniform cells resembling proliferative-phase endometrial stroma. No lymphovascular invasion. Finger-like projections are less than 3 mm."
        R["ihc"] = stains(c, pos=["CD10", "ER"], neg=["desmin", "h-caldesmon"])
        R["parts"] = [("Uterus, hysterectomy", [c.d("Endometrial stromal nodule", "8930/0:a"), c.d("No evidence of low-grade endometrial stromal sarcoma", "8931/3:n")])]
    elif kind == "lg":
        R["micro"] = "Irregular tongues of uniform small oval cells permeate the myometrium with lymphovascular invasion. Mitoses are scarce."
        R["ihc"] = stains(c, pos=["CD10", "ER", "PR"], neg=["desmin", "cyclin D1"]) 
        R["parts"] = [("Uterus, hysterectomy", [c.d("Low-grade endometrial stromal sarcoma", "8931/3:a")])]
    else:
        R["micro"] = "The tumor consists of sheets of high-grade round cells with brisk mitoses (>10/10 HPF) and necrosis, alongside a minor low-grade fibromyxoid component."
        R["ihc"] = stains(c, pos=["cyclin D1", "CD117"], neg=["ER", "PR", "desmin", "DOG1"]) + " " + stains(c, pos=["BCL2"], neg=[], fmt="sent")
        R["parts"] = [("Uterus, hysterectomy", [c.d("High-grade endometrial stromal sarcoma", "8930/3:a")])]
        R["comment"] = c.d("Molecular confirmation (YWHAE rearrangement) is recommended. There is no morphological or immunohistochemical evidence of leiomyosarcoma.", "8890/3:n")
    return R

def endometrial_ca(c, kind="endo", lost=(), clin_fib=False):
    R = {}
    R["clin"] = c.ch(["Postmenopausal bleeding. Pipelle showed carcinoma.", "PMB, thickened endometrium 18 mm.", "Endometrial biopsy positive; staging procedure."])
    if clin_fib: R["clin"] += " " + c.d("Known fibroids.", "8890/0:h")
    R["spec"] = ["Uterus, cervix, tubes and ovaries, TLH-BSO", "Pelvic lymph nodes"]
    R["gross"] = f"Uterus 95 g with an exophytic fundal tumour 3.{c.rng.randint(0,9)} cm. " + ("A 2 cm intramural fibroid is present. " if clin_fib else "") + "Lymph nodes dissected."
    nm = {"endo": ("Endometrioid carcinoma, FIGO grade 2", "8380/3"), "serous": ("Serous carcinoma", "8441/3"),
          "cc": ("Clear cell carcinoma", "8310/3"), "cs": ("Carcinosarcoma (malignant mixed Mullerian tumor), heterologous rhabdomyoblastic elements", "8980/3")}[kind]
    R["micro"] = {"endo": "The tumor is an endometrioid adenocarcinoma with squamous morular metaplasia and 20% solid growth, invading 40% of the myometrial thickness.",
                  "serous": "The tumor shows papillary and glandular architecture with marked nuclear pleomorphism, slit-like spaces and abundant mitoses, invading the outer half of the myometrium.",
                  "cc": "Tubulocystic and papillary tumor with clear and hobnail cells and hyalinised cores.",
                  "cs": "Biphasic tumor with high-grade carcinoma admixed with a sarcomatous component including rhabdomyoblasts."}[kind]
    if kind == "endo":
        R["ihc"] = mmr(c, lost) + " " + hormone(c, er=80, pr=60) + " " + stains(c, pos=["PAX8"], neg=["WT1"], fmt="sent")
    elif kind == "serous":
        c.s("p53", "positive"); c.s("p16", "positive")
        R["ihc"] = c.ch(["p53: aberrant, diffuse strong nuclear (mutation-type) staining. p16: strong block-type positivity.", "p53 diffusely positive (mutant pattern); p16 block positive."]) + " " + stains(c, pos=["PAX8"], neg=["WT1"]) + " " + hormone(c, er=c.ch([0, 10]))
    elif kind == "cc":
        R["ihc"] = stains(c, pos=["PAX8"], neg=["WT1"]) + " " + hormone(c, er=0, pr=0)
    else:
        R["ihc"] = stains(c, pos=["pan-cytokeratin", "desmin", "myogenin", "MyoD1"], neg=[], fmt="posfor", subj="Respective components") + " " + mmr(c, ())
    R["parts"] = [("Uterus, TLH-BSO", [c.d(nm[0], f"{nm[1]}:a")] + ([c.d("Leiomyoma", "8890/0:a")] if clin_fib else [])),
                  ("Pelvic lymph nodes", [c.d(f"{c.ch(['Metastatic endometrioid carcinoma', 'Metastatic carcinoma (endometrioid)'])} in 1 of 9 nodes", "8380/6:a") if (kind == "endo" and c.rng.random() < .4) else "Nine lymph nodes, negative for metastatic carcinoma (0/9)"])]
    if lost:
        R["comment"] = "Loss of MLH1/PMS2 expression; MLH1 promoter methylation testing has been requested to distinguish sporadic from Lynch-associated tumours."
    R["synoptic"] = [("Histologic Type", c.d(nm[0].split(",")[0], f"{nm[1]}:a")), ("Myometrial Invasion", c.ch(["<50%", ">=50%"])), ("LVSI", c.ch(["Not identified", "Substantial"]))]
    return R

def lipomatous(c, kind="lipoma", clin=None):
    R = {}
    R["clin"] = {None: lambda: c.ch(["Slowly growing soft mass, back.", "Thigh mass, 14 cm, deep.", "Retroperitoneal mass on CT."]),
                 "hx_alt": lambda: c.d("Recurrent retroperitoneal mass. History of atypical lipomatous tumour/well-differentiated liposarcoma resected 2014.", "8850/1:h"),
                 "hx_lip": lambda: c.d("Previous excision of 'lipoma' from the thigh 2012. Recurrence.", "8850/0:h")}[clin]()
    R["spec"] = [{"lipoma": "Soft tissue mass, back, excision", "alt": "Thigh mass, excision", "dd": "Retroperitoneal mass, resection"}[kind]]
    R["gross"] = {"lipoma": "A lobulated, encapsulated yellow fatty mass 6 x 4 x 2 cm. Uniform greasy cut surface.",
                  "alt": "A 15 cm lobulated yellow fatty mass with fibrous septa and firm white areas.",
                  "dd": "A 22 cm mass with yellow lipomatous areas merging with a firm, fleshy tan-grey nodule 7 cm with necrosis."}[kind]
    if kind == "lipoma":
        R["micro"] = "Mature adipose tissue with thin fibrous septa; no atypia, no lipoblasts."
        R["parts"] = [(R["spec"][0], [c.d("Lipoma", "8850/0:a")])]
        if c.rng.random() < .6: R["parts"][0][1].append(c.d(c.ch(["Negative for atypical lipomatous tumor", "No evidence of atypical lipomatous tumour / well-differentiated liposarcoma"]), "8850/1:n"))
    elif kind == "alt":
        R["micro"] = "Mature adipocytes of varying size with scattered atypical hyperchromatic stromal cells within fibrous septa. MDM2 amplification demonstrated by FISH."
        R["ihc"] = stains(c, pos=["S100"], neg=["desmin"], fmt="sent")
        R["parts"] = [(R["spec"][0], [c.d(c.ch(["Atypical lipomatous tumor", "Atypical lipomatous tumour / well-differentiated liposarcoma", "Well-differentiated liposarcoma, lipoma-like type"]), "8850/1:a")])]
    else:
        R["micro"] = "Well-differentiated liposarcoma with an abrupt transition to a high-grade non-lipogenic pleomorphic spindle cell component with necrosis (FNCLCC grade 3). MDM2 amplified."
        R["ihc"] = stains(c, pos=[], neg=["desmin", "SOX10", "pan-cytokeratin", "CD117"]) + " " + ki67(c, 45)
        R["parts"] = [(R["spec"][0], [c.d("Dedifferentiated liposarcoma, FNCLCC grade 3", "8858/3:a"), c.d("Arising in well-differentiated liposarcoma", "8850/1:a")])]
    return R

def nerve_sheath(c, kind="schw", nf1=False):
    R = {}
    R["clin"] = c.ch(["Painless mass, forearm.", "Paraspinal mass.", "Enlarging mass on sciatic nerve."]) + (" " + c.d("Neurofibromatosis type 1 with multiple neurofibromas.", "9540/0:h") if nf1 else "")
    R["spec"] = ["Soft tissue mass, excision"]
    R["gross"] = f"An encapsulated {c.rng.randint(2, 9)} cm tan-yellow ovoid mass attached to a nerve."
    if kind == "schw":
        R["micro"] = "Encapsulated tumor composed of spindle cells, with Antoni A and Antoni B areas and Verocay bodies; hyalinised vessels. No atypia or mitoses."
        R["ihc"] = stains(c, pos=["S100", "SOX10"], neg=["SMA", "desmin"])
        R["parts"] = [(R["spec"][0], [c.d(c.ch(["Schwannoma", "Schwannoma (benign)", "Ancient schwannoma"]), "9560/0:a")])]
    elif kind == "nf":
        R["micro"] = "Unencapsulated proliferation of wavy spindle cells in a collagenous, myxoid stroma with shredded-carrot collagen."
        R["ihc"] = stains(c, pos=["S100", "CD34"], neg=["EMA"]) 
        R["parts"] = [(R["spec"][0], [c.d("Neurofibroma", "9540/0:a"), c.d("Negative for malignant transformation (no MPNST)", "9540/3:n")])]
    else:
        R["micro"] = "Hypercellular fascicles of atypical hyperchromatic spindle cells with marbled pattern, geographic necrosis and 15 mitoses per 10 HPF."
        R["ihc"] = stains(c, pos=[], neg=["SOX10", "desmin", "pan-cytokeratin"]) + " " + stains(c, pos=["S100"], neg=[], fmt="sent") + " " + ki67(c, 40)
        R["parts"] = [(R["spec"][0], [c.d("Malignant peripheral nerve sheath tumor (MPNST), high grade", "9540/3:a")])]
        if nf1: R["parts"][0][1].append(c.d("Arising in a neurofibroma", "9540/0:a"))
    return R

def sarcoma_nos(c, kind="nos"):
    R = {}
    R["clin"] = c.ch(["Deep thigh mass, 11 cm.", "Chest wall mass.", "Recurrent retroperitoneal mass."])
    R["spec"] = ["Soft tissue mass, resection"]
    R["gross"] = "Fleshy tan-white mass with haemorrhage and 30% necrosis, 10.5 cm."
    R["micro"] = "Sheets and fascicles of pleomorphic spindle cells with brisk mitoses (25/10 HPF) and necrosis. No specific line of differentiation is identified."
    R["ihc"] = stains(c, pos=["vimentin", "CD99"], neg=["pan-cytokeratin", "EMA", "S100", "SOX10", "desmin", "myogenin", "CD34", "TLE1"]) + " " + stains(c, pos=[], neg=[], eq=["SMA"], fmt="sent")
    line = {"nos": lambda: c.d("High-grade sarcoma, NOS (FNCLCC grade 3)", "8800/3:a"), "sp": lambda: c.d("Spindle cell sarcoma, high grade", "8801/3:a")}[kind]()
    R["parts"] = [(R["spec"][0], [line])]
    if c.rng.random() >= .5: R["comment"] = c.d("There is no evidence of leiomyosarcoma or MPNST by morphology or immunohistochemistry.", "8890/3:n", "9540/3:n")
    else: R["comment"] = c.d("The differential diagnosis includes a dedifferentiated liposarcoma; MDM2 FISH is pending and an addendum will follow.", "8858/3:u")
    return R

def phyllodes(c, grade="benign", hx=None):
    R = {}
    R["clin"] = c.ch(["Rapidly enlarging breast lump, 4 cm.", "Left breast mass, recurrent.", "Breast lump, core showed fibroepithelial lesion."])
    if hx: R["clin"] += " " + c.d({"benign": "Previous excision of benign phyllodes tumour 2015.", "border": "History of borderline phyllodes tumour."}[hx], {"benign": "9020/0:h", "border": "9020/1:h"}[hx])
    R["spec"] = ["Left breast, wide local excision"]
    R["gross"] = f"A well-circumscribed lobulated tan-white mass {c.rng.randint(3, 12)} cm with leaf-like clefts."
    code = {"benign": "9020/0", "border": "9020/1", "mal": "9020/3"}[grade]
    R["micro"] = {"benign": "Fibroepithelial lesion with leaf-like architecture, mildly increased stromal cellularity, no atypia, mitoses <2/10 HPF and a pushing border.",
                  "border": "Moderate stromal cellularity and atypia, 7 mitoses per 10 HPF, focally permeative border.",
                  "mal": "Marked stromal overgrowth with severe atypia, 15 mitoses per 10 HPF and a permeative border; no heterologous elements."}[grade]
    if grade != "benign": R["ihc"] = stains(c, pos=["CD34"], neg=["pan-cytokeratin", "p53"] if grade == "border" else ["pan-cytokeratin", "CD34"][:1]) + " " + ki67(c, 12 if grade == "border" else 35)
    label = {"benign": "Benign phyllodes tumor", "border": "Borderline phyllodes tumor", "mal": "Malignant phyllodes tumor"}[grade]
    R["parts"] = [(R["spec"][0], [c.d(label + f", {c.rng.randint(3, 12)} cm", f"{code}:a"), c.ch(["Margins clear (closest 3 mm)", "Margin involved at inferior aspect"])])]
    if grade == "border":
        R["comment"] = c.d("A malignant phyllodes tumour cannot be entirely excluded given focal stromal overgrowth; complete excision with clear margins is recommended.", "9020/3:u")
    return R

def melanocytic(c, kind="nevus", fam=False, hx=False):
    R = {}
    R["clin"] = c.ch(["Changing pigmented lesion, left back.", "Irregular mole, upper arm.", "Pigmented lesion shin, ?atypical."])
    if fam: R["clin"] += " " + c.d(c.ch(["Mother had melanoma.", "Family history of melanoma (father)."]), "8720/3:f")
    if hx: R["clin"] += " " + c.d("Past history of melanoma, right calf 2016.", "8720/3:h")
    if kind == "ln":
        R["clin"] = c.d("Melanoma excised 2017; now enlarged axillary lymph node.", "8720/3:h")
    R["spec"] = ["Skin, " + c.ch(["left back", "right upper arm", "left shin"]) + ", excision" if kind != "ln" else "Left axillary lymph node, excision"]
    R["gross"] = f"An ellipse of skin {c.rng.randint(8, 30)} x {c.rng.randint(4, 12)} mm bearing a {c.rng.randint(3, 11)} mm irregular pigmented lesion. Serially sliced, all in." if kind != "ln" else "A lymph node 3.2 cm with a black cut surface."
    if kind == "nevus":
        R["micro"] = "Symmetric, well-circumscribed melanocytic lesion with junctional and dermal nests and maturation with depth. No cytological atypia and no dermal mitoses."
        R["parts"] = [(R["spec"][0], [c.d(c.ch(["Compound melanocytic naevus", "Intradermal nevus", "Compound nevus"]), "8720/0:a"), c.d(c.ch(["No evidence of malignancy; negative for melanoma", "No features of melanoma"]), "8720/3:n"), "Completely excised"])]
    elif kind == "dys":
        R["micro"] = "Compound melanocytic lesion with bridging of junctional nests, lamellar fibroplasia and moderate cytological atypia. No pagetoid spread. Maturation is present."
        R["parts"] = [(R["spec"][0], [c.d(c.ch(["Dysplastic nevus with moderate atypia", "Dysplastic naevus, moderate architectural and cytological atypia"]), "8727/0:a"), "Margins clear"])]
        R["comment"] = c.d("There is no evidence of melanoma. Re-excision is not required.", "8720/3:n")
    elif kind == "mel":
        R["micro"] = "Asymmetric melanocytic proliferation with pagetoid spread, confluent junctional nests and an invasive dermal component lacking maturation. Dermal mitoses 3/mm2. Breslow thickness 1.4 mm. " + c.d("A residual dysplastic naevus is present at the edge.", "8727/0:a")
        R["ihc"] = stains(c, pos=["SOX10", "Melan-A"], neg=[], fmt="posfor") + " " + stains(c, pos=["HMB-45"], neg=[], fmt="sent")
        R["parts"] = [(R["spec"][0], [c.d("Invasive malignant melanoma, superficial spreading type", "8720/3:a"), "Breslow thickness 1.4 mm, Clark level IV, pT2a", c.d("Margins clear of melanoma (closest peripheral 4 mm)", "8720/3:n")])]
        R["synoptic"] = [("Histologic Type", "Superficial spreading melanoma"), ("Breslow Thickness", "1.4 mm"), ("Ulceration", "Not identified"), ("Mitotic Rate", "3/mm2")]
    else:
        R["micro"] = "The node is largely replaced by sheets of epithelioid cells with prominent nucleoli and melanin pigment."
        R["ihc"] = stains(c, pos=["SOX10", "S100", "HMB-45", "Melan-A"], neg=["pan-cytokeratin", "CK7"])
        R["parts"] = [(R["spec"][0], [c.d("Metastatic melanoma", "8720/6:a"), "1 of 1 lymph node involved; extranodal extension present"])]
    return R

def colon(c, kind="ta", neg=True, hx=False):
    R = {}
    R["clin"] = c.ch(["Screening colonoscopy.", "Surveillance colonoscopy.", "Positive FIT."])
    if hx:
        if c.rng.random() < .5: R["clin"] += " " + c.d("History of tubular adenomas.", "8211/0:h")
        else: R["clin"] += " " + c.d("Previous tubulovillous adenoma removed 2016.", "8263/0:h")
    if kind in ("ta", "tva", "va"):
        R["spec"] = ["Sigmoid colon polyp, snare polypectomy", "Ascending colon polyp, cold biopsy"]
        R["gross"] = "A. A polyp 1.4 cm on a stalk. B. Two fragments 0.3 and 0.4 cm."
        R["micro"] = "Dysplastic colonic glands with elongated pencillate hyperchromatic nuclei" + ({"ta": " in a tubular architecture.", "tva": "; villous architecture forms ~40% of the polyp.", "va": "; predominantly villous architecture (>80%)."}[kind])
        nm = {"ta": ("Tubular adenoma", "8211/0"), "tva": ("Tubulovillous adenoma", "8263/0"), "va": ("Villous adenoma", "8261/0")}[kind]
        l1 = [c.d(nm[0], f"{nm[1]}:a"), "Negative for high-grade dysplasia"]
        if neg: l1.append(c.d(c.ch(["No evidence of invasive adenocarcinoma", "Negative for adenocarcinoma"]), "8140/3:n"))
        R["parts"] = [("Sigmoid colon polyp, polypectomy", l1), ("Ascending colon polyp, biopsy", [c.d(c.ch(["Tubular adenoma, fragment", "Fragments of tubular adenoma"]), "8211/0:a")])]
    elif kind == "ca":
        R["clin"] = c.d("Sigmoid mass on colonoscopy; biopsy showed adenocarcinoma.", "8140/3:h")
        R["spec"] = ["Sigmoid colon, anterior resection"]
        R["gross"] = "Colon segment 24 cm with an ulcerated circumferential tumor 4.5 cm. 21 lymph nodes identified."
        R["micro"] = "Moderately differentiated adenocarcinoma invading through the muscularis propria into pericolic fat, " + c.d("arising in a tubulovillous adenoma.", "8263/0:a")
        lost = c.ch([(), ("MLH1", "PMS2")])
        R["ihc"] = mmr(c, lost) + " " + stains(c, pos=["CK20"], neg=["CK7"], fmt="inline")
        n = c.rng.randint(0, 3)
        nodes = c.d(f"Metastatic adenocarcinoma in {n} of 21 lymph nodes", "8140/6:a") if n else c.d("Twenty-one lymph nodes negative for metastatic adenocarcinoma (0/21)", "8140/6:n")
        R["parts"] = [(R["spec"][0], [c.d("Adenocarcinoma, moderately differentiated", "8140/3:a"), "Invades pericolic fat (pT3)", nodes, "Margins clear"])]
        R["synoptic"] = [("Histologic Type", c.d("Adenocarcinoma", "8140/3:a")), ("Histologic Grade", "G2"), ("Lymph Nodes", f"{n}/21"), ("MMR", "deficient" if lost else "proficient")]
    elif kind == "liver":
        R["clin"] = c.d("Liver lesions. History of colonic adenocarcinoma 2019.", "8140/3:h")
        R["spec"] = ["Liver, core biopsy"]
        R["gross"] = "Two cores, 1.2 cm each."
        R["micro"] = "Cores show malignant glands with dirty necrosis infiltrating hepatic parenchyma."
        R["ihc"] = stains(c, pos=["CK20"], neg=["CK7", "PAX8"])
        R["parts"] = [(R["spec"][0], [c.d("Metastatic adenocarcinoma, consistent with colorectal primary", "8140/6:a")])]
    elif kind == "gastric":
        R["clin"] = "Gastric ulcer, antrum."
        R["spec"] = ["Stomach, antrum, biopsy"]
        R["gross"] = "Six fragments 0.2-0.5 cm. All in."
        R["micro"] = "Poorly cohesive and gland-forming atypical cells infiltrating the lamina propria."
        c.s("HER2", "equivocal")
        R["ihc"] = c.ch(["HER2 (4B5): equivocal (2+); reflex ISH requested.", "HER2/neu IHC score 2+ (equivocal)."]) + " " + mmr(c, ())
        R["parts"] = [(R["spec"][0], [c.d("Adenocarcinoma, poorly differentiated (intestinal and diffuse type)", "8140/3:a")])]
    return R

def gist(c, kind="resect"):
    R = {}
    R["clin"] = c.ch(["Gastric submucosal mass on EUS.", "Incidental gastric mass, 5 cm.", "Small bowel mass with bleeding."])
    if kind == "biopsy":
        R["spec"] = ["Stomach, EUS-guided FNB"]
        R["gross"] = "Multiple tan cores, all submitted."
        R["micro"] = "Cellular spindle cell proliferation with perinuclear vacuoles and syncytial cytoplasm. No significant atypia."
        R["ihc"] = stains(c, pos=["CD117", "DOG1", "CD34"], neg=["desmin", "S100"])
        R["parts"] = [(R["spec"][0], [c.d("Spindle cell neoplasm, consistent with gastrointestinal stromal tumor (GIST)", "8800/1:a", "8936/3:a")])]
        R["comment"] = "Mitotic count cannot be reliably assessed on this limited sample; risk stratification requires the resection."
    else:
        R["spec"] = ["Stomach, wedge resection"]
        R["gross"] = f"A {c.rng.randint(3, 11)} cm submucosal well-circumscribed tan mass with focal haemorrhage."
        R["micro"] = "Spindle cell GIST with 3 mitoses per 5 mm2. No tumor rupture."
        R["ihc"] = stains(c, pos=["CD117", "DOG1"], neg=["desmin", "S100", "SMA"], fmt=c.ch(["table", "inline", "coord"]))
        R["parts"] = [(R["spec"][0], [c.d("Gastrointestinal stromal tumor, spindle cell type", "8936/3:a"), "Mitotic rate 3/5 mm2; low risk (Miettinen)", c.d("No evidence of leiomyoma or schwannoma morphology", "8890/0:n", "9560/0:n") if c.rng.random() < .3 else "Margins negative"])]
        R["synoptic"] = [("Histologic Type", c.d("Gastrointestinal stromal tumor, spindle cell", "8936/3:a")), ("Mitotic Rate", "3/5 mm2"), ("Risk Assessment", "Low")]
    return R

def leiomyoma_other(c, site="vulva"):
    R = {}
    R["clin"] = "Painless subcutaneous nodule."
    R["spec"] = [f"{site.capitalize()} nodule, excision"]
    R["gross"] = "A firm white nodule 1.8 cm with a whorled cut surface."
    R["micro"] = "Well-circumscribed fascicles of bland smooth muscle cells without atypia, necrosis or mitoses."
    R["ihc"] = stains(c, pos=["desmin", "SMA", "ER", "PR"], neg=["S100", "CD34"])
    R["parts"] = [(R["spec"][0], [c.d("Leiomyoma", "8890/0:a")])]
    return R
