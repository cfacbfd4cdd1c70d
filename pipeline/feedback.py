"""Feedback workbooks (issue 4, SPEC §6): `retroalimentacion/<reporter>.xlsx`, ready to
e-mail back. A first sheet lists every problem of the reporter's files; a second holds
their rows as read, each problem cell highlighted with the message as a cell comment.
Written in the reporter's language (Spanish, or English for Belize, Canada and the
United States; the config can override it)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.columns import COLUMNS, column_key
from pipeline.xlsx import Formats, new_workbook, printable, to_cell
from validation import Issue

if TYPE_CHECKING:
    from pipeline.run import RunResult

FOLDER = "retroalimentacion"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_WORDS = {
    "es": {"problems": "Problemas", "rows": "Matriz", "none": "No se encontraron problemas. "
           "¡Gracias!", "intro": "Corrija las celdas señaladas en su archivo y envíelo de "
           "nuevo. En la hoja «Matriz» cada celda con un problema está resaltada y tiene un "
           "comentario.", "heading": "Retroalimentación — {informante} — ronda {ronda}",
           "severity": "Severidad", "file": "Archivo", "sheet": "Hoja", "cell": "Celda",
           "column": "Columna", "value": "Valor", "message": "Qué hacer",
           "suggestion": "Sugerencia", "row": "Fila original"},
    "en": {"problems": "Issues", "rows": "Matrix", "none": "No problems were found. "
           "Thank you!", "intro": "Correct the cells listed in your file and send it again. "
           "On the “Matrix” sheet every cell with a problem is highlighted and carries a "
           "comment.", "heading": "Feedback — {informante} — round {ronda}",
           "severity": "Severity", "file": "File", "sheet": "Sheet", "cell": "Cell",
           "column": "Column", "value": "Value", "message": "What to do",
           "suggestion": "Suggestion", "row": "Original row"},
}
SHOWN_RAW = {"estado": "_raw_estado", "pilar": "_raw_pilar", "tema": "_raw_tema",
             "grupo_trabajo": "_raw_grupo_trabajo", "avance": "_raw_avance",
             "reservado": "_raw_reservado"}


def safe_name(name: str) -> str:
    return _UNSAFE.sub("_", name).strip(" .") or "informante"


def write_feedback(result: RunResult, stage: Path) -> list[str]:
    """One workbook per reporter that sent something; their relative paths. The matrix
    and the issues are grouped once, so the cost grows with rows, not rows x reporters."""
    files: dict[str, list[str]] = {}
    for sub in result.submissions:
        if sub.archivo and sub.informante and sub.estado in {"leido", "reemplazado",
                                                             "rechazado"}:
            files.setdefault(sub.informante, []).append(sub.archivo)
    if not files:
        return []
    (stage / FOLDER).mkdir()
    columns = [*(spec.key for spec in COLUMNS), *SHOWN_RAW.values(), "archivo", "hoja", "fila",
               "informante"]
    rows_of: dict[str, list[dict[str, object]]] = {}
    for record in result.matrix.reindex(columns=columns).to_dict("records"):
        rows_of.setdefault(str(record["informante"]), []).append(record)
    issues_of: dict[str, list[Issue]] = {}
    for issue in result.issues:
        issues_of.setdefault(issue.archivo, []).append(issue)
    written = []
    for informante, names in sorted(files.items()):
        issues = [i for name in names for i in issues_of.get(name, [])]
        relative = f"{FOLDER}/{safe_name(informante)}.xlsx"
        _write_one(stage / relative, result, informante, issues, rows_of.get(informante, []))
        written.append(relative)
    return written


def _write_one(path: Path, result: RunResult, informante: str, issues: list[Issue],
               rows: list[dict[str, object]]) -> None:
    lang = result.ref.language_of(informante)
    words = _WORDS["en" if lang == "en" else "es"]
    heading = words["heading"].format(informante=informante, ronda=result.ronda)
    workbook = new_workbook(path, result.as_of, heading)
    formats = Formats(workbook)
    marks = {"error": workbook.add_format({"bg_color": "#F8CBAD", "text_wrap": True,
                                           "valign": "top"}),
             "advertencia": workbook.add_format({"bg_color": "#FFE699", "text_wrap": True,
                                                 "valign": "top"}),
             "info": workbook.add_format({"bg_color": "#DDEBF7", "text_wrap": True,
                                          "valign": "top"})}

    listing = workbook.add_worksheet(words["problems"])
    printable(listing)
    listing.write(0, 0, heading, formats.title)
    listing.write(1, 0, words["intro"] if issues else words["none"], formats.note)
    header = ["severity", "file", "sheet", "cell", "column", "value", "message", "suggestion"]
    widths = [12, 28, 18, 8, 26, 24, 70, 22]
    for c, (key, width) in enumerate(zip(header, widths, strict=True)):
        listing.write(3, c, words[key], formats.bold)
        listing.set_column(c, c, width, formats.wrap if key == "message" else formats.text)
    for r, issue in enumerate(issues, start=4):
        values = [issue.severity_label(lang), issue.archivo, issue.hoja, issue.celda,
                  issue.columna, issue.valor, issue.message(lang), issue.sugerencia]
        for c, value in enumerate(values):
            listing.write_string(r, c, value, marks[issue.severity] if c == 0 else None)
        lines = max(1, -(-len(values[6]) // 75))  # the message column wraps at ~75 chars
        listing.set_row(r, 15 * lines)
    listing.freeze_panes(4, 0)
    listing.activate()

    sheet = workbook.add_worksheet(words["rows"])
    printable(sheet)
    keys = [spec.key for spec in COLUMNS]
    headers = [*(spec.title(lang) for spec in COLUMNS), words["file"], words["sheet"],
               words["row"]]
    for c, text in enumerate(headers):
        sheet.write(0, c, text, formats.bold)
        sheet.set_column(c, c, COLUMNS[c].width if c < len(COLUMNS) else 14, formats.wrap)
    sheet.freeze_panes(1, 1)
    at: dict[tuple[str, str, int], int] = {}
    for r, record in enumerate(rows, start=1):
        for c, key in enumerate(keys):
            sheet.write(r, c, to_cell(_shown(record, key)))
        for c, key in enumerate(("archivo", "hoja", "fila"), start=len(keys)):
            sheet.write(r, c, to_cell(record[key]))
        at[(record["archivo"], record["hoja"], int(record["fila"]))] = r
    _mark_cells(sheet, issues, at, keys, marks, lang, rows)
    workbook.close()


def _shown(record: dict[str, object], key: str) -> object:
    """The value as the focal point wrote it, where it was recognized as something else."""
    raw = SHOWN_RAW.get(key)
    if raw and raw in record:
        return record[raw]
    value = record[key]
    if isinstance(value, bool):
        return "Sí" if value else "No"
    return value


def _mark_cells(sheet, issues: list[Issue], at: dict[tuple[str, str, int], int],  # type: ignore[no-untyped-def]
                keys: list[str], marks: dict, lang: str, rows: list[dict[str, object]]) -> None:
    by_cell: dict[tuple[int, int], list[Issue]] = {}
    for issue in issues:
        if issue.fila is None or (issue.archivo, issue.hoja, issue.fila) not in at:
            continue
        key = column_key(issue.columna) or ("actividad" if issue.code.startswith("id-") else None)
        if key not in keys:
            continue
        by_cell.setdefault((at[(issue.archivo, issue.hoja, issue.fila)], keys.index(key)),
                           []).append(issue)
    for (r, c), found in sorted(by_cell.items()):
        worst = min(found, key=lambda i: ["error", "advertencia", "info"].index(i.severity))
        value = to_cell(_shown(rows[r - 1], keys[c]))
        sheet.write(r, c, value, marks[worst.severity])
        text = "\n\n".join(f"{i.celda}: {i.message(lang)}" for i in found)
        sheet.write_comment(r, c, text, {"author": "Seguimiento", "x_scale": 3, "y_scale": 2})
