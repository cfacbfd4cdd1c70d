"""Issue 4: three rounds in sequence, each from templates prefilled with the previous one,
filled by openpyxl as focal points would; changes, trend, completeness, history."""

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

import pipeline.store.history
from pipeline.jobs.consolidate import Options, run_consolidation
from pipeline.jobs.template import generate_templates
from pipeline.model.columns import COLUMNS
from pipeline.store.history import MIGRATIONS, open_history
from pipeline.template.workbook import CONTACT_CELLS, HEADER_ROW

COL = {c.key: i + 1 for i, c in enumerate(COLUMNS)}
READ = {"encoding": "utf-8-sig", "keep_default_na": False, "dtype": str}
D = dt.date
REPORTERS = ("Guatemala", "Honduras", "Canadá", "Panamá")


def fill(path: Path, submitted: dt.date, new: list[dict[str, object]] = (),  # type: ignore[assignment]
         edit: dict[str, dict[str, object]] | None = None, drop: tuple[str, ...] = ()) -> None:
    """Edit prefilled rows (by activity), clear dropped ones, add new rows below."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[1]
    sheet[CONTACT_CELLS["fecha_envio"]] = submitted
    sheet[CONTACT_CELLS["contacto_correo"]] = "punto.focal@example.org"
    r = HEADER_ROW + 2
    while sheet.cell(r, COL["actividad"]).value:
        activity = sheet.cell(r, COL["actividad"]).value
        for key, value in (edit or {}).get(activity, {}).items():
            sheet.cell(r, COL[key]).value = value
        if activity in drop:
            for c in range(1, len(COLUMNS) + 1):
                sheet.cell(r, c).value = None
        r += 1
    for row in new:
        for key, value in row.items():
            sheet.cell(r, COL[key]).value = value
        r += 1
    workbook.save(path)


def item(actividad: str, plazo: object, estado: str, responsable: str = "PPT") -> dict:
    return {"actividad": actividad, "plazo": plazo, "estado": estado, "pilar": "1",
            "indicadores": "Indicador", "responsable": responsable}


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    base = tmp_path_factory.mktemp("rounds")
    config = base / "seguimiento.toml"
    config.write_text('[ronda]\ninformantes_esperados = ["Guatemala", "Honduras", "Canadá", '
                      '"Panamá"]\n[cierres]\n"2026-T4" = 2026-11-20\n"2027-T1" = 2027-02-15\n'
                      '"2027-T2" = 2027-05-15\n', encoding="utf-8")
    history = base / "historial.sqlite"

    def templates(ronda: str, who: tuple[str, ...]) -> dict[str, Path]:
        paths = generate_templates(who, False, ronda, None, base / ronda / "in", config,
                                   history=history).written
        return dict(zip(who, paths, strict=True))

    def consolidate(ronda: str, as_of: dt.date) -> Path:
        out = base / ronda / "out"
        run_consolidation(Options(input_dir=base / ronda / "in", out_dir=out, as_of=as_of,
                                  config=config, history=history))
        return out

    t = templates("2026-T4", ("Guatemala", "Honduras", "Canadá"))
    fill(t["Guatemala"], D(2026, 11, 18), new=[
        item("Protocolo de niñez", D(2026, 10, 31), "Finalizado"),
        item("Mapeo laboral", D(2027, 3, 31), "En proceso"),
        item("Taller de fronteras", "T2 2027", "Pendiente", "Guatemala")])
    fill(t["Honduras"], D(2026, 11, 25), new=[  # late
        item("Centros de retorno", D(2026, 12, 31), "En proceso"),
        item("Campaña informativa", "enero 2027", "Pendiente")])
    fill(t["Canadá"], D(2026, 11, 19), new=[item("Fair recruitment workshop", "Q1 2027",
                                                  "In progress")])
    first = consolidate("2026-T4", D(2026, 11, 30))  # Panamá sends nothing

    t = templates("2027-T1", ("Guatemala", "Honduras", "Panamá"))  # Canadá sends nothing
    fill(t["Guatemala"], D(2027, 2, 10), edit={
        "Protocolo de niñez": {"estado": "En proceso"},  # a finalized item reopened
        "Mapeo laboral": {"plazo": D(2027, 6, 30)},  # moved by 91 days
    }, new=[item("Foro regional", "S2 2027", "Pendiente")])
    fill(t["Honduras"], D(2027, 2, 12), edit={"Centros de retorno": {"estado": "Finalizado"}},
         drop=("Campaña informativa",))
    fill(t["Panamá"], D(2027, 2, 20), new=[item("Estaciones de recepción", "2027",
                                                 "En proceso")])  # late
    second = consolidate("2027-T1", D(2027, 2, 28))

    t = templates("2027-T2", REPORTERS)
    fill(t["Guatemala"], D(2027, 5, 10), edit={"Taller de fronteras": {"responsable": "OIM"}})
    for name in ("Honduras", "Canadá", "Panamá"):
        fill(t[name], D(2027, 5, 11))
    third = consolidate("2027-T2", D(2027, 5, 31))
    return {"base": base, "history": history, "outs": [first, second, third],
            "config": config, "consolidate": consolidate}


def changes(out: Path) -> set[tuple[str, str, str]]:
    table = pd.read_csv(out / "cambios.csv", **READ)
    return {(r.informante, r.actividad, r.tipo) for r in table.itertuples()}


def test_first_round_has_no_changes_and_its_completeness(rounds) -> None:  # type: ignore[no-untyped-def]
    first = rounds["outs"][0]
    assert pd.read_csv(first / "cambios.csv", **READ).empty
    subs = pd.read_csv(first / "envios.csv", **READ).set_index("informante")
    assert subs.loc["Honduras", "a_tiempo"] == "false"  # 25 Nov after the 20 Nov closing
    assert subs.loc["Guatemala", "a_tiempo"] == "true"
    assert subs.loc["Panamá", "estado"] == "no recibido"


def test_second_round_changes(rounds) -> None:  # type: ignore[no-untyped-def]
    found = changes(rounds["outs"][1])
    assert found == {
        ("Guatemala", "Protocolo de niñez", "estado_retrocede"),
        ("Guatemala", "Mapeo laboral", "plazo_modificado"),
        ("Guatemala", "Taller de fronteras", "sin_actualizar"),
        ("Guatemala", "Foro regional", "nuevo"),
        ("Honduras", "Centros de retorno", "cambio_estado"),
        ("Honduras", "Campaña informativa", "no_reportado"),
        ("Canadá", "Fair recruitment workshop", "no_reportado"),
        ("Panamá", "Estaciones de recepción", "nuevo"),
    }
    table = pd.read_csv(rounds["outs"][1] / "cambios.csv", **READ).set_index("actividad")
    moved = table.loc["Mapeo laboral"]
    assert (moved["antes"], moved["despues"], moved["dias"]) == ("2027-03-31", "2027-06-30",
                                                                 "91")
    assert (table.loc["Protocolo de niñez", "antes"],
            table.loc["Protocolo de niñez", "despues"]) == ("finalizado", "en_proceso")
    assert table.loc["Fair recruitment workshop", "detalle"] == "sin_envio"
    assert table.loc["Campaña informativa", "detalle"] == ""


def test_third_round_changes(rounds) -> None:  # type: ignore[no-untyped-def]
    found = changes(rounds["outs"][2])
    assert ("Guatemala", "Taller de fronteras", "responsable_cambiado") in found
    untouched = {a for (_, a, kind) in found if kind == "sin_actualizar"}
    assert untouched == {"Protocolo de niñez", "Mapeo laboral", "Foro regional",
                         "Centros de retorno", "Estaciones de recepción"}
    # Canadá skipped 2027-T1; its template was prefilled from 2026-T4, its latest round
    assert ("Canadá", "Fair recruitment workshop", "nuevo") in found


def test_prefilled_templates_keep_ids_and_make_no_duplicates(rounds) -> None:  # type: ignore[no-untyped-def]
    ids = [pd.read_csv(out / "matriz.csv", **READ).set_index("actividad")["id"]
           for out in rounds["outs"]]
    for activity in ("Protocolo de niñez", "Mapeo laboral", "Taller de fronteras"):
        assert ids[0][activity] == ids[1][activity] == ids[2][activity]
    for out in rounds["outs"]:
        problems = pd.read_csv(out / "problemas.csv", **READ)
        assert "id-duplicado" not in set(problems["codigo"])
        matrix = pd.read_csv(out / "matriz.csv", **READ)
        assert not matrix.duplicated(["informante", "id"]).any()


def test_trend_and_completeness(rounds) -> None:  # type: ignore[no-untyped-def]
    trend = pd.read_csv(rounds["outs"][2] / "tendencia.csv", **READ)
    assert trend["ronda"].tolist() == ["2026-T4", "2027-T1", "2027-T2"]
    matrices = [pd.read_csv(out / "matriz.csv", **READ) for out in rounds["outs"]]
    assert trend["actividades"].tolist() == [str(len(m)) for m in matrices]
    assert trend["finalizado"].tolist() == [str((m["estado"] == "finalizado").sum())
                                            for m in matrices]
    assert trend["completitud"].tolist() == ["75", "75", "100"]
    assert trend["puntualidad"].tolist() == ["67", "67", "100"]


def test_history_database(rounds) -> None:  # type: ignore[no-untyped-def]
    with sqlite3.connect(rounds["history"]) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        stored = conn.execute("SELECT ronda, COUNT(*) FROM items GROUP BY ronda").fetchall()
        # items are read a round at a time: indexed by the round alone (issue 23: the
        # history of a million rows within the size of the round's matriz.csv)
        (index,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'items_ronda'"
                                ).fetchone()
        assert index.replace(" ", "") == "CREATEINDEXitems_rondaONitems(ronda)"
    counts = [len(pd.read_csv(out / "matriz.csv", **READ)) for out in rounds["outs"]]
    assert stored == list(zip(["2026-T4", "2027-T1", "2027-T2"], counts, strict=True))


def dump(path: Path) -> list[str]:
    """The database's content as SQL statements (row order aside)."""
    with sqlite3.connect(path) as conn:
        return sorted(conn.iterdump())


