"""The prepared messages on disk: one `.eml` per message (a draft, or the message as it
was sent), and the index of what was prepared for whom and what became of it —
`indice.xlsx` in the run's language and `indice.csv` with stable keys for scripts — with
the parties left out for lack of a contact and the contacts' problems at their cells.
Written aside and moved into place as one set: a rerun replaces it whole."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.mail.compose import LeftOut
from pipeline.mail.message import Draft
from pipeline.mail.send import Outcome
from pipeline.reference.data import Reference
from pipeline.words import word
from pipeline.write.csvfile import write_csv
from pipeline.write.printing import Paper, Printing
from pipeline.write.staging import output_lock, staging
from pipeline.write.xlsx import Formats, new_workbook, write_table
from validation import Issue

INDEX = "indice"
INDEX_COLUMNS = ("mensaje_archivo", "tipo_mensaje", "destinatario", "idioma", "para", "copia",
                 "asunto", "adjunto", "resultado", "motivo", "momento")
WIDTHS = {"mensaje_archivo": 24, "tipo_mensaje": 14, "destinatario": 18, "idioma": 8,
          "para": 30, "copia": 26, "asunto": 40, "adjunto": 22, "resultado": 14,
          "motivo": 36, "momento": 20}
ISSUE_COLUMNS = ("severidad", "celda", "mensaje", "valor")


@dataclass(frozen=True)
class Prepared:
    drafts: list[Draft]
    left_out: list[LeftOut]
    issues: list[Issue]  # the contacts'


def write_mail(prepared: Prepared, out_dir: Path, ref: Reference, lang: str, kind: str,
               as_of: dt.date, outcomes: dict[tuple[str, str, str, str], Outcome] | None = None,
               ) -> list[Path]:
    """Every draft (or sent message) and the index; the paths written."""
    outcomes = outcomes or {}
    names: list[str] = []
    with output_lock(out_dir), staging(out_dir, f"correo-{kind}") as stage:
        for draft in prepared.drafts:
            outcome = outcomes.get(draft.key)
            # (a message that went, now or earlier today, is written as sent: opened, it
            # is no draft ready to be sent again)
            sent = outcome is not None and outcome.state in ("enviado", "ya_enviado")
            at = dt.datetime.fromisoformat(outcome.at) if sent and outcome else None
            data = draft.email(draft=not sent, sent_at=at).as_bytes()
            (stage / f"{draft.stem}.eml").write_bytes(data)
            names.append(f"{draft.stem}.eml")
        rows = _rows(prepared, ref, outcomes, lang)
        keyed = pd.DataFrame([{**r, "tipo_mensaje": r["_tipo"], "resultado": r["_resultado"]}
                              for r in rows], columns=[*INDEX_COLUMNS, "_tipo", "_resultado"])
        write_csv(keyed, stage / f"{INDEX}.csv")
        shown = pd.DataFrame(rows, columns=[*INDEX_COLUMNS, "_tipo", "_resultado"])
        _workbook(stage / f"{INDEX}.xlsx", shown, prepared.issues, ref, lang, kind, as_of)
        names += [f"{INDEX}.csv", f"{INDEX}.xlsx"]
    return [out_dir / name for name in names]


def _rows(prepared: Prepared, ref: Reference, outcomes: dict[tuple[str, str, str, str], Outcome],
          lang: str) -> list[dict[str, str]]:
    rows = []
    for draft in prepared.drafts:
        outcome = outcomes.get(draft.key, Outcome("preparado"))
        rows.append({
            "mensaje_archivo": f"{draft.stem}.eml",
            "tipo_mensaje": word(f"mail.kind.{draft.kind}", lang), "_tipo": draft.kind,
            "destinatario": ref.label("parte", draft.parte, lang), "idioma": draft.lang,
            "para": ", ".join(c.correo for c in draft.to),
            "copia": ", ".join(c.correo for c in draft.cc), "asunto": draft.subject,
            "adjunto": draft.attachment[0] if draft.attachment else "",
            "resultado": word(f"mail.state.{outcome.state}", lang), "_resultado": outcome.state,
            "motivo": outcome.reason, "momento": outcome.at})
    for left in prepared.left_out:
        rows.append({
            "mensaje_archivo": "", "tipo_mensaje": word(f"mail.kind.{left.kind}", lang),
            "_tipo": left.kind, "destinatario": ref.label("parte", left.parte, lang),
            "idioma": "", "para": "", "copia": "", "asunto": "", "adjunto": "",
            "resultado": word("mail.state.sin_contacto", lang), "_resultado": "sin_contacto",
            "motivo": word("mail.reason.sin_contacto", lang, file="contactos.xlsx"),
            "momento": ""})
    return rows


def _workbook(path: Path, rows: pd.DataFrame, issues: Sequence[Issue], ref: Reference,
              lang: str, kind: str, as_of: dt.date) -> None:
    heading = f"{word(f'mail.kind.{kind}', lang)} — {as_of.isoformat()}"
    workbook = new_workbook(path, as_of, heading)
    formats = Formats(workbook)
    printing = Printing(Paper(ref.papel), heading, lang)
    table = rows[list(INDEX_COLUMNS)]
    write_table(workbook, formats, word("sheet.indice", lang), table,
                [word(f"column.{c}", lang) for c in INDEX_COLUMNS], printing, WIDTHS,
                select=False)
    if issues:
        listed = pd.DataFrame([{"severidad": i.severity_label(lang), "celda": i.where(),
                                "mensaje": i.message(lang), "valor": i.valor} for i in issues],
                              columns=list(ISSUE_COLUMNS))
        write_table(workbook, formats, word("sheet.problemas_contactos", lang), listed,
                    [word(f"column.{c}", lang) for c in ISSUE_COLUMNS], printing,
                    {"severidad": 11, "celda": 30, "mensaje": 60, "valor": 24}, select=False)
    workbook.close()
