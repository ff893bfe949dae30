"""Events: PLOVER triggers found in the parse, with actors and recipients from its structure.

``find_events`` is pure: it reads a parsed Doc and returns Event records. What counts as a
trigger is data (data/event_lexicon.csv); how arguments attach is the rules below.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..nlp.headlines import word_forms
from ..records import ActorMention, Event, Span as TextSpan
from .actors import DocActors, backer_of
from .tables import LexiconEntry, Tables

CODER = "eventwire-rules-0.1"
# events whose complement is their content, not a separate event: "threatened to attack",
# "urged Russia to withdraw", "offered to mediate", "refused to negotiate", "accused X of Y"
CONTENT_TYPES = {"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE"}
SPEECH_VERBS = {"say", "tell", "add", "state", "claim", "report", "note", "insist", "declare",
                "write", "stress", "confirm", "announce", "assert", "argue", "believe", "think",
                "explain", "suggest", "acknowledge", "admit", "reveal", "indicate", "tweet"}
INTENT_VERBS = {"plan", "intend", "want", "seek", "aim", "hope", "try", "prepare", "expect",
                "consider", "decide", "wish", "attempt", "mean", "look", "vow", "pledge",
                "promise", "offer", "agree"}
OBJECT_CONTROL = {"urge", "ask", "call", "press", "order", "force", "persuade", "encourage",
                  "tell", "allow", "invite", "help", "pressure", "push", "accuse", "criticise",
                  "criticize", "condemn", "blame", "praise", "thank"}
HYPOTHETICAL_AUX = {"may", "might", "could", "should", "can", "must"}
FUTURE_AUX = {"will", "shall", "would"}  # "said it would refuse": future in the past, not a maybe
FAILURE_VERBS = {"fail", "decline"}
RECIPIENT_PREPS = {"to", "against", "on", "at", "into", "toward", "towards", "upon", "onto",
                   "over", "with", "in", "between"}
FOR_TYPES = {"AID", "SUPPORT", "COOPERATE", "AGREE", "CONCEDE"}  # "pardons for prisoners"
FROM_TYPES = {"RETREAT", "SANCTION", "COERCE", "REJECT", "REQUEST"}
OF_NOUN_TYPES = {"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "SUPPORT", "REJECT", "PROTEST",
                 "CONCEDE", "RETREAT", "AID"}
# passives that may leave the doer unsaid and still report an event: "22 people were killed",
# "five activists were arrested"
UNSEEN_DOER_TYPES = {"ASSAULT", "COERCE"}
# "Thousands of people protested" (tagged VBN): these verbs have no passive reading
INTRANSITIVE_TYPES = {"PROTEST", "CONSULT", "MOBILIZE"}
# "agreed to withdraw" is an announced future withdrawal: CONCEDE (CODEBOOK close calls)
INTENT_RETYPE = {("AGREE", "RETREAT"): "CONCEDE", ("AGREE", "CONCEDE"): "CONCEDE"}


@dataclass
class Trigger:
    token: Token
    entry: LexiconEntry
    start: int  # token index of the trigger span
    end: int


# entities no event word belongs to: "a March date", "a title"
NOT_EVENT_ENTITIES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL",
                      "WORK_OF_ART"}  # "the charity single Band Aid 20"


def match_trigger(token: Token, tables: Tables) -> Trigger | None:
    if token.ent_type_ in NOT_EVENT_ENTITIES:
        return None
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        entries = _not_excluded(tables.verbs.get(lemma), token)
        if entries:
            # "called Lavrov on Tuesday" is no "call on": a preposition heading a date is not
            # part of a verb phrase
            dependents = {c.lemma_.lower() for c in token.children if not (
                c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children))}
            dependents |= {g.lemma_.lower() for c in token.children if c.dep_ == "prep"
                           for g in c.children}
            # "called for Iran to suspend enrichment": the "for" opens the clause asked for
            dependents |= {m.lemma_.lower() for c in token.children if c.dep_ == "advcl"
                           for m in c.children if m.dep_ == "mark" and m.lower_ == "for"}
            # "lifted a state of emergency", "eased the siege of the city"
            dependents |= {g.lemma_.lower() for c in token.children if c.dep_ == "dobj"
                           for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                           for g in p.children if g.dep_ == "pobj"}
            for entry in entries:
                if all(word in dependents for word in entry.requires):
                    if entry.event_type == "RETREAT" and lemma in TRANSFER_VERBS:
                        given = _given_thing(token)  # "handed over 700 kg of medicine"
                        entry = given or entry
                    return Trigger(token, entry, token.i, token.i + 1)
        if lemma in CRITICS_SAY and _children(token, "ccomp") and (any(
                s.lemma_.lower() in CRITICS for s in token.children if s.dep_ == "nsubj") or any(
                (c.lemma_.lower() in HARM_VERBS or any(x.lemma_.lower() in HARM_VERBS for x in _children(c, "xcomp")))
                and any(a.dep_ == "aux" and a.lemma_.lower() in CONSEQUENCE_MODALS for a in c.children)
                for c in _children(token, "ccomp"))):
            # "critics say the law discriminates against women", "Sudan said UN sanctions
            # would destroy its society": criticism of whom the clause tells of (CAMEO 111)
            return Trigger(token, LexiconEntry(lemma, "VERB", "ACCUSE", "criticize", "111", False),
                           token.i, token.i + 1)
        if lemma == "hold" and token.dep_ == "acl" and token.tag_ == "VBN" \
                and token.head.lemma_.lower() in HELD_PEOPLE and _children(token, "agent"):
            # "women held by US-led forces", "prisoners held by Israel": detained by them
            return Trigger(token, LexiconEntry("hold", "VERB", "COERCE", "arrest", "173", False),
                           token.i, token.i + 1)
        if lemma == "return" and _children(token, "dobj") and any(
                c.dep_ == "prep" and c.lower_ == "to" for c in token.children):
            # "returned two paintings to the government of Brazil": property given back
            return Trigger(token, LexiconEntry("return", "VERB", "RETREAT", "release", "0842", False),
                           token.i, token.i + 1)
        if lemma in TRANSFER_VERBS:
            given = _given_thing(token)
            if given is not None:
                return Trigger(token, given, token.i, token.i + 1)
        if lemma == "use" and any(p == "against" for p, _ in _prep_objects(token)) and any(
                o.lemma_.lower() in GIVEN_THINGS["072"] | USED_FORCE for o in _children(token, "dobj")):
            # "used the drones against Russian armoured columns": an attack with them
            return Trigger(token, LexiconEntry("use", "VERB", "ASSAULT", None, "190", False),
                           token.i, token.i + 1)
    if token.pos_ == "ADJ" and token.dep_ == "amod":
        # "a kidnapped Briton": tagged as an adjective, still the abduction of the noun
        entries = _not_excluded(tables.adjectives.get(token.lower_), token)
        if entries:
            return Trigger(token, entries[0], token.i, token.i + 1)
    if token.pos_ in ("NOUN", "PROPN"):
        entries = _not_excluded(tables.nouns.get(lemma), token)
        if entries:
            modifiers = {c.lemma_.lower(): c for c in token.children
                         if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i}
            for entry in entries:
                if entry.modifier is None:
                    return Trigger(token, entry, token.i, token.i + 1)
                last = entry.modifier.split()[-1]
                if last in modifiers:
                    return Trigger(token, entry, modifiers[last].i, token.i + 1)
    if token.pos_ == "NOUN" and lemma in CONSIGNMENTS:
        # "a $1 billion package of weapons for Ukraine", "a shipment of medicine"
        code = _given_code([o for p, o in _prep_objects(token) if p == "of"])
        if code:
            return Trigger(token, LexiconEntry(lemma, "NOUN", "AID", None, code, False),
                           token.i, token.i + 1)
    return None


# "provided $2 million in assistance to Fiji", "gave 625 firearms to the Marines", "sent a
# team of medical experts to the hospital": giving money, arms, supplies or people to help is AID
TRANSFER_VERBS = {"provide", "give", "send", "supply", "deliver", "donate", "distribute", "ship",
                  "airlift", "contribute", "allocate", "earmark", "hand", "fly", "dispatch", "sell"}
# verbs that fault or praise someone for what they did ("criticised Turkey for supplying arms")
JUDGED_FOR = {"criticise", "criticize", "condemn", "denounce", "rebuke", "fault", "slam", "praise",
              "thank", "commend", "hail", "applaud", "reprimand", "censure"}
# what is used against someone in an attack, besides arms
USED_FORCE = {"force", "bomb", "chemical", "weapon", "rocket", "shell", "bullet"}
# nouns that name what is given by what it is: "a package of weapons", "a shipment of food"
CONSIGNMENTS = {"package", "shipment", "delivery", "consignment", "tranche", "batch", "convoy"}
GIVEN_THINGS = {
    "071": {"money", "fund", "funding", "grant", "loan", "cash", "credit", "dollar", "euro",
            "pound", "yen", "budget", "financing", "investment", "million", "billion"},
    "072": {"weapon", "arm", "firearm", "rifle", "gun", "missile", "tank", "vehicle", "aircraft",
            "jet", "helicopter", "drone", "ammunition", "munition", "artillery", "training",
            "radar", "warship", "boat", "equipment"},
    "073": {"food", "medicine", "supply", "supplies", "tent", "shelter", "water", "clothing",
            "blanket", "vaccine", "relief", "drug", "grain", "flour", "rice", "wheat", "fuel",
            "medical", "kit", "material", "assistance", "aid", "support", "help", "doctor",
            "good"},
}


def _not_excluded(entries: list[LexiconEntry] | None, token: Token) -> list[LexiconEntry]:
    """The entries a word keeps given its dependents (the lexicon's `excludes`: "Africa
    condemned to a polio epidemic" is doomed, not denounced; "a campaign rally" no protest)."""
    if not entries:
        return []
    dependents = {c.lemma_.lower() for c in token.children}
    # and the word opening a clause it governs ("asked whether there was a timescale": a
    # question, not a request)
    dependents |= {m.lemma_.lower() for c in token.children if c.dep_ in ("ccomp", "advcl")
                   for m in c.children if m.dep_ == "mark"}
    return [e for e in entries if not e.excludes & dependents]


def _given_thing(verb: Token) -> LexiconEntry | None:
    """AID when a transfer verb gives money, arms, supplies or helpers (and names whom)."""
    objects = _children(verb, "dobj")
    things = list(objects)
    for obj in objects:  # "$2 million in assistance", "a team of medical experts"
        things += [o for p in obj.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                   for o in p.children if o.dep_ == "pobj"]
    things += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
               for o in p.children if o.dep_ == "pobj"]  # "provided Egypt with $50 billion"
    if not things or any(c.tag_ in ("JJR", "RBR") or c.dep_ in ("oprd", "acomp")
                         for c in verb.children):
        return None  # "sent the dollar higher", "sent shares tumbling": a market moved
    code = _given_code(things)
    if verb.lemma_.lower() == "sell" and code != "072":
        return None  # selling goods is trade; selling arms to a side is military aid
    return LexiconEntry(verb.lemma_.lower(), "VERB", "AID", None, code, False) if code else None


def _given_code(things: list[Token]) -> str | None:
    """The CAMEO aid code of what is given: arms 072, money 071, supplies or helpers 073."""
    for code in ("072", "071", "073"):
        if any(t.lemma_.lower() in GIVEN_THINGS[code] or code == "071" and t.ent_type_ == "MONEY"
               for t in things):
            return code
    return None


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Token) -> list[tuple[str, Token]]:
    out = []
    for prep in _children(token, "prep", "agent", "dative"):
        if prep.dep_ == "dative" and prep.pos_ != "ADP":
            out.append(("to", prep))
            continue
        for obj in _children(prep, "pobj"):
            out.append((prep.lemma_.lower(), obj))
    return out


# "destroyed two buildings after evacuating the residents", "face death after refusing to
# bomb": a gerund after these does what the clause's subject does, whatever its object
SUBJECT_PREPS = {"after", "before", "while", "since", "upon", "without", "despite", "by",
                 "through", "instead", "besides"}


def subject_heads(verb: Token, depth: int = 0) -> list[Token]:
    """Who does what ``verb`` says, following conjunction, control and relative clauses."""
    subjects = _children(verb, "nsubj", "csubj")
    if subjects and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "a group that claimed to have kidnapped ...": the relative pronoun stands for the noun
        subjects = [verb.head if s.tag_ in ("WDT", "WP") else s for s in subjects]
    if subjects or depth > 5:
        return subjects
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "conj":
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "ROOT":
            return [head]  # the small model's misparse: "[Soldiers] shot and killed ..."
        return subject_heads(head, depth + 1)
    if verb.dep_ in ("xcomp", "advcl") and verb.i > head.i and _children(head, "nsubjpass"):
        # "weapons are used by the Ukrainian forces to kill ...": the agent does the purpose
        agents = [o for a in _children(head, "agent") for o in _children(a, "pobj")]
        if agents:
            return agents
    if verb.dep_ == "xcomp":
        objects = _children(head, "dobj")
        if objects and head.lemma_.lower() in OBJECT_CONTROL:
            return objects
        if _children(head, "nsubjpass") and head.lemma_.lower() in SCHEDULED | {"ask", "urge", "tell"} \
                | {"force", "allow", "permit", "authorize", "authorise", "invite"}:
            return _children(head, "nsubjpass")  # "Rumsfeld was set to meet", "was invited to"
        return subject_heads(head, depth + 1)
    if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN"):
        return [head]
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and (
            verb.tag_ != "VBN" or _misparsed_main_verb(verb)):
        if head.dep_ == "attr" and head.head.lemma_.lower() in ("be", "become") \
                and _children(head.head, "nsubj"):
            # "Fischler became the latest critic to raise doubts", "he was the first leader
            # to visit": the one the noun is said of
            return _children(head.head, "nsubj")
        return [head]
    if verb.dep_ in ("advcl", "acomp"):  # "it is willing to withdraw": willing's subject
        return subject_heads(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        governor = head.head
        objects = _children(governor, "dobj")
        if objects and governor.pos_ == "VERB" and head.lower_ not in SUBJECT_PREPS:
            return objects  # "accused Russia of attacking": the one accused did it
        if governor.pos_ in ("VERB", "AUX"):
            return subject_heads(governor, depth + 1)
    return []


def _embedding(token: Token, triggers: dict[int, Trigger]) -> tuple[Token | None, Trigger | None]:
    """The clause head a trigger is the complement of, if any (and its trigger, if one)."""
    current = token
    for _ in range(4):
        if current.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "dobj", "conj", "prep", "acomp") \
                or current.dep_ == "advcl" and any(  # "called for Iran to suspend enrichment"
                    m.dep_ == "mark" and m.lower_ == "for" for m in current.children) \
                or current.dep_ == "advcl" and current.head.dep_ == "xcomp" and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in current.children):
            # ("invited China to send envoys to discuss flights": the purpose of what is asked)
            parent = current.head
            if parent.i == current.i:
                return None, None
            if current.dep_ == "conj" and parent.i in triggers:
                return None, None  # a coordinated event of its own
            if parent.i in triggers and parent.pos_ == "VERB":
                return parent, triggers[parent.i]
            if current.dep_ == "ccomp":
                # "reiterated its demand that Israel ease restrictions" (the clause hung on the
                # verb): what the demand asks
                said = [o for o in _children(parent, "dobj") if o.i in triggers
                        and triggers[o.i].entry.event_type in CONTENT_TYPES]
                if said:
                    return said[0], triggers[said[0].i]
            if parent.pos_ in ("VERB", "AUX") and current.dep_ in ("xcomp", "ccomp"):
                return parent, None
            current = parent
            continue
        if current.dep_ == "acl" and current.head.i in triggers and current.head.pos_ == "NOUN" \
                and triggers[current.head.i].entry.event_type in CONTENT_TYPES:
            # "its demand that Israel ease restrictions": what is demanded is not an event
            return current.head, triggers[current.head.i]
        return None, None
    return None, None


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if any(c.lower_ in ("no", "never") for c in token.children if c.dep_ in ("det", "neg", "advmod")):
        return True
    head = token.head
    if token.dep_ in ("xcomp", "pobj", "dobj") and head.i != token.i:
        if head.lemma_.lower() in FAILURE_VERBS:
            return True
        if token.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children):
            return True
        if token.dep_ == "dobj" and any(c.dep_ == "neg" for c in head.children):
            return True
        if token.dep_ == "xcomp" and head.dep_ == "acomp" and head.lower_ in ("about", "going", "set", "ready") \
                and any(c.dep_ == "neg" for c in head.head.children):
            return True  # "they were not about to free the prisoners"
    return False


def _claimed_violation(event: Event, token: Token, coder: SentenceCoder, tables: Tables,
                       offset: int) -> Event | None:
    """A breach of a law, charter, ceasefire or deal that a speaker says another committed:
    the speaker's ACCUSE against the one said to breach it; None otherwise."""
    if token.lemma_.lower() not in ("violate", "breach") or event.modality != "reported":
        return None
    clause = token
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    speech = clause.head if clause.dep_ == "ccomp" else None
    if speech is None or speech.lemma_.lower() not in SPEECH_VERBS:
        return None
    speaker = [m for m in coder.heads_to_actors(subject_heads(speech), named=True) if m.country]
    doers = [dataclasses.replace(a) for a in event.actor if a.country]
    if not speaker or not doers or {m.country for m in speaker} & {a.country for a in doers}:
        return None
    accusation = _restated(event, "ACCUSE", "112", tables, actor=_shift(speaker, offset),
                           recipient=doers)
    accusation.mode = "allege"
    return accusation


def _modality(token: Token) -> str:
    for child in token.children:
        if child.dep_ in ("aux", "auxpass") and child.lemma_.lower() in HYPOTHETICAL_AUX:
            return "hypothetical"
        if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
            return "hypothetical"
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            break
        if current.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                           for c in current.children):
            return "hypothetical"
        lemma = head.lemma_.lower()
        if current.dep_ == "xcomp" and lemma in INTENT_VERBS:
            return "intended"
        if current.dep_ in ("xcomp", "dobj") and any(
                c.dep_ == "aux" and c.lemma_.lower() in HYPOTHETICAL_AUX for c in head.children):
            return "hypothetical"
        if current.dep_ == "ccomp" and lemma in SPEECH_VERBS:
            return "reported"
        if current.dep_ not in ("conj", "xcomp", "dobj", "pobj", "prep", "pcomp"):
            break
        current = head
    if any(c.dep_ == "aux" and c.lemma_.lower() in FUTURE_AUX for c in token.children):
        return "intended"
    return "asserted"


STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY"}


PLACE_KINDS = ("country", "capital", "city")


def _bare_state(mention: ActorMention, tables: Tables,
                kinds: tuple[str, ...] = ("country", "capital")) -> bool:
    """Whether a mention is a state named bare ('Libya', 'Moscow'), not one of its bodies; with
    ``kinds``, any bare place ('North Korea', 'Kabul')."""
    return getattr(tables.surface.get(mention.text), "kind", None) in kinds


def _unique(actors: list[ActorMention]) -> list[ActorMention]:
    """Each span once; a country named inside another's phrase stays ('US and Iraqi troops')."""
    out: list[ActorMention] = []
    for actor in actors:
        if all(not (a.start < actor.end and actor.start < a.end)
               or actor.country and a.country != actor.country and a.start <= actor.start
               and actor.end <= a.end for a in out):
            out.append(actor)
    return out


CARRYING = {"carry", "transport", "escort", "bring", "ferry"}
INSTRUMENTS = {"bomb", "blast", "explosion", "explosive", "device", "mine", "landmine", "rocket",
               "missile", "shell", "mortar", "grenade", "gunfire", "shelling", "drone", "car",
               "truck", "ied", "bombing", "attack", "airstrike", "strike", "fire", "shot", "bullet"}
# "ordered the detention of X", "authorised strikes on Y": the ordered act is the event
ORDER_VERBS = {"order", "authorize", "authorise", "approve", "announce", "adopt", "unveil"}
PLACE_TYPES = {"ASSAULT", "COERCE"}
TRIALS = {"trial", "retrial"}
LOCAL_ARMED = {"REB", "UAF", "CRM", "INS"}
SENT_THING_TYPES = {"MOBILIZE", "AID"}
DENIED_THINGS = {"accusation", "allegation", "claim", "charge", "report", "criticism", "suggestion",
                 "assertion", "rumor", "rumour", "speculation"}
