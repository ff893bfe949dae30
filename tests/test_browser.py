"""The dashboard end to end in headless Chromium (Debian's chromium + chromedriver via Selenium):
pages load, filters change the table, rows open the article with its marks, article text is
escaped, and the charts really draw (counted in screenshot pixels, not only in the DOM)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from analysis_world import write_world
from live import serving

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                       reason="needs Debian's chromium and chromium-driver (.ci/run installs them)"),
]
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-dev-shm-usage", "--window-size=1400,2400")


@pytest.fixture(scope="module")
def site_db(sample_db, tmp_path_factory) -> Path:
    """The coded samples plus the hand-coded world, whose texts carry markup to be escaped."""
    from eventwire.store import Store

    path = tmp_path_factory.mktemp("browser") / "site.duckdb"
    shutil.copy(sample_db, path)
    with Store(path) as store:
        write_world(store)
    return path


@pytest.fixture(scope="module")
def site(site_db):
    with serving(site_db) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def wait(driver, condition, seconds=15):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds, poll_frequency=0.1).until(lambda d: condition(d))


@pytest.fixture()
def page(site, browser):
    browser.get(site + "/")
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready") == "true")
    return browser


def by_id(driver, name):
    return driver.find_element("id", name)


def rows(driver):
    return driver.find_elements("css selector", "#events-table tbody tr")


def column(driver, index):
    return [r.find_elements("tag name", "td")[index].text for r in rows(driver)]


def filter_events(driver, **values):
    from selenium.webdriver.support.ui import Select

    before = by_id(driver, "events-status").text
    for name, value in values.items():
        field = by_id(driver, f"f-{name}")
        if name == "type":
            Select(field).select_by_value(value)
        else:
            field.clear()
            field.send_keys(value)
    by_id(driver, "f-apply").click()
    wait(driver, lambda d: by_id(d, "events-status").text not in (before, "loading…"))


def coloured_pixels(element) -> int:
    """Pixels of the element's screenshot that are clearly coloured (not white, grey or black)."""
    from PIL import Image

    data = Image.open(io.BytesIO(element.screenshot_as_png)).convert("RGB").tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3])
    return sum(1 for r, g, b in pixels if max(r, g, b) - min(r, g, b) > 60)


def test_dashboard_loads_with_the_stores_events(page, site_db):
    from eventwire import analysis
    from eventwire.store import Store

    with Store(site_db, read_only=True) as store:
        summary = analysis.overview(store)
    assert by_id(page, "overview").text.startswith(
        f"{summary['documents']} documents · {summary['events']} events")
    assert len(rows(page)) == 25 and summary["events"] > 25
    assert by_id(page, "events-status").text == f"events 1–25 of {summary['events']}"
    severe = [e for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []


def test_filters_change_the_table(page, site_db):
    from eventwire import analysis
    from eventwire.store import Store

    with Store(site_db, read_only=True) as store:
        turkey = analysis.search_events(store, actor="TUR", limit=25)
        assaults = analysis.search_events(store, event_type="ASSAULT", limit=25)
    filter_events(page, actor="tur")
    assert by_id(page, "events-status").text.endswith(f"of {turkey.total}")
    assert [r.get_attribute("data-event-id") for r in rows(page)] == [
        e["event_id"] for e in turkey.items]
    assert all("TUR" in cell for cell in column(page, 2))
    filter_events(page, actor="", type="ASSAULT")
    assert len(rows(page)) == min(25, assaults.total)
    assert set(column(page, 1)) <= {"ASSAULT", "ASSAULT (negated)"}
    filter_events(page, type="", since="01/01/2030")  # the date input takes the browser's format
    assert by_id(page, "events-status").text == "no events match these filters"
    assert rows(page) == []


def test_a_row_opens_its_article_marked_and_escaped(page):
    filter_events(page, q="loudly")
    (row,) = rows(page)
    row.click()
    wait(page, lambda d: by_id(d, "article").is_displayed())
    assert by_id(page, "article-title").text == "March war <script>alert(1)</script>"
    text = by_id(page, "article-text")
    assert "Ankara backed Ukraine <b>loudly</b> & firmly." in text.text
    assert text.find_elements("tag name", "b") == [] and page.find_elements(
        "css selector", "#article script") == []
    marks = {m.get_attribute("class"): m.text for m in text.find_elements("tag name", "mark")}
    assert marks["hl-trigger"] == "backed"
    assert marks["hl-actor"] == "Ankara"
    assert marks["hl-recipient"] == "Ukraine"
    assert "loudly" in marks["hl-sentence"]


def test_charts_draw_pixels(page):
    from selenium.webdriver.common.keys import Keys

    for chart in ("dyad-chart", "balance-chart", "network-chart"):
        assert coloured_pixels(by_id(page, chart)) > 400, chart
    # the same check sees an empty chart as empty: a dyad with no events draws no colour
    for name, value in (("dyad-a", "BRA"), ("dyad-b", "ARG")):
        by_id(page, name).clear()
        by_id(page, name).send_keys(value)
    by_id(page, "dyad-b").send_keys(Keys.ENTER)
    wait(page, lambda d: by_id(d, "dyad-note").text.startswith("BRA"))
    assert coloured_pixels(by_id(page, "dyad-chart")) < 20
