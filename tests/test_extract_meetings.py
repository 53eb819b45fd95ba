"""Meetings in the shapes readouts take, from several outlets, and sentences that must not
produce a meeting. The spaCy pipeline is loaded once per process (load_pipeline is cached)."""

from __future__ import annotations

import pytest

from sco_kg.extract import extract_corpus, load_pipeline
from sco_kg.model import Article


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def read(nlp, text: str, *, published: str | None = None, place: str | None = None,
         date: str | None = None, outlet: str | None = None, aid: str = "t/1"):
    article = Article(id=aid, text=text, published=published, dateline_place=place,
                      dateline_date=date, dateline_outlet=outlet, source="t.txt")
    return extract_corpus([article], nlp)[0]


def sides(meeting) -> set[str]:
    return {p.person.label if p.person else f"@{p.party.label}" for p in meeting.participants}


def by_people(facts, *names: str):
    found = [m for m in facts.meetings if sides(m) == set(names)]
    assert found, f"no meeting of {names}: {[sorted(sides(m)) for m in facts.meetings]}"
    assert len(found) == 1, f"{len(found)} meetings of {names}"
    return found[0]


def test_xinhua_lead_with_dateline_weekday_and_here(nlp):
    text = ("ASTANA, July 3 (Xinhua) — China and Azerbaijan have upgraded bilateral relations "
            "to strategic partnership, Chinese President Xi Jinping said here on Wednesday when "
            "meeting with Azerbaijani President Ilham Aliyev ahead of the SCO summit.")
    facts = read(nlp, text, published="2024-07-03", place="ASTANA", date="July 3",
                 outlet="Xinhua")
    m = by_people(facts, "Xi Jinping", "Ilham Aliyev")
    assert (m.date, m.location.label, m.kind) == ("2024-07-03", "Astana", "bilateral")
    roles = {p.person.label: (p.party.label, p.role) for p in m.participants}
    assert roles == {"Xi Jinping": ("China", "President"),
                     "Ilham Aliyev": ("Azerbaijan", "President")}
    assert m.location.qid == "Q1520" and m.participants[1].person.qid == "Q15031"
    ev = m.evidence[0]
    assert facts.article.text[ev.start:ev.end] == ev.quote


def test_tass_talks_in_the_kremlin_weekday_from_publication(nlp):
    text = ("MOSCOW, October 22. /TASS/. Russian President Vladimir Putin held talks with "
            "Indian Prime Minister Narendra Modi in Kazan on Tuesday. The two leaders discussed "
            "trade.")
    facts = read(nlp, text, published="2024-10-22")
    m = by_people(facts, "Vladimir Putin", "Narendra Modi")
    assert (m.kind, m.date, m.location.label) == ("talks", "2024-10-22", "Kazan")
    assert {p.role for p in m.participants} == {"President", "Prime Minister"}


def test_fronted_participle_and_apposition_office(nlp):
    text = ("Meeting with Ilham Aliyev, President of Azerbaijan, Xi said that the two sides "
            "should deepen cooperation.")
    facts = read(nlp, text, published="2024-07-03")
    m = by_people(facts, "Xi Jinping", "Ilham Aliyev")
    assert [p.party.label for p in m.participants if p.person.label == "Ilham Aliyev"] == [
        "Azerbaijan"]


def test_kremlin_transcript_header_and_speaker_lines(nlp):
    text = ("Vladimir Putin met with President of Kyrgyzstan Sadyr Japarov in the Kremlin.\n\n"
            "Vladimir Putin: Mr President, friends, I am glad to see you.\n\n"
            "Sadyr Japarov (retranslated): Thank you, Mr President.")
    facts = read(nlp, text, published="2024-05-21")
    m = by_people(facts, "Vladimir Putin", "Sadyr Japarov")
    assert m.date == "2024-05-21"
    assert {p.party.label for p in m.participants if p.party} >= {"Kyrgyzstan"}


def test_photo_caption_present_tense_with_full_date(nlp):
    text = ("Chinese President Xi Jinping meets with Kyrgyz President Sadyr Japarov, who is in "
            "Kazakhstan for the SCO summit, in Astana, Kazakhstan, July 3, 2024. (Xinhua/Ju Peng)")
    facts = read(nlp, text)
    m = by_people(facts, "Xi Jinping", "Sadyr Japarov")
    assert (m.date, m.location.label) == ("2024-07-03", "Astana")


