"""Outputs appear whole or not at all (docs/contract.md §7).

Every file of a run is written into a staging folder beside the outputs and moved into
place only once all of them are complete, each with an atomic rename, as one set that a
run interrupted on the way leaves for the next to finish or undo (pipeline.write.publish):
a run that fails leaves the previous outputs as they were. A lock the operating system
releases when its holder dies keeps two runs from writing into the same output folder at
once. A manifest (pipeline.write.manifest) records what each command wrote into the
folder, so that a command removes only files it wrote itself. No command writes into the
folder of the returned files.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

from pipeline.model.errors import OutputInsideInput, not_writable
from pipeline.store.lock import hold_lock
from pipeline.write.publish import (
    STAGE_PREFIX,
    Commit,
    finish_interrupted,
    is_pending,
    publish,
)

LOCK_NAME = ".seguimiento.lock"
log = logging.getLogger("seguimiento")


def refuse_inside(input_dir: Path, *targets: Path, folders: tuple[str, ...] = ()) -> None:
    """Raise unless every target (an output folder or file) lies outside the input folder.
    `folders` are the subfolders a command writes into its output folder: the input
    folder must not be one of them either."""
    inbox = input_dir.resolve()
    for target in targets:
        where = target.resolve()
        inner = [where / name for name in folders]
        if where == inbox or inbox in where.parents or any(
                inbox == f or f in inbox.parents for f in inner):
            raise OutputInsideInput(f"{target} → {input_dir}")


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """One writer at a time on `out_dir`: a lock the operating system releases when its
    holder dies (pipeline.store.lock), so nothing a killed run leaves blocks the next."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise not_writable(out_dir, exc) from exc
    with hold_lock(out_dir / LOCK_NAME, wait=False):  # (held: OutputLocked)
        yield


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def staging(out_dir: Path, output_set: str | None = None, commit: Commit | None = None,
            history: Path | None = None) -> Iterator[Path]:
    """A folder to write into; its files replace those of `out_dir` only on success, all
    of them (pipeline.write.publish: a run interrupted on the way is finished or undone by
    the next one here).

    `output_set` names what the command writes there as one set (a round's outputs, the
    overdue lists of one format): after the move, the files of that set written by an
    earlier run and not written now are removed, so the folder holds exactly this run's
    set. Only files recorded in the folder's manifest as written by Seguimiento, and not
    changed since, are ever removed; without `output_set` nothing is removed (templates
    accumulate). `commit` (storing the round in `history`) is the round's commit point."""
    finish_interrupted(out_dir)
    generation = f"{uuid.uuid4().hex[:12]}-{os.getpid()}"
    stage = out_dir / f"{STAGE_PREFIX}{generation}"
    for left in out_dir.glob(f"{STAGE_PREFIX}*"):  # left by a run that was killed
        pid = left.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)) and not left.is_symlink():
            shutil.rmtree(left, ignore_errors=True)
    try:
        stage.mkdir(parents=True)
    except OSError as exc:
        raise not_writable(out_dir, exc) from exc
    try:
        yield stage
        publish(out_dir, stage, generation, output_set, commit, history)
    finally:
        if not is_pending(out_dir, stage):  # (a stored round's files wait to be moved)
            shutil.rmtree(stage, ignore_errors=True)
