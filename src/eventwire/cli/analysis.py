"""Analysis commands: dyad, balance, partners, network. Each calls one eventwire.analysis function
and prints its DataFrame as a table, CSV or JSON lines, optionally drawing it (--plot)."""

from __future__ import annotations

import json
import math

import click
from rich.console import Console
from rich.table import Table

from ..analysis import PARTNER_KINDS, PERIODS, AnalysisError
from ..analysis import filters
from ..records import EVENT_TYPES

console = Console(stderr=True, soft_wrap=True)
out = Console()
FORMATS = ("table", "csv", "jsonl")
# narrower headers for the terminal table (CSV and JSON keep the full names)
SHORT = {"verbal_cooperation": "v.coop", "material_cooperation": "m.coop",
         "verbal_conflict": "v.confl", "material_conflict": "m.confl", "mean_score": "mean"}


def _code(ctx, param, value):
    """Actor codes are checked here so a bad one is a usage error, not a traceback."""
    if value is None:
        return None
    values = value if isinstance(value, tuple) else (value,)
    try:
        for one in values:
            filters.actor_code(one, param.name)
    except AnalysisError as exc:
        raise click.BadParameter(str(exc).split(": ", 1)[1]) from None
    upper = tuple(one.upper() for one in values)
    return upper if isinstance(value, tuple) else upper[0]


def _day(ctx, param, value):
    try:
        return filters.day(value, param.name)
    except AnalysisError as exc:
        raise click.BadParameter(str(exc).split(": ", 1)[1]) from None


def _plot_path(ctx, param, value):
    if value is None:
        return None
    from ..analysis.plot import PlotError, check_path

    try:
        return check_path(value)
    except PlotError as exc:
        raise click.BadParameter(str(exc)) from None


def _open(db: str):
    from ..store import Store

    try:
        return Store(db, read_only=True)
    except Exception as exc:  # missing file, pending migrations, locked by a writer, not DuckDB
        raise click.ClickException(str(exc)) from exc


def _value(value):
    if hasattr(value, "isoformat"):
        return value.date().isoformat() if callable(getattr(value, "date", None)) else value.isoformat()
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def render(frame, fmt: str, title: str = "") -> None:
    """Print a DataFrame in the chosen format (dates as YYYY-MM-DD, NaN as empty)."""
    columns = list(frame.columns)
    rows = [[_value(v) for v in row] for row in frame.itertuples(index=False)]
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(dict(zip(columns, row)), ensure_ascii=False))
    elif fmt == "csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
        click.echo(buffer.getvalue(), nl=False)
    else:
        table = Table(title=title or None, title_justify="left")
        for column in columns:
            if column in ("period", "partner", "name", "id", "source", "target"):
                table.add_column(str(column), no_wrap=True, min_width=10 if column == "period" else 3)
            else:
                table.add_column(SHORT.get(column, str(column)), justify="right")
        for row in rows:
            table.add_row(*("" if v is None else f"{v:g}" if isinstance(v, float) else str(v)
                            for v in row))
        out.print(table)
        if not rows:
            console.print("no events match; check the codes and dates (eventwire events lists "
                          "what the store holds)")


def _draw(draw) -> None:
    """Run a drawing from analysis.plot, turning its errors into a clear message."""
    from ..analysis.plot import PlotError

    try:
        written = draw()
    except PlotError as exc:
        raise click.ClickException(str(exc)) from None
    console.print(f"wrote {written}")


db_option = click.option("--db", default="eventwire.duckdb", show_default=True,
                         help="DuckDB file to read (opened read-only).")
by_option = click.option("--by", default="month", show_default=True,
                         type=click.Choice(PERIODS, case_sensitive=False), help="Period length.")
since_option = click.option("--since", callback=_day, help="Events on or after this date (YYYY-MM-DD).")
until_option = click.option("--until", callback=_day, help="Events on or before this date.")
format_option = click.option("--format", "fmt", default="table", show_default=True,
                             type=click.Choice(FORMATS), help="Terminal table, CSV or JSON lines.")
