"""Make the test corpus of returned files that break each promise (issue 3, docs/contract.md §3.2,
§7).

Run from the project folder: `python tests/corpus/make_corpus.py`. Needs LibreOffice
(`soffice`, the second producer: .ods, .xls, .xlsm and recalculated .xlsx) and, for the
password-protected file, `pip install msoffcrypto-tool`. The files are committed; this
script documents how each was made. The zip bomb and the oversized file are made by the
tests themselves (a few hundred KB of zeros would still be a bomb in the repository).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from make_sample_round import stamp_saved  # noqa: E402 - the same fix of the saved date

OUT = Path(__file__).resolve().parent / "files"
OFFICIAL = ["Pilar programático", "Tema", "Descripción de la actividad",
            "Indicadores de resultados / impacto", "Parte responsable",
            "Plazo de cumplimiento (1er año, 2do año, 3er año)",
            "Estado (finalizado/ en proceso de implementarse/ no alcanzado)"]
D = dt.date


def official(path: Path, rows: list[list[object]], merges: tuple[str, ...] = (),
             extra_titles: tuple[str, ...] = ()) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Matriz"
    sheet["A1"] = "Conferencia Regional sobre Migración"
    sheet["A2"] = "Matriz de seguimiento"
    for c, title in enumerate([*OFFICIAL, *extra_titles], start=1):
        sheet.cell(4, c, title)
    for r, row in enumerate(rows, start=5):
        for c, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(r, c, value)
    for merge in merges:
        sheet.merge_cells(merge)
    workbook.save(path)
    return path


def libreoffice(source: Path, target_ext: str, filter_name: str, target: Path) -> None:
    """Convert with LibreOffice, so the file is written by a second producer."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", f"{target_ext}:{filter_name}", "--outdir", tmp,
                        str(source)], check=True, capture_output=True, timeout=180)
        shutil.move(Path(tmp) / f"{source.stem}.{target_ext}", target)


