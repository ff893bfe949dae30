"""Store: the DuckDB file (single writer, named migrations) and its exports."""

from .database import DEFAULT_DB, Store
from .export import FORMATS, TABLES, ExportError, export
from .migrations import MIGRATIONS

__all__ = ["DEFAULT_DB", "FORMATS", "MIGRATIONS", "TABLES", "ExportError", "Store", "export"]
