"""Outbound-request guard: find SERVICE, FROM, FROM NAMED and LOAD before evaluation.

pyoxigraph follows ``SERVICE <iri>`` and ``LOAD <iri>`` over HTTP by itself, so a public
endpoint must refuse them *before* the query reaches the engine. pyoxigraph gives no
algebra, and rdflib's parser costs milliseconds, so this module tokenizes the text with
the SPARQL grammar's own lexical rules: strings, comments, IRIs (with ``\\u`` escapes) and
prefixed names (with ``\\#``-style escapes) are single tokens, so a keyword can neither
hide inside one nor be invented from one. The tokens also give the query form, a
top-level ``LIMIT``, and the places where protocol ``using-graph-uri`` clauses go.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from .errors import Problem

_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_U = _BASE + "_"
_CHARS = _U + "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PREFIX = f"[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?"
_LOCAL = f"(?:[{_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"

_TOKEN = re.compile(
    "|".join(
        [
            r"(?P<ws>\s+)",
            r"(?P<comment>#[^\r\n]*)",
            rf"(?P<iri><(?:[^<>\"{{}}|^`\\\x00-\x20]|{_UCHAR})*>)",
            r'(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
            r'|"(?:[^"\\\r\n]|\\.)*"' r"|'(?:[^'\\\r\n]|\\.)*')",
            rf"(?P<bnode>_:[{_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?)",
            rf"(?P<var>[?$][{_U}0-9][{_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*)",
            r"(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)",
            rf"(?P<pname>(?:{_PREFIX})?:(?:{_LOCAL})?)",
            r"(?P<word>[A-Za-z_][A-Za-z0-9_]*)",
            r"(?P<int>[0-9]+)",
            r"(?P<other>[\s\S])",
        ]
    )
)

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    depth: int  # braces open around the token

    @property
    def keyword(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def tokens(text: str) -> list[Token]:
    """Split SPARQL text into tokens, dropping white space and comments.

    >>> [t.text for t in tokens('SELECT * { ?s <http://x#y> "}#" } # SERVICE <z>')]
    ['SELECT', '*', '{', '?s', '<http://x#y>', '"}#"', '}']
    """
    out: list[Token] = []
    depth = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind in ("ws", "comment"):
            continue
        value = m.group()
        if value == "}":
            depth -= 1
        out.append(Token(kind, value, m.start(), depth))
        if value == "{":
            depth += 1
    return out


def _unescape_iri(iri: str) -> str:
    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", lambda m: chr(int(m[1] or m[2], 16)), iri)


def _unescape_local(local: str) -> str:
    return re.sub(r"\\(.)", r"\1", local)


@dataclass
class Analysis:
    """What the guard learnt about a query or update."""

    form: str | None = None  # SELECT, CONSTRUCT, DESCRIBE or ASK (queries only)
    services: list[str] = field(default_factory=list)
    from_graphs: list[str] = field(default_factory=list)
    from_named: list[str] = field(default_factory=list)
    limit: int | None = None  # the top-level LIMIT, if any
    load: bool = False
    using_or_with: bool = False
    # Character offsets of each top-level WHERE of a DELETE/INSERT operation.
    modify_wheres: list[int] = field(default_factory=list)

    @property
    def has_dataset(self) -> bool:
        return bool(self.from_graphs or self.from_named)


class _Resolver:
    """Resolves IRIs and prefixed names as the query's PREFIX and BASE declare them."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.prefixes: dict[str, str] = {}

    def iri(self, token: Token) -> str | None:
        if token.kind == "iri":
            return urljoin(self.base, _unescape_iri(token.text[1:-1]))
        if token.kind == "pname":
            prefix, _, local = token.text.partition(":")
            if prefix in self.prefixes:
                return self.prefixes[prefix] + _unescape_local(local)
        return None


def analyse(text: str, base: str) -> Analysis:
    """Read the outbound vectors, form, LIMIT and dataset clauses of a query or update.

    >>> a = analyse("PREFIX wd: <http://www.wikidata.org/> SELECT * FROM wd:g { SERVICE wd:sparql {} }", "http://h/")
    >>> a.form, a.from_graphs, a.services
    ('SELECT', ['http://www.wikidata.org/g'], ['http://www.wikidata.org/sparql'])
    """
    toks = tokens(text)
    found = Analysis()
    names = _Resolver(base)
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        kw = t.keyword
        nxt = toks[i + 1] if i + 1 < n else None
        if kw == "PREFIX" and nxt is not None and nxt.kind == "pname" and i + 2 < n:
            resolved = names.iri(toks[i + 2]) if toks[i + 2].kind == "iri" else None
            if resolved is not None:
                names.prefixes[nxt.text[:-1]] = resolved
            i += 3
            continue
        if kw == "BASE" and nxt is not None and nxt.kind == "iri":
            names.base = names.iri(nxt) or names.base
            i += 2
            continue
        if kw == "SERVICE":
            j = i + 1
            if j < n and toks[j].keyword == "SILENT":
                j += 1
            target = toks[j] if j < n else None
            if target is None or target.kind == "var":
                raise Problem(
                    400,
                    "SERVICE with a variable endpoint is not allowed",
                    detail="This endpoint calls only the SERVICE endpoints it allow-lists, named by IRI.",
                )
            resolved = names.iri(target)
            if resolved is None:
                raise Problem(400, "Unknown SERVICE endpoint", detail=f"cannot resolve {target.text}")
            found.services.append(resolved)
        elif kw == "FROM" and t.depth == 0:
            j = i + 1
            named = j < n and toks[j].keyword == "NAMED"
            j += 1 if named else 0
            resolved = names.iri(toks[j]) if j < n else None
            if resolved is None:
                raise Problem(400, "Bad FROM clause", detail=f"FROM needs a graph IRI near offset {t.start}")
            (found.from_named if named else found.from_graphs).append(resolved)
        elif kw in QUERY_FORMS and t.depth == 0 and found.form is None:
            found.form = kw
        elif kw == "LIMIT" and t.depth == 0 and nxt is not None and nxt.kind == "int":
            found.limit = int(nxt.text)
        elif kw == "LOAD":
            found.load = True
        elif kw in ("USING", "WITH") and t.depth == 0:
            found.using_or_with = True
        elif kw == "WHERE" and t.depth == 0:
            previous = toks[i - 1].keyword if i else ""
            if previous != "DELETE":  # DELETE WHERE {...} takes no USING
                found.modify_wheres.append(t.start)
        i += 1
    return found


