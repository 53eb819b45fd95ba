"""Content negotiation: a table of media types and ONE ``Accept`` parser.

A pyoxigraph format object already knows its media type and file extension; the tables
here only list which formats each kind of answer can take, in the order we prefer them,
plus the extra names clients send for them (``application/json``, ``text/xml``...).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

Format = ox.QueryResultsFormat | ox.RdfFormat


@dataclass(frozen=True)
class Offer:
    """One media type we can answer with, and the format that writes it."""

    media_type: str
    format: Format | None = None

    @property
    def content_type(self) -> str:
        text = self.media_type.startswith("text/") or self.media_type in _UTF8_TYPES
        return f"{self.media_type}; charset=utf-8" if text else self.media_type


_UTF8_TYPES = {
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "application/json",
    "application/ld+json",
    "application/rdf+xml",
    "application/xml",
    "application/n-triples",
    "application/n-quads",
    "application/trig",
}

R, F = ox.QueryResultsFormat, ox.RdfFormat


def bare(fmt: Format) -> str:
    """A format's media type without parameters (pyoxigraph gives CSV a charset).

    >>> bare(ox.QueryResultsFormat.CSV)
    'text/csv'
    """
    return fmt.media_type.split(";")[0].strip()


# SELECT results: the first entry is the default when the client accepts anything.
SOLUTIONS: tuple[Offer, ...] = (
    Offer(bare(R.JSON), R.JSON),
    Offer(bare(R.XML), R.XML),
    Offer(bare(R.CSV), R.CSV),
    Offer(bare(R.TSV), R.TSV),
    Offer("application/json", R.JSON),
    Offer("application/xml", R.XML),
    Offer("text/xml", R.XML),
)
# ASK results: CSV and TSV define no boolean form.
BOOLEAN: tuple[Offer, ...] = tuple(o for o in SOLUTIONS if o.format in (R.JSON, R.XML))
# CONSTRUCT and DESCRIBE results: triples.
TRIPLES: tuple[Offer, ...] = (
    Offer(bare(F.TURTLE), F.TURTLE),
    Offer(bare(F.N_TRIPLES), F.N_TRIPLES),
    Offer(bare(F.RDF_XML), F.RDF_XML),
    Offer(bare(F.JSON_LD), F.JSON_LD),
    Offer(bare(F.N_QUADS), F.N_QUADS),
    Offer(bare(F.TRIG), F.TRIG),
    Offer("application/x-turtle", F.TURTLE),
    Offer("text/plain", F.N_TRIPLES),
    Offer("application/json", F.JSON_LD),
    Offer("application/xml", F.RDF_XML),
    Offer("text/xml", F.RDF_XML),
)
# Whole-dataset downloads: quad formats first, as they keep the graph names.
DATASET: tuple[Offer, ...] = (
    Offer(bare(F.N_QUADS), F.N_QUADS),
    Offer(bare(F.TRIG), F.TRIG),
    Offer(bare(F.TURTLE), F.TURTLE),
    Offer(bare(F.N_TRIPLES), F.N_TRIPLES),
    Offer(bare(F.JSON_LD), F.JSON_LD),
    Offer(bare(F.RDF_XML), F.RDF_XML),
    Offer("application/json", F.JSON_LD),
)

# Short names for the ``format`` request parameter (handy in a browser's address bar).
SHORT_NAMES: dict[str, tuple[str, ...]] = {
    "json": (bare(R.JSON), bare(F.JSON_LD)),
    "xml": (bare(R.XML), bare(F.RDF_XML)),
    "csv": (bare(R.CSV),),
    "tsv": (bare(R.TSV),),
    "ttl": (bare(F.TURTLE),),
    "turtle": (bare(F.TURTLE),),
    "nt": (bare(F.N_TRIPLES),),
    "rdf": (bare(F.RDF_XML),),
    "jsonld": (bare(F.JSON_LD),),
    "nq": (bare(F.N_QUADS),),
    "trig": (bare(F.TRIG),),
}


@dataclass(frozen=True)
class Range:
    """One entry of an ``Accept`` header."""

    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> int:
        """0 if no match, else a specificity: 1 for */*, 2 for type/*, 3 for exact."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*":
            return 1
        if self.type != kind:
            return 0
        if self.subtype == "*":
            return 2
        return 3 if self.subtype == sub else 0


@lru_cache(maxsize=256)
def parse_accept(header: str) -> tuple[Range, ...]:
    """Parse an ``Accept`` header; malformed entries are skipped, as RFC 9110 allows.

    >>> [(r.type, r.subtype, r.q) for r in parse_accept("text/turtle;q=0.9, */*;q=0.1")]
    [('text', 'turtle', 0.9), ('*', '*', 0.1)]
    """
    ranges = []
    for part in header.split(","):
        media, *params = part.split(";")
        kind, slash, sub = media.strip().lower().partition("/")
        if not slash or not kind or not sub:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value.strip())))
                except ValueError:
                    q = 0.0
        ranges.append(Range(kind, sub, q))
    return tuple(ranges)


def choose(accept: str | None, offers: tuple[Offer, ...]) -> Offer | None:
    """The offer the client prefers most; ties go to our order; None if nothing is acceptable.

    >>> choose("text/csv;q=0.5, application/sparql-results+xml", SOLUTIONS).media_type
    'application/sparql-results+xml'
    >>> choose(None, TRIPLES).media_type
    'text/turtle'
    >>> choose("image/png", SOLUTIONS) is None
    True
    """
    if not accept or not accept.strip():
        return offers[0]
    ranges = parse_accept(accept)
    if not ranges:
        return offers[0]
    best: Offer | None = None
    best_q = 0.0
    for offer in offers:
        # The most specific range that matches decides this offer's quality.
        specificity, q = 0, 0.0
        for r in ranges:
            s = r.matches(offer.media_type)
            if s > specificity:
                specificity, q = s, r.q
        if q > best_q:
            best, best_q = offer, q
    return best


def by_name(name: str, offers: tuple[Offer, ...]) -> Offer | None:
    """The offer a ``format`` parameter names: a short name or a media type.

    >>> by_name("ttl", TRIPLES).media_type
    'text/turtle'
    """
    wanted = SHORT_NAMES.get(name.strip().lower(), (name.strip().lower(),))
    return next((o for o in offers if o.media_type in wanted), None)


def media_types(offers: tuple[Offer, ...]) -> list[str]:
    """The distinct canonical media types of some offers, for error messages and docs."""
    return list(dict.fromkeys(bare(o.format) for o in offers if o.format))
