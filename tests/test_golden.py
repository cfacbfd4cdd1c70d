"""Golden files (csvkit's way): the sample round's main tables and end-of-run line, in
Spanish and English, compared on every run, so that any change of output is a diff
someone reviews.

Two rounds are consolidated: the sample round as 2026-T3 (its files named and keyed so),
then a copy of it as 2026-T4 in which Guatemala moved a deadline, finished an activity,
dropped one and added one, so that cambios.csv has something to say (and every other
reporter, which sent the same again, is told its file updates nothing).

If a change of output is intended, write the files anew and review their diff:

    SEGUIMIENTO_UPDATE_GOLDEN=1 pytest tests/test_golden.py
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
TABLES = ("matriz.csv", "problemas.csv", "envios.csv", "cambios.csv")
UPDATE = os.environ.get("SEGUIMIENTO_UPDATE_GOLDEN") == "1"


def _first_round(folder: Path) -> None:
    """The sample round as the quarter before: its files named and keyed 2026-T3 (a file
    that says another round is not that round's submission)."""
    shutil.copytree(ROOT / "input_workbooks", folder)
    for path in folder.glob("[!~]* - 2026-T4.xlsx"):  # (not the lock file "~$...")
        workbook = openpyxl.load_workbook(path)
        workbook["_seguimiento"]["B2"] = "2026-T3"
        assert workbook["_seguimiento"]["A2"].value == "ronda"
        workbook.save(path.with_name(path.name.replace("2026-T4", "2026-T3")))
        path.unlink()


def _second_round(folder: Path) -> None:
    """The sample round, a quarter later: Guatemala changed its matrix."""
    shutil.copytree(ROOT / "input_workbooks", folder)
    path = folder / "Guatemala - 2026-T4.xlsx"
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Matriz"]
    sheet["J10"] = dt.datetime(2026, 12, 31)  # the deadline moved
    sheet["K11"] = "Finalizado"  # an activity finished
    sheet["E12"] = "Mapeo de programas de movilidad laboral temporal y circular"  # new text
    sheet["E13"] = "Encuentro regional de puntos focales"  # a new activity
    sheet["I13"] = "SE-CRM"
    sheet["J13"] = "T2 2027"
    sheet["K13"] = "Pendiente"
    sheet["C7"] = dt.datetime(2027, 2, 10)  # date of submission
    workbook.save(path)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    base = tmp_path_factory.mktemp("golden")
    first, second = base / "ronda1", base / "ronda2"
    _first_round(first)
    _second_round(second)
    found = {}
    for lang in ("es", "en"):
        out = base / lang
        history = out / "historial.sqlite"
        line = ""
        for folder, ronda, as_of in ((first, "2026-T3", "2026-09-30"),
                                     (second, "2026-T4", "2026-11-30")):
            result = CliRunner().invoke(cli, [
                "consolidate", str(folder), "--out", str(out / ronda), "--round", ronda,
                "--as-of", as_of, "--history", str(history), "--lang", lang])
            assert result.exit_code == 0, result.output
            line = result.output.replace(str(out / ronda), "<salida>")
        found[lang] = (out / "2026-T4", line)
    return found


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("name", [*TABLES, "linea_final.txt"])
def test_outputs_match_their_golden_files(runs: dict[str, tuple[Path, str]], lang: str,
                                          name: str) -> None:
    out, line = runs[lang]
    made = line if name == "linea_final.txt" else (out / name).read_text("utf-8-sig")
    golden = GOLDEN / lang / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(made, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    assert made == expected, (
        f"{name} ({lang}) differs from tests/golden/{lang}/{name}. If the change is intended, "
        "run SEGUIMIENTO_UPDATE_GOLDEN=1 pytest tests/test_golden.py and review the diff.")
