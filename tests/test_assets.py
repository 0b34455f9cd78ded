"""Our JS and CSS as readers get them: minified by rjsmin and rcssmin
(sphinx_podcast.assets). The size budget is in test_listening.py."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import tinycss2
from conftest import skip_unless

from sphinx_podcast.assets import DIRECTION_CSS, STATIC_DIR, served, served_folder

STRING = r'"(?:[^"\\\n]|\\.)*"'


def test_script_is_served_minified() -> None:
    source = (STATIC_DIR / "podcast.js").read_text(encoding="utf-8")
    kept = served("podcast.js").decode("utf-8")
    assert "/*" not in kept and "\n//" not in kept
    assert len(kept) < 0.8 * len(source)
    # every string of the code (not of its comments) reaches the reader unchanged: labels,
    # selectors, URLs; our comments are "/* … */" or "// " after a space or at a line start
    code = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    code = re.sub(r"(^|\s)//\s.*$", "", code, flags=re.M)
    strings = set(re.findall(STRING, code))
    assert len(strings) > 100
    assert {text for text in strings if text not in kept} == set()
    assert set(re.findall(STRING, kept)) <= set(re.findall(STRING, source))


def test_served_script_parses(tmp_path: Path) -> None:
    node = shutil.which("node")
    skip_unless(node is not None, "node (to parse the served script)")
    script = tmp_path / "podcast.js"
    script.write_bytes(served("podcast.js"))
    result = subprocess.run([str(node), "--check", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _rules(css: str) -> list[tuple[str, str]]:
    """(prelude, declarations) of every rule, nested ones included, whitespace-normalised."""
    found: list[tuple[str, str]] = []

    def walk(nodes: list) -> None:  # type: ignore[type-arg]
        for node in nodes:
            if node.type not in ("qualified-rule", "at-rule"):
                continue
            prelude = " ".join(tinycss2.serialize(node.prelude).split())
            if (
                node.type == "at-rule"
                and node.content is not None
                and "{" in tinycss2.serialize(node.content)
            ):
                found.append((f"@{node.at_keyword} {prelude}", ""))
                nested = tinycss2.parse_rule_list(
                    node.content, skip_comments=True, skip_whitespace=True
                )
                walk(nested)
                continue
            declarations = tinycss2.parse_declaration_list(
                node.content or [], skip_comments=True, skip_whitespace=True
            )
            found.append(
                (
                    prelude,
                    ";".join(
                        f"{item.name}:{' '.join(tinycss2.serialize(item.value).split())}"
                        f"{'!important' if item.important else ''}"
                        for item in declarations
                        if item.type == "declaration"
                    ),
                )
            )

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


@pytest.mark.parametrize(("name", "at_least"), [("podcast.css", 50), (DIRECTION_CSS, 3)])
def test_stylesheet_keeps_every_rule(name: str, at_least: int) -> None:
    source = (STATIC_DIR / name).read_text(encoding="utf-8")
    kept = served(name).decode("utf-8")
    assert "/*" not in kept and len(kept) < len(source)
    assert len(_rules(source)) >= at_least
    assert _rules(kept) == _rules(source)


def _properties(css: str) -> set[str]:
    return {
        declaration.split(":")[0].strip()
        for _prelude, declarations in _rules(css)
        for declaration in declarations.split(";")
        if declaration.strip()
    }


def test_only_the_direction_file_sets_a_direction() -> None:
    # EPUB style sheets must not set direction or unicode-bidi (EPUBCheck's CSS-001): those
    # rules are in one file, which e-books do not get (their pages have dir attributes,
    # tests/test_epub.py); the website gets both files.
    forbidden = {"direction", "unicode-bidi"}
    direction = _properties(served(DIRECTION_CSS).decode("utf-8"))
    assert direction == forbidden
    assert not _properties(served("podcast.css").decode("utf-8")) & forbidden
    website = {path.name for path in served_folder().iterdir()}
    book = {path.name for path in served_folder(epub=True).iterdir()}
    assert website - book == {DIRECTION_CSS}
    for path in served_folder(epub=True).glob("*.css"):
        assert not _properties(path.read_text(encoding="utf-8")) & forbidden, path.name
