"""Highlights found in their episode, noted for the site, and shown.

At read time (called by the episode page transform, which knows the page's
turns in order) each ``soundbite`` directive or role is matched to its turn:
the turn it is written in or after, else the one its ``turn`` or ``time``
option names, else the turn whose text holds the quote. Its start and
duration come from the turn times; the domain keeps it for other pages and
the feed. After reading, :class:`SoundbiteContent` gives each highlight its
caption (speaker, episode, a link to the moment), fills the ``soundbites``
and ``soundbite-list`` placeholders and a speaker's highlights, and puts an
episode's list at its top when ``podcast_soundbites_auto`` asks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import is_role_registered

from . import nodes as pn
from .blocks import block_elements
from .compat import get_builder
from .config import get_config
from .domain import PodcastDomain, get_podcast_domain, podcast_xref, seeks
from .inputs import InputValueError, whole_number
from .locale import _
from .model import (
    Soundbite,
    TimeFormatError,
    format_time,
    normalize_name,
    parse_time,
    time_text,
)
from .quoting import quote_in
from .warnings_ import Subtype, info, warn

#: (speaker reference as written, start or None, the turn's node) of a page's turns
Timeline = Sequence[tuple[str, float | None, nodes.Element]]


def _line(node: nodes.Element, option: str) -> tuple[str, int | None]:
    lines: dict[str, int] = node.get("option_lines", {})
    return (node["docname"], lines.get(option, node.line))


def _time(node: nodes.Element, option: str, text: str) -> float | None:
    if not text:
        return None
    try:
        return parse_time(text)
    except TimeFormatError as error:
        warn(f"soundbite {option}: {error}", Subtype.bad_time, _line(node, option))
        return None


def note_soundbites(
    env: BuildEnvironment,
    timeline: Timeline,
    placed: list[tuple[nodes.Element, int | None]],
    turn_text: Callable[[int], str],
    duration: float | None,
) -> None:
    """Match each highlight of an episode page to its turn and note it in the domain.

    *placed*: each ``soundbite`` or ``soundbite_mark`` node with the index (in
    *timeline*) of the turn it is written in or right after, else None.
    """
    domain = get_podcast_domain(env)
    starts = sorted(start for _ref, start, _node in timeline if start is not None)
    for node, index in placed:
        mark = isinstance(node, pn.soundbite_mark)
        where = "turn" if index is not None else "block"
        if index is None:
            index = _find_turn(node, timeline, turn_text)
        elif not quote_in(node["text"], turn_text(index)) and not mark:
            _warn_not_in_turn(node, timeline[index])
        start = _time(node, "time", node.get("time_text", ""))
        if start is None and index is not None:
            start = timeline[index][1]
        length = _time(node, "duration", node.get("duration_text", ""))
        if length is None and start is not None:
            end = next((s for s in starts if s > start), duration)
            length = end - start if end is not None and end > start else None
        speaker = node.get("speaker_ref", "") or (timeline[index][0] if index is not None else "")
        node["speaker_ref"] = speaker
        node["turn_speaker"] = timeline[index][0] if index is not None else ""
        node["start"] = start
        domain.note_soundbite(
            Soundbite(
                docname=node["docname"],
                anchor=node["ids"][0],
                text=node["text"],
                speaker=speaker,
                start=start,
                duration=length,
                tags=tuple(node.get("tags", ())),
                lineno=node.line or 0,
                placed="mark" if mark else where,
            )
        )


def _find_turn(
    node: nodes.Element, timeline: Timeline, turn_text: Callable[[int], str]
) -> int | None:
    """The turn a highlight written outside the turns names (``turn``, ``time``) or quotes."""
    quote = node["text"]
    turn_ref = node.get("turn_ref", "")
    if turn_ref:
        try:  # ASCII digits, bounded: "turn-²" or 5,000 digits made int() raise
            number = whole_number(turn_ref.removeprefix("turn-"), minimum=1)
        except InputValueError:
            number = 0
        if not 0 < number <= len(timeline):
            warn(
                f"soundbite turn {turn_ref!r}: the page has no such turn "
                f"(turn-1 … turn-{len(timeline)})",
                Subtype.soundbite,
                _line(node, "turn"),
            )
            return None
        index = number - 1
        if not quote_in(quote, turn_text(index)):
            _warn_not_in_turn(node, timeline[index])
        return index
    time_value = node.get("time_text", "")
    if time_value:
        try:
            moment = parse_time(time_value)
        except TimeFormatError:
            return None  # warned about with the start
        timed = [i for i, (_r, start, _n) in enumerate(timeline) if start is not None]
        before = [i for i in timed if (timeline[i][1] or 0.0) <= moment]
        if not before:
            warn(
                f"soundbite time {time_value} is before the first timed turn",
                Subtype.soundbite,
                _line(node, "time"),
            )
            return None
        first = before[-1]
        later = [i for i in timed if i > first]
        span = range(first, later[0] if later else len(timeline))
        for index in span:  # the timed turn, or an untimed one after it
            if quote_in(quote, turn_text(index)):
                return index
        _warn_not_in_turn(node, timeline[first])
        return first
    speaker = normalize_name(node.get("speaker_ref", ""))
    for index in range(len(timeline)):
        if speaker and normalize_name(timeline[index][0]) != speaker:
            continue
        if quote_in(quote, turn_text(index)):
            return index
    warn(
        "soundbite: no turn of this page says "
        + (f"{_short(quote)!r}" if quote else "it")
        + (f" (as {node['speaker_ref']})" if speaker else "")
        + "; give its :time: or :turn:",
        Subtype.soundbite,
        node,
    )
    return None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _warn_not_in_turn(node: nodes.Element, turn: tuple[str, float | None, nodes.Element]) -> None:
    reference, start, turn_node = turn
    when = f" at {format_time(start)}" if start is not None else ""
    where = f" (line {turn_node.line})" if turn_node.line else ""
    warn(
        f"soundbite {_short(node['text'])!r} is not in the turn of {reference}{when}{where}",
        Subtype.soundbite,
        node,
    )


# -- after reading: captions, lists ---------------------------------------------------


def moment_link(sb: Soundbite, refdoc: str, *, seek: bool = True) -> nodes.Node:
    """The time of a highlight, a link to its moment: where a player can *seek*, its
    time (the player seeks there); else the highlight itself."""
    shown = format_time(sb.start) if sb.start is not None else _("Go to the quote")
    target = time_text(sb.start) if sb.start is not None and seek else sb.anchor
    xref = podcast_xref("turn", f"/{sb.docname}:{target}", shown, refdoc)
    xref["classes"].append("podcast-soundbite-link")
    return xref


def caption(
    sb: Soundbite, refdoc: str, domain: PodcastDomain, *, episode: bool, seek: bool = True
) -> pn.soundbite_caption:
    """``Ada Example · Episode title · 12:34`` (the episode only where asked)."""
    line = pn.soundbite_caption(classes=["podcast-soundbite-caption"])
    speaker = domain.speaker_table().find(sb.speaker) if sb.speaker else None
    parts: list[nodes.Node] = []
    if speaker is not None:
        parts.append(podcast_xref("speaker", speaker.key, speaker.name, refdoc))
    elif sb.speaker:
        parts.append(nodes.inline(sb.speaker, sb.speaker))
    if episode:
        found = domain.episodes.get(sb.docname)
        title = (found.title if found else "") or sb.docname
        parts.append(podcast_xref("episode", "/" + sb.docname, title, refdoc))
    parts.append(moment_link(sb, refdoc, seek=seek))
    for index, part in enumerate(parts):
        if index:
            line += nodes.Text(" · ")
        line += part
    return line


def entry(
    sb: Soundbite, refdoc: str, domain: PodcastDomain, *, episode: bool, seek: bool = True
) -> pn.soundbite:
    """A highlight as a list shows it: the quote and its caption."""
    table = domain.speaker_table()
    speaker = table.find(sb.speaker) if sb.speaker else None
    colour = table.colours.get(speaker.key, 7) if speaker else 7
    node = pn.soundbite(
        classes=["podcast-soundbite", f"podcast-color-{colour}"],
        speaker=speaker.key if speaker else "",
        start=sb.start,
        docname=sb.docname,
    )
    quote = nodes.block_quote(classes=["podcast-soundbite-quote"])
    quote += nodes.paragraph(sb.text, sb.text)
    node += quote
    node += caption(sb, refdoc, domain, episode=episode, seek=seek)
    return node


def _soundbite_keys(sb: Soundbite, domain: PodcastDomain) -> str:
    speaker = domain.speaker_table().find(sb.speaker) if sb.speaker else None
    return speaker.key if speaker else ""


class SoundbiteContent(SphinxPostTransform):
    """Captions, the page's list (or the automatic one), the site's lists."""

    default_priority = 6  # before ReferencesResolver (10), which resolves our links

    def run(self, **kwargs: Any) -> None:
        domain = get_podcast_domain(self.env)
        self.domain = domain
        builder = get_builder(self.env)
        # a moment is a time where pages have a player to seek, else the quote's anchor
        self.seek = seeks(builder)
        found: list[nodes.Element] = []
        headers: list[pn.episode_header] = []
        for node in block_elements(self.document):
            if isinstance(
                node, pn.soundbite | pn.soundbites | pn.soundbite_list | pn.speaker_soundbites
            ):
                found.append(node)
            elif isinstance(node, pn.episode_header):
                headers.append(node)
        for node in found:
            if isinstance(node, pn.soundbite):
                self._caption(node)
            elif isinstance(node, pn.soundbites):
                self._fill_page_list(node, node["docname"])
            elif isinstance(node, pn.soundbite_list):
                self._fill_site_list(node)
            elif isinstance(node, pn.speaker_soundbites):
                self._fill_speaker(node)
        if get_config(self.config).soundbites_auto:
            for header in headers:
                self._auto_list(header, found)
        if builder.name == "singlehtml":
            self._page_unique_ids()

    def _page_unique_ids(self) -> None:
        """singlehtml puts every page on one: a highlight's id gets its page's name in
        front, as turns' ids do (links to it do the same)."""
        for node in list(self.document.findall(_is_soundbite)):
            assert isinstance(node, nodes.Element)
            docname = node.get("docname")
            if docname and node["ids"] and node["ids"][0].startswith("soundbite-"):
                node_id = f"{nodes.make_id(docname)}-{node['ids'][0]}"
                node["ids"][0] = node_id
                self.document.ids[node_id] = node

    def _of_page(self, docname: str) -> list[Soundbite]:
        return sorted(
            self.domain.soundbites.get(docname, ()),
            key=lambda sb: (sb.start is None, sb.start or 0.0, sb.anchor),
        )

    def _caption(self, node: pn.soundbite) -> None:
        if not node["ids"]:
            return  # an entry of a list: made with its caption
        docname = node["docname"]
        sb = next(
            (s for s in self.domain.soundbites.get(docname, ()) if s.anchor == node["ids"][0]),
            None,
        )
        if sb is None:
            return
        speaker = self.domain.speaker_table().find(sb.speaker) if sb.speaker else None
        node["speaker"] = speaker.key if speaker else ""
        node["start"] = sb.start
        colour = self.domain.speaker_table().colours.get(speaker.key, 7) if speaker else 7
        node["classes"].append(f"podcast-color-{colour}")
        turn_speaker = self.domain.speaker_table().find(node.get("turn_speaker", "") or "")
        if speaker is not None and turn_speaker is not None and speaker.key != turn_speaker.key:
            warn(
                f"soundbite of {speaker.name} quotes a turn of {turn_speaker.name}",
                Subtype.soundbite,
                node,
            )
        node += caption(sb, docname, self.domain, episode=False, seek=self.seek)

    def _entries(self, chosen: list[Soundbite], refdoc: str, *, episode: bool) -> list[nodes.Node]:
        return [entry(sb, refdoc, self.domain, episode=episode, seek=self.seek) for sb in chosen]

    def _fill_page_list(self, node: nodes.Element, docname: str) -> None:
        chosen = self._of_page(docname)
        if not chosen:
            node.parent.remove(node)
            return
        node.extend(self._entries(chosen, docname, episode=False))

    def _auto_list(self, header: pn.episode_header, found: list[nodes.Element]) -> None:
        docname = header.get("docname") or self.env.docname
        chosen = self._of_page(docname)
        if not chosen or any(isinstance(node, pn.soundbites) for node in found):
            return
        if all(sb.placed == "block" for sb in chosen):
            return  # the page shows its highlights where it wrote them
        title = _("Highlights")
        node = pn.soundbites(classes=["podcast-soundbites", "podcast-soundbites-auto"])
        node += nodes.rubric(title, title, classes=["podcast-soundbites-title"])
        node.extend(self._entries(chosen, docname, episode=False))
        header.parent.insert(header.parent.index(header) + 1, node)

    def _fill_speaker(self, node: pn.speaker_soundbites) -> None:
        key = node["key"]
        chosen = [
            sb
            for docname in self.domain.catalog().order[::-1]
            for sb in self._of_page(docname)
            if _soundbite_keys(sb, self.domain) == key
        ]
        if not chosen:
            node.parent.remove(node)
            return
        label = _("Highlights")
        node += nodes.paragraph("", "", nodes.strong(label, label), classes=["podcast-label"])
        holder = pn.soundbites(classes=["podcast-soundbites"])
        holder.extend(self._entries(chosen, node["docname"], episode=True))
        node += holder

    def _fill_site_list(self, node: pn.soundbite_list) -> None:
        refdoc = node["docname"]
        lines: dict[str, int] = node.get("option_lines", {})
        keys: set[str] = set()
        for reference in node["speakers"]:
            speaker = self.domain.speaker_table().find(reference)
            if speaker is None:
                warn(
                    f"soundbite-list: unknown speaker {reference!r}",
                    Subtype.unknown_speaker,
                    (refdoc, lines.get("speaker")),
                )
            else:
                keys.add(speaker.key)
        episodes: set[str] = set()
        for reference in node["episodes"]:
            episode = self.domain.find_episode(reference, refdoc)
            if episode is None:
                warn(
                    f"soundbite-list: unknown episode {reference!r}",
                    Subtype.unknown_episode,
                    (refdoc, lines.get("episode")),
                )
            else:
                episodes.add(episode[0].docname)
        tags = {normalize_name(tag) for tag in node["tags"]}
        chosen = []
        for docname in self.domain.catalog().order[::-1]:  # newest episode first
            if episodes and docname not in episodes:
                continue
            for sb in self._of_page(docname):
                if keys and _soundbite_keys(sb, self.domain) not in keys:
                    continue
                if tags and not tags & {normalize_name(tag) for tag in sb.tags}:
                    continue
                chosen.append(sb)
        if (node["speakers"] and not keys) or (node["episodes"] and not episodes):
            chosen = []
        if node["limit"]:
            chosen = chosen[: node["limit"]]
        if not chosen:
            text = _("No highlights match this list.")
            node += nodes.paragraph(text, text, classes=["podcast-soundbites-empty"])
            return
        node.extend(self._entries(chosen, refdoc, episode=True))


def _is_soundbite(node: nodes.Node) -> bool:
    return isinstance(node, pn.soundbite | pn.soundbite_mark)


def setup_soundbites(app: Sphinx) -> None:
    from .directives.soundbite import SoundbiteRole  # the directives are in the registry

    role = SoundbiteRole()
    app.add_role_to_domain("podcast", "soundbite", role)
    if is_role_registered("soundbite"):
        info(
            "sphinx-podcast: the role name 'soundbite' belongs to another extension; "
            "use 'podcast:soundbite' for ours"
        )
    else:
        app.add_role("soundbite", role)
    app.add_post_transform(SoundbiteContent)
