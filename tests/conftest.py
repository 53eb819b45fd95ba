"""Shared fixtures. Endpoint fixtures are prefixed ``endpoint_``."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# ---------------------------------------------------------------------------------------
# Endpoint: the real app under uvicorn on 127.0.0.1, an OS-picked port, in a thread.


@dataclass
class EndpointServer:
    """A running endpoint: its URL, the app (for its worker pool) and its store."""

    url: str
    app: object
    store: object
    _server: object = field(repr=False, default=None)
    _thread: threading.Thread | None = field(repr=False, default=None)

    @property
    def endpoint(self):  # noqa: ANN201 - sco_kg.web.context.Endpoint
        return self.app.state.endpoint

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=30)


def endpoint_run(settings, store) -> EndpointServer:  # noqa: ANN001
    import uvicorn

    from sco_kg.web.app import create_app

    app = create_app(settings, store)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="endpoint-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the endpoint did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    return EndpointServer(f"http://127.0.0.1:{port}", app, app.state.endpoint.store, server, thread)


@contextmanager
def _endpoint_starter(directory: Path) -> Iterator[Callable[..., EndpointServer]]:
    import pyoxigraph as ox

    from sco_kg.store import OxigraphStore, StoreHome
    from sco_kg.web.settings import Settings

    started: list[EndpointServer] = []

    def start(store: OxigraphStore | None = None, quads=(), **options) -> EndpointServer:  # noqa: ANN001
        if store is None:
            store = StoreHome(directory / f"store{len(started)}").open()
        by_graph: dict = {}
        for quad in quads:
            by_graph.setdefault(quad.graph_name, []).append(quad)
        for graph, graph_quads in by_graph.items():
            if graph == ox.DefaultGraph():
                store.raw.extend(graph_quads)
            else:  # through the store, which keeps the default graph as the merge
                store.replace_graph(graph.value, graph_quads)
        options.setdefault("workers", 2)
        server = endpoint_run(Settings(store_path=directory, **options), store)
        started.append(server)
        return server

    try:
        yield start
    finally:
        for server in started:
            server.stop()


@pytest.fixture
def endpoint_start(tmp_path: Path) -> Iterator[Callable[..., EndpointServer]]:
    """Start endpoints (on-disk store in tmp_path unless given); all stop at teardown.

    ``endpoint_start(quads=[...], update_token="t", timeout=2)`` -> EndpointServer
    """
    with _endpoint_starter(tmp_path) as start:
        yield start


@pytest.fixture(scope="module")
def endpoint_start_module(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., EndpointServer]]:
    """Like ``endpoint_start``, for one server shared by a module's tests."""
    with _endpoint_starter(tmp_path_factory.mktemp("endpoint")) as start:
        yield start


@dataclass
class EndpointListener:
    """A loopback TCP listener that records every connection (an outbound-request trap)."""

    url: str
    connections: list[bytes]


@pytest.fixture
def endpoint_listener() -> Iterator[EndpointListener]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.1)
    got: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            conn.settimeout(2)
            try:
                data = conn.recv(65536)
            except OSError:
                data = b""
            got.append(data)
            # Answer like a SPARQL endpoint with no results, so an allowed call completes.
            body = b'{"head":{"vars":[]},"results":{"bindings":[{}]}}'
            conn.sendall(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/sparql-results+json\r\n"
                + f"content-length: {len(body)}\r\nconnection: close\r\n\r\n".encode()
                + body
            )
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    host, port = sock.getsockname()
    yield EndpointListener(f"http://{host}:{port}/sparql", got)
    stop.set()
    thread.join(timeout=5)
    sock.close()