# "two French hostages in Iraq", "a Briton held hostage": the noun names the victim of an
# abduction; "the kidnappers of two reporters": the noun names its doer
VICTIM_NOUNS = {"hostage", "captive", "abductee"}
# those who protest: "protesters in Kathmandu expressed anger" tells of a protest by them
PROTESTERS = {"protester", "protestor", "demonstrator"}
# violent verbs that always take an object: without one, a past form is a passive
# verbs of accusing that take whom they accuse as object: without one, a headline's passive
ACCUSING_VERBS = {"accuse", "charge", "indict", "criticise", "criticize", "blame", "condemn",
                  "fault", "fine", "sue", "arrest", "detain", "jail", "convict", "sentence"}
OBJECT_VERBS = {"kill", "kidnap", "abduct", "wound", "injure", "behead", "execute", "arrest",
                "detain", "capture", "torture", "massacre", "slaughter", "assassinate", "murder"}
AGENT_NOUNS = {"kidnapper", "captor", "abductor", "hostage-taker", "hijacker"}
HOLDING_VERBS = {"hold", "take", "keep", "seize"}
# "Kidnappers seized two Americans", "gunmen seized a school": seizing people or places is an
# abduction or an armed takeover (ASSAULT); seizing things stays COERCE (confiscation)
SEIZED_PLACES = {"school", "town", "city", "village", "building", "embassy", "base", "airport",
                 "station", "hospital", "compound", "territory", "area", "region", "mosque",
                 "church", "theatre", "theater", "hotel", "office", "ship", "plane", "airliner",
                 "bus", "parliament", "palace", "headquarters", "port", "border", "crossing",
                 "district", "province", "oilfield", "refinery", "camp", "checkpoint", "hill"}
# verbs whose "with" gives the means: "responded with air strikes", "marks the day with pardons"
MEANS_VERBS = {"respond", "retaliate", "react", "answer", "mark", "celebrate", "greet", "meet",
               "follow", "hit", "strike", "punish", "reward", "counter"}
