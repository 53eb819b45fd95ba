"""Throughput of the extraction against the bare spaCy model, in one run on the same text.

    python bench/extract.py [--repeat N] [FILE ...]

Prints words per second of (1) bare ``nlp.pipe`` with the same model and all its components,
(2) the whole extraction (``extract_corpus``: our pipeline, which disables the lemmatizer,
plus the rules and the corpus agreement), and their ratio. The issue asks for a ratio of at
least 0.7. Times are taken as the best of ``--repeat`` runs after a warm-up.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from sco_kg.extract import extract_corpus  # noqa: E402
from sco_kg.extract.pipeline import MODELS, build_pipeline  # noqa: E402
from sco_kg.extract.text import plain_spaces  # noqa: E402
from sco_kg.ingest import read_corpus  # noqa: E402
from sco_kg.paths import BUNDLED_CORPUS  # noqa: E402


def bare_model():
    for name in MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no spaCy English model installed")


def best(fn, repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=BUNDLED_CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    articles = read_corpus(args.files)
    texts = [plain_spaces(a.text) for a in articles]
    bare = bare_model()
    ours = build_pipeline()
    words = sum(len(d) for d in bare.pipe(texts))
    t_bare = best(lambda: list(bare.pipe(texts)), args.repeat)
    t_ours = best(lambda: extract_corpus(articles, ours), args.repeat)
    bare_wps, ours_wps = words / t_bare, words / t_ours
    print(f"articles {len(articles)}, words {words}")
    print(f"bare nlp.pipe ({bare.meta['name']}, {', '.join(bare.pipe_names)}): "
          f"{bare_wps:,.0f} words/s")
    print(f"extraction ({', '.join(ours.pipe_names)} + rules): {ours_wps:,.0f} words/s")
    print(f"ratio {ours_wps / bare_wps:.2f} (required >= 0.70)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
