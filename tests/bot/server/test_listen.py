"""Defects 7, 16, 21, 22, 23: the webhook server's connection limits and request parsing.

A real uvicorn on a loopback port speaks to raw sockets, the way a slowloris client would.
"""

from __future__ import annotations

import io
import json
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pydantic import SecretBytes, SecretStr
from starlette.testclient import TestClient

from bot.cli.main import main
from bot.errors import ConfigError
from bot.server import logs
from bot.server.app import create_app
from bot.server.listen import bind, uvicorn_config
from bot.server.queue.backend import build_backend
from bot.server.settings import Settings, load_settings
from bot.server.signature import sign

SECRET = "listen-test-secret-0123456789"


def _pem() -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _app() -> Any:
    backend = build_backend("", Path(tempfile.mkdtemp(prefix="fixbot-listen-")))  # every event is ignored here
    return create_app(SECRET.encode(), lambda d: None, backend, 1024 * 1024, 1)


@contextmanager
def _serving(**limits: Any) -> Iterator[int]:
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    settings = Settings(app_id=1, private_key=SecretBytes(b"k"), webhook_secret=SecretStr(SECRET), port=port,
                        **limits)
    server = uvicorn.Server(uvicorn_config(_app(), settings))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _closed_by_server(conn: socket.socket, trickle: bytes = b"", within: float = 8.0) -> float | None:
    """Seconds until the server closed `conn` (sending `trickle` one byte every 0.2 s), or None."""
    start = time.monotonic()
    conn.settimeout(0.2)
    for i in range(int(within / 0.2)):
        try:
            if trickle:
                conn.send(trickle[i % len(trickle):][:1])
            if conn.recv(1024) == b"":
                return time.monotonic() - start
        except TimeoutError:
            continue
        except (BrokenPipeError, ConnectionResetError):
            return time.monotonic() - start
    return None


def test_slowloris_header_trickle_is_cut() -> None:
    with _serving(header_timeout=1.0) as port, socket.create_connection(("127.0.0.1", port)) as conn:
        conn.send(b"POST /webhook HTTP/1.1\r\nHost: x\r\n")
        took = _closed_by_server(conn, trickle=b"X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n")
        assert took is not None and took < 4


def test_idle_connections_are_closed() -> None:
    with _serving(header_timeout=1.0) as port:
        conns = [socket.create_connection(("127.0.0.1", port)) for _ in range(30)]
        try:
            times = [_closed_by_server(c, within=5.0) for c in conns]
        finally:
            for c in conns:
                c.close()
        assert all(t is not None for t in times)


def test_slow_body_is_cut() -> None:
    with _serving(body_timeout=1.0) as port, socket.create_connection(("127.0.0.1", port)) as conn:
        conn.send(b"POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{")
        took = _closed_by_server(conn, trickle=b" ")
        assert took is not None and took < 4


def test_oversized_request_head_is_refused() -> None:
    with _serving() as port, socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(b"POST /webhook HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 64 * 1024 + b"\r\n\r\n")
        conn.settimeout(5)
        assert conn.recv(1024).startswith(b"HTTP/1.1 4")


def test_client_disconnect_mid_body_is_one_json_log_line() -> None:
    stream = io.StringIO()
    handler = logs.configure(stream)
    try:
        with _serving() as port:
            with socket.create_connection(("127.0.0.1", port)) as conn:
                conn.sendall(b"POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"a\": ")
                time.sleep(0.3)
            time.sleep(0.5)
    finally:
        handler.close()
    lines = [ln for ln in stream.getvalue().splitlines() if ln.strip()]
    assert "Traceback" not in stream.getvalue()
    records = [json.loads(ln) for ln in lines]  # every line is one JSON object
    assert sum("client disconnected" in r["msg"] for r in records) == 1


def test_deeply_nested_signed_body_is_400_not_500() -> None:
    for body in (b"[" * 100_000 + b"]" * 100_000, b'{"n": ' + b"9" * 5000 + b"}", b"\xff\xfe"):
        with TestClient(_app()) as client:
            r = client.post("/webhook", content=body, headers={
                "x-hub-signature-256": sign(SECRET.encode(), body), "x-github-event": "push",
                "x-github-delivery": "d1"})
        assert r.status_code == 400


def test_port_in_use_is_exit_2_with_a_clear_message(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FIXBOT_WEBHOOK_SECRET", SECRET)
    monkeypatch.setenv("FIXBOT_PRIVATE_KEY", _pem().decode())
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--app-id", "1", "--port", str(port), "--work-dir", "/nonexistent/x"]) == 2
    err = capsys.readouterr().err
    assert f"127.0.0.1:{port}" in err and "already in use" in err and "Traceback" not in err


@pytest.mark.parametrize("secret", [" " * 32, "\t\n" * 16, "a" * 32])
def test_blank_or_trivial_webhook_secret_is_refused(secret: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="webhook_secret"):
        load_settings(env={"FIXBOT_WEBHOOK_SECRET": secret, "FIXBOT_PRIVATE_KEY": _pem().decode(),
                           "FIXBOT_APP_ID": "1"})
