"""The listening socket and uvicorn's connection limits for `fixbot serve`.

uvicorn alone never times out a client that sends its request slowly (one header byte every
few seconds keeps a connection forever), so connections speak `GuardedH11Protocol`: the
request headers must arrive within `header_timeout` of the connection (or of the first byte
of the next request on a kept-alive connection) and the body within `body_timeout` of the
headers; otherwise the connection is closed. Idle kept-alive connections close after
`keep_alive` seconds, at most `max_connections` are served at once (more get 503), and
h11 refuses request heads larger than `max_header_bytes`. The port is bound before uvicorn
starts, so "address in use" is a clear configuration error (exit 2).
"""

from __future__ import annotations

import asyncio
import errno
import socket
from typing import TYPE_CHECKING, Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from bot.errors import ConfigError

if TYPE_CHECKING:
    import uvicorn

    from bot.server.settings import Settings


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with deadlines for reading request headers and bodies."""

    header_timeout = 10.0
    body_timeout = 30.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._phase: object = None
        self._deadline: asyncio.TimerHandle | None = None
        super().connection_made(transport)
        self._rearm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._rearm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        super().connection_lost(exc)

    def _rearm(self) -> None:
        """Start the deadline of what the client is sending now (headers, body, nothing)."""
        state = self.conn.their_state
        phase = state if state in (h11.IDLE, h11.SEND_BODY) else None
        if phase is self._phase:
            return
        self._cancel()
        self._phase = phase
        if phase is not None:
            timeout = self.header_timeout if phase is h11.IDLE else self.body_timeout
            self._deadline = self.loop.call_later(timeout, self._expired)

    def _cancel(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        what = "headers" if self._phase is h11.IDLE else "body"
        self.logger.info("closing a connection that did not send its request %s in time", what)
        self.transport.close()


def protocol_for(settings: Settings) -> type[GuardedH11Protocol]:
    return type("ConfiguredH11Protocol", (GuardedH11Protocol,),
                {"header_timeout": settings.header_timeout, "body_timeout": settings.body_timeout})


def bind(host: str, port: int) -> socket.socket:
    """The listening socket; ConfigError (exit 2) when the address is taken or unusable."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        why = "is already in use" if exc.errno == errno.EADDRINUSE else f"cannot be used ({exc.strerror})"
        raise ConfigError(f"cannot listen on {host}:{port}: the address {why}",
                          hint="choose another --port or stop the process using it") from None
    sock.set_inheritable(True)
    return sock


def uvicorn_config(app: Any, settings: Settings, **extra: Any) -> uvicorn.Config:
    import uvicorn

    return uvicorn.Config(
        app, host=settings.host, port=settings.port, http=protocol_for(settings), log_config=None,
        log_level="warning", access_log=False, timeout_keep_alive=int(settings.keep_alive),
        limit_concurrency=settings.max_connections, h11_max_incomplete_event_size=settings.max_header_bytes,
        backlog=settings.max_connections * 2, **extra,
    )


def serve(app: Any, settings: Settings) -> None:
    """Bind (or fail with ConfigError), then serve until stopped."""
    import uvicorn

    sock = bind(settings.host, settings.port)
    try:
        uvicorn.Server(uvicorn_config(app, settings)).run(sockets=[sock])
    finally:
        sock.close()
