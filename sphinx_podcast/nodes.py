"""Doctree nodes of sphinx-podcast.

Each subclasses a standard docutils node. Sphinx's translators look up
visitors along the class hierarchy, so any builder we did not write a
visitor for renders these as the standard node they extend (a container,
an inline, a reference) instead of failing.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes


class episode_header(nodes.container):
    """The ``.podcast-episode`` header made by the ``episode`` directive."""

    def add_line(self, line: nodes.Node) -> None:
        """Add a line of the header (subscribe, downloads, highlights) above the links to
        other episodes, which stay last; at the end when there are none."""
        nav = next((child for child in self.children if isinstance(child, episode_nav)), None)
        self.insert(self.index(nav) if nav is not None else len(self), line)


class speaker_profile(nodes.container):
    """A ``.podcast-speaker-profile`` made by the ``speaker`` directive."""


class speaker_role(nodes.inline, addnodes.translatable):
    """``.podcast-speaker-role``: the role an author gave a ``speaker`` directive.

    A message of its own for Sphinx's i18n (``-b gettext`` extracts it, a
    translated page shows the translation). Not an inline marked
    ``translatable``: Sphinx unwraps those as placeholders.
    """

    def preserve_original_messages(self) -> None:
        self.setdefault("original", self.astext())

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        self.children = []
        self += nodes.Text(translated_message)

    def extract_original_messages(self) -> list[str]:
        return [self.get("original") or self.astext()]


class turn(nodes.container):
    """One speaker turn.

    Attributes: ``speaker_ref`` (what the author wrote), ``time_text`` (the
    author's time, unparsed), ``syntax`` (``"bold"`` or ``"directive"``),
    ``docname``; after resolution also ``speaker`` (key) and ``start``
    (seconds).
    """


class turn_label(nodes.inline):
    """The ``Ada [01:12]:`` label of a resolved turn: the speaker (a link to the
    profile), the time and the colon, as plain nodes.

    On HTML pages a turn has no label node: its visitor writes the label from
    the turn's attributes. There a label node (``compact``) only holds the
    speaker's avatar, which Sphinx must see as an image to copy it.
    """


class speaker_label(nodes.inline):
    """``.podcast-speaker``: a speaker's name (and avatar) inside a turn."""


class time_link(nodes.reference):
    """``a.podcast-time``: a link to ``#t=SECONDS`` (plain ``[MM:SS]`` text outside HTML)."""


class outline(nodes.container):
    """``.podcast-outline``: a placeholder until the post-transform fills it in."""


class backlink(nodes.reference):
    """``a.podcast-backlink``: a link from the end of a section back to the outline."""


class speaker_appearances(nodes.container):
    """In a profile: "Appears in" with episodes and turn counts (filled after reading)."""


class speaker_soundbites(nodes.container):
    """In a profile: the speaker's highlights across the podcast (filled after reading)."""


class soundbite(nodes.container):
    """``.podcast-soundbite``: a highlighted quote (a block quote and its caption).

    Attributes: ``text``, ``speaker_ref``, ``start``, ``duration``, ``tags``,
    ``docname`` (the episode page), ``anchor``; the caption is added after reading.
    """


class soundbite_caption(nodes.paragraph):
    """Who said a highlight and when: speaker · episode · time link."""


class soundbite_mark(nodes.inline):
    """The ``soundbite`` role: a sentence of a turn marked as a highlight."""


class soundbites(nodes.container):
    """``.podcast-soundbites``: the highlights of one episode page (filled after reading)."""


class soundbite_list(nodes.container):
    """``.podcast-soundbites`` of the whole site (``soundbite-list``; filled after reading)."""


class speaker_page(nodes.container):
    """``.podcast-speaker-page``: the body of a generated speaker page."""


class episode_nav(nodes.container):
    """In an episode header: previous/next episode, the guests' other episodes."""


class episode_list(nodes.container):
    """``.podcast-episode-list`` placeholder; its options are attributes."""


class speaker_list(nodes.container):
    """``.podcast-speaker-list`` placeholder."""


class duration(nodes.inline):
    """An episode's length as people say it ("48 min"); ``datetime`` holds the ISO 8601
    duration (``PT48M20S``), written as ``<time datetime>`` in HTML."""


class media_embed(nodes.container):
    """``.podcast-embed``: a player (``provider``: youtube, vimeo, spotify, audio, video).

    Its children are what builders without a player show: the title and a
    link. Visitors are registered by :func:`sphinx_podcast.directives.media.setup_media`.
    """


class listening_control(nodes.Element):
    """A control of the listening experience; ``kind``: ``switch`` (with ``sources``, a list
    of (provider, label, page URL)), ``follow``, ``search``, ``dock`` or ``subscribe``
    (with ``links``, a list of (label, URL)). HTML only: the listening post-transform adds
    it to HTML pages alone, so it extends no standard node."""


ALL_NODES: tuple[type[nodes.Element], ...] = (
    episode_header,
    speaker_profile,
    speaker_role,
    turn,
    turn_label,
    speaker_label,
    time_link,
    outline,
    backlink,
    speaker_appearances,
    speaker_soundbites,
    speaker_page,
    soundbite,
    soundbite_caption,
    soundbite_mark,
    soundbites,
    soundbite_list,
    episode_nav,
    episode_list,
    speaker_list,
    duration,
    listening_control,
)


_SOUNDBITE_NODES = (soundbite, soundbite_mark)  # a tuple built once: tested on every node


def is_soundbite(node: nodes.Node) -> bool:
    """A soundbite, or the mark of one in a turn (what the soundbite passes look for)."""
    return isinstance(node, _SOUNDBITE_NODES)
