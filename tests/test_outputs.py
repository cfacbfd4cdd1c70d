"""The promises of docs/contract.md §7 about outputs: whole or nothing, one writer at a time,
reproducible bytes, inputs untouched."""

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

import pipeline.write.round
from pipeline.jobs.consolidate import Options, run_consolidation
from tests.conftest import AS_OF, ROOT

SAMPLE = ROOT / "input_workbooks"


def digest(folder: Path) -> dict[str, str]:
    """Every file below `folder` (the feedback workbooks too) by relative path."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def consolidate(out: Path, input_dir: Path = SAMPLE) -> None:
    run_consolidation(Options(input_dir=input_dir, out_dir=out, as_of=AS_OF))


def test_same_inputs_same_bytes(tmp_path: Path) -> None:
    consolidate(tmp_path / "a")
    consolidate(tmp_path / "b")
    first, second = digest(tmp_path / "a"), digest(tmp_path / "b")
    assert "consolidado.xlsx" in first and "matriz.csv" in first
    assert first == second


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    before = {p.name: (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
              for p in SAMPLE.iterdir()}
    consolidate(tmp_path / "out")
    after = {p.name: (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
             for p in SAMPLE.iterdir()}
    assert before == after


def test_a_failed_run_leaves_the_previous_outputs(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    consolidate(out)
    previous = digest(out)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full halfway through the workbook")

    monkeypatch.setattr(pipeline.write.round, "write_consolidated", broken)
    with pytest.raises(RuntimeError):
        run_consolidation(Options(input_dir=SAMPLE, out_dir=out, as_of=AS_OF, round="2099-T1"))
    assert digest(out) == previous  # no leftovers, no lock, the database untouched


def test_csvs_have_a_bom_and_stable_columns(tmp_path: Path) -> None:
    consolidate(tmp_path)
    raw = (tmp_path / "problemas.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header = raw[3:].split(b"\n")[0].decode()
    assert header == "severidad,codigo,mensaje,archivo,hoja,celda,columna,valor,sugerencia"
    matrix_header = (tmp_path / "matriz.csv").read_text("utf-8-sig").split("\n")[0].split(",")
    assert matrix_header[:3] == ["id", "grupo_trabajo", "pilar"]
    assert matrix_header[-1] == "problemas" and "fecha_limite" in matrix_header
    overdue_header = (tmp_path / "vencidos.csv").read_text("utf-8-sig").split("\n")[0]
    assert overdue_header.endswith(",dias_vencido")


def test_input_folder_copy_is_read_the_same(tmp_path: Path) -> None:
    """Results depend on file contents, not on where the folder lives."""
    copy = tmp_path / "copia"
    shutil.copytree(SAMPLE, copy)
    consolidate(tmp_path / "a")
    consolidate(tmp_path / "b", copy)
    assert digest(tmp_path / "a")["matriz.csv"] == digest(tmp_path / "b")["matriz.csv"]


def test_summary_tables_agree_with_the_matrix(tmp_path: Path) -> None:
    import pandas as pd

    consolidate(tmp_path)
    read = {"encoding": "utf-8-sig", "keep_default_na": False}
    matrix = pd.read_csv(tmp_path / "matriz.csv", **read)
    by_group = pd.read_csv(tmp_path / "resumen_por_grupo.csv", **read).set_index("grupo_trabajo")
    for group, rows in matrix.groupby(matrix["grupo_trabajo"].replace("", "(sin dato)")):
        assert by_group.loc[group, "total"] == len(rows)
        assert by_group.loc[group, "finalizado"] == (rows["estado"] == "finalizado").sum()
        assert by_group.loc[group, "vencidos"] == rows["vencido"].sum()
    overdue = pd.read_csv(tmp_path / "vencidos_por_responsable.csv", **read)
    assert overdue["vencidos"].sum() >= matrix["vencido"].sum()  # a row may name several
    grid = pd.read_csv(tmp_path / "estado_por_informante.csv", **read)
    assert set(grid["id"]) == set(matrix["id"])


@pytest.mark.parametrize("content", ["nothing", "only refused"])
def test_a_round_with_no_rows_still_writes_every_output(tmp_path: Path, content: str) -> None:
    import openpyxl

    inbox = tmp_path / "in"
    inbox.mkdir()
    if content == "only refused":
        (inbox / "roto.xlsx").write_bytes(b"PK\x03\x04broken")
        (inbox / "acta.pdf").write_bytes(b"%PDF-1.4")
    consolidate(tmp_path / "out", inbox)
    workbook = openpyxl.load_workbook(tmp_path / "out" / "consolidado.xlsx")
    assert "Matriz" in workbook.sheetnames
    subs = (tmp_path / "out" / "envios.csv").read_text("utf-8-sig")
    assert subs.count("no recibido") == 16


def test_large_rounds_are_written_in_constant_memory(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the size limit the sheets are streamed (autofilter instead of tables); the
    workbook holds the same rows and values."""
    import openpyxl

    consolidate(tmp_path / "tables")
    monkeypatch.setattr(pipeline.write.round, "LARGE_ROUND", 1)
    consolidate(tmp_path / "streamed")
    small = openpyxl.load_workbook(tmp_path / "tables" / "consolidado.xlsx")
    large = openpyxl.load_workbook(tmp_path / "streamed" / "consolidado.xlsx")
    assert small.sheetnames == large.sheetnames
    assert small["Matriz"].tables and not large["Matriz"].tables
    assert large["Matriz"].auto_filter.ref == small["Matriz"].tables["T_Matriz"].ref
    assert large["Matriz"].freeze_panes == "A2"

    def values(book: openpyxl.Workbook, name: str) -> list[tuple[object, ...]]:
        return [tuple(None if v == "" else v for v in row)
                for row in book[name].iter_rows(values_only=True)]

    for name in small.sheetnames:
        assert values(large, name) == values(small, name), name
    # The feedback workbooks, written by three processes taking batches in turn, are
    # the same, byte for byte (the same workbook options either way).
    folders = [tmp_path / run / "retroalimentacion" for run in ("tables", "streamed")]
    names = [sorted(p.name for p in folder.glob("*.xlsx")) for folder in folders]
    assert names[0] == names[1] and len(names[0]) > 10
    for name in names[0]:
        assert (folders[1] / name).read_bytes() == (folders[0] / name).read_bytes(), name


