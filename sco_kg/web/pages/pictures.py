"""Pictures drawn from the graph as inline SVG: who met whom, and meetings on a timeline.

Drawn on the server, so they need no script and stay readable by assistive technology: each
SVG has ``role="img"``, a ``<title>`` and a ``<desc>``, every node and mark links to its page
and carries a ``<title>`` tooltip, and every text piece is escaped.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

@dataclass(frozen=True)
class Node:
    key: str  # an IRI
    label: str
    href: str | None = None


@dataclass(frozen=True)
class Edge:
    a: str  # node keys
    b: str
    title: str
    href: str | None = None


@dataclass(frozen=True)
class Mark:
    """One event on a timeline: ``when`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    when: str
    label: str
    href: str | None = None


def _a(href: str | None, inner: str) -> str:
    return f'<a href="{escape(href)}">{inner}</a>' if href else inner


def _frame(width: int, height: int, title: str, desc: str, body: str, ident: str) -> Markup:
    n = escape(ident)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="picture" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{n}-title {n}-desc">'
        f'<title id="{n}-title">{escape(title)}</title>'
        f'<desc id="{n}-desc">{escape(desc)}</desc>{body}</svg>'
    )


def layout(nodes: Sequence[Node], edges: Sequence[Edge], width: int, height: int) -> dict[str, tuple[float, float]]:
    """Node positions: a hub in the middle when one node meets most others, else a circle.

    Summits look like stars (the host meets each guest), so a hub layout reads best there;
    nodes keep their given order around the circle, so the picture is the same every time.
    """
    degree = Counter(k for e in edges for k in {e.a, e.b})
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - 70
    hub = None
    if len(nodes) > 3 and degree:
        top, top_degree = degree.most_common(1)[0]
        if top_degree >= (len(nodes) - 1) / 2:
            hub = top
    ring = [n for n in nodes if n.key != hub]
    positions = {hub: (cx, cy)} if hub else {}
    for i, node in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(ring), 1)
        positions[node.key] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return positions


def network_svg(nodes: Sequence[Node], edges: Sequence[Edge], *, title: str, ident: str = "network", width: int = 640, height: int = 480) -> Markup:
    """Who met whom: people as circles, meetings as lines between them (thicker when repeated)."""
    pos = layout(nodes, edges, width, height)
    pairs = Counter(tuple(sorted((e.a, e.b))) for e in edges)
    parts = ['<g class="edges">']
    drawn: set[tuple[str, str]] = set()
    for e in edges:
        key = tuple(sorted((e.a, e.b)))
        if e.a not in pos or e.b not in pos or key in drawn:
            continue
        drawn.add(key)  # one line per pair, as thick as the pair's meetings are many
        (x1, y1), (x2, y2) = pos[e.a], pos[e.b]
        stroke = 1.5 + 1.5 * (pairs[key] - 1)
        tip = e.title if pairs[key] == 1 else f"{e.title} (and {pairs[key] - 1} more)"
        line = (f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                f'stroke-width="{stroke:.1f}"><title>{escape(tip)}</title></line>')
        parts.append(_a(e.href, line))
    parts.append('</g><g class="nodes">')
    for node in nodes:
        x, y = pos[node.key]
        dx = x - width / 2
        anchor = "middle" if abs(dx) < 20 else ("start" if dx > 0 else "end")
        tx = x + (0 if anchor == "middle" else (12 if dx > 0 else -12))
        ty = y + (26 if anchor == "middle" and y >= height / 2 else (-14 if anchor == "middle" else 4))
        inner = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8"><title>{escape(node.label)}</title></circle>'
                 f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}">{escape(node.label)}</text>')
        parts.append(_a(node.href, inner))
    parts.append("</g>")
    desc = f"{len(nodes)} people and {len(edges)} meetings between them."
    return _frame(width, height, title, desc, "".join(parts), ident)


def _span(when: str) -> tuple[date, date] | None:
    """The days a date of the given granularity covers: ``2024-07`` -> July 1 to 31."""
    try:
        parts = [int(p) for p in when.split("-")]
        if len(parts) == 3:
            d = date(*parts)
            return d, d
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None
    return None


def _ticks(first: date, last: date, most: int = 10) -> list[tuple[date, str]]:
    """Axis ticks (at most ``most``): days for a short span, else the first of some months."""
    days = (last - first).days
    if days <= 45:
        step = max(1, math.ceil((days + 1) / most))
        return [(first + timedelta(d), (first + timedelta(d)).strftime("%b %d").replace(" 0", " "))
                for d in range(0, days + 1, step)]
    ticks = []
    m = date(first.year, first.month, 1)
    step = max(1, math.ceil(days / 30 / most))
    i = 0
    while m <= last:
        if i % step == 0 and m >= first:
            ticks.append((m, m.strftime("%b %Y")))
        m = date(m.year + m.month // 12, m.month % 12 + 1, 1)
        i += 1
    return ticks


def _clip(label: str, size: int = 32) -> str:
    """A label short enough for the space right of the marks (the full one is in the tooltip)."""
    return label if len(label) <= size else label[: size - 1].rstrip() + "…"


def timeline_svg(marks: Sequence[Mark], *, title: str, ident: str = "timeline", width: int = 720) -> Markup:
    """Meetings along a time axis, one row each, earliest first.

    A day is a dot; a month or a year is a bar over the days it covers, so the picture shows
    how precisely the source dates each meeting.
    """
    dated = sorted(((s, m) for m in marks if (s := _span(m.when))), key=lambda p: (p[0][0], p[1].label))
    undated = len(marks) - len(dated)
    if not dated:
        return _frame(width, 40, title, "No dated meetings.", '<text x="10" y="24">No dated meetings.</text>', ident)
    first = min(s[0] for s, _ in dated)
    last = max(s[1] for s, _ in dated)
    if first == last:
        first, last = first - timedelta(days=1), last + timedelta(days=1)
    left, right, row, top = 110, width - 220, 24, 34
    scale = (right - left) / max((last - first).days, 1)

    def x(d: date) -> float:
        return left + (d - first).days * scale

    height = top + row * len(dated) + 10
    parts = ['<g class="axis">']
    for d, label in _ticks(first, last, most=max(2, int((right - left) // 70))):
        parts.append(f'<line x1="{x(d):.1f}" y1="{top - 10}" x2="{x(d):.1f}" y2="{height - 6}"/>'
                     f'<text x="{x(d):.1f}" y="{top - 16}" text-anchor="middle">{escape(label)}</text>')
    parts.append('</g><g class="marks">')
    for i, ((a, b), mark) in enumerate(dated):
        y = top + row * i + row / 2
        tip = f"{mark.when}: {mark.label}"
        if a == b:
            shape = f'<circle cx="{x(a):.1f}" cy="{y:.1f}" r="6"><title>{escape(tip)}</title></circle>'
        else:
            w = max(x(b + timedelta(days=1)) - x(a), 6)
            shape = (f'<rect class="span" x="{x(a):.1f}" y="{y - 5:.1f}" width="{w:.1f}" height="10" rx="5">'
                     f'<title>{escape(tip)} (the source gives no exact day)</title></rect>')
        text = (f'<text class="when" x="8" y="{y + 4:.1f}">{escape(mark.when)}</text>'
                f'<text x="{max(x(b), x(a)) + 12:.1f}" y="{y + 4:.1f}">{escape(_clip(mark.label))}</text>')
        parts.append(_a(mark.href, shape + text))
    parts.append("</g>")
    desc = f"{len(dated)} dated meetings from {first.isoformat()} to {last.isoformat()}"
    desc += f"; {undated} without a date are not shown." if undated else "."
    return _frame(width, height, title, desc, "".join(parts), ident)
