"""Long documents are parsed in pieces that end at paragraph or sentence boundaries.

spaCy's memory grows with document length; a 300-page report or a scraped page with the
whole site's text must not take the machine down. Offsets of each piece are kept so every
span still indexes the whole stored text.
"""

from __future__ import annotations

import re

CHUNK_CHARS = 20_000
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'\u201d]?\s+"),
           re.compile(r"\s+"))


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering ``text`` in order, each at most ``limit`` chars."""
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            end = _best_break(text, start, end)
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _best_break(text: str, start: int, end: int) -> int:
    """The last paragraph, line, sentence or word break in the back half of the window."""
    floor = start + (end - start) // 2
    window = text[floor:end]
    for pattern in _BREAKS:
        last = None
        for last in pattern.finditer(window):
            pass
        if last is not None:
            return floor + last.end()
    return end
