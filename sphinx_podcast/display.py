"""How episode metadata reads on a page: shared by the header, cards, lists and tables."""

from __future__ import annotations

from docutils import nodes
from sphinx.environment import BuildEnvironment

from . import nodes as pn
from .config import get_config
from .domain import get_podcast_domain
from .locale import _
from .model import Episode, format_time, iso_duration


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
    line = nodes.paragraph(classes=classes)
    for index, (text, css_class) in enumerate(parts):
        if index:
            line += nodes.Text(" · ")
        line += nodes.inline(text, text, classes=[css_class])
    if episode.duration is not None:
        if parts:
            line += nodes.Text(" · ")
        shown = duration_text(episode.duration)
        line += pn.duration(
            shown,
            shown,
            classes=["podcast-episode-duration"],
            datetime=iso_duration(episode.duration),
            exact=format_time(episode.duration),
        )
    return line


def duration_text(seconds: float) -> str:
    """How long an episode is, as podcast apps say it: ``48 min``, ``1 h 2 min``, ``45 s``."""
    if seconds < 60:
        return _("%d s") % max(1, round(seconds))
    minutes = int(seconds / 60 + 0.5)
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return _("%d min") % minutes
    if not minutes:
        return _("%d h") % hours
    return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
