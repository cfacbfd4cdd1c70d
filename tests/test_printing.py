"""Every workbook as its reader prints it (issue 14): LibreOffice prints each to PDF and
the pages are read back: text at least about 7 points, each table's header on each of its
pages, no page holding a lone column, charts never cut by a page, the template's
instructions on one page and its matrix on landscape pages, the reminder's message within
the page."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.jobs.consolidate import Options, run_consolidation
from pipeline.jobs.template import generate_templates
from pipeline.model.labels import title
from pipeline.words import word
from tests.conftest import AS_OF, ROOT
from tests.printout import Page, by_sheet, has_carlito, needs_carlito, needs_printing, printed

pytestmark = needs_printing
SMALLEST = 7.0  # points: the smallest type a printed page may mostly be in


@pytest.fixture(scope="module")
def round_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("print") / "out"
    run_consolidation(Options(input_dir=ROOT / "input_workbooks", out_dir=out, as_of=AS_OF))
    return out


@pytest.fixture(scope="module")
def consolidated(round_out: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Page]:
    return printed(round_out / "consolidado.xlsx", tmp_path_factory.mktemp("pdf"))


def readable(pages: list[Page]) -> None:
    """Most of each page's words are printed at `SMALLEST` points or more."""
    for page in pages:
        if page.sizes:
            assert page.median_points() >= SMALLEST, (page.sheet, page.number,
                                                      page.median_points())


@needs_carlito
def test_the_consolidated_workbook_prints_readably(consolidated: list[Page]) -> None:
    assert 8 <= len(consolidated) <= 30  # the sample round: 34 activities, 16 reporters
    readable(consolidated)
    sheets = by_sheet(consolidated)
    for key in ("resumen", "matriz", "cambios", "vencidos", "por_vencer", "sin_responsable",
                "plazos_imprecisos", "cuadricula", "envios", "problemas"):
        assert word(f"sheet.{key}", "es") in sheets, key


@pytest.mark.parametrize(("sheet", "first"), [
    ("matriz", "informante"), pytest.param("vencidos", "informante", marks=needs_carlito),
    ("envios", "informante"),
    ("problemas", "severidad"), ("cuadricula", "id"), ("cambios", "informante")])
def test_each_page_of_a_table_shows_its_header(consolidated: list[Page], sheet: str,
                                               first: str) -> None:
    pages = by_sheet(consolidated)[word(f"sheet.{sheet}", "es")]
    heading = title(first, "es").split()[0]
    for page in pages:
        top = sorted(page.words, key=lambda w: w.y0)[:12]
        assert heading in {w.text for w in top}, (sheet, page.number)


def test_no_page_holds_a_lone_column(consolidated: list[Page]) -> None:
    """Every page of a table sheet shows its first column (printed, or repeated) and more
    than one column's heading."""
    for key, first in (("matriz", "informante"), ("cuadricula", "actividad"),
                       ("problemas", "mensaje"), ("envios", "estado")):
        for page in by_sheet(consolidated)[word(f"sheet.{key}", "es")]:
            columns = {round(w.x0 / 40) for w in page.words}  # ~ one per 40 points
            assert len(columns) >= 3, (key, page.number)
            assert title(first, "es").split()[0] in page.text, (key, page.number)


def test_a_chart_is_never_cut_by_a_page(consolidated: list[Page], round_out: Path) -> None:
    """A summary block's title (its table's and its chart's) and its last category (in the
    table and on the chart's axis) are on one page."""
    import pandas as pd

    pages = by_sheet(consolidated)[word("sheet.resumen", "es")]
    blocks = {"por_grupo": "resumen_por_grupo", "por_pilar": "resumen_por_pilar",
              "por_informante": "resumen_por_informante"}
    for key, csv in blocks.items():
        table = pd.read_csv(round_out / f"{csv}.csv", encoding="utf-8-sig", dtype=str)
        last = str(table.iloc[-1, 0]).split()[-1]
        heading = word(f"block.{key}", "es", grupo="grupo de trabajo")  # the CRM's word
        holding = [p for p in pages if heading in p.text]
        assert len(holding) == 1, (key, [p.number for p in holding])
        assert holding[0].text.count(heading) == 2  # the table's title and the chart's
        assert holding[0].text.count(last) >= 2, (key, last)  # in the table and the axis


@needs_carlito
def test_feedback_prints_readably(round_out: Path, tmp_path: Path) -> None:
    pages = printed(round_out / "retroalimentacion" / "Guatemala.xlsx", tmp_path)
    assert 2 <= len(pages) <= 6
    readable(pages)
    matrix = by_sheet(pages)[word("sheet.matriz", "es")]
    for page in matrix:  # the id column repeats on every page across
        assert "ID" in {w.text for w in page.words}, page.number


