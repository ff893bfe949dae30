"""`eventwire serve`: the read-only HTTP API and dashboard over one store."""

from __future__ import annotations

import ipaddress

import click
from rich.console import Console

console = Console(stderr=True, soft_wrap=True)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@click.command("serve")
@click.option("--db", default="eventwire.duckdb", show_default=True,
              help="DuckDB file to serve (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default is reachable from this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--memory/--no-memory", "in_memory", default=True, show_default=True,
              help="Copy the event tables into memory, sorted for fast filters (the file is "
                   "only read); --no-memory reads the file directly and uses less memory.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve_command(db, host, port, in_memory, log_level):
    """Serve the HTTP API (/api/..., /openapi.json) and the dashboard (/) for --db."""
    from ..api import serve
    from ..store import Store

    try:
        Store(db, read_only=True).close()  # fail here, clearly, before the server starts
    except Exception as exc:  # missing file, pending migrations, locked by a writer, not DuckDB
        raise click.ClickException(str(exc)) from exc
    if not _is_loopback(host):
        console.print(f"[yellow]warning[/yellow]: binding {host} makes the API reachable from "
                      "other machines; it is read-only and has no authentication.")
    console.print(f"eventwire dashboard on http://{host}:{port}/  ·  API: /api/events, "
                  f"/openapi.json  ·  Ctrl+C stops")
    serve(db, host=host, port=port, log_level=log_level, in_memory=in_memory)
