"""LaTeX visitors: episode headers, turns, outlines, back links and profiles.

The look lives in ``sphinx_podcast/latex/sphinxpodcast.sty`` (registered with
``app.add_latex_package`` and copied next to the ``.tex`` file); this module
only emits that package's commands around what Sphinx writes for the
children, so every word an author wrote is escaped by Sphinx itself. The only
strings we put into LaTeX ourselves are fixed commands, labels made with
``idescape`` and digits.

Containers carry ids that other pages link to (a speaker profile, an
outline, a turn); Sphinx's LaTeX writer writes no label for a container's
ids, so each visitor writes one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .. import nodes as pn
from .latex_media import media_url, qr_png

if TYPE_CHECKING:  # the LaTeX writer is imported only when a LaTeX build runs
    from sphinx.application import Sphinx
    from sphinx.writers.latex import LaTeXTranslator

Visitor = Callable[["LaTeXTranslator", Any], None]

PACKAGE = "sphinxpodcast"
STY = Path(__file__).resolve().parent.parent / "latex" / f"{PACKAGE}.sty"

_COLOUR = re.compile(r"^podcast-color-(\d+)$")
_TIME = re.compile(r"\d+(?::\d\d)+")


@contextmanager
def _captured(self: LaTeXTranslator) -> Iterator[list[str]]:
    """Collect what the translator writes inside the block, instead of writing it."""
    saved = self.body
    self.body = []
    captured: list[str] = []
    try:
        yield captured
    finally:
        captured.extend(self.body)
        self.body = saved


def _render(self: LaTeXTranslator, *children: nodes.Node) -> str:
    """The LaTeX of *children* (walked with this translator), as a string."""
    with _captured(self) as out:
        for child in children:
            child.walkabout(self)
    return "".join(out).strip()


def _labels(self: LaTeXTranslator, node: nodes.Element) -> str:
    return self.hypertarget_to(node, anchor=True) if node["ids"] else ""


def _has_class(node: nodes.Node, name: str) -> bool:
    return isinstance(node, nodes.Element) and name in node["classes"]


# -- turns ---------------------------------------------------------------------


def visit_turn(self: LaTeXTranslator, node: pn.turn) -> None:
    colour = 7
    for name in node["classes"]:
        match = _COLOUR.match(name)
        if match:
            colour = int(match[1]) % 8
    self.body.append(f"\n\\begin{{sphinxpodcastturn}}{{{colour}}}{_labels(self, node)}%\n")


def _is_backlink_line(node: nodes.Node | None) -> bool:
    return _has_class(node, "podcast-backlink-line") if node is not None else False


def depart_turn(self: LaTeXTranslator, node: pn.turn) -> None:
    following = node.next_node(descend=False, siblings=True)
    if _is_backlink_line(following):  # no page break between the last turn and its back link
        self.body.append("\n\\sphinxpodcastkeepwithnext")
    self.body.append("\n\\end{sphinxpodcastturn}\n")


def visit_speaker_label(self: LaTeXTranslator, node: pn.speaker_label) -> None:
    self.body.append(r"\sphinxpodcastspeaker{")


def depart_speaker_label(self: LaTeXTranslator, node: pn.speaker_label) -> None:
    self.body.append("}")


# -- episode header --------------------------------------------------------------

_HEADER_LINES = {
    "podcast-episode-meta": r"\sphinxpodcastmeta",
    "podcast-episode-people": r"\sphinxpodcastpeople",
    "podcast-episode-nav": r"\sphinxpodcastnav",
    "podcast-episode-related": r"\sphinxpodcastnav",
}


def _media_item(self: LaTeXTranslator, node: pn.media_embed, width: str) -> str:
    """One player of the header: its QR code, the provider's name and the link."""
    url = media_url(node)
    qr = ""
    if url:
        name = qr_png(url, Path(self.builder.outdir))
        qr = r"\sphinxincludegraphics[width=\sphinxpodcastqrwidth]{{" + name[:-4] + "}.png}"
    links: list[nodes.Node] = []
    for paragraph in node.findall(nodes.paragraph):
        links.extend(c for c in paragraph.children if isinstance(c, nodes.reference))
    if url:  # shown without "https://" (the QR code and the link have it)
        shown = re.sub(r"^https?://(www\.)?", "", url)
        link = (
            r"\sphinxhref{"
            + self.encode_uri(url)
            + r"}{\sphinxnolinkurl{"
            + self.encode_uri(shown)
            + "}}"
        )
    else:
        link = _render(self, *links)
    provider = self.encode(str(node.get("provider_name") or node.get("provider", "")))
    return f"\\sphinxpodcastmediaitem{{{width}}}{{{qr}}}{{{provider}}}{{{link}}}\n"


