"""How faithfully ``sphinx-podcast import`` brings a folder of real transcript posts over.

For a folder of posts (Jekyll/Markdown, as people publish them), it imports them all
into a fresh site (``--init``), builds that site with ``sphinx-build -W --keep-going``,
and compares each post with its built page:

- **turns**: the turns of the source, counted by a *reference* count that does not use
  sphinx-podcast's turn grammar (below), and how many of them start a turn
  (``.podcast-turn``) of the built page, matched by their first words;
- **wrong speaker**: source turns that became a turn of another speaker than the other
  turns with the same label (the label's majority speaker), or whose words ended up
  inside the turn of another speaker;
- **silent**: source turns that became no turn and got no warning at their line;
- **words lost**: transcript words of the source (without speaker labels, times and
  markup) that the built page does not show, as a share of all of them;
- **-W**: whether the site builds without a warning, and the warnings if not.

The reference count
    A conversation alternates speakers, so a speaker's label starts a line more than
    once. A line is a *label line* when, after taking off HTML tags, ``**``, and a time
    (``[00:01:12]``, ``(01:12)``, ``0:00:41.9``) at its start or after the label, it starts
    with one to four words and then a colon (not ``://``) or ends there. The words are
    the label; a label that starts at least two lines of the post is a speaker, and
    each of its label lines starts one reference turn. Lines in code blocks, front
    matter, lists, headings and block quotes do not count. This misses a speaker who
    speaks once (reported by the importer, not by the reference); it counts every form
    of label the grammar reads, with a rule short enough to check by eye.

Run::

    .venv/bin/python benchmarks/import_fidelity.py /work/team/heldout/theinsideview \\
        --host "Michaël Trazzi"
    .venv/bin/python benchmarks/import_fidelity.py POSTS --json results.json --keep /tmp/site

Posts stay where they are; nothing is written next to them.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# the words of a text, normalized (no case, accents, apostrophes): align's tokenizer
from sphinx_podcast.word_alignment import words_of as words

SUFFIXES = (".md", ".markdown")
SPHINX_BUILD = (sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", "-E")
_TAG = re.compile(r"<[^<>]*>")
_TIME = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?"
_TIME_MARK = re.compile(rf"[\[(]?{_TIME}[\])]?")
_LABEL = re.compile(
    r"^[ \t]*(?P<label>[^\W\d_][\w.'’-]*(?:[ \t]+[^\W\d_][\w.'’-]*){0,3})[ \t]*"
    rf"(?P<time>[\[(]?{_TIME}[\])]?)?[ \t]*(?::(?!//)|$)"
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"https?://\S+")


@dataclass
class SourceTurn:
    line: int
    label: str
    first_words: tuple[str, ...]
    found: bool = False
    speaker: str = ""
    wrong: bool = False
    warned: bool = False


@dataclass
class PostResult:
    name: str
    source_turns: int = 0
    found: int = 0
    built_turns: int = 0
    wrong_speaker: int = 0
    missing_silent: int = 0
    missing_warned: int = 0
    source_words: int = 0
    words_lost: int = 0
    lost_examples: list[str] = field(default_factory=list)
    missing_examples: list[str] = field(default_factory=list)
    wrong_examples: list[str] = field(default_factory=list)


def body_lines(text: str) -> tuple[int, list[str]]:
    """(line number of the first body line, body lines): without the front matter."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[0].rstrip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                return index + 2, lines[index + 1 :]
    return 1, lines


def label_of(line: str) -> tuple[str, str, bool] | None:
    """(label, the text after it, whether a time starts the line) for a label line."""
    stripped = line.lstrip()
    if not stripped or (stripped[0] in "#>-*+|" and not stripped.startswith("**")):
        return None
    marked = "**" in line or "<strong>" in line or "<b>" in line
    text = _TAG.sub("", line).replace("**", "")
    starts_timed = timed = bool(_TIME_MARK.match(text.strip()))
    text = _TIME_MARK.sub("", text, count=1) if timed else text
    text = text.lstrip(" \t-–—")
    match = _LABEL.match(text)
    if not match:
        return None
    rest = text[match.end() :]
    timed = timed or bool(match["time"])
    after = _TIME_MARK.match(rest.strip())
    if after:  # "Ada: (00:04)"
        timed = True
        rest = rest.strip()[after.end() :].lstrip(" \t:")
    alone = text[match.end() - 1 : match.end()] != ":" and not rest.strip()
    if alone and not (marked or timed):
        return None  # a label alone on its line counts when bold or timed: not "Yeah."
    if _URL.fullmatch(rest.strip()):
        return None  # "Ada: https://…" links a profile
    return match["label"].strip(), rest, starts_timed or (timed and alone)


