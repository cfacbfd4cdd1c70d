"""Random workbooks through the reader (issue 3): random title blocks, title spellings,
column orders, blank and footnote rows, vertical merges and junk columns. Nothing
crashes, no row is lost or invented, and every problem is a catalogued issue."""

import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.jobs.consolidate import Options, analyze
from pipeline.read.workbook import read_workbook
from validation.catalogue import CATALOGUE

TITLES = {
    "actividad": ["Descripción de la actividad", "DESCRIPCION DE LA ACTIVIDAD",
                  "Activity description", "Actividades prioritarias", "Actividad"],
    "pilar": ["Pilar programático", "Pilar que se atiende", "Programmatic pillar"],
    "tema": ["Tema", "Theme"],
    "responsable": ["Parte responsable", "Responsible party", "parte  responsable"],
    "plazo": ["Plazo de cumplimiento (1er año, 2do año, 3er año)", "Deadline",
              "Plazo de\ncumplimiento"],
    "estado": ["Estado (finalizado/ en proceso de implementarse/ no alcanzado)", "Status"],
    "indicadores": ["Indicadores de resultados / impacto", "Indicadores de resultados"],
}
JUNK = ["Conferencia Regional sobre Migración", "Matriz 2026", "Informe país", "Borrador",
        "Versión final", "", "Observación libre"]
VALUES = st.one_of(
    st.none(), st.sampled_from(["Guatemala", "OIM; ACNUR", "permanente", "T1 2027",
                                "en proceso", "Done", "Pilar 2", "Retorno", "=1+1", "xyz"]),
    st.integers(0, 3000), st.dates(dt.date(2019, 1, 1), dt.date(2030, 12, 31)),
)


@st.composite
def matrices(draw: st.DrawFn) -> dict:
    keys = ["actividad", *draw(st.lists(st.sampled_from(sorted(set(TITLES) - {"actividad"})),
                                        min_size=2, unique=True))]
    keys = draw(st.permutations(keys))
    titles = [draw(st.sampled_from(TITLES[k])) for k in keys]
    junk_column = draw(st.booleans())
    if junk_column:
        titles.append("Columna propia")
    rows: list[list[object] | str] = []
    n_items = draw(st.integers(0, 12))
    for i in range(n_items):
        if draw(st.integers(0, 4)) == 0:
            rows.append(draw(st.sampled_from(["blank", "Nota: cifras preliminares",
                                              "* fuente: cancillería"])))
        row = [draw(VALUES) for _ in titles]
        row[keys.index("actividad")] = f"Actividad {i}"
        rows.append(row)
    title_rows = draw(st.lists(st.sampled_from(JUNK), max_size=5))
    merge_column = draw(st.sampled_from([k for k in keys if k != "actividad"]))
    merge_length = draw(st.integers(2, 4))
    return {"keys": keys, "titles": titles, "rows": rows, "title_rows": title_rows,
            "merge": (merge_column, merge_length), "n_items": n_items}


def write(spec: dict, path: Path) -> dict[int, int]:
    """Write the workbook; return Excel row -> item number."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for r, text in enumerate(spec["title_rows"], start=1):
        sheet.cell(r, 1, text or None)
    header = len(spec["title_rows"]) + 1
    for c, title in enumerate(spec["titles"], start=1):
        sheet.cell(header, c, title)
    items: dict[int, int] = {}
    r = header
    for row in spec["rows"]:
        r += 1
        if row == "blank":
            continue
        if isinstance(row, str):
            sheet.cell(r, 1, row)
            continue
        for c, value in enumerate(row, start=1):
            if value is not None:
                cell = sheet.cell(r, c, value)
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"
        items[r] = int(str(row[spec["keys"].index("actividad")]).split()[-1])
    column, length = spec["merge"]
    rows = sorted(items)
    for start in range(len(rows)):
        run = rows[start:start + length]
        if len(run) == length and run[-1] - run[0] == length - 1:  # consecutive items only
            c = spec["keys"].index(column) + 1
            sheet.merge_cells(start_row=run[0], start_column=c, end_row=run[-1], end_column=c)
            spec["merged"] = (run, c - 1)
            break
    workbook.save(path)
    return items


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matrices())
def test_random_workbooks_lose_no_row(spec: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "Honduras.xlsx"
        items = write(spec, path)
        read = read_workbook(path)
        assert read.refused is None
        result = analyze(Options(input_dir=Path(tmp), as_of=dt.date(2026, 11, 30)))
        assert sorted(result.matrix["fila"]) == sorted(items)
        assert all(issue.code in CATALOGUE for issue in result.issues)
        for codes in result.matrix["problemas"]:
            assert all(code in CATALOGUE for code in codes.split("; ") if code)
        if spec["n_items"] == 0:
            assert all(not s.records for s in read.sheets)
            return
        [sheet] = read.sheets
        found = {rec["_fila"]: rec["actividad"] for rec in sheet.records}
        assert found == {r: f"Actividad {i}" for r, i in items.items()}
        if "merged" in spec:
            run, c = spec["merged"]
            key = spec["keys"][c]
            values = {rec["_fila"]: rec[key] for rec in sheet.records}
            assert len({repr(values[r]) for r in run}) == 1  # the merge applies to all
        if "Columna propia" in spec["titles"]:
            assert "Columna propia" in sheet.header.extras
