"""``sphinx-podcast align``: time a transcript's turns from captions (see :mod:`..align`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import formats
from ..align import align
from ..importers import InputError, read_text
from ..importers.textfile import decode, read_bytes
from ..inputs import shorten
from ..model import format_time
from ..writing import TextStyle, write_atomic
from .report import (
    UNFORESEEN,
    Reporter,
    UsageError,
    is_time,
    limit,
    reason,
    same_file,
    where,
)


def run_align(args: argparse.Namespace, reporter: Reporter) -> int:
    transcript_path = Path(args.transcript)
    if args.in_place and args.output:
        raise UsageError("give -o OUT or --in-place, not both")
    if args.in_place:
        target: Path | None = transcript_path
    elif args.output and args.output != "-":
        target = Path(args.output)
    else:
        target = None  # stdout
    if target is not None and not args.in_place:
        for name, source in (("transcript", args.transcript), ("captions", args.captions)):
            if same_file(target, Path(source)):
                reporter.error(
                    f"-o {args.output} is the {name} itself: it would be replaced "
                    "(use --in-place to rewrite the transcript, keeping a .bak)"
                )
                return 1
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
        data = read_bytes(transcript_path, args.transcript, limit=limit(args))
        style = TextStyle.of(data)  # the rewritten transcript keeps its line endings and BOM
        text = decode(data, args.transcript)
        captions_text = read_text(args.captions, args.captions, limit=limit(args))
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
        reporter.input_error(error)
        return 1
    except UNFORESEEN as error:
        reporter.error(f"{args.captions}: cannot read ({type(error).__name__}: {error})")
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
            f"{where(args.transcript, turn.line + 1)}: {turn.name}: time "
            f"{format_time(turn.start or 0)} is an estimate ({turn.confidence}); check it"
        )
    for turn in result.turns:
        if turn.confidence == "kept" and not is_time(turn.time):
            reporter.warning(
                f"{where(args.transcript, turn.line + 1)}: {turn.name}: its time "
                f"{shorten(turn.time)!r} is not a time (--retime replaces it)"
            )
        if turn.confidence == "none":
            reporter.warning(
                f"{where(args.transcript, turn.line + 1)}: {turn.name}: not timed "
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
            write_atomic(target, output, backup=args.in_place, style=style)
        except OSError as error:
            reporter.error(f"{target}: cannot write: {reason(error)}")
            return 1
        reporter.progress(
            f"wrote {target}" + (f" (the original is in {target}.bak)" if args.in_place else "")
        )
    return 1 if reporter.errors else 0
