"""The podcast feed: every tag and value, feedparser, determinism, config, structured data.

tests/roots/test-feed is a copy-then-build root: :func:`prepare` writes the local
audio files and the cover image (1400 x 1400 px) before it is built.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
import shutil
import struct
import zlib
from pathlib import Path
from typing import Any

import feedparser
import pytest
from conftest import ROOTS, BuildCache, build_app, podcast_warnings, warnings_of, without_colours
from lxml import etree
from lxml import html as lxml_html
from sphinx.testing.util import SphinxTestApp
from sphinx.util.parallel import parallel_available

from sphinx_podcast.feed import podcast_guid

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}
BASE = "https://podcast.example.org/workbench/"
FEED_URL = BASE + "feed.xml"
PLANES_SIZE = 4321
TRAILER_SIZE = 1000


def png(width: int, height: int) -> bytes:
    """A grey PNG of the given size (compresses to a few kB)."""
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def prepare(srcdir: Path, root: str = "feed", cover: tuple[int, int] = (1400, 1400)) -> Path:
    """Copy test-<root> to *srcdir* and write its binary files."""
    shutil.copytree(ROOTS / f"test-{root}", srcdir)
    if root == "feed":
        (srcdir / "media").mkdir()
        (srcdir / "media" / "planes.mp3").write_bytes(b"ID3" + b"\0" * (PLANES_SIZE - 3))
        (srcdir / "media" / "trailer.mp3").write_bytes(b"ID3" + b"\0" * (TRAILER_SIZE - 3))
        (srcdir / "cover.png").write_bytes(png(*cover))
        (srcdir / "_static").mkdir(exist_ok=True)
        (srcdir / "_static" / "rosa.png").write_bytes(png(8, 8))
    return srcdir


def build(
    srcdir: Path,
    builder: str = "html",
    *,
    outdir: Path | None = None,
    parallel: int = 0,
    fresh: bool = True,
    **overrides: Any,
) -> SphinxTestApp:
    builddir = (outdir or srcdir.parent / f"_build-{builder}").resolve()
    return build_app(builder, srcdir, builddir, parallel=parallel, fresh=fresh, **overrides)


class Builds(BuildCache):
    """Builds of test-feed, made on first use and shared by a module's tests."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        super().__init__(factory, "feed")

    def make(self, tmp: Path, builder: str, **overrides: Any) -> SphinxTestApp:
        return build(prepare(tmp / "src"), builder, **overrides)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    return Builds(tmp_path_factory)


def status(app: SphinxTestApp) -> str:
    return without_colours(app.status.getvalue())


def feed_of(app: SphinxTestApp) -> etree._Element:
    return etree.fromstring((Path(app.outdir) / "feed.xml").read_bytes())


def item(feed: etree._Element, title: str) -> etree._Element:
    (found,) = [i for i in feed.iterfind("channel/item") if i.findtext("title") == title]
    return found


# -- the feed's content ----------------------------------------------------------------


def test_podcast_guid_example_from_the_namespace() -> None:
    assert podcast_guid("https://podnews.net/rss") == "9b024349-ccf0-5f69-a609-6b82873eab3c"
    assert podcast_guid("http://podnews.net/rss/") == "9b024349-ccf0-5f69-a609-6b82873eab3c"
    assert podcast_guid("podnews.net/rss") == "9b024349-ccf0-5f69-a609-6b82873eab3c"


