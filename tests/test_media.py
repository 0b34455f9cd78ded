"""Media embeds: provider parsing, HTML hooks, other builders, bad input, coexistence.

The test roots hold no binary media: ``write_media`` generates ``media/tone.wav``
(25 s of silence) and ``media/clip.webm`` in a copy of the root before it is built.
"""

from __future__ import annotations

import re
import shutil
import wave
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOTS, BuildCache, build_app, podcast_warnings, warnings_of
from lxml import html as lxml_html
from sphinx.testing.util import SphinxTestApp

from sphinx_podcast import media, media_files

NOCOOKIE = "https://www.youtube-nocookie.com/embed/"


def write_media(srcdir: Path, seconds: int = 25) -> None:
    (srcdir / "media").mkdir(exist_ok=True)
    with wave.open(str(srcdir / "media" / "tone.wav"), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(8000)
        out.writeframes(bytes([128]) * 8000 * seconds)
    (srcdir / "media" / "clip.webm").write_bytes(b"\x1a\x45\xdf\xa3")


def build(
    tmp: Path,
    root: str,
    builder: str = "html",
    *,
    parallel: int = 0,
    media_seconds: int = 25,
    **overrides: Any,
) -> SphinxTestApp:
    """Copy test-<root> into *tmp* (once), add the media files and build it."""
    srcdir = tmp / "src"
    if not srcdir.exists():
        shutil.copytree(ROOTS / f"test-{root}", srcdir)
        write_media(srcdir, media_seconds)
    return build_app(builder, srcdir, tmp / "_build", parallel=parallel, **overrides)


class Builds(BuildCache):
    """Builds of one root, made on first use and shared by a module's tests."""

    def __init__(self, factory: pytest.TempPathFactory, root: str) -> None:
        super().__init__(factory, root)
        self.root = root

    def make(self, tmp: Path, builder: str, **overrides: Any) -> SphinxTestApp:
        return build(tmp, self.root, builder, **overrides)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    return Builds(tmp_path_factory, "media")


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build(tmp_path_factory.mktemp("media-warnings"), "media-warnings")


def page(app: SphinxTestApp, name: str) -> Any:
    return lxml_html.fromstring((Path(app.outdir) / name).read_text(encoding="utf-8"))


def _xpath(tree: Any) -> list[Any]:
    return tree.xpath("//*[contains(concat(' ', @class, ' '), ' podcast-embed ')]")


def iframe_in(embed: Any) -> Any:
    frames = embed.xpath(".//iframe")
    assert len(frames) == 1
    return frames[0]


# -- provider logic (no Sphinx) ------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("dQw4w9WgXcQ", ("dQw4w9WgXcQ", None)),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", ("dQw4w9WgXcQ", None)),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s", ("dQw4w9WgXcQ", 90)),
        ("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", ("dQw4w9WgXcQ", None)),
        ("https://youtu.be/dQw4w9WgXcQ?t=42", ("dQw4w9WgXcQ", 42)),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ?start=7", ("dQw4w9WgXcQ", 7)),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", ("dQw4w9WgXcQ", None)),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", ("dQw4w9WgXcQ", None)),
        ("https://www.youtube.com/live/dQw4w9WgXcQ?si=abc", ("dQw4w9WgXcQ", None)),
    ],
)
def test_parse_youtube(value: str, expected: tuple[str, float | None]) -> None:
    assert media.parse_youtube(value) == expected


