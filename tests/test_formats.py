"""The formats module: readers, writers, detection and errors, without Sphinx."""

from __future__ import annotations

import json
import re

import pytest
import srt
import webvtt
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_podcast import formats
from sphinx_podcast.formats import Chapter, Cue, FormatError, Transcript

TURNS = [
    Cue(0.0, None, "Sam Host", "Welcome back to the workshop. Today: tools & habits."),
    Cue(
        4.25,
        None,
        "Ada Example",
        "Thanks, Sam. I think <good> tools outlast the hype; a > b when b is a fad, and "
        "that is something I learnt the hard way over years of maintaining a small "
        "library that a surprising number of people ended up depending on.",
    ),
    Cue(31.0, None, "Sam Host", "Say more."),
    Cue(33.5, 40.0, "Michaël Durand & Co", "Accents, too: é, ü, ñ."),
]


def _normal(text: str) -> str:
    return " ".join(text.split())


def _summary(cues: list[Cue]) -> list[tuple[str, int, str]]:
    return [(c.speaker, round((c.start or 0) * 1000), _normal(c.text)) for c in cues]


# -- WebVTT ------------------------------------------------------------------------


def test_vtt_header_times_and_voices() -> None:
    text = formats.to_vtt(TURNS)
    assert text.startswith("WEBVTT\n\n")
    timings = re.findall(r"^(\S+) --> (\S+)$", text, re.M)
    assert timings
    previous = ""
    for start, end in timings:
        assert re.fullmatch(r"\d{2}:[0-5]\d:[0-5]\d\.\d{3}", start)
        assert re.fullmatch(r"\d{2}:[0-5]\d:[0-5]\d\.\d{3}", end)
        assert end > start
        assert start >= previous
        previous = start
    assert "<v Sam Host>Welcome back" in text
    assert "<v Michaël Durand &amp; Co>" in text


def test_vtt_escapes_text() -> None:
    text = formats.to_vtt(TURNS)
    assert "tools &amp;" in text
    assert "&lt;good&gt; tools" in text
    assert "a &gt; b" in text
    payload = [line for line in text.splitlines()[1:] if line and "-->" not in line]
    for line in payload:
        body = re.sub(r"^<v [^>]*>", "", line)
        assert "<" not in body and ">" not in body.replace("&gt;", "")


def test_vtt_lines_at_most_65_characters_and_new_cue_per_speaker() -> None:
    text = formats.to_vtt(TURNS)
    assert all(len(line) <= 65 for line in text.splitlines())
    blocks = text.split("\n\n")[1:]
    # the long turn is cut into several cues, each with Ada's voice
    ada = [b for b in blocks if "<v Ada Example>" in b]
    assert len(ada) >= 2
    for block in blocks:
        assert len(re.findall(r"<v ", block)) == 1  # one speaker per cue
        lines = block.splitlines()
        if lines[0].startswith("turn-"):  # a turn's first cue has an identifier
            lines = lines[1:]
        assert len(lines) <= 3  # timings + at most two lines
    starts = [b.splitlines()[0] for b in blocks if b.startswith("turn-")]
    assert starts == [f"turn-{n}" for n in range(1, len(TURNS) + 1)]


def test_vtt_read_back_strictly_by_webvtt_py() -> None:
    text = formats.to_vtt(TURNS)
    captions = webvtt.from_string(text, strict=True).captions
    voices = [c.voice for c in captions]
    assert voices[0] == "Sam Host"
    assert "Michaël Durand &amp; Co" in voices
    assert any("&lt;good&gt;" in c.raw_text for c in captions)


def test_vtt_round_trip() -> None:
    text = formats.to_vtt(TURNS)
    transcript = formats.read(text, filename="ep.vtt")
    assert _summary(transcript.merged()) == _summary(TURNS)
    assert transcript.merged()[-1].end == 40.0


def test_vtt_long_word_and_long_name_still_fit() -> None:
    cues = [Cue(0, 5, "A" * 40, "x" * 200 + " " + "&" * 40)]
    text = formats.to_vtt(cues)
    assert all(len(line) <= 65 for line in text.splitlines())
    back = formats.read(text).merged()
    assert back[0].text.replace("\n", "").replace(" ", "") == "x" * 200 + "&" * 40


