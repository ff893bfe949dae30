"""The read-only HTTP API (FastAPI) and the dashboard it serves; see app.py."""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
