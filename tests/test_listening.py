"""The listening experience, as HTML and data: estimated starts of untimed turns, the first
chapter at 0:00 (outline, chapters.json, feed), the chapters the player bar reads, and the
size of everything we send to browsers. The browser side is in test_listening_browser.py."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import podcast_warnings
from defusedxml import ElementTree
from lxml import html as lxml_html
from sphinx.testing.util import SphinxTestApp
from test_media import build

from sphinx_podcast.assets import STATIC_DIR, served

# all our JS + CSS, as readers get them (issue 12)
BUDGET_GZIP = 12 * 1024


def build_listening(tmp: Path, **overrides: Any) -> SphinxTestApp:
    """The listening root with its 150 s audio file (the browser tests build it too)."""
    return build(tmp, "listening", media_seconds=150, **overrides)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_listening(tmp_path_factory.mktemp("listening"))


def page(app: SphinxTestApp, name: str) -> Any:
    return lxml_html.fromstring((Path(app.outdir) / name).read_text(encoding="utf-8"))


def test_builds_without_warnings(app: SphinxTestApp) -> None:
    assert podcast_warnings(app) == []


def test_untimed_turns_carry_the_estimate_the_exports_use(app: SphinxTestApp) -> None:
    tree = page(app, "episode.html")
    turns = tree.xpath("//div[contains(@class, 'podcast-turn')]")
    assert len(turns) == 29
    estimated = [turn for turn in turns if "data-estimated-start" in turn.attrib]
    timed = [turn for turn in turns if "data-start" in turn.attrib]
    assert len(estimated) + len(timed) == len(turns) == 29
    assert not [turn for turn in estimated if "data-start" in turn.attrib]
    # the three turns before the first time: 0, then in proportion to their text, before 0:20
    first = [float(turn.get("data-estimated-start")) for turn in turns[:3]]
    assert first[0] == 0 and 0 < first[1] < first[2] < 20
    assert turns[3].get("data-start") == "20"
    vtt_starts = _cue_starts(Path(app.outdir) / "episode.vtt")
    for turn in estimated:
        assert float(turn.get("data-estimated-start")) in vtt_starts
    # not shown unless the author asks for it
    assert tree.xpath("//a[contains(@class, 'podcast-time-estimated')]") == []


def _cue_starts(path: Path) -> set[float]:
    text = path.read_text(encoding="utf-8")
    starts = set()
    for hours, minutes, seconds, millis in re.findall(
        r"^(\d+):(\d\d):(\d\d)\.(\d{3}) -->", text, re.M
    ):
        starts.add(int(hours) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000)
    return starts


@pytest.fixture(scope="module")
def options(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The root with the options a listener's page can take, and bad subscribe links."""
    return build_listening(
        tmp_path_factory.mktemp("options"),
        podcast_show_estimated_times=True,
        podcast_backlink_label="Back to the top",
        podcast_subscribe=[
            ("apple", "javascript:alert(1)"),
            ("spotify", 42),
            ("overcast", "https://overcast.fm/itunes1000000002"),
            ("rss", False),
        ],
    )


def test_estimated_times_shown_when_the_author_opts_in(options: SphinxTestApp) -> None:
    tree = page(options, "episode.html")
    second = tree.xpath("//div[contains(@class, 'podcast-turn')]")[1]
    estimate = float(second.get("data-estimated-start"))
    link = second.xpath(".//a[contains(@class, 'podcast-time')]")[0]
    shown = f"{int(estimate) // 60:02d}:{int(estimate) % 60:02d}"
    assert link.text == "~" + shown
    assert link.get("href") == f"#t={second.get('data-estimated-start')}"
    assert link.get("class") == "podcast-time podcast-time-estimated"
    assert link.get("aria-label") == f"Play from about {shown} (estimated)"
    # the label reads name, time, separator: the same order as a timed turn
    label = second.xpath(".//span[@class='podcast-turn-label']")[0]
    assert [child.get("class") for child in label] == [
        "podcast-speaker",
        "podcast-time podcast-time-estimated",
        "podcast-sep",
    ]


def test_first_chapter_starts_at_zero_everywhere(app: SphinxTestApp) -> None:
    outdir = Path(app.outdir)
    chapters = json.loads((outdir / "episode.chapters.json").read_text(encoding="utf-8"))
    assert [(c["startTime"], c["title"]) for c in chapters["chapters"]] == [
        (0, "Arriving"),
        (45, "The notebooks"),
        (90, "The gauge"),
        (125, "Leaving"),
    ]
    tree = page(app, "episode.html")
    outline_times = tree.xpath("//nav[contains(@class, 'podcast-outline')]//a[@href]")
    assert [(a.text, a.get("href")) for a in outline_times] == [
        ("Arriving", "#arriving"),
        ("00:00", "#t=0"),
        ("The notebooks", "#the-notebooks"),
        ("00:45", "#t=45"),
        ("The gauge", "#the-gauge"),
        ("01:30", "#t=90"),
        ("Leaving", "#leaving"),
        ("02:05", "#t=125"),
    ]
    header = tree.xpath("//header[contains(@class, 'podcast-episode')]")[0]
    assert json.loads(header.get("data-chapters")) == [
        [0, "Arriving"],
        [45, "The notebooks"],
        [90, "The gauge"],
        [125, "Leaving"],
    ]
    # the feed's description lists them for Apple (first at 00:00:00, at least three)
    feed = ElementTree.parse(str(outdir / "feed.xml")).getroot()
    description = feed.find("channel/item/description").text
    assert "<li>00:00:00 Arriving</li>" in description
    assert "<li>00:02:05 Leaving</li>" in description
    # a page whose turns have no time at all has no chapters
    assert not (outdir / "plain.chapters.json").exists()
    assert "data-chapters" not in (outdir / "plain.html").read_text(encoding="utf-8")


