"""The faster cell comments (pipeline.write.notes) write the bytes xlsxwriter writes: the
same workbook made by each, every part of the package equal — comments of every kind
(escaped and control characters, spaces at the ends, authors, colours, visible ones,
scaled and moved boxes) beside a button, in two sheets, in memory and through files."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from pipeline.write import notes

TEXTS = ["Plazo vencido", 'Dice "finalizado" & <no> lo está', " espacio al inicio",
         "al final ", "línea\nsegunda\n\ntercera", "control \x01\x07 y _x0041_ literal",
         "ñandú — 💡 ＝1+1", "=SUM(A1)", "\ufffe raro", "x" * 3000, ""]


def _make(cls: type[xlsxwriter.Workbook], path: Path, options: dict[str, object]) -> None:
    rng = random.Random(7)
    workbook = cls(str(path), options)
    workbook.set_properties({"created": __import__("datetime").datetime(2026, 1, 1)})
    for name in ("Matriz", "Otra & <hoja>"):
        sheet = workbook.add_worksheet(name)
        sheet.set_column(0, 3, 30)
        sheet.set_row(5, 40)
        for n in range(60):
            row, col = rng.randrange(0, 200), rng.randrange(0, 30)
            text = rng.choice(TEXTS)
            option: dict[str, object] = rng.choice([
                {}, {"author": "Seguimiento", "x_scale": 3, "y_scale": 2},
                {"author": "Otro & autor", "visible": True, "color": "#ff0000"},
                {"font_name": "Arial", "font_size": 10.5, "x_offset": 5, "y_offset": 7},
                {"start_row": 3, "start_col": 2, "width": 300, "height": 90},
                {"visible": False, "color": "green", "font_family": 3}])
            sheet.write(row, col, n)
            sheet.write_comment(row, col, text, option)
        if name == "Matriz":
            sheet.insert_button("H3", {"caption": "Botón", "macro": "m"})
        else:  # an image in the header: VML of its own, after the comments'
            sheet.set_header("&L&G", {"image_left": str(_png(path.parent))})
    workbook.close()


def _png(folder: Path) -> Path:
    """A one-pixel PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    path = folder / "pixel.png"
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
                     + chunk(b"IEND", b""))
    return path


@pytest.mark.parametrize("options", [{"in_memory": True}, {}, {"constant_memory": True}],
                         ids=["in-memory", "files", "constant-memory"])
def test_comments_are_the_bytes_xlsxwriter_writes(tmp_path: Path,
                                                   options: dict[str, object]) -> None:
    _make(xlsxwriter.Workbook, tmp_path / "stock.xlsx", options)
    _make(notes.Workbook, tmp_path / "fast.xlsx", options)
    with zipfile.ZipFile(tmp_path / "stock.xlsx") as stock, \
            zipfile.ZipFile(tmp_path / "fast.xlsx") as fast:
        assert fast.namelist() == stock.namelist()
        assert any(n.startswith("xl/comments") for n in stock.namelist())
        assert sum(n.endswith(".vml") for n in stock.namelist()) == 3  # (2 notes, 1 header)
        for name in stock.namelist():
            assert fast.read(name) == stock.read(name), name


def test_the_fast_parts_are_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """(The test above would pass with the stock classes: here, ours write the parts.)"""
    written: list[str] = []
    for cls in (notes.Vml, notes.Comments):
        original = cls._write_comment_shape if cls is notes.Vml else cls._write_comment

        def spy(self: object, *args: object, _original: object = original,
                _name: str = cls.__name__) -> None:
            written.append(_name)
            _original(self, *args)  # type: ignore[operator]

        monkeypatch.setattr(cls, "_write_comment_shape" if cls is notes.Vml
                            else "_write_comment", spy)
    _make(notes.Workbook, tmp_path / "fast.xlsx", {"in_memory": True})
    assert written.count("Vml") == written.count("Comments") > 0
