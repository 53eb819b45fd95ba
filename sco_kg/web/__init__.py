"""The web face of sco-kg: a SPARQL 1.1 Protocol endpoint, dumps and dataset descriptions.

``create_app(settings, store)`` builds the FastAPI app; ``serve(settings, store)`` runs it.
Imports are lazy so that query worker processes (``python -m sco_kg.web.worker``) start
with pyoxigraph alone.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Settings", "create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name == "Settings":
        from .settings import Settings

        return Settings
    if name == "create_app":
        from .app import create_app

        return create_app
    if name == "serve":
        from .server import serve

        return serve
    raise AttributeError(name)
