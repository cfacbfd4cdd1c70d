"""Make the example round of the Mecanismo de Diálogo Permanente de la Sociedad Civil en
América Latina y el Caribe (round 2024-T2) in the workspace beside this script, or in the
folder given: `python examples/mecanismo/hacer_ronda.py [WORKSPACE]`.

The workspace uses the shipped `mecanismo` profile (made with `seguimiento init --red
mecanismo` when missing). Its six mesas each return a file in a different shape: the
product's template in Spanish and in English, a hand-made sheet under a title block, a
CSV, a workbook with one sheet per year and merged cells, and a sheet titled in English
beside a sheet of notes. The contacts book gets one address per mesa, so that the e-mail
drafts have someone to write to. Everything is fixed (no randomness, fixed dates).
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import tempfile
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.model.columns import COLUMNS
from pipeline.reference.load import load_reference
from pipeline.template.workbook import CONTACT_CELLS, HEADER_ROW, write_template

ROUND = "2024-T2"
D = dt.date
M1 = "Factores de la migración y rutas regulares"
M2 = "Gobernanza migratoria, salvar vidas y reintegración sostenible"
M3 = "Inclusión de las personas migrantes"
M4 = "Datos, información y políticas basadas en evidencia"
MV, MT = "Mesa de Vinculación", "Mesa Técnica"
OBJ = {n: t for n, t in enumerate((
    "Recopilar y utilizar datos exactos y desglosados para formular políticas con base "
    "empírica",
    "Minimizar los factores adversos y estructurales que obligan a las personas a abandonar "
    "su país de origen",
    "Proporcionar información exacta y oportuna en todas las etapas de la migración",
    "Velar por que todos los migrantes tengan pruebas de su identidad jurídica y "
    "documentación adecuada",
    "Aumentar la disponibilidad y flexibilidad de las vías de migración regular"), start=1)}

# The templates' rows, by column key (a key the template does not have is left out).
TEMPLATE_ROWS: dict[str, tuple[str, list[dict[str, object]]]] = {
    M1: ("es", [
        {"tema": OBJ[2], "actividad": "Estudio regional sobre factores de expulsión climáticos",
         "resultado_esperado": "Estudio publicado", "indicadores": "Estudio publicado",
         "responsable": M1, "plazo": D(2024, 3, 31), "estado": "En proceso", "avance": 70},
        {"tema": OBJ[5], "actividad": "Incidencia por vías regulares de movilidad laboral",
         "resultado_esperado": "Propuesta presentada a los Estados",
         "responsable": f"{M1}; Secretaría Técnica", "plazo": "diciembre 2024",
         "estado": "Pendiente"},
    ]),
    M2: ("en", [
        {"tema": "Save lives and establish coordinated international efforts on missing "
                 "migrants",
         "actividad": "Regional protocol on the search for missing migrants",
         "resultado_esperado": "Protocol adopted", "responsable": M2,
         "plazo": D(2024, 5, 31), "estado": "Completed", "avance": 100},
        {"tema": "Cooperate in facilitating safe and dignified return and readmission, as "
                 "well as sustainable reintegration",
         "actividad": "Map of reintegration services run by member organisations",
         "responsable": "Organizaciones miembro", "plazo": "Q4 2024", "estado": "Ongoing",
         "avance": 30},
    ]),
}
SUBMITTED = {M1: D(2024, 6, 12), M2: D(2024, 6, 14)}


def main(workspace: Path) -> None:
    # made when missing; what it holds already is kept (the contacts book is made anew)
    (workspace / "contactos.xlsx").unlink(missing_ok=True)
    done = CliRunner().invoke(cli, ["init", str(workspace), "--red", "mecanismo"])
    assert done.exit_code == 0, done.output
    ref = load_reference(workspace / "seguimiento.toml")
    folder = workspace / "recibidos" / ROUND
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        for reporter, (lang, rows) in TEMPLATE_ROWS.items():
            party = ref.party(reporter)
            assert party is not None, reporter
            blank = Path(tmp) / "plantilla.xlsx"
            write_template(blank, party, ROUND, lang, ref, D(2024, 4, 1))
            code = party.codigo
            _fill_template(blank, folder / f"Mesa {code[1:]} - {ROUND}.xlsx", lang, rows,
                           SUBMITTED[reporter])
    _titled_sheet(folder / "Mesa 3 informe POA.xlsx")
    _csv(folder / "Mesa 4 - 2024-T2.csv")
    _sheet_per_year(folder / "Mesa de Vinculación.xlsx")
    _english_titles(folder / "Mesa Técnica - POA tracker.xlsx")
    _contacts(workspace / "contactos.xlsx", ref)


def _fill_template(blank: Path, target: Path, lang: str, rows: list[dict[str, object]],
                   sent: D) -> None:
    workbook = openpyxl.load_workbook(blank)
    sheet = workbook.worksheets[1]
    sheet[CONTACT_CELLS["contacto_nombre"]] = "Coordinación de la mesa"
    sheet[CONTACT_CELLS["contacto_correo"]] = "coordinacion@example.org"
    sheet[CONTACT_CELLS["fecha_envio"]] = sent
    titles = {spec.title(lang): spec.key for spec in COLUMNS}
    where = {titles[str(cell.value)]: cell.column for cell in sheet[HEADER_ROW + 1]
             if str(cell.value) in titles}
    for r, row in enumerate(rows, start=HEADER_ROW + 2):
        for key, value in row.items():
            if key in where:
                sheet.cell(r, where[key]).value = value
    workbook.save(target)


def _titled_sheet(path: Path) -> None:
    """A hand-made sheet under a title block, titled as the mesa titles it."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "POA 2023-2024"
    sheet["A1"] = "Mecanismo de Diálogo Permanente — Mesa 3: Inclusión de las personas migrantes"
    sheet["A2"] = "Seguimiento del POA 2023-2024, corte de junio de 2024"
    titles = ["Objetivo del Pacto", "Actividad", "Resultado esperado", "Responsable", "Plazo",
              "Estado", "% de avance", "Observaciones"]
    rows = [
        [OBJ[4], "Campaña sobre documentación de personas migrantes", "Campaña difundida",
         M3, "T1 2024", "Finalizado", 1, ""],
        ["Proporcionar a los migrantes acceso a servicios básicos",
         "Guía de acceso a salud y educación para personas migrantes", "Guía publicada",
         f"{M3}; OIM", "30/09/2024", "En proceso", 0.4, "Borrador en revisión"],
        ["Eliminar todas las formas de discriminación y promover un discurso público con "
         "base empírica para modificar las percepciones de la migración",
         "Observatorio de discursos xenófobos en medios", "Observatorio en línea", M3,
         "2023-12-31", "No alcanzado", 0.2, "Sin financiamiento"],
    ]
    for c, title in enumerate(titles, start=1):
        sheet.cell(4, c, title)
    for r, row in enumerate(rows, start=5):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
    workbook.save(path)


