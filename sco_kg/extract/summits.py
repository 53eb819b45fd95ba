"""Summits: a meeting of an organisation's council or a named summit, with its ordinal,
organisation, place and dates as stated.

"the 24th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization
(SCO) in Astana", "the SCO Astana summit will be held on Thursday", "the China-Central Asia
Summit held in the city of Xi'an", "the UN Summit of the Future".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from ..model import Entity
from .clauses import anchor
from .countries import city, party
from .dates import When, find_dates, resolve

_COUNCIL = re.compile(
    r"(?:(?P<ord>\d+(?:st|nd|rd|th))\s+)?Meeting of the Council of Heads of (?:State|Government)"
    r"(?:\s*\([^)]*\))? of the (?P<org>[A-Z][\w ]+?(?:Organi[sz]ation|Union|Community|"
    r"Commonwealth of Independent States))(?:\s*\((?P<abbr>[A-Z]+)\))?")
_NAMED = re.compile(
    r"(?P<pre>(?:(?:\d+(?:st|nd|rd|th)|[A-Z][\w’'.-]*)(?:\s*\([A-Z]+\))?[\s-]+){1,6})"
    r"(?P<head>Summit|summit)(?P<post>\s+of\s+the\s+[A-Z][\w]+)?")
_OF_ORG = re.compile(r"\bsummit(?:\s+meeting)?\s+of\s+the\s+(?P<org>[A-Z][\w ]+?)"
                     r"(?:\s*\((?P<abbr>[A-Z]+)\))?(?=[\s,.;]|$)")
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


def find_summits(sent: Span, ref: When | None) -> list[RawSummit]:
    text = sent.text
    out: list[RawSummit] = []
    taken: list[tuple[int, int]] = []
    for m in _COUNCIL.finditer(text):
        name = re.sub(r"\s*\([^)]*\)", "", m.group(0)).strip()
        out.append(_complete(sent, RawSummit(name, _org(m.group("org")), None,
                                             ordinal=bool(m.group("ord"))), m.end(), ref, m.start()))
        taken.append(m.span())
    for m in _NAMED.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        words = m.group("pre").split()
        while words and (words[0] in _STOP_WORDS or not words[0][:1].isupper()
                         and not words[0][:1].isdigit()):
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
        out.append(_complete(sent, RawSummit(name, org, location,
                                             ordinal=bool(re.match(r"\d", pre))), m.end(), ref,
                             start))
        taken.append(m.span())
    for m in _OF_ORG.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        org = _org(m.group("org")) or (_org(m.group("abbr")) if m.group("abbr") else None)
        if org is None:
            continue
        name = f"{org.label} summit"
        out.append(_complete(sent, RawSummit(name, org, None), m.end(), ref, m.start()))
    return out


def _complete(sent: Span, s: RawSummit, end: int, ref: When | None, start: int) -> RawSummit:
    """Place ("in Astana", "held in the city of Xi'an") and dates ("will be held on
    Thursday", "on July 3-4") stated right after the mention."""
    text = sent.text
    s.start = sent.start_char + start
    tail = text[end:end + 60]
    m = re.match(r"\s*(?:\([A-Z]+\)\s*)?(?:(?:was|will be|is|to be)\s+)?(?:held\s+)?in\s+(?:the\s+"
                 r"city\s+of\s+)?([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)", tail)
    if m and s.location is None:
        c = city(m.group(1)) or city(m.group(1).split()[0])
        if c:
            s.location = c
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end,
                              alignment_mode="expand")
    if span is None:
        return s
    verb = anchor(span.root, set())
    future = any(c.lower_ in ("will", "'ll", "shall") for c in verb.children)
    for d in find_dates(text, sent.start_char):
        dspan = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
        if dspan is None:
            continue
        near = d.start - sent.start_char >= end and d.start - sent.start_char - end < 25
        if anchor(dspan.root, set()).i != verb.i and not near:
            continue
        subject = span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.i == verb.i
        if not near and not (subject and verb.lower_ in (
                "held", "hold", "holds", "open", "opens", "opened", "convene", "convened",
                "convenes", "take", "took", "takes", "begin", "began", "begins", "start",
                "started", "starts", "be", "is", "was")):
            continue
        w = resolve(d, ref, future=future)
        if w is None or w.day is None and d.kind != "range":
            continue
        if d.kind == "range" and d.day2 and w.year:
            for day in range(d.day or 1, d.day2 + 1):
                s.dates.append(dt.date(w.year, d.month or 1, day).isoformat())
        elif w.iso():
            s.dates.append(w.iso() or "")
    return s