def test_rerunning_a_round_gives_the_same_database(rounds) -> None:  # type: ignore[no-untyped-def]
    before = dump(rounds["history"])
    rounds["consolidate"]("2027-T1", D(2027, 2, 28))
    assert dump(rounds["history"]) == before


def test_a_run_killed_while_storing_leaves_the_database(rounds,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    before = dump(rounds["history"])
    real = open_history

    class Dying:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def execute(self, *args: object) -> object:
            return self.conn.execute(*args)

        @property
        def in_transaction(self) -> bool:
            return self.conn.in_transaction

        def executemany(self, sql: str, rows: object) -> object:
            if "envios" in sql:  # after the round's items were deleted and inserted
                raise KeyboardInterrupt
            return self.conn.executemany(sql, rows)

    from contextlib import contextmanager

    @contextmanager
    def dying(path: Path, create: bool = True):  # type: ignore[no-untyped-def]
        with real(path, create) as conn:
            yield Dying(conn)

    monkeypatch.setattr(pipeline.store.history, "open_history", dying)
    with pytest.raises(KeyboardInterrupt):
        rounds["consolidate"]("2027-T1", D(2027, 3, 15))
    assert dump(rounds["history"]) == before


def test_feedback_workbooks(rounds) -> None:  # type: ignore[no-untyped-def]
    folder = rounds["outs"][1] / "retroalimentacion"
    assert sorted(p.name for p in folder.iterdir()) == ["Guatemala.xlsx", "Honduras.xlsx",
                                                         "Panamá.xlsx"]
    workbook = openpyxl.load_workbook(folder / "Panamá.xlsx")
    assert workbook.sheetnames == ["Problemas", "Matriz"]
    english = openpyxl.load_workbook(rounds["outs"][0] / "retroalimentacion" / "Canadá.xlsx")
    assert english.sheetnames == ["Issues", "Matrix"]


def test_stored_texts_by_column_match_each_value_stored_alone() -> None:
    from pipeline.model.values import history_text as _text
    from pipeline.store.history import _rows

    table = pd.DataFrame({
        "texto": pd.Series(["uno", "", "ñ"], dtype="str"),
        "objeto": ["a", None, dt.date(2027, 1, 2)],
        "bandera": [True, False, True],
        "fecha": pd.to_datetime(["2027-03-31", None, "2026-01-01"]),
        "fecha_hora": pd.to_datetime(["2027-03-31 10:30", None, "2026-01-01"], format="ISO8601"),
        "real": [1.0, 2.5, float("nan")],
    })
    columns = (*table.columns, "ausente")
    expected = [("R", *(_text(v) for v in row)) for row in
                table.reindex(columns=list(columns)).itertuples(index=False, name=None)]
    assert list(_rows(table, columns, "R")) == expected
    assert expected[0][4] == "2027-03-31" and expected[1][4] is None
    # made a slice at a time: the same rows across the slices' edges
    import pipeline.store.history as history

    long = pd.concat([table] * 5, ignore_index=True)
    whole = list(_rows(long, columns, "R"))
    old, history.ROWS_PER_SLICE = history.ROWS_PER_SLICE, 2
    try:
        assert list(_rows(long, columns, "R")) == whole == expected * 5
    finally:
        history.ROWS_PER_SLICE = old


def test_a_round_whose_storing_fails_midway_leaves_the_history_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows are made a slice at a time inside the transaction: a failure after some
    slices were inserted stores none of them, and the round stored before stays whole."""
    import pipeline.store.history as history

    path = tmp_path / "historial.sqlite"
    matrix = pd.DataFrame({"informante": ["Guatemala"] * 5, "id": [f"G-{n}" for n in range(5)],
                           "actividad": [f"Actividad {n}" for n in range(5)]})
    subs = pd.DataFrame({"informante": ["Guatemala"], "archivo": ["Guatemala.xlsx"]})
    with history.open_history(path) as conn:
        assert conn is not None
        history.store_round(conn, "2026-T3", dt.date(2026, 9, 30), {}, matrix, subs)
    monkeypatch.setattr(history, "ROWS_PER_SLICE", 2)
    made = history.column_texts
    calls = []

    def failing(series: pd.Series, *args: object) -> list[object]:
        calls.append(series.name)
        if len(calls) > len(history.ITEM_COLUMNS):  # the second slice of the items
            raise OSError(28, "No space left on device")
        return made(series, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(history, "column_texts", failing)
    with history.open_history(path) as conn, pytest.raises(OSError):
        assert conn is not None
        history.store_round(conn, "2026-T3", dt.date(2026, 10, 15), {"x": 1},
                            matrix.assign(actividad="Otra"), subs)
    monkeypatch.setattr(history, "column_texts", made)
    with history.open_history(path) as conn:
        stored = history.load_items(conn, "2026-T3")
        assert sorted(stored["actividad"]) == [f"Actividad {n}" for n in range(5)]
        assert history.rounds(conn)["fecha_corte"].tolist() == ["2026-09-30"]


class _InterruptedAfterCommit(sqlite3.Connection):
    """A connection that raises Ctrl-C's KeyboardInterrupt once its COMMIT has run."""

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        cursor = super().execute(sql, *args)
        if sql == "COMMIT":
            raise KeyboardInterrupt
        return cursor


def test_ctrl_c_just_after_the_commit_is_ctrl_c_and_the_round_is_stored(
        tmp_path: Path) -> None:
    """Ctrl-C landing after the round is committed: the user is told of the interruption
    (not of a failed rollback: SQLite's "no transaction is active"), and the round is
    stored whole."""
    import pipeline.store.history as history

    path = tmp_path / "historial.sqlite"
    with history.open_history(path):
        pass
    matrix = pd.DataFrame({"informante": ["Guatemala"] * 3, "id": [f"G-{n}" for n in range(3)],
                           "actividad": [f"Actividad {n}" for n in range(3)]})
    subs = pd.DataFrame({"informante": ["Guatemala"], "archivo": ["Guatemala.xlsx"]})
    conn = sqlite3.connect(path, isolation_level=None, factory=_InterruptedAfterCommit)
    try:
        with pytest.raises(KeyboardInterrupt):
            history.store_round(conn, "2026-T3", dt.date(2026, 9, 30), {}, matrix, subs)
    finally:
        conn.close()
    with history.open_history(path) as stored:
        assert stored is not None
        assert sorted(history.load_items(stored, "2026-T3")["id"]) == ["G-0", "G-1", "G-2"]


def test_a_round_consolidated_again_shows_the_trend_as_it_stood_then() -> None:
    """A late file makes the secretariat consolidate 2027-T1 again after 2027-T2 and -T3
    were stored: its trend ends at 2027-T1, with its new figures (the same inputs and date
    give the same outputs whenever they are run)."""
    import datetime as dt

    from pipeline.analyse.changes import trend_table

    stored = pd.DataFrame({"ronda": ["2026-T4", "2027-T1", "2027-T2", "2027-T3"],
                           "fecha_corte": ["2026-11-30", "2027-02-20", "2027-05-20",
                                           "2027-08-20"],
                           "actividades": [10, 11, 12, 13]})
    trend = trend_table(stored, "2027-T1", dt.date(2027, 2, 20), {"actividades": 20})
    assert trend["ronda"].tolist() == ["2026-T4", "2027-T1"]
    assert trend["actividades"].tolist() == [10, 20]
