"""Extraction over a corpus: parse every article once, read each, then make the facts of
all articles agree (people's full names and states, one meeting per real meeting)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.language import Language

from ..gazetteer import fold, load_gazetteer
from ..model import (
    Article, ArticleFacts, Endorsement, Entity, Evidence, Meeting, Participant, Partnership, Summit,
)
from .context import ArticleContext, build_context, explicit_year
from .countries import party
from .dates import parse_iso
from .dedup import Report, cluster, unify
from .dedup import compatible as dedup_compatible
from .endorsements import RawEndorsement, find_endorsements
from .meetings import RawMeeting, ReadState, Side, find_meetings, told_date
from .partnerships import CHANGE_RANK, RawPartnership, find_partnerships
from .patterns import outlet_states, reporting_verbs
from .people import Person, role_rank
from .summits import RawSummit, SummitMention, cluster_summits, find_summits, worth_a_fact
from .pipeline import load_pipeline
from .text import plain_spaces


@dataclass
class ArticleRead:
    """What one article says, before the corpus is made to agree."""

    ctx: ArticleContext
    meetings: list[RawMeeting] = field(default_factory=list)
    partnerships: list[tuple[RawPartnership, Evidence]] = field(default_factory=list)
    endorsements: list[tuple[RawEndorsement, Evidence]] = field(default_factory=list)
    summits: list[tuple[RawSummit, Evidence]] = field(default_factory=list)


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
    """Every fact one article states, sentence by sentence, with what earlier sentences
    established (who "he" is, which meeting "the two sides" belong to)."""
    read = ArticleRead(ctx)
    state = ReadState()
    speaker: Person | None = None
    plural: list[Person] = []
    sents = ctx.sentences()
    for k, sent in enumerate(sents):
        speaker = _speaker(ctx, sent, state) or _quote_speaker(ctx, sents, k, state) or speaker
        state.speaker = speaker
        meetings = find_meetings(ctx, sent, state)
        if not meetings:
            _follow_the_pair(ctx, sent, state, read.meetings)
        read.meetings.extend(meetings)
        state.told = told_date(ctx, sent, state)
        evidence = ctx.evidence(sent)
        pair = list(dict.fromkeys(s.party_label for s in state.current if s.party_label))
        sides = list(state.current)
        if len(pair) < 2 and len(sides) == 2:
            # "Vladimir Putin" of a Kremlin transcript gets his state from the corpus: the
            # parties of "we elevated our relations" are settled once people are agreed on
            pair = [f"@{i}" for i in range(2)]
        for p in find_partnerships(sent, ctx.ref, pair, state.last_date or ctx.event):
            if any(x.startswith("@") for x in p.parties):
                p.sides = sides
            read.partnerships.append((p, evidence))
        for e in find_endorsements(sent, ctx.registry, speaker, plural, pair):
            read.endorsements.append((e, evidence))
        for sm in find_summits(sent, ctx.ref, ctx.place):
            read.summits.append((sm, evidence))
        state.plural = _plural_subject(ctx, sent)  # for "they" in the next sentence only
        plural = state.plural or plural
    return read


def _speaker(ctx: ArticleContext, sent, state: ReadState) -> Person | None:
    """Whom the sentence quotes: the subject of its "said" (a pronoun meaning the last
    person talked about), or the speaker of a transcript turn ("Vladimir Putin: Mr
    President, ...", "Narendra Modi (retranslated): ...")."""
    first = sent[0]
    doc = sent.doc
    line_start = first.i == 0 or "\n" in doc[first.i - 1].text \
        or "\n" in doc[first.i - 1].whitespace_
    # "President of Russia Vladimir Putin: Mr Chairman, ...": past the title
    while line_start and first.i < sent.end - 1 and first.i - sent.start < 8 and \
            first.i not in ctx.registry.by_token and (
                first.text[:1].isupper() or first.lower_ in ("of", "the", "'s", "’s")):
        first = doc[first.i + 1]
    if line_start and first.i in ctx.registry.by_token:
        _, end = ctx.registry.span_of[first.i]
        k = end
        if k < sent.end and sent.doc[k].text == "(":
            while k < sent.end and not sent.doc[k].text.startswith(")"):
                k += 1
            if k < sent.end and sent.doc[k].text == "):":  # the tokenizer's "(retranslated):"
                return ctx.registry.by_token[first.i]
            k += 1
        if k < sent.end and sent.doc[k].text == ":":
            return ctx.registry.by_token[first.i]
    for tok in sent:
        if tok.lower_ in reporting_verbs() and tok.pos_ == "VERB":
            for child in tok.children:
                if child.dep_ in ("nsubj",):
                    if child.i in ctx.registry.by_token:
                        return ctx.registry.by_token[child.i]
                    if child.lower_ in ("he", "she"):
                        return state.last_actor
    return None


def _follow_the_pair(ctx: ArticleContext, sent, state: ReadState,
                     told: list[RawMeeting]) -> None:
    """ "Jaishankar held meetings with Qin Gang and Sergey Lavrov. Mr. Jaishankar told Mr.
    Qin that ... The two Ministers had last met in March": a sentence about two people of
    one meeting told before makes it the one "the two" means next."""
    named = {id(p): p for t in sent if (p := ctx.registry.by_token.get(t.i))}
    if len(named) < 2:
        return
    fits = [m for m in told if not m.background
            and set(named) <= {id(s.person) for s in m.sides if s.person}]
    if len({frozenset(s.key() for s in m.sides) for m in fits}) == 1:
        state.current = list(fits[-1].sides)


_OPEN_QUOTES = ('"', "“")
_CLOSE_QUOTES = ('"', "”")


def _quote_speaker(ctx: ArticleContext, sents, k: int, state: ReadState) -> Person | None:
    """Whom a quotation that opens before the attribution quotes: "I spoke with Vladimir
    Putin on the phone yesterday. He sends his greetings," Lukashenko said. The speaker is
    the subject of the "said" after the closing quote, in the same paragraph."""
    if not sents[k].text.lstrip().startswith(_OPEN_QUOTES):
        return None
    for j in range(k, min(len(sents), k + 6)):
        if j > k and "\n" in ctx.text[sents[j - 1].end_char - 1:sents[j].start_char]:
            return None  # the paragraph ended without an attribution
        text = sents[j].text.strip()
        body = text[1:] if j == k else text
        if any(q in body for q in _CLOSE_QUOTES):
            return _speaker(ctx, sents[j], state)
    return None


def _plural_subject(ctx: ArticleContext, sent) -> list[Person]:
    """ "Sergey Lavrov and Battsetseg Batmunkh spoke highly of ...": whom "they" means next."""
    for child in sent.root.children:
        if child.dep_ == "nsubj":
            people = []
            for tok in child.subtree:
                person = ctx.registry.by_token.get(tok.i)
                if person and person not in people:
                    people.append(person)
            if len(people) >= 2:
                return people
    return []


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
    _name_the_states_across(reads)
    _join_split_meetings(reads)
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
    _partnerships(reads, out)
    _endorsements(reads, out)
    _summits(reads, out)
    return out


def _entity(label: str) -> Entity:
    p = party(label)
    return p.entity() if p else Entity(label, "country")


def _add_evidence(evidence: list[Evidence], e: Evidence) -> None:
    if all((x.article_id, x.start) != (e.article_id, e.start) for x in evidence):
        evidence.append(e)


def _partnerships(reads: list[ArticleRead], out: list[ArticleFacts]) -> None:
    """One change of level per pair of states and level (the strongest any article reports,
    established > upgraded, with that report's date), and one statement of it as the
    existing level when the change is more than a year older than the article that states
    the level: "in December 2010, we elevated our relations to a special and privileged
    strategic partnership" and, in 2025, "the steady deepening of the Special and Privileged
    Strategic Partnership" are two facts; a level set up in January and named in July is
    one."""
    for r in reads:
        for p, _ in r.partnerships:
            if p.sides is not None:
                labels = list(dict.fromkeys(s.party_label for s in p.sides if s.party_label))
                p.parties = (labels[0], labels[1]) if len(labels) == 2 else ("", "")
        r.partnerships = [(p, e) for p, e in r.partnerships if all(p.parties)]
    changes: dict[tuple, list[RawPartnership]] = defaultdict(list)
    for r in reads:
        for p, _ in r.partnerships:
            if p.change != "existing":
                changes[(frozenset(p.parties), p.level)].append(p)

    def recent(change: RawPartnership, ref) -> bool:
        if change.when is None or ref is None or ref.year is None:
            return True
        months = (ref.year - change.when.year) * 12 + (ref.month or 12) - (change.when.month or 1)
        return months <= 12

    def key_of(p: RawPartnership, r: ArticleRead) -> tuple:
        pair_level = (frozenset(p.parties), p.level)
        if p.change != "existing":
            return (*pair_level, True)
        # a level changed within the year is the same news; an older change is history,
        # and the level as it stands is a fact of its own
        return (*pair_level, any(recent(c, r.ctx.ref) for c in changes[pair_level]))

    keys: list[list[tuple]] = []
    best: dict[tuple, RawPartnership] = {}
    for r in reads:
        keys.append([key_of(p, r) for p, _ in r.partnerships])
        for p, key in zip((p for p, _ in r.partnerships), keys[-1]):
            cur = best.get(key)
            if cur is None or (CHANGE_RANK[p.change], _spec(p.when)) > (
                    CHANGE_RANK[cur.change], _spec(cur.when)):
                best[key] = p
    for r, facts, article_keys in zip(reads, out, keys):
        mine: dict[tuple, Partnership] = {}
        for (p, e), key in zip(r.partnerships, article_keys):
            b = best[key]
            fact = mine.get(key)
            if fact is None:
                fact = Partnership((_entity(b.parties[0]), _entity(b.parties[1])), b.level,
                                   b.change, b.when.iso() if b.when else None)
                mine[key] = fact
                facts.partnerships.append(fact)
            _add_evidence(fact.evidence, e)


def _spec(w) -> int:
    return 0 if w is None else (1 + (w.month is not None) + (w.day is not None))


def _endorsements(reads: list[ArticleRead], out: list[ArticleFacts]) -> None:
    for r, facts in zip(reads, out):
        mine: dict[tuple, Endorsement] = {}
        for e, ev in r.endorsements:
            key = (e.party, e.initiative.name)
            fact = mine.get(key)
            if fact is None:
                speaker = Entity(e.speaker.name, "person", e.speaker.qid) if e.speaker else None
                fact = Endorsement(_entity(e.party), Entity(e.initiative.name, "initiative"),
                                   speaker)
                mine[key] = fact
                facts.endorsements.append(fact)
            _add_evidence(fact.evidence, ev)


def _summits(reads: list[ArticleRead], out: list[ArticleFacts]) -> None:
    """One summit per real summit (``summits.cluster_summits``). Its name is the fullest
    stated, preferring one with an ordinal, then one naming the organisation; its place and
    dates are all its mentions'."""
    mentions = [SummitMention(i, s, r.ctx.ref.year if r.ctx.ref else None)
                for i, r in enumerate(reads) for s, _ in r.summits]
    evidence = {id(s): e for r in reads for s, e in r.summits}
    clusters = cluster_summits(mentions)
    for c in clusters:
        if not worth_a_fact(c, clusters):
            continue
        summits = [m.summit for m in c]
        name = max(summits, key=lambda s: (s.ordinal, s.organization is not None,
                                           len(s.name))).name
        org = next((s.organization for s in summits if s.organization), None)
        location = next((s.location for s in summits if s.location), None)
        days = {d for s in summits for d in s.dates if len(d) == 10}
        # a month stands only where no day of it is known
        dates = sorted(days | {d for s in summits for d in s.dates
                               if len(d) < 10 and not any(x.startswith(d) for x in days)})
        for i in sorted({m.article for m in c}):
            fact = Summit(name, org, location, list(dates))
            for m in c:
                if m.article == i:
                    _add_evidence(fact.evidence, evidence[id(m.summit)])
            out[i].summits.append(fact)


def _agree_on_people(reads: list[ArticleRead]) -> None:
    """Full names, states and offices of people, agreed across the corpus; then offices named
    by state ("the President of Belarus") resolved to the person holding them."""
    people: list[Person] = [p for r in reads for p in r.ctx.registry.people]
    longest: dict[tuple[str, ...], str] = {}
    for p in people:
        longest.setdefault(p.words, p.name)
    # one person written in both orders ("Khurelsukh Ukhnaa", "Ukhnaa Khurelsukh"): the
    # order most articles use
    orders: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for p in people:
        if len(p.words) >= 2:
            orders[tuple(sorted(p.words))][p.words] += 1
    same = {w: c.most_common(1)[0][0] for c in orders.values() for w in c}
    full: dict[tuple[str, ...], tuple[str, ...]] = {}
    for p in people:
        holders = [w for w in longest if len(w) > len(p.words) and _contains(w, p.words)]
        full[p.words] = holders[0] if len(holders) == 1 else same.get(p.words, p.words)
    year_of = {id(p): (r.ctx.ref.year if r.ctx.ref else None)
               for r in reads for p in r.ctx.registry.people}
    parties: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    roles: dict[tuple, Counter] = defaultdict(Counter)
    for p in people:
        key = full[p.words]
        if p.party:
            parties[key][(p.party.label, p.party.kind, p.party.qid)] += 1
        if p.role:
            roles[(key, year_of[id(p)])][p.role] += 1
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
        # One office per person and year, the one most articles of that year state
        # ("External Affairs Minister" over one "Foreign Minister"); offices change over
        # years: "Defence Minister Sergei Shoigu" in 2020, Security Council Secretary in 2024
        held = roles.get((key, year_of[id(p)]))
        if not held and p.role is None:
            held = sum((c for (k, _), c in roles.items() if k == key), Counter())
        if held:
            best = max(held, key=lambda r: (held[r], role_rank(r), len(r)))
            p.roles = [(99, 0, best)]
        if p.qid is None:
            gaz = load_gazetteer().lookup(p.name, "person")
            p.qid = gaz.qid if gaz else None
        if p.party is None and p.qid:
            # "President Masoud Pezeshkian" with no state in the text: the state the
            # gazetteer (two sources) says he speaks for, so "the Iranian president" finds him
            entry = load_gazetteer().by_qid(p.qid)
            states = [load_gazetteer().by_qid(q) for q in (entry.represents if entry else ())]
            if len(states) == 1 and states[0] is not None:
                p.party = party(states[0].label)
    for r in reads:
        for m in r.meetings:
            for s in m.sides:
                if s.person:
                    if s.person.party:
                        s.party_label = s.person.party.label
                    s.role = s.person.role or s.role
                elif s.party_label and not _long_ago(r.ctx, m):
                    # not for a meeting years ago: "the last time the prime ministers of
                    # Pakistan and India met was in December 2015" is not today's holders'
                    found = r.ctx.registry.with_party(s.party_label, s.role)
                    if len(found) == 1:
                        s.person = found[0]
                        s.role = found[0].role or s.role
            _host_state(r.ctx, m)
            _outlet_state(r.ctx, m)
            uniq: dict[str, Side] = {}
            for s in m.sides:
                uniq.setdefault(s.key(), s)
            m.sides = list(uniq.values())
        _name_the_states(r.meetings)
        _date_the_assumed(r.meetings)
        # a meeting is between officials: "Modi met Elon Musk" names no office or state for
        # the second side anywhere in the corpus
        r.meetings = [m for m in r.meetings if len(m.sides) >= 2 and all(
            s.person is None or s.role or s.party_label or s.person.qid for s in m.sides)
            and not _one_state(m)]


def _name_the_states(meetings: list[RawMeeting]) -> None:
    """ "The foreign ministers of Russia, Iran and Turkiye met in Doha ... Sergey Lavrov,
    Abbas Araghchi and Hakan Fidan held talks on Saturday": within one article, a meeting of
    states and a meeting of as many named people on a compatible date, whose known states
    are among them, are one meeting of those people."""
    def same_time(a: RawMeeting, b: RawMeeting) -> bool:
        return a.kind == b.kind or {a.kind, b.kind} <= {"bilateral", "talks", "trilateral",
                                                          "multilateral"}

    for m in meetings:
        if all(s.person for s in m.sides):
            continue
        states = {s.party_label for s in m.sides}
        people = {s.key() for s in m.sides if s.person}
        named = [n for n in meetings if n is not m and len(n.sides) == len(m.sides)
                 and all(s.person for s in n.sides) and same_time(m, n)
                 and dedup_compatible(m.date, n.date) and m.background == n.background
                 and people <= {s.key() for s in n.sides}
                 and {s.party_label for s in n.sides if s.party_label} <= states]
        if len(named) == 1:
            roles = {s.role for s in m.sides if not s.person}
            for side in named[0].sides:
                if side.role is None and len(roles) == 1:
                    side.role = next(iter(roles))  # "the defence ministers of A, B and C"
            m.sides = list(named[0].sides)


def _name_the_states_across(reads: list[ArticleRead]) -> None:
    """ "Putin took part in a trilateral meeting with Xi and the Mongolian president" in one
    article, "Putin, Xi and Khurelsukh held a trilateral meeting" in another: a meeting with a
    state's unnamed official is the one meeting of named people, each of the right state,
    that the corpus gives on a compatible date."""
    named = [m for r in reads for m in r.meetings
             if all(s.person and s.party_label for s in m.sides)]
    for r in reads:
        for m in r.meetings:
            if all(s.person for s in m.sides) or not any(s.person for s in m.sides):
                continue
            people = {s.key() for s in m.sides if s.person}
            slots = sorted(s.party_label for s in m.sides if not s.person and s.party_label)
            fits = {frozenset(x.key() for x in n.sides): n for n in named
                    if len(n.sides) == len(m.sides) and n.background == m.background
                    and dedup_compatible(m.date, n.date) and _same_class(m.kind, n.kind)
                    and people <= {x.key() for x in n.sides}
                    and sorted(x.party_label for x in n.sides if x.key() not in people) == slots}
            if len(fits) == 1:
                m.sides = list(next(iter(fits.values())).sides)


def _same_class(a: str, b: str) -> bool:
    calls = ("phone call", "video call")
    return a == b or (a not in calls and b not in calls)


def _join_split_meetings(reads: list[ArticleRead]) -> None:
    """ "In May, Muttaqi held talks in Beijing with Wang Yi and Pakistan's Ishaq Dar", told
    where another report gives the trilateral meeting of those three: the one sentence's
    meetings with each are that meeting."""
    joint = [m for r in reads for m in r.meetings if len(m.sides) >= 3]
    for r in reads:
        by_sentence: dict[int, list[RawMeeting]] = defaultdict(list)
        for m in r.meetings:
            if len(m.sides) == 2 and m.evidence:
                by_sentence[m.evidence[0].start].append(m)
        for group in by_sentence.values():
            if len(group) < 2:
                continue
            keys = frozenset(k for m in group for k in m.participant_keys())
            fits = [j for j in joint if j.participant_keys() == keys
                    and all(dedup_compatible(j.date, m.date) for m in group)]
            if not fits:
                continue
            first = group[0]
            first.sides = list(fits[0].sides)
            first.kind = fits[0].kind
            r.meetings = [m for m in r.meetings if m is first or all(m is not g for g in group)]


def _date_the_assumed(meetings: list[RawMeeting]) -> None:
    """ "Moscow, Sep 11 (PTI) India and China agreed on a plan, following talks between
    Jaishankar and Wang Yi here. The two ministers held talks on Thursday evening": a
    meeting dated only by the dateline takes the day a later sentence gives the same
    people's meeting, a day or two earlier."""
    for m in meetings:
        if not m.assumed_date or m.date is None or m.date.day is None:
            continue
        keys = m.participant_keys()
        told = {n.date for n in meetings if n is not m and not n.assumed_date and not n.background
                and n.participant_keys() == keys and n.date is not None and n.date.day
                and 0 < (m.date.date() - n.date.date()).days <= 2}
        if len(told) == 1:
            m.date = told.pop()


def _long_ago(ctx: ArticleContext, m: RawMeeting) -> bool:
    return bool(m.date and m.date.year and ctx.ref and ctx.ref.year
                and ctx.ref.year - m.date.year > 1)


def _one_state(m: RawMeeting) -> bool:
    """Every side known to represent the same state: officials of one government ("Cai Qi
    and Wang Yi attended the meeting"), not diplomacy."""
    labels = [s.party_label for s in m.sides]
    return all(labels) and len(set(labels)) == 1


def _host_state(ctx: ArticleContext, m: RawMeeting) -> None:
    """On a visit to a state ("paid an official goodwill visit to Uzbekistan"), the visitor's
    hosts whose state the text does not give ("Governor of Samarkand region Erkinjon
    Turdimov") represent the host state."""
    if ctx.host is None:
        return
    states = {s.party_label for s in m.sides if s.party_label}
    if ctx.host.label in states or not states:
        return
    for s in m.sides:
        if s.person and not s.party_label:
            s.party_label = ctx.host.label


_NATIONAL_OFFICE = re.compile(r"\b(?:president|prime minister|premier|minister|chancellor|"
                              r"speaker|chairman|chairperson|chairwoman|vice)\b", re.I)
_INTERNATIONAL_OFFICE = re.compile(r"secretary[- ]general|director[- ]general|envoy|"
                                   r"ambassador|representative", re.I)


def _outlet_state(ctx: ArticleContext, m: RawMeeting) -> None:
    """A national outlet's own official, whose state it does not give, opposite officials of
    other states: "Defence Minister Rajnath Singh held talks with his Chinese counterpart"
    (PTI). Never the only side, nor one that would make the meeting one state's."""
    a = ctx.article
    outlet = a.outlet or a.dateline_outlet or (ctx.dateline.outlet if ctx.dateline else None)
    state = outlet_states().get(fold(outlet).strip(" /.")) if outlet else None
    if state is None:
        return
    open_sides = [s for s in m.sides if s.person and not s.party_label]
    others = [s.party_label for s in m.sides if s.party_label]
    if len(open_sides) != 1 or not others or state in others:
        # opposite the outlet's own state, an unqualified official may be a foreign one the
        # text names by a state we do not know ("DPRK Foreign Minister Choe Son Hui")
        return
    side = open_sides[0]
    if side.role and _NATIONAL_OFFICE.search(side.role) \
            and not _INTERNATIONAL_OFFICE.search(side.role):
        side.party_label = state


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
