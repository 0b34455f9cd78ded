"""Our labels in every shipped language, and the author's words through Sphinx's i18n.

Root ``i18n`` is built once in German and once in Japanese, and once with
``-b gettext``. Its ``locales/de`` holds the project's translations of its own pages
and of two of our labels ("Outline", "Back to the outline"), which must win over our
German catalogue while every other label still comes from it.
"""

from __future__ import annotations

import datetime as dt
import gettext
import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import lxml.html
import pytest
from babel.messages.pofile import read_po
from conftest import build_root_app, warnings_of
from sphinx.testing.util import SphinxTestApp

from sphinx_podcast.domain import format_episode_date

REPO = Path(__file__).resolve().parent.parent
LOCALE = REPO / "sphinx_podcast" / "locale"
SHIPPED = ("de", "es", "fr", "it", "ja", "pt_BR", "zh_CN")


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogues", REPO / "tools" / "catalogues.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the catalogues ----------------------------------------------------------------


def test_catalogues_are_in_step_with_the_code() -> None:
    """Fails when a message was added or changed without running tools/catalogues.py,
    or a language lacks a translation: the message says what to do."""
    tool = load_tool()
    assert tool.languages() == sorted(SHIPPED)
    assert tool.problems() == []


def test_the_check_finds_what_is_out_of_date(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The check itself: a new message in the code, a lost translation, a stale .mo."""
    tool = load_tool()
    package = tmp_path / "sphinx_podcast"
    shutil.copytree(REPO / "sphinx_podcast", package)
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "PACKAGE", package)
    monkeypatch.setattr(tool, "LOCALE_DIR", package / "locale")
    monkeypatch.setattr(tool, "TEMPLATE", package / "locale" / "sphinx_podcast.pot")
    assert tool.problems() == []
    lines = len((package / "display.py").read_text(encoding="utf-8").splitlines())
    with (package / "display.py").open("a", encoding="utf-8") as module:
        module.write('\n\ndef later() -> str:\n    return _("Bonus episode")\n')
        module.write('\n\ndef bad(name: str) -> str:\n    return f"{_(name)}!"\n')
    german = package / "locale" / "de" / "LC_MESSAGES" / "sphinx_podcast.po"
    german.write_text(
        german.read_text(encoding="utf-8").replace('msgstr "Dauer"', 'msgstr ""'),
        encoding="utf-8",
    )
    problems = tool.problems()
    bad_line = lines + 8  # the line of the f-string
    assert f"sphinx_podcast/display.py:{bad_line}: _() inside an f-string: use % formatting" in (
        problems
    )
    assert "sphinx_podcast/locale/sphinx_podcast.pot differs from the messages in the code" in (
        problems
    )
    for language in SHIPPED:
        name = f"sphinx_podcast/locale/{language}/LC_MESSAGES/sphinx_podcast.po"
        assert f"{name}: missing 'Bonus episode'" in problems
    assert "sphinx_podcast/locale/de/LC_MESSAGES/sphinx_podcast.po: untranslated 'Duration'" in (
        problems
    )
    mo_file = "sphinx_podcast/locale/de/LC_MESSAGES/sphinx_podcast.mo"
    assert f"{mo_file} is not compiled from the current .po" in problems


def test_plurals_follow_each_language() -> None:
    """French counts 0 as singular, German does not, Japanese has one form."""
    forms = {}
    for language in ("de", "fr", "ja"):
        translation = gettext.translation("sphinx_podcast", str(LOCALE), [language])
        forms[language] = [
            translation.ngettext("%d turn", "%d turns", count) % count for count in (0, 1, 2)
        ]
    assert forms == {
        "de": ["0 Redebeiträge", "1 Redebeitrag", "2 Redebeiträge"],
        "fr": ["0 intervention", "1 intervention", "2 interventions"],
        "ja": ["0 回の発言", "1 回の発言", "2 回の発言"],
    }


def test_translations_keep_their_placeholders() -> None:
    for language in SHIPPED:
        path = LOCALE / language / "LC_MESSAGES" / "sphinx_podcast.po"
        with path.open("rb") as stream:
            catalog = read_po(stream, locale=language)
        assert catalog.get("Play from %s").string.count("%s") == 1
        assert "%(provider)s" in catalog.get("Play %(title)s (loads %(provider)s)").string


def test_the_wheel_ships_every_catalogue(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from flit_core import buildapi; print(buildapi.build_wheel(sys.argv[1]))",
            str(tmp_path),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    wheel = tmp_path / result.stdout.strip().splitlines()[-1]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert "sphinx_podcast/locale/sphinx_podcast.pot" in names
        for language in SHIPPED:
            base = f"sphinx_podcast/locale/{language}/LC_MESSAGES/sphinx_podcast"
            assert {f"{base}.po", f"{base}.mo"} <= names
            assert archive.read(f"{base}.mo") == (REPO / f"{base}.mo").read_bytes()


# -- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date_format", "language", "shown"),
    [
        ("", "en", "March 6, 2025"),
        ("", "de", "6. März 2025"),
        ("", "fr", "6 mars 2025"),
        ("", "es", "6 de marzo de 2025"),
        ("", "pt_BR", "6 de março de 2025"),
        ("", "pt-BR", "6 de março de 2025"),
        ("", "ja", "2025年3月6日"),
        ("", "zh_CN", "2025年3月6日"),
        ("", "en_GB", "6 March 2025"),
        ("", "tlh", "March 6, 2025"),  # a language Babel does not know: English, like Sphinx
        ("%d.%m.%Y", "de", "06.03.2025"),  # the author's format, as today_fmt
        ("%A, %-d. %B %Y", "de", "Donnerstag, 6. März 2025"),
    ],
)
def test_dates_read_the_way_the_language_writes_them(
    date_format: str, language: str, shown: str
) -> None:
    assert format_episode_date(dt.date(2025, 3, 6), date_format, language) == shown


# -- built pages -----------------------------------------------------------------------


def build(tmp: Path, builder: str, **overrides: object) -> SphinxTestApp:
    app: SphinxTestApp = build_root_app("test-i18n", tmp, builder, **overrides)
    return app


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build(tmp_path_factory.mktemp("de"), "html", language="de")


@pytest.fixture(scope="module")
def japanese(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build(tmp_path_factory.mktemp("ja"), "html", language="ja")


def page(app: SphinxTestApp, name: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(Path(app.outdir) / f"{name}.html")).getroot()


def texts(root: lxml.html.HtmlElement, css_class: str) -> list[str]:
    return [
        " ".join(element.text_content().split())
        for element in root.xpath(f"//*[contains(concat(' ', @class, ' '), ' {css_class} ')]")
    ]


def attributes(root: lxml.html.HtmlElement, css_class: str, name: str) -> list[str]:
    return root.xpath(f"//*[contains(concat(' ', @class, ' '), ' {css_class} ')]/@{name}")


def test_german_labels(german: SphinxTestApp) -> None:
    assert warnings_of(german) == []
    ep1, ep2 = page(german, "episodes/ep1"), page(german, "episodes/ep2")
    assert texts(ep1, "podcast-episode-meta") == [
        "Folge 1 · Staffel 2 · 6. März 2025 · 1 Std. 3 Min."
    ]
    assert texts(ep1, "podcast-episode-people") == [
        "Moderation: Sam Okafor · Gäste: Ada Lindqvist, Bo Marsh"
    ]
    assert texts(ep2, "podcast-episode-people") == ["Moderation: Sam Okafor · Gast: Ada Lindqvist"]
    assert texts(ep1, "podcast-episode-nav") == ["Nächste Folge: The Lighthouse Log"]
    assert texts(ep2, "podcast-episode-nav") == ["Vorherige Folge: Seekarten und Lotungen"]
    assert texts(ep1, "podcast-episode-related") == [
        "Weitere Folgen mit Ada Lindqvist: The Lighthouse Log"
    ]
    assert texts(ep1, "podcast-downloads")[0].startswith("Transkript herunterladen:")
    assert attributes(ep1, "podcast-chapter-time", "aria-label") == [
        "Ab 00:10 abspielen",
        "Ab 05:00 abspielen",
    ]
    people = page(german, "people")
    assert texts(people, "podcast-appearances") == [
        "The Lighthouse Log (Moderation, 1 Redebeitrag, 00:25 Sprechzeit) "
        "Seekarten und Lotungen (Moderation, 1 Redebeitrag, 01:00 Sprechzeit)",
        "The Lighthouse Log (Gast, 1 Redebeitrag, 47:30 Sprechzeit) "
        "Seekarten und Lotungen (Gast, 3 Redebeiträge, 1:00:20 Sprechzeit)",
        "The Lighthouse Log, Seekarten und Lotungen",
        "The Lighthouse Log, Seekarten und Lotungen",
        "Seekarten und Lotungen",
    ]
    assert people.xpath("//p[contains(@class, 'podcast-label')]/strong/text()") == [
        "Zu hören in",
        "Zu hören in",
    ]
    lists = page(german, "lists")
    assert lists.xpath("//table//th//text()") == ["Nr.", "Folge", "Datum", "Dauer", "Gäste"]


def test_a_project_overrides_our_labels_with_its_locale_dirs(german: SphinxTestApp) -> None:
    """locales/de/LC_MESSAGES/sphinx_podcast.po says "Kapitelübersicht" for "Outline"
    (compiled by the build, as Sphinx compiles a project's sphinx.po)."""
    ep2 = page(german, "episodes/ep2")
    assert texts(ep2, "podcast-outline-title") == ["Kapitelübersicht"]
    assert attributes(ep2, "podcast-outline", "aria-label") == ["Kapitelübersicht"]
    assert attributes(ep2, "podcast-backlink", "title") == ["Zurück zur Kapitelübersicht"]


def test_the_authors_words_are_translated_wherever_they_show(german: SphinxTestApp) -> None:
    """The project's episodes.po and people.po: an outline title, a summary, a role and
    a bio, on their page and on the pages that list them."""
    ep1 = page(german, "episodes/ep1")
    assert texts(ep1, "podcast-outline-title") == ["Kapitel"]
    assert texts(ep1, "podcast-episode-summary") == [
        "Zwei Gäste vergleichen alte Hafenkarten mit neuen Lotungen."
    ]
    assert "Aus dem Hafenamt." in texts(ep1, "podcast-turn")[1]
    people = page(german, "people")
    assert texts(people, "podcast-speaker-role") == ["Moderation"]
    assert texts(people, "podcast-speaker-bio")[0] == (
        "Sam moderiert die Sendung seit der ersten Staffel."
    )
    assert texts(people, "podcast-speaker-list")[0].startswith("Sam Okafor — Moderation ")
    lists = page(german, "lists")
    summaries = lists.xpath("//div[contains(@class, 'podcast-episode-list')]//li/p[2]")
    assert [summary.text_content() for summary in summaries] == [
        "Ada liest aus dem Logbuch der Leuchtturmwärter.",
        "Zwei Gäste vergleichen alte Hafenkarten mit neuen Lotungen.",
    ]


def test_japanese_labels(japanese: SphinxTestApp) -> None:
    assert warnings_of(japanese) == []
    ep1, ep2 = page(japanese, "episodes/ep1"), page(japanese, "episodes/ep2")
    assert texts(ep1, "podcast-episode-meta") == ["第1回 · シーズン2 · 2025年3月6日 · 1 時間 3 分"]
    assert texts(ep1, "podcast-episode-people") == [
        "ホスト: Sam Okafor · ゲスト: Ada Lindqvist, Bo Marsh"
    ]
    assert texts(ep2, "podcast-episode-nav") == ["前のエピソード: Charts and Soundings"]
    # no Japanese catalogue in the project: our labels, the author's words as written
    assert texts(ep2, "podcast-outline-title") == ["目次"]
    assert texts(ep1, "podcast-outline-title") == ["Chapters"]
    assert attributes(ep2, "podcast-backlink", "title") == ["目次に戻る"]
    assert attributes(ep2, "podcast-chapter-time", "aria-label") == ["00:05 から再生"]
    people = page(japanese, "people")
    assert texts(people, "podcast-appearances")[1] == (
        "The Lighthouse Log (ゲスト, 1 回の発言, 発言時間 47:30) "
        "Charts and Soundings (ゲスト, 3 回の発言, 発言時間 1:00:20)"
    )
    lists = page(japanese, "lists")
    assert lists.xpath("//table//th//text()") == ["No.", "エピソード", "日付", "再生時間", "ゲスト"]


def test_gettext_extracts_what_authors_wrote_in_our_directives(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Outline titles, speaker roles and bios, episode summaries (and turns); not the
    speakers' names nor our labels, which are not the author's text."""
    app = build(tmp_path_factory.mktemp("gettext"), "gettext")
    assert warnings_of(app) == []
    messages = {}
    for name in ("episodes", "people"):
        with (Path(app.outdir) / f"{name}.pot").open("rb") as stream:
            messages[name] = [message.id for message in read_po(stream) if message.id]
    assert messages["people"] == [
        "People",
        "Host",
        "Sam has presented the show since its first season.",
        "Ada keeps the harbour's weather log.",
    ]
    episodes = messages["episodes"]
    for expected in (
        "Two guests compare old harbour charts with new soundings.",
        "Chapters",
        "Ada reads from the lighthouse keepers' log.",
        "**Ada** [00:01:10]: From the harbour office.",
    ):
        assert expected in episodes
    assert not {"Sam Okafor", "Outline", "Kapitelübersicht", "Folge 1"} & set(episodes)
