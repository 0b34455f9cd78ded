"""Our JS and CSS as readers get them: without their comments, every line of code as
written (sphinx_podcast.assets). The size budget is in test_listening.py."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import skip_unless

from sphinx_podcast.assets import STATIC_DIR, served, strip_js_comments

TRICKY = r"""/* head
   comment */
const url = "https://example.org/*x*/"; // trailing
const other = 'it\'s // not a comment';
const ratio = total / count / 2;  /* inline */
function check(text) {
  if (!/^\d+(:\d\d)?$/.test(text)) return /[/]\/\//g;
  return text.split("/").length;
}

const plain = `no // comment`;
let first = 1
/* two
   lines */
first++
return /* why */ /x\/y/i;
const both = left/**/right;
"""


def test_comments_go_and_code_stays() -> None:
    assert strip_js_comments(TRICKY) == (
        'const url = "https://example.org/*x*/";\n'
        "const other = 'it\\'s // not a comment';\n"
        "const ratio = total / count / 2;\n"
        "function check(text) {\n"
        "  if (!/^\\d+(:\\d\\d)?$/.test(text)) return /[/]\\/\\//g;\n"
        '  return text.split("/").length;\n'
        "}\n"
        "const plain = `no // comment`;\n"
        "let first = 1\n"
        "first++\n"  # the comment's line break still ends "let first = 1"
        "return   /x\\/y/i;\n"
        "const both = left right;\n"
    )


def test_template_substitutions_are_refused() -> None:
    with pytest.raises(ValueError, match="template literal"):
        strip_js_comments("const text = `${count} turns`;  // no")


def test_our_script_as_served() -> None:
    """Checked against a simpler reading that holds for our script as written: no string
    has "/*" or " // ", and a line comment starts a line or follows code and a space."""
    source = (STATIC_DIR / "podcast.js").read_text(encoding="utf-8")
    strings = re.findall(r'"(?:[^"\\]|\\.)*"', source)
    assert strings and not [text for text in strings if "/*" in text or " // " in text]
    without_blocks = re.sub(
        r"/\*.*?\*/", lambda found: "\n" if "\n" in found[0] else " ", source, flags=re.S
    )
    lines = [re.sub(r"(^|\s)//\s.*$", "", line).rstrip() for line in without_blocks.splitlines()]
    kept = served("podcast.js").decode("utf-8").splitlines()
    assert kept == [line for line in lines if line]
    assert len(served("podcast.js")) < 0.9 * len(source.encode("utf-8"))
    # what still has "//" is in a string
    assert [line for line in kept if "//" in line and '"https://' not in line] == []


def test_served_script_parses(tmp_path: Path) -> None:
    node = shutil.which("node")
    skip_unless(node is not None, "node (to parse the served script)")
    script = tmp_path / "podcast.js"
    script.write_bytes(served("podcast.js"))
    result = subprocess.run([str(node), "--check", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
