"""Queries run in worker processes, off the event loop, and can really be stopped.

pyoxigraph cannot cancel a running query, and a thread cannot be killed; a process can.
The server keeps a small pool of workers (``python -m sco_kg.web.worker FD``), each
talking over its own socket pair. A worker opens a read-only *snapshot* of the store (a
RocksDB checkpoint, taken again after each update), evaluates one query at a time,
serialises the answer itself and sends the bytes back in one frame. When a query runs
past its deadline, the server kills that worker by its PID and starts a fresh one, so the
CPU the query was burning is freed at once.

Frames are ``!II`` (header length, body length), a JSON header, then the body.
"""

from __future__ import annotations

import asyncio
import json
import os
import select
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

_FRAME = struct.Struct("!II")
# Prefixes for Turtle and TriG answers, handed over by the server at start.
PREFIXES: dict[str, str] = json.loads(os.environ.get("SCO_KG_PREFIXES", "{}"))


class Aborted(Exception):
    """The serialiser was stopped because the result went past the size cap."""


# ---------------------------------------------------------------------------------------
# Inside the worker process


class _LineCounter:
    """A writer that keeps bytes and stops the serialiser after ``cap`` rows.

    TSV and N-Triples write one row (or triple) per line, so counting lines counts rows.
    """

    def __init__(self, cap: int, header_lines: int) -> None:
        self.parts: list[bytes] = []
        self.lines = 0
        self.limit = cap + header_lines

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.lines += data.count(b"\n")
        if self.lines > self.limit:
            raise Aborted
        return len(data)

    def flush(self) -> None:
        pass

    def rows(self) -> bytes:
        """The first ``limit`` lines written."""
        return b"\n".join(b"".join(self.parts).split(b"\n", self.limit)[: self.limit]) + b"\n"


def _results_format(media_type: str | None) -> ox.QueryResultsFormat | None:
    return ox.QueryResultsFormat.from_media_type(media_type) if media_type else None


def _capped_solutions(results: ox.QuerySolutions, fmt: ox.QueryResultsFormat, cap: int) -> tuple[bytes, bool]:
    """Serialise at most ``cap`` rows; say whether more were cut off.

    The rows go through TSV first (one line per row), so the cap is counted in Rust
    output rather than per row in Python; other formats are rewritten from that TSV.
    """
    counter = _LineCounter(cap, header_lines=1)
    truncated = False
    try:
        results.serialize(counter, ox.QueryResultsFormat.TSV)
    except Aborted:
        truncated = True
    tsv = counter.rows() if truncated else b"".join(counter.parts)
    if fmt == ox.QueryResultsFormat.TSV:
        return tsv, truncated
    parsed = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    return parsed.serialize(format=fmt) or b"", truncated


def _capped_triples(triples: ox.QueryTriples, fmt: ox.RdfFormat, cap: int, prefixes: dict[str, str]) -> tuple[bytes, bool]:
    counter = _LineCounter(cap, header_lines=0)
    truncated = False
    try:
        ox.serialize(triples, counter, ox.RdfFormat.N_TRIPLES)
    except Aborted:
        truncated = True
    nt = counter.rows() if truncated else b"".join(counter.parts)
    if fmt == ox.RdfFormat.N_TRIPLES:
        return nt, truncated
    parsed = ox.parse(nt, ox.RdfFormat.N_TRIPLES)
    kwargs = {"prefixes": prefixes} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
    return ox.serialize(parsed, format=fmt, **kwargs) or b"", truncated


