"""People in an article: names, the offices and states their titles give, and coreference.

A name is found from the NER, from a title before it ("Kyrgyz President Sadyr Japarov",
"Governor of Samarkand region Erkinjon Turdimov") or an office after it ("Ilham Aliyev,
President of Azerbaijan"). Each person is registered once per article under the fullest
form of the name; later "Xi", "President Mirziyoyev" or "Narbayeva" resolve to the entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..gazetteer import fold, load_gazetteer
from .countries import Party, city, is_domestic_body, party
from .dates import MONTHS, WEEKDAYS
from .patterns import (
    headline_verbs, honorifics, legislature_words, legislatures, military_ranks, relation_nouns, office_abbreviations, office_heads, rank_prefixes,
    title_words,
)

_PARTICLES = frozenset({"bin", "al", "al-", "da", "de", "del", "van", "von", "ul", "el", "ibn",
                        "bint", "le", "la", "dos", "das", "di"})
# Legislatures and parties stand for their state in a title.
_DOMESTIC_STATE = {"Q19211": "China", "Q17427": "China", "Q1583318": "Uzbekistan"}
COUNTERPART = "counterpart"


@dataclass
class Person:
    """A person of the article, under the fullest name it gives."""

    name: str
    party: Party | None = None
    roles: list[tuple[int, int, str]] = field(default_factory=list)  # (rank, -order, role)
    qid: str | None = None
    mentions: int = 0
    starts: list[int] = field(default_factory=list)  # where the full name is written

    @property
    def words(self) -> tuple[str, ...]:
        return _words(self.name)

    @property
    def role(self) -> str | None:
        """The highest-ranked office the article gives this person."""
        return max(self.roles)[2] if self.roles else None

    def add_role(self, role: str | None, order: int) -> None:
        if role and role != COUNTERPART:
            self.roles.append((role_rank(role), -order, role))


@lru_cache(maxsize=8192)
def _words(name: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in name.split())


def role_rank(role: str) -> int:
    words = re.findall(r"[a-z][a-z-]*", role.lower())
    ranks = [office_heads().get(w, 0) for w in words]
    return max(ranks, default=0)


def is_office_word(token: Token | str) -> bool:
    text = token if isinstance(token, str) else token.text
    return text.lower().strip(".") in office_heads()


def is_honorific(token: Token) -> bool:
    """ "Shri", "H.E.", "Mr.", "Gen" before a name; not the "Sri" of "Sri Lanka"; "Army
    General" and "Field Marshal" as a whole."""
    low = token.lower_
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if low in rank_prefixes() and nxt is not None and token.text[:1].isupper():
        # "Army General Sergei Shoigu", "Air Chief Marshal X": the prefix of a rank
        k = token.i + 1
        while k < len(token.doc) and token.doc[k].lower_ in rank_prefixes():
            k += 1
        after = token.doc[k] if k < len(token.doc) else None
        return after is not None and (after.lower_ in military_ranks() or (
            after.lower_ == "general" and k + 1 < len(token.doc)
            and token.doc[k + 1].text[:1].isupper()
            and token.doc[k + 1].lower_ not in title_words()))
    if low not in honorifics() and low.rstrip(".") not in honorifics():
        return False
    return not (low.startswith("sri") and nxt is not None and nxt.lower_ == "lanka")


def _party_words_at(doc: Doc, i: int) -> int:
    """How many tokens from ``i`` name a state or body ("Sri Lanka", "Kyrgyz"), or 0."""
    for size in (3, 2, 1):
        if i + size <= len(doc) and party(doc[i:i + size].text):
            return size
    return 0


def _is_party_word(text: str) -> bool:
    return party(text) is not None


