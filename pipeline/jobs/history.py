"""`seguimiento history`: the stored rounds and their headline figures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.store.history import open_history, rounds

FIGURES = ("actividades", "finalizado", "en_proceso", "pendiente", "vencidos", "completitud",
           "puntualidad")


def stored_rounds(history: Path) -> tuple[Path, pd.DataFrame]:
    """Where the history is, and one row per stored round (ronda, fecha_corte, figures)."""
    with open_history(history, create=False) as conn:
        table = rounds(conn)
    return history, table.reindex(columns=["ronda", "fecha_corte", *FIGURES])
