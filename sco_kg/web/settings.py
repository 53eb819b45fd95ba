"""What a running endpoint is configured with: one dataclass, no globals."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..namespaces import BASE
from ..paths import default_store


@dataclass
class Settings:
    """Endpoint settings; every field has a safe default for a public server.

    >>> Settings(update_token="s3cret", timeout=10).timeout
    10
    """

    store_path: Path = field(default_factory=default_store)
    host: str = "127.0.0.1"
    port: int = 8000
    # Updates need ``Authorization: Bearer <update_token>``; with None, no update is allowed.
    update_token: str | None = None
    # Seconds a query may run before its worker is killed; a request may ask for less.
    timeout: float = 30.0
    # Rows (SELECT) or triples (CONSTRUCT/DESCRIBE) returned at most; more is cut and flagged.
    max_results: int = 100_000
    # Largest request body accepted (413 beyond).
    max_body_bytes: int = 1_000_000
    # SERVICE endpoints queries may call, e.g. "https://query.wikidata.org/sparql".
    service_allowlist: tuple[str, ...] = ()
    base_iri: str = BASE
    # Where the site is reachable from outside, e.g. "https://sco-kg.example.org"; None means
    # "the URL the request came in on".
    public_url: str | None = None
    # Query worker processes; 0 means two per CPU, at least 4: more workers than cores let
    # short queries through while long ones run (the OS shares the CPU between them).
    workers: int = 0
    # One log line per request (uvicorn's access log); off by default, it costs on the hot path.
    access_log: bool = False
    # Stores up to this many quads are copied into each worker's memory (queries run several
    # times faster; costs memory and a reload after each update); larger ones are read on disk.
    worker_memory_quads: int = 2_000_000
    # After each answer a worker polls for the next request this long before sleeping:
    # back-to-back small queries skip a costly wake-up (CPU spent only when requests flow).
    worker_spin_ms: float = 1.0
    # Where worker snapshots of the store live; None means a fresh temporary directory.
    snapshot_dir: Path | None = None

    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else max(4, 2 * (os.cpu_count() or 2))