def test_the_template_prints_as_a_form(tmp_path: Path, round_out: Path) -> None:
    [path] = generate_templates(("Guatemala",), False, "2027-T1", None, tmp_path / "t", None,
                                history=round_out / "historial.sqlite").written
    pages = printed(path, tmp_path)
    sheets = by_sheet(pages)
    assert len(sheets[word("template.sheet.instrucciones", "es")]) == 1
    matrix = sheets[word("template.sheet.matriz", "es")]
    assert 2 <= len(matrix) <= 6
    for page in matrix:
        assert page.landscape
        assert "ID" in {w.text for w in page.words}  # header and id column repeated
    readable(pages)


@needs_carlito
def test_the_reminder_message_stays_within_the_page(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import cli

    CliRunner().invoke(cli, ["overdue", str(ROOT / "input_workbooks"), "--as-of",
                             AS_OF.isoformat(), "--out", str(tmp_path / "r")])
    pages = printed(tmp_path / "r" / "OIM.xlsx", tmp_path)
    readable(pages)
    sheets = by_sheet(pages)
    assert len(sheets[word("sheet.pendientes", "es")]) == 1
    [message] = sheets[word("sheet.mensaje", "es")]
    assert max(w.x1 for w in message.words) <= message.width - 20  # inside the margin
    assert "Secretaría" in message.text


def test_the_observers_sheets_print_the_item_beside_its_view(tmp_path: Path,
                                                             round_out: Path) -> None:
    """The observer's form: each printed page holds the items and the columns to fill in
    (they were on pages of their own); the consolidated Observaciones sheet prints the two
    views, the observation and its evidence beside the item."""
    [path] = generate_templates(("RROCM",), False, "2027-T1", None, tmp_path / "t", None,
                                history=round_out / "historial.sqlite").written
    pages = by_sheet(printed(path, tmp_path / "form"))[word("sheet.observaciones", "es")]
    assert pages and all(page.landscape for page in pages)
    readable(pages)
    for page in pages:
        assert {"Estado", "observado", "Evidencia", "Observación"} <= {
            w.text for w in page.words}, page.number
    filled = tmp_path / "ronda"
    filled.mkdir()
    book = openpyxl.load_workbook(path)
    sheet = book["Observaciones"]
    sheet.cell(5, 8).value = "No alcanzado"
    sheet.cell(5, 9).value = "https://example.org/evidencia-larga/acta-de-la-visita"
    sheet.cell(5, 10).value = "No se constató avance"
    observed_id = str(sheet.cell(5, 1).value)
    book.save(filled / path.name)
    out = tmp_path / "out"
    history = tmp_path / "historial.sqlite"  # (the module's history stays as it was)
    history.write_bytes((round_out / "historial.sqlite").read_bytes())
    run_consolidation(Options(input_dir=filled, out_dir=out, as_of=AS_OF, round="2027-T1",
                              history=history))
    sheet_pages = by_sheet(printed(out / "consolidado.xlsx", tmp_path / "pdf"))[
        word("sheet.observaciones", "es")]
    readable(sheet_pages)
    page = next(p for p in sheet_pages if observed_id in p.text)
    assert "https://example.org/evidencia-larga/acta-de-la-visita" in page.text.replace(" ", "")
    assert "RROCM" in page.text and "constató" in page.text


HIDE_CARLITO = """<?xml version="1.0"?>
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern><patelt name="family"><string>Carlito</string></patelt>
  </pattern></rejectfont></selectfont>
</fontconfig>
"""


def test_without_carlito_the_measuring_tests_are_skipped_with_the_reason(
        tmp_path: Path) -> None:
    """On a machine with LibreOffice but without Carlito (Calibri's metric twin), the
    tests that measure type sizes and page breaks failed; they are skipped, saying why."""
    import os
    import subprocess
    import sys

    if not has_carlito():
        pytest.skip("Carlito is not installed here: nothing to hide")
    config = tmp_path / "fonts.conf"
    config.write_text(HIDE_CARLITO, encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    assert "carlito" not in subprocess.run(["fc-list"], env=env, capture_output=True,
                                           text=True).stdout.casefold()
    here = "tests/test_printing.py::"
    tests = [f"{here}{name}" for name in (
        "test_the_consolidated_workbook_prints_readably",
        "test_each_page_of_a_table_shows_its_header[vencidos-informante]",
        "test_feedback_prints_readably", "test_the_reminder_message_stays_within_the_page")]
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p",
                           "no:cacheprovider", *tests], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    skipped = [line for line in done.stdout.splitlines() if line.startswith("SKIPPED")]
    assert done.returncode == 0 and len(skipped) == 4, done.stdout[-2000:]
    assert all("fc-list | grep -i carlito" in line for line in skipped), skipped
