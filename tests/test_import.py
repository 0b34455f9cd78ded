"""Converting sources to MyST episode pages (:mod:`sphinx_podcast.importers`), without the CLI.

Fixtures (tests/fixtures/) are our own, invented: Jekyll posts in the format people
publish today, and one short conversation in every caption format.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docutils.core import publish_doctree
from myst_parser.parsers.docutils_ import Parser

from sphinx_podcast import formats
from sphinx_podcast.importers import InputError, Options, SpeakerFile, convert, decode
from sphinx_podcast.importers.myst import escape_inline, speaker_key, time_text, turn_line
from sphinx_podcast.importers.speakers import parse_speakers

FIXTURES = Path(__file__).parent / "fixtures"
JEKYLL = FIXTURES / "jekyll"
CAPTIONS = FIXTURES / "captions"
TURN = re.compile(r"^\*\*(?P<name>[^*]+)\*\*(?: \[(?P<time>[\d:.]+)\])?: (?P<text>.*)$", re.M)


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def turns(page: str) -> list[tuple[str, str | None, str]]:
    return [(m["name"], m["time"], m["text"]) for m in TURN.finditer(page)]


def notes(result) -> list[tuple[int, str, str]]:  # type: ignore[no-untyped-def]
    return [(n.line, n.level, n.message) for n in result.notes]


# -- Jekyll posts -----------------------------------------------------------------


@pytest.fixture
def tide():  # type: ignore[no-untyped-def]
    path = JEKYLL / "2024-03-14-tide-tables.md"
    speakers = SpeakerFile()
    result = convert(read(path), str(path.name), options=Options(hosts=("Sam",)), speakers=speakers)
    return result, speakers


def test_jekyll_front_matter_becomes_the_episode(tide) -> None:  # type: ignore[no-untyped-def]
    result, _speakers = tide
    head = result.text.split("```{outline}")[0]
    assert head.startswith("# Ada Example on Open Tide Tables\n\n```{episode}\n")
    assert ":date: 2024-03-14\n" in head  # from the file name
    assert ":youtube: AbCdEfGhI_k\n" in head
    assert ":spotify: 4kQx7mWq2ZrT9bLp0sVn1e\n" in head
    assert ":hosts: sam-host\n:guests: ada-example\n" in head  # full names from the post
    assert ":category:" not in head  # "podcast" says nothing
    # the first intro paragraph is the summary, the rest of the intro stays
    assert "\n\nAda Example keeps the tide gauge of a small harbour town online as [open data]" in (
        head
    )
    assert head.index("online as [open data]") < head.index("```\n\nShe talks with Sam Host")
    assert result.fmt == "markdown"
    assert "{% include youtubePlayer" not in result.text
    assert "permalink" not in result.text


def test_jekyll_outline_and_back_links(tide) -> None:  # type: ignore[no-untyped-def]
    result, _speakers = tide
    text = result.text
    assert "```{outline}\n```" in text
    assert "# Outline" not in text
    assert "](#paper-logs)" not in text
    assert "#outline" not in text and "⬆</a>" not in text
    # the body's level-1 headings sit under the page title now
    headings = re.findall(r"^(#+) (.+)$", text, re.M)
    assert headings == [
        ("#", "Ada Example on Open Tide Tables"),
        ("##", "Paper Logs"),
        ("###", "How The First Table Was Typed"),
        ("###", "Volunteers Don't Scale, Scripts Do"),
        ("##", "Publishing"),
        ("###", "Why Open Data"),
        ("##", "Highlighted Quotes"),
    ]


def test_jekyll_turns_kept_and_speakers_found(tide) -> None:  # type: ignore[no-untyped-def]
    result, speakers = tide
    # full names: "Ada Example" from the title, "Sam Host" from the text ("talks with Sam Host")
    assert result.speakers == ["Sam Host", "Ada Example"]
    assert result.turns == 10  # the highlighted quote is a quote, not a turn
    assert result.timed == 0
    assert turns(result.text)[:2] == [
        ("Sam Host", None, "What does a harbour master keep in a drawer?"),
        ("Ada Example", None, "Forty years of tide readings, in pencil, on squared paper."),
    ]
    assert [(s.key, s.name) for s in speakers.new] == [
        ("sam-host", "Sam Host"),
        ("ada-example", "Ada Example"),
    ]


def test_jekyll_liquid_and_html_are_kept_or_reported(tide) -> None:  # type: ignore[no-untyped-def]
    result, _speakers = tide
    # {{ page.title }} has a value: replaced; the newsletter include has none: kept, reported
    assert "That sounds like Ada Example on Open Tide Tables in one sentence." in result.text
    assert "{% include newsletter.html %}" in result.text
    assert "<sup><sub><i>(Note: click on a topic" in result.text
    warnings = [(line, message) for line, level, message in notes(result) if level == "warning"]
    assert warnings == [
        (19, "HTML <sup>, <sub>, <i> kept as written (line 19): shown by the HTML builders only"),
        (22, "hand-written outline (6 entries) replaced by an outline directive"),
        (
            65,
            "Liquid include 'newsletter.html' kept as written: Sphinx does not run Liquid; "
            "replace it by hand",
        ),
    ]
    infos = [message for _line, level, message in notes(result) if level == "info"]
    assert "5 hand-written back links removed: the outline adds them" in infos
    assert "front matter not used: layout" in infos  # permalink: an old address


def test_jekyll_chapter_times_and_quote_turns() -> None:
    path = JEKYLL / "2019-11-02-harbour-lights.md"
    result = convert(read(path), path.name)
    # the chapter that matches no section stays a chapter of its own
    assert "```{outline}\n:title: Contents\n\n- 15:40 Ghosts\n```" in result.text
    assert turns(result.text) == [
        ("Sam", "00:00", "Welcome to the workshop. Today my guest is Lena, who climbs towers for a living."),  # noqa: E501
        ("Lena Osei", None, "Only small towers. The big ones have lifts now."),
        ("Sam", "02:28", "What breaks first, the glass or the brass?"),
        ("Lena Osei", None, "The brass. Glass is patient; brass turns green and gives up."),
        ("Sam", None, "And then?"),
        ("Lena Osei", "10:05", "Ships have satellites now. The light stays because the town likes it."),  # noqa: E501
    ]  # fmt: skip
    # a label used once, after a turn, is not a speaker: an admonition, so that it does
    # not join Lena's turn; and said so
    assert '```{admonition} Note\n\n"This part was recorded outdoors."\n```' in result.text
    assert result.timed == 3
    assert ":youtube: ZyXwVuTsR_9\n" in result.text  # from a full YouTube URL
    assert ":tags: lighthouses, history\n" in result.text
    assert ":date: 2019-11-02\n" in result.text
    assert "(#contents)" not in result.text and "#contents" not in result.text
    assert [(line, message) for line, level, message in notes(result) if level == "warning"] == [
        (11, "hand-written outline (4 entries) replaced by an outline directive (with 1 "
         "chapter of its own)"),
        (16, "chapter 'Ghosts' matches no section with turns: kept as 1 chapter of its own in "
         "the outline"),
        (20, "speaker 'Sam' has no full name in the title, the front matter or the text: give "
         "it with --speaker 'Sam=Full Name' (or --host)"),
        (30, "'Note' is not a speaker: this paragraph became an admonition titled 'Note'; "
         "give --speaker 'Note' if it is a turn"),
    ]  # fmt: skip


MINIMAL = """\
---
title: Minimal
---

