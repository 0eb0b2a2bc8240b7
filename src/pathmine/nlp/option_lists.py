"""Printed option lists of a form: a numbered column of entity names ("13. Small cell
carcinoma", "14. Mature teratoma", ... "22. Others") from which the form selects one value
elsewhere ("Histologic type: 2"). Printed options are not mentions (ANNOTATION.md section 1);
only the selected value is.

A run of numbered short lines is a printed option list when it is long (at least
``MIN_LINES``), several of its lines name a diagnosis, and it is numbered like a form rather
than like a report's own diagnosis list: past ``MIN_HIGHEST`` or with an "Other(s)" option. A
report's numbered final diagnosis ("1. Leiomyoma / 2. Adenomyosis / 3. Chronic cervicitis")
is short, starts at 1 and has no "Others".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_LINES = 5
MIN_WITH_DIAGNOSIS = 3
MIN_HIGHEST = 10
MAX_ITEM_WORDS = 8

# a numbered line: "13. Small cell carcinoma", "1. Endometriosis. 12. Undifferentiated
# Carcinoma" (two options on one OCR line); no colon (a label line is a field, not an option)
_NUMBERED = re.compile(r"^[ \t]*(?P<n>\d{1,2})[ \t]*[.)][ \t]*(?P<item>[^\n:]{2,80}?)[ \t]*$", re.M)
_NUMBER = re.compile(r"(?:^|[.\s])(\d{1,2})[ \t]*[.)]")
_OTHERS = re.compile(r"^\W*others?\b", re.IGNORECASE)


def option_list_spans(text: str, mention_starts: Sequence[int]) -> list[tuple[int, int]]:
    """(start, end) of every printed option list in ``text``, given the diagnosis mentions'
    start offsets."""
    runs: list[list[re.Match[str]]] = []
    for m in _NUMBERED.finditer(text):
        if runs and text.count("\n", runs[-1][-1].end(), m.start()) == 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    spans = []
    for run in runs:
        if len(run) < MIN_LINES:
            continue
        if any(len(m.group("item").split()) > MAX_ITEM_WORDS for m in run):
            continue
        numbers = [int(n) for m in run for n in _NUMBER.findall(m.group(0))]
        numbered_like_a_form = max(numbers, default=0) >= MIN_HIGHEST or any(
            _OTHERS.match(m.group("item")) for m in run
        )
        if not numbered_like_a_form:
            continue
        with_diagnosis = sum(
            1 for m in run if any(m.start() <= s < m.end() for s in mention_starts)
        )
        if with_diagnosis >= MIN_WITH_DIAGNOSIS:
            spans.append((run[0].start(), run[-1].end()))
    return spans
