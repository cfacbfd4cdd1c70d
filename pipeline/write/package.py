"""A workbook's package: its parts compressed by zlib-ng, and the parts every workbook of
a run shares compressed once.

Compressing is most of what packaging a workbook costs: a feedback workbook's fifteen
parts took 1.2 ms with the zlib Python links to, 0.6 ms with zlib-ng at the same level
(and a few bytes smaller), consolidado.xlsx's 240 MB of parts at a million rows
likewise half. Every deflated part goes through zlib-ng here; the parts themselves, their
names, order, dates and checksums are xlsxwriter's, so a workbook reads back byte for
byte as xlsxwriter's (`tests/test_package.py`), only its compressed bytes differ.

At `LEVEL` 5, not zlib's default 6: zlib-ng's level 6 searches harder for matches and
finds almost none more in a workbook's XML. consolidado.xlsx's 227 MB of parts at 2,000
workbooks: 16.72 MB in 1.10 s at level 6, 16.61 MB in 0.73 s at level 5 (level 4:
18.25 MB, 0.63 s); the sample round's and the test corpus's 4.2 MB of parts 0.3 % larger,
7 % faster. One of many small workbooks (the 2,000 feedback workbooks of a round, about
16 KB each) is deflated at `QUICK_LEVEL` 1: its sheets, comments and their shapes, about
75 KB of XML, in 0.12 ms instead of 0.36, into 12.8 KB instead of 9.6 (the file about
19 KB instead of 16): a quarter of a millisecond for each of them is half a second of a
round's work, three kilobytes are nothing to an e-mail.

Each of a round's 2,000 feedback workbooks is a zip of about fifteen parts, and eight of
them (the theme, the styles, the content types, the workbook and its relationships, the
document's properties) are the same in nearly every one: xlsxwriter compressed each again
for every workbook. Here such a part's compressed bytes and checksum are kept the first
time (up to `KEPT_PARTS` parts of up to `KEPT_BYTES` each, per process) and given again
when the same bytes come back at the same level. A workbook assembled in memory (every
feedback workbook) is zipped by `_PackageInMemory`, which writes the headers Python's
zipfile writes and the file in one go; one written through temporary files (a large
consolidated workbook) by zipfile itself.

A part of `BLOCKS_FROM` bytes or more (the rows of a large round's consolidated workbook:
about 240 MB of XML at 2,000 workbooks, three gigabytes at a million rows) is compressed
in blocks by two threads (zlib-ng lets go of Python's lock while it compresses), each
block primed with the 32 KB before it and ended on a byte boundary, the last one
finished: joined in order they are one deflate stream, as pigz makes them, a few
hundredths of a percent larger than one compressor's. The consolidated workbook's close
is a large round's last piece of work, with a core otherwise idle.

xlsxwriter makes its zip with the `ZipFile` of its workbook module: while a workbook is
stored, that name gives one of the two below, at the workbook's level.
"""

from __future__ import annotations

import functools
import os
import re
import struct
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any
from zipfile import (
    ZIP64_LIMIT,
    ZIP_DEFLATED,
    ZIP_FILECOUNT_LIMIT,
    LargeZipFile,
    ZipFile,
    ZipInfo,
)

import xlsxwriter.workbook
from zlib_ng import zlib_ng

from pipeline.write import kept_formats

KEPT_PARTS = 64
KEPT_BYTES = 256 << 10
# The parts that may be the same from one workbook to the next (not a sheet's cells, its
# comments or their shapes, the shared strings, nor the properties naming the workbook).
SHARED_PARTS = re.compile(r"\[Content_Types\]\.xml|_rels/.*|docProps/app\.xml|"
                          r"xl/(workbook\.xml|styles\.xml|theme/.*|_rels/.*|worksheets/_rels/.*)")
# a part's level and bytes -> compressed, checksum
_kept: dict[tuple[int, bytes], tuple[bytes, int]] = {}
LEVEL = 5  # (the module's note: smaller than the default at this size, a third faster)
QUICK_LEVEL = 1  # one of many small workbooks (the module's note)
BLOCKS_FROM = 8 << 20  # a part this large is compressed in blocks, by two threads
BLOCK = 1 << 20
WINDOW = 32 << 10  # what deflate looks back on: each block is primed with it
THREADS = 2