def test_background_work_returns_its_result_or_raises() -> None:
    from pipeline.model.children import in_background

    assert in_background(lambda: [1, 2, 3])() == [1, 2, 3]

    def broken() -> None:
        raise ValueError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        in_background(broken)()
    assert in_background(lambda: "inline", enabled=False)() == "inline"
    # a yielding process runs at a lower priority; this one's is untouched
    import os

    from pipeline.model.children import YIELDING_NICENESS

    here = os.nice(0)
    assert in_background(lambda: os.nice(0), yielding=True)() == min(
        here + YIELDING_NICENESS, 19)
    assert in_background(lambda: os.nice(0))() == here == os.nice(0)


def test_turns_shared_with_forked_processes_are_each_taken_once() -> None:
    """The feedback's batches are taken in turn by three processes: every batch by one,
    none twice (each process counting on its own would write every workbook thrice)."""
    from pipeline.model.children import Turns, in_background

    take = Turns()
    assert take.shared

    def taker() -> list[int]:
        taken = []
        while (turn := take()) < 3000:
            taken.append(turn)
        return taken

    waits = [in_background(taker) for _ in range(2)]
    taken = taker() + [turn for wait in waits for turn in wait()]
    assert sorted(taken) == list(range(3000))


def test_a_system_that_cannot_share_a_counter_writes_the_feedback_in_one_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where forking works but shared semaphores do not (some containers), a large round
    is still written whole: the feedback by this process alone, in large batches."""
    import multiprocessing.context

    import pipeline.write.feedback as feedback
    from pipeline.model.children import Turns

    def no_semaphores(*args: object, **kwargs: object) -> None:
        raise OSError("sem_open: function not implemented")

    consolidate(tmp_path / "small")  # (one process: the workbooks expected)
    monkeypatch.setattr(multiprocessing.context.BaseContext, "Value", no_semaphores)
    assert not Turns().shared
    monkeypatch.setattr(pipeline.write.round, "LARGE_ROUND", 1)
    plans: list[int] = []
    original = feedback.plan_feedback
    monkeypatch.setattr(pipeline.write.round, "plan_feedback",
                        lambda result, processes=1: plans.append(processes) or original(
                            result, processes))
    consolidate(tmp_path / "out")
    assert plans == [1]
    folders = [tmp_path / run / "retroalimentacion" for run in ("small", "out")]
    written = [sorted(p.name for p in folder.glob("*.xlsx")) for folder in folders]
    assert written[0] and written[1] == written[0]


def test_a_feedback_workbook_lost_between_processes_publishes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Were a process to skip a batch, the round would go out with reporters missing
    their workbook: the write stage checks one per reporter and publishes nothing else."""
    import pipeline.write.feedback as feedback

    consolidate(tmp_path / "out")
    before = (tmp_path / "out" / "consolidado.xlsx").read_bytes()
    original = feedback.write_feedback
    monkeypatch.setattr(pipeline.write.round, "write_feedback",
                        lambda *args: original(*args)[1:])
    with pytest.raises(RuntimeError, match="one per reporter"):
        run_consolidation(Options(input_dir=SAMPLE, out_dir=tmp_path / "out",
                                  as_of=AS_OF + dt.timedelta(days=1)))
    assert (tmp_path / "out" / "consolidado.xlsx").read_bytes() == before


