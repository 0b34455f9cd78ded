"""URLs are checked (scheme, host) and percent-encoded: the base URL, media and speakers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import podcast_warnings
from lxml import etree
from lxml import html as lxml_html
from test_feed import NS, build, feed_of, item, prepare

from sphinx_podcast.urls import URLError, clean_url, quote_path

#: An absolute URL as RFC 3986 allows it, in ASCII: nothing left to encode.
VALID_URL = re.compile(
    r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*(?:#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*)?$"
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.org/my podcast/", "https://example.org/my%20podcast/"),
        ("https://example.org/{x}/ä", "https://example.org/%7Bx%7D/%C3%A4"),
        ("https://example.org/a%20b?q=1&r=100%25#t~", "https://example.org/a%20b?q=1&r=100%25#t~"),
        ("https://example.org/50%", "https://example.org/50%25"),
        ("https://Bücher.Example/", "https://xn--bcher-kva.example/"),
        ("HTTPS://example.org:8443/a b", "https://example.org:8443/a%20b"),
        ("  https://example.org/q?a=b c  ", "https://example.org/q?a=b%20c"),
    ],
)
def test_clean_url_encodes_what_needs_encoding(value: str, expected: str) -> None:
    assert clean_url(value) == expected
    assert VALID_URL.match(clean_url(value))
    assert clean_url(expected) == expected  # encoding twice changes nothing


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("https://", "no host in 'https://'"),
        ("https:///media/a.mp3", "no host in"),
        ("https://exa mple.org/", "'exa mple.org' is not a host name"),
        ("https://-bad-.org/", "'-bad-.org' is not a host name"),
        ("https://example.org:port/", "bad port"),
        ("https://user:secret@example.org/", "a user name or password in a public URL"),
        ("ftp://example.org/a", "ftp: URLs are not allowed here (only https or http)"),
        ("example.org/feed", "is not an absolute URL (scheme://host/…)"),
        ("javascript:alert(1)", "is not an absolute URL"),
        ("https://example.org/\x00", "control character"),
    ],
)
def test_clean_url_refuses(value: str, message: str) -> None:
    with pytest.raises(URLError, match=re.escape(message)):
        clean_url(value)


def test_ip_addresses_are_hosts() -> None:
    assert clean_url("http://[::1]:8000/x") == "http://[::1]:8000/x"
    assert clean_url("http://127.0.0.1/a b") == "http://127.0.0.1/a%20b"


def test_quote_path() -> None:
    assert quote_path("episodes/my ep%1.html") == "episodes/my%20ep%251.html"
    assert (
        quote_path("_downloads/0a1b/Ünïcødé.mp3")
        == "_downloads/0a1b/%C3%9Cn%C3%AFc%C3%B8d%C3%A9.mp3"
    )


def _feed_urls(feed: etree._Element) -> list[str]:
    urls = [
        value
        for element in feed.iter()
        for name, value in element.attrib.items()
        if name in ("url", "href", "img")
    ]
    urls += [e.text for e in feed.iter("link", "url") if e.text]
    return [u for u in urls if "://" in u]


def test_podcast_base_url_with_a_space_in_it_gives_broken_feed_urls(tmp_path: Path) -> None:
    """Issue 16: "podcast_base_url is never checked or percent-encoded: a space in it gives
    12 broken feed URLs" — every URL in the feed is encoded now."""
    srcdir = prepare(tmp_path / "src")
    (srcdir / "episodes" / "planes.md").rename(srcdir / "episodes" / "hand planes.md")
    app = build(srcdir, podcast_base_url="https://podcast.example.org/quiet workbench")
    feed = feed_of(app)
    urls = _feed_urls(feed)
    assert len(urls) > 12
    assert [u for u in urls if not VALID_URL.match(u)] == []
    base = "https://podcast.example.org/quiet%20workbench/"
    channel = feed.find("channel")
    assert channel.findtext("link") == base
    assert channel.find("atom:link", NS).get("href") == base + "feed.xml"
    planes = item(feed, "Sharpening <Hand> Planes & Chisels")
    assert planes.findtext("link") == base + "episodes/hand%20planes.html"
    assert planes.find("podcast:transcript", NS).get("url") == base + "episodes/hand%20planes.vtt"
    assert (Path(app.outdir) / "episodes" / "hand planes.vtt").is_file()
    page = lxml_html.fromstring((Path(app.outdir) / "episodes" / "hand planes.html").read_bytes())
    (feed_link,) = page.xpath('//link[@type="application/rss+xml"]')
    assert feed_link.get("href") == base + "feed.xml"
    assert [w for w in podcast_warnings(app) if "base_url" in w] == []


