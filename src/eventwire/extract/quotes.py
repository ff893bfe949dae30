"""Quotations: who said what, in quotation marks or in reported speech.

Three kinds are found in a parsed document:

* **direct** quotes: words inside quotation marks (curly, straight or guillemets), including
  quotes that run over several sentences or paragraphs, quotes split by their attribution
  (“Judge,” he said, “I have never ...”) and a quote that goes on in the next paragraph;
* **indirect** speech: a reporting verb with a clause as its object ("X said that ...",
  "X told reporters the talks had failed"), the clause being the content;
* **according to** X, content.

Each gets its cue (the reporting verb), its speaker as written (possibly a pronoun) and the
speaker's resolved full name and actor code. Quoted words inside reported speech ("she said the
plan was “dead on arrival”") belong to that indirect quote rather than standing alone.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..records import ActorMention, Quote, Span as TextSpan
from .actors import DocActors

# reporting verbs whose subject is a speaker; those that take a clause as content
SPEECH_CUES = {
    "say", "tell", "add", "state", "claim", "report", "note", "insist", "declare", "write",
    "stress", "confirm", "announce", "assert", "argue", "explain", "suggest", "acknowledge",
    "admit", "reveal", "indicate", "tweet", "warn", "ask", "reply", "respond", "continue",
    "recall", "predict", "promise", "vow", "deny", "contend", "maintain", "emphasize",
    "emphasise", "testify", "complain", "conclude", "remark", "observe", "quip", "joke",
    "shout", "yell", "scream", "whisper", "answer", "concede", "agree", "charge", "allege",
    "proclaim", "boast", "lament", "muse", "post", "caution", "counter", "retort", "urge",
    "call", "describe", "blast", "pledge", "estimate", "predict", "speculate", "wonder",
    "recount", "repeat", "reiterate", "point", "accuse", "criticize", "criticise", "mock",
    "tout", "chant", "demand", "plead", "assure", "signal", "hint", "email", "text",
}
# verbs of belief and finding: content clauses, not quotation marks
BELIEF_CUES = {"believe", "think", "feel", "fear", "hope", "expect", "know", "show", "find",
               "worry", "doubt", "suspect", "assume", "guess", "reckon", "understand",
               "realize", "realise", "imagine", "want", "learn", "conclude", "argue"}
CLAUSE_CUES = SPEECH_CUES | BELIEF_CUES
# verbs of saying and judging whose object is what was said: "praised the deal",
# "called for a ceasefire", "threatened to impose tariffs", "denied the report"
OBJECT_CUES = {
    "praise", "criticize", "criticise", "defend", "condemn", "call", "urge", "demand",
    "threaten", "promise", "pledge", "vow", "propose", "mention", "discuss", "deny", "reject",
    "endorse", "oppose", "blame", "accuse", "question", "dismiss", "describe", "highlight",
    "cite", "announce", "acknowledge", "warn", "ask", "predict", "suggest", "recommend", "tout",
    "slam", "decry", "denounce", "lament", "welcome", "applaud", "dispute", "challenge",
    "emphasize", "emphasise", "stress", "argue", "claim", "explain", "refuse", "decline",
    "want", "plan", "hope", "insist", "comment", "talk", "speak", "admit",
    "confirm", "express", "voice", "tweet", "write", "label", "dub", "brand", "mock",
    "ridicule", "thank", "congratulate", "apologize", "apologise", "concede", "offer",
    "recall", "reiterate", "repeat", "signal", "compare", "liken", "characterize", "portray",
}
OBJECT_PREPS = {"for", "about", "on", "against", "of", "to"}
NOT_SPEAKER_DEPS = {"expl"}
OPENING = {"“": "”", "\"": "\"", "«": "»", "„": "“"}
CLOSING = {"”", "\"", "»", "“"}
PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[“\"«„])")
SPEAKER_DEPS = ("nsubj", "nsubjpass")
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "it", "we", "i", "you", "them", "us"}
MIN_DIRECT_WORDS = 1
# words that open a clause of circumstance after a quotation: “...,” when Clinton blasted him
SUBORDINATORS = {"when", "as", "while", "after", "before", "during", "since", "until"}


@dataclass
class _Found:
    start: int  # character offsets in the parsed text
    end: int
    direct: bool
    cue: Token | Span | None
    speaker: Token | None
    parts: list[tuple[int, int]] = field(default_factory=list)


# --- quotation marks ---------------------------------------------------------------------------

def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, marks included.

    A passage that reaches the end of a paragraph without a closing mark goes on when the next
    paragraph opens with a mark (the news convention for long quotes); otherwise it ends there.
    Straight quotes open after a space or the start of a line and close before one.
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    while i < n:
        char = text[i]
        if char not in OPENING or not _opens(text, i):
            i += 1
            continue
        start = i
        close = OPENING[char]
        j = i + 1
        end = None
        while j < n:
            c = text[j]
            if c == "\n":
                k = j
                while k < n and text[k] in " \t\r\n\xa0":
                    k += 1
                breaks = text.count("\n", j, k)
                if breaks >= 1 and k < n and text[k] in OPENING and _opens(text, k):
                    if breaks >= 2 or text[k] in OPENING:
                        j = k + 1  # the quote goes on in the next paragraph
                        continue
                if breaks >= 2 or k >= n:
                    end = _trim_end(text, start, j)
                    break
                j = k
                continue
            # a closing curly mark ends any quote, also one opened with a straight mark
            if c == close or (c in CLOSING and c != char and close != "\"" and c != "“"):
                end = j + 1
                break
            if c == "“" and char == "“" and text[j - 1] in ",.!?" and (
                    j + 1 >= n or text[j + 1].isspace()):
                end = j + 1  # a closing mark typed as an opening one: ...here,“ said Clyburn
                break
            if close == "\"" and c == "\"":
                end = j + 1
                break
            j += 1
        if end is None:
            end = _trim_end(text, start, j)
        if end - start > 2:
            spans.append((start, end))
        i = max(end, i + 1)
    return spans


def _opens(text: str, i: int) -> bool:
    char = text[i]
    if char == "\"":
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return (before.isspace() or before in "([{—–-:") and not after.isspace()
    return True


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _text(doc: Doc) -> str:
    """The document's text, built once (spaCy rebuilds Doc.text on every access)."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text


