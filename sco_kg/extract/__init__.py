"""Fact extraction: spaCy's parse plus the grammar of diplomatic reporting.

``extract_corpus(articles)`` returns one ``ArticleFacts`` per article; ``load_pipeline()``
the configured spaCy pipeline. See docs/extraction.md.
"""

from .corpus import extract_corpus
from .pipeline import load_pipeline

__all__ = ["extract_corpus", "load_pipeline"]
