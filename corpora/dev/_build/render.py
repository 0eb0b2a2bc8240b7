from lib import *

def parts_text(style, parts):
    out = []
    for i, (hdr, lines) in enumerate(parts):
        L = chr(65 + i)
        if style in ("cap", "syn"):
            out.append(f"{L}. {hdr.upper()}:")
            out += [f"   - {l.upper()}" for l in lines]
        elif style == "caps":
            out.append(f"{L}) {hdr}:")
            out += [f"   {l}" for l in lines]
        elif style == "au":
            out.append(f"{i+1}. {hdr}:")
            out += [f"- {l}" for l in lines]
        elif style == "india":
            if len(lines) == 1: out.append(f"{hdr} - {lines[0]}")
            else:
                out.append(f"{hdr}:"); out += [f"  {j+1}. {l}" for j, l in enumerate(lines)]
        else:  # terse
            out.append(f"{hdr}: " + "; ".join(lines))
    return "\n".join(out)

def render(R, m):
    style = m["style"].replace("+ocr", "")
    c = m["ctx"]
    sd = m.get("sdate") or m["rdate"]
    rd = m["rdate"]
    D = lambda d: fmt_date(d, style)
    pth = m["path"]
    sec = []
    if style in ("cap", "syn", "caps"):
        sec.append(f"{m['inst'].upper()} - {c.ch(['ANATOMIC PATHOLOGY', 'DEPARTMENT OF PATHOLOGY', 'SURGICAL PATHOLOGY'])}")
        sec.append(R.get("title", "SURGICAL PATHOLOGY REPORT"))
        sec.append(f"Accession #: {m['acc']}      Collected: {D(sd)}      Signed: {D(rd)}")
        sec.append(f"Patient: {m['pname'].upper()}    MRN: {m['mrn']}    Age/Sex: {m['age']}/F" if m['sex']=="F" else f"Patient: {m['pname'].upper()}    MRN: {m['mrn']}    Age/Sex: {m['age']}/M")
        sec.append(f"Submitting physician: {m['clin']}\n")
        if R.get("prefix"): sec.append(R["prefix"] + "\n")
        order = ["dx", "comment", "clin", "spec", "gross", "micro", "ihc", "synoptic", "addendum"] if style != "caps" else ["clin", "spec", "gross", "micro", "ihc", "dx", "comment", "synoptic", "addendum"]
        hdr = {"dx": "FINAL DIAGNOSIS:" if style != "caps" else "DIAGNOSIS:", "comment": "COMMENT:", "clin": "CLINICAL HISTORY:",
               "spec": "SPECIMEN(S) SUBMITTED:", "gross": "GROSS DESCRIPTION:", "micro": "MICROSCOPIC DESCRIPTION:",
               "ihc": "IMMUNOHISTOCHEMISTRY:", "synoptic": "SYNOPTIC REPORT (CAP PROTOCOL):", "addendum": "ADDENDUM:"}
        for k in order:
            if k == "dx":
                sec.append(hdr[k]); sec.append(parts_text(style, R["parts"]) + "\n")
            elif k == "spec" and R.get("spec"):
                sec.append(hdr[k]); sec += [f"{chr(65+i)}. {s}" for i, s in enumerate(R["spec"])]; sec.append("")
            elif k == "synoptic" and R.get("synoptic"):
                sec.append(hdr[k]); sec += [f"{a}: {b}" for a, b in R["synoptic"]]; sec.append("")
            elif R.get(k) and k not in ("spec", "synoptic"):
                sec.append(hdr[k]); sec.append(R[k] + "\n")
        sec.append(f"Fixation: 10% neutral buffered formalin; cold ischemia time {c.rng.randint(5, 55)} min; fixation time {c.rng.randint(8, 48)} h.")
        if R.get("ihc"): sec.append("Immunohistochemical stains were performed with appropriate positive and negative controls, which stained appropriately. These tests were developed and their performance characteristics determined by this laboratory.")
        sec.append(f"CPT: 88{c.ch(['305', '307', '309'])} x{c.rng.randint(1, 3)}" + (f", 88342 x1, 88341 x{c.rng.randint(1, 6)}" if R.get("ihc") else ""))
        sec.append(c.ch(["I have personally reviewed the slides and rendered the final diagnosis.", "Diagnosis based on gross and microscopic examination.", "The attending pathologist attests that he/she has examined the slides and agrees with the diagnosis."]) )
        sec.append(f"Electronically signed out by {pth}, MD on {D(rd)} {c.rng.randint(8,17):02d}:{c.rng.randint(0,59):02d}")
        text = "\n".join(sec)
        if style == "caps": text = text.upper()
    elif style == "au":
        sec.append(m["inst"].upper()); sec.append(R.get("title_au", "HISTOPATHOLOGY") + f"                              Lab No: {m['acc']}")
        sec.append(f"Patient: {m['pname']}    UR: {m['mrn']}    Sex: {m['sex']}")
        sec.append(f"Collected: {D(sd)}   Reported: {D(rd)}\nRequesting Dr: {m['clin']}\n")
        if R.get("prefix"): sec.append(R["prefix"] + "\n")
        if R.get("clin"): sec += ["CLINICAL NOTES:", R["clin"] + "\n"]
        if R.get("gross"): sec += ["MACROSCOPY:", R["gross"] + "\n"]
        if R.get("micro") or R.get("ihc"):
            sec += ["MICROSCOPY:", (R.get("micro", "") + ("\n" + R["ihc"] if R.get("ihc") else "")).strip() + "\n"]
        if R.get("synoptic"): sec += ["SYNOPTIC SUMMARY:"] + [f"{a}: {b}" for a, b in R["synoptic"]] + [""]
        sec += [c.ch(["CONCLUSION:", "DIAGNOSIS:", "SUMMARY DIAGNOSIS:"]), parts_text("au", R["parts"]) + "\n"]
        if R.get("comment"): sec += ["COMMENT:", R["comment"] + "\n"]
        if R.get("addendum"): sec += ["SUPPLEMENTARY REPORT:", R["addendum"] + "\n"]
        sec.append(f"Reported by {pth}, FRCPA      {D(rd)}")
        sec.append(f"Specimen received in laboratory {D(sd)} at {c.rng.randint(8, 17):02d}{c.ch(['05', '20', '35', '50'])} hours. All tests on this request have now been completed.")
        sec.append(f"Enquiries regarding this report: please phone (0{c.rng.randint(2, 8)}) {c.rng.randint(8000, 9899)} {c.rng.randint(1000, 9999)} and quote the lab number. NATA accredited laboratory.")
        text = uk("\n".join(sec))
    elif style == "india":
        sec.append(m["inst"].upper()); sec.append("DEPARTMENT OF PATHOLOGY\n"); sec.append(R.get("title_in", "HISTOPATHOLOGY REPORT"))
        sec.append(f"HP No.: {m['acc']}        Name: {m['pname']}        Age/Sex: {m['age']} Yrs/{m['sex']}")
        sec.append(f"UHID: {m['mrn']}        Ref. by: {m['clin']}        Date: {D(rd)}\n")
        if R.get("prefix"): sec.append(R["prefix"] + "\n")
        if R.get("spec"): sec.append("Specimen: " + "; ".join(R["spec"]) + "\n")
        if R.get("clin"): sec.append("Clinical details: " + R["clin"] + "\n")
        if R.get("gross"): sec.append("Gross: " + R["gross"] + "\n")
        if R.get("micro"): sec.append("Microscopy: " + R["micro"] + "\n")
        if R.get("ihc"): sec.append("IHC: " + R["ihc"] + "\n")
        if R.get("synoptic"): sec += [f"{a}: {b}" for a, b in R["synoptic"]] + [""]
        sec.append("Impression:\n" + parts_text("india", R["parts"]) + "\n")
        if R.get("comment"): sec.append("Note: " + R["comment"] + "\n")
        if R.get("addendum"): sec.append("ADDENDUM: " + R["addendum"] + "\n")
        sec.append(f"Sample received on: {D(sd)}    Reported on: {D(rd)}")
        sec.append("Note: This report is subject to clinical correlation. Blocks and slides are retained for 10 years and are available for review on request.")
        sec.append(f"{pth}, MD (Path)\nConsultant Pathologist\n*** End of Report ***\nThis is an electronically generated report. NABL accredited laboratory. Reg. No. SYN/{c.rng.randint(1000, 9999)}")
        text = uk("\n".join(sec))
    else:  # terse outside summary
        sec.append(f"OUTSIDE PATHOLOGY - {c.ch(['summary transcribed from faxed report', 'abstracted outside report', 'outside report (summary)'])}")
        sec.append(f"Source: {m['inst']}   Outside #: {m['acc']}   Date of procedure: {D(sd)}")
        if R.get("clin"): sec.append("Hx: " + R["clin"])
        sec.append("Dx: " + parts_text("terse", R["parts"]))
        if R.get("micro"): sec.append("Micro: " + R["micro"])
        if R.get("ihc"): sec.append("IHC: " + R["ihc"])
        if R.get("comment"): sec.append("Note: " + R["comment"])
        if R.get("addendum"): sec.append("Addendum: " + R["addendum"])
        sec.append(f"Signed: {pth}")
        text = "\n".join(sec)
    if m["style"].endswith("+ocr"): text = ocrize(text, c)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"

def ocrize(text, c):
    rng = c.rng
    lines = text.split("\n")
    out = [f"||| {rng.randint(1000000, 9999999)} |||"]
    for i, ln in enumerate(lines):
        ln = ln.replace(" the ", c.ch([" tbe ", " the ", " the "])).replace("sections", c.ch(["secti ons", "sections"])).replace("tissue", c.ch(["tlssue", "tissue"]))
        if len(ln) > 66 and rng.random() < 0.6:
            cut = ln.rfind(" ", 30, 60)
            if cut > 0: ln = ln[:cut] + "\n" + ln[cut+1:]
        out.append(ln)
        if i == len(lines) // 2:
            out.append(f"--- Page 1 of 2 ---   ||| {rng.randint(1000000, 9999999)} |||   CONTINUED")
    return "\n".join(out)
