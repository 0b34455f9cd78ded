"""The ``sphinx-podcast`` command: ``import`` transcripts as episode pages, ``align`` them.

Nothing is lost: an existing file is never overwritten without ``--force``
(the command exits non-zero and leaves it untouched), every file is written
atomically (a temporary file in the same directory, then :func:`os.replace`),
and a bad source gives one error naming its file and line while the other
sources are still converted. Exit status: 0 when everything was converted,
1 when a source or an output had a problem, 2 for a wrong command line.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from . import __version__, formats
from .importers import (
    SOURCE_FORMATS,
    Imported,
    InputError,
    Options,
    SpeakerFile,
    convert,
    read_text,
)
from .model import format_time

__all__ = ["main", "write_atomic"]

#: File name endings ``import`` picks up when given a directory.
SOURCE_SUFFIXES = (".md", ".markdown", ".vtt", ".srt", ".sbv", ".json")
CONF_PY = """\
# A minimal Sphinx configuration for the pages sphinx-podcast imported.
project = "Podcast"
extensions = ["myst_parser", "sphinx_podcast"]
myst_heading_anchors = 3  # links to headings (#section-title) as in the original posts
exclude_patterns = ["_build"]
"""
INDEX_MD = """\
# Podcast

```{toctree}
:maxdepth: 1
:glob:

speakers
*
```
"""


class UsageError(Exception):
    """A wrong command line (exit status 2)."""


# -- writing files -------------------------------------------------------------------


def write_atomic(path: Path, text: str, *, backup: bool = False) -> None:
    """Write *text* to *path* so that readers see the old file or the new one, never half.

    With *backup*, the old file is kept as ``PATH.bak`` first.
    """
    if path.is_symlink():
        path = path.resolve()  # replace the file the link points to, keep the link
    if path.exists() and not path.is_file():
        if path.is_dir():
            raise IsADirectoryError(21, "is a directory", str(path))
        # a device or a pipe (/dev/null, /dev/stdout, a FIFO): write into it, never replace it
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        return
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True)
    if backup and path.exists():
        write_atomic(path.with_name(path.name + ".bak"), path.read_text(encoding="utf-8"))
    mode = None
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode & 0o777
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# -- reporting -----------------------------------------------------------------------


@dataclass
class Reporter:
    quiet: bool = False
    verbose: bool = False
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    errors: int = 0

    def progress(self, message: str) -> None:
        if not self.quiet:
            print(message, file=self.err)

    def info(self, message: str) -> None:
        if self.verbose and not self.quiet:
            print(message, file=self.err)

    def warning(self, message: str) -> None:
        print(f"warning: {message}", file=self.err)

    def error(self, message: str) -> None:
        self.errors += 1
        print(f"error: {message}", file=self.err)


def _where(filename: str, line: int) -> str:
    return f"{filename}:{line}" if line else filename


# -- import --------------------------------------------------------------------------


def _speaker_option(values: Sequence[str]) -> tuple[dict[str, str], str]:
    """``LABEL=NAME`` renames; a bare ``NAME`` is the speaker of cues that name nobody."""
    renames: dict[str, str] = {}
    default = ""
    for value in values:
        label, sep, name = value.partition("=")
        if sep:
            label, name = label.strip(), name.strip().strip("\"'")
            if not label or not name:
                raise UsageError(f"--speaker {value!r}: expected LABEL=NAME")
            renames[label] = name
        elif value.strip():
            if default:
                raise UsageError("--speaker NAME (without LABEL=) can be given once")
            default = value.strip().strip("\"'")
    return renames, default


def _sources(paths: Sequence[str], reporter: Reporter, out_dir: Path) -> Iterator[Path]:
    output = out_dir.resolve()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SOURCE_SUFFIXES
                and not p.name.lower().endswith(".chapters.json")
                and not p.name.startswith(".")
                and not p.resolve().is_relative_to(output)  # pages written earlier
            )
            if not found:
                reporter.error(f"{raw}: no transcripts in this directory")
            yield from found
        else:
            yield path


def _output_name(source: Path) -> str:
    name = source.name
    for suffix in (".chapters.json",):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    for extra in (".transcript", ".captions", ".subtitles"):
        if stem.lower().endswith(extra):
            stem = stem[: -len(extra)]
    return f"{stem}.md"


def _chapters_for(source: Path, reporter: Reporter) -> list[formats.Chapter]:
    stem = source.name.rsplit(".", 1)[0]
    candidate = source.with_name(f"{stem}.chapters.json")
    if not candidate.is_file():
        return []
    try:
        chapters = formats.read_chapters(
            read_text(candidate, str(candidate)), filename=str(candidate)
        )
    except InputError as error:
        reporter.warning(f"{error}; chapters not used")
        return []
    except formats.FormatError as error:
        reporter.warning(f"{error.located(str(candidate))}; chapters not used")
        return []
    reporter.info(f"{source}: chapters from {candidate}")
    return chapters


def _show_notes(reporter: Reporter, source: str, page: Imported) -> None:
    for note in page.notes:
        message = f"{_where(source, note.line)}: {note.message}"
        if note.level == "warning":
            reporter.warning(message)
        else:
            reporter.info(message)


def _write_or_show(
    path: Path, text: str, args: argparse.Namespace, reporter: Reporter, backup: bool = False
) -> None:
    if args.dry_run:
        print(f"==> {path} <==", file=reporter.out)
        print(text, end="" if text.endswith("\n") else "\n", file=reporter.out)
        return
    write_atomic(path, text, backup=backup)


def run_import(args: argparse.Namespace, reporter: Reporter) -> int:
    renames, default_speaker = _speaker_option(args.speaker)
    options = Options(
        speakers=renames,
        default_speaker=default_speaker,
        hosts=tuple(args.host),
        title=args.title or "",
        whole_seconds=args.whole_seconds,
    )
    out_dir = Path(args.output)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"-o {args.output}: not a directory")
    sources = list(_sources(args.sources, reporter, out_dir))
    if args.title and len(sources) > 1:
        raise UsageError("--title is for one source at a time")

    rst_speakers = out_dir / "speakers.rst"
    speakers_path = rst_speakers if rst_speakers.is_file() else out_dir / "speakers.md"
    existing = ""
    if speakers_path.is_file():
        try:
            existing = read_text(speakers_path)
        except InputError as error:
            reporter.error(f"{error} (the speakers file is left as it is)")
            return 1
    speaker_file = SpeakerFile(existing, rst=speakers_path.suffix == ".rst")

    written: dict[Path, Path] = {}
    converted = 0
    total = len(sources)
    for number, source in enumerate(sources, start=1):
        shown = str(source)
        target = out_dir / _output_name(source)
        if target in written:
            reporter.error(
                f"{shown}: its page {target} would replace the one from {written[target]}; "
                "rename one of them"
            )
            continue
        if target.name in ("speakers.md", "index.md", "conf.md") or target.resolve() == (
            source.resolve()
        ):
            reporter.error(f"{shown}: cannot write its page to {target}; rename the source")
            continue
        if target.is_file() and not args.force:
            reporter.error(f"{target} already exists (left untouched); use --force to replace it")
            continue
        try:
            text = read_text(source, shown)
            page = convert(
                text,
                shown,
                fmt=args.from_format,
                options=options,
                speakers=speaker_file,
                chapters=_chapters_for(source, reporter),
            )
        except InputError as error:
            reporter.error(str(error))
            continue
        except (ValueError, TypeError, KeyError, IndexError, RecursionError) as error:
            # a source we failed to foresee: one error, and on with the others
            reporter.error(f"{shown}: cannot convert ({type(error).__name__}: {error})")
            continue
        _show_notes(reporter, shown, page)
        try:
            _write_or_show(target, page.text, args, reporter)
        except OSError as error:
            reporter.error(f"{target}: cannot write: {error.strerror or error}")
            continue
        written[target] = source
        converted += 1
        verb = "would write" if args.dry_run else "wrote"
        reporter.progress(
            f"[{number}/{total}] {shown} ({page.fmt}) → {verb} {target}: {page.turns} turns "
            f"({page.timed} timed), {len(page.speakers)} speakers"
        )

    if speaker_file.new:
        try:
            _write_or_show(speakers_path, speaker_file.render(), args, reporter)
            names = ", ".join(s.name for s in speaker_file.new)
            verb = "would add" if args.dry_run else "added"
            reporter.progress(f"{speakers_path}: {verb} {len(speaker_file.new)} speakers ({names})")
        except OSError as error:
            reporter.error(f"{speakers_path}: cannot write: {error.strerror or error}")
    elif not speakers_path.exists() and converted:
        _write_or_show(speakers_path, speaker_file.render(), args, reporter)
    if args.init:
        for name, content in (("conf.py", CONF_PY), ("index.md", INDEX_MD)):
            path = out_dir / name
            if path.exists():
                reporter.info(f"{path} exists; left as it is")
                continue
            _write_or_show(path, content, args, reporter)
            reporter.progress(f"{'would write' if args.dry_run else 'wrote'} {path}")
    failed = total - converted
    summary = f"{converted} of {total} sources converted"
    if failed:
        summary += f", {failed} failed"
    reporter.progress(summary)
    return 1 if reporter.errors else 0


# -- align ---------------------------------------------------------------------------


def run_align(args: argparse.Namespace, reporter: Reporter) -> int:
    from .align import align

    transcript_path = Path(args.transcript)
    if args.in_place and args.output:
        raise UsageError("give -o OUT or --in-place, not both")
    if args.in_place:
        target: Path | None = transcript_path
    elif args.output and args.output != "-":
        target = Path(args.output)
    else:
        target = None  # stdout
    if target is not None and not args.in_place and target.is_file() and not args.force:
        reporter.error(f"{target} already exists (left untouched); use --force to replace it")
        return 1
    backup = transcript_path.with_name(transcript_path.name + ".bak")
    if args.in_place and backup.is_file() and not args.force and not args.dry_run:
        reporter.error(
            f"{backup} already exists (an earlier original?); move it away or use --force"
        )
        return 1
    try:
        text = read_text(transcript_path, args.transcript)
        captions_text = read_text(args.captions, args.captions)
        try:
            fmt = args.from_format or formats.detect(captions_text, args.captions)
            if fmt in ("markdown", "chapters"):
                raise InputError(
                    f"expected captions (WebVTT, SRT, SBV, Whisper JSON), found {fmt}",
                    args.captions,
                )
            captions = formats.read(captions_text, fmt, filename=args.captions)
        except formats.FormatError as error:
            raise InputError(error.message, args.captions, error.line or 0) from None
    except InputError as error:
        reporter.error(str(error))
        return 1
    result = align(text, captions.cues, retime=args.retime, whole=not args.milliseconds)
    if not result.turns:
        reporter.error(
            f"{args.transcript}: no turns found (paragraphs starting with **Name**: "
            "or turn directives); nothing to time"
        )
        return 1
    counts = result.counts()
    reporter.progress(
        f"{args.transcript}: timed {result.timed} of {len(result.turns)} turns "
        f"({counts['first-word']} at their first word, {counts['near']} near it, "
        f"{counts['interpolated']} interpolated"
        + (f", {result.kept} kept their time" if result.kept else "")
        + f"); {result.word_share:.0%} of the words matched the captions"
    )
    for turn in result.low():
        reporter.warning(
            f"{_where(args.transcript, turn.line + 1)}: {turn.name}: time "
            f"{format_time(turn.start or 0)} is an estimate ({turn.confidence}); check it"
        )
    for turn in result.turns:
        if turn.confidence == "none":
            reporter.warning(
                f"{_where(args.transcript, turn.line + 1)}: {turn.name}: not timed "
                "(no caption words near it)"
            )
    if result.word_share < 0.5 and result.words:
        reporter.warning(
            f"only {result.word_share:.0%} of the words matched: are these the captions "
            "of this transcript?"
        )
    output = result.text
    if target is None:
        print(output, end="" if output.endswith("\n") else "\n", file=reporter.out)
    elif args.dry_run:
        print(f"==> {target} <==", file=reporter.out)
        print(output, end="" if output.endswith("\n") else "\n", file=reporter.out)
    else:
        try:
            write_atomic(target, output, backup=args.in_place)
        except OSError as error:
            reporter.error(f"{target}: cannot write: {error.strerror or error}")
            return 1
        reporter.progress(
            f"wrote {target}" + (f" (the original is in {target}.bak)" if args.in_place else "")
        )
    return 1 if reporter.errors else 0


# -- the parser ----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-podcast",
        description="Bring transcripts into a sphinx-podcast site.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--force", action="store_true", help="replace output files that already exist"
    )
    common.add_argument(
        "-n", "--dry-run", action="store_true", help="show what would be written; write nothing"
    )
    common.add_argument("-q", "--quiet", action="store_true", help="no progress, only problems")
    common.add_argument("-v", "--verbose", action="store_true", help="also say what was changed")

    importer = commands.add_parser(
        "import",
        parents=[common],
        help="convert transcripts (Jekyll/Markdown, WebVTT, SRT, SBV, Whisper, WhisperX, "
        "podcast JSON) to episode pages",
        description="Write one MyST episode page per source (talk.vtt → DIR/talk.md) and "
        "DIR/speakers.md with a speaker directive per speaker found.",
    )
    importer.add_argument("sources", nargs="+", metavar="SOURCE", help="files or directories")
    importer.add_argument(
        "--speaker",
        action="append",
        default=[],
        metavar="LABEL=NAME",
        help='name a diarized speaker (SPEAKER_00="Ada Example"); a bare NAME is the speaker '
        "of cues that name nobody (repeatable)",
    )
    importer.add_argument("-o", "--output", required=True, metavar="DIR", help="output directory")
    importer.add_argument(
        "--from",
        dest="from_format",
        choices=SOURCE_FORMATS,
        help="the sources' format (detected from the content by default)",
    )
    importer.add_argument(
        "--host",
        action="append",
        default=[],
        metavar="NAME",
        help="a host's name: hosts go into :hosts:, the other speakers into :guests:",
    )
    importer.add_argument("--title", help="the page title (one source only)")
    importer.add_argument(
        "--whole-seconds", action="store_true", help="write turn times without milliseconds"
    )
    importer.add_argument(
        "--init",
        action="store_true",
        help="also write a minimal conf.py and index.md into DIR (if missing)",
    )

    aligner = commands.add_parser(
        "align",
        parents=[common],
        help="time the turns of a transcript from captions",
        description="Align the words of TRANSCRIPT (MyST/Markdown/rST with **Name**: turns) "
        "with CAPTIONS (WebVTT, SRT, SBV, Whisper JSON) and write each turn's start time.",
    )
    aligner.add_argument("transcript", metavar="TRANSCRIPT")
    aligner.add_argument("captions", metavar="CAPTIONS")
    aligner.add_argument(
        "-o", "--output", metavar="OUT", help="where to write the timed transcript (- stdout)"
    )
    aligner.add_argument(
        "-i", "--in-place", action="store_true", help="rewrite TRANSCRIPT (keeping TRANSCRIPT.bak)"
    )
    aligner.add_argument(
        "--from",
        dest="from_format",
        choices=("vtt", "srt", "sbv", "whisper", "whisperx", "podcast-json"),
        help="the captions' format (detected by default)",
    )
    aligner.add_argument(
        "--retime", action="store_true", help="replace times the transcript already has"
    )
    aligner.add_argument(
        "--milliseconds", action="store_true", help="write times with milliseconds"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    reporter = Reporter(quiet=args.quiet, verbose=args.verbose)
    try:
        if args.command == "import":
            return run_import(args, reporter)
        return run_align(args, reporter)
    except UsageError as error:
        parser.exit(2, f"{parser.prog} {args.command}: error: {error}\n")
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
