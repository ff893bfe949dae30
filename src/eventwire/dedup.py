"""Near-duplicate articles: MinHash over word shingles, found with LSH (datasketch).

The same wire story reaches a crawl through hundreds of outlets, each with light edits (a new
headline, a dropped paragraph, "said on Monday" for "said Monday"). Coding every copy would count
one event hundreds of times and cost a parse each. A copy whose estimated Jaccard similarity to
an earlier document is at least ``THRESHOLD`` is stored as a duplicate of that first copy: its
document row is kept (so a re-run skips it) but it is not coded; clusters count it as one more
mention of the first copy's events.

Signatures are persisted (``doc_minhash``) and the LSH index is rebuilt from the store at the
start of each run or load, so copies are caught across runs. The signature is computed where
the document is read (the local runner, or a Ray worker); the single writer decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128  # 128 permutations: about +-0.04 error on the Jaccard estimate
SHINGLE = 3  # word 3-grams: one edited word changes only three shingles
THRESHOLD = 0.8  # estimated Jaccard of shingle sets at or above this is a copy
# LSH bands tuned for a lower similarity: LSH misses some pairs just above its own threshold, so
# it proposes candidates from 0.5 up and the Jaccard estimate against THRESHOLD decides
CANDIDATE_THRESHOLD = 0.5
MIN_SHINGLES = 20  # shorter texts (a headline, a one-liner) are too short to call copies
SEED = 1  # fixed, so signatures from any process or run compare
SCHEME = "affine32"  # datasketch's default permutation scheme; its values are 32-bit

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The set of lower-cased word ``size``-grams of ``text`` (punctuation ignored)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash | None:
    """The MinHash of ``text``'s shingles, or None when the text is too short to compare."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch(list(grams))
    return minhash


_PERMUTATIONS: list = []


def _permutations():
    """The seed's permutations, drawn once per process (drawing them is most of a small
    document's signature cost)."""
    if not _PERMUTATIONS:
        _PERMUTATIONS.append(MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations)
    return _PERMUTATIONS[0]


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype("<u4").tobytes()


def from_bytes(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype="<u4").astype(np.uint32)
    return MinHash(num_perm=len(values), seed=SEED, hashvalues=values, scheme=SCHEME,
                   permutations=_permutations() if len(values) == NUM_PERM else None)


class DuplicateIndex:
    """An LSH index of the documents seen so far; answers "is this a copy, and of which?"."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=min(threshold, CANDIDATE_THRESHOLD), num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def original_of(self, minhash: MinHash | None,
                    doc_id: str | None = None) -> tuple[str, float] | None:
        """(doc_id, estimated Jaccard) of the most similar other document at the threshold.

        LSH returns candidates whose bands collide; the estimate against each decides, so a
        look-alike story that merely shares a band is not a copy. Ties go to the smaller id,
        so the answer does not depend on the order of the index.
        """
        if minhash is None or not self.signatures:
            return None
        found = []
        for candidate in self.lsh.query(minhash):
            if candidate == doc_id:
                continue
            similarity = float(minhash.jaccard(self.signatures[candidate]))
            if similarity >= self.threshold:
                found.append((-similarity, candidate))
        if not found:
            return None
        negative, original = min(found)
        return original, -negative

    def add(self, doc_id: str, minhash: MinHash | None) -> None:
        if minhash is None or doc_id in self.signatures:
            return
        self.lsh.insert(doc_id, minhash)
        self.signatures[doc_id] = minhash

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, bytes]],
                  threshold: float = THRESHOLD) -> DuplicateIndex:
        index = cls(threshold)
        for doc_id, blob in rows:
            index.add(doc_id, from_bytes(blob))
        return index
