"""Issue 16, ``import`` of Jekyll posts: front matter is data and never becomes markup;
YAML that would expand without bound is refused. Tests are named after the issue's items."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_app, warnings_of

from sphinx_podcast import cli
from sphinx_podcast.importers import InputError, convert
from sphinx_podcast.importers.myst import OptionValueError, directive, option_value

INJECTION = '\n```{raw} html\n<script>alert("injected")</script>\n```\n'
BODY = (
    "\n**Sam**: Hello and welcome.\n\n**Ada**: Thanks for having me.\n\n"
    "**Sam**: Where do we start?\n\n**Ada**: At the harbour.\n"
)


def post(front: str, body: str = BODY) -> str:
    return f"---\n{front}---\n{body}"


def run(capsys, *argv: object) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    status = cli.main([str(arg) for arg in argv])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, err


@pytest.mark.parametrize(
    ("key", "yaml_value"),
    [
        ("audio", '"https://example.org/a.mp3\\n:audio: https://evil.example/x.mp3"'),
        ("tags", '"a, b' + INJECTION.replace("\n", "\\n").replace('"', '\\"') + '"'),
        ("guid", '"x\\u2028```{raw} html"'),
        ("categories", '["Science\\n:::{raw} html", "x"]'),
        ("explicit", '"no\\r\\n:audio: https://evil.example/x.mp3"'),
        ("youtubeId", '"dQw4w9WgXcQ\\n:audio: https://evil.example/x.mp3"'),
    ],
)
def test_front_matter_value_with_newlines_is_an_error_naming_the_key(
    key: str, yaml_value: str
) -> None:
    text = post(f"title: Injected\n{key}: {yaml_value}\n")
    with pytest.raises(InputError) as caught:
        convert(text, "2025-01-01-injected.md")
    message = str(caught.value)
    assert message.startswith("2025-01-01-injected.md:3: front matter")
    assert f"{key!r}" in message and "more than one line" in message


def test_a_newline_in_the_title_or_description_never_becomes_markup(tmp_path) -> None:  # type: ignore[no-untyped-def]
    title = '"A title' + INJECTION.replace("\n", "\\n").replace('"', '\\"') + '"'
    description = "|\n  Plain text, then a directive:\n" + "".join(
        f"  {line}\n" for line in INJECTION.strip().splitlines()
    )
    page = convert(post(f"title: {title}\ndescription: {description}"), "x.md").text
    fences = [line for line in page.splitlines() if line.startswith(("```", ":::"))]
    assert fences == ["```{episode}", "```"]  # the episode's, and no other directive
    assert not [line for line in page.splitlines() if line.startswith("<")]
    assert page.startswith("# A title \\`\\`\\`{raw} html \\<script>")
    assert "Plain text, then a directive: \\`\\`\\`{raw} html \\<script>" in page


def test_liquid_page_variables_are_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = post('title: T\nguest: "**bold** <b>x</b>"\n', "\n{{ page.guest }} joins us.\n" + BODY)
    page = convert(text, "x.md").text
    assert "\\*\\*bold\\*\\* \\<b>x\\</b> joins us." in page


def test_option_values_are_escaped_so_myst_reads_them_back(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    sources = tmp_path / "posts"
    sources.mkdir()
    front = (
        "title: Values\n"
        'tags: "#one, two # three"\n'
        "guid: \"'quoted' | > {x}\"\n"
        'categories: "R&D: {lab}"\n'
    )
    (sources / "2025-01-01-values.md").write_text(post(front), encoding="utf-8")
    out = tmp_path / "site"
    status, err = run(capsys, "import", sources, "-o", out, "--init")
    assert status == 0, err
    app = build_app("html", out, fresh=True)
    assert [w for w in warnings_of(app) if "podcast" in w] == []
    episode = app.env.get_domain("podcast").episodes["2025-01-01-values"]
    assert episode.tags == ("#one", "two # three")
    assert episode.guid == "'quoted' | > {x}"
    assert episode.category == "R&D: {lab}"


def test_directive_writer_refuses_a_value_on_two_lines() -> None:
    for value in ("a\nb", "a\rb", "a\u2028b", "a\x85b"):
        with pytest.raises(OptionValueError, match="option 'tags'"):
            directive("episode", "", [("tags", value)])
    with pytest.raises(OptionValueError):
        directive("speaker", "key\n:name: x")
    assert option_value("tags", "#a") == "'#a'"


def test_unicode_digits_in_the_front_matter_episode_number_are_left_out() -> None:
    page = convert(post("title: T\nepisode: '²'\nseason: '١٢'\n"), "x.md")
    assert ":number:" not in page.text and ":season:" not in page.text
    messages = [note.message for note in page.notes]
    assert any("digits 0-9, got '²'; left out" in m for m in messages), messages


# -- YAML ------------------------------------------------------------------------------------

BOMB = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "tags: *h\n"
    "---\n" + BODY
)


def test_a_yaml_alias_bomb_in_front_matter_is_refused(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert len(BOMB.split("---")[1]) < 450
    sources = tmp_path / "posts"
    sources.mkdir()
    (sources / "bomb.md").write_text(BOMB, encoding="utf-8")
    (sources / "fine.md").write_text(post("title: Fine\n"), encoding="utf-8")
    status, err = run(capsys, "import", sources, "-o", tmp_path / "out")
    written = sum(path.stat().st_size for path in (tmp_path / "out").rglob("*") if path.is_file())
    assert written < 100_000  # (it used to write a 312 MB page)
    assert status == 1
    assert f"error: {sources / 'bomb.md'}:" in err
    assert "front matter: more than 1,000,000 characters once its aliases are expanded" in err
    assert "1 of 2 sources converted, 1 failed" in err
    assert not (tmp_path / "out" / "bomb.md").exists()
    assert (tmp_path / "out" / "fine.md").stat().st_size < 2000


def test_more_than_100_yaml_aliases_are_refused() -> None:
    front = "a: &a x\nlist: [" + ", ".join(["*a"] * 101) + "]\n"
    with pytest.raises(InputError, match="front matter: more than 100 aliases") as caught:
        convert(post(front), "x.md")
    assert caught.value.line == 3


def test_front_matter_nested_too_deeply_is_refused() -> None:
    with pytest.raises(InputError, match="front matter: nested too deeply"):
        convert(post("a: " + "[" * 3000 + "]" * 3000 + "\n"), "x.md")


def test_a_source_over_the_size_limit_is_refused_before_it_is_read(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.md"
    with open(big, "wb") as stream:  # sparse: 100 MB that take no room
        stream.truncate(100 * 2**20)
    status, err = run(capsys, "import", big, "-o", tmp_path / "out")
    assert status == 1
    assert f"error: {big}: the file is larger than 64 MB (104,857,600 bytes or more)" in err
    assert Path(tmp_path / "out").is_dir()
