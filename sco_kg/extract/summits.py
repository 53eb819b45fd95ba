"""Summits: a meeting of an organisation's council or a named summit, with its ordinal,
organisation, place and dates as stated.

"the 24th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization
(SCO) in Astana", "the SCO Astana summit will be held on Thursday", "the China-Central Asia
Summit held in the city of Xi'an", "the UN Summit of the Future".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from ..model import Entity
from .clauses import anchor
from .countries import city, party
from .dates import When, find_dates, resolve

# Ordinals as written: "24th", "first", "Twenty-Second"
_ORD = (r"(?:\d+(?:st|nd|rd|th)|(?:[Tt]wenty-)?(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|"
        r"[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth)|[Tt]enth|[Ee]leventh|[Tt]welfth|[Tt]hirteenth|"
        r"[Ff]ourteenth|[Ff]ifteenth|[Ss]ixteenth|[Ss]eventeenth|[Ee]ighteenth|[Nn]ineteenth|"
        r"[Tt]wentieth)")
_COUNCIL = re.compile(
    r"(?:(?P<ord>" + _ORD + r")\s+)?[Mm]eeting of the Council of Heads of (?:State|Government)"
    r"(?:\s*\([^)]*\))?(?: of (?:the )?[Mm]ember [Ss]tates)? of the (?P<org>[A-Z][\w ]+?"
    r"(?:Organi[sz]ation|Union|Community|Commonwealth of Independent States)|[A-Z]{2,6})"
    r"(?:\s*\((?P<abbr>[A-Z]+)\))?(?: [Mm]ember [Ss]tates)?")
# A council of an organisation named by its short form: "the SCO Council of Heads of State",
# "the CIS Heads of State Council", "the SCO Council of Foreign Ministers meeting"
_ORG_COUNCIL = re.compile(
    r"\b(?P<org>[A-Z]{2,6})\s+(?:Council\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)*|"
    r"(?:[A-Z][\w-]*\s+){1,3}of\s+(?:State|Government)\s+Council|(?:[A-Z][\w-]*\s+){1,3}"
    r"Council)(?P<meeting>\s*meeting)?(?=[\s,.;:)]|$)")
# A named meeting of an organisation: "the \"SCO Plus\" meeting", "the BRICS Plus Meeting"
_ORG_MEETING = re.compile(
    r"[\"“]?\b(?P<org>[A-Z]{2,6})\s+(?P<what>(?:[A-Z][\w-]*\s?){1,3})[\"”]?\s+(?P<head>[Mm]eeting)\b")
# "the Consultative Meeting of the Heads of State of Central Asia", "the 5th Meeting of the
# Heads of Government": a capitalised Meeting of heads of state is a summit by its name
_HEADS_MEETING = re.compile(
    r"(?:(?P<ord>" + _ORD + r")\s+)?(?:[A-Z][a-z]+\s+){0,2}Meeting\s+of\s+(?:the\s+)?"
    r"(?:Council\s+of\s+)?Heads\s+of\s+(?:State|Government)(?:\s+of\s+(?:the\s+)?"
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?")
_NAMED = re.compile(
    r"(?P<pre>(?:(?:" + _ORD + r"|[A-Z][\w’'.-]*)(?:\s*\([A-Z]+\))?[\s-]+){1,6})"
    r"(?:leaders[’']?\s+)?(?P<head>Summit|summit)"
    r"(?P<post>\s+of\s+the\s+[A-Z][\w]+(?:\s+(?:of\s+)?[A-Z][\w]+)*|\s+(?:19|20)\d\d\b)?")
# "the informal Summit of the Organization of Turkic States": named by what follows
_SUMMIT_OF = re.compile(
    r"(?:(?P<ord>" + _ORD + r")\s+)?Summit\s+of\s+the\s+(?P<org>[A-Z][\w-]*"
    r"(?:\s+(?:of\s+)?[A-Z][\w-]*)*)")
_OF_ORG = re.compile(r"\bsummit(?:\s+meeting)?\s+of\s+the\s+(?P<org>[A-Z][\w ]+?)"
                     r"(?:\s*\((?P<abbr>[A-Z]+)\))?(?=[\s,.;]|$)")
_ATTEND = frozenset({"attend", "attending", "join", "joining", "participate", "participating"})
_HELD = frozenset({"held", "hold", "holds", "open", "opens", "opened", "convene", "convened",
                   "convenes", "take", "took", "takes", "begin", "began", "begins", "start",
                   "started", "starts", "be", "is", "was", "meeting", "meets", "met", "meet",
                   "gathers", "gathered", "runs", "ran"})
_PLACE_BEFORE = re.compile(r"\b(?:in|to)\s+([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)\s+(?:for|to\s+attend)\s+"
                           r"(?:the\s+)?[\"“]?$")
_STOP_WORDS = {"The", "A", "An", "This", "That", "Noting", "During", "At", "On", "In", "For",
               "Ahead", "After", "Before", "Following", "While", "When", "Since"}


@dataclass
class RawSummit:
    name: str
    organization: Entity | None
    location: Entity | None
    dates: list[str] = field(default_factory=list)
    ordinal: bool = False
    start: int = 0


def _org_span(text: str) -> tuple[int, int, Entity] | None:
    """The longest run of words in ``text`` naming an organisation ("Shanghai Cooperation
    Organization", "SCO", "UN")."""
    words = list(re.finditer(r"[\w’'.-]+", text))
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            a, b = words[i].start(), words[i + size - 1].end()
            p = party(text[a:b])
            if p and p.kind == "organization":
                return a, b, p.entity()
    return None


def _org(text: str) -> Entity | None:
    found = _org_span(text)
    return found[2] if found else None


def find_summits(sent: Span, ref: When | None, here: Entity | None = None) -> list[RawSummit]:
    """Summits named in one sentence; ``here`` is the dateline's city ("the G20 Summit
    here")."""
    text = sent.text
    out: list[RawSummit] = []
    taken: list[tuple[int, int]] = []
    for m in _COUNCIL.finditer(text):
        name = re.sub(r"\s*\([^)]*\)", "", m.group(0)).strip()
        out.append(_complete(sent, here, RawSummit(name, _org(m.group("org")), None,
                                             ordinal=bool(m.group("ord"))), m.end(), ref, m.start()))
        taken.append(m.span())
    for pattern in (_ORG_COUNCIL, _ORG_MEETING):
        for m in pattern.finditer(text):
            org = _org(m.group("org"))
            if org is None or org.kind != "organization" or any(
                    a < m.end() and m.start() < b for a, b in taken):
                continue
            name = " ".join(m.group(0).replace('"', " ").replace("“", " ").replace("”", " ")
                            .split())
            out.append(_complete(sent, here, RawSummit(name, org, None), m.end(), ref, m.start()))
            taken.append(m.span())
    for m in _HEADS_MEETING.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        name = " ".join(m.group(0).split())
        out.append(_complete(sent, here, RawSummit(name, _org(name), None, ordinal=bool(m.group("ord"))),
                             m.end(), ref, m.start()))
        taken.append(m.span())
    for m in _SUMMIT_OF.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken) or _org(m.group("org")) is None:
            continue  # "UN Summit of the Future" is named by what comes before
        name = " ".join(m.group(0).split())
        out.append(_complete(sent, here, RawSummit(name, _org(m.group("org")), None,
                                                   ordinal=bool(m.group("ord"))),
                             m.end(), ref, m.start()))
        taken.append(m.span())
    for m in _NAMED.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        words = m.group("pre").split()
        while words and (words[0] in _STOP_WORDS or not words[0][:1].isupper()
                         and not words[0][:1].isdigit() and not re.fullmatch(_ORD, words[0])):
            words = words[1:]
        if not words:
            continue
        pre = " ".join(words)
        name = re.sub(r"\s*\([A-Z]+\)", "", f"{pre} {m.group('head')}{m.group('post') or ''}")
        name = " ".join(name.split())
        found = _org_span(pre)
        org = found[2] if found else None
        rest = pre[:found[0]] + " " + pre[found[1]:] if found else pre
        location = None
        for w in re.findall(r"[A-Z][\w’'-]+", rest):
            c = city(w)
            if c:
                location = c
        if org is None and location is None and m.group("head") == "summit":
            continue
        start = m.start() + len(m.group("pre")) - len(m.group("pre").lstrip())
        out.append(_complete(sent, here, RawSummit(name, org, location,
                                             ordinal=bool(re.match(_ORD, pre))), m.end(), ref,
                             start))
        taken.append(m.span())
    for m in _OF_ORG.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        org = _org(m.group("org")) or (_org(m.group("abbr")) if m.group("abbr") else None)
        if org is None:
            continue
        name = f"{org.label} summit"
        out.append(_complete(sent, here, RawSummit(name, org, None), m.end(), ref, m.start()))
    return out


