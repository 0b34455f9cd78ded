"""``import --init``: the index pages of an imported show, laid out for its size.

A show of up to :data:`LARGE_SHOW` pages gets one index page whose toctree lists
every page. A larger one, dated over more than one year, gets a page per year
(``years/2021.md``, listing that year's episodes), a page for the pages without a
date (``years/undated.md``) and an index that lists these. Themes that collapse their
navigation (alabaster, the default; Read the Docs) then show, on each page, the years
(and at most its own year's episodes), not every episode of the show: with 2,000
episodes in one toctree, every page carried 2,000 links and the build grew with the
square of the show (``benchmarks/scale.py --layouts flat years`` measures both).

The toctrees use globs (``/2021-??-??-*``, ``years/*``), so dated pages and years
that a later ``import`` adds are listed without editing them. An index page that
exists is never rewritten: a page it should list but does not is a warning, and an
index that lists the pages itself (one written before the show grew, or by hand)
keeps the show in one toctree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["INDEX_MD", "LARGE_SHOW", "UNDATED", "YEARS", "Layout", "index_pages"]

LARGE_SHOW = 100
"""More pages than this, dated in more than one year: an index page per year."""

YEARS = "years"
"""The folder of the index pages per year (``years/2021.md``)."""

UNDATED = "undated"
"""The index page of the pages without a date (``years/undated.md``)."""

INDEX_MD = """\
# Podcast

```{toctree}
:maxdepth: 1
:glob:

speakers
*
```
"""

_DATED_NAME = re.compile(r"^(?P<year>\d{4})-\d{2}-\d{2}-")
_DATE_OPTION = re.compile(r"^\s*:date:\s*(?P<year>\d{4})-\d{2}-\d{2}", re.MULTILINE)
_INDEXES = ("index.md", "index.rst")
_NOT_EPISODES = {"index", "speakers"}
_SUFFIXES = (".md", ".rst")


@dataclass
class Layout:
    """The index pages ``--init`` writes into a show's folder, and what it cannot do."""

    pages: dict[str, str] = field(default_factory=dict)
    """Path relative to the folder → text, for each index page that does not exist yet."""
    warnings: list[str] = field(default_factory=list)
    """Pages that no index page will list (the build would say: in no toctree)."""
    notes: list[str] = field(default_factory=list)
    """Why the layout is not the one the show's size asks for."""


def index_pages(out_dir: Path, dates: Mapping[str, str]) -> Layout:
    """The index pages for the pages in *out_dir* and those this import wrote.

    *dates* gives the date (``YYYY-MM-DD``, or "") of each page this import wrote, by
    page name; a page already in *out_dir* has the date its name or its ``:date:`` gives.
    """
    names = sorted(set(dates) | _pages_in(out_dir))
    index = next((out_dir / name for name in _INDEXES if (out_dir / name).exists()), None)
    listed = _listed_in(out_dir)
    years = {name: _year_of(name, dates, out_dir) for name in names if name not in listed}
    dated_years = {year for year in years.values() if year}
    large = len(names) > LARGE_SHOW and len(dated_years) > 1
    if index is None and not large:
        return Layout({"index.md": INDEX_MD})
    if index is not None and not any((out_dir / YEARS).glob("*.md")):
        if not large:
            return Layout()
        return Layout(
            notes=[
                f"{index} exists (left as it is): the {len(names)} pages stay in its "
                f"toctree; --init writes an index page per year only along with the "
                f"index, so move {index.name} away and run import --init again to get them"
            ]
        )
    layout = Layout()
    if index is None:
        toctree = _toctree(["speakers", f"{YEARS}/*"])
        layout.pages["index.md"] = f"# Podcast\n\n{toctree}"
    entries: dict[str, list[str]] = {year: [] for year in sorted(dated_years)}
    for name, year in years.items():
        if not _DATED_NAME.match(name):
            entries.setdefault(year or UNDATED, []).append(f"/{name}")
    for year, pages in entries.items():
        path = f"{YEARS}/{year}.md"
        if (out_dir / path).exists():
            layout.warnings.extend(
                f"{out_dir / path} exists (left as it is) and does not list {page}: "
                f"add it to its toctree"
                for page in pages
            )
            continue
        title = "Without a date" if year == UNDATED else year
        own = [] if year == UNDATED else [f"/{year}-??-??-*"]
        layout.pages[path] = f"# {title}\n\n" + _toctree([*own, *pages])
    return layout


def _pages_in(out_dir: Path) -> set[str]:
    """The names of the pages directly in *out_dir*, index and speakers aside."""
    return {
        path.stem
        for suffix in _SUFFIXES
        for path in out_dir.glob(f"*{suffix}")
        if path.stem not in _NOT_EPISODES
    }


def _listed_in(out_dir: Path) -> set[str]:
    """The pages that the index pages in *out_dir* list by name (not by a glob)."""
    listed: set[str] = set()
    for path in [*(out_dir / name for name in _INDEXES), *(out_dir / YEARS).glob("*.md")]:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:  # missing or unreadable: it lists nothing we can see
            continue
        for line in text.splitlines():  # an entry is "page" or "Title <page>"
            entry = line.strip()
            if entry.endswith(">") and "<" in entry:
                entry = entry[entry.rindex("<") + 1 : -1]
            listed.add(entry.lstrip("/"))
    return listed


def _year_of(name: str, dates: Mapping[str, str], out_dir: Path) -> str:
    """The year of a page ("" for none): from its name, this import or its ``:date:``."""
    named = _DATED_NAME.match(name)
    if named:
        return named["year"]
    if name in dates:
        date = dates[name]
        return date[:4] if date[:4].isdigit() else ""
    for suffix in _SUFFIXES:
        try:
            text = (out_dir / f"{name}{suffix}").read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found = _DATE_OPTION.search(text)
        return found["year"] if found else ""
    return ""


def _toctree(entries: list[str]) -> str:
    return "\n".join(["```{toctree}", ":maxdepth: 1", ":glob:", "", *entries, "```", ""])
