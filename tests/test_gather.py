"""Files are read by worker processes: two give what one gives, in the same order; a
file that kills, hangs or exhausts its reader is refused and the rest are read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import pipeline.read.gather
import pipeline.read.isolation
import pipeline.read.workbook
from pipeline.jobs.consolidate import Options, analyze
from pipeline.read.files import list_input_files
from pipeline.read.isolation import read_isolated
from pipeline.read.workbook import read_workbook
from tests.conftest import AS_OF, ROOT


def _analysis(out: Path) -> tuple[list[tuple[object, ...]], list[str], list[tuple[str, str]]]:
    result = analyze(Options(input_dir=ROOT / "input_workbooks", out_dir=out, as_of=AS_OF))
    rows = [tuple(map(str, row)) for row in result.matrix.itertuples(index=False, name=None)]
    issues = [f"{i.code} {i.archivo} {i.celda} {i.valor}" for i in result.issues]
    subs = [(s.archivo, s.estado) for s in result.submissions]
    return rows, issues, subs


def test_two_reading_processes_give_what_one_gives(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = _analysis(tmp_path / "one")
    monkeypatch.setattr(pipeline.read.isolation, "PARALLEL_FROM", 1)
    calls: list[str] = []
    monkeypatch.setattr(pipeline.read.workbook, "read_workbook",
                        lambda path: calls.append(path.name) or read_workbook(path))
    assert _analysis(tmp_path / "two") == one
    assert calls == []  # nothing was read in this process: the workers read


@pytest.mark.parametrize("how", ["exits", "aborts", "hangs", "runs out of memory"])
def test_a_file_that_kills_its_reader_is_refused_and_the_others_are_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """Whatever a file does to the reader (a native crash, an abort, an endless loop, a
    huge allocation), that file is refused with a reason and the others are read."""
    import signal
    import time

    parent = os.getpid()

    def reader(path: Path):  # type: ignore[no-untyped-def]
        if os.getpid() != parent and path.name.startswith("Honduras"):
            if how == "exits":
                os._exit(1)  # as a crash in a native library would
            if how == "aborts":
                os.kill(os.getpid(), signal.SIGABRT)
            if how == "hangs":
                time.sleep(60)
            if how == "runs out of memory":
                bytearray(3 << 30)
        return read_workbook(path)

    monkeypatch.setattr(pipeline.read.isolation, "FILE_SECONDS", 2.0)
    candidates = list_input_files(ROOT / "input_workbooks")
    paths = [c.path for c in candidates if not c.skip_reason]
    alone = {p.name: read_workbook(p).refused for p in paths}
    read = list(read_isolated(paths, reader))
    assert [r.path for r in read] == paths
    refused = {r.path.name: r.refused for r in read if r.refused}
    assert set(refused) == {"Honduras - 2026-T4.xlsx", *(n for n, r in alone.items() if r)}
    reason = refused["Honduras - 2026-T4.xlsx"]
    assert reason is not None
    expected = {"exits": "se detuvo", "aborts": "más memoria", "hangs": "2 segundos",
                "runs out of memory": "más memoria"}[how]
    assert expected in reason[0], reason
    assert all(r.sheets for r in read if not r.refused)


def test_rows_gathered_a_frame_at_a_time_make_the_same_frame(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    from pipeline.normalize.matching import Matcher
    from pipeline.read.files import list_input_files
    from pipeline.reference.load import load_reference

    ref = load_reference()

    def raw() -> pd.DataFrame:
        return pipeline.read.gather.gather(list_input_files(ROOT / "input_workbooks"), ref,
                                      Matcher(ref), None, AS_OF, "es").raw

    whole = raw()
    monkeypatch.setattr(pipeline.read.gather, "RECORDS_PER_FRAME", 1)  # a frame a file
    pieces = raw()
    assert list(pieces.columns) == list(whole.columns)
    assert pieces["_fecha_envio"].dtype == whole["_fecha_envio"].dtype
    assert pieces.astype(str).equals(whole.astype(str))


def test_links_to_nothing_and_pipes_are_skipped_and_listed(tmp_path: Path) -> None:
    """Never opened: a FIFO would hang the run, a dangling link ended it."""
    import shutil

    inbox = tmp_path / "in"
    shutil.copy(ROOT / "input_workbooks" / "Honduras - 2026-T4.xlsx", inbox.mkdir() or inbox)
    (inbox / "Guatemala.xlsx").symlink_to(tmp_path / "borrado.xlsx")
    (inbox / "bucle.xlsx").symlink_to(inbox / "bucle.xlsx")
    os.mkfifo(inbox / "x.csv")
    (inbox / "enlace bueno.xlsx").symlink_to(inbox / "Honduras - 2026-T4.xlsx")
    result = analyze(Options(input_dir=inbox, out_dir=tmp_path / "out", as_of=AS_OF))
    states = {s.archivo: (s.estado, s.motivo[1] if s.motivo else "")
              for s in result.submissions if s.archivo}
    assert states["Guatemala.xlsx"][0] == "omitido" and "no longer exists" in states[
        "Guatemala.xlsx"][1]
    assert states["bucle.xlsx"][0] == "omitido" and "points to itself" in states["bucle.xlsx"][1]
    assert states["x.csv"][0] == "omitido" and "pipe" in states["x.csv"][1]
    assert states["Honduras - 2026-T4.xlsx"][0] in {"leido", "reemplazado"}
    assert states["enlace bueno.xlsx"][0] in {"leido", "reemplazado"}  # a link to a file
    skipped = {i.archivo for i in result.issues if i.code == "archivo-omitido"}
    assert {"Guatemala.xlsx", "bucle.xlsx", "x.csv"} <= skipped


def test_folders_in_the_folder_are_listed_with_what_they_hold(tmp_path: Path) -> None:
    """A focal point's attachments saved into a folder of the round's folder are not read,
    and the run says so, with how many spreadsheets wait there: never a country shown as
    having sent nothing without a word. A link to a folder the same; a hidden folder (a
    version control's, a system's) is not listed."""
    import shutil

    inbox = tmp_path / "in"
    (inbox / "adjuntos").mkdir(parents=True)
    shutil.copy(ROOT / "input_workbooks" / "Honduras - 2026-T4.xlsx", inbox)
    shutil.copy(ROOT / "input_workbooks" / "Guatemala - 2026-T4.xlsx", inbox / "adjuntos")
    (inbox / "adjuntos" / "~$Guatemala - 2026-T4.xlsx").write_bytes(b"lock")
    (inbox / "vacía").mkdir()
    (inbox / "enlace").symlink_to(inbox / "adjuntos")
    (inbox / ".git").mkdir()
    result = analyze(Options(input_dir=inbox, out_dir=tmp_path / "out", as_of=AS_OF))
    states = {s.archivo: (s.estado, s.motivo[1] if s.motivo else "")
              for s in result.submissions if s.archivo}
    assert states["adjuntos"] == ("omitido", "it is a folder; its spreadsheets (1) are not "
                                  "read: only the folder's own files are. If they are this "
                                  "round's, move them into the folder itself")
    assert states["enlace"] == states["adjuntos"]
    assert states["vacía"][0] == "omitido" and "nothing needs doing" in states["vacía"][1]
    assert ".git" not in states and states["Honduras - 2026-T4.xlsx"][0] == "leido"
    skipped = {i.archivo for i in result.issues if i.code == "archivo-omitido"}
    assert {"adjuntos", "enlace", "vacía"} <= skipped


def test_validate_skips_a_pipe_given_by_name(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import cli

    os.mkfifo(tmp_path / "x.xlsx")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "x.xlsx"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "pipe" in result.output and "archivo-omitido" in result.output


def test_what_a_reader_prints_goes_to_the_log_not_the_terminal(
        capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    """A Rust panic message, printed by native code straight to the process's stderr."""
    parent = os.getpid()

    def reader(path: Path):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            os.write(2, b"thread '<unnamed>' panicked at src/xlsx/mod.rs:42:\n")
        return read_workbook(path)

    paths = [ROOT / "input_workbooks" / "Honduras - 2026-T4.xlsx"]
    with caplog.at_level("INFO", logger="seguimiento"):
        [read] = list(read_isolated(paths, reader))
    assert read.sheets
    assert "panicked" not in capfd.readouterr().err
    assert "panicked at src/xlsx/mod.rs" in caplog.text