def test_staging_left_by_a_killed_run_is_cleaned(tmp_path: Path) -> None:
    out = tmp_path / "out"
    left = out / ".seguimiento-tmp-999999999"
    left.mkdir(parents=True)
    (left / "consolidado.xlsx").write_bytes(b"half written")
    consolidate(out)
    assert not left.exists()
    assert not list(out.glob(".seguimiento-tmp-*"))


@pytest.mark.parametrize("large", [False, True])
def test_the_writing_progress_ends_full_after_every_step(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, large: bool) -> None:
    if large:
        monkeypatch.setattr(pipeline.write.round, "LARGE_ROUND", 1)
    steps: list[tuple[str, int]] = []
    run_consolidation(Options(input_dir=SAMPLE, out_dir=tmp_path / "out", as_of=AS_OF),
                      on_sheet=lambda name, total: steps.append((name, total)))
    names = [name for name, _ in steps]
    assert {total for _, total in steps} == {len(steps)}
    assert len(set(names)) == len(names)
    assert names[-1] == "historial" and "csv" in names and "retroalimentacion" in names
    assert "Matriz" in names and "Resumen" in names


def test_the_status_grid_sheet_holds_each_items_status_under_its_reporter(
        tmp_path: Path) -> None:
    import openpyxl
    import pandas as pd

    from pipeline.model.labels import status_labels
    from pipeline.reference.load import load_reference

    consolidate(tmp_path)
    matrix = pd.read_csv(tmp_path / "matriz.csv", encoding="utf-8-sig", keep_default_na=False)
    labels = status_labels(load_reference(), "es")
    sheet = openpyxl.load_workbook(tmp_path / "consolidado.xlsx")["Estado por informante"]
    rows = list(sheet.iter_rows(values_only=True))
    reporters = rows[0][2:]
    shown = {(row[0], reporter): status for row in rows[1:]
             for reporter, status in zip(reporters, row[2:], strict=True) if status}
    expected = {(i, r): labels.get(s, s) for i, r, s in
                matrix[["id", "informante", "estado"]].drop_duplicates(["id", "informante"])
                .itertuples(index=False, name=None) if s}  # no status: a blank cell
    assert shown == expected and len(shown) > 20


# --- A command removes only what it wrote itself (issue 11) -------------------------


