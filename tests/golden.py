"""Golden cases: the coder's output on the bundled sample articles, pinned.

    python tests/golden.py            # rewrite tests/cases/samples.expected.json after a deliberate change

The pinned file is what the coder produced when it was last reviewed; test_golden.py fails on any
difference, so every change of output is seen and reviewed in the diff. The hand-coded truth is
beside each sample (samples/*.expected.json) and is scored separately.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "samples.expected.json"


def sample_paths() -> list[Path]:
    return sorted((ROOT / "src" / "eventwire" / "samples").glob("*.txt"))


def coded_samples() -> dict[str, list[dict]]:
    from eventwire.ingest import read_path
    from eventwire.pipeline import process_articles

    out = {}
    for path in sample_paths():
        (article,) = list(read_path(path))
        (result,) = process_articles([article])
        out[path.stem] = [summary(e) for e in result.events]
    return out


def summary(event) -> dict:
    return {
        "event_type": event.event_type,
        "actor": [f"{a.country or '---'}{a.sector or ''}" for a in event.actor],
        "recipient": [f"{a.country or '---'}{a.sector or ''}" for a in event.recipient],
        "trigger": event.trigger.text,
        "negated": event.negated,
        "modality": event.modality,
        "sentence_index": event.sentence_index,
    }


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    CASES.write_text(json.dumps(coded_samples(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {CASES}")
