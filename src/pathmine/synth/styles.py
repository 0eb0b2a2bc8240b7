"""Report layouts: one content ``Spec`` rendered in an institution's house style.

Styles: US CAP (``cap``: FINAL DIAGNOSIS first, part letters), CAP with a synoptic checklist
(``synoptic``), Australian (``au``: CLINICAL NOTES / MACROSCOPY / MICROSCOPY / CONCLUSION),
Indian hospital (``india``: Clinical details / Gross / Microscopy / IHC / Impression) and
terse outside summaries (``terse``: Hx / Micro / IHC / Dx lines). Any style may be printed in
ALL CAPS or carry light OCR noise (barcodes, page breaks, misread letters in filler text).
Section headers are always ones the pipeline's sectionizer knows, so a gold assertion that
depends on the section (history → historical, gross → not a diagnosis) stays true.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from random import Random

from pathmine.synth.catalog import Frag

STYLES: tuple[str, ...] = ("cap", "synoptic", "au", "india", "terse")


@dataclass
class Part:
    label: str
    lines: list[Frag]


@dataclass
class Spec:
    """Everything a report says, before layout. Gold = the union of its fragments' gold."""

    report_id: str
    accession: str
    style: str
    institution: str
    report_type: str
    report_date: date
    specimen_date: date
    patient: tuple[str, str, int, str]  # display name, MRN, age, sex
    pathologist: str
    history: list[Frag] = field(default_factory=list)
    specimen: list[str] = field(default_factory=list)
    gross: list[str] = field(default_factory=list)
    micro: list[Frag] = field(default_factory=list)
    ihc: list[Frag] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    comment: list[Frag] = field(default_factory=list)
    synoptic: list[Frag] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)  # review / addendum / amendment heading
    dx_header: str = ""  # e.g. REVIEW DIAGNOSIS, AMENDED DIAGNOSIS; default per style
    caps: bool = False
    ocr: bool = False

    def frags(self) -> list[Frag]:
        out = [*self.history, *self.micro, *self.ihc, *self.comment, *self.synoptic]
        for part in self.parts:
            out.extend(part.lines)
        return out


def _us(d: date) -> str:
    return d.strftime("%m/%d/%Y")


