"""Document tone, entity counts and the GKG-style TSV of documents."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from eventwire.extract.tone import document_tone
from eventwire.store.export import GKG_COLUMNS


def test_tone_is_the_share_of_positive_minus_negative_words():
    # welcomed, peace, agreement, great, success: 5 positive words of 12
    good = document_tone("The two leaders welcomed the peace agreement. It is a great success.")
    assert (good.tone, good.positive, good.negative, good.words) == (41.6667, 41.6667, 0.0, 12)
    # killed, brutal, attack, horrified: 4 negative words of 15 ("26" is no word; VADER does
    # not rate "massacre")
    bad = document_tone("Gunmen killed 26 people in a brutal attack. The massacre horrified the "
                        "whole country on Monday.")
    assert (bad.tone, bad.negative, bad.words) == (-26.6667, 26.6667, 15)
    assert document_tone("  \n 12 34 ") is None


def test_a_negation_turns_the_next_words_around():
    assert document_tone("The talks were a success.").tone > 0
    assert document_tone("The talks were not a success.").tone < 0


@pytest.fixture(scope="module")
def coded_db(tmp_path_factory):
    import eventwire
    from eventwire.records import Article

    db = tmp_path_factory.mktemp("gkg") / "g.duckdb"
    articles = [
        Article(id="g1", published="2024-11-30", url="https://www.example.org/news/1",
                text="TBILISI, Georgia (Wire) — Police detained 107 people after thousands of "
                     "protesters rallied in Tbilisi. Prime Minister Irakli Kobakhidze condemned "
                     "the protesters. The European Union criticised the Georgian government."),
        Article(id="g2", published="2024-04-24", source="Wire",
                text="President Joe Biden signed a $95 billion aid package. Gunmen killed 12 "
                     "people in Kabul. Joe Biden welcomed the vote."),
    ]
    eventwire.process(articles, db=str(db), check_language=False)
    return db


@pytest.mark.model
def test_tone_is_stored_per_document(coded_db):
    import eventwire

    with eventwire.open(str(coded_db)) as store:
        tones = {d["doc_id"]: d["tone"] for d in store.documents()}
    assert set(tones) == {"g1", "g2"} and all(-100 <= t <= 100 for t in tones.values())
    assert tones["g1"] < 0


@pytest.mark.model
def test_entities_are_counted_by_name(coded_db):
    from eventwire.cli.main import cli

    out = CliRunner().invoke(cli, ["entities", "--db", str(coded_db), "--label", "person",
                                   "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    people = [json.loads(line) for line in out.output.splitlines()]
    assert people[0] == {"label": "PERSON", "name": "Joe Biden", "country": "USA", "mentions": 2,
                         "documents": 1}
    assert {p["name"] for p in people} >= {"Joe Biden", "Irakli Kobakhidze"}
    bad = CliRunner().invoke(cli, ["entities", "--db", str(coded_db), "--label", "THING"])
    assert bad.exit_code == 2


@pytest.mark.model
def test_gkg_export_has_one_row_per_document(coded_db, tmp_path):
    from eventwire.cli.main import cli

    target = tmp_path / "gkg.tsv"
    out = CliRunner().invoke(cli, ["export", "--db", str(coded_db), "--format", "gkg",
                                   "--output", str(target)])
    assert out.exit_code == 0, out.output
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert tuple(rows[0]) == GKG_COLUMNS
    by_id = {row["DocumentIdentifier"]: row for row in rows}
    georgia, biden = by_id["https://www.example.org/news/1"], by_id["g2"]
    assert georgia["GKGRECORDID"] == "20241130000000-g1" and georgia["DATE"] == "20241130000000"
    assert georgia["SourceCommonName"] == "example.org" and biden["SourceCommonName"] == "Wire"
    assert georgia["V2Counts"].split(";")[0].startswith("ARREST#107#people#")
    assert "CROWD#2000#protesters#" in georgia["V2Counts"]
    tbilisi = [loc for loc in georgia["V2Locations"].split(";") if "#Tbilisi#" in loc]
    feature, name, country, admin1, lat, lon, offset = tbilisi[0].split("#")
    assert (feature, country) == ("city", "GEO") and abs(float(lat) - 41.69) < 0.1
    assert "Irakli Kobakhidze," in georgia["V2Persons"]
    assert "European Union," in georgia["V2Organizations"]
    assert float(georgia["V2Tone"]) < 0
    # reported speech: offset|length|speaker|what was said (statements whose object is the content)
    assert georgia["Quotations"].split("#") == [
        "146|14|Irakli Kobakhidze|the protesters", "192|23|The European Union|the Georgian government"]
    assert biden["V2Amounts"].startswith("95000000000,USD,aid package,")
    assert biden["V2Counts"].startswith("KILL#12#people#")
    assert biden["V2Persons"].count("Joe Biden,") == 2


@pytest.mark.model
def test_gkg_is_a_document_export(coded_db, tmp_path):
    from eventwire.cli.main import cli

    out = CliRunner().invoke(cli, ["export", "--db", str(coded_db), "--format", "gkg",
                                   "--table", "amounts", "--output", str(tmp_path / "x.tsv")])
    assert out.exit_code == 2 and "one row per document" in out.output
