"""What the builders other than HTML need, as post-transforms on the neutral doctree.

* LaTeX: the ``sphinxpodcast`` package (:mod:`.latex`), and widths for the
  episode table's columns.
* Builders that cannot show a remote image (LaTeX, EPUB, text, man, Texinfo)
  make Sphinx download it at build time. An avatar or cover at an https URL
  is decoration, not content: those builders leave it out rather than fetch
  it (builds stay offline and reproducible; no network, no warning).
* EPUB has no player: a time is text (``[01:12]``), not a link to ``#t=72``,
  a fragment no page defines.
* Man pages have no links within the manual, and docutils' man writer runs
  a container's first paragraph into the text before it: our containers are
  flattened into their paragraphs, so a turn reads ``Ada Example [01:12]: …``
  on a line of its own. Internal links become their text (with docutils 0.22,
  Sphinx 9 writes ``name <#id>`` for them; older versions wrote the text).
* Texinfo: the speaker's name in a turn is text, not ``*note …`` (a link on
  every line of a transcript would drown it); the header still links.
* EPUB pages must be XHTML. sphinx-design (the episode cards; tab sets in
  many sites) writes its tab sets' ``<input>`` the HTML way, unclosed: in EPUB
  pages, void elements are closed (``<input … />``), and the directions
  an e-book's style sheet may not set are ``dir`` attributes (:mod:`.epub`).

Every node keeps a standard docutils base class, so a builder we did not
foresee renders our nodes as containers, inlines and references.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import nodes as pn
from .epub import setup_epub
from .latex import setup_latex

#: Classes of the images sphinx-podcast adds itself (authors' own images are theirs).
DECORATION = {"podcast-avatar", "podcast-card-image"}

PRIORITY = 20  # after ReferencesResolver (10), before Sphinx's ImageDownloader (100)


def _unwrap(node: nodes.Element) -> None:
    node.replace_self(node.children if node.children else [])


def _is_internal(reference: nodes.reference) -> bool:
    return bool(reference.get("internal") or reference.get("refid"))


class OfflineImages(SphinxPostTransform):
    """Drop our remote avatars and covers where the builder would have to download them."""

    default_priority = PRIORITY

    def is_supported(self) -> bool:
        builder_cls = getattr(self.env, "_builder_cls", None)
        if builder_cls is None:  # Sphinx 8.2
            builder_cls = type(self.env.app.builder)
        return not getattr(builder_cls, "supported_remote_images", True)

    def run(self, **kwargs: Any) -> None:
        for image in list(self.document.findall(nodes.image)):
            if "://" in image["uri"] and DECORATION & set(image["classes"]):
                image.parent.remove(image)


class EpubTimes(SphinxPostTransform):
    """EPUB: an outline's chapter time is text in brackets, like in print.

    Turn labels in EPUB are plain nodes from the start (the turn resolver makes
    them so), with their time as text already.
    """

    default_priority = PRIORITY
    builders = ("epub",)

    def run(self, **kwargs: Any) -> None:
        for link in list(self.document.findall(pn.time_link)):
            text = f"[{link.astext()}]"
            link.replace_self(nodes.inline(text, text, classes=list(link["classes"])))


class LatexEpisodeTable(SphinxPostTransform):
    """LaTeX: the episode table's columns get widths fit for a printed page.

    Left to tabulary, the five columns came out alike: "Dura-tion" and guests'
    names hyphenated, dates over two lines. The widths are shares of the line.
    """

    default_priority = PRIORITY
    builders = ("latex",)
    #: No., Episode, Date, Duration, Guests (crosspage's table)
    WIDTHS = (7, 37, 18, 12, 26)

    def run(self, **kwargs: Any) -> None:
        for table in self.document.findall(nodes.table):
            if "podcast-episode-table" not in table["classes"]:
                continue
            colspecs = list(table.findall(nodes.colspec))
            if len(colspecs) != len(self.WIDTHS):
                continue
            for colspec, width in zip(colspecs, self.WIDTHS, strict=True):
                colspec["colwidth"] = width
            table["classes"] = [
                "colwidths-given" if name == "colwidths-auto" else name for name in table["classes"]
            ]


class ManPages(SphinxPostTransform):
    """Man pages: plain names and titles, and one paragraph per turn."""

    default_priority = PRIORITY
    builders = ("man",)

    def run(self, **kwargs: Any) -> None:
        for reference in list(self.document.findall(nodes.reference)):
            if _is_internal(reference):
                _unwrap(reference)
        containers = [
            node
            for node in self.document.findall(nodes.container)
            if any(name.startswith("podcast-") for name in node["classes"])
            or _inside(node, (pn.episode_list,))
        ]
        for container in reversed(containers):  # innermost first
            _unwrap(container)


class TexinfoTurns(SphinxPostTransform):
    """Texinfo: the speaker's name in a turn is text, not a cross-reference."""

    default_priority = PRIORITY
    builders = ("texinfo",)

    def run(self, **kwargs: Any) -> None:
        for label in self.document.findall(pn.speaker_label):
            for reference in list(label.findall(nodes.reference)):
                _unwrap(reference)


_VOID = re.compile(
    r"<(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)(\s[^<>]*?)?(?<!/)>"
)


def xhtml_void_elements(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """EPUB: ``<input …>`` → ``<input … />`` in the page body, so the page is XML."""
    body = context.get("body")
    if app.builder.name.startswith("epub") and isinstance(body, str):
        context["body"] = _VOID.sub(lambda m: f"<{m[1]}{m[2] or ''} />", body)


def _inside(node: nodes.Node, classes: tuple[type[nodes.Element], ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, classes):
            return True
        parent = parent.parent
    return False


def setup_builders(app: Sphinx) -> None:
    setup_latex(app)
    for transform in (OfflineImages, EpubTimes, LatexEpisodeTable, ManPages, TexinfoTurns):
        app.add_post_transform(transform)
    app.connect("html-page-context", xhtml_void_elements)
    setup_epub(app)
