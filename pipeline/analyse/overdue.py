"""Who has what overdue or due soon (issue 5): the items of each responsible party, for
the reminder lists. A party named among several gets the item too. A name that is no
known party ("Guatamala") gets no list of its own as if it were one: its items go to the
list of unidentified parties, with the party it probably meant."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from pipeline.model.text import distinct_texts
from pipeline.normalize.matching import Matcher
from pipeline.reference.data import Reference
from pipeline.words import word

COLUMNS = ("situacion", "dias_vencido", "fecha_limite", "plazo", "estado", "id", "actividad",
           "informante", "archivo", "responsable")
NO_PARTY = "(sin responsable)"
COMBINED = "todos"  # the file of every pending item
UNIDENTIFIED = "sin_identificar"  # the file of the items of names that are no known party
UNIDENTIFIED_COLUMNS = ("parte_escrita", "sugerencia", *COLUMNS)


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


def build_reminders(matrix: pd.DataFrame, as_of: dt.date, matcher: Matcher) -> Reminders:
    """Who has what overdue or due soon; a party named among several gets the item too,
    a name no party goes by to the unidentified list."""
    days = matrix.get("_dias_vencido", matrix.get("dias_vencido"))
    rows = matrix.assign(dias_vencido=days)
    rows = rows[rows["vencido"] | rows["por_vencer"]].copy()
    rows["situacion"] = rows["vencido"].map({True: "vencido", False: "por_vencer"})
    rows["dias_vencido"] = rows["dias_vencido"].astype("Int64")
    rows = rows.sort_values(["situacion", "dias_vencido", "fecha_limite", "informante", "id"],
                            ascending=[False, False, True, True, True], kind="stable")
    combined = rows.reindex(columns=list(COLUMNS)).reset_index(drop=True)
    result = Reminders(as_of, combined=combined)
    if combined.empty:  # nothing pending (or no rows at all): nobody to remind
        return result
    parties = combined["responsable"].where(combined["responsable"].ne(""), NO_PARTY)
    exploded = combined.assign(_party=parties.str.split("; ")).explode("_party")
    unknown = []
    for party, group in exploded.groupby("_party", sort=True):
        name = str(party)
        if name == NO_PARTY:
            continue
        if matcher.ref.party(name) is not None:
            result.by_party[name] = group.drop(columns="_party").reset_index(drop=True)
            continue
        suggestion = next((m.suggestion for _, m in matcher.parties(name) if m.suggestion),
                          "")
        unknown.append(group.drop(columns="_party").assign(parte_escrita=name,
                                                           sugerencia=suggestion))
    if unknown:
        result.unidentified = pd.concat(unknown, ignore_index=True).reindex(
            columns=list(UNIDENTIFIED_COLUMNS))
    return result


def in_words(items: pd.DataFrame, lang: str, ref: Reference) -> pd.DataFrame:
    """Pending items as a reader sees them: situation, status and parties (the suggested
    one too, for an unidentified name) as words in `lang`."""
    shown = items.copy()
    shown["situacion"] = shown["situacion"].map(lambda k: word(f"situation.{k}", lang))
    shown["estado"] = shown["estado"].map(lambda k: ref.status_label(k, lang) if k else "")
    for column in ("responsable", "informante", "sugerencia"):
        if column in shown:
            shown[column] = shown[column].map(
                lambda v: ref.label("parte", v, lang) if v else "")
    return shown
