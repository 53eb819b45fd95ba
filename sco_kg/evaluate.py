"""Scoring extracted facts against gold files (``sco-kg evaluate``).

Both sides use the facts schema of docs/facts-schema.md: the gold files are the annotation
guide's schema without ids and sources. The matching rules are in docs/evaluation.md; in
short, meetings match on the same participant set (folded names, or states where a name is
null), the same kind ("talks" counts as bilateral) and a compatible date (equal, or one a
prefix of the other, or one missing); partnerships on parties, level and change;
endorsements on party and initiative; summits on the name, or on organisation and place.

``facts_to_schema`` is the in-memory twin of the store's export (``sco_kg.facts``): it
turns ``ArticleFacts`` into the same JSON shape, merging one fact reported by several
articles, and is used by the tests and for tuning the extractor without building a store.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .gazetteer import fold, load_gazetteer
from .model import ArticleFacts

FACTS = ("meetings", "partnerships", "endorsements", "summits")
_HONORIFICS = {"dr", "mr", "mrs", "ms", "prof", "h.e", "he", "sir", "sheikh", "shri", "ayatollah",
               "seyyed", "sayyid", "sayyed", "syed", "seyed", "sayed", "mullah", "mawlawi",
               "maulana", "majesty", "his", "her", "excellency"}
# Ranks before a name ("Gen Sergei Shoigu", "Field Marshal Asim Munir"), dropped only at
# the start: "Major" and "General" are surnames elsewhere.
_RANKS = {"gen", "general", "lt", "lieutenant", "col", "colonel", "maj", "major", "brig",
          "brigadier", "adm", "admiral", "marshal", "field", "army", "air", "chief", "vice",
          "rear", "capt", "captain"}
_STOP = {"of", "the", "and", "a", "an", "s", "for", "to", "in"}
_KIND_CLASS = {"talks": "bilateral"}


# -- normalising ------------------------------------------------------------------------

def _spelling(text: str) -> str:
    text = fold(text).replace("-", " ").replace("’", "'")
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"isation\b", "ization", text)
    text = re.sub(r"ise\b", "ize", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", " ".join(text.split()))
    return text


def person_key(name: str | None) -> str | None:
    """A person's name for matching: folded, without honorifics or punctuation."""
    if not name:
        return None
    entry = load_gazetteer().lookup(name, "person") if len(name.split()) >= 2 else None
    if entry is not None:
        name = entry.label  # "Aleksandr Lukashenko" = "Alexander Lukashenko" (one QID)
    words = [w.strip(".,") for w in fold(name).replace("-", " ").split()]
    words = [w for w in words if w and w not in _HONORIFICS]
    while len(words) > 2 and words[0] in _RANKS:
        words.pop(0)
    # "Khurelsukh Ukhnaa" = "Ukhnaa Khurelsukh": names are written in either order
    return " ".join(sorted(words))


def same_person(a: str, b: str) -> bool:
    """Two name keys of one person: equal, or one the other with names added ("Shehbaz
    Sharif" in one article, "Muhammad Shehbaz Sharif" as the fullest form elsewhere), at least
    two names in common."""
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(small) >= 2 and small <= big


def party_key(name: str | None) -> str | None:
    """A state or organisation by its gazetteer label when known ("SCO" = "Shanghai
    Cooperation Organisation", "Turkey" = "Türkiye"), else folded."""
    if not name:
        return None
    entry = load_gazetteer().lookup(name, "country") or load_gazetteer().lookup(name, "organization")
    return fold(entry.label) if entry else _spelling(name)


def place_key(name: str | None) -> str | None:
    if not name:
        return None
    entry = load_gazetteer().lookup(name, "city")
    return fold(entry.label) if entry else fold(name)


def role_words(role: str | None) -> frozenset[str] | None:
    """An office as a set of content words: states, articles and abbreviations dropped, so
    "chairman of China's National People's Congress (NPC) Standing Committee" equals
    "Chairman of the Standing Committee of the National People's Congress"."""
    if not role:
        return None
    text = re.sub(r"\([^)]*\)", " ", fold(role)).replace("-", " ")
    words = re.findall(r"[a-z]+", text.replace("'s", " "))
    gaz = load_gazetteer()
    return frozenset(w for w in words if w not in _STOP and not gaz.by_demonym(w)
                     and not gaz.lookup(w, "country"))


