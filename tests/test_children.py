"""Processes forked by a run die with it (docs/contract.md §7): a run killed with SIGKILL while its
background writers, or the process judging its observations, work leaves none working on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import openpyxl
import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from tests.test_benchmark import _load as _benchmark

T = TypeVar("T")

SAMPLE = ROOT / "input_workbooks"
# A large round whose consolidated workbook (written by a background process) never ends,
# or whose observations (judged in a process of their own) never end: that process
# appends to a file named after its process id, for ever.
ENDLESS = """
import datetime as dt, os, sys, time
from pathlib import Path
import pipeline.write.round as writing
from pipeline.jobs.consolidate import Options, run_consolidation

marks = Path(sys.argv[2])

def endless(*args, **kwargs):
    with open(marks / f"{os.getpid()}.escribiendo", "a") as handle:
        while True:
            handle.write("x")
            handle.flush()
            time.sleep(0.01)

if sys.argv[3] == "analysis":  # the observations' and indicators' process
    import pipeline.analyse.round as analysis
    analysis._side_rows = endless
    analysis.SIDES_APART = 0
else:
    writing.write_consolidated = endless
    writing.LARGE_ROUND = 1
run_consolidation(Options(input_dir=Path(sys.argv[1]), out_dir=marks / "out",
                          as_of=dt.date(2026, 11, 30)))
"""


def gone(pid: int) -> bool:
    """Ended (a zombie waiting for a parent to reap it has ended too)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False


def wait_for(condition: object, limit: float = 60.0) -> bool:
    """Poll `condition` (a function) until true or `limit` seconds pass (a safety net for
    a broken run, not a measure: nothing here asserts how long anything takes)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("stage", ["writing", "analysis"])
def test_background_writers_die_when_the_run_is_killed(tmp_path: Path, stage: str) -> None:
    run = subprocess.Popen([sys.executable, "-c", ENDLESS, str(SAMPLE), str(tmp_path), stage],
                           cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    writers: list[int] = []
    try:
        def writing() -> bool:
            marks = [p for p in tmp_path.glob("*.escribiendo") if p.stat().st_size]
            writers[:] = [int(p.name.split(".")[0]) for p in marks]
            return bool(writers)

        assert wait_for(writing), "the background writer never started"
        run.send_signal(signal.SIGKILL)
        run.wait()
        assert wait_for(lambda: all(gone(pid) for pid in writers), limit=20.0), (
            "a writer forked by the run goes on after the run was killed")
        sizes = {p: p.stat().st_size for p in tmp_path.glob("*.escribiendo")}
        assert all(gone(pid) for pid in writers)
        assert {p: p.stat().st_size for p in tmp_path.glob("*.escribiendo")} == sizes
    finally:
        run.kill()
        run.wait()
        for pid in writers:
            if not gone(pid):
                os.kill(pid, signal.SIGKILL)


def test_observations_and_indicators_judged_apart_give_the_same_round(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A round with many observation and indicator rows judges them in a process of its
    own, beside the matrix's checks: every table, issue and figure is the one judged in
    the run's own process (and the process was forked)."""
    import pipeline.analyse.round as analysis
    from pipeline.cli import cli

    make_round = _benchmark("make_round")
    inbox = tmp_path / "ronda"
    paths = make_round.make_round(inbox, 3, indicators=45)
    observer = make_round.make_observer(inbox, 40)
    for path, row in ((observer, ["Nadie", "Una actividad que nadie tiene", "Finalizado", "",
                                  "", "Planetario"]),  # no such item, no such level
                      (paths[0], ["X-1", "Personas atendidas", "personas", "mucho"])):
        book = openpyxl.load_workbook(path)  # (a value no one can read)
        book.worksheets[-1].append(row)
        book.save(path)
    forked: list[bool] = []
    original = analysis.in_background

    def watched(work: Callable[[], T], enabled: bool = True) -> Callable[[], T]:
        forked.append(enabled)
        return original(work, enabled)

    monkeypatch.setattr(analysis, "in_background", watched)
    outputs = {}
    for apart, name in ((0, "apart"), (10**9, "here")):
        monkeypatch.setattr(analysis, "SIDES_APART", apart)
        out = tmp_path / name
        done = CliRunner().invoke(cli, ["consolidate", str(inbox), "--out", str(out),
                                        "--as-of", "2026-11-30"])
        assert done.exit_code == 0, done.output
        outputs[name] = {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}
    assert forked == [True, False]
    assert outputs["apart"] == outputs["here"]
    problems = outputs["here"]["problemas.csv"].decode("utf-8-sig")
    for code in ("observacion-sin-item", "ambito-desconocido", "indicador-valor-ilegible"):
        assert f",{code}," in problems  # (the side rows' issues, merged in their place)
    observed = outputs["here"]["observaciones.csv"].decode("utf-8-sig").splitlines()
    assert len(observed) == 42  # (the titles, 40 views and the one of no known item)


def test_work_that_fails_in_another_process_logs_where(
        caplog: pytest.LogCaptureFixture) -> None:
    """A defect in work done in another process (a large round's analysis, its writers)
    is logged with its traceback: the log the internal-error message points at says which
    line failed, not only the exception's words."""
    from pipeline.model.children import in_background

    def broken() -> None:
        {"a": 1}["missing"]  # noqa: B018 - the defect

    with caplog.at_level("ERROR", logger="seguimiento"), pytest.raises(
            RuntimeError, match="missing"):
        in_background(broken)()
    told = "\n".join(r.getMessage() for r in caplog.records)
    assert "Traceback" in told and "in broken" in told and "KeyError" in told


def test_without_a_process_to_fork_the_work_runs_here(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no process can be made (memory, a limit on processes), the work is done in
    this one instead of failing the run."""
    import multiprocessing.process

    from pipeline.model.children import in_background

    def refused(self: object) -> None:
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refused)
    assert in_background(lambda: os.getpid())() == os.getpid()


def test_a_result_never_asked_for_leaves_no_process_behind() -> None:
    """Work whose answer is large and never asked for (the analysis failed after starting
    it) does not keep its process, and the round's memory, once the caller lets go."""
    import gc
    import multiprocessing

    from pipeline.model.children import in_background

    before = set(multiprocessing.active_children())
    waiting = in_background(lambda: b"x" * 10**7)
    started = set(multiprocessing.active_children()) - before
    assert started
    del waiting
    gc.collect()
    assert wait_for(lambda: not (set(multiprocessing.active_children()) & started), 20)


GIVE_BACK = """
from pipeline.model import children
def rss(): return int(open('/proc/self/statm').read().split()[1]) * 4096
kept = [bytes(2000) + bytes([i % 256]) for i in range(200_000)][::200]  # the rest freed
held = rss()
children.in_background(lambda: len(kept))()  # (forking gives the freed memory back first)
print(held, rss())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux") or
                    os.confstr("CS_GNU_LIBC_VERSION") is None,
                    reason="the C library that keeps freed memory is glibc's")
def test_memory_freed_before_a_fork_is_given_back_to_the_system() -> None:
    """400 MB freed in small pieces stay in the process's count (glibc keeps them for its
    next allocations), and in the count of every process forked from it: they are handed
    back before the fork."""
    done = subprocess.run([sys.executable, "-c", GIVE_BACK], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    held, after = map(int, done.stdout.split())
    assert held - after > 300 << 20, (held >> 20, after >> 20)