# --- the finder -------------------------------------------------------------------------------

def find_quotes(doc: Doc, actors: DocActors, doc_id: str, offset: int = 0,
                sentence_base: int = 0) -> list[Quote]:
    """Quotations in a parsed text, with offsets into the stored document (``offset`` added)."""
    text = actors.text
    marks = quote_spans(text)
    sentence_of = _sentence_index(doc)
    found: list[_Found] = []

    # 1. direct quotes and the cue that introduces each
    previous: _Found | None = None
    for start, end in marks:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        words = sum(1 for t in span if not t.is_punct)
        exclaimed = text[start:end].rstrip("”\"» ")[-1:] in ("!", "?")  # yelled “You lie!”
        if not exclaimed and (words < MIN_DIRECT_WORDS or _is_title(span) or words < 3) and \
                not _attribution_follows(doc, span):
            continue
        cue = _dash_attribution(doc, end, text) or _cue_near(doc, span, marks)
        if cue is None and previous is not None and _continues(text, previous, start, doc):
            previous.end = end
            previous.parts.append((start, end))
            continue
        if cue is None:
            if _is_scare_quote(span):
                previous = None
                continue
            cue = _colon_cue(doc, span, text)
            if cue is None:
                # a quoted sentence standing alone soon after an attributed quote: same speaker
                last = found[-1] if found else None
                if (last is not None and last.direct and last.speaker is not None
                        and 0 <= start - last.end < 400 and words >= 5
                        and text[start + 1:start + 2].isupper()):
                    quote = _Found(start, end, True, None, last.speaker, [(start, end)])
                    found.append(quote)
                    previous = quote
                else:
                    previous = None
                continue
        if previous is not None and _same(cue, previous.cue) and _only_attribution_between(
                doc, previous, start, cue):
            previous.end = end  # “Judge,” Brafman said, “I have never ...”
            previous.parts.append((start, end))
            continue
        speaker = _speaker(cue)
        embedded = _embedded_after(text, start, cue)
        if embedded is None:
            embedded = _lead_in(doc, span, cue)
        if embedded is not None:  # called the deal “a disaster”: reported speech
            found.append(_Found(embedded, end, False, cue, speaker, [(embedded, end)]))
            previous = None
            continue
        quote = _Found(start, end, True, cue, speaker, [(start, end)])
        found.append(quote)
        previous = quote

    # only verbs that can report, colons and "according" are looked at in Python
    verbs, colons, according = _candidates(doc)

    # 2. reported speech: a cue verb with a content clause
    for token in verbs:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        if lemma not in CLAUSE_CUES:
            continue
        clause = _content_clause(token)
        if clause is None:
            continue
        start, end = _clause_extent(clause, token)
        start = _quoted_start(doc, text, start, end)
        if end - start < 8:
            continue
        if clause.i < token.i and any(a < end and start < b for a, b in marks):
            continue  # “...,” he said: the quotation marks have it
        inside = _inside_marks(start, end, marks)
        if inside is not None:  # the clause is a quotation: a direct quote missed its cue
            continue
        speaker = _speaker(token)
        if speaker is None and lemma in BELIEF_CUES:
            continue
        # quoted words inside the clause belong to this reported speech, said once
        inner = [f for f in found if f.direct and start <= f.start < end]
        if inner:
            end = max(end, max(f.end for f in inner))
        found = [f for f in found if not (f.direct and start <= f.start < end)
                 and not (not f.direct and _same(f.cue, token))]
        # "Trump says “the whole game has become screwed up” because ...": content that opens
        # with quoted words is a (partial) direct quotation
        direct = text[start] in OPENING
        if direct:
            end = _quoted_end(text, start, end)
        found.append(_Found(start, end, direct, token, speaker, [(start, end)]))

    # 2b. reported acts whose object is the content: "praised the deal", "called for talks"
    taken = {f.cue.i for f in found if isinstance(f.cue, Token)}
    for token in verbs:
        if token.i in taken or token.pos_ != "VERB" or token.lemma_.lower() not in OBJECT_CUES:
            continue
        speaker = _speaker(token)
        if speaker is None or not _outside(token.idx, marks):
            continue
        content = _object_content(token)
        if content is None:
            continue
        start, end = content
        if any(f.start < end and start < f.end for f in found):
            continue
        found.append(_Found(start, end, False, token, speaker, [(start, end)]))

    # 2c. headline style "Cruz: Trump Would Put Liberals On Court"
    for sent in {doc[i].sent.start: doc[i].sent for i in colons}.values():
        colon = _headline_colon(sent, actors, marks)
        if colon is None:
            continue
        rest = [t for t in doc[colon.i + 1:sent.end] if not t.is_space]
        while rest and rest[-1].is_punct and rest[-1].text not in "”\"":
            rest.pop()
        if len(rest) < 4 or any(f.start < rest[-1].idx + len(rest[-1].text) and rest[0].idx < f.end
                                for f in found):
            continue
        start, end = rest[0].idx, rest[-1].idx + len(rest[-1].text)
        speaker = _speaker(colon)
        found.append(_Found(start, end, False, colon, speaker, [(start, end)]))

    # 3. "according to X, ..."
    for token in according:
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            quote = _according_to(doc, token, marks)
            if quote is not None and not any(f.start <= quote.start < f.end for f in found):
                found.append(quote)

    found.sort(key=lambda f: f.start)
    recent: list[tuple[int, str | None, ActorMention | None]] = []  # speakers so far
    return [_record(f, doc, actors, doc_id, offset, sentence_base, sentence_of, recent)
            for f in found]


