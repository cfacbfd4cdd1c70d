"""What each workbook tells Excel and LibreOffice about its look and its printing (issue
14), read back with openpyxl and from the chart XML: row heights for wrapped text,
headers aligned as their values, typed dates and numbers in the feedback, whole-number
chart axes and distinct series colours, the paper, the first round's note in Changes."""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli.commands import cli
from pipeline.jobs.consolidate import Options, run_consolidation
from pipeline.words import word
from pipeline.write import xlsx
from pipeline.write.printing import LINE_POINTS
from tests.conftest import AS_OF, ROOT


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("setup") / "out"
    run_consolidation(Options(input_dir=ROOT / "input_workbooks", out_dir=folder,
                              as_of=AS_OF))
    return folder


def test_rows_of_wrapped_text_are_as_tall_as_their_lines(out: Path) -> None:
    sheet = openpyxl.load_workbook(out / "consolidado.xlsx")[word("sheet.matriz", "es")]
    titles = [c.value for c in sheet[1]]
    activity = titles.index("Descripción de la actividad") + 1
    width = sheet.column_dimensions[openpyxl.utils.get_column_letter(activity)].width
    long_rows = [r for r in range(2, sheet.max_row + 1)
                 if len(str(sheet.cell(r, activity).value or "")) > 1.5 * width]
    assert long_rows  # the sample has activities longer than their column
    for r in long_rows:
        height = sheet.row_dimensions[r].height
        assert height is not None and height >= 2 * LINE_POINTS, r


def test_a_text_wider_than_its_column_wraps(out: Path, tmp_path: Path) -> None:
    """A cell whose text is longer than its column holds wraps: unwrapped, it is cut by
    the next cell on screen and on paper (a reporter "Migración irregular y masiva" in an
    overdue list's 16-wide column)."""
    overdue = tmp_path / "pendientes"
    CliRunner().invoke(cli, ["overdue", str(ROOT / "input_workbooks"), "--as-of",
                             AS_OF.isoformat(), "--out", str(overdue)])
    books = [out / "consolidado.xlsx", *sorted(overdue.glob("*.xlsx"))]
    assert len(books) > 2
    for path in books:
        for sheet in openpyxl.load_workbook(path):
            widths = {i: d.width for d in sheet.column_dimensions.values()
                      for i in range(d.min, d.max + 1)}  # a <col> spans columns alike
            for row in sheet.iter_rows(min_row=2):
                for c in row:
                    if not isinstance(c.value, str) or c.comment is not None:
                        continue
                    width = widths.get(c.column, 8.43)
                    if len(c.value) > 1.25 * width and sheet.cell(c.row, c.column + 1).value:
                        assert c.alignment.wrap_text, (path.name, sheet.title, c.coordinate)


def test_headers_are_aligned_as_their_values(out: Path) -> None:
    book = openpyxl.load_workbook(out / "consolidado.xlsx")
    for sheet_key, numeric, text in (("envios", "Filas leídas", "Archivo"),
                                     ("matriz", "Avance (%)", "Informante"),
                                     ("vencidos", "Días de atraso", "Estado")):
        sheet = book[word(f"sheet.{sheet_key}", "es")]
        header = {c.value: c for c in sheet[1]}
        assert header[numeric].alignment.horizontal == "right", (sheet_key, numeric)
        assert header[text].alignment.horizontal in (None, "general", "left"), sheet_key


def test_the_feedback_shows_dates_and_numbers_as_such(out: Path) -> None:
    sheet = openpyxl.load_workbook(out / "retroalimentacion" / "Guatemala.xlsx")[
        word("sheet.matriz", "es")]
    titles = [c.value for c in sheet[1]]
    deadlines = [sheet.cell(r, titles.index("Plazo de cumplimiento") + 1).value
                 for r in range(2, sheet.max_row + 1)]
    progress = [sheet.cell(r, titles.index("Avance (%)") + 1).value
                for r in range(2, sheet.max_row + 1)]
    import datetime as dt

    assert any(isinstance(d, dt.datetime) for d in deadlines)  # a date, not '2026-06-30
    assert "permanente" in deadlines  # a deadline written in words stays as written
    assert all(isinstance(p, int | float) for p in progress if p is not None)


def _charts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [archive.read(n).decode() for n in sorted(archive.namelist())
                if n.startswith("xl/charts/chart")]


def test_counts_are_charted_on_whole_numbers_in_distinct_colours(out: Path) -> None:
    charts = _charts(out / "consolidado.xlsx")
    bars = [c for c in charts if "<c:barChart>" in c]
    assert len(bars) == 4  # by group, pillar, reporter; overdue by party
    for chart in bars:
        unit = re.search(r'<c:majorUnit val="([\d.]+)"/>', chart)
        assert unit is not None and float(unit.group(1)).is_integer() and float(
            unit.group(1)) >= 1
        assert 'formatCode="0"' in chart
    [trend] = [c for c in charts if "<c:lineChart>" in c]
    colours = re.findall(r'<c:ser>.*?<a:srgbClr val="([0-9A-F]{6})"', trend, re.S)
    assert len(colours) == 5 and len(set(colours)) == 5  # one colour per line


