"""Output helpers shared by the listing commands: JSON lines and CSV on standard output."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import click


def echo_jsonl(records: Iterable[dict]) -> None:
    """One JSON object a line, non-ASCII kept as is."""
    for record in records:
        click.echo(json.dumps(record, ensure_ascii=False, default=str))


@contextmanager
def csv_out() -> Iterator[csv.writer]:
    """A CSV writer whose rows are printed when the block ends."""
    buffer = io.StringIO()
    yield csv.writer(buffer)
    click.echo(buffer.getvalue(), nl=False)
