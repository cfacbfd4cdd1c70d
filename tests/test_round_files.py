"""Whether a file is this round's and whether it says anything new (issue 21): a file
from another round (its name or its template's key says so) is warned and not counted as
this round's submission; a file identical in content to what its reporter sent last round
is counted but marked not updated, in Envíos, the feedback, `validate` and the page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from tests.conftest import MakeWorkbook

READ = {"encoding": "utf-8-sig", "keep_default_na": False, "dtype": str}
ROW = ["3", "Trata", "{activity}", "Informe", "OIM", dt.date(2027, 9, 30), "en proceso"]


def rows(activity: str) -> list[list[object]]:
    return [[activity if v == "{activity}" else v for v in ROW]]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_a_file_of_another_round_is_warned_and_not_counted(make_workbook: MakeWorkbook,
                                                          tmp_path: Path) -> None:
    """`Nicaragua - 2026-T4.xlsx` in round 2027-T1's folder, and a template whose key
    says 2026-T4, were counted as sent on time with nothing to correct."""
    inbox = tmp_path / "2027-T1"
    make_workbook("Guatemala - 2027-T1.xlsx", rows("De Guatemala"), folder=inbox)
    make_workbook("Nicaragua - 2026-T4.xlsx", rows("De Nicaragua"), folder=inbox)
    make_workbook("Honduras.xlsx", rows("De Honduras"), folder=inbox,
                  extra={"_seguimiento": [["informante", "Honduras"], ["ronda", "2026-T4"]]},
                  hidden=["_seguimiento"])
    config = tmp_path / "seguimiento.toml"
    config.write_text('[ronda]\ninformantes_esperados = ["Guatemala", "Honduras", '
                      '"Nicaragua"]\n[cierres]\n"2027-T1" = 2027-12-31\n', encoding="utf-8")
    out = tmp_path / "out"
    code, said = run("consolidate", str(inbox), "--out", str(out), "--round", "2027-T1",
                     "--as-of", "2027-02-28", "--config", str(config))
    assert code == 0, said
    subs = pd.read_csv(out / "envios.csv", **READ)
    by_file = subs.set_index("archivo")
    for name in ("Nicaragua - 2026-T4.xlsx", "Honduras.xlsx"):
        assert by_file.loc[name, "estado"] == "de otra ronda", by_file.loc[name].to_dict()
        assert by_file.loc[name, "a_tiempo"] in ("", "False")
        assert "2026-T4" in by_file.loc[name, "motivo"]
    assert by_file.loc["Guatemala - 2027-T1.xlsx", "estado"] == "leído"
    missing = set(subs.loc[subs["estado"] == "no recibido", "informante"])
    assert missing == {"Nicaragua", "Honduras"}  # not this round's submission
    matrix = pd.read_csv(out / "matriz.csv", **READ)
    assert list(matrix["actividad"]) == ["De Guatemala"]
    issues = pd.read_csv(out / "problemas.csv", **READ)
    other = issues[issues["codigo"] == "ronda-distinta"]
    assert set(other["archivo"]) == {"Nicaragua - 2026-T4.xlsx", "Honduras.xlsx"}
    assert set(other["severidad"]) == {"advertencia"}
    assert all("2026-T4" in m and "2027-T1" in m for m in other["mensaje"])
    feedback = openpyxl.load_workbook(out / "retroalimentacion" / "Nicaragua.xlsx")
    said_there = " ".join(str(c) for row in feedback.worksheets[0].iter_rows(values_only=True)
                          for c in row if c)
    assert "2026-T4" in said_there and "2027-T1" in said_there


def test_a_file_identical_to_the_last_round_is_counted_but_marked_not_updated(
        make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    assert run("init", str(ws))[0] == 0
    before = ws / "recibidos" / "2026-T4"
    make_workbook("Guatemala.xlsx", rows("Campaña regional"), folder=before)
    make_workbook("Honduras.xlsx", rows("Centros de retorno"), folder=before)
    code, said = run("consolidate", "--workspace", str(ws), "--round", "2026-T4",
                     "--as-of", "2026-11-30")
    assert code in (0, 1), said
    now = ws / "recibidos" / "2027-T1"
    same = make_workbook("Guatemala.xlsx", rows("Campaña regional"), folder=now)
    make_workbook("Honduras.xlsx", rows("Centros de retorno, ampliados"), folder=now)

    code, said = run("validate", str(same), "--workspace", str(ws), "--as-of", "2027-02-28")
    assert "[sin-actualizar]" in said and "2026-T4" in said, said

    code, said = run("consolidate", "--workspace", str(ws), "--round", "2027-T1",
                     "--as-of", "2027-02-28")
    assert code in (0, 1), said
    out = ws / "resultados" / "2027-T1"
    subs = pd.read_csv(out / "envios.csv", **READ).set_index("informante")
    assert subs.loc["Guatemala", "estado"] == "leído, sin actualizar"
    assert "2026-T4" in subs.loc["Guatemala", "motivo"]
    assert subs.loc["Honduras", "estado"] == "leído"
    matrix = pd.read_csv(out / "matriz.csv", **READ)
    assert "Campaña regional" in set(matrix["actividad"])  # counted
    issues = pd.read_csv(out / "problemas.csv", **READ)
    stale = issues[issues["codigo"] == "sin-actualizar"]
    assert list(stale["archivo"]) == ["Guatemala.xlsx"]
    feedback = openpyxl.load_workbook(out / "retroalimentacion" / "Guatemala.xlsx")
    codes = " ".join(str(c) for row in feedback.worksheets[0].iter_rows(values_only=True)
                     for c in row if c)
    assert "2026-T4" in codes
    page = (out / "tablero.html").read_text("utf-8")
    assert "leído, sin actualizar" in page


INDICATOR_TITLES = ["Actividad", "Indicador", "Unidad", "Línea base", "Fecha de línea base",
                    "Meta", "Fecha de la meta", "Valor", "Fecha del valor"]


def measured(activity: str, value: object, target: int = 100
             ) -> dict[str, list[list[object]]]:
    return {"Indicadores": [INDICATOR_TITLES, [activity, "Personas", "personas", 0,
                                               "2026-01-01", target, "2028-01-01", value,
                                               "2027-02-15" if value != "" else ""]]}


def test_a_file_whose_only_news_is_in_its_indicators_is_updated(
        make_workbook: MakeWorkbook, tmp_path: Path) -> None:
    """A new value in the indicators sheet is news; the same matrix with its indicators
    as they were, the value left blank (no new measure), is not."""
    ws = tmp_path / "ws"
    assert run("init", str(ws))[0] == 0
    before = ws / "recibidos" / "2026-T4"
    make_workbook("Guatemala.xlsx", rows("Campaña regional"), folder=before,
                  extra=measured("Campaña regional", 20))
    make_workbook("Honduras.xlsx", rows("Centros de retorno"), folder=before,
                  extra=measured("Centros de retorno", 20))
    code, said = run("consolidate", "--workspace", str(ws), "--round", "2026-T4",
                     "--as-of", "2026-11-30")
    assert code in (0, 1), said
    now = ws / "recibidos" / "2027-T1"
    make_workbook("Guatemala.xlsx", rows("Campaña regional"), folder=now,
                  extra=measured("Campaña regional", 45))
    make_workbook("Honduras.xlsx", rows("Centros de retorno"), folder=now,
                  extra=measured("Centros de retorno", ""))
    code, said = run("consolidate", "--workspace", str(ws), "--round", "2027-T1",
                     "--as-of", "2027-02-28")
    assert code in (0, 1), said
    out = ws / "resultados" / "2027-T1"
    subs = pd.read_csv(out / "envios.csv", **READ).set_index("informante")
    assert subs.loc["Guatemala", "estado"] == "leído"
    assert subs.loc["Honduras", "estado"] == "leído, sin actualizar"
    values = pd.read_csv(out / "indicadores.csv", **READ).set_index("informante")
    assert values.loc["Guatemala", "valor"] in ("45", "45.0")  # (found by its activity)
    # and item by item: Guatemala's item was updated (its indicator), Honduras's was not
    changes = pd.read_csv(out / "cambios.csv", **READ)
    assert sorted(changes.loc[changes["tipo"].eq("sin_actualizar"), "informante"]) == [
        "Honduras"]


VIEWS = [["Informante", "Actividad", "Estado observado", "Observación"],
         ["Guatemala", "Campaña regional", "No iniciado", "No se ve en las comunidades"]]


def observed_before(make_workbook: MakeWorkbook, tmp_path: Path) -> tuple[Path, Path]:
    """A workspace with a round 2026-T4 from Guatemala and the observer, RROCM (its matrix
    alone); Guatemala's 2027-T1 file already in the next round's folder, that folder."""
    ws = tmp_path / "ws"
    assert run("init", str(ws))[0] == 0
    before = ws / "recibidos" / "2026-T4"
    make_workbook("Guatemala.xlsx", rows("Campaña regional"), folder=before)
    make_workbook("RROCM.xlsx", rows("Monitoreo de albergues"), folder=before)
    assert run("consolidate", "--workspace", str(ws), "--round", "2026-T4",
               "--as-of", "2026-11-30")[0] in (0, 1)
    now = ws / "recibidos" / "2027-T1"
    make_workbook("Guatemala.xlsx", rows("Campaña regional, segunda fase"), folder=now)
    return ws, now


@pytest.mark.parametrize("apart", [False, True])
def test_an_observers_file_whose_only_news_are_its_observations_is_updated(
        make_workbook: MakeWorkbook, tmp_path: Path, apart: bool) -> None:
    """Its unchanged matrix with new observations, in its own file or (`apart`) in a file
    of their own read beside it."""
    ws, now = observed_before(make_workbook, tmp_path)
    make_workbook("RROCM.xlsx", rows("Monitoreo de albergues"), folder=now,
                  extra=None if apart else {"Observaciones": VIEWS})
    if apart:
        make_workbook("RROCM observaciones.xlsx", VIEWS[1:], VIEWS[0], title_rows=(),
                      sheet="Observaciones", folder=now)
    code, said = run("consolidate", "--workspace", str(ws), "--round", "2027-T1",
                     "--as-of", "2027-02-28")
    assert code in (0, 1), said
    out = ws / "resultados" / "2027-T1"
    observed = pd.read_csv(out / "observaciones.csv", **READ)
    assert list(observed["observacion"]) == ["No se ve en las comunidades"]
    subs = pd.read_csv(out / "envios.csv", **READ).set_index("archivo")
    assert subs.loc["RROCM.xlsx", "estado"] == "leído"

def test_a_target_moved_after_a_skipped_round_is_found(make_workbook: MakeWorkbook,
                                                       tmp_path: Path) -> None:
    """Guatemala sends nothing in 2027-T1 and moves its target in 2027-T2: compared with
    what it sent last (2026-T4), not with a round it had no indicators in."""
    ws = tmp_path / "ws"
    assert run("init", str(ws))[0] == 0
    sent = {"2026-T4": ["Guatemala", "Honduras"], "2027-T1": ["Honduras"],
            "2027-T2": ["Guatemala", "Honduras"]}
    for ronda, day in (("2026-T4", "2026-11-30"), ("2027-T1", "2027-02-28"),
                       ("2027-T2", "2027-05-31")):
        for reporter in sent[ronda]:
            activity = f"Campaña de {reporter}"
            target = 80 if (ronda, reporter) == ("2027-T2", "Guatemala") else 100
            make_workbook(f"{reporter}.xlsx", rows(activity), folder=ws / "recibidos" / ronda,
                          extra=measured(activity, 20, target))
        code, said = run("consolidate", "--workspace", str(ws), "--round", ronda,
                         "--as-of", day)
        assert code in (0, 1), said
    changes = pd.read_csv(ws / "resultados" / "2027-T2" / "cambios.csv", **READ)
    moved = changes[changes["tipo"] == "meta_modificada"]
    assert list(moved["informante"]) == ["Guatemala"], changes.to_dict("records")

