"""Hand-built facts for the RDF tests: real sentences from the SCO 2024 corpus, no spaCy.

Three articles: two Xinhua reports and a roundup that reports the Xi-Japarov meeting again,
so that one meeting has evidence from two articles.
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

KYRGYZ_TEXT = """Xi urges China, Kyrgyzstan to promote high-quality Belt and Road cooperation

ASTANA, July 3 (Xinhua) \u2014 China and Kyrgyzstan should explore new ways of thinking to promote high-quality Belt and Road cooperation to make it continue to deepen and more effective, said Chinese President Xi Jinping here on Wednesday.

Xi made the remarks in his talks with Kyrgyz President Sadyr Japarov ahead of the 24th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization (SCO) in Astana.

Xi said that the two leaders held fruitful talks in Xi\u2019an last May and reached many consensuses on China-Kyrgyzstan relations and bilateral cooperation in various fields.

Japarov said Kyrgyzstan firmly adheres to the one-China principle, adding that Kyrgyzstan welcomes more Chinese enterprises to invest in the country.
"""

AZERBAIJAN_TEXT = """Xi says China, Azerbaijan upgrade bilateral relations to strategic partnership

ASTANA, July 3 (Xinhua) \u2014 China and Azerbaijan have upgraded bilateral relations to strategic partnership, which is a new positioning and a new starting point, Chinese President Xi Jinping said here on Wednesday when meeting with Azerbaijani President Ilham Aliyev ahead of the 24th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization (SCO).

President Aliyev said that Azerbaijan firmly abides by the one-China principle.

Noting that the SCO Astana summit will be held on Thursday, Xi said China supports Kazakhstan in its work as the rotating chair.
"""

ROUNDUP_TEXT = """Important bilateral meetings on sidelines of SCO summit promote multipolarity and regional cooperation

Meeting Kyrgyz President Sadyr Japarov, Xi said that the two leaders held fruitful talks in Xi\u2019an last May and reached a high degree of consensus on China-Kyrgyzstan relations.

This meeting was promptly followed by a visit to Beijing by Maksim Ryzhenkov, the newly appointed Foreign Minister of Belarus.

BEIJING, July 8 (Xinhua) \u2014 Chinese Foreign Minister Wang Yi held talks with Foreign Minister of Belarus Maksim Ryzhenkov in Beijing on Monday.

