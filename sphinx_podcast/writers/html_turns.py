"""HTML of a turn: its ``<div>``, and the label in front of its first words.

The label is written from the turn's attributes (``speaker_name``, ``speaker_uri``,
``start``, see :meth:`.turn_resolver.TurnResolver._write_label`), or around the node
that holds an avatar (``compact`` labels). All attributes are escaped as
``self.attval`` escapes them.

A page has hundreds of turns that repeat a few strings: each speaker's class and
``data-speaker``, each speaker's name link, the "Play from" text. Those are escaped
once per page (:class:`_PageStrings`) instead of once per turn.
"""

from __future__ import annotations

import weakref
from typing import Any

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from .. import nodes as pn
from ..config import get_config
from ..locale import _
from ..model import format_seconds_attr, format_time

__all__ = ["depart_turn", "depart_turn_label", "visit_turn", "visit_turn_label"]

_LABEL_START = '<span class="podcast-turn-label"><span class="podcast-speaker">'


class _PageStrings:
    """What the turns of one page (one translator) repeat, escaped once."""

    def __init__(self, translator: HTML5Translator) -> None:
        # The label's text is digits and colons ("01:12"), which escaping keeps as
        # they are: escaping the text around them once is escaping the whole.
        self.play_from = translator.attval(str(_("Play from %s")))
        self.play_from_about = translator.attval(str(_("Play from about %s (estimated)")))
        self.show_estimates = bool(get_config(translator.config).show_estimated_times)
        self.div_starts: dict[tuple[str, str], str] = {}
        self.names: dict[tuple[str, str | None, str | None], str] = {}


# Per translator, so a page's strings go with its translator (and its language).
_STRINGS: weakref.WeakKeyDictionary[HTML5Translator, _PageStrings] = weakref.WeakKeyDictionary()


def _page_strings(self: HTML5Translator) -> _PageStrings:
    strings = _STRINGS.get(self)
    if strings is None:
        strings = _STRINGS[self] = _PageStrings(self)
    return strings


def visit_turn(self: HTML5Translator, node: pn.turn) -> None:
    strings = _page_strings(self)
    self.body.append(_turn_start_tag(self, strings, node))
    if "speaker_name" not in node or _first_label(node) is not None:
        return  # unresolved, or its label is a node (with an avatar, or in EPUB)
    # The label, written here from the turn's attributes, goes in front of the first
    # paragraph's words: that paragraph is visited here, the rest as usual.
    label = _LABEL_START + _label_end(self, strings, node)
    first = node.children[0] if node.children else None
    if not isinstance(first, nodes.paragraph):
        self.body.append(f"<p>{label}</p>\n")
        return
    try:
        self.dispatch_visit(first)
        self.body.append(label)
        for child in first.children:
            child.walkabout(self)
    except nodes.SkipNode:
        pass
    except nodes.SkipChildren:
        self.dispatch_departure(first)
    else:
        self.dispatch_departure(first)
    for child in node.children[1:]:
        child.walkabout(self)
    raise nodes.SkipChildren


def depart_turn(self: HTML5Translator, node: pn.turn) -> None:
    self.body.append("</div>\n")


def _turn_start_tag(self: HTML5Translator, strings: _PageStrings, node: pn.turn) -> str:
    """``<div class=… data-speaker=… data-start=… id=…>``, as ``starttag`` writes it.

    The usual turn (our two classes, one id) is written directly, its start up to
    the time escaped once per speaker; anything else by ``starttag``.
    """
    key = node.get("speaker", "")
    start = node.get("start")
    estimate = node.get("estimated_start")
    classes, ids = node["classes"], node["ids"]
    if len(ids) == 1 and len(classes) == 2 and classes[0] == "podcast-turn":
        div_start = strings.div_starts.get((classes[1], key))
        if div_start is None:
            div_start = (
                f'<div class="podcast-turn {self.attval(classes[1])}" '
                f'data-speaker="{self.attval(key)}"'
            )
            strings.div_starts[classes[1], key] = div_start
        if start is not None:
            timed = f' data-start="{format_seconds_attr(start)}"'
        elif estimate is not None:
            timed = f' data-estimated-start="{format_seconds_attr(estimate)}"'
        else:
            timed = ""
        return f'{div_start}{timed} id="{self.attval(ids[0])}">'
    data: dict[str, Any] = {"data-speaker": key}
    if start is not None:
        data["data-start"] = format_seconds_attr(start)
    elif estimate is not None:
        data["data-estimated-start"] = format_seconds_attr(estimate)
    return self.starttag(node, "div", "", **data)


def _first_label(node: pn.turn) -> pn.turn_label | None:
    first = node.children[0] if node.children else None
    if isinstance(first, nodes.paragraph) and first.children:
        label = first.children[0]
        if isinstance(label, pn.turn_label):
            return label
    return None


def _label_end(self: HTML5Translator, strings: _PageStrings, turn: nodes.Element) -> str:
    """The speaker's name (a link to the profile), the time link and the colon."""
    name = turn["speaker_name"]
    uri = turn.get("speaker_uri")
    initials = turn.get("initials")
    shown_name = strings.names.get((name, uri, initials))
    if shown_name is None:
        shown_name = strings.names[name, uri, initials] = _name_markup(self, name, uri, initials)
    start = turn.get("start")
    estimate = turn.get("estimated_start")
    if start is not None:
        shown = format_time(start)
        label = strings.play_from % shown
        time = (
            f' <a aria-label="{label}" class="podcast-time" '
            f'href="#t={format_seconds_attr(start)}">{shown}</a>'
        )
    elif estimate is not None and strings.show_estimates:
        shown = format_time(estimate)
        label = strings.play_from_about % shown
        time = (
            f' <a aria-label="{label}" class="podcast-time podcast-time-estimated"'
            f' href="#t={format_seconds_attr(estimate)}">~{shown}</a>'
        )
    else:
        time = ""
    return f'{shown_name}{time}<span class="podcast-sep">: </span></span>'


def _name_markup(self: HTML5Translator, name: str, uri: str | None, initials: str | None) -> str:
    """The speaker's name up to the end of its ``podcast-speaker`` span."""
    if initials:  # some speakers on the page have avatars, this one not
        badge = self.attval(initials)
        # drawn by CSS from the attribute: not part of the text (copy, search, reader views)
        name_start = f'<span class="podcast-initials" data-initials="{badge}"></span>'
    else:
        name_start = ""
    if uri:
        # what Sphinx writes for an internal reference with a title
        href, title = self.attval(uri), self.attval(name)
        link = f'<a class="reference internal" href="{href}" title="{title}">'
        return f"{name_start}{link}{self.encode(name)}</a></span>"
    return f"{name_start}{self.encode(name)}</span>"


def visit_turn_label(self: HTML5Translator, node: pn.turn_label) -> None:
    if node.get("compact"):  # holds the avatar; the rest is its turn's attributes
        self.body.append(_LABEL_START)
    else:  # plain nodes (EPUB)
        self.body.append(self.starttag(node, "span", ""))


def depart_turn_label(self: HTML5Translator, node: pn.turn_label) -> None:
    turn = node.parent.parent if node.parent is not None else None
    if node.get("compact") and isinstance(turn, pn.turn):
        self.body.append(_label_end(self, _page_strings(self), turn))
    else:
        self.body.append("</span>")
