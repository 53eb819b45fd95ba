"""The words of diplomatic reporting, as data.

Each function returns one concept's vocabulary; the rules in the sibling modules read these
sets and never spell out a word of their own. Examples are from real readouts (Xinhua, the
Chinese MFA, TASS, the Kremlin, Anadolu, Kazinform, Indian wires).
"""

from __future__ import annotations

from functools import cache


@cache
def meeting_verbs() -> frozenset[str]:
    """Verb forms that report a meeting by themselves.

    "Xi met with Japarov", "Modi meets Putin", "Meeting Kyrgyz President Sadyr Japarov, Xi
    said", "Putin received Pashinyan in the Kremlin".
    """
    return frozenset({"meet", "meets", "met", "meeting",
                      "receive", "receives", "received", "receiving"})


@cache
def receive_verbs() -> frozenset[str]:
    """Verbs whose object is the visitor: "Xi received Lukashenko"."""
    return frozenset({"receive", "receives", "received", "receiving",
                      "host", "hosts", "hosted", "hosting"})


@cache
def meeting_nouns() -> dict[str, str]:
    """Nouns that name a meeting, with the kind they imply ("" = decide by the sides).

    "held talks with", "in a phone call with", "chaired the trilateral consultation among",
    "during a meeting with", "had a telephone conversation with", "said at a joint press
    conference with".
    """
    return {
        "talks": "talks", "talk": "talks", "negotiations": "talks",
        "meeting": "", "meetings": "", "consultation": "", "consultations": "",
        "call": "phone call", "calls": "phone call", "conversation": "phone call",
        "conversations": "phone call",
        "videoconference": "video call", "video-conference": "video call",
        "tête-à-tête": "", "tete-a-tete": "",
        "conference": "",  # "a joint press conference with", "a video conference with"
    }


@cache
def hold_verbs() -> frozenset[str]:
    """Light verbs whose object noun is the meeting: "held talks", "had a phone call"."""
    return frozenset({
        "hold", "holds", "held", "holding", "have", "has", "had", "having",
        "conduct", "conducts", "conducted", "chair", "chairs", "chaired", "chairing",
        "co-chair", "co-chaired", "co-chairs", "attend", "attended", "attends",
        "host", "hosts", "hosted", "hosting", "join", "joined",
    })


@cache
def welcome_verbs() -> frozenset[str]:
    """Verbs of a host meeting a guest in person: "Xi welcomed Putin to Beijing", "greeted
    Modi at the airport"."""
    return frozenset({"welcome", "welcomes", "welcomed", "welcoming", "greet", "greets",
                      "greeted", "greeting"})


@cache
def call_on_verbs() -> frozenset[str]:
    """Verbs of a courtesy call when "on" follows: "Shehbaz Sharif called on President Xi"."""
    return frozenset({"call", "calls", "called", "calling"})


@cache
def co_chair_verbs() -> frozenset[str]:
    """Chairing a session together with someone, who is met: "co-chaired the 26th session of
    the Inter-Governmental Commission with Russian First Deputy Prime Minister Denis
    Manturov" (the tokenizer may also split "co - chaired")."""
    return frozenset({"co-chaired", "co-chair", "co-chairs", "co-chairing", "cochaired"})


@cache
def phone_words() -> frozenset[str]:
    """Words that make a meeting a phone call: "phone call", "telephone conversation"."""
    return frozenset({"phone", "telephone", "phoned", "telephoned", "call", "calls"})


@cache
def video_words() -> frozenset[str]:
    """Words that make a meeting a video call: "via video link", "virtual meeting"."""
    return frozenset({"video", "videoconference", "video-conference", "virtual", "virtually",
                      "online", "video-link"})


@cache
def speak_verbs() -> frozenset[str]:
    """Verbs that report a call when "phone" is near: "Xi spoke by phone with Macron"."""
    return frozenset({"speak", "speaks", "spoke", "spoken", "speaking", "talk", "talks",
                      "talked", "phoned", "telephoned", "called", "calls", "dialled", "dialed"})