def test_phone_call_readout(nlp):
    text = ("BEIJING, Aug. 9 (Xinhua) — Chinese President Xi Jinping held a phone call with "
            "Brazilian President Luiz Inacio Lula da Silva on Friday.")
    facts = read(nlp, text, published="2024-08-09", place="BEIJING", date="Aug. 9")
    m = by_people(facts, "Xi Jinping", "Luiz Inacio Lula da Silva")
    assert (m.kind, m.date) == ("phone call", "2024-08-09")


def test_spoke_by_phone(nlp):
    text = "Turkish President Recep Tayyip Erdogan spoke by phone with Russian President Vladimir Putin on Monday."
    facts = read(nlp, text, published="2024-06-05")
    m = by_people(facts, "Recep Tayyip Erdogan", "Vladimir Putin")
    assert (m.kind, m.date) == ("phone call", "2024-06-03")


def test_indian_wire_headline_style_body(nlp):
    text = ("NEW DELHI, Sep 16 (PTI) — External Affairs Minister S Jaishankar met his Chinese "
            "counterpart Wang Yi in Samarkand on Thursday, officials said.")
    facts = read(nlp, text, published="2022-09-16")
    m = by_people(facts, "S Jaishankar", "Wang Yi")
    assert (m.date, m.location.label) == ("2022-09-15", "Samarkand")
    roles = {p.person.label: p.role for p in m.participants}
    assert roles["Wang Yi"] == "External Affairs Minister" or roles["Wang Yi"] is None \
        or roles["Wang Yi"] == "Foreign Minister"
    assert {p.party.label for p in m.participants if p.party} >= {"China"}


def test_received_is_a_meeting(nlp):
    text = ("Kazakh President Kassym-Jomart Tokayev received Chinese Foreign Minister Wang Yi "
            "in Astana on Monday.")
    facts = read(nlp, text, published="2025-02-24")
    m = by_people(facts, "Kassym-Jomart Tokayev", "Wang Yi")
    assert (m.date, m.location.label) == ("2025-02-24", "Astana")


def test_ministers_talks_headline_demonyms_resolve_to_people(nlp):
    text = ("Chinese, Belarusian FMs hold talks in Beijing\n\n"
            "BEIJING, July 8 (Xinhua) — Chinese Foreign Minister Wang Yi held talks with Foreign "
            "Minister of Belarus Maksim Ryzhenkov in Beijing on Monday.")
    facts = read(nlp, text, published="2024-07-08")
    assert len(facts.meetings) == 1
    m = by_people(facts, "Wang Yi", "Maksim Ryzhenkov")
    assert len(m.evidence) == 2 and m.date == "2024-07-08"


def test_trilateral_consultation_among_foreign_ministers(nlp):
    text = ("On July 3, 2024 local time, Foreign Minister Wang Yi chaired the trilateral "
            "consultation among the foreign ministers of China, Russia, and Mongolia in Astana, "
            "during which he discussed trilateral cooperation with Russian Foreign Minister "
            "Sergey Lavrov and Mongolian Foreign Minister Battsetseg Batmunkh.")
    facts = read(nlp, text)
    m = by_people(facts, "Wang Yi", "Sergey Lavrov", "Battsetseg Batmunkh")
    assert (m.kind, m.date, m.location.label) == ("trilateral", "2024-07-03", "Astana")
    assert len(facts.meetings) == 1  # "discussed ... with" is part of the consultation


def test_trilateral_meeting_of_named_countries_only(nlp):
    text = ("A trilateral meeting of China, Russia and Mongolia was held in Dushanbe on "
            "September 11, 2014.")
    facts = read(nlp, text)
    m = by_people(facts, "@China", "@Russia", "@Mongolia")
    assert (m.kind, m.date) == ("trilateral", "2014-09-11")


