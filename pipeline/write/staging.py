"""Outputs appear whole or not at all (SPEC §7).

Every file of a run is written into a staging folder beside the outputs and moved into
place only once all of them are complete, each with an atomic rename: a run that fails
leaves the previous outputs as they were. A lock the operating system releases when its
holder dies keeps two runs from writing into the same output folder at once. A manifest
(`.seguimiento-archivos.json`) records what each command wrote into the folder, so that a
command removes only files it wrote itself (a round's outputs of an earlier run that this
run does not write again) and never a file of the user's. No command writes into the
folder of the returned files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import TypeVar

from pipeline.model.children import die_with_parent
from pipeline.model.errors import OutputInsideInput, OutputLocked, OutputNotWritable
from pipeline.store.lock import LockBusy, hold_lock

LOCK_NAME = ".seguimiento.lock"
MANIFEST_NAME = ".seguimiento-archivos.json"  # what each command wrote here, by set
STAGE_PREFIX = ".seguimiento-tmp-"
log = logging.getLogger("seguimiento")
T = TypeVar("T")


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
    held = contextlib.ExitStack()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        held.enter_context(hold_lock(out_dir / LOCK_NAME))
    except LockBusy:
        raise OutputLocked(str(out_dir)) from None
    except OSError as exc:
        raise OutputNotWritable(f"{out_dir} ({exc.strerror})") from exc
    with held:
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
def staging(out_dir: Path, output_set: str | None = None) -> Iterator[Path]:
    """A folder to write into; its files replace those of `out_dir` only on success.

    `output_set` names what the command writes there as one set (a round's outputs, the
    overdue lists of one format): after the move, the files of that set written by an
    earlier run and not written now are removed, so the folder holds exactly this run's
    set. Only files recorded in the folder's manifest as written by Seguimiento, and not
    changed since, are ever removed; without `output_set` nothing is removed (templates
    accumulate)."""
    stage = out_dir / f"{STAGE_PREFIX}{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    for left in out_dir.glob(f"{STAGE_PREFIX}*"):  # left by a run that was killed
        pid = left.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)) and not left.is_symlink():
            shutil.rmtree(left, ignore_errors=True)
    try:
        stage.mkdir(parents=True)
    except OSError as exc:
        raise OutputNotWritable(f"{out_dir} ({exc.strerror})") from exc
    try:
        yield stage
        written = [p for p in sorted(stage.rglob("*")) if p.is_file()]
        for path in written:
            target = out_dir / path.relative_to(stage)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        if output_set is not None:
            names = [p.relative_to(stage).as_posix() for p in written]
            _record_set(out_dir, output_set, names)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _record_set(out_dir: Path, output_set: str, names: list[str]) -> None:
    """Remove the set's files of the previous run that this run did not write, and record
    what this run wrote (name and content digest: a file changed since is not ours to
    remove any more)."""
    manifest = _read_manifest(out_dir)
    previous = manifest.get(output_set, {})
    now = {name: _signature(out_dir / name) for name in names}
    for name, signature in sorted(previous.items()):
        if name in now or not _own_name(name):
            continue
        path = out_dir / name
        if path.is_symlink() or not path.is_file() or _signature(path) != signature:
            log.info("left in place (not written by Seguimiento or changed since): %s", path)
            continue
        path.unlink()
        log.info("removed (no longer part of the outputs): %s", path)
        with contextlib.suppress(OSError):  # the folder it was in, when now empty
            if path.parent != out_dir and not any(path.parent.iterdir()):
                path.parent.rmdir()
    manifest[output_set] = {name: signature for name, signature in now.items() if signature}
    temporary = out_dir / f"{MANIFEST_NAME}.{os.getpid()}"
    try:
        temporary.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(temporary, out_dir / MANIFEST_NAME)
    except OSError as exc:  # the outputs are in place: only a later clean-up is missed
        log.warning("could not record the outputs written (%s): %s", exc, out_dir)
        temporary.unlink(missing_ok=True)


def _read_manifest(out_dir: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): {str(n): s for n, s in v.items() if isinstance(s, str)}
            for k, v in data.items() if isinstance(v, dict)}


def _own_name(name: str) -> bool:
    """A name this folder's manifest may hold: relative, inside the folder, no `..` (a
    manifest edited by hand never makes a run remove anything outside it)."""
    parts = PurePosixPath(name).parts
    return bool(parts) and not PurePosixPath(name).is_absolute() and ".." not in parts and (
        not parts[0].startswith("."))


def _signature(path: Path) -> str:
    """The file's content digest ("" when it cannot be read): the same bytes give the
    same manifest, so a run's outputs stay byte-identical."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def in_background(work: Callable[[], T], enabled: bool = True) -> Callable[[], T]:
    """Start `work` in a forked process (where the system has fork and `enabled`); the
    returned function waits for it and gives its result, or raises if it failed. Where
    there is no fork, or not `enabled`, the work runs when its result is asked for."""
    if not enabled or "fork" not in multiprocessing.get_all_start_methods():
        return work
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    parent = os.getpid()

    def child() -> None:
        die_with_parent(parent)  # a run that is killed leaves no writer writing on
        try:
            sender.send((True, work()))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            try:  # the exception itself (a full disk stays a full disk), where it pickles
                sender.send((False, exc))
            except Exception:  # noqa: BLE001
                sender.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))

    process = context.Process(target=child, daemon=True)
    process.start()
    sender.close()

    def wait() -> T:
        try:
            ok, value = receiver.recv()
        except EOFError:
            ok, value = False, "the background process ended without an answer"
        process.join()
        if not ok:
            if isinstance(value, BaseException):
                raise RuntimeError(f"background writing failed: {value}") from value
            raise RuntimeError(f"background writing failed: {value}")
        return value

    return wait
