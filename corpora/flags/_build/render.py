"""Style renderers for the synthetic flag corpus (all names, MRNs, accessions invented)."""
import datetime


def _d(s):
    return datetime.date.fromisoformat(s)


def us(s):
    return _d(s).strftime("%m/%d/%Y")


def au(s):
    return _d(s).strftime("%d/%m/%Y")


def ind(s):
    return _d(s).strftime("%d-%m-%Y")


def _sec(title, body):
    if not body:
        return ""
    return f"{title}\n{body.strip()}\n\n"


def cap(r):
    """US CAP layout: FINAL DIAGNOSIS first. r: dict with inst, acc, pt, sdate, rdate, sections."""
    s = r["sec"]
    kind = r.get("kind", "original")
    title = {
        "original": "SURGICAL PATHOLOGY REPORT",
        "review": "REVIEW OF OUTSIDE SLIDES",
        "consult": "CONSULTATION REPORT",
    }[kind]
    dxh = {"original": "FINAL DIAGNOSIS:", "review": "REVIEW DIAGNOSIS:", "consult": "CONSULTATION DIAGNOSIS:"}[kind]
    coll = us(r["sdate"]) if r.get("sdate") else "not stated"
    out = f"{r['inst'].upper()} - ANATOMIC PATHOLOGY\n{title}\n"
    out += f"Accession #: {r['acc']}      Collected: {coll}      Signed: {us(r['rdate'])}\n"
    out += f"Patient: {r['pt']}\n"
    if s.get("material"):
        out += s["material"].strip() + "\n"
    out += "\n"
    out += _sec(dxh, s.get("dx"))
    out += _sec("SYNOPTIC REPORT:", s.get("syn"))
    out += _sec("COMMENT:", s.get("comment"))
    out += _sec("CLINICAL HISTORY:", s.get("hx"))
    out += _sec("GROSS DESCRIPTION:", s.get("gross"))
    out += _sec("MICROSCOPIC DESCRIPTION:", s.get("micro"))
    out += _sec("IMMUNOHISTOCHEMISTRY:", s.get("ihc"))
    out += f"Electronically signed out by {r['path']}, MD on {us(r['rdate'])}\n"
    return out


def aus(r):
    """Australian layout: CLINICAL NOTES / MACROSCOPY / MICROSCOPY / CONCLUSION."""
    s = r["sec"]
    kind = r.get("kind", "original")
    title = {
        "original": "HISTOPATHOLOGY REPORT",
        "review": "HISTOPATHOLOGY REPORT - REVIEW OF EXTERNAL SLIDES",
        "consult": "HISTOPATHOLOGY REPORT - SECOND OPINION (CONSULTATION)",
    }[kind]
    coll = au(r["sdate"]) if r.get("sdate") else "not stated"
    out = f"{r['inst'].upper()}\nDepartment of Anatomical Pathology\n{title}\n"
    out += f"Lab No: {r['acc']}   Collected: {coll}   Reported: {au(r['rdate'])}\n"
    out += f"Patient: {r['pt']}\n"
    if s.get("material"):
        out += s["material"].strip() + "\n"
    out += "\n"
    out += _sec("CLINICAL NOTES:", s.get("hx"))
    out += _sec("MACROSCOPY:", s.get("gross"))
    out += _sec("MICROSCOPY:", s.get("micro"))
    out += _sec("IMMUNOHISTOCHEMISTRY:", s.get("ihc"))
    out += _sec("CONCLUSION:", s.get("dx"))
    out += _sec("SYNOPTIC SUMMARY:", s.get("syn"))
    out += _sec("COMMENT:", s.get("comment"))
    out += f"Reported by Dr {r['path']}, FRCPA\n"
    return out


def india(r):
    """Indian-hospital layout: HP No., UHID, Clinical details, Gross, Microscopy, IHC, Impression."""
    s = r["sec"]
    kind = r.get("kind", "original")
    title = {
        "original": "HISTOPATHOLOGY REPORT",
        "review": "HISTOPATHOLOGY REPORT - SLIDE REVIEW / SECOND OPINION",
        "consult": "HISTOPATHOLOGY CONSULTATION REPORT",
    }[kind]
    out = f"{r['inst'].upper()}\nDEPARTMENT OF PATHOLOGY\n{title}\n"
    out += f"HP No.: {r['acc']}      UHID: {r['mrn']}      Date: {ind(r['rdate'])}\n"
    out += f"Name: {r['pt']}      Ref. by: {r['ref']}\n"
    if r.get("sdate"):
        out += f"Date of receipt: {ind(r['sdate'])}\n"
    if s.get("material"):
        out += s["material"].strip() + "\n"
    out += "\n"
    out += _sec("Specimen:", s.get("spec"))
    out += _sec("Clinical details:", s.get("hx"))
    out += _sec("Gross:", s.get("gross"))
    out += _sec("Microscopy:", s.get("micro"))
    out += _sec("IHC:", s.get("ihc"))
    out += _sec("Impression:", s.get("dx"))
    out += _sec("Note:", s.get("comment"))
    out += f"Dr. {r['path']}, MD (Path)\nConsultant Pathologist\n"
    return out


def terse(r):
    """Terse outside summary (scanned)."""
    s = r["sec"]
    coll = ind(r["sdate"]) if r.get("sdate") else "n/s"
    out = f"OUTSIDE PATHOLOGY - summary received from {r['inst']}\n"
    out += f"Outside acc: {r['acc']}   Collected: {coll}   Reported: {ind(r['rdate'])}\n"
    out += f"Pt: {r['pt']}\n"
    for k, lab in (("hx", "Hx"), ("spec", "Spec"), ("gross", "Gross"), ("micro", "Micro"), ("ihc", "IHC"), ("dx", "Dx"), ("comment", "Note")):
        if s.get(k):
            out += f"{lab}: {s[k].strip()}\n"
    out += f"Signed: {r['path']}\n(Scanned summary only; full report and slides held at the outside laboratory.)\n"
    return out


STYLES = {"cap": cap, "au": aus, "india": india, "terse": terse}
