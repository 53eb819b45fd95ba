"""The gazetteer: entities whose Wikidata QIDs are verified by two independent sources.

``data/gazetteer.csv`` has one row per entity: ``qid,label,kind,aliases,demonyms,source1,
source2``; aliases and demonyms are ``;``-separated. Matching folds case, accents and
Unicode spaces, so "Erdoğan", "Erdogan" and "ERDOGAN" are one key.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import EntityKind
from .paths import GAZETTEER


def fold(text: str) -> str:
    """A matching key: accents stripped, spaces collapsed, case folded, curly quotes straight."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class GazetteerEntry:
    qid: str
    label: str
    kind: EntityKind
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    sources: tuple[str, str]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


class Gazetteer:
    def __init__(self, entries: list[GazetteerEntry]) -> None:
        self.entries = entries
        self._by_name: dict[tuple[str, str], GazetteerEntry] = {}
        self._by_demonym: dict[str, GazetteerEntry] = {}
        self._by_qid = {e.qid: e for e in entries}
        for e in entries:
            for name in e.names:
                self._by_name.setdefault((e.kind, fold(name)), e)
            for d in e.demonyms:
                self._by_demonym.setdefault(fold(d), e)

    def lookup(self, name: str, kind: EntityKind | None = None) -> GazetteerEntry | None:
        """The entry one of whose names is ``name`` (of ``kind``, if given), else None."""
        key = fold(name)
        kinds = [kind] if kind else ["person", "country", "organization", "city", "initiative"]
        for k in kinds:
            if (k, key) in self._by_name:
                return self._by_name[(k, key)]
        return None

    def by_demonym(self, word: str) -> GazetteerEntry | None:
        """The country (or organisation) a demonym such as "Kyrgyz" or "Turkish" names."""
        return self._by_demonym.get(fold(word))

    def by_qid(self, qid: str) -> GazetteerEntry | None:
        return self._by_qid.get(qid)


def read_gazetteer(path: Path) -> Gazetteer:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    entries = []
    for n, row in enumerate(rows, start=2):
        if not (row.get("source1") and row.get("source2")):
            raise ValueError(f"{path}:{n}: {row.get('qid')} lacks two independent sources")
        entries.append(
            GazetteerEntry(
                qid=row["qid"],
                label=row["label"],
                kind=row["kind"],  # type: ignore[arg-type]
                aliases=tuple(a for a in row["aliases"].split(";") if a),
                demonyms=tuple(d for d in row["demonyms"].split(";") if d),
                sources=(row["source1"], row["source2"]),
            )
        )
    return Gazetteer(entries)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process."""
    return read_gazetteer(GAZETTEER)
