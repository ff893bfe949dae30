"""Document tone from VADER's lexicon (shipped inside the vaderSentiment package, no download).

Tone is the mean of VADER's compound score over the document's sentences, from -1 (all negative)
to +1 (all positive); a whole document scored at once saturates towards the ends, sentences do
not. The positive and negative shares are kept for the GKG-style export.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SENTENCES = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?\s+|\n+")
MAX_SENTENCE_CHARS = 2000  # VADER's cost grows with length; news sentences are far shorter


@dataclass
class Tone:
    tone: float  # mean compound score, -1 .. +1
    positive: float  # mean share of positive words, 0 .. 1
    negative: float
    sentences: int


@lru_cache(maxsize=1)
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def document_tone(text: str) -> Tone | None:
    """The tone of a text, or None when it has no words."""
    analyzer = _analyzer()
    total = positive = negative = 0.0
    n = 0
    for sentence in _SENTENCES.split(text):
        sentence = sentence.strip()[:MAX_SENTENCE_CHARS]
        if not any(ch.isalpha() for ch in sentence):
            continue
        scores = analyzer.polarity_scores(sentence)
        total += scores["compound"]
        positive += scores["pos"]
        negative += scores["neg"]
        n += 1
    if not n:
        return None
    return Tone(round(total / n, 4), round(positive / n, 4), round(negative / n, 4), n)
