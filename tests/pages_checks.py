"""Basic accessibility checks on a page's HTML, shared by the page and browser tests:
one ``h1``, ``lang`` on the document, a label for every form control, ``alt`` on every
image, and a role and title on every SVG picture."""

from __future__ import annotations

from html.parser import HTMLParser

CONTROLS = {"input", "textarea", "select"}
UNLABELLED_INPUTS = {"hidden", "submit", "button", "reset", "image"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.h1 = 0
        self.lang: str | None = None
        self.label_for: set[str] = set()
        self.controls: list[dict[str, str | None]] = []
        self.images: list[dict[str, str | None]] = []
        self.svgs: list[dict[str, str | None]] = []
        self.svg_titles = 0
        self.in_svg = 0
        self.in_label = 0
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "label":
            self.in_label += 1
            if a.get("for"):
                self.label_for.add(a["for"] or "")
        elif tag in CONTROLS:
            if not (tag == "input" and (a.get("type") or "text") in UNLABELLED_INPUTS):
                self.controls.append(a | {"_tag": tag, "_wrapped": "1" if self.in_label else None})
        elif tag == "img":
            self.images.append(a)
        elif tag == "svg":
            self.in_svg += 1
            self.svgs.append(a)
        elif tag == "title" and self.in_svg:
            self.svg_titles += 1
        elif tag == "script":
            self.scripts.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self.in_svg -= 1
        elif tag == "label":
            self.in_label -= 1


def a11y_problems(html: str) -> list[str]:
    page = _Page()
    page.feed(html)
    problems = []
    if page.h1 != 1:
        problems.append(f"{page.h1} h1 elements (want 1)")
    if not page.lang:
        problems.append("no lang on <html>")
    for c in page.controls:
        if not (c.get("id") in page.label_for or c.get("aria-label") or c.get("aria-labelledby") or c.get("_wrapped")):
            problems.append(f"unlabelled {c['_tag']} {c.get('id') or c.get('name')}")
    for img in page.images:
        if img.get("alt") is None:
            problems.append(f"img without alt: {img.get('src')}")
    for svg in page.svgs:
        if svg.get("role") != "img" or not (svg.get("aria-labelledby") or svg.get("aria-label")):
            problems.append("svg without role=img and a label")
    if page.svgs and page.svg_titles < len(page.svgs):
        problems.append("svg without <title>")
    return problems


def scripts(html: str) -> list[dict[str, str | None]]:
    """The <script> elements of a page (to check that only our own bundled script runs)."""
    page = _Page()
    page.feed(html)
    return page.scripts
