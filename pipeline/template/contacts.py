"""The contacts workbook `seguimiento init` writes into a workspace (`contactos.xlsx`):
the titles the mail commands read (Parte, Nombre, Correo, Idioma, Copia), dropdowns for
the party, the language and the copy mark, and a sheet that says how to fill it. No
example row: whatever is written under the titles is a contact."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from xlsxwriter.utility import xl_col_to_name

from pipeline.reference.data import Reference
from pipeline.words import word
from pipeline.write.printing import Paper, Printing, setup, text_height
from pipeline.write.xlsx import Formats, new_workbook

COLUMNS = ("parte", "nombre", "correo", "idioma", "copia")
WIDTHS = (26, 30, 34, 10, 10)
ROWS = 500  # rows with dropdowns
GUIDE_WIDTH = 100


def write_contacts_book(path: Path, ref: Reference, lang: str, today: dt.date) -> None:
    heading = word("contacts.title", lang, **ref.red.placeholders(lang))
    workbook = new_workbook(path, today, heading)
    formats = Formats(workbook)
    printing = Printing(Paper(ref.papel), heading, lang)
    sheet = workbook.add_worksheet(word("contacts.sheet", lang))
    for c, (key, width) in enumerate(zip(COLUMNS, WIDTHS, strict=True)):
        sheet.write(0, c, word(f"contacts.column.{key}", lang), formats.header)
        sheet.set_column(c, c, width, formats.text)
    sheet.freeze_panes(1, 0)
    lists = {
        "parte": sorted({ref.label("parte", p.nombre, lang) for p in ref.responsables}),
        "idioma": ["es", "en"],
        "copia": [word("yes", lang), word("no", lang)],
    }
    hidden = workbook.add_worksheet(word("contacts.lists", lang))
    for n, (key, values) in enumerate(lists.items()):
        hidden.write(0, n, key)
        hidden.write_column(1, n, values)
        letter = xl_col_to_name(n)
        col = COLUMNS.index(key)
        sheet.data_validation(1, col, ROWS, col, {
            "validate": "list", "error_type": "warning", "error_title": "Seguimiento",
            "source": f"='{hidden.get_name()}'!${letter}$2:${letter}${len(values) + 1}",
            "input_title": word(f"contacts.column.{key}", lang),
            "input_message": word(f"contacts.hint.{key}", lang),
            "error_message": word(f"contacts.hint.{key}", lang)})
    for key in ("nombre", "correo"):
        col = COLUMNS.index(key)
        sheet.data_validation(1, col, ROWS, col, {
            "validate": "any", "input_title": word(f"contacts.column.{key}", lang),
            "input_message": word(f"contacts.hint.{key}", lang)})
    hidden.hide()
    setup(sheet, printing, list(WIDTHS), portrait=True)
    guide = workbook.add_worksheet(word("contacts.guide", lang))
    guide.set_column(0, 0, GUIDE_WIDTH, formats.wrap)
    guide.write(0, 0, heading, formats.title)
    for r, text in enumerate(word("contacts.instructions", lang,
                                         **ref.red.placeholders(lang)).split("\n"), start=2):
        guide.set_row(r, text_height(text, GUIDE_WIDTH))
        guide.write_string(r, 0, text, formats.wrap)
    setup(guide, printing, [GUIDE_WIDTH], header_row=None, portrait=True)
    sheet.activate()
    workbook.close()
