"""``speakers.md``: a ``speaker`` directive per speaker, merged with what is already there."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model import normalize_name
from .myst import clean_name, directive, speaker_key

__all__ = ["KeysOf", "KnownSpeaker", "SpeakerFile", "parse_speakers"]

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


KeysOf = Callable[[KnownSpeaker], Iterable[str]]
"""What a speaker is looked up by (:meth:`SpeakerFile.lookup`): a module-level function,
so that its index is made once."""


def _spellings(speaker: KnownSpeaker) -> Iterable[str]:
    return speaker.spellings()


def _key(speaker: KnownSpeaker) -> Iterable[str]:
    return (normalize_name(speaker.key),)


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
    """The speakers of an output directory: those already declared, and the new ones.

    Lookups go through indexes that grow with the speakers: an import asks about
    every turn label of every post, and a long show's archive brings thousands of
    guests, so a scan of all the speakers each time made the import of 2,000 posts
    grow with its square (:mod:`benchmarks.import_scale` measures it).
    """

    def __init__(self, existing_text: str = "", *, rst: bool = False) -> None:
        self.existing_text = existing_text
        self.rst = rst
        self.known = parse_speakers(existing_text)
        self.new: list[KnownSpeaker] = []
        self._everyone: list[KnownSpeaker] = list(self.known)
        # per function that gives a speaker's lookup keys: (speakers indexed, key → speakers)
        self._indexes: dict[KeysOf, tuple[int, dict[str, list[KnownSpeaker]]]] = {}

    def all(self) -> Iterable[KnownSpeaker]:
        """Every speaker: those of the file, then the new ones."""
        return iter(self._everyone)

    def lookup(self, keys_of: KeysOf, key: str) -> list[KnownSpeaker]:
        """The speakers (in the order of :meth:`all`) for whom *keys_of* gives *key*."""
        done, index = self._indexes.get(keys_of, (0, {}))
        for speaker in self._everyone[done:]:
            for found_key in dict.fromkeys(keys_of(speaker)):
                index.setdefault(found_key, []).append(speaker)
        self._indexes[keys_of] = (len(self._everyone), index)
        return index.get(key, [])

    def find(self, name: str) -> KnownSpeaker | None:
        found = self.lookup(_spellings, normalize_name(name))
        return found[0] if found else None

    def add(self, name: str) -> KnownSpeaker | None:
        """Declare *name* unless a speaker already answers to it; the new speaker, or None."""
        name = clean_name(name)
        if not name or self.find(name) is not None:
            return None
        base = speaker_key(name)
        key, number = base, 1
        while self.lookup(_key, normalize_name(key)):
            number += 1
            key = f"{base}-{number}"
        speaker = KnownSpeaker(key, name)
        self.new.append(speaker)
        self._everyone.append(speaker)
        return speaker

    def forget_since(self, count: int) -> None:
        """Forget the new speakers after the first *count* (those of a source that failed)."""
        del self.new[count:]
        self._everyone = [*self.known, *self.new]
        self._indexes.clear()

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
