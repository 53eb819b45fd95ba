"""Named initiatives and principles that states endorse, with who proposed them.

Known ones carry a canonical English name; any other "... Initiative" is taken as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Initiative:
    name: str  # canonical English name
    proposers: tuple[str, ...]  # states that proposed it (they cannot endorse it)


@cache
def known_initiatives() -> tuple[tuple[re.Pattern[str], Initiative], ...]:
    """Patterns of initiatives named in readouts, e.g. "the Global Civilisation Initiative",
    "Belt and Road cooperation", "the six-point consensus jointly put forward by China and
    Brazil"."""
    table = (
        (r"Global Development Initiative|\bGDI\b", "Global Development Initiative", ("China",)),
        (r"Global Security Initiative|\bGSI\b", "Global Security Initiative", ("China",)),
        (r"Global Civili[sz]ation Initiative|\bGCI\b", "Global Civilization Initiative", ("China",)),
        (r"Global Governance Initiative|\bGGI\b", "Global Governance Initiative", ("China",)),
        (r"Belt and Road Initiative|\bBRI\b|One Belt,? One Road|Belt and Road cooperation|"
         r"Belt and Road", "Belt and Road Initiative", ("China",)),
        (r"one[- ]China (?:principle|policy)", "one-China principle", ("China",)),
        (r"six-point consensus", "six-point consensus on a political settlement of the Ukraine "
         "crisis", ("China", "Brazil")),
        (r"Five Principles of Peaceful Coexistence", "Five Principles of Peaceful Coexistence",
         ("China", "India", "Myanmar")),
    )
    return tuple((re.compile(p, re.I if "principle" in p or "consensus" in p else 0),
                  Initiative(n, prop)) for p, n, prop in table)


_GENERIC = re.compile(r"\b(?:the\s+)?((?:[A-Z][\w’'-]*\s+){1,5}Initiative)\b")


def find_initiatives(text: str) -> list[tuple[int, int, Initiative]]:
    """(start, end, initiative) for each initiative named in ``text``."""
    found: list[tuple[int, int, Initiative]] = []
    for pattern, initiative in known_initiatives():
        for m in pattern.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b, _ in found):
                found.append((m.start(), m.end(), initiative))
    for m in _GENERIC.finditer(text):
        a, b = m.span(1)
        if any(x < b and a < y for x, y, _ in found):
            continue
        name = m.group(1).strip()
        proposer = re.search(r"(?:proposed|put forward|launched) by ([A-Z][\w ]+?)[,.]",
                             text[b:b + 80])
        found.append((a, b, Initiative(name, (proposer.group(1),) if proposer else ())))
    found.sort()
    return found
