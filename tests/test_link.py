"""The link stage: the right QID where certain, no QID otherwise, never a wrong one."""

from __future__ import annotations

import json

import pytest

from sco_kg.gazetteer import load_gazetteer
from sco_kg.link import check_store_qids, link_facts
from sco_kg.model import (
    Article, ArticleFacts, Endorsement, Entity, Meeting, Participant, Partnership, Summit,
)
from sco_kg.paths import BUNDLED_CORPUS, ROOT
from sco_kg.store import OxigraphStore

GOLD = ROOT.parent / "shared" / "dev-gold" / "seed-sco-astana-2024.json"

# Every person, country, organisation and city of the dev gold, with the QID that
# ../shared/wikidata/verified-qids.csv gives it, or None where it gives none.
GOLD_QIDS: dict[tuple[str, str], str | None] = {
    ("person", "Xi Jinping"): "Q15031",
    ("person", "Sadyr Japarov"): "Q25597826",
    ("person", "Vladimir Putin"): "Q7747",
    ("person", "Alexander Lukashenko"): "Q2866",
    ("person", "Recep Tayyip Erdogan"): "Q39259",
    ("person", "Antonio Guterres"): "Q311440",
    ("person", "Shavkat Mirziyoyev"): None,
    ("person", "Ilham Aliyev"): None,
    ("person", "Wang Yi"): None,
    ("person", "Zhao Leji"): None,
    ("person", "Sergey Lavrov"): None,
    ("person", "Subrahmanyam Jaishankar"): None,
    ("person", "Battsetseg Batmunkh"): None,
    ("person", "Erkinjon Turdimov"): None,
    ("person", "Maksim Ryzhenkov"): None,
    ("person", "Nurdinjon Ismoilov"): None,
    ("person", "Tanzila Narbayeva"): None,
    ("country", "China"): "Q148",
    ("country", "Kyrgyzstan"): "Q813",
    ("country", "Azerbaijan"): "Q227",
    ("country", "Uzbekistan"): "Q265",
    ("country", "Russia"): "Q159",
    ("country", "Belarus"): "Q184",
    ("country", "Mongolia"): "Q711",
    ("country", "Türkiye"): "Q43",
    ("country", "India"): "Q668",
    ("organization", "United Nations"): "Q1065",
    ("organization", "SCO"): "Q485207",
    ("city", "Astana"): "Q1520",
    ("city", "Tashkent"): "Q269",
    ("city", "Beijing"): "Q956",
    ("city", "Xi'an"): "Q5826",
}
ORGS = {"United Nations", "SCO"}


def article(text: str, id: str = "a") -> Article:
    return Article(id=id, text=text)


def meeting(text: str, *sides: tuple[str | None, str | None], location: str | None = None) -> ArticleFacts:
    parts = [Participant(Entity(p, "person") if p else None, Entity(c, "country") if c else None) for p, c in sides]
    m = Meeting("bilateral", parts, location=Entity(location, "city") if location else None)
    return ArticleFacts(article(text), meetings=[m])


def qids(af: ArticleFacts) -> dict[str, str | None]:
    out = {}
    for m in af.meetings:
        for p in m.participants:
            for e in (p.person, p.party):
                if e:
                    out[e.label] = e.qid
        if m.location:
            out[m.location.label] = m.location.qid
    return out