_CUE_IDS: dict[int, tuple[set[int], int, int]] = {}


def _candidates(doc: Doc) -> tuple[list[Token], list[int], list[Token]]:
    """Reporting verbs, colons and "according" tokens, found on the token arrays."""
    strings = doc.vocab.strings
    key = id(strings)
    if key not in _CUE_IDS:
        ids = {strings.add(w) for w in CLAUSE_CUES | OBJECT_CUES}
        _CUE_IDS[key] = (ids, strings.add(":"), strings.add("according"))
    ids, colon, according = _CUE_IDS[key]
    lemmas = doc.to_array("LEMMA").tolist()
    lowers = doc.to_array("LOWER").tolist()
    verbs = [doc[i] for i, lemma in enumerate(lemmas) if lemma in ids]
    colons = [i for i, lower in enumerate(lowers) if lower == colon]
    accordings = [doc[i] for i, lower in enumerate(lowers) if lower == according]
    return verbs, colons, accordings


def _same(a: Token | Span | None, b: Token | Span | None) -> bool:
    if a is None or b is None:
        return False
    return (a.i if isinstance(a, Token) else a.start) == (b.i if isinstance(b, Token) else b.start)


def _sentence_index(doc: Doc) -> dict[int, int]:
    return {sent.start: k for k, sent in enumerate(doc.sents)}


