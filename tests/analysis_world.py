"""A small, hand-coded world of events whose analysis results are worked out by hand.

Three documents (January, February, March 2024), eight events between Turkey, Russia and
Ukraine; the expected dyads, balance, partners and network are written in the tests beside
the arithmetic that gives them.
"""

from __future__ import annotations

from eventwire.records import ActorMention, Article, DocResult, Event, Span

# (event id, doc, type, quad, score, actors, recipients, sentence, trigger)
# actors as (country, sector, word in the sentence)
EVENTS = [
    ("e1", "w1", "CONSULT", 1, 1.0, [("TUR", "GOV", "Erdogan"), ("RUS", "GOV", "Putin")], [],
     "Erdogan met Putin in Sochi.", "met"),
    ("e2", "w1", "AID", 2, 7.0, [("TUR", "GOV", "Turkey")], [("UKR", "GOV", "Ukraine")],
     "Turkey sold drones to Ukraine.", "sold"),
    ("e3", "w2", "ACCUSE", 3, -2.0, [("RUS", "GOV", "Moscow")], [("TUR", "GOV", "Ankara")],
     "Moscow accused Ankara of arming Kyiv.", "accused"),
    ("e4", "w2", "AGREE", 1, 3.0, [("TUR", "GOV", "Turkey")], [("RUS", "GOV", "Russia")],
     "Turkey agreed with Russia on grain.", "agreed"),
    ("e5", "w3", "ASSAULT", 4, -10.0, [("RUS", "MIL", "Russian troops")], [("UKR", "GOV", "Ukraine")],
     "Russian troops attacked Ukraine.", "attacked"),
    ("e6", "w3", "REJECT", 3, -4.0, [("UKR", "GOV", "Kyiv")], [("RUS", "GOV", "Moscow")],
     "Kyiv rejected the terms from Moscow.", "rejected"),
    ("e7", "w3", "SUPPORT", 1, 3.5, [("TUR", "GOV", "Ankara")], [("UKR", "GOV", "Ukraine")],
     "Ankara backed Ukraine <b>loudly</b> & firmly.", "backed"),
    ("e8", "w3", "THREATEN", 3, -6.0, [("RUS", "GOV", "Russia"), ("TUR", "GOV", "Turkey")],
     [("UKR", "GOV", "Ukraine")], "Russia and Turkey warned Ukraine.", "warned"),
]
DOCS = {"w1": ("2024-01-10", "January talks"), "w2": ("2024-02-15", "February spat"),
        "w3": ("2024-03-05", "March war <script>alert(1)</script>")}


def world() -> list[DocResult]:
    results = []
    for doc_id, (published, title) in DOCS.items():
        rows = [e for e in EVENTS if e[1] == doc_id]
        text, events = "", []
        for index, (event_id, _, kind, quad, score, actors, recipients, sentence, trigger) in enumerate(rows):
            start = len(text)
            text += sentence + " "

            def mention(country, sector, word):
                at = start + sentence.index(word)
                return ActorMention(word, at, at + len(word), word, country, sector)

            at = start + sentence.index(trigger)
            events.append(Event(
                event_id=event_id, doc_id=doc_id, sentence_index=index, sentence=sentence,
                sentence_start=start, sentence_end=start + len(sentence),
                trigger=Span(trigger, at, at + len(trigger)), event_type=kind, mode=None,
                cameo="000", quad_class=quad, score=score,
                actor=[mention(*a) for a in actors], recipient=[mention(*r) for r in recipients],
                date=published, date_precision="day", modality="asserted", confidence=0.9,
                coder="hand"))
        results.append(DocResult(article=Article(id=doc_id, text=text.strip(), title=title,
                                                 published=published, source="tests"),
                                 language="en", n_words=len(text.split()), events=events))
    return results


def write_world(store) -> None:
    store.write_batch(world(), [], None)
