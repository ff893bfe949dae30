"""The command line: each command parses options, calls one library function, prints."""

from __future__ import annotations

import json
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from .. import __version__
from ..records import EVENT_TYPES
from .render import csv_out, echo_jsonl

console = Console(stderr=True, soft_wrap=True)
out = Console()


def _date(ctx, param, value):
    if value is None:
        return None
    from ..ingest import normalise_date

    parsed = normalise_date(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD")
    return parsed


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
def cli() -> None:
    """eventwire: news articles in, coded political events (PLOVER/CAMEO) out."""


# --- run -------------------------------------------------------------------------------------

@cli.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default="eventwire.duckdb", show_default=True, help="DuckDB file to write.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes that parse and code in parallel (each loads the model once).")
@click.option("--batch-size", default=128, show_default=True, type=click.IntRange(1, 10_000),
              help="Documents per batch; each batch is committed atomically.")
@click.option("--max-chars", default=2_000_000, show_default=True, type=click.IntRange(1000),
              help="Documents longer than this are reported, not coded.")
@click.option("--no-language-check", is_flag=True, help="Code every document as English.")
@click.option("--actors", "actors", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A user actor dictionary (CSV, YAML or PETRARCH actors/agents file); "
                   "repeat for several.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; the summary only.")
@click.option("--engine", default="local", show_default=True, type=click.Choice(["local", "ray"]),
              help="Where to code: this machine, or a Ray cluster (pip install 'eventwire[ray]').")
@click.option("--address", help="Ray cluster to join: auto, or ray://host:10001 (default: a "
                                "local one). Only with --engine ray.")
@click.option("--output-parquet", type=click.Path(file_okay=False),
              help="With --engine ray: keep the Parquet (by publication date) in this directory.")
@click.pass_context
def run_command(ctx, inputs, db, workers, batch_size, max_chars, no_language_check, actors, quiet,
                engine, address, output_parquet):
    """Code INPUTS (files, directories or globs) into the store at --db.

    Reads .txt/.md, .jsonl/.json, .csv/.tsv, .html, .warc(.gz) and RSS/Atom files, also
    gzipped. Documents already in the store are skipped, so re-running resumes.
    """
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from ..extract.dictionaries import DictionaryError

    if engine == "ray":
        from .scale import run_on_ray

        explicit = ctx.get_parameter_source("workers") is not click.core.ParameterSource.DEFAULT
        try:
            return run_on_ray(inputs, db, output_parquet, address, workers if explicit else None,
                              batch_size, max_chars, not no_language_check, actors, quiet)
        except DictionaryError as exc:
            raise click.BadParameter(str(exc), param_hint="--actors") from None
    if address or output_parquet:
        raise click.UsageError("--address and --output-parquet go with --engine ray")
    from ..runner import run

    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                        TextColumn("{task.completed} docs"), TimeElapsedColumn(),
                        console=console, disable=quiet, transient=True)
    with progress:
        task = progress.add_task("coding", total=None)

        def advance(report, done):
            progress.update(task, advance=done,
                            description=f"coding · {report.events} events · {report.failed} failed")

        try:
            report = run(inputs, db, workers=workers, batch_size=batch_size, max_chars=max_chars,
                         check_language=not no_language_check, actors=actors, progress=advance)
        except DictionaryError as exc:
            raise click.BadParameter(str(exc), param_hint="--actors") from None
    print_summary(report, db)
    if not report.ok:
        sys.exit(1)


def print_summary(report, db: str) -> None:
    rate = report.stored / report.seconds if report.seconds else 0.0
    console.print(f"[bold]eventwire[/bold] → {db}: read {report.read}, stored {report.stored}, "
                  f"already stored {report.skipped}, failed {report.failed} "
                  f"({report.seconds:.1f}s, {rate:.1f} docs/s, {report.events} events)")
    if report.failures:
        reasons = Counter(f.reason for f in report.failures)
        console.print("[bold]Not stored[/bold] (where: reason: what to do)")
        for failure in report.failures[:20]:
            console.print(f"  {failure.where()}: {failure.reason}: {failure.detail}", markup=False,
                          highlight=False)
        if len(report.failures) > 20:
            console.print(f"... and {len(report.failures) - 20} more "
                          f"({', '.join(f'{k}: {v}' for k, v in reasons.most_common())}); "
                          f"all are in the store's failures table "
                          f"(eventwire export --table failures).")
    for where, message in report.warnings[:10]:
        console.print(f"[yellow]warning[/yellow] {where}: {message}")
    if len(report.warnings) > 10:
        console.print(f"... and {len(report.warnings) - 10} more warnings")
    if report.events_by_type:
        table = Table(title="Events by type", title_justify="left")
        table.add_column("type")
        table.add_column("events", justify="right")
        for kind, count in sorted(report.events_by_type.items(), key=lambda kv: -kv[1]):
            table.add_row(kind, str(count))
        console.print(table)