def test_channel(built: Builds) -> None:
    app = built()
    data = (Path(app.outdir) / "feed.xml").read_bytes()
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    feed = feed_of(app)
    assert feed.tag == "rss" and feed.get("version") == "2.0"
    assert {k: v for k, v in feed.nsmap.items() if k} == NS
    channel = feed.find("channel")
    assert channel.findtext("title") == "Quiet Workbench"
    assert channel.findtext("link") == BASE
    # plain text in conf.py, HTML in the feed (escaped, in CDATA), like the items' summaries
    assert channel.findtext("description") == (
        "Conversations about slow, careful making &amp; mending."
    )
    assert channel.findtext("language") == "en-GB"
    assert channel.findtext("copyright") == "2025 Quiet Workbench crew"
    assert channel.findtext("itunes:author", namespaces=NS) == "Rosa Lind"
    assert channel.findtext("itunes:owner/itunes:name", namespaces=NS) == "Rosa Lind"
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == "rosa@example.org"
    assert channel.find("itunes:image", NS).get("href") == BASE + "cover.png"
    assert (Path(app.outdir) / "cover.png").is_file()
    category = channel.find("itunes:category", NS)
    assert category.attrib == {"text": "Leisure"} and not (category.text or "").strip()
    assert category.find("itunes:category", NS).attrib == {"text": "Crafts"}
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.findtext("itunes:type", namespaces=NS) == "episodic"
    self_link = channel.find("atom:link", NS)
    assert self_link.attrib == {"href": FEED_URL, "rel": "self", "type": "application/rss+xml"}
    assert channel.findtext("podcast:guid", namespaces=NS) == podcast_guid(FEED_URL)
    # the newest episode's date, no build time
    assert channel.findtext("lastBuildDate") == "Fri, 01 Aug 2025 00:00:00 +0000"
    for element in feed.iter():
        if element.text and element.tag is not etree.CDATA:
            assert element.text == element.text.strip() or not element.text.strip()


def test_items_newest_first_and_episode_without_audio_left_out(built: Builds) -> None:
    app = built()
    titles = [i.findtext("title") for i in feed_of(app).iterfind("channel/item")]
    assert titles == [
        "Three Legs Are Enough",
        "A Bench for Two",
        "Chairs That Wobble",
        "Hide Glue Revisited",
        "Sharpening <Hand> Planes & Chisels",
        "Trailer",
    ]
    assert podcast_warnings(app) == [
        "episodes/video-only.rst:4: WARNING: episode left out of the podcast feed: it has no "
        "audio file (:audio: a local file or an https URL) [podcast.no_audio]"
    ]
    assert warnings_of(app) == podcast_warnings(app)


def test_item_with_local_audio(built: Builds) -> None:
    app = built()
    planes = item(feed_of(app), "Sharpening <Hand> Planes & Chisels")
    link = BASE + "episodes/planes.html"
    assert planes.findtext("link") == link
    enclosure = planes.find("enclosure")
    assert enclosure.get("length") == str(PLANES_SIZE)
    assert enclosure.get("type") == "audio/mpeg"
    url = enclosure.get("url")
    assert re.fullmatch(re.escape(BASE) + r"_downloads/[0-9a-f]{32}/planes\.mp3", url)
    assert (Path(app.outdir) / url[len(BASE) :]).stat().st_size == PLANES_SIZE
    guid = planes.find("guid")
    assert guid.get("isPermaLink") == "false"
    assert re.fullmatch(r"[0-9a-f-]{36}", guid.text)
    assert planes.findtext("pubDate") == "Sat, 01 Mar 2025 00:00:00 +0000"
    assert email.utils.parsedate_to_datetime(planes.findtext("pubDate")) == dt.datetime(
        2025, 3, 1, tzinfo=dt.UTC
    )
    assert planes.findtext("itunes:duration", namespaces=NS) == "600"
    assert planes.findtext("itunes:episode", namespaces=NS) == "1"
    assert planes.findtext("itunes:season", namespaces=NS) == "1"
    description = planes.findtext("description")
    assert description.startswith("<p>Ben shows how he keeps old planes sharp; ")
    assert "&lt;/script&gt;" in description
    assert "<li>00:01:30 Stones and strops</li>" in description
    assert f'<a href="{link}">Transcript</a>' in description
    transcripts = [
        (t.get("type"), t.get("url"), t.get("language"))
        for t in planes.iterfind("podcast:transcript", NS)
    ]
    assert transcripts == [
        ("text/vtt", BASE + "episodes/planes.vtt", "en-GB"),
        ("application/x-subrip", BASE + "episodes/planes.srt", "en-GB"),
        ("application/json", BASE + "episodes/planes.json", "en-GB"),
        ("text/html", BASE + "episodes/planes.transcript.html", "en-GB"),
    ]
    chapters = planes.find("podcast:chapters", NS)
    assert chapters.attrib == {
        "url": BASE + "episodes/planes.chapters.json",
        "type": "application/json+chapters",
    }
    people = [(p.text, dict(p.attrib)) for p in planes.iterfind("podcast:person", NS)]
    assert people == [
        (
            "Rosa Lind",
            {
                "role": "host",
                "group": "cast",
                "href": "https://example.org/rosa",
                # the avatar is an image of rosa's generated speaker page
                "img": BASE + "_images/rosa.png",
            },
        ),
        (
            "Ben Okafor & Sons",
            {"role": "guest", "group": "cast", "href": BASE + "speakers/ben.html#speaker-ben"},
        ),
    ]


