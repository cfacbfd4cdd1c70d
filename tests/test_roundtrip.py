"""Issue 2's round trip: template -> filled as a focal point would -> consolidate -> the
flags and issues, read back from the CSVs and the workbook."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from pipeline.jobs.consolidate import Options, run_consolidation
from pipeline.jobs.template import generate_templates
from pipeline.model.columns import COLUMNS
from pipeline.template.workbook import CONTACT_CELLS, HEADER_ROW
from tests.conftest import read_table

AS_OF = dt.date(2027, 2, 15)
COL = {c.key: i + 1 for i, c in enumerate(COLUMNS)}


def fill(path: Path, rows: list[dict[str, object]], submitted: dt.date) -> None:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[1]
    values = {"contacto_nombre": "Ana López", "contacto_institucion": "Cancillería",
              "contacto_correo": "ana@example.org", "fecha_envio": submitted}
    for key, value in values.items():
        sheet[CONTACT_CELLS[key]] = value
    for r, row in enumerate(rows, start=HEADER_ROW + 2):
        for key, value in row.items():
            sheet.cell(r, COL[key]).value = value
    workbook.save(path)


@pytest.fixture(scope="module")
def consolidated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("round")
    inbox = base / "recibidos"
    [gt, ca] = generate_templates(("Guatemala", "Canadá"), False, "2027-T1", None, inbox, None,
                                  history=base / "no-history.sqlite").written
    fill(gt, [
        {"actividad": "Protocolo de niñez migrante", "pilar": "3. Preparación, protección, "
         "atención y migración irregular", "indicadores": "Protocolo aprobado",
         "responsable": "Guatemala; UNICEF", "plazo": dt.date(2026, 12, 31),
         "estado": "En proceso"},
        {"actividad": "Mapeo de movilidad laboral", "pilar": "2", "indicadores": "Mapeo",
         "plazo": "marzo 2027", "estado": "Pendiente"},
        {"actividad": "Diálogo permanente", "pilar": "1", "indicadores": "Reuniones",
         "responsable": "PPT", "plazo": "permanente", "estado": "En proceso"},
        {"actividad": "=HYPERLINK(\"http://example.org\",\"clic\")", "pilar": "1",
         "indicadores": "+cmd|' /C calc'!A0", "responsable": "SE-CRM", "plazo": "2028",
         "estado": "Pendiente"},
    ], dt.date(2027, 2, 1))
    fill(ca, [
        {"actividad": "Fair recruitment workshop", "pilar": "2", "indicadores": "Participants",
         "responsable": "Canada; ILO", "plazo": "Q4 2026", "estado": "Completed"},
        {"actividad": "LGBTI protection guide", "pilar": "3", "indicadores": "Guide",
         "responsable": "Canada", "plazo": "January 2027", "estado": "In progress"},
    ], dt.date(2027, 2, 3))
    # the formula-looking texts must be stored as text, as Excel does when typed with '
    workbook = openpyxl.load_workbook(gt)
    sheet = workbook.worksheets[1]
    for cell in (sheet.cell(HEADER_ROW + 5, COL["actividad"]),
                 sheet.cell(HEADER_ROW + 5, COL["indicadores"])):
        cell.data_type = "s"
    workbook.save(gt)
    out = base / "salida"
    run_consolidation(Options(input_dir=inbox, out_dir=out, as_of=AS_OF))
    return out


def test_flags_read_back_from_the_csvs(consolidated: Path) -> None:
    matrix = read_table(consolidated, "matriz")
    assert len(matrix) == 6
    overdue = read_table(consolidated, "vencidos")
    # the longest overdue first
    assert overdue["actividad"].tolist() == ["Protocolo de niñez migrante",
                                             "LGBTI protection guide"]
    assert overdue["dias_vencido"].tolist() == [str((AS_OF - dt.date(2026, 12, 31)).days),
                                                str((AS_OF - dt.date(2027, 1, 31)).days)]
    assert read_table(consolidated, "por_vencer")["actividad"].tolist() == [
        "Mapeo de movilidad laboral"]
    assert read_table(consolidated, "sin_responsable")["actividad"].tolist() == [
        "Mapeo de movilidad laboral"]
    vague = matrix[matrix["plazo_impreciso"] == "true"]["actividad"].tolist()
    assert vague == ["Diálogo permanente"]
    english = matrix.set_index("actividad").loc["Fair recruitment workshop"]
    assert (english["estado"], english["fecha_limite"]) == ("finalizado", "2026-12-31")
    assert english["responsable"] == "Canadá; OIT"
    assert set(matrix["ronda"]) == {"2027-T1"}


def test_issues_read_back_from_the_csv(consolidated: Path) -> None:
    problems = read_table(consolidated, "problemas")
    found = {(r.codigo, r.hoja, r.celda) for r in problems.itertuples() if r.celda}
    plazo = openpyxl.utils.get_column_letter(COL["plazo"])
    responsable = openpyxl.utils.get_column_letter(COL["responsable"])
    assert ("responsable-faltante", "Matriz", f"{responsable}{HEADER_ROW + 3}") in found
    assert ("plazo-impreciso", "Matriz", f"{plazo}{HEADER_ROW + 4}") in found
    missing = problems[problems["codigo"] == "envio-faltante"]
    assert len(missing) == 14


def test_submissions_carry_the_contact_and_date(consolidated: Path) -> None:
    subs = read_table(consolidated, "envios").set_index("informante")
    assert subs.loc["Guatemala", "contacto_correo"] == "ana@example.org"
    assert subs.loc["Guatemala", "fecha_envio"] == "2027-02-01"
    assert subs.loc["Guatemala", "filas"] == "4"
    assert subs.loc["Belice", "estado"] == "no recibido"


def test_formula_text_stays_text(consolidated: Path) -> None:
    matrix = read_table(consolidated, "matriz")
    # CSV: neutralized with a leading apostrophe (OWASP)
    assert "'=HYPERLINK(\"http://example.org\",\"clic\")" in set(matrix["actividad"])
    assert "'+cmd|' /C calc'!A0" in set(matrix["indicadores"])
    # workbook: a plain string cell, never a formula
    workbook = openpyxl.load_workbook(consolidated / "consolidado.xlsx")
    sheet = workbook["Matriz"]
    cells = [c for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)
    assert all(not c.hyperlink for row in sheet.iter_rows() for c in row)


def test_workbook_sheets_and_matrix_table(consolidated: Path) -> None:
    workbook = openpyxl.load_workbook(consolidated / "consolidado.xlsx")
    assert workbook.sheetnames == ["Resumen", "Matriz", "Cambios", "Vencidos", "Por vencer",
                                   "Sin responsable", "Plazos imprecisos",
                                   "Estado por informante", "Envíos", "Problemas"]
    sheet = workbook["Matriz"]
    assert sheet.freeze_panes == "A2"
    [table] = sheet.tables.values()
    assert table.ref.startswith("A1:") and table.ref.endswith("7")
    headers = [c.value for c in sheet[1]]
    due = sheet.cell(2, headers.index("Fecha límite") + 1)
    assert isinstance(due.value, dt.datetime)
    assert sheet.conditional_formatting  # flag columns coloured
    summary = workbook["Resumen"]
    assert len(summary._charts) >= 2
    figures = {row[0].value: row[1].value for row in summary.iter_rows(min_row=3, max_row=18)}
    assert figures["Actividades"] == 6 and figures["Vencidas"] == 2
