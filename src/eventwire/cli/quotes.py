"""`eventwire quotes`: who said what, from the store."""

from __future__ import annotations

import click
from rich.table import Table

from .render import csv_out, echo_jsonl



def _speaker(record: dict) -> str:
    speaker = record.get("speaker") or {}
    name = speaker.get("name") or speaker.get("text") or "?"
    code = (speaker.get("country") or "") + (speaker.get("sector") or "")
    return f"{name} ({code})" if code else name


@click.command("quotes")
@click.option("--db", default="eventwire.duckdb", show_default=True)
@click.option("--speaker", help="Part of the speaker's name, e.g. Lavrov (case-insensitive).")
@click.option("--actor", help="Speaker's country (RUS) or country+sector (RUSGOV).")
@click.option("--doc", "doc_id", help="Only this document.")
@click.option("--direct/--indirect", "direct", default=None,
              help="Only quoted words (--direct) or only reported speech (--indirect).")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "jsonl", "csv"]))
def quotes_command(db, speaker, actor, doc_id, direct, limit, fmt):
    """List quotations with their speakers and cues."""
    from .main import _open, out

    with _open(db) as store:
        records = store.quotes(speaker=speaker, actor=actor, doc_id=doc_id, direct=direct,
                               limit=limit)
    if fmt == "jsonl":
        echo_jsonl(records)
        return
    if fmt == "csv":
        with csv_out() as writer:
            writer.writerow(["doc_id", "start", "end", "direct", "speaker", "speaker_name",
                             "country", "sector", "cue", "text"])
            for r in records:
                s = r.get("speaker") or {}
                writer.writerow([r["doc_id"], r["start"], r["end"], r["direct"], s.get("text"),
                                 s.get("name"), s.get("country"), s.get("sector"),
                                 (r.get("cue") or {}).get("text"), r["text"]])
        return
    table = Table()
    table.add_column("speaker", max_width=32)
    table.add_column("cue", max_width=14)
    table.add_column("kind", no_wrap=True)
    table.add_column("quote", ratio=1, min_width=40)
    for r in records:
        table.add_row(_speaker(r), (r.get("cue") or {}).get("text") or "",
                      "direct" if r["direct"] else "reported", r["text"])
    out.print(table)