def _csv(path: Path) -> None:
    """A CSV saved from a spreadsheet, separated by semicolons."""
    rows = [["Actividad", "Tema", "Responsable", "Plazo", "Estado", "Avance"],
            ["Tablero regional de datos sobre movilidad humana", OBJ[1], M4, "2024-09-30",
             "En proceso", "50%"],
            ["Informe anual de la sociedad civil sobre el Pacto", OBJ[3],
             f"{M4}; Secretaría Técnica", "2024-03-31", "Pendiente", "0%"]]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)


def _sheet_per_year(path: Path) -> None:
    """One sheet per year of the plan, the objective merged over its activities."""
    workbook = openpyxl.Workbook()
    years = {"2023": [["Fortalecer la cooperación internacional y las alianzas mundiales para "
                       "la migración segura, ordenada y regular",
                       "Encuentro regional con la Red de las Naciones Unidas sobre la Migración",
                       MV, "noviembre 2023", "Finalizado"],
                      [None, "Acuerdo de trabajo con redes nacionales", MV, "2023-12-15",
                       "Finalizado"]],
             "2024": [["Fortalecer la cooperación internacional y las alianzas mundiales para "
                       "la migración segura, ordenada y regular",
                       "Participación en el Foro de Examen de la Migración Internacional",
                       f"{MV}; Secretaría Técnica", "2024-05-20", "En proceso"],
                      [None, "Plan de vinculación con gobiernos locales", MV, "S2 2024",
                       "Pendiente"]]}
    for n, (year, rows) in enumerate(years.items()):
        sheet = workbook.active if n == 0 else workbook.create_sheet()
        sheet.title = year
        for c, title in enumerate(["Tema", "Actividad", "Responsable", "Plazo", "Estado"],
                                  start=1):
            sheet.cell(1, c, title)
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(r, c, value)
        sheet.merge_cells(start_row=2, start_column=1, end_row=3, end_column=1)
    workbook.save(path)


def _english_titles(path: Path) -> None:
    """A tracker titled in English, beside a sheet of notes."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Tracker"
    rows = [["Activity", "Responsible party", "Deadline", "Status", "Progress", "Comments"],
            ["Methodology for the mesas' follow-up of the POA", MT, "2024-02-28", "Completed",
             1, ""],
            ["Training of the mesas' focal points", MT, "2024-04-30", "Not started", 0,
             "Postponed"]]
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
    notes = workbook.create_sheet("Notas")
    notes["A1"] = "Reunión de la Mesa Técnica del 3 de junio de 2024"
    workbook.save(path)


def _contacts(path: Path, ref: object) -> None:
    """One address per mesa and one for the Secretaría Técnica."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    for n, name in enumerate([M1, M2, M3, M4, MV, MT, "Secretaría Técnica"], start=1):
        sheet.append([name, f"Coordinación {n}", f"mesa{n}@example.org", "es", "No"])
    workbook.save(path)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
