"""Outputs appear whole or not at all (SPEC §7).

Every file of a run is written into a staging folder beside the outputs and moved into
place only once all of them are complete, each with an atomic rename: a run that fails
leaves the previous outputs as they were. A lock file keeps two runs from writing into
the same output folder at once.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from pipeline.errors import OutputLocked, OutputNotWritable

LOCK_NAME = ".seguimiento.lock"
T = TypeVar("T")


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputNotWritable(f"{out_dir} ({exc.strerror})") from exc
    lock = out_dir / LOCK_NAME
    _take_lock(lock)
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()


def _take_lock(lock: Path) -> None:
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            if _holder_alive(lock):
                raise OutputLocked(str(lock.parent)) from None
            with contextlib.suppress(FileNotFoundError):
                lock.unlink()  # left by a run that died
            continue
        except OSError as exc:
            raise OutputNotWritable(f"{lock.parent} ({exc.strerror})") from exc
        with os.fdopen(fd, "w") as handle:
            handle.write(str(os.getpid()))
        return
    raise OutputLocked(str(lock.parent))


def _holder_alive(lock: Path) -> bool:
    try:
        pid = int(lock.read_text().strip() or 0)
    except (OSError, ValueError):
        return False
    return pid > 0 and _alive(pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def staging(out_dir: Path) -> Iterator[Path]:
    """A folder to write into; its files replace those of `out_dir` only on success."""
    stage = out_dir / f".seguimiento-tmp-{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    for left in out_dir.glob(".seguimiento-tmp-*"):  # left by a run that was killed
        pid = left.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(left, ignore_errors=True)
    try:
        stage.mkdir(parents=True)
    except OSError as exc:
        raise OutputNotWritable(f"{out_dir} ({exc.strerror})") from exc
    try:
        yield stage
        for path in sorted(stage.rglob("*")):
            if path.is_file():
                target = out_dir / path.relative_to(stage)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def in_background(work: Callable[[], T], enabled: bool = True) -> Callable[[], T]:
    """Start `work` in a forked process (where the system has fork and `enabled`); the
    returned function waits for it and gives its result, or raises if it failed. Where
    there is no fork, or not `enabled`, the work runs when its result is asked for."""
    if not enabled or "fork" not in multiprocessing.get_all_start_methods():
        return work
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        try:
            sender.send((True, work()))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            sender.send((False, f"{type(exc).__name__}: {exc}"))

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
            raise RuntimeError(f"background writing failed: {value}")
        return value

    return wait