def is_name_token(token: Token) -> bool:
    """A token that can be part of a person's name (not a title, month, place or verb)."""
    text = token.text
    low = text.lower()
    if low in _PARTICLES:
        return True
    if not text[:1].isupper() or not re.fullmatch(r"[\w’'.-]+", text) or text.isdigit():
        return False
    if low in title_words() or is_honorific(token) or low in headline_verbs():
        return False
    if low.endswith("s") and (low[:-1] in title_words() or low[:-2] in title_words()):
        return False  # "Chairman of the Cabinet of Ministers", "Foreign Affairs"
    if low == "oli" and token.i > 0 and token.doc[token.i - 1].lower_ == "majlisi":
        return False  # Tajikistan's "Majlisi Oli" (not Nepal's K. P. Sharma Oli)
    if low in MONTHS or low in WEEKDAYS or _is_party_word(text):
        return False
    if re.fullmatch(r"(?:[A-Z]\.){1,3}", text):
        return True  # initials: "K. P. Sharma Oli", "S.M. Krishna"
    if text.isupper() and len(text) > 1 and not token.ent_type_ == "PERSON":
        return False  # acronyms: SCO, NPC, CPC
    return True


def clean_name(tokens: list[Token]) -> str:
    """The name without honorifics or a trailing possessive."""
    kept = [t for t in tokens if not is_honorific(t)]
    name = "".join(t.text_with_ws for t in kept)
    name = " ".join(name.split())
    return re.sub(r"[’']s$", "", name).strip()


@dataclass
class Title:
    """What a title says about its holder: the state or body, and the office."""

    party: Party | None
    role: str | None


def _title_text(tokens: list[Token]) -> str:
    text = ""
    for t in tokens:
        text += t.text + t.whitespace_
    return " ".join(text.split())


def _bracket_depths(tokens: list[Token]) -> Iterator[tuple[Token, int]]:
    """Each token with its bracket depth; the brackets themselves count as inside, so a
    gloss such as "(upper house of parliament)" is one unit for the callers."""
    depth = 0
    for t in tokens:
        if t.text == "(":
            depth += 1
            yield t, depth
        elif t.text == ")":
            yield t, max(depth, 1)
            depth = max(0, depth - 1)
        else:
            yield t, depth


def read_title(tokens: list[Token]) -> Title:
    """Party and office from title tokens, e.g. "Member of the Political Bureau of the CPC
    Central Committee and Foreign Minister" -> (China, "Foreign Minister"); "UN
    Secretary-General" -> (United Nations, "Secretary-General"); "chairperson of the Senate
    of Uzbekistan" -> (Uzbekistan, "Chairperson of the Senate")."""
    # Split coordinated titles and keep the highest office.
    protected = _party_tokens(tokens)  # "Organization for Security and Co-operation ..."
    segments: list[list[Token]] = [[]]
    for t, depth in _bracket_depths(tokens):
        if t.lower_ in ("and", "&", ",") and depth == 0 and t.i not in protected:
            segments.append([])
        else:
            segments[-1].append(t)
    segments = [s for s in segments if s]
    if not segments:
        return Title(None, None)
    ranked = [(role_rank(_title_text(s)), i) for i, s in enumerate(segments)]
    best = segments[max(ranked)[1]]  # ties go to the office nearest the name
    found_party: Party | None = None
    for seg in (best, *segments, tokens):  # the whole title last: "... of the Organization
        found_party = _party_in(seg)        # for Security and Co-operation in Europe"
        if found_party:
            break
    role = _role_from(best)
    return Title(found_party, role)


def _party_tokens(tokens: list[Token]) -> set[int]:
    """Indices of tokens inside a multi-word state or organisation name."""
    out: set[int] = set()
    for size in (9, 8, 7, 6, 5, 4, 3):
        for i in range(len(tokens) - size + 1):
            chunk = "".join(t.text_with_ws for t in tokens[i:i + size]).strip()
            if party(chunk):
                out.update(t.i for t in tokens[i:i + size])
    return out


