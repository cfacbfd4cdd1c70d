"""Who has what overdue or due soon (issue 5): the items of each responsible party, for
the reminder lists. A party named among several gets the item too. A name that is no
known party ("Guatamala") gets no list of its own as if it were one: its items go to the
list of unidentified parties, with the party it probably meant.

An item an observer observed (issue 20) carries the observation (`_observado`): a reminder
shows it under the item, in the reader's language. It never makes an item pending."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from pipeline.analyse.indicator_lines import COLUMN as MEASURED_COLUMN
from pipeline.analyse.indicator_lines import (
    MEASURED,
    measured_lines,
    per_item,
    with_measured,
)
from pipeline.model.labels import status_labels
from pipeline.model.run import counted
from pipeline.model.text import distinct_texts, one_line
from pipeline.normalize.matching import Matcher
from pipeline.reference.data import Reference
from pipeline.words import word

COLUMNS = ("situacion", "dias_vencido", "fecha_limite", "plazo", "estado",
           "observacion_observador", MEASURED_COLUMN, "id", "actividad", "informante",
           "archivo", "responsable")
NO_PARTY = "(sin responsable)"
COMBINED = "todos"  # the file of every pending item
UNIDENTIFIED = "sin_identificar"  # the file of the items of names that are no known party
UNIDENTIFIED_COLUMNS = ("parte_escrita", "sugerencia", *COLUMNS)
OBSERVED = "_observado"  # a pending item's observations (a tuple of Observed)


class Observed(NamedTuple):
    """An observer's view of an item, as a reminder shows it."""

    observador: str
    estado: str  # a status key, "sin_informacion", the text as written, or ""
    observacion: str
    evidencia: str


@dataclass
class Reminders:
    as_of: dt.date
    by_party: dict[str, pd.DataFrame] = field(default_factory=dict)
    combined: pd.DataFrame = field(default_factory=pd.DataFrame)
    unidentified: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=list(UNIDENTIFIED_COLUMNS)))

    @property
    def overdue(self) -> int:
        """Overdue lines (an activity reported by two reporters is two)."""
        return int(self.combined["situacion"].eq("vencido").sum()) if len(self.combined) else 0

    @property
    def overdue_activities(self) -> int:
        """Distinct overdue activities."""
        if not len(self.combined):
            return 0
        overdue = self.combined[self.combined["situacion"].eq("vencido")]
        return distinct_texts(overdue["actividad"])


def build_reminders(matrix: pd.DataFrame, as_of: dt.date, matcher: Matcher,
                    observations: pd.DataFrame | None = None,
                    indicators: pd.DataFrame | None = None) -> Reminders:
    """Who has what overdue or due soon; a party named among several gets the item too,
    a name no party goes by to the unidentified list. `observations` (the round's
    `observaciones` table) go with the items they observe, `indicators` (its
    `indicadores`) with the items they measure."""
    days = matrix.get("_dias_vencido", matrix.get("dias_vencido"))
    pending = matrix["vencido"] | matrix["por_vencer"]
    # (only the columns a reminder shows or is sorted by: a million rows' matrix has
    # fifty, and a round's pending items are a quarter of its rows)
    rows = matrix.loc[pending, [c for c in (*COLUMNS, "vencido") if c in matrix
                                and c != "dias_vencido"]]
    rows["dias_vencido"] = None if days is None else days[pending]
    rows[OBSERVED] = per_item(rows, observed_by_item(observations))
    rows = with_measured(rows, indicators)
    rows["situacion"] = rows["vencido"].map({True: "vencido", False: "por_vencer"})
    rows["dias_vencido"] = rows["dias_vencido"].astype("Int64")
    rows = rows.sort_values(["situacion", "dias_vencido", "fecha_limite", "informante", "id"],
                            ascending=[False, False, True, True, True], kind="stable")
    combined = rows.reindex(columns=[*COLUMNS, OBSERVED, MEASURED]).reset_index(drop=True)
    del rows  # (a million rows' pending items held three times over: 60 MB more)
    result = Reminders(as_of, combined=combined)
    if combined.empty:  # nothing pending (or no rows at all): nobody to remind
        return result
    parties = combined["responsable"].where(combined["responsable"].ne(""), NO_PARTY)
    # Each party named, with the position of its item: the items themselves copied once,
    # into their party's list (not once more into a list of them all, a party a line).
    named = parties.str.split("; ").explode()
    at = pd.DataFrame({"_party": named.to_numpy(), "_at": named.index.to_numpy()})
    unknown = []
    for party, positions in at.groupby("_party", sort=True)["_at"]:
        name = str(party)
        if name == NO_PARTY:
            continue
        group = combined.take(positions.to_numpy())
        if matcher.ref.party(name) is not None:
            result.by_party[name] = group.reset_index(drop=True)
            continue
        suggestion = next((m.suggestion for _, m in matcher.parties(name) if m.suggestion),
                          "")
        unknown.append(group.assign(parte_escrita=name, sugerencia=suggestion))
    if unknown:
        result.unidentified = pd.concat(unknown, ignore_index=True).reindex(
            columns=[*UNIDENTIFIED_COLUMNS, OBSERVED, MEASURED])
    return result