@pytest.mark.parametrize(("paper", "size"), [("carta", "1"), ("A4", "9")])
def test_the_paper_comes_from_the_configuration(paper: str, size: str,
                                                tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[impresion]\npapel = "{paper}"\n', encoding="utf-8")
    run_consolidation(Options(input_dir=ROOT / "input_workbooks", out_dir=tmp_path / "o",
                              as_of=AS_OF, config=config))
    for path in (tmp_path / "o" / "consolidado.xlsx",
                 tmp_path / "o" / "retroalimentacion" / "Honduras.xlsx"):
        with zipfile.ZipFile(path) as archive:
            sheets = [archive.read(n).decode() for n in archive.namelist()
                      if n.startswith("xl/worksheets/sheet")]
        assert all(f'paperSize="{size}"' in s for s in sheets), path.name


def test_a_paper_that_is_neither_is_told(tmp_path: Path) -> None:
    from pipeline.model.errors import ConfigError
    from pipeline.reference.load import load_reference

    config = tmp_path / "c.toml"
    config.write_text('[impresion]\npapel = "oficio"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="oficio"):
        load_reference(config)


def test_the_first_rounds_changes_say_there_is_nothing_to_compare(out: Path) -> None:
    sheet = openpyxl.load_workbook(out / "consolidado.xlsx")[word("sheet.cambios", "es")]
    assert sheet["A2"].value == word("changes.none", "es")


def test_every_sheet_prints_with_its_title_sheet_and_page(out: Path) -> None:
    book = openpyxl.load_workbook(out / "consolidado.xlsx")
    for sheet in book.worksheets:
        assert "ronda 2026-T4" in (sheet.oddHeader.left.text or ""), sheet.title
        assert sheet.oddFooter.left.text == "&A" and "&P" in (sheet.oddFooter.right.text or "")


@pytest.mark.parametrize("heading", ["A" * 300, "&" * 300, "R&D " * 80])
def test_a_long_title_is_cut_to_what_excel_accepts(heading: str) -> None:
    import xlsxwriter

    from pipeline.write.printing import Paper, Printing, bands

    sheet = xlsxwriter.Workbook(None, {"in_memory": True}).add_worksheet()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bands(sheet, Printing(Paper("carta"), heading, "es"))
    text = sheet.header
    assert len(text) <= 255 and text.endswith("…")
    assert re.fullmatch(r"&L&8(&&|[^&])*…", text), text


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("charted", [False, True])
def test_a_table_without_rows_says_so(tmp_path: Path, lang: str, charted: bool) -> None:
    """An empty list (no overdue item at year end) is not headers over nothing."""
    import pandas as pd

    from pipeline.write.printing import Paper, Printing
    from pipeline.write.xlsx import Formats, new_workbook, write_table

    path = tmp_path / "t.xlsx"
    workbook = new_workbook(path, AS_OF, "t")
    empty = pd.DataFrame({"id": pd.Series(dtype=str), "dias": pd.Series(dtype=int)})
    write_table(workbook, Formats(workbook), "Vencidos", empty, ["ID", "Días"],
                Printing(Paper(), "t", lang), charted=charted)
    workbook.close()
    sheet = openpyxl.load_workbook(path)["Vencidos"]
    assert sheet["A2"].value == word("table.empty", lang)


@pytest.mark.parametrize("charted", [False, True])
def test_a_sheet_named_with_an_apostrophe_keeps_its_table(tmp_path: Path,
                                                          charted: bool) -> None:
    """The English report's "Review at the plan's end": xlsxwriter refused a table named
    after it, and the sheet had neither its table nor its header row."""
    import pandas as pd

    from pipeline.write.printing import Paper, Printing
    from pipeline.write.xlsx import Formats, new_workbook, write_table

    path = tmp_path / "t.xlsx"
    workbook = new_workbook(path, AS_OF, "t")
    table = pd.DataFrame({"indicador": ["People"], "meta": [10.0]})
    write_table(workbook, Formats(workbook), "Review at the plan's end", table,
                ["Indicator", "Target"], Printing(Paper(), "t", "en"), charted=charted)
    workbook.close()
    sheet = openpyxl.load_workbook(path)["Review at the plan's end"]
    assert [c.value for c in sheet[1]] == ["Indicator", "Target"]
    assert len(sheet.tables) == 1


@pytest.mark.parametrize("blanks", [0, 3, 799, 800, 801, 5_000])
def test_a_columns_first_values_are_found_past_any_number_of_blanks(blanks: int) -> None:
    """A column's format and width are chosen from its first values that are not blank,
    however many blanks come first (the column's head is looked at first, then the rest)."""
    values = [None] * blanks + [f"texto {n}" if n % 3 else float("nan") for n in range(700)]
    for dtype in (object, "str"):
        column = pd.Series(values, dtype=dtype)
        for n in (200, 500):
            found = xlsx._first_present(column, n)
            assert found.tolist() == column.dropna().head(n).tolist()
            assert found.index.tolist() == column.dropna().head(n).index.tolist()
