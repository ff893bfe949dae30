"""Actors: noun phrases resolved to a country (ISO-3, or IGO/NGO/...) and a PLOVER sector.

What the text says wins: "Russian Foreign Minister Sergei Lavrov" is RUS GOV from its own
words; "Lavrov" alone is found in the dated office-holders table, and later short names and
pronouns follow the person last named in full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..records import ActorMention
from .tables import Entry, Tables, load_tables, tenure_on

PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "flat", "quantmod",
               "npadvmod", "predet"}
_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
PERSON_PRONOUNS = {"he", "she", "him", "her"}
# "thousands of protesters", "a group of soldiers", "members of parliament": the actor is inside
# texts and recordings that speak for whoever issued them
AUTHORED_HEADS = {"tape", "videotape", "audiotape", "video", "recording", "statement", "letter",
                  "message", "communique", "broadcast", "fatwa", "edict", "decree"}
# kin speak for themselves, as private people of their relative's country
KIN_HEADS = {"family", "relative", "wife", "husband", "widow", "mother", "father", "son", "daughter",
             "brother", "sister", "parent", "kin", "fiancee", "fiance"}
QUANTITY_HEADS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million",
                  "millions", "group", "number", "member", "some", "many", "most", "all", "several",
                  "few", "crowd", "scores", "score", "tens", "band", "unit", "contingent", "team",
                  "delegation", "convoy", "battalion", "column", "wave", "supporter", "follower",
                  "loyalist", "backer"}
CROWD_COUNTS = {"thousands", "hundreds", "dozens", "millions", "scores", "tens"}
# sectors whose unnamed members belong to the country the story is datelined in
DOMESTIC_SECTORS = {"GOV", "COP", "JUD", "LEG", "MIL", "CVL", "OPP", "PTY", "EDU", "MED", "LAB",
                    "BUS", "JRN", "REL", "ELI", "SPY", "AGR", "REF", "SOC"}
# nouns for people held or killed that refer back to people named before ("the hostages")
CAPTIVE_NOUNS = {"hostage", "captive", "victim", "abductee", "detainee", "prisoner"}
# "U.S.-led", "Hamas-run": a hyphenated word that makes a thing its prefix's
OWNING_SUFFIXES = {"led", "run", "controlled", "dominated", "owned", "ruled"}
# unnamed groups that are CAMEO's NGO (international non-governmental), wherever they act
NGO_NOUNS = {"ngo", "charity", "aid group", "aid agency", "aid organization", "aid organisation",
             "aid worker", "humanitarian worker", "rights group", "relief agency", "relief worker",
             "relief group", "humanitarian group", "humanitarian agency", "humanitarian organization",
             "humanitarian organisation", "rights organization", "rights organisation"}
STANCE_PREFIXES = {"pro", "anti", "non"}
# armed groups no one names ("rebels", "militants", "gunmen")
LOCAL_GROUPS = {"REB", "INS", "CRM"}
PLURAL_ONLY_SECTOR_NOUNS = {"force"}
# nouns for an organised group: its actor is what its modifiers name ("the Islamic Jihad
# movement", "al-Qaeda's terror network", "a Kurdish rebel faction")
GROUP_HEADS = {"movement", "group", "network", "organization", "organisation", "faction", "front",
               "wing", "alliance", "coalition", "league", "committee", "association", "outfit",
               "cell", "camp", "bloc", "ally", "affiliate"}
NAMED_ACTOR_LABELS = {"ORG", "NORP", "PERSON"}  # "forces" are troops; "force" is usually the abstract
GROUP_PRONOUNS = {"it", "they", "them", "we"}
# nouns that, with "two" or "both", stand for a pair of parties named before ("the two sides")
PAIR_NOUNS = {"side", "country", "nation", "government", "leader", "neighbour", "neighbor",
              "rival", "foe", "enemy", "adversary", "party", "state", "capital"}
# what the small model may call a surname it has seen in full before ("criticised Guterres": ORG)
SURNAME_LABELS = {"", "PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"}
# nouns by which a body named before is called again ("the court", "the agency")
BODY_NOUNS = {"court", "tribunal", "agency", "organisation", "organization", "alliance", "bloc",
              "body", "union", "watchdog", "council", "commission", "mission", "force"}
TITLE_SECTORS_SKIP = {"mr", "mrs", "ms", "dr", "sir"}


# words that name a place as the neighbour of where something is ("bordering Cameroon")
BORDER_WORDS = {"border", "frontier", "bordering", "neighbouring", "neighboring"}


def _neighbour(span) -> bool:
    """A place named as next door to where things are: "the region bordering Cameroon",
    "near the Cameroon border", "the border with Syria"."""
    root = span.root
    head = root.head
    if root.dep_ in ("compound", "nmod") and head.lemma_.lower() in BORDER_WORDS:
        return True
    if root.dep_ == "dobj" and head.lemma_.lower() in BORDER_WORDS:
        return True
    return root.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in BORDER_WORDS


# countries whose people's names put the family name first ("Wen Jiabao": Wen)
FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "SGP"}


@dataclass
class Resolved:
    country: str | None
    sector: str | None
    name: str | None
    is_person: bool = False


class Gazetteer:
    """Every surface form of the tables, matched on exact token text.

    An index from first token to candidate token sequences, not spaCy's PhraseMatcher: with
    ~13,000 forms PhraseMatcher.add costs over a second in every worker process, while this
    index builds in a fraction of that and matches as fast (measured in benchmarks/).
    """

    def __init__(self, nlp, tables: Tables | None = None) -> None:
        self.tables = tables or load_tables()
        self.tokenizer = nlp.tokenizer
        self.strings = nlp.vocab.strings
        # first token's ORTH hash -> candidate hash sequences, longest first
        self.index: dict[int, list[list[int]]] = {}
        texts = sorted(set(self.tables.surface) | set(self.tables.tenures))
        # plain names ("Recep Tayyip Erdogan") split on spaces exactly as spaCy splits them;
        # only forms with other characters ("U.S.", "al-Qaeda") go through the tokenizer,
        # which would otherwise spend a second creating lexemes in every worker process
        for text in texts:
            if _PLAIN.fullmatch(text):
                self._index(text.split(" "))
        for doc in self.tokenizer.pipe([t for t in texts if not _PLAIN.fullmatch(t)]):
            self._index([t.text for t in doc])

    def _index(self, words: list[str]) -> None:
        if words:
            sequence = [self.strings.add(word) for word in words]
            candidates = self.index.setdefault(sequence[0], [])
            candidates.append(sequence)
            candidates.sort(key=len, reverse=True)

    def _matches(self, doc: Doc) -> list[Span]:
        orths = doc.to_array("ORTH").tolist()
        index = self.index
        found = []
        for i, orth in enumerate(orths):
            candidates = index.get(orth)
            if candidates is None:
                continue
            for sequence in candidates:
                n = len(sequence)
                if n == 1 or (orths[i + 1:i + 2] == sequence[1:2] and orths[i:i + n] == sequence):
                    found.append(doc[i:i + n])
                    break
        return found

    def find(self, doc: Doc) -> list[Span]:
        spans = self._matches(doc)
        keep = []
        for span in filter_spans(spans):
            if span.start >= 2 and doc[span.start - 1].text == "-" \
                    and doc[span.start - 2].lower_ in STANCE_PREFIXES:
                continue  # "pro-Iranian Hizbollah", "anti-American protesters": a stance, not who
            if span.text == "West" and not (
                    span.start > 0 and doc[span.start - 1].lower_ == "the"
                    and (span.end >= len(doc) or doc[span.end].pos_ != "PROPN")):
                continue  # "the West" (WST), not "West Java" or "West African nations"
            if span.text in self.tables.tenures and span.text not in self.tables.surface:
                # single-word person aliases ("May", "Rice", "Major") only where NER agrees
                if len(span) == 1 and span[0].ent_type_ != "PERSON":
                    continue
            elif len(span) == 1 and span[0].ent_type_ == "PERSON" and span.text not in self.tables.tenures \
                    and not (self.tables.surface[span.text].kind in ("country", "capital", "demonym", "seat", "igo")
                             and _alone_in_ent(span[0])):
                continue  # "Michael Jordan", "Chad Smith": first names ("Benin opened" stays
                # Benin, "accused Khartoum" Khartoum, "a Briton who was shot" a Briton, "The
                # Houthis fired" the Houthis)
            elif (len(span) == 1 and span[0].ent_type_ not in ("GPE", "LOC", "FAC", "ORG", "NORP")
                  and self.tables.surface[span.text].kind == "city"):
                continue  # "Mobile", "Split", "Nice" as words
            elif span[0].ent_type_ in ("LAW", "EVENT") and getattr(
                    self.tables.surface.get(span.text), "kind", None) in ("city", "capital") \
                    and not (span[0].ent_iob_ == "B" and _alone_in_ent(span[-1])):
                continue  # "the Kyoto Protocol", "the Geneva Conventions": a treaty's name
            keep.append(span)
        return keep


# participles whose hyphenated country backs something of another: "the US-backed government",
# "a French-drafted resolution" (not "the US-led coalition", which the US leads as its own)
BACKING_VERBS = {"back", "sponsor", "support", "fund", "finance", "arm", "train", "install",
                 "draft", "broker", "propose", "write", "author", "bankroll", "supply", "equip"}


def backer_of(token: Token) -> Token | None:
    """The participle a token names the backer of ("US" in "US-backed"), else None."""
    head = token.head
    if token.dep_ in ("npadvmod", "compound", "nmod", "amod", "nsubj") and head.i == token.i + 2 \
            and head.tag_ == "VBN" and head.lemma_.lower() in BACKING_VERBS \
            and token.doc[token.i + 1].text == "-":
        return head
    return None


def _clear_first(counts: dict[str, int]) -> str | None:
    """The country a story is about when no dateline says: named most, and clearly so."""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _alone_in_ent(token) -> bool:
    """Whether the named entity holding a token is that token alone."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "B" and (following is None or following.ent_iob_ != "I")