@cache
def modal_cues() -> frozenset[str]:
    """Auxiliaries and governing words that make a meeting planned or hypothetical.

    "will meet", "is expected to hold talks", "plans to visit", "looked forward to meeting
    Xi again", "agreed to meet again", "invited him to", "reiterated his offer to host a
    meeting between", "proposed holding talks", "his schedule includes meetings with",
    "postponed the talks with", "requested a meeting with".
    """
    return frozenset({
        "will", "would", "shall", "should", "may", "might", "could", "can", "'ll", "wo",
        "expect", "expected", "expects", "plan", "plans", "planned", "planning",
        "schedule", "scheduled", "hope", "hopes", "hoped", "want", "wants", "wish", "wishes",
        "intend", "intends", "agree", "agreed", "agrees", "invite", "invited", "invites",
        "invitation", "propose", "proposed", "prepare", "prepares", "preparing", "preparation",
        "prepared",  # "Meetings with X and Y are also being prepared"
        "set", "due", "going", "forward", "upcoming", "ahead", "before", "prior",
        "next", "future", "possible", "potential", "likely", "ready", "willing", "seek",
        "seeks", "try", "tries", "aim", "aims", "refuse", "refused", "declined", "if",
        "whether", "unless", "look", "looks", "looking", "looked", "await", "awaits",
        "awaiting", "awaited", "offer", "offers", "offered", "offering", "proposal",
        "proposals", "proposes", "proposing", "suggest", "suggests", "suggested",
        "suggestion", "wanted", "hoping", "intended", "eager", "keen",
        # a schedule, a request, a cancellation or a denial is no meeting held
        "include", "includes", "schedule", "agenda", "programme", "program", "itinerary",
        "cancel", "cancels", "canceled", "cancelled", "postpone", "postpones", "postponed",
        "deny", "denies", "denied", "prospect", "prospects", "sought", "request", "requests",
        "requested", "requesting",
    })


@cache
def negations() -> frozenset[str]:
    """Negators: "did not meet", "never met", "no talks were held"."""
    return frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})


@cache
def habitual_cues() -> frozenset[str]:
    """Adverbs of a recurring, not a single, meeting: "the two leaders meet regularly"."""
    return frozenset({"regularly", "often", "frequently", "repeatedly", "annually", "usually",
                      "times", "every", "each"})


@cache
def background_cues() -> frozenset[str]:
    """Adverbs that mark an earlier meeting: "the two leaders first met in 2013"."""
    return frozenset({"first", "previously", "last", "once", "formerly"})


@cache
def office_heads() -> dict[str, int]:
    """Office words with a rank: the higher rank wins when a title lists several.

    "Member of the Political Bureau ... and Foreign Minister Wang Yi" -> "Foreign Minister".
    """
    return {
        "president": 9, "president-elect": 8, "vice-president": 7, "premier": 9,
        "chancellor": 9, "king": 9, "emir": 9, "amir": 9, "sultan": 9, "prince": 8,
        "minister": 8, "secretary-general": 8, "secretary": 6, "chairman": 8,
        "chairwoman": 8, "chairperson": 8, "chair": 6, "speaker": 8, "governor": 7,
        "mayor": 7, "councillor": 7, "councilor": 7, "ambassador": 7, "envoy": 6,
        "director-general": 7, "director": 5, "commissioner": 6, "head": 4, "leader": 3,
        "vice": 2, "deputy": 2, "member": 1, "adviser": 4, "advisor": 4, "spokesperson": 4,
        "spokesman": 4, "spokeswoman": 4, "senator": 5, "general": 5, "pm": 9, "fm": 8,
        "eam": 8, "monarch": 9, "mp": 4, "chief": 4, "emperor": 9, "empress": 9, "queen": 9,
    }


@cache
def office_abbreviations() -> dict[str, str]:
    """Short forms that wire services use for offices: "PM Modi", "EAM Jaishankar"."""
    return {"pm": "Prime Minister", "fm": "Foreign Minister", "fms": "Foreign Minister",
            "eam": "External Affairs Minister", "sg": "Secretary-General", "un sg":
            "Secretary-General"}