def _party_in(tokens: list[Token]) -> Party | None:
    # Longest match first: "United Nations" before "Nations".
    # "Democratic People's Republic of Korea", "Organization for Security and Co-operation in
    # Europe"
    for size in (9, 8, 7, 6, 5, 4, 3, 2, 1):
        for i in range(len(tokens) - size + 1):
            chunk = "".join(t.text_with_ws for t in tokens[i:i + size]).strip()
            chunk = re.sub(r"\s*[’']s$", "", chunk)
            found = party(chunk)
            if found:
                return found
            state = legislatures().get(fold(chunk))
            if state:
                return party(state)
            if is_domestic_body(chunk):
                entry = load_gazetteer().lookup(chunk, "organization")
                state = _DOMESTIC_STATE.get(entry.qid) if entry else None
                if state:
                    return party(state)
    return None


def _role_from(tokens: list[Token]) -> str | None:
    """The office as stated, without the state: "Kyrgyz President" -> "President";
    "Chairman of the Standing Committee of China's National People's Congress (NPC)" ->
    "Chairman of the Standing Committee of the National People's Congress"."""
    if any(t.lower_ == COUNTERPART for t in tokens):
        return COUNTERPART
    text = ""
    rank = False
    for t, depth in _bracket_depths(tokens):
        if not depth:
            low = t.lower_
            if rank and low == "general":
                continue  # "Army General": a rank, not the office
            rank = is_honorific(t) and low in rank_prefixes()
            if low in ("his", "her", "their", "newly", "appointed", "new", "current",
                       "incumbent") or (is_honorific(t) and low not in office_heads()):
                continue
            text += t.text_with_ws
            continue
        text = text.rstrip() + " "
    text = " ".join(text.split()).strip(" ,")
    # Drop the state at the edges: "Kyrgyz President", "President of Azerbaijan".
    for _ in range(3):
        before = text
        # "Chairman of State Affairs of the Democratic People's Republic of Korea",
        # "President of the People's Republic of China": the longest state at the end
        for cut in re.finditer(r"\s(?:of|to)\s+(?:the\s+)?", text):
            if party(text[cut.end():]) is not None:
                text = text[:cut.start()]
                break
        m = re.match(r"^(?:the\s+)?(\S+(?:\s\S+)?)\s+(.*)$", text)
        if m and party(m.group(1)) and m.group(2):
            text = m.group(2)
        else:
            m = re.match(r"^(?:the\s+)?(\S+)\s+(.*)$", text)
            if m and party(m.group(1)):
                text = m.group(2)
        if text == before:
            break
    # "Chairman of the Mazhilis of the Kazakh Parliament": the chamber is the office's
    if any(w in legislature_words() for w in re.findall(r"[a-z]+", text.lower())):
        text = re.sub(r"\s+of\s+the\s+(?:\S+\s+)?Parliament$", "", text)
    # "Foreign Minister Senator Mohammad Ishaq Dar": a style between the office and the name
    text = re.sub(r"(\w)\s+(?:Senator|Amir|Mawlawi|Sheikh)$", r"\1", text)
    # "President of the Republic [of Türkiye]": the state's style is no part of the office
    text = re.sub(r"\s+of\s+the\s+(?:Republic|Federation|Kingdom|Sultanate|Emirate|State)$",
                  "", text)
    text = re.sub(r"\b([A-Z][\w-]*)[’']s\s+",
                  lambda mm: "the " if party(mm.group(1)) else mm.group(0), text)
    text = re.sub(r"^(?:the|a|an|also a|also the|also)\s+", "", text, flags=re.I).strip(" ,")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    abbr = office_abbreviations().get(text.lower())
    if abbr:
        return abbr
    if not text or role_rank(text) == 0 and not re.search(r"legislator|diplomat|chief", text):
        return None
    if text.lower() == "leader":
        return None  # "Chinese leader Xi Jinping": no office stated
    return text[0].upper() + text[1:]


_LEFT_FILLERS = frozenset({"of", "the", "and", "’s", "'s", "-", "(", ")", "for", "to", "on",
                           "his", "her", "in"})


def _is_dash(t: Token) -> bool:
    """A dash between words ("June (BelTA) - Belarus"), not the hyphen of a compound
    ("Secretary-General")."""
    if t.text in ("—", "–", "--", "―"):
        return True
    return t.text == "-" and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)


