"""The annual report from four stored rounds of a year, its counts checked against the
CSVs of those rounds; its HTML renders in headless Chromium and its workbook opens in
LibreOffice."""

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import OFFICIAL_TITLES

D = dt.date
TITLES = [*OFFICIAL_TITLES, "Reservado (solo gobiernos)"]
READ = {"encoding": "utf-8-sig", "keep_default_na": False, "dtype": str}
ROUNDS = {"2027-T1": D(2027, 3, 31), "2027-T2": D(2027, 6, 30), "2027-T3": D(2027, 9, 30),
          "2027-T4": D(2027, 12, 15)}
STATUS = {  # Honduras's statuses round by round
    "Centros de retorno": ["pendiente", "en proceso", "en proceso", "finalizado"],
    "Campaña informativa": ["pendiente", "pendiente", "en proceso", "en proceso"],
    "Protocolo reservado": ["en proceso", "en proceso", "finalizado", "finalizado"],
}


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("year")
    history = base / "historial.sqlite"
    for n, (ronda, as_of) in enumerate(ROUNDS.items()):
        inbox = base / ronda / "in"
        deadline = D(2027, 5, 31) if n == 0 else D(2027, 8, 31)  # moved in T2
        rows = [
            ["1", "Retorno", "Centros de retorno", "Centros", "Honduras", deadline,
             STATUS["Centros de retorno"][n], "No"],
            ["1", "Retorno", "Campaña informativa", None, None, D(2027, 2, 28),
             STATUS["Campaña informativa"][n], "No"],
            ["1", "Retorno", "Protocolo reservado", "Protocolo", "Honduras", D(2027, 10, 31),
             STATUS["Protocolo reservado"][n], "Sí"],
        ]
        make(inbox / "Honduras.xlsx", rows)
        make(inbox / "RROCM.xlsx", [["3", "Trata", f"Acuerdo {k}", "Informe", "RROCM",
                                     D(2027, 11, 30), "pendiente", "No"] for k in range(4)])
        if n in (0, 2):
            make(inbox / "Panamá.xlsx", [["3", "Flujos migratorios mixtos", "Estaciones",
                                          "Estaciones", "Panamá", D(2027, 12, 31),
                                          "en proceso" if n == 0 else "finalizado", "No"]])
        invoke("consolidate", str(inbox), "--out", str(base / ronda / "out"), "--round", ronda,
               "--as-of", as_of.isoformat(), "--history", str(history))
    invoke("report", "--year", "2027", "--out", str(base / "informe"), "--history",
           str(history))
    invoke("report", "--year", "2027", "--out", str(base / "publico"), "--history",
           str(history), "--public", "--lang", "en")
    return base


