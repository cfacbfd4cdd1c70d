"""The environment failing (a full disk, a folder that cannot be written) is told as such
with exit 3 and the previous outputs and history intact; "internal error" is kept for
real defects (docs/contract.md §7)."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.write.round
from pipeline.cli import cli
from pipeline.write import package
from tests.conftest import AS_OF, ROOT

SAMPLE = ROOT / "input_workbooks"


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def consolidate(out: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["consolidate", str(SAMPLE), "--out", str(out),
                                      "--as-of", AS_OF.isoformat(), *args])
    return result.exit_code, result.output


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real file system of its own (tmpfs), which the test can fill or make read-only;
    skipped where this process may not mount one."""
    mount = tmp_path / "disco"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode:
        pytest.skip("cannot mount a small file system here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_full_disk_is_told_as_such_and_changes_nothing(small_disk: Path) -> None:
    out = small_disk / "ronda"
    code, output = consolidate(out)
    assert code == 0, output
    before = digest(out)
    filler = small_disk / "relleno"
    # Fill the disk, unbuffered: a buffered file keeps what the last write could not
    # store and fails again as it is closed, or not, by how the free space falls.
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    filler.write_bytes(filler.read_bytes()[:-40_000])  # room for the lock, not the outputs
    for lang, words in (("es", "El disco está lleno"), ("en", "The disk is full")):
        code, output = consolidate(out, "--round", "2027-T1", "--lang", lang)
        assert code == 3, output
        assert words in output and "Internal" not in output and "interno" not in output
        assert digest(out) == before  # the outputs and the history as they were


def test_a_folder_made_read_only_is_told_as_such(small_disk: Path) -> None:
    out = small_disk / "ronda"
    code, output = consolidate(out)
    assert code == 0, output
    before = digest(out)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    code, output = consolidate(out, "--lang", "en")
    assert code == 3, output
    assert "cannot be written" in output and "Internal" not in output
    assert digest(out) == before
    code, output = consolidate(out)  # (the system's words were English in every language)
    assert code == 3 and "solo lectura" in output and "Read-only" not in output, output


@pytest.mark.parametrize("failure, words", [
    (errno.ENOSPC, "The disk is full"),
    (errno.EROFS, "cannot be written"),
])
@pytest.mark.parametrize("large", [False, True])
def test_a_failure_mid_write_leaves_the_previous_outputs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: int, words: str,
        large: bool) -> None:
    """Half-way through the workbook (written in another process for a large round)."""
    out = tmp_path / "out"
    assert consolidate(out)[0] == 0
    before = digest(out)
    real = pipeline.write.round.write_consolidated

    def fails_half_way(result, path, *args, **kwargs):  # type: ignore[no-untyped-def]
        real(result, path, *args, **kwargs)
        raise OSError(failure, "simulated", str(path))

    monkeypatch.setattr(pipeline.write.round, "write_consolidated", fails_half_way)
    if large:
        monkeypatch.setattr(pipeline.write.round, "LARGE_ROUND", 1)
    code, output = consolidate(out, "--lang", "en", "--round", "2027-T1")
    assert code == 3, output
    assert words in output and "Internal error" not in output
    assert digest(out) == before


def test_a_real_defect_is_still_an_internal_error(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(pipeline.write.round, "write_consolidated", broken)
    code, output = consolidate(tmp_path / "out", "--lang", "en")
    assert code == 4 and "Internal error" in output


@pytest.mark.parametrize("large", [False, True])
def test_a_full_disk_while_a_feedback_workbook_is_written_is_told_as_such(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, large: bool) -> None:
    """A feedback workbook's zip is written in one go at its close (not by zipfile): the
    disk filling there, part of the bytes written, is told as a full disk (exit 3) and
    leaves the previous outputs as they were (for a large round, from the processes that
    share the feedback)."""
    out = tmp_path / "out"
    assert consolidate(out)[0] == 0
    before = digest(out)

    def full(self: package._PackageInMemory) -> None:
        self._out.write(b"".join(self._made)[:1000])
        self._out.close()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), self._out.name)

    monkeypatch.setattr(package._PackageInMemory, "close", full)
    if large:
        monkeypatch.setattr(pipeline.write.round, "LARGE_ROUND", 1)
    code, output = consolidate(out, "--lang", "en", "--round", "2027-T1")
    assert code == 3, output
    assert "The disk is full" in output and "Internal error" not in output
    assert digest(out) == before


@pytest.mark.parametrize(("failure", "exit_code"), [
    (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), 3),
    (KeyboardInterrupt(), 130),  # (Ctrl-C: the shells' code for it)
])
def test_a_failed_run_leaves_no_writer_writing_after_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException,
        exit_code: int) -> None:
    """A large round writes consolidado.xlsx in another process. When the run fails
    meanwhile (the disk fills under a feedback workbook, or Ctrl-C there), that writer is
    stopped before the run cleans its staging folder and returns: nothing it writes lands
    after (a file it made in the folder being cleaned was left behind), the previous
    outputs stay as they were."""
    out = tmp_path / "out"
    assert consolidate(out)[0] == 0
    before = digest(out)
    late = tmp_path / "written-after-the-run"

    def slow(result, path, *args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(2)  # (still writing when the run fails)
        late.write_text("still writing")
        path.write_bytes(b"")

    def fails(self: package._PackageInMemory) -> None:
        raise failure

    monkeypatch.setattr(pipeline.write.round, "write_consolidated", slow)
    monkeypatch.setattr(package._PackageInMemory, "close", fails)
    monkeypatch.setattr(pipeline.write.round, "LARGE_ROUND", 1)
    code, output = consolidate(out, "--lang", "en", "--round", "2027-T1")
    assert code == exit_code, output
    if isinstance(failure, KeyboardInterrupt):  # said in the run's language
        assert output.startswith("Interrupted (Ctrl-C). Nothing was left half done"), output
    time.sleep(3)  # (as long as the writer would have taken, and more)
    assert not late.exists()
    assert digest(out) == before


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES, errno.ENOTDIR, errno.ENAMETOOLONG,
                                  errno.ENOENT])
def test_why_a_folder_cannot_be_written_is_said_in_the_runs_language(code: int) -> None:
    """(second attack pass: the system's English, "Read-only file system", inside a Spanish
    message)"""
    import os

    from pipeline.model.errors import not_writable

    error = OSError(code, os.strerror(code), "/datos/salida")
    spanish, english = not_writable("/datos/salida", error).message("es"), not_writable(
        "/datos/salida", error).message("en")
    assert os.strerror(code) not in spanish and "/datos/salida" in spanish, spanish
    assert spanish != english
