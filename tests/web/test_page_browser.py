"""The page in a real browser: Playwright for Python driving Debian's chromium, headless.

No browser is downloaded: chromium comes from ``apt-get install -y chromium`` (.ci/run
does it). Skipped, with the reason, where playwright or /usr/bin/chromium is missing.
"""
from __future__ import annotations

import contextlib
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-extensions"]

pytestmark = [pytest.mark.browser, pytest.mark.slow]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason='playwright is not installed (pip install "saidwhat[dev]")')
if not CHROMIUM.exists():
    pytest.skip("chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)",
                allow_module_level=True)

XSS_TEXT = (
    'The mayor said "<script>window.__xss = 1; alert(1)</script> is only text, '
    'nothing more than words" at the meeting.\n\n'
    '"<img src=x onerror="window.__xss = 2; alert(2)"> must never load or run," '
    'the engineer told reporters.\n\n'
    'Another line <svg onload="window.__xss = 3"></svg> <iframe src="javascript:window.__xss=4">'
    '</iframe> <b onmouseover="window.__xss=5">bold?</b> &lt;i&gt; &amp; done.'
)

UNICODE_TEXT = (
    "🚢🌊 Ünïcödé 中文 👩\u200d👩\u200d👧 \U0001d54f.\n\n"
    "“Die Straße ist gesperrt, und 😀 niemand kommt durch,” said Jürgen Groß, the mayor.\n\n"
    "\"We will not give up on the harbour 🚢 — 决不,\" she told reporters on Friday."
)


