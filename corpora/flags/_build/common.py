REPORTS = []
FLAGS = []
STORIES = {}

SYM = {"+": "positive", "-": "negative", "eq": "equivocal"}
ASS = {"aff": "affirmed", "neg": "negated", "unc": "uncertain", "hist": "historical", "hyp": "hypothetical", "fam": "family"}


def R(pid, rid, rdate, sdate, inst, rtype, style, acc, pt, path, sec, dx="", st="", kind=None, mrn="", ref=""):
    REPORTS.append(dict(pid=pid, rid=rid, rdate=rdate, sdate=sdate, inst=inst, rtype=rtype, style=style,
                        acc=acc, pt=pt, path=path, sec=sec, dx=dx, st=st,
                        kind=kind or (rtype if rtype in ("review", "consult") else "original"), mrn=mrn, ref=ref))


def F(pid, kind, prior, later):
    FLAGS.append({"patient_id": pid, "kind": kind, "prior_report_id": prior, "later_report_id": later})


def S(pid, story, expected):
    STORIES[pid] = (story, expected)
