"""Title-case headlines, parsed as the sentences they are.

The small English model reads a title-case headline ("Bush, Lawmakers Discuss Social
Security") as a string of proper nouns: the verb is lost and with it the event. Before parsing,
the headline's event verbs, person nouns and function words are put in lower case ("Bush,
lawmakers discuss Social Security"); names stay as written. Only letters change case, so every
character offset holds; after parsing, the document gets its original words back with the
parse (``restore_words``), and every record quotes the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

# words a title-case headline capitalises that are no names
FUNCTION_WORDS = frozenset(
    "a an the and or but nor of to in on at for from by with over under after before into onto "
    "as about against amid among between during without within across despite near off out up "
    "down than via is are was were be been has have had will would can could may might must "
    "should shall not no new its his her their our says say said".split())
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
LONGEST_HEADLINE = 200  # characters; a longer first line is a paragraph, not a headline


def word_forms(word: str) -> Iterable[str]:
    """The word and the stems its inflections may come from: faults -> fault, urged -> urge."""
    yield word
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""),
                         ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            yield word[: len(word) - len(suffix)] + repl


def is_title_case(line: str) -> bool:
    """Whether a line capitalises (nearly) every word that is not a function word."""
    words = [w for w in WORD.findall(line) if w.lower() not in FUNCTION_WORDS and len(w) > 3]
    if len(words) < 2 or len(line) > LONGEST_HEADLINE:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= 0.8 * len(words) and not all(w.isupper() for w in words)


def headline_case(text: str, events: frozenset[str], titles: frozenset[str],
                  names: frozenset[str]) -> str | None:
    """``text`` with its title-case first line in sentence case, or None when it needs none.

    A capitalised word goes to lower case when it is a function word or, in any of its forms,
    one of ``events`` (the lexicon's event verbs) or ``titles`` (person nouns: "Leader",
    "Rebels"; not before a name: "President Bush"), and is not one of ``names`` (the
    gazetteer's surface forms: "Congress", "Hamas" stay). Length is unchanged.
    """
    end = text.find("\n")
    line = text if end < 0 else text[:end]
    if not is_title_case(line):
        return None
    words = list(WORD.finditer(line))
    lower: list[bool] = []
    for match in words:
        word = match.group()
        forms = list(word_forms(word.lower()))
        lower.append(word[0].isupper() and not word.isupper() and word not in names and (
            forms[0] in FUNCTION_WORDS or any(f in events for f in forms)
            or any(f in titles for f in forms)))
    for k in range(len(words) - 1, -1, -1):
        forms = list(word_forms(words[k].group().lower()))
        if lower[k] and not any(f in events for f in forms) and not forms[0] in FUNCTION_WORDS \
                and k + 1 < len(words) and words[k + 1].group()[0].isupper() and not lower[k + 1]:
            lower[k] = False  # "President Bush", "Prime Minister Allawi": part of a name
    if not any(lower):
        return None
    chars = list(text)
    for match, down in zip(words, lower):
        if down:
            chars[match.start():match.end()] = match.group().lower()
    return "".join(chars)


RESTORED = [TAG, POS, MORPH, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE]


def restore_words(doc: Doc, original: str) -> Doc:
    """The parse of ``doc`` on the words of ``original`` (the same text, cased differently)."""
    words = [original[t.idx:t.idx + len(t.text)] for t in doc]
    restored = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    restored.from_array(RESTORED, doc.to_array(RESTORED))
    return restored