def make(path: Path, rows: list[list[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for c, title in enumerate(TITLES, start=1):
        sheet.cell(1, c, title)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(r, c, value)
    workbook.save(path)


def year_end_from_csvs(base: Path) -> pd.DataFrame:
    """Each reporter's rows of the last round of the year it sent, from the round CSVs."""
    latest: dict[str, pd.DataFrame] = {}
    for ronda in ROUNDS:
        matrix = pd.read_csv(base / ronda / "out" / "matriz.csv", **READ)
        for informante, rows in matrix.groupby("informante"):
            latest[informante] = rows
    return pd.concat(latest.values())


def figures(path: Path) -> dict[str, float]:
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return {row[0]: row[1] for row in sheet.iter_rows(values_only=True)
            if row[0] and isinstance(row[1], int | float)}


def test_counts_match_the_round_csvs(year: Path) -> None:
    expected = year_end_from_csvs(year)
    got = figures(year / "informe" / "informe_anual_2027.xlsx")
    assert got["Actividades"] == len(expected) == 8
    assert got["Logradas"] == (expected["estado"] == "finalizado").sum() == 3
    assert got["En proceso"] == (expected["estado"] == "en_proceso").sum()
    assert got["Sin parte responsable"] == (expected["responsable"] == "").sum()
    moved = sum(len(pd.read_csv(year / r / "out" / "cambios.csv", **READ)
                    .query("tipo == 'plazo_modificado'")) for r in ROUNDS)
    assert got["Plazos modificados"] == moved == 1
    # the mean of each round's exact share of expected reporters that sent, rounded once
    # (the rounds' own percentages, each rounded, gave 84 for 83.3: the attack pass)
    import json
    import sqlite3

    with sqlite3.connect(year / "historial.sqlite") as conn:
        stored = [json.loads(c) for (c,) in conn.execute("SELECT cifras FROM rondas")]
    conn.close()
    exact = [100 * f["informantes"] / f["esperados"] for f in stored if f["esperados"]]
    assert got["Completitud media de envíos (%)"] == round(sum(exact) / len(exact))


def test_markdown_sections_and_recommendations(year: Path) -> None:
    text = (year / "informe" / "informe_anual_2027.md").read_text("utf-8")
    assert "BORRADOR" in text
    for heading in ("1. Compromisos logrados, en proceso y pendientes",
                    "2. Balance del trabajo realizado", "3. Observaciones de RROCM",
                    "4. Recomendaciones"):
        assert heading in text
    assert "RROCM tiene 4 actividades con plazo en 2027" in text
    assert "Panamá no envió su matriz en 2 de 4 rondas (2027-T2, 2027-T4)" in text
    assert "Dar seguimiento a «Campaña informativa»" in text  # the longest overdue


def test_public_edition_leaves_restricted_rows_out(year: Path) -> None:
    from pipeline.jobs.report import annual_report
    from pipeline.reference.load import load_reference

    public = (year / "publico" / "annual_report_2027_public.md").read_text("utf-8")
    assert "Protocolo reservado" not in public and "DRAFT" in public
    assert figures(year / "publico" / "annual_report_2027_public.xlsx")["Activities"] == 7
    assert figures(year / "informe" / "informe_anual_2027.xlsx")["Actividades"] == 8
    # the restricted item is in the full report's data and not in the public one's
    ref, history = load_reference(), year / "historial.sqlite"
    full_items = set(annual_report(2027, history, ref, "es").items["actividad"])
    public_items = set(annual_report(2027, history, ref, "en", public=True).items["actividad"])
    assert full_items - public_items == {"Protocolo reservado"}


def test_same_history_same_report(year: Path, tmp_path: Path) -> None:
    invoke("report", "--year", "2027", "--out", str(tmp_path), "--history",
           str(year / "historial.sqlite"))
    for ext in ("md", "html", "xlsx"):
        name = f"informe_anual_2027.{ext}"
        assert (tmp_path / name).read_bytes() == (year / "informe" / name).read_bytes()


def test_both_languages_can_stand_in_one_folder(year: Path, tmp_path: Path) -> None:
    """`report --lang en` wrote over the Spanish report of the same year."""
    history = str(year / "historial.sqlite")
    invoke("report", "--year", "2027", "--out", str(tmp_path), "--history", history)
    invoke("report", "--year", "2027", "--out", str(tmp_path), "--history", history,
           "--lang", "en")
    spanish = (tmp_path / "informe_anual_2027.md").read_text("utf-8")
    assert "BORRADOR" in spanish and "DRAFT" not in spanish
    english = [p for p in tmp_path.glob("*.md") if p.name != "informe_anual_2027.md"]
    assert len(english) == 1 and "DRAFT" in english[0].read_text("utf-8")
    assert len(list(tmp_path.glob("*.xlsx"))) == len(list(tmp_path.glob("*.html"))) == 2
    for ext in ("md", "html", "xlsx"):  # and the Spanish files are the ones written alone
        name = f"informe_anual_2027.{ext}"
        assert (tmp_path / name).read_bytes() == (year / "informe" / name).read_bytes()


def test_no_rounds_for_the_year_says_so(year: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "--year", "2019", "--out", str(tmp_path),
                                      "--history", str(year / "historial.sqlite")])
    assert result.exit_code == 3 and "2019" in result.output


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_html_renders_in_headless_chromium(year: Path, tmp_path: Path) -> None:
    page = year / "informe" / "informe_anual_2027.html"
    shot = tmp_path / "page.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'p'}",
                    f"--screenshot={shot}", "--window-size=1200,2400", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 50_000
    pdf = tmp_path / "page.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--no-first-run",
                    f"--user-data-dir={tmp_path / 'p2'}", f"--print-to-pdf={pdf}",
                    page.as_uri()], check=True, capture_output=True, timeout=120)
    assert pdf.read_bytes().startswith(b"%PDF")
    html = page.read_text("utf-8")
    assert html.count('<figure class="chart">') == 3 and "http" not in html.split("<body>")[1]
    if shutil.which("pdftotext"):  # ids and dates printed whole, never "2027-05-/31"
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                              capture_output=True, timeout=60).stdout.decode()
        import re

        tokens = set(re.findall(r"<td[^>]*>((?:[A-Z]{3}-[0-9A-F]{6})|(?:\d{4}-\d{2}-\d{2}))</td>",
                                html))
        assert tokens
        words = set(text.split())
        assert tokens <= words, tokens - words


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_workbook_opens_in_libreoffice(year: Path, tmp_path: Path) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(year / "informe" / "informe_anual_2027.xlsx")],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "informe_anual_2027.pdf").read_bytes().startswith(b"%PDF")


