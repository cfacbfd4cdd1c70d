"""The standard template a focal point fills (docs/contract.md §3.1).

Instructions, the matrix with a submission block above it, dropdowns fed from a hidden
list sheet, input cells unlocked and headers and ids locked, and a very hidden metadata
sheet (reporter, round, template version, where things are) that the reader trusts
before anything else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pipeline import TEMPLATE_VERSION
from pipeline.model.columns import column_letter
from pipeline.model.sides import INDICATORS, OBSERVATIONS
from pipeline.read.workbook import META_SHEET
from pipeline.reference.data import Party, Reference
from pipeline.template.sides import observation_choices, write_side_sheet
from pipeline.words import LANGS, lang_of, word
from pipeline.words.template import INSTRUCTIONS
from pipeline.write.printing import Paper, Printing, row_heights, setup, text_height
from pipeline.write.xlsx import new_workbook, write_value

HEADER_ROW = 8  # 0-based: Excel row 9, below the title and the submission block
BLANK_ROWS = 200
WRITING_ROOM = 30.0  # points: a row tall enough to write in by hand
GUIDE_WIDTH = 100  # the instructions' column: a portrait page wide
# Where the focal point writes name, institution, e-mail and date (labels in A:B).
CONTACT_CELLS = {"contacto_nombre": "C3", "contacto_institucion": "C4",
                 "contacto_correo": "C5", "contacto_telefono": "C6", "fecha_envio": "C7"}


def template_name(reporter: Party, ronda: str) -> str:
    return f"{reporter.nombre} - {ronda}.xlsx"


def write_template(
    path: Path, reporter: Party, ronda: str, lang: str, ref: Reference, created: dt.date,
    items: list[dict[str, object]] | None = None,
    observed: list[dict[str, object]] | None = None,
    measured: list[dict[str, object]] | None = None,
) -> None:
    """The template for one reporter; `items` (from the last stored round) are prefilled:
    id and description locked, everything else ready to update; blank rows follow. An
    observer's (`observed` given: the others' items it is asked about) has an observations
    sheet too. The indicators sheet holds `measured` (the items' indicators)."""
    names = {key: word(f"template.sheet.{key}", lang)
             for key in ("instrucciones", "matriz", "listas")}
    heading = word("template.heading", lang, reporter=ref.label("parte", reporter.nombre, lang),
                   ronda=ronda)
    workbook = new_workbook(path, created, heading)
    unlocked = workbook.add_format({"locked": False, "valign": "top", "text_wrap": True,
                                    "border": 1, "border_color": "#BFBFBF"})
    unlocked_date = workbook.add_format({"locked": False, "num_format": "dd/mm/yyyy",
                                         "valign": "top", "border": 1,
                                         "border_color": "#BFBFBF"})
    header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top",
                                  "bg_color": "#1F4E78", "font_color": "#FFFFFF", "border": 1})
    locked_id = workbook.add_format({"bg_color": "#F2F2F2", "valign": "top", "border": 1,
                                     "border_color": "#BFBFBF"})
    bold = workbook.add_format({"bold": True})
    title = workbook.add_format({"bold": True, "font_size": 14})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})

    printing = Printing(Paper(ref.papel), heading, lang)
    guide = workbook.add_worksheet(names["instrucciones"])
    guide.set_column(0, 0, GUIDE_WIDTH, wrap)
    guide.write(0, 0, heading, title)
    guide.set_row(0, 21)
    forms = ref.plan_words(created)["formas_plazo"][LANGS.index(lang_of(lang))]
    lines = [word(f"template.instruction.{r}", lang, formas_plazo=forms,
                  estados=ref.status_list(lang), **ref.red.placeholders(lang))
             for r in range(INSTRUCTIONS)]
    lines.append(word("indicadores.instruction", lang, sheet=INDICATORS.sheet_name(lang)))
    if observed is not None:
        lines.append(word("observaciones.instruction", lang,
                          sheet=OBSERVATIONS.sheet_name(lang)))
    for r, text in enumerate(lines):
        guide.write(r + 2, 0, text)
        guide.set_row(r + 2, text_height(text, GUIDE_WIDTH) + 4)
    setup(guide, printing, [GUIDE_WIDTH], header_row=None, portrait=True)  # one page

    sheet = workbook.add_worksheet(names["matriz"])
    sheet.write(0, 0, heading, title)
    sheet.write(1, 0, ref.label("plan", ref.plan_nombre, lang))
    for r, key in enumerate(CONTACT_CELLS, start=2):
        sheet.merge_range(r, 0, r, 1, word(f"template.{key}", lang), bold)
        fmt = unlocked_date if key == "fecha_envio" else unlocked
        sheet.merge_range(r, 2, r, 4, None, fmt)
        assert xl_rowcol_to_cell(r, 2) == CONTACT_CELLS[key]
    for c, spec in enumerate(ref.columns):
        sheet.write(HEADER_ROW, c, spec.title(lang), header)
        sheet.set_column(c, c, spec.width)
    prefilled = [prefill_values(item, ref, lang) for item in items or []]
    first, last = HEADER_ROW + 1, HEADER_ROW + len(prefilled) + BLANK_ROWS
    plazo_col = [s.key for s in ref.columns].index("plazo")
    locked_text = workbook.add_format({"bg_color": "#F2F2F2", "valign": "top", "border": 1,
                                       "border_color": "#BFBFBF", "text_wrap": True})
    for r in range(first, last + 1):
        values = prefilled[r - first] if r - first < len(prefilled) else {}
        for c, spec in enumerate(ref.columns):
            if spec.key in {"id", "actividad"} and values:
                fmt = locked_id if spec.key == "id" else locked_text
            elif spec.key == "id":
                fmt = locked_id
            else:
                fmt = unlocked_date if c == plazo_col else unlocked
            value = values.get(spec.key)
            write_value(sheet, r, c, value, fmt)
    sheet.set_row(HEADER_ROW, max(text_height(spec.title(lang), spec.width)
                                  for spec in ref.columns))
    widths = {str(c): spec.width for c, spec in enumerate(ref.columns)}
    texts = pd.DataFrame({str(c): [str(v.get(spec.key) or "") for v in prefilled]
                          for c, spec in enumerate(ref.columns)})
    heights = [max(h, WRITING_ROOM) for h in row_heights(texts, widths)]
    for r, height in enumerate(heights, start=first):
        sheet.set_row(r, height)
    for r in range(first + len(prefilled), last + 1):
        sheet.set_row(r, WRITING_ROOM)  # room to write by hand on a printed form
    sheet.freeze_panes(HEADER_ROW + 1, 2)
    scale = setup(sheet, printing, list(widths.values()), header_row=HEADER_ROW,
                  repeat_columns=1)
    page = printing.paper.height(True) / scale - 60  # less the repeated header
    above = 15 * HEADER_ROW + 45 + sum(heights)
    room = page - above % page  # left on the page the prefilled rows end on
    blank = max(4, int(room // WRITING_ROOM))  # blank rows that fill it
    sheet.print_area(0, 0, first + len(prefilled) + blank - 1, len(ref.columns) - 1)
    _dropdowns(workbook, sheet, ref, lang, first, last, names["listas"], forms)
    sheet.protect("", {"format_columns": True, "format_rows": True, "insert_rows": True,
                       "sort": True, "autofilter": True})
    sheet.activate()
    who = ref.label("parte", reporter.nombre, lang)
    names[INDICATORS.meta_key] = write_side_sheet(
        workbook, INDICATORS, measured or [], printing, names["listas"],
        word("indicadores.heading", lang, reporter=who, ronda=ronda),
        {"id": ([str(v.get("id")) for v in prefilled if v.get("id")],
                word("indicadores.choose_item", lang))})
    if observed is not None:
        names[OBSERVATIONS.meta_key] = write_side_sheet(
            workbook, OBSERVATIONS, observed, printing, names["listas"],
            word("observaciones.heading", lang, reporter=who, ronda=ronda),
            observation_choices(ref, lang))
    _metadata(workbook, reporter, ronda, lang, names, CONTACT_CELLS, ref.plan.nombre)
    workbook.close()


def prefill_values(item: dict[str, object], ref: Reference, lang: str) -> dict[str, object]:
    """A stored item as the focal point should see it in the template's language, each
    value as its dropdown offers it."""
    values = {spec.key: item.get(spec.key) for spec in ref.columns}
    text = {key: str(item.get(key) or "") for key in ("estado", "pilar", "tema",
                                                       "grupo_trabajo", "responsable")}
    values["estado"] = ref.status_label(text["estado"], lang) if text["estado"] else ""
    values["pilar"] = _pillar_choice(ref, text["pilar"], lang)
    values["tema"] = ref.label("tema", text["tema"], lang)
    values["grupo_trabajo"] = ref.label("parte", text["grupo_trabajo"], lang)
    values["responsable"] = ref.label("parte", text["responsable"], lang)
    plazo = str(item.get("plazo") or "")
    try:  # a deadline that was a date cell comes back as a date cell
        values["plazo"] = dt.date.fromisoformat(plazo) if len(plazo) == 10 else plazo
    except ValueError:
        values["plazo"] = plazo
    reservado = item.get("reservado")
    values["reservado"] = word("yes", lang) if reservado is True else (
        word("no", lang) if reservado is False else reservado)
    avance = item.get("avance")
    values["avance"] = None if avance is None or avance != avance else avance
    return values


def _pillar_choice(ref: Reference, nombre: str, lang: str) -> str:
    """A pillar as the dropdown offers it ("1. Gobernanza migratoria")."""
    pillar = next((p for p in ref.pilares if p.nombre == nombre), None)
    return f"{pillar.numero}. {ref.label('pilar', nombre, lang)}" if pillar else nombre


def _dropdowns(workbook: Workbook, sheet: Worksheet, ref: Reference, lang: str, first: int,
               last: int, lists_name: str, forms: str) -> None:
    """The sheet's dropdowns and input hints (`forms`: the deadline's forms in use)."""
    lists = {
        "grupo_trabajo": [ref.label("parte", g.nombre, lang) for g in ref.grupos],
        "pilar": [_pillar_choice(ref, p.nombre, lang) for p in ref.pilares],
        "tema": list(dict.fromkeys(ref.label("tema", t, lang) for t in ref.temas)),
        "responsable": [ref.label("parte", p.nombre, lang) for p in ref.responsables],
        "estado": [ref.status_label(s.clave, lang) for s in ref.estados],
        "reservado": [word("yes", lang), word("no", lang)],
    }
    hidden = workbook.add_worksheet(lists_name)
    keys = [s.key for s in ref.columns]
    for c, (key, values) in enumerate((k, v) for k, v in lists.items() if k in keys):
        hidden.write(0, c, key)
        hidden.write_column(1, c, values)
        source = f"='{lists_name}'!${column_letter(c)}$2:${column_letter(c)}${len(values) + 1}"
        strict = key == "reservado"
        col = keys.index(key)
        sheet.data_validation(first, col, last, col, {
            "validate": "list", "source": source,
            "error_type": "stop" if strict else "warning",
            "error_title": "Seguimiento",
            "error_message": word("template.choose" if strict else "template.keep_anyway",
                                  lang),
        })
    hidden.hide()
    avance = keys.index("avance")
    sheet.data_validation(first, avance, last, avance, {
        "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100,
        "error_message": word("template.progress", lang),
    })
    plazo = keys.index("plazo")
    sheet.data_validation(first, plazo, last, plazo, {
        "validate": "any", "input_title": word("template.deadline_title", lang),
        "input_message": word("template.deadline_hint", lang, formas_plazo=forms),
    })


def _metadata(workbook: Workbook, reporter: Party, ronda: str, lang: str,
              names: dict[str, str], contact_cells: dict[str, str], plan: str) -> None:
    meta = workbook.add_worksheet(META_SHEET)
    rows = [
        ("informante", reporter.nombre), ("ronda", ronda), ("version", TEMPLATE_VERSION),
        ("plan", plan),
        ("idioma", lang), ("hoja_matriz", names["matriz"]),
        ("hoja_instrucciones", names["instrucciones"]), ("fila_encabezado", str(HEADER_ROW + 1)),
        *((f"celda_{key}", cell) for key, cell in contact_cells.items()),
        *((key, value) for key, value in names.items() if key.startswith("hoja_")),
    ]
    for r, (key, value) in enumerate(rows):
        meta.write_string(r, 0, key)
        meta.write_string(r, 1, value)
    meta.very_hidden()
