"""The store: one small interface over the embedded pyoxigraph database.

Everything else reaches RDF storage through :class:`GraphStore` (add or replace an
article's graph, query, update, load, dump), so that a remote SPARQL server can stand in
for the embedded one later.

On disk a store is a *home* directory::

    DIR/active -> builds/20240704T101500-1a2b3c   (a symlink, swapped atomically)
    DIR/builds/<build-id>/                         (pyoxigraph/RocksDB databases)

A build writes a new database beside the active one and only then swaps the ``active``
link with one ``rename``: a crash or Ctrl-C mid-build leaves the previous database whole.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Protocol

import pyoxigraph as ox

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples

ACTIVE = "active"
BUILDS = "builds"


class StoreError(Exception):
    """A store that cannot be opened or written, with the path in the message."""


class GraphStore(Protocol):
    """What the rest of sco-kg needs from an RDF store."""

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None: ...

    def query(
        self,
        sparql: str,
        *,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryResult: ...

    def update(self, sparql: str, *, base_iri: str | None = None) -> None: ...

    def load(self, source: Path | IO[bytes], fmt: ox.RdfFormat, graph: str | None = None) -> None: ...

    def dump(self, out: IO[bytes], fmt: ox.RdfFormat) -> None: ...

    def __len__(self) -> int: ...

    @property
    def version(self) -> str: ...


class OxigraphStore:
    """A :class:`GraphStore` over a ``pyoxigraph.Store`` (on disk, or in memory for tests)."""

    def __init__(self, store: ox.Store, build_id: str = "memory", path: Path | None = None) -> None:
        self._store = store
        self._build_id = build_id
        self._changes = 0
        self.path = path  # the database directory; None in memory

    @classmethod
    def in_memory(cls) -> OxigraphStore:
        return cls(ox.Store(), build_id=f"memory-{uuid.uuid4().hex[:8]}")

    @property
    def raw(self) -> ox.Store:
        """The underlying pyoxigraph store, for callers that stream its results."""
        return self._store

    @property
    def version(self) -> str:
        """Changes whenever the content may have changed: build id plus a write counter."""
        return f"{self._build_id}.{self._changes}"

    def _changed(self) -> None:
        self._changes += 1

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Replace one named graph and keep the default graph the merge of all graphs.

        Oxigraph's "default graph as union" is a bag: a triple stated by three articles
        would come back three times and multiply through joins. So the store keeps its
        default graph as the deduplicated merge of the named graphs, and queries read it.
        """
        name = ox.NamedNode(graph)
        old = {_triple(q) for q in self._store.quads_for_pattern(None, None, None, name)}
        if self._store.contains_named_graph(name):
            self._store.remove_graph(name)
        self._store.add_graph(name)
        new = {_triple(q) for q in quads}
        self._store.extend(ox.Quad(s, p, o, name) for s, p, o in new)
        for s, p, o in old - new:
            if not any(q.graph_name != ox.DefaultGraph() for q in self._store.quads_for_pattern(s, p, o, None)):
                self._store.remove(ox.Quad(s, p, o, ox.DefaultGraph()))
        self._store.extend(ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in new - old)
        self._changed()

    def merge_default_graph(self) -> None:
        """Add every named graph's triples to the default graph (after a bulk load)."""
        self._store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        self._changed()

    def query(
        self,
        sparql: str,
        *,
        default_graph: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> QueryResult:
        """Run SPARQL; without ``default_graph`` the default graph is the merged view."""
        kwargs: dict = {}
        if default_graph is not None:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph]
        if named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        return self._store.query(sparql, **kwargs)

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        self._store.update(sparql, base_iri=base_iri)
        self._changed()

    def load(self, source: Path | IO[bytes], fmt: ox.RdfFormat, graph: str | None = None) -> None:
        """Bulk-load RDF: triples into ``graph`` (or the default graph), quads as they come.

        Named graphs loaded this way are merged into the default graph as well.
        """
        to_graph = ox.NamedNode(graph) if graph else None
        if isinstance(source, Path):
            self._store.bulk_load(path=str(source), format=fmt, to_graph=to_graph)
        else:
            self._store.bulk_load(source, format=fmt, to_graph=to_graph)
        if graph or fmt.supports_datasets:
            self.merge_default_graph()
        self._changed()

    def dump(self, out: IO[bytes], fmt: ox.RdfFormat) -> None:
        """Datasets whole; triple formats get the default graph, i.e. the merged view."""
        if fmt.supports_datasets:
            self._store.dump(out, format=fmt)
        else:
            self._store.dump(out, format=fmt, from_graph=ox.DefaultGraph())

    def __len__(self) -> int:
        return len(self._store)

    def flush(self) -> None:
        self._store.flush()


def _triple(q: ox.Quad | ox.Triple) -> tuple:
    return (q.subject, q.predicate, q.object)


class StoreHome:
    """A store directory holding builds and the ``active`` link to the current one."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def active(self) -> Path | None:
        link = self.path / ACTIVE
        return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None

    def exists(self) -> bool:
        return self.active is not None

    def open(self, *, read_only: bool = False) -> OxigraphStore:
        """Open the active database, creating an empty one when the home is new."""
        if self.active is None:
            if read_only:
                raise StoreError(f"no store at {self.path}: run 'sco-kg build' first")
            with self.new_build():
                pass  # binding the yielded store here would keep its lock past the build
        active = self.active
        assert active is not None
        try:
            raw = ox.Store.read_only(str(active)) if read_only else ox.Store(str(active))
        except OSError as exc:
            raise StoreError(f"cannot open store {active}: {exc}") from exc
        return OxigraphStore(raw, build_id=active.name, path=active)

    @contextmanager
    def new_build(self, *, copy_active: bool = False) -> Iterator[tuple[Path, OxigraphStore]]:
        """Yield a database to write; activate it only if the block finishes without error.

        The database is empty, or with ``copy_active`` a copy of the active one (RocksDB
        backups hard-link their files, so the copy is cheap).
        """
        builds = self.path / BUILDS
        try:
            builds.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create store directory {builds}: {exc}") from exc
        build_id = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
        target = builds / build_id
        active = self.active
        if copy_active and active is not None:
            source = ox.Store.read_only(str(active))
            source.backup(str(target))
            del source
        store = OxigraphStore(ox.Store(str(target)), build_id=build_id)
        try:
            yield target, store
            store.flush()
        except BaseException:
            del store
            shutil.rmtree(target, ignore_errors=True)
            raise
        del store
        self._activate(target)

    def _activate(self, target: Path) -> None:
        previous = self.active
        tmp = self.path / f".{ACTIVE}.{uuid.uuid4().hex[:6]}"
        os.symlink(Path(BUILDS) / target.name, tmp)
        os.replace(tmp, self.path / ACTIVE)  # atomic on POSIX
        self._prune(keep={target.name, previous.name if previous else ""})

    def _prune(self, keep: set[str]) -> None:
        # Keep the new build and the one before it (a running server may still read it);
        # anything else is an older build or the remains of an interrupted one.
        for child in (self.path / BUILDS).iterdir():
            if child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)
