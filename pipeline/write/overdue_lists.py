"""The reminder lists (issue 5): for each responsible party a file of its overdue and
due-soon items with a message ready to paste into an e-mail, in its language, plus one
combined list; as xlsx, csv (with a .txt message) or md."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import cast

import pandas as pd
from xlsxwriter.workbook import Workbook

from pipeline.analyse.indicator_lines import COLUMN as MEASURED_COLUMN
from pipeline.analyse.indicator_lines import MEASURED, Measured, measured_lines
from pipeline.analyse.overdue import (
    COLUMNS,
    COMBINED,
    OBSERVED,
    UNIDENTIFIED,
    UNIDENTIFIED_COLUMNS,
    Observed,
    Reminders,
    in_words,
    observed_lines,
)
from pipeline.model.labels import title
from pipeline.model.text import distinct_texts
from pipeline.model.values import iso_day
from pipeline.reference.data import Reference
from pipeline.words import plural, word
from pipeline.write.consolidated import WIDTHS
from pipeline.write.csvfile import write_csv
from pipeline.write.filenames import file_stems
from pipeline.write.markdown import md_table, md_text
from pipeline.write.printing import Paper, Printing, setup, text_height
from pipeline.write.staging import output_lock, staging
from pipeline.write.xlsx import Formats, new_workbook, write_table

MESSAGE_WIDTH = 90  # characters: a page wide, portrait
OBSERVATION = "observacion_observador"  # the observers' views of an item, a line each
# A list with observations: their column, and the long texts wrapped narrower, so that the
# list still prints one page across at a readable size.
OBSERVED_WIDTHS = {**WIDTHS, OBSERVATION: 30, "actividad": 32, "archivo": 16,
                   "responsable": 16, "plazo": 14}


def message(party: str, items: pd.DataFrame, as_of: dt.date, window: int, lang: str,
            ref: Reference, escape: Callable[[object], str] = str) -> str:
    """A message ready to paste into an e-mail to the party, in its language; `escape`
    makes the texts from the files safe for the format (Markdown)."""
    overdue = items[items["situacion"] == "vencido"]
    soon = items[items["situacion"] == "por_vencer"]
    said = plural("reminder.overdue", lang, len(overdue))
    distinct = distinct_texts(overdue["actividad"])
    if distinct != len(overdue):  # an activity reported by several is on several lines
        said += plural("reminder.distinct", lang, distinct)
    lines = [word("reminder.greeting", lang, party=escape(ref.label("parte", party, lang))),
             "", word("reminder.intro", lang, as_of=as_of.isoformat(), overdue=said,
                      **ref.red.placeholders(lang),
                      soon=plural("reminder.soon", lang, len(soon), window=window)), ""]
    for r in overdue.to_dict("records"):
        lines.append(word("reminder.item_overdue", lang, actividad=escape(r["actividad"]),
                          due=iso_day(r["fecha_limite"]),
                          days=plural("reminder.days", lang, int(r["dias_vencido"])),
                          informante=escape(ref.label("parte", str(r["informante"]), lang))))
        lines += _observed(r, lang, ref, escape) + _measured(r, lang, escape)
    for r in soon.to_dict("records"):
        lines.append(word("reminder.item_soon", lang, actividad=escape(r["actividad"]),
                          due=iso_day(r["fecha_limite"]),
                          informante=escape(ref.label("parte", str(r["informante"]), lang))))
        lines += _observed(r, lang, ref, escape) + _measured(r, lang, escape)
    lines += ["", word("reminder.ask", lang), "", ref.correo.signature(lang)]
    return "\n".join(lines)


def _observed(item: Mapping[Hashable, object], lang: str, ref: Reference,
              escape: Callable[[object], str]) -> list[str]:
    """The observers' views of an item, each a line under it (a nested list item)."""
    seen = cast(tuple[Observed, ...], item.get(OBSERVED) or ())
    return ["  - " + line for line in observed_lines(seen, lang, ref, escape)]


def _measured(item: Mapping[Hashable, object], lang: str,
              escape: Callable[[object], str]) -> list[str]:
    """The item's indicators, each a line under it (a nested list item)."""
    seen = cast(tuple[Measured, ...], item.get(MEASURED) or ())
    return ["  - " + line for line in measured_lines(seen, lang, escape)]


