"""A regex tokenizer for pathology prose, several times faster than spaCy's rule tokenizer.

spaCy's tokenizer was the largest single cost of the pipeline (about 3 ms for a 1.2 KB
report, more than all matchers together). Pathology text needs only a few decisions, made
here in one compiled regex, and ``Doc(vocab, words, spaces)`` builds the document in C:

* hyphens split words ("well-differentiated", "desmin-positive", "CD10-") except before a
  digit ("Ki-67", "HHF-35", "S-100") or after a single letter ("h-caldesmon", "α-SMA");
* "/" "+" "%" "(" ")" and other punctuation are tokens of their own ("AE1/AE3", "desmin+",
  "CD10(-)", "30%");
* a comma right after a sentence end or header colon (".,SPECIMEN:,") is a flattened line
  break and becomes a newline token;
* a period stays on known abbreviations ("vs.", "Dr.", "approx.") and inside numbers ("2.4");
* clitics split as in spaCy ("patient's", "don't", "cannot" → "can" "not");
* whitespace follows spaCy: one space after a token is its trailing whitespace; any other
  run (line breaks, extra spaces) is a token, so the sentencizer can see line structure —
  except a single line break that merely wraps a phrase ("suspicious for malignant
  peripheral\nnerve sheath tumour", an ALL-CAPS line broken mid-phrase), which becomes the
  previous token's trailing space so that terms and cues match across the wrap. The Doc then
  shows a space where the text has a newline: same length, so every offset still points
  into the original text.

Every lexicon and rule phrase is tokenized by this same tokenizer, so matching stays
consistent whatever the choices above.

Each word's lexeme also gets an OCR-folded ``NORM`` (``ocr_norm``): the lexicon matchers
match on it, so the OCR confusions of scanned reports (``0``/``o``, ``1``/``l``/``I``,
``rn``/``m``) meet the lexicon's spelling without a variant per phrase. The norm is set once
per new word type (the vocabulary caches it), not per token.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from spacy.tokens import Doc
from spacy.vocab import Vocab

if TYPE_CHECKING:
    from pathmine.nlp.ocr_fuzzy import FuzzyVocabulary

ABBREVIATIONS = frozenset(
    {
        "vs.",
        "dr.",
        "drs.",
        "approx.",
        "e.g.",
        "i.e.",
        "etc.",
        "no.",
        "nos.",
        "fig.",
        "figs.",
        "mr.",
        "mrs.",
        "ms.",
        "prof.",
        "st.",
        "cf.",
        "ca.",
        "wt.",
        "pt.",
        "hx.",
        "dx.",
        "sp.",
        "spp.",
        "incl.",
        "max.",
        "min.",
        "est.",
        "resp.",
        "al.",
        "b.i.d.",
        # German "V.a." (Verdacht auf: suspected), "Z.n." (Zustand nach: status post), "St.p."
        "v.a.",
        "z.n.",
        "st.p.",
        # Danish/Norwegian sides: "ve. side" (venstre: left), "hø. side" (højre: right)
        "ve.",
        "hø.",
        "hoe.",
    }
)
_TOKEN = re.compile(
    r"""
    \s+
  | (?:[A-Za-z]\.){2,}(?=\s|$|[,;:)])         # e.g. b.i.d.
  | [A-Za-z]{1,6}\.(?=\s|$|[,;:)])            # vs. Dr. (kept only if known, see below)
  | (?:[^\W\d_](?=-\w)-)?                     # single-letter prefix: h-caldesmon, α-SMA
    [^\W_]+(?:[.,](?=\d)\d+)*                 # letters/digits; 2.4, 1,000
    (?:-(?=\d|[lI](?![a-z]))[^\W_]+(?:[.,](?=\d)\d+)*)*  # -digit suffixes: Ki-67, MIB-l (OCR)
  | ['’](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M)\b    # clitics
  | \.{2,}|-{2,}|_{2,}|={2,}|\*{2,}|~{2,}      # runs
  | \S                                         # anything else, one character at a time
    """,
    re.VERBOSE,
)
# the gate for ``FuzzyVocabulary.split_connector``: a word ending in a connector, or starting
# with a preposition, that OCR glued on
_GLUED_CONNECTOR = re.compile(
    r"^(?:[A-Za-z][A-Za-z0-9]{2,}(?:and|for|with|or)|(?:for|with|of|in|and)[A-Za-z][A-Za-z0-9-]{4,})$",
    re.IGNORECASE,
)
_GLUED_PREPOSITION = re.compile(r"^(for|with|of|and|to|in)([A-Z][A-Z0-9]{1,9})$")
# the gate for the three OCR splits below: a lower-case letter or digit before a capital, or
# a word that starts like a joinable modifier and runs long
_NEEDS_SPLIT = re.compile(
    r"[a-z0-9][A-Z]|^(?i:(?:serous|endometr|papillary|squamous|cell|clear|mucinous|metastatic|"
    r"invasive|malignant|smooth|spindle|stromal|cellular|epithelioid|poorly|moderately|well|"
    r"high|low)[a-z]{5,})$|[0-9](?:positive|negative|and)$"
)
# two pathology words OCR joined: a modifier, then a head noun
_JOINED = re.compile(
    r"(?i)^(serous|endometrioid|papillary|squamous|cell|clear|mucinous|metastatic|invasive|"
    r"malignant|smooth|spindle|stromal|cellular|epithelioid|poorly|moderately|well|high|low)"
    r"(carcinoma|adenocarcinoma|carcinomas|sarcoma|leiomyosarcoma|leiomyoma|tumou?r|neoplasm|"
    r"muscle|type|differentiated|grade)$"
)
# a lower-case run of three letters, then a capitalised word of three: "NegativeControls"
# (or a marker name with its result glued on: "P53Positive")
_CAMEL = re.compile(
    r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})|(?<=[A-Za-z0-9]{2})(?=(?:Positive|Negative|POSITIVE|NEGATIVE)$)"
    r"|(?<=[0-9])(?=(?:positive|negative|and)$)"
)
_SPLITS = {
    "cannot": ("can", "not"),
    "CANNOT": ("CAN", "NOT"),
    "Cannot": ("Can", "not"),
    # negations OCR glued to their neighbour ("withno evidence of metastatic carcinoma")
    "withno": ("with", "no"),
    "WITHNO": ("WITH", "NO"),
    "noevidence": ("no", "evidence"),
    "NOEVIDENCE": ("NO", "EVIDENCE"),
    "noreactivity": ("no", "reactivity"),
    "NOREACTIVITY": ("NO", "REACTIVITY"),
    "noimmunoreactivity": ("no", "immunoreactivity"),
    "nostaining": ("no", "staining"),
    "NOSTAINING": ("NO", "STAINING"),
    "noexpression": ("no", "expression"),
    "areno": ("are", "no"),
    "ARENO": ("ARE", "NO"),
    "isno": ("is", "no"),
    "ISNO": ("IS", "NO"),
}


_TRIPLED = re.compile(r"([a-z])\1{2,}")
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_OCR_FOLD = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "j": "l"})


def ocr_norm(word: str) -> str:
    """Lower-case ``word`` with OCR-confusable characters folded together.

    ``0``→``o``, ``1``/``i``/``j``/``|``→``l`` and ``rn``→``m``, and a letter tripled by OCR
    ("celll") written twice, only in words that hold a letter (numbers and signs stay as they
    are). Lexicon phrases get the same folding, so
    "LE1OMYOSARC0MA", "lelomyosarcoma" and "leiomyosarcoma" share one norm, as do
    "rnyogenin" and "myogenin". Folding maps distinct spellings together, never a word onto
    a different lexicon term: the lexicon has no pair of terms that differ only in these.
    """
    # a capital "İ" lower-cases to "i" and a combining dot; Turkish "ı" is an "i" to OCR too
    lower = word.lower().strip().replace("\u0307", "").replace("ı", "i")
    if _GREEK.search(lower):
        # Greek capitals carry no accents: "ΛΕΙΟΜΥΟΣΑΡΚΩΜΑ" and "λειομυοσάρκωμα" share one norm
        lower = "".join(
            c for c in unicodedata.normalize("NFD", lower) if not unicodedata.combining(c)
        ).replace("ς", "σ")
    if lower.isdigit() or not any(c.isalpha() for c in lower):
        return lower
    folded = lower.translate(_OCR_FOLD).replace("rn", "m")
    if len(folded) > 3 and _TRIPLED.search(folded):
        folded = _TRIPLED.sub(r"\1\1", folded)  # "celll": no English word triples a letter
    return folded


class PathologyTokenizer:
    """Callable like spaCy's ``Tokenizer``: text in, ``Doc`` out.

    ``findall`` rather than ``finditer`` saves a match object per token (1.44 → 1.30 ms for a
    2.3 KB report). Tokens cover the text without gaps (every character is ``\\s`` or
    ``\\S``), so offsets are running sums of token lengths.
    """

    def __init__(
        self,
        vocab: Vocab,
        headings: frozenset[str] | None = None,
        fuzzy: FuzzyVocabulary | None = None,
    ) -> None:
        self.vocab = vocab
        self.headings = headings  # section headers (lower case), for ``is_wrap``
        self.fuzzy = fuzzy  # one-edit OCR repairs of long lexicon words (``nlp.ocr_fuzzy``)
        self._normed: set[str] = set()  # word types whose lexeme already has its OCR norm
        self._pieces: dict[str, tuple[str, ...]] = {}  # word -> its tokens (``_word_pieces``)

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        append_space = spaces.append
        append_word = words.append
        pending = ""  # whitespace a wrapped line carried, glued to the next word (see below)

        edits: list[tuple[int, str]] = []  # where the Doc's text differs from ``text``
        breaks = _implicit_breaks(text)
        offset = 0
        for token in _TOKEN.findall(text):
            start = offset
            offset += len(token)
            if token == " ":  # the commonest token, decided first (same rules as below)
                if breaks and start in breaks:
                    # a flattened line break: "... OBX|2|..." in one-line HL7, "... period new
                    # paragraph final diagnosis ..." in dictation (same length, same offsets)
                    append_word("\n")
                    append_space(False)
                    edits.append((start, "\n"))
                elif words and not spaces[-1] and not words[-1].isspace():
                    spaces[-1] = True
                else:
                    append_word(token)
                    append_space(False)
                continue
            first = token[0]
            space = first.isspace()
            glued = False
            if pending and not space:
                token, pending = pending + token, ""  # ``first`` stays the word's own
                glued = True
            if space:
                if token == "\n" and words and is_wrap(text, start, self.headings):
                    spaces[-1] = True
                    edits.append((start, " "))
                    continue
                if (
                    "\n" in token
                    and token != "\n"
                    and token.strip(" \t") == "\n"
                    and words
                    and not spaces[-1]
                    and not words[-1].isspace()
                    and is_wrap(text, start + token.index("\n"), self.headings)
                ):
                    # "PAPILLARY SEROUS \nADENOCARCINOMA": OCR lines end in spaces. One space
                    # trails the word; the rest of the run (the newline read as a space) is
                    # glued before the next word, whose OCR norm ignores it, so the phrase
                    # still matches and the text keeps its length
                    spaces[-1] = True
                    edits.append((start + token.index("\n"), " "))
                    pending = " " * (len(token) - 1)
                    continue
                if first == " " and words and not spaces[-1] and not words[-1].isspace():
                    spaces[-1] = True
                    token = token[1:]
                    if not token:
                        continue
                append_word(token)
                append_space(False)
                continue
            if token == "," and words and words[-1] in (".", ":"):
                # ".,FINAL DIAGNOSIS:," — exports that flatten line breaks into commas
                # (MTSamples-style) glue a comma to a sentence end or a header colon; read it
                # as the line break it was (same length, offsets unchanged).
                append_word("\n")
                append_space(False)
                edits.append((start, "\n"))
                continue
            if not glued:
                # the pieces of a word depend on the word alone: computed once per word type
                pieces = self._pieces.get(token)
                if pieces is None:
                    if len(self._pieces) >= _PIECES_CACHE:
                        self._pieces.clear()
                    pieces = self._pieces[token] = _word_pieces(token, first, self.fuzzy)
            else:
                pieces = _word_pieces(token, first, self.fuzzy)  # glued to a wrapped line
            for piece in pieces:
                append_word(piece)
                append_space(False)
        if "'" in text or "’" in text:
            _split_negations(words, spaces)
        self._set_norms(words)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        # The Doc's text is the input with the edits above (same length): set it rather than
        # let spaCy join every token again, and keep the token texts the sentencizer reads.
        if edits:
            chars = list(text)
            lines = list(text)
            for at, char in edits:
                chars[at] = char
                if char == "\n":
                    lines[at] = char
            if any(char == " " for _, char in edits):
                # the line structure, wraps kept as line breaks: what a header label reads
                doc.user_data[_LINES_KEY] = "".join(lines)
            text = "".join(chars)
        doc.user_data[_TEXT_KEY] = text
        doc.user_data[_WORDS_KEY] = words
        return doc

    def _set_norms(self, words: list[str]) -> None:
        normed = self._normed
        fuzzy = self.fuzzy
        for word in words:
            if word not in normed:
                normed.add(word)
                norm = ocr_norm(word)
                if fuzzy is not None:
                    translated = fuzzy.translations.get(norm)
                    if translated is not None:
                        norm = translated
                    elif len(norm) >= fuzzy.min_length:
                        norm = fuzzy.nearest(norm) or norm
                if norm != word:
                    self.vocab[word].norm_ = norm

    def pipe(self, texts: list[str], batch_size: int = 1000) -> list[Doc]:
        return [self(text) for text in texts]


_PIECES_CACHE = 100_000  # word types; cleared when full (OCR text has many one-off words)


def _word_pieces(token: str, first: str, fuzzy: FuzzyVocabulary | None = None) -> tuple[str, ...]:
    """The tokens one regex word becomes: a sentence period split off (not from a known
    abbreviation), "cannot" as "can" "not", and the OCR splits of lost spaces. ``first`` is
    the word's own first character (``token`` may carry a wrapped line's whitespace).

    A capital inside a word is usually a lost space ("NegativeControls"), but OCR also reads
    a lower-case "i" or "l" as "I" ("staIning", "carcInoma"): a word whose OCR norm is a
    lexicon or cue word (``fuzzy``) is kept whole."""
    if token[-1] == "." and len(token) > 1 and first.isascii() and first.isalpha():
        if token.lower() not in ABBREVIATIONS:
            return (token[:-1], ".")
        return (token,)
    split = _SPLITS.get(token)
    if split is not None:
        return split
    if len(token) == 6 and token[:3].lower() == "can" and ocr_norm(token) == "cannot":
        return (token[:3], token[3:])  # OCR "cann0t", "CANN0T": "can" "not" like "cannot"
    if _NEEDS_SPLIT.search(token):  # one C-level test for the rare cases
        m = _GLUED_PREPOSITION.match(token) or _JOINED.match(token)
        if m is not None:
            # OCR lost a space: "positive forWT1", "CELLCARCINOMA"
            return (m.group(1), m.group(2))
        if not token.isupper() and _CAMEL.search(token):
            if fuzzy is not None and fuzzy.knows(ocr_norm(token)):
                return (token,)
            # "NegativeControls", "P53Positive"
            return tuple(_CAMEL.split(token))
    if fuzzy is not None and _GLUED_CONNECTOR.search(token):
        glued = fuzzy.split_connector(token)
        if glued is not None:
            return glued  # "negative for vimentinand estrogen receptors", "positivefor PR"
    return (token,)


def _split_negations(words: list[str], spaces: list[bool]) -> None:
    """ "don't" arrives as "don", "'", "t": put it back as "do", "n't" like spaCy.

    Only the apostrophe tokens are visited, right to left so that each splice leaves the
    indices still to visit in place (two candidates never overlap: the "t" ending one cannot
    end in "n" and begin another).
    """
    marks = [k for k, w in enumerate(words) if w == "'" or w == "’"]
    for k in reversed(marks):
        i = k - 1
        if (
            i >= 0
            and k + 1 < len(words)
            and words[k + 1] in ("t", "T")
            and words[i][-1:] in ("n", "N")
            and len(words[i]) > 1
            and not spaces[i]
            and not spaces[k]
        ):
            stem, n = words[i][:-1], words[i][-1]
            words[i : i + 3] = [stem, n + words[k] + words[k + 1]]
            spaces[i : i + 3] = [False, spaces[k + 1]]


_JOIN_MIN_LINE = 40
# Words a sentence or heading never ends on: a line ending on one was wrapped.
_NEVER_LAST_WORDS = frozenset(
    [
        "per",
        "of",
        "to",
        "and",
        "or",
        "with",
        "the",
        "a",
        "an",
        "by",
        "for",
        "from",
        "than",
        "measuring",
        "showing",
        "including",
        "into",
        "within",
        "between",
        "is",
        "are",
        "was",
        "were",
    ]
)
# "... with no" ends no sentence: the negated noun is on the next line
_BEFORE_DANGLING_NO = frozenset(["with", "and", "shows", "show", "reveals"])
_JOIN_MIN_MIXED_LINE = 60  # a mixed-case line with a capitals tail: wrapped near its width
_HEADING_WORDS = 4
# a short upper-case code word (a marker name: "CD34", "SMA", "WT-1") opening a line
_CODE_WORD = re.compile(r"[A-Z][A-Z0-9-]{1,7}\b(?![:.])")


def is_wrap(text: str, newline: int, headings: frozenset[str] | None = None) -> bool:
    """Is the single newline at ``newline`` a wrap inside a phrase rather than a boundary?

    Wraps: the next line continues in lower case after a word, comma or end-of-line hyphen
    ("leiomyo-\nsarcoma"), or a long ALL-CAPS
    line (not a heading) stops after a word or comma and the next line continues in caps.
    A short Title/UPPER line before a lower-case line is a heading without its colon
    ("Diagnosis", "FINAL DIAGNOSIS"); with ``headings`` (the section headers, lower case) it
    is one only when it is a known header, so "Endometrioid\nadenocarcinoma" wraps.
    """
    if newline == 0 or newline + 1 >= len(text):
        return False
    b, a = newline - 1, newline + 1
    while b > 0 and text[b] in " \t":  # OCR lines often end (and start) in spaces
        b -= 1
    while a + 1 < len(text) and text[a] in " \t":
        a += 1
    before, after = text[b], text[a]
    if (
        before == "-"
        and b > 0
        and (
            (text[b - 1].isalpha() and after.islower())
            or (text[b - 1].isupper() and after.isupper())
        )
    ):
        return True  # "leiomyo-\nsarcoma": a word hyphenated at the line end
    if not (before.isalnum() or before == ","):
        return False
    line = text[text.rfind("\n", 0, newline) + 1 : newline].strip()
    if after.isalnum():
        if before == "," and _CODE_WORD.match(text, a):
            return True  # "positive for desmin,\nCD34, CD10 and vimentin": a list goes on
        last = line.rsplit(None, 1)[-1].lower()
        if last in _NEVER_LAST_WORDS:
            return True  # "11 mitoses per\n10 HPF": a line cannot end on "per", "of", "and"
        if last == "no":
            words = line.rsplit(None, 2)
            if len(words) >= 2 and words[-2].lower() in _BEFORE_DANGLING_NO:
                return True  # "TISSUE WITH NO\nCARCINOMA IDENTIFIED" ("Invasion: No" ends)
        if "(" in line and line.count("(") > line.count(")"):
            return True  # "(referral laboratory, report dated\n05/09/2021): AMPLIFIED"
    if after.islower():
        # A short Title/UPPER line is a heading without its colon ("Diagnosis", "FINAL
        # DIAGNOSIS"); the next line starts its body, not the rest of a phrase.
        if not ((line.istitle() or line.isupper()) and len(line.split()) <= _HEADING_WORDS):
            return True
        return headings is not None and line.lower().rstrip(" :-") not in headings
    if not after.isupper():
        return False
    if len(line) >= _JOIN_MIN_LINE and _caps(line):
        return True
    # "... core biopsy: MALIGNANT PERIPHERAL NERVE SHEATH\nTUMOUR, high grade": a long line
    # (near the wrap width) whose last clause is in capitals, continued in capitals; the
    # clause may follow a comma or a spaced dash ("thigh, wide excision - MALIGNANT ...")
    tail = re.split(r"[:.;,]|\s[-\u2013\u2014]\s", line)[-1].strip()
    return len(line) >= _JOIN_MIN_MIXED_LINE and len(tail.split()) >= 2 and _caps(tail)


def _caps(line: str) -> bool:
    """An ALL-CAPS line, read through OCR's lower-case "l" for a capital I ("lMPLANT WlTH
    lNVASlVE FEATURES")."""
    return line.replace("l", "").isupper()


