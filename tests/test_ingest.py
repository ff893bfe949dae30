"""Readers: every format lands or is reported with file, line and reason."""

from __future__ import annotations

import gzip
import json

from eventwire.ingest import normalise_date, read_inputs, stable_id
from eventwire.records import Article, Failure


def _read(*paths):
    items = list(read_inputs([str(p) for p in paths]))
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Failure)])


def test_text_file_with_header_lines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title: Talks in Ankara\nDate: 2024-03-05\nURL: https://example.org/a\n"
                    "Source: Wire\n\nTurkey hosted talks.\nSecond line.\n", encoding="utf-8")
    (article,), failures = _read(path)
    assert failures == []
    assert article.title == "Talks in Ankara"
    assert article.published == "2024-03-05"
    assert article.url == "https://example.org/a"
    assert article.source == "Wire"
    assert article.text == "Turkey hosted talks.\nSecond line.\n"
    assert article.id == stable_id("https://example.org/a", article.text)


def test_text_file_without_headers_keeps_text_whole(tmp_path):
    path = tmp_path / "b.md"
    path.write_text("Note: this is no header line.\nRussia attacked.", encoding="utf-8")
    (article,), _ = _read(path)
    assert article.text == "Note: this is no header line.\nRussia attacked."
    assert article.id.startswith("t")


def test_jsonl_keeps_id_text_and_reports_bad_lines(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "d1", "text": "  Exact text\u00a0kept. ", "published": "2024-11-05",
                    "extra": {"k": 1}}),
        "{not json",
        "",
        json.dumps({"id": 7, "text": "Numeric id.", "date": "2024-11-06T10:00:00Z"}),
        json.dumps({"id": "d3", "text": ""}),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, failures = _read(path)
    assert [a.id for a in articles] == ["d1", "7"]
    assert articles[0].text == "  Exact text\u00a0kept. "
    assert articles[0].metadata == {"extra": {"k": 1}}
    assert articles[1].published == "2024-11-06"
    assert [(f.line, f.reason) for f in failures] == [(2, "bad-json"), (5, "bad-record"), (6, "bad-record")]
    assert all(f.origin == str(path) for f in failures)


def test_json_array_and_gzip(tmp_path):
    path = tmp_path / "arr.json.gz"
    path.write_bytes(gzip.compress(json.dumps([{"id": "x", "text": "One."}, {"id": "y", "text": "Two."}]).encode()))
    articles, failures = _read(path)
    assert [a.id for a in articles] == ["x", "y"] and failures == []


def test_csv_reports_malformed_rows(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('id,text,title,published\n'
                    'c1,"Kyiv rejected the plan, officials said.",T,2024-01-02\n'
                    'c2,only two fields\n'
                    'c3,"Fine again.",,\n', encoding="utf-8")
    articles, failures = _read(path)
    assert [a.id for a in articles] == ["c1", "c3"]
    assert articles[0].text == "Kyiv rejected the plan, officials said."
    assert [(f.line, f.reason) for f in failures] == [(3, "bad-csv")]


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    articles, failures = _read(path)
    assert articles == [] and failures[0].reason == "bad-csv"


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    body = " ".join(["The government of Turkey offered to mediate between Russia and Ukraine."] * 6)
    path.write_text(f"""<html><head><title>Mediation offer</title>
<meta property="article:published_time" content="2024-06-01"></head>
<body><nav>Home | World | Sport</nav><article><h1>Mediation offer</h1><p>{body}</p>
<p>Officials in Ankara said talks could start soon in Istanbul, with both sides invited.</p></article>
<footer>Copyright</footer></body></html>""", encoding="utf-8")
    (article,), failures = _read(path)
    assert failures == []
    assert "offered to mediate" in article.text and "Copyright" not in article.text
    assert article.published == "2024-06-01"


def _warc_record(url: str, html: str) -> bytes:
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}").encode()
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2024-06-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url))}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"


def test_warc_gz_html_responses(tmp_path):
    body = "<p>" + " ".join(["Police in Tbilisi detained dozens of protesters on Sunday night."] * 5) + "</p>"
    html = f"<html><head><title>Arrests</title></head><body><article>{body}</article></body></html>"
    raw = _warc_record("https://example.org/1", html) + _warc_record("https://example.org/2", html.replace("Sunday", "Monday"))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(raw))
    articles, failures = _read(path)
    assert [a.url for a in articles] == ["https://example.org/1", "https://example.org/2"]
    assert "detained dozens of protesters" in articles[0].text
    assert articles[0].id == stable_id("https://example.org/1", "")
    assert failures == []


def test_rss_and_atom(tmp_path):
    rss = tmp_path / "feed.rss"
    rss.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><guid>item-1</guid><title>Sanctions</title><link>https://example.org/s</link>
<pubDate>Tue, 05 Nov 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The EU imposed sanctions on Russia.&lt;/p&gt;</description></item>
</channel></rss>""", encoding="utf-8")
    atom = tmp_path / "feed.atom"
    atom.write_text("""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom wire</title><entry><id>urn:a1</id><title>Talks</title><link href="https://example.org/t"/>
<updated>2024-11-06T00:00:00Z</updated><summary>Turkey hosted talks.</summary></entry></feed>""", encoding="utf-8")
    articles, failures = _read(rss, atom)
    assert failures == []
    assert [(a.id, a.published, a.text) for a in articles] == [
        ("item-1", "2024-11-05", "The EU imposed sanctions on Russia."),
        ("urn:a1", "2024-11-06", "Turkey hosted talks."),
    ]


def test_bad_files_are_reported_not_raised(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("   \n\n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "broken.rss").write_text("<rss><channel><title>x</title></channel></rss>")
    articles, failures = _read(tmp_path, tmp_path / "missing.txt")
    assert articles == []
    reasons = {(f.origin.rsplit("/", 1)[-1], f.reason) for f in failures}
    assert reasons == {("empty.txt", "empty"), ("blank.txt", "empty"), ("binary.txt", "binary"),
                       ("notes.docx", "unsupported"), ("broken.rss", "bad-feed"),
                       ("missing.txt", "missing-input")}
    assert all(f.detail for f in failures)


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le président français a rencontré le chancelier à Berlin; "
                     "Paris and Berlin agreed.".encode("cp1252"))
    (article,), failures = _read(path)
    assert failures == []
    assert "président" in article.text
    assert article.warnings and "not valid UTF-8" in article.warnings[0]


def test_directories_and_globs_are_expanded_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B text.")
    (tmp_path / "a.txt").write_text("A text.")
    (tmp_path / ".hidden.txt").write_text("hidden")
    articles, _ = _read(tmp_path)
    assert [a.text for a in articles] == ["A text.", "B text."]
    articles, _ = _read(tmp_path / "**" / "*.txt")
    assert sorted(a.text for a in articles) == ["A text.", "B text."]


def test_dates():
    assert normalise_date("2024-11-05") == "2024-11-05"
    assert normalise_date("2024-11-05T23:10:00+02:00") == "2024-11-05"
    assert normalise_date("20241105") == "2024-11-05"
    assert normalise_date("Tue, 05 Nov 2024 10:00:00 GMT") == "2024-11-05"
    assert normalise_date("2024-13-45") is None
    assert normalise_date("yesterday-ish") is None
    assert normalise_date("") is None


def test_stable_ids():
    assert stable_id("https://x.org/a", "t") == stable_id(" https://x.org/a ", "other")
    assert stable_id(None, "same text") == stable_id("", "same text")
    assert stable_id(None, "a") != stable_id(None, "b")
