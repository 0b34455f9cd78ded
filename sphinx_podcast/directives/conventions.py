"""The docutils conventions every directive of ours follows.

* ``:class:`` adds classes to the directive's outermost element (to each
  top-level element when it makes several, as ``transcript`` does);
* ``:name:`` makes that element a target for ``:ref:`` (on ``speaker``,
  ``:name:`` is the person's name: a profile is a target by its key);
* an option the directive does not know is an error with its file and line, and
  ignored, the directive's content kept (``podcast.unknown_option``). docutils
  would drop the whole directive with an error, and MyST would report it as
  ``myst.directive_option``: both look the option up in ``option_spec``, and
  :class:`OptionSpec` answers for any name, so the value reaches us to report.

:class:`~sphinx_podcast.directives.PodcastDirective` applies all three to every
subclass, so a new directive gets them without doing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from .. import nodes as pn
from ..blocks import block_elements
from ..domain import get_podcast_domain
from ..locale import _


def target_name(value: str) -> str:
    """``:name:``: a target for ``:ref:`` (its own function, to tell it from a
    directive's own ``name`` option, which ``speaker`` has)."""
    return directives.unchanged(value)


COMMON_OPTIONS: dict[str, Callable[[str], Any]] = {
    "class": directives.class_option,
    "name": target_name,
}


class UnknownOption(str):
    """The value of an option the directive does not know (reported, then dropped)."""


def _unknown(value: str | None) -> UnknownOption:
    return UnknownOption(value or "")


class OptionSpec(dict[str, Callable[[str], Any]]):
    """An ``option_spec`` that accepts any option name (an unknown one becomes an
    :class:`UnknownOption`); ``in`` and iteration still give the known ones only."""

    def __missing__(self, key: str) -> Callable[[str | None], UnknownOption]:
        return _unknown


def option_spec_with_common(own: dict[str, Callable[[str], Any]] | None) -> OptionSpec:
    """*own* options plus ``class`` and ``name`` (an own ``name`` wins: speaker's)."""
    return OptionSpec({**COMMON_OPTIONS, **(own or {})})


def unknown_options(options: dict[str, Any]) -> list[str]:
    return [name for name, value in options.items() if isinstance(value, UnknownOption)]


_NOT_OUTERMOST = (addnodes.index, nodes.target, nodes.system_message, nodes.Invisible)


def outermost_elements(result: Iterable[nodes.Node]) -> list[nodes.Element]:
    """The elements a directive made that stand for it (not index entries or targets)."""
    return [
        node
        for node in result
        if isinstance(node, nodes.Element) and not isinstance(node, _NOT_OUTERMOST)
    ]


class NamedTargetTitles(SphinxTransform):
    """A ``:ref:`` without text to a named episode header, outline, turn, player,
    highlight or list of highlights shows a title (the episode's, the outline's, the
    speaker and time, the player's, the quote, "Highlights"), as it shows a
    section's; Sphinx itself only knows titles of sections, rubrics, figures and
    tables. Other named elements (speaker and episode lists) need a link text, as a
    named docutils ``note`` does."""

    default_priority = 851  # after SphinxDomains (850) noted the page's labels

    def apply(self, **kwargs: Any) -> None:
        std = self.env.get_domain("std")
        labels, anonlabels = std.data["labels"], std.data["anonlabels"]
        docname = self.env.docname
        for node in block_elements(self.document):
            if not node["names"] or not isinstance(node, _TITLED):
                continue
            title = self._title(node)
            for name in node["names"]:
                target = anonlabels.get(name)
                if title and target and target[0] == docname and name not in labels:
                    labels[name] = (docname, target[1], title)

    def _title(self, node: nodes.Element) -> str:
        if isinstance(node, pn.episode_header):
            episode = get_podcast_domain(self.env).episodes.get(self.env.docname)
            return episode.title if episode else ""
        if isinstance(node, pn.outline):
            heading = next((c for c in node.children if isinstance(c, nodes.rubric)), None)
            return heading.astext() if heading else str(_("Outline"))
        if isinstance(node, pn.turn):
            speaker = get_podcast_domain(self.env).speaker_table().find(node["speaker_ref"])
            name = speaker.name if speaker else node["speaker_ref"]
            time_text = node.get("time_text", "")
            return f"{name} [{time_text}]" if time_text else name
        if isinstance(node, pn.soundbite):
            return _shortened_quote(node.get("text", ""))
        if isinstance(node, pn.soundbites | pn.soundbite_list):
            return str(_("Highlights"))
        return str(node.get("title", ""))


_TITLED = (
    pn.episode_header,
    pn.outline,
    pn.turn,
    pn.media_embed,
    pn.soundbite,
    pn.soundbites,
    pn.soundbite_list,
)
QUOTE_TITLE_LENGTH = 60


def _shortened_quote(text: str) -> str:
    """A quote as a link text: whole up to 60 characters, else cut at a word and "…"."""
    if len(text) <= QUOTE_TITLE_LENGTH:
        return text
    cut = text[: QUOTE_TITLE_LENGTH + 1].rsplit(" ", 1)[0] or text[:QUOTE_TITLE_LENGTH]
    return cut.rstrip(" ,;:") + "…"
