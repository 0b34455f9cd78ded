"""Episodes and speakers in objects.inv, and another project linking to them via intersphinx.

Root ``intersphinx-pod`` is the podcast; ``intersphinx-client`` links to it with
intersphinx's ``external`` role; ``intersphinx-client-podcast`` links with the plain
roles, which intersphinx resolves when the project has no such episode or speaker
itself. Both clients load sphinx-podcast: Sphinx's ``external`` role only knows
object types of domains that are loaded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
from conftest import ROOTS, text, warnings_of
from sphinx.util.inventory import InventoryFile


def labelled_links(path: Path) -> dict[str, tuple[str | None, str]]:
    """``- label: link`` items of a page: label -> (href, link text)."""
    root = lxml.html.parse(str(path)).getroot()
    result = {}
    for paragraph in root.xpath("//div[@role='main']//li/p"):
        label = (paragraph.text or "").partition(":")[0].strip()
        links = paragraph.xpath("./a")
        result[label] = (links[0].get("href"), text(links[0])) if links else (None, text(paragraph))
    return result


@pytest.fixture
def podcast(make_app, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    """The podcast's html output directory."""
    srcdir = tmp_path / "pod"
    shutil.copytree(ROOTS / "test-intersphinx-pod", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings_of(app) == []
    app.cleanup()
    return Path(app.outdir)


def client(make_app, tmp_path: Path, root: str, podcast: Path):  # type: ignore[no-untyped-def]
    srcdir = tmp_path / root
    shutil.copytree(ROOTS / f"test-{root}", srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(
            f"\nintersphinx_mapping = {{'pod': ({str(podcast)!r}, "
            f"{str(podcast / 'objects.inv')!r})}}\n"
        )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    return app


def test_inventory_of_the_podcast(podcast: Path) -> None:
    inventory = InventoryFile.loads((podcast / "objects.inv").read_bytes(), uri="https://pod")
    assert {
        name: (item.uri, item.display_name)
        for name, item in inventory.data["podcast:episode"].items()
    } == {
        # the page's title and the profile's second id: what Sphinx's search page, which
        # reads the same entries, can link to (see domain.searchable_anchor)
        "episodes/ep1": (
            "https://pod/episodes/ep1.html#lanterns-on-the-pier",
            "Lanterns on the Pier",
        )
    }
    assert {
        name: (item.uri, item.display_name)
        for name, item in inventory.data["podcast:speaker"].items()
    } == {"ada": ("https://pod/people.html#profile-ada", "Ada Lindqvist")}


def test_external_role(make_app, tmp_path, podcast: Path) -> None:  # type: ignore[no-untyped-def]
    app = client(make_app, tmp_path, "intersphinx-client", podcast)
    assert warnings_of(app) == []
    outdir = Path(app.outdir)
    episode = (f"{podcast}/episodes/ep1.html#lanterns-on-the-pier", "Lanterns on the Pier")
    speaker = (f"{podcast}/people.html#profile-ada", "Ada Lindqvist")
    assert labelled_links(outdir / "index.html") == {
        "episode": episode,
        "episode-any-inventory": episode,
        "speaker": speaker,
        "speaker-titled": (speaker[0], "the weather keeper"),
    }
    assert labelled_links(outdir / "rst.html") == {"episode": episode, "speaker": speaker}
    # The links land on something in the podcast's output.
    assert (podcast / "episodes" / "ep1.html").is_file()
    people = lxml.html.parse(str(podcast / "people.html")).getroot()
    assert people.xpath("//*[@id='speaker-ada']/span[@id='profile-ada']")
    episode_page = lxml.html.parse(str(podcast / "episodes" / "ep1.html")).getroot()
    assert episode_page.xpath("//section[@id='lanterns-on-the-pier']/h1")


def test_plain_roles_fall_back_to_intersphinx(make_app, tmp_path, podcast: Path) -> None:  # type: ignore[no-untyped-def]
    """A project with sphinx-podcast loaded: an episode or speaker it does not have itself
    is looked up in the inventories before it is reported unknown."""
    app = client(make_app, tmp_path, "intersphinx-client-podcast", podcast)
    assert warnings_of(app) == []
    assert labelled_links(Path(app.outdir) / "index.html") == {
        "episode": (f"{podcast}/episodes/ep1.html#lanterns-on-the-pier", "Lanterns on the Pier"),
        "speaker": (f"{podcast}/people.html#profile-ada", "Ada Lindqvist"),
        "prefixed": (f"{podcast}/people.html#profile-ada", "Ada Lindqvist"),
    }
