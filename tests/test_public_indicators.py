"""Indicators in the public edition (issue 24): public unless their item is restricted. A
restricted item's indicator is in no public table, sheet, figure or problem; the others are,
and who measures them is scrubbed like any personal data."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pipeline.jobs.consolidate import Options, run_consolidation
from tests.conftest import read_table
from tests.measured import BY, HEAD, ITEMS, SINCE, TITLES
from tests.observed import write_workbook

PERSON = "Rosa Quispe Mamani"


def test_a_restricted_items_indicators_are_left_out(tmp_path: Path) -> None:
    rows = [HEAD,
            ["GT-1", "Personas capacitadas", "personas", 10, SINCE, 1010, BY, 600, "Registro",
             PERSON],
            ["GT-2", "Centros abiertos", "centros", 0, SINCE, 4, BY, 1, "Registro", ""],
            # the restricted item's: a value with no unit (a warning at its cell)
            ["GT-3", "Casos reservados atendidos", "", 0, SINCE, 10, BY, 2, "", ""]]
    folder = tmp_path / "round"
    write_workbook(folder / "Guatemala.xlsx", TITLES, ITEMS, head=(PERSON, "Ministerio"),
                   extra={"Indicadores": rows,
                          "_seguimiento": [["informante", "Guatemala"],
                                           ["hoja_matriz", "Matriz"],
                                           ["celda_contacto_nombre", "A1"]]})
    out = tmp_path / "out"
    run_consolidation(Options(input_dir=folder, out_dir=out, as_of=SINCE.replace(year=2027),
                              public=True))
    full, public = read_table(out, "indicadores"), read_table(out / "publico", "indicadores")
    assert set(full["id"]) == {"GT-1", "GT-2", "GT-3"}  # the check can see it
    assert list(public["id"]) == ["GT-1", "GT-2"]
    assert PERSON not in public.to_csv() and PERSON in full.to_csv()
    told = read_table(out, "problemas")
    assert "indicador-sin-unidad" in set(told["codigo"])
    assert "indicador-sin-unidad" not in set(read_table(out / "publico", "problemas")["codigo"])
    counts = read_table(out / "publico", "indicadores_por_informante")
    assert counts["total"].astype(int).sum() == 2
    book = openpyxl.load_workbook(out / "consolidado_publico.xlsx")
    sheet = [c for r in book["Indicadores"].iter_rows(values_only=True) for c in r if c]
    assert "Personas capacitadas" in sheet and "Casos reservados atendidos" not in sheet
    summary = {r[0]: r[1] for r in book["Resumen"].iter_rows(values_only=True) if r[0]}
    assert summary["Indicadores"] == 2
