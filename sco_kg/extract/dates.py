"""Dates as reports write them, resolved against the article's own dateline.

"ASTANA, July 3 (Xinhua) ... said here on Wednesday" -> 2024-07-03; "in Xi'an last May" ->
2023-05; "on July 6-9" -> 2024-07 (the day is not fixed); "the SCO summit will be held on
Thursday" -> the Thursday after the dateline.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH_ABBR = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|"
        r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DASH = r"\s*(?:-|–|—|to|and|through)\s*"


@dataclass(frozen=True)
class When:
    """A date at the granularity the text gives: year, year-month or a day."""

    year: int | None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str | None:
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None

    def last_day(self) -> dt.date | None:
        """The latest day this date can stand for (for "is it before the article?")."""
        if self.year is None:
            return None
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            nxt = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return self.date()


@dataclass(frozen=True)
class DateMention:
    """A date expression in the text: ``start``/``end`` are offsets in the article."""

    start: int
    end: int
    kind: str  # "date", "range", "weekday", "month", "year", "relative"
    month: int | None = None
    day: int | None = None
    day2: int | None = None
    year: int | None = None
    weekday: int | None = None
    rel: str = ""  # "last", "this", "next", "same-day", "today", "yesterday", "recent", ...
    month2: int | None = None  # the end's month of a range over two months ("August 31 to
    # September 1"); None when the range ends in its first month

    def days(self, year: int) -> list[dt.date]:
        """Every day of a date or range, in ``year`` (the end's year if it wraps)."""
        if self.month is None or self.day is None:
            return []
        try:
            first = dt.date(year, self.month, self.day)
            if self.day2 is None:
                return [first]
            month2 = self.month2 or self.month
            last = dt.date(year + (month2 < self.month), month2, self.day2)
        except ValueError:
            return []
        if last < first or (last - first).days > 31:
            return []
        return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def month_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or _MONTH_ABBR.get(w)


_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
_TO = r"\s*(?:-|–|—|to|through|until)\s*"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    # over two months: "August 31 to September 1", "31 August - 1 September 2025"
    ("mdmd", re.compile(_MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?" + _TO + _MON2
                        + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("dmdm", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + _TO + r"(?P<d2>\d{1,2})"
                        r"(?:st|nd|rd|th)?\s+" + _MON2 + r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("mdy", re.compile(_MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:" + _DASH
                       + r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:" + _DASH + r"(?P<d2>\d{1,2})"
                       r"(?:st|nd|rd|th)?)?\s+(?:of\s+)?" + _MON
                       + r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("weekday", re.compile(r"(?:\b(?P<rel>last|this|next|earlier on|later on)\s+)?"
                           r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                           r"Sunday)\b")),
    ("month", re.compile(r"(?:\b(?P<rel>(?i:last|this|next|early|late|mid|earlier this|in))\s+)?"
                         r"\b(?P<mon>January|February|March|April|May|June|July|August|"
                         r"September|October|November|December)\b(?!\s+\d{1,2}\b)"
                         r"(?:,?\s+(?P<y>(?:19|20)\d\d)|\s+(?P<ry>last year|this year|"
                         r"next year))?")),
    ("year", re.compile(r"\b(?P<y>(?:19|20)\d\d)\b(?!-\d)")),
    ("relative", re.compile(
        r"\b(?P<rel>earlier (?:in|on) the day|later (?:in|on) the day|earlier today|today|"
        r"this (?:morning|afternoon|evening)|tonight|"
        r"yesterday|tomorrow|(?:on )?the same day|the previous day|the day before|"
        r"(?:on )?the eve of|(?:a|one|two|three) days? (?:earlier|before|later)|"
        r"the (?:next|following) day|"
        r"(?:just )?(?:a few|several|two|three|some) days ago|days ago|recently|last week|"
        r"earlier this week|this week|last month|earlier this month|this month|"
        r"next month|last year|earlier this year|this year|next year)\b", re.I)),
)


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Every date expression in ``text`` (non-overlapping, leftmost-longest first)."""
    return list(_find_dates(text, offset))  # a sentence is read for dates several times


@lru_cache(maxsize=4096)
def _find_dates(text: str, offset: int) -> tuple[DateMention, ...]:
    return tuple(_scan_dates(text, offset))


def _scan_dates(text: str, offset: int = 0) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            a, b = m.span()
            if not free(a, b):
                continue
            g = m.groupdict()
            mention: DateMention | None = None
            if kind == "iso":
                mention = DateMention(a, b, "date", int(g["m"]), int(g["d"]), None, int(g["y"]))
            elif kind in ("mdy", "dmy", "mdmd", "dmdm"):
                month = month_number(g["mon"])
                if month is None:
                    continue
                d2 = int(g["d2"]) if g.get("d2") else None
                year = int(g["y"]) if g.get("y") else None
                month2 = month_number(g["mon2"]) if g.get("mon2") else None
                if kind in ("mdmd", "dmdm") and month2 == month:
                    continue  # "June 5 to June 7" is read as two dates
                mention = DateMention(a, b, "range" if d2 else "date", month, int(g["d"]), d2, year,
                                      month2=month2 if month2 != month else None)
            elif kind == "weekday":
                mention = DateMention(a, b, "weekday", weekday=WEEKDAYS[g["wd"].lower()],
                                      rel=(g.get("rel") or "").lower())
            elif kind == "month":
                rel = (g.get("rel") or "").lower()
                if g["mon"] == "May" and not rel and not g.get("y") and not g.get("ry"):
                    continue  # the modal verb "may"
                year = int(g["y"]) if g.get("y") else None
                ry = (g.get("ry") or "").lower()
                if ry:
                    rel = {"last year": "last-year", "this year": "this", "next year": "next"}[ry]
                mention = DateMention(a, b, "month", month_number(g["mon"]), year=year, rel=rel)
            elif kind == "year":
                mention = DateMention(a, b, "year", year=int(g["y"]))
            else:
                mention = DateMention(a, b, "relative", rel=" ".join(g["rel"].lower().split()))
            found.append(DateMention(
                mention.start + offset, mention.end + offset, mention.kind, mention.month,
                mention.day, mention.day2, mention.year, mention.weekday, mention.rel,
                mention.month2))
            taken.append((a, b))
    found.sort(key=lambda d: d.start)
    return found


def _weekday_near(ref: dt.date, weekday: int, future: bool) -> dt.date:
    delta = (weekday - ref.weekday()) % 7
    if future:
        return ref + dt.timedelta(days=delta)
    return ref - dt.timedelta(days=(ref.weekday() - weekday) % 7)


def resolve(d: DateMention, ref: When | None, *, future: bool = False,
            previous: When | None = None) -> When | None:
    """``d`` as a date, using ``ref`` (the article's date) for the year and weekdays.

    Past tense is the default: "on Wednesday" is the last Wednesday on or before the
    dateline; "in May" the last May on or before it; ``future`` picks the next one.
    ``previous`` is the date of the last event told, for "the same day".
    """
    ref_year = ref.year if ref else None
    ref_day = ref.date() if ref else None
    if d.kind in ("date", "range"):
        year = d.year or ref_year
        if year is None:
            return None
        if d.year is None and ref and ref.month and d.month:
            # "December 30" in a January article is last year's; "January 2" in a December
            # article read as past is this year's unless told of the future.
            if not future and d.month > ref.month + 1:
                year -= 1
            elif future and d.month < ref.month - 1:
                year += 1
        if d.kind == "range" and d.month2:
            return When(year)  # "July 31 to August 1": no one month
        if d.kind == "range" and d.day2 and d.day2 != d.day:
            return When(year, d.month)
        return When(year, d.month, d.day)
    if d.kind == "weekday":
        if ref_day is None:
            return None
        if d.rel == "last":
            day = _weekday_near(ref_day - dt.timedelta(days=1), d.weekday or 0, False)
        elif d.rel == "next":
            day = _weekday_near(ref_day + dt.timedelta(days=1), d.weekday or 0, True)
        else:
            day = _weekday_near(ref_day, d.weekday or 0, future)
        return When(day.year, day.month, day.day)
    if d.kind == "month":
        if d.year:
            return When(d.year, d.month)
        if ref_year is None:
            return None
        if d.rel == "last-year" or (d.rel == "last"):
            return When(ref_year - 1, d.month)
        if d.rel in ("this", "early", "late", "mid", "earlier this"):
            return When(ref_year, d.month)
        if d.rel == "next":
            return When(ref_year + 1, d.month)
        ref_month = ref.month if ref and ref.month else None
        if ref_month and d.month:
            if not future and d.month > ref_month:
                return When(ref_year - 1, d.month)
            if future and d.month < ref_month:
                return When(ref_year + 1, d.month)
        return When(ref_year, d.month)
    if d.kind == "year":
        return When(d.year)
    rel = d.rel
    if rel.startswith(("earlier in", "earlier on", "later in", "later on")):
        # the day of the event told last ("met Lavrov on May 4 ... Earlier in the day"), or
        # the article's own
        if previous is not None and previous.day:
            return previous
        return ref if ref and ref.day else None
    if rel.startswith(("earlier today", "today", "this morning", "this afternoon",
                       "this evening", "tonight")):
        return ref if ref and ref.day else None
    if rel == "yesterday" or rel in ("the previous day", "the day before"):
        if ref_day is None:
            return None
        day = ref_day - dt.timedelta(days=1)
        return When(day.year, day.month, day.day)
    if rel.endswith("the eve of"):
        # "On the eve of the summit": the day before the event last told, or the article's
        base = previous if previous and previous.day else ref
        if base is None or not base.day:
            return None
        day = base.date() - dt.timedelta(days=1)
        return When(day.year, day.month, day.day)
    m = re.match(r"(a|one|two|three) days? (earlier|before|later)$", rel)
    if m or rel in ("the next day", "the following day"):
        # "A day earlier, Xi held talks with Tokayev": counted from the event told last
        n = {"a": 1, "one": 1, "two": 2, "three": 3}[m.group(1)] if m else 1
        sign = -1 if m and m.group(2) in ("earlier", "before") else 1
        base = previous if previous and previous.day else ref
        if base is None or not base.day:
            return None
        day = base.date() + dt.timedelta(days=sign * n)
        return When(day.year, day.month, day.day)
    if rel == "tomorrow":
        if ref_day is None:
            return None
        day = ref_day + dt.timedelta(days=1)
        return When(day.year, day.month, day.day)
    if rel.endswith("same day"):
        return previous
    if rel in ("this month", "earlier this month"):
        return When(ref_year, ref.month) if ref and ref.month and ref_year else None
    if rel == "last month":
        if not (ref and ref.month and ref_year):
            return None
        return When(ref_year - (ref.month == 1), (ref.month - 2) % 12 + 1)
    if rel in ("last year",):
        return When(ref_year - 1) if ref_year else None
    if rel in ("this year", "earlier this year"):
        return When(ref_year) if ref_year else None
    return None  # "a few days ago", "recently", "last week": no date the text fixes


def is_vague(d: DateMention) -> bool:
    """Relative phrases that fix no date ("a few days ago", "recently")."""
    return d.kind == "relative" and resolve(d, When(2000, 1, 1), previous=When(2000)) is None


def parse_month_day(text: str) -> tuple[int, int] | None:
    """"July 3" or "3 July" (a dateline's date) as (month, day)."""
    for d in find_dates(text):
        if d.kind in ("date", "range") and d.month and d.day:
            return d.month, d.day
    return None


def parse_iso(value: str | None) -> When | None:
    """An ISO date of any granularity ("2024", "2024-07", "2024-07-03") as a When."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    return When(int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                int(m.group(3)) if m.group(3) else None)
