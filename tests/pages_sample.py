"""A small, hand-made graph for the page tests: two articles about the 2024 Astana summit and
one hostile article full of markup. Facts are written as the annotation guide says, with
evidence offsets found in the text, and go through the real RDF mapping and SHACL validation.
"""

from __future__ import annotations

from sco_kg.model import (
    Article,
    ArticleFacts,
    Endorsement,
    Entity,
    Evidence,
    Meeting,
    Participant,
    Partnership,
    Summit,
)
from sco_kg.pipeline import write_vocabulary
from sco_kg.rdf import RunInfo, article_graph, graph_iri, to_quads
from sco_kg.store import GraphStore, OxigraphStore

RUN = RunInfo(software_version="test", spacy_model="none")

SUMMIT_NAME = "24th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization"

ASTANA_TEXT = (
    "Xi meets leaders in Astana\n\n"
    "ASTANA, July 3 (Xinhua) -- Chinese President Xi Jinping met with Kyrgyz President Sadyr Japarov "
    "in Astana on Wednesday ahead of the 24th Meeting of the Council of Heads of State of the "
    "Shanghai Cooperation Organization (SCO). "
    "The two leaders held fruitful talks in Xi'an last May, Xi recalled.\n\n"
    "Xi also met with Russian President Vladimir Putin in Astana on Wednesday.\n\n"
    "Meeting with Ilham Aliyev, President of Azerbaijan, Xi said that China and Azerbaijan have "
    "upgraded bilateral relations to strategic partnership. "
    "President Aliyev said that Azerbaijan firmly abides by the one-China principle.\n\n"
    "Meeting with Uzbek President Shavkat Mirziyoyev, Xi said that in January China and Uzbekistan "
    "agreed to elevate their ties to an all-weather comprehensive strategic partnership for a new era. "
    "Mirziyoyev said Uzbekistan fully supports the Global Development Initiative and the Global "
    "Security Initiative.\n"
)

SUMMIT_TEXT = (
    "SCO summit opens in Astana\n\n"
    "ASTANA, July 4 (Xinhua) -- The 24th Meeting of the Council of Heads of State of the Shanghai "
    "Cooperation Organization was held in Astana on Thursday. "
    "On the sidelines, Xi Jinping met with Turkish President Recep Tayyip Erdogan on Thursday.\n"
)

HOSTILE_TEXT = (
    "Markup <b>in</b> the news\n\n"
    "TASHKENT, July 8 (Xinhua) -- <script>document.title='pwned';window.pwned=1</script> "
    "Foreign Minister Wang Yi met with <img src=x onerror=\"window.pwned=2\"> Evil Person "
    "<i>in Tashkent</i> on Monday & talked about \"everything\".\n"
)


def ev(article: Article, sentence: str) -> Evidence:
    start = article.text.index(sentence)
    return Evidence(article.id, start, start + len(sentence), sentence)


def person(label: str, qid: str | None = None) -> Entity:
    return Entity(label, "person", qid)


def country(label: str, qid: str | None = None) -> Entity:
    return Entity(label, "country", qid)


XI = person("Xi Jinping", "Q15031")
CHINA = country("China", "Q148")
ASTANA = Entity("Astana", "city", "Q1520")
SCO_ORG = Entity("Shanghai Cooperation Organisation", "organization", "Q485207")


