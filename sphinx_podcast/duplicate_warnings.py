"""Duplicates across pages, one warning each: an episode number or a speaker profile
that an earlier entry (by page name and line) already has, and a name that two
speakers share. The first entry keeps what both claim; the warning is about the other."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from pathlib import Path

from .config import warn_config
from .model import Episode, Speaker
from .warnings_ import Subtype, warn


def page_and_line(item: Episode | Speaker) -> tuple[str, int]:
    """Which of two entries comes first: by page name, then line."""
    return (item.docname, item.lineno)


def warn_duplicate_numbers(episodes: Iterable[Episode], reading: Set[str]) -> None:
    """One warning per full episode whose number (in its season) an earlier one already
    has, if either page is in *reading*."""
    groups: dict[tuple[int | None, int], list[Episode]] = {}
    for episode in episodes:
        # a trailer or bonus may carry the number of the episode it belongs to
        if episode.number is not None and episode.type == "full":
            groups.setdefault((episode.season, episode.number), []).append(episode)
    for (season, number), group in sorted(groups.items(), key=lambda g: str(g[0])):
        first, *later = sorted(group, key=page_and_line)
        for episode in later:
            if {first.docname, episode.docname} & reading:
                in_season = f" of season {season}" if season is not None else ""
                warn(
                    f"episode number {number}{in_season} is also used by {first.docname!r}",
                    Subtype.duplicate_number,
                    (episode.docname, episode.lineno),
                )


def warn_duplicate_profiles(
    profiles: Mapping[str, Mapping[str, Speaker]], reading: Set[str]
) -> None:
    """One warning per profile (key -> {page: profile}) after the first of its key, if
    either page is in *reading*."""
    for _key, by_doc in sorted(profiles.items()):
        if not by_doc:  # its pages were removed
            continue
        first_profile, *other_profiles = sorted(by_doc.values(), key=page_and_line)
        for profile in other_profiles:
            if {first_profile.docname, profile.docname} & reading:
                warn_duplicate_profile(profile, first_profile)


def warn_duplicate_profile(loser: Speaker, winner: Speaker) -> None:
    where = f"{winner.docname}:{winner.lineno}"
    warn(
        f"duplicate profile for speaker {loser.key!r} (already at {where}); this one is not linked",
        Subtype.duplicate_speaker,
        (loser.docname, loser.lineno),
    )


def warn_name_clashes(clashes: Iterable[tuple[str, Speaker, Speaker]], conf_py: Path) -> None:
    """One warning per name that two speakers share (see SpeakerTable.clashes), at the
    profile of the second or at its entry in conf.py."""
    for spelling, owner, other in clashes:
        message = (
            f"speaker {other.key!r} is also called {spelling!r}, which already means "
            f"speaker {owner.key!r}; {spelling!r} stays with {owner.key!r}"
        )
        if other.docname:
            warn(message, Subtype.duplicate_speaker, (other.docname, other.lineno))
        else:
            warn_config(message, conf_py, "podcast_speakers", other.key, Subtype.duplicate_speaker)