def test_our_javascript_and_css_fit_the_budget() -> None:
    """All our JS + CSS, gzip-compressed, at most 12 KB (the raw size is reported)."""
    files = sorted(STATIC_DIR.glob("*.js")) + sorted(STATIC_DIR.glob("*.css"))
    assert {f.name for f in files} == {"podcast.js", "podcast.css", "podcast-direction.css"}
    # as readers get them (minified)
    raw = sum(len(served(f.name)) for f in files)
    compressed = sum(len(gzip.compress(served(f.name), 9)) for f in files)
    report = f"JS + CSS: {raw} bytes raw, {compressed} bytes gzip-compressed (budget {BUDGET_GZIP})"
    print("\n" + report)
    assert compressed <= BUDGET_GZIP, report


def test_duration_reads_like_speech(app: SphinxTestApp) -> None:
    tree = page(app, "episode.html")
    (duration,) = tree.xpath("//header//*[contains(@class, 'podcast-episode-duration')]")
    assert duration.tag == "time"
    assert (duration.text, duration.get("datetime"), duration.get("title")) == (
        "3 min",
        "PT2M30S",
        "02:30",
    )
    video = page(app, "video.html").xpath("//time[contains(@class, 'podcast-episode-duration')]")
    assert [(t.text, t.get("datetime")) for t in video] == [("10 min", "PT10M")]


@pytest.mark.parametrize(
    ("seconds", "text", "iso"),
    [
        (5, "5 s", "PT5S"),
        (59.4, "59 s", "PT59.4S"),
        (2900, "48 min", "PT48M20S"),
        (3600, "1 h", "PT1H"),
        (3750, "1 h 3 min", "PT1H2M30S"),
        (7199, "2 h", "PT1H59M59S"),
    ],
)
def test_duration_texts(seconds: float, text: str, iso: str) -> None:
    from sphinx_podcast.display import duration_text
    from sphinx_podcast.model import iso_duration

    assert (duration_text(seconds), iso_duration(seconds)) == (text, iso)


def test_subscribe_links(app: SphinxTestApp, options: SphinxTestApp) -> None:
    expected = [
        ("Apple Podcasts", "https://podcasts.apple.com/podcast/id1000000002"),
        ("Mastodon", "https://social.example/@harbour"),
        ("RSS", "https://harbour.example.org/feed.xml"),
    ]
    for name in ("episode.html", "plain.html", "index.html"):
        lines = page(app, name).xpath("//p[@class='podcast-subscribe']")
        if name == "index.html":  # not an episode and no episode list
            assert lines == []
            continue
        (line,) = lines
        assert line.xpath("./span")[0].text == "Subscribe:"
        assert [(a.text, a.get("href")) for a in line.xpath("./a")] == expected
        assert line.xpath("./a[last()]")[0].get("type") == "application/rss+xml"
    # bad links are left out with a warning ("conf.py:" as the value is an override);
    # "rss": False drops the RSS link
    (line,) = page(options, "episode.html").xpath("//p[@class='podcast-subscribe']")
    assert [a.text for a in line.xpath("./a")] == ["Overcast"]
    assert [w.split("WARNING: ", 1)[1] for w in podcast_warnings(options)] == [
        "conf.py: podcast_subscribe: 'apple': 'javascript:alert(1)' is not an absolute URL "
        "(scheme://host/…); left out [podcast.config]",
        "conf.py: podcast_subscribe: 'spotify': the link must be an http(s) URL, got 42; "
        "left out [podcast.config]",
    ]


def test_backlink_names_contain_what_they_show(app: SphinxTestApp, options: SphinxTestApp) -> None:
    (link, *_rest) = page(app, "episode.html").xpath("//a[@class='podcast-backlink']")
    assert link.get("aria-label") is None  # its name is its text
    assert link.text_content() == "⬆ Back to the outline"
    assert link.xpath("./span/@class") == ["podcast-visually-hidden"]
    (link, *_rest) = page(options, "episode.html").xpath("//a[@class='podcast-backlink']")
    assert link.text_content() == "⬆ Back to the top"
    assert link.xpath("./span/@class") == ["podcast-backlink-text"]
