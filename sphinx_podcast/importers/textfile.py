"""Reading a source file as text, with one clear error for what cannot be read."""

from __future__ import annotations

import os
import stat

from ..inputs import MAX_SOURCE_BYTES

__all__ = ["InputError", "TooLargeError", "decode", "read_bytes", "read_text"]


class InputError(ValueError):
    """A source that cannot be converted: says which file and, where known, which line."""

    def __init__(self, message: str, filename: str = "", line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.filename = filename
        self.line = line

    def __str__(self) -> str:
        where = self.filename or "<input>"
        if self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, filename: str = "") -> str:
    """UTF-8 text (a byte order mark is dropped, line ends become ``\\n``).

    Binary data (a NUL byte) and bytes that are not UTF-8 raise
    :class:`InputError` naming the line.
    """
    nul = data.find(b"\x00")
    if nul != -1:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError("the file is UTF-16; save it as UTF-8", filename, _line_of(data, nul))
        raise InputError(
            "this is a binary file, not a transcript (it contains NUL bytes)",
            filename,
            _line_of(data, nul),
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8",
            filename,
            _line_of(data, error.start),
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(
    path: str | os.PathLike[str], shown: str | None = None, *, limit: int = MAX_SOURCE_BYTES
) -> bytes:
    """The bytes of the regular file *path*, at most *limit* of them.

    A FIFO, a device (``/dev/zero``) or a socket is refused without being opened
    (opening a FIFO blocks until someone writes to it); so is a file larger than
    *limit*, whose size is checked before and while it is read.
    """
    name = shown if shown is not None else os.fspath(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory, not a file", name)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file (a pipe, a device or a socket)", name)
        if info.st_size > limit:
            raise TooLargeError(_too_big(info.st_size, limit), name)
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", name) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", name) from None
    if len(data) > limit:  # it grew while we looked
        raise TooLargeError(_too_big(len(data), limit), name)
    return data


class TooLargeError(InputError):
    """A file over the size limit."""


def _too_big(size: int, limit: int) -> str:
    shown = f"{limit // 2**20} MB" if limit % 2**20 == 0 else f"{limit:,} bytes"
    return f"the file is larger than {shown} ({size:,} bytes or more); not read"


def read_text(
    path: str | os.PathLike[str], shown: str | None = None, *, limit: int = MAX_SOURCE_BYTES
) -> str:
    """Read *path* as text; *shown* is the name errors give (the path by default)."""
    name = shown if shown is not None else os.fspath(path)
    return decode(read_bytes(path, name, limit=limit), name)
