"""Commands of scale: the Ray engine of `run`, `load`, clustered events and their scoring.

Helpers of cli.main are imported inside the functions: main registers these commands at its
end, so importing main here at the top would be circular when main runs as a script.
"""

from __future__ import annotations

import sys

import click
from rich.table import Table

from .render import csv_out, echo_jsonl



def run_on_ray(inputs, db, output_parquet, address, workers, batch_size, max_chars,
               check_language, actors, quiet) -> None:
    """`eventwire run --engine ray`: code on Ray, then load into --db (a thin skin)."""
    from .main import console, print_summary

    try:
        from ..distributed import run_ray

        report = run_ray(inputs, db, output_parquet=output_parquet, address=address,
                         workers=workers, batch_size=batch_size, max_chars=max_chars,
                         check_language=check_language, actors=actors)
    except ImportError as exc:
        raise click.ClickException(str(exc)) from exc
    except ConnectionError as exc:
        raise click.ClickException(f"cannot reach the Ray cluster at {address!r}: {exc}. Start "
                                   "one with `ray start --head`, or leave out --address.") from exc
    if output_parquet:
        console.print(f"Parquet in {output_parquet}")
    print_summary(report, db)
    if report.duplicates:
        console.print(f"{report.duplicates} near-duplicates kept as copies, not coded")
    if not report.ok:
        sys.exit(1)


@click.command("load")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--db", default="eventwire.duckdb", show_default=True, help="DuckDB file to write.")
@click.option("--no-dedup", is_flag=True, help="Do not look for near-duplicate articles.")
def load_command(directory, db, no_dedup):
    """Load the Parquet of `eventwire run --engine ray --output-parquet DIRECTORY` into --db.

    Documents already stored are skipped, so loading twice adds nothing twice.
    """
    from ..store.load import LoadError, load_parquet
    from .main import console, print_summary

    try:
        report = load_parquet(directory, db, dedup=not no_dedup)
    except LoadError as exc:
        raise click.BadParameter(str(exc), param_hint="DIRECTORY") from exc
    print_summary(report, db)
    if report.duplicates:
        console.print(f"{report.duplicates} near-duplicates kept as copies, not coded")


def render_clusters(records, fmt: str) -> None:
    from .main import _actors, out

    if fmt == "jsonl":
        echo_jsonl(records)
        return
    if fmt == "csv":
        with csv_out() as writer:
            writer.writerow(["cluster_id", "date", "first_seen", "event_type", "actor", "recipient",
                             "events", "mentions", "sources", "articles", "sentence"])
            for r in records:
                writer.writerow([r["cluster_id"], r["date"], r["first_seen"], r["event_type"],
                                 ";".join(c or "" for c in r["actor_countries"]),
                                 ";".join(c or "" for c in r["recipient_countries"]), r["num_events"],
                                 r["num_mentions"], r["num_sources"], r["num_articles"], r["sentence"]])
        return
    table = Table()
    widths = {"date": 10, "type": 9, "actor": 5, "recipient": 5, "mentions": 3, "sources": 3,
              "articles": 3}
    for column, width in widths.items():
        table.add_column(column, no_wrap=True, min_width=width)
    table.add_column("sentence", no_wrap=True, overflow="ellipsis", ratio=1)
    for r in records:
        table.add_row(r["date"] or "", r["event_type"],
                      _actors([{"country": c, "sector": None} for c in r["actor_countries"]]),
                      _actors([{"country": c, "sector": None} for c in r["recipient_countries"]]),
                      str(r["num_mentions"]), str(r["num_sources"]), str(r["num_articles"]),
                      (r["sentence"] or "").strip())
    out.print(table)


def list_clusters(db, actor, recipient, event_type, since, until, limit, fmt) -> None:
    """`eventwire events --clustered`: one row per cluster with its counts."""
    from ..store.clusters import cluster_records
    from .main import _open

    with _open(db) as store:
        records = cluster_records(store, actor=actor, recipient=recipient, event_type=event_type,
                                  since=since, until=until, limit=limit)
    render_clusters(records, fmt)


@click.command("evaluate-clusters")
@click.argument("fixtures", type=click.Path(exists=True, file_okay=False))
@click.option("--db", default=":memory:", show_default=True,
              help="Store to code the fixture articles into (default: in memory).")
def evaluate_clusters_command(fixtures, db):
    """Code FIXTURES' articles, cluster their events and score against its gold.json.

    Prints pairwise precision and recall: of the pairs of events put in one cluster, how many
    report the same real event; of the pairs that do, how many were put in one cluster.
    """
    from ..evaluate.clusters import GoldError, evaluate_clusters
    from .main import out

    try:
        result = evaluate_clusters(fixtures, db)
    except GoldError as exc:
        raise click.BadParameter(str(exc), param_hint="FIXTURES") from exc
    table = Table(title=f"clusters · {result['events']} events · {result['gold_events']} real events",
                  title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key in ("pairwise_precision", "pairwise_recall", "pairwise_f1"):
        table.add_row(key, f"{result[key]:.3f}")
    table.add_row("clusters", str(result["clusters"]))
    table.add_row("duplicates", str(result["duplicates"]))
    out.print(table)
