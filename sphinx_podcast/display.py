"""How episode metadata reads on a page: shared by the header, cards, lists and tables."""

from __future__ import annotations

from docutils import nodes
from sphinx.environment import BuildEnvironment

from .config import get_config
from .domain import get_podcast_domain
from .locale import _
from .model import Episode, format_time


def episode_date(episode: Episode, env: BuildEnvironment) -> str:
    if episode.date is None:
        return ""
    config = env.config
    return get_podcast_domain(env).formatted_date(
        episode.date, get_config(config).date_format, config.language or "en"
    )


def meta_line(episode: Episode, env: BuildEnvironment, classes: list[str]) -> nodes.paragraph:
    """``Episode 7 · Season 2 · May 1, 2025 · 1:02:30`` (only the parts that are known),
    after ``Trailer`` or ``Bonus`` for those."""
    parts: list[tuple[str, str]] = []
    if episode.type != "full":
        label = _("Trailer") if episode.type == "trailer" else _("Bonus")
        parts.append((label, "podcast-episode-type"))
    if episode.number is not None:
        parts.append((_("Episode %s") % episode.number, "podcast-episode-number"))
    if episode.season is not None:
        parts.append((_("Season %s") % episode.season, "podcast-episode-season"))
    if episode.date is not None:
        parts.append((episode_date(episode, env), "podcast-episode-date"))
    if episode.duration is not None:
        parts.append((format_time(episode.duration), "podcast-episode-duration"))
    line = nodes.paragraph(classes=classes)
    for index, (text, css_class) in enumerate(parts):
        if index:
            line += nodes.Text(" · ")
        line += nodes.inline(text, text, classes=[css_class])
    return line
