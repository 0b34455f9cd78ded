"""Real PDF builds (``sphinx-build -M latexpdf``) of the demo site and of the hostile root.

The PDFs are read back with poppler: ``pdftotext`` for the words and
``pdftohtml -xml`` for the link annotations (each link's text, and its target
page or URL). Without latexmk or poppler these tests skip, and fail in CI
(SPHINX_PODCAST_REQUIRE_ALL=1), where .ci/run installs TeX Live.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOTS, skip_unless
from lxml import etree

pytestmark = pytest.mark.latex

DEMO = Path(__file__).parent.parent / "demo_docs"
TOOLS = ("latexmk", "pdflatex", "make", "pdftotext", "pdftohtml", "pdfimages")


@dataclass
class Link:
    page: int
    text: str
    href: str

    @property
    def target_page(self) -> int | None:
        """The page an internal link leads to (pdftohtml writes ``file.html#PAGE``)."""
        match = re.fullmatch(r"[^#]*\.html#(\d+)", self.href)
        return int(match[1]) if match else None


@dataclass
class Pdf:
    path: Path
    pages: list[str] = field(default_factory=list)  # pdftotext -layout, one per page
    links: list[Link] = field(default_factory=list)

    @property
    def text(self) -> str:
        """All the text, each run of white space made one space."""
        return " ".join(" ".join(self.pages).split())

    def page_of(self, link: Link) -> str:
        assert link.target_page is not None, link
        return self.pages[link.target_page - 1]


def _run(command: list[str], cwd: Path | None = None) -> str:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, (
        f"{command[:4]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    )
    return done.stdout


def build_pdf(srcdir: Path, outdir: Path) -> Pdf:
    for tool in TOOLS:
        skip_unless(shutil.which(tool) is not None, f"{tool} is not installed (TeX Live, poppler)")
    sphinx = [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(srcdir), str(outdir)]
    _run([*sphinx, "-W", "--keep-going", "-q"])
    (path,) = (outdir / "latex").glob("*.pdf")
    text = _run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"])
    pdf = Pdf(path, pages=text.split("\f")[:-1])
    xml = _run(["pdftohtml", "-xml", "-i", "-q", "-stdout", "-enc", "UTF-8", str(path)])
    root = etree.fromstring(xml.encode(), etree.XMLParser(recover=True, no_network=True))
    for page in root.iter("page"):
        for anchor in page.iter("a"):
            pdf.links.append(
                Link(int(page.get("number")), "".join(anchor.itertext()), anchor.get("href", ""))
            )
    return pdf


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    base = tmp_path_factory.mktemp("demo-pdf")
    shutil.copytree(DEMO, base / "src", ignore=shutil.ignore_patterns("_build"))
    return build_pdf(base / "src", base / "out")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    base = tmp_path_factory.mktemp("hostile-pdf")
    shutil.copytree(ROOTS / "test-hostile", base / "src")
    return build_pdf(base / "src", base / "out")


def _link_texts(pdf: Pdf, href: str) -> set[str]:
    """The texts of the links to *href*; a link broken over lines is one annotation a line."""
    texts: list[str] = []
    previous = None
    for link in pdf.links:
        if link.href == href:
            text = "".join(link.text.split())
            if previous is not None and previous.href == href:
                texts[-1] += text
            else:
                texts.append(text)
        previous = link
    return set(texts)


# -- the demo --------------------------------------------------------------------


def test_demo_turns_speakers_and_times(demo: Pdf) -> None:
    text = demo.text
    for turn in (
        "Ada Example [01:12]: Honestly, out of spite.",
        "Sam Host: Welcome to Open Workshop, the show",
        "Michaël Durand [00:35]: Only about one of its forms.",
        "Priya Raman [00:01]: Tools, data and the people who keep them going.",
        "Lena Osei [08:45]: Some do, and that’s fine.",
    ):
        assert turn in text, turn
    # The episode header: the metadata line and the people.
    assert "Episode 1 · Season 1 · March 6, 2025 · 48 min" in text
    assert "Host: Sam Host · Guest: Ada Example" in text


def test_demo_outline_has_times(demo: Pdf) -> None:
    lines = [" ".join(line.split()) for page in demo.pages for line in page.splitlines()]
    for title, time in (
        ("A weekend project", "00:00"),
        ("Naming it", "04:30"),
        ("What lasts", "41:30"),
        ("Wrapping up", "1:02:30"),
    ):
        pattern = re.compile(rf"^{re.escape(title)} [. ]*{re.escape(time)}$")
        assert any(pattern.match(line) for line in lines), title


def test_demo_outline_entry_without_a_time_is_one_line(demo: Pdf) -> None:
    # Episode 2's "Highlighted quotes" section has no turn, so no time: its title was
    # stretched word by word across the line, one word a line ("Highlighted", "quotes").
    (page,) = [page for page in demo.pages if re.search(r"^\s*Contents\s*$", page, re.M)]
    lines = [" ".join(line.split()) for line in page.splitlines()]
    start = lines.index("Contents") + 1
    outline = [re.sub(r"( \.)+ ", " ", line) for line in lines[start : start + 5]]
    assert outline == [
        "Highlighted quotes",
        "Introductions 00:00",
        "The letter ë 04:10",
        "Listener questions 38:00",
        "Wrapping up 1:02:30",
    ]


def test_demo_episode_table_reads_in_rows(demo: Pdf) -> None:
    # Five equal columns set "Dura-tion" over two lines, the date "March 6," above
    # "2025" and "Ada Ex-ample" hyphenated.
    lines = [" ".join(line.split()) for page in demo.pages for line in page.splitlines()]
    start = lines.index("No. Episode Date Duration Guests")
    assert lines[start + 1 : start + 4] == [
        "1 Ada Example on Tools That Last March 6, 2025 48:20 Ada Example",
        "3 Lena Osei and Ada Example on Jigs, May 1, 2025 52:05 Lena Osei, Ada Example",
        "Scripts and Shared Workshops",
    ]


def test_demo_outline_entries_link_to_their_sections(demo: Pdf) -> None:
    for title in ("A weekend project", "Naming it", "Saying no", "What lasts"):
        (link,) = [item for item in demo.links if item.text == title]
        heading = rf"^\s*([\d.]+ )?{title}\s*$"  # numbered to the third level
        assert re.search(heading, demo.page_of(link), re.MULTILINE), title


def test_demo_back_links_lead_to_the_outline(demo: Pdf) -> None:
    backlinks = [link for link in demo.links if "Back to the outline" in link.text]
    # Episodes 1 (6 sections), 2 (4), 3 (6): every outlined section but the trailer's.
    assert len(backlinks) >= 16
    for link in backlinks:
        target = demo.page_of(link)
        assert re.search(r"^\s*(Outline|Contents)\s*$", target, re.MULTILINE), link
        assert link.target_page is not None and link.target_page <= link.page


def test_demo_speaker_names_link_to_profiles(demo: Pdf) -> None:
    people = [link for link in demo.links if link.text in ("Sam Host", "Ada Example")]
    assert len(people) > 10
    for link in people:
        assert "Appears in" in demo.page_of(link) or "Hosts" in demo.page_of(link), link


def test_demo_media_links_and_qr_codes(demo: Pdf) -> None:
    hrefs = {link.href for link in demo.links}
    for url in (
        "https://media.example.org/open-workshop/s01e01.mp3",
        "https://www.youtube.com/watch?v=aBcDeFgHiJk",
        "https://open.spotify.com/episode/4xQ7p2LmN9rT1vW3yZ5bC8",
    ):
        assert url in hrefs, url
        # shown without "https://" (one link, maybe over two lines)
        shown = url.removeprefix("https://").removeprefix("www.")
        assert shown in _link_texts(demo, url)
    listing = _run(["pdfimages", "-list", str(demo.path)]).splitlines()[2:]
    qr_codes = [line for line in listing if line.split()[3] == line.split()[4]]  # square
    assert len(qr_codes) >= 7  # the episodes' media with an address


def test_demo_has_no_missing_characters(demo: Pdf) -> None:
    log = demo.path.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log
    assert "Michaël Durand" in demo.text
    assert "↑ Back to the outline" in demo.text  # ⬆ is typeset, not dropped


# -- hostile characters -----------------------------------------------------------


def test_hostile_pdf_prints_what_was_written(hostile: Pdf) -> None:
    text = hostile.text
    title = r"Q&A #5: 100% {x} ~y~ _z_ \w $v ^u"
    for expected in (
        title,
        r"R&D #1 {Lab} 100% [01:12]: Hello #1 & 100% {x} ~y~ _z_ \w $v ^u",
        r"$v ^u \w Ünïcødé <Ö> [01:30]: $100 & 50% off {this} ~week~",
        'Close} Brace{ O\'Neil "Q" [02:00]: My name is the hostile one.',
        r"Out & line #1 {100%} ~_^\ ",
        r"Start & {braces} 100% #1 ~y~ _z_ \w $v ^u",
        "host & {producer} 100%",
        "^ {#} top Back to the outline",
    ):
        assert expected in text, expected
    hrefs = {link.href for link in hostile.links}
    assert "https://media.example.org/q&a/5%20100%25.mp3?x=1&y=~z_#t" in hrefs
