"""The page's status grid shows, for its first items and reporters, the last status each
reporter gave each item, and says when it was cut; found without a table of every cell (a
million rows' took the page's process 40 MB higher for 300 items of 40 reporters)."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pandas as pd
import pytest

from pipeline.web import dashboard
from pipeline.web.matrix import Rows


def _long(items: int, reporters: int, seed: int) -> pd.DataFrame:
    pick = random.Random(seed)
    rows = [(f"ID-{pick.randrange(items)}", f"R{pick.randrange(reporters)}",
             pick.choice(["finalizado", "pendiente", "en_proceso", ""]))
            for _ in range(items * 3)]
    return pd.DataFrame({"id": [r[0] for r in rows], "actividad": [f"A {r[0]}" for r in rows],
                         "informante": [r[1] for r in rows], "estado": [r[2] for r in rows]})


@pytest.mark.parametrize(("items", "reporters"), [
    (5, 3), (50, dashboard.GRID_REPORTERS + 20), (dashboard.GRID_ITEMS + 40, 10),
    (dashboard.GRID_ITEMS, dashboard.GRID_REPORTERS)])
def test_each_cell_is_the_last_status_given_and_the_cut_is_told(items: int,
                                                                 reporters: int) -> None:
    long = _long(items, reporters, items)
    ref = SimpleNamespace(label=lambda kind, name, lang: f"<{name}>")
    result = SimpleNamespace(summary={"cuadricula": long}, ref=ref, lang="es")
    labels = {"finalizado": "Finalizado", "pendiente": "Pendiente"}
    beside = {("R1", "ID-2"): ("difiere", "RROCM: pendiente")}
    grid = dashboard._grid(result, labels, beside)  # type: ignore[arg-type]

    # What it means, counted the plain way: every cell, the last status given winning.
    shown_reporters = list(dict.fromkeys(long["informante"]))[:dashboard.GRID_REPORTERS]
    shown_items = list(dict.fromkeys(zip(long["id"], long["actividad"], strict=True)))
    last = dict(zip(zip(long["id"], long["informante"], strict=True), long["estado"],
                    strict=True))
    assert grid["reporters"] == [f"<{r}>" for r in shown_reporters]
    assert grid["rows"] == [
        (i, a, [(last.get((i, r), ""), labels.get(last.get((i, r), ""), ""),
                 beside.get((r, i))) for r in shown_reporters])
        for i, a in shown_items[:dashboard.GRID_ITEMS]]
    assert grid["cut"] == (long["informante"].nunique() > dashboard.GRID_REPORTERS
                           or long["id"].nunique() > dashboard.GRID_ITEMS)


def test_the_pages_text_columns_are_made_into_texts_a_slice_at_a_time() -> None:
    """A column of the matrix given as it is: its slices as texts, "" where it is empty."""
    column = pd.Series(["uno", None, "tres", float("nan"), "cinco"], dtype=object)
    rows = Rows([column, [0, 1, 2, 3, 4]])
    assert rows[:] == [["uno", 0], ["", 1], ["tres", 2], ["", 3], ["cinco", 4]]
    assert rows[1:3] == [["", 1], ["tres", 2]]
