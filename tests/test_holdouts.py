"""The holdout sets (tests/holdout*/): outlets and events the extractor was not written for.

Each set's gold must be verbatim in its articles. The extractor's scores on them are a
*regression floor* here, a little below what was measured when this file was written, so a
change that loses meetings on unseen styles fails the suite. The acceptance target for real
unseen articles (meetings precision >= 0.90, F1 >= 0.80) is measured, not asserted, by
``python bench/holdout.py``. Each set was blind when first scored; since then the extractor was
tuned on holdout 1's errors, partly on holdout 2's totals, and on holdout 3's error patterns
(described as grammar, not sentences). Holdouts 4 to 16 were each blind when first scored
(docs/evaluation.md lists those blind figures) and tuned on afterwards, as grammar.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from holdout import article_files, holdout_dirs, score  # noqa: E402

SECTIONS = ("meetings", "background_meetings", "partnerships", "endorsements", "summits")
# Meetings precision and F1 floors, per set, a little under what was measured when set
# (P/F1: holdout 1.00/1.00, 2 0.98/0.94, 3 1.00/0.94, 4 1.00/1.00, 5 0.98/0.96, 6 1.00/0.95,
# 7 0.93/0.86, 8 0.97/0.92, 9 0.94/0.92, 10 0.98/0.91, 11 0.98/0.92, 12 0.95/0.89,
# 13 0.98/0.90, 14 0.91/0.87, 15 0.98/0.91 and 16 0.94/0.89 blind).
FLOORS = {"holdout": (0.95, 0.95), "holdout2": (0.93, 0.90), "holdout3": (0.95, 0.88),
          "holdout4": (0.95, 0.95), "holdout5": (0.95, 0.92), "holdout6": (0.95, 0.90),
          "holdout7": (0.90, 0.83), "holdout8": (0.93, 0.87), "holdout9": (0.90, 0.87),
          "holdout10": (0.90, 0.86), "holdout11": (0.93, 0.88), "holdout12": (0.89, 0.84),
          "holdout13": (0.93, 0.84), "holdout14": (0.88, 0.83), "holdout15": (0.93, 0.87),
          "holdout16": (0.90, 0.85)}


@pytest.mark.parametrize("folder", holdout_dirs(), ids=lambda p: p.name)
def test_gold_evidence_is_verbatim_and_ids_share_the_source_file_stem(folder: Path):
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    [articles_file] = article_files(folder)
    assert gold["source_file"] == articles_file.name
    articles = [json.loads(line) for line in articles_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    # The evaluator keeps only facts whose article id is "<stem>" or "<stem>/<n>".
    assert all(a["id"].split("/")[0] == articles_file.stem for a in articles)
    texts = [" ".join(a["text"].split()) for a in articles]
    for section in SECTIONS:
        for fact in gold[section]:
            quote = " ".join(fact["evidence"].split())
            assert any(quote in t for t in texts), f"{section}: not verbatim: {quote}"


def test_every_holdout_set_has_a_floor():
    assert {p.name for p in holdout_dirs()} == set(FLOORS)


@pytest.mark.parametrize("folder", holdout_dirs(), ids=lambda p: p.name)
def test_meetings_stay_above_the_floor(folder: Path):
    report = score(folder)
    meetings = report.total["meetings"]
    precision, f1 = FLOORS[folder.name]
    assert meetings["predicted"] > 0, "no predicted meeting comes from the holdout articles"
    assert meetings["precision"] >= precision and meetings["f1"] >= f1, report.to_text()
