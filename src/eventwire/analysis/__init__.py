"""Answers from the store as DataFrames: dyad series, balance, partners, network, event search.

    import eventwire
    from eventwire import analysis

    with eventwire.open("news.duckdb") as store:
        analysis.dyad(store, "TUR", "RUS", by="month")
        analysis.balance(store, "TUR", "RUS", "UKR")
        nodes, edges = analysis.network(store)
        page = analysis.search_events(store, actor="TUR", event_type="AID", limit=20)

Every function takes a Store (or a DuckDB connection/cursor, as the HTTP API passes one per
request) and raises AnalysisError, a ValueError naming the bad parameter, on bad input.
"""

from .filters import PERIODS, AnalysisError
from .network import PARTNER_KINDS, network, partners
from .search import Page, document, documents, extra_rows, overview, search_events
from .series import balance, dyad

__all__ = ["AnalysisError", "PARTNER_KINDS", "PERIODS", "Page", "balance", "document", "documents",
           "dyad", "extra_rows", "network", "overview", "partners", "search_events"]
