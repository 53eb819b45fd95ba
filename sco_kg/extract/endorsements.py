"""Endorsements: a state, or a person speaking for it, supports, adheres to, welcomes, joins
or commits to advancing an initiative another state proposed.

"Uzbekistan fully supports the Global Development Initiative", "Japarov said Kyrgyzstan
firmly adheres to the one-China principle", "Azerbaijan is willing to ... within the
framework of Belt and Road cooperation", "It is hoped that the two sides will further align
the Belt and Road Initiative with Türkiye's development strategies, he [Erdogan] said".
Not endorsements: the proposer on its own initiative ("China supports the GDI"), or a call
by one side on both ("Xi urged the two sides to advance the Belt and Road cooperation").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .countries import party
from .initiatives import Initiative, find_initiatives
from .patterns import reporting_verbs
from .people import Person, Registry

SUPPORT = frozenset({
    "support", "supports", "supported", "supporting", "back", "backs", "backed", "endorse",
    "endorses", "endorsed", "welcome", "welcomes", "welcomed", "join", "joins", "joined",
    "adhere", "adheres", "adhered", "abide", "abides", "abided", "commit", "commits",
    "committed", "uphold", "upholds", "upheld", "participate", "participates", "implement",
    "implements", "promote", "promotes", "advance", "advances", "align", "aligns",
    "willing", "ready", "recognize", "recognizes", "recognise", "recognises", "embrace",
    "embraces", "enhance", "deepen", "strengthen", "synergy", "synergize", "seek",
    "aligning", "aligned", "advancing", "advanced", "promoting", "promoted", "implementing",
    "implemented", "joining", "participating", "endorsing", "backing", "upholding",
    # nouns: "reiterated Pakistan's firm commitment to", "reaffirmed its adherence to"
    "commitment", "adherence", "appreciate", "appreciates", "appreciated",
})
_CALLS = frozenset({"should", "must", "need", "needs", "ought", "shall"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_PAIRS = frozenset({"sides", "countries", "parties", "nations"})


@dataclass
class RawEndorsement:
    party: str
    initiative: Initiative
    speaker: Person | None


def find_endorsements(sent: Span, registry: Registry, speaker: Person | None,
                      plural_subject: list[Person], sides: Sequence[str] = ()
                      ) -> list[RawEndorsement]:
    """Endorsements stated in one sentence; ``speaker`` is who the sentence quotes (the
    subject of its "said", else the last speaker), ``plural_subject`` whom "they" means,
    ``sides`` the states of the meeting the article is about.

    Told by the reporter ("The three sides agreed to continue aligning the Belt and Road
    Initiative ..."), a joint commitment is every side's but the proposer's; quoted, or a
    call ("the two sides should ..."), it is the speaker's word only.
    """
    out: list[RawEndorsement] = []
    doc = sent.doc
    told = not any(t.lower_ in reporting_verbs() and t.pos_ == "VERB" for t in sent)
    for a, b, initiative in find_initiatives(sent.text):
        span = doc.char_span(sent.start_char + a, sent.start_char + b, alignment_mode="expand")
        if span is None:
            continue
        parties: list[str] = []
        path: list[Token] = []
        joint = False
        for path, subject in _governing(span.root):
            joint = told and not any(c.lower_ in _CALLS for t in path for c in t.children
                                     if c.dep_ == "aux")
            if joint and _is_sides(subject) and len(sides) >= 2:
                parties = list(sides)
            else:
                parties = _subject_parties(subject, registry, speaker, plural_subject,
                                           span.start)
            if parties:
                break
        if not parties or not any(t.lower_ in SUPPORT for t in path):
            continue
        if any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for t in path for c in t.children
               if c.dep_ in ("neg", "advmod")):
            continue
        proposers = {party(p).label if party(p) else _person_party(p, registry)
                     for p in initiative.proposers}
        if len(parties) > 1 and proposers & set(parties) and not joint:
            # "China and Kyrgyzstan should promote Belt and Road cooperation, said Xi": a
            # call on both sides, not the other side's word
            mine = speaker.party.label if speaker and speaker.party else None
            parties = [mine] if mine and mine not in proposers else []
        for p in parties:
            if p and p not in proposers:
                out.append(RawEndorsement(p, initiative, speaker if speaker and speaker.party
                                          and speaker.party.label == p else None))
    return out


def _person_party(name: str, registry: Registry) -> str | None:
    person = registry.find(name)
    return person.party.label if person and person.party else None


def _governing(t: Token) -> list[tuple[list[Token], Token]]:
    """Each verb above ``t`` that has a subject (nearest first), with the path up to it."""
    found: list[tuple[list[Token], Token]] = []
    path: list[Token] = []
    cur = t
    for _ in range(16):
        if cur.head.i == cur.i:
            break
        if cur.dep_ in ("relcl", "acl") and cur.i != t.i:
            break
        cur = cur.head
        path.append(cur)
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if subjects and subjects[0].i == t.i:
            # a misparse as "[the Initiative] put forward by Xi": the phrase is not a clause
            continue
        # a verb, or a word the tagger took for a noun but the parser gave a subject
        # ("Kazakhstan firmly abides by ...", "abides" tagged NOUN)
        if subjects and (cur.pos_ in ("VERB", "AUX") or cur.dep_ in ("ROOT", "ccomp", "conj",
                                                                      "xcomp", "advcl")):
            found.append((list(path), subjects[0]))
        if cur.dep_ == "ccomp" and subjects:
            break  # a reported clause with its own subject; without one (a misparse of
            # "said South Africa adheres to ..."), the reporter's subject speaks for it
    return found


def _is_sides(subject: Token) -> bool:
    """ "the two sides", "both countries", "the three parties"."""
    return subject.lower_ in _PAIRS and any(c.lower_ in ("two", "both", "three", "four")
                                            for c in subject.children)


def _subject_parties(subject: Token, registry: Registry, speaker: Person | None,
                     plural: list[Person], before: int) -> list[str]:
    """The states a subject names (only the words before the initiative itself, for a
    misparse like "Azerbaijan [firmly abides by the one-China principle]")."""
    doc = subject.doc
    low = subject.lower_
    if low in ("it",) or subject.dep_ == "expl" or (low in _PAIRS and any(
            c.lower_ in ("two", "both", "three") for c in subject.children)):
        # "It is hoped that the two sides will ...", "the two sides should ...": the speaker's
        # state, if the speaker is not the proposer (checked by the caller)
        return [speaker.party.label] if speaker and speaker.party else []
    if low in ("they", "them"):
        return [p.party.label for p in plural if p.party]
    if low in ("he", "she", "we", "i") and speaker and speaker.party:
        # "We support the Global Governance Initiative that you put forward" (a transcript
        # turn or a quotation: the speaker's state)
        return [speaker.party.label]
    states: list[str] = []
    for tok in subject.subtree:
        if subject.i < before <= tok.i:
            break
        if tok.i in registry.by_token:
            person = registry.by_token[tok.i]
            if person.party and person.party.label not in states:
                states.append(person.party.label)
            continue
        p = party(tok.text)
        if p and p.label not in states:
            states.append(p.label)
    del doc
    return states
