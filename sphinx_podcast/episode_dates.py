"""An episode's date as its pages show it, in the page's language."""

from __future__ import annotations

import datetime as dt

import babel
import babel.dates
from sphinx.util.i18n import format_date


def format_episode_date(date: dt.date, date_format: str, language: str) -> str:
    """*date* in *language*: with *date_format* (strftime-style codes) the way Sphinx
    formats ``today``; without one, in the language's own long form from CLDR
    ("May 1, 2025", "1. Mai 2025", "2025年5月1日")."""
    if date_format:
        if not isinstance(date, dt.datetime):
            date = dt.datetime(date.year, date.month, date.day)
        return format_date(date_format, date=date, language=language)
    day = date.date() if isinstance(date, dt.datetime) else date
    try:
        locale = babel.Locale.parse(language.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        locale = babel.Locale("en")  # as Sphinx does for a language Babel does not know
    return babel.dates.format_date(day, "long", locale=locale)
