"""Per-episode transcript and chapter files, and the download links on the page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import srt
import webvtt
from conftest import podcast_warnings
from lxml import html as lxml_html
from test_feed import Builds, build, prepare

from sphinx_podcast import formats


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    return Builds(tmp_path_factory)


def out(built: Builds, path: str, builder: str = "html") -> Path:
    return Path(built(builder).outdir) / path


def test_files_of_a_timed_transcript(built: Builds) -> None:
    for suffix in (".vtt", ".srt", ".json", ".txt", ".chapters.json"):
        assert out(built, "episodes/planes" + suffix).is_file(), suffix


def test_untimed_transcript_gives_text_only(built: Builds) -> None:
    assert out(built, "episodes/glue.txt").read_text(encoding="utf-8") == (
        "Rosa Lind: Hide glue is reversible.\n\nBen Okafor & Sons: And it smells.\n"
    )
    for suffix in (".vtt", ".srt", ".json", ".chapters.json"):
        assert not out(built, "episodes/glue" + suffix).exists()


def test_no_transcript_no_files(built: Builds) -> None:
    assert not list(Path(built().outdir).glob("episodes/trailer.*[!l]"))
    assert not list(Path(built().outdir).glob("index.*[!l]"))


def test_vtt_read_strictly_with_voices_and_escapes(built: Builds) -> None:
    text = out(built, "episodes/planes.vtt").read_text(encoding="utf-8")
    captions = webvtt.from_string(text, strict=True).captions
    voices = [c.voice for c in captions]
    assert voices[0] == "Rosa Lind"
    assert "Ben Okafor &amp; Sons" in voices  # escaped in the file
    assert (
        "<v Rosa Lind>Welcome &amp; hello to the workbench, where 3 &lt; 4\nand 5 &gt; 4." in text
    )
    assert all(len(line) <= 65 for line in text.splitlines())
    # the label is not part of the text; the times are the turns'
    turns = formats.read(text).merged()
    assert [(t.speaker, t.start) for t in turns] == [
        ("Rosa Lind", 0.0),
        ("Ben Okafor & Sons", 5.0),
        ("Rosa Lind", 90.0),
        ("Ben Okafor & Sons", turns[3].start),
        ("Rosa Lind", 300.0),
    ]
    assert 90 < (turns[3].start or 0) < 300  # untimed: between its neighbours
    assert (
        " ".join(turns[0].text.split())
        == "Welcome & hello to the workbench, where 3 < 4 and 5 > 4."
    )
    assert " ".join(turns[1].text.split()).startswith("Thanks, Rosa. I have been sharpening")
    assert not any("Rosa Lind" in t.text or "00:00" in t.text for t in turns)


def test_srt_and_json_and_txt(built: Builds) -> None:
    cards = list(srt.parse(out(built, "episodes/planes.srt").read_text(encoding="utf-8")))
    assert cards[0].content.startswith("Rosa Lind: Welcome & hello")
    assert all(len(line) <= 32 for c in cards for line in c.content.splitlines())
    data = json.loads(out(built, "episodes/planes.json").read_text(encoding="utf-8"))
    assert data["version"] == "1.0.0" and data["language"] == "en-GB"
    assert data["segments"][0] == {
        "speaker": "Rosa Lind",
        "startTime": 0,
        "endTime": 5,
        "body": "Welcome & hello to the workbench, where 3 < 4 and 5 > 4.",
    }
    assert [s["startTime"] for s in data["segments"]] == sorted(
        s["startTime"] for s in data["segments"]
    )
    text = out(built, "episodes/planes.txt").read_text(encoding="utf-8")
    assert text.startswith("Rosa Lind [00:00]: Welcome & hello to the workbench")
    assert "\n\nBen Okafor & Sons: Two water stones and a leather strop.\n" in text


def test_chapters_from_timed_sections(built: Builds) -> None:
    data = json.loads(out(built, "episodes/planes.chapters.json").read_text(encoding="utf-8"))
    assert data == {
        "version": "1.2.0",
        "chapters": [
            {"startTime": 0, "title": "Getting started", "endTime": 90},
            {"startTime": 90, "title": "Stones and strops", "endTime": 300},
            {"startTime": 300, "title": "Wrapping up", "endTime": 600},
        ],
    }
    chairs = json.loads(out(built, "episodes/chairs.chapters.json").read_text(encoding="utf-8"))
    starts = [c["startTime"] for c in chairs["chapters"]]
    assert starts == sorted(starts) == [10, 120]
    assert "endTime" not in chairs["chapters"][-1]  # no duration given


DOWNLOADS = '//p[@class="podcast-downloads"]'


def _downloads(path: Path) -> list[tuple[str, str]]:
    page = lxml_html.fromstring(path.read_bytes())
    return [(a.text, a.get("href")) for a in page.xpath(DOWNLOADS + "/a")]


def test_download_links_html(built: Builds) -> None:
    path = out(built, "episodes/planes.html")
    page = lxml_html.fromstring(path.read_bytes())
    (line,) = page.xpath(f'//*[contains(@class, "podcast-episode")]{DOWNLOADS}')
    assert (
        " ".join(line.text_content().split())
        == "Download transcript: VTT · SRT · JSON · TXT · HTML"
    )
    assert _downloads(path) == [
        ("VTT", "planes.vtt"),
        ("SRT", "planes.srt"),
        ("JSON", "planes.json"),
        ("TXT", "planes.txt"),
        ("HTML", "planes.transcript.html"),
    ]
    assert _downloads(out(built, "episodes/glue.html")) == [
        ("TXT", "glue.txt"),
        ("HTML", "glue.transcript.html"),
    ]
    assert _downloads(out(built, "episodes/trailer.html")) == []


def test_download_links_dirhtml(built: Builds) -> None:
    links = _downloads(out(built, "episodes/planes/index.html", "dirhtml"))
    assert links[0] == ("VTT", "../planes.vtt")
    for _text, href in links:
        assert out(built, "episodes/planes/" + href, "dirhtml").resolve().is_file()


@pytest.mark.parametrize("builder", ["singlehtml", "text", "latex"])
def test_no_links_nor_files_elsewhere(built: Builds, builder: str) -> None:
    app = built(builder)
    outdir = Path(app.outdir)
    assert not [p for p in outdir.rglob("*") if re.search(r"\.(vtt|srt|chapters\.json)$", p.name)]
    for page in outdir.rglob("*"):
        if page.suffix in (".html", ".txt", ".tex"):
            assert "Download transcript" not in page.read_text(encoding="utf-8")
    assert podcast_warnings(app) == []


def test_exports_follow_the_page(tmp_path: Path) -> None:
    """A page that gains times gets the timed files; one that loses its turns loses them."""
    srcdir = prepare(tmp_path / "src")
    outdir = tmp_path / "out"
    build(srcdir, outdir=outdir)
    glue = srcdir / "episodes" / "glue.md"
    glue.write_text(glue.read_text().replace("**Rosa**:", "**Rosa** [00:00:03]:"))
    app = build(srcdir, outdir=outdir, fresh=False)
    vtt = Path(app.outdir) / "episodes" / "glue.vtt"
    assert vtt.is_file()
    assert "00:00:03.000 --> " in vtt.read_text()
    planes = srcdir / "episodes" / "planes.md"
    text = planes.read_text()
    planes.write_text(re.sub(r"\*\*(Rosa|Ben)\*\*( \[[\d:]+\])?: ", "", text))
    app = build(srcdir, outdir=outdir, fresh=False)
    assert not (Path(app.outdir) / "episodes" / "planes.vtt").exists()
    assert not (Path(app.outdir) / "episodes" / "planes.txt").exists()
    assert not (Path(app.outdir) / "episodes" / "planes.chapters.json").exists()


def test_transcript_formats_chooses_the_files(built: Builds) -> None:
    app = built(podcast_transcript_formats=("vtt", "chapters"))
    outdir = Path(app.outdir)
    assert sorted(p.name for p in outdir.glob("episodes/planes.*")) == [
        "planes.chapters.json",
        "planes.html",
        "planes.vtt",
    ]
    page = (outdir / "episodes/planes.html").read_text(encoding="utf-8")
    downloads = lxml_html.fromstring(page).xpath("//p[@class='podcast-downloads']//a")
    assert [a.text for a in downloads] == ["VTT"]
    feed = (outdir / "feed.xml").read_text(encoding="utf-8")
    assert 'type="text/vtt"' in feed
    assert "application/x-subrip" not in feed
    assert "application/json+chapters" in feed
    # without the HTML transcript, the page itself is the feed's text/html transcript
    assert (
        'url="https://podcast.example.org/workbench/episodes/planes.html" type="text/html"' in feed
    )


def test_no_transcript_formats_no_files(built: Builds) -> None:
    app = built(podcast_transcript_formats=())
    outdir = Path(app.outdir)
    assert sorted(p.name for p in outdir.glob("episodes/planes.*")) == ["planes.html"]
    page = (outdir / "episodes/planes.html").read_text(encoding="utf-8")
    assert "podcast-downloads" not in page


def test_unknown_transcript_format_warns_once(built: Builds) -> None:
    app = built(podcast_transcript_formats=("vtt", "docx"))
    assert [w for w in podcast_warnings(app) if "podcast_transcript_formats" in w] == [
        "WARNING: conf.py: podcast_transcript_formats: unknown format 'docx' "
        "(known: vtt, srt, json, txt, html, chapters); left out [podcast.config]"
    ]
    assert (Path(app.outdir) / "episodes/planes.vtt").is_file()
