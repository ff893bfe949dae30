"""`eventwire evaluate`: readers and metrics on small files we write, and a guard on shared data."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli.main import cli
from eventwire.evaluate import evaluate, read_gold, split_of
from eventwire.evaluate.readers import plover_type_of_cameo

pytestmark = pytest.mark.model


def test_cameo_codes_map_to_plover_types():
    assert plover_type_of_cameo("010") is None
    assert plover_type_of_cameo("0231") == "REQUEST"
    assert plover_type_of_cameo("055") == "CONCEDE"
    assert plover_type_of_cameo("057") == "SUPPORT"
    assert plover_type_of_cameo("083") == "CONCEDE"
    assert plover_type_of_cameo("0874") == "RETREAT"
    assert plover_type_of_cameo("163") == "SANCTION"
    assert plover_type_of_cameo("195") == "ASSAULT"


def test_split_is_fixed_and_about_one_in_five():
    ids = [f"item-{i}" for i in range(1000)]
    check = [i for i in ids if split_of(i) == "check"]
    assert 150 < len(check) < 250
    assert check == [i for i in ids if split_of(i) == "check"]


def write_gsr(path):
    records = [
        {"id": "G-1", "event": "FIGHT", "text": "Russia attacked Ukraine on Monday.",
         "source": [{"actorText": "Russia", "code": "RUS"}], "target": [{"actorText": "Ukraine", "code": "UKR"}]},
        {"id": "G-2", "event": "DEMAND", "text": "The United States urged Israel to allow aid into Gaza.",
         "source": [{"actorText": "United States", "code": "USA", "sector": "GOV"}],
         "target": [{"actorText": "Israel", "code": "ISR"}]},
        {"id": "G-3", "event": "AGREE", "text": "Jordan and Britain agreed to hold talks.",
         "source": [{"actorText": "Jordan", "code": "JOR"}, {"actorText": "Britain", "code": "GBR"}],
         "target": "", "textInfo": {"markup": "(SRC/TAR: Jordan) and (SRC/TAR: Britain) (EVT: agreed)"}},
        {"id": "G-4", "event": "PROTEST", "text": "The weather was mild in Paris on Sunday.",
         "source": [{"actorText": "x", "code": "FRA"}], "target": ""},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")


def test_plover_gsr_reader_maps_names_and_reciprocal_markup(tmp_path):
    path = tmp_path / "gsr.jsonl"
    write_gsr(path)
    items = read_gold(path, "plover-gsr")
    assert [i.events[0].event_type for i in items] == ["ASSAULT", "REQUEST", "AGREE", "PROTEST"]
    joint = items[2].events[0]
    assert [a.country for a in joint.actor] == ["JOR", "GBR"] and joint.recipient == []


def test_sentence_metrics_on_known_items(tmp_path):
    path = tmp_path / "gsr.jsonl"
    write_gsr(path)
    report = evaluate(path, "plover-gsr")
    # three of the four sentences are coded right in type, actors and recipients; the fourth
    # has no event in the text at all
    assert report["items"] == 4
    assert report["type_top1"] == 0.75
    assert report["type_recall"] == 0.75
    assert report["full_event_relaxed"] == 0.75
    assert report["actor_relaxed"] == 1.0
    assert report["no_event_share"] == 0.25
    assert report["confusion"]["PROTEST"] == {"NONE": 1}
    assert report["per_type"]["ASSAULT"]["f1"] == 1.0


def test_conflibert_quad_and_spans(tmp_path):
    tsv = tmp_path / "cameo_class_x.tsv"
    # PentaClass: an appeal ('urged', CAMEO 02) is class 0 like a statement; a demand (CAMEO 10) 3
    tsv.write_text("Russia attacked Ukraine on Monday.\t4\nThe minister said prices rose.\t0\n"
                   "Turkey and Russia signed an agreement.\t1\n"
                   "Germany urged Iran to free the prisoners.\t0\n"
                   "Russia demanded that Ukraine withdraw its troops.\t3\n"
                   # a yield (CAMEO 08) is material cooperation in PentaClass
                   "Saudi Arabia lifted the curfew in Riyadh.\t2\n", encoding="utf-8")
    report = evaluate(tsv, "conflibert")
    assert report["quad_accuracy"] == 1.0, report["confusion"]
    ner = tmp_path / "cameo_ner_x.txt"
    ner.write_text("Russia B-S\nattacked O\nUkraine B-T\n. O\n\nThe O\nEuropean B-S\nUnion I-S\n"
                   "sanctioned O\nIran B-T\n. O\n", encoding="utf-8")
    items = read_gold(ner, "conflibert")
    assert items[1].text == "The European Union sanctioned Iran ."
    assert items[1].spans["S"] == [(4, 18)]
    spans = evaluate(ner, "conflibert")
    assert spans["T_exact"]["f1"] == 1.0
    assert spans["S_overlap"]["recall"] == 1.0


def test_eventwire_format_and_cli(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "d1", "text": "Russia attacked Ukraine. Turkey sold drones to Ukraine.",
                                "events": [{"event_type": "ASSAULT", "actor": [{"country": "RUS"}],
                                            "recipient": [{"country": "UKR"}]},
                                           {"event_type": "AID", "actor": [{"country": "TUR"}],
                                            "recipient": [{"country": "UKR"}]},
                                           {"event_type": "PROTEST", "actor": [{"country": "UKR"}]}]}) + "\n")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--format", "eventwire", "--output", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert (report["matched"], report["gold_events"], report["system_events"]) == (2, 3, 2)
    assert report["precision"] == 1.0 and report["recall"] == pytest.approx(0.6667, abs=1e-4)
    assert "recall" in result.output


def test_eventwire_format_reads_hand_coded_articles_like_the_samples(tmp_path):
    (tmp_path / "a.txt").write_text("Title: Strike\nDate: 2024-05-02\n\nRussia attacked Ukraine on "
                                    "Tuesday. Turkey sold drones to Ukraine.\n", encoding="utf-8")
    (tmp_path / "a.expected.json").write_text(json.dumps({"doc": "a", "events": [
        {"event_type": "ASSAULT", "actor": ["RUS"], "recipient": ["UKRMIL"]},
        {"event_type": "PROTEST", "actor": ["---"], "recipient": []}]}), encoding="utf-8")
    items = read_gold(tmp_path, "eventwire")
    assert [i.id for i in items] == ["a"] and items[0].published == "2024-05-02"
    assert items[0].text.startswith("Russia attacked Ukraine")
    assert items[0].events[0].recipient[0].country == "UKR"
    assert items[0].events[0].recipient[0].sector == "MIL"
    assert items[0].events[1].actor[0].country is None
    report = evaluate(tmp_path, "eventwire")
    assert (report["matched"], report["gold_events"]) == (1, 2)
    (tmp_path / "b.expected.json").write_text('{"events": []}', encoding="utf-8")
    with pytest.raises(ValueError, match="b.txt"):
        read_gold(tmp_path, "eventwire")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(cli, ["evaluate", str(empty), "--format", "eventwire"])
    assert result.exit_code == 2 and "no NAME.expected.json" in result.output


def test_a_joint_actor_needs_two_of_its_parties():
    from eventwire.evaluate.matching import score_document
    gold = [{"type": "ASSAULT", "actor": [{"country": "USA"}, {"country": "IRQ"}],
             "recipient": []}]
    one_side = [{"event_type": "ASSAULT", "actor": [{"country": "USA"}], "recipient": []}]
    both = [{"event_type": "ASSAULT", "actor": [{"country": "IRQ"}, {"country": "USA"}],
             "recipient": [{"country": "IRQ"}]}]
    assert score_document(one_side, gold).matched == 0
    assert score_document(both, gold).matched == 1
    # one party named twice, or the EU (EUR, also an IGO), is no joint actor
    single = [{"type": "AGREE", "actor": [{"country": "EUR"}, {"country": "EUR"}], "recipient": []}]
    assert score_document([{"event_type": "AGREE", "actor": [{"country": "EUR"}]}], single).matched == 1


def test_legacy_country_codes_in_gold_records_read_as_iso():
    from eventwire.evaluate.readers import _country
    assert (_country("ITL"), _country("JAP"), _country("ita"), _country("---")) == (
        "ITA", "JPN", "ITA", None)
