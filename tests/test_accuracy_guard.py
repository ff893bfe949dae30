"""Regression guard: fixed development subsets coded with the real model must not get worse.

Each figure below was measured at the commit that recorded it (see README, Accuracy); a change
that lowers one fails here. Raise a floor when the coder improves. Reads ../shared/data and
skips when it is absent (the data is never copied into the project).
"""

from __future__ import annotations

import pytest

from eventwire.evaluate import evaluate

pytestmark = [pytest.mark.model, pytest.mark.shared]

# (path under ../shared/data, format, items, metric path, recorded figure)
GUARDS = [
    ("plover-gsr/plover_gsr_dev.jsonl", "plover-gsr", None, ("type_top1",), 0.830),
    ("plover-gsr/plover_gsr_dev.jsonl", "plover-gsr", None, ("full_event_relaxed",), 0.751),
    ("plover-gsr/plover_gsr_dev.jsonl", "plover-gsr", None, ("actor_relaxed",), 0.964),
    ("conflibert-cameo/cameo_class_train.tsv", "conflibert", 400, ("quad_accuracy",), 0.868),
    # (0.621 -> 0.617 when unplaced rights and aid groups became NGO, CAMEO's code, which
    # raised the PLOVER actor match 0.956 -> 0.964; 0.641 after the rules that followed)
    ("silver/agnews_world_0201_0450.jsonl", "silver", None, ("f1",), 0.641),
    ("polnear/data/train", "polnear", 40, ("direct_content", "f1"), 0.882),
    ("polnear/data/train", "polnear", 40, ("indirect_content", "f1"), 0.596),
    ("polnear/data/train", "polnear", 40, ("speaker_accuracy",), 0.871),
    # 0.094 -> 0.090 when appeals ('urged') took CAMEO 02 as the ConfliBERT annotators code
    # them; PETRARCH's record DEMO-19 codes 'urged' 102 (a convention test, see README)
    ("petrarch2-unittest/PETR.UnitTest.records.xml", "petrarch", None, ("exact",), 0.101),
]
TOLERANCE = 0.002  # rounding only: a real drop fails

_reports: dict[tuple, dict] = {}


def _report(shared_data, path, fmt, limit):
    key = (path, fmt, limit)
    if key not in _reports:
        _reports[key] = evaluate(shared_data / path, fmt, limit=limit)
    return _reports[key]


@pytest.mark.parametrize("path, fmt, limit, metric, floor", GUARDS,
                         ids=[f"{g[1]}-{'.'.join(g[3])}" for g in GUARDS])
def test_accuracy_does_not_drop(shared_data, path, fmt, limit, metric, floor):
    value = _report(shared_data, path, fmt, limit)
    for key in metric:
        value = value[key]
    assert value >= floor - TOLERANCE, f"{fmt} {'.'.join(metric)} fell to {value} (recorded {floor})"