def left_title(doc: Doc, start: int, limit: int = 16) -> list[Token]:
    """The title tokens right before the name starting at ``start``."""
    i = start - 1
    out: list[Token] = []
    while i >= 0 and len(out) < limit:
        t = doc[i]
        low = t.lower_
        if t.is_sent_end and i != start - 1:
            break
        if "\n" in t.text or t.is_space or _is_dash(t):
            break  # "MINSK, 28 June (BelTA) - Belarus President ...": the dateline ends
        if t.text == ")" and out:
            # "Chairman of the Majlisi Milli (upper house of parliament) of Tajikistan"
            k = next((k for k in range(i - 1, max(-1, i - 12), -1) if doc[k].text == "("), None)
            if k is not None:
                out.extend(reversed(list(doc[k:i + 1])))
                i = k - 1
                continue
        if t.pos_ in ("VERB", "AUX") and low not in title_words() and not is_office_word(t):
            break
        if t.ent_type_ == "PERSON" and is_name_token(t):
            break
        if t.text == "," and out and all(is_honorific(o) for o in out):
            # "President of the Russian Federation, H.E. Mr. Vladimir Putin"
            out.append(t)
            i -= 1
            continue
        if low in _LEFT_FILLERS or is_honorific(t) or low in title_words() \
                or _is_party_word(t.text) or is_domestic_body(t.text) \
                or (i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_) \
                or (t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ")
                    and low not in headline_verbs()):
            out.append(t)
            i -= 1
            continue
        break
    out.reverse()
    if out and out[-1].lower_ in ("and", "of", "the", "(", "for", "to", "on", "in", "-"):
        return []  # "Narbayeva, chairperson of the Senate and Nurdinjon Ismoilov": no title
    # "Recep Tayyip Erdogan of Türkiye and President Ilham Aliyev": what comes before an
    # "and" with no office in it is the previous name's, not this title's
    ands = [k for k, t in enumerate(out) if t.lower_ == "and"]
    if ands and not any(is_office_word(t) for t in out[:ands[-1]]):
        out = out[ands[-1] + 1:]
    # Trim leading function words and anything before the last sentence-level comma.
    while out and out[0].lower_ in ("of", "the", "and", "’s", "'s", "-", ")", "for", "to",
                                    "on", "in"):
        out.pop(0)
    if not any(is_office_word(t) or t.lower_ == COUNTERPART or _is_party_word(t.text)
               for t in out):
        return []
    return out


def right_apposition(doc: Doc, end: int, limit: int = 22) -> list[Token]:
    """Office tokens in an apposition after the name: ", President of Azerbaijan,"."""
    if end >= len(doc) or doc[end].text != ",":
        return []
    i = end + 1
    out: list[Token] = []
    depth = 0
    while i < len(doc) and len(out) < limit:
        t = doc[i]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (t.text in (",", ".", ";", ":", "—", "–") or t.is_space
                             or t.lower_ in ("who", "which", "said", "says")):
            break
        elif depth == 0 and t.lower_ in ("and", "as") and i + 1 < len(doc) and (
                is_name_token(doc[i + 1]) or doc[i + 1].pos_ == "VERB"):
            break
        elif depth == 0 and t.pos_ in ("VERB", "AUX") and t.lower_ not in ("appointed",
                                                                          "elected"):
            # "According to Kremlin aide Yury Ushakov, the Chinese leader invited Putin":
            # the subject of the next clause, not an apposition
            return []
        out.append(t)
        i += 1
    if any(t.ent_type_ == "PERSON" for t in out):
        return []  # "Giorgia Meloni, Indonesian President Prabowo Subianto and ...": a list
    first_words = [t for t in out[:4] if t.lower_ not in ("the", "newly", "appointed", "new")]
    if not first_words or not any(is_office_word(t) for t in first_words[:3]):
        return []
    return out


@dataclass
class NameSpan:
    start: int
    end: int
    name: str
    title: Title
    qid: str | None


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and not is_name_token(doc[start]):
        start += 1
    while end > start and (not is_name_token(doc[end - 1]) or doc[end - 1].lower_ in _PARTICLES):
        end -= 1
    return start, end


