"""The listening experience in Chromium: one player with a source switcher, one stream at a
time, the docked player bar, links to moments in five themes, transcript search, labels.

The listening root is built once per theme and served on 127.0.0.1 with byte ranges and
``Content-Security-Policy: script-src 'self'``. There is no network: requests for the
YouTube and Vimeo players are answered with local stand-ins that speak their players'
postMessage protocol (tests/fixtures/standins), every other request to another host is
recorded and aborted. Widths: desktop 1366 x 900, mobile 390 x 844 (touch).
"""

from __future__ import annotations

import contextlib
import http.server
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import serving
from test_browser import Handler, Page
from test_listening import build_listening
from test_media import build

pytestmark = pytest.mark.browser

STANDINS = Path(__file__).parent / "fixtures" / "standins"
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
MOBILE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
# pydata-sphinx-theme logs this on a first visit (no mode stored yet): not ours
THEME_NOISE = ("Got invalid theme mode",)
WIDTHS = {"desktop": DESKTOP, "mobile": MOBILE}
# furo and alabaster, at both widths
EVERY_LAYOUT = pytest.mark.parametrize(
    ("theme", "width"), [(t, w) for t in ("alabaster", "furo") for w in WIDTHS]
)
THEMES = ("alabaster", "furo", "sphinx_rtd_theme", "pydata_sphinx_theme", "sphinx_book_theme")


class Sites:
    """The listening root built with each theme (on first use) and served."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self.factory = factory
        self.servers: dict[str, Any] = {}
        self.bases: dict[str, str] = {}

    def __call__(self, theme: str = "alabaster", handler: Any = Handler) -> str:
        key = f"{theme}-{handler.__name__}"
        if key not in self.bases:
            outdir = self.outdir(theme)
            server = serving(outdir, handler)
            self.bases[key] = server.__enter__()
            self.servers[key] = server
        return self.bases[key]

    def outdir(self, theme: str) -> Path:
        tmp = self.factory.getbasetemp() / f"listening-{theme}"
        if not (tmp / "_build" / "html" / "episode.html").exists():
            tmp.mkdir(exist_ok=True)
            overrides: dict[str, Any] = {"html_theme": theme}
            if theme == "alabaster":  # its search box has an inline script: leave it out
                overrides["html_sidebars"] = {"**": ["localtoc.html", "relations.html"]}
            build_listening(tmp, **overrides)
        return tmp / "_build" / "html"

    def close(self) -> None:
        for server in self.servers.values():
            server.__exit__(None, None, None)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    built = Sites(tmp_path_factory)
    try:
        yield built
    finally:
        built.close()


IN_VIEW = """s => { const box = document.querySelector(s).getBoundingClientRect();
  const dock = document.querySelector('.podcast-dock');
  const bottom = dock && !dock.hidden ? dock.getBoundingClientRect().top : innerHeight;
  return box.top >= 0 && box.bottom <= bottom; }"""


class RangesOnly(Handler):
    """Byte ranges, no Content-Security-Policy."""

    def end_headers(self) -> None:
        self.send_header("Accept-Ranges", "bytes")
        http.server.SimpleHTTPRequestHandler.end_headers(self)


class Tab(Page):
    """A page whose YouTube and Vimeo iframes get the local stand-ins."""

    def __init__(self, chromium: Any, base: str, **options: Any) -> None:
        super().__init__(chromium, base, **options)
        self.players: list[str] = []
        for pattern, name in (
            ("https://www.youtube-nocookie.com/embed/**", "youtube.html"),
            ("https://player.vimeo.com/video/**", "vimeo.html"),
        ):
            self.context.route(pattern, self._standin(name))

    def _standin(self, name: str) -> Any:
        def answer(route: Any) -> None:  # one parameter: Playwright passes the route alone
            self.players.append(route.request.url)
            body = (STANDINS / name).read_text(encoding="utf-8")
            route.fulfill(status=200, content_type="text/html", body=body)

        return answer

    def clean(self) -> None:
        """No request left the machine except to a stand-in, no error, no CSP violation."""
        assert self.blocked == []
        assert [e for e in self.errors if not e.startswith(THEME_NOISE)] == []
        assert self.csp_violations() == []

    def frame_received(self, provider: str) -> list[Any]:
        """The commands the provider's stand-in received."""
        frame = self.page.locator(f".podcast-embed[data-provider='{provider}'] iframe")
        handle = frame.element_handle()
        return list(handle.content_frame().evaluate("window.received"))

    def wait(self, expression: str, timeout: float = 5000) -> None:
        """Wait until *expression* is true in the page. Polled from here: Playwright's
        wait_for_function evaluates strings with eval, which script-src 'self' forbids."""
        for _ in range(int(timeout / 50)):
            if self.page.evaluate(expression):
                return
            self.page.wait_for_timeout(50)
        raise AssertionError(f"still false after {timeout} ms: {expression}")

    def audio_time(self) -> float:
        return float(self.page.evaluate("document.querySelector('audio').currentTime"))

    def current(self) -> list[str]:
        return list(
            self.page.eval_on_selector_all(
                ".podcast-current",
                "els => els.map(e => e.dataset.start || e.dataset.estimatedStart)",
            )
        )

    def in_view(self, selector: str) -> bool:
        """Whether the element is wholly in the window, above the docked bar."""
        return bool(self.page.evaluate(IN_VIEW, selector))

    def wait_until_still(self, timeout: float = 5000) -> None:
        """Wait until the page has stopped scrolling (a smooth scroll still under way
        would carry a scroll made now along with it)."""
        previous = None
        for _ in range(int(timeout / 100)):
            position = self.page.evaluate("scrollY")
            if position == previous:
                return
            previous = position
            self.page.wait_for_timeout(100)
        raise AssertionError(f"still scrolling after {timeout} ms")

    def wait_in_view(self, selector: str) -> None:
        """Smooth scrolling over a long page takes a moment."""
        self.wait(f"({IN_VIEW})({selector!r})")