def _outside(i: int, marks: list[tuple[int, int]]) -> bool:
    return not any(a <= i < b for a, b in marks)


def _inside_marks(start: int, end: int, marks: list[tuple[int, int]]) -> tuple[int, int] | None:
    for a, b in marks:
        if a <= start + 1 and end <= b + 1:
            return a, b
    return None


def _cue_near(doc: Doc, span: Span, marks: list[tuple[int, int]]) -> Token | Span | None:
    """The reporting verb of a quote: near it, outside quotation marks, introducing it.

    Looks in the quote's sentences and the next one (spaCy often ends a sentence at the closing
    mark of “...,” he said), nearest first; a verb whose own content clause lies elsewhere
    introduces something else and is passed over.
    """
    first = span[0].sent
    last = span[-1].sent
    begin, finish = first.start, last.end
    if finish < len(doc) and last.end_char <= span.end_char + 1:
        finish = doc[finish].sent.end
    best: tuple[int, Token | Span] | None = None
    for token in doc[begin:finish]:
        if not _outside(token.idx, marks) or span.start <= token.i < span.end:
            continue
        candidate: Token | Span | None = None
        if _is_speech(token) and token.pos_ in ("VERB", "AUX", "PROPN"):
            candidate = token
        elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            candidate = doc[token.i:token.i + 2]
        if candidate is None:
            continue
        where = candidate.idx if isinstance(candidate, Token) else candidate.start_char
        distance = span.start_char - where if where < span.start_char else where - span.end_char
        if where > span.end_char and token.sent.start != last.start and distance > 60:
            continue
        if isinstance(candidate, Token) and not _can_introduce(candidate, span, marks):
            continue
        if best is None or distance < best[0]:
            best = (distance, candidate)
    if best is not None:
        return best[1]
    return _verb_after(doc, span, marks)


def _is_speech(token: Token) -> bool:
    """A reporting verb, also when capitalised ("Tweeted") and so left without its lemma."""
    if token.lemma_.lower() in SPEECH_CUES:
        return True
    lower = token.lower_
    return token.text[:1].isupper() and any(
        lower.endswith(end) and (lower[:len(lower) - len(end)] in SPEECH_CUES
                                 or lower[:len(lower) - len(end)] + "e" in SPEECH_CUES)
        for end in ("ed", "d", "s", "es", "ing"))


def _verb_after(doc: Doc, span: Span, marks: list[tuple[int, int]]) -> Token | None:
    """“This is fantastic!” beamed Donald Hartley / “...,” Bennett shot back: any verb with a
    subject right after a quote that ends in , ! ? or a dash."""
    inner = _text(doc)[span.start_char:span.end_char].rstrip("”\"» ")
    if not inner or inner[-1] not in ",!?—–-":
        return None
    for token in doc[span.end:span.end + 8]:
        if not _outside(token.idx, marks):
            return None
        if token.pos_ == "VERB" and any(c.dep_ in SPEAKER_DEPS for c in token.children):
            return token
        if token.is_sent_start and token.i > span.end and token.text[:1].isupper() and token.pos_ != "PROPN":
            return None
    return None


def _can_introduce(cue: Token, span: Span, marks: list[tuple[int, int]]) -> bool:
    """A cue with a content clause introduces this quote only if the clause is (in) the quote."""
    clause = _content_clause(cue)
    if clause is None:
        return cue.sent.start <= span.start < cue.sent.end or cue.sent.start <= span.end - 1 < cue.sent.end \
            or abs(cue.i - span.end) <= 4 or abs(span.start - cue.i) <= 4 or _named_between(span, cue)
    start, end = _clause_extent(clause, cue)
    return start < span.end_char and span.start_char < end


DASHES = "―—–"


