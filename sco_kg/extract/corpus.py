"""Extraction over a corpus: parse every article once, read each, then make the facts of
all articles agree (people's full names and states, one meeting per real meeting)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.language import Language

from ..gazetteer import fold, load_gazetteer
from ..model import Article, ArticleFacts, Entity, Meeting, Participant
from .context import ArticleContext, build_context, explicit_year
from .countries import party
from .dates import parse_iso
from .dedup import Report, cluster, unify
from .meetings import RawMeeting, ReadState, Side, find_meetings
from .people import Person, role_rank
from .pipeline import load_pipeline
from .text import plain_spaces


@dataclass
class ArticleRead:
    """What one article says, before the corpus is made to agree."""

    ctx: ArticleContext
    meetings: list[RawMeeting] = field(default_factory=list)
    facts: ArticleFacts | None = None


def infer_years(articles: list[Article], texts: list[str]) -> list[int | None]:
    """The year each article is written in: its publication date, else the full dates it
    gives ("On July 3, 2024"), else those of the other articles read from the same file."""
    own: list[int | None] = []
    for a, text in zip(articles, texts):
        published = parse_iso(a.published)
        own.append(published.year if published else explicit_year(text))
    by_source: dict[str, list[int]] = defaultdict(list)
    for a, y in zip(articles, own):
        if y and a.source:
            by_source[a.source].append(y)
    return [y or (max(by_source[a.source]) if a.source and by_source.get(a.source) else None)
            for a, y in zip(articles, own)]


def read_article(ctx: ArticleContext) -> ArticleRead:
    read = ArticleRead(ctx)
    state = ReadState()
    for sent in ctx.sentences():
        read.meetings.extend(find_meetings(ctx, sent, state))
    return read


def extract_corpus(articles: list[Article], nlp: Language | None = None) -> list[ArticleFacts]:
    """The facts of every article (one ArticleFacts per article, in order).

    A meeting reported by several articles comes out with the same participants, kind, date,
    location and occasion in each, so that the RDF stage mints one IRI for it.
    """
    nlp = nlp or load_pipeline()
    texts = [plain_spaces(a.text) for a in articles]
    years = infer_years(articles, texts)
    docs = list(nlp.pipe(texts))
    reads = [read_article(build_context(a, doc, y)) for a, doc, y in zip(articles, docs, years)]
    _agree_on_people(reads)
    reports = [Report(i, m) for i, r in enumerate(reads) for m in r.meetings]
    groups = cluster(reports)
    for g in groups:
        unify(g)
    out = []
    for i, r in enumerate(reads):
        facts = ArticleFacts(r.ctx.article)
        mine = [[rep for rep in g if rep.article == i] for g in groups]
        for reps in mine:
            if reps:
                facts.meetings.append(_meeting(reps[0].meeting, [e for rep in reps
                                                                  for e in rep.meeting.evidence]))
        facts.meetings.sort(key=lambda m: (m.evidence[0].start if m.evidence else 0))
        out.append(facts)
    return out


def _agree_on_people(reads: list[ArticleRead]) -> None:
    """Full names, states and offices of people, agreed across the corpus; then offices named
    by state ("the President of Belarus") resolved to the person holding them."""
    people: list[Person] = [p for r in reads for p in r.ctx.registry.people]
    longest: dict[tuple[str, ...], str] = {}
    for p in people:
        longest.setdefault(p.words, p.name)
    full: dict[tuple[str, ...], tuple[str, ...]] = {}
    for p in people:
        holders = [w for w in longest if len(w) > len(p.words) and _contains(w, p.words)]
        full[p.words] = holders[0] if len(holders) == 1 else p.words
    parties: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    roles: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for p in people:
        key = full[p.words]
        if p.party:
            parties[key][(p.party.label, p.party.kind, p.party.qid)] += 1
        if p.role:
            roles[key][p.role] += 1
    names: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for p in people:
        if p.words == full[p.words]:
            names[full[p.words]][p.name] += 1
    for p in people:
        key = full[p.words]
        if names[key]:
            p.name = names[key].most_common(1)[0][0]
        if p.party is None and parties[key]:
            label, kind, qid = parties[key].most_common(1)[0][0]
            p.party = party(label)
        if roles[key]:
            best = max(roles[key], key=lambda r: (roles[key][r], role_rank(r), len(r)))
            p.roles = [(99, 0, best)]
        if p.qid is None:
            gaz = load_gazetteer().lookup(p.name, "person")
            p.qid = gaz.qid if gaz else None
    for r in reads:
        for m in r.meetings:
            for s in m.sides:
                if s.person:
                    if s.person.party:
                        s.party_label = s.person.party.label
                    s.role = s.person.role or s.role
                elif s.party_label:
                    found = r.ctx.registry.with_party(s.party_label, s.role)
                    if len(found) == 1:
                        s.person = found[0]
                        s.role = found[0].role or s.role
            uniq: dict[str, Side] = {}
            for s in m.sides:
                uniq.setdefault(s.key(), s)
            m.sides = list(uniq.values())
        r.meetings = [m for m in r.meetings if len(m.sides) >= 2]


def _contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(full[i:i + n] == part for i in range(len(full) - n + 1))


def _meeting(m: RawMeeting, evidence) -> Meeting:
    participants = []
    for s in sorted(m.sides, key=lambda s: fold(s.key())):
        person = Entity(s.person.name, "person", s.person.qid) if s.person else None
        p = party(s.party_label) if s.party_label else None
        party_entity = p.entity() if p else (Entity(s.party_label, "country")
                                             if s.party_label else None)
        participants.append(Participant(person, party_entity, s.role))
    seen = set()
    unique_evidence = []
    for e in evidence:
        if (e.article_id, e.start) not in seen:
            seen.add((e.article_id, e.start))
            unique_evidence.append(e)
    return Meeting(kind=m.kind, participants=participants,
                   date=m.date.iso() if m.date else None, location=m.location,
                   occasion=m.occasion, background=m.background, evidence=unique_evidence)
