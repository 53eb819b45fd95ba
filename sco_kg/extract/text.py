"""The article as the extractor reads it: plain spaces, lines, headline and dateline.

spaCy runs on a copy of ``Article.text`` where each Unicode space (NBSP, en space, ...) is
replaced by a plain space one for one, so every offset stays valid in the stored text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import parse_month_day

_UNICODE_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]")

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "July 3", "Sept. 15, 2022", and day first as BelTA and UzA write it: "28 June"
_MONTH_DAY = r"(?:" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r")(?:,?\s+\d{4})?"
_DATELINES = (
    # Xinhua, AP, Indian wires: "ASTANA, July 3 (Xinhua) —", "New Delhi, Jul 4 (PTI)",
    # "New Delhi [India], August 18 (ANI):", "SAMARKAND, Uzbekistan, Sept. 15 (Xinhua) --"
    re.compile(r"(?P<place>[A-Z][A-Za-z .'’-]{1,40}?)(?:\s*\[[A-Z][A-Za-z .'’-]{1,30}\])?"
               r"(?:,\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?,\s+"
               r"(?P<date>" + _MONTH_DAY + r")\s*"
               r"\((?P<outlet>[A-Za-z][\w .&-]{0,30})\)\s*(?:[—–-]+|:)?\s*"),
    # MFA: "July 4 (MFA) —"
    re.compile(r"(?P<date>" + _MONTH_DAY + r")\s*\((?P<outlet>[A-Za-z][\w .&-]{0,30})\)\s*"
               r"(?:[—–-]+|:)\s*"),
    # TASS, Montsame: "MOSCOW, July 4. /TASS/.", "Ulaanbaatar, July 3, 2024 /MONTSAME/."
    re.compile(r"(?P<place>[A-Z][A-Za-z .'’-]{1,40}),\s+(?P<date>" + _MONTH_DAY + r")\.?\s*"
               r"/(?P<outlet>[A-Za-z-]{2,20})/\.?\s*"),
    # AP, Reuters, IRNA, any outlet in brackets after a place in capitals: "BEIJING (AP) —",
    # "TEHRAN (IRNA) --"
    re.compile(r"(?P<place>[A-Z][A-Z .'’-]{1,40}?)(?:,\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?\s*"
               r"\((?P<outlet>[A-Z][\w.&-]{1,12}(?:\s[A-Z][\w.&-]{1,12})?)\)\s*[—–-]+\s*"),
    # PTI, IANS without a date or a dash: "NEW DELHI (PTI) External Affairs Minister ..."
    re.compile(r"(?P<place>[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,2})\s*"
               r"\((?P<outlet>PTI|IANS|ANI|UNI|AP|AFP|Reuters|Xinhua|TASS|IRNA|APP)\)\s+(?=[A-Z])"),
    # Dawn, The News, Express Tribune: "ISLAMABAD: Prime Minister ...", "GOA:"
    re.compile(r"(?P<place>[A-Z][A-Z'’-]{2,}(?:\s[A-Z][A-Z'’-]{2,}){0,2}):\s+(?=[A-Z])"),
    # Kazinform, Anadolu: "ASTANA. KAZINFORM –", "ANKARA (AA) -"
    re.compile(r"(?P<place>[A-Z][A-Za-z .'’-]{1,40}?)(?:\.\s+|,\s+|\s*\()(?P<outlet>KAZINFORM|AA|"
               r"Kazinform|Anadolu|AKIpress|Trend|Interfax|RIA Novosti|BelTA|UzA|"
               r"Dunya|Kabar|Khovar|Montsame|MONTSAME|IRNA|Mehr|Tasnim|APP|IANS|PTI|ANI|TASS|"
               r"Xinhua|Sputnik|Trend|Azertac|AzerTac|APA|AKI|24\.kg)\)?\s*[—–-]+\s*"),
)


# A header line of its own: "October 13, 2022, Astana", "July 3, 2024, Novo-Ogaryovo, Moscow
# Region" (the place is the first name after the date).
_HEADER = re.compile(r"(?P<date>(?:January|February|March|April|May|June|July|August|"
                     r"September|October|November|December)\s+\d{1,2},\s+\d{4}),\s+"
                     r"(?:\d{1,2}:\d{2},\s+)?"  # the Kremlin's "September 11, 2014, 19:45, Dushanbe"
                     r"(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)(?:,\s+[A-Z][\w\s'’-]{0,40})?")


def plain_spaces(text: str) -> str:
    """``text`` with every Unicode space replaced by " " (same length, same offsets)."""
    return _UNICODE_SPACES.sub(" ", text)


@dataclass(frozen=True)
class Dateline:
    place: str | None
    month_day: tuple[int, int] | None
    outlet: str | None
    start: int
    end: int  # offset of the first character after the dateline


def find_dateline(text: str, *, limit: int = 3) -> Dateline | None:
    """The dateline at the start of one of the first ``limit`` non-empty lines, if any."""
    pos = 0
    seen = 0
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip()
        start = pos + len(line) - len(stripped)
        pos += len(line)
        if not stripped.strip():
            continue
        seen += 1
        header = _HEADER.fullmatch(stripped.strip())
        if header:  # the Kremlin's "October 13, 2022, Astana" line above the text
            return Dateline(place=header.group("place"),
                            month_day=parse_month_day(header.group("date")), outlet=None,
                            start=start, end=start + len(line.rstrip("\n")))
        for pattern in _DATELINES:
            m = pattern.match(stripped)
            if m and len(stripped) > m.end() + 10:
                g = m.groupdict()
                place = g.get("place")
                return Dateline(
                    place=" ".join(place.split()) if place else None,
                    month_day=parse_month_day(g["date"]) if g.get("date") else None,
                    outlet=g.get("outlet"),
                    start=start,
                    end=start + m.end(),
                )
        if seen >= limit:
            break
    return None


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, without its surrounding spaces."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        a, b = m.span()
        seg = m.group()
        a += len(seg) - len(seg.lstrip())
        b -= len(seg) - len(seg.rstrip())
        if b > a:
            spans.append((a, b))
    return spans


def is_heading(line: str) -> bool:
    """A headline, photo-less caption header or transcript header: one line, no full stop.

    "Wang Yi Meets with Mongolian Foreign Minister Battsetseg Batmunkh", "Meeting with
    President of Kyrgyzstan Sadyr Japarov".
    """
    line = line.strip()
    return bool(line) and len(line) < 200 and line[-1] not in ".!?:;\"”’)," and "\n" not in line


_CAPTION = re.compile(r"\((?:Xinhua|Photo|AP|AFP|Reuters|TASS|Sputnik|AA|PTI|ANI|IANS|"
                      r"[A-Z][\w .]*)/[^)]{2,60}\)\s*$|^\s*(?:Photo|Caption)\s*:", re.I)


def is_caption(sentence: str) -> bool:
    """A photo caption: "... in Astana, Kazakhstan, July 3, 2024. (Xinhua/Ju Peng)"."""
    return bool(_CAPTION.search(sentence))
