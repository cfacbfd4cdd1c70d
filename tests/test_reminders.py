"""Overdue lists for reminders: one file per responsible party with exactly its items,
none for a party with nothing pending, a documented exit code, reproducible files."""

import datetime as dt
import hashlib
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import MakeWorkbook

D = dt.date
AS_OF = "2026-11-30"


@pytest.fixture
def folder(make_workbook: MakeWorkbook, tmp_path: Path) -> Path:
    inbox = tmp_path / "in"
    make_workbook("Honduras.xlsx", [
        ["1", "Retorno", "Vencida de Honduras y OIM", "i", "Honduras; OIM", D(2026, 6, 30),
         "en proceso"],
        ["1", "Retorno", "Por vencer de OIM", "i", "OIM", D(2027, 1, 15), "pendiente"],
        ["1", "Retorno", "Finalizada de ACNUR", "i", "ACNUR", D(2026, 1, 31), "finalizado"],
        ["1", "Retorno", "Lejana de ACNUR", "i", "ACNUR", D(2028, 1, 31), "pendiente"],
        ["1", "Retorno", "Vencida sin responsable", "i", None, D(2026, 3, 31), "pendiente"],
        ["1", "Retorno", "Vencida de Canadá", "i", "Canada", D(2026, 10, 31), "in progress"],
    ], folder=inbox)
    return inbox


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["overdue", *args])
    return result.exit_code, result.output


def listed(path: Path) -> list[str]:
    return pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)["actividad"].tolist()


def test_each_party_gets_exactly_its_items(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "lists"
    code, output = run(str(folder), "--as-of", AS_OF, "--out", str(out), "--format", "csv")
    assert code == 1  # something is overdue
    assert output == ""  # quiet under cron: no terminal, no --verbose
    files = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert files == ["Canadá.csv", "Canadá.txt", "Honduras.csv", "Honduras.txt", "OIM.csv",
                     "OIM.txt", "todos.csv"]  # ACNUR has nothing pending: no file
    assert listed(out / "OIM.csv") == ["Vencida de Honduras y OIM", "Por vencer de OIM"]
    assert listed(out / "Honduras.csv") == ["Vencida de Honduras y OIM"]
    assert listed(out / "todos.csv") == ["Vencida sin responsable",
                                         "Vencida de Honduras y OIM", "Vencida de Canadá",
                                         "Por vencer de OIM"]
    oim = (out / "OIM.txt").read_text("utf-8")
    assert "1 compromiso a su cargo tiene el plazo vencido y 1 vence en los próximos 90" in oim
    canada = (out / "Canadá.txt").read_text("utf-8")  # in Canada's language, its name too
    assert "Dear Canada focal points," in canada and "1 commitment in your charge is" in canada


def test_exit_0_when_nothing_is_overdue(folder: Path, tmp_path: Path) -> None:
    code, _ = run(str(folder), "--as-of", "2025-01-01", "--out", str(tmp_path / "o"))
    assert code == 0


def test_a_party_no_longer_pending_loses_its_file(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "lists"
    run(str(folder), "--as-of", AS_OF, "--out", str(out), "--format", "md")
    assert (out / "OIM.md").exists()
    code, _ = run(str(folder), "--as-of", "2025-01-01", "--out", str(out), "--format", "md")
    shown = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert code == 0 and shown == ["todos.md"]


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "md"])
def test_two_runs_give_identical_files(folder: Path, tmp_path: Path, fmt: str) -> None:
    def digest(out: Path) -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.iterdir()}

    run(str(folder), "--as-of", AS_OF, "--out", str(tmp_path / "a"), "--format", fmt)
    run(str(folder), "--as-of", AS_OF, "--out", str(tmp_path / "b"), "--format", fmt)
    assert digest(tmp_path / "a") == digest(tmp_path / "b")


def test_from_history(folder: Path, tmp_path: Path) -> None:
    history = tmp_path / "h.sqlite"
    result = CliRunner().invoke(cli, ["consolidate", str(folder), "--out", str(tmp_path / "c"),
                                      "--as-of", "2026-09-30", "--history", str(history)])
    assert result.exit_code == 0, result.output
    code, output = run("--from-history", "--history", str(history), "--as-of", AS_OF,
                       "--out", str(tmp_path / "h"), "--format", "csv", "--verbose")
    assert code == 1 and "vencidas" in output
    assert listed(tmp_path / "h" / "OIM.csv") == ["Vencida de Honduras y OIM",
                                                   "Por vencer de OIM"]


def test_needs_a_source(tmp_path: Path) -> None:
    code, output = run("--out", str(tmp_path))
    assert code == 2 and "--from-history" in output


def test_an_unknown_party_is_listed_as_unidentified_with_its_suggestion(
        make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    make_workbook("Honduras.xlsx", [
        ["1", "Retorno", "Vencida de Guatamala", "i", "Guatamala", D(2026, 6, 30), "pendiente"],
        ["1", "Retorno", "Vencida de OIM y Guatamala", "i", "OIM; Guatamala", D(2026, 5, 31),
         "pendiente"],
    ], folder=inbox)
    out = tmp_path / "lists"
    code, _ = run(str(inbox), "--as-of", AS_OF, "--out", str(out), "--format", "csv",
                  "--lang", "en")
    assert code == 1
    files = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert files == ["OIM.csv", "OIM.txt", "sin_identificar.csv", "sin_identificar.txt",
                     "todos.csv"]  # no Guatamala.csv, as if it were a party
    unknown = pd.read_csv(out / "sin_identificar.csv", encoding="utf-8-sig",
                          keep_default_na=False)
    assert unknown.columns[:2].tolist() == ["parte_escrita", "sugerencia"]
    assert set(zip(unknown["parte_escrita"], unknown["sugerencia"], strict=True)) == {
        ("Guatamala", "Guatemala")}
    assert sorted(unknown["actividad"]) == ["Vencida de Guatamala",
                                            "Vencida de OIM y Guatamala"]
    note = (out / "sin_identificar.txt").read_text("utf-8")
    assert note.startswith("These responsible parties are not recognized")
    assert len(listed(out / "todos.csv")) == 2  # the combined list still has every item


def test_one_format_leaves_the_lists_of_another_alone(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "lists"
    run(str(folder), "--as-of", AS_OF, "--out", str(out), "--format", "xlsx")
    workbooks = {p.name: p.read_bytes() for p in out.glob("*.xlsx")}
    assert "todos.xlsx" in workbooks and len(workbooks) == 4
    run(str(folder), "--as-of", AS_OF, "--out", str(out), "--format", "md")
    run(str(folder), "--as-of", AS_OF, "--out", str(out), "--format", "csv")
    assert {p.name: p.read_bytes() for p in out.glob("*.xlsx")} == workbooks
    assert len(list(out.glob("*.md"))) == 4 and len(list(out.glob("*.csv"))) == 4
