"""The workbooks' packages (pipeline.write.package): every workbook holds the parts
xlsxwriter writes, byte for byte, in its order, with its dates and checksums, each
compressed by zlib-ng, whether it was compressed for it or kept from an earlier workbook,
in memory or through temporary files."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
import zlib
from pathlib import Path

import pytest
import xlsxwriter
import xlsxwriter.exceptions
from zlib_ng import zlib_ng

from pipeline.write import kept_formats, package
from pipeline.write.xlsx import new_workbook

Entry = tuple[str, tuple[int, ...], int, int, int, int, bytes]


def _entries(path: Path) -> list[Entry]:
    """Each part of the package: its name, date, checksum, size, attributes, compression
    and bytes."""
    with zipfile.ZipFile(path) as package_file:
        assert package_file.testzip() is None
        return [(i.filename, i.date_time, i.CRC, i.file_size, i.external_attr,
                 i.compress_type, package_file.read(i)) for i in package_file.infolist()]


def _stored(raw: bytes, info: zipfile.ZipInfo) -> bytes:
    """A part's bytes as stored in the package `raw` (compressed), after its local header
    (30 bytes, its name, its extra field)."""
    start = info.header_offset + 30 + len(info.orig_filename.encode()) + len(info.extra)
    return raw[start:start + info.compress_size]


def _deflated_by_zlib_ng(path: Path, level: int = 5) -> bool:
    """Whether every part's stored bytes are zlib-ng's raw deflate of the part at `level`
    (5: the package's note, smaller than the default level's at a large round's size, and
    faster), given whole or in the 8 KB pieces zipfile reads a temporary file in (zlib-ng's
    bytes depend on the pieces)."""
    raw = path.read_bytes()
    with zipfile.ZipFile(path) as package_file:
        for info in package_file.infolist():
            stored = _stored(raw, info)
            part = package_file.read(info)
            made = [zlib_ng.compressobj(level, zlib_ng.DEFLATED, -15) for _ in range(2)]
            whole = made[0].compress(part) + made[0].flush()
            pieces = b"".join(made[1].compress(part[at:at + 8192])
                              for at in range(0, len(part), 8192)) + made[1].flush()
            if stored not in (whole, pieces):
                return False
    return True


def _make(cls: type[xlsxwriter.Workbook], path: Path, options: dict[str, object],
          who: str, formats: int = 0) -> bytes:
    workbook = cls(str(path), options)
    workbook.set_properties({"title": f"Retroalimentación: {who}",
                             "created": dt.datetime(2026, 11, 30), "author": "Seguimiento"})
    bold = workbook.add_format({"bold": True, "text_wrap": True})
    sheet = workbook.add_worksheet("Problemas")
    sheet.write(0, 0, "Qué corregir", bold)
    sheet.write(1, 0, f"{who}: fila 12 sin responsable")
    sheet.write_comment(1, 0, "Indique el responsable", {"author": "Seguimiento"})
    sheet.repeat_rows(0)
    other = workbook.add_worksheet("Matriz")
    other.write_row(0, 0, ["ID", "Actividad", who * 40_000])  # (its own, large part)
    for n in range(formats):  # (styles.xml larger than the pieces a file is read in)
        other.write(1 + n, 0, n, workbook.add_format({"num_format": f"0.{'0' * (n % 9)}",
                                                      "font_size": 8 + n % 300}))
    workbook.close()
    return path.read_bytes()


@pytest.mark.parametrize("options", [{"in_memory": True}, {"constant_memory": True}, {}])
def test_a_workbook_is_the_file_xlsxwriter_writes_with_its_parts_kept_or_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: dict[str, object]) -> None:
    monkeypatch.setattr(package, "_kept", {})
    for n, who in enumerate(("Guatemala", "Honduras", "Guatemala")):
        plain = _make(xlsxwriter.Workbook, tmp_path / f"plain{n}.xlsx", options, who)
        fast = _make(package.Workbook, tmp_path / f"fast{n}.xlsx", options, who)
        assert _entries(tmp_path / f"fast{n}.xlsx") == _entries(tmp_path / f"plain{n}.xlsx")
        assert _deflated_by_zlib_ng(tmp_path / f"fast{n}.xlsx")
        assert len(fast) <= len(plain) * 1.05  # (level 1 would make +20 %)
    kept = [part for _, part in package._kept]
    if not options.get("in_memory"):  # (through temporary files: none kept, below)
        assert not kept
        return
    assert kept and all(len(part) <= package.KEPT_BYTES for part in kept)
    assert not [p for p in kept if b"<sheetData" in p or b"<comments" in p]  # (own cells)
    theme = next(p for p in kept if b"<a:theme " in p)  # (the same in every workbook)
    assert zipfile.ZipFile(tmp_path / "fast2.xlsx").read("xl/theme/theme1.xml") == theme


def test_one_of_many_small_workbooks_is_deflated_quickly_with_its_own_kept_parts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A feedback workbook (one of many small ones) is deflated at the quick level, the
    others at the usual one, alternately in one process: each part at its workbook's
    level, a part kept from a workbook of the other level not given again; what each
    holds is xlsxwriter's own."""
    monkeypatch.setattr(package, "_kept", {})
    for n, quick in enumerate((False, True, False, True)):
        class Made(package.Workbook):
            level = package.QUICK_LEVEL if quick else package.LEVEL

        _make(Made, tmp_path / f"fast{n}.xlsx", {"in_memory": True}, "Guatemala")
        _make(xlsxwriter.Workbook, tmp_path / f"plain{n}.xlsx", {"in_memory": True},
              "Guatemala")
        assert _entries(tmp_path / f"fast{n}.xlsx") == _entries(tmp_path / f"plain{n}.xlsx")
        assert _deflated_by_zlib_ng(tmp_path / f"fast{n}.xlsx", Made.level), (n, quick)
    assert (tmp_path / "fast1.xlsx").stat().st_size > (tmp_path / "fast0.xlsx").stat().st_size
    feedback = new_workbook(tmp_path / "feedback.xlsx", dt.date(2026, 11, 30), "x",
                            one_of_many=True)
    assert feedback.level == package.QUICK_LEVEL
    assert new_workbook(tmp_path / "other.xlsx", dt.date(2026, 11, 30), "x").level == (
        package.LEVEL)


