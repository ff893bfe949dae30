"""Bytes to text, ids and dates: the small rules every reader shares."""

from __future__ import annotations

import email.utils
import hashlib
import re
from datetime import date, datetime

from ..errors import EventwireError, message


def is_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]


def decode_bytes(data: bytes, where: str) -> tuple[str, list[str]]:
    """Decode file contents; never drops a document for its encoding.

    UTF-8 (with or without BOM) is read as is. Anything else is decoded with the encoding
    charset-normalizer finds most likely, and the caller gets a warning to pass on.
    """
    if is_binary(data):
        # UTF-16 text has NUL bytes but a BOM; everything else with NULs is binary
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return data.decode("utf-16"), [message("decoded", encoding="utf-16")]
        raise EventwireError("binary", where)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1252 is by far the commonest non-UTF-8 encoding of English news
        return data.decode("cp1252"), [message("decoded", encoding="cp1252")]
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else "utf-8"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = "utf-8 (invalid bytes replaced)"
        text = data.decode("utf-8", errors="replace")
    return text, [message("decoded", encoding=encoding)]


def stable_id(url: str | None, text: str) -> str:
    """The id of a document that has none: a hash of its URL, else of its text."""
    if url and url.strip():
        return "u" + hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:16]
    return "t" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


_DATE_PREFIX = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def normalise_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from what feeds and exports write, or None if unreadable.

    Accepts ISO dates and datetimes, YYYYMMDD, and RFC 2822 dates (RSS).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    match = _DATE_PREFIX.match(text)
    if match:
        try:
            return date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            return None
    if re.fullmatch(r"\d{8}", text):
        try:
            return date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
        except ValueError:
            return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed else None