@cache
def title_words() -> frozenset[str]:
    """Capitalised words that belong to a title, not to a name (lower-cased).

    "Foreign Minister of Belarus", "Chairman of the Standing Committee", "Governor of
    Samarkand region".
    """
    return frozenset(set(office_heads()) | {
        "prime", "foreign", "external", "affairs", "state", "first", "crown", "political",
        "bureau", "central", "committee", "standing", "council", "national", "people's",
        "people’s", "congress", "senate", "legislative", "chamber", "assembly", "parliament",
        "party", "general", "executive", "federal", "supreme", "defence", "defense",
        "interior", "finance", "economy", "trade", "commerce", "security", "foreign-affairs",
        "acting", "interim", "former", "incumbent", "newly", "appointed", "elected",
        "his", "her", "majesty", "highness", "excellency", "royal", "region", "province",
        "city", "republic", "kingdom", "emirate", "federation", "organization",
        "organisation", "cooperation", "heads", "government", "governments", "ministry",
        "affairs", "relations", "international", "development", "cabinet", "union",
        "commission", "european", "african", "arab", "league", "secretariat", "office",
        "senior", "special", "representative", "top", "legislator", "diplomat",
        "legislature", "military", "armed", "forces", "navy", "army", "chief", "staff",
        "presidential", "administration", "chairman's", "counterpart", "cpc", "npc",
        "cppcc", "politburo", "emeritus", "honorary", "co-chair", "people", "democratic",
        "islamic", "socialist", "united", "states", "arab", "emirates", "communist", "workers",
        "labour", "labor", "liberal", "conservative", "national", "revolutionary",
        "revolution", "guard", "guards", "corps",
    }) | legislature_words()


@cache
def legislatures() -> dict[str, str]:
    """Parliaments whose name alone says the state a speaker or chairman represents, as a
    demonym would: "Chairman of the Mazhilis Yerlan Koshanov" speaks for Kazakhstan. Only
    names no other state uses ("Majlis", "Senate", "National Assembly" are left out)."""
    return {"state duma": "Russia", "federation council": "Russia", "mazhilis": "Kazakhstan",
            "majilis": "Kazakhstan", "jogorku kenesh": "Kyrgyzstan", "oliy majlis":
            "Uzbekistan", "majlisi milli": "Tajikistan", "majlisi namoyandagon": "Tajikistan",
            "state great khural": "Mongolia", "great khural": "Mongolia", "halk maslahaty":
            "Turkmenistan", "milli majlis":
            "Azerbaijan", "lok sabha": "India", "rajya sabha": "India", "verkhovna rada":
            "Ukraine", "wolesi jirga": "Afghanistan", "meshrano jirga": "Afghanistan",
            "grand national assembly of turkiye": "Türkiye", "grand national assembly of "
            "turkey": "Türkiye", "islamic consultative assembly": "Iran", "knesset": "Israel",
            "bundestag": "Germany", "national assembly of belarus": "Belarus", "house of "
            "representatives of belarus": "Belarus", "council of the republic": "Belarus"}


@cache
def legislature_words() -> frozenset[str]:
    """Words of parliaments' own names, which a title holds before the holder's name:
    "Chairman of the Mazhilis Yerlan Koshanov", "Speaker of the Jogorku Kenesh Nurlanbek
    Shakiev", "Chairman of the State Great Khural Dashzegviin Amarbayasgalan", "Speaker of
    the Lok Sabha Om Birla", "Chairman of the Verkhovna Rada"."""
    return frozenset({"duma", "mazhilis", "majilis", "jogorku", "kenesh", "oliy", "majlis",
                      "majlisi", "milli", "namoyandagon", "khural", "hural", "verkhovna",
                      "rada", "lok", "rajya", "sabha", "wolesi", "meshrano", "jirga",
                      "mejlis", "kurultai", "bundestag", "sejm", "knesset", "shura", "halk",
                      "maslahaty",
                      "storting", "riksdag", "diet", "seimas", "saeima", "riigikogu"})


