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
from dataclasses import dataclass
from pathlib import Path

from sphinx_podcast.importers.myst import option_value

#: The bad value classes: name → the value as the author writes it.
VALUES: dict[str, str] = {
    "arabic_digits": "١٢",
    "superscript": "²",
    "huge_number": "9" * 5000,
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


def _targets() -> list[Target]:
    targets = [
        Target(f"episode-{o}", _directive("episode", o), 4, k) for o, k in EPISODE_KINDS.items()
    ]
    for player, (argument, kinds) in PLAYER_ARGUMENTS.items():
        targets += [
            Target(f"{player}-{o}", _directive(player, o, argument), 4, k) for o, k in kinds.items()
        ]
        if player in ("audio", "video"):  # several sources: "a b c" is three files
            targets.append(
                Target(f"{player}-argument", _argument(player), 3, "media_file", "argument")
            )
        else:
            targets.append(
                Target(
                    f"{player}-argument",
                    _argument(player),
                    3,
                    player,
                    "argument",
                    extra=ONE_ARGUMENT,
                )
            )
    targets += [
        Target(f"outline-{o}", _directive("outline", o), 4, k)
        for o, k in (("depth", "whole>=1"), ("title", "text"))
    ]
    targets += [Target(f"episode-list-{o}", _list_page(o), 4, k) for o, k in LIST_KINDS.items()]
    speaker = "# @TITLE@\n\n:::{speaker} case-@CASE@\n:%s: @VALUE@\n:::\n"
    targets += [
        Target(f"speaker-{o}", speaker % o, 4, k, prefix=SPEAKER_PREFIXES.get(o, ""))
        for o, k in SPEAKER_KINDS.items()
    ]
    targets.append(
        Target(
            "speaker-key", "# @TITLE@\n\n:::{speaker} k@VALUE@\n:::\n", 3, "speaker_key", "argument"
        )
    )
    transcript = "# @TITLE@\n\n:::{transcript}\n:%s: @VALUE@\n%s:::\n"
    targets += [
        Target(
            f"transcript-{o}",
            transcript % (o, "" if o == "file" else ":file: /media/talk.vtt\n"),
            4,
            k,
        )
        for o, k in TRANSCRIPT_KINDS.items()
    ]
    turn = TURN_PAGE + ":::{turn} %s\n%sHello.\n:::\n"
    targets += [
        Target("turn-speaker", turn % ("@VALUE@ 00:01", ""), 8, "people", "argument"),
        Target("turn-time", turn % ("sam @VALUE@", ""), 8, "time", "argument", extra=NOT_TIME_LIKE),
        Target("turn-class", turn % ("sam 00:01", ":class: @VALUE@\n"), 9, "class"),
        Target("turn-name", turn % ("sam 00:01", ":name: @VALUE@\n"), 9, "text"),
        Target(
            "bold-time",
            TURN_PAGE + "**Sam** [@VALUE@]: Hello.\n",
            8,
            "time",
            "role",
            extra=NO_LABEL,
        ),
        Target("role-t", "# @TITLE@\n\nAt {t}`@VALUE@`.\n", 3, "time", "role"),
        Target("role-speaker", "# @TITLE@\n\nBy {speaker}`@VALUE@`.\n", 3, "people", "role"),
        Target("role-episode", "# @TITLE@\n\nIn {episode}`@VALUE@`.\n", 3, "episode", "role"),
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
                expected.append((target.line, tag))
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
LISTED = "# Listed\n\n:::{episode}\n:tags: listed\n:::\n\n## Part\n\n**Sam** [00:01]: Hello.\n"


def write_project(srcdir: Path, corpus: list[Case]) -> None:
    """The corpus as one project: a page per case, an index of them all."""
    srcdir.mkdir(parents=True)
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    (srcdir / "media").mkdir()
    (srcdir / "media" / "talk.vtt").write_text(TALK_VTT, encoding="utf-8")
    (srcdir / "listed.md").write_text(LISTED, encoding="utf-8")
    for case in corpus:
        (srcdir / f"{case.page}.md").write_text(case.text, encoding="utf-8")
    toctree = "\n".join(["listed", *(case.page for case in corpus)])
    (srcdir / "index.md").write_text(
        f"# Corpus\n\n```{{toctree}}\n:maxdepth: 1\n\n{toctree}\n```\n", encoding="utf-8"
    )
