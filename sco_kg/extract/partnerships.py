"""Partnerships: a named level of relations between two states, and how it changed.

"China and Azerbaijan have upgraded bilateral relations to strategic partnership" ->
established (upgraded to a level from none); "agreed to elevate their ties to an all-weather
comprehensive strategic partnership for a new era" -> upgraded; "the China-Belarus
all-weather comprehensive strategic partnership" -> existing. Not levels: "community with a
shared future", "good neighbours", "friendly relations", "comprehensive strategic
coordination".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from .clauses import anchor
from .countries import party
from .dates import When, find_dates, is_vague, resolve

_LEVEL_WORDS = ("all-weather", "all-round", "all round", "comprehensive", "strategic",
                "cooperative", "co-operative", "innovative", "enduring", "everlasting",
                "time-tested", "high-level", "global", "special", "privileged", "extended",
                "enhanced", "permanent", "new-type", "mutually beneficial")
LEVEL = re.compile(
    r"(?:(?<=relations of )alliance\s+and\s+)?"  # "relations of alliance and strategic partnership"
    r"(?:(?:" + "|".join(re.escape(w) for w in _LEVEL_WORDS) + r")[\s,]+(?:and\s+)?)+"
    r"(?:partnership|relationship)"
    # "... and alliance", "comprehensive partnership and strategic interaction"
    r"(?:\s+and\s+(?:alliance|strategic\s+interaction))?"
    r"(?:\s+of\s+(?:comprehensive\s+)?(?:strategic\s+)?(?:coordination|cooperation|interaction))?"
    r"(?:\s+featuring\s+ever-?lasting\s+friendship)?"
    # "for a new era", "for peace and prosperity", "for development and prosperity"
    r"(?:\s+(?:for|in)\s+(?:a|the)\s+new\s+era|\s+for\s+(?:peace|development)\s+and\s+"
    r"prosperity)*",
    re.I)
_CORE = {"strategic", "comprehensive", "all-weather", "cooperative", "all-round", "innovative",
         "enduring", "time-tested", "privileged", "special", "global", "everlasting"}
_ESTABLISH = re.compile(r"\b(?:establish(?:ed|es|ing|ment)?|set(?:ting)? up|forg(?:e|ed|ing))\b", re.I)
# "upgraded to" and "raised to" a level: upgraded from a level the sentence names, else set up;
# "elevated" is an upgrade whatever it came from (the annotation guide)
_UPGRADE_TO = re.compile(r"\b(?:upgrad(?:e|ed|es|ing)|rais(?:e|ed|es|ing)|lift(?:ed|ing)?)\b",
                         re.I)
_ELEVATE = re.compile(r"\belevat(?:e|ed|es|ing|ion)\b", re.I)
_MODAL = re.compile(r"\b(?:will|would|could|may|might|should|hope[sd]?|plan(?:s|ned)?|"
                    r"seek(?:s|ing)?|wish(?:es)?|want(?:s|ed)?|expect(?:s|ed)?|consider(?:s|ing)?)\s+"
                    r"(?:to\s+)?(?:\w+\s+)?(?:establish|upgrade|elevate|raise|lift|forge|set up)",
                    re.I)
# A level not yet held: "opens the way to turning relations ... into a strategic
# partnership", "the partnership treaty is ready and could be signed during a future visit"
_NOT_YET = re.compile(r"\b(?:could|will|would|to|may)\s+be\s+signed\b|\b(?:opens?|paves?|"
                      r"paving|opening)\s+the\s+way\b|\bturn(?:ing)?\b[^.]*\binto\b", re.I)
_PAIR = re.compile(r"([A-Z][\w’']+(?:\s[A-Z][\w’']+)?)\s*[-–]\s*([A-Z][\w’']+(?:\s[A-Z][\w’']+)?)")
# A report of an upgrade from a named level says more than one of the level set up
CHANGE_RANK = {"existing": 0, "established": 1, "upgraded": 2}


@dataclass
class RawPartnership:
    parties: tuple[str, str]
    level: str
    change: str
    when: When | None
    start: int
    end: int
    sides: list | None = None  # the current meeting's sides, when they are the parties


def find_partnerships(sent: Span, ref: When | None, pair: list[str],
                      previous: When | None) -> list[RawPartnership]:
    """Partnership levels named in one sentence; ``pair`` are the states of the meeting the
    article is about ("the two sides"), ``ref`` the article's date."""
    text = sent.text
    out = []
    for m in LEVEL.finditer(text):
        phrase = " ".join(m.group(0).lower().replace(",", " ").split())
        words = set(re.findall(r"[a-z-]+", phrase))
        if not words & _CORE:
            continue
        if phrase.endswith("relationship") and not words & {"strategic", "cooperative"}:
            continue
        parties = _parties(sent, m.start(), m.end(), pair)
        if parties is None:
            continue
        before = text[max(0, m.start() - 160):m.start()]
        clause = text[:m.start()]
        if _MODAL.search(before) or _NOT_YET.search(text):
            continue
        if re.search(r"\bfrom\s+(?:a|an|the|their)?\s*$", text[:m.start()]):
            continue  # "from a strategic partnership to ...": the level they left
        if re.match(r"\s+to\s+(?:a|an|the)?\s*", text[m.end():]) and LEVEL.match(
                re.sub(r"^\s+to\s+(?:a|an|the)?\s*", "", text[m.end():])):
            continue  # "elevated their strategic partnership to a comprehensive ...": the old
        after = text[m.end():m.end() + 60]
        change = "existing"
        if _ELEVATE.search(before):
            change = "upgraded"
        elif _UPGRADE_TO.search(before):
            # "upgraded to X" from a level the sentence names ("established a strategic
            # partnership in 2009 and upgraded their relations to ...", "from A to B")
            prior = [x for x in LEVEL.finditer(clause)]
            change = "upgraded" if prior else "established"
        elif re.match(r"[^.;]{0,40}?\b(?:upgrading|elevating)\s+(?:the|their|its)\s+", after) \
                and LEVEL.search(after):
            change = "upgraded"  # "the establishment of the X Partnership ..., upgrading the Y"
        elif _ESTABLISH.search(before) or re.match(
                r"\s*(?:,\s*(?:which|that)\s+(?:\w+\s+){0,3}|\s+(?:was\s+|were\s+)?)"
                r"(?:established|set up|forged)\b", after) or re.search(
                r"\b(?:treaty|agreement|declaration|joint statement)\s+on\s+(?:the\s+)?$", before,
                re.I) and re.search(r"\bsign(?:ed|s|ing)?\b", text, re.I) or re.match(
                r"\s+(?:Treaty|Agreement|treaty|agreement)\b", after) and re.search(
                r"\bsign(?:ed|s|ing)?\b", text, re.I):
            # also "the Comprehensive Strategic Partnership Treaty, which the two presidents
            # signed", "signed a declaration on strategic partnership"
            # "which we established in 2019", "established between Belarus and China in
            # September 2022", "signed the Treaty on Comprehensive Strategic Partnership"
            change = "established"
        when = None
        if change != "existing":
            when = _when(sent, ref, previous, m.start(), m.end())
        out.append(RawPartnership(parties, phrase, change, when, m.start() + sent.start_char,
                                  m.end() + sent.start_char))
    return out


