"""The example queries of the editor: one ``.rq`` file per real question, in ``examples/``.

A file starts with comment lines: the first is the question (the title), the others explain
it. The file name orders and names the example: ``01-xi-at-astana-by-day.rq`` is shown first
and opens at ``/query?example=xi-at-astana-by-day``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"


@dataclass(frozen=True)
class Example:
    slug: str
    title: str
    description: str
    query: str


def parse(path: Path) -> Example:
    text = path.read_text(encoding="utf-8")
    comments = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comments.append(line.lstrip("#").strip())
    if not comments or not comments[0]:
        raise ValueError(f"{path}: an example starts with a '# question' line")
    slug = re.sub(r"^\d+-", "", path.stem)
    return Example(slug, comments[0], " ".join(c for c in comments[1:] if c), text)


def load_examples(folder: Path = EXAMPLES_DIR) -> list[Example]:
    """Every example, in file-name order."""
    return [parse(p) for p in sorted(folder.glob("*.rq"))]