def gold_facts() -> ArticleFacts:
    """The dev gold as dataclasses, over the bundled corpus text."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = BUNDLED_CORPUS[0].read_text(encoding="utf-8")

    def party(name: str) -> Entity:
        return Entity(name, "organization" if name in ORGS else "country")

    af = ArticleFacts(article(text, "seed"))
    for m in gold["meetings"] + gold["background_meetings"]:
        sides = [Participant(Entity(p["name"], "person") if p.get("name") else None,
                             party(p["country"]) if p.get("country") else None, p.get("role"))
                 for p in m["participants"]]
        af.meetings.append(Meeting(m["kind"], sides, m.get("date"),
                                   Entity(m["location"], "city") if m.get("location") else None))
    for p in gold["partnerships"]:
        af.partnerships.append(Partnership(tuple(Entity(x, "country") for x in p["parties"]), p["level"], p["change"]))
    for e in gold["endorsements"]:
        af.endorsements.append(Endorsement(party(e["party"]), Entity(e["initiative"], "initiative")))
    for s in gold["summits"]:
        af.summits.append(Summit(s["name"], party(s["organization"]) if s.get("organization") else None,
                                 Entity(s["location"], "city") if s.get("location") else None))
    return af


def all_entities(af: ArticleFacts) -> list[Entity]:
    out: list[Entity] = []
    for m in af.meetings:
        out += [e for p in m.participants for e in (p.person, p.party) if e] + ([m.location] if m.location else [])
    for p in af.partnerships:
        out += list(p.parties)
    for e in af.endorsements:
        out += [e.party, e.initiative] + ([e.speaker] if e.speaker else [])
    for s in af.summits:
        out += [x for x in (s.organization, s.location) if x]
    return out


@pytest.mark.skipif(not GOLD.exists(), reason="../shared/dev-gold is not checked out here")
def test_gold_list_above_is_the_dev_gold():
    af = gold_facts()
    named = {(e.kind, e.label) for e in all_entities(af) if e.kind != "initiative"}
    assert named == set(GOLD_QIDS)


@pytest.mark.skipif(not GOLD.exists(), reason="../shared/dev-gold is not checked out here")
def test_dev_gold_entities_link_to_exactly_their_verified_qid():
    af = gold_facts()
    link_facts([af], load_gazetteer())
    for e in all_entities(af):
        expected = None if e.kind == "initiative" else GOLD_QIDS[(e.kind, e.label)]
        assert e.qid == expected, (e.kind, e.label, e.qid)


def test_gold_names_link_by_the_gazetteer_alone():
    # Without the gold file: each name as a full-name label, with its stated country.
    g = load_gazetteer()
    for (kind, label), qid in GOLD_QIDS.items():
        e = Entity(label, kind)  # type: ignore[arg-type]
        link_facts([ArticleFacts(article(label), summits=[Summit("s", organization=e)])], g)
        assert e.qid == qid, label


def test_made_up_person_is_not_linked_but_the_country_is():
    af = meeting("President Foo Barov of Kyrgyzstan met Chinese President Xi Jinping in Astana.",
                 ("Foo Barov", "Kyrgyzstan"), ("Xi Jinping", "China"), location="Astana")
    report = link_facts([af], load_gazetteer())
    assert qids(af) == {"Foo Barov": None, "Kyrgyzstan": "Q813", "Xi Jinping": "Q15031",
                        "China": "Q148", "Astana": "Q1520"}
    assert report.linked == 4 and report.unlinked == 1
    assert [d.label for d in report.unlinked_decisions()] == ["Foo Barov"]


def test_surname_links_only_after_the_full_name():
    g = load_gazetteer()
    backed = meeting("Chinese President Xi Jinping arrived on Tuesday. Xi met Putin.", ("Xi", "China"))
    link_facts([backed], g)
    assert qids(backed)["Xi"] == "Q15031"
    bare = meeting("President Xi met the delegation.", ("Xi", "China"))
    link_facts([bare], g)
    assert qids(bare)["Xi"] is None


def test_surname_shared_with_another_given_name_is_not_linked():
    af = meeting("Vladimir Putin spoke. Later Igor Putin, a regional official, met the guests. Putin said ...",
                 ("Putin", "Russia"))
    link_facts([af], load_gazetteer())
    assert qids(af)["Putin"] is None


def test_surname_first_name_of_another_person_blocks_the_link():
    # Chinese names put the surname first: "Xi Mingze" is not Xi Jinping.
    af = meeting("Xi Jinping arrived with Xi Mingze on Wednesday. Xi said ...", ("Xi", "China"))
    link_facts([af], load_gazetteer())
    assert qids(af)["Xi"] is None


def test_surname_next_to_titles_dates_and_sentence_starts_still_links():
    af = meeting("Russian President Vladimir Putin arrived. Meeting Putin on Wednesday, Xi said the meeting "
                 "went well. On Thursday Putin left; President Putin Thursday said ...", ("Putin", "Russia"))
    link_facts([af], load_gazetteer())
    assert qids(af)["Putin"] == "Q7747"


def test_surname_not_listed_in_the_gazetteer_is_not_linked():
    af = meeting("Chinese Premier Li Qiang arrived. Li said ...", ("Li", "China"))
    link_facts([af], load_gazetteer())
    assert qids(af) == {"Li": None, "China": "Q148"}


def test_contradicting_country_blocks_the_person_link():
    af = meeting("President Vladimir Putin of Kyrgyzstan met ...", ("Vladimir Putin", "Kyrgyzstan"))
    report = link_facts([af], load_gazetteer())
    assert qids(af) == {"Vladimir Putin": None, "Kyrgyzstan": "Q813"}
    assert "represent" in next(d.reason for d in report.decisions if d.label == "Vladimir Putin")


def test_unknown_stated_country_blocks_the_person_link():
    af = meeting("President Xi Jinping of Fooland met ...", ("Xi Jinping", "Fooland"))
    link_facts([af], load_gazetteer())
    assert qids(af) == {"Xi Jinping": None, "Fooland": None}


def test_organisation_a_person_speaks_for_counts_as_their_side():
    af = ArticleFacts(article("Xi Jinping met UN Secretary-General Antonio Guterres."), meetings=[Meeting(
        "bilateral", [Participant(Entity("Xi Jinping", "person"), Entity("China", "country")),
                      Participant(Entity("Antonio Guterres", "person"), Entity("United Nations", "organization"))])])
    link_facts([af], load_gazetteer())
    assert qids(af) == {"Xi Jinping": "Q15031", "China": "Q148", "Antonio Guterres": "Q311440",
                        "United Nations": "Q1065"}


def test_one_bad_occurrence_unlinks_the_label_everywhere():
    good = meeting("Vladimir Putin met Xi Jinping.", ("Vladimir Putin", "Russia"))
    bad = meeting("Vladimir Putin of Mongolia met ...", ("Vladimir Putin", "Mongolia"))
    link_facts([good, bad], load_gazetteer())
    assert qids(good)["Vladimir Putin"] is None and qids(bad)["Vladimir Putin"] is None


def test_role_phrases_never_link_a_person():
    g = load_gazetteer()
    for label in ("President Xi", "the Uzbek president", "UN Secretary-General", "President Xi Jinping"):
        af = meeting("President Xi Jinping met the UN Secretary-General.", (label, None))
        link_facts([af], g)
        assert qids(af)[label] is None, label


def test_kind_must_match():
    af = meeting("Talks in Xi'an.", ("Xi'an", None), location="Xi'an")
    link_facts([af], load_gazetteer())
    persons = [p.person for p in af.meetings[0].participants]
    assert persons[0].qid is None and af.meetings[0].location.qid == "Q5826"


def test_leading_article_and_spelling_variants_link_places_and_organisations():
    af = ArticleFacts(article("x"), summits=[
        Summit("a", Entity("the United Nations", "organization"), Entity("Xi’an", "city")),
        Summit("b", Entity("the Shanghai Cooperation Organization", "organization"), Entity("Nur-Sultan", "city")),
    ], partnerships=[Partnership((Entity("Turkiye", "country"), Entity("Türkiye", "country")), "x", "existing")])
    link_facts([af], load_gazetteer())
    assert [(e.label, e.qid) for e in all_entities(af)] == [
        ("Turkiye", "Q43"), ("Türkiye", "Q43"),
        ("the United Nations", "Q1065"), ("Xi’an", "Q5826"),
        ("the Shanghai Cooperation Organization", "Q485207"), ("Nur-Sultan", "Q1520"),
    ]


def test_demonyms_and_metonyms_are_not_entity_names():
    af = ArticleFacts(article("x"), partnerships=[Partnership(
        (Entity("Kazakh", "country"), Entity("Beijing", "country")), "x", "existing")])
    link_facts([af], load_gazetteer())
    assert [e.qid for e in af.partnerships[0].parties] == [None, None]


def test_initiatives_get_no_qid_and_wrong_qids_are_cleared():
    gci = Entity("Global Civilization Initiative", "initiative", qid="Q123")
    fake = Entity("Sadyr Japarov", "person", qid="Q7747")  # extraction's guess, wrong
    unknown = Entity("Tanzila Narbayeva", "person", qid="Q1")
    af = ArticleFacts(article("Kyrgyz President Sadyr Japarov ..."), endorsements=[
        Endorsement(Entity("Kyrgyzstan", "country"), gci, speaker=fake),
        Endorsement(Entity("Uzbekistan", "country"), Entity("Belt and Road Initiative", "initiative"), speaker=unknown),
    ])
    report = link_facts([af], load_gazetteer())
    assert (gci.qid, fake.qid, unknown.qid) == (None, "Q25597826", None)
    assert ("person", "Sadyr Japarov", "Q7747", "Q25597826") in report.changed


# ---- check_store_qids: the policy, checked on a store --------------------------------------

PREFIXES = """
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix schema: <https://schema.org/> .
@prefix sco: <https://w3id.org/sco-kg/ontology#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix id: <https://w3id.org/sco-kg/id/> .
"""


def store_with(trig: str) -> OxigraphStore:
    import pyoxigraph as ox

    store = OxigraphStore.in_memory()
    store.raw.load(PREFIXES + trig, format=ox.RdfFormat.TRIG)
    store.merge_default_graph()  # as a build does
    return store


def test_check_store_qids_accepts_gazetteer_links():
    store = store_with("""
    <https://w3id.org/sco-kg/graph/article/a> {
      id:person\\/Q15031 a sco:Person ; owl:sameAs wd:Q15031 .
      id:country\\/Q148 a sco:Country ; owl:sameAs wd:Q148 .
      id:organization\\/Q485207 a sco:InternationalOrganization , sco:Organization ; owl:sameAs wd:Q485207 .
      id:person\\/xi a sco:Person .
    }""")
    assert check_store_qids(store) == []  # the bundled gazetteer by default


def test_check_store_qids_reports_unverified_misfiled_and_doubled_links():
    store = store_with("""
    <https://w3id.org/sco-kg/graph/article/a> {
      id:person\\/mirziyoyev a sco:Person ; owl:sameAs wd:Q26244 .
      id:person\\/xi a sco:Person ; owl:sameAs wd:Q148 .
      id:country\\/ru a sco:Country ; owl:sameAs wd:Q159 , wd:Q813 .
      id:city\\/astana a sco:City ; schema:sameAs <https://www.wikidata.org/wiki/Q1520> .
      id:person\\/q a sco:Person ; sco:represents wd:Q99999999 .
    }""")
    assert check_store_qids(store, load_gazetteer()) == [
        "Q148", "Q159", "Q26244", "Q813", "Q99999999", "https://www.wikidata.org/wiki/Q1520",
    ]
