"""Every builder but html and latex, on the demo site with -W, and on builders we did not foresee.

The demo (demo_docs/) is copied once per module and built with each builder
by ``python -m sphinx`` in a subprocess, as a user would run it; each builder
has its own output and doctree directories.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from conftest import ROOTS, has_class
from lxml import etree

DEMO = Path(__file__).parent.parent / "demo_docs"
EPISODE = "episodes/001-tools-that-last"
XHTML = "{http://www.w3.org/1999/xhtml}"


class Site:
    """A copy of a source directory, built on demand with any builder (once each)."""

    def __init__(self, base: Path, source: Path) -> None:
        self.base = base
        self.srcdir = base / "src"
        shutil.copytree(source, self.srcdir, ignore=shutil.ignore_patterns("_build"))
        self.built: dict[str, Path] = {}

    def build(self, builder: str, *options: str, name: str = "") -> Path:
        key = name or builder
        if key not in self.built:
            outdir = self.base / "out" / key
            command = [sys.executable, "-m", "sphinx", "-b", builder, "-W", "--keep-going", "-q"]
            command += ["-d", str(self.base / "doctrees" / key), *options]
            command += [str(self.srcdir), str(outdir)]
            done = subprocess.run(command, capture_output=True, text=True, timeout=600)
            assert done.returncode == 0, f"{builder}: {done.stdout[-2000:]}{done.stderr[-4000:]}"
            assert done.stderr.strip() == "", done.stderr  # -q: nothing but warnings
            self.built[key] = outdir
        return self.built[key]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return Site(tmp_path_factory.mktemp("demo"), DEMO)


@pytest.fixture(scope="module")
def unforeseen(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return Site(tmp_path_factory.mktemp("unforeseen"), ROOTS / "test-hostile-builder")


def _ids(tree: lxml.html.HtmlElement) -> list[str]:
    return [str(i) for i in tree.xpath("//@id")]


# -- dirhtml and singlehtml ----------------------------------------------------------


def test_dirhtml_links_and_back_links(demo: Site) -> None:
    outdir = demo.build("dirhtml")
    page = outdir / EPISODE / "index.html"
    tree = lxml.html.parse(str(page)).getroot()
    ids = _ids(tree)
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
    (outline,) = tree.xpath(f"//nav[{has_class('podcast-outline')}]/@id")
    backlinks = tree.xpath(f"//a[{has_class('podcast-backlink')}]/@href")
    assert len(backlinks) == 6 and set(backlinks) == {"#" + outline}
    # Links to other pages lead to a page that has the target id.
    hrefs = tree.xpath(
        f"//*[{has_class('podcast-speaker')} or {has_class('podcast-episode')}]//a/@href"
    )
    assert "../../people/#speaker-sam" in hrefs
    assert "../../speakers/ada/#speaker-ada" in hrefs  # a generated page
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme or not parts.path:
            continue
        target = outdir / posixpath.normpath(posixpath.join(EPISODE, unquote(parts.path)))
        target = target / "index.html" if target.is_dir() else target
        assert target.is_file(), href
        if parts.fragment:
            assert parts.fragment in _ids(lxml.html.parse(str(target)).getroot()), href


def test_singlehtml_one_page_unique_ids_and_local_links(demo: Site) -> None:
    outdir = demo.build("singlehtml")
    tree = lxml.html.parse(str(outdir / "index.html")).getroot()
    ids = _ids(tree)
    # Sphinx itself repeats section ids of different pages here ("configuration" in
    # the guide and in the reference); the episodes and people pages repeat none.
    pages = tree.xpath(
        "//span[@id='document-people' or starts-with(@id, 'document-episodes/0')]"
        "/following-sibling::section[1]"
    )
    assert len(pages) == 5
    ours = [str(i) for page in pages for i in page.xpath(".//@id")]
    assert len(ours) > 100
    assert sorted({i for i in ours if ids.count(i) > 1}) == []
    assert len(tree.xpath(f"//div[{has_class('podcast-turn')}]")) > 60  # every episode on the page
    for href in tree.xpath("//a[starts-with(@href, '#')]/@href"):
        if href == "#" or href.startswith("#t="):
            continue
        assert href.rsplit("#", 1)[1] in ids, href
    # Each episode's back links lead to its own outline.
    for page in pages[:4]:
        navs = page.xpath(f".//nav[{has_class('podcast-outline')}]/@id")
        backlinks = set(page.xpath(f".//a[{has_class('podcast-backlink')}]/@href"))
        assert backlinks == ({"#" + navs[0]} if navs else set())
    # (17: episode 2 has a "Highlighted quotes" section too)
    assert sum(len(page.xpath(f".//a[{has_class('podcast-backlink')}]")) for page in pages) == 17


# -- epub ------------------------------------------------------------------------------


def test_epub_is_well_formed(demo: Site) -> None:
    outdir = demo.build("epub")
    (book,) = outdir.glob("*.epub")
    with zipfile.ZipFile(book) as epub:
        first = epub.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert epub.read("mimetype") == b"application/epub+zip"
        names = set(epub.namelist())
        container = etree.fromstring(epub.read("META-INF/container.xml"))
        (opf_name,) = container.xpath("//*[local-name()='rootfile']/@full-path")
        opf = etree.fromstring(epub.read(opf_name))
        manifest = opf.xpath("//*[local-name()='item']/@href")
        assert set(manifest) <= names
        pages = {name for name in names if name.endswith(".xhtml")}
        assert pages <= set(manifest)
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        documents = {name: etree.fromstring(epub.read(name), parser) for name in pages}
    ids = {name: {str(i) for i in doc.xpath("//@id")} for name, doc in documents.items()}
    for name, doc in documents.items():
        assert doc.tag == f"{XHTML}html", name
        assert not doc.xpath("//*[local-name()='script' or local-name()='iframe']"), name
        for href in doc.xpath("//*[local-name()='a']/@href"):
            parts = urlsplit(str(href))
            if parts.scheme:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), parts.path))
            target = target if parts.path else name
            assert target in names, (name, href)
            if parts.fragment and target in ids:
                assert parts.fragment in ids[target], (name, href)


def test_epub_turns_and_outline_are_styled(demo: Site) -> None:
    page = demo.build("epub") / f"{EPISODE}.xhtml"
    doc = etree.parse(str(page), etree.XMLParser(no_network=True)).getroot()
    ns = {"h": XHTML[1:-1]}
    assert doc.xpath("//h:link[contains(@href, 'podcast.css')]", namespaces=ns)
    turns = doc.xpath(f"//h:div[{has_class('podcast-turn')}]", namespaces=ns)
    assert len(turns) == 26
    assert all(re.search(r"podcast-color-\d", turn.get("class")) for turn in turns)
    texts = [" ".join("".join(turn.itertext()).split()) for turn in turns]
    assert [t for t in texts if t.startswith("Ada Example [01:12]: Honestly, out of spite.")]
    outline = doc.xpath(f"//h:nav[{has_class('podcast-outline')}]", namespaces=ns)
    assert len(outline) == 1
    assert "A weekend project [00:00]" in " ".join("".join(outline[0].itertext()).split())
    # No player in an e-book: nothing links to "#t=".
    assert not doc.xpath("//h:a[starts-with(@href, '#t=')]", namespaces=ns)


# -- text, man, texinfo ---------------------------------------------------------------


def test_text_reads_like_a_transcript(demo: Site) -> None:
    text = (demo.build("text") / f"{EPISODE}.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "Ada Example [01:12]: Honestly, out of spite. I had a file from a" in lines
    assert "Sam Host: When did you notice it was no longer a script?" in lines
    assert "* A weekend project [00:00]" in lines


def test_man_page_has_one_paragraph_per_turn(demo: Site) -> None:
    (page,) = demo.build("man").glob("*.1")
    source = page.read_text(encoding="utf-8")
    lines = source.splitlines()
    in_example = False  # the guide quotes text output in .EX/.EE blocks
    turns = []
    for number, line in enumerate(lines):
        in_example = (in_example or line == ".EX") and line != ".EE"
        if not in_example and re.match(r"^(Sam Host|Ada Example)( \[|:)", line):
            turns.append(number)
    assert len(turns) >= 24
    for number in turns:  # each turn starts a paragraph
        assert lines[number - 1] in (".sp", ".UNINDENT") or lines[number - 1].startswith(".S"), (
            lines[number - 2 : number + 1]
        )
    assert "Ada Example [01:12]: Honestly, out of spite. I had a file from a supplier" in source
    # our names and titles are plain text, not links to nowhere ("<#speaker-ada>")
    assert not [line for line in lines if "speaker-" in line]
    if shutil.which("groff"):
        shown = subprocess.run(
            ["groff", "-k", "-man", "-Tutf8", "-P-c", str(page)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        flat = " ".join(shown.split())
        assert "Ada Example [01:12]: Honestly, out of spite." in flat
        assert "Michaël Durand" in flat


def test_texinfo_turn_names_are_text(demo: Site) -> None:
    (texi,) = demo.build("texinfo").glob("*.texi")
    source = texi.read_text(encoding="utf-8")
    assert "\nAda Example [01:12]: Honestly, out of spite." in source
    # the header's people still link to their profiles
    assert re.search(r"Guest: @ref\{[^,]*,,Ada Example\}", source)


# -- xml, pseudoxml ----------------------------------------------------------------------


@pytest.mark.parametrize("builder", ["xml", "pseudoxml"])
def test_xml_builders(demo: Site, builder: str) -> None:
    outdir = demo.build(builder)
    (page,) = outdir.glob(f"{EPISODE}.*")
    source = page.read_text(encoding="utf-8")
    assert len(re.findall(r"<turn [^>]*speaker=\"ada\"", source)) == 13
    if builder == "xml":
        etree.parse(str(page), etree.XMLParser(no_network=True))


# -- gettext and a translation ----------------------------------------------------------


def _messages(pot: Path) -> list[str]:
    from babel.messages.pofile import read_po

    with pot.open("rb") as handle:
        return [str(message.id) for message in read_po(handle) if message.id]


def test_gettext_extracts_what_authors_wrote(demo: Site) -> None:
    outdir = demo.build("gettext")
    messages = _messages(outdir / "episodes.pot")
    assert (
        "**Ada** [00:01:12]: Honestly, out of spite. I had a file from a supplier that had "
        "three different date formats in one column, and a header row that appeared again "
        "every thousand lines, because somebody had concatenated exports."
    ) in messages
    assert any(
        m.startswith("Ada Example wrote a small tool to clean up CSV files") for m in messages
    )
    # our labels are not authors' messages, nor mixed into them
    for label in ("Outline", "Host:", "Hosts:", "Guest:", "Previous:", "Next:", "Appears in"):
        assert label not in messages
        assert not [m for m in messages if m.startswith(label + " ")], label
    assert not [m for m in messages if m.startswith(("Sam Host:", "Ada Example ["))]
    assert not [m for m in messages if "Back to the outline" in m or m.startswith("Episode 1 ·")]


def test_a_translated_turn_is_still_a_turn(demo: Site) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    template = demo.build("gettext") / "episodes.pot"
    with template.open("rb") as handle:
        source = read_po(handle)
    catalog = Catalog(locale="fr")
    for message in source:
        if str(message.id).startswith("**Ada** [00:01:12]: Honestly"):
            catalog.add(message.id, "**Ada** [00:01:12] : Franchement, par dépit.")
        elif str(message.id).startswith("Ada Example wrote a small tool"):
            catalog.add(message.id, "Ada Example a écrit un petit outil.")
    assert len(catalog) == 2
    po = demo.base / "locale" / "fr" / "LC_MESSAGES" / "episodes.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as handle:
        write_po(handle, catalog)
    outdir = demo.build(
        "text",
        "-D",
        "language=fr",
        "-D",
        f"locale_dirs={demo.base / 'locale'}",
        name="text-fr",
    )
    text = (outdir / f"{EPISODE}.txt").read_text(encoding="utf-8")
    assert "Ada Example [01:12]: Franchement, par dépit." in text.splitlines()
    assert "Ada Example a écrit un petit outil." in text


# -- builders we did not foresee ---------------------------------------------------------


def test_a_builder_without_our_visitors(unforeseen: Site) -> None:
    """A translator that knows only docutils' and Sphinx's nodes meets none of ours."""
    outdir = unforeseen.build("plain")
    assert sorted(path.name for path in outdir.glob("*.unknown")) == []
    text = (outdir / "episode.txt").read_text(encoding="utf-8")
    assert "Sam Host [00:10]: Who are you?" in text
    assert "Ada Example [01:12]: A guest, at [01:30] and later." in text
    assert "Ada Example [02:00]: A turn with a list:" in text
    assert "First [00:10]" in text  # the outline


def test_epub_when_another_extension_registers_epub_visitors(unforeseen: Site) -> None:
    """Sphinx then uses no "html" visitor for EPUB: ours fall back to their base nodes."""
    outdir = unforeseen.build("epub")
    page = outdir / "episode.xhtml"
    doc = etree.parse(str(page), etree.XMLParser(no_network=True)).getroot()
    turns = doc.xpath(f"//*[{has_class('podcast-turn')}]")
    assert len(turns) == 3
    texts = [" ".join("".join(turn.itertext()).split()) for turn in turns]
    assert texts[0] == "Sam Host [00:10]: Who are you?"
    assert texts[1] == "Ada Example [01:12]: A guest, at [01:30] and later."
    assert doc.xpath(f"//*[{has_class('podcast-outline')}]")
    # the remote avatar was not downloaded (no network, no warning: -W passed)
    assert not doc.xpath("//*[local-name()='img' and contains(@src, 'ada')]")


def test_dirhtml_when_another_extension_registers_dirhtml_visitors(unforeseen: Site) -> None:
    """Sphinx then uses no "html" visitor for dirhtml: turn labels are nodes, so each
    turn still reads name, time and words (it loses only our classes and data)."""
    outdir = unforeseen.build("dirhtml")
    root = lxml.html.parse(str(outdir / "episode" / "index.html")).getroot()
    turns = root.xpath(f"//*[{has_class('podcast-turn')}]")
    texts = [" ".join("".join(turn.itertext()).split()) for turn in turns]
    assert texts[:2] == [
        "Sam Host [00:10]: Who are you?",
        "Ada Example [01:12]: A guest, at 01:30 and later.",  # {t}: a link, as in HTML
    ]


# -- hostile characters, every builder ------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return Site(tmp_path_factory.mktemp("hostile"), ROOTS / "test-hostile")


@pytest.mark.parametrize(
    "builder",
    ["html", "dirhtml", "singlehtml", "epub", "text", "man", "texinfo", "xml", "pseudoxml"],
)
def test_hostile_characters_in_every_builder(hostile: Site, builder: str) -> None:
    outdir = hostile.build(builder)
    if builder == "text":
        text = (outdir / "episode.txt").read_text(encoding="utf-8")
        assert "R&D #1 {Lab} 100% [01:12]: Hello #1 & 100% {x} ~y~ _z_ \\w $v ^u —" in text
        assert "-[ Out & line #1 {100%} ~_^\\ ]-" in text
    if builder == "epub":
        for page in outdir.glob("*.xhtml"):
            etree.parse(str(page), etree.XMLParser(no_network=True))
