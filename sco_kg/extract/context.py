"""What an article says about itself: its dateline, reference date, lead and people.

The reference date is the dateline's day in the year of publication (or, failing that, of
the article's own full dates, or of the other articles read from the same file); weekdays and
"last May" are resolved against it. The lead's date is the default date of the meetings the
article reports.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..model import Article, Entity, Evidence
from .countries import city_label, party, Party
from .dates import When, find_dates, month_number, parse_iso, resolve
from .people import Registry, build_registry
from .text import Dateline, find_dateline, is_caption, is_heading

_FULL_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2}(?:\s*-\s*\d{1,2})?,\s+((?:19|20)\d\d)\b|\b\d{1,2}\s+(?:January|"
    r"February|March|April|May|June|July|August|September|October|November|December),?\s+"
    r"((?:19|20)\d\d)\b")


def explicit_year(text: str) -> int | None:
    """The latest year of a full date in ``text`` ("On July 3, 2024 local time")."""
    years = [int(a or b) for a, b in _FULL_DATE.findall(text)]
    return max(years) if years else None


@dataclass
class ArticleContext:
    article: Article
    text: str  # the article text with plain spaces
    doc: Doc
    dateline: Dateline | None
    place: Entity | None  # the dateline's city
    ref: When | None  # the day (or month/year) the article is written from
    event: When | None  # the date of the lead's event
    lead: Span | None
    registry: Registry
    headings: set[int] = field(default_factory=set)  # start offsets of heading sentences
    captions: set[int] = field(default_factory=set)
    host: Party | None = None  # "paid an official goodwill visit to Uzbekistan"
    _sentences: list[Span] | None = field(default=None, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)

    def sentences(self) -> list[Span]:
        if self._sentences is None:  # spaCy walks the whole document for each ``doc.sents``
            self._sentences = [s for s in self.doc.sents if s.text.strip()]
            self._starts = [s.start for s in self._sentences]
        return self._sentences

    def sentence_start(self, i: int) -> int:
        """The first token of the sentence token ``i`` is in (``Token.sent`` is slow)."""
        self.sentences()
        k = bisect.bisect_right(self._starts, i) - 1
        return self._starts[k] if k >= 0 else 0

    def evidence(self, sent: Span) -> Evidence:
        """The sentence as evidence: offsets into the stored text, spaces trimmed."""
        text = self.article.text
        start, end = sent.start_char, sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        return Evidence(self.article.id, start, end, text[start:end])


def reference_date(article: Article, dateline: Dateline | None, year: int | None) -> When | None:
    published = parse_iso(article.published)
    month_day = None
    if article.dateline_date:
        m = re.match(r"\s*([A-Za-z]+)\.?\s+(\d{1,2})", article.dateline_date)
        d = re.match(r"\s*(\d{1,2})\s+([A-Za-z]+)", article.dateline_date)  # "28 June"
        if m and month_number(m.group(1)):
            month_day = (month_number(m.group(1)), int(m.group(2)))
        elif d and month_number(d.group(2)):
            month_day = (month_number(d.group(2)), int(d.group(1)))
    if month_day is None and dateline and dateline.month_day:
        month_day = dateline.month_day
    y = published.year if published else year
    if month_day and y:
        return When(y, month_day[0], month_day[1])
    return published or (When(year) if year else None)


def build_context(article: Article, doc: Doc, year: int | None) -> ArticleContext:
    """Read the article's dateline, reference date, lead, headings and people."""
    text = doc.text
    dateline = find_dateline(text)
    place_name = article.dateline_place or (dateline.place if dateline else None)
    place = city_label(place_name) if place_name and not party(place_name) else None
    ref = reference_date(article, dateline, year)
    sents = [s for s in doc.sents if s.text.strip()]
    headings: set[int] = set()
    captions: set[int] = set()
    for i, s in enumerate(sents):
        line_alone = (s.start_char == 0 or "\n" in text[max(0, s.start_char - 2):s.start_char]) \
            and (s.end_char >= len(text.rstrip()) or "\n" in text[s.end_char - 1:s.end_char + 2]
                 or text[s.end_char:s.end_char + 1] == "\n")
        if line_alone and is_heading(s.text):
            headings.add(s.start_char)
        nxt = sents[i + 1].text if i + 1 < len(sents) else ""
        if is_caption(s.text) or (len(nxt) < 60 and is_caption(s.text.rstrip() + " " + nxt)):
            captions.add(s.start_char)
    lead = None
    for s in sents:
        if s.start_char in headings:
            continue
        if dateline and s.end_char <= dateline.end:
            continue
        lead = s
        break
    event = None
    if lead is not None:
        for d in find_dates(lead.text, lead.start_char):
            if d.kind in ("date", "range", "weekday", "relative"):
                event = resolve(d, ref)
                if event:
                    break
    if event is None and ref and ref.day:
        event = ref  # the dateline's day, or the day of publication
    if ref is None or ref.month is None:
        # No dateline and no publication date: the latest full date the article gives.
        dates = [resolve(d, When(year) if year else None) for d in find_dates(text)
                 if d.kind in ("date", "range")]
        dated = [w for w in dates if w and w.month]
        if dated and (ref is None or all(w.year == ref.year for w in dated)):
            ref = max(dated, key=lambda w: (w.year or 0, w.month or 0, w.day or 31))
    ctx = ArticleContext(article, text, doc, dateline, place, ref, event, lead,
                         build_registry(doc), headings, captions)
    m = re.search(r"\b(?:state|official|working|goodwill|friendly|official goodwill)\s+visit\s+"
                  r"to\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)", text)
    if m and party(m.group(1)):
        ctx.host = party(m.group(1))
    return ctx