@pytest.fixture
def open_tab(browser: Any, sites: Sites) -> Iterator[Any]:
    tabs: list[Tab] = []

    def opener(theme: str = "alabaster", handler: Any = None, **options: Any) -> Tab:
        # The other themes have inline scripts of their own: served without the policy.
        handler = handler or (Handler if theme == "alabaster" else RangesOnly)
        tab = Tab(browser, sites(theme, handler), **(options or DESKTOP))
        tabs.append(tab)
        return tab

    yield opener
    for tab in tabs:
        tab.context.close()


def turn_selector(start: str) -> str:
    return f".podcast-turn[data-start='{start}']"


# -- links to moments ------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_deep_link_lands_on_the_turn(open_tab: Any, theme: str) -> None:
    """#t=… opened in a new tab scrolls its turn into view after loading and highlights it,
    in every theme (some smooth-scroll); the three forms of a moment land alike."""
    for fragment in ("t=110", "t=1:50", "t=110,115"):
        tab = open_tab(theme)
        page = tab.open(f"episode.html#{fragment}")
        page.wait_for_timeout(500)  # after the theme's own scripts and our second look
        assert tab.current() == ["110"], (theme, fragment)
        assert tab.in_view(turn_selector("110")), (theme, fragment)
        assert page.evaluate("scrollY") > 1000
        assert abs(tab.audio_time() - 110) < 0.5
        tab.clean()
        tab.context.close()


@EVERY_LAYOUT
def test_links_to_moments_in_the_page(open_tab: Any, theme: str, width: str) -> None:
    tab = open_tab(theme, **WIDTHS[width])
    page = tab.open("episode.html")
    # a chapter time in the outline plays from there and scrolls the transcript to it
    page.locator("nav.podcast-outline a.podcast-time[href='#t=90']").click()
    tab.wait("Math.abs(document.querySelector('audio').currentTime - 90) < 1")
    tab.wait_in_view(turn_selector("90"))
    assert tab.current() == ["90"]
    # the player is out of view now: the bar docks, and shares the current moment
    dock = page.locator(".podcast-dock")
    dock.wait_for(state="visible")
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.evaluate("document.querySelector('audio').pause()")
    page.locator(".podcast-dock [data-action='share']").click()
    tab.wait("document.querySelector('.podcast-dock .podcast-copied')")
    shared = page.evaluate("navigator.clipboard.readText()")
    assert shared.startswith(f"{tab.base}/episode.html#t=9")
    # untimed turns have the exports' estimate: highlight follows it
    estimated = page.locator(".podcast-turn[data-estimated-start]").nth(1)
    seconds = float(estimated.get_attribute("data-estimated-start"))
    page.evaluate(
        "t => { const a = document.querySelector('audio'); a.currentTime = t; }", seconds + 0.5
    )
    tab.wait(
        "document.querySelector('.podcast-current')?.dataset.estimatedStart === "
        f"'{estimated.get_attribute('data-estimated-start')}'"
    )
    tab.clean()