def _media_row(self: LaTeXTranslator, media: list[pn.media_embed]) -> None:
    count = len(media)
    width = f"\\dimexpr{1 / count:.4f}\\linewidth-{(count - 1) / count:.4f}em\\relax"
    self.body.append("\n\\begin{sphinxpodcastmedia}\n")
    self.body.extend(_media_item(self, node, width) for node in media)
    self.body.append("\\end{sphinxpodcastmedia}\n")


def _header_children(self: LaTeXTranslator, node: nodes.Element) -> None:
    """Walk the header's children: metadata lines in their commands, players in a row."""
    media: list[pn.media_embed] = []
    for child in node.children:
        if isinstance(child, pn.media_embed):
            media.append(child)
            continue
        if media:
            _media_row(self, media)
            media = []
        command = None
        if isinstance(child, nodes.paragraph):
            command = next((_HEADER_LINES[c] for c in child["classes"] if c in _HEADER_LINES), None)
        if command is not None:
            self.body.append("\n" + command + "{" + _render(self, *child.children) + "}\n")
        elif isinstance(child, nodes.Element) and (
            isinstance(child, pn.episode_nav) or _has_class(child, "podcast-players")
        ):
            _header_children(self, child)
        else:
            child.walkabout(self)
    if media:
        _media_row(self, media)


def visit_episode_header(self: LaTeXTranslator, node: pn.episode_header) -> None:
    self.body.append("\n\\begin{sphinxpodcastepisode}" + _labels(self, node) + "%\n")
    _header_children(self, node)
    self.body.append("\n\\end{sphinxpodcastepisode}\n")
    raise nodes.SkipNode


def depart_episode_header(self: LaTeXTranslator, node: pn.episode_header) -> None:
    pass  # written by the visitor (SkipNode)


# -- outline and back links --------------------------------------------------------


def _outline_entries(self: LaTeXTranslator, items: nodes.bullet_list, level: int) -> list[str]:
    lines: list[str] = []
    for item in items.children:
        if not isinstance(item, nodes.list_item) or not item.children:
            continue
        entry = item.children[0]
        if not isinstance(entry, nodes.paragraph):
            continue
        title = [child for child in entry.children if not _has_class(child, "podcast-chapter-time")]
        while title and isinstance(title[-1], nodes.Text) and not title[-1].strip():
            title.pop()  # the space before the time
        time = ""
        for child in entry.findall(nodes.inline):
            if "podcast-chapter-time" in child["classes"]:
                found = _TIME.search(child.astext())
                time = found.group(0) if found else ""
        lines.append(
            f"\\sphinxpodcastoutlineentry{{{level}}}{{{_render(self, *title)}}}{{{time}}}\n"
        )
        for sub in item.children[1:]:
            if isinstance(sub, nodes.bullet_list):
                lines.extend(_outline_entries(self, sub, level + 1))
    return lines


def visit_outline(self: LaTeXTranslator, node: pn.outline) -> None:
    title = next(iter(node.findall(nodes.rubric)), None)
    items = next((c for c in node.children if isinstance(c, nodes.bullet_list)), None)
    if items is None:  # not filled in (no sections): the children, as Sphinx writes them
        visit_labelled_container(self, node)
        return
    entries = _outline_entries(self, items, 0)
    # a short outline stays on one page; a long one starts with a few lines at least
    self.body.append(f"\n\\sphinxpodcastneedlines{{{min(len(entries), 8) + 2}}}")
    self.body.append(
        "\n\\begin{sphinxpodcastoutline}{"
        + (_render(self, *title.children) if title is not None else "")
        + "}"
        + _labels(self, node)
        + "%\n"
    )
    self.body.extend(entries)
    self.body.append("\\end{sphinxpodcastoutline}\n")
    raise nodes.SkipNode


def depart_outline(self: LaTeXTranslator, node: pn.outline) -> None:
    depart_labelled_container(self, node)


def visit_backlink(self: LaTeXTranslator, node: pn.backlink) -> None:
    start = r"\sphinxAtStartPar" + "\n"
    if _is_backlink_line(node.parent) and self.body and self.body[-1] == start:
        self.body[-1] = r"\nobreak" + start  # on the page of what it closes
    self.body.append(r"\sphinxpodcastbacklink{")
    self.visit_reference(node)


