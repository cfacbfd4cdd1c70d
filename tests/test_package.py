"""The workbooks' shared parts compressed once (pipeline.write.package): every workbook is
byte for byte the file xlsxwriter writes, whether its parts were compressed for it or
kept from an earlier workbook, in memory or through temporary files."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from pipeline.write import package


def _make(cls: type[xlsxwriter.Workbook], path: Path, options: dict[str, object],
          who: str) -> bytes:
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
    other.write_row(0, 0, ["ID", "Actividad", who * 40_000])  # (a part too large to keep)
    workbook.close()
    return path.read_bytes()


@pytest.mark.parametrize("options", [{"in_memory": True}, {"constant_memory": True}, {}])
def test_a_workbook_is_the_file_xlsxwriter_writes_with_its_parts_kept_or_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: dict[str, object]) -> None:
    monkeypatch.setattr(package, "_kept", {})
    for n, who in enumerate(("Guatemala", "Honduras", "Guatemala")):
        plain = _make(xlsxwriter.Workbook, tmp_path / f"plain{n}.xlsx", options, who)
        fast = _make(package.Workbook, tmp_path / f"fast{n}.xlsx", options, who)
        assert fast == plain
        assert zipfile.ZipFile(tmp_path / f"fast{n}.xlsx").testzip() is None
    kept = package._kept
    assert kept and all(len(part) <= package.KEPT_BYTES for part in kept)
    assert not [p for p in kept if b"<sheetData" in p or b"<comments" in p]  # (own cells)
    theme = next(p for p in kept if b"<a:theme " in p)  # (the same in every workbook)
    assert zipfile.ZipFile(tmp_path / "fast2.xlsx").read("xl/theme/theme1.xml") == theme


def test_kept_parts_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of many different workbooks keeps no more than `KEPT_PARTS` parts."""
    monkeypatch.setattr(package, "_kept", {})
    monkeypatch.setattr(package, "KEPT_PARTS", 5)
    for n in range(4):
        _make(package.Workbook, tmp_path / f"w{n}.xlsx", {"in_memory": True}, f"P{n}")
    assert len(package._kept) == 5
    assert xlsxwriter.workbook.ZipFile is zipfile.ZipFile  # (given back after each)