def test_item_with_remote_audio(built: Builds) -> None:
    feed = feed_of(built())
    glue = item(feed, "Hide Glue Revisited")
    assert glue.find("enclosure").attrib == {
        "url": "https://media.example.org/workbench/glue.mp3",
        "length": "123456",
        "type": "audio/mpeg",
    }
    assert glue.find("guid").text == "workbench-glue-2025"  # the guid option
    assert glue.findtext("pubDate") == "Tue, 01 Apr 2025 09:30:00 +0200"
    assert glue.findtext("itunes:duration", namespaces=NS) == "3723"
    assert glue.findtext("itunes:explicit", namespaces=NS) == "true"
    image = glue.find("itunes:image", NS).get("href")
    assert image == BASE + "_images/cover.png"
    assert (Path(built().outdir) / "_images" / "cover.png").is_file()
    # untimed turns: the page is the transcript, no timed files, no chapters
    assert [t.get("type") for t in glue.iterfind("podcast:transcript", NS)] == ["text/html"]
    assert glue.find("podcast:chapters", NS) is None
    chairs = item(feed, "Chairs That Wobble")
    assert chairs.find("enclosure").get("type") == "audio/x-m4a"  # from the extension
    assert chairs.find("enclosure").get("length") == "4000"
    trailer = item(feed, "Trailer")
    assert trailer.find("enclosure").get("length") == str(TRAILER_SIZE)
    assert trailer.findtext("pubDate") == "Wed, 15 Jan 2025 00:00:00 +0000"
    assert trailer.find("podcast:transcript", NS) is None


