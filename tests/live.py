"""A real uvicorn server in a thread on a free 127.0.0.1 port, and a raw HTTP client for it.

http.client rather than a client library, so the tests can send what clients normally refuse
to (bytes that are not UTF-8, any method) and see exactly what the server answers.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running(app) -> Iterator[str]:
    """Serve ``app`` until the block ends; yields the base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started:
        if time.time() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@contextlib.contextmanager
def serving(db_path) -> Iterator[str]:
    """The eventwire app over the store at ``db_path``, served until the block ends."""
    from eventwire.api import create_app

    app = create_app(str(db_path))
    try:
        with running(app) as base:
            yield base
    finally:
        app.state.store.close()


def request(base: str, path: str, method: str = "GET") -> tuple[int, dict[str, str], Any]:
    """(status, headers, parsed JSON or text) for ``path`` sent as is (str or raw bytes)."""
    host, port = base.removeprefix("http://").split(":")
    if isinstance(path, bytes):
        return _raw(host, int(port), method, path)
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        headers = {k.lower(): v for k, v in response.getheaders()}
    finally:
        connection.close()
    if headers.get("content-type", "").startswith("application/json"):
        return response.status, headers, json.loads(body)
    return response.status, headers, body.decode("utf-8", errors="replace")


def _raw(host: str, port: int, method: str, path: bytes) -> tuple[int, dict[str, str], Any]:
    """Send a request line with any bytes in it (http.client only sends ASCII)."""
    with socket.create_connection((host, port), timeout=30) as sock:
        sock.sendall(method.encode() + b" " + path + b" HTTP/1.1\r\nHost: test\r\n"
                     b"Connection: close\r\n\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    if headers.get("content-type", "").startswith("application/json"):
        return status, headers, json.loads(body)
    return status, headers, body.decode("utf-8", errors="replace")