def _cli(*args: str) -> tuple[int, str]:
    from click.testing import CliRunner

    from pipeline.cli import cli

    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_overdue_pointed_at_a_rounds_folder_removes_nothing_of_it(tmp_path: Path) -> None:
    out = tmp_path / "ronda"
    consolidate(out)
    (out / "mis notas.txt").write_text("notas de la secretaría")
    (out / "plantilla vieja.xlsx").write_bytes(b"mine")
    before = digest(out)
    del before[".seguimiento-archivos.json"]  # the record of what each command wrote
    code, output = _cli("overdue", str(SAMPLE), "--as-of", AS_OF.isoformat(), "--out", str(out),
                        "--format", "md")
    assert code == 1, output
    after = digest(out)
    assert {name: after[name] for name in before} == before  # everything still there
    assert set(after) - set(before) >= {"todos.md"}


def test_overdue_and_consolidate_refuse_an_out_in_the_input_folder(tmp_path: Path) -> None:
    inbox = tmp_path / "recibidos"
    shutil.copytree(SAMPLE, inbox)
    before = digest(inbox)
    for args in (["overdue", str(inbox), "--out", str(inbox)],
                 ["overdue", str(inbox), "--out", str(inbox / "listas")],
                 ["consolidate", str(inbox), "--out", str(inbox)],
                 ["consolidate", str(inbox), "--out", str(inbox / "salida")],
                 ["consolidate", str(inbox / "retroalimentacion"), "--out", str(inbox)],
                 ["consolidate", str(inbox), "--out", str(tmp_path / "ok"),
                  "--history", str(inbox / "h.sqlite")]):
        (inbox / "retroalimentacion").mkdir(exist_ok=True)
        code, output = _cli(*args, "--as-of", AS_OF.isoformat())
        assert code == 2, (args, output)
        assert "nunca escribe" in output, output
        (inbox / "retroalimentacion").rmdir()
        assert digest(inbox) == before, args
    code, output = _cli("consolidate", str(inbox), "--out", str(inbox), "--lang", "en")
    assert code == 2 and "never writes" in output


def test_a_rounds_folder_holds_exactly_what_its_last_run_wrote(tmp_path: Path) -> None:
    """A --public run, then a plain one: the public edition of the first is gone (it may
    hold a row restricted since)."""
    out = tmp_path / "out"
    code, output = _cli("consolidate", str(SAMPLE), "--out", str(out), "--as-of",
                        AS_OF.isoformat(), "--public")
    assert code == 0, output
    assert (out / "consolidado_publico.xlsx").exists() and (out / "publico").is_dir()
    (out / "notas.md").write_text("mías")
    code, output = _cli("consolidate", str(SAMPLE), "--out", str(out), "--as-of",
                        AS_OF.isoformat())
    assert code == 0, output
    assert not (out / "consolidado_publico.xlsx").exists() and not (out / "publico").exists()
    assert (out / "notas.md").read_text() == "mías"
    plain = tmp_path / "plain"
    consolidate(plain)
    ignore = {"notas.md", ".seguimiento-archivos.json", "historial.sqlite",
              "historial.sqlite.antes-2026-T4"}  # the history as it was before the rerun
    assert sorted(set(digest(out)) - ignore) == sorted(set(digest(plain)) - ignore)


def test_an_output_changed_by_hand_or_a_forged_record_is_never_removed(
        tmp_path: Path) -> None:
    import json

    out = tmp_path / "out"
    outside = tmp_path / "ajeno.xlsx"
    outside.write_bytes(b"not ours")
    code, _ = _cli("consolidate", str(SAMPLE), "--out", str(out), "--as-of",
                   AS_OF.isoformat(), "--public")
    assert code == 0
    edited = out / "publico" / "matriz.csv"
    edited.write_text("editado a mano", encoding="utf-8")
    manifest = out / ".seguimiento-archivos.json"
    record = json.loads(manifest.read_text())
    record["ronda"]["../ajeno.xlsx"] = hashlib.sha256(b"not ours").hexdigest()
    manifest.write_text(json.dumps(record))
    code, _ = _cli("consolidate", str(SAMPLE), "--out", str(out), "--as-of", AS_OF.isoformat())
    assert code == 0
    assert outside.read_bytes() == b"not ours"
    assert edited.read_text(encoding="utf-8") == "editado a mano"
    assert not (out / "publico" / "envios.csv").exists()