def _dash_attribution(doc: Doc, end: int, text: str) -> Token | None:
    """“...” ― Sonya Herridge: a quotation signed with a dash and a name on the same line."""
    k = end
    while k < len(text) and text[k] in " \t\xa0":
        k += 1
    if k >= len(text) or text[k] not in DASHES:
        return None
    dash = doc.char_span(k, k + 1, alignment_mode="expand")
    if dash is None:
        return None
    name = _signature(dash[0])
    return dash[0] if name is not None else None


def _signature(dash: Token) -> Token | None:
    """The last word of the name right after a dash, when the name ends its line."""
    doc = dash.doc
    last = None
    for token in doc[dash.i + 1:dash.i + 8]:
        if token.is_space and "\n" not in token.text:
            continue
        if token.pos_ == "PROPN" or last is not None and token.text[:1].isupper() and token.is_alpha:
            last = token
            continue
        break
    if last is None:
        return None
    after = _text(doc)[last.idx + len(last.text):last.idx + len(last.text) + 40]
    line = after.split("\n", 1)[0].strip(" \xa0.")
    return last if not line or line.startswith(("(", ",")) else None


def _named_between(span: Span, cue: Token) -> bool:
    """“What if ...?” the 43-year-old asked: only the speaker's noun phrase between."""
    between = span.doc[span.end:cue.i]
    return 0 < len(between) <= 7 and not any(
        t.pos_ in ("VERB", "AUX") or t.is_punct and t.text not in "-–" for t in between)


def _colon_cue(doc: Doc, span: Span, text: str) -> Token | None:
    """'Clinton said on Thursday: “...”' where the colon ends the previous sentence."""
    k = span.start_char - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    if k < 0 or text[k] != ":":
        return None
    colon = doc.char_span(k, k + 1, alignment_mode="expand")
    if colon is None:
        return None
    verbs = [t for t in colon[0].sent if t.i < colon.start and t.pos_ in ("VERB", "AUX")]
    for token in reversed(verbs):
        if token.lemma_.lower() in SPEECH_CUES:
            return token
    for token in reversed(verbs):
        if any(c.dep_ in SPEAKER_DEPS for c in token.children):
            return token
    before = [t for t in colon[0].sent if t.i < colon.start and not t.is_space]
    if before and not verbs and before[-1].pos_ in ("PROPN", "NOUN") and len(before) <= 8:
        return colon[0]  # "Jeffrey M. Jones: “...”", "From the report: “...”"
    return None


def _continues(text: str, previous: _Found, start: int, doc: Doc) -> bool:
    """A cue-less quote right after an attributed one goes on with the same speaker."""
    gap = text[previous.end:start]
    if not gap.strip():
        return True
    # the rest of the attribution sentence: “...,” Clinton said on Thursday. “One, ...”
    if len(gap) > 200 or previous.cue is None:
        return False
    cue = previous.cue if isinstance(previous.cue, Token) else previous.cue[0]
    if not previous.end <= cue.idx < start:
        return False
    between = doc.char_span(previous.end, start, alignment_mode="contract")
    if between is not None and any(t.i != cue.i and t.lemma_.lower() in SPEECH_CUES and
                                   t.pos_ == "VERB" for t in between):
        return False  # “...,” Christie said, adding that ... “...”: the next quote has its own cue
    sent = cue.sent
    return sent.end_char >= start - 1 or not text[sent.end_char:start].strip()


def _embedded_after(text: str, start: int, cue: Token | Span) -> int | None:
    """Where reported speech starts when a quote sits inside the cue's clause, else None."""
    if not isinstance(cue, Token) or cue.idx >= start:
        return None
    k = start - 1
    while k >= 0 and text[k] in " \t\xa0":
        k -= 1
    opening = text[start + 1:start + 2]
    if k < 0 or not (text[k].isalnum() or text[k] in ")’'" or opening.islower() and text[k] not in ",:"):
        return None
    doc = cue.doc
    if cue.sent.start != doc.char_span(start, start + 1, alignment_mode="expand")[0].sent.start:
        return None
    following = cue.i + 1
    while following < len(doc) and (doc[following].dep_ in ("prt", "punct", "mark")
                                     or doc[following].lower_ in ("that", "for", "as")):
        following += 1
    if following >= len(doc) or doc[following].idx >= start:
        return None
    return doc[following].idx