def test_vtt_speaker_names_without_newlines() -> None:
    text = formats.to_vtt([Cue(0, 1, "Ada\nExample", "hi")])
    assert "<v Ada Example>hi" in text


def test_vtt_reader_voices_entities_and_labels() -> None:
    text = (
        "WEBVTT\nLanguage: en\n\n"
        "intro\n00:00:01.000 --> 00:00:02.500 align:start\n"
        "<v.loud Ada &amp; Co>Fish &amp; chips &lt;3</v>\n\n"
        "00:00:03.000 --> 00:00:04.000\n<v Sam>one\n<v Ada &amp; Co>two\n\n"
        "NOTE a comment\n\n"
        "00:00:05.000 --> 00:00:06.000\n[SPEAKER_01]: from <i>WhisperX</i>\n"
    )
    transcript = formats.read(text, speakers={"SPEAKER_01": "Lena Osei"})
    assert transcript.language == "en"
    assert [(c.speaker, c.text, c.line) for c in transcript.cues] == [
        ("Ada & Co", "Fish & chips <3", 5),
        ("Sam", "one", 8),
        ("Ada & Co", "two", 8),
        ("Lena Osei", "from WhisperX", 14),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n00:61:00.000 --> 01:02:00.000\nx\n",
            6,
            "malformed time '00:61:00.000'",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n0:00:03.5 --> 00:00:04.000\nx\n",
            6,
            "malformed time '0:00:03.5'",
        ),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nx\n", 3, "before it starts"),
        ("00:00:01.000 --> 00:00:02.000\nx\n", 1, "must start with a 'WEBVTT' line"),
    ],
)
def test_vtt_errors_name_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(FormatError) as info:
        formats.read(text, "vtt", filename="talk.vtt")
    assert info.value.filename == "talk.vtt"
    assert info.value.line == line
    assert message in str(info.value)
    assert str(info.value).startswith(f"talk.vtt:{line}: ")


def test_vtt_error_message_shape() -> None:
    text = "WEBVTT\n" + "\n" * 10 + "00:61:00.000 --> 01:10:00.000\nx\n"
    with pytest.raises(FormatError, match=r"^talk\.vtt:12: malformed time '00:61:00\.000'$"):
        formats.read(text, filename="talk.vtt")


# -- SRT ----------------------------------------------------------------------------


def test_srt_cards() -> None:
    text = formats.to_srt(TURNS)
    subtitles = list(srt.parse(text))
    assert [s.index for s in subtitles] == list(range(1, len(subtitles) + 1))
    for subtitle in subtitles:
        lines = subtitle.content.splitlines()
        assert 1 <= len(lines) <= 2
        assert all(len(line) <= 32 for line in lines)
        assert subtitle.end > subtitle.start
    assert re.search(r"^00:00:04,250 --> ", text, re.M)
    assert subtitles[0].content.startswith("Sam Host: ")
    assert sum(s.content.startswith("Ada Example: ") for s in subtitles) == 1


def test_arrows_in_text_stay_text() -> None:
    cues = [Cue(0, 2, "Ada", "left --> right")]
    assert formats.read(formats.to_vtt(cues)).cues[0].text == "left --> right"
    assert formats.read(formats.to_srt(cues)).cues[0].text == "left -> right"


def test_srt_round_trip() -> None:
    back = formats.read(formats.to_srt(TURNS), filename="ep.srt")
    assert _summary(back.merged()) == _summary(TURNS)


def test_srt_reader_prefixes_and_formatting() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_00]: <i>Hello</i> there\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\nstill me\n\n"
        "3\n00:00:03,500 --> 00:00:04,000\nAda: Hi. Note: this is no name.\n"
    )
    cues = formats.read(text, speakers={"SPEAKER_00": "Sam Host"}).cues
    assert [(c.speaker, c.text, c.line) for c in cues] == [
        ("Sam Host", "Hello there", 2),
        ("Sam Host", "still me", 6),
        ("Ada", "Hi. Note: this is no name.", 10),
    ]


