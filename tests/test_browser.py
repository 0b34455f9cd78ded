"""The player in a real browser: Debian's Chromium through Playwright.

The media test root is built once per module and served on 127.0.0.1 by a small
HTTP server (with byte ranges, so the audio element can seek, and with the header
``Content-Security-Policy: script-src 'self'`` on every response). Every request to
another host is counted and aborted: the tests run without network.
"""

from __future__ import annotations

import http.server
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import serving
from test_media import build

pytestmark = pytest.mark.browser

CSP = "script-src 'self'"
NOT_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1:)")
# What the page logs when an embed's request was aborted here (no network in tests).
ABORTED = ("net::ERR_FAILED", "postMessage", "Failed to load resource")


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with the CSP header and single byte ranges (media elements seek with them)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Accept-Ranges", "bytes")
        super().end_headers()

    def send_head(self) -> Any:
        match = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", ""))
        path = self.translate_path(self.path)
        if not match or not os.path.isfile(path) or not (match[1] or match[2]):
            return super().send_head()
        size = os.path.getsize(path)
        if match[1]:
            start = int(match[1])
            end = min(int(match[2]), size - 1) if match[2] else size - 1
        else:
            start, end = max(0, size - int(match[2])), size - 1
        if start >= size or start > end:
            self.send_error(416)
            return None
        handle = open(path, "rb")  # noqa: SIM115  (closed by copyfile's caller)
        handle.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        return _Limited(handle, end - start + 1)


class _Limited:
    def __init__(self, handle: Any, length: int) -> None:
        self.handle, self.left = handle, length

    def read(self, size: int = -1) -> bytes:
        size = self.left if size < 0 else min(size, self.left)
        data = self.handle.read(size)
        self.left -= len(data)
        return data

    def close(self) -> None:
        self.handle.close()


def serve(tmp: Path, builder: str) -> Iterator[str]:
    """Build the media root and serve it on 127.0.0.1 (a random port); yields the base URL."""
    app = build(
        tmp,
        "media",
        builder,
        # the basic theme's search box has an inline script: leave it out to check ours
        html_sidebars={"**": ["localtoc.html", "relations.html"]},
    )
    with serving(Path(app.outdir), Handler) as base:
        yield base


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from serve(tmp_path_factory.mktemp("browser"), "html")


class Page:
    """A fresh context and page that records console errors, CSP violations and every
    request to another host (aborted).

    Wait with ``page.wait_for_function("() => …")``, a function: given an expression,
    Playwright checks it once, then polls it with ``eval``, which ``script-src 'self'``
    refuses (EvalError). A wait was true at once or failed: test_follow_toggle failed
    whenever the wheel event came after the first check."""

    def __init__(self, browser: Any, base: str, **options: Any) -> None:
        self.base = base
        options.setdefault("viewport", {"width": 1000, "height": 800})
        self.context = browser.new_context(**options)
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context.route(NOT_LOCAL, self._block)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.add_init_script(
            "window.__csp = [];"
            "document.addEventListener('securitypolicyviolation', e =>"
            " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
        )

    def _block(self, route: Any) -> None:
        self.blocked.append(route.request.url)
        route.abort()

    def open(self, path: str) -> Any:
        self.page.goto(f"{self.base}/{path}")
        self.page.wait_for_load_state("load")
        return self.page

    def csp_violations(self) -> list[str]:
        return list(self.page.evaluate("window.__csp"))

    def audio_ready(self) -> None:
        self.page.wait_for_function("() => document.querySelector('audio').readyState >= 1")

    def current_time(self) -> float:
        return float(self.page.evaluate("document.querySelector('audio').currentTime"))

    def current_starts(self) -> list[str]:
        return list(
            self.page.eval_on_selector_all(
                ".podcast-current", "els => els.map(e => e.dataset.start)"
            )
        )


@pytest.fixture
def tab(browser: Any, site: str) -> Iterator[Page]:
    page = Page(browser, site)
    try:
        yield page
    finally:
        page.context.close()


