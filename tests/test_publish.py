"""A round's outputs appear all at once or not at all, and the history agrees with them
after any interruption (docs/contract.md §7). A real run is killed with SIGKILL at each named
moment of
its publication (a variable read only by tests makes it stop there and say so); then the
next command that writes into the folder finds: every visible output of the old round
with the old round in the history, or every output of the new round with the new round —
never a mix, never a stale feedback workbook beside new outputs, nothing left behind."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.jobs.consolidate import Options, run_consolidation
from pipeline.write.staging import output_lock, staging
from tests.conftest import AS_OF, ROOT

SAMPLE = ROOT / "input_workbooks"
PAUSE = "SEGUIMIENTO_PRUEBA_PAUSA"
GONE = "Guatemala - 2026-T4.xlsx"  # not in the new round: its feedback workbook goes
RUN = """
import datetime as dt, sys
from pathlib import Path
from pipeline.jobs.consolidate import Options, run_consolidation
run_consolidation(Options(input_dir=Path(sys.argv[1]), out_dir=Path(sys.argv[2]),
                          as_of=dt.date(2026, 11, 30)))
"""
# The moments of a publication, in order; from "confirmado" on the new round is stored.
POINTS = ["escrito", "intencion", "confirmado", "moviendo", "movido", "registrado"]
STORED_FROM = POINTS.index("confirmado")


def visible(folder: Path) -> dict[str, str]:
    """The outputs a person sees: every file but the hidden ones and the history's."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(folder).parts)
            and not p.name.startswith("historial.sqlite")}


def stored(folder: Path) -> str:
    """The round's headline figures as the history holds them."""
    with sqlite3.connect(folder / "historial.sqlite") as conn:
        return str(conn.execute("SELECT cifras FROM rondas").fetchall())


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The old round's folder (the whole sample), and the new round's (one reporter's
    file less) made by an uninterrupted run elsewhere."""
    base = tmp_path_factory.mktemp("rounds")
    newer = base / "recibidos"
    shutil.copytree(SAMPLE, newer)
    (newer / GONE).unlink()
    run_consolidation(Options(input_dir=SAMPLE, out_dir=base / "old", as_of=AS_OF))
    run_consolidation(Options(input_dir=newer, out_dir=base / "new", as_of=AS_OF))
    assert "retroalimentacion/Guatemala.xlsx" in visible(base / "old")
    assert "retroalimentacion/Guatemala.xlsx" not in visible(base / "new")
    return {"old": base / "old", "new": base / "new", "inputs": newer}


def kill_at(point: str, inputs: Path, out: Path, tmp_path: Path,
            how: signal.Signals = signal.SIGKILL) -> None:
    """Run a consolidation into `out` and kill it (`how`) once it says it reached `point`."""
    said = tmp_path / "llegado"
    run = subprocess.Popen([sys.executable, "-c", RUN, str(inputs), str(out)], cwd=ROOT,
                           env={**os.environ, PAUSE: f"{point}:{said}"},
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not said.exists() and run.poll() is None:
            time.sleep(0.05)
        assert said.exists(), f"the run never reached {point}: {run.stderr.read()!r}"
        run.send_signal(how)
        assert run.wait() != 0
    finally:
        run.kill()
        run.wait()
        if run.stderr:
            run.stderr.close()


@pytest.mark.parametrize("point", POINTS)
def test_a_run_killed_while_publishing_leaves_one_whole_round(
        tmp_path: Path, rounds: dict[str, Path], point: str) -> None:
    out = tmp_path / "out"
    shutil.copytree(rounds["old"], out)
    old, new = visible(rounds["old"]), visible(rounds["new"])
    assert old != new and stored(rounds["old"]) != stored(rounds["new"])
    kill_at(point, rounds["inputs"], out, tmp_path)
    if POINTS.index(point) < STORED_FROM:  # nothing of the new round is visible yet
        assert visible(out) == old and stored(out) == stored(rounds["old"])
    with output_lock(out), staging(out):  # the next command that writes here
        pass
    side = "new" if POINTS.index(point) >= STORED_FROM else "old"
    assert visible(out) == visible(rounds[side]), side
    assert stored(out) == stored(rounds[side])
    left = sorted(p.name for p in out.iterdir() if p.name.startswith(".seguimiento"))
    assert left == [".seguimiento-archivos.json", ".seguimiento.lock"]
    manifest = json.loads((out / ".seguimiento-archivos.json").read_text("utf-8"))
    assert set(manifest["ronda"]) == set(visible(rounds[side]))


def test_a_run_stopped_with_ctrl_c_while_moving_is_finished_by_the_next(
        tmp_path: Path, rounds: dict[str, Path]) -> None:
    out = tmp_path / "out"
    shutil.copytree(rounds["old"], out)
    kill_at("moviendo", rounds["inputs"], out, tmp_path, signal.SIGINT)
    assert (out / ".seguimiento-publicacion.json").exists()  # what is left to do, kept
    with output_lock(out), staging(out):
        pass
    assert visible(out) == visible(rounds["new"]) and stored(out) == stored(rounds["new"])


def test_a_journal_edited_by_hand_never_removes_a_folder_of_the_user(
        tmp_path: Path, rounds: dict[str, Path]) -> None:
    out = tmp_path / "out"
    shutil.copytree(rounds["old"], out)
    mine = out / "notas"
    mine.mkdir()
    (mine / "mias.txt").write_text("mías", encoding="utf-8")
    for stage in ("notas", "../notas", ".seguimiento-tmp-x/../../notas"):
        (out / ".seguimiento-publicacion.json").write_text(json.dumps(
            {"etapa": stage, "generacion": "x", "archivos": ["mias.txt"],
             "historial": "historial.sqlite"}), encoding="utf-8")
        with output_lock(out), staging(out):
            pass
        assert (mine / "mias.txt").read_text(encoding="utf-8") == "mías", stage
        assert not (out / "mias.txt").exists()
    assert visible(out) == {**visible(rounds["old"]), "notas/mias.txt": visible(out)[
        "notas/mias.txt"]}
