"""Scores of the extractor on the blind holdout sets, built through the real pipeline.

    python bench/holdout.py [DIR ...] [--per-article] [--json FILE]

A holdout set is a directory with its articles (``*.jsonl`` or ``*.txt``) and its gold
files (``*.json``, the annotation guide's schema). Each set is built on its own into a
temporary store (ingest -> extract -> link -> RDF -> validate -> store, as ``sco-kg build``),
its facts are exported from the store (as ``sco-kg facts``) and scored against its gold (as
``sco-kg evaluate``). Without arguments every ``tests/holdout*/`` is scored.

This is a benchmark, not a test: the holdouts estimate how the extractor does on text it was
not tuned on, and a figure below some threshold should inform, not block CI.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sco_kg import evaluate, facts, pipeline  # noqa: E402
from sco_kg.store import StoreHome  # noqa: E402

ARTICLE_SUFFIXES = {".jsonl", ".ndjson", ".txt"}


def holdout_dirs() -> list[Path]:
    """Every ``tests/holdout*/`` directory, in name order."""
    return sorted(p for p in (ROOT / "tests").glob("holdout*") if p.is_dir())


def article_files(folder: Path) -> list[Path]:
    """The article files of a holdout set; the README and the gold are not articles."""
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in ARTICLE_SUFFIXES and p.name.lower() != "readme.txt")


def score(folder: Path, per_article: bool = False) -> evaluate.Report:
    """Build ``folder``'s articles into a temporary store and score its facts against the
    gold files in ``folder``."""
    articles = article_files(folder)
    if not articles:
        raise SystemExit(f"{folder}: no article file (*.jsonl, *.txt)")
    with tempfile.TemporaryDirectory(prefix="sco-kg-holdout-") as tmp:
        home = StoreHome(Path(tmp) / "store")
        pipeline.build(articles, home)
        store = home.open(read_only=True)
        predicted = facts.export_facts(store)
        del store  # release the database before the directory goes
    return evaluate.run(folder, predicted, per_article=per_article)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, help="holdout directories (default: tests/holdout*/)")
    ap.add_argument("--per-article", action="store_true",
                    help="also list, per article, how many of its facts match gold")
    ap.add_argument("--json", type=Path, help="write every set's scores to this JSON file")
    args = ap.parse_args()
    dirs = args.dirs or holdout_dirs()
    if not dirs:
        raise SystemExit("no holdout directory (tests/holdout*/)")
    out = {}
    for folder in dirs:
        report = score(folder, args.per_article)
        print(f"== {folder}")
        print(report.to_text())
        out[str(folder)] = report.to_json()
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