def _stacked_office(doc: Doc, start: int, end: int) -> bool:
    """Whether a PERSON span starting with an office word follows a whole title ending in a
    state: "Acting Foreign Minister of the Islamic Emirate of Afghanistan Amir Khan Muttaqi"
    (a title holds no second office right after its state, so "Amir" is a name)."""
    if not is_office_word(doc[start]):
        return False
    title = left_title(doc, start)
    if doc[start].lower_ in ("amir", "sultan") and start + 1 < len(doc) \
            and is_name_token(doc[start + 1]) and any(is_office_word(t) for t in title):
        # "the Taliban's acting foreign minister Amir Khan Muttaqi", "Acting Foreign
        # Minister of the Afghan Interim Government Amir Khan Muttaqi": a title holds one
        # office, so the second is a name
        return True
    return end - start >= 3 and bool(title) and any(is_office_word(t) for t in title) \
        and _is_party_word(title[-1].text)


def _extend_name(doc: Doc, start: int, end: int) -> int:
    """Extend a name to the right over name tokens ("Tanzila" + "Narbayeva"), and over
    hyphens inside one ("Salem Abdullah Al-Jaber Al-Sabah")."""
    while end < len(doc) and end - start < 9:
        if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and is_name_token(doc[end + 1]):
            end += 2
            continue
        if is_name_token(doc[end]) and not doc[end - 1].whitespace_ == "" \
                and "\n" not in doc[end - 1].whitespace_:
            end += 1
            continue
        break
    return end