@cache
def honorifics() -> frozenset[str]:
    """Honorifics dropped from names: "Dr. Subrahmanyam Jaishankar", "H.E. Mr. Vladimir
    Putin", "Prime Minister Shri Narendra Modi", "Smt. Droupadi Murmu", "Rt. Hon. Keir
    Starmer", "His Excellency".

    Only pure honorifics: "Sheikh" is left in, as it is part of many names ("Sheikh
    Hasina", "Sheikh Mohamed bin Zayed"). "Sri" counts only before a name, never in "Sri
    Lanka" (see ``people.is_honorific``).
    """
    return frozenset({"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.",
                      "h.e.", "h.e", "he", "sir", "madam", "madame", "lord", "mx", "mx.",
                      "excellency", "shri", "shri.", "shree", "sri", "sri.", "smt", "smt.",
                      "shrimati", "hon", "hon.", "honourable", "honorable", "rt", "rt.",
                      # "Foreign Minister Seyyed Abbas Araghchi", "Sayyid Badr Albusaidi"
                      "sayyid", "seyyed", "sayyed", "seyed", "sayed",
                      # "Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei"
                      "ayatollah", "hojatoleslam",
                      # "Mullah Abdul Ghani Baradar", "Maulana Fazlur Rehman"
                      "mullah", "mawlawi", "maulvi", "maulana"}) | military_ranks()


@cache
def military_ranks() -> frozenset[str]:
    """Ranks written before a name, dropped from it like honorifics: "Chinese counterpart Gen
    Wei Fenghe", "Adm. Dong Jun", "Colonel General Sergei Rudskoy", "Lt Gen Ahmed Sharif"."""
    return frozenset({"gen", "gen.", "lt", "lt.", "col", "col.", "brig", "brig.", "adm", "adm.",
                      "admiral", "marshal", "colonel", "lieutenant", "brigadier", "capt",
                      "capt.", "captain"})


@cache
def rank_prefixes() -> frozenset[str]:
    """Words that start a rank only before one: "Army General", "Field Marshal", "Vice
    Admiral", "Major General"."""
    return frozenset({"army", "field", "vice", "rear", "major", "fleet"})


@cache
def headline_verbs() -> frozenset[str]:
    """Capitalised verbs of headlines that are not names: "Wang Yi Meets with ..."."""
    return frozenset({"meets", "meet", "meeting", "holds", "hold", "held", "talks", "says",
                      "said", "urges", "calls", "hails", "receives", "received", "chairs",
                      "pays", "visits", "visit", "congratulates", "speaks", "discuss",
                      "discusses", "sign", "signs", "attends", "and", "with", "for", "on",
                      "in", "to", "of", "at", "the", "a", "an", "during", "when", "while",
                      "after", "before", "as", "by", "from", "also", "his", "her", "their",
                      "its", "our", "this", "that", "these", "those", "noting", "congratulating",
                      "thanking", "welcoming", "stressing", "addressing", "following",
                      "regarding", "telephone", "phone", "video", "president", "presidents",
                      "over", "via", "between", "among", "amid", "it", "he", "she", "they",
                      "we", "i", "you", "facing", "according", "under", "both", "all",
                      "trilateral", "bilateral", "joint", "leaders", "seventy", "good",
                      "under", "relevant", "however", "following", "recently", "since"})


@cache
def group_role_nouns() -> dict[str, str]:
    """Plural nouns for several office-holders, with the singular office.

    "the Presidents of Kyrgyzstan, Azerbaijan, Uzbekistan and Russia", "Chinese, Belarusian
    FMs", "the foreign ministers of China, Russia, and Mongolia".
    """
    return {
        "presidents": "President", "leaders": "", "heads": "", "premiers": "Premier",
        "ministers": "Minister", "fms": "Foreign Minister", "counterparts": "",
        "prime ministers": "Prime Minister", "foreign ministers": "Foreign Minister",
        "speakers": "Speaker", "chairmen": "Chairman", "kings": "King",
        "top diplomats": "Foreign Minister", "diplomats": "",
    }


