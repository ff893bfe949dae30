"""Amounts: money with its currency and scale, percentages, and counts of people.

GDELT's Knowledge Graph keeps numbers without what they count; here every amount carries the
noun phrase it quantifies ("what") and, for people, what happened to them (KILL, WOUND, ARREST,
CROWD, DISPLACED, or a plain count), and it is attached to the event whose trigger governs it.

Money and percentages are found by regular expressions (their surface is regular and the value
must be exact); counts of people are read from the parse, because whether "12" were killed or
did the killing is a question of syntax.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..records import Amount, Event
from .tables import _rows

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
          "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12}
WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}
# plural quantity words, valued at their lower bound ("dozens" is at least two dozen)
VAGUE = {"tens": 20, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
         "millions": 2e6}
VAGUE_UNIT = {"hundreds": 100, "thousands": 1000, "millions": 1e6}
QUALIFIERS = {"at", "least", "more", "than", "about", "some", "up", "to", "nearly", "almost",
              "over", "around", "roughly", "approximately", "under", "fewer", "less", "just",
              "as", "many", "much", "of", "and", "-", "estimated", "an", "a"}
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"trillion|billion|million|thousand|trn|tn|bn|mln|mn|m|k|b"
NUMBERS = re.compile(rf"(?<![\w.,])(?:{NUMBER})")
PERCENT_SIGN = re.compile(r"\s?(?:%|percent\b|per cent\b|pct\b)", re.IGNORECASE)
PHRASE_DEPS = {"compound", "amod", "nmod"}
QUANTIFIED_DEPS = {"compound", "nmod", "nummod", "amod", "quantmod"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# a count no trigger governs goes to an event of a type it can belong to in its sentence
KIND_EVENTS = {"KILL": {"ASSAULT", "COERCE"}, "WOUND": {"ASSAULT", "COERCE"},
               "ARREST": {"COERCE"}, "CROWD": {"PROTEST"}, "DISPLACED": {"COERCE", "ASSAULT"}}


@dataclass
class AmountTables:
    """Currencies, the verbs and nouns that say what happened to people, and people nouns."""

    currency: dict[str, str] = field(default_factory=dict)  # form -> ISO 4217
    before: re.Pattern | None = None  # a currency symbol or code just before a number
    after: re.Pattern | None = None  # a scale word and a currency word just after it
    verbs: dict[str, tuple[str, str]] = field(default_factory=dict)  # lemma -> (kind, role)
    nouns: dict[str, str] = field(default_factory=dict)  # lemma -> kind
    people: set[str] = field(default_factory=set)
    crowd_events: set[str] = field(default_factory=set)  # "staged demonstrations": a crowd


def _alternation(forms) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=1)
def amount_tables() -> AmountTables:
    tables = AmountTables()
    by_kind: dict[str, list[str]] = {"symbol": [], "word": [], "code": []}
    for row in _rows("currencies.csv"):
        tables.currency[row["form"].lower()] = row["code"]
        by_kind[row["kind"]].append(row["form"])
    symbols, words, codes = (_alternation(by_kind[k]) for k in ("symbol", "word", "code"))
    # a number is found first (cheap), then what is written just before and after it
    tables.before = re.compile(rf"(?:(?P<sym>{symbols})\s?|\b(?P<code>{codes})\s)$",
                               re.IGNORECASE)
    tables.after = re.compile(rf"(?:\s?(?P<scale>{SCALE})\b)?(?:\s(?P<word>{words}|{codes})\b)?",
                              re.IGNORECASE)
    for row in _rows("amount_words.csv"):
        if row["pos"] == "VERB":
            tables.verbs[row["word"]] = (row["kind"], row["role"])
        elif row["kind"] == "CROWD_EVENT":
            tables.crowd_events.add(row["word"])
        else:
            tables.nouns[row["word"]] = row["kind"]
    tables.people = {row["noun"] for row in _rows("people_nouns.csv")}
    return tables


def amount_id(doc_id: str, start: int, end: int) -> str:
    """Stable across runs, like event ids: the same span of the same document."""
    return hashlib.sha1(f"{doc_id}|{start}|{end}|amount".encode()).hexdigest()[:16]


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def parse_count(words: list[str]) -> float | None:
    """The value of a number phrase: "at least 12", "1,200", "two", "tens of thousands"."""
    words = [w.lower() for w in words if w.lower() not in QUALIFIERS or w.lower() in ("a", "an")]
    words = [w for w in words if w not in ("a", "an")] or words
    vague = [w for w in words if w in VAGUE]
    if vague:
        if len(vague) >= 2 and vague[-1] in VAGUE_UNIT:
            return float(VAGUE[vague[0]] * VAGUE_UNIT[vague[-1]])
        return float(VAGUE[vague[0]])
    total = current = 0.0
    seen = False
    for word in words:
        if re.fullmatch(NUMBER, word):
            current += _number(word)
        elif word in WORD_NUMBERS:
            current += WORD_NUMBERS[word]
        elif word in ("hundred",):
            current = (current or 1) * 100
        elif word in MULTIPLIERS or word in SCALES and len(word) > 3:
            total += (current or 1) * (MULTIPLIERS.get(word) or SCALES[word])
            current = 0.0
        elif word == "dozen":
            current = (current or 1) * 12
        else:
            return None
        seen = True
    return total + current if seen else None


def _phrase_text(noun: Token, skip: set[int]) -> tuple[str, int]:
    """The noun with its compound and adjective modifiers ("Georgian protesters"); its start."""
    tokens = [noun]
    stack = [noun]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in PHRASE_DEPS and child.i not in skip and child.i < noun.i:
                tokens.append(child)
                stack.append(child)
    first = min(t.i for t in tokens)
    doc = noun.doc
    return doc[first:noun.i + 1].text, doc[first].idx


class AmountFinder:
    """Amounts of one parsed text (a document or a piece of one), attached to its events."""

    def __init__(self, doc: Doc, doc_id: str, events: list[Event], offset: int = 0,
                 sentence_base: int = 0, tables: AmountTables | None = None,
                 text: str | None = None, ents: list[Span] | None = None) -> None:
        self.doc = doc
        # Doc.text and Doc.ents are rebuilt on every access: read them once
        self.text = doc.text if text is None else text
        self.ents = list(doc.ents) if ents is None else ents
        self.doc_id = doc_id
        self.offset = offset
        self.tables = tables or amount_tables()
        self._starts: list[int] | None = None  # first token of each sentence
        self.sentence_base = sentence_base
        self.trigger_at: dict[int, Event] = {}
        for event in events:
            span = doc.char_span(event.trigger.start - offset, event.trigger.end - offset,
                                 alignment_mode="expand")
            if span is not None:
                for token in span:
                    self.trigger_at[token.i] = event
        self.events = events

    # --- records -------------------------------------------------------------------------
    def _amount(self, start: int, end: int, value: float, unit: str, what: str | None,
                kind: str, event: Event | None, token: Token) -> Amount:
        start, end = start + self.offset, end + self.offset
        return Amount(amount_id=amount_id(self.doc_id, start, end), doc_id=self.doc_id,
                      text=self.text[start - self.offset:end - self.offset], start=start,
                      end=end, value=value, unit=unit, what=what, kind=kind,
                      event_id=event.event_id if event else None,
                      sentence_index=self._sentence_index(token))

    def _sentence(self, token: Token) -> tuple[int, int, int]:
        """(index in this text, first token, end token) of a token's sentence, from the
        sentence-start array (Doc.sents walks every token each time)."""
        if self._starts is None:
            flags = self.doc.to_array("SENT_START").tolist()
            self._starts = [0] + [i for i, flag in enumerate(flags) if flag == 1 and i > 0]
        k = bisect_right(self._starts, token.i) - 1
        end = self._starts[k + 1] if k + 1 < len(self._starts) else len(self.doc)
        return k, self._starts[k], end

    def _sentence_index(self, token: Token) -> int:
        return self._sentence(token)[0] + self.sentence_base

    def _governing_event(self, token: Token) -> Event | None:
        """The event whose trigger is the token or one of its heads (within the sentence)."""
        for candidate in (token, *token.ancestors):
            event = self.trigger_at.get(candidate.i)
            if event is not None:
                return event
        return None

    def _nearest_event(self, token: Token, kind: str) -> Event | None:
        _, first, end = self._sentence(token)
        types = KIND_EVENTS.get(kind, set())
        here = [e for i, e in self.trigger_at.items() if first <= i < end and e.event_type in types]
        if not here:
            return None
        position = token.idx + self.offset
        return min(here, key=lambda e: abs(e.trigger.start - position))

    # --- money and percentages -----------------------------------------------------------
    def money_and_percent(self) -> list[Amount]:
        text = self.text
        tables = self.tables
        found: list[Amount] = []
        for match in NUMBERS.finditer(text):
            start, end = match.span()
            value = _number(match.group())
            after = tables.after.match(text, end)
            scale = (after.group("scale") or "").lower()
            before = tables.before.search(text[max(0, start - 4):start])
            if before is not None:
                unit = tables.currency.get((before.group("sym") or before.group("code")).lower())
                if unit is not None:
                    start -= len(before.group())
                    end = after.end("scale") if scale else end
                    found.append(self._quantity(start, end, value * SCALES.get(scale, 1.0),
                                                unit, "money"))
                    continue
            if after.group("word"):
                unit = tables.currency.get(after.group("word").lower())
                if unit is not None:
                    found.append(self._quantity(start, after.end(), value * SCALES.get(scale, 1.0),
                                                unit, "money"))
                    continue
            percent = PERCENT_SIGN.match(text, end)
            if percent is not None:
                found.append(self._quantity(start, percent.end(), value, "percent", "percent"))
        return found

    def _quantity(self, start: int, end: int, value: float, unit: str, kind: str) -> Amount:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        root = span.root if span is not None else self.doc[0]
        skip = {t.i for t in span} if span is not None else set()
        what = self._what(root, skip)
        return self._amount(start, end, value, unit, what, kind, self._governing_event(root), root)

    def _what(self, root: Token, skip: set[int]) -> str | None:
        """What a sum or share is of: the noun it modifies, its "of"/"in" object, or the subject
        it is predicated of ("exports were $5.5 billion", "exports rose 27.1%")."""
        head = root.head
        if root.dep_ in QUANTIFIED_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i > root.i \
                and head.i not in skip:
            return _phrase_text(head, skip)[0]
        after = root.doc[max(skip) + 1] if skip and max(skip) + 1 < len(root.doc) else None
        for prep in [*root.children, *([after] if after is not None else [])]:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                        return _phrase_text(obj, skip)[0]
        verb = None
        if root.dep_ in ("attr", "acomp", "dobj", "npadvmod") and head.pos_ in ("AUX", "VERB"):
            verb = head
        elif root.dep_ == "npadvmod" and head.lower_ in ("up", "down") and head.head.pos_ in ("AUX", "VERB"):
            verb = head.head
        if verb is not None and (root.dep_ != "dobj" or verb.lemma_ in ("rise", "grow", "fall",
                                                                       "reach", "total", "increase",
                                                                       "drop", "climb", "jump")):
            for child in verb.children:
                if child.dep_ in SUBJECT_DEPS and child.pos_ in ("NOUN", "PROPN"):
                    return _phrase_text(child, skip)[0]
        return None

    # --- people ----------------------------------------------------------------------------
    def people(self, taken: list[tuple[int, int]]) -> list[Amount]:
        doc = self.doc
        spans: list[Span] = [e for e in self.ents if e.label_ == "CARDINAL"]
        in_ent = {i for e in self.ents for i in range(e.start, e.end)}
        # numbers outside entities, found on the token arrays (no Python object per token)
        vague = _vague_ids(doc.vocab.strings)
        like_num = doc.to_array("LIKE_NUM").tolist()
        for i, lower in enumerate(doc.to_array("LOWER").tolist()):
            if (like_num[i] or lower in vague) and i not in in_ent:
                spans.append(doc[i:i + 1])
        found = []
        for span in spans:
            if any(s < span.end_char and span.start_char < e for s, e in taken):
                continue
            amount = self._count(span)
            if amount is not None:
                found.append(amount)
        return found

    def _count(self, span: Span) -> Amount | None:
        value = parse_count([t.text for t in span])
        if value is None or value <= 0:
            return None
        head = span.root
        noun = None
        argument = head  # the token whose head verb says what happened to the people
        if head.dep_ in ("nummod", "quantmod", "compound") and head.head.pos_ in ("NOUN", "PROPN", "PRON") \
                and head.head.i > head.i:
            noun = argument = head.head
        else:  # "thousands of protesters rallied": the quantity word is the subject
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    noun = next((o for o in prep.children if o.dep_ == "pobj"), None)
        kind = self._kind(argument, bare=noun is None)
        if kind is None and noun is not None:
            lemma = noun.lemma_.lower()
            kind = self.tables.nouns.get(lemma)
            if kind is None and (lemma in self.tables.people or noun.ent_type_ == "NORP"):
                kind = "count"
        if kind is None:
            return None
        skip = {t.i for t in span}
        start, end = span.start_char, span.end_char
        what = None
        if noun is not None:
            what, _ = _phrase_text(noun, skip)
            end = max(end, noun.idx + len(noun.text))
        event = self._governing_event(argument)
        if event is None and kind != "count":
            event = self._nearest_event(argument, kind)
        return self._amount(start, end, value, "people", what, kind, event, head)

    def _kind(self, argument: Token, bare: bool) -> str | None:
        """KILL, WOUND, ARREST, DISPLACED or CROWD from the verb the counted people depend on."""
        verbs = self.tables.verbs
        for child in argument.children:  # "civilians killed in the attack"
            if child.dep_ in ("acl", "amod") and child.lemma_.lower() in verbs:
                kind, role = verbs[child.lemma_.lower()]
                if role == "object":
                    return kind
        node = argument
        while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            node = node.head
        verb = node.head
        entry = verbs.get(verb.lemma_.lower())
        if entry is None and node.dep_ == "nsubj" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.tables.crowd_events
                for c in verb.children):
            return "CROWD"  # "thousands of students staged mass demonstrations"
        if entry is None:
            return None
        kind, role = entry
        if node.dep_ in ("dobj", "nsubjpass", "obj") and role == "object":
            return kind
        if node.dep_ == "nsubj" and (role == "subject" or bare):
            return kind  # "thousands rallied"; "30 wounded" reads the number as the wounded
        return None


_VAGUE_IDS: dict[int, set[int]] = {}


def _vague_ids(strings) -> set[int]:
    if id(strings) not in _VAGUE_IDS:
        _VAGUE_IDS[id(strings)] = {strings.add(word) for word in VAGUE}
    return _VAGUE_IDS[id(strings)]


def find_amounts(doc: Doc, doc_id: str, events: list[Event], offset: int = 0,
                 sentence_base: int = 0, text: str | None = None,
                 ents: list[Span] | None = None) -> list[Amount]:
    """Money, percentages and counts of people in a parsed text, each with what it counts."""
    finder = AmountFinder(doc, doc_id, events, offset, sentence_base, text=text, ents=ents)
    money = finder.money_and_percent()
    taken = [(a.start - offset, a.end - offset) for a in money]
    for ent in finder.ents:  # dates, times and measures are not counts of people
        if ent.label_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
            taken.append((ent.start_char, ent.end_char))
    amounts = money + finder.people(taken)
    return sorted(amounts, key=lambda a: a.start)
