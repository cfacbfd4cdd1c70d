"""A per-item side sheet in a template (pipeline.model.sides): one row per item, the item's
columns locked and grey, the columns to fill open, with their dropdowns. The observer's
`Observaciones` sheet is one."""

from __future__ import annotations

import re

import pandas as pd
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pipeline.analyse.changes import indicator_key
from pipeline.analyse.indicator_lines import number
from pipeline.model.columns import column_letter
from pipeline.model.sides import SideKind
from pipeline.model.text import name_key
from pipeline.model.values import stored_day
from pipeline.reference.data import Reference
from pipeline.words import word
from pipeline.write.printing import Printing, row_heights, setup, text_height
from pipeline.write.xlsx import write_value

HEADER_ROW = 3  # 0-based: the title, the note, a blank row, then the titles
BLANK_ROWS = 50  # rows to add an item the list lacks
PRINTED_BLANK_ROWS = 5
WRITING_ROOM = 30.0  # points: room to write an observation by hand on the printed form
LEVELS = ("local", "nacional", "regional")


def observed_items(items: pd.DataFrame, observer: str, ref: Reference,
                   lang: str) -> list[dict[str, object]]:
    """The items an observer is asked about: every stored item of the others that is not
    restricted, as the sheet shows them (reference values in the sheet's language)."""
    if items.empty:
        return []
    others = items[items["informante"].ne(observer)
                   & ~items["informante"].isin(ref.observadores)
                   & ~items["reservado"].fillna(False).astype(bool)]
    others = others.drop_duplicates(["informante", "id"])
    rows = []
    for item in others.to_dict("records"):
        avance = item.get("avance")
        rows.append({
            "id": item["id"], "informante": ref.label("parte", str(item["informante"]), lang),
            "actividad": item["actividad"],
            "responsable": ref.label("parte", str(item["responsable"]), lang),
            "plazo": item["plazo"],
            "estado_oficial": ref.status_label(str(item["estado"]), lang)
            if item["estado"] else "",
            "avance_oficial": None if avance is None or avance != avance else avance,
        })
    return rows


def measured_items(items: pd.DataFrame, stored: pd.DataFrame) -> list[dict[str, object]]:
    """A reporter's indicators as its sheet shows them: each stored one with its baseline
    and target kept and its last value beside an empty cell for this round's; then each
    indicator written in the Matrix's indicator column of its items with no row yet, for the
    reporter to complete."""
    rows: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    activity = dict(zip(items["id"].astype(str), items["actividad"].astype(str), strict=True))
    for record in stored.to_dict("records"):
        ident, name = str(record["id"]), str(record["indicador"])
        seen.add((ident, name_key(name)))
        rows.append({
            "id": ident, "actividad": activity.get(ident, str(record["actividad"])),
            "indicador": name, "unidad": record["unidad"],
            "linea_base": number(record["linea_base"]),
            "fecha_linea_base": stored_day(record["fecha_linea_base"]),
            "meta": number(record["meta"]), "fecha_meta": stored_day(record["fecha_meta"]),
            "valor_anterior": number(record["valor"]), "fuente": record["fuente"],
            "responsable_medicion": record["responsable_medicion"]})
    for ident, text in zip(items["id"].astype(str), items["indicadores"].fillna("").astype(str),
                           strict=True):
        for name in (n.strip(" -•\t") for n in re.split(r"[\n;]", text)):
            if name and (ident, name_key(name)) not in seen:
                seen.add((ident, name_key(name)))
                rows.append({"id": ident, "actividad": activity[ident], "indicador": name})
    return rows


def with_last_values(latest: pd.DataFrame, stored: pd.DataFrame, before: str) -> pd.DataFrame:
    """`latest` (each reporter's indicators of its latest round) with, where that round left
    an indicator's value blank (no new measure then), the value of the last stored round
    before `before` that gave one: the previous value the sheet shows beside this round's.
    `stored` every stored round's indicators, in round order."""
    blank = latest["valor"].isna() if len(latest) else pd.Series(dtype=bool)
    if not blank.any() or stored.empty:
        return latest
    given = stored[(stored["ronda"].astype(str) < before) & stored["valor"].notna()]
    last = {indicator_key(r): r["valor"] for r in given.to_dict("records")}
    values = [last.get(indicator_key(r)) if gap else r["valor"]
              for r, gap in zip(latest.to_dict("records"), blank, strict=True)]
    return latest.assign(valor=pd.Series(values, index=latest.index, dtype=float))


