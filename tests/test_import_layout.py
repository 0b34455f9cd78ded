"""``import --init`` lays out a large show so that each page's navigation stays small.

A show of more than ``layout.LARGE_SHOW`` pages gets an index page per year and an
index that lists the years (the threshold is lowered here, so that a few invented
posts make a "large" show); a small one keeps one index of every page. An index page
that exists is never rewritten.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
from conftest import warnings_of

from sphinx_podcast import cli
from sphinx_podcast.cli import layout

CAPTIONS = Path(__file__).parent / "fixtures" / "captions"


def write_post(folder: Path, name: str, title: str, date: str = "") -> None:
    front = f'title: "{title}"' + (f"\ndate: {date}" if date else "")
    text = f"---\n{front}\n---\n\n**Mira Stone:** Hello, {title}.\n\n**Orla Fenwick:** Hi.\n"
    (folder / f"{name}.md").write_text(text, encoding="utf-8")


def run(capsys, *argv: object) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    status = cli.main([str(arg) for arg in argv])
    return status, capsys.readouterr().err


def sidebar_links(html: Path) -> list[str]:
    """The pages the sidebar's navigation links to, in order."""
    root = lxml.html.parse(str(html)).getroot()
    links = root.xpath("//div[@class='sphinxsidebar']//li[contains(@class, 'toctree-l')]/a")
    return [link.get("href") for link in links]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def toctree(title: str, *entries: str) -> str:
    lines = "\n".join(entries)
    return f"# {title}\n\n```{{toctree}}\n:maxdepth: 1\n:glob:\n\n{lines}\n```\n"