def _when(sent: Span, ref: When | None, previous: When | None, start: int = 0,
          end: int = 0) -> When | None:
    """The month (or year) the sentence dates the change to: the date told nearest after the
    level ("upgraded ... to a comprehensive strategic partnership in 2019"), else before it."""
    found = [d for d in find_dates(sent.text, sent.start_char) if not is_vague(d)]
    at = sent.start_char + end
    found.sort(key=lambda d: (d.start < at, abs(d.start - at)))
    for d in found:
        w = resolve(d, ref, previous=previous)
        if w and w.month:
            return When(w.year, w.month)
        if w and w.year:
            return When(w.year)  # "in 2012, the two countries established ..."
    base = previous or ref
    if base and base.year and base.month:
        return When(base.year, base.month)
    return None


def _parties(sent: Span, start: int, end: int, pair: list[str]) -> tuple[str, str] | None:
    text = sent.text
    # "the China-Belarus all-weather ...", "Mongolia-China comprehensive ..."
    m = re.search(_PAIR.pattern + r"\s+$", text[:start])
    if m:
        a, b = party(m.group(1)), party(m.group(2))
        if a and b and a.label != b.label:
            return (a.label, b.label)
    # "between A and B"
    m = re.match(r"\s+between\s+(?:the\s+)?([A-Z][\w’' ]+?)\s+and\s+(?:the\s+)?([A-Z][\w’']+)",
                 text[end:])
    if m and party(m.group(1)) and party(m.group(2)):
        return (party(m.group(1)).label, party(m.group(2)).label)  # type: ignore[union-attr]
    # "China's comprehensive strategic partnership with Pakistan", "its ... with Pakistan"
    m = re.match(r"\s+with\s+(?:the\s+)?([A-Z][\w’']+(?:\s[A-Z][\w’']+)?)", text[end:])
    if m and party(m.group(1)) and party(m.group(1)).kind == "country":  # type: ignore[union-attr]
        other = party(m.group(1)).label  # type: ignore[union-attr]
        owner = re.search(r"([A-Z][\w’']+(?:\s[A-Z][\w’']+)?)[’']s\s+(?:[\w-]+\s+){0,6}$",
                          text[:start])
        first = party(owner.group(1)) if owner else None
        if first and first.label != other:
            return (first.label, other)
        if len(pair) == 2 and other in pair:
            return (pair[0], pair[1])
        return None  # whose partnership with it, the text does not say
    # the subject of the clause: "China and Azerbaijan have upgraded ... to ..."
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end,
                              alignment_mode="expand")
    if span is not None:
        verb = anchor(span.root, set())
        for _ in range(4):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                states = []
                for tok in subjects[0].subtree:
                    p = party(tok.text)
                    if p and p.kind == "country" and p.label not in states:
                        states.append(p.label)
                if len(states) == 2:
                    return (states[0], states[1])
                break
            if verb.head.i == verb.i:
                break
            verb = verb.head
    # any one pair of states written "A-B" in the sentence
    pairs = {(party(a).label, party(b).label) for a, b in _PAIR.findall(text)  # type: ignore[union-attr]
             if party(a) and party(b) and party(a) != party(b)}
    if len(pairs) == 1:
        return next(iter(pairs))
    if len(pair) == 2 and not _other_states(text, pair):
        return (pair[0], pair[1])
    return None


def _other_states(text: str, pair: list[str]) -> bool:
    """The sentence names a state that is not one of the two sides: the level may be theirs,
    not the sides'."""
    for w in re.findall(r"[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?", text):
        for cand in (w, w.split()[0]):
            p = party(cand)
            if p is not None and p.kind == "country" and p.label not in pair:
                return True
    return False
