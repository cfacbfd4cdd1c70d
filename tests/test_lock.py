"""The lock the operating system releases (pipeline.store.lock): held by one process, the
next waits or is refused; the holder killed outright (no clean-up of its own), the lock
is free at once — no stale lock file to guess about."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.model.errors import OutputLocked
from pipeline.store.lock import hold_lock

HOLDER = """
import sys
from pathlib import Path
from pipeline.store.lock import hold_lock
with hold_lock(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_a_lock_held_elsewhere_refuses_and_a_killed_holder_frees_it(tmp_path: Path) -> None:
    lock = tmp_path / "sub" / ".lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(lock)], text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(OutputLocked), hold_lock(lock, wait=False):
            pass
        told: list[str] = []
        holder.kill()  # SIGKILL: the holder releases nothing itself
        holder.wait()
        with hold_lock(lock, waiting=told.append):
            assert lock.read_text(encoding="ascii") == str(os.getpid())
        assert told == []  # free at once: nobody to wait for
    finally:
        holder.kill()
        holder.wait()
    with hold_lock(lock, wait=False):  # released by the block too
        pass


def test_a_waiting_run_is_told_who_holds_the_lock(tmp_path: Path) -> None:
    lock = tmp_path / ".lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(lock)], text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        told: list[str] = []

        def release(pid: str) -> None:
            told.append(pid)
            assert holder.stdin is not None
            holder.stdin.close()  # the holder ends its block: the waiting run goes on

        with hold_lock(lock, waiting=release):
            pass
        assert told == [str(holder.pid)]
    finally:
        holder.kill()
        holder.wait()
