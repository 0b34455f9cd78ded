"""Who a speaker reference means: conf.py's speakers overlaid with the ``speaker``
directives' profiles, and every name (key, name, alias) each of them goes by."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .model import Speaker, normalize_name


class SpeakerTable:
    """All speakers (conf.py first, then profiles by page) and every name they go by."""

    def __init__(self, speakers: Iterable[Speaker]) -> None:
        self.speakers: dict[str, Speaker] = {}
        self.by_name: dict[str, str] = {}
        self.colours: dict[str, int] = {}
        for speaker in speakers:
            self.speakers[speaker.key] = speaker
        for index, speaker in enumerate(self.speakers.values()):
            self.colours[speaker.key] = index % 8
        self.clashes: list[tuple[str, Speaker, Speaker]] = []
        # Keys win over names, names over aliases; earlier speakers win ties.
        for attribute in ("key", "name", "aliases"):
            for speaker in self.speakers.values():
                value = getattr(speaker, attribute)
                for spelling in value if isinstance(value, tuple) else (value,):
                    normalized = normalize_name(spelling)
                    owner = self.by_name.setdefault(normalized, speaker.key)
                    if owner != speaker.key:
                        self.clashes.append((spelling, self.speakers[owner], speaker))

    def find(self, reference: str) -> Speaker | None:
        key = self.by_name.get(normalize_name(reference))
        return self.speakers[key] if key is not None else None


def overlay_profile(base: Speaker, profile: Speaker) -> Speaker:
    """conf.py's speaker with the options a ``speaker`` directive gave."""
    changes = {
        name: getattr(profile, name)
        for name in ("name", "aliases", "url", "avatar", "role", "bio")
        if getattr(profile, name) and (name != "name" or profile.name != profile.key)
    }
    return replace(
        base, docname=profile.docname, anchor=profile.anchor, lineno=profile.lineno, **changes
    )