GOVERNING_PREPS = {"on", "for", "into"}  # "arrived on a visit", "gathered for a rally"
PARTICIPATION_VERBS = {"engage", "participate", "involve", "join"}
# nouns of events that come from someone ("criticism from Washington"), where "from" does
# not say where from ("a withdrawal from Gaza", "a release from prison")
SOURCE_TYPES = {"ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "AID", "REJECT", "AGREE", "COOPERATE"}
# where the doers of a clause are at a meeting: "said at a summit", "during a visit", "in talks"
MEETING_PREPS = {"at", "during", "in"}


def _content(parent: Trigger | None) -> bool:
    """Whether an event embedded under ``parent`` is only asked, threatened, promised..."""
    return parent is not None and parent.entry.event_type in CONTENT_TYPES


def _anchor(noun: Token) -> Token:
    """The noun an event noun stands for in the clause: 'a mediation effort' -> effort."""
    current = noun
    while current.dep_ == "compound" and current.head.pos_ in ("NOUN", "PROPN") and current.head.i != current.i:
        current = current.head
    return current


# words whose clause asks for something ("the recommendation that Turkey begin negotiations")
RECOMMENDING = {"recommend", "recommendation", "propose", "proposal", "suggest", "suggestion",
                "urge", "demand", "ask", "insist", "want", "hope", "call"}
# verbs that set talks going
OPENING_VERBS = {"start", "begin", "open", "launch", "resume", "hold", "join", "enter"}


def _talks_not_yet_begun(noun: Token) -> bool:
    """Talks a verb would open, in its bare form with no 'will': wanted, proposed or
    recommended ('a bid to start talks', 'recommend that the EU open negotiations')."""
    governor = _governing_verb(noun)
    return governor is not None and governor.lemma_.lower() in OPENING_VERBS \
        and (governor.tag_ == "VB" or governor.dep_ in ("acl", "ccomp")
             and governor.head.lemma_.lower() in RECOMMENDING) and not (  # "are to begin talks", "plan to open talks": stated
            governor.dep_ == "xcomp" and governor.head.lemma_.lower() in SCHEDULED | WILLING) \
        and not any(
            c.dep_ == "aux" and c.lemma_.lower() in ("will", "would", "shall", "'ll", "be")
            for c in governor.children)


# who visits a country by arriving in it or travelling to it
TRAVEL_VERBS = {"arrive", "travel", "fly"}
VISITING_SECTORS = {"GOV", "ELI", "LEG", "DIP", "IGO"}
# verbs of promising: an AGREE only when made to someone
PLEDGES = {"vow", "pledge", "promise"}
# "critics say ...", "opponents argue ...": what they say faults someone
CRITICS = {"critic", "opponent", "detractor"}
CRITICS_SAY = {"say", "argue", "contend", "claim", "charge", "warn", "fear", "complain", "insist"}
# a harm foretold, not done: "would destroy", "may hinder" ("forces destroyed" is an act)
CONSEQUENCE_MODALS = {"would", "could", "may", "might", "will"}
# what a thing said to do harm does: "sanctions would destroy society", "may hinder its bid"
HARM_VERBS = {"destroy", "harm", "hurt", "hinder", "damage", "undermine", "worsen", "jeopardize",
              "jeopardise", "endanger", "weaken", "ruin", "derail", "sabotage", "complicate", "hamper"}
# people whom being "held by" a force makes detainees
HELD_PEOPLE = {"prisoner", "detainee", "inmate", "suspect", "woman", "man", "people", "person",
               "civilian", "national", "citizen", "member", "fighter", "militant", "activist",
               "soldier", "journalist", "worker", "child", "refugee", "migrant", "protester"}
# nouns for what an act was aimed at: "was the target of an attack"
TARGET_NOUNS = {"target", "object"}
AIMED_TYPES = {"ASSAULT", "COERCE", "THREATEN", "ACCUSE", "SANCTION", "PROTEST"}


def _target_of(noun: Token) -> Token | None:
    """The 'target' noun of 'X was the target of an attack' (its verb's subject was struck)."""
    anchor = _anchor(noun)
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
        target = anchor.head.head
        if target.lemma_.lower() in TARGET_NOUNS and target.dep_ in ("attr", "oprd") \
                and target.head.lemma_.lower() in ("be", "become", "remain"):
            return target
    return None


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose object the event noun is ("imposed a new package of sanctions",
    "will provide 25,000 tons of food aid", "arrived on a visit")."""
    current = _anchor(noun)
    for _ in range(3):
        if current.dep_ == "pobj" and current.head.lower_ == "of" and current.head.head.pos_ == "NOUN":
            current = current.head.head
            continue
        break
    if current.dep_ in ("dobj", "attr") and current.head.pos_ in ("VERB", "AUX"):
        return current.head
    if (current.dep_ == "pobj" and current.head.lower_ in GOVERNING_PREPS
            and current.head.head.pos_ == "VERB"):
        return current.head.head
    if (current.dep_ == "pobj" and current.head.lower_ == "in"
            and current.head.head.lemma_.lower() in PARTICIPATION_VERBS):
        return current.head.head  # "Serb forces were engaged in ethnic cleansing"
    if current.dep_ == "pobj" and current.head.lower_ == "with" and (
            current.head.head.lemma_.lower() in {"continue", "proceed"} | MEANS_VERBS or any(
                c.dep_ in ("prt", "advmod") and c.lower_ in ("on", "ahead", "forward")
                for c in current.head.head.children)):
        return current.head.head  # "pressed on with a massive offensive", "went ahead with"
    return None


class SentenceCoder:
    def __init__(self, doc: Doc, actors: DocActors, tables: Tables,
                 triggers: dict[int, Trigger] | None = None) -> None:
        self.doc = doc
        self.actors = actors
        self.tables = tables
        self.triggers = triggers or {}

    def heads_to_actors(self, heads: list[Token], named: bool = False) -> list[ActorMention]:
        out: list[ActorMention] = []
        for head in heads:
            out.extend(self.actors.expand(head, named))
        return _unique(out)

    def unidentified_attacker(self, trigger: Trigger) -> list[ActorMention]:
        """'A car bomb killed seven', 'Blast kills five': someone attacked; who is not said.

        The weapon or blast stands in as the actor span, with no country and sector UAF
        (unidentified armed force), so the event keeps its recipients.
        """
        token = trigger.token
        # ("a mortar bomb hit a house, killing a woman": the clause's subject)
        heads = _children(token, "nsubj") if token.pos_ == "VERB" else []
        if not heads and token.dep_ == "advcl" and token.tag_ == "VBG":
            heads = subject_heads(token)
            if any(h.i in self.triggers or any(o.i in self.triggers for p, o in _prep_objects(h))
                   for h in heads):
                return []  # "a string of bomb blasts rocked Nagaland, killing 19": the blasts'
                # own toll, told with them
        heads += [o for p, o in _prep_objects(token) if p in ("in", "by")] if token.pos_ == "VERB" else []
        heads += [o for h in heads if h.lemma_.lower() in SERIES_HEADS
                  for p, o in _prep_objects(h) if p == "of"]  # "a series of car bombings"
        for head in heads:
            if head.lemma_.lower() in INSTRUMENTS or any(
                    c.dep_ == "compound" and c.lemma_.lower() in INSTRUMENTS for c in head.children
            ) or (  # "a mortar round killed a woman"
                    head.lemma_.lower() in self.tables.nouns
                    and self.tables.nouns[head.lemma_.lower()][0].event_type == "ASSAULT"):
                whose = self.owners([head])
                if whose:
                    return whose  # "a Russian missile attack killed seven": Russia's
                start, end = self.actors.phrase_span(head)
                return [ActorMention(self.actors.text[start:end], start, end, None, None, "UAF")]
        return []

    def owners(self, heads: list[Token], places: bool = False) -> list[ActorMention]:
        """Whose thing an object is: 'the Russian proposal', 'terms set out by Putin', 'the
        convoy of Ahmed Chalabi', 'a convoy carrying Chalabi'; with ``places``, also where the
        thing is ('a house in Fallujah', for attacks on it)."""
        found: list[Token] = []
        for head in heads:
            for child in head.children:
                if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < head.i:
                    if child.dep_ == "amod" and not self.actors.in_tables(child):
                        continue  # "an official protest": an adjective, not an official
                    if child.dep_ == "poss" and child.lower_ in ("its", "their"):
                        continue  # "would abide by its obligations": the doer's own
                    found.append(child)
                elif child.dep_ == "acl":
                    found += [o for p, o in _prep_objects(child) if p == "by"]
                    if child.lemma_.lower() in CARRYING:
                        found += _children(child, "dobj")
                elif child.dep_ == "relcl" and not _children(child, "dobj"):
                    # "appreciated the role Ankara played": the thing is the one who did it's
                    found += [s for s in _children(child, "nsubj") if s.tag_ not in ("WDT", "WP")]
                elif child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                    found += _children(child, "pobj")
                elif places and child.dep_ == "prep" and child.lower_ in ("in", "near"):
                    found += [o for o in _children(child, "pobj") if self.actors.is_place_or_state(o)]
        return [a for a in self.heads_to_actors(found) if a.country]

    def _speaker_for_pronoun(self, verb: Token, heads: list[Token]) -> list[ActorMention]:
        """'Russia said it would respond': 'it' is the speaker."""
        clause = verb  # "Syria says it is willing to withdraw": up to the reported clause
        for _ in range(3):
            if clause.dep_ not in ("xcomp", "acomp") or clause.head is clause:
                break
            clause = clause.head
        if len(heads) == 1 and heads[0].lower_ in SPEAKER_PRONOUNS and clause.dep_ == "ccomp":
            speaker_heads = subject_heads(clause.head)
            if speaker_heads and clause.head.lemma_.lower() in SPEECH_VERBS | INTENT_VERBS:
                return self.heads_to_actors(speaker_heads)
        return []

    def verb_arguments(self, trigger: Trigger) -> tuple[list[ActorMention], list[ActorMention]]:
        verb = trigger.token
        passive = _children(verb, "nsubjpass")
        if not passive and verb.dep_ == "conj" and verb.tag_ == "VBN" \
                and not _children(verb, "nsubj", "dobj") and _children(verb.head, "nsubjpass"):
            # "the plan was welcomed by Japan and criticized by China": the second participle's
            # subject is the first's
            passive = _children(verb.head, "nsubjpass")
        if not passive and trigger.entry.event_type not in INTRANSITIVE_TYPES and _reduced_passive(verb):
            passive = _children(verb, "nsubj")
        preps = _prep_objects(verb)
        if not passive and trigger.entry.event_type == "REQUEST" and verb.dep_ == "advcl" \
                and verb.tag_ == "VBN" and _children(verb, "agent") \
                and not _children(verb, "nsubj") and verb.head.pos_ in ("VERB", "AUX"):
            # "has not pulled out its forces as called for by the Security Council", "as
            # demanded by the kidnappers": the agent asks it of the main clause's subject
            actors = self.heads_to_actors([o for p, o in preps if p == "by"], named=True)
            if actors:
                return actors, self.heads_to_actors(subject_heads(verb.head))
        intransitive = trigger.entry.event_type in INTRANSITIVE_TYPES
        if intransitive and verb.dep_ == "acl" and not passive:
            # "Thousands protested in Tbilisi" parsed as a noun with a participle
            actors = self.heads_to_actors([verb.head])
            recipients = self.heads_to_actors([o for p, o in preps if self.recipient_prep(p, trigger)])
            return actors, recipients
        if passive and verb.lemma_.lower() in STATIVE_PASSIVES and any(p == "to" for p, _ in preps):
            # "Israel is opposed to French mediation": a stance, held by the subject
            things = [o for p, o in preps if p == "to"]
            return self.heads_to_actors(passive), self.heads_to_actors(things) or self.owners(things)
        if passive or (verb.dep_ in ("acl", "amod") and verb.tag_ in ("VBN", "JJ")
                       and not _misparsed_main_verb(verb)):  # "a kidnapped Briton"
            actor_heads = [obj for prep, obj in preps if prep == "by"]
            patient_heads = passive or [verb.head]
            if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                # "a Briton who was shot dead": the relative pronoun stands for the noun
                patient_heads = [verb.head if p.tag_ in ("WDT", "WP") else p for p in patient_heads]
            actors = self.heads_to_actors(actor_heads, named=True)
            # ("a Pentagon analyst being investigated": whose the one it is done to is)
            recipients = self.heads_to_actors(patient_heads) or self.owners(patient_heads)
            held = [h for h in patient_heads if h.lemma_.lower() in VICTIM_NOUNS and h.i > 0
                    and self.doc[h.i - 1].lemma_.lower() in HOLDING_VERBS]
            if held:  # "reporters held hostage in Iraq were freed", misparsed: the reporters
                recipients = self._victim_noun_arguments(held[0])[1]
        else:
            subject = subject_heads(verb)
            actors = (self.heads_to_actors(subject) or self._speaker_for_pronoun(verb, subject)
                      or self.heads_to_actors(subject, named=True))
            if not actors and verb.dep_ in ("acl", "relcl") and subject and subject[0].i == verb.head.i:
                # "a UN resolution calling for talks", "the PKK issued a declaration demanding
                # that ...": a text speaks for whoever wrote or issued it
                actors = self.owners([verb.head])
                governor = _governing_verb(verb.head)
                if not actors and governor is not None and governor.pos_ == "VERB":
                    actors = self.heads_to_actors(subject_heads(governor))
            if not actors and verb.dep_ == "conj" and verb.head.dep_ == "ccomp":
                # "The US declared that the violence was genocide and urged the world to act":
                # the small model hangs the second verb on the reported clause
                actors = self.heads_to_actors(subject_heads(verb.head.head))
            objects = _children(verb, "dobj", "dative")
            if trigger.entry.trigger == "use":  # "used drones against the columns": the target
                objects = [o for p, o in preps if p == "against"]
            if verb.dep_ == "amod" and verb.tag_ == "VBD" and _children(verb, "nsubj"):
                objects.append(_anchor(verb.head))  # "Ukraine on Friday rejected ceasefire terms",
                # misparsed: the verb, with its subject, hung on its object as a modifier
            # "sealed off Gaza": the model hangs the object on the particle
            objects += [o for p in _children(verb, "prt") for o in _children(p, "pobj")]
            if not objects and trigger.entry.event_type in ("ACCUSE", "REJECT"):
                # "condemned as 'unfair' a new UN resolution": the object put last, parsed as
                # the complement of 'as'
                objects = [o for p, o in preps if p == "as" and o.pos_ in ("NOUN", "PROPN")
                           and any(c.dep_ == "det" for c in o.children)]
            if trigger.entry.event_type in SENT_THING_TYPES or trigger.entry.mode == "withdraw":
                # "sent troops to Russia", "deployed soldiers in Kursk": the object is what is
                # sent; the recipient is where or to whom (or a dative: "gave Kyiv weapons")
                objects = _children(verb, "dative") + [
                    o for o in _children(verb, "dobj") if self.actors.is_place_or_state(o)]
            if trigger.entry.event_type in ("AGREE", "AID", "SUPPORT", "MOBILIZE", "COOPERATE"):
                # "offered its troops to Lebanon": one's own people are what is given
                objects = [o for o in objects if not any(
                    c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our")
                    for c in o.children)] or [o for o in objects if self.actors.is_place_or_state(o)]
            located = trigger.entry.event_type in PLACE_TYPES
            recipients = self.heads_to_actors(objects) or self.owners(objects, located)
            if not recipients:
                # "sold drones to Ukraine": the object is a thing; who got it is in a prep
                # ("suspended part of a military aid program for Bosnia": for whom it was)
                things = objects + [o for t in objects for p, o in _prep_objects(t) if p == "of"]
                for obj in things:
                    place = [o for p, o in _prep_objects(obj)
                             if self.recipient_prep(p, trigger) or p == "for"]
                    recipients = self.heads_to_actors(place) or self.owners(place, located)
                    if recipients:
                        break
        if not recipients and (trigger.entry.mode == "withdraw" or trigger.entry.event_type == "MOBILIZE"):
            # "will reduce its number of troops in Iraq", "strengthened its forces in Lebanon":
            # where the troops are
            things = _children(verb, "dobj")
            things += [o for t in things for p, o in _prep_objects(t) if p == "of"]
            place = [o for t in things for p, o in _prep_objects(t) if p in ("in", "from")
                     and self.actors.is_place_or_state(o)]
            recipients = self.heads_to_actors(place)
            if not recipients and trigger.entry.mode == "withdraw":
                # "lifted a blockade on Palestinian lorries": whom it weighed on
                targets = [o for t in things for p, o in _prep_objects(t) if p in ("on", "against")]
                recipients = self.heads_to_actors(targets) or self.owners(targets)
        if not recipients:
            place = [o for p, o in preps if self.recipient_prep(p, trigger)]
            recipients = self.heads_to_actors(place) or self.owners(
                place, trigger.entry.event_type in PLACE_TYPES)
        if not recipients and trigger.entry.event_type in CONTENT_TYPES:
            # "offered to mediate between Moscow and Kyiv": the parties are in the content
            contents = _children(verb, "xcomp", "ccomp") + [
                c for c in _children(verb, "advcl") if any(  # "called for Iran to suspend"
                    m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]
            for content in contents:
                heads = _children(content, "dobj", "dative")
                if content.dep_ in ("ccomp", "advcl"):  # "demanded that the US cancel ...": who is asked
                    subjects = _children(content, "nsubj", "nsubjpass")
                    # "protested that the police had beaten detainees": the police are accused
                    heads = subjects if subjects and trigger.entry.event_type == "ACCUSE" \
                        else subjects + heads
                heads += [o for p, o in _prep_objects(content) if p in RECIPIENT_PREPS]
                # "refused to allow United Nations planes to land": who would act
                heads += [s for c in _children(content, "ccomp") for s in _children(c, "nsubj")]
                recipients = self.heads_to_actors(heads) or self.owners(
                    _children(content, "nsubj"))  # "demanded that its EC partners refuse"
                if not recipients and trigger.entry.event_type in ("REJECT", "THREATEN", "AGREE"):
                    # "threatened to ban Ugandan opposition candidates", "refused to respond
                    # to a demand from the US President": whose the thing is
                    recipients = self.owners(heads)
                if not recipients:
                    # "promised to continue military aid to Mozambique": the thing's recipient;
                    # "threatened to stop talks if the United States goes ahead": the condition's
                    # subject
                    inner = [o for h in _children(content, "dobj") for p, o in _prep_objects(h)
                             if p in RECIPIENT_PREPS or p == "for"]
                    inner += [s for c in _children(content, "advcl") + _children(verb, "advcl")
                              if any(m.lower_ in ("if", "unless") for m in _children(c, "mark"))
                              for s in _children(c, "nsubj")]
                    recipients = self.heads_to_actors(inner) or self.owners(inner)
                if recipients:
                    break
        return actors, recipients

    def _victim_noun_arguments(self, noun: Token) -> tuple[list[ActorMention], list[ActorMention]]:
        """'two French hostages held by his group', 'a Briton held hostage in Iraq': the victims
        are the noun's phrase, or the phrase just before 'held'/'taken'; the doer is the 'by'
        agent when one is named, else an unnamed armed force where they are held."""
        doc = self.doc
        start = noun.sent.start
        victims = [noun]
        holding = None
        before = noun.i - 1
        if before >= start and doc[before].lemma_.lower() in HOLDING_VERBS:
            holding = doc[before]
            j = before - 1
            while j >= start and doc[j].lower_ in ("being", "been", "be", "was", "were", "is",
                                                   "are", "still", "now", "reportedly", "later"):
                j -= 1
            if j >= start and doc[j].pos_ in ("NOUN", "PROPN", "PRON"):
                victims = [doc[j]]
        held = [c for c in noun.children if c.dep_ in ("acl", "relcl")
                and c.lemma_.lower() in HOLDING_VERBS]
        verbs = held + ([holding] if holding is not None else [])
        agents = [o for verb in verbs for p, o in _prep_objects(verb) if p == "by"]
        actors = self.heads_to_actors(agents, named=True)
        if not actors:
            # whoever holds them, unnamed: an armed group where they are held ("12 Nepalese
            # hostages in Iraq"); the place, or the noun itself, is the span
            places = [o for t in [noun, *verbs] for p, o in _prep_objects(t) if p == "in"
                      and self.actors.is_place_or_state(o)]
            found = [a for a in self.heads_to_actors(places) if a.country]
            if found:
                actors = [ActorMention(found[0].text, found[0].start, found[0].end, None,
                                       found[0].country, "UAF")]
        # "Iraq hostage Ken Bigley": a place before the noun is where they are held
        held_in = next((c for c in noun.children if c.dep_ == "compound" and c.i < noun.i
                        and self.actors.is_place(c)), None)
        if held_in is not None and not actors:
            actors = [_stand_in(noun, self.actors.place_country(held_in), "UAF")]
        recipients = self.heads_to_actors(victims) or self.owners(victims)
        if held_in is not None:
            for victim in recipients:
                if actors and victim.country == actors[0].country:
                    victim.country = None
        for victim, head in zip(recipients, victims):
            if victim.country and victim.country == self.actors.located_in(head) \
                    and not self.actors.in_tables(head) and not any(self.heads_to_actors(
                        [c for c in head.children if c.dep_ in ("amod", "compound", "nmod")])):
                victim.country = None  # "a hostage in Iraq": held there, not from there
        if not actors:
            # no place named with them: where the story is, unless that is the victims' own
            # country ("PARIS - two French hostages")
            place = self.actors.place_in(noun.sent) or self.actors.home
            if place in {r.country for r in recipients}:
                place = None
            actors = [_stand_in(noun, place, "UAF")]
        return actors, recipients

    def happened_in(self, token: Token, skip: tuple[tuple[int, int], ...] = ()) -> str | None:
        """The country where a trigger's event happened, as far as the text says: the place its
        own clause names, else the sentence's first place, else the story's place (outside the
        character ranges in ``skip``, such as the victims' phrase)."""
        return self.clause_place(token, skip) or self.actors.place_in(token.sent, skip) \
            or self.actors.home_place

    def clause_place(self, token: Token, skip: tuple[tuple[int, int], ...] = ()) -> str | None:
        """The country of the first place named in the clause of a reported event, outside
        ``skip``; None when the event is the sentence's own (the sentence's place serves)."""
        clause = token if token.pos_ in ("VERB", "AUX") else next(
            (a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is None or clause.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "relcl"):
            return None
        found = self.actors.first_place((t.i for t in clause.subtree), skip)
        return found[1] if found else None

    def clause_subject(self, token: Token) -> list[ActorMention]:
        """Who the clause around a noun is about: 'rebels walked out in protest at alleged
        attacks' -> the rebels."""
        for verb in token.ancestors:
            if verb.pos_ in ("VERB", "AUX"):
                subject = subject_heads(verb)
                return self.heads_to_actors(subject) or self._speaker_for_pronoun(verb, subject)
        return []

    def named_place(self, token: Token) -> ActorMention | None:
        """A place the trigger names: 'in Kirkuk', 'the Beslan school massacre', 'detonated a
        car bomb near a crowd in Kirkuk'."""
        heads = [o for p, o in _prep_objects(token)
                 if p in ("in", "near", "at", "outside", "across", "around", "inside")]
        # "around the insurgent bastion of Fallujah", "in the city of Najaf"
        heads += [g for h in heads if not self.actors.is_place(h)
                  for p, g in _prep_objects(h) if p == "of"]
        heads += [c for c in token.children if c.dep_ in ("compound", "nmod", "amod")]
        heads += [g for c in token.children if c.dep_ == "compound" for g in c.children
                  if g.dep_ in ("compound", "nmod")]
        for obj in _children(token, "dobj"):
            heads += [o for p, o in _prep_objects(obj) if p in ("in", "near", "at", "outside")]
        for head in heads:
            if self.actors.is_place(head):
                found = [a for a in self.heads_to_actors([head]) if a.country]
                if found:
                    return dataclasses.replace(found[0], sector=None)
        return None

    def struck_place(self, trigger: Trigger, sent: Span, anywhere: bool = True,
                     exclude: frozenset[str] = frozenset()) -> list[ActorMention]:
        """The place an attack happened, as its recipient: a place the trigger names ('in
        Kirkuk', 'the Beslan school massacre'), else the sentence's first place."""
        token = trigger.token
        named = self.named_place(token)
        if named is not None:
            return [named]
        within = range(sent.start, sent.end)  # the sentence's first place an act is located in
        if not anywhere:
            # a named attacker: only a place in the attack's own clause ("American airstrikes on
            # a village south of Falluja killed 44"), not one the reporting clause names
            clause = token if token.pos_ in ("VERB", "AUX") else next(
                (a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if clause is None:
                return []
            subjects = {t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")
                        for t in c.subtree}
            within = sorted(t.i for t in clause.subtree if t.i not in subjects)
        elif token.tag_ == "NN" and [c.lower_ for c in token.children] in (["the"], ["this"], ["that"]):
            return []  # "denied involvement in the attack": one told of before
        found = self.actors.first_place(within, exclude=exclude, subjects=False)
        if found is None:
            return []
        span, country = found
        return [ActorMention(span.text, span.start_char, span.end_char, None, country, None)]

    def recipient_prep(self, prep: str, trigger: Trigger) -> bool:
        kind = trigger.entry.event_type
        if prep in trigger.entry.requires and (prep != "by" or not _children(trigger.token, "nsubjpass")):
            return True  # "abide by the UN resolution": the verb's own preposition
        if prep in ("outside", "before") and kind == "PROTEST" or prep == "outside" and kind == "ASSAULT":
            return True  # "protested outside the US embassy", "a bomb outside the embassy"
        if prep == "in" and trigger.token.lemma_.lower() == "seek" and any(
                o.lemma_.lower() in ("asylum", "refuge", "shelter") for o in _children(trigger.token, "dobj")):
            return True  # "sought asylum in Germany": Germany is asked
        if prep in RECIPIENT_PREPS:
            return not (prep == "in" and kind not in ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "CONCEDE")
                        and trigger.entry.mode != "withdraw"  # "cut its troops in Iraq"
                        and trigger.entry.cameo != "074"  # "peacekeepers arrived in Mali"
                        and trigger.entry.mode != "visit")  # "arrived in Amman on a visit"
        return (prep == "for" and kind in FOR_TYPES) or (prep == "from" and kind in FROM_TYPES)

    def _adjectival_person(self, token: Token) -> bool:
        """'an official visit': a person noun used as an adjective names no one."""
        if token.dep_ != "amod" or token.tag_ != "JJ" or self.actors.in_tables(token):
            return False
        return self.actors.is_person_noun(token)

    def noun_arguments(self, trigger: Trigger) -> tuple[list[ActorMention], list[ActorMention]]:
        noun = trigger.token
        if noun.lemma_.lower() in VICTIM_NOUNS:
            return self._victim_noun_arguments(noun)
        if noun.lemma_.lower() in PROTESTERS:  # "protesters in Kathmandu": they protest
            return self.heads_to_actors([noun]), []
        if noun.lemma_.lower() in AGENT_NOUNS:
            owners = [c for c in noun.children if c.dep_ == "poss"]  # "his kidnappers"
            owners += [o for p, o in _prep_objects(noun) if p == "of"]
            agents = self.heads_to_actors([noun])
            # "the kidnappers of two Chinese engineers": the victims' country is not theirs;
            # only the noun's own modifiers ("Iraqi captors") say whose they are
            own = {a.country for a in self.heads_to_actors(
                [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i])}
            for agent in agents:
                if agent.country not in own:
                    agent.country = None
            return agents, self.heads_to_actors(owners)
        actor_heads = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                       and c.i < trigger.start or c.dep_ == "poss"]
        actor_heads = [h for h in actor_heads if h.i not in range(trigger.start, trigger.end)
                       and not self._adjectival_person(h)]
        # "the Beslan school massacre", "the Kirkuk bombing", "Kyoto ratification": where, or
        # what it is named after, not who ("the Gujarat riots": a city's people protest)
        actor_heads = [h for h in actor_heads if trigger.entry.event_type == "PROTEST" or not (
            h.dep_ == "compound" and (
                trigger.entry.event_type == "ASSAULT" and h.lemma_.lower() in SEIZED_PLACES
                or self.actors.is_place(h) and self.tables.surface.get(h.text) is not None
                and (self.tables.surface[h.text].kind == "city" or trigger.entry.event_type == "ASSAULT"
                     and self.tables.surface[h.text].kind == "capital")))]  # "the Jakarta bombing"
        preps = _prep_objects(noun)
        anchor = _anchor(noun)
        if anchor is not noun:
            preps += _prep_objects(anchor)
            actor_heads += [c for c in anchor.children if c.dep_ == "poss"]
        actor_heads += [o for p, o in preps if p == "by"]
        # "China conducted military drills": an adjective names a sector, not who; the verb's
        # subject is asked first
        weak = [h for h in actor_heads if h.dep_ == "amod" and not self.actors.in_tables(h)]
        actors = self.heads_to_actors([h for h in actor_heads if h not in weak])
        if not actors and trigger.entry.event_type == "ACCUSE" and noun.dep_ in ("npadvmod", "appos"):
            deniers = [s for r in _children(noun, "relcl") for s in _children(r, "nsubj")]
            root = noun.sent.root
            said = root if root.lemma_.lower() in SPEECH_VERBS else noun.head
            if deniers and said.pos_ in ("VERB", "AUX"):
                # "... said the photographs showed its intent, an allegation Tehran dismissed":
                # the claim is the one who made it's, against the one who denies it
                return self.heads_to_actors(subject_heads(said)), self.heads_to_actors(deniers)
        struck = _target_of(noun) if trigger.entry.event_type in AIMED_TYPES else None
        if struck is not None:
            # "a French national was the target of an attack", "the embassy became a target
            # of bombings": the one the clause tells of was struck; only "by" (or "from":
            # "the target of criticism from Moscow") says by whom
            if not actors and trigger.entry.event_type in SOURCE_TYPES:
                actors = self.heads_to_actors([o for p, o in preps if p == "from"])
            return actors, [r for r in self.heads_to_actors(subject_heads(struck.head))
                            if all(r.start != a.start for a in actors)]
        governor = _governing_verb(noun)
        # "drew criticism", "faces the threat": the verb's subject gets it
        received = governor if governor is not None and governor.lemma_.lower() in \
            UNDERGOING_VERBS | RECEIVING_VERBS else None
        if governor is not None and governor.i in self.triggers and \
                governor.lemma_.lower() not in ORDER_VERBS and \
                self.triggers[governor.i].entry.event_type != trigger.entry.event_type:
            governor = None  # "condemned the attack": the condemner did not attack
        if governor is not None and anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and \
                anchor.head.head.i in self.triggers and \
                self.triggers[anchor.head.head.i].entry.event_type != trigger.entry.event_type:
            governor = None  # "declared a cessation of hostilities": the declarer did not fight
        if governor is not None and (governor.lemma_.lower() in UNDERGOING_VERBS or
                                     governor.lemma_.lower() in RECEIVING_VERBS
                                     and trigger.entry.event_type in SOURCE_TYPES):
            governor = None  # "Sudan faces the threat of sanctions": Sudan does not threaten
            # ("Haiti received aid": Haiti does not give it)
        if actors and trigger.entry.reciprocal and governor is not None and all(
                a.country in ("IGO", "UNO", "EUR") for a in actors) and all(
                h.dep_ in ("compound", "amod", "npadvmod") for h in actor_heads):
            # "rebels walked away from African Union peace talks": the organisation sponsors
            # the talks; those the verb tells of take part
            parties = self.heads_to_actors(subject_heads(governor))
            actors = parties or actors
        between = trigger.entry.reciprocal and any(p == "between" for p, _ in preps)
        if not actors and governor is not None and trigger.entry.event_type in SOURCE_TYPES:
            # "bringing warnings from the European Union": the noun's own "from" says whose,
            # before the verb's subject does
            sources = _prep_objects(noun) + (_prep_objects(governor) if noun.dep_ == "dobj" else [])
            actors = self.heads_to_actors([o for p, o in sources if p == "from"])
        if not actors and governor is not None and not between:  # "hosted talks between A
            subject = subject_heads(governor)  # and B": A and B talk, the host does not
            if not subject and governor.lemma_.lower() in PARTICIPATION_VERBS:
                subject = _children(governor, "nsubjpass")  # "forces were engaged in cleansing"
            actors = self.heads_to_actors(subject) or self._speaker_for_pronoun(governor, subject)
        if not actors and governor is None and trigger.entry.event_type == "CONSULT" \
                and anchor.dep_ == "pobj" and anchor.head.lower_ in MEETING_PREPS and not (
                    any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in anchor.children)
                    and not _children(anchor, "prep")):
            # "Putin took over as head of the bloc at a summit in Astana", "declared victory
            # during a visit to Iraq", "officials at an emergency meeting said": who does
            # something at a meeting took part in it ("at the summit": the one told of before)
            held = anchor.head.head
            if held.pos_ in ("NOUN", "PROPN"):
                actors = self.heads_to_actors([held])
                if not actors and held.dep_ in ("dobj", "attr"):
                    held = held.head  # "make headway in talks": who makes it
            if not actors and held.pos_ in ("VERB", "AUX"):
                actors = self.heads_to_actors(subject_heads(held))
        if not actors and trigger.entry.event_type in SOURCE_TYPES:
            # "objections to the tribunal from the United States", "pressure from the EU",
            # "aid from Japan": what comes from someone is theirs ("drew criticism from
            # Moscow": the verb may hold the "from")
            sources = preps + (_prep_objects(received) if received is not None else [])
            sources += [inner for p, o in preps if p in ("to", "against", "on")
                        for inner in _prep_objects(o)]  # "objections to the court from the US"
            actors = self.heads_to_actors([o for p, o in sources if p == "from"])
        if not actors and weak:
            actors = self.heads_to_actors(weak)  # "a military coup": the military
        if not actors and trigger.entry.event_type in SENT_THING_TYPES:
            # "the deployment of NATO peacekeeping troops": whose troops
            sent = [o for p, o in preps if p == "of"]
            actors = [a for a in self.heads_to_actors(sent) or self.owners(sent) if a.country]
        if not actors and trigger.entry.mode == "ceasefire":
            # "a cease-fire called by Moqtada al-Sadr": who called it; "the truce that ended the
            # fighting between US troops and the militia": the sides of that fighting
            actors = self.owners([noun])
            if not actors:
                ended = [o for r in _children(noun, "relcl") if r.lemma_.lower() in ("end", "halt", "stop")
                         for o in _children(r, "dobj")]
                actors = self.heads_to_actors([o for e in ended for p, o in _prep_objects(e)
                                               if p == "between"])
        if trigger.entry.reciprocal:
            # "clashes between US forces and militiamen", "talks with Iran": all are parties
            actors = _unique(actors + self.heads_to_actors([o for p, o in preps if p in ("between", "with")]))
        recipient_preps = [(p, o) for p, o in preps if p != "by"]
        if governor is not None:
            recipient_preps += _prep_objects(governor)
        elif (anchor.dep_ == "nsubjpass" or anchor.dep_ == "nsubj"
              and anchor.head.lemma_.lower() in ARRIVAL_VERBS) and anchor.head.pos_ == "VERB" and (
                anchor.head.i not in self.triggers
                or self.triggers[anchor.head.i].entry.event_type == trigger.entry.event_type
                or self.triggers[anchor.head.i].entry.trigger in TRAVEL_VERBS):  # (only a visit's)
            # "UN sanctions were imposed on Iraq", "the aid was sent to Sudan", "the deployment
            # arrived in Bosnia": the verb says on whom (not "the attack was condemned by Iraq")
            recipient_preps += [(p, o) for p, o in _prep_objects(anchor.head) if p != "by"]
        targets = [o for p, o in recipient_preps if self.recipient_prep(p, trigger)
                   or (p == "of" and trigger.entry.event_type in OF_NOUN_TYPES)]
        # "a bomb attack on a UN vehicle": whose the thing attacked is
        recipients = self.heads_to_actors(targets) or self.owners(
            targets, trigger.entry.event_type in PLACE_TYPES)
        if not recipients:
            # "a suspension of air links with Serbia", "a cut in aid to Sudan": whom the thing
            # concerned
            things = [o for p, o in preps if p in ("of", "in")]
            recipients = self.heads_to_actors([o for t in things for p, o in _prep_objects(t)
                                               if p in ("with", "to", "for", "against")])
        if not recipients and trigger.entry.event_type in CONTENT_TYPES:
            # "its demand that Israel ease restrictions": who is asked, threatened, accused
            heads = [h for c in noun.children if c.dep_ == "acl" and c.pos_ in ("VERB", "AUX")
                     for h in _children(c, "nsubj", "nsubjpass")]
            if not heads and noun.dep_ == "dobj":  # the clause hung on the verb
                heads = [h for c in _children(noun.head, "ccomp") for h in _children(c, "nsubj")]
            recipients = self.heads_to_actors(heads)
        recipients = [r for r in recipients if all(r.start != a.start for a in actors)]
        if actors and not recipients and received is not None \
                and trigger.entry.event_type in SOURCE_TYPES:
            # "Sudan faced growing pressure from the EU": the one who faces it is its target
            recipients = [r for r in self.heads_to_actors(subject_heads(received))
                          if all(r.start != a.start for a in actors)]
        return actors, recipients


def _event_id(doc_id: str, start: int, event_type: str) -> str:
    return hashlib.sha1(f"{doc_id}|{start}|{event_type}".encode()).hexdigest()[:16]


def _confidence(actors, recipients, trigger: Trigger, reciprocal: bool) -> float:
    score = 0.35
    if actors and any(a.country and a.sector != "UAF" for a in actors):
        score += 0.25  # an unidentified armed force coded to the place it struck is a guess
    if recipients and any(r.country for r in recipients) or (reciprocal and len(actors) > 1):
        score += 0.2
    if trigger.entry.pos == "VERB":
        score += 0.1
    token = trigger.token
    if token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT"):
        score += 0.1  # what the sentence is about, not something mentioned along the way
    elif token.dep_ in ("acl", "relcl"):
        score -= 0.2  # "a French citizen held hostage in Yemen": background to a noun
    elif token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        score -= 0.2  # "police opened fire to disperse the crowd": what was meant, not done
    elif token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS
                                       for c in token.children) \
            or token.dep_ == "pcomp" and token.head.lower_ in BACKGROUND_MARKS:
        score -= 0.15  # "resigned as the opposition threatened to storm his residence", "one
        # day after a jet shot down a helicopter"
    return round(min(score, 0.95), 2)


def find_events(doc: Doc, actors: DocActors, tables: Tables, doc_id: str,
                published: date | None = None, offset: int = 0,
                sentence_base: int = 0) -> list[Event]:
    """All events of a parsed document (or of one piece of it starting at ``offset``)."""
    events: list[Event] = []
    # only tokens whose lemma can start a trigger are looked at in Python
    lemma_ids = trigger_lemma_ids(tables, doc.vocab.strings)
    lemmas = doc.to_array("LEMMA").tolist()
    judgment_ids = _word_ids(doc.vocab.strings, JUDGMENTS | JUDGMENT_NOUNS)
    hits = [i for i, lemma in enumerate(lemmas) if lemma in lemma_ids or lemma in judgment_ids]
    candidates = [i for i in hits if lemmas[i] in lemma_ids]
    judgments = [i for i in hits if lemmas[i] in judgment_ids]
    # the verbs that find fault through them start triggers of their own
    judges = {verb.i for verb in (_judging_verb(doc[i]) for i in judgments) if verb is not None}
    if judges:
        candidates = sorted(set(candidates) | judges)
    obliged = {doc.vocab.strings.add(word) for word in OBLIGATION_MODALS}
    modal_at = [i for i, lemma in enumerate(lemmas) if lemma in obliged]
    if not candidates and not modal_at:
        return events
    position = 0
    seen: set[tuple] = set()
    abducted = False
    for index, sent in enumerate(doc.sents):
        # candidates are in token order: take this sentence's share in one pass
        here = []
        while position < len(candidates) and candidates[position] < sent.end:
            here.append(candidates[position])
            position += 1
        if here:
            for event in _sentence_events(doc, sent, index + sentence_base, actors, tables,
                                          doc_id, published, offset, here, events, judges):
                key = _repeat_key(event)
                named = any(not actors.is_guessed(r, offset) for r in event.recipient if r.country)
                if _is_victim_noun(event.trigger.text) and (key in seen or abducted and not named):
                    continue  # "the hostages" again: their abduction is coded once
                seen.add(key)
                abducted = abducted or event.mode == "abduct"
                events.append(event)
        modals = [i for i in modal_at if sent.start <= i < sent.end]
        if modals:
            events.extend(_obligations(doc, sent, index + sentence_base, actors, tables, doc_id,
                                       published, offset, modals, events))
    _held_where_captive(doc, actors, events, offset)
    return events


# words that tell of people held captive, and of those who hold them
CAPTIVITY_WORDS = {"kidnap", "abduct", "kidnapping", "abduction", "captivity"}


def _captivity_place(doc: Doc, actors: DocActors) -> str | None:
    """Where the story's captives are held: "two French journalists held hostage in Iraq",
    "Ten Turkish hostages freed in Iraq", "Iraq hostage Ken Bigley", "Iraqi captors"."""
    wanted = _word_ids(doc.vocab.strings, VICTIM_NOUNS | AGENT_NOUNS | CAPTIVITY_WORDS)
    for i in [i for i, lemma in enumerate(doc.to_array("LEMMA").tolist()) if lemma in wanted]:
        token = doc[i]
        for word in (token, token.head, *_children(token, "acl", "relcl")):  # "hostages freed in Iraq"
            for p, o in _prep_objects(word):
                if p == "in" and (country := actors.place_country(o)):
                    return country
        for c in token.children:
            if c.dep_ == "compound" and c.i < token.i and (country := actors.place_country(c)):
                return country
            if token.lemma_.lower() in AGENT_NOUNS and c.dep_ in ("amod", "compound") \
                    and (found := actors.resolve(c)) is not None and found.country:
                return found.country  # "killed by Iraqi captors"
    return None


def _held_where_captive(doc: Doc, actors: DocActors, events: list[Event], offset: int) -> None:
    """Kidnappers no one names are of where their captives are held, wherever the story
    says so ("a kidnapped Briton ... insurgents threatening to kill the man", a story on a
    hostage in Iraq): as armed groups no one names are of where they act."""
    # ... and no kidnapper no one names is of his captives' country when they are held abroad
    agents = {n.rstrip("s") for n in AGENT_NOUNS}
    unnamed = [a for e in events for a in e.actor if a.country is None or actors.is_guessed(a, offset)
               or e.mode == "abduct" and a.name is None
               and a.country in {r.country for r in e.recipient}]
    armed = [a for a in unnamed if a.sector in LOCAL_ARMED | {None}
             or a.text.split()[-1].lower().rstrip("s") in agents]
    if not armed:
        return
    place = _captivity_place(doc, actors)
    if place is None:
        return
    for event in events:
        victims = {r.country for r in event.recipient}
        for mention in event.actor:
            if mention in armed and place not in victims:
                mention.country = place


# "Russia said Sudan must return the helicopter": a demand by the speaker on the clause's subject
OBLIGATION_MODALS = ("must", "should")
# texts whose "that ... must" clause is a demand by whoever issues them
SPEECH_NOUNS = {"reminder", "statement", "message", "letter", "declaration", "note", "communique",
                "resolution", "memo", "memorandum", "notice"}
OBLIGATION_SPEECH = {"say", "state", "insist", "announce", "declare", "conclude", "reiterate",
                     "stress", "warn", "tell", "add", "write", "argue", "maintain", "remind",
                     "believe", "demand", "urge", "repeat", "emphasize", "emphasise"}
REQUEST_ENTRY = LexiconEntry("must", "VERB", "REQUEST", None, "100", False)


def _obligations(doc: Doc, sent: Span, sentence_index: int, actors: DocActors, tables: Tables,
                 doc_id: str, published: date | None, offset: int, modals: list[int],
                 found: list[Event]) -> list[Event]:
    out = []
    coder = SentenceCoder(doc, actors, tables)
    for i in modals:
        modal = doc[i]
        verb = modal.head
        if modal.dep_ != "aux" or verb.pos_ not in ("VERB", "AUX"):
            continue
        told = []
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in SPEECH_NOUNS:
            # "issued a stern reminder to Iraq that it must cooperate": the reminder's issuer
            # demands it of whom it is addressed to
            speech = _governing_verb(verb.head)
            if speech is None:
                continue
            told = [o for c in speech.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                    for o in _children(c, "pobj")]
        elif verb.dep_ in ("ccomp", "parataxis"):
            speech = verb.head
            if speech.lemma_.lower() not in OBLIGATION_SPEECH:
                continue
        else:
            continue
        if _negated(speech):
            continue
        speaker = coder.heads_to_actors(subject_heads(speech), named=True)
        addressee = coder.heads_to_actors(told) or coder.heads_to_actors(
            _children(verb, "nsubj", "nsubjpass"))
        if not speaker or not addressee:
            continue
        start = doc[i].idx + offset
        if any(e.trigger.start <= start < e.trigger.end for e in found):
            continue
        trigger = Trigger(verb, REQUEST_ENTRY, i, verb.i + 1)
        event = _build_event(doc, sent, sentence_index, trigger, speaker, addressee, tables,
                             doc_id, published, offset)
        event.modality = "asserted"  # the saying is the demand
        event.negated = False
        out.append(event)
    return out


_LEMMA_IDS: dict[int, set[int]] = {}


# words of blame: "called the war illegal", "described the strikes as unacceptable", "said the
# barrier was illegal" find fault with whoever did what they are said of (ACCUSE)
JUDGMENTS = {"illegal", "unlawful", "illegitimate", "unacceptable", "unjust", "unfair", "wrong",
             "criminal", "barbaric", "inhumane", "provocative", "irresponsible", "outrageous",
             "shameful", "disgraceful", "deplorable", "reprehensible", "immoral"}
PROSECUTORS = {"prosecutor", "prosecutors", "prosecution", "attorney", "attorneys"}
# nouns that find fault when an act is called them ("called the detention an attempted coup",
# "described it as an ultimatum")
JUDGMENT_NOUNS = {"coup", "crime", "betrayal", "lie", "farce", "sham", "provocation", "ultimatum",
                  "blackmail", "aggression", "genocide", "travesty", "disgrace", "outrage"}
JUDGING_VERBS = {"call", "brand", "label", "term", "describe", "declare", "deem", "consider",
                 "denounce", "condemn", "criticise", "criticize", "slam"}
JUDGED = LexiconEntry("judge", "VERB", "ACCUSE", "disapprove", "111", False)


def _judging_verb(word: Token) -> Token | None:
    """The verb that finds fault through a word of blame, if any: "called the war illegal",
    "described the strikes as illegal", "said the barrier was illegal"."""
    if any(c.dep_ == "neg" for c in word.children):
        return None
    head = word.head
    if word.pos_ == "NOUN":
        if word.lemma_.lower() not in JUDGMENT_NOUNS:
            return None
        if word.dep_ in ("oprd", "attr", "dobj", "ccomp", "xcomp") and head.lemma_.lower() in \
                JUDGING_VERBS - {"declare"} and head.i < word.i:
            return head  # "called the detention an attempted coup"
        if word.dep_ == "pobj" and head.lower_ == "as":
            judged = head.head
            if judged.dep_ == "dobj" and judged.head.lemma_.lower() in JUDGING_VERBS:
                return judged.head  # "described Putin's offer as an ultimatum", misparsed
            if judged.lemma_.lower() in JUDGING_VERBS:
                return judged  # "described it as an ultimatum"
        return None
    if word.pos_ != "ADJ":
        return None
    if word.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "dobj") and head.lemma_.lower() in JUDGING_VERBS:
        return head
    if word.dep_ in ("pobj", "amod") and head.lower_ == "as" and head.head.lemma_.lower() in JUDGING_VERBS:
        return head.head
    if word.dep_ in ("acomp", "attr") and head.lemma_.lower() == "be" and head.dep_ == "ccomp" \
            and head.head.lemma_.lower() in SPEECH_VERBS | JUDGING_VERBS \
            and not any(c.dep_ == "neg" for c in head.children):
        return head.head
    return None