@cache
def pair_references() -> frozenset[str]:
    """Nouns that, after "the two"/"both"/"the three", name the sides of the current meeting.

    "the two leaders held fruitful talks in Xi'an last May", "the two heads of state".
    """
    return frozenset({"leaders", "presidents", "heads", "sides", "men", "ministers",
                      "countries", "statesmen", "counterparts", "parties", "delegations",
                      "premiers", "diplomats", "officials", "nations"})


@cache
def reporting_verbs() -> frozenset[str]:
    """Verbs that introduce a speaker's words ("X said", "noted", "stressed")."""
    return frozenset({
        "say", "says", "said", "saying", "note", "noted", "notes", "noting", "stress",
        "stressed", "stresses", "add", "added", "adding", "point", "pointed", "urge", "urged",
        "urges", "call", "called", "emphasize", "emphasized", "emphasise", "emphasised",
        "tell", "told", "state", "stated", "remark", "remarked", "express", "expressed",
        "hope", "hoped", "underline", "underlined", "believe", "believes", "recall",
        "recalled", "recalling", "thank", "thanked", "made", "make", "welcomed",
    })


@cache
def national_offices() -> dict[str, str]:
    """Offices one state names its own way, and what a counterpart elsewhere holds: "External
    Affairs Minister S Jaishankar spoke to his Iranian counterpart" (a Foreign Minister)."""
    return {"external affairs minister": "Foreign Minister",
            "minister of external affairs": "Foreign Minister",
            "secretary of state": "Foreign Minister",
            "raksha mantri": "Defence Minister"}


def counterpart_office(role: str | None) -> str | None:
    """The office of someone's counterpart: the same office, in the general name."""
    if role is None:
        return None
    return national_offices().get(role.lower(), role)


@cache
def outlet_states() -> dict[str, str]:
    """The state whose officials an outlet names without their state: PTI's "Defence Minister
    Rajnath Singh held talks with his Chinese counterpart" is India's minister; Xinhua's
    "Premier Li Qiang" is China's. Wire services of no one state (Reuters, AP, AFP) are
    left out."""
    states = {
        "India": ("pti", "ani", "ians", "mea", "the hindu", "hindustan times", "ddnews",
                  "press information bureau", "ministry of external affairs"),
        "China": ("xinhua", "cgtn", "china daily", "global times", "people's daily",
                  "chinese mfa", "cctv", "ministry of foreign affairs of china"),
        "Russia": ("tass", "ria novosti", "ria", "kremlin", "sputnik", "interfax", "rt"),
        "Pakistan": ("app", "dawn", "the express tribune", "express tribune", "radio pakistan",
                     "mofa", "pakistan mofa", "geo news", "the news"),
        "Iran": ("irna", "press tv", "tehran times", "mehr", "tasnim", "isna"),
        "Kazakhstan": ("kazinform", "akorda", "kazakh tv", "astana times"),
        "Kyrgyzstan": ("kabar", "akipress", "24.kg"),
        "Uzbekistan": ("uza", "dunyo", "dunya", "kun.uz"),
        "Tajikistan": ("khovar", "asia-plus"),
        "Belarus": ("belta", "belarus mfa"),
        "Türkiye": ("anadolu", "aa", "daily sabah", "trt", "trt world", "hurriyet"),
        "Mongolia": ("montsame",),
        "Azerbaijan": ("trend", "azertac", "apa"),
        "Japan": ("kyodo", "nhk"),
    }
    return {name: state for state, names in states.items() for name in names}


@cache
def relation_nouns() -> frozenset[str]:
    """People named by their relation to another, the name in apposition: "his host, Uzbek
    President Islam Karimov", "Pezeshkian's predecessor, Ebrahim Raisi"."""
    return frozenset({"host", "hosts", "guest", "guests", "predecessor", "successor", "envoy",
                      "aide", "adviser", "advisor", "spokesman", "spokesperson", "spokeswoman",
                      "deputy", "wife", "husband", "son", "daughter", "representative",
                      "father", "brother"})

