import sys, json, random, datetime
sys.path.insert(0, __import__("os").path.dirname(__file__))
from lib import *
from render import render
import scen as S

rng = random.Random(20240611)
INST = {"us": ["Northgate General Hospital", "Riverside Regional Laboratory", "Lakeshore University Medical Center", "Mercy Valley Hospital"],
        "au": ["St Brendan's Pathology", "Coastline Pathology Services", "Wattle Grove Histopathology"],
        "in": ["Sanjeevani Multispeciality Hospital", "Shree Ganesh Diagnostic Centre", "Kaveri Institute of Medical Sciences"],
        "out": ["Pinecrest Medical Group", "Outside Community Hospital", "Harbourview Private Clinic"]}
PATH = {"us": ["Daniel R. Whitcombe", "Priya N. Raman", "Gregory T. Halvorsen", "Amara O. Okafor", "Lena Lindqvist"],
        "au": ["Dr E. Thorburn", "Dr K. Marchetti", "Dr J. Nguyen-Baird"],
        "in": ["Dr. S. Apte", "Dr. K. Venkataraman", "Dr. R. Mehrotra"], "out": ["Dr T. Albrecht", "Dr H. Sato"]}
CLIN = {"us": ["Theresa Moore, MD", "Marcus Feld, MD", "Ingrid Solheim, MD"], "au": ["Dr F. Gallagher", "Dr P. Wirth"], "in": ["Dr. V. Deshmukh", "Dr. A. Rathod"], "out": ["Dr B. Cole"]}
FN = {"us": ["ELLEN", "MARGARET", "DIANA", "ROSA", "JUNE", "CAROL", "NADIA"], "au": ["Maeve", "Bronwyn", "Kylie", "Sienna", "Tamsin"], "in": ["Lata", "Sunita", "Meera", "Kavya", "Farida"]}
SN = {"us": ["HARGREAVE", "TOLLIVER", "MENDEZ-RUIZ", "OKONJO", "PETRAKIS", "WINSLOW"], "au": ["Fairweather", "Kowalski", "Tran", "McAllister"], "in": ["Bhosekar", "Iyengar", "Kulkarni", "Shaikh", "Nair"]}
REG = {"cap": "us", "syn": "us", "caps": "us", "au": "au", "india": "in", "terse": "out"}

def D(s): return datetime.date.fromisoformat(s)
reports, gold = [], []
counter = [0]

def make(pid, pinfo, date, style, fn, kw, rtype="original", sdate_off=None, sdate=None, inst=None, title=None):
    base = style.replace("+ocr", "")
    reg = REG[base]
    c = Ctx(random.Random(rng.random()), style)
    R = fn(c, **kw)
    rd = D(date)
    if sdate is None:
        off = rng.randint(1, 5) if sdate_off is None else sdate_off
        sd = rd - datetime.timedelta(days=off)
    else: sd = D(sdate)
    counter[0] += 1
    inst = inst or rng.choice(INST[reg])
    pfx = {"us": "S", "au": "", "in": "HP-", "out": "OS"}[reg]
    acc = f"{pfx}{rd.year % 100:02d}-{rng.randint(1000, 39999):05d}" if reg != "au" else f"{rd.year % 100:02d}-{rng.choice('KLMP')}{rng.randint(1000, 9999)}"
    if pid not in pinfo:
        r2 = reg if reg in FN else rng.choice(["us", "au"])
        pinfo[pid] = dict(pname=(f"{rng.choice(SN[r2])}, {rng.choice(FN[r2])}"), mrn=f"SYN{rng.randint(100000, 999999)}", age0=rng.randint(30, 70), y0=rd.year)
    pi = pinfo[pid]
    sex = "M" if kw.get("_male") else "F"
    m = dict(style=style, ctx=c, sdate=sd, rdate=rd, path=rng.choice(PATH[reg]), inst=inst, acc=acc, pname=pi["pname"], mrn=pi["mrn"],
             age=pi["age0"] + rd.year - pi["y0"], sex=pi.get("sex", "F"), clin=rng.choice(CLIN[reg]))
    text = render(R, m)
    rid = f"DEV-{counter[0]:04d}-{acc}"
    rec = {"patient_id": pid, "report_id": rid, "report_date": rd.isoformat()}
    if not (rtype == "original" and rng.random() < 0.12): rec["specimen_date"] = sd.isoformat()
    rec["institution"] = inst
    if rtype and not (rng.random() < 0.15): rec["report_type"] = rtype
    rec["text"] = text
    reports.append(rec)
    gold.append({"report_id": rid, "diagnoses": [{"icdo3": a, "assertion": b} for a, b in c.dx],
                 "stains": [{"marker": a, "result": b} for a, b in c.st]})
    return rec, acc, inst, sd

