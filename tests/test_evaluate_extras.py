"""Scoring amounts and places against gold dead/injured/size/eventLoc values."""

from __future__ import annotations

import pytest

from eventwire.evaluate.extras import gold_value, place_matches, score_extras
from eventwire.evaluate.readers import GoldEvent, GoldItem, read_gold
from eventwire.records import Location

pytestmark = pytest.mark.model

# measured when amounts and places were last reviewed (README); a drop fails
AMOUNT_FLOOR = 0.86
PLACE_FLOOR = 0.82


def test_gold_sizes_in_words_take_the_extractors_values():
    assert [gold_value(v) for v in ("23", 46, "Thousands", "Tens of thousands", "scores")] == [
        23, 46, 2000, 20000, 40]


def test_gold_place_names_match_the_gazetteer_or_the_wording():
    basra = Location(text="Basra", name="Basrah", country="IRQ")
    assert place_matches("Basra", basra)
    herat = Location(text="Herat", name="Herāt", country="AFG")
    assert place_matches("province of Herat", herat)
    assert not place_matches("Kabul", herat)
    assert not place_matches("Kabul", None)


def test_hand_made_gold_items_are_scored():
    from eventwire.evaluate.score import code_items

    items = [
        GoldItem("a", "Three US servicemen were killed by a bomb outside the Iraqi city of Basra.",
                 [GoldEvent("ASSAULT")], extras={"dead": "3", "eventLoc": {"name": "Basra"}}),
        GoldItem("b", "Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.",
                 [GoldEvent("PROTEST")], extras={"size": "500", "eventLoc": {"name": "Mosul"}}),
    ]
    report = score_extras(items, code_items(items))
    assert report == {"amount_accuracy": 0.5, "amount_accuracy_n": 2, "amount_dead_accuracy": 1.0,
                      "amount_dead_n": 1, "amount_size_accuracy": 0.0, "amount_size_n": 1,
                      "place_accuracy": 0.5, "place_n": 2}


def test_plover_gold_amounts_and_places_stay_above_their_floors(shared_data):
    from eventwire.evaluate.score import code_items

    path = shared_data / "plover-gsr" / "plover_gsr_dev.jsonl"
    if not path.exists():
        pytest.skip("PLOVER gold records are not in ../shared/data")
    items = [item for item in read_gold(path, "plover-gsr") if item.extras]
    report = score_extras(items, code_items(items))
    assert report["amount_accuracy"] >= AMOUNT_FLOOR, report
    assert report["place_accuracy"] >= PLACE_FLOOR, report
