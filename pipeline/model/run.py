"""A consolidation's options and result: what the commands pass to the stages and get
back. The result is built once the round is analysed, whole; the command makes a new one
(`dataclasses.replace`) where it learns more (where it was written)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.model.submission import Submission
from pipeline.model.text import distinct_texts

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.reference.data import Reference
    from validation import Issue


@dataclass(frozen=True)
class Options:
    """What `seguimiento consolidate` was asked."""

    input_dir: Path
    out_dir: Path | None = None  # the round's outputs [default: results/<round>]
    results: Path | None = None  # the folder of every round's outputs (a workspace's)
    as_of: dt.date = field(default_factory=dt.date.today)
    round: str | None = None
    lang: str = "es"
    config: Path | None = None
    history: Path | None = None  # the history database [default: beside the outputs]
    closing_date: dt.date | None = None  # files dated after it are late
    public: bool = False  # also write the public edition (to publish outside the network)


@dataclass(frozen=True)
class RunResult:
    ronda: str
    as_of: dt.date
    lang: str
    ref: Reference
    matrix: pd.DataFrame
    issues: list[Issue]
    submissions: list[Submission]
    tables: dict[str, pd.DataFrame]
    summary: dict[str, pd.DataFrame]
    extra_titles: dict[str, str] = field(default_factory=dict)
    expected: tuple[str, ...] = ()  # the reporters the round expected (none: a check)
    out_dir: Path | None = None  # where it was written
    history: Path | None = None  # where it is stored (None: not stored)
    previous: str | None = None  # the round changes are measured against

    def count(self, severity: str) -> int:
        return sum(issue.severity == severity for issue in self.issues)

    def received(self) -> set[str]:
        """The expected reporters whose file was read."""
        return {s.informante for s in self.submissions
                if s.estado == "leido"} & set(self.expected)

    def unlisted(self) -> int:
        """Files read whose reporter is not on the round's list of expected reporters."""
        return sum(1 for s in self.submissions
                   if s.estado == "leido" and s.informante not in self.expected)

    def overdue_activities(self) -> int:
        """Distinct overdue activities (the figure `vencidos` counts lines)."""
        return distinct_texts(self.matrix.loc[self.matrix["vencido"], "actividad"])

    def figures(self) -> dict[str, int]:
        """The headline figures. Timeliness is absent (n/a) when the round has no closing
        date: no file was judged late or on time."""
        m = self.matrix
        received = self.received()
        on_time = [s.a_tiempo for s in self.submissions if s.a_tiempo is not None]
        return {
            "actividades": len(m),
            "informantes": len(received),
            "esperados": len(self.expected),
            "finalizado": int(m["estado"].eq("finalizado").sum()),
            "en_proceso": int(m["estado"].eq("en_proceso").sum()),
            "pendiente": int(m["estado"].eq("pendiente").sum()),
            "no_alcanzado": int(m["estado"].eq("no_alcanzado").sum()),
            "vencidos": int(m["vencido"].sum()),
            "por_vencer": int(m["por_vencer"].sum()),
            "sin_responsable": int(m["sin_responsable"].sum()),
            "plazo_impreciso": int(m["plazo_impreciso"].sum()),
            "sin_indicador": int(m["sin_indicador"].sum()),
            "errores": self.count("error"),
            "advertencias": self.count("advertencia"),
            "archivos": sum(1 for s in self.submissions if s.archivo),
            "archivos_rechazados": sum(1 for s in self.submissions if s.estado == "rechazado"),
            "completitud": percent(len(received), len(self.expected)),
            **({"puntualidad": percent(sum(on_time), len(on_time))} if on_time else {}),
            **self.observation_figures(),
            **self.indicator_figures(),
        }

    def indicator_figures(self) -> dict[str, int]:
        """Indicators, and those on track, at risk, late and whose target was met: absent
        when no indicator was reported."""
        table = self.tables.get("indicadores")
        if table is None or table.empty:
            return {}
        table = counted(table)
        situation = table["situacion"]
        return {"indicadores": len(table),
                "indicadores_meta_alcanzada": int(situation.eq("meta_alcanzada").sum()),
                "indicadores_en_camino": int(situation.eq("en_camino").sum()),
                "indicadores_en_riesgo": int(situation.eq("en_riesgo").sum()),
                "indicadores_atrasados": int(situation.eq("atrasado").sum())}

    def observation_figures(self) -> dict[str, int]:
        """Items observed, views that agree and views that differ: absent when nobody
        observed (a round without observers has no such figures, rather than zeros)."""
        table = self.tables.get("observaciones")
        if table is None or table.empty:
            return {}
        known = counted(table)
        return {"observados": int(known[["informante", "id"]].drop_duplicates().shape[0]),
                "coinciden": int(known["coincide"].eq(True).sum()),
                "difieren": int(known["coincide"].eq(False).sum())}


def counted(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a side table that are counted: those of a known item (an indicator or
    an observation naming none is kept in its CSV and told, not counted)."""
    return table[table["_conocido"].astype(bool)] if "_conocido" in table else table


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0
