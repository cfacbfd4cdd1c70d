"""Observations in the documents people receive (issue 20): a two-round year in a workspace
where the observer (RROCM) observes in the second round only. The observed reporters'
feedback workbooks show each observation beside the item (differing views first); the
observer's own feedback lists its observations and the one that named no item; the annual
report counts the observations per round and quotes each differing view of the year's
last round. Every figure is counted here from the test's own data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import OFFICIAL_TITLES
from tests.printout import needs_printing, printed

D = dt.date
TITLES = ["Código", *OFFICIAL_TITLES, "Reservado (solo gobiernos)"]
ROUNDS = {"2027-T1": D(2027, 3, 31), "2027-T2": D(2027, 6, 30)}
OBSERVATION_TITLES = ["ID", "Informante", "Estado observado", "Evidencia", "Observación",
                      "Ámbito"]


@dataclass(frozen=True)
class Item:
    reporter: str
    ident: str
    activity: str
    statuses: tuple[str, str]  # as written in each round
    official: str  # its status key in round 2
    restricted: bool = False


ITEMS = [
    Item("Honduras", "HN-1", "Centros de retorno", ("en proceso", "en proceso"), "en_proceso"),
    Item("Honduras", "HN-2", "Campaña informativa", ("pendiente", "pendiente"), "pendiente"),
    Item("Honduras", "HN-3", "Protocolo reservado", ("en proceso", "en proceso"), "en_proceso",
         restricted=True),
    Item("Canadá", "CA-1", "Fair recruitment workshop", ("In progress", "Completed"),
         "finalizado"),
]


@dataclass(frozen=True)
class Observation:
    ident: str
    reporter: str
    written: str  # the observed status as the observer wrote it
    observed: str  # its key
    evidence: str
    text: str
    level: str


OBSERVATIONS = [
    Observation("HN-1", "Honduras", "Finalizado", "finalizado",
                "https://example.org/centros?a=1&b=2", "Los centros abrieron en <b>mayo</b>.",
                "Nacional"),
    Observation("HN-2", "Honduras", "Pendiente", "pendiente", "", "Coincidimos.", "Regional"),
    Observation("HN-3", "Honduras", "No alcanzado", "no_alcanzado", "javascript:alert(1)",
                "Sin avances visibles.", "Local"),
    Observation("CA-1", "Canadá", "Pending", "pendiente", "",
                "No workshop held yet. Ask ana.perez@example.org", "Regional"),
    Observation("HN-9", "Honduras", "Sin información", "sin_informacion", "",
                "¿Existe este ítem?", ""),
]
UNKNOWN_ROW = 2 + [o.ident for o in OBSERVATIONS].index("HN-9")  # its row in the sheet


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.output


def make(path: Path, rows: list[list[object]],
         observations: list[Observation] | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Matriz"
    for c, title in enumerate(TITLES, start=1):
        sheet.cell(1, c, title)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            sheet.cell(r, c, value)
    if observations is not None:
        side = workbook.create_sheet("Observaciones")
        side.append(OBSERVATION_TITLES)
        for o in observations:
            side.append([o.ident, o.reporter, o.written, o.evidence, o.text, o.level])
    workbook.save(path)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("observed")
    folder = base / "ws"
    invoke("init", str(folder))
    for n, (ronda, as_of) in enumerate(ROUNDS.items()):
        inbox = base / "in" / ronda
        for reporter in ("Honduras", "Canadá"):
            make(inbox / f"{reporter}.xlsx", [
                [i.ident, "1", "Retorno", i.activity, "Indicador", i.reporter, D(2027, 12, 31),
                 i.statuses[n], "Sí" if i.restricted else "No"]
                for i in ITEMS if i.reporter == reporter])
        make(inbox / "RROCM.xlsx",
             [["RR-1", "3", "Trata", "Informe sombra", "Informe", "RROCM", D(2027, 12, 31),
               "pendiente", "No"]], OBSERVATIONS if n == 1 else None)
        invoke("consolidate", str(inbox), "--workspace", str(folder), "--round", ronda,
               "--as-of", as_of.isoformat())
    invoke("report", "--year", "2027", "--workspace", str(folder))
    invoke("report", "--year", "2027", "--workspace", str(folder), "--public", "--lang", "en")
    return folder


def feedback(workspace: Path, ronda: str, reporter: str) -> openpyxl.Workbook:
    return openpyxl.load_workbook(workspace / "resultados" / ronda / "retroalimentacion" /
                                  f"{reporter}.xlsx")


def table_of(sheet: openpyxl.worksheet.worksheet.Worksheet, first: str,
             ) -> list[dict[str, object]]:
    """The rows under the header row whose first cell is `first`, by heading."""
    rows = list(sheet.iter_rows(values_only=True))
    at = next(r for r, row in enumerate(rows) if row[0] == first)
    heads = [str(h) for h in rows[at]]
    return [dict(zip(heads, row, strict=True)) for row in rows[at + 1:] if any(row)]


def observed(reporter: str) -> list[Observation]:
    known = {i.ident for i in ITEMS}
    return [o for o in OBSERVATIONS if o.reporter == reporter and o.ident in known]


def official(ident: str) -> str:
    return next(i.official for i in ITEMS if i.ident == ident)


def test_the_reporter_sees_each_observation_of_its_items_differing_first(
        workspace: Path) -> None:
    workbook = feedback(workspace, "2027-T2", "Honduras")
    rows = table_of(workbook["Observaciones de sus ítems"], "ID")
    mine = observed("Honduras")
    assert sorted(r["ID"] for r in rows) == sorted(o.ident for o in mine)
    differing = [o.ident for o in mine if o.observed != official(o.ident)]
    assert {r["ID"] for r in rows[:len(differing)]} == set(differing)
    first = next(r for r in rows if r["ID"] == "HN-1")
    assert first["Estado oficial"] == "En proceso"
    assert first["Estado observado"] == "Finalizado"
    assert first["Coincide"] == "Difiere"
    assert first["Observación"] == "Los centros abrieron en <b>mayo</b>."
    assert first["Evidencia"] == "https://example.org/centros?a=1&b=2"
    assert first["Ámbito"] == "Nacional" and first["Observador"] == "RROCM"
    assert next(r for r in rows if r["ID"] == "HN-2")["Coincide"] == "Coincide"
    sheet = workbook["Observaciones de sus ítems"]
    marked = {c.value for row in sheet.iter_rows() for c in row
              if c.fill.fgColor.rgb and str(c.fill.fgColor.rgb).endswith("FFE699")}
    assert marked == {"Difiere"}  # a differing view stands out
    # the first sheet, the one opened, says where to look
    notes = [c for row in workbook["Problemas"].iter_rows(max_row=3, values_only=True)
             for c in row if isinstance(c, str)]
    assert (f"RROCM dio su valoración de {len(mine)} de sus ítems: vea la hoja "
            "«Observaciones de sus ítems»." in notes)
    # the first round, observed by nobody: no such sheet
    assert feedback(workspace, "2027-T1", "Honduras").sheetnames == ["Problemas", "Matriz"]


def test_an_english_speaking_reporter_reads_them_in_english(workspace: Path) -> None:
    workbook = feedback(workspace, "2027-T2", "Canadá")
    assert workbook.sheetnames == ["Issues", "Matrix", "Observations of your items"]
    (row,) = table_of(workbook["Observations of your items"], "ID")
    assert (row["ID"], row["Official status"], row["Observed status"], row["Agrees"],
            row["Observation"]) == ("CA-1", "Completed", "Not started", "Differs",
                                    "No workshop held yet. Ask ana.perez@example.org")


def test_the_observer_sees_its_observations_and_the_one_that_named_no_item(
        workspace: Path) -> None:
    workbook = feedback(workspace, "2027-T2", "RROCM")
    problems = table_of(workbook["Problemas"], "Severidad")
    assert any(p["Hoja"] == "Observaciones" and p["Celda"] == f"A{UNKNOWN_ROW}"
               and p["Valor"] == "HN-9" for p in problems)
    rows = table_of(workbook["Sus observaciones"], "ID")
    assert [r["ID"] for r in rows][0] == "HN-9"  # what it must correct, first
    assert sorted(r["ID"] for r in rows) == sorted(o.ident for o in OBSERVATIONS)
    unknown = rows[0]
    assert unknown["Coincide"] == "Ítem no encontrado" and unknown["Fila original"] == UNKNOWN_ROW
    restricted = next(r for r in rows if r["ID"] == "HN-3")
    assert restricted["Estado oficial"] == "Reservado"  # a restricted item's status is not
    assert restricted["Observación"] == "Sin avances visibles."  # its own words are


def test_observations_never_count_as_commitments_in_the_observers_feedback(
        workspace: Path) -> None:
    matrix = feedback(workspace, "2027-T2", "RROCM")["Matriz"]
    activities = [row[4] for row in matrix.iter_rows(min_row=2, values_only=True) if any(row)]
    assert activities == ["Informe sombra"]


@needs_printing
def test_the_observations_sheet_prints_legibly(workspace: Path, tmp_path: Path) -> None:
    pages = printed(workspace / "resultados" / "2027-T2" / "retroalimentacion" /
                    "Honduras.xlsx", tmp_path)
    sheet = [p for p in pages if p.sheet == "Observaciones de sus ítems"]
    assert len(sheet) == 1
    page = sheet[0]
    assert page.median_points() >= 7.0
    for text in ("HN-1", "Finalizado", "abrieron", "Coincidimos.", "Observador"):
        assert text in page.text, text


# The annual report ------------------------------------------------------------------------

def counted(public: bool) -> tuple[int, int, int]:
    """Items observed, views that agree, views that differ in round 2, from ITEMS and
    OBSERVATIONS (the public edition leaves restricted items out)."""
    items = {i.ident: i for i in ITEMS if not (public and i.restricted)}
    views = [o for o in OBSERVATIONS if o.ident in items]
    return (len({o.ident for o in views}),
            sum(o.observed == items[o.ident].official for o in views),
            sum(o.observed not in (items[o.ident].official, "sin_informacion") for o in views))


def differing(public: bool) -> list[Observation]:
    items = {i.ident: i for i in ITEMS if not (public and i.restricted)}
    return [o for o in OBSERVATIONS if o.ident in items
            and o.observed not in (items[o.ident].official, "sin_informacion")]


def report_text(workspace: Path, public: bool, ext: str) -> str:
    name = f"annual_report_2027_public.{ext}" if public else f"informe_anual_2027.{ext}"
    return (workspace / "informes" / name).read_text("utf-8")


def test_the_report_counts_the_observations_of_each_round(workspace: Path) -> None:
    text = report_text(workspace, False, "md")
    assert "## 3. Observaciones de RROCM" in text and "## 4. Recomendaciones" in text
    observed, agree, differ = counted(public=False)
    assert (observed, agree, differ) == (4, 1, 3)
    assert f"| 2027-T2 | {observed} | {agree} | {differ} |" in text
    assert "| 2027-T1 | — | — | — |" in text  # nobody observed in round 1
    public = report_text(workspace, True, "md")
    observed, agree, differ = counted(public=True)
    assert f"| 2027-T2 | {observed} | {agree} | {differ} |" in public
    assert "## 3. Observations by RROCM" in public


def test_the_report_quotes_each_differing_view_of_the_last_round(workspace: Path) -> None:
    text = report_text(workspace, False, "md")
    for o in differing(public=False):
        shown = o.text.replace("<", "&lt;").replace(">", "&gt;")
        assert shown in text, o.ident
    # evidence is a link only when it is a web address
    assert "](<https://example.org/centros?a=1&amp;b=2>)" in text
    assert "javascript:alert(1)" in text and "](<javascript" not in text
    assert "Coincidimos." not in text  # an agreeing view is counted, not quoted
    public = report_text(workspace, True, "md")
    assert {o.ident for o in differing(public=True)} == {"HN-1", "CA-1"}
    assert "No workshop held yet." in public and "Sin avances visibles." not in public
    # the public edition carries no personal data (the internal one quotes as written)
    assert "ana.perez@example.org" in text and "ana.perez@example.org" not in public
    assert "personal data removed" in public


def test_the_report_page_links_only_web_evidence_and_escapes_the_texts(
        workspace: Path) -> None:
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.hrefs: list[str] = []
            self.bold = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.hrefs += [v or "" for k, v in attrs if tag == "a" and k == "href"]
            self.bold += tag == "b"

    page = Links()
    page.feed(report_text(workspace, False, "html"))
    assert page.hrefs == ["https://example.org/centros?a=1&b=2"]
    assert page.bold == 0  # the observer's <b> is text, not markup
    assert "Los centros abrieron en &lt;b&gt;mayo&lt;/b&gt;." in report_text(
        workspace, False, "html")


def test_the_reports_workbook_never_shows_nan(workspace: Path) -> None:
    workbook = openpyxl.load_workbook(workspace / "informes" / "informe_anual_2027.xlsx")
    figures = {row[0]: row[1:] for row in
               workbook["Cifras por ronda"].iter_rows(values_only=True)}
    observed, agree, differ = counted(public=False)
    assert figures["Ítems observados"] == ("—", observed)
    assert figures["Difieren de lo oficial"] == ("—", differ)
    texts = [str(c) for sheet in workbook for row in sheet.iter_rows(values_only=True)
             for c in row if c is not None]
    assert not [t for t in texts if t.lower() == "nan"]
    views = table_of(workbook["Valoraciones que difieren"], "Informante")
    assert sorted(str(v["ID"]) for v in views) == sorted(o.ident for o in differing(False))


def test_a_year_nobody_observed_has_no_observation_rows(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    invoke("init", str(folder))
    inbox = tmp_path / "in"
    make(inbox / "Honduras.xlsx", [[i.ident, "1", "Retorno", i.activity, "Indicador",
                                    i.reporter, D(2027, 12, 31), i.statuses[0], "No"]
                                   for i in ITEMS if i.reporter == "Honduras"])
    invoke("consolidate", str(inbox), "--workspace", str(folder), "--round", "2027-T1",
           "--as-of", "2027-03-31")
    invoke("report", "--year", "2027", "--workspace", str(folder))
    workbook = openpyxl.load_workbook(folder / "informes" / "informe_anual_2027.xlsx")
    names = [row[0] for row in workbook["Cifras por ronda"].iter_rows(values_only=True)]
    assert "Ítems observados" not in names
    text = (folder / "informes" / "informe_anual_2027.md").read_text("utf-8")
    assert "Ninguna ronda del año recibió observaciones." in text
