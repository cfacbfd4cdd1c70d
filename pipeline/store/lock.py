"""A lock the operating system releases (STYLE: exactly once): `fcntl.flock` on a lock file
(`msvcrt.locking` on Windows), held by an open file, so a run that is killed, interrupted or
loses its power never leaves the lock behind — there is no stale lock to guess about.

The lock file itself stays where it is: removing it would let a third run lock a new file
while a second still waits on the old one. What is written in it (the holder's process
number) is only for the message a waiting run gives."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from pipeline.model.errors import OutputLocked, not_writable

WINDOWS_POLL = 0.5  # seconds between tries where the system cannot wait for a lock itself


@contextlib.contextmanager
def hold_lock(path: Path, wait: bool = True,
              waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the lock of `path` for the block. Held by another process: wait for it
    (`waiting` is told once, with the holder's process number as it wrote it), or with
    `wait=False` raise OutputLocked."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+", encoding="ascii")  # noqa: SIM115 - held for the block
    except OSError as exc:
        raise not_writable(path.parent, exc) from exc
    try:
        if not _try(handle):
            if not wait:
                raise OutputLocked(str(path.parent))
            if waiting is not None:
                waiting(_holder(handle))
            _wait(handle)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            _release(handle)
    finally:
        handle.close()


def _holder(handle: IO[str]) -> str:
    try:
        handle.seek(0)
        return handle.read(20).strip()
    except OSError:  # (Windows: the holder's byte cannot be read while locked)
        return ""


if sys.platform == "win32":
    import msvcrt

    def _try(handle: IO[str]) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _wait(handle: IO[str]) -> None:
        while not _try(handle):
            time.sleep(WINDOWS_POLL)

    def _release(handle: IO[str]) -> None:
        handle.seek(0)
        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _wait(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)

    def _release(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