def test_bilateral_and_trilateral_same_day_stay_distinct(nlp):
    text = ("On July 3, 2024, Wang Yi chaired a trilateral meeting with Russian Foreign Minister "
            "Sergey Lavrov and Mongolian Foreign Minister Battsetseg Batmunkh in Astana. In a "
            "separate bilateral meeting the same day with Mongolian Foreign Minister Battsetseg "
            "Batmunkh, Chinese Foreign Minister Wang Yi said the two countries are neighbours.")
    facts = read(nlp, text)
    assert len(facts.meetings) == 2
    assert by_people(facts, "Wang Yi", "Battsetseg Batmunkh").date == "2024-07-03"
    assert by_people(facts, "Wang Yi", "Sergey Lavrov", "Battsetseg Batmunkh").kind == "trilateral"


def test_two_talks_on_different_days_stay_distinct(nlp):
    text = ("Chinese Foreign Minister Wang Yi held talks with Russian Foreign Minister Sergey "
            "Lavrov in Beijing on April 9, 2024. Wang Yi held talks with Sergey Lavrov again in "
            "Astana on July 3, 2024.")
    facts = read(nlp, text)
    dates = sorted(m.date for m in facts.meetings)
    assert dates == ["2024-04-09", "2024-07-03"]


def test_respectively_makes_separate_meetings_and_visit_month(nlp):
    text = ("TASHKENT, July 9 (Xinhua) — At the invitation of Tanzila Narbayeva, chairperson of "
            "the Senate of Uzbekistan, China's top legislator Zhao Leji paid an official "
            "goodwill visit to Uzbekistan on July 6-9.\n\nDuring the visit, Zhao, chairman of "
            "China's National People's Congress (NPC) Standing Committee, met with Uzbek "
            "President Shavkat Mirziyoyev and held talks with Narbayeva and Nurdinjon Ismoilov "
            "respectively in Tashkent.\n\nDuring a meeting with Governor of Samarkand region "
            "Erkinjon Turdimov, Zhao said that China is willing to promote local cooperation.")
    facts = read(nlp, text, published="2024-07-09", place="TASHKENT", date="July 9")
    assert len(facts.meetings) == 4
    for name in ("Shavkat Mirziyoyev", "Tanzila Narbayeva", "Nurdinjon Ismoilov"):
        m = by_people(facts, "Zhao Leji", name)
        assert (m.date, m.location.label) == ("2024-07", "Tashkent")
    gov = by_people(facts, "Zhao Leji", "Erkinjon Turdimov")
    assert gov.location is None and gov.date == "2024-07"
    assert {p.party.label for p in gov.participants if p.party} == {"China", "Uzbekistan"}
    roles = {p.person.label: p.role for p in gov.participants}
    assert roles["Erkinjon Turdimov"] == "Governor of Samarkand region"
    assert "Standing Committee" in roles["Zhao Leji"]


def test_coreference_short_names_and_the_two_leaders(nlp):
    text = ("ASTANA, July 3 (Xinhua) — Xi made the remarks in his talks with Kyrgyz President "
            "Sadyr Japarov in Astana on Wednesday. Xi said that the two leaders held fruitful "
            "talks in Xi'an last May. Japarov said the ties are rock-solid.")
    facts = read(nlp, text, published="2024-07-03")
    current = [m for m in facts.meetings if not m.background]
    background = [m for m in facts.meetings if m.background]
    assert len(current) == 1 and sides(current[0]) == {"Xi Jinping", "Sadyr Japarov"}
    assert len(background) == 1
    assert (background[0].date, background[0].location.label) == ("2023-05", "Xi'an")


def test_state_visit_mentioned_in_passing_is_background(nlp):
    text = ("ASTANA, July 3 (Xinhua) — Chinese President Xi Jinping met with Russian President "
            "Vladimir Putin on Wednesday. He noted that President Putin paid a successful state "
            "visit to China this May.")
    facts = read(nlp, text, published="2024-07-03")
    visit = [m for m in facts.meetings if m.kind == "state visit"]
    assert len(visit) == 1 and visit[0].background and visit[0].date == "2024-05"
    assert sides(visit[0]) == {"Xi Jinping", "Vladimir Putin"}


def test_first_met_is_background_not_current(nlp):
    text = ("Chinese President Xi Jinping and Russian President Vladimir Putin first met in "
            "2013, Xinhua said.")
    facts = read(nlp, text, published="2024-07-03")
    assert [m.background for m in facts.meetings] == [True]
    assert facts.meetings[0].date == "2013"


