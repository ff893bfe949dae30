"""Amounts: money with currency and scale, percentages, counts of people attached to events."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.extract.amounts import parse_count


@pytest.mark.parametrize("words, value", [
    ("12", 12), ("1,200", 1200), ("at least three", 3), ("more than 46,000", 46000),
    ("Eighty", 80), ("twenty five", 25), ("Thousands", 2000), ("tens of thousands", 20000),
    ("hundreds", 200), ("2.5 million", 2_500_000),
])
def test_number_phrases_have_their_value(words, value):
    assert parse_count(words.split()) == value


def test_a_phrase_that_is_no_number_has_no_value():
    assert parse_count(["several", "hundred", "thousand", "apples"]) is None



def amounts_of(result):
    return [(a.text, a.value, a.unit, a.what, a.kind) for a in result.amounts]


@pytest.mark.model
def test_money_with_a_scale_word_and_percentages(code):
    text = ("Turkey's arms exports were $5.5 billion in 2023, up 27.1%. The EU pledged €2bn in "
            "military aid, and Russia spent 1.2 trillion roubles, or 6.3 percent of its budget.")
    result = code(text)
    assert amounts_of(result) == [
        ("$5.5 billion", 5.5e9, "USD", "arms exports", "money"),
        ("27.1%", 27.1, "percent", "arms exports", "percent"),
        ("€2bn", 2e9, "EUR", "military aid", "money"),
        ("1.2 trillion roubles", 1.2e12, "RUB", None, "money"),
        ("6.3 percent", 6.3, "percent", "budget", "percent"),
    ]
    for amount in result.amounts:
        assert text[amount.start:amount.end] == amount.text


@pytest.mark.model
def test_counts_of_people_say_what_happened_to_them_and_join_their_event(code):
    text = ("Gunmen killed at least 12 people in Kabul on Tuesday. Police arrested more than 100 "
            "protesters. Thousands of students rallied outside parliament.")
    result = code(text)
    assert amounts_of(result) == [
        ("at least 12 people", 12, "people", "people", "KILL"),
        ("more than 100 protesters", 100, "people", "protesters", "ARREST"),
        ("Thousands of students", 2000, "people", "students", "CROWD"),
    ]
    by_kind = {a.kind: a for a in result.amounts}
    events = {e.event_id: e for e in result.events}
    assert events[by_kind["KILL"].event_id].event_type == "ASSAULT"
    assert events[by_kind["ARREST"].event_id].event_type == "COERCE"
    assert events[by_kind["CROWD"].event_id].event_type == "PROTEST"
    assert [a.sentence_index for a in result.amounts] == [0, 1, 2]


@pytest.mark.model
def test_the_killers_are_not_counted_as_killed(code):
    result = code("Two suicide bombers killed 23 people late Sunday, police said.")
    assert amounts_of(result) == [("23 people", 23, "people", "people", "KILL")]


@pytest.mark.model
def test_passive_and_wounded_counts(code):
    result = code("A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier "
                  "and wounded two others, the military said.")
    assert [(a.value, a.kind, a.what) for a in result.amounts] == [
        (1, "KILL", "U.S. soldier"), (2, "WOUND", "others")]


@pytest.mark.model
def test_amounts_are_stored_filtered_and_exported(tmp_path):
    import eventwire
    from eventwire.cli.main import cli
    from eventwire.records import Article

    db = tmp_path / "a.duckdb"
    eventwire.process([Article(id="a1", text="The U.S. sent $61 billion to Ukraine. Russian "
                               "strikes killed 14 civilians in Kharkiv.", published="2024-04-24")],
                      db=str(db), check_language=False)
    with eventwire.open(str(db)) as store:
        assert [a["value"] for a in store.amounts(unit="usd")] == [61e9]
        killed = store.amounts(kind="KILL")
        assert [(a["value"], a["what"]) for a in killed] == [(14, "civilians")]
        assert killed[0]["event_id"] is not None
        assert store.amounts(unit="EUR") == []
    runner = CliRunner()
    out = runner.invoke(cli, ["amounts", "--db", str(db), "--unit", "USD", "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    assert [json.loads(line)["text"] for line in out.output.splitlines()] == ["$61 billion"]
    bad = runner.invoke(cli, ["amounts", "--db", str(db), "--unit", "U$D; DROP"])
    assert bad.exit_code == 2 and "is not a unit" in bad.output
    target = tmp_path / "amounts.jsonl"
    out = runner.invoke(cli, ["export", "--db", str(db), "--format", "jsonl", "--table", "amounts",
                              "--output", str(target)])
    assert out.exit_code == 0, out.output
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert [r["text"] for r in records] == ["$61 billion", "14 civilians"]
    assert {"doc_id", "text", "start", "end", "value", "unit", "what", "event_id"} <= set(records[0])
