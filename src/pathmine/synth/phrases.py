"""Sentence builders that carry their own gold: diagnoses with an assertion, stain panels,
histologic criteria. Each returns a ``Frag`` whose gold is what the sentence states under the
annotation conventions in ``corpora/dev/README.md``.

``safe=True`` picks the phrasings the pipeline is known to read correctly; planted flag
evidence uses them so the benchmark measures the flag rules, not a known NLP weakness.
"""

from __future__ import annotations

from random import Random

from pathmine.synth.catalog import MARKER_FORMS, OCR_MARKER_FORMS, Entity, Frag


def cap1(text: str) -> str:
    return text[:1].upper() + text[1:]


def name_of(entity: Entity, rng: Random, *, safe: bool = False) -> str:
    """A surface form. ``safe`` avoids "term (ABBR)": the pipeline reads the bracketed
    abbreviation as a second mention outside the cue's scope (e.g. "Mother had malignant
    peripheral nerve sheath tumor (MPNST)" gives a family and a historical mention)."""
    names = [n for n in entity.names if "(" not in n] if safe else entity.names
    return rng.choice(names or entity.names)


def diagnosis(
    entity: Entity,
    assertion: str,
    rng: Random,
    *,
    metastatic: bool = False,
    size: float | None = None,
    safe: bool = False,
    trap: bool = False,
) -> Frag:
    """One diagnosis line in a diagnostic section (final diagnosis, conclusion, impression)."""
    term = name_of(entity, rng, safe=safe)
    code = entity.metastatic_code() if metastatic else entity.code
    if metastatic:
        term = rng.choice(("Metastatic {t}", "Metastatic {t}")).format(t=term)
    sized = f", {size:.1f} cm" if size else ""
    if assertion == "affirmed":
        forms = [f"{cap1(term)}{sized}."]
        if not safe:
            forms += [
                f"{cap1(term)}{sized} (see comment).",
                f"Consistent with {term}.",
                f"Features are in keeping with {term}{sized}.",
            ]
    elif assertion == "uncertain":
        forms = [f"Suspicious for {term}.", f"Atypical neoplasm, favour {term}."]
        if not safe:
            forms += [
                f"Findings are concerning for {term}.",
                f"Possibly {term}; see comment.",
                f"{cap1(term)} cannot be excluded.",
            ]
    elif assertion == "negated":
        forms = [f"No evidence of {term}.", f"Negative for {term}."]
        if not safe:
            forms += [
                f"No residual {term} identified.",
                f"There is no {term}.",
                f"Not consistent with {term}.",
            ]
            if trap:
                # Read as affirmed by the pipeline (no cue before the term): a known weakness.
                # Callers allow it only where that misreading cannot raise a flag.
                forms.append(f"Criteria for {term} are not met.")
    else:  # pragma: no cover - callers pass only the three diagnostic assertions
        raise ValueError(assertion)
    return Frag(rng.choice(forms), dx=((code, assertion),))


def history(entity: Entity, assertion: str, rng: Random, year: int, *, cued: bool = False) -> Frag:
    """A clinical-history statement. ``cued``: the line carries its own cue, so it reads the
    same outside a recognised history section (terse ``Hx:`` lines)."""
    term = name_of(entity, rng, safe=cued)
    code = entity.code
    if assertion == "historical":
        forms = [f"History of {term} ({year}).", f"Previous {term} resected in {year}."]
        if not cued:
            forms += [
                f"Known {term}, excised in {year}.",
                f"{cap1(term)} diagnosed in {year}, treated elsewhere.",
            ]
    elif assertion == "hypothetical":
        forms = [f"Rule out {term}.", f"R/O {term}.", f"Clinically to rule out {term}."]
        if not cued:
            forms += [f"? {term}", f"Query {term}."]
    elif assertion == "family":
        forms = [
            f"Family history of {term}.",
            f"Mother had {term}.",
            f"Family history: sister treated for {term}.",
        ]
    else:  # pragma: no cover
        raise ValueError(assertion)
    # a clinician's rule-out request or question is uncertain (ANNOTATION.md section 3)
    gold = "uncertain" if assertion == "hypothetical" else assertion
    return Frag(rng.choice(forms), dx=((code, gold),))


# -- stains -----------------------------------------------------------------------------------


def _marker(name: str, rng: Random, ocr: bool) -> str:
    if ocr and name in OCR_MARKER_FORMS and rng.random() < 0.5:
        return rng.choice(OCR_MARKER_FORMS[name])
    return rng.choice(MARKER_FORMS.get(name, (name,)))


