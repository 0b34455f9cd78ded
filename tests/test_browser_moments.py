"""Following a highlight, a speaker link and a search result in a real browser (Chromium
through Playwright), in alabaster and furo: each lands on the right turn, scrolled into
view and highlighted.

Root ``soundbites`` is built once per theme and served on 127.0.0.1 (see
test_browser.py); requests to other hosts are aborted and counted.
"""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOTS, build_app
from test_browser import ABORTED, Handler, Page


class ThemeHandler(Handler):
    """test_browser's server without its Content-Security-Policy header: the themes'
    own inline scripts (search box, colour scheme) are not what is tested here."""

    def end_headers(self) -> None:
        self.send_header("Accept-Ranges", "bytes")
        http.server.SimpleHTTPRequestHandler.end_headers(self)


pytestmark = pytest.mark.browser

THEMES = ("alabaster", "furo")
# The episodes' audio: the only other host a page may ask, once a moment is opened.
AUDIO = {"https://grain.example.org/ep1.mp3", "https://grain.example.org/ep2.mp3"}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """theme -> base URL of the root built with that theme."""
    servers = []
    bases = {}
    for theme in THEMES:
        srcdir = tmp_path_factory.mktemp(theme) / "src"
        shutil.copytree(ROOTS / "test-soundbites", srcdir)
        app = build_app("html", srcdir, html_theme=theme)
        handler = partial(ThemeHandler, directory=str(Path(app.outdir)))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        bases[theme] = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield bases
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


@pytest.fixture(params=THEMES)
def tab(request: pytest.FixtureRequest, browser: Any, sites: dict[str, str]) -> Iterator[Page]:
    page = Page(browser, sites[request.param])
    try:
        yield page
    finally:
        page.context.close()


def landed_turn(tab: Page) -> dict[str, Any]:
    """The highlighted turn: its start, id, whether it is in view and highlighted."""
    tab.page.wait_for_function(
        "() => document.querySelector('.podcast-turn.podcast-current, .podcast-turn:target')"
    )
    tab.page.wait_for_timeout(600)  # the scroll, and the second look after late layout
    return dict(
        tab.page.evaluate(
            """() => {
              const turn = document.querySelector(
                '.podcast-turn.podcast-current, .podcast-turn:target');
              const box = turn.getBoundingClientRect();
              // framed in the speaker's colour (podcast.css: not tinted, for contrast)
              const frame = getComputedStyle(turn).outlineStyle;
              return {start: turn.dataset.start, id: turn.id, speaker: turn.dataset.speaker,
                      inView: box.top >= 0 && box.top < innerHeight,
                      highlighted: frame !== 'none'};
            }"""
        )
    )


def test_follow_highlights(tab: Page) -> None:
    # the automatic list in ep1's header, opened: the 01:30 highlight seeks and scrolls there
    page = tab.open("ep1.html")
    page.click("details.podcast-soundbites-auto summary")
    page.click("details.podcast-soundbites-auto figure >> nth=1 >> a.podcast-soundbite-link")
    assert landed_turn(tab) == {
        "start": "90",
        "id": "turn-4",
        "speaker": "ada",
        "inView": True,
        "highlighted": True,
    }
    # from the site-wide list on another page, into ep2
    page = tab.open("quotes.html")
    page.click("div.podcast-soundbite-list figure >> nth=2 >> a.podcast-soundbite-link")
    page.wait_for_url("**/ep2.html#t=180")
    assert landed_turn(tab) == {
        "start": "180",
        "id": "turn-3",
        "speaker": "tove",
        "inView": True,
        "highlighted": True,
    }
    # the copy button copies the moment's address (or puts it in the address bar)
    page = tab.open("ep2.html")
    page.hover("#soundbite-2")
    page.click("#soundbite-2 .podcast-copy")
    copied = page.get_attribute("#soundbite-2 .podcast-copy", "data-url")
    assert copied == f"{tab.base}/ep2.html#t=180"
    assert set(tab.blocked) <= AUDIO  # the player, once a moment is asked for
    assert [error for error in tab.errors if not error.startswith(ABORTED)] == []


def test_follow_a_speaker_link(tab: Page) -> None:
    page = tab.open("ep2.html")
    page.click("div[data-start='120'] .podcast-speaker a")
    page.wait_for_url("**/speakers/tove.html#speaker-tove")
    profile = page.locator("#speaker-tove")
    assert profile.is_visible()
    assert page.locator(".podcast-speaker-page #speaker-tove").count() == 1
    # and on from her page to what she said
    page.click("#speaker-tove figure >> nth=2 >> a.podcast-soundbite-link")
    page.wait_for_url("**/ep2.html#t=230")
    assert landed_turn(tab)["id"] == "turn-5"
    assert [error for error in tab.errors if not error.startswith(ABORTED)] == []


def test_follow_a_search_result(tab: Page) -> None:
    page = tab.open("search.html?q=rhythm")
    page.wait_for_selector(".podcast-search-moment")
    first = page.locator("#search-results li", has=page.locator(".podcast-search-moment"))
    assert first.locator("a").first.get_attribute("href").endswith("/ep2.html#t=230")
    assert first.locator(".podcast-search-moment").inner_text().startswith("Tove Berg · ")
    # narrowed to another speaker, the episode result goes (Sam never says it)
    page.select_option(".podcast-search-filters select >> nth=0", "sam")
    assert first.is_hidden()
    page.select_option(".podcast-search-filters select >> nth=0", "")
    first.locator("a").first.click()
    page.wait_for_url("**/ep2.html#t=230")
    assert landed_turn(tab) == {
        "start": "230",
        "id": "turn-5",
        "speaker": "tove",
        "inView": True,
        "highlighted": True,
    }
    # an episode page opened with Sphinx's highlight terms and no fragment finds the turn
    page = tab.open("ep1.html?highlight=loaf")
    page.wait_for_url("**/ep1.html*#t=90")
    assert landed_turn(tab)["id"] == "turn-4"
    assert set(tab.blocked) <= AUDIO
    assert [error for error in tab.errors if not error.startswith(ABORTED)] == []