@pytest.mark.parametrize(
    ("value", "subtype"),
    [
        ("dQw4w9WgXc", "bad_media"),  # 10 characters
        ("dQw4w9WgXcQ'", "bad_media"),
        ("<script>alert(1)</script>", "bad_media"),
        ("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "bad_media"),
        ("https://www.youtube.com/playlist?list=PL123", "bad_media"),
        ("http://www.youtube.com/watch?v=dQw4w9WgXcQ", "unsafe_url"),
        ("javascript:alert(1)", "unsafe_url"),
        ("JavaScript:alert(1)", "unsafe_url"),
        ("//www.youtube.com/watch?v=dQw4w9WgXcQ", "unsafe_url"),
    ],
)
def test_parse_youtube_refuses(value: str, subtype: str) -> None:
    with pytest.raises(media.MediaError) as error:
        media.parse_youtube(value)
    assert error.value.subtype == subtype


def test_parse_vimeo_and_spotify() -> None:
    assert media.parse_vimeo("76979871") == ("76979871", "", None)
    assert media.parse_vimeo("https://vimeo.com/76979871#t=1m5s") == ("76979871", "", 65)
    assert media.parse_vimeo("https://vimeo.com/123456789/abcdef1234") == (
        "123456789",
        "abcdef1234",
        None,
    )
    assert media.parse_vimeo("https://player.vimeo.com/video/123456789?h=abcdef1234") == (
        "123456789",
        "abcdef1234",
        None,
    )
    assert media.parse_vimeo("https://vimeo.com/channels/staffpicks/76979871")[0] == "76979871"
    for bad in ("abc", "123/<b>", "https://vimeo.example/123"):
        with pytest.raises(media.MediaError):
            media.parse_vimeo(bad)

    episode = "1FEl3ZUC9k6GJmEDIqTLm5"
    for value in (
        episode,
        f"episode/{episode}",
        f"spotify:episode:{episode}",
        f"https://open.spotify.com/episode/{episode}?si=abc",
        f"https://open.spotify.com/intl-de/episode/{episode}",
        f"https://open.spotify.com/embed/episode/{episode}",
    ):
        assert media.parse_spotify(value) == ("episode", episode), value
    assert media.parse_spotify(f"https://open.spotify.com/show/{episode}") == ("show", episode)
    for bad in (episode[:-1], f"track/{episode}", f"https://open.spotify.com.evil/e/{episode}"):
        with pytest.raises(media.MediaError):
            media.parse_spotify(bad)


def test_embed_urls_come_from_fixed_origins() -> None:
    embed = media.youtube("dQw4w9WgXcQ", 90, {"end": "100", "autoplay": "1"})
    assert embed.embed_url == (
        NOCOOKIE + "dQw4w9WgXcQ?autoplay=1&enablejsapi=1&end=100&rel=0&start=90"
    )
    assert embed.page_url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s"
    # url_parameters are re-encoded: they cannot break out of the query string
    hostile = media.youtube("dQw4w9WgXcQ", None, {"x": '"><script>', "y": "a&b=c#d"})
    assert hostile.embed_url.startswith(NOCOOKIE + "dQw4w9WgXcQ?")
    assert '"' not in hostile.embed_url and "<" not in hostile.embed_url
    assert "#" not in hostile.embed_url
    vimeo = media.vimeo("123456789", "abcdef1234", 30)
    assert vimeo.embed_url == "https://player.vimeo.com/video/123456789?dnt=1&h=abcdef1234#t=30s"
    spotify = media.spotify("episode", "1FEl3ZUC9k6GJmEDIqTLm5")
    assert spotify.embed_url == "https://open.spotify.com/embed/episode/1FEl3ZUC9k6GJmEDIqTLm5"
    assert spotify.height == 232


def test_option_parsers() -> None:
    assert media_files.parse_aspect("4:3") == (4, 3)
    assert media_files.parse_aspect("16/9") == (16, 9)
    assert media_files.parse_length("560") == "560px"
    assert media_files.parse_length("80%") == "80%"
    assert media_files.parse_url_parameters("?start=43&end=50") == {"start": "43", "end": "50"}
    for parser, value in (
        (media_files.parse_aspect, "0:9"),
        (media_files.parse_aspect, "wide"),
        (media_files.parse_length, "100px;color:red"),
        (media_files.parse_length, "calc(100%)"),
        (media_files.parse_url_parameters, "?<x>=1"),
        (media_files.parse_source, "data:audio/wav;base64,AAAA"),
        (media_files.parse_source, "javascript:alert(1)"),
        (media_files.parse_source, "file:///etc/passwd"),
        (media_files.parse_source, "media/x.mp3?x=1"),
    ):
        with pytest.raises(media.MediaError):
            parser(value)
    assert media_files.parse_source("https://example.org/a.mp3").mime == "audio/mpeg"
    assert media_files.parse_source("media/a.m4a").local


# -- HTML --------------------------------------------------------------------------


def test_build_is_clean(built: Builds) -> None:
    app = built()
    assert warnings_of(app) == []
    status = app.status.getvalue()
    assert "belongs to another extension" not in status


def test_episode_players(built: Builds) -> None:
    app = built()
    tree = page(app, "episode.html")
    header = tree.xpath("//header[contains(@class, 'podcast-episode')]")[0]
    players = _xpath(header)
    assert [p.get("data-provider") for p in players] == ["audio", "youtube", "spotify"]

    audio = players[0].xpath(".//audio")[0]
    assert audio.get("controls") is not None and audio.get("preload") == "metadata"
    source = audio.xpath("./source")[0]
    assert source.get("type") == "audio/wav"
    assert (Path(app.outdir) / source.get("src")).is_file()  # copied like an image

    youtube = players[1]
    assert youtube.get("data-load") == "click"
    button = youtube.xpath(".//button[contains(@class, 'podcast-embed-load')]")[0]
    assert button.get("type") == "button"
    assert "Tides and Tables" in button.get("aria-label")
    assert youtube.xpath(".//*[contains(@class, 'podcast-embed-title')]")[0].text == (
        "Tides and Tables"
    )
    frame = iframe_in(youtube)
    assert frame.getparent().tag == "template"  # inert until the click
    assert frame.get("src") == NOCOOKIE + "dQw4w9WgXcQ?enablejsapi=1&rel=0"

    spotify = players[2]
    assert "height: 232px" in spotify.xpath(".//div[@style]")[0].get("style")
    assert iframe_in(spotify).get("src") == (
        "https://open.spotify.com/embed/episode/1FEl3ZUC9k6GJmEDIqTLm5"
    )


def test_no_third_party_resource_outside_templates(built: Builds) -> None:
    """Before a click, the page loads nothing from a provider (remote audio waits too)."""
    for name in ("episode.html", "embeds.html", "rst_embeds.html"):
        tree = page(built(), name)
        for element in tree.xpath("//*[@src or @poster or @data]"):
            if any(a.tag == "template" for a in element.iterancestors()):
                continue
            for attribute in ("src", "poster", "data"):
                value = element.get(attribute) or ""
                if value.startswith(("https:", "http:", "//")):
                    media_element = element.getparent()
                    assert element.tag == "source", (name, element.tag, value)
                    assert media_element.get("preload") == "none", (name, value)


def test_embed_options(built: Builds) -> None:
    found = _xpath(page(built(), "embeds.html"))
    assert [e.get("data-provider") for e in found] == [
        "youtube",
        "youtube",
        "vimeo",
        "vimeo",
        "spotify",
        "spotify",
        "video",
        "audio",
    ]
    talk, sized, vimeo, unlisted, show, episode, video, audio = found

    assert "podcast-align-center" in talk.get("class")
    assert talk.get("style") == "max-width: 560px"
    assert talk.get("data-start") == "90"
    assert talk.xpath(".//div[@style]")[0].get("style") == "aspect-ratio: 4 / 3"
    frame = iframe_in(talk)
    assert frame.get("src") == NOCOOKIE + "dQw4w9WgXcQ?enablejsapi=1&rel=0&start=90"
    assert frame.get("title") == 'A "talk" <b>about</b> tides & tables (YouTube)'

    # sphinxcontrib-youtube's width + height give the ratio; url_parameters pass through
    assert sized.xpath(".//div[@style]")[0].get("style") == "aspect-ratio: 640 / 360"
    assert iframe_in(sized).get("src") == (
        NOCOOKIE + "dQw4w9WgXcQ?enablejsapi=1&end=50&rel=0&start=43"
    )
    assert iframe_in(vimeo).get("src") == "https://player.vimeo.com/video/76979871?dnt=1#t=30s"
    assert iframe_in(unlisted).get("src") == (
        "https://player.vimeo.com/video/123456789?dnt=1&h=abcdef1234"
    )
    assert "height: 352px" in show.xpath(".//div[@style]")[0].get("style")
    assert iframe_in(episode).get("title") == "The Spotify episode"

    player = video.xpath(".//video")[0]
    assert player.get("style") == "aspect-ratio: 4 / 3"
    assert [s.get("type") for s in player.xpath("./source")] == ["video/webm", "video/mp4"]
    track = player.xpath("./track")[0]
    assert track.get("kind") == "captions" and track.get("srclang") == "en"
    assert track.get("src").endswith("/clip.vtt")

    source = audio.xpath(".//source")[0]
    assert source.get("src") == "https://example.org/episode.mp3#t=90"


@pytest.mark.parametrize("name", ["episode.html", "embeds.html", "rst_embeds.html"])
def test_eager_mode_iframes(built: Builds, name: str) -> None:
    app = built(podcast_embed_mode="eager")
    tree = page(app, name)
    assert not tree.xpath("//template | //button[contains(@class, 'podcast-embed-load')]")
    for embed in _xpath(tree):
        provider = embed.get("data-provider")
        if provider in ("audio", "video"):
            continue
        frame = iframe_in(embed)
        assert frame.get("title")
        assert frame.get("loading") == "lazy"
        assert frame.get("referrerpolicy") == "strict-origin-when-cross-origin"
        assert frame.get("allow") == media.ALLOW[provider]
        origin = {
            "youtube": NOCOOKIE,
            "vimeo": "https://player.vimeo.com/video/",
            "spotify": "https://open.spotify.com/embed/",
        }[provider]
        assert frame.get("src").startswith(origin)
        if provider == "vimeo":
            assert "dnt=1" in frame.get("src")
        box = frame.getparent()
        assert "podcast-embed-box" in box.get("class")  # CSS gives it the aspect ratio


def test_rst_and_myst_give_the_same_embed(built: Builds) -> None:
    rst = _xpath(page(built(), "rst_embeds.html"))[0]
    myst = _xpath(page(built(), "episode.html"))[1]
    assert iframe_in(rst).get("src") == iframe_in(myst).get("src")
    assert rst.get("class") == myst.get("class")


@pytest.mark.parametrize(("builder", "prefix"), [("dirhtml", "../"), ("singlehtml", "")])
def test_local_files_in_other_html_builders(built: Builds, builder: str, prefix: str) -> None:
    app = built(builder)
    name = "episode/index.html" if builder == "dirhtml" else "index.html"
    tree = page(app, name)
    sources = [src for src in tree.xpath("//audio/source/@src") if "://" not in src]
    assert sources and all(src.startswith(prefix + "_downloads/") for src in sources)
    for src in sources:
        target = (Path(app.outdir) / name).parent / src
        assert target.resolve().is_file(), src


def test_player_script(built: Builds) -> None:
    text = (Path(built().outdir) / "episode.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script[^>]*podcast\.js[^>]*>", text)
    assert len(scripts) == 1
    assert 'defer="defer"' in scripts[0]
    assert 'data-copy="Copy link to this moment"' in scripts[0]
    # no inline handlers anywhere in our markup
    tree = page(built(), "episode.html")
    for element in _xpath(tree):
        for node in element.iter():
            assert not any(name.startswith("on") for name in node.attrib), node.attrib
    # the size budget (gzip-compressed) is checked in test_listening.py


def test_local_file_is_a_dependency(built: Builds) -> None:
    app = built()
    dependencies = {Path(path).as_posix() for path in app.env.dependencies["episode"]}
    assert any(path.endswith("media/tone.wav") for path in dependencies), dependencies


# -- other builders ----------------------------------------------------------------


def test_latex_has_links_and_qr_codes(built: Builds) -> None:
    app = built("latex")
    tex = (Path(app.outdir) / "media-test.tex").read_text(encoding="utf-8")
    assert r"\sphinxurl{https://www.youtube.com/watch?v=dQw4w9WgXcQ}" in tex
    assert r"\sphinxurl{https://open.spotify.com/episode/1FEl3ZUC9k6GJmEDIqTLm5}" in tex
    assert r"\sphinxurl{https://vimeo.com/123456789/abcdef1234}" in tex
    images = re.findall(r"\\sphinxincludegraphics\[[^]]*\]\{\{(podcast-qr-[0-9a-f]+)\}\.png\}", tex)
    # 2 in the episode, 8 standalone embeds with a URL, 2 in rST; a local file has none
    assert len(images) == 12
    for name in images:
        data = (Path(app.outdir) / f"{name}.png").read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert "tone.wav" in tex  # the local file: its name, no QR code
    assert "iframe" not in tex


def test_text_and_epub_have_title_and_url(built: Builds) -> None:
    text = (Path(built("text").outdir) / "episode.txt").read_text(encoding="utf-8")
    assert "Tides and Tables**: https://www.youtube.com/watch?v=dQw4w9WgXcQ" in text
    embeds_text = (Path(built("text").outdir) / "embeds.txt").read_text(encoding="utf-8")
    assert "**An unlisted video**: https://vimeo.com/123456789/abcdef1234" in embeds_text
    assert "**A short clip**: clip.webm, https://example.org/clip.mp4" in embeds_text

    epub = built("epub")
    assert not [line for line in warnings_of(epub) if "podcast" in line]
    page_text = (Path(epub.outdir) / "episode.xhtml").read_text(encoding="utf-8")
    assert "<iframe" not in page_text and "<template" not in page_text
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in page_text


@pytest.mark.parametrize("builder", ["man", "texinfo"])
def test_other_builders_do_not_crash(built: Builds, builder: str) -> None:
    app = built(builder)
    assert [line for line in warnings_of(app) if "podcast" in line] == []


def test_parallel_equals_serial(tmp_path: Path, built: Builds) -> None:
    parallel = build(tmp_path, "media", parallel=2)
    for name in ("episode.html", "embeds.html", "rst_embeds.html"):
        serial_text = (Path(built().outdir) / name).read_text(encoding="utf-8")
        parallel_text = (Path(parallel.outdir) / name).read_text(encoding="utf-8")
        assert serial_text == parallel_text


# -- bad input -----------------------------------------------------------------------

EXPECTED_WARNINGS = [
    "bad_align.md:5: WARNING: align must be one of left, center, right, got 'middle'; no embed "
    "[podcast.bad_option]",
    "bad_align_rst.rst:8: WARNING: align must be one of left, center, right, got 'middle'; "
    "no embed [podcast.bad_option]",
    "bad_aspect.md:4: WARNING: aspect ratio 'wide' is not W:H (e.g. 16:9); no embed "
    "[podcast.bad_option]",
    "bad_spotify_id.md:3: WARNING: invalid Spotify episode id '1FEl3ZUC9k6GJ': expected 22 "
    "letters and digits; no embed [podcast.bad_media]",
    "bad_spotify_kind.md:3: WARNING: Spotify 'track' cannot be embedded here: use an episode "
    "or a show; no embed [podcast.bad_media]",
    "bad_start.md:4: WARNING: start: malformed time 'soon': expected SS, MM:SS or H:MM:SS "
    "(optionally with .mmm); no embed [podcast.bad_time]",
    "bad_url_parameters.md:4: WARNING: url_parameters: bad parameter name '<x>'; no embed "
    "[podcast.bad_option]",
    "bad_vimeo_id.md:3: WARNING: invalid Vimeo video id 'abc123': expected digits; no embed "
    "[podcast.bad_media]",
    "bad_width.md:4: WARNING: length '100px; background: url(https://evil.example/x.png)' is "
    "not a number with px, %, em, rem or vw; no embed [podcast.bad_option]",
    "bad_youtube_host.md:3: WARNING: not a YouTube URL: "
    "'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ'; no embed [podcast.bad_media]",
    "bad_youtube_id.md:3: WARNING: invalid YouTube video id 'not-an-id': expected 11 "
    "characters of A-Z, a-z, 0-9, _ and -; no embed [podcast.bad_media]",
    "data_url.md:3: WARNING: data: URLs are not allowed for media, only https (or a local "
    "file): 'data:video/mp4;base64,AAAA'; no embed [podcast.unsafe_url]",
    "episode_bad_media.md:6: WARNING: invalid YouTube video id '<script>alert(1)</script>': "
    "expected 11 characters of A-Z, a-z, 0-9, _ and -; no embed [podcast.bad_media]",
    "episode_bad_media.md:8: WARNING: javascript: URLs are not allowed for media, only https "
    "(or a local file): 'javascript:alert(1)'; no embed [podcast.unsafe_url]",
    "episode_bad_media.md:9: WARNING: audio file 'media/missing.mp3' not found; no embed "
    "[podcast.missing_file]",
    "http_url.md:3: WARNING: http: URLs are not allowed for media, only https (or a local "
    "file): 'http://example.org/episode.mp3'; no embed [podcast.unsafe_url]",
    "javascript_url.md:3: WARNING: javascript: URLs are not allowed for media, only https (or "
    "a local file): 'javascript:alert(1)'; no embed [podcast.unsafe_url]",
    "missing_captions.md:5: WARNING: captions file 'media/nowhere.vtt' not found; no embed "
    "[podcast.missing_file]",
    "missing_file.md:3: WARNING: audio file 'media/nowhere.mp3' not found; no embed "
    "[podcast.missing_file]",
]


def test_bad_input_warnings(bad: SphinxTestApp) -> None:
    assert sorted(warnings_of(bad)) == EXPECTED_WARNINGS
    assert podcast_warnings(bad) == warnings_of(bad)


@pytest.mark.parametrize(
    "name",
    sorted({line.split(":")[0] for line in EXPECTED_WARNINGS} - {"episode_bad_media.md"}),
)
def test_bad_input_gives_no_embed(bad: SphinxTestApp, name: str) -> None:
    tree = page(bad, Path(name).with_suffix(".html").name)
    assert _xpath(tree) == []
    assert not tree.xpath("//iframe | //audio | //video | //template")


def test_bad_episode_media_keeps_the_header(bad: SphinxTestApp) -> None:
    tree = page(bad, "episode_bad_media.html")
    header = tree.xpath("//header[contains(@class, 'podcast-episode')]")[0]
    assert [e.get("data-provider") for e in _xpath(header)] == ["vimeo"]
    assert tree.xpath("//*[contains(@class, 'podcast-turn')]")


def test_hostile_values_never_become_markup(bad: SphinxTestApp) -> None:
    for path in Path(bad.outdir).glob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path.name
        assert "evil.example" not in text.replace("evil.example/&quot;", ""), path.name
        for element in lxml_html.fromstring(text).iter():
            for name, value in element.attrib.items():
                assert not value.strip().lower().startswith(("javascript:", "data:")), (
                    path.name,
                    name,
                )
    tree = page(bad, "hostile_title.html")
    embed = _xpath(tree)[0]
    title = '<script>alert(1)</script> "quoted" & <iframe src="https://evil.example/">'
    assert embed.xpath(".//*[contains(@class, 'podcast-embed-title')]")[0].text == (
        "Tides " + title
    )
    assert iframe_in(embed).get("title") == f"Tides {title} (YouTube)"
    assert iframe_in(embed).get("src") == NOCOOKIE + "dQw4w9WgXcQ?enablejsapi=1&rel=0"


def test_bad_embed_mode_falls_back(tmp_path: Path) -> None:
    app = build(tmp_path, "media", podcast_embed_mode="always")
    (warning,) = podcast_warnings(app)
    assert "podcast_embed_mode must be one of 'click', 'eager', got 'always'" in warning
    assert "using 'click'" in warning and warning.endswith("[podcast.config]")
    assert page(app, "episode.html").xpath("//template")


# -- another extension owns the bare names ---------------------------------------------


@pytest.mark.parametrize(
    "extensions",
    [
        ["myst_parser", "sphinx_podcast", "other_embeds"],
        ["other_embeds", "myst_parser", "sphinx_podcast"],
    ],
)
def test_coexistence(tmp_path: Path, extensions: list[str]) -> None:
    app = build(tmp_path, "media-coexist", extensions=extensions)
    assert warnings_of(app) == []
    status = app.status.getvalue()
    for name in ("youtube", "vimeo", "video"):
        message = f"the directive name {name!r} belongs to another extension"
        assert status.count(message) == 1, name
    assert "'audio' belongs" not in status and "'spotify' belongs" not in status
    tree = page(app, "index.html")
    others = [p.text for p in tree.xpath("//p[contains(@class, 'other-embed')]")]
    assert others == ["other youtube: dQw4w9WgXcQ", "other video: clip.mp4"]
    assert [e.get("data-provider") for e in _xpath(tree)] == [
        "youtube",
        "video",
        "spotify",
        "audio",
    ]


def test_epub_keeps_the_provider_hook(built: Builds) -> None:
    text = (Path(built("epub").outdir) / "embeds.xhtml").read_text(encoding="utf-8")
    assert text.count('data-provider="') == 8