def _headline_colon(sent: Span, actors: DocActors, marks: list[tuple[int, int]]) -> Token | None:
    """The colon of 'NAME: words' at the start of a sentence, NAME a person or organisation."""
    for token in sent[:7]:
        if token.text != ":":
            continue
        before = [t for t in sent if t.i < token.i and not t.is_space]
        if not before or any(t.pos_ in ("VERB", "AUX") for t in before):
            return None
        if not any(actors.ent_at.get(t.i) is not None and actors.ent_at[t.i].label_ in
                   ("PERSON", "ORG") for t in before):
            return None
        if not _outside(token.idx, marks):
            return None
        return token
    return None


def _lead_in(doc: Doc, span: Span, cue: Token | Span) -> int | None:
    """'He was a “respected manager,” Boistard said': the words before the mark belong to what
    was said; the reported speech starts at the sentence's first word."""
    cue_start = cue.idx if isinstance(cue, Token) else cue.start_char
    if cue_start < span.end_char:
        return None
    sent = span[0].sent
    if _text(doc)[sent.start_char:span.start_char].rstrip().endswith(":"):
        return None  # Clinton seemed irritated: “...,” she wrote
    words = [t for t in doc[sent.start:span.start] if not (t.is_space or t.is_punct)]
    if not words or any(t.lemma_.lower() in SPEECH_CUES for t in words):
        return None
    return words[0].idx


def _only_attribution_between(doc: Doc, previous: _Found, start: int, cue) -> bool:
    cue_start = cue.idx if isinstance(cue, Token) else cue.start_char
    return previous.end <= cue_start < start and start - previous.end < 120


SMALL_WORDS = {"of", "the", "a", "an", "and", "or", "for", "in", "on", "to", "with", "at", "is",
               "de", "vs", "by", "from"}


def _is_title(span: Span) -> bool:
    """“Meet the Press”, “This Week,”: a name in Title Case with no verb, not speech."""
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > 6:
        return False
    if any(t.pos_ in ("VERB", "AUX") and t.lower_ not in SMALL_WORDS for t in words):
        return False
    return all(t.text[:1].isupper() or t.lower_ in SMALL_WORDS for t in words) and \
        words[0].text[:1].isupper()


def _attribution_follows(doc: Doc, span: Span) -> bool:
    """“Judge,” the lawyer said, ...: a reporting verb within a few words after the quote."""
    return any(t.lemma_.lower() in SPEECH_CUES and t.pos_ == "VERB"
               for t in doc[span.end:span.end + 4])


def _is_scare_quote(span: Span) -> bool:
    return sum(1 for t in span if t.is_alpha) < 4


def _object_content(verb: Token) -> tuple[int, int] | None:
    """The object of a reporting act: a to-clause, a direct object or a prepositional object."""
    for deps in (("xcomp",), ("dobj",), ("prep",)):
        for child in verb.children:
            if child.dep_ not in deps or child.i < verb.i:
                continue
            if child.dep_ == "prep":
                if child.lower_ not in OBJECT_PREPS:
                    continue
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if not objects:
                    continue
                child = objects[0]
            if child.dep_ == "xcomp" and not any(c.lower_ == "to" for c in child.children):
                continue
            start, end = _clause_extent(child, verb)
            if child.dep_ == "xcomp":  # include the "to"
                to = [c for c in child.children if c.lower_ == "to" and c.i < child.i]
                if to:
                    start = to[0].idx
            if end - start >= 6 and sum(1 for t in child.subtree if not t.is_punct) >= 2:
                return start, end
    return None


def _content_clause(verb: Token) -> Token | None:
    """What a reporting verb reports: the clause after it, or before it ("Talks failed, the
    minister said")."""
    after = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i > verb.i]
    if after:
        return after[0]
    if verb.lemma_.lower() in SPEECH_CUES:
        before = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i
                  and any(t.dep_ == "punct" and t.text == "," for t in doc_between(c, verb))]
        if before:
            return before[-1]
    return None


def doc_between(clause: Token, verb: Token):
    """Tokens after the clause's subtree and before the verb (the comma of 'X, he said')."""
    last = max(t.i for t in clause.subtree)
    return clause.doc[last + 1:verb.i]