SIZES = [10, 12, 11, 900, 10, 13, 950, 10, 2000, 1000, 10, 5000, 11, 12]  # (bytes)


def _sized(folder: Path, sizes: list[int] = SIZES) -> list[Path]:
    """Files of `sizes` bytes, named by their place."""
    paths = [folder / f"{n:02d}.xlsx" for n in range(len(sizes))]
    for path, size in zip(paths, sizes, strict=True):
        path.write_bytes(b"x" * size)
    return paths


@pytest.mark.parametrize(("ahead_bytes", "first"), [
    (None, [11, 8, 9, 6]),  # the four largest, largest first
    (4_000, [8, 9, 6]),  # 5000 bytes would not fit; 2000 + 1000 + 950 do
], ids=["default", "bytes-held-ahead"])
def test_the_much_larger_files_go_first_up_to_what_may_wait(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ahead_bytes: int | None,
        first: list[int]) -> None:
    """The few much larger files are sent first: at most AHEAD, and no more bytes than
    AHEAD_BYTES, as their results wait for their turn; then the rest in their order."""
    if ahead_bytes is not None:
        monkeypatch.setattr(pipeline.read.isolation, "AHEAD_BYTES", ahead_bytes)
    order = [n for n, _ in pipeline.read.isolation._largest_first(_sized(tmp_path))]
    assert order == [*first, *(n for n in range(len(SIZES)) if n not in first)]


