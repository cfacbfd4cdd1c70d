"""A synthetic round in the official matrix layout of seed 003 §4.3, for the benchmark:
a title block, 40 rows per workbook, Spanish text, deadlines as date cells and as text,
some blank responsible parties. Deterministic (a fixed seed)."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import xlsxwriter

TITLES = ["Pilar programático", "Tema", "Descripción de la actividad",
          "Indicadores de resultados / impacto", "Parte responsable",
          "Plazo de cumplimiento (1er año, 2do año, 3er año)",
          "Estado (finalizado/ en proceso de implementarse/ no alcanzado)"]
PILLARS = ["Gobernanza migratoria", "Integración, migración y su vínculo con el desarrollo",
           "Preparación, protección, atención y migración irregular"]
THEMES = ["Retorno", "Remesas", "Migración laboral", "Flujos migratorios mixtos",
          "Niñas, niños y adolescentes migrantes", "Gestión integrada de fronteras"]
VERBS = ["Fortalecer", "Elaborar", "Capacitar a", "Actualizar", "Coordinar", "Difundir"]
OBJECTS = ["los centros de atención al migrante retornado", "el protocolo regional de niñez",
           "los funcionarios de frontera", "la guía de flujos mixtos",
           "el estudio sobre remesas", "la campaña contra la xenofobia"]
PARTIES = ["Guatemala", "México; OIM", "SE-CRM", "PPT", "Honduras; ACNUR", "RROCM", "", ""]
TEXT_DEADLINES = ["T2 2027", "marzo 2027", "1er año", "permanente", "2027", "S1 2027",
                  "Dic-2026", "por definir"]
STATUSES = ["finalizado", "en proceso de implementarse", "pendiente", "no alcanzado",
            "en proceso"]


def make_round(folder: Path, workbooks: int, rows: int = 40, seed: int = 7,
               indicators: int = 0) -> list[Path]:
    """The round; with `indicators`, that many indicators spread over its workbooks'
    `Indicadores` sheets (the matrices the same as without them)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    measures = random.Random(seed + 1)  # its own: the matrices stay the same
    per_file = -(-indicators // max(workbooks, 1))
    paths = []
    for n in range(workbooks):
        path = folder / f"Municipio {n + 1:04d}.xlsx"
        workbook = xlsxwriter.Workbook(str(path))
        workbook.set_properties({"created": dt.datetime(2026, 11, 1)})
        sheet = workbook.add_worksheet("Matriz")
        date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
        sheet.write(0, 0, "Conferencia Regional sobre Migración")
        sheet.write(1, 0, f"Matriz de seguimiento — municipio {n + 1}")
        sheet.write_row(3, 0, TITLES)
        activities = []
        for r in range(4, 4 + rows):
            sheet.write(r, 0, rng.choice(PILLARS))
            sheet.write(r, 1, rng.choice(THEMES))
            activities.append(f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} ({n + 1}-{r})")
            sheet.write(r, 2, activities[-1])
            sheet.write(r, 3, "Número de personas atendidas" if rng.random() > .1 else "")
            sheet.write(r, 4, rng.choice(PARTIES))
            if rng.random() < .5:
                day = dt.datetime(2026, 1, 1) + dt.timedelta(days=rng.randrange(730))
                sheet.write_datetime(r, 5, day, date_format)
            else:
                sheet.write(r, 5, rng.choice(TEXT_DEADLINES))
            sheet.write(r, 6, rng.choice(STATUSES))
        left = min(per_file, indicators - n * per_file)
        if left > 0:
            _indicator_sheet(workbook, path.stem, activities, left, measures, date_format)
        workbook.close()
        paths.append(path)
    return paths


UNITS = ["personas", "%", "centros", "talleres", "días"]


def _indicator_sheet(workbook: xlsxwriter.Workbook, reporter: str, activities: list[str],
                     count: int, rng: random.Random, date_format: object) -> None:
    """`count` indicators of the workbook's items, as a focal point fills the template's
    sheet: each names its item by the id the product gives it (the file's name is the
    reporter), with a baseline, a target and this round's value typed as people do."""
    import pandas as pd

    from pipeline.analyse.keys import assign_ids
    from pipeline.reference.load import load_reference

    frame = pd.DataFrame({"id": "", "_informante": reporter, "actividad": activities,
                          "_archivo": "", "_hoja": "", "_fila": 0})
    ids = list(assign_ids(frame, load_reference())["id"])
    sheet = workbook.add_worksheet("Indicadores")
    sheet.write_row(0, 0, ["ID", "Indicador", "Unidad", "Línea base", "Fecha de línea base",
                           "Meta", "Fecha de la meta", "Valor de esta ronda", "Fuente"])
    for r in range(1, count + 1):
        base = rng.randrange(0, 50)
        goal = base + rng.randrange(10, 500)
        sheet.write_row(r, 0, [ids[(r - 1) % len(ids)], f"Indicador {r}", rng.choice(UNITS),
                               base])
        sheet.write_datetime(r, 4, dt.datetime(2026, 1, 1), date_format)
        sheet.write(r, 5, goal)
        sheet.write_datetime(r, 6, dt.datetime(2028, 1, 1), date_format)
        value = base + rng.randrange(0, goal - base + 20)
        sheet.write(r, 7, f"{value:,}".replace(",", ".") if rng.random() < .3 else value)
        sheet.write(r, 8, "Registro administrativo")


OBSERVED = ["finalizado", "en proceso", "pendiente", "no alcanzado", "sin información"]


def make_observer(folder: Path, count: int, seed: int = 11) -> Path:
    """RROCM's observations of `count` items of the round in `folder` (spread over its
    workbooks, named by reporter and activity as a hand-made sheet would), in one file
    beside them."""
    import python_calamine

    rng = random.Random(seed)
    files = sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith("RROCM"))
    per_file = -(-count // max(len(files), 1))
    rows: list[list[str]] = []
    for path in files:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        values = book.get_sheet_by_name("Matriz").to_python()
        activities = [str(r[2]) for r in values[4:] if len(r) > 2 and r[2]]
        for activity in activities[:per_file]:
            rows.append([path.stem, activity, rng.choice(OBSERVED),
                         "https://example.org/evidencia", "Observado en terreno", "Local"])
        if len(rows) >= count:
            break
    path = folder / "RROCM observaciones.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties({"created": dt.datetime(2026, 11, 1)})
    sheet = workbook.add_worksheet("Observaciones")
    sheet.write_row(0, 0, ["Informante", "Descripción de la actividad", "Estado observado",
                           "Evidencia", "Observación", "Ámbito"])
    for r, row in enumerate(rows[:count], start=1):
        sheet.write_row(r, 0, row)
    workbook.close()
    return path


if __name__ == "__main__":
    make_round(Path(sys.argv[1]), int(sys.argv[2]))
