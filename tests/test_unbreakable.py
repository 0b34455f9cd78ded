"""Issue 16: inputs that crashed a build or failed silently, one page each.

Root ``unbreakable``, built once (html, with the feed); the fixture adds what holds
raw control characters. Each test is named after the issue's item and checks the
warning (subtype, file and line) and the output a reader gets.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import docutils
import pytest
from conftest import ROOTS, build_app, podcast_warnings, resolved_doctree, warnings_of
from lxml import etree, html

from sphinx_podcast import nodes as pn

CONTROLS_PAGE = """\
# Control\x01 characters

:::{episode}
:audio: https://example.org/controls.mp3
:audio-length: 100
:audio-type: audio/mpeg

A summary with a bell\x07 and a form\x0cfeed.
:::

## Talk

**Sam** [00:01]: Words with an escape\x1b[0m from a terminal.

:::{transcript}
:file: media/controls.vtt
:::
"""
CONTROLS_VTT = "WEBVTT\n\n00:02:00.000 --> 00:02:04.000\n<v Ada>Caption\x02 text\x7f.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):  # type: ignore[no-untyped-def]
    srcdir = tmp_path_factory.mktemp("unbreakable") / "src"
    shutil.copytree(ROOTS / "test-unbreakable", srcdir)
    (srcdir / "controls.md").write_text(CONTROLS_PAGE, encoding="utf-8")
    (srcdir / "media" / "controls.vtt").write_text(CONTROLS_VTT, encoding="utf-8")
    return build_app("html", srcdir, fresh=True)  # raises if anything crashed


def warned(app, page: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The podcast warnings about *page* (a source file), as "line: message [subtype]";
    not the feed's "no <pubDate>" of the pages here, which have no dates on purpose."""
    prefix = f"{page}:"
    return sorted(
        line[len(prefix) :].replace(" WARNING: ", " ", 1)
        for line in podcast_warnings(app)
        if line.startswith(prefix) and "feed: no <pubDate>" not in line
    )


def page(app, name: str):  # type: ignore[no-untyped-def]
    return html.parse(str(Path(app.outdir) / f"{name}.html"))


def feed(app):  # type: ignore[no-untyped-def]
    return etree.parse(str(Path(app.outdir) / "feed.xml"))


def feed_item(app, title: str):  # type: ignore[no-untyped-def]
    (item,) = feed(app).xpath("//item[title=$title]", title=title)
    return item


def test_the_build_finishes_without_a_traceback(built) -> None:  # type: ignore[no-untyped-def]
    output = built.status.getvalue() + built.warning.getvalue()
    assert "Traceback" not in output and "Exception occurred" not in output
    assert (Path(built.outdir) / "feed.xml").is_file()
    # every warning is ours (an unknown option too, see below)
    assert [w for w in warnings_of(built) if "[podcast." not in w] == []


# -- crashes ------------------------------------------------------------------------------


def test_unicode_digit_in_a_whole_number_option(built) -> None:  # type: ignore[no-untyped-def]
    assert warned(built, "digits.md") == [
        "12: length '٥٠٠px' is not a number with px, %, em, rem or vw; no embed "
        "[podcast.bad_option]",
        "4: episode number must be a whole number written with the digits 0-9, got '²' "
        "[podcast.bad_option]",
        "5: season must be a whole number written with the digits 0-9, got '١٢' "
        "[podcast.bad_option]",
        "6: feed: <enclosure length='0'>: not the size in bytes; give the episode's "
        ":audio-length: (the file's size in bytes) [podcast.feed]",
        "7: audio-length must be a whole number written with the digits 0-9, got '３' "
        "[podcast.bad_option]",
    ]
    item = feed_item(built, "Unicode digits")
    assert item.find("enclosure").get("length") == "0"
    assert item.find("{http://www.itunes.com/dtds/podcast-1.0.dtd}episode") is None


def test_numbers_of_more_than_4300_digits_and_times_of_310_digits(built) -> None:  # type: ignore[no-untyped-def]
    lines = warned(built, "huge.md")
    assert [line.split(":")[0] for line in lines] == ["13", "15", "17", "20", "4", "5", "6", "7"]
    assert lines[0].endswith("is too large: times are under 1,000 hours [podcast.bad_time]")
    assert "1000:00:00' is too large" in lines[1]
    assert lines[2].startswith("17: t role: time '9999") and "[podcast.bad_time]" in lines[2]
    assert lines[3].startswith("20: start: time '9999")
    assert lines[3].endswith("times are under 1,000 hours; no embed [podcast.bad_time]")
    assert lines[4].endswith("is too large (at most 999,999,999) [podcast.bad_option]")
    assert "durations are under 1,000 hours [podcast.bad_duration]" in lines[5]
    assert lines[6].endswith(":audio-length: (the file's size in bytes) [podcast.feed]")
    assert lines[7] == (
        "7: audio-length 1000000000000 is too large (at most 999,999,999,999) [podcast.bad_option]"
    )
    for line in lines:  # a 330-digit value is shown cut short
        assert len(line) < 200, line
    # the turns are there, untimed
    turns = page(built, "huge").xpath("//div[contains(@class, 'podcast-turn')]")
    assert [t.get("data-speaker") for t in turns] == ["sam", "ada"]
    assert [t.get("data-start") for t in turns] == [None, None]


def test_date_whose_utc_value_leaves_years_1_to_9999(built) -> None:  # type: ignore[no-untyped-def]
    assert warned(built, "date.md") == [
        "4: episode date '9999-12-31T23:59:59-01:00' is not an ISO 8601 date (YYYY-MM-DD) in "
        "the years 1-9999 [podcast.bad_date]"
    ]
    assert feed_item(built, "A date past 9999 in UTC").find("pubDate") is None


def test_control_characters_are_removed_with_one_warning_per_file(built) -> None:  # type: ignore[no-untyped-def]
    # docutils 0.20 reads a page with str.splitlines(), which takes the form feed for a
    # line end before source-read: 3 control characters reach us there, 4 with 0.21+
    count = 4 if docutils.__version_info__ >= (0, 21) else 3
    assert warned(built, "controls.md") == [
        f"1: {count} control characters (U+0000-U+001F, U+007F-U+009F) removed; the first is "
        "on this line [podcast.control_character]"
    ]
    assert warned(built, "media/controls.vtt") == [
        "4: 2 control characters (U+0000-U+001F, U+007F-U+009F) removed; the first is on "
        "this line [podcast.control_character]"
    ]
    # the page reads as written, without them (the form feed is a space)
    tree = page(built, "controls")
    assert tree.xpath("string(//h1)").startswith("Control characters")
    summary = tree.xpath("//div[contains(@class, 'podcast-episode-summary')]")[0]
    assert " ".join(summary.text_content().split()) == "A summary with a bell and a form feed."
    item = feed_item(built, "Control characters")
    assert "A summary with a bell and a form feed." in item.findtext("description")
    exported = (Path(built.outdir) / "controls.vtt").read_text(encoding="utf-8")
    assert "Words with an escape[0m from a terminal." in exported
    assert "Caption text." in exported


def test_control_characters_as_json_escapes_in_a_transcript_file(built) -> None:  # type: ignore[no-untyped-def]
    # JSON escapes: no raw character in the file to point at: the warning is at :file:
    assert warned(built, "transcript_escapes.md") == [
        "10: 3 control characters (U+0000-U+001F, U+007F-U+009F) removed "
        "[podcast.control_character]"
    ]
    turns = page(built, "transcript_escapes").xpath("//div[contains(@class, 'podcast-turn')]")
    assert [t.get("data-speaker") for t in turns] == ["sam", "ada"]
    assert "A bell and an escape[31m." in turns[0].text_content()


def test_control_characters_in_conf_values(built) -> None:  # type: ignore[no-untyped-def]
    conf = [w for w in podcast_warnings(built) if "conf.py" in w or "podcast feed" in w]
    lines = (Path(built.srcdir) / "conf.py").read_text().splitlines()
    line = lines.index('podcast_copyright = "2026 \\x01Unbreakable crew"') + 1
    assert sorted(conf) == [
        # Sphinx's author, in itunes:author and itunes:owner
        "WARNING: podcast feed: 2 control characters (U+0000-U+001F, U+007F-U+009F) removed "
        "[podcast.control_character]",
        f"conf.py:{line}: WARNING: podcast_copyright: a control character "
        "(U+0000-U+001F, U+007F-U+009F) removed [podcast.control_character]",
    ]
    channel = feed(built).find("channel")
    assert channel.findtext("copyright") == "2026 Unbreakable crew"
    assert channel.findtext("{http://www.itunes.com/dtds/podcast-1.0.dtd}author") == "Sam Host"


def test_deeply_nested_chapters_json(built) -> None:  # type: ignore[no-untyped-def]
    assert warned(built, "media/deep.chapters.json") == [
        "1: chapters file: JSON nested more than 64 levels deep [podcast.bad_chapters]"
    ]
    # the transcript is still shown, without chapters
    turns = page(built, "chapters_nested").xpath("//div[contains(@class, 'podcast-turn')]")
    assert len(turns) == 3


def test_huge_times_inside_transcript_files(built) -> None:  # type: ignore[no-untyped-def]
    (line,) = warned(built, "media/huge.srt")
    assert line.startswith("6: transcript file: time '9999")
    assert line.endswith("is too large: times are under 1,000 hours [podcast.bad_transcript]")


# -- silent failures ----------------------------------------------------------------------


def test_a_turn_inside_a_turn_is_warned_about_and_not_exported_twice(built) -> None:  # type: ignore[no-untyped-def]
    assert warned(built, "nested_turn.md") == [
        "14: a turn of 'ada' inside the turn of 'sam' (line 11) is shown as part of it; end the "
        "outer turn before starting another [podcast.nested_turn]"
    ]
    turns = page(built, "nested_turn").xpath("//div[contains(@class, 'podcast-turn')]")
    assert [t.get("data-speaker") for t in turns] == ["sam", "ada"]
    vtt = (Path(built.outdir) / "nested_turn.vtt").read_text(encoding="utf-8")
    assert vtt.count("Ada speaks inside") == 1
    data = json.loads((Path(built.outdir) / "nested_turn.json").read_text(encoding="utf-8"))
    bodies = [segment["body"] for segment in data["segments"]]
    assert bodies == [
        "Sam starts. ada [00:05]: Ada speaks inside the turn of Sam.",
        "Ada has a turn of her own.",
    ]


def test_an_unknown_speaker_never_takes_a_known_speakers_key_and_colour(built) -> None:  # type: ignore[no-untyped-def]
    assert warned(built, "unknown_key.md") == [
        "13: unknown speaker 'Sam.' in turn: not in podcast_speakers nor a speaker directive "
        "[podcast.unknown_speaker]"
    ]
    sam, other = page(built, "unknown_key").xpath("//div[contains(@class, 'podcast-turn')]")
    assert sam.get("data-speaker") == "sam"
    assert other.get("data-speaker") == "unknown-sam"
    colour = [c for c in sam.get("class").split() if c.startswith("podcast-color-")]
    assert colour[0] not in other.get("class").split()


def test_an_outline_inside_an_admonition_lists_the_sections(built) -> None:  # type: ignore[no-untyped-def]
    assert warned(built, "outline_in_admonition.md") == []
    tree = page(built, "outline_in_admonition")
    (outline,) = tree.xpath("//*[contains(@class, 'admonition')]//*[@id='outline']")
    entries = [" ".join(a.text_content().split()) for a in outline.xpath(".//li/p/a[1]")]
    assert entries == ["First part", "Second part"]
    backlinks = tree.xpath("//a[contains(@class, 'podcast-backlink')]/@href")
    assert backlinks == ["#outline", "#outline"]


def test_two_outlines_on_a_page_do_not_double_the_back_links(built) -> None:  # type: ignore[no-untyped-def]
    assert warned(built, "two_outlines.md") == [
        "12: a second outline of the same sections; the first one (line 9) keeps their back "
        "links [podcast.duplicate_outline]"
    ]
    tree = page(built, "two_outlines")
    outlines = tree.xpath("//*[contains(concat(' ', @class, ' '), ' podcast-outline ')]")
    assert len(outlines) == 2
    backlinks = tree.xpath("//a[contains(@class, 'podcast-backlink')]/@href")
    assert backlinks == ["#outline", "#outline"]


@pytest.mark.parametrize(
    ("page_name", "expected"),
    [
        ("duration_seconds", "4: episode duration '1.5' is not [H:]MM:SS (a number alone could be "
         "seconds or minutes) [podcast.bad_duration]"),
        ("duration_zero", "4: episode duration '0:00' is zero [podcast.bad_duration]"),
        ("duration_thousand_hours", "4: episode duration '1000:00:00' is too large: durations "
         "are under 1,000 hours [podcast.bad_duration]"),
    ],
)  # fmt: skip
def test_durations_against_the_docs_and_absurd_ones_never_reach_the_feed(
    built, page_name: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    assert warned(built, f"{page_name}.md") == [expected]
    item = feed(built).xpath(
        "//item[link=$link]", link=f"https://example.org/show/{page_name}.html"
    )
    assert item[0].find("{http://www.itunes.com/dtds/podcast-1.0.dtd}duration") is None


def test_a_bad_time_in_turn_is_not_folded_into_the_speaker_name(built) -> None:  # type: ignore[no-untyped-def]
    lines = warned(built, "turn_arguments.md")
    assert lines[:2] == [
        "11: turn time: malformed time '-5': expected SS, MM:SS or H:MM:SS (optionally with "
        ".mmm) [podcast.bad_time]",
        "15: turn time: malformed time '1,5': expected SS, MM:SS or H:MM:SS (optionally with "
        ".mmm) [podcast.bad_time]",
    ]
    turns = page(built, "turn_arguments").xpath("//div[contains(@class, 'podcast-turn')]")
    assert [t.get("data-speaker") for t in turns] == ["sam", "ada", "sam", "ada"]


def test_myst_option_line_in_a_turn_is_an_option_not_turn_text(built) -> None:  # type: ignore[no-untyped-def]
    # ":class:" is an option of turn; an option turn does not have gets a warning at its
    # line (directives/conventions.py), instead of becoming the turn's first words
    lines = [w for w in warnings_of(built) if w.startswith("turn_arguments.md:")]
    assert (
        "turn_arguments.md:25: ERROR: the turn directive has no option :speaker: "
        "(it has :class:, :name:); ignored [podcast.unknown_option]"
    ) in lines
    turns = page(built, "turn_arguments").xpath("//div[contains(@class, 'podcast-turn')]")
    assert "aside" in turns[2].get("class").split()
    assert ":class:" not in turns[2].text_content()
    assert ":speaker:" not in turns[3].text_content()


def test_a_chapter_without_a_title_is_kept_with_a_warning(built) -> None:  # type: ignore[no-untyped-def]
    assert warned(built, "chapters_untitled.md") == [
        "14: chapters file 'media/untitled.chapters.json': chapter 2 (at 01:00) has no title; "
        "it is called 'Chapter 2' [podcast.bad_chapters]",
        "14: chapters file 'media/untitled.chapters.json': chapter 3 (at 01:30) has no title; "
        "it is called 'Chapter 3' [podcast.bad_chapters]",
    ]
    doctree = resolved_doctree(built, "chapters_untitled")
    titles = [t.astext() for t in doctree.findall(lambda n: n.tagname == "title")]
    assert titles == ["Chapters without a title", "Welcome", "Chapter 2", "Chapter 3"]
    assert len(list(doctree.findall(pn.turn))) == 3


def test_podcast_description_is_escaped_like_the_items(built) -> None:  # type: ignore[no-untyped-def]
    data = (Path(built.outdir) / "feed.xml").read_text(encoding="utf-8")
    assert (
        "<description><![CDATA[Plain text: &lt;b&gt;not bold&lt;/b&gt; &amp; "
        "&lt;script&gt;alert(1)&lt;/script&gt;]]></description>"
    ) in data


def test_a_start_in_a_youtube_or_vimeo_url_that_is_no_time_is_warned_about(built) -> None:  # type: ignore[no-untyped-def]
    # the limits reference: a start in a YouTube or Vimeo URL is under 1,000 hours too
    assert warned(built, "url_start.md") == [
        "3: start '3600000s' in the YouTube URL is not a time under 1,000 hours (like 90, 90s "
        "or 1h2m3s); the player starts at the beginning [podcast.bad_time]",
        "6: start '9999999999' in the Vimeo URL is not a time under 1,000 hours (like 90, 90s "
        "or 1h2m3s); the player starts at the beginning [podcast.bad_time]",
    ]
    frames = page(built, "url_start").xpath("//iframe/@src | //*[@data-src]/@data-src")
    starts = [dict(parse_qsl(urlsplit(src).query)).get("start") for src in frames]
    assert starts == [None, None, "30", "90"]  # :start: wins over the URL's (no warning)
