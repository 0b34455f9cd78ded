"""The feed against the rules others read it by: the podcast namespace's XSD, feedparser,
podcastparser, our own validator (Apple's rules and the namespace's); episode types,
numbers, people, trailers, seasons, captions, AI transcripts.

The XSD is tests/fixtures/standards/podcast.xsd, as published (see the README there).
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import feedparser
import podcastparser
import pytest
from conftest import podcast_warnings
from lxml import etree
from test_feed import BASE, NS, Builds, build, feed_of, item, prepare

from sphinx_podcast.feed_check import check_feed

STANDARDS = Path(__file__).parent / "fixtures" / "standards"
PODCAST = NS["podcast"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    return Builds(tmp_path_factory)


def namespace_schema() -> tuple[etree.XMLSchema, set[str]]:
    """The XSD in the podcast namespace (the file declares its elements in no namespace),
    and the names it declares. One correction, where it contradicts the namespace's own
    text: ``podcast:season``'s ``name`` is optional (docs/tags/season.md), not required."""
    tree = etree.parse(str(STANDARDS / "podcast.xsd"))
    root = tree.getroot()
    root.set("targetNamespace", PODCAST)
    xs = "{http://www.w3.org/2001/XMLSchema}"
    for attribute in root.iterfind(f"{xs}element[@name='season']//{xs}attribute[@name='name']"):
        attribute.set("use", "optional")
    # its types (max128 …) are now in the target namespace: refer to them there
    text = etree.tostring(root).decode()
    text = text.replace('base="max128"', 'base="p:max128"').replace(
        'base="max32"', 'base="p:max32"'
    )
    text = text.replace('base="yesnoenumeration"', 'base="p:yesnoenumeration"')
    text = text.replace("<xs:schema ", f'<xs:schema xmlns:p="{PODCAST}" ', 1)
    schema_root = etree.fromstring(text.encode())
    names = {e.get("name") for e in schema_root.iterfind(f"{xs}element")}
    return etree.XMLSchema(schema_root), names


def test_every_namespace_element_the_xsd_declares_validates(built: Builds) -> None:
    schema, declared = namespace_schema()
    assert {"transcript", "chapters", "person", "season", "episode", "soundbite"} <= declared
    feed = feed_of(built())
    checked: dict[str, int] = {}
    for element in feed.iter(f"{{{PODCAST}}}*"):
        name = etree.QName(element).localname
        if name not in declared:
            assert name in ("guid", "trailer", "txt")  # not in the XSD
            continue
        alone = copy.deepcopy(element)
        alone.tail = None
        assert schema.validate(etree.ElementTree(alone)), (
            etree.tostring(alone),
            schema.error_log.last_error,
        )
        checked[name] = checked.get(name, 0) + 1
    assert set(checked) == {"transcript", "chapters", "person", "season", "episode"}
    assert checked["transcript"] >= 5


def test_the_schema_refuses_what_it_should() -> None:
    schema, _declared = namespace_schema()
    bad = etree.fromstring(f'<p:person xmlns:p="{PODCAST}">{"x" * 129}</p:person>')
    assert not schema.validate(etree.ElementTree(bad))
    bad = etree.fromstring(f'<p:transcript xmlns:p="{PODCAST}" url="https://x.org/a.vtt"/>')
    assert not schema.validate(etree.ElementTree(bad))  # no type


def test_our_validator_finds_nothing_in_our_feeds(built: Builds) -> None:
    assert check_feed(feed_of(built())) == []
    assert check_feed(feed_of(built("dirhtml"))) == []


def test_feedparser_and_podcastparser_read_every_item(built: Builds) -> None:
    data = (Path(built().outdir) / "feed.xml").read_bytes()
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    by_title = {entry.title: entry for entry in parsed.entries}
    assert by_title["Trailer"].itunes_episodetype == "trailer"
    assert by_title["A Bench for Two"].itunes_episodetype == "bonus"
    assert by_title["Three Legs Are Enough"].itunes_episodetype == "full"
    podcast = podcastparser.parse(BASE + "feed.xml", io.BytesIO(data))
    assert podcast["title"] == "Quiet Workbench"
    episodes = {e["title"]: e for e in podcast["episodes"]}
    assert len(episodes) == 6
    assert episodes["Trailer"]["type"] == "trailer"
    assert episodes["A Bench for Two"]["type"] == "bonus"
    planes = episodes["Sharpening <Hand> Planes & Chisels"]
    assert planes["number"] == 1 and planes["season"] == 1
    assert planes["total_time"] == 600
    assert planes["enclosures"][0]["file_size"] == 4321
    assert planes["enclosures"][0]["mime_type"] == "audio/mpeg"
    # podcastparser 0.6 knows the podcast namespace only by its old URI (a GitHub page),
    # not https://podcastindex.org/namespace/1.0, so it reads none of our podcast:* tags
    assert "persons" not in planes and "chapters_json_url" not in planes
    for episode in episodes.values():
        assert episode["published"] > 0 and episode["guid"]


# -- what we write --------------------------------------------------------------------


