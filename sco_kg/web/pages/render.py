"""HTML from templates, with everything from articles and the graph escaped.

Templates autoescape; the only markup made in Python is built here and in ``pictures.py``
from escaped pieces (``markupsafe.escape`` on every piece of text), so an article that
contains ``<script>`` shows it as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .links import Links

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of text: ``text[start:end]``, with what it is evidence for."""

    start: int
    end: int
    title: str = ""
    href: str | None = None

    @property
    def anchor(self) -> str:
        return f"ev-{self.start}-{self.end}"


def highlight(text: str, spans: Iterable[Span], *, offset: int = 0) -> Markup:
    """``text`` escaped, with each span wrapped in ``<mark>``.

    ``offset`` is where ``text`` starts in the article (spans use article offsets), so a
    paragraph can be shown alone. Overlapping spans are cut at every boundary; a piece
    covered by several spans gets one ``<mark>`` whose title names them all, and the first
    piece of each span carries its anchor (``id="ev-START-END"``).

    >>> str(highlight("a <b> c", [Span(2, 5, "x")]))
    'a <mark id="ev-2-5" title="x">&lt;b&gt;</mark> c'
    """
    end_of_text = offset + len(text)
    inside = sorted(
        {Span(max(s.start, offset), min(s.end, end_of_text), s.title, s.href) for s in spans
         if s.start < end_of_text and s.end > offset and s.start < s.end},
        key=lambda s: (s.start, s.end, s.title),  # the shortest span carries the mark's own id
    )
    cuts = sorted({offset, end_of_text, *(s.start for s in inside), *(s.end for s in inside)})
    out: list[str] = []
    anchored: set[str] = set()
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a - offset:b - offset])
        covering = [s for s in inside if s.start <= a and b <= s.end]
        if not covering:
            out.append(piece)
            continue
        # Several facts may rest on one sentence: one anchor per distinct span.
        ids = list(dict.fromkeys(s.anchor for s in covering if s.start == a and s.anchor not in anchored))
        anchored.update(ids)
        # An element has one id: extra spans starting here get empty anchors before it.
        extra = "".join(f'<span id="{escape(i)}"></span>' for i in ids[1:])
        id_attr = f' id="{escape(ids[0])}"' if ids else ""
        titles = "; ".join(dict.fromkeys(s.title for s in covering if s.title))
        title_attr = f' title="{escape(titles)}"' if titles else ""
        out.append(f"{extra}<mark{id_attr}{title_attr}>{piece}</mark>")
    return Markup("".join(out))


def paragraph_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the paragraph (blank-line separated) that holds ``text[start:end]``.

    >>> paragraph_around("one.\\n\\ntwo three.\\n\\nfour.", 7, 10)
    (6, 16)
    """
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", end)
    a = 0 if left < 0 else left + 2
    b = len(text) if right < 0 else right
    while a < start and text[a].isspace():
        a += 1
    return a, b


def environment(links: Links) -> Environment:
    """The Jinja environment for the pages: autoescape on, strict about undefined names."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(enabled_extensions=("html", "svg"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["href"] = links.path
    env.filters["short"] = short_iri
    env.globals["links"] = links
    return env


def short_iri(iri: str) -> str:
    """A compact form of an IRI for display: ``sco:Meeting``, ``wd:Q15031``, else the IRI."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


PREFIXES: dict[str, str] = {
    "sco": "https://w3id.org/sco-kg/ontology#",
    "scosh": "https://w3id.org/sco-kg/shapes#",
    "id": "https://w3id.org/sco-kg/id/",
    "wd": "http://www.wikidata.org/entity/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "sh": "http://www.w3.org/ns/shacl#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "time": "http://www.w3.org/2006/time#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "vann": "http://purl.org/vocab/vann/",
}


def render(env: Environment, template: str, **context: Any) -> str:
    return env.get_template(template).render(**context)


def join_labels(labels: Sequence[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"``."""
    if len(labels) < 2:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]