def test_a_media_url_with_a_space_reaches_enclosure(tmp_path: Path) -> None:
    """Issue 16: "a media URL with a space reaches <enclosure>" — it is encoded there, in
    the page's player and in the JSON-LD; one without a host is a warning with file:line."""
    srcdir = prepare(tmp_path / "src")
    glue = srcdir / "episodes" / "glue.md"
    glue.write_text(
        glue.read_text().replace(
            "https://media.example.org/workbench/glue.mp3",
            "https://media.example.org/workbench/hide glue {2025}.mp3",
        )
    )
    chairs = srcdir / "episodes" / "chairs.md"
    text = chairs.read_text()
    audio = re.search(r"^:audio: (.*)$", text, re.M)
    assert audio
    chairs.write_text(text.replace(audio[0], ":audio: https:///chairs.m4a"))
    app = build(srcdir)
    encoded = "https://media.example.org/workbench/hide%20glue%20%7B2025%7D.mp3"
    feed = feed_of(app)
    assert item(feed, "Hide Glue Revisited").find("enclosure").get("url") == encoded
    page = (Path(app.outdir) / "episodes" / "glue.html").read_text(encoding="utf-8")
    assert encoded in page and "hide glue {" not in page
    line = text[: audio.start()].count("\n") + 1
    assert [w for w in podcast_warnings(app) if "chairs" in w] == [
        f"episodes/chairs.md:{line}: WARNING: no host in 'https:///chairs.m4a'; no embed "
        "[podcast.bad_url]"
    ]
    titles = [i.findtext("title") for i in feed.iterfind("channel/item")]
    assert "Chairs That Wobble" not in titles  # no usable audio: no item


def test_a_podcast_image_outside_the_source_directory_stays_inside_the_site(
    tmp_path: Path,
) -> None:
    """Issue 16: "a podcast_image outside the source directory is copied outside the
    output directory and gives a broken feed URL" — it is published among the site's
    images, and the feed names it there."""
    srcdir = prepare(tmp_path / "src")
    (tmp_path / "art").mkdir()
    (srcdir / "cover.png").rename(tmp_path / "art" / "cover.png")
    outdir = tmp_path / "build" / "html"
    app = build(srcdir, outdir=outdir.parent, podcast_image="../art/cover.png")
    assert Path(app.outdir) == outdir
    href = feed_of(app).find("channel/itunes:image", NS).get("href")
    assert href == "https://podcast.example.org/workbench/_images/cover.png"
    assert feed_of(app).findtext("channel/image/url") == href
    published = outdir / "_images" / "cover.png"
    assert published.read_bytes() == (tmp_path / "art" / "cover.png").read_bytes()
    # nothing beside the output (where "../art/cover.png" went) nor beside the source
    assert sorted(p.name for p in outdir.parent.iterdir()) == ["doctrees", "html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["art", "build", "src"]
    assert [p.name for p in (tmp_path / "art").iterdir()] == ["cover.png"]
    assert [w for w in podcast_warnings(app) if "podcast_image" in w] == []


def test_speaker_urls_are_encoded_in_href_and_bad_ones_warned(tmp_path: Path) -> None:
    """A speaker's ``url`` with ``{`` ``}`` made invalid HTML; one without a host is left out
    with a warning (conf.py: its line; a ``speaker`` directive: the option's line)."""
    srcdir = prepare(tmp_path / "src")
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text().replace(
            '"https://example.org/rosa"', '"https://example.org/~rosa/{me} now"'
        )
    )
    index = srcdir / "index.md"
    lines = index.read_text().count("\n")
    index.write_text(
        index.read_text()
        + "\n:::{speaker} guest\n:name: Guest Person\n:url: https://exa mple.org/g\n:::\n"
    )
    app = build(srcdir)
    assert [w for w in podcast_warnings(app) if "bad_url" in w] == [
        f"index.md:{lines + 4}: WARNING: speaker url: 'exa mple.org' is not a host name in "
        "'https://exa mple.org/g'; ignored [podcast.bad_url]"
    ]
    page = lxml_html.fromstring((Path(app.outdir) / "speakers" / "rosa.html").read_bytes())
    hrefs = {a.get("href") for a in page.xpath("//a[@href]")}
    assert "https://example.org/~rosa/%7Bme%7D%20now" in hrefs
    assert not [h for h in hrefs if "{" in h or " " in h]
    planes = item(feed_of(app), "Sharpening <Hand> Planes & Chisels")
    rosa = planes.find("podcast:person", NS)
    assert rosa.get("href") == "https://example.org/~rosa/%7Bme%7D%20now"