def test_a_much_larger_file_is_read_first_and_given_in_its_turn(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An observer's file of thousands of rows, last by name, was read while the other
    reader waited: each reader begins with one of the largest, and the results still come
    in the files' order; one reader reads them in their order."""
    monkeypatch.setattr(pipeline.read.isolation, "PARALLEL_FROM", 4)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # (two readers, on any machine)
    paths = _sized(tmp_path)
    log = tmp_path / "read-order"

    def reader(path: Path) -> pipeline.read.workbook.WorkbookRead:
        with log.open("a") as written:
            written.write(f"{os.getpid()} {path.name}\n")
        return pipeline.read.workbook.WorkbookRead(path, refused=(path.name, path.name))

    read = list(read_isolated(paths, reader))
    assert [r.path for r in read] == paths
    first: dict[str, str] = {}
    for line in log.read_text().splitlines():
        first.setdefault(*line.split())
    assert set(first.values()) == {"11.xlsx", "08.xlsx"}  # each reader's first: the largest
    monkeypatch.setattr(os, "cpu_count", lambda: 1)  # one reader: in the files' order
    log.unlink()
    assert [r.path for r in read_isolated(paths, reader)] == paths
    assert [line.split()[1] for line in log.read_text().splitlines()] == [p.name for p in paths]


def test_a_reader_that_died_before_it_was_sent_more_refuses_only_its_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader that dies on its second file after answering the first: the next file
    sent to it found its pipe closed, and the run stopped on a BrokenPipeError. Now that
    file is refused and every other one read, in order."""
    import time

    parent = os.getpid()
    paths = _sized(tmp_path, [1] * 6)

    def reader(path: Path) -> pipeline.read.workbook.WorkbookRead:
        if os.getpid() != parent and path.name == "01.xlsx":
            os._exit(1)  # as a crash in a native library would
        return pipeline.read.workbook.WorkbookRead(path, detail="read")

    answer = pipeline.read.isolation._Pool._answer

    def slow_answer(pool: object, n: int, path: Path) -> pipeline.read.workbook.WorkbookRead:
        result = answer(pool, n, path)  # type: ignore[arg-type]
        if n == 0:
            time.sleep(0.5)  # the reader meanwhile dies on the next file
        return result

    monkeypatch.setattr(pipeline.read.isolation._Pool, "_answer", slow_answer)
    read = list(read_isolated(paths, reader))
    assert [r.path for r in read] == paths
    assert [r.path.name for r in read if r.refused] == ["01.xlsx"]
    assert all(r.detail == "read" for r in read if not r.refused)


def test_validate_counts_files_not_the_folders_beside_them(tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner

    from pipeline.cli import cli

    (tmp_path / "adjuntos").mkdir()
    shutil.copy(ROOT / "input_workbooks" / "Honduras - 2026-T4.xlsx", tmp_path)
    result = CliRunner().invoke(cli, ["validate", str(tmp_path), "--lang", "en"])
    assert "1 file" in result.output and "2 files" not in result.output, result.output
    assert "adjuntos" in result.output  # (the folder still said)
