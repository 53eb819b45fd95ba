"""Countries and organisations a person can represent, and the cities where meetings are held.

The gazetteer (verified QIDs) comes first; a short list of further states, bodies and
capitals without QIDs lets the extractor read articles about other events ("Turkmen
President", "in Moscow") without inventing identifiers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..gazetteer import fold, load_gazetteer
from ..model import Entity

# label, kind, aliases, demonyms: states and bodies outside the gazetteer (no QIDs).
_MORE_PARTIES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("United States", "country", ("US", "U.S.", "USA", "U.S.A.", "America"), ("American",)),
    ("United Kingdom", "country", ("UK", "U.K.", "Britain", "Great Britain"), ("British",)),
    ("France", "country", (), ("French",)), ("Germany", "country", (), ("German",)),
    ("Japan", "country", (), ("Japanese",)), ("Italy", "country", (), ("Italian",)),
    ("South Korea", "country", ("Republic of Korea", "ROK"), ("South Korean",)),
    ("North Korea", "country", ("DPRK", "Democratic People's Republic of Korea",
                                "Democratic People’s Republic of Korea"), ("North Korean",)),
    ("Turkmenistan", "country", (), ("Turkmen",)), ("Ukraine", "country", (), ("Ukrainian",)),
    ("Spain", "country", (), ("Spanish",)), ("Canada", "country", (), ("Canadian",)),
    ("Australia", "country", (), ("Australian",)),
    ("South Africa", "country", (), ("South African",)),
    ("Ethiopia", "country", (), ("Ethiopian",)), ("Singapore", "country", (), ("Singaporean",)),
    ("Thailand", "country", (), ("Thai",)), ("Philippines", "country", (), ("Philippine", "Filipino")),
    ("Bangladesh", "country", (), ("Bangladeshi",)), ("Georgia", "country", (), ("Georgian",)),
    ("Serbia", "country", (), ("Serbian",)), ("Hungary", "country", (), ("Hungarian",)),
    ("Poland", "country", (), ("Polish",)), ("Israel", "country", (), ("Israeli",)),
    ("Palestine", "country", ("State of Palestine",), ("Palestinian",)),
    ("Syria", "country", (), ("Syrian",)),
    ("Iraq", "country", (), ("Iraqi",)), ("Jordan", "country", (), ("Jordanian",)),
    ("Oman", "country", (), ("Omani",)), ("Algeria", "country", (), ("Algerian",)),
    ("Nigeria", "country", (), ("Nigerian",)), ("Kenya", "country", (), ("Kenyan",)),
    ("Argentina", "country", (), ("Argentine", "Argentinian")),
    ("Mexico", "country", (), ("Mexican",)), ("Cuba", "country", (), ("Cuban",)),
    ("Venezuela", "country", (), ("Venezuelan",)), ("Greece", "country", (), ("Greek",)),
    ("Netherlands", "country", (), ("Dutch",)), ("Switzerland", "country", (), ("Swiss",)),
    ("Austria", "country", (), ("Austrian",)), ("Norway", "country", (), ("Norwegian",)),
    ("Finland", "country", (), ("Finnish",)), ("Portugal", "country", (), ("Portuguese",)),
    ("Slovakia", "country", (), ("Slovak",)), ("Romania", "country", (), ("Romanian",)),
    ("Bhutan", "country", (), ("Bhutanese",)), ("Moldova", "country", (), ("Moldovan",)),
    ("European Union", "organization", ("EU", "E.U."), ()),
    ("ASEAN", "organization", ("Association of Southeast Asian Nations",), ()),
    ("African Union", "organization", ("AU",), ()),
    ("NATO", "organization", ("North Atlantic Treaty Organization",), ()),
    ("Collective Security Treaty Organization", "organization", ("CSTO",), ()),
    ("Commonwealth of Independent States", "organization", ("CIS",), ()),
    ("World Health Organization", "organization", ("WHO",), ()),
    ("International Monetary Fund", "organization", ("IMF",), ()),
    ("Gulf Cooperation Council", "organization", ("GCC",), ()),
    ("Arab League", "organization", ("League of Arab States",), ()),
    ("G20", "organization", ("Group of Twenty", "G-20"), ()),
    ("G7", "organization", ("Group of Seven", "G-7"), ()),
    ("APEC", "organization", ("Asia-Pacific Economic Cooperation",), ()),
    ("Organization of Turkic States", "organization", ("OTS", "Organisation of Turkic States"),
     ()),
    ("CICA", "organization", ("Conference on Interaction and Confidence-Building Measures in "
                              "Asia",), ()),
    ("Organisation of Islamic Cooperation", "organization", ("OIC",), ()),
    ("Organization for Security and Co-operation in Europe", "organization",
     ("OSCE", "Organisation for Security and Co-operation in Europe",
      "Organization for Security and Cooperation in Europe"), ()),
    ("Eurasian Economic Union", "organization", ("EAEU", "EEU"), ()),
    ("BRICS", "organization", (), ()),
    ("Kuwait", "country", (), ("Kuwaiti",)), ("Lebanon", "country", (), ("Lebanese",)),
    ("Libya", "country", (), ("Libyan",)), ("Tunisia", "country", (), ("Tunisian",)),
    ("Morocco", "country", (), ("Moroccan",)), ("Sudan", "country", (), ("Sudanese",)),
    ("Yemen", "country", (), ("Yemeni",)), ("Brunei", "country", (), ("Bruneian",)),
    ("Laos", "country", ("Lao PDR",), ("Lao", "Laotian")),
    ("New Zealand", "country", (), ()), ("Ireland", "country", (), ("Irish",)),
    ("Sweden", "country", (), ("Swedish",)), ("Denmark", "country", (), ("Danish",)),
    ("Belgium", "country", (), ("Belgian",)), ("Czech Republic", "country", ("Czechia",),
                                                ("Czech",)),
    ("Bulgaria", "country", (), ("Bulgarian",)), ("Croatia", "country", (), ("Croatian",)),
    ("Chile", "country", (), ("Chilean",)), ("Peru", "country", (), ("Peruvian",)),
    ("Colombia", "country", (), ("Colombian",)), ("Uganda", "country", (), ("Ugandan",)),
    ("Tanzania", "country", (), ("Tanzanian",)), ("Ghana", "country", (), ("Ghanaian",)),
    ("Senegal", "country", (), ("Senegalese",)), ("Zimbabwe", "country", (), ("Zimbabwean",)),
)

# Organisations that are part of one state (legislatures, parties): their officials represent
# the state, so these never become a participant's party.
_DOMESTIC_BODIES = frozenset({"Q19211", "Q17427", "Q1583318"})

_MORE_CITIES: tuple[str, ...] = (
    "Moscow", "New Delhi", "Delhi", "Ankara", "Istanbul", "Baku", "Minsk", "Ulaanbaatar",
    "Dushanbe", "Islamabad", "Tehran", "Kabul", "Kathmandu", "Yerevan", "Tbilisi",
    "Washington", "London", "Paris", "Berlin", "Tokyo", "Seoul", "Hanoi", "Jakarta",
    "Kuala Lumpur", "Bangkok", "Brasilia", "Rio de Janeiro", "Sochi", "St. Petersburg",
    "Saint Petersburg", "Vladivostok", "Shanghai", "Hangzhou", "Guangzhou", "Shenzhen",
    "Qingdao", "Ufa", "Goa", "Cairo", "Riyadh", "Doha", "Abu Dhabi", "Dubai", "Geneva",
    "New York", "Vientiane", "Phnom Penh", "Male", "Colombo", "Dhaka", "Naypyidaw",
    "Almaty", "Cholpon-Ata", "Ashgabat", "Bukhara", "Khiva", "Osh", "Minsk", "Kyiv",
    "Johannesburg", "Durban", "Addis Ababa", "Manila", "Singapore", "Canberra", "Ottawa",
    "Rome", "Madrid", "Budapest", "Belgrade", "Warsaw", "Vienna", "Brussels", "Bern",
)


@dataclass(frozen=True)
class Party:
    """A state or body a person represents, with its QID when the gazetteer has it."""

    label: str
    kind: str
    qid: str | None = None

    def entity(self) -> Entity:
        return Entity(self.label, self.kind, self.qid)  # type: ignore[arg-type]


@cache
def _party_index() -> dict[str, Party]:
    index: dict[str, Party] = {}
    for entry in load_gazetteer().entries:
        if entry.kind not in ("country", "organization") or entry.qid in _DOMESTIC_BODIES:
            continue
        party = Party(entry.label, entry.kind, entry.qid)
        for name in (*entry.names, *entry.demonyms):
            index.setdefault(fold(name), party)
    for label, kind, aliases, demonyms in _MORE_PARTIES:
        party = Party(label, kind)
        for name in (label, *aliases, *demonyms):
            index.setdefault(fold(name), party)
    return index


@cache
def _domestic_names() -> frozenset[str]:
    gaz = load_gazetteer()
    return frozenset(fold(n) for e in gaz.entries if e.qid in _DOMESTIC_BODIES for n in e.names)


@cache
def _acronyms() -> frozenset[str]:
    """Folded names that are written in capitals only ("UN", "US", "SCO")."""
    names = [n for e in load_gazetteer().entries for n in e.names]
    names += [n for label, _, aliases, _ in _MORE_PARTIES for n in (label, *aliases)]
    return frozenset(fold(n) for n in names if n.replace(".", "").isupper()
                     and len(n.replace(".", "")) <= 6)


def party(word: str) -> Party | None:
    """The state or body that ``word`` names or qualifies: "Kyrgyz", "Türkiye", "UN".

    An acronym counts in capitals only: "UN", not the "Un" of "Kim Jong Un" or "us"."""
    key = fold(word)
    if key.endswith("'s"):
        key = key[:-2]
    if key in _acronyms() and not word.replace("’s", "").replace("'s", "").isupper():
        return None
    return _party_index().get(key)


def is_domestic_body(word: str) -> bool:
    """True for a legislature or party name ("NPC", "Oliy Majlis") that no one represents."""
    return fold(word) in _domestic_names()


@cache
def _city_index() -> dict[str, Entity]:
    index: dict[str, Entity] = {}
    for entry in load_gazetteer().entries:
        if entry.kind == "city":
            for name in entry.names:
                index.setdefault(fold(name), Entity(entry.label, "city", entry.qid))
    for name in _MORE_CITIES:
        index.setdefault(fold(name), Entity(name, "city"))
    return index


# The state of cities where visits are paid: "Erdogan's state visit to Tashkent".
_CITY_STATES = {
    "astana": "Kazakhstan", "nur-sultan": "Kazakhstan", "almaty": "Kazakhstan",
    "tashkent": "Uzbekistan", "samarkand": "Uzbekistan", "bukhara": "Uzbekistan",
    "khiva": "Uzbekistan", "bishkek": "Kyrgyzstan", "cholpon-ata": "Kyrgyzstan",
    "osh": "Kyrgyzstan", "dushanbe": "Tajikistan", "khujand": "Tajikistan",
    "ashgabat": "Turkmenistan", "awaza": "Turkmenistan", "baku": "Azerbaijan",
    "tehran": "Iran", "islamabad": "Pakistan", "lahore": "Pakistan", "new delhi": "India",
    "delhi": "India", "goa": "India", "beijing": "China", "shanghai": "China",
    "tianjin": "China", "qingdao": "China", "xi'an": "China", "xi’an": "China",
    "moscow": "Russia", "sochi": "Russia", "st. petersburg": "Russia",
    "saint petersburg": "Russia", "st petersburg": "Russia", "kazan": "Russia",
    "vladivostok": "Russia", "ufa": "Russia", "minsk": "Belarus", "ulaanbaatar": "Mongolia",
    "ankara": "Türkiye", "istanbul": "Türkiye", "kabul": "Afghanistan", "yerevan": "Armenia",
    "tbilisi": "Georgia", "kathmandu": "Nepal", "colombo": "Sri Lanka", "dhaka": "Bangladesh",
    "pyongyang": "North Korea", "hanoi": "Vietnam", "riyadh": "Saudi Arabia",
    "doha": "Qatar", "abu dhabi": "United Arab Emirates", "cairo": "Egypt",
}


def state_of_city(name: str) -> Party | None:
    """The state a city is in, for the cities visits are paid to."""
    label = _CITY_STATES.get(fold(name))
    return party(label) if label else None


def city(name: str) -> Entity | None:
    """The known city called ``name`` ("ASTANA", "Xi’an", "Nur-Sultan"), else None."""
    return _city_index().get(fold(name))


def city_label(name: str) -> Entity:
    """A city entity for ``name``: the gazetteer's when known, else the name in title case."""
    known = city(name)
    if known:
        return Entity(known.label, "city", known.qid)
    text = " ".join(name.split())
    if text.isupper():
        text = text.title()
    return Entity(text, "city")