def level_key(level: str) -> str:
    return _spelling(level)


def initiative_key(name: str) -> str:
    text = _spelling(name)
    text = re.sub(r"\s+(?:jointly\s+)?(?:proposed|put forward|advanced|launched)\s+by\b.*$", "",
                  text)
    return text


def summit_key(name: str | None) -> str | None:
    return _spelling(name) if name else None


def date_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


# -- meetings ---------------------------------------------------------------------------

def _kind_class(kind: str | None) -> str:
    return _KIND_CLASS.get(kind or "bilateral", kind or "bilateral")


def _participants_match(pred: list[dict], gold: list[dict]) -> dict[int, int] | None:
    """A one-to-one pairing of participants (pred index -> gold index), or None."""
    if len(pred) != len(gold):
        return None
    pairing: dict[int, int] = {}
    used: set[int] = set()
    # names first, then states where a name is null
    for pass_ in ("name", "country"):
        for i, p in enumerate(pred):
            if i in pairing:
                continue
            for j, g in enumerate(gold):
                if j in used:
                    continue
                pn, gn = person_key(p.get("name")), person_key(g.get("name"))
                if pass_ == "name" and pn and gn and same_person(pn, gn):
                    pairing[i] = j
                    used.add(j)
                    break
                if pass_ == "country" and (not pn or not gn) and party_key(p.get("country")) \
                        and party_key(p.get("country")) == party_key(g.get("country")):
                    pairing[i] = j
                    used.add(j)
                    break
    return pairing if len(pairing) == len(gold) else None


def meetings_match(pred: dict, gold: dict) -> bool:
    """Same participants, same kind class, compatible date."""
    return (_kind_class(pred.get("kind")) == _kind_class(gold.get("kind"))
            and date_compatible(pred.get("date"), gold.get("date"))
            and _participants_match(pred.get("participants", []),
                                    gold.get("participants", [])) is not None)


def _all_meetings(facts: dict) -> list[dict]:
    out = []
    for key, background in (("meetings", False), ("background_meetings", True)):
        for m in facts.get(key) or []:
            out.append({**m, "_background": background})
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "predicted": n_pred, "gold": n_gold, "precision": round(p, 4),
            "recall": round(r, 4), "f1": round(f, 4)}


def _accuracy(hits: int, total: int) -> dict[str, float | int | None]:
    return {"correct": hits, "total": total, "accuracy": round(hits / total, 4) if total else None}


def score_meetings(pred: list[dict], gold: list[dict]) -> tuple[dict, list[int | None]]:
    """Scores, and for each predicted meeting the index of its gold match (or None)."""
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if meetings_match(p, g):
                exact = (p.get("date") or None) == (g.get("date") or None)
                same_place = place_key(p.get("location")) == place_key(g.get("location"))
                candidates.append((-(exact * 2 + same_place), i, j))
    candidates.sort()
    match: list[int | None] = [None] * len(pred)
    taken: set[int] = set()
    for _, i, j in candidates:
        if match[i] is None and j not in taken:
            match[i] = j
            taken.add(j)
    tp = sum(1 for m in match if m is not None)
    # duplicates: unmatched predictions that restate a matched gold meeting or each other
    duplicates = 0
    for i, p in enumerate(pred):
        if match[i] is not None:
            continue
        if any(meetings_match(p, gold[j]) for j in taken) or any(
                meetings_match(p, pred[k]) for k in range(i) if k != i):
            duplicates += 1
    dates = places = bg = 0
    roles_ok = roles_total = 0
    for i, j in enumerate(match):
        if j is None:
            continue
        p, g = pred[i], gold[j]
        dates += (p.get("date") or None) == (g.get("date") or None)
        places += place_key(p.get("location")) == place_key(g.get("location"))
        bg += p.get("_background", False) == g.get("_background", False)
        pairing = _participants_match(p["participants"], g["participants"]) or {}
        for pi, gi in pairing.items():
            gold_role = role_words(g["participants"][gi].get("role"))
            if gold_role is None:
                continue
            roles_total += 1
            roles_ok += role_words(p["participants"][pi].get("role")) == gold_role
    scores = _prf(tp, len(pred), len(gold))
    scores.update({
        "duplicates": duplicates,
        "date": _accuracy(dates, tp), "location": _accuracy(places, tp),
        "role": _accuracy(roles_ok, roles_total), "background": _accuracy(bg, tp),
    })
    return scores, match


