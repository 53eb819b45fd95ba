"""Reading articles: plain text files (one or many articles) and JSON Lines.

A text file may hold several articles. A new article starts at a dateline paragraph such as
``ASTANA, July 3 (Xinhua) —`` or ``July 4 (MFA) —``; the short line before it is its
headline. Text before the first dateline is an article of its own (a roundup), headed by
its first line. Article ids: the file stem for a one-article file, ``<stem>/<n>`` (n from 1)
for the n-th article of a multi-article file, the ``id`` field for JSON Lines.

Text is stored verbatim (non-breaking and en spaces included): every offset that later
points into an article points into exactly this text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .model import Article


class InputError(Exception):
    """Unreadable input; the message names the file (and line)."""


# A dateline: optional PLACE in capitals, "Month day", the outlet in brackets, a dash.
# Spaces may be any Unicode space; the dash may be an em dash, en dash or hyphen(s).
DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'\- ]*[A-Z]),\s+)?"
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"  # "28 June" (BelTA, UzA)
    r"\s*\((?P<outlet>[^()\n]{1,40})\)\s*(?:—|–|--|-)\s*"
)
HEADLINE_MAX = 200


@dataclass(frozen=True)
class _Block:
    """A paragraph: its text and where it starts in the file."""

    start: int
    end: int
    text: str


def read_articles(path: Path) -> list[Article]:
    """All articles in ``path`` (``.jsonl``/``.ndjson`` as JSON Lines, anything else as text)."""
    path = Path(path)
    raw = _read_text(path)
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        articles = _parse_jsonl(path, raw)
    else:
        articles = _parse_text(path, raw)
    if not articles:
        raise InputError(f"{path}: no article found (the file is empty)")
    return articles


def read_corpus(paths: Iterable[Path]) -> list[Article]:
    """Articles of several files, refusing two articles with one id."""
    articles: list[Article] = []
    seen: dict[str, Path] = {}
    for path in paths:
        for article in read_articles(path):
            if article.id in seen:
                raise InputError(f"{path}: article id {article.id!r} also comes from {seen[article.id]}")
            seen[article.id] = path
            articles.append(article)
    return articles


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: not UTF-8 (byte {exc.start}: {data[exc.start]:#04x})") from exc
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(f"{path}: no article found (the file is empty)")
    return text


def _parse_jsonl(path: Path, raw: str) -> list[Article]:
    articles = []
    for n, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: invalid JSON: {exc.msg} (column {exc.colno})") from exc
        if not isinstance(obj, dict):
            raise InputError(f"{path}:{n}: expected a JSON object, got {type(obj).__name__}")
        for key in ("id", "text"):
            if not isinstance(obj.get(key), str) or not obj[key].strip():
                raise InputError(f"{path}:{n}: missing or empty string field {key!r}")
        for key in ("title", "url", "published", "outlet"):
            if obj.get(key) is not None and not isinstance(obj[key], str):
                raise InputError(f"{path}:{n}: field {key!r} must be a string")
        published = obj.get("published")
        if published is not None and not _is_iso_date(published):
            raise InputError(f"{path}:{n}: 'published' is not an ISO date: {published!r}")
        text = obj["text"]
        lead = DATELINE.match(text)
        articles.append(
            Article(
                id=obj["id"],
                text=text,
                title=obj.get("title"),
                url=obj.get("url"),
                published=published,
                outlet=obj.get("outlet") or _outlet(text),
                source=path.name,
                **_dateline_fields(lead),
            )
        )
    return articles


def _is_iso_date(value: str) -> bool:
    if re.fullmatch(r"\d{4}(-\d{2})?", value):
        return 1 <= int(value[5:7] or 1) <= 12
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def _blocks(raw: str) -> list[_Block]:
    """Paragraphs separated by blank lines, with their offsets into ``raw``."""
    blocks = []
    for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", raw):
        start, end = m.start(), m.end()
        while end > start and raw[end - 1].isspace():
            end -= 1
        blocks.append(_Block(start, end, raw[start:end]))
    return blocks


def _is_headline(block: _Block) -> bool:
    line = block.text.strip()
    return "\n" not in line and len(line) <= HEADLINE_MAX and not line.endswith((".", ":", ";", ","))


def _parse_text(path: Path, raw: str) -> list[Article]:
    blocks = _blocks(raw)
    # Indices of blocks that open an article: datelines, each with the headline before it.
    starts: list[tuple[int | None, int]] = []  # (headline block index, first body block index)
    for i, block in enumerate(blocks):
        if DATELINE.match(block.text):
            headline = i - 1 if i > 0 and _is_headline(blocks[i - 1]) else None
            if headline is not None and starts and starts[-1][1] > headline:
                headline = None  # the previous line is already body text of an article
            starts.append((headline, i))
    sections: list[tuple[_Block | None, list[_Block]]] = []
    first_open = (starts[0][0] if starts[0][0] is not None else starts[0][1]) if starts else len(blocks)
    if first_open > 0:
        lead = blocks[:first_open]
        has_title = len(lead) > 1 and _is_headline(lead[0])
        sections.append((lead[0] if has_title else None, lead[1:] if has_title else lead))
    for k, (headline, body_start) in enumerate(starts):
        if k + 1 < len(starts):
            nxt_head, nxt_body = starts[k + 1]
            body_end = nxt_head if nxt_head is not None else nxt_body
        else:
            body_end = len(blocks)
        sections.append((blocks[headline] if headline is not None else None, blocks[body_start:body_end]))
    sections = [(h, body) for h, body in sections if body]
    stem = path.stem
    articles = []
    for n, (headline, body) in enumerate(sections, start=1):
        text = raw[body[0].start : body[-1].end]
        articles.append(
            Article(
                id=stem if len(sections) == 1 else f"{stem}/{n}",
                outlet=_outlet(text),
                text=text,
                title=" ".join(headline.text.split()) if headline else None,
                source=path.name,
                **_dateline_fields(DATELINE.match(text)),
            )
        )
    return articles


def _outlet(text: str) -> str | None:
    """A text file's outlet is the one its dateline names ("(Xinhua)"), if any."""
    match = DATELINE.match(text)
    return match.group("outlet").strip() if match else None


def _dateline_fields(match: re.Match[str] | None) -> dict[str, str | None]:
    if not match:
        return {"dateline_place": None, "dateline_date": None, "dateline_outlet": None}
    place = match.group("place")
    return {
        "dateline_place": " ".join(place.split()) if place else None,
        "dateline_date": " ".join(match.group("date").split()),
        "dateline_outlet": match.group("outlet").strip(),
    }