def write_reminders(reminders: Reminders, out_dir: Path, fmt: str, ref: Reference,
                    lang: str | None, combined_lang: str = "es") -> list[Path]:
    """Every party's file and the combined list. They replace the lists of this format
    that an earlier run wrote into the folder (a party with nothing pending any more gets
    no file); nothing else in the folder is touched."""
    window = ref.dias_por_vencer
    names: list[str] = []
    stems = file_stems(reminders.by_party, taken=[COMBINED, UNIDENTIFIED])
    day = reminders.as_of

    def printing(who: str, in_lang: str) -> Printing:
        return _printing(ref, who, in_lang, day)

    with output_lock(out_dir), staging(out_dir, f"recordatorios-{fmt}") as stage:
        for party, items in reminders.by_party.items():
            party_lang = lang or ref.language_of(party)
            text = message(party, items, day, window, party_lang, ref,
                           md_text if fmt == "md" else str)
            names += _write(stage, stems[party], in_words(items, party_lang, ref), text,
                            fmt, printing(ref.label("parte", party, party_lang), party_lang),
                            day)
        every = lang or combined_lang
        names += _write(stage, COMBINED, in_words(reminders.combined, every, ref), "", fmt,
                        printing(word("reminder.everyone", every), every), day)
        if len(reminders.unidentified):
            unknown = in_words(reminders.unidentified, every, ref)
            names += _write(stage, UNIDENTIFIED, unknown,
                            word("reminder.unidentified", every), fmt,
                            printing(word("reminder.nobody_known", every), every), day,
                            UNIDENTIFIED_COLUMNS)
    return [out_dir / name for name in names]


def party_workbook(folder: Path, party: str, items: pd.DataFrame, ref: Reference, lang: str,
                   as_of: dt.date) -> Path:
    """One party's list as the reminders write it (its items and the message), in `lang`:
    the attachment of its e-mail."""
    label = ref.label("parte", party, lang)
    stem = file_stems([label])[label]  # its name in the reader's language
    text = message(party, items, as_of, ref.dias_por_vencer, lang, ref)
    printing = _printing(ref, label, lang, as_of)
    [name] = _write(folder, stem, in_words(items, lang, ref), text, "xlsx", printing, as_of)
    return folder / name


def _printing(ref: Reference, who: str, lang: str, day: dt.date) -> Printing:
    return Printing(Paper(ref.papel), word("reminder.heading", lang, party=who,
                                           as_of=day.isoformat()), lang)


def _write(stage: Path, stem: str, items: pd.DataFrame, text: str, fmt: str,
           printing: Printing, as_of: dt.date, columns: tuple[str, ...] = COLUMNS,
           ) -> list[str]:
    lang = printing.lang
    for optional in (OBSERVATION, MEASURED_COLUMN):
        if fmt != "csv" and not items.get(optional, pd.Series(dtype=str)).fillna("").any():
            # Nobody observed (or measured) these items: a printed list keeps its width for
            # theirs (a CSV keeps every column).
            columns = tuple(c for c in columns if c != optional)
    titles = [title(c, lang) for c in columns]
    items = items.reindex(columns=list(columns))
    if fmt == "csv":
        write_csv(items, stage / f"{stem}.csv")
        if text:
            (stage / f"{stem}.txt").write_text(text + "\n", encoding="utf-8")
            return [f"{stem}.csv", f"{stem}.txt"]
        return [f"{stem}.csv"]
    if fmt == "md":
        table = md_table(items, titles)
        parts = [text, "", table] if text else [table]
        (stage / f"{stem}.md").write_text("\n".join(parts) + "\n", encoding="utf-8")
        return [f"{stem}.md"]
    workbook = new_workbook(stage / f"{stem}.xlsx", as_of, printing.heading)
    formats = Formats(workbook)
    write_table(workbook, formats, word("sheet.pendientes", lang), items, titles, printing,
                {**(OBSERVED_WIDTHS if OBSERVATION in columns else WIDTHS),
                 MEASURED_COLUMN: 30}, select=False)
    if text:
        _message_sheet(workbook, formats, text, printing)
    workbook.close()
    return [f"{stem}.xlsx"]


def _message_sheet(workbook: Workbook, formats: Formats, text: str,
                   printing: Printing) -> None:
    """The message, a paragraph a row (a row never breaks across pages; a whole message
    in one cell would run off the page), ready to copy into an e-mail."""
    note = workbook.add_worksheet(word("sheet.mensaje", printing.lang))
    note.set_column(0, 0, MESSAGE_WIDTH, formats.wrap)
    for r, paragraph in enumerate(text.split("\n")):
        note.set_row(r, text_height(paragraph, MESSAGE_WIDTH))
        if paragraph:
            note.write_string(r, 0, paragraph, formats.wrap)
    setup(note, printing, [MESSAGE_WIDTH], header_row=None, portrait=True)
