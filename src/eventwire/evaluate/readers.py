"""Readers for gold data: each yields GoldItem records (a text and what should be coded)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

# PLOVER 0.5b1 names in the gold standard records -> PLOVER 2.0 (CODEBOOK.md)
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
FORMATS = ("plover-gsr", "cameo-examples", "conflibert", "silver", "eventwire")


@dataclass
class GoldActor:
    country: str | None
    sector: str | None = None
    text: str = ""


@dataclass
class GoldEvent:
    event_type: str
    actor: list[GoldActor] = field(default_factory=list)
    recipient: list[GoldActor] = field(default_factory=list)
    negated: bool = False
    modality: str = "asserted"
    trigger: str = ""


@dataclass
class GoldItem:
    id: str
    text: str
    events: list[GoldEvent] = field(default_factory=list)
    published: str | None = None
    quad: int | None = None  # ConfliBERT's 0-4 class
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # S/T/R char spans
    level: str = "sentence"  # or "document"
    extras: dict = field(default_factory=dict)  # gold amounts and place (dead, injured, size, eventLoc)


def _code(code) -> str | None:
    """A country or sector code, its first three letters ('CVLalb' -> CVL); None if unknown."""
    if not isinstance(code, str):
        return None
    code = code.strip().upper()[:3]
    return None if not code or code in ("---", "***") else code


# country codes some gold records write for a country that has an ISO 3166 code
LEGACY_COUNTRIES = {"ITL": "ITA", "JAP": "JPN"}


def _country(code) -> str | None:
    code = _code(code)
    return LEGACY_COUNTRIES.get(code, code) if code else None


_sector = _code


@lru_cache(maxsize=1)
def cameo_to_plover() -> dict[str, str | None]:
    path = resources.files("eventwire") / "data" / "cameo_plover.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["cameo"]: (row["event_type"] or None) for row in csv.DictReader(handle)}


def plover_type_of_cameo(code: str) -> str | None:
    table = cameo_to_plover()
    code = str(code).strip()
    for length in (3, 2):
        if code[:length] in table:
            return table[code[:length]]
    return None


def _json_lines(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def read_plover_gsr(path: Path) -> Iterator[GoldItem]:
    """PLOVER gold standard records: one coded sentence per line (old type names mapped)."""
    def actors(value):
        if not isinstance(value, list):
            return []
        return [GoldActor(_country(a.get("code")), _sector(a.get("sector")), a.get("actorText", ""))
                for a in value if isinstance(a, dict)]

    for record in _json_lines(path):
        if not record.get("text") or not record.get("event"):
            continue
        source, target = actors(record.get("source")), actors(record.get("target"))
        info = record.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        if "SRC/TAR" in markup:  # reciprocal: every party is an actor
            source, target = source + target, []
        event = GoldEvent(OLD_NAMES.get(record["event"], record["event"]), source, target,
                          trigger=record.get("eventText", ""))
        extras = {key: record[key] for key in ("dead", "injured", "size", "eventLoc")
                  if record.get(key) not in (None, "", {})}
        yield GoldItem(record["id"], record["text"], [event], extras=extras)


def read_cameo_examples(path: Path) -> Iterator[GoldItem]:
    """CAMEO manual examples: the CAMEO code's PLOVER type; statements (01) have no event."""
    for record in _json_lines(path):
        kind = plover_type_of_cameo(record["cameo_code"])
        events = [GoldEvent(kind)] if kind else []
        yield GoldItem(record["example_id"], record["example"], events)


def read_conflibert(path: Path) -> Iterator[GoldItem]:
    """ConfliBERT: `cameo_class_*.tsv` (sentence, 0-4) or `cameo_ner_*.txt` (token tag, BIO S/T/R)."""
    if path.suffix == ".tsv":
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                text, _, label = line.rstrip("\n").rpartition("\t")
                if text and label.strip().isdigit():
                    yield GoldItem(f"{path.stem}-{number}", text, quad=int(label))
        return
    tokens: list[tuple[str, str]] = []
    number = 0

    def flush() -> GoldItem:
        text, spans, start, end = "", {"S": [], "T": [], "R": []}, None, 0
        kind = None
        for word, tag in tokens:
            if text:
                text += " "
            begin = len(text)
            text += word
            if tag.startswith("B-") or (tag.startswith("I-") and kind != tag[2:]):
                if start is not None:
                    spans[kind].append((start, end))
                kind, start = tag[2:], begin
            elif tag == "O" and start is not None:
                spans[kind].append((start, end))
                start, kind = None, None
            end = len(text)
        if start is not None:
            spans[kind].append((start, end))
        return GoldItem(f"{path.stem}-{number}", text, spans={k: v for k, v in spans.items()})

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    number += 1
                    yield flush()
                    tokens = []
                continue
            word, _, tag = line.rpartition(" ")
            tokens.append((word, tag if tag[:2] in ("B-", "I-") and tag[2:] in ("S", "T", "R") else "O"))
    if tokens:
        number += 1
        yield flush()