def test_srt_errors() -> None:
    with pytest.raises(FormatError, match=r"^a\.srt:2: malformed time '00:00:01\.000'$"):
        formats.read("1\n00:00:01.000 --> 00:00:02,000\nx\n", "srt", filename="a.srt")
    with pytest.raises(FormatError, match=r"^a\.srt:6: card ends"):
        formats.read(
            "1\n00:00:01,000 --> 00:00:02,000\nx\n\n2\n00:00:05,000 --> 00:00:02,000\ny\n",
            filename="a.srt",
        )


# -- SBV ----------------------------------------------------------------------------


def test_sbv() -> None:
    text = (
        "0:00:00.500,0:00:02.000\n>> Sam: Welcome\nback\n\n"
        "0:00:02.000,0:00:04.000\nto the show.\n\n"
        "0:00:04.000,0:00:06.000\n>> Ada: Thanks.\n"
    )
    assert formats.detect(text) == "sbv"
    merged = formats.read(text).merged()
    assert [(c.speaker, c.start, c.end, _normal(c.text)) for c in merged] == [
        ("Sam", 0.5, 4.0, "Welcome back to the show."),
        ("Ada", 4.0, 6.0, "Thanks."),
    ]
    with pytest.raises(FormatError, match=r"^x\.sbv:4: expected SBV timings"):
        formats.read("0:00:00.500,0:00:02.000\nok\n\nnonsense\n", "sbv", filename="x.sbv")


# -- JSON formats -------------------------------------------------------------------

WHISPER = {
    "text": " Hello and welcome. Thanks.",
    "segments": [
        {
            "id": 0,
            "start": 0.0,
            "end": 2.5,
            "text": " Hello and welcome.",
            "words": [{"word": " Hello", "start": 0.0, "end": 0.5, "probability": 0.9}],
        },
        {"id": 1, "start": 2.5, "end": 3.1, "text": " Thanks."},
    ],
    "language": "en",
}

WHISPERX = {
    "segments": [
        {
            "start": 0.0,
            "end": 2.0,
            "text": " Hi there.",
            "speaker": "SPEAKER_00",
            "words": [
                {"word": "Hi", "start": 0.0, "end": 0.4, "speaker": "SPEAKER_00"},
                {"word": "there.", "start": 0.5, "end": 1.0, "speaker": "SPEAKER_00"},
            ],
        },
        {
            "start": 2.0,
            "end": 5.0,
            "text": " Yes. Hello 2 you.",
            "words": [
                {"word": "Yes.", "start": 2.0, "end": 2.4, "speaker": "SPEAKER_00"},
                {"word": "Hello", "start": 3.0, "end": 3.5, "speaker": "SPEAKER_01"},
                {"word": "2"},
                {"word": "you.", "start": 4.0, "end": 4.6, "speaker": "SPEAKER_01"},
            ],
        },
    ],
    "word_segments": [],
}


def test_whisper() -> None:
    text = json.dumps(WHISPER)
    assert formats.detect(text) == "whisper"
    transcript = formats.read(text)
    assert transcript.language == "en"
    assert [(c.start, c.end, c.speaker, c.text) for c in transcript.cues] == [
        (0.0, 2.5, "", "Hello and welcome."),
        (2.5, 3.1, "", "Thanks."),
    ]


def test_whisperx_speakers_from_segments_and_words() -> None:
    text = json.dumps(WHISPERX)
    assert formats.detect(text) == "whisperx"
    names = {"SPEAKER_00": "Sam Host", "SPEAKER_01": "Ada Example"}
    merged = formats.read(text, speakers=names).merged()
    assert [(c.speaker, c.start, c.end, c.text) for c in merged] == [
        ("Sam Host", 0.0, 2.4, "Hi there. Yes."),
        ("Ada Example", 3.0, 5.0, "Hello 2 you."),
    ]


