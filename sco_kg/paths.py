"""Where the project's own files live.

The ontology, shapes and bundled data sit at the top of the repository (not inside the
package) so that curators can edit them without touching code; an editable install finds
them next to the package.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
SHAPES_DIR = ROOT / "shapes"
DATA_DIR = ROOT / "data"
BUNDLED_CORPUS = [DATA_DIR / "sco-astana-2024-roundup.txt"]
GAZETTEER = DATA_DIR / "gazetteer.csv"


def default_store() -> Path:
    """The store directory: ``SCO_KG_STORE`` if set, else ``data/store``."""
    return Path(os.environ.get("SCO_KG_STORE") or DATA_DIR / "store")
