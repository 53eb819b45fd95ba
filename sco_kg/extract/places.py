"""Where a meeting was held: the city after "in", as readouts write it.

"in Astana", "in the city of Xi'an", "in the Russian city of Kazan", "in China's Tianjin
city", "in Samarkand, Uzbekistan", "here" and "in the national capital" (the dateline's
city). A state alone ("in China") is no place: the guide's location is a city.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Entity
from .countries import city, party

_HERE = ("here",)
_CAPITAL = ("national", "capital")  # "in the national capital" (Indian wires)


def place_name(doc: Doc, j: int, end: int) -> str | None:
    """The capitalised proper noun run at ``j`` ("New Delhi", "Xi’an"), if any."""
    k = j
    while k < end and k - j < 4 and doc[k].text[:1].isupper() and doc[k].pos_ == "PROPN":
        k += 1
    if k == j:
        return None
    return doc[j:k].text


# Regions the NER calls places but that are no city: "his meeting with Trump in Alaska"
_REGIONS = frozenset({"alaska", "california", "texas", "florida", "hawaii", "siberia",
                      "xinjiang", "tibet", "kashmir", "ladakh", "crimea", "donbas", "donbass",
                      "punjab", "sindh", "balochistan", "khyber pakhtunkhwa", "karabakh",
                      "nagorno-karabakh", "far east", "central asia", "south asia",
                      "middle east", "europe", "asia", "africa", "gulf", "caucasus"})


def _as_city(doc: Doc, j: int, name: str) -> Entity | None:
    known = city(name)
    if known:
        return known
    if party(name) is None and doc[j].ent_type_ == "GPE" and name.lower() not in _REGIONS:
        return Entity(name, "city")
    return None


def place_after(doc: Doc, j: int, end: int, dateline_city: Entity | None) -> Entity | None:
    """The city a phrase starting at token ``j`` (after "in") names, else None.

    Skips what qualifies the city: "the city of", "the Russian city of", "China's ...
    city"; "the national capital" is the dateline's city.
    """
    if j < end and doc[j].lower_ == "the":
        j += 1
    if j + 1 < end and tuple(t.lower_ for t in doc[j:j + 2]) == _CAPITAL:
        return dateline_city
    # "Russian city of Kazan", "Chinese port city of Tianjin", "city of Xi'an"
    k = j
    while k < end and k - j < 3 and (party(doc[k].text) or doc[k].lower_ in (
            "port", "coastal", "northern", "southern", "eastern", "western", "central",
            "'s", "’s")):
        k += 1
    if k + 1 < end and doc[k].lower_ in ("city", "town", "resort") and doc[k + 1].lower_ == "of":
        j = k + 2
    elif k > j and k < end and doc[k - 1].lower_ in ("'s", "’s"):
        j = k  # "China's Tianjin city"
    name = place_name(doc, j, end)
    if not name:
        return None
    return _as_city(doc, j, name)


def is_here(tok: Token) -> bool:
    return tok.lower_ in _HERE
