"""Shared fixtures: workbooks built on the fly, the reference data, the shared corpus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline.reference.data import Reference
from pipeline.reference.load import load_reference

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "calamine-tests"
OFFICIAL_TITLES = ["Pilar programático", "Tema", "Descripción de la actividad",
                   "Indicadores de resultados / impacto", "Parte responsable",
                   "Plazo de cumplimiento (1er año, 2do año, 3er año)",
                   "Estado (finalizado/ en proceso de implementarse/ no alcanzado)"]
AS_OF = dt.date(2026, 11, 30)


def read_table(folder: Path, name: str) -> pd.DataFrame:
    """An output CSV table as written: every value a text, an empty cell "" (not NaN)."""
    return pd.read_csv(folder / f"{name}.csv", encoding="utf-8-sig", dtype=str,
                       keep_default_na=False)


def headline(xlsx: Path, sheet: str = "Resumen") -> dict[object, object]:
    """A consolidated workbook's summary figures: each row's title and its value."""
    rows = openpyxl.load_workbook(xlsx)[sheet].iter_rows(values_only=True)
    return {r[0]: r[1] for r in rows if r[0]}


@pytest.fixture(autouse=True)
def _no_workspace_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    """A workspace named by the tester's own environment never reaches a test, and a
    test's log never reaches the tester's own log folder (platformdirs follows
    XDG_STATE_HOME)."""
    monkeypatch.delenv("SEGUIMIENTO_WORKSPACE", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.getbasetemp() / "state"))


@pytest.fixture(scope="session")
def ref() -> Reference:
    return load_reference()


MakeWorkbook = Callable[..., Path]


@pytest.fixture
def make_workbook(tmp_path: Path) -> MakeWorkbook:
    """Write a workbook: `rows` under `titles`, after `title_rows` rows of title block.

    `merges` are openpyxl ranges ("A5:A7"); `sheet` the sheet name; extra sheets as
    {name: rows}; `hidden` names sheets to hide.
    """

    def make(
        name: str,
        rows: Sequence[Sequence[object]],
        titles: Sequence[str] = OFFICIAL_TITLES,
        title_rows: Sequence[str] = ("Conferencia Regional sobre Migración",
                                     "Matriz de seguimiento"),
        merges: Sequence[str] = (),
        sheet: str = "Matriz",
        extra: dict[str, Sequence[Sequence[object]]] | None = None,
        hidden: Sequence[str] = (),
        folder: Path | None = None,
    ) -> Path:
        workbook = openpyxl.Workbook()
        ws = workbook.active
        ws.title = sheet
        for r, text in enumerate(title_rows, start=1):
            ws.cell(r, 1, text)
        header = len(title_rows) + 2 if title_rows else 1
        for c, text in enumerate(titles, start=1):
            ws.cell(header, c, text)
        for r, row in enumerate(rows, start=header + 1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
        for merge in merges:
            ws.merge_cells(merge)
        for extra_name, extra_rows in (extra or {}).items():
            other = workbook.create_sheet(extra_name)
            for r, row in enumerate(extra_rows, start=1):
                for c, value in enumerate(row, start=1):
                    other.cell(r, c, value)
            if extra_name in hidden:
                other.sheet_state = "hidden"
        target = (folder or tmp_path) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        workbook.save(target)
        return target

    return make
