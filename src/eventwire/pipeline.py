"""The per-document work, the same for the inline, process-pool and distributed runners.

``process_articles`` takes Article records and returns, in order, one DocResult or Failure per
article. It holds no database handle: records go back to the single writer.
"""

from __future__ import annotations

import traceback
from datetime import date

from .errors import message
from .ingest.language import is_confidently_not_english
from typing import TYPE_CHECKING

from .records import Article, DocResult, Failure

if TYPE_CHECKING:
    from .extract import Extraction

DEFAULT_MAX_CHARS = 2_000_000  # about 300,000 words: far beyond any news article
PARSE_BATCH = 128  # documents (or pieces of long ones) parsed together
BATCH_CHARS = 400_000  # and at most this many characters in one parse batch


class DocumentProcessor:
    """The spaCy model and extraction tables, built once per process."""

    def __init__(self, model: str | None = None, max_chars: int = DEFAULT_MAX_CHARS,
                 check_language: bool = True, batch_size: int = PARSE_BATCH,
                 dictionaries: tuple[str, ...] = ()) -> None:
        from .extract import Extractor, load_tables
        from .extract.dictionaries import apply_dictionaries, load_dictionary

        from .nlp import load_model

        self.nlp = load_model(model)
        tables = load_tables()
        if dictionaries:
            user = [actor for path in dictionaries for actor in load_dictionary(path)]
            tables = apply_dictionaries(tables, user)
        self.extractor = Extractor(self.nlp, tables)
        # the words a title-case headline is put in lower case by (nlp/headlines.py): event
        # verbs (event nouns were tried too: more events, fewer right), person nouns, names kept
        single = [w for w in tables.verbs if " " not in w]
        self.headline_words = (frozenset(single),
                               frozenset(w for w in tables.sector_nouns if " " not in w),
                               frozenset(tables.surface))
        self.max_chars = max_chars
        self.check_language = check_language
        self.batch_size = batch_size
        if check_language:
            from .ingest.language import _identifier

            _identifier()  # load the language model with the rest, not inside the first batch

    def screen(self, article: Article) -> Failure | None:
        """Reasons not to code an article at all."""
        origin, number = _where(article)
        if not article.text.strip():
            return Failure(origin, number, "empty", message("empty"), article.id)
        if len(article.text) > self.max_chars:
            return Failure(origin, number, "too-large",
                           f"{message('too-large')} ({len(article.text):,} > {self.max_chars:,} chars)",
                           article.id)
        if self.check_language:
            foreign, lang = is_confidently_not_english(article.text)
            if foreign:
                return Failure(origin, number, "not-english", f"{message('not-english')} ({lang})",
                               article.id)
        return None

    def process(self, articles: list[Article]) -> list[DocResult | Failure]:
        from .nlp import split_text
        from .nlp.headlines import headline_case, restore_words

        results: list[DocResult | Failure | None] = [None] * len(articles)
        pieces: list[tuple[str, tuple[int, int]]] = []
        recased: dict[int, str] = {}  # article index -> its first piece as written
        for index, article in enumerate(articles):
            failure = self.screen(article)
            if failure is not None:
                results[index] = failure
                continue
            results[index] = DocResult(article=article, language="en", n_words=0)
            for offset, piece in split_text(article.text):
                cased = headline_case(piece, *self.headline_words) if offset == 0 else None
                if cased is not None:
                    recased[index] = piece
                pieces.append((cased or piece, (index, offset)))
        sentence_base: dict[int, int] = {}
        for doc, (index, offset) in self._parse(pieces):
            result = results[index]
            if not isinstance(result, DocResult):
                continue
            if offset == 0 and index in recased:
                doc = restore_words(doc, recased.pop(index))  # records quote the text as written
            article = result.article
            try:
                found = self._extract(doc, article, offset, sentence_base.get(index, 0))
            except Exception as exc:  # one bad document must not sink the batch
                origin, number = _where(article)
                results[index] = Failure(origin, number,
                                         "processing", f"{message('processing')} ({exc!r}: "
                                         f"{traceback.format_exc(limit=2).splitlines()[-1]})",
                                         article.id)
                continue
            result.events.extend(found.events)
            result.mentions.extend(found.mentions)
            result.quotes.extend(found.quotes)
            result.amounts.extend(found.amounts)
            result.places.extend(found.places)
            words, sentences = _counts(doc)
            result.n_words += words
            sentence_base[index] = sentence_base.get(index, 0) + sentences
        from .extract.events import drop_headline_repeats

        from .extract.tone import document_tone

        for result in results:
            if isinstance(result, DocResult) and result.events:
                result.events = drop_headline_repeats(result.events, result.article.text)
                kept = {event.event_id for event in result.events}
                for amount in result.amounts:  # an amount of a dropped repeat belongs to no event
                    if amount.event_id not in kept:
                        amount.event_id = None
            if isinstance(result, DocResult):
                tone = document_tone(result.article.text)
                result.tone = tone.tone if tone is not None else None
        return [r for r in results if r is not None]

    def _parse(self, pieces: list[tuple[str, tuple[int, int]]]):
        """Parse in groups of up to ``batch_size`` pieces and BATCH_CHARS characters.

        Large batches make spaCy faster on short news items; the character budget keeps the
        memory of a batch of long articles bounded.
        """
        group: list[tuple[str, tuple[int, int]]] = []
        chars = 0
        for piece in pieces:
            if group and (len(group) >= self.batch_size or chars + len(piece[0]) > BATCH_CHARS):
                yield from self.nlp.pipe(group, as_tuples=True, batch_size=len(group))
                group, chars = [], 0
            group.append(piece)
            chars += len(piece[0])
        if group:
            yield from self.nlp.pipe(group, as_tuples=True, batch_size=len(group))

    def _extract(self, doc, article: Article, offset: int,
                 sentence_base: int) -> Extraction:
        published = date.fromisoformat(article.published) if article.published else None
        return self.extractor.extract(doc, article.id, published, offset, sentence_base)


def _counts(doc) -> tuple[int, int]:
    """Words (tokens that are neither space nor punctuation) and sentences, from token arrays."""
    from spacy.attrs import IS_PUNCT, IS_SPACE, SENT_START

    if len(doc) == 0:
        return 0, 0
    flags = doc.to_array([IS_SPACE, IS_PUNCT, SENT_START])
    words = int(((flags[:, 0] == 0) & (flags[:, 1] == 0)).sum())
    starts = int((flags[:, 2] == 1).sum())
    return words, starts + (0 if flags[0, 2] == 1 else 1)


def _where(article: Article) -> tuple[str, int | None]:
    """(file, line) of an article's origin ("path:line" or "path")."""
    where, _, line = (article.origin or "").rpartition(":")
    return (where, int(line)) if line.isdigit() else (article.origin or "", None)


_PROCESSOR: DocumentProcessor | None = None
_SETTINGS: dict = {}


def init_worker(**settings) -> None:
    """Load the model once in this process (the pool initializer, or the Ray actor)."""
    global _PROCESSOR, _SETTINGS
    if _PROCESSOR is None or settings != _SETTINGS:
        _PROCESSOR = DocumentProcessor(**settings)
        _SETTINGS = settings


def process_articles(articles: list[Article], **settings) -> list[DocResult | Failure]:
    """The per-document function every runner maps over batches of articles."""
    if _PROCESSOR is None or (settings and settings != _SETTINGS):
        init_worker(**settings)
    return _PROCESSOR.process(articles)
