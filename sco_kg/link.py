"""The link stage: give an entity its Wikidata QID only when the gazetteer makes it certain.

A wrong QID corrupts every join a user makes with Wikidata, so the rules only ever refuse:

- exact match, after :func:`~sco_kg.gazetteer.fold` (case, accents, quotes, spaces), of the
  entity's label on a name of a gazetteer entry *of the same kind*; a leading "the" is
  ignored for places and organisations ("the United Nations");
- initiatives and principles never: no verified QID exists for them;
- a person is never linked by a role phrase ("President Xi", "the Uzbek president");
- a person named by one word ("Xi", "Erdogan") is linked only if the gazetteer lists that
  word for the entry *and* the article gives one of the entry's full names, with no other
  given name before the surname anywhere in the article ("Xi" after "Xi Jinping" yes;
  "Putin" in an article that also names an "Igor Putin" no);
- a person said to represent a state or organisation other than the one the gazetteer
  knows for them is not linked ("President Vladimir Putin of Kyrgyzstan");
- an entity label is decided once for the whole corpus, as it is one IRI: if any occurrence
  fails, none is linked.

Every entity gets its ``qid`` set or cleared, whatever extraction put there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .gazetteer import Gazetteer, GazetteerEntry, fold, plain
from .model import ArticleFacts, Entity
from .namespaces import DATA, OWL, SCHEMA, SCO, WD
from .store import GraphStore

# Words that make a name a role phrase, or that may stand before a surname as a title.
ROLE_WORDS = frozenset(
    w.casefold()
    for w in (
        "President Vice Premier Prime Minister PM Chairman Chairwoman Chair Chairperson "
        "Secretary-General Secretary General King Queen Emir Amir Crown Prince Sheikh Sultan "
        "Deputy Foreign Speaker Ambassador Envoy Councillor Counselor Leader Chancellor Mr Mrs "
        "Ms Dr Head State Governor Mayor Director Commissioner Senator Spokesperson "
        "Spokesman Spokeswoman Minister-Counselor Counterpart Comrade His Her Excellency"
    ).split()
)
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)
PARTY_KINDS = ("country", "organization")
ENTITY_CLASSES = {
    "person": (SCO.Person,),
    "country": (SCO.Country,),
    "organization": (SCO.Organization, SCO.InternationalOrganization),
    "city": (SCO.City,),
}


@dataclass(frozen=True)
class LinkDecision:
    """What the link stage decided for one entity (one kind and label)."""

    kind: str
    label: str
    qid: str | None
    reason: str


@dataclass
class LinkReport:
    decisions: list[LinkDecision] = field(default_factory=list)
    changed: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)  # kind, label, was, now

    @property
    def linked(self) -> int:
        return sum(1 for d in self.decisions if d.qid)

    @property
    def unlinked(self) -> int:
        return sum(1 for d in self.decisions if not d.qid)

    def unlinked_decisions(self) -> list[LinkDecision]:
        return [d for d in self.decisions if not d.qid]


@dataclass
class _Occurrence:
    entity: Entity
    text: str  # the article's text
    party: Entity | None = None  # for a person: the state or organisation they speak for


def _occurrences(facts: Sequence[ArticleFacts]) -> Iterator[_Occurrence]:
    for af in facts:
        text = af.article.text
        for m in af.meetings:
            for p in m.participants:
                if p.person:
                    yield _Occurrence(p.person, text, p.party)
                if p.party:
                    yield _Occurrence(p.party, text)
            if m.location:
                yield _Occurrence(m.location, text)
        for pa in af.partnerships:
            for e in pa.parties:
                yield _Occurrence(e, text)
        for en in af.endorsements:
            yield _Occurrence(en.party, text)
            yield _Occurrence(en.initiative, text)
            if en.speaker:
                yield _Occurrence(en.speaker, text, en.party)
        for s in af.summits:
            for e in (s.organization, s.location):
                if e:
                    yield _Occurrence(e, text)


def _key(entity: Entity) -> tuple[str, str]:
    return (entity.kind, fold(entity.label))


def _name(label: str, kind: str) -> str:
    """The label as looked up: "the United Nations" -> "United Nations" (not for persons)."""
    label = " ".join(label.split())
    if kind != "person" and label[:4].casefold() == "the ":
        return label[4:]
    return label


def is_role_phrase(label: str) -> bool:
    """True if a person label holds a title or office word.

    >>> is_role_phrase("President Xi"), is_role_phrase("UN Secretary-General"), is_role_phrase("Xi Jinping")
    (True, True, False)
    """
    words = label.split() + label.replace("-", " ").split()
    return any(w.strip(".,'").casefold() in ROLE_WORDS for w in words)


# The end of a name: not inside a longer word, but a possessive may follow ("Xi's", not "Xi'an").
_END = r"(?![\w-]|'(?!s(?!\w))\w)"


def _article_form(text: str) -> str:
    """Article text for name search: no diacritics, straight quotes, single spaces."""
    return " ".join(plain(text).replace("\u2019", "'").replace("\u2018", "'").split())


def surname_backed(entry: GazetteerEntry, surname: str, text: str, gazetteer: Gazetteer) -> bool:
    """True if ``text`` gives one of ``entry``'s full names and nobody else with ``surname``.

    Somebody else is a capitalised word next to the surname, before it ("Igor Putin") or
    after it, as Chinese names put the surname first ("Xi Mingze"), that is not part of the
    entry's full names, a title, a known name or demonym, a weekday or month, or a common word
    capitalised at a sentence start (one the text also writes in lower case).

    >>> from sco_kg.gazetteer import load_gazetteer
    >>> g = load_gazetteer()
    >>> xi = g.by_qid("Q15031")
    >>> surname_backed(xi, "Xi", "Chinese President Xi Jinping arrived. Xi said ...", g)
    True
    >>> surname_backed(xi, "Xi", "President Xi said ...", g)
    False
    >>> surname_backed(xi, "Xi", "Xi Jinping arrived with Xi Mingze. Xi said ...", g)
    False
    """
    t = _article_form(text)
    if not any(re.search(rf"(?<![\w'-]){re.escape(plain(n))}{_END}", t, re.IGNORECASE) for n in entry.full_names):
        return False
    full = [f" {fold(n)} " for n in entry.full_names]
    name = re.escape(plain(surname))
    word = r"([A-Z][\w'-]*|[A-Z]\.)"
    # A word before a full stop is not a given name: "Wednesday. Xi said" does not match.
    before = ((m.group(1), f"{m.group(1)} {surname}") for m in re.finditer(rf"(?<![\w'-]){word}\s+{name}{_END}", t))
    after = ((m.group(1), f"{surname} {m.group(1)}") for m in re.finditer(rf"(?<![\w'-]){name}\s+{word}{_END}", t))
    for other, pair in (*before, *after):
        if any(f" {fold(pair)} " in n for n in full):
            continue
        if other.casefold().strip(".") in ROLE_WORDS | CALENDAR_WORDS:
            continue
        if gazetteer.lookup(other) or gazetteer.by_demonym(other):
            continue
        if re.search(rf"(?<![\w'-]){re.escape(other.lower())}{_END}", t):
            continue  # a common word capitalised at a sentence start: "Meeting Putin, ..."
        return False  # another given name next to this surname: someone else may be meant
    return True


def _party_entry(party: Entity, gazetteer: Gazetteer) -> GazetteerEntry | None:
    name = _name(party.label, "country")
    for kind in PARTY_KINDS:
        if e := gazetteer.lookup(name, kind):  # type: ignore[arg-type]
            return e
    return gazetteer.by_demonym(name)


def decide(kind: str, label: str, occurrences: Sequence[_Occurrence], gazetteer: Gazetteer) -> LinkDecision:
    """The QID (or None) and the reason, for one entity over all its occurrences."""
    if kind == "initiative":
        return LinkDecision(kind, label, None, "initiatives have no verified QID")
    if kind == "person" and is_role_phrase(label):
        return LinkDecision(kind, label, None, "a role phrase never links a person")
    entry = gazetteer.lookup(_name(label, kind), kind)  # type: ignore[arg-type]
    if entry is None:
        return LinkDecision(kind, label, None, "not in the gazetteer")
    if kind == "person":
        if len(label.split()) == 1:
            for occ in occurrences:
                if not surname_backed(entry, label, occ.text, gazetteer):
                    return LinkDecision(kind, label, None, f"surname only: no unique full name of {entry.label} in an article")
        if entry.represents:
            for occ in occurrences:
                if occ.party is None:
                    continue
                party = _party_entry(occ.party, gazetteer)
                if party is None or party.qid not in entry.represents:
                    return LinkDecision(
                        kind, label, None,
                        f"said to represent {occ.party.label}; {entry.label} ({entry.qid}) represents "
                        + ", ".join(entry.represents),
                    )
    return LinkDecision(kind, label, entry.qid, f"exact name of {entry.label}")


def link_facts(facts: list[ArticleFacts], gazetteer: Gazetteer) -> LinkReport:
    """Set or clear ``Entity.qid`` on every entity in ``facts``; report what was decided."""
    groups: dict[tuple[str, str], list[_Occurrence]] = {}
    labels: dict[tuple[str, str], str] = {}
    for occ in _occurrences(facts):
        k = _key(occ.entity)
        groups.setdefault(k, []).append(occ)
        labels.setdefault(k, occ.entity.label)
    report = LinkReport()
    for k, occs in groups.items():
        d = decide(k[0], labels[k], occs, gazetteer)
        report.decisions.append(d)
        for occ in occs:
            if occ.entity.qid != d.qid:
                report.changed.append((d.kind, occ.entity.label, occ.entity.qid, d.qid))
            occ.entity.qid = d.qid
    return report


def check_store_qids(store: GraphStore, gazetteer: Gazetteer | None = None) -> list[str]:
    """The Wikidata IRIs or QIDs in ``store`` that break the linking policy, sorted.

    A QID offends if it is not a gazetteer entry (which always has two sources), if an
    entity of ours of another kind claims it (a person ``owl:sameAs`` a country), or if one
    of our entities is the same as two QIDs. Looks at ``owl:sameAs``/``schema:sameAs`` and
    at any Wikidata IRI our data IRIs point to. ``gazetteer`` defaults to the bundled one.
    """
    if gazetteer is None:
        from .gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    q = f"""
    SELECT DISTINCT ?s ?o ?type WHERE {{
      {{ ?s <{OWL.sameAs}> ?o }} UNION {{ ?s <{SCHEMA.sameAs}> ?o }}
      UNION {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{DATA}")) }}
      FILTER(ISIRI(?o) && REGEX(STR(?o), "^https?://(www\\\\.)?wikidata\\\\.org/"))
      OPTIONAL {{ ?s a ?type }}
    }}"""
    kind_of_class = {str(c): k for k, classes in ENTITY_CLASSES.items() for c in classes}
    bad: set[str] = set()
    qids_of: dict[str, set[str]] = {}
    for row in store.query(q):
        s, o = row["s"].value, row["o"].value
        m = re.fullmatch(re.escape(str(WD)) + r"(Q[1-9][0-9]*)", o)
        if not m:
            bad.add(o)
            continue
        qid = m.group(1)
        qids_of.setdefault(s, set()).add(qid)
        entry = gazetteer.by_qid(qid)
        if entry is None or not all(x.strip() for x in entry.sources):
            bad.add(qid)
            continue
        t = row["type"]
        if t is not None and t.value in kind_of_class and kind_of_class[t.value] != entry.kind:
            bad.add(qid)
    for qids in qids_of.values():
        if len(qids) > 1:
            bad.update(qids)
    return sorted(bad)
