"""Scoring coded events against gold data: `eventwire evaluate GOLD --format ...`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .readers import FORMATS, GoldItem, read_gold
from .score import code_items, evaluate_items, select, split_of

__all__ = ["FORMATS", "GoldItem", "evaluate", "read_gold", "split_of"]


def evaluate(gold: str | Path, fmt: str, split: str = "all", limit: int | None = None,
             actors: tuple[str, ...] = ()) -> dict[str, Any]:
    """Read a gold file, code its texts and return the report (a JSON-ready dict).

    ``actors``: user actor dictionaries to code with (CSV, YAML or PETRARCH files)."""
    from functools import partial

    from ..runner import checked_dictionaries

    if fmt == "petrarch":
        from .petrarch import dictionaries_beside, read_petrarch, score_petrarch

        dictionaries = checked_dictionaries(actors or dictionaries_beside(gold))
        records = [r for r in read_petrarch(gold) if split == "all" or split_of(r.id) == split]
        records = records[:limit] if limit else records
        results = code_items(records, dictionaries=dictionaries)  # type: ignore[arg-type]
        return {"format": fmt, **score_petrarch(records, results), "split": split,
                "gold": str(gold), "dictionaries": list(dictionaries)}
    dictionaries = checked_dictionaries(actors)
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
    report = evaluate_items(items, fmt, coder=partial(code_items, dictionaries=dictionaries))
    report["split"] = split
    report["gold"] = str(gold)
    return report
