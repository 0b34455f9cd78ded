"""Filling in what a page shows of other pages, once every page is read.

Episode and speaker lists, a profile's "Appears in", an episode's previous
and next links and its guests' other episodes. Links are ``pending_xref``
nodes, so html, dirhtml, singlehtml and latex each get the right target.
Which pages need re-writing when this data changes is the domain's job
(``env-updated``); nothing is collected here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import nodes as pn
from .blocks import block_elements
from .catalog import Catalog, date_sort_key
from .compat import get_app
from .display import episode_date, meta_line
from .domain import PodcastDomain, get_podcast_domain
from .locale import _, ngettext
from .model import Episode, format_time, normalize_name
from .references import podcast_xref
from .warnings_ import Subtype, warn


def episode_link(episode: Episode, refdoc: str) -> pending_xref:
    return podcast_xref("episode", "/" + episode.docname, episode.title or episode.docname, refdoc)


def speaker_link(key: str, text: str, refdoc: str) -> pending_xref:
    return podcast_xref("speaker", key, text, refdoc)


def _joined(items: Sequence[nodes.Node], separator: str = ", ") -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for index, item in enumerate(items):
        if index:
            result.append(nodes.Text(separator))
        result.append(item)
    return result


_FILLED = (
    pn.episode_nav,
    pn.speaker_appearances,
    pn.episode_list,
    pn.speaker_list,
)


class CrossPageContent(SphinxPostTransform):
    default_priority = 6  # before ReferencesResolver (10), which resolves our links

    def run(self, **kwargs: Any) -> None:
        self.domain: PodcastDomain = get_podcast_domain(self.env)
        self.catalog: Catalog = self.domain.catalog()
        found = [node for node in block_elements(self.document) if isinstance(node, _FILLED)]
        for node in found:
            if isinstance(node, pn.episode_nav):
                self._fill_nav(node)
            elif isinstance(node, pn.speaker_appearances):
                self._fill_appearances(node)
            elif isinstance(node, pn.episode_list):
                self._fill_episode_list(node)
            else:
                self._fill_speaker_list(node)

    # -- episode header ------------------------------------------------------

    def _fill_nav(self, node: pn.episode_nav) -> None:
        docname = node["docname"]
        before, after = self.catalog.neighbours(docname)
        if before is not None or after is not None:
            line = nodes.paragraph(classes=["podcast-episode-nav"])
            for step, label, neighbour in (
                ("previous", _("Previous:"), before),
                ("next", _("Next:"), after),
            ):
                if neighbour is None:
                    continue
                if len(line):
                    line += nodes.Text(" · ")
                # one element per neighbour: wide screens keep both on one line (podcast.css)
                part = nodes.inline(classes=[f"podcast-episode-{step}"])
                part += nodes.inline(label, label, classes=["podcast-label"])
                part += nodes.Text(" ")
                part += episode_link(neighbour, docname)
                line += part
            node += line
        episode = self.catalog.episodes.get(docname)
        for key in self.catalog.keys_of(episode.guests if episode else ()):
            others = self.catalog.other_episodes(docname, key)
            if not others:
                continue
            name = self.catalog.speakers[key].name
            label = _("Also with %s:") % name
            line = nodes.paragraph(classes=["podcast-episode-related"])
            line += nodes.inline(label, label, classes=["podcast-label"])
            line += nodes.Text(" ")
            line.extend(_joined([episode_link(other, docname) for other in others]))
            more = self.catalog.count_other_episodes(docname, key) - len(others)
            if more > 0:  # the profile lists them all
                line += nodes.Text(" ")
                # Translators: after a guest's other episodes, a link to all of them
                more_text = ngettext("and %d more", "and %d more", more) % more
                line += speaker_link(key, more_text, docname)
            node += line
        if not node.children:
            node.parent.remove(node)

    # -- speaker profile -----------------------------------------------------

    def _fill_appearances(self, node: pn.speaker_appearances) -> None:
        appearances = self.catalog.appearances.get(node["key"], [])
        refdoc = node.get("docname", "")
        if not appearances:
            node.parent.remove(node)
            return
        label = _("Appears in")
        node += nodes.paragraph("", "", nodes.strong(label, label), classes=["podcast-label"])
        items = nodes.bullet_list(classes=["podcast-appearances"])
        for appearance in reversed(appearances):  # newest first
            entry = nodes.paragraph()
            entry += episode_link(self.catalog.episodes[appearance.docname], refdoc)
            details = []
            if appearance.role == "host":
                # Translators: a speaker's part in an episode, in "Title (host, 3 turns)"
                details.append(_("host"))
            elif appearance.role == "guest":
                # Translators: a speaker's part in an episode, see "host"
                details.append(_("guest"))
            if appearance.turns:
                turns = ngettext("%d turn", "%d turns", appearance.turns) % appearance.turns
                details.append(turns)
            if appearance.seconds:
                details.append(_("%s on air") % format_time(appearance.seconds))
            if details:
                entry += nodes.inline(
                    "", f" ({', '.join(details)})", classes=["podcast-appearance-details"]
                )
            items += nodes.list_item("", entry)
        node += items

    # -- lists -----------------------------------------------------------------

    def _selected(self, node: pn.episode_list) -> list[Episode] | None:
        """The episodes *node* shows, or None when a filter value is unknown."""
        episodes = list(self.catalog.episodes.values())
        lines: dict[str, int] = node.get("option_lines", {})
        location = (node["docname"], None)
        if node["speakers"]:
            keys = set()
            for reference in node["speakers"]:
                speaker = self.domain.speaker_table().find(reference)
                if speaker is None:
                    warn(
                        f"episode-list: unknown speaker {reference!r}",
                        Subtype.unknown_speaker,
                        (location[0], lines.get("speaker")),
                    )
                    return None
                keys.add(speaker.key)
            shown = {a.docname for key in keys for a in self.catalog.appearances.get(key, [])}
            episodes = [e for e in episodes if e.docname in shown]
        for option, values, attribute in (
            ("category", node["categories"], "category"),
            ("tag", node["tags"], "tags"),
        ):
            if not values:
                continue
            wanted = {normalize_name(v) for v in values}
            known = {
                normalize_name(v)
                for e in self.catalog.episodes.values()
                for v in (e.tags if attribute == "tags" else (e.category,))
                if v
            }
            for value in values:
                if normalize_name(value) not in known:
                    warn(
                        f"episode-list: no episode has the {option} {value!r}",
                        Subtype.bad_option,
                        (location[0], lines.get(option)),
                    )
            episodes = [
                e
                for e in episodes
                if wanted
                & {normalize_name(v) for v in (e.tags if attribute == "tags" else (e.category,))}
            ]
        if node["sort"] == "number":
            episodes.sort(key=lambda e: (e.season or 0, e.number or 0, e.docname), reverse=True)
        else:
            episodes.sort(key=lambda e: (date_sort_key(e.date), e.docname), reverse=True)
        if node["reversed"]:
            episodes.reverse()
        if node["limit"]:
            episodes = episodes[: node["limit"]]
        return episodes

    def _fill_episode_list(self, node: pn.episode_list) -> None:
        episodes = self._selected(node)
        refdoc = node["docname"]
        if not episodes:
            text = _("No episodes match this list.")
            node += nodes.paragraph(text, text, classes=["podcast-episode-list-empty"])
            return
        if node["layout"] == "table":
            node += self._table(episodes, refdoc)
        elif node["layout"] == "list":
            node += self._list(episodes, refdoc)
        else:
            node += self._cards(episodes, refdoc)

    def _people(self, episode: Episode, refdoc: str) -> list[nodes.Node]:
        links: list[nodes.Node] = []
        for key in self.catalog.keys_of(episode.guests):
            links.append(speaker_link(key, self.catalog.speakers[key].name, refdoc))
        return _joined(links)

    def _cards(self, episodes: list[Episode], refdoc: str) -> nodes.Element:
        # sphinx-design styles the cards when it is loaded; otherwise a small grid of
        # our own does (loading it ourselves would cost every build its transforms).
        from sphinx_design.shared import create_component  # only pages with cards need it

        styled = "sphinx_design" in get_app(self.env).extensions
        grid = create_component(
            "grid-container",
            ["sd-container-fluid", "sd-sphinx-override", "sd-mb-4"]
            + ([] if styled else ["podcast-cards"]),
        )
        row = create_component(
            "grid-row",
            ["sd-row", "sd-row-cols-1", "sd-row-cols-sm-2", "sd-row-cols-lg-3", "sd-g-3"],
        )
        grid += row
        for episode in episodes:
            column = create_component("grid-item", ["sd-col", "sd-d-flex-row"])
            card = create_component(
                "card",
                ["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm", "podcast-card"],
            )
            if episode.image:
                uri = episode.image
                card += nodes.image(
                    uri,
                    uri=uri,
                    alt="",
                    candidates={"?": uri} if uri.startswith("https://") else {"*": uri},
                    classes=["sd-card-img-top", "podcast-card-image"],
                )
            body = create_component("card-body", ["sd-card-body"])
            title = create_component("card-title", ["sd-card-title", "sd-font-weight-bold"])
            title += nodes.paragraph("", "", episode_link(episode, refdoc))
            body += title
            body += meta_line(episode, self.env, ["sd-card-text", "podcast-card-meta"])
            people = self._people(episode, refdoc)
            if people:
                # Translators: before the people of an episode card, "With Ada, Sam"
                label = _("With")
                body += nodes.paragraph(
                    "", "", nodes.Text(label + " "), *people, classes=["sd-card-text"]
                )
            if episode.summary:
                body += nodes.paragraph(
                    episode.summary, episode.summary, classes=["sd-card-text", "podcast-summary"]
                )
            card += body
            column += card
            row += column
        return grid

    def _list(self, episodes: list[Episode], refdoc: str) -> nodes.Element:
        items = nodes.bullet_list()
        for episode in episodes:
            entry = nodes.paragraph()
            entry += episode_link(episode, refdoc)
            meta = meta_line(episode, self.env, [])
            if meta.children:
                entry += nodes.Text(" — ")
                entry.extend(meta.children)
            people = self._people(episode, refdoc)
            if people:
                # Translators: in a list of episodes, "Title — May 1, 2025 — with Ada, Sam"
                entry += nodes.Text(" — " + _("with") + " ")
                entry.extend(people)
            item = nodes.list_item("", entry)
            if episode.summary:
                item += nodes.paragraph(episode.summary, episode.summary)
            items += item
        return items

    def _table(self, episodes: list[Episode], refdoc: str) -> nodes.table:
        # Translators: column headers of the episode table; "No." is the episode number
        headers = [_("No."), _("Episode"), _("Date"), _("Duration"), _("Guests")]
        table = nodes.table(classes=["podcast-episode-table", "colwidths-auto"])
        group = nodes.tgroup(cols=len(headers))
        table += group
        for width in (4, 36, 18, 9, 24):  # characters, for the text builder
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += nodes.row("", *[nodes.entry("", nodes.paragraph(h, h)) for h in headers])
        group += head
        body = nodes.tbody()
        for episode in episodes:
            cells: list[list[nodes.Node]] = [
                [nodes.Text(str(episode.number) if episode.number is not None else "")],
                [episode_link(episode, refdoc)],
                [nodes.Text(episode_date(episode, self.env))],
                [nodes.Text(format_time(episode.duration) if episode.duration else "")],
                self._people(episode, refdoc),
            ]
            body += nodes.row(
                "", *[nodes.entry("", nodes.paragraph("", "", *cell)) for cell in cells]
            )
        group += body
        return table

    def _fill_speaker_list(self, node: pn.speaker_list) -> None:
        refdoc = node["docname"]
        items = nodes.bullet_list()
        for key, speaker in self.catalog.speakers.items():
            entry = nodes.paragraph()
            entry += nodes.strong("", "", speaker_link(key, speaker.name, refdoc))
            if speaker.role:
                entry += nodes.Text(f" — {speaker.role}")
            item = nodes.list_item("", entry)
            appearances = self.catalog.appearances.get(key, [])
            if appearances:
                links = [
                    episode_link(self.catalog.episodes[a.docname], refdoc)
                    for a in reversed(appearances)
                ]
                item += nodes.paragraph("", "", *_joined(links), classes=["podcast-appearances"])
            items += item
        if not items.children:
            text = _("No speakers yet.")
            node += nodes.paragraph(text, text)
            return
        node += items


def setup_crosspage(app: Sphinx) -> None:
    app.add_post_transform(CrossPageContent)