def reference_turns(text: str) -> tuple[list[SourceTurn], list[str]]:
    """The source's turns by the reference count, and its transcript words."""
    first, lines = body_lines(text)
    labelled: dict[int, tuple[str, str, bool]] = {}  # line -> (label, text after, timed)
    fence = ""
    quotes = 0  # the level of the quotes section we are in (0: none)
    for offset, line in enumerate(lines):
        if fence:
            if line.strip().startswith(fence):
                fence = ""
            continue
        heading = re.match(r"^ {0,3}(#{1,6})\s", line)
        if heading:
            # the quoted lines of a quotes section (and its sub-sections) are not turns
            level = len(heading.group(1))
            if any(word in line.casefold() for word in ("quote", "highlight")):
                quotes = level
            elif quotes and level <= quotes:
                quotes = 0
        if quotes:
            continue
        opener = _FENCE.match(line)
        if opener:
            fence = opener.group(1)
            continue
        found = label_of(line)
        if found is not None:
            labelled[first + offset] = found
    counts = Counter(found[0].casefold() for found in labelled.values())
    speakers = {label for label, count in counts.items() if count >= 2}

    def starts_turn(found: tuple[str, str, bool]) -> bool:
        # a repeated label, or any label after a time at the start of its line
        return found[0].casefold() in speakers or found[2]

    turns: list[SourceTurn] = []
    body: list[str] = []
    current: SourceTurn | None = None
    pending: list[str] = []
    for offset, line in enumerate(lines):
        number = first + offset
        found = labelled.get(number)
        if found is not None and starts_turn(found):
            if current is not None:
                current.first_words = tuple(pending[:8])
            current = SourceTurn(number, found[0], ())
            turns.append(current)
            pending = transcript_words(found[1])
            body.append(found[1])
            continue
        body.append(line)
        if current is not None:
            next_turn = number in labelled and starts_turn(labelled[number])
            if not line.strip() or next_turn or line.lstrip().startswith("#"):
                # a turn's first words are those of its first paragraph
                current.first_words = tuple(pending[:8])
                current = None
                continue
            pending.extend(transcript_words(line))
    if current is not None:
        current.first_words = tuple(pending[:8])
    return turns, transcript_words("\n".join(body))


