"""Document tone, entity counts and the GKG-style TSV of documents."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from eventwire.extract.tone import document_tone
from eventwire.store.export import GKG_COLUMNS


def test_tone_is_positive_for_good_news_and_negative_for_bad():
    good = document_tone("The two leaders welcomed the peace agreement. It is a great success.")
    bad = document_tone("Gunmen killed 26 people in a brutal attack. The massacre horrified the "
                        "country.")
    assert good.tone > 0.3 and good.sentences == 2 and good.positive > good.negative
    assert bad.tone < -0.3 and bad.negative > bad.positive
    assert document_tone("  \n 12 34 ") is None


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
    assert set(tones) == {"g1", "g2"} and all(-1 <= t <= 1 for t in tones.values())
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
    assert georgia["Quotations"] == ""
    assert biden["V2Amounts"].startswith("95000000000,USD,aid package,")
    assert biden["V2Counts"].startswith("KILL#12#people#")
    assert biden["V2Persons"].count("Joe Biden,") == 2


@pytest.mark.model
def test_gkg_is_a_document_export(coded_db, tmp_path):
    from eventwire.cli.main import cli

    out = CliRunner().invoke(cli, ["export", "--db", str(coded_db), "--format", "gkg",
                                   "--table", "amounts", "--output", str(tmp_path / "x.tsv")])
    assert out.exit_code == 2 and "one row per document" in out.output
