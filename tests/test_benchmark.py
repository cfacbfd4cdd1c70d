"""The benchmark's own parts: its synthetic round is read whole by the product, and the
stage figures it reports are the ones the product logs."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from types import ModuleType

import openpyxl
import pandas as pd

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_synthetic_round_is_read_whole_and_its_stages_are_reported(tmp_path: Path) -> None:
    make_round, run = _load("make_round"), _load("run")
    paths = make_round.make_round(tmp_path / "round", 3)
    out = tmp_path / "product"
    start = time.perf_counter()
    run.product(tmp_path / "round", out)
    wall = time.perf_counter() - start

    matrix = pd.read_csv(out / "matriz.csv", encoding="utf-8-sig", keep_default_na=False)
    assert matrix.groupby("archivo").size().to_dict() == {p.name: 40 for p in paths}
    blank_parties = 0
    for path in paths:  # read back with another reader: the responsible party, column E
        sheet = openpyxl.load_workbook(path, read_only=True).active
        blank_parties += sum(1 for (value,) in sheet.iter_rows(min_row=5, min_col=5,
                                                               max_col=5, values_only=True)
                             if not value)
    assert blank_parties > 0
    assert (matrix["responsable"] == "").sum() == blank_parties

    stages = run.stages(out.parent / f"{out.name}.log")
    assert set(stages) == {"reading", "analysis", "writing", "historial"}
    assert all(seconds >= 0 for seconds in stages.values())
    assert stages["historial"] <= stages["writing"]
    # The stages run one after another within the run; each is logged rounded to 0.01 s,
    # so their sum may exceed the measured wall time by up to half a hundredth each.
    rounding = 3 * 0.005
    assert stages["reading"] + stages["analysis"] + stages["writing"] <= wall + rounding