# -- partnerships, endorsements, summits --------------------------------------------------

def partnership_key(p: dict) -> tuple:
    return (frozenset(party_key(x) for x in p.get("parties", [])), level_key(p.get("level", "")),
            p.get("change"))


def endorsement_key(e: dict) -> tuple:
    return (party_key(e.get("party")), initiative_key(e.get("initiative", "")))


def summits_match(p: dict, g: dict) -> bool:
    if summit_key(p.get("name")) and summit_key(p.get("name")) == summit_key(g.get("name")):
        return True
    org, loc = party_key(p.get("organization")), place_key(p.get("location"))
    return bool(org and loc and org == party_key(g.get("organization"))
                and loc == place_key(g.get("location")))


def _match_by_key(pred: list[dict], gold: list[dict], *keys) -> list[int | None]:
    """Greedy one-to-one matching, by each key in turn (the stricter first)."""
    match: list[int | None] = [None] * len(pred)
    taken: set[int] = set()
    for key in keys:
        for i, p in enumerate(pred):
            if match[i] is not None:
                continue
            for j, g in enumerate(gold):
                if j not in taken and key(p, g):
                    match[i] = j
                    taken.add(j)
                    break
    return match


def score_simple(kind: str, pred: list[dict], gold: list[dict]) -> tuple[dict, list[int | None]]:
    if kind == "partnerships":
        match = _match_by_key(pred, gold, lambda p, g: partnership_key(p) == partnership_key(g))
    elif kind == "endorsements":
        match = _match_by_key(pred, gold, lambda p, g: endorsement_key(p) == endorsement_key(g))
    else:
        # by name first: "SCO Plus meeting" before any other SCO gathering in Tianjin
        match = _match_by_key(pred, gold, lambda p, g: bool(summit_key(p.get("name"))) and
                              summit_key(p.get("name")) == summit_key(g.get("name")),
                              summits_match)
    tp = sum(1 for m in match if m is not None)
    scores = _prf(tp, len(pred), len(gold))
    matched = [(pred[i], gold[j]) for i, j in enumerate(match) if j is not None]
    if kind == "partnerships":
        scores["when"] = _accuracy(sum((p.get("when") or None) == (g.get("when") or None)
                                       for p, g in matched), tp)
    if kind == "summits":
        scores["location"] = _accuracy(sum(place_key(p.get("location")) == place_key(
            g.get("location")) for p, g in matched), tp)
        scores["dates"] = _accuracy(sum(sorted(p.get("dates") or []) == sorted(g.get("dates") or [])
                                        for p, g in matched), tp)
    return scores, match


def evaluate(predicted: dict, gold: dict) -> dict:
    """Precision, recall and F1 per kind of fact, attribute accuracies on matched meetings
    and the number of duplicate meetings. Both arguments use the facts schema."""
    result: dict[str, Any] = {}
    result["meetings"], _ = score_meetings(_all_meetings(predicted), _all_meetings(gold))
    for kind in FACTS[1:]:
        result[kind], _ = score_simple(kind, predicted.get(kind) or [], gold.get(kind) or [])
    return result


# -- restricting to a gold file's source and per-article breakdown ------------------------

def _sources(fact: dict) -> list[str]:
    out = []
    for s in fact.get("sources") or []:
        out.append(s.get("article", "") if isinstance(s, dict) else str(s))
    return out


