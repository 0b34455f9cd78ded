"""Jekyll/Markdown transcript posts → a MyST episode page.

The posts people publish today look like this::

    ---
    title: "Ada Example on Tide Tables"
    youtubeId: AbCdEfGhIjK
    spotifyId: 0123456789abcdefABCDEF
    ---

    {% include youtubePlayer.html id=page.youtubeId %}

    An intro paragraph.

    # Outline

    * [Getting started](#getting-started)

    # Getting started

    **Sam**: What do you do? <a href="#outline">⬆</a>

What they do by hand becomes markup: the front matter an ``episode``
directive, the hand-written outline an ``outline`` directive (its chapter
times the sections' first turn times), the back links disappear (the
outline adds them). Turns ``**Name**: …`` stay as written; old quote turns
``Name: "…"`` become bold-name turns. HTML and Liquid that have no
equivalent are kept and reported, never dropped silently.

One module per concern, each step reading and editing a :class:`.post.Post`:
:mod:`.frontmatter`, :mod:`.blocks` (blocks and headings), :mod:`.markup`
(Liquid and HTML), :mod:`.outline` (outline, chapters, back links),
:mod:`.labels` (which labels are speakers, markers or nobody's), :mod:`.turns`
(the turns written), :mod:`.links`, :mod:`.episode`.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from ..base import Imported, Options
from ..myst import directive, escape_inline
from ..speakers import SpeakerFile
from ..textfile import InputError
from .blocks import Block, find_headings, heading_text, plain, split_blocks
from .episode import DATE_IN_NAME, episode_options, summary_block
from .frontmatter import read_front_matter
from .links import old_anchors, rewrite_links
from .markup import close_inline_html, html_paragraphs, liquid, report_html
from .outline import find_outline, remove_backlinks, replace_outline
from .people import Cast, prose
from .post import Post
from .quotes import mark_quote_sections, write_quotes
from .site import SiteMap
from .turns import bold_turn, find_turns

__all__ = ["convert_markdown", "looks_like_markdown"]

_EPISODE_DIRECTIVE = re.compile(
    r"^[ \t]*(?:(?:`{3,}|:{3,})\{(?:podcast:)?episode\}|\.\.[ \t]+(?:podcast:)?episode::)", re.M
)


def looks_like_markdown(text: str) -> bool:
    return text.startswith("---\n") or bool(re.search(r"^\*\*[^*\n]+\*\*\s*:", text, re.M))


def convert_markdown(
    text: str,
    filename: str,
    options: Options,
    speakers: SpeakerFile,
    site: SiteMap | None = None,
) -> Imported:
    """Convert a Jekyll/Markdown transcript post; *speakers* learns the names it finds."""
    existing = _EPISODE_DIRECTIVE.search(text)
    if existing:
        line = text.count("\n", 0, existing.start()) + 1
        raise InputError(
            "already a sphinx-podcast page (it has an episode directive): nothing to import",
            filename,
            line,
        )
    post = Post(text, filename, options, speakers)
    post.front, body = read_front_matter(text, filename)
    post.blocks = split_blocks(body, post.front.body_line, post.warn)
    liquid(post)
    html_paragraphs(post)
    headings = find_headings(post.blocks)
    find_outline(post, headings)  # the outline's anchors: back links point there
    remove_backlinks(post)
    post.blocks = [block for block in post.blocks if block.kind != "empty"]
    cast = Cast(filename, options, post.front, _title_for_names(post), _prose(post), speakers)
    mark_quote_sections(post, cast)
    turns = find_turns(post, cast)
    write_quotes(post)
    names = turns.names
    headings = find_headings(post.blocks)
    found = find_outline(post, headings)
    if found is not None:
        replace_outline(post, headings, found)
        headings = find_headings(post.blocks)
    rewrite_links(post, headings, site)
    close_inline_html(post)
    report_html(post)
    title = _title_and_levels(post)
    old_anchors(post)
    for name in names:
        speakers.add(name)
    # the front matter's summary is text: escaped, so it cannot hold directives or HTML
    summary = _plain_paragraphs(post.front.value("description", "excerpt", "summary")[1])
    if not summary:
        block = summary_block(post)
        if block is not None:
            summary = block.text
            post.blocks.remove(block)
    options_ = episode_options(post, names, cast)
    starts = (bold_turn(b.lines[0]) for b in post.blocks if b.kind == "para")
    labels = [label for label in starts if label is not None]
    parts = [f"# {title}", directive("episode", "", options_, summary)]
    parts.extend(block.text for block in post.blocks)
    return Imported(
        text="\n\n".join(parts).rstrip("\n") + "\n",
        fmt="markdown",
        speakers=names,
        turns=len(labels),
        timed=sum(1 for label in labels if label.time),
        notes=sorted(post.notes, key=lambda note: note.line),
        chapters=(post.chapters[0], post.chapters[1]),
        kept=post.kept,
        date=dict(options_).get("date", ""),
    )


def _plain_paragraphs(text: str) -> str:
    """*text* as Markdown paragraphs that say exactly it (see :func:`escape_inline`)."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(escape_inline(p) for p in paragraphs if p.strip())


def _title_for_names(post: Post) -> str:
    """The title as far as it names people: the option's, the front matter's, a heading's."""
    title = post.options.title or post.front.value("title")[1]
    if not title:
        first = next((b for b in post.blocks if b.kind == "heading" and b.level == 1), None)
        title = plain(heading_text(first)) if first is not None else ""
    return title


def _prose(post: Post) -> str:
    """The post's text outside code, for the first full mention of a name."""
    return prose("\n".join(b.text for b in post.blocks if b.kind not in ("code", "highlight")))


def _title_and_levels(post: Post) -> str:
    """The page title (the front matter's, or a lone level-1 heading's, or the file
    name's); the post's own headings move down a level if one is level 1."""
    title = post.options.title or post.front.value("title")[1]
    content_headings = [b for b in post.blocks if b.kind == "heading"]
    if (
        not title
        and content_headings
        and content_headings[0].level == 1
        and (
            post.blocks.index(content_headings[0]) == 0
            or sum(1 for b in content_headings if b.level == 1) == 1
        )
    ):
        first = content_headings[0]
        title = plain(heading_text(first))
        post.blocks.remove(first)
        content_headings = content_headings[1:]
    if not title:
        stem = PurePath(post.filename).stem
        match = DATE_IN_NAME.match(stem)
        title = (match["rest"] if match else stem).replace("-", " ").replace("_", " ")
        title = title[:1].upper() + title[1:]
        post.note(0, f"no title in the front matter: the page is called {title!r}")
    _close_up_levels(post, content_headings)
    # text: one line, escaped (a front matter title with a line break would start a
    # directive of its own)
    return escape_inline(title)


def _close_up_levels(post: Post, headings: list[Block]) -> None:
    """Headings under the title: the top ones at level 2, and no level skipped (a
    level-4 heading right under a level-2 one becomes level 3), as Sphinx needs."""
    stack: list[tuple[int, int]] = []  # (level in the post, level on the page)
    closed = 0
    for block in headings:
        while stack and stack[-1][0] >= block.level:
            stack.pop()
        level = stack[-1][1] + 1 if stack else 2
        if level > 6:
            post.warn(block.line, "heading deeper than level 6 kept at level 6")
            level = 6
        if stack and block.level - stack[-1][0] > 1:
            closed += 1
        stack.append((block.level, level))
        block.lines = ["#" * level + " " + heading_text(block).strip()]
        block.level = level
    if closed:
        post.note(0, f"{closed} headings that skipped a level were closed up")
