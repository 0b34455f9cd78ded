"""Issue 16, property-based: random caption files and random pages never crash the
readers, the command or the build, and ``import(export(turns))`` gives the turns back.

Hypothesis, with bounded examples and a fixed seed (``derandomize``): the same examples
every run, here and in CI. Builds are few (each example of the page property is one
build of several pages); the caption and round-trip properties need no Sphinx.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import string
from pathlib import Path

import pytest
from conftest import build_app, warnings_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinx_podcast import cli, formats
from sphinx_podcast import nodes as pn
from sphinx_podcast.importers import InputError, convert
from sphinx_podcast.importers.captions import turns_of

SETTINGS = {"derandomize": True, "database": None, "deadline": None}

# -- random caption files ---------------------------------------------------------------------

CLOCK = st.builds(
    lambda h, m, s, ms, sep: f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}",
    st.integers(0, 99),
    st.integers(0, 59),
    st.integers(0, 59),
    st.integers(0, 999),
    st.sampled_from([".", ","]),
)
NOISE = st.sampled_from(
    [
        "",
        "\n",
        " --> ",
        ":",
        "<v Ada>",
        "[SPEAKER_00]: ",
        ">> ",
        "WEBVTT",
        "\x01",
        "\u2028",
        "９",
        "9" * 400,
        "{",
        "}",
        "[",
        "]",
        '"',
        "\ufeff",
        "&amp;",
        "<b>",
        "-->",
        "NOTE",
    ]
)
LINE = st.one_of(
    st.text(min_size=0, max_size=40),
    st.builds(lambda a, b: f"{a} --> {b}", CLOCK, CLOCK),
    st.builds(lambda a, b: f"{a},{b}", CLOCK, CLOCK),
    NOISE,
)


@st.composite
def caption_files(draw: st.DrawFn) -> tuple[str, str]:
    """(file name, text): mostly caption-shaped, often broken."""
    kind = draw(st.sampled_from(["vtt", "srt", "sbv", "json", "txt"]))
    if kind == "json":
        segment = st.fixed_dictionaries(
            {},
            optional={
                "start": st.one_of(st.floats(allow_nan=True), st.integers(), st.text()),
                "end": st.one_of(st.floats(), st.integers(-5, 10**400)),
                "text": st.one_of(st.text(max_size=30), st.integers()),
                "speaker": st.one_of(st.text(max_size=10), st.none(), st.lists(st.integers())),
                "startTime": st.one_of(st.floats(), st.integers(0, 10**12)),
                "body": st.text(max_size=30),
            },
        )
        document = st.one_of(
            st.fixed_dictionaries({"segments": st.lists(segment, max_size=6)}),
            st.fixed_dictionaries(
                {"version": st.just("1.0.0"), "segments": st.lists(segment, max_size=6)}
            ),
            st.fixed_dictionaries({"chapters": st.lists(segment, max_size=4)}),
            st.recursive(st.none(), lambda inner: st.lists(inner, max_size=3), max_leaves=20),
        )
        text = json.dumps(draw(document), allow_nan=True)
    else:
        head = {"vtt": ["WEBVTT", ""], "srt": ["1"], "sbv": [], "txt": []}[kind]
        text = "\n".join(head + draw(st.lists(LINE, max_size=25)))
    return f"captions.{kind}", text


@settings(max_examples=400, **SETTINGS)
@given(caption_files())
def test_random_caption_files_never_crash_the_readers_or_the_importer(
    source: tuple[str, str],
) -> None:
    name, text = source
    try:
        transcript = formats.read(text, filename=name)
    except formats.FormatError:
        pass
    else:
        turns_of(transcript)
        for write in (formats.to_vtt, formats.to_srt, formats.to_podcast_json):
            write(transcript.cues)
    with contextlib.suppress(InputError):  # one clear error is fine; anything else is not
        convert(text, name)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], **SETTINGS)
@given(caption_files())
def test_random_caption_files_never_crash_the_command(
    tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], source
) -> None:  # type: ignore[no-untyped-def]
    work = tmp_path_factory.mktemp("command")
    name, text = source
    (work / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    status = cli.main(["import", str(work / name), "-o", str(work / "out")])
    err = capsys.readouterr().err
    assert status in (0, 1)
    assert "Traceback" not in err


# -- import(export(turns)) ---------------------------------------------------------------------

NAMES = ["Sam Host", "Ada Example", "Dr. Who", "A & B", "Zoë Ångström", "O'Neil", "李 明"]
WORD = st.text(
    alphabet=string.ascii_letters + "0123456789&<>{}'\"!?.,;éüßΩ李",
    min_size=1,
    max_size=12,
)


@st.composite
def turn_lists(draw: st.DrawFn) -> list[formats.Cue]:
    count = draw(st.integers(1, 8))
    gaps = draw(st.lists(st.integers(1, 90_000), min_size=count, max_size=count))
    cues, start = [], draw(st.integers(0, 5000))
    for gap in gaps:
        words = draw(st.lists(WORD, min_size=1, max_size=25))
        text = " ".join(words)
        cues.append(formats.Cue(start / 1000, None, draw(st.sampled_from(NAMES)), text))
        start += gap
    return cues


@settings(max_examples=150, **SETTINGS)
@given(turn_lists(), st.sampled_from(["vtt", "srt", "json"]))
def test_import_of_export_gives_the_turns_back(cues: list[formats.Cue], kind: str) -> None:
    write = {"vtt": formats.to_vtt, "srt": formats.to_srt, "json": formats.to_podcast_json}
    text = write[kind](cues)
    back = turns_of(formats.read(text, filename=f"x.{kind}"), None)[0]
    assert [(t.speaker, t.start, " ".join(t.text.split())) for t in back] == [
        (c.speaker, c.start, c.text) for c in cues
    ]


# -- random pages ------------------------------------------------------------------------------

OPTION_VALUES = st.sampled_from(
    [
        "7",
        "0",
        "١٢",
        "²",
        "9" * 500,
        "1:02:30",
        "1.5",
        "9" * 400 + ":00",
        "2025-05-01",
        "9999-12-31T23:59:59-01:00",
        "sam",
        "ada, nobody",
        "dQw4w9WgXcQ",
        "javascript:x",
        "https://example.org/a.mp3",
        "<b>x</b>",
        "a\x01b",
        "'q' #h",
        "yes",
        "16:9",
        "-5",
    ]
)
EPISODE_OPTIONS = st.sampled_from(
    [
        "number",
        "season",
        "date",
        "duration",
        "hosts",
        "guests",
        "youtube",
        "audio",
        "audio-length",
        "explicit",
        "tags",
        "category",
        "type",
    ]
)
SPOKEN = st.text(alphabet=string.ascii_letters + " .,!?&<>*_`[](){}:#\x02", max_size=60)
TIMES = st.sampled_from(["00:01", "1:02:03", "99:99", "٠١:٠٢", "9" * 320, "-5", "", "1.5"])


@st.composite
def pages(draw: st.DrawFn) -> str:
    lines = ["# A random page", ""]
    if draw(st.booleans()):
        lines.append(":::{episode}")
        for option in draw(st.lists(EPISODE_OPTIONS, max_size=5, unique=True)):
            lines.append(f":{option}: {draw(OPTION_VALUES)}")
        lines += [":::", ""]
    if draw(st.booleans()):
        lines += [":::{outline}", ":::", ""]
    for section in range(draw(st.integers(0, 3))):
        lines += [f"## Part {section}", ""]
        for _ in range(draw(st.integers(0, 5))):
            who = draw(st.sampled_from(["Sam", "Ada", "Nobody", "sam", "**", ""]))
            time = draw(TIMES)
            form = draw(st.sampled_from(["bold", "directive", "role", "plain"]))
            said = draw(SPOKEN)
            if form == "bold":
                lines.append(f"**{who}**{f' [{time}]' if time else ''}: {said}")
            elif form == "directive":
                lines += [f":::{{turn}} {who or 'sam'} {time}", said, ":::"]
            elif form == "role":
                lines.append(f"At {{t}}`{time or '0'}` {said}")
            else:
                lines.append(said)
            lines.append("")
    return "\n".join(lines)


CONF = """\
extensions = ["myst_parser", "sphinx_podcast"]
myst_enable_extensions = ["colon_fence"]
podcast_speakers = {"sam": {"name": "Sam Host", "aliases": ["Sam"]}, "ada": "Ada Example"}
podcast_base_url = "https://example.org/"
html_sidebars = {"**": []}
"""


@settings(max_examples=4, suppress_health_check=[HealthCheck.function_scoped_fixture], **SETTINGS)
@given(st.lists(pages(), min_size=1, max_size=12))
def test_random_pages_never_crash_the_build(tmp_path_factory, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
    srcdir = tmp_path_factory.mktemp("pages") / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    names = [f"page{number}" for number in range(len(texts))]
    for name, text in zip(names, texts, strict=True):
        (srcdir / f"{name}.md").write_text(text, encoding="utf-8")
    toctree = "\n".join(names)
    (srcdir / "index.md").write_text(f"# Index\n\n```{{toctree}}\n{toctree}\n```\n", "utf-8")
    app = build_app("html", srcdir, fresh=True)  # an exception fails the test, with its traceback
    for line in warnings_of(app):  # each at its page's line (or conf.py's values)
        if "[podcast." in line:
            assert re.match(r"^(?:page\d+\.md:\d+|(?:WARNING: )?conf\.py): ", line), line
    # every export written can be read back
    for vtt in Path(app.outdir).glob("*.vtt"):
        formats.read(vtt.read_text(encoding="utf-8"), filename=vtt.name)
    shutil.rmtree(srcdir.parent, ignore_errors=True)


@settings(max_examples=2, suppress_health_check=[HealthCheck.function_scoped_fixture], **SETTINGS)
@given(turn_lists())
def test_a_built_pages_exports_imported_give_its_turns_back(tmp_path_factory, cues) -> None:  # type: ignore[no-untyped-def]
    """The whole way: page → build → VTT/SRT/JSON → import → build → the same turns."""
    srcdir = tmp_path_factory.mktemp("roundtrip") / "src"
    srcdir.mkdir()
    speakers = {f"s{i}": {"name": name} for i, name in enumerate(NAMES)}
    (srcdir / "conf.py").write_text(
        f'extensions = ["myst_parser", "sphinx_podcast"]\npodcast_speakers = {speakers!r}\n',
        encoding="utf-8",
    )
    from sphinx_podcast.importers.myst import turn_line

    body = "\n\n".join(turn_line(c.speaker, c.start, c.text) for c in cues)
    page = f"# Episode\n\n```{{episode}}\n```\n\n## Talk\n\n{body}\n"
    (srcdir / "episode.md").write_text(page, encoding="utf-8")
    (srcdir / "index.md").write_text("# Site\n\n```{toctree}\nepisode\n```\n", "utf-8")
    expected = _built_turns(srcdir)
    assert [name for name, _start, _text in expected] == [c.speaker for c in cues]
    for suffix in (".vtt", ".srt", ".json"):
        work = srcdir.parent / suffix.strip(".")
        work.mkdir()
        shutil.copy(srcdir / "_build" / f"episode{suffix}", work / f"episode{suffix}")
        source = str(work / f"episode{suffix}")
        assert cli.main(["import", source, "-o", str(work / "site"), "--init", "-q"]) == 0
        assert _built_turns(work / "site") == expected, suffix
    shutil.rmtree(srcdir.parent, ignore_errors=True)


def _built_turns(srcdir: Path, docname: str = "episode") -> list[tuple[str, float, str]]:
    from conftest import resolved_doctree

    app = SphinxTestApp("html", srcdir=srcdir, builddir=srcdir / "_work", freshenv=True)
    try:
        app.build()
        shutil.copytree(app.outdir, srcdir / "_build", dirs_exist_ok=True)
        assert [w for w in warnings_of(app) if "[podcast." in w] == []
        return [
            (t["speaker_name"], t.get("start"), " ".join(t.astext().split()))
            for t in resolved_doctree(app, docname).findall(pn.turn)
        ]
    finally:
        app.cleanup()