_WORD_IDS: dict[tuple[int, frozenset[str]], set[int]] = {}


def _word_ids(strings, words: set[str]) -> set[int]:
    """The string-store ids of ``words`` (lemmas compared as ids, without making strings)."""
    key = (id(strings), frozenset(words))
    if key not in _WORD_IDS:
        _WORD_IDS[key] = {strings.add(word) for word in words}
    return _WORD_IDS[key]


def trigger_lemma_ids(tables: Tables, strings) -> set[int]:
    key = id(tables)
    if key not in _LEMMA_IDS:
        lemmas = set(tables.verbs) | set(tables.nouns) | TRANSFER_VERBS | {"return", "use"} \
            | set(tables.adjectives) | CONSIGNMENTS | CRITICS_SAY
        _LEMMA_IDS[key] = {strings.add(form) for lemma in lemmas for form in (lemma, lemma.title())}
    return _LEMMA_IDS[key]


def _sentence_events(doc: Doc, sent: Span, sentence_index: int, actors: DocActors,
                     tables: Tables, doc_id: str, published: date | None, offset: int,
                     candidates: list[int], earlier: list[Event] | None = None,
                     judges: set[int] = frozenset()) -> list[Event]:
    """The events of one sentence; ``earlier``: those coded before it in the same piece;
    ``judges``: verbs that find fault through a word of blame (ACCUSE)."""
    earlier = earlier or []
    attacked = any(e.event_type == "ASSAULT" for e in earlier)
    triggers: dict[int, Trigger] = {}
    for i in candidates:
        token = doc[i]
        if i + 1 < len(doc) and doc[i + 1].text == "-" and not token.whitespace_ or \
                i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ \
                and token.dep_ in ("amod", "compound", "nmod"):
            continue  # "a shoot-on-sight curfew", "anti-war protests": inside a modifier
            # ("cyber-attacks", "car-bomb" keep their head noun)
        found = match_trigger(token, tables)
        if found is None and token.i in judges:
            found = Trigger(token, JUDGED, token.i, token.i + 1)
        elif found is not None and token.i in judges and found.entry.event_type != "ACCUSE":
            found = Trigger(token, JUDGED, token.i, token.i + 1)  # "called the war illegal"
        if found is not None:
            triggers[token.i] = found
            if found.entry.trigger == "protest" and found.entry.pos == "VERB" and (
                    _children(token, "ccomp") or _speech_tag(token, sent)):
                # "rights groups protested that the authorities are failing refugees", "the
                # authorities are failing refugees, a rights group protested": a complaint
                # (CODEBOOK: official complaints are ACCUSE), not a demonstration
                _retype(found, "ACCUSE", "disapprove", "111")
    for i in [i for i, t in triggers.items() if any(
            o.start <= i < o.end and o.token.i != i and o.entry.event_type == t.entry.event_type
            for o in triggers.values())]:
        del triggers[i]  # "an aid package": one event, spanned by the two-word trigger
    if not triggers:
        return []
    ordered: set[int] = set()
    for trigger in triggers.values():
        noun = trigger.token
        governor = _governing_verb(noun) if trigger.entry.pos == "NOUN" else None
        if governor is not None and governor.lemma_.lower() in ORDER_VERBS:
            ordered.add(governor.i)
    embedded: dict[int, Trigger | None] = {}
    for trigger in triggers.values():
        _, parent_trigger = _embedding(trigger.token, triggers)
        if parent_trigger is not None and parent_trigger.token.i in ordered:
            parent_trigger = None
        embedded[trigger.token.i] = parent_trigger
        if parent_trigger is not None:
            retype = INTENT_RETYPE.get((parent_trigger.entry.event_type, trigger.entry.event_type))
            if retype is not None and (trigger.entry.mode in ("withdraw", "ceasefire", "disarm")
                                       or trigger.entry.event_type == "CONCEDE"):
                # "agreed to withdraw", "promised to give up the post" concede; "agreed to
                # allow access" stays an agreement
                parent_trigger.entry = LexiconEntry(parent_trigger.entry.trigger, "VERB", retype,
                                                    None, "08", False)
    coder = SentenceCoder(doc, actors, tables, triggers)
    out: list[Event] = []
    by_token: dict[int, Event] = {}
    for trigger in triggers.values():
        if trigger.token.i in ordered:
            continue  # "ordered the detention": the detention is the event
        token = trigger.token
        if _outcome_of_same_event(trigger, triggers):
            continue  # "attacked a camp, killing 14": the killing is that attack's outcome
        if trigger.entry.pos == "NOUN" and _proposal_told_before(token, triggers, earlier):
            continue  # "Ukrainian officials called the proposal absurd": Putin's, told before
        if trigger.entry.event_type == "ASSAULT" and (
                attacked and token.lemma_.lower() in OUTCOME_VERBS and any(
                    p in ("in", "during", "by") and _told_before(o) for p, o in _prep_objects(token))
                or token.dep_ == "appos" and any(t.entry.event_type == "ASSAULT" and i < token.i
                                                 for i, t in triggers.items())):
            continue  # "Several other Marines were wounded in the attack": the one told of;
            # "killed in a bomb blast in Kabul - the second deadly explosion": the same blast
        if trigger.entry.event_type == "CONSULT" and trigger.entry.pos == "NOUN" \
                and _talks_not_yet_begun(token):
            continue  # "Turkey's bid to start membership talks", "recommend that the EU open
            # accession negotiations": talks proposed, not held
        entry = trigger.entry
        parent_trigger = embedded[trigger.token.i]
        if parent_trigger is not None:
            parent_type = parent_trigger.entry.event_type
            happened = parent_type in ("ACCUSE", "REJECT") and entry.pos == "NOUN" and \
                token.dep_ in ("dobj", "pobj")  # "condemned the beheading", "rejected the call"
            # "threatened to kill a British hostage": what is threatened is the killing; that
            # he was taken hostage has happened
            taken = token.lemma_.lower() in VICTIM_NOUNS and (
                parent_type in CONTENT_TYPES or _content(embedded.get(parent_trigger.token.i)))
            # "calling for an end to Uganda's war", "its challenge to Florida's ban", "urged
            # Moscow to lift the sanctions": what is to be undone is going on
            # (not "stop the deployment": one told of before, coded there)
            happened = happened or entry.pos == "NOUN" and _undone(token) and not any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
            happened = happened or taken or (
                # "criticised Turkey for supplying weapons": what one is faulted or praised
                # for has been done
                token.dep_ in ("pcomp", "pobj") and token.head.lower_ == "for"
                and token.head.head.i == parent_trigger.token.i
                and parent_trigger.token.lemma_.lower() in JUDGED_FOR)
            if (parent_type in CONTENT_TYPES or parent_type == "CONCEDE"
                    and (entry.event_type in ("RETREAT", "CONCEDE")
                         or parent_trigger.entry.trigger in PERMITS)) \
                    and not happened:  # "allowed the opposition to hold a rally": permitted
                continue  # the content of a request, threat, promise, refusal or accusation
            if not happened and parent_trigger.entry.event_type == entry.event_type == "ASSAULT" \
                    and _content(embedded.get(parent_trigger.token.i)):
                continue  # "accused Khartoum of violating a ceasefire by killing civilians":
                # the means of what is only alleged is alleged too
            if parent_type == entry.event_type and entry.pos == "NOUN" and not taken and not (
                    entry.reciprocal and any(p == "between" for p, _ in _prep_objects(token))):
                continue  # "provided military aid": the verb codes it ("hosted talks between
                # Russia and Ukraine": the host's event and the parties' talks are two)
        if token.dep_ in ("dobj", "pobj") and entry.pos == "NOUN" and any(
                t.entry.pos == "VERB" and token.lemma_.lower() in t.entry.requires
                and t.token.i in (token.head.i, token.head.head.i) for t in triggers.values()):
            continue  # "lodged an official protest": the noun is part of the verb's phrase
        if entry.pos == "NOUN" and token.dep_ in ("compound", "amod") and token.head.pos_ == "NOUN" \
                and token.head.i not in triggers and (actors.is_person_noun(token.head)
                                                      or token.head.lemma_.lower() in ARMS):
            continue  # "EC truce monitors", "aid workers", "coup plotters": who they are; "an
            # attack submarine", "an assault rifle": what they are for
        if token.dep_ == "compound" and token.head.i in triggers and \
                triggers[token.head.i].entry.event_type in CONTENT_TYPES - {"AGREE"}:
            continue  # "child rape charges", "terror threat": what is alleged or threatened
        if entry.pos == "NOUN" and token.lemma_.lower() in VICTIM_NOUNS | AGENT_NOUNS and any(
                (t.entry.event_type == "ASSAULT" or t.token.lemma_.lower() in HOLDING_VERBS
                 and t.entry.event_type == "COERCE")  # (not "held" misread as holding talks)
                and t.entry.pos == "VERB" and t.token in (token.head, token.head.head)
                and not _content(embedded.get(t.token.i)) for t in triggers.values()):
            continue  # "were held hostage", "kidnappers seized two Americans": the verb codes it
            # (not "threatened to kill a British hostage": the killing is only threatened)
        if entry.pos == "NOUN" and token.lemma_.lower() == "raid" and _attack_told(doc):
            continue  # "killed two militants during a massive Gaza raid": the attack the
            # story tells of (a raid in a story of no violence stays a police raid)
        if entry.pos == "NOUN" and any(c.dep_ == "acl" and c.lemma_.lower() in UNREALISED
                                       for c in token.children):
            continue  # "U.N. sanctions, threatened over atrocities": only threatened
        if entry.pos == "NOUN" and token.lemma_.lower() in PROTESTERS and (any(
                t.entry.event_type == "PROTEST" and t is not trigger for t in triggers.values())
                or not (_anchor(token).dep_ in ("nsubj", "nsubjpass", "ROOT")
                        or token.dep_ == "pobj" and token.head.lower_ == "by"
                        or token.dep_ == "pobj" and token.head.lower_ == "of"  # "thousands of
                        and token.head.head.dep_ in ("nsubj", "ROOT"))):  # protesters gathered"
            continue  # "thousands of protesters marched": the march is the protest; "police
            # arrested 40 protesters": the arrest is what is told
        if entry.pos == "NOUN":
            actor, recipient = coder.noun_arguments(trigger)
        else:
            actor, recipient = coder.verb_arguments(trigger)
        held_objects = _children(token, "dobj", "oprd")
        if entry.pos == "VERB" and entry.mode == "abduct" and token.lemma_.lower() in HOLDING_VERBS \
                and _children(token, "nsubj") and held_objects and all(
                    o.lemma_.lower() in VICTIM_NOUNS and not _children(o, "compound", "amod")
                    for o in held_objects):
            # "Two French journalists held hostage by the Islamic Army": the small model makes
            # the held its subject; they are held, by whoever "by" names
            recipient = coder.heads_to_actors(_children(token, "nsubj"))
            actor = coder.heads_to_actors([o for p, o in _prep_objects(token) if p == "by"], named=True)
        blamed, copula = _blamed_for(token) if entry.event_type == "ASSAULT" else ([], None)
        doers = coder.heads_to_actors(blamed, named=True)
        if doers and all(a.start == token.idx for a in actor):
            actor = doers  # "the explosions were the work of terrorists linked to al-Qaeda"
            recipient = [r for r in recipient if all(r.start != d.start for d in doers)]
        if entry.event_type == "ACCUSE" and token.lemma_.lower() == "blame" and blamed_on(token):
            recipient = coder.heads_to_actors(blamed_on(token), named=True) or recipient
        under = _anchor(token)
        if entry.pos == "NOUN" and under.dep_ == "pobj" and under.head.lower_ == "under" \
                and under.head.head.pos_ in ("VERB", "AUX") and not _children(token, "poss"):
            # "a US national has been put under investigation in Italy", "was placed under
            # house arrest": the subject undergoes it; the doer goes unsaid
            undergoing = coder.heads_to_actors(_children(under.head.head, "nsubj", "nsubjpass"))
            if undergoing:  # ("under pressure from the Communist parties": theirs)
                recipient = [r for r in undergoing if all(r.start != a.start for a in actor)]
                actor = actor or _unsaid_doer(trigger, recipient, coder, earlier) or [
                    _stand_in(token, coder.happened_in(token), None)]
        if entry.pos == "NOUN" and entry.event_type in UNDERGONE_TYPES and not actor and (
                governor := _governing_verb(token)) is not None \
                and governor.lemma_.lower() in UNDERGOING_VERBS:
            # "Russian security forces were facing further criticism", "faces charges":
            # the subject is the one criticised; who criticises goes unnamed (the trigger
            # stands in)
            recipient = coder.heads_to_actors(subject_heads(governor))
            if not recipient:
                continue
            actor = [_stand_in(token, None, None)]
        if entry.event_type == "ACCUSE" and entry.pos == "VERB" and _speech_tag(token, sent):
            # the one who says it is the noun the tag hangs on; who is complained of, the
            # main clause's subject
            if token.dep_ in ("acl", "relcl"):
                actor = coder.heads_to_actors([token.head], named=True)
            recipient = coder.heads_to_actors(subject_heads(sent.root))
        if entry.pos == "NOUN" and token.lemma_.lower() == "trial" and not _legal_trial(token, sent):
            continue  # "our trial race in Sheffield", "the Olympic trials": a try-out
        if entry.event_type == "ACCUSE" and (token.lemma_.lower() in TRIALS or "trial" in entry.requires):
            # "Saddam will go on trial", "Milosevic's trial": the one named is the accused;
            # the court (unnamed) accuses
            recipient, actor = _unique(actor + recipient), []
        if not actor:
            actor = _unsaid_doer(trigger, recipient, coder, earlier)
        if not recipient and entry.event_type == "ASSAULT" and entry.pos == "NOUN" \
                and token.dep_ == "nsubj":
            # "two car bombs shook the capital, killing at least 11 people": the toll the
            # sentence's verb ends with names the victims
            tolls = [c for c in token.head.children if c.dep_ in ("advcl", "conj")
                     and c.lemma_.lower() in OUTCOME_VERBS]
            victims = [o for t in tolls for o in _children(t, "dobj")]
            victims += [o for v in victims for p, o in _prep_objects(v) if p in ("include", "including")]
            recipient = coder.heads_to_actors(victims)
        accused = _accused_of(token)
        if accused:
            # "were found guilty of torturing Afghans", "convicts US trio of torture": those
            # convicted or accused did it
            doers = coder.heads_to_actors(accused, named=True)
            if any(d.country for d in doers):
                actor = doers
                recipient = [r for r in recipient if all(r.start != a.start for a in doers)]
        if not actor and entry.event_type == "ASSAULT":
            actor = coder.unidentified_attacker(trigger)
        if not recipient and entry.event_type == "ASSAULT" and not entry.reciprocal:
            # "the Beslan school massacre", "detonated a car bomb in Kirkuk": no target
            # named, the attack struck where it happened (as our AG News coding does); a
            # state's own country is no target of its attack
            named = any(a.country and a.sector not in LOCAL_ARMED for a in actor)
            own = frozenset(a.country for a in actor if a.country) if named else frozenset()
            recipient = [r for r in coder.struck_place(trigger, sent, anywhere=not named, exclude=own)
                         if r.country not in own]
        if not recipient and entry.event_type == "ASSAULT" and entry.pos == "VERB":
            # "police opened fire to disperse demonstrators": at whom the purpose says
            targets = [o for c in _children(token, "advcl", "xcomp")
                       if any(a.lower_ == "to" for a in _children(c, "aux"))
                       for o in _children(c, "dobj")]
            recipient = coder.heads_to_actors(targets)
        if not recipient and entry.event_type in ("THREATEN", "SANCTION"):
            # "threatening oil sanctions for the violence in Sudan's Darfur region", "sanctions,
            # threatened over atrocities in the Darfur region": whom the measure punishes is
            # where what it punishes happened
            causes = [o for t in [token, *_children(token, "dobj")] for p, o in _prep_objects(t)
                      if p in ("for", "over")]
            places = [o for c in causes for p, o in _prep_objects(c) if p == "in"]
            recipient = [r for r in coder.heads_to_actors(places) or coder.owners(places, True)
                         if r.country and r.country not in {a.country for a in actor}]
        if not recipient and entry.pos == "VERB" and entry.event_type in PERSON_DIRECTED \
                and actors.home:
            # "Bush ripped into Kerry", "accused Goss": a person the tables do not know, of
            # the country the story is about (a guess)
            people = [o for o in _children(token, "dobj") + [
                o for p, o in _prep_objects(token) if coder.recipient_prep(p, trigger)]
                if o.ent_type_ == "PERSON"]
            recipient = [dataclasses.replace(m, country=actors.home)
                         for m in coder.heads_to_actors(people, named=True) if not m.country]
            for mention in recipient:
                actors.guessed.add((mention.start, mention.end))
        if not recipient and entry.event_type in ANSWER_TYPES and earlier:
            # "Putin set out ceasefire terms ... NATO criticised the offer": whose the offer
            # told of before is
            recipient = _proposer(token, actor, earlier, offset)
        if not recipient and entry.event_type == "PROTEST" and actor:
            # "opposition parties in Nepal organised a general strike": a protest addresses
            # the authorities of where it happens, when the sentence says where
            recipient = [r for r in coder.struck_place(trigger, sent) if r.country]
        if not actor and recipient and entry.event_type == "ASSAULT" and (
                entry.pos == "NOUN" or not subject_heads(token) or _reduced_passive(token)):
            # "the Beslan school massacre", "five were killed": someone unnamed attacked (a
            # subject the tables do not know is someone named: no guess then); the trigger
            # stands in
            actor = [_stand_in(token, None, "UAF")]
        if not actor and not (recipient and (
                entry.event_type in UNSEEN_DOER_TYPES and (_passive(token) or entry.pos == "NOUN"))):
            continue  # an event needs an actor; "22 people were killed" names only the victims
        if entry.reciprocal:
            actor = _unique(actor + recipient)
            recipient = []
        # the same span is not both sides (a stand-in for an unnamed doer may start the
        # recipient's phrase: "detained Islamist leader")
        recipient = [r for r in recipient if all(r.start != a.start or (a.start, a.end) == (
            token.idx, token.idx + len(token.text)) for a in actor)
            and r.text.lower() not in ("its", "their")]  # "abide by its obligations": its own
        if entry.event_type in PLACE_TYPES:
            # "killed 44 people in a village near Falluja": unnamed victims belong where it happened
            # "Turkish police prevented a demonstration by students": police and courts deal
            # with their own country's people
            police = next((a.country for a in actor if a.sector in ("COP", "JUD") and a.country
                           and not actors.is_guessed(a)), None) if entry.event_type == "COERCE" else None
            place = police
            known = [r.country for r in recipient if r.country
                     and not actors.is_guessed(r)]
            victims = tuple((r.start, r.end) for r in recipient)
            for mention in recipient:
                if (mention.sector in (None, "CVL") or police) and (
                        mention.country is None or actors.is_guessed(mention)):
                    # "Ukrainian soldiers and civilians": the civilians share the soldiers';
                    # "killed 23 people in Tel Aviv": unnamed victims are of where it happened
                    place = place or actors.place_in(sent) or actors.home_place
                    mention.country = (known[0] if known else place) or mention.country
                    if not known:
                        actors.guessed.add((mention.start, mention.end))
            # "terrorists seized a school in Beslan", "a car bomb in Kirkuk": armed men no one
            # names are coded to where they struck (as our AG News coding does)
            for mention in actor:
                if mention.country is None and mention.sector in LOCAL_ARMED \
                        and token.lemma_.lower() not in VICTIM_NOUNS:  # hostages: decided there
                    # the attack's own clause first ("a US official said marines were killed in
                    # a blast near Fallujah": not the speaker's country)
                    place = coder.happened_in(token, victims)
                    own = {r.country for r in recipient if r.country and not actors.is_guessed(r)}
                    if entry.mode == "abduct" and place in own:
                        # "Japanese nationals abducted by the North": kidnappers are not of
                        # their captives' country
                        found = actors.first_place(range(sent.start, sent.end), victims,
                                                   exclude=frozenset(own))
                        place = found[1] if found else None
                    mention.country = place
        located = None
        for group, other in ((actor, recipient), (recipient, actor)):
            foreign = {m.country for m in other if m.sector in STATE_SECTORS} if group is recipient \
                else set()  # "French warplanes killed twelve fighters": not French fighters
            # "killed 24 militants in Gaza", "police arrested gunmen", "the Mozambique
            # government accepted demands from rebels", "rebels struggle to make headway in
            # talks" (a story on Darfur): armed groups no one names are those of where the
            # event is said to be, else of the police or court that deals with them, else of
            # the story's place, else of the sentence's place (an army may fight abroad);
            # never of a foreign state dealt with by name ("sought support from Libya")
            sides = {m.country for m in other if m.country and _bare_state(m, tables)}
            bodies = [m for m in other if m.country and m.sector in STATE_SECTORS
                      and not _bare_state(m, tables)]
            domestic = next((m.country for m in bodies if m.sector in ("COP", "JUD")), None)
            spans = tuple((m.start, m.end) for m in other)
            civilians = {m.country for m in other if m.sector not in STATE_SECTORS}
            for mention in group:
                guessed = actors.is_guessed(mention)
                if mention.sector in LOCAL_ARMED - {"UAF"} and (mention.country is None or guessed):
                    if located is None:
                        located = getattr(coder.named_place(token), "country", None) or ""
                    guess = located or domestic or actors.home_place \
                        or actors.place_in(sent, spans) or (
                            actors.home if actors.home not in foreign | civilians
                            else None)  # "insurgents threatening to kill the (British) man"
                    # ... unless the story names that state elsewhere too ("Sudan peace talks
                    # resume ... rebels who accused Khartoum"): then it is theirs
                    mention.country = guess if guess not in sides or actors.place_counts.get(
                        guess, 0) > sum(m.country == guess for m in other) else None
        ended = entry.event_type == "ASSAULT" and _ended(token)  # "halt the fighting": kept,
        # as fighting that was going on, but the halting is what the sentence is about
        if entry.figurative is not None and entry.pos == "VERB" and any(
                o.lemma_.lower() in VERBAL_TARGETS for o in _children(token, "dobj")):
            # "attacked the proposal": criticism; "shot down a German proposal": a refusal;
            # "Canada defended its decision": a statement, no event
            if not entry.figurative[0]:
                continue
            entry = _retype(trigger, *entry.figurative)
        stood_in = all(a.start == token.idx for a in actor)
        if entry.figurative and entry.figurative[0] and recipient and all(
                r.sector in ("PTY", "OPP", "LEG") for r in recipient) and (stood_in or not any(
                a.sector in ARMED_SECTORS for a in actor)):
            # "turned the attack on the opposition Conservatives": political criticism, by
            # whoever turned it
            entry = _retype(trigger, *entry.figurative)
            governor = _governing_verb(token) if entry.pos == "NOUN" else None
            if stood_in and governor is not None:
                actor = coder.heads_to_actors(subject_heads(governor), named=True)
            if not actor:
                continue
        if entry.trigger == "warn" and _children(token, "dobj") and any(
                any(a.lower_ == "to" for a in _children(c, "aux")) for c in _children(token, "xcomp")):
            # "warned Americans to avoid Haiti": advice to do something, a request
            entry = _retype(trigger, "REQUEST", None, "100")
        if entry.trigger == "warn" and not recipient and not any(
                t.i in triggers for c in _children(token, "ccomp") for t in c.subtree):
            continue  # "BA warned that yields would decline": a forecast, no threat to anyone
        asked = [s for c in _children(token, "ccomp") if any(a.lower_ == "to" for a in c.children)
                 for s in _children(c, "nsubj")]  # "wants Germany to pay"
        if entry.object == "clause" and not coder.heads_to_actors(asked) or entry.object == "actor" \
                and not any(coder.heads_to_actors([o]) or coder.actors.sector_of(o) is not None
                            or o.lemma_.lower() in SEIZED_PLACES or o.i in triggers  # "hosted talks"
                            for o in _children(token, "dobj")):
            continue  # "will target key marginal seats": a campaign's aim, no attack (the
            # lexicon's `object` column: "actor", the object must name an actor, a seized place
            # or an event; "clause", an actor must be asked to act: "wants Germany to pay")
        if entry.event_type == "ASSAULT" and token.lemma_.lower() in EXPLOSIONS and not doers \
                and not _attack_told(doc) and all(_bare_state(r, tables, PLACE_KINDS) for r in recipient):
            continue  # "a huge explosion rocked North Korea": no one is said to have attacked,
            # and nothing but a place was hit (an embassy would be a target)
        if entry.event_type == "ASSAULT" and token.dep_ == "amod" and token.lemma_.lower() == "occupy":
            continue  # "the occupied territories": a state of things, not an act
        if entry.event_type == "MOBILIZE" and entry.pos == "NOUN" and entry.cameo == "150" and len(
                {a.country for a in actor + recipient if a.country}) > 1:
            # "French and Egyptian warships launched war games": exercises held together
            entry = _retype(trigger, "COOPERATE", None, "062")
            actor, recipient = _unique(actor + recipient), []
        if entry.event_type == "MOBILIZE" and _peacekeeping(token):
            # "Britain is deploying 300 troops to the UN peacekeeping mission in Mali"
            entry = _retype(trigger, "AID", None, "074")
            if not recipient:  # "to an international peace-keeping force in Liberia"
                places = [coder.named_place(o) for p, o in _prep_objects(token) if p == "to"]
                recipient = [p for p in places if p is not None][:1]
        if entry.event_type == "ASSAULT" and _disaster(token):
            continue  # "killed in a helicopter crash", "killed by Hurricane Jeanne"
        if entry.event_type == "ASSAULT" and entry.pos == "NOUN" and any(
                w.lower_ in SPORTING for c in token.children if c.dep_ in ("compound", "amod", "nmod")
                for w in c.subtree):
            continue  # "Wednesday's Champions League clash with Barcelona": a match
        if entry.trigger in ("fight", "battle", "combat") and entry.pos == "VERB" and any(
                o.lemma_.lower() not in COGNATE_FIGHTS and not coder.heads_to_actors([o])
                and coder.actors.sector_of(o) is None for o in _children(token, "dobj")):
            continue  # "fight poverty", "battle bird flu", "fight an invasion of locusts"
        if entry.event_type == "ASSAULT" and entry.pos == "VERB" and _tested(token):
            # "Pakistan test-fired a nuclear-capable missile": a show of force, no attack
            entry = _retype(trigger, "MOBILIZE", "weapons", "150")
            recipient = []
        if entry.trigger in ("invest", "trade", "investment") and not recipient and len(actor) < 2:
            continue  # "Samsung will invest in new chip lines": no one to cooperate with
        if entry.trigger in PERMITS and not (_children(token, "xcomp", "ccomp") or any(
                p in ("into", "to", "in") for p, _ in _prep_objects(token)) or any(
                o.lemma_.lower() in PERMITTED_THINGS or o.i in triggers
                for o in _children(token, "dobj"))) or \
                entry.trigger in PERMITS and not any(a.country for a in actor):
            continue  # "the rules allow it", "the law permits": no one yields anything
        if entry.trigger in PERMITS and not recipient:  # "allow the candidate to participate"
            recipient = coder.heads_to_actors([s for c in _children(token, "ccomp")
                                               for s in _children(c, "nsubj")])
        if entry.trigger == "gather" and (_children(token, "dobj") or not actor or not all(
                a.sector in ("GOV", "LEG", "MIL") for a in actor) or any(
                c.i in triggers and triggers[c.i].entry.event_type == "CONSULT"
                for c in _children(token, "advcl", "xcomp"))):
            continue  # "ministers gathered in Kiev" meet; crowds gather, evidence is gathered
            # ("gathered to discuss Iran": the discussion is the meeting)
        if entry.trigger == "mass" and actor and all(a.sector in (None, "CVL") for a in actor):
            continue  # "two million people massed in the streets of Rome": crowds, no troops
        if entry.pos == "NOUN" and (governor := _governing_verb(token)) is not None \
                and governor.lemma_.lower() in ATTEMPT_VERBS and not any(
                    c.dep_ in ("prt", "advmod") and c.lower_ in ("on", "ahead", "forward")
                    for c in governor.children):  # (not "pressed on with an offensive")
            continue  # "efforts to secure the release of two hostages": sought, not done
        if entry.trigger == "fight" and (_children(token, "xcomp") or any(
                p == "for" for p, _ in _prep_objects(token))):
            continue  # "fought to gain a foothold", "fight for their rights": a struggle
        if entry.trigger == "strike" and entry.event_type == "ASSAULT" and actor and all(
                a.sector in ("LAB", "EDU", "MED", "BUS") for a in actor):
            # "Israeli unions began a nationwide strike": workers strike, they do not attack
            entry = _retype(trigger, "PROTEST", "strike", "143")
        if entry.trigger == "capture" and entry.pos == "VERB" and _seized_people(token, tables) \
                and any(a.sector in ("GOV", "COP", "JUD", "SPY") for a in actor):
            # "Iraqi authorities captured Izzat Ibrahim al-Douri": an arrest
            entry = _retype(trigger, "COERCE", "arrest", "173")
        if entry.trigger == "bar" and any(c.dep_ == "prep" and c.lower_ == "from" for c in token.children):
            # "barred crowds from returning to their homes": a restriction, not a refusal
            entry = _retype(trigger, "COERCE", "restrict", "172")
        if entry.mode == "release" and entry.cameo != "0842" and not _releases_people(token, tables):
            continue  # "police released a photo", "the UN released its report": no captives
        if entry.trigger == "agree" and entry.pos == "VERB" and not _children(token, "xcomp") and (
                any(not any(a.dep_ == "aux" and a.lemma_.lower() in OBLIGED for a in c.children)
                    for c in _children(token, "ccomp"))
                or any(p == "with" and not coder.heads_to_actors([o]) for p, o in _prep_objects(token))):
            # "agree with the recommendation", "agree with the NCAA that he paid": an opinion;
            # "agreed that their countries should cooperate" is a commitment
            continue
        if entry.trigger == "meet" and entry.pos == "VERB" and any(
                o.lemma_.lower() in MET_THINGS for o in _children(token, "dobj")):
            continue  # "meet these targets", "meet the deadline": no meeting
        if entry.event_type == "AID" and entry.trigger in TRANSFER_VERBS and entry.cameo == "072" \
                and not recipient:
            continue  # "sends missiles": arms are aid only when someone is named to receive them
        if entry.trigger in TRAVEL_VERBS and entry.event_type == "CONSULT" and (
                _children(token, "dobj") or not (
                    actor and all(a.sector in VISITING_SECTORS for a in actor) and any(
                        r.country and r.country not in {a.country for a in actor} for r in recipient))):
            continue  # a leader or envoy arriving in another country visits it; troops,
            # refugees and storms arriving do not, nor a government flying migrants out
        if entry.trigger in CRITICS_SAY and entry.mode == "criticize":
            # "critics say the Russian plan would harm Ukraine": the plan's owner is faulted,
            # not whom the clause says it harms
            said = [s for c in _children(token, "ccomp") for s in _children(c, "nsubj", "nsubjpass")]
            recipient = [r for r in coder.heads_to_actors(said) or coder.owners(said) if r.country]
            if not recipient and not any(s.lemma_.lower() in CRITICS for s in subject_heads(token)):
                continue  # "Russia said the weather would hurt the harvest": no one faulted
        if entry.event_type == "ASSAULT" and token.lemma_.lower() in VICTIM_NOUNS and any(
                c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in token.children) \
                and any(e.event_type == "ASSAULT" and {r.country for r in e.recipient}
                        & {r.country for r in recipient if r.country} for e in earlier or []):
            continue  # "... were freed on Friday. The hostages had been missing": the taking
            # told of before
        if entry.trigger in ("defend", "justify") and entry.pos == "VERB" and any(
                o.i in triggers for o in _children(token, "dobj")):
            continue  # "Russia defended its strikes on Syria": the strikes are the event; a
            # defence of one's own act supports no one
        if entry.trigger == "seek" and not _seeks_from_someone(token):
            continue  # "India seeks new TV bids", "seeks to win back support": no request
        if entry.event_type == "REJECT" and entry.pos == "VERB" and any(
                c.lemma_.lower() in DENIED_THINGS for c in _children(trigger.token, "dobj")):
            continue  # denying an accusation is a statement, no event (CODEBOOK)
        if entry.event_type == "COERCE" and entry.mode == "seize" and entry.pos == "VERB" \
                and _seized_people_or_places(token, tables) \
                and not any(a.sector in ("COP", "JUD") for a in actor):  # police seizing: arrest
            people = _seized_people(token, tables)
            entry = _retype(trigger, "ASSAULT", "abduct" if people else None, "181" if people else "190")
        if entry.event_type == "COERCE" and entry.mode != "restrict" and any(
                a.sector == "JUD" and not PROSECUTORS & set(a.text.lower().split()) for a in actor):
            # a court jailing someone convicts them (CODEBOOK: a conviction is SANCTION); a
            # prosecutor ordering a detention does not
            _retype(trigger, "SANCTION", "convict", "16")
        if entry.pos == "NOUN" and entry.event_type != "ACCUSE" and any(
                c.dep_ == "amod" and c.lemma_.lower() in ALLEGED for c in token.children):
            # "in protest at alleged government attacks": the act is only alleged; the
            # allegation is ACCUSE by whoever makes it, against the alleged doer (CODEBOOK)
            accuser = coder.clause_subject(token)
            if accuser and actor:
                act = _build_event(doc, sent, sentence_index, trigger, actor, recipient, tables,
                                   doc_id, published, offset)
                allegation = _restated(act, "ACCUSE", "112", tables,
                                       actor=_shift(accuser, offset), recipient=act.actor)
                allegation.mode = "allege"
                out.append(allegation)
            continue
        if entry.event_type == "REQUEST" and _calls_off_fighting(token) and actor and all(
                r.country in {a.country for a in actor}
                or r.text.lower().startswith(("his ", "its ", "their "))  # "his followers"
                for r in recipient if r.country) and any(a.country for a in actor):
            # "Sadr called on his followers to end fighting", "called on the Mehdi Army militia
            # to cease fire": a party calling its own side off agrees to stop (CODEBOOK)
            entry = _retype(trigger, "AGREE", None, "030")
        if entry.event_type == "RETREAT" and entry.mode == "withdraw" and entry.pos == "NOUN" \
                and _planned(token):
            # "prepare for an Israeli withdrawal from Gaza", "his plan to expedite a pullout":
            # a withdrawal still to come is an intent to yield (CODEBOOK; CAMEO 035)
            entry = _retype(trigger, "CONCEDE", None, "035")
        if entry.event_type in ANSWER_TYPES | {"REJECT"}:
            # "rejected a US-sponsored draft resolution": the answer is to its sponsor too
            things = _children(token, "dobj") + [o for p, o in _prep_objects(token)
                                                 if p in ("of", "to", "on", "against")]
            named = [c for thing in things if coder.actors.sector_of(thing) is None
                     for t in thing.children if t.dep_ == "amod"
                     for c in t.children if backer_of(c) is not None]  # (a thing, not a body)
            sponsors = [a for a in coder.heads_to_actors(named) if a.country]
            recipient = _unique(recipient + [a for a in sponsors if all(
                a.country != r.country for r in recipient + actor)])
        if not entry.reciprocal and not any(r.country for r in recipient):
            recipient = _guessed_recipient(trigger, actor, sent, actors, coder, offset) or recipient
        if entry.trigger in PLEDGES and entry.event_type == "AGREE" and entry.pos == "VERB" \
                and not any(r.country for r in recipient):
            # "pledged full support for Seoul's efforts", "for efforts in Yemen": whom the
            # thing promised is for
            aims = [o for d in _children(token, "dobj") for p, o in _prep_objects(d)
                    if p in ("for", "to")]
            recipient = [r for r in coder.heads_to_actors(aims) or coder.owners(aims, True)
                         if r.country] or recipient
            if not any(r.country for r in recipient) \
                    and len({a.country for a in actor if a.country}) < 2:  # (parties pledge together)
                continue  # "vowed to use the money", "promised to tell Americans the
                # truth": a promise made to no one in particular is campaign talk
        event = _build_event(doc, sent, sentence_index, trigger, actor, recipient, tables,
                             doc_id, published, offset)
        if ended:
            event.confidence = round(max(event.confidence - 0.4, 0.05), 2)
        by_token[token.i] = event
        out.append(event)
        if doers and copula is not None and copula.dep_ == "ccomp" \
                and copula.head.lemma_.lower() in SPEECH_VERBS:
            # "Putin said the explosions were the work of terrorists": the speaker accuses them
            speaker = coder.heads_to_actors(subject_heads(copula.head), named=True)
            if speaker:
                blame = _restated(event, "ACCUSE", "112", tables, actor=_shift(speaker, offset),
                                  recipient=[dataclasses.replace(a) for a in event.actor])
                blame.mode = "allege"
                out.append(blame)
        accusation = _claimed_violation(event, token, coder, tables, offset)
        if accusation is not None:
            # "Guterres told Putin that Russia's invasion violated the UN Charter": a breach
            # someone claims is their accusation (CODEBOOK: accusations are the speaker's)
            out[out.index(event)] = accusation
            continue
        intention = _stated_intention(event, trigger, tables, coder)
        if intention is not None:
            # "Poland will reduce its force in Iraq": the statement (CONCEDE) is the event; the
            # act has not happened and is not coded as an event of its own (CODEBOOK)
            out[out.index(event)] = intention
            continue
        stated = _stated_refusal(event, trigger, tables, coder)
        if stated is not None:
            out.append(stated)
    _protest_demands(doc, by_token)
    _condemned_attackers(doc, by_token)
    _tolls_of_named_attacks(doc, by_token)
    return out


