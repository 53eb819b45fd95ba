"""One real meeting, one fact: merging reports within an article and across the corpus.

Reports of a meeting agree on their participants (after coreference), their kind class
(in person, phone call, video call; a state visit is in person), a compatible date (equal,
one a prefix of the other, or one missing) and place (the same city, or one missing). A
report whose date is missing or coarser joins the one compatible dated meeting (among
several, the one told as current or earlier as it is); if there are still several, it stays
on its own rather than be guessed. Every report of a cluster then carries the same identifying
fields: the most specific date, the most frequent location and occasion; it is background
only if every report tells it as an earlier meeting (one article's news is a later one's
history).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..gazetteer import fold
from .dates import When
from .meetings import RawMeeting

_CLASS = {"bilateral": "in person", "talks": "in person", "trilateral": "in person",
          "multilateral": "in person", "phone call": "phone call", "video call": "video call",
          "state visit": "in person"}  # "last met in May, when X paid a state visit" is one
# Formal talks reported for a day of a state visit name that meeting better than the visit
# ("Xi held talks with visiting Mirziyoyev ... Mirziyoyev is paying a state visit"); a visit
# names it better than a bare "met" ("last met in May, when X paid a state visit").
_KIND_PRIORITY = ("phone call", "video call", "multilateral", "trilateral", "talks",
                  "state visit", "bilateral")


def compatible(a: When | None, b: When | None) -> bool:
    if a is None or b is None:
        return True
    ia, ib = a.iso() or "", b.iso() or ""
    return ia.startswith(ib) or ib.startswith(ia)


def same_place(a: RawMeeting, b: RawMeeting) -> bool:
    """Not told as held in two different cities on dates coarser than a day ("last year
    they met three times, in Beijing, Astana and Kazan"). Two reports of the same sides on
    the same day are one meeting wherever they place it (as its IRI says)."""
    if _specific(a.date) == 3 and _specific(b.date) == 3:
        return True
    return a.location is None or b.location is None or a.location.label == b.location.label


def _specific(w: When | None) -> int:
    if w is None or w.year is None:
        return 0
    return 1 + (w.month is not None) + (w.day is not None)


@dataclass
class Report:
    """A raw meeting and the article it came from."""

    article: int
    meeting: RawMeeting

    def key(self) -> tuple[frozenset[str], str]:
        m = self.meeting
        return (frozenset(fold(k) for k in m.participant_keys()), _CLASS.get(m.kind, m.kind))


def cluster(reports: list[Report]) -> list[list[Report]]:
    """Group reports of the same meeting (see the module docstring)."""
    by_key: dict[tuple, list[Report]] = {}
    for r in reports:
        by_key.setdefault(r.key(), []).append(r)
    clusters: list[list[Report]] = []
    for group in by_key.values():
        # the most specific reports found clusters; coarser ones join the single fit
        group = sorted(group, key=lambda r: -_specific(r.meeting.date))
        mine: list[list[Report]] = []
        for r in group:
            fits = [c for c in mine if all(compatible(r.meeting.date, o.meeting.date)
                                           and same_place(r.meeting, o.meeting) for o in c)]
            if len(fits) > 1:
                # an undated "Meeting Japarov, Xi said" is the current meeting, not the
                # earlier one the sentence also tells
                fits = [c for c in fits if any(o.meeting.background == r.meeting.background
                                               for o in c)] or fits
            if len(fits) > 1 and r.meeting.location is not None:
                located = [c for c in fits if any(
                    o.meeting.location and o.meeting.location.label == r.meeting.location.label
                    for o in c)]
                fits = located or fits
            if len(fits) == 1 and (_specific(r.meeting.date) < 3 or
                                   any(_specific(o.meeting.date) == 3 for o in fits[0])):
                fits[0].append(r)
            elif len(fits) == 1 and _specific(r.meeting.date) == 3:
                fits[0].append(r)
            else:
                mine.append([r])
        clusters.extend(mine)
    return clusters


def unify(group: list[Report]) -> None:
    """Give every report of one meeting the same identifying fields."""
    meetings = [r.meeting for r in group]
    date = max((m.date for m in meetings), key=_specific)
    kinds = {m.kind for m in meetings}
    kind = next(k for k in (*_KIND_PRIORITY, *sorted(kinds)) if k in kinds)
    locations = Counter(m.location.label for m in meetings if m.location)
    location = None
    if locations:
        label = locations.most_common(1)[0][0]
        location = next(m.location for m in meetings if m.location and m.location.label == label)
    occasions = Counter(m.occasion for m in meetings if m.occasion)
    occasion = max(occasions, key=lambda o: (occasions[o], len(o))) if occasions else None
    # the news of one article is history in a later one: current if any report tells it so
    background = all(m.background for m in meetings)
    for m in meetings:
        m.date, m.kind, m.location, m.occasion = date, kind, location, occasion
        m.background = background
