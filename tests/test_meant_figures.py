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


def two_rounds(tmp_path: Path, first: list[list[object]], second: list[list[object]]) -> Path:
    """Two rounds of one reporter consolidated into one output folder (and its history)."""
    out = tmp_path / "out"
    for n, (rows, ronda, as_of) in enumerate(((first, "2026-T3", "2026-09-30"),
                                              (second, "2026-T4", AS_OF))):
        folder = tmp_path / f"r{n}"
        folder.mkdir()
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Matriz"
        sheet.append([*OFFICIAL_TITLES, "ID"])
        for row in rows:
            sheet.append(row)
        book.save(folder / "Guatemala.xlsx")
        code, _, said = run("consolidate", str(folder), "--out", str(out), "--round", ronda,
                            "--as-of", as_of)
        assert code == 0, said
    return out


def test_a_vague_deadline_that_became_a_date_says_what_it_was(tmp_path: Path) -> None:
    """No NaT: the change shows "permanente" as the deadline before, in the Changes table,
    the round's page and the annual report."""
    out = two_rounds(
        tmp_path,
        [[1, "", "Actividad A", "ind", "Guatemala", "permanente", "en proceso", "A-1"]],
        [[1, "", "Actividad A", "ind", "Guatemala", "31/12/2027", "en proceso", "A-1"]])
    changes = read_table(out, "cambios")
    moved = changes[changes["tipo"].eq("plazo_modificado")]
    assert list(moved["antes"]) == ["permanente"] and list(moved["despues"]) == ["2027-12-31"]
    page = (out / "tablero.html").read_text("utf-8")
    assert "NaT" not in page and "permanente" in page
    sheet = openpyxl.load_workbook(out / "consolidado.xlsx")["Cambios"]
    assert "NaT" not in {str(c.value) for row in sheet.iter_rows() for c in row}
    report = tmp_path / "informe"
    code, _, said = run("report", "--year", "2026", "--history", str(out / "historial.sqlite"),
                        "--out", str(report))
    assert code == 0, said
    for name in ("informe_anual_2026.html", "informe_anual_2026.md"):
        text = (report / name).read_text("utf-8")
        assert "NaT" not in text and "permanente" in text, name


def test_a_groups_limit_is_not_sent_to_one_contributing_reporter(tmp_path: Path) -> None:
    """Protección over its three activities a year, reported by three countries: the
    secretariat's matter (a round-level problem, at no file), never Costa Rica's feedback;
    when the group sends its own file, the problem is the group's."""
    titles = ["Grupo de trabajo", *OFFICIAL_TITLES]
    folder = tmp_path / "recibidos"
    folder.mkdir()
    for country, count in (("Costa Rica", 1), ("Guatemala", 2), ("Honduras", 2)):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Matriz"
        sheet.append(titles)
        for n in range(count):
            sheet.append(["Protección", 3, "", f"Taller {country} {n}", "ind", country,
                          "T2 2027", "pendiente"])
        book.save(folder / f"{country}.xlsx")
    out = tmp_path / "out"
    code, _, said = run("consolidate", str(folder), "--out", str(out), "--as-of", AS_OF)
    assert code == 0, said
    problems = read_table(out, "problemas")
    limit = problems[problems["codigo"].eq("demasiadas-actividades")]
    assert list(limit["archivo"]) == [""] and list(limit["celda"]) == [""]
    assert "Protección tiene 5 actividades" in limit["mensaje"].iloc[0]
    feedback = openpyxl.load_workbook(out / "retroalimentacion" / "Costa Rica.xlsx")
    said_there = " ".join(str(c.value) for ws in feedback.worksheets
                          for row in ws.iter_rows() for c in row if c.value)
    assert "demasiadas" not in said_there and "Protección tiene" not in said_there

    book = openpyxl.Workbook()  # the group's own file: the group's matter
    sheet = book.active
    sheet.title = "Matriz"
    sheet.append(titles)
    sheet.append(["Protección", 3, "", "Taller del grupo", "ind", "OIM", "T2 2027",
                  "pendiente"])
    book.save(folder / "Protección.xlsx")
    code, _, said = run("consolidate", str(folder), "--out", str(out), "--as-of", AS_OF)
    assert code == 0, said
    problems = read_table(out, "problemas")
    limit = problems[problems["codigo"].eq("demasiadas-actividades")]
    assert list(limit["archivo"]) == ["Protección.xlsx"]


def test_overdue_counts_give_the_distinct_activities_beside_the_lines(tmp_path: Path) -> None:
    """One workshop reported by Guatemala and by Honduras (two lines, one activity): the
    overdue figure and the lists say both counts."""
    folder = tmp_path / "recibidos"
    folder.mkdir()
    for country in ("Guatemala", "Honduras"):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Matriz"
        sheet.append(OFFICIAL_TITLES)
        sheet.append([3, "", "Taller regional de protección", "ind", "PPT", "31/03/2026",
                      "en proceso"])
        sheet.append([3, "", f"Informe de {country}", "ind", "PPT", "30/06/2026",
                      "en proceso"])
        book.save(folder / f"{country}.xlsx")
    code, shown, said = run("consolidate", str(folder), "--out", str(tmp_path / "o"),
                            "--as-of", AS_OF)
    assert code == 0, said
    assert "4 vencidas (3 actividades distintas)" in shown, shown
    out = tmp_path / "listas"
    code, shown, said = run("overdue", str(folder), "--out", str(out), "--format", "md",
                            "--as-of", AS_OF, "--verbose")
    assert code == 1, said
    assert "4 vencidas (3 actividades distintas)" in shown, shown
    text = (out / "PPT.md").read_text("utf-8")
    assert "4 compromisos a su cargo tienen el plazo vencido (3 distintos" in text, text
    code, shown, _ = run("overdue", str(folder), "--out", str(tmp_path / "en"), "--format",
                         "md", "--as-of", AS_OF, "--verbose", "--lang", "en")
    assert "4 overdue (3 distinct activities)" in shown, shown
