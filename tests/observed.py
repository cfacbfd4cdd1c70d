"""A round civil society observed, written as the files come back: two reporters' matrices
(one item restricted) and an observer's workbook whose `Observaciones` sheet gives its view
of four of their items, and whose submission block is signed by a person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import openpyxl

SIGNER = "Rosa Quispe Mamani"  # the observer's focal point, as she signed
INSTITUTION = "Colectivo Pasos sin Fronteras"
TITLES = ["ID", "Descripción de la actividad", "Parte responsable", "Plazo de cumplimiento",
          "Estado", "Reservado (solo gobiernos)"]
OBSERVATIONS = [
    ["ID", "Informante", "Estado observado", "Evidencia", "Observación", "Ámbito"],
    ["GT-1", "Guatemala", "En proceso", "https://example.org/informe.pdf?a=1&b=2",
     "Avanza como se informa", "nacional"],
    ["GT-2", "Guatemala", "Pendiente", "javascript:alert(1)",
     f"No vimos los centros abiertos; lo confirmó {SIGNER} en la visita", "local"],
    ["GT-3", "Guatemala", "Pendiente", "https://example.org/reservado",
     "Lo reservado que se observó en la frontera", "frontera sur reservada"],
    ["HN-1", "Honduras", "Sin información", "Informe de campo <b>2026</b>.docx",
     "No hubo acceso", "nacional"],
]


def write_workbook(path: Path, titles: Sequence[str], rows: Sequence[Sequence[object]],
                   head: Sequence[str] = ("Conferencia Regional sobre Migración",
                                          "Matriz de seguimiento"),
                   extra: dict[str, Sequence[Sequence[object]]] | None = None) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Matriz"
    for r, text in enumerate(head, start=1):
        sheet.cell(r, 1, text)
    for r, row in enumerate([titles, *rows], start=len(head) + 2):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
    for name, extra_rows in (extra or {}).items():
        other = workbook.create_sheet(name)
        for r, row in enumerate(extra_rows, start=1):
            for c, value in enumerate(row, start=1):
                other.cell(r, c, value)
        if name.startswith("_"):
            other.sheet_state = "hidden"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


def write_observed_round(folder: Path) -> Path:
    """The round's files in `folder`: Guatemala (GT-3 restricted), Honduras, and the
    observer's workbook. GT-1's view agrees, GT-2's differs, HN-1's says nothing to
    compare; sorted by item, the differing one is not first. GT-1 is due soon, HN-1
    overdue (as of 2026-11-30)."""
    due, soon, past = dt.date(2027, 3, 31), dt.date(2026, 12, 31), dt.date(2026, 10, 31)
    write_workbook(folder / "Guatemala.xlsx", TITLES, [
        ["GT-1", "Protocolo de niñez migrante", "Guatemala", soon, "En proceso", "No"],
        ["GT-2", "Centros de atención al retorno", "Guatemala", due, "Finalizado", "No"],
        ["GT-3", "Acuerdo fronterizo confidencial", "Guatemala", due, "Pendiente", "Sí"],
        ["GT-4", "Campaña informativa", "Guatemala", due, "Pendiente", "No"]])
    write_workbook(folder / "Honduras.xlsx", TITLES, [
        ["HN-1", "Centros de retorno", "Honduras", past, "En proceso", "No"]])
    write_workbook(folder / "RROCM 2026.xlsx", TITLES[:5], [
        ["R-1", "Foro regional de sociedad civil", "RROCM", due, "En proceso"]],
        head=(SIGNER, INSTITUTION),
        extra={"Observaciones": OBSERVATIONS,
               "_seguimiento": [["informante", "RROCM"], ["hoja_matriz", "Matriz"],
                                ["celda_contacto_nombre", "A1"],
                                ["celda_contacto_institucion", "A2"]]})
    return folder
