"""The ``podcast`` domain: every piece of data that crosses pages.

Episodes and speaker profiles are noted at read time, per document, and
merged from parallel readers. Duplicates get one warning each, about the
entry with the larger (docname, line), whichever process finds them, so a
``-j`` build warns exactly like a serial one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from dataclasses import replace
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from .config import get_config, warn_config
from .model import Episode, Speaker, normalize_name
from .warnings_ import Subtype, warn


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

    def fingerprint(self) -> tuple[Any, ...]:
        """What turn labels depend on: changes here re-write the episode pages."""
        return tuple(sorted((k, replace(s, lineno=0, bio="")) for k, s in self.speakers.items()))


class PodcastDomain(Domain):
    name = "podcast"
    label = "Podcast"
    object_types = {
        "episode": ObjType("episode", "episode"),
        "speaker": ObjType("speaker", "speaker"),
    }
    initial_data = {
        "episodes": {},  # docname -> Episode
        "speakers": {},  # key -> Speaker (from `speaker` directives)
        "speaker_fingerprint": (),  # of the table the pages were last written with
    }
    data_version = 1

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._table: SpeakerTable | None = None
        self._table_key: tuple[Any, ...] | None = None
        # Documents merged from parallel readers during this build.
        self._merged: set[str] = set()

    # -- typed accessors -------------------------------------------------

    @property
    def episodes(self) -> dict[str, Episode]:
        return self.data["episodes"]

    @property
    def profiles(self) -> dict[str, Speaker]:
        return self.data["speakers"]

    def speaker_table(self) -> SpeakerTable:
        """Speakers of conf.py overlaid with the ``speaker`` directives' profiles."""
        key = tuple(self.profiles.items())
        if self._table is None or self._table_key != key:
            merged: dict[str, Speaker] = dict(get_config(self.env.config).speakers)
            for profile in sorted(self.profiles.values(), key=lambda s: (s.docname, s.lineno)):
                base = merged.get(profile.key)
                merged[profile.key] = _overlay(base, profile) if base else profile
            self._table = SpeakerTable(merged.values())
            self._table_key = key
        return self._table

    # -- noting data at read time ------------------------------------------

    def note_episode(self, episode: Episode) -> None:
        _warn_duplicate_numbers([episode], self.episodes.values())
        self.episodes[episode.docname] = episode

    def set_episode_title(self, docname: str, title: str) -> None:
        episode = self.episodes.get(docname)
        if episode is not None and episode.title != title:
            self.episodes[docname] = replace(episode, title=title)

    def note_profile(self, speaker: Speaker) -> bool:
        """Register a profile; False if it loses against an earlier one with the same key."""
        existing = self.profiles.get(speaker.key)
        if existing is not None and existing.docname != speaker.docname:
            winner, loser = sorted((existing, speaker), key=_position)
            _warn_duplicate_profile(loser, winner)
            self.profiles[speaker.key] = winner
            return winner is speaker
        if existing is not None:  # a second profile for one key on the same page
            _warn_duplicate_profile(speaker, existing)
            return False
        self.profiles[speaker.key] = speaker
        return True

    def begin_build(self) -> None:
        self._merged = set()

    # -- Domain API ----------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        self.episodes.pop(docname, None)
        for key in [k for k, s in self.profiles.items() if s.docname == docname]:
            del self.profiles[key]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        incoming_episodes = [e for e in otherdata["episodes"].values() if e.docname in docnames]
        merged_before = [e for e in self.episodes.values() if e.docname in self._merged]
        _warn_duplicate_numbers(incoming_episodes, merged_before)
        for episode in incoming_episodes:
            self.episodes[episode.docname] = episode

        for speaker in otherdata["speakers"].values():
            if speaker.docname not in docnames:
                continue
            existing = self.profiles.get(speaker.key)
            if existing is None:
                self.profiles[speaker.key] = speaker
                continue
            winner, loser = sorted((existing, speaker), key=_position)
            if existing.docname in self._merged:
                _warn_duplicate_profile(loser, winner)
            self.profiles[speaker.key] = winner
        self._merged.update(docnames)

    def resolve_xref(  # type: ignore[override]  # a speaker without a page is plain text
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.Element | None:
        if typ == "speaker":
            return self._resolve_speaker(fromdocname, builder, target, node, contnode)
        if typ == "episode":
            episode = self.episodes.get(target)
            if episode is None:
                return None
            return make_refnode(builder, fromdocname, episode.docname, episode.anchor, contnode)
        return None

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        results: list[tuple[str, nodes.reference]] = []
        speaker = self.speaker_table().find(target)
        if speaker is not None and speaker.docname:
            ref = make_refnode(
                builder, fromdocname, speaker.docname, speaker.anchor, contnode, speaker.name
            )
            results.append(("podcast:speaker", ref))
        episode = self.episodes.get(target)
        if episode is not None:
            ref = make_refnode(builder, fromdocname, episode.docname, episode.anchor, contnode)
            results.append(("podcast:episode", ref))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for docname, episode in sorted(self.episodes.items()):
            yield (docname, episode.title or docname, "episode", docname, episode.anchor, 1)
        for key, speaker in sorted(self.profiles.items()):
            yield (key, speaker.name, "speaker", speaker.docname, speaker.anchor, 1)

    # -- helpers ---------------------------------------------------------------

    def _resolve_speaker(
        self,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.Element:
        speaker = self.speaker_table().find(target)
        if speaker is None:
            warn(
                f"unknown speaker {target!r}: not in podcast_speakers nor a speaker directive",
                Subtype.unknown_speaker,
                node,
            )
            return nodes.inline(target, target, classes=["podcast-unknown-speaker"])
        text = speaker.name if not node.get("refexplicit") else contnode.astext()
        label = nodes.inline(text, text)
        if speaker.docname:
            return make_refnode(
                builder, fromdocname, speaker.docname, speaker.anchor, label, speaker.name
            )
        if speaker.url:
            return nodes.reference("", "", label, refuri=speaker.url, reftitle=speaker.name)
        return label


def _position(item: Episode | Speaker) -> tuple[str, int]:
    return (item.docname, item.lineno)


def _overlay(base: Speaker, profile: Speaker) -> Speaker:
    """conf.py's speaker with the options a ``speaker`` directive gave."""
    changes = {
        name: getattr(profile, name)
        for name in ("name", "aliases", "url", "avatar", "role", "bio")
        if getattr(profile, name) and (name != "name" or profile.name != profile.key)
    }
    return replace(
        base, docname=profile.docname, anchor=profile.anchor, lineno=profile.lineno, **changes
    )


def _warn_duplicate_profile(loser: Speaker, winner: Speaker) -> None:
    where = f"{winner.docname}:{winner.lineno}"
    warn(
        f"duplicate profile for speaker {loser.key!r} (already at {where}); this one is not linked",
        Subtype.duplicate_speaker,
        (loser.docname, loser.lineno),
    )


def _warn_duplicate_numbers(new: Iterable[Episode], existing: Iterable[Episode]) -> None:
    """Warn once per clash, about the episode on the later page."""
    numbered: dict[tuple[int | None, int], list[Episode]] = {}
    for episode in existing:
        if episode.number is not None:
            numbered.setdefault((episode.season, episode.number), []).append(episode)
    for episode in new:
        if episode.number is None:
            continue
        key = (episode.season, episode.number)
        for other in numbered.get(key, []):
            if other.docname == episode.docname:
                continue
            first, later = sorted((other, episode), key=_position)
            season = f" of season {episode.season}" if episode.season is not None else ""
            warn(
                f"episode number {episode.number}{season} is also used by {first.docname!r}",
                Subtype.duplicate_number,
                (later.docname, later.lineno),
            )
        numbered.setdefault(key, []).append(episode)


def _on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    domain = env.get_domain("podcast")
    assert isinstance(domain, PodcastDomain)
    domain.begin_build()


def _on_check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """One warning per name that two speakers share (the first declared keeps it)."""
    domain = env.get_domain("podcast")
    assert isinstance(domain, PodcastDomain)
    conf_py = Path(app.confdir) / "conf.py"
    for spelling, owner, other in domain.speaker_table().clashes:
        message = (
            f"speaker {other.key!r} is also called {spelling!r}, which already means "
            f"speaker {owner.key!r}; {spelling!r} stays with {owner.key!r}"
        )
        if other.docname:
            warn(message, Subtype.duplicate_speaker, (other.docname, other.lineno))
        else:
            warn_config(message, conf_py, "podcast_speakers", other.key, Subtype.duplicate_speaker)


def _on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Re-write episode pages when the speakers they resolve names against have changed."""
    domain = env.get_domain("podcast")
    assert isinstance(domain, PodcastDomain)
    fingerprint = domain.speaker_table().fingerprint()
    if fingerprint == domain.data["speaker_fingerprint"]:
        return []
    domain.data["speaker_fingerprint"] = fingerprint
    return sorted(set(domain.episodes) & set(env.found_docs))


def setup_domain(app: Sphinx) -> None:
    app.add_domain(PodcastDomain)
    app.connect("env-before-read-docs", _on_env_before_read_docs)
    app.connect("env-updated", _on_env_updated)
    app.connect("env-check-consistency", _on_check_consistency)