def test_feedparser_reads_it_without_errors(built: Builds) -> None:
    parsed = feedparser.parse((Path(built().outdir) / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "Quiet Workbench"
    assert len(parsed.entries) == 6
    entry = parsed.entries[0]
    assert entry.title == "Three Legs Are Enough"
    assert entry.enclosures[0].href == "https://media.example.org/workbench/stools.m4a"
    assert entry.itunes_episode == "6"


def test_dirhtml_urls(built: Builds) -> None:
    app = built("dirhtml")
    feed = feed_of(app)
    planes = item(feed, "Sharpening <Hand> Planes & Chisels")
    assert planes.findtext("link") == BASE + "episodes/planes/"
    html_types = [
        t.get("url")
        for t in planes.iterfind("podcast:transcript", NS)
        if t.get("type") == "text/html"
    ]
    assert html_types == [BASE + "episodes/planes.transcript.html"]
    url = planes.find("enclosure").get("url")
    assert (Path(app.outdir) / url[len(BASE) :]).is_file()
    for transcript in planes.iterfind("podcast:transcript", NS):
        if transcript.get("type") != "text/html":
            assert (Path(app.outdir) / transcript.get("url")[len(BASE) :]).is_file()
    # item guids do not depend on the URL scheme
    html_guids = [g.text for g in feed_of(built()).iterfind("channel/item/guid")]
    assert [g.text for g in feed.iterfind("channel/item/guid")] == html_guids


@pytest.mark.parametrize("builder", ["singlehtml", "epub", "text"])
def test_other_builders_write_no_feed(built: Builds, builder: str) -> None:
    app = built(builder)
    assert not (Path(app.outdir) / "feed.xml").exists()
    assert not list(Path(app.outdir).rglob("*.vtt"))
    assert podcast_warnings(app) == []


# -- determinism ---------------------------------------------------------------------------


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    first = build(prepare(tmp_path / "a"))
    second = build(prepare(tmp_path / "b"))
    assert (Path(first.outdir) / "feed.xml").read_bytes() == (
        Path(second.outdir) / "feed.xml"
    ).read_bytes()


def test_source_date_epoch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    app = build(prepare(tmp_path / "src"))
    channel = feed_of(app).find("channel")
    assert channel.findtext("lastBuildDate") == "Thu, 01 Jan 2026 00:00:00 +0000"
    assert channel.findtext("pubDate") == "Fri, 01 Aug 2025 00:00:00 +0000"


def _outputs(outdir: Path) -> dict[str, bytes]:
    names = ("feed.xml", "*.vtt", "*.srt", "*.txt", "*.json")
    found: dict[str, bytes] = {}
    for pattern in names:
        for path in outdir.rglob(pattern):
            if "_sources" not in path.parts:
                found[path.relative_to(outdir).as_posix()] = path.read_bytes()
    return found


@pytest.mark.skipif(not parallel_available, reason="parallel builds need fork (POSIX)")
def test_parallel_build_gives_the_same_feed_and_exports(tmp_path: Path) -> None:
    serial = build(prepare(tmp_path / "serial"))
    parallel = build(prepare(tmp_path / "parallel"), parallel=4)
    # parallel reading reports chunks of documents ("a .. b")
    assert re.search(r"^reading sources\.\.\. \[[ \d]+%\] \S+ \.\. \S+$", status(parallel), re.M)
    serial_files = _outputs(Path(serial.outdir))
    parallel_files = _outputs(Path(parallel.outdir))
    assert "episodes/planes.vtt" in serial_files and "feed.xml" in serial_files
    assert sorted(serial_files) == sorted(parallel_files)
    assert [n for n in serial_files if serial_files[n] != parallel_files[n]] == []
    assert podcast_warnings(serial) == podcast_warnings(parallel)


def test_incremental_builds_lose_no_items(tmp_path: Path) -> None:
    srcdir = prepare(tmp_path / "src")
    outdir = tmp_path / "out"
    first = build(srcdir, outdir=outdir)
    feed = (Path(first.outdir) / "feed.xml").read_bytes()
    # nothing changed: nothing re-written, the same feed
    second = build(srcdir, outdir=outdir, fresh=False)
    assert "writing output... [" not in status(second)
    assert (Path(second.outdir) / "feed.xml").read_bytes() == feed
    # one page changed: only it is re-read, every item is still there
    glue = srcdir / "episodes" / "glue.md"
    glue.write_text(glue.read_text().replace("still has a place", "keeps its place"))
    third = build(srcdir, outdir=outdir, fresh=False)
    assert re.findall(r"^reading sources\.\.\. \[[ \d]+%\] (\S+)", status(third), re.M) == [
        "episodes/glue"
    ]
    after = feed_of(third)
    assert len(after.findall("channel/item")) == 6
    assert "keeps its place" in item(after, "Hide Glue Revisited").findtext("description")
    # a parallel incremental build writes it the same again
    if parallel_available:
        fourth = build(srcdir, outdir=outdir, fresh=False, parallel=4)
        assert (Path(fourth.outdir) / "feed.xml").read_bytes() == (
            Path(third.outdir) / "feed.xml"
        ).read_bytes()


# -- configuration ---------------------------------------------------------------------------


def test_no_base_url_skips_the_feed_with_one_warning(tmp_path: Path) -> None:
    app = build(prepare(tmp_path / "src"), podcast_base_url="")
    assert not (Path(app.outdir) / "feed.xml").exists()
    feed_warnings = [w for w in podcast_warnings(app) if "[podcast.feed]" in w]
    assert feed_warnings == [
        "WARNING: the podcast feed is not written: the site has no base URL (set "
        "podcast_base_url or html_baseurl; Read the Docs sets READTHEDOCS_CANONICAL_URL); "
        "podcast_feed = False turns the feed off [podcast.feed]"
    ]
    page = (Path(app.outdir) / "episodes" / "planes.html").read_text()
    assert "application/rss+xml" not in page
    assert "application/ld+json" in page  # structured data does not need the feed


def test_read_the_docs_url_then_html_baseurl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://workbench.readthedocs.io/en/latest/")
    app = build(
        prepare(tmp_path / "rtd"), podcast_base_url="", html_baseurl="https://ignored.example.org"
    )
    channel = feed_of(app).find("channel")
    assert channel.find("atom:link", NS).get("href") == (
        "https://workbench.readthedocs.io/en/latest/feed.xml"
    )
    monkeypatch.delenv("READTHEDOCS_CANONICAL_URL")
    app = build(prepare(tmp_path / "baseurl"), podcast_base_url="", html_baseurl="https://x.org/p")
    assert feed_of(app).find("channel").findtext("link") == "https://x.org/p/"


def test_feed_off_file_name_and_limit(tmp_path: Path) -> None:
    off = build(prepare(tmp_path / "off"), podcast_feed=False)
    assert not (Path(off.outdir) / "feed.xml").exists()
    assert podcast_warnings(off) == []  # nothing published, nothing to warn about
    assert "application/rss+xml" not in (Path(off.outdir) / "index.html").read_text()
    named = build(prepare(tmp_path / "named"), podcast_feed="podcast/rss.xml", podcast_feed_limit=2)
    feed = etree.fromstring((Path(named.outdir) / "podcast" / "rss.xml").read_bytes())
    assert feed.find("channel/atom:link", NS).get("href") == BASE + "podcast/rss.xml"
    assert len(feed.findall("channel/item")) == 2


def test_category_with_ampersand(tmp_path: Path) -> None:
    app = build(prepare(tmp_path / "src"), podcast_category="Health & Fitness")
    data = (Path(app.outdir) / "feed.xml").read_bytes()
    assert b'<itunes:category text="Health &amp; Fitness"/>' in data
    assert podcast_warnings(app) == [w for w in podcast_warnings(app) if "no_audio" in w]


def test_unconfigured_site_without_base_url_is_quiet(tmp_path: Path) -> None:
    app = build(prepare(tmp_path / "src", "feed-minimal"))
    assert warnings_of(app) == []
    assert not (Path(app.outdir) / "feed.xml").exists()
    assert "no base URL" in status(app)


def test_missing_values_give_one_warning_each(tmp_path: Path) -> None:
    app = build(
        prepare(tmp_path / "src", "feed-minimal"), html_baseurl="https://minimal.example.org/"
    )
    assert sorted(podcast_warnings(app)) == [
        "WARNING: conf.py: feed: no <itunes:category>: Apple Podcasts needs one; set "
        "podcast_category [podcast.feed]",
        "WARNING: conf.py: feed: no <itunes:image>: Apple Podcasts needs a cover; set "
        "podcast_image (a 1400-3000 px JPEG or PNG) [podcast.feed]",
        "WARNING: conf.py: podcast_description is not set: the feed needs a description of "
        "the podcast [podcast.feed]",
        "one.md:7: WARNING: feed: <enclosure length='0'>: not the size in bytes; give the "
        "episode's :audio-length: (the file's size in bytes) [podcast.feed]",
        "two.md:3: WARNING: episode left out of the podcast feed: it has no audio file "
        "(:audio: a local file or an https URL) [podcast.no_audio]",
    ]
    channel = feed_of(app).find("channel")
    # Sphinx's values stand in for the missing ones
    assert channel.findtext("title") == "Minimal Cast"
    assert channel.findtext("description") == "Minimal Cast"
    assert channel.findtext("itunes:author", namespaces=NS) == "Minimal Cast team"
    assert channel.findtext("copyright") == "2025, Minimal Cast team"
    assert channel.findtext("language") == "en"
    assert channel.find("item/enclosure").get("length") == "0"


BAD_VALUES = [
    ("podcast_title", 3, "podcast_title must be a str, got int"),
    ("podcast_email", "not an address", "podcast_email: 'not an address' is not an e-mail"),
    ("podcast_language", "english please", "podcast_language: 'english please' is not a "),
    ("podcast_category", "Knitting", "podcast_category: 'Knitting' is not an Apple Podcasts"),
    ("podcast_category", ["Leisure", "Knitting"], "'Knitting' is not a subcategory of 'Leisure'"),
    ("podcast_category", ["a", "b", "c"], "podcast_category: must be a category or"),
    ("podcast_explicit", 2, "podcast_explicit must be a bool, got int"),
    ("podcast_type", "seasonal", "podcast_type must be one of 'episodic', 'serial'"),
    ("podcast_base_url", "podcast.example.org", "is not an absolute URL (scheme://host/…)"),
    ("podcast_base_url", "https://exa mple.org/", "'exa mple.org' is not a host name"),
    ("podcast_base_url", "ftp://example.org/", "ftp: URLs are not allowed here"),
    ("podcast_feed", "../feed.xml", "podcast_feed: '../feed.xml' is not a file name"),
    ("podcast_feed_limit", 0, "podcast_feed_limit: must be a positive number"),
    ("podcast_guid", "not-a-uuid", "podcast_guid: 'not-a-uuid' is not a UUID"),
    ("podcast_image", "missing.png", "podcast_image: file 'missing.png' not found"),
    ("podcast_image", "http://example.org/c.png", "must be an https URL or a local file"),
    ("podcast_image", "conf.py", "podcast_image: 'conf.py' must be a PNG or JPEG file"),
    ("podcast_description", "x" * 4001, "podcast_description: longer than 4000 bytes"),
]


@pytest.mark.parametrize(("name", "value", "message"), BAD_VALUES)
def test_bad_config_gives_one_warning(tmp_path: Path, name: str, value: Any, message: str) -> None:
    app = build(prepare(tmp_path / "src"), "dummy", **{name: value})
    config = [w for w in podcast_warnings(app) if "[podcast.config]" in w]
    assert len(config) == 1, podcast_warnings(app)
    assert message in config[0]


def test_cover_of_the_wrong_size_is_used_with_a_warning(tmp_path: Path) -> None:
    app = build(prepare(tmp_path / "src", cover=(1000, 800)), "dummy")
    assert podcast_warnings(app) == [
        "conf.py:28: WARNING: podcast_image: 'cover.png' is 1000x800 px; Apple Podcasts "
        "needs a square image of 1400 to 3000 px (used anyway) [podcast.config]"
    ]


def test_bad_audio_options(tmp_path: Path) -> None:
    srcdir = prepare(tmp_path / "src")
    glue = srcdir / "episodes" / "glue.md"
    text = glue.read_text()
    text = text.replace(":audio-length: 123456", ":audio-length: big")
    text = text.replace(":audio-type: audio/mpeg", ":audio-type: mp3")
    glue.write_text(text)
    app = build(srcdir)
    assert sorted(w for w in podcast_warnings(app) if "glue" in w) == [
        "episodes/glue.md:10: WARNING: audio-length must be a whole number written with the "
        "digits 0-9, got 'big' [podcast.bad_option]",
        "episodes/glue.md:11: WARNING: audio-type 'mp3' is not a MIME type like 'audio/mpeg' "
        "[podcast.bad_option]",
        "episodes/glue.md:9: WARNING: feed: <enclosure length='0'>: not the size in bytes; give "
        "the episode's :audio-length: (the file's size in bytes) [podcast.feed]",
    ]


# -- the page head ---------------------------------------------------------------------------


def _head(app: SphinxTestApp, page: str) -> Any:
    return lxml_html.fromstring((Path(app.outdir) / page).read_bytes())


@pytest.mark.parametrize("page", ["index.html", "episodes/planes.html", "genindex.html"])
def test_feed_link_on_every_page(built: Builds, page: str) -> None:
    links = _head(built(), page).xpath('//head/link[@rel="alternate"]')
    assert [(link.get("type"), link.get("href"), link.get("title")) for link in links] == [
        ("application/rss+xml", FEED_URL, "Quiet Workbench")
    ]


def test_json_ld_on_episode_pages(built: Builds) -> None:
    app = built()
    (script,) = _head(app, "episodes/planes.html").xpath(
        '//head/script[@type="application/ld+json"]'
    )
    raw = (Path(app.outdir) / "episodes" / "planes.html").read_text()
    block = raw[raw.index('<script type="application/ld+json">') :]
    block = block[: block.index("</script>")]
    assert "<" not in block[1:] and "&" not in block  # no way out of the element
    data = json.loads(script.text)
    audio = data.pop("associatedMedia")
    assert data == {
        "@context": "https://schema.org",
        "@type": "PodcastEpisode",
        "name": "Sharpening <Hand> Planes & Chisels",
        "url": BASE + "episodes/planes.html",
        "description": "Ben shows how he keeps old planes sharp; "
        '"</script><script>alert(1)</script>" stays text.',
        "datePublished": "2025-03-01",
        "episodeNumber": 1,
        "partOfSeason": {"@type": "PodcastSeason", "seasonNumber": 1},
        "duration": "PT10M",
        "inLanguage": "en-GB",
        "partOfSeries": {
            "@type": "PodcastSeries",
            "name": "Quiet Workbench",
            "url": BASE,
            "webFeed": FEED_URL,
        },
        "actor": [
            {
                "@type": "Person",
                "name": "Rosa Lind",
                "url": BASE + "speakers/rosa.html#speaker-rosa",  # the profile page
                "sameAs": "https://example.org/rosa",
                "image": BASE + "_images/rosa.png",
            },
            {
                "@type": "Person",
                "name": "Ben Okafor & Sons",
                "url": BASE + "speakers/ben.html#speaker-ben",
            },
        ],
    }
    assert audio["@type"] == "AudioObject"
    assert audio["contentUrl"] == item(feed_of(app), data["name"]).find("enclosure").get("url")
    assert audio["encodingFormat"] == "audio/mpeg"
    assert audio["duration"] == "PT10M"
    assert audio["transcript"] == BASE + "episodes/planes.txt"
    glue = json.loads(
        _head(app, "episodes/glue.html").xpath('//script[@type="application/ld+json"]')[0].text
    )
    assert glue["duration"] == "PT1H2M3S"
    assert glue["image"] == BASE + "_images/cover.png"
    assert glue["associatedMedia"]["contentUrl"] == "https://media.example.org/workbench/glue.mp3"
    assert not _head(app, "index.html").xpath('//script[@type="application/ld+json"]')


def test_json_ld_without_base_url_has_no_urls(tmp_path: Path) -> None:
    """Without a base URL the site's own URLs are unknown: left out, never relative."""
    app = build(prepare(tmp_path / "src"), podcast_base_url="")
    script = _head(app, "episodes/planes.html").xpath('//script[@type="application/ld+json"]')[0]
    data = json.loads(script.text)
    assert "url" not in data and "url" not in data["partOfSeries"]
    assert "webFeed" not in data["partOfSeries"]
    assert data["associatedMedia"] == {
        "@type": "AudioObject",
        "encodingFormat": "audio/mpeg",
        "duration": "PT10M",
    }
    assert data["actor"][0] == {
        "@type": "Person",
        "name": "Rosa Lind",
        "url": "https://example.org/rosa",
    }
    assert data["actor"][1] == {"@type": "Person", "name": "Ben Okafor & Sons"}  # no URL known
    glue = _head(app, "episodes/glue.html").xpath('//script[@type="application/ld+json"]')[0]
    remote = json.loads(glue.text)["associatedMedia"]
    assert remote["contentUrl"] == "https://media.example.org/workbench/glue.mp3"  # absolute


def test_json_ld_of_a_video_episode_has_key_moments(built: Builds) -> None:
    app = built()
    script = _head(app, "episodes/video-only.html").xpath('//script[@type="application/ld+json"]')
    data = json.loads(script[0].text)
    page = BASE + "episodes/video-only.html"
    assert "transcript" not in data  # only media objects carry one
    assert data["associatedMedia"] == {
        "@type": "VideoObject",
        "name": "Turning Bowls on Video",
        "embedUrl": "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?enablejsapi=1&rel=0",
        "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "description": "A video-only episode: it cannot be in the feed.",
        "thumbnailUrl": "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg",
        "uploadDate": "2025-05-01",
        "duration": "PT10M",
        "transcript": BASE + "episodes/video-only.txt",
        "hasPart": [
            {
                "@type": "Clip",
                "name": "Roughing out",
                "startOffset": 0,
                "url": page + "#t=0",
                "endOffset": 250,
            },
            {
                "@type": "Clip",
                "name": "Hollowing",
                "startOffset": 250,
                "url": page + "#t=250",
                "endOffset": 600,
            },
        ],
    }
