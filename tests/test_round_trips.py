"""Issue 16, round trips: importing a page's own VTT, SRT and JSON gives its turns back.

Root ``roundtrip-hard``: consecutive turns of one speaker (in one section and across a
heading), speakers named ``Dr. Who`` and ``A & B``, literal ``<b>`` and ``{\\an8}`` in
the text. Built once; each export is imported with ``sphinx-podcast import`` and built
again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOTS, build_app, resolved_doctree, warnings_of
from sphinx.testing.util import SphinxTestApp

from sphinx_podcast import cli, formats
from sphinx_podcast import nodes as pn
from sphinx_podcast.importers.captions import turns_of

EXPECTED = [
    ("Dr. Who", 2.0, "First turn of the doctor."),
    ("Dr. Who", 10.0, "A second turn of the doctor, right after the first one, and long "
     "enough to need more than one caption and more than one subtitle card of its own."),
    ("A & B", 40.0, "We speak as one: <b>not bold</b> and <i>not italic</i>, literally."),
    ("A & B", 60.0, "And again after a heading, {\\an8} as it is written."),
    ("Dr. Who", 90.5, "The last word."),
]  # fmt: skip


def turns(app, docname: str) -> list[tuple[str, float | None, str]]:  # type: ignore[no-untyped-def]
    return [
        (t["speaker_name"], t.get("start"), " ".join(t.astext().split()))
        for t in resolved_doctree(app, docname).findall(pn.turn)
    ]


def build(srcdir: Path) -> SphinxTestApp:
    return build_app("html", srcdir, fresh=True)


@pytest.fixture(scope="module")
def original(tmp_path_factory):  # type: ignore[no-untyped-def]
    srcdir = tmp_path_factory.mktemp("roundtrip") / "src"
    shutil.copytree(ROOTS / "test-roundtrip-hard", srcdir)
    app = build(srcdir)
    assert warnings_of(app) == []
    assert turns(app, "episode") == EXPECTED
    return app


@pytest.mark.parametrize("suffix", [".vtt", ".srt", ".json"])
def test_reimporting_a_pages_own_vtt_srt_json_keeps_consecutive_turns_of_one_speaker_apart(
    original, tmp_path, capsys, suffix: str
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / f"episode{suffix}"
    shutil.copy(Path(original.outdir) / f"episode{suffix}", source)
    status = cli.main(["import", str(source), "-o", str(tmp_path / "site"), "--init"])
    assert status == 0, capsys.readouterr().err
    again = build(tmp_path / "site")
    assert warnings_of(again) == []
    assert turns(again, "episode") == EXPECTED


def test_srt_keeps_speakers_named_dr_who_or_a_and_b(original) -> None:  # type: ignore[no-untyped-def]
    text = (Path(original.outdir) / "episode.srt").read_text(encoding="utf-8")
    speakers = [cue.speaker for cue in formats.read(text, filename="episode.srt").merged()]
    assert speakers == ["Dr. Who", "Dr. Who", "A & B", "A & B", "Dr. Who"]


def test_literal_tags_in_turn_text_survive_srt(original) -> None:  # type: ignore[no-untyped-def]
    text = (Path(original.outdir) / "episode.srt").read_text(encoding="utf-8")
    # escaped with a word joiner (U+2060) after "<" and "{": players show the text
    assert "<\u2060b>not" in text and "<\u2060/b>" in text and "{\u2060\\an8}" in text
    assert "<b>" not in text and "{\\an8}" not in text
    import srt

    cards = " ".join(card.content for card in srt.parse(text))
    assert "<b>" not in cards  # what a player sees as formatting: none
    bodies = [cue.text for cue in formats.read(text, filename="episode.srt").merged()]
    assert " ".join(" ".join(bodies).split()) == " ".join(text for _n, _s, text in EXPECTED)


def test_srt_names_with_periods_that_are_not_names() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nWell. I said: no\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\nSt. John Smith: yes\n"
    )
    cues = formats.read(text, filename="x.srt").cues
    assert [(c.speaker, c.text) for c in cues] == [
        ("", "Well. I said: no"),
        ("St. John Smith", "yes"),
    ]


def test_diarization_labels_on_every_card_are_still_joined() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_00]: One\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\n[SPEAKER_00]: two\n\n"
        "3\n00:00:03,000 --> 00:00:04,000\n[SPEAKER_01]: three\n"
    )
    turns_ = formats.read(text, filename="x.srt").merged()
    assert [(t.speaker, t.text) for t in turns_] == [
        ("SPEAKER_00", "One two"),
        ("SPEAKER_01", "three"),
    ]


def test_third_party_vtt_and_json_of_one_speaker_are_still_joined() -> None:
    vtt = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v Ada>One\n\n"
        "2\n00:00:02.000 --> 00:00:03.000\n<v Ada>two\n"
    )
    assert [c.text for c in formats.read(vtt, filename="x.vtt").merged()] == ["One two"]
    json_text = (
        '{"version": "1.0.0", "segments": [{"speaker": "Ada", "startTime": 1, "body": "I"},'
        ' {"speaker": "Ada", "startTime": 2, "body": "am"}]}'
    )
    assert [c.text for c in formats.read(json_text).merged()] == ["I am"]


def test_grouping_speakerless_unpunctuated_captions_splits_a_turn_at_a_sensible_length() -> None:
    # typical auto-captions: no speaker, no punctuation, no pause; the time this takes
    # grows linearly with the file (benchmarks/bench_captions.py)
    cues = [
        formats.Cue(i * 1.5, i * 1.5 + 1.5, "", f"word{i} and more words here") for i in range(400)
    ]
    turns_, unnamed = turns_of(formats.Transcript(cues))
    assert unnamed == 400
    assert all(len(turn.text) <= 1500 for turn in turns_)
    assert len(turns_) == len(" ".join(c.text for c in cues)) // 1500 + 1
    assert " ".join(turn.text for turn in turns_) == " ".join(c.text for c in cues)
    starts = {cue.start for cue in cues}
    assert turns_[0].start == 0.0 and all(turn.start in starts for turn in turns_)
    assert all(turn.speaker == "Speaker" for turn in turns_)
