"""eventwire: news articles in, political event data out.

    import eventwire
    report = eventwire.process(["articles/"], db="events.duckdb")
    with eventwire.open("events.duckdb") as store:
        store.events(actor="TUR", recipient="UKR")

    eventwire.code("Russia attacked Ukraine on Monday, Kyiv said.", published="2024-11-05")
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

from .records import (ActorMention, Amount, Article, DocResult, EntityMention, Event, Failure,
                      Location, PlaceMention, Quote, Span, to_dict)

if TYPE_CHECKING:
    from .runner import RunReport
    from .store import Store

__all__ = [
    "ActorMention", "Amount", "Article", "DocResult", "EntityMention", "Event", "Failure",
    "Location", "PlaceMention", "Quote", "Span",
    "__version__", "code", "export", "open", "process", "to_dict",
]


def process(inputs, db: str = "eventwire.duckdb", *, workers: int = 1, **options) -> RunReport:
    """Code files, directories, globs or Article records into the DuckDB store at ``db``."""
    from .runner import run

    if isinstance(inputs, (str, Article)) or hasattr(inputs, "__fspath__"):
        inputs = [inputs]
    return run(inputs, db, workers=workers, **options)


def code(text: str, published: str | None = None, doc_id: str = "text",
         title: str | None = None, actors: tuple[str, ...] = ()) -> DocResult:
    """Code one text in memory (no store) and return its events, quotes and mentions.

    ``actors``: user actor dictionaries (CSV, YAML or PETRARCH files) to add to the tables."""
    from .pipeline import process_articles
    from .runner import checked_dictionaries

    settings: dict = {"check_language": False}
    if actors:
        settings["dictionaries"] = checked_dictionaries(actors)
    result = process_articles([Article(id=doc_id, text=text, published=published, title=title)],
                              **settings)[0]
    if isinstance(result, Failure):
        raise ValueError(f"{result.reason}: {result.detail}")
    return result


def open(db: str = "eventwire.duckdb", read_only: bool = True) -> Store:  # noqa: A001
    """The store at ``db``, read-only unless asked otherwise."""
    from .store import Store

    return Store(db, read_only=read_only)


def export(db: str, fmt: str, output: str, table: str = "events") -> int:
    """Write a table of the store at ``db`` as jsonl, csv, parquet or gdelt; returns the count."""
    from .store import Store, export as _export

    with Store(db, read_only=True) as store:
        return _export(store, fmt, output, table)
