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
:mod:`.turns` (turns and speakers), :mod:`.links`, :mod:`.episode`.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from ..base import Imported, Options
from ..myst import directive, escape_inline
from ..speakers import SpeakerFile
from ..textfile import InputError
from .blocks import find_headings, heading_text, plain, split_blocks
from .episode import DATE_IN_NAME, episode_options, summary_block
from .frontmatter import read_front_matter
from .links import local_links
from .markup import liquid, report_html
from .outline import find_outline, remove_backlinks, replace_outline
from .post import Post
from .turns import convert_quotes, find_turns

__all__ = ["convert_markdown", "looks_like_markdown"]

_EPISODE_DIRECTIVE = re.compile(
    r"^[ \t]*(?:(?:`{3,}|:{3,})\{(?:podcast:)?episode\}|\.\.[ \t]+(?:podcast:)?episode::)", re.M
)


def looks_like_markdown(text: str) -> bool:
    return text.startswith("---\n") or bool(re.search(r"^\*\*[^*\n]+\*\*\s*:", text, re.M))


def convert_markdown(text: str, filename: str, options: Options, speakers: SpeakerFile) -> Imported:
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
    headings = find_headings(post.blocks)
    found = find_outline(post, headings)
    remove_backlinks(post)
    convert_quotes(post)
    if found is not None:
        replace_outline(post, headings, found)
    post.blocks = [block for block in post.blocks if block.kind != "empty"]
    headings = find_headings(post.blocks)
    names, turns, timed = find_turns(post)
    local_links(post, headings)
    report_html(post)
    title = _title_and_levels(post)
    for name in names:
        speakers.add(name)
    # the front matter's summary is text: escaped, so it cannot hold directives or HTML
    summary = _plain_paragraphs(post.front.value("description", "excerpt", "summary")[1])
    if not summary:
        block = summary_block(post)
        if block is not None:
            summary = block.text
            post.blocks.remove(block)
    options_ = episode_options(post, names)
    parts = [f"# {title}", directive("episode", "", options_, summary)]
    parts.extend(block.text for block in post.blocks)
    return Imported(
        text="\n\n".join(parts).rstrip("\n") + "\n",
        fmt="markdown",
        speakers=names,
        turns=turns,
        timed=timed,
        notes=sorted(post.notes, key=lambda note: note.line),
    )


def _plain_paragraphs(text: str) -> str:
    """*text* as Markdown paragraphs that say exactly it (see :func:`escape_inline`)."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(escape_inline(p) for p in paragraphs if p.strip())


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
    level_shift = 0
    if content_headings and min(b.level for b in content_headings) == 1:
        level_shift = 1
    for block in content_headings:
        level = min(block.level + level_shift, 6)
        block.lines = ["#" * level + " " + heading_text(block).strip()]
        if block.level + level_shift > 6:
            post.warn(block.line, "heading deeper than level 6 kept at level 6")
        block.level = level
    # text: one line, escaped (a front matter title with a line break would start a
    # directive of its own)
    return escape_inline(title)