def test_kept_parts_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of many different workbooks keeps no more than `KEPT_PARTS` parts."""
    monkeypatch.setattr(package, "_kept", {})
    monkeypatch.setattr(package, "KEPT_PARTS", 5)
    for n in range(4):
        _make(package.Workbook, tmp_path / f"w{n}.xlsx", {"in_memory": True}, f"P{n}")
    assert len(package._kept) == 5
    assert xlsxwriter.workbook.ZipFile is zipfile.ZipFile  # (given back after each)


def test_a_part_larger_than_kept_is_compressed_as_usual(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A shared part above `KEPT_BYTES` is not kept (styles.xml of a workbook with
    hundreds of formats): the same parts as xlsxwriter's either way."""
    monkeypatch.setattr(package, "_kept", {})
    monkeypatch.setattr(package, "KEPT_BYTES", 4096)  # (the theme, 7 KB, is above)
    for n in range(2):
        _make(xlsxwriter.Workbook, tmp_path / f"plain{n}.xlsx", {"in_memory": True},
              "Belice", formats=300)
        _make(package.Workbook, tmp_path / f"fast{n}.xlsx", {"in_memory": True}, "Belice",
              formats=300)
        assert _entries(tmp_path / f"fast{n}.xlsx") == _entries(tmp_path / f"plain{n}.xlsx")
        assert _deflated_by_zlib_ng(tmp_path / f"fast{n}.xlsx")
    styles = zipfile.ZipFile(tmp_path / "fast1.xlsx").read("xl/styles.xml")
    assert len(styles) > 4096
    assert package._kept and all(len(part) <= 4096 for part in package._kept)
    assert styles not in package._kept