@pytest.mark.parametrize("sentence", [
    "Chinese President Xi Jinping will meet Russian President Vladimir Putin in Kazan next week.",
    "Putin is expected to hold talks with Xi Jinping on the sidelines of the summit.",
    "Chinese President Xi Jinping plans to meet Turkish President Recep Tayyip Erdogan.",
    "Indian Prime Minister Narendra Modi invited Vladimir Putin to visit New Delhi.",
    "At the invitation of Kazakh President Kassym-Jomart Tokayev, Chinese President Xi Jinping "
    "will pay a state visit to Kazakhstan.",
    "Vladimir Putin said he looked forward to meeting Xi Jinping in Beijing.",
    "Russian President Vladimir Putin did not meet Ukrainian President Volodymyr Zelensky.",
    "Chinese President Xi Jinping and Russian President Vladimir Putin meet regularly.",
    "Ahead of his meeting with Xi Jinping, Vladimir Putin told reporters that ties were strong.",
    "Chinese leaders, together with leaders from India and Myanmar, jointly advocated the Five "
    "Principles of Peaceful Coexistence.",
    "Chinese Foreign Minister Wang Yi, who accompanied President Xi Jinping, also held a number "
    "of separate meetings in Astana.",
    "The two sides agreed to hold a new round of consultations on the boundary issue at an early "
    "date.",
    "Xi Jinping will attend the summit and hold talks with Kassym-Jomart Tokayev.",
    "Indian Prime Minister Narendra Modi and Chinese President Xi Jinping are scheduled to meet "
    "on Thursday.",
    "No meeting between Modi and Xi was planned.",
    "The two presidents have met more than 40 times.",
    "Russian President Vladimir Putin met with reporters after the talks.",
    "The leaders of the SCO member states met in Astana on Thursday.",
])
def test_sentences_that_are_not_meetings(nlp, sentence):
    facts = read(nlp, sentence, published="2024-07-03")
    assert [m for m in facts.meetings if not m.background] == []


def test_one_meeting_reported_by_two_articles_has_identical_identity(nlp):
    a = Article(id="c/1", source="c.txt", text=(
        "On July 4, Xi Jinping met with the Presidents of Belarus and Türkiye.\n\nMeeting "
        "President Alexander Lukashenko, Xi said relations will develop."))
    b = Article(id="c/2", source="c.txt", published="2024-07-04", dateline_place="ASTANA",
                dateline_date="July 4", text=(
        "ASTANA, July 4 (Xinhua) — Chinese President Xi Jinping said here Thursday that ties "
        "will grow.\n\nXi made the remarks when meeting with Belarusian President Alexander "
        "Lukashenko on the sidelines of the Shanghai Cooperation Organization summit in Astana."))
    fa, fb = extract_corpus([a, b], nlp)
    ma = [m for m in fa.meetings if "Alexander Lukashenko" in sides(m)]
    mb = [m for m in fb.meetings if "Alexander Lukashenko" in sides(m)]
    assert len(ma) == 1 and len(mb) == 1
    assert len(ma[0].evidence) == 2  # the summary sentence and the participle
    ident = lambda m: (m.kind, m.date, m.location.label if m.location else None, m.occasion,
                       [(p.person.label, p.party.label, p.role) for p in m.participants])
    assert ident(ma[0]) == ident(mb[0])
    assert ma[0].date == "2024-07-04" and ma[0].location.label == "Astana"


def test_tass_earlier_in_the_day_and_last_met_with_state_visit_is_one_background(nlp):
    text = ("TIANJIN, August 31. /TASS/. Russian President Vladimir Putin has held a meeting with "
            "Chinese President Xi Jinping on the sidelines of the SCO summit in Tianjin.\n\n"
            "Earlier in the day, Putin met with Indian Prime Minister Narendra Modi.\n\n"
            "Putin and Xi last met in May in Moscow, when the Chinese leader paid a state visit "
            "to Russia. The Russian leader will also hold talks with Iranian President Masoud "
            "Pezeshkian on Monday.")
    facts = read(nlp, text, published="2025-08-31")
    current = {frozenset(sides(m)): m for m in facts.meetings if not m.background}
    assert set(current) == {frozenset({"Vladimir Putin", "Xi Jinping"}),
                            frozenset({"Vladimir Putin", "Narendra Modi"})}
    assert current[frozenset({"Vladimir Putin", "Xi Jinping"})].location.label == "Tianjin"
    assert current[frozenset({"Vladimir Putin", "Narendra Modi"})].date == "2025-08-31"
    background = [m for m in facts.meetings if m.background]
    assert len(background) == 1 and background[0].date == "2025-05"