def _blamed_for(noun: Token) -> tuple[list[Token], Token | None]:
    """Who a clause says did an attack, and the clause's verb: 'the rebels were responsible for
    the slaughter', 'the explosions were the work of terrorists'."""
    anchor = _anchor(noun)
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "for" \
            and anchor.head.head.lemma_.lower() == "responsible" and anchor.head.head.dep_ == "acomp":
        verb = anchor.head.head.head
        return subject_heads(verb), verb
    if anchor.dep_ == "nsubj":
        verb = anchor.head
        for attr in _children(verb, "attr"):
            if attr.lemma_.lower() == "work":
                return [o for p, o in _prep_objects(attr) if p == "of"], verb
    # "police blamed the bombing on Malaysian fugitives", "Jakarta bombing blamed on ...":
    # those it is blamed on did it
    verb = anchor.head if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() == "blame" else next(
        (c for c in anchor.children if c.dep_ == "acl" and c.lemma_.lower() == "blame"), None)
    if verb is not None:
        return [o for w in (verb, anchor) for p, o in _prep_objects(w) if p == "on"], verb
    return [], None


def blamed_on(verb: Token) -> list[Token]:
    """Whom 'blame' puts an act on: 'blamed the bombing on Malaysian fugitives'."""
    return [o for w in (verb, *_children(verb, "dobj")) for p, o in _prep_objects(w) if p == "on"]


