"""LaTeX for :class:`~sphinx_podcast.nodes.media_embed`: the title, the link and a QR code.

The QR code is made at build time by segno (no network) as a PNG next to the
``.tex`` file, named after a hash of the URL, so rebuilding writes the same
file. A local audio or video file has no URL a reader could scan: it gets the
title and the file name only.

Text, man, texinfo and the rest need no visitor: the node is a container
whose children already read "Title: URL".
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .. import nodes as pn

if TYPE_CHECKING:  # the LaTeX writer is imported only when a LaTeX build runs
    from sphinx.writers.latex import LaTeXTranslator

QR_WIDTH = "2.4cm"


def qr_png(url: str, directory: Path) -> str:
    """Write the QR code of *url* into *directory* (once) and return its file name."""
    import segno

    name = f"podcast-qr-{hashlib.sha256(url.encode()).hexdigest()[:16]}.png"
    path = directory / name
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        segno.make(url, error="m", micro=False).save(str(path), kind="png", scale=8, border=2)
    return name


def media_url(node: pn.media_embed) -> str:
    """The URL a reader can follow: the provider's page, or the first https source."""
    if node.get("page_url"):
        return str(node["page_url"])
    for link in node.findall(nodes.reference):
        remote = not isinstance(link, addnodes.download_reference) and link.get("refuri")
        if remote and link.get("podcast_role") == "source":
            return str(link["refuri"])
    return ""


def visit_media_embed(self: LaTeXTranslator, node: pn.media_embed) -> None:
    url = media_url(node)
    self.body.append("\n\\par\\noindent\n")
    if not url:
        self.context.append("\n\\par\n")
        return
    name = qr_png(url, Path(self.builder.outdir))
    self.body.append(
        "\\begin{minipage}[c]{" + QR_WIDTH + "}"
        "\\sphinxincludegraphics[width=" + QR_WIDTH + "]{{" + name[:-4] + "}.png}"
        "\\end{minipage}\\hfill\n"
        "\\begin{minipage}[c]{\\dimexpr\\linewidth-" + QR_WIDTH + "-1.5em\\relax}\n"
    )
    self.context.append("\n\\end{minipage}\\par\\medskip\n")


def depart_media_embed(self: LaTeXTranslator, node: pn.media_embed) -> None:
    self.body.append(self.context.pop())


VISITORS = (visit_media_embed, depart_media_embed)
