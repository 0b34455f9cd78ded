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
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import yaml
from docutils.nodes import make_id

from .. import media
from ..model import TimeFormatError, normalize_name, parse_time
from .base import Imported, Note, Options
from .myst import clean_name, directive, time_text
from .speakers import SpeakerFile
from .textfile import InputError

__all__ = ["convert_markdown", "looks_like_markdown"]

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?P<char>=+|-+)[ \t]*$")
_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(?P<text>.*)$")
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d{1,3})?"
# - 02:28 Title · - [02:28] Title · - 02:28 - Title · - [02:28](…) Title · - 02:28 [Title](#a)
_CHAPTER_ITEM = re.compile(
    rf"^\[?(?P<time>{_TIME})\]?(?:\([^)\s]*\))?[ \t]*(?:[-–—:|][ \t]*)?(?P<title>.+)$"
)
_ANCHOR_LINK = re.compile(r"^\[(?P<text>[^\]]+)\]\(#(?P<anchor>[^)\s]+)\)[ \t]*$")
_INCLUDE = re.compile(r"^[ \t]*\{%-?[ \t]*include[ \t]+(?P<file>\S+)(?P<args>.*?)-?%\}[ \t]*$")
_INCLUDE_ID = re.compile(r"""\bid=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s%]+))""")
_LIQUID_VAR = re.compile(r"\{\{-?\s*page\.(?P<key>\w+)\s*-?\}\}")
_LIQUID = re.compile(r"\{%-?.*?-?%\}|\{\{-?.*?-?\}\}")
_HIGHLIGHT = re.compile(r"^[ \t]*\{%-?[ \t]*highlight[ \t]+(?P<lang>[\w+-]+)[^%]*%\}[ \t]*$")
_END_HIGHLIGHT = re.compile(r"^[ \t]*\{%-?[ \t]*endhighlight[ \t]*-?%\}[ \t]*$")
_RAW_TAG = re.compile(r"\{%-?[ \t]*(?:end)?raw[ \t]*-?%\}")
_HTML_TAG = re.compile(r"</?(?P<tag>[A-Za-z][A-Za-z0-9-]*)\b[^<>]*>")
_CODE_SPAN = re.compile(r"(`+).*?\1")
_DATE_IN_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<rest>.+)$")
_BOLD_TURN = re.compile(
    r"^\*\*(?P<name>[^*\n]{1,80}?)\*\*(?P<between>[ \t]*(?:[\[(](?P<time>[^\])\n]*)[\])])?[ \t]*):"
    r"(?=\s|$)"
)
_BOLD_TURN_INSIDE = re.compile(
    r"^\*\*(?P<name>[^*\n:]{1,80}?)(?P<between>[ \t]*(?:[\[(](?P<time>[^\])\n]*)[\])])?[ \t]*):\*\*"
    r"(?=\s|$)"
)


def _bold_turn(line: str) -> re.Match[str] | None:
    """``**Ada** [01:12]: …`` or ``**Ada [01:12]:** …`` at the start of *line*."""
    return _BOLD_TURN.match(line) or _BOLD_TURN_INSIDE.match(line)