# HL7 v2 segments flattened onto one line: a space before "OBX|", "OBR|", ... was a segment
# break. Dictated reports transcribed literally: "period", "new paragraph" were breaks.
_HL7_SEGMENT = re.compile(r" (?=(?:MSH|PID|PV1|PV2|ORC|OBR|OBX|NTE|SPM|TQ1|ZDS)\|)")


def _implicit_breaks(text: str) -> frozenset[int]:
    """Offsets of single spaces that stand for line breaks (see ``_HL7_SEGMENT``); dictation
    is recognised by its spoken punctuation ("comma", "period" at least three times each
    kind), so a lone "menstrual period" breaks nothing."""
    found: set[int] = set()
    if "|" in text:
        found.update(m.start() for m in _HL7_SEGMENT.finditer(text))
    lowered = text.lower()
    if lowered.count(" comma ") >= 2 and lowered.count(" period") >= 2:
        for m in re.finditer(r"(?<=\bperiod) |(?<=\bparagraph) | (?=new paragraph\b)", lowered):
            found.add(m.start())
    return frozenset(found)


_TEXT_KEY = "pathmine.text"
_LOWER_KEY = "pathmine.lower"
_LINES_KEY = "pathmine.lines"
_WORDS_KEY = "pathmine.words"


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once per document.

    spaCy rebuilds ``Doc.text`` from every token on each access; the components read it
    several times per report, which cost about a quarter of the pipeline's time.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def lines_text_of(doc: Doc) -> str:
    """The Doc's text with every line break of the input kept: a wrapped ALL-CAPS heading
    ("RSUD MERAPI RAYA - INSTALASI PATOLOGI\nADDENDUM - HASIL ...") is one phrase to the
    sentence and entity rules but two lines to a header label ("^ADDENDUM", "No:").
    Same length and offsets as ``text_of``; the same object when the input had no wraps."""
    lines = doc.user_data.get(_LINES_KEY)
    return str(lines) if lines is not None else text_of(doc)


def lower_text_of(doc: Doc) -> str:
    """``text_of(doc).lower()``, computed once per document (see ``nlp.caseless``)."""
    lowered = doc.user_data.get(_LOWER_KEY)
    if lowered is None:
        lowered = doc.user_data[_LOWER_KEY] = text_of(doc).lower()
    return str(lowered)


def words_of(doc: Doc) -> list[str]:
    """The token texts, as the tokenizer made them (or read from the Doc once)."""
    words = doc.user_data.get(_WORDS_KEY)
    if words is None or len(words) != len(doc):
        words = doc.user_data[_WORDS_KEY] = [t.text for t in doc]
    return list(words)