PI = {}
pid_n = [0]
def P():
    pid_n[0] += 1; return f"D-{pid_n[0]:04d}"

def timeline(steps):
    pid = P(); out = []
    for st in steps:
        date, style, fn, kw = st[:4]; opt = st[4] if len(st) > 4 else {}
        if "review_of" in opt:
            _, oacc, oinst, osd = out[opt["review_of"]]
            kw = dict(kw, orig_acc=oacc, orig_inst=oinst)
            out.append(make(pid, PI, date, style, fn, kw, rtype=opt.get("rtype", "review"), sdate=osd.isoformat()))
        else:
            out.append(make(pid, PI, date, style, fn, kw, rtype=opt.get("rtype", "original")))
    return pid

# ---------- uterine smooth muscle timelines ----------
timeline([("2012-03-14", "cap", S.hyst_leiomyoma, dict(variant="plain", clin="fib")),
          ("2016-08-02", "cap", S.metastatic_lms, dict(site="lung", clin="lm")),
          ("2016-08-19", "cap", S.review, dict(prior_dx="lm", new="lms"), {"review_of": 0})])
timeline([("2013-05-20", "india", S.hyst_leiomyoma, dict(variant="plain", clin="q")),
          ("2018-11-02", "india", S.biopsy_spindle, dict(site="sacral mass", diff="susp", clin="hx")),
          ("2018-11-15", "india", S.review, dict(prior_dx="lm", new="lms"), {"review_of": 0})])
timeline([("2014-02-11", "au", S.myomectomy, dict(clin="fib")), ("2019-07-30", "au", S.lms_resection, dict(variant="conv", clin="none", bg_lm=True))])
timeline([("2015-09-09", "caps", S.hyst_leiomyoma, dict(variant="cellular", clin="none"))])
timeline([("2011-01-18", "terse", S.hyst_leiomyoma, dict(variant="plain", clin="fib")), ("2017-04-04", "syn", S.lms_resection, dict(variant="conv", clin="biopsy"))])
timeline([("2016-06-06", "cap", S.stump, dict(diff="cannot", clin="none")), ("2020-10-12", "cap", S.metastatic_lms, dict(site="lung", clin="none"))])
timeline([("2017-03-03", "au", S.stump, dict(diff="diff", clin="ro")), ("2021-05-17", "au", S.lms_resection, dict(variant="epi", clin="stump"))])
timeline([("2018-01-22", "india+ocr", S.hyst_leiomyoma, dict(variant="bizarre", clin="ro"))])
timeline([("2019-02-14", "cap", S.hyst_leiomyoma, dict(variant="lipo", clin="none", extra_neg="mal"))])
timeline([("2019-09-25", "caps", S.hyst_leiomyoma, dict(variant="mitact", clin="fam"))])
timeline([("2020-01-08", "au", S.hyst_leiomyoma, dict(variant="plain", clin="ro", extra_neg="lms", stains_on=True))])
timeline([("2015-12-01", "india", S.myomectomy, dict(clin="hx", neg_stump=True)), ("2022-03-09", "india", S.hyst_leiomyoma, dict(variant="plain", clin="fib", extra_neg="both"))])
timeline([("2021-06-21", "cap+ocr", S.biopsy_spindle, dict(site="pelvic mass", diff="lms_stump", clin="none")),
          ("2021-07-12", "syn", S.lms_resection, dict(variant="myx", clin="biopsy"))])