_QUOTE_TURN = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}):[ \t]+(?P<quote>[\"“])(?P<rest>.*)$",
    re.DOTALL,
)
_MD_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(?P<text>.+?)(?<=\S)\1")
_EPISODE_DIRECTIVE = re.compile(
    r"^[ \t]*(?:(?:`{3,}|:{3,})\{(?:podcast:)?episode\}|\.\.[ \t]+(?:podcast:)?episode::)", re.M
)
_LOCAL_LINK = re.compile(r"(?P<before>\]\(|href=[\"'])#(?P<anchor>[^)\s\"']+)")

_OUTLINE_TITLES = {
    "outline",
    "contents",
    "table of contents",
    "toc",
    "chapters",
    "timestamps",
    "time stamps",
    "episode outline",
    "show notes",
}
_BACKLINK_ANCHORS = {"outline", "contents", "table-of-contents", "toc", "top"}
_ARROWS = (
    r"(?:⬆️?|↑|⇧|⤴️?|🔝|\^|&uarr;|&#8593;|&#x2191;"
    r"|back(?: to (?:the )?(?:top|outline|contents))?|top)"
)
_NOT_SPEAKERS = {
    "note",
    "notes",
    "disclaimer",
    "update",
    "edit",
    "warning",
    "summary",
    "transcript",
    "source",
    "sources",
    "links",
    "tl;dr",
    "tldr",
    "context",
    "correction",
    "editor's note",
}
_PLAYERS = ("player", "youtube", "spotify", "vimeo", "soundcloud", "audio", "video", "podcast")
_USED_KEYS = {
    "title",
    "date",
    "youtubeid",
    "youtube_id",
    "youtube",
    "youtubeurl",
    "video",
    "spotifyid",
    "spotify_id",
    "spotify",
    "spotifyurl",
    "vimeoid",
    "vimeo_id",
    "vimeo",
    "audio",
    "mp3",
    "episode",
    "number",
    "episode_number",
    "season",
    "duration",
    "category",
    "categories",
    "tags",
    "image",
    "description",
    "excerpt",
    "summary",
    "explicit",
    "guid",
}
_GENERIC_CATEGORIES = {"podcast", "podcasts", "episode", "episodes", "post", "posts", "blog"}


def looks_like_markdown(text: str) -> bool:
    return text.startswith("---\n") or bool(re.search(r"^\*\*[^*\n]+\*\*\s*:", text, re.M))


@dataclass
class _Block:
    line: int
    lines: list[str]
    kind: str  # heading, code, list, para, blank-separated text
    level: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class _Heading:
    index: int
    level: int
    title: str  # plain text
    anchors: set[str] = field(default_factory=set)
    docutils_id: str = ""


def _plain(markdown: str) -> str:
    text = _MD_LINK.sub(lambda m: m["text"], markdown)
    text = _HTML_TAG.sub("", text)
    text = _EMPHASIS.sub(lambda m: m["text"], text)
    text = text.replace("`", "")
    return " ".join(text.split())


def _kramdown_id(title: str) -> str:
    """The id kramdown (Jekyll's default) gives a heading."""
    text = re.sub(r"[^\w\s-]", "", title, flags=re.UNICODE).casefold()
    text = re.sub(r"\s", "-", text.strip())
    return re.sub(r"^[^a-z]+", "", text)


def _github_id(title: str) -> str:
    """The id GitHub-flavoured Markdown (jekyll-gfm, GitHub Pages) gives a heading."""
    text = re.sub(r"[^\w\- ]", "", title.strip().casefold(), flags=re.UNICODE)
    return text.replace(" ", "-")


def _comparable(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", normalize_name(title)).split())


class _Converter:
    def __init__(self, text: str, filename: str, options: Options, speakers: SpeakerFile) -> None:
        self.source = text
        self.filename = filename
        self.options = options
        self.speaker_file = speakers
        self.notes: list[Note] = []
        self.front: dict[str, Any] = {}
        self.body_line = 1
        self.media_ids: dict[str, str] = {}
        self.blocks: list[_Block] = []
        self.outline_anchors: set[str] = set()
        self.outline_replaced = False
        self.outline_title = ""
        self.outline_depth = 0

    # -- helpers -----------------------------------------------------------------

    def note(self, line: int, message: str, level: str = "info") -> None:
        self.notes.append(Note(line, message, "warning" if level == "warning" else "info"))

    def error(self, line: int, message: str) -> InputError:
        return InputError(message, self.filename, line)

    # -- front matter ------------------------------------------------------------

    def read_front_matter(self) -> list[str]:
        lines = self.source.split("\n")
        if not lines or lines[0].rstrip() != "---":
            return lines
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                break
        else:
            raise self.error(1, "the front matter starting here is never closed by '---'")
        raw = "\n".join(lines[1:index])
        try:
            data = yaml.safe_load(raw) if raw.strip() else {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            problem = getattr(error, "problem", None) or "not valid YAML"
            raise self.error(line, f"front matter: {problem}") from None
        if not isinstance(data, dict):
            raise self.error(1, "the front matter is not a set of 'key: value' lines")
        self.front = {str(key): value for key, value in data.items()}
        self.body_line = index + 2
        return lines[index + 1 :]

    def front_line(self, key: str) -> int:
        pattern = re.compile(rf"^{re.escape(key)}\s*:")
        for number, line in enumerate(self.source.split("\n")[: self.body_line], start=1):
            if pattern.match(line):
                return number
        return 1

    def front_value(self, *keys: str) -> tuple[str, str]:
        lowered = {key.lower(): key for key in self.front}
        for key in keys:
            real = lowered.get(key)
            if real is not None and self.front[real] not in (None, ""):
                value = self.front[real]
                if isinstance(value, list):
                    value = ", ".join(str(item) for item in value)
                return real, str(value).strip()
        return "", ""

    # -- blocks ------------------------------------------------------------------

    def split_blocks(self, lines: list[str]) -> None:
        blocks: list[_Block] = []
        current: _Block | None = None
        fence = ""
        for offset, line in enumerate(lines):
            number = self.body_line + offset
            if fence:
                assert current is not None
                current.lines.append(line)
                stripped = line.strip()
                if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                    fence = ""
                    current = None
                continue
            opener = _FENCE.match(line)
            if opener:
                current = _Block(number, [line], "code")
                blocks.append(current)
                fence = opener["fence"]
                continue
            if _HIGHLIGHT.match(line):
                current = _Block(number, [line], "highlight")
                blocks.append(current)
                continue
            if current is not None and current.kind == "highlight":
                current.lines.append(line)
                if _END_HIGHLIGHT.match(line):
                    current = None
                continue
            if not line.strip():
                current = None
                continue
            heading = _ATX.match(line)
            if heading and not line.startswith("    "):
                blocks.append(_Block(number, [line], "heading", len(heading["hashes"])))
                current = None
                continue
            setext = _SETEXT.match(line)
            if (
                setext
                and current is not None
                and current.kind == "para"
                and len(current.lines) == 1
            ):
                current.kind = "heading"
                current.level = 1 if setext["char"].startswith("=") else 2
                current.lines = ["#" * current.level + " " + current.lines[0].strip()]
                current = None
                continue
            if current is None:
                kind = "list" if _LIST_ITEM.match(line) else "para"
                if line.lstrip().startswith(">"):
                    kind = "quote"
                current = _Block(number, [], kind)
                blocks.append(current)
            current.lines.append(line)
        if fence and current is not None:
            self.note(
                current.line,
                "this code block is never closed; it runs to the end of the file",
                "warning",
            )
        self.blocks = blocks

    # -- Liquid and players ------------------------------------------------------

    def liquid(self) -> None:
        kept: list[_Block] = []
        for block in self.blocks:
            if block.kind == "code":
                kept.append(block)
                continue
            if block.kind == "highlight":
                kept.append(self.highlight(block))
                continue
            new_lines: list[str] = []
            for offset, line in enumerate(block.lines):
                number = block.line + offset
                include = _INCLUDE.match(line)
                if include:
                    if self.player_include(include, number):
                        continue
                    self.note(
                        number,
                        f"Liquid include {include['file']!r} kept as written: Sphinx does not "
                        "run Liquid; replace it by hand",
                        "warning",
                    )
                    new_lines.append(line)
                    continue
                line = self.page_variables(line, number)
                if _RAW_TAG.search(line):
                    line = _RAW_TAG.sub("", line)
                    self.note(number, "Liquid {% raw %} tags removed (their text is kept)")
                    if not line.strip():
                        continue
                for match in _LIQUID.finditer(_CODE_SPAN.sub("", line)):
                    self.note(
                        number,
                        f"Liquid {match.group(0)!r} kept as written: Sphinx does not run Liquid",
                        "warning",
                    )
                new_lines.append(line)
            if new_lines:
                block.lines = new_lines
                kept.append(block)
        self.blocks = kept

    def highlight(self, block: _Block) -> _Block:
        match = _HIGHLIGHT.match(block.lines[0])
        assert match is not None
        body = block.lines[1:]
        if body and _END_HIGHLIGHT.match(body[-1]):
            body = body[:-1]
        else:
            self.note(block.line, "{% highlight %} without {% endhighlight %}", "warning")
        self.note(block.line, "Liquid {% highlight %} block became a code block")
        fence = "```"
        while any(fence in line for line in body):
            fence += "`"
        return _Block(block.line, [f"{fence}{match['lang']}", *body, fence], "code")

    def player_include(self, include: re.Match[str], number: int) -> bool:
        """Drop a player include (its media goes into the episode directive); True if dropped."""
        name = include["file"].lower()
        provider = next((p for p in _PLAYERS if p in name), "")
        if not provider:
            return False
        id_match = _INCLUDE_ID.search(include["args"])
        value = ""
        if id_match:
            value = id_match["dq"] or id_match["sq"] or id_match["bare"] or ""
            page_var = re.fullmatch(r"page\.(\w+)", value)
            if page_var:
                value = ""  # the front matter value, read there
        kind = provider if provider in ("youtube", "spotify", "vimeo") else ""
        if value and kind and kind not in self.media_ids:
            self.media_ids[kind] = value
        self.note(number, f"player include {include['file']!r} dropped: the episode shows it")
        return True

    def page_variables(self, line: str, number: int) -> str:
        def substitute(match: re.Match[str]) -> str:
            key = match["key"]
            if key in self.front and isinstance(self.front[key], str | int | float):
                self.note(number, f"Liquid {match.group(0)!r} replaced by its value")
                return str(self.front[key])
            return match.group(0)

        return _LIQUID_VAR.sub(substitute, line)

    # -- back links --------------------------------------------------------------

    def backlinks(self) -> None:
        anchors = set(_BACKLINK_ANCHORS) | self.outline_anchors
        names = "|".join(re.escape(a) for a in sorted(anchors, key=len, reverse=True))
        html = re.compile(
            rf"[ \t]*<a\s[^<>]*href=[\"']#(?:{names})[\"'][^<>]*>\s*(?:<[^<>]+>\s*)*"
            rf"{_ARROWS}?\s*(?:</[^<>]+>\s*)*</a>",
            re.IGNORECASE,
        )
        markdown = re.compile(rf"[ \t]*\[\s*{_ARROWS}\s*\]\(#(?:{names})\)", re.IGNORECASE)
        removed = 0
        kept: list[_Block] = []
        for block in self.blocks:
            if block.kind in ("code", "heading"):
                kept.append(block)
                continue
            new_lines = []
            for line in block.lines:
                new, count_html = html.subn("", line)
                new, count_md = markdown.subn("", new)
                if count_html or count_md:
                    removed += count_html + count_md
                    if not new.strip():
                        continue
                    new = new.rstrip()
                new_lines.append(new)
            block.lines = new_lines
            if not new_lines:
                block.kind = "empty"
            kept.append(block)
        self.blocks = kept
        if removed:
            self.note(0, f"{removed} hand-written back links removed: the outline adds them")

    # -- headings ----------------------------------------------------------------

    def headings(self) -> list[_Heading]:
        found: list[_Heading] = []
        used: set[str] = set()
        for index, block in enumerate(self.blocks):
            if block.kind != "heading":
                continue
            match = _ATX.match(block.lines[0])
            raw = (match["text"] or "") if match else ""
            # kramdown's explicit ids: "## Title {#id}"
            explicit = re.search(r"\s*\{#(?P<id>[\w-]+)\}\s*$", raw)
            anchors: set[str] = set()
            if explicit:
                anchors.add(explicit["id"])
                raw = raw[: explicit.start()]
                block.lines = ["#" * block.level + " " + raw]
            title = _plain(raw)
            anchors.update({_kramdown_id(title), _github_id(title)})
            identifier = make_id(title)
            if identifier in used:
                identifier = ""
            used.add(identifier)
            found.append(_Heading(index, block.level, title, anchors, identifier))
        return found

    # -- the outline -------------------------------------------------------------

    def find_outline(self, headings: list[_Heading]) -> tuple[int, int, list[_Block]] | None:
        """(first block, last block, list blocks) of the hand-written outline, if any."""
        first_content = next(
            (b for b in self.blocks if b.kind == "para" and self.turn_name(b)), None
        )
        limit = self.blocks.index(first_content) if first_content else len(self.blocks)
        for heading in headings:
            if heading.index >= limit:
                break
            if _comparable(heading.title) not in _OUTLINE_TITLES:
                continue
            lists = []
            end = heading.index
            for block in self.blocks[heading.index + 1 :]:
                if block.kind != "list":
                    break
                lists.append(block)
                end += 1
            if lists:
                self.outline_title = heading.title
                self.outline_anchors = {a for a in heading.anchors if a}
                return heading.index, end, lists
        # a bare list of chapter times or of in-page links before the transcript
        for index, block in enumerate(self.blocks[:limit]):
            if block.kind != "list":
                continue
            items = self.list_items(block)
            if len(items) >= 2 and all(
                _CHAPTER_ITEM.match(text) or _ANCHOR_LINK.match(text) for _line, _d, text in items
            ):
                return index, index, [block]
        return None

    def list_items(self, block: _Block) -> list[tuple[int, int, str]]:
        """(line, depth, text) of a list's items; continuation lines join their item."""
        items: list[tuple[int, int, str]] = []
        indents: list[int] = []
        for offset, line in enumerate(block.lines):
            match = _LIST_ITEM.match(line)
            if not match:
                if items:
                    number, depth, text = items[-1]
                    items[-1] = (number, depth, f"{text} {line.strip()}")
                continue
            width = len(match["indent"].expandtabs(4))
            while indents and width < indents[-1]:
                indents.pop()
            if not indents or width > indents[-1]:
                indents.append(width)
            items.append((block.line + offset, len(indents), match["text"].strip()))
        return items

    def outline(self, headings: list[_Heading], found: tuple[int, int, list[_Block]]) -> None:
        first, last, lists = found
        items = [item for block in lists for item in self.list_items(block)]
        by_anchor = {a: h for h in headings for a in h.anchors if a}
        by_title = {_comparable(h.title): h for h in headings}
        chapters: list[tuple[int, float, str, _Heading | None]] = []
        unmatched_links: list[tuple[int, str]] = []
        self.outline_depth = max((depth for _line, depth, _text in items), default=0)
        for number, _depth, text in items:
            chapter = _CHAPTER_ITEM.match(text)
            if chapter:
                try:
                    start = parse_time(chapter["time"])
                except TimeFormatError as error:
                    raise self.error(number, f"outline: {error}") from None
                title_text = chapter["title"].strip()
                link = _ANCHOR_LINK.match(title_text)
                target = by_anchor.get(link["anchor"]) if link else None
                plain = _plain(title_text)
                target = target or by_title.get(_comparable(plain)) or self.fuzzy(plain, headings)
                chapters.append((number, start, plain, target))
                continue
            link = _ANCHOR_LINK.match(text)
            if link and link["anchor"] not in by_anchor:
                unmatched_links.append((number, link["text"]))
        sections = [h for h in headings if h.index > last]
        if chapters and not any(target for *_rest, target in chapters) and sections:
            self.note(
                lists[0].line,
                "the chapter list matches no section title; kept as written",
                "warning",
            )
            return
        for number, start, title, target in chapters:
            if target is None:
                self.note(
                    number,
                    f"chapter {title!r} at {time_text(start)} matches no section; "
                    "its time is not used",
                    "warning",
                )
                continue
            self.chapter_time(target, start, number, title)
        for number, title in unmatched_links:
            self.note(number, f"outline entry {title!r} links to no section here", "warning")
        if not sections:
            if chapters:
                self.note(lists[0].line, "chapter list kept as written: the page has no sections")
            return
        max_level = max(h.level for h in sections)
        min_level = min(h.level for h in sections)
        section_depth = max_level - min_level + 1
        depth = self.outline_depth if 0 < self.outline_depth < section_depth else 0
        title = self.outline_title
        options = [("title", title if title and _comparable(title) != "outline" else "")]
        options.append(("depth", str(depth) if depth else ""))
        replacement = _Block(
            self.blocks[first].line, [directive("outline", "", options)], "outline"
        )
        self.blocks[first : last + 1] = [replacement]
        self.outline_replaced = True
        self.note(
            replacement.line,
            f"hand-written outline ({len(items)} entries) replaced by an outline directive",
        )

    def fuzzy(self, title: str, headings: list[_Heading]) -> _Heading | None:
        wanted = _comparable(title)
        best, best_ratio = None, 0.0
        for heading in headings:
            ratio = difflib.SequenceMatcher(None, wanted, _comparable(heading.title)).ratio()
            if ratio > best_ratio:
                best, best_ratio = heading, ratio
        return best if best_ratio >= 0.8 else None

    def chapter_time(self, heading: _Heading, start: float, number: int, title: str) -> None:
        for block in self.blocks[heading.index + 1 :]:
            if block.kind == "heading" and block.level <= heading.level:
                break
            if block.kind != "para":
                continue
            first = block.lines[0]
            bold = _bold_turn(first)
            if not bold:
                continue
            if bold["time"]:
                return  # the turn's own time wins
            cut = bold.start("between")
            block.lines[0] = f"{first[:cut]} [{time_text(start)}]{first[cut:]}"
            return
        self.note(
            number,
            f"chapter {title!r} at {time_text(start)}: its section has no speaker turn to "
            "carry the time",
            "warning",
        )

    # -- turns -------------------------------------------------------------------

    @staticmethod
    def turn_name(block: _Block) -> str:
        first = block.lines[0]
        match = _bold_turn(first)
        return match["name"].strip() if match else ""

    def speaker_counts(self) -> tuple[Counter[str], Counter[str]]:
        """How often each name starts a bold turn and a quote turn."""
        bold_counts: Counter[str] = Counter()
        quote_counts: Counter[str] = Counter()
        for block in self.blocks:
            if block.kind != "para":
                continue
            name = self.turn_name(block)
            if name:
                bold_counts[normalize_name(name)] += 1
                continue
            quote = _QUOTE_TURN.match(block.text)
            if quote:
                quote_counts[normalize_name(quote["name"])] += 1
        return bold_counts, quote_counts

    def is_speaker(self, name: str, count: int, bold_counts: Counter[str]) -> bool:
        """A name is taken for a speaker if it is known or starts at least two turns."""
        renamed = self.options.speakers.get(name, name)
        if normalize_name(renamed) in _NOT_SPEAKERS:
            return False
        known = any(self.speaker_file.find(n) is not None for n in (name, renamed))
        known = known or normalize_name(name) in {normalize_name(h) for h in self.options.hosts}
        return known or count >= 2 or bold_counts[normalize_name(name)] >= 2

    def convert_quotes(self) -> None:
        """Old quote turns ``Name: "…"`` → ``**Name**: …``."""
        bold_counts, quote_counts = self.speaker_counts()
        converted = 0
        for block in self.blocks:
            if block.kind != "para" or self.turn_name(block):
                continue
            quote = _QUOTE_TURN.match(block.text)
            if not quote:
                continue
            name = quote["name"]
            if not self.is_speaker(name, quote_counts[normalize_name(name)], bold_counts):
                self.note(
                    block.line,
                    f"{name!r} (once on the page) is not taken for a speaker; kept as written",
                )
                continue
            block.lines = self.quote_to_bold(block, quote)
            converted += 1
        if converted:
            self.note(0, f'{converted} quote turns (Name: "…") became bold-name turns')

    def turns(self) -> tuple[list[str], int, int]:
        """Speaker names (in order), number of turns and of timed turns."""
        bold_counts, _quotes = self.speaker_counts()
        names: list[str] = []
        seen: set[str] = set()
        turns = timed = 0
        for block in self.blocks:
            if block.kind != "para":
                continue
            first = block.lines[0]
            bold = _bold_turn(first)
            if not bold:
                continue
            name = bold["name"].strip()
            if not self.is_speaker(name, bold_counts[normalize_name(name)], bold_counts):
                self.note(
                    block.line,
                    f"bold label {name!r} (once on the page) is not declared as a speaker; "
                    "add it to the speakers if it is one",
                )
                continue
            time_value = (bold["time"] or "").strip()
            if time_value:
                try:
                    parse_time(time_value)
                except TimeFormatError as error:
                    raise self.error(block.line, f"turn of {name!r}: {error}") from None
                timed += 1
            renamed = self.options.speakers.get(name)
            if renamed:
                block.lines[0] = first.replace(name, clean_name(renamed), 1)
                name = renamed
            turns += 1
            if normalize_name(name) not in seen:
                seen.add(normalize_name(name))
                names.append(name)
        return names, turns, timed

    def quote_to_bold(self, block: _Block, quote: re.Match[str]) -> list[str]:
        name = quote["name"]
        lines = [block.lines[0][len(name) + 1 :].lstrip(), *block.lines[1:]]
        closing = {"“": "”", '"': '"'}[quote["quote"]]
        if lines[0].startswith(quote["quote"]) and lines[-1].rstrip().endswith((closing, '"', "”")):
            lines[0] = lines[0][1:]
            lines[-1] = lines[-1].rstrip()[:-1]
        return [f"**{name}**: {lines[0]}", *lines[1:]]

    # -- links and HTML ----------------------------------------------------------

    def local_links(self, headings: list[_Heading]) -> None:
        by_anchor: dict[str, str] = {}
        for heading in headings:
            if not heading.docutils_id:
                continue
            for anchor in heading.anchors:
                by_anchor.setdefault(anchor, heading.docutils_id)
            by_anchor.setdefault(heading.docutils_id, heading.docutils_id)
        if self.outline_replaced:  # the outline directive's id
            for anchor in self.outline_anchors | {"outline"}:
                by_anchor.setdefault(anchor, "outline")
        for block in self.blocks:
            if block.kind in ("code", "outline"):
                continue
            for offset, line in enumerate(block.lines):

                def fix(match: re.Match[str], number: int = block.line + offset) -> str:
                    anchor = match["anchor"]
                    target = by_anchor.get(anchor)
                    if target is None:
                        self.note(
                            number,
                            f"link to '#{anchor}' matches no heading on this page",
                            "warning",
                        )
                        return match.group(0)
                    return f"{match['before']}#{target}"

                block.lines[offset] = _LOCAL_LINK.sub(fix, line)

    def html(self) -> None:
        """Report the HTML kept: one note per group of tags found on the same lines."""
        seen: dict[str, list[int]] = {}
        for block in self.blocks:
            if block.kind in ("code", "outline"):
                continue
            for offset, line in enumerate(block.lines):
                for match in _HTML_TAG.finditer(_CODE_SPAN.sub("", line)):
                    lines = seen.setdefault(match["tag"].lower(), [])
                    if block.line + offset not in lines:
                        lines.append(block.line + offset)
        groups: dict[tuple[int, ...], list[str]] = {}
        for tag, lines in seen.items():
            groups.setdefault(tuple(lines), []).append(tag)
        for line_numbers, tags in groups.items():
            where = ", ".join(str(n) for n in line_numbers[:5]) + (
                " …" if len(line_numbers) > 5 else ""
            )
            hint = (
                "an embedded player: the episode directive's media options replace it"
                if "iframe" in tags
                else "shown by the HTML builders only"
            )
            shown = ", ".join(f"<{tag}>" for tag in tags)
            plural = "lines" if len(line_numbers) > 1 else "line"
            self.note(
                line_numbers[0],
                f"HTML {shown} kept as written ({plural} {where}): {hint}",
                "warning",
            )

    # -- the episode -------------------------------------------------------------

    def episode_options(self, names: list[str]) -> list[tuple[str, str]]:
        options: list[tuple[str, str]] = []
        used: set[str] = set()

        def take(*keys: str) -> str:
            real, value = self.front_value(*keys)
            if real:
                used.add(real)
            return value

        number = take("episode", "number", "episode_number")
        if number and number.isdigit():
            options.append(("number", number))
        elif number:
            self.note(self.front_line("episode"), f"episode number {number!r} is not a number")
        season = take("season")
        if season.isdigit():
            options.append(("season", season))
        options.append(("date", self.date(take("date"))))
        duration = take("duration")
        if duration:
            try:
                parse_time(duration)
                options.append(("duration", duration))
            except TimeFormatError as error:
                raise self.error(self.front_line("duration"), f"front matter: {error}") from None
        keys = {normalize_name(name): self.key_of(name) for name in names}
        hosts = [keys[normalize_name(h)] for h in self.options.hosts if normalize_name(h) in keys]
        if hosts:
            options.append(("hosts", ", ".join(hosts)))
            guests = [key for key in keys.values() if key not in hosts]
            options.append(("guests", ", ".join(guests)))
        options.append(
            (
                "youtube",
                self.media(
                    "youtube", take("youtubeid", "youtube_id", "youtube", "youtubeurl", "video")
                ),
            )
        )
        options.append(("vimeo", self.media("vimeo", take("vimeoid", "vimeo_id", "vimeo"))))
        options.append(
            (
                "spotify",
                self.media("spotify", take("spotifyid", "spotify_id", "spotify", "spotifyurl")),
            )
        )
        audio = take("audio", "mp3")
        if audio and not audio.startswith("https://"):
            self.note(
                self.front_line("audio"),
                f"audio {audio!r} is not an https URL: copy the file next to the page and "
                "give its path in :audio:",
                "warning",
            )
            audio = ""
        options.append(("audio", audio))
        image = take("image")
        if image and not image.startswith("https://"):
            self.note(
                self.front_line("image"),
                f"image {image!r} left out: copy it next to the page and give its path in :image:",
                "warning",
            )
            image = ""
        options.append(("image", image))
        category = take("category", "categories")
        categories = [c.strip() for c in category.split(",") if c.strip()]
        categories = [c for c in categories if c.lower() not in _GENERIC_CATEGORIES]
        options.append(("category", categories[0] if categories else ""))
        options.append(("tags", take("tags")))
        explicit = take("explicit")
        if explicit:
            options.append(("explicit", "yes" if explicit.lower() in ("true", "yes") else "no"))
        options.append(("guid", take("guid")))
        for key in ("title", "description", "excerpt", "summary"):
            take(key)
        unused = [key for key in self.front if key not in used]
        if unused:
            hint = ""
            if any(key.lower() == "permalink" for key in unused):
                hint = " (Sphinx names the page after its file; keep old URLs with redirects)"
            self.note(1, "front matter not used: " + ", ".join(unused) + hint)
        return options

    def key_of(self, name: str) -> str:
        speaker = self.speaker_file.find(name)
        return speaker.key if speaker else name

    def date(self, value: str) -> str:
        if value:
            text = value.strip()
            try:
                if len(text) > 10:
                    return dt.datetime.fromisoformat(text.replace(" ", "T", 1)).date().isoformat()
                return dt.date.fromisoformat(text).isoformat()
            except ValueError:
                pass
            match = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
            if match:
                return match.group(1)
            self.note(
                self.front_line("date"), f"date {value!r} is not YYYY-MM-DD; left out", "warning"
            )
        stem = PurePath(self.filename).name
        match = _DATE_IN_NAME.match(stem)
        if match:
            try:
                return dt.date.fromisoformat(match["date"]).isoformat()
            except ValueError:
                self.note(
                    0, f"the file name's date {match['date']!r} is not a real date", "warning"
                )
        return ""

    def media(self, provider: str, value: str) -> str:
        value = value or self.media_ids.get(provider, "")
        if not value:
            return ""
        try:
            if provider == "youtube":
                return media.parse_youtube(value)[0]
            if provider == "spotify":
                kind, spotify_id = media.parse_spotify(value)
                return spotify_id if kind == "episode" else f"{kind}/{spotify_id}"
            if provider == "vimeo":
                return media.parse_vimeo(value)[0]
        except media.MediaError as error:
            self.note(1, f"{provider}: {error}; left out", "warning")
            return ""
        return value

    # -- assembling --------------------------------------------------------------

    def convert(self) -> Imported:
        body = self.read_front_matter()
        self.split_blocks(body)
        self.liquid()
        headings = self.headings()
        found = self.find_outline(headings)
        self.backlinks()
        self.convert_quotes()
        if found is not None:
            self.outline(headings, found)
        self.blocks = [block for block in self.blocks if block.kind != "empty"]
        headings = self.headings()
        names, turns, timed = self.turns()
        self.local_links(headings)
        self.html()

        title = self.options.title or self.front_value("title")[1]
        level_shift = 0
        content_headings = [b for b in self.blocks if b.kind == "heading"]
        if (
            not title
            and content_headings
            and content_headings[0].level == 1
            and (
                self.blocks.index(content_headings[0]) == 0
                or sum(1 for b in content_headings if b.level == 1) == 1
            )
        ):
            first = content_headings[0]
            first_match = _ATX.match(first.lines[0])
            title = _plain((first_match["text"] if first_match else "") or "")
            self.blocks.remove(first)
            content_headings = content_headings[1:]
        if not title:
            stem = PurePath(self.filename).stem
            match = _DATE_IN_NAME.match(stem)
            title = (match["rest"] if match else stem).replace("-", " ").replace("_", " ")
            title = title[:1].upper() + title[1:]
            self.note(0, f"no title in the front matter: the page is called {title!r}")
        if content_headings and min(b.level for b in content_headings) == 1:
            level_shift = 1
        for block in content_headings:
            level = min(block.level + level_shift, 6)
            match = _ATX.match(block.lines[0])
            block.lines = ["#" * level + " " + ((match["text"] if match else "") or "").strip()]
            if block.level + level_shift > 6:
                self.note(block.line, "heading deeper than level 6 kept at level 6", "warning")
            block.level = level

        for name in names:
            self.speaker_file.add(name)
        summary_block = self.summary_block()
        summary = ""
        _real, description = self.front_value("description", "excerpt", "summary")
        if description:
            summary = description
        elif summary_block is not None:
            summary = summary_block.text
            self.blocks.remove(summary_block)
        options = self.episode_options(names)

        parts = [f"# {title.strip()}", directive("episode", "", options, summary)]
        parts.extend(block.text for block in self.blocks)
        return Imported(
            text="\n\n".join(parts).rstrip("\n") + "\n",
            fmt="markdown",
            speakers=names,
            turns=turns,
            timed=timed,
            notes=sorted(self.notes, key=lambda note: note.line),
        )

    def summary_block(self) -> _Block | None:
        for block in self.blocks:
            if block.kind in ("heading", "outline", "list", "code"):
                return None
            if block.kind == "para":
                if self.turn_name(block) or _HTML_TAG.search(block.text) or "{%" in block.text:
                    return None
                return block
        return None


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
    return _Converter(text, filename, options, speakers).convert()