def _stem(article_id: str) -> str:
    return article_id.split("/")[0]


def restrict(predicted: dict, stem: str | None) -> dict:
    """Only the facts with a source from articles of the file ``stem`` (all if None)."""
    if not stem:
        return predicted
    out: dict[str, Any] = {}
    for key in (*FACTS, "background_meetings"):
        out[key] = [f for f in predicted.get(key) or []
                    if any(_stem(a) == stem for a in _sources(f)) or not _sources(f)]
    return out


def per_article(predicted: dict, gold: dict) -> dict[str, dict[str, dict[str, int]]]:
    """For each article a predicted fact comes from: how many of its facts match gold."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    pm = _all_meetings(predicted)
    _, mm = score_meetings(pm, _all_meetings(gold))
    rows: list[tuple[str, dict, int | None]] = [("meetings", f, m) for f, m in zip(pm, mm)]
    for kind in FACTS[1:]:
        facts = predicted.get(kind) or []
        _, match = score_simple(kind, facts, gold.get(kind) or [])
        rows.extend((kind, f, m) for f, m in zip(facts, match))
    for kind, fact, m in rows:
        for article in sorted(set(_sources(fact))) or ["(no source)"]:
            cell = out.setdefault(article, {}).setdefault(kind, {"predicted": 0, "matched": 0})
            cell["predicted"] += 1
            cell["matched"] += m is not None
    return dict(sorted(out.items(), key=lambda kv: _natural(kv[0])))


def _natural(text: str) -> list:
    return [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", text)]


# -- the report ---------------------------------------------------------------------------

@dataclass
class FileScore:
    gold: str
    source: str | None
    scores: dict
    articles: dict | None = None


@dataclass
class Report:
    files: list[FileScore] = field(default_factory=list)
    total: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"total": self.total,
                "files": [{"gold": f.gold, "source_file": f.source, "scores": f.scores,
                           **({"articles": f.articles} if f.articles is not None else {})}
                          for f in self.files]}

    def to_text(self) -> str:
        lines = []
        for f in self.files:
            lines.append(f"{f.gold}" + (f" (source {f.source})" if f.source else ""))
            lines.extend("  " + line for line in _render(f.scores))
            if f.articles is not None:
                lines.append("  per article (matched/predicted):")
                for article, kinds in f.articles.items():
                    cells = ", ".join(f"{k} {v['matched']}/{v['predicted']}" for k, v in kinds.items())
                    lines.append(f"    {article}: {cells}")
        if len(self.files) > 1:
            lines.append("total")
            lines.extend("  " + line for line in _render(self.total))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()


def _render(scores: dict) -> list[str]:
    lines = []
    for kind in FACTS:
        s = scores.get(kind)
        if not s:
            continue
        line = (f"{kind:<13} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
                f"  ({s['tp']} matched, {s['predicted']} predicted, {s['gold']} gold)")
        extras = []
        if kind == "meetings":
            extras.append(f"duplicates {s['duplicates']}")
        for attr in ("date", "location", "role", "background", "when", "dates"):
            a = s.get(attr)
            if isinstance(a, dict) and a.get("total"):
                extras.append(f"{attr} {a['correct']}/{a['total']}")
        if extras:
            line += "; " + ", ".join(extras)
        lines.append(line)
    return lines


def _sum(scores: list[dict]) -> dict:
    total: dict[str, Any] = {}
    for kind in FACTS:
        tp = sum(s[kind]["tp"] for s in scores)
        n_pred = sum(s[kind]["predicted"] for s in scores)
        n_gold = sum(s[kind]["gold"] for s in scores)
        total[kind] = _prf(tp, n_pred, n_gold)
        for attr in ("date", "location", "role", "background", "when", "dates"):
            parts = [s[kind][attr] for s in scores if attr in s[kind]]
            if parts:
                correct = sum(p["correct"] for p in parts)
                n = sum(p["total"] for p in parts)
                total[kind][attr] = _accuracy(correct, n)
        if kind == "meetings":
            total[kind]["duplicates"] = sum(s[kind]["duplicates"] for s in scores)
    return total


def read_gold(path: Path) -> list[tuple[Path, dict]]:
    """The gold file ``path``, or every ``*.json`` in the directory ``path``."""
    path = Path(path)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise ValueError(f"{path}: no *.json gold file")
    out = []
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise ValueError(f"{f}: not JSON: {err}") from err
        if not isinstance(data, dict) or not any(k in data for k in (*FACTS, "background_meetings")):
            raise ValueError(f"{f}: not a gold file (no meetings, partnerships, endorsements "
                             "or summits)")
        out.append((f, data))
    return out


def run(gold_path: Path, predicted: dict, per_article: bool = False) -> "Report":
    """Score ``predicted`` against every gold file under ``gold_path``; each file only sees
    the facts with a source from its ``source_file`` (when it names one)."""
    report = Report()
    for path, gold in read_gold(gold_path):
        source = gold.get("source_file")
        stem = Path(source).stem if source else None
        mine = restrict(predicted, stem)
        scores = evaluate(mine, gold)
        articles = globals()["per_article"](mine, gold) if per_article else None
        report.files.append(FileScore(path.name, source, scores, articles))
    report.total = _sum([f.scores for f in report.files])
    return report


# -- the in-memory twin of the facts export -----------------------------------------------

def _participant(p) -> dict:
    return {"name": p.person.label if p.person else None,
            "country": p.party.label if p.party else None, "role": p.role,
            "wikidata": p.person.qid if p.person else None,
            "country_wikidata": p.party.qid if p.party else None}


def _source(e) -> dict:
    return {"article": e.article_id, "evidence": e.quote, "start": e.start, "end": e.end}


def facts_to_schema(facts: list[ArticleFacts]) -> dict:
    """``ArticleFacts`` as the facts export's JSON (without ids), merging one fact reported
    by several articles into one entry with all its sources. For tests and tuning: the
    published export is computed from the store (``sco_kg.facts``)."""
    merged: dict[str, dict[tuple, dict]] = {k: {} for k in (*FACTS, "background_meetings")}

    def add(kind: str, key: tuple, entry: dict, evidence: list) -> None:
        slot = merged[kind].setdefault(key, {**entry, "evidence": evidence[0].quote if evidence
                                             else None, "sources": []})
        for e in evidence:
            src = _source(e)
            if src not in slot["sources"]:
                slot["sources"].append(src)

    for af in facts:
        for m in af.meetings:
            parts = [_participant(p) for p in m.participants]
            # as the meeting's IRI: a date coarser than a day is told apart by the city
            place = m.location.label if m.location and len(m.date or "") < 10 else None
            key = (frozenset((person_key(p["name"]) or "", party_key(p["country"]) or "")
                             for p in parts), m.date, _kind_class(m.kind), m.background, place)
            entry = {"kind": m.kind, "date": m.date,
                     "location": m.location.label if m.location else None,
                     "occasion": m.occasion, "participants": parts}
            add("background_meetings" if m.background else "meetings", key, entry, m.evidence)
        for p in af.partnerships:
            parties = [x.label for x in p.parties]
            key = (frozenset(party_key(x) for x in parties), level_key(p.level), p.change, p.when)
            add("partnerships", key, {"parties": parties, "level": p.level, "change": p.change,
                                      "when": p.when}, p.evidence)
        for e in af.endorsements:
            key = (party_key(e.party.label), initiative_key(e.initiative.label))
            add("endorsements", key, {"party": e.party.label, "initiative": e.initiative.label},
                e.evidence)
        for s in af.summits:
            # as the summit's IRI: a name without an ordinal is told apart by place and year
            key = (summit_key(s.name), s.location.label if s.location else None,
                   s.dates[0][:4] if s.dates else None)
            add("summits", key, {"name": s.name,
                                 "organization": s.organization.label if s.organization else None,
                                 "location": s.location.label if s.location else None,
                                 "dates": list(s.dates)}, s.evidence)
    return {k: list(v.values()) for k, v in merged.items()}
