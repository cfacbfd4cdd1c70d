"""A round's outputs appear all at once or not at all, and the history agrees with them
after any interruption (docs/contract.md §7). A real run is killed with SIGKILL at each named
moment of
its publication (a variable read only by tests makes it stop there and say so); then the
next command that writes into the folder finds: every visible output of the old round
with the old round in the history, or every output of the new round with the new round —
never a mix, never a stale feedback workbook beside new outputs, nothing left behind."""

from __future__ import annotations

import contextlib
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
from pipeline.write import publish
from pipeline.write.staging import output_lock, staging
from tests.conftest import AS_OF, ROOT
from tests.test_children import gone, wait_for

SAMPLE = ROOT / "input_workbooks"
PAUSE = "SEGUIMIENTO_PRUEBA_PAUSA"
GONE = "Guatemala - 2026-T4.xlsx"  # not in the new round: its feedback workbook goes
RUN = """
import datetime as dt, sys
from pathlib import Path
import pipeline.write.publish
from pipeline.jobs.consolidate import Options, run_consolidation
pipeline.write.publish.SETTLE_APART = int(sys.argv[3])
run_consolidation(Options(input_dir=Path(sys.argv[1]), out_dir=Path(sys.argv[2]),
                          as_of=dt.date(2026, 11, 30)))
"""
# The moments of a publication, in order; from "confirmado" on the new round is stored.
POINTS = ["sincronizando", "escrito", "intencion", "confirmado", "moviendo", "movido",
          "registrado"]
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
            how: signal.Signals = signal.SIGKILL, apart: int = publish.SETTLE_APART) -> None:
    """Run a consolidation into `out` and kill it (`how`) once it says it reached `point`
    (its files flushed by another process from `apart` files); the processes it forked
    die with it (a flush that was under way ends first: until then the folder's lock is
    held, and the next run is told to wait)."""
    said = tmp_path / "llegado"
    run = subprocess.Popen([sys.executable, "-c", RUN, str(inputs), str(out), str(apart)],
                           cwd=ROOT, start_new_session=True,
                           env={**os.environ, PAUSE: f"{point}:{said}"},
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not said.exists() and run.poll() is None:
            time.sleep(0.05)
        assert said.exists(), f"the run never reached {point}: {run.stderr.read()!r}"
        run.send_signal(how)
        assert run.wait() != 0
        assert wait_for(lambda: all(gone(p) for p in in_group(run.pid)), 30), (
            "a process of the killed run lives on")
    finally:
        run.kill()
        run.wait()
        if run.stderr:
            run.stderr.close()


def in_group(group: int) -> list[int]:
    """The processes of the process `group` (this system's /proc)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        with contextlib.suppress(OSError):
            stat = Path(f"/proc/{pid}/stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[2]) == group:
                found.append(int(pid))
    return found


@pytest.mark.parametrize(("point", "apart"), [
    *((point, publish.SETTLE_APART) for point in POINTS),
    # the files flushed by another process while the round's transaction is prepared
    ("sincronizando", 0), ("escrito", 0), ("intencion", 0)])
def test_a_run_killed_while_publishing_leaves_one_whole_round(
        tmp_path: Path, rounds: dict[str, Path], point: str, apart: int) -> None:
    out = tmp_path / "out"
    shutil.copytree(rounds["old"], out)
    old, new = visible(rounds["old"]), visible(rounds["new"])
    assert old != new and stored(rounds["old"]) != stored(rounds["new"])
    kill_at(point, rounds["inputs"], out, tmp_path, apart=apart)
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
    assert manifest["ronda"] == visible(rounds[side])  # each file by its content


@pytest.mark.parametrize("point", POINTS)
def test_a_run_stopped_with_ctrl_c_leaves_one_whole_round_at_once(
        tmp_path: Path, rounds: dict[str, Path], point: str) -> None:
    """Ctrl-C at any moment of the publication: the folder holds one whole round as soon
    as the run has stopped, the history agreeing, with nothing left for the next command
    to finish (from the commit point on, the moves are done before the run stops)."""
    out = tmp_path / "out"
    shutil.copytree(rounds["old"], out)
    kill_at(point, rounds["inputs"], out, tmp_path, signal.SIGINT)
    # (held from the journal's writing on, just before the commit: the round then goes in)
    side = "new" if POINTS.index(point) >= POINTS.index("intencion") else "old"
    assert visible(out) == visible(rounds[side]), side
    assert stored(out) == stored(rounds[side])
    left = sorted(p.name for p in out.iterdir() if p.name.startswith(".seguimiento"))
    assert left == [".seguimiento-archivos.json", ".seguimiento.lock"]


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


@pytest.mark.parametrize("apart", [publish.SETTLE_APART, 0])
def test_the_record_of_what_was_written_holds_each_file_by_its_content(
        tmp_path: Path, rounds: dict[str, Path], apart: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The digests taken as the files are flushed (in this process or another) are the
    ones recorded, each beside its own file's name."""
    monkeypatch.setattr(publish, "SETTLE_APART", apart)
    out = tmp_path / "out"
    run_consolidation(Options(input_dir=rounds["inputs"], out_dir=out, as_of=AS_OF))
    manifest = json.loads((out / ".seguimiento-archivos.json").read_text("utf-8"))
    assert manifest["ronda"] == visible(out) == visible(rounds["new"])


@pytest.mark.parametrize("firmas", [None, "x", {"tablero.html": 7}, {"tablero.html": "0" * 64}])
def test_a_journal_without_true_digests_is_finished_with_the_files_read(
        tmp_path: Path, rounds: dict[str, Path], firmas: object) -> None:
    """A journal left by an earlier version (no digests), or edited by hand: what is
    recorded of each file is its content."""
    out = tmp_path / "out"
    shutil.copytree(rounds["old"], out)
    kill_at("confirmado", rounds["inputs"], out, tmp_path)
    journal_path = out / ".seguimiento-publicacion.json"
    journal = json.loads(journal_path.read_text("utf-8"))
    assert journal["firmas"] and set(journal["firmas"]) == set(journal["archivos"])
    if firmas is None:
        del journal["firmas"]
    else:
        journal["firmas"] = firmas
    journal_path.write_text(json.dumps(journal), encoding="utf-8")
    with output_lock(out), staging(out):
        pass
    manifest = json.loads((out / ".seguimiento-archivos.json").read_text("utf-8"))
    if firmas == {"tablero.html": "0" * 64}:  # (a digest of the right shape is believed)
        manifest["ronda"]["tablero.html"] = visible(out)["tablero.html"]
    assert manifest["ronda"] == visible(out) == visible(rounds["new"])


def fails_leaving_the_old_round(tmp_path: Path, rounds: dict[str, Path],
                                error: type[BaseException], match: str) -> Path:
    """A run of the new round into a copy of the old one's folder fails with `error`;
    the folder and the history are the old round's, no staging folder is left."""
    out = tmp_path / "out"
    shutil.copytree(rounds["old"], out)
    with pytest.raises(error, match=match):
        run_consolidation(Options(input_dir=rounds["inputs"], out_dir=out, as_of=AS_OF))
    assert visible(out) == visible(rounds["old"]) and stored(out) == stored(rounds["old"])
    assert not [p for p in out.iterdir() if p.name.startswith(".seguimiento-tmp")]
    return out


def test_a_round_whose_outputs_cannot_be_made_ready_is_not_stored(
        tmp_path: Path, rounds: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The journal cannot be written (a full disk): the round's transaction, prepared
    meanwhile, is rolled back."""
    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publish, "_write_journal", full)
    fails_leaving_the_old_round(tmp_path, rounds, OSError, "No space")


def test_a_round_whose_files_were_not_flushed_is_not_stored(
        tmp_path: Path, rounds: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The process flushing the files dies (the system kills it): the round's transaction
    is rolled back."""
    monkeypatch.setattr(publish, "SETTLE_APART", 0)
    monkeypatch.setattr(publish, "_settle", lambda path: os._exit(3))
    fails_leaving_the_old_round(tmp_path, rounds, RuntimeError, "background work failed")


def test_a_round_stored_without_making_its_outputs_ready_is_refused(
        tmp_path: Path, rounds: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A way of storing the round that forgets to make the outputs ready is refused before
    anything is stored: never a history that names outputs nobody put in place."""
    import pipeline.jobs.consolidate as consolidate

    stores = consolidate.save_round
    monkeypatch.setattr(consolidate, "save_round",
                        lambda result, generation, ready=None: stores(result, generation))
    out = fails_leaving_the_old_round(tmp_path, rounds, ValueError, "made ready")
    with sqlite3.connect(out / "historial.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM publicaciones").fetchone() == (0,)


def test_a_store_that_fails_before_the_outputs_are_ready_leaves_no_process_behind(
        tmp_path: Path, rounds: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The history cannot be stored (damaged, locked): the process flushing the files is
    waited for, not left blocked on an answer nobody reads (a round's answer is larger
    than a pipe holds)."""
    import multiprocessing

    import pipeline.jobs.consolidate as consolidate
    from pipeline.model.errors import HistoryError

    def broken(*_: object) -> None:
        raise HistoryError("historial.sqlite (database disk image is malformed)")

    monkeypatch.setattr(publish, "SETTLE_APART", 0)
    monkeypatch.setattr(publish, "_settle", lambda path: "0" * 100_000)
    monkeypatch.setattr(consolidate, "save_round", broken)
    before = set(multiprocessing.active_children())
    fails_leaving_the_old_round(tmp_path, rounds, HistoryError, "malformed")
    assert not set(multiprocessing.active_children()) - before


def test_ctrl_c_as_the_signals_are_held_leaves_none_held(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A Ctrl-C landing as the hold is made (raised as one handler is set): what was held
    is let go by the release that follows, never left held for the rest of the process."""
    real = signal.signal
    before = {n: signal.getsignal(n) for n in publish._Held.SIGNALS}

    def interrupted(number: int, handler: object) -> object:
        previous = real(number, handler)  # type: ignore[arg-type]
        if number == signal.SIGTERM and handler is not before[signal.SIGTERM]:
            raise KeyboardInterrupt
        return previous

    monkeypatch.setattr(signal, "signal", interrupted)
    held = publish._Held()
    with pytest.raises(KeyboardInterrupt):
        held.hold()
    held.release()
    monkeypatch.undo()
    assert {n: signal.getsignal(n) for n in publish._Held.SIGNALS} == before


WRITE_ALONE = """
import sys
from pathlib import Path
from pipeline.write.staging import output_lock, staging
out = Path(sys.argv[1])
with output_lock(out), staging(out, "lista") as stage:
    (stage / "lista.csv").write_text("nueva", encoding="utf-8")
"""


@pytest.mark.parametrize(("point", "moved"), [("escrito", False), ("intencion", True),
                                               ("moviendo", True)])
def test_outputs_written_alone_stopped_with_ctrl_c_are_whole(
        tmp_path: Path, point: str, moved: bool) -> None:
    """Outputs with no round to store (a list, templates, drafts): their journal is the
    commit point. Ctrl-C before it leaves the old file, from it on the new one, at once,
    nothing left for the next command to finish."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "lista.csv").write_text("vieja", encoding="utf-8")
    said = tmp_path / "llegado"
    run = subprocess.Popen([sys.executable, "-c", WRITE_ALONE, str(out)], cwd=ROOT,
                           env={**os.environ, PAUSE: f"{point}:{said}"},
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not said.exists() and run.poll() is None:
            time.sleep(0.05)
        assert said.exists(), run.stderr.read() if run.stderr else ""
        run.send_signal(signal.SIGINT)
        assert run.wait(timeout=60) != 0  # (stopped, as asked: after the moves)
    finally:
        run.kill()
        run.wait()
        if run.stderr:
            run.stderr.close()
    assert (out / "lista.csv").read_text(encoding="utf-8") == ("nueva" if moved else "vieja")
    assert not [p.name for p in out.iterdir() if p.name.startswith(
        (".seguimiento-tmp", ".seguimiento-publicacion"))]