def evaluate(store: ox.Store, req: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """Run one query request and serialise its answer (called inside a worker).

    ``req`` keys: q (text), base, dg/ng (protocol dataset or None),
    offers (media type per result kind: s, b, t, or None if none is acceptable), cap,
    limit_ok (the query's own LIMIT keeps it under the cap), service (it calls SERVICE).
    """
    kwargs: dict[str, Any] = {"base_iri": req.get("base")}
    if req.get("dg") is not None or req.get("ng") is not None:
        # A protocol dataset replaces the query's: empty lists mean empty graphs.
        kwargs["default_graph"] = [ox.NamedNode(g) for g in req.get("dg") or []]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in req.get("ng") or []]
    # Otherwise the query's FROM clauses, or the store's default graph: the deduplicated
    # merge of the article graphs, which the store maintains.
    try:
        result = store.query(req["q"], **kwargs)
        offers = req["offers"]
        cap = int(req["cap"])
        if isinstance(result, ox.QueryBoolean):
            kind = "b"
        elif isinstance(result, ox.QuerySolutions):
            kind = "s"
        else:
            kind = "t"
        media = offers.get(kind)
        if media is None:
            return {"status": 406, "kind": kind}, b""
        truncated = False
        if kind == "b":
            body = result.serialize(format=_results_format(media)) or b""
        elif kind == "s":
            fmt = _results_format(media)
            assert fmt is not None
            if req.get("limit_ok"):
                body = result.serialize(format=fmt) or b""
            else:
                body, truncated = _capped_solutions(result, fmt, cap)
        else:
            fmt = ox.RdfFormat.from_media_type(media)
            assert fmt is not None
            body, truncated = _capped_triples(result, fmt, cap, PREFIXES)
    except SyntaxError as exc:
        return {"status": 400, "title": "Query syntax error", "detail": str(exc)}, b""
    except (OSError, ValueError, RuntimeError) as exc:
        status = 502 if req.get("service") else 500
        title = "SERVICE call failed" if status == 502 else "Query failed"
        return {"status": status, "title": title, "detail": str(exc)}, b""
    return {"status": 200, "kind": kind, "media": media, "truncated": truncated}, body


def _recv_exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks, got = [], 0
    while got < size:
        chunk = sock.recv(min(size - got, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _send(sock: socket.socket, header: dict[str, Any], body: bytes) -> None:
    head = json.dumps(header).encode()
    prefix = _FRAME.pack(len(head), len(body)) + head
    if len(body) < 1 << 16:
        sock.sendall(prefix + body)  # one write, so the server wakes once
    else:
        sock.sendall(prefix)
        sock.sendall(body)


def open_snapshot(path: str, *, in_memory: bool) -> ox.Store:
    """Open a snapshot read-only, or copy it into memory (several times faster to query)."""
    on_disk = ox.Store.read_only(path)
    if not in_memory:
        return on_disk
    copy = ox.Store()
    copy.bulk_extend(on_disk.quads_for_pattern(None, None, None, None))
    return copy


def _await_request(sock: socket.socket, poller: select.poll, spin: float) -> None:
    """Poll for the next request for ``spin`` seconds before sleeping in ``recv``.

    Waking a sleeping process costs a tenth of a millisecond or more on a virtual machine,
    as much as a small query; when requests follow each other, a short busy wait after each
    answer catches the next one awake. Bounded, so an idle worker soon sleeps; and the
    server asks for it only while few workers are busy, so it never takes CPU from queries.
    """
    end = time.perf_counter() + spin
    while time.perf_counter() < end:
        if poller.poll(0):
            return


def worker_main(fd: int) -> None:
    """The worker loop: one request in, one answer out, until the socket closes."""
    sock = socket.socket(fileno=fd)
    store: ox.Store | None = None
    opened: str | None = None
    spin = float(os.environ.get("SCO_KG_WORKER_SPIN_MS", "0")) / 1000
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    _send(sock, {"ready": os.getpid()}, b"")
    req: dict[str, Any] = {}
    while True:
        if spin and req.get("spin"):
            _await_request(sock, poller, spin)
        prefix = _recv_exactly(sock, _FRAME.size)
        if prefix is None:
            return
        head_len, body_len = _FRAME.unpack(prefix)
        raw = _recv_exactly(sock, head_len + body_len)
        if raw is None:
            return
        req = json.loads(raw[:head_len])
        if req["snap"] != opened:
            store = None  # close the old snapshot before opening the new one
            store = open_snapshot(req["snap"], in_memory=bool(req.get("mem")))
            opened = req["snap"]
        assert store is not None
        header, body = evaluate(store, req)
        _send(sock, header, body)


# ---------------------------------------------------------------------------------------
# In the server process


WARM = {"q": "ASK {}", "offers": {"b": "application/sparql-results+json"}, "cap": 1}


class WorkerGone(Exception):
    """A worker died or was killed before answering."""


class PoolBusy(Exception):
    """No worker became free before the request's deadline."""


@dataclass
class _Worker:
    proc: subprocess.Popen
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    snapshot: str | None = None

    @property
    def pid(self) -> int:
        return self.proc.pid


class Snapshots:
    """Read-only copies of the store that workers open; one per content version.

    An on-disk store is checkpointed (RocksDB hard-links its files, so this takes
    milliseconds); a store that cannot be checkpointed but has a path is opened as is;
    an in-memory store is copied into a fresh on-disk one.
    """

    def __init__(self, directory: Path | None) -> None:
        self._owned = directory is None
        self.root = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="sco-kg-snapshots-"))
        self.root.mkdir(parents=True, exist_ok=True)
        self.current: str | None = None
        self.quads = 0  # size of the current snapshot
        self._taken: list[str] = []
        self._held: dict[str, int] = {}  # snapshots open in dump processes

    def take(self, store: Any) -> str:
        """Snapshot ``store`` (an OxigraphStore) and make it current; returns its path."""
        raw: ox.Store = store.raw
        self.quads = len(raw)
        target = self.root / uuid.uuid4().hex[:12]
        try:
            raw.backup(str(target))
        except (OSError, RuntimeError):  # in memory, or a read-only store
            shutil.rmtree(target, ignore_errors=True)
            path = getattr(store, "path", None)
            if path is not None:
                self.current = str(path)  # read-only on disk: nobody writes it, open it directly
                return self.current
            copy = ox.Store(str(target))
            copy.bulk_extend(raw.quads_for_pattern(None, None, None, None))
            copy.flush()
            del copy
        self.current = str(target)
        self._taken.append(self.current)
        return self.current

    def hold(self, path: str) -> None:
        self._held[path] = self._held.get(path, 0) + 1

    def release(self, path: str) -> None:
        self._held[path] -= 1
        if not self._held[path]:
            del self._held[path]

    def prune(self, in_use: set[str]) -> None:
        """Delete snapshots that are neither current nor open in a worker or a dump."""
        keep = in_use | {self.current} | set(self._held)
        for path in list(self._taken):
            if path not in keep:
                shutil.rmtree(path, ignore_errors=True)
                self._taken.remove(path)

    def close(self) -> None:
        for path in self._taken:
            shutil.rmtree(path, ignore_errors=True)
        self._taken.clear()
        if self._owned:
            shutil.rmtree(self.root, ignore_errors=True)