def test_a_workbook_through_temporary_files_keeps_no_part(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """zipfile reads a temporary file's part in pieces of 8 KB: none is kept (a kept part
    equal to a larger one's first piece would end that entry after 8 KB)."""
    monkeypatch.setattr(package, "_kept", {})
    for n in range(2):
        _make(xlsxwriter.Workbook, tmp_path / f"plain{n}.xlsx", {"constant_memory": True},
              "Belice", formats=300)
        _make(package.Workbook, tmp_path / f"fast{n}.xlsx", {"constant_memory": True},
              "Belice", formats=300)
        assert _entries(tmp_path / f"fast{n}.xlsx") == _entries(tmp_path / f"plain{n}.xlsx")
        assert _deflated_by_zlib_ng(tmp_path / f"fast{n}.xlsx")
    assert not package._kept


def test_a_workbook_in_memory_is_the_file_zipfile_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The package assembled in memory is written in one go, its headers and directory
    byte for byte the ones Python's zipfile writes (given the same compressor), whether
    its shared parts are compressed for it or kept, to a path or to a file object."""
    monkeypatch.setattr(package, "_kept", {})
    original = zipfile._get_compressor  # type: ignore[attr-defined]

    def by_zlib_ng(compress_type: int, level: int | None = None) -> object:
        if compress_type == zipfile.ZIP_DEFLATED:
            return zlib_ng.compressobj(5, zlib_ng.DEFLATED, -15)
        return original(compress_type, level)

    for n, who in enumerate(("Guatemala", "Honduras", "Guatemala")):
        fast = _make(package.Workbook, tmp_path / f"fast{n}.xlsx", {"in_memory": True}, who)
        with monkeypatch.context() as patched:
            patched.setattr(zipfile, "_get_compressor", by_zlib_ng)
            plain = _make(xlsxwriter.Workbook, tmp_path / f"plain{n}.xlsx",
                          {"in_memory": True}, who)
        assert fast == plain
    assert package._kept
    buffer = io.BytesIO()
    workbook = package.Workbook(buffer, {"in_memory": True})
    workbook.add_worksheet().write(0, 0, "Guatemala")
    workbook.close()
    assert zipfile.ZipFile(buffer).read("xl/worksheets/sheet1.xml").count(b"<c ") == 1


@pytest.fixture()
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts from 64 KB compressed in blocks of 16 KB, by two threads on any machine."""
    monkeypatch.setattr(package, "BLOCKS_FROM", 64 << 10)
    monkeypatch.setattr(package, "BLOCK", 16 << 10)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def _large(cls: type[xlsxwriter.Workbook], path: Path,
           options: dict[str, object]) -> xlsxwriter.Workbook:
    """A workbook (not yet closed) whose sheet's part is about 600 KB of rows."""
    workbook = cls(str(path), options)
    workbook.set_properties({"created": dt.datetime(2026, 11, 30)})
    sheet = workbook.add_worksheet("Matriz")
    for row in range(6_000):
        sheet.write_row(row, 0, [f"GT-{row}", f"Actividad {row * 7919 % 1000}", row])
    return workbook


@pytest.mark.parametrize("options", [{"in_memory": True}, {"constant_memory": True}])
@pytest.mark.usefixtures("small_blocks")
def test_a_large_part_is_compressed_in_blocks_by_threads_into_one_stream(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: dict[str, object]) -> None:
    """A part of `BLOCKS_FROM` bytes or more is compressed in blocks by two threads: the
    package holds xlsxwriter's parts, any zip reader (and zlib) reads them back, the part
    is about as small as one compressor makes it, and no thread outlives the workbook."""
    import threading

    threads: list[str] = []
    deflate_block = package._deflate_block

    def recorded(block: bytes, before: bytes, last: bool, level: int) -> bytes:
        threads.append(threading.current_thread().name)
        return deflate_block(block, before, last, level)

    monkeypatch.setattr(package, "_deflate_block", recorded)
    _large(xlsxwriter.Workbook, tmp_path / "plain.xlsx", options).close()
    _large(package.Workbook, tmp_path / "fast.xlsx", options).close()
    assert _entries(tmp_path / "fast.xlsx") == _entries(tmp_path / "plain.xlsx")
    assert len(threads) > 4 and all(t.startswith("deflate") for t in threads)
    assert not [t for t in threading.enumerate() if t.name.startswith("deflate")]
    with zipfile.ZipFile(tmp_path / "fast.xlsx") as made:
        info = made.getinfo("xl/worksheets/sheet1.xml")
        part = made.read(info)
    assert info.file_size >= package.BLOCKS_FROM
    stored = _stored((tmp_path / "fast.xlsx").read_bytes(), info)
    assert zlib.decompressobj(-15).decompress(stored) == part  # (Python's own zlib)
    one = zlib_ng.compressobj(5, zlib_ng.DEFLATED, -15)
    single = one.compress(part) + one.flush()
    assert stored != single and len(stored) <= len(single) * 1.01


@pytest.mark.usefixtures("small_blocks")
def test_an_interruption_while_blocks_are_compressed_leaves_no_thread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C (or any failure) while a block is compressed: it reaches the run as itself,
    no compressing thread is left behind (processes fork after a close), and xlsxwriter's
    own ZipFile is given back."""
    import threading

    deflate_block = package._deflate_block
    made: list[bool] = []

    def interrupted(block: bytes, before: bytes, last: bool, level: int) -> bytes:
        made.append(last)
        if len(made) == 3:
            raise KeyboardInterrupt
        return deflate_block(block, before, last, level)

    monkeypatch.setattr(package, "_deflate_block", interrupted)
    workbook = _large(package.Workbook, tmp_path / "cut.xlsx", {"constant_memory": True})
    with pytest.raises(KeyboardInterrupt):
        workbook.close()
    assert len(made) >= 3
    assert not [t for t in threading.enumerate() if t.name.startswith("deflate")]
    assert package._ZipFile.pool is None
    assert xlsxwriter.workbook.ZipFile is zipfile.ZipFile


def test_a_workbook_in_memory_whose_folder_is_missing_can_be_closed_again(
        tmp_path: Path) -> None:
    """As with Python's zipfile, a path that cannot be written fails before the workbook
    is packaged: closed again once the folder is there (xlsxwriter's way to retry), the
    file is the one xlsxwriter writes."""
    made = []
    for cls, name in ((xlsxwriter.Workbook, "plain"), (package.Workbook, "fast")):
        path = tmp_path / name / "Guatemala.xlsx"
        workbook = cls(str(path), {"in_memory": True})
        workbook.set_properties({"created": dt.datetime(2026, 11, 30)})
        sheet = workbook.add_worksheet("Matriz")
        sheet.write(0, 0, "Guatemala")
        sheet.write_comment(0, 0, "Indique el responsable")
        sheet.repeat_rows(0)
        with pytest.raises(xlsxwriter.exceptions.FileCreateError):
            workbook.close()
        path.parent.mkdir()
        workbook.close()
        made.append(_entries(path))
    assert made[0] == made[1]


def test_a_package_in_memory_that_would_need_zip64_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ZIP64 is not written for a workbook assembled in memory: one that would need it is
    refused as xlsxwriter refuses it (zipfile's limits made small here)."""
    monkeypatch.setattr(package, "ZIP64_LIMIT", 2_000)
    workbook = package.Workbook(str(tmp_path / "large.xlsx"), {"in_memory": True})
    workbook.add_worksheet().write(0, 0, "Guatemala " * 400)
    with pytest.raises(xlsxwriter.exceptions.FileSizeError):
        workbook.close()


_SPECS: dict[str, dict[str, object]] = {
    "wrap": {"text_wrap": True, "valign": "top"},
    "head": {"bold": True, "bg_color": "#DDEBF7", "bottom": 1},
    "date": {"num_format": "yyyy-mm-dd", "valign": "top"},
}


def _styled(cls: type[xlsxwriter.Workbook], path: Path, order: tuple[str, ...],
            bold_later: bool, comment: bool = False) -> tuple[bytes, bytes]:
    workbook = cls(str(path), {"in_memory": True})
    formats = {name: workbook.add_format(_SPECS[name]) for name in order}
    if bold_later:  # (a property set after the format was made, on a second one alike)
        formats["bold"] = workbook.add_format(_SPECS[order[0]])
        formats["bold"].set_bold()
    sheet = workbook.add_worksheet()
    for row, name in enumerate(formats):
        sheet.write(row, 0, name, formats[name])
    if comment:  # (its font is in the styles)
        sheet.write_comment(0, 0, "nota")
    workbook.close()
    with zipfile.ZipFile(path) as package_file:
        return package_file.read("xl/styles.xml"), package_file.read("xl/worksheets/sheet1.xml")


def test_formats_and_styles_kept_are_each_workbooks_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A format is made once per process and copied into each workbook that asks for the
    same properties, and the styles part of the same formats numbered in the same order
    assembled once: each workbook numbers its copies in the order it uses them, a
    property set on a copy counts in that workbook only, and comments bring their font:
    the styles and the cells' numbers are xlsxwriter's own, workbook after workbook."""
    monkeypatch.setattr(kept_formats, "_FORMATS", {})
    monkeypatch.setattr(kept_formats, "_STYLES", {})
    cases = [(("wrap", "head", "date"), False, False), (("date", "wrap"), True, False),
             (("head", "wrap", "date"), False, True), (("wrap", "date"), True, True),
             (("wrap", "date"), False, False), (("wrap", "date"), False, True)]
    for n, (order, bold_later, comment) in enumerate(cases * 2):
        ours = _styled(package.Workbook, tmp_path / f"ours{n}.xlsx", order, bold_later, comment)
        theirs = _styled(xlsxwriter.Workbook, tmp_path / f"theirs{n}.xlsx", order, bold_later,
                         comment)
        assert ours == theirs, (order, bold_later, comment)
    # (a part for each sequence of formats as made, with comments or not; none for a
    # workbook with a format changed after it was made)
    assert len(kept_formats._STYLES) == 4
    asked = [dict(key[0]) for key in kept_formats._FORMATS]  # (and xlsxwriter's own defaults)
    assert sorted(map(str, (a for a in asked if a in _SPECS.values()))) == sorted(
        map(str, _SPECS.values()))  # (each made once)