def test_episode_types_numbers_and_seasons(built: Builds) -> None:
    feed = feed_of(built())
    trailer = item(feed, "Trailer")
    assert trailer.findtext("itunes:episodeType", namespaces=NS) == "trailer"
    assert (
        trailer.find("itunes:episode", NS) is None and trailer.find("podcast:episode", NS) is None
    )
    bonus = item(feed, "A Bench for Two")
    assert bonus.findtext("itunes:episodeType", namespaces=NS) == "bonus"
    assert bonus.findtext("itunes:episode", namespaces=NS) == "4"  # the episode it belongs to
    planes = item(feed, "Sharpening <Hand> Planes & Chisels")
    assert planes.findtext("itunes:episodeType", namespaces=NS) == "full"
    assert planes.findtext("podcast:season", namespaces=NS) == "1"
    assert planes.findtext("podcast:episode", namespaces=NS) == "1"
    (channel_trailer,) = feed.iterfind("channel/podcast:trailer", NS)
    assert channel_trailer.text == "Trailer"
    assert channel_trailer.attrib == {
        "pubdate": "Wed, 15 Jan 2025 00:00:00 +0000",
        "url": trailer.find("enclosure").get("url"),
        "length": "1000",
        "type": "audio/mpeg",
        "season": "1",
    }


def test_people_at_channel_and_item_level(built: Builds) -> None:
    feed = feed_of(built())
    hosts = [(p.text, dict(p.attrib)) for p in feed.iterfind("channel/podcast:person", NS)]
    assert hosts == [
        (
            "Rosa Lind",
            {
                "role": "host",
                "group": "cast",
                "href": "https://example.org/rosa",
                "img": BASE + "_images/rosa.png",
            },
        )
    ]
    # an item with a guest repeats its hosts (item-level persons replace the channel's)
    planes = item(feed, "Sharpening <Hand> Planes & Chisels")
    assert [p.text for p in planes.iterfind("podcast:person", NS)] == [
        "Rosa Lind",
        "Ben Okafor & Sons",
    ]
    # the trailer has no people of its own: the channel's stand
    assert item(feed, "Trailer").find("podcast:person", NS) is None


def test_transcripts_captions_and_language(built: Builds) -> None:
    planes = item(feed_of(built()), "Sharpening <Hand> Planes & Chisels")
    transcripts = {t.get("type"): dict(t.attrib) for t in planes.iterfind("podcast:transcript", NS)}
    assert transcripts["text/vtt"]["rel"] == "captions"
    assert [t for t, a in transcripts.items() if "rel" in a] == ["text/vtt"]
    assert {a["language"] for a in transcripts.values()} == {"en-GB"}


def test_ai_content_from_the_option_and_from_whisper(tmp_path: Path) -> None:
    """``ai-content: yes`` marks an episode; so does a transcript read from Whisper's
    JSON, unless the episode says ``ai-content: no``."""
    srcdir = prepare(tmp_path / "src")
    whisper = (Path(__file__).parent / "fixtures" / "captions" / "tide.whisper.json").read_text()
    (srcdir / "episodes" / "tide.whisper.json").write_text(whisper)
    transcript = "\n:::{transcript}\n:file: tide.whisper.json\n:speakers: Rosa\n:::\n"
    for name, option in (("stools", ""), ("benches", ":ai-content: no\n"), ("chairs", "")):
        page = srcdir / "episodes" / f"{name}.md"
        text = page.read_text().replace(":season: 1\n", f":season: 1\n{option}", 1)
        page.write_text(text + (transcript if name != "chairs" else ""))
    glue = srcdir / "episodes" / "glue.md"
    glue.write_text(glue.read_text().replace(":audio-type:", ":ai-content: yes\n:audio-type:"))
    feed = feed_of(build(srcdir))
    marked = {
        i.findtext("title"): [(t.get("purpose"), t.text) for t in i.iterfind("podcast:txt", NS)]
        for i in feed.iter("item")
    }
    assert marked == {
        "Three Legs Are Enough": [("ai-content", "true")],
        "A Bench for Two": [],
        "Chairs That Wobble": [],
        "Hide Glue Revisited": [("ai-content", "true")],
        "Sharpening <Hand> Planes & Chisels": [],
        "Trailer": [],
    }


def test_missing_date_bad_numbers_and_types_warn(tmp_path: Path) -> None:
    srcdir = prepare(tmp_path / "src")
    chairs = srcdir / "episodes" / "chairs.md"
    text = chairs.read_text()
    text = text.replace(":number: 4\n", ":number: 0\n:type: teaser\n")
    text = text.replace(":date: 2025-06-01\n", "")
    chairs.write_text(text)
    app = build(srcdir)
    assert sorted(w for w in podcast_warnings(app) if "chairs" in w) == [
        "episodes/chairs.md:3: WARNING: feed: no <pubDate>: apps sort the episode last; give "
        "the episode a :date: [podcast.feed]",
        "episodes/chairs.md:4: WARNING: episode number must be at least 1, got '0' "
        "[podcast.bad_option]",
        "episodes/chairs.md:5: WARNING: episode option 'type' must be full or trailer or bonus, "
        "got 'teaser' [podcast.bad_option]",
    ]
    chairs_item = item(feed_of(app), "Chairs That Wobble")
    assert chairs_item.find("pubDate") is None
    assert chairs_item.findtext("itunes:episodeType", namespaces=NS) == "full"
    assert chairs_item.find("itunes:episode", NS) is None
    # a bonus that shares its number with a full episode is no duplicate
    assert not [w for w in podcast_warnings(app) if "duplicate_number" in w]


