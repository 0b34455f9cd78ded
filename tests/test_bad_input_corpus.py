"""Issue 16: the bad-input corpus (tests/bad_inputs.py), built once per builder.

Over a thousand generated pages, one per (option or argument, bad value class). Each
build must finish without a traceback and report exactly the expected warnings: the
subtype and the file and line of each, nothing more, nothing less. Built with html,
latex, epub, text and html with ``-j 2``; the feed is not written (no base URL: its
own checks are tested in test_unbreakable and test_feed).
"""

from __future__ import annotations

import contextlib
import io
import re
from collections import Counter
from pathlib import Path

import myst_parser
import pytest
from bad_inputs import TARGETS, VALUES, cases, write_project
from conftest import without_colours

from sphinx_podcast.directives.media import MEDIA_DIRECTIVES
from sphinx_podcast.directives.registry import DIRECTIVES

CASES = cases()
#: MyST 4 reports its own option errors (``myst.*``) at the directive's line, the line
#: before the option, and names the page "PAGE.md.rst": it gives Sphinx the source's path
#: where Sphinx expects a document name, and Sphinx adds the default suffix. MyST 5 names
#: the page and the option's line. Either way the place is asserted exactly, per stack.
MYST_4 = int(myst_parser.__version__.split(".")[0]) < 5


def _where(page: str, line: int, tag: str) -> tuple[str, int, str]:
    if MYST_4 and tag.startswith("myst."):
        return (f"{page}.md.rst", line - 1, tag)
    return (f"{page}.md", line, tag)


EXPECTED = sorted(_where(case.page, line, tag) for case in CASES for line, tag in case.expected)
# "path:LINE: WARNING: message [tag]" (Sphinx's ERROR/WARNING/CRITICAL)
WARNING = re.compile(
    r"^(?P<file>[^\s:]+\.md(?:\.rst)?):(?P<line>\d+): (?:WARNING|ERROR|CRITICAL|SEVERE): "
    r"(?P<message>.*?) \[(?P<tag>[\w.]+)\]$"
)


def build(srcdir: Path, outdir: Path, builder: str, jobs: str = "1") -> tuple[int, str, str]:
    """sphinx-build in this process: (status, warnings, all output)."""
    from sphinx.cmd.build import build_main

    warnings = outdir.parent / f"{outdir.name}-warnings.txt"
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        options = ["-q", "-b", builder, "-j", jobs, "-E", "-d", f"{outdir}-doctrees"]
        status = build_main([*options, "-w", str(warnings), str(srcdir), str(outdir)])
    text = without_colours(warnings.read_text(encoding="utf-8"))
    return status, text.replace(str(srcdir) + "/", ""), output.getvalue()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    srcdir = tmp_path_factory.mktemp("corpus") / "src"
    write_project(srcdir, CASES)
    return srcdir


def found(warnings: str) -> list[tuple[str, int, str]]:
    """(file, line, tag) of every warning; each must say where it is."""
    triples = []
    for line in warnings.splitlines():
        if not line.strip():
            continue
        match = WARNING.match(line)
        assert match, f"a warning without file:line or tag: {line[:300]!r}"
        triples.append((match["file"], int(match["line"]), match["tag"]))
    return sorted(triples)


def test_the_corpus_has_every_option_with_every_bad_value_class() -> None:
    assert len(CASES) >= 700
    assert len(CASES) == sum(len(VALUES) - len(target.skip) for target in TARGETS)
    assert sum(len(target.skip) for target in TARGETS) <= 3
    assert len({case.page for case in CASES}) == len(CASES)
    covered = {target.name for target in TARGETS}
    for name, directive in {**DIRECTIVES, **MEDIA_DIRECTIVES}.items():
        for option in getattr(directive, "option_spec", None) or {}:
            assert f"{name}-{option}" in covered, f"no corpus row for {name} :{option}:"
        if getattr(directive, "required_arguments", 0):
            assert any(
                t.startswith(f"{name}-") and t in covered
                for t in (f"{name}-argument", f"{name}-key", f"{name}-speaker")
            ), name


@pytest.mark.parametrize(
    ("builder", "jobs"),
    [("html", "1"), ("latex", "1"), ("epub", "1"), ("text", "1"), ("html", "2")],
    ids=["html", "latex", "epub", "text", "html-j2"],
)
def test_every_bad_input_gives_its_warning_at_its_line_and_no_traceback(
    project: Path, tmp_path: Path, builder: str, jobs: str
) -> None:
    status, warnings, output = build(project, tmp_path / builder, builder, jobs)
    assert "Traceback" not in output and "Exception occurred" not in output, output[-3000:]
    assert status == 0, output[-3000:]
    got = found(warnings)
    if got != EXPECTED:
        missing = Counter(EXPECTED) - Counter(got)
        extra = Counter(got) - Counter(EXPECTED)
        details = [f"missing {m}" for m in sorted(missing)][:40]
        details += [f"unexpected {e}" for e in sorted(extra)][:40]
        pytest.fail(f"{len(missing)} missing, {len(extra)} unexpected:\n" + "\n".join(details))
