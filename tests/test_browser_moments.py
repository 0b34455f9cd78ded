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


# The first filter of the search page: how it is drawn next to its label, and the colours
# the theme's variables give (resolved on a probe element, as the browser resolves them).
FILTER_LOOK = """() => {
  const select = document.querySelector('.podcast-search-filters select');
  const label = select.parentElement, form = label.parentElement;
  const probe = document.createElement('span');
  label.append(probe);
  const resolve = (property, value) => {
    probe.style[property] = value;
    return getComputedStyle(probe)[property];
  };
  const look = getComputedStyle(select), around = getComputedStyle(label);
  const box = select.getBoundingClientRect(), room = form.getBoundingClientRect();
  const result = {
    sameFont: look.fontFamily === around.fontFamily && look.fontSize === around.fontSize,
    sameColour: look.color === around.color,
    background: look.backgroundColor,
    border: `${look.borderTopWidth} ${look.borderTopStyle} ${look.borderTopColor}`,
    rounded: parseFloat(look.borderTopLeftRadius) > 0,
    height: box.height,
    fits: box.left >= room.left && box.right <= room.right,
    page: getComputedStyle(document.body).backgroundColor,
    furoBackground: resolve('backgroundColor', 'var(--color-background-primary, red)'),
    furoBorder: resolve('color', 'var(--color-foreground-border, red)'),
  };
  probe.remove();
  return result;
}"""


@pytest.mark.parametrize(
    ("theme", "scheme", "width"),
    [("alabaster", "light", 1000), ("alabaster", "light", 390), ("furo", "light", 1000),
     ("furo", "dark", 1000), ("furo", "dark", 390)],
)  # fmt: skip
def test_search_filters_look_like_the_theme(
    browser: Any, sites: dict[str, str], theme: str, scheme: str, width: int
) -> None:
    """The speaker and episode choices are drawn in the theme's font and colours (furo's
    variables, light and dark), not as the browser's grey box; they fit a phone's width
    and are big enough to tap."""
    tab = Page(browser, sites[theme], viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = tab.open("search.html?q=rhythm")
        page.wait_for_selector(".podcast-search-filters:not([hidden]) select")
        look = page.evaluate(FILTER_LOOK)
    finally:
        tab.context.close()
    assert look["sameFont"] and look["sameColour"] and look["rounded"] and look["fits"]
    assert look["height"] >= 24  # WCAG 2.5.8, target size
    if theme == "furo":
        assert look["background"] == look["furoBackground"] == look["page"]
        assert look["border"] == f"1px solid {look['furoBorder']}"
        dark = look["background"] == "rgb(19, 20, 22)"  # furo's dark --color-background-primary
        assert dark == (scheme == "dark")
    else:  # alabaster has no such variables: the page's white and our grey (3:1 on white)
        assert look["furoBackground"] == "rgb(255, 0, 0)"
        assert look["background"] == look["page"] == "rgb(255, 255, 255)"
        assert look["border"] == "1px solid rgb(138, 143, 150)"
