"""The pure data helpers of sphinx_podcast.model: times, dates, names."""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_podcast.model import (
    TimeFormatError,
    format_seconds_attr,
    format_time,
    normalize_name,
    parse_date,
    parse_time,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("75", 75),
        ("0", 0),
        ("01:12", 72),
        ("1:12", 72),
        ("75:00", 4500),
        ("1:02:30", 3750),
        ("01:02:30", 3750),
        ("00:01:12.5", 72.5),
        ("1.250", 1.25),
        ("00:00:01.001", 1.001),
        ("  01:12  ", 72),
    ],
)
def test_parse_time_accepts(text: str, seconds: float) -> None:
    assert parse_time(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    "text",
    ["1:75:00", "01:60", "1:00:60", "", "   ", "abc", "1:2:3:4", "-1", "01:12.", "1.2345", "1,5"],
)
def test_parse_time_rejects(text: str) -> None:
    with pytest.raises(TimeFormatError):
        parse_time(text)


def test_time_format_error_is_a_value_error() -> None:
    assert issubclass(TimeFormatError, ValueError)
    with pytest.raises(ValueError, match="1:75:00"):
        parse_time("1:75:00")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (72, "01:12"),
        (3750, "1:02:30"),
        (0, "00:00"),
        (59.9, "00:59"),
        (3600, "1:00:00"),
        (4500, "1:15:00"),
        (36000, "10:00:00"),
    ],
)
def test_format_time(seconds: float, text: str) -> None:
    assert format_time(seconds) == text


@pytest.mark.parametrize("text", ["01:12", "1:02:30", "00:00", "59:59", "10:00:00"])
def test_format_time_round_trips(text: str) -> None:
    assert format_time(parse_time(text)) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (72.0, "72"),
        (72, "72"),
        (72.5, "72.5"),
        (0.0, "0"),
        (1.25, "1.25"),
        (3750.001, "3750.001"),
    ],
)
def test_format_seconds_attr(seconds: float, text: str) -> None:
    assert format_seconds_attr(seconds) == text


def test_normalize_name_ignores_case_accents_and_spacing() -> None:
    assert normalize_name("Michaël  Durand") == normalize_name("michael durand")
    assert normalize_name("  Ada   Example ") == normalize_name("ADA EXAMPLE")
    assert normalize_name("Sam\tHost") == normalize_name("sam host")


def test_normalize_name_keeps_different_names_apart() -> None:
    assert normalize_name("Ada Example") != normalize_name("Ada Examples")
    assert normalize_name("Sam") != normalize_name("Sam Host")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2025-05-01", dt.date(2025, 5, 1)),
        (" 2025-05-01 ", dt.date(2025, 5, 1)),
        ("2025-05-01T10:00:00", dt.datetime(2025, 5, 1, 10, 0, 0)),
        (
            "2025-05-01T10:00:00+02:00",
            dt.datetime(2025, 5, 1, 10, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        ),
    ],
)
def test_parse_date_accepts_iso_8601(text: str, value: dt.date) -> None:
    parsed = parse_date(text)
    assert parsed == value
    assert type(parsed) is type(value)


@pytest.mark.parametrize("text", ["2025-13-40", "2025-02-30", "yesterday", "", "01/05/2025"])
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)
