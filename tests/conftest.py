from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def extractor(nlp):
    from eventwire.extract import Extractor

    return Extractor(nlp)


@pytest.fixture(scope="session")
def code():
    """Code a text with the real model; returns the DocResult."""
    import eventwire

    def _code(text: str, published: str | None = "2024-10-23"):
        return eventwire.code(text, published=published)

    return _code


@pytest.fixture()
def store():
    from eventwire.store import Store

    with Store(":memory:") as db:
        yield db


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not beside the project")
    return SHARED_DATA


def summarise(events):
    """Events as comparable tuples: (type, actor countries, recipient countries)."""
    return [(e.event_type, tuple(a.country for a in e.actor), tuple(r.country for r in e.recipient))
            for e in events]


# --- analysis, HTTP API and dashboard (issue 6) ----------------------------------------------
@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """A store coded from the bundled sample articles with the real model (like `make demo`)."""
    import eventwire
    from eventwire.cli.main import samples_dir

    path = tmp_path_factory.mktemp("samples") / "samples.duckdb"
    report = eventwire.process(sorted(str(p) for p in samples_dir().glob("*.txt")), db=str(path))
    assert report.stored == len(list(samples_dir().glob("*.txt"))) and report.events > 20
    return path
