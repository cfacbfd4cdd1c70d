"""Feedback workbooks: the reporter's problems listed, problem cells highlighted with the
message as a comment, in the reporter's language; they open in LibreOffice."""

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import xlsxwriter

from pipeline.jobs.consolidate import Options, run_consolidation
from pipeline.model.columns import COLUMNS
from pipeline.write.feedback import matrix_widths
from tests.conftest import AS_OF, ROOT


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fb") / "out"
    run_consolidation(Options(input_dir=ROOT / "input_workbooks", out_dir=folder, as_of=AS_OF))
    return folder


def test_one_per_reporter_that_sent_something(out: Path) -> None:
    names = sorted(p.stem for p in (out / "retroalimentacion").glob("*.xlsx"))
    subs = pd.read_csv(out / "envios.csv", encoding="utf-8-sig", keep_default_na=False)
    sent = subs[subs["estado"].isin(["leído", "reemplazado", "recibido, ilegible"])]
    assert names == sorted(set(sent["informante"]) - {""})
    assert "Nicaragua" in names  # its file was refused: the feedback says why


def test_problems_listed_and_cells_commented(out: Path) -> None:
    problems = pd.read_csv(out / "problemas.csv", encoding="utf-8-sig", keep_default_na=False)
    mine = problems[problems["archivo"] == "México - 2026-T4.xlsx"]
    workbook = openpyxl.load_workbook(out / "retroalimentacion" / "México.xlsx")
    listing = workbook["Problemas"]
    listed = [row for row in listing.iter_rows(min_row=5, values_only=True) if row[0]]
    assert len(listed) == len(mine)
    assert {row[3] for row in listed} == set(mine["celda"])
    sheet = workbook["Matriz"]
    comments = {c.coordinate: c.comment.text for row in sheet.iter_rows() for c in row
                if c.comment}
    assert any("Guatamala" in text and "Guatemala" in text for text in comments.values())
    assert any("cuando haya fondos" in text for text in comments.values())
    commented = next(c for row in sheet.iter_rows() for c in row if c.comment)
    assert commented.fill.fgColor.rgb.endswith(("F8CBAD", "FFE699", "DDEBF7"))


def test_english_for_english_speaking_reporters(out: Path) -> None:
    workbook = openpyxl.load_workbook(out / "retroalimentacion" / "Canadá.xlsx")
    assert workbook.sheetnames == ["Issues", "Matrix"]
    texts = [c.value for row in workbook["Issues"].iter_rows() for c in row
             if isinstance(c.value, str)]
    assert any("indicator is missing" in t for t in texts)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_them_and_keeps_the_comments(out: Path, tmp_path: Path) -> None:
    source = out / "retroalimentacion" / "México.xlsx"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "xlsx", "--outdir", str(tmp_path / "lo"),
                    str(source)], check=True, capture_output=True, timeout=180)
    resaved = openpyxl.load_workbook(tmp_path / "lo" / "México.xlsx")
    comments = [c.comment.text for row in resaved["Matriz"].iter_rows() for c in row
                if c.comment]
    assert any("Guatamala" in text for text in comments)


def test_a_blank_cell_with_a_problem_is_highlighted_and_commented(out: Path) -> None:
    problems = pd.read_csv(out / "problemas.csv", encoding="utf-8-sig", keep_default_na=False)
    missing = problems[(problems["codigo"] == "responsable-faltante")
                       & problems["archivo"].str.startswith("Guatemala")].iloc[0]
    workbook = openpyxl.load_workbook(out / "retroalimentacion" / "Guatemala.xlsx")
    sheet = workbook["Matriz"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2)
               if r[headers.index("Fila original")].value == int(missing["celda"][1:]))
    cell = row[headers.index("Parte responsable")]
    assert cell.value is None
    assert cell.fill.fgColor.rgb.endswith("FFE699" if missing["severidad"] == "advertencia"
                                          else "F8CBAD")
    assert missing["celda"] in cell.comment.text
    listing = workbook["Problemas"]
    first = next(r for r in listing.iter_rows(min_row=5) if r[0].value)
    message = first[6].value
    assert listing.row_dimensions[first[0].row].height == 15 * max(1, -(-len(message) // 75))


def test_a_small_round_makes_its_rows_into_cells_once(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Written by one process, the sample round's rows are made into cells in one batch
    (batches are cut smaller only for processes sharing the work: cut for one, the sample
    round took 5 % longer)."""
    import pipeline.write.feedback as feedback

    made: list[int] = []
    original = feedback._Shown

    def counted(matrix: pd.DataFrame, *args: object) -> object:
        made.append(len(matrix))
        return original(matrix, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(feedback, "_Shown", counted)
    result = run_consolidation(Options(input_dir=ROOT / "input_workbooks",
                                       out_dir=tmp_path / "out", as_of=AS_OF))
    assert made == [len(result.matrix)]


def test_the_comments_boxes_are_placed_below_the_header_as_tall_as_it_is(
        out: Path, tmp_path: Path) -> None:
    """Each comment's box is where xlsxwriter puts it in a sheet whose header row is as
    tall as the feedback writes it (the header's height told to xlsxwriter, not only
    written: a box placed under a default-height header rose over the cells above)."""
    source = out / "retroalimentacion" / "Guatemala.xlsx"
    with zipfile.ZipFile(source) as made:
        sheet = made.read("xl/worksheets/sheet2.xml").decode()
        comments = made.read("xl/comments1.xml").decode()
        vml = made.read("xl/drawings/vmlDrawing1.vml").decode()
    height = float(re.search(r'<row r="1" ht="([\d.]+)"', sheet).group(1))  # type: ignore[union-attr]
    cells = re.findall(r'<comment ref="([A-Z]+)(\d+)"', comments)
    assert height > 15 and cells
    plain = xlsxwriter.Workbook(str(tmp_path / "plain.xlsx"))
    matrix = plain.add_worksheet("Matriz")
    for c, width in enumerate(matrix_widths(COLUMNS)):
        matrix.set_column(c, c, width)
    matrix.set_row(0, height)
    for letters, row in cells:
        matrix.write_comment(f"{letters}{row}", "nota",
                             {"author": "Seguimiento", "x_scale": 3, "y_scale": 2})
    plain.close()
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as expected:
        placed = expected.read("xl/drawings/vmlDrawing1.vml").decode()
    where = re.compile(r"margin-left:[\d.]+pt;margin-top:[\d.]+pt|<x:Anchor>[^<]*")
    assert where.findall(vml) == where.findall(placed)