# --- events ----------------------------------------------------------------------------------

def _actors(group) -> str:
    return ", ".join(f"{a['country'] or '---'}{a['sector'] or ''}" for a in group) or "-"


def render_events(records, fmt: str) -> None:
    if fmt == "jsonl":
        echo_jsonl(records)
        return
    if fmt == "csv":
        with csv_out() as writer:
            writer.writerow(["event_id", "doc_id", "date", "event_type", "mode", "cameo", "quad_class",
                             "score", "actor", "recipient", "trigger", "negated", "modality",
                             "confidence", "sentence"])
            for r in records:
                writer.writerow([r["event_id"], r["doc_id"], r["date"], r["event_type"], r["mode"],
                                 r["cameo"], r["quad_class"], r["score"], _actors(r["actor"]),
                                 _actors(r["recipient"]), r["trigger"]["text"], r["negated"],
                                 r["modality"], r["confidence"], r["sentence"]])
        return
    if fmt == "lines":
        for r in records:
            flags = " ".join(filter(None, ["NEGATED" if r["negated"] else "",
                                           r["modality"] if r["modality"] != "asserted" else ""]))
            out.print(f"  [bold]{r['event_type']:9}[/bold] {_actors(r['actor'])} → "
                      f"{_actors(r['recipient'])}  «{r['trigger']['text']}» [dim]{flags}[/dim]",
                      highlight=False)
            out.print(f"      [dim]{r['sentence'].strip()}[/dim]", highlight=False, overflow="ellipsis",
                      no_wrap=True)
        return
    table = Table(show_lines=False)
    for column in ("date", "type", "actor", "recipient", "trigger", "flags"):
        table.add_column(column, no_wrap=True)
    table.add_column("sentence", no_wrap=True, overflow="ellipsis", ratio=1)
    for r in records:
        flags = ",".join(filter(None, ["neg" if r["negated"] else "",
                                       r["modality"] if r["modality"] != "asserted" else ""]))
        table.add_row(r["date"] or "", r["event_type"], _actors(r["actor"]), _actors(r["recipient"]),
                      r["trigger"]["text"], flags, r["sentence"])
    out.print(table)


@cli.command("events")
@click.option("--db", default="eventwire.duckdb", show_default=True)
@click.option("--actor", help="Actor country (TUR) or country+sector (TURGOV).")
@click.option("--recipient", help="Recipient country or country+sector.")
@click.option("--type", "event_type", type=click.Choice(EVENT_TYPES, case_sensitive=False))
@click.option("--since", callback=_date, help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=_date, help="Events on or before this date.")
@click.option("--doc", "doc_id", help="Only this document.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "jsonl", "csv"]))
@click.option("--clustered", is_flag=True,
              help="One row per event cluster (one real event) with its mentions, sources, articles.")
def events_command(db, actor, recipient, event_type, since, until, doc_id, limit, fmt, clustered):
    """List coded events, filtered."""
    if clustered:
        if doc_id:
            raise click.UsageError("--doc lists one document's events; leave out --clustered")
        from .scale import list_clusters

        return list_clusters(db, actor, recipient, event_type, since, until, limit, fmt)
    with _open(db) as store:
        records = store.events(actor=actor, recipient=recipient, event_type=event_type,
                               since=since, until=until, doc_id=doc_id, limit=limit)
    render_events(records, fmt)


def _open(db: str):
    from ..store import Store

    try:
        return Store(db, read_only=True)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc


# --- export ----------------------------------------------------------------------------------

@cli.command("export")
@click.option("--db", default="eventwire.duckdb", show_default=True)
@click.option("--format", "fmt", required=True,
              type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "gkg"]))
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, writable=True))
@click.option("--table", default="events", show_default=True,
              type=click.Choice(["events", "documents", "mentions", "quotes", "amounts",
                                 "places", "entities", "failures"]))
def export_command(db, fmt, output, table):
    """Write a table to a file: JSONL, CSV, Parquet, the GDELT-style TSV of dyads, or the
    GKG-style TSV of documents (--format gkg)."""
    from ..store import ExportError, export

    with _open(db) as store:
        try:
            count = export(store, fmt, output, table)
        except ExportError as exc:
            raise click.UsageError(str(exc)) from exc
    console.print(f"wrote {count} {'documents' if fmt == 'gkg' else table} records to {output}")


# --- evaluate --------------------------------------------------------------------------------

@cli.command("evaluate")
@click.argument("gold", type=click.Path(exists=True))
@click.option("--format", "fmt", required=True,
              type=click.Choice(["plover-gsr", "cameo-examples", "conflibert", "silver", "eventwire",
                                 "polnear", "petrarch"]),
              help="What the gold file is (see README, Accuracy).")
@click.option("--split", default="all", show_default=True, type=click.Choice(["all", "tune", "check"]),
              help="A fixed 80/20 split by item id: develop on 'tune', measure on 'check'.")
