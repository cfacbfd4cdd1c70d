"""Reading the history for a round: the previous round's items, the stored rounds for the
trend, and the changes since then. The database is only read here; the write stage
stores the round."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.analyse.changes import compute_changes
from pipeline.store.history import FILE_NAME, load_items, open_history, previous_round, rounds

TREND_COLUMNS = ("ronda", "fecha_corte", "actividades", "finalizado", "en_proceso",
                 "pendiente", "no_alcanzado", "vencidos", "por_vencer", "sin_responsable",
                 "completitud", "puntualidad")


@dataclass
class AcrossRounds:
    previous: str | None = None
    changes: pd.DataFrame = field(default_factory=pd.DataFrame)
    trend: pd.DataFrame = field(default_factory=pd.DataFrame)


def history_path(out_dir: Path | None, history: Path | None) -> Path:
    """`--history`, else beside the round folders (output/historial.sqlite), else in --out."""
    if history is not None:
        return history
    return (out_dir if out_dir is not None else Path("output")) / FILE_NAME


def across_rounds(path: Path, ronda: str, as_of: str, matrix: pd.DataFrame,
                  received: set[str], figures: dict[str, int]) -> AcrossRounds:
    with open_history(path, create=False) as conn:
        previous = previous_round(conn, ronda)
        before = load_items(conn, previous)
        stored = rounds(conn)
    current = matrix.rename(columns={"_informante": "informante"})
    changes = compute_changes(before, current, received)
    this_round = pd.DataFrame([{"ronda": ronda, "fecha_corte": as_of, **figures}])
    if not stored.empty:
        stored = stored[stored["ronda"] != ronda]
    trend = pd.concat([stored, this_round], ignore_index=True) if not stored.empty else (
        this_round)
    trend = trend.sort_values(["ronda"], kind="stable").reset_index(drop=True)
    return AcrossRounds(previous, changes, trend.reindex(columns=list(TREND_COLUMNS)))
