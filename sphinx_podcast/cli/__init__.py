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
import sys
from collections.abc import Sequence

from .. import __version__
from ..importers import SOURCE_FORMATS
from ..inputs import MAX_SOURCE_BYTES
from ..writing import write_atomic
from .aligning import run_align
from .importing import run_import
from .report import Reporter, UsageError

__all__ = ["main", "write_atomic"]


def _megabytes(value: str) -> float:
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {value!r}") from None
    if not 0 < size <= 2**20:  # up to a terabyte
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most 1048576: {value!r}")
    return size


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
    common.add_argument(
        "--max-size",
        type=_megabytes,
        default=MAX_SOURCE_BYTES / 2**20,
        metavar="MB",
        help=f"refuse sources larger than this (default {MAX_SOURCE_BYTES // 2**20} MB)",
    )

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
        help="also write a minimal conf.py and the index pages into DIR, where missing "
        "(an index page per year for a show of more than 100 pages)",
    )
    importer.add_argument(
        "--site-url",
        metavar="URL",
        help="the old site's address (default: url and baseurl of its _config.yml): links to "
        "its pages become links between the new pages",
    )
    importer.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 when there is any warning",
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
