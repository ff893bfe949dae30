"""Ingest: files, JSONL, CSV, HTML, RSS/Atom and WARC in; Article and Failure records out."""

from .decode import normalise_date, stable_id
from .language import detect_language
from .readers import expand_inputs, read_inputs, read_path

__all__ = ["detect_language", "expand_inputs", "normalise_date", "read_inputs", "read_path",
           "stable_id"]
