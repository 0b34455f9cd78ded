"""Who a turn label stands for: the full names a post gives its speakers.

Transcripts label turns with what is short: a first name (``Alan``), initials
(``CC``), a last name. A site where two guests share a first name needs the
full name, so the importer looks for it where people write it, in order:

1. ``--speaker LABEL=NAME`` (for every post, or ``FILE:LABEL=NAME`` for one);
2. ``--host`` and ``--speaker NAME``;
3. the front matter (``hosts``, ``guests``, ``author``, …: names, lists, ``name:``
   entries, slugs such as ``ada-example``);
4. the title (``Ada Example on Tide Tables``);
5. the first full mention in the post (``Alan Chan is …``, ``[Alan Chan](…)``);
6. the speakers already known (``speakers.md``, earlier posts of the run): only
   when exactly one of them has that first name.

A label that none of these explains stays as written, with a warning that asks
for ``--speaker``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from ...model import normalize_name
from ..base import Options
from ..speakers import KnownSpeaker, SpeakerFile
from .frontmatter import FrontMatter

__all__ = ["PEOPLE_KEYS", "Cast", "Person", "looks_like_name"]

# Front matter keys that name people, and the role they give.
PEOPLE_KEYS = {
    "host": "host",
    "hosts": "host",
    "interviewer": "host",
    "interviewers": "host",
    "author": "host",
    "authors": "host",
    "guest": "guest",
    "guests": "guest",
    "interviewee": "guest",
    "interviewees": "guest",
    "speaker": "",
    "speakers": "",
    "participants": "",
    "people": "",
    "cast": "",
    "with": "guest",
}
_PARTICLES = {
    "van", "von", "de", "der", "den", "da", "di", "del", "della", "la", "le", "du", "dos",
    "das", "ten", "ter", "bin", "ibn", "al", "el", "y",
}  # fmt: skip
# Capitalized words that begin sentences or titles, never a surname.
_NOT_SURNAMES = {
    "i", "a", "an", "the", "and", "but", "or", "so", "on", "in", "at", "of", "to", "is",
    "was", "are", "were", "has", "had", "have", "yes", "no", "yeah", "ok", "okay",
    "well", "oh", "hey", "hi", "thanks", "thank", "right", "sure", "what", "why", "how",
    "when", "where", "who", "which", "it", "this", "that", "we", "you", "he", "she",
    "they", "my", "his", "her", "our", "your", "their", "podcast", "episode", "show",
    "interview", "talks", "talk", "contra", "vs", "versus", "from", "for", "with", "about",
}  # fmt: skip
_ROLE_WORDS = {
    "host", "guest", "caller", "listener", "audience", "interviewer", "interviewee",
    "moderator", "announcer", "narrator", "voice", "speaker", "panelist", "question",
    "answer", "q", "a", "man", "woman", "participant", "student", "teacher", "unknown",
}  # fmt: skip
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*|[^\w\s]+|\d\S*")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^<>]*>")
_SLUG = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z][a-z0-9]*)+")
_SPEAKER_N = re.compile(r"(?i)speaker[ _-]?\w{1,3}")


def looks_like_name(label: str) -> bool:
    """Whether *label* can be somebody's name: one to five words that start with a
    capital (or a particle such as ``de``), initials, or ``Speaker 1``/``SPEAKER_00``."""
    words = label.split()
    if not 1 <= len(words) <= 5 or len(label) > 40:
        return False
    if _SPEAKER_N.fullmatch(label.replace(" ", "_")) or label.isupper():
        return True
    return all(_name_word(word) for word in words)


def _name_word(word: str) -> bool:
    """A word of a name: capitalized, in a script without case, or a particle (``de``)."""
    first = word[:1]
    return (
        first.isupper()
        or (first.isalpha() and not first.islower())
        or (word.casefold() in _PARTICLES)
    )


def is_role(label: str) -> bool:
    """``Caller``, ``Host``, ``Speaker 2``, …: a label that names a role, not a person."""
    return label.casefold() in _ROLE_WORDS or bool(_SPEAKER_N.fullmatch(label.replace(" ", "_")))


@dataclass(frozen=True)
class Person:
    name: str
    role: str = ""  # "host", "guest" or ""
    source: str = ""  # where the name was found, for messages


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word.casefold() not in _PARTICLES).upper()


def _words(name: str) -> list[str]:
    return [normalize_name(word) for word in name.split()]


def _match_keys(speaker: KnownSpeaker) -> list[str]:
    """What :meth:`Cast._matches` may match a declared speaker of two or more words by:
    the first and the last word of the name, its initials (see :func:`_match_keys_of`)."""
    words = _words(speaker.name)
    if len(words) < 2:
        return []
    return [words[0], words[-1], "initials:" + _initials(speaker.name)]


def _match_keys_of(label: str) -> list[str]:
    """The :func:`_match_keys` keys a turn label looks for: a word, and initials."""
    keys = [normalize_name(label)]
    if label.isupper() and 2 <= len(label) <= 4:
        keys.append("initials:" + label)
    return keys


@dataclass
class Cast:
    """The people a post names, and the full name behind each turn label."""

    filename: str
    options: Options
    front: FrontMatter
    title: str
    text: str
    """The post's prose (links reduced to their text), for first mentions."""
    speaker_file: SpeakerFile
    people: list[Person] = field(default_factory=list)

    def __post_init__(self) -> None:
        for host in self.options.hosts:
            self._add(host, "host", "--host")
        if self.options.default_speaker:
            self._add(self.options.default_speaker, "", "--speaker")
        for key, value in self.front.data.items():
            role = PEOPLE_KEYS.get(key.lower())
            if role is not None:
                for name in _names_in(value):
                    self._add(name, role, f"front matter {key!r}")
        for run in capitalized_runs(self.title):
            self._add_run(run, "title")

    def _add(self, name: str, role: str, source: str) -> None:
        name = " ".join(name.split())
        if not name:
            return
        for index, person in enumerate(self.people):
            if normalize_name(person.name) == normalize_name(name):
                if role == "host" and person.role != "host":
                    self.people[index] = Person(person.name, "host", person.source)
                return
        self.people.append(Person(name, role, source))

    def _add_run(self, run: list[str], source: str) -> None:
        """A run of capitalized words (of a title): each name of two or three words in it."""
        for start in range(len(run)):
            for size in (2, 3):
                part = run[start : start + size]
                if len(part) == size and all(w.casefold() not in _NOT_SURNAMES for w in part):
                    self._add(" ".join(part), "", source)

    # -- labels ------------------------------------------------------------------

    def rename(self, label: str) -> str:
        """The name ``--speaker LABEL=NAME`` gives *label* ("" if none)."""
        mine = PurePath(self.filename).name
        stem = PurePath(self.filename).stem
        for key, name in self.options.speakers.items():
            file_part, sep, label_part = key.rpartition(":")
            if sep and file_part not in (mine, stem, self.filename):
                continue
            if normalize_name(label_part if sep else key) == normalize_name(label):
                return name
        return ""

    def resolve(self, label: str) -> tuple[str, str, str]:
        """(full name, how it was found, problem) for a turn label.

        *problem* is "" when the name is certain, else a warning for the user.
        """
        renamed = self.rename(label)
        if renamed:
            return renamed, "--speaker", ""
        wanted = normalize_name(label)
        for person in self.people:
            if normalize_name(person.name) == wanted:
                if len(person.name.split()) == 1 and looks_like_name(label):
                    # "--host Sam": a fuller "Sam Host" on the page is better still
                    return self._mention(label) or person.name, person.source, ""
                return person.name, person.source, ""
        if len(label.split()) > 1 or is_role(label) or not looks_like_name(label):
            known = self.speaker_file.find(label)
            return (known.name if known else label), "as written", ""
        matches = self._matches(label, self.people)
        if len(matches) == 1:
            return matches[0].name, matches[0].source, ""
        if len(matches) > 1:
            names = ", ".join(sorted({p.name for p in matches}))
            return (
                label,
                "",
                (f"speaker {label!r} could be {names}: give --speaker '{label}=Full Name'"),
            )
        mention = self._mention(label) or self._by_initials(label)
        if mention:
            return mention, "its first mention", ""
        known = self.speaker_file.find(label)
        if known is not None:
            return known.name, "the speakers", ""
        previous = [
            Person(s.name, "", "the speakers")
            for key in _match_keys_of(label)
            for s in self.speaker_file.lookup(_match_keys, key)
        ]
        matches = self._matches(label, previous)
        hosts = {normalize_name(h) for h in self.options.hosts}
        if len({p.name for p in matches}) == 1:
            name = matches[0].name
            if normalize_name(name) in hosts or normalize_name(label) in hosts:
                return name, "the speakers", ""
            return (
                name,
                "the speakers",
                (
                    f"speaker {label!r} taken for {name} (the only {label} among the speakers "
                    f"so far; the page does not give a full name): give --speaker "
                    f"'{label}=Full Name' if it is somebody else"
                ),
            )
        if matches:
            names = ", ".join(sorted({p.name for p in matches}))
            return (
                label,
                "",
                (f"speaker {label!r} could be {names}: give --speaker '{label}=Full Name'"),
            )
        return (
            label,
            "",
            (
                f"speaker {label!r} has no full name in the title, the front matter or the text: "
                f"give it with --speaker '{label}=Full Name' (or --host)"
            ),
        )

    def knows(self, label: str) -> bool:
        """Whether *label* names somebody the options, front matter or title give, or a
        speaker already declared: by full name, first or last name, or initials."""
        if self.rename(label) or self.speaker_file.find(label) is not None:
            return True
        wanted = normalize_name(label)
        if any(normalize_name(p.name) == wanted for p in self.people):
            return True
        return bool(self._matches(label, self.people)) or bool(self._by_initials(label))

    def _by_initials(self, label: str) -> str:
        """A name of two or three capitalized words in the title, front matter or text
        whose initials are *label* (``CC`` → ``Carlisia Campos``)."""
        if not (label.isupper() and 2 <= len(label) <= 4):
            return ""
        for text in (self.title, self._front_text(), self.text):
            for run in capitalized_runs(text):
                for start in range(len(run)):
                    part = run[start : start + len(label)]
                    if (
                        len(part) == len(label)
                        and _initials(" ".join(part)) == label
                        and all(w.casefold() not in _NOT_SURNAMES for w in part)
                    ):
                        return " ".join(part)
        return ""

    def _matches(self, label: str, people: list[Person]) -> list[Person]:
        """People whose first name, last name or initials are *label*."""
        wanted = normalize_name(label)
        found: list[Person] = []
        initials = label.isupper() and 2 <= len(label) <= 4
        for person in people:
            words = _words(person.name)
            if len(words) < 2:
                continue
            if wanted in (words[0], words[-1]) or (initials and _initials(person.name) == label):
                found.append(person)
        if len({p.name for p in found}) > 1:
            # several: the most trusted source decides (options, front matter, title)
            first = found[0].source
            found = [p for p in found if p.source == first] if first != "title" else found
        return found

    def _mention(self, label: str) -> str:
        """The first "Label Surname" in the title, the front matter or the text."""
        pattern = re.compile(
            rf"(?<![\w-]){re.escape(label)}[ \t]+"
            rf"((?:(?:{'|'.join(sorted(_PARTICLES))})[ \t]+)*[^\W\d_][\w'’-]+)"
        )
        for text in (self.title, self._front_text(), self.text):
            for match in pattern.finditer(text):
                surname = match.group(1)
                last = surname.split()[-1]
                if (
                    last[:1].isupper()
                    and last.casefold() not in _NOT_SURNAMES
                    and len(last) > 1
                    and not last.isupper()
                ):
                    return f"{label} {surname}"
        return ""

    def _front_text(self) -> str:
        return " ".join(str(v) for v in self.front.data.values() if isinstance(v, str))

    def role_of(self, name: str) -> str:
        """``host``, ``guest`` or "" for the full name of a speaker."""
        wanted = normalize_name(name)
        first = normalize_name(name.split()[0]) if name.split() else ""
        for person in self.people:
            known = normalize_name(person.name)
            if known == wanted or (len(person.name.split()) == 1 and known == first):
                return person.role
        return ""

    def named_hosts(self) -> list[str]:
        return [p.name for p in self.people if p.role == "host"]


