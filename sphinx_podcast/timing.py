"""Estimated starts of untimed turns on HTML pages.

A transcript written by hand times some turns, not all. The VTT, SRT and JSON
exports interpolate the missing starts (:func:`sphinx_podcast.formats.fill_times`,
in proportion to the text's length). HTML pages get the very same numbers, so
that the player script can highlight and follow every turn and a shared moment
lands on the same turn in every format: each untimed turn gets
``estimated_start`` (seconds), written as ``data-estimated-start``, and shown in
its label (``~01:20``) only with ``podcast_show_estimated_times = True``.

This runs after references are resolved, on the doctree the exports read too.
In singlehtml (every page in one tree) each page's turns are estimated on
their own, against their own episode's duration.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import nodes as pn
from .blocks import block_elements
from .domain import get_podcast_domain
from .formats import fill_times
from .page_cues import turn_cues


def estimated_starts(turns: list[pn.turn], total: float | None) -> dict[int, float]:
    """Seconds by ``id(turn)`` for the untimed ones of one page's *turns* (all of them, in
    page order), as the exports time them."""
    holder = nodes.Element()
    holder.children = list(turns)  # a list only: the turns keep their parents
    times = fill_times(turn_cues(holder), total=total)
    return {
        id(turn): start_ms / 1000
        for turn, (start_ms, _end) in zip(turns, times, strict=True)
        if turn.get("start") is None
    }


class EstimatedStarts(SphinxPostTransform):
    """Give each untimed turn of an episode page the start the exports estimate for it."""

    default_priority = 20  # after ReferencesResolver (10): the text the exports read
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        domain = get_podcast_domain(self.env)
        pages: dict[str, list[pn.turn]] = {}
        for node in block_elements(self.document):
            if isinstance(node, pn.turn) and node.get("speaker"):
                pages.setdefault(node.get("docname") or self.env.docname, []).append(node)
        for docname, turns in pages.items():
            if docname not in domain.episodes:
                continue
            timed = sum(turn.get("start") is not None for turn in turns)
            if not timed:
                continue  # nothing to estimate from: the exports write no timed files either
            if timed == len(turns):
                continue  # nothing to estimate: spares the cues and their timing (2 % of a
                # build of 50 fully timed episodes of 300 turns)
            estimates = estimated_starts(turns, domain.episodes[docname].duration)
            for turn in turns:
                if id(turn) in estimates:
                    turn["estimated_start"] = estimates[id(turn)]


def setup_timing(app: Sphinx) -> None:
    app.add_post_transform(EstimatedStarts)
