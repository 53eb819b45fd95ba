"""Short format names, as users type them, mapped to pyoxigraph's format objects.

A pyoxigraph format already knows its media type and file extension; this table only adds
the names the CLI accepts (``ttl``, ``nq``, ``jsonld``...).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdf": ox.RdfFormat.RDF_XML,
}
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}


def rdf_format_for(path: Path) -> ox.RdfFormat:
    """The RDF format of a file, from its extension (``.ttl``, ``.nq``, ``.jsonld``...)."""
    ext = path.suffix.lstrip(".").lower()
    fmt = RDF_FORMATS.get(ext) or (ox.RdfFormat.from_extension(ext) if ext else None)
    if fmt is None:
        known = ", ".join(sorted({f".{f.file_extension}" for f in RDF_FORMATS.values()}))
        raise ValueError(f"{path}: unknown RDF file extension {path.suffix!r} (known: {known})")
    return fmt
