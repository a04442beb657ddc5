"""Make docs/web.png: the page on the example article, in headless chromium; or, given
a store, docs/sources.png: the Corpus tab's source-diversity charts.

Not a test. Run from the repository root::

    python tests/web/screenshot.py docs/web.png
    saidwhat extract examples/sources --db /tmp/news.duckdb
    python tests/web/screenshot.py docs/sources.png /tmp/news.duckdb
"""
from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(out: str = "docs/web.png", db: str | None = None) -> int:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from saidwhat.web.app import Settings, create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db=db)), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.1)
    text = (ROOT / "examples" / "river-port.txt").read_text(encoding="utf-8")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                        args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                                              "--disable-background-networking",
                                              "--disable-component-update"])
            page = browser.new_page(viewport={"width": 1360, "height": 1060})
            page.goto(f"http://127.0.0.1:{port}/")
            if db:
                page.wait_for_selector("body[data-ready='1']")
                page.click("#tab-btn-corpus")
                page.wait_for_selector("#sources[data-ready='1']")
                page.wait_for_timeout(300)
                page.locator("#sources").screenshot(path=out)
                browser.close()
                print(out)
                return 0
            page.fill("#input", text)
            page.click("#extract")
            page.wait_for_selector("#result:not([hidden])")
            # hover the first attributed quotation, so the tooltip shows
            qi = page.evaluate("saidwhat.state.quotes.findIndex(q => q.speaker && q.cue)")
            page.hover(f"#article mark.quote[data-qi='{max(qi, 0)}']", position={"x": 40, "y": 8})
            page.wait_for_timeout(200)
            page.screenshot(path=out)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
