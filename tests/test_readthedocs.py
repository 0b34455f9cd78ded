"""Read the Docs: ``.readthedocs.yaml`` and the build Read the Docs runs with it.

The demo is built with Read the Docs' own command line (from the directory of
``conf.py``: ``python -m sphinx -T -W --keep-going -b html -d _build/doctrees -D
language=en . $READTHEDOCS_OUTPUT/html``) and its environment variables, for a
version other than the one whose feed the show publishes. Every page's canonical
link, the feed's URLs and the pages' structured data must then name the same
addresses, and the feed must still be the same show.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import lxml.html
import pytest
import yaml
from lxml import etree

from sphinx_podcast.feed import podcast_guid

REPO = Path(__file__).resolve().parent.parent
SITE = "https://sphinx-podcast.readthedocs.io/"
CANONICAL = SITE + "en/1.0/"
PUBLISHED_FEED = "https://sphinx-podcast.readthedocs.io/en/latest/feed.xml"
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "podcast": "https://podcastindex.org/namespace/1.0",
}


def rtd_config() -> dict:
    return yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))


def test_the_config_builds_the_demo_with_the_docs_extra() -> None:
    config = rtd_config()
    assert config["version"] == 2
    assert config["build"]["os"].startswith("ubuntu-")
    assert config["build"]["tools"]["python"] == "3.12"
    assert config["python"]["install"] == [
        {"method": "pip", "path": ".", "extra_requirements": ["docs"]}
    ]
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "docs" in project["optional-dependencies"]
    assert config["sphinx"] == {
        "configuration": "demo_docs/conf.py",
        "builder": "html",
        "fail_on_warning": True,
    }
    assert sorted(config["formats"]) == ["epub", "pdf"]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML that Read the Docs' command makes of a copy of the demo."""
    config = rtd_config()
    tmp = tmp_path_factory.mktemp("readthedocs")
    conf = REPO / config["sphinx"]["configuration"]
    checkout = tmp / "checkout"
    shutil.copytree(
        conf.parent,
        checkout / conf.parent.name,
        ignore=shutil.ignore_patterns("_build"),
    )
    cwd = checkout / conf.parent.name
    out = tmp / "_readthedocs"
    env = {
        **os.environ,
        "READTHEDOCS": "True",
        "READTHEDOCS_PROJECT": "sphinx-podcast",
        "READTHEDOCS_LANGUAGE": "en",
        "READTHEDOCS_VERSION": "1.0",
        "READTHEDOCS_VERSION_TYPE": "tag",
        "READTHEDOCS_CANONICAL_URL": CANONICAL,
        "READTHEDOCS_OUTPUT": str(out),
    }
    command = [sys.executable, "-m", "sphinx", "-T"]
    if config["sphinx"]["fail_on_warning"]:
        command += ["-W", "--keep-going"]
    command += ["-b", config["sphinx"]["builder"], "-d", "_build/doctrees", "-D", "language=en"]
    command += [".", os.path.relpath(out / "html", cwd)]
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return out / "html"


def canonical_of(path: Path) -> str:
    (link,) = lxml.html.parse(str(path)).getroot().xpath("//link[@rel='canonical']/@href")
    return str(link)


def test_every_page_names_its_canonical_url(output: Path) -> None:
    """Every page of the documentation (the search index lists them; the HTML
    transcripts beside the episode pages are exports, not pages)."""
    text = (output / "searchindex.js").read_text(encoding="utf-8")
    docnames = json.loads(text[text.index("(") + 1 : text.rindex(")")])["docnames"]
    assert len(docnames) > 30
    for docname in [*docnames, "genindex"]:
        relative = f"{docname}.html"
        assert canonical_of(output / relative) == CANONICAL + relative, relative


def test_the_feed_names_the_canonical_pages(output: Path) -> None:
    feed = etree.parse(str(output / "feed.xml")).getroot()
    channel = feed.find("channel")
    assert channel is not None
    assert channel.findtext("link") == CANONICAL  # the site: its index.html
    (self_link,) = channel.findall("atom:link[@rel='self']", NS)
    assert self_link.get("href") == CANONICAL + "feed.xml"
    items = channel.findall("item")
    assert items
    local_files: list[str] = []
    for item in items:
        link = item.findtext("link")
        assert link is not None and link.startswith(CANONICAL), link
        page = output / link.removeprefix(CANONICAL)
        assert canonical_of(page) == link
        # the page's structured data names the same address
        data = (
            lxml.html.parse(str(page))
            .getroot()
            .xpath("//script[@type='application/ld+json']/text()")
        )
        assert [json.loads(text).get("url") for text in data] == [link]
        for enclosure in item.findall("enclosure"):
            url = enclosure.get("url", "")
            if url.startswith(SITE):  # a file of the site (others are on a media host)
                local_files.append(url)
                assert url.startswith(CANONICAL), url
                assert (output / url.removeprefix(CANONICAL)).is_file()
        for transcript in item.findall("podcast:transcript", NS):
            url = transcript.get("url", "")
            assert url.startswith(CANONICAL), url
            assert (output / url.removeprefix(CANONICAL)).is_file()
    assert local_files  # the demo's own audio file is one


def test_every_version_publishes_one_show(output: Path) -> None:
    """podcast_guid is set: the 1.0 version's feed is the show whose feed is published
    from latest, not a new show of its own."""
    feed = etree.parse(str(output / "feed.xml")).getroot()
    guid = feed.findtext("channel/podcast:guid", namespaces=NS)
    assert guid == podcast_guid(PUBLISHED_FEED)
    assert guid != podcast_guid(CANONICAL + "feed.xml")
