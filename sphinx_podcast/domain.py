"""The ``podcast`` domain: every piece of data that crosses pages.

Episodes, speaker profiles, the speaker references of each page's turns and
what cross-page data each page shows are noted at read time, per document,
and merged from parallel readers. Duplicates get one warning each, about
the entry with the larger (docname, line), whichever process finds them, so
a ``-j`` build warns exactly like a serial one; every entry is kept, so
removing the winner lets the next one take its place.

Pages that show other pages' data (lists, profiles, the previous/next links
of an episode, speaker names in turns) are re-written at ``env-updated``
exactly when a fingerprint of that data changes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Set
from dataclasses import replace
from pathlib import Path
from typing import Any

import babel
import babel.dates
from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import is_role_registered
from sphinx.util.i18n import format_date
from sphinx.util.nodes import make_refnode

from . import nodes as pn
from .catalog import Catalog
from .config import get_config, warn_config
from .inputs import InputValueError, whole_number
from .locale import _
from .model import (
    Episode,
    Soundbite,
    Speaker,
    TimeFormatError,
    format_seconds_attr,
    format_time,
    normalize_name,
    parse_time,
)
from .moments import (
    moment_label,
    moment_reference,
    names_a_moment,
    on_missing_reference,
    page_in_output,
    split_moment,
    warn_unknown_moment,
)
from .roles import EpisodeRole, SpeakerRole, TimeRole, TurnRole
from .warnings_ import Subtype, info, warn

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
            key: min(by_doc.values(), key=lambda s: (s.docname in generated, *_position(s)))
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
            for profile in sorted(self.profiles.values(), key=_position):
                base = merged.get(profile.key)
                merged[profile.key] = _overlay(base, profile) if base else profile
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
            _warn_duplicate_profile(speaker, by_doc[speaker.docname])
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
        exports.py; stored flat, see :meth:`feed_turns`)."""
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
        groups: dict[tuple[int | None, int], list[Episode]] = {}
        for episode in self.episodes.values():
            # a trailer or bonus may carry the number of the episode it belongs to
            if episode.number is not None and episode.type == "full":
                groups.setdefault((episode.season, episode.number), []).append(episode)
        for (season, number), group in sorted(groups.items(), key=lambda g: str(g[0])):
            first, *later = sorted(group, key=_position)
            for episode in later:
                if {first.docname, episode.docname} & self._reading:
                    in_season = f" of season {season}" if season is not None else ""
                    warn(
                        f"episode number {number}{in_season} is also used by {first.docname!r}",
                        Subtype.duplicate_number,
                        (episode.docname, episode.lineno),
                    )
        for _key, by_doc in sorted(self.data["profiles"].items()):
            if not by_doc:  # its pages were removed
                continue
            first_profile, *other_profiles = sorted(by_doc.values(), key=_position)
            for profile in other_profiles:
                if {first_profile.docname, profile.docname} & self._reading:
                    _warn_duplicate_profile(profile, first_profile)

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
        if typ == "speaker":
            return self._resolve_speaker(fromdocname, builder, target, node, contnode)
        if typ == "episode":
            return self._resolve_episode(fromdocname, builder, target, node, contnode)
        if typ == "t":
            refdoc = node.get("refdoc", fromdocname)
            with contextlib.suppress(TimeFormatError):
                parse_time(target)
                return _time_reference(target, node, contnode, builder)
            if any(self.find_episode(e, refdoc) for e, _moment in split_moment(target)):
                return self._resolve_moment(fromdocname, builder, target, node, contnode)
            if names_a_moment(target):
                return None  # perhaps another project's (intersphinx), else a warning
            return _time_reference(target, node, contnode, builder)  # warns: a bad time
        if typ == "turn":
            return self._resolve_moment(fromdocname, builder, target, node, contnode)
        return None

    def find_moment(self, target: str, refdoc: str) -> tuple[Episode, float | None, str] | None:
        """(episode, seconds, anchor) of ``EPISODE:TIME``, ``EPISODE:turn-N``,
        ``EPISODE:soundbite-N`` or a label placed on a turn; None if there is none."""
        for episode_part, moment in split_moment(target):
            found = self.find_episode(episode_part, refdoc)
            if found is None:
                continue
            episode = found[0]
            try:
                return episode, parse_time(moment), ""
            except TimeFormatError:
                pass
            for soundbite in self.soundbites.get(episode.docname, ()):
                if soundbite.anchor == moment:
                    return episode, soundbite.start, moment
            turns = sum(self.data["turn_refs"].get(episode.docname, {}).values())
            if moment.startswith("turn-"):
                with contextlib.suppress(InputValueError):  # "turn-²", 5,000 digits: no turn
                    if whole_number(moment.removeprefix("turn-"), minimum=1) <= turns:
                        return episode, None, moment
        label = self.env.get_domain("std").data["labels"].get(target.lower())
        if label and label[0] in self.episodes and label[1]:
            return self.episodes[label[0]], None, label[1]
        return None

    def _resolve_moment(
        self,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.Element | None:
        found = self.find_moment(target, node.get("refdoc", fromdocname))
        if found is None:
            return None
        episode, seconds, anchor = found
        label = moment_label(node, contnode, episode.title or episode.docname, seconds)
        return moment_reference(builder, fromdocname, episode, seconds, anchor, label)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Speakers only: an episode is a page, which ``any`` already finds as a doc or label."""
        speaker = self.speaker_table().find(target)
        if speaker is None or not page_in_output(self.env, builder, speaker.docname):
            return []
        ref = make_refnode(
            builder, fromdocname, speaker.docname, speaker.anchor, contnode, speaker.name
        )
        return [("podcast:speaker", ref)]

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Episodes (landing on the page's title) and speaker profiles, for the search
        index and objects.inv; anchors chosen so that the search page can rebuild them
        (see :func:`searchable_anchor`)."""
        for docname, episode in sorted(self.episodes.items()):
            title = episode.title or docname
            anchor = searchable_anchor([episode.title_id], docname, "episode", title)
            yield (docname, title, "episode", docname, anchor, 1)
        for key, speaker in sorted(self.profiles.items()):
            candidates = [speaker.anchor, profile_search_id(speaker.anchor)]
            anchor = searchable_anchor(candidates, key, "speaker", speaker.name)
            yield (key, speaker.name, "speaker", speaker.docname, anchor, 1)

    # -- resolving -------------------------------------------------------------

    def find_episode(self, target: str, refdoc: str) -> tuple[Episode, str] | None:
        """An episode by docname (relative to *refdoc*, or absolute with ``/``) or by label."""
        if target.startswith("/"):
            episode = self.episodes.get(target[1:])
            return (episode, episode.anchor) if episode else None
        directory = refdoc.rpartition("/")[0]
        for candidate in (f"{directory}/{target}" if directory else target, target):
            candidate = _normalize_docname(candidate)
            if candidate in self.episodes:
                episode = self.episodes[candidate]
                return episode, episode.anchor
        labels = self.env.get_domain("std").data["labels"]
        label = labels.get(target.lower())
        if label and label[0] in self.episodes:
            docname, label_id, _section = label
            return self.episodes[docname], label_id
        return None

    def _resolve_episode(
        self,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        found = self.find_episode(target, node.get("refdoc", fromdocname))
        if found is None:
            return None
        episode, anchor = found
        if not node.get("refexplicit"):
            title = episode.title or episode.docname
            contnode = nodes.inline(title, title, classes=["podcast-episode-ref"])
        return make_refnode(builder, fromdocname, episode.docname, anchor, contnode, episode.title)

    def _resolve_speaker(
        self,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.Element | None:
        speaker = self.speaker_table().find(target)
        if speaker is None:
            return None  # Sphinx asks intersphinx and others, then warn-missing-reference
        text = contnode.astext() if node.get("refexplicit") else speaker.name
        label = nodes.inline(text, text, classes=["podcast-speaker-ref"])
        if speaker.docname and page_in_output(self.env, builder, speaker.docname):
            return make_refnode(
                builder, fromdocname, speaker.docname, speaker.anchor, label, speaker.name
            )
        if speaker.url:
            return nodes.reference("", "", label, refuri=speaker.url, reftitle=speaker.name)
        return label


def searchable_anchor(candidates: list[str], name: str, objtype: str, shown: str) -> str:
    """The first of *candidates* (ids of the object's element) that Sphinx's search
    page links to correctly; "" when none does.

    The search index shortens an anchor equal to the object's *name* to "" and one
    equal to ``objtype-name`` to "-", but the search page expands those with the
    name it *shows* (Sphinx issue #10380): ``speaker-ada`` of Ada Lindqvist would
    come back as ``#speaker-Ada Lindqvist``, and "" as ``#Ada Lindqvist``. So such
    an anchor only works when the shown name is the name.
    """
    for anchor in candidates:
        if anchor and (shown == name or anchor not in (name, f"{objtype}-{name}")):
            return anchor
    return ""


def profile_search_id(anchor: str) -> str:
    """The second id of a speaker profile (``speaker-ada`` -> ``profile-ada``): where
    search results link when the first cannot be used (see :func:`searchable_anchor`)."""
    return "profile-" + anchor.removeprefix("speaker-")


def format_episode_date(date: dt.date, date_format: str, language: str) -> str:
    """*date* in *language*: with *date_format* (strftime-style codes) the way Sphinx
    formats ``today``; without one, in the language's own long form from CLDR
    ("May 1, 2025", "1. Mai 2025", "2025年5月1日")."""
    if date_format:
        if not isinstance(date, dt.datetime):
            date = dt.datetime(date.year, date.month, date.day)
        return format_date(date_format, date=date, language=language)
    day = date.date() if isinstance(date, dt.datetime) else date
    try:
        locale = babel.Locale.parse(language.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError):
        locale = babel.Locale("en")  # as Sphinx does for a language Babel does not know
    return babel.dates.format_date(day, "long", locale=locale)


def _normalize_docname(docname: str) -> str:
    parts: list[str] = []
    for part in docname.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return "/".join(parts)


def _time_reference(
    target: str, node: pending_xref, contnode: Element, builder: Builder
) -> nodes.Element:
    """``{t}`12:34``: a link that seeks the page's player (plain ``[12:34]`` outside HTML)."""
    try:
        seconds = parse_time(target)
    except TimeFormatError as error:
        warn(f"t role: {error}", Subtype.bad_time, node)
        return nodes.inline(target, target)
    shown = contnode.astext() if node.get("refexplicit") else format_time(seconds)
    if builder.format != "html":
        return nodes.inline(f"[{shown}]", f"[{shown}]", classes=["podcast-time"])
    return pn.time_link(
        shown,
        shown,
        refuri=f"#t={format_seconds_attr(seconds)}",
        classes=["podcast-time"],
        label=_("Play from %s") % shown,
    )


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


def podcast_xref(
    reftype: str,
    target: str,
    text: str,
    refdoc: str,
    *,
    explicit: bool = True,
    location: nodes.Node | None = None,
) -> pending_xref:
    """A link for this domain to resolve (speaker, episode or t), shown as *text*.

    *location* (source and line) is where a warning about an unknown target points.
    """
    xref = pending_xref(
        "",
        nodes.inline(text, text),
        refdomain="podcast",
        reftype=reftype,
        reftarget=target,
        refexplicit=explicit,
        refdoc=refdoc,
        refwarn=not explicit,
    )
    if location is not None:
        xref.source, xref.line = location.source, location.line
    return xref


def get_podcast_domain(env: BuildEnvironment) -> PodcastDomain:
    domain = env.get_domain("podcast")
    assert isinstance(domain, PodcastDomain)
    return domain


def _on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    get_podcast_domain(env).begin_build(docnames)


def _on_check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """One warning per name that two speakers share (the first declared keeps it)."""
    domain = get_podcast_domain(env)
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


def page_view(domain: PodcastDomain, docname: str, shows: Iterable[str]) -> str:
    """A fingerprint of the other pages' data that *docname* displays."""
    catalog = domain.catalog()
    parts = []
    for what in sorted(shows):
        if what == "speakers":
            parts.append(catalog.speakers_view())
        elif what == "titles":
            parts.append(catalog.titles_view())
        elif what == "episode":
            parts.append(catalog.episode_view(docname))
        elif what == "profiles":
            keys = [k for k, s in domain.profiles.items() if s.docname == docname]
            parts.append(catalog.profiles_view(keys))
        elif what == "episode-list":
            parts.append(catalog.episode_list_view())
        elif what == "speaker-list":
            parts.append(catalog.speaker_list_view())
        elif what == "soundbite-list":
            parts.append(catalog.soundbite_list_view())
    return "|".join(parts)


def _on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages whose view of other pages changed: Sphinx writes them again."""
    domain = get_podcast_domain(env)
    domain.warn_duplicates()
    views: dict[str, str] = domain.data["views"]
    for docname in [d for d in views if d not in domain.data["shows"]]:
        del views[docname]
    changed = []
    for docname, shows in sorted(domain.data["shows"].items()):
        view = page_view(domain, docname, shows)
        if views.get(docname) != view:
            views[docname] = view
            changed.append(docname)
    return changed


def _on_warn_missing_reference(app: Sphinx, domain: Domain, node: pending_xref) -> bool | None:
    """Unknown speakers and episodes get a podcast warning that nitpick_ignore also silences."""
    if domain is None or domain.name != "podcast":
        return None
    reftype, target = node["reftype"], node["reftarget"]
    config = app.config
    if (f"podcast:{reftype}", target) in set(map(tuple, config.nitpick_ignore)):
        return True
    for type_pattern, target_pattern in config.nitpick_ignore_regex:
        if re.fullmatch(type_pattern, f"podcast:{reftype}") and re.fullmatch(
            target_pattern, target
        ):
            return True
    if reftype == "speaker":
        warn(
            f"unknown speaker {target!r}: not in podcast_speakers nor a speaker directive",
            Subtype.unknown_speaker,
            node,
        )
    elif reftype in ("turn", "t"):
        warn_unknown_moment(get_podcast_domain(app.env), target, node)
    else:
        warn(f"unknown episode {target!r}", Subtype.unknown_episode, node)
    return True


def setup_domain(app: Sphinx) -> None:
    app.add_domain(PodcastDomain)
    for name, role in PodcastDomain.roles.items():
        if is_role_registered(name):
            info(
                f"sphinx-podcast: the role name {name!r} belongs to another extension; "
                f"use 'podcast:{name}' for ours"
            )
        else:
            app.add_role(name, role)
    app.connect("env-before-read-docs", _on_env_before_read_docs)
    app.connect("env-updated", _on_env_updated)
    app.connect("env-check-consistency", _on_check_consistency)
    app.connect("warn-missing-reference", _on_warn_missing_reference)
    # after intersphinx's own handler (which knows no moments)
    app.connect("missing-reference", on_missing_reference, priority=600)