def worker_env(prefixes: dict[str, str], spin_ms: float = 0) -> dict[str, str]:
    """The environment of a worker or dump process: our package first, our prefixes."""
    env = dict(os.environ)
    env["SCO_KG_WORKER_SPIN_MS"] = str(spin_ms)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["SCO_KG_PREFIXES"] = json.dumps(prefixes)
    return env


class WorkerPool:
    """A fixed number of query workers; a request borrows one, a timeout kills it."""

    def __init__(
        self, size: int, snapshots: Snapshots, prefixes: dict[str, str], memory_quads: int = 0, spin_ms: float = 0
    ) -> None:
        self.size = size
        self.spin_ms = spin_ms
        self.spin_below = max(1, (os.cpu_count() or 2) // 2)
        self.prefixes = prefixes
        self.memory_quads = memory_quads
        self.snapshots = snapshots
        # Last in, first out: the worker that just answered is warm (caches, scheduler).
        self._idle: asyncio.LifoQueue[_Worker] = asyncio.LifoQueue()
        self._all: dict[int, _Worker] = {}
        self._spawning: set[asyncio.Task] = set()
        self.killed: list[int] = []  # PIDs of workers stopped for running out of time

    async def start(self) -> None:
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.size)))
        for w in workers:
            self._idle.put_nowait(w)

    def pids(self) -> list[int]:
        return sorted(self._all)

    async def _spawn(self) -> _Worker:
        parent, child = socket.socketpair()
        env = worker_env(self.prefixes, self.spin_ms)
        proc = await asyncio.to_thread(
            subprocess.Popen,
            [sys.executable, "-m", "sco_kg.web.worker", str(child.fileno())],
            pass_fds=[child.fileno()],
            env=env,
            stdin=subprocess.DEVNULL,
        )
        child.close()
        reader, writer = await asyncio.open_unix_connection(sock=parent)
        worker = _Worker(proc, reader, writer)
        await self._read(worker)  # the "ready" frame
        # Open (or copy into memory) the current snapshot before taking any request.
        head = json.dumps(self._job(dict(WARM))).encode()
        worker.writer.write(_FRAME.pack(len(head), 0) + head)
        worker.snapshot = self.snapshots.current
        await self._read(worker)
        self._all[worker.pid] = worker
        return worker

    def _job(self, request: dict[str, Any]) -> dict[str, Any]:
        request["snap"] = self.snapshots.current
        request["mem"] = self.snapshots.quads <= self.memory_quads
        return request

    def warm(self) -> None:
        """After an update: have idle workers open the new snapshot now, not on a request."""
        for _ in range(self._idle.qsize()):
            task = asyncio.get_running_loop().create_task(self.run(dict(WARM), 600))
            self._spawning.add(task)
            task.add_done_callback(self._spawning.discard)

    @staticmethod
    async def _read(worker: _Worker) -> tuple[dict[str, Any], bytes]:
        prefix = await worker.reader.readexactly(_FRAME.size)
        head_len, body_len = _FRAME.unpack(prefix)
        raw = await worker.reader.readexactly(head_len + body_len)
        return json.loads(raw[:head_len]), raw[head_len:]

    async def run(self, request: dict[str, Any], timeout: float) -> tuple[dict[str, Any], bytes]:
        """Evaluate ``request`` on a free worker within ``timeout`` seconds, or raise."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            # wait_for costs a task; most of the time a worker is free already.
            worker = self._idle.get_nowait() if not self._idle.empty() else await asyncio.wait_for(self._idle.get(), timeout)
        except TimeoutError:
            raise PoolBusy from None
        self._job(request)
        # Busy-wait for the next request afterwards only while the CPUs are not all taken.
        request["spin"] = self.size - self._idle.qsize() <= self.spin_below
        try:
            head = json.dumps(request).encode()
            worker.writer.write(_FRAME.pack(len(head), 0) + head)
            worker.snapshot = request["snap"]
            async with asyncio.timeout_at(deadline):
                answer = await self._read(worker)
        except TimeoutError:
            self._replace(worker, timed_out=True)
            raise
        except asyncio.CancelledError:
            self._replace(worker, timed_out=True)
            raise
        except (asyncio.IncompleteReadError, ConnectionError) as exc:
            self._replace(worker, timed_out=False)
            raise WorkerGone(str(exc)) from exc
        self._idle.put_nowait(worker)
        return answer

    def _replace(self, worker: _Worker, *, timed_out: bool) -> None:
        """Kill ``worker`` (by its own PID) and start another in its place."""
        self._all.pop(worker.pid, None)
        if worker.proc.poll() is None:
            worker.proc.kill()
        if timed_out:
            self.killed.append(worker.pid)
        worker.writer.close()
        task = asyncio.get_running_loop().create_task(self._respawn(worker))
        self._spawning.add(task)
        task.add_done_callback(self._spawning.discard)

    async def _respawn(self, dead: _Worker) -> None:
        await asyncio.to_thread(dead.proc.wait)
        fresh = await self._spawn()
        self._idle.put_nowait(fresh)
        self.prune()

    def prune(self) -> None:
        self.snapshots.prune({w.snapshot for w in self._all.values() if w.snapshot})

    async def stop(self) -> None:
        for task in list(self._spawning):
            task.cancel()
        for worker in list(self._all.values()):
            worker.writer.close()
            if worker.proc.poll() is None:
                worker.proc.kill()
            await asyncio.to_thread(worker.proc.wait)
        self._all.clear()


def dump_main(snapshot: str, media_type: str, compress: bool) -> None:
    """Write the whole store to stdout (a dump process: started per download, killable)."""
    import gzip

    store = ox.Store.read_only(snapshot)
    fmt = ox.RdfFormat.from_media_type(media_type)
    assert fmt is not None
    out = sys.stdout.buffer
    sink = gzip.GzipFile(fileobj=out, mode="wb", compresslevel=6, mtime=0) if compress else out
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    if fmt.supports_datasets:
        store.dump(sink, fmt, prefixes=prefixes)
    else:
        # Triple formats get the default graph: the merged view that queries see.
        store.dump(sink, fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    if compress:
        sink.close()
    out.flush()


if __name__ == "__main__":
    if sys.argv[1] == "--dump":
        dump_main(sys.argv[2], sys.argv[3], sys.argv[4] == "gzip")
    else:
        worker_main(int(sys.argv[1]))
