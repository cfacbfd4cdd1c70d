"""Issue 21, crashes: situations that ended in "internal error" (exit 4) where the README
promises a message or a result. Each runs the real command on real files."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import OFFICIAL_TITLES, read_table

AS_OF = "2026-11-30"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def matrix_file(path: Path, rows: list[list[object]]) -> Path:
    """A returned matrix with the official titles and `rows` below them."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Matriz"
    sheet.append(OFFICIAL_TITLES)
    for row in rows:
        sheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def test_the_readme_cron_line_on_a_new_workspace_is_nothing_overdue(tmp_path: Path) -> None:
    ws = tmp_path / "x"
    assert run("init", str(ws))[0] == 0
    code, _, said = run("overdue", "--from-history", "--format", "md", "--workspace", str(ws),
                        "--as-of", AS_OF)
    assert code == 0, said  # 0: nothing is overdue (no round stored yet)
    assert "interno" not in said


def test_mail_overdue_on_a_new_workspace_prepares_nothing(tmp_path: Path) -> None:
    ws = tmp_path / "x"
    assert run("init", str(ws))[0] == 0
    code, _, said = run("mail", "overdue", "--workspace", str(ws), "--as-of", AS_OF)
    assert code == 0, said
    assert "interno" not in said


@pytest.mark.parametrize("command", ["consolidate", "validate"])
def test_a_date_past_what_can_be_counted_is_warned_at_its_cell(command: str,
                                                               tmp_path: Path) -> None:
    """A date cell of 31/12/9999 or of 2300: warned at the cell, kept as written (typed as
    text, 31/12/9999 is no deadline the reader knows: an error at its cell)."""
    folder = tmp_path / "recibidos"
    matrix_file(folder / "Guatemala.xlsx", [
        [1, "", "Actividad con fecha 9999", "ind", "Guatemala", dt.datetime(9999, 12, 31),
         "en proceso"],
        [1, "", "Actividad escrita 9999", "ind", "Guatemala", "31/12/9999", "en proceso"],
        [1, "", "Actividad de 2300", "ind", "Guatemala", dt.datetime(2300, 1, 1),
         "en proceso"],
        [1, "", "Actividad normal", "ind", "Guatemala", "31/12/2027", "en proceso"],
    ])
    out = tmp_path / "out"
    args = [str(folder), "--out", str(out)] if command == "consolidate" else [str(folder)]
    code, shown, said = run(command, *args, "--as-of", AS_OF)
    assert code in (0, 1), said
    if command == "validate":
        assert shown.count("[plazo-fuera-de-rango]") == 2, shown
        assert "Guatemala.xlsx › Matriz › F2" in shown
        return
    problems = read_table(out, "problemas")
    far = problems[problems["codigo"].eq("plazo-fuera-de-rango")]
    assert sorted(far["celda"]) == ["F2", "F4"]
    unread = problems[problems["codigo"].eq("plazo-invalido")]
    assert list(unread["celda"]) == ["F3"]
    matrix = read_table(out, "matriz").set_index("actividad")
    assert matrix.loc["Actividad con fecha 9999", "plazo"] == "9999-12-31"
    assert matrix.loc["Actividad escrita 9999", "plazo"] == "31/12/9999"
    assert matrix.loc["Actividad escrita 9999", "fecha_limite"] == ""
    assert matrix.loc["Actividad normal", "fecha_limite"] == "2027-12-31"


def test_a_submission_dated_31_12_9999_is_told_and_the_saved_date_used(tmp_path: Path) -> None:
    templates = tmp_path / "plantillas"
    assert run("template", "--reporter", "Guatemala", "--round", "2026-T4", "--out",
               str(templates))[0] == 0
    path = next(templates.glob("*.xlsx"))
    book = openpyxl.load_workbook(path)
    meta = {row[0].value: row[1].value for row in book["_seguimiento"].iter_rows()}
    sheet = book[str(meta["hoja_matriz"])]
    sheet[str(meta["celda_fecha_envio"])] = dt.datetime(9999, 12, 31)
    book.save(path)
    code, _, said = run("consolidate", str(templates), "--out", str(tmp_path / "o"),
                        "--as-of", AS_OF)
    assert code == 0, said
    problems = read_table(tmp_path / "o", "problemas")
    told = problems[problems["codigo"].eq("fecha-envio-ilegible")]
    assert list(told["celda"]) == [meta["celda_fecha_envio"]]
    sent = read_table(tmp_path / "o", "envios")["fecha_envio"]
    assert not sent.str.startswith("9999").any()


def run_under(locale: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    """The command in a process of its own under `locale` (as cron runs it)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LC_", "LANG", "PYTHONUTF8", "PYTHONIOENCODING"))}
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True,
                          env={**env, **locale}, timeout=600, check=False)


POSIX = {"LC_ALL": "POSIX"}
# Python's UTF-8 mode off, as some Pythons run under that locale: names are then ASCII
# with every other byte escaped.
POSIX_ASCII = {"LC_ALL": "POSIX", "PYTHONUTF8": "0"}


@pytest.mark.parametrize("locale", [POSIX, POSIX_ASCII, {"LANG": "C.UTF-8"}],
                         ids=["posix", "posix-ascii", "utf8"])
def test_file_names_that_are_not_utf8_or_not_ascii_are_read_and_shown(
        locale: dict[str, str], tmp_path: Path) -> None:
    """A name in Latin-1 bytes (an old Windows share) and a UTF-8 name with accents: both
    files read, the first shown with its undecodable byte replaced, under any locale."""
    folder = tmp_path / "recibidos"
    made = matrix_file(folder / "made.xlsx", [
        [1, "", "Actividad de Panamá", "ind", "Panamá", "31/12/2027", "en proceso"]])
    os.rename(os.fsencode(made), os.fsencode(folder) + b"/Panam\xe1 informe.xlsx")
    matrix_file(folder / "Canadá informe.xlsx", [
        [1, "", "Activity of Canada", "ind", "Canadá", "31/12/2027", "en proceso"]])
    out = tmp_path / "out"
    done = run_under(locale, "consolidate", str(folder), "--out", str(out), "--as-of", AS_OF)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    sent = read_table(out, "envios")
    sent = sent[sent["archivo"].ne("")]
    assert sorted(sent["archivo"]) == ["Canadá informe.xlsx", "Panam\ufffd informe.xlsx"]
    assert set(sent["estado"]) == {"leído"}, sent
    matrix = read_table(out, "matriz")
    assert sorted(matrix["archivo"]) == ["Canadá informe.xlsx", "Panam\ufffd informe.xlsx"]
    assert sorted(matrix["informante"]) == ["Canadá", "Panam\ufffd informe"]
    done = run_under(locale, "validate", str(folder), "--as-of", AS_OF)
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr and b"Logging error" not in done.stderr


@pytest.mark.parametrize("option", ["--as-of", "--closing-date"])
@pytest.mark.parametrize("day", ["9999-12-31", "31/12/2300", "01/01/1900"])
def test_a_date_typed_past_what_can_be_counted_is_a_usage_error(option: str, day: str,
                                                                tmp_path: Path) -> None:
    folder = tmp_path / "recibidos"
    matrix_file(folder / "Guatemala.xlsx", [
        [1, "", "Actividad", "ind", "Guatemala", "31/12/2027", "en proceso"]])
    args = ["--as-of", AS_OF] if option == "--closing-date" else []
    code, _, said = run("consolidate", str(folder), "--out", str(tmp_path / "o"), option, day,
                        *args)
    assert code == 2, said
    assert day in said and "2262" in said