timeline([("2022-02-02", "au", S.biopsy_spindle, dict(site="uterine mass", diff="favor_lm", clin="ro")), ("2022-03-01", "au", S.hyst_leiomyoma, dict(variant="cellular", clin="q"))])
timeline([("2014-10-10", "terse", S.myomectomy, dict(clin="none")), ("2020-04-20", "cap", S.metastatic_lms, dict(site="liver", clin="none")),
          ("2020-05-04", "cap", S.review, dict(prior_dx="lm", new="agree_lm"), {"review_of": 0})])
timeline([("2016-11-11", "terse", S.lms_resection, dict(variant="conv")), ("2017-01-05", "cap", S.review, dict(prior_dx="lmscons", new="agree_lms"), {"review_of": 0, "rtype": "consult"}),
          ("2019-03-18", "india", S.metastatic_lms, dict(site="lung", clin="lms"))])
timeline([("2013-08-08", "caps+ocr", S.hyst_leiomyoma, dict(variant="plain", clin="none", stains_on=True))])
timeline([("2018-05-05", "cap", S.stump, dict(diff="not", clin="none")), ("2018-06-01", "au", S.review, dict(prior_dx="stump", new="lms"), {"review_of": 0, "rtype": "consult"})])
timeline([("2023-02-27", "india", S.leiomyoma_other, dict(site="vulva"))])
timeline([("2012-07-07", "au+ocr", S.myomectomy, dict(clin="none", morcell=True)), ("2015-07-30", "au", S.metastatic_lms, dict(site="lung", clin="lm"))])
# ---------- endometrial stromal ----------
timeline([("2015-04-14", "au", S.ess, dict(kind="nod")), ("2019-09-03", "au", S.review, dict(prior_dx="esn", new="lgess"), {"review_of": 0})])
timeline([("2020-08-18", "cap", S.ess, dict(kind="lg", biopsy=True)), ("2020-09-10", "syn", S.ess, dict(kind="lg"))])
timeline([("2021-11-23", "india", S.ess, dict(kind="hg"))])
# ---------- endometrial carcinoma ----------
timeline([("2014-03-03", "cap", S.myomectomy, dict(clin="fib")), ("2020-12-15", "syn", S.endometrial_ca, dict(kind="endo", lost=("MLH1", "PMS2"), clin_fib=True))])
timeline([("2019-06-13", "au", S.endometrial_ca, dict(kind="serous"))])
timeline([("2021-03-30", "india", S.endometrial_ca, dict(kind="cc"))])
timeline([("2016-02-09", "caps", S.hyst_leiomyoma, dict(variant="plain", clin="fib")), ("2022-07-19", "cap", S.endometrial_ca, dict(kind="cs"))])
timeline([("2023-05-05", "au+ocr", S.endometrial_ca, dict(kind="endo", lost=()))])
# ---------- lipomatous ----------
timeline([("2012-09-19", "cap", S.lipomatous, dict(kind="lipoma")), ("2017-10-23", "cap", S.lipomatous, dict(kind="alt", clin="hx_lip")),
          ("2017-11-06", "cap", S.review, dict(prior_dx="lipoma", new="agree_lm"), {"review_of": 0})] if False else
         [("2012-09-19", "cap", S.lipomatous, dict(kind="lipoma")), ("2017-10-23", "cap", S.lipomatous, dict(kind="alt", clin="hx_lip"))])