def _complete(sent: Span, here: Entity | None, s: RawSummit, end: int, ref: When | None,
              start: int) -> RawSummit:
    """Place ("in Astana", "held in the city of Xi'an") and dates ("will be held on
    Thursday", "on July 3-4") stated right after the mention."""
    text = sent.text
    s.start = sent.start_char + start
    tail = text[end:end + 60]
    m = re.match(r"[\"”]?,?\s*(?:\([A-Z]+\)\s*)?(?:(?:was|will be|is|are|to be)\s+)?(?:held\s+|"
                 r"meeting\s+)?in\s+(?:the\s+city\s+of\s+|[A-Z][\w’'-]+[’']s\s+)?"
                 r"([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)", tail)
    if s.location is None and here is not None and re.match(r"\s*(?:\([A-Z]+\)\s*)?here\b", tail):
        s.location = here
    before = _PLACE_BEFORE.search(text[max(0, start - 60):start])
    for found in (m, before):
        if found and s.location is None:
            c = city(found.group(1)) or city(found.group(1).split()[0])
            if c:
                s.location = c
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end,
                              alignment_mode="expand")
    if span is None:
        return s
    verb = anchor(span.root, set())
    future = any(c.lower_ in ("will", "'ll", "shall") for c in verb.children)
    # "travelled to China in June 2018 to attend the SCO summit", "had travelled to China in
    # July for the SCO Council of Foreign Ministers meeting": the trip's time is the summit's
    trip = verb
    if verb.lower_ in _ATTEND and verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ == "VERB":
        trip = verb.head
    purpose = trip is not verb or span.root.head.lower_ == "for"
    subject = span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.i == verb.i
    for d in find_dates(text, sent.start_char):
        dspan = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
        if dspan is None:
            continue
        near = d.start - sent.start_char >= end and d.start - sent.start_char - end < 25
        at = anchor(dspan.root, set()).i
        held = at == verb.i and subject and verb.lower_ in _HELD
        if not (near or held or (purpose and at == trip.i)):
            continue
        w = resolve(d, ref, future=future)
        days = d.days(w.year) if d.kind == "range" and w and w.year else []
        if not days and (w is None or w.month is None or (w.day is None and held)):
            continue
        if days:
            s.dates.extend(day.isoformat() for day in days)
        elif w.iso():
            s.dates.append(w.iso() or "")
    return s