class DocActors:
    """Actor resolution within one document, remembering who was named."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, published: date | None) -> None:
        self.doc = doc
        self.tables = gazetteer.tables
        self.published = published
        self.match_at: dict[int, Span] = {}
        for span in gazetteer.find(doc):
            for token in span:
                self.match_at[token.i] = span
        self.text = doc.text  # Doc.text and Doc.ents are rebuilt on every access
        doc.user_data["eventwire_text"] = self.text  # shared with the quote finder
        self.ents = list(doc.ents)
        self.ent_at: dict[int, Span] = {}
        for ent in self.ents:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
        self.people: list[tuple[int, str, Resolved]] = []  # (token index, name, resolution)
        self._person_cache: dict[tuple[int, int], Resolved | None] = {}
        dateline = self._dateline_country()
        self.guessed: set[tuple[int, int]] = set()  # spans whose country is a guess
        self._antecedent_of: set[int] = set()  # pronouns being resolved
        self._register_people()
        # "Brown calls for Labour unity" over "Chancellor Gordon Brown has ...": a headline or
        # a later sentence names a person by the surname alone, which NER seldom tags
        self.surnames: dict[str, Resolved] = {}
        for _, name, resolved in self.people:
            words = name.split()
            if len(words) > 1 and resolved.country and words[-1][:1].isupper():
                self.surnames.setdefault(words[-1], resolved)
                if resolved.country in FAMILY_NAME_FIRST and words[0][:1].isupper():
                    self.surnames.setdefault(words[0], resolved)  # "Wen" for Wen Jiabao
        # where the story is: from every mention of a country or of a person whose country
        # is known (home), and from place names only (home_place: "French warplanes" say
        # who, not where)
        named, placed = self._country_counts()
        # "US soldiers in Iraq murder probe. Four soldiers are charged ...": people a country
        # word names, by their noun, for later bare mentions of the same noun
        self.nationals: list[tuple[int, str, str]] = []  # (token index, noun lemma, country)
        self.forces: list[tuple[int, str]] = []  # (token index, country): "Israeli troops"
        # international bodies named, for "the tribunal", "the agency" later on
        self.bodies: list[tuple[int, str, str, str | None]] = []  # (index, name, country, sector)
        for span in {id(s): s for s in self.match_at.values()}.values():
            entry = self.tables.surface.get(span.text)
            if entry is None or not entry.country:
                continue
            head = span.root.head
            if self._nationality(span):
                self.nationals.append((head.i, head.lemma_.lower(), entry.country))
            elif span.root.dep_ in ("compound", "amod") \
                    and self.tables.sector_nouns.get(head.lemma_.lower(), ("",))[0] == "MIL":
                self.forces.append((head.i, entry.country))  # "Israeli troops"
            if entry.kind == "igo":
                self.bodies.append((span.root.i, (entry.name or span.text).lower(), entry.country,
                                    entry.sector))
        self.nationals.sort()
        self.bodies.sort()
        for _, _, person in self.people:
            if person.country:
                named[person.country] = named.get(person.country, 0) + 1
        self.place_counts = placed  # how often each country is named as a place
        self.home = dateline or _clear_first(named)
        self.home_place = dateline or _clear_first(placed)

    def _country_counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """How often each country is named: by any mention (demonyms too), and by places."""
        named: dict[str, int] = {}
        placed: dict[str, int] = {}
        for span in {id(s): s for s in self.match_at.values()}.values():
            entry = self.tables.surface.get(span.text)
            if entry is None or not entry.country or entry.kind not in (
                    "country", "capital", "city", "demonym"):
                continue
            named[entry.country] = named.get(entry.country, 0) + 1
            if entry.kind != "demonym" and not self._nationality(span) and not _neighbour(span):
                placed[entry.country] = placed.get(entry.country, 0) + 1
        return named, placed

    def is_guessed(self, mention: ActorMention, offset: int = 0) -> bool:
        """Whether a mention's country is a guess from where the story is (``offset``: the
        piece's, for mentions already placed in the whole article)."""
        return (mention.start - offset, mention.end - offset) in self.guessed

    def is_place_or_state(self, token: Token) -> bool:
        """Whether a noun names a country, capital, city, organisation or person (not a thing)."""
        entry = self._entry(token)
        return entry is not None and entry.kind != "demonym" or token.ent_type_ in ("GPE", "PERSON")

    def is_place(self, token: Token) -> bool:
        """Whether a noun names a country, capital or city (not an organisation or person)."""
        return self.place_country(token) is not None

    def place_country(self, token: Token) -> str | None:
        """The country of a country, capital or city a noun names; None for anything else."""
        entry = self._entry(token)
        return entry.country if entry is not None and entry.kind in ("country", "capital", "city") \
            and entry.country else None

    def countries_in(self, sent: Span) -> set[str]:
        """The countries a sentence names: countries, their people, places and agencies, and
        the people whose country is known."""
        return {country for _, country, _ in self.named_in(sent)}

    def named_in(self, sent: Span) -> list[tuple[int, str, str]]:
        """(token index, country, kind) of each country, people, place, agency or known person
        a sentence names (kind as in the tables, "person" for people)."""
        named = []
        for i in range(sent.start, sent.end):
            span = self.match_at.get(i)
            if span is not None and span.start == i:
                entry = self.tables.surface.get(span.text)
                if entry is not None and entry.country:
                    named.append((span.root.i, entry.country, entry.kind))
        named += [(i, r.country, "person") for i, _, r in self.people
                  if r.country and sent.start <= i < sent.end]
        return named

    def place_in(self, sent: Span, skip: tuple[tuple[int, int], ...] = ()) -> str | None:
        """The country of the first place a sentence names (country, capital or city), outside
        the character ranges in ``skip`` ("three US servicemen were killed ... outside Basra":
        the victims' nationality is not where it happened)."""
        found = self.first_place(range(sent.start, sent.end), skip)
        return found[1] if found else None

    def first_place(self, indices, skip: tuple[tuple[int, int], ...] = (),
                    exclude: frozenset[str] = frozenset(),
                    subjects: bool = True) -> tuple[Span, str] | None:
        """The first place (country, capital or city) starting at one of the token ``indices``,
        with its country: outside the character ranges in ``skip``, of no country in
        ``exclude``, and, unless ``subjects``, not a clause's subject."""
        for i in indices:
            span = self.match_at.get(i)
            if span is None or span.start != i or any(a <= span.start_char < b for a, b in skip):
                continue
            if not subjects and span.root.dep_ in ("nsubj", "nsubjpass"):
                continue
            if self._nationality(span):
                continue  # "a US military official", "US marines": who they are, not where
            if _neighbour(span):
                continue  # "a region bordering Cameroon", "near the Cameroon border": next door
            entry = self.tables.surface.get(span.text)
            if entry is not None and entry.kind in ("country", "capital", "city") \
                    and entry.country and entry.country not in exclude:
                return span, entry.country
        return None

    def _nationality(self, span: Span) -> bool:
        """A country named as people's nationality ("a US hostage", "US marines"), not a place."""
        return span.root.dep_ in ("compound", "amod", "nmod") and span.root.head.i >= span.end \
            and self.is_person_noun(span.root.head)

    def _dateline_country(self) -> str | None:
        """The country of the dateline ("TBILISI, Georgia (Wire) —", "ANKARA —"), if any."""
        from ..nlp.model import DATELINE

        match = DATELINE.search(self.text[:400])
        if match is None or not (match.start() == 0 or self.text[match.start() - 1] == "\n"):
            return None
        place = match.group("place")
        for part in reversed([p.strip(" .-") for p in place.split(",")]):  # "MOSCOW. Oct 5 -"
            for form in (part, part.title(), part.upper()):
                entry = self.tables.surface.get(form)
                if entry is not None and entry.kind in ("country", "capital", "city") and entry.country:
                    return entry.country
        return None

    # --- people -----------------------------------------------------------------------------
    def _register_people(self) -> None:
        seen: set[int] = set()
        for ent in self.ents:
            if ent.label_ != "PERSON" or ent.start in seen:
                continue
            seen.add(ent.start)
            resolved = self._person(ent)
            if resolved is not None:
                self.people.append((ent.start, ent.text, resolved))
        for span in {id(s): s for s in self.match_at.values()}.values():
            if span.start not in seen and span.text in self.tables.tenures:
                resolved = self._person(span)
                if resolved is not None:
                    self.people.append((span.start, span.text, resolved))
        self.people.sort(key=lambda item: item[0])

    def _person(self, span: Span) -> Resolved | None:
        """A person from a title in the text, an earlier full mention, or the office table."""
        key = (span.start, span.end)
        if key not in self._person_cache:
            self._person_cache[key] = self._person_uncached(span)
        return self._person_cache[key]

    def _person_uncached(self, span: Span) -> Resolved | None:
        titled = self._title(span)
        earlier = self._earlier_person(span)
        table = self._table_person(span.text) or self._table_person(span[-1].text)
        name = span.text
        if earlier is not None and len(span) == 1:
            name = earlier.name or name
        base = earlier or table
        if titled is not None:
            country = titled.country or (base.country if base else None)
            return Resolved(country, titled.sector or (base.sector if base else None), name, True)
        if base is not None:
            return Resolved(base.country, base.sector, base.name if len(span) == 1 else name, True)
        return None

    def _title(self, span: Span) -> Resolved | None:
        """'Russian Foreign Minister' before a name, or ', Turkey's foreign minister,' after it."""
        tokens = [t for t in span.root.children if t.dep_ in ("compound", "amod", "appos", "nmod")
                  and not span.start <= t.i < span.end]
        left = span.start - 1
        while left >= 0:
            token = self.doc[left]
            if token.dep_ not in ("compound", "amod") or not span.start <= token.head.i < span.end:
                break
            tokens.append(token)
            left -= 1
        if not tokens:
            return None
        country = sector = None
        for token in tokens:
            phrase = self.phrase(token)
            for t in phrase:
                entry = self._entry(t)
                if entry is not None and entry.country and country is None and entry.kind != "person":
                    country = entry.country
            for t in [token, *phrase]:
                found = self.sector_of(t)
                if found and sector is None:
                    sector = found[0]
        if country is None and sector is None:
            return None
        return Resolved(country, sector, span.text, True)

    def _earlier_person(self, span: Span) -> Resolved | None:
        last = span[-1].text
        for index, name, resolved in reversed(self.people):
            if index >= span.start:
                continue
            if name == span.text or name.split()[-1] == last:
                return resolved
        return None

    def _table_person(self, text: str) -> Resolved | None:
        tenures = self.tables.tenures.get(text)
        if not tenures:
            return None
        tenure = tenure_on(tenures, self.published)
        if tenure is not None:
            return Resolved(tenure.country, tenure.sector, tenure.name, True)
        if self.published is not None:
            formerly = tenure_on(tenures, None)
            if formerly is not None:  # named by an office they no longer hold
                return Resolved(formerly.country, "ELI", formerly.name, True)
        return None

    def person_before(self, index: int) -> Resolved | None:
        for position, _, resolved in reversed(self.people):
            if position < index:
                return resolved
        return None

    # --- phrases ----------------------------------------------------------------------------
    def in_tables(self, token: Token) -> bool:
        """Whether the tables name what the token is part of (a country, people, seat, person)."""
        return self._entry(token) is not None

    def _entry(self, token: Token) -> Entry | None:
        span = self.match_at.get(token.i)
        if span is None:
            if "-" in token.text:
                # "U.S.-led forces", which the tokenizer keeps in one piece: the leader's
                prefix, _, suffix = token.text.rpartition("-")
                if suffix.lower() in OWNING_SUFFIXES:
                    return self.tables.surface.get(prefix)
            return None
        entry = self.tables.surface.get(span.text)
        if entry is None and span.text in self.tables.tenures:
            resolved = self._person(span)
            if resolved is not None:
                return Entry("person", resolved.country, resolved.sector, resolved.name or span.text)
        return entry

    def is_person_noun(self, token: Token) -> bool:
        """Whether a noun names a person by role ("official", "marines", "doctors")."""
        found = self.sector_of(token)
        return found is not None and found[1]

    def sector_of(self, token: Token) -> tuple[str, bool] | None:
        """The sector a noun names, trying 'foreign minister' before 'minister'."""
        nouns = self.tables.sector_nouns
        lemma = token.lemma_.lower()
        if lemma in PLURAL_ONLY_SECTOR_NOUNS and token.tag_ not in ("NNS", "NNPS"):
            return None
        for child in token.children:
            if child.dep_ in ("compound", "amod") and child.i < token.i:
                found = nouns.get(f"{child.lemma_.lower()} {lemma}") or nouns.get(
                    f"{child.text.lower()} {lemma}") or nouns.get(  # "rights groups"
                    f"{child.text.lower()} {token.text.lower()}")
                if found:
                    return found
        found = nouns.get(lemma) or nouns.get(token.text.lower())
        if found is None and token.pos_ == "PROPN" and token.text[:1].isupper():
            # a capitalised plural the tagger took for a name: "Gunmen ambushed ..."
            lower = token.text.lower()
            for end, base in (("men", "man"), ("ies", "y"), ("s", "")):
                if lower.endswith(end) and len(lower) > len(end) + 2:
                    found = nouns.get(lower[:-len(end)] + base)
                    if found is not None and found[1]:  # person nouns only
                        return found
                    found = None
                    break
        return found

    def phrase_span(self, head: Token) -> tuple[int, int]:
        """Character offsets of the head's phrase (see ``phrase``)."""
        tokens = self.phrase(head)
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

    def phrase(self, head: Token) -> list[Token]:
        """The head and its modifiers, without clauses, conjuncts or appositions."""
        out = [head]
        stack = [head]
        while stack:
            token = stack.pop()
            for child in token.children:
                if _coordinated_person(child):
                    continue  # "Zelensky and U.S. President Joe Biden": two people, misparsed
                keep = child.dep_ in PHRASE_DEPS or (
                    child.dep_ == "prep" and child.lemma_ == "of" and token is head
                ) or (child.dep_ == "pobj" and token.dep_ == "prep")
                if keep:
                    out.append(child)
                    stack.append(child)
        return sorted(out, key=lambda t: t.i)

    def mention(self, ent: Span) -> tuple[str | None, str | None, str | None]:
        """(name, country, sector) of a named entity, from the tables and the people named."""
        if ent.label_ == "PERSON":
            person = self._person(ent)
            if person is not None:
                return person.name, person.country, person.sector
            return None, None, None
        entry = self._entry(ent.root)
        if entry is None:
            return None, None, None
        return entry.name, entry.country, entry.sector if entry.kind != "demonym" else None

    def resolve(self, head: Token, named: bool = False) -> ActorMention | None:
        """An actor for the noun phrase headed by ``head``, or None if it names no actor.

        ``named``: a named person or organisation the tables do not know still counts (for
        the doer of an event; a recipient must be known to be an actor)."""
        lower = head.lower_
        if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun(head)
        if head.lemma_.lower() in ("country", "nation", "government"):
            # "Putin said his country will not lift the ban": the country of the person named
            owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
            person = self.person_before(owner.i) if owner is not None else None
            country = person.country if person is not None else None
            if owner is not None and not country:
                # "Iran's foreign minister said his country would ...": the sentence's
                # subject, named before, when no person is
                root = head.sent.root
                country = next((m.country for s in root.children if s.dep_ == "nsubj" and s.i < owner.i
                                and s.i != head.i and (m := self.resolve(s)) is not None), None)
            if country:
                start, end = self.phrase_span(head)
                return ActorMention(self.text[start:end], start, end, None, country, "GOV")
        if head.lemma_.lower() in AUTHORED_HEADS:
            # "an audio tape released by bin Laden's deputy calls for attacks", "a statement
            # from the ministry said": the author speaks through it
            owners = [c for c in head.children if c.dep_ == "poss"]
            owners += _prep_objects(head, "from", "by")
            owners += [o for acl in head.children if acl.dep_ == "acl" for agent in acl.children
                       if agent.dep_ == "agent" for o in agent.children if o.dep_ == "pobj"]
            # "a religious fatwa issued in Iraq": issued by those there
            owners += [o for acl in head.children if acl.dep_ == "acl"
                       for o in _prep_objects(acl, "in") if self.is_place(o)]
            for owner in owners:
                inner = self.resolve(owner, named=True)
                if inner is not None:
                    return inner
        if head.lemma_.lower() in KIN_HEADS:
            # "the family of a Briton held hostage", "Bigley's brother": private people of
            # the country of the one they are kin to
            owners = [c for c in head.children if c.dep_ == "poss"] + _prep_objects(head, "of")
            for owner in owners:
                inner = self.resolve(owner, named=True)
                if inner is not None and inner.country:
                    start, end = self.phrase_span(head)
                    return ActorMention(self.text[start:end], start, end, None, inner.country, "CVL")
        if lower in QUANTITY_HEADS or head.lemma_.lower() in QUANTITY_HEADS:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            inner = self.resolve(obj)
                            if inner is not None:
                                return self._widen(inner, head)
            if lower in CROWD_COUNTS and head.dep_ in ("nsubj", "nsubjpass", "ROOT") and not any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
                # "Thousands protested in Tbilisi": a bare count as the subject is people
                start, end = self.phrase_span(head)
                verb = head if head.dep_ == "ROOT" else head.head
                country = self.located_in(verb) or next(
                    (self.located_in(c) for c in verb.children
                     if c.dep_ == "acl" and self.located_in(c)), None) or self.home
                return ActorMention(self.text[start:end], start, end, None, country, "CVL")
        actor = self._resolve_phrase(head, named)
        if actor is not None and actor.country is None and self.is_person_noun(head):
            # "doctors from two American aid groups", "envoys from the African Union": people
            # of the body they come from ("judges at the Hague tribunal": or work at)
            for body in (self.resolve(o) for o in _prep_objects(head, "from", "at")):
                if body is not None and body.country and not self.is_guessed(body):
                    actor.country = body.country
                    break
        if actor is not None and actor.country is None and self.is_person_noun(head):
            # "an Islamic militant wanted by Turkey": a fugitive is the seeking state's to try
            seekers = [o for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"
                       and c.lemma_.lower() in ("want", "seek")
                       for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            for seeker in (self.resolve(o) for o in seekers):
                if seeker is not None and seeker.country and not self.is_guessed(seeker):
                    actor.country = seeker.country
                    break
        if actor is not None and actor.country is None and self.is_person_noun(head) and any(
                c.dep_ == "amod" and c.lower_ in ("international", "multinational")
                for c in head.children):
            actor.country = "IGO"  # "international health officials", "international monitors"
        if actor is not None and actor.country is None:
            actor.country = self.located_in(head)  # "a court in Yemen", "police in Tbilisi"
            if actor.country is None and not any(
                    c.dep_ in ("amod", "compound", "nmod", "poss") for c in head.children):
                # "US soldiers ... Four soldiers are charged": the same people told of before
                before = [c for i, lemma, c in self.nationals if i < head.i and lemma == head.lemma_.lower()]
                if not before and actor.sector == "MIL":
                    # "Israeli troops killed four ... as the army pressed on": the forces of the
                    # one country whose forces were named before
                    before = list(dict.fromkeys(c for i, c in self.forces if i < head.i))
                    before = before if len(before) == 1 else []
                if not before and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
                    # "the International Criminal Court ... objections to the tribunal": the
                    # body last named that the noun (or its sector) fits
                    lemma = head.lemma_.lower()
                    before = [c for i, name, c, sector in self.bodies if i < head.i
                              and (lemma in name.split() or actor.sector and sector == actor.sector
                                   and lemma in BODY_NOUNS)][-1:]
                actor.country = before[-1] if before else None
            if actor.country is None and head.lemma_.lower() in CAPTIVE_NOUNS and any(
                    c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in head.children) \
                    and not any(c.dep_ in ("compound", "nmod", "poss") or self.in_tables(c)
                                for c in head.children):
                # "the killing of 12 Nepalese workers ... the slain hostages": the people a
                # country word named last
                actor.country = next((c for i, _, c in reversed(self.nationals) if i < head.i), None)
            if actor.country is None and actor.sector == "SOC" and self._ngo_noun(head):
                # "rights groups condemned ...", "two aid workers were killed": international
                # non-governmental groups no one places (CAMEO's NGO), not the story's country
                actor.country = "NGO"
            if actor.country is None and actor.sector in DOMESTIC_SECTORS:
                # "police", "the opposition": those of the country the story is in (a guess
                # the event coder may refine: victims are of where the attack was)
                actor.country = self.home or self.place_in(head.sent)
                if actor.country is not None:
                    self.guessed.add((actor.start, actor.end))
            elif actor.country is None and actor.sector in LOCAL_GROUPS:
                # "rebels", "militants": those of where the sentence is, else of the story's
                # (a guess the event coder may take back: "sought support from Libya")
                actor.country = self.place_in(head.sent) or self.home_place
                if actor.country is not None:
                    self.guessed.add((actor.start, actor.end))
        return actor

    @staticmethod
    def _ngo_noun(head: Token) -> bool:
        """Whether a noun names an unplaced humanitarian or rights group ('aid workers')."""
        lemma = head.lemma_.lower()
        words = {lemma} | {f"{c.lower_} {lemma}" for c in head.children
                           if c.dep_ in ("compound", "amod") and c.i < head.i}
        return bool(words & NGO_NOUNS)

    def located_in(self, head: Token) -> str | None:
        """The country of a place a noun is said to be in or from ("a court in Yemen")."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of"):
                for obj in prep.children:
                    entry = self._entry(obj) if obj.dep_ == "pobj" else None
                    if entry is not None and entry.kind in ("country", "capital", "city") and entry.country:
                        return entry.country
        return None

    def _widen(self, actor: ActorMention, head: Token) -> ActorMention:
        tokens = [head, *self.phrase(head)]
        start = min(t.idx for t in tokens)
        actor.text = self.text[start:actor.end]
        actor.start = start
        return actor

    def _resolve_phrase(self, head: Token, named: bool = False) -> ActorMention | None:
        tokens = self.phrase(head)  # the tokens are needed below: no second walk
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        text = self.text[start:end]
        head_entry = self._entry(head)
        if head_entry is None and head.text in self.surnames and head.ent_type_ in SURNAME_LABELS \
                and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "ROOT"):
            resolved = self.surnames[head.text]
            head_entry = Entry("person", resolved.country, resolved.sector, resolved.name or head.text)
        elif head_entry is None and head.ent_type_ == "PERSON":
            ent = self.ent_at.get(head.i)
            resolved = self._person(ent) if ent is not None else None
            if resolved is None:
                resolved = self._person(self.doc[head.i:head.i + 1])
            if resolved is not None:
                head_entry = Entry("person", resolved.country, resolved.sector, resolved.name or head.text)
        country = sector = name = None
        group_sector = None
        head_sector = self.sector_of(head)
        head_ent = self.ent_at.get(head.i) if head.ent_type_ == "PERSON" else None
        for token in tokens:
            if token.i == head.i or (head_ent is not None and head_ent.start <= token.i < head_ent.end):
                continue  # "Levy" in "President Levy Mwanawasa" is part of his name
            if backer_of(token) is not None:
                continue  # "the US-backed government" is not the US's own
            entry = self._entry(token)
            if entry is None and token.ent_type_ == "PERSON" and token.dep_ == "compound" \
                    and token.i not in self.match_at:
                # "the Bush administration": a person the gazetteer holds under another reading
                # (Bush, a town in Egypt) or not as a surname on its own
                ent = self.ent_at.get(token.i)
                person = self._person(ent) if ent is not None else None
                if person is not None and person.country:
                    entry = Entry("person", person.country, person.sector, person.name or ent.text)
            if entry is not None and entry.country and country is None:
                country, name = entry.country, entry.name
                if entry.kind in ("seat", "igo") and head_sector is None:
                    sector = entry.sector
                if entry.kind not in ("country", "capital", "city", "demonym", "place"):
                    group_sector = entry.sector
        if head_entry is not None and head_entry.kind == "demonym":
            country = head_entry.country  # "Palestinians of the Israeli-occupied West Bank"
            if head.tag_ in ("NNPS", "NNS") and sector is None:
                sector = "CVL"  # "Russians", "Ukrainians": the people
            if any(c.lower_ == "ethnic" for c in head.children if c.dep_ == "amod"):
                # "ethnic Albanians demonstrated in Serbia": a people living where they are
                country = self.located_in(head) or self.place_in(head.sent) or country
        elif head_entry is not None:
            country = country or head_entry.country
            name = head_entry.name
            sector = head_entry.sector
            head_sector = None  # "the European Union" is an IGO, not a labour union
        if head_sector is not None:
            sector = head_sector[0]
        if head_entry is None and head_sector is None and head.pos_ == "PROPN":
            # "President Gloria Macapagal Arroyo" where NER missed the name: the title says
            # a person holds an office
            title = next((found[0] for c in head.children if c.dep_ == "compound" and c.i < head.i
                          and (found := self.sector_of(c)) is not None and found[1]), None)
            if title is not None:
                return ActorMention(text=text, start=start, end=end, name=head.text,
                                    country=country, sector=title)
        if head_entry is None and head_sector is None:
            if head.lemma_.lower() in GROUP_HEADS and (country is not None or named and any(
                    t.ent_type_ in ("ORG", "NORP") for t in tokens if t.i != head.i)):
                return ActorMention(text=text, start=start, end=end, name=name, country=country,
                                    sector=sector or group_sector)
            # a thing, not an actor: "the government's decision" is the government's doing
            for child in head.children:
                if child.dep_ == "poss":
                    return self.resolve(child)
            for appos in (c for c in head.children if c.dep_ == "appos"):
                return self.resolve(appos)
            if head.ent_type_ in ("ORG", "NORP", "GPE") and country is not None:
                sector = sector or "GOV"
            elif named and country is not None and head.tag_ in ("NNS", "NNPS"):
                # "Palestinian prisoners rioted", "the Islamic Jihad movement rejected": the
                # doers' country is in the phrase even when the noun names no sector
                return ActorMention(text=text, start=start, end=end, name=name, country=country)
            elif named and head.ent_type_ in NAMED_ACTOR_LABELS:
                # a named group or person the tables do not know ("Hezb-e-Islami") doing
                # something: an actor, with the country its modifiers give, if any
                ent = self.ent_at.get(head.i)
                if ent is not None:
                    start, end = min(start, ent.start_char), max(end, ent.end_char)
                return ActorMention(text=self.text[start:end], start=start, end=end,
                                    name=ent.text if ent is not None else head.text, country=country,
                                    sector="GOV" if country and head.ent_type_ != "PERSON" else None)
            else:
                return None
        if country is None and sector is None:
            return None
        return ActorMention(text=text, start=start, end=end, name=name, country=country, sector=sector)

    def _pronoun(self, head: Token) -> ActorMention | None:
        lower = head.lower_
        span = dict(text=head.text, start=head.idx, end=head.idx + len(head.text))
        if lower in PERSON_PRONOUNS:
            person = self.person_before(head.i)
            if head.dep_ in ("dobj", "dative", "pobj") and lower in ("him", "her"):
                # "the Pope, who urged him to ...": not the one who urges (that would be
                # "himself"), so the person named before the clause's subject
                verb = head.head if head.dep_ != "pobj" else head.head.head
                subject = [t for s in verb.children if s.dep_ == "nsubj" for t in s.subtree]
                if subject and subject[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    subject = list(verb.head.subtree)[:verb.head.i - verb.head.left_edge.i + 1]
                if subject and any(position >= subject[0].i and position <= subject[-1].i
                                   for position, _, _ in self.people if position < head.i):
                    person = self.person_before(subject[0].i)
            if lower in ("he", "she") and head.i not in self._antecedent_of:
                # "The French foreign minister arrived in Cairo. He met ...": the one a role
                # noun named as a subject since the last person named
                named_at = max((p for p, _, _ in self.people if p < head.i), default=-1)
                self._antecedent_of.add(head.i)
                try:
                    role = self._role_subject_before(head, named_at)
                finally:
                    self._antecedent_of.discard(head.i)
                if role is not None:
                    return ActorMention(name=role.name, country=role.country, sector=role.sector, **span)
            if person is not None:
                return ActorMention(name=person.name, country=person.country, sector=person.sector, **span)
        elif (lower in ("it", "they") and head.dep_ == "nsubj" or lower in ("its", "their")
              and head.dep_ == "poss") and head.i not in self._antecedent_of:
            self._antecedent_of.add(head.i)  # (an antecedent's phrase may hold the pronoun)
            try:
                found = self._group_antecedent(head)
            finally:
                self._antecedent_of.discard(head.i)
            if found is not None:
                return ActorMention(name=found.name, country=found.country, sector=found.sector, **span)
        return None

    def _role_subject_before(self, head: Token, after: int) -> ActorMention | None:
        """The last singular person noun ('the foreign minister') that was a subject after token
        ``after`` and in this or the sentence before, with a known (not guessed) country."""
        sent = head.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for i in range(head.i - 1, max(start, after + 1) - 1, -1):
            token = self.doc[i]
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "NOUN" \
                    and token.tag_ == "NN" and self.is_person_noun(token):
                if head.head.dep_ == "ccomp" and token.head.i == head.head.head.i:
                    return None  # "an official said he ...": the speaker, as the coder reads it
                found = self.resolve(token)
                if found is not None and found.country and not self.is_guessed(found):
                    return found
                return None  # the nearest role subject, or no one
        return None

    def _group_antecedent(self, head: Token) -> ActorMention | None:
        """The state or body an 'it' or 'they' that does something stands for: the subject of
        the clause it is coordinated with ("Sudan rejected the plan, and it accused ..."), else
        that of the sentence before ("Sudan rejected the plan. It also accused ..."); for 'its'
        or 'their', the subject of the owned thing's clause. Only a group with a known (not
        guessed) country, never one person."""
        sent = head.sent
        if head.dep_ == "poss":
            # "Thirteen years into their probe, US investigators ...", "Israel pressed on with
            # its offensive": the subject of the clause the owned thing is in
            verb = head.head
            # (not the owned thing itself when nothing else says whose: "said their first
            # arrest was linked to"; "its European Community partners" are the EC's)
            owned = head.head.i if not any(c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"
                                           for c in head.head.children) else -1
            controller: list[Token] = []
            for _ in range(6):
                if verb.pos_ in ("VERB", "AUX") and any(s.i != owned for s in _subjects(verb)) \
                        or verb.head.i == verb.i:
                    break
                if verb.dep_ == "xcomp" and verb.pos_ == "VERB":
                    # "called on Kampala to end its offensive", "urged Iran to halt its
                    # programme": the one asked to act
                    controller = [c for c in verb.head.children if c.dep_ == "dobj"] + [
                        o for p in verb.head.children if p.dep_ == "prep" and p.lower_ == "on"
                        for o in p.children if o.dep_ == "pobj"]
                    if controller:
                        break
                verb = verb.head
            candidates = controller[:1] or [s for s in _subjects(verb) if s.i != head.i and s.i != owned]
            subject = candidates[0] if candidates else None
            if subject is not None and subject.lower_ in ("they", "it") \
                    and subject.i not in self._antecedent_of:
                # "police said they had made their first arrest": theirs is who they are
                found = self._pronoun(subject)
                return found if found is not None and found.country else None
            if subject is None or subject.pos_ == "PRON" or subject.ent_type_ == "PERSON" \
                    or any(c.dep_ == "conj" for c in subject.children) or (
                    self.is_person_noun(subject) and subject.tag_ not in ("NNS", "NNPS")):
                return None  # (one person's things are "his" or "her")
            found = self.resolve(subject)
            if found is None or not found.country or self.is_guessed(found) \
                    or self._coordinated_nationalities(subject, found):
                return None  # ("US and Iraqi forces ... their offensive": both, as before)
            return found
        candidates = [s for s in sent.root.children if s.dep_ == "nsubj" and s.i < head.i] \
            if head.head.dep_ == "conj" and head.head.head.i == sent.root.i else []
        if not candidates and head.head.dep_ == "ccomp" and head.head.head.pos_ == "VERB" \
                and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                        for c in head.head.subtree if c.i in self._antecedent_of):
            # "Indonesian police said they had made their first arrest": their arrest is of
            # the one whose words the clause gives (a bare "they" is the event coder's to
            # read as the speaker)
            candidates = [s for s in head.head.head.children if s.dep_ == "nsubj" and s.i < head.i]
        if not candidates and sent.start > 0 and head.head.i == sent.root.i:
            before = self.doc[sent.start - 1].sent
            candidates = [s for s in before.root.children if s.dep_ in ("nsubj", "nsubjpass")]
        for subject in candidates[:1]:
            if subject.pos_ == "PRON" or subject.ent_type_ == "PERSON":
                return None
            found = self.resolve(subject)
            if found is not None and found.country and not self.is_person_noun(subject) \
                    and not self.is_guessed(found):
                return found
        return None

    def expand(self, head: Token, named: bool = False) -> list[ActorMention]:
        """The actor a head names and those of its conjuncts ("Turkey and Russia")."""
        out = []
        if head.lemma_.lower() in PAIR_NOUNS and any(
                c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "amod")
                for c in head.children):
            # "the two sides agreed", "both countries": the last two parties named together
            pair = self._pair_before(head)
            if pair:
                start, end = self.phrase_span(head)
                return [ActorMention(self.text[start:end], start, end, m.name, m.country, m.sector)
                        for m in pair]
        people = [c for c in head.children if _coordinated_person(c)]
        tokens = [head, *people, *conjuncts(head)]
        first = self.resolve(head, named)
        if first is None:
            # "the Sudanese government and SPLM/A agreed": the parser made the first of two
            # parties a modifier of a last one the tables do not know
            for modifier in head.children:
                if modifier.dep_ == "nmod" and modifier.i < head.i and modifier not in people \
                        and any(c.dep_ == "cc" for c in modifier.children):
                    tokens += [modifier, *conjuncts(modifier)]
        for token in tokens:
            actor = first if token is head else self.resolve(token, named)
            if actor is not None and all(a.start != actor.start for a in out):
                out.append(actor)
                out.extend(self._coordinated_nationalities(token, actor))
        return out

    def _pair_before(self, head: Token) -> list[ActorMention]:
        """The last two parties of different countries named together ("a ceasefire between
        Israel and Hamas") before a word that stands for both; [] when there are none."""
        for i in range(head.i - 1, max(head.i - 200, 0) - 1, -1):
            token = self.doc[i]
            others = conjuncts(token)
            if len(others) != 1 or token.dep_ == "conj" or others[0].i >= head.i:
                continue  # ("Qatar, Egypt and the United States": three, not a pair)
            first, second = self.resolve(token), self.resolve(others[0])
            if first is not None and second is not None and first.country and second.country \
                    and first.country != second.country:
                return [first, second]
        return []

    def _coordinated_nationalities(self, head: Token, actor: ActorMention) -> list[ActorMention]:
        """'French and Egyptian warships', 'US and Iraqi troops', 'the presidents of Brazil and
        France': one noun, two countries."""
        out = []
        for modifier in head.children:
            if modifier.dep_ in ("amod", "compound", "nmod") and modifier.i < head.i:
                others = conjuncts(modifier)
            elif modifier.dep_ == "prep" and modifier.lower_ == "of" and actor.sector is not None:
                others = [c for obj in modifier.children if obj.dep_ == "pobj" for c in conjuncts(obj)]
            else:
                continue
            for other in others:
                entry = self._entry(other)
                if entry is not None and entry.kind in ("demonym", "country") and entry.country \
                        and entry.country != actor.country:
                    end = other.idx + len(other.text)
                    out.append(ActorMention(self.text[other.idx:end], other.idx, end, None,
                                            entry.country, actor.sector))
        return out


def _prep_objects(token: Token, *words: str) -> list[Token]:
    """The objects of a token's prepositions among ``words`` ("from the ministry")."""
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ in words
            for o in p.children if o.dep_ == "pobj"]


def _coordinated_person(token: Token) -> bool:
    """A person the parser hung on the next one as a modifier: 'Zelensky' in 'Zelensky and
    U.S. President Joe Biden signed'."""
    return token.dep_ == "nmod" and token.ent_type_ == "PERSON" and token.head.ent_type_ == "PERSON" \
        and token.i < token.head.i and any(c.dep_ == "cc" for c in token.children)


def conjuncts(token: Token) -> list[Token]:
    out = []
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        current = stack.pop(0)
        out.append(current)
        stack.extend(c for c in current.children if c.dep_ == "conj")
    return out


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