def test_podcast_json_is_written_like_json_dumps_with_indent() -> None:
    cues = [
        Cue(0.0, 2.5, 'Sam "the host"', 'He said "hi" \\ then left. Zoë 🙂 \u2028 <b>', 1),
        Cue(2.5, None, "", "no speaker", 2),
        Cue(None, None, "Ada", "untimed", 3),
    ]
    text = formats.to_podcast_json(cues, total=10.0, language="de-CH")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    assert json.loads(text)["segments"][0] == {
        "speaker": 'Sam "the host"',
        "startTime": 0,
        "endTime": 2.5,
        "body": 'He said "hi" \\ then left. Zoë 🙂 <b>',
    }
    empty = formats.to_podcast_json([])
    assert empty == '{\n  "version": "1.0.0",\n  "segmentation": "turns",\n  "segments": []\n}\n'


def test_podcast_json_round_trip_and_shape() -> None:
    text = formats.to_podcast_json(TURNS)
    data = json.loads(text)
    assert data["version"] == "1.0.0"
    first = data["segments"][0]
    assert first == {
        "speaker": "Sam Host",
        "startTime": 0,
        "endTime": 4.25,
        "body": "Welcome back to the workshop. Today: tools & habits.",
    }
    assert all({"startTime", "body"} <= set(s) for s in data["segments"])
    assert formats.detect(text) == "podcast-json"
    assert _summary(formats.read(text).cues) == _summary(TURNS)


def test_podcast_json_reader_words_merge() -> None:
    data = {
        "version": "1.0.0",
        "segments": [
            {"speaker": "Ada", "startTime": 1, "endTime": 1.4, "body": "Open"},
            {"speaker": "Ada", "startTime": 1.4, "endTime": 2, "body": "data."},
            {"startTime": 2.5, "body": "Who?"},
        ],
    }
    merged = formats.read(json.dumps(data)).merged()
    assert [(c.speaker, c.start, c.end, c.text) for c in merged] == [
        ("Ada", 1.0, 2.0, "Open data."),
        ("", 2.5, None, "Who?"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"segments": [{"start": "soon", "end": 1, "text": "x"}]}, "segment 1: 'start' must be"),
        ({"segments": [{"start": 2, "end": 1, "text": "x"}]}, "segment 1 ends"),
        ({"version": "1.0.0", "segments": [{"body": "x"}]}, "'startTime' must be a number"),
        ({"segments": ["x"]}, "segment 1 is not an object"),
    ],
)
def test_json_errors(data: object, message: str) -> None:
    with pytest.raises(FormatError) as info:
        formats.read(json.dumps(data), filename="t.json")
    assert message in str(info.value)
    assert str(info.value).startswith("t.json: ")


def test_json_syntax_error_has_line() -> None:
    with pytest.raises(FormatError) as info:
        formats.read('{\n  "segments": [\n    {"start": 1,,}\n  ]\n}', filename="t.json")
    assert info.value.line == 3
    assert str(info.value).startswith("t.json:3: not valid JSON")


# -- chapters -----------------------------------------------------------------------


def test_chapters_json_ascending() -> None:
    chapters = [
        Chapter(300, "Tools"),
        Chapter(0, "Intro", 300, img="https://example.org/c.jpg"),
        Chapter(75.5, "Habits", url="https://example.org/h"),
    ]
    text = formats.chapters_to_json(chapters)
    data = json.loads(text)
    assert data["version"] == "1.2.0"
    starts = [c["startTime"] for c in data["chapters"]]
    assert starts == sorted(starts) == [0, 75.5, 300]
    assert data["chapters"][0] == {
        "startTime": 0,
        "title": "Intro",
        "endTime": 300,
        "img": "https://example.org/c.jpg",
    }
    assert formats.detect(text, "ep.chapters.json") == "chapters"
    assert formats.read_chapters(text) == sorted(chapters, key=lambda c: c.start)
    with pytest.raises(FormatError, match="chapters file"):
        formats.read(text)


def test_chapters_errors() -> None:
    with pytest.raises(FormatError, match="chapter 2: 'startTime'"):
        formats.read_chapters('{"chapters": [{"startTime": 0, "title": "a"}, {"title": "b"}]}')
    with pytest.raises(FormatError, match="list of 'chapters'"):
        formats.read_chapters("[]")


# -- text, detection, timing, merging -----------------------------------------------


