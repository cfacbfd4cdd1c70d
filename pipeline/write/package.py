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
7 % faster.

Each of a round's 2,000 feedback workbooks is a zip of about fifteen parts, and eight of
them (the theme, the styles, the content types, the workbook and its relationships, the
document's properties) are the same in nearly every one: xlsxwriter compressed each again
for every workbook. Here such a part's compressed bytes are kept the first time (up to
`KEPT_PARTS` parts of up to `KEPT_BYTES` each, per process) and given again when the same
bytes come back; everything else (each entry's header, its checksum, the directory) is
still written by Python's `zipfile`.

A part of `BLOCKS_FROM` bytes or more (the rows of a large round's consolidated workbook:
about 240 MB of XML at 2,000 workbooks, three gigabytes at a million rows) is compressed
in blocks by two threads (zlib-ng lets go of Python's lock while it compresses), each
block primed with the 32 KB before it and ended on a byte boundary, the last one
finished: joined in order they are one deflate stream, as pigz makes them, a few
hundredths of a percent larger than one compressor's. The consolidated workbook's close
is a large round's last piece of work, with a core otherwise idle.

xlsxwriter makes its zip with the `ZipFile` of its workbook module: while a workbook is
stored, that name gives the `ZipFile` below (processes write one workbook at a time).
"""

from __future__ import annotations

import os
import re
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

import xlsxwriter.workbook
from zlib_ng import zlib_ng

from pipeline.write import notes

KEPT_PARTS = 64
KEPT_BYTES = 256 << 10
# The parts that may be the same from one workbook to the next (not a sheet's cells, its
# comments or their shapes, the shared strings, nor the properties naming the workbook).
SHARED_PARTS = re.compile(r"\[Content_Types\]\.xml|_rels/.*|docProps/app\.xml|"
                          r"xl/(workbook\.xml|styles\.xml|theme/.*|_rels/.*|worksheets/_rels/.*)")
_kept: dict[bytes, bytes] = {}  # a part's bytes -> their compressed bytes (this process)
LEVEL = 5  # (the module's note: smaller than the default at this size, a third faster)
BLOCKS_FROM = 8 << 20  # a part this large is compressed in blocks, by two threads
BLOCK = 1 << 20
WINDOW = 32 << 10  # what deflate looks back on: each block is primed with it
THREADS = 2


def deflater(primed: bytes = b"") -> Any:
    """A raw deflate compressor, as zipfile makes, by zlib-ng at `LEVEL`; `primed` with
    the bytes deflate may look back on, if any."""
    if primed:
        return zlib_ng.compressobj(LEVEL, zlib_ng.DEFLATED, -15, zdict=primed)
    return zlib_ng.compressobj(LEVEL, zlib_ng.DEFLATED, -15)


class _Compressor:
    """zipfile's raw deflate for a shared part of `size` bytes: a part met before gives its
    kept bytes; a part given whole at once (as `writestr` gives it, or a small file read in
    one piece) is kept for the next time."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._zlib = deflater()
        self._calls = 0
        self._part = b""
        self._made = b""
        self._given = False

    def compress(self, data: bytes) -> bytes:
        self._calls += 1
        if self._calls == 1 and isinstance(data, bytes) and len(data) == self._size:
            kept = _kept.get(data)
            if kept is not None:
                self._given = True
                return kept
            self._part = data  # (given whole: kept once compressed)
            self._made = self._zlib.compress(data)
            return self._made
        if self._given:  # (cannot be: a part given whole has nothing after it)
            raise RuntimeError("a part kept compressed was given more bytes")
        self._part = b""  # (given in pieces: compressed as zipfile does, not kept)
        return self._zlib.compress(data)

    def flush(self) -> bytes:
        if self._given:
            return b""
        tail = self._zlib.flush()
        if self._part and len(self._part) <= KEPT_BYTES and len(_kept) < KEPT_PARTS:
            _kept[self._part] = self._made + tail
        return tail


def _deflate_block(block: bytes, before: bytes, last: bool) -> bytes:
    """One block's raw deflate, primed with the bytes `before` it, ended on a byte
    boundary (or, the `last`, finished)."""
    compressor = deflater(before)
    return compressor.compress(block) + compressor.flush(
        zlib_ng.Z_FINISH if last else zlib_ng.Z_SYNC_FLUSH)


class _Blocks:
    """zipfile's raw deflate for a large part: its bytes gathered into blocks, each
    compressed by a thread of `pool`, the compressed blocks given back in order (at most
    two per thread waiting: the memory of a few blocks, whatever the part's size)."""

    def __init__(self, pool: ThreadPoolExecutor) -> None:
        self._pool = pool
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
        self._made.append(self._pool.submit(_deflate_block, block, self._before, last))
        self._before = (self._before + block)[-WINDOW:]


class _ZipFile(ZipFile):
    """Python's ZipFile, its deflated entries compressed through `_Compressor`, or in
    blocks by the `pool` of threads that `Workbook` opens for a large part."""

    pool: ThreadPoolExecutor | None = None

    def _open_to_write(self, zinfo: ZipInfo, force_zip64: bool = False) -> Any:
        entry = super()._open_to_write(zinfo, force_zip64)  # type: ignore[misc]
        if (zinfo.compress_type != ZIP_DEFLATED
                or getattr(zinfo, "_compresslevel", None) is not None):
            return entry
        if SHARED_PARTS.fullmatch(zinfo.filename):
            entry._compressor = _Compressor(zinfo.file_size)
        elif zinfo.file_size >= BLOCKS_FROM and (os.cpu_count() or 1) > 1:
            if _ZipFile.pool is None:
                _ZipFile.pool = ThreadPoolExecutor(THREADS, thread_name_prefix="deflate")
            entry._compressor = _Blocks(_ZipFile.pool)
        else:
            entry._compressor = deflater()
        return entry


class Workbook(notes.Workbook):
    """xlsxwriter's workbook, its comments written as `notes` writes them and its shared
    parts compressed once."""

    def _store_workbook(self) -> None:
        module: Any = xlsxwriter.workbook
        usual = module.ZipFile
        module.ZipFile = _ZipFile
        try:
            super()._store_workbook()
        finally:
            module.ZipFile = usual
            if _ZipFile.pool is not None:  # (no threads left behind: processes fork)
                _ZipFile.pool.shutdown()
                _ZipFile.pool = None
