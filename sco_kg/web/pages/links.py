"""Where each IRI of ours is served: the mapping between IRIs and server paths.

The public IRIs live under a base (``https://w3id.org/sco-kg/`` by default) that w3id
redirects to the server; the server itself answers on paths relative to its root, so pages
link with server-relative paths and the local server is navigable on its own::

    https://w3id.org/sco-kg/id/person/xi-jinping   <->  /id/person/xi-jinping
    https://w3id.org/sco-kg/ontology#Meeting       <->  /ontology#Meeting
    http://www.wikidata.org/entity/Q15031           ->  itself (not ours)
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from ...namespaces import BASE

# The first path segment of every IRI we mint; anything else under the base is not ours.
OUR_ROOTS = ("id", "ontology", "shapes", "graph")


@dataclass(frozen=True)
class Links:
    """IRI <-> path for one base IRI."""

    base: str = BASE

    def is_ours(self, iri: str) -> bool:
        if not iri.startswith(self.base):
            return False
        rest = iri[len(self.base):]
        head = rest.split("/", 1)[0].split("#", 1)[0]
        return head in OUR_ROOTS

    def path(self, iri: str) -> str:
        """The server-relative path that serves ``iri``, or ``iri`` itself when not ours."""
        if not self.is_ours(iri):
            return iri
        rest = iri[len(self.base):]
        # Keep '/', '#', the characters slugs use and the IRI's own percent-escapes (an
        # article id with a space is ".../my%20article"); percent-encode anything else.
        return "/" + quote(rest, safe="/#%-._~:@!$&'()*+,;=")

    def iri(self, raw_path: str) -> str:
        """The IRI a raw request path (percent-escapes kept) stands for:
        ``/id/person/x`` -> ``{base}id/person/x``."""
        return self.base + raw_path.lstrip("/")
