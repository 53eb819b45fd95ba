"""The gazetteer: built only from verified QIDs, with names, demonyms and spellings right."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sco_kg import gazetteer_build
from sco_kg.gazetteer import VARIANTS, fold, load_gazetteer, read_gazetteer
from sco_kg.gazetteer_build import SHARED_VERIFIED, VERIFIED, BuildError, build, build_rows
from sco_kg.link import is_role_phrase
from sco_kg.paths import GAZETTEER

VERIFIED_HEADER = "label,qid,kind,aliases,source1,source2\n"
VARIANTS_HEADER = "qid,label,kind,aliases,demonyms,represents,drop,note\n"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_bundled_gazetteer_is_the_build_of_its_inputs():
    assert GAZETTEER.read_text(encoding="utf-8") == build(), "run python -m sco_kg.gazetteer_build"
    assert gazetteer_build.main(["--check"]) == 0


@pytest.mark.skipif(not SHARED_VERIFIED.exists(), reason="../shared is not checked out here")
def test_vendored_verified_list_is_the_shared_one():
    assert VERIFIED.read_bytes() == SHARED_VERIFIED.read_bytes()


def test_every_qid_is_verified_with_the_same_two_sources():
    verified = {r["qid"]: r for r in rows(VERIFIED)}
    g = load_gazetteer()
    assert len(g.entries) == 58
    for e in g.entries:
        v = verified[e.qid]
        assert (e.sources[0], e.sources[1]) == (v["source1"], v["source2"])
        assert e.sources[0] and e.sources[1] and e.sources[0] != e.sources[1]


def test_vocabulary_rows_are_not_entities():
    g = load_gazetteer()
    assert g.by_qid("Q48352") is None  # head of state: a class
    assert not any(e.qid.startswith("P") for e in g.entries)


def test_lookup_folds_case_accents_and_quotes():
    g = load_gazetteer()
    for name in ("Türkiye", "Turkiye", "Turkey", "TURKEY", "Republic of Turkiye"):
        assert g.lookup(name).qid == "Q43"
    for name in ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "Erdogan", "Erdoğan"):
        assert g.lookup(name, "person").qid == "Q39259"
    assert g.lookup("Xi’an", "city").qid == "Q5826"
    assert g.lookup("Antonio Guterres", "person").qid == "Q311440"


def test_lookup_is_by_kind():
    g = load_gazetteer()
    assert g.lookup("Xi'an", "person") is None
    assert g.lookup("Beijing", "country") is None  # a city, not a metonym for China
    assert g.lookup("Beijing", "city").qid == "Q956"


def test_demonyms_are_demonyms_not_names():
    g = load_gazetteer()
    for word, qid in [("Kazakh", "Q232"), ("Kazakhstani", "Q232"), ("Sri Lankan", "Q854"),
                      ("Lao", "Q819"), ("Turkish", "Q43"), ("Kyrgyz", "Q813"), ("Uzbek", "Q265"),
                      ("Chinese", "Q148"), ("Saudi", "Q851"), ("Azeri", "Q227")]:
        assert g.by_demonym(word).qid == qid, word
        assert g.lookup(word, "country") is None, word  # "Kazakh" is not a name of Kazakhstan
    assert g.by_demonym("Kazakhstan") is None


def test_metonyms_and_role_phrases_are_not_names():
    g = load_gazetteer()
    for e in g.entries:
        assert not any("metonym" in a for a in e.aliases), e.label
        if e.kind == "person":
            assert not any(is_role_phrase(a) for a in e.names), e.label
    for phrase in ("President Xi", "Chinese President Xi Jinping", "PM Modi", "UN Secretary-General",
                   "Premier Li Qiang", "Chinese Premier Li"):
        assert g.lookup(phrase, "person") is None, phrase


def test_spellings_with_and_without_diacritics_are_listed():
    g = load_gazetteer()
    erdogan = g.by_qid("Q39259")
    assert {"Erdoğan", "Erdogan", "Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"} <= set(erdogan.names)
    assert {"Türkiye", "Turkiye", "Turkey"} <= set(g.by_qid("Q43").names)
    v = g.variants()
    assert {"Khürelsükh", "Khurelsukh"} <= set(v["Ukhnaagiin Khürelsükh"])
    assert {"Global Civilisation Initiative", "Global Civilization Initiative"} <= set(v["Global Civilization Initiative"])
    assert {"Xi'an", "Xi’an", "Xian"} <= set(v["Xi'an"])


def test_unlinked_spellings_have_canonical_names_but_no_qid():
    g = load_gazetteer()
    assert g.canonical("Global Civilisation Initiative", "initiative") == "Global Civilization Initiative"
    assert g.canonical("khurelsukh") == "Ukhnaagiin Khürelsükh"
    assert g.canonical("Erdogan") == "Recep Tayyip Erdoğan"
    assert g.lookup("Global Civilisation Initiative") is None
    assert g.lookup("Khurelsukh") is None


def test_persons_know_whom_they_represent():
    g = load_gazetteer()
    assert g.by_qid("Q15031").represents == ("Q148",)
    assert g.by_qid("Q311440").represents == ("Q1065",)
    assert all(e.represents for e in g.entries if e.kind == "person")


def test_patterns_carry_the_qid_and_match_in_spacy():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    g = load_gazetteer()
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(g.patterns(nlp))
    doc = nlp("Türkiye’s President Recep Tayyip Erdogan met Kazakh officials in Xi’an, "
              "and the UN spoke for the un-named.")
    got = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("Türkiye", "GPE", "Q43") in got
    assert ("Recep Tayyip Erdogan", "PERSON", "Q39259") in got
    assert ("Kazakh", "NORP", "Q232") in got
    assert ("Xi’an", "GPE", "Q5826") in got
    assert ("UN", "ORG", "Q1065") in got
    assert not any(e.text == "un" for e in doc.ents)  # acronyms match as written only


def _build(tmp_path: Path, verified: str, variants: str = "") -> list[dict[str, str]]:
    (tmp_path / "v.csv").write_text(VERIFIED_HEADER + verified, encoding="utf-8")
    (tmp_path / "x.csv").write_text(VARIANTS_HEADER + variants, encoding="utf-8")
    return build_rows(rows(tmp_path / "v.csv"), rows(tmp_path / "x.csv"))


def test_build_refuses_a_row_with_one_source(tmp_path):
    with pytest.raises(BuildError, match="Q148 lacks two independent sources"):
        _build(tmp_path, "China,Q148,country (SCO member),China,owid:x,\n")
    with pytest.raises(BuildError, match="two independent sources"):
        _build(tmp_path, "China,Q148,country (SCO member),China,owid:x,owid:x\n")


def test_variants_never_add_a_qid(tmp_path):
    with pytest.raises(BuildError, match="variants never add a QID"):
        _build(tmp_path, "China,Q148,country,China,a,b\n", "Q999,Fooland,country,Fooland,,,,\n")


def test_build_moves_demonyms_drops_metonyms_and_roles_and_adds_plain_spellings(tmp_path):
    out = _build(
        tmp_path,
        "China,Q148,country (SCO member),China;Chinese;Beijing (metonym),a,b\n"
        'Xi Jinping,Q15031,person,Xi Jinping;Xi;President Xi,a,b\n'
        "Türkiye,Q43,country,Türkiye;Turkish,a,b\n",
        "Q148,,,,Chinese,,,\nQ15031,,,,,Q148,President Xi,\nQ43,,,,Turkish,,,\n",
    )
    by = {r["qid"]: r for r in out}
    assert by["Q148"]["aliases"] == "China" and by["Q148"]["demonyms"] == "Chinese"
    assert by["Q15031"]["aliases"] == "Xi Jinping;Xi" and by["Q15031"]["represents"] == "Q148"
    assert by["Q43"]["aliases"] == "Türkiye;Turkiye"


def test_build_refuses_a_name_of_two_entries(tmp_path):
    with pytest.raises(BuildError, match="belongs to both"):
        _build(tmp_path, "Niger,Q1032,country,Niger,a,b\nNigeria,Q1033,country,Nigeria;Niger,a,b\n")


def test_build_refuses_to_drop_an_alias_it_does_not_have(tmp_path):
    with pytest.raises(BuildError, match="cannot drop"):
        _build(tmp_path, "China,Q148,country,China,a,b\n", "Q148,,,,,,PRC,\n")


def test_reading_a_gazetteer_without_sources_fails(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("qid,label,kind,aliases,demonyms,represents,source1,source2\nQ148,China,country,China,,,a,\n")
    with pytest.raises(ValueError, match="Q148 lacks two independent sources"):
        read_gazetteer(p)


def test_variants_file_rows_without_qid_are_labelled_and_kinded():
    for r in rows(VARIANTS):
        if not r["qid"]:
            assert r["label"] and r["kind"] in ("person", "initiative", "organization", "country", "city")
            assert fold(r["label"]) not in {fold(n) for e in load_gazetteer().entries for n in e.names}