def _tolls_of_named_attacks(doc: Doc, by_token: dict[int, Event]) -> None:
    """'Israeli helicopters bombarded a building, while two Palestinians were killed': a toll
    whose doer the sentence leaves unsaid is the named attackers' doing."""
    named = [e for e in by_token.values() if e.event_type == "ASSAULT" and e.actor and all(
        a.sector != "UAF" and a.start != e.trigger.start and a.country for a in e.actor)]
    if len(named) != 1:
        return
    for i, event in by_token.items():
        if event.event_type == "ASSAULT" and event is not named[0] \
                and all(a.start == event.trigger.start for a in event.actor) \
                and doc[i].lemma_.lower() in OUTCOME_VERBS:
            event.actor = [dataclasses.replace(a) for a in named[0].actor]


def _retype(trigger: Trigger, event_type: str, mode: str | None, cameo: str) -> LexiconEntry:
    """Code a trigger as another type than its lexicon entry says ('attacked the proposal')."""
    trigger.entry = LexiconEntry(trigger.entry.trigger, trigger.entry.pos, event_type, mode, cameo,
                                 False)
    return trigger.entry


# Who acts when the text leaves the doer unsaid: the sector the trigger stands in for, and
# where its country is looked for, in order ("named": a place the trigger names; "happened":
# where the event happened; "story": the story's place; "recipient": the recipient's country)
UNSAID_DOERS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "accused": (None, ("recipient",)),  # "Iran is criticized for ...": critics of Iran
    "charged": ("JUD", ("recipient",)),  # "was indicted on charges": its prosecutors
    "trial": ("JUD", ("named", "story")),  # "the retrial opens in Mumbai": the court there
    "convict": ("JUD", ("story", "recipient")),  # "has been sentenced to seven years"
    "arrest": ("COP", ("happened", "recipient")),  # "three of the men were seized"
    "measure": ("GOV", ("named", "story")),  # "Nepal capital under curfew", "the scarf ban"
    "release": (None, ("happened",)),  # "Ten Turkish hostages freed in Iraq": their captors
    "enacted": ("GOV", ("story",)),  # "the legislation provides $26 billion for Israel"
}


# words that make a trial a court's ("Milosevic's war crimes trial", "face trial for fraud")
LEGAL_WORDS = {"court", "judge", "tribunal", "prosecutor", "prosecution", "jury", "defendant",
               "charge", "accuse", "indict", "crime", "murder", "verdict", "sentence", "testify",
               "witness", "lawyer", "attorney", "guilty", "plead", "defence", "defense", "acquit",
               "convict", "genocide", "fraud", "corruption", "rape", "terrorism", "treason",
               "bribery", "allegation", "case", "hearing", "judicial", "legal"}


def _legal_trial(token: Token, sent: Span) -> bool:
    """Whether a 'trial' is a court's: someone's trial, on trial, or told with legal words."""
    if _children(token, "poss") or any(p == "of" for p, _ in _prep_objects(token)):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "on":
        return True  # "went on trial", "is on trial"
    governor = _governing_verb(token)
    if governor is not None and governor.lemma_.lower() in ("stand", "face", "await"):
        return True
    if token.text[:1].isupper():
        return True  # a headline's ("French Trial Watches Tape"): the lede tells of the court
    return any(t.lemma_.lower() in LEGAL_WORDS for t in sent)


def _unsaid_doer(trigger: Trigger, recipient: list[ActorMention], coder: SentenceCoder,
                 earlier: list[Event]) -> list[ActorMention]:
    """The doer of an event whose text names none, when the kind of event implies one (the
    trigger stands in for it); [] when it does not."""
    token, entry = trigger.token, trigger.entry
    kind = _unsaid_kind(token, entry, recipient, coder.tables, earlier)
    if kind is None:
        return []
    sector, sources = UNSAID_DOERS[kind]
    if kind == "convict" and any(r.sector == "MIL" and r.country for r in recipient):
        sources = ("recipient",)  # "a US soldier in Iraq has been sentenced": a court-martial
    own = {r.country for r in recipient if r.country}
    for source in sources:
        if source == "named":
            country = getattr(coder.named_place(token), "country", None)
        elif source == "happened":
            country = coder.happened_in(token)
            if kind == "release" and country in own:
                country = None  # captors are not of the freed ones' country
        elif source == "story":
            country = coder.actors.home_place
        else:
            country = next((r.country for r in recipient if r.country), None)
        if country:
            break
    if not country and kind in ("trial", "measure"):
        return []  # no court or state without a place to be of
    return [_stand_in(token, country, sector)]


def _unsaid_kind(token: Token, entry: LexiconEntry, recipient: list[ActorMention],
                 tables: Tables, earlier: list[Event]) -> str | None:
    """Which unsaid doer an event implies (a key of UNSAID_DOERS), from how it is told."""
    trial = token.lemma_.lower() in TRIALS or "trial" in entry.requires
    if entry.event_type == "ACCUSE":
        if recipient and (_passive(token) or trial or token.dep_ == "amod" and entry.pos == "VERB"
                          and token.lemma_.lower() in ("accuse", "charge", "indict")):
            # ("an accused deserter"; an "alleged" one is only hedged)
            # "was indicted on child rape charges", "four soldiers are charged with murder",
            # "Iran is criticized for its lack of candor": courts, prosecutors and critics are,
            # unless named, those of the accused's country
            judicial = entry.trigger in ("charge", "indict", "prosecute") or entry.cameo == "115"
            return "charged" if judicial else "accused"
        return "trial" if not recipient and token.lemma_.lower() in TRIALS else None
    if entry.mode == "convict" and recipient and entry.pos == "VERB" and (
            _passive(token) or token.dep_ == "amod"):
        return "convict"  # "a man convicted of murder": a court of where the story is
    if entry.event_type == "COERCE" and entry.mode == "arrest" and recipient and (
            _passive(token) or entry.pos == "NOUN" or token.dep_ == "amod"):
        return "arrest"  # "the arrest of a man", "detained Islamist leader"
    if entry.event_type == "COERCE" and entry.mode in STATE_MEASURES and (
            entry.pos == "NOUN" or _passive(token) or any(
                s.lemma_.lower() in ENACTMENTS for s in subject_heads(token))):
        # "a new law that bans head scarves": a measure of the state where it applies, unless
        # it is one told of before ("despite the ban"); a place merely named in the sentence
        # may be elsewhere ("a curfew imposed over the killing of Nepalese workers in Iraq")
        told = entry.pos == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "that", "this")
                                           for c in token.children) and any(
            e.event_type == entry.event_type and e.mode == entry.mode for e in earlier)
        return None if told else "measure"
    if entry.pos == "VERB" and entry.event_type in ENACTED_TYPES and any(
            s.lemma_.lower() in ENACTMENTS for s in subject_heads(token)):
        return "enacted"  # a law that gives, sanctions or yields: the state that made it
    if entry.mode == "release" and recipient and _passive(token) and _releases_people(token, tables) \
            and not any(c.dep_ == "aux" and c.lemma_.lower() in OBLIGED | {"could", "may", "might"}
                        for c in token.children):  # "hopes the hostages will be freed": a hope
        return "release"
    return None


def _guessed_recipient(trigger: Trigger, actor: list[ActorMention], sent: Span,
                       actors: DocActors, coder: SentenceCoder, offset: int) -> list[ActorMention]:
    """Whom a directed word the parse leaves aimed at no one with a country is aimed at, as our
    AG News coding reads it; empty when the sentence does not say. Marked as a guess.

    - Home: in a sentence that names no country but the doer's, whom a state's own people blame,
      ask, back or strike at is of that state ("Democrats complain that seniors are being
      socked", "Brown calls for Labour unity"); spanned by what the word is aimed at, else the
      trigger. Not for states named as a whole or their diplomats (``_abroad``).
    - The one other party the sentence names ("Eriador has called for a boycott against
      Osgiliath", "Bush condemned the killing, telling Iraqi Prime Minister Allawi ..."), not
      where things are ("in Beijing", "the South China Sea") nor a city a treaty is named after;
      spanned by that party's mention.
    """
    token, kind, doc = trigger.token, trigger.entry.event_type, sent.doc
    own = {a.country for a in actor if a.country}
    found: list[ActorMention] = []
    if kind in DOMESTIC_DIRECTED and len(own) == 1 and not own & NON_STATE_CODES \
            and actors.countries_in(sent) <= own \
            and not any(_abroad(a, actors, doc, offset) for a in actor):
        (country,) = own
        aimed = _children(token, "dobj", "ccomp", "xcomp", "attr") + [
            o for p, o in _prep_objects(token)
            if coder.recipient_prep(p, trigger) or p in ("about", "over", "against")]
        if aimed:
            first = aimed[0].left_edge
            if first.dep_ in ("mark", "aux") and first.i < aimed[0].i:
                first = doc[first.i + 1]  # "that ...", "to ..."
            start, end = actors.phrase_span(aimed[0]) if aimed[0].pos_ != "VERB" else (
                first.idx, aimed[0].right_edge.idx + len(aimed[0].right_edge))
            found = [ActorMention(actors.text[start:end], start, end, None, country, None)]
        else:
            found = [_stand_in(token, country, None)]
    elif (kind in OTHER_PARTY_TYPES or token.lemma_.lower() in INVASIONS) and own:
        others = [(i, c) for i, c, place_kind in actors.named_in(sent) if c not in own
                  and place_kind != "city"  # ("Kyoto ratification")
                  and not (doc[i].dep_ == "pobj" and doc[i].head.lower_ in PLACE_PREPS)
                  and not (doc[i].dep_ == "pobj" and doc[i].head.dep_ == "agent")  # a doer
                  and not (doc[i].dep_ == "compound" and doc[i].head.lemma_.lower() in GEO_FEATURES)
                  and all(not (a.start <= doc[i].idx < a.end) for a in actor)]
        if len({c for _, c in others}) == 1:
            head = doc[others[0][0]]
            if head.dep_ in ("amod", "compound") and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head  # "Iraqi Prime Minister Ayad Allawi": the one so called
            found = [m for m in coder.heads_to_actors([head]) if m.country == others[0][1]][:1]
            if not found:
                start, end = actors.phrase_span(head)
                found = [ActorMention(actors.text[start:end], start, end, None, others[0][1], None)]
    actors.guessed.update((r.start, r.end) for r in found)
    return found


# an invasion is of another country: the one other the sentence names ("Ukrainian forces used
# the drones in the first weeks of Russia's full-scale invasion")
INVASIONS = {"invasion", "occupation", "annexation"}


def _abroad(mention: ActorMention, actors: DocActors, doc: Doc, offset: int) -> bool:
    """Whether an actor faces outward: a state named as a whole ("Russia", "Moscow") or its
    diplomats ("officials at the French embassy"), whose unnamed targets need not be at home."""
    entry = actors.tables.surface.get(mention.text.removeprefix("the ").removeprefix("The "))
    if entry is not None and entry.kind in ("country", "capital"):
        return True
    span = doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
    words = {t.lower_ for t in span.root.subtree} if span is not None else set()
    return bool(words & OUTWARD_WORDS)


