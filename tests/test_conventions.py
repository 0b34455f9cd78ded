"""Docutils conventions: ``:class:`` and ``:name:`` on every directive, unknown options
reported at their line; search results that land on the speaker or episode.

Root ``conventions``: ``tides.md`` (MyST) and ``charts.rst`` use every directive with
``:class: c-<name>`` / ``r-<name>`` and a ``:name:``; ``links.md`` refers to the names;
``unknown.md`` and ``unknown-rst.rst`` give directives options they do not have.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from conftest import ROOTS, build_root_app, serving, warnings_of
from sphinx.cmd.build import build_main
from sphinx.testing.util import SphinxTestApp


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    app: SphinxTestApp = build_root_app("test-conventions", tmp_path_factory.mktemp("conventions"))
    return app


def page(app: SphinxTestApp, name: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(Path(app.outdir) / f"{name}.html")).getroot()


def with_class(root: lxml.html.HtmlElement, name: str) -> list[lxml.html.HtmlElement]:
    return root.xpath(f"//*[contains(concat(' ', @class, ' '), ' {name} ')]")


def test_unknown_options_are_errors_at_their_line_and_ignored(site: SphinxTestApp) -> None:
    assert warnings_of(site) == [
        "unknown.md:4: ERROR: the turn directive has no option :colour: "
        "(it has :class:, :name:); ignored [podcast.unknown_option]",
        "unknown.md:10: ERROR: the speaker-list directive has no option :sort: "
        "(it has :class:, :name:); ignored [podcast.unknown_option]",
        "unknown-rst.rst:5: ERROR: the turn directive has no option :colour: "
        "(it has :class:, :name:); ignored [podcast.unknown_option]",
        "unknown-rst.rst:11: ERROR: the episode-list directive has no option :sort-by: "
        "(it has :category:, :class:, :layout:, :limit:, :name:, :reversed:, :sort:, "
        ":speaker:, :tag:); ignored [podcast.unknown_option]",
    ]
    # ... and nothing the author wrote is lost: the turns are turns, the list a list
    for name in ("unknown", "unknown-rst"):
        root = page(site, name)
        (turn,) = with_class(root, "podcast-turn")
        assert "Written with an option the turn does not have." in turn.text_content()
        assert "colour" not in root.text_content()
    assert with_class(page(site, "unknown"), "podcast-speaker-list")
    assert with_class(page(site, "unknown-rst"), "podcast-episode-list")


def test_an_unknown_option_fails_a_build_with_w(tmp_path: Path) -> None:
    """An error, as docutils reports one: -W fails the build; without it the build goes on."""
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-conventions", source)
    quiet = ["-q", "-b", "html", str(source)]
    assert build_main([*quiet, str(tmp_path / "plain")]) == 0
    assert (tmp_path / "plain" / "unknown.html").is_file()
    assert build_main(["-W", *quiet, str(tmp_path / "strict")]) == 1


# the class each directive was given -> (tag, our class) of the element it must be on
OUTERMOST = {
    "c-episode": ("header", "podcast-episode"),
    "c-outline": ("nav", "podcast-outline"),
    "c-youtube": ("div", "podcast-embed-youtube"),
    "c-vimeo": ("div", "podcast-embed-vimeo"),
    "c-spotify": ("div", "podcast-embed-spotify"),
    "c-audio": ("div", "podcast-embed-audio"),
    "c-video": ("div", "podcast-embed-video"),
    "c-turn": ("div", "podcast-turn"),
    "r-episode": ("header", "podcast-episode"),
    "r-outline": ("nav", "podcast-outline"),
    "r-turn": ("div", "podcast-turn"),
    "r-youtube": ("div", "podcast-embed-youtube"),
    "c-speaker": ("div", "podcast-speaker-profile"),
    "c-speaker-list": ("div", "podcast-speaker-list"),
    "c-episode-list": ("div", "podcast-episode-list"),
    "c-soundbite": ("figure", "podcast-soundbite"),
    "c-soundbite-list": ("div", "podcast-soundbite-list"),
}


def test_class_goes_on_the_outermost_element(site: SphinxTestApp) -> None:
    pages = [page(site, name) for name in ("tides", "charts", "people")]
    found = {}
    for root in pages:
        for css_class in OUTERMOST:
            for element in with_class(root, css_class):
                found[css_class] = (element.tag, element.get("class").split())
    assert set(found) == set(OUTERMOST)
    for css_class, (tag, ours) in OUTERMOST.items():
        assert found[css_class][0] == tag, css_class
        assert ours in found[css_class][1], css_class
    # a transcript makes several turns: each carries the class
    transcript = with_class(page(site, "tides"), "c-transcript")
    assert [turn.get("data-speaker") for turn in transcript] == ["sam", "priya"]
    assert all("podcast-turn" in turn.get("class").split() for turn in transcript)


def test_name_is_a_ref_target(site: SphinxTestApp) -> None:
    """Each ``{ref}`` lands on an element that exists, and the directives that have a
    title give the link its text, as a section does."""
    links = page(site, "links")
    found = {}
    for item in links.xpath("//div[@role='main']//li"):
        label, _, _rest = item.text_content().partition(":")
        (link,) = item.xpath(".//a")
        found[label] = (link.get("href"), " ".join(link.text_content().split()))
    assert found == {
        "episode": ("tides.html#episode", "Tides and Tables"),
        "outline": ("tides.html#outline", "Outline"),
        "turn": ("tides.html#n-turn", "Priya Raman [00:00:20]"),
        "player": ("tides.html#n-audio", "The tides episode"),
        "rst episode": ("charts.html#episode", "Charts by Hand"),
        "rst turn": ("charts.html#r-turn", "Priya Raman [00:00:05]"),
        "speakers": ("people.html#n-speaker-list", "the speakers"),
        "episodes": ("people.html#n-episode-list", "the episodes"),
        "transcript": ("tides.html#n-transcript", "the transcript"),
        "youtube": ("tides.html#n-youtube", "the video"),
        "quote": ("tides.html#soundbite-1", "the quote"),
        "quote title": ("tides.html#soundbite-1", "From a century of gauge readings."),
        "long quote": (
            "tides.html#soundbite-2",
            "So every table in the almanac rests on numbers that someone…",
        ),
        "highlights": ("people.html#n-soundbite-list", "Highlights"),
    }
    for href, _text in found.values():
        name, _, fragment = href.partition("#")
        assert page(site, Path(name).stem).xpath(f"//*[@id='{fragment}']"), href
    # a named turn keeps its turn-N id first (the page's anchors, exports)
    (turn,) = with_class(page(site, "tides"), "c-turn")
    assert turn.get("id") == "turn-2"
    assert turn.xpath("./span/@id") == ["n-turn"]


def test_search_index_anchors_exist(site: SphinxTestApp) -> None:
    """What Sphinx's search page makes of each of our objects is an id on the page
    (it rebuilds a shortened anchor from the name it shows: sphinx-doc/sphinx#10380)."""
    text = (Path(site.outdir) / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    types = {int(number): name for number, name in index["objtypes"].items()}
    names = {int(number): entry for number, entry in index["objnames"].items()}
    links = {}
    for prefix, entries in index["objects"].items():
        for file_index, type_index, _prio, short, name in entries:
            if not types[type_index].startswith("podcast:"):
                continue
            shown = f"{prefix}.{name}" if prefix else name
            anchor = {"": shown, "-": f"{names[type_index][1]}-{shown}"}.get(short, short)
            links[shown] = (index["docnames"][file_index], anchor)
    assert links == {
        "Tides and Tables": ("tides", "tides-and-tables"),
        "Charts by Hand": ("charts", "charts-by-hand"),
        "Priya Raman": ("people", "profile-priya"),
        "Sam Okafor": ("people", "profile-sam"),
    }
    for docname, anchor in links.values():
        assert page(site, docname).xpath(f"//*[@id='{anchor}']")


# -- Sphinx's own search page in Chromium --------------------------------------------


@pytest.fixture(scope="module")
def served(site: SphinxTestApp) -> Iterator[str]:
    with serving(Path(site.outdir)) as base:
        yield base


@pytest.mark.browser
@pytest.mark.parametrize(
    ("typed", "result", "lands_on"),
    [
        ("Priya Raman", "Priya Raman", "div.podcast-speaker-profile[data-speaker='priya']"),
        ("Sam", "Sam Okafor", "div.podcast-speaker-profile[data-speaker='sam']"),
        ("Charts by Hand", "Charts by Hand", "section:has(> h1)"),
    ],
)
def test_search_results_land_on_the_profile_or_episode(
    browser: Any,
    served: str,
    typed: str,
    result: str,
    lands_on: str,
) -> None:
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    try:
        tab = context.new_page()
        tab.route("**/*", _local_only)
        tab.goto(f"{served}/search.html")
        tab.fill("input[name='q']", typed)
        tab.press("input[name='q']", "Enter")
        link = tab.locator("#search-results li.kind-object a", has_text=result).first
        link.wait_for(timeout=15000)
        link.click()
        tab.wait_for_load_state()
        fragment = tab.evaluate("decodeURIComponent(location.hash.slice(1))")
        assert fragment, tab.url
        landed = tab.evaluate(
            """([id, selector]) => {
                const target = document.getElementById(id);
                if (!target) return null;
                const owner = target.closest(selector) || target.parentElement.closest(selector);
                const box = target.getBoundingClientRect();
                return {
                    owner: owner !== null,
                    text: owner ? owner.textContent : "",
                    visible: Math.round(box.top) >= 0 && box.top < window.innerHeight,
                };
            }""",
            [fragment, lands_on],
        )
        assert landed is not None, f"{tab.url}: no element with id {fragment!r}"
        assert landed["owner"], f"{tab.url} is not in {lands_on}"
        assert result in landed["text"]
        assert landed["visible"]
    finally:
        context.close()


def _local_only(route: Any) -> None:
    if route.request.url.startswith("http://127.0.0.1:"):
        route.continue_()
    else:
        route.abort()