def test_kremlin_full_state_name_in_title(nlp):
    text = ("Vladimir Putin met with President of the People's Republic of China Xi Jinping on "
            "the sidelines of the SCO summit in Samarkand.")
    facts = read(nlp, text, published="2022-09-15")
    m = by_people(facts, "Vladimir Putin", "Xi Jinping")
    assert (m.date, m.location.label) == ("2022-09-15", "Samarkand")
    assert [p.party.label for p in m.participants if p.person.label == "Xi Jinping"] == ["China"]


def test_the_two_ministers_had_last_met(nlp):
    text = ("New Delhi, Jul 4 (PTI) External Affairs Minister S Jaishankar on Thursday held talks "
            "with his Chinese counterpart Wang Yi in Astana. The two ministers had last met in "
            "Jakarta in July last year.")
    facts = read(nlp, text, published="2024-07-04")
    background = [m for m in facts.meetings if m.background]
    assert len(background) == 1
    assert (background[0].date, background[0].location.label) == ("2023-07", "Jakarta")
    assert sides(background[0]) == {"S Jaishankar", "Wang Yi"}


@pytest.mark.parametrize("sentence, people, kind", [
    ("Chinese President Xi Jinping, who met Russian President Vladimir Putin on Monday, said "
     "ties are strong.", {"Xi Jinping", "Vladimir Putin"}, "bilateral"),
    ("Russian Foreign Minister Sergey Lavrov and his Chinese counterpart Wang Yi held talks in "
     "Moscow on Monday.", {"Sergey Lavrov", "Wang Yi"}, "talks"),
    ("Russian President Vladimir Putin and Belarusian President Alexander Lukashenko held a phone "
     "conversation on Monday.", {"Vladimir Putin", "Alexander Lukashenko"}, "phone call"),
    ("In a telephone conversation with Chinese President Xi Jinping on Monday, French President "
     "Emmanuel Macron said Paris wants dialogue.", {"Xi Jinping", "Emmanuel Macron"}, "phone call"),
    ("Li Qiang was received by Uzbek President Shavkat Mirziyoyev in Tashkent on Monday.",
     {"Li Qiang", "Shavkat Mirziyoyev"}, "bilateral"),
    ("Uzbek President Shavkat Mirziyoyev hosted Chinese Premier Li Qiang in Tashkent on Monday.",
     {"Li Qiang", "Shavkat Mirziyoyev"}, "bilateral"),
    ("Turkish President Recep Tayyip Erdogan told Russian President Vladimir Putin during their "
     "meeting on Monday that Türkiye wants peace.", {"Recep Tayyip Erdogan", "Vladimir Putin"},
     "bilateral"),
    ("PM Modi holds bilateral talks with Russian President Vladimir Putin in Kazan",
     {"Narendra Modi", "Vladimir Putin"}, "talks"),
])
def test_more_shapes(nlp, sentence, people, kind):
    facts = read(nlp, sentence, published="2024-10-22")
    assert [(sides(m), m.kind) for m in facts.meetings] == [(people, kind)]
    if "Monday" in sentence:
        assert facts.meetings[0].date == "2024-10-21"


def test_counterparts_from_states_are_separate_meetings_with_the_same_office(nlp):
    facts = read(nlp, "Russian Foreign Minister Sergey Lavrov met with his counterparts from "
                      "Kazakhstan and Uzbekistan in Astana on Monday.", published="2024-10-22")
    assert sorted(sorted(sides(m)) for m in facts.meetings) == [
        ["@Kazakhstan", "Sergey Lavrov"], ["@Uzbekistan", "Sergey Lavrov"]]
    for m in facts.meetings:
        assert {p.role for p in m.participants} == {"Foreign Minister"}
        assert (m.date, m.location.label) == ("2024-10-21", "Astana")