plot_option = click.option("--plot", "plot_path", callback=_plot_path,
                           help="Also draw the result into FILE.png or FILE.svg (needs matplotlib).")


@click.command("dyad")
@click.argument("a", callback=_code)
@click.argument("b", callback=_code)
@db_option
@by_option
@click.option("--directed/--both", default=True, show_default=True,
              help="Only what A did to B, or both directions.")
@click.option("--type", "event_type", type=click.Choice(EVENT_TYPES, case_sensitive=False),
              help="Only this PLOVER event type.")
@since_option
@until_option
@format_option
@plot_option
def dyad_command(a, b, db, by, directed, event_type, since, until, fmt, plot_path):
    """Events between A and B (country or country+sector codes) per period."""
    from ..analysis import dyad

    with _open(db) as store:
        frame = dyad(store, a, b, by=by, directed=directed, since=since, until=until,
                     event_type=event_type)
    arrow = "→" if directed else "↔"
    render(frame, fmt, f"{a} {arrow} {b} by {by}")
    if plot_path:
        from ..analysis.plot import dyad_chart

        _draw(lambda: dyad_chart(frame, plot_path, f"{a} {arrow} {b}: events by quad class and score"))


@click.command("balance")
@click.argument("actor", callback=_code)
@click.option("--between", nargs=2, required=True, callback=_code, metavar="B C",
              help="The two actors the ACTOR balances between.")
@db_option
@by_option
@click.option("--directed/--both", default=False, show_default=True,
              help="Count only what ACTOR did, or both directions.")
@since_option
@until_option
@format_option
@plot_option
def balance_command(actor, between, db, by, directed, since, until, fmt, plot_path):
    """ACTOR's net cooperation score with B against its score with C, per period."""
    from ..analysis import balance

    b, c = between
    with _open(db) as store:
        frame = balance(store, actor, b, c, by=by, directed=directed, since=since, until=until)
    render(frame, fmt, f"{actor} between {b} and {c} by {by} (balance = score_b - score_c)")
    if plot_path:
        from ..analysis.plot import balance_chart

        _draw(lambda: balance_chart(frame, plot_path, f"{actor} between {b} and {c}", b, c))


@click.command("partners")
@click.argument("actor", callback=_code)
@db_option
@click.option("--kind", default="partners", show_default=True, type=click.Choice(PARTNER_KINDS),
              help="partners (net score > 0), adversaries (< 0) or all by event count.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@since_option
@until_option
@format_option
def partners_command(actor, db, kind, limit, since, until, fmt):
    """ACTOR's top partners or adversaries, by net score."""
    from ..analysis import partners

    with _open(db) as store:
        frame = partners(store, actor, kind=kind, limit=limit, since=since, until=until)
    render(frame, fmt, f"{actor}: {kind}")


@click.command("network")
@db_option
@click.option("--type", "event_type", type=click.Choice(EVENT_TYPES, case_sensitive=False),
              help="Only this PLOVER event type.")
@click.option("--min-events", default=1, show_default=True, type=click.IntRange(1, 1_000_000),
              help="Leave out edges with fewer events.")
@click.option("--limit", default=200, show_default=True, type=click.IntRange(1, 5000),
              help="Keep the busiest edges only.")
@since_option
@until_option
@click.option("--nodes", "show_nodes", is_flag=True, help="Print the nodes instead of the edges.")
@format_option
@plot_option
def network_command(db, event_type, min_events, limit, since, until, show_nodes, fmt, plot_path):
    """The actor network: directed edges (actor → recipient) weighted by events and score."""
    from ..analysis import network

    with _open(db) as store:
        nodes, edges = network(store, since=since, until=until, event_type=event_type,
                               min_events=min_events, limit=limit)
    render(nodes if show_nodes else edges, fmt, "nodes" if show_nodes else "edges")
    if plot_path:
        from ..analysis.plot import network_chart

        _draw(lambda: network_chart(nodes, edges, plot_path, "Actor network"))


COMMANDS = (dyad_command, balance_command, partners_command, network_command)