def astana_facts() -> ArticleFacts:
    a = Article(id="astana-2024/1", text=ASTANA_TEXT, title="Xi meets leaders in Astana",
                published="2024-07-03", outlet="Xinhua", dateline_place="ASTANA", dateline_date="July 3",
                dateline_outlet="Xinhua")
    occasion = "ahead of the 24th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization"
    s_japarov = ("Chinese President Xi Jinping met with Kyrgyz President Sadyr Japarov in Astana on Wednesday ahead "
                 "of the 24th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization (SCO).")
    s_putin = "Xi also met with Russian President Vladimir Putin in Astana on Wednesday."
    s_aliyev = ("Meeting with Ilham Aliyev, President of Azerbaijan, Xi said that China and Azerbaijan have "
                "upgraded bilateral relations to strategic partnership.")
    s_onechina = "President Aliyev said that Azerbaijan firmly abides by the one-China principle."
    s_uzbek = ("Meeting with Uzbek President Shavkat Mirziyoyev, Xi said that in January China and Uzbekistan "
               "agreed to elevate their ties to an all-weather comprehensive strategic partnership for a new era.")
    s_gsi = ("Mirziyoyev said Uzbekistan fully supports the Global Development Initiative and the Global "
             "Security Initiative.")
    s_xian = "The two leaders held fruitful talks in Xi'an last May, Xi recalled."
    japarov = person("Sadyr Japarov", "Q25597826")
    kyrgyzstan = country("Kyrgyzstan", "Q813")
    uzbekistan = country("Uzbekistan", "Q265")
    azerbaijan = country("Azerbaijan", "Q227")
    mirziyoyev = person("Shavkat Mirziyoyev")
    aliyev = person("Ilham Aliyev")

    def xi_and(other: Entity, party: Entity, sentence: str) -> Meeting:
        return Meeting("bilateral", [Participant(XI, CHINA, "President"), Participant(other, party, "President")],
                       date="2024-07-03", location=ASTANA, occasion=occasion, evidence=[ev(a, sentence)])

    return ArticleFacts(
        article=a,
        meetings=[
            xi_and(japarov, kyrgyzstan, s_japarov),
            xi_and(person("Vladimir Putin", "Q7747"), country("Russia", "Q159"), s_putin),
            xi_and(aliyev, azerbaijan, s_aliyev),
            xi_and(mirziyoyev, uzbekistan, s_uzbek),
            Meeting("talks", [Participant(XI, CHINA, None), Participant(japarov, kyrgyzstan, None)],
                    date="2023-05", location=Entity("Xi'an", "city"), background=True, evidence=[ev(a, s_xian)]),
        ],
        partnerships=[
            Partnership((CHINA, azerbaijan), "strategic partnership", "established", "2024-07", [ev(a, s_aliyev)]),
            Partnership((CHINA, uzbekistan), "all-weather comprehensive strategic partnership for a new era",
                        "upgraded", "2024-01", [ev(a, s_uzbek)]),
        ],
        endorsements=[
            Endorsement(uzbekistan, Entity("Global Security Initiative", "initiative"), mirziyoyev, [ev(a, s_gsi)]),
            Endorsement(uzbekistan, Entity("Global Development Initiative", "initiative"), mirziyoyev, [ev(a, s_gsi)]),
            Endorsement(azerbaijan, Entity("one-China principle", "initiative"), aliyev, [ev(a, s_onechina)]),
        ],
        summits=[Summit(SUMMIT_NAME, SCO_ORG, ASTANA, ["2024-07-04"],
                        [ev(a, s_japarov)])],
    )


def summit_facts() -> ArticleFacts:
    a = Article(id="astana-2024/2", text=SUMMIT_TEXT, title="SCO summit opens in Astana", published="2024-07-04",
                outlet="Xinhua", dateline_place="ASTANA", dateline_date="July 4", dateline_outlet="Xinhua")
    s_summit = ("The 24th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization was "
                "held in Astana on Thursday.")
    s_erdogan = "On the sidelines, Xi Jinping met with Turkish President Recep Tayyip Erdogan on Thursday."
    return ArticleFacts(
        article=a,
        meetings=[Meeting("bilateral", [Participant(XI, CHINA, "President"),
                                        Participant(person("Recep Tayyip Erdoğan", "Q39259"), country("Türkiye", "Q43"),
                                                    "President")],
                          date="2024-07-04", location=ASTANA, occasion=f"on the sidelines of the {SUMMIT_NAME}",
                          evidence=[ev(a, s_erdogan)])],
        summits=[Summit(SUMMIT_NAME, SCO_ORG, ASTANA, ["2024-07-04"], [ev(a, s_summit)])],
    )


def hostile_facts(article: Article | None = None) -> ArticleFacts:
    """An article whose text and entity names carry markup and script: all must show as text."""
    a = article or Article(id="hostile", text=HOSTILE_TEXT, title="Markup <b>in</b> the news",
                           published="2024-07-08", outlet="<script>alert(1)</script>")
    sentence = a.text[a.text.index("Foreign Minister"):].rstrip("\n")
    evil = person('Evil <img src=x onerror="window.pwned=3"> Person')
    return ArticleFacts(
        article=a,
        meetings=[Meeting("bilateral", [Participant(person("Wang Yi"), CHINA, "Foreign Minister"),
                                        Participant(evil, country("<script>window.pwned=4</script>land"), "Minister")],
                          date="2024-07-08", location=Entity("Tashkent", "city", "Q269"),
                          evidence=[ev(a, sentence)])],
    )


def write(store: GraphStore, facts: list[ArticleFacts]) -> None:
    """Map, validate and store, as the pipeline does, without spaCy."""
    from sco_kg.validate import validate_article

    for f in facts:
        validated = validate_article(article_graph(f, RUN))
        assert not validated.rejections, [r.message for r in validated.rejections]
        store.replace_graph(str(graph_iri(f.article.id)), to_quads(validated.graph))


def sample_store(*, hostile: bool = True, extra: list[ArticleFacts] = ()) -> OxigraphStore:  # type: ignore[assignment]
    store = OxigraphStore.in_memory()
    write_vocabulary(store)
    write(store, [astana_facts(), summit_facts()] + ([hostile_facts()] if hostile else []) + list(extra))
    return store
