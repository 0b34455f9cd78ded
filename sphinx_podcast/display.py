"""How episode metadata reads on a page: shared by the header, cards, lists and tables."""

from __future__ import annotations

import datetime as dt

from docutils import nodes
from sphinx.config import Config
from sphinx.util.i18n import format_date

from .config import get_config
from .locale import _
from .model import Episode, format_time


def episode_date(episode: Episode, config: Config) -> str:
    date = episode.date
    if date is None:
        return ""
    if not isinstance(date, dt.datetime):
        date = dt.datetime(date.year, date.month, date.day)
    return format_date(get_config(config).date_format, date=date, language=config.language or "en")


def meta_line(episode: Episode, config: Config, classes: list[str]) -> nodes.paragraph:
    """``Episode 7 · Season 2 · May 1, 2025 · 1:02:30`` (only the parts that are known)."""
    parts: list[tuple[str, str]] = []
    if episode.number is not None:
        parts.append((_("Episode %s") % episode.number, "podcast-episode-number"))
    if episode.season is not None:
        parts.append((_("Season %s") % episode.season, "podcast-episode-season"))
    if episode.date is not None:
        parts.append((episode_date(episode, config), "podcast-episode-date"))
    if episode.duration is not None:
        parts.append((format_time(episode.duration), "podcast-episode-duration"))
    line = nodes.paragraph(classes=classes)
    for index, (text, css_class) in enumerate(parts):
        if index:
            line += nodes.Text(" · ")
        line += nodes.inline(text, text, classes=[css_class])
    return line