def _join(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def stain_panel(
    positive: tuple[str, ...] | list[str],
    negative: tuple[str, ...] | list[str],
    rng: Random,
    *,
    style: str,
    ocr: bool = False,
    ki67: int | None = None,
) -> list[Frag]:
    """An immunostain panel as one or more sentences (coordinated list, table or inline)."""
    pos = list(positive)
    neg = list(negative)
    gold = tuple([(m, "positive") for m in pos] + [(m, "negative") for m in neg])
    pos_t = [_marker(m, rng, ocr) for m in pos]
    neg_t = [_marker(m, rng, ocr) for m in neg]
    frags: list[Frag] = []
    form = rng.choice(
        ("coordinated", "for", "table", "inline") if style != "india" else ("india", "table", "for")
    )
    if not pos_t or not neg_t:
        form = "table" if form in ("coordinated", "for") and rng.random() < 0.3 else form
    if form == "table":
        for m, t in zip(pos + neg, pos_t + neg_t, strict=True):
            result = "Positive" if m in pos else "Negative"
            extra = rng.choice((" (diffuse, strong)", " (patchy)", "", "")) if m in pos else ""
            frags.append(Frag(f"{t}: {result}{extra}", stains=((m, result.lower()),)))
    elif form == "inline":
        bits = [f"{t}+" for t in pos_t] + [f"{t}-" for t in neg_t]
        frags.append(Frag("Immunoprofile: " + ", ".join(bits) + ".", stains=gold))
    elif form == "india":
        bits = [f"{t} +ve" for t in pos_t] + [f"{t} -ve" for t in neg_t]
        frags.append(Frag(", ".join(bits) + ".", stains=gold))
    elif form == "for" or not (pos_t and neg_t):
        parts = []
        if pos_t:
            parts.append(f"positive for {_join(pos_t)}")
        if neg_t:
            parts.append(f"negative for {_join(neg_t)}")
        frags.append(Frag("The tumour cells are " + " and ".join(parts) + ".", stains=gold))
    else:
        adverb = rng.choice(("diffusely ", "strongly ", ""))
        verb = "is" if len(pos_t) == 1 else "are"
        nverb = "is" if len(neg_t) == 1 else "are"
        frags.append(
            Frag(
                f"{_join(pos_t)} {verb} {adverb}positive, while {_join(neg_t)} {nverb} negative.",
                stains=gold,
            )
        )
    if ki67 is not None:
        frags.append(
            Frag(
                rng.choice(
                    (
                        f"Ki-67 proliferation index approximately {ki67}%.",
                        f"MIB-1 labelling index: {ki67}%.",
                    )
                ),
                stains=(("Ki-67", "positive"),),
            )
        )
    return frags


# -- histologic criteria (smooth muscle) ------------------------------------------------------


def criteria(kind: str, rng: Random, *, safe: bool = False) -> list[Frag]:
    """Mitoses / necrosis / atypia sentences.

    ``benign``: none met; ``near``: exactly one met; ``malignant``: all three met;
    ``bwmf``: two or three met (in a sign-out that still says leiomyoma).
    """
    low = rng.randint(1, 4)
    mit_low = Frag(
        rng.choice(
            (f"Mitoses number {low}/10 HPF.", f"Mitotic count is {low} per 10 high power fields.")
        ),
        feats=(("mitoses_per_10hpf", str(low)),),
    )
    high = rng.randint(11, 25)
    mit_high = Frag(
        rng.choice(
            (
                f"Mitoses up to {high} per 10 HPF.",
                f"Mitotic count: {high}/10 HPF.",
                f"There are {high} mitoses per 10 high power fields.",
            )
        ),
        feats=(("mitoses_per_10hpf", str(high)),),
    )
    nec_no = Frag(
        rng.choice(("No tumour cell necrosis is seen.", "Tumour cell necrosis: not identified.")),
        feats=(("tumor_cell_necrosis", "absent"),),
    )
    # "Tumour cell (coagulative) necrosis" is missed by the necrosis regex: never planted.
    nec_forms = [
        "Areas of coagulative tumour cell necrosis are seen.",
        "Tumour cell necrosis is present.",
    ]
    if not safe:
        nec_forms.append("Tumour cell (coagulative) necrosis is present.")
    nec_yes = Frag(rng.choice(nec_forms), feats=(("tumor_cell_necrosis", "present"),))
    aty_no = Frag(
        rng.choice(
            ("There is no significant cytologic atypia.", "No nuclear atypia.", "Atypia is mild.")
        ),
        feats=(("atypia", "none"),),
    )
    if aty_no.text == "Atypia is mild.":
        aty_no = Frag("Mild nuclear atypia only.", feats=(("atypia", "mild"),))
    aty_yes = Frag(
        rng.choice(
            (
                "There is diffuse moderate to severe nuclear atypia.",
                "Diffuse moderate nuclear atypia is present.",
                "Diffuse severe cytologic atypia is noted.",
            )
        ),
        feats=(("atypia", "severe diffuse"),),
    )
    if "moderate nuclear" in aty_yes.text:
        aty_yes = Frag(aty_yes.text, feats=(("atypia", "moderate diffuse"),))
    if kind == "benign":
        chosen = [mit_low, nec_no, aty_no]
    elif kind == "near":
        chosen = rng.choice(
            ([mit_high, nec_no, aty_no], [mit_low, nec_yes, aty_no], [mit_low, nec_no, aty_yes])
        )
    elif kind == "bwmf":
        chosen = rng.choice(
            (
                [mit_high, nec_yes, aty_no],
                [mit_high, nec_no, aty_yes],
                [mit_low, nec_yes, aty_yes],
                [mit_high, nec_yes, aty_yes],
            )
        )
    else:
        chosen = [aty_yes, mit_high, nec_yes]
    k = rng.randint(0, 1)  # omit a benign 'none' statement sometimes (kind == benign only)
    if kind == "benign" and k:
        chosen = chosen[:2]
    return chosen
