"""Readers: one per input format, each yielding Article or Failure records.

A reader never raises for bad content: a malformed line or record becomes a Failure with its
file and line, and the rest of the file is still read.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import os
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..errors import EventwireError, message
from ..records import Article, Failure
from .decode import decode_bytes, normalise_date, stable_id

Item = Article | Failure

KNOWN_FIELDS = ("id", "text", "title", "url", "published", "source")
DATE_FIELDS = ("published", "date", "publish_date", "pubdate", "published_at")
HEADER_KEYS = {"title": "title", "date": "published", "published": "published", "url": "url",
               "source": "source", "id": "id"}

SUFFIXES = {
    ".txt": "text", ".md": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".html": "html", ".htm": "html",
    ".warc": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}


def expand_inputs(inputs: Iterable[str | os.PathLike]) -> Iterator[Path | Failure]:
    """Files named, files under directories (sorted, recursively) and glob matches."""
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        elif path.is_file():
            yield path
        elif any(ch in str(raw) for ch in "*?["):
            matches = sorted(glob.glob(str(raw), recursive=True))
            if not matches:
                yield Failure(str(raw), None, "missing-input", "no file matches this pattern")
            for match in matches:
                if Path(match).is_file():
                    yield Path(match)
        else:
            yield Failure(str(raw), None, "missing-input", message("missing-input"))


def format_of(path: Path) -> tuple[str | None, bool]:
    """(format, gzipped) from the file name."""
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc", False  # fastwarc reads gzipped WARC itself
    gzipped = name.endswith(".gz")
    if gzipped:
        name = name[:-3]
    return SUFFIXES.get(os.path.splitext(name)[1]), gzipped


def read_path(path: Path) -> Iterator[Item]:
    """Every article in one file, or the failures that stopped them."""
    where = str(path)
    fmt, gzipped = format_of(path)
    if fmt is None:
        yield Failure(where, None, "unsupported", message("unsupported"))
        return
    try:
        data = path.read_bytes()
        if gzipped:
            data = gzip.decompress(data)
    except (OSError, EOFError) as exc:
        yield Failure(where, None, "unreadable", f"{message('unreadable')} ({exc})")
        return
    if not data.strip():
        yield Failure(where, None, "empty", message("empty"))
        return
    if fmt == "warc":
        yield from read_warc(data, where)
        return
    try:
        text, warnings = decode_bytes(data, where)
    except EventwireError as exc:
        yield Failure(where, None, exc.code, str(exc))
        return
    reader = {"text": read_text, "jsonl": read_jsonl, "json": read_json, "csv": read_csv,
              "tsv": read_tsv, "html": read_html, "feed": read_feed}[fmt]
    for item in reader(text, where):
        if isinstance(item, Article) and warnings:
            item.warnings.extend(warnings)
        yield item


def read_inputs(inputs: Iterable[str | os.PathLike]) -> Iterator[Item]:
    for entry in expand_inputs(inputs):
        if isinstance(entry, Failure):
            yield entry
        else:
            yield from read_path(entry)


# --- builders -----------------------------------------------------------------------------

def article_from_record(record: dict[str, Any], where: str, line: int | None) -> Item:
    """An Article from a JSON object or CSV row; unknown fields are kept as metadata."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Failure(where, line, "bad-record", message("bad-record"),
                       doc_id=_as_id(record.get("id")))
    url = record.get("url") if isinstance(record.get("url"), str) else None
    raw_date = next((record[k] for k in DATE_FIELDS if record.get(k) not in (None, "")), None)
    published = normalise_date(raw_date)
    warnings = [] if raw_date is None or published else [message("bad-date") + f" ({raw_date!r})"]
    metadata = {k: v for k, v in record.items() if k not in KNOWN_FIELDS}
    if raw_date is not None and published is None:
        metadata.setdefault("published_raw", raw_date)
    return Article(
        id=_as_id(record.get("id")) or stable_id(url, text),
        text=text,
        title=_as_str(record.get("title")),
        url=url,
        published=published,
        source=_as_str(record.get("source")),
        metadata=metadata,
        origin=f"{where}:{line}" if line else where,
        warnings=warnings,
    )


