"""``serve(settings, store)``: run the endpoint with uvicorn (what ``sco-kg serve`` calls)."""

from __future__ import annotations

import uvicorn

from ..store import OxigraphStore, StoreHome
from .app import create_app
from .settings import Settings


def serve(settings: Settings, store: OxigraphStore | StoreHome | None = None) -> None:
    """Serve ``store`` (default: the StoreHome at ``settings.store_path``) until interrupted."""
    app = create_app(settings, store if store is not None else StoreHome(settings.store_path))
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level="info",
        access_log=settings.access_log,
        # uvloop and httptools when installed (uvicorn[standard]): the hot path is I/O.
        loop="auto",
        http="auto",
        proxy_headers=False,
        server_header=False,
    )