def deflater(level: int, primed: bytes = b"") -> Any:
    """A raw deflate compressor, as zipfile makes, by zlib-ng at `level`; `primed` with
    the bytes deflate may look back on, if any."""
    if primed:
        return zlib_ng.compressobj(level, zlib_ng.DEFLATED, -15, zdict=primed)
    return zlib_ng.compressobj(level, zlib_ng.DEFLATED, -15)


def _deflate_block(block: bytes, before: bytes, last: bool, level: int) -> bytes:
    """One block's raw deflate at `level`, primed with the bytes `before` it, ended on a
    byte boundary (or, the `last`, finished)."""
    compressor = deflater(level, before)
    return compressor.compress(block) + compressor.flush(
        zlib_ng.Z_FINISH if last else zlib_ng.Z_SYNC_FLUSH)


class _Blocks:
    """zipfile's raw deflate for a large part: its bytes gathered into blocks, each
    compressed by a thread of `pool`, the compressed blocks given back in order (at most
    two per thread waiting: the memory of a few blocks, whatever the part's size)."""

    def __init__(self, pool: ThreadPoolExecutor, level: int) -> None:
        self._pool = pool
        self._level = level
        self._gathered = bytearray()
        self._before = b""
        self._made: deque[Future[bytes]] = deque()

    def compress(self, data: bytes) -> bytes:
        self._gathered += data
        while len(self._gathered) >= BLOCK:
            self._send(bytes(self._gathered[:BLOCK]), last=False)
            del self._gathered[:BLOCK]
        done = []
        while self._made and (self._made[0].done() or len(self._made) > 2 * THREADS):
            done.append(self._made.popleft().result())
        return b"".join(done)

    def flush(self) -> bytes:
        self._send(bytes(self._gathered), last=True)
        self._gathered.clear()
        return b"".join(made.result() for made in self._made)

    def _send(self, block: bytes, last: bool) -> None:
        self._made.append(self._pool.submit(_deflate_block, block, self._before, last,
                                            self._level))
        self._before = (self._before + block)[-WINDOW:]


def _pool() -> ThreadPoolExecutor:
    """The threads that compress a large part's blocks (shut down after each workbook)."""
    if _ZipFile.pool is None:
        _ZipFile.pool = ThreadPoolExecutor(THREADS, thread_name_prefix="deflate")
    return _ZipFile.pool


def _compressor(size: int, level: int) -> Any:
    """A part's raw deflate at `level`: in blocks by two threads from `BLOCKS_FROM` bytes."""
    if size >= BLOCKS_FROM and (os.cpu_count() or 1) > 1:
        return _Blocks(_pool(), level)
    return deflater(level)