def in_words(items: pd.DataFrame, lang: str, ref: Reference) -> pd.DataFrame:
    """Pending items as a reader sees them: situation, status and parties (the suggested
    one too, for an unidentified name) as words in `lang`, and the observations of each
    item, a line each."""
    shown = items.copy()
    if OBSERVED in shown:
        shown["observacion_observador"] = shown.pop(OBSERVED).map(
            lambda seen: "\n".join(observed_lines(seen, lang, ref)))
    if MEASURED in shown:
        shown[MEASURED_COLUMN] = shown.pop(MEASURED).map(
            lambda seen: "\n".join(measured_lines(seen, lang)))
    shown["situacion"] = shown["situacion"].map(lambda k: word(f"situation.{k}", lang))
    shown["estado"] = shown["estado"].map(lambda k: ref.status_label(k, lang) if k else "")
    for column in ("responsable", "informante", "sugerencia"):
        if column in shown:
            shown[column] = shown[column].map(
                lambda v: ref.label("parte", v, lang) if v else "")
    return shown


def observed_by_item(table: pd.DataFrame | None) -> dict[tuple[str, str], tuple[Observed, ...]]:
    """(informante, id) -> the views of that item that say something, in the table's order
    (an observation of an item nobody reported names no item to go with)."""
    if table is None or table.empty:
        return {}
    known = counted(table)
    seen: dict[tuple[str, str], list[Observed]] = {}
    for r in known.to_dict("records"):
        view = Observed(*(_text(r.get(k)) for k in ("observador", "estado_observado",
                                                    "observacion", "evidencia")))
        if view.estado or view.observacion or view.evidencia:
            seen.setdefault((_text(r["informante"]), _text(r["id"])), []).append(view)
    return {key: tuple(views) for key, views in seen.items()}


def observed_lines(seen: tuple[Observed, ...], lang: str, ref: Reference,
                   escape: Callable[[object], str] = str) -> list[str]:
    """Each view as a line: "Red civil observa: No alcanzado — «…» (evidencia: …)"; `escape`
    makes the texts from the files safe for the format (Markdown)."""
    labels = status_labels(ref, lang)
    lines = []
    for view in seen:
        observer = escape(ref.label("parte", view.observador, lang))
        status = escape(labels.get(view.estado, view.estado))
        parts = [word("reminder.observed_status", lang, observer=observer, status=status)
                 if view.estado else word("reminder.observed", lang, observer=observer)]
        if view.observacion:
            parts.append(word("reminder.observed_text", lang,
                              text=escape(one_line(view.observacion))))
        if view.evidencia:
            parts.append(word("reminder.observed_evidence", lang,
                              evidence=escape(one_line(view.evidencia))))
        lines.append(" ".join(parts))
    return lines


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
