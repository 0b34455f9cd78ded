"""Per-episode transcript and chapter files, and the links to them.

For each episode page with speaker turns the html and dirhtml builders write,
next to the page's name in the output::

    <page>.vtt  <page>.srt  <page>.json  <page>.txt  <page>.transcript.html
    <page>.chapters.json

VTT, SRT and JSON need times: they are written when at least one turn is
timed (the others' times are interpolated); the text and HTML files always. Chapters
are the page's timed sections: each section after the episode header that
holds a timed turn starts a chapter at its first turn's time.

The files are written with the page (``html-page-context``, in the process that
writes it: a worker under ``-j``), from that page's resolved doctree alone: a
page-local output, safe under ``-j``.
What the feed must know of them (is there a transcript, are there chapters)
is noted in the domain at read time and answered by :mod:`.episode_files` from
domain data only; the turns are read as cues by :mod:`.page_cues`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from . import formats
from . import nodes as pn
from .blocks import block_elements
from .config import get_config
from .domain import PodcastDomain, get_podcast_domain
from .episode_files import (
    CHAPTERS_SUFFIX,
    EXPORTS,
    TIMED_ONLY,
    episode_chapters,
    export_files,
    writes_exports,
)
from .locale import _
from .page_cues import turn_cues

#: The builders that write the feed, the exports and the links to them.


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return  # unchanged: keep the file's time
    path.write_bytes(data)


def _on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Before the page is written: its download links; files of a transcript (or
    chapters) that is gone are removed."""
    if not writes_exports(app.builder):
        return
    domain = get_podcast_domain(app.env)
    add_download_links(doctree, domain)
    if docname not in domain.episodes:
        return
    wanted = {path for _kind, path, _mime, _label in export_files(domain, docname)}
    outdir = Path(app.outdir)
    for suffix in [suffix for _name, suffix, _mime, _label in EXPORTS] + [CHAPTERS_SUFFIX]:
        path = docname + suffix
        if path not in wanted and (outdir / path).is_file():
            (outdir / path).unlink()


def _on_html_page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """The page's files, written with the page: under ``-j`` in the worker process
    that writes it (Sphinx resolves every page in the main process, one at a time)."""
    if doctree is not None and writes_exports(app.builder):
        write_exports(app, doctree, pagename)


def write_exports(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The transcript and chapters files of *docname*, from its resolved doctree."""
    domain = get_podcast_domain(app.env)
    wanted = {path: kind for kind, path, _mime, _label in export_files(domain, docname)}
    if not wanted:
        return
    episode = domain.episodes[docname]
    cues = turn_cues(doctree)
    language = get_config(app.config).feed.language or app.config.language or ""
    total = episode.duration
    # VTT, SRT and JSON time the same cues: timed once here
    timed = None
    if any(kind in TIMED_ONLY for kind in wanted.values()):
        timed = formats.timed_cues(cues, total)
    outdir = Path(app.outdir)
    for path, kind in wanted.items():
        if kind == "vtt":
            text = formats.to_vtt(cues, total=total, timed=timed)
        elif kind == "srt":
            text = formats.to_srt(cues, total=total, timed=timed)
        elif kind == "json":
            text = formats.to_podcast_json(cues, total=total, language=language, timed=timed)
        elif kind == "txt":
            text = formats.to_text(cues)
        elif kind == "html":
            text = formats.to_html(cues, title=episode.title or docname, language=language)
        else:
            text = formats.chapters_to_json(episode_chapters(domain, docname))
        _write(outdir / path, text)


# -- the links on the page ---------------------------------------------------------------


class transcript_downloads(nodes.paragraph):
    """``p.podcast-downloads``: "Download transcript: VTT · SRT · JSON · TXT".

    Attributes: ``docname`` and ``links``, a list of (label, file suffix); the
    HTML visitor makes each link relative to the page, so the doctree does not
    depend on the page's name or the builder's URL scheme.
    """


def add_download_links(doctree: nodes.document, domain: PodcastDomain) -> None:
    """The download line in each episode header (html, dirhtml)."""
    if not get_config(domain.env.config).transcript_formats:
        return
    headers = [node for node in block_elements(doctree) if isinstance(node, pn.episode_header)]
    for header in headers:
        docname = header.get("docname", "")
        links = [
            (label, path[len(docname) :])
            for kind, path, _mime, label in export_files(domain, docname)
            if kind != "chapters"
        ]
        if not links:
            continue
        label = _("Download transcript:")
        line = transcript_downloads(
            "", nodes.Text(label), classes=["podcast-downloads"], docname=docname, links=links
        )
        header.add_line(line)


def visit_transcript_downloads(self: Any, node: transcript_downloads) -> None:
    page = self.builder.get_target_uri(node["docname"])
    label = nodes.Element()
    label["classes"] = ["podcast-label"]
    parts = [self.starttag(node, "p", ""), self.starttag(label, "span", "")]
    parts.append(self.encode(node.astext()) + "</span> ")
    for index, (text, suffix) in enumerate(node["links"]):
        if index:
            parts.append(" · ")
        link = nodes.Element()
        link["classes"] = ["podcast-download"]
        href = relative_uri(page, node["docname"] + suffix)
        parts.append(self.starttag(link, "a", "", href=href) + self.encode(text) + "</a>")
    parts.append("</p>\n")
    self.body.extend(parts)
    raise nodes.SkipNode


def setup_exports(app: Sphinx) -> None:
    app.add_node(transcript_downloads, html=(visit_transcript_downloads, None))
    app.connect("doctree-resolved", _on_doctree_resolved)
    app.connect("html-page-context", _on_html_page_context)
