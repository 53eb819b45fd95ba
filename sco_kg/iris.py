"""Minting IRIs for our data: stable, because derived from content, never from build order.

Data IRIs are ``https://w3id.org/sco-kg/id/{type}/{key}`` (see docs/iris.md):

- an entity with a verified Wikidata QID is keyed by the QID (``/id/person/Q15031``), any
  other by the slug of its label (``/id/person/sadyr-japarov``), so the same entity named
  in two articles gets one IRI;
- a meeting is keyed by a hash of its sides, date and kind group, so one real meeting
  reported by two articles is one node;
- evidence is keyed by a hash of the article id and the offsets.

>>> slug("Recep Tayyip Erdoğan")
'recep-tayyip-erdogan'
>>> slug("Xi’an")
'xian'
>>> str(entity_iri("country", "Türkiye", None))
'https://w3id.org/sco-kg/id/country/turkiye'
>>> str(entity_iri("person", "Xi Jinping", "Q15031"))
'https://w3id.org/sco-kg/id/person/Q15031'
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import URIRef

from .gazetteer import fold
from .namespaces import DATA, GRAPH

MAX_SLUG = 80
QID = re.compile(r"^Q[1-9][0-9]*$")

# Meeting kinds that count as the same meeting when two articles disagree on the word:
# "talks" and "bilateral" and "state visit" describe one two-sided encounter.
KIND_GROUPS = {
    "bilateral": "in-person",
    "talks": "in-person",
    "state visit": "in-person",
    "trilateral": "trilateral",
    "multilateral": "multilateral",
    "phone call": "remote",
    "video call": "remote",
}


def digest(*parts: str, size: int = 16) -> str:
    """A short hex hash of ``parts`` (joined with a separator that cannot occur in text keys)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def slug(text: str) -> str:
    """An ASCII path segment from a label: folded, apostrophes dropped, other marks to ``-``.

    A label that loses letters on the way (non-Latin script) or is too long gets a hash
    suffix, so that two different labels never share a slug.

    >>> slug("Chairman of the Standing Committee of the National People's Congress")
    'chairman-of-the-standing-committee-of-the-national-peoples-congress'
    >>> slug("24th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization")
    '24th-meeting-of-the-council-of-heads-of-state-of-the-shanghai-8787768a'
    >>> slug("习近平")
    '92a054e8'
    """
    folded = fold(text)
    base = re.sub(r"['\u2019`]", "", folded)
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", base).strip("-")
    lossy = bool(re.search(r"[^\x00-\x7f]", base))
    if not ascii_slug or lossy or len(ascii_slug) > MAX_SLUG:
        head = ascii_slug[: MAX_SLUG - 9]
        if len(ascii_slug) > len(head) and "-" in head:
            head = head.rsplit("-", 1)[0]  # cut at a word boundary
        head = head.rstrip("-")
        return f"{head}-{digest(folded, size=8)}" if head else digest(folded, size=8)
    return ascii_slug


def entity_key(kind: str, label: str, qid: str | None) -> str:
    """``{kind}/{QID or slug}``: the part of the IRI after ``/id/``."""
    return f"{kind}/{qid}" if qid and QID.match(qid) else f"{kind}/{slug(label)}"


def entity_iri(kind: str, label: str, qid: str | None) -> URIRef:
    return DATA[entity_key(kind, label, qid)]


def role_iri(role: str) -> URIRef:
    """An ``org:Role`` such as President, shared by all who hold it in any state."""
    return DATA[f"role/{slug(role)}"]


def level_iri(phrase: str) -> URIRef:
    """A partnership level; the known ones in ontology/partnership-levels.ttl follow this rule."""
    return DATA[f"level/{slug(phrase)}"]


def article_iri(article_id: str) -> URIRef:
    return DATA[f"article/{_path(article_id)}"]


def graph_iri(article_id: str) -> URIRef:
    """The named graph holding one article's facts."""
    return GRAPH[f"article/{_path(article_id)}"]


def run_iri(software_version: str, spacy_model: str) -> URIRef:
    """An extraction run: a hash of what ran, not of when, so rebuilding gives the same IRI."""
    return DATA[f"run/{digest(software_version, spacy_model)}"]


def evidence_iri(article_id: str, start: int, end: int) -> URIRef:
    return DATA[f"evidence/{digest(article_id, str(start), str(end))}"]


def meeting_iri(side_keys: list[str], date: str | None, kind: str,
                place: str | None = None) -> URIRef:
    """One node per real meeting: same sides, same date, same kind group; on a date coarser
    than a day, the same city too ("last year they met three times, in Beijing, Astana and
    Kazan" is three meetings)."""
    group = KIND_GROUPS.get(kind, kind)
    parts = [*sorted(side_keys), date or '', group]
    if place and len(date or "") < 10:
        parts.append(place)
    return DATA[f"meeting/{digest(*parts)}"]


def participation_iri(meeting: URIRef, side_key: str) -> URIRef:
    return DATA[f"participation/{digest(str(meeting), side_key)}"]


def office_iri(person_key: str, actor_key: str, role: str) -> URIRef:
    return DATA[f"office/{digest(person_key, actor_key, slug(role))}"]


def partnership_iri(party_keys: list[str], level: URIRef, change: str, when: str | None) -> URIRef:
    return DATA[f"partnership/{digest(*sorted(party_keys), str(level), change, when or '')}"]


def endorsement_iri(endorser_key: str, endorsed_key: str) -> URIRef:
    return DATA[f"endorsement/{digest(endorser_key, endorsed_key)}"]


def summit_iri(name: str, place: str | None = None, year: str | None = None) -> URIRef:
    """A summit by its name; a name without an ordinal ("SCO summit") is told apart by its
    place and year ("summit/sco-summit-tianjin-2025")."""
    if re.search(r"\b\d+(?:st|nd|rd|th)\b", name):
        return DATA[f"summit/{slug(name)}"]
    return DATA[f"summit/{slug(' '.join(x for x in (name, place, year) if x))}"]


def _path(article_id: str) -> str:
    # Article ids may hold "/" (``roundup/2``): keep it, escape everything else unsafe.
    return quote(article_id, safe="/-._~")
