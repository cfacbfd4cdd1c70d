"""Issue 21, figures: what the outputs count must be what the people meant (no NaT for a
deadline that was vague, no total row as an item, no serial number taken for a day 46,000
days ago, no working group's limit sent to one reporter, the items counted once)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import OFFICIAL_TITLES, read_table

AS_OF = "2026-11-30"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_excel_serials_that_cannot_be_meant_are_warned_not_overdue(tmp_path: Path) -> None:
    """A deadline cell formatted as a date holding 1 (1900-01-01), 60, 0 or -5: warned at
    its cell, never counted as 46,000 days overdue."""
    folder = tmp_path / "recibidos"
    folder.mkdir()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Matriz"
    sheet.append(OFFICIAL_TITLES)
    for serial in (1, 60, 0, -5, 46000):
        sheet.append([1, "", f"Actividad serial {serial}", "ind", "Guatemala", serial,
                      "en proceso"])
        sheet.cell(sheet.max_row, 6).number_format = "dd/mm/yyyy"
    book.save(folder / "Guatemala.xlsx")
    out = tmp_path / "out"
    code, _, said = run("consolidate", str(folder), "--out", str(out), "--as-of", AS_OF)
    assert code == 0, said
    problems = read_table(out, "problemas")
    warned = problems[problems["codigo"].eq("plazo-fuera-de-rango")]
    assert sorted(warned["celda"]) == ["F2", "F3", "F4", "F5"]
    assert set(warned["severidad"]) == {"advertencia"}
    overdue = read_table(out, "vencidos")
    assert list(overdue["actividad"]) == ["Actividad serial 46000"]  # 2025-12-09
