"""The public edition for civil society (SPEC §6, issue 5): no row marked `reservado`, no
focal point's name, e-mail or phone anywhere in the file.

The edition is a new result built from the public rows only (summaries, charts, issues
and changes recomputed from them), without the submissions' contact columns, and with
any occurrence of a focal point's name, e-mail or phone in a text cell replaced. Nothing
else is carried over, so no hidden sheet, comment, defined name, document property, chart
cache or shared string can hold what was left out.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.provenance import Submission

if TYPE_CHECKING:
    from pipeline.run import RunResult

REDACTED = {"es": "[dato personal omitido]", "en": "[personal data removed]"}
PERSONAL = ("contacto_nombre", "contacto_correo", "contacto_telefono")


def personal_texts(subs: list[Submission]) -> list[str]:
    """Every name, e-mail and phone focal points wrote, longest first."""
    found = {getattr(s, field).strip() for s in subs for field in PERSONAL}
    return sorted((t for t in found if len(t) >= 3), key=len, reverse=True)


def public_edition(result: RunResult) -> RunResult:
    from pipeline.run import build_tables

    matrix = result.matrix
    reserved = matrix["reservado"].astype(bool)
    hidden = set(zip(matrix.loc[reserved, "archivo"], matrix.loc[reserved, "hoja"],
                     matrix.loc[reserved, "fila"].astype(int), strict=True))
    personal = personal_texts(result.submissions)
    scrub = _scrubber(personal, REDACTED["en" if result.lang == "en" else "es"])
    public_matrix = _scrub_frame(matrix[~reserved].reset_index(drop=True), scrub)
    issues = [dataclasses.replace(i, valor=scrub(i.valor), sugerencia=scrub(i.sugerencia))
              for i in result.issues if (i.archivo, i.hoja, i.fila) not in hidden]
    subs = [dataclasses.replace(s, **{field: "" for field in PERSONAL})
            for s in result.submissions]
    tables, summary = build_tables(public_matrix, issues, subs, result.ref, result.lang)
    tables = {k: _scrub_frame(t, scrub) for k, t in tables.items()}
    if "cambios" in result.tables:
        changes = result.tables["cambios"]
        tables["cambios"] = _scrub_frame(changes[~changes["_reservado"].astype(bool)], scrub)
    return dataclasses.replace(result, matrix=public_matrix, issues=issues, submissions=subs,
                               tables=tables, summary=summary, history=None, written=[])


def _scrubber(personal: list[str], mark: str):  # type: ignore[no-untyped-def]
    if not personal:
        return lambda text: text
    pattern = re.compile("|".join(re.escape(p) for p in personal), re.IGNORECASE)

    def scrub(text: object) -> object:
        return pattern.sub(mark, text) if isinstance(text, str) else text

    return scrub


def _scrub_frame(frame: pd.DataFrame, scrub) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    frame = frame.copy(deep=False)  # whole columns are replaced: no row copy
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].map(scrub)
    return frame
