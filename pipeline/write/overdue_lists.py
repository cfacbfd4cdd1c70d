"""The reminder lists (issue 5): for each responsible party a file of its overdue and
due-soon items with a message ready to paste into an e-mail, in its language, plus one
combined list; as xlsx, csv (with a .txt message) or md."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from pipeline.analyse.overdue import COLUMNS, COMBINED, Reminders
from pipeline.analyse.tables import iso_day
from pipeline.reference.data import Reference
from pipeline.write.csvfile import write_csv
from pipeline.write.filenames import file_stems
from pipeline.write.markdown import md_table, md_text
from pipeline.write.staging import output_lock, staging
from pipeline.write.xlsx import Formats, new_workbook, write_table

TITLES = {
    "es": {"situacion": "Situación", "dias_vencido": "Días de atraso",
           "fecha_limite": "Fecha límite", "plazo": "Plazo", "estado": "Estado", "id": "ID",
           "actividad": "Actividad", "informante": "Informante", "archivo": "Archivo",
           "responsable": "Parte responsable"},
    "en": {"situacion": "Situation", "dias_vencido": "Days overdue",
           "fecha_limite": "Due date", "plazo": "Deadline", "estado": "Status", "id": "ID",
           "actividad": "Activity", "informante": "Reporter", "archivo": "File",
           "responsable": "Responsible party"},
}
SITUATION = {"es": {"vencido": "vencido", "por_vencer": "por vencer"},
             "en": {"vencido": "overdue", "por_vencer": "due soon"}}
MESSAGES = {
    "es": {
        "greeting": "Estimado(s) punto(s) focal(es) de {party}:",
        "intro": "Según la matriz de seguimiento de la CRM al {as_of}, {overdue} compromiso(s) "
                 "a su cargo tienen el plazo vencido y {soon} vencen en los próximos {window} "
                 "días:",
        "overdue": "- {actividad} (plazo {due}, {days} días de atraso; informado por "
                   "{informante})",
        "soon": "- {actividad} (plazo {due}; informado por {informante})",
        "ask": "Le agradeceremos actualizar su estado en la próxima matriz.",
        "signature": "Secretaría Ejecutiva de la CRM",
    },
    "en": {
        "greeting": "Dear focal point(s) of {party},",
        "intro": "According to the CRM monitoring matrix as of {as_of}, {overdue} "
                 "commitment(s) in your charge are overdue and {soon} are due within the next "
                 "{window} days:",
        "overdue": "- {actividad} (due {due}, {days} days overdue; reported by {informante})",
        "soon": "- {actividad} (due {due}; reported by {informante})",
        "ask": "Please update their status in the next monitoring matrix.",
        "signature": "CRM Executive Secretariat",
    },
}


def message(party: str, items: pd.DataFrame, as_of: dt.date, window: int, lang: str,
            escape: Callable[[object], str] = str) -> str:
    """A message ready to paste into an e-mail to the party, in its language; `escape`
    makes the texts from the files safe for the format (Markdown)."""
    words = MESSAGES["en" if lang == "en" else "es"]
    overdue = items[items["situacion"] == "vencido"]
    soon = items[items["situacion"] == "por_vencer"]
    lines = [words["greeting"].format(party=escape(party)), "",
             words["intro"].format(as_of=as_of.isoformat(), overdue=len(overdue),
                                   soon=len(soon), window=window), ""]
    for kind, rows in (("overdue", overdue), ("soon", soon)):
        lines += [words[kind].format(actividad=escape(r.actividad),
                                     due=iso_day(r.fecha_limite), days=r.dias_vencido,
                                     informante=escape(r.informante))
                  for r in rows.itertuples()]
    lines += ["", words["ask"], "", words["signature"]]
    return "\n".join(lines)


def write_reminders(reminders: Reminders, out_dir: Path, fmt: str, ref: Reference,
                    lang: str | None) -> list[Path]:
    """Every party's file and the combined list. They replace the lists of this format
    that an earlier run wrote into the folder (a party with nothing pending any more gets
    no file); nothing else in the folder is touched."""
    window = ref.dias_por_vencer
    names: list[str] = []
    stems = file_stems(reminders.by_party, taken=[COMBINED])
    with output_lock(out_dir), staging(out_dir, f"recordatorios-{fmt}") as stage:
        for party, items in reminders.by_party.items():
            party_lang = lang or ref.language_of(party)
            text = message(party, items, reminders.as_of, window, party_lang,
                           md_text if fmt == "md" else str)
            names += _write(stage, stems[party], _localized(items, party_lang, ref), text,
                            fmt, party_lang, reminders.as_of)
        every = lang or "es"
        names += _write(stage, COMBINED, _localized(reminders.combined, every, ref), "", fmt,
                        every, reminders.as_of)
    return [out_dir / name for name in names]


def _localized(items: pd.DataFrame, lang: str, ref: Reference) -> pd.DataFrame:
    """Situation and status as words in the list's language."""
    lang = "en" if lang == "en" else "es"
    shown = items.copy()
    shown["situacion"] = shown["situacion"].map(SITUATION[lang])
    shown["estado"] = shown["estado"].map(lambda k: ref.status_label(k, lang) if k else "")
    return shown


def _write(stage: Path, stem: str, items: pd.DataFrame, text: str, fmt: str,
           lang: str, as_of: dt.date) -> list[str]:
    lang = "en" if lang == "en" else "es"
    titles = TITLES[lang]
    if fmt == "csv":
        write_csv(items, stage / f"{stem}.csv")
        if text:
            (stage / f"{stem}.txt").write_text(text + "\n", encoding="utf-8")
            return [f"{stem}.csv", f"{stem}.txt"]
        return [f"{stem}.csv"]
    if fmt == "md":
        table = md_table(items.reindex(columns=list(COLUMNS)), [titles[c] for c in COLUMNS])
        parts = [text, "", table] if text else [table]
        (stage / f"{stem}.md").write_text("\n".join(parts) + "\n", encoding="utf-8")
        return [f"{stem}.md"]
    workbook = new_workbook(stage / f"{stem}.xlsx", as_of, stem)
    formats = Formats(workbook)
    sheet_name = "Pending" if lang == "en" else "Pendientes"
    write_table(workbook, formats, sheet_name, items, [titles[c] for c in COLUMNS])
    if text:
        note = workbook.add_worksheet("Message" if lang == "en" else "Mensaje")
        note.set_column(0, 0, 100, formats.wrap)
        note.write_string(0, 0, text, formats.wrap)
        note.set_row(0, 15 * (text.count("\n") + 2))
    workbook.close()
    return [f"{stem}.xlsx"]
