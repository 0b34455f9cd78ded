"""Chapters without a section of their own: the ``outline`` directive's content.

``sphinx-podcast import`` keeps the times of a hand-written chapter list that match
no heading as such chapters; they show in the outline among the sections, by time,
and are chapters of the episode (``chapters.json``) like the timed sections.
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from conftest import build_root_app, podcast_warnings
from sphinx.testing.util import SphinxTestApp


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    app: SphinxTestApp = build_root_app(
        "test-outline-chapters", tmp_path_factory.mktemp("outline-chapters")
    )
    return app


def outline_entries(app: SphinxTestApp, page: str) -> list[tuple[str, str, str]]:
    """(class, text, link) of each top entry of the page's outline."""
    root = lxml.html.parse(str(Path(app.outdir) / page)).getroot()
    (items,) = root.xpath("//*[contains(@class, 'podcast-outline-list')]")
    found = []
    for item in items.xpath("./li"):
        links = item.xpath("./p/a[not(contains(@class, 'podcast-time'))]/@href")
        found.append(
            (item.get("class") or "", " ".join(item.text_content().split()), "".join(links))
        )
    return found


def test_chapters_sit_among_the_sections_by_time(built: SphinxTestApp) -> None:
    assert outline_entries(built, "lights.html") == [
        ("", "Introduction 00:00", "#introduction"),
        ("podcast-outline-chapter", "Before the workshop 01:00", ""),
        ("", "Glass and Brass 02:28", "#glass-and-brass"),
        ("podcast-outline-chapter", "Ghosts 15:40", ""),
    ]
    root = lxml.html.parse(str(Path(built.outdir) / "lights.html")).getroot()
    (ghosts,) = root.xpath("//li[contains(@class, 'podcast-outline-chapter')][2]//a")
    assert ghosts.get("href") == "#t=940"  # seeks the player


def test_chapters_json_has_every_chapter(built: SphinxTestApp) -> None:
    data = json.loads((Path(built.outdir) / "lights.chapters.json").read_text(encoding="utf-8"))
    assert [(c["startTime"], c["title"], c.get("endTime")) for c in data["chapters"]] == [
        (0, "Introduction", 60),
        (60, "Before the workshop", 148),
        (148, "Glass and Brass", 940),
        (940, "Ghosts", 1200),
    ]


def test_a_page_without_sections_lists_its_chapters(built: SphinxTestApp) -> None:
    assert outline_entries(built, "lamps.html") == [
        ("podcast-outline-chapter", "Welcome 00:00", ""),
        ("podcast-outline-chapter", "Oil lamps 05:30", ""),
    ]


def test_bad_chapter_lines_warn_at_their_line(built: SphinxTestApp) -> None:
    assert sorted(line for line in podcast_warnings(built) if line.startswith("bad.md")) == [
        "bad.md:7: WARNING: outline chapter: malformed time '1:75:00': minutes must be below 60 "
        "[podcast.bad_time]",
        "bad.md:8: WARNING: outline content '- not a chapter' is not a chapter ('- MM:SS Title'); "
        "left out [podcast.bad_option]",
    ]
    assert len(podcast_warnings(built)) == 2
