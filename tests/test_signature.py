"""The template's signature block (who reports, their institution, the date of
submission) is found by its titles in any sheet (issue 21): with the matrix sheet
renamed it was lost silently, no signer and the submission date taken from the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline.jobs.consolidate import Options, run_consolidation
from pipeline.jobs.template import generate_templates
from pipeline.model.columns import COLUMNS
from pipeline.template.workbook import CONTACT_CELLS, HEADER_ROW

READ = {"encoding": "utf-8-sig", "keep_default_na": False, "dtype": str}
COL = {spec.key: c for c, spec in enumerate(COLUMNS, start=1)}


@pytest.mark.parametrize("rename", ["Matriz 2027", "Hoja1"])
def test_the_signature_block_is_found_in_a_renamed_sheet(tmp_path: Path, rename: str) -> None:
    inbox = tmp_path / "in"
    [path] = generate_templates(("Guatemala",), False, "2027-T1", None, inbox, None).written
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[1]
    sheet[CONTACT_CELLS["contacto_nombre"]] = "Ana Beatriz Quesada"
    sheet[CONTACT_CELLS["contacto_institucion"]] = "Ministerio de Relaciones Exteriores"
    sheet[CONTACT_CELLS["fecha_envio"]] = dt.datetime(2027, 2, 10)
    r = HEADER_ROW + 2
    for key, value in (("actividad", "Campaña regional"), ("responsable", "OIM"),
                       ("plazo", dt.datetime(2027, 9, 30)), ("estado", "En proceso")):
        sheet.cell(r, COL[key]).value = value
    sheet.title = rename
    workbook.save(path)
    out = tmp_path / "out"
    run_consolidation(Options(input_dir=inbox, out_dir=out, as_of=dt.date(2027, 2, 28)))
    subs = pd.read_csv(out / "envios.csv", **READ)
    [sub] = subs[subs["archivo"] == path.name].to_dict("records")
    assert sub["contacto_nombre"] == "Ana Beatriz Quesada"
    assert sub["contacto_institucion"] == "Ministerio de Relaciones Exteriores"
    assert sub["fecha_envio"] == "2027-02-10"  # the date stated, not the file's
    matrix = pd.read_csv(out / "matriz.csv", **READ)
    assert list(matrix["actividad"]) == ["Campaña regional"]
