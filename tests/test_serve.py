"""`sco-kg serve` on an empty store: builds the bundled corpus first, then serves it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx


def test_serve_on_an_empty_store_builds_the_bundled_corpus_and_answers(tmp_path: Path):
    store = tmp_path / "fresh-store"
    proc = subprocess.Popen(
        [sys.executable, "-u", "-m", "sco_kg.cli", "serve", "--store", str(store), "--port", "0"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    try:
        url, log = None, []
        for line in proc.stderr:
            log.append(line)
            found = re.search(r"running on (http://127\.0\.0\.1:\d+)", line)
            if found:
                url = found.group(1)
                break
        assert url, "".join(log)
        assert any("building the bundled corpus first" in line for line in log)
        assert httpx.get(url + "/health", timeout=30).status_code == 200
        answer = httpx.get(
            url + "/sparql",
            params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?m a <https://w3id.org/sco-kg/ontology#Meeting> }"},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        )
        assert int(answer.json()["results"]["bindings"][0]["n"]["value"]) >= 10
    finally:
        proc.terminate()
        proc.wait(timeout=30)