def find_names(doc: Doc) -> list[NameSpan]:
    """Every explicit person name in the document, with the title around it."""
    spans: dict[tuple[int, int], str | None] = {}
    ents = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    for k, ent in enumerate(ents):
        if k and ents[k - 1].end == ent.start and doc[ent.start - 1].whitespace_ == " ":
            continue  # joined to the previous one
        end = ent.end
        for nxt in ents[k + 1:]:
            # the NER may cut one name in two: "[Shri Subrahmanyam] [Jaishankar]"
            if nxt.start != end or doc[end - 1].whitespace_ != " ":
                break
            end = nxt.end
        s, e = _trim(doc, ent.start, end)
        s0 = ent.start
        while s0 < s and is_honorific(doc[s0]):
            s0 += 1  # "Mawlawi Amir Khan Muttaqi"
        if s > s0 and _stacked_office(doc, s0, end):
            s = s0  # "... of Afghanistan Amir Khan Muttaqi": "Amir" is his name
        if s == ent.start and s > 0 and doc[s - 1].lower_ in ("amir", "sultan") \
                and _stacked_office(doc, s - 1, e):
            s -= 1  # "... of the Afghan Interim Government Amir [Khan Muttaqi]"
        while s == ent.start and s > 0 and ent.start - s < 2 and is_name_token(doc[s - 1]) \
                and doc[s - 1].pos_ == "PROPN" and not doc[s - 1].ent_type_ \
                and doc[s - 1].whitespace_ == " " and doc[s - 1].lower_ not in _PARTICLES:
            # the NER left a first name out: "Chairman of the Cabinet of Ministers Akylbek
            # [Japarov]"
            s -= 1
        if e == end and e < len(doc) and not doc[e].ent_type_ and is_name_token(doc[e]) \
                and doc[e].pos_ == "PROPN":
            e = _extend_name(doc, s, e)  # the NER cut the surname: "[Amir Khan] Muttaqi"
        if s < ent.start and ent.ent_id_:
            # the gazetteer matched the surname alone: "Japarov" is Sadyr's id, not
            # Akylbek's; the full name is looked up again when registered
            spans[(s, e)] = None
            continue
        if e > s:
            spans[(s, e)] = ent.ent_id_ or None
    for t in doc:
        # A name right after an office: "President Sadyr Japarov", "Governor of Samarkand
        # region Erkinjon Turdimov", "Foreign Minister Dr. Subrahmanyam Jaishankar".
        relation = t.lower_ in relation_nouns() and t.i + 2 < len(doc) \
            and doc[t.i + 1].text == "," and t.i > 0 and doc[t.i - 1].lower_ in (
                "his", "her", "their", "'s", "’s")
        if (is_office_word(t) and (t.text[:1].isupper() or t.lower_ in ("pm", "fm", "eam"))) \
                or t.lower_ == COUNTERPART or relation:
            # also "his Mongolian counterpart Ukhnaa Khurelsukh", "Pezeshkian's
            # predecessor, Ebrahim Raisi,"
            j = t.i + (2 if relation else 1)
            while j < len(doc) and j - t.i < 14:  # "Chairman of State Affairs of the DPRK"
                state = _party_words_at(doc, j)
                if state:  # "President of Sri Lanka Anura Kumara Dissanayake"
                    j += state
                    continue
                if doc[j].text == "(":  # "(upper house of parliament)"
                    close = next((k for k in range(j, min(len(doc), j + 12))
                                  if doc[k].text == ")"), None)
                    if close is None:
                        break
                    j = close + 1
                    continue
                institution = doc[j].ent_type_ in ("ORG", "FAC", "NORP") and any(
                    doc[x].lower_ == "the" for x in range(t.i + 1, j))
                if is_name_token(doc[j]) and doc[j].ent_type_ != "PERSON" and (
                        doc[j - 1].lower_ in ("the", "of") or institution):
                    # "Chairman of the Majlisi Milli ... of Tajikistan Rustam Emomali",
                    # "Chairman of the State Duma of the Russian Federation Vyacheslav
                    # Volodin": a name after "the" names the institution, not the person
                    k = j
                    last_title = None
                    while k < len(doc) and (is_name_token(doc[k]) or doc[k].text[:1].isupper()
                                            and doc[k].lower_ in title_words()) \
                            and doc[k].ent_type_ != "PERSON":
                        if not is_name_token(doc[k]):
                            last_title = k  # "the State Great Khural [of Mongolia]"
                        k += 1
                    if k < len(doc) and (doc[k].text == "(" or doc[k].lower_ == "of"
                                         or institution and doc[k].ent_type_ == "PERSON"):
                        j = k
                        continue
                    if last_title is not None and last_title + 1 < k:
                        j = last_title + 1  # "... the State Great Khural Dashzegviin ..."
                        break
                    j = len(doc)  # "Leader of the Nation,": no name follows
                    break
                if is_name_token(doc[j]) or not (
                        doc[j].lower_ in ("of", "the", "and", "region", "province", "(", ")",
                                          "'s", "’s")
                        or is_honorific(doc[j]) or doc[j].lower_ in title_words()
                        or is_domestic_body(doc[j].text)):
                    break
                if doc[j].is_space or doc[j].text in (",", "."):
                    break
                j += 1
            if j < len(doc) and is_name_token(doc[j]) and doc[j].pos_ == "PROPN" and not any(
                    party(doc[k:j + 1].text) for k in range(max(0, j - 3), j)):
                e = _extend_name(doc, j, j + 1)
                inside = [(s, ee) for s, ee in spans if s <= j < ee]
                if not inside:
                    spans[(j, e)] = None
                elif inside == [(j, inside[0][1])] and inside[0][1] < e:
                    # the NER cut the name: "[Seyyed Abbas] Araghchi"
                    spans[(j, e)] = spans.pop(inside[0])
            elif j + 1 < len(doc) and doc[j].text[:1].isupper() \
                    and doc[j].lower_ in headline_verbs() and is_name_token(doc[j + 1]) \
                    and doc[j + 1].pos_ == "PROPN" and not doc[j].is_sent_start:
                # "General Secretary of the Communist Party of Vietnam Central Committee To
                # Lam": a name that starts like a function word
                e = _extend_name(doc, j + 1, j + 2)
                if not any(s <= j < ee for s, ee in spans):
                    spans[(j, e)] = None
        # A name before an apposition: "Tanzila Narbayeva, chairperson of the Senate".
        if t.text == "," and t.i >= 1 and right_apposition(doc, t.i):
            e = t.i
            s = e
            while s > 0 and e - s < 4 and is_name_token(doc[s - 1]) and doc[s - 1].pos_ == "PROPN":
                s -= 1
            if e > s and not any(a < e and s < b for a, b in spans) and city(doc[s:e].text) is None \
                    and not (s > 0 and doc[s - 1].lower_ == "the"):
                # "Leader of the Nation, President ...": a name after "the" is no person
                spans[(s, e)] = None
    for t in doc:
        # "his Kazakh and Uzbek counterparts, Murat Nurtleu and Bakhtiyor Saidov": the names
        # listed after the plural title
        if t.lower_ != "counterparts" or t.i + 2 >= len(doc) or doc[t.i + 1].text != ",":
            continue
        k = t.i + 2
        while k < len(doc):
            e = k
            while e < len(doc) and e - k < 4 and is_name_token(doc[e]) and doc[e].pos_ == "PROPN":
                e += 1
            if e - k < 2:
                break
            if not any(a < e and k < b for a, b in spans):
                spans[(k, e)] = None
            if e < len(doc) and doc[e].lower_ in ("and", ","):
                k = e + 1 + (e + 1 < len(doc) and doc[e + 1].lower_ == "and")
                continue
            break
    for line_start in _line_starts(doc):
        # Transcript speaker lines: "Vladimir Putin: Mr President, friends, ..."
        e = line_start
        while e < len(doc) and is_name_token(doc[e]) and e - line_start < 4:
            e += 1
        if e > line_start and e < len(doc) and doc[e].text == ":" and \
                not any(a < e and line_start < b for a, b in spans):
            spans[(line_start, e)] = None
    names = []
    for (s, e), qid in sorted(spans.items()):
        text = clean_name(list(doc[s:e]))
        if not text or party(text) or city(text) or len(text) < 2:
            continue
        title = read_title(left_title(doc, s))
        appos = right_apposition(doc, e)
        if appos:
            t2 = read_title(appos)
            title = Title(title.party or t2.party, t2.role if t2.role and (
                not title.role or role_rank(t2.role) > role_rank(title.role)) else title.role)
        names.append(NameSpan(s, e, text, title, qid))
    return names