def test_to_text() -> None:
    cues = [
        Cue(0, None, "sam", "Hi\nthere."),
        Cue(None, None, "ada", "Hello."),
        Cue(3725, None, "", "Later."),
    ]
    assert formats.to_text(cues, speakers_by_key={"sam": "Sam Host", "ada": "Ada Example"}) == (
        "Sam Host [00:00]: Hi\nthere.\n\nAda Example: Hello.\n\n[1:02:05] Later.\n"
    )


def test_srt_long_names_keep_lines_of_32_characters() -> None:
    """A name too long to share the first line stands on a line of its own (and is read
    back as the speaker); one longer than a line is cut."""
    long_name = "Mira Castellanos-Whitfield"  # 27 characters: 4 left for text
    longest = "Professor Emerita Anneliese Featherstonehaugh-Brightwater"
    cues = [
        Cue(0, 5, long_name, "Welcome back to the workshop, everyone."),
        Cue(5, 9, longest, "Thank you."),
    ]
    text = formats.to_srt(cues)
    cards = list(srt.parse(text))
    assert [c.content for c in cards] == [
        "Mira Castellanos-Whitfield:\nWelcome back to the workshop,",
        "everyone.",
        "Professor Emerita Anneliese Fe…:\nThank you.",
    ]
    assert all(len(line) <= 32 for c in cards for line in c.content.splitlines())
    back = formats.read(text, filename="ep.srt").merged()
    assert [(c.speaker, c.text) for c in back] == [
        (long_name, "Welcome back to the workshop, everyone."),
        ("Professor Emerita Anneliese Fe…", "Thank you."),
    ]


def test_speakers_by_key_in_every_writer() -> None:
    cues = [Cue(0, 2, "ada", "Hello.")]
    names = {"ada": "Ada Example"}
    assert "<v Ada Example>Hello." in formats.to_vtt(cues, speakers_by_key=names)
    assert "Ada Example: Hello." in formats.to_srt(cues, speakers_by_key=names)
    assert '"speaker": "Ada Example"' in formats.to_podcast_json(cues, speakers_by_key=names)


@pytest.mark.parametrize(
    ("text", "filename", "expected"),
    [
        ("WEBVTT\n\n00:00.000 --> 00:01.000\nx\n", "", "vtt"),
        ("\ufeffWEBVTT\n", "x.srt", "vtt"),
        ("1\n00:00:00,000 --> 00:00:01,000\nx\n", "", "srt"),
        ("1\n00:00:00,000 --> 00:00:01,000\nx\n", "a.txt", "srt"),
        ("00:00:00.000 --> 00:00:01.000\nx\n", "", "vtt"),
        ("0:00:00.000,0:00:01.000\nx\n", "", "sbv"),
        ('{"chapters": []}', "", "chapters"),
        ('{"version": "1.0.0", "segments": []}', "", "podcast-json"),
        ('{"segments": [{"start": 0, "end": 1, "text": "x"}]}', "", "whisper"),
        ('{"segments": [{"start": 0, "end": 1, "text": "x", "speaker": "S"}]}', "", "whisperx"),
        ("---\ntitle: x\n---\n\n**Ada**: hi\n", "", "markdown"),
        ("# Episode 7\n\nText.\n", "", "markdown"),
        ("Just some words.\n", "notes.md", "markdown"),
    ],
)
def test_detect(text: str, filename: str, expected: str) -> None:
    assert formats.detect(text, filename) == expected


@pytest.mark.parametrize("text", ["", "   \n", "just words", '{"foo": 1}', "[1, 2]"])
def test_detect_nothing_fits(text: str) -> None:
    with pytest.raises(FormatError):
        formats.detect(text, "x.txt")


def test_markdown_is_not_read_here() -> None:
    with pytest.raises(FormatError, match="Markdown"):
        formats.read("# Title\n\n**Ada**: hi\n")


def test_fill_times() -> None:
    cues = [
        Cue(None, None, "a", "x" * 10),
        Cue(None, None, "b", "x" * 30),
        Cue(20, None, "a", "x" * 15),
        Cue(None, None, "b", "x" * 15),
    ]
    assert formats.fill_times(cues) == [(0, 5000), (5000, 20000), (20000, 21000), (21000, 22000)]
    assert formats.fill_times(cues, total=40)[-1] == (30000, 31000)
    # starts never decrease; every end after its start
    times = formats.fill_times([Cue(5, None, "a", "x"), Cue(3, None, "b", "y")])
    assert times == [(5000, 6000), (5000, 6000)]