def _stand_in(token: Token, country: str | None, sector: str | None) -> ActorMention:
    """An actor the text does not name, spanned by the word that implies it ('hostages',
    'was indicted')."""
    return ActorMention(token.text, token.idx, token.idx + len(token.text), None, country, sector)


def _protest_demands(doc: Doc, by_token: dict[int, Event]) -> None:
    """'students staged demonstrations to demand reforms by Suharto's government': the protest is
    the event; whom the demand addresses is whom the protest targets."""
    for i, request in by_token.items():
        token = doc[i]
        if request.event_type != "REQUEST" or token.dep_ not in ("xcomp", "advcl"):
            continue
        head = token.head
        protests = [by_token[t.i] for t in [head, *_children(head, "dobj", "nsubj")]
                    if t.i in by_token and by_token[t.i].event_type == "PROTEST"]
        for protest in protests[:1]:
            if not protest.recipient and request.recipient:
                protest.recipient = [dataclasses.replace(r) for r in request.recipient]
                protest.confidence = round(min(protest.confidence + 0.2, 0.95), 2)
            request.confidence = round(min(request.confidence, protest.confidence - 0.05), 2)


def _condemned_attackers(doc: Doc, by_token: dict[int, Event]) -> None:
    """'Bush condemned the beheading of an American hostage': who is condemned is who did it,
    never its victim; unknown doers leave the recipient to another party the sentence names
    ("telling Iraqi Prime Minister Allawi"), if any."""
    for i, accusation in by_token.items():
        if accusation.event_type != "ACCUSE":
            continue
        for obj in _children(doc[i], "dobj"):
            attack = by_token.get(obj.i)
            if attack is None or attack.event_type != "ASSAULT":
                continue
            doers = [dataclasses.replace(a) for a in attack.actor if a.country and a.sector != "UAF"]
            victims = {r.country for r in attack.recipient}
            accusation.recipient = doers or [r for r in accusation.recipient
                                             if r.country not in victims]
            break


# "Syria says it is willing to withdraw", "the rebels announced they will return the weapons":
# the announcement is the event, AGREE when the act cooperates and THREATEN when it harms
# (PLOVER: expressions of intent), coded in the act's place; the act, not done, is not coded
INTENT_COOPERATIVE = {"AID", "RETREAT", "CONCEDE", "COOPERATE", "SUPPORT", "CONSULT"}
YIELDING_MODES = {"withdraw", "ceasefire", "disarm", "resign"}  # announced: CONCEDE
INTENT_CONFLICT = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}  # "would boycott"
WILLING = {"willing", "ready", "prepared", "plan", "intend", "prepare", "eager", "determined"}
# "is to address Congress", "was set to meet", "is expected to sign", "is due to visit"
SCHEDULED = {"be", "set", "due", "expect", "schedule", "slate", "poise"}
STATED_ENTRIES = {
    "AGREE": LexiconEntry("intends", "VERB", "AGREE", None, "030", False),
    "THREATEN": LexiconEntry("intends", "VERB", "THREATEN", None, "130", False),
    # CAMEO 035x: intent to yield (0356 to de-escalate: an announced withdrawal or ceasefire)
    "CONCEDE": LexiconEntry("intends", "VERB", "CONCEDE", None, "035", False),
}


def _stated_intention(event: Event, trigger: Trigger, tables: Tables,
                      coder: SentenceCoder | None = None) -> Event | None:
    if event.negated or event.modality == "hypothetical" or not event.actor:
        return None
    kind = ("AGREE" if event.event_type in INTENT_COOPERATIVE else
            "THREATEN" if event.event_type in INTENT_CONFLICT else None)
    token = trigger.token
    if kind is None:
        return None
    if token.pos_ != "VERB":
        # "will provide 25,000 tons of food aid", "would tighten the naval blockade"
        if token.lemma_.lower() in VICTIM_NOUNS | AGENT_NOUNS:
            return None  # "would free 33 hostages": the hostages are not what is intended
        token = _governing_verb(token)
        if token is None or coder is not None and token.i in coder.triggers and \
                coder.triggers[token.i].entry.event_type != event.event_type and \
                token.lemma_.lower() not in ORDER_VERBS:
            return None
    if trigger.token.pos_ == "VERB" and coder is not None and any(
            c.dep_ == "aux" and c.lemma_.lower() in CONSEQUENCE_MODALS for c in trigger.token.children
    ) and any(h.i in coder.triggers for h in subject_heads(trigger.token)):
        event.modality = "hypothetical"  # "UN sanctions would destroy its society": a thing's
        return None  # effect foretold, no one's stated intention
    if trigger.token.pos_ == "VERB" and _passive(trigger.token) and all(
            a.start == event.trigger.start for a in event.actor):
        return None  # "hopeful that the hostages would be freed": the doer, unnamed (the
        # trigger stands in), stated no intention
    first = token
    for _ in range(3):  # "is to address Congress as well as meeting Bush": the first verb's
        if first.dep_ == "conj" and first.head.pos_ == "VERB" and not (
                coder is not None and first.head.i in coder.triggers):  # tense is the meeting's
            first = first.head  # (a coded first verb states the intention for both)
    future = any(c.dep_ == "aux" and c.lemma_.lower() in ("will", "would", "'ll", "shall")
                 for c in first.children)
    willing = first.dep_ == "xcomp" and first.head.lemma_.lower() in WILLING | SCHEDULED
    if willing and any(c.dep_ == "aux" and c.lemma_.lower() in OBLIGATION_MODALS
                       for h in (first.head, first.head.head) for c in h.children):
        event.modality = "hypothetical"  # "the US must be ready to mediate": demanded of
        return None  # them (the demand is coded), neither promised nor done
    # headlines: "Iraq PM to address US Congress", "Rumsfeld to Meet Foreign Defense Chiefs"
    # ("British minister to visit North Korea": parsed as hung on the noun)
    headline = (token.dep_ == "ROOT" or token.dep_ in ("acl", "relcl") and token.head.dep_ == "ROOT"
                and token.head.pos_ in ("NOUN", "PROPN")) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if not (future or willing or headline):
        return None
    if kind == "THREATEN" and not future and (
            headline and not willing and event.event_type == "PROTEST"
            or willing and first.head.lemma_.lower() in SCHEDULED - WILLING):
        event.modality = "intended"  # "thousands are expected to attend a rally", "is set
        return None  # to launch an offensive": a plan others report, not a threat anyone made
    verbs = (token, *token.conjuncts)
    clauses = [c for v in verbs for c in _children(v, "advcl")]
    clauses += [c for v in verbs for a in _children(v, "advmod") for c in _children(a, "advcl")]
    conditions = {_condition(c) for c in clauses} - {None}
    recipient = event.recipient
    if conditions and not recipient and coder is not None:
        # "would order a ceasefire as soon as Ukraine withdrew": the offer is to whom the
        # condition asks something of
        recipient = coder.heads_to_actors([s for c in clauses if _condition(c)
                                           for s in _children(c, "nsubj")])
        recipient = [r for r in recipient if all(r.country != a.country for a in event.actor)]
    if "unless" in conditions:
        kind = "THREATEN"  # "will withdraw its force unless ...": do this, or else
    elif conditions:
        kind = "AGREE"  # "would order a ceasefire as soon as Ukraine withdrew": an offer
    elif event.event_type == "RETREAT" and event.mode in YIELDING_MODES:
        kind = "CONCEDE"  # an announced future withdrawal, ceasefire, disarmament or
        # resignation: intent to yield (CODEBOOK; CAMEO 035)
    stated = _restated(event, kind, STATED_ENTRIES[kind].cameo, tables, recipient=recipient,
                       confidence=round(min(event.confidence + 0.05, 0.95), 2))
    event.modality = "intended"
    event.confidence = round(max(event.confidence - 0.1, 0.05), 2)  # the statement is the event
    return stated


def _restated(event: Event, kind: str, cameo: str, tables: Tables, **changes) -> Event:
    """The statement an act implies ('will withdraw' -> CONCEDE, 'will not talk' -> REJECT):
    the same sentence and spans, coded as ``kind`` and asserted."""
    row = tables.types.get(kind, {})
    return dataclasses.replace(
        event, event_type=kind, cameo=cameo, mode=None,
        quad_class=int(row.get("quad_class") or event.quad_class),
        score=float(row.get("score") or 0.0), modality="asserted",
        event_id=_event_id(event.doc_id, event.trigger.start, kind), **changes)


def _is_victim_noun(text: str) -> bool:
    word = text.lower()
    return word in VICTIM_NOUNS or word.endswith("s") and word[:-1] in VICTIM_NOUNS


def _repeat_key(event: Event) -> tuple:
    """What makes a later mention the same event as an earlier one in the document."""
    return (event.event_type, frozenset(a.country for a in event.actor if a.country),
            frozenset(r.country for r in event.recipient if r.country), event.negated,
            event.modality)


def _condition(clause: Token) -> str | None:
    """'unless', 'if' or 'once' when an adverbial clause states a condition ('as soon as' is
    'once')."""
    for mark in _children(clause, "mark"):
        if mark.lower_ in ("unless", "if", "once", "provided"):
            return mark.lower_
        if mark.lower_ == "as" and clause.head.lower_ == "soon":
            return "once"
    return None


def _stated_refusal(event: Event, trigger: Trigger, tables: Tables,
                    coder: SentenceCoder | None = None) -> Event | None:
    """'North Korea said it will not resume talks', 'Blair says he will not apologise': saying
    one will not cooperate, talk or yield is a refusal now (REJECT); the act stays negated."""
    token = trigger.token
    if not event.negated or not event.actor or token.pos_ != "VERB" or \
            event.event_type not in INTENT_COOPERATIVE | {"AGREE"}:
        return None
    if not any(c.dep_ == "aux" and c.lemma_.lower() in ("will", "would", "'ll", "shall", "wo")
               for c in token.children) and not (
            token.dep_ == "xcomp" and token.head.dep_ == "acomp"
            and token.head.lower_ in ("about", "going", "ready", "prepared", "willing")):
        return None  # ("were not about to free the prisoners", "is not ready to withdraw")
    actor, recipient = event.actor, event.recipient
    if trigger.entry.reciprocal and len(actor) > 1:
        # "will not resume talks with the United States": the one refusing, and whom
        actor, recipient = actor[:1], actor[1:]
    own = {a.country for a in actor if a.country}
    recipient = [r for r in recipient if r.country not in own]
    if not recipient and coder is not None:
        # "will not resume talks until the Bush administration ends its hostile policy": the
        # refusal is to whom the condition asks something of
        conditions = [c for c in _children(token, "advcl")
                      if any(m.lower_ in ("until", "unless") for m in _children(c, "mark"))]
        recipient = [r for r in coder.heads_to_actors([s for c in conditions
                                                       for s in _children(c, "nsubj")])
                     if r.country and r.country not in own]
    return _restated(event, "REJECT", "120", tables, negated=False, actor=actor,
                     recipient=recipient, confidence=round(min(event.confidence, 0.9), 2))


def _seized_objects(token: Token) -> list[Token]:
    objects = _children(token, "dobj", "nsubjpass") + (
        [token.head] if token.dep_ == "acl" and token.tag_ == "VBN" else [])
    if token.dep_ == "relcl":  # "two women that were released": the noun, not 'that'
        objects = [token.head if o.tag_ in ("WDT", "WP") else o for o in objects]
    return objects


def _seized_people(token: Token, tables: Tables) -> bool:
    return any(_is_person(o, tables) for o in _seized_objects(token))


# "faced the threat of epidemics", "fears an attack", "suffered the sanctions": the subject
# undergoes the event the object names
# verbs whose subject gets what their object tells of: "drew criticism", "received aid"
RECEIVING_VERBS = {"draw", "receive", "attract", "get", "earn", "win", "accept", "welcome", "feel",
                   "resist", "withstand", "defy"}
UNDERGOING_VERBS = {"face", "fear", "suffer", "endure", "survive", "confront", "risk", "escape",
                    "dread", "brave", "weather"}
# "the court decided to allow the candidate to run", "Israel allowed aid trucks into Gaza":
# letting someone do something is yielding (CONCEDE); what is let happen is not yet done
PERMITS = {"allow", "permit"}
# what a state lets happen: "Saudi Arabia is allowing local elections", "allowed the visit"
PERMITTED_THINGS = {"election", "vote", "referendum", "visit", "access", "inspection", "inspector",
                    "protest", "rally", "demonstration", "march", "return", "entry", "flight",
                    "opposition", "party", "strike", "observer", "monitor"}
# "peacekeepers arrived in Bosnia": where the sent arrive is who receives them
ARRIVAL_VERBS = {"arrive", "land", "reach", "enter"}
NAMED_STORM = re.compile(r"\b(?:[Hh]urricane|[Tt]yphoon|[Cc]yclone|[Ss]torm) ([A-Z][a-z]+)")


def _storm_names(doc: Doc) -> set[str]:
    """The names of storms a document tells of ("Hurricane Ivan" -> "Ivan"), found once."""
    names = doc.user_data.get("eventwire_storms")
    if names is None:
        text = doc.user_data.get("eventwire_text") or doc.text
        names = doc.user_data["eventwire_storms"] = set(NAMED_STORM.findall(text))
    return names
DISASTERS = {"crash", "accident", "hurricane", "storm", "earthquake", "quake", "flood",
             "flooding", "tsunami", "cyclone", "typhoon", "landslide", "mudslide", "avalanche",
             "tornado", "blaze", "wildfire", "disease", "epidemic", "outbreak", "heatwave",
             "collision", "derailment", "stampede", "eruption", "drought", "famine", "winds"}


COGNATE_FIGHTS = {"battle", "war", "gunbattle", "fight", "clash", "skirmish", "duel", "firefight",
                  "campaign", "insurgency", "offensive"}
# verbs of trying to bring an event about: "secure the release", "seek a ceasefire"
ATTEMPT_VERBS = {"secure", "seek", "win", "obtain", "negotiate", "demand", "press", "push", "hope",
                 "expect", "await", "facilitate", "arrange"}


# "alleged attacks", "suspected abuse", "purported plot": acts only alleged
ALLEGED = {"alleged", "suspected", "purported", "supposed"}
# what a subject can be said to undergo: "faced criticism", "faces sanctions"
UNDERGONE_TYPES = {"ACCUSE"}
ATTACK_NOUNS = {"attack", "blast", "explosion", "bombing", "raid", "shooting", "ambush", "strike",
                "assault", "bomb", "fighting", "clash", "violence"}


def _told_before(noun: Token) -> bool:
    """'the attack', 'the blast': an attack the story has told of."""
    return noun.lemma_.lower() in ATTACK_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("the", "that", "this", "same") for c in noun.children)


# answers to a proposal, demand or offer told of before: "rejected the proposal", "criticised
# the offer", "welcomed the plan"
ANSWER_TYPES = {"ACCUSE", "REJECT", "SUPPORT", "AGREE", "CONCEDE"}
PROPOSALS = {"proposal", "offer", "plan", "demand", "terms", "term", "ultimatum", "initiative",
             "request", "call", "idea", "deal", "peace plan"}
PROPOSING_TYPES = {"AGREE", "REQUEST", "THREATEN"}


def _referring_back(noun: Token) -> bool:
    """'the offer', 'this plan' with no owner named: a proposal the story told of before."""
    return noun.lemma_.lower() in PROPOSALS and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these") for c in noun.children) \
        and not any(c.dep_ in ("poss", "compound", "amod", "prep", "acl", "relcl")
                    for c in noun.children if c.dep_ != "amod" or c.pos_ == "PROPN")


def _proposal_told_before(noun: Token, triggers: dict[int, Trigger], earlier: list[Event]) -> bool:
    """A proposal noun that refers back to one coded earlier, as what another act answers."""
    head = noun.head
    return noun.dep_ in ("dobj", "nsubjpass") and _referring_back(noun) and any(
        e.event_type in PROPOSING_TYPES for e in earlier) and (
        head.i in triggers or head.pos_ == "VERB")


def _proposer(token: Token, actor: list[ActorMention], earlier: list[Event],
              offset: int) -> list[ActorMention]:
    """Who made the proposal, demand or offer that a trigger's object ('the offer', 'this
    plan') refers back to: the actor of the last such event told of before, if not the
    answerer."""
    told = [o for o in _children(token, "dobj", "nsubjpass") if _referring_back(o)]
    if not told:
        return []
    answering = {a.country for a in actor if a.country}
    for event in reversed(earlier):
        countries = {a.country for a in event.actor if a.country}
        if event.event_type in PROPOSING_TYPES and countries and not countries & answering \
                and not event.negated:
            return [dataclasses.replace(a, start=a.start - offset, end=a.end - offset)
                    for a in event.actor if a.country]
    return []


def _speech_tag(token: Token, sent: Span) -> bool:
    """'The authorities are failing refugees, a rights group protested.': a verb after the
    sentence's main clause that says who said it (the small model hangs it on a noun)."""
    root = sent.root
    return (token.dep_ in ("acl", "relcl", "parataxis") and root.i < token.i
            and root.pos_ in ("VERB", "AUX") and not _children(token, "dobj", "ccomp", "xcomp")
            and any(t.text == "," for t in token.doc[root.i:token.i]))


def _tested(token: Token) -> bool:
    """'test-fired', 'test fired', 'test-launched': a weapons test."""
    doc = token.doc
    before = [doc[i].lower_ for i in range(max(token.i - 2, 0), token.i)]
    return before[-1:] == ["test"] or before == ["test", "-"] or any(
        c.lower_ == "test" for c in token.children if c.dep_ in ("compound", "npadvmod", "advmod", "amod"))


VERBAL_TARGETS = {"proposal", "plan", "decision", "policy", "remark", "comment", "idea", "bill",
                  "law", "report", "statement", "speech", "record", "budget", "strategy", "deal",
                  "agreement", "resolution", "claim", "stance", "approach", "reform", "word"}
ENDING = {"halt", "stop", "end", "cease", "cessation", "suspend", "suspension", "ceasefire",
          "truce", "pause", "freeze", "ban", "prevent", "avoid", "stem"}


# words for undoing what is going on: "an end to the war", "lift the sanctions"
UNDOING = {"end", "halt", "stop", "cease", "cessation", "lift", "lifting", "ease", "easing",
           "challenge", "overturn", "scrap", "repeal", "relax", "suspend", "suspension"}


def _undone(token: Token) -> bool:
    """Whether an event noun is what a word of undoing undoes ('an end to the war')."""
    return _governing_lemma(_anchor(token), ("dobj", "pobj"), ("to", "of", "on")) in UNDOING


FIGHTING = {"fighting", "fight", "attack", "violence", "hostility", "fire", "war", "clash",
            "battle", "offensive", "insurgency", "uprising", "bombing", "shelling"}


# words by which a thing is still to come: "prepare for a withdrawal", "push through a pullout"
PLANNING = {"prepare", "plan", "push", "seek", "propose", "approve", "debate", "vote", "delay",
            "expedite", "speed", "back", "support", "oppose", "demand", "announce", "consider",
            "order", "schedule", "finalise", "finalize", "accelerate"}
PLAN_NOUNS = {"plan", "proposal", "scheme", "timetable", "bid", "decision", "idea"}


def _planned(noun: Token) -> bool:
    """Whether an event noun tells of something planned, not done: the object of planning
    ('prepare for a withdrawal'), a plan's content ('plan for a pullout', 'pullout plan') or the
    subject of a future ('the withdrawal will begin next summer')."""
    anchor = _anchor(noun)
    if anchor.lemma_.lower() in PLAN_NOUNS and anchor.i != noun.i:
        return True  # "the pullout plan"
    head = anchor.head
    if anchor.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head.lemma_.lower() in PLANNING | PLAN_NOUNS:
        return True
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in PLAN_NOUNS | PLANNING:
        return True  # "his plan to expedite a pullout"
    if anchor.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "aux" and c.lemma_.lower() in ("will", "would", "shall") for c in head.children):
        return True  # "the evacuation will begin next summer"
    return False


