"""One meeting verb, several meetings: a list of places, each with its own time, or a count.

"we met in Tehran in July and then in Sochi in August" -> Tehran (July), Sochi (August);
"last year he and Putin met three times, in Beijing, Astana and Kazan" -> three meetings of
that year. A list of places without a time each or a count that agrees ("held talks in
Beijing and Shanghai") stays one meeting: the text does not say it was several.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..model import Entity
from .dates import DateMention
from .places import place_after

_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4,
           "5": 5, "6": 6}
_ADVERB_COUNTS = {"twice": 2, "thrice": 3}


@dataclass(frozen=True)
class Episode:
    place: Entity
    date: DateMention | None  # None: the date of the whole clause


def count_of(verb: Token) -> int | None:
    """ "met three times", "have met twice": how many meetings the verb reports."""
    for c in verb.children:
        if c.lower_ in _ADVERB_COUNTS:
            return _ADVERB_COUNTS[c.lower_]
        if c.lower_ == "times":
            for n in c.children:
                if n.dep_ == "nummod" and n.lower_ in _COUNTS:
                    return _COUNTS[n.lower_]
    return None


def _city_at(prep: Token, sent: Span, here: Entity | None) -> Entity | None:
    return place_after(prep.doc, prep.i + 1, sent.end, here) if prep.i + 1 < sent.end else None


def _date_under(head: Token, dates: list[tuple[DateMention, Token]]) -> DateMention | None:
    """The date whose phrase hangs right under ``head`` ("in Sochi [in August]")."""
    for d, root in dates:
        cur = root
        for _ in range(3):
            if cur.head.i == head.i:
                return d
            if cur.head.i == cur.i:
                break
            cur = cur.head
    return None


def episodes(t: Token, sent: Span, dates: list[DateMention], here: Entity | None
             ) -> tuple[list[Episode], bool]:
    """The separate meetings of trigger ``t``, and whether a count ("three times") vouches
    for them. An empty list: one meeting."""
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    doc = t.doc
    roots = []
    for d in dates:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None:
            roots.append((d, span.root))
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
             and _city_at(c, sent, here)]
    conjs = [c for p in (verb, *preps) for c in p.children
             if c.dep_ == "conj" and c.lower_ == "in" and _city_at(c, sent, here)]
    count = count_of(verb)
    if preps and conjs:
        # "in Tehran in July and then in Sochi in August": each place with its own time
        first = preps[0]
        later = [Episode(_city_at(c, sent, here), _date_under(c, roots))  # type: ignore[arg-type]
                 for c in conjs]
        claimed = {e.date for e in later if e.date}
        free = [(d, r) for d, r in roots if d not in claimed]
        found = [Episode(_city_at(first, sent, here), _date_under(first, free)  # type: ignore[arg-type]
                         or _date_under(verb, free))] + later
        if all(e.date for e in found) or count == len(found):
            return found, count == len(found)
        return [], False
    if len(preps) == 1 and count:
        # "met three times, in Beijing, Astana and Kazan"
        places: list[Entity] = []
        first = next((c for c in preps[0].children if c.dep_ == "pobj"), None)
        cur = first
        while cur is not None:
            found_place = place_after(doc, cur.i, sent.end, here)
            if found_place is None:
                break
            places.append(found_place)
            cur = next((c for c in cur.children if c.dep_ == "conj"), None)
        if len(places) == count:
            return [Episode(p, None) for p in places], True
    return [], False