def check_outbound(
    found: Analysis,
    *,
    allowlist: Iterable[str],
    known_graph: Callable[[str], bool],
) -> None:
    """Refuse (400, naming the IRI) anything that would make the engine leave the store."""
    allowed = {a.strip() for a in allowlist}
    for service in found.services:
        if service not in allowed:
            raise Problem(
                400,
                "SERVICE endpoint not allowed",
                detail=f"<{service}> is not in this endpoint's SERVICE allow-list",
                iri=service,
            )
    for clause, graphs in (("FROM", found.from_graphs), ("FROM NAMED", found.from_named)):
        for graph in graphs:
            if not known_graph(graph):
                raise Problem(
                    400,
                    f"{clause} names a graph outside the store",
                    detail=f"<{graph}> is not a graph of this store; nothing is fetched from the web",
                    iri=graph,
                )
    if found.load:
        raise Problem(400, "LOAD is not allowed", detail="This endpoint never fetches documents from the web.")


def with_using(update: str, found: Analysis, using: list[str], using_named: list[str]) -> str:
    """Add protocol ``using-graph-uri``/``using-named-graph-uri`` as USING clauses.

    >>> with_using("INSERT { ?s a 1 } WHERE { ?s ?p ?o }", analyse("INSERT { ?s a 1 } WHERE { ?s ?p ?o }", "h:"), ["http://g"], [])
    'INSERT { ?s a 1 } USING <http://g> WHERE { ?s ?p ?o }'
    """
    if not (using or using_named):
        return update
    if found.using_or_with:
        raise Problem(
            400,
            "Dataset given twice",
            detail="using-graph-uri/using-named-graph-uri cannot be combined with USING or WITH in the update",
        )
    clause = "".join(f"USING <{g}> " for g in using) + "".join(f"USING NAMED <{g}> " for g in using_named)
    out, last = [], 0
    for at in found.modify_wheres:
        out += [update[last:at], clause]
        last = at
    out.append(update[last:])
    return "".join(out)


# Documents (JSON-LD, XML) that name other documents to fetch. The endpoint takes no RDF
# documents in, but a client that sends one is told exactly what would have been fetched.
_XML_ENTITY = re.compile(r"""<!ENTITY\s+%?\s*[\w.:-]+\s+(?:SYSTEM|PUBLIC\s+(?:"[^"]*"|'[^']*'))\s+("[^"]*"|'[^']*')""")
_XML_DOCTYPE = re.compile(r"""<!DOCTYPE\s+[\w.:-]+\s+(?:SYSTEM|PUBLIC\s+(?:"[^"]*"|'[^']*'))\s+("[^"]*"|'[^']*')""")


def _remote_contexts(node: object) -> Iterable[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                values = value if isinstance(value, list) else [value]
                for v in values:
                    if isinstance(v, str):
                        yield v
                    else:
                        yield from _remote_contexts(v)
            else:
                yield from _remote_contexts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _remote_contexts(item)


def check_document(body: bytes, media_type: str) -> None:
    """Refuse (400, naming the IRI) a JSON-LD remote context or an XML external entity.

    >>> check_document(b'{"@context": "http://example.org/ctx.jsonld"}', "application/ld+json")
    Traceback (most recent call last):
    ...
    sco_kg.web.errors.Problem: 400 Remote JSON-LD context refused: <http://example.org/ctx.jsonld> would be fetched; this endpoint fetches nothing
    """
    text = body.decode("utf-8", "replace")
    if "json" in media_type:
        try:
            import json

            doc = json.loads(text)
        except ValueError:
            return
        for iri in _remote_contexts(doc):
            raise Problem(
                400,
                "Remote JSON-LD context refused",
                detail=f"<{iri}> would be fetched; this endpoint fetches nothing",
                iri=iri,
            )
    elif "xml" in media_type:
        for pattern in (_XML_ENTITY, _XML_DOCTYPE):
            m = pattern.search(text)
            if m:
                iri = m.group(1)[1:-1]
                raise Problem(
                    400,
                    "XML external entity refused",
                    detail=f"<{iri}> would be fetched; this endpoint fetches nothing",
                    iri=iri,
                )