def test_merged_joins_text_and_keeps_first_time() -> None:
    transcript = Transcript(
        [
            Cue(1, 2, "Ada", "One"),
            Cue(2, 3, "Ada", "two."),
            Cue(3, 4, "Sam", "Hm."),
            Cue(4, 5, "Ada", "line\nwrapped"),
            Cue(5, 6, "Ada", "more"),
        ]
    )
    assert [(c.speaker, c.start, c.end, c.text) for c in transcript.merged()] == [
        ("Ada", 1, 3, "One two."),
        ("Sam", 3, 4, "Hm."),
        ("Ada", 4, 6, "line\nwrapped\nmore"),
    ]
    assert transcript.cues[0].text == "One"  # the transcript itself is unchanged


def test_format_error_str() -> None:
    assert str(FormatError("bad", "a.vtt", 3)) == "a.vtt:3: bad"
    assert str(FormatError("bad", "a.vtt")) == "a.vtt: bad"
    assert str(FormatError("bad")) == "bad"
    assert isinstance(FormatError("bad"), ValueError)


# -- word wrap (VTT cues, SRT cards) -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "widths", "expected"),
    [
        ("aaa bbb ccc", [7], ["aaa bbb", "ccc"]),
        ("  aaa\n\nbbb  ", [7], ["aaa bbb"]),
        ("", [7], []),
        # a word longer than the line is cut; its last piece starts the next line
        ("abcdefghij xy", [4], ["abcd", "efgh", "ij", "xy"]),
        # each line has its own budget (a speaker label makes the first one shorter)
        ("aa bb cc dd", [2, 5], ["aa", "bb cc", "dd"]),
        ("abcdefgh", [3, 5], ["abc", "defgh"]),
    ],
)
def test_wrap(text: str, widths: list[int], expected: list[str]) -> None:
    def budget(index: int) -> int:
        return widths[min(index, len(widths) - 1)]

    assert formats.wrapping.wrap(text, budget) == expected


@settings(max_examples=500, derandomize=True, database=None, deadline=None)
@given(
    st.text(
        st.sampled_from(["a", "b", "é", "語", " ", "\n", "\t", "\xa0", "\u2028", "\x1f"]),
        max_size=120,
    ),
    st.lists(st.integers(1, 12), min_size=1, max_size=2),
)
def test_wrapping_by_regular_expression_is_the_word_by_word_wrap(
    text: str, widths: list[int]
) -> None:
    # SRT's lines and VTT's blocks are taken by a regular expression when no word must
    # be cut; they are those of the word-by-word loop, white space of every kind included
    first, width = widths[0], widths[-1]
    words = text.split()
    fits = all(len(word) <= min(first, width) for word in words)

    def budget(index: int) -> int:
        return width if index else first

    expected = formats.wrapping.wrap(text, budget)
    assert formats.wrapping.wrap_lines(text, width, first_width=first) == expected
    for per_block in (1, 2, 3):

        def block_budget(index: int, per_block: int = per_block) -> int:
            return width if index % per_block else first

        lines = formats.wrapping.wrap(text, block_budget)
        blocks = [lines[i : i + per_block] for i in range(0, len(lines), per_block)]
        assert formats.wrapping.split_text(text, width, per_block, first_width=first) == blocks
        # a measure other than len always goes word by word
        slow = formats.wrapping.split_text(
            text, width, per_block, first_width=first, measure=lambda word: len(word)
        )
        assert slow == blocks
    if fits and words:  # the regular expression took them all
        found = formats.wrapping._block_pattern(width, width, 1).findall(" ".join(words))
        assert found == formats.wrapping.wrap(text, lambda index: width)


def test_wrap_measures_escaped_text() -> None:
    # In VTT "&" is written "&amp;": "a&b" measures 7, more than the line's 6.
    assert formats.wrapping.wrap("a&b cd", lambda index: 6, formats.vtt._escaped_length) == [
        "a&",
        "b cd",
    ]
