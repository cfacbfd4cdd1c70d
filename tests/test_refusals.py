"""A file that cannot be read is refused with a reason a secretary can act on; the
reader's own words stay in the log and in the submissions' technical detail (issue 11)."""

from __future__ import annotations

import re
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pipeline.jobs.consolidate import Options, analyze
from pipeline.read.workbook import read_workbook
from tests.conftest import AS_OF, ROOT

FILES = ROOT / "tests" / "corpus" / "files"
RAW = re.compile(r"Cfb|OLE|Expecting|sheet:type|Codepage|signature|BytesText")


def xls_with(tmp_path: Path, name: str, patch: bytes, at: str) -> Path:
    """The corpus' Costa Rica.xls with bytes replaced after its workbook BOF record."""
    data = bytearray((FILES / "Costa Rica.xls").read_bytes())
    bof = data.find(b"\x09\x08\x10\x00\x00\x06\x05\x00")
    if at == "codepage":
        where = data.find(b"\x42\x00\x02\x00", bof)
        data[where + 4:where + 6] = patch
    else:
        data[bof + 20:bof + 20 + len(patch)] = patch
    path = tmp_path / name
    path.write_bytes(bytes(data))
    return path


def macro_workbook(tmp_path: Path) -> Path:
    """An .xlsm with an Excel 4 macro sheet beside its matrix."""
    plain = tmp_path / "plain.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Matriz"
    sheet.append(["Descripción de la actividad", "Parte responsable", "Plazo de cumplimiento",
                  "Estado"])
    sheet.append(["Taller", "OIM", "2027", "pendiente"])
    workbook.save(plain)
    target = tmp_path / "Guatemala macros.xlsm"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/macrosheets/'
                                    b'sheet2.xml" ContentType="application/vnd.ms-excel.'
                                    b'macrosheet+xml"/></Types>')
            if info.filename == "xl/workbook.xml":
                data = re.sub(rb"(<sheet [^>]*/>)",
                              rb'\1<sheet name="Macro1" sheetId="2" r:id="rId99"/>', data,
                              count=1)
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="'
                                    b'http://schemas.microsoft.com/office/2006/relationships/'
                                    b'xlMacrosheet" Target="macrosheets/sheet2.xml"/>'
                                    b"</Relationships>")
            out.writestr(info, data)
        out.writestr("xl/macrosheets/sheet2.xml",
                     '<?xml version="1.0"?><xm:macrosheet xmlns="http://schemas.openxmlformats'
                     '.org/spreadsheetml/2006/main" xmlns:xm="http://schemas.microsoft.com/'
                     'office/excel/2006/main"><sheetData><row r="1"><c r="A1"><f>HALT()</f>'
                     '</c></row></sheetData></xm:macrosheet>')
    return target


def damaged_ods(tmp_path: Path) -> Path:
    target = tmp_path / "Honduras dañado.ods"
    with zipfile.ZipFile(FILES / "Honduras.ods") as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "content.xml":
                row = data.find(b"<table:table-row")
                end = data.find(b">", row) + 1
                data = data[:end] + b"texto suelto" + data[end:]
            out.writestr(info, data)
    return target


@pytest.mark.parametrize("make, words", [
    (lambda t: xls_with(t, "codepage.xls", b"\xcc\xd7", "codepage"), "codificación"),
    (lambda t: xls_with(t, "xor.xls", bytes.fromhex("2f0006000000341278 56".replace(" ", ""))
                        + bytes.fromhex("c10002000000"), "after BOF"), "contraseña"),
    (lambda t: (t / "excel4.xls").write_bytes(struct.pack("<HHHHH", 0x0409, 6, 0, 0x10, 0)
                                              + struct.pack("<HH", 0x0A, 0)) and t / "excel4.xls",
     "formato de Excel muy antiguo"),
    (damaged_ods, "LibreOffice (.ods) está dañado"),
    (lambda t: (t / "corto.xls").write_bytes(b"Attachment: no es un libro") and t / "corto.xls",
     "no es un libro de Excel"),
])
def test_refusal_reasons_say_what_the_file_is(tmp_path: Path, make, words: str) -> None:  # type: ignore[no-untyped-def]
    read = read_workbook(make(tmp_path))
    assert read.refused is not None
    spanish, english = read.refused
    assert words in spanish, spanish
    assert not RAW.search(spanish) and not RAW.search(english)


def test_an_excel_4_macro_sheet_does_not_hide_the_other_sheets(tmp_path: Path) -> None:
    read = read_workbook(macro_workbook(tmp_path))
    assert read.refused is None
    assert [s.hoja for s in read.sheets] == ["Matriz"]
    assert [r["actividad"] for r in read.sheets[0].records] == ["Taller"]
    assert "macrosheets" in read.detail  # the reader's words, for the log


def test_the_technical_detail_is_a_column_of_the_submissions(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    xls_with(inbox, "Costa Rica.xls", b"\xcc\xd7", "codepage")
    out = tmp_path / "out"
    result = analyze(Options(input_dir=inbox, out_dir=out, as_of=AS_OF))
    envios = result.tables["envios"].set_index("archivo")
    assert "Codepage D7CC" in envios.loc["Costa Rica.xls", "detalle_tecnico"]
    assert "Codepage" not in envios.loc["Costa Rica.xls", "motivo"]
    [issue] = [i for i in result.issues if i.code == "archivo-ilegible"]
    assert not RAW.search(issue.message("es")) and not RAW.search(issue.message("en"))
