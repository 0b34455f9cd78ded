"""Our markup in every supported theme, light and dark, checked in Chromium.

Each theme builds the test root ``themes`` once (module-scoped, one build per theme);
one server serves every build and one browser opens them. For each theme and colour
scheme, axe-core (bundled by ``axe-playwright-python``) checks an episode page, the
people page and an episode list, restricted to our markup (``[class*="podcast-"]``),
with the episode in its states: a turn playing, the player docked, a search with
matches. Our own checks add what axe leaves out: round avatars, 3:1 for controls and
speaker bars, the theme's font in our controls. Dark mode is reached the theme's own
way: the reader's system preference (``prefers-color-scheme``) and the theme's own
switch, which must give our markup the same colours.
"""

from __future__ import annotations

import base64
import contextlib
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest.mock import ANY

import pytest
from conftest import ROOTS, serving, skip_unless
from test_browser import NOT_LOCAL
from test_listening_browser import RangesOnly
from test_media import write_media

from sphinx_podcast.assets import STATIC_DIR

pytestmark = pytest.mark.browser

PAGES = ("episodes/lanterns.html", "people.html", "index.html")
EPISODE = PAGES[0]


@dataclass(frozen=True)
class Theme:
    name: str
    # the theme's own light/dark switch, if it has one: what to click (in this order, then
    # again) to get {mode} (dark or light)
    switch: tuple[str, ...] = ()
    # the theme has CSS variables for its colours (our surfaces take them)
    variables: bool = True
    # the radius our boxes take from its variables, if it has one
    radius: str | None = None


IMMATERIAL_CONF = """
extensions.append("sphinx_immaterial")
html_theme_options = {
    "font": False,
    "palette": [
        {"media": "(prefers-color-scheme: light)", "scheme": "default",
         "toggle": {"icon": "material/weather-night", "name": "Dark mode"}},
        {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
         "toggle": {"icon": "material/weather-sunny", "name": "Light mode"}},
    ],
}
"""

# a menu: System Settings, Light, Dark
PYDATA_SWITCH = ("button.theme-switch-button", "button.theme-change-button[data-mode={mode}]")

THEMES = {
    theme.name: theme
    for theme in (
        Theme("alabaster", variables=False),
        Theme("sphinx_rtd_theme", variables=False),
        Theme("furo", switch=("button.theme-toggle",)),
        Theme("pydata_sphinx_theme", switch=PYDATA_SWITCH, radius="6px"),
        Theme("sphinx_book_theme", switch=PYDATA_SWITCH, radius="6px"),
        Theme("shibuya", switch=("button.theme-switch",)),
        Theme("sphinx_immaterial", switch=("label.md-header__button[for^='__palette']",)),
    )
}


@dataclass
class Served:
    base: str
    outdir: Path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for every theme's build (each in a folder named after the theme)."""
    outdir = tmp_path_factory.mktemp("themes")
    with serving(outdir, RangesOnly) as base:
        yield Served(base, outdir)


def build_site(served: Served, theme: str, language: str = "en") -> str:
    """The test root built in *theme* and *language*; its URL. ``sphinx-build`` runs in its
    own process: sphinx-immaterial starts a multiprocessing manager (a fork) at set-up,
    which must not happen in this process with its server and browser threads."""
    name = theme if language == "en" else f"{theme}-{language}"
    work = served.outdir.parent / f"{served.outdir.name}-{name}"
    shutil.copytree(ROOTS / "test-themes", work / "src")
    write_media(work / "src")
    if theme == "sphinx_immaterial":
        conf = work / "src" / "conf.py"
        conf.write_text(conf.read_text(encoding="utf-8") + IMMATERIAL_CONF, encoding="utf-8")
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-N"]
    command += ["-w", str(work / "warnings"), f"-Dhtml_theme={theme}", f"-Dlanguage={language}"]
    command += [str(work / "src"), str(served.outdir / name)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (work / "warnings").read_text(encoding="utf-8") == ""
    return f"{served.base}/{name}"


@pytest.fixture(scope="module", params=list(THEMES))
def theme(request: pytest.FixtureRequest, served: Served) -> Theme:
    """The test root built in one theme (once per module and theme)."""
    theme = THEMES[request.param]
    build_site(served, theme.name)
    return theme


@pytest.fixture(scope="module")
def axe() -> Any:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        Axe = None
    skip_unless(Axe is not None, "axe-playwright-python is not installed")
    return Axe()


CHECKS_JS = Path(__file__).with_name("theme_checks.js")


class Tab:
    """A fresh browser context in one colour scheme, with tests/theme_checks.js in every
    page; requests to other hosts are aborted, page errors recorded."""

    def __init__(
        self, browser: Any, base: str, scheme: str, width: int = 1366, height: int = 900
    ) -> None:
        self.base = base
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=scheme
        )
        self.context.route(NOT_LOCAL, lambda route: route.abort())
        self.context.add_init_script(path=CHECKS_JS)
        self.errors: list[str] = []
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(f"{error}: {error.stack}"))

    def open(self, path: str) -> Any:
        self.page.goto(f"{self.base}/{path}")
        self.page.wait_for_load_state("load")
        # no colour transitions: what is read is what the scheme gives, not a frame of a fade
        self.page.add_style_tag(content="*,*::before,*::after{transition:none!important}")
        return self.page

    def is_dark(self) -> bool:
        return bool(self.page.evaluate("podcastChecks.isDark()"))

    def switch_to(self, theme: Theme, dark: bool) -> None:
        """Use the theme's own light/dark switch until the page shows the wanted scheme."""
        assert theme.switch
        for _ in range(3):
            if self.is_dark() == dark:
                return
            for step in theme.switch:
                selector = step.format(mode="dark" if dark else "light")
                self.page.locator(f"{selector} >> visible=true").first.click()
        assert self.is_dark() == dark

    def close(self) -> None:
        self.context.close()