def _au(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def _in(d: date) -> str:
    return d.strftime("%d-%m-%Y")


_OCR_SUBS = (
    ("the ", "tbe "),
    ("tissue", "tlssue"),
    ("sections", "secti ons"),
    ("received", "rece ived"),
    ("measuring", "rneasuring"),
    ("cm", "crn"),
)


def _noisy(text: str, rng: Random) -> str:
    """Misread letters in filler text (never in diagnosis, stain or criteria sentences)."""
    for old, new in _OCR_SUBS:
        if old in text and rng.random() < 0.35:
            text = text.replace(old, new, 1)
    return text


def _wrap(text: str, width: int = 92) -> str:
    """Hard-wrap a paragraph like a printed report (filler paragraphs only)."""
    words = text.split(" ")
    lines: list[str] = []
    line = ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return "\n".join(lines)


def _lines(frags: list[Frag]) -> list[str]:
    return [f.text for f in frags]


def _join_sentences(frags: list[Frag]) -> str:
    return " ".join(f.text for f in frags)


def render(spec: Spec, rng: Random) -> str:
    """The report text of ``spec`` in its style (deterministic given ``rng``)."""
    gross = [_noisy(g, rng) if spec.ocr else g for g in spec.gross]
    body = {
        "cap": _cap,
        "synoptic": _cap,
        "au": _au_style,
        "india": _india,
        "terse": _terse,
    }[spec.style](spec, gross, rng)
    if spec.ocr:
        lines = body.split("\n")
        barcode = f"||| {rng.randint(10**6, 10**7 - 1)} |||"
        lines.insert(0, barcode)
        # A page break between two sections (never inside a diagnosis block).
        blanks = [i for i, line in enumerate(lines) if not line.strip()]
        if len(blanks) > 3:
            at = blanks[len(blanks) // 2]
            lines[at:at] = ["", "--- Page 1 of 2 ---", barcode]
        body = "\n".join(lines)
    if spec.caps:
        body = body.upper()
    return body.rstrip("\n") + "\n"


def _head_lines(spec: Spec, fmt: str) -> list[str]:
    return list(spec.preamble)


def _cap(spec: Spec, gross: list[str], rng: Random) -> str:
    name, mrn, age, sex = spec.patient
    out = [
        spec.institution.upper(),
        "DEPARTMENT OF PATHOLOGY AND LABORATORY MEDICINE",
        "SURGICAL PATHOLOGY REPORT",
        "",
        f"Accession #: {spec.accession:<20} Collected: {_us(spec.specimen_date)}"
        f"   Signed out: {_us(spec.report_date)}",
        f"Patient: {name:<24} MRN: {mrn}   Age: {age}   Sex: {sex}",
        f"Attending: Dr. {rng.choice(('K. Osei', 'M. Laurent', 'T. Becker', 'H. Sato'))}",
        "",
    ]
    out += _head_lines(spec, "us")
    if spec.preamble:
        out.append("")
    upper = rng.random() < 0.5
    out.append(f"{spec.dx_header or 'FINAL DIAGNOSIS'}:")
    for i, part in enumerate(spec.parts):
        letter = chr(ord("A") + i % 26)
        out.append(f"{letter}. {part.label.upper()}:")
        for line in part.lines:
            out.append(f"   - {line.text.upper() if upper else line.text}")
        out.append("")
    if spec.comment:
        out += ["COMMENT:", _join_sentences(spec.comment), ""]
    if spec.history:
        out += ["CLINICAL HISTORY:", *_lines(spec.history), ""]
    if spec.specimen:
        out.append("SPECIMENS SUBMITTED:")
        out += [f"{chr(ord('A') + i % 26)}: {s}" for i, s in enumerate(spec.specimen)]
        out.append("")
    if gross:
        out += ["GROSS DESCRIPTION:", *[_wrap(g) for g in gross], ""]
    if spec.micro:
        out += ["MICROSCOPIC DESCRIPTION:", *_lines(spec.micro), ""]
    if spec.ihc:
        out += ["IMMUNOHISTOCHEMISTRY:", *_lines(spec.ihc), ""]
    if spec.synoptic:
        out += ["SYNOPTIC REPORT:", *_lines(spec.synoptic), ""]
    out += [
        "Controls stain appropriately. These tests were developed and their performance "
        "characteristics determined by the laboratory; they have not been cleared by the FDA.",
        "",
        f"CPT codes: 88307, 88305{', 88342, 88341 x' + str(len(spec.ihc)) if spec.ihc else ''}."
        "  Fixative: 10% neutral buffered formalin.",
        "",
        "Disclaimer: this report is intended for the ordering provider. Interpretation should "
        "take into account the clinical and radiological findings; discrepancies should be "
        "discussed with the reporting pathologist, who can be reached through the laboratory.",
        "",
        f"I attest that I personally reviewed the slides. Electronically signed out by "
        f"{spec.pathologist} on {_us(spec.report_date)}.",
    ]
    return "\n".join(out)


def _au_style(spec: Spec, gross: list[str], rng: Random) -> str:
    name, mrn, age, sex = spec.patient
    out = [
        spec.institution.upper(),
        "ANATOMICAL PATHOLOGY REPORT",
        f"Lab No: {spec.accession}   Collected: {_au(spec.specimen_date)}"
        f"   Reported: {_au(spec.report_date)}",
        f"Patient: {name}   UR: {mrn}   Age: {age}   Sex: {sex}",
        "",
    ]
    out += _head_lines(spec, "au")
    if spec.preamble:
        out.append("")
    if spec.history:
        out += ["CLINICAL NOTES:", *_lines(spec.history), ""]
    if gross:
        out.append("MACROSCOPY:")
        for i, g in enumerate(gross):
            out.append(_wrap(f"{i + 1}. {g}" if len(spec.parts) > 1 else g))
        out.append("")
    if spec.micro or spec.ihc:
        out.append("MICROSCOPY:")
        out += _lines(spec.micro)
        if spec.ihc:
            out.append("Immunohistochemistry:")
            out += _lines(spec.ihc)
        out.append("")
    out.append(f"{spec.dx_header or 'CONCLUSION'}:")
    for i, part in enumerate(spec.parts):
        prefix = f"{i + 1}. " if len(spec.parts) > 1 else ""
        first, *rest = part.lines or [Frag("See comment.")]
        out.append(f"{prefix}{part.label}: {first.text}")
        out += [f"   {line.text}" for line in rest]
    out.append("")
    if spec.synoptic:
        out += ["SYNOPTIC SUMMARY:", *_lines(spec.synoptic), ""]
    if spec.comment:
        out += ["COMMENT:", _join_sentences(spec.comment), ""]
    out.append(f"Reported by Dr {spec.pathologist.replace(', MD', '')}, FRCPA")
    out += [
        "",
        "This report has been electronically authorised. Copies to the requesting "
        "practitioner and the patient's nominated general practitioner.",
        "NATA/RCPA accredited laboratory. Page 1 of 1.",
    ]
    return "\n".join(out)


def _india(spec: Spec, gross: list[str], rng: Random) -> str:
    name, mrn, age, sex = spec.patient
    title = "Mrs." if sex == "F" else "Mr."
    out = [
        f"{spec.institution.upper()} - DEPARTMENT OF PATHOLOGY",
        "HISTOPATHOLOGY REPORT",
        "",
        f"HP No.: {spec.accession}        Date received: {_in(spec.specimen_date)}"
        f"      Date reported: {_in(spec.report_date)}",
        f"Patient: {title} {name} ({sex}/{age})   UHID: {mrn}",
        f"Referring doctor: Dr {rng.choice(('S. Kulkarni', 'A. Rathod', 'V. Rao', 'N. Das'))}",
        "",
    ]
    out += _head_lines(spec, "in")
    if spec.preamble:
        out.append("")
    if spec.history:
        out += ["Clinical details:", *_lines(spec.history), ""]
    if spec.specimen:
        out += ["Specimen:", *spec.specimen, ""]
    if gross:
        out += ["Gross:", *[_wrap(g) for g in gross], ""]
    if spec.micro:
        out += ["Microscopy:", *_lines(spec.micro), ""]
    if spec.ihc:
        out += ["IHC:", *_lines(spec.ihc), ""]
    out.append(f"{spec.dx_header or 'Impression'}:")
    for part in spec.parts:
        first, *rest = part.lines or [Frag("See note.")]
        out.append(f"{part.label} - {first.text}")
        out += [f"- {line.text}" for line in rest]
    out.append("")
    if spec.comment:
        out += ["Note:", _join_sentences(spec.comment), ""]
    out += [
        "Slides and blocks will be retained for 10 years. Kindly correlate clinically and "
        "radiologically. This report is not valid for medico-legal purposes.",
        "",
        f"Dr {spec.pathologist.replace(', MD', '')}, MD (Path)",
        "Consultant Pathologist",
        "*** End of report ***",
    ]
    return "\n".join(out)


def _terse(spec: Spec, gross: list[str], rng: Random) -> str:
    out = [
        f"OUTSIDE PATHOLOGY - summary of report {spec.accession} ({spec.institution}), "
        f"specimen {spec.specimen_date.isoformat()}",
    ]
    out += _head_lines(spec, "terse")
    if spec.history:
        out.append("Hx: " + _join_sentences(spec.history))
    if spec.specimen:
        out.append("Specimen: " + "; ".join(spec.specimen))
    if gross:
        out.append("Gross: " + gross[0])
    if spec.micro:
        out.append("Micro: " + _join_sentences(spec.micro))
    if spec.ihc:
        out.append(
            "IHC: " + " ".join(f.text if f.text.endswith(".") else f.text + ";" for f in spec.ihc)
        )
    for part in spec.parts:
        out.append(f"Dx: {part.label}: " + " ".join(f.text for f in part.lines))
    if spec.comment:
        out.append("Comment: " + _join_sentences(spec.comment))
    out.append(f"Signed: {spec.pathologist}, {spec.report_date.isoformat()}")
    return "\n".join(out)