Wang said that China is willing to work with Belarus to promote the continuous deepening and solidification of the China-Belarus all-weather comprehensive strategic partnership.
"""

XI = Entity("Xi Jinping", "person", "Q15031")
JAPAROV = Entity("Sadyr Japarov", "person", None)
ALIYEV = Entity("Ilham Aliyev", "person", "Q58301")
WANG = Entity("Wang Yi", "person", None)
RYZHENKOV = Entity("Maksim Ryzhenkov", "person", None)
CHINA = Entity("China", "country", "Q148")
KYRGYZSTAN = Entity("Kyrgyzstan", "country", "Q813")
AZERBAIJAN = Entity("Azerbaijan", "country", "Q227")
BELARUS = Entity("Belarus", "country", "Q184")
SCO_ORG = Entity("SCO", "organization", "Q485207")
ASTANA = Entity("Astana", "city", "Q1520")
XIAN = Entity("Xi'an", "city", None)
BEIJING = Entity("Beijing", "city", "Q956")
ONE_CHINA = Entity("one-China principle", "initiative", None)

SUMMIT_NAME = "24th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization"


def evidence(article: Article, sentence: str) -> Evidence:
    start = article.text.index(sentence)
    return Evidence(article.id, start, start + len(sentence), sentence)


def xi_japarov(article: Article, sentence: str, occasion: str | None) -> Meeting:
    return Meeting(
        kind="talks" if "talks" in sentence else "bilateral",
        participants=[Participant(XI, CHINA, "President"), Participant(JAPAROV, KYRGYZSTAN, "President")],
        date="2024-07-03",
        location=ASTANA,
        occasion=occasion,
        evidence=[evidence(article, sentence)],
    )


def kyrgyz_article() -> ArticleFacts:
    a = Article(
        id="xinhua-kyrgyzstan", text=KYRGYZ_TEXT, title=KYRGYZ_TEXT.splitlines()[0],
        url="https://english.news.cn/20240703/kyrgyz/c.html", published="2024-07-03", outlet="Xinhua",
        source="corpus/xinhua-kyrgyzstan.txt", dateline_place="ASTANA", dateline_date="July 3",
        dateline_outlet="Xinhua",
    )
    return ArticleFacts(
        article=a,
        meetings=[
            xi_japarov(
                a,
                "Xi made the remarks in his talks with Kyrgyz President Sadyr Japarov ahead of the 24th Meeting of "
                "the Council of Heads of State of the Shanghai Cooperation Organization (SCO) in Astana.",
                f"ahead of the {SUMMIT_NAME}",
            ),
            Meeting(
                kind="talks",
                participants=[Participant(XI, CHINA, "President"), Participant(JAPAROV, KYRGYZSTAN, "President")],
                date="2023-05",
                location=XIAN,
                background=True,
                evidence=[evidence(a, "Xi said that the two leaders held fruitful talks in Xi\u2019an last May")],
            ),
        ],
        endorsements=[
            Endorsement(
                KYRGYZSTAN, ONE_CHINA, speaker=JAPAROV,
                evidence=[evidence(a, "Japarov said Kyrgyzstan firmly adheres to the one-China principle")],
            )
        ],
        summits=[
            Summit(
                SUMMIT_NAME, organization=SCO_ORG, location=ASTANA, dates=[],
                evidence=[evidence(a, f"ahead of the {SUMMIT_NAME} (SCO) in Astana")],
            )
        ],
    )


def azerbaijan_article() -> ArticleFacts:
    a = Article(
        id="xinhua-azerbaijan", text=AZERBAIJAN_TEXT, title=AZERBAIJAN_TEXT.splitlines()[0],
        published="2024-07-03", outlet="Xinhua", dateline_place="ASTANA", dateline_date="July 3",
        dateline_outlet="Xinhua",
    )
    first = (
        "China and Azerbaijan have upgraded bilateral relations to strategic partnership, which is a new "
        "positioning and a new starting point"
    )
    return ArticleFacts(
        article=a,
        meetings=[
            Meeting(
                kind="bilateral",
                participants=[Participant(XI, CHINA, "President"), Participant(ALIYEV, AZERBAIJAN, "President")],
                date="2024-07-03",
                location=ASTANA,
                occasion=f"ahead of the {SUMMIT_NAME}",
                evidence=[evidence(a, a.text[a.text.index(first):a.text.index("(SCO).") + 6])],
            )
        ],
        partnerships=[
            Partnership((CHINA, AZERBAIJAN), "strategic partnership", "established", "2024-07",
                        evidence=[evidence(a, first)])
        ],
        endorsements=[
            Endorsement(AZERBAIJAN, ONE_CHINA,
                        evidence=[evidence(a, "Azerbaijan firmly abides by the one-China principle")])
        ],
        summits=[
            Summit(SUMMIT_NAME, organization=SCO_ORG, location=ASTANA, dates=["2024-07-04"],
                   evidence=[evidence(a, "Noting that the SCO Astana summit will be held on Thursday")])
        ],
    )


def roundup_article() -> ArticleFacts:
    a = Article(id="roundup/1", text=ROUNDUP_TEXT, title=ROUNDUP_TEXT.splitlines()[0], published="2024-07",
                outlet="Global Times", source="data/sco-astana-2024-roundup.txt")
    return ArticleFacts(
        article=a,
        meetings=[
            xi_japarov(a, "Meeting Kyrgyz President Sadyr Japarov, Xi said", None),
            Meeting(
                kind="talks",
                participants=[Participant(WANG, CHINA, "Foreign Minister"),
                              Participant(RYZHENKOV, BELARUS, "Foreign Minister")],
                date="2024-07-08",
                location=BEIJING,
                evidence=[evidence(
                    a, "Chinese Foreign Minister Wang Yi held talks with Foreign Minister of Belarus Maksim "
                    "Ryzhenkov in Beijing on Monday.")],
            ),
        ],
        partnerships=[
            Partnership((CHINA, BELARUS), "all-weather comprehensive strategic partnership", "existing", None,
                        evidence=[evidence(a, "promote the continuous deepening and solidification of the "
                                           "China-Belarus all-weather comprehensive strategic partnership")])
        ],
    )


def all_articles() -> list[ArticleFacts]:
    return [kyrgyz_article(), azerbaijan_article(), roundup_article()]
