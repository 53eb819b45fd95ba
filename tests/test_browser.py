"""The pages in a real headless Chromium, against the real server on 127.0.0.1.

Debian's ``chromium`` and ``chromium-driver`` drive the browser (``.ci/run`` installs them).
Without them these tests skip, except under CI (``CI`` set), where they fail. Each test saves
a screenshot under ``test-artefacts/browser/`` at the repository root.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import httpx
import pytest
import rdflib

from pages_sample import HOSTILE_TEXT, hostile_facts, sample_store
from sco_kg.ingest import read_articles
from sco_kg.paths import ROOT

ARTEFACTS = ROOT / "test-artefacts" / "browser"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
BASE = "https://w3id.org/sco-kg/"
SCO = rdflib.Namespace(BASE + "ontology#")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")

# The checks every page must pass, run in the page itself.
A11Y_JS = """
const problems = [];
const h1 = document.querySelectorAll('h1').length;
if (h1 !== 1) problems.push(h1 + ' h1 elements');
if (!document.documentElement.lang) problems.push('no lang on <html>');
document.querySelectorAll('input, textarea, select').forEach(e => {
  if (['hidden', 'submit', 'button', 'reset', 'image'].includes(e.type)) return;
  if (!(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
    problems.push('unlabelled ' + e.tagName + ' ' + (e.id || e.name));
});
document.querySelectorAll('img').forEach(i => { if (!i.hasAttribute('alt')) problems.push('img without alt'); });
document.querySelectorAll('svg').forEach(s => {
  if (s.getAttribute('role') !== 'img' || !s.querySelector('title')) problems.push('svg without role and title');
});
return problems;
"""


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        message = f"headless Chromium needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="sco-kg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def site(endpoint_start_module, tmp_path_factory):
    path = tmp_path_factory.mktemp("ingest") / "hostile-ingested.txt"
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    [article] = read_articles(path)
    return endpoint_start_module(store=sample_store(hostile=False, extra=[hostile_facts(article)])).url


def screenshot(driver, name: str) -> Path:
    """The whole page, as tall as it is (within reason)."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    driver.execute_script("window.scrollTo(0, 0)")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(max(height, 600), 4000))
    out = ARTEFACTS / f"{name}.png"
    driver.save_screenshot(str(out))
    driver.set_window_size(1280, 1000)
    assert out.stat().st_size > 1000
    return out


def accessible(driver) -> list[str]:
    return driver.execute_script(A11Y_JS)


def wait(driver, condition, timeout: float = 20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def by(kind: str):
    from selenium.webdriver.common.by import By

    return getattr(By, kind)


def test_search_for_japarov_from_the_home_page_reaches_his_page(browser, site):
    browser.get(site + "/")
    assert accessible(browser) == []
    screenshot(browser, "home")
    box = browser.find_element(by("ID"), "home-search")
    box.send_keys("Japarov")
    box.submit()
    wait(browser, lambda d: "/search" in d.current_url)
    assert accessible(browser) == []
    screenshot(browser, "search-japarov")
    browser.find_element(by("LINK_TEXT"), "Sadyr Japarov").click()
    wait(browser, lambda d: "/id/person/" in d.current_url)
    assert browser.find_element(by("TAG_NAME"), "h1").text == "Sadyr Japarov"
    assert "President" in browser.find_element(by("ID"), "offices").find_element(by("XPATH"), "following-sibling::table").text
    assert browser.find_element(by("CSS_SELECTOR"), "svg[role=img] title").get_attribute("textContent").startswith("Meetings of")
    assert accessible(browser) == []
    screenshot(browser, "person-japarov")


def test_an_example_query_runs_and_a_result_leads_to_a_highlighted_meeting(browser, site):
    browser.get(site + "/query")
    assert accessible(browser) == []
    browser.find_element(by("LINK_TEXT"), "Whom did Xi Jinping meet at the 2024 Astana summit, by day?").click()
    wait(browser, lambda d: "example=xi-at-astana-by-day" in d.current_url)
    # The editor highlights the query's syntax.
    assert browser.find_elements(by("CSS_SELECTOR"), "#query-highlight .tok-kw")
    browser.find_element(by("ID"), "run-query").click()
    wait(browser, lambda d: d.find_element(by("ID"), "results-status").text.endswith("rows"))
    rows = browser.find_elements(by("CSS_SELECTOR"), "#results-table tbody tr")
    assert len(rows) == 5
    assert [r.find_elements(by("TAG_NAME"), "td")[1].text for r in rows][:2] == ["Ilham Aliyev", "Sadyr Japarov"]
    downloads = [a.text for a in browser.find_elements(by("CSS_SELECTOR"), "#results-downloads a[download]")]
    assert downloads == ["Download CSV", "Download TSV", "Download JSON"]
    screenshot(browser, "query-results")

    japarov_row = next(r for r in rows if "Sadyr Japarov" in r.text)
    link = japarov_row.find_element(by("CSS_SELECTOR"), "a[href^='/id/meeting/']")
    path = link.get_attribute("pathname")
    link.click()
    wait(browser, lambda d: "/id/meeting/" in d.current_url)
    assert accessible(browser) == []
    mark = browser.find_element(by("CSS_SELECTOR"), "blockquote.evidence mark")
    sentence = mark.text
    assert sentence.startswith("Chinese President Xi Jinping met with Kyrgyz President Sadyr Japarov")
    assert mark.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"  # visibly highlighted
    screenshot(browser, "meeting-evidence")

    # The same IRI as Turtle: its evidence quotes the highlighted sentence.
    r = httpx.get(site + path, headers={"Accept": "text/turtle"})
    assert r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.content, format="turtle")
    meeting = rdflib.URIRef(BASE + path.lstrip("/"))
    assert len(list(g.objects(meeting, SCO.participation))) == 2
    assert str(g.value(g.value(meeting, SCO.evidence), OA.exact)) == sentence

    # The evidence links to the article, where the same span is highlighted and targeted.
    browser.find_element(by("CSS_SELECTOR"), "blockquote.evidence footer a").click()
    wait(browser, lambda d: "/id/article/" in d.current_url)
    anchor = browser.current_url.split("#", 1)[1]
    target = browser.find_element(by("ID"), anchor)
    assert target.tag_name == "mark" and target.text == sentence
    screenshot(browser, "article-highlights")


def test_an_article_with_script_and_markup_renders_inert(browser, site):
    browser.get(site + "/id/article/hostile-ingested")
    assert browser.title.startswith("Markup <b>in</b> the news")  # the title shows the markup as text
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert browser.find_elements(by("CSS_SELECTOR"), ".article-text script, .article-text img, .article-text b") == []
    text = browser.find_element(by("CSS_SELECTOR"), ".article-text").text
    assert "<script>document.title='pwned';window.pwned=1</script>" in text
    assert '<img src=x onerror="window.pwned=2">' in text
    assert accessible(browser) == []
    screenshot(browser, "hostile-article")
    # The names with markup stay text on the pages and pictures that show them.
    browser.get(site + "/id/country/script-window-pwned-4-script-land")
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert browser.find_element(by("TAG_NAME"), "h1").text == "<script>window.pwned=4</script>land"
    screenshot(browser, "hostile-country")


def test_a_summit_shows_who_met_whom_and_a_country_its_timeline(browser, site):
    browser.get(site + "/")
    browser.find_element(by("PARTIAL_LINK_TEXT"), "24th Meeting of the Council").click()
    wait(browser, lambda d: "/id/summit/" in d.current_url)
    svg = browser.find_element(by("CSS_SELECTOR"), "svg[role=img]")
    assert len(svg.find_elements(by("CSS_SELECTOR"), "circle")) == 6
    assert accessible(browser) == []
    screenshot(browser, "summit-network")
    browser.get(site + "/id/country/Q148")
    marks = browser.find_elements(by("CSS_SELECTOR"), "svg[role=img] .marks a")
    assert len(marks) == 7
    assert "Partnership levels over time" in browser.page_source
    assert accessible(browser) == []
    screenshot(browser, "country-timeline")


def test_the_ontology_page_documents_terms_at_their_fragments(browser, site):
    browser.get(site + "/ontology#Meeting")
    section = browser.find_element(by("ID"), "Meeting")
    assert "interaction between named officials" in section.text
    assert accessible(browser) == []
    screenshot(browser, "ontology")


def test_an_unknown_iri_gets_a_helpful_page(browser, site):
    browser.get(site + "/id/person/sadyr-japarov")
    assert "Not found" in browser.find_element(by("TAG_NAME"), "h1").text
    assert browser.find_element(by("LINK_TEXT"), "Sadyr Japarov").get_attribute("pathname") == "/id/person/Q25597826"
    assert accessible(browser) == []
    screenshot(browser, "not-found")


def test_no_request_leaves_the_machine(browser, site):
    # Every resource a page loads comes from our own server: nothing from a CDN.
    for path in ("/", "/query", "/id/country/Q148"):
        browser.get(site + path)
        urls = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert urls and all(u.startswith(site) or u.startswith("data:") for u in urls), urls
        assert re.match(r"^https?://127\.0\.0\.1:\d+$", site)


def test_the_bundled_corpus_built_by_the_pipeline_reads_end_to_end(browser, endpoint_start_module, tmp_path_factory):
    """The real pipeline (spaCy included) on the bundled corpus, then the pages over it."""
    from sco_kg.paths import BUNDLED_CORPUS
    from sco_kg.pipeline import build
    from sco_kg.store import StoreHome

    home = StoreHome(tmp_path_factory.mktemp("seed") / "store")
    build(BUNDLED_CORPUS, home)
    url = endpoint_start_module(store=home.open()).url
    browser.get(url + "/")
    box = browser.find_element(by("ID"), "home-search")
    box.send_keys("Japarov")
    box.submit()
    wait(browser, lambda d: "/search" in d.current_url)
    browser.find_element(by("LINK_TEXT"), "Sadyr Japarov").click()
    wait(browser, lambda d: "/id/person/" in d.current_url)
    meetings = browser.find_elements(by("CSS_SELECTOR"), "main > table a[href^='/id/meeting/']")
    assert meetings, "the pipeline found no meeting of Japarov"
    screenshot(browser, "seed-person-japarov")
    meetings[-1].click()
    wait(browser, lambda d: "/id/meeting/" in d.current_url)
    marks = [m.text for m in browser.find_elements(by("CSS_SELECTOR"), "blockquote.evidence mark")]
    assert any("Japarov" in m for m in marks), marks
    assert accessible(browser) == []
    screenshot(browser, "seed-meeting")
