"""Linked data that people can read: pages for every IRI, search, and a SPARQL editor.

``pages_router()`` is what :func:`sco_kg.web.app.create_app` includes; see ``router.py``.
"""

from __future__ import annotations

from .router import pages_router

__all__ = ["pages_router"]