def _as_id(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _as_str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


# --- formats --------------------------------------------------------------------------------

def read_text(text: str, where: str) -> Iterator[Item]:
    """One article per file; optional leading ``Title:``/``Date:``/``URL:``/``Source:`` lines."""
    record: dict[str, Any] = {}
    lines = text.splitlines(keepends=True)
    consumed = 0
    for line in lines:
        key, sep, value = line.partition(":")
        field = HEADER_KEYS.get(key.strip().lower()) if sep and len(key) < 12 else None
        if field is None or not value.strip():
            break
        record[field] = value.strip()
        consumed += 1
    body = "".join(lines[consumed:]) if consumed else text
    if consumed:
        body = body.lstrip("\r\n")
    record["text"] = body
    if not body.strip():
        yield Failure(where, None, "empty", message("empty"))
        return
    yield article_from_record(record, where, None)


def read_jsonl(text: str, where: str) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, number, "bad-json", f"{message('bad-json')} ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield Failure(where, number, "bad-record", message("bad-record"))
            continue
        yield article_from_record(record, where, number)


def read_json(text: str, where: str) -> Iterator[Item]:
    """A JSON array of records, one record, or (often misnamed) JSON lines."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        yield from read_jsonl(text, where)
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        if isinstance(record, dict):
            yield article_from_record(record, where, number if len(records) > 1 else None)
        else:
            yield Failure(where, number, "bad-record", message("bad-record"))


def read_csv(text: str, where: str, delimiter: str = ",") -> Iterator[Item]:
    csv.field_size_limit(50_000_000)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
        yield Failure(where, 1, "bad-csv", message("bad-csv") + " (no 'text' column in the header)")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Failure(where, reader.line_num, "bad-csv", f"{message('bad-csv')} ({exc})")
            continue
        if None in row or any(v is None for v in row.values()):
            yield Failure(where, reader.line_num, "bad-csv", message("bad-csv"))
            continue
        yield article_from_record({k.strip(): v for k, v in row.items()}, where, reader.line_num)


def read_tsv(text: str, where: str) -> Iterator[Item]:
    yield from read_csv(text, where, delimiter="\t")


def _html_article(html: str, where: str, url: str | None, line: int | None) -> Item:
    import trafilatura

    extracted = trafilatura.extract(html, url=url, output_format="json", with_metadata=True,
                                    include_comments=False, favor_precision=True)
    if not extracted:
        return Failure(where, line, "no-html-text", message("no-html-text"))
    meta = json.loads(extracted)
    record = {
        "text": meta.get("text") or "",
        "title": meta.get("title"),
        "url": url or meta.get("source") or meta.get("url"),
        "published": meta.get("date"),
        "source": meta.get("sitename") or meta.get("hostname"),
    }
    return article_from_record(record, where, line)


def read_html(text: str, where: str) -> Iterator[Item]:
    yield _html_article(text, where, None, None)


def read_warc(data: bytes, where: str) -> Iterator[Item]:
    """HTML response records of a WARC (plain or gzipped)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    number = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data), record_types=WarcRecordType.response,
                                      parse_http=True):
            number += 1
            content_type = (record.http_headers.get("Content-Type") or "") if record.http_headers else ""
            if "html" not in content_type.lower():
                continue
            url = record.headers.get("WARC-Target-URI")
            body = record.reader.read()
            charset = "utf-8"
            if "charset=" in content_type.lower():
                charset = content_type.lower().split("charset=")[-1].split(";")[0].strip() or charset
            try:
                html = body.decode(charset, errors="replace")
            except LookupError:
                html = body.decode("utf-8", errors="replace")
            yield _html_article(html, where, url, number)
    except Exception as exc:  # fastwarc raises several types on truncated archives
        yield Failure(where, number or None, "bad-warc", f"{message('bad-warc')} ({exc})")
    if number == 0:
        yield Failure(where, None, "bad-warc", message("bad-warc") + " (no response records)")


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("p", "br", "div", "li"):
            self.parts.append("\n")


def html_to_text(fragment: str) -> str:
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return "\n".join(line for line in lines if line)


def read_feed(text: str, where: str) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        detail = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield Failure(where, None, "bad-feed", message("bad-feed") + detail)
        return
    for number, entry in enumerate(feed.entries, start=1):
        content = entry.get("content")
        html = content[0].get("value") if content else entry.get("summary", "")
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = "%04d-%02d-%02d" % stamp[:3] if stamp else entry.get("published")
        record = {
            "id": entry.get("id"),
            "text": html_to_text(html or ""),
            "title": entry.get("title"),
            "url": entry.get("link"),
            "published": published,
            "source": feed.feed.get("title"),
        }
        yield article_from_record(record, where, number)
