"""Overdue lists for reminders (issue 5): one file per responsible party with its overdue
and due-soon items and a message ready to paste into an e-mail, plus one combined list.
Meant for cron and systemd timers: the CLI stays quiet and its exit code says whether
anything is overdue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.analyse.tables import iso_day
from pipeline.reference.load import Reference
from pipeline.store.history import latest_items_per_reporter, open_history
from pipeline.write.csvfile import write_csv
from pipeline.write.filenames import file_stems
from pipeline.write.markdown import md_table, md_text
from pipeline.write.staging import output_lock, refuse_inside, staging
from pipeline.write.xlsx import Formats, new_workbook, write_table

COLUMNS = ("situacion", "dias_vencido", "fecha_limite", "plazo", "estado", "id", "actividad",
           "informante", "archivo", "responsable")
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
NO_PARTY = "(sin responsable)"
COMBINED = "todos"  # the file of every pending item


@dataclass
class Reminders:
    as_of: dt.date
    by_party: dict[str, pd.DataFrame] = field(default_factory=dict)
    combined: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def overdue(self) -> int:
        return int(self.combined["situacion"].eq("vencido").sum()) if len(self.combined) else 0


def items_from_history(path: Path, as_of: dt.date, window: int) -> pd.DataFrame:
    """Each reporter's latest stored items, flagged again at `as_of`."""
    with open_history(path, create=False) as conn:
        items = latest_items_per_reporter(conn, "\uffff")
    today = pd.Timestamp(as_of)
    due = items["fecha_limite"]
    open_item = items["estado"].ne("finalizado")
    items["vencido"] = (due < today) & open_item
    items["por_vencer"] = (due >= today) & (due <= today + pd.Timedelta(days=window)) & open_item
    items["_dias_vencido"] = (today - due).dt.days.where(items["vencido"])
    return items


def build_reminders(matrix: pd.DataFrame, as_of: dt.date) -> Reminders:
    """Who has what overdue or due soon; a party named among several gets the item too."""
    days = matrix.get("_dias_vencido", matrix.get("dias_vencido"))
    rows = matrix.assign(dias_vencido=days)
    rows = rows[rows["vencido"] | rows["por_vencer"]].copy()
    rows["situacion"] = rows["vencido"].map({True: "vencido", False: "por_vencer"})
    rows["dias_vencido"] = rows["dias_vencido"].astype("Int64")
    rows = rows.sort_values(["situacion", "dias_vencido", "fecha_limite", "informante", "id"],
                            ascending=[False, False, True, True, True], kind="stable")
    combined = rows.reindex(columns=list(COLUMNS)).reset_index(drop=True)
    result = Reminders(as_of, combined=combined)
    parties = combined["responsable"].where(combined["responsable"].ne(""), NO_PARTY)
    exploded = combined.assign(_party=parties.str.split("; ")).explode("_party")
    for party, group in exploded.groupby("_party", sort=True):
        if party != NO_PARTY:
            result.by_party[str(party)] = group.drop(columns="_party").reset_index(drop=True)
    return result


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



def run_reminders(input_dir: Path | None, as_of: dt.date, out_dir: Path | None, fmt: str,
                  lang: str | None, history: Path | None,
                  config: Path | None) -> tuple[Reminders, list[Path]]:
    """From a folder of returned files or from the history, to the written lists."""
    from pipeline.jobs.consolidate import Options, analyze
    from pipeline.reference.load import load_reference
    from pipeline.store.rounds import history_path

    ref = load_reference(config)
    target = out_dir or Path("output") / "recordatorios" / as_of.isoformat()
    if input_dir is not None:
        refuse_inside(input_dir, target)
        matrix = analyze(Options(input_dir=input_dir, as_of=as_of, config=config,
                                 expect_all=False)).matrix
    else:
        matrix = items_from_history(history_path(None, history), as_of, ref.dias_por_vencer)
    reminders = build_reminders(matrix, as_of)
    return reminders, write_reminders(reminders, target, fmt, ref, lang)