def _quoted_start(doc: Doc, text: str, start: int, end: int) -> int:
    """Where reported speech starts when quotation marks open it: 'says “the game ...” because'
    (the mark the parser left on the verb) or 'told his supporters, “our nation ...”'."""
    k = start - 1
    while k >= 0 and text[k] in " \t\xa0":
        k -= 1
    if k >= 0 and text[k] in OPENING and _opens(text, k):
        return k
    for m in range(start + 1, end):
        if text[m] in OPENING and _opens(text, m):
            lead = text[start:m].rstrip()
            if not lead.endswith((",", ":")):
                return start
            # only the person told stands before the mark
            words = doc.char_span(start, m, alignment_mode="contract")
            if words is None or len(words) > 5 or any(
                    t.pos_ in ("VERB", "AUX", "ADP", "SCONJ") or t.lower_ == "that" for t in words):
                return start
            return m
    return start


def _quoted_end(text: str, start: int, end: int) -> int:
    """'saying: “The struggle continues” and vowing to ...': the quotation ends at its mark when
    the clause goes on with 'and' or 'but'."""
    close = next((m for m in range(start + 1, end) if text[m] in CLOSING), None)
    if close is None:
        return end
    rest = text[close + 1:end]
    word = rest.lstrip(" ,").split(" ", 1)[0]
    comma = rest.startswith(",") or text[close - 1] == ","
    if word in ("and", "but") or comma and word in SUBORDINATORS:
        return close + 1
    return end


def _clause_extent(clause: Token, verb: Token) -> tuple[int, int]:
    tokens = list(clause.subtree)
    # "said X, adding “...”": the second reporting verb has its own content
    for k, token in enumerate(tokens):
        if k == 0 or token.i <= clause.i or token.lemma_.lower() not in SPEECH_CUES:
            continue
        if (token.tag_ == "VBG" and tokens[k - 1].text in ",”\"" or token.dep_ == "conj"
                and token.pos_ == "VERB" and tokens[k - 1].lower_ in ("and", "but")):
            tokens = tokens[:k]
            break
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in "”\"'’»"
                      or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and (tokens[0].is_punct and tokens[0].text not in "“\"«"):
        tokens.pop(0)
    if not tokens:
        return clause.idx, clause.idx
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _speaker(cue: Token | Span | None) -> Token | None:
    if cue is None:
        return None
    if isinstance(cue, Span):  # according to X
        for child in cue[-1].children:
            if child.dep_ == "pobj":
                return child
        return None
    if cue.text[-1:] in DASHES:  # “...” ― Name
        return _signature(cue)
    if cue.text == ":":  # the name before the colon
        before = [t for t in cue.sent if t.i < cue.i and t.pos_ in ("PROPN", "NOUN")]
        return before[-1] if before else None
    verb = cue
    if cue.tag_ == "VBG" and cue.dep_ == "advcl":  # “...,” adding, “...”: the first verb's speaker
        head = cue.head
        for _ in range(3):
            if head.lemma_.lower() in SPEECH_CUES and head.pos_ == "VERB":
                verb = head
                break
            if head.head.i == head.i:
                break
            head = head.head
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in SPEAKER_DEPS:
                return child
        if verb.dep_ == "agent":
            break
        for child in verb.children:  # "was told by X"
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.i < verb.i and \
                verb.head.pos_ in ("NOUN", "PROPN", "ADJ") and verb.head.dep_ == "ROOT":
            return verb.head  # “...?” the 43-year-old asked (parsed as a noun phrase)
        if verb.dep_ in ("advcl", "xcomp", "conj", "ccomp", "acl") and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    return None


