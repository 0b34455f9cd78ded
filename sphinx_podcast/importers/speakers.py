"""``speakers.md``: a ``speaker`` directive per speaker, merged with what is already there."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import normalize_name
from .myst import clean_name, directive, speaker_key

__all__ = ["KnownSpeaker", "SpeakerFile", "parse_speakers"]

_OPENERS = (
    # MyST: ```{speaker} key / :::{podcast:speaker} key
    re.compile(r"^\s*(?P<fence>`{3,}|:{3,})\{(?:podcast:)?speaker\}\s*(?P<key>\S*)"),
    # reStructuredText: .. speaker:: key
    re.compile(r"^\s*\.\.\s+(?:podcast:)?speaker::\s*(?P<key>\S*)"),
)
_OPTION = re.compile(r"^\s*:?(?P<name>name|aliases):?\s+(?P<value>.*?)\s*$")

HEADER_MD = """\
# Speakers

Everyone who speaks in these episodes. Turns name a speaker by key, name or
alias: add other spellings to `:aliases:`, and a `:url:`, an `:avatar:`, a
`:role:` and a short bio as you like.
"""

HEADER_RST = """\
Speakers
========

Everyone who speaks in these episodes.
"""


@dataclass
class KnownSpeaker:
    key: str
    name: str = ""
    aliases: list[str] = field(default_factory=list)

    def spellings(self) -> set[str]:
        return {normalize_name(s) for s in (self.key, self.name, *self.aliases) if s}


def parse_speakers(text: str) -> list[KnownSpeaker]:
    """The speakers a page declares with ``speaker`` directives (MyST or rST)."""
    found: list[KnownSpeaker] = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        for opener in _OPENERS:
            match = opener.match(line)
            if match:
                break
        else:
            continue
        speaker = KnownSpeaker(match["key"])
        for option_line in lines[index + 1 : index + 12]:
            if not option_line.strip() or option_line.strip().startswith(("```", ":::")):
                break
            option = _OPTION.match(option_line)
            if not option:
                continue
            if option["name"] == "name":
                speaker.name = option["value"].strip("\"'")
            else:
                speaker.aliases = [a.strip() for a in option["value"].split(",") if a.strip()]
        if speaker.key:
            found.append(speaker)
    return found


class SpeakerFile:
    """The speakers of an output directory: those already declared, and the new ones."""

    def __init__(self, existing_text: str = "", *, rst: bool = False) -> None:
        self.existing_text = existing_text
        self.rst = rst
        self.known = parse_speakers(existing_text)
        self.new: list[KnownSpeaker] = []

    def all(self) -> Iterable[KnownSpeaker]:
        """Every speaker: those of the file, then the new ones."""
        yield from self.known
        yield from self.new

    def find(self, name: str) -> KnownSpeaker | None:
        wanted = normalize_name(name)
        for speaker in self.all():
            if wanted in speaker.spellings():
                return speaker
        return None

    def add(self, name: str) -> KnownSpeaker | None:
        """Declare *name* unless a speaker already answers to it; the new speaker, or None."""
        name = clean_name(name)
        if not name or self.find(name) is not None:
            return None
        keys = {normalize_name(s.key) for s in self.all()}
        base = speaker_key(name)
        key, number = base, 1
        while normalize_name(key) in keys:
            number += 1
            key = f"{base}-{number}"
        speaker = KnownSpeaker(key, name)
        self.new.append(speaker)
        return speaker

    def render(self) -> str:
        """The file's new text: what was there, unchanged, and then the new speakers."""
        blocks = [self._block(speaker) for speaker in self.new]
        text = self.existing_text
        if not text.strip():
            text = HEADER_RST if self.rst else HEADER_MD
        if not blocks:
            return text
        return text.rstrip("\n") + "\n\n" + "\n\n".join(blocks) + "\n"

    def _block(self, speaker: KnownSpeaker) -> str:
        if self.rst:
            return f".. speaker:: {speaker.key}\n   :name: {speaker.name}"
        return directive("speaker", speaker.key, [("name", speaker.name)])
