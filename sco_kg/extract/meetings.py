"""Meetings: who met whom, of what kind, when, where and on what occasion.

A meeting is read from a trigger and the people around it, in the shapes readouts take:

- verbs: "Xi met with Japarov", "Wang Yi Meets with Mongolian Foreign Minister ...",
  "President Xi and President Mirziyoyev met in Astana", "Putin received Pashinyan";
- participles: "Meeting Kyrgyz President Sadyr Japarov, Xi said ...", "... said Xi when
  meeting with Turkish President Recep Tayyip Erdogan";
- nouns: "held talks with", "in his talks with", "during a meeting with", "In talks with
  Narbayeva and Ismoilov", "the meeting between Xi and Putin", "held a phone call with",
  "chaired the trilateral consultation among the foreign ministers of China, Russia, and
  Mongolia", "Chinese, Belarusian FMs hold talks in Beijing";
- state visits: "President Putin paid a successful state visit to China this May".

Planned, hoped-for, negated and habitual meetings are skipped; earlier meetings mentioned
in passing are kept as background meetings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Entity, Evidence
from .clauses import anchor, chain, clause_tokens, is_habitual, is_modal, is_present
from .context import ArticleContext
from .countries import city, party, state_of_city
from .dates import DateMention, When, find_dates, is_vague, resolve
from .episodes import episodes
from .patterns import (
    background_cues, call_on_verbs, co_chair_verbs, counterpart_office, hold_verbs,
    meeting_nouns, meeting_verbs, phone_words, receive_verbs, speak_verbs, video_words,
    welcome_verbs,
)
from .people import Person
from .places import is_here, place_after
from .refs import Ref, read_ref, read_refs

_ATTEND = frozenset({"attend", "attends", "attended", "attending", "join", "joins", "joined"})
_JOINT = frozenset({"trilateral", "multilateral", "joint", "group", "quadrilateral",
                    "tripartite", "four-way", "three-way", "summit"})


@dataclass
class Side:
    """A participant before corpus-level resolution: a person, or a state and office."""

    person: Person | None
    party_label: str | None
    role: str | None

    def key(self) -> str:
        return self.person.name if self.person else f"@{self.party_label}"


@dataclass
class RawMeeting:
    kind: str
    sides: list[Side]
    date: When | None
    location: Entity | None
    occasion: str | None
    background: bool
    evidence: list[Evidence]
    vague_date: bool = False  # "a few days ago": the date is another report's to give
    assumed_date: bool = False  # no date in its clause: the article's own event's is assumed

    def participant_keys(self) -> frozenset[str]:
        return frozenset(s.key() for s in self.sides)


@dataclass
class ReadState:
    """What earlier sentences of the article established."""

    last_actor: Person | None = None
    current: list[Side] = field(default_factory=list)
    last_date: When | None = None
    last_place: Entity | None = None  # where the last current meeting was ("The same day")
    told: When | None = None  # the last date the previous sentence gave ("in July")
    plural: list[Person] = field(default_factory=list)  # whom "they" means: the last plural
    # subject ("Putin and Xi discussed trade. They last met in May.")
    speaker: Person | None = None  # who speaks the sentence (transcript turn or "said")


@dataclass
class Trigger:
    token: Token
    kind: str  # hint: "", "talks", "phone call", "video call", "state visit"
    actors: list[Ref]
    partners: list[Ref]
    joint: bool
    visit_host: str | None = None


def find_meetings(ctx: ArticleContext, sent: Span, state: ReadState) -> list[RawMeeting]:
    """The meetings one sentence reports (and updates ``state`` for the next sentence)."""
    heading = sent.start_char in ctx.headings
    caption = sent.start_char in ctx.captions
    triggers = [t for t in (_trigger(ctx, tok, sent, state) for tok in sent) if t]
    stops = {tr.token.i for tr in triggers}
    dates = [d for d in find_dates(sent.text, sent.start_char)]
    out: list[RawMeeting] = []
    subject = _sentence_subject(ctx, sent)
    for tr in triggers:
        t = tr.token
        noun = t.pos_ in ("NOUN", "PROPN") and tr.kind != "state visit"
        if (noun and _recaps_another(t, triggers)) or _told_at_another(t, triggers):
            continue
        several, counted = episodes(t, sent, dates, ctx.place)
        if is_modal(t, noun=noun or tr.kind == "state visit") or (is_habitual(t) and not counted):
            # also "preparations for the Kazakh President's upcoming state visit to Russia"
            continue
        if not (heading or caption) and is_present(t) and t.lower_ not in ("meeting",):
            continue
        actors = _resolve(ctx, tr.actors, state, subject)
        if tr.partners and any(a.kind == "pair" for a in tr.actors) and len(state.current) == 2:
            # "At the meeting with Hun Manet, the two Government leaders agreed ...": the
            # meeting of the article's principal (the actor of the one told before) and him
            actors = [state.current[0]]
        sides_per_partner = [_resolve(ctx, [p], state, subject, actors) for p in tr.partners]
        host_guessed = False
        if tr.kind == "state visit" and tr.visit_host == "":
            # "during his state visit to Astana": the other side of the meeting the sentence
            # (or the one before) tells, with the visitor in it
            keys = {a.key() for a in actors}
            told = [m.sides for m in out] + [state.current]
            pair = next((sd for sd in told if len(sd) == 2 and keys & {x.key() for x in sd}),
                        None)
            if pair is None:
                continue
            sides_per_partner = [[x for x in pair if x.key() not in keys]]
        elif tr.kind == "state visit" and tr.visit_host:
            # the host state's person named in the sentence ("... greetings to Chinese
            # President Xi Jinping, recalling ... his state visit to China"), else the
            # current meeting's
            named = list({id(p): p for x in sent if (p := ctx.registry.by_token.get(x.i))
                          and p.party and p.party.label == tr.visit_host}.values())
            host = [Side(named[0], tr.visit_host, named[0].role)] if len(named) == 1 else \
                [s for s in state.current if s.party_label == tr.visit_host and s.person]
            # "when Putin paid a state visit to Mongolia and held talks with then-President
            # Battulga": the office had another holder then
            host_guessed = any(w.lower_ in ("then", "then-") for w in sent)
            if not host:
                people = ctx.registry.with_party(tr.visit_host)
                if len(people) != 1:
                    continue  # "paid a state visit to China": met whom, the text does not say
                host = [Side(people[0], tr.visit_host, people[0].role)]
                host_guessed = True
            sides_per_partner = [host]
        groups: list[list[Side]]
        partner_sides = [s for group in sides_per_partner for s in group]
        if not actors and not tr.joint and len(sides_per_partner) > 1:
            continue  # "Prime Minister held bilateral meetings with A, B and C", the PM
            # unnamed: who met each of them, the text does not say
        if tr.joint or not actors:
            groups = [actors + partner_sides]
        elif len(actors) >= 2 and any(w.lower_ in ("separately", "respectively", "separate")
                                      for w in sent):
            # "Li Qiang and Zhao Leji separately met with Mirziyoyev": one meeting each
            groups = [[a] + g for a in actors for g in sides_per_partner]
        else:
            groups = [actors + g for g in sides_per_partner]
        when, vague, background = _date_for(ctx, sent, t, dates, stops, state)
        if host_guessed and (when is None or ctx.ref is None or when.year is None
                             or ctx.ref.year is None or ctx.ref.year - when.year > 1):
            continue  # "in 2019, when Putin paid a state visit to Mongolia": who held the
            # office then, the article's Mongolian president or another, it does not say
        assumed = when is not None and when is ctx.event and not dates
        if _after_the_article(ctx, when):
            continue  # "Putin's talks with Xi in Beijing on September 2", told on August 28
        if not background and _background_cue(t):
            background = True
        location = _location_for(ctx, sent, t, stops)
        if location is None and when is not None and when == ctx.ref and _same_day(
                ctx, sent, t, dates, stops):
            location = ctx.place  # "Earlier in the day, X held talks with Y": the dateline's
        if location is None and when is not None and when == ctx.ref and not background \
                and tr.kind not in ("phone call", "video call") and _follow_on(sent, t):
            location = ctx.place  # "The foreign minister also met ...": the dateline's
        if location is None and when is not None and when != ctx.ref and not background \
                and when == state.last_date and state.last_place is not None \
                and tr.kind not in ("phone call", "video call") and _follow_on(sent, t):
            location = state.last_place  # "met Xi on July 3 in Astana. The same day, ..."
        if location is None and not background and tr.kind not in ("phone call", "video call") \
                and _days_before_event(ctx, when) in (1, 2) and state.current \
                and state.last_place == ctx.place:
            # a visit told from its city: "MOSCOW, Sep 5 (PTI) ... held talks here on Friday
            # ... On Thursday, Singh met Russian Defence Minister Sergei Shoigu"
            location = ctx.place
        if location is None and tr.kind == "state visit":
            location = _visit_city(t)  # "during his state visit to Astana"
        if location is None and not background and tr.kind not in ("phone call", "video call") \
                and _days_before_event(ctx, when) in (0, 1):
            # an in-person meeting of the article's own day (or the day before) and no place
            # in its sentence: where the article's meetings were, else its dateline city
            # ("ISLAMABAD: Dar held a trilateral meeting ... in Beijing")
            location = state.last_place or ctx.place
        if location is None and not background and tr.kind not in ("phone call", "video call") \
                and when is not None and when.day and when == state.last_date \
                and state.last_place is not None:
            location = state.last_place  # the same day as the meeting told before, there
        if caption:
            when, location = _caption_date_place(ctx, sent, dates, when, location)
        occasion = _occasion_for(t)
        times = [(when, location, background)]
        if several:
            times = []
            for ep in several:
                w = resolve(ep.date, ctx.ref, previous=state.last_date) if ep.date else when
                times.append((w, ep.place, _is_background(ctx, w) if w else background))
        for sides in groups:
            sides = _dedupe(_claim_state(sides, actors) if tr.joint else sides)
            if len(sides) < 2:
                continue
            kind = _kind(tr, sides)
            for w, place, bg in times:
                if kind in ("phone call", "video call"):
                    place = None  # a call has no single place, whatever the dateline says
                out.append(RawMeeting(kind, sides, w, place, occasion, bg,
                                      [ctx.evidence(sent)], vague_date=vague,
                                      assumed_date=assumed and w is when))
            earlier = _since_meeting(ctx, sent, t, dates)
            if earlier is not None and kind not in ("phone call", "video call"):
                # "their first meeting since the talks in Moscow in March": that one too
                out.append(RawMeeting("bilateral" if len(sides) == 2 else kind, sides,
                                      earlier[0], earlier[1], None, True,
                                      [ctx.evidence(sent)]))
            if not background and _days_apart(ctx, sent, t) is None:
                # not "..., a day after meeting Egyptian President El-Sisi": told in passing,
                # it is not the meeting "the two sides" of the next sentences belong to
                state.current = sides
                if when:
                    state.last_date = when
                    if location is not None and kind not in ("phone call", "video call"):
                        state.last_place = location
    if subject is not None:
        state.last_actor = subject
    return out


def _sentence_subject(ctx: ArticleContext, sent: Span) -> Person | None:
    """The person the sentence is about: the subject of its main verb, if a person."""
    root = sent.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i in ctx.registry.by_token:
            return ctx.registry.by_token[child.i]
        if child.dep_ in ("nsubj", "nsubjpass"):
            # "Beijing's special envoy for Afghan affairs, Yue Xiaoyong, has become ..."
            for appos in child.children:
                if appos.dep_ == "appos" and appos.i in ctx.registry.by_token:
                    return ctx.registry.by_token[appos.i]
    for tok in sent:
        if tok.dep_ == "nsubj" and tok.i in ctx.registry.by_token:
            return ctx.registry.by_token[tok.i]
    return None


def _trigger(ctx: ArticleContext, t: Token, sent: Span, state: ReadState) -> Trigger | None:
    low = t.lower_
    doc = t.doc
    reg = ctx.registry
    end = sent.end
    if low == "visit" or low == "visits":
        return _state_visit(ctx, t, sent, state)
    if low in meeting_verbs() and (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB")
                                   or (low == "meets" and t.text[0].isupper())):
        if low in receive_verbs() or any(c.dep_ == "auxpass" for c in t.children):
            return _receive(ctx, t, sent)  # "X was met at the airport by Y" too
        j = t.i + 1
        while j < end and doc[j].lower_ in ("with", "up", "separately", "also", "later", "then"):
            j += 1
        k = _past_place(doc, j, end)
        if k != j and k < end and doc[k].lower_ == "with":
            j = k + 1  # "met in Beijing with Premier Li Keqiang"
        partners, pend = read_refs(doc, j, reg, end)
        actors = _actors(ctx, t, sent, partners, pend)
        if not partners:
            if len(actors) >= 2 or any(a.kind == "pair" or a.role in ("we", "they")
                                       for a in actors):
                # "X and Y met", "the two met", "we met", "they last met in May"
                return Trigger(t, "", actors, [], True)
            return None
        # "met his Iranian and Uzbek counterparts, A and B": a meeting with each, unless the
        # text says they met together (readouts name a trilateral as such)
        return Trigger(t, "", actors, partners, False)
    if low in receive_verbs() and t.pos_ == "VERB":
        return _receive(ctx, t, sent)
    if low in co_chair_verbs() or (low in ("chaired", "chair", "chairs", "chairing") and t.i >= 2
                                   and doc[t.i - 2].lower_ == "co" and doc[t.i - 1].text == "-"):
        return _co_chair(ctx, t, sent)
    if low in welcome_verbs() and t.pos_ == "VERB":
        return _welcome(ctx, t, sent)
    if low in call_on_verbs() and t.pos_ == "VERB" and t.i + 1 < end \
            and doc[t.i + 1].lower_ == "on":
        return _call_on(ctx, t, sent)
    if low in speak_verbs() and t.pos_ == "VERB":
        # "spoke by phone with", "spoke with Belarusian President Alexander Lukashenko by
        # phone": "phone" anywhere in the verb's own clause
        window = {c.lower_ for c in doc[t.i:min(end, t.i + 14)]
                  if c.i - t.i < 5 or anchor(c, set()).i == t.i}
        in_person = window & {"sidelines", "margins", "sideline"}
        if not in_person and not window & {"phone", "telephone"} and t.i + 1 < end \
                and doc[t.i + 1].lower_ == "with" and t.lower_ in ("spoke", "speaks", "spoken") \
                and not any(w.lower_ in meeting_nouns() or w.lower_ in meeting_verbs()
                            or w.lower_ in ("during", "visit", "summit", "forum") for w in sent):
            # "Prime Minister Narendra Modi spoke with President Putin today": readouts
            # write a call so, when nothing in the sentence sets them in one room
            partners, pend = read_refs(doc, t.i + 2, reg, end)
            partners = [p for p in partners if p.kind == "person"]
            if partners:
                return Trigger(t, "phone call", _actors(ctx, t, sent, partners, pend), partners,
                               False)
        if in_person and not window & {"phone", "telephone"} and t.i + 1 < end \
                and doc[t.i + 1].lower_ == "with":
            # "Modi spoke with Putin on the sidelines of the summit": face to face
            partners, pend = read_refs(doc, t.i + 2, reg, end)
            partners = [p for p in partners if p.kind == "person"]
            if partners:
                return Trigger(t, "", _actors(ctx, t, sent, partners, pend), partners, False)
        if window & {"phone", "telephone"} or low in ("phoned", "telephoned", "dialled",
                                                        "dialed"):
            j = t.i + 1
            while j < end and doc[j].lower_ not in ("with", "to") and j - t.i < 6:
                j += 1  # "spoke by phone with X", "spoke to X over the phone"
            if low in ("phoned", "telephoned", "dialled", "dialed"):
                j = t.i
            partners, pend = read_refs(doc, j + 1, reg, end)
            actors = _actors(ctx, t, sent, partners, pend)
            if partners:
                return Trigger(t, "phone call", actors, partners, False)
            if len(actors) >= 2 or any(a.kind == "pair" or a.role in ("we", "they")
                                       for a in actors):
                # "The two leaders had last spoken over the phone in June"
                return Trigger(t, "phone call", actors, [], True)
        return None
    if low in meeting_nouns() and t.pos_ in ("NOUN", "PROPN", "VERB"):
        kind = meeting_nouns()[low]
        # the noun's own phrase only: not "spoken by phone since [their meeting]"
        mods = {c.lower_ for c in doc[max(sent.start, t.i - 4, t.left_edge.i):t.i]}
        if low in ("conversation", "conversations") and not mods & (phone_words() | video_words()) \
                and (_in_person_talk(doc, t, sent) or any(
                    c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)):
            # "had a one-on-one conversation ahead of the summit", "had a conversation with
            # President of Iran Mahmoud Ahmadinejad": face to face (calls are told as such;
            # "the conversation" refers back to one), unless its paragraph tells of a call
            kind = "" if _in_person_talk(doc, t, sent) or not _call_nearby(ctx, sent) \
                else "phone call"
        elif low in ("call", "calls", "conversation", "conversations") and not (
                mods & (phone_words() | video_words())):
            return None
        if low == "conference" and not mods & ({"press", "news"} | video_words()):
            return None
        # "held talks via video link", "talks by phone", "a meeting in video format"
        light = [t.head] if t.dep_ == "dobj" and t.head.lower_ in hold_verbs() else []
        after = {g.lower_ for h in (t, *light) for c in h.children if c.dep_ == "prep"
                 and c.lower_ in ("via", "by", "over", "in", "through") for g in c.subtree}
        if (mods | after) & video_words() or {"video", "link"} <= after:
            kind = "video call"
        elif (mods | after) & {"phone", "telephone"}:
            kind = "phone call"
        if low == "talks" and t.pos_ == "VERB" and not (t.i + 1 < end and doc[t.i + 1].lower_ == "with"):
            return None
        joint = bool(mods & _JOINT)
        j = t.i + 1
        prep = None
        while j < end and j - t.i <= 6:
            w = doc[j].lower_
            if w == "from" and kind in ("phone call", "video call"):
                prep = "with"  # "received a phone call from Kazakh President Tokayev"
                break
            if w in ("with", "between", "among", "of"):
                if w == "of" and any(x.pos_ == "ADP" for x in doc[t.i + 1:j]):
                    break  # "talks in the Kazakh city of Astana": not the talks' "of"
                prep = w
                break
            if t.dep_ in ("nsubj", "nsubjpass") and (doc[j].i == t.head.i or (
                    doc[j].head.i == t.head.i and doc[j].dep_ in ("aux", "auxpass"))) \
                    and w in ("took", "takes", "held", "was", "were", "conducted", "have",
                              "has", "been"):
                # "a telephone conversation took place between A and B", "talks were held
                # between A and B"
                j += 1
                continue
            if w in (",", ".", ";") or doc[j].pos_ in ("VERB", "AUX"):
                break
            j += 1
        if prep is None:
            # "held a series of bilateral meetings on the sidelines of the summit, including
            # with Chinese President Xi Jinping and ..."
            k = next((x.i for x in doc[t.i + 1:end - 1] if x.lower_ in ("including", "notably")
                      and doc[x.i + 1].lower_ == "with"), None)
            if k is not None and not any(x.lower_ in meeting_nouns() or x.lower_ in
                                         meeting_verbs() for x in doc[t.i + 1:k]):
                j, prep = k + 1, "with"
        partners: list[Ref] = []
        pend = t.i + 1
        if prep:
            partners, pend = read_refs(doc, j + 1, reg, end, states=joint or prep != "with")
            if prep == "of" and _officials_of_states(partners):
                # "the sixth meeting of the heads of state of China, Russia and Mongolia with
                # Russian President Vladimir Putin and ...", "the previous meeting of the
                # three heads of state"
                joint = True
                if pend + 1 < end and doc[pend].lower_ == "with":
                    more, pend = read_refs(doc, pend + 1, reg, end)
                    partners += more
            elif prep == "of" and not (joint and partners):
                partners = []
        actors = _actors(ctx, t, sent, partners, pend)
        if prep in ("between", "among", "of") and partners:
            return Trigger(t, kind, actors, partners, True)
        if not partners and prep is None and t.i == sent.start and t.lower_ == "meeting":
            # "Meeting President Alexander Lukashenko, Xi said": a fronted participle
            partners, pend = read_refs(doc, t.i + 1, reg, end)
            actors = _actors(ctx, t, sent, partners, pend)
        owner = next((c for c in t.children if c.dep_ == "poss"
                      and c.lower_ in ("their", "his", "her", "our")), None)
        if not partners and owner is not None and owner.lower_ == "our":
            # a speaker's "since our meeting in Beijing": the speaker and whom they address
            return Trigger(t, kind, [Ref("pronoun", owner.i, owner.i + 1, n=2, role="we")], [],
                           True)
        if not partners and owner is not None:
            # "Erdogan told Putin during their meeting in Sochi", "Modi thanked Putin for his
            # phone call of 8 August", "Putin and Trump have not spoken since their meeting
            # in Anchorage": the subject and the object of the clause
            people = _subject_and_object(ctx, t, sent)
            if len(people) >= 2:
                return Trigger(t, kind, people, [], True)
            if owner.lower_ == "their" and prep is None:
                # "Recalling their first meeting in Kazan, Xi said": the two sides the
                # article is about
                return Trigger(t, kind, [Ref("pair", owner.i, owner.i + 1)], [], True)
        if not partners and t.dep_ == "pobj" and t.head.lower_ in ("in", "during", "over"):
            # "Fidan had discussed the visit with Russian Foreign Minister Sergey Lavrov in
            # a phone call last week": the "with" of the verb the call frames
            verb = t.head.head
            heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
            with_ = next((c for h in heads for c in h.children if c.dep_ == "prep"
                          and c.lower_ == "with" and c.i < t.i), None)
            if verb.pos_ == "VERB" and with_ is not None:
                partners, pend = read_refs(doc, with_.i + 1, reg, end)
                partners = [p for p in partners if p.kind == "person"]
                if partners:
                    return Trigger(t, kind, _actors(ctx, verb, sent, partners, pend), partners,
                                   False)
        if not partners:
            plural = len(actors) >= 2 or any(a.kind == "pair" or a.n == 2 for a in actors)
            # "X and Y held talks", "In a phone call on Tuesday, X and Y discussed ..."
            framed = t.dep_ == "pobj" and t.head.lower_ in ("in", "during", "at", "over") \
                and t.head.i < t.i and any(a.start > t.i for a in actors)
            # "Cai Qi and Wang Yi attended the meeting": the meeting just told, not theirs
            attended = t.head.lower_ in _ATTEND and any(c.lower_ == "the" for c in t.children) \
                and not joint
            if plural and not attended and (_light_verb(t) is not None
                                            or heading_like(ctx, sent) or framed):
                return Trigger(t, kind, actors, [], True)
            return None
        if joint or (len(partners) > 1 and _one_event(t)):
            return Trigger(t, kind, actors, partners, True)
        return Trigger(t, kind, actors, partners, False)
    return None


def _light_verb(t: Token) -> Token | None:
    """The "held" of "held talks": the verb whose object (or passive subject) the meeting
    noun is; also when the parser hung the verb on the noun ("Putin and Trump held talks in
    Anchorage": "held" as an adjective of a root "talks")."""
    if t.dep_ in ("dobj", "nsubj") and t.head.lower_ in hold_verbs():
        return t.head
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ == "dobj" \
            and t.head.head.head.lower_ in hold_verbs():
        return t.head.head.head  # "held more than four hours of informal talks"
    return next((c for c in t.children if c.dep_ == "amod" and c.i < t.i
                 and c.lower_ in hold_verbs() and c.tag_ in ("VBD", "VBN")
                 and any(g.dep_ == "nsubj" for g in c.children)), None)


_IN_PERSON = re.compile(r"\b(?:one-on-one|one on one|face-to-face|informal|brief|private|"
                        r"tete-a-tete|tête-à-tête|short|lengthy|long|bilateral)\b", re.I)
_IN_PERSON_PLACES = frozenset({"sidelines", "sideline", "margins", "dinner", "lunch",
                               "breakfast", "residence", "airport", "palace", "kremlin"})


def _call_nearby(ctx: ArticleContext, sent: Span) -> bool:
    """Whether the sentence's paragraph tells of a phone call: "Zelenskyy called Modi on
    Monday. 'I had a long conversation with Prime Minister Modi,' he wrote"."""
    text = ctx.text
    a = text.rfind("\n", 0, sent.start_char) + 1
    b = text.find("\n", sent.end_char)
    para = text[a:b if b >= 0 else len(text)]
    return bool(re.search(r"\b(?:phone|telephone|called|dialled|dialed)\b", para, re.I))


def _in_person_talk(doc: Doc, t: Token, sent: Span) -> bool:
    """A conversation held face to face: "had a one-on-one conversation", "a brief
    conversation on the sidelines of the BRICS Summit", "an informal conversation over
    dinner", "had a conversation with X, who arrived in Yekaterinburg for the summit"."""
    before = doc[max(sent.start, t.left_edge.i):t.i].text
    if _IN_PERSON.search(before):
        return True
    return any(c.lower_ in _IN_PERSON_PLACES for c in doc[t.i:min(sent.end, t.i + 16)])


def _one_event(t: Token) -> bool:
    """ "a meeting with A and B", "a phone call with A and B": one event with all of them.
    Not "talks with A and B" or "meetings with A and B" (each may be its own), nor "separate
    calls"."""
    if t.tag_ in ("NNS", "NNPS") or t.lower_ in ("talks", "consultations", "negotiations"):
        return False
    words = {c.lower_ for c in t.children} | {c.lower_ for c in t.head.children}
    return bool(words & {"a", "an", "the", "his", "her", "their"}) and not words & {
        "separate", "separately", "respectively", "individual"}


def _officials_of_states(refs: list[Ref]) -> bool:
    """Officials of two or more states ("the foreign ministers of A, B and C"), or "the
    two/three leaders": the members of a meeting "of" them."""
    if len(refs) == 1 and refs[0].kind == "pair" and refs[0].n:
        return True
    return len(refs) >= 2 and all(r.kind == "slot" and r.party for r in refs)


def _subject_and_object(ctx: ArticleContext, t: Token, sent: Span) -> list[Ref]:
    """The people who are the subject and the object of the verb above ``t``."""
    for c in chain(t)[1:]:
        if c.pos_ in ("VERB", "AUX"):
            refs: list[Ref] = []
            for child in c.children:
                if child.dep_ in ("nsubj", "dobj", "dative") and child.i != t.i:
                    found, _ = read_refs(t.doc, child.left_edge.i, ctx.registry, sent.end)
                    refs.extend(r for r in found if r.kind == "person")
            return refs
    return []


def heading_like(ctx: ArticleContext, sent: Span) -> bool:
    return sent.start_char in ctx.headings or sent.start_char in ctx.captions


def _receive(ctx: ArticleContext, t: Token, sent: Span) -> Trigger | None:
    doc = t.doc
    reg = ctx.registry
    passive = any(c.dep_ == "auxpass" for c in t.children)
    if passive:
        subjects = [c for c in t.children if c.dep_ == "nsubjpass"]
        if not subjects and t.dep_ == "conj":
            # "he met Wang Yi and was received by President Xi": the shared subject
            subjects = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        partners = [r for c in subjects for r in read_refs(doc, c.left_edge.i, reg, sent.end)[0]]
        actors = [r for c in t.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj" for r in read_refs(doc, g.left_edge.i, reg, sent.end)[0]]
    else:
        j = t.i + 1
        while j < sent.end and doc[j].pos_ == "ADV":
            j += 1
        partners, pend = read_refs(doc, j, reg, sent.end)
        partners = [p for p in partners if p.kind in ("person", "pronoun", "slot")]
        if pend < sent.end and doc[pend].lower_ in ("'s", "’s"):
            return None  # "received Putin's message": the message, not Putin
        if _and_many_others(doc, pend, sent.end):
            return None  # "hosted the leaders of Russia, India and more than 20 other
            # countries at a summit": a summit's host, not a meeting with each
        if t.lower_.startswith("host") and len([p for p in partners if p.kind == "person"]) >= 2:
            return None  # "as he hosted Russia's Vladimir Putin and India's Narendra Modi":
            # the host of a gathering, not talks with each
        actors = _actors(ctx, t, sent, partners, pend)
    if not partners:
        return None
    kind = ""
    for k in range(t.i + 1, min(sent.end - 1, t.i + 14)):
        if doc[k].lower_ == "for" and doc[k + 1].lower_ in meeting_nouns():
            kind = meeting_nouns()[doc[k + 1].lower_]  # "hosted X for talks"
            break
        if doc[k].lower_ == "for" and re.match(r"(?:an? )?state visit\b",
                                               doc[k + 1:min(sent.end, k + 4)].text.lower()):
            kind = "state visit"  # "Putin hosted Xi for a state visit in Moscow in May"
            break
    return Trigger(t, kind, actors, partners, False)


def _and_many_others(doc: Doc, k: int, end: int) -> bool:
    """A list that goes on with "and (more than) 20 other countries", "and other leaders"."""
    window = [t.lower_ for t in doc[k:min(end, k + 9)]]
    return bool(window) and window[0] in ("and", ",") and "other" in window and any(
        w in ("countries", "leaders", "states", "nations", "heads", "delegations")
        for w in window)


def _welcome(ctx: ArticleContext, t: Token, sent: Span) -> Trigger | None:
    """ "Xi welcomed Putin to Beijing with a ceremony", "greeted Modi at the airport": the
    host met the guest. Not "welcomed Putin's remarks" nor "welcomed the decision"."""
    doc = t.doc
    partners, pend = read_refs(doc, t.i + 1, ctx.registry, sent.end)
    partners = [p for p in partners if p.kind == "person"]
    if not partners or pend >= sent.end or doc[pend].lower_ not in ("to", "at", "in", "on",
                                                                      "with"):
        return None
    return Trigger(t, "", _actors(ctx, t, sent, partners, pend), partners, False)


def _call_on(ctx: ArticleContext, t: Token, sent: Span) -> Trigger | None:
    """ "Prime Minister Shehbaz Sharif called on President Xi Jinping": a courtesy call, in
    person. Not "called on the two sides to ...", nor "called on X to ...": that is urging."""
    doc = t.doc
    partners, pend = read_refs(doc, t.i + 2, ctx.registry, sent.end)
    # "called on the Iranian president": one office holder, not "the two sides"
    partners = [p for p in partners if p.kind == "person" or p.kind == "slot" and p.role]
    if not partners or (pend < sent.end and doc[pend].lower_ == "to"):
        return None
    return Trigger(t, "", _actors(ctx, t, sent, partners, pend), partners, False)


def _co_chair(ctx: ArticleContext, t: Token, sent: Span) -> Trigger | None:
    """ "Jaishankar co-chaired the 26th session of the ... Commission with Russian First
    Deputy Prime Minister Denis Manturov": the two chairs met."""
    doc = t.doc
    with_ = next((w for w in doc[t.i + 1:sent.end]
                  if w.lower_ == "with" and anchor(w, set()).i == t.i), None)
    if with_ is None:
        # "Li Qiang and Mikhail Mishustin co-chaired the 29th regular meeting"
        actors = _actors(ctx, t, sent, [], t.i + 1)
        return Trigger(t, "", actors, [], True) if len(actors) >= 2 else None
    partners, _ = read_refs(doc, with_.i + 1, ctx.registry, sent.end)
    partners = [p for p in partners if p.kind in ("person", "slot")]
    if not partners:
        return None
    actors = _actors(ctx, t, sent, partners, with_.i)
    return Trigger(t, "", actors, partners, False)


def _state_visit(ctx: ArticleContext, t: Token, sent: Span, state: ReadState) -> Trigger | None:
    """ "X's state visit to C", "X paid a state visit to C": X and C's leader met."""
    doc = t.doc
    if not any(doc[k].lower_ == "state" for k in range(max(sent.start, t.i - 3), t.i)):
        return None
    host = None
    for child in t.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            for g in child.children:
                p = party(g.text)
                if p:
                    host = p.label
    if host is None:
        # "the state visit of the President of Kazakhstan to Uzbekistan", misattached
        for k in range(t.i + 1, min(sent.end - 1, t.i + 12)):
            if doc[k].lower_ == "to" and party(doc[k + 1].text):
                host = party(doc[k + 1].text).label  # type: ignore[union-attr]
                break
            if doc[k].pos_ == "VERB" or doc[k].text in (",", ";"):
                break
    city_visit = False
    if host is None:
        # "during his state visit to Astana": the city's state is the other side's
        k = next((c.i for c in t.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if k is not None and k + 1 < sent.end and state_of_city(doc[k + 1].text) is not None:
            host = state_of_city(doc[k + 1].text).label  # type: ignore[union-attr]
        elif k is not None and k + 1 < sent.end and city(doc[k + 1].text) is not None:
            city_visit = True
        else:
            return None
    visitor: list[Ref] = []
    for child in t.children:
        if child.dep_ == "poss":
            visitor = read_ref(doc, child.left_edge.i, ctx.registry, sent.end) or \
                read_ref(doc, child.i, ctx.registry, sent.end)
            if child.lower_ in ("counterpart",):
                visitor = [Ref("pronoun", child.i, child.i + 1, counterpart=True)]
            elif not visitor and child.lower_ in ("his", "her"):
                # "Recalling his state visit to Tajikistan in 2019, Xi said ..."
                visitor = [Ref("pronoun", child.i, child.i + 1, n=1, role=child.lower_)]
            elif not visitor and child.lower_ == "my":
                # "during my state visit to Ulaanbaatar last month": the speaker's
                visitor = [Ref("pronoun", child.i, child.i + 1, n=1, role="i")]
    if not visitor and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "of":
        # "the state visit of the President of Kazakhstan to Uzbekistan"
        visitor = read_refs(doc, t.i + 2, ctx.registry, sent.end)[0][:1]
    if not visitor and t.head.pos_ == "VERB":
        for child in t.head.children:
            if child.dep_ == "nsubj":
                visitor = read_ref(doc, child.left_edge.i, ctx.registry, sent.end) or \
                    read_ref(doc, child.i, ctx.registry, sent.end)
    if not visitor:
        return None
    if t.head.pos_ in ("VERB", "AUX") and (t.head.tag_ in ("VBZ", "VBP", "VBG") and any(
            c.dep_ == "aux" and c.lower_ in ("is", "are") for c in t.head.children)
            or t.head.tag_ in ("VBZ", "VBP")):
        return None  # "Xi is paying a state visit to Uzbekistan": the occasion of the talks
        # told, not a meeting of its own
    if city_visit:
        # the host is found when the sentence's meetings are read (``find_meetings``)
        return Trigger(t, "state visit", visitor, [], False, visit_host="")
    inviter = _inviter(ctx, t, sent)
    if inviter:
        # "paid a state visit to Mongolia at the invitation of then President Battulga
        # Khaltmaa": the host is the one who invited, whoever holds the office now
        return Trigger(t, "state visit", visitor, inviter, False)
    return Trigger(t, "state visit", visitor, [], False, visit_host=host)


def _visit_city(t: Token) -> Entity | None:
    """The city a visit is "to", if the text names one."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "to" and c.i + 1 < len(t.doc):
            return city(t.doc[c.i + 1].text)
    return None


def _inviter(ctx: ArticleContext, t: Token, sent: Span) -> list[Ref]:
    """The person named after "at the invitation of" in the visit's own phrase."""
    doc = t.doc
    for k in range(t.i + 1, min(sent.end - 3, t.i + 12)):
        if doc[k].lower_ == "invitation" and doc[k - 1].lower_ in ("the", "an") \
                and doc[k + 1].lower_ == "of":
            found = [r for r in read_refs(doc, k + 2, ctx.registry, sent.end)[0]
                     if r.kind == "person"]
            return found[:1]
        if doc[k].text in (";",) or doc[k].pos_ == "VERB" and doc[k].lower_ != "paid":
            break
    return []


def _actors(ctx: ArticleContext, t: Token, sent: Span, partners: list[Ref],
            partner_end: int) -> list[Ref]:
    """Who met the partners: the subject of the trigger or of the clause it modifies, a
    possessor ("his talks with"), or the subject after a fronted participle ("Meeting with
    Y, X said")."""
    doc = t.doc
    reg = ctx.registry
    taken = {i for p in partners for i in range(p.start, p.end)}

    def refs_at(tok: Token) -> list[Ref]:
        refs, _ = read_refs(doc, tok.left_edge.i, reg, sent.end)
        if not refs:
            refs, _ = read_refs(doc, tok.i, reg, sent.end)
        refs = [r for r in refs if not any(i in taken for i in range(r.start, r.end))]
        # "Later on Sunday, Erdogan, Azerbaijani President Ilham Aliyev and ... held": the
        # parser hung the first of the list elsewhere
        while len(refs) >= 2 and refs[0].start - 2 >= sent.start \
                and doc[refs[0].start - 1].text == "," \
                and (refs[0].start - 2) in reg.by_token and (refs[0].start - 2) not in taken:
            start, _ = reg.span_of[refs[0].start - 2]
            refs = read_ref(doc, start, reg, sent.end) + refs
        return refs

    # "X, who met Y on Tuesday, said": the relative pronoun stands for X
    if t.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that")
                                 for c in t.children):
        found = refs_at(t.head) or read_ref(doc, t.head.i, reg, sent.end)
        if found:
            return found
    # the subject of the trigger, or of the verb it is coordinated with
    verb = _light_verb(t) or t
    heads = [verb] + ([verb.head] if verb.dep_ == "conj" else [])
    for h in heads:
        for child in h.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i not in taken:
                found = refs_at(child)
                if found:
                    return found
    pronoun: list[Ref] = []
    for child in t.children:
        if child.dep_ == "poss":
            found = read_ref(doc, child.i, reg, sent.end)
            if found and found[0].kind != "pronoun":
                return found
            pronoun = found  # "his talks with": the clause's subject, if it has one
            if found and t.dep_ == "pobj" and t.head.lower_ in ("during", "in", "at", "after"):
                # "In his meeting with Min Aung Hlaing, Xi noted ...": the clause's subject if
                # it names someone; "During his meeting with X, the two sides discussed ...":
                # his, not theirs
                verb = t.head.head
                subjects = [c for c in verb.children if c.dep_ == "nsubj"]
                named = [r for c in subjects for r in refs_at(c) if r.kind == "person"]
                if subjects and not named and subjects[0].pos_ in ("PROPN", "NOUN") \
                        and not _is_pair_word(subjects[0]):
                    return []  # "In his meeting with Putin, Prime Minister discussed ...": a
                    # principal the text never names
                return named[:1] or found
    # fronted participle or prepositional phrase: "Meeting with Y, X said"
    if partner_end < sent.end and doc[partner_end].text == "," and t.i < partner_end:
        j = partner_end + 1
        while j < sent.end and doc[j].text == ",":
            j += 1
        found, _ = read_refs(doc, j, reg, sent.end)
        if found and (found[-1].end >= sent.end or doc[found[-1].end].pos_ in ("VERB", "AUX")
                      or doc[found[-1].end].text == ","):
            return found
    # the subject of a clause the trigger modifies: "X made the remarks in his talks with Y"
    for c in chain(t)[1:]:
        for child in c.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i not in taken and child.i != t.i:
                found = refs_at(child)
                if found:
                    return found
    if not pronoun and verb.pos_ == "VERB":
        return _subject_on_the_left(ctx, verb, sent, taken)
    return pronoun


_BETWEEN_SUBJECT_AND_VERB = frozenset({"on", "in", "at", "also", "today", "earlier", "later",
                                       "then", "separately", "co", "-", ","})


def _subject_on_the_left(ctx: ArticleContext, verb: Token, sent: Span,
                         taken: set[int]) -> list[Ref]:
    """The person right before the verb, past a time ("Russian Foreign Minister Sergey
    Lavrov on Thursday hosted ..."): the subject when the parse lost it."""
    doc = verb.doc
    k = verb.i - 1
    while k >= sent.start and (doc[k].lower_ in _BETWEEN_SUBJECT_AND_VERB
                               or doc[k].ent_type_ == "DATE" or doc[k].pos_ == "ADV"):
        k -= 1
    if k < sent.start or k not in ctx.registry.by_token or k in taken:
        return []
    start, _ = ctx.registry.span_of[k]
    found = read_ref(doc, start, ctx.registry, sent.end)
    # "On the sidelines of the trilateral, Dar and Muttaqi also held a separate meeting":
    # the people coordinated with it
    while found and start - 2 >= sent.start and doc[start - 1].lower_ in ("and", ",") \
            and (start - 2) in ctx.registry.by_token and (start - 2) not in taken:
        start, _ = ctx.registry.span_of[start - 2]
        found = read_ref(doc, start, ctx.registry, sent.end) + found
    return found


def _resolve(ctx: ArticleContext, refs: list[Ref], state: ReadState, subject: Person | None,
             actors: list[Side] | None = None) -> list[Side]:
    out: list[Side] = []
    for r in refs:
        if r.kind == "person" and r.person:
            role = r.person.role or r.role
            if r.counterpart and actors:
                role = r.person.role or counterpart_office(actors[0].role)
            elif r.counterpart and not role:
                # "X and his Turkmen counterpart Z held talks": Z holds X's office
                role = counterpart_office(next((o.role for o in out if o.role), None))
            p = r.person.party.label if r.person.party else (r.party.label if r.party else None)
            out.append(Side(r.person, p, role))
        elif r.kind == "pronoun":
            if r.counterpart:
                if actors:
                    keys = {a.key() for a in actors}
                    out.extend(s for s in state.current if s.key() not in keys)
                else:
                    # "his counterpart's state visit": the side of the current meeting that
                    # is not the sentence's subject
                    keys = {subject.name} if subject else set()
                    others = [s for s in state.current if s.key() not in keys]
                    out.extend(others[:1] if len(others) == 1 else [])
                continue
            if r.role in ("i", "me"):
                # "I spoke with Vladimir Putin on the phone yesterday," Lukashenko said
                if state.speaker is not None:
                    sp = state.speaker
                    out.append(Side(sp, sp.party.label if sp.party else None, sp.role))
                continue
            if r.role in ("we", "us"):
                # a speaker's "we met in Tehran": the speaker and whom they address, the two
                # sides of the meeting the transcript is of
                if len(state.current) == 2 and state.speaker is not None and any(
                        s.person is state.speaker for s in state.current):
                    out.extend(state.current)
                continue
            if r.role == "they" and _in_subordinate_clause(ctx.doc[r.start]):
                # "Xi and Putin declared a partnership when they met in Beijing": the main
                # clause's subjects
                main = _plural_of(ctx, ctx.doc[r.start])
                if len(main) >= 2:
                    out.extend(Side(p, p.party.label if p.party else None, p.role) for p in main)
                    continue
            if r.role in ("they", "them") and len(state.plural) >= 2:
                out.extend(Side(p, p.party.label if p.party else None, p.role)
                           for p in state.plural)
                continue
            if r.n == 2:
                out.extend(state.current)
                continue
            person = state.last_actor
            if subject is not None and subject is not person and r.role in ("him", "her"):
                person = subject
            elif subject is not None and r.role in ("he", "she") \
                    and _in_subordinate_clause(ctx.doc[r.start]):
                # "Mr Sharif had visited China in June, when he held talks with Mr Li": the
                # main clause's subject, not the person of the sentence before
                person = subject
            elif r.role in ("he", "she", "his", "her"):
                # "Beijing's special envoy, Yue Xiaoyong, has become a regular visitor to
                # Kabul; he met Muttaqi there", "Meeting with Rahmon, Xi said that during his
                # state visit ...": a subject named earlier in the sentence
                person = _earlier_subject(ctx, ctx.doc[r.start]) or person
            if person:
                out.append(Side(person, person.party.label if person.party else None,
                                person.role))
        elif r.kind == "pair":
            if ctx.doc[r.start].lower_ == "their" and len(state.plural) >= 2:
                # "Putin and Xi discussed trade. It was their second meeting this year."
                out.extend(Side(p, p.party.label if p.party else None, p.role)
                           for p in state.plural)
            elif (r.n is None or r.n == 2) and len(named := _named_before(ctx, r.start)) == 2:
                # "Putin recalled his visit to Ashgabat, where the two presidents also held
                # talks", told in a sentence about Putin and Berdimuhamedov
                out.extend(Side(p, p.party.label if p.party else None, p.role) for p in named)
            elif state.current and (r.n is None or r.n == len(state.current)):
                out.extend(state.current)
        elif r.kind == "slot" and r.party:
            people = ctx.registry.with_party(r.party.label, r.role)
            if actors and any(a.party_label == r.party.label for a in actors):
                out.append(next(a for a in actors if a.party_label == r.party.label))
                continue
            role = r.role or (counterpart_office(actors[0].role) if r.counterpart and actors
                              else None)
            if len(people) == 1:
                person = people[0]
                out.append(Side(person, r.party.label, person.role or role))
            else:
                out.append(Side(None, r.party.label, role))
    return out


def _named_before(ctx: ArticleContext, i: int) -> list[Person]:
    """The people named in the sentence before token ``i``, if they are of two states."""
    tok = ctx.doc[i]
    people = list({id(p): p for x in ctx.doc[ctx.sentence_start(i):i]
                   if (p := ctx.registry.by_token.get(x.i))}.values())
    states = {p.party.label for p in people if p.party}
    return people if len(people) == 2 and len(states) == 2 else []


def _earlier_subject(ctx: ArticleContext, pronoun: Token) -> Person | None:
    """The last person named as a subject (or its apposition) before ``pronoun`` in its
    sentence; in a "where"/"when" clause of a noun someone owns, that one ("Wang Yi's visit
    to New Delhi, where he held talks with Jaishankar")."""
    verb = pronoun.head
    if verb.dep_ == "relcl":
        owner = next((c for c in verb.head.children if c.dep_ == "poss"
                      and c.i in ctx.registry.by_token), None)
        if owner is None and verb.head.dep_ == "pobj":
            noun = verb.head.head.head  # "visit to [New Delhi], where he ..."
            owner = next((c for c in noun.children if c.dep_ == "poss"
                          and c.i in ctx.registry.by_token), None)
        if owner is not None:
            return ctx.registry.by_token[owner.i]
    found = None
    for tok in pronoun.doc[ctx.sentence_start(pronoun.i):pronoun.i]:
        person = ctx.registry.by_token.get(tok.i)
        if person is None:
            continue
        if any(a.dep_ in ("nsubj", "nsubjpass") for a in (tok, *tok.ancestors)):
            found = person  # the subject, or a name in apposition inside it
    return found


def _plural_of(ctx: ArticleContext, pronoun: Token) -> list[Person]:
    """The people of the subject of the clause a subordinate "they" hangs from."""
    verb = pronoun.head.head
    people: list[Person] = []
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            for tok in c.subtree:
                p = ctx.registry.by_token.get(tok.i)
                if p and p not in people:
                    people.append(p)
    return people


def _in_subordinate_clause(pronoun: Token) -> bool:
    """A subject pronoun of a "when", relative or adverbial clause, or of a verb coordinated
    with the main one: "X had visited China, when he held talks", "X arrived and he met"."""
    verb = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ == "ROOT":
        return False
    return verb.dep_ in ("advcl", "relcl", "conj") and verb.head.pos_ in ("VERB", "AUX", "NOUN",
                                                                           "PROPN")


def _claim_state(sides: list[Side], actors: list[Side]) -> list[Side]:
    """ "Wang Yi chaired the consultation among the foreign ministers of China, Russia and
    Mongolia": the one state no named participant holds is the chair's."""
    held = {s.party_label for s in sides if s.person and s.party_label}
    open_states = [s for s in sides if not s.person and s.party_label not in held]
    stateless = [a for a in actors if a.person and not a.party_label]
    if len(open_states) == 1 and len(stateless) == 1:
        stateless[0].party_label = open_states[0].party_label
        stateless[0].role = stateless[0].role or open_states[0].role
        return [s for s in sides if s is not open_states[0]]
    return sides


def _dedupe(sides: list[Side]) -> list[Side]:
    seen: dict[str, Side] = {}
    for s in sides:
        seen.setdefault(s.key(), s)
    people_parties = {s.party_label for s in seen.values() if s.person}
    return [s for s in seen.values()
            if s.person or s.party_label not in people_parties]


def _kind(tr: Trigger, sides: list[Side]) -> str:
    if tr.kind in ("phone call", "video call", "state visit"):
        return tr.kind
    parties = {s.party_label or s.key() for s in sides}
    if len(parties) == 3:
        return "trilateral"
    if len(parties) >= 4:
        return "multilateral"
    return tr.kind or "bilateral"


def _caption_date_place(ctx: ArticleContext, sent: Span, dates: list[DateMention],
                        when: When | None, location: Entity | None
                        ) -> tuple[When | None, Entity | None]:
    """A photo caption ends with where and when: "... in Astana, Kazakhstan, July 3, 2024."."""
    full = [d for d in dates if d.kind == "date"]
    if full:
        when = resolve(full[-1], ctx.ref) or when
    places = [tok for tok in sent if tok.lower_ == "in" and tok.i + 1 < sent.end]
    for tok in reversed(places):
        found = place_after(tok.doc, tok.i + 1, sent.end, ctx.place)
        if found:
            return when, found
    return when, location


def _recaps_another(t: Token, triggers: list[Trigger]) -> bool:
    """A meeting noun set beside the clause of another trigger describes that same meeting:
    "X held talks with Y in Vienna on Wednesday, their first meeting after Y's re-election
    last month" (one meeting, and not last month's)."""
    left = t.left_edge.i
    beside = t.dep_ in ("npadvmod", "appos") or (
        t.dep_ == "dobj" and left > 0 and t.doc[left - 1].text == ",")
    if not beside:
        return False
    heads = {tr.token.i for tr in triggers if tr.token.i != t.i}
    heads |= {tr.token.head.i for tr in triggers if tr.token.i != t.i}
    return t.head.i in heads


def _told_at_another(t: Token, triggers: list[Trigger]) -> bool:
    """ "last met in Samarkand, at the trilateral meeting of the heads of state of A, B and C":
    the at-phrase names the meeting the verb tells; the named one is kept."""
    for tr in triggers:
        o = tr.token
        if o.i != t.i and o.dep_ == "pobj" and o.head.lower_ == "at" and o.head.head.i == t.i:
            return True
    return False


def _background_cue(t: Token) -> bool:
    verb = t.head if t.pos_ == "NOUN" else t
    return any(c.dep_ == "advmod" and c.lower_ in background_cues() for c in verb.children)


def _date_for(ctx: ArticleContext, sent: Span, t: Token, dates: list[DateMention],
              stops: set[int], state: ReadState) -> tuple[When | None, bool, bool]:
    """(date, vague, background) of the meeting triggered by ``t``."""
    if _told_about(t):
        # "when I informed you about my meeting with Trump": an earlier meeting; its day is
        # another report's to give
        return None, True, False
    shifted = _days_apart(ctx, sent, t)
    if shifted is not None and not any(d.start >= t.idx for d in dates):
        # "held talks with Bahrain's King in Beijing on Thursday, a day after meeting
        # Egyptian President El-Sisi": Thursday is the other meeting's day
        return shifted, False, _is_background(ctx, shifted)
    own = clause_tokens(t)
    if t.dep_ == "relcl" and t.head.lower_ in ("time", "occasion") and t.head.head.pos_ == "AUX":
        own |= {t.head.head.i}  # "The last time the two prime ministers met was in 2015"
    best: tuple[int, When | None, DateMention] | None = None
    ch = [c.i for c in chain(t)]
    for d in dates:
        span = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        a = anchor(span.root, stops)
        if a.lower_ == "including" and a.head.i in own:
            a = a.head  # "meetings ..., including with Xi and Putin on Thursday"
        if a.dep_ == "acl" and a.head.i == t.i:
            a = t  # "his talks with Xi held in Nur-Sultan on September 14"
        if a.i not in own:
            continue
        if a.i in stops and a.i != t.i and a.i not in ch:
            continue  # "held a separate meeting with Putin and met Xi on Sunday": Xi's day
        between = sent.doc.text[t.idx + len(t.text):d.start] if d.start > t.idx else ""
        if re.search(r"\bsince\b", between):
            continue  # "the first meeting between the two leaders since Raisi assumed office
            # in August 2021"
        if a.i != t.i and a.i not in ch and (a.head.lower_ in ("since", "until", "till") or any(
                c.dep_ in ("mark", "prep") and c.lower_ in ("since", "until", "till")
                and c.i < a.i for c in a.children)):
            continue  # "the first meeting since Raisi assumed office in August 2021"
        future = any(c.lower_ in ("will", "'ll", "shall") for c in a.children)
        previous = state.last_date
        if d.kind == "relative" and re.search(r"following|next|later|earlier|before", d.rel):
            # "attended the ceremony in May last year, and the two held talks the following
            # day": counted from the date told before it in the sentence
            told = [w for e in dates if e.end <= d.start and e is not d
                    for w in [resolve(e, ctx.ref, previous=state.last_date)] if w]
            if told:
                previous = told[-1]
                if previous.day is None:
                    return previous, False, _is_background(ctx, previous)
        when = resolve(d, ctx.ref, future=future, previous=previous)
        rank = ch.index(a.i) if a.i in ch else len(ch)
        if d.rel.endswith("eve of"):
            # "On the eve of the summit, Putin had a call": only an adverbial of the verb
            # itself, never "their talks in Beijing in February, on the eve of the Olympics"
            if a.i not in ch or not (a.i == t.i or a.pos_ == "VERB"):
                continue
            rank += 1000
        if best is None or rank < best[0]:
            best = (rank, when, d)
    if best is not None:
        when, d = best[1], best[2]
        if when is None:
            return None, is_vague(d), False
        return when, False, _is_background(ctx, when)
    if state.told is not None and _refers_back(t, stops):
        # "Jaishankar travelled to China in July. During that visit, he met Wang Yi"
        return state.told, False, _is_background(ctx, state.told)
    shifted = _days_apart(ctx, sent, t)
    if shifted is not None:
        return shifted, False, _is_background(ctx, shifted)
    if _DURING_STAY.search(sent.text) or _some_time_apart(sent, t):
        # "During his stay in Tianjin, the prime minister also held meetings with ...",
        # "days before Trump and Putin met": its day is another report's to give
        return None, True, False
    return ctx.event, False, False


_SINCE_MEETING = re.compile(r"\bsince\s+(?:the|their|our|his|her)\s+(?:last\s+|previous\s+)?"
                            r"(?:talks|meeting|summit|visit)\b", re.I)


def _since_meeting(ctx: ArticleContext, sent: Span, t: Token,
                   dates: list[DateMention]) -> tuple[When, Entity | None] | None:
    """The earlier meeting a "first meeting since the talks in Moscow in March" names: its
    date (and city) as the since-phrase gives them."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return None
    m = _SINCE_MEETING.search(sent.doc.text, t.idx + len(t.text), sent.end_char)
    if m is None or m.start() - (t.idx + len(t.text)) > 60:
        return None
    tail = [d for d in dates if d.start >= m.end()]
    when = resolve(tail[0], ctx.ref) if tail else None
    if when is None or not _is_background(ctx, when):
        return None
    k = next((x.i for x in sent if x.idx >= m.end() and x.lower_ == "in"), None)
    place = place_after(sent.doc, k + 1, sent.end, ctx.place) if k is not None else None
    return when, place


_DURING_STAY = re.compile(r"\b(?:during|in the course of) (?:his|her|their|the) (?:\w+ )?"
                          r"(?:stay|trip|tour|visit) (?:in|to)\b", re.I)


def _is_pair_word(tok: Token) -> bool:
    """ "the two sides", "both leaders", "the parties"."""
    return tok.lower_ in ("sides", "parties", "leaders", "countries", "ministers", "presidents")


def _told_about(t: Token) -> bool:
    """A meeting named as what someone was told about: "Putin briefed Xi on his meeting with
    Trump in Alaska", "I informed you about my meeting with the President": an earlier one,
    not the day's."""
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ != "pobj" or t.head.lower_ not in (
            "on", "about", "of"):
        return False
    verb = t.head.head
    if verb.lower_ in ("results", "outcome", "outcomes", "details") and verb.dep_ == "pobj":
        verb = verb.head.head  # "informed ... about the results of his talks with Xi"
    return verb.lower_ in ("briefed", "brief", "briefs", "informed", "inform", "informs",
                           "told", "updated", "apprised", "debriefed")


_DAYS_APART = re.compile(r"\b(a|one|two|three) days? (after|before)\s+$", re.I)
_SOME_TIME_APART = re.compile(r"\b(?:(?:a few|several|some|two|three|four) )?(?:days|weeks|"
                              r"months) (?:after|before)\s+$", re.I)


def _before_clause(sent: Span, t: Token) -> str:
    """The sentence's text before the clause of ``t`` (before its subject, or the verb "held"
    of "held talks"): where "a day after" or "days before" introduces it."""
    verb = _light_verb(t) or t  # "a day after Mr Dar held talks with Mr Wang"
    first = min((c.left_edge.i for c in verb.children if c.dep_ == "nsubj"),
                default=min(t.i, verb.i))
    return sent.doc[sent.start:first].text_with_ws


def _some_time_apart(sent: Span, t: Token) -> bool:
    """ "Zelenskyy had called Modi on August 11, days before Trump and Putin met in Alaska":
    some time from another event, no day of its own."""
    return bool(_SOME_TIME_APART.search(_before_clause(sent, t)))


def _days_apart(ctx: ArticleContext, sent: Span, t: Token) -> When | None:
    """ "The phone call came a day after Doval met Putin at the Kremlin": the meeting of the
    clause is that many days before (or after) the article's event."""
    m = _DAYS_APART.search(_before_clause(sent, t))
    if m is None or ctx.event is None or ctx.event.day is None:
        return None
    n = {"a": 1, "one": 1, "two": 2, "three": 3}[m.group(1).lower()]
    day = ctx.event.date() + dt.timedelta(days=-n if m.group(2).lower() == "after" else n)
    return When(day.year, day.month, day.day)


_ANAPHORIC_TIMES = frozenset({"visit", "trip", "tour", "occasion", "time", "stay", "talks",
                              "meeting", "summit", "event"})


def _refers_back(t: Token, stops: set[int]) -> bool:
    """ "during that visit", "on that occasion", "at that time": the time of the sentence
    before."""
    own = clause_tokens(t)
    for tok in t.sent:
        if tok.lower_ in ("that", "those") and tok.dep_ == "det" \
                and tok.head.lower_ in _ANAPHORIC_TIMES and tok.head.i != t.i \
                and tok.head.dep_ == "pobj" and anchor(tok.head, stops).i in own:
            return True
    return False


def told_date(ctx: ArticleContext, sent: Span, state: ReadState) -> When | None:
    """The last date a sentence gives, for "during that visit" in the next one."""
    found = None
    for d in find_dates(sent.text, sent.start_char):
        w = resolve(d, ctx.ref, previous=state.last_date)
        if w is not None:
            found = w
    return found


def _same_day(ctx: ArticleContext, sent: Span, t: Token, dates: list[DateMention],
              stops: set[int]) -> bool:
    """Dated "earlier in the day", "later today", "the same day": the day, and so the place,
    of the article's own event."""
    own = clause_tokens(t)
    for d in dates:
        if d.kind != "relative" or not d.rel.startswith(("earlier", "later", "today", "on the "
                                                         "same", "the same")):
            continue
        span = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and anchor(span.root, stops).i in own:
            return True
    return False


def _follow_on(sent: Span, t: Token) -> bool:
    """A meeting told as the next of the day's events: "X also met Y", "Later, the Head of
    State held a meeting with ...", "On the same day", "Also today", "Later Thursday"."""
    own = clause_tokens(t)
    if any(tok.head.i in own and tok.lower_ in ("also", "later") for tok in sent):
        return True
    return bool(re.search(r"\b(?:same day|also today|later (?:in the day|today|on \w+day|"
                          r"\w+day))\b", sent.text, re.I))


def _after_the_article(ctx: ArticleContext, when: When | None) -> bool:
    """Dated after the day the article is written: planned, whatever the verb says."""
    ref = ctx.ref.date() if ctx.ref else None
    if when is None or ref is None or when.year is None:
        return False
    first = dt.date(when.year, when.month or 1, when.day or 1)
    return first > ref


def _is_background(ctx: ArticleContext, when: When) -> bool:
    """Before the article's own time by more than a week: an earlier meeting."""
    ref = ctx.ref or ctx.event
    if ref is None or ref.year is None:
        return False
    ref_first = dt.date(ref.year, ref.month or 1, ref.day or 1)
    last = when.last_day()
    return last is not None and last < ref_first - dt.timedelta(days=7)


def _past_place(doc: Doc, j: int, end: int) -> int:
    """Past "in Beijing" / "on Monday" / "here" right after a verb (the index after it)."""
    k = j
    if k < end and doc[k].lower_ in ("here", "there", "today", "yesterday"):
        return k + 1
    if k + 1 < end and doc[k].lower_ in ("in", "on", "at"):
        k += 1
        while k < end and (doc[k].text[:1].isupper() or doc[k].is_digit
                           or doc[k].lower_ in ("the",)) and k - j < 5:
            k += 1
        return k
    return j


def _days_before_event(ctx: ArticleContext, when: When | None) -> int | None:
    """How many days ``when`` is before the article's own event, if both are days."""
    if when is None or when.day is None or ctx.event is None or ctx.event.day is None:
        return None
    return (ctx.event.date() - when.date()).days


def _location_for(ctx: ArticleContext, sent: Span, t: Token, stops: set[int]) -> Entity | None:
    """ "in City" or "here" attached to the trigger's clause; the lead's event is in the
    dateline's city."""
    own = clause_tokens(t)
    doc = t.doc
    for tok in sent:
        if is_here(tok) and anchor(tok, stops).i in own and ctx.place:
            return ctx.place
        if tok.lower_ == "in" and tok.i + 1 < sent.end:
            j = tok.i + 1
            if anchor(doc[j], stops).i not in own and anchor(tok, stops).i not in own:
                continue
            if t.dep_ == "conj" and t.head.i < tok.i < t.i:
                continue  # "met Wang Yi in Beijing and was received by Xi": the first one's
            found = place_after(doc, j, sent.end, ctx.place)
            if found:
                return found
    if ctx.lead is not None and sent.start_char == ctx.lead.start_char and ctx.place:
        return ctx.place
    return None


def _occasion_for(t: Token) -> str | None:
    """ "ahead of the 24th Meeting of ...", "on the sidelines of the SCO summit in Astana"."""
    for c in chain(t)[:3]:
        for child in c.children:
            low = child.lower_
            if low == "ahead" or (low in ("on", "at") and any(
                    g.lower_ in ("sidelines", "margins", "sideline") for g in child.children)):
                span = t.doc[child.left_edge.i:child.right_edge.i + 1]
                text = " ".join(span.text.split()).rstrip(" ,.")
                if len(text.split()) > 2:
                    return text
    return None