# -- one summit per real summit ---------------------------------------------------------

_BODY_STOP = frozenset({"meeting", "summit", "council", "heads", "head", "of", "the", "state",
                        "states", "annual", "and", "a", "an", "plenary", "session"})


def body(s: RawSummit) -> str:
    """Which gathering of the organisation a mention names, without the organisation, place,
    ordinal or year: "" for its heads of state ("SCO summit", "the SCO Council of Heads of
    State", "CIS Heads of State Council"), "foreign ministers" for "the SCO Council of
    Foreign Ministers meeting", "plus" for "the SCO Plus meeting", "india russia" for
    "23rd India-Russia Annual Summit"."""
    text = s.name
    while True:
        found = _org_span(text)
        if found is None:
            break
        text = text[:found[0]] + " " + text[found[1]:]
    words = re.findall(r"[\w’'-]+", text)
    kept = [w.lower() for w in words if w.lower() not in _BODY_STOP and city(w) is None
            and not re.fullmatch(r"\d+(?:st|nd|rd|th)?", w)]
    return " ".join(" ".join(kept).replace("-", " ").split())


def _year(s: RawSummit) -> int | None:
    return int(s.dates[0][:4]) if s.dates else None


@dataclass
class SummitMention:
    article: int
    summit: RawSummit
    year: int | None  # the year of the article that mentions it