@contextlib.contextmanager
def tab(
    browser: Any, base: str, scheme: str, width: int = 1366, height: int = 900
) -> Iterator[Tab]:
    opened = Tab(browser, base, scheme, width, height)
    try:
        yield opened
    finally:
        opened.close()


def play_a_turn(page: Any) -> None:
    """A turn highlighted as it plays, held there (what is read must not depend on how far
    it played)."""
    page.locator(".podcast-turn[data-start='3'] a.podcast-time").click()
    page.evaluate("() => document.querySelector('audio').pause()")
    page.evaluate("() => { document.querySelector('audio').currentTime = 3; }")
    page.wait_for_selector(".podcast-turn.podcast-current[data-start='3']")


def listen_and_search(page: Any) -> None:
    """The states of an episode page while a reader listens and searches: a turn playing,
    the player docked at the bottom (the player scrolled out of view), matches marked."""
    play_a_turn(page)
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_selector(".podcast-dock", state="visible")
    page.locator(".podcast-search input").fill("light")
    page.wait_for_selector("mark.podcast-match")
    page.locator(".podcast-search input").press("Enter")
    page.wait_for_selector("mark.podcast-match.podcast-match-current")
    page.mouse.move(0, 0)  # nothing hovered


def axe_violations(axe: Any, page: Any) -> list[str]:
    """axe-core's violations inside our markup: rule, element, axe's message."""
    results = axe.run(
        page,
        context={"include": [["body [class*='podcast-']"]]},
        options={"resultTypes": ["violations"]},
    )
    found = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            messages = [check["message"] for kind in ("any", "all", "none") for check in node[kind]]
            found.append(f"{violation['id']} {node['target']} {'; '.join(messages)[:240]}")
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_our_markup_in_the_theme(
    theme: Theme, scheme: str, served: Served, browser: Any, axe: Any
) -> None:
    """0 axe-core violations in podcast- markup on three pages and our own checks, in the
    theme's light and dark scheme as the reader's system preference picks it (themes
    without a dark mode stay light); the theme's own switch to that scheme gives our markup
    the same colours."""
    base = f"{served.base}/{theme.name}"
    dark = scheme == "dark" and bool(theme.switch)
    problems: list[str] = []
    with tab(browser, base, scheme) as reader:
        for path in PAGES:
            page = reader.open(path)
            assert reader.is_dark() == dark
            if path == EPISODE:
                colours = page.evaluate("podcastChecks.colours()")
                listen_and_search(page)
                taken = page.evaluate("podcastChecks.taken()")
            found = axe_violations(axe, page) + page.evaluate("podcastChecks.problems()")
            problems += [f"{path}: {line}" for line in found]
        assert reader.errors == []
    assert problems == [], "\n".join(problems)
    # the docked bar is the theme's page: its background and text colour (else white)
    assert taken["dock"] == (taken["page"] if theme.variables else [[255, 255, 255, 1], ANY])
    if theme.radius:
        assert taken["radius"] == theme.radius
    if theme.switch:
        with tab(browser, base, "light" if dark else "dark") as reader:
            page = reader.open(EPISODE)
            reader.switch_to(theme, dark)
            page.mouse.move(0, 0)
            assert page.evaluate("podcastChecks.colours()") == colours


@pytest.fixture(scope="module", params=[("furo", "ar"), ("alabaster", "he")], ids="-".join)
def right_to_left(request: pytest.FixtureRequest, served: Served) -> str:
    """The test root in Arabic (furo) and in Hebrew (alabaster): neither theme sets a
    direction; ``<html lang>`` is all there is."""
    return build_site(served, *request.param)