# -- one player, the reader's choice of source ------------------------------------------


@pytest.mark.parametrize("theme", ["alabaster", "furo"])
def test_one_player_and_the_transcript_starts_high(open_tab: Any, theme: str) -> None:
    tab = open_tab(theme)
    page = tab.open("episode.html")
    switch = page.locator(".podcast-episode .podcast-switch")
    assert switch.get_attribute("aria-label") == "Listen"
    buttons = switch.locator("button[data-provider]")
    assert buttons.all_inner_texts() == ["Audio", "YouTube", "Vimeo", "Spotify"]
    assert [b.get_attribute("aria-pressed") for b in buttons.all()] == ["true"] + ["false"] * 3
    visible = page.eval_on_selector_all(
        ".podcast-episode .podcast-embed",
        "els => els.filter(e => !e.hidden).map(e => e.dataset.provider)",
    )
    assert visible == ["audio"]
    top = page.evaluate(
        """() => document.querySelector('.podcast-turn').getBoundingClientRect().top -
           document.querySelector('h1').getBoundingClientRect().top"""
    )
    assert top <= 700, top
    tab.clean()


@pytest.fixture(scope="module")
def full_pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Root ``firstscreen`` (an episode page as full as the demo's) in alabaster and furo."""
    with contextlib.ExitStack() as stack:
        bases = {}
        for theme in ("alabaster", "furo"):
            tmp = tmp_path_factory.mktemp(f"firstscreen-{theme}")
            app = build(tmp, "firstscreen", html_theme=theme)
            assert [line for line in app.warning.getvalue().splitlines() if line] == []
            bases[theme] = stack.enter_context(serving(Path(app.outdir), RangesOnly))
        yield bases


# where the first turn starts, from the top of the page's content (the theme's main element)
FIRST_TURN = """() => document.querySelector('.podcast-turn').getBoundingClientRect().top -
  document.querySelector('[role=main]').getBoundingClientRect().top"""


@pytest.mark.parametrize("theme", ["alabaster", "furo"])
def test_a_full_episode_page_starts_its_transcript_high(
    browser: Any, full_pages: dict[str, str], theme: str
) -> None:
    """Audio, YouTube and Spotify, automatic highlights, subscribe and transcript links,
    the previous and next episode and the guest's other one, an outline: at 1366 x 900 the
    first turn starts within 700 px of the top of the content."""
    tab = Page(browser, full_pages[theme], **DESKTOP)
    page = tab.open("ep2.html")
    header = page.locator("header.podcast-episode")
    assert header.locator(".podcast-switch button[data-provider]").all_inner_texts() == [
        "Audio",
        "YouTube",
        "Spotify",
    ]
    for part in ("subscribe", "downloads", "episode-nav", "episode-related"):
        assert header.locator(f".podcast-{part}").is_visible(), part
    first_turn = page.evaluate(FIRST_TURN)
    print(f"\n{theme}: the first turn starts {first_turn:.0f} px below the top of the content")
    assert first_turn <= 700
    # the highlights are a line of the header that opens
    highlights = header.locator("details.podcast-soundbites-auto")
    assert highlights.locator("summary").inner_text() == "Highlights (2)"
    assert highlights.locator("figure").first.is_hidden()
    highlights.locator("summary").click()
    assert highlights.locator("figure").nth(1).is_visible()
    assert page.evaluate(FIRST_TURN) > first_turn + 100
    # the titles of the neighbours, cut to keep them on one line, are whole in a tooltip
    following = header.locator(".podcast-episode-next a")
    assert following.get_attribute("title") == following.inner_text()
    assert following.inner_text() == "Jonas Okafor and Inês Carvalho on Night Birds"
    assert tab.errors == []


def test_never_two_streams(open_tab: Any) -> None:
    """Timestamps drive the source the reader chose or started last; starting one source
    pauses the others; nothing third-party is requested before a click."""
    tab = open_tab()
    page = tab.open("episode.html")
    page.wait_for_load_state("networkidle")
    assert tab.players == [] and tab.blocked == []
    # YouTube chosen: a turn time loads it there (the click is the reader's consent)
    page.locator(".podcast-switch button[data-provider='youtube']").click()
    assert page.evaluate("localStorage.getItem('sphinx-podcast-source')") == "youtube"
    assert page.locator(".podcast-embed[data-provider='audio']").is_hidden()
    page.locator(f"{turn_selector('45')} a.podcast-time").click()
    frame = page.locator(".podcast-embed[data-provider='youtube'] iframe")
    frame.wait_for(state="attached")
    assert len(tab.players) == 1 and "start=45" in tab.players[0] and "autoplay=1" in tab.players[0]
    tab.wait("document.querySelector('.podcast-current')?.dataset.start === '45'")
    # the stand-in plays and reports its time: the transcript follows YouTube
    tab.wait("document.querySelectorAll('.podcast-current').length === 1")
    # another time: a seek command to the YouTube player, not the audio
    page.locator(f"{turn_selector('65')} a.podcast-time").click()
    page.wait_for_timeout(300)
    seeks = [m["args"] for m in tab.frame_received("youtube") if m.get("func") == "seekTo"]
    assert seeks == [[65, True]]
    assert tab.audio_time() == 0
    # starting the audio pauses YouTube: never two streams
    page.locator(".podcast-switch button[data-provider='audio']").click()
    assert "pauseVideo" in [m.get("func") for m in tab.frame_received("youtube")]
    page.evaluate("document.querySelector('audio').play()")
    tab.wait("!document.querySelector('audio').paused")
    page.locator(".podcast-switch button[data-provider='vimeo']").click()
    tab.wait("document.querySelector('audio').paused")
    # Vimeo through its player API: play, time reports, seek
    page.locator(".podcast-embed[data-provider='vimeo'] button.podcast-embed-load").click()
    page.locator(".podcast-embed[data-provider='vimeo'] iframe").wait_for(state="attached")
    page.wait_for_timeout(600)
    methods = [m.get("method") for m in tab.frame_received("vimeo")]
    assert "addEventListener" in methods
    page.locator(f"{turn_selector('90')} a.podcast-time").click()
    page.wait_for_timeout(300)
    received = tab.frame_received("vimeo")
    assert {"method": "setCurrentTime", "value": 90} in received
    assert tab.audio_time() < 1
    assert len(tab.players) == 2
    tab.clean()


# -- the docked bar ------------------------------------------------------------------


@EVERY_LAYOUT
def test_the_dock(open_tab: Any, theme: str, width: str) -> None:
    tab = open_tab(theme, **WIDTHS[width])
    page = tab.open("episode.html")
    dock = page.locator(".podcast-dock")
    assert dock.is_hidden()
    page.evaluate("document.querySelector('audio').play()")
    tab.wait("!document.querySelector('audio').paused")
    assert dock.is_hidden()  # the player is in view
    page.locator(turn_selector("125")).scroll_into_view_if_needed()
    dock.wait_for(state="visible")
    assert dock.get_attribute("role") == "region" and dock.get_attribute("aria-label") == "Player"
    play = dock.locator("[data-action='play']")
    assert play.get_attribute("aria-label") == "Pause"
    # it fits the width, and the page has room for it: the last words scroll above it
    assert page.evaluate(
        "(() => { const bar = document.querySelector('.podcast-dock');"
        " return bar.scrollWidth <= bar.clientWidth; })()"
    )
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(200)
    last = page.evaluate(
        """() => { const turns = document.querySelectorAll('.podcast-turn');
           return turns[turns.length - 1].getBoundingClientRect().bottom; }"""
    )
    assert last <= dock.bounding_box()["y"] + 1
    # the controls, by keyboard: pause, +30, speed, next chapter, follow, close
    play.focus()
    page.keyboard.press("Enter")
    tab.wait("document.querySelector('.podcast-dock [data-action=play]').ariaLabel === 'Play'")
    before = tab.audio_time()
    dock.locator("[data-action='forward']").click()
    tab.wait(f"document.querySelector('audio').currentTime >= {before + 29}")
    dock.locator("[data-action='back']").click()
    tab.wait(f"document.querySelector('audio').currentTime <= {before + 16}")
    dock.locator("select[data-action='speed']").select_option("1.5")
    assert page.evaluate("document.querySelector('audio').playbackRate") == 1.5
    page.evaluate("document.querySelector('audio').currentTime = 50")
    # the bar's words follow the player's timeupdate event: waited for, not slept on
    tab.wait("document.querySelector('.podcast-dock-chapter').textContent === 'The notebooks'")
    dock.locator("[data-action='next']").click()
    tab.wait("Math.abs(document.querySelector('audio').currentTime - 90) < 1")
    dock.locator("[data-action='previous']").click()  # near the chapter's start: the one before
    tab.wait("Math.abs(document.querySelector('audio').currentTime - 45) < 1")
    tab.wait("document.querySelector('.podcast-dock-time').textContent.startsWith('00:4')")
    # back to the current turn, and follow it
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    follow = dock.locator("[data-action='follow']")
    follow.click()
    assert follow.get_attribute("aria-pressed") == "true"
    tab.wait_in_view(".podcast-current")
    dock.locator("[data-action='close']").click()
    assert dock.is_hidden()
    assert page.evaluate("document.querySelector('audio').paused")
    tab.clean()


def test_dock_with_youtube(open_tab: Any) -> None:
    """The bar drives YouTube through its API: play/pause state and time come from it."""
    tab = open_tab()
    page = tab.open("video.html")
    page.locator(".podcast-switch button[data-provider='youtube']").wait_for()
    page.locator(".podcast-embed[data-provider='youtube'] .podcast-embed-load").click()
    page.locator(".podcast-embed[data-provider='youtube'] iframe").wait_for(state="attached")
    page.wait_for_timeout(800)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.evaluate("document.documentElement.style.paddingBottom = '2000px'")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    dock = page.locator(".podcast-dock")
    dock.wait_for(state="visible")
    tab.wait("document.querySelector('.podcast-dock [data-action=play]').ariaLabel === 'Pause'")
    assert dock.locator(".podcast-dock-time").inner_text().endswith("/ 10:00")
    dock.locator("[data-action='play']").click()
    page.wait_for_timeout(300)
    assert tab.frame_received("youtube")[-1]["func"] == "pauseVideo"
    dock.locator("select[data-action='speed']").select_option("2")
    assert tab.frame_received("youtube")[-1] == {
        "event": "command",
        "func": "setPlaybackRate",
        "args": [2],
        "id": 1,
        "channel": "widget",
    }
    tab.clean()


# -- search ----------------------------------------------------------------------------


@EVERY_LAYOUT
def test_search_the_transcript(open_tab: Any, theme: str, width: str) -> None:
    tab = open_tab(theme, **WIDTHS[width])
    page = tab.open("episode.html")
    search = page.locator("form.podcast-search")
    field = search.locator("input")
    field.fill("lighthouse")
    page.wait_for_timeout(300)  # the search waits for a pause in typing
    tab.wait("document.querySelector('.podcast-search output').textContent === '1 of 1'")
    assert page.locator("mark.podcast-match").count() == 1
    tab.wait_in_view("mark.podcast-match-current")
    field.fill("Harbour")
    page.wait_for_timeout(300)  # the search waits for a pause in typing
    tab.wait("/^1 of \\d+$/.test(document.querySelector('.podcast-search output').textContent)")
    total = page.locator("mark.podcast-match").count()
    assert total > 3
    assert search.locator("output").inner_text() == f"1 of {total}"
    field.press("Enter")
    assert search.locator("output").inner_text() == f"2 of {total}"
    field.press("Shift+Enter")
    field.press("Shift+Enter")
    assert search.locator("output").inner_text() == f"{total} of {total}"
    search.locator(".podcast-search-next").click()
    assert search.locator("output").inner_text() == f"1 of {total}"
    # labels are not searched, the words in the turns are (case and accents do not matter)
    field.fill("noor haddad")
    page.wait_for_timeout(300)  # the search waits for a pause in typing
    tab.wait("document.querySelector('.podcast-search output').textContent === 'No matches'")
    # play from a match
    field.fill("thank you both")
    page.wait_for_timeout(300)  # the search waits for a pause in typing
    tab.wait("document.querySelector('.podcast-search output').textContent === '1 of 1'")
    search.locator(".podcast-search-play").click()
    tab.wait("Math.abs(document.querySelector('audio').currentTime - 140) < 1")
    field.press("Escape")
    assert page.locator("mark.podcast-match").count() == 0
    # the text is whole again
    assert "Thank you both." in page.locator(turn_selector("140")).inner_text()
    tab.clean()


@EVERY_LAYOUT
def test_search_keeps_its_count_in_view(open_tab: Any, theme: str, width: str) -> None:
    """Enter pressed before the search's pause in typing searches at once (no error), and
    the form stays at the top of the window while the reader moves through the matches."""
    tab = open_tab(theme, **WIDTHS[width])
    page = tab.open("episode.html")
    search = page.locator("form.podcast-search")
    field = search.locator("input")
    # typed, and Enter at once: in one task, well within the 150 ms the search waits for
    page.evaluate(
        """() => { const field = document.querySelector('form.podcast-search input');
           field.value = 'harbour';
           field.dispatchEvent(new Event('input', {bubbles: true}));
           field.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true})); }"""
    )
    assert tab.errors == []
    field.focus()
    total = page.locator("mark.podcast-match").count()
    assert total > 3
    assert search.locator("output").inner_text() == f"1 of {total}"
    field.press("Enter")
    page.wait_for_timeout(300)  # the pause in typing is over: nothing starts again
    assert search.locator("output").inner_text() == f"2 of {total}"
    for step in range(3, total + 1):
        search.locator(".podcast-search-next").click()
        tab.wait_in_view("mark.podcast-match-current")
        assert search.locator("output").inner_text() == f"{step} of {total}"
        assert tab.in_view("form.podcast-search output"), step
        assert tab.in_view("form.podcast-search input"), step
    # it covers no match: the current one is below it
    covered = page.evaluate(
        """() => document.querySelector('mark.podcast-match-current').getBoundingClientRect().top
           - document.querySelector('form.podcast-search').getBoundingClientRect().bottom"""
    )
    assert covered > 0
    # back at the top of the page, the form is in its place again (waited for: furo
    # scrolls smoothly, and a loaded machine draws the scroll late)
    tab.wait_until_still()  # the last match's smooth scroll is over
    page.evaluate("window.scrollTo(0, 0)")
    tab.wait("scrollY === 0")
    tab.wait(
        "!document.querySelector('form.podcast-search').classList"
        ".contains('podcast-search-floating')"
    )
    assert tab.in_view("form.podcast-search output")
    field.press("Escape")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    tab.wait("scrollY + innerHeight >= document.documentElement.scrollHeight - 2")
    page.wait_for_timeout(200)  # a frame for the search to float, had it done so wrongly
    assert not tab.in_view("form.podcast-search input")  # no search: it stays in its place
    tab.clean()


# The edge of the transcript's search field against what is around it: its colour (over
# the page's background when the theme gives it with transparency) and the contrast ratio.
FIELD_EDGE = """() => {
  const field = document.querySelector('form.podcast-search input');
  const parse = text => (text.match(/[\\d.]+/g) || []).map(Number);
  const over = (colour, below) => {
    const [red, green, blue, alpha = 1] = parse(colour);
    return [red, green, blue].map((channel, index) => channel * alpha + below[index] * (1 - alpha));
  };
  const luminance = rgb => {
    const linear = rgb.map(value => {
      const channel = value / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  };
  const ratio = (first, second) => {
    const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  };
  const page = over(getComputedStyle(document.body).backgroundColor, [255, 255, 255]);
  const look = getComputedStyle(field);
  const inside = over(look.backgroundColor, page);
  const edge = over(look.borderTopColor, inside);
  const width = parseFloat(look.borderTopWidth);
  return {width, page: ratio(edge, page), inside: ratio(edge, inside)};
}"""


@pytest.mark.parametrize(
    ("theme", "scheme"), [*((theme, "light") for theme in THEMES), ("furo", "dark")]
)
def test_search_field_edge_is_visible(open_tab: Any, theme: str, scheme: str) -> None:
    """The search field is found by its edge: at least 3:1 against the page and its own
    background (WCAG 1.4.11); furo's own border colour is a faint 1.2:1 on white."""
    tab = open_tab(theme, **DESKTOP, color_scheme=scheme)
    page = tab.open("episode.html")
    edge = page.evaluate(FIELD_EDGE)
    assert edge["width"] >= 1
    assert edge["page"] >= 3, edge
    assert edge["inside"] >= 3, edge
    tab.clean()


def test_search_without_a_player(open_tab: Any) -> None:
    tab = open_tab()
    page = tab.open("plain.html")
    field = page.locator("form.podcast-search input")
    field.fill("bowline")
    page.wait_for_timeout(300)  # the search waits for a pause in typing
    tab.wait("document.querySelector('.podcast-search output').textContent === '1 of 2'")
    assert page.locator(".podcast-search-play").is_hidden()
    assert page.locator(".podcast-dock").count() == 0
    tab.clean()


# -- labels ------------------------------------------------------------------------------


@EVERY_LAYOUT
def test_labels_line_up_and_copy_buttons_cover_nothing(
    open_tab: Any, theme: str, width: str
) -> None:
    tab = open_tab(theme, **WIDTHS[width])
    page = tab.open("episode.html")
    overlaps = page.evaluate(
        """() => {
        const found = [];
        for (const button of document.querySelectorAll('.podcast-copy')) {
          const box = button.getBoundingClientRect();
          const block = button.closest('.podcast-turn').firstElementChild;
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(walker.currentNode);
            for (const rect of range.getClientRects()) {
              if (rect.width && rect.right > box.left + 0.5 && rect.left < box.right - 0.5 &&
                  rect.bottom > box.top + 0.5 && rect.top < box.bottom - 0.5) {
                found.push(walker.currentNode.data);
              }
            }
          }
        }
        return found; }"""
    )
    assert overlaps == []
    buttons = page.locator(".podcast-copy")
    assert buttons.count() == page.locator(".podcast-turn").count()
    if width == "mobile":  # touch screens: visible without hover
        assert (
            float(
                page.evaluate("getComputedStyle(document.querySelector('.podcast-copy')).opacity")
            )
            > 0.3
        )
    # an initials badge for speakers without an avatar (Noor has one)
    badges = page.eval_on_selector_all(
        ".podcast-turn .podcast-initials",
        "els => [...new Set(els.map(e => getComputedStyle(e, '::before').content))]",
    )
    assert sorted(badges) == ['"IB"', '"TB"']
    # the back link's accessible name contains what it shows (WCAG 2.5.3)
    backlink = page.get_by_role("link", name="⬆ Back to the outline").first
    assert backlink.inner_text().startswith("⬆")
    tab.clean()


def test_reduced_motion_scrolls_at_once(open_tab: Any) -> None:
    tab = open_tab(reduced_motion="reduce", **DESKTOP)
    page = tab.open("episode.html")
    before = page.evaluate("scrollY")
    page.locator("nav.podcast-outline a.podcast-time[href='#t=125']").click()
    # no smooth scrolling: the turn is there in the same frame
    assert page.evaluate("scrollY") > before + 500
    assert tab.in_view(turn_selector("125"))
    tab.clean()


def test_media_that_cannot_load_says_so(open_tab: Any) -> None:
    tab = open_tab()
    page = tab.open("episode.html")
    embed = page.locator(".podcast-embed[data-provider='audio']")
    message = embed.locator(".podcast-media-error")
    download = embed.locator("a.podcast-download")
    assert message.is_hidden() and download.is_visible()
    assert download.inner_text() == "Download (WAV, 1.2 MB)"
    # the file has gone missing on the server: the player says so, beside the download link
    page.evaluate(
        "(() => { const audio = document.querySelector('audio');"
        " audio.querySelector('source').src = 'missing.wav'; audio.load(); })()"
    )
    tab.wait("!document.querySelector('.podcast-media-error').hidden")
    assert message.inner_text() == "The audio could not be played."
    assert message.get_attribute("role") == "alert"
    assert [e for e in tab.errors if "404" not in e] == []  # the browser logs the 404


class NoRanges(http.server.SimpleHTTPRequestHandler):
    """A plain static server, as ``python -m http.server``: no byte ranges."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_seeking_without_byte_ranges(open_tab: Any) -> None:
    tab = open_tab(handler=NoRanges)
    page = tab.open("episode.html")
    page.locator(f"{turn_selector('110')} a.podcast-time").click()
    tab.wait("Math.abs(document.querySelector('audio').currentTime - 110) < 1", timeout=10000)
    tab.clean()
