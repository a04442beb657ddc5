"""The Corpus tab's source-diversity charts in a real browser (headless Debian chromium).

The store holds the invented corpus of ``sources_corpus.py``; no model is loaded.
Checks that each chart draws one point or bar per group (Chartist draws SVG:
``.ct-point``, ``.ct-bar``), that each CSV download holds the table's rows, and that
the Article view shows a speaker's gender. Skipped where playwright or chromium is
missing.
"""
from __future__ import annotations

import csv
import io

import pytest

pytestmark = [pytest.mark.browser]

pytest.importorskip("duckdb", reason='duckdb is not installed (pip install "saidwhat[corpus]")')
pytest.importorskip("pyarrow", reason='pyarrow is not installed (pip install "saidwhat[corpus]")')
sync_api = pytest.importorskip(
    "playwright.sync_api", reason='playwright is not installed (pip install "saidwhat[dev]")')

from sources_corpus import ARTICLES, BY_MONTH, BY_OUTLET, PEOPLE  # noqa: E402
from test_page_browser import CHROMIUM, CHROMIUM_ARGS, _serve  # noqa: E402  (skips without chromium)


@pytest.fixture(scope="module")
def page(tmp_path_factory, unused_pipeline):
    from saidwhat.store import load_records
    from saidwhat.web.app import Settings, create_app

    db = tmp_path_factory.mktemp("sources") / "sources.duckdb"
    load_records(db, ARTICLES, run_id="test")
    with _serve(create_app(Settings(db=str(db)), nlp=unused_pipeline())) as url, \
            sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        ctx = browser.new_context(base_url=url, viewport={"width": 1360, "height": 900}, accept_downloads=True)
        pg = ctx.new_page()
        pg.errors = []
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        # the charts need no exception to the Content-Security-Policy: none is reported
        pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
        pg.goto("/")
        pg.wait_for_selector("body[data-ready='1']")
        pg.click("#tab-btn-corpus")
        pg.wait_for_selector("#sources[data-ready='1']")
        yield pg
        ctx.close()
        browser.close()


def test_charts_draw_one_mark_per_group(page):
    # months: one point per dated month with a known share (the undated row is left out)
    assert page.locator("#chart-month .ct-point").count() == sum(1 for m, *_, s in BY_MONTH if m and s is not None)
    labels = page.eval_on_selector_all("#chart-month .ct-label.ct-horizontal", "els => els.map(e => e.textContent)")
    assert labels == [m for m, *_ in BY_MONTH if m]
    # outlets: one bar per outlet, top to bottom as listed, labelled with the share
    assert page.locator("#chart-outlet .ct-bar").count() == len(BY_OUTLET)
    bar_labels = page.eval_on_selector_all("#chart-outlet .ct-bar-label", "els => els.map(e => e.textContent)")
    assert sorted(bar_labels) == sorted(f"{round(s * 100, 1):g}%" for *_, s in BY_OUTLET)
    # people: one bar each, in the series of their gender (a: women, b: men, c: unknown)
    for series, gender in (("a", "female"), ("b", "male"), ("c", None)):
        n = sum(1 for _, g, _ in PEOPLE if g == gender)
        assert page.locator(f"#chart-people .ct-series-{series} .ct-bar").count() == n
    assert page.locator("#chart-people .ct-bar").count() == len(PEOPLE)
    ys = page.eval_on_selector_all("#chart-people .ct-label.ct-vertical", "els => els.map(e => e.textContent)")
    assert ys == [name for name, _, _ in reversed(PEOPLE)]  # drawn bottom up: the most quoted on top
    assert page.errors == []


@pytest.mark.parametrize("link, rows", [
    ("#csv-month", [(m or "", str(w), str(mn), str(u), "" if s is None else str(s)) for m, w, mn, u, s in BY_MONTH]),
    ("#csv-outlet", [(o, str(w), str(mn), str(u), str(s)) for o, w, mn, u, s in BY_OUTLET]),
])
def test_csv_download_holds_the_table_rows(page, link, rows):
    with page.expect_download() as info:
        page.click(link)
    data = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    key = "month" if link == "#csv-month" else "outlet"
    assert [(r[key], r["people_women"], r["people_men"], r["people_unknown"], r["share_women"]) for r in data] == rows
    # the page's table shows the same groups
    table = "#table-month" if key == "month" else "#table-outlet"
    assert page.locator(f"{table} tbody tr").count() == len(rows)


def test_people_csv_download(page):
    with page.expect_download() as info:
        page.click("#csv-people")
    assert info.value.suggested_filename == "quoted-people.csv"
    data = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    assert [(r["name"], r["gender"] or None, int(r["quotes"])) for r in data] == PEOPLE
    names = page.eval_on_selector_all("#table-people tbody tr td:first-child", "els => els.map(e => e.textContent)")
    assert names == [name for name, _, _ in PEOPLE]


def test_article_view_shows_speaker_gender(page):
    page.fill("#search-form input[name=speaker]", "Tom Becker")
    page.click("#search-form button[type=submit]")
    page.wait_for_selector("#search-results li")
    page.locator("#search-results li", has_text="Eastmere Post").locator("button").first.click()
    page.wait_for_selector("#result:not([hidden])")
    genders = dict(page.eval_on_selector_all(
        "#speakers button", "els => els.map(b => [b.querySelector('.speaker-name').textContent, "
        "(b.querySelector('.gender') || {}).textContent || null])"))
    assert genders == {"Ana Lopez": "woman", "Tom Becker": "man", "City Council": None, "Unattributed": None}
    page.click("#tab-btn-corpus")
    assert page.errors == []
