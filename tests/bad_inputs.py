"""The bad-input corpus (issue 16): every option of every directive, the arguments of
directives and roles, and turn times, each with every class of bad value.

One page per case, written into one MyST project (:func:`write_project`). Each case
says what the build must report: the sorted (line, tag) of its warnings, where a tag
is ``podcast.<subtype>`` (or, where the parser refuses the value before we see it,
``docutils`` or ``myst.<subtype>``). A value class that a target accepts gives no
warning. Rules are tables: for each *kind* of value an option takes, the tag each
value class gets (``None``: accepted); :data:`TARGETS` says which kind each option is.

Adding an option to a directive? Add a row to :data:`TARGETS` (test_bad_input_corpus
fails until every option of every directive has one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sphinx_podcast.importers.myst import option_value

#: The bad value classes: name → the value as the author writes it.
VALUES: dict[str, str] = {
    "arabic_digits": "١٢",
    "superscript": "²",
    "huge_number": "9" * 4301,  # one digit past what int() converts
    "huge_time": "9" * 400 + ":00",
    "date_past_9999": "9999-12-31T23:59:59-01:00",
    "control": "a\x01b",
    "script": "<script>alert(1)</script>",
    "javascript": "javascript:alert(1)",
    "specials": "\"'{}[]\\$%&#~^_*",
    "encoded_newline": "https://youtu.be/dQw4w9WgXcQ%0A",
    "negative": "-5",
    "words": "a b c",
}

B, D, T, U, M, S, F, X = (
    "podcast.bad_option",
    "podcast.bad_duration",
    "podcast.bad_time",
    "podcast.unknown_speaker",
    "podcast.bad_media",
    "podcast.unsafe_url",
    "podcast.missing_file",
    "docutils",
)
ALL = tuple(VALUES)


def _table(default: str | None, **tags: str | None) -> dict[str, str | None]:
    """A tag for every value class: *default*, except those named."""
    unknown = set(tags) - set(VALUES)
    assert not unknown, unknown
    return {name: tags.get(name, default) for name in VALUES}


#: kind → value class → tag (None: accepted, no warning).
KINDS: dict[str, dict[str, str | None]] = {
    "text": _table(None),
    "whole>=1": _table(B),
    "whole>=0": _table(B),
    "choice": _table(B),
    "date": _table("podcast.bad_date"),
    "duration": _table(D),
    "time": _table(T),
    "people": _table(U),
    "youtube": _table(M, javascript=S),
    "vimeo": _table(M, javascript=S),
    "spotify": _table(M, javascript=S),
    "media_file": _table(F, javascript=S, specials=B, encoded_newline=None),
    "image": _table(F, javascript=S, huge_time=S, date_past_9999=S, encoded_newline=None),
    "length": _table(B),
    "url": _table(B, encoded_newline=None),
    "avatar": _table(B, encoded_newline=None),
    "speaker_key": _table(None, words="podcast.bad_speaker_key"),
    "transcript_file": _table(F),
    "flag": _table(None),  # MyST takes any value of a flag option as the flag
    "episode": _table("podcast.unknown_episode"),
    "soundbite": _table("podcast.soundbite"),
    # a class name is made of the value; MyST refuses what makes none (no letter)
    "class": _table(
        "myst.directive_option",
        script=None,
        javascript=None,
        control=None,
        date_past_9999=None,
        encoded_newline=None,
        words=None,
    ),
}


@dataclass(frozen=True)
class Target:
    """Where a value goes: *template* has ``@VALUE@`` at line *line* of the page (and
    ``@TITLE@``, ``@CASE@`` for the page's title and name)."""

    name: str
    template: str
    line: int
    kind: str
    #: how the value is written: "option" (quoted as MyST needs), "argument", "role"
    form: str = "option"
    #: value classes this target cannot take at all (the page could not say them)
    skip: tuple[str, ...] = ()
    #: tags that a value class gets here instead of the kind's (a parser's error)
    extra: tuple[tuple[str, str | None], ...] = ()
    #: written before the value (speaker names: so that no other case's reference,
    #: a host or a turn, names this speaker, and names and aliases do not clash)
    prefix: str = ""
    #: the line of the warning about the value, when not the value's own line
    warned_at: int | None = None


def _directive(name: str, option: str, argument: str = "") -> str:
    """A page with directive *name* (and its *argument*), option *option* on line 4, then
    a section with a timed turn."""
    head = f"# @TITLE@\n\n:::{{{name}}}{argument}\n:{option}: @VALUE@\n:::\n\n"
    return head + "## Part\n\n**Sam** [00:01]: Hello.\n"


def _argument(name: str) -> str:
    """A page with directive *name* whose argument is the value, on line 3."""
    return f"# @TITLE@\n\n:::{{{name}}} @VALUE@\n:::\n"


EPISODE_KINDS = {
    "number": "whole>=1",
    "season": "whole>=1",
    "date": "date",
    "duration": "duration",
    "hosts": "people",
    "guests": "people",
    "youtube": "youtube",
    "vimeo": "vimeo",
    "spotify": "spotify",
    "audio": "media_file",
    "audio-length": "whole>=0",
    "audio-type": "choice",
    "image": "image",
    "category": "text",
    "tags": "text",
    "explicit": "choice",
    "guid": "text",
    "type": "choice",
    "ai-content": "choice",
}
YOUTUBE_KINDS = {
    "title": "text",
    "start": "time",
    "width": "length",
    "height": "length",
    "align": "choice",
    "aspect": "choice",
    "url_parameters": "choice",
    "privacy_mode": "text",
}
SPOTIFY_KINDS = {
    "title": "text",
    "start": "time",
    "width": "length",
    "align": "choice",
    "height": "length",
}
AUDIO_KINDS = {
    "title": "text",
    "start": "time",
    "width": "length",
    "align": "choice",
    "captions": "media_file",
}
VIDEO_KINDS = {**AUDIO_KINDS, "aspect": "choice", "height": "length", "poster": "media_file"}
#: A valid argument for each player, so that the option alone is judged.
PLAYER_ARGUMENTS = {
    "youtube": (" dQw4w9WgXcQ", YOUTUBE_KINDS),
    "vimeo": (" 76979871", YOUTUBE_KINDS),
    "spotify": (" 1FEl3ZUC9k6GJmEDIqTLm5", SPOTIFY_KINDS),
    "audio": (" https://example.org/media/a.mp3", AUDIO_KINDS),
    "video": (" https://example.org/media/a.mp4", VIDEO_KINDS),
}
LIST_KINDS = {
    "layout": "choice",
    "speaker": "people",
    "category": "text",  # every value is some episode's category (see the episode cases)
    "tag": "text",
    "limit": "whole>=1",
    "sort": "choice",
    "reversed": "flag",
}
SPEAKER_KINDS = {
    "name": "text",
    "aliases": "text",
    "url": "url",
    "avatar": "avatar",
    "role": "text",
}
SPEAKER_PREFIXES = {"name": "Named ", "aliases": "Alias "}
TRANSCRIPT_KINDS = {
    "file": "transcript_file",
    "chapters": "transcript_file",
    "format": "choice",
    "speakers": "text",
}
SOUNDBITE_KINDS = {
    "speaker": "soundbite",
    "time": "time",
    "turn": "soundbite",
    "duration": "time",
    "tags": "text",
}
#: Values that every speaker list and highlight list of the site would show (two dozen
#: pages each): Sphinx's text writer cuts a long word into lines in quadratic time, and
#: 4,301 digits on sixty pages take a minute. The rest of the corpus has them.
SKIPPED_ON_LISTS = {
    "speaker-name": ("huge_number",),
    "speaker-key": ("huge_number",),
    "soundbite-speaker": ("huge_number",),
}
#: A highlight of no such speaker is warned about at the highlight (what it quotes).
SOUNDBITE_AT = {"speaker": 6}
SOUNDBITE_LIST_KINDS = {
    "speaker": "people",
    "episode": "episode",
    "tag": "text",
    "limit": "whole>=1",
}
# A value with a space is several arguments to a directive that takes one.
ONE_ARGUMENT = (("words", X),)
# The last word of turn's arguments is the time when it looks like one (digits and
# : . , + -); anything else is part of the speaker's name.
NOT_TIME_LIKE = tuple(
    (name, U)
    for name in (
        "superscript",
        "date_past_9999",
        "control",
        "script",
        "javascript",
        "specials",
        "words",
        "encoded_newline",
    )
)
# A ")" or "]" inside the brackets: no turn label (grammar.py); the paragraph stays as
# it is written.
NO_LABEL = (("script", None), ("javascript", None), ("specials", None))
TURN_PAGE = "# @TITLE@\n\n:::{episode}\n:::\n\n## Part\n\n"


def _list_page(option: str) -> str:
    """An episode list of at most one item (the page ``listed`` only, when the limit is
    the option judged): a thousand lists of every episode would take minutes."""
    lines = ["# @TITLE@", "", ":::{episode-list}", f":{option}: @VALUE@"]
    if option != "layout":
        lines.append(":layout: list")
    lines.append(":limit: 1" if option != "limit" else ":tag: listed")
    return "\n".join([*lines, ":::", ""])


def _soundbite_page(option: str) -> str:
    """A highlight before the turn it quotes: found by its quote, its :turn: or :time:."""
    return (
        f"# @TITLE@\n\n:::{{episode}}\n:::\n\n:::{{soundbite}}\n:{option}: @VALUE@\n"
        "Hello there.\n:::\n\n## Part\n\n**Sam** [00:01]: Hello there.\n"
    )


#: directive → (its page with one option at @OPTION@ and the value at @VALUE@ of line
#: LINE, LINE, the kind of each option). ``class`` and ``name`` are every directive's.
DIRECTIVE_PAGES: dict[str, tuple[str | Callable[[str], str], int, dict[str, str]]] = {
    "episode": (_directive("episode", "@OPTION@"), 4, EPISODE_KINDS),
    **{
        player: (_directive(player, "@OPTION@", argument), 4, kinds)
        for player, (argument, kinds) in PLAYER_ARGUMENTS.items()
    },
    "outline": (_directive("outline", "@OPTION@"), 4, {"depth": "whole>=1", "title": "text"}),
    "episode-list": (_list_page, 4, LIST_KINDS),
    "speaker-list": (_directive("speaker-list", "@OPTION@"), 4, {}),
    "speaker": (
        "# @TITLE@\n\n:::{speaker} case-@CASE@\n:@OPTION@: @VALUE@\n:::\n",
        4,
        SPEAKER_KINDS,
    ),
    "transcript": (
        "# @TITLE@\n\n:::{transcript}\n:@OPTION@: @VALUE@\n@FILE@:::\n",
        4,
        TRANSCRIPT_KINDS,
    ),
    "turn": (TURN_PAGE + ":::{turn} sam 00:01\n:@OPTION@: @VALUE@\nHello.\n:::\n", 9, {}),
    "soundbite": (_soundbite_page("@OPTION@"), 7, SOUNDBITE_KINDS),
    "soundbites": (
        TURN_PAGE.replace("## Part", ":::{soundbites}\n:@OPTION@: @VALUE@\n:::\n\n## Part")
        + "**Sam** [00:01]: Hello.\n",
        7,
        {},
    ),
    "soundbite-list": (
        "# @TITLE@\n\n:::{soundbite-list}\n:@OPTION@: @VALUE@\n:::\n",
        4,
        SOUNDBITE_LIST_KINDS,
    ),
}


def _targets() -> list[Target]:
    targets = []
    for directive, (page, line, kinds) in DIRECTIVE_PAGES.items():
        for option, kind in {**kinds, "class": "class", "name": "text"}.items():
            prefix = SPEAKER_PREFIXES.get(option, "") if directive == "speaker" else ""
            if option == "name" and directive != "speaker":
                prefix = f"{directive} name "  # a label: unique, and no episode's name
            text = page(option) if callable(page) else page.replace("@OPTION@", option)
            text = text.replace("@FILE@", "" if option == "file" else ":file: /media/talk.vtt\n")
            at = SOUNDBITE_AT.get(option, line) if directive == "soundbite" else line
            name = f"{directive}-{option}"
            skip = SKIPPED_ON_LISTS.get(name, ())
            targets.append(Target(name, text, line, kind, prefix=prefix, warned_at=at, skip=skip))
    for player in PLAYER_ARGUMENTS:
        if player in ("audio", "video"):  # several sources: "a b c" is three files
            extra: tuple[tuple[str, str | None], ...] = ()
            kind = "media_file"
        else:
            extra, kind = ONE_ARGUMENT, player
        targets.append(
            Target(f"{player}-argument", _argument(player), 3, kind, "argument", extra=extra)
        )
    turn = TURN_PAGE + ":::{turn} %s\nHello.\n:::\n"
    targets += [
        Target(
            "speaker-key",
            "# @TITLE@\n\n:::{speaker} k@VALUE@\n:::\n",
            3,
            "speaker_key",
            "argument",
            skip=SKIPPED_ON_LISTS["speaker-key"],
        ),
        Target("turn-speaker", turn % "@VALUE@ 00:01", 8, "people", "argument"),
        Target("turn-time", turn % "sam @VALUE@", 8, "time", "argument", extra=NOT_TIME_LIKE),
        Target(
            "bold-time",
            TURN_PAGE + "**Sam** [@VALUE@]: Hello.\n",
            8,
            "time",
            "role",
            extra=NO_LABEL,
        ),
        # "9999-12-31T23:59:59-01:00" reads as EPISODE:TIME: a moment of no episode
        Target(
            "role-t",
            "# @TITLE@\n\nAt {t}`@VALUE@`.\n",
            3,
            "time",
            "role",
            extra=(("date_past_9999", "podcast.unknown_episode"),),
        ),
        Target("role-speaker", "# @TITLE@\n\nBy {speaker}`@VALUE@`.\n", 3, "people", "role"),
        Target("role-episode", "# @TITLE@\n\nIn {episode}`@VALUE@`.\n", 3, "episode", "role"),
        Target("role-turn", "# @TITLE@\n\nSee {turn}`@VALUE@`.\n", 3, "episode", "role"),
    ]
    return targets


TARGETS = _targets()


@dataclass(frozen=True)
class Case:
    page: str
    text: str
    expected: tuple[tuple[int, str], ...]


def _page_name(target: str, value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", f"{target}-{value}".lower()).strip("-")


def cases() -> list[Case]:
    found = []
    for target in TARGETS:
        tags = dict(KINDS[target.kind])
        tags.update(dict(target.extra))
        for value_class, value in VALUES.items():
            if value_class in target.skip:
                continue
            page = _page_name(target.name, value_class)
            written = target.prefix + value
            if target.form == "option":
                written = option_value("x", written)
            text = (
                target.template.replace("@TITLE@", f"Case {page}")
                .replace("@CASE@", page)
                .replace("@VALUE@", written)
            )
            expected: list[tuple[int, str]] = []
            if "\x01" in value:  # removed with a warning; the rest is judged (control row)
                expected.append((target.line, "podcast.control_character"))
            tag = tags[value_class]
            if tag is not None:
                expected.append((target.warned_at or target.line, tag))
            found.append(Case(page, text, tuple(sorted(expected))))
    return found


CONF = """\
project = "Bad input corpus"
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
podcast_speakers = {"sam": {"name": "Sam Host", "aliases": ["Sam"]}, "ada": "Ada Example"}
html_sidebars = {"**": []}  # a global toctree of every page on every page: quadratic
latex_documents = [("index", "corpus.tex", "Corpus", "Tests", "manual")]
epub_copyright = "2026"
version = "1"
"""
TALK_VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Sam>Welcome.\n"
LISTED_PAGE = "# Listed\n\n:::{episode}\n:tags: listed\n:::\n\n## Part\n\n**Sam** [00:01]: Hello.\n"


def write_project(srcdir: Path, corpus: list[Case]) -> None:
    """The corpus as one project: a page per case, an index of them all."""
    srcdir.mkdir(parents=True)
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    (srcdir / "media").mkdir()
    (srcdir / "media" / "talk.vtt").write_text(TALK_VTT, encoding="utf-8")
    (srcdir / "listed.md").write_text(LISTED_PAGE, encoding="utf-8")
    for case in corpus:
        (srcdir / f"{case.page}.md").write_text(case.text, encoding="utf-8")
    toctree = "\n".join(["listed", *(case.page for case in corpus)])
    (srcdir / "index.md").write_text(
        f"# Corpus\n\n```{{toctree}}\n:maxdepth: 1\n\n{toctree}\n```\n", encoding="utf-8"
    )
