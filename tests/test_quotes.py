"""Quotations: marks, cues, speakers (pronouns included), reported speech, store and export."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from eventwire.extract.quotes import quote_spans

pytestmark = pytest.mark.model

TEXT = (
    "MOSCOW (Wire) - Russian Foreign Minister Sergei Lavrov said on Monday that Moscow was ready "
    "to resume talks with Kyiv.\n\n"
    "\"We have never refused negotiations,\" Lavrov told reporters. \"The ball is in their court.\"\n\n"
    "He noted that the West had \"no interest in peace\".\n\n"
    "“Judge,” the lawyer said, “I have never seen a case like this one.”\n\n"
    "According to the ministry, 40 drones were shot down overnight.\n\n"
    "The film “Meet the Press” was shown on Sunday."
)


def test_quote_marks_pair_and_run_over_paragraphs():
    text = 'He said: “One. Two.\n\n“Three.” Then "four five" and “six'
    spans = [text[a:b] for a, b in quote_spans(text)]
    assert spans == ["“One. Two.\n\n“Three.”", '"four five"', "“six"]


def test_straight_quote_inside_a_word_does_not_open():
    assert quote_spans('The 5" gun and the 7" shell') == []


@pytest.fixture(scope="module")
def quotes(code):
    result = code(TEXT, published="2024-05-06")
    return {q.text: q for q in result.quotes}, result


def test_direct_quote_with_cue_and_resolved_speaker(quotes):
    found, result = quotes
    quote = found['"We have never refused negotiations," Lavrov told reporters. '
                  '"The ball is in their court."']
    assert quote.direct
    assert quote.cue.text == "told"
    assert quote.speaker.text == "Lavrov"
    assert (quote.speaker.name, quote.speaker.country, quote.speaker.sector) == (
        "Sergei Lavrov", "RUS", "GOV")
    assert result.article.text[quote.start:quote.end] == quote.text


def test_pronoun_speaker_follows_the_last_person(quotes):
    found, _ = quotes
    quote = found['that the West had "no interest in peace"']
    assert not quote.direct  # quoted words inside reported speech
    assert quote.speaker.text == "He"
    assert quote.speaker.name == "Sergei Lavrov"
    assert quote.cue.text == "noted"


def test_indirect_speech_and_according_to(quotes):
    found, _ = quotes
    said = found["that Moscow was ready to resume talks with Kyiv"]
    assert not said.direct and said.cue.text == "said" and said.speaker.name == "Sergei Lavrov"
    according = found["40 drones were shot down overnight"]
    assert according.cue.text == "According to" and according.speaker.text == "the ministry"


def test_quote_split_by_its_attribution_is_one_quote(quotes):
    found, _ = quotes
    quote = found["“Judge,” the lawyer said, “I have never seen a case like this one.”"]
    assert quote.direct and quote.speaker.text == "the lawyer"


def test_titles_are_not_quotes(quotes):
    found, _ = quotes
    assert not any("Meet the Press" in text for text in found)


def test_quotes_are_stored_exported_and_queried(tmp_path):
    from eventwire import process
    from eventwire.store import Store

    source = tmp_path / "lavrov.jsonl"
    source.write_text(json.dumps({"id": "q1", "text": TEXT, "date": "2024-05-06"}) + "\n",
                      encoding="utf-8")
    db = tmp_path / "q.duckdb"
    process([source], db=str(db))
    output = tmp_path / "quotes.jsonl"
    subprocess.run([sys.executable, "-m", "eventwire", "export", "--db", str(db),
                    "--table", "quotes", "--format", "jsonl", "--output", str(output)],
                   check=True, capture_output=True)
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 5
    for record in records:
        assert {"doc_id", "text", "start", "end", "direct", "cue", "speaker"} <= set(record)
        assert record["doc_id"] == "q1"
        assert TEXT[record["start"]:record["end"]] == record["text"]
        if record["speaker"]:
            speaker = record["speaker"]
            assert {"text", "start", "end", "name", "country", "sector"} <= set(speaker)
            assert TEXT[speaker["start"]:speaker["end"]] == speaker["text"]
    with Store(db, read_only=True) as store:
        lavrov = store.quotes(speaker="lavrov")
        assert {q["speaker"]["name"] for q in lavrov} == {"Sergei Lavrov"}
        russian = store.quotes(actor="RUSGOV")
        assert {q["quote_id"] for q in lavrov} < {q["quote_id"] for q in russian}
        assert "the ministry" in {q["speaker"]["text"] for q in russian}
        assert store.quotes(actor="UKR") == []
        assert all(q["direct"] for q in store.quotes(direct=True))
    shown = subprocess.run([sys.executable, "-m", "eventwire", "quotes", "--db", str(db),
                            "--speaker", "Lavrov", "--format", "jsonl"],
                           check=True, capture_output=True, text=True).stdout.splitlines()
    assert len(shown) == len(lavrov)


def test_sample_article_pronoun_speaker(code):
    from importlib import resources

    text = (resources.files("eventwire") / "samples" / "09_ukraine_rejects_putin_terms.txt"
            ).read_text(encoding="utf-8")
    result = code(text, published="2024-06-15")
    quote = next(q for q in result.quotes if q.text.startswith("“It's not for Ukraine"))
    assert quote.direct and quote.speaker.text == "he"
    assert quote.speaker.name == "Jens Stoltenberg"
    assert quote.speaker.country == "IGO"  # NATO's secretary general


def test_lead_in_words_and_headline_colons_are_reported_speech(code):
    text = ("Erdogan: Turkey Will Not Join The Sanctions On Moscow.\n\n"
            "The plan is “a betrayal of our farmers,” the minister said.\n\n"
            "Protesters yelled “Shame!” at the police.")
    found = {q.text: q for q in code(text).quotes}
    headline = found["Turkey Will Not Join The Sanctions On Moscow"]
    assert (headline.direct, headline.cue.text, headline.speaker.text) == (False, ":", "Erdogan")
    lead_in = found["The plan is “a betrayal of our farmers,”"]
    assert not lead_in.direct and lead_in.cue.text == "said"
    assert found["“Shame!”"].direct


def test_partial_quotes_opening_reported_speech_are_direct(code):
    text = ("The coach says “the whole game has become too soft” because referees fear lawsuits.\n\n"
            "The mayor thanked the crowd and told his supporters, “our city is back in business.”\n\n"
            "The senator praised the deal, adding, “This is a good day for farmers in Ohio.”\n\n"
            "The minister sent an email saying: “The talks go on” and vowing to return on Monday.")
    found = {q.text: q for q in code(text).quotes}
    mixed = found["“the whole game has become too soft” because referees fear lawsuits"]
    assert mixed.direct and mixed.cue.text == "says" and mixed.speaker.text == "The coach"
    told = found["“our city is back in business.”"]
    assert told.direct and told.cue.text == "told" and told.speaker.text == "The mayor"
    added = found["“This is a good day for farmers in Ohio.”"]
    assert added.direct and added.cue.text == "adding" and added.speaker.text == "The senator"
    assert found["“The talks go on”"].direct  # the quotation ends at its mark before "and vowing"


def test_signed_quotes_and_colon_leads(code):
    text = ("Readers sent us their views.\n"
            "“I am proud of my town and its people.” ― Maria Lopez\n"
            "“We need better roads before winter comes.”― Tom Becker\n\n"
            "The aide was irritated: “Just send the statement today,” she wrote.")
    found = {q.text: q for q in code(text).quotes}
    signed = found["“I am proud of my town and its people.”"]
    assert signed.direct and signed.speaker.text == "Maria Lopez"
    assert found["“We need better roads before winter comes.”"].speaker.text == "Tom Becker"
    written = found["“Just send the statement today,”"]
    assert written.direct and written.cue.text == "wrote" and written.speaker.text == "she"