def _calls_off_fighting(verb: Token) -> bool:
    """Whether a request asks for fighting to stop ('to cease fire', 'to end fighting')."""
    for clause in _children(verb, "xcomp", "ccomp", "advcl"):
        if clause.lemma_.lower() in ("cease", "stop", "end", "halt", "suspend") and any(
                o.lemma_.lower() in FIGHTING for o in _children(clause, "dobj")):
            return True
        if clause.lemma_.lower() == "cease" and not _children(clause, "dobj"):
            return True  # "to cease fire" read as an intransitive verb
    return False


def _ended(token: Token) -> bool:
    """'to halt the fighting', 'an open-ended cessation of hostilities', 'ceased its military
    operations': the fighting is what is being ended."""
    current = token.head if token.dep_ == "compound" else token
    return _governing_lemma(current, ("dobj", "pobj", "nsubjpass")) in ENDING


def _governing_lemma(noun: Token, deps: tuple[str, ...], preps: tuple[str, ...] | None = None) -> str:
    """The lemma of the word a noun is the object of (through a preposition, any or one of
    ``preps``), or "" when the noun is none of ``deps``."""
    if noun.dep_ not in deps:
        return ""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and (preps is None or head.lower_ in preps):
        head = head.head
    return head.lemma_.lower()


def _peacekeeping(token: Token) -> bool:
    """Troops sent or deployed to keep the peace or observe are aid (CAMEO 074), not a show
    of force."""
    words = {t.lemma_.lower() for t in token.subtree}
    text = token.doc[token.left_edge.i:token.right_edge.i + 1].text.lower()
    return "peacekeep" in text or "peace-keep" in text or bool(words & {"observer", "monitor"})


# directed words whose unnamed target is the doer's own country when the sentence names no other
# (attacks are placed by where they happen; promises, withdrawals and aid are not aimed at home)
DOMESTIC_DIRECTED = {"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN", "SANCTION", "COERCE",
                     "PROTEST"}
OUTWARD_WORDS = {"embassy", "embassies", "diplomat", "diplomats", "envoy", "envoys", "ambassador",
                 "ambassadors", "consulate", "delegation", "mission", "foreign"}
# words aimed at someone (an attack's target is where it struck: places.PLACE_TARGETED)
OTHER_PARTY_TYPES = {"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN", "SANCTION", "AGREE",
                     "AID", "CONCEDE"}
PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "within", "from"}
GEO_FEATURES = {"sea", "gulf", "strait", "ocean", "river", "island", "islands", "peninsula",
                "valley", "mountains", "basin", "bay", "coast", "border", "frontier"}
NON_STATE_CODES = {"IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "UNO", "EUR", "WST"}
# "Russia said it would respond", "the president said he would resign": the speaker
SPEAKER_PRONOUNS = {"it", "they", "we", "he", "she"}
# events aimed at someone, whose unknown person named as the target is guessed to be of the
# story's country
PERSON_DIRECTED = {"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "COERCE", "SANCTION"}
# participles that leave the noun they qualify undone ("sanctions threatened over ...")
UNREALISED = {"threaten", "propose", "consider", "plan", "seek", "urge", "demand", "request"}
# those who attack with arms
ARMED_SECTORS = {"MIL", "REB", "UAF", "INS", "CRM", "COP", "SPY", "PRM"}
# measures a state imposes, and the texts that impose them ("a law that bans head scarves")
STATE_MEASURES = {"restrict", "curfew", "martial-law"}
ENACTED_TYPES = {"AID", "SANCTION", "SUPPORT", "RETREAT", "CONCEDE", "COOPERATE"}
ENACTMENTS = {"law", "decree", "rule", "regulation", "ordinance", "order", "measure", "bill",
              "act", "legislation", "edict"}
# explosions are attacks only where the story says someone attacked, killed or was hurt
EXPLOSIONS = {"explosion", "blast", "explode"}
ATTACK_WORDS = {"bomb", "bomber", "bombing", "attack", "attacker", "kill", "wound", "injure",
                "dead", "die", "death", "suicide", "militant", "insurgent", "terrorist", "terror",
                "rebel", "casualty", "victim", "detonate", "explosive", "car-bomb", "gunman",
                "responsibility", "target", "toll", "hurt", "injury", "wounded", "killing",
                "convoy", "assassination", "assassinate"}


def _attack_told(doc: Doc) -> bool:
    key = "eventwire_attack_told"
    if key not in doc.user_data:
        doc.user_data[key] = any(t.lemma_.lower() in ATTACK_WORDS for t in doc)
    return doc.user_data[key]


def _disaster(token: Token) -> bool:
    """'killed in a helicopter crash', 'killed by Hurricane Jeanne': no one attacked."""
    objects = [o for p, o in _prep_objects(token) if p in ("in", "by", "during", "after")]
    objects += _children(token, "nsubj")
    if token.dep_ in ("acl", "relcl"):
        objects.append(token.head)  # "the worst flooding in a century killed 172" (misparsed)
    for obj in objects:
        if obj.pos_ == "PROPN" and obj.text in _storm_names(token.doc):
            return True  # "Hurricane Ivan battered the islands ... Ivan has killed 60"
        words = {obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children
                                        if c.dep_ in ("compound", "amod")}
        if words & DISASTERS:
            return True
    return False


OBLIGED = {"should", "will", "would", "must", "shall", "'ll", "need"}
# craft and arms an event noun names the use of: "an attack submarine", "an assault rifle"
ARMS = {"submarine", "helicopter", "aircraft", "plane", "jet", "dog", "boat", "ship", "vessel", "rifle",
        "weapon", "craft", "fighter", "bomber", "drone", "vehicle", "gun"}
# words that make a clash or battle a match: "a Champions League clash", "the cup battle"
SPORTING = {"league", "cup", "final", "semi-final", "quarter-final", "derby", "match", "championship",
            "championships", "tournament", "fixture", "qualifier", "play-off", "playoff", "olympic",
            "title", "relegation", "premiership", "rugby", "football", "tennis", "cricket", "golf"}
MET_THINGS = {"target", "goal", "demand", "need", "deadline", "requirement", "standard", "criterion",
              "criteria", "obligation", "expectation", "condition", "cost", "challenge", "threshold",
              "quota", "commitment", "end", "fate", "death", "payroll", "debt", "rule",
              "regulation", "cross", "ball", "pass", "corner", "shot", "header", "kick"}  # a match's


# what one seeks from another ("sought asylum", "seeks US intelligence cooperation")
SOUGHT_THINGS = {"asylum", "support", "help", "aid", "assistance", "extradition", "release",
                 "talk", "clarification", "explanation", "ceasefire", "truce", "apology",
                 "compensation", "cooperation", "backing", "approval", "permission", "loan",
                 "investment", "protection", "refuge", "intervention", "mediation", "pardon"}


def _seeks_from_someone(token: Token) -> bool:
    if token.pos_ != "VERB":
        return True
    if any(p == "from" for p, _ in _prep_objects(token)):
        return True
    return any(o.lemma_.lower() in SOUGHT_THINGS for o in _children(token, "dobj", "nsubjpass"))


def _releases_people(token: Token, tables: Tables) -> bool:
    """Whether a release frees people: the object (or the noun's 'of' object) is a person,
    captive or group, or names a nationality; a release with no object says nothing against."""
    if token.pos_ == "VERB":
        objects = _seized_objects(token)
    else:
        objects = [o for p, o in _prep_objects(token) if p == "of"]
        objects += [c for c in token.children if c.dep_ in ("compound", "amod", "poss")]
        if not objects:
            return token.dep_ not in ("compound",)  # "release efforts" names no release
    if not objects:
        return True
    return any(_is_person(o, tables) or o.ent_type_ == "CARDINAL" or o.lemma_.lower() in SEIZED_CRAFT
               for o in objects)


# "released a Turkish ship it seized", "the detained vessels were released": seized property
SEIZED_CRAFT = {"ship", "vessel", "tanker", "boat", "plane", "aircraft", "trawler", "ferry", "yacht"}


def _is_person(o: Token, tables: Tables) -> bool:
    lemma = o.lemma_.lower()
    if lemma in SEIZED_PLACES or o.ent_type_ in ("GPE", "FAC", "LOC"):
        return False
    return (o.ent_type_ in ("PERSON", "NORP") or lemma in VICTIM_NOUNS
            or lemma in tables.sector_nouns or lemma in CAPTIVES
            or o.pos_ == "PRON" and o.lower_ in ("him", "her", "them", "he", "she", "they"))


CAPTIVES = {"prisoner", "detainee", "captive", "inmate", "abductee", "hostage", "convict",
            "dissident", "activist", "journalist", "suspect", "national", "citizen", "soldier",
            "crew", "sailor", "pilot", "fisherman", "worker", "student", "official", "follower",
            "supporter", "member", "employee", "staff", "leader", "aide", "man", "woman", "child",
            "people", "person", "foreigner", "tourist", "engineer", "contractor", "driver",
            "missionary", "priest", "nun", "lawyer", "opponent", "critic", "protester", "rebel",
            "fighter", "militant", "combatant", "refugee", "migrant", "doctor", "nurse", "others"}


def _seized_people_or_places(token: Token, tables: Tables) -> bool:
    return _seized_people(token, tables) or any(
        o.ent_type_ in ("GPE", "FAC", "LOC") or o.lemma_.lower() in SEIZED_PLACES
        for o in _seized_objects(token))


def _passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) or (
        token.tag_ == "VBN" and token.dep_ in ("acl", "conj") and token.head.pos_ in ("NOUN", "PROPN", "VERB")
    ) or _reduced_passive(token)


def _misparsed_main_verb(verb: Token) -> bool:
    """'A group of moderate Republicans, many long out of office, called on Bush to ...': the
    model hung the sentence's only verb on its subject as a participle; an object or a content
    clause (and no 'by' agent) shows it is active."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.dep_ != "ROOT" \
            or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if verb.head.lemma_.lower() in ARMED_SUBJECTS and any(
            o.lemma_.lower() in INSTRUMENTS and any(c.dep_ == "dobj" for c in o.children)
            for p, o in _prep_objects(verb) if p == "by"):
        return True  # "Israeli helicopters bombarded by missiles a building": with, not by
    if any(p.lower_ == "by" for p in _children(verb, "prep", "agent")):
        return False
    return bool(_children(verb, "dobj", "xcomp", "ccomp"))


# words under which "of"/"with" names the wrong someone is accused or convicted of
ACCUSING = {"guilty", "convict", "accuse", "charge", "suspect", "indict", "acquit", "try",
            "sentence", "jail", "arrest", "detain"}


def _accused_of(token: Token) -> list[Token]:
    """Who a wrong is pinned on: 'found guilty of torturing Afghans' -> the subject of 'found';
    'convicts US trio of torture' -> the trio; 'accused of killing' -> the accused."""
    prep = token.head if token.dep_ in ("pcomp", "pobj") else None
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in ("of", "with", "for"):
        return []
    governor = prep.head
    lemma = governor.lemma_.lower()
    if lemma in ("find",) and any(c.lemma_.lower() == "guilty" for c in governor.children):
        lemma = "guilty"
    if lemma not in ACCUSING:
        return []
    if governor.pos_ in ("NOUN", "PROPN"):  # "convicts US trio of torture": the trio
        return [governor] if governor.dep_ in ("dobj", "nsubjpass") else []
    objects = _children(governor, "dobj")
    if objects:
        return objects
    return _children(governor, "nsubjpass") or (
        [governor.head] if governor.dep_ in ("acl", "relcl") else [])


def _reduced_passive(verb: Token) -> bool:
    """A passive whose auxiliary was left out: 'Five killed in car bombing', 'with five Iraqis
    killed' (a participle with a subject, no object and no 'have'); '... and three Turkish
    drivers kidnapped' (the second participle, tagged as a past tense, of a verb that must take
    an object and has none)."""
    objects = _children(verb, "dobj")
    if verb.lemma_.lower() in ("hold", "keep") and _children(verb, "nsubj") and \
            [o.lemma_.lower() for o in objects] == ["hostage"] and not _children(verb, "aux", "dative") \
            and not _children(objects[0], "compound", "nmod", "amod", "det", "nummod", "poss"):
        return True  # "two French reporters held hostage in Iraq", misread as an active clause
    if not _children(verb, "nsubj") or objects:
        return False
    if verb.tag_ == "VBN":
        return not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    if verb.tag_ == "VBD" and verb.dep_ == "ROOT" and verb.lemma_.lower() in ACCUSING_VERBS \
            and not _children(verb, "prt", "ccomp", "xcomp", "dative", "aux") \
            and any(p in ("of", "over", "in") for p, _ in _prep_objects(verb)):
        return True  # "CIA accused over Iraq detainees": a headline's passive
    return verb.tag_ == "VBD" and verb.dep_ == "conj" and verb.head.tag_ == "VBN" \
        and verb.lemma_.lower() in OBJECT_VERBS and not _children(verb, "prt", "ccomp", "xcomp")


# subjects that strike with weapons rather than suffer them
ARMED_SUBJECTS = {"helicopter", "jet", "warplane", "plane", "aircraft", "tank", "gunship", "drone",
                  "troop", "soldier", "force", "army", "militant", "insurgent", "rebel", "navy",
                  "artillery", "warship", "fighter", "gunman"}
# "is opposed to", "is committed to": participles that state the subject's own stance
STATIVE_PASSIVES = {"oppose", "commit"}
# subordinate clauses that give the circumstances of the sentence's event
BACKGROUND_MARKS = {"as", "while", "after", "before", "because", "since", "when", "although",
                    "though", "amid", "until"}
OUTCOME_VERBS = {"kill", "wound", "injure", "hurt", "maim"}
# "a series of bombings", "a wave of attacks": many acts told as one
SERIES_HEADS = {"series", "wave", "string", "spate", "pair", "barrage", "volley", "salvo", "spree"}


def _outcome_of_same_event(trigger: Trigger, triggers: dict[int, Trigger]) -> bool:
    """A participle that reports what an event did: 'attacked a camp, killing 14 and wounding
    30', 'detonated a car bomb, killing nine'; a toll that goes with a verb of the same event
    ('killed two and wounded five': one attack); an attack noun that is the subject of its toll
    ('the airstrikes killed 44': the verb codes it, with the victims) or a clause on the subject
    of a toll ('airstrikes that demolished homes killed 44')."""
    token = trigger.token
    kind = trigger.entry.event_type

    def same(t: Token) -> bool:
        return t.i in triggers and triggers[t.i].entry.event_type == kind

    if kind == "ASSAULT":
        if token.dep_ == "conj" and token.lemma_.lower() in OUTCOME_VERBS and same(token.head) \
                and token.head.pos_ == "VERB" and (not _children(token, "nsubj", "nsubjpass") or (
                    token.head.lemma_.lower() in OUTCOME_VERBS and _passive(token) and _passive(token.head))):
            return True  # "one policeman was killed and three others were wounded": one toll
        subject = _anchor(token)
        if subject.dep_ == "pobj" and subject.head.lower_ == "of" \
                and subject.head.head.lemma_.lower() in SERIES_HEADS:
            subject = subject.head.head  # "a series of car bombings killed one soldier"
        if trigger.entry.pos == "NOUN" and subject.dep_ == "nsubj" and same(subject.head) \
                and subject.head.lemma_.lower() in OUTCOME_VERBS:
            return True
        if token.dep_ == "relcl" and token.head.dep_ == "nsubj" and same(token.head.head) \
                and token.head.head.lemma_.lower() in OUTCOME_VERBS:
            return True  # "warplanes that destroyed a depot killed twelve": one strike
        if token.lemma_.lower() in OUTCOME_VERBS and _passive(token) and not _children(token, "agent") \
                and any(same(t.token) and t.token.lemma_.lower() in OUTCOME_VERBS and _passive(t.token)
                        for i, t in triggers.items() if i < token.i):
            return True  # "two soldiers were killed and two others (were) wounded": one toll,
            # however the parser joined the clauses
    for _ in range(3):
        head = token.head
        if head.i == token.i:
            return False
        if token.dep_ == "conj" and token.tag_ == "VBG":
            token = head
            continue
        if token.dep_ != "advcl" or token.tag_ != "VBG":
            return False
        if head.i in triggers and triggers[head.i].entry.event_type == kind:
            return True
        return any(c.i in triggers and triggers[c.i].entry.event_type == kind
                   for c in head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass"))
    return False


def drop_headline_repeats(events: list[Event], text: str) -> list[Event]:
    """A headline repeats its story's lede: keep the body's event, which has the context.

    The headline is a first sentence that ends its line; its event goes when a body sentence
    codes one of the same type (the headline's words are fewer and its parties guessed more
    often: "Baghdad Bombings Kill One US Soldier" over "A series of car bombings in Baghdad
    killed one American soldier").
    """
    headline = [e for e in events if e.sentence_index == 0
                and "\n" in text[max(e.sentence_start, e.sentence_end - 2):e.sentence_end + 2]]
    if not headline:
        return events
    told = {e.event_type for e in events if e.sentence_index > 0}
    # "Zimbabwe Jails Briton" over "A Zimbabwe court jailed ...": the same word tells the same
    # act, whatever type each sentence's parties give it (a stated intention to act is no act)
    words = {form for e in events if e.sentence_index > 0 for form in _trigger_forms(e)}
    headline_told = [e for e in headline if e.event_type in told or words & set(_trigger_forms(e))
                     and e.event_type not in ("AGREE", "THREATEN")]
    for head in headline:
        # "US hostage killed by Iraqi captors" over "... has been killed by his captors": the
        # headline says whose the body's unnamed parties are
        for group in ("actor", "recipient"):
            known = [m.country for m in getattr(head, group) if m.country]
            if not known:
                continue
            for body in events:
                if body.sentence_index == 0 or body.event_type != head.event_type:
                    continue
                other = "recipient" if group == "actor" else "actor"
                if not {m.country for m in getattr(body, other) if m.country} \
                        <= {m.country for m in getattr(head, other) if m.country}:
                    continue  # another event of the type, between other parties
                for mention in getattr(body, group):
                    if mention.country is None:
                        mention.country = known[0]
    return [e for e in events if e not in headline_told]


def _trigger_forms(event: Event) -> list[str]:
    """The forms of an event's first trigger word: jails, jailed -> jail."""
    words = event.trigger.text.lower().split()
    return list(word_forms(words[0])) if words else []


def _shift(mentions: list[ActorMention], offset: int) -> list[ActorMention]:
    if offset:
        for mention in mentions:
            mention.start += offset
            mention.end += offset
    return mentions


def _build_event(doc: Doc, sent: Span, sentence_index: int, trigger: Trigger,
                 actor: list[ActorMention], recipient: list[ActorMention], tables: Tables,
                 doc_id: str, published: date | None, offset: int) -> Event:
    entry = trigger.entry
    token = trigger.token
    type_row = tables.types.get(entry.event_type, {})
    mode_row = tables.modes.get((entry.event_type, entry.mode or ""), {})
    span = doc[trigger.start:trigger.end]
    start = span.start_char + offset
    score_text = mode_row.get("score") or type_row.get("score") or "0"
    try:
        score = float(score_text)
    except ValueError:
        score = 0.0
    sentence_text = sent.text
    return Event(
        event_id=_event_id(doc_id, start, entry.event_type),
        doc_id=doc_id,
        sentence_index=sentence_index,
        sentence=sentence_text,
        sentence_start=sent.start_char + offset,
        sentence_end=sent.end_char + offset,
        trigger=TextSpan(span.text, start, span.end_char + offset),
        event_type=entry.event_type,
        mode=entry.mode,
        cameo=entry.cameo or type_row.get("cameo_root", ""),
        quad_class=int(type_row.get("quad_class") or 0),
        score=score,
        actor=_shift(actor, offset),
        recipient=_shift(recipient, offset),
        date=published.isoformat() if published else None,
        date_precision="day" if published else None,
        date_text=None,
        negated=_negated(token),
        modality=_modality(token),
        confidence=_confidence(actor, recipient, trigger, entry.reciprocal),
        coder=CODER,
    )