def _according_to(doc: Doc, token: Token, marks: list[tuple[int, int]]) -> _Found | None:
    to = doc[token.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    sent = token.sent
    phrase_end = max(t.i for t in source.subtree) + 1
    if token.i == sent.start:  # According to X, content.
        tokens = [t for t in doc[phrase_end:sent.end]]
    else:  # content, according to X.
        tokens = [t for t in doc[sent.start:token.i]]
    while tokens and (tokens[-1].is_space or tokens[-1].is_punct and tokens[-1].text not in "”\""):
        tokens.pop()
    while tokens and (tokens[0].is_space or tokens[0].is_punct and tokens[0].text not in "“\""):
        tokens.pop(0)
    if len(tokens) < 3:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    cue = doc[token.i:token.i + 2]
    return _Found(start, end, False, cue, source, [(start, end)])


# --- speakers ---------------------------------------------------------------------------------

def _speaker_span(head: Token, actors: DocActors) -> Span:
    doc = head.doc
    ent = actors.ent_at.get(head.i)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
        start = ent.start
        while start < ent.end - 1 and (doc[start].is_punct or doc[start].is_space):
            start += 1  # "― Jacklyn Ashley": the model may take the dash into the name
        return doc[start:ent.end]
    left = head.i
    for token in reversed(list(head.lefts)):
        if token.dep_ in ("det", "compound", "amod", "poss", "nmod", "nummod", "case") or token.dep_ == "punct" and token.text in "-":
            left = min(left, min(t.i for t in token.subtree))
    right = head.i + 1
    if head.i + 1 < len(doc) and doc[head.i + 1].dep_ == "case":  # possessive 's
        right = head.i + 1
    return doc[left:right]


def _resolve_speaker(head: Token, actors: DocActors, recent: list[tuple[int, str, ActorMention | None]]
                     ) -> tuple[str | None, ActorMention | None]:
    """(full name, actor) of a speaker head; pronouns follow the last person named or quoted."""
    lower = head.lower_
    if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS:
        if lower in PERSON_PRONOUNS:
            for index, name, actor in reversed(recent):
                if index < head.i and name:
                    return name, actor
            person = _last_person(head, actors)
            if person is not None:
                return _resolve_speaker(person.root, actors, [])
        if lower in ("they", "it", "we"):
            for index, name, actor in reversed(recent):
                if index < head.i and actor is not None and actor.sector not in (None, "ELI"):
                    return name, actor
        return None, None
    ent = actors.ent_at.get(head.i)
    name = None
    if ent is not None and ent.label_ == "PERSON":
        name = _full_name(ent, actors)
    elif ent is not None:
        name = ent.text
    actor = None
    try:
        actor = actors.resolve(ent.root if ent is not None else head, named=True)
    except Exception:  # resolution is best effort; the quote stands without it
        actor = None
    if name is None:
        name = actor.name if actor is not None and actor.name else _speaker_span(head, actors).text
    return name, actor


def _full_name(ent: Span, actors: DocActors) -> str:
    text = ent.text
    if text.endswith("’s") or text.endswith("'s"):
        text = text[:-2]
    last = text.split()[-1] if text.split() else text
    best = text
    for other in actors.ents:
        if other.label_ != "PERSON" or other.start >= ent.start:
            continue
        words = other.text.split()
        if words and words[-1] == last and len(words) > len(best.split()):
            best = other.text
    return best


def _last_person(head: Token, actors: DocActors) -> Span | None:
    for ent in reversed(actors.ents):
        if ent.end <= head.i and ent.label_ == "PERSON":
            return ent
    return None


def _record(found: _Found, doc: Doc, actors: DocActors, doc_id: str, offset: int,
            sentence_base: int, sentence_of: dict[int, int],
            recent: list[tuple[int, str | None, ActorMention | None]]) -> Quote:
    cue = found.cue
    cue_span = None
    if cue is not None:
        if isinstance(cue, Token):
            cue_span = TextSpan(cue.text, cue.idx + offset, cue.idx + len(cue.text) + offset)
        else:
            cue_span = TextSpan(cue.text, cue.start_char + offset, cue.end_char + offset)
    speaker = None
    if found.speaker is not None:
        name, actor = _resolve_speaker(found.speaker, actors, recent)
        span = _speaker_span(found.speaker, actors)
        speaker = ActorMention(text=span.text, start=span.start_char + offset,
                               end=span.end_char + offset, name=name,
                               country=actor.country if actor else None,
                               sector=actor.sector if actor else None)
        recent.append((found.speaker.i, name, actor))
    first = doc.char_span(found.start, found.end, alignment_mode="expand")
    sentence_index = None
    if first is not None and len(first):
        sentence_index = sentence_base + sentence_of.get(first[0].sent.start, 0)
    start, end = found.start + offset, found.end + offset
    key = f"{doc_id}:{start}:{end}".encode()
    return Quote(quote_id=hashlib.sha1(key).hexdigest()[:16], doc_id=doc_id,
                 text=actors.text[found.start:found.end], start=start, end=end,
                 direct=found.direct, cue=cue_span, speaker=speaker,
                 sentence_index=sentence_index)