def transcript_words(text: str) -> list[str]:
    """The words a reader reads: no Liquid, HTML tags, images, URLs, link targets, times."""
    text = _LIQUID.sub(" ", text)
    text = _MD_IMAGE.sub(" ", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _URL.sub(" ", text)
    text = re.sub(_TIME, " ", text)
    return words(text)


def built_turns(page: Path) -> tuple[list[tuple[str, tuple[str, ...], list[str]]], list[str]]:
    """(speaker key, first words, all words) of each turn of a built page, and the words
    of the page's main text."""
    root = lxml.html.parse(str(page)).getroot()
    mains = root.xpath("//*[@role='main']") or [root]
    main = mains[0]
    for bad in main.xpath(".//script|.//style|.//a[contains(@class,'headerlink')]"):
        bad.getparent().remove(bad)
    turns = []
    for div in main.xpath(".//div[contains(concat(' ', @class, ' '), ' podcast-turn ')]"):
        clone = lxml.html.fromstring(lxml.html.tostring(div))
        for label in clone.xpath(".//*[contains(@class, 'podcast-turn-label')]"):
            label.drop_tree()
        text_words = words(clone.text_content())
        turns.append((div.get("data-speaker", ""), tuple(text_words[:8]), text_words))
    return turns, words(main.text_content())


def compare(name: str, source: str, page: Path | None, warned_lines: set[int]) -> PostResult:
    result = PostResult(name)
    turns, source_words = reference_turns(source)
    result.source_turns = len(turns)
    result.source_words = len(source_words)
    built: list[tuple[str, tuple[str, ...], list[str]]] = []
    page_words: list[str] = []
    if page is not None and page.is_file():
        built, page_words = built_turns(page)
    result.built_turns = len(built)
    # match in order: each source turn to the next built turn that starts with its words
    position = 0
    for turn in turns:
        want = turn.first_words[: max(3, min(len(turn.first_words), 8))]
        for index in range(position, len(built)):
            if want and built[index][1][: len(want)] == want:
                turn.found, turn.speaker = True, built[index][0]
                position = index + 1
                break
    majority: dict[str, Counter[str]] = {}
    for turn in turns:
        if turn.found:
            majority.setdefault(turn.label.casefold(), Counter())[turn.speaker] += 1
    label_speaker = {label: counts.most_common(1)[0][0] for label, counts in majority.items()}
    for turn in turns:
        expected = label_speaker.get(turn.label.casefold(), "")
        if turn.found:
            result.found += 1
            if turn.speaker != expected:
                turn.wrong = True
        else:
            # its words inside another speaker's turn?
            want = list(turn.first_words)
            for speaker, _first, all_words in built:
                if want and _contains(all_words, want) and speaker != expected:
                    turn.wrong = True
                    break
            turn.warned = turn.line in warned_lines
            if turn.warned:
                result.missing_warned += 1
            else:
                result.missing_silent += 1
            if len(result.missing_examples) < 5:
                result.missing_examples.append(f"{turn.line}: {turn.label}: {' '.join(want[:6])}")
        if turn.wrong:
            result.wrong_speaker += 1
            if len(result.wrong_examples) < 5:
                result.wrong_examples.append(f"{turn.line}: {turn.label} -> {turn.speaker}")
    have = Counter(page_words)
    lost = Counter(source_words) - have
    result.words_lost = sum(lost.values())
    result.lost_examples = [word for word, _count in lost.most_common(8)]
    return result


def _contains(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def run(posts: Path, hosts: list[str], speakers: list[str], keep: Path | None) -> dict:
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="import-fidelity-"))
    site = work / "site"
    command = [sys.executable, "-m", "sphinx_podcast.cli", "import", str(posts), "-o", str(site)]
    command += ["--init", "--force"]
    for host in hosts:
        command += ["--host", host]
    for speaker in speakers:
        command += ["--speaker", speaker]
    imported = subprocess.run(command, capture_output=True, text=True, check=False)
    import_log = imported.stderr
    built = subprocess.run(
        [*SPHINX_BUILD, str(site), str(site / "_build" / "html")],
        capture_output=True,
        text=True,
        check=False,
    )
    build_warnings = [line for line in built.stderr.splitlines() if "WARNING" in line]
    results = []
    for source in sorted(p for p in posts.rglob("*") if p.suffix.lower() in SUFFIXES):
        text = source.read_text(encoding="utf-8")
        shown = str(source)
        warned = {
            int(match.group(1))
            for match in re.finditer(rf"^warning: {re.escape(shown)}:(\d+):", import_log, re.M)
        }
        page = site / "_build" / "html" / (source.stem + ".html")
        results.append(compare(source.name, text, page, warned))
    totals = {
        key: sum(getattr(r, key) for r in results)
        for key in (
            "source_turns",
            "found",
            "built_turns",
            "wrong_speaker",
            "missing_silent",
            "missing_warned",
            "source_words",
            "words_lost",
        )
    }
    return {
        "posts": [asdict(r) for r in results],
        "totals": totals,
        "import_status": imported.returncode,
        "import_warnings": sum(1 for line in import_log.splitlines() if line.startswith("warning")),
        "build_status": built.returncode,
        "build_warnings": build_warnings,
        "site": str(site),
    }


def show(report: dict) -> None:
    columns = ("turns", "found", "built", "wrong", "silent")
    print(f"{'post':44} " + " ".join(f"{c:>5}" for c in columns) + "  lost words")
    for post in report["posts"]:
        share = post["words_lost"] / post["source_words"] if post["source_words"] else 0.0
        print(
            f"{post['name'][:44]:44} {post['source_turns']:5} {post['found']:5} "
            f"{post['built_turns']:5} {post['wrong_speaker']:5} {post['missing_silent']:6} "
            f"{post['words_lost']:5} {share:6.2%}"
        )
        for example in post["missing_examples"]:
            print(f"    missing  {example}")
        for example in post["wrong_examples"]:
            print(f"    wrong    {example}")
        if post["words_lost"]:
            print(f"    lost     {', '.join(post['lost_examples'])}")
    totals = report["totals"]
    share = totals["found"] / totals["source_turns"] if totals["source_turns"] else 1.0
    lost = totals["words_lost"] / totals["source_words"] if totals["source_words"] else 0.0
    print(
        f"\nturns found {totals['found']} of {totals['source_turns']} ({share:.2%}); "
        f"wrong speaker {totals['wrong_speaker']}; silent losses {totals['missing_silent']}; "
        f"words lost {totals['words_lost']} of {totals['source_words']} ({lost:.3%})"
    )
    print(
        f"import: exit {report['import_status']}, {report['import_warnings']} warnings; "
        f"sphinx-build -W: exit {report['build_status']}, "
        f"{len(report['build_warnings'])} warnings"
    )
    for line in report["build_warnings"][:10]:
        print(f"    {line[:160]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("posts", type=Path, help="a folder of posts (searched recursively)")
    parser.add_argument("--host", action="append", default=[], help="passed to import")
    parser.add_argument("--speaker", action="append", default=[], help="passed to import")
    parser.add_argument("--keep", type=Path, help="build the site here (kept)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    report = run(args.posts, args.host, args.speaker, args.keep)
    show(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