def test_right_to_left(right_to_left: str, browser: Any, tmp_path: Path) -> None:
    """In a right-to-left language our blocks run right to left: bars on the right, the
    time after the name (to its left) and clear of the text, back links on the left, the
    player's parts from the right; a screenshot shows the bar at the right edge."""
    with tab(browser, right_to_left, "light") as reader:
        page = reader.open(EPISODE)
        play_a_turn(page)
        directions = page.evaluate(
            "[...document.querySelectorAll('.podcast-turn, nav.podcast-outline, .podcast-embed,"
            " .podcast-episode, .podcast-backlink-line')].map(e => getComputedStyle(e).direction)"
        )
        assert set(directions) == {"rtl"}
        assert page.evaluate("podcastChecks.problems()") == []
        # what a reader sees: the speaker's bar is at the right edge of the turn
        turn = page.locator("#turn-2")
        png = turn.screenshot(path=tmp_path / "turn.png")
        pixels = page.evaluate("podcastChecks.edgePixels", base64.b64encode(png).decode())
        bar = page.evaluate(
            "podcastChecks.rgba(getComputedStyle(document.querySelector('#turn-2'))"
            ".borderRightColor)"
        )
        assert all(abs(a - b) <= 2 for a, b in zip(pixels["right"][:3], bar[:3], strict=True))
        assert pixels["left"][:3] != pixels["right"][:3]
        # the docked bar: on the page's side, but its controls keep the direction of time
        page.evaluate(
            "() => { document.documentElement.style.paddingBottom = '2000px';"
            " scrollTo(0, document.documentElement.scrollHeight); }"
        )
        page.locator(".podcast-dock").wait_for(state="visible")
        page.locator(".podcast-dock").screenshot(path=tmp_path / "dock.png")
        assert page.evaluate(DOCK_READING) == {
            # from the left: close … speed, then ⏮ −15 ▶ +30 ⏭ as in any player
            "order": [
                *("close", "share", "follow", "speed"),
                *("previous", "back", "play", "forward", "next"),
            ],
            "chapterRightOfTime": True,
            "minusLeftOf15": True,  # "−15", not "15−"
            "plusLeftOf30": True,
            "elapsedLeftOfTotal": True,  # "00:03 / 02:30", not "02:30 / 00:03"
            "seekFromLeft": "ltr",
        }
        assert reader.errors == []


# Where the docked bar's parts are drawn: the order of its controls from the left, and
# whether the characters of its numbers come in reading order (a range per part of a text).
DOCK_READING = """() => {
  const dock = document.querySelector('.podcast-dock');
  const left = (element) => element.getBoundingClientRect().left;
  const controls = [...dock.querySelectorAll('.podcast-dock-controls [data-action]')];
  const drawnAt = (element, start, end) => {
    const range = document.createRange();
    range.setStart(element.firstChild, start);
    range.setEnd(element.firstChild, end);
    return range.getBoundingClientRect().left;
  };
  const back = dock.querySelector('[data-action=back]');
  const forward = dock.querySelector('[data-action=forward]');
  const time = dock.querySelector('.podcast-dock-time');
  const length = time.textContent.length;
  return {
    order: controls.sort((a, b) => left(a) - left(b)).map((control) => control.dataset.action),
    chapterRightOfTime: left(dock.querySelector('.podcast-dock-chapter')) > left(time),
    minusLeftOf15: drawnAt(back, 0, 1) < drawnAt(back, 1, 3),
    plusLeftOf30: drawnAt(forward, 0, 1) < drawnAt(forward, 1, 3),
    elapsedLeftOfTotal: drawnAt(time, 0, 5) < drawnAt(time, length - 5, length),
    seekFromLeft: getComputedStyle(dock.querySelector('.podcast-dock-seek')).direction,
  };
}"""


# physical properties and values; :align: right is the right side in any direction
PHYSICAL = re.compile(
    r"(?<![\w-])(?:[\w-]*-)?(?:left|right|top|bottom)(?:-[\w-]+)?\s*:"
    r"|\b(?:float|clear|text-align)\s*:\s*(?:left|right)\b"
)
SHORTHANDS = re.compile(
    r"(?<![\w-])(margin|padding|inset|border-width|border-style|border-color)\s*:([^;}]*)"
)


def test_our_css_has_logical_properties_only() -> None:
    """Every side in podcast.css is a start or an end (inline or block), so right-to-left
    pages turn it around; four-value shorthands are the same on both inline sides."""
    css = re.sub(
        r"/\*.*?\*/", "", (STATIC_DIR / "podcast.css").read_text(encoding="utf-8"), flags=re.S
    )
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", css)
    physical = [
        (selector.strip(), found.group())
        for selector, body in rules
        for found in PHYSICAL.finditer(body)
    ]
    assert physical == [(".podcast-align-right", "margin-left:")]
    lopsided = [
        (selector.strip(), found.group())
        for selector, body in rules
        for found in SHORTHANDS.finditer(body)
        if len(values := found.group(2).split()) == 4 and values[1] != values[3]
    ]
    assert lopsided == []
    assert "text-align:end" in css and "float:inline-end" in css  # what the checks look for
