"""Title-case headlines are parsed in sentence case and quoted as written."""

from __future__ import annotations

import pytest

from eventwire.extract.tables import load_tables
from eventwire.nlp.headlines import headline_case, is_title_case, restore_words


@pytest.fixture(scope="module")
def words():
    tables = load_tables()
    return (frozenset(w for w in tables.verbs if " " not in w),
            frozenset(w for w in tables.sector_nouns if " " not in w),
            frozenset(tables.surface))


def test_title_case_is_told_from_sentence_case():
    assert is_title_case("Sudanese Decry UN Threat of Sanctions")
    assert not is_title_case("Pakistan bombs suspected al-Qaida camp")
    assert not is_title_case("Talks.")  # too few words to tell
    assert not is_title_case("PUTIN MEETS ERDOGAN IN ANKARA")  # all capitals: nothing to learn


def test_event_words_titles_and_function_words_go_to_lower_case(words):
    assert headline_case("Iraqi Leader Thanks U.S. in Speech to Congress\nBody.", *words) == \
        "Iraqi leader thanks U.S. in Speech to Congress\nBody."
    assert headline_case("Bush, Lawmakers Discuss Social Security (AP)\nBody.", *words) == \
        "Bush, lawmakers discuss Social Security (AP)\nBody."
    # a title before a name is part of it; names in the gazetteer keep their capitals
    assert headline_case("Prime Minister Allawi Meets President Bush\nBody.", *words) == \
        "Prime Minister Allawi meets President Bush\nBody."
    # only the first line, only when it is in title case
    assert headline_case("Pakistan bombs suspected camp\nTroops Attack.", *words) is None
    text = "Chile Condemns Attack on Embassy\nThe Foreign Ministry Condemns it."
    cased = headline_case(text, *words)
    assert len(cased) == len(text) and cased.endswith("The Foreign Ministry Condemns it.")


@pytest.mark.model
def test_the_parse_of_the_cased_text_keeps_the_words_as_written():
    from eventwire.nlp import load_model

    nlp = load_model()
    original = "Chile Condemns Attack on Embassy.\nNo one was hurt."
    doc = restore_words(nlp(original.replace("Condemns", "condemns")), original)
    assert doc.text == original
    assert doc[1].text == "Condemns" and doc[1].pos_ == "VERB" and doc[1].lemma_ == "condemn"
    assert [s.text.strip() for s in doc.sents] == ["Chile Condemns Attack on Embassy.", "No one was hurt."]


@pytest.mark.model
def test_a_title_case_headline_is_coded_and_quoted_as_written(code):
    result = code("Chile Condemns Attack on Embassy.\nNo one was hurt.")
    accusations = [e for e in result.events if e.event_type == "ACCUSE"]
    assert [(e.trigger.text, [a.country for a in e.actor]) for e in accusations] == [("Condemns", ["CHL"])]
    assert accusations[0].sentence.startswith("Chile Condemns Attack on Embassy.")
    assert [m.text for m in result.mentions] == ["Chile"]
