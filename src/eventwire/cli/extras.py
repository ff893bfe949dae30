"""`eventwire amounts` and `eventwire entities`: thin skins over Store.amounts and Store.entities."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from .render import csv_out, echo_jsonl

out = Console()


def _open(db: str):
    """The store, read-only; a missing file is a clear error. (Not imported from main.py, which
    imports this module: `python -m eventwire.cli.main` would load main.py twice.)"""
    from ..store import Store

    try:
        return Store(db, read_only=True)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc

KINDS = ("money", "percent", "KILL", "WOUND", "ARREST", "CROWD", "DISPLACED", "count")
LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


def _unit(ctx, param, value):
    if value is None:
        return None
    value = value.strip()
    if not (value.isalpha() and 1 <= len(value) <= 12):
        raise click.BadParameter(f"{value!r} is not a unit; use a currency code (USD), "
                                 "'percent' or 'people'")
    return value


def render(records: list[dict], columns: tuple[str, ...], fmt: str) -> None:
    """Records as a table, JSON lines or CSV."""
    if fmt == "jsonl":
        echo_jsonl(records)
        return
    if fmt == "csv":
        with csv_out() as writer:
            writer.writerow(columns)
            for record in records:
                writer.writerow([record.get(c) for c in columns])
        return
    table = Table()
    for column in columns:
        table.add_column(column, no_wrap=column != "what", justify="right" if column in (
            "value", "mentions", "documents") else "left")
    for record in records:
        table.add_row(*[_cell(record.get(c)) for c in columns])
    out.print(table)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value == int(value) else f"{value:,}"
    return str(value)


@click.command("amounts")
@click.option("--db", default="eventwire.duckdb", show_default=True)
@click.option("--unit", callback=_unit, help="Currency code (USD, EUR, RUB), 'percent' or 'people'.")
@click.option("--kind", type=click.Choice(KINDS, case_sensitive=False),
              help="money, percent, or what happened to the people counted (KILL WOUND ARREST "
                   "CROWD DISPLACED count).")
@click.option("--doc", "doc_id", help="Only this document.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "jsonl", "csv"]))
def amounts_command(db, unit, kind, doc_id, limit, fmt):
    """List amounts: money, percentages and counts of people, with what they count."""
    with _open(db) as store:
        records = store.amounts(unit=unit, kind=kind, doc_id=doc_id, limit=limit)
    columns = ("doc_id", "text", "value", "unit", "what", "kind", "event_id") if fmt == "table" \
        else ("doc_id", "text", "start", "end", "value", "unit", "what", "kind", "event_id",
              "sentence_index", "amount_id")
    render(records, columns, fmt)


@click.command("entities")
@click.option("--db", default="eventwire.duckdb", show_default=True)
@click.option("--label", type=click.Choice(LABELS, case_sensitive=False),
              help="Only people (PERSON), organisations (ORG), countries and cities (GPE), ...")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "jsonl", "csv"]))
def entities_command(db, label, limit, fmt):
    """People, organisations and places with their mention counts (GKG-style)."""
    with _open(db) as store:
        records = store.entities(label=label, limit=limit)
    render(records, ("label", "name", "country", "mentions", "documents"), fmt)