def depart_backlink(self: LaTeXTranslator, node: pn.backlink) -> None:
    if node.get("label"):
        self.body.append(r"\sphinxpodcastbacklinklabel{" + self.encode(node["label"]) + "}")
    self.depart_reference(node)
    self.body.append("}")


# -- speaker profiles --------------------------------------------------------------


def visit_speaker_profile(self: LaTeXTranslator, node: pn.speaker_profile) -> None:
    children = list(node.children)
    avatar = ""
    first = children[0] if children else None
    if isinstance(first, nodes.image) and _has_class(first, "podcast-avatar"):
        children.pop(0)
        image = first.deepcopy()
        image["width"] = "100%"  # of the avatar's column
        avatar = _render(self, image)
    option = f"[{{{avatar}}}]" if avatar else ""
    self.body.append(f"\n\\begin{{sphinxpodcastprofile}}{option}{_labels(self, node)}%\n")
    for child in children:
        child.walkabout(self)
    self.body.append("\n\\end{sphinxpodcastprofile}\n")
    raise nodes.SkipNode


def depart_speaker_profile(self: LaTeXTranslator, node: pn.speaker_profile) -> None:
    pass  # written by the visitor (SkipNode)


# -- highlights ----------------------------------------------------------------------


def visit_soundbite(self: LaTeXTranslator, node: pn.soundbite) -> None:
    """A pull quote: the quote set large between rules, who said it and when below."""
    quote = [child for child in node.children if isinstance(child, nodes.block_quote)]
    others = [child for child in node.children if not isinstance(child, nodes.block_quote)]
    body = _render(self, *(grandchild for child in quote for grandchild in child.children))
    self.body.append(
        "\n\\sphinxpodcastsoundbitespace"
        f"\n\\begin{{sphinxpodcastsoundbite}}{_labels(self, node)}%\n{body}\n"
    )
    for child in others:
        child.walkabout(self)
    self.body.append("\n\\end{sphinxpodcastsoundbite}\n\\sphinxpodcastsoundbitespace\n")
    raise nodes.SkipNode


def depart_soundbite(self: LaTeXTranslator, node: pn.soundbite) -> None:
    pass  # written by the visitor (SkipNode)


def visit_soundbite_caption(self: LaTeXTranslator, node: pn.soundbite_caption) -> None:
    """Who said it and when. An untimed highlight's link ("Go to the quote") means
    nothing on paper: it is left out (with its separator), the speaker stays."""
    parts = list(node.children)
    if isinstance(node.parent, pn.soundbite) and node.parent.get("start") is None:
        parts = _without_moment_link(parts)
    if parts:
        self.body.append("\n\\sphinxpodcastsoundbitecaption{")
        for part in parts:
            part.walkabout(self)
        self.body.append("}\n")
    raise nodes.SkipNode


def _without_moment_link(parts: list[nodes.Node]) -> list[nodes.Node]:
    """The caption's parts but its last, the moment link (see soundbite_lists.caption),
    and the `` · `` before it."""
    kept = parts[:-1]
    if kept and isinstance(kept[-1], nodes.Text) and not kept[-1].astext().strip(" ·"):
        kept.pop()
    return kept


def depart_soundbite_caption(self: LaTeXTranslator, node: pn.soundbite_caption) -> None:
    pass  # written by the visitor (SkipNode)


# -- the rest ------------------------------------------------------------------------


def visit_labelled_container(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.visit_container(node)
    if node["ids"]:
        self.body.append("\n" + self.hypertarget_to(node, anchor=True))


def depart_labelled_container(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.depart_container(node)


VISITORS: dict[type[nodes.Element], tuple[Visitor, Visitor]] = {
    pn.turn: (visit_turn, depart_turn),
    pn.speaker_label: (visit_speaker_label, depart_speaker_label),
    pn.episode_header: (visit_episode_header, depart_episode_header),
    pn.outline: (visit_outline, depart_outline),
    pn.backlink: (visit_backlink, depart_backlink),
    pn.speaker_profile: (visit_speaker_profile, depart_speaker_profile),
    pn.soundbite: (visit_soundbite, depart_soundbite),
    pn.soundbite_caption: (visit_soundbite_caption, depart_soundbite_caption),
}


def _copy_package(app: Sphinx) -> None:
    """Put the package next to the ``.tex`` file, where latexmk looks for it."""
    if app.builder.format != "latex":
        return
    target = Path(app.builder.outdir) / STY.name
    content = STY.read_bytes()
    if not target.is_file() or target.read_bytes() != content:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def setup_latex(app: Sphinx) -> None:
    app.add_latex_package(PACKAGE, after_hyperref=True)
    app.connect("builder-inited", _copy_package)