def write_side_sheet(workbook: Workbook, kind: SideKind, rows: list[dict[str, object]],
                     printing: Printing, lists_name: str, heading: str,
                     choices: Choices) -> str:
    """The sheet of `kind` with `rows` prefilled, under `heading`, its `choices` as
    dropdowns; its name."""
    lang = printing.lang
    name = kind.sheet_name(lang)
    sheet = workbook.add_worksheet(name)
    border = {"valign": "top", "border": 1, "border_color": "#BFBFBF", "text_wrap": True}
    locked = workbook.add_format({**border, "bg_color": "#F2F2F2"})
    locked_number = workbook.add_format({**border, "bg_color": "#F2F2F2", "num_format": "General"})
    unlocked = workbook.add_format({**border, "locked": False})
    unlocked_date = workbook.add_format({**border, "locked": False,
                                         "num_format": "dd/mm/yyyy"})
    header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top",
                                  "bg_color": "#1F4E78", "font_color": "#FFFFFF", "border": 1})
    sheet.write(0, 0, heading, workbook.add_format({"bold": True, "font_size": 14}))
    note = word(f"{kind.key}.note", lang)
    widths = [c.width for c in kind.columns]
    sheet.merge_range(1, 0, 1, len(widths) - 1, note,
                      workbook.add_format({"text_wrap": True, "valign": "top"}))
    sheet.set_row(1, text_height(note, sum(widths)) + 4)
    for c, column in enumerate(kind.columns):
        sheet.write(HEADER_ROW, c, column.title(kind.key, lang), header)
        sheet.set_column(c, c, column.width)
    sheet.set_row(HEADER_ROW, max(text_height(col.title(kind.key, lang), col.width)
                                  for col in kind.columns))
    first = HEADER_ROW + 1
    last = first + len(rows) + BLANK_ROWS - 1
    for r in range(first, last + 1):
        values = rows[r - first] if r - first < len(rows) else {}
        for c, column in enumerate(kind.columns):
            value = values.get(column.key)
            if column.locked and values:
                fmt = locked_number if isinstance(value, int | float) else locked
            else:
                fmt = unlocked_date if column.key.startswith("fecha") else unlocked
            write_value(sheet, r, c, value, fmt)
    texts = pd.DataFrame({str(c): [str(v.get(col.key) or "") for v in rows]
                          for c, col in enumerate(kind.columns)})
    heights = row_heights(texts, {str(c): w for c, w in enumerate(widths)})
    for r, height in enumerate(heights, start=first):
        sheet.set_row(r, max(1.15 * height + 4, WRITING_ROOM))  # (LibreOffice sets wider)
    _dropdowns(workbook, sheet, kind, choices, first, last, lists_name, lang)
    sheet.freeze_panes(first, 3)
    # Printed: the prefilled rows and a few blank ones, every column on the page's width.
    setup(sheet, printing, widths, header_row=HEADER_ROW, repeat_columns=1, portrait=False,
          area_rows=first + len(rows) + PRINTED_BLANK_ROWS - 1)
    sheet.protect("", {"format_columns": True, "format_rows": True, "sort": True,
                       "autofilter": True})
    return name


Choices = dict[str, tuple[list[str], str]]  # key -> (the values offered, the prompt)


def observation_choices(ref: Reference, lang: str) -> Choices:
    """The observer's dropdowns: the observed status (the statuses and "No information"),
    the level."""
    return {
        "estado_observado": ([*(ref.status_label(s.clave, lang) for s in ref.estados),
                              word("status.sin_informacion", lang)],
                             word("observaciones.choose_status", lang)),
        "ambito": ([word(f"level.{level}", lang) for level in LEVELS],
                   word("observaciones.choose_level", lang)),
    }


def _dropdowns(workbook: Workbook, sheet: Worksheet, kind: SideKind, choices: Choices,
               first: int, last: int, lists_name: str, lang: str) -> None:
    """Each list in its own column of the hidden lists sheet, after those already there."""
    hidden = workbook.get_worksheet_by_name(lists_name)
    for key, (values, prompt) in choices.items():
        if not values:
            continue
        c = _next_free_column(hidden)
        hidden.write(0, c, f"{kind.key}.{key}")
        hidden.write_column(1, c, values)
        letter = column_letter(c)
        col = kind.keys.index(key)
        sheet.data_validation(first, col, last, col, {
            "validate": "list",
            "source": f"='{lists_name}'!${letter}$2:${letter}${len(values) + 1}",
            "error_type": "warning", "error_title": "Seguimiento", "input_message": prompt,
            "error_message": word("template.keep_anyway", lang)})


def _next_free_column(sheet: Worksheet) -> int:
    """The first column of a sheet with nothing in row 1 (xlsxwriter knows the extent)."""
    return 0 if sheet.dim_colmax is None else sheet.dim_colmax + 1