def capitalized_runs(text: str) -> list[list[str]]:
    """The runs of consecutive capitalized words of *text* (``Joe Beda``, ``Open Data``)."""
    runs: list[list[str]] = []
    current: list[str] = []
    for token in _TOKEN.findall(text):
        word = token.rstrip(".")
        if (word[:1].isupper() and not word.isupper()) or (len(word) > 1 and word.istitle()):
            current.append(word)
            if token.endswith(".") and len(word) > 2:
                runs.append(current)
                current = []
            continue
        if current and word.casefold() in _PARTICLES and token == word:
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return [[w for w in run] for run in runs if run]


def _names_in(value: Any) -> list[str]:
    """The names a front matter value holds: a string (commas), a list, ``name:`` entries."""
    if isinstance(value, str):
        parts = [part.strip() for part in value.split(",")]
        return [_unslug(part) for part in parts if part]
    if isinstance(value, dict):
        name = value.get("name")
        return [str(name).strip()] if isinstance(name, str | int) and str(name).strip() else []
    if isinstance(value, list):
        return [name for item in value for name in _names_in(item)]
    return []


def _unslug(text: str) -> str:
    """``ada-example`` → ``Ada Example`` (a page name used as a person's name)."""
    if _SLUG.fullmatch(text):
        return " ".join(part.capitalize() for part in re.split(r"[-_]", text))
    return text


def prose(text: str) -> str:
    """Text for finding names: links reduced to their text, no HTML tags."""
    return _TAG.sub(" ", _MD_LINK.sub(r"\1", text))