def test_the_workbook_has_the_charts_of_the_html_with_the_values_of_their_tables(
        year: Path) -> None:
    """By group, by pillar, by reporter: the three charts of the HTML, each drawn from its
    table, written cell by cell so the chart holds cached values (viewers that do not
    recalculate show the bars)."""
    import re
    import zipfile

    path = year / "informe" / "informe_anual_2027.xlsx"
    page = (year / "informe" / "informe_anual_2027.html").read_text("utf-8")
    shown = re.findall(r'<svg [^>]*aria-label="([^"]+)"', page)
    book = openpyxl.load_workbook(path)
    with zipfile.ZipFile(path) as archive:
        charts = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
        assert len(charts) == len(shown) == 3
        for name, heading in zip(charts, shown, strict=True):
            chart = archive.read(name).decode()
            assert f"<a:t>{heading}</a:t>" in chart
            source = re.search(r"<c:f>'?([^'!]+)'?!", chart)
            assert source is not None and heading.startswith(source.group(1))
            cached = [float(v) for v in re.findall(r"<c:v>([\d.]+)</c:v>", chart)]
            numbers = {float(v) for row in book[source.group(1)].iter_rows(
                min_row=2, values_only=True) for v in row if isinstance(v, int | float)}
            assert cached and set(cached) <= numbers, heading


def test_an_english_report_names_parties_and_groups_in_english(year: Path,
                                                               tmp_path: Path) -> None:
    """Each table of the English report shows the network's names in English (Panama,
    Trafficking…), as its other sections and the overdue lists do; the Spanish one in
    Spanish."""
    history = str(year / "historial.sqlite")
    invoke("report", "--year", "2027", "--out", str(tmp_path), "--history", history,
           "--lang", "en")
    [english] = [p for p in tmp_path.glob("*.md")]
    text = english.read_text("utf-8")
    table_lines = [line for line in text.splitlines() if line.startswith("| ")]
    assert any(line.startswith("| Panama |") for line in table_lines), text
    assert not any(line.startswith(("| Panamá |", "| 2027-T1 | Panamá |"))
                   for line in table_lines), text
    spanish = (year / "informe" / "informe_anual_2027.md").read_text("utf-8")
    assert any(line.startswith("| Panamá |") for line in spanish.splitlines())


def test_the_mean_completeness_is_rounded_once() -> None:
    """(attack pass: 3 of 3 and 2 of 3 reporters are 83.3 %, reported 84 % from the rounds'
    rounded 100 and 67)"""
    from pipeline.report.data import mean_completeness

    rounds = pd.DataFrame({"completitud": [100, 67], "informantes": [3, 2],
                           "esperados": [3, 3]})
    assert mean_completeness(rounds) == round((100 + 200 / 3) / 2) == 83
    assert round(rounds["completitud"].mean()) == 84  # (what was reported)
    older = pd.DataFrame({"completitud": [100, 67]})  # (rounds stored without the counts)
    assert mean_completeness(older) == 84
    assert mean_completeness(pd.DataFrame({"completitud": []})) == 0