class _ZipFile(ZipFile):
    """Python's ZipFile (for a workbook written through temporary files), its deflated
    entries compressed by zlib-ng at `level`, a large one in blocks by the `pool` of
    threads."""

    pool: ThreadPoolExecutor | None = None

    def __init__(self, *args: Any, level: int = LEVEL, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.level = level

    def _open_to_write(self, zinfo: ZipInfo, force_zip64: bool = False) -> Any:
        entry = super()._open_to_write(zinfo, force_zip64)  # type: ignore[misc]
        if (zinfo.compress_type == ZIP_DEFLATED
                and getattr(zinfo, "_compresslevel", None) is None):
            entry._compressor = _compressor(zinfo.file_size, self.level)
        return entry


class _PackageInMemory:
    """The zip of a workbook assembled in memory, as xlsxwriter makes it with `ZipFile`
    (`writestr` for each part, then `close`), written to its file in one go at the end.

    The headers are the ones Python's zipfile writes (its `FileHeader`, its central
    directory), so a new file is byte for byte the one zipfile would write with the same
    compressor; zipfile's own machinery (a file object per entry, a seek back to each
    header) cost about 0.4 ms of a feedback workbook's 1.1 ms of zipping. A part named by
    `SHARED_PARTS` is kept compressed with its checksum and given again. The file is
    opened at once, as zipfile opens it: a path that cannot be written fails before the
    workbook is packaged (xlsxwriter's close packages a workbook once). ZIP64 is not
    written (a workbook in memory is far below its 2 GB): a package that would need it
    is refused as zipfile refuses one it may not extend."""

    def __init__(self, file: Any, mode: str = "w", compression: int = ZIP_DEFLATED,
                 allowZip64: bool = True,  # noqa: N803 (zipfile's name)
                 level: int = LEVEL) -> None:
        self.level = level
        self._given = hasattr(file, "write")
        self._out = file if self._given else open(file, "wb")  # noqa: SIM115 (closed below)
        self.compression = compression
        self._made: list[bytes] = []
        self._central: list[bytes] = []
        self._at = 0

    def writestr(self, info: ZipInfo, data: bytes) -> None:
        shared = SHARED_PARTS.fullmatch(info.filename) is not None
        kept = _kept.get((self.level, data)) if shared else None
        if kept is None:
            if info.compress_type == ZIP_DEFLATED:
                compressor = _compressor(len(data), self.level)
                stored = compressor.compress(data) + compressor.flush()
            else:
                stored = data
            kept = stored, zlib_ng.crc32(data)
            if shared and len(data) <= KEPT_BYTES and len(_kept) < KEPT_PARTS:
                _kept[self.level, data] = kept
        stored, info.CRC = kept
        info.file_size, info.compress_size = len(data), len(stored)
        info.flag_bits = 0
        info.external_attr = info.external_attr or 0o600 << 16
        if max(info.file_size * 1.05, info.compress_size, self._at) > ZIP64_LIMIT:
            raise LargeZipFile("Filesize would require ZIP64 extensions")
        header = info.FileHeader(False)
        name, flags = info._encodeFilenameFlags()  # type: ignore[attr-defined]
        days = (info.date_time[0] - 1980) << 9 | info.date_time[1] << 5 | info.date_time[2]
        clock = info.date_time[3] << 11 | info.date_time[4] << 5 | info.date_time[5] // 2
        self._central.append(struct.pack(
            "<4s4B4HL2L5H2L", b"PK\x01\x02", info.create_version, info.create_system,
            info.extract_version, info.reserved, flags, info.compress_type, clock, days,
            info.CRC, info.compress_size, info.file_size, len(name), len(info.extra),
            len(info.comment), 0, info.internal_attr, info.external_attr, self._at)
            + name + info.extra + info.comment)
        self._made += (header, stored)
        self._at += len(header) + len(stored)

    def close(self) -> None:
        try:
            directory = b"".join(self._central)
            if (len(self._central) >= ZIP_FILECOUNT_LIMIT
                    or max(self._at, len(directory)) > ZIP64_LIMIT):
                raise LargeZipFile("Zipfile size would require ZIP64 extensions")
            end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(self._central),
                              len(self._central), len(directory), self._at, 0)
            self._out.write(b"".join((*self._made, directory, end)))
            self._out.flush()
        finally:
            if not self._given:
                self._out.close()


class Workbook(kept_formats.Workbook):
    """xlsxwriter's workbook, its comments written as `notes` writes them, its formats and
    styles as `kept_formats` keeps them, its parts compressed by zlib-ng, its shared parts
    once, and when assembled in memory its zip written in one go. Its parts are deflated
    at `level`: `LEVEL`, or `QUICK_LEVEL` for one of many small workbooks."""

    level = LEVEL

    def _store_workbook(self) -> None:
        module: Any = xlsxwriter.workbook
        usual = module.ZipFile
        module.ZipFile = functools.partial(
            _PackageInMemory if self.in_memory else _ZipFile, level=self.level)
        try:
            super()._store_workbook()
        finally:
            module.ZipFile = usual
            if _ZipFile.pool is not None:  # (no threads left behind: processes fork)
                _ZipFile.pool.shutdown()
                _ZipFile.pool = None

