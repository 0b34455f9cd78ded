"""Questions about the whole podcast, answered from the domain's data.

Which episode comes before this one, who appears where and how often, what
an episode list shows. Built once per build phase from the domain and
cached there; nothing here touches the doctree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from .model import Episode, Soundbite, Speaker

#: How many of a guest's other episodes an episode header links to (the newest).
RELATED_SHOWN = 5


def date_sort_key(date: dt.date | dt.datetime | None) -> tuple[int, ...]:
    """Dates and date-times on one scale (time zones folded to UTC); no date sorts first."""
    if date is None:
        return ()
    if isinstance(date, dt.datetime):
        if date.tzinfo is not None:
            date = date.astimezone(dt.UTC).replace(tzinfo=None)
        return (date.year, date.month, date.day, date.hour, date.minute, date.second)
    return (date.year, date.month, date.day, 0, 0, 0)


def episode_sort_key(episode: Episode) -> tuple[object, ...]:
    """Oldest first: by date, then season and number, then page name."""
    return (
        date_sort_key(episode.date),
        episode.season if episode.season is not None else -1,
        episode.number if episode.number is not None else -1,
        episode.docname,
    )


def digest(value: object) -> str:
    """A stable fingerprint (not Python's per-process ``hash``) of plain data."""
    return hashlib.sha1(repr(value).encode("utf-8"), usedforsecurity=False).hexdigest()


@dataclass(frozen=True)
class Appearance:
    docname: str
    title: str
    turns: int
    role: str  # "host", "guest" or "" (speaks without being listed)
    seconds: float = 0.0  # time on air, as far as the turn times tell


@dataclass
class Catalog:
    episodes: Mapping[str, Episode]
    speakers: Mapping[str, Speaker]
    resolve: Mapping[str, str]
    """Every raw speaker reference seen in turns or headers -> speaker key."""
    turn_refs: Mapping[str, Mapping[str, int]]
    airtime: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    soundbites: Mapping[str, tuple[Soundbite, ...]] = field(default_factory=dict)
    order: list[str] = field(init=False)
    appearances: dict[str, list[Appearance]] = field(init=False)

    def __post_init__(self) -> None:
        self.order = [e.docname for e in sorted(self.episodes.values(), key=episode_sort_key)]
        self._position = {docname: index for index, docname in enumerate(self.order)}
        self.appearances = {}
        for docname in self.order:
            episode = self.episodes[docname]
            counts: dict[str, int] = {}
            for reference, count in self.turn_refs.get(docname, {}).items():
                key = self.resolve.get(reference)
                if key is not None:
                    counts[key] = counts.get(key, 0) + count
            seconds: dict[str, float] = {}
            for reference, on_air in self.airtime.get(docname, {}).items():
                key = self.resolve.get(reference)
                if key is not None:
                    seconds[key] = seconds.get(key, 0.0) + on_air
            roles = {self.resolve.get(r): "guest" for r in episode.guests}
            roles.update({self.resolve.get(r): "host" for r in episode.hosts})
            keys = [k for k in roles if k is not None] + [k for k in counts if k not in roles]
            for key in keys:
                self.appearances.setdefault(key, []).append(
                    Appearance(
                        docname,
                        episode.title,
                        counts.get(key, 0),
                        roles.get(key, ""),
                        round(seconds.get(key, 0.0)),
                    )
                )

    def keys_of(self, references: Iterable[str]) -> list[str]:
        return [k for k in (self.resolve.get(r) for r in references) if k is not None]

    def neighbours(self, docname: str) -> tuple[Episode | None, Episode | None]:
        """The episode before and after *docname* in publication order."""
        index = self._position.get(docname)
        if index is None:
            return None, None
        before = self.episodes[self.order[index - 1]] if index > 0 else None
        after = self.episodes[self.order[index + 1]] if index + 1 < len(self.order) else None
        return before, after

    def other_episodes(self, docname: str, key: str, limit: int = RELATED_SHOWN) -> list[Episode]:
        """Other episodes *key* appears in, newest first (at most *limit*)."""
        found: list[Episode] = []
        for appearance in reversed(self.appearances.get(key, [])):
            if len(found) == limit:
                break
            if appearance.docname != docname:
                found.append(self.episodes[appearance.docname])
        return found

    def count_other_episodes(self, docname: str, key: str) -> int:
        appearances = self.appearances.get(key, [])
        return len(appearances) - any(a.docname == docname for a in appearances)

    # -- what a page shows, as fingerprints (to re-write it when they change) ----

    def speakers_view(self) -> str:
        """Names, links and avatars; not the bio, which only the profile itself shows."""
        return digest(sorted((k, replace(s, bio="", lineno=0)) for k, s in self.speakers.items()))

    def titles_view(self) -> str:
        return digest(sorted((d, e.title) for d, e in self.episodes.items()))

    def episode_view(self, docname: str) -> str:
        episode = self.episodes.get(docname)
        if episode is None:
            return ""
        before, after = self.neighbours(docname)
        others = {
            key: (
                [(e.docname, e.title) for e in self.other_episodes(docname, key)],
                self.count_other_episodes(docname, key),
            )
            for key in self.keys_of(episode.guests)
        }
        return digest(
            (
                (before.docname, before.title) if before else None,
                (after.docname, after.title) if after else None,
                sorted(others.items()),
            )
        )

    def episode_list_view(self) -> str:
        return digest((sorted(self.episodes.items()), self.speakers_view()))

    def soundbites_of(self, key: str) -> list[Soundbite]:
        return [
            sb
            for page in self.soundbites.values()
            for sb in page
            if sb.speaker and self.resolve.get(sb.speaker) == key
        ]

    def profiles_view(self, keys: Iterable[str]) -> str:
        return digest(
            [
                (
                    key,
                    self.appearances.get(key, []),
                    sorted(repr(replace(sb, lineno=0)) for sb in self.soundbites_of(key)),
                )
                for key in sorted(keys)
            ]
        )

    def soundbite_list_view(self) -> str:
        return digest(
            (
                [
                    (docname, [replace(sb, lineno=0) for sb in page])
                    for docname, page in sorted(self.soundbites.items())
                ],
                self.order,
                self.titles_view(),
                self.speakers_view(),
            )
        )

    def speaker_list_view(self) -> str:
        return digest((self.speakers_view(), sorted(self.appearances.items())))