def test_no_third_party_request_before_a_click(tab: Page) -> None:
    for path in ("episode.html", "embeds.html", "rst_embeds.html", "index.html"):
        page = tab.open(path)
        page.wait_for_load_state("networkidle")
        assert page.locator(".podcast-embed-load").count() or path == "index.html"
    assert tab.blocked == []
    assert tab.errors == []
    assert tab.csp_violations() == []


def test_click_to_load_creates_the_nocookie_iframe(tab: Page) -> None:
    page = tab.open("episode.html")
    embed = page.locator(".podcast-embed[data-provider='youtube']")
    assert embed.locator("iframe").count() == 0
    page.locator(".podcast-switch button[data-provider='youtube']").click()  # one player shows
    embed.locator("button.podcast-embed-load").click()
    frame = embed.locator("iframe")
    frame.wait_for(state="attached")
    src = frame.get_attribute("src")
    assert src.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?")
    assert "enablejsapi=1" in src and "autoplay=1" in src
    assert frame.get_attribute("title") == "Tides and Tables (YouTube)"
    assert frame.get_attribute("referrerpolicy") == "strict-origin-when-cross-origin"
    # the template's iframe is lazy; once asked for it loads at once, even out of view
    assert frame.get_attribute("loading") == "eager"
    assert "encrypted-media" in frame.get_attribute("allow")
    assert embed.locator(".podcast-embed-placeholder").count() == 0
    page.wait_for_function("() => true")  # let the aborted request settle
    page.wait_for_timeout(300)
    assert any(url.startswith("https://www.youtube-nocookie.com/embed/") for url in tab.blocked)
    assert all("youtube-nocookie.com" in url for url in tab.blocked), tab.blocked

    # the keyboard works too: Spotify's button, focused, and Enter
    spotify = page.locator(".podcast-embed[data-provider='spotify']")
    page.locator(".podcast-switch button[data-provider='spotify']").focus()
    page.keyboard.press("Enter")
    spotify.locator("button.podcast-embed-load").focus()
    page.keyboard.press("Enter")
    spotify.locator("iframe").wait_for(state="attached")
    assert (
        spotify.locator("iframe")
        .get_attribute("src")
        .startswith("https://open.spotify.com/embed/episode/")
    )
    assert [e for e in tab.errors if not any(a in e for a in ABORTED)] == []
    assert tab.csp_violations() == []


def test_clicking_a_turn_time_seeks_the_audio(tab: Page) -> None:
    page = tab.open("episode.html")
    tab.audio_ready()
    page.locator(".podcast-turn[data-start='12'] a.podcast-time").click()
    page.wait_for_function("() => Math.abs(document.querySelector('audio').currentTime - 12) < 0.5")
    assert tab.current_starts() == ["12"]
    assert page.evaluate("location.hash") == ""  # the click seeks; it does not navigate
    # a {t} role link (in the turn at 20) and an outline chapter time seek the same player
    page.locator(".podcast-turn[data-start='20'] a.podcast-time[href='#t=5']").click()
    page.wait_for_function("() => Math.abs(document.querySelector('audio').currentTime - 5) < 0.5")
    assert tab.current_starts() == ["5"]
    page.locator("nav.podcast-outline a.podcast-time[href='#t=0']").click()
    page.wait_for_function("() => document.querySelector('audio').currentTime < 0.5")
    assert tab.current_starts() == ["0"]
    assert tab.blocked == [] and tab.errors == [] and tab.csp_violations() == []


@pytest.mark.parametrize("fragment", ["t=12", "t=0:12", "t=00:00:12"])
def test_deep_link(tab: Page, fragment: str) -> None:
    page = tab.open(f"episode.html#{fragment}")
    tab.audio_ready()
    page.wait_for_function("() => Math.abs(document.querySelector('audio').currentTime - 12) < 0.5")
    assert tab.current_starts() == ["12"]
    # a later change of the hash seeks again
    page.evaluate("location.hash = '#t=20'")
    page.wait_for_function("() => Math.abs(document.querySelector('audio').currentTime - 20) < 0.5")
    assert tab.current_starts() == ["20"]
    # the YouTube embed is not loaded by a deep link: it waits for a click, then starts there
    youtube = page.locator(".podcast-embed[data-provider='youtube']")
    assert youtube.locator("iframe").count() == 0
    assert tab.blocked == [] and tab.errors == [] and tab.csp_violations() == []


