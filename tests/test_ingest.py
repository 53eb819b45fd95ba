"""Reading articles: splitting multi-article text files, JSON Lines, and every input error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sco_kg.ingest import InputError, read_articles, read_corpus
from sco_kg.paths import BUNDLED_CORPUS

SEED = BUNDLED_CORPUS[0]


def test_seed_file_splits_into_roundup_and_twelve_sources():
    articles = read_articles(SEED)
    assert len(articles) == 13
    assert [a.id for a in articles] == [f"sco-astana-2024-roundup/{n}" for n in range(1, 14)]
    roundup = articles[0]
    assert roundup.title.startswith("Important bilateral meetings on sidelines of SCO summit")
    assert roundup.dateline_date is None
    datelines = [(a.dateline_place, a.dateline_date, a.dateline_outlet) for a in articles[1:]]
    assert datelines[0] == ("ASTANA", "July 3", "Xinhua")
    assert ("TASHKENT", "July 9", "Xinhua") in datelines
    assert ("BEIJING", "July 8", "Xinhua") in datelines
    assert datelines[-3:] == [(None, "July 4", "MFA")] * 3
    assert articles[7].title == "Chinese, Belarusian FMs hold talks in Beijing"
    assert [a.outlet for a in articles[:2]] == [None, "Xinhua"] and articles[-1].outlet == "MFA"
    # Provenance names the file, never a machine's path to it.
    assert {a.source for a in articles} == {"sco-astana-2024-roundup.txt"}
    # Each source article's text starts at its dateline, not at its headline.
    assert all(a.text.startswith(a.dateline_place or "July") for a in articles[1:])


def test_article_text_is_stored_verbatim_with_unicode_spaces():
    raw = SEED.read_text(encoding="utf-8")
    for article in read_articles(SEED):
        assert article.text in raw
    mfa = read_articles(SEED)[10]
    assert "2024\u2002local time" in mfa.text  # the en space survives


def test_one_article_text_file_takes_the_stem_as_id(tmp_path: Path):
    path = tmp_path / "kremlin-2024-07-03.txt"
    path.write_text(
        "Putin meets Xi in Astana\n\nASTANA, July 3 (TASS) — Russian President Vladimir Putin "
        "held talks with Chinese President Xi Jinping on Wednesday.\n",
        encoding="utf-8",
    )
    [article] = read_articles(path)
    assert article.id == "kremlin-2024-07-03"
    assert article.title == "Putin meets Xi in Astana"
    assert (article.dateline_place, article.dateline_date, article.dateline_outlet) == ("ASTANA", "July 3", "TASS")


def test_day_month_datelines_are_read(tmp_path: Path):
    path = tmp_path / "belta.txt"
    path.write_text(
        "Lukashenko, Xi hold talks\n\nMINSK, 28 June (BelTA) - Belarus President Aleksandr Lukashenko "
        "held talks with Chinese President Xi Jinping.\n",
        encoding="utf-8",
    )
    [article] = read_articles(path)
    assert (article.dateline_place, article.dateline_date, article.dateline_outlet) == ("MINSK", "28 June", "BelTA")


def test_text_without_dateline_is_one_article(tmp_path: Path):
    path = tmp_path / "note.txt"
    path.write_text("Xi Jinping met Vladimir Putin in Astana on July 3, 2024.\n", encoding="utf-8")
    [article] = read_articles(path)
    assert article.id == "note" and article.title is None
    assert article.text == "Xi Jinping met Vladimir Putin in Astana on July 3, 2024."


def test_jsonl_articles_keep_their_fields(tmp_path: Path):
    path = tmp_path / "wire.jsonl"
    rows = [
        {"id": "tass-1", "text": "ASTANA, July 3 (TASS) — Putin met Xi.", "title": "Putin, Xi meet",
         "url": "https://example.org/1", "published": "2024-07-03", "outlet": "TASS"},
        {"id": "kz-2", "text": "Tokayev received Modi."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    first, second = read_articles(path)
    assert (first.id, first.published, first.outlet, first.url) == ("tass-1", "2024-07-03", "TASS", "https://example.org/1")
    assert first.dateline_place == "ASTANA"
    assert second.id == "kz-2" and second.published is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty.txt: no article found"),
        ("blank.jsonl", b"\n  \n", "blank.jsonl: no article found"),
        ("latin1.txt", "Erdo\u011fan met Xi.\nCaf\xe9".encode("latin-1", "replace") + b"\xe9\n", "latin1.txt:2: not UTF-8"),
        ("bad.jsonl", b'{"id": "a", "text": "x"}\n{"id": "b", "text": \n', "bad.jsonl:2: invalid JSON"),
        ("list.jsonl", b"[1, 2]\n", "list.jsonl:1: expected a JSON object"),
        ("noid.jsonl", b'{"text": "Xi met Putin."}\n', "noid.jsonl:1: missing or empty string field 'id'"),
        ("date.jsonl", b'{"id": "a", "text": "x", "published": "July 3"}\n', "date.jsonl:1: 'published' is not an ISO date"),
    ],
)
def test_bad_input_names_the_file_and_line(tmp_path: Path, name: str, content: bytes, message: str):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message.replace(".", r"\.").replace("(", r"\(")):
        read_articles(path)


def test_missing_file_is_named(tmp_path: Path):
    with pytest.raises(InputError, match="nowhere.txt: cannot read"):
        read_articles(tmp_path / "nowhere.txt")


def test_duplicate_ids_across_files_are_refused(tmp_path: Path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text('{"id": "x", "text": "Xi met Putin."}\n', encoding="utf-8")
    b.write_text('{"id": "x", "text": "Modi met Tokayev."}\n', encoding="utf-8")
    with pytest.raises(InputError, match="article id 'x' also comes from"):
        read_corpus([a, b])
