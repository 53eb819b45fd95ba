"""The facts as plain data.

spaCy's output becomes these dataclasses before any RDF is made, so that extraction,
linking, the RDF mapping and evaluation can each be tested on their own. Field names follow
the annotation guide (../shared/annotation-guide.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityKind = Literal["person", "country", "organization", "city", "initiative"]
MeetingKind = Literal[
    "bilateral", "trilateral", "multilateral", "talks", "phone call", "video call", "state visit"
]
MEETING_KINDS: tuple[str, ...] = (
    "bilateral", "trilateral", "multilateral", "talks", "phone call", "video call", "state visit",
)
PartnershipChange = Literal["established", "upgraded", "existing"]
PARTNERSHIP_CHANGES: tuple[str, ...] = ("established", "upgraded", "existing")


@dataclass(frozen=True)
class Article:
    """One article: ``text`` is stored verbatim; every offset points into it.

    ``dateline_*`` come from a lead such as ``ASTANA, July 3 (Xinhua) —``: the place as
    written, the month and day without a year (``"July 3"``), and the outlet tag.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    outlet: str | None = None
    source: str | None = None  # file the article was read from
    dateline_place: str | None = None
    dateline_date: str | None = None
    dateline_outlet: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A sentence that states a fact: ``article.text[start:end] == quote``."""

    article_id: str
    start: int
    end: int
    quote: str


@dataclass
class Entity:
    """A named thing: ``label`` is the canonical or fullest name; ``qid`` only when certain."""

    label: str
    kind: EntityKind
    qid: str | None = None


@dataclass
class Participant:
    """One side of a meeting: a person, or only a country when the text names none."""

    person: Entity | None
    party: Entity | None  # the state or organisation represented
    role: str | None = None  # the office as stated: "President", "Foreign Minister"


@dataclass
class Meeting:
    kind: str  # one of MEETING_KINDS
    participants: list[Participant]
    date: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    location: Entity | None = None
    occasion: str | None = None
    background: bool = False  # an earlier meeting mentioned in passing
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Partnership:
    parties: tuple[Entity, Entity]
    level: str  # the phrase as written, lower case, without "the"
    change: str  # one of PARTNERSHIP_CHANGES
    when: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Endorsement:
    party: Entity  # the endorsing country or organisation
    initiative: Entity  # canonical English name
    speaker: Entity | None = None  # the person speaking for the party, when named
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Summit:
    name: str  # as stated, with its ordinal when given
    organization: Entity | None = None
    location: Entity | None = None
    dates: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    meetings: list[Meeting] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)
    endorsements: list[Endorsement] = field(default_factory=list)
    summits: list[Summit] = field(default_factory=list)
