"""The state one running endpoint shares between its routers (held in ``app.state``).

Nothing here is module-level: ``create_app`` makes one :class:`Endpoint` per app, so two
apps over two stores can run in one process (the tests do).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any

import pyoxigraph as ox
from starlette.requests import Request

from ..store import OxigraphStore
from .settings import Settings
from .worker import Snapshots, WorkerPool


@dataclass
class Endpoint:
    settings: Settings
    store: OxigraphStore
    snapshots: Snapshots
    pool: WorkerPool
    update_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    changed_at: float = field(default_factory=time.time)
    # Statistics of the current content, keyed by store version (see description.py).
    stats_cache: dict[str, Any] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return self.store.version

    @property
    def last_modified(self) -> str:
        return formatdate(self.changed_at, usegmt=True)

    async def published(self) -> None:
        """After a write: snapshot the store for the workers and mark the content changed."""
        await asyncio.to_thread(self.snapshots.take, self.store)
        self.changed_at = time.time()
        self.pool.prune()
        self.pool.warm()

    def has_graph(self, iri: str) -> bool:
        try:
            return self.store.raw.contains_named_graph(ox.NamedNode(iri))
        except ValueError:
            return False

    def public_url(self, request: Request) -> str:
        """Where clients reach us, without a trailing slash."""
        if self.settings.public_url:
            return self.settings.public_url.rstrip("/")
        return str(request.base_url).rstrip("/")


def endpoint_of(request: Request) -> Endpoint:
    return request.app.state.endpoint
