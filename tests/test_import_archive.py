"""Importing a long show's archive: what one run learns from each post holds for the next.

An import of thousands of posts looks speakers, old addresses and leftover temporary
files up through indexes (issue 17: a scan each time made the import grow with the
square of the archive). These tests check what the lookups answer while the run goes
on, not how fast: the timing is ``benchmarks/import_scale.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx_podcast.importers import Options, SpeakerFile, convert
from sphinx_podcast.importers.jekyll.site import SiteMap, SitePage
from sphinx_podcast.writing import clean_stale_temporaries_in, write_atomic


def post(title: str, *turns: str) -> str:
    body = "\n\n".join(turns)
    return f'---\ntitle: "{title}"\n---\n\n{body}\n'


def warnings(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [note.message for note in result.notes if note.level == "warning"]


def test_speakers_learnt_from_earlier_posts_name_the_labels_of_later_ones() -> None:
    speakers = SpeakerFile()
    hosts = Options(hosts=("Mira Stone",))
    first = convert(
        post("Carla Castro on Lanterns", "**Mira:** Hello.", "**Carla:** Hi."),
        "2020-01-01-one.md",
        options=hosts,
        speakers=speakers,
    )
    assert first.speakers == ["Mira Stone", "Carla Castro"]
    # a later post says only "CC" and "Castro": the one speaker with those initials, that name
    second = convert(
        post("Lanterns again", "**Mira:** Back.", "**CC:** Yes.", "**Castro:** Still me."),
        "2020-01-02-two.md",
        options=hosts,
        speakers=speakers,
    )
    assert second.speakers == ["Mira Stone", "Carla Castro"]
    assert "\n**Carla Castro**: Yes.\n\n**Carla Castro**: Still me.\n" in second.text
    # a second Carla joins: from then on "Carla" alone cannot be told
    convert(
        post("Carla Moreno on Ferries", "**Mira:** Hi.", "**Carla:** Hello."),
        "2020-01-03-three.md",
        options=hosts,
        speakers=speakers,
    )
    fourth = convert(
        post("Ferries again", "**Mira:** Hi.", "**Carla:** Which one?"),
        "2020-01-04-four.md",
        options=hosts,
        speakers=speakers,
    )
    assert fourth.speakers == ["Mira Stone", "Carla"]
    assert (
        "speaker 'Carla' could be Carla Castro, Carla Moreno: give --speaker 'Carla=Full Name'"
        in warnings(fourth)
    )
    assert [(s.key, s.name) for s in speakers.new] == [
        ("mira-stone", "Mira Stone"),
        ("carla-castro", "Carla Castro"),
        ("carla-moreno", "Carla Moreno"),
        ("carla", "Carla"),
    ]


def test_speakers_of_a_failed_source_are_forgotten_by_every_lookup() -> None:
    speakers = SpeakerFile("```{speaker} ada\n:name: Ada Example\n```\n")
    assert speakers.find("Ada Example") is not None  # the lookups are made here
    lena = speakers.add("Lena Osei")
    assert lena is not None and lena.key == "lena-osei"
    assert speakers.find("lena osei") is lena
    speakers.forget_since(0)
    assert speakers.new == []
    assert speakers.find("Lena Osei") is None
    again = speakers.add("Léna Osei")  # not "lena-osei-2": the key is free again
    assert again is not None and again.key == "lena-osei"
    assert [s.key for s in speakers.all()] == ["ada", "lena-osei"]
    assert speakers.find("Ada Example") is not None


def test_many_speakers_each_found_by_every_spelling() -> None:
    speakers = SpeakerFile()
    names = [f"Guest Number{chr(65 + i % 26)}{chr(65 + i // 26)}" for i in range(500)]
    for name in names:
        assert speakers.add(name) is not None
    assert speakers.add("guest numberaa") is None  # case does not count
    assert [speakers.find(name.upper()).name for name in names] == names  # type: ignore[union-attr]
    clash = speakers.add("Guest NumberAA!")  # the same key as the first: numbered
    assert clash is not None and clash.key == "guest-numberaa-2"


def test_old_addresses_are_found_after_pages_are_added() -> None:
    site = SiteMap("https://old.example")
    site.pages.append(SitePage("one", paths=["episodes/one"]))
    assert site.page_for("/episodes/one/") is site.pages[0]
    assert site.page_for("/episodes/two/") is None
    site.pages.append(SitePage("two", paths=["episodes/two", "episodes/one"]))
    assert site.page_for("episodes/two.html") is site.pages[1]
    assert site.page_for("/episodes/one") is site.pages[0]  # the first page keeps a path
    assert site.page_named("two") is site.pages[1]
    assert site.page_named("three") is None


def dead_pid() -> int:
    pid = 2**22 - 7
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except OSError:
            pass
        pid -= 1


def test_stale_temporaries_of_a_directory_are_cleaned_once(tmp_path: Path) -> None:
    stale = [tmp_path / f".{name}.{dead_pid()}.x1.tmp" for name in ("a.md", "b.md")]
    running = tmp_path / f".a.md.{os.getpid()}.x2.tmp"
    for path in [*stale, running]:
        path.write_text("half", encoding="utf-8")
    write_atomic(tmp_path / "c.md", "c\n", clean=False)  # leaves them to the one clean-up
    assert all(path.exists() for path in stale)
    assert sorted(clean_stale_temporaries_in(tmp_path)) == sorted(stale)
    assert running.exists() and not any(path.exists() for path in stale)
    assert (tmp_path / "c.md").read_text(encoding="utf-8") == "c\n"
