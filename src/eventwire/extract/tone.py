"""Document tone, GKG-style, from the VADER lexicon shipped inside the vaderSentiment package.

GDELT's tone is the share of positive words minus the share of negative words, in percent of
all words. Here a word is positive or negative by its VADER valence (7,500 words and emoticons
rated by people, read from the package, no download), and a negation just before it ("not
welcome", "no progress") turns it around. One pass over the words: VADER's own sentence scorer
costs about a tenth of the spaCy parse on news articles, this costs a few hundredths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?")
NEGATIONS = {"not", "no", "never", "nor", "neither", "without", "cannot", "isn't", "aren't",
             "wasn't", "weren't", "don't", "doesn't", "didn't", "won't", "wouldn't", "can't",
             "couldn't", "shouldn't", "hasn't", "haven't", "hadn't", "nothing", "nobody"}
NEGATION_REACH = 3  # words after a negation that it turns around
MIN_VALENCE = 0.5  # weaker ratings are close to neutral


@dataclass
class Tone:
    tone: float  # (positive - negative) words, percent of all words
    positive: float  # percent of words that are positive
    negative: float  # percent of words that are negative
    words: int


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """VADER's word -> mean valence (-4 .. +4), single words only."""
    path = resources.files("vaderSentiment") / "vader_lexicon.txt"
    out: dict[str, float] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, _, rest = line.partition("\t")
            try:
                valence = float(rest.split("\t", 1)[0])
            except ValueError:
                continue
            if _WORDS.fullmatch(word) and abs(valence) >= MIN_VALENCE:
                out[word] = valence
    return out


def document_tone(text: str) -> Tone | None:
    """The tone of a text, or None when it has no words."""
    valences = lexicon()
    words = _WORDS.findall(text.lower().replace("’", "'"))
    if not words:
        return None
    positive = negative = 0
    since_negation = NEGATION_REACH + 1
    for word in words:
        if word in NEGATIONS:
            since_negation = 0
            continue
        since_negation += 1
        valence = valences.get(word)
        if valence is None:
            continue
        if since_negation <= NEGATION_REACH:
            valence = -valence
        if valence > 0:
            positive += 1
        else:
            negative += 1
    n = len(words)
    return Tone(round(100 * (positive - negative) / n, 4), round(100 * positive / n, 4),
                round(100 * negative / n, 4), n)
