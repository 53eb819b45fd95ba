"""Who a phrase in a sentence points at: a named person, a pronoun, "the two leaders",
"the Presidents of Kyrgyzstan, Azerbaijan, Uzbekistan and Russia", "Chinese, Belarusian FMs",
"the Uzbek leader", "his Chinese counterpart Wang Yi".

``read_refs`` reads a coordinated list of such phrases from a token on; the meeting rules
then turn each reference into participants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..gazetteer import fold
from .countries import Party, party
from .patterns import (
    group_role_nouns, office_abbreviations, pair_references, relation_nouns, title_words,
)
from .people import (
    COUNTERPART, Person, Registry, is_honorific, is_office_word, read_title, role_rank,
)

_PRONOUNS = {"he": "sg", "him": "sg", "his": "sg", "she": "sg", "her": "sg", "they": "pl",
             "them": "pl", "their": "pl", "we": "pl", "us": "pl", "i": "sg", "me": "sg"}
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
_SKIP = frozenset({"with", "up", "the", "his", "her", "its", "their", "also", "separately",
                   "respectively", "jointly", "together", "a", "an", "fellow", "visiting",
                   "dr.", "dr", "mr.", "mr", "h.e.", "president-elect",
                   "then", "late", "former", "ex", "-"})  # "with then-President X"


@dataclass
class Ref:
    """One side named in the text."""

    kind: str  # "person", "slot", "pair", "pronoun"
    start: int
    end: int
    person: Person | None = None
    party: Party | None = None
    role: str | None = None
    n: int | None = None  # "the two leaders" -> 2
    counterpart: bool = False  # "his Turkish counterpart Recep Tayyip Erdogan"


def read_ref(doc: Doc, i: int, registry: Registry, limit: int) -> list[Ref]:
    """The reference(s) starting at token ``i`` (a group yields one ref per state)."""
    if i >= limit:
        return []
    t = doc[i]
    low = t.lower_
    if i in registry.by_token:
        start, end = registry.span_of[i]
        person = registry.by_token[i]
        if end + 1 < limit and doc[end].lower_ in ("'s", "’s") \
                and doc[end + 1].lower_ in relation_nouns():
            # "Pezeshkian's predecessor, Ebrahim Raisi,": the other person, if named
            return _related(doc, end + 2, registry, limit)
        title = registry.title_at.get(start)
        # a title before the name belongs to the reference too
        return [Ref("person", i, end, person=person,
                    role=title.role if title and title.role != COUNTERPART else None,
                    party=title.party if title else None,
                    counterpart=bool(title and title.role == COUNTERPART))]
    if low in _PRONOUNS and (t.text != t.text.upper() or t.text == "I"):
        # "US President" is no "us"
        nxt = doc[i + 1] if i + 1 < limit else None
        if low in ("his", "her", "their") and nxt is not None and nxt.lower_ in (
                "counterpart", "counterparts") and i + 3 < limit and doc[i + 2].lower_ == "from":
            # "his counterparts from Kazakhstan and Uzbekistan"
            parties, end = _party_list(doc, i + 3, limit)
            if parties:
                return [Ref("slot", i, end, party=p, counterpart=True) for p in parties]
        if low in ("his", "her", "their") and nxt is not None and nxt.lower_ in (
                "counterpart", "counterparts") and not (
                i + 2 < limit and (i + 2) in registry.by_token):
            return [Ref("pair" if low == "their" else "pronoun", i, i + 2, counterpart=True)]
        if low in ("his", "her", "their") and nxt is not None and nxt.lower_ in relation_nouns():
            # "held talks with his host, Uzbek President Islam Karimov"
            return _related(doc, i + 2, registry, limit)
        if low in ("his", "her", "their") and nxt is not None and (
                nxt.text[:1].isupper() or nxt.lower_ in title_words()):
            return []  # "his Turkish counterpart Recep Tayyip Erdogan": a determiner
        return [Ref("pronoun", i, i + 1, n=2 if _PRONOUNS[low] == "pl" else 1,
                    role=low)]
    # "the two leaders", "both sides", "the three foreign ministers"
    j = i + (1 if low == "the" else 0)
    if j < limit and doc[j].lower_ in _NUMBERS:
        k = j + 1
        while k < limit and k - j <= 3 and doc[k].lower_ not in pair_references():
            if doc[k].pos_ not in ("ADJ", "NOUN", "PROPN"):
                break
            k += 1
        if k < limit and doc[k].lower_ in pair_references():
            end = k + 1
            if doc[k].lower_ == "heads" and end + 2 < len(doc) and doc[end].lower_ == "of":
                end += 2  # heads of state
            return [Ref("pair", i, end, n=_NUMBERS[doc[j].lower_])]
    # "the speakers of the two chambers", "the foreign ministers of both countries"
    if low == "the":
        k = i + 1
        while k < limit and k - i <= 3 and doc[k].pos_ in ("ADJ", "NOUN", "PROPN") \
                and doc[k].tag_ not in ("NNS", "NNPS"):
            k += 1
        if k + 2 < limit and doc[k].tag_ in ("NNS", "NNPS") and doc[k].pos_ in ("NOUN", "PROPN") \
                and (is_office_word(doc[k].lower_.rstrip("s")) or doc[k].lower_ in ("leaders", "heads")) \
                and doc[k + 1].lower_ == "of":
            n = k + 2 + (doc[k + 2].lower_ == "the")
            if n + 1 < limit and doc[n].lower_ in _NUMBERS and doc[n + 1].tag_ in ("NNS", "NNPS"):
                return [Ref("pair", i, n + 2, n=_NUMBERS[doc[n].lower_])]
    # "The presidents last met in Moscow": the article's two sides, as "the two presidents"
    if low == "the" and i + 2 < limit and doc[i + 1].lower_ in _BARE_PAIRS \
            and doc[i + 2].pos_ in ("VERB", "AUX", "ADV"):
        return [Ref("pair", i, i + 2, n=2)]
    if low == "the" and i + 4 < limit and doc[i + 1].lower_ == "heads" \
            and doc[i + 2].lower_ == "of" and doc[i + 3].lower_ == "state" \
            and doc[i + 4].lower_ in ("last", "previously", "first", "had", "have"):
        return [Ref("pair", i, i + 4, n=2)]  # "The heads of state last met in Samarkand"
    group = _read_group(doc, i, limit)
    if group and (group[-1].end in registry.by_token
                  or len(group) == 1 and _name_after(doc, group[-1].end, registry, limit)):
        # "President of Tajikistan Emomali Rahmon", "the Emir of Qatar, Sheikh Tamim bin
        # Hamad Al Thani": a title before a name
        return []
    if group:
        return group
    holder = _office_holder(doc, i, registry, limit)
    return [holder] if holder else []


# Plural offices that name the article's two sides without "two" ("The presidents also
# discussed ..."); not "the leaders" nor "the ministers", which summits use for everyone.
_BARE_PAIRS = frozenset({"presidents", "premiers"})


def _office_holder(doc: Doc, i: int, registry: Registry, limit: int) -> Ref | None:
    """A capitalised office alone, as readouts name their own principal ("Prime Minister
    thanked President Putin", "The Head of State congratulated ..."): the one person of the
    article who holds it."""
    the = doc[i].lower_ == "the"
    j = i + (1 if the else 0)
    k = j
    # "Prime Minister thanked ...", "the prime minister also held a meeting with ..."
    while k < limit and k - j < 4 and (doc[k].text[:1].isupper() or the) and (
            is_office_word(doc[k]) or doc[k].lower_ in title_words()):
        k += 1
    if k == j + 1 and doc[j].lower_ == "head" and k + 1 < limit \
            and doc[k].lower_ == "of" and doc[k + 1].lower_ == "state":
        k += 2  # "the Head of State"
    elif k == j or not is_office_word(doc[k - 1]):
        return None
    if k < limit and (doc[k].lower_ in ("of", "'s", "’s") or doc[k].pos_ == "PROPN"
                      or k in registry.by_token):
        return None  # "Prime Minister of India", "President Putin": not an office alone
    role = fold(doc[j:k].text)
    if role == "head of state":
        # "Later, the Head of State held a meeting with ...": a readout's own head of state
        holders = [p for p in registry.people if p.role and (
            fold(p.role) == "head of state" or role_rank(p.role) >= 9
            and not re.search(r"minister|premier|pm", p.role, re.I))]
    else:
        full = fold(office_abbreviations().get(role, role))  # "EAM held a meeting with"
        holders = [p for p in registry.people if p.role and fold(p.role) in (role, full)]
    if len(holders) > 1 and the:
        # "The foreign minister also met ...": the readout's principal, named first
        first = {id(p): min(t for t, q in registry.by_token.items() if q is p)
                 for p in holders if any(q is p for q in registry.by_token.values())}
        named = [p for p in holders if first.get(id(p), len(doc)) < i]
        if named:  # those named later in the sentence are its objects, not its subject
            holders = [min(named, key=lambda p: first[id(p)])]
    if len(holders) != 1:
        return None
    return Ref("person", i, k, person=holders[0], role=holders[0].role)




def _related(doc: Doc, k: int, registry: Registry, limit: int) -> list[Ref]:
    """The person named right after a relation ("his host, Uzbek President Islam Karimov",
    "Pezeshkian's predecessor Ebrahim Raisi"), else nobody: the relation is not its owner."""
    if k < limit and doc[k].text == ",":
        k += 1
    found = _item_at(doc, k, registry, limit) if k < limit else []
    return found if found and found[0].kind == "person" else []


def _name_after(doc: Doc, k: int, registry: Registry, limit: int) -> bool:
    """Whether a registered name starts at ``k``, or after a comma and honorifics there."""
    if k in registry.by_token:
        return True
    if k >= limit:
        return False
    if doc[k].text != ",":
        # "Foreign Minister of Iran H.E. Mr. Abbas Araghchi"
        m = k
        while m < limit and m - k < 3 and m not in registry.by_token and is_honorific(doc[m]):
            m += 1
        return m > k and m < limit and m in registry.by_token
    m = k + 1
    while m < limit and m - k <= 4 and m not in registry.by_token and is_honorific(doc[m]):
        m += 1
    return m < limit and m in registry.by_token and registry.span_of[m][0] == m


def _read_group(doc: Doc, i: int, limit: int) -> list[Ref]:
    """Offices named by state: "the Presidents of A, B and C", "the Kyrgyz president",
    "Chinese, Belarusian FMs", "the Secretary-General of the United Nations"."""
    j = i + (1 if doc[i].lower_ == "the" else 0)
    # "the Presidents of Kyrgyzstan, Azerbaijan ..." / "the President of Belarus"
    k = j
    while k < limit and k - j < 3 and (is_office_word(doc[k]) or doc[k].lower_ in (
            "foreign", "prime", "external", "affairs", "vice", "deputy")
            or doc[k].lower_ in group_role_nouns()):
        k += 1
    if k > j and k + 1 < limit and doc[k].lower_ == "of":
        role = _office(doc[j:k].text)
        if k + 3 < limit and doc[k + 1].lower_ in ("state", "government") \
                and doc[k + 2].lower_ == "of":
            k += 2  # "the heads of state of China, Russia and Mongolia"
        parties, end = _party_list(doc, k + 1, limit)
        if parties:
            return [Ref("slot", i, end, party=p, role=role) for p in parties]
    # "the Kyrgyz president", "Chinese, Belarusian FMs", "the Uzbek side"
    parties, end = _party_list(doc, j, limit)
    if parties and end < limit:
        k = end
        while k < limit and k - end < 3 and (doc[k].lower_ in ("foreign", "prime", "external",
                                                                 "affairs", "vice", "deputy")):
            k += 1
        word = doc[k].lower_ if k < limit else ""
        if word in ("side", "sides", "government"):  # not "delegation": no one is named
            return [Ref("slot", i, k + 1, party=p, role=None) for p in parties]
        if k < limit and (is_office_word(doc[k]) or word in group_role_nouns()):
            if doc[i].lower_ == "the" or len(parties) > 1 or word in group_role_nouns():
                if k + 1 < limit and doc[k + 1].pos_ == "PROPN" and doc[k + 1].text[:1].isupper():
                    return []  # a title before a name the registry missed
                role = _office(doc[j if len(parties) == 1 else end:k + 1].text)
                return [Ref("slot", i, k + 1, party=p, role=role,
                            counterpart=word in ("counterpart", "counterparts"))
                        for p in parties]
    return []


def _office(text: str) -> str | None:
    words = text.split()
    words = [w for w in words if party(w) is None and w.lower() != "the"]
    if not words:
        return None
    last = words[-1].lower()
    if last in group_role_nouns():
        singular = group_role_nouns()[last]
        words = words[:-1] + ([singular] if singular else [])
        if not words:
            return None
    text = " ".join(words)
    abbr = office_abbreviations().get(text.lower())
    if abbr:
        return abbr
    if role_rank(text) == 0:
        return None
    if text.lower() == "leader":
        return None
    return text[0].upper() + text[1:]


def _party_list(doc: Doc, i: int, limit: int) -> tuple[list[Party], int]:
    """States in a list from token ``i``: "Kyrgyzstan, Azerbaijan, Uzbekistan and Russia"."""
    parties: list[Party] = []
    k = i
    while k < limit:
        if doc[k].lower_ == "the":
            k += 1
            continue
        found = None
        for size in (6, 5, 4, 3, 2, 1):  # "the People's Republic of China"
            if k + size <= limit:
                p = party(doc[k:k + size].text)
                if p:
                    found = (p, size)
                    break
        if not found:
            break
        parties.append(found[0])
        k += found[1]
        if k < limit and doc[k].text == "," and k + 1 < limit and doc[k + 1].lower_ == "and":
            k += 2
        elif k < limit and doc[k].text in (",", "and", "&") and k + 1 < limit:
            k += 1
        else:
            break
    while k > i and doc[k - 1].text in (",", "and", "&"):
        k -= 1
    return parties, k


def read_refs(doc: Doc, i: int, registry: Registry, limit: int,
              states: bool = False) -> tuple[list[Ref], int]:
    """A coordinated list of references from token ``i``: "X, Y and Z", "X as well as
    with Y", skipping "with", "his", titles already covered by the registry. With
    ``states``, bare state names count too ("a trilateral meeting of China, Russia and
    Mongolia")."""
    if states:
        parties, end = _party_list(doc, i + (doc[i].lower_ == "the"), limit)
        # "China, Russia and Mongolia" are the sides; "Russian and Ukrainian delegations" or
        # "Chinese and Indian troops" are not officials, and a title goes to _read_group
        if len(parties) >= 2 and not (end < limit and doc[end].pos_ in ("NOUN", "PROPN", "ADJ")):
            return [Ref("slot", i, end, party=p) for p in parties], end
    refs: list[Ref] = []
    k = i
    closed = False  # after "and" the next item is the last
    last_end = i
    while k < limit:
        while k < limit and (doc[k].lower_ in _SKIP and k not in registry.by_token
                             and not _starts_ref(doc, k, registry, limit)):
            k += 1
        k = _past_delegation(doc, k, limit)
        found = _item_at(doc, k, registry, limit) if k < limit else []
        if not found:
            break
        refs.extend(found)
        k = found[-1].end
        if k + 1 < limit and doc[k].lower_ == "of" and found[-1].kind == "person":
            state = party(doc[k + 1].text) or (party(doc[k + 1:k + 3].text) if k + 2 < limit
                                               else None)
            if state is not None:
                # "President Recep Tayyip Erdogan of Türkiye and President Ilham Aliyev of
                # Azerbaijan"
                found[-1].party = found[-1].party or state
                k += 2 if party(doc[k + 1].text) else 3
        last_end = k
        # a trailing apposition: "Ilham Aliyev, President of Azerbaijan,"
        if k < limit and doc[k].text == "," and k + 1 < limit and is_office_word(doc[k + 1]):
            j = k + 1
            while j < limit and doc[j].text not in (",", ".", ";") and not doc[j].is_space:
                j += 1
            if not any(x in registry.by_token for x in range(k + 1, j)):
                # not "Vladimir Putin, President of China Xi Jinping and ...": a list
                k = j
                last_end = j
        if k + 1 < limit and doc[k].text == "," and doc[k + 1].lower_ in ("the", "a", "an"):
            # "Kazakh President Kassym-Jomart Tokayev, the summit's host, and Azerbaijani
            # President Ilham Aliyev": a description between two items
            j = next((x for x in range(k + 2, min(limit, k + 10)) if doc[x].text == ","), None)
            if j is not None and not any(x in registry.by_token or doc[x].pos_ in ("VERB", "AUX")
                                         for x in range(k + 1, j)) \
                    and j + 1 < limit and doc[j + 1].lower_ in ("and", "&"):
                k = j
                last_end = j
        if closed:
            break
        if k + 2 < limit and doc[k].text == "," and doc[k + 1].lower_ in ("and", "&"):
            k += 2
            closed = True
        elif k + 1 < limit and doc[k].lower_ in ("and", "&"):
            k += 1
            closed = True
        elif k + 1 < limit and doc[k].text == "," and _ends_list_item(doc, k + 1, registry,
                                                                        limit):
            k += 1
        elif k + 2 < limit and doc[k].lower_ == "as" and doc[k + 1].lower_ == "well" \
                and doc[k + 2].lower_ == "as":
            k += 3
            closed = True
        else:
            break
    return _respectively(refs), last_end


def _respectively(refs: list[Ref]) -> list[Ref]:
    """ "his Chinese and Russian counterparts, Qin Gang and Sergey Lavrov": the states and
    the names in the same order, one person each."""
    n = len(refs) // 2
    slots, people = refs[:n], refs[n:]
    if n < 2 or len(refs) != 2 * n or not all(r.kind == "slot" and r.party for r in slots) \
            or not all(r.kind == "person" and r.person for r in people) \
            or any(r.person.party and r.person.party.label != s.party.label
                   for r, s in zip(people, slots)):
        return refs
    for r, s in zip(people, slots):
        r.party = r.party or s.party
        r.role = r.role or s.role
        r.counterpart = r.counterpart or s.counterpart
    return people


def _item_at(doc: Doc, k: int, registry: Registry, limit: int) -> list[Ref]:
    """The reference at ``k``, or a person after a title the registry did not take in
    ("Kyrgyz President Sadyr Japarov", "UN Secretary-General António Guterres")."""
    found = read_ref(doc, k, registry, limit)
    if found:
        return found
    j = k
    while j < limit and j - k < 24 and j not in registry.by_token and ((
            doc[j].text[:1].isupper() or doc[j].lower_ in ("of", "the", "and", "’s", "'s", "-",
                                                           "for", "in")
            or (doc[j - 1].text == "-" and not doc[j - 1].whitespace_)
            or is_office_word(doc[j]) or doc[j].lower_ in title_words()
            or is_honorific(doc[j])) and doc[j].text not in (",", ".") or _title_goes_on(doc, j, k)):
        j += 1
    title_end = j
    if j < limit and doc[j].text == "," and j > k and any(
            is_office_word(t) or t.lower_ == COUNTERPART for t in doc[k:j]):
        # "Foreign Minister of the Russian Federation, H.E. Sergey Lavrov", "the Emir of
        # Qatar, Sheikh Tamim bin Hamad Al Thani", "his Qatari counterpart, Sheikh ..."
        m = j + 1
        while m < limit and m - j <= 4 and m not in registry.by_token and is_honorific(doc[m]):
            m += 1
        if m in registry.by_token and m - j <= 4:
            j = m
    if not (k < j < limit and j in registry.by_token):
        return []
    found = read_ref(doc, j, registry, limit)
    if found:
        title = read_title(list(doc[k:title_end]))
        ref = found[0]
        ref.start = k
        if title.role == COUNTERPART:
            ref.counterpart = True
        elif title.role:
            ref.role = title.role
        ref.party = title.party or ref.party
    return found


def _title_goes_on(doc: Doc, j: int, k: int) -> bool:
    """A comma inside a title: "Member of the Political Bureau of the CPC Central Committee,
    Minister of Foreign Affairs of the People's Republic of China Wang Yi"."""
    return doc[j].text == "," and j + 1 < len(doc) and doc[j + 1].text[:1].isupper() \
        and (is_office_word(doc[j + 1]) or doc[j + 1].lower_ in title_words()) \
        and any(is_office_word(t) for t in doc[k:j])


def _past_delegation(doc: Doc, k: int, limit: int) -> int:
    """ "a (Chinese) delegation led by Vice Premier Ding Xuexiang": the one who leads it."""
    j = k
    while j < limit and j - k < 3 and (party(doc[j].text) or doc[j].lower_ in (
            "a", "an", "the", "government", "high-level", "parliamentary", "business")):
        j += 1
    if j + 2 < limit and doc[j].lower_ in ("delegation", "delegations") and doc[j + 1].lower_ in (
            "led", "headed") and doc[j + 2].lower_ == "by":
        return j + 3
    return k


def _starts_ref(doc: Doc, k: int, registry: Registry, limit: int) -> bool:
    return bool(read_ref(doc, k, registry, limit))


def _ends_list_item(doc: Doc, k: int, registry: Registry, limit: int) -> bool:
    """The reference at ``k`` (after a comma) is a list item: what follows it goes on with
    the list or ends the phrase. Not "..., Zhao pointed out" (a clause's subject) nor "...,
    Akorda press service reports"."""
    found = _item_at(doc, k, registry, limit)
    if not found:
        return False
    end = found[-1].end
    return end >= limit or doc[end].pos_ in ("PUNCT", "CCONJ", "ADP", "PART") \
        or doc[end].lower_ in ("and", "as", "who", "which")
