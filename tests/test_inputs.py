"""Issue 16, the shared input checks (sphinx_podcast.inputs) and the readers that use them:
no number, time, date or text an author or a caption file brings raises anything but the
ValueError its caller turns into a warning. Tests are named after the issue's items."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sphinx_podcast import formats, media, media_files
from sphinx_podcast.grammar import MAX_NAME_LENGTH
from sphinx_podcast.importers.captions import _MAX_TURN_CHARS
from sphinx_podcast.inputs import (
    MAX_BYTES,
    MAX_JSON_DEPTH,
    MAX_NUMBER,
    MAX_SECONDS,
    MAX_SOURCE_BYTES,
    MAX_TIME_DIGITS,
    MAX_YAML_ALIASES,
    MAX_YAML_EXPANDED,
    InputValueError,
    check_seconds,
    first_control_line,
    strip_controls,
    whole_number,
)
from sphinx_podcast.model import TimeFormatError, TimeRangeError, parse_date, parse_time

# -- whole numbers -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["²", "١٢", "٣", "１２", "1²", "Ⅻ", "𝟙"])
def test_unicode_digit_in_a_whole_number_is_refused(text: str) -> None:
    assert text.isdigit() or text.isnumeric() or not text.isascii()
    with pytest.raises(InputValueError, match="digits 0-9"):
        whole_number(text, "episode number")


@pytest.mark.parametrize("text", ["", " ", "-5", "+5", "1.5", "1e3", "0x10", "1_000", "a"])
def test_whole_number_refuses_what_is_not_one(text: str) -> None:
    with pytest.raises(InputValueError):
        whole_number(text)


def test_whole_number_accepts_ascii_digits_in_range() -> None:
    assert whole_number(" 42 ") == 42
    assert whole_number("007") == 7
    assert whole_number("0") == 0
    assert whole_number(str(MAX_NUMBER)) == MAX_NUMBER
    assert whole_number(str(MAX_BYTES), maximum=MAX_BYTES) == MAX_BYTES


def test_numbers_of_more_than_4300_digits_are_refused_before_int() -> None:
    # int() itself raises ValueError past 4,300 digits: the length is checked first
    with pytest.raises(InputValueError, match=r"too large \(at most 999,999,999\)"):
        whole_number("9" * 5000, "episode number")
    with pytest.raises(InputValueError, match="too large"):
        whole_number(str(MAX_NUMBER + 1))
    assert whole_number("0" * 5000 + "12") == 12  # leading zeros are not size


def test_whole_number_minimum() -> None:
    with pytest.raises(InputValueError, match="at least 1, got '0'"):
        whole_number("0", "outline depth", minimum=1)


# -- times --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["9" * 310, "9" * 400 + ":00", "1:" + "9" * 320 + ":00", "99999999", "1000:00:00", "3600000"],
)
def test_times_of_310_or_more_digits_and_over_1000_hours_are_refused(text: str) -> None:
    with pytest.raises(TimeRangeError, match="too large: times are under 1,000 hours"):
        parse_time(text)


def test_time_error_messages_are_short() -> None:
    with pytest.raises(TimeFormatError) as caught:
        parse_time("9" * 5000)
    assert len(str(caught.value)) < 150


@pytest.mark.parametrize("text", ["٠١:١٢", "01:١٢", "²", "01:12\nx", "01:12 extra"])
def test_unicode_digits_in_times_are_refused(text: str) -> None:
    with pytest.raises(TimeFormatError):
        parse_time(text)


def test_largest_time_is_just_under_1000_hours() -> None:
    assert parse_time("999:59:59.999") == pytest.approx(MAX_SECONDS - 0.001)


@pytest.mark.parametrize("value", [float("inf"), float("nan"), -1.0, MAX_SECONDS, 1e308])
def test_check_seconds_refuses_what_is_not_a_time(value: float) -> None:
    with pytest.raises(InputValueError):
        check_seconds(value)


@pytest.mark.parametrize(
    "text", ["99" + "9" * 400 + ":00:00.000", "0:00:" + "9" * 320 + ".000", "9999999:00:00.000"]
)
def test_huge_clock_times_in_caption_files_are_a_format_error(text: str) -> None:
    with pytest.raises(formats.FormatError):
        formats.parse_clock(text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.vtt", "WEBVTT\n\n" + "9" * 400 + ":00:00.000 --> " + "9" * 400 + ":00:01.000\nHi\n"),
        ("a.srt", "1\n" + "9" * 400 + ":00:00,000 --> " + "9" * 400 + ":00:01,000\nHi\n"),
        ("a.sbv", "9" * 400 + ":00:00.000," + "9" * 400 + ":00:01.000\nHi\n"),
        ("a.json", json.dumps({"segments": [{"start": 1e308, "end": 1e308, "text": "Hi"}]})),
        ("a.json", '{"segments": [{"start": 1' + "0" * 400 + ', "end": 2, "text": "Hi"}]}'),
        ("a.json", json.dumps({"version": "1.0.0", "segments": [{"startTime": 4e6, "body": "x"}]})),
    ],
)
def test_huge_times_in_transcript_files_are_a_format_error(name: str, text: str) -> None:
    with pytest.raises(formats.FormatError):
        formats.read(text, filename=name)


def test_huge_media_offsets_are_ignored() -> None:
    assert media.parse_offset("9" * 400 + "s") is None
    assert media.parse_offset("1000h") is None
    assert media.parse_offset("999h59m59s") == MAX_SECONDS - 1
    _video, start = media.parse_youtube("https://youtu.be/dQw4w9WgXcQ?t=" + "9" * 400)
    assert start is None


# -- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00", "٢٠٢٥-٠٥-٠١"]
)
def test_date_whose_utc_value_leaves_years_1_to_9999_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_dates_at_the_edges_of_the_range_are_kept() -> None:
    assert parse_date("9999-12-31T23:59:59+00:00").year == 9999
    assert parse_date("9999-12-31") == dt.date(9999, 12, 31)
    assert parse_date("0001-01-01T01:00:00+01:00").year == 1


# -- control characters ----------------------------------------------------------------------


def test_strip_controls_keeps_tabs_and_line_ends() -> None:
    assert strip_controls("a\tb\nc\r\n") == ("a\tb\nc\r\n", 0)


def test_strip_controls_removes_c0_del_and_c1_and_spaces_vertical_tab_and_form_feed() -> None:
    text = "a\x00b\x01c\x1fd\x7fe\x85f\x9fg\x0bh\x0ci\ufffej"
    assert strip_controls(text) == ("abcdefg h ij", 9)


def test_first_control_line() -> None:
    assert first_control_line("ok\nstill ok\nbad \x02 here\n\x03") == 3
    assert first_control_line("clean") == 0


def test_control_characters_in_caption_cues_are_stripped_and_counted() -> None:
    text = json.dumps(
        {"segments": [{"start": 0, "end": 1, "text": "a\u0001b", "speaker": "X\u0002"}]}
    )
    transcript = formats.read(text, filename="a.json")
    assert formats.strip_control_characters(transcript.cues) == (2, 0)
    assert (transcript.cues[0].text, transcript.cues[0].speaker) == ("ab", "X")


# -- JSON nesting --------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 5000, 200_000])
def test_deeply_nested_chapters_json_is_a_format_error(depth: int) -> None:
    text = '{"chapters": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(formats.FormatError, match=f"nested more than {MAX_JSON_DEPTH} levels"):
        formats.read_chapters(text, filename="x.chapters.json")
    with pytest.raises(formats.FormatError, match="nested"):
        formats.detect(text, "x.json")


def test_brackets_inside_json_strings_are_not_nesting() -> None:
    title = "[" * 500 + "{" * 500
    text = json.dumps({"version": "1.2.0", "chapters": [{"startTime": 0, "title": title}]})
    assert formats.read_chapters(text)[0].title == title


# -- embed ids ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parse", "value"),
    [
        # a query value is percent-decoded: %0A is a newline, which "^…$" let through
        (media.parse_youtube, "https://www.youtube.com/watch?v=dQw4w9WgXcQ%0A"),
        (media.parse_youtube, "https://www.youtube.com/watch?v=dQw4w9WgXcQ%0D%0A"),
        (media.parse_vimeo, "https://vimeo.com/76979871?h=abcdef%0A"),
        (media.parse_vimeo, "https://vimeo.com/٧٦٩٧٩٨٧١"),
        (media.parse_spotify, "https://open.spotify.com/episode/1FEl3ZUC9k6GJmEDIqTLm5%0A"),
    ],
)
def test_youtube_vimeo_spotify_ids_are_checked_with_full_matches(parse, value) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(media.MediaError):
        parse(value.replace("\\n", "\n"))


@pytest.mark.parametrize("value", ["٥٠٠px", "５００", "５00px", "²px"])
def test_unicode_digits_in_widths_are_refused(value: str) -> None:
    with pytest.raises(media.MediaError):
        media_files.parse_length(value)


@pytest.mark.parametrize("value", ["²", "9" * 5000, "99999999999999999", "-1", "1.5", ""])
def test_a_bad_source_date_epoch_is_ignored(monkeypatch, value: str) -> None:  # type: ignore[no-untyped-def]
    from sphinx_podcast.feed import _source_date_epoch

    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert _source_date_epoch() is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _source_date_epoch() == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)


# -- the reference's "Limits" -----------------------------------------------------------


def test_the_limits_reference_gives_the_limits_the_code_has() -> None:
    reference = Path(__file__).parents[1] / "demo_docs" / "reference" / "limits.md"
    text = " ".join(reference.read_text(encoding="utf-8").split())
    assert MAX_NUMBER == 10**9 - 1 and MAX_BYTES == 10**12 - 1
    documented = [
        f"under {MAX_SECONDS // 3600:,} hours (`999:59:59.999`)",
        f"each field of a time at most {MAX_TIME_DIGITS} digits",
        f"at least 1 and under 10^9 ({MAX_NUMBER:,})",
        "under 10^12 (a terabyte)",
        f"nested at most {MAX_JSON_DEPTH} levels deep",
        f"at most {MAX_SOURCE_BYTES // 2**20} MB (`podcast.bad_transcript`",
        f"at most {MAX_SOURCE_BYTES // 2**20} MB; `--max-size MB` changes it",
        f"at most {MAX_YAML_ALIASES} aliases, and at most {MAX_YAML_EXPANDED:,} characters",
        f"{MAX_NAME_LENGTH} characters (a longer one is no turn",
        f"cut at {_MAX_TURN_CHARS:,} characters",
        "cut to 80 characters and `…` when it is over 100",
        "5 digits and 3 decimals (`12345.678px`)",
        "4 digits and 3 decimals on each side",
    ]
    assert [line for line in documented if line not in text] == []
    # the numbers written out above, as the code applies them
    assert parse_time("999:59:59.999") < MAX_SECONDS
    with pytest.raises(TimeRangeError):
        parse_time("1000:00:00")
    assert whole_number(str(MAX_NUMBER), minimum=1) == MAX_NUMBER
    assert media_files.parse_length("12345.678px") == "12345.678px"
    for bad in ("123456px", "1.2345px"):
        with pytest.raises(media.MediaError):
            media_files.parse_length(bad)
    assert media_files.parse_aspect("1234.567:9") == (1234.567, 9)
    with pytest.raises(media.MediaError):
        media_files.parse_aspect("12345:9")
