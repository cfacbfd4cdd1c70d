"""A large round is read in more processes: the same submissions, rows and issues as
reading it here, in the same order, even when a reading process dies."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import pipeline.gather
from pipeline.read import read_workbook
from pipeline.run import Options, analyze
from tests.conftest import AS_OF, ROOT


def _analysis(out: Path) -> tuple[list[tuple[object, ...]], list[str], list[tuple[str, str]]]:
    result = analyze(Options(input_dir=ROOT / "input_workbooks", out_dir=out, as_of=AS_OF))
    rows = [tuple(map(str, row)) for row in result.matrix.itertuples(index=False, name=None)]
    issues = [f"{i.code} {i.archivo} {i.celda} {i.valor}" for i in result.issues]
    subs = [(s.archivo, s.estado) for s in result.submissions]
    return rows, issues, subs


def test_reading_in_processes_gives_what_reading_here_gives(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = _analysis(tmp_path / "here")
    monkeypatch.setattr(pipeline.gather, "PARALLEL_FROM", 1)
    calls: list[str] = []
    monkeypatch.setattr(pipeline.gather, "read_workbook",
                        lambda path: calls.append(path.name) or read_workbook(path))
    assert _analysis(tmp_path / "processes") == here
    assert calls == []  # nothing was read in this process: the workers read


def test_a_reading_process_that_dies_leaves_its_files_to_this_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    here = _analysis(tmp_path / "here")
    parent = os.getpid()

    def dies_in_a_worker(path: Path):  # type: ignore[no-untyped-def]
        if os.getpid() != parent and path.name.startswith("Honduras"):
            os._exit(1)  # as a crash in a native library would
        return read_workbook(path)

    monkeypatch.setattr(pipeline.gather, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pipeline.gather, "read_workbook", dies_in_a_worker)
    assert _analysis(tmp_path / "processes") == here
    assert "reading the rest here" in caplog.text


def test_rows_gathered_a_frame_at_a_time_make_the_same_frame(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    from pipeline.config import load_reference
    from pipeline.files import list_input_files
    from pipeline.matching import Matcher

    ref = load_reference()

    def raw() -> pd.DataFrame:
        return pipeline.gather.gather(list_input_files(ROOT / "input_workbooks"), ref,
                                      Matcher(ref), None, AS_OF, "es").raw

    whole = raw()
    monkeypatch.setattr(pipeline.gather, "RECORDS_PER_FRAME", 1)  # a frame a file
    pieces = raw()
    assert list(pieces.columns) == list(whole.columns)
    assert pieces["_fecha_envio"].dtype == whole["_fecha_envio"].dtype
    assert pieces.astype(str).equals(whole.astype(str))
