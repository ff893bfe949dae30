"""The bundled sample articles: output pinned, and scored against their hand coding."""

from __future__ import annotations

import json

import pytest

from eventwire.evaluate.matching import Score, score_document
from golden import CASES, coded_samples, sample_paths

pytestmark = pytest.mark.model

# Measured when the pinned output was last reviewed (README, "Accuracy"); a drop fails.
SAMPLES_PRECISION_FLOOR = 0.84
SAMPLES_RECALL_FLOOR = 0.70


@pytest.fixture(scope="module")
def coded():
    return coded_samples()


def test_there_are_eight_to_twelve_samples_each_with_a_hand_coding():
    paths = sample_paths()
    assert 8 <= len(paths) <= 12
    for path in paths:
        gold = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
        assert gold["events"], path.name
        body = path.read_text(encoding="utf-8")
        for event in gold["events"]:
            assert event["sentence"] in body, (path.name, event["sentence"])


def test_output_matches_the_pinned_golden_cases(coded):
    pinned = json.loads(CASES.read_text(encoding="utf-8"))
    assert sorted(coded) == sorted(pinned)
    for name in pinned:
        assert coded[name] == pinned[name], f"{name}: output changed; review and run tests/golden.py"


def test_hand_coded_events_are_found(coded):
    total = Score()
    for path in sample_paths():
        gold = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
        system = [{"event_type": e["event_type"], "actor": [a[:3] for a in e["actor"]],
                   "recipient": [r[:3] for r in e["recipient"]], "trigger": e["trigger"],
                   "negated": e["negated"], "modality": e["modality"]} for e in coded[path.stem]]
        score = score_document(system, gold["events"])
        assert score.matched >= 1, f"{path.stem}: no hand-coded event found"
        total.add(score)
    assert total.precision >= SAMPLES_PRECISION_FLOOR, total
    assert total.recall >= SAMPLES_RECALL_FLOOR, total
