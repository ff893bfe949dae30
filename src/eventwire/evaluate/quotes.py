"""Scoring quotations against PolNeAR attribution relations (BRAT standoff files).

A PolNeAR relation links a Source (speaker), a Cue and a Content span; the content may be in
several pieces. We call a gold relation *direct* when its content opens with a quotation mark,
otherwise *indirect* (a paraphrase, possibly with quoted words inside).

Matching, per document and per kind (direct, indirect):

* a system quote is **correct** when at least half of its characters lie inside gold content of
  that kind (precision);
* a gold relation is **found** when at least half of its content characters are covered by
  system quotes of that kind (recall);
* **exact**: the same, requiring the system span to equal a gold span (ignoring surrounding
  punctuation and spaces);
* **speaker**: among matched direct quotes (the gold relation with the largest overlap), the share
  whose speaker span overlaps the gold Source span; ``speaker_name`` also accepts a speaker whose
  resolved name shares its last word with the gold source text (a pronoun resolved to the right
  person).

Several annotators may have coded one article; the first annotation file (sorted by name) is used.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import DocResult, Quote

QUOTE_OPENERS = "“\"«„"
TRIM = " \t\r\n.,;:!?\"“”'‘’«»()[]—–-"


@dataclass
class Relation:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    source_text: str = ""
    direct: bool = False


@dataclass
class QuoteDoc:
    id: str
    text: str
    published: str | None
    relations: list[Relation]


def read_polnear(path: str | Path, limit: int | None = None) -> list[QuoteDoc]:
    """Articles and relations from a PolNeAR split folder (``text/`` + ``attributions/``).

    ``path`` may be the split (data/dev), the data folder (then dev is used) or the corpus root.
    """
    root = Path(path)
    for candidate in (root, root / "dev", root / "data" / "dev"):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            root = candidate
            break
    else:
        raise FileNotFoundError(f"{path}: no PolNeAR split (a folder with text/ and attributions/)")
    published = _dates(root)
    annotations: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        annotations.setdefault(article, ann)
    docs = []
    for article, ann in sorted(annotations.items()):
        text_path = root / "text" / f"{article}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        docs.append(QuoteDoc(article, text, published.get(article), list(_relations(ann, text))))
        if limit and len(docs) >= limit:
            break
    return docs


def _dates(split: Path) -> dict[str, str]:
    metadata = split.parent / "metadata.tsv"
    if not metadata.exists():
        return {}
    out = {}
    lines = metadata.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t")))
        if row.get("publication_date"):
            out[row.get("filename", "")] = row["publication_date"]
    return out


def _relations(ann: Path, text: str) -> Iterator[Relation]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            kind, _, where = parts[1].partition(" ")
            pieces = []
            for piece in where.split(";"):
                a, b = piece.split()
                pieces.append((int(a), int(b)))
            spans[parts[0]] = (kind, pieces)
        elif parts[0].startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""), ("", []))[1]
        cue = spans.get(roles.get("Cue", ""), ("", []))[1]
        first = text[content[1][0][0]:content[1][0][1]].lstrip()
        yield Relation(content[1], source, cue, " ".join(text[a:b] for a, b in source),
                       direct=first[:1] in QUOTE_OPENERS)


def _chars(pieces: Sequence[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for a, b in pieces:
        out.update(range(a, b))
    return out


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in TRIM:
        a += 1
    while b > a and text[b - 1] in TRIM:
        b -= 1
    return a, b


def _prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> dict[str, float]:
    precision = tp_p / n_p if n_p else 0.0
    recall = tp_r / n_r if n_r else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "system": n_p, "gold": n_r}


def score_quotes(docs: Sequence[QuoteDoc], results: Sequence[DocResult]) -> dict[str, Any]:
    """Direct and indirect content P/R/F1 (overlap and exact) and speaker accuracy."""
    counts = {kind: dict(tp_p=0, n_p=0, tp_r=0, n_r=0, ex_p=0, ex_r=0)
              for kind in ("direct", "indirect")}
    speaker_hits = speaker_name_hits = speaker_total = 0
    for doc, result in zip(docs, results):
        text = doc.text
        for kind in ("direct", "indirect"):
            gold = [r for r in doc.relations if r.direct == (kind == "direct")]
            system = [q for q in result.quotes if q.direct == (kind == "direct")]
            c = counts[kind]
            gold_chars = [_chars(r.content) for r in gold]
            all_gold = set().union(*gold_chars) if gold_chars else set()
            system_chars = [set(range(q.start, q.end)) for q in system]
            all_system = set().union(*system_chars) if system_chars else set()
            exact_gold = {_trimmed(text, a, b) for r in gold for a, b in r.content}
            exact_gold |= {_trimmed(text, min(a for a, _ in r.content), max(b for _, b in r.content))
                           for r in gold}
            c["n_p"] += len(system)
            c["n_r"] += len(gold)
            for q, chars in zip(system, system_chars):
                if chars and len(chars & all_gold) * 2 >= len(chars):
                    c["tp_p"] += 1
                if _trimmed(text, q.start, q.end) in exact_gold:
                    c["ex_p"] += 1
            system_exact = {_trimmed(text, q.start, q.end) for q in system}
            for r, chars in zip(gold, gold_chars):
                if chars and len(chars & all_system) * 2 >= len(chars):
                    c["tp_r"] += 1
                outer = _trimmed(text, min(a for a, _ in r.content), max(b for _, b in r.content))
                if outer in system_exact or any(_trimmed(text, a, b) in system_exact
                                                for a, b in r.content):
                    c["ex_r"] += 1
            if kind != "direct":
                continue
            for q, chars in zip(system, system_chars):
                best, overlap = None, 0
                for r, g in zip(gold, gold_chars):
                    shared = len(chars & g)
                    if shared > overlap:
                        best, overlap = r, shared
                if best is None or overlap * 2 < len(chars) or not best.source:
                    continue
                speaker_total += 1
                hit = _speaker_hit(q, best)
                speaker_hits += hit
                speaker_name_hits += hit or _speaker_name_hit(q, best)
    report: dict[str, Any] = {"items": len(docs)}
    for kind, c in counts.items():
        report[f"{kind}_content"] = _prf(c["tp_p"], c["n_p"], c["tp_r"], c["n_r"])
        report[f"{kind}_exact"] = _prf(c["ex_p"], c["n_p"], c["ex_r"], c["n_r"])
    report["speaker_accuracy"] = round(speaker_hits / speaker_total, 4) if speaker_total else 0.0
    report["speaker_name_accuracy"] = (round(speaker_name_hits / speaker_total, 4)
                                       if speaker_total else 0.0)
    report["speaker_scored"] = speaker_total
    return report


def _speaker_hit(quote: Quote, gold: Relation) -> bool:
    if quote.speaker is None:
        return False
    return any(quote.speaker.start < b and a < quote.speaker.end for a, b in gold.source)


def _speaker_name_hit(quote: Quote, gold: Relation) -> bool:
    if quote.speaker is None or not quote.speaker.name:
        return False
    last = quote.speaker.name.split()[-1].strip("’'s").lower()
    words = {w.strip(".,’'").lower() for w in gold.source_text.replace("’s", "").split()}
    return bool(last) and last in words


def code_quote_docs(docs: Sequence[QuoteDoc], batch: int = 16) -> list[DocResult]:
    """Code each article with the real pipeline (no store, no language check)."""
    from ..pipeline import process_articles
    from ..records import Article, Failure

    results: list[DocResult] = []
    for start in range(0, len(docs), batch):
        chunk = docs[start:start + batch]
        articles = [Article(id=d.id, text=d.text, published=d.published) for d in chunk]
        for doc, result in zip(chunk, process_articles(articles, check_language=False)):
            if isinstance(result, Failure):
                result = DocResult(article=Article(id=doc.id, text=doc.text), language=None,
                                   n_words=0)
            results.append(result)
    return results


def evaluate_polnear(path: str | Path, limit: int | None = None) -> dict[str, Any]:
    docs = read_polnear(path, limit)
    report = score_quotes(docs, code_quote_docs(docs))
    report["format"] = "polnear"
    return report