def cluster_summits(mentions: list[SummitMention]) -> list[list[SummitMention]]:
    """Mentions of one real summit together.

    The same organisation (or, without one, the same named body), the same gathering of it
    (``body``), the same city and, when both give one, the same year. A mention without a
    city joins such a summit mentioned in its own article, else the one of its year, else
    the only one; "the Tianjin summit" joins the one organisation's summit in Tianjin.
    """
    def org(s: RawSummit) -> str | None:
        return s.organization.label if s.organization else None

    def fits(m: SummitMention, c: list[SummitMention]) -> bool:
        first = c[0].summit
        if body(m.summit) != body(first):
            return False
        if org(m.summit) and org(first) and org(m.summit) != org(first):
            return False
        if not org(m.summit) and not org(first) and body(m.summit) == "":
            return False  # two "summits" with no organisation and no name
        places = {x.summit.location.label for x in c if x.summit.location}
        if m.summit.location and places and m.summit.location.label not in places:
            return False
        years = {_year(x.summit) for x in c} - {None}
        if _year(m.summit) and years:
            return _year(m.summit) in years
        # without dates, the years the articles are written in: "the G20 summit" of a 2025
        # article is not the one in Rio de Janeiro a 2024 article places
        years = years or {x.year for x in c} - {None}
        year = _year(m.summit) or m.year
        return not (year and years and year not in years)

    clusters: list[list[SummitMention]] = []
    ranked = sorted(mentions, key=lambda m: (m.summit.organization is None,
                                             m.summit.location is None))
    for m in ranked:
        candidates = [c for c in clusters if fits(m, c)]
        if not m.summit.organization and m.summit.location:
            # "the Tianjin summit": the organisation's summit there
            candidates = [c for c in candidates if any(x.summit.organization for x in c)] \
                or candidates
        if len(candidates) > 1:
            # the one of the mention's year, else the one its article names
            candidates = [c for c in candidates if any(
                _year(x.summit) == (_year(m.summit) or m.year) for x in c)] or candidates
            if len(candidates) > 1:
                candidates = [c for c in candidates if any(x.article == m.article for x in c)] \
                    or candidates
        if len(candidates) == 1 and (m.summit.location is None or any(
                x.summit.location for x in candidates[0]) or m.summit.organization is None):
            candidates[0].append(m)
        elif len(candidates) == 1 and m.summit.location:
            candidates[0].append(m)
        else:
            clusters.append([m])
    return clusters


def worth_a_fact(c: list[SummitMention], clusters: list[list[SummitMention]]) -> bool:
    """ "the SCO summit" and nothing more is no fact anyone can use, unless it is the one
    summit of that organisation the corpus names ("the BRICS summit next year")."""
    summits = [m.summit for m in c]
    if any(s.ordinal or s.location or s.dates or (s.name[:1].isupper() and "summit" not in s.name)
           for s in summits):
        return True
    orgs = {s.organization.label for s in summits if s.organization}
    return bool(orgs) and not any(
        o is not c and any(m.summit.organization and m.summit.organization.label in orgs
                           for m in o) for o in clusters)
