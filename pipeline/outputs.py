"""Outputs appear whole or not at all (SPEC §7).

Every file of a run is written into a staging folder beside the outputs and moved into
place only once all of them are complete, each with an atomic rename: a run that fails
leaves the previous outputs as they were. A lock file keeps two runs from writing into
the same output folder at once.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import OutputLocked, OutputNotWritable

LOCK_NAME = ".seguimiento.lock"


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
    if pid <= 0:
        return False
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