# Contents

- [Kramdown Won't Match](#kramdown-wont-match)

# Kramdown Won't Match

**Ada**: See [the heading](#kramdown-wont-match) and [nowhere](#nowhere).

**Ada**: Again. [⬆](#contents)
"""


def test_links_to_headings_use_the_anchors_myst_resolves() -> None:
    result = convert(MINIMAL, "minimal.md")
    # MyST's heading anchor (GitHub style), which MyST 4 and 5 both resolve
    assert "[the heading](#kramdown-wont-match)" in result.text
    # kramdown drops leading digits, GitHub (and MyST) keep them
    text = "# T\n\n## 2021: What's Next\n\n**Ada**: [next](#whats-next).\n\n**Ada**: Two.\n"
    assert "[next](#2021-whats-next)" in convert(text, "p.md", fmt="markdown").text
    assert "and nowhere.\n" in result.text  # a dead link would break the build: text only
    assert (
        11,
        "warning",
        "link to '#nowhere' matches no heading on this page: its text 'nowhere' is kept "
        "without the link",
    ) in notes(result)
    assert "**Ada**: Again.\n" in result.text


def test_a_page_without_front_matter_takes_its_first_heading() -> None:
    text = "# A Title\n\n## Part\n\n**Ada**: One.\n\n**Ada**: Two.\n"
    result = convert(text, "notes.md", fmt="markdown")
    assert result.text.startswith("# A Title\n\n```{episode}\n```\n\n## Part\n")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\ntitle: x\n\n**Ada**: hi\n", 1, "the front matter starting here is never closed"),
        ("---\ntitle: [x\n---\n**Ada**: hi\n", 2, "front matter:"),
        ("---\n- a list\n---\n**Ada**: hi\n", 1, "not a set of 'key: value' lines"),
        (
            "---\ntitle: t\n---\n# Contents\n\n- 1:75:00 Bad\n\n# Bad\n\n**A**: x\n\n**A**: y\n",
            6,
            "outline: malformed time '1:75:00'",
        ),
        ("# T\n\n:::{episode}\n:::\n\n**Ada**: x\n", 3, "already a sphinx-podcast page"),
    ],
)
def test_bad_markdown_is_one_error_with_its_line(text: str, line: int, message: str) -> None:
    speakers = SpeakerFile()
    with pytest.raises(InputError) as error:
        convert(text, "post.md", fmt="markdown", speakers=speakers)
    assert error.value.filename == "post.md"
    assert error.value.line == line
    assert message in error.value.message
    assert str(error.value).startswith(f"post.md:{line}: ")
    assert speakers.new == []  # nothing learnt from a source that failed


def test_a_bad_time_or_duration_is_warned_about_and_nothing_is_lost() -> None:
    text = "---\nduration: 1:75:00\n---\n**Ada** [12:60]: x\n\n**Ada**: y\n"
    result = convert(text, "post.md", fmt="markdown")
    assert "**Ada**: [12:60] x\n" in result.text  # no time, but the text keeps it
    assert ":duration:" not in result.text
    warnings = [(line, message) for line, level, message in notes(result) if level == "warning"]
    assert warnings == [
        (2, "front matter: malformed time '1:75:00': minutes must be below 60; duration left "
         "out"),
        (4, "speaker 'Ada' has no full name in the title, the front matter or the text: give "
         "it with --speaker 'Ada=Full Name' (or --host)"),
        (4, "turn of 'Ada': malformed time '12:60': seconds must be below 60; the time is "
         "left out"),
    ]  # fmt: skip


# -- caption and speech-to-text files -----------------------------------------------

TIDE_TURNS = [
    ("Sam Host", "00:01", "Welcome to Harbour Signals. Today: tide tables. My guest keeps a tide gauge online."),  # noqa: E501
    ("Ada Example", "00:07.250", "Thanks, Sam. It is a small gauge on a very old pier."),
    ("Sam Host", "00:12", "How old is the pier & the gauge?"),
    ("Ada Example", "00:15.480", "The pier is from 1893. The gauge is younger than my bicycle."),
]  # fmt: skip
LATER_TURNS = [
    ("Sam Host", "01:02", "Who reads the numbers \\<today>?"),
    ("Ada Example", "01:06", "Fishermen, kayakers, and one very curious school class. They all need the same numbers."),  # noqa: E501
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("tide.vtt", "vtt", TIDE_TURNS + LATER_TURNS),
        ("tide.srt", "srt", TIDE_TURNS + LATER_TURNS),
        ("tide.podcast.json", "podcast-json", TIDE_TURNS),
        (
            "tide.whisperx.json",
            "whisperx",
            [(n, t, x.replace("&", "and")) for n, t, x in TIDE_TURNS],
        ),
    ],
)
def test_caption_formats(name: str, fmt: str, expected) -> None:  # type: ignore[no-untyped-def]
    options = Options(speakers={"SPEAKER_00": "Sam Host", "SPEAKER_01": "Ada Example"})
    speakers = SpeakerFile()
    result = convert(read(CAPTIONS / name), name, options=options, speakers=speakers)
    assert result.fmt == fmt
    assert turns(result.text) == expected
    assert result.turns == result.timed == len(expected)
    assert [(s.key, s.name) for s in speakers.new] == [
        ("sam-host", "Sam Host"),
        ("ada-example", "Ada Example"),
    ]
    assert result.text.startswith("# Tide\n\n```{episode}\n:duration: ")
    # speech recognition marks its transcript: podcast:txt purpose="ai-content" in the feed
    assert (":ai-content: yes\n" in result.text) == (fmt == "whisperx")


def test_speakerless_captions_get_a_named_or_default_speaker() -> None:
    text = read(CAPTIONS / "tide.whisper.json")
    result = convert(text, "tide.whisper.json")
    assert [(n, t) for n, t, _x in turns(result.text)] == [
        ("Speaker", "00:01"),
        ("Speaker", "00:10"),
    ]
    assert result.notes[0].level == "warning"
    assert "3 cues name no speaker" in result.notes[0].message
    named = convert(text, "tide.whisper.json", options=Options(default_speaker="Ada Example"))
    assert [n for n, _t, _x in turns(named.text)] == ["Ada Example"]  # one voice, one turn
    assert not [n for n in named.notes if n.level == "warning"]


def test_sbv_without_speakers() -> None:
    result = convert(read(CAPTIONS / "tide.sbv"), "tide.sbv")
    assert result.fmt == "sbv"
    assert turns(result.text)[0][:2] == ("Speaker", "00:01")


def test_chapters_become_sections() -> None:
    chapters = formats.read_chapters(read(CAPTIONS / "tide.chapters.json"))
    result = convert(read(CAPTIONS / "tide.vtt"), "tide.vtt", chapters=chapters)
    text = result.text
    assert "```{outline}\n```" in text
    assert text.index("## Welcome") < text.index("**Sam Host** [00:01]")
    assert text.index("**Ada Example** [00:15.480]") < text.index("## Who Reads The Numbers")
    assert text.index("## Who Reads The Numbers") < text.index("**Sam Host** [01:02]")


def test_whole_seconds() -> None:
    result = convert(read(CAPTIONS / "tide.vtt"), "tide.vtt", options=Options(whole_seconds=True))
    assert [t for _n, t, _x in turns(result.text)][:4] == ["00:01", "00:07", "00:12", "00:15"]


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\x00\x01", 5, "binary file"),
        (b"1\n00:00:01,000 --> 00:00:02,000\nCaf\xe9\n", 3, "not UTF-8"),
        (b"\xff\xfeW\x00E\x00", 1, "UTF-16"),
    ],
)
def test_undecodable_bytes(data: bytes, line: int, message: str) -> None:
    with pytest.raises(InputError) as error:
        decode(data, "talk.srt")
    assert (error.value.filename, error.value.line) == ("talk.srt", line)
    assert message in error.value.message


def test_malformed_caption_time_names_the_line() -> None:
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n00:00:02.000 --> 00:00:6x.000\nbad\n"
    with pytest.raises(InputError) as error:
        convert(text, "talk.vtt")
    assert (error.value.line, error.value.filename) == (6, "talk.vtt")


def test_a_chapters_file_is_not_a_source() -> None:
    with pytest.raises(InputError, match="chapters file"):
        convert(read(CAPTIONS / "tide.chapters.json"), "tide.chapters.json")


# -- writing MyST ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a *b* _c_ snake_case [x](y) <b>bold</b> &amp; R&D `code` $5 and $6 {role}`x`",
        "back\\slash, 1. # > - + at the end",
        "[laughs] (applause) ♪ «quotes» — dashes",
    ],
)
def test_escaped_text_reads_back_exactly(text: str) -> None:
    escaped = escape_inline(text)
    doctree = publish_doctree(escaped, parser=Parser(), settings_overrides={"report_level": 5})
    assert doctree.astext() == text


def test_turn_line_and_names() -> None:
    assert (
        turn_line("Ada [Example]:", 72.5, "Hi *there*")
        == "**Ada Example** [01:12.500]: Hi \\*there\\*"
    )
    assert turn_line("Ada", None, "Hi") == "**Ada**: Hi"
    assert time_text(3723.0) == "1:02:03"
    assert time_text(3723.4567, whole=True) == "1:02:03"
    assert speaker_key("Michaël Durand") == "michael-durand"
    assert speaker_key("李雷") == "李雷"


# -- speakers.md ------------------------------------------------------------------------

EXISTING = """\
# People

:::{speaker} ada
:name: Ada Example
:aliases: Ada, A. Example

Ada keeps the tide gauge.
:::

```{podcast:speaker} sam
```
"""


def test_speaker_file_merges_without_duplicates() -> None:
    file = SpeakerFile(EXISTING)
    assert [(s.key, s.name, s.aliases) for s in file.known] == [
        ("ada", "Ada Example", ["Ada", "A. Example"]),
        ("sam", "", []),
    ]
    assert file.add("ada") is None  # a key
    assert file.add("ADA") is None  # case does not count
    assert file.add("A. Example") is None  # an alias
    assert file.add("Sam") is None
    lena = file.add("Léna Osei")
    assert lena is not None and lena.key == "lena-osei"
    assert file.add("Lena Osei") is None  # accents do not count either
    second = file.add("Sam!")  # another name whose key would be "sam"
    assert second is not None and second.key == "sam-2"
    rendered = file.render()
    assert rendered.startswith(EXISTING)  # what was there is kept byte for byte
    assert rendered.endswith(
        "\n```{speaker} lena-osei\n:name: Léna Osei\n```\n\n```{speaker} sam-2\n:name: Sam!\n```\n"
    )
    assert [s.key for s in parse_speakers(rendered)] == ["ada", "sam", "lena-osei", "sam-2"]


def test_speaker_file_in_rst() -> None:
    existing = "People\n======\n\n.. speaker:: ada\n   :name: Ada Example\n"
    file = SpeakerFile(existing, rst=True)
    assert file.add("Ada Example") is None
    file.add("Sam Host")
    assert file.render() == existing + "\n.. speaker:: sam-host\n   :name: Sam Host\n"


# -- who speaks: full names for turn labels -------------------------------------------------


def speakers_of(text: str, filename: str = "post.md", **options: object) -> list[str]:
    result = convert(text, filename, fmt="markdown", options=Options(**options))  # type: ignore[arg-type]
    return result.speakers


TWO_TURNS = "**{0}**: One.\n\n**{1}**: Two.\n\n**{0}**: Three.\n"


@pytest.mark.parametrize(
    ("front", "body", "expected"),
    [
        # the title names the guest
        ('title: "Ada Example on Tides"', TWO_TURNS.format("Sam", "Ada"), ["Sam", "Ada Example"]),
        # the front matter: names, lists, name: entries, slugs
        ("guests: [ada-lovelace]", TWO_TURNS.format("Sam", "Ada"), ["Sam", "Ada Lovelace"]),
        ("hosts:\n  - name: Sam Host", TWO_TURNS.format("Sam", "Ada"), ["Sam Host", "Ada"]),
        # initials
        (
            "hosts: [Carla Castro, Joan Park]",
            TWO_TURNS.format("CC", "JP"),
            ["Carla Castro", "Joan Park"],
        ),
        # a last name
        ("author: Sam Rivera", TWO_TURNS.format("Rivera", "Ada"), ["Sam Rivera", "Ada"]),
    ],
)
def test_full_names_from_the_title_and_front_matter(
    front: str, body: str, expected: list[str]
) -> None:
    assert speakers_of(f"---\n{front}\n---\n\n{body}") == expected


def test_the_first_full_mention_names_a_speaker() -> None:
    text = "Sam Host talks with [Ada Example](https://example.org).\n\n" + TWO_TURNS.format(
        "Sam", "Ada"
    )
    assert speakers_of(text) == ["Sam Host", "Ada Example"]


def test_a_name_that_cannot_be_told_asks_for_speaker() -> None:
    text = "---\ntitle: Ada Example and Ada Lovelace\n---\n\n" + TWO_TURNS.format("Sam", "Ada")
    result = convert(text, "post.md", fmt="markdown")
    assert result.speakers == ["Sam", "Ada"]
    assert (
        7,
        "warning",
        "speaker 'Ada' could be Ada Example, Ada Lovelace: give --speaker 'Ada=Full Name'",
    ) in notes(result)
    # --speaker, for every post or for one
    assert speakers_of(text, speakers={"Ada": "Ada Lovelace"}) == ["Sam", "Ada Lovelace"]
    assert speakers_of(
        TWO_TURNS.format("Sam", "Ada"), "2020-ep.md", speakers={"2020-ep.md:Ada": "Ada Byron"}
    ) == ["Sam", "Ada Byron"]
    assert speakers_of(
        TWO_TURNS.format("Sam", "Ada"), "2021-ep.md", speakers={"2020-ep.md:Ada": "Ada Byron"}
    ) == ["Sam", "Ada"]


def test_a_first_name_the_post_does_not_explain_is_the_one_known_speaker() -> None:
    speakers = SpeakerFile("```{speaker} ada-example\n:name: Ada Example\n```\n")
    result = convert(TWO_TURNS.format("Sam", "Ada"), "p.md", fmt="markdown", speakers=speakers)
    assert result.speakers == ["Sam", "Ada Example"]
    assert any("'Ada' taken for Ada Example" in message for _l, _lvl, message in notes(result))
    # two known Adas: it cannot tell
    speakers = SpeakerFile(
        "```{speaker} ada-example\n:name: Ada Example\n```\n\n"
        "```{speaker} ada-lovelace\n:name: Ada Lovelace\n```\n"
    )
    result = convert(TWO_TURNS.format("Sam", "Ada"), "p.md", fmt="markdown", speakers=speakers)
    assert result.speakers == ["Sam", "Ada"]


@pytest.mark.parametrize(
    ("body", "turns_found"),
    [
        # plain labels are turns on a transcript: two names that repeat...
        ("Sam: One.\n\nAda: Two.\n\nSam: Three.\n\nAda: Four.\n", 4),
        # ...but not one repeated label of prose
        ("Example: one.\n\nSome text.\n\nExample: two.\n", 0),
        # a bold label that can be a name is a turn even once (a caller)
        ("**Sam**: One.\n\n**Caller**: Two.\n\n**Sam**: Three.\n", 3),
        # a bold sentence is not
        ("**Sam**: One.\n\n**Sam**: Two.\n\n**what we learned today**: three.\n", 2),
    ],
)
def test_which_labels_are_speakers(body: str, turns_found: int) -> None:
    assert convert(body, "p.md", fmt="markdown").turns == turns_found