@contextlib.contextmanager
def _serve(app):
    """Run ``app`` with uvicorn on a free loopback port, in a thread; yields its URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def live_server(web_nlp):
    """The app over the session's pipeline."""
    from saidwhat.web.app import create_app

    with _serve(create_app(nlp=web_nlp)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh page on the app; records dialogs and script errors."""
    ctx = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.dialogs, pg.errors = [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.goto("/")
    pg.wait_for_selector("body[data-ready='1']")
    yield pg
    ctx.close()


def _api_quotes(page, text: str) -> list[dict]:
    r = page.request.post("/api/extract", data={"text": text})
    assert r.ok, r.text()
    return r.json()["quotes"]


def _extract(page, text: str) -> None:
    page.fill("#input", text)
    page.click("#extract")
    page.wait_for_selector("#result:not([hidden])", timeout=30_000)


def _highlighted(page) -> int:
    """Number of distinct quotations highlighted in the article."""
    return page.eval_on_selector_all(
        "#article mark.quote", "els => new Set(els.map(e => e.dataset.qi)).size")


def _mark_texts(page) -> dict[int, str]:
    """Quotation index -> the text it highlights (pieces joined if it had to be split)."""
    pairs = page.eval_on_selector_all(
        "#article mark.quote", "els => els.map(e => [Number(e.dataset.qi), e.textContent])")
    out: dict[int, str] = {}
    for qi, text in pairs:
        out[qi] = out.get(qi, "") + text
    return out


def test_page_highlights_example_article(page, example_text):
    expected = _api_quotes(page, example_text)
    speakers = {q["speaker"] for q in expected if q["speaker"]}
    assert expected and speakers, "the example article has attributed quotations"
    _extract(page, example_text)
    assert _highlighted(page) == len(expected)
    # the article is shown exactly, character for character
    assert page.text_content("#article") == example_text
    # every highlight covers exactly its quotation's text
    assert _mark_texts(page) == {i: q["quote"] for i, q in enumerate(expected)}
    names = page.eval_on_selector_all("#speakers .speaker-name", "els => els.map(e => e.textContent)")
    assert speakers <= set(names)
    top = max(speakers, key=lambda s: sum(q["speaker"] == s for q in expected))
    assert top in page.text_content("#panel")
    n_top = sum(q["speaker"] == top for q in expected)

    # hovering a quotation shows its speaker, cue and confidence
    qi = next(i for i, q in enumerate(expected) if q["speaker"] == top)
    page.hover(f"#article mark.quote[data-qi='{qi}']")
    tip = page.locator("#tooltip")
    assert tip.is_visible()
    assert top in tip.text_content() and "Confidence" in tip.text_content()

    # clicking a speaker leaves only their quotations highlighted
    page.locator("#speakers button", has_text=top).first.click()
    assert page.locator("#article mark.quote:not(.off)").count() == n_top
    assert page.locator("#quote-list li").count() == n_top
    page.click("#show-all")
    assert page.locator("#article mark.quote.off").count() == 0
    assert not page.errors


def test_page_never_runs_markup_from_the_article(page):
    expected = _api_quotes(page, XSS_TEXT)
    _extract(page, XSS_TEXT)
    page.mouse.move(5, 5)
    page.hover("#article")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == [] and page.errors == []
    assert page.locator("#article script, #article img, #article svg, #article iframe, #article b").count() == 0
    assert page.text_content("#article") == XSS_TEXT  # shown as text, escaped
    assert _highlighted(page) == len(expected)


def test_page_opens_html_file_without_running_it(page):
    html = (
        "<!doctype html><html><head><title>Port</title>"
        "<script>window.__xss = 1</script></head><body><nav>Home | News</nav><article>"
        "<h1>Port closes</h1><p>\"We did not take this decision lightly,\" Mayor Helena Brandt said.</p>"
        "<img src=x onerror=\"window.__xss = 2\"><p>The authority said <b>repairs</b> "
        "would cost about 14 million euros.</p></article>"
        "<script>window.__xss = 3</script></body></html>"
    )
    page.set_input_files("#file", files=[{"name": "port.html", "mimeType": "text/html",
                                          "buffer": html.encode()}])
    page.wait_for_selector("#status:has-text('Opened port.html')")
    value = page.input_value("#input")
    assert value.startswith("Port closes\n\n\"We did not take this decision lightly,\"")
    assert "window.__xss" not in value and "Home | News" not in value
    assert "The authority said repairs would cost" in value
    assert page.evaluate("typeof window.__xss") == "undefined"
    page.click("#extract")
    page.wait_for_selector("#result:not([hidden])")
    assert _highlighted(page) == len(_api_quotes(page, value))
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == [] and page.errors == []


def test_page_unicode_offsets(page):
    expected = _api_quotes(page, UNICODE_TEXT)
    assert expected
    _extract(page, UNICODE_TEXT)
    assert page.text_content("#article") == UNICODE_TEXT
    assert _mark_texts(page) == {i: q["quote"] for i, q in enumerate(expected)}


def test_page_shows_api_errors(page):
    page.fill("#input", "x" * 2_100_000)
    page.click("#extract")
    page.wait_for_selector("#status.error")
    assert "larger than the limit" in page.text_content("#status")


def test_page_browses_corpus_store(browser, web_nlp, example_text, tmp_path):
    pytest.importorskip("duckdb", reason='duckdb is not installed (pip install "saidwhat[corpus]")')
    pytest.importorskip("pyarrow", reason='pyarrow is not installed (pip install "saidwhat[corpus]")')
    import saidwhat
    from saidwhat.store import load_records
    from saidwhat.web.app import Settings, create_app

    quotes = [q.to_dict() for q in saidwhat.extract(example_text, nlp=web_nlp)]
    speaker = next(q["speaker"] for q in quotes if q["speaker"])
    db = tmp_path / "quotes.duckdb"
    load_records(db, [{"id": "river-port", "title": "River port closes", "date": "2024-03-05",
                       "outlet": "Eastmere Post", "text": example_text, "quotes": quotes}])
    with _serve(create_app(Settings(db=str(db)), nlp=web_nlp)) as url:
        ctx = browser.new_context(base_url=url)
        page = ctx.new_page()
        page.goto("/")
        page.click("#tab-btn-corpus")  # shown only when the server has a store
        page.wait_for_selector("#top-speakers tbody tr")
        assert speaker in page.text_content("#top-speakers")
        # search by speaker, then open the article from a result
        page.fill("#search-form input[name=speaker]", speaker.split()[-1])
        page.fill("#search-form input[name=date_from]", "2024-03-01")
        page.click("#search-form button[type=submit]")
        page.wait_for_selector("#search-results li")
        n = sum(1 for q in quotes if q["speaker"] and speaker.split()[-1].lower() in q["speaker"].lower())
        assert page.locator("#search-results li").count() == n
        page.locator("#search-results li button").first.click()
        page.wait_for_selector("#result:not([hidden])")
        assert page.text_content("#article") == example_text
        assert _highlighted(page) == len(quotes)
        # a date range with no article finds nothing
        page.click("#tab-btn-corpus")
        page.fill("#search-form input[name=date_from]", "2030-01-01")
        page.click("#search-form button[type=submit]")
        page.wait_for_selector("#search-status:has-text('No quotation')")  # (CSP forbids eval)
        ctx.close()


def test_page_shows_a_quotations_travels(browser, unused_pipeline, tmp_path):
    """Corpus tab: a travelled quotation's page, appearances in date order, differences
    highlighted (added, changed, cut words) and the re-credited appearance marked."""
    pytest.importorskip("duckdb", reason='duckdb is not installed (pip install "saidwhat[corpus]")')
    pytest.importorskip("datasketch", reason='datasketch is not installed (pip install "saidwhat[corpus]")')
    from saidwhat.store import load_records
    from saidwhat.web.app import Settings, create_app

    def rec(aid, date, quote, speaker):
        q = {"quote": quote, "quote_start": 0, "quote_end": len(quote), "type": "direct", "speaker": speaker,
             "speaker_type": "PERSON", "confidence": 0.9, "flags": [], "speaker_id": "E1"}
        return {"id": aid, "date": date, "outlet": "Post " + aid, "text": quote, "quotes": [q]}

    q = "The quay will reopen to ferries before the summer season starts in June."
    db = tmp_path / "travels.duckdb"
    load_records(db, [rec("c", "2024-04-03", q.replace("June", "July"), "Helena Brandt"),
                      rec("a", "2024-04-01", q, "Helena Brandt"),
                      rec("b", "2024-04-02", "The quay will reopen to ferries before the summer season starts",
                          "Samuel Okoye"),
                      rec("d", "2024-04-04", q.replace("will", "will, we promise,"), "Brandt")])
    with _serve(create_app(Settings(db=str(db)), nlp=unused_pipeline())) as url:
        ctx = browser.new_context(base_url=url)
        page = ctx.new_page()
        page.goto("/")
        page.click("#tab-btn-corpus")
        page.wait_for_selector("#clusters li")
        page.locator("#clusters li").first.click()
        page.wait_for_selector("#cluster-appearances li")
        items = page.locator("#cluster-appearances li")
        assert items.count() == 4
        assert [items.nth(i).locator(".meta").text_content().split(" · ")[1] for i in range(4)] == [
            "2024-04-01", "2024-04-02", "2024-04-03", "2024-04-04"]
        assert page.locator("#cluster-appearances del.diff-missing").all_text_contents() == ["in June"]
        assert page.locator("#cluster-appearances mark.diff-sub").all_text_contents() == ["July"]
        assert page.locator("#cluster-appearances ins.diff-added").all_text_contents() == ["we promise"]
        assert page.locator("#cluster-appearances li.conflict").count() == 1
        assert "Samuel Okoye" in page.locator("#cluster-appearances li.conflict").text_content()
        ctx.close()
