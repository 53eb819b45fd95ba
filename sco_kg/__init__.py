"""sco-kg: a linked-data knowledge graph of diplomacy."""

__version__ = "0.1.0"