timeline([("2014-06-16", "au", S.lipomatous, dict(kind="alt")), ("2020-02-25", "au", S.lipomatous, dict(kind="dd", clin="hx_alt"))])
timeline([("2018-12-12", "india", S.lipomatous, dict(kind="lipoma")), ("2023-01-09", "terse", S.lipomatous, dict(kind="lipoma"))])
timeline([("2021-09-09", "caps", S.lipomatous, dict(kind="dd"))])
# ---------- nerve sheath ----------
timeline([("2013-04-22", "cap", S.nerve_sheath, dict(kind="nf", nf1=True)), ("2018-08-28", "syn", S.nerve_sheath, dict(kind="mpnst", nf1=True))])
timeline([("2016-10-04", "au", S.nerve_sheath, dict(kind="schw")), ("2021-01-26", "au", S.review, dict(prior_dx="schw", new="mpnst"), {"review_of": 0})])
timeline([("2022-10-31", "india+ocr", S.nerve_sheath, dict(kind="schw"))])
# ---------- sarcoma NOS ----------
timeline([("2019-04-08", "cap", S.biopsy_spindle, dict(site="thigh mass", diff="susp", clin="ro")), ("2019-05-02", "syn", S.sarcoma_nos, dict(kind="sp"))])
timeline([("2020-06-30", "india", S.sarcoma_nos, dict(kind="nos"))])
timeline([("2023-03-14", "caps", S.sarcoma_nos, dict(kind="nos"))])
# ---------- phyllodes ----------
timeline([("2013-02-05", "au", S.phyllodes, dict(grade="benign")), ("2016-07-12", "au", S.phyllodes, dict(grade="border", hx="benign")),
          ("2019-10-01", "au", S.phyllodes, dict(grade="mal", hx="border"))])
timeline([("2017-05-23", "cap", S.phyllodes, dict(grade="benign")), ("2017-06-15", "cap", S.review, dict(prior_dx="benphy", new="agree_lm"), {"review_of": 0})] if False else
         [("2017-05-23", "cap", S.phyllodes, dict(grade="benign"))])
timeline([("2020-11-17", "india", S.phyllodes, dict(grade="border"))])
# ---------- melanocytic ----------
timeline([("2014-01-14", "cap", S.melanocytic, dict(kind="nevus", fam=True)), ("2018-02-20", "cap", S.melanocytic, dict(kind="mel")),
          ("2021-04-13", "syn", S.melanocytic, dict(kind="ln"))])
timeline([("2015-08-25", "au", S.melanocytic, dict(kind="dys")), ("2019-12-03", "au", S.review, dict(prior_dx="nevus", new="melanoma"), {"review_of": 0})])
timeline([("2020-03-17", "caps", S.melanocytic, dict(kind="nevus", hx=True))])
timeline([("2022-06-07", "terse", S.melanocytic, dict(kind="mel")), ("2023-08-22", "cap+ocr", S.melanocytic, dict(kind="ln"))])
timeline([("2021-10-05", "india", S.melanocytic, dict(kind="dys", fam=True))])
# ---------- colorectal / GI ----------
timeline([("2012-11-27", "cap", S.colon, dict(kind="ta", neg=True)), ("2016-12-06", "cap", S.colon, dict(kind="tva", hx=True)),
          ("2019-01-29", "syn", S.colon, dict(kind="ca"))])
timeline([("2015-03-10", "au", S.colon, dict(kind="va", neg=True)), ("2020-07-07", "au", S.colon, dict(kind="ca"))])
timeline([("2021-02-16", "caps", S.colon, dict(kind="liver"))])
timeline([("2018-09-11", "india", S.colon, dict(kind="gastric"))])
timeline([("2022-01-25", "cap+ocr", S.colon, dict(kind="ta", neg=False, hx=True))])
timeline([("2017-08-15", "cap", S.gist, dict(kind="biopsy")), ("2017-09-19", "syn", S.gist, dict(kind="resect"))])
timeline([("2019-11-26", "au", S.gist, dict(kind="resect"))])
timeline([("2023-04-18", "india+ocr", S.gist, dict(kind="biopsy"))])
timeline([("2016-05-31", "terse", S.gist, dict(kind="resect")), ("2020-09-29", "caps", S.metastatic_lms, dict(site="liver", clin="none"))])

json.dump({"reports": reports, "gold": gold, "npat": pid_n[0]}, open("" + __import__("os").path.join(__import__("os").path.dirname(__file__), "gen.json") + "", "w"))
print(len(reports), "generated reports;", pid_n[0], "patients")