def main() -> None:
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    work = Path(tempfile.mkdtemp())

    # 1. The official matrix: title block, merged pillar cells, a footnote and a total.
    official(OUT / "Guatemala matriz oficial.xlsx", [
        ["Gobernanza migratoria", "Retorno", "Programa de retorno", "Personas atendidas",
         "Guatemala", "1er año", "finalizado"],
        [None, "Remesas", "Estudio de remesas", "Estudio publicado", None, "2027",
         "en proceso de implementarse"],
        [None, "Diásporas", "Encuentro con la diáspora", None, "Guatemala; OIM", "permanente",
         "no alcanzado"],
        ["Total", None, None, None, None, None, None],
        ["Nota: datos preliminares."],
    ], merges=("A5:A7",))

    # 2-4. Written by LibreOffice: .ods, .xls (Excel 97) and .xlsm.
    source = official(work / "Honduras.xlsx", [
        ["1", "Retorno", "Centros de atención al retornado", "Centros equipados",
         "Honduras; OIM", "T2 2027", "en proceso"],
        ["3", "Apatridia", "Diagnóstico de apatridia", "Diagnóstico", "ACNUR", "2026",
         "pendiente"],
    ], merges=())
    libreoffice(source, "ods", "calc8", OUT / "Honduras.ods")
    source = official(work / "Costa Rica.xlsx", [
        ["2", "Migración laboral", "Estrategia de integración", "Estrategia aprobada",
         "Costa Rica", "S1 2027", "pendiente"],
    ])
    libreoffice(source, "xls", "MS Excel 97", OUT / "Costa Rica.xls")
    source = official(work / "Estados Unidos.xlsx", [
        ["1", "Retorno", "Joint training on smuggling", "Officers trained",
         "United States", "March 2027", "not started"],
    ])
    libreoffice(source, "xlsm", "Calc MS Excel 2007 VBA XML", OUT / "Estados Unidos.xlsm")

    # 5. Formulas: saved by openpyxl without values, and recalculated by LibreOffice.
    formulas = work / "México formulas.xlsx"
    official(formulas, [
        ["1", "Retorno", "Taller fronterizo", "Talleres", '=CONCATENATE("Méx","ico")',
         "=DATE(2026,6,30)", "en proceso"],
    ])
    shutil.copy(formulas, OUT / "México formulas sin valor.xlsx")
    libreoffice(formulas, "xlsx", "Calc MS Excel 2007 XML", OUT / "Panamá recalculado.xlsx")

    # 6. CSV: UTF-8 with commas; Windows-1252 with semicolons (Excel in Spanish).
    header = ",".join(f'"{t}"' for t in OFFICIAL)
    (OUT / "El Salvador.csv").write_text(
        header + "\n1,Retorno,Reintegración de retornados,Personas atendidas,"
        "El Salvador,2027,en proceso\n", encoding="utf-8")
    lines = [";".join(OFFICIAL),
             "2;Remesas;Uso productivo de remesas;Estudio;República Dominicana;Dic-2026;"
             "finalizado",
             "3;Migración y salud;Atención en salud;;República Dominicana;;pendiente"]
    (OUT / "República Dominicana.csv").write_bytes("\r\n".join(lines).encode("cp1252"))

    # 7. One sheet per working group (the sheet name tells the group), a hidden sheet and
    #    a notes sheet; the file name names the reporter.
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    titles = ["Actividades prioritarias", "Tema", "Pilar que se atiende",
              "Resultado (s) esperado (s)", "Indicadores de resultados", "Parte responsable",
              "Plazo de cumplimiento", "Estado"]
    for name, activity in [("Protección", "Lineamientos de niñez"),
                           ("Gestión Fronteriza", "Buenas prácticas fronterizas")]:
        sheet = workbook.create_sheet(name)
        for c, title in enumerate(titles, start=1):
            sheet.cell(1, c, title)
        for c, value in enumerate([activity, "Retorno", "Pilar 1", "Documento", "Publicado",
                                   "SE-CRM", "T3 2027", "pendiente"], start=1):
            sheet.cell(2, c, value)
    hidden = workbook.create_sheet("Borrador")
    hidden["A1"], hidden["B1"] = "Descripción de la actividad", "Estado"
    hidden["A2"], hidden["B2"] = "No debe leerse", "pendiente"
    hidden.sheet_state = "hidden"
    notes = workbook.create_sheet("Notas")
    notes["A1"] = "Comentarios de la reunión del grupo"
    workbook.save(OUT / "Nicaragua por grupo de trabajo.xlsx")

    # 8. Extra columns, hostile texts that look like formulas, a vertical merge of the
    #    responsible party.
    official(OUT / "RROCM extra y hostil.xlsx", [
        ["3", "Mujeres migrantes", '=HYPERLINK("http://example.org","clic aquí")', "Informe",
         "RROCM", "T1 2027", "pendiente", "1500", "=1+1"],
        ["3", "Trata", "+cmd|' /C calc'!A0", "@SUM(A1:A2)", None, "T2 2027", "pendiente",
         "-200", "http://example.org/acuerdo"],
    ], extra_titles=("Presupuesto (USD)", "Enlace"))
    book = openpyxl.load_workbook(OUT / "RROCM extra y hostil.xlsx")
    for row in book["Matriz"].iter_rows(min_row=5):
        for cell in row:
            if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                cell.data_type = "s"  # typed as text, as Excel stores it after a '
    book.save(OUT / "RROCM extra y hostil.xlsx")

    # 9. Hundreds of thousands of formatted empty rows below two real ones.
    big = xlsxwriter.Workbook(str(OUT / "Belice filas con formato.xlsx"),
                              {"constant_memory": True})
    sheet = big.add_worksheet("Matrix")
    fill = big.add_format({"bg_color": "#FFF2CC", "border": 1})
    english = ["Programmatic pillar", "Theme", "Activity description",
               "Result / impact indicators", "Responsible party", "Deadline", "Status"]
    for c, title in enumerate(english):
        sheet.write(0, c, title)
    for r, row in enumerate([["1", "Retorno", "Shared crossing registry", "Registry",
                              "Belize", "H1 2027", "ongoing"],
                             ["1", "Retorno", "Border officers exchange", "Exchange held",
                              "Belize; Guatemala", "2026-10-31", "in progress"]], start=1):
        for c, value in enumerate(row):
            sheet.write_string(r, c, value)
    for r in range(3, 300_000):
        sheet.write_blank(r, 0, None, fill)
        sheet.write_blank(r, 6, None, fill)
    big.close()

    # 10-12. Refused: password-protected, truncated, not a workbook at all.
    encrypted_source = official(work / "protegido.xlsx", [
        ["1", "Retorno", "Secreto", "i", "Canadá", "2027", "pendiente"]])
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        sys.exit("pip install msoffcrypto-tool to make the password-protected file")
    with encrypted_source.open("rb") as plain, (OUT / "Canadá protegido.xlsx").open("wb") as out:
        OOXMLFile(plain).encrypt("secreto", out)
    whole = official(work / "truncado.xlsx", [
        ["1", "Retorno", "Cortado", "i", "Protección", "2027", "pendiente"]]).read_bytes()
    (OUT / "Migración laboral truncado.xlsx").write_bytes(whole[: len(whole) // 2])
    (OUT / "no es excel.xlsx").write_text("Esto es un correo guardado como .xlsx\n")

    # 13. What a shared folder also holds: skipped and listed, never an error.
    (OUT / "~$Guatemala matriz oficial.xlsx").write_bytes(b"\x0cusuario" + b"\0" * 150)
    (OUT / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 60)
    (OUT / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (OUT / "acta de la reunión.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (OUT / "informe.docx").write_bytes(b"PK\x03\x04 not really a Word file")

    # 14. Two versions from one reporter: the later one replaces the earlier one whole.
    first = official(OUT / "Panamá v1.xlsx", [
        ["1", "Flujos migratorios mixtos", "Estaciones de recepción (v1)", "Estaciones",
         "Panamá", "2026", "en proceso"]])
    stamp_saved(first, D(2026, 11, 5))
    shutil.rmtree(work)



if __name__ == "__main__":
    main()
