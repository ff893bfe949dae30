"""Language identification with py3langid, whose model ships inside the package."""

from __future__ import annotations

from functools import lru_cache

SAMPLE_CHARS = 600  # enough to tell English apart; cost grows with length
MIN_CHARS = 60  # below this, identification is too unreliable to skip a document on it
MIN_CONFIDENCE = 0.90


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence); (None, 0.0) when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)


_ENGLISH_WORDS = (" the ", " and ", " of ", " to ", " in ", " a ", " was ", " is ", " that ",
                  " for ", " on ", " with ", " by ", " has ", " said ", " its ", " at ", " from ")


def looks_english(sample: str) -> bool:
    """A cheap first look: ordinary English prose is full of these words (about one in six)."""
    lowered = f" {sample.lower()} "
    hits = sum(lowered.count(word) for word in _ENGLISH_WORDS)
    return hits >= max(3, len(sample) // 60)


def is_confidently_not_english(text: str) -> tuple[bool, str | None]:
    if looks_english(text[:SAMPLE_CHARS]):
        return False, "en"
    lang, prob = detect_language(text)
    return (lang is not None and lang != "en" and prob >= MIN_CONFIDENCE), lang