@pytest.fixture
def large_show(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Posts of 2020 and 2021, one dated in its front matter only, captions without a date;
    more than LARGE_SHOW (lowered to 4) pages."""
    monkeypatch.setattr(layout, "LARGE_SHOW", 4)
    posts = tmp_path / "posts"
    posts.mkdir()
    for name in ("2020-01-05-lanterns", "2020-06-01-ferries", "2021-03-03-tides"):
        write_post(posts, name, name[11:].capitalize())
    write_post(posts, "2021-09-09-fog", "Fog")
    write_post(posts, "winter-special", "Winter Special", date="2021-12-24")
    shutil.copy(CAPTIONS / "tide.vtt", posts / "tide.vtt")
    return posts


def test_a_small_show_gets_one_index(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    posts = tmp_path / "posts"
    posts.mkdir()
    for name in ("2020-01-05-first", "2021-03-03-second"):
        write_post(posts, name, name[11:].capitalize())
    status, err = run(capsys, "import", posts, "-o", tmp_path / "site", "--init")
    assert status == 0, err
    assert read(tmp_path / "site" / "index.md") == toctree("Podcast", "speakers", "*")
    assert not (tmp_path / "site" / "years").exists()


def test_a_large_show_gets_an_index_page_per_year(  # type: ignore[no-untyped-def]
    capsys, tmp_path: Path, make_app, large_show: Path
) -> None:
    site = tmp_path / "site"
    status, err = run(capsys, "import", large_show, "-o", site, "--init", "-q")
    assert (status, err) == (0, "")
    assert read(site / "index.md") == toctree("Podcast", "speakers", "years/*")
    assert sorted(p.name for p in (site / "years").iterdir()) == [
        "2020.md",
        "2021.md",
        "undated.md",
    ]
    assert read(site / "years" / "2020.md") == toctree("2020", "/2020-??-??-*")
    assert read(site / "years" / "2021.md") == toctree("2021", "/2021-??-??-*", "/winter-special")
    assert read(site / "years" / "undated.md") == toctree("Without a date", "/tide")

    # a later import adds a year: its page is written, the index (a glob) is left as it is
    later = tmp_path / "later"
    later.mkdir()
    write_post(later, "2022-02-02-thaw", "Thaw")
    status, err = run(capsys, "import", later, "-o", site, "--init")
    assert status == 0, err
    assert f"wrote {site / 'years' / '2022.md'}\n" in err
    assert "wrote " + str(site / "index.md") not in err
    assert read(site / "index.md") == toctree("Podcast", "speakers", "years/*")
    assert read(site / "years" / "2022.md") == toctree("2022", "/2022-??-??-*")
    assert len(list((site / "years").iterdir())) == 4

    # the default theme of a site (Sphinx's tests build with "basic", which has no navigation)
    app = make_app("html", srcdir=site, freshenv=True, confoverrides={"html_theme": "alabaster"})
    app.build()
    assert warnings_of(app) == []  # every page is in a toctree, once
    # a page's navigation (alabaster, the index's maxdepth 1): the years, not the episodes
    years = ["speakers.html", *(f"years/{y}.html" for y in ("2020", "2021", "2022", "undated"))]
    assert sidebar_links(app.outdir / "2021-03-03-tides.html") == years
    assert sidebar_links(app.outdir / "tide.html") == years
    assert sidebar_links(app.outdir / "years" / "2021.html") == [
        "../speakers.html",
        "2020.html",
        "#",
        "2022.html",
        "undated.html",
    ]
    # the page of a year lists its episodes, in the order of their names
    year = lxml.html.parse(str(app.outdir / "years" / "2021.html")).getroot()
    body = year.xpath("//div[@class='body']//li[contains(@class, 'toctree-l1')]/a/@href")
    assert body == ["../2021-03-03-tides.html", "../2021-09-09-fog.html", "../winter-special.html"]


def test_init_again_leaves_the_index_pages_a_user_edited(  # type: ignore[no-untyped-def]
    capsys, tmp_path: Path, large_show: Path
) -> None:
    site = tmp_path / "site"
    assert run(capsys, "import", large_show, "-o", site, "--init", "-q")[0] == 0
    edited = {
        site / "index.md": "# Our show\n\n```{toctree}\n:glob:\n\nabout\nyears/*\n```\n",
        site / "years" / "2021.md": toctree(
            "The year of the fog", "/2021-??-??-*", "Winter Special </winter-special>"
        ),
        site / "years" / "undated.md": "# Specials\n\nNothing here.\n",
    }
    for path, text in edited.items():
        path.write_text(text, encoding="utf-8")

    later = tmp_path / "later"
    later.mkdir()
    write_post(later, "2021-10-10-leaves", "Leaves")  # its year's glob lists it
    write_post(later, "autumn-special", "Autumn Special", date="2021-10-31")
    write_post(later, "bonus", "Bonus")  # no date
    status, err = run(capsys, "import", later, "-o", site, "--init", "-q")
    assert status == 0, err
    assert err.splitlines() == [
        f"warning: {site / 'years' / '2021.md'} exists (left as it is) and does not list "
        "/autumn-special: add it to its toctree",
        f"warning: {site / 'years' / 'undated.md'} exists (left as it is) and does not list "
        "/bonus: add it to its toctree",
        # no longer listed by the page the user rewrote
        f"warning: {site / 'years' / 'undated.md'} exists (left as it is) and does not list "
        "/tide: add it to its toctree",
    ]
    for path, text in edited.items():
        assert read(path) == text
    assert sorted(p.name for p in (site / "years").iterdir()) == [
        "2020.md",
        "2021.md",
        "undated.md",
    ]


def test_a_show_that_grew_keeps_the_index_that_lists_every_page(  # type: ignore[no-untyped-def]
    capsys, tmp_path: Path, large_show: Path
) -> None:
    """An index of every page, written by an earlier --init when the show was small:
    --init does not switch the layout (it would have to rewrite the index) and says so."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.md").write_text(layout.INDEX_MD, encoding="utf-8")
    status, err = run(capsys, "import", large_show, "-o", site, "--init")
    assert status == 0, err
    assert (
        f"{site / 'index.md'} exists (left as it is): the 6 pages stay in its toctree; "
        "--init writes an index page per year only along with the index, so move index.md "
        "away and run import --init again to get them\n"
    ) in err
    assert read(site / "index.md") == layout.INDEX_MD
    assert not (site / "years").exists()

    # moved away: the next --init writes the index per year
    (site / "index.md").rename(tmp_path / "old-index.md")
    later = tmp_path / "later"
    later.mkdir()
    write_post(later, "2021-11-11-frost", "Frost")
    status, err = run(capsys, "import", later, "-o", site, "--init", "-q")
    assert (status, err) == (0, "")
    assert read(site / "index.md") == toctree("Podcast", "speakers", "years/*")
    assert read(site / "years" / "2021.md") == toctree("2021", "/2021-??-??-*", "/winter-special")
    assert read(site / "years" / "undated.md") == toctree("Without a date", "/tide")


def test_a_site_with_an_index_in_restructuredtext_gets_no_second_index(  # type: ignore[no-untyped-def]
    capsys, tmp_path: Path
) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    write_post(posts, "2020-01-05-first", "First")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.rst").write_text("Podcast\n=======\n", encoding="utf-8")
    status, err = run(capsys, "import", posts, "-o", site, "--init", "-q")
    assert (status, err) == (0, "")
    assert sorted(p.name for p in site.iterdir()) == [
        "2020-01-05-first.md",
        "conf.py",
        "index.rst",
        "speakers.md",
    ]
