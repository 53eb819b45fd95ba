"""Date expressions resolved against an article's date (no spaCy)."""

from __future__ import annotations

from sco_kg.extract.dates import When, find_dates, resolve
from sco_kg.extract.text import find_dateline, plain_spaces

REF = When(2024, 7, 3)  # a Wednesday


def first(text: str, **kw) -> str | None:
    d = find_dates(text)[0]
    w = resolve(d, REF, **kw)
    return w.iso() if w else None


def test_weekdays_past_and_future():
    assert first("said here on Wednesday") == "2024-07-03"
    assert first("on Monday") == "2024-07-01"
    assert first("will be held on Thursday", future=True) == "2024-07-04"


def test_months_and_years():
    assert first("in Xi'an last May") == "2023-05"
    assert first("this May") == "2024-05"
    assert first("in January") == "2024-01"
    assert first("in May last year") == "2023-05"
    assert first("twice in 2023") == "2023"
    assert first("in September") == "2023-09"  # past reading of a later month


def test_explicit_dates_and_ranges():
    assert first("On July 3, 2024 local time") == "2024-07-03"
    assert first("on July 6-9") == "2024-07"
    assert first("on 4 July") == "2024-07-04"
    assert first("December 30") == "2023-12-30"


def test_ranges_over_two_months_and_months_with_years():
    [d] = find_dates("from August 31 to September 1")
    assert [x.isoformat() for x in d.days(2025)] == ["2025-08-31", "2025-09-01"]
    assert first("on 30 June - 2 July") == "2024"  # no one month
    assert [(x.kind, x.day) for x in find_dates("June 5 and June 7")] == [("date", 5), ("date", 7)]
    assert first("in March 2023, when") == "2023-03"


def test_vague_relative_dates_fix_nothing():
    assert first("just a few days ago") is None
    assert first("earlier in the day") == "2024-07-03"
    assert first("yesterday") == "2024-07-02"
    assert find_dates("They may meet.") == []  # the modal, not the month


def test_datelines_of_several_outlets():
    for text, place, md in (
        ("ASTANA, July 3 (Xinhua) — China and ...", "ASTANA", (7, 3)),
        ("July 4 (MFA) — On July 3, 2024 local time, ...", None, (7, 4)),
        ("MOSCOW, October 22. /TASS/. Russian President ...", "MOSCOW", (10, 22)),
        ("New Delhi, Sep 16 (PTI) External Affairs Minister ...", "New Delhi", (9, 16)),
        ("SAMARKAND, Uzbekistan, Sept. 15 (Xinhua) -- Chinese President Xi Jinping met ...",
         "SAMARKAND", (9, 15)),
        ("Mumbai [India], March 4 (ANI): Defence Minister Rajnath Singh on Tuesday ...",
         "Mumbai", (3, 4)),
        ("BISHKEK (Kazinform) -- President Kassym-Jomart Tokayev met ...", "BISHKEK", None),
    ):
        d = find_dateline(text)
        assert d is not None and (d.place, d.month_day) == (place, md)
    assert find_dateline("Chinese President Xi Jinping held bilateral meetings.") is None


def test_plain_spaces_keep_offsets():
    text = "Russian Foreign Minister\u2002Sergey\u00a0Lavrov"
    assert len(plain_spaces(text)) == len(text) and "\u2002" not in plain_spaces(text)


def test_a_day_month_dateline_fixes_the_reference_date():
    from sco_kg.extract.context import reference_date
    from sco_kg.model import Article

    belta = Article(id="b", text="x", published="2024-06-30", dateline_date="28 June")
    ref = reference_date(belta, None, None)
    assert (ref.year, ref.month, ref.day) == (2024, 6, 28)


def test_the_eve_of_is_the_day_before_the_event_told():
    assert first("On the eve of the summit, Putin called Rahmon") == "2024-07-02"
    assert first("on the eve of the talks", previous=When(2024, 6, 1)) == "2024-05-31"
    assert first("the eve of the talks", previous=When(2024, 6)) == "2024-07-02"


def test_a_sentence_starting_with_in_may_is_a_month_and_may_alone_is_a_verb():
    assert first("In May, Muttaqi held talks in Beijing") == "2024-05"
    assert [d for d in find_dates("May I add that the talks went well") if d.kind == "month"] == []
