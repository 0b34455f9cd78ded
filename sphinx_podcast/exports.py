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
is noted in the domain at read time and answered by :func:`transcript_kind`
and :func:`episode_chapters` from domain data only, with the same speaker
resolution as the turns themselves.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.osutil import relative_uri

from . import formats
from . import nodes as pn
from .blocks import block_elements
from .config import get_config
from .domain import PodcastDomain, get_podcast_domain
from .locale import _

#: The builders that write the feed, the exports and the links to them.
FEED_BUILDERS = ("html", "dirhtml")

#: (kind, file suffix, MIME type, link label) of every export.
EXPORTS = (
    ("vtt", ".vtt", "text/vtt", "VTT"),
    ("srt", ".srt", "application/x-subrip", "SRT"),
    ("json", ".json", "application/json", "JSON"),
    ("txt", ".txt", "text/plain", "TXT"),
    ("html", ".transcript.html", "text/html", "HTML"),
)
CHAPTERS_SUFFIX = ".chapters.json"
CHAPTERS_TYPE = "application/json+chapters"
TIMED_ONLY = ("vtt", "srt", "json")


def writes_exports(builder: Builder) -> bool:
    return builder.name in FEED_BUILDERS


# -- read time: what the feed needs to know --------------------------------------------


def _resolved(domain: PodcastDomain, docname: str) -> list[tuple[float | None, int]]:
    """(start, section index) of the page's turns that are turns once resolved: those of
    a ``turn`` directive and bold names of known speakers (as TurnResolver decides)."""
    table = domain.speaker_table()
    return [
        (start, section)
        for reference, directive, start, section in domain.feed_turns(docname)
        if directive or table.find(reference) is not None
    ]


def transcript_kind(domain: PodcastDomain, docname: str) -> str:
    """``"timed"`` (some turn has a time), ``"untimed"`` or ``""`` (no turns)."""
    turns = _resolved(domain, docname)
    if not turns:
        return ""
    return "timed" if any(start is not None for start, _section in turns) else "untimed"


def episode_chapters(domain: PodcastDomain, docname: str) -> list[formats.Chapter]:
    """The page's timed sections and the outline's own chapters, ascending; each ends where
    the next begins (the last at the episode's duration, when known).

    The first section with turns starts at 0:00 unless its first turn has a time of its
    own (or the outline lists a chapter before it): a welcome before the first timestamp
    is part of the episode too. That needs one timed turn on the page.
    """
    sections = domain.feed_sections(docname)
    turns = [(start, section) for start, section in _resolved(domain, docname) if section >= 0]
    # chapters of the outline directive's content, which have no section of their own
    flat = domain.feed_note(docname).get("chapters", ())
    listed = [
        formats.Chapter(start, title) for start, title in zip(flat[::2], flat[1::2], strict=True)
    ]
    starts: dict[int, float] = {}
    for start, section in turns:
        if start is not None and section not in starts:
            starts[section] = start
    if starts and turns[0][0] is None:
        opening = turns[0][1]
        own = starts.get(opening, float("inf"))
        if not any(chapter.start < own for chapter in listed):
            starts[opening] = 0.0
    chapters = [formats.Chapter(start, sections[index][0]) for index, start in starts.items()]
    chapters.extend(listed)
    chapters.sort(key=lambda c: c.start)
    episode = domain.episodes.get(docname)
    duration = episode.duration if episode else None
    for index, chapter in enumerate(chapters):
        following = chapters[index + 1] if index + 1 < len(chapters) else None
        end = following.start if following is not None else duration
        if end is not None and end > chapter.start:
            chapter.end = end
    return chapters


def export_files(domain: PodcastDomain, docname: str) -> list[tuple[str, str, str, str]]:
    """(kind, output path, MIME type, label) of the files written for *docname*."""
    kind = transcript_kind(domain, docname)
    if not kind or docname not in domain.episodes:
        return []
    wanted = get_config(domain.env.config).transcript_formats
    files = [
        (name, docname + suffix, mime, label)
        for name, suffix, mime, label in EXPORTS
        if name in wanted and (kind == "timed" or name not in TIMED_ONLY)
    ]
    if "chapters" in wanted and episode_chapters(domain, docname):
        files.append(("chapters", docname + CHAPTERS_SUFFIX, CHAPTERS_TYPE, ""))
    return files


# -- write time: the files ---------------------------------------------------------------

#: What a transcript leaves out: labels, media, images, markup that is not said, and the
#: editorial apparatus (footnote and citation markers and their notes).
_LEFT_OUT = (
    pn.turn_label,
    pn.media_embed,
    nodes.image,
    nodes.raw,
    nodes.comment,
    nodes.system_message,
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.footnote,
    nodes.citation,
    nodes.substitution_definition,
    nodes.target,
    nodes.label,
)


#: Where an inline node was left out, until the white space around it is settled.
_GAP = "\ufffe"
#: A gap and the space before it, when punctuation follows (``a note [1].``: ``a note.``).
_GAP_BEFORE_PUNCTUATION = re.compile(r"\s*\ufffe+(?=[.,;:!?)\]])|\ufffe")


def _inline_text(node: nodes.Node) -> str:
    """The words of an inline node as a reader sees them: ``astext()`` of its text
    (rST's backslash escapes leave NUL characters in the raw string)."""
    if isinstance(node, nodes.Text):
        return node.astext()
    if isinstance(node, _LEFT_OUT):
        return _GAP
    return "".join(_inline_text(child) for child in node.children)


def spoken_blocks(node: nodes.Node) -> list[str]:
    """The text blocks of *node* (a turn, or anything in it), each on one line with its
    white space collapsed: a paragraph, a list item's paragraph, a code block, a quote's
    attribution … never two blocks run together."""
    if isinstance(node, _LEFT_OUT):
        return []
    if isinstance(node, nodes.TextElement | nodes.Text):
        text = _inline_text(node)
        if _GAP in text:  # (most paragraphs left nothing out: no regular expression scan)
            text = _GAP_BEFORE_PUNCTUATION.sub("", text)
        text = " ".join(text.split())
        if text and isinstance(node, nodes.attribution):
            text = "\u2014" + text  # as the HTML writer shows it
        return [text] if text else []
    blocks: list[str] = []
    for child in node.children:
        blocks.extend(spoken_blocks(child))
    return blocks


def turn_cues(doctree: nodes.Element) -> list[formats.Cue]:
    """The page's resolved turns: speaker name as shown, start time, text without the
    label (one line per block)."""
    cues = []
    for turn in block_elements(doctree):
        if not isinstance(turn, pn.turn) or not turn.get("speaker"):
            continue
        start = turn.get("start")
        cues.append(
            formats.Cue(
                float(start) if start is not None else None,
                None,
                turn.get("speaker_name") or turn["speaker"],
                "\n".join(spoken_blocks(turn)),
                turn.line or 0,
            )
        )
    return cues


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
        nav = next((child for child in header.children if isinstance(child, pn.episode_nav)), None)
        if nav is not None:
            header.insert(header.index(nav), line)
        else:
            header += line


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