def _gold_event(e: dict, kind_key: str) -> GoldEvent:
    """An event in our JSON shape (AG News coding, eventwire records) as a GoldEvent."""
    def actor(a):
        if isinstance(a, str):  # a code as in the samples' hand coding: "RUS", "RUSGOV", "---"
            return GoldActor(_country(a), _sector(a[3:]))
        return GoldActor(_country(a.get("country")), _sector(a.get("sector")), a.get("text", ""))

    def group(role):
        return [actor(a) for a in e.get(role, []) if isinstance(a, (dict, str))]
    trigger = e.get("trigger") or ""
    if isinstance(trigger, dict):
        trigger = trigger.get("text", "")
    return GoldEvent(e[kind_key], group("actor"), group("recipient"), bool(e.get("negated")),
                     e.get("modality") or "asserted", trigger)


def read_silver(path: Path) -> Iterator[GoldItem]:
    """Our AG News coding: `silver/*.jsonl` beside `corpora/ag-news-test/world.jsonl` (the texts)."""
    paths = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    texts = {r["id"]: r for r in _json_lines(paths[0].parent.parent / "corpora" / "ag-news-test"
                                             / "world.jsonl")}
    for file in paths:
        for record in _json_lines(file):
            source = texts.get(record["id"])
            if source is not None:
                events = [_gold_event(e, "type") for e in record.get("events", [])]
                yield GoldItem(record["id"], source["text"], events, source.get("published"),
                               level="document")


def read_eventwire(path: Path) -> Iterator[GoldItem]:
    """eventwire's own records as gold: one document a line with `id`, `text` and `events`.

    A directory (or one `NAME.expected.json`) is read as hand-coded articles the way the bundled
    samples are kept: `NAME.txt` (optional Title/Date/URL/Source lines) beside
    `NAME.expected.json` holding `{"events": [...]}`.
    """
    if path.is_dir() or path.name.endswith(".expected.json"):
        yield from _hand_coded_articles(path)
        return
    for record in _json_lines(path):
        events = [_gold_event(e, "event_type") for e in record.get("events", [])]
        yield GoldItem(str(record["id"]), record["text"], events, record.get("published"),
                       level="document")


def _hand_coded_articles(path: Path) -> Iterator[GoldItem]:
    from eventwire.ingest.readers import read_text
    from eventwire.records import Article

    codings = sorted(path.glob("*.expected.json")) if path.is_dir() else [path]
    if not codings:
        raise ValueError(f"{path}: no NAME.expected.json hand codings in this directory")
    for coding in codings:
        name = coding.name[: -len(".expected.json")]
        article_path = coding.with_name(name + ".txt")
        if not article_path.exists():
            raise ValueError(f"{coding}: its article {article_path.name} is missing")
        article = next(read_text(article_path.read_text(encoding="utf-8"), str(article_path)))
        if not isinstance(article, Article):
            raise ValueError(f"{article_path}: {article.reason}")
        gold = json.loads(coding.read_text(encoding="utf-8"))
        events = [_gold_event(e, "event_type") for e in gold.get("events", [])]
        yield GoldItem(name, article.text, events, article.published, level="document")


READERS = {"plover-gsr": read_plover_gsr, "cameo-examples": read_cameo_examples,
           "conflibert": read_conflibert, "silver": read_silver, "eventwire": read_eventwire}


def read_gold(path: str | Path, fmt: str) -> list[GoldItem]:
    if fmt not in READERS:
        raise ValueError(f"unknown gold format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return list(READERS[fmt](Path(path)))
