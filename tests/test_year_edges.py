"""A year's figures at its edges (issue 13): a deadline moved in the year's first round
(against the year before), a reporter that skipped a round, a file that arrived damaged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline.jobs.consolidate import Options, run_consolidation
from pipeline.jobs.report import make_report
from tests.test_report import READ, figures, make

D = dt.date


def _row(activity: str, due: dt.date, status: str = "en proceso") -> list[object]:
    return ["1", "Retorno", activity, "Informe", "Honduras", due, status, "No"]


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2026-T4: Honduras and Panamá. 2027-T1: Honduras moved a deadline; Panamá skipped.
    2027-T2: Honduras's file arrived damaged; Panamá came back with a deadline moved since
    2026-T4."""
    base = tmp_path_factory.mktemp("edges")
    stored = base / "historial.sqlite"
    rounds = {
        "2026-T4": (D(2026, 12, 15), {
            "Honduras.xlsx": [_row("Centros de retorno", D(2027, 3, 31))],
            "Panamá.xlsx": [_row("Estaciones", D(2027, 6, 30))]}),
        "2027-T1": (D(2027, 3, 15), {
            "Honduras.xlsx": [_row("Centros de retorno", D(2027, 9, 30))]}),
        "2027-T2": (D(2027, 6, 15), {
            "Honduras.xlsx": b"PK\x03\x04 truncated",
            "Panamá.xlsx": [_row("Estaciones", D(2027, 12, 31))]}),
    }
    for ronda, (as_of, files) in rounds.items():
        inbox = base / ronda
        inbox.mkdir()
        for name, content in files.items():
            if isinstance(content, bytes):
                (inbox / name).write_bytes(content)
            else:
                make(inbox / name, content)
        run_consolidation(Options(input_dir=inbox, out_dir=base / f"{ronda}-out", as_of=as_of,
                                  round=ronda, history=stored))
    return stored


def test_deadlines_moved_in_the_year_count_from_its_first_round(history: Path,
                                                                tmp_path: Path) -> None:
    [xlsx, md, _] = make_report(2027, tmp_path, False, history, "es", None)
    assert figures(xlsx)["Plazos modificados"] == 2
    slipped = pd.read_excel(xlsx, sheet_name="Plazos modificados", dtype=str, engine="openpyxl")
    assert sorted(zip(slipped["Ronda"], slipped["Descripción de la actividad"], strict=True)) == [
        ("2027-T1", "Centros de retorno"),  # against 2026-T4, the year before
        ("2027-T2", "Estaciones")]  # Panamá skipped 2027-T1: against its 2026-T4 file
    assert "2 plazos se modificaron" in md.read_text("utf-8")


def test_a_damaged_file_is_received_unreadable_everywhere(history: Path,
                                                          tmp_path: Path) -> None:
    base = history.parent
    subs = pd.read_csv(base / "2027-T2-out" / "envios.csv", **READ)
    honduras = subs[subs["informante"] == "Honduras"]
    assert list(honduras["estado"]) == ["recibido, ilegible"]  # one row, not "no recibido"
    problems = pd.read_csv(base / "2027-T2-out" / "problemas.csv", **READ)
    assert not problems["mensaje"].str.contains("Honduras no envió").any()
    assert problems["codigo"].eq("archivo-ilegible").any()
    changes = pd.read_csv(base / "2027-T2-out" / "cambios.csv", **READ)
    gone = changes[changes["informante"] == "Honduras"]
    assert set(gone["tipo"]) == {"no_reportado"} and set(gone["detalle"]) == {"ilegible"}
    sheet = openpyxl.load_workbook(base / "2027-T2-out" / "consolidado.xlsx")["Cambios"]
    assert any("el archivo del informante no se pudo leer" in str(v)
               for row in sheet.iter_rows(values_only=True) for v in row)
    [xlsx, md, _] = make_report(2027, tmp_path, False, history, "en", None)
    grid = pd.read_excel(xlsx, sheet_name="Submissions per round", dtype=str, engine="openpyxl")
    row = grid[grid["Reporter"] == "Honduras"].iloc[0]
    assert (row["2027-T1"], row["2027-T2"]) == ("received", "received, unreadable")
    text = md.read_text("utf-8")
    assert "Honduras's file arrived but could not be read (2027-T2)" in text
    assert "Honduras did not submit" not in text
    assert "Panama did not submit in 1 of 2 rounds (2027-T1)" in text
