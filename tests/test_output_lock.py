"""One writer at a time on an output folder, by a lock the operating system releases when
its holder dies (docs/contract.md §7): what the lock file says never blocks a run, a lock held by a
live run always does, and a killed holder leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.jobs.consolidate import Options, run_consolidation
from pipeline.model.errors import OutputLocked
from pipeline.store.lock import hold_lock
from pipeline.write.staging import LOCK_NAME, output_lock
from tests.conftest import AS_OF, ROOT

SAMPLE = ROOT / "input_workbooks"
# A process that takes the output folder's lock, says so, and keeps it until told (a
# line on its input) or killed; "busy" when another holds it.
HOLDER = """
import sys
from pathlib import Path
from pipeline.model.errors import OutputLocked
from pipeline.write.staging import output_lock
sys.stdin.readline()  # go
try:
    with output_lock(Path(sys.argv[1])):
        print("in", flush=True)
        sys.stdin.readline()
except OutputLocked:
    print("busy", flush=True)
"""


def start_holder(folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def answer(holder: subprocess.Popen[str]) -> str:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("go\n")
    holder.stdin.flush()
    return holder.stdout.readline().strip()


def test_a_lock_file_naming_a_live_unrelated_process_does_not_block(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).write_text(str(os.getppid()))  # alive, and no run of ours
    run_consolidation(Options(input_dir=SAMPLE, out_dir=out, as_of=AS_OF))
    assert (out / "consolidado.xlsx").exists()


def test_a_run_holding_the_lock_blocks_until_it_is_killed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    holder = start_holder(out)
    try:
        assert answer(holder) == "in"
        with pytest.raises(OutputLocked) as caught:
            run_consolidation(Options(input_dir=SAMPLE, out_dir=out, as_of=AS_OF))
        assert "Another run" in str(caught.value) and "Otra ejecución" in str(caught.value)
        assert not (out / "consolidado.xlsx").exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    run_consolidation(Options(input_dir=SAMPLE, out_dir=out, as_of=AS_OF))  # nothing left
    assert (out / "consolidado.xlsx").exists()


def test_with_a_stale_lock_file_exactly_one_of_two_runs_gets_in(tmp_path: Path) -> None:
    """Two runs started together on a folder whose lock file names a dead process: one
    gets in, the other is told the folder is busy, every time."""
    for attempt in range(12):
        out = tmp_path / f"out{attempt}"
        out.mkdir()
        (out / LOCK_NAME).write_text("999999999")
        holders = [start_holder(out) for _ in range(2)]
        try:
            for holder in holders:
                assert holder.stdin is not None
                holder.stdin.write("go\n")
                holder.stdin.flush()
            said = sorted(h.stdout.readline().strip() for h in holders if h.stdout)
        finally:
            for holder in holders:
                holder.kill()
                holder.wait()
        assert said == ["busy", "in"], attempt


def test_the_lock_is_released_when_the_block_ends_or_fails(tmp_path: Path) -> None:
    lock = tmp_path / "x.lock"
    with hold_lock(lock), pytest.raises(OutputLocked), hold_lock(lock, wait=False):
        pass
    with pytest.raises(RuntimeError), output_lock(tmp_path):
        raise RuntimeError("a run that failed")
    with output_lock(tmp_path):
        pass