def test_current_turn_follows_current_time(tab: Page) -> None:
    page = tab.open("episode.html")
    tab.audio_ready()
    assert tab.current_starts() == []
    for seconds, expected in ((20, "20"), (3, "2"), (0, "0"), (13.5, "12"), (24, "20")):
        page.evaluate(
            "t => { const a = document.querySelector('audio'); a.currentTime = t;"
            " a.dispatchEvent(new Event('timeupdate')); }",
            seconds,
        )
        page.wait_for_function(
            "s => [...document.querySelectorAll('.podcast-current')]"
            ".map(e => e.dataset.start).join() === s",
            arg=expected,
        )
    assert page.locator(".podcast-current").count() == 1
    assert tab.errors == [] and tab.csp_violations() == []


def test_follow_toggle(tab: Page) -> None:
    page = tab.open("episode.html")
    follow = page.locator(".podcast-switch button.podcast-follow")
    assert follow.count() == 1
    assert follow.get_attribute("aria-pressed") == "false"
    follow.click()
    assert follow.get_attribute("aria-pressed") == "true"
    page.mouse.wheel(0, 200)  # the reader scrolls away
    page.wait_for_function(
        "() => document.querySelector('.podcast-follow').getAttribute('aria-pressed') === 'false'"
    )
    assert tab.errors == []


def test_copy_link_to_this_moment(tab: Page) -> None:
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = tab.open("episode.html")
    turn = page.locator(".podcast-turn[data-start='5']")
    button = turn.locator("button.podcast-copy")
    assert button.get_attribute("aria-label") == "Copy link to this moment"
    turn.hover()
    button.click()
    expected = f"{tab.base}/episode.html#t=5"
    page.wait_for_function("() => document.querySelector('.podcast-copied') !== null")
    assert button.get_attribute("data-url") == expected
    assert page.evaluate("navigator.clipboard.readText()") == expected
    # turns without a time have no such button
    untimed = page.locator(".podcast-turn:not([data-start]) button.podcast-copy")
    assert untimed.count() == 0
    assert tab.errors == [] and tab.csp_violations() == []


@pytest.mark.parametrize("builder", ["singlehtml", "dirhtml"])
def test_other_html_builders(browser: Any, tmp_path: Path, builder: str) -> None:
    """The copied audio file plays from its _downloads/ URL; turn times and #t= seek it."""
    for base in serve(tmp_path, builder):
        tab = Page(browser, base)
        try:
            page = tab.open("index.html#t=12" if builder == "singlehtml" else "episode/#t=12")
            tab.audio_ready()
            page.wait_for_function(
                "() => Math.abs(document.querySelector('audio').currentTime - 12) < 0.5"
            )
            page.locator(".podcast-turn[data-start='20'] a.podcast-time[href='#t=20']").click()
            page.wait_for_function(
                "() => Math.abs(document.querySelector('audio').currentTime - 20) < 0.5"
            )
            assert tab.current_starts() == ["20"]
            assert tab.blocked == [] and tab.errors == [] and tab.csp_violations() == []
        finally:
            tab.context.close()


def test_every_wait_is_a_function() -> None:
    """No browser test waits on an expression (see :class:`Page`)."""
    expression_waits = []
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        text = path.read_text(encoding="utf-8")
        for found in re.finditer(r'wait_for_function\(\s*(?:f?"([^"]*)")', text):
            if "=>" not in found[1].split("(")[0] + found[1][:12]:
                expression_waits.append(f"{path.name}: {found[1]}")
    assert expression_waits == []
