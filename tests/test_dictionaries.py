"""User actor dictionaries: CSV, YAML and PETRARCH files through one mechanism."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from eventwire.extract.dictionaries import DictionaryError, load_dictionary

SENTENCE = "The SLF attacked the Wagner Group near Omdurman on Monday, the army said."

CSV = """text,country,sector,name,aliases,kind
Sudanese Liberation Front,SDN,REB,Sudanese Liberation Front,SLF,actor
Wagner Group,RUS,MIL,,Wagner|PMC Wagner,
militiamen,,REB,,,agent
"""

YAML = """
- text: Sudanese Liberation Front
  country: SDN
  sector: REB
  aliases: [SLF]
- text: Wagner Group
  country: RUS
  sector: MIL
"""

# PETRARCH syntax, with invented entries
PETRARCH_ACTORS = """<!-- a test dictionary -->
SUDANESE_LIBERATION_FRONT [SDNREB]
+SLF
WAGNER_GROUP [RUSMILWAG]  # a comment
BLUE_NILE_COUNCIL
[SDNGOV >20200101]
[SDNOPP <20200101]
"""
PETRARCH_AGENTS = """!PERSON! = MAN, MEN
MILITIA!PERSON! [~REB]
WATER_MINISTER {WATER_MINISTERS} [~GOVWAT]
"""


def test_csv_yaml_and_petrarch_read_the_same_actors(tmp_path):
    (tmp_path / "a.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(YAML, encoding="utf-8")
    (tmp_path / "actors.txt").write_text(PETRARCH_ACTORS, encoding="utf-8")
    (tmp_path / "agents.txt").write_text(PETRARCH_AGENTS, encoding="utf-8")
    csv_actors = {a.name: a for a in load_dictionary(tmp_path / "a.csv")}
    assert csv_actors["Wagner Group"].forms == ("Wagner Group", "Wagner", "PMC Wagner")
    assert (csv_actors["militiamen"].agent, csv_actors["militiamen"].sector) == (True, "REB")
    yaml_actors = {a.name: a for a in load_dictionary(tmp_path / "a.yaml")}
    assert yaml_actors["Sudanese Liberation Front"].forms == ("Sudanese Liberation Front", "SLF")
    petrarch = {a.name: a for a in load_dictionary(tmp_path / "actors.txt")}
    front = petrarch["Sudanese Liberation Front"]
    assert (front.country, front.sector) == ("SDN", "REB")
    assert "SLF" in front.forms and "Sudanese Liberation Front" in front.forms
    assert (petrarch["Wagner Group"].country, petrarch["Wagner Group"].sector) == ("RUS", "MIL")
    assert (petrarch["Blue Nile Council"].country, petrarch["Blue Nile Council"].sector) == (
        "SDN", "GOV")  # the code in force now
    agents = {a.name: a for a in load_dictionary(tmp_path / "agents.txt")}
    assert agents["militia"].forms == ("militiaman", "militiamen")
    assert agents["militia"].sector == "REB"
    assert agents["water minister"].forms == ("water minister", "water ministers")
    assert agents["water minister"].sector == "GOV"


@pytest.mark.parametrize("text, message", [
    ("name,country\nX,RUS\n", "needs a header with 'text'"),
    ("text,country,sector\nNobody,,\n", ":2: 'Nobody' has neither a country nor a sector"),
])
def test_bad_csv_dictionaries_say_file_and_line(tmp_path, text, message):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError, match=message):
        load_dictionary(path)


def test_bad_yaml_and_petrarch(tmp_path):
    (tmp_path / "bad.yaml").write_text("- text: [unclosed\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad.yaml:.*not valid YAML"):
        load_dictionary(tmp_path / "bad.yaml")
    (tmp_path / "bad.txt").write_text("+ORPHAN\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad.txt:1: synonym"):
        load_dictionary(tmp_path / "bad.txt")


@pytest.mark.model
@pytest.mark.parametrize("name, text", [("a.csv", CSV), ("a.yaml", YAML),
                                        ("actors.txt", PETRARCH_ACTORS)])
def test_a_user_dictionary_codes_actors_the_tables_lack(tmp_path, name, text):
    import eventwire

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    without = eventwire.code(SENTENCE, published="2024-05-06")
    assert not any(e.event_type == "ASSAULT" and e.actor and e.actor[0].country == "SDN"
                   for e in without.events)
    coded = eventwire.code(SENTENCE, published="2024-05-06", actors=(str(path),))
    assault = next(e for e in coded.events if e.event_type == "ASSAULT")
    assert [(a.country, a.sector) for a in assault.actor] == [("SDN", "REB")]
    assert [(a.country, a.sector) for a in assault.recipient] == [("RUS", "MIL")]


@pytest.mark.model
def test_run_with_actors_option_and_bad_dictionary(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "d1", "text": SENTENCE, "date": "2024-05-06"}) + "\n",
                      encoding="utf-8")
    good = tmp_path / "a.csv"
    good.write_text(CSV, encoding="utf-8")
    db = tmp_path / "x.duckdb"
    done = subprocess.run([sys.executable, "-m", "eventwire", "run", str(source), "--db", str(db),
                           "--actors", str(good), "-q"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    events = subprocess.run([sys.executable, "-m", "eventwire", "events", "--db", str(db),
                             "--actor", "SDNREB", "--format", "jsonl"],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    assert [json.loads(line)["event_type"] for line in events] == ["ASSAULT"]
    bad = tmp_path / "bad.csv"
    bad.write_text("text,country,sector\nNobody,,\n", encoding="utf-8")
    failed = subprocess.run([sys.executable, "-m", "eventwire", "run", str(source), "--db",
                             str(tmp_path / "y.duckdb"), "--actors", str(bad), "-q"],
                            capture_output=True, text=True)
    assert failed.returncode == 2
    assert "bad.csv:2" in failed.stderr and "Traceback" not in failed.stderr
