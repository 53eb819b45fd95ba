"""Reading a clause around a trigger word: its governing chain, tense and modality, and the
dates and places attached to it.

The chain of a trigger is the trigger and its heads up to the first reported clause
("Xi said [that the two leaders held talks ...]"): an adjunct counts for the trigger when it
hangs from a token of that chain (or from a verb coordinated with one). So "said here on
Wednesday when meeting with Aliyev" dates the meeting, while "Ryzhenkov, who took office on
June 27, said" does not.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .patterns import habitual_cues, modal_cues, negations

_MODAL_AUX = frozenset({"will", "would", "shall", "should", "may", "might", "could", "can",
                        "'ll", "’ll", "wo", "must", "to"})
_MODAL_HEADS = frozenset(modal_cues()) - _MODAL_AUX - {"set", "next", "if", "whether", "unless"}
_DENIALS = frozenset({"deny", "denies", "denied", "denying", "dismissed", "dismisses",
                      "refuted", "refutes", "rejected", "rejects"})
_HEARSAY = frozenset({"report", "reports", "claim", "claims", "rumour", "rumours", "rumor",
                      "rumors", "speculation", "allegation", "allegations", "story"})
_FUTURE_ADJ = frozenset({"upcoming", "next", "future", "planned", "possible", "potential",
                         "proposed", "forthcoming", "expected", "scheduled", "prospective"})


def chain(t: Token) -> list[Token]:
    """``t`` and its heads up to (and including) the head of the clause it sits in, then on
    through adverbial clauses and "when"/"where" clauses to the main verb; a reported clause
    (ccomp) or another relative clause ends the chain."""
    out = [t]
    cur = t
    while cur.head.i != cur.i:
        if cur.dep_ == "relcl" and is_when_clause(cur):
            pass  # "met in Moscow in May, when X paid a state visit": the time of "May"
        elif cur.dep_ in ("ccomp", "parataxis", "relcl", "acl") and cur.i != t.i:
            break
        elif cur.dep_ in ("relcl",) and cur.i == t.i:
            break
        cur = cur.head
        out.append(cur)
    return out


def is_when_clause(verb: Token) -> bool:
    """A clause that adds to the time or place of its head ("in May, when ...", "in Sochi,
    where ..."): it happens then and there, whatever its own words give."""
    return any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "where")
               and c.i < verb.i for c in verb.children)


def clause_tokens(t: Token) -> set[int]:
    """Token indices whose adjuncts count for ``t``: the chain and verbs coordinated with it."""
    ids = {c.i for c in chain(t)}
    for c in chain(t):
        if c.pos_ in ("VERB", "AUX"):
            for child in c.children:
                if child.dep_ == "conj" and child.pos_ == "VERB":
                    ids.add(child.i)
            if c.dep_ == "conj":
                ids.add(c.head.i)
    return ids


def anchor(token: Token, stops: set[int]) -> Token:
    """The first token above ``token`` that is a trigger (in ``stops``) or a verb."""
    cur = token
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.i in stops or cur.pos_ in ("VERB", "AUX"):
            return cur
    return cur


def is_modal(t: Token, *, noun: bool = False) -> bool:
    """Planned, hoped-for, hypothetical or negated: "will meet", "is expected to hold talks",
    "ahead of his meeting with", "invited him to", "did not meet".

    Only the trigger's own phrase counts, up to the verb it is the object or complement of:
    "During Mirziyoyev's state visit ..., China and Uzbekistan agreed to ..." is a visit that
    took place, whatever the main clause says.
    """
    cur = t
    while True:
        for child in cur.children:
            low = child.lower_
            if child.dep_ in ("aux", "auxpass") and low in _MODAL_AUX:
                if low == "to" and cur.pos_ != "VERB":
                    continue
                return True
            if child.dep_ in ("neg", "det", "advmod", "preconj") and low in negations():
                return True
            if child.dep_ == "mark" and low in ("if", "whether", "unless"):
                return True
            if cur.i == t.i and noun and child.dep_ in ("amod", "compound") and low in _FUTURE_ADJ:
                return True
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX"):
            # "will attend the summit and hold talks": the auxiliary is shared
            return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _MODAL_AUX - {"to"}
                       or c.dep_ == "neg" for c in cur.head.children)
        if cur.dep_ == "ccomp" and cur.head.lower_ in _DENIALS:
            return True  # "The Kremlin denied that Putin had met Trump"
        if cur.dep_ in ("acl", "ccomp", "relcl") and cur.head.lower_ in _HEARSAY \
                and cur.head.head.lower_ in _DENIALS:
            return True  # "Peskov denied a report that Trump spoke by phone with Putin"
        if cur.i == t.i and noun and cur.dep_ in ("nsubj", "nsubjpass") and _unconfirmed(cur.head):
            return True
        if cur.head.i == cur.i or cur.dep_ in ("advcl", "conj", "relcl", "acl", "parataxis",
                                               "ccomp", "appos"):
            return False
        head = cur.head
        if cur.dep_ == "prep" and head.pos_ in ("VERB", "AUX"):
            # "invited him to talks", "prepare for the meeting"; but "During the visit, the
            # two sides agreed ..." is a visit that happened
            purpose = cur.lower_ in ("to", "for", "towards", "toward")
            if purpose and (head.lower_ in _MODAL_HEADS or any(
                    c.dep_ == "dobj" and c.lower_ in _MODAL_HEADS for c in head.children)):
                # "renewed his offer to host talks": the parser may hang "to" from the verb
                return True
            if purpose and any(c.dep_ in ("nsubj", "nsubjpass") and any(
                    g.dep_ in ("det", "neg") and g.lower_ in negations() for g in c.children)
                    for c in head.children):
                return True  # "no date has been set for a meeting between Putin and Trump"
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _MODAL_AUX - {"to"}
                   for c in head.children):
                return True
            if not purpose:
                return False
            # "is due to travel to Beijing on Tuesday for talks with Xi": what the travel is
            # for is as planned as the travel
            cur = head
            continue
        if head.lower_ in _MODAL_HEADS:
            return True
        cur = head


def _unconfirmed(verb: Token) -> bool:
    """ "a meeting with Xi was on the cards but had not been confirmed", "... was possible
    but has not been confirmed": what the sentence says of a meeting noun as its subject."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ == "cards" for g in c.children):
            return True
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(
                g.dep_ == "neg" for g in c.children) and c.lower_ in (
                "confirmed", "announced", "scheduled", "finalised", "finalized", "set"):
            return True
    return False


def is_habitual(t: Token) -> bool:
    """A recurring meeting, not one event: "meet regularly", "have met 40 times"."""
    for c in chain(t)[:2]:
        for child in c.subtree:
            if child.lower_ in habitual_cues() and child.i > t.i - 3 and child.i < t.i + 8:
                if child.lower_ in ("each", "every") and child.head.lower_ == "other":
                    continue
                return True
    return False


def is_present(t: Token) -> bool:
    """Present tense ("meets", "hold talks"): news headlines and captions only."""
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    if verb.tag_ in ("VBZ", "VBP"):
        return not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN")
                       for c in verb.children)
    return False


def in_span(sent: Span, start: int, end: int) -> Span | None:
    return sent.doc.char_span(start, end, alignment_mode="expand")
