"""Make the fictitious sample round shipped in input_workbooks/ (round 2026-T4).

Run from the project folder after installing it: `python scripts/make_sample_round.py`.
The files mix the product's template (filled with openpyxl as a focal point would) and
hand-made copies of the official matrix of the Strategic Plan (§4.3: title block, merged
pillar cells) and of the working-group matrix (§3.9). Together they cover every flag and
many issue codes. Every member country, working group and RROCM sends a file; Panamá
sends two versions, and Nicaragua's arrived truncated (so it cannot be read and Nicaragua
counts as not received). A lock file and a PDF sit in the folder as they do in real ones.
Everything is fixed (no randomness, fixed document dates) so the files are reproducible.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

from pipeline.reference.load import load_reference
from pipeline.template.workbook import CONTACT_CELLS, HEADER_ROW, write_template

ROUND = "2026-T4"
D = dt.date
TEMPLATE_ITEMS: dict[str, list[list[object]]] = {
    # grupo, pilar, tema, actividad, resultado, indicadores, resp. medición, responsable,
    # plazo, estado, avance, supuestos, observaciones, reservado
    "Guatemala": [
        ["Protección", "3. Preparación, protección, atención y migración irregular",
         "Niñas, niños y adolescentes migrantes",
         "Actualizar el protocolo regional de atención a niñez migrante no acompañada",
         "Protocolo actualizado y adoptado", "Protocolo aprobado por el GRCM", "SE-CRM",
         "Guatemala; UNICEF", D(2026, 6, 30), "En proceso", 60, "Financiamiento de UNICEF",
         "Borrador enviado a revisión; consultas: ana.lopez@example.org", "No"],
        ["Gestión fronteriza", "1. Gobernanza migratoria", "Gestión integrada de fronteras",
         "Taller subregional sobre gestión integrada de fronteras",
         "Funcionarios capacitados", "Número de funcionarios capacitados", "Guatemala",
         "Guatemala; México", D(2027, 1, 31), "Pendiente", 0, "", "", "No"],
        ["Migración laboral", "2", "Migración laboral",
         "Mapeo de programas de movilidad laboral temporal", "Mapeo publicado", "",
         "", "", "permanente", "En proceso", 30, "", "Sin responsable asignado", "Sí"],
    ],
    "México": [
        ["Migración irregular y masiva", "3", "Flujos migratorios mixtos",
         "Guía regional para la atención de flujos mixtos", "Guía publicada",
         "Guía aprobada", "OIM", "México; OIM; ACNUR", "T2 2026", "Finalizado", 100, "",
         "Publicada en junio", "No"],
        ["Protección", "3", "Mujeres migrantes",
         "Lineamientos para la protección de mujeres migrantes",
         "Lineamientos difundidos", "Número de países que los aplican", "SE-CRM",
         "Países Miembros", "marzo 2027", "Casi listo", "150", "", "", "No"],
        ["Gestión fronteriza", "Pilar 7", "Intercambio de información fronteriza",
         "Red de intercambio de información entre puntos fronterizos",
         "Red funcionando", "Puntos conectados", "México", "Guatamala; Belice",
         "cuando haya fondos", "Pendiente", None, "Depende de cooperación", "", "Sí"],
    ],
    "Costa Rica": [
        ["Protección", "3", "Crear capacidad y aumentar el acceso a sistemas de protección "
         "internacional de refugio/asilo",
         "Capacitación a funcionarios de migración en determinación de la condición de "
         "refugiado", "Funcionarios capacitados", "Funcionarios capacitados", "ACNUR",
         "Costa Rica; ACNUR", "31/12/2026", "En proceso", 75, "", "", "No"],
        ["Migración laboral", "2", "Integración y reintegración de migrantes",
         "Estrategia de integración socioeconómica de personas migrantes",
         "Estrategia aprobada", "Estrategia aprobada", "Costa Rica", "Costa Rica",
         "primer semestre 2027", "Pendiente", None, "", "", "No"],
    ],
    "Honduras": [
        ["Migración irregular y masiva", "1", "Retorno",
         "Fortalecer los centros de atención al migrante retornado",
         "Centros fortalecidos", "Número de centros equipados", "Honduras",
         "Honduras; OIM", "2do año", "En proceso", 40, "", "Plazo del plan anterior", "No"],
        ["Protección", "3", "Atención integral a víctimas de trata de personas",
         "Protocolo binacional de atención a víctimas de trata", "Protocolo firmado",
         "Protocolo firmado", "", "Honduras; Guatemala", D(2026, 12, 15), "", None, "", "",
         "No"],
    ],
    "Canadá": [
        ["Labour migration", "2", "Labour migration",
         "Regional workshop on fair recruitment of temporary workers",
         "Workshop held", "Number of participants", "Canada", "Canada; ILO",
         "Q4 2026", "Completed", 100, "", "", "No"],
        ["Protection", "3", "Población LGBTI",
         "Good-practices guide on the protection of LGBTI migrants", "Guide published",
         "", "Canada", "Canada", "TBD", "In progress", 20, "", "", "No"],
    ],
    "Estados Unidos": [
        ["Border management", "1", "Prevenir y contrarrestar el tráfico ilícito de migrantes",
         "Joint training on migrant smuggling investigations",
         "Officers trained", "Number of officers trained", "United States",
         "United States; Mexico; Guatemala", "March 2027", "Not started", 0, "", "", "Yes"],
        ["Irregular and mass migration", "3", "Prevención de la migración irregular",
         "Information campaign on the risks of irregular migration",
         "Campaign launched", "Campaign reach", "IOM", "United States; IOM",
         "2026-09-30", "In progress", 80, "", "", "No"],
    ],
    "Protección": [
        ["Protección", "3", "Niñas, niños y adolescentes migrantes",
         "Actualización de los lineamientos regionales de protección de la niñez",
         "Lineamientos actualizados", "Lineamientos aprobados", "SE-CRM", "PPT; SE-CRM",
         "1er año", "Finalizado", 100, "", "", "No"],
        ["Protección", "3", "Apatridia", "Diagnóstico regional sobre apatridia",
         "Diagnóstico publicado", "Diagnóstico publicado", "ACNUR", "ACNUR; SE-CRM",
         "S1 2027", "Pendiente", None, "", "", "No"],
    ],
    "Belice": [
        ["Border management", "1", "Gestión integrada de fronteras",
         "Pilot of a shared border crossing registry with Guatemala",
         "Registry piloted", "Number of crossings registered", "Belize",
         "Belize; Guatemala", "H1 2027", "Ongoing", 35, "", "", "No"],
    ],
    "Migración irregular y masiva": [
        ["Migración irregular y masiva", "3", "Atención de personas en flujos masivos "
         "migratorios", "Plan regional de contingencia ante flujos masivos",
         "Plan aprobado", "Plan aprobado por el GRCM", "SE-CRM", "PPT; SE-CRM; OIM",
         "septiembre 2026", "En proceso", 50, "", "Retraso por cambio de PPT", "No"],
        ["Migración irregular y masiva", "3", "Flujos migratorios mixtos",
         "Intercambio de información sobre flujos mixtos", "Reportes trimestrales",
         "Reportes enviados", "SE-CRM", "Países Miembros", "T1 2027", "Pendiente", None, "",
         "", "Sí"],
    ],
    "Migración laboral": [
        ["Migración laboral", "2", "Portabilidad de derechos",
         "Estudio sobre portabilidad de derechos de seguridad social",
         "Estudio publicado", "Estudio publicado", "OIT", "OIT; SE-CRM",
         D(2026, 10, 31), "No alcanzado", 10, "Sin financiamiento", "", "No"],
    ],
}
SUBMITTED = {"Guatemala": D(2026, 11, 10), "México": D(2026, 11, 12),
             "Costa Rica": D(2026, 11, 9), "Honduras": D(2026, 11, 14),
             "Canadá": D(2026, 11, 13), "Estados Unidos": D(2026, 11, 16),
             "Protección": D(2026, 11, 11), "Migración laboral": D(2026, 11, 15),
             "Belice": D(2026, 11, 18), "Migración irregular y masiva": D(2026, 11, 17)}
CONTACTS = {"Guatemala": ("Ana López", "Ministerio de Relaciones Exteriores",
                          "ana.lopez@example.org", "+502 5555 0101"),
            "México": ("Jorge Ramírez", "Secretaría de Relaciones Exteriores",
                       "jramirez@example.org", "+52 55 5555 0102")}
OFFICIAL_TITLES = ["Pilar programático", "Tema", "Descripción de la actividad",
                   "Indicadores de resultados / impacto", "Parte responsable",
                   "Plazo de cumplimiento (1er año, 2do año, 3er año)",
                   "Estado (finalizado/ en proceso de implementarse/ no alcanzado)"]
OFFICIAL: dict[str, tuple[D, list[list[object]]]] = {
    # file name -> (document date, rows: pilar (None below a merge), tema, actividad,
    # indicadores, responsable, plazo, estado)
    "El Salvador matriz de seguimiento.xlsx": (D(2026, 11, 8), [
        ["Gobernanza migratoria", "Generación y uso de datos sobre migración",
         "Sistema nacional de estadísticas migratorias",
         "Sistema en funcionamiento", "El Salvador", "1er año", "en proceso de implementarse"],
        [None, "Retorno", "Programa de reintegración de personas retornadas",
         "Personas atendidas", "El Salvador; OIM", "2027", "en proceso de implementarse"],
        [None, "Retorno", "Programa de reintegración de personas retornadas",
         "Personas atendidas", "El Salvador; OIM", "2027", "en proceso de implementarse"],
        ["Preparación, protección, atención y migración irregular", "Migración y salud",
         "Atención en salud a personas migrantes en tránsito", "", "", "continuo",
         "finalizado"],
    ]),
    "Rep Dominicana - informe.xlsx": (D(2026, 11, 17), [
        ["Integración, migración y su vínculo con el desarrollo", "Diásporas",
         "Encuentro con la diáspora dominicana", "Encuentro realizado",
         "República Dominicana", "Dic-2026", "finalizado"],
        [None, "Remesas", "Estudio sobre el uso productivo de las remesas",
         "Estudio publicado", "República Dominicana; CEPAL", "2do año", "no alcanzado"],
    ]),
    "Panamá v1.xlsx": (D(2026, 11, 5), [
        ["Gobernanza migratoria", "Flujos migratorios mixtos",
         "Estaciones de recepción migratoria en Darién", "Estaciones operando",
         "Panamá", "2026", "en proceso de implementarse"],
    ]),
    "Panamá v2 FINAL.xlsx": (D(2026, 11, 18), [
        ["Preparación, protección, atención y migración irregular",
         "Flujos migratorios mixtos", "Estaciones de recepción migratoria en Darién",
         "Estaciones operando", "Panamá; OIM; ACNUR", "enero 2027",
         "en proceso de implementarse"],
        [None, "Atención de personas en flujos masivos migratorios",
         "Plan de contingencia ante flujos masivos", "Plan aprobado", "Panamá",
         "por definir", "en proceso de implementarse"],
    ]),
    "RROCM acuerdos 2027.xlsx": (D(2026, 11, 19), [
        ["Preparación, protección, atención y migración irregular", "Mujeres migrantes",
         "Monitoreo de los lineamientos de protección de mujeres migrantes",
         "Informe de monitoreo", "RROCM", "T1 2027", "en proceso de implementarse"],
        [None, "Atención integral a víctimas de trata de personas",
         "Reporte de cumplimiento de los lineamientos sobre trata", "Reporte presentado",
         "RROCM; Red de Funcionarios de Enlace sobre Trata", "T2 2027", "pendiente"],
        [None, "Niñas, niños y adolescentes migrantes",
         "Talleres locales con gobiernos municipales", "Talleres realizados", "RROCM",
         "S1 2027", "pendiente"],
        ["Integración, migración y su vínculo con el desarrollo",
         "Prevención de la xenofobia", "Campaña regional contra la xenofobia",
         "Campaña difundida", "RROCM; OSC", "diciembre 2027", "pendiente"],
    ]),
}
GROUP_MATRIX = [  # seed 003 §3.9, as a working group would return it
    ["Actividades prioritarias", "Tema", "Pilar que se atiende", "Resultado (s) esperado (s)",
     "Indicadores de resultados"],
    ["Intercambio de buenas prácticas en gestión fronteriza", "Gestión integrada de fronteras",
     "Pilar 1", "Documento de buenas prácticas", "Documento publicado"],
    ["Interoperabilidad de sistemas de registro migratorio", "Gestión integrada de fronteras",
     "Pilar 1", "Sistemas conectados", "Número de países conectados"],
]


def main(folder: Path) -> None:
    ref = load_reference()
    tmp = Path(tempfile.mkdtemp())
    for old in folder.glob("*"):
        if old.is_file() and old.name != "README.md":
            old.unlink()
    for reporter, items in TEMPLATE_ITEMS.items():
        party = ref.party(reporter)
        assert party is not None
        blank = tmp / f"{reporter}.xlsx"
        write_template(blank, party, ROUND, party.idioma, ref, D(2026, 10, 1))
        _fill_template(blank, folder / f"{reporter} - {ROUND}.xlsx", reporter, items)
    for name, (date, rows) in OFFICIAL.items():
        _official(folder / name, rows, date)
    _group_matrix(folder / "Grupo de Trabajo sobre Gestión Fronteriza.xlsx")
    _truncated(folder / "Nicaragua.xlsx")
    (folder / f"~$Guatemala - {ROUND}.xlsx").write_bytes(b"\x00lock")
    (folder / "Notas de la reunión.pdf").write_bytes(b"%PDF-1.4\n% sample\n")
    shutil.rmtree(tmp)


def _fill_template(blank: Path, target: Path, reporter: str, items: list[list[object]]) -> None:
    workbook = openpyxl.load_workbook(blank)
    sheet = workbook.worksheets[1]
    name, institution, email, phone = CONTACTS.get(
        reporter, (f"Punto focal {reporter}", "Cancillería", "", ""))
    cells = CONTACT_CELLS
    sheet[cells["contacto_nombre"]] = name
    sheet[cells["contacto_institucion"]] = institution
    sheet[cells["contacto_correo"]] = email
    sheet[cells["contacto_telefono"]] = phone or None
    sheet[cells["fecha_envio"]] = SUBMITTED[reporter]
    for r, item in enumerate(items, start=HEADER_ROW + 2):
        for c, value in enumerate(item, start=2):
            if value not in (None, ""):
                sheet.cell(r, c).value = value
    workbook.save(target)
    stamp_saved(target, SUBMITTED[reporter])


def _official(path: Path, rows: list[list[object]], date: D) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Matriz de seguimiento"
    sheet["A1"] = "Conferencia Regional sobre Migración"
    sheet["A2"] = "4.3 Matriz de seguimiento — Plan Estratégico de la CRM 2019-2022"
    sheet["A1"].font = Font(bold=True, size=14)
    for c, title in enumerate(OFFICIAL_TITLES, start=1):
        cell = sheet.cell(4, c, title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True)
        sheet.column_dimensions[cell.column_letter].width = 28
    start = None
    for r, row in enumerate(rows, start=5):
        for c, value in enumerate(row, start=1):
            if value not in (None, ""):
                sheet.cell(r, c, value)
        if row[0] is not None:
            start = r
        elif start is not None and (r + 1 - 5 == len(rows) or rows[r + 1 - 5][0] is not None):
            sheet.merge_cells(start_row=start, start_column=1, end_row=r, end_column=1)
    sheet.cell(5 + len(rows) + 1, 1, "Nota: información preliminar, sujeta a revisión.")
    workbook.save(path)
    stamp_saved(path, date)


def _group_matrix(path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Gestión Fronteriza"
    sheet["A1"] = "Grupo de Trabajo sobre Gestión Fronteriza"
    sheet["A2"] = "Objetivo específico: fortalecer la gestión integrada de fronteras"
    for r, row in enumerate(GROUP_MATRIX, start=4):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
    workbook.save(path)
    stamp_saved(path, D(2026, 11, 12))


def _truncated(path: Path) -> None:
    """A workbook cut halfway, as an interrupted e-mail download leaves it."""
    _official(path, [["Gobernanza migratoria", "Retorno", "Programa de retorno digno",
                      "Personas atendidas", "Nicaragua", "2027", "pendiente"]], D(2026, 11, 6))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def stamp_saved(path: Path, date: D) -> None:
    """Fix the document's saved date (openpyxl writes 'now'), so the files are stable."""
    stamp = f"{date.isoformat()}T09:00:00Z".encode()
    out = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:modified|created)[^>]*>)[^<]+", rb"\g<1>" + stamp,
                              data)
            info.date_time = (2026, 1, 1, 0, 0, 0)
            dst.writestr(info, data)
    out.replace(path)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("input_workbooks"))