# -- the validator, rule by rule ----------------------------------------------------


def _mutated(feed: etree._Element, path: str, change: str, value: str = "") -> etree._Element:
    feed = copy.deepcopy(feed)
    target = feed.find(path, NS)
    assert target is not None, path
    if change == "remove":
        target.getparent().remove(target)
    elif change == "text":
        target.text = value
    else:
        target.set(change.lstrip("@"), value)
    return feed


FIRST = "channel/item[5]"  # planes: every tag an item can have
BROKEN = [
    ("channel/title", "text", "", "channel-title"),
    ("channel/language", "text", "english", "channel-language"),
    ("channel/itunes:image", "href", "https://x.org/cover.gif", "channel-image"),
    ("channel/itunes:image", "remove", "", "channel-image"),
    ("channel/itunes:category", "@text", "Knitting", "channel-category"),
    ("channel/itunes:category", "remove", "", "channel-category"),
    ("channel/itunes:explicit", "text", "clean", "channel-explicit"),
    ("channel/itunes:type", "text", "seasonal", "channel-type"),
    ("channel/podcast:guid", "text", "not-a-uuid", "podcast-guid"),
    ("channel/podcast:trailer", "pubdate", "yesterday", "podcast-trailer"),
    ("channel/podcast:person", "role", "lead singer", "podcast-person"),
    (f"{FIRST}/title", "remove", "", "item-title"),
    (f"{FIRST}/guid", "remove", "", "item-guid"),
    (f"{FIRST}/pubDate", "remove", "", "item-pubdate"),
    (f"{FIRST}/pubDate", "text", "2025-08-01", "item-pubdate"),
    (f"{FIRST}/enclosure", "remove", "", "enclosure"),
    (f"{FIRST}/enclosure", "length", "0", "enclosure-length"),
    (f"{FIRST}/enclosure", "type", "audio/wav", "enclosure-type"),
    (f"{FIRST}/enclosure", "url", "https://x.org/a b.mp3", "url"),
    (f"{FIRST}/link", "text", "episodes/planes.html", "url"),
    (f"{FIRST}/itunes:episode", "text", "0", "item-episode"),
    (f"{FIRST}/itunes:season", "text", "one", "item-season"),
    (f"{FIRST}/itunes:episodeType", "text", "teaser", "item-episode-type"),
    (f"{FIRST}/itunes:duration", "text", "ten minutes", "item-duration"),
    (f"{FIRST}/podcast:transcript", "rel", "subtitles", "podcast-transcript"),
    (f"{FIRST}/podcast:transcript", "url", "http://x.org/a.vtt", "https"),
    (f"{FIRST}/podcast:episode", "text", "one", "podcast-episode"),
    (f"{FIRST}/podcast:season", "name", "x" * 129, "length"),
    (f"{FIRST}/podcast:person", "text", "", "podcast-person"),
]


@pytest.mark.parametrize(("path", "change", "value", "rule"), BROKEN)
def test_each_rule_is_checked(built: Builds, path: str, change: str, value: str, rule: str) -> None:
    feed = _mutated(feed_of(built()), path, change, value)
    assert [p.rule for p in check_feed(feed)] == [rule]


def test_duplicates_and_serial_numbers(built: Builds) -> None:
    feed = feed_of(built())
    items = feed.findall("channel/item")
    items[1].find("guid").text = items[0].find("guid").text
    items[1].find("enclosure").set("url", items[0].find("enclosure").get("url"))
    assert sorted(p.rule for p in check_feed(feed)) == ["enclosure-url", "item-guid"]
    serial = feed_of(built())
    serial.find("channel/itunes:type", NS).text = "serial"
    stools = item(serial, "Three Legs Are Enough")
    stools.remove(stools.find("itunes:episode", NS))
    assert [p.rule for p in check_feed(serial)] == ["item-episode"]


def test_broken_rules_are_warnings_at_the_episode(tmp_path: Path) -> None:
    srcdir = prepare(tmp_path / "src")
    stools = srcdir / "episodes" / "stools.md"
    stools.write_text(stools.read_text().replace("stools.m4a", "stools.wav"))
    app = build(srcdir, podcast_type="serial")
    assert sorted(w for w in podcast_warnings(app) if "[podcast.feed]" in w) == [
        "episodes/stools.md:9: WARNING: feed: <enclosure type='audio/wav'>: Apple Podcasts "
        "plays MP3, M4A, MP4, MOV, M4V and PDF files only; publish the audio as MP3 or M4A "
        "[podcast.feed]",
    ]
