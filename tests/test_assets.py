"""Our JS and CSS as readers get them: minified by rjsmin and rcssmin
(sphinx_podcast.assets). The size budget is in test_listening.py."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import tinycss2
from conftest import skip_unless

from sphinx_podcast.assets import EPUB_FORBIDDEN, STATIC_DIR, served

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


def test_stylesheet_keeps_every_rule() -> None:
    source = (STATIC_DIR / "podcast.css").read_text(encoding="utf-8")
    kept = served("podcast.css").decode("utf-8")
    assert "/*" not in kept and len(kept) < len(source)
    assert len(_rules(source)) > 50
    assert _rules(kept) == _rules(source)


def test_epub_stylesheet_sets_no_direction() -> None:
    # EPUB style sheets must not set direction or unicode-bidi (EPUBCheck's CSS-001);
    # the e-book's pages say it with dir attributes (tests/test_epub.py).
    rules = _rules(served("podcast.css").decode("utf-8"))
    book = _rules(served("podcast.css", epub=True).decode("utf-8"))
    expected = []
    for prelude, declarations in rules:
        kept = [
            item for item in declarations.split(";") if item.split(":")[0] not in EPUB_FORBIDDEN
        ]
        if kept or not declarations:  # a rule left empty goes; an at-rule's line stays
            expected.append((prelude, ";".join(kept)))
    assert book == expected
    # (what there was to leave out: the rules that only set a direction go)
    assert (
        0
        < len(rules) - len(book)
        == sum(
            all(item.split(":")[0] in EPUB_FORBIDDEN for item in declarations.split(";"))
            for _prelude, declarations in rules
            if declarations
        )
    )
    assert sorted(EPUB_FORBIDDEN) == ["direction", "unicode-bidi"]
