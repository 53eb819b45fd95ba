"""Build ``data/gazetteer.csv`` from the verified QIDs and the hand-kept variants.

    python -m sco_kg.gazetteer_build            # rewrite data/gazetteer.csv
    python -m sco_kg.gazetteer_build --check    # exit 1 if it is out of date

Inputs:

- ``data/verified-qids.csv``: a verbatim copy of ``../shared/wikidata/verified-qids.csv``
  (``label,qid,kind,aliases,source1,source2``). It is the only place a QID comes from, and
  every row carries two independent sources.
- ``data/gazetteer-variants.csv`` (``qid,label,kind,aliases,demonyms,represents,drop,note``):
  for a verified QID, extra aliases and spellings, the demonyms (verified aliases named here
  move from aliases to demonyms), the QIDs a person represents, and verified aliases to drop
  (role phrases such as "President Xi"); rows without a QID are spelling groups of names we
  do not link. A variants row naming a QID that is not verified is an error: variants
  never add a QID.

Rules applied to every row:

- ``class`` and ``property`` rows are Wikidata vocabulary, not entities: left out.
- An alias marked ``(metonym)`` ("Beijing (metonym)" for China) is dropped: reading a
  capital as its government is extraction's job, and "Beijing" is a city of its own.
- Every name with diacritics also appears without them ("Erdoğan", "Erdogan").
- No name may belong to two entries of one kind, nor be both a name and a demonym.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from .gazetteer import VARIANTS, fold, plain, split_list
from .paths import DATA_DIR, GAZETTEER, ROOT

VERIFIED = DATA_DIR / "verified-qids.csv"
SHARED_VERIFIED = ROOT.parent / "shared" / "wikidata" / "verified-qids.csv"
COLUMNS = ("qid", "label", "kind", "aliases", "demonyms", "represents", "source1", "source2")
QID = re.compile(r"Q[1-9][0-9]*")


class BuildError(ValueError):
    """An input row that cannot become a gazetteer row, with file and line in the message."""


def entity_kind(raw: str) -> str | None:
    """Our kind for a verified-qids ``kind`` cell; None for Wikidata vocabulary rows.

    >>> [entity_kind(k) for k in ("country (SCO member)", "organisation (legislature)",
    ...                           "person", "place (city)", "class", "property")]
    ['country', 'organization', 'person', 'city', None, None]
    """
    raw = raw.strip()
    if raw in ("class", "property"):
        return None
    if raw.startswith("country"):
        return "country"
    if raw.startswith("organisation") or raw.startswith("organization"):
        return "organization"
    if raw == "person":
        return "person"
    if raw == "place (city)":
        return "city"
    raise BuildError(f"unknown kind {raw!r}")


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _add(names: list[str], *new: str) -> None:
    """Append names and their spellings without diacritics, each once."""
    for name in new:
        for form in (name, plain(name)):
            if form not in names:
                names.append(form)


def build_rows(verified: Sequence[dict[str, str]], variants: Sequence[dict[str, str]],
               verified_name: str = "verified-qids.csv",
               variants_name: str = "gazetteer-variants.csv") -> list[dict[str, str]]:
    """The gazetteer rows, in the order of the verified list."""
    rows: dict[str, dict[str, str]] = {}
    aliases: dict[str, list[str]] = {}
    for n, v in enumerate(verified, start=2):
        where = f"{verified_name}:{n}"
        try:
            kind = entity_kind(v.get("kind", ""))
        except BuildError as e:
            raise BuildError(f"{where}: {e}") from None
        if kind is None:
            continue
        qid = v.get("qid", "").strip()
        if not QID.fullmatch(qid):
            raise BuildError(f"{where}: {qid!r} is not a QID")
        if qid in rows:
            raise BuildError(f"{where}: {qid} appears twice")
        s1, s2 = v.get("source1", "").strip(), v.get("source2", "").strip()
        if not s1 or not s2 or s1 == s2:
            raise BuildError(f"{where}: {qid} lacks two independent sources")
        rows[qid] = {"qid": qid, "label": v["label"].strip(), "kind": kind,
                     "demonyms": "", "represents": "", "source1": s1, "source2": s2}
        aliases[qid] = [a for a in split_list(v.get("aliases")) if not a.endswith("(metonym)")]

    for n, var in enumerate(variants, start=2):
        where = f"{variants_name}:{n}"
        qid = var.get("qid", "").strip()
        if not qid:
            continue  # a spelling group of an unlinked name: read by the gazetteer itself
        if qid not in rows:
            raise BuildError(f"{where}: {qid} is not an entity of {verified_name}; variants never add a QID")
        row = rows[qid]
        for col in ("label", "kind"):
            if var.get(col, "").strip() and var[col].strip() != row[col]:
                raise BuildError(f"{where}: {col} {var[col]!r} differs from the verified {row[col]!r}")
        drop = {fold(d) for d in split_list(var.get("drop"))}
        unknown = drop - {fold(a) for a in aliases[qid]}
        if unknown:
            raise BuildError(f"{where}: cannot drop {sorted(unknown)}: not an alias of {qid}")
        demonyms = split_list(var.get("demonyms"))
        moved = drop | {fold(d) for d in demonyms}
        aliases[qid] = [a for a in aliases[qid] if fold(a) not in moved]
        _add(aliases[qid], *split_list(var.get("aliases")))
        row["demonyms"] = ";".join(_spelled(demonyms))
        represents = split_list(var.get("represents"))
        for r in represents:
            if r not in rows or rows[r]["kind"] not in ("country", "organization"):
                raise BuildError(f"{where}: represents {r}, which is no verified country or organisation")
        if represents and row["kind"] != "person":
            raise BuildError(f"{where}: only a person represents a country")
        row["represents"] = ";".join(represents)

    for qid, row in rows.items():
        names: list[str] = []
        _add(names, row["label"], *aliases[qid])  # the label leads, as in the verified list
        row["aliases"] = ";".join(names)
    _check_unique(list(rows.values()))
    return [{c: r[c] for c in COLUMNS} for r in rows.values()]


def _spelled(names: Sequence[str]) -> list[str]:
    out: list[str] = []
    _add(out, *names)
    return out


def _check_unique(rows: list[dict[str, str]]) -> None:
    owner: dict[tuple[str, str], str] = {}
    demonym_owner: dict[str, str] = {}
    for r in rows:
        for name in {fold(a) for a in split_list(r["aliases"])}:
            other = owner.setdefault((r["kind"], name), r["qid"])
            if other != r["qid"]:
                raise BuildError(f"the name {name!r} belongs to both {other} and {r['qid']}")
        for d in {fold(x) for x in split_list(r["demonyms"])}:
            other = demonym_owner.setdefault(d, r["qid"])
            if other != r["qid"]:
                raise BuildError(f"the demonym {d!r} belongs to both {other} and {r['qid']}")
    for r in rows:
        for d in split_list(r["demonyms"]):
            if (r["kind"], fold(d)) in owner or ("country", fold(d)) in owner:
                raise BuildError(f"{d!r} is both a name and a demonym")


def render(rows: Sequence[dict[str, str]]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


def build(verified: Path = VERIFIED, variants: Path = VARIANTS) -> str:
    """The text of the gazetteer CSV built from the two inputs."""
    return render(build_rows(_read(verified), _read(variants), str(verified), str(variants)))


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m sco_kg.gazetteer_build", description=__doc__.split("\n\n")[0])
    p.add_argument("--verified", type=Path, default=VERIFIED, help="verified QIDs (default: %(default)s)")
    p.add_argument("--variants", type=Path, default=VARIANTS, help="hand-kept variants (default: %(default)s)")
    p.add_argument("--out", type=Path, default=GAZETTEER, help="output (default: %(default)s)")
    p.add_argument("--check", action="store_true", help="exit 1 if the output is out of date; write nothing")
    args = p.parse_args(argv)
    try:
        text = build(args.verified, args.variants)
    except (BuildError, OSError, KeyError) as e:
        print(f"gazetteer_build: {e}", file=sys.stderr)
        return 2
    current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    if args.check:
        if current != text:
            print(f"gazetteer_build: {args.out} is out of date; run python -m sco_kg.gazetteer_build",
                  file=sys.stderr)
            return 1
        return 0
    if current != text:
        args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {text.count(chr(10)) - 1} entities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
