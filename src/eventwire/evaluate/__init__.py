"""Scoring coded events against gold data: `eventwire evaluate GOLD --format ...`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .readers import FORMATS, GoldItem, read_gold
from .score import evaluate_items, select, split_of

__all__ = ["FORMATS", "GoldItem", "evaluate", "read_gold", "split_of"]


def evaluate(gold: str | Path, fmt: str, split: str = "all", limit: int | None = None) -> dict[str, Any]:
    """Read a gold file, code its texts and return the report (a JSON-ready dict)."""
    if fmt == "polnear":
        from .quotes import code_quote_docs, read_polnear, score_quotes

        docs = [d for d in read_polnear(gold) if split == "all" or split_of(d.id) == split]
        docs = docs[:limit] if limit else docs
        report = {"format": fmt, **score_quotes(docs, code_quote_docs(docs))}
        report["split"] = split
        report["gold"] = str(gold)
        return report
    items = select(read_gold(gold, fmt), split)
    if limit:
        items = items[:limit]
    report = evaluate_items(items, fmt)
    report["split"] = split
    report["gold"] = str(gold)
    return report
