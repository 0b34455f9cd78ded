"""The ``podcast`` domain: every piece of data that crosses pages.

Episodes, speaker profiles, the speaker references of each page's turns and
what cross-page data each page shows are noted at read time, per document,
and merged from parallel readers. Duplicates get one warning each, about
the entry with the larger (docname, line), whichever process finds them, so
a ``-j`` build warns exactly like a serial one (:mod:`.duplicate_warnings`);
every entry is kept, so removing the winner lets the next one take its place.

What the domain's links name and become is in :mod:`.references`; what it does
at the build's events (pages re-written when their view of other pages changes)
is in :mod:`.domain_events`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Set
from dataclasses import replace
from typing import Any

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment

from . import references
from .catalog import Catalog
from .config import get_config
from .duplicate_warnings import (
    page_and_line,
    warn_duplicate_numbers,
    warn_duplicate_profile,
    warn_duplicate_profiles,
)
from .episode_dates import format_episode_date
from .locale import _
from .model import Episode, Soundbite, Speaker
from .roles import EpisodeRole, SpeakerRole, TimeRole, TurnRole
from .search_anchors import profile_search_id, searchable_anchor
from .speaker_table import SpeakerTable, overlay_profile

# What a page can show of other pages; see PodcastDomain.note_shows.
SHOWS = (
    "speakers",
    "titles",
    "episode",
    "profiles",
    "episode-list",
    "speaker-list",
    "soundbite-list",
)


class PodcastDomain(Domain):
    name = "podcast"
    label = "Podcast"
    object_types = {
        # Translators: kinds of object in search results and the index
        "episode": ObjType(_("episode"), "episode"),
        # Translators: kinds of object in search results and the index
        "speaker": ObjType(_("speaker"), "speaker"),
    }
    roles = {
        "speaker": SpeakerRole(warn_dangling=True),
        "episode": EpisodeRole(warn_dangling=True),
        # warn_dangling: an EPISODE:TIME of no episode warns (see moments.warn_unknown_moment)
        "t": TimeRole(warn_dangling=True),
        "turn": TurnRole(warn_dangling=True),
    }
    initial_data = {
        "episodes": {},  # docname -> Episode
        "profiles": {},  # key -> {docname: Speaker} (from `speaker` directives)
        "turn_refs": {},  # docname -> {speaker reference as written: number of turns}
        "shows": {},  # docname -> set of SHOWS: the cross-page data the page displays
        "views": {},  # docname -> fingerprint of that data when the page was last written
        "feed": {},  # docname -> what the feed needs of an episode page (see note_feed)
        "dates": {},  # (ISO date, format, language) -> the date as pages show it
        "generated": {},  # docname -> speaker key: the speaker pages sphinx-podcast wrote
        "airtime": {},  # docname -> {speaker reference as written: seconds on air}
        "soundbites": {},  # docname -> tuple of Soundbite, in page order
    }
    data_version = 6

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._table: SpeakerTable | None = None
        self._catalog: Catalog | None = None
        # Documents read in this build (duplicates are warned about for these).
        self._reading: set[str] = set()
        self.read_list: list[str] = []

    # -- typed accessors -------------------------------------------------

    @property
    def episodes(self) -> dict[str, Episode]:
        return self.data["episodes"]

    @property
    def profiles(self) -> dict[str, Speaker]:
        """The profile in effect for each key: the first written one by page and line,
        else the generated page's."""
        generated = self.data["generated"]
        return {
            key: min(by_doc.values(), key=lambda s: (s.docname in generated, *page_and_line(s)))
            for key, by_doc in self.data["profiles"].items()
            if by_doc
        }

    def written_profile_keys(self) -> set[str]:
        """Keys with a ``speaker`` directive on a page the author wrote."""
        generated = self.data["generated"]
        return {
            key
            for key, by_doc in self.data["profiles"].items()
            if any(docname not in generated for docname in by_doc)
        }

    def note_generated_page(self, docname: str, key: str) -> None:
        self.data["generated"][docname] = key
        self._changed()

    @property
    def soundbites(self) -> dict[str, tuple[Soundbite, ...]]:
        return self.data["soundbites"]

    def note_soundbite(self, soundbite: Soundbite) -> None:
        page = self.data["soundbites"].get(soundbite.docname, ())
        self.data["soundbites"][soundbite.docname] = (*page, soundbite)
        self._catalog = None

    def note_airtime(self, docname: str, seconds: dict[str, float]) -> None:
        """Seconds on air of each speaker reference of the page (see transforms)."""
        self.data["airtime"][docname] = seconds
        self._catalog = None

    def speaker_table(self) -> SpeakerTable:
        """Speakers of conf.py overlaid with the ``speaker`` directives' profiles."""
        if self._table is None:
            merged: dict[str, Speaker] = dict(get_config(self.env.config).speakers)
            for profile in sorted(self.profiles.values(), key=page_and_line):
                base = merged.get(profile.key)
                merged[profile.key] = overlay_profile(base, profile) if base else profile
            self._table = SpeakerTable(merged.values())
        return self._table

    def catalog(self) -> Catalog:
        """Cross-page answers (order, appearances, fingerprints) for the current data."""
        if self._catalog is None:
            table = self.speaker_table()
            references: set[str] = set()
            for counts in self.data["turn_refs"].values():
                references.update(counts)
            for episode in self.episodes.values():
                references.update(episode.hosts, episode.guests)
            for page in self.data["soundbites"].values():
                references.update(sb.speaker for sb in page)
            resolve = {}
            for reference in references:
                speaker = table.find(reference)
                if speaker is not None:
                    resolve[reference] = speaker.key
            self._catalog = Catalog(
                episodes=self.episodes,
                speakers=table.speakers,
                resolve=resolve,
                turn_refs=self.data["turn_refs"],
                airtime=self.data["airtime"],
                soundbites=self.data["soundbites"],
            )
        return self._catalog

    def _changed(self) -> None:
        self._table = None
        self._catalog = None

    # -- noting data at read time ------------------------------------------

    def note_episode(self, episode: Episode) -> None:
        self.episodes[episode.docname] = episode
        self._changed()

    def set_episode_title(self, docname: str, title: str, title_id: str = "") -> None:
        episode = self.episodes.get(docname)
        if episode is not None and (episode.title, episode.title_id) != (title, title_id):
            self.episodes[docname] = replace(episode, title=title, title_id=title_id)
            self._changed()

    def set_episode_texts(self, docname: str, *, summary: str) -> None:
        """The summary as the page has it once read (translated on a translated page)."""
        episode = self.episodes.get(docname)
        if episode is not None and episode.summary != summary:
            self.episodes[docname] = replace(episode, summary=summary)
            self._changed()

    def set_profile_texts(
        self, key: str, docname: str, *, role: str | None, bio: str | None
    ) -> None:
        """The role and bio of the profile of *key* on *docname* as the page has them once
        read (translated on a translated page); None leaves a value as it is."""
        speaker = self.data["profiles"].get(key, {}).get(docname)
        if speaker is None:
            return
        changes = {
            name: value
            for name, value in (("role", role), ("bio", bio))
            if value is not None and value != getattr(speaker, name)
        }
        if changes:
            self.data["profiles"][key][docname] = replace(speaker, **changes)
            self._changed()

    def note_profile(self, speaker: Speaker) -> bool:
        """Register a profile; False if the page already has one for this key.

        Profiles of one key on different pages are all kept (the first by page
        and line is in effect) and warned about once all pages are read.
        """
        by_doc: dict[str, Speaker] = self.data["profiles"].setdefault(speaker.key, {})
        if speaker.docname in by_doc:
            warn_duplicate_profile(speaker, by_doc[speaker.docname])
            return False
        by_doc[speaker.docname] = speaker
        self._changed()
        return True

    def note_turn(self, docname: str, reference: str) -> None:
        counts = self.data["turn_refs"].setdefault(docname, {})
        counts[reference] = counts.get(reference, 0) + 1
        self._catalog = None

    def note_feed(self, docname: str, **values: Any) -> None:
        """Facts of an episode page the feed needs after reading: ``audio_length``,
        ``audio_type``, ``audio_line`` (options), ``turns`` and ``sections`` (see
        episode_files.py; stored flat, see :meth:`feed_turns`)."""
        if "turns" in values:
            values["turns"] = tuple(item for turn in values["turns"] for item in turn)
        if "sections" in values:
            values["sections"] = tuple(item for section in values["sections"] for item in section)
        self.data["feed"].setdefault(docname, {}).update(values)

    def feed_note(self, docname: str) -> dict[str, Any]:
        return self.data["feed"].get(docname, {})

    # Turns and sections are kept as one flat tuple each: the environment is loaded
    # whole by every build, and thousands of small tuples cost the garbage collector.

    def feed_turns(self, docname: str) -> list[tuple[str, bool, float | None, int]]:
        """(speaker reference, from a directive, start, chapter index) of the noted turns."""
        flat = self.feed_note(docname).get("turns", ())
        return list(zip(flat[0::4], flat[1::4], flat[2::4], flat[3::4], strict=True))

    def feed_sections(self, docname: str) -> list[tuple[str, str]]:
        """(title, id) of the page's chapters (its top sections after the header)."""
        flat = self.feed_note(docname).get("sections", ())
        return list(zip(flat[0::2], flat[1::2], strict=True))

    def formatted_date(self, date: dt.date, date_format: str, language: str) -> str:
        """*date* as pages show it, remembered across builds: formatting the first date
        in a process loads the language's CLDR data (Babel), which a rebuild that only
        shows dates already seen does not need."""
        key = (date.isoformat(), date_format, language)
        text: str | None = self.data["dates"].get(key)
        if text is None:
            text = format_episode_date(date, date_format, language)
            self.data["dates"][key] = text
        return text

    def note_shows(self, docname: str, what: str) -> None:
        """Page *docname* displays data of other pages (one of SHOWS)."""
        self.data["shows"].setdefault(docname, set()).add(what)

    def begin_build(self, docnames: Iterable[str]) -> None:
        self._reading = set(docnames)
        if isinstance(docnames, list):
            # Sphinx's own list of the pages it reads (and then writes): a generated
            # page removed after reading must leave it (see speaker_pages)
            self.read_list = docnames

    @property
    def reading(self) -> set[str]:
        """The pages read in this build."""
        return self._reading

    def warn_duplicates(self) -> None:
        """After reading: one warning per page whose episode number or profile key an
        earlier page (by name and line) already has, if either page was read in this
        build. One place, after all readers merged: -j warns exactly like a serial build.
        """
        warn_duplicate_numbers(self.episodes.values(), self._reading)
        warn_duplicate_profiles(self.data["profiles"], self._reading)

    # -- Domain API ----------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        self.episodes.pop(docname, None)
        for by_doc in self.data["profiles"].values():
            by_doc.pop(docname, None)
        self.data["turn_refs"].pop(docname, None)
        self.data["shows"].pop(docname, None)
        self.data["feed"].pop(docname, None)
        self.data["generated"].pop(docname, None)
        self.data["airtime"].pop(docname, None)
        self.data["soundbites"].pop(docname, None)
        self._changed()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname, episode in otherdata["episodes"].items():
            if docname in docnames:
                self.episodes[docname] = episode
        for key, incoming in otherdata["profiles"].items():
            by_doc = self.data["profiles"].setdefault(key, {})
            by_doc.update({d: s for d, s in incoming.items() if d in docnames})
        for name in ("turn_refs", "shows", "feed", "generated", "airtime", "soundbites"):
            for docname, value in otherdata[name].items():
                if docname in docnames:
                    self.data[name][docname] = value
        self.data["dates"].update(otherdata["dates"])
        self._changed()

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
        return references.resolve_podcast_xref(
            self, fromdocname, builder, typ, target, node, contnode
        )

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        return references.resolve_any_speaker(self, fromdocname, builder, target, contnode)

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Episodes (landing on the page's title) and speaker profiles, for the search
        index and objects.inv; anchors chosen so that the search page can rebuild them
        (see :func:`.search_anchors.searchable_anchor`)."""
        for docname, episode in sorted(self.episodes.items()):
            title = episode.title or docname
            anchor = searchable_anchor([episode.title_id], docname, "episode", title)
            yield (docname, title, "episode", docname, anchor, 1)
        for key, speaker in sorted(self.profiles.items()):
            candidates = [speaker.anchor, profile_search_id(speaker.anchor)]
            anchor = searchable_anchor(candidates, key, "speaker", speaker.name)
            yield (key, speaker.name, "speaker", speaker.docname, anchor, 1)

    def find_episode(self, target: str, refdoc: str) -> tuple[Episode, str] | None:
        """An episode by docname (relative to *refdoc*, or absolute with ``/``) or by label."""
        return references.find_episode(self, target, refdoc)


def get_podcast_domain(env: BuildEnvironment) -> PodcastDomain:
    domain = env.get_domain("podcast")
    assert isinstance(domain, PodcastDomain)
    return domain