def _line_starts(doc: Doc) -> list[int]:
    starts = [0] if len(doc) else []
    for t in doc[:-1]:
        if "\n" in t.whitespace_ or ("\n" in t.text and t.is_space):
            j = t.i + 1
            while j < len(doc) and doc[j].is_space:
                j += 1
            if j < len(doc):
                starts.append(j)
    return starts


class Registry:
    """The people of one article, keyed by the fullest form of their name."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.by_token: dict[int, Person] = {}  # token index -> person mentioned there
        self.title_at: dict[int, Title] = {}  # name start -> title read there
        self.span_of: dict[int, tuple[int, int]] = {}  # token -> (name start, name end)

    def find(self, name: str, at: int | None = None) -> Person | None:
        """The person ``name`` (full or partial, e.g. "Xi", "President Xi") refers to; a
        short name that two people share ("Japarov": Sadyr and Akylbek) is the one whose
        full name was written last before token ``at``."""
        words = tuple(fold(w) for w in name.split())
        if not words:
            return None
        exact = [p for p in self.people if p.words == words]
        if exact:
            return exact[0]
        partial = [p for p in self.people if _contains(p.words, words)]
        if len(partial) == 1:
            return partial[0]
        if partial and at is not None:
            before = [(max(i for i in p.starts if i < at), p) for p in partial
                      if any(i < at for i in p.starts)]
            if before:
                return max(before, key=lambda x: x[0])[1]
        if partial:
            return max(partial, key=lambda p: p.mentions)
        return None

    def add(self, name: str, title: Title, qid: str | None, order: int) -> Person:
        person = self.find(name, order)
        words = tuple(fold(w) for w in name.split())
        if person is None:
            person = Person(name, qid=qid)
            self.people.append(person)
        elif len(words) > len(person.words):
            person.name = name
        if qid and not person.qid and (words == person.words or _known_as(person.name, qid)):
            # a surname's id ("Japarov": Sadyr's) only for the person the gazetteer knows
            person.qid = qid
        if len(words) == len(person.words):
            person.starts.append(order)
        if title.party and (person.party is None or title.party.kind == "country"
                            and person.party.kind != "country"):
            person.party = title.party
        person.add_role(title.role, order)
        return person

    def with_party(self, label: str, role: str | None = None) -> list[Person]:
        """People representing ``label``; those holding ``role`` first if given."""
        found = [p for p in self.people if p.party and p.party.label == label]
        if not role and len(found) > 1:
            # "the Turkmen leader": the head of state among the state's people
            heads = [p for p in found if p.role and role_rank(p.role) >= 9
                     and not re.search(r"minister|premier", p.role, re.I)]
            if len(heads) == 1:
                return heads
        if role and len(found) > 1:
            fit = [p for p in found if p.role and _role_fits(p.role, role)]
            if fit:
                return fit
        if role and role_rank(role) >= 9:
            # "the heads of state of Russia, China and Mongolia": not Mongolia's foreign minister
            found = [p for p in found if not p.role or role_rank(p.role) >= 9
                     or "head of state" in p.role.lower() or _role_fits(p.role, role)]
        return found


def _known_as(name: str, qid: str) -> bool:
    entry = load_gazetteer().lookup(name, "person")
    return entry is not None and entry.qid == qid


def _contains(full: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(full[i:i + n] == part for i in range(len(full) - n + 1))


def _role_fits(have: str, want: str) -> bool:
    a, b = fold(have), fold(want)
    return b in a or a in b or (b.split()[-1:] == a.split()[-1:])


def build_registry(doc: Doc) -> Registry:
    """Register every named person, then mark each later mention (full or short)."""
    registry = Registry()
    names = find_names(doc)
    # Longest names first so that "Zhao" joins "Zhao Leji".
    for n in sorted(names, key=lambda n: (-len(n.name.split()), n.start)):
        gaz = load_gazetteer().lookup(n.name, "person")
        qid = n.qid or (gaz.qid if gaz else None)
        if gaz and len(gaz.label.split()) > len(n.name.split()) and registry.find(n.name) is None:
            # "President Xi" alone in an article: the gazetteer knows the full name.
            registry.add(gaz.label, n.title, gaz.qid, n.start)
            continue
        registry.add(n.name, n.title, qid, n.start)
    for n in names:
        person = registry.find(n.name, n.start)
        if person is None:
            continue
        person.mentions += 1
        registry.title_at[n.start] = n.title
        for i in range(n.start, n.end):
            registry.by_token[i] = person
            registry.span_of[i] = (n.start, n.end)
    # One word, no title, no state, unknown to the gazetteer: not an official ("Akorda
    # press service", the "Belt" of "Belt and Road").
    for p in [p for p in registry.people
              if len(p.words) == 1 and not p.roles and p.party is None and p.qid is None]:
        registry.people.remove(p)
        for i in [i for i, q in registry.by_token.items() if q is p]:
            del registry.by_token[i]
            del registry.span_of[i]
    # Short mentions the NER missed: "Narbayeva" tagged as a place, "Xi" at a line start.
    for t in doc:
        if t.i in registry.by_token or not is_name_token(t):
            continue
        person = registry.find(t.text, t.i)
        if person and (t.i + 1 >= len(doc) or not is_name_token(doc[t.i + 1])
                       or registry.find(t.text + " " + doc[t.i + 1].text, t.i) is person):
            e = t.i + 1
            if e < len(doc) and registry.find(t.text + " " + doc[e].text, t.i) is person:
                e += 1
            person.mentions += 1
            for i in range(t.i, e):
                registry.by_token[i] = person
                registry.span_of[i] = (t.i, e)
    return registry