@click.option("--limit", type=click.IntRange(1), help="Score only the first N items.")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, writable=True),
              help="Also write the full report (per type, confusion matrix) as JSON.")
@click.option("--actors", "actors", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="User actor dictionaries to code with (as for `eventwire run`).")
def evaluate_command(gold, fmt, split, limit, output, actors):
    """Code the texts of a GOLD file and score the result against its labels."""
    from ..evaluate import evaluate
    from ..extract.dictionaries import DictionaryError

    try:
        report = evaluate(gold, fmt, split=split, limit=limit, actors=actors)
    except DictionaryError as exc:
        raise click.BadParameter(str(exc), param_hint="--actors") from None
    except (ValueError, KeyError, IsADirectoryError) as exc:  # a gold file this format cannot read
        reason = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        raise click.BadParameter(f"cannot read it as {fmt}: {reason}", param_hint="GOLD") from None
    print_evaluation(report)
    if output:
        Path(output).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        console.print(f"wrote {output}")


def print_evaluation(report: dict) -> None:
    table = Table(title=f"{report['format']} · {report['items']} items · split {report.get('split')}",
                  title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in report.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key != "items":
            table.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
        elif isinstance(value, dict) and "f1" in value and "per" not in key:
            table.add_row(f"{key} P/R/F1", f"{value['precision']:.3f} / {value['recall']:.3f} / {value['f1']:.3f}")
    out.print(table)
    if "per_category" in report:
        detail = Table(title="per category", title_justify="left")
        for column in ("category", "records", "exact"):
            detail.add_column(column, justify="right" if column != "category" else "left")
        for name, row in report["per_category"].items():
            detail.add_row(name, str(row["records"]), f"{row['exact']:.3f}")
        out.print(detail)
    per = report.get("per_type") or report.get("per_class")
    if per:
        detail = Table(title="per type" if "per_type" in report else "per class", title_justify="left")
        for column in ("label", "precision", "recall", "f1", "support"):
            detail.add_column(column, justify="right" if column != "label" else "left")
        for label, row in per.items():
            detail.add_row(label, f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}",
                           str(row["support"]))
        out.print(detail)


# --- demo ------------------------------------------------------------------------------------

def samples_dir() -> Path:
    return Path(str(resources.files("eventwire") / "samples"))


@cli.command("demo")
@click.option("--db", default="demo.duckdb", show_default=True)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64))
def demo_command(db, workers):
    """Code the bundled sample articles and show what was found."""
    from ..runner import run

    files = sorted(samples_dir().glob("*.txt"))
    console.print(f"Coding {len(files)} bundled sample articles into {db} ...")
    report = run([str(f) for f in files], db, workers=workers)
    print_summary(report, db)
    from ..evaluate.matching import Score, score_document

    expected = {}
    for path in files:
        coded = path.with_name(path.stem + ".expected.json")
        if coded.exists():
            expected[str(path)] = json.loads(coded.read_text(encoding="utf-8"))["events"]
    total = Score()
    with _open(db) as store:
        for document in sorted(store.documents(), key=lambda d: d["origin"] or ""):
            records = store.events(doc_id=document["doc_id"])
            out.rule(f"[bold]{document['title'] or document['doc_id']}[/bold] ({document['published']})")
            render_events(records, "lines")
            gold = expected.get(document["origin"])
            if gold is not None:
                score = score_document(records, gold)
                total.add(score)
                out.print(f"  [dim]hand-coded: {score.gold} events that happened; found {score.matched}; "
                          f"{score.system - score.matched} others coded[/dim]")
    if total.gold:
        out.print(f"\nAgainst the hand coding of the samples: precision {total.precision:.2f}, "
                  f"recall {total.recall:.2f} (type + actor and recipient countries).")
    out.print(f"Next: eventwire events --db {db} --actor TUR   ·   "
              f"eventwire export --db {db} --format jsonl --output events.jsonl")
    out.print(f"See them in the dashboard: eventwire serve --db {db}  (then open http://127.0.0.1:8000/)")


# --- commands defined in their own modules ---------------------------------------------------
from .quotes import quotes_command  # noqa: E402

cli.add_command(quotes_command)

# analysis, HTTP API and dashboard (issue 6)
from .analysis import COMMANDS as _ANALYSIS_COMMANDS  # noqa: E402
from .serve import serve_command  # noqa: E402

for _command in _ANALYSIS_COMMANDS:
    cli.add_command(_command)
cli.add_command(serve_command)

# amounts and entities (issue 5)
from .extras import amounts_command, entities_command  # noqa: E402

cli.add_command(amounts_command)
cli.add_command(entities_command)


def main() -> None:
    cli(prog_name="eventwire")


# --- scale: Ray engine (run --engine ray), load, event clusters (issue 7) --------------------
from .scale import evaluate_clusters_command, load_command  # noqa: E402

cli.add_command(load_command)
cli.add_command(evaluate_clusters_command)


if __name__ == "__main__":
    main()
